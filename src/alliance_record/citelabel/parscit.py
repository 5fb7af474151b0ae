"""ParsCit's tagged references (Cora-style tags, one reference a line): read as AnyStyle runs; a held-out set.

ParsCit (``knmnyn/ParsCit`` on GitHub, LGPL) ships, besides Cora's 500 references (which
AnyStyle's ``core.xml`` holds: useless here), references of other fields tagged the same way in
``crfpp/taggeddata/*.tagged.txt``: FLUX-CiM's computer-science set, ICONIP papers, and three
humanities sets (English, Italian, mixed). Each line is one reference, its pieces wrapped in
tags (``<author> … </author> <title> … </title> <booktitle> … </booktitle> <date> … </date>``);
text between tags and tags not listed below (``<br>``, ``<note>``, ``<tech>``) give no run.
Nothing of the data is kept in this repository: the files are read from a folder for scoring.

Each line becomes a :class:`.tei.TeiReference`: ``text`` is the line without its tags
(whitespace collapsed), ``runs`` are (AnyStyle tag, text) pairs in reading order, so that
:func:`.score.gold_fields` reads the gold as it reads AnyStyle's:

======================== ============================================================
ParsCit                  AnyStyle tag (scored as)
======================== ============================================================
``author``               ``author`` (the list: family names read by the scorer)
``editor``               ``editor`` (not scored)
``title``                ``title``
``journal``              ``journal`` (container)
``booktitle``            ``container-title`` (the proceedings or book a paper is in)
``date``                 ``date``
``publisher``            ``publisher``
``institution``          ``publisher`` (a report's issuer: CSL's publisher)
``location``             ``location`` (place, not pooled)
``volume``               ``volume``
``pages``                ``pages``
======================== ============================================================

The tags were chosen before any score was read (the set is held out).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ..citations import normalise_space
from .excite import read_tagged_lines
from .tei import TeiReference

RUN_TAG = {"author": "author", "editor": "editor", "title": "title", "journal": "journal",
           "booktitle": "container-title", "date": "date", "publisher": "publisher",
           "institution": "publisher", "location": "location", "volume": "volume", "pages": "pages"}
ELEMENT = re.compile(r"<([a-z]+)>(.*?)</\1>", re.S)
TAG = re.compile(r"</?[a-z]+>")


def line_runs(line: str) -> list[tuple[str, str]]:
    """The (AnyStyle tag, text) runs of one tagged line (the table of the module)."""
    runs = []
    for m in ELEMENT.finditer(line):
        text = normalise_space(TAG.sub(" ", m.group(2)))
        if m.group(1) in RUN_TAG and text:
            runs.append((RUN_TAG[m.group(1)], text))
    return runs


def read_parscit(path: str | Path) -> tuple[list[TeiReference], list[tuple[str, str]]]:
    """Every line of ``path``: one file, or every ``*.tagged.txt`` file under a folder
    (:func:`.excite.read_tagged_lines`, a line's text with its tags as spaces)."""
    return read_tagged_lines(path, "*.tagged.txt", lambda line: normalise_space(TAG.sub(" ", line)), line_runs)


def read_heldout(path: str | Path) -> tuple[list, list[tuple[str, str]]]:
    """A held-out set of labelled references in the formats read here: ParsCit's tagged lines
    (``*.tagged.txt``, :func:`read_parscit`), AnyStyle's parser XML (``<dataset><sequence>``,
    :func:`.anystyle.parse_xml`) and GROBID's TEI (``<bibl>``, :func:`.tei.parse_tei`); a file,
    or every such file under a folder (in the order of their paths). An XML file is read as
    AnyStyle's when it has a ``<sequence>``, else as TEI."""
    from .anystyle import parse_xml
    from .tei import parse_tei

    path = Path(path)
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    refs, skipped = [], []
    for f in files:
        if f.name.endswith(".tagged.txt"):
            more, also = read_parscit(f)
        elif f.suffix == ".xml":
            data = f.read_bytes()
            try:
                more, also = (parse_xml(data, f.name), []) if b"<sequence" in data else parse_tei(data, f.name)
            except ET.ParseError as exc:
                raise ValueError(f"{f}: not XML ({exc})") from exc
        else:
            continue
        refs, skipped = refs + more, skipped + also
    return refs, skipped
