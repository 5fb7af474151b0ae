"""The reference-string parser: styles written for the test, then field by field on the gold.

The gold (tests/fixtures/footnotes_gold.yml, references_gold.yml) was annotated by hand,
independently of the parser. ``pytest -s`` prints the field-level accuracy table, the way
GROBID reports it: the share of values equal to the gold after whitespace normalisation.
Beyond the seeds: citations_heldout.yml (a development set: annotated before the parser was
run on it, then used to generalise it) and citations_test.yml (written afterwards, scored once
the work was done), both in styles the seeds do not have.
"""

import re
from pathlib import Path

import pytest
import yaml

from alliance_record import citations as C
from alliance_record import pipeline, segment
from alliance_record.extract import footnotes
from alliance_record.ingest import Document

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


def test_chicago_book_notes_without_url_or_italics_are_citations():
    rec = C.parse_footnote("Sheila A. Smith, Japan Rearmed (Cambridge, MA: Harvard University Press, 2019).")
    assert rec["kind"] == "citation"
    work = rec["citations"][0][2]
    assert (work["type"], work["title"], work["publisher"], work["publisher_place"], work["issued"]) == \
        ("book", "Japan Rearmed", "Harvard University Press", "Cambridge, MA", "2019")
    work = C.parse_citation("Michael Green, By More Than Providence (New York: Columbia University Press, 2017), 45–50.")
    assert (work["locator"], work["page"]) == ("45–50", None)  # a pinpoint, not the book's pages
    # A short form: a citation by its shape, and it names the earlier work it abbreviates.
    short = C.parse_footnote("Smith, Japan Rearmed, 45.")
    assert short["kind"] == "citation"
    s = short["citations"][0][2]
    assert s["short"] and s["authors"] == [{"family": "Smith"}] and s["title"] == "Japan Rearmed"
    assert s["locator"] == "45" and s["type"] is None
    earlier = [C.parse_citation("Michael Green, By More Than Providence (New York: Columbia University Press, 2017)."),
               work, C.parse_citation("Sheila A. Smith, Japan Rearmed: The Politics of Military Power (Cambridge, "
                                      "MA: Harvard University Press, 2019).")]
    assert C.refers_to(s, earlier) == 2
    assert C.refers_to(C.parse_citation("Smith, Intimate Rivals, 3."), earlier) is None  # another title
    assert C.refers_to(C.parse_citation("Jones, Japan Rearmed, 3."), earlier) is None  # another author
    # Without a pinpoint, an unquoted short form is a citation only when it abbreviates one.
    assert C.parse_footnote("Smith, Japan Rearmed.")["kind"] == "note"
    for entry in ("Lee, Ana. Ports and Power.", "Pyle, Kenneth B. Japan Rising."):  # not short forms
        rec = C.parse_reference(entry)
        assert not rec["short"] and rec["authors"][0]["family"] in ("Lee", "Pyle") and rec["authors"][0].get("given"), entry
    assert C.parse_footnote("Smith, Japan Rearmed.", earlier)["kind"] == "citation"


def test_op_cit_refers_to_the_authors_earlier_work():
    for text in ("Green, op. cit., 101.", "Green, Op. Cit., p. 101", "Green op. cit. 101."):
        rec = C.parse_citation(text)
        assert rec["op_cit"] and rec["authors"] == [{"family": "Green"}] and rec["locator"] == "101", text
        assert C.parse_footnote(text)["kind"] == "citation"
    earlier = [C.parse_citation("Michael J. Green, Line of Advantage (New York: Columbia University Press, 2022)."),
               C.parse_citation("Sheila A. Smith, Japan Rearmed (Cambridge, MA: Harvard University Press, 2019).")]
    assert C.refers_to(C.parse_citation("Green, op. cit., 101."), earlier) == 0


