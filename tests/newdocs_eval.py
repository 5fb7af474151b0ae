"""Score a build against the hand gold of a set of new documents (tests/newdocs/<set>/).

A set is a folder with ``catalog.yml`` (entries in the seeds' catalogue format), the texts and one
``<stem>.gold.yml`` per text (the format is described in tests/newdocs/README.md). The set is built
together with the seeds — as a user adding documents would, with catalogue entries and no
annotations — and each category of the gold is scored on the database:

* entities: each gold occurrence of a name counts once; it is found when a mention of the right
  registry entry covers exactly its characters, or — for a name no registry holds — when an entity
  candidate carries exactly that name (``entity_candidates.name``), or that name with a word
  hyphenated at a line's end written whole ("Steve Koeh-\\nler" as "Steve Koehler"; the gold keeps
  the document's characters); the type is right when the registry entry's or the candidate's type
  is the gold type;
* wrong resolutions: a mention on a gold name's exact characters with another entity, a mention
  that crosses a gold name's edges, a mention inside a longer gold name of the same kind that is
  another entity ("Air Force" in "Philippine Air Force" as the U.S. Air Force), a mention on a trap
  (``wrong_resolution_traps``) or on page noise (``not_entities``); other mentions strictly inside
  a gold name that the gold does not list are reported apart (``unlisted_inner``) for a person to
  read;
* quotations: a gold quotation is found when a quotation row covers its first character, and its
  speaker is right when the speaker (any of ``quotation_speakers``, or the label for a speaker no
  registry holds) is the gold one (a row in quotation marks before a transcript's turn around it);
  quoted titles and scare quotes taken for quotations are counted;
* clutter: a gold clutter line is set aside when no body row (paragraph, heading, footnote,
  bibliography entry) covers any of its letters; every other non-empty line must be covered by
  body rows (figure captions count as kept), but for a head that a boilerplate row cut off it (a
  wire story's dateline, a list's bullet): the gold marks whole lines, and the rest of such a line
  is what must be kept;
* notes: a gold marker is found when a footnote row's marker covers its characters, with the body
  the gold gives (its first words) or, for a marker with no body, with no text and a ``problem``;
* dates: each gold temporal expression (in text order) is found when a ``date_mentions`` row
  overlaps it, and its value is right when the row's ``timex_value`` is the gold value (TempEval-3's
  relaxed match and value, see ``same_timex_value``); a relative expression (counted from the publication or from another
  date) is right when its value is; value F1 is the value accuracy times the relaxed F1.

``python tests/newdocs_eval.py tests/newdocs/dev`` prints the figures and the misses.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ACTOR_TYPES = {"person", "anonymous", "state", "government", "government-body", "military", "organization",
               "grouping", "media", "political-party", "armed-group", "document"}


def norm(text) -> str:
    """NFC, one space for any run of white space, straight apostrophes: how names are compared."""
    text = unicodedata.normalize("NFC", str(text or ""))
    return " ".join(text.replace("\u2019", "'").split())


def word_positions(text: str, surface: str) -> list[tuple[int, int]]:
    """Every occurrence of ``surface`` in ``text`` not inside a longer word."""
    pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def copy_set(set_dir: Path, dest: Path, seeds: Path = SEEDS) -> Path:
    """Copy the seeds to ``dest`` with the set's texts and catalogue entries added; return ``dest``."""
    shutil.copytree(seeds, dest)
    catalog = yaml.safe_load((dest / "catalog.yml").read_text(encoding="utf-8"))
    extra = yaml.safe_load((set_dir / "catalog.yml").read_text(encoding="utf-8"))
    for entry in extra["documents"]:
        shutil.copy(set_dir / entry["file"], dest / entry["file"])
        catalog["documents"].append(entry)
    (dest / "catalog.yml").write_text(yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False),
                                      encoding="utf-8")
    return dest


def build_set(set_dir: Path, work: Path, seeds: Path = SEEDS) -> Path:
    """Copy the seeds, add the set's texts and catalogue entries, build; return the database."""
    from alliance_record import pipeline

    tmp_seeds = copy_set(set_dir, work / "seeds", seeds)
    out = work / "alliance.db"
    pipeline.build(tmp_seeds, out)
    return out


