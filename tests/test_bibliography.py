"""Merging citations into works, linking authors to actors, and the merged seeds bibliography."""

import itertools
import json
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner

from alliance_record import bibliography as B
from alliance_record import citations as C
from alliance_record import pipeline
from alliance_record.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
REPORT = "cipr-usjf-report-2025"


def rec(text):
    return C.parse_citation(text)


# --- matching rules --------------------------------------------------------------------------------

def test_same_doi_or_url():
    a = rec("Ana Lee. Tides. Journal of Seas (2019). https://doi.org/10.1000/tides")
    b = rec("Lee, A. (2019). Tides of the sea. doi:10.1000/TIDES")
    assert B.same_work(a, b)
    c = rec("Ana Lee. Tides. Journal of Seas (2019). doi:10.1000/other")
    assert not B.same_work(a, c)  # different DOIs are never one work, whatever the title
    u1 = rec("“Holding the Line,” AMTI, accessed July 1, 2025, <https://amti.csis.org/holding-the-line/>.")
    u2 = rec("\"Holding the line.\" http://www.amti.csis.org/holding-the-line#:~:text=China")
    assert B.same_work(u1, u2)
    assert B.url_key("https://www.Example.org/a/") == B.url_key("http://example.org/a#frag")


def test_same_title_needs_matching_author_and_year():
    f9 = rec("Ministry of Defense (Japan). Development of Legislation’s Enforcement. In: Defense of Japan 2019.")
    f23 = rec("Ministry of Defense (Japan). Development of Legislation's Enforcement. In: Defense of Japan 2019.")
    assert B.same_work(f9, f23)  # curly and straight apostrophes fold
    a = rec("Japan Ministry of Defense, “National Defense Strategy,” (Tokyo: Japan 16 December 2022).")
    b = C.parse_reference("Japan Ministry of Defense. \"National Defense Strategy.\" Tokyo: Japan, 16 December 2022.")
    assert B.same_work(a, b)
    other_year = rec("Japan Ministry of Defense, “National Defense Strategy,” (Tokyo: Japan 2018).")
    other_author = rec("Government of Japan, “National Defense Strategy,” (Tokyo: Japan 16 December 2022).")
    assert not B.same_work(a, other_year) and not B.same_work(a, other_author)
    nss = rec("Japan Ministry of Defense, “National Security Strategy,” (Tokyo: Japan 16 December 2022).")
    assert not B.same_work(a, nss)
    initials = C.parse_reference("Lee, A. \"Ports and Power.\" Harbor Press, 2021.")
    assert B.same_work(rec("Ana Lee, Ports and Power. Harbor Press, 2021."), initials)
    assert not B.same_work(rec("Bo Lee, Ports and Power. Harbor Press, 2021."), initials)
    # No author on either side: the outlet must agree too.
    d1 = rec("“China Sets Record,” The Diplomat, accessed July 1, 2025.")
    d2 = rec("“China Sets Record,” The Guardian, accessed July 1, 2025.")
    assert not B.same_work(d1, d2)


def test_romanised_spellings_merge_only_under_the_guard():
    fn = rec("Ryo Hinata-Yamaguchi, “choshentoto taiwankaikyodeno “fukugouteki yuuji”no risuku (Risks "
             "for a “Composite Contingency” on the Korean Peninsula),” *Gekkan Toa* (January 2025).")
    ref = C.parse_reference("Hinata-Yamaguchi, Ryo. \"chosenhantoto taiwankaikyodeno \"fukugoteki yuji\"no "
                            "risuku (Risks for a \"Composite Contingency\" on the Korean Peninsula).\" "
                            "*Gekkan Toa* (January 2025).")
    assert B.same_work(fn, ref)
    assert B.titles_close("choshentoto taiwan risuku korea", "chosenhantoto taiwan risuku korea")
    assert not B.titles_close("national defense strategy", "national security strategy")  # too short
    assert not B.titles_close("the war in asia and europe now", "the war in africa and europe now")
    for change in ({"issued": "2024-01"}, {"authors": [{"family": "Koizumi", "given": "Yu"}]},
                   {"container_title": "Other Monthly"}):
        assert not B.same_work(fn, dict(ref, **change)), change
    assert B.romanised("fukugouteki yuuji") == B.romanised("fukugoteki yuji")


