"""Checks shared by every curated file: slugs, dates, unique ids, a list under one key."""

from __future__ import annotations

import re
from pathlib import Path

from .. import dates
from ..errors import Collector, InputError
from ..yamlio import RECORDS, Node, check_keys, load_yaml

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Ids are read in URLs, foreign keys and labels on every page that links them: long enough for
# any honest id (the seeds' longest is 59), short enough that no id can bloat a page.
MAX_ID_LENGTH = 120

# The review marker. Code that drafts a curated entry (``add``, ``suggest``) writes
# ``reviewed: false`` on it; a curator who has checked the entry deletes the line (or writes
# ``true``). The build carries the marker into the entry's rows as ``reviewed`` (1 or 0), so the
# data itself says which rows no person has checked, and ``build --reviewed-only`` leaves them out.
REVIEWED = "reviewed"


def reviewed(node) -> int:
    """1 if a person has reviewed ``node`` (no marker, or ``reviewed: true``), else 0."""
    return 0 if isinstance(node, dict) and node.get(REVIEWED) is False else 1


def check_slug(node: Node, key: str, errors: Collector, what: str) -> bool:
    value = node.get(key)
    if value is None:
        return False
    if isinstance(value, str) and len(value) > MAX_ID_LENGTH:
        errors.add(node.path, f"{what}: {key} is {len(value):,} characters long "
                   f"(at most {MAX_ID_LENGTH})", line=node.line_of(key))
        return False
    if not isinstance(value, str) or not SLUG.match(value):
        errors.add(node.path, f"{what}: {key} {value!r} is not a slug (lowercase letters, digits, "
                   "single hyphens)", line=node.line_of(key))
        return False
    return True


def check_date(node: Node, key: str, errors: Collector, what: str):
    """Check an ISO-prefix date field; return its parse or None."""
    value = node.get(key)
    if value is None:
        return None
    try:
        return dates.parse_iso(value)
    except dates.BadDate as exc:
        errors.add(node.path, f"{what}: {key}: {exc}", line=node.line_of(key))
        return None


def check_unique(nodes, key, errors: Collector, what: str):
    seen = {}
    for node in nodes:
        value = node.get(key)
        if value is None:
            continue
        if value in seen:
            errors.add(node.path, f"duplicate {what} {key} {value!r} (first defined at line "
                       f"{seen[value].line_of(key)})", line=node.line_of(key))
        else:
            seen[value] = node


class _Unchecked(frozenset):
    """The ids of a file that could not be read: every id counts as known, so one broken file
    is reported once, not again at every reference to what it would have defined."""

    def __contains__(self, item) -> bool:
        return True


UNCHECKED = _Unchecked()


def known_ids(ids, readable: bool):
    """``ids`` as a set to check references against, or UNCHECKED if their file was unreadable."""
    return set(ids) if readable else UNCHECKED


def load_list(path: Path, list_key: str, errors: Collector, required: bool = False) -> list | None:
    """The list under ``list_key`` in a YAML file; None (and an error) if it cannot be read."""
    path = Path(path)
    if not path.exists():
        if required:
            errors.add(path, f"missing: expected a file with a `{list_key}:` list")
        return None
    try:
        data = load_yaml(path)
    except InputError as exc:
        errors.extend([exc])
        return None
    if not isinstance(data, Node) or not isinstance(data.get(list_key), list):
        errors.add(path, f"expected a mapping with a `{list_key}:` list", line=getattr(data, "line", 1))
        return None
    check_keys(data, {list_key: RECORDS}, (), errors, path.name)  # items that are not mappings: reported here
    return list(data[list_key])
