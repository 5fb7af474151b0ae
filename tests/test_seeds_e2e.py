"""End to end on the real seeds: what the foundation promises about the built database."""

import json

import pytest
import sqlite_utils

from alliance_record import pipeline, segment

FURNITURE = ["Click here", "newsletter", "Related Articles", "Leave a comment", "Copyright",
             "Back to Top", "minute read", "No Comments on", "comment policy", "Subscribe",
             "OPINION:", "Enter your email", "Table of Contents", "PROJECT SUMMARY"]

# Each pair is the end of a page and the start of the next: the paragraph must contain both, joined.
PAGE_SPLITS = [
    "energy supplies and trade through the Persian Gulf",
    "Abe’s attempt to explicitly permit interceptions",
    "security operations in the South Pacific, as seen during",
    "as the U.S. ability to strike from afar improves,¹⁹ vulnerability",
    "maintaining the Rule-Based International Order",
    "China's militarization of Woody Island",
    "Australia, India, and the ROK.²⁷ Strong",
    "But it is also concerning for the U.S.",
    "the Chinese people “cannot lose even one inch",
    "its Joint Force Headquarters is still intact",
    "and Defense Buildup Program (DBP)",
    "would inevitably cause disruptions",
    "preemptive and preventative strikes",
    "transactional attitudes toward regional partners",
    "to facilitate smoother combined",
]


@pytest.fixture(scope="module")
def db(seeds_db):
    return sqlite_utils.Database(seeds_db)


def test_five_documents_with_catalog_metadata(db):
    rows = {r["id"]: r for r in db["documents"].rows}
    assert len(rows) == 5
    for r in rows.values():
        assert r["title"] and r["publisher"] and r["published_basis"] and r["language"] == "en"
        assert r["published"][:4] in ("2025", "2026")
        assert r["word_count"] > 300
    assert rows["cipr-usjf-report-2025"]["kind"] == "report"


def test_no_paragraph_contains_furniture_or_footnotes(db, seeds_db):
    paragraphs = [r["text"] for r in db["paragraphs"].rows]
    for text in paragraphs:
        for bad in FURNITURE:
            assert bad.lower() not in text.lower(), (bad, text[:80])
        assert not segment.FOOTNOTE_START.match(text)
    for row in db["paragraphs"].rows_where("kind = 'body'"):
        assert "http" not in row["text"]  # only reference-list entries carry URLs
    inputs = pipeline.read_inputs("seeds")
    report = next(d for d in inputs.documents if d.id == "cipr-usjf-report-2025")
    notes = segment.segment(report).notes
    assert [n.number for n in notes] == list(range(1, 44))
    for note in notes:
        body = note.body.text(report.text)
        for text in paragraphs:
            assert body[:40] not in text


@pytest.mark.parametrize("joint", PAGE_SPLITS)
def test_page_split_paragraphs_are_whole(db, joint):
    hits = [r for r in db["paragraphs"].rows_where("text like ?", [f"%{joint}%"])]
    assert len(hits) == 1, joint
    assert hits[0]["spans"] is not None
    assert len(json.loads(hits[0]["spans"])) >= 2


def test_every_quoting_row_reproduces_its_text_in_sql(db):
    for table in ("paragraphs", "sentences", "boilerplate", "figures"):
        bad = db.execute(f"""
            select count(*) from [{table}] t join documents d on d.id = t.document_id
            where {'t.spans is null and ' if table in ('paragraphs', 'sentences') else ''}
                  substr(d.text, t.start + 1, t.end - t.start) != t.text""").fetchone()[0]
        assert bad == 0, table
        total = db.execute(f"select count(*) from [{table}]").fetchone()[0]
        assert total > 0


def test_report_chapters_have_authors(db):
    chapters = {r["heading"]: r for r in db["sections"].rows_where("level = 1 and author is not null")}
    authors = sorted(r["author"] for r in chapters.values())
    assert authors == ["Colonel (Retired) Jeffry A. Hollman", "Ryo Hinata-Yamaguchi", "Yoichiro Sato"]
    headings = [r["heading"] for r in db["sections"].rows_where("document_id = 'iria-joint-command' and level = 1")]
    assert headings == ["Shared warrior ethos", "Enhancing industrial cooperation",
                        "Strategic reassurances and regional dynamics", "Hegseth joins Iwo Jima service",
                        "Controversy and calls for accountability"]


def test_figures_are_not_body_text(db):
    figs = list(db["figures"].rows)
    credits = {f["credit"] for f in figs}
    assert {"Courtesy of the Defense Ministry", "The Yomiuri Shimbun", "Stanislav Kogiku/Reuters",
            "U.S. DoD/Air Force Senior Airman Madelyn Keech", "Ministry of Defense, Japan"} <= credits
    assert sorted(f["label"] for f in figs if f["label"]) == ["Figure 1", "Figure 2", "Figure 3"]
    for f in figs:
        if f["caption"]:
            assert not list(db["paragraphs"].rows_where("text like ?", [f"%{f['caption'][:50]}%"]))