def test_doi_only_and_doi_books():
    rec = C.parse_footnote("10.1093/isq/sqab045")
    assert rec["kind"] == "citation" and rec["citations"][0][2]["doi"] == "10.1093/isq/sqab045"
    assert rec["citations"][0][2]["type"] == "document"  # a DOI alone says nothing of the kind
    book = C.parse_citation("Jones, A. (2020). Sea power in Asia. Cambridge University Press. "
                            "https://doi.org/10.1017/9781108123456")
    assert book["type"] == "book" and book["publisher"] == "Cambridge University Press"
    assert C.parse_citation("Jones, A. (2020). Sea power in Asia. https://doi.org/10.1017/9781108123456")["type"] == "book"
    chapter = C.parse_citation("Lee, K. (2019). Ports. https://doi.org/10.1057/9780230615809_5")
    assert chapter["type"] == "chapter"  # an ISBN DOI with a part number


def test_apa_dates_and_journal_fields():
    rec = parse("Smith, A. (2021, March 5). Rising tides in the Pacific. The Diplomat.")
    assert (rec["issued"], rec["issued_precision"], rec["title"], rec["container_title"]) == \
        ("2021-03-05", "day", "Rising tides in the Pacific", "The Diplomat")
    rec = parse("Lee, K. (2019). Alliance burden sharing. Asian Survey, 59(4), 600–620.")
    assert (rec["container_title"], rec["volume"], rec["issue"], rec["page"], rec["type"]) == \
        ("Asian Survey", "59", "4", "600–620", "article-journal")
    rec = parse("Richard Samuels, “Japan’s Goldilocks Strategy,” Asia Policy 16 (July 2013): 15–30.")
    assert (rec["container_title"], rec["volume"], rec["issued"], rec["page"], rec["type"]) == \
        ("Asia Policy", "16", "2013-07", "15–30", "article-journal")
    assert "issue" not in rec
    assert C.parse_date("(2021, March)") == ("2021-03", "month")
    assert C.parse_date("2025 Jan 15") == ("2025-01-15", "day")


def test_available_at_and_accessed_in_brackets():
    rec = parse("Tanaka, H. (2020) Sea lanes. Available at: https://example.org/sea (accessed 3 May 2020).")
    assert (rec["url"], rec["accessed"], rec["title"], rec["issued"]) == \
        ("https://example.org/sea", "2020-05-03", "Sea lanes", "2020")
    rec = parse("Tanaka H. Sea lanes [Internet]. Tokyo: Sea Institute; 2020 [cited 2021 Feb 3]. "
                "Available from: https://example.org/sea")
    assert (rec["url"], rec["accessed"], rec["title"], rec["publisher"], rec["issued"]) == \
        ("https://example.org/sea", "2021-02-03", "Sea lanes", "Sea Institute", "2020")


@pytest.mark.parametrize("text, title, issued", [
    ("Act on the Protection of Specially Designated Secrets, Act No. 108 of 2013.",
     "Act on the Protection of Specially Designated Secrets", "2013"),
    ("Japan's Self-Defense Forces Act (Act No. 165 of 1954).", "Japan's Self-Defense Forces Act", "1954"),
    ("Taiwan Relations Act, Pub. L. No. 96-8, 93 Stat. 14 (1979).", "Taiwan Relations Act", "1979"),
    ("Law Concerning Special Measures on Okinawa, Law No. 14 of 2002.",
     "Law Concerning Special Measures on Okinawa", "2002"),
])
def test_acts_and_laws_are_legislation(text, title, issued):
    parsed = C.parse_footnote(text)
    assert parsed["kind"] == "citation"
    rec = parsed["citations"][0][2]
    assert (rec["type"], rec["title"], rec["issued"]) == ("legislation", title, issued)


def test_an_act_named_in_prose_is_no_citation():
    for text in ("The Self-Defense Forces Act was amended in 2015.",
                 "On the Act on Peace and Security, see below."):
        assert C.parse_footnote(text)["kind"] == "note", text


