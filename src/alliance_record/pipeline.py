"""The build: every stage in order, from a seeds folder to one SQLite file.

``read_inputs`` reads and checks everything curated (collecting all problems), ``build`` runs
the stages document by document and writes the database atomically. Stage timings are kept in
``BuildResult.stages`` for the benchmark.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import bibliography, curate, ingest, schema, segment
from .errors import Collector
from .extract import footnotes
from .load import Loader, atomic_database

WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")


@dataclass
class Inputs:
    seeds_dir: Path
    catalog: curate.Catalog
    documents: list
    actors: curate.Registry
    places: curate.Registry


@dataclass
class Context:
    """What every stage may read: the curated inputs, and state gathered across documents."""

    inputs: Inputs
    state: dict = field(default_factory=dict)


# Per-document extractors, in order: extract(doc, seg, rows, ctx) -> {table: [rows]}.
DOCUMENT_EXTRACTORS: list = [footnotes.extract]
# Corpus-level stages, in order, after every document: finish(ctx) -> {table: [rows]}.
CORPUS_STAGES: list = [curate.registry_rows, bibliography.finish]


def check_declared(rows: dict):
    unknown = set(rows) - set(schema.TABLES_BY_NAME)
    if unknown:
        raise ValueError(f"rows for undeclared tables {sorted(unknown)}: declare them in schema.py")


def stage_name(func) -> str:
    return func.__module__.rsplit(".", 1)[-1]


@dataclass
class BuildResult:
    out: Path
    counts: dict = field(default_factory=dict)
    stages: dict = field(default_factory=lambda: defaultdict(float))


@contextmanager
def timed(stages: dict, name: str):
    t0 = time.perf_counter()
    try:
        yield
    finally:
        stages[name] += time.perf_counter() - t0


def read_inputs(seeds_dir) -> Inputs:
    """Read the catalog and seed texts; raise :class:`InputErrors` listing every problem."""
    seeds_dir = Path(seeds_dir)
    errors = Collector()
    if not seeds_dir.is_dir():
        errors.add(seeds_dir, "seeds folder not found")
        errors.raise_if_any()
    catalog = curate.load_catalog(seeds_dir, errors)
    ingest.check_seeds_match_catalog(seeds_dir, catalog, errors)
    documents = ingest.read_documents(seeds_dir, catalog, errors)
    actors = curate.load_actors(seeds_dir, errors)
    places = curate.load_places(seeds_dir, errors)
    errors.raise_if_any()
    return Inputs(seeds_dir=seeds_dir, catalog=catalog, documents=documents, actors=actors, places=places)


def document_row(doc, seg) -> dict:
    meta = doc.meta
    words = sum(len(WORD.findall(p["text"])) for p in seg.paragraphs)
    return {
        "id": doc.id, "source_file": doc.source_file, "title": meta["title"],
        "title_basis": meta.get("title_basis") or "headline as printed in the text",
        "publisher": meta["publisher"], "authors": "; ".join(meta.get("authors") or []) or None,
        "kind": meta["kind"], "published": meta["published"],
        "published_precision": meta["published_precision"],
        "published_earliest": curate.publication_window(meta)[0],
        "published_latest": curate.publication_window(meta)[1],
        "published_basis": " ".join(str(meta["published_basis"]).split()),
        "language": meta["language"], "url": meta.get("url"), "rights": meta.get("rights"),
        "sha256": doc.sha256, "word_count": words, "char_count": len(doc.text), "text": doc.text,
    }


def build(seeds_dir, out_path) -> BuildResult:
    """Build the whole dataset from ``seeds_dir`` into ``out_path`` (atomically)."""
    result = BuildResult(out=Path(out_path))
    stages = result.stages
    with timed(stages, "ingest"):
        inputs = read_inputs(seeds_dir)
    ctx = Context(inputs=inputs)
    with atomic_database(out_path) as db:
        schema.create_tables(db)
        loader = Loader(db)
        for doc in inputs.documents:
            with timed(stages, "segment"):
                seg = segment.segment(doc)
            rows = {"documents": [document_row(doc, seg)], **seg.rows()}
            for extractor in DOCUMENT_EXTRACTORS:
                with timed(stages, stage_name(extractor)):
                    for table, new in extractor(doc, seg, rows, ctx).items():
                        rows.setdefault(table, []).extend(new)
            with timed(stages, "load"):
                loader.add_document_text(doc.id, doc.text)
                check_declared(rows)
                for table in schema.TABLES:
                    loader.insert(table.name, rows.get(table.name, []))
        for stage in CORPUS_STAGES:
            with timed(stages, stage_name(stage)):
                new_rows = stage(ctx)
            with timed(stages, "load"):
                check_declared(new_rows)
                for table in schema.TABLES:
                    loader.insert(table.name, new_rows.get(table.name, []))
        with timed(stages, "index"):
            db.conn.commit()
            schema.finish(db)
        result.counts = dict(loader.counts)
    return result
