"""Serve config: the Datasette side of the dataset, registered as a plugin by the package.

Installing the package registers this package with Datasette (the ``datasette`` entry point in
pyproject.toml), so ``datasette serve build/alliance.db -m metadata.yml`` picks up:

* ``templates/row.html`` — an entity's page (documents, events, actors, places, recommendations,
  quotations, works) opens with its card (:mod:`.cards`: name, dates in words with their
  precision, linked names with roles, sources, related rows as labelled links), the raw columns
  after it and only the "links from other tables" that have rows, folded; every row page of a
  table that quotes a document shows the quote
  highlighted in its paragraph ("In context"); an event shows each of its reports; a document
  page reads as a document: what was extracted from it, its sections, paragraphs and notes, with
  the actors and places it mentions and its footnote markers linked to their rows, and its event
  reports, recommendations and quotations highlighted with a link to theirs (:data:`READER_MARKS`);
* ``templates/table.html``, ``_table.html``, ``_facet_results.html`` — a table page leads with
  its rows: column notes folded behind one link, facets in one scrolling row, the cluster map
  after the rows, long texts given room, a phone showing each row as a short card of the
  table's ``phone_columns``; array facets show names (``facet_labels``);
* ``render_cell`` (:mod:`.cells`) — names and links instead of ids and JSON: foreign keys show
  their label, JSON lists of ids (a table's ``id_lists`` in metadata.yml) their linked names, a
  row's label links to its page, quantities read as people write them, URLs in text are links,
  the full text of a document is a short preview, and the ids a canned query returns link to
  their rows (the query's ``links``; ``asgi_wrapper`` tells it which query it renders);
* ``extra_template_vars`` — a table's ``facets_on_request`` (metadata.yml) are offered as
  Datasette's suggested facets, links that add a facet only counted once clicked;
* ``extra_body_script`` — a canned query opened with no parameters replaces itself with its
  ``example`` filled in, so no visitor lands on an empty form reading "0 results";
* ``extra_css_urls`` — ``static/site.css``, the site's stylesheet (with a dark scheme);
* ``prepare_connection`` — no SQL value may grow beyond :data:`MAX_VALUE_BYTES`, so a visitor's
  ``randomblob(1000000000)`` fails at once instead of allocating a gigabyte (one function call
  is not interrupted by ``sql_time_limit_ms``, which stops a query only between steps); and the
  SQL function ``fts_query(words)`` (:func:`fts_query`), with which the canned search queries
  turn what a visitor typed into a full-text query that is always valid; and ``printf``/``format``
  refuse a width or precision beyond :data:`MAX_PRINTF_WIDTH` (SQLite's ``printf('%.*c', 2e9,
  'x')`` loops for seconds inside one call, past any time limit, even when its result is too big).
* ``handle_exception`` — a query of Datasette's own that ran out of time under load (the
  catalog, a table's definition) is 503 with ``Retry-After`` (:func:`busy_lookup`), not a 500;
  what a visitor got wrong is a 4xx, never a 500 (:func:`visitor_mistake`):
  a sort by a column the table lacks, two statements in ``_where``, a ``_through`` or
  ``_timelimit`` that does not parse; and ``asgi_wrapper`` answers any method but GET and HEAD
  with 405 (the dataset is read-only: a POST to a table or a TRACE used to be a 500).
* ``asgi_wrapper`` also keeps what every visitor asks for: a bounded cache of whole answers in
  each process (:mod:`.cache`: anonymous GETs, 200s of immutable data, an hour at most, a
  page whose facet or count ran out of time ten seconds), with a ``Cache-Control`` that says the
  data is immutable (:func:`cache_control`); and it remembers which ``allow`` blocks apply to
  each table (:func:`remember_table_permissions`: Datasette 0.65.5 deep-copies the metadata for
  every table on every permission check); each request gets its own copy of the metadata, which
  Datasette's views write the inherited licence into (:func:`metadata_per_request`), and a table
  inherits a licence with its link or not at all (:func:`inherit_in_pairs`). ``make serve`` runs
  the app in uvicorn's worker processes (:mod:`alliance_record.asgi`).
* an authorizer refuses the SQL functions of :data:`DENIED_FUNCTIONS` (``fts3_tokenizer``
  handed a visitor a memory pointer and took one).

:data:`SETTINGS` are the ``datasette serve`` settings of a public instance, kept here so that
``make serve``, the tests and the load test use the same ones (``alliance-record serve-args``
prints them as command-line options).

Everything taken from the texts reaches the page as data and is escaped by Jinja's autoescape;
links are built here from ids, never taken from the texts.
"""

from __future__ import annotations

import asyncio
import bisect
import collections
import contextvars
import heapq
import json
import re
import sqlite3
from pathlib import Path
from urllib.parse import parse_qs, quote, urlencode

from datasette import hookimpl
from datasette.utils import path_with_added_args, tilde_decode
from markupsafe import Markup, escape

from ..schema import PART_OF
from . import cells
from .cards import entity_card
from .labels import DATABASE, all_labels, label, row_href

