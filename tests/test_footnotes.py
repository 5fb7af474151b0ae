"""Footnote markers, bodies and their pairing, on documents written for the test."""

import json
import textwrap

import sqlite_utils

from alliance_record import pipeline
from alliance_record.extract.footnotes import decode_run, read_footnotes
from alliance_record.ingest import Document, normalize_text
from alliance_record.load import span_problem
from alliance_record.segment import segment
from conftest import catalog_entry, write_corpus


def make(text, doc_id="t", title="A Test Title"):
    text = normalize_text(textwrap.dedent(text).lstrip("\n"))
    return Document(id=doc_id, stem=doc_id, source_file=f"{doc_id}.txt", text=text,
                    meta={"title": title, "publisher": "Example Institute"})


PAGES = """
A Test Title

Ships sail through the strait,¹ and officials met in Osaka.² The ministers agreed.”³ Talks on the

¹ Ana Lee, Ports and Power. Harbor Press, May 2, 2021. <https://example.org/ports-and-power/>

² Ibid., 45.

³ In the case of Osaka, the meeting was informal and no record was kept.

next round will continue.⁴ ⁵ A last sentence cites nothing.

⁴ Ben Ito, “Fleets,” Sea Review, March 2020; Ana Lee, Ports and Power. Harbor Press, May 2, 2021.

⁵ Kim Park. Tides. Journal of Seas. <https://example.org/tides/long-

path/to/article>

⁷ Orphan Body. A Lost Note. Example Press, 2020.

Another paragraph ends here.⁶
"""


def rows_of(doc):
    return read_footnotes(doc, segment(doc))


def test_markers_bodies_sentences_and_problems():
    doc = make(PAGES)
    found = rows_of(doc)
    rows = {r["number"]: r for r in found["footnotes"]}
    assert sorted(rows) == [1, 2, 3, 4, 5, 6, 7]
    for r in found["footnotes"]:
        if r["marker_start"] is not None:
            assert doc.text[r["marker_start"]:r["marker_end"]] == r["marker"]
        if r["start"] is not None:
            assert span_problem(doc.text, r["start"], r["end"], r["text"], r["spans"]) is None
    assert rows[1]["marker"] == "¹" and rows[1]["context"] == "Ships sail through the strait,¹ and officials met in Osaka.²"
    assert rows[3]["kind"] == "note" and rows[3]["citation_count"] == 0
    assert rows[3]["context"] == "The ministers agreed.”³"
    # A sentence split by a page break: the citing sentence is the rejoined one.
    assert rows[4]["context"] == "Talks on the next round will continue.⁴ ⁵"
    assert rows[4]["paragraph_id"] == rows[1]["paragraph_id"]
    assert rows[5]["marker"] == "⁵" and rows[5]["sentence_id"] == rows[4]["sentence_id"]
    # A URL broken across lines is rejoined without a space.
    assert rows[5]["text"] == "Kim Park. Tides. Journal of Seas. <https://example.org/tides/long-path/to/article>"
    assert json.loads(rows[5]["spans"]) and rows[4]["citation_count"] == 2
    # Never invented: a marker without a body, a body without a marker.
    assert rows[6]["problem"] == "marker without a footnote body"
    assert rows[6]["text"] is None and rows[6]["kind"] is None and rows[6]["marker"] == "⁶"
    assert rows[7]["problem"] == "footnote body without a marker in the text"
    assert rows[7]["marker_start"] is None and rows[7]["sentence_id"] is None
    assert rows[7]["text"] == "Orphan Body. A Lost Note. Example Press, 2020."
    ibid = [c for c in found["citations"] if c["footnote_id"] == "t-fn02"][0]
    assert ibid["record"]["ibid"] and ibid["ibid_of"] == "t-fn01-c1" and ibid["record"]["locator"] == "45"


def test_crlf_and_bom_give_identical_rows():
    base = make(PAGES)
    raw = "\ufeff" + textwrap.dedent(PAGES).lstrip("\n").replace("\n", "\r\n")
    variant = Document(id="t", stem="t", source_file="t.txt", text=normalize_text(raw),
                       meta=base.meta)
    assert rows_of(base)["footnotes"] == rows_of(variant)["footnotes"]
    strip = lambda cs: [{k: v for k, v in c.items() if k != "record"} for c in cs]  # noqa: E731
    assert strip(rows_of(base)["citations"]) == strip(rows_of(variant)["citations"])


ENDNOTES = """
A Test Title

Ships sailed through the strait.[1] Officials met later,[2] and agreed.

Notes

1. Ana Lee, Ports and Power. Harbor Press, 2021.
2. Ben Ito, “Fleets,” Sea Review, March 2020.

[3] Kim Park. Tides. Journal of Seas, 2019. https://doi.org/10.1000/tides
"""