def test_web_furniture_is_recorded_with_its_rule(db):
    rules = {r["rule"] for r in db["boilerplate"].rows}
    assert {"newsletter-prompt", "kicker", "comment-policy", "duplicate-title", "breadcrumb",
            "reading-time", "related-articles", "leave-a-comment", "copyright", "back-to-top",
            "subscription-prompt", "cover-page", "table-of-contents"} <= rules


def test_sentences_split_after_footnote_markers(db):
    row = next(db["sentences"].rows_where("text like ?", ["%carefully dodged by Kishida.¹⁰"]))
    assert row["text"].startswith("Japan may aid U.S. forces")


def test_recommendation_finder_and_curation_do_not_drift(db):
    # every candidate is curated or rejected with a reason ...
    uncurated = list(db["recommendation_candidates"].rows_where("status = 'uncurated'"))
    assert not uncurated, [r["sentence"][:80] for r in uncurated]
    unexplained = list(db["recommendation_candidates"].rows_where(
        "status = 'rejected' and coalesce(rejection_reason, '') = ''"))
    assert not unexplained, [r["sentence"][:80] for r in unexplained]
    # ... and every curated recommendation is flagged by the finder, or says why it cannot be
    missed = list(db["recommendations"].rows_where("candidate_id is null and coalesce(finder_miss, '') = ''"))
    assert not missed, [r["id"] for r in missed]
    for r in db["recommendations"].rows_where("candidate_id is not null"):
        c = db["recommendation_candidates"].get(r["candidate_id"])
        assert c["document_id"] == r["document_id"] and c["start"] < r["end"] and r["start"] < c["end"], r["id"]
    assert db["recommendations"].count >= 20
    report = {r["author_id"] for r in db["recommendations"].rows_where("document_id = 'cipr-usjf-report-2025'")}
    assert report == {"yoichiro-sato", "jeffry-a-hollman", "ryo-hinata-yamaguchi"}


def test_key_quotations_are_attributed(db):
    speakers = {r["quote"][:30]: r["speaker_id"] for r in db["quotations"].rows}
    assert speakers["There is no physical distance "] == "japan-mod-senior-official"
    assert speakers["Granting the USFJ certain oper"] == "japan-mod-senior-official"
    assert speakers["We share a warrior ethos that "] == "pete-hegseth"
    assert speakers["Deterring a conflict over Taiw"] == "us-national-security-strategy-2025"
    assert speakers["cannot lose even one inch of t"] == "xi-jinping"
    assert speakers["America First"] == "donald-trump" and speakers["pivot to Asia"] == "barack-obama"


def test_quotations_of_several_speakers_and_nothing_dropped_silently(db):
    together = {}
    for r in db["quotation_speakers"].rows_where(order_by="quotation_id, position"):
        quote = db["quotations"].get(r["quotation_id"])["quote"]
        together.setdefault(quote[:30], []).append(r["actor_id"])
    assert together["serious concern over any actio"] == ["shinjiro-koizumi", "pete-hegseth"]
    assert together["Chinese military aggression."] == ["pete-hegseth", "gen-nakatani"]
    assert together["greatest strategic challenge."] == ["japan", "united-states"]
    assert together["stand-off defense capabilities"] == [
        "japan-national-security-strategy-2022", "japan-national-defense-strategy-2022",
        "japan-defense-buildup-program-2022"]
    for q in db["quotations"].rows:
        ids = json.loads(q["speaker_ids"])
        assert ids == together.get(q["quote"][:30], [])
        assert q["speaker_id"] == (ids[0] if len(ids) == 1 else None)
    spans = list(db["quotation_candidates"].rows)
    assert {r["quotation_id"] for r in spans if r["status"] == "quotation"} == {q["id"] for q in db["quotations"].rows}
    dropped = {r["quote"]: r["status"] for r in spans if r["status"] != "quotation"}
    assert {"core", "nudged", "kill web.", "quasi-ally,"} <= set(dropped)
    assert all(r["reason"] for r in spans if r["status"] != "quotation")


def test_the_numbers_the_issue_names_are_found(db):
    quotes = {r["quote"] for r in db["quantities"].rows}
    for q in ["¥8.7 trillion", "1.785 trillion yuan", "7.2%", "2% of gross domestic product",
              "50,000 U.S. troops", "20 outposts", "352 days out of 365", "355 days out of 365",
              "two nuclear-capable B-52 strategic bombers", "six Japanese fighter jets", "seven key areas",
              "seventy years", "two years", "five times more", "125 miles", "12-24 nautical miles",
              "21,900 Japanese soldiers", "7,000 U.S. soldiers"]:
        assert q in quotes, q
    values = {(r["value"], r["unit"]) for r in db["quantities"].rows}
    assert (8.7e12, "JPY") in values and (21900.0, "soldiers") in values and (7000.0, "soldiers") in values
    # a number in the title of a cited work is that work's claim: kept, and marked as such
    (title,) = db["quantities"].rows_where("value = 3000 and unit = 'nautical miles'")
    assert (title["region"], title["location"], title["citation_id"]) == (
        "footnote", "cited-title", "cipr-usjf-report-2025-fn12-c1")
