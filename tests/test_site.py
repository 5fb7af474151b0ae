"""A site people can read (issue 17), through Datasette's test client: entity cards first,
names instead of ids, no raw JSON in cells, numbers and dates written for people.

What a page should show is read from the database with plain SQL, never typed into the test.
"""

import asyncio
import csv
import io
import json
import re
import sqlite3
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit

import pytest
from datasette.app import Datasette
from markupsafe import escape

from alliance_record.numbers import currency_word, human_number
from alliance_record.serve.cards import BUILDERS, human_date
from test_datasette import metadata, settings

JSON_CELL = re.compile(r'<td class="col-[^"]*"[^>]*>\s*[\[{]\s*&#34;|<td class="col-[^"]*"[^>]*>\s*[\[{]\s*"')


@pytest.fixture(scope="module")
def ds(seeds_db):
    return Datasette(immutables=[str(seeds_db)], metadata=metadata(), settings=settings())


@pytest.fixture(scope="module")
def db(seeds_db):
    conn = sqlite3.connect(seeds_db)
    yield conn
    conn.close()


def get(ds, path):
    async def go():
        return await ds.client.get(path)
    return asyncio.run(go())


def href(table, pk):
    return f'href="/alliance/{table}/{quote(str(pk), safe="")}"'


# --- numbers and dates for people ----------------------------------------------------------------

@pytest.mark.parametrize("value, text", [
    (1785000000000.0, "1.785 trillion"), (12500.0, "12,500"), (12345.6, "12,345.6"), (2.75, "2.75"),
    (150000.25, "150,000.25"), (-3e9, "-3 billion"), (1e6, "1 million"), (0.001234, "0.001234"),
    (5.2e16, "52,000 trillion"), (None, ""), ("n/a", "n/a"),
])
def test_numbers_read_as_people_write_them(value, text):
    assert human_number(value) == text
    assert "e+" not in human_number(value)


def test_currency_codes_read_as_words():
    assert currency_word("CNY") == "yuan" and currency_word("XYZ") == "XYZ" and currency_word(None) is None


def test_quantity_descriptions_use_scale_words(db):
    rows = db.execute("select value, description from quantities where value >= 1e9").fetchall()
    assert rows
    for value, description in rows:
        assert "e+" not in description and human_number(value) in description, description


@pytest.mark.parametrize("start, end, precision, text", [
    ("2025-12-09", "2025-12-09", "day", "9 December 2025"),
    ("2022-03", "2022-03", "month", "March 2022"),
    ("1895", "1895", "year", "1895"),
    ("1945-02-19", "1945-03-26", "range", "from 19 February 1945 to 26 March 1945"),
    ("1948", None, "range", "since 1948"),
    (None, "2023-12-17", "uncertain", "before 17 December 2023"),
    ("2026-01-08", "2026-01-15", "uncertain", "between 8 January 2026 and 15 January 2026"),
    ("2025", None, "approximate", "about 2025"),
])
def test_dates_read_as_precisely_as_they_are_known(start, end, precision, text):
    assert human_date(start, end, precision) == text


# --- entity pages: a card first ------------------------------------------------------------------

def test_every_entity_page_opens_with_its_card(ds, db):
    for table in BUILDERS:
        label = metadata()["databases"]["alliance"]["tables"][table]["label_column"]
        for pk, name in db.execute(f"select id, [{label}] from [{table}] order by id limit 3"):
            html = get(ds, f"/alliance/{table}/{quote(pk, safe='')}").text
            card = html.index('<article class="ar-card">')
            assert card < html.index('class="rows-and-columns"'), (table, pk)  # the raw columns after
            title = re.search(r'<h1 class="ar-title"[^>]*>(.*?)</h1>', html, re.S).group(1)
            assert str(escape(str(name or "")[:30])) in title, (table, pk)


def test_an_event_card_names_its_actors_places_and_sources(ds, db):
    event = "china-russia-bomber-flight-2025-12-09"
    html = get(ds, f"/alliance/events/{event}").text
    card = html[html.index('<article class="ar-card">'):html.index("</article>")]
    for actor, name, role in db.execute("select a.id, a.name, ea.role from event_actors ea join actors a "
                                        "on a.id = ea.actor_id where ea.event_id = ?", [event]):
        assert f'{href("actors", actor)}>{name.replace(chr(39), "&#39;")}</a> <span class="ar-note">' in card
        assert role in card
    for place, in db.execute("select place_id from event_places where event_id = ?", [event]):
        assert href("places", place) in card
    for doc, in db.execute("select document_id from event_sources where event_id = ?", [event]):
        assert href("documents", doc) in card
    start, precision = db.execute("select date_start, date_precision from events where id = ?", [event]).fetchone()
    assert human_date(start, None, precision) in card and f"({precision} precision" in card
    assert "China; Japan; Russia; United States" in card  # the states involved
    # the quotes the documents give, after the card
    assert html.index("As the documents report it") > html.index("</article>")


