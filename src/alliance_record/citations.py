"""Citations: reference strings (footnote bodies, bibliography entries) parsed into CSL fields.

One footnote body gives zero or more citations (``split_citations``: works are separated by
``;`` outside titles, italics, brackets and URLs), each parsed by ``parse_citation`` into the
fields of a CSL-JSON item: ``type``, ``authors`` (``{family, given}`` for people,
``{literal}`` for institutions) with an ``et_al`` flag, ``editors``, ``title``,
``container_title``, ``publisher``, ``publisher_place``, ``genre``, ``issued`` and
``issued_precision``, ``accessed``, ``url``, ``doi``, ``domain``, ``volume``, ``issue``,
``page``, ``raw``. An entry of a References list is parsed by ``parse_reference`` (inverted names,
``———.`` for "same author as above").

The parser knows the families of styles by their punctuation, not by any one footnote:

* delimited title (Chicago notes and bibliographies, MLA, IEEE, "See: ..."): ``Author, “Title,”
  Source`` or ``Family, Given. "Title." Source``, the title ending at a closing quote right after
  ``,``/``.``; Harvard's single quotes (``Kliman, D. (2014) 'Title', Asia Policy``); italics
  for books (``Author, *Title* (Place: Publisher, Year)``). Before the title: people, an
  institution written in title case ("The White House"), and Harvard's ``(Year)``;
* period-separated (Chicago-like web citations, APA, Harvard, Vancouver): ``Author. (2008).
  Title. Source, Date. <url>``, split at sentence periods that do not end an initial or an
  abbreviation -- except the initial that ends an inverted first author ("Samuels, Richard J.
  Securing Japan...") or a Vancouver list ("Kristensen HM, Korda M. Title");
* author-date (Chicago author-date, APA): the year right after the authors, in brackets or as a
  sentence of its own (``Smith, John. 2019. "Title." Journal 12 (3): 45–67.``, ``Lee, Ana,
  ed. 2017. Title.``), with the letter that tells works of one year apart (``2019a``), or
  ``n.d.``/``Forthcoming``; a full date later in the entry refines that year;
* acts and laws (``Taiwan Relations Act, Pub. L. No. 96-8 (1979)``, ``... Act No. 108 of
  2013``): type ``legislation``;
* notes citing a work again: "Ibid." and "Id."; ``Smith, op. cit., 12``; and short forms
  ``Smith, Japan Rearmed, 45`` (a family name, a short title, a pinpoint). Which earlier
  citation they repeat is decided by :func:`refers_to` (same family name; a short title is the
  beginning of the full one).

What follows the title is cut into segments, each recognised by its form: a date
(``June 15, 2025``, ``31 May 2021``, ``(2008)``, APA ``(2021, March 5)``, Vancouver ``2025 Jan
15``, ``Updated ...``; a Harvard ``8 July`` completes the year written before it), "No
date"/"n.d.", an italic container, a volume notation (``39, no. 1``, ``Vol. 150/5/1,455``,
``12(3)``, ``Asia Policy 16 (July 2013)``; IEEE and MLA close it with the date, ``vol. 61,
no. 2, pp. 200-220, Mar. 2021``, and may give an article number, ``Art. no. 104512``),
``Place: Publisher`` (``Cambridge (MA): ...``),
``Publisher, City``, ``In: Editors (eds) Book``, ``in Book, ed. A and B (Place: Publisher,
Year)``, a genre label (``Research Summary``, ``(Report No. RL33436)``), pages, or a name.
Pages after an article's container are its ``page``; after a book's publication facts (or
after the article's range) they are the note's pinpoint, ``locator``. A name is an
organisation (the publisher) when its head word is one (Institute, Foundation, Ministry,
Council, Press, ... or a think-tank acronym such as RAND; "Columbia UP"), and a periodical or
website (the container) otherwise. The CSL type follows from what was found: ``In:`` makes a
chapter, the container's kind an article (newspaper, magazine, journal; a volume with pages
marks a journal), the URL path a report (``.pdf``, ``/publications/``), blog post (``/blog/``)
or web page; a DOI is an identifier, not a web page (a DOI built on an ISBN names a book); a
publisher makes a book, or a report when it is a research organisation rather than a press.

:func:`looks_like_citation` tells a citing footnote from an explanatory one by signals (a URL,
DOI, italics, an access date, ibid., op. cit.) or by what the parse found that only a reference
has: publication facts, a container with a volume or pages, authors and a title with a year or
publisher, an act, a short form.

Nothing is guessed: "No title" and "No date" give NULL, dates are never read from URLs or
titles, and a URL is kept exactly as written (only angle brackets, a stray ``>`` left by a line
break, and trailing punctuation are dropped).
"""

from __future__ import annotations

import calendar
import functools
import re
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit

from .letters import without_marks

FIELDS = ("type", "authors", "et_al", "editors", "title", "container_title", "publisher",
          "publisher_place", "genre", "issued", "issued_precision", "accessed", "url", "doi",
          "domain", "volume", "issue", "page", "number", "raw")

# --- dates ----------------------------------------------------------------------------------------

MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
YEAR = r"(?<!\d)(?:1[5-9]\d{2}|20\d{2})(?!\d)"
DATE_PATTERNS = [  # most precise first
    ("day", re.compile(rf"(?i)\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>{YEAR})")),
    ("day", re.compile(rf"(?i)(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{MONTH})\s*,?\s+(?P<y>{YEAR})")),
    ("day", re.compile(rf"(?P<y>{YEAR})-(?P<mm>\d{{2}})-(?P<d>\d{{2}})(?!\d)")),
    # APA "(2021, March 5)" and Vancouver "2025 Jan 15": the year first
    ("day", re.compile(rf"(?i)(?P<y>{YEAR}),?\s+(?P<m>{MONTH})(?![a-z])\s+(?P<d>\d{{1,2}})(?![\d,])")),
    ("month", re.compile(rf"(?i)\b(?P<m>{MONTH})\s+(?P<y>{YEAR})")),
    ("month", re.compile(rf"(?i)(?P<y>{YEAR}),\s+(?P<m>{MONTH})(?![a-z])(?!\s*\d)")),
    ("month", re.compile(rf"(?P<y>{YEAR})-(?P<mm>\d{{2}})(?![\d-])")),
    # A year with the letter an author-date list adds to tell one author's works of a year
    # apart ("2019a", "(2019b)") is that year; "1990s" is no date.
    ("year", re.compile(rf"(?P<y>{YEAR})(?:[a-h](?![A-Za-z]))?")),
]
# An author-date year written as a sentence of its own after the authors ("Smith, John. 2019.
# Title."), or in brackets (APA "(2019a)"), or "n.d."/"forthcoming" in its place.
YEAR_SENTENCE = rf"(?:{YEAR}[a-h]?|(?i:n\.\s?d\.?|no date|forthcoming|in press))"
YEAR_ALONE = re.compile(YEAR_SENTENCE)  # fullmatch: a segment that is only that year
YEAR_NEXT = re.compile(rf"\s+{YEAR_SENTENCE}\.(?:\s|$)")  # match: the year sentence comes next
FORTHCOMING = re.compile(r"(?i)^(?:forthcoming|in press)$")
DATE_PREFIX = re.compile(r"(?i)(?:\b(?:updated|published|posted|last (?:modified|updated)|"
                         r"released|issued|spring|summer|fall|autumn|winter)(?: on)?:?\s*)$")
NO_DATE = re.compile(r"(?i)^(?:no date|n\.\s?d\.?|undated|date unknown)$")
# A day and month whose year was written earlier (Harvard "(2024) 'Title', 8 July").
DAY_MONTH = re.compile(rf"(?i)^(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}}))$")
NO_TITLE = re.compile(r"(?i)^(?:no title|untitled|\[no title\])$")
# A pinpoint a note cites: "45", "45–50", "pp. 3, 7", "xii".
LOCATOR = r"(?:(?:pp?\.|at)\s*)?(?P<loc>(?:\d+|[ivxlc]+)(?:\s*[-–]\s*\d+)?(?:,\s*\d+(?:\s*[-–]\s*\d+)?)*)"


# What a text must hold for a pattern of DATE_PATTERNS to match it: every pattern a year; one with
# a month's name that name as a word ("(?P<m>" comes after a word boundary or a space); one with a
# month's number a hyphen ("2025-03"). A pattern whose need the text lacks is not run.
ANY_YEAR = re.compile(YEAR)
# (a month's name is found wherever its first three letters open a word: every name in MONTHS
# begins with an abbreviation that is itself one of them, so the twelve are enough, and they are
# tried at each word in some 60 % of the time of the twenty-three names: 1.8 against 2.9 µs on
# a note of 30 characters)
ANY_MONTH_NAME = re.compile(rf"(?i)\b(?:{'|'.join(sorted({name[:3] for name in MONTHS}))})")
_NEEDS = [("(?P<m>" in pattern.pattern, "(?P<mm>" in pattern.pattern) for _precision, pattern in DATE_PATTERNS]
# the patterns to run by (a month's name in the text, a hyphen in it): chosen once, not per call
_PATTERNS_FOR = {(named, hyphen): [p for p, (month, dash) in zip(DATE_PATTERNS, _NEEDS)
                                   if (named or not month) and (hyphen or not dash)]
                 for named in (False, True) for hyphen in (False, True)}


def find_date(text: str, patterns=DATE_PATTERNS):
    """The first, most precise date in text: ``(iso, precision, start, end)`` or None."""
    if patterns is DATE_PATTERNS:
        if not ANY_YEAR.search(text):
            return None
        patterns = _PATTERNS_FOR[ANY_MONTH_NAME.search(text) is not None, "-" in text]
    best = None
    for precision, pattern in patterns:
        m = pattern.search(text)
        if not m:
            continue
        iso = _iso(m, precision)
        if iso is None:
            continue
        if best is None or m.start() < best[2] or (m.start() == best[2] and m.end() > best[3]):
            best = (iso, precision, m.start(), m.end())
    return best


def _iso(m, precision):
    y = int(m.group("y"))
    month = None
    if "mm" in m.groupdict() and m.group("mm"):
        month = int(m.group("mm"))
    elif "m" in m.groupdict() and m.group("m"):
        month = MONTHS[m.group("m").rstrip(".").casefold()]
    if precision == "year":
        return f"{y:04d}"
    if not month or not 1 <= month <= 12:
        return None
    if precision == "month":
        return f"{y:04d}-{month:02d}"
    d = int(m.group("d"))
    if not 1 <= d <= calendar.monthrange(y, month)[1]:
        return None
    return f"{y:04d}-{month:02d}-{d:02d}"