# `datasette serve` settings that keep a public instance responsive (with `-i`, immutable mode).
SETTINGS = (
    ("sql_time_limit_ms", 1000),     # a runaway query (a recursive CTE, a cross join) stops after 1 s
    ("max_returned_rows", 1000),     # no page, query or JSON answer returns more rows
    ("facet_time_limit_ms", 200),    # a facet that takes longer is left out, not waited for
    # no suggested facets: they cost a query per column on every table page (the facets that
    # metadata.yml configures are still shown); the load test serves ~60% more requests/s
    ("suggest_facets", "off"),
    ("default_cache_ttl", 3600),     # the data is immutable: browsers and proxies may cache for an hour
    # A CSV with `_stream=on` is not capped by max_returned_rows: it pages through every row of
    # the table or query (each page one query within the time limit) and stops at this size.
    ("max_csv_mb", 100),
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
    """Why a printf format asks for too much: a field (a width or precision, written or given by a
    ``*`` argument) beyond :data:`MAX_PRINTF_WIDTH`, or an output beyond :data:`MAX_VALUE_BYTES`
    in all (the fields and the arguments they print, with quotes doubled by %q/%Q/%w, added up:
    twenty arguments of 9.8 MB each are a 196 MB string, built before any length limit applies);
    None if it does not."""
    if not isinstance(fmt, str):
        return None
    arg, total = 0, len(fmt)
    for spec in _PRINTF_SPEC.finditer(fmt):
        if spec.group(3) == "%":
            continue
        field = 0
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
            field = max(field, int(size or 0))
        value = args[arg] if arg < len(args) else None
        printed = len(value) if isinstance(value, (str, bytes)) else 32  # a number: a few dozen characters
        total += max(field, printed * (2 if spec.group(3) in "qQw" else 1))
        arg += 1
    if total > MAX_VALUE_BYTES:
        return f"printf would make about {total:,} characters, more than {MAX_VALUE_BYTES:,}"
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


def datasette_settings(extra=()) -> dict:
    """:data:`SETTINGS` as the ``Datasette`` constructor takes them, converted as ``datasette serve
    --setting`` converts them (``off`` is False for a boolean setting, numbers are ints); ``extra``
    ``(name, value)`` pairs are given after them, so they win (an unknown name is a ``ValueError``)."""
    from datasette.app import DEFAULT_SETTINGS
    from datasette.utils import value_as_boolean

    out = {}
    for name, value in (*SETTINGS, *extra):
        if name not in DEFAULT_SETTINGS:
            raise ValueError(f"{name!r} is not a Datasette setting")
        default = DEFAULT_SETTINGS[name]
        if isinstance(default, bool):
            value = value if isinstance(value, bool) else value_as_boolean(str(value))
        elif isinstance(default, int):
            value = int(value)
        out[name] = value
    return out


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


def _document_offset(pieces, index: int) -> int:
    """The document offset of position ``index`` of a row's joined text (the inverse of
    :func:`_joined_index`)."""
    pos = 0
    for k, (a, b) in enumerate(pieces):
        if k:
            pos += 1
        if index <= pos + b - a:
            return a + max(0, index - pos)
        pos += b - a
    return pieces[-1][1]


def url_marks(text: str, pieces) -> list:
    """The web addresses in a note's text as links (marks in document offsets)."""
    return [{"start": _document_offset(pieces, m.start()), "end": _document_offset(pieces, m.end()),
             "href": m.group(0), "title": m.group(0), "kind": "url"} for m in cells.URL.finditer(text)]


def split_parts(text: str, marks: list, base_pieces) -> list:
    """Cut ``text`` into parts, linking and highlighting the document ranges in ``marks``.

    ``marks`` are dicts with ``start``/``end`` (document offsets). A mark with ``href`` (and
    ``title``, ``kind``) and no ``range`` is a link: links do not overlap (of two, the first
    is kept) and are never cut. A mark with ``range`` (or ``highlight``) is a highlighted range
    that may overlap others and contain links; its ``kind`` becomes the class ``ar-hl-<kind>``
    of the parts inside it, and one with ``href`` adds a tag (``href``, ``title``, ``label``)
    after its last part. A range that starts or ends inside a link takes in the whole link.
    Each part: ``text``, and ``href``/``title``/``kind`` (a link), ``classes`` and
    ``highlight`` (inside ranges), ``tags``.
    """
    links, ranges = [], []
    for m in sorted(marks, key=lambda m: (m["start"], -m["end"])):
        i, j = _joined_index(base_pieces, m["start"]), _joined_index(base_pieces, m["end"])
        if not 0 <= i < j <= len(text):
            continue
        if m.get("range") or m.get("highlight"):
            ranges.append((i, j, m))
        elif not links or i >= links[-1][1]:
            links.append((i, j, m))
    # One pass over the cuts, each link and range found by bisection or kept in a running tally:
    # near-linear in the marks (testing every mark against every part made a paragraph with
    # 26,000 mentions take half a minute).
    starts = [a for a, _, _ in links]

    def link_around(x):
        """The link strictly around offset ``x`` (a < x < b), or None."""
        k = bisect.bisect_left(starts, x) - 1
        return links[k] if k >= 0 and x < links[k][1] else None

    def widen(i, j):
        inner = link_around(i)
        outer = link_around(j)
        return (inner[0] if inner else i), (outer[1] if outer else j)

    ranges = [(*widen(i, j), m) for i, j, m in ranges]
    tags_at: dict = {}  # end offset -> the tags of the ranges ending there, in order
    for i, j, m in ranges:
        if m.get("href"):
            tags_at.setdefault(j, []).append({"href": m["href"], "title": m.get("title"),
                                              "label": m.get("label") or m.get("kind")})
    by_start = sorted(range(len(ranges)), key=lambda k: ranges[k][0])
    ending: list = []  # heap of (end, index) of the ranges open at the current cut
    kinds: collections.Counter = collections.Counter()
    highlights = opened = 0
    cuts = sorted({0, len(text)} | {x for a, b, _ in links + ranges for x in (a, b)})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        while ending and ending[0][0] <= a:
            _, k = heapq.heappop(ending)
            m = ranges[k][2]
            kinds[m.get("kind")] -= 1
            highlights -= bool(m.get("highlight"))
        while opened < len(by_start) and ranges[by_start[opened]][0] <= a:
            k = by_start[opened]
            opened += 1
            if ranges[k][1] > a:
                m = ranges[k][2]
                heapq.heappush(ending, (ranges[k][1], k))
                kinds[m.get("kind")] += 1
                highlights += bool(m.get("highlight"))
        part = {"text": text[a:b], "tags": []}
        k = bisect.bisect_right(starts, a) - 1
        if k >= 0 and b <= links[k][1]:
            m = links[k][2]
            part.update(href=m["href"], title=m.get("title"), kind=m.get("kind"))
        if ending:
            part["classes"] = " ".join(sorted(f"ar-hl-{kind}" for kind, n in kinds.items() if n and kind))
            part["highlight"] = highlights > 0
        part["tags"] = tags_at.get(b, [])
        parts.append(part)
    return parts


# What the document page links in its text: (table, SQL for this document's rows as container,
# start, end, href table, href id, title; then how the row is marked). A link is an inline link
# (a mention, a footnote marker); a range is highlighted with a tag after it.
READER_MARKS = (
    ("actors", "link", "select coalesce(m.paragraph_id, m.footnote_id) as container, m.start, m.end, "
     "m.actor_id as target, e.name as title from actor_mentions m join actors e on e.id = m.actor_id "
     "where m.document_id = ?"),
    ("places", "link", "select coalesce(m.paragraph_id, m.footnote_id) as container, m.start, m.end, "
     "m.place_id as target, e.name as title from place_mentions m join places e on e.id = m.place_id "
     "where m.document_id = ?"),
    ("footnotes", "link", "select paragraph_id as container, marker_start as start, marker_end as end, "
     "id as target, coalesce(text, label) as title from footnotes where document_id = ? and marker_start is not null"),
    ("events", "range", "select coalesce(s.paragraph_id, s.footnote_id) as container, s.start, s.end, "
     "s.event_id as target, e.summary as title from event_sources s join events e on e.id = s.event_id "
     "where s.document_id = ?"),
    ("recommendations", "range", "select paragraph_id as container, start, end, id as target, "
     "summary as title from recommendations where document_id = ?"),
    ("quotations", "range", "select q.paragraph_id as container, q.start, q.end, q.id as target, "
     "coalesce(a.name, q.speaker_label, 'unattributed') || ': ' || q.label as title "
     "from quotations q left join actors a on a.id = q.speaker_id where q.document_id = ?"),
)
TAG_LABELS = {"events": "event", "recommendations": "recommendation", "quotations": "quotation"}
# The document's rows in other tables, listed at the top of its page (tables with document_id).
EXTRACTED = ("sections", "paragraphs", "footnotes", "recommendations", "quotations", "quantities",
             "actor_mentions", "place_mentions", "date_mentions", "event_sources", "figures", "boilerplate",
             "problems")


async def reader_rows(db, doc_id: str) -> list:
    """The rows of :data:`READER_MARKS` for a document: ``[(target, how, rows), ...]``."""
    return [(target, how, list(await db.execute(sql, [doc_id]))) for target, how, sql in READER_MARKS]


def marks_from(datasette, fetched: list) -> dict:
    """Container id (paragraph or footnote) -> the marks of :func:`reader_rows`' rows inside it."""
    marks: dict = {}
    for target, how, rows in fetched:
        base = datasette.urls.table(DATABASE, target) + "/"
        for r in rows:
            if r["container"] is None or r["start"] is None:
                continue
            mark = {"start": r["start"], "end": r["end"], "href": base + quote(str(r["target"]), safe=""),
                    "title": r["title"], "kind": target}
            if how == "range":
                mark.update(range=True, label=TAG_LABELS[target])
            marks.setdefault(r["container"], []).append(mark)
    return marks


async def reader_marks(datasette, db, doc_id: str) -> dict:
    """Container id (paragraph or footnote) -> the marks of :data:`READER_MARKS` inside it."""
    return marks_from(datasette, await reader_rows(db, doc_id))


def parts_html(parts: list) -> Markup:
    """The HTML of :func:`split_parts`' parts (a link, a highlighted span, the tags after a range),
    every value escaped. Made here rather than by a template loop: Jinja's async rendering took
    seconds for a paragraph of 26,000 mentions."""
    out = []
    for part in parts:
        if part.get("classes"):
            out.append(f'<span class="{escape(part["classes"])}">')
        if part.get("href"):
            out.append(f'<a class="ar-{escape(part.get("kind"))}" href="{escape(part["href"])}" '
                       f'title="{escape(part.get("title"))}">{escape(part["text"])}</a>')
        else:
            out.append(str(escape(part["text"])))
        if part.get("classes"):
            out.append("</span>")
        for tag in part["tags"]:
            out.append(f'<a class="ar-tag" href="{escape(tag["href"])}" title="{escape(tag.get("title"))}">'
                       f'{escape(tag.get("label"))}</a>')
    return Markup("".join(out))


async def extracted_counts(datasette, db, doc_id: str) -> list:
    """How many rows of each table come from the document, each with a link to them."""
    out = []
    n = (await db.execute("select count(distinct event_id) from event_sources where document_id = ?",
                          [doc_id])).first()[0]
    out.append({"table": "events", "count": n,
                "href": datasette.urls.table(DATABASE, "events") + "?" + urlencode(
                    {"_facet_array": "documents", "documents__arraycontains": doc_id})})
    for table in EXTRACTED:
        part_of = PART_OF.get(table, (None,))[0]  # a range's ends: the count is of date expressions
        whole = f" and [{part_of}] is null" if part_of else ""
        n = (await db.execute(f"select count(*) from [{table}] where document_id = ?{whole}", [doc_id])).first()[0]
        query = {"document_id": doc_id, **({f"{part_of}__isnull": 1} if part_of else {})}
        out.append({"table": table, "count": n, "href": datasette.urls.table(DATABASE, table) + "?" + urlencode(query)})
    return [c for c in out if c["count"]]


def shown_sections(sections: list, by_section: dict) -> list:
    """The sections with text in them or in a sub-section (an empty heading, such as a table of
    contents whose lines are boilerplate, is left out)."""
    full = {s["id"] for s in sections if by_section.get(s["id"])}
    for s in reversed(sections):  # children come after their parents
        if s["id"] in full and s.get("parent_id"):
            full.add(s["parent_id"])
    return [s for s in sections if s["id"] in full]


async def document_reader(datasette, db, doc_id: str) -> dict:
    """Sections and paragraphs of a document, with its notes, and everything extracted from it
    linked in the text (see :data:`READER_MARKS`)."""
    sections = [dict(r) for r in await db.execute(
        "select id, parent_id, heading, level, author, affiliation from sections where document_id = ? "
        "order by ordinal", [doc_id])]
    paragraphs = [dict(r) for r in await db.execute(
        "select id, section_id, kind, text, start, end, spans from paragraphs where document_id = ? "
        "order by ordinal", [doc_id])]
    notes = [dict(r) for r in await db.execute(
        "select id, number, text, start, end, spans from footnotes where document_id = ? "
        "and text is not null order by start", [doc_id])]
    fetched = await reader_rows(db, doc_id)

    def shape():  # what costs time in proportion to the marks, in a thread: the server goes on meanwhile
        marks = marks_from(datasette, fetched)
        for rows, table in ((paragraphs, "paragraphs"), (notes, "footnotes")):
            for p in rows:
                pieces = _pieces(p)
                # a note's web addresses first: a name inside one is part of the address
                links = url_marks(p["text"], pieces) if table == "footnotes" else []
                p["parts"] = split_parts(p["text"], links + marks.get(p["id"], []), pieces)
                p["html"] = parts_html(p["parts"])
                p["href"] = row_href(datasette, table, p["id"])

    await asyncio.to_thread(shape)
    by_section: dict = {}
    for p in paragraphs:
        by_section.setdefault(p["section_id"], []).append(p)
    sections = shown_sections(sections, by_section)
    for s in sections:
        s["paragraphs"] = by_section.get(s["id"], [])
        s["href"] = row_href(datasette, "sections", s["id"])
    return {"sections": sections, "notes": notes,
            "extracted": await extracted_counts(datasette, db, doc_id)}


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
            "label": row.get("label") or await label(datasette, "documents", row["document_id"]) or row["document_id"],
            "document_href": row_href(datasette, "documents", row["document_id"]),
            "document_id": row["document_id"],
            "container_href": row_href(datasette, table, c["id"]),
            "container": table[:-1],
            "parts": split_parts(c["text"], [mark], _pieces(c)),
        })
    return out


