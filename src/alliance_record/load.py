"""Load: rows into SQLite, each quoting row checked against its document, atomically.

* ``atomic_database`` builds into a temporary file next to the target and renames it over the
  target only when the whole build succeeded; a failed or killed build leaves the previous
  database untouched, and the next run removes temporary files left by dead builds. The files
  written beside the database (build/unmatched.csv) are written to temporary files too, and
  :func:`commit_together` renames them all or none. ``atomic_file`` does the same for one plain
  file. Every new file is flushed to disk before its rename, so a target is always a whole file.
* ``Loader.insert`` refuses a row whose ``start``/``end`` (or ``spans``) do not reproduce the
  text it claims to quote: provenance is checked at the last moment before writing.
"""

from __future__ import annotations

import json
import operator
import os
import re
from contextlib import contextmanager, nullcontext
from pathlib import Path

import sqlite_utils

from .errors import OutputError
from .schema import TABLES_BY_NAME, named_values, row_type, short_label

TEMP_MARK = ".tmp-"


class ProvenanceError(Exception):
    """A row's offsets do not quote its text: the build stops rather than write it."""


def span_problem(doc_text: str, start, end, text, spans=None) -> str | None:
    """Why a (start, end, text[, spans]) quote does not match ``doc_text``; None if it does."""
    if not isinstance(start, int) or not isinstance(end, int):
        return f"offsets must be integers (start={start!r}, end={end!r})"
    if not 0 <= start <= end <= len(doc_text):
        return f"offsets [{start}, {end}) outside the document (length {len(doc_text)})"
    if spans is None:
        if doc_text[start:end] != text:
            return (f"text[{start}:{end}] is {doc_text[start:end][:60]!r}, "
                    f"row says {str(text)[:60]!r}")
        return None
    pieces = json.loads(spans) if isinstance(spans, str) else spans
    if not pieces or pieces[0][0] != start or pieces[-1][1] != end:
        return f"spans {pieces} do not run from start {start} to end {end}"
    pos, prev_end = 0, start
    for a, b in pieces:
        if not prev_end <= a <= b <= end:
            return f"spans {pieces} are not ordered, non-overlapping pieces inside [{start}, {end})"
        prev_end = b
        if pos:
            m = re.compile(r"\s*").match(text, pos)
            pos = m.end()
        piece = doc_text[a:b]
        if text[pos:pos + len(piece)] != piece:
            return f"piece [{a}, {b}) {piece[:40]!r} is not at position {pos} of the row text"
        pos += len(piece)
    if pos != len(text):
        return f"row text has {len(text) - pos} characters beyond its spans"
    return None


def check_row(table_name: str, row: dict, doc_text: str):
    table = TABLES_BY_NAME[table_name]
    for start_col, end_col, text_col, spans_col in table.quotes:
        start, end = row.get(start_col), row.get(end_col)
        if start is None and end is None:
            continue
        problem = span_problem(doc_text, start, end, row.get(text_col),
                               row.get(spans_col) if spans_col else None)
        if problem:
            raise ProvenanceError(
                f"{table_name} row {row.get('id', '')!r} (document {row.get('document_id')!r}): "
                f"{text_col}: {problem}")


def around(context: tuple, row, doc_text: str):
    """Fill a row's context columns (:attr:`Table.context`) it left None from its document."""
    before, after, chars = context
    if row[before] is None:
        row[before] = doc_text[max(0, row["start"] - chars):row["start"]]
    if row[after] is None:
        row[after] = doc_text[row["end"]:row["end"] + chars]


