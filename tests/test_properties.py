"""Property tests (hypothesis) on the stages that read free text.

Texts are drawn from arbitrary Unicode mixed with the fragments real seeds are made of —
superscript footnote markers, bullets, URLs, headings, "Notes", figure lines, dates, registry
names, quotation marks, blank lines, CRLF and byte-order marks — so that the examples reach the
rules, not only the fallbacks. Each property: no exception, every offset inside the text and
quoting exactly what its row says (``load.check_row``, the check the build itself makes before
writing), and normalisation idempotent.

Runs are bounded (``max_examples``) and derandomised, so CI is deterministic and the suite fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import tempfile
import textwrap
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alliance_record import citations, curate, dates, ingest, pipeline, schema, segment
from alliance_record.errors import Collector
from alliance_record.extract import mentions
from alliance_record.load import check_row, prepare

SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = [
    # structure
    "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\ufeff", "\t", "  ", "\u00a0", "\u200b",
    "Notes\n\n", "References\n\n", "Endnotes\n\n", "Introduction\n\n", "OPINION:\n\n",
    "Figure 1. <https://example.org/chart>\n\n", "Courtesy of the Defense Ministry\n",
    "(Image Credit: Example Agency)", "Related Articles\n\n", "Subscribe to our newsletter\n\n",
    "By Jane Example\n\n", "Contents\n\n", "• ", "- ", "* ", "1. ", "[2] ",
    # footnote markers and bodies
    "¹", "²", "³", "¹⁰", "²³", "⁴⁵⁶", "\n\n¹ ", "\n\n² ", "\n\n¹² ",
    "Ibid.", "Ibid., 12.", "pp. 3-5; ", "; ", "(2019)", "Vol. 3, No. 2", "accessed March 3, 2025",
    "https://example.org/a_(b)", "<https://example.org/x>", "www.example.com/p?q=1", "doi:10.1000/xyz",
    "https://", "<", ">", "———. ",
    # dates
    "Dec. 10, 2025", "March 29-30, 2025", "from 1948 to 1977", "last month", "the day prior",
    "three days before the flight", "in 2024", "2025", "mid-2024", "the 2010s", "fiscal 2025",
    "on Thursday", "next week", "February 30, 2025", "0000", "9999", "Feb. 29, 2024",
    # names the small registry covers, and others
    "Tokyo", "Tokyo Bay", "Japan", "the United States", "U.S.", "Koizumi", "Shinjiro Koizumi",
    "Yu Koizumi", "Hegseth", "Japanese", "JSDF", "Washington", "China", "Smith, John",
    # ... and names no registry holds, which become candidates and registry drafts: a place the
    # gazetteer knows, places it does not, a person with a title, a body
    " in Canberra", " at Kin Bay", " near the Amabe Islands", "Ambassador Walter Pennick said",
    "the Okinawa Defense Bureau", "Western Australia",
    # sentences, quotes, quantities
    "Koizumi met Hegseth in Tokyo.", " said: “We must act.” ", "\"Quoted,\" he said.", "’s", "'",
    "5,000 troops", "$1.2 billion", "40%", "Japan should increase its defense spending.",
    "The U.S. and Japan", "e.g.", "Mr.", "?", "!", "...", "…", ";", ":", ",", ".",
    # awkward Unicode
    "e\u0301", "\u212b", "ﬁ", "Ａ", "𝐀", "🇯🇵", "שלום", "東京", "\u0000", "\u2028", "\u0085", "\x0c",
]

fragments = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join)


# How the catalogue's title relates to the printed first line: the same, or the same but for
# case and quotation marks (a curator typing "Japan's" for the printed "Japan’s"), or unrelated.
TITLES = {"first-line": lambda line: line, "recased": lambda line: line.upper().replace("’", "'"),
          "other": lambda line: "A Title Not In The Text"}


def as_document(raw: str, title: str = "first-line") -> ingest.Document:
    text = ingest.normalize_text(raw)
    first_line = text.strip().split("\n")[0][:80] if text.strip() else "Untitled"
    meta = {"title": TITLES[title](first_line), "publisher": "Example Press"}
    return ingest.Document(id="doc", stem="doc", source_file="doc.txt", text=text, meta=meta)


def check_rows(table: str, rows: list, text: str):
    """Every row quotes its text exactly (the build's own check), and ids are unique."""
    ids = [r.get("id") for r in rows if r.get("id") is not None]
    assert len(ids) == len(set(ids)), (table, ids)
    for row in rows:
        if schema.TABLES_BY_NAME[table].quotes:
            check_row(table, row, text)


# --- normalisation ---------------------------------------------------------------------------------

@settings(max_examples=300, **SETTINGS)
@given(fragments)
@example("\ufeff\ufeffTitle\r\n")  # a file saved twice with a BOM: one pass left the second BOM
def test_normalisation_is_idempotent(raw):
    once = ingest.normalize_text(raw)
    assert ingest.normalize_text(once) == once
    assert "\r" not in once and not once.startswith("\ufeff")


# --- the segmenter ---------------------------------------------------------------------------------

@settings(max_examples=250, **SETTINGS)
@given(fragments, st.sampled_from(sorted(TITLES)))
# the title row quoted the catalogue's title at the offsets of the printed one: a title that
# differed in case, quotes or trailing space failed the build's provenance check
@example("Title \n\nBody text.", "first-line")
@example("Japan’s Alliance\n\nBody text.", "recased")
def test_segmenter_rows_quote_the_text(raw, title):
    doc = as_document(raw, title)
    seg = segment.segment(doc)
    for table, rows in seg.rows().items():
        check_rows(table, rows, doc.text)
    starts = sorted((p["start"], p["end"]) for p in seg.paragraphs)
    assert all(a[1] <= b[0] for a, b in zip(starts, starts[1:])), starts  # paragraphs never overlap
    for note in seg.notes:
        for piece in note.body.pieces:
            assert 0 <= piece.start <= piece.end <= len(doc.text)
    for s in seg.sentences:
        p = next(p for p in seg.paragraphs if p["id"] == s["paragraph_id"])
        assert p["start"] <= s["start"] <= s["end"] <= p["end"]


# Lines of page clutter mixed into the fragments: whatever the segmenter sets aside, it must
# set aside as a boilerplate row, never drop.
CLUTTER = ["SHARE\n", "Tweet\n", "ADVERTISEMENT\n", "Page 1 of 2\n", "VIRIN: 250330-D-XI307-1002.JPG\n",
           "By Jane Roe STAFF WRITER\n", "Related: Other news\n", "Home > News > Asia\n",
           "TOKYO (Kyodo) -- Japan said on Monday it would act.\n", "■ A bullet item\n", "Tags: Japan, defense\n",
           "SUBSCRIBE NOW for US$4.99 a month\n", "March 30, 2025\n", "We use cookies. Accept\n", "____\n"]
cluttered = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(CLUTTER), st.text(max_size=12)),
                     max_size=40).map("".join)