def facets_on_request(datasette, database, table, request) -> list:
    """The table's ``facets_on_request`` (metadata.yml) that are not on the page yet, as
    Datasette's suggested facets: links that add the facet, counted only once clicked."""
    if datasette.setting("suggest_facets"):
        return []  # Datasette suggests facets itself
    config = (datasette.metadata(database=database, table=table) or {}).get("facets_on_request") or []
    out = []
    for facet in config:
        (kind, column), = facet.items() if isinstance(facet, dict) else (("column", facet),)
        arg = "_facet" if kind == "column" else f"_facet_{kind}"
        if column in request.args.getlist(arg):
            continue
        out.append({"name": column, "type": None if kind == "column" else kind,
                    "toggle_url": path_with_added_args(request, {arg: column})})
    return out


def table_layout(datasette, database, table, columns) -> dict:
    """How a table page is laid out (templates/table.html): the map after the rows when the
    table has coordinates, and the ``phone_columns`` (metadata.yml) a phone shows of each row."""
    config = datasette.metadata(database=database, table=table) or {}
    phone = config.get("phone_columns") or []
    # the id column is left out on a phone when the label shown links to the row (serve/cells.py)
    return {"has_map": {"latitude", "longitude"} <= set(columns or ()), "phone_columns": phone,
            "phone_hides_pk": config.get("label_column") in phone}


