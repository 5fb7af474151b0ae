"""The built seeds as a visitor sees them through Datasette's test client."""

import asyncio
import shutil
import sqlite3
import re
from urllib.parse import quote, urlencode

import pytest
import yaml
from datasette.app import Datasette

from alliance_record import schema, serve
from conftest import METADATA


def metadata():
    return yaml.safe_load(METADATA.read_text())


def settings() -> dict:
    """serve.SETTINGS as the Datasette constructor takes them (on/off as booleans)."""
    return {k: {"on": True, "off": False}.get(v, v) for k, v in serve.SETTINGS}


@pytest.fixture(scope="module")
def ds(seeds_db):
    return Datasette(immutables=[str(seeds_db)], metadata=metadata(), settings=settings())


def get(ds, path):
    async def go():
        return await ds.client.get(path)
    return asyncio.run(go())


# Tables no ordinary document gives a row: ``problems`` (a paragraph over segment.LONG_PARAGRAPH
# characters; tests/test_segment.py makes one)
EMPTY_ON_THE_SEEDS = {"problems"}


def test_every_table_page_and_json(ds):
    for table in schema.TABLES:
        html = get(ds, f"/alliance/{table.name}")
        assert html.status_code == 200, table.name
        data = get(ds, f"/alliance/{table.name}.json?_shape=array&_size=5").json()
        assert (len(data) == 0) == (table.name in EMPTY_ON_THE_SEEDS), table.name


def test_every_table_page_shows_all_its_default_facets(ds, seeds_db):
    """No facet of metadata.yml is dropped (facet_time_limit_ms) or missing from the page."""
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    tables = metadata()["databases"]["alliance"]["tables"]
    checked = 0
    for name, config in tables.items():
        facets = [f if isinstance(f, str) else next(iter(f.values())) for f in config.get("facets", [])]
        if not facets:
            continue
        data = get(ds, f"/alliance/{name}.json?_size=0").json()  # a facet that timed out is left out
        assert set(facets) <= set(data["facet_results"]), (name, set(facets) - set(data["facet_results"]))
        for facet in facets:  # each with its values (Datasette leaves NULL out), up to facet_size
            distinct, = conn.execute(f"select count(distinct [{facet}]) from [{name}]").fetchone()
            shown = data["facet_results"][facet]["results"]
            assert len(shown) == min(distinct, config.get("facet_size", 30)), (name, facet)
        html = get(ds, f"/alliance/{name}").text
        assert "facets-timed-out" not in html, name
        for facet in facets:
            assert f'data-column="{facet}"' in html, (name, facet)
            checked += 1
    assert checked >= 40


def test_array_facets_are_offered_and_counted_on_request(ds):
    tables = metadata()["databases"]["alliance"]["tables"]
    offered = {name: [next(iter(f.values())) for f in config["facets_on_request"]]
               for name, config in tables.items() if config.get("facets_on_request")}
    assert offered["events"] == ["state_ids", "actor_ids", "documents"] and offered["recommendations"] == ["addressee_ids"]
    for name, columns in offered.items():
        html = get(ds, f"/alliance/{name}").text
        for column in columns:
            assert f'href="/alliance/{name}?_facet_array={column}#facet-{column}"' in html, (name, column)
            data = get(ds, f"/alliance/{name}.json?_size=0&_facet_array={column}").json()
            assert data["facet_results"][column]["results"], (name, column)
            # once on the page, the facet is no longer offered
            assert f"_facet_array={column}#" not in get(ds, f"/alliance/{name}?_facet_array={column}").text


def test_every_sort_column_is_indexed(seeds_db):
    import sqlite_utils

    db = sqlite_utils.Database(seeds_db)
    tables = metadata()["databases"]["alliance"]["tables"]
    for name, config in tables.items():
        if name in schema.VIEWS:
            continue
        for column in filter(None, (config.get("sort"), config.get("sort_desc"))):
            leading = {ix.columns[0] for ix in db[name].indexes}
            assert column in leading or column == db[name].pks[0], (name, column)


def test_label_columns_are_short_columns_of_their_tables(seeds_db):
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    tables = metadata()["databases"]["alliance"]["tables"]
    labelled = {name: config["label_column"] for name, config in tables.items() if config.get("label_column")}
    # every table that others point to by a foreign key has a label
    targets = {fk[1] for t in schema.TABLES for fk in t.foreign_keys}
    assert targets - {"actor_roles"} <= set(labelled), targets - set(labelled)
    for name, column in labelled.items():
        assert column in schema.TABLES_BY_NAME[name].columns, (name, column)
    for table in schema.TABLES:
        if table.label:
            assert labelled[table.name] == "label"
            empty, longest = conn.execute(
                f"select sum(label is null), max(length(label)) from [{table.name}]").fetchone()
            assert not empty and longest <= schema.LABEL_CHARS, table.name


