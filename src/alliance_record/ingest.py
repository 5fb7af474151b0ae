"""Ingest: read seed files, check them, and normalise their text.

``documents.text`` is the normalised text and every offset in the dataset points into it, so
normalisation is deliberately small and idempotent:

* decode as UTF-8 (strictly: a bad byte is an error naming its byte offset and line);
* drop a leading byte-order mark (all of them: a file saved twice with one has two);
* turn CRLF and lone CR line endings into LF;
* Unicode NFC.

Nothing else is changed: web furniture is recorded and skipped later (segment.py), not deleted,
so that what a row quotes can always be found in ``documents.text``.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Collector, InputError

SEED_SUFFIX = ".txt"


@dataclass
class Document:
    """One source document: its catalog entry and its normalised text."""

    id: str
    stem: str
    source_file: str
    text: str
    meta: dict = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def normalize_text(raw: str) -> str:
    """Return the canonical form of a text: no BOM, LF line endings, NFC."""
    raw = raw.lstrip("\ufeff")
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", raw)


# Unicode's control characters (category Cc: C0, DEL and C1) but tab, newline, carriage return
# and form feed, which text files hold.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_seed(data: bytes, name: str) -> str:
    """Decode the bytes of a seed file into normalised text, or raise :class:`InputError`."""
    if not data.strip():
        raise InputError(name, "empty seed file (no text)")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(name, f"binary file, not text (NUL byte at byte {nul})")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            name, f"not valid UTF-8 at byte {exc.start} (byte 0x{data[exc.start]:02x})", line=line
        ) from None
    controls = len(CONTROL_CHARACTER.findall(raw))
    if controls > max(8, len(raw) // 100):
        raise InputError(name, f"binary file, not text ({controls} control characters)")
    text = normalize_text(raw)
    if not text.strip():
        raise InputError(name, "empty seed file (only whitespace)")
    return text


_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_input_file(path, root) -> bytes:
    """The bytes of a curated input (a seed text, a YAML file), which must be a regular file whose
    real path lies inside the folder ``root``: a symbolic link out of the folder would publish
    whatever it points to (``/etc/passwd``), a named pipe would hang the build, a device such
    as ``/dev/zero`` exhaust its memory. Anything else raises :class:`InputError` naming the file.

    The file is opened without blocking and checked again on the open handle, so what is read is
    what was checked."""
    name = str(path)
    real, folder = os.path.realpath(path), os.path.realpath(root)
    if os.path.commonpath([real, folder]) != folder:
        raise InputError(name, f"a symbolic link to {real}, outside the seeds folder {root}: "
                         "every input must be a file inside it")
    kind = _not_regular(os.stat(path).st_mode)  # FileNotFoundError is the caller's to report
    if kind:
        raise InputError(name, f"{kind}, not a regular file: every input must be a plain file")
    fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        kind = _not_regular(os.fstat(fd).st_mode)
        if kind:  # replaced between the check and the open
            raise InputError(name, f"{kind}, not a regular file: every input must be a plain file")
        return fh.read()


def seed_files(seeds_dir: Path) -> dict[str, Path]:
    """The seed files of a folder, by stem: everything named ``*.txt`` (what is not a regular
    file is reported when it is read, see :func:`read_input_file`)."""
    return {p.stem: p for p in sorted(Path(seeds_dir).glob(f"*{SEED_SUFFIX}"))}


def check_seeds_match_catalog(seeds_dir: Path, catalog, errors: Collector):
    """Every seed needs a catalog entry and every catalog entry needs its seed."""
    if not catalog.readable:
        return  # the catalog's own error says it all
    files = seed_files(seeds_dir)
    by_stem = catalog.by_stem  # built once: a property rebuilt per seed made this quadratic
    for stem, path in files.items():
        if stem not in by_stem:
            errors.add(path, "seed file has no entry in catalog.yml",
                       hint=f"add an entry with `file: {path.name}` to {catalog.path}")
    for stem, entry in by_stem.items():
        if stem not in files:
            errors.add(catalog.path, f"catalog entry {entry['id']!r} names {entry['file']!r}, "
                       "which is not in the seeds folder", line=entry.line)


def read_document(seeds_dir: Path, entry) -> Document:
    """Read and normalise the seed of one catalog entry."""
    path = Path(seeds_dir) / entry["file"]
    text = decode_seed(read_input_file(path, seeds_dir), str(path))
    return Document(id=entry["id"], stem=path.stem, source_file=path.name, text=text, meta=dict(entry))


def read_documents(seeds_dir: Path, catalog, errors: Collector | None = None):
    """Read every catalogued seed; problems are collected, not raised one by one."""
    errors = errors if errors is not None else Collector()
    docs = []
    for entry in catalog.entries:
        try:
            docs.append(read_document(seeds_dir, entry))
        except InputError as exc:
            errors.extend([exc])
        except FileNotFoundError:
            pass  # reported by check_seeds_match_catalog
        except OSError as exc:  # unreadable (permissions...): a problem of the input, not of the output
            errors.add(Path(seeds_dir) / entry["file"], f"cannot read: {exc.strerror or exc}")
    return docs