def test_more_explanatory_notes_cite_nothing():
    for text in ["The Japan Coast Guard counted 1,287 incursions in 2023, up from 1,097 in 2022.",
                 "Kishida, speaking in Washington, said the alliance was “indispensable.”",
                 "Smith, who served in the Pentagon, disagrees.",
                 "Japan, Australia and the Philippines signed the pact in 2024.",
                 "Defense spending rose to 1.6 percent of GDP in FY2024 (see Table 2).",
                 "The term “gray zone” is used here as in chapter 1.",
                 "All figures are rounded; totals may not add up.",
                 "Green, the former NSC official, made this point repeatedly.",
                 "Washington, D.C.: officials met in March 2024."]:
        assert C.parse_footnote(text) == {"kind": "note", "citations": []}, text


@pytest.mark.parametrize("text, expected", [
    ("Jane Roe, “Reef Wars,” Journal of Island Studies 3, no. 1 (2019): 10–20, 12.",
     {"page": "10–20", "locator": "12", "type": "article-journal"}),
    ("Ken Ito, “Typhoon Season,” Kyodo News, August 2, 2021.",
     {"container_title": "Kyodo News", "publisher": None, "type": "article-newspaper"}),
    ("[9] A. Berg, \"Sonar arrays,\" in Proc. Annu. Symp. Undersea Tech., Busan, South Korea, 2018, pp. 5–9.",
     {"type": "paper-conference", "container_title": "Proc. Annu. Symp. Undersea Tech.",
      "publisher_place": "Busan, South Korea", "issued": "2018", "page": "5–9"}),
    ("Ota, K., & Berg, A. (Eds.). (2016). Harbours of the north. Northern Lights Press.",
     {"editors": [{"family": "Ota", "given": "K."}, {"family": "Berg", "given": "A."}], "authors": [],
      "title": "Harbours of the north", "publisher": "Northern Lights Press", "type": "book"}),
    ("Berg, Anna. \"Sonar.\" In Seas of Change, edited by Kenji Ota, 101–120. Oslo: Fjord Press, 2012.",
     {"type": "chapter", "editors": [{"family": "Ota", "given": "Kenji"}], "container_title": "Seas of Change",
      "page": "101–120", "publisher": "Fjord Press", "publisher_place": "Oslo"}),
    ("Anna Berg, Fleet Readiness, RIPS Report 2019-3 (Tokyo: Research Institute for Peace and Security, 2019).",
     {"title": "Fleet Readiness", "genre": "RIPS Report 2019-3", "type": "report"}),
    ("Berg, A. (2017). Cold harbours. Fjord Press. https://doi.org/10.1007/978-3-319-12345-6",
     {"publisher": "Fjord Press", "type": "book"}),
])
def test_styles_written_after_the_test_set(text, expected):
    """Variants (not from any fixture) of the styles the test set's first run got wrong."""
    rec = C.parse_reference(text) if text.startswith("[") else C.parse_citation(text)
    assert {k: rec.get(k) for k in expected} == expected



# --- Chicago author-date and IEEE: the year as a sentence, the date last -------------------------

