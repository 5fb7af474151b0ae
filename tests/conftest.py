"""Shared fixtures: the real seeds built once, and small corpora written for a test."""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from alliance_record import pipeline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
METADATA = ROOT / "metadata.yml"
# Seed text, catalogue, registries and annotations full of <script>, <img onerror>, <svg onload>
# and javascript: URLs, in every place that reaches a page (see its catalog.yml).
XSS_CORPUS = ROOT / "tests" / "fixtures" / "xss_corpus"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """The real seeds, built once per test session."""
    out = tmp_path_factory.mktemp("seeds-build") / "alliance.db"
    pipeline.build(SEEDS, out)
    return out


@pytest.fixture(scope="session")
def xss_db(tmp_path_factory) -> Path:
    """The escaping corpus (XSS_CORPUS), built once per test session."""
    out = tmp_path_factory.mktemp("xss-build") / "alliance.db"
    pipeline.build(XSS_CORPUS, out)
    return out


def catalog_entry(stem: str, **overrides) -> dict:
    entry = {
        "file": f"{stem}.txt", "id": stem.replace("_", "-").lower(), "title": f"Title of {stem}",
        "publisher": "Test Publisher", "authors": [], "kind": "news", "published": "2025-03-30",
        "published_precision": "day", "published_basis": "written for the test", "language": "en",
    }
    entry.update(overrides)
    return entry


def write_corpus(folder: Path, docs: dict, entries: list | None = None, **files) -> Path:
    """Write seed texts (``stem -> text or bytes``), a catalog, and any extra YAML files."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem, body in docs.items():
        path = folder / f"{stem}.txt"
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    if entries is None:
        entries = [catalog_entry(stem) for stem in docs]
    (folder / "catalog.yml").write_text(yaml.safe_dump({"documents": entries}, sort_keys=False),
                                        encoding="utf-8")
    for name, content in files.items():  # a name may include a folder: "annotations/doc_a.yml"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return folder


def one_document(folder: Path, stem: str, text: str, published: str, **files) -> Path:
    """A seeds folder of one document ``stem`` published on ``published``, with empty registries
    and any extra YAML files (``"annotations/<stem>.yml": ...``)."""
    return write_corpus(folder, {stem: text}, [catalog_entry(stem, published=published)],
                        **{"actors.yml": "actors: []\n", "places.yml": "places: []\n", **files})


def built_with_event(tmp_path: Path, stem: str, text: str, published: str, event: dict):
    """One document (:func:`one_document`) annotated with one ``event`` (a dict as the annotation
    YAML writes it), built; a connection to its database."""
    import sqlite3

    seeds = one_document(tmp_path / "s", stem, text, published,
                         **{f"annotations/{stem}.yml": yaml.safe_dump({"events": [event]}, sort_keys=False)})
    pipeline.build(seeds, tmp_path / f"{stem}.db")
    return sqlite3.connect(tmp_path / f"{stem}.db")


def copy_seeds(dest: Path) -> Path:
    shutil.copytree(SEEDS, dest)
    return dest


class CharactersRead:
    """How many characters code reads, counted without a clock (speed is measured in the
    benchmarks, never in a test): :meth:`pattern` wraps a module's compiled pattern, whose
    ``search``, ``match`` and ``finditer`` count the characters from where each starts to where it
    stops (the end of its match, else the end of what it may read); :meth:`function` wraps a
    module's function of a text, which counts the length of the text (or list) it is handed."""

    def __init__(self, monkeypatch):
        self.count = 0
        self._monkeypatch = monkeypatch

    def pattern(self, module, name: str) -> None:
        self._monkeypatch.setattr(module, name, _CountedPattern(getattr(module, name), self))

    def function(self, module, name: str) -> None:
        inner = getattr(module, name)

        def counted(first, *args, **kwargs):
            self.count += len(first)
            return inner(first, *args, **kwargs)
        self._monkeypatch.setattr(module, name, counted)


class _CountedPattern:
    def __init__(self, pattern, tally: CharactersRead):
        self._pattern, self._tally = pattern, tally

    def _read(self, string, pos, endpos, m) -> None:
        self._tally.count += (m.end() if m else min(endpos, len(string))) - pos

    def search(self, string, pos=0, endpos=sys.maxsize):
        m = self._pattern.search(string, pos, endpos)
        self._read(string, pos, endpos, m)
        return m

    def match(self, string, pos=0, endpos=sys.maxsize):
        m = self._pattern.match(string, pos, endpos)
        self._read(string, pos, endpos, m)
        return m

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        at = pos
        for m in self._pattern.finditer(string, pos, endpos):
            self._read(string, at, endpos, m)
            at = m.end()
            yield m
        self._read(string, at, endpos, None)

    def __getattr__(self, name):
        return getattr(self._pattern, name)


def grows_in_proportion(work, size: int, factor: int = 4) -> tuple[int, int]:
    """``(work(size), work(factor * size))``, asserting the second is at most half as much again as
    ``factor`` times the first: work done in proportion to the input grows by about ``factor``, work
    done again at every position (the whole rest read at each one) by about ``factor`` squared."""
    small, large = work(size), work(factor * size)
    assert small > 0, "nothing was counted: the counter wraps nothing the code calls"
    assert 2 * large <= 3 * factor * small, \
        f"{large} counted at {factor * size} against {small} at {size}: more than in proportion to the input"
    return small, large
