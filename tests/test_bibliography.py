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


def test_work_ids_are_readable_and_disambiguated():
    entries = [
        {"id": "a", "document_id": "d", "footnote_id": "d-fn01", "position": 1, "text": "x", "start": 0,
         "end": 1, "spans": None, "ibid_of": None,
         "record": rec("Ana Lee, Ports and Power. Harbor Press, May 2, 2021.")},
        {"id": "b", "document_id": "d", "footnote_id": "d-fn02", "position": 1, "text": "x", "start": 0,
         "end": 1, "spans": None, "ibid_of": None,
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
