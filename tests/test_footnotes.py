"""Footnote markers, bodies and their pairing, on documents written for the test."""

import json
import re
import textwrap

import sqlite_utils

from alliance_record import pipeline
from alliance_record.extract.footnotes import decode_run, find_markers, read_footnotes
from alliance_record.ingest import Document, normalize_text
from alliance_record.load import span_problem
from alliance_record.segment import segment
from conftest import catalog_entry, write_corpus
from newdocs_eval import marker_position


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
    assert ibid["record"]["ibid"] and ibid["repeats"] == "t-fn01-c1" and ibid["record"]["locator"] == "45"


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


WRAPPED = """
A Test Title

Ships sailed.[1] Officials met.[2] They agreed.[3] Talks ended.[4] A last one.[5]

Notes

1. Ana Lee, Ports and Power (London: Harbor
   Press, 2021), 45.
2. Ibid., 12.
3. Ben Ito, “Fleets,” Sea Review 4, no. 2 (March
   2020): 10–25, https://example.org/fleets/long-
   path.
4. Lee, Ports and Power, 50.
5. Ito, op. cit., 11.
"""


def test_wrapped_endnotes_are_one_note_each_and_short_forms_take_their_work(tmp_path):
    for variant in (WRAPPED, WRAPPED.replace("1. ", "[1] ").replace("2. I", "[2] I").replace("3. ", "[3] ")
                    .replace("4. ", "[4] ").replace("5. ", "[5] ")):
        found = rows_of(make(variant))
        rows = {r["number"]: r for r in found["footnotes"]}
        assert [(n, r["problem"]) for n, r in sorted(rows.items())] == [(n, None) for n in range(1, 6)]
        assert rows[1]["text"] == "Ana Lee, Ports and Power (London: Harbor Press, 2021), 45."
        assert rows[3]["text"] == ("Ben Ito, “Fleets,” Sea Review 4, no. 2 (March 2020): 10–25, "
                                   "https://example.org/fleets/long-path.")
        assert [r["kind"] for _, r in sorted(rows.items())] == ["citation"] * 5
        cites = {c["footnote_id"]: c for c in found["citations"]}
        assert cites["t-fn02"]["repeats"] == cites["t-fn01"]["id"]  # ibid.
        assert cites["t-fn04"]["repeats"] == cites["t-fn01"]["id"]  # short form
        assert cites["t-fn05"]["repeats"] == cites["t-fn03"]["id"]  # op. cit.
        assert cites["t-fn03"]["record"]["url"] == "https://example.org/fleets/long-path"
    # A line that begins with a number out of sequence is a wrapped line, not an entry.
    doc = make("""
        A Test Title

        Ships sailed.[1] Officials met.[2]

        Notes

        1. Ana Lee, Ports and Power, vol. 3, pp. 10–
           45. Harbor Press, 2021.
        2. Ben Ito, “Fleets,” Sea Review, March 2020.
        """)
    rows = {r["number"]: r for r in rows_of(doc)["footnotes"]}
    assert sorted(rows) == [1, 2] and rows[1]["text"].endswith("10– 45. Harbor Press, 2021.")
    # Lines cut into blocks of their own (each ends a sentence) still continue their entry.
    doc = make("""
        A Test Title

        Ships sailed.[1] Officials met.[2]

        Notes

        1. Ana Lee, Ports and Power.
           London: Harbor Press, 2021.
        2. Ibid.
        """)
    rows = {r["number"]: r for r in rows_of(doc)["footnotes"]}
    assert rows[1]["text"] == "Ana Lee, Ports and Power. London: Harbor Press, 2021." and rows[2]["text"] == "Ibid."
    # In the database: the short form and op. cit. cite the work of the note they abbreviate.
    corpus = write_corpus(tmp_path / "seeds", {"t": WRAPPED},
                          entries=[catalog_entry("t", title="A Test Title", kind="report")])
    pipeline.build(corpus, tmp_path / "t.db")
    db = sqlite_utils.Database(tmp_path / "t.db")
    works = {r["footnote_id"]: r["work_id"] for r in db["citations"].rows}
    assert works["t-fn01"] == works["t-fn02"] == works["t-fn04"] != works["t-fn03"] == works["t-fn05"]
    assert db["works"].count == 2
    assert {r["id"]: r["locator"] for r in db["citations"].rows}["t-fn04-c1"] == "50"


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


SUPERSCRIPT_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# A sentence ends at . ! or ? (closing quotes and note markers may follow) before a capital,
# except after an initial or an abbreviation ("U.S. Forces", "Mr. Kishida").
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr|\bMs|\bDr|\bNo|\bvs|\bSt|\bLt|\bJr)(?<!\bGen|\bAdm)"
                          r"[.!?][”\"’)]*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s?)*\s+(?=[“\"‘(]?[A-Z])")


