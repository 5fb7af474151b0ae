"""Quantities: every number in a text that states how much, how many or how long.

:func:`find_quantities` reads a plain string and returns :class:`Quantity` records with exact
offsets (``text[q.start:q.end] == q.quote``, or, for a number that borrows its unit, the pieces
of ``q.pieces`` joined by a space: see *Coordination*). It does not know about documents or actors; a
later stage decides which quantity belongs to whom.

What a quantity is
------------------
A number — in digits (``50,000``, ``8.7``) or in words (``two``, ``seventy``, ``twenty-five``,
``a dozen``, ``half a dozen``, ``two thousand``) — together with what it measures:

* **amount**: a currency before or after the number — ``¥8.7 trillion``, ``US$ 5 million``,
  ``€3m``, ``1.785 trillion yuan``. A magnitude word (``thousand`` … ``trillion``) or, next to
  a currency, an abbreviation (``k``, ``m``/``mn``, ``bn``, ``tn``) multiplies the value:
  ``¥8.7 trillion`` is ``8.7e12``. ``¥`` is read as JPY (the yen sign) unless ``yuan``/``RMB``
  follows; plain ``dollars`` and ``$`` are read as USD.
* **percentage**: ``7.2%``, ``20 percent``, ``20 per cent``; ``2 percentage points`` has the
  unit ``percentage points``; ``2% of (its) gross domestic product`` / ``of GDP`` has the unit
  ``percent of GDP`` and the quote runs to the end of that phrase.
* **ratio**: ``five times more`` (a comparative or ``as``/``the``/``that`` after ``times``),
  ``3-fold``, ``twice as``. A bare ``three times`` is a count of occasions (unit ``times``).
* **distance** (miles, nautical miles, km, metres, feet, inches, yards), **duration**
  (seconds … centuries; also ``month-long``, ``year-long`` = 1, and a period named without a
  number, which is one of it: ``over the past decade`` (quote ``past decade``; likewise the
  last / previous / next / coming century, year, month or week after over, in, during,
  throughout, for, within or across) and ``a decade`` / ``a century`` — not ``a decade ago``,
  ``the last decade of …`` or ``the past decade’s``, which date or name a time) and **measure** (tons, kg,
  square km, hectares, acres). The unit may be joined by a hyphen (``3,000-Nautical-Mile``,
  ``10-year``) and may be singular (``6 minute read``); it is reported normalised and plural.
* **count**: a number followed, within six words and before any function word, by a plural
  noun (or a collective such as ``personnel``, ``aircraft``, ``people``). The quote runs from
  the number to that noun (``50,000 U.S. troops``, ``six Japanese Air Self-Defense Force fighter
  jets``); the unit is the noun, lower-cased, with the word before it when that word is a noun
  used as a modifier (``fighter jets``, ``research areas``, but ``bombers`` for ``strategic
  bombers`` and ``areas`` for ``key areas``: adjective-looking words are left out).
* **casualties**: a count of people next to a casualty cue (``claimed``, ``killed``, ``left``,
  ``death toll of`` before it; ``killed``, ``dead``, ``wounded`` after it) or a count of
  ``deaths``/``casualties``/``fatalities``.
* **range**: ``12-24 nautical miles``, ``12–24``, ``between 5 and 10 ships``, ``from 3 to 5
  percent``, ``5 to 10``, ``two or three``. ``value`` is the low end, ``value_max`` the high end,
  and ``kind`` is ``range`` (the unit still says what is measured).

``kind`` takes the first that applies: range, casualties, amount, percentage, ratio, distance,
duration (a duration with ``out of N`` is a count: ``355 days out of 365``), measure, count.

Coordination. ``352 and 355 days out of 365`` is two quantities: the first number borrows the
unit (and ``out_of``) of the second, and its quote is its own words and the words of the unit
it borrows, in two ``pieces``: ``352 days out of 365``. ``approximately 21,900 Japanese and
7,000 U.S. soldiers`` is two casualty counts: ``21,900 Japanese`` borrows ``soldiers`` (quote
``21,900 Japanese soldiers``; ``U.S.`` is the second number's), and the qualifier
``approximately`` is shared by both. A lone number that counts nothing is not reported.

Qualifiers. A hedge or bound directly before the number (or its currency sign): ``about``,
``approximately``, ``around``, ``roughly``, ``some``, ``nearly``, ``almost``, ``more than``,
``over``, ``less than``, ``under``, ``at least``, ``up to`` …. The qualifier is not part of the
quote (``more than 50,000 U.S. troops`` quotes ``50,000 U.S. troops``); ``approx`` is True
whenever there is one. ``or so`` and ``or more`` right after a quantity are qualifiers too
(``the past decade or so``, ``ten ships or more``). ``over the past three decades`` has none: ``past`` stands between.

Years. ``year`` is the year the quantity refers to when its clause says so right after it
(``in 2025``, ``for fiscal 2025``, ``in FY2025``, ``by 2027``, ``as of 2024``) or within a
few words before it (``budget for fiscal 2025 at about ¥8.7 trillion``). A comparison base is
not that year: ``7.2% compared with 2024`` has ``base_year`` 2024 and no ``year``.

Anniversaries. ``80th anniversary`` states that 80 years have passed: it is reported as a
duration of 80 years (quote ``80th anniversary``). Other ordinals are skipped.

What is skipped, and why
------------------------
* years and decades (``2025``, ``1948 to 1977``, ``2014-2025``, ``the 2010s``, ``’90s``):
  a four-digit number from 1500 to 2199 is a year unless a currency, a percent sign or a unit
  of measure comes with it;
* dates and times (``Dec. 10``, ``March 30``, ``16 December 2022``, ``10:30``, ``3 p.m.``);
* footnote markers: superscript digits are not digits here (only ``0-9`` are read);
* ordinals and list markers (``First, …``, ``Second research area``, ``7th Fleet``) and numbers
  with a leading zero (``01``, ``02`` in a table of contents);
* designations: a number after a letter and hyphen (``F-15``, ``B-52``, ``SM-6``), glued to
  letters (``G7``, ``DOJ2019``, ``2030no``), after a designator word (``Article 9``,
  ``No. 1``, ``Vol. 150``, ``Track 1.5``, ``Figure 2``, ``p. 12``) or after any capitalised
  word that does not start the sentence (``Trump 2.0``, ``Track 2``); numbers joined by ``/``,
  ``+`` or ``:`` (``2+2``, ``150/5/1,455``, ``24/7``) and chains such as ``2-5-1``;
* hyphenated compounds that are names or modifiers, not measurements (``Nine-dash line``,
  ``two-front war``, ``one-China``);
* ``one``/``a``/``an`` before a plain noun (``one idea``, ``one another``, ``one of``): only
  ``one`` with a unit of measure or money counts (``one inch``); ``a dozen`` is read;
* vague plurals (``dozens of``, ``hundreds of``, ``thousands of``);
* anything inside a URL, an e-mail address, a file name or a token with two slashes or
  percent-escapes, and phone numbers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from ._text import sentence_end_after, sentence_start_before

KINDS = ("amount", "percentage", "count", "duration", "distance", "ratio", "casualties", "range",
         "measure")


@dataclass
class Quantity:
    """A number and what it measures; ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str
    value: float
    kind: str
    unit: str | None = None
    value_max: float | None = None   # high end of a range
    currency: str | None = None      # ISO 4217 code for amounts
    approx: bool = False             # a qualifier hedges or bounds the number
    qualifier: str | None = None     # "about", "more than", ... (not part of the quote)
    year: int | None = None          # the year the quantity refers to
    base_year: int | None = None     # the year it is compared with ("compared with 2024")
    out_of: float | None = None      # "355 days out of 365" -> 365
    # The quote in pieces, when it is not one stretch of text: "352 [and 355] days out of 365"
    # is [(start of 352, end of 352), (start of days, end of 365)], and ``quote`` the pieces joined
    # by a space; ``start``/``end`` run from the first piece to the last.
    pieces: list | None = None