@settings(max_examples=200, **SETTINGS)
@given(cluttered)
@example("Title\nSHARE\nBy Jane Roe STAFF WRITER\nTOKYO (Kyodo) -- Japan met on Monday.\nPage 1 of 2\nMore text here.\n")
def test_nothing_of_the_text_is_lost(raw):
    """Every letter and digit of a text is in a row: a paragraph, a heading (the title, an
    author, an affiliation), a boilerplate row, a figure, or a note (its marker or its body)."""
    doc = as_document(raw)
    seg = segment.segment(doc)
    covered = bytearray(len(doc.text))

    def mark(a, b):
        if a is not None and b is not None:
            covered[a:b] = b"\x01" * (b - a)

    for p in seg.paragraphs:
        for a, b in (json.loads(p["spans"]) if p["spans"] else [(p["start"], p["end"])]):
            mark(a, b)
    for sec in seg.sections:
        for k in ("heading", "author", "affiliation"):
            mark(sec.get(f"{k}_start"), sec.get(f"{k}_end"))
    for row in seg.boilerplate + seg.figures:
        mark(row["start"], row["end"])
    if seg.title_span:
        mark(*seg.title_span)
    for note in seg.notes:
        for piece in note.body.pieces:
            mark(piece.start, piece.end)
        m = re.search(r"(\[(?:\d{1,3}|[a-z])\]|\d{1,3}\.|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*$", doc.text[:note.body.pieces[0].start])
        if m:
            mark(m.start(), m.end())
    lost = [i for i, ch in enumerate(doc.text) if ch.isalnum() and not covered[i]]
    assert not lost, doc.text[lost[0]:lost[0] + 40]


