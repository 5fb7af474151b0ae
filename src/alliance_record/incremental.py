"""Incremental builds: what an earlier build made is reused when its inputs have not changed.

A build keeps, beside its output, a cache folder (``<out>.cache/``) holding

* ``work.db`` — the database as it was before compaction (the compacted copy is the output);
* ``records.db`` — per document: its key (a digest of the code, its text, catalogue entry and
  annotation file, and the registries), how many rows it wrote to each table, and the state it
  handed to the corpus stages (each state key pickled apart); per corpus stage: which state
  keys and curated inputs it read, what state it left for later stages, and how many rows it
  wrote to each table;
* ``manifest.json`` — the code digest and the documents in order; written last, removed before
  anything else changes, so a build that dies halfway leaves no cache to trust.

The next build re-extracts only documents whose key changed, runs a corpus stage again only if
something it read changed, and writes in ``work.db`` only the rows that differ, so that rowids,
indexes and full-text indexes come out as a clean build makes them: where a table keeps its
number of rows and each row its key, the rows that differ are replaced in place (same rowids);
otherwise the table is written again, in the clean build's order, from the first row that
differs on. A full-text index is made again when a searched column changed. The output is then
the same ``VACUUM INTO`` copy, so the file is byte for byte the file a clean build writes (a
test checks this). ``work.db`` is written without a journal: the manifest's removal is synced
to disk before its first change, and ``work.db`` and ``records.db`` before the new manifest is
written, so that a build that dies, or a power loss, leaves no cache to trust. Anything
unexpected (no cache, other code, documents reordered, many documents changed, a cache file
that cannot be read) makes it a clean build.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import pickle
import sqlite3
from pathlib import Path

CACHE_FORMAT = 1
MAX_CHANGED_SHARE = 0.25  # re-extracting more than this share of documents: a clean build is as quick


def cache_dir(out_path) -> Path:
    out = Path(out_path)
    return out.with_name(out.name + ".cache")


# --- digests ---------------------------------------------------------------------------------------

def _hash(*parts) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def code_digest(extra: str = "") -> str:
    """A digest of every file of the package (code, templates, models): other code, other rows."""
    root = Path(__file__).resolve().parent
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    h.update(f"{CACHE_FORMAT}|{extra}".encode())
    return h.hexdigest()


def input_digests(inputs) -> dict:
    """Digests of the curated inputs, by the attribute of ``Inputs`` that holds them."""
    seeds = Path(inputs.seeds_dir)

    def of(name):
        path = seeds / name
        return _hash(path.read_bytes()) if path.is_file() else "-"

    annotations = {p.stem: _hash(p.read_bytes()) for p in sorted((seeds / "annotations").glob("*.yml"))}
    sha = {d.stem: d.sha256 for d in inputs.documents}
    texts = _hash(*(f"{stem}:{value}" for stem, value in sha.items())) if sha else "-"
    return {
        "catalog": of("catalog.yml"), "actors": of("actors.yml"), "places": of("places.yml"),
        "unmatched_ignore": of("unmatched_ignore.yml"),
        "annotations": _hash(*(f"{k}:{v}" for k, v in annotations.items())),
        "documents": _hash(of("catalog.yml"), texts), "seeds_dir": str(seeds.resolve()),
        "per_annotation": annotations, "sha": sha,
    }


def _scalar(value):
    return value if isinstance(value, str) else "?"


def document_key(code: str, doc, digests: dict) -> str:
    """What one document's rows and state depend on: the code, its text, its catalogue entry, its
    annotation file and the registries."""
    meta = json.dumps(doc.meta, sort_keys=True, default=str, ensure_ascii=False)
    return _hash(code, doc.stem, digests["sha"][doc.stem], meta, digests["per_annotation"].get(doc.stem, "-"),
                 digests["actors"], digests["places"])


def canonical(value):
    """``value`` with sets sorted and dicts' items sorted, so that two equal states compare equal
    whatever order a process happened to build them in."""
    if isinstance(value, dict):
        return ("dict", sorted(((repr(canonical(k)), canonical(v)) for k, v in value.items()), key=lambda kv: kv[0]))
    if isinstance(value, (set, frozenset)):
        return ("set", sorted((canonical(v) for v in value), key=repr))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [canonical(v) for v in value])
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, [(f.name, canonical(getattr(value, f.name))) for f in dataclasses.fields(value)])
    if isinstance(value, (str, int, float, bool, bytes)) or value is None:
        return value
    state = getattr(value, "__dict__", None)
    if state is not None:
        return (type(value).__name__, canonical(state))
    slots = getattr(type(value), "__slots__", None)
    if slots:
        return (type(value).__name__, [(s, canonical(getattr(value, s, None))) for s in slots])
    return repr(value)


def same_state(a: bytes | None, b: bytes | None) -> bool:
    if a == b:
        return True
    if a is None or b is None:
        return False
    return canonical(pickle.loads(a)) == canonical(pickle.loads(b))


def pickle_state(state: dict) -> dict:
    return {k: pickle.dumps(v, pickle.HIGHEST_PROTOCOL) for k, v in state.items()}


# --- recording what corpus stages read and write ---------------------------------------------------

class RecordingState(dict):
    """``ctx.state`` during one corpus stage: the keys it reads (before writing them itself)
    and the keys it writes or removes."""

    def __init__(self, *args):
        super().__init__(*args)
        self.reads: set = set()
        self.writes: set = set()
        self.removed: set = set()

    def _read(self, key):
        if key not in self.writes:
            self.reads.add(key)

    def __getitem__(self, key):
        self._read(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._read(key)
        return super().get(key, default)

    def __contains__(self, key):
        self._read(key)
        return super().__contains__(key)

    def pop(self, key, *default):
        self._read(key)
        self.removed.add(key)
        return super().pop(key, *default)

    def setdefault(self, key, default=None):
        self._read(key)
        if not super().__contains__(key):
            self.writes.add(key)
        return super().setdefault(key, default)

    def __setitem__(self, key, value):
        self.writes.add(key)
        self.removed.discard(key)
        super().__setitem__(key, value)

    def __delitem__(self, key):
        self._read(key)
        self.removed.add(key)
        super().__delitem__(key)


class RecordingInputs:
    """``ctx.inputs`` during one corpus stage: which curated inputs it looks at."""

    def __init__(self, inputs):
        object.__setattr__(self, "_inputs", inputs)
        object.__setattr__(self, "reads", set())

    def __getattr__(self, name):
        self.reads.add(name)
        return getattr(self._inputs, name)


@dataclasses.dataclass
class StageRecord:
    name: str
    reads: list           # state keys read
    inputs: dict          # curated input attribute -> its digest when the stage ran
    writes: dict          # state key -> pickled value left for later stages
    removed: list         # state keys the stage removed
    counts: dict          # table -> rows written


@contextlib.contextmanager
def recording(ctx, name: str, digests: dict, records: list):
    """Run a corpus stage with its reads and writes recorded into ``records``."""
    state, inputs = RecordingState(ctx.state), RecordingInputs(ctx.inputs)
    original_inputs = ctx.inputs
    ctx.state, ctx.inputs = state, inputs
    record = StageRecord(name=name, reads=[], inputs={}, writes={}, removed=[], counts={})
    try:
        yield record
    finally:
        ctx.state, ctx.inputs = dict(state), original_inputs
    record.reads = sorted(state.reads)
    record.inputs = {k: _scalar(digests.get(k, "?")) for k in sorted(inputs.reads)}
    record.writes = {k: pickle.dumps(state[k], pickle.HIGHEST_PROTOCOL) for k in sorted(state.writes) if k in state}
    record.removed = sorted(state.removed - state.writes)
    records.append(record)


# --- the records of a build ------------------------------------------------------------------------

RECORDS_SCHEMA = """
create table if not exists doc (stem text primary key, ordinal integer, key text, counts text, stages text);
create table if not exists doc_state (stem text, key text, value blob, primary key (stem, key));
create table if not exists stage (ordinal integer primary key, record blob);
"""


class Records:
    """records.db: what each document and corpus stage of the last build made."""

    def __init__(self, path: Path, create: bool = False):
        self.path = path
        if create and path.exists():
            path.unlink()
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = OFF" if create else "PRAGMA journal_mode = DELETE")
        self.conn.execute("PRAGMA synchronous = OFF")
        self.conn.executescript(RECORDS_SCHEMA)
        self.conn.execute("BEGIN")

    def put_document(self, stem: str, ordinal: int, key: str, counts: dict, stages: dict, state: dict):
        self.conn.execute("insert or replace into doc values (?, ?, ?, ?, ?)",
                          [stem, ordinal, key, json.dumps(counts, sort_keys=True), json.dumps(stages)])
        self.conn.execute("delete from doc_state where stem = ?", [stem])
        self.conn.executemany("insert into doc_state values (?, ?, ?)", [(stem, k, v) for k, v in state.items()])

    def drop_document(self, stem: str):
        self.conn.execute("delete from doc where stem = ?", [stem])
        self.conn.execute("delete from doc_state where stem = ?", [stem])

    def put_stages(self, stages: list):
        self.conn.execute("delete from stage")
        self.conn.executemany("insert into stage values (?, ?)",
                              [(n, pickle.dumps(dataclasses.asdict(r))) for n, r in enumerate(stages)])

    def documents(self) -> dict:
        return {stem: {"ordinal": o, "key": k, "counts": json.loads(c), "stages": json.loads(s)}
                for stem, o, k, c, s in self.conn.execute("select stem, ordinal, key, counts, stages from doc")}

    def state_of(self, stem: str) -> dict:
        return dict(self.conn.execute("select key, value from doc_state where stem = ?", [stem]))

    def state_key(self, key: str) -> dict:
        """``stem -> pickled value`` of one state key over every document."""
        return dict(self.conn.execute("select stem, value from doc_state where key = ?", [key]))

    def stages(self) -> list:
        return [StageRecord(**pickle.loads(r)) for (r,) in self.conn.execute("select record from stage order by ordinal")]

    def commit(self):
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN")

    def close(self):
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.conn.close()


def read_manifest(folder: Path) -> dict | None:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("format") != CACHE_FORMAT:
        return None
    if not (folder / "work.db").is_file() or not (folder / "records.db").is_file():
        return None
    return manifest


def write_manifest(folder: Path, code: str, stems: list, counts: dict):
    tmp = folder / "manifest.json.tmp"
    tmp.write_text(json.dumps({"format": CACHE_FORMAT, "code": code, "documents": stems, "counts": counts}),
                   encoding="utf-8")
    os.replace(tmp, folder / "manifest.json")


def forget(folder: Path):
    """Make the cache untrusted before anything in it changes: the manifest removed, and its
    removal on disk (the folder synced), so that not even a power loss can bring it back beside
    a work database changed in place without a journal."""
    from .load import _sync_folder

    try:
        (folder / "manifest.json").unlink()
    except FileNotFoundError:
        return
    _sync_folder(folder)


def _sync_files(*paths: Path):
    """Flush files written without syncs to disk (before a manifest vouches for them)."""
    for path in paths:
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())


class Recorder:
    """Collects, during a clean build, what the next build needs to reuse its work."""

    def __init__(self, folder: Path, code: str, digests: dict):
        self.folder = folder
        self.code = code
        self.digests = digests
        self.stems: list = []
        self.counts: dict = {}          # stem -> {table: rows}
        self.stage_records: list = []
        folder.mkdir(parents=True, exist_ok=True)
        forget(folder)
        self.records = Records(folder / "records.db", create=True)

    def document(self, doc, state: dict | None, counts: dict, stages: dict):
        self.stems.append(doc.stem)
        self.counts[doc.stem] = counts
        key = document_key(self.code, doc, self.digests)
        self.records.put_document(doc.stem, len(self.stems) - 1, key, counts, stages, state or {})

    @contextlib.contextmanager
    def stage(self, ctx, name: str):
        with recording(ctx, name, self.digests, self.stage_records) as record:
            yield record

    def finish(self, work_db: Path, out: Path):
        """Keep the uncompacted database and write the manifest (last: the cache is now whole)."""
        self.records.put_stages(self.stage_records)
        self.records.close()
        os.replace(work_db, self.folder / "work.db")
        write_manifest(self.folder, self.code, self.stems, _output_stamp(out))

    def abandon(self):
        with contextlib.suppress(Exception):
            self.records.close()
        forget(self.folder)


def _output_stamp(out: Path) -> dict:
    st = out.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


@contextlib.contextmanager
def locked(folder: Path):
    """One build at a time uses a cache folder (a second waits for the first)."""
    import fcntl

    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --- the incremental build -------------------------------------------------------------------------

class NotIncremental(Exception):
    """The cache cannot be used for this build: build clean (the message says why)."""


MISSING = object()


class LazyState(RecordingState):
    """The corpus stages' state in an incremental build: a key is merged from the documents'
    recorded states (in document order, as the clean build merged them) the first time a stage
    reads it, or taken from the record of the stage that wrote it."""

    def __init__(self, loader):
        super().__init__()
        self._loader = loader
        self._loaded: set = set()

    def _read(self, key):
        if key not in self._loaded and not dict.__contains__(self, key):
            self._loaded.add(key)
            value = self._loader(key)
            if value is not MISSING:
                dict.__setitem__(self, key, value)
        super()._read(key)

    def begin_stage(self):
        self.reads, self.writes, self.removed = set(), set(), set()


def _normal(row) -> tuple:
    return tuple(int(v) if isinstance(v, bool) else v for v in row)


def _same_row(stored: tuple, made: tuple) -> bool:
    """A row read back from SQLite against a row about to be written (a bool is stored as 0/1)."""
    return stored == made or stored == _normal(made)


def rebuild(inputs, out: Path, folder: Path, code: str, digests: dict, result, phase, companions=None) -> bool:
    """Bring ``folder/work.db`` up to date with ``inputs`` and write ``out`` from it (and the
    files ``companions`` makes from it, all together: see :func:`alliance_record.load.atomic_database`).

    Returns False when nothing at all changed and ``out`` is the file the cache made (nothing
    written); raises :class:`NotIncremental` when the cache cannot be used.
    """
    from . import pipeline, schema
    from .load import DocumentTexts, _insert_sql, _replace, _temp_path, prepare

    manifest = read_manifest(folder)
    if manifest is None:
        raise NotIncremental("no usable cache")
    if manifest["code"] != code:
        raise NotIncremental("the code changed")
    records = Records(folder / "records.db")
    try:
        return _rebuild(inputs, out, folder, code, digests, result, phase, manifest, records,
                        pipeline, schema, DocumentTexts, _insert_sql, _replace, _temp_path, prepare, companions)
    finally:
        records.close()


def _rebuild(inputs, out, folder, code, digests, result, phase, manifest, records,
             pipeline, schema, DocumentTexts, _insert_sql, _replace, _temp_path, prepare, companions=None):
    with phase("plan"):
        old_docs = records.documents()
        old_order = manifest["documents"]
        stems = [d.stem for d in inputs.documents]
        present = set(stems)
        if [s for s in old_order if s in present] != [s for s in stems if s in old_docs]:
            raise NotIncremental("the documents are in another order")
        keys = {d.stem: document_key(code, d, digests) for d in inputs.documents}
        changed = [i for i, d in enumerate(inputs.documents)
                   if d.stem not in old_docs or old_docs[d.stem]["key"] != keys[d.stem]]
        removed = [s for s in old_order if s not in present]
        if len(changed) + len(removed) > max(4, MAX_CHANGED_SHARE * len(stems)):
            raise NotIncremental(f"{len(changed) + len(removed)} of {len(stems)} documents changed")
        old_stages = records.stages()
        if [r.name for r in old_stages] != [pipeline.stage_name(s) for s in pipeline.CORPUS_STAGES]:
            raise NotIncremental("other corpus stages")
        stale_inputs = any(digests.get(a) != d for r in old_stages for a, d in r.inputs.items())
        if not changed and not removed and not stale_inputs and out.is_file() \
                and _output_stamp(out) == manifest.get("counts"):
            return False

    # the documents whose key changed, extracted again
    ctx = pipeline.Context(inputs=inputs)
    new_docs: dict = {}
    with phase("documents"):
        for index in changed:
            doc = inputs.documents[index]
            rows, state, errors, stages = pipeline._document_task(ctx, index)
            ctx.errors.extend(errors)
            new_docs[doc.stem] = {"rows": rows, "state": pickle_state(state), "stages": stages,
                                  "counts": pipeline.row_counts(rows), "key": keys[doc.stem]}
            for name, seconds in stages.items():
                result.stages[name] += seconds
        ctx.errors.raise_if_any()

    changed_keys: set = set()
    for stem, new in new_docs.items():
        old = records.state_of(stem) if stem in old_docs else {}
        for key in set(old) | set(new["state"]):
            if not same_state(old.get(key), new["state"].get(key)):
                changed_keys.add(key)
    for stem in removed:
        changed_keys |= set(records.state_of(stem))

    written: dict = {}  # state key -> pickled value a skipped stage left

    def load(key):
        if key in written:
            return pickle.loads(written[key])
        into: dict = {}
        recorded = records.state_key(key)
        for stem in stems:
            value = new_docs[stem]["state"].get(key) if stem in new_docs else recorded.get(stem)
            if value is not None:
                pipeline.merge_state(into, {key: pickle.loads(value)})
        return into.get(key, MISSING)

    state = LazyState(load)
    ctx.state = state
    work_path = folder / "work.db"
    conn = sqlite3.connect(work_path, isolation_level=None)
    # No rollback journal and no syncs while writing: the manifest's removal is on disk before
    # the first change (forget syncs the folder), so a build that dies halfway, or a power loss,
    # leaves a work database nobody trusts (the next build is clean); the work database and the
    # records are flushed to disk before the new manifest is written, the output copy before
    # its rename.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    texts = _Texts({inputs.documents[i].id: inputs.documents[i].text for i in changed}, DocumentTexts(_DB(conn)))
    stage_records, stage_rows = [], {}
    with phase("corpus"):
        for stage, old in zip(pipeline.CORPUS_STAGES, old_stages):
            rerun = (any(k in changed_keys for k in old.reads)
                     or any(digests.get(a) != d for a, d in old.inputs.items()))
            if not rerun:
                for key, value in old.writes.items():
                    written[key] = value
                    dict.pop(state, key, None)
                    state._loaded.discard(key)
                for key in old.removed:
                    dict.pop(state, key, None)
                    state._loaded.add(key)
                stage_records.append(old)
                continue
            state.begin_stage()
            proxy = RecordingInputs(inputs)
            ctx.inputs = proxy
            try:
                with pipeline.timed(result.stages, old.name):
                    rows = stage(ctx)
            finally:
                ctx.inputs = inputs
            ctx.errors.raise_if_any()
            pipeline.check_declared(rows)
            record = StageRecord(
                name=old.name, reads=sorted(state.reads), inputs={k: _scalar(digests.get(k, "?")) for k in sorted(proxy.reads)},
                writes={k: pickle.dumps(state[k], pickle.HIGHEST_PROTOCOL) for k in sorted(state.writes) if k in state},
                removed=sorted(state.removed - state.writes),
                counts={t: len(r) for t, r in rows.items() if r})
            for key in set(record.writes) | set(old.writes):
                if not same_state(record.writes.get(key), old.writes.get(key)):
                    changed_keys.add(key)
            stage_records.append(record)
            stage_rows[old.name] = {t: prepare(t, r, texts) for t, r in rows.items() if r}

    # which tables differ, and their rows in the clean build's order
    def segments(counts_of, order_docs, order_stages):
        """table -> [(kind, name, count)] in insertion order."""
        out_: dict = {}
        for stem in order_docs:
            for table, n in counts_of("doc", stem).items():
                out_.setdefault(table, []).append(("doc", stem, n))
        for rec in order_stages:
            for table, n in rec.counts.items():
                out_.setdefault(table, []).append(("stage", rec.name, n))
        return out_

    old_segments = segments(lambda kind, stem: old_docs[stem]["counts"], old_order, old_stages)
    new_counts = {s: (new_docs[s]["counts"] if s in new_docs else old_docs[s]["counts"]) for s in stems}
    new_segments = segments(lambda kind, stem: new_counts[stem], stems, stage_records)

    def ranges(segs):
        at, out_ = 1, {}
        for kind, name, n in segs:
            out_[(kind, name)] = (at, at + n - 1, n)
            at += n
        return out_

    dirty: dict = {}    # table -> first rowid from which its rows are written again
    updates: dict = {}  # table -> [(rowid, row)]: rows before that point replaced in place
    searched: set = set()  # tables whose full-text index is made again: a searched column changed
    with phase("compare"):
        for table, t in schema.TABLES_BY_NAME.items():
            key_columns, fts_columns = t.key_positions, t.fts_positions
            old_r = ranges(old_segments.get(table, []))
            new_segs = new_segments.get(table, [])
            first = None
            at = 1
            for kind, name, n in new_segs:
                fresh = (kind == "doc" and name in new_docs) or (kind == "stage" and name in stage_rows)
                prev = old_r.get((kind, name))
                if prev is None or prev[0] != at:
                    first = at
                    break
                if fresh:
                    new_rows = (new_docs[name]["rows"].get(table, []) if kind == "doc"
                                else stage_rows[name].get(table, []))
                    old_rows = _old_rows(conn, table, prev)
                    differ = (i for i, (a, b) in enumerate(zip(old_rows, new_rows)) if not _same_row(a, b))
                    if len(old_rows) != len(new_rows):
                        # rows added or removed: every row from the first difference on moves
                        first = at + next(differ, min(len(old_rows), len(new_rows)))
                        break
                    # the same rowids: the rows that differ are replaced in place, unless one
                    # holds another key (rows that changed places: two updates could clash on
                    # the key), then from that row on the rows are written again
                    for i in differ:
                        a, b = old_rows[i], new_rows[i]
                        if any(a[c] != b[c] for c in key_columns):
                            first = at + i
                            break
                        updates.setdefault(table, []).append((at + i, b))
                        if any(a[c] != b[c] for c in fts_columns):
                            searched.add(table)
                    if first is not None:
                        break
                at += n
            total_old = sum(n for _, _, n in old_segments.get(table, []))
            total_new = sum(n for _, _, n in new_segs)
            if first is None and total_old != total_new:
                first = at
            if first is not None:
                dirty[table] = first
                updates[table] = [(r, row) for r, row in updates.get(table, []) if r < first]
            if not updates.get(table):
                updates.pop(table, None)

    with phase("load"):
        forget(folder)  # from here on the work database changes: no cache until it is whole again
        conn.execute("BEGIN")
        try:
            for table, rows in updates.items():
                _update(conn, table, rows)
            for table, first in dirty.items():
                _rewrite(conn, table, first, old_segments.get(table, []), new_segments.get(table, []),
                         new_docs, stage_rows, _insert_sql)
            for table in sorted(set(dirty) | searched):
                if schema.TABLES_BY_NAME[table].fts:
                    conn.execute(f"INSERT INTO [{table}_fts]([{table}_fts]) VALUES ('rebuild')")
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):  # without a journal there may be nothing to undo
                conn.execute("ROLLBACK")
            conn.close()
            raise
    with phase("compact"):
        out.parent.mkdir(parents=True, exist_ok=True)
        from .load import commit_together

        compact = _temp_path(out, "-compact")
        made = []
        try:
            conn.execute("VACUUM INTO ?", [str(compact)])
            conn.close()
            made = companions(compact) if companions is not None else []
            commit_together([(compact, out)] + made)
        finally:
            for leftover in [compact] + [tmp for tmp, _ in made]:
                if leftover.exists():
                    leftover.unlink()
    for stem in removed:
        records.drop_document(stem)
    for ordinal, stem in enumerate(stems):
        if stem in new_docs:
            d = new_docs[stem]
            records.put_document(stem, ordinal, d["key"], d["counts"], d["stages"], d["state"])
    records.put_stages(stage_records)
    records.commit()
    _sync_files(work_path, folder / "records.db")
    write_manifest(folder, code, stems, _output_stamp(out))
    totals: dict = {}
    for table in schema.TABLES_BY_NAME:
        n = sum(c for _, _, c in new_segments.get(table, []))
        if n:
            totals[table] = n
    result.counts = totals
    result.rebuilt = {"documents": len(new_docs), "removed": len(removed), "tables": sorted(set(dirty) | set(updates)),
                      "stages": [r.name for r in stage_records if r.name in stage_rows],
                      "rewritten": {t: first for t, first in sorted(dirty.items())},  # from that rowid on
                      "updated": {t: len(rows) for t, rows in sorted(updates.items())}}  # rows in place
    return True


def describe(rebuilt: dict) -> str:
    """What an incremental build wrote, for a person: 'events: 1 row updated; paragraphs:
    rewritten from row 130' (rows replaced in place, tables written again from a row on)."""
    updated, rewritten = rebuilt.get("updated") or {}, rebuilt.get("rewritten") or {}
    parts = [f"{t}: {n} row{'' if n == 1 else 's'} updated" for t, n in updated.items()]
    parts += [f"{t}: rewritten from row {first}" for t, first in rewritten.items()]
    return "; ".join(parts) or "no table"