def prepare(table_name: str, rows: list, texts, consume: bool = False) -> list[tuple]:
    """Check a table's rows and turn them into tuples in the declared column order.

    ``texts`` maps document ids to their text (a dict, or one document's ``{id: text}``). Every
    quote is verified here — in the worker process that made the rows, when there are workers —
    so the process writing the database only writes. A row is a dict or the table's
    :class:`~alliance_record.schema.Row`. With ``consume``, ``rows`` is emptied as its rows become
    tuples, so that a long document's rows are not held twice.
    """
    table = TABLES_BY_NAME[table_name]
    columns = list(table.columns)
    allowed = set(columns)
    label = table.label
    row_class = row_type(table_name)
    as_tuple = operator.attrgetter(*columns) if len(columns) > 1 else None
    fast = _fast_checks(table)
    last_doc, last_text = _NO_DOCUMENT, None
    out = []
    for k, row in enumerate(rows):
        own = type(row) is row_class  # a Row of this table: its columns are the declared ones
        if own and fast is not None:
            # a Row read by attribute: the checks of check_row and around without their per-row
            # lookups (a long document has a million mentions); a quote that is not plainly
            # right goes to check_row, which says why
            doc_id = row.document_id
            if doc_id is not last_doc:
                if doc_id not in texts:
                    raise ProvenanceError(f"{table_name} row {row.get('id')!r}: unknown document {doc_id!r}")
                last_doc, last_text = doc_id, texts[doc_id]
            for quote in fast.quotes:
                start, end, quoted, spans = quote(row)
                if start is None and end is None:
                    continue
                if spans is not None or type(start) is not int or type(end) is not int or type(quoted) is not str \
                        or start < 0 or end - start != len(quoted) or not last_text.startswith(quoted, start):
                    check_row(table_name, row, last_text)
                    break
            if fast.context is not None:
                before, after, chars = fast.context
                if getattr(row, before) is None:
                    setattr(row, before, last_text[max(0, row.start - chars):row.start])
                if getattr(row, after) is None:
                    setattr(row, after, last_text[row.end:row.end + chars])
            if label is not None:
                row.label = short_label(label(row))
            if table.named:
                named_values(table, row)
            out.append(as_tuple(row))
            if consume:
                rows[k] = None
            continue
        if not own and not allowed.issuperset(row):
            extra = sorted(set(row) - allowed)
            raise ValueError(f"{table_name}: undeclared columns {extra} (declare them in schema.py)")
        if table.quotes:
            doc_id = row.get("document_id")
            if doc_id not in texts:
                raise ProvenanceError(f"{table_name} row {row.get('id')!r}: unknown document {doc_id!r}")
            check_row(table_name, row, texts[doc_id])
        if table.context:
            around(table.context, row, texts[row["document_id"]])
        if label is not None:
            row["label"] = short_label(label(row))
        if table.named:
            named_values(table, row)
        out.append(as_tuple(row) if own and as_tuple is not None else tuple(map(row.get, columns)))
        if consume:
            rows[k] = None
    if consume:
        rows.clear()
    return out


class _FastChecks:
    __slots__ = ("quotes", "context")

    def __init__(self, quotes, context):
        self.quotes = quotes
        self.context = context


_FAST_CHECKS: dict = {}
_NO_DOCUMENT = object()


def _fast_checks(table):
    """What :func:`prepare` reads of a :class:`~alliance_record.schema.Row` of ``table`` by
    attribute: a getter ``(start, end, text, spans)`` for each quote, and the context columns;
    None for a table whose rows have no ``document_id`` or whose quotes name a column it lacks
    (those go the general way). Made once a table."""
    if table.name in _FAST_CHECKS:
        return _FAST_CHECKS[table.name]
    columns = set(table.columns)
    fast = None
    needed = {c for quote in table.quotes for c in quote if c is not None}
    if table.context:
        needed |= {table.context[0], table.context[1], "start", "end"}
    if (table.quotes or table.context) and "document_id" in columns and needed <= columns \
            and (table.label is None or "label" in columns) and len(columns) > 1:
        fast = _FastChecks(tuple(_quote_getter(q) for q in table.quotes), table.context or None)
    _FAST_CHECKS[table.name] = fast
    return fast


def _quote_getter(quote):
    start, end, text, spans = quote
    if spans is None:
        get = operator.attrgetter(start, end, text)
        return lambda row: (*get(row), None)
    return operator.attrgetter(start, end, text, spans)