@pytest.mark.parametrize("a, b", [
    ("japan defense policy and the alliance part i", "japan defense policy and the alliance part ii"),
    ("the alliance after the 2023 summit in tokyo", "the alliance after the 2024 summit in tokyo"),
    ("defense budget request overview fy2024", "defense budget request overview fy2025"),
    ("the first island chain and japan", "the fifth island chain and japan"),
    ("japan and the second nuclear age", "japan and the third nuclear age"),
])
def test_numbers_never_differ_in_a_close_title(a, b):
    assert not B.titles_close(a, b)
    ra = rec(f"Ana Lee, “{a.title()},” Sea Review, May 2021.")
    rb = rec(f"Ana Lee, “{b.title()},” Sea Review, May 2021.")
    assert not B.same_work(ra, rb) and len({w["id"] for w in B.build(
        [cite("a", ra), cite("b", rb)], [], [])["works"]}) == 2


def test_a_romanisation_variant_still_merges_with_numbers_equal():
    assert B.titles_close("choshentoto taiwan no risuku 2025", "chosenhantoto taiwan no risuku 2025")
    assert B.titles_close("boei hakusho part ii no gaiyou", "boei hakusho part ii no gaiyo")


def cite(cid, record, footnote="d-fn01"):
    return {"id": cid, "document_id": "d", "footnote_id": footnote, "position": 1, "text": "x",
            "start": 0, "end": 1, "spans": None, "repeats": None, "record": record}


def test_work_ids_are_readable_and_disambiguated():
    entries = [
        {"id": "a", "document_id": "d", "footnote_id": "d-fn01", "position": 1, "text": "x", "start": 0,
         "end": 1, "spans": None, "repeats": None,
         "record": rec("Ana Lee, Ports and Power. Harbor Press, May 2, 2021.")},
        {"id": "b", "document_id": "d", "footnote_id": "d-fn02", "position": 1, "text": "x", "start": 0,
         "end": 1, "spans": None, "repeats": None,
         "record": rec("Bo Lee, Ports and Power. Other Press, 2021.")},
    ]
    rows = B.build(entries, [], [])  # same title and year, another Lee: two works
    assert [w["id"] for w in rows["works"]] == ["lee-2021-ports-power", "lee-2021-ports-power-2"]
    assert json.loads(rows["works"][0]["csl_json"])["id"] == "lee-2021-ports-power"


# --- authors and actors --------------------------------------------------------------------------------

REGISTRY = [
    {"id": "shinjiro-koizumi", "name": "Shinjiro Koizumi", "type": "person", "aliases": ["Koizumi", "Mr. Koizumi"]},
    {"id": "yu-koizumi", "name": "Yu Koizumi", "type": "person", "aliases": ["Koizumi", "Koizumi, Yu"]},
    {"id": "yoichiro-sato", "name": "Yoichiro Sato", "type": "person", "aliases": ["Sato"]},
    {"id": "keiko-hirata", "name": "Keiko Hirata", "type": "person", "aliases": []},
    {"id": "kenji-hirata", "name": "Kenji Hirata", "type": "person", "aliases": []},
    {"id": "sheila-a-smith", "name": "Sheila A. Smith", "type": "person", "aliases": []},
    {"id": "japan-mod", "name": "Japan Ministry of Defense", "type": "government-body",
     "aliases": ["Ministry of Defense (Japan)"]},
    {"id": "koizumi-institute", "name": "Koizumi", "type": "organization", "aliases": []},
]