class _Texts:
    """Document texts for checking quotes: the new text of a document extracted again, else the
    text in the work database."""

    def __init__(self, fresh: dict, stored):
        self.fresh, self.stored = fresh, stored

    def __contains__(self, doc_id) -> bool:
        return doc_id in self.fresh or doc_id in self.stored

    def __getitem__(self, doc_id) -> str:
        return self.fresh[doc_id] if doc_id in self.fresh else self.stored[doc_id]


class _DB:
    """Enough of sqlite_utils.Database for DocumentTexts over a plain connection."""

    def __init__(self, conn):
        self.conn = conn

    def execute(self, sql, params=()):
        return self.conn.execute(sql, params)


def _columns(table: str) -> str:
    from .schema import TABLES_BY_NAME

    return ", ".join(f"[{c}]" for c in TABLES_BY_NAME[table].columns)


def _old_rows(conn, table: str, rng) -> list:
    a, b, _n = rng
    return list(conn.execute(
        f"SELECT {_columns(table)} FROM [{table}] WHERE rowid BETWEEN ? AND ? ORDER BY rowid", [a, b]))


def _update(conn, table: str, rows: list):
    """Replace the rows ``[(rowid, row)]`` of ``table`` in place (the same rowids: indexes
    follow, and the table holds what a clean build writes)."""
    from .schema import TABLES_BY_NAME

    columns = ", ".join(f"[{c}] = ?" for c in TABLES_BY_NAME[table].columns)
    conn.executemany(f"UPDATE [{table}] SET {columns} WHERE rowid = ?", [(*row, rowid) for rowid, row in rows])