@pytest.mark.parametrize("text, expected", [
    # the reviewer's two strings
    ('Smith, John. 2019. "A Study of Things." Journal of Stuff 12 (3): 45–67. https://doi.org/10.1234/abc',
     {"authors": [{"family": "Smith", "given": "John"}], "title": "A Study of Things",
      "container_title": "Journal of Stuff", "volume": "12", "issue": "3", "page": "45–67",
      "issued": "2019", "issued_precision": "year", "doi": "10.1234/abc", "publisher": None,
      "type": "article-journal"}),
    ("Sato, Yoichiro. 2007. Southeast Asian Receptiveness. Honolulu: APCSS.",
     {"title": "Southeast Asian Receptiveness", "issued": "2007", "publisher": "APCSS",
      "publisher_place": "Honolulu", "container_title": None, "type": "book"}),
    # two authors; an initial before the year; a letter after the year; "no." instead of "(3)"
    ("Smith, John, and Jane Doe. 2020. Harbour Politics. Oxford: Oxford University Press.",
     {"authors": [{"family": "Smith", "given": "John"}, {"family": "Doe", "given": "Jane"}],
      "title": "Harbour Politics", "issued": "2020", "publisher": "Oxford University Press", "type": "book"}),
    ("Pyle, Kenneth B. 2007. Japan Rising: The Resurgence of Japanese Power. New York: PublicAffairs.",
     {"authors": [{"family": "Pyle", "given": "Kenneth B."}], "issued": "2007",
      "title": "Japan Rising: The Resurgence of Japanese Power", "publisher_place": "New York"}),
    ('Berg, Anna. 2019a. "Fjords and Fleets." Nordic Naval Review 8, no. 2: 14–29.',
     {"issued": "2019", "title": "Fjords and Fleets", "container_title": "Nordic Naval Review",
      "volume": "8", "issue": "2", "page": "14–29", "type": "article-journal"}),
    ("Ota, K. (2021b). Harbour states. Northern Lights Press.",  # APA's letter too
     {"issued": "2021", "title": "Harbour states", "publisher": "Northern Lights Press", "type": "book"}),
    # editors in place of authors: ", ed." (Chicago) and "(ed.)"
    ("Lee, Ana, ed. 2017. Ports and Power in Asia. London: Routledge.",
     {"editors": [{"family": "Lee", "given": "Ana"}], "authors": [], "title": "Ports and Power in Asia",
      "issued": "2017", "publisher": "Routledge", "type": "book"}),
    ("Lee, Ana (ed.). 2017. *Ports and Power in Asia*. London: Routledge.",
     {"editors": [{"family": "Lee", "given": "Ana"}], "authors": [], "title": "Ports and Power in Asia",
      "issued": "2017", "publisher_place": "London", "type": "book"}),
    # an institution as author; no date; not yet published
    ("Asia Maritime Council. 2022. Sea Lanes Outlook. Singapore: Asia Maritime Council.",
     {"authors": [{"literal": "Asia Maritime Council"}], "title": "Sea Lanes Outlook", "issued": "2022",
      "publisher": "Asia Maritime Council", "type": "report"}),
    ('Ito, Ken. n.d. "Harbour Watch." Accessed June 3, 2024. https://example.org/harbour-watch.',
     {"authors": [{"family": "Ito", "given": "Ken"}], "title": "Harbour Watch", "issued": None,
      "accessed": "2024-06-03", "type": "webpage"}),
    ('Doe, Jane. Forthcoming. "Reef Claims." Journal of Ocean Law.',
     {"title": "Reef Claims", "issued": None, "container_title": "Journal of Ocean Law", "publisher": None}),
    # a newspaper's full date refines the author-date year (same year only)
    ('Rich, Motoko. 2023. "Tokyo Weighs a New Fleet." New York Times, May 9, 2023.',
     {"issued": "2023-05-09", "issued_precision": "day", "container_title": "New York Times",
      "type": "article-newspaper"}),
    ('Rich, Motoko. 2023. "Tokyo Weighs a New Fleet." New York Times, May 9, 2022.',
     {"issued": "2023", "issued_precision": "year"}),
    # CRLF line breaks and trailing whitespace
    ('Yamada, Ken. 2020. "Coast Guards Compared."\r\nOcean Policy Quarterly 5 (2): 1–20.  \r\n',
     {"title": "Coast Guards Compared", "container_title": "Ocean Policy Quarterly", "volume": "5",
      "issue": "2", "page": "1–20", "issued": "2020", "type": "article-journal"}),
])
def test_chicago_author_date(text, expected):
    rec = C.parse_citation(text)
    assert {k: rec.get(k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # the reviewer's strings: pages then year, no "pp.", a month
    ('A. Lee and B. Kim, "Alliance signalling," Asian Survey, vol. 61, no. 2, pp. 200-220, 2021.',
     {"issued": "2021", "issued_precision": "year", "volume": "61", "issue": "2", "page": "200-220",
      "locator": None, "container_title": "Asian Survey", "type": "article-journal"}),
    ('A. Lee and B. Kim, "Alliance signalling," Asian Survey, vol. 61, no. 2, 200-220, 2021.',
     {"issued": "2021", "page": "200-220", "locator": None}),
    ('A. Lee and B. Kim, "Alliance signalling," Asian Survey, vol. 61, no. 2, pp. 200-220, Mar. 2021.',
     {"issued": "2021-03", "issued_precision": "month", "page": "200-220"}),
    # no pages at all; a day; a range of months (only as precise as its year)
    ('C. Wu, "Quad tides," Pacific Review, vol. 7, no. 1, 2020.',
     {"issued": "2020", "page": None, "volume": "7", "issue": "1", "type": "article-journal"}),
    ('C. Wu, "Quad tides," Pacific Review, vol. 7, no. 1, pp. 3–9, Sept. 14, 2020.',
     {"issued": "2020-09-14", "issued_precision": "day", "page": "3–9"}),
    ('C. Wu, "Quad tides," Pacific Review, vol. 7, no. 1, pp. 3–9, Jul.–Aug. 2020.',
     {"issued": "2020", "issued_precision": "year", "page": "3–9", "publisher": None}),
    # an article number: neither the issue nor the pages, and it marks a journal
    ('D. Park, "Radar gaps," Sensors, vol. 22, no. 4, Art. no. 1450, 2022.',
     {"volume": "22", "issue": "4", "number": "1450", "page": None, "issued": "2022",
      "publisher": None, "container_title": "Sensors", "type": "article-journal"}),
    ('D. Park, "Radar gaps," Sensors, vol. 22, Art. no. e0311, Apr. 2022, doi: 10.3390/s2204.',
     {"volume": "22", "issue": None, "number": "e0311", "issued": "2022-04", "doi": "10.3390/s2204",
      "type": "article-journal"}),
    # a pinpoint that is no year stays the note's locator; a parenthesised date is the date
    ("Jane Roe, “Reef Wars,” Journal of Island Studies 3, no. 1 (2019): 10–20, 12.",
     {"issued": "2019", "page": "10–20", "locator": "12"}),
    # CRLF
    ('E. Sato, "Deterrence online,"\r\nSecurity Letters, vol. 4, no. 3, pp. 5–8, Dec. 2019. \r\n',
     {"issued": "2019-12", "volume": "4", "issue": "3", "page": "5–8", "title": "Deterrence online"}),
])
def test_ieee_date_after_volume_and_pages(text, expected):
    rec = C.parse_reference(text)
    assert {k: rec.get(k) for k in expected} == expected