def test_an_actor_card_lists_its_events_quotations_and_company(ds, db):
    actor = "pete-hegseth"
    html = get(ds, f"/alliance/actors/{actor}").text
    card = html[html.index('<article class="ar-card">'):html.index("</article>")]
    events = [e for (e,) in db.execute("select distinct event_id from event_actors where actor_id = ?", [actor])]
    quotes = [q for (q,) in db.execute("select quotation_id from quotation_speakers where actor_id = ?", [actor])]
    co = db.execute("select count(*) from actor_co_mentions where actor_id = ?", [actor]).fetchone()[0]
    assert len(events) >= 5 and quotes and co
    assert all(href("events", e) in card for e in events)
    assert all(href("quotations", q) in card for q in quotes)
    assert f"Events <span class=\"ar-count\">({len(events)})" in card
    assert f"Quotations <span class=\"ar-count\">({len(quotes)})" in card
    assert f"Named in the same sentences as <span class=\"ar-count\">({co})" in card
    assert "/alliance/actor_profile?actor=pete-hegseth" in card
    # no dead ends: "Links from other tables" lists only tables that have rows for him
    assert "0 rows from" not in html


def test_a_work_card_links_its_url_and_the_notes_citing_it(ds, db):
    work, url = db.execute("select id, url from works where url like 'http%' and footnote_count > 0 "
                           "order by id limit 1").fetchone()
    html = get(ds, f"/alliance/works/{quote(work, safe='')}").text
    card = html[html.index('<article class="ar-card">'):html.index("</article>")]
    assert f'<a href="{url}" rel="nofollow">' in card.replace("&amp;", "&")
    for footnote, in db.execute("select footnote_id from citations where work_id = ?", [work]):
        assert href("footnotes", footnote) in card


# --- labels, not ids; no raw JSON -----------------------------------------------------------------

def every_page() -> list:
    """Every table's first page and every canned query with its example."""
    from alliance_record import schema

    queries = metadata()["databases"]["alliance"]["queries"]
    return [f"/alliance/{t.name}?_size=100" for t in schema.TABLES] + [
        f"/alliance/{name}?" + urlencode(q.get("example") or {}) for name, q in queries.items()]


@pytest.mark.parametrize("path", every_page())
def test_no_cell_shows_raw_json(ds, path):
    html = get(ds, path).text
    found = JSON_CELL.search(html)
    assert not found, found.group(0)


def test_id_lists_show_linked_names(ds, db):
    html = get(ds, "/alliance/events?_size=100").text
    for event, actor_ids in db.execute("select id, actor_ids from events"):
        for actor in json.loads(actor_ids):
            name, = db.execute("select name from actors where id = ?", [actor]).fetchone()
            assert f'{href("actors", actor)}>{name.replace(chr(39), "&#39;")}</a>' in html, (event, actor)


def test_foreign_keys_show_their_labels(ds, db):
    html = get(ds, "/alliance/recommendations?_size=100").text
    for author, in db.execute("select distinct author_id from recommendations where author_id is not null"):
        name, = db.execute("select name from actors where id = ?", [author]).fetchone()
        assert f'{href("actors", author)}>{name}</a>' in html


def test_quantity_values_are_written_for_people(ds, db):
    html = get(ds, "/alliance/quantities?_size=100").text
    value, = db.execute("select max(value) from quantities").fetchone()
    assert f">{human_number(value)}</span>" in html
    assert not re.search(r"<td class=\"col-value[^>]*>\s*\d+\.\d*e\+", html)


def test_footnote_urls_are_links(ds, db):
    html = get(ds, "/alliance/footnotes?_size=100").text
    urls = [re.search(r"https?://\S+", t).group(0) for (t,) in
            db.execute("select text from footnotes where text like '%http%://%'")]
    assert urls
    assert html.count('rel="nofollow">http') >= len(urls) // 2


