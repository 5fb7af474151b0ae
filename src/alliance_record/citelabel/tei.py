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

For training (:func:`labelled_tokens`), every token of a ``<bibl>`` gets one of the labeller's
labels (:data:`.anystyle.LABELS`): the runs above as :data:`.anystyle.TAG_LABEL` maps them, and
besides them ``biblScope`` ``issue`` and ``chapter`` (AnyStyle keeps the issue in the volume run)
as ``volume``, ``orgName`` (an institution, a collaboration) as ``author`` when it comes before any
title and ``publisher`` after one, ``note type="report"`` as ``genre``, other ``note`` and ``idno``
(arXiv, PMID, ISSN, report numbers) as ``note``, the ``s`` title that is no container as
``collection``. A token takes the label of most of its tagged characters; an untagged one (GROBID
leaves the punctuation and words between the pieces untagged) the label of the next tagged
token when it starts with a letter ("pp.", "In", "vol."), else of the one before (")," after a
date), and ``number`` before the first tagged token ("[12]").

The scorer keeps the first run of each tag, so the first ``j`` title is the container before
an ``m`` or ``s`` one. ``biblScope`` ``issue`` and ``chapter`` give no run (AnyStyle has no
issue field: it stays in the volume run there, whose first number is the volume).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..citations import normalise_space

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


def bibl_runs(bibl) -> list[tuple[str, str]]:
    """The (AnyStyle tag, text) runs of one ``<bibl>`` element (the table of the module)."""
    children = list(bibl.iter())[1:]
    levels = {(el.get("level") or "").casefold() for el in children if _name(el) == "title"}
    m_is_container = "a" in levels
    s_is_container = "j" not in levels and not ("m" in levels and m_is_container)
    runs = []
    for el in children:
        name, text = _name(el), normalise_space(_inner(el))
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
            text = text or normalise_space(el.get("target") or "")
        else:
            tag = PLAIN_TAG.get(name)
        if tag and text:
            runs.append((tag, text))
    return runs


def _training_tag(el, name: str, kind: str, levels: set, titled: bool) -> str | None:
    """The labeller's label of one element for training (the module's text), or None."""
    from .anystyle import TAG_LABEL

    if name == "biblscope":
        return "pages" if SCOPE_TAG.get(kind) == "pages" else "volume"
    if name == "orgname":
        return "publisher" if titled else "author"
    if name == "note":
        return "genre" if kind == "report" else "note"
    if name == "idno":
        return "doi" if kind == "doi" else "note"
    if name == "ptr":
        return "url"
    if name == "title":
        level = (el.get("level") or el.get("leve") or el.get("type") or "").casefold()
        m_is_container = "a" in levels
        s_is_container = "j" not in levels and not ("m" in levels and m_is_container)
        tag = {"a": "title", "j": "journal", "m": "container-title" if m_is_container else "title",
               "s": "container-title" if s_is_container else "collection-title"}.get(level, "title")
        return TAG_LABEL[tag]
    tag = PLAIN_TAG.get(name)
    return TAG_LABEL[tag] if tag else None


def labelled_tokens(bibl) -> list[tuple[str, str]]:
    """(token, label) pairs of one ``<bibl>`` for training: its whole inner text split at
    whitespace (as :attr:`TeiReference.text`), each token labelled as the module's text says."""
    levels = {(el.get("level") or "").casefold() for el in bibl.iter() if _name(el) == "title"}
    chars: list[tuple[str, str | None]] = []
    state = {"titled": False}

    def walk(el, label):
        def add(text, lab):
            chars.extend((ch, lab) for ch in text)
        add(el.text or "", label)
        for child in el:
            name = _name(child)
            if name == "lb":
                add(" ", None)
            else:
                kind = (child.get("unit") or child.get("type") or "").casefold()
                own = _training_tag(child, name, kind, levels, state["titled"])
                if name == "title":
                    state["titled"] = True
                walk(child, own or label)
            add(child.tail or "", label)

    walk(bibl, None)
    tokens, labs, current = [], [], []
    for ch, lab in chars + [(" ", None)]:
        if ch.isspace():
            if current:
                tokens.append("".join(c for c, _ in current))
                counts: dict = {}
                for _, l in current:
                    if l:
                        counts[l] = counts.get(l, 0) + 1
                labs.append(max(counts, key=counts.get) if counts else None)
                current = []
        else:
            current.append((ch, lab))
    out = list(labs)
    for i, lab in enumerate(labs):
        if lab:
            continue
        after = next((l for l in labs[i + 1:] if l), None)
        before = next((l for l in reversed(out[:i]) if l), None)
        if before is None:
            out[i] = "number" if after else "note"
        elif tokens[i][0].isalpha() and after:
            out[i] = after
        else:
            out[i] = before
    return list(zip(tokens, out))


def training_references(path: str | Path) -> list:
    """Every ``<bibl>`` under ``path`` with text and a field, as :class:`.anystyle.Reference`-like
    objects whose ``tokens()`` are :func:`labelled_tokens` (for :mod:`.train`) and whose ``text``
    is that of :func:`read_tei` (so that :func:`.anystyle.without` compares them)."""
    path = Path(path)
    files = sorted(p for p in path.rglob("*.xml") if p.is_file()) if path.is_dir() else [path]
    out = []
    for f in files:
        root = ET.fromstring(f.read_bytes())
        for k, bibl in enumerate((el for el in root.iter() if _name(el) == "bibl"), start=1):
            text = normalise_space(_inner(bibl))
            runs = bibl_runs(bibl)
            if text and runs:
                out.append(TrainingReference(f"{f.name}#{k}", runs, text, labelled_tokens(bibl)))
    return out


@dataclass
class TrainingReference(TeiReference):
    pairs: list = None

    def tokens(self) -> list[tuple[str, str]]:
        return self.pairs


def parse_tei(data: bytes | str, name: str) -> tuple[list[TeiReference], list[tuple[str, str]]]:
    """The references of one TEI file, and the ``<bibl>`` elements skipped as (source, why):
    "no text" (an empty element) or "no field" (text, but nothing tagged that is read)."""
    root = ET.fromstring(data)
    out, skipped = [], []
    for k, bibl in enumerate((el for el in root.iter() if _name(el) == "bibl"), start=1):
        source, text = f"{name}#{k}", normalise_space(_inner(bibl))
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