def expected_sentence(paragraph_text: str, at: int) -> str:
    """The sentence of a paragraph holding offset ``at``, by the rule above (independent of the
    segmenter): from the last sentence end before it to the first one after it."""
    start, end = 0, len(paragraph_text)
    for m in SENTENCE_END.finditer(paragraph_text):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at or m.end() > at:
            end = m.end()
            break
    return paragraph_text[start:end].strip()


def test_seed_markers_contexts_and_ids_all_43(seeds_db):
    """For every one of the 43 footnotes, computed here from the text alone: the marker is the
    n-th superscript number outside the footnote bodies (which start a line); its paragraph is
    the one whose pieces cover it, its sentence the row covering it, and the context that
    sentence, found again by a plain sentence rule."""
    db = sqlite_utils.Database(seeds_db)
    text = db["documents"].get("cipr-usjf-report-2025")["text"]
    markers = [m for m in SUPERSCRIPT_RUN.finditer(text) if m.start() > 0 and text[m.start() - 1] != "\n"]
    assert [int(m.group().translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))) for m in markers] == \
        list(range(1, 44))
    rows = {r["number"]: r for r in db["footnotes"].rows_where("document_id = 'cipr-usjf-report-2025'")}

    def covers(row, offset):
        pieces = json.loads(row["spans"]) if row["spans"] else [[row["start"], row["end"]]]
        return any(a <= offset < b for a, b in pieces)

    paragraphs = list(db["paragraphs"].rows_where("document_id = 'cipr-usjf-report-2025'"))
    sentences = list(db["sentences"].rows_where("document_id = 'cipr-usjf-report-2025'"))
    wrong = []
    for n, m in enumerate(markers, start=1):
        row = rows[n]
        para = [p for p in paragraphs if covers(p, m.start())]
        sent = [s for s in sentences if covers(s, m.start())]
        assert len(para) == 1 and len(sent) == 1, n
        # offset of the marker inside the paragraph's (possibly rejoined) text
        pieces = json.loads(para[0]["spans"]) if para[0]["spans"] else [[para[0]["start"], para[0]["end"]]]
        at, pos = None, 0
        for a, b in pieces:
            if a <= m.start() < b:
                at = pos + m.start() - a
            pos += b - a + 1
        expected = (m.start(), m.end(), m.group(), para[0]["id"], sent[0]["id"],
                    expected_sentence(para[0]["text"], at))
        got = (row["marker_start"], row["marker_end"], row["marker"], row["paragraph_id"],
               row["sentence_id"], row["context"])
        if got != expected:
            wrong.append((n, expected, got))
    assert not wrong, wrong


def test_validate_reports_a_marker_without_its_note(tmp_path):
    """A bracketed or lettered marker whose note the text lacks is a footnotes row with its
    problem, and validate says so (without failing: the text is as published)."""
    from click.testing import CliRunner

    from alliance_record.cli import cli
    from conftest import catalog_entry, write_corpus

    seeds = write_corpus(tmp_path / "seeds", {"doc_a": """
        A Note Test

        The ministers met in March.[1] They agreed on a plan.[2] Officials were pleased.[3]

        Endnotes

        [1] Ministry of Defense, Defense of Japan 2025 (Tokyo, 2025).
        [3] Smith, Sheila A. 2019. Japan Rearmed. Cambridge, MA: Harvard University Press.
        """, "doc_b": """
        Lettered Notes

        A claim.[a] Another claim.[b]

        References

        [a] Hornung, Jeffrey W. 2020. Japan's Potential Contributions. Santa Monica, CA: RAND.
        """}, [catalog_entry("doc_a", title="A Note Test"), catalog_entry("doc_b", title="Lettered Notes")])
    res = CliRunner().invoke(cli, ["validate", "--seeds", str(seeds)])
    assert res.exit_code == 0, res.output
    assert "doc-a (doc_a.txt): note [2]: marker without a footnote body" in res.output
    assert "doc-b (doc_b.txt): note [b]: marker without a footnote body" in res.output
    out = tmp_path / "x.db"
    assert CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out)]).exit_code == 0
    import sqlite3
    rows = sqlite3.connect(out).execute(
        "select document_id, number, marker, text is null, problem from footnotes order by document_id, number").fetchall()
    assert rows == [("doc-a", 1, "[1]", 0, None), ("doc-a", 2, "[2]", 1, "marker without a footnote body"),
                    ("doc-a", 3, "[3]", 0, None), ("doc-b", 1, "[a]", 0, None),
                    ("doc-b", 2, "[b]", 1, "marker without a footnote body")]