def test_states_roll_up_actors_and_facet_events_involving_china_and_russia(ds, db):
    """An event with the PLA counts for China: the natural path to 'China and Russia' is a facet."""
    data = get(ds, "/alliance/events.json?_facet_array=state_ids&state_ids__arraycontains=china"
                   "&_shape=objects").json()
    russia = [f for f in data["facet_results"]["state_ids"]["results"] if f["value"] == "russia"]
    acting = ("select 1 from event_actors ea join actors a on a.id = ea.actor_id where ea.event_id = e.id "
              "and a.country = ? and a.type in ('state', 'government', 'government-body', 'military', 'person', "
              "'anonymous')")
    expected = {e for (e,) in db.execute(f"select id from events e where exists ({acting}) and exists ({acting})",
                                         ["CN", "RU"])}
    assert russia and russia[0]["count"] == len(expected) >= 1
    pla_events = [e for (e,) in db.execute("select event_id from event_actors where actor_id = 'pla'")]
    for event in pla_events:
        states, = db.execute("select state_ids from events where id = ?", [event]).fetchone()
        assert "china" in json.loads(states)
    # a newspaper is not its country acting
    assert not db.execute("select 1 from events e join event_actors ea on ea.event_id = e.id join actors a "
                          "on a.id = ea.actor_id where a.type = 'media' and a.country is not null and "
                          "not exists (select 1 from event_actors o join actors s on s.id = o.actor_id "
                          "where o.event_id = e.id and s.id != a.id and s.country = a.country) "
                          "and e.state_ids like '%' || lower(a.country) || '%'").fetchall()


def test_csv_keeps_ids_and_adds_names(ds, db):
    text = get(ds, "/alliance/events.csv?_size=max").text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {"actor_ids", "actor_names", "place_id", "place_name", "state_ids", "state_names"} <= set(rows[0])
    for r in rows:
        names = [db.execute("select name from actors where id = ?", [a]).fetchone()[0] for a in json.loads(r["actor_ids"])]
        assert r["actor_names"] == "; ".join(names)


def test_table_pages_fold_column_notes_and_put_the_map_after_the_rows(ds):
    html = get(ds, "/alliance/events").text
    assert '<details class="ar-columns">' in html
    assert html.index('<details class="ar-columns">') < html.index('class="rows-and-columns"')
    assert html.index('class="rows-and-columns"') < html.index('<div id="ar-table-map">')
    assert 'DATASETTE_CLUSTER_MAP_CONTAINER = "#ar-table-map"' in html


@pytest.mark.parametrize("table", ["events", "places"])
def test_a_map_says_which_rows_it_cannot_show(ds, db, table):
    """Rows without coordinates are counted beside the map's link, with a link listing them."""
    total, missing = db.execute(f"select count(*), count(*) - count(latitude) from [{table}]").fetchone()
    html = get(ds, f"/alliance/{table}").text
    note = re.search(r'<span class="ar-note ar-map-note">\((\d+) of (\d+) have no coordinates.*?<a href="([^"]+)"', html)
    if not missing:
        assert note is None
        return
    assert (int(note.group(1)), int(note.group(2))) == (missing, total)
    listed = get(ds, note.group(3).replace("&amp;", "&").replace("?", ".json?_shape=array&_size=max&", 1)).json()
    assert len(listed) == missing and all(r["latitude"] is None for r in listed)


def map_note(html):
    note = re.search(r'<span class="ar-note ar-map-note">\((\d+) of (\d+) have no coordinates.*?<a href="([^"]+)"', html)
    return note and (int(note.group(1)), int(note.group(2)), note.group(3).replace("&amp;", "&"))


def test_the_map_note_counts_the_rows_of_a_filtered_page(ds, db):
    by_type = {t: (total, missing) for t, total, missing in db.execute(
        "select event_type, count(*), count(*) - count(latitude) from events group by 1")}
    some = max((t for t in by_type if by_type[t][1]), key=lambda t: by_type[t][1])
    none = next(t for t in by_type if not by_type[t][1])
    whole = db.execute("select count(*), count(*) - count(latitude) from events").fetchone()
    assert by_type[some] != whole
    missing, total, href = map_note(get(ds, f"/alliance/events?{urlencode({'event_type': some})}").text)
    assert (missing, total) == (by_type[some][1], by_type[some][0])
    listed = get(ds, href.replace("?", ".json?_shape=array&_size=max&", 1)).json()
    assert len(listed) == missing and all(r["latitude"] is None and r["event_type"] == some for r in listed)
    assert map_note(get(ds, f"/alliance/events?{urlencode({'event_type': none})}").text) is None
    # Datasette's other filters count too: _where, and the whole table again without any
    where = get(ds, "/alliance/events?" + urlencode({"_where": f"event_type = '{some}'"})).text
    assert map_note(where)[:2] == (by_type[some][1], by_type[some][0])
    assert map_note(get(ds, "/alliance/events").text)[:2] == (whole[1], whole[0])


