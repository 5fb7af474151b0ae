"""AnyStyle's labelled references (``res/parser/*.xml``): read, mapped to our labels, deduplicated.

AnyStyle (BSD-2-Clause, Sylvester Keil) publishes the training and test data of its reference
parser as XML: one ``<sequence>`` per reference, its whitespace-separated tokens grouped in
runs tagged ``author``, ``title``, ``journal`` ... in reading order. Nothing of it is kept in
this repository: the files are read from a checkout (or a folder the Makefile extracts them
into) for training and scoring only.

The tags map to the labels of our sequence labeller (``LABELS``) as ``TAG_LABEL`` says:
``journal`` and ``container-title`` are one label (``container``: where the work appears);
``translator``, ``director`` and ``producer`` are contributors other than authors and editors
(``contributor``); ``medium``, ``source``, ``isbn`` and ``dataset`` are notes; everything else
keeps its name. The scorer (:mod:`.score`) decides which of them are scored fields.
"""

from __future__ import annotations

import collections
import difflib
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

TAG_LABEL = {
    "author": "author", "editor": "editor", "translator": "contributor", "director": "contributor",
    "producer": "contributor", "title": "title", "container-title": "container", "journal": "container",
    "collection-title": "collection", "date": "date", "publisher": "publisher", "location": "location",
    "volume": "volume", "pages": "pages", "edition": "edition", "genre": "genre", "note": "note",
    "medium": "note", "source": "note", "isbn": "note", "dataset": "note", "url": "url", "doi": "doi",
    "citation-number": "number",
}
LABELS = sorted(set(TAG_LABEL.values()))
SETS = ("core", "gold", "good", "ugly")  # bad.xml is AnyStyle's list of failures: not used


@dataclass
class Reference:
    """One labelled reference: ``runs`` of (AnyStyle tag, text) in order; ``text`` their join."""
    source: str  # "core.xml#17"
    runs: list

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.runs)

    def tokens(self) -> list[tuple[str, str]]:
        """(token, label) pairs: the text split at whitespace, each token with its run's label."""
        return [(tok, TAG_LABEL[tag]) for tag, text in self.runs for tok in text.split()]


def parse_xml(data: bytes | str, name: str) -> list[Reference]:
    """The references of one AnyStyle parser XML file (``name`` labels them in reports)."""
    root = ET.fromstring(data)
    out = []
    for k, seq in enumerate(root.iter("sequence"), start=1):
        runs = []
        for child in seq:
            text = " ".join((child.text or "").split())
            if not text:
                continue
            if child.tag not in TAG_LABEL:
                raise ValueError(f"{name}: sequence {k}: unknown tag <{child.tag}>")
            runs.append((child.tag, text))
        if runs:
            out.append(Reference(f"{name}#{k}", runs))
    return out


def read_set(source: str | Path, name: str, commit: str = "HEAD") -> list[Reference]:
    """``name`` ("core", "gold" ...) from ``source``: a folder holding ``name.xml``, or a git
    directory (a clone, bare or not, of AnyStyle's repository) read at ``commit``."""
    source = Path(source)
    plain = source / f"{name}.xml"
    if plain.exists():
        return parse_xml(plain.read_bytes(), f"{name}.xml")
    if (source / "HEAD").exists() or (source / ".git").exists():
        git_dir = source / ".git" if (source / ".git").exists() else source
        data = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:res/parser/{name}.xml"],
                              check=True, capture_output=True).stdout
        return parse_xml(data, f"{name}.xml")
    raise FileNotFoundError(f"{source}: neither {name}.xml nor a git directory of AnyStyle")


def git_commit(source: str | Path, commit: str = "HEAD") -> str | None:
    """The commit id of ``commit`` when ``source`` is a git directory, else None."""
    source = Path(source)
    git_dir = source / ".git" if (source / ".git").exists() else source
    if not (git_dir / "HEAD").exists():
        return None
    out = subprocess.run(["git", f"--git-dir={git_dir}", "rev-parse", commit], capture_output=True, text=True)
    return out.stdout.strip() or None


def fold_text(text: str) -> str:
    """Comparison key of a whole reference: accents, case and punctuation folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


NEAR = 0.8  # difflib ratio of folded texts from which two references count as one


def without(pool: list[Reference], held: list[Reference], near: float = NEAR):
    """``pool`` less every reference also in ``held`` (equal folded text, or a ratio of at
    least ``near``: the same work cited with another number, hyphenation or edition), and less
    repeats within ``pool`` itself (the first kept). Returns (kept, dropped as (ref, match))."""
    held_texts = [fold_text(r.text) for r in held]
    exact = set(held_texts)
    grams = collections.defaultdict(set)
    for i, t in enumerate(held_texts):
        words = t.split()
        for j in range(max(1, len(words) - 3)):
            grams[" ".join(words[j:j + 4])].add(i)
    kept, dropped, seen = [], [], set()
    for ref in pool:
        t = fold_text(ref.text)
        if t in seen:
            dropped.append((ref, "repeat"))
            continue
        seen.add(t)
        if t in exact:
            dropped.append((ref, "equal"))
            continue
        words = t.split()
        shared = collections.Counter(i for j in range(max(1, len(words) - 3))
                                     for i in grams.get(" ".join(words[j:j + 4]), ()))
        match = next((held_texts[i] for i, _ in shared.most_common(5)
                      if difflib.SequenceMatcher(None, t, held_texts[i]).ratio() >= near), None)
        if match:
            dropped.append((ref, "near"))
            continue
        kept.append(ref)
    return kept, dropped


def development_pool(source: str | Path, commit: str = "HEAD"):
    """good.xml and gold.xml less everything core.xml holds: (pool, dropped, core)."""
    core = read_set(source, "core", commit)
    pool = read_set(source, "gold", commit) + read_set(source, "good", commit)
    kept, dropped = without(pool, core)
    return kept, dropped, core


def split(pool: list[Reference], dev_share: int = 5):
    """A fixed train/dev split of the pool: every ``dev_share``-th reference in the order of a
    hash of its folded text goes to dev (stable across runs and machines)."""
    import hashlib

    train, dev = [], []
    for ref in pool:
        h = int(hashlib.sha1(fold_text(ref.text).encode()).hexdigest()[:8], 16)
        (dev if h % dev_share == 0 else train).append(ref)
    return train, dev