async def table_filters(datasette, table, request) -> tuple[list, dict]:
    """The ``where`` clauses and parameters of the rows a table page shows, built as Datasette
    0.65's table view builds them: its ``Filters`` from the query string (``column__op=value``)
    and every ``filters_from_request`` hook (``_where``, ``_search``, ``_through``, plugins')."""
    from datasette.filters import Filters
    from datasette.plugins import pm
    from datasette.utils import await_me_maybe
    from datasette.views.base import ureg

    filter_args = [(key, value) for key in request.args if not (key.startswith("_") and "__" not in key)
                   for value in request.args.getlist(key)]
    units = (datasette.table_metadata(DATABASE, table) or {}).get("units", {})
    where, params = Filters(sorted(filter_args), units, ureg).build_where_clauses(table)
    for hook in pm.hook.filters_from_request(request=request, table=table, database=DATABASE, datasette=datasette):
        arguments = await await_me_maybe(hook)
        if arguments:
            where.extend(arguments.where_clauses)
            params.update(arguments.params)
    return where, params


async def unmapped(datasette, table, request=None) -> dict | None:
    """The rows of a table page with coordinates columns that the map cannot show (no latitude):
    their number among the rows the page shows (its filters and search: :func:`table_filters`),
    how many rows that is, a link listing them (the page's filters and ``latitude__isnull=1``) and
    the table's ``map_note`` (metadata.yml) saying why; None when every row is on the map. The
    count of a whole table is kept on the Datasette instance (the database is served immutable)."""
    from urllib.parse import parse_qsl

    from datasette.database import QueryInterrupted

    where, params = await table_filters(datasette, table, request) if request is not None else ([], {})
    # on the instance, not in a module dict keyed by id(datasette) (an id is reused once freed)
    memo = datasette.__dict__.setdefault("_alliance_record_unmapped", {})
    if where or table not in memo:
        db = datasette.get_database(DATABASE)
        sql = f"select count(*), count(*) - count(latitude) from [{table}]"
        try:
            total, missing = (await db.execute(sql + (" where " + " and ".join(where) if where else ""),
                                               params)).first()
        except QueryInterrupted:
            return None  # no note rather than a wrong one (the page is marked partial)
        config = datasette.metadata(database=DATABASE, table=table) or {}
        listing = datasette.urls.table(DATABASE, table) + "?latitude__isnull=1"
        if request is not None and where:  # the page's own filters, from its first page
            kept = [(k, v) for k, v in parse_qsl(request.query_string, keep_blank_values=True)
                    if k not in ("_next", "latitude__isnull")]
            listing = request.path + "?" + urlencode(kept + [("latitude__isnull", "1")])
        found = {"count": missing, "total": total, "why": config.get("map_note"), "href": listing} if missing else None
        if where:
            return found
        memo[table] = found
    return memo[table]


async def facet_labels(datasette, table, request) -> dict:
    """The names of the ids the page's array facets count: ``{column: {id: name}}`` for the
    columns of the table's ``id_lists`` (metadata.yml) faceted on this page."""
    config = datasette.metadata(database=DATABASE, table=table) or {}
    id_lists = config.get("id_lists") or {}
    faceted = set(request.args.getlist("_facet_array"))
    faceted |= {f["array"] for f in config.get("facets") or [] if isinstance(f, dict) and "array" in f}
    return {column: await all_labels(datasette, target) for column, target in id_lists.items() if column in faceted}


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024


