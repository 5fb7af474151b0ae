"""A visitor in a real browser: map, search-all, facets, dashboard and the document page.

Tile servers are unreachable here, so the map is judged by its markers, not its tiles. What a page
should show is read from the database with plain SQL, never typed into the test.
"""

import csv
import io
import re
import sqlite3
from pathlib import Path

import pytest
import yaml

from browser import chromium, datasette_server, screenshot
from conftest import METADATA

pytestmark = pytest.mark.browser

# what datasette-search-all's script adds for a table with hits: "<n> results in alliance: <table>"
RESULT_HEADING = re.compile(r"([\d,]+) in ([\w ]+)$")
# the rows of a table or query page, as {column: text} (cells carry the class col-<column>)
ROWS_JS = """() => [...document.querySelectorAll('table.rows-and-columns tbody tr')].map(tr =>
    Object.fromEntries([...tr.querySelectorAll('td')].map(td =>
        [[...td.classList].find(c => c.startsWith('col-')).slice(4), td.innerText.trim()])))"""


@pytest.fixture(scope="module")
def site(seeds_db):
    with datasette_server(seeds_db, METADATA) as base:
        yield base


@pytest.fixture(scope="module")
def db(seeds_db):
    conn = sqlite3.connect(seeds_db)
    yield conn
    conn.close()


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


def rows(page) -> list:
    return page.evaluate(ROWS_JS)


def row_count(page) -> int:
    return int(re.search(r"([\d,]+) rows?", page.inner_text("h3")).group(1).replace(",", ""))


def open_a_popup(page) -> tuple:
    """Click a single marker (zooming into clusters until one shows): its popup's title and link."""
    markers(page)
    for _ in range(8):
        single = page.locator(".leaflet-marker-icon:not(.marker-cluster)")
        if single.count():
            single.first.click(force=True)
            break
        page.locator(".marker-cluster").first.click(force=True)
        page.wait_for_timeout(600)
    link = page.locator(".leaflet-popup-content a").first
    link.wait_for(timeout=5000)
    # the popup pans the map into view (and a cluster's zoom may still run): a click during either
    # animation can land on the moving map instead of the link, the more likely the slower the machine
    page.wait_for_function("() => !document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim')")
    return link.locator("strong").inner_text().strip(), link.get_attribute("href")


def test_map_shows_markers_for_places_and_events(page, site):
    page.goto(f"{site}/alliance/events")
    assert markers(page) > 0
    page.goto(f"{site}/alliance/places")
    assert markers(page) > 0


def test_an_event_popup_leads_to_the_event(page, site, db):
    page.goto(f"{site}/alliance/events")
    title, href = open_a_popup(page)
    event_id = re.fullmatch(r"/alliance/events/([^/?#]+)", href).group(1)
    summary, = db.execute("select summary from events where id = ?", [event_id]).fetchone()
    assert title == summary
    screenshot(page, "map", ".leaflet-container")  # with the popup open
    page.locator(".leaflet-popup-content a").first.click()
    page.wait_for_url(re.compile(f"/alliance/events/{re.escape(event_id)}$"))
    assert summary in page.inner_text("body")


def test_a_place_popup_leads_to_the_place(page, site, db):
    page.goto(f"{site}/alliance/places")
    title, href = open_a_popup(page)
    # the place's row page, which names the place and lists (and links to) its mentions
    found = re.fullmatch(r"/alliance/places/([^/?#]+)", href)
    assert found, href
    place_id = found.group(1)
    name, = db.execute("select name from places where id = ?", [place_id]).fetchone()
    assert title == name
    page.locator(".leaflet-popup-content a").first.click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    assert name in page.inner_text("body")


def test_search_all_lists_results_from_several_tables(page, site, db):
    """Each table's matches counted as FTS5 counts them, its best hits as marked, linked labels
    (never a table of raw columns), and a hit opens its row."""
    page.goto(f"{site}/-/search?q=Senkaku")
    screenshot(page, "search")
    shown = {}
    for block in page.locator("#search-all-results section").all():
        count, title = RESULT_HEADING.search(block.locator("h2").inner_text()).groups()
        table = title.replace(" ", "_")
        shown[table] = int(count.replace(",", ""))
        hits = block.locator("ol.ar-hits > li")
        assert hits.count() == min(5, shown[table])
        assert block.locator("table").count() == 0
        for k in range(hits.count()):
            assert hits.nth(k).locator("a").first.get_attribute("href").startswith(f"/alliance/{table}/")
            assert "senkaku" in hits.nth(k).locator("mark").first.inner_text().lower()
    expected = {}
    for (fts,) in db.execute("select name from sqlite_master where name like '%\\_fts' escape '\\'"):
        n, = db.execute(f"select count(*) from [{fts}] where [{fts}] match 'Senkaku'").fetchone()
        if n:
            expected[fts[:-4]] = n
    assert shown == expected
    assert {"documents", "paragraphs", "footnotes", "events"} <= set(shown) and len(shown) >= 3, shown
    assert page.evaluate("document.documentElement.scrollHeight") < 5000
    link = page.locator("section[data-table=places] ol.ar-hits a").first
    name = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/alliance/places/"))
    assert name in page.locator("h1").first.inner_text()