# --- number words ---------------------------------------------------------------------------------

SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ORDINAL_WORDS = {
    **{w: i for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(), 1)},
    **{w: 10 * i for i, w in enumerate(
        "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(), 2)},
    "hundredth": 100,
}
_ATOMS = sorted([*SMALL, *TENS, *SCALES, "dozen"], key=len, reverse=True)
_ATOM = "(?:" + "|".join(_ATOMS) + ")"
WORD_NUMBER = (rf"(?:(?:half[ \t]+a|a)[ \t]+(?:dozen|hundred|thousand|million|billion|trillion)"
               rf"|{_ATOM}(?:(?:[ \t]+and[ \t]+|[ \t]+|-){_ATOM})*)")
HALF_OR_A = re.compile(r"(half[ \t]+a|a)[ \t]+(dozen|hundred|thousand|million|billion|trillion)\b")
_WORD_ATOMS = re.compile(rf"(?P<sep>[ \t]+and[ \t]+|[ \t]+|-)?(?P<atom>{_ATOM})", re.I)

# --- the scanner ----------------------------------------------------------------------------------

NUMBER = re.compile(
    r"(?P<digits>(?<![\w.,/+#@])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![0-9]))"
    r"(?P<suffix>[A-Za-z]+)?"
    # the lookahead rejects at once a word that cannot begin a number word (the scan is tried
    # at every position: a third of the time this pattern took)
    rf"|(?P<words>\b(?=[abdefhmnostz]){WORD_NUMBER}\b)",
    re.I)
ORDINAL_ANNIVERSARY = re.compile(
    r"\b(?:(?P<n>[0-9]{1,4})(?:st|nd|rd|th)|(?P<w>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)-)?[a-z]+(?:st|nd|rd|th)))[ \t]+anniversary\b", re.I)
UNIT_LONG = re.compile(r"\b(?P<unit>hour|day|week|month|year|decade|century)-long\b", re.I)
TWICE = re.compile(r"\btwice(?=[ \t]+(?:as|the|that)\b)", re.I)
# A period named without a number is one of it: "over the past decade", "for nearly a decade".
ONE_PERIOD = re.compile(
    r"\b(?:(?:over|in|during|throughout|for|within|across)[ \t]+the[ \t]+"
    r"(?P<q1>(?:past|last|previous|next|coming)[ \t]+(?P<u1>decade|century|year|month|week))"
    r"|(?<![\w’'-])(?P<q2>an?[ \t]+(?P<u2>decade|century)))\b"
    r"(?![ \t]*(?:[-‐–]|of\b|ago\b|earlier\b|later\b|before\b|after\b|[’']s\b))", re.I)
PERIOD_UNITS = ("decade", "century", "year", "month", "week")
TRAILING_QUALIFIER = re.compile(r"[ \t]+(?P<q>or[ \t]+so|or[ \t]+more)\b", re.I)

MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
DATE_BEFORE = re.compile(rf"\b{MONTHS}\.?,?[ \t]+$")
DATE_AFTER = re.compile(rf"(?:st|nd|rd|th)?,?[ \t]+(?:of[ \t]+)?{MONTHS}\b")
TIME_AFTER = re.compile(r":[0-9]{2}|[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|JST\b|EST\b)", re.I)
DESIGNATOR_BEFORE = re.compile(
    r"(?:\b(?:Articles?|Art\.|Sections?|Sec\.|Chapters?|Ch\.|Figures?|Fig\.|Tables?|Vol\.|Volume|"
    r"No\.|Nos\.|no\.|nos\.|Number|Track|Phase|Stage|Level|Tier|Type|Resolution|Annex|Part|Page|"
    r"p\.|pp\.|Paragraph|Para\.|Clause|Item|Rule|Step|Option|Appendix|Version|Model|Mark|Mk\.|"
    r"Block|Batch|Flight|Route|Room|Exhibit|Issue|Series|Class|Edition|Ed\.)[ \t]*|[§#№][ \t]*)$")
PREV_TOKEN = re.compile(r"(?:^|(?<=[^\w.’'&-]))([A-Za-z][\w.’'&-]*)[ \t\u00a0]+$")
LEFT_FUNCTION_WORDS = frozenset("""
the a an these those this that some about around nearly almost over under only all its their his
her our my your with at for of in on by from to and but or just another roughly approximately
exactly fully still each every last past next first more less fewer than up as least most since
after before during within between among across per plus total additional further while when
where if unlike like both whereas however yet so then today now here there estimated barely
merely precisely
""".split())

CURRENCY_PREFIX = re.compile(
    r"(?P<cur>US\$|U\.S\.\$|A\$|AU\$|C\$|CA\$|CAN\$|HK\$|NT\$|NZ\$|S\$|SG\$|CN¥|RMB|USD|JPY|EUR|"
    r"GBP|CNY|KRW|INR|AUD|CAD|TWD|HKD|SGD|NZD|CHF|\$|¥|€|£|₩|₹|₱|₽|₫)[ \t\u00a0]?$")
CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "CAN$": "CAD", "HK$": "HKD", "NT$": "TWD", "NZ$": "NZD", "S$": "SGD", "SG$": "SGD",
    "CN¥": "CNY", "RMB": "CNY", "¥": "JPY", "€": "EUR", "£": "GBP", "₩": "KRW", "₹": "INR",
    "₱": "PHP", "₽": "RUB", "₫": "VND",
}
CURRENCY_WORD = re.compile(
    r"[ \t]+(?P<cq>(?:U\.S\.|US|American|Australian|Canadian|Hong[ \t]+Kong|New[ \t]+Taiwan|"
    r"Taiwan|Singapore|New[ \t]+Zealand)[ \t]+)?"
    r"(?P<cw>dollars?|yen|yuan|renminbi|RMB|euros?|won|rupees?|pounds?[ \t]+sterling|rubles?|"
    r"roubles?|Swiss[ \t]+francs?|USD|JPY|CNY|EUR|GBP|KRW|INR|AUD|CAD|TWD|HKD|SGD|NZD|PHP|RUB|CHF)"
    r"(?![\w])")
