"""Benchmark: how the build and the served dataset grow with the corpus (issue 8).

``alliance-record bench --copies N`` runs four steps and reports what each costs:

1. :func:`synthesize` writes a corpus of N copies of the seeds with their curated files;
2. :func:`run_build` builds it with ``pipeline.build`` in a child process, so that wall time
   includes interpreter start and peak RSS is the build's own;
3. :func:`baseline` writes the same final rows with plain ``sqlite3`` ``executemany`` in one
   transaction into tables made by the same CREATE TABLE statements: no extraction, no index,
   no full-text index. It is the floor for writing those rows, and ``build / baseline`` says how
   far above it the pipeline is;
4. :func:`measure_latency` serves the database the way ``make serve-datasette`` does (``datasette
   serve -i`` with an inspect file and the same settings, one process, the response cache off so
   that each request makes its page) and times every canned query with its ``example:``
   parameters, every table page with its metadata facets, and a full-text search.

Speed is measured here, never in timed tests: the tests check what the benchmark produces,
not how fast.

The synthetic corpus
--------------------
Copy 0 is the seeds unchanged. Copy k (k >= 1) has every id rewritten (document ids, file
stems and annotation file names, event ids and every ``ref``/``relative_to``/link to them,
recommendation ids) and its text perturbed so that nothing collapses by deduplication:

* years are shifted by a multiple of 28 (the Gregorian calendar repeats every 28 years between
  1901 and 2099, so "on Thursday" still names the same day of the month and every relative
  date resolves as in the seeds); the publication dates in the catalogue shift with them;
* numbers inside quantities ("352 days", "$8.7 billion") change their last digit;
* every URL gets a copy segment after its host and every DOI a copy prefix in its suffix, and
  every cited title a copy word, so works (merged by DOI, URL, or title + first author + year)
  stay distinct per copy while the works of one copy still merge with each other.

The edits are computed once, as offsets into each seed's text, and every curated string (a
quote, its ``prefix``, the ``date`` phrase, a rejected candidate's ``sentence``) is rewritten from
the same offsets, so each still occurs exactly where the build looks for it (a curated
``known_date`` shifts by the same years). An edit that would
cut a curated string in two is dropped. The shared registries (actors, places, ignore rules)
are copied once, unchanged.
"""

from __future__ import annotations

import bisect
import copy as copy_mod
import json
import math
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from . import dates, incremental, pipeline, schema, segment
from .curate.annotations import QuoteNotFound, locate
from .extract import footnotes as footnotes_mod
from .extract import quantities as quantities_mod
from .extract.events import joined_texts
from .serve import CACHE_MB_ENV, serve_args
from .yamlio import load_yaml

DATABASE_NAME = "alliance"  # the metadata describes the database of this name (alliance.db)

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# --- where a copy differs: edits at offsets of a seed's text -------------------------------------------

# A year where the date finder reads one (1000-2099, not part of a longer number, an amount or an
# identifier; glued to a word before it as in "Japan2025", but not to one after it as in "2030no").
YEAR = re.compile(r"(?:(?<![0-9A-Za-z$¥€£#/\\])(?<![0-9][,.])(?<![A-Z]-)|(?<=[a-z][a-z])|(?<=FY))"
                  r"(1[0-9]{3}|20[0-9]{2})(?![0-9A-Za-z%])(?![,.][0-9])(?![’']s\b)")
# "2019–21": the two-digit end of a year range.
TWO_DIGIT_END = re.compile(r"[–-]([0-9]{2})(?![0-9])")
URL = re.compile(r"https?://[^\s<>\"]+|(?<![\w./@])www\.[^\s<>\"]+")
URL_HOST = re.compile(r"(?:https?://)?([A-Za-z0-9.-]+)")
DOI = re.compile(r"\b10\.[0-9]{4,9}/")
# A number in a quantity: not glued to a word, a hyphen or a slash ("F-35", "12-24", "2+2").
NUMBER = re.compile(r"(?<![\w\-+/.,])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![\w\-+/]|[.,][0-9])")
DOI_HOSTS = ("doi.org", "dx.doi.org")

# An edit is a plain tuple (start, end, kind, original): ``text[start:end] == original``; a
# zero-width edit (start == end) inserts. ``render_edit`` gives its text in a given copy.


def year_shifts(years, window_years) -> list[int]:
    """Non-zero multiples of 28 years that keep every year readable (1000-2099) and every
    publication window inside 1901-2099, where weekdays repeat every 28 years; smallest first."""
    years, window_years = set(years), set(window_years)
    out = []
    for j in range(-80, 81):
        s = 28 * j
        if s and all(1000 <= y + s <= 2099 for y in years) and all(1901 <= y + s <= 2099 for y in window_years):
            out.append(s)
    return sorted(out, key=lambda s: (abs(s), -s))


def copy_shape(k: int, shifts: list[int]) -> tuple[int, int]:
    """(year shift, words in the title tag) of copy k. Copies cycle through the shifts and four
    tag lengths, so only one copy in 4 x len(shifts) shares both with another: the bibliography
    merge compares works within blocks of (first author, year, number of title words), and a
    block holding every copy of a work would grow with N squared, as no real corpus does."""
    if k == 0:
        return 0, 0
    n = max(1, len(shifts))
    shift = shifts[(k - 1) % n] if shifts else 0
    return shift, 1 + ((k - 1) // n) % 4


TAG_LETTERS = "bcdfghjklmnpqrstvwxz"  # consonants: bibliography.romanised() folds repeated vowels


def title_tag(k: int, words: int) -> str:
    """A lowercase copy word (repeated ``words`` times): k in base 20, lowest digit first, the
    higher digits written five times each, in consonants only. Two tags with the same first
    letter differ in at least five letters, so the merge's rule for romanised spellings ("one
    word in ten spelled differently", long vowels folded) never takes two copies of a title
    for one work."""
    base, digits, n = len(TAG_LETTERS), [], k
    while True:
        digits.append(n % base)
        n //= base
        if not n:
            break
    while len(digits) < 3:
        digits.append(0)
    word = TAG_LETTERS[digits[0]] + "".join(TAG_LETTERS[d] * 5 for d in digits[1:])
    return " ".join([word] * words)


def perturb_number(token: str, k: int) -> str:
    """Change the last digit of a number (1-9 for a one-digit number), differently per copy."""
    if k == 0:
        return token
    delta = (k - 1) % 8 + 1
    d = int(token[-1])
    digits = sum(ch.isdigit() for ch in token)
    new = (d - 1 + delta) % 9 + 1 if digits == 1 else (d + delta) % 10
    return token[:-1] + str(new)


def render_edit(edit, k: int, shift: int, words: int) -> str:
    _, _, kind, original = edit
    if k == 0:
        return original
    if kind == "year":
        return str(int(original) + shift)
    if kind.startswith("yy"):  # the two digits ending a range ("2019–21"), kind "yy<century>"
        return f"{(int(kind[2:]) + int(original) + shift) % 100:02d}"
    if kind == "number":
        return perturb_number(original, k)
    if kind == "url":
        return f"c{k}/"
    if kind == "url-end":
        return f"/c{k}"
    if kind == "doi":
        return f"c{k}-"
    if kind == "title":
        return " " + title_tag(k, words)
    raise ValueError(f"unknown edit kind {kind!r}")


def _conflict(x, y) -> bool:
    """Do two edits touch the same characters? (Two insertions at one offset do; an insertion
    at the boundary of a replacement does not.)"""
    a, b, c, d = x[0], x[1], y[0], y[1]
    if a == b and c == d:
        return a == c
    if a == b:
        return c < a < d
    if c == d:
        return a < c < b
    return c < b and a < d


def add_edit(edits: list, edit) -> bool:
    """Add ``edit`` to a sorted list of disjoint edits unless it conflicts with one there."""
    i = bisect.bisect_left(edits, edit[:2])
    if any(0 <= j < len(edits) and _conflict(edit, edits[j]) for j in (i - 1, i, i + 1)):
        return False
    edits.insert(i, edit)
    return True


def url_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in URL.finditer(text)]