def parse_date(text: str):
    """``(iso, precision)`` when ``text`` is just a date (with an optional "Updated"), else None."""
    text = text.strip(" ,.;()")
    found = find_date(text)
    if not found:
        return None
    iso, precision, a, b = found
    before, after = text[:a], text[b:]
    if after.strip(" ,.") or (before.strip() and not DATE_PREFIX.search(before)):
        return None
    return iso, precision


# --- names ----------------------------------------------------------------------------------------

# Head words of organisations: a name whose head is one of these publishes, it is not a periodical.
ORG_WORDS = {
    "institute", "institution", "institutes", "foundation", "society", "center", "centre",
    "council", "endowment", "department", "ministry", "office", "agency", "initiative",
    "government", "university", "college", "commission", "committee", "corporation",
    "association", "fund", "bureau", "administration", "secretariat", "organization",
    "organisation", "forum", "trust", "academy", "press", "publishing", "publishers", "library",
    "school", "parliament", "congress", "senate", "cabinet", "embassy", "laboratory", "program",
    "programme", "service", "consortium", "partnership", "conference", "assembly", "authority",
    "board", "federation", "ministries", "command", "headquarters", "observatory", "bank",
    "company", "group", "network", "coalition", "tribunal", "court", "union", "party",
    "guard", "house", "navy", "army", "forces", "corps", "police", "books", "publications",
    "verlag", "editions",
}
# Publishers written with an abbreviation: "Columbia UP", "Cornell Univ. Press".
PUBLISHER_TAIL = re.compile(r"\s(?:UP|U\.\s?P\.|Univ\.\s?Press)$")
# Well-known research organisations usually written as an acronym or a single word.
ORG_ACRONYMS = {
    "rand", "csis", "cnas", "iiss", "cfr", "aei", "sipri", "rusi", "nbr", "jiia", "nids", "aspi",
    "iseas", "csba", "ecfr", "spf", "rips", "un", "nato", "iaea", "oecd", "imf", "asean", "gao",
    "crs", "brookings", "chatham house", "heritage", "hoover", "carnegie", "mofa", "mod", "dod",
}
# Periodical head words: such a name is a container even if it mentions an organisation.
PERIODICAL_WORDS = {
    "journal", "magazine", "review", "quarterly", "bulletin", "times", "post", "news", "herald",
    "gazette", "tribune", "digest", "weekly", "monthly", "daily", "annals", "letters",
    "transactions", "proceedings", "observer", "chronicle", "telegraph", "guardian", "shimbun",
    "report", "reporter", "diplomat", "interpreter", "affairs", "studies", "survival", "monitor",
    "economist", "insider", "blog",
}
# Newspapers, news agencies and broadcasters: their articles are article-newspaper.
NEWSPAPER_WORDS = {
    "times", "post", "herald", "tribune", "guardian", "gazette", "telegraph", "chronicle",
    "shimbun", "observer", "inquirer", "courier", "independent", "globe", "daily", "news",
    "bbc", "cnn", "nhk", "npr", "reuters", "afp", "kyodo", "xinhua", "yonhap", "bloomberg",
    "asahi", "yomiuri", "mainichi", "nikkei asia", "al jazeera", "associated press",
    "wall street journal",
}
JOURNAL_WORDS = {"journal", "quarterly", "bulletin", "annals", "letters", "transactions",
                 "proceedings of"}
REPORT_WORDS = {"report", "reports", "paper", "papers", "brief", "briefs", "series",
                "monograph", "monographs"}
GENRE = re.compile(r"(?i)^(?:[A-Z][\w-]*\s+){0,3}(?:summary|report|brief|paper|memo|memorandum|"
                   r"monograph|working paper|issue brief|policy brief|fact sheet|press release|"
                   r"commentary|backgrounder|explainer|testimony|transcript)"
                   r"(?:\s+(?:no\.?\s*)?[A-Z]{0,4}\d[\w.-]*)?$")  # "CRS Report RL33436"
CONNECTORS = {"of", "for", "the", "and", "on", "&", "in", "de", "du", "des", "la", "le"}
PREPOSITIONS = {"of", "for", "on", "in", "at", "to", "from", "by"}
NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "le", "la",
                  "bin", "al", "ibn", "ten", "ter", "st."}
# Function words capitalised in titles ("By More Than Providence") are never part of a name.
TITLE_WORDS = {"a", "an", "the", "by", "of", "in", "on", "for", "to", "and", "at", "from", "with",
               "than", "more", "is", "are", "was", "were", "be", "what", "why", "how", "when",
               "will", "can", "its", "their", "our", "not", "no", "after", "before", "between",
               "toward", "towards", "against", "under", "over", "into", "beyond", "without",
               "within", "about", "new", "old", "this", "that", "who", "where", "as", "or"}
NAME_SUFFIX = re.compile(r"^(?:Jr\.?|Sr\.?|II|III|IV)$")
NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zà-ÿ]*\.|[A-Z](?:[a-zà-ÿ'’]+|[A-Z]{1,2}(?=[a-z]))[A-Za-zà-ÿ'’]*"
                        r"(?:-[A-Z]?[a-zà-ÿ'’]+)*|[A-Z]\.(?:-?[A-Z]\.)+)$")
# Vancouver names: family name, then initials without periods ("Smith SA", "Korda M").
VANCOUVER_NAME = re.compile(r"^(?P<family>[A-Z][a-zà-ÿ'’]+(?:[- ][A-Z][a-zà-ÿ'’]+)?)\s(?P<given>[A-Z]{1,3})$")
INITIALS = re.compile(r"^(?:[A-Z]\.\s?-?)+$")
ET_AL = re.compile(r"(?i)[,\s]*\b(?:et\.? al\.?|and others)\s*$")

# Place names: a segment ending in a country (or U.S. state, or D.C.) is a place, and
# "Publisher, City" puts the publisher before a city.
CITIES = {
    "new york", "london", "tokyo", "washington", "oxford", "cambridge", "boston", "chicago",
    "paris", "berlin", "singapore", "beijing", "seoul", "canberra", "sydney", "honolulu",
    "princeton", "stanford", "abingdon", "oxfordshire", "basingstoke", "cham", "dordrecht",
    "heidelberg", "lanham", "santa monica", "arlington", "new haven", "ithaca", "berkeley",
    "hong kong", "taipei", "melbourne", "new delhi", "manila", "hanoi", "jakarta", "kyoto",
    "osaka", "geneva", "brussels", "the hague", "amsterdam", "stockholm", "ottawa", "toronto",
}


@lru_cache(maxsize=1)
def _country_level() -> frozenset:
    import pycountry

    names = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name", "alpha_2", "alpha_3"):
            value = getattr(c, attr, None)
            if value:
                names.add(value.casefold())
    for sub in pycountry.subdivisions.get(country_code="US") or []:
        names.add(sub.code.split("-")[1].casefold())
        names.add(sub.name.casefold())
    names.update({"uk", "usa", "us", "dc", "england", "scotland", "wales", "south korea",
                  "north korea", "taiwan", "russia", "vietnam", "iran"})
    return frozenset(names)


@lru_cache(maxsize=1 << 16)  # a pure function of a name that reference lists repeat
def is_country(text: str) -> bool:
    return _fold_name(text) in _country_level() and not _fold_name(text) in CITIES


def _fold_name(text: str) -> str:
    """Name comparison key: spacing, case and dots folded ("D.C." = "DC", "U.K." = "UK")."""
    return re.sub(r"\s+", " ", text.strip(" ,.;:").replace(".", "")).casefold() if text else ""


def _words(text: str) -> list[str]:
    return [w.strip(".,;:()[]*“”\"'’").casefold() for w in text.split()]


def _strip_qualifiers(name: str) -> str:
    """'Ministry of Defense (Japan)' -> 'Ministry of Defense'; 'Foundation USA' -> 'Foundation'."""
    name = re.sub(r"\s*\([^()]*\)\s*$", "", name.strip())
    words = name.split()
    if len(words) > 1 and (is_country(words[-1]) and words[-1].isupper()):
        name = " ".join(words[:-1])
    return name


@lru_cache(maxsize=1 << 16)  # a pure function of a name that reference lists repeat
def head_word(name: str) -> str:
    """The head of a name: the last word before its first preposition ("Center for ...")."""
    words = _strip_qualifiers(name).split()
    head = []
    for w in words:
        if w.casefold() in PREPOSITIONS and head:
            break
        head.append(w)
    return _words(head[-1])[0] if head else ""


@lru_cache(maxsize=1 << 16)  # a pure function of a name that reference lists repeat
def is_org(name: str) -> bool:
    """True when ``name`` names an organisation (publisher/institution), not a periodical."""
    if not name or not name.strip():
        return False
    folded = re.sub(r"^the ", "", _fold_name(_strip_qualifiers(name)))
    if folded in ORG_ACRONYMS or PUBLISHER_TAIL.search(name.strip(" .,")):
        return True
    head = head_word(name)
    if head in PERIODICAL_WORDS:
        return False
    if head in ORG_WORDS:
        return True
    return any(w in ORG_WORDS for w in _words(_strip_qualifiers(name)))


PRESS_WORDS = {"press", "publishing", "publishers", "publisher", "books", "publications", "verlag",
               "editions", "media"}


def is_research_org(name: str) -> bool:
    """An organisation that publishes reports (a think tank, ministry, agency), not a press."""
    return is_org(name) and head_word(name) not in PRESS_WORDS and not PUBLISHER_TAIL.search(name.strip(" ."))


def _has_any(name: str, vocabulary: set) -> bool:
    words = _words(name)
    text = " ".join(words)
    return any((" " in v and f" {v} " in f" {text} ") or v in words for v in vocabulary)


@lru_cache(maxsize=1 << 16)  # a pure function of a name that reference lists repeat
def is_newspaper(name: str) -> bool:
    return _has_any(name, NEWSPAPER_WORDS)


@lru_cache(maxsize=1 << 16)  # a pure function of a name that reference lists repeat
def is_journal(name: str) -> bool:
    return _has_any(name, JOURNAL_WORDS)


