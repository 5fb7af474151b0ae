"""Add a document: from a web page, a PDF or a text file to a seed with drafted curation.

``alliance-record add SOURCE`` is how the dataset grows. It

1. extracts the text and the source's own metadata (:mod:`.acquire`);
2. writes ``seeds/<NNN>_<hash>.txt`` (the next number; the first 16 hex digits of the text's
   SHA-256, as the seeds are named);
3. drafts the catalogue entry — title, publisher, authors, kind, the publication date with its
   precision and a ``published_basis`` saying where it was read — and appends it to
   ``catalog.yml``;
4. drafts the annotation file (:mod:`.suggest`) and registry entries for names no registry
   holds;
5. runs every check of ``validate``;

and reports what needs review. Every drafted entry says ``reviewed: false``, which the build
carries into its rows. If anything fails, every file written is taken back: the seeds folder is
as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import acquire as acquire_mod
from . import dates
from .errors import InputError, InputErrors

OPINION_URL = re.compile(r"(?i)/(opinion|opinions|op-?ed|commentary|column|editorial)s?/")
ANALYSIS_URL = re.compile(r"(?i)/(analysis|insights?|research|reports?|publications?|blog)/")


@dataclass
class Added:
    """What ``add`` wrote and what a person should now review."""

    stem: str
    doc_id: str
    files: list = field(default_factory=list)        # paths written or changed
    entry: dict = field(default_factory=dict)        # the drafted catalogue entry
    basis: dict = field(default_factory=dict)        # where each catalogue value came from
    counts: dict = field(default_factory=dict)       # drafted entries by kind
    review: list = field(default_factory=list)       # lines of the review list
    words: int = 0
    unplaced: list = field(default_factory=list)     # place names with no coordinates to draft


def slug(text: str, limit: int = 7) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:limit]) or "document"


def next_stem(seeds_dir: Path, text: str) -> str:
    """``NNN_<16 hex digits>``: one more than the highest number of the seeds already there."""
    numbers = [int(m.group(1)) for p in Path(seeds_dir).glob("*.txt") if (m := re.match(r"^(\d+)_", p.name))]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{max(numbers, default=-1) + 1:03d}_{digest}"


def _unique(base: str, taken: set) -> str:
    value, n = base, 2
    while value in taken:
        value, n = f"{base}-{n}", n + 1
    return value


def guess_kind(result: acquire_mod.Acquired) -> tuple[str, str]:
    url = result.meta.get("url") or ""
    if OPINION_URL.search(url):
        return "opinion", "the URL's path names an opinion section"
    if result.kind == "pdf":
        return "report", "a PDF file"
    if ANALYSIS_URL.search(url):
        return "analysis", "the URL's path names an analysis section"
    return "news", "the default for a web page (check it)"


def draft_publication(result: acquire_mod.Acquired, today: dt.date) -> dict:
    """``published`` with its precision, window and basis, as honestly as the source allows.

    A date the source states about itself (page metadata, a date in the URL) is taken as given.
    Otherwise the text's own latest explicit date is a lower bound and the day the file was made
    (a PDF's CreationDate) or read is an upper bound: ``published`` is then written only as
    precisely as both bounds agree (the year, or the month).
    """
    stated = result.meta.get("date")
    if stated:
        return {"published": stated, "published_precision": dates.precision_of(stated),
                "published_basis": f"From {result.basis['date']}, read by `alliance-record add` on {today}."}
    upper = result.meta.get("created") or today.isoformat()
    upper_why = (f"the PDF was made on {upper}" if result.meta.get("created")
                 else f"it was read on {upper}")
    latest = None
    for m in dates.find_dates(result.text):
        resolved = dates.resolve(m)
        if resolved is None or resolved.basis != "explicit" or not resolved.date_end:
            continue
        if resolved.date_end <= upper and (latest is None or resolved.date_end > latest[0]):
            latest = (resolved.date_end, m.phrase)
    if latest is None:
        year = upper[:4]
        return {"published": year, "published_precision": "year", "published_latest": _full(upper, end=True),
                "published_basis": f"Undated: the text gives no date; {upper_why} (a guess: check it)."}
    lower, phrase = latest
    lo, hi = _full(lower, end=False), _full(upper, end=True)
    if lo[:7] == hi[:7]:
        published, precision = lo[:7], "month"
    elif lo[:4] == hi[:4]:
        published, precision = lo[:4], "year"
    else:
        published, precision = lo[:4], "year"  # the year of the text's latest date: a guess to check
    entry = {"published": published, "published_precision": precision,
             "published_basis": f"Undated: the latest date the text gives is {phrase!r} ({lower}), and "
                                f"{upper_why}" + ("." if lo[:4] == hi[:4] else
                                                   f"; {published} is the year of that date, a guess to check.")}
    if lo[:4] == hi[:4]:
        entry["published_earliest"], entry["published_latest"] = lo, hi
    return entry


def _full(value: str, end: bool) -> str:
    """An ISO prefix as the first (or last) day it covers."""
    _iso, first, last = dates.parse_iso(value)
    return (last if end else first).isoformat()


def draft_entry(result: acquire_mod.Acquired, stem: str, taken_ids: set, today: dt.date) -> tuple[dict, dict]:
    """The catalogue entry for an acquired source, and where each value came from."""
    meta, basis = result.meta, dict(result.basis)
    title = meta.get("title") or next((ln.strip() for ln in result.text.split("\n") if ln.strip()), stem)
    host = re.sub(r"^www\.", "", acquire_mod.urllib.parse.urlsplit(meta.get("url") or "").hostname or "")
    publisher = meta.get("publisher") or host or "Unknown publisher"
    if not meta.get("publisher"):
        basis["publisher"] = f"the URL's host ({host})" if host else "not in the source: fill it in"
    kind, basis["kind"] = guess_kind(result)
    entry = {
        "file": f"{stem}.txt", "id": _unique(slug(title), taken_ids), "title": title,
        "publisher": publisher, "authors": list(meta.get("authors") or []), "kind": kind,
        **draft_publication(result, today),
        "language": meta.get("language") or "en",
    }
    if not meta.get("language"):
        basis["language"] = "assumed (the source does not say)"
    if meta.get("url"):
        entry["url"] = meta["url"]
    entry["rights"] = f"© {publisher}"
    entry["reviewed"] = False
    # keys in the catalogue's order: published_earliest/latest after published_precision
    order = ["file", "id", "title", "publisher", "authors", "kind", "published", "published_precision",
             "published_earliest", "published_latest", "published_basis", "language", "url", "rights", "reviewed"]
    return {k: entry[k] for k in order if k in entry}, basis


def _append_entry(catalog: Path, entry: dict):
    """Append one entry to the ``documents:`` list of catalog.yml, keeping the file as written."""
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    text = catalog.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    lines = "\n".join(("  " + line) if line else line for line in block.rstrip("\n").split("\n"))
    catalog.write_text(text + "\n" + lines + "\n", encoding="utf-8")


class _Undo:
    """Files written by ``add``: put back as they were if anything fails."""

    def __init__(self):
        self.saved: list[tuple[Path, bytes | None]] = []

    def keep(self, path: Path):
        self.saved.append((path, path.read_bytes() if path.exists() else None))

    def rollback(self):
        for path, data in reversed(self.saved):
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)


def add(source, seeds_dir, today: dt.date | None = None, check: bool = True, events_db=None) -> Added:
    """Add ``source`` to ``seeds_dir`` with drafted curation (see the module docstring).
    ``events_db``: a built database whose events the drafts may be the same as (``ref:``)."""
    from . import pipeline, suggest

    seeds_dir = Path(seeds_dir)
    today = today or dt.date.today()
    catalog_path = seeds_dir / "catalog.yml"
    if not catalog_path.is_file():
        raise InputError(catalog_path, "no catalogue here: is this a seeds folder?")
    result = acquire_mod.acquire(source)
    inputs = pipeline.read_inputs(seeds_dir)
    text = result.text if result.text.endswith("\n") else result.text + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    for doc in inputs.documents:
        if doc.sha256 == digest:
            raise InputError(source, f"this text is already in the seeds as {doc.source_file} ({doc.id})")
    stem = next_stem(seeds_dir, text)
    entry, basis = draft_entry(result, stem, {d.id for d in inputs.documents}, today)
    added = Added(stem=stem, doc_id=entry["id"], entry=entry, basis=basis)
    undo = _Undo()
    try:
        seed = seeds_dir / f"{stem}.txt"
        undo.keep(seed)
        seed.write_text(text, encoding="utf-8")
        undo.keep(catalog_path)
        _append_entry(catalog_path, entry)
        added.files += [seed, catalog_path]
        inputs = pipeline.read_inputs(seeds_dir)
        doc = next(d for d in inputs.documents if d.stem == stem)
        drafts = suggest.drafts(doc, pipeline.Context(inputs=inputs), events_db=events_db)
        for path, content in suggest.files_of(drafts, seeds_dir, doc).items():
            undo.keep(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists() and path.suffix == ".yml" and path.parent == seeds_dir:
                path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + content, encoding="utf-8")
            else:
                path.write_text(content, encoding="utf-8")
            added.files.append(path)
        added.counts = drafts.counts()
        added.unplaced = list(drafts.unplaced)
        if check:
            pipeline.check(seeds_dir)
    except (InputError, InputErrors):
        undo.rollback()
        raise
    except BaseException:
        undo.rollback()
        raise
    added.words = len(re.findall(r"\w+", text))
    added.review = review_list(added, result)
    return added


def review_list(added: Added, result: acquire_mod.Acquired) -> list[str]:
    """What a person should check, most important first."""
    e, b = added.entry, added.basis
    out = [f"catalogue entry {e['id']!r} (catalog.yml): title from {b.get('title', 'the first line')}; "
           f"publisher from {b.get('publisher')}; kind {e['kind']!r} ({b.get('kind')}); "
           f"published {e['published']} ({e['published_precision']}): {e['published_basis']}"]
    if not e["authors"]:
        out.append("authors: none found in the source (an unsigned piece, or add them)")
    if b.get("language", "").startswith("assumed"):
        out.append(f"language: {e['language']!r} assumed")
    for kind, n in added.counts.items():
        where = {"actors": " (actors.yml)", "places": " (places.yml)"}.get(kind, "")
        out.append(f"{kind}: {n} {'draft' if n == 1 else 'drafts'}{where} (reviewed: false)")
    if added.unplaced:
        out.append("places drafted without coordinates, which the gazetteer does not know (give each its "
                   "latitude, longitude and geo_precision in places.yml): " + ", ".join(added.unplaced))
    return out
