"""The reference labeller: a trained sequence labeller that cuts a reference into its fields.

A References entry is split into whitespace tokens; a linear-chain CRF labels each one
author, editor, title, container, date, publisher, location, volume, pages, url, doi,
edition, genre, note, collection, contributor or number (the list label); each run of one
label is then read by the rules that know its form (names, dates, volumes, pages), and URLs,
DOIs and access dates are the rules' own (:func:`alliance_record.citations.parse_references`).

* :mod:`.features`: what the labeller sees of each token and where it stands;
* :mod:`.model`: the trained weights (``reference_model.json``, shipped in the package, with
  its provenance) and a batched Viterbi decoder that needs no CRFsuite at run time;
* :mod:`.fields`: from labelled runs to a citation record;
* :mod:`.anystyle`: AnyStyle's labelled references (the training and test data, read from
  a checkout of AnyStyle, never kept here), their labels, and the held-out protocol;
* :mod:`.score`: per-field P/R/F1 and whole references on that data;
* :mod:`.tei`: GROBID's labelled references (TEI ``<bibl>``, read from a folder, never kept
  here) as AnyStyle runs for the same scorer, and as labelled tokens for training;
* :mod:`.excite`: the EXCITE project's segmented references (SSOAR papers, read from a folder,
  never kept here) as AnyStyle runs, a held-out set for the same scorer;
* :mod:`.parscit`: ParsCit's tagged references, and a held-out set read from files of the
  formats above (ParsCit lines, AnyStyle XML, GROBID TEI; never kept here);
* :mod:`.train`: training with CRFsuite on AnyStyle's and GROBID's data (``make citation-model``);
* :mod:`.speed`: a synthetic References list for ``make bench``.
"""
