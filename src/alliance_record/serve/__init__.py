"""Serve config: the Datasette side of the dataset, registered as a plugin by the package.

Installing the package registers this package with Datasette (the ``datasette`` entry point in
pyproject.toml), so ``datasette serve build/alliance.db -m metadata.yml`` picks up:

* ``templates/row.html`` — every row page of a table that quotes a document shows the quote
  highlighted in its paragraph ("In context"); an event shows each of its reports; a document
  page reads as a document: its sections and paragraphs, with the actors and places it mentions
  linked to their rows;
* ``render_cell`` — the full text of a document is shown as a short preview in tables (it is
  read in full on the document's page);
* ``prepare_connection`` — no SQL value may grow beyond :data:`MAX_VALUE_BYTES`, so a visitor's
  ``randomblob(1000000000)`` fails at once instead of allocating a gigabyte (one function call
  is not interrupted by ``sql_time_limit_ms``, which stops a query only between steps); and the
  SQL function ``fts_query(words)`` (:func:`fts_query`), with which the canned search queries
  turn what a visitor typed into a full-text query that is always valid; and ``printf``/``format``
  refuse a width or precision beyond :data:`MAX_PRINTF_WIDTH` (SQLite's ``printf('%.*c', 2e9,
  'x')`` loops for seconds inside one call, past any time limit, even when its result is too big).

:data:`SETTINGS` are the ``datasette serve`` settings of a public instance, kept here so that
``make serve``, the tests and the load test use the same ones (``alliance-record serve-args``
prints them as command-line options).

Everything taken from the texts reaches the page as data and is escaped by Jinja's autoescape;
links are built here from ids, never taken from the texts.
"""

from __future__ import annotations

import json
import re
import sqlite3
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils import tilde_decode
from markupsafe import Markup, escape

DATABASE = "alliance"
PREVIEW_CHARS = 280

# `datasette serve` settings that keep a public instance responsive (with `-i`, immutable mode).
SETTINGS = (
    ("sql_time_limit_ms", 1000),     # a runaway query (a recursive CTE, a cross join) stops after 1 s
    ("max_returned_rows", 1000),     # no page, query or JSON answer returns more rows
    ("facet_time_limit_ms", 200),    # a facet that takes longer is left out, not waited for
    # no suggested facets: they cost a query per column on every table page (the facets that
    # metadata.yml configures are still shown); the load test serves ~60% more requests/s
    ("suggest_facets", "off"),
    ("default_cache_ttl", 3600),     # the data is immutable: browsers and proxies may cache for an hour
)
# The longest string or blob any SQL expression may produce. The longest value stored (a
# document's text) is a few hundred kilobytes at most; a test keeps it well under this.
MAX_VALUE_BYTES = 10_000_000


FTS_OPERATORS = ("OR", "AND", "NOT")
# a "quoted phrase" (the closing quote may be missing), or a run of other non-space characters
_FTS_PIECE = re.compile(r'"([^"]*)"?|([^\s"]+)')


def fts_query(text) -> str:
    """A visitor's search words as an SQLite FTS5 query that never fails to parse.

    Search boxes pass what was typed to ``MATCH``; raw FTS5 syntax rejects an apostrophe
    ("Japan's"), a stray quote or a trailing ``OR`` with an error page. Here every word and
    every "quoted phrase" becomes an FTS5 string (punctuation inside a string is only a
    separator to the tokenizer), a trailing ``*`` stays a prefix search, and the upper-case
    operators ``OR``, ``AND`` and ``NOT`` are kept where they join two terms (dropped where
    they would be a syntax error; of two in a row, as in "a AND NOT b", the last one counts).
    Nothing typed can become anything but search terms.
    """
    parts: list = []
    for match in _FTS_PIECE.finditer("" if text is None else str(text).replace("\x00", " ")):
        phrase, word = match.groups()
        if word in FTS_OPERATORS:
            if parts and parts[-1] in FTS_OPERATORS:
                parts[-1] = word
            elif parts:
                parts.append(word)
        elif phrase is not None:
            parts.append(f'"{phrase}"')
        elif word.strip("*"):
            stem = word.rstrip("*")
            parts.append(f'"{stem}"' + ("*" if stem != word else ""))
    while parts and parts[-1] in FTS_OPERATORS:
        parts.pop()
    return " ".join(parts) or '""'


