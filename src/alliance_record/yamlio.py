"""YAML reading that remembers where every mapping came from.

Curated files are reviewed like code, so an error has to point at a line. PyYAML's safe loader
is used with three changes:

* every mapping is a :class:`Node` (a dict) carrying ``line`` and the line of each key;
* every string is in Unicode NFC, as the seed texts are: a quote or an alias typed in another
  normal form (decomposed accents) still matches the text;
* dates stay strings (``2025-10-21`` is text, not ``datetime.date``) and only ``true``/``false``
  are booleans (YAML 1.1 would read a country code ``NO`` as ``False``);
* a key repeated in one mapping is an error instead of silently overwriting the first;
* what is built is bounded: aliases (``*name``) are expanded into at most about one value per
  character of the file (1.1 KB of nested anchors would otherwise expand into gigabytes: an
  alias bomb), and values nest at most :data:`MAX_DEPTH` deep. Either is an error at its line.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from contextlib import contextmanager
from pathlib import Path

import yaml

from .errors import InputError


class Node(dict):
    """A YAML mapping with the 1-based line of the mapping and of each key.

    Slots rather than an instance dict: a corpus of thousands of annotation files holds
    hundreds of thousands of these, and the build keeps them for its corpus stages.
    """

    __slots__ = ("line", "path", "key_lines")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = 0
        self.path = ""
        self.key_lines: dict = {}

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)

    def __reduce__(self):  # slots and dict items both survive pickling (worker processes)
        return (_rebuild_node, (dict(self), self.line, self.path, self.key_lines))


def _rebuild_node(items, line, path, key_lines):
    node = Node(items)
    node.line, node.path, node.key_lines = line, path, key_lines
    return node


class Seq(list):
    """A YAML sequence with the 1-based line where it starts and the line of each item."""

    __slots__ = ("line", "path", "item_lines")

    def __init__(self, *args):
        super().__init__(*args)
        self.line = 0
        self.path = ""
        self.item_lines: list = []

    def line_of_item(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line

    def __reduce__(self):
        return (_rebuild_seq, (list(self), self.line, self.path, self.item_lines))


def _rebuild_seq(items, line, path, item_lines):
    seq = Seq(items)
    seq.line, seq.path, seq.item_lines = line, path, item_lines
    return seq


# libyaml's parser when PyYAML was built with it (several times faster), else the pure-Python one.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    pass


# Implicit resolvers: drop timestamps, keep only true/false as booleans.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_MAP_TAG = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_SEQ_TAG = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG


# How deep values may nest (a curated file needs five or six levels); libyaml stops at 1,000,
# deeper than Python's recursion allows.
MAX_DEPTH = 64
# Values a file may expand into beyond one per character of its text (without aliases a file
# holds fewer values than characters): room for any honest use of anchors, none for a bomb.
ALIAS_ALLOWANCE = 10_000


class _Bounds:
    """What :func:`_build` may still make of one file, and the first value an alias repeats."""

    __slots__ = ("values_left", "seen", "first_alias")

    def __init__(self, text: str):
        self.values_left = len(text) + ALIAS_ALLOWANCE
        self.seen: set = set()
        self.first_alias = None


def _count(loader, node, depth: int):
    """Charge one value to the file's bounds; an error at the node's line past either bound."""
    bounds = loader.bounds
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise InputError(loader.name, f"values nested more than {MAX_DEPTH} deep", line=line)
    if isinstance(node.value, list):  # a collection: built twice only through an alias
        if id(node) in bounds.seen:
            bounds.first_alias = bounds.first_alias or line
        else:
            bounds.seen.add(id(node))
    bounds.values_left -= 1
    if bounds.values_left < 0:
        raise InputError(loader.name, "aliases expand into more values than the file could hold written out "
                         f"(an alias bomb?): the first repeats the value anchored at line {bounds.first_alias}",
                         line=bounds.first_alias or line, hint="write the values out instead of nesting aliases")


def _build(loader, node, depth: int = 0):
    """The value of a composed YAML node: mappings as :class:`Node`, sequences as :class:`Seq`,
    plain strings directly (most of a curated file) and other scalars by PyYAML's constructors.
    Short strings (ids, roles, keys) are interned: the same few hundred recur in every file.
    Every value built is counted against the file's bounds (see :class:`_Bounds`)."""
    _count(loader, node, depth)
    tag = node.tag
    if tag == _STR_TAG:
        value = node.value
        if not unicodedata.is_normalized("NFC", value):  # as the texts are (see ingest.normalize_text)
            value = unicodedata.normalize("NFC", value)
        return sys.intern(value) if len(value) <= 40 else value
    if tag == _MAP_TAG:
        if any(key.tag == _MERGE_TAG for key, _ in node.value):
            loader.flatten_mapping(node)
        mapping = Node()
        mapping.line = node.start_mark.line + 1
        mapping.path = loader.name
        lines = mapping.key_lines
        for key_node, value_node in node.value:
            key = _build(loader, key_node, depth + 1)
            if not isinstance(key, (str, int, float, bool, type(None))):
                raise InputError(loader.name, f"a key must be a word, not a {type(key).__name__}",
                                 line=key_node.start_mark.line + 1)
            if key in mapping:
                raise InputError(loader.name, f"duplicate key {key!r} in one mapping",
                                 line=key_node.start_mark.line + 1)
            mapping[key] = _build(loader, value_node, depth + 1)
            lines[key] = key_node.start_mark.line + 1
        return mapping
    if tag == _SEQ_TAG:
        seq = Seq([_build(loader, child, depth + 1) for child in node.value])
        seq.line = node.start_mark.line + 1
        seq.path = loader.name
        seq.item_lines = [child.start_mark.line + 1 for child in node.value]
        return seq
    return loader.construct_object(node, deep=True)