def _inside(spans, a: int, b: int) -> bool:
    return any(s <= a and b <= e for s, e in spans)


def string_edits(text: str, keep=()) -> list:
    """Edits found in any string: years (outside URLs and the ``keep`` spans), URL copy segments
    and DOI prefixes."""
    edits: list = []
    urls = url_spans(text)
    kept = urls + list(keep)
    for m in YEAR.finditer(text):
        if _inside(kept, m.start(), m.end()):
            continue
        add_edit(edits, (m.start(), m.end(), "year", m.group(1)))
        two = TWO_DIGIT_END.match(text, m.end())
        if two and int(m.group(1)) // 100 * 100 + int(two.group(1)) > int(m.group(1)):
            add_edit(edits, (two.start(1), two.end(1), f"yy{int(m.group(1)) // 100 * 100}", two.group(1)))
    for m in DOI.finditer(text):
        add_edit(edits, (m.end(), m.end(), "doi", ""))
    for a, b in urls:
        host = URL_HOST.match(text, a)
        if host.group(1).lower() in DOI_HOSTS or host.group(1).lower().removeprefix("www.") in DOI_HOSTS:
            continue
        end = host.end(1)
        while end > host.start(1) and text[end - 1] == ".":
            end -= 1
        if end < len(text) and text[end] == "/" and end < b:
            add_edit(edits, (end + 1, end + 1, "url", ""))
        else:
            add_edit(edits, (end, end, "url-end", ""))
    return edits


def render(text: str, edits: list, k: int, shift: int, words: int, start: int = 0, end: int | None = None,
           strict: bool = False) -> str:
    """``text[start:end]`` as copy k writes it, with the edits inside the range applied. With
    ``strict`` (a curated string) an insertion counts only strictly inside the range: a quote
    that ends where a copy word is inserted still occurs, unchanged, in the copy."""
    end = len(text) if end is None else end
    out, pos = [], start
    for i in range(bisect.bisect_left(edits, (start, start)), len(edits)):
        e = edits[i]
        a, b = e[0], e[1]
        if a > end:
            break
        if a < start or b > end or (strict and a == b and a in (start, end)):
            continue
        out.append(text[pos:a])
        out.append(render_edit(e, k, shift, words))
        pos = b
    out.append(text[pos:end])
    return "".join(out)


def shift_string(value, k: int, shift: int):
    """A curated string outside any text (catalogue fields) as copy k writes it."""
    if k == 0 or value is None:
        return value
    value = str(value)
    return render(value, string_edits(value), k, shift, 0)


# --- planning a seed: its edits and where each curated string is --------------------------------------

def registry_spans(text: str, forms) -> list[tuple[int, int]]:
    """Where the text names a registry entry whose name holds a year ("Defense of Japan 2025"):
    a copy keeps those years, so the shared registries still find the name."""
    spans = []
    for form in forms:
        i = text.find(form)
        while i >= 0:
            spans.append((i, i + len(form)))
            i = text.find(form, i + 1)
    return spans


def document_edits(doc, seg, dated_names=()) -> list:
    """Every edit of one seed: years (not inside a registry name), URLs and DOIs anywhere;
    numbers inside quantities (body, footnotes, captions; not inside a date or a URL); a copy
    word after each cited title."""
    text = doc.text
    edits = string_edits(text, keep=registry_spans(text, dated_names))
    urls = url_spans(text)
    for region in segment.regions(doc, seg):
        if region.kind not in ("body", "footnote", "caption"):
            continue
        date_spans = [(p.start, p.end) for m in dates.find_dates(region.text)
                      for p in region.multi.sub(m.start, m.end)]
        for q in quantities_mod.find_quantities(region.text):
            for piece in region.multi.sub(q.start, q.end):
                # two characters past the piece, for the look-ahead; matches must end inside it
                for m in NUMBER.finditer(text, piece.start, min(len(text), piece.end + 2)):
                    a, b = m.start(), m.end()
                    if b > piece.end or _inside(urls, a, b) or any(s < b and a < e for s, e in date_spans):
                        continue
                    add_edit(edits, (a, b, "number", m.group()))
    found = footnotes_mod.read_footnotes(doc, seg)
    for cite in found["citations"] + found["references"]:
        at = title_end(text, cite)
        if at is not None:
            add_edit(edits, (at, at, "title", ""))
    return edits


def title_end(text: str, cite: dict) -> int | None:
    """Where a copy word goes in a cited title: the offset in the seed text of the title's end,
    before a final "?" or "!" (after it the parser would read the word as the title's next
    sentence). The title is looked for in the citation's joined text, so a title broken across
    lines is found too; None when the parsed title is not written there as such."""
    title = cite["record"].get("title")
    if not title or cite.get("start") is None:
        return None
    i = cite["text"].find(title)
    if i < 0:
        return None
    j = i + len(title) - (1 if title[-1] in "?!" else 0)
    pieces = json.loads(cite["spans"]) if cite.get("spans") else [[cite["start"], cite["end"]]]
    pos = 0  # map offset j of the joined text to the seed text, piece by piece
    for a, b in pieces:
        k = cite["text"].find(text[a:b], pos)
        if k < 0:
            return None
        if k <= j <= k + (b - a):
            return a + (j - k)
        pos = k + (b - a)
    return None


def _ws_pattern(s: str):
    return re.compile(r"\s+".join(re.escape(w) for w in s.split()))


def find_snippet(text: str, joined: list, s: str, prefix=None):
    """Where a curated string is in the seed text: ``{"pieces": [[a, b], ...], "seps": [...],
    "fold": bool}`` or None. Tried in the order the build finds them: exactly (``locate``, with
    its prefix and across page breaks), at its first occurrence, whitespace-insensitively."""
    if not isinstance(s, str) or not s.strip():
        return None
    try:
        loc = locate(s, prefix if isinstance(prefix, str) else None, text, joined)
        pieces = loc.spans or [[loc.start, loc.end]]
    except QuoteNotFound:
        pieces = None
        i = text.find(s)
        if i >= 0:
            pieces = [[i, i + len(s)]]
        else:
            for jtext, multi in joined:
                j = jtext.find(s)
                if j >= 0:
                    pieces = [[p.start, p.end] for p in multi.sub(j, j + len(s))]
                    break
    if pieces is None:
        m = _ws_pattern(s).search(text)
        return {"pieces": [[m.start(), m.end()]], "seps": [], "fold": True} if m else None
    if len(pieces) == 1:
        return {"pieces": pieces, "seps": [], "fold": text[pieces[0][0]:pieces[0][1]] != s}
    seps, pos = [], 0
    for n, (a, b) in enumerate(pieces):
        i = s.find(text[a:b], pos)
        if i < 0:
            return None
        if n:
            seps.append(s[pos:i])
        pos = i + (b - a)
    return {"pieces": pieces, "seps": seps, "fold": False}