@dataclass
class Score:
    """Counts and the misses behind them, per category."""
    counts: Counter = field(default_factory=Counter)
    misses: dict = field(default_factory=lambda: defaultdict(list))

    def rate(self, num: str, den: str) -> float:
        return self.counts[num] / self.counts[den] if self.counts[den] else 1.0

    def summary(self) -> dict:
        c = self.counts
        return {
            "entities_found": self.rate("entity_found", "entity_gold"),
            "entities_type_right": self.rate("entity_type_right", "entity_gold"),
            "entities_as_mentions": self.rate("entity_found_mention", "entity_gold"),
            "entities_as_candidates": self.rate("entity_found_candidate", "entity_gold"),
            "wrong_resolutions": c["wrong_resolution"],
            "noise_candidates": c["noise_candidate"],
            "unlisted_inner": c["unlisted_inner"],
            "quotations_found": self.rate("quote_found", "quote_gold"),
            "speakers_right": self.rate("speaker_right", "quote_gold"),
            "false_quotations": c["false_quotation"],
            "clutter_set_aside": self.rate("clutter_aside", "clutter_gold"),
            "body_kept": self.rate("body_kept", "body_lines"),
            "notes_found": self.rate("note_found", "note_gold"),
            "dates_found": self.rate("date_found", "date_gold"),
            "date_value_f1": self.date_value_f1(),
            "relative_dates_right": self.rate("relative_right", "relative_gold"),
        }

    def date_value_f1(self) -> float:
        c = self.counts
        p = c["date_found"] / c["date_system"] if c["date_system"] else 0.0
        r = c["date_found"] / c["date_gold"] if c["date_gold"] else 0.0
        relaxed = 2 * p * r / (p + r) if p + r else 0.0
        return relaxed * (c["date_value_right"] / c["date_found"] if c["date_found"] else 0.0)


def _gold_files(set_dir: Path) -> dict:
    return {p.name[: -len(".gold.yml")]: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted(set_dir.glob("*.gold.yml"))}


def _has_table(db, name: str) -> bool:
    return db.execute("select 1 from sqlite_master where name = ?", [name]).fetchone() is not None


def score(db_path: Path, set_dir: Path) -> Score:
    db = sqlite3.connect(str(db_path))
    db.row_factory = sqlite3.Row
    result = Score()
    extra = yaml.safe_load((set_dir / "catalog.yml").read_text(encoding="utf-8"))
    doc_ids = {Path(e["file"]).stem: e["id"] for e in extra["documents"]}
    actor_type = {r["id"]: r["type"] for r in db.execute("select id, type from actors")}
    place_ids = {r["id"] for r in db.execute("select id from places")}
    candidates = _candidates(db)
    for stem, gold in _gold_files(set_dir).items():
        doc_id = doc_ids[stem]
        text = db.execute("select text from documents where id = ?", [doc_id]).fetchone()["text"]
        _score_entities(db, result, stem, doc_id, text, gold, actor_type, place_ids, candidates)
        _score_quotations(db, result, stem, doc_id, text, gold)
        _score_clutter(db, result, stem, doc_id, text, gold)
        _score_notes(db, result, stem, doc_id, text, gold)
        _score_dates(db, result, stem, doc_id, text, gold)
    return result


def same_timex_value(a, b) -> bool:
    """TIMEX3 values that say the same: a fiscal year as TimeBank writes it (FY2025 = 2025),
    decades as years (P2DE = P20Y) and quarters as months (P1Q = P3M: TimeBank writes "every
    quarter" one way and "quarterly" the other)."""
    def canon(v):
        v = str(v)
        v = re.sub(r"^FY(\d{4})$", r"\1", v)
        v = re.sub(r"^P(\d+)Q$", lambda m: f"P{int(m.group(1)) * 3}M", v)
        return re.sub(r"^P(\d+)DE$", lambda m: f"P{int(m.group(1)) * 10}Y", v)
    return canon(a) == canon(b)


def _score_dates(db, result, stem, doc_id, text, gold):
    c, misses = result.counts, result.misses
    rows = [dict(r) for r in db.execute(
        "select start, [end], phrase, timex_type, timex_value from date_mentions where document_id = ? "
        "and timex_value is not null order by start", [doc_id])]
    c["date_system"] += len(rows)
    used, cursor = set(), 0
    for g in gold.get("dates") or []:
        c["date_gold"] += 1
        c["relative_gold"] += bool(g.get("relative"))
        k = text.find(g["phrase"], cursor)
        if k < 0:
            k = text.find(g["phrase"])
        else:
            cursor = k + len(g["phrase"])  # (past it: "2024" after "9 June 2024" is another one)
        hit = next((i for i, r in enumerate(rows) if i not in used and r["start"] < k + len(g["phrase"])
                    and k < r["end"]), None)
        if hit is None:
            misses["date"].append((stem, g["phrase"], g["value"], "not found"))
            continue
        used.add(hit)
        c["date_found"] += 1
        got = rows[hit]["timex_value"]
        if same_timex_value(got, g["value"]):
            c["date_value_right"] += 1
            c["relative_right"] += bool(g.get("relative"))
        else:
            misses["date_value"].append((stem, g["phrase"], g["value"], rows[hit]["phrase"], got))


# a word hyphenated at a line's end ("Steve Koeh-\nler"): a candidate carries the name whole
LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-\n(?=[a-z])")


def _candidates(db) -> dict:
    """Entity candidates by normalised name (empty before the table exists)."""
    if not _has_table(db, "entity_candidates"):
        return {}
    return {norm(r["name"]): dict(r) for r in db.execute("select * from entity_candidates")}


def _mentions(db, doc_id: str) -> list[tuple[int, int, str, str]]:
    rows = []
    for kind in ("actor", "place"):
        rows += [(r[0], r[1], r[2], kind) for r in db.execute(
            f"select start, end, {kind}_id from {kind}_mentions where document_id = ?", [doc_id])]
    return rows