def test_authors_link_to_the_same_person_only():
    link = lambda **a: B.link_author(a, REGISTRY)  # noqa: E731
    assert link(family="Koizumi", given="Yu") == "yu-koizumi"
    assert link(family="Koizumi", given="Shinjiro") == "shinjiro-koizumi"
    assert link(family="Koizumi", given="Junichiro") is None  # same surname, another person
    assert link(family="Koizumi") is None  # a bare surname never links
    assert link(family="Sato", given="Y.") == "yoichiro-sato"  # initials, one person fits
    assert link(family="Hirata", given="K.") is None  # Keiko or Kenji: ambiguous
    assert link(family="Hirata", given="Keiko") == "keiko-hirata"
    assert link(family="Smith", given="Sheila") == "sheila-a-smith"  # middle initial missing
    assert link(family="Smith", given="Sheila B.") is None
    assert link(literal="Ministry of Defense (Japan)") == "japan-mod"
    assert link(literal="Ministry of Defence") is None
    assert B.link_name("Koizumi", REGISTRY) == "koizumi-institute"  # institutions: exact names only


# --- the seeds ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def db(seeds_db):
    return sqlite_utils.Database(seeds_db)


def gold_groups():
    """Every citation and reference of the gold, as item -> group id (same group = same work)."""
    notes = yaml.safe_load((FIXTURES / "footnotes_gold.yml").read_text())
    refs = yaml.safe_load((FIXTURES / "references_gold.yml").read_text())
    group = {}
    for fn in notes["footnotes"]:
        for k, _ in enumerate(fn["citations"], start=1):
            group[("fn", fn["number"], k)] = ("fn", fn["number"], k)
    for same in notes["same_work"]:
        for number, k in same:
            group[("fn", number, k)] = ("fn", *same[0])
    for r in refs["references"]:
        (number, k), = r["same_as_citations"]
        group[("ref", r["ordinal"])] = group[("fn", number, k)]
    return group


def test_merged_bibliography_matches_the_gold(db):
    works_of = {}
    for row in db["citations"].rows_where("document_id = ?", [REPORT]):
        number, k = int(row["footnote_id"].rsplit("fn", 1)[1]), row["position"]
        works_of[("fn", number, k)] = row["work_id"]
    for row in db["bibliography_entries"].rows_where("document_id = ?", [REPORT]):
        works_of[("ref", row["ordinal"])] = row["work_id"]
    gold = gold_groups()
    assert set(works_of) == set(gold)
    duplicates, false_merges = [], []
    for a, b in itertools.combinations(sorted(gold), 2):
        if gold[a] == gold[b] and works_of[a] != works_of[b]:
            duplicates.append((a, b))
        if gold[a] != gold[b] and works_of[a] == works_of[b]:
            false_merges.append((a, b))
    assert not duplicates and not false_merges
    assert db["works"].count == len(set(gold.values())) == 44
    merged = db.execute("""select w.id, count(*) from works w join citations c on c.work_id = w.id
                           group by w.id having count(*) > 1""").fetchall()
    assert merged == [("ministry-defense-nd-development-legislation-peace", 2)]
    assert db["works"].count_where("in_bibliography = 1") == 12


def test_merged_works_keep_the_parsed_fields(db):
    w = db["works"].get("hinata-yamaguchi-2025-choshentoto-taiwankaikyodeno-fukugouteki")
    assert (w["type"], w["container_title"], w["issued"]) == ("article-magazine", "Gekkan Toa", "2025-01")
    dow = db["works"].get("japan-ministry-defense-2025-defense-japan-2025")
    assert dow["type"] == "book"  # the series is cited as the book of a chapter elsewhere
    csl = json.loads(db["works"].get("sato-2008-three-norms-collective")["csl_json"])
    assert csl["DOI"] == "10.1057/9780230615809_5" and csl["type"] == "chapter"
    assert [e["family"] for e in csl["editor"]] == ["Sato", "Hirata"]