class ParseCache:
    """Parsed YAML kept between builds (in the build cache, see alliance_record.incremental),
    keyed by a digest of the code that parses, the file's name and its bytes: a corpus of
    thousands of annotation files is parsed again only where a file changed, and nothing a
    parse by other code made is reused (``code``: the package's digest,
    incremental.code_digest). Entries not used by a build are dropped."""

    def __init__(self, path: Path, code: str):
        import sqlite3

        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("PRAGMA synchronous = OFF")
        self.conn.execute("CREATE TABLE IF NOT EXISTS parse (key TEXT PRIMARY KEY, value BLOB)")
        self.conn.execute("BEGIN")
        self.used: set = set()
        self.code = code

    def load(self, name: str, data: bytes, parse):
        import hashlib
        import pickle

        key = hashlib.blake2b(f"{self.code}|{name}".encode() + b"\x00" + data, digest_size=16).hexdigest()
        self.used.add(key)
        row = self.conn.execute("SELECT value FROM parse WHERE key = ?", [key]).fetchone()
        if row is not None:
            return pickle.loads(row[0])
        value = parse()
        self.conn.execute("INSERT OR REPLACE INTO parse VALUES (?, ?)",
                          [key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)])
        return value

    def close(self):
        stale = [k for (k,) in self.conn.execute("SELECT key FROM parse") if k not in self.used]
        self.conn.executemany("DELETE FROM parse WHERE key = ?", [(k,) for k in stale])
        self.conn.execute("COMMIT")
        self.conn.close()


_parse_cache: ParseCache | None = None


@contextmanager
def parse_cache(path: Path | None, code: str = ""):
    """Within the block, :func:`load_yaml` reuses (and fills) the cache at ``path`` made by the
    code whose digest is ``code``; None: no cache."""
    global _parse_cache
    if path is None:
        yield
        return
    cache = ParseCache(Path(path), code)
    previous, _parse_cache = _parse_cache, cache
    try:
        yield
    finally:
        _parse_cache = previous
        cache.close()


def load_yaml(path: Path | str, label: str | None = None, root: Path | str | None = None):
    """Parse one YAML file; malformed YAML raises :class:`InputError` with its line. The file must
    be a regular file inside ``root`` (default: its own folder; see ingest.read_input_file)."""
    from .ingest import read_input_file

    path = Path(path)
    name = label or str(path)
    try:
        data = read_input_file(path, path.parent if root is None else root)
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text() reads it
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not valid UTF-8 at byte {exc.start}") from None
    except InputError as exc:
        raise InputError(name, exc.message) from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror}") from None
    if _parse_cache is not None:
        return _parse_cache.load(name, data, lambda: loads_yaml(text, name))
    return loads_yaml(text, name)