SYMBOLS = """
A Test Title

Japan has paid part of the cost since 1978 under a series of agreements.* The latest runs to 2027.

* Ministry of Defense, Host Nation Support (Tokyo, 2025).

The president asked for more.† A later speech answered him.‡

† Ana Lee, Ports and Power (London: Harbor Press, 2021), 45.
‡ Ben Ito, policy speech, October 24, 2025.

Steps follow:

* Build the cell.
* Share the data.
"""


def test_notes_marked_with_symbols_where_the_text_uses_them():
    """Issue 14: a report with a few notes marks them *, †, ‡ (Chicago's order); a body opening
    with a symbol is a note only where the text above uses that symbol as a marker, so a "*"
    list stays a list."""
    doc = make(SYMBOLS)
    found = rows_of(doc)
    rows = {r["number"]: r for r in found["footnotes"]}
    assert sorted((n, r["marker"], r["text"][:12]) for n, r in rows.items()) == [
        (1, "*", "Ministry of "), (2, "†", "Ana Lee, Por"), (3, "‡", "Ben Ito, pol")]
    assert rows[2]["context"] == "The president asked for more.†"
    assert all(r["problem"] is None for r in rows.values())
    seg = segment(doc)
    assert any(p["text"] == "Build the cell." for p in seg.paragraphs)
    for r in found["footnotes"]:
        assert span_problem(doc.text, r["marker_start"], r["marker_end"], r["marker"]) is None


# --- probe pages for notes (tests/fixtures/note_probes.yml) -------------------------------------------

NOTE_PROBES = __import__("pathlib").Path(__file__).parent / "fixtures" / "note_probes.yml"


def note_probe_figures():
    """Notes found on the probe pages, counted as tests/newdocs_eval.py counts them (a footnote row
    at the marker, with the body's first words or, for a marker with no body, a problem), with the
    misses; a body must be the whole note and no more."""
    import yaml

    found, total, misses = 0, 0, []
    for page in yaml.safe_load(NOTE_PROBES.read_text(encoding="utf-8"))["pages"]:
        text = normalize_text(page["text"])
        doc = Document(id=page["id"], stem=page["id"], source_file=page["id"] + ".txt", text=text,
                       meta={"title": page["title"], "authors": page.get("authors") or []})
        rows = read_footnotes(doc, segment(doc))["footnotes"]
        pos = 0
        for note in page["notes"]:
            total += 1
            p = marker_position(text, note["marker"], pos)  # "8" after "September 18" is the ".8"
            pos = p + len(note["marker"])
            row = next((r for r in rows if r["marker_start"] is not None and r["marker_start"] <= p < r["marker_end"]), None)
            if row is None:
                ok, got = False, "no row at the marker"
            elif note["body"] is None:
                ok, got = not row["text"] and bool(row["problem"]), (row["text"], row["problem"])
            else:
                ok, got = " ".join((row["text"] or "").split()) == note["body"], row["text"]
            found += ok
            if not ok:
                misses.append((page["id"], note["marker"], got))
    return found, total, misses


def test_note_probe_pages():
    """Issue 14, item 6 (branch clut5): notes in other layouts on probe pages written before the
    rules — bracketed and lettered markers under "Notes", "NOTES", "Notes:", "Footnotes",
    "Endnotes" or no heading, wrapped bodies, a bio, a share bar or a reference list after the
    notes, a marker whose note is missing — each paired with its own body. Branch clut6 added
    n11-n15 (first run 4 of 11 notes: n12 and n14 already passed): notes at a PDF page's foot in
    plain digits cited by digits glued to a sentence's end, "1)" numbering, a "Notes and
    references" heading, a wiki's "^" notes. Branch clut7 added n17 (plain-digit markers after a
    date and a year holding the same digit, "June 16 ... evening.6"): the segmenter already read
    it, the count did not -- it took the "6" of "16" for the marker (2 of 2 missed by the old
    count, as notes 8 and 9 of test6's 806); markers of digits are now found as numbers of their
    own."""
    found, total, misses = note_probe_figures()
    assert found == total, misses


def test_marker_position_digits_and_superscripts():
    """Review review27: a plain-digit marker is not a digit inside a longer number, but a
    superscript marker glued to a number is found ("2024¹⁰"), as text.find found it."""
    assert marker_position("On June 16 they met, and left.6", "6", 0) == 30
    assert marker_position("rose to 1,200 in 2024¹⁰ and fell.", "¹⁰", 0) == 21
    assert marker_position("in 1,200¹ and x¹²", "¹", 0) == 8
    assert marker_position("signed in 2024.8", "8", 0) == 15
    assert marker_position("as [1] said", "[1]", 0) == 3