@pytest.mark.parametrize("text, label", [
    ("Short enough.", "Short enough."),
    ("  several\n  lines   of   text ", "several lines of text"),
    ("The Self-Defense Forces and the United States Forces Japan will set up joint command",
     "The Self-Defense Forces and the United States Forces Japan…"),
    ("x" * 80, "x" * 59 + "…"),
    (None, None),
])
def test_short_label(text, label):
    assert schema.short_label(text) == label
    if label:
        assert len(label) <= schema.LABEL_CHARS


def test_documents_and_paragraph_search(ds):
    docs = get(ds, "/alliance/documents.json?_shape=array").json()
    assert len(docs) == 5
    hits = get(ds, "/alliance/paragraphs.json?_search=Senkaku&_shape=array").json()
    assert len(hits) >= 3 and all("Senkaku" in h["text"] for h in hits)
    hits = get(ds, "/alliance/paragraphs.json?_search=bomber&_shape=array").json()  # porter: bombers
    assert any("bombers" in h["text"] for h in hits)


SEARCH_ALL_TABLES = ("documents", "paragraphs", "footnotes", "works", "events", "recommendations", "quotations")


def test_search_all_answers_from_every_searchable_table_with_links_and_marks(ds, seeds_db):
    """/-/search is answered on the server (serve/search.py): every table with a full-text index,
    its number of matches (what FTS5 counts), its best rows as links to row pages that exist, and
    short snippets with the matched words marked."""
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    answer = get(ds, "/-/search.json?q=Senkaku").json()
    tables = {t["table"]: t for t in answer["tables"]}
    assert set(tables) == {t.name for t in schema.TABLES if t.fts}
    assert set(SEARCH_ALL_TABLES) - {"quotations"} <= {name for name, t in tables.items() if t["count"]}
    for name, t in tables.items():
        n, = conn.execute(f"select count(*) from [{name}_fts] where [{name}_fts] match 'Senkaku'").fetchone()
        assert t["count"] == n and len(t["rows"]) == min(n, 5) and t["error"] is None, name
        for row in t["rows"]:
            assert get(ds, row["href"]).status_code == 200, row
            assert "[Senkaku" in row["snippet"] and len(row["snippet"]) < 300, row
    html = get(ds, "/-/search?q=Senkaku").text
    assert html.count("<mark>Senkaku</mark>") >= 10
    assert '<a href="/alliance/places/senkaku-islands">Senkaku Islands</a>' in html
    assert 'href="/alliance/search_text?q=Senkaku"' in html  # paragraphs and notes ranked together
    # what a visitor types is never a syntax error
    for q in ('"', "NOT", "*", "a OR", "Japan's", "((", "x" * 500):
        assert get(ds, "/-/search?q=" + quote(q)).status_code == 200, q
    assert get(ds, "/-/search").status_code == 200


def search(ds, table, words):
    return get(ds, f"/alliance/{table}.json?_shape=array&_size=max&_search=" + quote(words)).json()


def test_search_all_finds_each_table_by_each_indexed_column(ds, seeds_db):
    """For every FTS column of every table search-all covers, a word taken from a row finds that
    row: the column is indexed, as schema.py declares."""
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    checked = set()
    for name in SEARCH_ALL_TABLES:
        table = schema.TABLES_BY_NAME[name]
        for column in table.fts:
            found = conn.execute(f"select id, [{column}] from [{name}] where [{column}] glob "
                                 "'*[A-Za-z][A-Za-z][A-Za-z][A-Za-z]*' order by id limit 1").fetchone()
            assert found, (name, column)
            row_id, value = found
            word = max(re.findall(r"[A-Za-z]{4,}", value), key=len)
            hits = {h["id"] for h in search(ds, name, word)}
            assert row_id in hits, (name, column, word)
            checked.add((name, column))
    assert ("documents", "text") in checked and {("works", "authors"), ("works", "publisher")} <= checked