@lru_cache(maxsize=1 << 16)  # a pure function of a name that reference lists repeat
def is_place(text: str) -> bool:
    """'Tokyo, Japan', 'Washington, D.C.', 'Oxfordshire, UK and New York, NY', 'New York'."""
    text = re.sub(r"\s*\([^()]*\)$", "", text.strip(" ,.;"))  # "Cambridge (MA)"
    if not text:
        return False
    parts = [p.strip() for p in re.split(r",|\band\b|&", text) if p.strip()]
    if not parts or any(not p[0].isupper() for p in parts):
        return False
    if any(is_org(p) for p in parts):
        return False
    if is_country(parts[-1]) or _fold_name(parts[-1]) in CITIES:
        return len(parts) == 1 or is_country(parts[-1]) or all(_fold_name(p) in CITIES for p in parts)
    return False


def person(text: str) -> dict | None:
    """``{family, given}`` when ``text`` is a personal name in natural order, else None."""
    text = text.strip(" ,;")
    tokens = text.split()
    suffix = None
    if tokens and NAME_SUFFIX.match(tokens[-1]):
        suffix = tokens.pop()
    if not 2 <= len(tokens) <= 5:
        return None
    if not all(NAME_TOKEN.match(t) or t.casefold() in NAME_PARTICLES for t in tokens):
        return None
    if tokens[0].casefold() in NAME_PARTICLES or any(t.casefold() in TITLE_WORDS for t in tokens):
        return None
    last = _words(tokens[-1])[0]
    if last in ORG_WORDS or last in PERIODICAL_WORDS or INITIALS.match(tokens[-1]):
        return None
    k = len(tokens) - 1
    while k > 1 and tokens[k - 1].casefold() in NAME_PARTICLES:
        k -= 1
    out = {"family": " ".join(tokens[k:]), "given": " ".join(tokens[:k])}
    if suffix:
        out["suffix"] = suffix
    return out


def _family_like(part: str) -> bool:
    tokens = part.split()
    if not tokens or not NAME_TOKEN.match(tokens[-1]) or INITIALS.match(tokens[-1]):
        return False
    return all(t.casefold() in NAME_PARTICLES for t in tokens[:-1]) and len(tokens) <= 3


def _given_like(part: str) -> bool:
    tokens = part.split()
    return 1 <= len(tokens) <= 3 and all(NAME_TOKEN.match(t) or INITIALS.match(t) for t in tokens)


def _vancouver(text: str) -> list | None:
    """The matches of a Vancouver author list ("Kristensen HM, Korda M."), or None. A lone name
    with one initial is Vancouver only as a segment of its own ("Tanaka H." before the title,
    which :func:`split_periods` cuts only when no surname follows); "Christopher S" inside a
    segment is a name in natural order."""
    found = []
    for p in text.rstrip(".").split(","):
        m = VANCOUVER_NAME.match(p.strip())
        if not m:
            return None  # (the first part that is no such name ends the reading)
        found.append(m)
    if len(found) == 1 and len(found[0].group("given")) == 1 and not text.endswith("."):
        return None
    return found


# (the patterns of the functions below, compiled once: they run several times a note)
SPACE_RUN = re.compile(r"\s+")
INITIAL_END = re.compile(r"(?:^|[\s.])[A-Z]\.$")
INVERTED_INSTITUTION = re.compile(r"^(?P<head>[^,]+),\s*(?P<rest>[^,]+?\s(?:of|for|on|and))$")
NAME_SEPARATOR = re.compile(r"(,\s*(?:and\s+|&\s*)?|\s+and\s+|\s+&\s+)")


def parse_names(text: str, single: bool = False) -> tuple[list[dict], bool] | None:
    """A list of people in natural or inverted order, or one institution; None if not names.

    Handles "A B, C D and E F", "A B, C D, et al.", "Family, Given, and Given Family",
    "Family, I., & Family, I." (APA), and "Defense, U.S. Department of" (an inverted
    institution). Returns ``(authors, et_al)``. With ``single``, a lone surname counts as a
    name (the short form "Smith, “Title,” 45" of a note citing a work again).
    """
    text = SPACE_RUN.sub(" ", text).strip(" ,;")
    if text.endswith(".") and not INITIAL_END.search(text) and not text.endswith("al."):
        text = text[:-1]
    et_al = bool(ET_AL.search(text))
    text = (ET_AL.sub("", text) if et_al else text).strip(" ,")
    if not text:
        return None
    vancouver = _vancouver(text)
    if vancouver and not any(is_country(v.group("family").split()[0]) or is_org(v.group("family"))
                                  for v in vancouver):
        return [{"family": v.group("family"), "given": v.group("given")} for v in vancouver], et_al
    m = INVERTED_INSTITUTION.match(text)
    if m and is_org(f"{m.group('rest')} {m.group('head')}"):
        return [{"literal": f"{m.group('rest')} {m.group('head')}"}], et_al
    tokens = NAME_SEPARATOR.split(text)
    parts = [t.strip() for t in tokens[0::2]]
    seps = [t.strip() for t in tokens[1::2]]
    if any(not p for p in parts):
        return None
    people, i = [], 0
    while i < len(parts):
        part = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        # "Family, Given" only across a bare comma: the first name of a Chicago bibliography
        # entry, or any name whose given names are initials (APA "Sato, Y., Hirata, K.").
        if nxt and seps[i] == "," and _family_like(part) and _given_like(nxt) \
                and (INITIALS.match(nxt) or i == 0):
            people.append({"family": part, "given": nxt})
            i += 2
            continue
        p = person(part)
        if not p:
            break
        people.append(p)
        i += 1
    if people and i == len(parts):
        return people, et_al
    if single and len(parts) == 1 and is_newspaper(text) and len(text.split()) <= 3:
        return [{"literal": text}], et_al  # "Reuters", "BBC": an agency as author
    if single and len(parts) == 1 and _family_like(text) and not is_org(text) \
            and not _words(text)[-1] in PERIODICAL_WORDS:
        return [{"family": text}], et_al
    if len(parts) >= 1 and is_org(text) and len(text.split()) <= 12:
        return [{"literal": text}], et_al
    return None


COMMA_SPACE = re.compile(r", ")


def split_author_prefix(segment: str):
    """'Matthew Cox, Pentagon Reviewing ...' -> (authors, et_al, 'Pentagon Reviewing ...')."""
    parts = segment.split(", ")
    people = lambda found: bool(found) and all("family" in a for a in found[0])  # noqa: E731
    for k in range(len(parts) - 1, 0, -1):
        label = parts[k].split(" (")[0]
        if GENRE.match(label) and not is_org(label):
            continue  # "Anna Berg, Fleet Readiness, RIPS Report 3": a title never is a genre label
        # (the tail is read only after a head of people: most cuts of a title fail at the head)
        names = parse_names(", ".join(parts[:k]))
        if people(names):
            tail = ", ".join(parts[k:])
            if not people(parse_names(tail)):
                return names[0], names[1], tail
    # An institution as author: "International Institute for Strategic Studies, The Military
    # Balance 2024 (London: Routledge, 2024)" -- the first comma outside brackets.
    mask = _protected(segment)
    cut = next((m.start() for m in COMMA_SPACE.finditer(segment) if not mask[m.start()]), None)
    if cut is not None:
        head, tail = segment[:cut], segment[cut + 2:]
        if is_org(head) and not is_org(tail.split(" (")[0]) and len(tail.split()) >= 2 and tail[:1].isupper():
            return [{"literal": head}], False, tail
    return None


# --- URLs and identifiers ---------------------------------------------------------------------------

URL_TOKEN = re.compile(r"(?i)(?:(?:retrieved|available)(?: online)?(?: at| from)?:?\s*)?"
                       r"<?(?:https?://|www\.)\S+")
DOI_TEXT = re.compile(r"(?i)\b(?:doi:\s*|doi\s+)(10\.\d{4,9}/\S+)")
DOI_BARE = re.compile(r"(?<![\w/.:])10\.\d{4,9}/\S+")  # "10.1093/isq/sqab045" with no "doi:"
MEDIUM = re.compile(r"(?i)\s*\[(?:internet|online|electronic resource|e-?book|pdf)\]")
ISBN_DOI = re.compile(r"97[89]\d{10}(?P<part>[_.](?:ch)?\d+)?")  # 10.1057/9780230615809_5
DOI_IN_URL = re.compile(r"(?i)^https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)$")
ACCESSED = re.compile(rf"(?i)\[?\b(?:accessed|retrieved|viewed|last accessed|cited)(?: on)?:?\s+"
                      rf"(?P<date>(?:{MONTH}\s+\d{{1,2}},?\s+{YEAR})|(?:\d{{1,2}}\s+{MONTH},?\s+{YEAR})|"
                      rf"(?:{YEAR}-\d{{2}}-\d{{2}})|(?:{YEAR}\s+{MONTH}\s+\d{{1,2}}))\]?(?:,?\s+from\b)?")
TRAILING = ".,;:!?'\"”’>*"


def clean_url(token: str) -> str:
    """The URL as written: no angle brackets (a stray ``>`` from a line break dropped too), no
    trailing punctuation, a closing parenthesis kept only when the URL opened one."""
    url = re.sub(r"(?i)^(?:retrieved|available)(?: online)?(?: at| from)?:?\s*", "", token)
    url = url.lstrip("<").replace(">", "")
    while url:
        if url[-1] in TRAILING:
            url = url[:-1]
        elif url[-1] == ")" and url.count(")") > url.count("("):
            url = url[:-1]
        elif url[-1] == "]" and url.count("]") > url.count("["):
            url = url[:-1]
        else:
            break
    return url


def split_url(url: str):
    """``urlsplit`` of a URL as cited (scheme optional); an unparseable one ("https://[", an
    unclosed IPv6 bracket) splits as if it were all path, instead of raising."""
    try:
        return urlsplit(url if "://" in url else f"http://{url}")
    except ValueError:
        return SplitResult("", "", url, "", "")


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = split_url(url).hostname or ""
    host = host.casefold()
    return host[4:] if host.startswith("www.") else host or None


# --- text helpers -------------------------------------------------------------------------------------

