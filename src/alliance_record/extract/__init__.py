"""Extract: everything derived from the segmented text by code.

Each extractor is a plain function run once per document, after segmentation::

    def extract(doc, seg, rows, ctx) -> dict[str, list[dict]]

``doc`` is the :class:`~alliance_record.ingest.Document`, ``seg`` its
:class:`~alliance_record.segment.Segmentation`, ``rows`` the rows produced so far for this
document (table -> list of row dicts; later extractors may read what earlier ones made), and
``ctx`` the build :class:`~alliance_record.pipeline.Context` (curated inputs, and ``ctx.state``
for anything a corpus-level stage must gather across documents). It returns new rows by table;
table and column names must be declared in :mod:`alliance_record.schema`.

Corpus-level stages run once after all documents::

    def finish(ctx) -> dict[str, list[dict]]

The order of both lists is in :mod:`alliance_record.pipeline`.

Detectors (pure functions over a string, not yet wired into the pipeline): each returns
dataclasses with exact offsets into the string it was given (``text[x.start:x.end] == x.quote``),
and leaves actors and ids to the extractor that calls it.

* :mod:`.quantities` — ``find_quantities(text)``: amounts, percentages, counts, durations,
  distances, ratios, casualties and ranges;
* :mod:`.quotations` — ``find_quotations(text)`` and ``find_speaker(text, quotation)``;
* :mod:`.recommendations` — ``find_candidates(text, heading=None, sentences=None)``.
"""