# --- footnotes and citations -----------------------------------------------------------------------

@settings(max_examples=300, **SETTINGS)
@given(fragments)
@example("A. Author. Title. Example Press, 2020. https://[")  # urlsplit: "Invalid IPv6 URL"
def test_footnote_parser_ranges_and_records(body):
    parsed = citations.parse_footnote(body)
    assert parsed["kind"] in ("note", "citation")
    previous_end = 0
    for start, end, rec in parsed["citations"]:
        assert previous_end <= start < end <= len(body)
        previous_end = end
        assert rec["raw"] == body[start:end]
        json.dumps(citations.to_csl(rec, "item"))
    rec = citations.parse_reference(body, previous_authors=[{"family": "Example", "given": "Jane"}])
    json.dumps(citations.to_csl(rec, "item"))


# the words a date is made of, and near misses ("Marine", "2025-3", "1990s", a long s)
DATE_WORDS = ["March", "mar.", "Sept", "MAY", "jun", "Marine", "ſeptember", "5", "31", "2021", "1990s", "2019a",
              "2025-03", "2025-03-05", "2025-3", "-", ",", " ", "(", ")", "n.d."]


def texts_of(words: list[str], size: int = 12):
    """Texts joined from ``words``, the fragments above and short random strings."""
    return st.lists(st.one_of(st.sampled_from(words), st.sampled_from(FRAGMENTS), st.text(max_size=6)),
                    max_size=size).map("".join)


def same_finds(fast: re.Pattern, slow: re.Pattern, text: str) -> bool:
    """A pattern with a cheaper opening finds something in ``text`` exactly where the full one does."""
    return (fast.search(text) is None) == (slow.search(text) is None)


date_texts = texts_of(DATE_WORDS)


@settings(max_examples=400, **SETTINGS)
@given(date_texts)
@example("Mar. 2021, 5")
@example("2025-03 and March")
def test_date_finder_skips_only_patterns_that_cannot_match(text):
    """find_date runs a date pattern only when the text holds what it needs (a year, a month's
    name, a hyphen): the same answer as every pattern run (a copy of the list skips nothing)."""
    assert citations.find_date(text) == citations.find_date(text, list(citations.DATE_PATTERNS))


@settings(max_examples=400, **SETTINGS)
@given(date_texts)
@example("It may rain")
@example("ſep 2021")
@example("Sept. 2021 and DECEMBER")
def test_month_prefilter_finds_a_month_name_wherever_the_names_are(text):
    """The prefilter of find_date (three letters opening a word) finds a month's name exactly
    where the full alternation of the names and abbreviations does: never fewer (a date missed),
    never more (patterns run for nothing)."""
    assert same_finds(citations.ANY_MONTH_NAME, re.compile(rf"(?i)\b{citations.MONTH}"), text)


SIGNAL_WORDS = ["https://", "HTTP://", "www.", "doi", "DOI:", "*Title*", "Accessed", "retrieved", "In: ", "in:",
                "(eds.)", "(Ed)", "no date", "N.D.", "ibid", "İbid", "ıbid", "op. cit", "Op.cit", "ſ", "K", " ", ","]


@settings(max_examples=400, **SETTINGS)
@given(texts_of(SIGNAL_WORDS, 10))
@example("Smith, op. cit., 4.")
@example("See N.D. and (Eds.)")
def test_citation_signal_lookahead_skips_only_characters_no_signal_opens(text):
    """CITATION_SIGNALS' lookahead (the signals' first characters) finds a signal exactly where
    the alternation alone does."""
    opening = f"(?=[{re.escape(citations.SIGNAL_OPENINGS)}])"
    assert opening in citations.CITATION_SIGNALS.pattern
    assert same_finds(citations.CITATION_SIGNALS, re.compile(citations.CITATION_SIGNALS.pattern.replace(opening, "")),
                      text)


