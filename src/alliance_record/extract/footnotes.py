"""Extract footnotes: each body with its marker in the text, its citing sentence, and what it cites.

* **Markers** are found in body paragraphs: superscript digits right after a word or punctuation
  (``Kishida.¹⁰``, ``forces,²⁰``, ``ancestors.”³⁰``, and a second run after a space, ``opposed.⁵ ⁶``)
  or a bracketed number (``shoal.[12]``), letter (``[b]``, where the notes are lettered) or roman
  numeral (``[iv]``, where they are numbered so; one of one letter, ``[v]``, only in the notes'
  order: segment.in_notes_order), or a number in round brackets glued to a stop ("defence.(2)",
  where the notes' list is labelled "(2)", in the notes' order). A run of digits that holds several markers (``¹⁰¹¹``) is read
  as the consecutive numbers the document expects next, or as two note numbers that exist.
  Offsets are mapped from the (possibly rejoined) paragraph to the document, so the citing
  sentence is the rejoined one even when a page break split it.
* **Bodies** come from the segmenter (``seg.notes``: superscript footnotes, and numbered endnotes
  under a Notes heading), whole across page breaks. A line break inside a body is a joint too:
  pieces are joined with one space, or with nothing inside a URL broken across lines.
* **Pairing** is by number, in order. A body whose marker is not in the text keeps NULL marker
  columns, a marker without a body gets a row with NULL text: both are flagged in ``problem``,
  nothing is invented.
* **Citations**: each body is parsed by :mod:`alliance_record.citations`, knowing the
  citations before it (a short form is a citation when it abbreviates one); entries of a
  References/Bibliography section are parsed too. A citation that repeats another keeps it in
  ``repeats``: "Ibid." the previous note's only work, "op. cit." and a short form the latest
  earlier citation of the same author (and title); a short form of no earlier note names the
  References entry it abbreviates (``same_as_reference``). Both are left in ``ctx.state`` for the
  corpus stage (:mod:`alliance_record.bibliography`) that merges them into works.
"""

from __future__ import annotations

import bisect
import json
import re

from .. import citations
from ..segment import (BRACKET_LABEL, CITE_AFTER, PAREN_CITATION, PLAIN_MARKERS, ROMAN, SUPERSCRIPT_TO_DIGIT,
                       SUPERSCRIPTS, SYMBOL_MARK, Multi, Piece, in_notes_order, label_scheme, paren_labels,
                       plain_markers, roman_value, symbol_number)

MARKER = re.compile(
    rf"(?:(?<={CITE_AFTER})|(?<=[{SUPERSCRIPTS}] ))(?P<sup>[{SUPERSCRIPTS}]+)"
    rf"|(?<={CITE_AFTER}){BRACKET_LABEL}"
    rf"|(?<={CITE_AFTER})(?P<sym>{SYMBOL_MARK})(?![*†‡§‖¶])(?=\s|$)")
BIBLIOGRAPHY_HEADING = re.compile(r"(?i)^(references|bibliography|works cited|sources|literature|"
                                  r"select(ed)? bibliography|further reading)\s*:?$")
STATE_KEY = "bibliography"


def state(ctx) -> dict:
    """What this stage leaves for the corpus stage, gathered across documents."""
    return ctx.state.setdefault(STATE_KEY, {"citations": [], "references": []})


def extract(doc, seg, rows, ctx) -> dict:
    found = read_footnotes(doc, seg)
    gathered = state(ctx)
    gathered["citations"].extend(found["citations"])
    gathered["references"].extend(found["references"])
    return {"footnotes": found["footnotes"]}