ABBREVIATIONS = {
    "vol", "vols", "no", "nos", "pp", "p", "ed", "eds", "trans", "jr", "sr", "dr", "mr", "ms",
    "mrs", "prof", "st", "inc", "ltd", "co", "corp", "gen", "col", "adm", "lt", "capt", "maj",
    "rev", "dept", "univ", "fig", "ch", "chap", "para", "sec", "op", "cit", "repr", "rpt", "n",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "proc", "int", "conf", "symp", "annu", "natl", "intl", "assoc", "soc",
}
SIGNAL = re.compile(r"(?i)^(?:see also|see, e\.g\.,?|see, for example,?|see|cf\.|compare|"
                    r"e\.g\.,?|for example,?|for instance,?|quoted in|as cited in|"
                    r"for (?:a |an |more )?[\w\s-]{0,40}?,? see)\s*:?\s+")
IBID = re.compile(r"(?i)^(?:ibid|ibidem|id)\.?(?:,?\s*(?:(?:p|pp|at)\.?\s*)?(?P<loc>[\w\-–, ]+?))?\.?$")


def normalise_space(text: str) -> str:
    return " ".join(text.split())  # re's \s and str.split() agree on what a space is


ITALIC_TAG_OR_URL = re.compile(r"\*[^*]+\*|<[^<>]*>|(?:https?://|www\.)\S+")


def _protected(text: str) -> list[bool]:
    """Mark characters inside quoted titles, italics, brackets and URLs (not split points)."""
    mask = [False] * len(text)
    # (each pass only where its characters are: a note is split several times, and most hold no
    # quotation mark, italics, tag or URL)
    if "“" in text or '"' in text:
        for a, b in _title_spans(text):
            mask[a:b] = [True] * (b - a)
    if "*" in text or "<" in text or "http" in text or "www." in text:
        for m in ITALIC_TAG_OR_URL.finditer(text):
            mask[m.start():m.end()] = [True] * (m.end() - m.start())
    if "(" not in text and "[" not in text:
        return mask  # (no bracket opens: the walk below would mark nothing)
    depth = 0
    for k, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            mask[k] = True
        if depth:
            mask[k] = True
    return mask


def _title_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    while True:
        found = find_quoted(text, pos)
        if not found:
            return spans
        spans.append((found[0], found[1]))
        pos = found[1]


QUOTE_OPEN = re.compile(r"(?:(?<=\s)|^)[“\"](?=\S)")
QUOTE_CLOSE_STRICT = re.compile(r"(?<=[,.?!])[”\"](?=\s|$|[,.;:)])")
QUOTE_CLOSE_LOOSE = re.compile(r"(?<=\S)[”\"](?=\s|$|[,.;:)])")


def find_quoted(text: str, pos: int = 0):
    """A quoted title from ``pos``: ``(open, close_end, title)`` or None.

    The title opens with a double quote at the start of a word and closes at a double quote
    that follows the title's own punctuation (``,”`` ``.”`` ``?”``) and precedes a space,
    punctuation or the end; nested quotes inside the title ("“fukugouteki yuuji”no") are kept.
    Without such a closing, the first closing quote followed by a space or punctuation is used.
    """
    m = QUOTE_OPEN.search(text, pos)
    if not m:
        return None
    start = m.start()
    for rx in (QUOTE_CLOSE_STRICT, QUOTE_CLOSE_LOOSE):
        c = rx.search(text, start + 1)
        if c:
            title = text[start + 1:c.start()]
            if rx is QUOTE_CLOSE_STRICT and title[-1] in ",.":
                title = title[:-1]
            return start, c.end(), title.strip()
    return None


PERIOD = re.compile(r"\.(?=\s|$)")
LAST_WORD = re.compile(r"(\S*)$")
RANGE_DASH = re.compile(r"[-–/]")
CAPITAL = re.compile(r"[A-Z]")
DOTTED_LETTERS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
NO_AFTER = re.compile(r"\s+no\.")


def split_periods(text: str) -> list[str]:
    """Split at sentence periods (". ") that do not end an initial or an abbreviation, and
    after "et al." (which closes an author list). Brackets, italics and URLs are not split."""
    mask = _protected(text)
    out, last = [], 0
    for m in PERIOD.finditer(text):
        k = m.start()
        if mask[k]:
            continue
        word = LAST_WORD.search(text[last:k]).group(1).lstrip("(“\"*")
        closes_authors = text[last:k].casefold().endswith("et al")
        # "Smith, John, ed. 2018. Title.": the editor's "ed." ends the names before a year
        closes_editors = word.casefold() in ("ed", "eds") and not out \
            and YEAR_NEXT.match(text[k + 1:])
        last_part = RANGE_DASH.split(word)[-1].casefold()  # "Mar.–Apr. 2021"
        if not closes_authors and (CAPITAL.fullmatch(word)  # an initial: "Michael J."
                                   or DOTTED_LETTERS.fullmatch(word.rsplit("-", 1)[-1])  # "Japan-U.S."
                                   or word.casefold() in ABBREVIATIONS or last_part in ABBREVIATIONS
                                   or last_part == "art" and NO_AFTER.match(text[k + 1:])):  # IEEE "Art. no."
            if not (closes_editors or not out and len(word) == 1
                    and _names_end(text[last:k + 1], text[k + 1:])):
                continue
            k += 1  # the initial keeps its period: "Samuels, Richard J."
        piece = text[last:k].strip()
        if piece:
            out.append(piece)
        last = k + 1
    tail = text[last:].strip()
    if tail:
        out.append(tail)
    return out


def _names_end(piece: str, following: str) -> bool:
    """"Samuels, Richard J." + " Securing Japan: ...": the initial ends an inverted name (the
    first author of a bibliography entry), or a Vancouver list ("Kristensen HM, Korda M."), when
    a title of several words follows -- or, in an author-date reference ("Cha, Victor D. 2016.
    Title."), the year as a sentence of its own."""
    piece = piece.strip()
    if YEAR_NEXT.match(following):
        names = parse_names(piece)
        return bool(names and names[0])
    if re.match(r"\s+[A-Z][\w'’-]+(?:[,.]|\s+and\b|\s+&)", following):
        return False  # a surname follows: "Christopher S. Chivvis and Jack Keating"
    if not _vancouver(piece):
        if not re.fullmatch(r"[^,]+,\s[^,]+", piece):
            return False
        names = parse_names(piece)
        if not names or len(names[0]) != 1 or "family" not in names[0][0]:
            return False
    nxt = re.match(r"\s+([^.,;:()]+)", following)
    return bool(nxt) and len(nxt.group(1).split()) >= 2 and nxt.group(1)[0].isupper()


SEMICOLON = re.compile(r";(?=\s)")


def split_citations(body: str) -> list[tuple[int, int]]:
    """Ranges of ``body`` holding one cited work each (split on ";" between works)."""
    mask = _protected(body)
    cuts = [m.start() for m in SEMICOLON.finditer(body) if not mask[m.start()]]
    ranges, start = [], 0
    for cut in cuts + [len(body)]:
        a, b = start, cut
        while a < b and body[a].isspace():
            a += 1
        while b > a and body[b - 1].isspace():
            b -= 1
        if b > a:
            ranges.append((a, b))
        start = cut + 1
    # A piece too short to be a work ("pp. 3; 5"), or one that starts with a number (Vancouver
    # "Tokyo: MOD; 2024 [cited ...]"), stays with the one before it.
    merged: list[tuple[int, int]] = []
    for a, b in ranges:
        if merged and (len(body[a:b].split()) < 3 or body[a].isdigit()):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


# --- one citation ---------------------------------------------------------------------------------------

def blank(raw: str) -> dict:
    """An empty record: the CSL ``FIELDS``, plus what the parse noticed on the way — ``ibid``
    and its ``locator``, ``chapter`` ("In: ..."), ``academic_volume`` ("39, no. 1", which marks
    a journal), ``magazine_volume`` ("Vol. 150/5/1,455") and, for References entries, ``same_author`` ("———.")."""
    rec = {f: None for f in FIELDS}
    rec.update(authors=[], editors=[], et_al=False, raw=raw, ibid=False, locator=None,
               chapter=False, academic_volume=False, magazine_volume=False, same_author=False, short=False,
               op_cit=False, legislation=False)
    return rec


def parse_citation(raw: str) -> dict:
    """Parse one citation (a work) written in any of the supported styles."""
    rec = blank(raw)
    text = normalise_space(raw)
    text = SIGNAL.sub("", text, count=1)
    ib = IBID.match(text)
    if ib:
        rec.update(ibid=True, locator=(ib.group("loc") or "").strip(" ,.") or None)
        return rec
    repeat = _short_form(text)
    if repeat:
        rec.update(repeat)
        return rec
    text = _pull_identifiers(text, rec)
    m = ACCESSED.search(text)
    if m:
        rec["accessed"] = parse_date(m.group("date"))[0]
        text = _cut(text, m.start(), m.end())
    text = _tidy(text)
    explicit_no_date = False

    if _legislation(text, rec):
        rest = []
    else:
        rest = _delimited_title(text, rec)
    if rest is None:
        rest = _period_style(text, rec)
    explicit_no_date = _read_rest(rest, rec)
    if rec["title"] and NO_TITLE.match(rec["title"]):
        rec["title"] = None
    book = ISBN_DOI.search(rec["doi"] or "") or (rec["editors"] and not rec["chapter"])
    if book and rec["container_title"] and not rec["publisher"] \
            and not (rec["volume"] or rec["issue"] or rec["chapter"]):
        # an ISBN DOI, or editors of the work itself: a book, and the name after it its publisher
        rec["publisher"], rec["container_title"] = rec["container_title"], None
    if explicit_no_date:
        rec["issued"] = rec["issued_precision"] = None
    rec["type"] = citation_type(rec)
    return rec


OP_CIT = re.compile(rf"(?i)^(?P<names>[^,]+?),?\s+op\.?\s*cit\.?(?:,?\s*{LOCATOR})?\.?$")
SHORT_FORM = re.compile(rf"^(?P<names>[A-Z][\w'’-]+(?:(?:,| and| &) [A-Z][\w'’-]+){{0,2}}),\s+"
                        rf"(?P<title>“[^“”]+”|\"[^\"]+\"|\*[^*]+\*|[A-Z](?:(?!\.\s)[^,“”\"*()]){{0,80}}?)"
                        rf"(?:,?\s*{LOCATOR})?\.?$")