@settings(max_examples=300, **SETTINGS)
@given(fragments)
def test_protected_mask_is_the_characters_inside_titles_brackets_and_urls(text):
    """The mask split points avoid, marked span by span: the same as marked character by character."""
    mask = [False] * len(text)
    for a, b in citations._title_spans(text):
        for k in range(a, b):
            mask[k] = True
    for m in citations.ITALIC_TAG_OR_URL.finditer(text):
        for k in range(m.start(), m.end()):
            mask[k] = True
    depth = 0
    for k, ch in enumerate(text):
        depth += ch in "(["
        if ch in ")]" and depth:
            depth -= 1
            mask[k] = True
        mask[k] = mask[k] or bool(depth)
    assert citations._protected(text) == mask


@settings(max_examples=300, **SETTINGS)
@given(fragments)
def test_gazetteer_key_folds_ascii_as_it_folds_the_rest(name):
    """A name's gazetteer key: accents dropped, case folded, spaces collapsed -- an ASCII name by a
    shorter way that must give the same key (and the same slug)."""
    from alliance_record import gazetteer
    from alliance_record.extract import entities

    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    assert gazetteer._key(name) == " ".join(folded.casefold().split())
    assert entities._fold(name) == folded
    ascii_name = name.encode("ascii", "ignore").decode()
    assert gazetteer._key(ascii_name) == " ".join(ascii_name.casefold().split())


@settings(max_examples=120, **SETTINGS)
@given(fragments)
@example("\n\n¹ https://[")
def test_footnote_rows_quote_the_text(raw):
    """The footnotes extractor over whole documents: bodies, markers and contexts in bounds."""
    from alliance_record.extract.footnotes import read_footnotes

    doc = as_document("Title\n\n" + raw)
    found = read_footnotes(doc, segment.segment(doc))
    check_rows("footnotes", found["footnotes"], doc.text)


# --- dates -----------------------------------------------------------------------------------------

WINDOWS = [("2025-03-01", "2025-03-31"), ("2025-12-10", "2025-12-10"), ("0001-01-01", "0001-01-01"),
           ("9999-12-31", "9999-12-31")]


@settings(max_examples=300, **SETTINGS)
@given(fragments, st.sampled_from(WINDOWS), st.sampled_from([None, "past", "future"]))
# counting back from January of year 1, or on from the last day of 9999, left the calendar:
# "year 0 is out of range", "date value out of range" (and the window loop itself overflowed)
@example("last month", ("0001-01-01", "0001-01-01"), None)
@example("last month", ("9999-12-31", "9999-12-31"), None)
@example("three days before the flight", ("0001-01-01", "0001-01-01"), "past")
@example("Dec. 10", ("0001-01-01", "0001-01-01"), None)  # the most recent Dec. 10 is in year 0000
def test_dates_quote_their_phrase_and_resolve_to_iso(text, window, direction):
    found = dates.find_dates(text)
    previous_end = 0
    for m in found:
        assert previous_end <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.phrase
        previous_end = m.end
        for anchor in (None, window):
            r = dates.resolve(m, window=window, anchor=anchor, direction=direction)
            if r is None:
                continue
            assert r.date_precision in dates.RESOLVED_PRECISIONS
            first = dates.parse_iso(r.date_start)[1]
            last = dates.parse_iso(r.date_end)[2]
            assert first <= last, (m.phrase, r)


MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
# news style (AP): Jan., Feb., Aug., Sept., Oct., Nov., Dec.; the short months written out
SHORT_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
DAY_FORMATS = ["on {month} {day}, {year}", "on {day} {month} {year}", "on {mon} {day}, {year}", "on {iso}"]


