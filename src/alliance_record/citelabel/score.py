"""Scoring a reference parser on AnyStyle's labelled references: per-field P/R/F1, whole references.

How the gold is read (one value per field and reference, from the AnyStyle runs):

========== ================================= ===============================================
field      gold (AnyStyle tags)              prediction (our record)
========== ================================= ===============================================
authors    ``author`` runs: family names      ``authors``: each ``family``, or ``literal``
           (:func:`gold_families`); an        for an institution
           institution is one name; a
           ``family`` run (a reader that
           knows the family name, as
           :mod:`.excite`) is one as it is
title      first ``title`` run                ``title``
container  first ``journal`` or               ``container_title``
           ``container-title`` run
date       the first year (1500-2099) of     the year of ``issued``
           the ``date`` runs
publisher  first ``publisher`` run            ``publisher``
volume     the volume number of the first    ``volume`` (the same reading)
           ``volume`` run ("Vol. 3, Part A"
           -> 3, "6(1)" -> 6, "No. 134" -> none)
pages      first ``pages`` run, its first    ``page``, else ``locator`` (a References
           number or range ("pp. 1761–1800)" entry's pages after a book's facts)
           -> 1761-1800, "368 pp." -> 368)
url        first ``url`` run                  ``url``
doi        the ``10.…/…`` in the ``doi`` run  ``doi``
========== ================================= ===============================================

Not scored: ``editor`` (an edited book's editors, a chapter's book editors: our ``editors``),
``translator``/``director``/``producer``, ``location`` (our ``publisher_place``, reported apart
as ``place``), ``collection-title`` (a series), ``edition``, ``genre``, ``note``, ``medium``,
``source``, ``isbn``, ``citation-number``.

Matching: strings are compared folded (:func:`fold`: Unicode accents, case, quotes and every
other punctuation removed, spaces collapsed; a container's leading "In"/"In:" dropped); family
names also drop name particles ("de la Macorra" = "Macorra"); years, volumes and pages compare
as the numbers read above; URLs without case, angle brackets, trailing punctuation or a final
slash; DOIs without case or unbalanced closing brackets; a doi.org link, in the gold or in the
prediction, counts as the DOI and not as a URL. A field is right when gold and prediction are equal; a wrong value is
both a false positive and a false negative; a value where the gold has none is a false positive.
Authors are scored name by name (multiset intersection of the folded family names). A reference
is whole when every field the gold has is right (the measure of issue 18 and of GROBID's
end-to-end figures); ``strict`` also asks that no field the gold lacks was filled.
"""

from __future__ import annotations

import collections
import re
import unicodedata

FIELDS = ("authors", "title", "container", "date", "publisher", "volume", "pages", "url", "doi")
EXTRA = ("place",)  # reported, not pooled

PARTICLES = {"van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "le", "la", "des",
             "dos", "das", "do", "ten", "ter", "bin", "ibn", "al", "el", "st", "y", "zu", "vander"}
ORG_HINT = re.compile(
    r"(?i)\b(?:university|universit[äa]t|universidad|institut[eo]?|organi[sz]ation|association|society|"
    r"department|ministry|council|agency|committee|commission|office|bureau|cent(?:er|re)|group|"
    r"foundation|corporation|inc|ltd|company|board|service|survey|press|bank|national|international|"
    r"federal|government|project|team|consortium|network|laborator(?:y|ies)|program(?:me)?|"
    r"academy|college|school|library|museum|fund|nations|union|world|federation|conference|"
    r"working|authority|administration|forum|trust|gmbh|ag|ministerio|minist[eè]re|bundes\w*)\b")


def fold(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def family_key(name: str) -> str:
    words = [w for w in fold(name).split() if w not in PARTICLES]
    return " ".join(words) or fold(name)


# --- gold: family names from an author run ----------------------------------------------------------

INITIAL = re.compile(r"^(?:[A-ZÀ-Ý][a-z]?\.-?)+[A-ZÀ-Ý]?$|^[A-ZÀ-Ý]$")  # "A.", "J.-P.", "Th.", "F.H."
BARE_INITIALS = re.compile(r"^[A-ZÀ-Ý]{1,3}$")  # Vancouver "JJ", "A", "OA"
SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv|2nd|3rd)\.?$", re.I)


def _is_initial(tok: str) -> bool:
    return bool(INITIAL.match(tok)) and any(ch.isalpha() for ch in tok)


def _given_like(piece: list[str]) -> bool:
    """Given names: initials, or one to three capitalised words (a particle may end them)."""
    if not 1 <= len(piece) <= 3:
        return False
    core = piece[:-1] if len(piece) > 1 and piece[-1].casefold().strip(".") in PARTICLES else piece
    return all(_is_initial(t) or (t[:1].isupper() and not t.isupper() or BARE_INITIALS.match(t))
               for t in core)