def _short_form(text: str) -> dict | None:
    """A note citing a work again: ``Smith, op. cit., 12.`` or the short form ``Smith, Japan
    Rearmed, 45.`` / ``Koizumi, “Russia’s Military,” 210.`` (family names, a short title, a
    pinpoint). The fields it has; which earlier citation it repeats is :func:`refers_to`'s."""
    m = OP_CIT.match(text)
    op_cit = bool(m)
    if not m:
        m = SHORT_FORM.match(text)
        if not m or m.group("title").strip("“”\"*, ").casefold().startswith(("ibid", "op. cit")):
            return None
    families = [n.strip() for n in re.split(r",| and | & ", m.group("names")) if n.strip()]
    if not all(_family_like(f) and not is_org(f) and not is_newspaper(f) and not is_country(f)
               and f.casefold() not in TITLE_WORDS for f in families):
        return None
    locator = m.group("loc")
    if locator and re.fullmatch(YEAR, locator):
        return None  # "Reuters, Japan drills, 2024" is a dated citation, not a pinpoint
    out = {"authors": [{"family": f} for f in families], "locator": locator}
    if op_cit:
        return out | {"op_cit": True}
    title = m.group("title")
    delimited = title[0] in "“\"*"
    return out | {"short": True, "delimited": delimited,
                  "title": title.strip("“”\"*").rstrip(",").strip() if delimited else title.strip()}


def _first_words(title: str | None) -> str:
    return LEADING_ARTICLE.sub("", fold_title(title))


LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")


class CitedWorks(list):
    """The records of a document's citations in order (a list, appended to only), indexed by what
    :func:`refers_to` compares: the latest full citation of each first family name, and under each
    family name a tree of its titles' words, each word holding the latest title that begins with
    the words down to it. A short form then finds the work it abbreviates by walking its own words;
    a scan over every earlier record made a document of 20,000 notes citing works of their own
    quadratic (and an index of every title's beginnings as strings would be quadratic in a title's
    length)."""

    def __init__(self, records=()):
        super().__init__()
        self.latest_by_family: dict[str, int] = {}
        self._titles: dict[str, dict] = {}  # family -> {word: {word: ..., None: latest index}}
        self.extend(records)

    def append(self, rec: dict):
        k = len(self)
        super().append(rec)
        if rec.get("short") or rec.get("op_cit") or rec.get("ibid") or not rec.get("authors"):
            return
        first = rec["authors"][0]
        family = fold_title(first.get("family") or first.get("literal"))
        self.latest_by_family[family] = k
        node = self._titles.setdefault(family, {})
        for word in _first_words(rec.get("title")).split(" "):  # folded: words one space apart
            node = node.setdefault(word, {})
            node[None] = k

    def extend(self, records):
        for rec in records:
            self.append(rec)

    def __iadd__(self, records):
        self.extend(records)
        return self

    def latest_by_title(self, family: str, short: str) -> int | None:
        """The latest full citation of ``family`` whose title is ``short`` or begins with it and a
        space (both as :func:`_first_words` gives them)."""
        node = self._titles.get(family)
        for word in short.split(" "):
            if node is None:
                return None
            node = node.get(word)
        return None if node is None else node[None]


def refers_to(rec: dict, earlier: list[dict]) -> int | None:
    """The index in ``earlier`` (records of the citations before, in order; a :class:`CitedWorks`
    to ask it many times) of the work a short form or an "op. cit." repeats: the latest with the
    same first family name, and for a short form a title that begins with the short title (whole
    words). None when there is none."""
    if not (rec.get("short") or rec.get("op_cit")) or not rec["authors"]:
        return None
    family = fold_title(rec["authors"][0]["family"])
    if not isinstance(earlier, CitedWorks):
        earlier = CitedWorks(earlier)
    if rec.get("op_cit"):
        return earlier.latest_by_family.get(family)
    return earlier.latest_by_title(family, _first_words(rec.get("title")))


LEGISLATION_TITLE = re.compile(r"^(?P<title>(?=[A-Z])[^,()“”\"]*?\b(?:Act|Law|Code|Ordinance|Statute)\b"
                               r"[^,()“”\"]*?)\s*(?P<rest>[,(].*)?$")
LEGISLATION_ID = re.compile(rf"(?i)\b(?:(?:act|law|ordinance|order)\s+no\.\s*\d+(?:\s+of\s+(?P<of>{YEAR}))?|"
                            r"pub(?:lic)?\.?\s*l(?:aw)?\.?\s*(?:no\.\s*)?\d+[-–]\d+|"
                            r"\d+\s+u\.\s?s\.\s?c\.|\d+\s+stat\.)")


def _legislation(text: str, rec: dict) -> bool:
    """An act or law: ``Taiwan Relations Act, Pub. L. No. 96-8 (1979)``, ``Act on ..., Act No.
    108 of 2013``, ``... Act (1979)``. The title is the act's name; the year that of the act."""
    m = LEGISLATION_TITLE.match(text)
    if not m:
        return False
    rest = (m.group("rest") or "").strip()
    ident = LEGISLATION_ID.search(rest)
    if not ident and not YEAR_IN_BRACKETS_ALONE.fullmatch(rest):
        return False
    rec["legislation"] = True
    rec["title"] = m.group("title").strip()
    year = (ident and ident.group("of")) or next(iter(YEAR_IN_BRACKETS.findall(rest)), None)
    if year:
        rec["issued"], rec["issued_precision"] = year, "year"
    return True


# An edited work's editors in place of its authors: "Smith, J. (Ed.)", "Smith, John, ed."
EDITORS_MARK = re.compile(r"(?i)(?:\s*\((?:eds?|editors?)\.?\)|,\s*(?:eds?\.|editors?))$")
AUTHOR_DATE = re.compile(rf"\s*\((?:{YEAR}[a-z]?|n\.\s?d\.?|no date)[^()]*\)\.?\s*$"
                         rf"|(?<=\.)\s+{YEAR_SENTENCE}\.\s*$")  # Chicago author-date "Smith, John. 2019."


def _delimited_title(text: str, rec: dict) -> list[str] | None:
    """A title in double quotes, in single quotes (Harvard) or in italics, after the authors
    (and, Harvard, their date): fills authors and title, returns the segments after the title;
    None when the text has no such title."""
    for find in (find_quoted, find_single_quoted, find_italic):
        found = find(text)
        if not found:
            continue
        before = text[:found[0]]
        date = AUTHOR_DATE.search(before)
        if date and before[:date.start()].strip():
            before = before[:date.start()]
        editors = EDITORS_MARK.search(before.rstrip())
        if editors:
            before = before.rstrip()[:editors.start()]
        names = _author_names(before, single=find is not find_italic)
        if names is None:
            continue
        if editors and names[0]:
            rec["editors"] = names[0]
        else:
            rec["authors"], rec["et_al"] = names
        rec["title"] = found[2].strip("*").strip()
        return ([date.group(0).strip(" .")] if date else []) + [text[found[1]:]]
    return None


def _author_names(before: str, single: bool) -> tuple | None:
    """The authors written before a delimited title: names, or an institution written in title
    case ("The White House", "Japan Coast Guard"); ``([], False)`` when there is nothing."""
    if not before.strip(" ,."):
        return [], False
    names = parse_names(before, single=single)
    if names is not None:
        return names
    words = before.strip(" ,.").split()
    if 1 <= len(words) <= 10 and not any(ch.isdigit() for ch in before) \
            and all(w[0].isupper() or w.casefold() in CONNECTORS for w in words) \
            and words[-1].casefold() not in CONNECTORS:
        return [{"literal": " ".join(words)}], False
    return None


SINGLE_QUOTE_OPEN = re.compile(r"(?:(?<=[\s(])|^)['‘](?=[A-Z0-9])")
SINGLE_QUOTE_CLOSE = re.compile(r"(?<=\S)['’](?=[,.;:](?:\s|$)|$)")
ITALIC = re.compile(r"\*([^*]+)\*")


def find_single_quoted(text: str, pos: int = 0):
    """A title in single quotes (Harvard: ``'Japan's democracy diplomacy', Asia Policy``): it
    opens before a capital and closes at a quote followed by punctuation and a space or the end
    (an apostrophe inside a word never closes it)."""
    m = SINGLE_QUOTE_OPEN.search(text, pos)
    if not m:
        return None
    c = SINGLE_QUOTE_CLOSE.search(text, m.end())
    if not c:
        return None
    return m.start(), c.end(), text[m.end():c.start()].strip()


def find_italic(text: str, pos: int = 0):
    m = ITALIC.search(text, pos)
    return (m.start(), m.end(), m.group(1)) if m else None


def _cut(text: str, a: int, b: int) -> str:
    """Remove text[a:b] and the comma (or semicolon) that introduced it."""
    while a > 0 and text[a - 1] == " ":
        a -= 1
    if a > 0 and text[a - 1] in ",;":
        a -= 1
    return text[:a] + text[b:]


def _pull_identifiers(text: str, rec: dict) -> str:
    """Take the URL and DOI out of the text (they may sit anywhere), keep them as written."""
    while True:
        m = URL_TOKEN.search(text)
        if not m:
            break
        url = clean_url(m.group(0))
        if url and rec["url"] is None:
            rec["url"] = url
        text = _cut(text, m.start(), m.end())
    m = DOI_TEXT.search(text) or DOI_BARE.search(text)
    if m:
        rec["doi"] = clean_url(m.group(m.lastindex or 0))
        text = _cut(text, m.start(), m.end())
    text = MEDIUM.sub("", text)
    if rec["url"]:
        d = DOI_IN_URL.match(rec["url"])
        if d and not rec["doi"]:
            rec["doi"] = clean_url(d.group(1))
        rec["domain"] = domain_of(rec["url"])
    return text


EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|[(<]\s*(?=[.,;]?\s*$)")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;])")
REPEATED_SEPARATOR = re.compile(r"([,;])[,;]+")
DOUBLE_PERIOD = re.compile(r"(?<!\.)\.\.(?!\.)")


def _tidy(text: str) -> str:
    text = normalise_space(EMPTY_BRACKETS.sub("", text))  # what a cut URL or date left
    text = SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    text = REPEATED_SEPARATOR.sub(r"\1", text)
    text = DOUBLE_PERIOD.sub(".", text)
    return text.strip(" ,;")


DATE_IN_BRACKETS = re.compile(rf"\s\((?:{YEAR}[a-z]?|n\.\s?d\.?|no date)[^()]*\)(?:\.?\s+|$)")
LEADING_DATE = re.compile(rf"\((?:{YEAR}[a-z]?|n\.\s?d\.?|no date)[^()]*\)\.?\s+(?=\S)")


