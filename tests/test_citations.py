"""The reference-string parser: styles written for the test, then field by field on the gold.

The gold (tests/fixtures/footnotes_gold.yml, references_gold.yml) was annotated by hand,
independently of the parser. ``pytest -s`` prints the field-level accuracy table, the way
GROBID reports it: the share of values equal to the gold after whitespace normalisation.
"""

import re
from pathlib import Path

import pytest
import yaml

from alliance_record import citations as C
from alliance_record import pipeline, segment
from alliance_record.extract import footnotes

FIXTURES = Path(__file__).parent / "fixtures"
REPORT = "cipr-usjf-report-2025"


def parse(text):
    rec = C.parse_citation(text)
    return {k: v for k, v in rec.items() if v not in (None, [], False) and k != "raw"}


# --- styles that do not occur in the seeds --------------------------------------------------------

def test_doi_only_references():
    assert parse("doi:10.1000/xyz123")["doi"] == "10.1000/xyz123"
    assert "url" not in parse("doi:10.1000/xyz123")
    rec = parse("https://doi.org/10.1000/xyz123")
    assert rec["doi"] == "10.1000/xyz123" and rec["url"] == "https://doi.org/10.1000/xyz123"
    assert rec["domain"] == "doi.org"
    rec = parse("Ana Lee. Tides of Power. Journal of Seas 4, no. 2 (2019). DOI: 10.1000/abc.5.")
    assert rec["doi"] == "10.1000/abc.5" and rec["type"] == "article-journal"


def test_url_with_parentheses_and_trailing_punctuation():
    url = "https://en.wikipedia.org/wiki/Senkaku_Islands_(disputed)"
    rec = parse(f"“Senkaku Islands (disputed),” Wikipedia, accessed July 1, 2025, {url}.")
    assert rec["url"] == url and rec["title"] == "Senkaku Islands (disputed)"
    assert rec["accessed"] == "2025-07-01" and rec["type"] == "entry-encyclopedia"
    assert parse(f"See {url}.")["url"] == url
    assert parse(f"Text (see <{url}>).")["url"] == url
    assert C.clean_url("<https://x.org/a->b/c>.") == "https://x.org/a-b/c"  # stray ">" of a line break


def test_et_al_and_apa_styles():
    rec = parse("Smith, J. A., Lee, K., et al. (2020). Maritime security in Asia. Journal of Asian "
                "Security, 12(3), 45–67. https://doi.org/10.1000/abc.2020.1")
    assert rec["authors"] == [{"family": "Smith", "given": "J. A."}, {"family": "Lee", "given": "K."}]
    assert rec["et_al"] is True and rec["issued"] == "2020" and rec["title"] == "Maritime security in Asia"
    assert (rec["container_title"], rec["volume"], rec["issue"], rec["page"]) == \
        ("Journal of Asian Security", "12", "3", "45–67")
    assert rec["type"] == "article-journal" and rec["doi"] == "10.1000/abc.2020.1"
    rec = parse("Jane Doe et al., “Ports and Power,” Maritime Affairs 3, no. 2 (Spring 2021): 10–25.")
    assert rec["authors"] == [{"family": "Doe", "given": "Jane"}] and rec["et_al"]
    assert (rec["container_title"], rec["volume"], rec["issue"], rec["issued"]) == ("Maritime Affairs", "3", "2", "2021")
    assert "publisher" not in rec


def test_no_date_and_retrieved_from():
    rec = parse("Smith, J., & Lee, K. (n.d.). Gray zones explained. Retrieved from https://example.org/gray-zones")
    assert rec["authors"] == [{"family": "Smith", "given": "J."}, {"family": "Lee", "given": "K."}]
    assert rec["title"] == "Gray zones explained" and "issued" not in rec
    assert rec["url"] == "https://example.org/gray-zones"
    rec = parse("Tanaka, H. (2019). Sea lanes. Retrieved July 1, 2025, from https://example.org/sea")
    assert (rec["issued"], rec["accessed"], rec["url"]) == ("2019", "2025-07-01", "https://example.org/sea")
    rec = parse("Cabinet Office. No title. No date. https://example.org/cabinet/leaflet.pdf.")
    assert "title" not in rec and "issued" not in rec and rec["type"] == "document"
    assert rec["authors"] == [{"literal": "Cabinet Office"}]
    assert "issued" not in parse("Joe Bloggs. Sea Power 2030. Ocean Review. No date. <https://example.org/x>")