def _score_entities(db, result, stem, doc_id, text, gold, actor_type, place_ids, candidates):
    c, misses = result.counts, result.misses
    items = gold.get("entities") or []
    spans_of = {}
    for item in items:
        spans_of[id(item)] = word_positions(text, item["surface"])
    all_spans = [(s, e) for item in items for (s, e) in spans_of[id(item)]]
    gold_pairs = set()  # (start, end, id) a mention may rightly have: the gold entity, at any occurrence
    for item in items:
        if item.get("registry"):
            gold_pairs.update((s, e, item["registry"]) for s, e in spans_of[id(item)])
    for item in items:
        allow_inner = bool(item.get("inside"))
        spans = [(s, e) for (s, e) in spans_of[id(item)]
                 if allow_inner or not any(os <= s and e <= oe and (os, oe) != (s, e) for os, oe in all_spans)]
        spans_of[id(item)] = spans
    by_span = defaultdict(set)
    mentions = _mentions(db, doc_id)
    for s, e, ident, _kind in mentions:
        by_span[(s, e)].add(ident)
    for item in items:
        count = int(item.get("count") or 1)
        c["entity_gold"] += count
        spans = spans_of[id(item)]
        reg, gtype = item.get("registry"), item.get("type")
        if reg:
            hits = sum(1 for sp in spans if reg in by_span.get(sp, ()))
            found = min(hits, count)
            c["entity_found"] += found
            c["entity_found_mention"] += found
            rtype = "place" if reg in place_ids and reg not in actor_type else actor_type.get(reg)
            if rtype == gtype or (gtype == "place" and reg in place_ids):
                c["entity_type_right"] += found
            elif found:
                misses["entity_type"].append((stem, item["surface"], gtype, rtype))
            if found < count:
                misses["entity"].append((stem, item["surface"], reg, f"{found}/{count} as mentions",
                                         sorted(by_span.get(spans[0], ())) if spans else "no occurrence"))
        else:
            cand = (candidates.get(norm(item["surface"])) or candidates.get(norm(item.get("same_as") or ""))
                    or candidates.get(norm(LINE_END_HYPHEN.sub("", item["surface"]))))
            if cand:
                c["entity_found"] += count
                c["entity_found_candidate"] += count
                if cand.get("type") == gtype:
                    c["entity_type_right"] += count
                else:
                    misses["entity_type"].append((stem, item["surface"], gtype, cand.get("type")))
            else:
                misses["entity"].append((stem, item["surface"], "new", "no candidate with this name",
                                         sorted(by_span.get(spans[0], ())) if spans else "no occurrence"))
    # wrong resolutions
    traps = [sp for t in gold.get("wrong_resolution_traps") or [] for sp in word_positions(text, t["surface"])]
    noise = [sp for n in gold.get("not_entities") or [] for sp in word_positions(text, str(n))]
    typed_spans = [(s, e, item.get("type"), item.get("registry")) for item in items for s, e in spans_of[id(item)]]

    def kind_of(ident, kind):
        return "place" if kind == "place" else actor_type.get(ident)

    for s, e, ident, kind in mentions:
        what = (stem, text[s:e], ident)
        if (s, e, ident) in gold_pairs:
            continue
        if any(s < te and ts < e for ts, te in traps):
            c["wrong_resolution"] += 1
            misses["wrong_resolution"].append(what + ("trap",))
        elif any(s < ne and ns < e for ns, ne in noise):
            c["wrong_resolution"] += 1
            misses["wrong_resolution"].append(what + ("page noise",))
        elif any((s, e) == sp for sp in all_spans):
            c["wrong_resolution"] += 1
            misses["wrong_resolution"].append(what + ("another entity on a gold name",))
        elif any(s < ge and gs < e and not (gs <= s and e <= ge) and not (s <= gs and ge <= e)
                 for gs, ge in all_spans):
            c["wrong_resolution"] += 1
            misses["wrong_resolution"].append(what + ("crosses a gold name's edge",))
        elif any(gs <= s and e <= ge and kind_of(ident, kind) == gtype and ident != greg
                 for gs, ge, gtype, greg in typed_spans):
            c["wrong_resolution"] += 1
            misses["wrong_resolution"].append(what + ("inside a longer name of the same kind",))
        elif any(gs <= s and e <= ge for gs, ge in all_spans):
            c["unlisted_inner"] += 1
            misses["unlisted_inner"].append(what)
        else:
            c["extra_mention"] += 1
            misses["extra_mention"].append(what)
    for n in gold.get("not_entities") or []:
        if norm(n) in candidates:
            c["noise_candidate"] += 1
            misses["noise_candidate"].append((stem, n))