# (the patterns of _period_style and the functions after it, compiled once: they run for every note)
TITLE_FACTS = re.compile(rf"\s*\((?P<p>[^()]*(?:{YEAR}|n\.\s?d\.)[^()]*)\)(?:,?\s*{LOCATOR})?$")
TITLE_REPORT_NUMBER = re.compile(r"\s*\((?P<g>(?:[A-Z][\w-]*\s+){0,3}(?:Report|Paper|Brief|Memo|Study|Series)\s+"
                                 r"No\.?\s*[\w.-]+)\)$")
TITLE_LAST_PART = re.compile(r",\s*([^,]+)$")
TITLE_AFTER_QUESTION = re.compile(r"([?!])\s+([^?!]+)$")
TITLE_DATED_END = re.compile(r",\s*([^,]*,?\s*\d{4})$")
YEAR_IN_BRACKETS_ALONE = re.compile(rf"\(\s*{YEAR}\s*\)\.?")  # fullmatch
YEAR_IN_BRACKETS = re.compile(rf"\(\s*({YEAR})\s*\)")
YEAR_INSIDE_BRACKETS = re.compile(rf"\([^()]*{YEAR}[^()]*\)")
TRAILING_YEAR = re.compile(rf"[\s,]*{YEAR}\s*$")
YEAR_ENDS_PART = re.compile(rf"(?:,\s*|\()[^,()]*{YEAR}\)?$")
PART_CUT = re.compile(r",\s*|\(")


def _period_style(text: str, rec: dict) -> list[str]:
    """``Author. (Year). Title. Source, Date.`` and ``Author, Title. Source``: authors and title
    from the first segments; the remaining segments are returned for ``_read_rest``."""
    segs = []
    for seg in split_periods(text):
        # APA: "Lee, K. (n.d.)" keeps its date in the author segment when the name ends in an
        # initial; the date is a segment of its own.
        m = DATE_IN_BRACKETS.search(seg)
        lead = LEADING_DATE.match(seg)
        if m and not segs and parse_names(seg[:m.start()]):
            # Harvard writes no period after the date: "Smith, J. (2020) Title".
            segs += [seg[:m.start()].strip(), m.group(0).strip(" .")] + ([seg[m.end():]] if seg[m.end():] else [])
        elif lead and len(segs) == 1:  # "Heginbotham, E. et al. (2017) Title"
            segs += [lead.group(0).strip(" ."), seg[lead.end():]]
        else:
            segs.append(seg)
    if not segs:
        return []
    first = segs[0]
    editors = EDITORS_MARK.search(first)
    if editors and len(segs) > 1 and parse_names(first[:editors.start()]):
        # APA edited book: "Inoguchi, T., & Ikenberry, G. J. (Eds.). (2013). Title."
        rec["editors"] = parse_names(first[:editors.start()])[0]
        segs = segs[1:]
        first = segs[0]
    names = parse_names(first) if len(segs) > 1 else None
    k = 0
    if names and (any("family" in a for a in names[0]) or len(segs) > 1 and not _is_date_seg(segs[1])
                  or segs[1].startswith("(") or len(segs) > 2 and YEAR_ALONE.fullmatch(segs[1])):
        rec["authors"], rec["et_al"] = names
        k = 1
    else:
        split = split_author_prefix(first)
        if split:
            rec["authors"], rec["et_al"], segs[0] = split
    # An APA year between authors and title: "Sato. (2008). Title.", or Chicago author-date's
    # year standing alone as a sentence: "Sato, Yoichiro. 2007. Title."
    rest_before = []
    while k < len(segs) and (_is_date_seg(segs[k]) or FORTHCOMING.match(segs[k])) and (
            segs[k].startswith("(") or (k > 0 or rec["editors"]) and k + 1 < len(segs)
            and YEAR_ALONE.fullmatch(segs[k])):
        rest_before.append(segs[k])
        k += 1
    if k >= len(segs):
        return rest_before
    title = segs[k]
    rest = segs[k + 1:]
    if k == 0 and title[:1].islower():  # "the map on the ministry's site": prose, not a title
        return rest_before + rest
    facts = TITLE_FACTS.search(title)
    if facts and facts.start() > 0:  # Chicago book note: "Title (Place: Publisher, 2019), 45"
        rest.insert(0, f"({facts.group('p')})")
        rec["locator"] = rec["locator"] or facts.group("loc")
        title = title[:facts.start()]
    numbered = TITLE_REPORT_NUMBER.search(title)
    if numbered:  # APA "Title (Report No. RL33436)"
        rec["genre"] = numbered.group("g")
        title = title[:numbered.start()]
    genre = TITLE_LAST_PART.search(title)
    if genre and GENRE.match(genre.group(1).strip()) and not is_org(genre.group(1)):
        rec["genre"] = genre.group(1).strip()
        title = title[:genre.start()]
    tail = TITLE_AFTER_QUESTION.search(title)
    if tail and is_org(tail.group(2)):
        rest.insert(0, tail.group(2))
        title = title[:tail.start() + 1]
    if not any(find_date(r) for r in rest if not r.startswith("In:")):
        dated = TITLE_DATED_END.search(title)
        if dated and parse_date(dated.group(1)):
            rest.insert(0, dated.group(1))
            title = title[:dated.start()]
    rec["title"] = title.strip().strip("*").strip()
    return rest_before + rest


def _is_date_seg(seg: str) -> bool:
    return bool(parse_date(seg)) or bool(NO_DATE.match(seg.strip(" ()")))


PLACE_QUALIFIER = re.compile(r"\((?:[A-Z]{2}|[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?)\)")


def _pieces(segment: str) -> list[tuple[str, str]]:
    """A segment cut into ``(kind, text)``: 'italic', 'paren' and 'plain' pieces in order."""
    out = []
    pos = 0
    for m in re.finditer(r"\*[^*]+\*|\((?:[^()]|\([^()]*\))*\)", segment):
        if PLACE_QUALIFIER.fullmatch(m.group(0)) and re.match(r"\s*:", segment[m.end():]):
            continue  # "Cambridge (MA): Harvard University Press" is one place
        plain = _trim(segment[pos:m.start()])
        if plain:
            out.append(("plain", plain))
        token = m.group(0)
        out.append(("italic", token[1:-1].strip()) if token[0] == "*" else ("paren", token[1:-1].strip()))
        pos = m.end()
    plain = _trim(segment[pos:])
    if plain:
        out.append(("plain", plain))
    return out


# Volume notations: a magazine's "Vol. 150/5/1,455" (volume/issue/whole number), "vol. 3, no. 2",
# and the academic "39, no. 1" and "12(3)", which mark a journal.
VOLUME_PATTERNS = [
    re.compile(r"(?i)\bvol(?:ume)?\.?\s*(?P<v>\d+)\s*/\s*(?P<i>\d+)(?:\s*/\s*[\d,]+)?"),
    re.compile(r"(?i)\bvol(?:ume)?\.?\s*(?P<v>\d+)(?:,?\s*(?:no|iss(?:ue)?|nr)\.?\s*(?P<i>\d+))?"),
    re.compile(r"(?i)(?<![\w/])(?P<v>\d{1,4}),?\s*(?:no|iss(?:ue)?)\.\s*(?P<i>\d+)(?P<acad>)"),
    re.compile(r"(?<![\w/])(?P<v>\d{1,4}) ?\((?P<i>\d{1,4}(?:[-–]\d+)?)\)(?P<acad>)"),  # "12 (3)" too
    # Chicago "Asia Policy 16 (July 2013): 15–30": a number between a name and a dated parenthesis
    re.compile(rf"(?<=[A-Za-z])\s(?!{YEAR})(?P<v>\d{{1,4}})(?P<i>)(?=\s*\([^()]*{YEAR}\))(?P<acad>)"),
]
# The date closing a citation after its volume notation: "2021", "Mar. 2021", "Mar.–Apr. 2021"
# (a range of months is as precise as its year), "March 5, 2021".
TRAILING_DATE = re.compile(rf"(?i)(?:^|[,.])\s*(?P<d>(?:(?:{MONTH}\s*[-–/]\s*)?{MONTH}\s+(?:\d{{1,2}},?\s+)?)?"
                           rf"(?P<y>{YEAR}))\.?\s*$")
ARTICLE_NUMBER = re.compile(r"(?i)[,.]?\s*\b(?:art(?:icle)?\.?\s*(?:no\.?|number)|e-?locator:?)\s*(?P<n>[A-Za-z]?\d[\w.-]*?)(?=[,.;]?(?:\s|$))")
PAGES = re.compile(r"(?i)(?:^|,|:)\s*(?:pp?\.\s*)?(?P<p>[A-Z]?\d+(?:\s*[-–]\s*[A-Z]?\d+)?)\s*$")


def _pull_volume(text: str, rec: dict) -> str:
    """Take a volume/issue notation out of ``text`` (into rec) and return the rest."""
    for rx in VOLUME_PATTERNS:
        m = rx.search(text)
        if m and not (m.group("i") and re.fullmatch(YEAR, m.group("i"))):
            rec["volume"] = rec["volume"] or m.group("v")
            rec["issue"] = rec["issue"] or m.group("i") or None
            if "acad" in m.groupdict():
                rec["academic_volume"] = True
            rec["magazine_volume"] = rec.get("magazine_volume") or rx is VOLUME_PATTERNS[0]
            rest = text[m.end():]
            # IEEE/MLA put the date last, after volume, number and pages: "vol. 61, no. 2,
            # pp. 200-220, Mar. 2021" -- unless a parenthesis after the volume holds it.
            date = TRAILING_DATE.search(rest)
            if date and not YEAR_INSIDE_BRACKETS.search(rest):
                found = parse_date(date.group("d")) or parse_date(date.group("y"))
                if found:
                    _set_issued(rec, *found)
                rest = rest[:date.start()]
            number = ARTICLE_NUMBER.search(rest)
            if number:  # IEEE "Art. no. 104512": the article's number, neither issue nor pages
                rec["number"] = rec["number"] or number.group("n")
                rest = rest[:number.start()] + rest[number.end():]
            pages = re.match(r"^\s*(?:\([^()]*\))?\s*[:,]\s*(?:pp?\.\s*)?(\d+(?:\s*[-–]\s*\d+)?)"
                             r"(?:,\s*(?P<loc>\d+(?:\s*[-–]\s*\d+)?))?\s*$", rest)
            if pages:  # "3, no. 2 (Spring 2021): 10–25" (", 12": the note's pinpoint)
                rec["page"] = rec.get("page") or pages.group(1)
                rec["locator"] = rec["locator"] or pages.group("loc")
                rec["academic_volume"] = True
                rest = rest[:pages.start(1)].rstrip(" ,:") if "(" in rest else ""
            return (text[:m.start()] + " " + rest).strip()
    return text