def test_ibid_is_flagged_with_its_locator():
    assert C.parse_citation("Ibid.")["ibid"] is True
    rec = C.parse_citation("Ibid., 45.")
    assert rec["ibid"] is True and rec["locator"] == "45"
    assert C.parse_footnote("Ibid., 45.")["kind"] == "citation"


def test_chicago_book_and_web_forms():
    rec = parse("John Smith, Naval Strategy (London: Routledge, 2019), 45.")
    assert (rec["title"], rec["publisher"], rec["publisher_place"], rec["issued"], rec["type"]) == \
        ("Naval Strategy", "Routledge", "London", "2019", "book")
    rec = parse("“Japan’s New Strategy,” The Japan Times, March 3, 2024, https://www.japantimes.co.jp/x/.")
    assert (rec["title"], rec["container_title"], rec["issued"], rec["type"]) == \
        ("Japan’s New Strategy", "The Japan Times", "2024-03-03", "article-newspaper")
    rec = parse("World Bank. World Development Report 2020. Washington, DC: World Bank, 2020.")
    assert rec["authors"] == [{"literal": "World Bank"}] and rec["title"] == "World Development Report 2020"
    assert rec["publisher_place"] == "Washington, DC" and rec["issued"] == "2020"
    rec = parse("Kim Park. Tides. Think Tank Institute, 2021. <https://example.org/blog/tides>")
    assert rec["publisher"] == "Think Tank Institute" and rec["type"] == "post-weblog"


@pytest.mark.parametrize("text, expected", [
    ('Smith, John. "Title of Article." Journal of Peace Research, vol. 12, no. 3, 2020, pp. 45-67.',  # MLA
     {"authors": [{"family": "Smith", "given": "John"}], "title": "Title of Article",
      "container_title": "Journal of Peace Research", "volume": "12", "issue": "3", "issued": "2020",
      "type": "article-journal"}),
    ("Smith, J. (2020) Naval power in Asia. London: Routledge.",  # Harvard
     {"authors": [{"family": "Smith", "given": "J."}], "title": "Naval power in Asia", "issued": "2020",
      "publisher": "Routledge", "publisher_place": "London", "type": "book"}),
    ("Michael Green, By More Than Providence (New York: Columbia University Press, 2017), 45–50.",
     {"authors": [{"family": "Green", "given": "Michael"}], "title": "By More Than Providence",
      "publisher": "Columbia University Press", "issued": "2017", "type": "book"}),
    ("Richard J. Samuels, *Securing Japan: Tokyo’s Grand Strategy* (Ithaca, NY: Cornell University Press, 2007).",
     {"title": "Securing Japan: Tokyo’s Grand Strategy", "publisher_place": "Ithaca, NY", "type": "book"}),
    ("Christopher W. Hughes, “Japan’s Military Modernisation,” *Survival* 51, no. 4 (2009): 153–170.",
     {"container_title": "Survival", "volume": "51", "issue": "4", "page": "153–170", "type": "article-journal"}),
    ('Adam P. Liff and G. John Ikenberry, "Racing toward Tragedy?," International Security 39, no. 2 (Fall 2014): 52–91.',
     {"authors": [{"family": "Liff", "given": "Adam P."}, {"family": "Ikenberry", "given": "G. John"}],
      "title": "Racing toward Tragedy?", "issued": "2014", "type": "article-journal"}),
    ('Motoko Rich, "Japan’s New Premier Faces Old Questions," New York Times, October 4, 2025.',
     {"container_title": "New York Times", "issued": "2025-10-04", "type": "article-newspaper"}),
    ('Reuters. "Japan, U.S. hold drills." Reuters, 5 June 2024. https://www.reuters.com/world/japan-us-drills/',
     {"authors": [{"literal": "Reuters"}], "container_title": "Reuters", "type": "article-newspaper"}),
    ('U.S. Department of State, "U.S.-Japan Relations," fact sheet, January 20, 2025, https://www.state.gov/japan/.',
     {"authors": [{"literal": "U.S. Department of State"}], "genre": "fact sheet", "type": "webpage"}),
    ('International Crisis Group, "Rivals at Sea," Asia Report No. 123, 12 March 2020.',
     {"authors": [{"literal": "International Crisis Group"}], "issued": "2020-03-12", "type": "report"}),
])
def test_other_styles(text, expected):
    rec = C.parse_citation(text)
    assert {k: rec.get(k) for k in expected} == expected