PLAIN_NUMBERS_NOT_NOTES = """
A Test Title

Article 9.2 Japan's constitution is often quoted in the debate on counterstrike missiles.

The ranking put Japan at No.3 Among allies, it spends the most on host-nation support.

3 Marine Expeditionary Force units moved to Guam in 2024, the first of about 4,000 Marines.

2 Canberra and Tokyo signed a reciprocal access pact in Tokyo in January 2022.

The figures are in table no.1 In the annex, and in vol.2 The tables of Appendix A.2 The
1 Ministry of Defense, Defense Programs and Budget of Japan, 2024.
"""


def test_plain_digit_notes_only_where_the_text_cites_them():
    """Branch clut6: a page's foot notes in plain digits ("1 Ministry of ...") are notes only where
    the text above cites their numbers glued to a sentence's end after a word ("spring.1 It"); a
    decimal ("9.2"), "No.3", "no.1", "vol.2", "A.2" and paragraphs opening with a number are neither
    markers nor notes."""
    doc = make(PLAIN_NUMBERS_NOT_NOTES)
    assert rows_of(doc)["footnotes"] == []
    assert not segment(doc).notes


PLAIN_MARKERS_END_SENTENCES = """
A Test Title

Two frigates of the southern fleet entered the contiguous zone off the outer islands.3 Four days later, on March 9, a survey ship followed them.4 The ministry lodged a protest the same evening.

3 Coast Guard District Headquarters, patrol report, March 5, 2025.
4 Ministry of Defense, press release, March 9, 2025.
"""


def test_a_plain_digit_note_marker_ends_its_sentence():
    """A note number in plain digits glued to a sentence's stop ("islands.3 Four days later") ends
    that sentence, as a superscript or a bracketed marker does, where the document's notes are
    read in plain digits; the marker stays with the sentence it closes."""
    doc = make(PLAIN_MARKERS_END_SENTENCES)
    sentences = [s["text"] for s in segment(doc).sentences]
    assert sentences == [
        "Two frigates of the southern fleet entered the contiguous zone off the outer islands.3",
        "Four days later, on March 9, a survey ship followed them.4",
        "The ministry lodged a protest the same evening."]
    assert [n.number for n in segment(doc).notes] == [3, 4]
    # a marker after a comma or at a line's end inside a sentence ends nothing
    doc = make(PLAIN_MARKERS_END_SENTENCES.replace("zone off the outer islands.3 Four days later, on",
                                                   "zone off the outer islands,3 Japanese officials said, and four days later, on"))
    assert [s["text"] for s in segment(doc).sentences][0].startswith("Two frigates")
    assert [s["text"] for s in segment(doc).sentences][0].endswith("followed them.4")
    # without notes read in plain digits, the digits are no marker and the split is syntok's
    doc = make(PLAIN_MARKERS_END_SENTENCES.split("\n3 Coast")[0])
    assert "islands.3 Four days later" in " ".join(s["text"] for s in segment(doc).sentences)


ENDNOTES_CITED_IN_PLAIN_DIGITS = """
A Test Title

The cabinet set aside a modest fund in spring, which critics called a token.1 By winter the fund had paid for two harbour radars. A captain told us that his crew wanted "a clear view before anything else."2 The second grant went to a river patrol unit (in the north).3 Nobody has yet audited the programme.

Notes
1. Cabinet Office, fund guidelines, 2 May 2024.
2. Interview with a naval captain, Davao, August 2024.
3. Embassy statement on the second grant, 9 October 2024.
"""


def test_endnotes_cited_in_plain_digits():
    """Numbered notes under a Notes heading ("1. Cabinet Office ...") whose numbers the text cites in
    plain digits, as copying flattens superscripts ("a token.1 By", 'else."2', "(in the north).3"):
    each marker is found and paired, and each ends its sentence."""
    doc = make(ENDNOTES_CITED_IN_PLAIN_DIGITS)
    rows = rows_of(doc)["footnotes"]
    assert [(r["number"], r["marker"], r["problem"]) for r in rows] == [(1, "1", None), (2, "2", None),
                                                                      (3, "3", None)]
    for r in rows:
        assert doc.text[r["marker_start"]:r["marker_end"]] == r["marker"]
    assert rows[0]["context"].endswith("called a token.1")
    assert rows[2]["context"].endswith("(in the north).3")
    sentences = [s["text"] for s in segment(doc).sentences]
    assert "By winter the fund had paid for two harbour radars." in sentences
    assert "Nobody has yet audited the programme." in sentences


NOT_NOTES_AFTER_NEW_POSITIONS = ["""
A Test Title

The agency set out its plan for web3. Ministers praised it the same day.

3 Japanese destroyers left Yokosuka on Monday, a navy spokesman said.

The ships are due back in May.
""", """
A Test Title

In March 2019,12 Japanese and American units trained together near the coast.

12 Marines were hurt during the drill, the command said.
""", """
A Test Title

The accord was signed in the capital (in Tokyo).3 It took effect at once.

3 Japanese destroyers left Yokosuka on Monday, a navy spokesman said.
"""]


