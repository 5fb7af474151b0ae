"""A visitor in a real browser: map, search-all, facets, dashboard and the document page.

Tile servers are unreachable here, so the map is judged by its markers, not its tiles.
"""

import re

import pytest

from browser import chromium, datasette_server, screenshot
from conftest import METADATA

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(seeds_db):
    with datasette_server(seeds_db, METADATA) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


def markers(page) -> int:
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster", timeout=15000)
    return page.locator(".leaflet-marker-icon, .marker-cluster").count()


def test_map_shows_markers_for_places_and_events(page, site):
    page.goto(f"{site}/alliance/events")
    assert markers(page) > 0
    page.goto(f"{site}/alliance/places")
    assert markers(page) > 0
    page.goto(f"{site}/alliance/events")
    markers(page)
    screenshot(page, "map", ".leaflet-container")
    page.goto(f"{site}/alliance/places")
    markers(page)
    # a popup links to the place's row page, which lists (and links to) its mentions
    first = page.locator(".leaflet-marker-icon").first
    if first.count():
        first.click()
        page.wait_for_selector(".leaflet-popup-content a", timeout=5000)
        href = page.locator(".leaflet-popup-content a").first.get_attribute("href")
        assert href.startswith("/alliance/places/")


def test_search_all_lists_results_from_several_tables(page, site):
    page.goto(f"{site}/-/search?q=Senkaku")
    page.wait_for_function(
        "() => document.querySelectorAll('a[href*=\"_search=Senkaku\"]').length >= 3", timeout=15000)
    links = page.locator('a[href*="_search=Senkaku"]').evaluate_all("els => els.map(e => e.href)")
    tables = {re.search(r"/alliance/([a-z_]+)\?", h).group(1) for h in links if "/alliance/" in h}
    assert {"paragraphs", "footnotes"} <= tables and len(tables) >= 4, tables


def test_a_facet_click_narrows_a_table(page, site):
    page.goto(f"{site}/alliance/events")
    before = int(re.search(r"([\d,]+) rows?", page.inner_text("h3")).group(1).replace(",", ""))
    page.locator(".facet-info[data-column='event_type'] a").first.click()
    page.wait_for_url(re.compile(r"event_type="))
    after = int(re.search(r"([\d,]+) rows?", page.inner_text("h3")).group(1).replace(",", ""))
    assert 0 < after < before


def test_dashboard_draws_its_charts(page, site):
    page.goto(f"{site}/-/dashboards/overview")
    for chart in ("timeline", "types", "actors", "themes", "outlets"):
        page.wait_for_selector(f"#chart-{chart} canvas, #chart-{chart} svg", timeout=20000)
    page.wait_for_selector("#chart-map .leaflet-marker-icon", timeout=20000)
    assert page.locator("#chart-documents").inner_text().strip().startswith("5")
    screenshot(page, "dashboard")


def test_document_page_reads_as_a_document(page, site):
    page.goto(f"{site}/alliance/documents/iria-joint-command")
    reader = page.locator("section.ar-reader")
    assert "Shared warrior ethos" in reader.inner_text()
    assert "met in Tokyo on March 30, 2025" in reader.inner_text()
    assert reader.locator("a.ar-actors[title='Pete Hegseth']").count() >= 5
    screenshot(page, "document", "section.ar-reader")


def test_a_newcomer_answers_the_three_questions(page, site):
    # What did Hegseth say and do in 2025, where, and who reported it?
    page.goto(f"{site}/alliance/events_of_actor?actor=pete-hegseth")
    text = page.inner_text("table")
    assert "2025-03-30" in text and "iria-joint-command" in text
    page.goto(f"{site}/alliance/actor_quoted?actor=pete-hegseth")
    assert "warrior ethos" in page.inner_text("table")
    # What do the report's authors recommend about Taiwan?
    page.goto(f"{site}/alliance/recommendations?_search=Taiwan&document_id=cipr-usjf-report-2025")
    assert re.search(r"[1-9]\d* rows?", page.inner_text("h3"))
    # Which outlets does the report cite most?
    page.goto(f"{site}/alliance/citations_by_outlet")
    assert page.locator("table tbody tr").count() >= 5


# --- escaping, in a real browser (issue 9) ---------------------------------------------------------

def xss_pages(db_path) -> list:
    """Pages a visitor of the escaping corpus can reach: tables, rows, the document and event
    pages, the map, search-all, the dashboard and canned queries."""
    import sqlite3
    from urllib.parse import quote

    conn = sqlite3.connect(db_path)
    pages = ["/", "/alliance", "/-/search?q=alert", "/-/dashboards/overview",
             "/alliance/places", "/alliance/events", "/alliance/figures", "/alliance/quotations",
             "/alliance/recommendations", "/alliance/actor_mentions", "/alliance/works",
             "/alliance/search_paragraphs?q=alert", "/alliance/everything_about?q=alert"]
    for table in ("documents", "events", "recommendations", "figures", "places", "actors"):
        for (pk,) in conn.execute(f"select id from {table} limit 3"):
            pages.append(f"/alliance/{table}/{quote(str(pk), safe='')}")
    return pages


def test_no_script_from_the_texts_runs_in_a_browser(browser, xss_db):
    with datasette_server(xss_db, METADATA) as base:
        context = browser.new_context()
        page = context.new_page()
        dialogs, errors = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        # a payload that ran would set this flag or open a dialog
        page.add_init_script("window.__xss = []; window.alert = (m) => window.__xss.push(String(m));")
        visited = 0
        for path in xss_pages(xss_db):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            if page.locator(".leaflet-marker-icon").count():
                for marker in page.locator(".leaflet-marker-icon").all()[:5]:
                    marker.click(force=True)  # open the popups: their text comes from the corpus
            fired = page.evaluate("window.__xss")
            assert not fired, (path, fired)
            visited += 1
        context.close()
        assert not dialogs, dialogs
        assert visited >= 20
