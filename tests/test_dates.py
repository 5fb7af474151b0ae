"""Dates: ISO prefixes, finding date expressions (exact offsets) and resolving them.

Most cases are sentences written for the test; the seed cases list every date expression of the
five seed texts and resolve the relative ones against the catalogue's publication windows.
"""

from pathlib import Path

import pytest

from alliance_record.dates import (PRECISIONS, RESOLVED_PRECISIONS, BadDate, DateMention, bounded,
                                   find_dates, find_url_dates, is_duration, one_of, parse_iso,
                                   precision_of, resolve)
from alliance_record import dates
from alliance_record.ingest import normalize_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def phrases(text):
    found = find_dates(text)
    for m in found:
        assert text[m.start:m.end] == m.phrase
    assert all(a.end <= b.start for a, b in zip(found, found[1:])), "mentions overlap"
    return [m.phrase for m in found]


def only(text) -> DateMention:
    found = find_dates(text)
    assert len(found) == 1, [m.phrase for m in found]
    return found[0]


# --- the ISO prefix API (unchanged) ---------------------------------------------------------------

def test_parse_iso_and_precision():
    assert PRECISIONS == ("day", "month", "year")
    assert precision_of("2025") == "year" and precision_of("2025-03") == "month"
    assert parse_iso("2024-02")[2].isoformat() == "2024-02-29"
    for bad in ("2025-13", "2025-02-30", "25", "0000", None):
        with pytest.raises(BadDate):
            parse_iso(bad)


# --- detection: phrases and offsets ---------------------------------------------------------------

DETECTION = [
    ("The deal was signed 2025-03-30 in Tokyo, drafted 2025-02.", ["2025-03-30", "2025-02"]),
    ("It took effect on 30 March 2025 and again on March 30th.",
     ["on 30 March 2025", "on March 30th"]),
    ("Growth slowed in mid-2024 and recovered in late 2023.", ["in mid-2024", "in late 2023"]),
    ("Spending grew through the 1990s and the early 2010s.",
     ["through the 1990s", "the early 2010s"]),
    ("Talks ran between 2019 and 2021; the 2019–2021 plan, then 2024-25.",
     ["between 2019 and 2021", "2019–2021", "2024-25"]),
    ("He arrived yesterday and leaves next week; two weeks ago he was in Seoul.",
     ["yesterday", "next week", "two weeks ago"]),
    ("Last year was hard; next year will be better; this week is quiet.",
     ["Last year", "next year", "this week"]),
    ("They met on Monday, March 30, 2025, and again last Friday.",
     ["on Monday, March 30, 2025", "last Friday"]),
    ("The drills ran March 29–30, 2025, 29–30 March 2025 and from March to May 2024.",
     ["March 29–30, 2025", "29–30 March 2025", "from March to May 2024"]),
    ("The order came three weeks later; a day earlier the ministers had met.",
     ["three weeks later", "a day earlier"]),
    ("Budgets for FY2025 and fiscal year 2026 rose 7.2% in the current fiscal year.",
     ["FY2025", "fiscal year 2026", "in the current fiscal year"]),
    ("Since the 2010s and pre-2010, by the end of this month, at the beginning of next year.",
     ["Since the 2010s", "pre-2010", "by the end of this month", "at the beginning of next year"]),
    ("The same day, and the following year, the year before the election.",
     ["The same day", "the following year", "the year before the election"]),
    ("Between March and May, two years from now, a decade ago, the past year, the coming decade.",
     ["Between March and May", "two years from now", "a decade ago", "the past year",
      "the coming decade"]),
    ("It happened on the 30th of March 2025 and on Sunday’s vote.",
     ["on the 30th of March 2025", "on Sunday"]),
    ("Around 2020 things changed; circa 1900 they did not.", ["Around 2020", "circa 1900"]),
    ("The ship docked in May. Japan may aid U.S. forces. March on.", ["in May"]),
    ("In the 1992 law, in 2023 and 2024, since 1895.", ["1992", "in 2023", "2024", "since 1895"]),
    ("The plan was revised in December and again in early March.",
     ["in December", "in early March"]),
    ("Tuesday’s talks followed Wednesday, Dec. 3, and preceded Sept. 9.",
     ["Tuesday", "Wednesday, Dec. 3", "Sept. 9"]),
    ("It was signed on Dec.\n10, 2025 at noon.", ["on Dec.\n10, 2025"]),  # a date over a line break
    ("ABE MET TRUMP ON FEBRUARY 10, 2017 IN WASHINGTON.", ["ON FEBRUARY 10, 2017"]),
    ("The report (Tokyo, Japan2025) cites Washington, D.C.2024.", ["2025", "2024"]),
    ("She said so five days before the summit, and two months after Japan’s election.",
     ["five days before the summit", "two months after Japan’s election"]),
    ("over the past twenty-seven years", ["over the past twenty-seven years"]),
    ("at 2025-12-23T10:00 UTC", ["at 2025-12-23"]),
    ("in 2024 people voted", ["in 2024"]),
]


