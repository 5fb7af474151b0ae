"""The build: every stage in order, from a seeds folder to one SQLite file.

``read_inputs`` reads and checks everything curated (collecting all problems), ``build`` runs
the stages document by document and writes the database atomically. Stage timings are kept in
``BuildResult.stages`` for the benchmark.
"""

from __future__ import annotations

import collections
import gc
import itertools
import os
import pickle
import re
import time
from collections import defaultdict
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from . import bibliography, curate, gazetteer, incremental, ingest, schema, segment
from .errors import BuildFailed, Collector, InputError, InputErrors, OutputError
from .curate import review
from .extract import claims, date_mentions, events, footnotes, mentions
from .load import (Loader, atomic_database, check_target, chunk_folder, companion_path, prepare,
                   write_chunk)
from .yamlio import parse_cache

WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")


@dataclass
class Inputs:
    seeds_dir: Path
    catalog: curate.Catalog
    documents: list
    actors: curate.Registry
    places: curate.Registry
    unmatched_ignore: list = field(default_factory=list)
    annotations: curate.Annotations = field(default_factory=curate.Annotations)


@dataclass
class Context:
    """What every stage may read: the curated inputs, and state gathered across documents.

    ``state`` holds what extractors gather for the corpus stages: lists, sets, counters and
    dicts of them. When documents are processed in several worker processes, each worker's
    state is merged into the main one by :func:`merge_state` (lists extend, sets unite, numbers
    add, dicts merge key by key, the first text wins), in document order, so the result is the
    same as in one process. A corpus stage pops what only it reads, so that memory is freed as
    the build goes on. ``cache`` is per process and never merged (e.g. the name automaton).
    """

    inputs: Inputs
    state: dict = field(default_factory=dict)
    errors: Collector = field(default_factory=Collector)
    cache: dict = field(default_factory=dict)


