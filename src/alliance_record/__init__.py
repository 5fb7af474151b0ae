"""Alliance Record: a queryable dataset of what public documents say about the U.S.-Japan alliance.

The build is a pipeline of plain functions over plain data, one module per stage:

    ingest    -> read seed files and the catalog, normalise text          (ingest.py)
    segment   -> boilerplate, sections, paragraphs, sentences, figures    (segment.py)
    extract   -> footnotes, citations, mentions, dates, quantities ...    (extract/)
    curate    -> registries and annotations from YAML, verified on text   (curate.py)
    load      -> rows into SQLite, provenance-checked, atomically         (load.py)
    serve     -> Datasette templates and hooks                            (serve.py)

The tables themselves are declared once, in schema.py.
"""

__version__ = "0.1.0"