def _speaker_right(db, row, speaker: str, persons=()) -> bool:
    """Whether the quotation row's speaker is the gold ``speaker``. An unnamed speaker
    (``anonymous``) is right with a label and no actor but an anonymous one — and not when the
    label names one of the document's persons (``persons``: the gold's person surfaces), which is
    someone else's name given to the words."""
    ids = {r[0] for r in db.execute("select actor_id from quotation_speakers where quotation_id = ?", [row["id"]])}
    if row["speaker_id"]:
        ids.add(row["speaker_id"])
    label = norm(row["speaker_label"])
    if speaker == "anonymous":
        types = {r[0] for r in db.execute(
            f"select type from actors where id in ({','.join('?' * len(ids))})", list(ids))} if ids else set()
        named = any(re.search(rf"\b{re.escape(norm(p))}\b", label) for p in persons)
        return bool(label) and not named and (not ids or types <= {"anonymous"})
    if speaker.startswith("new:"):
        # no registry actor, and the label names the person (a name's word: "Teodoro", "ENDO")
        words = [w.lower().strip(".,") for w in norm(speaker[4:]).split() if len(w.strip(".,")) >= 3]
        return not ids and any(re.search(rf"\b{re.escape(w)}\b", label.lower()) for w in words)
    return speaker in ids


def _score_quotations(db, result, stem, doc_id, text, gold):
    c, misses = result.counts, result.misses
    rows = [dict(r) for r in db.execute("select * from quotations where document_id = ?", [doc_id])]
    # a quotation in marks inside a transcript's turn is the more specific row: found first
    rows.sort(key=lambda r: r.get("kind") == "turn")
    persons = {e["surface"] for e in gold.get("entities") or [] if e.get("type") == "person"}
    for q in gold.get("quotations") or []:
        c["quote_gold"] += 1
        p = text.find(q["quote"])
        row = next((r for r in rows if r["start"] <= p < r["end"]), None)
        if row is None:
            misses["quotation"].append((stem, q["quote"][:50], q["speaker"], "not found"))
            continue
        c["quote_found"] += 1
        if _speaker_right(db, row, q["speaker"], persons):
            c["speaker_right"] += 1
        else:
            misses["speaker"].append((stem, q["quote"][:50], q["speaker"],
                                      f"got {row['speaker_id']} / {row['speaker_label']}"))
    # a transcript's right turn (one that holds a gold quotation) holds all its speaker's words, a term in
    # marks among them: no claim that the term is a quotation; a row of its own, or a false turn, still counts
    starts = [text.find(q["quote"]) for q in gold.get("quotations") or []]
    claimed = [r for r in rows if r.get("kind") != "turn" or not any(r["start"] <= p < r["end"] for p in starts)]
    for nq in gold.get("not_quotations") or []:
        t = nq["text"] if isinstance(nq, dict) else nq
        for s, _e in word_positions(text, t):
            if any(r["start"] <= s < r["end"] for r in claimed):
                c["false_quotation"] += 1
                misses["false_quotation"].append((stem, t))
                break


def _body_spans(db, doc_id: str) -> list[tuple[int, int]]:
    spans = []
    queries = [
        "select start, end, spans from paragraphs where document_id = ?",
        "select heading_start, heading_end, null from sections where document_id = ? and heading_start is not null",
        "select start, end, spans from footnotes where document_id = ? and start is not null",
        "select start, end, spans from bibliography_entries where document_id = ?",
        "select start, end, null from figures where document_id = ?",
    ]
    import json
    for sql in queries:
        for s, e, sp in db.execute(sql, [doc_id]):
            if sp:
                spans += [tuple(x) for x in json.loads(sp)]
            else:
                spans.append((s, e))
    return spans


def _covered(spans, s: int, e: int, text: str) -> float:
    """Share of the letters and digits of text[s:e] that the spans cover."""
    marks = bytearray(e - s)
    for a, b in spans:
        lo, hi = max(a, s), min(b, e)
        if lo < hi:
            marks[lo - s:hi - s] = b"\x01" * (hi - lo)
    # a note's marker (¹, [1]) is the note row's marker, not its text: letters and digits count
    letters = [i for i in range(s, e) if text[i].isalnum() and text[i] not in "⁰¹²³⁴⁵⁶⁷⁸⁹"]
    if not letters:  # a rule of underscores, "###": every visible character counts
        letters = [i for i in range(s, e) if not text[i].isspace()]
    if not letters:
        return 1.0
    return sum(marks[i - s] for i in letters) / len(letters)


def _line_heads(db, doc_id: str) -> dict:
    """Where a boilerplate row cut a head off a line (a wire story's dateline "TOKYO, Oct 21
    (Agency) -", a list's bullet or number): line start -> the head's end. The gold marks whole
    lines; a head set aside from a body line is not body text lost."""
    # only the rules that cut a head off a line (a dateline, a list's marker), and a short head: a
    # row of another rule that stops inside a line is clutter taken from the body, counted so
    heads = {s: e for s, e in db.execute("select start, end from boilerplate where document_id = ? and rule in "
                                         "('dateline', 'list-marker') and \"end\" - start <= 60", [doc_id])}
    # a note's label at the start of its line ("[3] Ibid.", "12. Ibid."): the note row's marker,
    # as a superscript one is (see _covered)
    for (start,) in db.execute("select start from footnotes where document_id = ? and start is not null", [doc_id]):
        heads.setdefault(start, start)
    return heads


