"""Tokens of a reference and the features the sequence labeller sees for each.

A token is a run of non-space characters (as in AnyStyle's data), punctuation attached. Its
features are what a reader of a reference list looks at: the word itself (case folded, outer
punctuation stripped), its shape ("Smith," -> ``Aa,``; "12(3):" -> ``0(0):``), the punctuation
it opens and closes with, capitals, initials ("J.", "J.-P.", Vancouver "JJ"), numbers, years,
page ranges, roman numerals and ordinals, words of small dictionaries (months in six
languages, publisher words, journal words and abbreviations, places, volume/page/editor/
edition/genre words, access phrases, name particles, function words), URLs, DOIs and ISBNs;
then where it stands: its position in the reference, whether it is inside quotes, brackets or
italics, how many sentence periods and years came before it, and the same for its neighbours.
Features of a token string that do not depend on its neighbours are memoised: a list of
references repeats its words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import citations


MONTH_WORDS = set(citations.MONTHS) | {
    # French, German, Spanish, Italian, Portuguese, Dutch (and their usual abbreviations)
    "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
    "septembre", "octobre", "novembre", "décembre", "decembre", "janv", "févr", "avr", "juil",
    "sept", "déc", "januar", "februar", "märz", "maerz", "juni", "juli", "oktober", "dezember",
    "okt", "dez", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "ene", "abr", "ago", "dic",
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
    "dicembre", "gen", "mag", "giu", "lug", "ott", "janeiro", "fevereiro", "março", "maio",
    "junho", "julho", "setembro", "outubro", "novembro", "dezembro", "januari", "februari",
    "maart", "mei", "augustus", "spring", "summer", "fall", "autumn", "winter", "printemps",
    "été", "automne", "hiver", "frühjahr", "sommer", "herbst",
}
DICTIONARIES = {
    "pub": {"press", "verlag", "publishing", "publishers", "publisher", "books", "editions", "éditions",
            "edizioni", "editora", "editorial", "editores", "wiley", "springer", "elsevier", "routledge",
            "sage", "macmillan", "blackwell", "penguin", "mcgraw-hill", "prentice", "prentice-hall",
            "addison-wesley", "pergamon", "kluwer", "gallimard", "seuil", "puf", "harper", "norton",
            "basic", "random", "knopf", "doubleday", "vintage", "pr", "publ", "inc", "ltd", "co",
            "gmbh", "verlags", "presses", "universitaires", "universitaria", "editions", "company",
            "sons", "brothers", "bros", "house", "hall", "taylor", "francis", "cambridge", "oxford",
            "mit", "ams", "siam", "acm", "ieee", "crc", "dekker", "academic", "scientific", "world",
            "nauka", "suhrkamp", "beck", "fischer", "rowohlt", "dunod", "payot", "armand", "colin",
            "einaudi", "feltrinelli", "mulino", "laterza", "anagrama", "paidós", "fondo", "cultura"},
    "uni": {"university", "univ", "universität", "universitat", "université", "universite",
            "universidad", "università", "universiteit", "institute", "institut", "instituto",
            "college", "school", "laboratory", "center", "centre", "department", "dept",
            "ministry", "council", "agency", "office", "bureau", "commission", "committee",
            "society", "association", "foundation", "organization", "organisation", "academy"},
    "jour": {"journal", "j", "jour", "review", "rev", "proceedings", "proc", "transactions", "trans",
             "letters", "lett", "bulletin", "bull", "annals", "ann", "annual", "annu", "quarterly",
             "magazine", "mag", "acta", "archives", "arch", "revue", "zeitschrift", "z", "rivista",
             "revista", "science", "sci", "nature", "phys", "chem", "biol", "med", "int", "natl",
             "nat", "acad", "soc", "res", "appl", "eng", "comput", "math", "stat", "am", "amer",
             "conference", "conf", "symposium", "symp", "workshop", "international", "intl",
             "studies", "stud", "quart", "econ", "psychol", "neurosci", "geophys", "astron",
             "astrophys", "mech", "theor", "anal", "syst", "inform", "mater", "environ", "ecol",
             "clin", "surg", "genet", "cell", "physiol", "biochem", "pharmacol", "educ", "hist",
             "philos", "polit", "sociol", "anthropol", "ling", "lit", "mon", "not", "apj", "aj",
             "mnras", "a&a", "pasp", "icarus", "newsletter", "gazette", "times", "daily", "news",
             "post", "herald", "tribune", "weekly", "digest", "forum", "communications", "commun",
             "reports", "rep", "series", "ser", "jahrbuch", "cahiers", "bollettino", "boletín"},
    "vol": {"vol", "vols", "volume", "volumes", "bd", "band", "bände", "tome", "tomo", "t", "jg",
            "jahrgang", "no", "nos", "nr", "number", "numéro", "num", "issue", "iss", "heft", "h",
            "n°", "nº", "part", "pt", "suppl", "supplement", "fasc", "fascicule", "vyp", "anno", "año"},
    "page": {"pp", "p", "pages", "page", "s", "ss", "pgs", "pg", "pág", "págs", "str", "seiten",
             "art", "article", "e"},
    "ed": {"ed", "eds", "editor", "editors", "edited", "hrsg", "hg", "hgg", "dir", "coord", "comp",
           "compiled", "éd", "éds", "a cura di", "cura", "herausgegeben", "(ed", "(eds"},
    "edn": {"edition", "edn", "auflage", "aufl", "édition", "edición", "edizione", "revised", "rev",
            "reprint", "repr", "reprinted", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th",
            "9th", "10th", "2d", "3d", "second", "third", "fourth", "new", "expanded", "enlarged"},
    "genre": {"thesis", "dissertation", "phd", "ph", "master's", "masters", "msc", "report",
              "working", "paper", "papers", "technical", "tech", "manuscript", "unpublished",
              "preprint", "arxiv", "draft", "memo", "memorandum", "lecture", "poster", "presented",
              "meeting", "abstract", "abstracts", "doctoral", "diss", "habilitation", "mémoire",
              "thèse", "tesis", "tesi", "film", "video", "dvd", "cd", "map", "brochure", "pamphlet",
              "interview", "letter", "speech", "patent", "standard", "dataset", "software"},
    "acc": {"retrieved", "accessed", "available", "online", "url", "from", "viewed", "cited",
            "zugriff", "abgerufen", "consulté", "consultado", "last", "link", "www", "http"},
    "and": {"and", "&", "und", "et", "y", "e", "og", "en"},
    "etal": {"al", "others", "alii", "autres"},
    "part": {"van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "le", "la", "des",
             "dos", "das", "do", "ten", "ter", "bin", "ibn", "al", "el", "st", "zu", "vander"},
    "func": {"the", "of", "a", "an", "on", "for", "with", "to", "from", "and", "in", "at", "by",
             "is", "are", "as", "its", "their", "how", "what", "why", "between", "into", "under",
             "towards", "toward", "through", "among", "about", "der", "die", "das", "und", "le",
             "les", "des", "du", "la", "el", "los", "las", "il", "lo", "della", "dei", "sur", "zur",
             "zum", "im", "über", "und", "en", "un", "une", "una", "uno", "ein", "eine"},
    "in": {"in", "in:", "dans", "en", "im"},
    "trans": {"trans", "translated", "transl", "tr", "übers", "übersetzt", "traduit", "trad",
              "translation", "translator", "translators"},
}
PLACES = set(citations.CITIES) | {
    "ny", "ma", "ca", "nj", "n.j", "n.y", "mass", "calif", "conn", "ill", "pa", "md", "va", "tx",
    "paris", "münchen", "munich", "leipzig", "frankfurt", "hamburg", "köln", "stuttgart", "madrid",
    "barcelona", "milano", "milan", "roma", "rome", "torino", "turin", "bologna", "firenze",
    "florence", "napoli", "wien", "vienna", "zürich", "zurich", "basel", "bern", "leiden",
    "amsterdam", "rotterdam", "utrecht", "lisboa", "lisbon", "são", "paulo", "rio", "janeiro",
    "buenos", "aires", "méxico", "mexico", "moscow", "moskva", "st", "petersburg", "warsaw",
    "prague", "budapest", "edinburgh", "glasgow", "manchester", "dublin", "baltimore",
    "philadelphia", "pittsburgh", "cleveland", "detroit", "minneapolis", "madison", "urbana",
    "champaign", "evanston", "ann", "arbor", "austin", "houston", "dallas", "atlanta", "miami",
    "seattle", "portland", "denver", "amherst", "hanover", "durham", "chapel", "hill", "norman",
    "bloomington", "lincoln", "lawrence", "westport", "greenwich", "hoboken", "englewood",
    "cliffs", "upper", "saddle", "river", "reading", "menlo", "park", "los", "angeles", "san",
    "francisco", "diego", "jose", "york", "berlin", "heidelberg", "göttingen", "tübingen",
    "freiburg", "bonn", "dresden", "weinheim", "lyon", "marseille", "bordeaux", "toulouse",
    "québec", "montréal", "montreal", "vancouver", "wellington", "auckland", "delhi",
    "mumbai", "bombay", "calcutta", "kolkata", "shanghai", "nanjing", "kyoto", "amsterdam",
}


@lru_cache(maxsize=1)
def _places() -> frozenset:
    names = set(PLACES)
    for name in citations._country_level():
        names.add(name)
        names.update(name.split())
    return frozenset(n for n in names if len(n) > 1)


SHAPE_MAP = str.maketrans({**{c: "A" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                           **{c: "a" for c in "abcdefghijklmnopqrstuvwxyz"},
                           **{c: "0" for c in "0123456789"}})
LETTERS = re.compile(r"[^\W\d_]")
DIGIT = re.compile(r"\d")
YEAR = re.compile(r"^\W*(?:1[5-9]\d\d|20\d\d)[a-z]?\W*$")
NUMBER = re.compile(r"^\W*\d+\W*$")
RANGE = re.compile(r"^\W*[A-Za-z]?\d+[A-Za-z]?\s*[-–—‐‑−]+\s*[A-Za-z]?\d+[A-Za-z]?\W*$")
ROMAN = re.compile(r"^\W*[ivxlcdmIVXLCDM]+\W*$")
INITIAL = re.compile(r"^\(?(?:[A-ZÀ-Þ][a-z]?\.-?)+[A-ZÀ-Þ]?\.?,?;?$")
BARE_INITIALS = re.compile(r"^[A-ZÀ-Þ]{1,3}[,.;]?$")
# An abbreviated word of a title ("Phys.", "Biol", ".Rev", "Natl", "Zh."): ISO 4 journal
# abbreviations written with or without their periods, or with the period before (PDF text)
ABBREVIATION = re.compile(r"^\.?[A-Z][a-z]{0,7}\.[,;:]?$|^\.[A-Z][a-z]{0,7}[,;:]?$")
VOLUME_PAGES = re.compile(r"^\W*\d+(?:\(\d+[-–/]?\d*\))?:[A-Za-z]?\d+(?:[-–]\d+)?\W*$")  # "268:1234-40", "16(3):52-55,"
ORDINAL = re.compile(r"(?i)^\W*\d+(?:st|nd|rd|th|d|e|er|ème|\.)\W*$")
URLISH = re.compile(r"(?i)^\W*(?:https?://|www\.|ftp://)|\.(?:com|org|net|edu|gov|html?|pdf)\b")
DOIISH = re.compile(r"(?i)10\.\d{4,9}/|^\W*doi\b")
ISBNISH = re.compile(r"(?i)^\W*isbn|^\W*97[89][\d-]{7,}")
OPEN_QUOTE = "“\"‘«„'"
CLOSE_QUOTE = "”\"’»'"
WORD_STRIP = ".,;:()[]{}<>“”\"‘’'«»*!?"
LENGTH = ("len=0", "len=1", "len=2", "len=3", "len=3", "len=5", "len=5", "len=5", "len=5")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """Every dictionary word with the features it gives (one lookup per token)."""
    out: dict = {}
    for name, words in DICTIONARIES.items():
        for w in words:
            out.setdefault(w, []).append("d=" + name)
    for w in MONTH_WORDS:
        out.setdefault(w, []).append("month")
    for w in _places():
        out.setdefault(w, []).append("d=place")
    return {w: tuple(fs) for w, fs in out.items()}


def _shape(token: str) -> str:
    s = token.translate(SHAPE_MAP)
    if not s.isascii():
        s = "".join(ch if ch.isascii() else "a" if ch.islower() else "A" if ch.isalpha() else ch for ch in s)
    for run, one in (("AA", "A"), ("aa", "a"), ("00", "0")):
        while run in s:
            s = s.replace(run, one)
    return s[:8]


def _word(token: str) -> str:
    return token.strip(WORD_STRIP).casefold()


@lru_cache(maxsize=1 << 17)
def token_features(token: str) -> tuple[str, ...]:
    """Features of one token on its own."""
    w = _word(token)
    first, last = token[0], token[-1]
    f = ["b", "w=" + w, "sh=" + _shape(token), "f=w" if first.isalnum() else "f=" + first,
         "l=w" if last.isalnum() else "l=" + last]
    if len(token) > 1 and not last.isalnum() and not token[-2].isalnum():
        f.append("l2=" + token[-2:])
    n = len(w)
    f.append(LENGTH[n] if n < 9 else "len=9")
    letter = LETTERS.search(token)
    if letter:
        if letter.group().isupper():
            f.append("cap")
            if token.isupper() and sum(c.isalpha() for c in token) > 1:
                f.append("caps")
        elif token.islower():
            f.append("lower")
        if len(token) > 3 and ABBREVIATION.match(token):
            f.append("abbr")
        if "." in token and INITIAL.match(token):  # an initial has its period
            f.append("init")
        elif len(token) <= 4 and BARE_INITIALS.match(token):
            f.append("binit")
    digits = DIGIT.search(token)
    if digits:
        if YEAR.match(token):
            f.append("year")
            if "(" in token or ")" in token:
                f.append("pyear")
        elif NUMBER.match(token):
            f.append("num")
            f.append("nd=" + str(min(4, sum(c.isdigit() for c in token))))
        elif RANGE.match(token):
            f.append("range")
        elif VOLUME_PAGES.match(token):
            f.append("vp")
        elif ORDINAL.match(token):
            f.append("ord")
        else:
            f.append("hasdig")
        if DOIISH.search(token):
            f.append("doi")
        if ISBNISH.search(token):
            f.append("isbn")
    elif n <= 6 and ROMAN.match(token):
        f.append("roman")
    if ("." in token or "/" in token) and URLISH.search(token):
        f.append("url")
    elif not digits and w == "doi":
        f.append("doi")
    if not digits and w.startswith("isbn"):
        f.append("isbn")
    lex = lexicon().get(w)
    if lex:
        f.extend(lex)
    if first in OPEN_QUOTE:
        f.append("oq")
    bare = token.rstrip(".,;:)]")
    if bare[-1:] in CLOSE_QUOTE:
        f.append("cq")
    if first in "([":
        f.append("op")
    bare = token.rstrip(".,;:")
    if bare[-1:] in ")]":
        f.append("cp")
    if first == "*" or token.startswith("<i"):
        f.append("oi")
    if bare.endswith("*") or "</i" in token:
        f.append("ci")
    return tuple(f)


CONTEXT_KEYS = ("w=", "sh=", "cap", "init", "binit", "year", "num", "range", "month", "d=", "l=", "oq", "cq", "op", "cp",
                "abbr", "vp")


@lru_cache(maxsize=1 << 17)
def neighbour_features(token: str, prefix: str) -> tuple[str, ...]:
    """The features of a neighbouring token that matter for this one, prefixed by its offset."""
    return tuple(prefix + f for f in token_features(token) if f.startswith(CONTEXT_KEYS))


@lru_cache(maxsize=1 << 16)
def far_features(token: str, prefix: str) -> tuple[str, ...]:
    return (prefix + "sh=" + _shape(token), prefix + ("l=" + token[-1] if not token[-1].isalnum() else "l=w"))


def split(text: str) -> tuple[list[str], list[int]]:
    """The tokens of a text whose spaces are normalised (single spaces, none outside), and
    their start offsets."""
    tokens = text.split(" ") if text else []
    starts = [0]
    for tok in tokens[:-1]:
        starts.append(starts[-1] + len(tok) + 1)
    return tokens, starts


@lru_cache(maxsize=1 << 17)
def _marks(tok: str) -> tuple:
    """What one token does to the state: (opens a double quote, closes one, opens a single
    quote, closes one, opens italics, closes them, bracket depth change, opens a bracket,
    ends a sentence, is a year). A sentence ends at a period after a word of three letters or
    more that is no initial; the token's own features say which."""
    feats = token_features(tok)
    first = tok[0]
    stripped = tok.rstrip(".,;:)]")
    opens_double = first in "“\"«„"
    opens_single = first in "‘'" and len(tok) > 1 and tok[1].isalnum()
    return (opens_double, stripped[-1:] in "”\"»" and (len(stripped) > 1 or not opens_double),
            opens_single, stripped[-1:] in "’'" and len(stripped) > 1,
            first == "*" or tok.startswith("<i"), tok.rstrip(".,;:").endswith("*") or "</i" in tok,
            tok.count("(") + tok.count("[") - tok.count(")") - tok.count("]"), first in "([",
            tok.endswith(".") and len(feats[1]) > 4 and "init" not in feats, "year" in feats)