def _natural_family(tokens: list[str]) -> str:
    """The family name of one name written as a run of words."""
    tokens = [t for t in tokens if not SUFFIX.match(t.strip(","))]
    if not tokens:
        return ""
    if len(tokens) > 1 and (BARE_INITIALS.match(tokens[-1]) or _is_initial(tokens[-1])) \
            and not _is_initial(tokens[0]):
        # "Pérez-Higueras JJ", "Heidegger M.": family first, initials after
        k = len(tokens)
        while k > 1 and (BARE_INITIALS.match(tokens[k - 1]) or _is_initial(tokens[k - 1])):
            k -= 1
        return " ".join(tokens[:k])
    k = len(tokens) - 1
    while k > 0 and tokens[k - 1].casefold().strip(".") in PARTICLES:
        k -= 1
    return " ".join(tokens[k:])


# The gold's names are read by code of the scorer's own, written apart from the parser's
# (citelabel.fields.split_names) on purpose: a scorer must not share the code it judges.
def gold_families(text: str) -> list[str]:
    """The family names of an AnyStyle author run ("Romero, C., Paunesku, D., & Dweck, C." ->
    Romero, Paunesku, Dweck; "Lee, L. L., W. E. Howard, and R. E. Marsh." -> Lee, Howard,
    Marsh; "Pérez-Higueras JJ, Arias A" -> Pérez-Higueras, Arias); an institution ("World
    Health Organization") is one name; "et al." and editors' marks are dropped."""
    text = re.sub(r"(?i)\bet\.?\s*al\b\.?|\band others\b|\[.*?\]|\([^()]*\)|^[-—–_.\s]+$|\((?:eds?|hrsg|coord|comp)\.?\)|"
                  r"(?<=[\s,])(?:eds?|hrsg)\.(?=\s|$)|^by\s+", " ", text)
    text = text.strip(" .,;:")
    if not text:
        return []
    if ORG_HINT.search(text) and not re.search(r",\s*(?:[A-Z]\.\s?)+(?:,|$|\s)", text):
        return [text]
    pieces = []
    for piece in re.split(r"\s*[;,，；]\s*|\s+(?:and|&|und|et|y|e)\s+|\s*&\s*", text):
        piece = re.sub(r"^(?:and|&|und|et)\s+", "", piece.strip())
        tokens = [t for t in piece.split() if not SUFFIX.match(t) and re.search(r"\w", t)]
        if tokens:
            pieces.append(tokens)
    out, i, inverted = [], 0, False
    while i < len(pieces):
        p = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        single = len([t for t in p if t.casefold() not in PARTICLES]) == 1 and not _is_initial(p[-1])
        if single and nxt and _given_like(nxt) and (
                all(_is_initial(t) or BARE_INITIALS.match(t) for t in nxt) or i == 0 or len(out) and inverted):
            out.append(" ".join(p))
            inverted = True
            i += 2
            continue
        out.append(_natural_family(p))
        i += 1
    return [f for f in out if f]


# --- numbers -------------------------------------------------------------------------------------------

YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
ROMAN = r"[ivxlcdm]+"
VOLUME_WORD = re.compile(rf"(?i)\b(?:vols?|volume|bd|band|tome?|t|v|jg|jahrgang|anno)(?:\.\s*|\s+)(\d+|{ROMAN})\b")
ISSUE_ONLY = re.compile(r"(?i)^\W*(?:no|nos|nr|num|number|issue|iss|heft|h|n°|n|fasc|suppl?)\b")
FIRST_NUMBER = re.compile(rf"(?i)(?<![\w])(\d+|{ROMAN})(?![\w])")


def volume_number(text: str | None) -> str:
    if not text:
        return ""
    m = VOLUME_WORD.search(text)
    if m:
        return m.group(1).casefold()
    if ISSUE_ONLY.match(text):
        return ""
    m = FIRST_NUMBER.search(text)
    return m.group(1).casefold() if m else ""


PAGE_RANGE = re.compile(r"(?i)([a-z]?\d+[a-z]?|[ivxlcdm]+)(?:\s*[-–—‐‑−]+\s*([a-z]?\d+[a-z]?|[ivxlcdm]+)(?!\w))?")


def pages_value(text: str | None) -> str:
    if not text:
        return ""
    text = re.sub(r"(?i)\b(?:pp|p|pages?|pgs?|s|pág|págs|str|ss|c|с)\b\.?", " ", text)
    m = PAGE_RANGE.search(text)
    if not m:
        return ""
    return m.group(1).casefold() + (f"-{m.group(2).casefold()}" if m.group(2) else "")


def year_of(text: str | None) -> str:
    m = YEAR.search(text or "")
    return m.group(1) if m else ""


def url_value(text: str | None) -> str:
    if not text:
        return ""
    url = re.sub(r"\s+", "", text).strip("<>([").rstrip(".,;:)>]").casefold()
    start = re.search(r"https?://|ftp://|www\.", url)
    url = url[start.start():] if start else re.sub(r"^(?:url:|available(?:at|from):?)", "", url)
    return url.rstrip("/")


DOI = re.compile(r"10\.\d{4,9}/\S+")


def doi_value(text: str | None) -> str:
    m = DOI.search(text or "")
    if not m:
        return ""
    doi = m.group(0).rstrip(".,;:")
    while doi[-1:] in ")]>" and doi.count(doi[-1]) > doi.count({")": "(", "]": "[", ">": "<"}[doi[-1]]):
        doi = doi[:-1].rstrip(".,;:")
    return doi.casefold()