def _score_clutter(db, result, stem, doc_id, text, gold):
    c, misses = result.counts, result.misses
    clutter = {norm(x) for x in gold.get("clutter") or []}
    spans = _body_spans(db, doc_id)
    heads = _line_heads(db, doc_id)
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if not line.strip():
            continue
        share = _covered(spans, s, e, text)
        lead = s + len(line) - len(line.lstrip())
        head = heads.get(lead)
        label = re.match(r"(?:\[(?:\d{1,4}|[a-z])\]|\d{1,4}\.)\s*", line.lstrip())
        if head is None and label and heads.get(lead + label.end()) == lead + label.end():
            head = lead + label.end()
        if head is not None and head < e and norm(line) not in clutter and text[head:e].strip():
            share = _covered(spans, head, e, text)  # the rest of a line whose head was set aside
        if norm(line) in clutter:
            c["clutter_gold"] += 1
            if share == 0:
                c["clutter_aside"] += 1
            else:
                misses["clutter"].append((stem, line.strip()[:70], f"{share:.0%} in body"))
        else:
            c["body_lines"] += 1
            if share >= 0.9:
                c["body_kept"] += 1
            else:
                misses["body"].append((stem, line.strip()[:70], f"{share:.0%} kept"))


_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def marker_position(text: str, marker: str, pos: int) -> int:
    """Where a gold note marker first stands from ``pos`` on (-1 if nowhere). A marker of plain
    digits ("8") is not a digit inside a longer number ("September 18", "1980"); a marker
    of superscript digits ("¹⁰") not one inside a longer superscript, but glued to a number as
    often as to a word ("in 2024¹⁰")."""
    if marker.isascii() and marker.isdigit():
        # (a digit after "1." may be a decimal's or a sentence's marker, "signed in 2024.8": left to
        # the order of the markers)
        pattern = rf"(?<![0-9]){re.escape(marker)}(?![0-9])"
    elif marker and all(c in _SUPERSCRIPT_DIGITS for c in marker):
        pattern = rf"(?<![{_SUPERSCRIPT_DIGITS}]){re.escape(marker)}(?![{_SUPERSCRIPT_DIGITS}])"
    else:
        return text.find(marker, pos)
    m = re.compile(pattern).search(text, pos)
    return m.start() if m else -1


def _score_notes(db, result, stem, doc_id, text, gold):
    c, misses = result.counts, result.misses
    rows = [dict(r) for r in db.execute(
        "select marker_start, marker_end, text, problem from footnotes where document_id = ?", [doc_id])]
    pos = 0
    for note in gold.get("notes") or []:
        c["note_gold"] += 1
        marker = str(note["marker"])
        p = marker_position(text, marker, pos)
        if p < 0:
            misses["note"].append((stem, marker, "marker not in the text after the previous one"))
            continue
        pos = p + len(marker)
        row = next((r for r in rows if r["marker_start"] is not None
                    and r["marker_start"] < p + len(marker) and p < r["marker_end"]), None)
        if row is None:
            misses["note"].append((stem, marker, "no footnote row at the marker"))
            continue
        body = note.get("body")
        if body is None:
            ok = not row["text"] and bool(row["problem"])
        else:
            # the body starts with the gold's first words, compared as written: "Security Committee"
            # starts "Security Committee, November 2025." (not "Security Committees")
            want, got = " ".join(norm(body).split()[:5]), norm(row["text"])
            ok = got.startswith(want) and (len(got) == len(want) or not got[len(want)].isalnum())
        if ok:
            c["note_found"] += 1
        else:
            misses["note"].append((stem, marker, f"body {norm(row['text'])[:40]!r} / problem {row['problem']!r}"))