class DocumentTexts:
    """``documents.text`` by id, read from the database being written (the few last read kept):
    rows made after the documents were written are checked against the text as stored."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self._recent: dict[str, str] = {}

    def _get(self, doc_id):
        if doc_id not in self._recent:
            row = self.db.execute("select text from documents where id = ?", [doc_id]).fetchone()
            if row is None:
                return None
            if len(self._recent) >= 64:
                self._recent.pop(next(iter(self._recent)))
            self._recent[doc_id] = row[0]
        return self._recent[doc_id]

    def __contains__(self, doc_id) -> bool:
        return self._get(doc_id) is not None

    def __getitem__(self, doc_id) -> str:
        text = self._get(doc_id)
        if text is None:
            raise KeyError(doc_id)
        return text


def _column_list(table_name: str) -> str:
    """The declared columns of a table, quoted, comma-separated: "[id], [document_id], ..."."""
    return ", ".join(f"[{c}]" for c in TABLES_BY_NAME[table_name].columns)


def _insert_sql(table_name: str, schema_name: str = "main") -> str:
    marks = ", ".join("?" for _ in TABLES_BY_NAME[table_name].columns)
    return f"INSERT INTO [{schema_name}].[{table_name}] ({_column_list(table_name)}) VALUES ({marks})"


def write_chunk(path, per_document: list[dict]):
    """Write prepared rows (``{table: tuples}`` per document, in order) into a new SQLite file of
    plain tables with the declared columns: the file a worker hands to :meth:`Loader.copy_chunk`."""
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        for name in TABLES_BY_NAME:
            tuples = [t for rows in per_document for t in rows.get(name, ())]
            if tuples:
                conn.execute(f"CREATE TABLE [{name}] ({_column_list(name)})")
                conn.executemany(_insert_sql(name), tuples)
        conn.execute("COMMIT")
    finally:
        conn.close()


@contextmanager
def chunk_folder(db: sqlite_utils.Database):
    """A folder for workers' chunk files beside the database being built (named after its
    temporary file, so a killed build's folder is removed by the next one), removed afterwards.
    An in-memory database gets a temporary folder."""
    import shutil
    import tempfile

    path = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")
    folder = Path(f"{path}-chunks") if path else Path(tempfile.mkdtemp(prefix="alliance-chunks-"))
    folder.mkdir(exist_ok=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class Loader:
    """Inserts rows table by table, verifying every quote against its document's text."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.texts = DocumentTexts(db)
        self.counts: dict[str, int] = {}
        self._sql = {}

    def copy_chunk(self, path):
        """Copy every table of a chunk file (:func:`write_chunk`) into the database, in order."""
        conn = self.db.conn
        if conn.in_transaction:
            conn.commit()
        conn.execute("ATTACH DATABASE ? AS chunk", [str(path)])
        try:
            present = {name for (name,) in conn.execute("SELECT name FROM chunk.sqlite_master WHERE type = 'table'")}
            for name in TABLES_BY_NAME:
                if name in present:
                    columns = _column_list(name)
                    cur = conn.execute(f"INSERT INTO main.[{name}] ({columns}) "
                                       f"SELECT {columns} FROM chunk.[{name}] ORDER BY rowid")
                    self.counts[name] = self.counts.get(name, 0) + cur.rowcount
            conn.commit()
        finally:
            conn.execute("DETACH DATABASE chunk")

    def insert(self, table_name: str, rows: list[dict]):
        """Check and write rows given as dicts."""
        if rows:
            self.insert_prepared(table_name, prepare(table_name, rows, self.texts))

    def insert_prepared(self, table_name: str, tuples: list[tuple]):
        """Write rows already checked and ordered by :func:`prepare`."""
        if not tuples:
            return
        sql = self._sql.get(table_name)
        if sql is None:
            sql = self._sql[table_name] = _insert_sql(table_name)
        self.db.conn.executemany(sql, tuples)
        self.counts[table_name] = self.counts.get(table_name, 0) + len(tuples)


def remove_stale_temp_files(out: Path):
    """Delete temporary databases left by builds that are no longer running."""
    import shutil

    for path in out.parent.glob(f".{out.name}{TEMP_MARK}*"):
        pid = path.name.rsplit(TEMP_MARK, 1)[-1].split("-")[0]
        if pid.isdigit() and _alive(int(pid)) and int(pid) != os.getpid():
            continue
        if path.is_dir():  # a killed build's folder of chunk files
            shutil.rmtree(path, ignore_errors=True)
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _temp_path(out: Path, suffix: str = "") -> Path:
    return out.with_name(f".{out.name}{TEMP_MARK}{os.getpid()}{suffix}")