def test_a_facet_click_narrows_a_table(page, site):
    page.goto(f"{site}/alliance/events")
    before = row_count(page)
    page.locator(".facet-info[data-column='event_type'] a").first.click()
    page.wait_for_url(re.compile(r"event_type="))
    after = row_count(page)
    assert 0 < after < before


@pytest.mark.parametrize("table, column, value", [("events", "actor_ids", "pete-hegseth"),
                                                  ("recommendations", "addressee_ids", "japan")])
def test_an_array_facet_on_request_narrows_the_table(page, site, db, table, column, value):
    """Events by actor, recommendations by addressee: offered as a link, counted when clicked."""
    page.goto(f"{site}/alliance/{table}")
    before = row_count(page)
    page.locator("p.suggested-facets a", has_text=re.compile(f"^{column}$")).click()
    facet = page.locator(f".facet-info[data-column='{column}']")
    facet.wait_for(timeout=10000)
    name, = db.execute("select name from actors where id = ?", [value]).fetchone()
    facet.locator("a", has_text=re.compile(f"^{re.escape(name)}$")).click()  # the facet names the actor
    page.wait_for_url(re.compile(f"{column}__arraycontains={value}"))
    expected, = db.execute(f"select count(*) from [{table}] where exists "
                           f"(select 1 from json_each([{table}].[{column}]) where value = ?)", [value]).fetchone()
    assert 0 < row_count(page) == expected < before
    assert all(name in r[column] for r in rows(page))  # each row's cell names the actor


def test_dashboard_draws_its_charts(page, site, db):
    page.goto(f"{site}/-/dashboards/overview")
    for chart in ("timeline", "types", "actors", "themes", "outlets"):
        page.wait_for_selector(f"#chart-{chart} canvas, #chart-{chart} svg", timeout=20000)
    page.wait_for_selector("#chart-map .leaflet-marker-icon", timeout=20000)
    documents, = db.execute("select count(*) from documents").fetchone()
    assert page.locator("#chart-documents").inner_text().strip().startswith(str(documents))
    page.wait_for_load_state("networkidle")
    screenshot(page, "dashboard", full_page=True)


def test_document_page_reads_as_a_document(page, site, db):
    page.goto(f"{site}/alliance/documents/iria-joint-command")
    reader = page.locator("section.ar-reader")
    assert "Shared warrior ethos" in reader.inner_text()
    assert "met in Tokyo on March 30, 2025" in reader.inner_text()
    assert reader.locator("a.ar-actors[title='Pete Hegseth']").count() >= 5
    # every event report and quotation in the body is highlighted, with a link to its row
    for table, where in (("event_sources", "paragraph_id is not null"), ("quotations", "paragraph_id is not null")):
        n, = db.execute(f"select count(*) from {table} where document_id = 'iria-joint-command' and {where}").fetchone()
        target = "events" if table == "event_sources" else table
        assert n and reader.locator(f"a.ar-tag[href^='/alliance/{target}/']").count() == n, table
    screenshot(page, "document", "section.ar-reader")