def test_several_works_split_outside_titles():
    body = "Jane Smith, “A; B,” X Review (2020); Tom Jones, “C,” Y Review (2021)."
    parts = [body[a:b] for a, b in C.split_citations(body)]
    assert parts == ["Jane Smith, “A; B,” X Review (2020)", "Tom Jones, “C,” Y Review (2021)."]
    parsed = C.parse_footnote(body)
    assert [r["title"] for _, _, r in parsed["citations"]] == ["A; B", "C"]


def test_explanatory_notes_cite_nothing():
    for text in ["In the case of the ROK, exercises focus on BMD to deter the DPRK.",
                 "See the discussion in chapter 2 of this report.",
                 "In 2019, Japan changed its policy."]:
        assert C.parse_footnote(text) == {"kind": "note", "citations": []}


def test_reference_list_entries():
    first = C.parse_reference("Koizumi, Yu, and Ryo Hinata-Yamaguchi. *War in 2030*. Tokyo, Japan: Nikkei BP, 2025.")
    assert first["authors"] == [{"family": "Koizumi", "given": "Yu"}, {"family": "Hinata-Yamaguchi", "given": "Ryo"}]
    assert (first["title"], first["publisher"], first["publisher_place"]) == ("War in 2030", "Nikkei BP", "Tokyo, Japan")
    again = C.parse_reference("———. \"Second Book.\" Tokyo, Japan, 2026.", first["authors"])
    assert again["authors"] == first["authors"] and again["title"] == "Second Book" and again["issued"] == "2026"
    dot = C.parse_reference(". *Third Book*. London: Routledge, 2021.", first["authors"])
    assert dot["authors"] == first["authors"] and dot["title"] == "Third Book"
    inverted = C.parse_reference("Defense, U.S. Department of. \"A Report.\" Washington, D.C., 2024.")
    assert inverted["authors"] == [{"literal": "U.S. Department of Defense"}]
    assert inverted["publisher_place"] == "Washington, D.C."
    assert C.parse_reference("Lee, Ana. Ports and Power. Harbor Press, 2021.")["authors"] == \
        [{"family": "Lee", "given": "Ana"}]


def test_dates_are_as_precise_as_written():
    assert C.parse_date("June 15, 2025") == ("2025-06-15", "day")
    assert C.parse_date("31 May 2021") == ("2021-05-31", "day")
    assert C.parse_date("Apr 29, 2013") == ("2013-04-29", "day")
    assert C.parse_date("September 2007") == ("2007-09", "month")
    assert C.parse_date("(2008)") == ("2008", "year")
    assert C.parse_date("Updated September 17, 2024") == ("2024-09-17", "day")
    assert C.parse_date("February 30, 2024") is None
    assert C.parse_date("Chinese nuclear weapons, 2025") is None


def test_csl_item():
    rec = C.parse_citation("Yoichiro Sato. (2008). Three Norms. In: Sato, Y., Hirata, K. (eds) Norms "
                           "and Power. Palgrave Macmillan, New York. https://doi.org/10.1057/x_5")
    item = C.to_csl(rec, "sato-2008")
    assert item == {
        "id": "sato-2008", "type": "chapter", "title": "Three Norms",
        "author": [{"family": "Sato", "given": "Yoichiro"}],
        "editor": [{"family": "Sato", "given": "Y."}, {"family": "Hirata", "given": "K."}],
        "container-title": "Norms and Power", "publisher": "Palgrave Macmillan",
        "publisher-place": "New York", "issued": {"date-parts": [[2008]]},
        "URL": "https://doi.org/10.1057/x_5", "DOI": "10.1057/x_5",
    }