CURRENCY_WORDS = {
    "dollar": "USD", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "euro": "EUR",
    "won": "KRW", "rupee": "INR", "pound sterling": "GBP", "ruble": "RUB", "rouble": "RUB",
    "swiss franc": "CHF",
}
DOLLAR_QUALIFIERS = {"australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "new taiwan": "TWD",
                     "taiwan": "TWD", "singapore": "SGD", "new zealand": "NZD"}
SCALE_AFTER = re.compile(r"[ \t]+(?P<scale>hundred|thousand|million|billion|trillion)\b", re.I)
SCALE_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9,
                "tn": 1e12, "trn": 1e12}

QUALIFIER = re.compile(
    r"(?:^|(?<=[^\w]))(?P<q>about|approximately|approx\.|around|roughly|some|nearly|almost|"
    r"close[ \t]+to|just[ \t]+(?:over|under)|well[ \t]+(?:over|under)|more[ \t]+than|"
    r"less[ \t]+than|fewer[ \t]+than|over|under|at[ \t]+least|at[ \t]+most|up[ \t]+to|"
    r"upwards[ \t]+of|in[ \t]+excess[ \t]+of|an[ \t]+estimated|estimated|as[ \t]+many[ \t]+as|"
    r"as[ \t]+much[ \t]+as|as[ \t]+few[ \t]+as|circa|c\.|~)[ \t\u00a0]*$", re.I)
RANGE_BEFORE = re.compile(r"(?:^|(?<=[^\w]))(?P<w>between|from)[ \t]+$", re.I)
RANGE_JOIN = re.compile(r"(?P<dash>[ \t]*[-–—][ \t]*)|[ \t]+(?P<w>to|and|or)[ \t]+")

PERCENT = re.compile(r"(?P<pct>[ \t]?%|[ \t]+(?:per[ \t]?cent|percent|pct)\b)"
                     r"|(?P<pp>[ \t]+percentage[ \t]+points?\b)", re.I)
PERCENT_RANGE_TAIL = re.compile(
    r"(?:[ \t]*[-–—][ \t]*|[ \t]+to[ \t]+)(?P<n>[0-9]+(?:\.[0-9]+)?)(?:[ \t]?%|[ \t]+(?:per[ \t]?cent|percent)\b)",
    re.I)
OF_GDP = re.compile(
    r"[ \t]+of[ \t]+(?:(?:its|the|their|his|her|our|[A-Z][\w.’'-]*(?:’s|'s|s’|s'))[ \t]+)?"
    r"(?P<what>gross[ \t]+domestic[ \t]+product|GDP|gross[ \t]+national[ \t]+product|GNP)\b")
RATIO = re.compile(
    r"(?P<sep>[ \t]+times|-fold)\b(?:[ \t]+(?P<cmp>more|less|larger|greater|higher|bigger|smaller|"
    r"lower|fewer|longer|faster|stronger)\b)?", re.I)
RATIO_FOLLOW = re.compile(r"[ \t]+(?:as|the|that|over)\b", re.I)
MEASURE_UNITS = [  # (pattern, normalised unit, kind); longest alternatives first
    (r"nautical[ \t-]+miles?|nmi", "nautical miles", "distance"),
    (r"square[ \t-]+(?:kilomet(?:er|re)s?|km)|sq[ \t]?km|km2|km²", "square km", "measure"),
    (r"square[ \t-]+miles?", "square miles", "measure"),
    (r"miles?", "miles", "distance"),
    (r"kilomet(?:er|re)s?|kms?", "km", "distance"),
    (r"met(?:er|re)s?", "metres", "distance"),
    (r"feet|foot|ft", "feet", "distance"),
    (r"inch(?:es)?", "inches", "distance"),
    (r"yards?", "yards", "distance"),
    (r"centur(?:y|ies)", "centuries", "duration"),
    (r"decades?", "decades", "duration"),
    (r"years?|yrs?", "years", "duration"),
    (r"months?", "months", "duration"),
    (r"weeks?", "weeks", "duration"),
    (r"days?", "days", "duration"),
    (r"hours?|hrs?", "hours", "duration"),
    (r"minutes?|mins?", "minutes", "duration"),
    (r"seconds?|secs?", "seconds", "duration"),
    (r"(?:metric[ \t]+)?(?:tonnes?|tons?)", "tons", "measure"),
    (r"kilograms?|kgs?", "kg", "measure"),
    (r"hectares?", "hectares", "measure"),
    (r"acres?", "acres", "measure"),
]
MEASURE = re.compile(
    r"(?P<sep>[ \t\u00a0]*|[ \t]*[-‐][ \t]*)(?P<unit>"
    + "|".join(f"(?:{p})" for p, _, _ in MEASURE_UNITS) + r")(?![A-Za-z0-9])", re.I)