# The widest field printf/format may pad or repeat to (see guarded_printf).
MAX_PRINTF_WIDTH = 100_000
# %[flags][width][.precision][size]conversion, width and precision as digits or * (an argument)
_PRINTF_SPEC = re.compile(r"%[-+ 0#!,]*(\*|\d+)?(?:\.(\*|\d+))?(?:ll|l)?(.)", re.S)


def printf_problem(fmt, args) -> str | None:
    """Why a printf format asks for too wide a field (a width or precision, written or given by
    a ``*`` argument, beyond :data:`MAX_PRINTF_WIDTH`); None if it does not."""
    if not isinstance(fmt, str):
        return None
    arg = 0
    for spec in _PRINTF_SPEC.finditer(fmt):
        if spec.group(3) == "%":
            continue
        for size in spec.group(1, 2):
            if size == "*":
                value = args[arg] if arg < len(args) else 0
                arg += 1
                try:
                    size = abs(int(value))
                except (TypeError, ValueError, OverflowError):
                    size = 0
            if size is not None and int(size) > MAX_PRINTF_WIDTH:
                return f"printf width or precision {size} is more than {MAX_PRINTF_WIDTH}"
        arg += 1
    return None


def guarded_printf(builtin: sqlite3.Connection):
    """SQLite's own printf (run on ``builtin``, a connection without this override), after
    :func:`printf_problem` has ruled out a field wide enough to keep a thread busy."""
    def printf(fmt=None, *args):
        problem = printf_problem(fmt, args)
        if problem:
            raise ValueError(problem)
        marks = ", ".join("?" for _ in range(len(args) + 1))
        return builtin.execute(f"select printf({marks})", (fmt, *args)).fetchone()[0]
    return printf


def serve_args() -> list:
    """:data:`SETTINGS` as ``datasette serve`` options: ``["--setting", name, value, ...]``."""
    return [arg for name, value in SETTINGS for arg in ("--setting", name, str(value))]


def _pieces(row) -> list:
    return json.loads(row["spans"]) if row.get("spans") else [[row["start"], row["end"]]]


def _joined_index(pieces, offset: int) -> int:
    """Offset in a row's joined text (pieces joined by one space) of a document offset."""
    pos = 0
    for k, (a, b) in enumerate(pieces):
        if k:
            pos += 1
        if a <= offset <= b:
            return pos + offset - a
        pos += b - a
    return pos


def split_parts(text: str, marks: list, base_pieces) -> list:
    """Cut ``text`` into parts, linking or highlighting the document ranges in ``marks``.

    ``marks`` are dicts with ``start``/``end`` (document offsets) and ``href``/``title`` or
    ``highlight``; overlapping marks after the first are dropped.
    """
    spans = []
    for m in sorted(marks, key=lambda m: (m["start"], -m["end"])):
        i, j = _joined_index(base_pieces, m["start"]), _joined_index(base_pieces, m["end"])
        if spans and i < spans[-1][1]:
            continue
        if 0 <= i < j <= len(text):
            spans.append((i, j, m))
    parts, pos = [], 0
    for i, j, m in spans:
        if i > pos:
            parts.append({"text": text[pos:i]})
        parts.append({"text": text[i:j], **{k: v for k, v in m.items() if k not in ("start", "end")}})
        pos = j
    if pos < len(text):
        parts.append({"text": text[pos:]})
    return parts


def row_href(datasette, table: str, pk: str) -> str:
    return datasette.urls.table(DATABASE, table) + "/" + quote(str(pk), safe="")