def test_numbered_endnotes_with_bracket_markers():
    doc = make(ENDNOTES)
    found = rows_of(doc)
    rows = {r["number"]: r for r in found["footnotes"]}
    assert [(n, r["marker"], r["body_marker"]) for n, r in sorted(rows.items())] == \
        [(1, "[1]", "1."), (2, "[2]", "2."), (3, None, "[3]")]
    assert rows[1]["context"] == "Ships sailed through the strait.[1]"
    assert rows[2]["context"] == "Officials met later,[2] and agreed."
    assert rows[3]["problem"] == "footnote body without a marker in the text"
    records = [c["record"] for c in found["citations"]]
    assert [r["title"] for r in records] == ["Ports and Power", "Fleets", "Tides"]
    assert records[2]["doi"] == "10.1000/tides"


def test_marker_runs_and_documents_without_notes():
    assert decode_run("10", 10, {10}) == [(0, 2, 10)]
    assert decode_run("1011", 10, {10, 11}) == [(0, 2, 10), (2, 2, 11)]
    assert decode_run("102", 11, {2, 10}) == [(0, 2, 10), (2, 1, 2)]  # "¹⁰" followed by "²"
    assert decode_run("12", 12, {12}) == [(0, 2, 12)]
    doc = make("""
        A Test Title

        The deck covers 5 km² and was built in 2020.⁹
        """)
    assert rows_of(doc)["footnotes"] == []  # no bodies: superscripts are not markers here
    doc = make("""
        A Test Title

        The treaty was signed.¹⁰¹¹ Then the talks ended.

        ¹⁰ Ana Lee, Ports and Power. Harbor Press, 2021.

        ¹¹ Ben Ito, “Fleets,” Sea Review, March 2020.
        """)
    rows = rows_of(doc)["footnotes"]
    assert [(r["number"], r["marker"], r["problem"]) for r in rows] == [(10, "¹⁰", None), (11, "¹¹", None)]


def test_rows_pass_the_loader_and_ibid_takes_the_previous_work(tmp_path):
    corpus = write_corpus(tmp_path / "seeds", {"t": PAGES},
                          entries=[catalog_entry("t", title="A Test Title", kind="report")])
    out = tmp_path / "t.db"
    pipeline.build(corpus, out)
    db = sqlite_utils.Database(out)
    assert db["footnotes"].count == 7
    bad = db.execute("""select count(*) from footnotes f join documents d on d.id = f.document_id
                        where f.marker_start is not null and
                        substr(d.text, f.marker_start + 1, f.marker_end - f.marker_start) != f.marker""").fetchone()[0]
    assert bad == 0
    cites = {r["id"]: r for r in db["citations"].rows}
    assert cites["t-fn02-c1"]["ibid"] == 1 and cites["t-fn02-c1"]["locator"] == "45"
    assert cites["t-fn02-c1"]["work_id"] == cites["t-fn01-c1"]["work_id"] == cites["t-fn04-c2"]["work_id"]
    assert cites["t-fn02-c1"]["repeats_citation_id"] == "t-fn01-c1"
    # Footnote 1 and the second work of footnote 4 are one work, cited by three footnotes.
    work = db["works"].get(cites["t-fn01-c1"]["work_id"])
    assert work["footnote_count"] == 3 and work["title"] == "Ports and Power"


def test_seed_report_footnotes(seeds_db):
    db = sqlite_utils.Database(seeds_db)
    rows = list(db["footnotes"].rows_where("document_id = 'cipr-usjf-report-2025'", order_by="number"))
    assert [r["number"] for r in rows] == list(range(1, 44))
    assert all(r["problem"] is None and r["marker_start"] is not None and r["sentence_id"] for r in rows)
    assert [r["number"] for r in rows if r["kind"] == "note"] == [27]
    # A marker in a sentence that a page break splits: the context is the rejoined sentence.
    rok = db["sentences"].get(rows[26]["sentence_id"])
    assert rows[26]["context"].endswith("Australia, India, and the ROK.²⁷") and rok["spans"]
    assert rows[9]["context"].endswith("was carefully dodged by Kishida.¹⁰")
    assert rows[29]["marker"] == "³⁰" and rows[29]["context"].endswith("ancestors.”³⁰")
    for r in rows:  # a body never includes main text or figure links
        assert "Figure" not in r["text"] and "permit interceptions" not in r["text"]
    bad = db.execute("""select count(*) from footnotes f join documents d on d.id = f.document_id
                        where f.spans is null and substr(d.text, f.start + 1, f.end - f.start) != f.text""").fetchone()[0]
    assert bad == 0
    # Figure source links stay figures, with their label.
    figures = {f["label"]: f["url"] for f in db["figures"].rows_where("label is not null")}
    assert sorted(figures) == ["Figure 1", "Figure 2", "Figure 3"]
    assert all(url.startswith("https://") for url in figures.values())
    assert db["citations"].count == 45 and db["bibliography_entries"].count == 12