def _rewrite(conn, table, first, old_segs, new_segs, new_docs, stage_rows, _insert_sql):
    """Rows of ``table`` from rowid ``first`` on, written again in the clean build's order: new
    rows for what was made again, the old rows (kept aside first) for the rest."""
    cols = _columns(table)
    conn.execute("DROP TABLE IF EXISTS temp._kept")
    conn.execute(f"CREATE TEMP TABLE _kept AS SELECT rowid AS _r, {cols} FROM [{table}] WHERE rowid >= ? ORDER BY rowid",
                 [first])
    conn.execute("CREATE INDEX temp._kept_r ON _kept(_r)")
    conn.execute(f"DELETE FROM [{table}] WHERE rowid >= ?", [first])
    old_at, old_r = 1, {}
    for kind, name, n in old_segs:
        old_r[(kind, name)] = (old_at, old_at + n - 1)
        old_at += n
    at = 1
    sql = _insert_sql(table)
    for kind, name, n in new_segs:
        if at + n - 1 < first:
            at += n
            continue
        fresh = (kind == "doc" and name in new_docs) or (kind == "stage" and name in stage_rows)
        if fresh:
            rows = new_docs[name]["rows"].get(table, []) if kind == "doc" else stage_rows[name].get(table, [])
            # the segment may begin before the first change: its rows up to there stayed
            conn.executemany(sql, rows[max(0, first - at):])
        else:
            a, b = old_r[(kind, name)]
            conn.execute(f"INSERT INTO [{table}] ({cols}) SELECT {cols} FROM temp._kept "
                         "WHERE _r BETWEEN ? AND ? ORDER BY _r", [a, b])
        at += n
    conn.execute("DROP TABLE temp._kept")
