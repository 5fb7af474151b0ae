"""Citations: reference strings (footnote bodies, bibliography entries) parsed into CSL fields.

One footnote body gives zero or more citations (``split_citations``: works are separated by
``;`` outside titles, italics, brackets and URLs), each parsed by ``parse_citation`` into the
fields of a CSL-JSON item: ``type``, ``authors`` (``{family, given}`` for people,
``{literal}`` for institutions) with an ``et_al`` flag, ``editors``, ``title``,
``container_title``, ``publisher``, ``publisher_place``, ``genre``, ``issued`` and
``issued_precision``, ``accessed``, ``url``, ``doi``, ``domain``, ``volume``, ``issue``,
``page``, ``raw``. An entry of a References list is parsed by ``parse_reference`` (inverted names,
``———.`` for "same author as above").

The parser knows three families of styles by their punctuation, not by any one footnote:

* quoted title (Chicago notes and bibliographies, "See: ..."): ``Author, “Title,” Source`` or
  ``Family, Given. "Title." Source``, the title ending at a closing quote right after ``,``/``.``;
* italic title (books): ``Author, *Title* (Place: Publisher, Year)``;
* period-separated (Chicago-like web citations, APA-like): ``Author. (2008). Title. Source,
  Date. <url>``, split at sentence periods that do not end an initial or an abbreviation.

What follows the title is cut into segments, each recognised by its form: a date
(``June 15, 2025``, ``31 May 2021``, ``(2008)``, ``Updated ...``), "No date"/"n.d.", an italic
container, a volume notation (``39, no. 1``, ``Vol. 150/5/1,455``, ``12(3)``), ``Place:
Publisher``, ``Publisher, City``, ``In: Editors (eds) Book``, a genre label (``Research
Summary``), or a name. A name is an organisation (the publisher) when its head word is one
(Institute, Foundation, Ministry, Council, ... or a think-tank acronym such as RAND), and a
periodical or website (the container) otherwise. The CSL type follows from what was found:
``In:`` makes a chapter, the container's kind an article (newspaper, magazine, journal), the URL
path a report (``.pdf``, ``/publications/``), blog post (``/blog/``) or web page.

Nothing is guessed: "No title" and "No date" give NULL, dates are never read from URLs or
titles, and a URL is kept exactly as written (only angle brackets, a stray ``>`` left by a line
break, and trailing punctuation are dropped).
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit

FIELDS = ("type", "authors", "et_al", "editors", "title", "container_title", "publisher",
          "publisher_place", "genre", "issued", "issued_precision", "accessed", "url", "doi",
          "domain", "volume", "issue", "page", "raw")

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
    ("month", re.compile(rf"(?i)\b(?P<m>{MONTH})\s+(?P<y>{YEAR})")),
    ("month", re.compile(rf"(?P<y>{YEAR})-(?P<mm>\d{{2}})(?![\d-])")),
    ("year", re.compile(rf"(?P<y>{YEAR})")),
]
DATE_PREFIX = re.compile(r"(?i)(?:\b(?:updated|published|posted|last (?:modified|updated)|"
                         r"released|issued|spring|summer|fall|autumn|winter)(?: on)?:?\s*)$")
NO_DATE = re.compile(r"(?i)^(?:no date|n\.\s?d\.?|undated|date unknown)$")
NO_TITLE = re.compile(r"(?i)^(?:no title|untitled|\[no title\])$")


def find_date(text: str, patterns=DATE_PATTERNS):
    """The first, most precise date in text: ``(iso, precision, start, end)`` or None."""
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
}
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
                   r"commentary)$")
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


def head_word(name: str) -> str:
    """The head of a name: the last word before its first preposition ("Center for ...")."""
    words = _strip_qualifiers(name).split()
    head = []
    for w in words:
        if w.casefold() in PREPOSITIONS and head:
            break
        head.append(w)
    return _words(head[-1])[0] if head else ""


def is_org(name: str) -> bool:
    """True when ``name`` names an organisation (publisher/institution), not a periodical."""
    if not name or not name.strip():
        return False
    folded = re.sub(r"^the ", "", _fold_name(_strip_qualifiers(name)))
    if folded in ORG_ACRONYMS:
        return True
    head = head_word(name)
    if head in PERIODICAL_WORDS:
        return False
    if head in ORG_WORDS:
        return True
    return any(w in ORG_WORDS for w in _words(_strip_qualifiers(name)))


def _has_any(name: str, vocabulary: set) -> bool:
    words = _words(name)
    text = " ".join(words)
    return any((" " in v and f" {v} " in f" {text} ") or v in words for v in vocabulary)


def is_newspaper(name: str) -> bool:
    return _has_any(name, NEWSPAPER_WORDS)


def is_journal(name: str) -> bool:
    return _has_any(name, JOURNAL_WORDS)


def is_place(text: str) -> bool:
    """'Tokyo, Japan', 'Washington, D.C.', 'Oxfordshire, UK and New York, NY', 'New York'."""
    text = text.strip(" ,.;")
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


def parse_names(text: str, single: bool = False) -> tuple[list[dict], bool] | None:
    """A list of people in natural or inverted order, or one institution; None if not names.

    Handles "A B, C D and E F", "A B, C D, et al.", "Family, Given, and Given Family",
    "Family, I., & Family, I." (APA), and "Defense, U.S. Department of" (an inverted
    institution). Returns ``(authors, et_al)``. With ``single``, a lone surname counts as a
    name (the short form "Smith, “Title,” 45" of a note citing a work again).
    """
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    if text.endswith(".") and not re.search(r"(?:^|\s)[A-Z]\.$", text) and not text.endswith("al."):
        text = text[:-1]
    et_al = bool(ET_AL.search(text))
    text = ET_AL.sub("", text).strip(" ,")
    if not text:
        return None
    m = re.match(r"^(?P<head>[^,]+),\s*(?P<rest>[^,]+?\s(?:of|for|on|and))$", text)
    if m and is_org(f"{m.group('rest')} {m.group('head')}"):
        return [{"literal": f"{m.group('rest')} {m.group('head')}"}], et_al
    tokens = re.split(r"(,\s*(?:and\s+|&\s*)?|\s+and\s+|\s+&\s+)", text)
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


def split_author_prefix(segment: str):
    """'Matthew Cox, Pentagon Reviewing ...' -> (authors, et_al, 'Pentagon Reviewing ...')."""
    parts = segment.split(", ")
    for k in range(len(parts) - 1, 0, -1):
        head, tail = ", ".join(parts[:k]), ", ".join(parts[k:])
        names, rest = parse_names(head), parse_names(tail)
        people = lambda found: bool(found) and all("family" in a for a in found[0])  # noqa: E731
        if people(names) and not people(rest):
            return names[0], names[1], tail
    return None


# --- URLs and identifiers ---------------------------------------------------------------------------

URL_TOKEN = re.compile(r"(?i)(?:(?:retrieved|available)(?: online)?(?: at| from)?:?\s*)?"
                       r"<?(?:https?://|www\.)\S+")
DOI_TEXT = re.compile(r"(?i)\b(?:doi:\s*|doi\s+)(10\.\d{4,9}/\S+)")
DOI_IN_URL = re.compile(r"(?i)^https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)$")
ACCESSED = re.compile(rf"(?i)\b(?:accessed|retrieved|viewed|last accessed)(?: on)?:?\s+"
                      rf"(?P<date>(?:{MONTH}\s+\d{{1,2}},?\s+{YEAR})|(?:\d{{1,2}}\s+{MONTH},?\s+{YEAR})|"
                      rf"(?:{YEAR}-\d{{2}}-\d{{2}}))(?:,?\s+from\b)?")
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
}
SIGNAL = re.compile(r"(?i)^(?:see also|see, e\.g\.,?|see, for example,?|see|cf\.|compare|"
                    r"e\.g\.,?|for example,?|for instance,?|quoted in|as cited in|"
                    r"for (?:a |an |more )?[\w\s-]{0,40}?,? see)\s*:?\s+")
IBID = re.compile(r"(?i)^(?:ibid|ibidem|id)\.?(?:,?\s*(?:(?:p|pp|at)\.?\s*)?(?P<loc>[\w\-–, ]+?))?\.?$")


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _protected(text: str) -> list[bool]:
    """Mark characters inside quoted titles, italics, brackets and URLs (not split points)."""
    mask = [False] * len(text)
    for a, b in _title_spans(text):
        for k in range(a, b):
            mask[k] = True
    for m in re.finditer(r"\*[^*]+\*|<[^<>]*>|(?:https?://|www\.)\S+", text):
        for k in range(m.start(), m.end()):
            mask[k] = True
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


def split_periods(text: str) -> list[str]:
    """Split at sentence periods (". ") that do not end an initial or an abbreviation, and
    after "et al." (which closes an author list). Brackets, italics and URLs are not split."""
    mask = _protected(text)
    out, last = [], 0
    for m in re.finditer(r"\.(?=\s|$)", text):
        k = m.start()
        if mask[k]:
            continue
        word = re.search(r"(\S*)$", text[last:k]).group(1).lstrip("(“\"*")
        closes_authors = text[last:k].casefold().endswith("et al")
        if not closes_authors and (re.fullmatch(r"[A-Z]", word)  # an initial: "Michael J."
                                   or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word)  # "U.S."
                                   or word.casefold() in ABBREVIATIONS):
            continue
        piece = text[last:k].strip()
        if piece:
            out.append(piece)
        last = k + 1
    tail = text[last:].strip()
    if tail:
        out.append(tail)
    return out


def split_citations(body: str) -> list[tuple[int, int]]:
    """Ranges of ``body`` holding one cited work each (split on ";" between works)."""
    mask = _protected(body)
    cuts = [m.start() for m in re.finditer(r";(?=\s)", body) if not mask[m.start()]]
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
    # A piece too short to be a work ("pp. 3; 5") stays with the one before it.
    merged: list[tuple[int, int]] = []
    for a, b in ranges:
        if merged and len(body[a:b].split()) < 3:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


# --- one citation ---------------------------------------------------------------------------------------

def blank(raw: str) -> dict:
    """An empty record: the CSL ``FIELDS``, plus what the parse noticed on the way — ``ibid``
    and its ``locator``, ``chapter`` ("In: ..."), ``academic_volume`` ("39, no. 1", which marks
    a journal) and, for References entries, ``same_author`` ("———.")."""
    rec = {f: None for f in FIELDS}
    rec.update(authors=[], editors=[], et_al=False, raw=raw, ibid=False, locator=None,
               chapter=False, academic_volume=False, same_author=False)
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
    text = _pull_identifiers(text, rec)
    m = ACCESSED.search(text)
    if m:
        rec["accessed"] = parse_date(m.group("date"))[0]
        text = _cut(text, m.start(), m.end())
    text = _tidy(text)
    explicit_no_date = False

    quoted = find_quoted(text)
    before = text[:quoted[0]] if quoted else ""
    names = parse_names(before, single=True) if before.strip(" ,.") else ([], False)
    if quoted and names is not None:
        rec["authors"], rec["et_al"] = names
        rec["title"] = quoted[2].strip("*")
        rest = [text[quoted[1]:]]
    else:
        italic = re.search(r"\*([^*]+)\*", text)
        before = text[:italic.start()] if italic else ""
        names = parse_names(before) if before.strip(" ,.") else ([], False)
        if italic and names is not None:
            rec["authors"], rec["et_al"] = names
            rec["title"] = italic.group(1).strip()
            rest = [text[italic.end():]]
        else:
            rest = _period_style(text, rec)
    explicit_no_date = _read_rest(rest, rec)
    if rec["title"] and NO_TITLE.match(rec["title"]):
        rec["title"] = None
    if explicit_no_date:
        rec["issued"] = rec["issued_precision"] = None
    rec["type"] = citation_type(rec)
    return rec


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
    m = DOI_TEXT.search(text)
    if m:
        rec["doi"] = clean_url(m.group(1))
        text = _cut(text, m.start(), m.end())
    if rec["url"]:
        d = DOI_IN_URL.match(rec["url"])
        if d and not rec["doi"]:
            rec["doi"] = clean_url(d.group(1))
        rec["domain"] = domain_of(rec["url"])
    return text


def _tidy(text: str) -> str:
    text = normalise_space(text)
    text = re.sub(r"\s+([,.;])", r"\1", text)
    text = re.sub(r"([,;])[,;]+", r"\1", text)
    return text.strip(" ,;")


def _period_style(text: str, rec: dict) -> list[str]:
    """``Author. (Year). Title. Source, Date.`` and ``Author, Title. Source``: authors and title
    from the first segments; the remaining segments are returned for ``_read_rest``."""
    segs = []
    for seg in split_periods(text):
        # APA: "Lee, K. (n.d.)" keeps its date in the author segment when the name ends in an
        # initial; the date is a segment of its own.
        m = re.search(rf"\s\((?:{YEAR}[a-z]?|n\.\s?d\.?|no date)[^()]*\)(?:\.?\s+|$)", seg)
        if m and not segs and parse_names(seg[:m.start()]):
            # Harvard writes no period after the date: "Smith, J. (2020) Title".
            segs += [seg[:m.start()].strip(), m.group(0).strip(" .")] + ([seg[m.end():]] if seg[m.end():] else [])
        else:
            segs.append(seg)
    if not segs:
        return []
    first = segs[0]
    names = parse_names(first) if len(segs) > 1 else None
    k = 0
    if names and (any("family" in a for a in names[0]) or len(segs) > 1 and not _is_date_seg(segs[1])):
        rec["authors"], rec["et_al"] = names
        k = 1
    else:
        split = split_author_prefix(first)
        if split:
            rec["authors"], rec["et_al"], segs[0] = split
    # An APA year between authors and title: "Sato. (2008). Title."
    rest_before = []
    while k < len(segs) and _is_date_seg(segs[k]) and segs[k].startswith("("):
        rest_before.append(segs[k])
        k += 1
    if k >= len(segs):
        return rest_before
    title = segs[k]
    rest = segs[k + 1:]
    facts = re.search(rf"\s*\((?P<p>[^()]*(?:{YEAR}|n\.\s?d\.)[^()]*)\)(?:,?\s*(?:pp?\.\s*)?[\d–-]+)?$", title)
    if facts and facts.start() > 0:  # Chicago book note: "Title (Place: Publisher, 2019), 45"
        rest.insert(0, f"({facts.group('p')})")
        title = title[:facts.start()]
    genre = re.search(r",\s*([^,]+)$", title)
    if genre and GENRE.match(genre.group(1).strip()) and not is_org(genre.group(1)):
        rec["genre"] = genre.group(1).strip()
        title = title[:genre.start()]
    tail = re.search(r"([?!])\s+([^?!]+)$", title)
    if tail and is_org(tail.group(2)):
        rest.insert(0, tail.group(2))
        title = title[:tail.start() + 1]
    if not any(find_date(r) for r in rest if not r.startswith("In:")):
        dated = re.search(r",\s*([^,]*,?\s*\d{4})$", title)
        if dated and parse_date(dated.group(1)):
            rest.insert(0, dated.group(1))
            title = title[:dated.start()]
    rec["title"] = title.strip().strip("*").strip()
    return rest_before + rest


def _is_date_seg(seg: str) -> bool:
    return bool(parse_date(seg)) or bool(NO_DATE.match(seg.strip(" ()")))


def _pieces(segment: str) -> list[tuple[str, str]]:
    """A segment cut into ``(kind, text)``: 'italic', 'paren' and 'plain' pieces in order."""
    out = []
    pos = 0
    for m in re.finditer(r"\*[^*]+\*|\((?:[^()]|\([^()]*\))*\)", segment):
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
    re.compile(r"(?<![\w/])(?P<v>\d{1,4})\((?P<i>\d{1,4}(?:[-–]\d+)?)\)(?P<acad>)"),
]
PAGES = re.compile(r"(?i)(?:^|,|:)\s*(?:pp?\.\s*)?(?P<p>\d+(?:\s*[-–]\s*\d+)?)\s*$")


def _pull_volume(text: str, rec: dict) -> str:
    """Take a volume/issue notation out of ``text`` (into rec) and return the rest."""
    for rx in VOLUME_PATTERNS:
        m = rx.search(text)
        if m and not (m.group("i") and re.fullmatch(YEAR, m.group("i"))):
            rec["volume"] = rec["volume"] or m.group("v")
            rec["issue"] = rec["issue"] or m.group("i")
            if "acad" in m.groupdict():
                rec["academic_volume"] = True
            rest = text[m.end():]
            pages = re.match(r"^\s*(?:\([^()]*\))?\s*[:,]\s*(?:pp?\.\s*)?(\d+(?:\s*[-–]\s*\d+)?)\s*$", rest)
            if pages:  # "3, no. 2 (Spring 2021): 10–25"
                rec["page"] = rec.get("page") or pages.group(1)
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
    m = re.match(r"^(?P<eds>.+?)\s*\((?:eds?|Eds?|Hrsg|dir)\.?\)\.?,?\s*(?P<book>.+)$", body)
    if m and parse_names(m.group("eds")):
        rec["editors"] = parse_names(m.group("eds"))[0]
        body = m.group("book")
    else:
        m = re.match(r"^(?P<book>.+?),?\s+(?:edited by|ed\.|eds\.)\s+(?P<eds>.+)$", body)
        if m and parse_names(m.group("eds")):
            rec["editors"] = parse_names(m.group("eds"))[0]
            body = m.group("book")
    rec["container_title"] = body.strip(" ,.*")


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
    if NO_TITLE.match(text):
        return False
    if re.match(r"(?i)^published electronically\b", text):
        return False  # an online-first date; the issued date is the one printed with the source
    found = find_date(text)
    if found:
        iso, precision, a, b = found
        prefix = DATE_PREFIX.search(text[:a])
        a = prefix.start() if prefix else a
        if rec["issued"] is None:
            rec["issued"], rec["issued_precision"] = iso, precision
        text = _trim(text[:a].rstrip() + " " + text[b:].lstrip())
    pages = PAGES.search(text) if found or rec["issued"] or rec["volume"] else None
    if pages and not is_place(text):
        rec["page"] = rec.get("page") or pages.group("p")
        text = _trim(text[:pages.start()])
    if not text:
        return False
    if ":" in text and not text.startswith("http"):
        place, _, publisher = text.partition(":")
        place, publisher = _trim(place), _trim(publisher)
        if is_place(place) or in_paren:
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
        if GENRE.match(part) and not is_org(part) and (len(parts) > 1 or part[0].islower()):
            rec["genre"] = rec["genre"] or part
        elif is_org(part):
            _set(rec, "publisher", part)
        elif rec["container_title"] is None and not in_paren:
            rec["container_title"] = part
        else:
            _set(rec, "publisher", part)
    return False


def _trim(text: str) -> str:
    """Strip separators around a piece; a final period stays when it ends "D.C." or "V."."""
    text = text.strip(" ,;:")
    while text.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", text):
        text = text[:-1].rstrip(" ,;:")
    return text.lstrip(" .")


def _set(rec: dict, key: str, value):
    if value and rec.get(key) is None:
        rec[key] = value


# --- types --------------------------------------------------------------------------------------------

REPORT_GENRE = re.compile(r"(?i)\b(?:report|paper|brief|summary|monograph|memo(?:randum)?)$")
REPORT_PATH = re.compile(r"(?i)/(?:pubs|publications?|research|reports?|papers?|monographs?|"
                         r"research[_-]briefs?|policy[_-]briefs?|working[_-]papers?)/")


def citation_type(rec: dict) -> str | None:
    """The CSL type, from the parts that were found (see the module docstring)."""
    if rec.get("ibid"):
        return None
    if rec.get("chapter"):
        return "chapter"
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
        if is_journal(container) or rec.get("academic_volume"):
            return "article-journal"
        if any(w in ORG_WORDS for w in words) or container.casefold() in ORG_ACRONYMS:
            return "webpage" if rec["url"] else "report"
        return "article-magazine"
    if rec["url"] or rec["doi"]:
        url = rec["url"] or ""
        parts = split_url(url)
        path = parts.path or ""
        if "/blog" in path.casefold() or (parts.hostname or "").startswith("blog."):
            return "post-weblog"
        if path.casefold().endswith(".pdf") or REPORT_PATH.search(path) \
                or REPORT_GENRE.search(rec["genre"] or ""):
            return "report"
        if rec["doi"] and not rec["url"]:
            return "article-journal"
        return "webpage"
    if rec["publisher"]:
        return "book"
    if REPORT_GENRE.search(rec["genre"] or ""):
        return "report"
    if rec["authors"] and all("literal" in a for a in rec["authors"]):
        return "report"
    return "book" if rec["issued"] or rec["publisher_place"] else "document"


def series_key(title: str | None) -> str | None:
    """A title without its trailing year: 'Defense of Japan 2019' -> 'defense of japan'."""
    if not title:
        return None
    return re.sub(rf"[\s,]*{YEAR}\s*$", "", fold_title(title)).strip() or None


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

CITATION_SIGNALS = re.compile(r"(?i)(https?://|www\.|\bdoi\b|\*[^*]+\*|\baccessed\b|\bretrieved\b|"
                              r"\bIn:\s|\(eds?\)|\bno date\b|\bn\.d\.|\bibid\b)")


def looks_like_citation(text: str) -> bool:
    """A footnote cites something when it has a URL, DOI, italics, a quoted title with a source,
    an access date, ibid, or a date with a period-separated author/title structure."""
    text = normalise_space(SIGNAL.sub("", normalise_space(text), count=1))
    if CITATION_SIGNALS.search(text) or IBID.match(text):
        return True
    q = find_quoted(text)
    if q and (parse_names(text[:q[0]], single=True) is not None or not text[:q[0]].strip(" ,.")):
        return True
    segs = split_periods(text)
    if find_date(text) and len(segs) >= 2 and (
            any(_is_date_seg(s) for s in segs)
            or any(re.search(rf"(?:,\s*|\()[^,()]*{YEAR}\)?$", s) and parse_date(re.split(r",\s*|\(", s)[-1])
                   for s in segs[1:])):
        return True
    return False


def parse_footnote(body: str) -> dict:
    """``{kind, citations: [(start, end, record), ...]}`` for one footnote body's text."""
    if not looks_like_citation(body):
        return {"kind": "note", "citations": []}
    out = []
    for a, b in split_citations(body):
        out.append((a, b, parse_citation(body[a:b])))
    return {"kind": "citation", "citations": out}


SAME_AUTHOR = re.compile(r"^(?:[—–-]{2,}\.?|\.)\s+")


def parse_reference(text: str, previous_authors: list | None = None) -> dict:
    """One entry of a References list. ``———.`` or a leading ``.`` repeats the previous
    entry's authors (``previous_authors``)."""
    m = SAME_AUTHOR.match(text)
    if m:
        rec = parse_citation(text[m.end():])
        rec["raw"] = text
        rec["authors"] = [dict(a) for a in (previous_authors or [])]
        rec["same_author"] = True
        rec["type"] = citation_type(rec)
        return rec
    return parse_citation(text)


# --- comparison keys and output -------------------------------------------------------------------------

@functools.lru_cache(maxsize=65536)
def fold_title(title: str | None) -> str:
    """Title comparison key: Unicode, quotes, dashes, case and punctuation folded (memoised:
    the merge compares each title many times)."""
    if not title:
        return ""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[\u2018\u2019\u02bc`´']", "", text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[^\w\s-]", " ", text.casefold())
    return re.sub(r"\s+", " ", text).strip()


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
                     ("volume", "volume"), ("issue", "issue"), ("page", "page"), ("url", "URL"),
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