_MEASURE_LOOKUP = [(re.compile(rf"(?:{p})$", re.I), unit, kind) for p, unit, kind in MEASURE_UNITS]
SINGULAR_UNIT_LONG = {"hour": "hours", "day": "days", "week": "weeks", "month": "months",
                      "year": "years", "decade": "decades", "century": "centuries"}
OUT_OF = re.compile(rf"[ \t]+out[ \t]+of[ \t]+(?P<n>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|"
                    rf"[0-9]+(?:\.[0-9]+)?|{WORD_NUMBER})\b", re.I)

NOUN_TOKEN = re.compile(r"[ \t\u00a0]+((?:[A-Z]\.){2,}|[A-Za-z][A-Za-z0-9]*(?:[-‐’'][A-Za-z0-9]+)*)")
MAX_NOUN_TOKENS = 6
CHUNK_STOP = frozenset("""
of in on at to for from by with without and or but nor than as that which who whom whose what
where when while if because since until after before during within between among across through
into onto over under per via about against around toward towards upon the a an this these those
such is are was were be been being am has have had do does did will would shall should can could
may might must not no it its they them their he she his her we our you your i me my us more most
less least each every all both either neither any some other's times percent per cent out up
down off also only just even still already again so very too ago later earlier
""".split())
COLLECTIVE = frozenset("""
people personnel police children men women aircraft staff crew cattle sheep deer fish data media
spacecraft hovercraft watercraft servicemen servicewomen militia infantry dead wounded injured
""".split())
NOT_PLURAL = frozenset("""
this thus has was is its us as yes various numerous previous perhaps always sometimes whereas
besides towards afterwards unless less plus nevertheless news series species means analysis basis
crisis thesis emphasis status campus bonus census nexus canvas gas bus alias bias chaos
""".split())
ADJECTIVE_MODIFIERS = frozenset("""
key new old other major main big small large great few many several further former latter top
high low long short full young senior junior total same various such certain last next past
early late own only best worst good bad real true chief prime core joint front far near whole
extra vast additional separate distinct sole single elite hostile active smaller larger bigger
higher lower newer older greater foreign domestic modern advanced armed allied regular nuclear
enemy friendly heavy light fresh rival
""".split())
ADJECTIVE_SUFFIX = re.compile(r"(?:ic|ical|al|ive|ous|ful|less|able|ible|ed|ing|ary|ory|ian|ese|"
                              r"ish|ern|ant|ent|ile|ar|ly|est)$")
PERSON_NOUNS = frozenset("""
soldiers troops people civilians sailors marines airmen personnel servicemen servicewomen
servicemembers members persons men women children residents officers fighters combatants crew
crewmembers citizens nationals workers police policemen pilots guards lives casualties deaths
fatalities dead wounded injured victims
""".split())
CASUALTY_NOUNS = frozenset("casualties deaths fatalities dead wounded injured".split())
CASUALTY_BEFORE = re.compile(
    r"\b(?:claimed|claiming|killed|killing|kills|kill|left|leaving|cost|costing|took|taking|"
    r"death[ \t]+toll[ \t]+of|toll[ \t]+of|casualties[ \t]+of|deaths[ \t]+of|lives[ \t]+of|"
    r"loss[ \t]+of|lost)[ \t]+(?:the[ \t]+lives[ \t]+of[ \t]+|the[ \t]+)?$", re.I)
CASUALTY_AFTER = re.compile(
    r"[ \t]+(?:(?:were|was|have[ \t]+been|had[ \t]+been|are|being|reportedly)[ \t]+)?"
    r"(?:killed|dead|died|wounded|injured|missing|slain|lost[ \t]+their[ \t]+lives)\b", re.I)

# Where numbers are never quantities.
SKIP_ZONES = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|<[^<>\s]+>"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b(?:doi:|doi\.org/)\S+"
    # tried only at the start of a token ((?<!\S)): the leftmost match is the same, without
    # re-scanning every position inside long tokens
    r"|(?<!\S)\S*(?:%[0-9A-Fa-f]{2}|#:~:|\.(?:html?|pdf|php|aspx?|jpe?g|png)\b)\S*"
    r"|(?<![^\s/])[^\s/]*/[^\s/]*/\S*"
    r"|\+[0-9][0-9 ().-]{6,}[0-9]"
    r"|\([0-9]{2,4}\)[ ]?[0-9]{3,4}[-. ][0-9]{3,4}"
    r"|\b[0-9]{2,4}[-.][0-9]{3,4}[-.][0-9]{3,4}\b",
    re.I)

YEAR_AFTER = re.compile(
    r"\b(?:in|for|during|throughout|as[ \t]+of|by(?:[ \t]+the[ \t]+end[ \t]+of)?)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:fiscal|financial|calendar)(?:[ \t]+year)?[ \t]+|FY[ \t]?)?"
    r"(?P<y>(?:1[5-9]|2[01])[0-9]{2})\b(?![ \t]*[-–][ \t]*[0-9])"
    r"|\bFY[ \t]?(?P<fy>(?:19|20)[0-9]{2})\b")
BASE_YEAR = re.compile(
    r"\b(?:compared[ \t]+(?:with|to)|relative[ \t]+to|from|than(?:[ \t]+in)?|since|versus|vs\.?)"
    r"[ \t]+(?:the[ \t]+)?(?:(?:fiscal|financial)(?:[ \t]+year)?[ \t]+|FY[ \t]?)?"
    r"(?P<y>(?:1[5-9]|2[01])[0-9]{2})\b")