@pytest.mark.parametrize("text, expected", DETECTION)
def test_detection(text, expected):
    assert phrases(text) == expected


NOT_DATES = [
    "Japan Air Self-Defense Force F-15 fighter jets fly alongside a U.S. Air Force B-52 bomber.",
    "With more than 50,000 U.S. troops already stationed on Japanese soil.",
    "about 1.785 trillion yuan (about ¥40 trillion), defense budget at about ¥8.7 trillion",
    "China has increased its defense budget by 7.2% and its navy by 2000 ships.",
    "which claimed approximately 21,900 Japanese and 7,000 U.S. soldiers",
    "present in these waters 352 and 355 days out of 365, respectively",
    "U.S. Naval Institute Proceedings Vol. 150/5/1,455.",
    "Joint Statement of the Security Consultative Committee (“2+2”)",
    "raised the vulnerability of the U.S. bases throughout the Western Pacific,¹ where ²³ ¹⁰",
    "The alliance has endured over seventy years of transformation for several years.",
    "“The alliance shows how yesterday’s enemy has become today’s friend,” he declared.",
    "in recent years, in months, with each passing year, for another generation",
    "Japan may aid U.S. forces; June Smith and Jan Kowalski met; a 1500-strong force; No. 1999.",
    "the 2000-ton ship, nearly 2000 sailors, more than 2030 drills, 12-24 nautical miles",
    "Shigeru Ishiba; the 80th anniversary; World War II; Track 1.5 and Track 2 dialogues",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert phrases(text) == []


URLS = [
    "https://www.rand.org/content/dam/rand/pubs/monographs/2012/RAND_MG1211.pdf",
    "<https://spfusa.org/wp-content/uploads/2022/05/Event-Taiwan-Roundtable.pdf>",
    "www.mod.go.jp/en/publ/w_paper/wp2019/pdf/DOJ2019_2-5-1.pdf",
    "https://doi.org/10.1057/9780230615809_5",
    "2025/#:~:text=China%20continues%20the%20long%2Dterm,for%20road%2Dmobile%20missile.",
    "<https://thebulletin.org/premium/2025-03/chinese-nuclear-weapons->",
    "contact editor@ir-ia2025.com today",
    "example.com/archive/2024/12/10/story",
]


@pytest.mark.parametrize("url", URLS)
def test_nothing_is_read_inside_urls(url):
    assert phrases(url) == []
    text = f"Accessed July 1, 2025, {url} (2019)."
    assert phrases(text) == ["Accessed July 1, 2025", "2019"]


def test_footnote_superscript_after_a_year_is_not_part_of_it():
    text = "since the passage of the Peacekeeping Operations Law in 1992⁷ has seen"
    m = only(text)
    assert (m.phrase, m.year, text[m.end]) == ("in 1992", 1992, "⁷")


# --- detection: what each mention records ---------------------------------------------------------

PARTS = [
    ("on Dec. 10, 2025.", dict(kind="explicit", year=2025, month=12, day=10, qualifier="on")),
    ("on Dec. 12 and", dict(kind="relative", year=None, month=12, day=12)),
    ("Monday, March 30, 2025", dict(kind="explicit", weekday=0, day=30)),
    ("the 2010s", dict(kind="explicit", year=2010, decade=True)),
    ("the mid-1990s", dict(kind="explicit", year=1990, decade=True, modifier="mid")),
    ("from 1948 to 1977", dict(kind="explicit", year=1948, to_year=1977, qualifier="from")),
    ("March 29–30, 2025", dict(year=2025, month=3, day=29, to_year=2025, to_month=3, to_day=30)),
    ("December to March 2025", dict(kind="explicit", year=2024, month=12, to_year=2025, to_month=3)),
    ("2019–21", dict(year=2019, to_year=2021)),
    ("fiscal 2025", dict(kind="explicit", year=2025, fiscal=True)),
    ("by the end of the year", dict(kind="relative", unit="year", offset=0, modifier="end",
                                    qualifier="by", calendar=True)),
    ("last month", dict(kind="relative", unit="month", offset=-1, direction="past")),
    ("earlier this month", dict(kind="relative", unit="month", offset=0, direction="past")),
    ("the current fiscal year", dict(kind="relative", unit="year", offset=0, fiscal=True)),
    ("on Thursday", dict(kind="relative", weekday=3, offset=None, direction=None)),
    ("last Friday", dict(kind="relative", weekday=4, offset=-1, direction="past")),
    ("in March", dict(kind="relative", month=3, year=None, qualifier="in")),
    ("the latter’s October visit", dict(kind="relative", month=10)),
    ("two weeks ago", dict(kind="relative", unit="week", offset=-2, calendar=False)),
    ("next week", dict(kind="relative", unit="week", offset=1, calendar=True)),
    ("over the past three decades", dict(kind="relative", unit="decade", offset=-3, span=True,
                                         approximate=False, qualifier="over")),
    ("Over the past decade or so", dict(unit="decade", offset=-1, span=True, approximate=True)),
    ("The day prior", dict(kind="anchored", unit="day", offset=-1, anchor=None)),
    ("Three days before the China-Russia flight, Chinese",
     dict(kind="anchored", unit="day", offset=-3, anchor="the China-Russia flight")),
    ("the 80th anniversary of the battle, Hegseth",
     dict(kind="anchored", unit="year", offset=80, anchor="the battle")),
    ("on the 75th anniversary of the alliance.", dict(kind="anchored", unit="year", offset=75,
                                                      anchor="the alliance", qualifier="on")),
    # "that" opening a clause is not the start of an anchor; "that meeting" is
    ("a week before that the drills would go ahead", dict(kind="anchored", unit="week", offset=-1, anchor=None)),
    ("Three days before that meeting, he", dict(kind="anchored", unit="day", offset=-3, anchor="that meeting")),
    ("over eight decades since the war’s end.",
     dict(kind="anchored", unit="decade", offset=8, span=True, approximate=True,
          anchor="the war’s end")),
    ("around 2020", dict(kind="explicit", year=2020, approximate=True, qualifier="around")),
    ("accessed July 1, 2025", dict(qualifier="accessed", year=2025, month=7, day=1)),
    ("Updated September 17, 2024", dict(qualifier="updated")),
]


@pytest.mark.parametrize("text, fields", PARTS)
def test_mention_fields(text, fields):
    m = only(text)
    assert {k: getattr(m, k) for k in fields} == fields


# --- resolution -----------------------------------------------------------------------------------

DAY = ("2025-12-23", "2025-12-23")  # a publication known to the day (a Tuesday)
JAN = ("2026-01-12", "2026-01-15")  # written between Monday and Thursday of one week

RESOLUTION = [
    # (text, window, anchor, direction) -> (date_start, date_end, date_precision, edtf, basis)
    ("on Dec. 10, 2025", None, None, None, ("2025-12-10", "2025-12-10", "day", "2025-12-10", "explicit")),
    ("in December 2022", None, None, None, ("2022-12", "2022-12", "month", "2022-12", "explicit")),
    ("in 2024", None, None, None, ("2024", "2024", "year", "2024", "explicit")),
    ("the 2010s", None, None, None, ("2010", "2019", "uncertain", "201X", "explicit")),  # some year of it
    ("from 1948 to 1977", None, None, None, ("1948", "1977", "range", "1948/1977", "explicit")),
    ("March 29–30, 2025", None, None, None,
     ("2025-03-29", "2025-03-30", "range", "2025-03-29/2025-03-30", "explicit")),
    ("fiscal 2025", None, None, None, ("2025", "2025", "approximate", "2025~", "explicit")),
    ("around 2020", None, None, None, ("2020", "2020", "approximate", "2020~", "explicit")),
    ("mid-2024", None, None, None, ("2024", "2024", "year", "2024", "explicit")),
    # "since": the stretch from that date up to the publication, a duration
    ("since 1895", DAY, None, None, ("1895", "2025-12-23", "range", "1895/2025-12-23", "relative-to-publication")),
    ("Since taking office in October", ("2026-01-16", "2026-01-16"), None, None,
     ("2025-10", "2026-01-16", "range", "2025-10/2026-01-16", "relative-to-publication")),
    ("since assuming her post in May 2021,", ("2021-08-01", "2021-08-03"), None, None,
     ("2021-05", "2021-08-03", "range", "2021-05/2021-08-03", "relative-to-publication")),
    # relative to the publication date
    ("yesterday", DAY, None, None, ("2025-12-22", "2025-12-22", "day", "2025-12-22", "relative-to-publication")),
    ("two weeks ago", DAY, None, None, ("2025-12-09", "2025-12-09", "day", "2025-12-09", "relative-to-publication")),
    # a week is one day of it, not all of them: one of several candidates
    ("last week", DAY, None, None,
     ("2025-12-15", "2025-12-21", "uncertain", "[2025-12-15..2025-12-21]", "relative-to-publication")),
    ("this week", DAY, None, None,
     ("2025-12-22", "2025-12-28", "uncertain", "[2025-12-22..2025-12-28]", "relative-to-publication")),
    ("last year", DAY, None, None, ("2024", "2024", "year", "2024", "relative-to-publication")),
    ("next year", DAY, None, None, ("2026", "2026", "year", "2026", "relative-to-publication")),
    ("earlier this month", DAY, None, None, ("2025-12", "2025-12", "month", "2025-12", "relative-to-publication")),
    ("the current fiscal year", DAY, None, None, ("2025", "2025", "approximate", "2025~", "relative-to-publication")),
    ("over the past three decades", DAY, None, None, ("1995", "2025", "range", "1995/2025", "relative-to-publication")),
    ("the past decade or so", DAY, None, None, ("2015", "2025", "approximate", "2015~/2025", "relative-to-publication")),
    ("last Friday", DAY, None, None, ("2025-12-19", "2025-12-19", "day", "2025-12-19", "relative-to-publication")),
    # a month or month-day without a year: the nearest such date when nothing says which way
    # ("payable Dec. 30" a week before it), else as the direction (the clause's tense) says
    ("in March", DAY, None, None, ("2026-03", "2026-03", "month", "2026-03", "relative-to-publication")),
    ("in March", DAY, None, "past", ("2025-03", "2025-03", "month", "2025-03", "relative-to-publication")),
    ("in March", DAY, None, "future", ("2026-03", "2026-03", "month", "2026-03", "relative-to-publication")),
    ("on Dec. 30", DAY, None, None, ("2025-12-30", "2025-12-30", "day", "2025-12-30", "relative-to-publication")),
    ("on Dec. 30", DAY, None, "past", ("2024-12-30", "2024-12-30", "day", "2024-12-30", "relative-to-publication")),
    ("On Feb. 29", DAY, None, None, ("2024-02-29", "2024-02-29", "day", "2024-02-29", "relative-to-publication")),
    ("December to February", DAY, None, None,
     ("2025-12", "2026-02", "range", "2025-12/2026-02", "relative-to-publication")),
    ("December to February", DAY, None, "past",
     ("2024-12", "2025-02", "range", "2024-12/2025-02", "relative-to-publication")),
    # a weekday: nearest either way by default, else as the direction says
    ("on Thursday", JAN, None, None, ("2026-01-15", "2026-01-15", "day", "2026-01-15", "relative-to-publication")),
    ("from Monday", JAN, None, None, ("2026-01-12", "2026-01-12", "day", "2026-01-12", "relative-to-publication")),
    ("on Thursday", JAN, None, "past",
     ("2026-01-08", "2026-01-15", "uncertain", "[2026-01-08,2026-01-15]", "relative-to-publication")),
    ("on Thursday", JAN, None, "future", ("2026-01-15", "2026-01-15", "day", "2026-01-15", "relative-to-publication")),
    # an uncertain publication date shows in the precision: one of the candidates, never all
    ("last month", ("2025-12-30", "2026-01-02"), None, None,
     ("2025-11", "2025-12", "uncertain", "[2025-11..2025-12]", "relative-to-publication")),
    ("Dec. 12", ("2025", "2025"), None, None,
     ("2024-12-12", "2025-12-12", "uncertain", "[2024-12-12,2025-12-12]", "relative-to-publication")),
    ("on Saturday", ("2025-03-24", "2025-04-06"), None, "past",
     ("2025-03-22", "2025-04-05", "uncertain", "[2025-03-22,2025-03-29,2025-04-05]", "relative-to-publication")),
    # ... while a duration whose ends depend on the window stays a duration
    ("over the past three decades", ("2025-12-30", "2026-01-02"), None, None,
     ("1995", "2026", "range", "1995/2026", "relative-to-publication")),
    # relative to another event, as precise as that event and no more
    ("The day prior", None, ("2025-12-10", "2025-12-10"), None,
     ("2025-12-09", "2025-12-09", "day", "2025-12-09", "relative-to-event")),
    ("The day prior", None, ("2025-12", "2025-12"), None,
     ("2025-11", "2025-12", "uncertain", "[2025-11..2025-12]", "relative-to-event")),
    ("The same day", None, ("2025-12", "2025-12"), None, ("2025-12", "2025-12", "month", "2025-12", "relative-to-event")),
    ("a month later", None, ("2025-01-31", "2025-01-31"), None, ("2025-02", "2025-02", "month", "2025-02", "relative-to-event")),
    ("the following week", None, ("2025-12-10", "2025-12-10"), None,
     ("2025-12-15", "2025-12-21", "uncertain", "[2025-12-15..2025-12-21]", "relative-to-event")),
    ("three days before the flight", None, ("2025-12-09", "2025-12-10"), None,
     ("2025-12-06", "2025-12-07", "uncertain", "[2025-12-06..2025-12-07]", "relative-to-event")),
    ("over eight decades since the war’s end", None, ("1945-08-15", "1945-09-02"), None,
     ("1945-08-15", "2025", "approximate", "1945-08-15/2025~", "relative-to-event")),
]


@pytest.mark.parametrize("text, window, anchor, direction, expected", RESOLUTION)
def test_resolution(text, window, anchor, direction, expected):
    m = only(text)
    r = resolve(m, window=window, anchor=anchor, direction=direction)
    assert r.phrase == m.phrase
    assert (r.date_start, r.date_end, r.date_precision, r.edtf, r.basis) == expected


def test_what_cannot_be_resolved_is_none():
    assert resolve(only("last month")) is None  # no publication window
    assert resolve(only("The day prior")) is None  # no anchor: the caller reports it
    assert resolve(only("The day prior"), window=DAY) is None
    assert resolve(only("in 2024"), window=DAY).basis == "explicit"  # the window is not needed
    with pytest.raises(ValueError):
        resolve(only("on Thursday"), window=DAY, direction="later")
    with pytest.raises(BadDate):
        resolve(only("on Thursday"), window=("2026-01-15", "2026-01-12"))


# --- the seeds ------------------------------------------------------------------------------------
# Every date expression of each seed, in order: (phrase, kind initial). The copyright line of
# 003 is boilerplate in the dataset, but find_dates reads whatever text it is given.

SEED_DATES = {
    "000_0428a4e87a9d7231": [
        ("on Dec. 10, 2025", "e"), ("by 2027", "e"), ("on Dec. 10, 2025", "e"),
        ("The day prior", "a"), ("Three days before the China-Russia flight", "a"),
        ("on Dec. 12", "r"), ("in 2024", "e"), ("in March", "r"), ("last month", "r"),
        ("October", "r"), ("from Monday", "r"), ("on Thursday", "r"),
    ],
    "001_d59bf6d0fbfe2b63": [
        ("earlier this month", "r"), ("October", "r"), ("In 2021", "e"), ("2025", "e"),
        ("2024", "e"), ("Earlier this year", "r"), ("in the current fiscal year", "r"),
        ("2027", "e"),
    ],
    "002_9ff8a30773218a0b": [
        ("in December", "r"), ("by 2027", "e"), ("on Dec. 7", "r"), ("in December", "r"),
        ("Since taking office in October", "r"), ("in December", "r"), ("in 2025", "e"), ("fiscal 2025", "e"),
        ("by the end of the year", "r"),
    ],
    "003_9e27ae2802fd3b6b": [
        ("on March 30, 2025", "e"), ("in July", "r"), ("on March 30, 2025", "e"),
        ("on Saturday", "r"), ("February 1945", "e"), ("the 80th anniversary of the battle", "a"),
        ("over eight decades since the war’s end", "a"), ("on March 29, 2025", "e"),
        ("the 80th anniversary of that island’s major World War II battle", "a"),
        ("2014-2025", "e"),
    ],
    "004_46a90b7aee9136d3": [
        ("2025", "e"), ("June 15, 2025", "e"), ("Apr 29, 2013", "e"), ("February 10, 2022", "e"),
        ("August 13, 2025", "e"), ("February 28, 2025", "e"), ("in 1992", "e"),
        ("October 8, 2024", "e"), ("2008", "e"), ("2019", "e"), ("December 17, 2023", "e"),
        ("September 2007", "e"), ("September 18, 2024", "e"), ("August 15, 2025", "e"),
        ("in 2022", "e"), ("March 2022", "e"), ("75 Years After the End of the Pacific War", "a"),
        ("August 6, 2020", "e"), ("February 10, 2025", "e"), ("September 16, 2024", "e"),
        ("2025", "e"), ("March 12, 2025", "e"), ("2012", "e"), ("May 2024", "e"),
        ("July 28, 2024", "e"), ("2019", "e"), ("2022", "e"), ("accessed July 1, 2025", "e"),
        ("accessed July 1, 2025", "e"), ("Updated September 17, 2024", "e"), ("in 2023", "e"),
        ("2024", "e"), ("since 1895", "r"), ("in 2024", "e"), ("accessed July 1, 2025", "e"),
        ("in 2011", "e"), ("2018", "e"), ("accessed July 3, 2025", "e"),
        ("from 1948 to 1977", "e"), ("accessed July 7, 2025", "e"), ("accessed July 1, 2025", "e"),
        ("accessed July 10, 2025", "e"), ("accessed July 10, 2025", "e"),
        ("accessed July 10, 2025", "e"), ("2025", "e"), ("2025", "e"), ("January 2025", "e"),
        ("2023", "e"), ("in December 2022", "e"), ("the past two decades", "r"),
        ("16 December 2022", "e"), ("16 December 2022", "e"), ("16 December 2022", "e"),
        ("over the past three decades", "r"), ("2024", "e"), ("2024", "e"), ("2021", "e"),
        ("31 May 2021", "e"), ("Since the 2010s", "r"), ("Over the past decade or so", "r"),
        ("2016", "e"), ("in 2030", "e"), ("2025", "e"), ("13 July 2025", "e"), ("2024", "e"),
        ("2024", "e"), ("2023", "e"), ("16 Aug 2023", "e"), ("16 December 2022", "e"),
        ("January 2025", "e"), ("2021", "e"), ("2016", "e"), ("16 December 2022", "e"),
        ("2025", "e"), ("2025", "e"), ("16 December 2022", "e"), ("31 May 2021", "e"),
        ("in 2030", "e"), ("2025", "e"), ("13 July 2025", "e"),
    ],
}


def seed_text(stem):
    return normalize_text((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", sorted(SEED_DATES))
def test_every_date_in_the_seeds(stem):
    text = seed_text(stem)
    found = find_dates(text)
    for m in found:
        assert text[m.start:m.end] == m.phrase
    assert [(m.phrase, m.kind[0]) for m in found] == SEED_DATES[stem]


def test_seed_dates_sit_where_the_text_has_them():
    text = seed_text("004_46a90b7aee9136d3")
    glued = [m for m in find_dates(text) if text[m.start - 5:m.start] == "Japan"]
    assert [(m.phrase, text[m.start - 7:m.end + 2]) for m in glued] == [("2025", ", Japan2025).")]
    url_line = text.index("2025/#:~:text=China")
    assert not [m for m in find_dates(text) if url_line <= m.start < url_line + 40]


# (seed, phrase, window or anchor) -> (date_start, date_end, date_precision)
SEED_RESOLUTION = [
    ("000_0428a4e87a9d7231", "on Dec. 12", JAN, ("2025-12-12", "2025-12-12", "day")),
    ("000_0428a4e87a9d7231", "in March", JAN, ("2025-03", "2025-03", "month")),
    ("000_0428a4e87a9d7231", "last month", JAN, ("2025-12", "2025-12", "month")),
    ("000_0428a4e87a9d7231", "October", JAN, ("2025-10", "2025-10", "month")),
    ("000_0428a4e87a9d7231", "from Monday", JAN, ("2026-01-12", "2026-01-12", "day")),
    ("000_0428a4e87a9d7231", "on Thursday", JAN, ("2026-01-15", "2026-01-15", "day")),
    ("000_0428a4e87a9d7231", "The day prior", ("2025-12-10", "2025-12-10"), ("2025-12-09", "2025-12-09", "day")),
    ("000_0428a4e87a9d7231", "Three days before the China-Russia flight", ("2025-12-09", "2025-12-09"),
     ("2025-12-06", "2025-12-06", "day")),
    ("001_d59bf6d0fbfe2b63", "earlier this month", DAY, ("2025-12", "2025-12", "month")),
    ("001_d59bf6d0fbfe2b63", "October", DAY, ("2025-10", "2025-10", "month")),
    ("001_d59bf6d0fbfe2b63", "Earlier this year", DAY, ("2025", "2025", "year")),
    # (Japan's, "Tokyo has also pledged": its months, April 2025 to March 2026, review 25d H4)
    ("001_d59bf6d0fbfe2b63", "in the current fiscal year", DAY, ("2025-04", "2026-03", "uncertain")),
    ("002_9ff8a30773218a0b", "in December", ("2026-01-16", "2026-01-16"), ("2025-12", "2025-12", "month")),
    ("002_9ff8a30773218a0b", "on Dec. 7", ("2026-01-16", "2026-01-16"), ("2025-12-07", "2025-12-07", "day")),
    ("002_9ff8a30773218a0b", "Since taking office in October", ("2026-01-16", "2026-01-16"),
     ("2025-10", "2026-01-16", "range")),
    ("002_9ff8a30773218a0b", "by the end of the year", ("2026-01-16", "2026-01-16"), ("2026", "2026", "year")),
    ("003_9e27ae2802fd3b6b", "in July", ("2025-03-30", "2025-03-31"), ("2024-07", "2024-07", "month")),
    ("003_9e27ae2802fd3b6b", "on Saturday", ("2025-03-30", "2025-03-31"), ("2025-03-29", "2025-03-29", "day")),
    ("004_46a90b7aee9136d3", "the past two decades", ("2025-08-15", "2025-10-20"), ("2005", "2025", "range")),
    ("004_46a90b7aee9136d3", "75 Years After the End of the Pacific War", ("1945-08-15", "1945-09-02"),
     ("2020", "2020", "year")),
]


@pytest.mark.parametrize("stem, phrase, reference, expected", SEED_RESOLUTION)
def test_seed_resolution(stem, phrase, reference, expected):
    m = next(m for m in find_dates(seed_text(stem)) if m.phrase == phrase)
    r = resolve(m, window=reference) if m.kind == "relative" else resolve(m, anchor=reference)
    assert (r.date_start, r.date_end, r.date_precision) == expected


@pytest.mark.parametrize("stem", sorted(SEED_DATES))
def test_every_seed_date_resolves_to_valid_iso_prefixes(stem):
    window, anchor = ("2025-08-15", "2025-10-20"), ("2025-12", "2025-12")
    for m in find_dates(seed_text(stem)):
        r = resolve(m, window=window, anchor=anchor)
        assert r.date_precision in RESOLVED_PRECISIONS
        assert parse_iso(r.date_start)[1] <= parse_iso(r.date_end)[2]
        if r.date_start == r.date_end:
            assert r.date_precision not in ("range", "uncertain") and "/" not in r.edtf
        else:
            assert r.date_precision in ("range", "uncertain", "approximate")
        # the two readings of "not one value" never mix: a duration is an interval, anything
        # else one of several candidates
        if r.date_precision == "range":
            assert is_duration(m) and "/" in r.edtf, (m.phrase, r)
        if r.date_precision == "uncertain":
            assert not is_duration(m) and "/" not in r.edtf, (m.phrase, r)


# --- "since": a stretch up to the publication ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Since taking office in October, she has met them twice.", ["Since taking office in October"]),
    ("since leaving the ministry in 2019 he has written", ["since leaving the ministry in 2019"]),
    ("It has grown since 1895 and since March.", ["since 1895", "since March"]),
    # "since" meaning "because", and -ing words that are not verbs, leave the date alone
    ("Since nothing happened in March, they waited.", ["in March"]),
    ("since the passage of the Law in 1992 it has", ["in 1992"]),
    ("Since Tokyo agreed in May, talks resumed.", ["in May"]),
    ("since during the war in 1945 it was", ["in 1945"]),
])
def test_since_clauses(text, expected):
    assert phrases(text) == expected
    for m in find_dates(text):
        assert m.span == m.phrase.lower().startswith("since")


def test_a_date_inside_a_since_clause_can_still_be_read_alone():
    whole = only("Since taking office in October")
    inner = only("in October")
    window = ("2026-01-16", "2026-01-16")
    assert resolve(whole, window=window).edtf == "2025-10/2026-01-16"
    assert resolve(inner, window=window).edtf == "2025-10"


# --- dates in URL paths, one-of sets and bounds -----------------------------------------------------

def test_url_path_dates_are_read_only_on_request():
    text = ("accessed July 10, 2025, <https://www.theguardian.com/world/2025/jul/02/quad-countries-agree> "
            "and https://example.org/news/2024/11/ and https://example.org/2012/RAND.pdf")
    assert phrases(text) == ["accessed July 10, 2025"]  # the prose reader never looks inside a URL
    found = find_url_dates(text)
    assert [(m.phrase, text[m.start:m.end], m.kind) for m in found] == [
        ("2025/jul/02", "2025/jul/02", "explicit"), ("2024/11", "2024/11", "explicit")]
    assert [resolve(m).edtf for m in found] == ["2025-07-02", "2024-11"]
    assert find_url_dates("https://example.org/2025/02/30/x") == []  # no such day


def test_one_of_sets_compress_runs_of_one_precision():
    assert one_of([("2026-01-08", "2026-01-08"), ("2026-01-15", "2026-01-15")]) == "[2026-01-08,2026-01-15]"
    assert one_of([("2025-12-31", "2025-12-31"), ("2026-01-01", "2026-01-01"), ("2026-01-02", "2026-01-02")]) \
        == "[2025-12-31..2026-01-02]"
    assert one_of([("2025-11", "2025-11"), ("2025-12", "2025-12"), ("2026", "2026")]) == "[2025-11..2025-12,2026]"
    assert one_of([("2024", "2024"), ("2025", "2025")], approximate=True) == "[2024~,2025~]"


def test_a_bound_leaves_the_open_side_unknown():
    r = resolve(only("accessed July 10, 2025"))
    before, after = bounded(r, "before"), bounded(r, "after")
    assert (before.date_start, before.date_end, before.date_precision, before.edtf) == \
        (None, "2025-07-10", "uncertain", "[..2025-07-10]")
    assert (after.date_start, after.date_end, after.edtf) == ("2025-07-10", None, "[2025-07-10..]")
    with pytest.raises(ValueError):
        bounded(r, "around")


# --- the faster scanners find what the plain patterns find ----------------------------------------

SCANNER_CASES = ["Q1May 2024 and Q12", "the ’90s, 'Eighties, x’90s and 1’90s", "5May 2024, Japan2025",
                 "days2 weeks3 Mondays", "Mar", "2024", "\u00e9Monday and MONDAY, monday", "Q1 Q2-Q3 Q5",
                 "Maritime Sato Sung: Marles met Markus on March 3."]


def scanner_texts():
    return SCANNER_CASES + [seed_text(path.stem) for path in sorted(SEEDS.glob("*.txt"))]


def test_trigger_starts_are_the_trigger_pattern_matches():
    for text in scanner_texts():
        scan = dates._mask_urls(text)
        assert dates.trigger_starts(scan) == [m.start() for m in dates.TRIGGER_PATTERN.finditer(scan)]


def test_date_patterns_by_first_character_match_as_the_whole_pattern():
    for text in scanner_texts():
        scan = dates._mask_urls(text)
        for p in sorted({w.start() for w in dates.WORD.finditer(scan)} | set(dates.trigger_starts(scan))):
            a, b = dates.DATE_PATTERN.match(scan, p), dates._date_at(scan, p)
            assert (a and (a.span(), a.lastgroup, a.group(a.lastgroup))) == \
                (b and (b.span(), b.lastgroup, b.group(b.lastgroup))), (text[p:p + 30])


def test_first_characters_of_a_pattern():
    assert dates._first_chars(r"(?i:the)\s+x") == frozenset("tT")
    assert dates._first_chars(r"(?:ab)?[0-9]") == frozenset("a0123456789")
    assert dates._first_chars(r"(?<=x)\.") == frozenset(".")
    assert dates._first_chars(r"x?") is None and dates._first_chars(r"[^a]") is None
    assert dates._first_chars(r"(?i:s)") is None or "s" in dates._first_chars(r"(?i:s)")


def test_a_count_of_fiscal_years_is_a_length_of_time():
    """Issue 15 (f): "fiscal" between a count and its unit ("five fiscal years", "two full fiscal
    years") names budget years, and the phrase is a length like "five years" (TimeML P5Y)."""
    from alliance_record.dates import find_dates, timexes

    for text, phrase, value in (("it took five fiscal years to fund the buildup", "five fiscal years", "P5Y"),
                                ("two full fiscal\nyears passed before the reform", "two full fiscal\nyears", "P2Y"),
                                ("the plan runs three fiscal years", "three fiscal years", "P3Y")):
        found = [m for m in find_dates(text, every=True) if m.phrase.endswith("years")]
        assert [m.phrase for m in found] == [phrase]
        assert [t[3] for t in timexes(found[0], text, "2025-06-01")] == [value]
    # with an article it names a kind of year (TBAQ-cleaned, wsj_0709), not a length
    assert not [m for m in find_dates("the lender moved from a fiscal year to one ending in December", every=True)
                if "fiscal" in m.phrase]