def read_footnotes(doc, seg) -> dict:
    """Footnote rows, parsed citations and parsed reference entries of one document."""
    text = doc.text
    notes = [(note, body_multi(note.body, text)) for note in seg.notes]
    schemes = {label_scheme(n.marker or "", n.number) for n, _ in notes}
    lettered = "letter" in schemes
    symbols = any(re.fullmatch(SYMBOL_MARK, n.marker or "") for n, _ in notes)
    # notes numbered in digits ("14 Ministry ...", "1. Ministry ...") may be cited in plain digits
    plain = any(re.fullmatch(r"\d{1,6}[.)]?", n.marker or "") for n, _ in notes)
    markers = find_markers(doc, seg, {n.number for n, _ in notes}, lettered, symbols, plain, "roman" in schemes,
                           paren_labels(n.marker for n, _ in notes))
    footnotes, cites = [], []
    pairs = pair_markers(notes, markers)
    previous = None  # the citations of the previous footnote, for "Ibid."
    seen_numbers: dict = {}  # number -> notes with it so far (a count over all earlier pairs was quadratic)
    records = citations.CitedWorks()  # the records of ``cites``, in order, indexed for refers_to
    for number, note, multi, marker in pairs:
        repeat = seen_numbers.get(number, 0)
        seen_numbers[number] = repeat + 1
        fid = note.id if note is not None else f"{doc.id}-fn{number:02d}" + (f"-{repeat + 1}" if repeat else "")
        row = footnote_row(doc, fid, number, note, multi, marker)
        footnotes.append(row)
        if note is None:
            continue
        body = row["text"]
        parsed = citations.parse_footnote(body, records)
        row["kind"] = parsed["kind"]
        current = []
        for position, (a, b, record) in enumerate(parsed["citations"], start=1):
            sub = Multi(multi.sub(a, b))
            cite = {
                "id": f"{fid}-c{position}", "document_id": doc.id, "footnote_id": fid,
                "position": position, "text": body[a:b], "start": sub.start, "end": sub.end,
                "spans": json.dumps(sub.spans()) if sub.spans() else None, "record": record,
                "repeats": None, "same_as_reference": None,
            }
            if record.get("ibid"):
                # Ibid. repeats the previous note's work: only defined when that note cites one.
                if previous and len(previous) == 1:
                    cite["repeats"] = previous[0]["id"]
            else:
                # A short form or "op. cit." repeats an earlier citation of the same author.
                earlier = citations.refers_to(record, records)
                if earlier is not None:
                    cite["repeats"] = cites[earlier]["id"]
            current.append(cite)
        row["citation_count"] = len(current)
        cites.extend(current)
        records.extend(c["record"] for c in current)
        previous = current or previous
    references = read_references(doc, seg)
    refer_to_references(cites, references)
    citations.harmonise_types([c["record"] for c in cites] + [r["record"] for r in references])
    return {"footnotes": footnotes, "citations": cites, "references": references}


def refer_to_references(cites: list[dict], references: list[dict]):
    """A short form or "op. cit." that repeats no earlier footnote cites the work of the
    document's References entry it abbreviates (same rule as :func:`citations.refers_to`)."""
    records = citations.CitedWorks(r["record"] for r in references)
    for c in cites:
        if c["repeats"] is None and (c["record"].get("short") or c["record"].get("op_cit")):
            k = citations.refers_to(c["record"], records)
            if k is not None:
                c["same_as_reference"] = references[k]["id"]


def body_multi(body: Multi, text: str) -> Multi:
    """The body's pieces split at line breaks inside a block: lines are joined by one space, or
    by nothing when a URL runs on from one line to the next."""
    pieces: list[Piece] = []
    for piece in body.pieces:
        first = True
        for line in re.finditer(r"[^\n]+", text[piece.start:piece.end]):
            a, b = piece.start + line.start(), piece.start + line.end()
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a == b:
                continue
            if first:
                joiner = piece.joiner
            else:
                prev = text[pieces[-1].start:pieces[-1].end].split()[-1]
                cont = text[a:b]
                joiner = "" if ("://" in prev and " " not in cont and not citations.URL_TOKEN.match(cont)) else " "
            pieces.append(Piece(a, b, joiner))
            first = False
    return Multi(pieces)


def decode_run(digits: str, expected: int, known: set) -> list[tuple[int, int, int]]:
    """``(offset, length, number)`` markers in a run of digits: the whole number when it is the
    one expected (or there is no better reading), else consecutive numbers from ``expected``
    (``1011`` -> 10, 11), else two note numbers that exist."""
    whole = int(digits)
    if len(digits) == 1 or whole == expected:
        return [(0, len(digits), whole)]
    parts, pos, n = [], 0, expected
    while pos < len(digits) and digits.startswith(str(n), pos):
        parts.append((pos, len(str(n)), n))
        pos += len(str(n))
        n += 1
    if pos == len(digits) and len(parts) > 1 and all(p[2] in known for p in parts):
        return parts
    if whole not in known:
        splits = [(int(digits[:i]), int(digits[i:])) for i in range(1, len(digits))
                  if digits[i] != "0" and int(digits[:i]) in known and int(digits[i:]) in known]
        if splits:
            first, second = max(splits, key=lambda s: (s[0] == expected, s[0]))
            cut = len(str(first))
            return [(0, cut, first), (cut, len(digits) - cut, second)]
    return [(0, len(digits), whole)]