def test_author_date_details():
    assert C.parse_date("2019a") == ("2019", "year") and C.parse_date("(2019b)") == ("2019", "year")
    assert C.parse_date("1990s") is None  # a decade is no date
    assert C.parse_footnote("Sato, Yoichiro. 2007. Southeast Asian Receptiveness. Honolulu: APCSS.")["kind"] == "citation"
    rec = C.parse_reference('D. Park, "Radar gaps," Sensors, vol. 22, no. 4, Art. no. 1450, 2022.')
    assert C.to_csl(rec, "park")["number"] == "1450"
    # a magazine's "Vol. 150/5" is no journal, even with its issue
    rec = C.parse_citation("Ann Roe. Fleet Notes. Naval Institute. May 2024 Proceedings Vol. 150/5/1,455.")
    assert rec["type"] == "article-magazine"


def test_author_date_and_ieee_held_out():
    """citations_authordate_ieee.yml was written after the reviewer's two examples were fixed
    and before the parser was run on it. First run: 329 / 343 field values right (95.9 %), 136
    / 147 of the values the gold writes (92.5 %). Five general faults it showed were then fixed
    (an initial before the year sentence, "Cha, Victor D. 2016."; a range of months split at
    "Mar."; IEEE "Art. no." split at "Art."; a newspaper's full date after the author-date year;
    "vol. N, no. N" without pages typed as a magazine), each with variants of its own in the
    tests above, so the file is no longer held out; the floors are what is reached now."""
    table, misses, overall, written = author_date_ieee_accuracy()
    assert overall >= 0.99 and written >= 0.99, misses
    assert table["kind"][0] == table["kind"][1]

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