def loads_yaml(text: str, name: str):
    loader = _Loader(text)
    loader.name = name  # the C loader does not set it: messages need the file name
    loader.bounds = _Bounds(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _build(loader, node)
    except yaml.MarkedYAMLError as exc:
        # Which line to name: an unclosed bracket or quote is fixed where it opens (the context
        # mark; the problem mark is where the parser gave up, often the end of the file); any
        # other mistake (a tab, a bad indent, a stray character) sits where it was noticed.
        context, problem_mark, context_mark = exc.context or "", exc.problem_mark, exc.context_mark
        at_end = problem_mark is None or problem_mark.index >= len(text.rstrip())
        opened = "flow" in context or "quoted" in context
        mark = context_mark if context_mark and (opened or at_end) else problem_mark or context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        if exc.context and context_mark and context_mark.line + 1 != line:
            problem = f"{problem} ({exc.context} that starts at line {context_mark.line + 1})"
        elif exc.context and problem_mark and problem_mark.line + 1 != line:
            problem = f"{problem} ({exc.context} that starts here; noticed at line {problem_mark.line + 1})"
        elif exc.context:
            problem = f"{problem} ({exc.context})"
        raise InputError(name, f"malformed YAML: {problem}", line=line) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        raise InputError(name, f"malformed YAML: {exc}") from None
    finally:
        loader.dispose()


# What a curated key may hold: the values of the ``allowed`` mapping given to :func:`check_keys`.
# A value of the wrong kind would otherwise surface later as a traceback (a list where an id
# belongs is unhashable) or, worse, be written into the database as its Python repr.
TEXT = "text"
DATE = "date"              # an ISO date as text; a bare year (which YAML reads as a number) is accepted
TEXT_LIST = "list of text"
RECORDS = "list of mappings"
ANY = "any"
BOOL = "true or false"


def _kind_problem(value, kind) -> str | None:
    """Why ``value`` is not of ``kind``; None if it is."""
    if kind == TEXT and not isinstance(value, str):
        return "must be text"
    if kind == DATE and not isinstance(value, str) and (isinstance(value, bool) or not isinstance(value, int)):
        return "must be a date written as text (YYYY, YYYY-MM or YYYY-MM-DD)"
    if kind == TEXT_LIST and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return "must be a list of text"
    if kind == BOOL and not isinstance(value, bool):
        return "must be true or false"
    if kind == RECORDS and not isinstance(value, list):
        return "must be a list"
    return None


def _describe(value) -> str:
    """A short rendering of a value for a message (a mapping is named, not printed)."""
    if isinstance(value, dict):
        return "a mapping"
    text = repr(list(value) if isinstance(value, list) else value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_keys(node, allowed, required, errors, what):
    """Report unknown, missing and mistyped keys of one mapping to an error collector.

    ``allowed`` is a collection of key names, or a mapping from key name to the kind of value
    it holds (:data:`TEXT`, :data:`DATE`, :data:`TEXT_LIST`, :data:`RECORDS`, :data:`BOOL`, :data:`ANY`);
    ``required`` names the keys that must be present; ``what`` names the record in messages
    (for example ``"actor 'shinjiro-koizumi'"``). A value of the wrong kind is reported and
    removed from ``node`` (so later checks see the key as absent rather than crash on it); the
    items of a :data:`RECORDS` list that are not mappings are reported and dropped. A year
    given as a number for a :data:`DATE` becomes text. Returns False if ``node`` is not a
    mapping at all.
    """
    if not isinstance(node, Node):
        line = getattr(node, "line", None)
        errors.add(getattr(node, "path", "") or what, f"{what}: expected a mapping", line=line)
        return False
    kinds = allowed if isinstance(allowed, dict) else {}
    mistyped = set()
    for key, value in list(node.items()):
        if key not in allowed:
            close = _closest(str(key), allowed)
            hint = f"did you mean {close!r}?" if close else f"allowed keys: {', '.join(sorted(map(str, allowed)))}"
            errors.add(node.path, f"{what}: unknown key {key!r}", line=node.line_of(key), hint=hint)
            continue
        kind = kinds.get(key, ANY)
        if value is None or kind is ANY or (kind is TEXT and isinstance(value, str)):
            continue  # the commonest cases, without a call
        problem = _kind_problem(value, kind)
        if problem:
            errors.add(node.path, f"{what}: {key} {problem}, not {_describe(value)}", line=node.line_of(key))
            mistyped.add(key)
            del node[key]
        elif kind == DATE and isinstance(value, int):
            node[key] = str(value)
        elif kind == RECORDS:
            node[key] = _records(value, key, node, errors, what)
    for key in required:
        if key not in mistyped and node.get(key) in (None, ""):
            errors.add(node.path, f"{what}: missing required key {key!r}", line=node.line)
    return True


def _records(items, key, node, errors, what):
    """The mappings of a list, each other item reported at its own line (a list as parsed,
    holding only mappings, is kept as it is: no copy)."""
    if type(items) is Seq and items.path == node.path and len(items.item_lines) == len(items) \
            and all(type(item) is Node for item in items):
        return items
    kept = Seq(item for item in items if isinstance(item, Node))
    kept.line, kept.path = getattr(items, "line", node.line), node.path
    for index, item in enumerate(items):
        if isinstance(item, Node):
            kept.item_lines.append(items.line_of_item(index) if isinstance(items, Seq) else node.line)
        else:
            line = items.line_of_item(index) if isinstance(items, Seq) else node.line_of(key)
            errors.add(node.path, f"{what}: each item of {key} must be a mapping (key: value ...), "
                       f"not {_describe(item)}", line=line)
    return kept


def _closest(word, candidates):
    import difflib

    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return match[0] if match else None