LEAD_YEAR = re.compile(
    r"(?:In|During|For|Throughout|By)[ \t]+(?:(?:the[ \t]+)?(?:fiscal|financial)(?:[ \t]+year)?[ \t]+|FY[ \t]?)?"
    r"(?P<y>(?:1[5-9]|2[01])[0-9]{2}),")
YEAR_GAP_WORDS = 4
GAP_CONJUNCTION = re.compile(r"\b(?:and|or|but|while|whereas|although|though)\b", re.I)
CLAUSE_BREAK = re.compile(r"[,;:]")
YEAR_LOOK_AFTER = 80
YEAR_LOOK_BEFORE = 60
COORDINATION = re.compile(r"^[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|(?:and|or)[ \t]+)$")


# --- parsing helpers ------------------------------------------------------------------------------

def parse_number_words(s: str) -> tuple[float | None, int]:
    """Value of a number written in words, and how many characters of ``s`` it used.

    Reading stops at the first word that cannot continue the number ("two three" is 2).

    >>> parse_number_words("twenty-five ships")
    (25.0, 11)
    >>> parse_number_words("half a dozen")
    (6.0, 12)
    """
    low = s.lower()
    m = HALF_OR_A.match(low)
    if m:
        base = 12 if m.group(2) == "dozen" else SCALES[m.group(2)]
        return float(base / 2 if m.group(1).startswith("half") else base), m.end()
    total, current, last, used = 0.0, 0.0, None, 0
    while True:
        m = _WORD_ATOMS.match(low, used)
        if not m or bool(m.group("sep")) != bool(used):
            break
        atom, sep = m.group("atom"), m.group("sep") or ""
        if "and" in sep and last not in ("hundred", "scale"):
            break
        if atom in SMALL:
            n = SMALL[atom]
            if last == "small" or last == "dozen" or (last == "tens" and not 1 <= n <= 9):
                break
            current += n
            last = "small"
        elif atom in TENS:
            if last in ("small", "tens", "dozen"):
                break
            current += TENS[atom]
            last = "tens"
        elif atom == "hundred":
            if last not in ("small", "tens") or current >= 100:
                break
            current *= 100
            last = "hundred"
        elif atom == "dozen":
            if last in ("hundred", "scale", "dozen"):
                break
            current = (current or 1) * 12
            last = "dozen"
        else:  # thousand, million, billion, trillion
            if last in (None, "scale"):
                break
            total += current * SCALES[atom]
            current = 0.0
            last = "scale"
        used = m.end()
    if not used:
        return None, 0
    return float(total + current), used


def _digits_value(s: str) -> float:
    return float(s.replace(",", ""))


def _scaled(value: float, scale: float) -> float:
    """``8.7 * 1e12`` computed in decimal, so that ¥8.7 trillion is exactly 8.7e12."""
    if scale == 1:
        return value
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def _is_year_like(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1500 <= int(raw) <= 2199


def _plural(word: str) -> str:
    if word.endswith("s") or word in COLLECTIVE:
        return word
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _is_plural_head(tok: str) -> bool:
    if "." in tok or (tok.isupper() and len(tok) > 1):
        return False
    last = re.split(r"[-‐]", tok)[-1]
    low = last.lower()
    if low in COLLECTIVE:
        return True
    if len(low) < 3 or low in NOT_PLURAL or "’" in low or "'" in low:
        return False
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))


def _is_noun_modifier(tok: str) -> bool:
    """A lower-case word that reads as a noun in a compound (``fighter`` jets), not an adjective."""
    return (tok.islower() and tok.isalpha() and tok not in ADJECTIVE_MODIFIERS
            and tok not in CHUNK_STOP and not ADJECTIVE_SUFFIX.search(tok)
            and tok not in SMALL and tok not in TENS)


def _currency_code(cw: re.Match) -> str:
    word = re.sub(r"\s+", " ", cw.group("cw"))
    if len(word) == 3 and word.isupper():
        return "CNY" if word == "RMB" else word
    low = word.lower()
    base = {"pounds sterling": "pound sterling", "swiss francs": "swiss franc"}.get(low, low)
    if base.endswith("s") and base[:-1] in CURRENCY_WORDS:
        base = base[:-1]
    code = CURRENCY_WORDS[base]
    if base == "dollar" and cw.group("cq"):
        code = DOLLAR_QUALIFIERS.get(re.sub(r"\s+", " ", cw.group("cq").strip().lower()), "USD")
    return code


def _measure_unit(unit_text: str) -> tuple[str, str]:
    for pattern, unit, kind in _MEASURE_LOOKUP:
        if pattern.match(unit_text):
            return unit, kind
    raise ValueError(unit_text)  # pragma: no cover - MEASURE and MEASURE_UNITS agree


class _Skip(Exception):
    """Raised inside the reader when a number is not a quantity (the reason is the message)."""


@dataclass
class _Read:
    """A number read at one position, before coordination and years are settled."""

    q: Quantity
    lead: int            # where the qualifier / currency / "between" starts (<= q.start)
    complete: bool       # False: a number that counts nothing (yet)
    casualty_cue: bool = False
    consumed: int = 0    # scanning resumes here
    unit_start: int | None = None  # where the words of the unit begin ("days out of 365")


# --- the extractor --------------------------------------------------------------------------------

# Every skip zone contains one of these: a text without any needs no zone scan (most paragraphs).
ZONE_HINT = re.compile(r"[/@<%#]|\+[0-9]|www\.|doi|[0-9][-.][0-9]|\([0-9]|\.(?:html?|pdf|php|aspx?|jpe?g|png)\b", re.I)


