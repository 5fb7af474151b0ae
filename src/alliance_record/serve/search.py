"""Search all tables, answered on the server: ``/-/search?q=…`` (HTML) and ``/-/search.json``.

datasette-search-all 1.1.4 (the last release for Datasette 0.65) draws its results in the
browser from each table's JSON: every column of five rows, ids instead of names, whole documents
as previews (one hit was 21,000 px tall), nothing highlighted, no row links. This route takes its
place (registered first, so it wins over the plugin's ``/-/search``; the plugin still puts
"Search all tables" in the menu): for every table with a full-text index, the number of matches
and the best five by FTS5 rank, each as its row's label linked to its row page with a short
snippet in which the matched words are marked. The words go through :func:`fts_query`, so nothing
typed is a syntax error; each table's query runs under the instance's time limit and a table
that runs out of time says so instead of failing the page.
"""

from __future__ import annotations

import sqlite3
from urllib.parse import urlencode

from datasette.database import QueryInterrupted
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from .labels import DATABASE

PER_TABLE = 5
SNIPPET_TOKENS = 14
LABEL_CHARS = 140
# Marks FTS5's snippet() puts around matched words: control characters the normalised texts never
# hold, turned into <mark> only after the snippet has been escaped.
OPEN, CLOSE = "\x02", "\x03"


async def searchable_tables(datasette, request, db) -> list:
    """(table, fts table) for every table of ``db`` with a full-text index that the visitor may
    view, in schema order: datasette-search-all's own list (hidden tables and ``*_fts`` left out,
    permissions checked), each with its FTS table."""
    from datasette_search_all.utils import get_searchable_tables

    return [(table, await db.fts_table(table))
            for name, table in await get_searchable_tables(datasette, request) if name == db.name]


def marked_html(snippet: str | None) -> Markup:
    """A snippet with its matched words in ``<mark>``; everything else escaped."""
    text = str(escape((snippet or "").replace("\n", " ")))
    return Markup(text.replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


def marked_text(snippet: str | None) -> str:
    """The same snippet as plain text, matched words in [brackets] (as the ranked search shows them)."""
    return (snippet or "").replace("\n", " ").replace(OPEN, "[").replace(CLOSE, "]")


def _short(text, limit: int = LABEL_CHARS) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


async def search_table(datasette, db, table: str, fts: str, q: str) -> dict:
    """Count and best rows of one table for the words ``q``."""
    from . import fts_query

    pks = await db.primary_keys(table) or ["rowid"]
    label_col = await db.label_column_for_table(table)
    label_sql = f"t.[{label_col}]" if label_col else "null"
    pk_sql = ", ".join(f"t.[{pk}] as [pk_{n}]" for n, pk in enumerate(pks))
    match = fts_query(q)
    base = datasette.urls.table(DATABASE, table)
    out = {"table": table, "title": table.replace("_", " "), "href": base + "?" + urlencode({"_search": q}),
           "count": 0, "rows": [], "error": None}
    try:
        out["count"] = (await db.execute(f"select count(*) from [{fts}] where [{fts}] match ?", [match])).first()[0]
        if out["count"]:
            rows = await db.execute(
                f"select {pk_sql}, {label_sql} as label, "
                f"snippet([{fts}], -1, ?, ?, '…', {SNIPPET_TOKENS}) as snippet "
                f"from [{fts}] join [{table}] t on t.rowid = [{fts}].rowid "
                f"where [{fts}] match ? order by [{fts}].rank limit {PER_TABLE}",
                [OPEN, CLOSE, match])
            for row in rows:
                key = ",".join(tilde_encode(str(row[f"pk_{n}"])) for n in range(len(pks)))
                pk_text = ", ".join(str(row[f"pk_{n}"]) for n in range(len(pks)))
                out["rows"].append({"label": _short(row["label"] or pk_text), "href": f"{base}/{key}",
                                    "snippet": row["snippet"]})
    except QueryInterrupted:
        out["error"] = "This table took longer than the time limit to search; try more specific words."
    except sqlite3.OperationalError as e:
        out["error"] = f"This table could not be searched: {e}"
    return out


async def search_all(datasette, request, q: str) -> list:
    """Every searchable table's answer for ``q`` (tables without a match last, in schema order)."""
    db = datasette.get_database(DATABASE)
    results = [await search_table(datasette, db, table, fts, q)
               for table, fts in await searchable_tables(datasette, request, db)]
    return sorted(results, key=lambda r: (r["count"] == 0 and not r["error"]))


async def search_view(datasette, request):
    q = (request.args.get("q") or "").strip()
    results = await search_all(datasette, request, q) if q else []
    if request.url_vars.get("format") == "json":
        return Response.json({"q": q, "tables": [
            {"table": r["table"], "count": r["count"], "href": r["href"], "error": r["error"],
             "rows": [{"label": row["label"], "href": row["href"], "snippet": marked_text(row["snippet"])}
                      for row in r["rows"]]} for r in results]})
    for r in results:
        for row in r["rows"]:
            row["snippet_html"] = marked_html(row["snippet"])
    return Response.html(await datasette.render_template(
        "alliance_search.html",
        {"q": q, "results": [r for r in results if r["count"] or r["error"]],
         "empty": [r for r in results if not r["count"] and not r["error"]],
         "total": sum(r["count"] for r in results), "per_table": PER_TABLE},
        request=request))
