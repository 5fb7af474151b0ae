"""How a cell reads on the site (Datasette's ``render_cell``): names and links, never raw JSON.

* a JSON list of ids (an event's ``actor_ids``, a quotation's ``speaker_ids``: the table's
  ``id_lists`` in metadata.yml, or a canned query's ``links``) becomes the linked names;
* an id that points to another row (a foreign key of schema.py, or a canned query's ``*_id``
  column in its ``links``) shows its label as a link, the id after it, on row pages as on
  table pages;
* ``spans`` (JSON ``[[start, end], ...]``) read as offset ranges; any other JSON object (a map
  popup, a work's CSL-JSON) is folded away behind a summary, one click to open;
* URLs inside a text (a footnote citing a web page) are links;
* a quantity's value is written for people (1.785 trillion, not 1785000000000.0).

The database is the only source of what is shown; everything from it is escaped.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup, escape

from alliance_record import schema
from alliance_record.numbers import human_number

from .labels import DATABASE, id_list, labels, row_href

PREVIEW_CHARS = 280
URL = re.compile(r"https?://[^\s<>\"“”]+[^\s<>\"“”.,;:)\]]")
NUMBER_COLUMNS = {("quantities", "value"), ("quantities", "value_max"), ("quantities", "out_of")}


def table_meta(datasette, table) -> dict:
    """The table's metadata, looked up once per request (Datasette's ``metadata()`` merges every
    source of metadata on each call: a fifth of a table page's time when asked for each cell)."""
    if not table:
        return {}
    from . import _request

    state = _request.get()
    memo = state.setdefault("table_meta", {}) if state is not None else {}
    if table not in memo:
        memo[table] = datasette.metadata(database=DATABASE, table=table) or {}
    return memo[table]


async def linked_list(datasette, target: str, ids: list) -> Markup:
    """Linked labels of a list of ids, one per line ("—" for an empty list)."""
    if not ids:
        return Markup('<span class="ar-none">—</span>')
    names = await labels(datasette, target, ids)
    items = [Markup('<a href="{}">{}</a>').format(row_href(datasette, target, i), names.get(i) or i)
             for i in ids]
    return Markup('<span class="ar-list">') + Markup('<span class="ar-sep">; </span>').join(items) + Markup("</span>")


async def linked_label(datasette, target: str, value) -> Markup:
    name = (await labels(datasette, target, [value])).get(value)
    if name is None or str(name) == str(value):
        return Markup('<a href="{}">{}</a>').format(row_href(datasette, target, value), value)
    return Markup('<a href="{}">{}</a> <em class="ar-id">{}</em>').format(
        row_href(datasette, target, value), name, value)


def spans_text(value):
    """``[[22677, 22680], [22689, 22704]]`` as "22677–22680, 22689–22704" (None if not spans)."""
    try:
        pieces = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not (isinstance(pieces, list) and all(isinstance(p, list) and len(p) == 2 for p in pieces)):
        return None
    return ", ".join(f"{a}–{b}" for a, b in pieces)


def folded_json(value):
    """A JSON object behind a summary (None when ``value`` is no JSON object)."""
    if not (isinstance(value, str) and value.startswith("{")):
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    title = data.get("title") or ""
    return Markup('<details class="ar-json"><summary>{}{} fields (JSON)</summary><pre>{}</pre></details>').format(
        f"{title[:60]} · " if isinstance(title, str) and title else "", len(data),
        json.dumps(data, indent=1, ensure_ascii=False))


def linkified(text: str) -> Markup:
    out, last = [], 0
    for m in URL.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append(Markup('<a href="{0}" rel="nofollow">{0}</a>').format(m.group(0)))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def foreign_key(table: str, column: str):
    declared = schema.TABLES_BY_NAME.get(table)
    if declared is None:
        return None
    for col, other, _ in declared.foreign_keys:
        if col == column:
            return other
    return None


def render(datasette, row, value, column, table, links: dict):
    """The cell's HTML, an awaitable of it, or None for Datasette's own rendering. ``links``:
    the canned query's ``links`` when ``table`` is None."""
    if isinstance(value, dict) or value is None or value == "":
        return None  # an expanded foreign key (Datasette links it with its label), or nothing
    if table is None:
        target = links.get(column)
        if not target:
            return _plain(value)
        try:
            target = target.format_map({k: row[k] for k in row.keys()})
        except (KeyError, IndexError, ValueError):
            return None
        if target not in schema.TABLES_BY_NAME:
            return None
        ids = id_list(value)
        if ids is not None:
            return linked_list(datasette, target, ids)
        if column.endswith("_id") and isinstance(value, str):
            return linked_label(datasette, target, value)  # another row: its name, then its id
        return Markup('<a href="{}">{}</a>').format(row_href(datasette, target, value), value)
    if table == "documents" and column == "text" and isinstance(value, str) and len(value) > PREVIEW_CHARS:
        return Markup(f"{escape(value[:PREVIEW_CHARS])}… <em>({len(value):,} characters; "
                      "read it on the document's page)</em>")
    if (table, column) in NUMBER_COLUMNS and isinstance(value, (int, float)):
        return Markup('<span title="{}">{}</span>').format(value, human_number(value))
    meta = table_meta(datasette, table)
    if column == meta.get("label_column") and isinstance(value, str) and _has_id(row):
        # the row's label leads to its page (on a phone, where the id column is hidden, too)
        return Markup('<a class="ar-label" href="{}">{}</a>').format(row_href(datasette, table, row["id"]), value)
    target = (meta.get("id_lists") or {}).get(column)
    if target:
        ids = id_list(value)
        if ids is not None:
            return linked_list(datasette, target, ids)
    other = foreign_key(table, column)
    if other and isinstance(value, str):
        return linked_label(datasette, other, value)
    if column == "spans" or column.endswith("_spans"):
        text = spans_text(value)
        if text is not None:
            return text
    return _plain(value)


def _has_id(row) -> bool:
    try:
        return isinstance(row["id"], (str, int))
    except (KeyError, IndexError):
        return False


def _plain(value):
    if not isinstance(value, str):
        return None
    folded = folded_json(value)
    if folded is not None:
        return folded
    if "://" in value and not URL.fullmatch(value.strip()):
        return linkified(value)
    return None