def test_every_work_has_the_year_it_can_be_sorted_by(db):
    """Footnote 9 cites a chapter of "Defense of Japan 2019" with no date: issued stays NULL
    (nothing is dated from a name), and the work's year is the edition's, said to come from the
    container; a dated work's year is its issued year."""
    w = db["works"].get("ministry-defense-nd-development-legislation-peace")
    assert (w["issued"], w["container_title"], w["year"], w["year_source"]) == \
        (None, "Defense of Japan 2019", 2019, "container_title")
    rows = db.execute("select issued, year, year_source from works").fetchall()
    assert all(year == int(issued[:4]) and source == "issued" for issued, year, source in rows if issued)
    assert B.work_year({"issued": None, "container_title": "Asia Policy"}) == (None, None)


def test_seed_authors_link_to_actors(db):
    links = {(r["name"], r["role"]): r["actor_id"] for r in db["work_authors"].rows}
    assert links[("Yu Koizumi", "author")] == "yu-koizumi"
    assert links[("Y. Sato", "editor")] == "yoichiro-sato"
    assert links[("Ryo Hinata-Yamaguchi", "author")] == "ryo-hinata-yamaguchi"
    assert links[("Ministry of Defense (Japan)", "author")] == "japan-ministry-of-defense"
    assert "shinjiro-koizumi" not in links.values()
    # Every author linked to a person actor bears that person's family name.
    bad = db.execute("""select wa.name, a.name from work_authors wa join actors a on a.id = wa.actor_id
                        where a.type = 'person' and a.name not like '%' || wa.family""").fetchall()
    assert bad == []


def test_a_merged_work_is_its_first_citation(db):
    """The representative rule: every field of a merged work is its first citation's, in
    document order (footnote 9's curly apostrophe, not footnote 23's straight one)."""
    w = db["works"].get("ministry-defense-nd-development-legislation-peace")
    assert "Legislation’s Enforcement" in w["title"]
    firsts = db.execute("""select c.work_id, c.text from citations c
                           join footnotes f on f.id = c.footnote_id
                           where c.repeats_citation_id is null
                           order by f.document_id, f.number, c.position""").fetchall()
    seen = {}
    for work_id, text in firsts:
        seen.setdefault(work_id, text)
    for work_id, text in seen.items():
        title = db["works"].get(work_id)["title"]
        assert title is None or title in text, (work_id, title)


def test_outlets_merge_the_spellings_the_registry_links(db):
    outlets = dict(db.execute("select id, outlet_id from works").fetchall())
    assert outlets["choong-2023-will-japan-intervene"] == outlets["japan-times-nd-restart-senkaku-firing"] == "japan-times"
    assert outlets["rand-nd-new-framework-understanding"] == outlets["lostumbo-2013-us-overseas-military"] == "rand-corporation"
    # Grouped by the strings as written (container, else publisher, else domain, else authors),
    # the U.S. DoD and Japan's MoD split into several outlets; by outlet_id they are one each.
    as_written = "coalesce(container_title, publisher, domain, authors)"
    for actor, ways in (("us-department-of-defense", 2), ("japan-ministry-of-defense", 2)):
        outlet, strings = db.execute(f"""select count(distinct outlet), count(distinct {as_written})
                                         from works where outlet_id = ?""", [actor]).fetchone()
        assert outlet == 1 and strings >= ways, (actor, strings)
    # Every outlet_id is the container's, else the publisher's, else an institutional author's actor,
    # or the body that actor is published by (actors.publisher_id), or the body a series is named for.
    bad = db.execute("""select w.id from (select w.*, coalesce(w.container_actor_id, w.publisher_actor_id,
                          (select wa.actor_id from work_authors wa where wa.work_id = w.id and wa.role = 'author'
                           and wa.literal is not null order by wa.position limit 1)) as linked from works w) w
                          left join actors a on a.id = w.linked
                         where w.outlet_id is not coalesce(a.publisher_id, w.linked)
                           and not (w.linked is null and w.outlet_id in (select id from actors
                                    where coalesce(w.container_title, w.publisher) like name || ' %'))""").fetchall()
    assert bad == []
    # The white paper counts for the ministry that issues it; "Atlantic Council Report" is the Council's.
    assert db.execute("""select count(*) from works where container_title like 'Defense of Japan%'
                         and outlet_id = 'japan-ministry-of-defense'""").fetchone()[0] >= 1
    assert db.execute("""select outlet_id from works where container_title = 'Atlantic Council Report'""").fetchall() \
        == [("atlantic-council",)]
    named = db.execute("""select count(*) from works w join actors a on a.id = w.outlet_id
                          where w.outlet != a.name""").fetchone()[0]
    assert named == 0


