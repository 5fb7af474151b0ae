"""YAML reading that remembers where every mapping came from.

Curated files are reviewed like code, so an error has to point at a line. PyYAML's safe loader
is used with three changes:

* every mapping is a :class:`Node` (a dict) carrying ``line`` and the line of each key;
* dates stay strings (``2025-10-21`` is text, not ``datetime.date``) and only ``true``/``false``
  are booleans (YAML 1.1 would read a country code ``NO`` as ``False``);
* a key repeated in one mapping is an error instead of silently overwriting the first.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import InputError


class Node(dict):
    """A YAML mapping with the 1-based line of the mapping and of each key."""

    line: int = 0
    path: str = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines: dict = {}

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class Seq(list):
    """A YAML sequence with the 1-based line where it starts."""

    line: int = 0


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


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = Node()
    mapping.line = node.start_mark.line + 1
    mapping.path = loader.name
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise InputError(loader.name, f"duplicate key {key!r} in one mapping",
                             line=key_node.start_mark.line + 1)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node):
    seq = Seq(loader.construct_object(child, deep=True) for child in node.value)
    seq.line = node.start_mark.line + 1
    return seq


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path | str, label: str | None = None):
    """Parse one YAML file; malformed YAML raises :class:`InputError` with its line."""
    path = Path(path)
    name = label or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not valid UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror}") from None
    return loads_yaml(text, name)


def loads_yaml(text: str, name: str):
    loader = _Loader(text)
    loader.name = name  # the C loader does not set it: messages need the file name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        # The context mark (where the construct began) is usually the line to fix; the problem
        # mark can be the end of the file.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        if exc.context and exc.context_mark:
            problem = f"{problem} ({exc.context} that starts here"
            if exc.problem_mark and exc.problem_mark.line != exc.context_mark.line:
                problem += f"; noticed at line {exc.problem_mark.line + 1}"
            problem += ")"
        raise InputError(name, f"malformed YAML: {problem}", line=line) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        raise InputError(name, f"malformed YAML: {exc}") from None
    finally:
        loader.dispose()


def check_keys(node, allowed, required, errors, what):
    """Report unknown and missing keys of one mapping to an error collector.

    ``allowed`` and ``required`` are collections of key names; ``what`` names the record in
    messages (for example ``"actor 'shinjiro-koizumi'"``). Returns False if ``node`` is not a
    mapping at all.
    """
    if not isinstance(node, Node):
        line = getattr(node, "line", None)
        errors.add(getattr(node, "path", "") or what, f"{what}: expected a mapping", line=line)
        return False
    for key in node:
        if key not in allowed:
            close = _closest(str(key), allowed)
            hint = f"did you mean {close!r}?" if close else f"allowed keys: {', '.join(sorted(allowed))}"
            errors.add(node.path, f"{what}: unknown key {key!r}", line=node.line_of(key), hint=hint)
    for key in required:
        if node.get(key) in (None, ""):
            errors.add(node.path, f"{what}: missing required key {key!r}", line=node.line)
    return True


def _closest(word, candidates):
    import difflib

    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return match[0] if match else None