def test_the_report_page_links_footnotes_and_recommendations(page, site, db):
    doc = "cipr-usjf-report-2025"
    page.goto(f"{site}/alliance/documents/{doc}")
    reader = page.locator("section.ar-reader")
    headings = reader.locator("h2, h3").all_inner_texts()
    empty = [h for (h,) in db.execute(
        "select heading from sections s where document_id = ? and level > 0 and not exists "
        "(select 1 from paragraphs p join sections c on c.id = p.section_id "
        " where c.id = s.id or c.parent_id = s.id)", [doc])]
    assert "Table of Contents" in empty and not set(empty) & set(headings)
    markers_in_text, = db.execute("select count(*) from footnotes where document_id = ? and marker_start "
                                  "is not null and paragraph_id is not null", [doc]).fetchone()
    assert reader.locator("a.ar-footnotes").count() == markers_in_text > 0
    recommendations, = db.execute("select count(*) from recommendations where document_id = ?", [doc]).fetchone()
    assert reader.locator("a.ar-tag[href^='/alliance/recommendations/']").count() == recommendations
    notes, = db.execute("select count(*) from footnotes where document_id = ? and text is not null", [doc]).fetchone()
    assert reader.locator(".ar-notes p").count() == notes
    # a marker leads to its footnote
    marker = reader.locator("a.ar-footnotes").first
    href = marker.get_attribute("href")
    marker.click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    text, = db.execute("select text from footnotes where id = ?", [href.rsplit("/", 1)[1]]).fetchone()
    assert text[:40] in page.inner_text("body")
    # the list of what was extracted leads to the document's rows
    page.go_back()
    page.locator(".ar-extracted a", has_text=re.compile(r"^\d+ recommendations$")).click()
    page.wait_for_url(re.compile(f"/alliance/recommendations\\?document_id={doc}$"))
    assert row_count(page) == recommendations


def test_a_newcomer_answers_the_questions_by_clicking(page, site, db):
    """Each question on the home page opens its answer in one click: results, never an empty form."""
    # 1. What did Hegseth say and do in 2025, where, and who reported it?
    page.goto(f"{site}/")
    screenshot(page, "home")
    page.get_by_role("link", name="What did Hegseth say and do in 2025, where, and who reported it?").click()
    page.wait_for_url(re.compile(r"/alliance/events_of_actor\?actor=Hegseth&from=2025&to=2025$"))
    found = rows(page)
    expected = {e for (e,) in db.execute(
        "select ea.event_id from event_actors ea join events e on e.id = ea.event_id "
        "join actors a on a.id = ea.actor_id where a.name = 'Pete Hegseth' "
        "and e.date_end >= '2025' and (e.date_start is null or e.date_start < '2026')")}  # or known only by a bound
    ids = [r["id"] for r in found]
    assert len(ids) == len(set(ids)) and set(ids) == expected and len(expected) >= 5
    for r in found:
        for (place,) in db.execute("select p.name from event_places ep join places p on p.id = ep.place_id "
                                   "where ep.event_id = ?", [r["id"]]):
            assert place in r["places"], (r["id"], place)
        for (publisher,) in db.execute("select d.publisher from event_sources s join documents d "
                                       "on d.id = s.document_id where s.event_id = ?", [r["id"]]):
            assert publisher in r["reported_by"], (r["id"], publisher)
    assert sum(bool(r["places"]) for r in found) >= 5  # where: most have a place (a Signal chat has none)
    # ... what he is quoted saying: his page lists his quotations
    page.goto(f"{site}/")
    page.get_by_role("link", name="his page").click()
    page.wait_for_url(re.compile(r"/alliance/actors/pete-hegseth$"))
    n, = db.execute("select count(*) from quotation_speakers where actor_id = 'pete-hegseth'").fetchone()  # alone or with others
    quotations = page.locator(".ar-related", has=page.locator("h2", has_text=re.compile("^Quotations")))
    assert quotations.locator("li").count() == n > 0

    # 2. What do the report's authors recommend about Taiwan?
    page.goto(f"{site}/")
    page.get_by_role("link", name="What do the report's authors recommend about Taiwan?").click()
    page.wait_for_url(re.compile(r"_search=Taiwan&document_id=cipr-usjf-report-2025$"))
    screenshot(page, "recommendations")
    found = rows(page)
    expected = {r for (r,) in db.execute(
        "select r.id from recommendations r join recommendations_fts f on f.rowid = r.rowid "
        "where recommendations_fts match 'Taiwan' and r.document_id = 'cipr-usjf-report-2025'")}
    assert {r["id"] for r in found} == expected and expected
    assert all("Taiwan" in r["summary"] + r["quote"] and r["author_id"] for r in found)

    # 3. Which outlets does the report cite most?
    page.goto(f"{site}/")
    page.get_by_role("link", name="Which outlets does the report cite most?").click()
    page.wait_for_url(re.compile(r"/alliance/citations_by_outlet$"))
    found = rows(page)
    counts = [int(r["citations"]) for r in found]
    assert len(found) >= 5 and all(r["outlet"] for r in found[:5])
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]

    # 5. Events involving China and Russia, on a map
    page.goto(f"{site}/")
    page.get_by_role("link", name="Events involving China and Russia, on a map").click()
    page.wait_for_url(re.compile(r"state_ids__arraycontains=russia#ar-table-map$"))
    assert row_count(page) >= 1 and markers(page) >= 1