def test_the_map_note_of_one_server_is_never_anothers(seeds_db, tmp_path, monkeypatch):
    """What a server counted is kept with it: a second server of another database (here given
    the same id() as the first, as a freed object's id can be reused) counts its own rows."""
    import shutil

    from alliance_record import serve

    copy = tmp_path / "alliance.db"
    shutil.copy(seeds_db, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("update events set latitude = null, longitude = null")
        (total,) = conn.execute("select count(*) from events").fetchone()
    monkeypatch.setattr(serve, "id", lambda obj: 1, raising=False)
    first = Datasette(immutables=[str(seeds_db)], metadata=metadata(), settings=settings())
    before = map_note(get(first, "/alliance/events").text)
    second = Datasette(immutables=[str(copy)], metadata=metadata(), settings=settings())
    assert map_note(get(second, "/alliance/events").text)[:2] == (total, total) != before[:2]


# --- the front page -------------------------------------------------------------------------------

def front_links() -> list:
    config = metadata()["plugins"]["alliance-record"]
    return [(q["question"], q["href"]) for q in config["questions"]] + [
        (a["text"], a["href"]) for q in config["questions"] for a in q.get("also") or []]


def test_the_front_page_asks_the_questions_and_counts_the_tables(ds, db):
    html = get(ds, "/").text
    front = html[html.index('<section class="ar-front">'):html.index('<h2 class="ar-machinery">')]
    for text, link in front_links():
        assert f'href="{escape(link)}"' in front and str(escape(text)) in front, text
    for table in metadata()["plugins"]["alliance-record"]["entities"]:
        n, = db.execute(f"select count(*) from [{table}]").fetchone()
        assert re.search(rf'>{n:,}</td><td><a href="/alliance/{table}">', front), table
    assert 'href="/alliance.db"' in front and 'action="/alliance/search_text"' in front
    # the entity tables come before the machinery (actor_mentions, sentences ...)
    assert html.index('href="/alliance/events"') < html.index('href="/alliance/actor_mentions"')


@pytest.mark.parametrize("text, link", front_links())
def test_every_front_page_link_opens_results(ds, text, link):
    """No question opens an empty form or "0 results"."""
    path, _, fragment = link.partition("#")
    response = get(ds, path)
    assert response.status_code == 200, (text, response.status_code)
    if path.startswith("/alliance/") and path.count("/") == 2:  # a table or a canned query
        base, _, query = path.partition("?")
        if base.endswith(".csv"):
            assert len(response.text.strip().splitlines()) > 1, text
        else:
            data = get(ds, f"{base}.json?{query}&_shape=array").json()
            assert len(data) > 0, text


def test_dashboard_time_axes_are_temporal_and_each_event_type_has_one_colour():
    from alliance_record.curate.annotations import EVENT_TYPES

    charts = metadata()["plugins"]["datasette-dashboards"]["overview"]["charts"]
    for name in ("timeline", "types"):
        encoding = charts[name]["display"]["encoding"]
        assert encoding["x"]["type"] == "temporal", name
        assert encoding["color"]["scale"]["domain"] == sorted(EVENT_TYPES), name  # the same colours in both


def test_the_reader_links_the_web_addresses_in_notes(ds, db):
    """Every URL in a note is a link on its document's page, its text the whole address (also in
    a note that crosses a line break or a page, whose offsets are in pieces)."""
    from alliance_record.serve.cells import URL

    docs = [d for (d,) in db.execute("select distinct document_id from footnotes where text like '%://%'")]
    assert docs
    spanned = 0
    for doc in docs:
        html = get(ds, f"/alliance/documents/{doc}").text
        links = re.findall(r'<a class="ar-url" href="([^"]*)"[^>]*>([^<]*)</a>', html)
        assert all(h == t for h, t in links)  # the whole address, exactly
        for text, spans in db.execute("select text, spans from footnotes where document_id = ? and text like '%://%'",
                                      [doc]):
            spanned += spans is not None
            for url in URL.findall(text):
                assert (str(escape(url)), str(escape(url))) in links, url
    assert spanned  # the seeds have notes in pieces: the offset mapping is exercised


def test_the_front_page_citation_matches_citation_cff(ds):
    import yaml

    from conftest import ROOT

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    citation = metadata()["plugins"]["alliance-record"]["citation"]
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M).group(1)
    assert cff["version"] == version and cff["title"] in citation and f"version {version}" in citation
    assert all(a["name"] in citation for a in cff["authors"])
    assert str(escape(cff["title"])) in get(ds, "/").text