def check_gold(set_dir: Path, seeds: Path = SEEDS) -> list[str]:
    """Problems of a set's gold (a string not in its text, a count above the occurrences, an
    unknown registry or event id): the gold is checked before anything is scored with it."""
    problems = []
    actors = {a["id"] for a in yaml.safe_load((seeds / "actors.yml").read_text(encoding="utf-8"))["actors"]}
    places = {p["id"] for p in yaml.safe_load((seeds / "places.yml").read_text(encoding="utf-8"))["places"]}
    events = set()
    for path in (seeds / "annotations").glob("*.yml"):
        events |= {e["id"] for e in yaml.safe_load(path.read_text(encoding="utf-8")).get("events") or [] if e.get("id")}
    catalog = yaml.safe_load((set_dir / "catalog.yml").read_text(encoding="utf-8"))["documents"]
    stems = {Path(e["file"]).stem for e in catalog}
    for stem, gold in _gold_files(set_dir).items():
        if stem not in stems:
            problems.append(f"{stem}: no catalogue entry")
            continue
        text = unicodedata.normalize("NFC", (set_dir / f"{stem}.txt").read_text(encoding="utf-8"))
        lines = {line.strip() for line in text.split("\n")}

        def need(value, what):
            if value and str(value) not in text:
                problems.append(f"{stem}: {what} {str(value)[:60]!r} is not in the text")

        for item in gold.get("entities") or []:
            n = len(word_positions(text, item["surface"]))
            if n < int(item.get("count") or 1):
                problems.append(f"{stem}: entity {item['surface']!r} counted {item.get('count')} but occurs {n} times")
            reg = item.get("registry")
            if reg and reg not in actors | places:
                problems.append(f"{stem}: unknown registry id {reg!r}")
            if item.get("type") not in ACTOR_TYPES | {"place"}:
                problems.append(f"{stem}: unknown type {item.get('type')!r} for {item['surface']!r}")
        for line in gold.get("clutter") or []:
            if str(line).strip() not in lines:
                problems.append(f"{stem}: clutter {line!r} is not a whole line of the text")
        for q in gold.get("quotations") or []:
            need(q["quote"], "quotation")
            sp = q["speaker"]
            if not (sp == "anonymous" or sp.startswith("new:") or sp in actors):
                problems.append(f"{stem}: unknown speaker {sp!r}")
        for nq in gold.get("not_quotations") or []:
            need(nq["text"] if isinstance(nq, dict) else nq, "not-quotation")
        pos = 0
        for note in gold.get("notes") or []:
            p = marker_position(text, str(note["marker"]), pos)
            if p < 0:
                problems.append(f"{stem}: note marker {note['marker']!r} not found after the previous one")
            else:
                pos = p + 1
            need(note.get("body"), "note body")
        for d in gold.get("dates") or []:
            need(d["phrase"], "date")
        for ev in gold.get("events") or []:
            need(ev["evidence"], "event evidence")
            if ev.get("existing") and ev["existing"] not in events:
                problems.append(f"{stem}: unknown existing event {ev['existing']!r}")
        for r in gold.get("recommendations") or []:
            need(r["quote"], "recommendation")
    return problems


def report(result: Score, out=sys.stdout, misses: bool = True, summary=None):
    for key, value in (summary(result) if summary else result.summary()).items():
        shown = f"{value:.1%}" if isinstance(value, float) else value
        print(f"{key:24} {shown}", file=out)
    print(dict(result.counts), file=out)
    if misses:
        for key, items in result.misses.items():
            print(f"\n## {key} ({len(items)})", file=out)
            for item in items:
                print("  ", item, file=out)


def main(argv=None):
    argv = argv if argv is not None else sys.argv[1:]
    paths = [a for a in argv if not a.startswith("--")]
    set_dir = Path(paths[0] if paths else ROOT / "tests" / "newdocs" / "dev")
    problems = check_gold(set_dir)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    if "--curator" in argv:  # the lines a curator changes, per document
        rows = curator_work(set_dir)
        for r in rows:
            print(f"{r['document']:40} {r['words']:5d} words {r['lines_changed']:4d} lines changed "
                  f"({r['drafted_lines']} drafted, {r['reviewed_lines']} reviewed) {r['per_word']:.3f} per word")
        words, lines = sum(r["words"] for r in rows), sum(r["lines_changed"] for r in rows)
        print(f"{'all':40} {words:5d} words {lines:4d} lines changed {lines / words:.3f} per word")
        return
    if "--suggest" in argv:  # the drafts a curator starts from, against the same gold
        report(score_suggest(set_dir), misses="--quiet" not in argv, summary=suggest_summary)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = build_set(set_dir, Path(tmp))
        report(score(db, set_dir), misses="--quiet" not in argv)



# --- suggest: what a curator starts from ------------------------------------------------------------

def _span(text: str, quote: str) -> tuple[int, int] | None:
    k = text.find(quote)
    if k < 0:
        k = norm(text).find(norm(quote))  # a quote with its line breaks folded
        return None if k < 0 else (k, k + len(norm(quote)))
    return k, k + len(quote)


def _overlaps(a, b, share: float = 0.5) -> bool:
    """``a`` covers at least ``share`` of ``b``."""
    if a is None or b is None:
        return False
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= share * (b[1] - b[0])