def test_a_number_after_a_word_a_year_or_a_bracket_makes_no_body_paragraph_a_note():
    """A paragraph opening with a number ("3 Japanese destroyers ...") stays body text where the
    text above has that number only glued to a word ("web3."), after a year's comma ("2019,12") or
    after a bracket's stop with no note before it in the order ("(in Tokyo).3" with no 2)."""
    for text in NOT_NOTES_AFTER_NEW_POSITIONS:
        seg = segment(make(text))
        assert not seg.notes
        assert any(p["text"][:3] in ("3 J", "12 ") for p in seg.paragraphs)


BRACKET_BEFORE_THE_STOP = """
A Test Title

The navy answered the same week. A patrol boat left a yard in Nagasaki.3 The first radar went up on December 1 (local time).4 The ministry confirmed it the day after.
________________
3 Shipyard notice, November 2024.
4 Ministry of Defense, press release, 2 December 2024.
"""


def test_a_page_foot_note_cited_after_a_bracket_in_the_notes_order():
    """At a page's foot, a note cited in plain digits after a bracket's stop ("(local time).4 The")
    is a note where the note before it is cited above ("Nagasaki.3")."""
    doc = make(BRACKET_BEFORE_THE_STOP)
    assert [n.number for n in segment(doc).notes] == [3, 4]
    rows = rows_of(doc)["footnotes"]
    assert [(r["number"], r["marker"], r["problem"]) for r in rows] == [(3, "3", None), (4, "4", None)]
    assert rows[1]["context"].endswith("(local time).4")
    doc = make(BRACKET_BEFORE_THE_STOP.replace("Nagasaki.3", "Nagasaki"))
    assert not segment(doc).notes  # neither is cited in the notes' order: both stay body text


GLUED_TO_A_WORD = """
A Test Title

The fund was agreed last spring.1 It was praised.2 A coast guard unit patrols it.3 The video went out as an mp4, Reuters said. The minister called it "a fair policy4." The opposition disagreed at once.

Notes
1. First note.
2. Second note.
3. Third note.
4. Fourth note.
"""


def test_a_number_glued_to_a_word_is_no_marker():
    """Digits glued to a word ("an mp4,", "policy4.") are part of the word, not a note's marker,
    and a closing quotation mark stays with its sentence."""
    doc = make(GLUED_TO_A_WORD)
    rows = rows_of(doc)["footnotes"]
    assert [r["marker"] for r in rows if r["marker_start"] is not None] == ["1", "2", "3"]
    sentences = [s["text"] for s in segment(doc).sentences]
    assert 'The minister called it "a fair policy4."' in sentences
    assert "The opposition disagreed at once." in sentences


PLAIN_CITES_IN_ORDER = """
A Test Title

The first paper on the subject appeared in spring.1 Critics answered it within a month.2 The first paper was reprinted in autumn.1 They bought a Type.4 A new board met in winter.3

Notes
1. First note.
2. Second note.
3. Third note.
4. Fourth note.
"""


def test_plain_digits_are_markers_only_in_the_notes_order():
    """A number in plain digits is a marker when it is the first note's, one cited already (the
    first paper cited again, "autumn.1") or the next after the highest cited ("winter.3"); a number
    out of that order ("Type.4" before note 3 is cited) is none, nor is a plain digit for a number
    a superscript cites ("ship.3" where "³" cites note 3)."""
    doc = make(PLAIN_CITES_IN_ORDER)
    markers = cited_markers(doc)
    assert [m["number"] for m in markers] == [1, 2, 1, 3]
    assert [doc.text[:m["end"]].rsplit(" ", 1)[-1] for m in markers] == ["spring.1", "month.2", "autumn.1",
                                                                         "winter.3"]
    doc = make(PLAIN_CITES_IN_ORDER.replace("in winter.3", "in winter.³").replace("They bought a Type.4",
                                                                                   "It sank the ship.3"))
    assert [m["marker"] for m in cited_markers(doc)] == ["1", "2", "1", "³"]


def cited_markers(doc):
    """The markers find_markers reads in ``doc``, plain digits admitted (a note cited again too)."""
    seg = segment(doc)
    return find_markers(doc, seg, {n.number for n in seg.notes}, plain=True)


FIRST_NOTE_AFTER_A_BRACKET = """
A Test Title

The navy answered the same week. The first radar went up on the island on December 1 (local time).1 The ministry confirmed it the day after, and a second site opened in spring.2 Nothing else was said.
________________
1 Ministry of Defense, press release, 2 December 2024.
2 Ministry of Defense, press release, April 2025.
"""