async def front_page(datasette) -> dict:
    """The home page's front (templates/_description_source_license.html), from the
    ``alliance-record`` plugin config in metadata.yml: the questions as links to their answers,
    and the entity tables with their row counts."""
    config = datasette.plugin_config("alliance-record") or {}
    db = datasette.get_database(DATABASE)
    tables = set(await db.table_names())
    counted = db.cached_table_counts or {}  # served immutable with an inspect file: no query at all
    entities = []
    for name, about in (config.get("entities") or {}).items():
        if name in tables:
            count = counted.get(name)
            if count is None:
                count = (await db.execute(f"select count(*) from [{name}]")).first()[0]
            entities.append({"name": name.replace("_", " "), "about": about, "count": count,
                             "href": datasette.urls.table(DATABASE, name)})
    size = Path(db.path).stat().st_size if db.path and Path(db.path).exists() else 0
    return {"questions": config.get("questions") or [], "entities": entities, "size": human_size(size),
            "citation": config.get("citation"),
            "download": datasette.urls.database(DATABASE) + ".db",
            "ranked_search": datasette.urls.database(DATABASE) + "/search_text"}


@hookimpl
def extra_template_vars(template, database, table, columns, view_name, request, datasette):
    if view_name == "index" and request is not None:
        async def with_front_page():
            return {"front_page": await front_page(datasette)}
        return with_front_page
    if database != DATABASE or request is None:
        return {}
    if view_name == "table":
        more = facets_on_request(datasette, database, table, request)
        layout = {"ar_table": table_layout(datasette, database, table, columns)}
        if more:
            layout["suggested_facets"] = more

        async def with_facet_labels():
            if layout["ar_table"]["has_map"] and table:  # a query's rows (no table) are all its own
                layout["ar_table"]["unmapped"] = await unmapped(datasette, table, request)
            return {**layout, "facet_labels": await facet_labels(datasette, table, request)}
        return with_facet_labels
    if view_name != "row":
        return {}

    async def inner():
        db = datasette.get_database(DATABASE)
        pk = tilde_decode(request.url_vars.get("pks", ""))
        card = {"card": await entity_card(datasette, db, table, pk)}
        if table == "documents":
            return {"document_reader": await document_reader(datasette, db, pk), **card}
        columns = await db.table_columns(table)
        if table == "events":
            rows = [dict(r) for r in await db.execute(
                "select s.document_id, s.start, s.end, s.date_phrase, d.title as label "
                "from event_sources s join documents d on d.id = s.document_id "
                "where s.event_id = ? order by s.id", [pk])]
            return {"in_context": await in_context(datasette, db, rows), **card}
        if {"document_id", "start", "end"} <= set(columns) and "id" in columns:
            rows = [dict(r) for r in await db.execute(
                f"select document_id, start, end from [{table}] where id = ?", [pk])]
            return {"in_context": await in_context(datasette, db, rows), **card}
        return card

    return inner


def example_params(datasette, request) -> dict | None:
    """The ``example`` of the canned query a request opens with no parameters at all (None for
    any other page, or a query without an example)."""
    if request is None or request.query_string:
        return None
    parts = request.path.strip("/").split("/")
    if len(parts) != 2 or parts[0] != DATABASE:
        return None
    return query_example((datasette.metadata("queries", database=DATABASE) or {}).get(parts[1]))


def query_example(query) -> dict | None:
    """A canned query's ``example`` (its metadata) as the parameters of its address, or None."""
    example = query.get("example") if isinstance(query, dict) else None
    return {k: str(v) for k, v in example.items()} if example else None


# Names for the controls of Datasette's own pages that have none (its filter form, the SQL
# editor, the dashboard's chart menus), and the page's language: Datasette 0.65's base.html
# writes <html> without lang and has no block to add it. Found by axe-core (tests/test_browser.py).
# Controls drawn later by a script (the charts' menus) are named as they appear.
ACCESSIBLE_NAMES = (
    (".filter-value", "Filter value"),
    ("select[name^=_filter_column]", "Filter column"),
    ("select[name^=_filter_op]", "Filter operation"),
    ("select[name=_sort]", "Sort by"),
    ("select[name=_sort_by_desc]", "Sort descending"),
    (".cm-content, textarea", "SQL query"),
    ("details > summary", "Actions"),
)
ACCESSIBILITY_JS = (
    "document.documentElement.lang = document.documentElement.lang || 'en';\n"
    "const arName = () => { for (const [selector, name] of " + json.dumps(ACCESSIBLE_NAMES) + ") "
    "document.querySelectorAll(selector).forEach(e => { if (!e.getAttribute('aria-label') && (e.tagName === 'SUMMARY' "
    "? !e.textContent.trim() : !(e.labels && e.labels.length))) e.setAttribute('aria-label', name); }); };\n"
    "arName(); document.addEventListener('DOMContentLoaded', arName);\n"
    "new MutationObserver(arName).observe(document.documentElement, {childList: true, subtree: true});"
)


@hookimpl
def extra_body_script(request, datasette):
    """:data:`ACCESSIBILITY_JS` on every page; and a canned query opened without parameters shows
    its example's answer, not an empty form reading "0 results": the page replaces itself with the
    query filled in with its ``example`` (metadata.yml). A query string of any kind, even empty
    values, is left as typed."""
    example = example_params(datasette, request)
    if not example:
        return ACCESSIBILITY_JS
    return f"if (!location.search) location.replace(location.pathname + {json.dumps('?' + urlencode(example))});"


@hookimpl
def extra_css_urls(datasette):
    """The site's stylesheet (static/site.css: cards, reader, table layout, dark mode), on every page."""
    return [datasette.urls.static_plugins("alliance_record", "site.css")]


# SQL functions no query may call, and why. The rest of SQLite's list (pragma_function_list:
# core, date, math, JSON, window and full-text functions) only reads and computes, within
# MAX_VALUE_BYTES and the time limit (printf and format guarded below).
DENIED_FUNCTIONS = {
    "fts3_tokenizer": "returns a tokenizer's memory address, and with two arguments installs one",
    "load_extension": "loads native code into the server",
    "fts5": "hands out a pointer to the FTS5 API",
    "rtreenode": "an R*Tree debugging function that parses any blob as a node",
    "rtreedepth": "an R*Tree debugging function that parses any blob as a node",
    "rtreecheck": "an R*Tree debugging function",
    "sqlite_log": "writes to the server's log",
    "optimize": "rewrites a full-text index",
}