def merge_state(into: dict, delta: dict):
    """Merge one document's gathered state into the build's (see :class:`Context`)."""
    for key, value in delta.items():
        if key not in into or into[key] is None:
            into[key] = value
        elif isinstance(value, dict):
            merge_state(into[key], value)
        elif isinstance(value, list):
            into[key].extend(value)
        elif isinstance(value, set):
            into[key].update(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            into[key] += value
        # anything else (text, flags): the first document's value stays

# Per-document extractors, in order: extract(doc, seg, rows, ctx) -> {table: [rows]}.
DOCUMENT_EXTRACTORS: list = [footnotes.extract, mentions.extract, date_mentions.extract, events.extract,
                             claims.extract]
# Corpus-level stages, in order, after every document: finish(ctx) -> {table: [rows]}.
CORPUS_STAGES: list = [curate.registry_rows, mentions.finish, bibliography.finish, events.finish,
                       date_mentions.finish]


def check_declared(rows: dict):
    unknown = set(rows) - set(schema.TABLES_BY_NAME)
    if unknown:
        raise ValueError(f"rows for undeclared tables {sorted(unknown)}: declare them in schema.py")


def stage_name(func) -> str:
    """The timer a stage's seconds go to: its module (``mentions``); a corpus stage of a module
    that also extracts per document gets its own (``mentions.finish``)."""
    name = func.__module__.rsplit(".", 1)[-1]
    if func in CORPUS_STAGES and any(stage_name(f) == name for f in DOCUMENT_EXTRACTORS):
        return f"{name}.finish"
    return name


@dataclass
class BuildResult:
    out: Path
    counts: dict = field(default_factory=dict)
    unmatched: int = 0  # names in the texts that no registry entry covers and no rule ignores
    documents: int = 0
    unreviewed: dict = field(default_factory=dict)  # drafted entries no person has reviewed, by kind
    incremental: bool = False      # True when the build reused the cache of the one before
    incremental_reason: str = ""   # why it did not (no cache, other code, too much changed...)
    rebuilt: dict = field(default_factory=dict)  # what an incremental build made again
    notices: list = field(default_factory=list)  # what validate reports without failing
    workers: int = 1
    # Seconds per stage, summed over documents: in worker processes these run side by side, so
    # their sum can exceed the wall time.
    stages: dict = field(default_factory=lambda: defaultdict(float))
    # Wall-clock seconds of each phase of the build, one after another: inputs, documents (every
    # document extracted and written), corpus (the corpus stages), index, compact (the compacted
    # copy that becomes the database, and build/unmatched.csv made from it).
    phases: dict = field(default_factory=dict)


@contextmanager
def timed(stages: dict, name: str):
    t0 = time.perf_counter()
    try:
        yield
    finally:
        stages[name] += time.perf_counter() - t0


def read_inputs(seeds_dir, errors: Collector | None = None, reviewed_only: bool = False) -> Inputs:
    """Read the catalog, seed texts and curated files; raise :class:`InputErrors` listing every
    problem. Given a ``Collector``, problems are added to it instead and whatever could be read is
    returned, so that ``check`` can go on to the checks against the texts (every problem at once).
    With ``reviewed_only``, entries marked ``reviewed: false`` are left out (see curate.review)."""
    seeds_dir = Path(seeds_dir)
    keep_going = errors is not None
    errors = errors if keep_going else Collector()
    if not seeds_dir.is_dir():
        errors.add(seeds_dir, "seeds folder not found")
        errors.raise_if_any()
    catalog = curate.load_catalog(seeds_dir, errors)
    ingest.check_seeds_match_catalog(seeds_dir, catalog, errors)
    documents = ingest.read_documents(seeds_dir, catalog, errors)
    actors = curate.load_actors(seeds_dir, errors)
    places = curate.load_places(seeds_dir, errors)
    unmatched_ignore = curate.load_unmatched_ignore(seeds_dir, errors)
    annotations = curate.load_annotations(seeds_dir, curate.known_ids(catalog.by_stem, catalog.readable), actors, places, errors)
    inputs = Inputs(seeds_dir=seeds_dir, catalog=catalog, documents=documents, actors=actors,
                    places=places, unmatched_ignore=unmatched_ignore, annotations=annotations)
    if reviewed_only:
        review.leave_out_unreviewed(inputs, errors)
    if not keep_going:
        errors.raise_if_any()
    schema.use_registries(inputs.actors.by_id, inputs.places.by_id)  # names beside ids (schema.Named)
    return inputs


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
        "reviewed": curate.reviewed(meta),
    }


def unmatched_csv(db_path: Path, out: Path) -> list:
    """build/unmatched.csv (what the registries miss, see seeds/unmatched_ignore.yml), written from
    the finished database ``db_path`` into a temporary file beside the output ``out``: returns the
    ``(temporary file, target)`` pair for :func:`alliance_record.load.commit_together`, which puts
    it in place together with the database."""
    import csv
    import sqlite3

    tmp, target = companion_path(out, "unmatched.csv"), out.parent / "unmatched.csv"
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        cur = conn.execute("select surface, status, count, document_count, documents, reason, example "
                           "from unmatched_names order by status = 'unmatched' desc, count desc, surface")
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([d[0] for d in cur.description])
            writer.writerows(cur)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    return [(tmp, target)]


def check_outputs(seeds_dir, out: Path):
    """Refuse, before anything is written, an output that would destroy what it is made from or
    what is not the build's to replace: the database, its report (unmatched.csv) or its cache
    inside the seeds folder, or an existing file at ``out`` that is not a SQLite database (an
    empty file is one). A directory in the way of any of them is refused too."""
    seeds = Path(seeds_dir).resolve()
    written = [out, out.parent / "unmatched.csv", incremental.cache_dir(out)]
    for path in written:
        real = path.resolve()
        if real == seeds or seeds in real.parents:
            raise OutputError(path, f"is inside the seeds folder {seeds_dir}: the build never writes "
                              "there (choose another --out, e.g. build/alliance.db)")
    check_target(out)
    check_target(out.parent / "unmatched.csv")
    if out.is_file() and out.stat().st_size:
        with open(out, "rb") as fh:
            head = fh.read(16)
        if head != b"SQLite format 3\x00":
            raise OutputError(out, "exists and is not a SQLite database: the build replaces only a "
                              "database (move the file away or choose another --out)")