def find_markers(doc, seg, known: set, lettered: bool = False, symbols: bool = False,
                 plain: bool = False, roman: bool = False, parens: frozenset = frozenset()) -> list[dict]:
    """Footnote markers in the body paragraphs, in text order, with their sentence (symbols such
    as "*" and "†" only where the document's notes are marked so; plain digits glued to a
    sentence's end, "spring.1 It", only where notes open with plain numbers, and only a number
    that is a note's; a bracketed letter "[b]" where the notes are lettered, a numeral "[iv]" where
    they are numbered so, in the notes' order; a number in round brackets glued to a stop,
    "defence.(2)", only as one of the labels ``parens`` of the notes' list, in the notes' order)."""
    if not known:
        return []
    text = doc.text
    sentences: dict[str, list] = {}
    for s in seg.sentences:
        sentences.setdefault(s["paragraph_id"], []).append(s)
    pieces: dict[str, tuple] = {}  # paragraph id -> its sentences' pieces by start, made on first use
    out, last = [], 0
    plain_seen: set = set()  # the numbers cited in plain digits so far
    roman_seen: set = set()  # ...and in roman numerals
    paren_seen: set = set()  # ...and in round brackets
    first_roman = min(known)
    marked = marked_numbers(seg) if plain else set()
    for para in seg.paragraphs:
        if para["kind"] != "body":
            continue
        multi = seg.paragraph_pieces[para["id"]]
        ptext = para["text"]
        found = list(MARKER.finditer(ptext))
        if plain:
            found = sorted(found + [m for m in plain_markers(ptext) if int(m.group(1)) in known],
                           key=lambda m: m.start())
        if parens:
            found = sorted(found + [m for m in PAREN_CITATION.finditer(ptext) if m.group() in parens],
                           key=lambda m: m.start())
        for m in found:
            if m.re is PAREN_CITATION:
                number = int(m.group("paren"))
                if not in_notes_order(number, paren_seen, max(paren_seen, default=None), min(known)):
                    continue
                paren_seen.add(number)
                runs = [(m.start(), m.end(), number)]
            elif m.re in PLAIN_MARKERS:
                if not plain_expected(int(m.group(1)), plain_seen, known, marked):
                    continue
                plain_seen.add(int(m.group(1)))
                runs = [(m.start(), m.end(), int(m.group(1)))]
            elif m.group("sym"):
                if not symbols:
                    continue
                runs = [(m.start(), m.end(), symbol_number(m.group("sym")))]
            elif m.group("sup"):
                digits = m.group("sup").translate(SUPERSCRIPT_TO_DIGIT)
                runs = [(m.start() + o, m.start() + o + n, num)
                        for o, n, num in decode_run(digits, last + 1, known)]
            elif m.group("num"):
                runs = [(m.start(), m.end(), int(m.group("num")))]
            else:
                label = m.group("alpha")
                if lettered and len(label) == 1:
                    number = ord(label) - ord("a") + 1
                elif roman and re.fullmatch(ROMAN, label) and (
                        # "[iii]" is no letter nor an editor's "[i]t": read as "[3]" is; a numeral
                        # of one letter ("[i]", "[v]") only in the notes' order (review 9, 4)
                        roman_value(label) in known if len(label) > 1 else in_notes_order(
                            roman_value(label), roman_seen, max(roman_seen, default=None), first_roman)):
                    number = roman_value(label)
                    roman_seen.add(number)
                else:
                    continue  # "[a]" is a marker only where the document's notes are lettered
                runs = [(m.start(), m.end(), number)]
            for i, j, number in runs:
                start, end = multi.to_doc(i), multi.to_doc(j)
                if text[start:end] != ptext[i:j]:
                    continue  # cannot happen inside one piece; never store a wrong offset
                if para["id"] not in pieces:
                    pieces[para["id"]] = sentence_pieces(sentences.get(para["id"], []))
                sentence = sentence_at(pieces[para["id"]], start)
                out.append({"number": number, "marker": ptext[i:j], "start": start, "end": end,
                            "paragraph_id": para["id"], "section_id": para["section_id"],
                            "sentence": sentence})
                last = number
    return out


def marked_numbers(seg) -> set:
    """The note numbers the body text cites with a superscript ("¹⁴") or a bracket ("[14]"): a
    plain digit is not their marker."""
    out = set()
    for para in seg.paragraphs:
        if para["kind"] != "body":
            continue
        for m in MARKER.finditer(para["text"]):
            if m.group("sup"):
                out.add(int(m.group("sup").translate(SUPERSCRIPT_TO_DIGIT)))
            elif (m.group("num") or "").isdigit():
                out.add(int(m.group("num")))
    return out