def score_suggest(set_dir: Path, seeds: Path = SEEDS) -> Score:
    """How far ``suggest`` drafts are from the gold events and recommendations of a set.

    A drafted event is on target when one of its pieces of evidence covers at least half of a gold
    event's evidence (a draft that tells one event from several sentences covers each); a gold
    event is recalled when a draft is on it, typed right when that draft has the gold type, and matched across documents when the gold names an event the seeds already hold
    (``existing``) and the draft proposes ``ref:`` to it. A gold recommendation is recalled when a
    drafted recommendation (an entry, or a candidate left as a note) covers half of it."""
    import tempfile

    from alliance_record import pipeline, suggest

    result = Score()
    c, misses = result.counts, result.misses
    with tempfile.TemporaryDirectory() as tmp:
        work = copy_set(set_dir, Path(tmp) / "seeds", seeds)
        seeds_db = Path(tmp) / "seeds.db"
        pipeline.build(seeds, seeds_db, cache=False)  # the dataset a draft may refer to (ref:)
        inputs = pipeline.read_inputs(work)
        docs = {d.stem: d for d in inputs.documents}
        for stem, gold in _gold_files(set_dir).items():
            doc = docs[stem]
            d = suggest.drafts(doc, pipeline.Context(inputs=inputs), events_db=seeds_db)
            text = doc.text
            drafted = [(ev, [_span(text, e["quote"]) for e in ev["evidence"]]) for ev in d.events]
            c["drafts"] += len(drafted)
            on_target = set()
            for g in gold.get("events") or []:
                c["gold_events"] += 1
                gspan = _span(text, g["evidence"])
                hits = [k for k, (ev, spans) in enumerate(drafted) if any(_overlaps(x, gspan) for x in spans)]
                on_target.update(hits)
                if not hits:
                    misses["event"].append((stem, g["type"], g["evidence"][:70]))
                    continue
                c["events_recalled"] += 1
                evs = [drafted[k][0] for k in hits]
                if any(ev.get("event_type") == g["type"] or (ev.get("ref") and not ev.get("event_type")) for ev in evs):
                    c["typed_right"] += 1
                else:
                    misses["event_type"].append((stem, g["type"], [ev.get("event_type") for ev in evs], g["evidence"][:50]))
                if g.get("existing"):
                    c["existing"] += 1
                    if any(ev.get("ref") == g["existing"] for ev in evs):
                        c["existing_matched"] += 1
                    else:
                        misses["ref"].append((stem, g["existing"], [ev.get("ref") or ev.get("id") for ev in evs]))
            c["drafts_on_target"] += len(on_target)
            for ev, spans in drafted:  # one draft over several events a reader tells apart
                covered = [g for g in gold.get("events") or []
                           if any(_overlaps(x, _span(text, g["evidence"])) for x in spans)]
                c["drafts_over_several"] += len({g["evidence"] for g in covered}) > 1
                if ev.get("ref"):  # a proposed ref: right only when a gold event it tells is that event
                    c["refs_proposed"] += 1
                    if not any(g.get("existing") == ev["ref"] for g in covered):
                        c["refs_wrong"] += 1
                        misses["ref_wrong"].append((stem, ev["ref"], [g.get("existing") for g in covered],
                                                    ev["evidence"][0]["quote"][:60]))
            for k, (ev, spans) in enumerate(drafted):
                if k not in on_target:
                    misses["draft_off_target"].append((stem, ev.get("event_type"), ev["evidence"][0]["quote"][:70]))
            recs = [_span(text, r["quote"]) for r in d.recommendations] + \
                   [_span(text, r["sentence"]) for r in d.recommendation_notes]
            for r in gold.get("recommendations") or []:
                c["gold_recommendations"] += 1
                if any(_overlaps(s, _span(text, r["quote"])) for s in recs):
                    c["recommendations_recalled"] += 1
                else:
                    misses["recommendation"].append((stem, r["quote"][:70]))
            c["recommendation_drafts"] += len(recs)
    return result


# --- the curator's work: drafts against the reviewed form --------------------------------------------

def _event_lines(ev: dict, text: str, gold: bool, gold_quotes=()) -> tuple[int, list[str]]:
    """(position, lines) of an event in a normalised annotation form: what a curator reads
    and edits, one fact per line (ids and the order of keys left out). A drafted quote that
    covers a gold evidence is kept as it is (a whole sentence that states the event is a
    verified quote of the seeds' standard): it is written as that evidence."""
    quotes = [ev["evidence"]] if gold else [e["quote"] for e in ev["evidence"]]
    if gold:  # a name no registry holds, as the drafted registry entry's id
        ev = dict(ev, place=_new_slug(ev.get("place")), actors=[_new_slug(a) for a in ev.get("actors") or []])
    else:
        quotes = [next((g for g in gold_quotes if _overlaps(_span(text, q), _span(text, g))), q) for q in quotes]
    at = min((_span(text, q) or (len(text), 0))[0] for q in quotes)
    ref = ev.get("existing") if gold else ev.get("ref")
    lines = [f"ref: {ref}"] if ref else [
        f"event_type: {ev.get('type') if gold else ev.get('event_type')}",
        f"summary: {ev.get('summary')}",
        *[f"place: {p}" for p in ([ev["place"]] if gold and ev.get("place") else [] if gold else ev.get("places") or [])],
        *[f"actor: {a}" for a in sorted(ev.get("actors") or [] if gold else [a["id"] for a in ev.get("actors") or []])]]
    lines += [f"evidence: {norm(q)}" for q in quotes]
    return at, lines + ([] if gold else ["reviewed: false"])