# --- held-out gold: styles that do not occur in the seeds -----------------------------------------

HELDOUT_FIELDS = ["type", "authors", "et_al", "editors", "title", "container_title", "publisher",
                  "publisher_place", "issued", "issued_precision", "accessed", "url", "doi",
                  "domain", "volume", "issue", "page", "locator"]
LIST_FIELDS = {"authors": [], "editors": [], "et_al": False}


def gold_value(gold, field):
    return gold.get(field, LIST_FIELDS.get(field))


def mine_value(record, field):
    value = record.get(field) if record else None
    return LIST_FIELDS.get(field) if value in (None, [], False) and field in LIST_FIELDS else value


def score_heldout(rows, fields):
    """rows: (key, gold dict, parsed record or None, extra {field: value}); explanatory notes
    (gold kind "note") are scored on their kind only."""
    table, misses = {}, []
    for key, gold, record, extra in rows:
        for f in fields:
            if gold.get("kind") == "note" and f not in ("kind", "text", "context"):
                continue
            if f in ("text", "context") and f not in gold:
                continue  # a note's second citation: its body and sentence were scored once
            g = norm(gold_value(gold, f)) if f not in ("kind",) else gold.get("kind", "citation")
            m = norm(extra[f] if f in extra else mine_value(record, f))
            right, total = table.get(f, (0, 0))
            table[f] = (right + (g == m), total + 1)
            if g != m:
                misses.append((key, f, g, m))
    return table, misses


def load_gold(name):
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))


def reference_rows(gold):
    rows = []
    for k, g in enumerate(gold["references"], start=1):
        if g.get("entry") == "reference":
            record, kind = C.parse_reference(g["text"]), "citation"
        else:
            parsed = C.parse_footnote(g["text"])
            kind = parsed["kind"]
            record = parsed["citations"][0][2] if parsed["citations"] else None
        rows.append((f"{k}:{g['style']}", g, record, {"kind": kind}))
    return rows


def document_rows(gold):
    """One row per gold citation of the documents' notes (a flat note is its first citation),
    with the note's body text, kind, context, and the note whose work a repeat refers to."""
    from alliance_record.ingest import Document, decode_seed

    rows = []
    for d in gold["documents"]:
        raw = d["text"].replace("\n", "\r\n") if d["crlf"] else d["text"]
        data = (("\ufeff" if d["bom"] else "") + raw).encode("utf-8")
        doc = Document(id=d["id"], stem=d["id"], source_file=f"{d['id']}.txt",
                       text=decode_seed(data, f"{d['id']}.txt"),
                       meta={"title": d["title"], "publisher": "Example Institute"})
        found = footnotes.read_footnotes(doc, segment.segment(doc))
        by_number = {r["number"]: r for r in found["footnotes"]}
        number_of = {r["id"]: r["number"] for r in found["footnotes"]}
        cites = {c["id"]: c for c in found["citations"]}
        of_note: dict = {}
        for c in found["citations"]:
            of_note.setdefault(c["footnote_id"], []).append(c)
        for g in d["notes"]:
            row = by_number.get(g["number"], {})
            mine = of_note.get(row.get("id"), [])
            golds = g.get("citations") or [g]
            for k, gc in enumerate(golds):
                cite = mine[k] if k < len(mine) else None
                target = cite
                while target and target.get("repeats"):
                    target = cites[target["repeats"]]
                extra = {"refers_to": number_of[target["footnote_id"]] if target is not cite else None}
                extra["kind"] = row.get("kind")  # the note's kind; its body and sentence once
                gc = dict(gc, kind=g["kind"])
                if k == 0:
                    extra.update(text=row.get("text"), context=row.get("context"))
                    gc.update(text=g["text"], context=g["context"])
                rows.append((f"{d['id']}#{g['number']}.{k + 1}", gc, cite["record"] if cite else None, extra))
    return rows


