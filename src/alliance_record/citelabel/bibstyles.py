"""References typeset from a BibTeX file in several styles: the BibTeX fields are the gold.

A fourth held-out set (issue 18): the data of Atanassova and Bertin's comparison of citation
parsers (BIR 2024, ``iana-atanassova/citation-parsers-bir2024`` on GitHub): a BibTeX file of
100 Web of Science records (``input/dummy-latex-paper/*.zip``: ``100-alpha2.bib``) and the
reference list LaTeX/biblatex made of them in twelve styles (``input/txt-input/<style>.txt``: APA,
MLA, IEEE, Chicago author-date, Nature, Science, ACS, physics, numeric, alphabetic,
author-title, author-year), one reference a line. Nothing of the data is kept in this
repository: the files are read from a folder for scoring only.

Each line is matched to its BibTeX entry (:func:`match_entry`: the entry whose year, DOI,
pages, volume, first author, title and container the line shows best; a line no entry fits
well is left out), and becomes a :class:`.tei.TeiReference` whose ``runs`` hold the entry's
fields as :func:`.score.gold_fields` reads AnyStyle's runs, each only when the line shows it (a
style that leaves out the title, the DOI or the authors after the first has no gold for them):

=============================== ==================================================
BibTeX                          AnyStyle tag (scored as)
=============================== ==================================================
``author`` (each name)          ``family``: the part before the first comma
                                ("Klimo, Jr., Paul" -> Klimo), else the last word
``title``                       ``title``
``journal``, else ``booktitle`` ``container-title``
``year``                        ``date``
``publisher``                   ``publisher``
``volume``                      ``volume``
``pages``                       ``pages``
``doi``                         ``doi``
``url``                         ``url``
=============================== ==================================================

"Shows" is decided on folded text (:func:`.score.fold`): a family name, title, container or
publisher when its folded form is in the folded line; a year, volume or first page when the
number stands alone in the line; a DOI when it is in the line without case.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..citations import normalise_space
from .score import fold, pages_value
from .tei import TeiReference

ENTRY = re.compile(r"@(\w+)\s*\{\s*([^,\s]+)\s*,", re.S)
FIELD_START = re.compile(r"\s*([\w-]+)\s*=\s*")
LATEX_ACCENT = re.compile(r"\\[`'^\"~=.uvHtcdbrk]\s*\{?\s*(\w)\}?")
LATEX_COMMAND = re.compile(r"\\([a-zA-Z]+)\s*")


def _value(text: str, i: int) -> tuple[str, int]:
    """The value that starts at ``text[i]`` (braced, quoted or bare) and the index after it."""
    if text[i] in "{\"":
        close = "}" if text[i] == "{" else "\""
        depth, j = 0, i
        while j < len(text):
            ch = text[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if (close == "}" and depth == 0) or (close == "\"" and ch == "\"" and j > i and depth == 0):
                return text[i + 1:j], j + 1
            j += 1
        return text[i + 1:], len(text)
    m = re.match(r"[^,}\s]*", text[i:])
    return m.group(0), i + m.end()


def delatex(text: str) -> str:
    """Plain text of a BibTeX value: accents, escapes, commands and braces gone."""
    text = LATEX_ACCENT.sub(r"\1", text)
    text = re.sub(r"\\([&%$#_{}])", r"\1", text)
    text = LATEX_COMMAND.sub("", text)
    return normalise_space(text.replace("{", "").replace("}", "").replace("~", " "))


def read_bib(text: str) -> list[dict]:
    """The entries of a BibTeX file: ``{"type", "key", field: plain text ...}`` (``@comment``,
    ``@string`` and ``@preamble`` skipped)."""
    entries = []
    for m in ENTRY.finditer(text):
        kind = m.group(1).casefold()
        if kind in {"comment", "string", "preamble"}:
            continue
        entry, i = {"type": kind, "key": m.group(2)}, m.end()
        while i < len(text):
            f = FIELD_START.match(text, i)
            if not f:
                break
            value, i = _value(text, f.end())
            entry[f.group(1).casefold()] = delatex(value)
            while i < len(text) and text[i] in " \t\r\n,":
                i += 1
            if i < len(text) and text[i] == "}":
                break
        entries.append(entry)
    return entries


def family_names(authors: str) -> list[str]:
    """Family names of a BibTeX ``author`` value ("Klimo, Jr., Paul and Taylor, Douglas R.")."""
    out = []
    for name in re.split(r"\s+and\s+", authors or ""):
        name = name.strip()
        if not name or name.casefold() == "others":
            continue
        out.append(name.split(",")[0].strip() if "," in name else name.split()[-1])
    return out


def _number_in(number: str, line: str) -> bool:
    return bool(number) and re.search(rf"(?<![\w.]){re.escape(number)}(?![\w])", line) is not None


def _shows(value: str | None, folded_line: str) -> bool:
    v = fold(value)
    return bool(v) and f" {v} " in f" {folded_line} "


def evidence(entry: dict, line: str) -> int:
    """How well ``line`` shows ``entry``: a DOI 8, title 4, first family name 3, container 2,
    year, first page and volume 1 each."""
    folded = fold(line)
    families = family_names(entry.get("author", ""))
    first_page = pages_value(entry.get("pages")).split("-")[0]
    return (8 * bool(entry.get("doi") and entry["doi"].casefold() in line.casefold())
            + 4 * _shows(entry.get("title"), folded)
            + 3 * bool(families and _shows(families[0], folded))
            + 2 * _shows(entry.get("journal") or entry.get("booktitle"), folded)
            + _number_in(entry.get("year", ""), line) + _number_in(first_page, line)
            + _number_in(entry.get("volume", ""), line))


def _whole_other(entry: dict, line: str) -> bool:
    """Whether ``line`` shows ``entry``'s first family name, year and title all three."""
    folded = fold(line)
    families = family_names(entry.get("author", ""))
    return bool(families) and _shows(families[0], folded) and _shows(entry.get("title"), folded) \
        and _number_in(entry.get("year", ""), line)