def extract_document(doc, ctx: Context):
    """Segment one document, run every extractor, and check and prepare its rows for writing:
    ``{table: [tuples]}`` in schema order (see :func:`alliance_record.load.prepare`)."""
    stages = defaultdict(float)
    with timed(stages, "segment"):
        seg = segment.segment(doc)
    rows = {"documents": [document_row(doc, seg)], **seg.rows()}
    for extractor in DOCUMENT_EXTRACTORS:
        with timed(stages, stage_name(extractor)):
            for table, new in extractor(doc, seg, rows, ctx).items():
                rows.setdefault(table, []).extend(new)
    check_declared(rows)
    with timed(stages, "check"):
        texts = {doc.id: doc.text}
        # each table's rows let go as they become tuples (a long document's are most of its memory)
        prepared = {t.name: prepare(t.name, rows[t.name], texts, consume=True) for t in schema.TABLES
                    if rows.get(t.name)}
    return prepared, stages


# Worker processes share the inputs through fork. Each extracts a chunk of documents and writes
# their rows into a small SQLite file of its own; the writer copies each file into the database
# with INSERT ... SELECT (in SQLite, not row by row in Python), so rows are not pickled between
# processes and writing keeps up with two extracting workers. States and errors come back by pipe.
_WORKER: dict = {}


@dataclass
class Batch:
    """One step of the document phase, for the writer: the documents it covers (indices into
    ``inputs.documents``), their rows — prepared tuples by table, one mapping per document, when
    extracted in this process, or the chunk file a worker wrote them into — and the stage seconds
    of each document."""

    indices: list
    stages: list
    rows: list | None = None
    chunk: Path | None = None
    states: list | None = None  # per document: its state, each key pickled apart (the cache keeps them)
    counts: list | None = None  # per document: rows written to each table


def _worker_init(inputs: Inputs, parent: int | None = None):
    """A worker ends with the build, quietly: Ctrl-C is the main process's to handle (it ends the
    workers), and on Linux the kernel kills the worker when the main process dies (a killed build
    used to leave its workers extracting, then printing BrokenPipe tracebacks)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    _WORKER["ctx"] = Context(inputs=inputs)


def _die_with_parent(parent: int | None):
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):  # not Linux: the worker notices when it next talks to the build
        return
    if parent is not None and os.getppid() != parent:  # the build died before the call above
        os._exit(1)


def _document_task(base: Context, index: int):
    """One document with a fresh state of its own, merged by the caller: the same in one process
    as in several."""
    ctx = Context(inputs=base.inputs, cache=base.cache)
    with collector_paused():
        rows, stages = extract_document(base.inputs.documents[index], ctx)
    return rows, ctx.state, ctx.errors.errors, dict(stages)


@contextmanager
def collector_paused():
    """Keep Python's cycle collector from running while one document is extracted.

    A document's extraction keeps what it makes until its rows are written (a long paragraph
    makes a million matches and rows); every few hundred new objects the collector walked the
    young ones, and each time those had grown by a quarter it walked every object alive again:
    a tenth of the CPU time of a 3 MB paragraph of names, more as the document grows. The
    extractors make almost no cyclic garbage; what they make is collected when the collector
    resumes, after the document, as any other garbage."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _worker_chunk(indices: list, chunk_path: str) -> list:
    """Extract the documents ``indices`` and write their rows into ``chunk_path``; returns each
    document's (state with each key pickled apart, errors, stages, row counts)."""
    out, per_document = [], []
    for index in indices:
        rows, state, errors, stages = _document_task(_WORKER["ctx"], index)
        per_document.append(rows)
        out.append((incremental.pickle_state(state), errors, stages, row_counts(rows)))
    t0 = time.perf_counter()
    write_chunk(chunk_path, per_document)
    out[-1][2]["write"] = out[-1][2].get("write", 0.0) + time.perf_counter() - t0
    return out