def test_the_other_questions_answer_by_clicking(page, site, db, seeds_db, tmp_path):
    """Questions 4 and 6-9 of the nine, each one click from home (a download is the answer)."""
    # 4. Everything about the Senkaku Islands
    page.goto(f"{site}/")
    page.get_by_role("link", name="Everything about the Senkaku Islands").click()
    page.wait_for_url(re.compile(r"/alliance/everything_about\?q=Senkaku$"))
    kinds = {r["kind"] for r in rows(page)}
    assert {"place", "event", "recommendation", "work"} <= kinds, kinds

    # 6. Koizumi's quotations, by document
    page.goto(f"{site}/")
    page.get_by_role("link", name="Koizumi's quotations, by document").click()
    page.wait_for_url(re.compile(r"/alliance/actor_quoted\?actor=Koizumi$"))
    found = rows(page)
    n, = db.execute("""select count(distinct qs.quotation_id) from quotation_speakers qs
                       join actors a on a.id = qs.actor_id where a.name like '%Koizumi%'""").fetchone()
    assert len(found) == n > 0 and all(r["document_id"] for r in found)

    # 7. The numbers the documents state about defense spending
    page.goto(f"{site}/")
    page.get_by_role("link", name="The numbers the documents state about defense spending").click()
    page.wait_for_url(re.compile(r"/alliance/quantities\?kind__in="))
    found = rows(page)
    assert found and any("defense" in " ".join(r.values()).lower() for r in found)
    assert not any(re.search(r"\de[+-]\d|\.0\b", r.get("value", "")) for r in found)  # written for people

    # 8. Download the database and run a README query on it
    page.goto(f"{site}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the database").click()
    path = tmp_path / "alliance.db"
    download.value.save_as(path)
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    query = re.search(r'sqlite3 build/alliance\.db "([^"]+)"', readme).group(1)
    with sqlite3.connect(path) as downloaded:
        assert downloaded.execute(query).fetchall() == db.execute(query).fetchall() != []

    # 9. The events of 2025, as CSV
    page.goto(f"{site}/")
    page.get_by_role("link", name="The events of 2025, as CSV").click()
    page.wait_for_url(re.compile(r"/alliance/timeline\.csv\?"))
    table = list(csv.DictReader(io.StringIO(page.inner_text("body"))))
    timeline = yaml.safe_load(METADATA.read_text())["databases"]["alliance"]["queries"]["timeline"]["sql"]
    expected = db.execute(timeline, {"from": "2025", "to": "2025", "page": ""}).fetchall()
    assert len(table) == len(expected) > 25 and {"date_start", "summary"} <= set(table[0])


AXE_PAGES = ["/", "/alliance", "/alliance/events", "/alliance/recommendations", "/alliance/quotations",
             "/alliance/works", "/-/search?q=Senkaku", "/alliance/search_paragraphs?q=Senkaku",
             "/-/dashboards/overview"]
AXE_ROWS = ["events", "actors", "documents", "places", "recommendations", "quotations", "works"]