def _new_slug(ident):
    """``new:Jeju Island`` as the id a drafted registry entry takes (``jeju-island``)."""
    if not (isinstance(ident, str) and ident.startswith("new:")):
        return ident
    folded = unicodedata.normalize("NFKD", ident[4:]).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _changed(before: list[str], after: list[str]) -> int:
    """Lines a person changes to turn ``before`` into ``after``: the fewest line edits (a line
    rewritten, deleted or inserted counts one), so that a replaced run counts its longer side.

    A minimal count, not difflib's: its matcher is a heuristic that can pair the wrong lines and
    count a one-line correction as a dozen (suggest12 found one: a draft's type set right raised
    its document's count from 112 to 124)."""
    # the lines both share at the two ends cost nothing and need no table
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while (tail < min(len(before), len(after)) - head
           and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]):
        tail += 1
    a, b = before[head:len(before) - tail], after[head:len(after) - tail]
    row = list(range(len(b) + 1))  # edits from a[:0] to each b[:j]
    for i, line in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, other in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (line != other))
    return row[-1]


def curator_work(set_dir: Path, seeds: Path = SEEDS) -> list[dict]:
    """Per document: the lines a curator changes to bring what ``suggest`` drafts (events,
    recommendations, registry entries for new names) to the reviewed form the gold describes,
    and that per word of the document.

    The reviewed form is rendered from the gold one fact per line (an event: type, summary,
    place, actors, evidence, or ``ref:`` and evidence for an event the seeds hold; a
    recommendation: its quote and summary; a new entity: name, type, country), the drafts the
    same way with their ``reviewed: false``, both in text order; the count is a line diff. A
    summary is always rewritten (the gold's words are the curator's). Fields the gold does not
    give (a recommendation's theme and strength, an entity's description) are taken as the
    draft has them, so the figure is a lower bound on those and exact on the rest. The catalogue
    entry is not counted (the set's entries were written by hand, not drafted from a page)."""
    import tempfile

    from alliance_record import pipeline, suggest

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        work = copy_set(set_dir, Path(tmp) / "seeds", seeds)
        seeds_db = Path(tmp) / "seeds.db"
        pipeline.build(seeds, seeds_db, cache=False)
        inputs = pipeline.read_inputs(work)
        docs = {d.stem: d for d in inputs.documents}
        for stem, gold in _gold_files(set_dir).items():
            doc = docs[stem]
            text = doc.text
            d = suggest.drafts(doc, pipeline.Context(inputs=inputs), events_db=seeds_db)
            gold_quotes = [g["evidence"] for g in gold.get("events") or []]
            drafted = sorted(_event_lines(ev, text, False, gold_quotes) for ev in d.events)
            wanted = sorted(_event_lines(ev, text, True) for ev in gold.get("events") or [])
            before = [x for _, lines in drafted for x in lines]
            after = [x for _, lines in wanted for x in lines]
            recs = sorted(((_span(text, r["quote"]) or (0, 0))[0], r) for r in d.recommendations)
            for _, r in recs:
                before += [f"quote: {norm(r['quote'])}", f"summary: {r['summary']}", "reviewed: false"]
            for r in sorted(gold.get("recommendations") or [], key=lambda r: (_span(text, r["quote"]) or (0, 0))[0]):
                after += [f"quote: {norm(r['quote'])}", "summary: (the curator's)"]
            new = {e["surface"]: e for e in gold.get("entities") or [] if e.get("registry") is None and not e.get("same_as")}
            for e in sorted(d.actors + d.places, key=lambda e: e["name"]):
                before += [f"name: {e['name']}", f"type: {e['type'] if e in d.actors else 'place'}",
                           f"country: {e.get('country')}", "reviewed: false"]
            for name in sorted(new):
                e = new[name]
                after += [f"name: {name}", f"type: {e['type']}", f"country: {e.get('country')}"]
            lines = _changed(before, after)
            words = len(re.findall(r"\w+", text))
            out.append({"document": stem, "words": words, "lines_changed": lines,
                        "drafted_lines": len(before), "reviewed_lines": len(after),
                        "per_word": round(lines / words, 3) if words else 0.0})
    return out


def suggest_summary(result: Score) -> dict:
    return {
        "event_recall": result.rate("events_recalled", "gold_events"),
        "drafts_on_target": result.rate("drafts_on_target", "drafts"),
        "typed_right": result.rate("typed_right", "events_recalled"),
        "existing_matched": result.rate("existing_matched", "existing"),
        # no ref: proposed is none wrong (rate() reads an empty count as 1.0, right for shares found)
        "refs_wrong": result.counts["refs_wrong"] / result.counts["refs_proposed"] if result.counts["refs_proposed"] else 0.0,
        "recommendation_recall": result.rate("recommendations_recalled", "gold_recommendations"),
        "drafts_over_several": result.rate("drafts_over_several", "drafts"),
    }


if __name__ == "__main__":
    # this checkout's src, unless PYTHONPATH names one: run as another tree's script with PYTHONPATH set,
    # the src asked for is the one scored (it once silently was not); stderr says which ran
    if not os.environ.get("PYTHONPATH"):
        sys.path.insert(0, str(ROOT / "src"))
    import alliance_record
    print(f"alliance_record from {Path(alliance_record.__file__).parent}", file=sys.stderr)
    main()
