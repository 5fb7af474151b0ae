"""The built seeds as a visitor sees them through Datasette's test client."""

import asyncio

import pytest
import yaml
from datasette.app import Datasette

from alliance_record import schema
from conftest import METADATA


def metadata():
    return yaml.safe_load(METADATA.read_text())


@pytest.fixture(scope="module")
def ds(seeds_db):
    return Datasette(immutables=[str(seeds_db)], metadata=metadata())


def get(ds, path):
    async def go():
        return await ds.client.get(path)
    return asyncio.run(go())


def test_every_table_page_and_json(ds):
    for table in schema.TABLES:
        html = get(ds, f"/alliance/{table.name}")
        assert html.status_code == 200, table.name
        data = get(ds, f"/alliance/{table.name}.json?_shape=array&_size=5").json()
        assert len(data) > 0, table.name


def test_documents_and_paragraph_search(ds):
    docs = get(ds, "/alliance/documents.json?_shape=array").json()
    assert len(docs) == 5
    hits = get(ds, "/alliance/paragraphs.json?_search=Senkaku&_shape=array").json()
    assert len(hits) >= 3 and all("Senkaku" in h["text"] for h in hits)
    hits = get(ds, "/alliance/paragraphs.json?_search=bomber&_shape=array").json()  # porter: bombers
    assert any("bombers" in h["text"] for h in hits)


def test_search_all_covers_paragraphs(ds):
    page = get(ds, "/-/search?q=Senkaku")
    assert page.status_code == 200
    assert "paragraphs" in page.text


def test_database_download_when_immutable(ds):
    resp = get(ds, "/alliance.db")
    assert resp.status_code == 200
    assert resp.content[:16] == b"SQLite format 3\x00"


def test_metadata_describes_every_table_and_column():
    tables = metadata()["databases"]["alliance"]["tables"]
    for table in schema.TABLES:
        assert tables.get(table.name, {}).get("description"), table.name
        columns = tables[table.name].get("columns", {})
        missing = [c for c in table.columns if not columns.get(c)]
        assert not missing, (table.name, missing)
        extra = [c for c in columns if c not in table.columns]
        assert not extra, (table.name, extra)


def test_every_canned_query_returns_rows_for_its_example(ds):
    from urllib.parse import urlencode

    queries = metadata()["databases"]["alliance"].get("queries", {})
    assert queries
    for name, query in queries.items():
        assert query.get("title") and query.get("description"), name
        params = query.get("example") or {}
        named = set(__import__("re").findall(r"(?<!:):([a-z_]+)", query["sql"]))
        assert named <= set(params), (name, named - set(params))
        resp = get(ds, f"/alliance/{name}.json?_shape=array&" + urlencode(params))
        assert resp.status_code == 200, (name, resp.text[:300])
        assert len(resp.json()) > 0, name
        html = get(ds, f"/alliance/{name}?" + urlencode(params))
        assert html.status_code == 200, name


def test_canned_query_answers(ds):
    top = get(ds, "/alliance/most_cited_works.json?_shape=array").json()
    assert top[0]["work"] == "ministry-defense-nd-development-legislation-peace" and top[0]["footnotes"] == 2
    hits = get(ds, "/alliance/footnotes_behind_paragraphs.json?_shape=array&q=Kishida").json()
    assert 10 in {h["number"] for h in hits}
    support = get(ds, "/alliance/work_supports.json?_shape=array&work="
                      "ministry-defense-nd-development-legislation-peace").json()
    assert [s["number"] for s in support] == [9, 23]
    assert all(s["citing_sentence"] and s["paragraph_text"] for s in support)
    whom = get(ds, "/alliance/who_cites_whom.json?_shape=array").json()
    assert any(w["self_citation"] and w["cited_author"] == "Yoichiro Sato" for w in whom)
    works = get(ds, "/alliance/works.json?_search=Taiwan&_shape=array").json()
    assert works and all("Taiwan" in (w["title"] + (w["container_title"] or "")) for w in works)


def test_every_faceted_column_is_indexed(seeds_db):
    import sqlite_utils

    db = sqlite_utils.Database(seeds_db)
    tables = metadata()["databases"]["alliance"]["tables"]
    for name, config in tables.items():
        for facet in config.get("facets", []):
            if not isinstance(facet, str):
                continue  # array facets read JSON; no index applies
            leading = {ix.columns[0] for ix in db[name].indexes}
            pks = db[name].pks
            assert facet in leading or facet == pks[0], (name, facet)


def test_array_facets_let_visitors_facet_many_to_many_links(ds):
    data = get(ds, "/alliance/events.json?_facet_array=actor_ids&_size=0").json()
    actors = {f["value"] for f in data["facet_results"]["actor_ids"]["results"]}
    assert "pete-hegseth" in actors
    narrowed = get(ds, "/alliance/events.json?actor_ids__arraycontains=pete-hegseth&_shape=array").json()
    assert narrowed and all("pete-hegseth" in e["actor_ids"] for e in narrowed)