def find_quantities(text: str) -> list[Quantity]:
    """Every stated quantity in ``text``, in order of position (see the module docstring)."""
    zones = [(m.start(), m.end()) for m in SKIP_ZONES.finditer(text)] if ZONE_HINT.search(text) else []
    zone_starts = [z[0] for z in zones]

    def in_zone(pos: int) -> bool:
        i = bisect_right(zone_starts, pos) - 1
        return i >= 0 and zones[i][0] <= pos < zones[i][1]

    reads: list[_Read] = []
    resume = 0
    low = text.lower()  # the rarer patterns run only where their key word occurs
    for m in NUMBER.finditer(text):
        if m.start() < resume or in_zone(m.start()):
            continue
        try:
            r = _read_at(text, m)
        except _Skip:
            continue
        reads.append(r)
        resume = r.consumed

    for m in (ORDINAL_ANNIVERSARY.finditer(text) if "anniversar" in low else ()):
        if in_zone(m.start()):
            continue
        value = int(m.group("n")) if m.group("n") else _ordinal_word_value(m.group("w"))
        if value:
            q = Quantity(m.start(), m.end(), m.group(0), float(value), "duration", unit="years")
            reads.append(_Read(q, m.start(), True, consumed=m.end()))
    for m in (UNIT_LONG.finditer(text) if "-long" in low else ()):
        if in_zone(m.start()) or (m.start() and text[m.start() - 1] in "-‐"):
            continue  # "two-month-long" is read from its number
        unit = SINGULAR_UNIT_LONG[m.group("unit").lower()]
        reads.append(_Read(Quantity(m.start(), m.end(), m.group(0), 1.0, "duration", unit=unit),
                           m.start(), True, consumed=m.end()))
    for m in (ONE_PERIOD.finditer(text) if any(unit in low for unit in PERIOD_UNITS) else ()):
        g = "q1" if m.group("q1") else "q2"
        if in_zone(m.start(g)):
            continue
        unit = SINGULAR_UNIT_LONG[m.group("u1" if g == "q1" else "u2").lower()]
        q = Quantity(m.start(g), m.end(g), m.group(g), 1.0, "duration", unit=unit)
        qm = QUALIFIER.search(text, max(0, q.start - 24), q.start) if g == "q2" else None
        if qm and qm.end() == q.start:
            q.qualifier, q.approx = re.sub(r"\s+", " ", qm.group("q")).lower(), True
        reads.append(_Read(q, qm.start("q") if qm and q.approx else q.start, True, consumed=m.end()))
    for m in (TWICE.finditer(text) if "twice" in low else ()):
        if in_zone(m.start()):
            continue
        reads.append(_Read(Quantity(m.start(), m.end(), m.group(0), 2.0, "ratio", unit="times"),
                           m.start(), True, consumed=m.end()))
    reads.sort(key=lambda r: r.q.start)

    _coordinate(text, reads)
    out = []
    for r in reads:
        if not r.complete:
            continue
        _settle_kind(r)
        _settle_years(text, r.q)
        tq = TRAILING_QUALIFIER.match(text, r.q.end)
        if tq and r.q.qualifier is None:  # "over the past decade or so", "ten ships or more"
            r.q.qualifier, r.q.approx = re.sub(r"\s+", " ", tq.group("q")).lower(), True
        out.append(r.q)
    return out


def _ordinal_word_value(word: str) -> int | None:
    low = word.lower()
    if "-" in low:
        tens, unit = low.split("-", 1)
        if tens in TENS and unit in ORDINAL_WORDS and ORDINAL_WORDS[unit] < 10:
            return TENS[tens] + ORDINAL_WORDS[unit]
        return None
    return ORDINAL_WORDS.get(low)


def _read_at(text: str, m: re.Match) -> _Read:
    """Read the quantity whose number is matched by ``m``; raise :class:`_Skip` if it is none."""
    s = m.start()
    left = text[max(0, s - 48):s]
    cur_m = CURRENCY_PREFIX.search(left)
    currency = CURRENCY_SYMBOLS.get(cur_m.group("cur"), cur_m.group("cur")) if cur_m else None
    lead = s - len(cur_m.group(0)) if cur_m else s

    if m.group("digits"):
        raw = m.group("digits")
        value = _digits_value(raw)
        e = m.end("digits")
        suffix = m.group("suffix")
        is_word = False
        if raw.startswith("0") and len(raw.split(".")[0]) > 1:
            raise _Skip("leading zero")
    else:
        value, used = parse_number_words(m.group("words"))
        if value is None:
            raise _Skip("not a number")
        raw = m.group("words")[:used]
        e = s + used
        suffix = None
        is_word = True

    # Left context: designations, dates, letter-hyphen codes.
    if s >= 2 and text[s - 1] in "-‐" and text[s - 2].isalnum():
        raise _Skip("designation (F-15)")
    if not cur_m:  # (digits glued to letters on the left never match NUMBER)
        if DESIGNATOR_BEFORE.search(left):
            raise _Skip("designator word")
        if DATE_BEFORE.search(left):
            raise _Skip("date")
        pm = PREV_TOKEN.search(left)
        if pm and _capitalised_designation(text, s - len(pm.group(0)), pm.group(1)) \
                and not _money_or_percent_after(text, m.end()):
            raise _Skip("after a capitalised word")
    qm = QUALIFIER.search(text, max(0, lead - 24), lead)
    qualifier = None
    if qm and qm.end() == lead:
        qualifier = re.sub(r"\s+", " ", qm.group("q")).lower()
        lead = qm.start("q")
    rb = RANGE_BEFORE.search(text, max(0, lead - 12), lead)

    # Suffix glued to digits: ordinals, decades, magnitudes, short units.
    scale = 1.0
    if suffix:
        low = suffix.lower()
        if low in ("st", "nd", "rd", "th", "s"):
            raise _Skip("ordinal or decade")
        if low in SCALE_SUFFIX and (currency or CURRENCY_WORD.match(text, m.end())):
            scale = SCALE_SUFFIX[low]
            e = m.end()
        elif (um := MEASURE.match(text, m.end("digits"))) and um.end() == m.end():
            pass  # "10km": read as a unit below, from the digits' end
        else:
            raise _Skip("identifier")
    if not is_word:
        sm = SCALE_AFTER.match(text, e)
        if sm and scale == 1.0:
            scale = SCALES[sm.group("scale").lower()]
            e = sm.end()
    value = _scaled(value, scale)

    if e < len(text) and text[e] in "/+" or TIME_AFTER.match(text, e):
        raise _Skip("joined to another number, or a time")
    if DATE_AFTER.match(text, e):
        raise _Skip("date")

    # Ranges: 12-24, 12–24, between 5 and 10, from 3 to 5, two or three.
    value_max = None
    jm = RANGE_JOIN.match(text, e)
    if jm:
        n2 = NUMBER.match(text, jm.end())
        word = (jm.group("w") or "").lower()
        ok_join = (jm.group("dash") and not is_word and n2 and n2.group("digits")) or \
                  (word == "to") or (word == "and" and rb and rb.group("w").lower() == "between") or \
                  (word == "or" and is_word)
        if n2 and ok_join and not (n2.group("suffix") or "").strip():
            if n2.group("digits"):
                v2, e2, raw2 = _digits_value(n2.group("digits")), n2.end("digits"), n2.group("digits")
                sm2 = SCALE_AFTER.match(text, e2)
                if sm2:
                    v2 = _scaled(v2, SCALES[sm2.group("scale").lower()])
                    e2 = sm2.end()
                elif scale != 1.0:
                    v2 = _scaled(v2, scale)
            else:
                v2, used2 = parse_number_words(n2.group("words"))
                e2, raw2 = n2.start() + used2, n2.group("words")[:used2]
            if _is_year_like(raw) or _is_year_like(raw2):
                raise _Skip("years")
            if jm.group("dash") and re.match(r"[-.][0-9]", text[e2:e2 + 2]):
                raise _Skip("a chain of numbers (an identifier)")
            if v2 is not None and v2 > value:
                value_max, e = v2, e2
                if rb and word in ("and", "to"):
                    lead = min(lead, rb.start("w"))
            elif word == "and":
                value_max = None  # "352 and 355": two quantities, read one by one

    year_like = _is_year_like(raw) and not value_max
    quote_start = s - len(cur_m.group(0)) if cur_m else s  # "¥8.7 trillion", "US$ 5 million"
    return _read_unit(text, quote_start, e, lead, value, value_max, currency, qualifier, is_word,
                      year_like)