def _near(text: str, phrase: str, where: dict | None):
    """The occurrence of a date phrase the build uses: inside its quote, else the nearest."""
    if not isinstance(phrase, str) or not phrase:
        return None
    if where:
        for a, b in where["pieces"]:
            i = text.find(phrase, a, b)
            if i >= 0:
                return {"pieces": [[i, i + len(phrase)]], "seps": [], "fold": False}
    hits = [m.start() for m in re.finditer(re.escape(phrase), text)]
    if not hits:
        return None
    anchor = where["pieces"][0][0] if where else 0
    i = min(hits, key=lambda h: abs(h - anchor))
    return {"pieces": [[i, i + len(phrase)]], "seps": [], "fold": False}


def _before(text: str, prefix: str, where: dict | None):
    if not isinstance(prefix, str) or not prefix or not where:
        return None
    i = text.rfind(prefix, 0, where["pieces"][0][0])
    return {"pieces": [[i, i + len(prefix)]], "seps": [], "fold": False} if i >= 0 else None


def curated_strings(data):
    """Every curated string of an annotation file that quotes its document, in order:
    ``(path, mapping, key, kind, item path)``; a quote comes before its ``date`` and ``prefix``."""
    if not isinstance(data, dict):
        return
    for i, ev in enumerate(data.get("events") or []):
        if not isinstance(ev, dict):
            continue
        for j, item in enumerate(ev.get("evidence") or []):
            if isinstance(item, dict):
                base = ("events", i, "evidence", j)
                yield from ((base + (key,), item, key, key, base) for key in ("quote", "prefix", "date"))
    for section, key in (("recommendations", "quote"), ("quotations", "quote"), ("quantities", "quote"),
                         ("rejected_candidates", "sentence")):
        for i, item in enumerate(data.get(section) or []):
            if isinstance(item, dict):
                base = (section, i)
                yield base + (key,), item, key, "quote", base
                yield base + ("prefix",), item, "prefix", "prefix", base


def plan_annotations(data, text: str, joined: list) -> dict:
    """Where each curated string of one annotation file is in the seed text (path -> snippet)."""
    plans, quotes = {}, {}
    for path, item, key, kind, base in curated_strings(data):
        if key not in item:
            continue
        if kind in ("quote", "sentence"):
            quotes[base] = plans[path] = find_snippet(text, joined, item[key], item.get("prefix"))
        elif kind == "date":
            plans[path] = _near(text, item[key], quotes.get(base))
        elif kind == "prefix":
            plans[path] = _before(text, item[key], quotes.get(base))
    return plans


def drop_cutting_edits(edits: list, plans) -> list:
    """Edits that do not cut a curated string in two (those are left out of every copy)."""
    bounds = sorted({x for plan in plans if plan for piece in plan["pieces"] for x in piece})
    kept = []
    for e in edits:
        a, b = e[0], e[1]
        i = bisect.bisect_right(bounds, a)
        if i < len(bounds) and bounds[i] < b:
            continue
        kept.append(e)
    return kept


def render_snippet(text: str, edits: list, plan: dict, k: int, shift: int, words: int) -> str:
    parts = [render(text, edits, k, shift, words, a, b, strict=True) for a, b in plan["pieces"]]
    out = parts[0] + "".join(sep + part for sep, part in zip(plan["seps"], parts[1:]))
    return " ".join(out.split()) if plan["fold"] else out


def copy_id(value, k: int):
    return value if k == 0 or not isinstance(value, str) else f"{value}-c{k}"


def render_annotations(data, plans: dict, text: str, edits: list, k: int, shift: int, words: int):
    """One annotation file as copy k writes it: ids renamed, curated strings re-quoted."""
    out = copy_mod.deepcopy(data)
    for path, item, key, kind, base in curated_strings(out):
        plan = plans.get(path)
        if plan and key in item:
            item[key] = render_snippet(text, edits, plan, k, shift, words)
    for ev in out.get("events") or []:
        if isinstance(ev, dict):
            for key in ("id", "ref"):
                if key in ev:
                    ev[key] = copy_id(ev[key], k)
            if ev.get("known_date") and k:  # a curated date shifts with the years of the text
                ev["known_date"] = "/".join(f"{int(p[:4]) + shift:04d}{p[4:]}"
                                            for p in str(ev["known_date"]).split("/"))
                ev["known_date_basis"] = shift_string(ev.get("known_date_basis") or "", k, shift)
            for item in ev.get("evidence") or []:
                if isinstance(item, dict) and "relative_to" in item:
                    item["relative_to"] = copy_id(item["relative_to"], k)
    for link in out.get("links") or []:
        if isinstance(link, dict):
            for key in ("event", "related"):
                if key in link:
                    link[key] = copy_id(link[key], k)
    for rec in out.get("recommendations") or []:
        if isinstance(rec, dict) and "id" in rec:
            rec["id"] = copy_id(rec["id"], k)
    return out