def deny_functions(action, arg1, arg2, db_name, trigger):
    """SQLite authorizer: refuse to prepare a statement that calls a :data:`DENIED_FUNCTIONS`."""
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


@hookimpl
def prepare_connection(conn):
    """Cap the length of any string or blob a query makes (see :data:`MAX_VALUE_BYTES`), refuse
    the :data:`DENIED_FUNCTIONS`, and register ``fts_query`` for the canned search queries and a
    guarded ``printf``/``format``."""
    if hasattr(conn, "setlimit"):  # Python 3.11+
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.set_authorizer(deny_functions)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    builtin = sqlite3.connect(":memory:", check_same_thread=False)
    if hasattr(builtin, "setlimit"):  # the connection that runs SQLite's own printf: the same cap
        builtin.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    printf = guarded_printf(builtin)
    for name in ("printf", "format"):
        conn.create_function(name, -1, printf, deterministic=True)


# The request being answered (its path, set by asgi_wrapper; then the links of its canned query),
# so that render_cell, which Datasette 0.65 calls without the request, knows which query it renders.
_request: contextvars.ContextVar = contextvars.ContextVar("alliance_record_request", default=None)


# The methods a read-only dataset answers; any other is answered 405 before Datasette sees it.
METHODS = ("GET", "HEAD")


async def method_not_allowed(send):
    await send({"type": "http.response.start", "status": 405,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", ", ".join(METHODS).encode())]})
    await send({"type": "http.response.body", "body": b"Method not allowed: the dataset is read-only (GET, HEAD)"})


BUSY = "The server is busy: a look-up of the database's tables ran out of time. Try again in a moment."
# How long a visitor told the server is busy should wait before asking again, in seconds.
RETRY_AFTER = 1
# Datasette's own look-ups of the schema (a table's definition and indexes, the table list): they
# run under sql_time_limit_ms like any query, whatever the visitor asked for.
SCHEMA_LOOKUP = re.compile(r"\bsqlite_(?:master|schema)\b|^\s*pragma\b", re.I)


def busy_lookup(exception) -> bool:
    """Whether ``exception`` is a query of Datasette's own that ran out of time: the server is
    busy, not the visitor wrong.

    Datasette 0.65.5 turns a visitor's query that runs out of ``sql_time_limit_ms`` (a table
    page's rows, SQL of their own) into its "SQL Interrupted" 400, so a ``QueryInterrupted``
    raised as is comes from its own work around the view (the catalog refreshed before each
    request, a table's definition in the page's template: a 500). In that 400 (raised while
    handling the ``QueryInterrupted``) it also wraps its look-ups of the schema
    (:data:`SCHEMA_LOOKUP`), which are not the visitor's either."""
    from datasette.database import QueryInterrupted

    if isinstance(exception, QueryInterrupted):
        return True
    seen = set()
    while exception is not None and id(exception) not in seen:
        seen.add(id(exception))
        if isinstance(exception, QueryInterrupted):
            return bool(SCHEMA_LOOKUP.search(exception.sql or ""))
        exception = exception.__cause__ or exception.__context__
    return False


# What a visitor writes that becomes SQL: the SQL box, a ``_where`` clause, a full-text search.
VISITOR_SQL_ARGS = re.compile(r"^(?:sql|_where|_search)")


def visitor_sql(names) -> bool:
    """Whether a request with these argument names runs SQL the visitor wrote: then a query that
    ran out of time is theirs, however it surfaced (review8_whole 1: a runaway ``?sql=`` naming
    ``sqlite_master``, or one as CSV, is no sign the server is busy)."""
    return any(VISITOR_SQL_ARGS.match(name) for name in names)


async def busy(send, as_json: bool):
    """Answer 503 with ``Retry-After`` (see :func:`busy_lookup`), as JSON or plain text."""
    if as_json:
        body, kind = json.dumps({"ok": False, "error": BUSY, "status": 503, "title": "Busy"}), b"application/json"
    else:
        body, kind = BUSY, b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": 503,
                "headers": [(b"content-type", kind), (b"retry-after", str(RETRY_AFTER).encode())]})
    await send({"type": "http.response.body", "body": body.encode()})


def visitor_mistake(exception) -> tuple[str, str] | None:
    """(title, message) when ``exception`` comes from what the visitor asked for, else None.

    Datasette 0.65 raises ``DatasetteError`` with its default status 500 only for a request it
    cannot honour ("Cannot sort table by x", an invalid ``_through``, SQL its arguments made that
    SQLite rejects); SQLite's ``ProgrammingError`` is SQL a visitor wrote (two statements in
    ``_where`` or the SQL box); a ``ValueError`` raised in Datasette's own code is an argument that
    does not parse (``_timelimit=abc``, ``_through=zzz``). One raised in this package's code is not
    the visitor's: it stays a 500."""
    from datasette.views.base import DatasetteError

    if isinstance(exception, DatasetteError) and exception.status == 500:
        return exception.title or "Bad request", exception.message
    if isinstance(exception, (sqlite3.ProgrammingError, sqlite3.Warning)):
        return "Invalid SQL", str(exception)
    if isinstance(exception, ValueError):
        files = []
        tb = exception.__traceback__
        while tb is not None:
            files.append(tb.tb_frame.f_code.co_filename)
            tb = tb.tb_next
        ours = any("alliance_record" in f for f in files)
        if not ours and any("/datasette/" in f for f in files):
            return "Bad request", f"a value in the request does not parse: {exception}"
    return None


def plain_text(html: str) -> str:
    """An error message Datasette wrote as HTML, as the words a reader sees."""
    import html as html_lib

    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