def _money_or_percent_after(text: str, pos: int) -> bool:
    """``Ottawa 40 million Canadian dollars``: a magnitude, percent or currency after the number
    makes it a quantity whatever word comes before it."""
    return bool(SCALE_AFTER.match(text, pos) or PERCENT.match(text, pos) or CURRENCY_WORD.match(text, pos))


def _capitalised_designation(text: str, tok_start: int, tok: str) -> bool:
    """``Track 2``, ``Trump 2.0``: a number right after a capitalised word that does not start
    a sentence (and is not a function word, a possessive, a month or a currency code)."""
    if not tok[0].isupper():
        return False
    low = tok.lower().rstrip(".")
    if low in LEFT_FUNCTION_WORDS or tok.endswith(("’s", "'s", "s’", "s'")):
        return False
    if re.fullmatch(MONTHS + r"\.?", tok) or CURRENCY_PREFIX.search(tok + " "):
        return False
    before = text[max(0, tok_start - 4):tok_start].rstrip(" \t")
    sentence_initial = not before or before[-1] in ".!?:;\n\"“‘('[" or \
        text[max(0, tok_start - 1):tok_start] == "\n"
    return not sentence_initial


def _read_unit(text, s, e, lead, value, value_max, currency, qualifier, is_word,
               year_like) -> _Read:
    """What follows the number (from ``e``): percent, currency word, unit, ratio or a noun."""
    def make(end, kind, unit, **kw):
        q = Quantity(s, end, text[s:end], value, kind, unit=unit, value_max=value_max,
                     currency=currency, approx=qualifier is not None, qualifier=qualifier, **kw)
        return q

    # A lone "one" needs a unit of measure or money (checked below).
    lone_one = is_word and value == 1 and value_max is None

    pm = PERCENT.match(text, e)
    if pm:
        if pm.group("pp"):
            return _Read(make(pm.end(), "percentage", "percentage points"), lead, True, consumed=pm.end(),
                         unit_start=_skip_blank(text, e))
        end, unit = pm.end(), "percent"
        tail = PERCENT_RANGE_TAIL.match(text, end)
        if tail and value_max is None and float(tail.group("n")) > value:
            value_max, end = float(tail.group("n")), tail.end()  # "5%-10%", "5% to 10%"
        gm = OF_GDP.match(text, end)
        if gm:
            end = gm.end()
            unit = "percent of GNP" if gm.group("what").upper() in ("GNP",) or "national" in gm.group("what") \
                else "percent of GDP"
        return _Read(make(end, "percentage", unit), lead, True, consumed=end, unit_start=_skip_blank(text, e))

    cw = CURRENCY_WORD.match(text, e)
    if cw and not (cw.group("cw").lower() == "won" and value < 1e6):  # "11 won the match"
        code = _currency_code(cw)
        if currency is None or (currency == "JPY" and code == "CNY"):  # "¥5 billion yuan"
            currency = code
        return _Read(make(cw.end(), "amount", currency), lead, True, consumed=cw.end(),
                     unit_start=cw.start("cq") if cw.group("cq") else cw.start("cw"))
    if currency:
        return _Read(make(e, "amount", currency), lead, True, consumed=e)

    mm = MEASURE.match(text, e)
    if mm:
        unit, kind = _measure_unit(mm.group("unit"))
        end = mm.end()
        out_of = None
        om = OUT_OF.match(text, end)
        if om:
            n = om.group("n")
            out_of = _digits_value(n) if n[0].isdigit() else parse_number_words(n)[0]
            if out_of is not None:
                end = om.end()
                kind = "count"
        return _Read(make(end, kind, unit, out_of=out_of), lead, True, consumed=end,
                     unit_start=mm.start("unit"))

    if year_like:
        raise _Skip("year")
    if lone_one:
        raise _Skip("'one' before a plain noun")

    rm = RATIO.match(text, e)
    if rm:
        end = rm.end("cmp") if rm.group("cmp") else rm.end("sep")
        is_ratio = rm.group("sep").startswith("-") or rm.group("cmp") or RATIO_FOLLOW.match(text, end)
        return _Read(make(end, "ratio" if is_ratio else "count", "times"), lead, True, consumed=end,
                     unit_start=_skip_blank(text, e))

    if e < len(text) and text[e] in "-‐" and e + 1 < len(text) and text[e + 1].isalpha():
        raise _Skip("hyphenated compound (Nine-dash, two-front)")

    # A counted noun.
    pos, mods, head, stopped = e, [], None, False
    for _ in range(MAX_NOUN_TOKENS):
        tm = NOUN_TOKEN.match(text, pos)
        if not tm:
            stopped = True  # punctuation or end of line
            break
        tok = tm.group(1)
        low = tok.lower()
        if low in CHUNK_STOP or tok.endswith(("’s", "'s")):
            stopped = True
            break
        pos = tm.end(1)
        if _is_plural_head(tok) or (low in CASUALTY_NOUNS and not mods):
            head = (tm.start(1), tm.end(1), tok)
            break
        mods.append((tm.start(1), tm.end(1), tok))
    if head is None and value == 1 and stopped:
        # "1 outpost remained": the first word that is neither an adjective nor an abbreviation
        for k, tok in enumerate(mods):
            if tok[2].islower() and tok[2].isalpha() and tok[2] not in ADJECTIVE_MODIFIERS \
                    and not ADJECTIVE_SUFFIX.search(tok[2]):
                head, mods = tok, mods[:k]
                break
    if head is None:
        end = mods[-1][1] if mods else e
        if mods and not all(t[2][0].isupper() for t in mods):
            end = e  # keep modifiers only when they read as a nationality or name ("21,900 Japanese")
        q = make(end, "count", None)
        return _Read(q, lead, False, consumed=e)
    head_low = head[2].lower()
    unit = _plural(head_low) if value == 1 else head_low
    unit_start = head[0]
    if mods and _is_noun_modifier(mods[-1][2]) and mods[-1][1] + 1 == head[0]:
        unit, unit_start = f"{mods[-1][2]} {unit}", mods[-1][0]
    end = head[1]
    casualty = bool(CASUALTY_AFTER.match(text, end)) or head_low in CASUALTY_NOUNS
    if not casualty and head_low in PERSON_NOUNS:
        casualty = bool(CASUALTY_BEFORE.search(text, max(0, lead - 40), lead))
    return _Read(make(end, "count", unit), lead, True, casualty_cue=casualty, consumed=end,
                 unit_start=unit_start)