def plain(value):
    """YAML nodes (dict and list subclasses with line numbers) as plain dicts and lists."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def plan_seeds(seeds_dir) -> dict:
    """Read and check the seeds, and plan every copy: per document its catalogue entry, text,
    edits and annotation plan; the year shifts the corpus allows."""
    seeds_dir = Path(seeds_dir)
    inputs = pipeline.read_inputs(seeds_dir)  # raises InputErrors when the seeds do not build
    raw_catalog = plain(load_yaml(seeds_dir / "catalog.yml"))
    entries = {e["file"]: e for e in raw_catalog["documents"]}
    dated_names = sorted({form for registry in (inputs.actors, inputs.places) for e in registry.entries
                          for form in [e.get("name"), *(e.get("aliases") or [])]
                          if isinstance(form, str) and YEAR.search(form)}, key=len, reverse=True)
    docs, years, window_years = [], [], []
    for doc in inputs.documents:
        seg = segment.segment(doc)
        ann_path = seeds_dir / "annotations" / f"{doc.stem}.yml"
        annotations = plain(load_yaml(ann_path)) if ann_path.exists() else None
        plans = plan_annotations(annotations, doc.text, joined_texts(doc, seg)) if annotations else {}
        edits = drop_cutting_edits(document_edits(doc, seg, dated_names), plans.values())
        entry = entries[doc.source_file]
        years += [int(e[3]) for e in edits if e[2] == "year"]
        for key in ("published", "published_earliest", "published_latest"):
            if entry.get(key):
                window_years.append(int(str(entry[key])[:4]))
        docs.append({"stem": doc.stem, "entry": entry, "text": doc.text, "edits": edits,
                     "annotations": annotations, "plans": plans})
    return {"seeds_dir": seeds_dir, "documents": docs, "shifts": year_shifts(years, window_years)}


def catalog_entry(entry: dict, stem: str, k: int, shift: int) -> dict:
    out = dict(entry)
    out["id"] = copy_id(entry["id"], k)
    out["file"] = f"{stem}.txt"
    for key in ("title", "title_basis", "published_basis", "url"):
        if out.get(key) is not None:
            out[key] = shift_string(out[key], k, shift)
    for key in ("published", "published_earliest", "published_latest"):
        if out.get(key) is not None:
            value = str(out[key])
            out[key] = f"{int(value[:4]) + shift:04d}{value[4:]}" if k else value
    return out


def copy_stem(stem: str, k: int) -> str:
    return stem if k == 0 else f"c{k:04d}_{stem}"


def _dump(data, path: Path):
    with open(path, "w", encoding="utf-8") as fh:
        yaml.dump(data, fh, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)


def synthesize(seeds_dir, out_dir, copies: int, plan: dict | None = None) -> dict:
    """Write ``copies`` copies of the seeds and their curated files into ``out_dir``.

    Copy 0 is the seeds unchanged; see the module docstring for what copy k changes. Returns a
    summary: documents, copies, text_bytes (the seed texts written) and the year shifts used.
    """
    if copies < 1:
        raise ValueError("copies must be at least 1")
    plan = plan or plan_seeds(seeds_dir)
    seeds_dir, out_dir = Path(plan["seeds_dir"]), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(seeds_dir.iterdir()):  # shared registries, once
        if path.is_file() and path.suffix in (".yml", ".yaml") and path.name != "catalog.yml":
            shutil.copyfile(path, out_dir / path.name)
    has_annotations = any(d["annotations"] is not None for d in plan["documents"])
    if has_annotations:
        (out_dir / "annotations").mkdir(exist_ok=True)
    entries, text_bytes = [], 0
    for k in range(copies):
        shift, words = copy_shape(k, plan["shifts"])
        for d in plan["documents"]:
            stem = copy_stem(d["stem"], k)
            entries.append(catalog_entry(d["entry"], stem, k, shift))
            if k == 0:
                shutil.copyfile(seeds_dir / d["entry"]["file"], out_dir / f"{stem}.txt")
                text_bytes += (out_dir / f"{stem}.txt").stat().st_size
                if d["annotations"] is not None:
                    shutil.copyfile(seeds_dir / "annotations" / f"{d['stem']}.yml",
                                    out_dir / "annotations" / f"{stem}.yml")
                continue
            data = render(d["text"], d["edits"], k, shift, words).encode("utf-8")
            (out_dir / f"{stem}.txt").write_bytes(data)
            text_bytes += len(data)
            if d["annotations"] is not None:
                _dump(render_annotations(d["annotations"], d["plans"], d["text"], d["edits"], k, shift, words),
                      out_dir / "annotations" / f"{stem}.yml")
    _dump({"documents": entries}, out_dir / "catalog.yml")
    return {"copies": copies, "documents": len(entries), "text_bytes": text_bytes,
            "year_shifts": sorted({copy_shape(k, plan["shifts"])[0] for k in range(copies)})}


# --- the build, in a child process ---------------------------------------------------------------------

def _child_build(seeds_dir: str, out: str, profile: str | None = None):
    """Run in the child: build, then print the stage timings and row counts as one JSON line."""
    if profile:
        import cProfile

        # CPU seconds of this process, not wall seconds: on a shared machine the neighbours' load
        # filled the wall-clock profile (71 s profiled against a build of 12.8 s CPU)
        profiler = cProfile.Profile(time.process_time)
        result = profiler.runcall(pipeline.build, seeds_dir, out)
        profiler.dump_stats(profile)
    else:
        result = pipeline.build(seeds_dir, out)
    print(json.dumps({"stages": dict(result.stages), "phases": result.phases, "workers": result.workers,
                      "rows": result.counts, "unmatched": result.unmatched, "incremental": result.incremental,
                      "rebuilt": result.rebuilt}))


def run_build(seeds_dir, out_path, profile=None) -> dict:
    """Build ``seeds_dir`` into ``out_path`` in a fresh interpreter; wall time (interpreter start
    included), CPU time and peak RSS are the child's own (``os.wait4``)."""
    cmd = [sys.executable, "-m", "alliance_record.bench", "build", str(seeds_dir), str(out_path)]
    if profile:
        cmd.append(str(profile))
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise RuntimeError(f"the build failed (exit {proc.returncode}):\n{stderr[-4000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    stages = {k: round(v, 3) for k, v in report["stages"].items()}
    return {
        "build_seconds": round(wall, 3),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # kilobytes on Linux
        "stages": stages,
        # wall-clock seconds of the build's phases, one after another (the stages above are
        # summed over documents, side by side in the worker processes)
        "phases": {k: round(v, 3) for k, v in report.get("phases", {}).items()},
        "workers": report.get("workers"),
        # interpreter start and imports: the wall time outside every phase of the build
        "stages_other_seconds": round(wall - sum(report.get("phases", {}).values()), 3),
        "rows": report["rows"],
        "unmatched": report["unmatched"],
        "incremental": report.get("incremental", False),
        "rebuilt": report.get("rebuilt") or {},
    }


def edit_one_annotation(corpus: Path) -> Path:
    """Change one event summary in the middle annotation file, as a curator would."""
    files = sorted((Path(corpus) / "annotations").glob("*.yml"))
    path = files[len(files) // 2]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    event = next(ev for ev in data["events"] if ev.get("summary"))
    event["summary"] = event["summary"].rstrip() + " (revised)"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return path


# --- the floor: the same rows, plainly written -------------------------------------------------------

def baseline(db_path, work_dir, chunk: int = 100_000) -> dict:
    """Write the final rows of a built database again with plain ``executemany`` in one
    transaction, into tables made by the same CREATE TABLE statements (no index, no FTS) and
    with the build's pragmas. Only the writing is timed: rows are read from the built database
    in chunks between the timed calls."""
    work_dir = Path(work_dir)
    dest_path = work_dir / "baseline.db"
    dest_path.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    dest = sqlite3.connect(dest_path, isolation_level=None)
    seconds, rows = 0.0, {}
    try:
        creates = dict(src.execute("select name, sql from sqlite_master where type = 'table'"))
        t0 = time.perf_counter()
        dest.execute("PRAGMA journal_mode = OFF")
        dest.execute("PRAGMA synchronous = OFF")
        dest.execute("BEGIN")
        for table in schema.TABLES:
            dest.execute(creates[table.name])
        seconds += time.perf_counter() - t0
        for table in schema.TABLES:
            columns = ", ".join(f"[{c}]" for c in table.columns)
            insert = f"INSERT INTO [{table.name}] ({columns}) VALUES ({', '.join('?' * len(table.columns))})"
            cur = src.execute(f"SELECT {columns} FROM [{table.name}]")
            rows[table.name] = 0
            while batch := cur.fetchmany(chunk):
                t0 = time.perf_counter()
                dest.executemany(insert, batch)
                seconds += time.perf_counter() - t0
                rows[table.name] += len(batch)
        t0 = time.perf_counter()
        dest.execute("COMMIT")
        seconds += time.perf_counter() - t0
    finally:
        src.close()
        dest.close()
    return {"baseline_seconds": round(seconds, 3), "baseline_rows": {k: v for k, v in rows.items() if v},
            "baseline_db_bytes": dest_path.stat().st_size}


# --- serving: latency per URL ----------------------------------------------------------------------------

def bench_urls(metadata: dict) -> list[str]:
    """What a visitor loads: every canned query with its ``example:`` parameters, every table
    page (its facets come from the metadata), and a full-text search of the paragraphs."""
    from urllib.parse import urlencode

    db = (metadata.get("databases") or {}).get(DATABASE_NAME) or {}
    urls = []
    for name, query in (db.get("queries") or {}).items():
        params = (query or {}).get("example") or {}
        urls.append(f"/{DATABASE_NAME}/{name}" + (f"?{urlencode(params)}" if params else ""))
    urls += [f"/{DATABASE_NAME}/{t.name}" for t in schema.TABLES]
    urls.append(f"/{DATABASE_NAME}/paragraphs?_search=Senkaku")
    return urls


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0-100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def inspect_database(db_path, inspect_path) -> float:
    """``datasette inspect``: table counts computed once, so pages of an immutable database
    do not count rows on every request. Returns the seconds it took."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "datasette", "inspect", str(db_path), "--inspect-file",
                    str(inspect_path)], check=True, capture_output=True)
    return time.perf_counter() - t0


def measure_latency(db_path, metadata_path, urls=None, requests: int = 20, budget_seconds: float = 60.0,
                    inspect_path=None, settings=()) -> dict:
    """Serve ``db_path`` as ``make serve-datasette`` does (``serve.SETTINGS``, one process) with the
    response cache off, and time each URL (what each page costs to make at this N).

    ``settings`` are extra ``(name, value)`` Datasette settings, given after those (so
    they win): a way to try ``facet_time_limit_ms`` or ``suggest_facets`` on a large corpus.

    One warm-up round over every URL, then ``requests`` rounds, one request at a time (a URL
    that has used up ``budget_seconds`` stops after 3 samples). The server is stopped at the
    end, also on error. Returns ``{"latency_ms": {url: {p50, p95, max, n, status}},
    "serve": {...}}``.
    """
    import httpx

    db_path, metadata_path = Path(db_path), Path(metadata_path)
    metadata = yaml.safe_load(metadata_path.read_text(encoding="utf-8"))
    urls = list(urls) if urls is not None else bench_urls(metadata)
    inspect_path = Path(inspect_path or db_path.with_name("inspect.json"))
    inspect_seconds = inspect_database(db_path, inspect_path)
    port = free_port()
    cmd = [sys.executable, "-m", "datasette", "serve", "-i", str(db_path), "-m", str(metadata_path),
           "--inspect-file", str(inspect_path), "-h", "127.0.0.1", "-p", str(port), *serve_args()]
    for name, value in settings:
        cmd += ["--setting", str(name), str(value)]
    base = f"http://127.0.0.1:{port}"
    samples: dict = {u: [] for u in urls}
    status: dict = {}
    with tempfile.TemporaryFile() as err:
        # the response cache off: the timings are of the queries and pages at N, not of the cache
        # (every URL is asked for 20 times; `make loadtest` measures the served site with it)
        server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err,
                                  env={**os.environ, CACHE_MB_ENV: "0"})
        try:
            with httpx.Client(base_url=base, timeout=120) as client:
                t0 = time.perf_counter()
                while True:
                    if server.poll() is not None:
                        err.seek(0)
                        raise RuntimeError(f"datasette exited ({server.returncode}): {err.read().decode()[-2000:]}")
                    try:
                        if client.get("/-/versions.json").status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    if time.perf_counter() - t0 > 60:
                        raise RuntimeError("datasette did not answer within 60 s")
                    time.sleep(0.1)
                startup = time.perf_counter() - t0
                for url in urls:  # warm-up
                    status[url] = client.get(url).status_code
                for _ in range(requests):
                    for url in urls:
                        if len(samples[url]) >= 3 and sum(samples[url]) / 1000 > budget_seconds:
                            continue
                        t = time.perf_counter()
                        response = client.get(url)
                        samples[url].append((time.perf_counter() - t) * 1000)
                        if response.status_code != 200:
                            status[url] = response.status_code
            rss = _peak_rss_mb(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    latency = {u: {"p50": round(percentile(v, 50), 1), "p95": round(percentile(v, 95), 1),
                   "max": round(max(v), 1), "n": len(v), "status": status[u]}
               for u, v in samples.items() if v}
    return {"latency_ms": latency,
            "serve": {"inspect_seconds": round(inspect_seconds, 3), "startup_seconds": round(startup, 3),
                      "peak_rss_mb": rss, "requests_per_url": requests,
                      "settings": " ".join(cmd[cmd.index("--setting"):])}}


def _peak_rss_mb(pid: int):
    """Peak resident memory of a running process (VmHWM), in MiB; None where /proc is missing."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


# --- one benchmark run ---------------------------------------------------------------------------------

def machine() -> dict:
    """Where the figures come from."""
    import importlib.metadata

    info = {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "sqlite": sqlite3.sqlite_version}
    try:
        info["datasette"] = importlib.metadata.version("datasette")
    except importlib.metadata.PackageNotFoundError:
        pass
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().split()
        info["memory_gb"] = round(int(mem[mem.index("MemTotal:") + 1]) / 1024 ** 2, 1)
    except (OSError, ValueError):
        pass
    return info


def git_commit(where=".") -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=where, capture_output=True, text=True)
        return out.stdout.strip() or None
    except OSError:
        return None


def run_bench(copies: int, seeds_dir="seeds", metadata_path="metadata.yml", serve: bool = True,
              requests: int = 20, workdir=None, profile=None, log=None, settings=(),
              references: bool = True) -> dict:
    """Synthesize, build, write the baseline, time the reference parser (unless ``references``
    is false: :func:`citelabel.speed.time_references`) and (unless ``serve`` is false) measure
    latency; return every figure as one plain dict (see the README, "Scale and speed")."""
    log = log or (lambda message: None)
    tmp = None
    if workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="alliance-bench-")
        workdir = tmp.name
    workdir = Path(workdir)
    corpus, db_path = workdir / "seeds", workdir / "build" / f"{DATABASE_NAME}.db"
    try:
        if corpus.exists():
            shutil.rmtree(corpus)
        log(f"synthesizing {copies} copies of {seeds_dir} ...")
        t0 = time.perf_counter()
        summary = synthesize(seeds_dir, corpus, copies)
        synth_seconds = time.perf_counter() - t0
        log(f"building {summary['documents']} documents ...")
        built = run_build(corpus, db_path, profile=profile)
        log(f"built in {built['build_seconds']} s; writing the baseline ...")
        floor = baseline(db_path, workdir)
        edited = edit_one_annotation(corpus)
        log(f"building again after one annotation file changed ({edited.name}) ...")
        rebuilt = run_build(corpus, db_path)
        result = {
            "copies": copies, "documents": summary["documents"], "commit": git_commit(),
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine(),
            "synthesize_seconds": round(synth_seconds, 3), **built,
            "baseline_seconds": floor["baseline_seconds"],
            "ratio": round(built["build_seconds"] / floor["baseline_seconds"], 1) if floor["baseline_seconds"] else None,
            "baseline_rows_match": floor["baseline_rows"] == {k: v for k, v in built["rows"].items() if v},
            "rows_total": sum(built["rows"].values()),
            "db_bytes": db_path.stat().st_size, "baseline_db_bytes": floor["baseline_db_bytes"],
            "text_bytes": summary["text_bytes"],
            "db_to_text": round(db_path.stat().st_size / summary["text_bytes"], 1),
            "year_shifts": summary["year_shifts"], "profiled": bool(profile), "latency_ms": {},
            # the build after one annotation file changed, reusing the first build's cache
            "rebuild": {k: rebuilt[k] for k in ("build_seconds", "cpu_seconds", "peak_rss_mb", "phases",
                                                "incremental", "rebuilt")},
        }
        if references:
            from .citelabel import speed

            log("timing the reference parser on a synthetic References list ...")
            result["references"] = speed.time_references()
        if serve:
            log(f"serving and timing {requests} requests per URL ...")
            result.update(measure_latency(db_path, metadata_path, requests=requests, settings=settings))
        return result
    finally:
        if tmp is not None:
            tmp.cleanup()