@hookimpl(tryfirst=True)
def handle_exception(datasette, request, exception):
    """Answer a visitor's mistake (:func:`visitor_mistake`) with Datasette's own error page or
    JSON, status 400; a query of Datasette's own that ran out of time (:func:`busy_lookup`) with
    503 and ``Retry-After``; an error Datasette wrote as HTML (a query that ran out of time) is
    plain text in a JSON answer. Anything else is left to Datasette."""
    from datasette.handle_exception import handle_exception as default
    from datasette.views.base import DatasetteError

    if busy_lookup(exception) and visitor_sql(request.args.keys()):
        return default(datasette, request, DatasetteError(
            "The query ran out of time: make it simpler or narrower.", title="SQL Interrupted", status=400))
    if busy_lookup(exception):
        answer = default(datasette, request, DatasetteError(BUSY, title="Busy", status=503))

        async def with_retry_after():
            response = await answer()
            response.headers["Retry-After"] = str(RETRY_AFTER)
            return response
        return with_retry_after
    mistake = visitor_mistake(exception)
    if mistake is not None:
        title, message = mistake
        exception = DatasetteError(message, title=title, status=400)
    elif not (isinstance(exception, DatasetteError) and exception.message_is_html):
        return None
    if exception.message_is_html and request.path.split("?")[0].endswith(".json"):
        exception = DatasetteError(plain_text(exception.message), title=exception.title,
                                   status=exception.status, error_dict=exception.error_dict)
    return default(datasette, request, exception)


# Pages of installed plugins that show nothing but the served databases (search-all's results, the
# dashboards of metadata.yml): as immutable as the data when every database is.
PLUGIN_DATA_PAGES = ("/-/search", "/-/dashboards")
# Files of installed packages (Datasette's and the plugins' CSS, JavaScript, images).
STATIC_PREFIXES = ("/-/static/", "/-/static-plugins/")
# How much the response cache of one worker process holds (serve/cache.py), in MB: the
# environment variable that overrides it, 0 turning the cache off (the benchmark measures queries).
CACHE_MB_ENV = "ALLIANCE_CACHE_MB"
CACHE_MB = 64


def immutable_path(datasette, path: str) -> bool:
    """Whether what ``path`` answers is drawn only from immutable databases or installed files:
    a database's pages (``/alliance``, ``/alliance/…``, ``/alliance.db``, ``/alliance.json``) when
    that database is immutable; the front page and :data:`PLUGIN_DATA_PAGES` when every served
    database is (Datasette's own ``_internal`` aside); :data:`STATIC_PREFIXES` always. Datasette's
    other ``/-/`` pages describe the running server or the visitor (``/-/threads``, ``/-/actor``)
    and are left alone."""
    if path.startswith(STATIC_PREFIXES):
        return True
    served = [db for name, db in datasette.databases.items() if name != "_internal"]
    for db in served:
        base = datasette.urls.database(db.name)
        if path == base or path.startswith((base + "/", base + ".")):
            return not db.is_mutable
    if not served or any(db.is_mutable for db in served):
        return False
    index = datasette.urls.instance()
    return path == index or any(path == p or path.startswith(p + "/") for p in PLUGIN_DATA_PAGES)


def cache_control(datasette, path: str, status: int, headers: list) -> list:
    """The response headers with a ``Cache-Control`` that says the data is immutable.

    On a 200 answer of an :func:`immutable_path`: Datasette's ``max-age=N`` (``default_cache_ttl``,
    or the visitor's ``_ttl``) gains ``public`` and ``immutable`` (no revalidation on reload
    while it is fresh), and an answer Datasette sent without one (the front page, search-all, the
    dashboards, CSV exports, static files, the ``/alliance.db`` download, which only has an ETag)
    gets ``public, max-age=<default_cache_ttl>, immutable``. An answer that is ``private``,
    ``no-store`` or ``no-cache`` (Datasette's for a visitor with a cookie or credentials, or
    ``_ttl=0``) or sets a cookie is left as it is, and so is every other status."""
    if status != 200 or not immutable_path(datasette, path):
        return headers
    from .cache import cache_directives

    current = None
    for name, value in headers:
        if name.lower() == b"set-cookie":
            return headers
        if name.lower() == b"cache-control":
            current = value.decode("latin-1")
    directives = cache_directives(current)
    if any(d in directives for d in ("private", "no-store", "no-cache")):
        return headers
    if current is None:
        ttl = int(datasette.setting("default_cache_ttl") or 0)
        if ttl <= 0:
            return headers
        value = f"public, max-age={ttl}, immutable"
    else:
        value = current.strip().rstrip(",")
        value = ("" if "public" in directives else "public, ") + value + ("" if "immutable" in directives else ", immutable")
    return [(k, v) for k, v in headers if k.lower() != b"cache-control"] + [(b"cache-control", value.encode("latin-1"))]


def note_interrupted_queries(db) -> None:
    """Make a query of ``db`` that hits its time limit mark the answer to its request as partial
    (:func:`.cache.partial`: kept seconds, not an hour).

    Datasette answers 200 without the facet or the row count whose query ran out of time
    (``facet_time_limit_ms``, ``sql_time_limit_ms``); such a page is not what visitors should get
    from the cache for the next hour. The database's ``execute`` (through which Datasette, its
    facets and this plugin run every time-limited query) is wrapped once per database object."""
    if getattr(db, "_alliance_record_notes_interrupts", False):
        return
    from datasette.database import QueryInterrupted

    from .cache import partial

    execute = db.execute

    async def execute_noting_interrupts(*args, **kwargs):
        try:
            return await execute(*args, **kwargs)
        except QueryInterrupted:
            partial("a query ran out of time")
            raise

    db.execute = execute_noting_interrupts
    db._alliance_record_notes_interrupts = True


def remember_table_permissions(datasette, size: int = 1024) -> None:
    """Keep Datasette's answer to "which ``allow`` blocks apply to this table?" per table.

    Datasette 0.65.5 answers it (``_table_permission_allows``, asked on every view-table
    permission check) by deep-copying the whole metadata each time: 5 ms a table with
    metadata.yml's queries and notes, so 250 of the 300 ms of the front page and of the database
    page, which check each of ~50 tables. The answer depends only on the metadata and the table;
    the metadata is read once at startup, so when no plugin supplies metadata of its own (a
    ``get_metadata`` hook, whose answers could change) the answer is kept, for at most ``size``
    tables. Anywhere else, or on a Datasette without that method, nothing changes."""
    import functools

    from datasette.plugins import pm

    method = getattr(datasette, "_table_permission_allows", None)
    if method is None or getattr(method, "cache_info", None) or pm.hook.get_metadata.get_hookimpls():
        return
    datasette._table_permission_allows = functools.lru_cache(maxsize=size)(method)