def test_the_first_note_may_be_cited_after_a_bracket():
    """Review review8_whole, finding 4: the first note cited in plain digits after a bracket's stop
    ("(local time).1 The") is read, as the footnotes stage already accepted it: the segmenter and
    the footnotes stage ask one helper (segment.in_notes_order) whether a number comes in the
    notes' order. With nothing cited before, a number other than the first is still none."""
    doc = make(FIRST_NOTE_AFTER_A_BRACKET)
    assert [n.number for n in segment(doc).notes] == [1, 2]
    rows = rows_of(doc)["footnotes"]
    assert [(r["number"], r["marker"], r["problem"]) for r in rows] == [(1, "1", None), (2, "2", None)]
    assert rows[0]["context"].endswith("(local time).1")
    doc = make(FIRST_NOTE_AFTER_A_BRACKET.replace("(local time).1", "(local time).3").replace("\n1 Ministry", "\n3 Ministry"))
    assert 3 not in [n.number for n in segment(doc).notes]


ROMAN_NOT_NOTES = """
A Test Title

The review named two gaps in the alliance's planning.[i] Its authors wrote that "[i]t is the command links, not the missiles, that decide" the matter, and they listed three tasks: (i) a joint headquarters, (ii) shared targeting data and (iii) stockpiles. Lawmakers agreed with the second.[v] A joint panel is to report by June.[ii]

(i) A joint headquarters in Tokyo.

(ii) Shared targeting data.

Notes
i. Ministry of Defense, review of command arrangements, 2025.
ii. Diet security committee record, March 2025.
iii. A third note.
iv. A fourth note.
v. A fifth note.
"""


def test_roman_markers_in_order_and_what_is_no_roman_marker():
    """Notes numbered in roman numerals ("i." ... "v.") are cited by a bracketed numeral glued to a
    stop, in the notes' order as plain digits are (segment.in_notes_order): "[v]" before "[ii]" is
    cited is no marker. A quoted editorial insertion ("[i]t is") and the items of an enumeration,
    "(i) a joint headquarters" in a sentence or "(i) ..." opening a paragraph, are neither markers
    nor notes."""
    doc = make(ROMAN_NOT_NOTES)
    seg = segment(doc)
    assert [(n.number, n.marker) for n in seg.notes] == [(1, "i."), (2, "ii."), (3, "iii."), (4, "iv."), (5, "v.")]
    assert any(p["text"].startswith("(i) A joint headquarters") for p in seg.paragraphs if p["kind"] == "body")
    markers = [(r["number"], r["marker"]) for r in rows_of(doc)["footnotes"] if r["marker_start"] is not None]
    assert markers == [(1, "[i]"), (2, "[ii]")]
    # ...and where the notes are lettered, "[i]" is the ninth letter, not the first numeral
    lettered = make("""
    A Test Title

    The text cites its notes by letter.[a] Seven more follow.[b][c][d][e][f][g][h] The last one is here.[i]

    Notes
    [a] A. [b] B.
    """.replace("[a] A. [b] B.", "\n".join(f"[{c}] Note {c}." for c in "abcdefghi")))
    assert [r["number"] for r in rows_of(lettered)["footnotes"] if r["marker"] == "[i]"] == [9]


WRAPPED_ROMAN_LOOKALIKES = """
A Test Title

The lawyers for the island's fishermen leaned on Brown
v. Board of Education and on two treaty rulings of the high court,
and the bench treated those precedents as binding, that is
i. e. outside the reach of the prefecture's own ordinances.
The panel's conclusions, which appear in Chapter
iii. of its final report and again in the short annex, were
accepted by the governor without a vote in the assembly.
"""


def test_a_wrapped_line_opening_like_a_numeral_joins_the_line_above():
    """Review 9 of romans9, finding 1: a hard-wrapped line that opens "v. ", "i. e." or "iii. of"
    carries the sentence above on (a case name, an abbreviation, a part of a report); a roman
    numeral opens a list's line only in a run of them ("i." then "ii."), so no sentence is split
    and no half-sentence becomes a heading."""
    seg = segment(make(WRAPPED_ROMAN_LOOKALIKES))
    body = "\n\n".join(p["text"] for p in seg.paragraphs if p["kind"] == "body")
    assert "Brown\nv. Board" in body and "that is\ni. e." in body and "Chapter\niii. of" in body
    assert not any("Chapter" in s["heading"] for s in seg.sections)