def slowest(result: dict, n: int = 5) -> list[tuple[str, dict]]:
    return sorted(result.get("latency_ms", {}).items(), key=lambda kv: -kv[1]["p95"])[:n]


def format_report(r: dict) -> str:
    """The figures of one run, for a person."""
    mb = 1024 * 1024
    lines = [
        f"Alliance Record benchmark: {r['copies']} copies, {r['documents']} documents "
        f"(commit {r.get('commit') or '?'}, {r['machine']['cores']} cores, Python {r['machine']['python']})",
        f"  build      {r['build_seconds']:.2f} s wall, {r['cpu_seconds']:.2f} s CPU, "
        f"peak RSS {r['peak_rss_mb']:.0f} MiB{' (under cProfile)' if r.get('profiled') else ''}",
        *([f"  rebuild    {r['rebuild']['build_seconds']:.2f} s after one annotation file changed "
           f"({'incremental: ' + incremental.describe(r['rebuild']['rebuilt']) if r['rebuild']['incremental'] else 'not incremental'})"]
          if r.get("rebuild") else []),
        f"  baseline   {r['baseline_seconds']:.2f} s (executemany, one transaction): "
        f"build / baseline = {r['ratio']}",
        f"  size       database {r['db_bytes'] / mb:.1f} MiB for {r['text_bytes'] / mb:.1f} MiB of text "
        f"({r['db_to_text']}x; the bare rows take {r['baseline_db_bytes'] / mb:.1f} MiB)",
        "  phases     " + ", ".join(f"{k} {v:.2f}" for k, v in r.get("phases", {}).items())
        + f", interpreter start {r['stages_other_seconds']:.2f} s (wall, one after another)",
        f"  stages     (summed over documents, side by side in {r.get('workers') or 1} process(es)) "
        + ", ".join(f"{k} {v:.2f}" for k, v in sorted(r["stages"].items(), key=lambda kv: -kv[1])),
        f"  rows       {r['rows_total']} in {len(r['rows'])} tables: "
        + ", ".join(f"{k} {v}" for k, v in sorted(r["rows"].items(), key=lambda kv: -kv[1])),
    ]
    if r.get("references"):
        f = r["references"]
        lines.append(f"  references {f['references']} synthetic entries parsed by parse_references (one core): "
                     f"{f['first_pass_per_second']} /s as one list, every word new; {f['again_per_second']} /s "
                     f"again; {f['one_call_each_per_second']} /s one call each")
    if r.get("latency_ms"):
        s = r["serve"]
        lines.append(f"  serving    inspect {s['inspect_seconds']:.2f} s, start {s['startup_seconds']:.2f} s, "
                     f"peak RSS {s['peak_rss_mb']} MiB, {s['requests_per_url']} requests per URL")
        lines.append("  latency    p50 / p95 ms (slowest first)")
        for url, v in sorted(r["latency_ms"].items(), key=lambda kv: -kv[1]["p95"]):
            flag = "" if v["status"] == 200 else f"  HTTP {v['status']}"
            lines.append(f"    {v['p50']:8.1f} {v['p95']:8.1f}  {url}{flag}")
    return "\n".join(lines)