def test_search_all_finds_senkaku_in_the_document_texts(ds, seeds_db):
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    in_text = {d for (d,) in conn.execute("select id from documents where text like '%Senkaku%'")}
    assert in_text and not any("Senkaku" in t for (t,) in conn.execute("select title from documents"))
    assert {d["id"] for d in search(ds, "documents", "Senkaku")} == in_text
    for table in ("paragraphs", "footnotes", "events"):
        assert search(ds, table, "Senkaku"), table


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
    queries = metadata()["databases"]["alliance"].get("queries", {})
    assert queries
    for name, query in queries.items():
        assert query.get("title") and query.get("description"), name
        params = query.get("example") or {}
        named = set(re.findall(r"(?<!:):([a-z_]+)", query["sql"]))
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


def query(ds, name, **params):
    resp = get(ds, f"/alliance/{name}.json?_shape=array&" + urlencode(params))
    assert resp.status_code == 200, resp.text[:300]
    return resp.json()


@pytest.mark.parametrize("name, param, others", [
    ("events_of_actor", "actor", {"from": "", "to": ""}),
    ("actor_profile", "actor", {}),
    ("co_mentions", "a", {"b": "shinjiro-koizumi"}),
])
def test_actor_queries_take_an_id_a_name_or_an_alias_in_any_case(ds, seeds_db, name, param, others):
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    aliases = [a for (a,) in conn.execute("select alias from actor_aliases where actor_id = 'pete-hegseth'")]
    by_id = query(ds, name, **{param: "pete-hegseth"}, **others)
    assert by_id
    for typed in ["Pete Hegseth", "PETE-HEGSETH", "  pete hegseth "] + aliases + [a.upper() for a in aliases]:
        assert query(ds, name, **{param: typed}, **others) == by_id, typed
    assert query(ds, name, **{param: "Hegseth Pete"}, **others) == []


def test_a_name_two_actors_share_gives_each_ones_profile_apart(ds, seeds_db):
    """"Koizumi" is the defense minister in the news and a researcher in the report's footnotes:
    the profile shows both, every row saying whose it is, one actor's rows after the other's."""
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    shared = {a for (a,) in conn.execute("select actor_id from actor_lookup where key = 'koizumi'")}
    assert shared == {"shinjiro-koizumi", "yu-koizumi"}
    rows = query(ds, "actor_profile", actor="Koizumi")
    assert {r["actor_id"] for r in rows} == shared
    owners = [r["actor_id"] for r in rows]
    assert owners == sorted(owners)
    for actor_id in shared:
        assert [r for r in rows if r["actor_id"] == actor_id] == query(ds, "actor_profile", actor=actor_id)
    mentions = {(r["actor_id"], r["start"]) for r in rows if r["kind"] == "mention"}
    assert mentions == set(conn.execute(
        "select actor_id, start from actor_mentions where actor_id in ('shinjiro-koizumi', 'yu-koizumi')"))


def test_events_of_actor_lists_each_event_once_with_places_and_publishers(ds, seeds_db):
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    everything = query(ds, "events_of_actor", actor="Hegseth", **{"from": "", "to": ""})
    ids = [e["id"] for e in everything]
    assert len(ids) == len(set(ids))
    two_roles = conn.execute("select event_id from event_actors where actor_id = 'pete-hegseth' "
                             "group by event_id having count(*) > 1").fetchall()
    assert two_roles  # the seeds have an event where he has two roles: one row, both roles
    for (event_id,) in two_roles:
        row, = [e for e in everything if e["id"] == event_id]
        assert len(row["roles"].split(", ")) > 1
    in_2025 = query(ds, "events_of_actor", actor="Hegseth", **{"from": "2025", "to": "2025"})
    assert 0 < len(in_2025) < len(everything)
    # an event known only to precede a date (no date_start) may lie in any year before it
    def may_be_in_2025(e):
        return (e["date_start"] or "")[:4] <= "2025" <= (e["date_end"] or "9999")[:4]
    assert all(may_be_in_2025(e) for e in in_2025)
    assert {e["id"] for e in everything if may_be_in_2025(e)} == {e["id"] for e in in_2025}
    assert all(e["reported_by"] for e in everything)
    assert any(e["places"] and ";" in e["places"] for e in everything)