def row_counts(rows: dict) -> dict:
    return {table: len(items) for table, items in rows.items() if items}


def document_results(inputs: Inputs, ctx: Context, workers: int, chunk_dir: Path | None = None,
                     keep_states: bool = False):
    """:class:`Batch` after batch, in document order, from this process or a pool of workers
    (which write their rows into files in ``chunk_dir``).

    With workers, this process releases the texts of ``inputs.documents`` once the workers are
    forked (they keep theirs): it writes what they made and never reads the texts again.
    """
    if inputs.documents:
        # the gazetteer's index, built here once: forked workers share its pages, and parsing it
        # (a passing 100 MB) does not come on top of a long document's rows when a name first needs it
        gazetteer.warm()
        # the names of languages (a language switcher's), read from Babel's CLDR data once, not in
        # each worker
        segment.language_names()
    if workers <= 1:
        for index in range(len(inputs.documents)):
            rows, state, errors, stages = _document_task(ctx, index)
            pickled = incremental.pickle_state(state) if keep_states else None
            merge_state(ctx.state, state)
            ctx.errors.extend(errors)
            yield Batch([index], [stages], rows=[rows], states=[pickled], counts=[row_counts(rows)])
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # concurrent.futures rather than multiprocessing.Pool: a worker that dies (killed, out of
    # memory) breaks the pool and every pending result raises at once, where Pool silently
    # replaced the worker and waited forever for the chunk it was extracting.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_init, initargs=(inputs, os.getpid()))
    try:
        n = len(inputs.documents)
        size = max(1, min(8, n // (workers * 8)))
        chunks = iter(enumerate([list(range(i, min(i + size, n))) for i in range(0, n, size)]))
        # A few chunks in flight per worker, no more: finished chunk files wait for the writer.
        pending: collections.deque = collections.deque()

        def submit(item):
            k, indices = item
            path = chunk_dir / f"chunk-{k:06d}.db"
            pending.append((indices, path, pool.submit(_worker_chunk, indices, str(path))))

        for item in itertools.islice(chunks, workers * 3):
            submit(item)  # the first submit forks every worker (with "fork", all at once)
        for doc in inputs.documents:
            doc.text = None
        while pending:
            indices, path, result = pending.popleft()
            results = result.result()
            nxt = next(chunks, None)
            if nxt is not None:
                submit(nxt)
            for state, errors, _, _ in results:
                merge_state(ctx.state, {key: pickle.loads(value) for key, value in state.items()})
                ctx.errors.extend(errors)
            yield Batch(indices, [r[2] for r in results], chunk=path, states=[r[0] for r in results],
                        counts=[r[3] for r in results])
    except BrokenProcessPool:  # from a result, or from a submit once the pool is broken
        raise BuildFailed("a worker process died (killed, or out of memory) while the documents were extracted: "
                          "the build stopped and replaced nothing") from None
    finally:
        _stop_workers(pool)


def _stop_workers(pool):
    """End a pool's workers now (SIGTERM: a worker ends without a traceback) and wait for them.
    The executor has no public call for this; its ``_processes`` are the worker processes."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    for proc in processes:
        proc.join(5)


def default_workers(n_documents: int) -> int:
    """Two processes or more pay off only when there are enough documents to share."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if n_documents < 40 else max(1, min(cores, 4))


def run(inputs: Inputs, db, result: BuildResult, workers: int | None = None, errors: Collector | None = None,
        recorder=None):
    """Every stage, document by document, then corpus-wide, writing rows into ``db``.

    Problems in curated inputs found while extracting (a quote that is not in its document, a
    date that contradicts another source...) are collected in ``ctx.errors`` and raised together
    at the end, so one run reports them all. Documents are extracted in ``workers`` processes
    when there are many; rows are written here, in document order, so every build of the same
    inputs writes the same file.

    Given ``errors`` (problems already found in the inputs), every stage still runs on what could
    be read and adds its own problems; they are raised together at the end. A stage that breaks
    on inputs already known to be wrong stops the run there, with the problems found so far.

    Given a ``recorder`` (:class:`alliance_record.incremental.Recorder`), what each document and
    corpus stage made is recorded for the next, incremental, build.
    """
    stages = result.stages
    keep_going = errors is not None
    ctx = Context(inputs=inputs, errors=errors if keep_going else Collector())
    schema.create_tables(db)
    loader = Loader(db)
    workers = default_workers(len(inputs.documents)) if workers is None else workers
    result.workers = workers
    phase = _phases(result.phases)
    chunks = chunk_folder(db) if workers > 1 else nullcontext()
    with phase("documents"), _consequences_of(ctx.errors, keep_going), chunks as chunk_dir:
        for batch in document_results(inputs, ctx, workers, chunk_dir, keep_states=recorder is not None):
            for doc_stages in batch.stages:
                for name, seconds in doc_stages.items():
                    stages[name] += seconds
            if recorder is not None:
                for index, state, counts, doc_stages in zip(batch.indices, batch.states, batch.counts, batch.stages):
                    recorder.document(inputs.documents[index], state, counts, doc_stages)
            with timed(stages, "load"):
                if batch.chunk is not None:
                    loader.copy_chunk(batch.chunk)
                    batch.chunk.unlink()
                for rows in batch.rows or ():
                    for table in schema.TABLES:
                        loader.insert_prepared(table.name, rows.get(table.name, []))
    if not keep_going:
        ctx.errors.raise_if_any()
    for stage in CORPUS_STAGES:
        with phase("corpus"), timed(stages, stage_name(stage)), _consequences_of(ctx.errors, keep_going), \
                (recorder.stage(ctx, stage_name(stage)) if recorder is not None else nullcontext()) as record:
            new_rows = stage(ctx)
            if record is not None:
                record.counts = {t: len(rows) for t, rows in new_rows.items() if rows}
        if not keep_going or ctx.errors:
            ctx.errors.raise_if_any()
        with phase("corpus"), timed(stages, "load"):
            check_declared(new_rows)
            for table in schema.TABLES:
                loader.insert(table.name, new_rows.get(table.name, []))
        new_rows = None  # written: not kept alive while the next stage builds its rows
    with phase("index"), timed(stages, "index"):
        db.conn.commit()
        schema.finish(db)
    result.counts = dict(loader.counts)
    result.unmatched = db.execute(
        "select count(*) from unmatched_names where status in ('unmatched', 'ambiguous')").fetchone()[0]


@contextmanager
def _consequences_of(errors: Collector, keep_going: bool):
    """When checking inputs already known to hold problems, a stage may break on them (a row left
    half-made by a bad entry): report the problems found so far rather than that breakage."""
    try:
        yield
    except (InputError, InputErrors) as exc:
        if not keep_going:
            raise
        errors.extend(exc.errors if isinstance(exc, InputErrors) else [exc])
        errors.raise_if_any()
    except Exception:
        if keep_going and errors:
            errors.raise_if_any()
        raise


@contextmanager
def inputs_spared_by_collector():
    """Keep Python's cycle collector off the curated inputs while they are read and afterwards.

    Reading a large corpus makes hundreds of thousands of mappings, lists and strings that live
    for the whole build; each collection of the oldest generation walks all of them again, which
    made reading 5,000 annotation files take 2.5 times as long. Reading makes no cycles, so the
    collector is paused there; what was read is then frozen (``gc.freeze``): later collections
    skip it, and worker processes forked from this one do not touch — so do not copy — its
    memory pages. It is handed back to the collector when the block ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    frozen = False

    def freeze():
        nonlocal frozen
        gc.freeze()
        frozen = True
        if was_enabled:
            gc.enable()

    try:
        yield freeze
    finally:
        if frozen:
            gc.unfreeze()
        elif was_enabled:
            gc.enable()


def build(seeds_dir, out_path, workers: int | None = None, reviewed_only: bool = False,
          cache: bool = True) -> BuildResult:
    """Build the whole dataset from ``seeds_dir`` into ``out_path`` (atomically); with
    ``reviewed_only``, without the entries no person has reviewed (for publishing).

    With ``cache`` (the default), what this build makes is kept beside the output
    (``<out>.cache/``, see :mod:`alliance_record.incremental`) and the next build reuses every
    document and table whose inputs did not change; the database is the same file either way.
    """
    out = Path(out_path)
    check_outputs(seeds_dir, out)
    result = BuildResult(out=out)
    phase = _phases(result.phases)
    folder = incremental.cache_dir(out)
    companions = lambda db_file: unmatched_csv(db_file, out)  # noqa: E731 - written beside the database
    with (incremental.locked(folder) if cache else nullcontext()), inputs_spared_by_collector() as freeze:
        # The parses kept are keyed by the code too: other code, other parses (reviewed_only
        # filters after parsing, so the package's digest alone).
        with phase("inputs"), timed(result.stages, "ingest"), \
                parse_cache(folder / "parses.db" if cache else None, incremental.code_digest()):
            inputs = read_inputs(seeds_dir, reviewed_only=reviewed_only)
            result.unreviewed = dict(review.count_unreviewed(inputs))
        freeze()
        recorder = None
        if cache:
            code = incremental.code_digest(f"reviewed_only={reviewed_only}")
            digests = incremental.input_digests(inputs)
            try:
                incremental.rebuild(inputs, out, folder, code, digests, result, phase, companions)
                result.incremental = True
                result.documents = len(inputs.documents)
                result.unmatched = _unmatched_count(out)
                return result
            except incremental.NotIncremental as exc:
                result.incremental_reason = str(exc)
            recorder = incremental.Recorder(folder, code, digests)
        try:
            with atomic_database(out_path, on_compact=lambda: phase("compact"), companions=companions,
                                 keep=recorder.finish if recorder else None) as db:
                run(inputs, db, result, workers, recorder=recorder)
        except BaseException:
            if recorder is not None:
                recorder.abandon()
            raise
    result.documents = len(inputs.documents)
    return result


def _unmatched_count(db_path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("select count(*) from unmatched_names "
                            "where status in ('unmatched', 'ambiguous')").fetchone()[0]
    finally:
        conn.close()


def _phases(phases: dict):
    """``with phase(name):`` adds the block's wall-clock seconds to ``phases[name]``."""
    @contextmanager
    def phase(name):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            phases[name] = phases.get(name, 0.0) + time.perf_counter() - t0
    return phase


def check(seeds_dir) -> BuildResult:
    """Everything ``build`` checks, run into an in-memory database: nothing is written."""
    import sqlite_utils

    errors = Collector()
    inputs = read_inputs(seeds_dir, errors)
    result = BuildResult(out=Path(":memory:"))
    db = sqlite_utils.Database(memory=True)
    run(inputs, db, result, errors=errors)
    errors.raise_if_any()
    result.documents = len(inputs.documents)
    # what the texts themselves lack, for a person to look at: a note marker without its note, a
    # note no marker cites
    result.notices = [f"{doc} ({source}): note {marker or number}: {problem}" for doc, source, number, marker, problem
                      in db.execute("select f.document_id, d.source_file, f.number, f.marker, f.problem "
                                    "from footnotes f join documents d on d.id = f.document_id "
                                    "where f.problem is not null order by d.source_file, f.number").fetchall()]
    result.unreviewed = dict(review.count_unreviewed(inputs))
    return result
