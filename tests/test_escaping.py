"""Everything taken from the texts is escaped wherever Datasette shows it (no browser needed).

The escaping corpus (tests/fixtures/xss_corpus) puts <script>, <img onerror>, <svg onload> and
javascript: URLs into the seed text, the catalogue, both registries and the annotations. Every
HTML page a visitor can reach for it — index, table pages with facets, row pages (the custom
document and event pages included), canned queries, search-all and the dashboard — must show them
as text. The browser test loads the same corpus in headless Chromium and checks that no script
runs; this one reads the HTML.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from urllib.parse import quote, urlencode

import pytest
import yaml
from datasette.app import Datasette

from alliance_record import schema
from conftest import METADATA

# Markup that must never reach a page as markup: each only appears in the corpus inside a payload.
RAW = ["<script>alert", "<img src=x", "<svg onload", "<svg/onload", "<b>frank</b>", 'href="javascript:',
       "href='javascript:", 'src="javascript:']


@pytest.fixture(scope="module")
def ds(xss_db):
    return Datasette(immutables=[str(xss_db)], metadata=yaml.safe_load(METADATA.read_text()))


def get(ds, path):
    async def go():
        return await ds.client.get(path)
    return asyncio.run(go())


def payload_rows(db_path) -> list:
    """Row-page paths of every row (of a table with a one-column key) that holds a payload."""
    conn = sqlite3.connect(db_path)
    paths = []
    for table in schema.TABLES:
        pks = [r[1] for r in conn.execute(f"pragma table_info([{table.name}])") if r[5]]
        if len(pks) != 1:
            continue
        text_cols = [c for c, kind in table.columns.items() if kind is str]
        if not text_cols:
            continue
        where = " or ".join(f"[{c}] like '%<%' or [{c}] like '%javascript:%'" for c in text_cols)
        for (pk,) in conn.execute(f"select [{pks[0]}] from [{table.name}] where {where} limit 3"):
            paths.append(f"/alliance/{table.name}/{quote(str(pk), safe='')}")
    return paths


def test_the_corpus_builds_with_payloads_everywhere(xss_db):
    conn = sqlite3.connect(xss_db)
    for table, column in [("documents", "title"), ("paragraphs", "text"), ("sections", "heading"),
                          ("figures", "url"), ("figures", "credit"), ("footnotes", "text"), ("works", "title"),
                          ("events", "summary"), ("events", "popup"), ("event_sources", "quote"),
                          ("recommendations", "quote"), ("recommendations", "summary"), ("quotations", "quote"),
                          ("quotations", "speaker_label"), ("actors", "name"), ("places", "popup"),
                          ("boilerplate", "text")]:
        hits = conn.execute(f"select count(*) from [{table}] where [{column}] like '%<%'").fetchone()[0]
        assert hits, (table, column)
    assert conn.execute("select url from documents").fetchone()[0] == "javascript:alert(1)"
    assert conn.execute("select count(*) from actor_mentions where actor_id in ('mallory', 'trent')").fetchone()[0]
    assert conn.execute("select count(*) from place_mentions").fetchone()[0]


def test_no_page_shows_a_payload_as_markup(ds, xss_db):
    queries = yaml.safe_load(METADATA.read_text())["databases"]["alliance"]["queries"]
    pages = ["/", "/alliance", "/-/search?q=alert", "/-/search?q=Mallory", "/-/dashboards/overview",
             "/alliance/documents/xss-report", "/alliance/events/mallory-trent-meeting",
             "/alliance/events/statement-read-2025-03", "/alliance/actors?_facet=name&_facet=description",
             "/alliance/paragraphs?_search=alert", "/alliance/documents?_facet=publisher&_facet=url"]
    pages += [f"/alliance/{t.name}" for t in schema.TABLES]
    pages += payload_rows(xss_db)
    corpus_values = {"q": "alert", "actor": "mallory", "a": "mallory", "b": "trent", "document": "xss-report",
                     "place": "tokyo", "event": "mallory-trent-meeting", "work": "jones-2024-troops-img-src"}
    for name, query in queries.items():
        params = {p: corpus_values.get(p, "") for p in (query.get("example") or {})}
        pages.append(f"/alliance/{name}?" + urlencode(params))
    checked = 0
    for path in pages:
        resp = get(ds, path)
        assert resp.status_code == 200, (path, resp.status_code)
        html = resp.text
        for raw in RAW:
            assert raw not in html, (path, raw, html[max(0, html.find(raw) - 200):html.find(raw) + 100])
        checked += 1
    assert checked > 60


def test_the_document_page_shows_the_payloads_as_text(ds):
    html = get(ds, "/alliance/documents/xss-report").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html          # a paragraph of the reader
    assert "&lt;script&gt;alert(1)&lt;/script&gt; keep the alliance" in html
    assert 'title="Mallory &lt;img src=x onerror=alert(1)&gt; Jones"' in html  # an actor mention's link
    event = get(ds, "/alliance/events/mallory-trent-meeting").text
    assert "<mark>Mallory met Trent in Tokyo on March 3, 2025, and called the talks &lt;b&gt;frank&lt;/b&gt;" in event


def test_json_keeps_the_text_exact(ds):
    """Escaping belongs to the page: the API returns exactly what the text says."""
    rows = get(ds, "/alliance/events.json?_shape=array").json()
    summaries = {r["id"]: r["summary"] for r in rows}
    assert summaries["mallory-trent-meeting"].startswith("Mallory meets Trent <script>alert(1)</script>")
    popup = json.loads(rows[0]["popup"])
    assert "<" in popup["title"]