def plain_expected(number: int, seen: set, known: set, marked: set = frozenset()) -> bool:
    """Whether a number in plain digits glued to a sentence's stop is a note marker: a number the
    document's notes have, that no superscript or bracket cites, and that comes in the notes' order
    (the first note's number, one cited already, or the next after the highest cited so far), so
    that a stray "a Type.3 A" before note 1 is cited is no marker."""
    if number not in known or number in marked:
        return False
    return in_notes_order(number, seen, max(seen, default=None), min(known))


def sentence_pieces(sentences: list) -> tuple:
    """A paragraph's sentences as ``(starts, pieces)``: every piece ``(start, end, sentence)`` in
    order of its start, for :func:`sentence_at` to bisect (a paragraph of thousands of sentences
    with a marker in each is not scanned again for every marker)."""
    out = []
    for s in sentences:
        for a, b in (json.loads(s["spans"]) if s["spans"] else [[s["start"], s["end"]]]):
            out.append((a, b, s))
    out.sort(key=lambda p: p[0])
    return [p[0] for p in out], out


def sentence_at(pieces: tuple, offset: int):
    """The sentence one of whose pieces holds ``offset`` (see :func:`sentence_pieces`)."""
    starts, out = pieces
    k = bisect.bisect_right(starts, offset) - 1
    if k >= 0 and out[k][0] <= offset < out[k][1]:
        return out[k][2]
    return None


def pair_markers(notes: list, markers: list) -> list:
    """``(number, note, multi, marker)`` in order: the k-th body of a number goes with the
    k-th marker of that number; unpaired bodies and markers are kept with ``None``. A number
    cited again after its only body was paired (a re-used note) adds no row."""
    by_number: dict[int, list] = {}
    for mk in markers:
        by_number.setdefault(mk["number"], []).append(mk)
    out, used = [], {}
    for note, multi in notes:
        k = used.get(note.number, 0)
        mks = by_number.get(note.number, [])
        out.append((note.number, note, multi, mks[k] if k < len(mks) else None))
        used[note.number] = k + 1
    for number, mks in by_number.items():
        if used.get(number):
            continue  # extra markers of a number with a body are re-citations
        out.append((number, None, None, mks[0]))
    order = {id(note): i for i, (note, _) in enumerate(notes)}
    return sorted(out, key=lambda r: (r[0], order.get(id(r[1]), len(order))))


def footnote_row(doc, fid, number, note, multi, marker) -> dict:
    sentence = marker["sentence"] if marker else None
    problem = None
    if note is None:
        problem = "marker without a footnote body"
    elif marker is None:
        problem = "footnote body without a marker in the text"
    text = multi.text(doc.text) if multi else None
    return {
        "id": fid, "document_id": doc.id, "number": number, "kind": None,
        "text": text, "start": multi.start if multi else None, "end": multi.end if multi else None,
        "spans": json.dumps(multi.spans()) if multi and multi.spans() else None,
        "body_marker": note.marker if note else None,
        "marker": marker["marker"] if marker else None,
        "marker_start": marker["start"] if marker else None,
        "marker_end": marker["end"] if marker else None,
        "paragraph_id": marker["paragraph_id"] if marker else None,
        "section_id": marker["section_id"] if marker else None,
        "sentence_id": sentence["id"] if sentence else None,
        "context": sentence["text"] if sentence else None,
        "citation_count": 0, "problem": problem,
    }


def read_references(doc, seg) -> list[dict]:
    """Entries of a References/Bibliography section, parsed; "———." repeats the authors above."""
    headings = {s["id"]: (s["heading"] or "").strip() for s in seg.sections}
    paras = [p for p in seg.paragraphs if p["kind"] == "reference"
             and BIBLIOGRAPHY_HEADING.match(headings.get(p["section_id"], ""))]
    out = []
    for para, record in zip(paras, citations.parse_references([p["text"] for p in paras])):
        ordinal = len(out) + 1
        out.append({
            "id": f"{doc.id}-ref{ordinal:02d}", "document_id": doc.id,
            "section_id": para["section_id"], "paragraph_id": para["id"], "ordinal": ordinal,
            "text": para["text"], "start": para["start"], "end": para["end"], "spans": para["spans"],
            "record": record,
        })
    return out
