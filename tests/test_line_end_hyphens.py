"""Issue 14: a word hyphenated at the end of a PDF line ("Brandau-⏎er") is read as one word only on
one piece of evidence (extract._text.soft_hyphen): the same document writes the joined word
elsewhere ("Brandauer") and nowhere writes the pair hyphenated ("brandau-er"). Any other hyphen stays:
a compound broken at its own hyphen ("Okinawa-⏎hosted", "Hong Kong-⏎born", "well-⏎known") and a
hyphenated given name ("Yoon Suk-⏎yeol"). That one decision, made with the document's words, is
asked by every path that reads a name (the matcher's view, the name tokens, a candidate's name,
grown or glued). The document's text is never rewritten: a mention's span covers the break, as the
document writes it."""

import pytest

from alliance_record import acquire
from alliance_record.extract._text import document_words, rejoined, soft_breaks
from alliance_record.extract.mentions import View

from test_mentions import COUNTRIES, _with


def _soft(text: str) -> bool:
    """Whether the one break in ``text`` is read as a broken word (with ``text``'s own words)."""
    return bool(list(soft_breaks(text, document_words(text))))


def test_a_joined_word_the_document_writes_elsewhere_is_one_word():
    assert _soft("allied co-\noperation grew; cooperation and an operation ended in May")
    assert _soft("the town of Nago-\nshiro lies north of here; Nagoshiro has one harbour")
    assert _soft("ships sailed to Bris-\nbane in the spring; Brisbane welcomed them")
    assert _soft("the drill ran until 9 Decem-\nber and again in December")


def test_no_evidence_no_join():
    # a broken word the document writes nowhere else keeps its hyphen (the matcher misses it, as
    # before; a wrong join costs more than a missed one)
    assert not _soft("the envoys who sailed to Bris-\nbane that week")
    assert not _soft("the fleet commander, Adm. Lena Brück-\nler, flew in at dawn")
    # written hyphenated elsewhere: a compound
    assert not _soft("long-\nrange fires; more long-range fires were bought")


# a compound broken at its own hyphen: a name or a word, then a word of its own
COMPOUNDS = ("officials said the Okinawa-\nhosted units would stay",
             "during the Tokyo-\narea base talks", "a Japan-\nspecific rule was dropped",
             "an analyst who is well-\nknown in the capital", "a long-\nstanding quarrel",
             "the Futenma-\nreplacement site at the bay", "Premier Shigeru Ishiba-\nappointed envoys flew out",
             "Premier Shigeru Ishiba-\nera budgets grew", "the Indo-\nPacific theatre",
             # review10: a capitalised word before a broken word is no sign of a family name
             "a banker, Hong Kong-\nborn, flew to Osaka on Tuesday",
             "a sailor who was San Diego-\nborn joined the carrier",
             "infantry drilled on the Camp Hansen-\narea ranges at night",
             "the protests on the Camp Schwab-\nside of the bay went on", "pundits mocked a Rahm Emanuel-\nlite plan",
             "reporters asked Hiroshi Tanaka-\nsan about the runway", "aides on the Denny Tamaki-\nside of the talks")
# a hyphenated given name (review10)
HYPHENATED_NAMES = ("On Friday President Yoon Suk-\nyeol flew to Canberra",
                    "talks with President Lai Ching-\nte ended early",
                    "a missile test ordered by Kim Jong-\nun alarmed Seoul",
                    "envoy Choe Son-\nhui answered in writing",
                    "the diaries of Chiang Kai-\nshek were sold")


@pytest.mark.parametrize("text", COMPOUNDS + HYPHENATED_NAMES)
def test_a_compound_or_a_hyphenated_name_broken_at_its_own_hyphen_keeps_it(text):
    assert not _soft(text)


def test_rejoined_writes_only_the_broken_words_whole():
    text = "Adm. Ines Brandau-\ner met the Yokosuka-\nbased crews; Brandauer left at noon"
    assert rejoined(text, document_words(text)) == \
        "Adm. Ines Brandauer met the Yokosuka-\nbased crews; Brandauer left at noon"


def test_a_view_reads_through_a_break_only_with_the_words_it_is_given():
    # review10 finding 8: a snippet's view (a heading, a boilerplate row) has no soft break of its
    # own; it reads through one with the document's words only
    text = "the Bris-\nbane talks; Brisbane"
    assert "Brisbane talks" not in View.of(text).view
    assert "Brisbane talks" in View.of(text, document_words(text)).view
    alone = "the Bris-\nbane talks"  # (the joined word written nowhere: no evidence)
    assert "Brisbane talks" not in View.of(alone, document_words(alone)).view


def test_a_pdf_paragraph_keeps_a_compound_broken_at_a_line_end():
    lines = [acquire.Line("the Okinawa-", 0, 10, 0, 1, 11), acquire.Line("hosted units and a well-", 0, 10, 2, 3, 11),
             acquire.Line("known analyst", 0, 10, 4, 5, 11)]
    assert acquire._join(lines, {"okinawa", "units", "analyst"}) == \
        "the Okinawa-hosted units and a well-known analyst"