FLAGS = ("first", "last", "inq", "inq1", "inp", "ini")


@lru_cache(maxsize=1 << 14)
def state_features(code: int) -> tuple[str, ...]:
    """The features of a state code (see :func:`state_codes`)."""
    pos, rest = divmod(code, 1 << 10)
    dots, rest = divmod(rest, 1 << 7)
    years, flags = divmod(rest, 1 << 6)
    f = ("pos=" + str(pos), "dots=" + str(dots), "years=" + str(years))
    for k, name in enumerate(FLAGS):
        if flags >> k & 1:
            f += (name,) + (("-1:BOS",) if k == 0 else ("+1:EOS",) if k == 1 else ())
    return f


def state_codes(tokens: list[str]) -> list[int]:
    """Where each token stands, as an integer (:func:`state_features` spells it out): its
    position in tenths, how many sentence periods (up to 5) and years (up to 2) came before,
    first or last, inside double or single quotes, brackets or italics."""
    n = len(tokens)
    out = []
    in_double = in_single = in_italic = False
    depth = dots = years = 0
    for i, tok in enumerate(tokens):
        od, cd, os_, cs, oi, ci, dd, op, dot, year = _marks(tok)
        code = ((10 * i // n) << 10) + ((dots if dots < 5 else 5) << 7) + ((years if years < 2 else 2) << 6)
        if i == 0:
            code += 1
        if i == n - 1:
            code += 2
        if in_double or od:
            code += 4
        if in_single or os_:
            code += 8
        if depth or op:
            code += 16
        if in_italic or oi:
            code += 32
        out.append(code)
        if od:
            in_double = True
        if in_double and cd:
            in_double = False
        if os_:
            in_single = True
        if in_single and cs:
            in_single = False
        depth = depth + dd if depth + dd > 0 else 0
        if oi:
            in_italic = True
        if ci:
            in_italic = False
        dots += dot
        years += year
    return out


def sequence_features(tokens: list[str]) -> list[list[str]]:
    """Every feature of every token of one reference, as CRFsuite takes them (training):
    the token's own, its state, its neighbours' (one away: their words and forms; two away:
    their shapes)."""
    n = len(tokens)
    out = []
    for i, (tok, code) in enumerate(zip(tokens, state_codes(tokens))):
        f = list(token_features(tok))
        f.extend(state_features(code))
        if i > 0:
            f.extend(neighbour_features(tokens[i - 1], "-1:"))
        if i + 1 < n:
            f.extend(neighbour_features(tokens[i + 1], "+1:"))
        if i > 1:
            f.extend(far_features(tokens[i - 2], "-2:"))
        if i + 2 < n:
            f.extend(far_features(tokens[i + 2], "+2:"))
        out.append(f)
    return out