def _read_rest(segments: list[str], rec: dict) -> bool:
    """Fill container, publisher, place, dates, volume... from what follows the title.
    Returns True when the text says explicitly that there is no date."""
    no_date = False
    pieces = []
    for seg in segments:
        for sub in split_periods(seg) if seg else []:
            if re.match(r"(?i)^in:?\s+[A-Z“\"*]", sub) and rec["title"]:
                _read_in(sub, rec)
                continue
            pieces.extend(_pieces(_pull_volume(sub, rec)))
    for kind, text in pieces:
        if kind == "italic":
            if rec["container_title"] is None:
                rec["container_title"] = text
            continue
        if kind == "paren":
            no_date |= _read_paren(text, rec)
            continue
        no_date |= _read_plain(text, rec)
    return no_date


def _read_in(segment: str, rec: dict):
    """``In: Sato, Y., Hirata, K. (eds) Book`` / ``In Book, edited by A and B``."""
    body = re.sub(r"(?i)^in:?\s+", "", segment).strip()
    rec["chapter"] = True
    pp = re.search(r"\s*\(pp?\.\s*(?P<p>\d+(?:\s*[-–]\s*\d+)?)\)", body)  # APA "Book (pp. 75–98)"
    if pp:
        rec["page"] = rec["page"] or pp.group("p")
        body = body[:pp.start()] + body[pp.end():]
    tail = re.search(r"\s*\((?P<facts>[^()]*)\)(?:,?\s*(?:pp?\.\s*)?(?P<p>\d+(?:\s*[-–]\s*\d+)?))?\s*$", body)
    if tail and tail.start() > 0 and (find_date(tail.group("facts")) or ":" in tail.group("facts")):
        body = body[:tail.start()]  # Chicago "in Book, ed. A and B (Place: Publisher, 2016), 33–60"
        _read_paren(tail.group("facts"), rec)
        rec["page"] = rec["page"] or tail.group("p")
    pages = re.search(r",\s*(?:pp?\.\s*)?(?P<p>\d+\s*[-–]\s*\d+)$", body)
    if pages:  # Chicago bibliography "In Book, edited by A, 31–52."
        rec["page"] = rec["page"] or pages.group("p")
        body = body[:pages.start()]
    m = re.match(r"^(?P<eds>.+?)\s*\((?:eds?|Eds?|Hrsg|dir)\.?\)\.?,?\s*(?P<book>.+)$", body)
    if m and parse_names(m.group("eds")):
        rec["editors"] = parse_names(m.group("eds"))[0]
        body = m.group("book")
    else:
        m = re.match(r"^(?P<book>.+?),?\s+(?:edited by|ed\.|eds\.)\s+(?P<eds>.+)$", body)
        if m and parse_names(m.group("eds")):
            rec["editors"] = parse_names(m.group("eds"))[0]
            body = m.group("book")
        else:  # IEEE "in Proc. Int. Conf. X, Tokyo, Japan, 2022, pp. 110–118"
            m = re.match(r"^(?P<book>[^,]+),\s*(?P<rest>.*(?:{YEAR}|n\.d\.).*)$".replace("{YEAR}", YEAR), body)
            if m:
                body = m.group("book")
                _read_plain(m.group("rest"), rec, in_paren=True)
    container = body.strip(" ,*")
    if not re.search(r"\b[A-Z][a-z]{0,5}\.\s", container):  # "Proc. Annu. Symp. Undersea Tech." keeps it
        container = container.rstrip(" .")
    rec["container_title"] = container


def _read_paren(text: str, rec: dict) -> bool:
    """``(2008)``, ``(31 May 2021)``, ``(Tokyo, Japan2025)``, ``(Place: Publisher, 2021)``."""
    if NO_DATE.match(text.strip()):
        return True
    return _read_plain(text, rec, in_paren=True)


def _read_plain(text: str, rec: dict, in_paren: bool = False) -> bool:
    text = _trim(text)
    if not text:
        return False
    if NO_DATE.match(text):
        return True
    if NO_TITLE.match(text) or FORTHCOMING.match(text):
        return False  # not yet published: no date, and not a name either
    dm = DAY_MONTH.match(text)
    if dm and rec["issued_precision"] == "year":  # Harvard "(2024) ... 8 July"
        day, month = dm.group("d1") or dm.group("d2"), dm.group("m1") or dm.group("m2")
        found = parse_date(f"{month} {day}, {rec['issued']}")
        if found:
            rec["issued"], rec["issued_precision"] = found
            return False
    if re.match(r"(?i)^published electronically\b", text):
        return False  # an online-first date; the issued date is the one printed with the source
    found = find_date(text)
    if found:
        iso, precision, a, b = found
        prefix = DATE_PREFIX.search(text[:a])
        a = prefix.start() if prefix else a
        _set_issued(rec, iso, precision)
        text = _trim(text[:a].rstrip() + " " + text[b:].lstrip())
    pages = PAGES.search(text) if found or rec["issued"] or rec["volume"] else None
    if pages and not is_place(text):
        # After a book's publication facts the pages are the note's pinpoint; after an
        # article's range, a second number is too.
        book = (rec["publisher"] or rec["publisher_place"]) and not (
            rec["container_title"] or rec["volume"] or rec["chapter"])
        if rec.get("page") or book:
            rec["locator"] = rec["locator"] or pages.group("p")
        else:
            rec["page"] = pages.group("p")
        text = _trim(text[:pages.start()])
    if not text:
        return False
    if ":" in text and not text.startswith("http"):
        place, _, publisher = text.partition(":")
        place, publisher = _trim(place), _trim(publisher)
        if is_place(place) or in_paren or (found and PLACE_LIKE.fullmatch(place)):
            if publisher and is_country(publisher):
                rec["publisher_place"] = f"{place}, {publisher}"
            else:
                rec["publisher_place"] = place or None
                _set(rec, "publisher", publisher)
            return False
    if is_place(text):
        rec["publisher_place"] = rec["publisher_place"] or text
        return False
    parts = [_trim(p) for p in text.split(", ")]
    if len(parts) == 2 and not is_org(parts[1]) and (_fold_name(parts[1]) in CITIES or is_place(parts[1])) \
            and not is_place(parts[0]):
        _set(rec, "publisher", parts[0])
        rec["publisher_place"] = rec["publisher_place"] or parts[1]
        return False
    for part in parts:
        if not part:
            continue
        if GENRE.match(part) and (part[0].islower() or len(parts) > 1 and not is_org(part)):
            rec["genre"] = rec["genre"] or part
        elif rec["publisher"] and is_place(part):  # "East-West Center, Honolulu"
            rec["publisher_place"] = rec["publisher_place"] or part
        elif rec["container_title"] is None and not in_paren and is_newspaper(part):
            rec["container_title"] = part  # "Associated Press", "Kyodo News": a news outlet
        elif is_org(part):
            _set(rec, "publisher", part)
        elif rec["container_title"] is None and not in_paren:
            rec["container_title"] = part
        else:
            _set(rec, "publisher", part)
    return False


# "Oslo", "Santa Fe", "Lawrence, KS": a place before "Publisher, Year" even if no gazetteer has it
PLACE_LIKE = re.compile(r"[A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+)?(?:,\s*[A-Z][A-Za-z.]{1,5})?")


def _trim(text: str) -> str:
    """Strip separators around a piece; a final period stays when it ends "D.C." or "V."."""
    text = text.strip(" ,;:")
    while text.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", text):
        text = text[:-1].rstrip(" ,;:")
    return text.lstrip(" .")


def _set_issued(rec: dict, iso: str, precision: str):
    """The first date read is the issued date; a later one of the same year refines a bare
    year (Chicago author-date "Fackler, Martin. 2014. "Title." New York Times, July 1, 2014.")."""
    if rec["issued"] is None or (rec["issued_precision"] == "year" and precision != "year"
                                 and iso[:4] == rec["issued"]):
        rec["issued"], rec["issued_precision"] = iso, precision


def _set(rec: dict, key: str, value):
    if value and rec.get(key) is None:
        rec[key] = value


# --- types --------------------------------------------------------------------------------------------

CONFERENCE = re.compile(r"(?i)\b(?:proc\.|proceedings|conference|conf\.|symposium|symp\.|workshop)")
REPORT_GENRE = re.compile(r"(?i)\b(?:report|paper|brief|summary|monograph|memo(?:randum)?)\b")
REPORT_PATH = re.compile(r"(?i)/(?:pubs|publications?|research|reports?|papers?|monographs?|"
                         r"research[_-]briefs?|policy[_-]briefs?|working[_-]papers?)/")


def citation_type(rec: dict) -> str | None:
    """The CSL type, from the parts that were found (see the module docstring)."""
    if rec.get("ibid") or rec.get("short") or rec.get("op_cit"):
        return None  # the type of the work it repeats
    if rec.get("legislation"):
        return "legislation"
    if rec.get("chapter"):
        return "paper-conference" if CONFERENCE.search(rec["container_title"] or "") else "chapter"
    if not rec["title"]:
        return "document"
    container = rec["container_title"]
    if container:
        words = set(_words(container))
        if words & {"wikipedia", "encyclopedia", "encyclopaedia", "britannica"}:
            return "entry-encyclopedia"
        if words & REPORT_WORDS:
            return "report"
        if is_newspaper(container):
            return "article-newspaper"
        if is_journal(container) or rec.get("academic_volume") or (rec["volume"] and rec["page"]) \
                or rec["volume"] and rec["issue"] and not rec.get("magazine_volume") or rec.get("number"):
            # "vol. 98, no. 5" (a magazine writes "Vol. 150/5"); an article number ("Art. no.")
            return "article-journal"
        if is_org(container):
            return "webpage" if rec["url"] else "report"
        return "article-magazine"
    authors = rec["authors"]
    if authors and all("literal" in a and is_newspaper(a["literal"]) for a in authors):
        return "article-newspaper"  # a news agency as author: "Kyodo News (2024) 'Title'"
    isbn = ISBN_DOI.search(rec["doi"] or "")
    if isbn:  # a DOI built on an ISBN (10.1017/9781108123456) names a book, or a chapter of one
        return "chapter" if isbn.group("part") else "book"
    # A DOI URL is an identifier, not a web page: the work is typed by what else is written.
    web = rec["url"] and not DOI_IN_URL.match(rec["url"])
    if web:
        parts = split_url(rec["url"])
        path = parts.path or ""
        if "/blog" in path.casefold() or (parts.hostname or "").startswith("blog."):
            return "post-weblog"
        if path.casefold().endswith(".pdf") or REPORT_PATH.search(path) \
                or REPORT_GENRE.search(rec["genre"] or ""):
            return "report"
        return "webpage"
    if REPORT_GENRE.search(rec["genre"] or ""):
        return "report"
    if rec["publisher"]:
        return "report" if is_research_org(rec["publisher"]) else "book"
    if rec["doi"]:
        return "article-journal"
    if rec["authors"] and all("literal" in a for a in rec["authors"]):
        return "report"
    return "book" if rec["issued"] or rec["publisher_place"] else "document"