async def document_reader(datasette, db, doc_id: str) -> dict:
    """Sections and paragraphs of a document, with actor and place mentions linked."""
    sections = [dict(r) for r in await db.execute(
        "select id, heading, level, author, affiliation from sections where document_id = ? order by ordinal",
        [doc_id])]
    paragraphs = [dict(r) for r in await db.execute(
        "select id, section_id, kind, text, start, end, spans from paragraphs where document_id = ? "
        "order by ordinal", [doc_id])]
    marks: dict = {}
    for table, key in (("actor_mentions", "actor_id"), ("place_mentions", "place_id")):
        target = "actors" if table == "actor_mentions" else "places"
        rows = await db.execute(
            f"select m.paragraph_id, m.start, m.end, m.{key} as entity, e.name from {table} m "
            f"join {target} e on e.id = m.{key} where m.document_id = ? and m.paragraph_id is not null",
            [doc_id])
        for r in rows:
            marks.setdefault(r["paragraph_id"], []).append({
                "start": r["start"], "end": r["end"], "href": row_href(datasette, target, r["entity"]),
                "title": r["name"], "kind": target})
    by_section: dict = {}
    for p in paragraphs:
        p["parts"] = split_parts(p["text"], marks.get(p["id"], []), _pieces(p))
        p["href"] = row_href(datasette, "paragraphs", p["id"])
        by_section.setdefault(p["section_id"], []).append(p)
    for s in sections:
        s["paragraphs"] = by_section.get(s["id"], [])
        s["href"] = row_href(datasette, "sections", s["id"])
    return {"sections": sections}


async def in_context(datasette, db, rows: list) -> list:
    """For quoting rows: the paragraph (or footnote) around each quote, the quote highlighted."""
    out = []
    for row in rows:
        if row.get("start") is None or not row.get("document_id"):
            continue
        container = None
        for table in ("paragraphs", "footnotes"):
            if table not in await db.table_names():
                continue
            found = list(await db.execute(
                f"select id, text, start, end, spans from {table} where document_id = ? and start <= ? "
                "and end >= ? order by end - start limit 5", [row["document_id"], row["start"], row["end"]]))
            for c in found:
                c = dict(c)
                if any(a <= row["start"] < b for a, b in _pieces(c)):
                    container = (table, c)
                    break
            if container:
                break
        if not container:
            continue
        table, c = container
        mark = {"start": row["start"], "end": row["end"], "highlight": True}
        out.append({
            "label": row.get("label") or row["document_id"],
            "document_href": row_href(datasette, "documents", row["document_id"]),
            "document_id": row["document_id"],
            "container_href": row_href(datasette, table, c["id"]),
            "container": table[:-1],
            "parts": split_parts(c["text"], [mark], _pieces(c)),
        })
    return out


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "row" or database != DATABASE or request is None:
        return {}

    async def inner():
        db = datasette.get_database(DATABASE)
        pk = tilde_decode(request.url_vars.get("pks", ""))
        if table == "documents":
            return {"document_reader": await document_reader(datasette, db, pk)}
        columns = await db.table_columns(table)
        if table == "events":
            rows = [dict(r) for r in await db.execute(
                "select s.document_id, s.start, s.end, s.date_phrase, d.title as label "
                "from event_sources s join documents d on d.id = s.document_id "
                "where s.event_id = ? order by s.id", [pk])]
            return {"in_context": await in_context(datasette, db, rows)}
        if {"document_id", "start", "end"} <= set(columns) and "id" in columns:
            rows = [dict(r) for r in await db.execute(
                f"select document_id, start, end from [{table}] where id = ?", [pk])]
            return {"in_context": await in_context(datasette, db, rows)}
        return {}

    return inner


@hookimpl
def prepare_connection(conn):
    """Cap the length of any string or blob a query makes (see :data:`MAX_VALUE_BYTES`) and
    register ``fts_query`` for the canned search queries and a guarded ``printf``/``format``."""
    if hasattr(conn, "setlimit"):  # Python 3.11+
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    printf = guarded_printf(sqlite3.connect(":memory:", check_same_thread=False))
    for name in ("printf", "format"):
        conn.create_function(name, -1, printf, deterministic=True)


@hookimpl
def render_cell(value, column, table, database, datasette):
    if database == DATABASE and table == "documents" and column == "text" and isinstance(value, str):
        if len(value) > PREVIEW_CHARS:
            return Markup(f"{escape(value[:PREVIEW_CHARS])}… <em>({len(value):,} characters; "
                          "read it on the document's page)</em>")
    return None
