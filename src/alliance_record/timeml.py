"""TimeML: read TIMEX3 annotations, tag a text the way this project reads dates, and score one
against the other as TempEval-3 does.

Why it is here: the date finder (:mod:`alliance_record.dates`) is measured on a public benchmark,
the TempEval-3 English data (TimeBank and AQUAINT in their "TBAQ-cleaned" form for development,
the 20-document platinum set for the final figure). The data stays outside the repository; this
module only reads ``.tml`` files from wherever they are (``alliance-record tempeval PATH``).

Scoring follows TempEval-3's entity evaluation (UzZaman et al. 2013, the task's
``evaluate_entities.py``):

* a system TIMEX3 *matches* a gold one when their extents overlap (relaxed match; each one is
  matched at most once), and matches *strictly* when the extents are identical;
* strict and relaxed precision are matches over system TIMEX3s, recall matches over gold TIMEX3s,
  F1 their harmonic mean;
* the value (and type) score of the task is attribute accuracy over relaxed matches times the
  relaxed F1 ("value F1"): a TIMEX3 that is found with the wrong value counts as found, but not
  as right.

The document creation time (``tid="t0"`` in ``<DCT>``) is not scored; it is the reference for
relative expressions ("last week"), as the publication date is in the dataset. Only TIMEX3s in
``<TEXT>`` are read (the scorer of the task reads the whole file, but in TempEval-3's data no
other TIMEX3 stands outside ``<TEXT>``).

Scores are reported over every type (DATE, TIME, DURATION, SET) and over DATE alone (gold and
system TIMEX3s of type DATE only: a DATE tagged as a DURATION counts as a miss and a false hit).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import dates, tense

TYPES = ("DATE", "TIME", "DURATION", "SET")
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass
class TmlDocument:
    name: str
    dct: str              # the creation date, YYYY-MM-DD
    text: str             # the content of <TEXT>, tags removed, entities decoded
    timexes: list = field(default_factory=list)


def parse_tml(source: str, name: str = "") -> TmlDocument:
    """Read a TimeML document: its creation date, the plain text of ``<TEXT>`` and its TIMEX3s
    with character offsets into that text."""
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", source)
    if dct_match is None:
        raise ValueError(f"{name or 'TimeML'}: no <DCT> TIMEX3 (the creation date is needed)")
    dct = dict(_ATTR.findall(dct_match.group(1))).get("value", "")[:10]
    body_match = re.search(r"<TEXT>(.*?)</TEXT>", source, re.S)
    if body_match is None:
        raise ValueError(f"{name or 'TimeML'}: no <TEXT> element")
    body = body_match.group(1)
    out, timexes, open_timex, pos, last = [], [], None, 0, 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[last:tag.start()])
        out.append(chunk)
        pos += len(chunk)
        last = tag.end()
        closing, element, attrs = tag.group(1), tag.group(2), tag.group(3)
        if element != "TIMEX3":
            continue
        if not closing:
            open_timex = (pos, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, a = open_timex
            open_timex = None
            timexes.append((start, pos, a))
    out.append(html.unescape(body[last:]))
    text = "".join(out)
    found = []
    for start, end, a in timexes:
        s, e = _trim(text, start, end)
        found.append(Timex(s, e, text[s:e], a.get("type", ""), a.get("value", ""), a.get("mod")))
    return TmlDocument(name=name, dct=dct, text=text, timexes=found)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def read_dir(path) -> list[TmlDocument]:
    """Every ``.tml`` file under ``path`` (a file or a folder, searched recursively), by name."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    if not files:
        raise ValueError(f"{path}: no .tml files")
    return [parse_tml(f.read_text(encoding="utf-8"), f.name) for f in files]


# --- tagging --------------------------------------------------------------------------------------

def tag(text: str, dct: str) -> list[Timex]:
    """The TIMEX3s this project finds in ``text`` written on ``dct`` (YYYY-MM-DD)."""
    found, last, placed_at, previous = [], None, None, None
    for m in dates.find_dates(text, every=True):
        seen_from = dct
        if dates.in_named_week(m, previous, text):  # "next week ... on Thursday": that week's Thursday
            week = dates.resolve(previous, window=(dct, dct))
            if week is not None and week.date_start:
                m, seen_from = replace(m, offset=0), week.date_start
        previous = m
        for start, end, ttype, value, mod in dates.timexes(m, text, seen_from, last, placed_at):
            found.append(Timex(start, end, text[start:end], ttype, value, mod))
        if m.kind in ("explicit", "relative") and not m.span and not dates.is_duration(m) and \
                not tense.background(text, m.start) and not (
                placed_at is not None and tense.same_sentence(text, placed_at, m.start)
                and tense.subordinate(text, m.start, m.end)):
            r = dates.resolve(m, window=(seen_from, seen_from))
            if r is not None and r.date_start and r.date_end:
                last, placed_at = (r.date_start, r.date_end), m.end
    return found