DOI_LINK = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/")


def identifiers(url: str | None, doi: str | None) -> tuple[str, str]:
    """(url, doi) compared: a doi.org link is the DOI, not a URL (on both sides)."""
    url, doi = url_value(url), doi_value(doi)
    if url and DOI_LINK.match(url):
        doi, url = doi or doi_value(url), ""
    return url, doi


def container_value(text: str | None) -> str:
    return re.sub(r"^in\s+", "", fold(text))


# --- the fields of one reference -------------------------------------------------------------------------

def gold_fields(runs) -> dict:
    """{field: value} of one AnyStyle reference (``runs``: (tag, text) pairs); "" = none."""
    first = {}
    for tag, text in runs:
        first.setdefault(tag, text)
    families = [family_key(f) for tag, text in runs if tag == "author" for f in gold_families(text)] \
        + [family_key(text) for tag, text in runs if tag == "family"]
    year = next((year_of(t) for tag, t in runs if tag == "date" and year_of(t)), "")
    url, doi = identifiers(first.get("url"), first.get("doi"))
    return {
        "authors": sorted(f for f in families if f),
        "title": fold(first.get("title")),
        "container": container_value(first.get("journal") or first.get("container-title")),
        "date": year,
        "publisher": fold(first.get("publisher")),
        "volume": volume_number(first.get("volume")),
        "pages": pages_value(first.get("pages")),
        "url": url,
        "doi": doi,
        "place": fold(first.get("location")),
    }


def predicted_fields(rec: dict) -> dict:
    """{field: value} of one parsed record, read as :func:`gold_fields` reads the gold."""
    families = [family_key(a.get("family") or a.get("literal") or "") for a in rec.get("authors") or []]
    url, doi = identifiers(rec.get("url"), rec.get("doi"))
    return {
        "authors": sorted(f for f in families if f),
        "title": fold(rec.get("title")),
        "container": container_value(rec.get("container_title")),
        "date": year_of(rec.get("issued")),
        "publisher": fold(rec.get("publisher")),
        "volume": volume_number(rec.get("volume")),
        "pages": pages_value(rec.get("page") or rec.get("locator")),
        "url": url,
        "doi": doi,
        "place": fold(rec.get("publisher_place")),
    }


def compare(gold: dict, pred: dict, fields=FIELDS + EXTRA) -> dict:
    """{field: (tp, fp, fn)} for one reference."""
    out = {}
    for f in fields:
        g, p = gold[f], pred[f]
        if f == "authors":
            tp = sum((collections.Counter(g) & collections.Counter(p)).values())
            out[f] = (tp, len(p) - tp, len(g) - tp)
        else:
            right = bool(g) and g == p
            out[f] = (int(right), int(bool(p) and not right), int(bool(g) and not right))
    return out


def score(references, parse, keep_misses: int = 0) -> dict:
    """Score ``parse`` (text -> record) on ``references`` (:class:`.anystyle.Reference`):
    ``{fields: {field: {p, r, f1, tp, fp, fn}}, pooled: {...}, whole, n, misses}``."""
    totals = {f: [0, 0, 0] for f in FIELDS + EXTRA}
    whole = strict = 0
    misses = []
    for ref in references:
        gold = gold_fields(ref.runs)
        pred = predicted_fields(parse(ref.text))
        counts = compare(gold, pred)
        for f, c in counts.items():
            for k in range(3):
                totals[f][k] += c[k]
        ok = all(gold[f] == pred[f] for f in FIELDS if gold[f])
        strict_ok = ok and all(gold[f] == pred[f] for f in FIELDS)
        whole += ok
        strict += strict_ok
        if not (ok and strict_ok) and len(misses) < keep_misses:
            misses.append({"source": ref.source, "text": ref.text,
                           "wrong": {f: (gold[f], pred[f]) for f in FIELDS if gold[f] != pred[f]}})
    n = len(references) or 1
    result = {"n": len(references), "whole": whole / n, "strict": strict / n,
              "fields": {f: _prf(*totals[f]) for f in FIELDS + EXTRA},
              "pooled": _prf(*(sum(totals[f][k] for f in FIELDS) for k in range(3))), "misses": misses}
    return result


def _prf(tp, fp, fn) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def format_table(name: str, result: dict) -> str:
    lines = [f"{name}: {result['n']} references", f"| field | P | R | F1 |", "|---|---|---|---|"]
    for f in FIELDS:
        s = result["fields"][f]
        lines.append(f"| {f} | {s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} |")
    s = result["pooled"]
    lines.append(f"| **pooled** | {s['p']:.3f} | {s['r']:.3f} | **{s['f1']:.3f}** |")
    s = result["fields"]["place"]
    lines.append(f"| (place, not pooled) | {s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} |")
    lines.append(f"whole references (every gold field right): {result['whole']:.1%}; "
                 f"and nothing spurious: {result['strict']:.1%}")
    return "\n".join(lines)