def series_key(title: str | None) -> str | None:
    """A title without its trailing year: 'Defense of Japan 2019' -> 'defense of japan'."""
    if not title:
        return None
    return TRAILING_YEAR.sub("", fold_title(title)).strip() or None


def harmonise_types(records: list[dict]) -> list[dict]:
    """Type a work the way the same document types its series elsewhere: a title cited as the
    book of a chapter ("In: Defense of Japan 2019") makes "Defense of Japan 2025" a book too."""
    books = {series_key(r["container_title"]) for r in records
             if r.get("type") == "chapter" and r.get("container_title")}
    books.discard(None)
    for r in records:
        if r.get("type") in ("report", "document") and not r.get("container_title") \
                and series_key(r.get("title")) in books:
            r["type"] = "book"
    return records


# --- footnote bodies and references -----------------------------------------------------------------

SIGNAL_OPENINGS = "hwd*arino("  # the first character of each signal below, in any case
# (the lookahead tries one class at each character before the twelve alternatives: a search of a
# note that holds no signal in some 40 % of the time, 2.1 against 5.3 us on 30 characters)
CITATION_SIGNALS = re.compile(rf"(?i)(?=[{re.escape(SIGNAL_OPENINGS)}])"
                              r"(https?://|www\.|\bdoi\b|\*[^*]+\*|\baccessed\b|\bretrieved\b|"
                              r"\bIn:\s|\(eds?\.?\)|\bno date\b|\bn\.d\.|\bibid\b|\bop\.\s?cit\b)")


def looks_like_citation(text: str, records: list[dict] | None = None, earlier: list[dict] = ()) -> bool:
    """A footnote cites something when it has a URL, DOI, italics, a quoted title with a source,
    an access date, ibid or op. cit., a date with a period-separated author/title structure, or
    when its parsed ``records`` (parsed here when not given) show what only a reference has:
    publication facts (a place with a publisher or year), a container with a volume or pages,
    authors and a title with a year or publisher, an act, or a short form (a family name, a
    short title and a pinpoint, or a short form of a work in ``earlier``)."""
    # (records already parsed are asked first: reading their facts costs less than the text's
    # checks below, and most notes that cite have them)
    if records is not None and any(has_reference_facts(r, earlier) for r in records):
        return True
    text = normalise_space(SIGNAL.sub("", normalise_space(text), count=1))
    if CITATION_SIGNALS.search(text) or IBID.match(text) or DOI_BARE.search(text):
        return True
    q = find_quoted(text)
    if q and (parse_names(text[:q[0]], single=True) is not None or not text[:q[0]].strip(" ,.")):
        return True
    if find_date(text) and len(segs := split_periods(text)) >= 2 and (
            any(_is_date_seg(s) for s in segs)
            or any(YEAR_ENDS_PART.search(s) and parse_date(PART_CUT.split(s)[-1])
                   for s in segs[1:])):
        return True
    if records is None:
        records = [parse_citation(text[a:b]) for a, b in split_citations(text)]
        return any(has_reference_facts(r, earlier) for r in records)
    return False


def has_reference_facts(rec: dict, earlier: list[dict] = ()) -> bool:
    """Does a parsed record hold what only a reference holds? (see :func:`looks_like_citation`)"""
    if rec["legislation"] or rec["op_cit"] or rec["ibid"]:
        return True
    if rec["short"]:
        return bool(rec["locator"] or rec["delimited"]) or refers_to(rec, earlier) is not None
    if rec["publisher_place"] and (rec["publisher"] or rec["issued"]):
        return True
    if rec["container_title"] and (rec["volume"] or rec["page"]):
        return True
    return bool(rec["authors"] and rec["title"] and (rec["issued"] or rec["publisher"])
                and (rec["publisher"] or rec["container_title"] or rec["locator"] or rec["page"]))


def parse_footnote(body: str, earlier: list[dict] = ()) -> dict:
    """``{kind, citations: [(start, end, record), ...]}`` for one footnote body's text;
    ``earlier``: the records of the document's citations before it (for short forms)."""
    out = [(a, b, parse_citation(body[a:b])) for a, b in split_citations(body)]
    if not looks_like_citation(body, [r for _, _, r in out], earlier):
        return {"kind": "note", "citations": []}
    return {"kind": "citation", "citations": out}


REFERENCE_LABEL = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}\.)\s+")  # IEEE "[3] ", numbered "3. "
SAME_AUTHOR = re.compile(r"^(?:[—–-]{2,}\.?|\.)\s+")


LEGISLATION_WORD = re.compile(r"\b(?:Act|Law|Code|Ordinance|Statute)\b")  # before LEGISLATION_TITLE


def parse_reference(text: str, previous_authors: list | None = None) -> dict:
    """One entry of a References list (see :func:`parse_references`); ``previous_authors``:
    those of the entry before, which ``———.`` or a leading ``.`` repeats."""
    return parse_references([text], previous_authors)[0]


def parse_references(texts: list[str], previous_authors: list | None = None, chain: bool = True) -> list[dict]:
    """The entries of a References list, in order, as citation records.

    Each entry is cut into authors, title, container, date, publisher, place, volume, pages...
    by the trained sequence labeller (:mod:`alliance_record.citelabel`), and each piece is read
    by the rules that know its form; URLs, DOIs and access dates are the rules' own. "Ibid."
    and acts and laws are read by the rules alone (:func:`parse_citation`). A list label (IEEE
    ``[3]``, ``3.``) is not part of the work; ``———.`` or a leading ``.`` repeats the authors
    of the entry before (``previous_authors`` for the first; with ``chain`` False, for every
    entry: the texts are unrelated references, as when scoring)."""
    from .citelabel import fields as labelled

    out: list = [None] * len(texts)
    bodies = [REFERENCE_LABEL.sub("", text, count=1) for text in texts]
    same = [SAME_AUTHOR.match(body) for body in bodies]
    pending = []
    for k, body in enumerate(bodies):
        flat = normalise_space(body)
        if IBID.match(flat) or LEGISLATION_WORD.search(flat) and _legislation(flat, blank(flat)):
            out[k] = parse_citation(body)
        else:
            pending.append(k)
    # "———." is an author run the labeller knows; a lone "." before the title is not
    for k, rec in zip(pending, labelled.records([bodies[k][same[k].end():] if same[k] and same[k].group().startswith(".")
                                                 else bodies[k] for k in pending])):
        out[k] = rec
    previous = previous_authors
    for body, rec, repeat in zip(bodies, out, same):
        rec["raw"] = body
        if repeat:
            rec["authors"] = [dict(a) for a in (previous or [])]
            rec["same_author"] = True
            rec["type"] = citation_type(rec)
        previous = rec["authors"] if chain else previous_authors
    return out


# --- comparison keys and output -------------------------------------------------------------------------

@functools.lru_cache(maxsize=65536)
def fold_title(title: str | None) -> str:
    """Title comparison key: Unicode, quotes, dashes, case and punctuation folded (memoised:
    the merge compares each title many times)."""
    if not title:
        return ""
    text = TITLE_QUOTES.sub("", without_marks(title))
    text = TITLE_DASHES.sub("-", text)
    text = TITLE_PUNCTUATION.sub(" ", text.casefold())
    return SPACE_RUN.sub(" ", text).strip()


TITLE_QUOTES = re.compile(r"[\u2018\u2019\u02bc`´']")
TITLE_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
TITLE_PUNCTUATION = re.compile(r"[^\w\s-]")


def display_name(author: dict) -> str:
    if "literal" in author:
        return author["literal"]
    name = f"{author.get('given') or ''} {author['family']}".strip()
    return f"{name} {author['suffix']}" if author.get("suffix") else name


def date_parts(iso: str | None):
    return {"date-parts": [[int(x) for x in iso.split("-")]]} if iso else None


def to_csl(rec: dict, item_id: str) -> dict:
    """The record as a CSL-JSON item (the format Zotero, Pandoc and citeproc read)."""
    item = {"id": item_id, "type": rec["type"] or "document"}

    def names(people):
        out = []
        for a in people:
            if "literal" in a:
                out.append({"literal": a["literal"]})
            else:
                n = {"family": a["family"]}
                if a.get("given"):
                    n["given"] = a["given"]
                if a.get("suffix"):
                    n["suffix"] = a["suffix"]
                out.append(n)
        return out

    if rec["title"]:
        item["title"] = rec["title"]
    if rec["authors"]:
        item["author"] = names(rec["authors"])
    if rec["editors"]:
        item["editor"] = names(rec["editors"])
    for key, csl in (("container_title", "container-title"), ("publisher", "publisher"),
                     ("publisher_place", "publisher-place"), ("genre", "genre"),
                     ("volume", "volume"), ("issue", "issue"), ("page", "page"), ("number", "number"),
                     ("url", "URL"),
                     ("doi", "DOI")):
        if rec.get(key):
            item[csl] = rec[key]
    if rec["issued"]:
        item["issued"] = date_parts(rec["issued"])
    if rec["accessed"]:
        item["accessed"] = date_parts(rec["accessed"])
    if rec["et_al"]:
        item["note"] = "The source lists further authors as \"et al.\""
    return item