def metadata_per_request(datasette) -> None:
    """Hand each request its own copy of what it asks of the metadata.

    Datasette 0.65.5's table and database views fill the inherited source, licence and about
    into the dict ``datasette.metadata("databases")`` answers, which is the stored metadata
    itself: every later page of any visitor then showed them as though that table's page had
    been opened first (a document's page linked its publishers' copyright to the dataset's CC BY
    once anyone had opened the documents table), so pages differed by which ones a process had
    made before. ``datasette.metadata`` answers a dict or list as a deep copy instead, made once
    per request for each question (the markdown plugin asks for its config in every cell, ~1,100
    times on a table page; a copy each time would cost ~100 ms); during the startup (the lifespan,
    the plugins' startup hooks and the warm-up's list of canned queries) one copy is shared, kept
    for the lifespan (nothing writes into it there), and outside any scope a copy each time.
    What a view writes into its copy lasts only for that request. Wrapped once per instance."""
    import copy

    if getattr(datasette, "_alliance_record_metadata_per_request", False):
        return
    lookup = datasette.metadata

    def metadata(key=None, database=None, table=None, fallback=True):
        answer = lookup(key, database=database, table=table, fallback=fallback)
        if not isinstance(answer, (dict, list)):
            return answer
        state = _request.get()
        if state is None:
            return copy.deepcopy(answer)
        copies = state.setdefault("metadata", {})
        asked = (key, database, table, fallback)
        if asked not in copies:
            copies[asked] = copy.deepcopy(answer)
        return copies[asked]

    datasette.metadata = metadata
    datasette._alliance_record_metadata_per_request = True


# What a table or database inherits from the level above as one: a link belongs to its own words.
INHERITED_PAIRS = (("source", "source_url"), ("license", "license_url"), ("about", "about_url"))


def inherit_in_pairs(datasette) -> None:
    """Make Datasette's table and database pages inherit each of :data:`INHERITED_PAIRS` whole.

    Datasette 0.65.5 fills each key on its own, so a table with a licence of its own and no link
    (the documents table: its texts are their publishers', not covered by the dataset's licence)
    was shown its words linked to the dataset's CC BY licence. A level that has either key of a
    pair keeps the pair as it is; one that has neither takes both from the top level."""
    def update_with_inherited_metadata(metadata):
        for pair in INHERITED_PAIRS:
            own = any(metadata.get(k) for k in pair)
            metadata.update({k: metadata.get(k) if own else datasette.metadata(k) for k in pair})

    datasette.update_with_inherited_metadata = update_with_inherited_metadata


def response_cache():
    """A new :class:`.cache.ResponseCache` of :data:`CACHE_MB` (or ``$ALLIANCE_CACHE_MB``) MB."""
    import os

    from .cache import ResponseCache

    megabytes = float(os.environ.get(CACHE_MB_ENV, CACHE_MB))
    return ResponseCache(max_bytes=int(megabytes * 1024 * 1024))


@hookimpl
def asgi_wrapper(datasette):
    """Around Datasette, from the outside in: any method but GET and HEAD is answered 405; the
    response cache (serve/cache.py: anonymous GETs of immutable data, one per app); the
    ``Cache-Control`` of :func:`cache_control`; and the request's path kept for ``render_cell``.
    Also: queries that run out of time mark their answer partial (:func:`note_interrupted_queries`),
    table permissions are remembered (:func:`remember_table_permissions`), each request has its
    own copy of the metadata (:func:`metadata_per_request`) and inherits source, licence and about
    as pairs (:func:`inherit_in_pairs`)."""
    def wrap(app):
        async def with_path(scope, receive, send):
            token = _request.set({"path": scope.get("path") or ""})
            try:
                await app(scope, receive, send)
            finally:
                _request.reset(token)

        async def with_cache_control(scope, receive, send):
            if scope.get("type") != "http":
                await with_path(scope, receive, send)
                return
            path = scope.get("path") or ""

            started = []

            async def send_headers(message):
                if message["type"] == "http.response.start":
                    started.append(True)
                    headers = list(message.get("headers") or [])
                    message = dict(message, headers=cache_control(datasette, path, message["status"], headers))
                await send(message)
            try:
                await with_path(scope, receive, send_headers)
            except Exception as exc:  # raised before Datasette's handle_exception (its setup of a database)
                names = parse_qs((scope.get("query_string") or b"").decode("latin-1"), keep_blank_values=True)
                if started or not busy_lookup(exc) or visitor_sql(names):
                    raise
                await busy(send, path.endswith(".json"))

        from .cache import CacheMiddleware

        cached = CacheMiddleware(with_cache_control, response_cache(), require_immutable=True)
        remember_table_permissions(datasette)
        metadata_per_request(datasette)
        inherit_in_pairs(datasette)

        async def read_only(scope, receive, send):
            if scope.get("type") == "http" and scope.get("method") not in METHODS:
                await method_not_allowed(send)
                return
            for db in datasette.databases.values():
                note_interrupted_queries(db)
            await cached(scope, receive, send)
        return read_only
    return wrap


@hookimpl(tryfirst=True)
def register_routes():
    """``/-/search`` (and ``.json``) answered on the server by :mod:`.search`: registered first, so
    this route is matched before datasette-search-all's."""
    from .search import search_view

    return [(r"^/-/search(\.(?P<format>json))?$", search_view)]


def query_links(datasette) -> dict:
    """The ``links`` of the canned query the current request renders (empty for anything else),
    looked up once per request."""
    state = _request.get()
    if state is None:
        return {}
    if "links" not in state:
        parts = state["path"].strip("/").split("/")
        query = None
        if len(parts) == 2 and parts[0] == DATABASE:
            query = (datasette.metadata("queries", database=DATABASE) or {}).get(parts[1])
        state["links"] = (query.get("links") or {}) if isinstance(query, dict) else {}
    return state["links"]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Names and links instead of ids and JSON (see :mod:`alliance_record.serve.cells`)."""
    if database != DATABASE:
        return None
    return cells.render(datasette, row, value, column, table, query_links(datasette) if table is None else {})
