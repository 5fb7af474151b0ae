"""The EXCITE project's segmented references (SSOAR papers): read as AnyStyle runs, a third held-out set.

The EXCITE gold standard (``exciteproject/EXgoldstandard`` on GitHub, ``Goldstandard_EXparser``)
holds the reference strings of social-science papers from the SSOAR repository, one reference a
line, each with its pieces marked by tags (``<author><surname>…</surname> <given-names>…
</given-names></author>``, ``<year>``, ``<title>``, ``<source>``, ``<volume>``, ``<fpage>``…);
the folder ``5-References_segmented_by_EXRefSegmentation`` of each group of papers. The lines
are not well-formed XML (a bare "&" is common), so they are read with a pattern: an opening tag,
its text, its closing tag. Nothing of the data is kept in this repository: the files are read
from a folder for scoring only.

Each non-empty line becomes a :class:`.tei.TeiReference`: ``text`` is the line without its tags
(whitespace collapsed), ``runs`` are (AnyStyle tag, text) pairs in reading order, so that
:func:`.score.gold_fields` reads the gold as it reads AnyStyle's:

============================ ==========================================================
EXCITE                       AnyStyle tag (scored as)
============================ ==========================================================
``author``                   ``family`` (the scorer's family name, as marked) from its
                             ``surname``; an ``author`` with given names only (a name
                             the annotator cut in two) gives none; one without
                             ``surname`` or ``given-names`` (an institution) is an
                             ``author`` run of its text, read as AnyStyle's are
``editor``                   ``editor`` (not scored)
``title``                    ``title``
``source``                   ``container-title`` (a journal, a book a chapter is in)
``year``                     ``date``
``publisher``                ``publisher``
``volume``                   ``volume``
``fpage`` and ``lpage``      ``pages``: "fpage-lpage", or the first page alone
``url``                      ``url``
``identifier``               ``doi`` when it holds a ``10.…/…`` DOI
``other``, ``issue``, ``ref`` no run (places, genres, notes; AnyStyle has no issue field)
============================ ==========================================================
"""

from __future__ import annotations

import re
from pathlib import Path

from ..citations import normalise_space
from .tei import TeiReference

ELEMENT = re.compile(r"<(author|editor|title|source|year|publisher|volume|fpage|lpage|url|identifier|"
                     r"other|issue|ref)>(.*?)</\1>", re.S)
TAG = re.compile(r"</?[a-z][a-z-]*>")
PART = re.compile(r"<(surname|given-names)>(.*?)</\1>", re.S)
PLAIN = {"editor": "editor", "title": "title", "source": "container-title", "year": "date",
         "publisher": "publisher", "volume": "volume", "url": "url"}


def _author(inner: str) -> tuple[str, str] | None:
    parts = {name: normalise_space(text).strip(" ,;") for name, text in PART.findall(inner)}
    if parts.get("surname"):
        return "family", parts["surname"]
    if parts:
        return None
    text = normalise_space(TAG.sub(" ", inner)).strip(" ,;")
    return ("author", text) if text else None


def line_runs(line: str) -> list[tuple[str, str]]:
    """The (AnyStyle tag, text) runs of one tagged line (the table of the module)."""
    runs: list[tuple[str, str]] = []
    first_page = None
    for m in ELEMENT.finditer(line):
        name, inner = m.group(1), m.group(2)
        if name == "author":
            run = _author(inner)
            if run:
                runs.append(run)
            continue
        text = normalise_space(TAG.sub(" ", inner))
        if not text:
            continue
        if name in PLAIN:
            runs.append((PLAIN[name], text))
        elif name == "identifier" and re.search(r"10\.\d{4,9}/", text):
            runs.append(("doi", text))
        elif name == "fpage":
            first_page = len(runs)
            runs.append(("pages", text))
        elif name == "lpage" and first_page is not None and "-" not in runs[first_page][1]:
            runs[first_page] = ("pages", f"{runs[first_page][1]}-{text}")
    return runs


def read_tagged_lines(path: str | Path, pattern: str, text_of, runs_of) -> tuple[list[TeiReference], list[tuple[str, str]]]:
    """Every line of ``path`` (one file, or every file matching ``pattern`` under a folder, in
    the order of their paths) as a reference: ``text_of(line)`` its text, ``runs_of(line)`` its
    runs. Returns (references, skipped as (source, why)): "no field" for a line with text but
    no run; empty lines are passed over."""
    path = Path(path)
    files = sorted(p for p in path.rglob(pattern) if p.is_file()) if path.is_dir() else [path]
    refs, skipped = [], []
    for f in files:
        for k, line in enumerate(f.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            text = text_of(line)
            if not text:
                continue
            source = f"{f.name}#{k}"
            runs = runs_of(line)
            if not runs:
                skipped.append((source, "no field"))
                continue
            refs.append(TeiReference(source, runs, text))
    return refs, skipped


def read_excite(path: str | Path) -> tuple[list[TeiReference], list[tuple[str, str]]]:
    """Every line of ``path``: one file, or every ``*.xml`` file under a folder
    (:func:`read_tagged_lines`, a line's text without its tags)."""
    return read_tagged_lines(path, "*.xml", lambda line: normalise_space(TAG.sub("", line)), line_runs)