def merge_results(path, result: dict) -> dict:
    """Add a run to a JSON file that maps copies (as text) to the latest run with that many."""
    path = Path(path)
    data = json.loads(path.read_text()) if path.exists() else {}
    data[str(result["copies"])] = result
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(dict(sorted(data.items(), key=lambda kv: int(kv[0]))), indent=1) + "\n")
    return data


# --- where the time goes: a cProfile of the build, by stage ----------------------------------------------

def stage_roots() -> dict:
    """The function behind each stage timer of ``pipeline.run``, as pstats keys."""
    from .load import Loader

    funcs = {"ingest": [pipeline.read_inputs], "segment": [segment.segment], "load": [Loader.insert],
             "index": [schema.finish]}
    for f in pipeline.DOCUMENT_EXTRACTORS + pipeline.CORPUS_STAGES:
        funcs.setdefault(pipeline.stage_name(f), []).append(f)
    return {stage: [(f.__code__.co_filename, f.__code__.co_firstlineno, f.__name__) for f in fs]
            for stage, fs in funcs.items()}


def _label(key) -> str:
    file, line, name = key
    return name if file == "~" else f"{Path(file).name}:{line}({name})"


def hot_spots(profile_path, per_stage: int = 5, below: int = 3) -> dict:
    """Per stage: its root functions' cumulative seconds and their costliest callees (with the
    callees' own costliest callees: totals over every caller); plus the costliest functions by
    their own time. Plain data: ``{"stages": {stage: [...]}, "self": [...]}``."""
    import pstats

    stats = pstats.Stats(str(profile_path))
    stats.calc_callees()

    def callees(key, n):
        edges = stats.all_callees.get(key, {})
        ranked = sorted(edges.items(), key=lambda kv: -kv[1][3])[:n]
        return [{"function": _label(k), "seconds": round(v[3], 3), "calls": v[0], "key": k} for k, v in ranked]

    out = {"stages": {}, "self": []}
    for stage, keys in stage_roots().items():
        rows = []
        for key in keys:
            if key not in stats.stats:
                continue
            _, nc, _, ct, _ = stats.stats[key]
            top = callees(key, per_stage)
            for c in top:
                c["below"] = [{k: v for k, v in d.items() if k != "key"} for d in callees(c.pop("key"), below)]
            rows.append({"function": _label(key), "seconds": round(ct, 3), "calls": nc, "callees": top})
        out["stages"][stage] = rows
    ranked = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:20]
    out["self"] = [{"function": _label(k), "self_seconds": round(v[2], 3), "calls": v[1]} for k, v in ranked]
    return out


def format_hot_spots(profile_path) -> str:
    spots = hot_spots(profile_path)
    lines = ["Where the build's time goes (cProfile, cumulative CPU seconds; profiling slows it down):"]
    for stage, rows in sorted(spots["stages"].items(), key=lambda kv: -sum(r["seconds"] for r in kv[1])):
        for r in rows:
            lines.append(f"  {stage:14} {r['seconds']:8.2f}  {r['function']} x{r['calls']}")
            for c in r["callees"]:
                lines.append(f"  {'':14} {c['seconds']:8.2f}    {c['function']} x{c['calls']}")
                for d in c["below"]:
                    lines.append(f"  {'':14} {d['seconds']:8.2f}      {d['function']} x{d['calls']}")
    lines.append("Own time (without callees):")
    lines += [f"  {r['self_seconds']:8.2f}  {r['function']} x{r['calls']}" for r in spots["self"]]
    return "\n".join(lines)


# --- the chart ----------------------------------------------------------------------------------------

CHART_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")