def _replace(tmp: Path, out: Path):
    """Rename ``tmp`` over ``out`` once its bytes are on disk, then persist the rename itself."""
    commit_together([(tmp, out)])


def _sync_folder(folder: Path):
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a platform without directory handles
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_target(out: Path):
    """Refuse, before anything is renamed, a target that a new file cannot replace: a directory
    or anything else that is not a regular file (a symbolic link is replaced, not followed)."""
    if out.is_symlink() or not out.exists():
        return
    if out.is_dir():
        raise OutputError(out, "a directory is in the way of an output file: nothing was replaced "
                          "(move it away)")
    if not out.is_file():
        raise OutputError(out, "is not a regular file, so no output can replace it: nothing was replaced")


def commit_together(moves: list):
    """Rename each ``(temporary file, target)`` of ``moves``: all of them or, if one fails, none.

    The targets are checked first (:func:`check_target`); each new file is flushed to disk before
    any rename. A target that existed is hard-linked aside before it is replaced, so that if a
    later rename fails the earlier ones are undone and every target is as it was."""
    moves = [(Path(tmp), Path(out)) for tmp, out in moves]
    for _, out in moves:
        check_target(out)
    for tmp, _ in moves:
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
    done, asides = [], []
    try:
        for tmp, out in moves:
            aside = None
            if out.exists() and not out.is_symlink():
                aside = Path(f"{tmp}-previous")
                try:
                    os.link(out, aside)
                    asides.append(aside)
                except OSError:  # a file system without hard links: no way back for this one
                    aside = None
            os.replace(tmp, out)
            done.append((out, aside))
    except BaseException:
        for out, aside in reversed(done):
            if aside is not None:
                os.replace(aside, out)
            else:
                out.unlink(missing_ok=True)
        raise
    finally:
        for aside in asides:
            aside.unlink(missing_ok=True)
    for folder in dict.fromkeys(out.parent for _, out in moves):
        _sync_folder(folder)


@contextmanager
def atomic_file(out_path, encoding="utf-8", newline=None):
    """Yield a text file to write; it replaces ``out_path`` only if the block completes."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(out)
    tmp = _temp_path(out)
    try:
        with open(tmp, "w", encoding=encoding, newline=newline) as fh:
            yield fh
        _replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()


def companion_path(out: Path, name: str) -> Path:
    """The temporary file for ``name`` written beside the database ``out`` by this process: named
    after the database's temporary file, so the next build removes it if this one is killed."""
    return _temp_path(out, f"-{name}")


@contextmanager
def atomic_database(out_path, on_compact=None, keep=None, companions=None):
    """Yield a fresh database in a temp file; rename it over ``out_path`` only on success.

    ``on_compact``, if given, returns a context manager wrapped around the compacting copy (the
    build times it). ``companions``, if given, is called with the finished (compacted) file and
    returns the ``(temporary file, target)`` pairs of files made from it (build/unmatched.csv):
    they and the database replace their targets together or not at all (:func:`commit_together`).
    ``keep``, if given, is called with the uncompacted file and the output once the output is in
    place, and may move the file away (the build cache keeps it)."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(out)
    tmp = _temp_path(out)
    compact = _temp_path(out, "-compact")
    leftovers = [tmp, Path(f"{tmp}-journal"), compact, Path(f"{compact}-journal")]
    for leftover in leftovers:
        if leftover.exists():
            leftover.unlink()
    conn = None
    try:
        db = sqlite_utils.Database(tmp)
        conn = db.conn
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        yield db
        conn.commit()
        # The tables were filled document by document, so their pages interleave: a compact
        # copy puts each table's pages together (what VACUUM does, writing the file once
        # rather than twice: a third of the time for a 1.7 GB database).
        with on_compact() if on_compact else nullcontext():
            conn.execute("VACUUM INTO ?", [str(compact)])
            conn.close()
            conn = None
            moves = [(compact, out)]
            if companions is not None:
                made = companions(compact)
                leftovers.extend(tmp for tmp, _ in made)
                moves.extend(made)
            commit_together(moves)
        if keep is not None:
            keep(tmp, out)
    finally:
        if conn is not None:
            conn.close()
        for leftover in leftovers:
            if leftover.exists():
                leftover.unlink()