def match_entry(entries: list[dict], line: str, least: int = 6) -> tuple[dict | None, str]:
    """(the entry ``line`` shows best, "") when it shows it by at least ``least`` and better than
    any other entry; else (None, why): "no entry", "tie", or "two references" when the line also
    shows another entry's first family name, year and title (two references run together)."""
    scored = sorted(((evidence(e, line), k) for k, e in enumerate(entries)), reverse=True)
    if not scored or scored[0][0] < least:
        return None, "no entry"
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None, "tie"
    best = entries[scored[0][1]]
    if any(_whole_other(entries[k], line) for _, k in scored[1:4]
           if family_names(entries[k].get("author", ""))[:1] != family_names(best.get("author", ""))[:1]):
        return None, "two references"
    return best, ""


def gold_runs(entry: dict, line: str) -> list[tuple[str, str]]:
    """The (AnyStyle tag, text) runs of ``entry`` that ``line`` shows (the module's table)."""
    folded = fold(line)
    runs = [("family", f) for f in family_names(entry.get("author", "")) if _shows(f, folded)]
    for tag, value in (("title", entry.get("title")),
                       ("container-title", entry.get("journal") or entry.get("booktitle")),
                       ("publisher", entry.get("publisher"))):
        if _shows(value, folded):
            runs.append((tag, value))
    if _number_in(entry.get("year", ""), line):
        runs.append(("date", entry["year"]))
    if _number_in(entry.get("volume", ""), line):
        runs.append(("volume", entry["volume"]))
    pages = pages_value(entry.get("pages"))
    if pages and _number_in(pages.split("-")[0], line):
        runs.append(("pages", entry["pages"]))
    if entry.get("doi") and entry["doi"].casefold() in line.casefold():
        runs.append(("doi", entry["doi"]))
    if entry.get("url") and entry["url"].casefold() in line.casefold():
        runs.append(("url", entry["url"]))
    return runs


def read_styles(path: str | Path) -> tuple[list[TeiReference], list[tuple[str, str]]]:
    """Every line of the ``*.txt`` style files under ``path`` (a folder holding them and one
    ``*.bib`` file, at any depth), matched to its entry. Returns (references, skipped as
    (source, why) as :func:`match_entry` says)."""
    path = Path(path)
    bibs = sorted(path.rglob("*.bib"))
    if len(bibs) != 1:
        raise FileNotFoundError(f"{path}: {len(bibs)} .bib files; one is needed")
    entries = read_bib(bibs[0].read_text(encoding="utf-8", errors="replace"))
    refs, skipped = [], []
    for f in sorted(p for p in path.rglob("*.txt") if p.is_file()):
        for k, line in enumerate(f.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            text = normalise_space(line)
            if not text:
                continue
            source = f"{f.stem}#{k}"
            entry, why = match_entry(entries, text)
            if entry is None:
                skipped.append((source, why))
                continue
            refs.append(TeiReference(source, gold_runs(entry, text), text))
    return refs, skipped