def test_canned_query_ids_link_to_their_rows(ds):
    queries = metadata()["databases"]["alliance"]["queries"]
    html = get(ds, "/alliance/events_of_actor?actor=Hegseth&from=2025&to=2025").text
    assert re.search(r'<td class="col-id[^"]*"><a href="/alliance/events/[\w-]+">[\w-]+</a></td>', html)
    assert '<a href="/alliance/actors/pete-hegseth">Pete Hegseth</a> <em class="ar-id">pete-hegseth</em>' in html
    html = get(ds, "/alliance/everything_about?q=Senkaku").text
    kinds = set(re.findall(r'<a href="/alliance/(\w+)/[^"]+">', html))
    assert {"places", "events", "recommendations", "works"} <= kinds
    html = get(ds, "/alliance/search_paragraphs?q=Senkaku").text
    assert re.search(r'<a href="/alliance/paragraphs/[\w-]+">', html)
    # a link names a table of the schema, and a column the query returns
    for name, q in queries.items():
        for column, target in (q.get("links") or {}).items():
            assert "{" in target or target in schema.TABLES_BY_NAME, (name, target)
            params = q.get("example") or {}
            columns = get(ds, f"/alliance/{name}.json?_shape=objects&" + urlencode(params)).json()["columns"]
            assert column in columns, (name, column)


def test_the_ranked_searches_keep_their_published_shapes(ds):
    """search_paragraphs answers as it always has (paragraphs only, these columns in this order);
    search_text ranks paragraphs and footnotes together (a word of both: Senkaku)."""
    word = "Senkaku"
    para = get(ds, f"/alliance/search_paragraphs.json?_shape=objects&q={word}").json()
    assert para["columns"] == ["paragraph_id", "document", "snippet", "rank"]
    assert para["rows"] and all(r["paragraph_id"] for r in para["rows"])
    assert [r["rank"] for r in para["rows"]] == sorted(r["rank"] for r in para["rows"])
    both = get(ds, f"/alliance/search_text.json?_shape=objects&q={word}").json()
    assert both["columns"] == ["kind", "paragraph_id", "footnote_id", "document", "snippet", "rank"]
    kinds = {r["kind"] for r in both["rows"]}
    assert kinds == {"paragraph", "footnote"}
    assert all((r["paragraph_id"] is None) == (r["kind"] == "footnote") != (r["footnote_id"] is None)
               for r in both["rows"])
    assert {r["paragraph_id"] for r in both["rows"] if r["paragraph_id"]} <= {r["paragraph_id"] for r in para["rows"]}


def test_the_document_page_leaves_out_empty_headings(ds, seeds_db):
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    html = get(ds, "/alliance/documents/cipr-usjf-report-2025").text
    reader = html[html.index('<section class="ar-reader"'):]
    toc, = conn.execute("select id from sections where heading = 'Table of Contents'").fetchone()
    assert f"/alliance/sections/{toc}" not in reader
    for (section,) in conn.execute("select distinct section_id from paragraphs "
                                   "where document_id = 'cipr-usjf-report-2025'"):
        level, = conn.execute("select level from sections where id = ?", [section]).fetchone()
        assert level == 0 or f"/alliance/sections/{section}" in reader, section


