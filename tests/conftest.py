"""Shared fixtures: the real seeds built once, and small corpora written for a test."""

from __future__ import annotations

import shutil
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


def copy_seeds(dest: Path) -> Path:
    shutil.copytree(SEEDS, dest)
    return dest