# --- scoring --------------------------------------------------------------------------------------

@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0     # matched pairs with identical extents
    relaxed: int = 0    # matched pairs (overlapping extents)
    value: int = 0      # matched pairs with the same value
    type: int = 0       # matched pairs with the same type

    def add(self, other: "Counts") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def scores(self) -> dict:
        def f1(p, r):
            return 2 * p * r / (p + r) if p + r else 0.0

        sp = self.strict / self.system if self.system else 0.0
        sr = self.strict / self.gold if self.gold else 0.0
        rp = self.relaxed / self.system if self.system else 0.0
        rr = self.relaxed / self.gold if self.gold else 0.0
        relaxed_f1 = f1(rp, rr)
        value_acc = self.value / self.relaxed if self.relaxed else 0.0
        type_acc = self.type / self.relaxed if self.relaxed else 0.0
        return {
            "gold": self.gold, "system": self.system,
            "strict_p": sp, "strict_r": sr, "strict_f1": f1(sp, sr),
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": relaxed_f1,
            "value_accuracy": value_acc, "value_f1": value_acc * relaxed_f1,
            "type_accuracy": type_acc, "type_f1": type_acc * relaxed_f1,
        }


def match(gold: list[Timex], system: list[Timex]) -> list[tuple]:
    """Pairs (gold, system) of overlapping extents, each TIMEX3 in at most one pair: in text
    order, a gold TIMEX3 takes the first unmatched system TIMEX3 that overlaps it."""
    pairs, used = [], set()
    for g in sorted(gold, key=lambda t: (t.start, t.end)):
        for k, s in enumerate(system):
            if k not in used and s.start < g.end and g.start < s.end:
                used.add(k)
                pairs.append((g, s))
                break
    return pairs


def count(gold: list[Timex], system: list[Timex], types=None) -> tuple[Counts, list]:
    """TempEval-3 counts for one document (``types``: only TIMEX3s of those types, both sides);
    also the errors: (kind, gold, system) for misses, false hits, extents and values."""
    if types is not None:
        gold = [t for t in gold if t.type in types]
        system = [t for t in system if t.type in types]
    pairs = match(gold, system)
    c = Counts(gold=len(gold), system=len(system), relaxed=len(pairs))
    errors = []
    for g, s in pairs:
        c.strict += (g.start, g.end) == (s.start, s.end)
        c.value += g.value == s.value
        c.type += g.type == s.type
        if (g.start, g.end) != (s.start, s.end):
            errors.append(("extent", g, s))
        if g.value != s.value:
            errors.append(("value", g, s))
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    errors += [("missed", g, None) for g in gold if id(g) not in matched_g]
    errors += [("spurious", None, s) for s in system if id(s) not in matched_s]
    return c, errors


def evaluate(documents: list[TmlDocument], system: dict | None = None) -> dict:
    """Scores over every type and over DATE for ``documents`` (the gold), tagged by this
    project unless ``system`` maps document names to lists of :class:`Timex`. Returns
    ``{"all": scores, "DATE": scores, "errors": [(document, kind, gold, system), ...]}``."""
    totals = {"all": Counts(), "DATE": Counts()}
    errors = []
    for doc in documents:
        found = system[doc.name] if system is not None else tag(doc.text, doc.dct)
        c, errs = count(doc.timexes, found)
        totals["all"].add(c)
        errors += [(doc.name, *e) for e in errs]
        totals["DATE"].add(count(doc.timexes, found, types=("DATE",))[0])
    return {"all": totals["all"].scores(), "DATE": totals["DATE"].scores(), "errors": errors}


def format_scores(result: dict) -> str:
    lines = [f"{'':6} {'gold':>5} {'sys':>5} | {'strict P/R/F1':^20} | {'relaxed P/R/F1':^20} | "
             f"{'value acc':>9} {'value F1':>8} | {'type F1':>7}"]
    for key in ("all", "DATE"):
        s = result[key]
        lines.append(
            f"{key:6} {s['gold']:5d} {s['system']:5d} | "
            f"{100 * s['strict_p']:5.1f} {100 * s['strict_r']:5.1f} {100 * s['strict_f1']:6.2f} | "
            f"{100 * s['relaxed_p']:5.1f} {100 * s['relaxed_r']:5.1f} {100 * s['relaxed_f1']:6.2f} | "
            f"{100 * s['value_accuracy']:9.1f} {100 * s['value_f1']:8.2f} | {100 * s['type_f1']:7.2f}")
    return "\n".join(lines)


def format_error(document: str, kind: str, gold: Timex | None, system: Timex | None) -> str:
    def show(t):
        return f"{t.text!r} {t.type} {t.value}" if t else "-"
    return f"{document}\t{kind}\tgold {show(gold)}\tsys {show(system)}"