def _coordinate(text: str, reads: list[_Read]) -> None:
    """``352 and 355 days``: a number that counts nothing borrows from the next one, and quotes
    its own words with the words of the unit it borrows (``352 days out of 365``)."""
    for i in range(len(reads) - 2, -1, -1):
        a, b = reads[i], reads[i + 1]
        if a.complete or a.q.end > b.lead or not COORDINATION.match(text[a.q.end:b.lead]):
            continue
        if not b.complete or not b.q.unit:
            continue
        a.complete = True
        tail = (b.q.pieces[-1][0], b.q.end) if b.q.pieces else (b.unit_start, b.q.end)
        if tail[0] is not None and a.q.end <= tail[0] < tail[1]:
            a.q.pieces = [(a.q.start, a.q.end), tail]
            a.q.quote = f"{text[a.q.start:a.q.end]} {text[tail[0]:tail[1]]}"
            a.q.end = tail[1]
        a.q.unit, a.q.kind, a.q.out_of = b.q.unit, b.q.kind, b.q.out_of
        if a.q.currency is None:
            a.q.currency = b.q.currency
        a.casualty_cue = a.casualty_cue or b.casualty_cue
        if b.q.unit in PERSON_NOUNS and not a.casualty_cue:
            a.casualty_cue = bool(CASUALTY_BEFORE.search(text, max(0, a.lead - 40), a.lead))
        b.casualty_cue = b.casualty_cue or a.casualty_cue
        if a.q.qualifier and not b.q.qualifier:
            b.q.qualifier, b.q.approx = a.q.qualifier, True


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos


def _settle_kind(r: _Read) -> None:
    q = r.q
    if q.value_max is not None:
        q.kind = "range"
    elif r.casualty_cue and (q.unit in PERSON_NOUNS or q.unit in CASUALTY_NOUNS
                             or (q.unit or "").split(" ")[-1] in PERSON_NOUNS):
        q.kind = "casualties"


def _settle_years(text: str, q: Quantity) -> None:
    """Fill ``year`` and ``base_year`` from the clause around the quantity."""
    sent_end = sentence_end_after(text, q.end, window=400)
    right = text[q.end:min(sent_end, q.end + YEAR_LOOK_AFTER)]
    right = _cut_clause(right, forward=True)
    bm = BASE_YEAR.search(right)
    ym = YEAR_AFTER.search(right)
    if bm:
        q.base_year = int(bm.group("y"))
    if ym and not (bm and bm.start() <= ym.start() < bm.end()):
        q.year = int(ym.group("y") or ym.group("fy"))
        return
    sent_start = sentence_start_before(text, q.start, window=400)
    left = text[max(sent_start, q.start - YEAR_LOOK_BEFORE):q.start]
    left = _cut_clause(left, forward=False)
    found = list(YEAR_AFTER.finditer(left))
    if found:
        # "budget for fiscal 2025 at about ¥8.7 trillion": a few words apart, no new clause.
        m = found[-1]
        gap = left[m.end():]
        if len(gap.split()) <= YEAR_GAP_WORDS and not GAP_CONJUNCTION.search(gap):
            q.year = int(m.group("y") or m.group("fy"))
            return
    lm = LEAD_YEAR.match(text, sent_start)
    if lm and lm.end() <= q.start:
        q.year = int(lm.group("y"))  # "In 2025, China spent $5 billion"


def _cut_clause(s: str, forward: bool) -> str:
    """Keep the part of ``s`` in the quantity's clause: up to the first (or after the last)
    comma, semicolon or colon that is not inside parentheses."""
    depth = 0
    rng = range(len(s)) if forward else range(len(s) - 1, -1, -1)
    for i in rng:
        ch = s[i]
        if ch == ("(" if forward else ")"):
            depth += 1
        elif ch == (")" if forward else "("):
            depth = max(0, depth - 1)
        elif depth == 0 and CLAUSE_BREAK.match(ch):
            return s[:i] if forward else s[i + 1:]
    return s