# --- the gold: every field of the 43 footnotes and the 12 references ------------------------------

CITATION_FIELDS = ["type", "authors", "et_al", "title", "container_title", "publisher",
                   "publisher_place", "editors", "issued", "issued_precision", "accessed", "url",
                   "doi", "domain", "volume", "issue"]
OPTIONAL_LIST_FIELDS = {"editors"}


def norm(value):
    """Whitespace-normalised value for comparison; author dicts keep family/given/literal."""
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value).strip()
    if isinstance(value, list):
        return [{k: norm(v) for k, v in a.items() if k in ("family", "given", "literal")} for a in value]
    return value


@pytest.fixture(scope="module")
def report():
    inputs = pipeline.read_inputs(pipeline.Path(__file__).parent.parent / "seeds")
    doc = next(d for d in inputs.documents if d.id == REPORT)
    return footnotes.read_footnotes(doc, segment.segment(doc))


def score(rows, fields):
    """{field: (right, total)} and the list of mismatches."""
    table, misses = {}, []
    for key, gold, mine in rows:
        for f in fields:
            g = norm(gold.get(f, [] if f in OPTIONAL_LIST_FIELDS else None))
            m = norm(mine.get(f, [] if f in OPTIONAL_LIST_FIELDS else None))
            right, total = table.get(f, (0, 0))
            table[f] = (right + (g == m), total + 1)
            if g != m:
                misses.append((key, f, g, m))
    return table, misses


def print_table(title, table):
    print(f"\n{title}\n{'field':<18} {'right':>5} / {'total':<5} accuracy")
    for f, (right, total) in table.items():
        print(f"{f:<18} {right:>5} / {total:<5} {right / total:8.1%}")


def test_gold_footnotes_field_by_field(report):
    gold = yaml.safe_load((FIXTURES / "footnotes_gold.yml").read_text())["footnotes"]
    rows_by_number = {r["number"]: r for r in report["footnotes"]}
    cites = {}
    for c in report["citations"]:
        cites.setdefault(c["footnote_id"], []).append(c["record"])
    note_rows, cite_rows = [], []
    for g in gold:
        row = rows_by_number[g["number"]]
        mine = cites.get(row["id"], [])
        note_rows.append((g["number"], dict(g, citations=len(g["citations"])),
                          {"text": row["text"], "kind": row["kind"], "citations": len(mine)}))
        for k, (gc, mc) in enumerate(zip(g["citations"], mine), start=1):
            cite_rows.append(((g["number"], k), gc, mc))
    assert len(gold) == 43 and len(report["footnotes"]) == 43
    # The body text is exact, not only equal after whitespace normalisation.
    assert [rows_by_number[g["number"]]["text"] for g in gold] == [g["text"] for g in gold]
    notes_table, note_misses = score(note_rows, ["text", "kind", "citations"])
    cite_table, cite_misses = score(cite_rows, CITATION_FIELDS)
    print_table("Footnotes (43): footnote-level fields", notes_table)
    print_table(f"Citations ({len(cite_rows)}): CSL fields", cite_table)
    assert not note_misses, note_misses
    assert not cite_misses, cite_misses
    assert len(cite_rows) == sum(len(g["citations"]) for g in gold) == 45


def test_gold_references_field_by_field(report):
    gold = yaml.safe_load((FIXTURES / "references_gold.yml").read_text())["references"]
    mine = report["references"]
    rows = [(g["ordinal"], g, {"text": m["text"], **m["record"]}) for g, m in zip(gold, mine)]
    table, misses = score(rows, ["text", "authors", "title", "issued"])
    print_table(f"References ({len(gold)})", table)
    assert len(mine) == len(gold) == 12
    assert [m["ordinal"] for m in mine] == [g["ordinal"] for g in gold]
    assert not misses, misses