def report_accuracy(name):
    """Field accuracy tables for one gold file: (reference table, document table, overall)."""
    gold = load_gold(name)
    ref_table, ref_misses = score_heldout(reference_rows(gold), ["kind"] + HELDOUT_FIELDS)
    doc_rows = document_rows(gold)
    doc_fields = ["kind", "text", "context", "refers_to"] + HELDOUT_FIELDS
    doc_table, doc_misses = score_heldout(doc_rows, doc_fields)
    print_table(f"{name}: reference strings ({len(gold['references'])})", ref_table)
    print_table(f"{name}: notes of {len(gold['documents'])} documents ({len(doc_rows)} citations)", doc_table)
    for miss in ref_misses + doc_misses:
        print("MISS", *miss)
    right = sum(r for t in (ref_table, doc_table) for r, _ in t.values())
    total = sum(n for t in (ref_table, doc_table) for _, n in t.values())
    # The same over the values the gold writes (a null that stays null is not counted).
    wrong = {(key, f) for key, f, g, _ in ref_misses + doc_misses if g not in (None, [], False)}
    written = [(key, f) for key, g, _, _ in reference_rows(gold) + doc_rows for f in doc_fields
               if g.get(f) not in (None, [], False) and (g.get("kind") != "note" or f == "kind")]
    hits = sum(1 for item in written if item not in wrong)
    print(f"{name}: overall {right} / {total} = {right / total:.1%}; "
          f"on the values the gold writes {hits} / {len(written)} = {hits / len(written):.1%}")
    return ref_table, doc_table, right / total, hits / len(written)


def test_development_set_field_accuracy():
    """citations_heldout.yml was annotated before the parser was run on it, then used while
    generalising the parser: a development set, reported with a floor just under its score."""
    ref_table, doc_table, overall, _ = report_accuracy("citations_heldout.yml")
    assert overall >= 0.99
    assert all(doc_table[f][0] == doc_table[f][1] for f in ("kind", "text", "context", "refers_to"))


def test_test_set_field_accuracy():
    """citations_test.yml was written after development and first scored once the parser was
    done: 787 / 814 field values right (96.7 %), 323 / 341 of the values the gold writes
    (94.7 %) -- the honest measure, reported in the README (the parser of main scored 78.1 % and
    55.1 %). Six general faults it showed were then fixed (with variants of their own in
    test_styles_written_after_the_test_set), so the file is no longer held out; the floors are
    what is reached now."""
    ref_table, doc_table, overall, written = report_accuracy("citations_test.yml")
    assert overall >= TEST_SET_FLOOR and written >= TEST_SET_WRITTEN_FLOOR
    assert ref_table["kind"][0] / ref_table["kind"][1] >= TEST_SET_KIND_FLOOR


TEST_SET_FLOOR = 0.99
TEST_SET_WRITTEN_FLOOR = 0.99
TEST_SET_KIND_FLOOR = 1.0


def author_date_ieee_accuracy():
    """Field accuracy on citations_authordate_ieee.yml: (table, misses, overall, on written)."""
    gold = load_gold("citations_authordate_ieee.yml")
    rows = reference_rows(gold)
    table, misses = score_heldout(rows, ["kind"] + HELDOUT_FIELDS)
    print_table(f"citations_authordate_ieee.yml ({len(rows)})", table)
    for miss in misses:
        print("MISS", *miss)
    right = sum(r for r, _ in table.values())
    total = sum(n for _, n in table.values())
    wrong = {(key, f) for key, f, g, _ in misses if g not in (None, [], False)}
    written = [(key, f) for key, g, _, _ in rows for f in ["kind"] + HELDOUT_FIELDS
               if g.get(f) not in (None, [], False) and (g.get("kind") != "note" or f == "kind")]
    hits = sum(1 for item in written if item not in wrong)
    print(f"citations_authordate_ieee.yml: overall {right} / {total} = {right / total:.1%}; "
          f"on the values the gold writes {hits} / {len(written)} = {hits / len(written):.1%}")
    return table, misses, right / total, hits / len(written)