@settings(max_examples=200, **SETTINGS)
# years are read from 1000 to 2099 (a larger four-digit number is rarely a year in these texts)
@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2099, 12, 31)), st.sampled_from(DAY_FORMATS))
def test_date_normalisation_is_idempotent(day, form):
    """A date written out any way normalises to its ISO form, and the ISO form written back
    into a text normalises to itself, at the same precision."""
    month = MONTH_NAMES[day.month - 1]
    text = "The meeting took place " + form.format(month=month, mon=SHORT_MONTHS[day.month - 1],
                                                   day=day.day, year=day.year, iso=day.isoformat()) + "."
    first = [dates.resolve(m) for m in dates.find_dates(text)]
    assert [(r.date_start, r.date_end, r.date_precision) for r in first] == [(day.isoformat(),) * 2 + ("day",)], text
    again = [dates.resolve(m) for m in dates.find_dates(f"It was on {first[0].date_start}.")]
    assert [(r.date_start, r.date_end, r.date_precision) for r in again] == \
        [(first[0].date_start, first[0].date_end, first[0].date_precision)]
    assert dates.precision_of(first[0].date_start) == "day"


# --- mentions --------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def small_registries():
    folder = Path(tempfile.mkdtemp(prefix="registries-"))
    (folder / "actors.yml").write_text(textwrap.dedent("""\
        actors:
          - {id: shinjiro-koizumi, name: Shinjiro Koizumi, type: person, aliases: [Koizumi]}
          - {id: yu-koizumi, name: Yu Koizumi, type: person, aliases: [Koizumi]}
          - {id: pete-hegseth, name: Pete Hegseth, type: person, aliases: [Hegseth]}
          - {id: japan, name: Japan, type: state, country: JP, aliases: [Tokyo], demonyms: [Japanese]}
          - {id: united-states, name: United States, type: state, country: US,
             aliases: [U.S., the United States, Washington]}
          - {id: jsdf, name: Japan Self-Defense Forces, type: military, parent: japan, aliases: [JSDF]}
        """), encoding="utf-8")
    (folder / "places.yml").write_text(textwrap.dedent("""\
        places:
          - {id: tokyo, name: Tokyo, type: city, latitude: 35.7, longitude: 139.7, geo_precision: point}
          - {id: tokyo-bay, name: Tokyo Bay, type: sea, latitude: 35.5, longitude: 139.8,
             geo_precision: centroid}
          - {id: japan-place, name: Japan, type: country, latitude: 36.0, longitude: 138.0,
             geo_precision: centroid}
        """), encoding="utf-8")
    errors = Collector()
    actors, places = curate.load_actors(folder, errors), curate.load_places(folder, errors)
    errors.raise_if_any()
    return actors, places


@settings(max_examples=200, **SETTINGS)
@given(fragments)
def test_mentions_quote_their_surface(raw):
    actors, places = small_registries()
    inputs = pipeline.Inputs(seeds_dir=Path("."), catalog=None, documents=[], actors=actors, places=places)
    ctx = pipeline.Context(inputs=inputs)
    doc = as_document(raw)
    seg = segment.segment(doc)
    rows = {"documents": [], **seg.rows()}
    out = mentions.extract(doc, seg, rows, ctx)
    for table in ("actor_mentions", "place_mentions"):
        check_rows(table, out[table], doc.text)
        columns = list(schema.TABLES_BY_NAME[table].columns)
        # as written: the context columns are filled as the rows become tuples
        for row in (dict(zip(columns, t)) for t in prepare(table, out[table], {doc.id: doc.text})):
            assert row["sentence_start"] <= row["start"] < row["end"] <= row["sentence_end"] <= len(doc.text)
            assert doc.text[:row["start"]].endswith(row["prefix"])
            assert doc.text[row["end"]:].startswith(row["suffix"])


# --- a whole document through every stage ----------------------------------------------------------

@settings(max_examples=60, **SETTINGS)
@given(fragments)
def test_every_stage_writes_only_rows_that_quote_the_text(raw):
    """segment, footnotes, mentions, dates, events, claims, bibliography: the build's own loader
    checks every quoting row of every table before writing it into an in-memory database."""
    import sqlite_utils

    from conftest import catalog_entry

    actors, places = small_registries()
    doc = as_document(raw)
    doc.meta = {**catalog_entry("doc", title=doc.meta["title"]), "id": "doc"}
    inputs = pipeline.Inputs(seeds_dir=Path("."), catalog=None, documents=[doc], actors=actors, places=places)
    result = pipeline.BuildResult(out=Path(":memory:"))
    pipeline.run(inputs, sqlite_utils.Database(memory=True), result)
    assert result.counts["documents"] == 1