def test_a_bare_canned_query_page_fills_in_its_example(ds):
    for name, query in metadata()["databases"]["alliance"]["queries"].items():
        html = get(ds, f"/alliance/{name}").text
        if query.get("example"):
            target = "?" + urlencode({k: str(v) for k, v in query["example"].items()})
            assert f'location.replace(location.pathname + "{target}")' in html, name
            assert "location.replace" not in get(ds, f"/alliance/{name}{target}").text
        else:
            assert "location.replace" not in html, name


# --- the link crawl (no 5xx within three clicks of home, nor with nonsense arguments) -------------

class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links += [v for k, v in attrs if k == "href" and v]


def link_shape(path: str) -> tuple:
    """What kind of page a link opens: its table or query (a row page stands for every row of its
    table) and the arguments it names (a column filter stands for every filter)."""
    parts = urlsplit(path)
    steps = parts.path.split("/")
    if len(steps) >= 4 and steps[1] == "alliance":
        steps = steps[:3] + ["<row>"]
    names = {k if k.startswith("_") else "<filter>" for k, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return "/".join(steps), tuple(sorted(names))


# the nonsense the issue names: a missing column to sort or facet by, a broken _through, a page
# number too big for SQLite or not a number, search words that are FTS syntax errors
NONSENSE = ["_sort=nonexistent", "_facet=nonexistent", "_facet_array=nonexistent", "_through=zzz",
            "_through=" + quote('{"table": "nowhere", "column": "x", "value": "1"}'),
            "page=99999999999999999999", "page=abc", "q=" + quote('(("'), "_search=" + quote('NOT "')]


async def crawl(ds, clicks: int) -> dict:
    """{path: status} of one link of each kind (link_shape) reachable from "/" in ``clicks`` clicks."""
    seen, shapes, frontier, answered = {"/"}, set(), ["/"], {}
    for depth in range(clicks + 1):
        following = []
        for path in frontier:
            resp = await ds.client.get(path)
            answered[path] = resp.status_code
            if depth == clicks or "html" not in resp.headers.get("content-type", ""):
                continue
            found = _Links()
            found.feed(resp.text)
            for href in found.links:
                parts = urlsplit(urljoin("http://localhost" + path, href))
                link = parts.path + ("?" + parts.query if parts.query else "")
                if parts.netloc != "localhost" or link in seen or link_shape(link) in shapes:
                    continue
                seen.add(link)
                shapes.add(link_shape(link))
                following.append(link)
        frontier = following
    return answered


def test_the_link_crawl_from_home_finds_no_server_error(ds):
    """Every kind of link reachable from the home page within three clicks (one of each kind: a row
    page, a filter, a facet ... see link_shape), and every table and query page with nonsense
    arguments, answers without a 5xx."""
    async def go():
        answered = await crawl(ds, 3)
        pages = {link_shape(p)[0] for p in answered
                 if p.startswith("/alliance/") and "<row>" not in link_shape(p)[0]}
        for page in sorted(pages):
            for arg in NONSENSE:
                answered[f"{page}?{arg}"] = (await ds.client.get(f"{page}?{arg}")).status_code
        return answered, pages
    answered, pages = asyncio.run(go())
    assert len(answered) > 500 and len(pages) > 30, (len(answered), len(pages))
    assert {p: s for p, s in answered.items() if s >= 500} == {}


def test_a_query_out_of_time_is_a_json_error_in_plain_words(ds):
    """A JSON request whose SQL runs out of time answers JSON whose error is text, not HTML."""
    endless = quote("with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c")
    resp = get(ds, f"/alliance.json?_timelimit=20&sql={endless}")
    assert resp.status_code == 400 and resp.headers["content-type"].startswith("application/json")
    error = resp.json()["error"]
    assert "took too long" in error and "<" not in error and "sql_time_limit_ms" in error
    page = get(ds, f"/alliance?_timelimit=20&sql={endless}")  # the HTML page keeps its link
    assert page.status_code == 400 and "<a href=" in page.text and "took too long" in page.text