def test_long_query_results_come_a_hundred_rows_a_page(seeds_db, tmp_path):
    """Every canned query that lists rows takes :page; on a database with 250 events the
    timeline's pages hold 100, 100 and 50 rows, in order, each event once, and an empty or
    nonsense page is page 1."""
    import shutil
    import sqlite3

    queries = metadata()["databases"]["alliance"]["queries"]
    paged = {name for name, q in queries.items() if ":page" in q["sql"]}
    assert {"timeline", "events_of_actor", "multi_source_events", "co_mentions", "actor_quoted"} <= paged
    for name in paged:
        assert re.search(r"limit 100 offset 100 \* \(max\(cast\(:page as integer\), 1\) - 1\)\s*$",
                         queries[name]["sql"]), name

    db = tmp_path / "alliance.db"  # the database name in URLs is the file stem
    shutil.copy(seeds_db, db)
    conn = sqlite3.connect(db)
    columns = [row[1] for row in conn.execute("pragma table_info(events)")]
    n, = conn.execute("select count(*) from events").fetchone()
    copies = -(-250 // n)
    for k in range(1, copies):
        picked = ", ".join(f"id || '-copy{k}'" if c == "id" else f'"{c}"' for c in columns)
        conn.execute(f"insert into events select {picked} from events where id not like '%-copy%'")
    conn.execute("delete from events where rowid > 250")
    conn.commit()
    conn.close()
    many = Datasette(immutables=[str(db)], metadata=metadata(), settings=settings())
    pages = [get(many, f"/alliance/timeline.json?_shape=array&from=&to=&page={p}").json() for p in (1, 2, 3, 4)]
    assert all(isinstance(p, list) for p in pages), pages[0]
    assert [len(p) for p in pages] == [100, 100, 50, 0]
    ids = [row["id"] for page in pages for row in page]
    assert len(set(ids)) == 250
    everything = sqlite3.connect(db).execute(
        "select id from events order by coalesce(date_start, date_end), id").fetchall()
    assert ids == [row[0] for row in everything]
    for blank in ("", "0", "x"):
        assert get(many, f"/alliance/timeline.json?_shape=array&from=&to=&page={blank}").json() == pages[0]


def test_queries_forgive_what_a_visitor_types(ds):
    """Names and aliases for actors, any case for themes and units, and no error page for an
    empty or odd search."""
    by_id = query(ds, "recommendations_by_author_and_theme", author="yoichiro-sato", theme="", page="")
    assert by_id and query(ds, "recommendations_by_author_and_theme", author=" Yoichiro Sato ", theme="",
                           page="") == by_id
    themed = query(ds, "recommendations_by_author_and_theme", author="", theme="gray-zone-response", page="")
    assert themed and all(r["theme"] == "gray-zone-response" for r in themed)
    for typed in ("Gray Zone Response", "GRAY-ZONE-RESPONSE", "gray zone response"):
        assert query(ds, "recommendations_by_author_and_theme", author="", theme=typed, page="") == themed
    china = query(ds, "quantities_by_unit_and_subject", unit="", subject="china")
    assert china and query(ds, "quantities_by_unit_and_subject", unit="", subject="China") == china
    yen = query(ds, "quantities_by_unit_and_subject", unit="JPY", subject="")
    assert yen and query(ds, "quantities_by_unit_and_subject", unit="jpy", subject="") == yen
    assert query(ds, "everything_about", q="") == [] and query(ds, "everything_about", q="  ") == []
    for q in ("", '"', "Japan's", "OR"):
        resp = get(ds, "/alliance/footnotes_behind_paragraphs.json?_shape=array&page=&" + urlencode({"q": q}))
        assert resp.status_code == 200, (q, resp.text[:200])


def test_the_events_table_opens_in_date_order_with_events_known_by_a_bound_among_them(ds, seeds_db):
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    rows = get(ds, "/alliance/events.json?_shape=array&_size=max").json()
    assert [r["sort_date"] for r in rows] == sorted(r["sort_date"] for r in rows)
    assert all(r["sort_date"] == (r["date_start"] or r["date_end"]) for r in rows)
    bound = conn.execute("select count(*) from events where date_start is null").fetchone()[0]
    assert bound and rows[0]["date_start"] is not None  # the oldest event, not an undated one


def test_a_documents_page_counts_its_problems(seeds_db, tmp_path):
    """What the build did differently with a document (a ``problems`` row: a paragraph too long
    for the sentence splitter) is listed on the document's page with what was extracted from it."""
    db = tmp_path / "alliance.db"
    shutil.copy(seeds_db, db)
    conn = sqlite3.connect(db)
    doc, para = conn.execute("select document_id, id from paragraphs order by id limit 1").fetchone()
    conn.execute("insert into problems (id, document_id, paragraph_id, stage, problem) values (?, ?, ?, ?, ?)",
                 [f"{para}-problem", doc, para, "segment", "a paragraph split by the linear rule"])
    conn.commit()
    conn.close()
    site = Datasette(immutables=[str(db)], metadata=metadata(), settings=settings())
    page = get(site, f"/alliance/documents/{doc}").text
    assert re.search(r'<a href="/alliance/problems\?document_id=[^"]*">1 problems</a>', page), page[-3000:]


def test_a_documents_page_counts_a_date_range_once(ds, seeds_db):
    """The document page's count of date mentions counts expressions: the rows of a range's ends
    (``range_id`` set) are not counted again, and the link opens the rows counted."""
    conn = sqlite3.connect(seeds_db)
    docs = conn.execute("select document_id, sum(range_id is null), count(*) from date_mentions "
                        "group by document_id having count(*) > sum(range_id is null)").fetchall()
    assert docs  # the seeds have ranges
    for doc, expressions, rows in docs:
        page = get(ds, f"/alliance/documents/{doc}").text
        found = re.search(r'<a href="(/alliance/date_mentions\?[^"]*)">([\d,]+) date mentions</a>', page)
        assert found and int(found.group(2).replace(",", "")) == expressions != rows, found
        listed = get(ds, found.group(1).replace("&amp;", "&").replace("date_mentions?", "date_mentions.json?")
                     + "&_shape=array&_size=max").json()
        assert len(listed) == expressions