def test_outlets_without_an_actor_share_one_spelling():
    rows = B.build([cite("a", rec("Ana Lee, “Tides,” The Sea Times, May 2, 2021.")),
                    cite("b", rec("Bo Ito, “Waves,” Sea Times, May 3, 2021.")),
                    cite("c", rec("Cy Oh, “Ports,” Sea Times, May 4, 2021.")),
                    cite("d", rec("Di Wu, “Reefs,” The Reef Post, May 5, 2021.")),
                    cite("e", rec("Ed Yu, “Shoals,” Reef Post, May 6, 2021."))], [], [])
    assert [w["outlet"] for w in rows["works"]] == ["Sea Times"] * 3 + ["The Reef Post"] * 2  # most, then first
    assert all(w["outlet_id"] is None for w in rows["works"])


def test_outlets_roll_up_to_the_body_that_publishes_them():
    actors = [{"id": "navy-ministry", "name": "Navy Ministry", "type": "government-body"},
              {"id": "sea-review", "name": "Sea Review", "type": "media", "publisher": "navy-ministry"},
              {"id": "reef-institute", "name": "Reef Institute", "type": "organization"}]
    rows = B.build([cite("a", rec("Ana Lee, “Tides,” Sea Review, May 2, 2021.")),
                    cite("b", rec("Bo Ito, “Waves,” Reef Institute Policy Brief 12, May 3, 2021.")),
                    cite("c", rec("Cy Oh, “Ports,” Harbour Report, May 4, 2021."))], [], actors)
    assert [(w["outlet_id"], w["outlet"]) for w in rows["works"]] == [
        ("navy-ministry", "Navy Ministry"),        # a publication counts for its publisher
        ("reef-institute", "Reef Institute"),      # a series named for a registered body
        (None, "Harbour Report")]                  # no such body: the outlet as written


def test_a_series_counts_for_the_body_it_is_named_for_only_when_that_body_publishes():
    actors = [{"id": "atlantic-council", "name": "Atlantic Council", "type": "organization"},
              {"id": "sea-news", "name": "Sea News", "type": "media"},
              {"id": "china", "name": "China", "type": "state"},
              {"id": "japan-government", "name": "Japanese Government", "type": "government"},
              {"id": "quad", "name": "Quad", "type": "grouping"},
              {"id": "kim", "name": "Kim Lee", "type": "person"}]
    index = B.ActorIndex(actors)
    assert B.outlet_actor("Atlantic Council Report", index) == "atlantic-council"
    assert B.outlet_actor("Atlantic Council Issue Brief No. 7", index) == "atlantic-council"
    assert B.outlet_actor("Sea News Backgrounder", index) == "sea-news"
    for title in ("China Brief", "China Report 12", "Japanese Government White Paper", "Quad Brief",
                  "Kim Lee Memo"):
        assert B.outlet_actor(title, index) is None, title
    assert B.outlet_actor("China", index) == "china"  # the outlet of that very name is still that actor
    rows = B.build([cite("a", rec("Ana Lee, “Tides,” China Brief, May 2, 2021."))], [], actors)
    assert [(w["outlet_id"], w["outlet"]) for w in rows["works"]] == [(None, "China Brief")]