DIGIT_NOTES_WITH_ROMAN_LOOKALIKES = """
A Test Title

The budget came first.1 The plan followed.2 A survey was done.3 The court's view was cited.4 A record closes it.5

Notes
1. Finance Ministry, draft budget, in two parts: i) the outlays and
ii) the basing costs.
2. Cabinet Office, a memorandum on the plan, 2024, in Part
iii. and the second annex.
3. Prefectural survey of the harbour, 2023.
4. For the argument, see the pleading that relied on Brown
v. Board of Education, 347 U.S. 483 (1954), as the petitioners did.
5. Diet record of the budget committee, 2025.
"""


def test_digit_numbered_notes_are_not_split_by_roman_lookalikes():
    """Review 9 of romans9, findings 2 and 7: in a list of notes numbered in digits, a wrapped line
    that opens "v. ", "ii) " or "ii. " is the rest of the note above: a label continues a list only
    in that list's scheme (digits after digits), and a numeral with ")" is no note's label."""
    doc = make(DIGIT_NOTES_WITH_ROMAN_LOOKALIKES)
    assert [(n.number, n.marker) for n in segment(doc).notes] == [(k, f"{k}.") for k in range(1, 6)]
    rows = {r["number"]: r for r in rows_of(doc)["footnotes"]}
    assert rows[1]["text"].endswith("basing costs.") and rows[2]["text"].endswith("second annex.") \
        and "Board of Education" in rows[4]["text"] and rows[5]["text"].startswith("Diet record")
    # ...and where a page break left the wrapped line a block of its own, it opens no note either
    doc = make(DIGIT_NOTES_WITH_ROMAN_LOOKALIKES.replace("in Part\niii.", "in Part\n\niii."))
    assert [(n.number, n.marker) for n in segment(doc).notes] == [(k, f"{k}.") for k in range(1, 6)]


CLOSING_ROMAN_LIST = """
A Test Title

The first rotation of the new regiment reached Guam early in 2025.[i] Its barracks are still unfinished.[ii] Congress has not yet voted the last tranche of the money.[iii]

Three things would keep the move on schedule:

i. The Senate should pass the remaining appropriation before the summer recess.
ii. The two defence ministries should publish one shared timetable.
iii. Both capitals should report on progress to their legislatures each year.

Endnotes

[i] Marine Forces Pacific, a release on the first rotation, January 2025.
[ii] Government Accountability Office, a report on construction on Guam, 2024.
[iii] Congressional Research Service, a note on the relocation's funding, 2025.
"""


def test_a_closing_roman_list_of_the_body_is_no_list_of_notes():
    """Review 9 of romans9, finding 3: a list numbered "i." ... "iii." below the text's last
    bracketed citation is the body's own (recommendations) where a later list carries the notes'
    labels or a line ending with a colon introduces it; it stays in the body, and the notes under
    "Endnotes" are read, each with its marker."""
    for text in (CLOSING_ROMAN_LIST, CLOSING_ROMAN_LIST[:CLOSING_ROMAN_LIST.index("Endnotes")]):
        doc = make(text)
        seg = segment(doc)
        body = [p["text"] for p in seg.paragraphs if p["kind"] == "body"]
        assert any(t.startswith("ii. The two defence ministries") for t in body), text
    doc = make(CLOSING_ROMAN_LIST)
    rows = rows_of(doc)["footnotes"]
    assert [(r["number"], r["marker"], r["problem"]) for r in rows] == [
        (1, "[i]", None), (2, "[ii]", None), (3, "[iii]", None)]


ONE_ROMAN_MARKER_LOST = """
A Test Title

The first upgraded missiles reached Kumamoto in March 2025.[i] Tokyo and Washington then disagreed over targets. The Diet asked who would choose them.[iii] A panel met in May.[iv] It is due to report in June.[v]

Endnotes

[i] Ministry of Defense, a release on the new missile units, 2025.
[ii] A note whose marker the copy lost.
[iii] Lower house security committee, record of a spring session, 2025.
[iv] The ministries' joint statement after the panel.
[v] The panel's terms of reference.
"""


def test_one_lost_roman_marker_loses_no_later_one():
    """Review 9 of romans9, finding 4: where one marker is missing ("[ii]"), the numerals after it
    that no letter or editor's insertion can be ("[iii]", "[iv]") are read as bracketed digits are,
    and a one-letter numeral ("[v]") is read again in the notes' order (after "[iv]")."""
    rows = rows_of(make(ONE_ROMAN_MARKER_LOST))["footnotes"]
    assert [(r["number"], r["marker"]) for r in rows if r["marker_start"] is not None] == [
        (1, "[i]"), (3, "[iii]"), (4, "[iv]"), (5, "[v]")]