@pytest.mark.parametrize("width", [1280, 390])
def test_key_pages_have_no_serious_accessibility_violations(browser, site, db, width):
    """axe-core in each key page (the front page, tables, search, a query, the dashboard and one
    entity page of each kind), at a desktop and a phone width: no serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    pages = AXE_PAGES + [f"/alliance/{t}/" + db.execute(f"select id from [{t}] order by id limit 1").fetchone()[0]
                         for t in AXE_ROWS]
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 900})
    page = context.new_page()
    axe, found = Axe(), {}
    for path in pages:
        page.goto(site + path)
        violations = axe.run(page).response["violations"]
        bad = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations
               if v["impact"] in ("serious", "critical")]
        if bad:
            found[path] = bad
    context.close()
    assert found == {}


# --- escaping, in a real browser (issue 9) ---------------------------------------------------------

def xss_pages(db_path) -> list:
    """Pages a visitor of the escaping corpus can reach: tables, rows, the document and event
    pages, the map, search-all, the dashboard and canned queries."""
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


# --- a site people can read (issue 17) -------------------------------------------------------------

# the top of the first data row (table pages) or of the entity card (row pages), and the visible
# cells whose text is a JSON array or object
LAYOUT_JS = """() => {
  const first = document.querySelector('.ar-card') || document.querySelector('table.rows-and-columns tbody tr');
  const json = [...document.querySelectorAll('td')].filter(td => td.offsetParent !== null
      && /^\\s*[\\[{]\\s*["\\[{\\]}]/.test(td.innerText)).map(td => td.innerText.slice(0, 60));
  return {first: first ? first.getBoundingClientRect().top + window.scrollY : null, json,
          height: document.documentElement.scrollHeight};
}"""
ENTITY_TABLES = ("events", "actors", "places", "documents", "recommendations", "quotations", "works")


def site_pages(db) -> list:
    """Each entity table's page and the pages of its first and most-linked rows."""
    from urllib.parse import quote

    pages = [f"/alliance/{t}" for t in ENTITY_TABLES]
    for table in ENTITY_TABLES:
        for (pk,) in db.execute(f"select id from [{table}] order by id limit 1"):
            pages.append(f"/alliance/{table}/{quote(pk, safe='')}")
    pages += ["/alliance/actors/pete-hegseth", "/alliance/documents/cipr-usjf-report-2025",
              "/alliance/events/china-russia-bomber-flight-2025-12-09"]
    return pages


def test_pages_lead_with_data_and_show_no_json(page, browser, site, db):
    """At 1280x900 and on a 390x844 phone the first data row or the entity card starts above
    y = 900, and no visible cell shows a JSON array or object."""
    phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    late, json_cells = {}, {}
    for path in site_pages(db):
        for width, tab in ((1280, page), (390, phone)):
            tab.goto(site + path)
            found = tab.evaluate(LAYOUT_JS)
            if found["first"] is None or found["first"] >= 900:
                late[(width, path)] = found["first"]
            if found["json"]:
                json_cells[(width, path)] = found["json"][:3]
    phone.context.close()
    assert not late, late
    assert not json_cells, json_cells
    # a document's text starts on the first screen too (its card's lists are folded)
    for (doc,) in db.execute("select id from documents"):
        page.goto(f"{site}/alliance/documents/{doc}")
        top = page.evaluate("document.querySelector('section.ar-reader').getBoundingClientRect().top + scrollY")
        assert top < 900, (doc, top)
    page.goto(f"{site}/alliance/events/china-russia-bomber-flight-2025-12-09")
    screenshot(page, "event-card")
    page.goto(f"{site}/alliance/actors/pete-hegseth")
    screenshot(page, "actor-card")
    # a place's card has its small map, the place marked (tiles are unreachable here)
    place, = db.execute("select id from places where latitude is not null order by id limit 1").fetchone()
    page.goto(f"{site}/alliance/places/{place}")
    page.wait_for_selector("#ar-card-map.leaflet-container path.leaflet-interactive", timeout=10000)
    assert page.locator("#ar-card-map path.leaflet-interactive").count() == 1


def test_the_events_table_reads_as_cards_on_a_phone(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site}/alliance/events")
    found = page.evaluate(LAYOUT_JS)
    assert found["height"] < 15000, found["height"]
    assert not found["json"], found["json"]
    # each row still leads to its event's page
    first = page.locator("table.rows-and-columns tbody tr").first
    link = first.locator("a.ar-label")
    assert link.is_visible()
    page.evaluate(f"window.scrollTo(0, {found['first']} - 40)")
    screenshot(page, "events-phone")
    link.click()
    page.wait_for_url(re.compile(r"/alliance/events/[^/?#]+$"))
    assert page.locator(".ar-card").is_visible()
    context.close()


def test_dark_mode_follows_the_system(browser, site):
    """A visitor whose system asks for a dark scheme gets light text on a dark page."""
    luminance = """(css) => { const [r, g, b] = css.match(/\\d+/g).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; }"""
    for scheme, dark in (("dark", True), ("light", False)):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        page.goto(f"{site}/alliance/actors/pete-hegseth")
        body = page.evaluate(f"() => ({luminance})(getComputedStyle(document.body).backgroundColor)")
        text = page.evaluate(f"() => ({luminance})(getComputedStyle(document.querySelector('.ar-facts dd')).color)")
        if dark:
            screenshot(page, "actor-card-dark")
        context.close()
        assert (body < 0.2 and text > 0.7) if dark else (body > 0.9 and text < 0.3), (scheme, body, text)


def test_a_canned_query_opens_with_its_example_answered(page, site):
    """Opened bare (from the database page, a bookmark), a query shows its example's results."""
    queries = yaml.safe_load(METADATA.read_text())["databases"]["alliance"]["queries"]
    opened = 0
    for name, query in queries.items():
        if not query.get("example"):
            continue
        page.goto(f"{site}/alliance/{name}")
        page.wait_for_url(re.compile(rf"/alliance/{name}\?.+"))
        assert page.locator("table.rows-and-columns tbody tr").count() > 0, name
        assert "0 results" not in page.inner_text("body"), name
        opened += 1
    assert opened >= 15