def test_canned_query_and_dashboard_chart_agree(db):
    """citations_by_outlet and the dashboard's outlets chart count the same outlets."""
    meta = yaml.safe_load((Path(__file__).parent.parent / "metadata.yml").read_text())
    query = meta["databases"]["alliance"]["queries"]["citations_by_outlet"]["sql"]
    chart = meta["plugins"]["datasette-dashboards"]["overview"]["charts"]["outlets"]["query"]
    canned = [(r[0], r[3]) for r in db.execute(query).fetchall()]
    charted = [tuple(r) for r in db.execute(chart).fetchall()]
    assert charted == [row for row in canned if row[0] != "(not stated)"][:len(charted)] and len(charted) >= 10
    top = dict(canned)
    assert top["The Japan Times"] == 2 and top["RAND Corporation"] == 3
    assert not {"Japan Times", "Rand", "RAND", "Ministry of Defense (Japan)"} & set(top)


def test_two_builds_give_identical_work_ids(seeds_db, tmp_path):
    again = tmp_path / "again.db"
    pipeline.build(Path(__file__).parent.parent / "seeds", again)
    ids = lambda path: [r["id"] for r in sqlite_utils.Database(path)["works"].rows_where(order_by="id")]  # noqa: E731
    assert ids(seeds_db) == ids(again)


def test_export_csl(seeds_db, tmp_path):
    out = tmp_path / "works.json"
    result = CliRunner().invoke(cli, ["export", "csl", "--db", str(seeds_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    items = json.loads(out.read_text())
    assert len(items) == 44 and len({i["id"] for i in items}) == 44
    assert all(i["type"] and i["id"] for i in items)
    missing = CliRunner().invoke(cli, ["export", "csl", "--db", str(tmp_path / "none.db"), "--out", str(out)])
    assert missing.exit_code == 1 and "build" in missing.output


def test_titles_close_enough_to_merge_always_share_a_blocking_key():
    """The romanised-title rule only compares records that share a key: for titles of 4 to 120
    words with up to one word in ten respelled, whenever same_work would accept the pair, the
    keys meet (and they rarely meet for unrelated titles of one author and year)."""
    import random

    rng = random.Random(7)
    vocab = ["alliance", "ryukyu", "shoto", "chosen", "hanto", "defense", "japan", "okinawa", "kyoto",
             "security", "maritime", "strategy", "tokyo", "koizumi", "review", "policy", "taiwan"]
    accepted = 0
    for _ in range(400):
        n = rng.choice([4, 5, 9, 10, 11, 19, 20, 21, 35, 99, 100, 120])
        words = [rng.choice(vocab) for _ in range(n)]
        changed = list(words)
        for i in rng.sample(range(n), rng.randint(1, max(1, n // 10))):
            w = changed[i]
            changed[i] = w[0] + w[1:].replace("o", "ou", 1) if "o" in w[1:] else w + "h"
        a = {"title": " ".join(words), "authors": [{"family": "Sato", "given": "Y."}], "issued": "2020"}
        b = {**a, "title": " ".join(changed)}
        if B.same_work(a, b):
            accepted += 1
            assert B.blocking_keys(a) & B.blocking_keys(b), (a["title"], b["title"])
    assert accepted > 100
    other = {"title": "a study of something else entirely here", "authors": [{"family": "Sato", "given": "Y."}],
             "issued": "2020"}
    first = {**other, "title": "alliance politics in the pacific region today"}
    assert not B.blocking_keys(first) & B.blocking_keys(other)


@pytest.mark.parametrize("a, b", [("ryukyu", "ryuukyuu"), ("chosen", "chousen"), ("kitten", "sitting"),
                                  ("abc", "cba"), ("", "abc"), ("shoto", "shotou"), ("aaaa", "bbbb")])
def test_letters_apart_never_exceeds_the_edit_distance(a, b):
    assert B.letters_apart(a, b) <= B.edit_distance(a, b)
