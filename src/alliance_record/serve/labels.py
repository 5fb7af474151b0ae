"""Labels for ids: what the site shows instead of a slug.

A row's label is its table's ``label_column`` (metadata.yml: a document's title, an actor's or
place's name, an event's summary, a short ``label`` for paragraphs, quotations ...). The database
is served immutable, so a label once read stays right: each process keeps the labels it has
read (a bounded dict per table), and a small table (the registries, the documents of the seeds)
is read whole on first use, so a page of sixty events with their actors costs a few queries,
not hundreds.
"""

from __future__ import annotations

import json
from urllib.parse import quote

DATABASE = "alliance"
WHOLE_TABLE_ROWS = 2000       # a table this small is read whole on first use
MAX_CACHED = 50_000           # labels kept per table (then the cache starts again)

_cache: dict = {}             # (id of the Datasette instance, table) -> {id: label}
_whole: set = set()


def row_href(datasette, table: str, pk) -> str:
    return datasette.urls.table(DATABASE, table) + "/" + quote(str(pk), safe="")


def id_list(value) -> list | None:
    """The ids of a JSON list of strings (None when ``value`` is not one)."""
    if not isinstance(value, str) or not value.startswith("["):
        return None
    try:
        items = json.loads(value)
    except ValueError:
        return None
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return None
    return items


async def label_column(datasette, table: str) -> str | None:
    db = datasette.get_database(DATABASE)
    try:
        return await db.label_column_for_table(table)
    except Exception:  # a table this database does not have
        return None


async def labels(datasette, table: str, ids) -> dict:
    """``{id: label}`` for the ids of ``table`` that exist (ids not found are left out)."""
    ids = [i for i in dict.fromkeys(ids) if i is not None]
    if not ids:
        return {}
    key = (id(datasette), table)
    cache = _cache.setdefault(key, {})
    missing = [i for i in ids if i not in cache]
    if missing and key not in _whole:
        column = await label_column(datasette, table)
        if column is None:
            return {}
        db = datasette.get_database(DATABASE)
        if not await _read_whole(datasette, table, column):
            if len(cache) > MAX_CACHED:
                cache.clear()
            for start in range(0, len(missing), 500):
                chunk = missing[start:start + 500]
                marks = ", ".join("?" for _ in chunk)
                rows = await db.execute(f"select id, [{column}] from [{table}] where id in ({marks})", chunk)
                found = {r[0]: r[1] for r in rows}
                cache.update({i: found.get(i) for i in chunk})
    return {i: cache[i] for i in ids if cache.get(i) is not None}


async def _read_whole(datasette, table: str, column: str) -> bool:
    """Read a small table's labels whole into the cache (False for a table too big for that)."""
    count = await _row_count(datasette, table)
    if count is None or count > WHOLE_TABLE_ROWS:
        return False
    rows = await datasette.get_database(DATABASE).execute(f"select id, [{column}] from [{table}]")
    _cache.setdefault((id(datasette), table), {}).update({r[0]: r[1] for r in rows})
    _whole.add((id(datasette), table))
    return True


async def _row_count(datasette, table: str):
    db = datasette.get_database(DATABASE)
    counts = db.cached_table_counts or {}
    if table in counts:
        return counts[table]
    try:
        return (await db.execute(f"select count(*) from [{table}] limit 1")).first()[0]
    except Exception:
        return None


async def label(datasette, table: str, pk) -> str | None:
    return (await labels(datasette, table, [pk])).get(pk)


async def all_labels(datasette, table: str) -> dict:
    """``{id: label}`` of a whole small table (at most :data:`WHOLE_TABLE_ROWS` rows; {} for a
    larger one): the names an array facet over its ids shows."""
    key = (id(datasette), table)
    if key not in _whole:
        column = await label_column(datasette, table)
        if column is None or not await _read_whole(datasette, table, column):
            return {}
    return dict(_cache[key])