def test_registry_names_before_a_compound_broken_at_a_line_end_are_still_found():
    found, candidates = _with(COUNTRIES, "Officials said the Okinawa-\nhosted forces would stay. The Japan-\n"
                                         "specific rule was dropped in the Tokyo-\narea talks.")
    assert ("Japan", "actor:japan") in found, found
    assert ("Tokyo", "place:tokyo") in found, found
    assert not any(n.endswith(("hosted", "specific", "area")) for n in candidates), list(candidates)


def test_names_before_a_compound_or_with_a_hyphenated_given_name_are_not_joined():
    _, candidates = _with(COUNTRIES, "A Hong Kong-\nborn banker met officials in Tokyo on Monday. "
                                     "Soldiers at the Camp Hansen-\narea ranges trained. "
                                     "Later President Yoon Suk-\nyeol spoke with Governor Denny Tamaki-\n"
                                     "side staff.\n")
    for joined in ("Kongborn", "Hansenarea", "Sukyeol", "Tamakiside"):
        assert not any(joined in n for n in candidates), (joined, list(candidates))


def test_a_name_broken_at_a_line_end_is_found_whole_and_keeps_its_characters():
    text = ("The harbour board said on Friday that Adm. Ines Brandau-\n"
            "er would visit the port; the Japanese Minis-\n"
            "try of Defense sent two officials, who had flown in from Wash-\n"
            "ington the night before (Washington pays; Brandauer flies; a ministry car waited), and the Yokosuka-\n"
            "based tender stayed in port. Prime Minister Shigeru Ishiba-\n"
            "appointed envoys met there for defence talks.\n")
    found, candidates = _with(COUNTRIES, text)
    assert "Ines Brandauer" in candidates, list(candidates)
    assert not any("Yokosukabased" in n or "Ishibaappointed" in n or n == "Ines" for n in candidates), \
        list(candidates)
    assert ("Japanese Minis-\ntry of Defense", "actor:jp-mod") in found, found
    assert any(s == "Wash-\nington" for s, _ in found), found


def test_a_grown_or_glued_name_is_written_with_the_same_decision():
    # review10 finding 3: a name grown to an institution or glued to a registry name is read again
    # from the text; it is written whole where the break is one word, and never with "- " inside
    _, candidates = _with(COUNTRIES, "Residents of Tokyo Shina-\ngawa ward met the governor. Shinagawa is big.\n")
    assert "Tokyo Shinagawa" in candidates, list(candidates)
    _, candidates = _with(COUNTRIES, "Cooperation with Japan grew, and the Japan-U.S. Co-\n"
                                     "operation Forum met in Tokyo.\n")
    assert "Japan-U.S. Cooperation Forum" in candidates, list(candidates)
    _, candidates = _with(COUNTRIES, "The Ines Brandau-\ner Center of the University of Tokyo hosted them. "
                                     "Brandauer spoke first.\n")
    assert "Ines Brandauer Center of the University of Tokyo" in candidates, list(candidates)
    _, candidates = _with(COUNTRIES, "Officials met with Japan Brandau-\ner and others.\n")
    assert not any("- " in n or "-\n" in n for n in candidates), list(candidates)


def test_a_date_is_read_through_a_month_broken_at_a_line_end():
    """Issue 15 (a): the date finder reads a month the typesetter broke ("Decem-⏎ber") whole, on the
    same decision (soft_hyphen) as the names; the row's spans are the document's own characters."""
    from alliance_record import dates
    from alliance_record.extract.date_mentions import read_whole
    from alliance_record.segment import Multi, Piece, Region

    doc = "Header line\nThe review closed on 3 Decem-\nber 2025, and a second one in December.\n"
    start = doc.index("The")
    end = doc.index("\n", doc.index("second"))
    region = Region("body", Multi([Piece(start, end)]), doc[start:end])
    whole = read_whole(region, document_words(doc))
    first = dates.find_dates(whole.text)[0]
    assert (first.year, first.month, first.day) == (2025, 12, 3)
    pieces = whole.multi.sub(first.start, first.end)
    assert [doc[p.start:p.end] for p in pieces] == ["on 3 Decem", "ber 2025"]
    # no evidence (the month is written nowhere else): the region is read as written
    lone = "The review closed on 3 Decem-\nber 2025."
    plain = Region("body", Multi([Piece(0, len(lone))]), lone)
    assert read_whole(plain, document_words(lone)) is plain


def test_an_event_dated_through_a_month_broken_at_a_line_end_links_its_date_row(tmp_path):
    """An annotated event dated by the year of "De-⏎cember 2025" is dated by the expression the
    date rows read through the break ("December 2025", on soft_hyphen's decision), and its source
    links that row (event_sources.date_mention_id), not nothing."""
    from conftest import built_with_event

    story = ("Harbour plan\n\nThe port board met in December to plan the works. It said the new berth "
             "opened in De-\ncember 2025 after a long delay.\n")
    conn = built_with_event(tmp_path, "doc_h", story, "2026-01-20", {
        "id": "berth-opens", "summary": "The new berth opens.", "event_type": "ceremony",
        "evidence": [{"quote": "It said the new berth opened", "date": "2025"}]})
    row = conn.execute("select id, date_start from date_mentions where written like '%2025'").fetchone()
    assert row[1] == "2025-12"
    assert conn.execute("select date_mention_id from event_sources").fetchall() == [(row[0],)]
    assert conn.execute("select date_start from events").fetchall() == [("2025-12",)]
