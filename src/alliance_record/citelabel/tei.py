"""GROBID's labelled references (TEI ``<bibl>``): read as AnyStyle runs, for a second held-out score.

GROBID (Apache-2.0, Patrice Lopez) publishes the training and evaluation data of its citation
model as TEI (``grobid-trainer/resources/dataset/citation/{corpus,evaluation}/*.xml``): one
``<bibl>`` per reference, its text in reading order with some pieces tagged. Nothing of it is
kept in this repository: the files are read from a folder for scoring only.

Each ``<bibl>`` becomes a :class:`TeiReference`: ``text`` is its whole inner text (tagged or
not, ``<lb/>`` as a space, whitespace collapsed), ``runs`` are (AnyStyle tag, text) pairs in
reading order, so that :func:`.score.gold_fields` reads the gold as it reads AnyStyle's. Element
names are compared without namespace or case; an element or attribute value not listed below
(``orgName``, ``note``, ``idno`` other than a DOI, a misspelt tag ...) gives no run.

============================================== ===============================================
TEI                                            AnyStyle tag (scored as)
============================================== ===============================================
``author``                                     ``author`` (family names read from its text)
``editor``                                     ``editor`` (not scored)
``title level="a"``                            ``title``
``title level="m"``                            ``title`` when the ``<bibl>`` has no ``a`` title,
                                               else ``container-title``
``title level="j"``                            ``journal`` (container)
``title level="s"``                            ``container-title`` when the ``<bibl>`` has no
                                               ``j`` title and its ``m`` title is not the
                                               container, else ``collection-title`` (not scored)
``date``                                       ``date`` (the year: its first 1500–2099 number)
``publisher``                                  ``publisher``
``pubPlace``                                   ``location`` (place, not pooled)
``biblScope unit|type="volume|vol"``           ``volume``
``biblScope unit|type="page|pp|pages"``        ``pages``
``idno type="DOI"``                            ``doi``
``ptr type="web"``                             ``url`` (its text, else its ``target``)
============================================== ===============================================

The scorer keeps the first run of each tag, so the first ``j`` title is the container before
an ``m`` or ``s`` one. ``biblScope`` ``issue`` and ``chapter`` give no run (AnyStyle has no
issue field: it stays in the volume run there, whose first number is the volume).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

SCOPE_TAG = {"volume": "volume", "vol": "volume", "page": "pages", "pp": "pages", "pages": "pages"}
PLAIN_TAG = {"author": "author", "editor": "editor", "date": "date", "publisher": "publisher",
             "pubplace": "location"}


@dataclass
class TeiReference:
    """One labelled reference: as :class:`.anystyle.Reference`, with the text as written."""
    source: str  # "x.tei.xml#17"
    runs: list
    text: str


def _name(el) -> str:
    return el.tag.rsplit("}", 1)[-1].casefold() if isinstance(el.tag, str) else ""


def _inner(el) -> str:
    """The inner text of ``el``, ``<lb/>`` as a space (whitespace not yet collapsed)."""
    parts = [el.text or ""]
    for child in el:
        parts.append(" " if _name(child) == "lb" else _inner(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def bibl_runs(bibl) -> list[tuple[str, str]]:
    """The (AnyStyle tag, text) runs of one ``<bibl>`` element (the table of the module)."""
    children = list(bibl.iter())[1:]
    levels = {(el.get("level") or "").casefold() for el in children if _name(el) == "title"}
    m_is_container = "a" in levels
    s_is_container = "j" not in levels and not ("m" in levels and m_is_container)
    runs = []
    for el in children:
        name, text = _name(el), _squeeze(_inner(el))
        kind = (el.get("unit") or el.get("type") or "").casefold()
        if name == "title":
            level = (el.get("level") or "").casefold()
            tag = {"a": "title", "j": "journal",
                   "m": "container-title" if m_is_container else "title",
                   "s": "container-title" if s_is_container else "collection-title"}.get(level)
        elif name == "biblscope":
            tag = SCOPE_TAG.get(kind)
        elif name == "idno":
            tag = "doi" if kind == "doi" else None
        elif name == "ptr":
            tag = "url" if kind == "web" else None
            text = text or _squeeze(el.get("target") or "")
        else:
            tag = PLAIN_TAG.get(name)
        if tag and text:
            runs.append((tag, text))
    return runs


def parse_tei(data: bytes | str, name: str) -> tuple[list[TeiReference], list[tuple[str, str]]]:
    """The references of one TEI file, and the ``<bibl>`` elements skipped as (source, why):
    "no text" (an empty element) or "no field" (text, but nothing tagged that is read)."""
    root = ET.fromstring(data)
    out, skipped = [], []
    for k, bibl in enumerate((el for el in root.iter() if _name(el) == "bibl"), start=1):
        source, text = f"{name}#{k}", _squeeze(_inner(bibl))
        runs = bibl_runs(bibl)
        if not text or not runs:
            skipped.append((source, "no text" if not text else "no field"))
            continue
        out.append(TeiReference(source, runs, text))
    return out, skipped


def read_tei(path: str | Path) -> tuple[list[TeiReference], list[tuple[str, str]]]:
    """Every ``<bibl>`` of ``path``: one TEI file, or every ``*.xml`` file under a folder (in
    the order of their names). Returns (references, skipped) as :func:`parse_tei`."""
    path = Path(path)
    files = sorted(p for p in path.rglob("*.xml") if p.is_file()) if path.is_dir() else [path]
    refs, skipped = [], []
    for f in files:
        try:
            r, s = parse_tei(f.read_bytes(), f.name)
        except ET.ParseError as exc:
            raise ValueError(f"{f}: not XML ({exc})") from exc
        refs += r
        skipped += s
    return refs, skipped


def unseen(refs: list[TeiReference], anystyle_source: str | Path, commit: str = "HEAD"):
    """``refs`` less every reference one of AnyStyle's files (core, gold, good, ugly) holds,
    equal or near (:func:`.anystyle.without`: the model was trained on some of them and scored
    on others; GROBID's corpus shares references with them), and less repeats within ``refs``.
    Returns (kept, dropped as (ref, why)) as :func:`.anystyle.without`."""
    from . import anystyle

    held = [r for name in anystyle.SETS for r in anystyle.read_set(anystyle_source, name, commit)]
    return anystyle.without(refs, held)