def chart_series(results: dict) -> tuple[list, list]:
    """(build series, latency series) from a mapping copies -> run: (label, [(N, value)])."""
    runs = sorted(results.values(), key=lambda r: r["copies"])
    build = [("build, wall", [(r["copies"], r["build_seconds"]) for r in runs]),
             ("build, CPU (dashed)", [(r["copies"], r["cpu_seconds"]) for r in runs]),
             ("baseline (executemany)", [(r["copies"], r["baseline_seconds"]) for r in runs])]
    served = [r for r in runs if r.get("latency_ms")]
    p95 = {r["copies"]: sorted(v["p95"] for v in r["latency_ms"].values()) for r in served}
    p50 = {r["copies"]: sorted(v["p50"] for v in r["latency_ms"].values()) for r in served}
    latency = [("p95, slowest URL", [(n, v[-1]) for n, v in p95.items()]),
               ("p95, median URL", [(n, v[len(v) // 2]) for n, v in p95.items()]),
               ("p50, median URL", [(n, v[len(v) // 2]) for n, v in p50.items()])]
    return build, latency


def _log_ticks(lo: float, hi: float) -> list[float]:
    return [10.0 ** e for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)]


def _svg_panel(x0, y0, w, h, title, unit, series, limit=None) -> list[str]:
    """One log-log panel: axes with decade ticks, a polyline and dots per series, a legend."""
    points = [pt for _, pts in series for pt in pts if pt[1] and pt[1] > 0]
    if not points:
        return [f'<text x="{x0 + w / 2}" y="{y0 + h / 2}" text-anchor="middle">{title}: no data</text>']
    xs = _log_ticks(min(p[0] for p in points), max(p[0] for p in points))
    ys_all = [p[1] for p in points] + ([limit] if limit else [])
    ys = _log_ticks(min(ys_all), max(ys_all))
    lx, ly = (math.log10(xs[0]), math.log10(xs[-1])), (math.log10(ys[0]), math.log10(ys[-1]))

    def px(x):
        return x0 + (math.log10(x) - lx[0]) / ((lx[1] - lx[0]) or 1) * w

    def py(y):
        return y0 + h - (math.log10(y) - ly[0]) / ((ly[1] - ly[0]) or 1) * h

    out = [f'<text x="{x0 + w / 2}" y="{y0 - 12}" text-anchor="middle" font-weight="bold">{title}</text>',
           f'<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="none" stroke="#999"/>']
    for x in xs:
        out.append(f'<line x1="{px(x):.1f}" y1="{y0}" x2="{px(x):.1f}" y2="{y0 + h}" stroke="#eee"/>')
        out.append(f'<text x="{px(x):.1f}" y="{y0 + h + 16}" text-anchor="middle">{x:g}</text>')
    for y in ys:
        out.append(f'<line x1="{x0}" y1="{py(y):.1f}" x2="{x0 + w}" y2="{py(y):.1f}" stroke="#eee"/>')
        out.append(f'<text x="{x0 - 6}" y="{py(y) + 4:.1f}" text-anchor="end">{y:g}</text>')
    out.append(f'<text x="{x0 + w / 2}" y="{y0 + h + 34}" text-anchor="middle">copies of the seeds (N)</text>')
    out.append(f'<text x="{x0 - 44}" y="{y0 + h / 2}" text-anchor="middle" '
               f'transform="rotate(-90 {x0 - 44} {y0 + h / 2})">{unit}</text>')
    if limit:
        out.append(f'<line x1="{x0}" y1="{py(limit):.1f}" x2="{x0 + w}" y2="{py(limit):.1f}" '
                   f'stroke="#888" stroke-dasharray="4 3"/>')
        out.append(f'<text x="{x0 + w - 4}" y="{py(limit) - 4:.1f}" text-anchor="end" fill="#666">'
                   f'target {limit:g}</text>')
    for i, (label, pts) in enumerate(series):
        colour = CHART_COLOURS[i % len(CHART_COLOURS)]
        pts = [p for p in pts if p[1] and p[1] > 0]
        if len(pts) > 1:
            path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
            dash = ' stroke-dasharray="6 4"' if "dashed" in label else ""
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        out += [f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="{colour}"/>' for x, y in pts]
        out.append(f'<rect x="{x0 + 10}" y="{y0 + 10 + 18 * i}" width="12" height="4" fill="{colour}"/>')
        out.append(f'<text x="{x0 + 28}" y="{y0 + 16 + 18 * i}">{label}</text>')
    return out


def write_chart(results: dict, path) -> Path:
    """An SVG of build time (with CPU time and the baseline) and of latency against N."""
    build, latency = chart_series(results)
    width, height = 960, 400
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="12">', '<rect width="100%" height="100%" fill="white"/>']
    parts += _svg_panel(80, 40, 360, 300, "Build time against corpus size", "seconds", build)
    parts += _svg_panel(570, 40, 360, 300, "Latency of the served dataset", "milliseconds", latency, limit=200)
    parts.append("</svg>")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


# --- hostile inputs: does each extractor grow linearly? (issue 19) ---------------------------------------

HOSTILE_REGISTRIES = {
    "actors.yml": "actors:\n"
                  "  - {id: shinjiro-koizumi, name: Shinjiro Koizumi, type: person, aliases: [Koizumi]}\n"
                  "  - {id: richard-marles, name: Richard Marles, type: person, aliases: [Marles]}\n",
    "places.yml": "places:\n"
                  "  - {id: tokyo, name: Tokyo, type: city, latitude: 35.6895, longitude: 139.6917, "
                  "geo_precision: point}\n",
}


def _names_paragraph(size: int, sentence: str = "Koizumi met Marles in Tokyo. ") -> str:
    """One paragraph of about ``size`` characters, three registry names in every sentence."""
    return "Hostile Input\n\n" + sentence * max(1, size // len(sentence)) + "\n"


def _made_name(k: int) -> str:
    """A capitalised word of its own for each ``k`` ("Bab", "Cab", …), letters only."""
    letters = "bcdfghjklmnpqrstvwxz"
    word = ""
    while True:
        k, r = divmod(k, len(letters))
        word += letters[r] + "a"
        if not k:
            return "K" + word


def _varied_note(k: int) -> str:
    j = (k // 2) | 1  # the odd note an even one abbreviates
    if k % 2:
        return f'{_made_name(k)} {_made_name(k + 7)}, "The {_made_name(3 * k)} Question," Alliance Press, {2000 + k % 25}.'
    return f"{_made_name(j + 7)}, The {_made_name(3 * j)} Question" + (f", {k % 50 + 1}." if k % 4 == 0 else ".")


def _varied_notes(n: int) -> str:
    return "Hostile Input\n\nA paragraph citing a note.1\n\nNotes\n\n" + \
        "".join(f"{k}. {_varied_note(k)}\n" for k in range(1, n + 1))


# What each run writes: a text of a given size that once made an extractor super-linear.
HOSTILE_INPUTS = {
    "paragraph_of_names": (_names_paragraph, "characters"),
    # the names in full: a given name before each family name registered alone ("Koizumi")
    "paragraph_of_full_names": (lambda n: _names_paragraph(n, "Shinjiro Koizumi met Richard Marles in Tokyo. "),
                                "characters"),
    "numbered_lines": (lambda n: "Hostile Input\n\nIntro.\n\n" + "1. \n" * n, "lines"),
    "unclosed_quotes": (lambda n: "Hostile Input\n\n" + "He said “ that Japan must act. " * n + "\n", "marks"),
    "numbered_notes": (lambda n: "Hostile Input\n\nA paragraph citing a note.1\n\nNotes\n\n" +
                       "".join(f"{k}. Author, Title of a work, 2020.\n" for k in range(1, n + 1)), "notes"),
    # a list whose items open with "*": each asks how often the text above cites "*" as a note's mark
    "symbol_list": (lambda n: "Hostile Input\n\nIntro.\n\n" + "* A point of the list.\n" * n, "lines"),
    # ...and paragraphs that cite "*", then as many notes marked "*"
    "symbol_notes": (lambda n: "Hostile Input\n\n" + "A claim made here.* And more.\n\n" * n +
                     "* A note on the claim.\n\n" * n, "notes"),
    # each note right after the paragraph citing it: a citation's line asks for the newest note open
    "notes_between_paragraphs": (lambda n: "Hostile Input\n\n" + "A claim made here.* And more.\n\n"
                                 "* A note on the claim.\n\n" * n, "notes"),
    # one sentence of recommendation cues: each reads the clause before it in its sentence
    "sentence_of_cues": (lambda n: "Hostile Input\n\n" + "building ports is vital, and " * n + "it is over.\n",
                         "cues"),
    # a transcript's label lines, each a speaker named once ("Minister Bcdfg:"): each label's name is
    # looked for in the rest of the text
    "label_lines": (lambda n: "Hostile Input\n\n" + "".join(f"Minister {_made_name(k)}: The talks went on.\n"
                                                           for k in range(n)), "lines"),
    # numbered notes that each say something of their own: odd notes cite a work by an author of two
    # made-up names, even notes a short form of an odd note about halfway back ("Kba, The Kca Question,
    # 5."); each short form asked for the work it abbreviates among all the citations before it
    "varied_notes": (_varied_notes, "notes"),
}
# The two sizes of each (the issue's: a 1 MB and a 10 MB paragraph, 100,000 numbered lines, 10,000
# unclosed quotation marks), each run at a tenth of its size too, so that growth shows.
HOSTILE_SIZES = {"paragraph_of_names": (1_000_000, 10_000_000), "paragraph_of_full_names": (400_000, 4_000_000),
                 "numbered_lines": (10_000, 100_000),
                 "unclosed_quotes": (1_000, 10_000), "numbered_notes": (10_000, 100_000),
                 "symbol_list": (10_000, 100_000), "symbol_notes": (10_000, 100_000),
                 "sentence_of_cues": (10_000, 100_000), "notes_between_paragraphs": (10_000, 100_000),
                 "label_lines": (2_000, 20_000), "varied_notes": (2_000, 20_000)}


def hostile_corpus(kind: str, size: int, folder: Path) -> Path:
    """A seeds folder of one document made of ``size`` units of the hostile input ``kind``."""
    make, _unit = HOSTILE_INPUTS[kind]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.txt").write_text(make(size), encoding="utf-8")
    entry = {"file": "hostile.txt", "id": "hostile", "title": "Hostile Input", "publisher": "Alliance Record",
             "authors": [], "kind": "news", "published": "2025-03-30", "published_precision": "day",
             "published_basis": "made by the benchmark", "language": "en"}
    _dump({"documents": [entry]}, folder / "catalog.yml")
    for name, text in HOSTILE_REGISTRIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_hostile(scale: float = 1.0, kinds=None, workdir=None, log=lambda message: None) -> dict:
    """Build each hostile input at its two sizes (times ``scale``) in a child process: seconds and
    peak memory, and ``growth``: how much faster than the size the time grew from the smaller
    size to the larger (1.0: linear; 10 for a tenfold size that took a hundredfold time), both
    less ``floor_seconds``, the build of a one-sentence document (interpreter start, the gazetteer).
    Each size's ``cpu_seconds`` too: on a shared machine the wall time is the neighbours' as well."""
    out: dict = {"scale": scale, "machine": platform.machine(), "python": platform.python_version(), "runs": {}}
    with tempfile.TemporaryDirectory(prefix="alliance-hostile-") as tmp:
        base = Path(workdir) if workdir else Path(tmp)
        floor_dir = hostile_corpus("paragraph_of_names", 1, base / "floor")
        floor = out["floor_seconds"] = run_build(floor_dir, base / "floor.db")["build_seconds"]
        for kind in kinds or HOSTILE_INPUTS:
            rows = []
            for size in HOSTILE_SIZES[kind]:
                size = max(1, int(size * scale))
                folder = hostile_corpus(kind, size, base / f"{kind}-{size}")
                log(f"hostile input {kind}: {size:,} {HOSTILE_INPUTS[kind][1]}")
                built = run_build(folder, folder.parent / f"{kind}-{size}.db")
                rows.append({"size": size, "unit": HOSTILE_INPUTS[kind][1], "seconds": built["build_seconds"],
                             "cpu_seconds": built["cpu_seconds"], "peak_rss_mb": built["peak_rss_mb"],
                             "text_mb": round((folder / "hostile.txt").stat().st_size / 1e6, 2)})
            (small, large) = rows
            growth = (max(large["seconds"] - floor, 0.0) / max(small["seconds"] - floor, 0.05)) / \
                (large["size"] / small["size"])
            out["runs"][kind] = {"sizes": rows, "growth": round(growth, 2)}
    return out


def format_hostile(result: dict) -> str:
    lines = [f"Hostile inputs (scale {result['scale']}): seconds and peak memory of a build of one document "
             f"(a one-sentence document: {result['floor_seconds']} s)"]
    for kind, run in result["runs"].items():
        sizes = "; ".join(f"{r['size']:,} {r['unit']} ({r['text_mb']} MB): {r['seconds']} s"
                          + (f" ({r['cpu_seconds']} s CPU)" if "cpu_seconds" in r else "") + f", {r['peak_rss_mb']} MB"
                          for r in run["sizes"])
        lines.append(f"  {kind}: {sizes}; growth {run['growth']} (1 = linear)")
    return "\n".join(lines)


if __name__ == "__main__":  # the child of run_build: python -m alliance_record.bench build SEEDS OUT [PROFILE]
    if len(sys.argv) >= 4 and sys.argv[1] == "build":
        _child_build(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        sys.exit("usage: python -m alliance_record.bench build SEEDS OUT [PROFILE]")


# --- one stage alone: the date finder ---------------------------------------------------------------

def bench_dates(seeds_dir="seeds", copies: int = 100, repeats: int = 3, work_dir=None) -> dict:
    """Seconds of the date stage alone (``date_mentions.extract``: finding, reading the direction
    of and resolving every date expression) over the synthetic corpus of ``copies`` copies, best
    of ``repeats`` runs, in this process. Segmentation is done first and not timed, so the figure
    moves only with the date machinery; ``date_mentions`` counts date expressions (a range once,
    not with the rows of its ends); the stage is linear in the text, so N=1000 is ten times
    N=100 (the full `make bench` at N=1000 measures it in place)."""
    import tempfile

    from . import pipeline, segment
    from .extract import date_mentions

    with tempfile.TemporaryDirectory(dir=work_dir) as tmp:
        summary = synthesize(seeds_dir, tmp, copies)
        inputs = pipeline.read_inputs(tmp)
        docs = [(doc, segment.segment(doc)) for doc in inputs.documents]
    best, rows = None, 0
    for _ in range(repeats):
        ctx = pipeline.Context(inputs=inputs)
        dates.clear_caches()
        t0 = time.perf_counter()
        rows = sum(date_mentions.expressions(date_mentions.extract(doc, seg, {}, ctx)["date_mentions"])
                   for doc, seg in docs)  # a range once, not with its ends' rows
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    return {"copies": copies, "documents": summary["documents"], "text_bytes": summary["text_bytes"],
            "date_mentions": rows, "seconds": round(best, 3),
            "ms_per_document": round(1000 * best / summary["documents"], 3)}