def test_the_segmenter_and_the_footnotes_stage_agree_on_what_cites():
    """Review 9 of romans9, finding 6: one pattern of a bracketed label and one of what it is glued
    to (segment.BRACKET_LABEL, segment.CITE_AFTER): a label right after "%" cites for both, so the
    unheaded list of notes it cites is read, and its marker with it."""
    doc = make("""
    A Test Title

    Exports of patrol boats rose by 12%[1] in the year, and the ministry expects more sales in the next one.

    [1] Trade ministry, annual export statistics, 2024.
    """)
    rows = rows_of(doc)["footnotes"]
    assert [(r["number"], r["marker"], r["problem"]) for r in rows] == [(1, "[1]", None)]


PARENTHESISED_NOT_NOTES = """
A Test Title

The two ministers agreed on three steps:
(1) A joint cell at Yokota to plan the repair of damaged runways.
(2) Yearly drills with the prefectures that host the bases.
(3) A study of fuel stocks on the southern islands, due in 2026.

Their statement, issued in Tokyo (2025), cites Article 9(2) of the treaty text and asks for (1) ports, (2) fuel and (3) spare parts.
Notes
(1) This list is the ministry's summary, not a quotation.
"""

# an enumeration glued to its colon, and a section's number glued to its word, over a list of the
# same labels: items, not notes (review 10)
PARENTHESISED_GLUED_NOT_NOTES = [
    """
A Test Title

The ministers settled three matters:(1) a cell for the runways, (2) drills each year and (3) a fuel study.

(1) The cell at Yokota will plan the repair of runways hit in a strike.
(2) The drills will include the prefectures that host the bases.
(3) The study of fuel stocks on the southern islands is due in 2026.
""",
    """
A Test Title

Under Section(1) of the plan Japan pays for the runways, and under Section(2) it pays for the fuel.

(1) Runways: the repair of the two strips at the northern base.
(2) Fuel: the tanks at the port and the pipeline to the base.
""",
]

PARENTHESISED_NOTES = """
A Test Title

Japan's coast guard added four shore radars around the Nansei islands in 2024.(1) Officials called them "the eyes of the southern sea."(2) Six more are planned.

Notes
(1) Japan Coast Guard, annual report on maritime security, 2025.
(2) Briefing for reporters at the Naha regional headquarters, June 2025.
"""


def test_parenthesised_notes_only_over_a_list_of_the_same_marks():
    """Notes numbered "(1)", "(2)" (branch notes10, test9's 1105): a "(1)" glued to a sentence's stop
    (or to a closing quotation mark after one) is a marker only where a list of "(1)" entries holds
    the notes, and it ends its sentence; a readout's "(1)" items, "asks for (1) ports, (2) fuel" in
    a sentence, "matters:(1) a cell, (2) ..." glued to a colon, "Section(1)", a year "(2025)",
    "Article 9(2)", and a "(1)" entry under "Notes" that nothing in the text cites are no notes."""
    seg = segment(make(PARENTHESISED_NOT_NOTES))
    assert seg.notes == []
    for text in PARENTHESISED_GLUED_NOT_NOTES:  # glued to a colon or a letter, not to a stop
        items = segment(make(text))
        assert items.notes == [], text
        body = [p["text"] for p in items.paragraphs if p["kind"] == "body"]
        assert sum(p.startswith(("(1)", "(2)")) for p in body) == 2, body
    assert any(p["text"].startswith("(1) A joint cell") for p in seg.paragraphs if p["kind"] == "body")
    assert rows_of(make(PARENTHESISED_NOT_NOTES))["footnotes"] == []
    doc = make(PARENTHESISED_NOTES)
    seg = segment(doc)
    assert [(n.number, n.marker) for n in seg.notes] == [(1, "(1)"), (2, "(2)")]
    rows = [r for r in rows_of(doc)["footnotes"] if r["marker_start"] is not None]
    assert [(r["number"], r["marker"], r["problem"]) for r in rows] == [(1, "(1)", None), (2, "(2)", None)]
    sentences = [s["text"] for s in seg.sentences]
    assert sentences[:3] == ["Japan's coast guard added four shore radars around the Nansei islands in 2024.(1)",
                             'Officials called them "the eyes of the southern sea."(2)', "Six more are planned."]
    # "(*1)" after a stop and a space, as a Japanese outlet prints it, closes the sentence before it
    doc = make(PARENTHESISED_NOTES.replace("2024.(1)", "2024. (*1)").replace('sea."(2)', 'sea."(*2)')
               .replace("(1) Japan", "(*1) Japan").replace("(2) Briefing", "(*2) Briefing"))
    assert [s["text"] for s in segment(doc).sentences][:2] == [
        "Japan's coast guard added four shore radars around the Nansei islands in 2024. (*1)",
        'Officials called them "the eyes of the southern sea."(*2)']
    assert [r["marker"] for r in rows_of(doc)["footnotes"]] == ["(*1)", "(*2)"]
