"""The document catalogue (seeds/catalog.yml): one entry per seed text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import dates
from ..errors import Collector, short_repr
from ..yamlio import BOOL, DATE, TEXT, TEXT_LIST, Node, check_keys
from .common import check_date, check_slug, check_unique, load_list

LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Z]{2})?$")
DOCUMENT_KINDS = ("news", "opinion", "analysis", "report")

CATALOG_KEYS = {
    "file": TEXT, "id": TEXT, "title": TEXT, "title_basis": TEXT, "publisher": TEXT, "authors": TEXT_LIST,
    "kind": TEXT, "published": DATE, "published_precision": TEXT, "published_earliest": DATE,
    "published_latest": DATE, "published_basis": TEXT, "language": TEXT, "url": TEXT, "rights": TEXT,
    "reviewed": BOOL,
}
CATALOG_REQUIRED = ("file", "id", "title", "publisher", "kind", "published", "published_precision",
                    "published_basis", "language")


@dataclass
class Catalog:
    path: str
    entries: list = field(default_factory=list)
    readable: bool = True  # False when the file is missing or not valid YAML

    @property
    def by_stem(self) -> dict:
        """Entries by seed stem (built on each access: take it once outside a loop)."""
        return {Path(e["file"]).stem: e for e in self.entries}

    @property
    def by_id(self) -> dict:
        return {e["id"]: e for e in self.entries}


def load_catalog(seeds_dir: Path, errors: Collector) -> Catalog:
    """Read ``catalog.yml``: one entry per seed document."""
    path = Path(seeds_dir) / "catalog.yml"
    catalog = Catalog(path=str(path))
    items = load_list(path, "documents", errors, required=True)
    catalog.readable = items is not None
    if items is None:
        return catalog
    for entry in items:
        what = f"document {short_repr(entry.get('id', '?'))}" if isinstance(entry, dict) else "document"
        if not check_keys(entry, CATALOG_KEYS, CATALOG_REQUIRED, errors, what):
            continue
        _check_catalog_entry(entry, errors, what)
        if entry.get("file") and entry.get("id"):
            catalog.entries.append(entry)
    check_unique(catalog.entries, "id", errors, "document")
    check_unique(catalog.entries, "file", errors, "document")
    return catalog


def _check_catalog_entry(entry: Node, errors: Collector, what: str):
    check_slug(entry, "id", errors, what)
    if entry.get("file") and not str(entry["file"]).endswith(".txt"):
        errors.add(entry.path, f"{what}: file {entry['file']!r} should name a .txt seed",
                   line=entry.line_of("file"))
    if entry.get("file") and Path(entry["file"]).name != entry["file"]:
        # a seed is read from the seeds folder only, never through a path to somewhere else
        errors.add(entry.path, f"{what}: file {entry['file']!r} must be a file name in the seeds folder, "
                   "not a path", line=entry.line_of("file"))
        del entry["file"]
    if entry.get("kind") and entry["kind"] not in DOCUMENT_KINDS:
        errors.add(entry.path, f"{what}: unknown kind {entry['kind']!r}",
                   line=entry.line_of("kind"), hint=f"one of: {', '.join(DOCUMENT_KINDS)}")
    authors = entry.get("authors", [])
    if authors is not None and (not isinstance(authors, list)
                                or not all(isinstance(a, str) for a in authors)):
        errors.add(entry.path, f"{what}: authors must be a list of names",
                   line=entry.line_of("authors"))
    if entry.get("language") and not LANGUAGE.match(str(entry["language"])):
        errors.add(entry.path, f"{what}: language {entry['language']!r} is not a BCP 47 code like 'en'",
                   line=entry.line_of("language"))
    published = check_date(entry, "published", errors, what)
    precision = entry.get("published_precision")
    if precision is not None and precision not in dates.PRECISIONS:
        errors.add(entry.path, f"{what}: published_precision {precision!r} is not one of "
                   f"{', '.join(dates.PRECISIONS)}", line=entry.line_of("published_precision"))
    elif published and precision and published[0] != precision:
        errors.add(entry.path, f"{what}: published {entry['published']!r} is written to {published[0]} "
                   f"precision but published_precision says {precision!r}",
                   line=entry.line_of("published_precision"))
    earliest = check_date(entry, "published_earliest", errors, what)
    latest = check_date(entry, "published_latest", errors, what)
    for key, parsed in (("published_earliest", earliest), ("published_latest", latest)):
        if parsed and parsed[0] != "day":
            errors.add(entry.path, f"{what}: {key} must be a full date (YYYY-MM-DD)",
                       line=entry.line_of(key))
    if earliest and latest and earliest[1] > latest[1]:
        errors.add(entry.path, f"{what}: published_earliest is after published_latest",
                   line=entry.line_of("published_earliest"))
    for key, parsed in (("published_earliest", earliest), ("published_latest", latest)):
        if parsed and published and not published[1] <= parsed[1] <= published[2]:
            errors.add(entry.path, f"{what}: {key} {entry[key]!r} lies outside published "
                       f"{entry['published']!r}", line=entry.line_of(key))


def publication_window(meta) -> tuple[str, str]:
    """The first and last day the document can have been written, as ISO dates.

    A catalog entry may narrow its published date with ``published_earliest``/``published_latest``
    (for example, "written between Monday and Thursday of that week"); otherwise the window is
    the whole day, month or year of ``published``.
    """
    _, first, last = dates.parse_iso(meta["published"])
    earliest = meta.get("published_earliest") or first.isoformat()
    latest = meta.get("published_latest") or last.isoformat()
    return earliest, latest