def _works_and_short_forms(n: int) -> str:
    """A document of ``n`` notes: odd notes cite works by authors of their own, even notes a short
    form (with a pinpoint or without) of an odd note about halfway back."""
    from alliance_record.bench import _made_name as made

    def note(k):
        j = (k // 2) | 1
        if k % 2:
            return f'{made(k)} {made(k + 7)}, "On {made(3 * k)} Harbours," Tideway Press, {2000 + k % 25}.'
        return f"{made(j + 7)}, On {made(3 * j)} Harbours" + (f", {k % 50 + 1}." if k % 4 == 0 else ".")
    return "Title\n\nA claim.1\n\nNotes\n\n" + "".join(f"{k}. {note(k)}\n" for k in range(1, n + 1))


def test_a_short_form_finds_the_work_it_abbreviates_without_reading_every_earlier_citation(monkeypatch):
    # Each short form names the note it repeats; the family names compared (fold_title) grow with
    # the notes, not with the notes times the citations before each (a scan of all earlier records)
    calls = []
    fold = C.fold_title
    monkeypatch.setattr(C, "fold_title", lambda title: calls.append(title) or fold(title))
    counts = {}
    for n in (100, 400):
        calls.clear()
        doc = Document(id="d", stem="d", source_file="d.txt", text=_works_and_short_forms(n), meta={"title": "Title"})
        found = footnotes.read_footnotes(doc, segment.segment(doc))
        counts[n] = len(calls)
        by_id = {c["id"]: c for c in found["citations"]}
        number = {c["id"]: int(c["footnote_id"].rsplit("fn", 1)[1]) for c in found["citations"]}
        repeats = {number[c["id"]]: number[c["repeats"]] for c in found["citations"] if c["repeats"]}
        assert all(repeats[k] == (k // 2) | 1 for k in repeats) and len(repeats) > n // 3, n
        assert all(by_id[c["repeats"]]["record"]["title"].endswith(c["record"]["title"].split(" ", 1)[1])
                   for c in found["citations"] if c["repeats"])
    assert counts[400] <= 5 * counts[100], counts


def test_a_short_form_repeats_the_latest_work_whose_title_begins_with_its_words():
    earlier = C.CitedWorks(C.parse_citation(t) for t in (
        "Ana Ruiz, The Harbour Question (Leeds: Kestrel Press, 2001).",
        "Ana Ruiz, Harbour Questions Again (Leeds: Kestrel Press, 2003).",
        "Ana Ruiz, Harbour Question and Answer (Leeds: Kestrel Press, 2005).",
        "Tomas Ruiz, Harbour Question Revisited (Leeds: Kestrel Press, 2007).",  # the latest Ruiz
        "Ana Ruiz, Canal Routes (Leeds: Kestrel Press, 2009).",
    ))
    asked = {"Ruiz, Harbour Question, 4.": 3, "Ruiz, The Harbour Question, 4.": 3, "Ruiz, Harbour Questions, 4.": 1,
             "Ruiz, Harbour Quest, 4.": None, "Ruiz, Canal Routes, 2.": 4, "Ruiz, Canal Route, 2.": None,
             "Ruiz, Harbour Question and Answer, 4.": 2, "Ruiz, op. cit., 9.": 4, "Lee, Canal Routes, 2.": None}
    for text, k in asked.items():
        assert C.refers_to(C.parse_citation(text), earlier) == k, text
        assert C.refers_to(C.parse_citation(text), list(earlier)) == k, text  # a plain list alike
