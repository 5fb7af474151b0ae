"""Date mentions: every date expression in every part of a document, resolved.

Each expression found by :func:`alliance_record.dates.find_dates` becomes a ``date_mentions``
row with its exact offsets, and is resolved against the document's publication window
(``documents.published_earliest``/``published_latest``). The searchable parts are those of
:func:`alliance_record.segment.regions` (headings, captions, paragraphs, footnotes) and, flagged
``region = 'boilerplate'``, the furniture the segmenter sets aside (a report's cover line
"REPORT 2025", a footer "Copyright © 2014-2025"): no other stage reads those, but their dates
say when a text was made.

A range of two dates ("from 14 May to 2 June 2026") is one row, whose ``edtf`` gives both ends,
and each end has a row of its own as TimeML writes a range (:func:`range_ends`: "14 May" and "2
June 2026", with ``range_id`` the range's row), so a count of expressions counts a range once
(:func:`expressions`). A date broken by a hyphen at a line's end ("De-⏎cember 2025") is read
whole where :func:`._text.soft_hyphen` reads the word whole (:func:`read_whole`): the row's
``phrase`` and ``written`` say "December 2025", its ``spans`` the pieces on each line.

Expressions counted from another event are resolved in two ways, and the row says which
(``relative_to_event_id`` or ``relative_to_mention_id``, with ``basis = 'relative-to-event'``):

* when an event annotation uses the expression with ``relative_to`` (see extract/events.py),
  from that event's date — so these rows are written at the end of the build (:func:`finish`),
  after every event is dated;
* otherwise, when the expression names no anchor of its own ("The day prior", "two days
  later"), from the nearest date before it in the same run of text (the same section's
  paragraphs, the same footnote or caption; in a section that has placed nothing yet, the body
  before it) that places something in time: a day, month or year given bare or with
  on/in/at/during/from, not a stretch ("since 1895"), not a deadline ("by 2027") and not an
  access date. The narrative's last stated date is what "the day prior" counts from; a date of a
  trailing attribution ("Jets locked radar on Saturday, the ministry said on Sunday") or a noun's
  modifier ("the July trade deal") does not displace the one its sentence placed its events at; a
  demonstrative ("that month") takes up the date last named, also one a clause measured from;
* an expression in apposition to the date just before it that names its own anchor ("Jan. 21,
  the day after President Trump's inauguration") is that date.

* otherwise, when its anchor is written ("75 Years After the End of the Pacific War") and an
  annotation quotes those words (or part of them) as evidence of an event ("the End of the
  Pacific War" for end-of-pacific-war-1945), from that event's date, also at the end of the build.

An expression whose anchor is written ("three days before the vote") and that no annotation
resolves or quotes keeps empty dates.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from .. import dates, tense
from ..curate import publication_window
from ..segment import Multi, Piece, Region, regions
from ._text import LineEndWords, document_words, soft_breaks

STATE_KEY = "date_mentions.anchored"   # rows counted from an event, written by finish()
RESOLVED_KEY = "events.anchored_mentions"  # mention id -> (Resolved, event id), set by events.finish
# mention id -> (DateMention, document id, start, end of its written anchor in the document)
ANCHORS_KEY = "date_mentions.written_anchors"
TIMES_KEY = "date_mentions.times"  # mention id -> the part of the day of a date counted from the story's
# qualifiers of a date that places something in time (what "the day prior" may count from)
PLACING = (None, "on", "in", "at", "during", "from")


def boilerplate_regions(doc, seg) -> list:
    return [Region("boilerplate", Multi([Piece(b["start"], b["end"])]), doc.text[b["start"]:b["end"]])
            for b in seg.boilerplate]


def figure_of(seg, start: int):
    return next((f["id"] for f in seg.figures if f["start"] <= start < f["end"]), None)


def stream_of(region, row) -> tuple:
    """The run of text an expression belongs to, for counting "the day prior" back."""
    if region.kind in ("body", "reference"):
        return ("body", region.section_id)
    return (region.kind, row["footnote_id"] or row["figure_id"] or row["boilerplate_id"] or row["start"])


def places_in_time(mention, row) -> bool:
    return (row["date_start"] is not None and mention.kind != "anchored" and not dates.is_duration(mention)
            and not mention.decade and mention.qualifier in PLACING)


# Kinds of document in which "today" in the author's present means "nowadays" (tense.nowadays)
ESSAY_KINDS = ("opinion", "analysis")


def extract(doc, seg, rows, ctx) -> dict:
    window = publication_window(doc.meta)
    essay = doc.meta.get("kind") in ESSAY_KINDS
    boilerplate = boilerplate_regions(doc, seg)
    out, anchored = [], []
    ends = []  # a row for each end of a range (TimeML: one TIMEX3 per end)
    last_placing: dict = {}  # stream -> the row of the latest date that places something in time
    last_named: dict = {}  # stream -> the row of the latest date named outside an aside (what "that month" takes up)
    set_aside: set = set()  # ids of rows that did not displace their sentence's date (see below)
    last_past: dict = {}  # stream -> the latest such row not after the publication
    dated_sentences: list = []  # (sentence, row) of each such row of one day, for an event named after them
    words = document_words(doc.text)
    for region in regions(doc, seg) + boilerplate:
        region = read_whole(region, words)  # "De-⏎cember 2025" read as "December 2025"
        is_boilerplate = region.kind == "boilerplate"
        previous = None  # the mention before in this region, and its row
        placed_at = None  # where the latest date of this region that placed something in time ends
        headline = region.kind in ("title", "heading", "caption") or (
            region.kind == "body" and _caption_like(doc.text, region.multi.start, region.multi.end))
        for m in dates.find_dates(region.text, every=True):
            if headline and m.tense == "future" and ((m.tense_cue or "").lower() in tense.FUTURATE_CUES
                                                     or tense.subordinate_present(m.tense_cue)):
                m = replace(m, tense="present")  # a headline's or caption's present tells what happened
            if essay and m.kind == "present" and m.value is None and m.qualifier is None and \
                    not is_boilerplate and tense.nowadays(region.text, m.start, m.end):
                m = replace(m, value="PRESENT_REF")  # an essay's "Today that promise is tested"
            written = region.multi.sub(m.start, m.end)
            extent_start = m.extent_start if m.extent_start is not None else m.start
            pieces = region.multi.sub(extent_start, m.end) if extent_start != m.start else written
            start, end = pieces[0].start, pieces[-1].end
            seen_from = window
            if previous is not None and previous[1]["date_start"] and dates.in_named_week(m, previous[0], region.text):
                # "next week ... on Thursday": the Thursday of that week
                m, seen_from = replace(m, offset=0), (previous[1]["date_start"], previous[1]["date_start"])
            resolved = dates.resolve(m, window=seen_from)
            timex, timexes = timex_reading(m, region.text, seen_from)
            row = {
                "id": f"{doc.id}-d{len(out) + 1:04d}", "document_id": doc.id, "region": region.kind,
                "paragraph_id": region.paragraph_id, "footnote_id": region.footnote_id,
                "figure_id": figure_of(seg, start) if region.kind == "caption" else None,
                "boilerplate_id": next(b["id"] for b in seg.boilerplate if b["start"] == region.multi.start)
                if is_boilerplate else None,
                "start": start, "end": end, "phrase": region.text[extent_start:m.end],
                "spans": json.dumps([[p.start, p.end] for p in pieces]) if len(pieces) > 1 else None,
                "kind": m.kind, "relative_to_event_id": None, "relative_to_mention_id": None,
                "written_start": written[0].start, "written": m.phrase,
                "written_spans": json.dumps([[p.start, p.end] for p in written]) if len(written) > 1 else None,
                "qualifier": m.qualifier, **timex, **direction_columns(m), "range_id": None,
            }
            stream = stream_of(region, row)
            restated = None  # the row of the date an apposition restates
            before = _latest(last_placing, stream)
            if m.kind == "time" and window and before is not None and before["date_start"]:
                # a clock in a past clause: on the day the story has reached (dates.clock_day)
                day = dates.clock_day(m, region.text, window[1], (before["date_start"], before["date_end"]), placed_at)
                row["timex_value"] = f"{day}T{m.time}"
            if m.kind == "anchored":
                # counted from what it names, or from the story's last date ("The day prior")
                counted = m.anchor is not None or dates.counts_to_following(m, region.text)
                before = None if counted else _latest(last_placing, stream)
                if before is not None and window and before["date_start"] and before["date_start"] > window[1] and \
                        tense.clause_tense(region.text, m.start, m.end)[0] == "past":
                    # "The fiscal year starts in April. Two days earlier, the minister had warned":
                    # what happened counts from the story's past, not from a date still to come
                    before = _latest(last_past, stream)
                named = _latest(last_named, stream)
                if not counted and named is not None and named is not before and _DEMONSTRATIVE.match(m.phrase) \
                        and named["date_precision"] in _TAKES_UP.get(m.unit, ()):
                    # "that month" takes up the month last named, also one a clause measured from
                    # ("less than a year after he took office last October. ... an election that month")
                    before = named
                if counted and previous is not None and dates.apposed(region.text, previous[0].end, m) and \
                        previous[1]["date_start"] is not None and previous[1]["date_start"] == previous[1]["date_end"] \
                        and previous[1]["date_precision"] == _GRANULARITY.get(m.unit):
                    # "Jan. 21, the day after President Trump's inauguration": the date it restates
                    before = restated = previous[1]
                    if row["timex_type"] is None:
                        row["timex_type"] = "DATE"
                event_row = _dated_by_name(m.anchor, dated_sentences, _sentence_of(region, start)) \
                    if counted and m.anchor and before is None and m.unit in ("day", "week", "month", "year") \
                    and dates.is_count(m) else None
                if m.anchor:  # "the End of the Pacific War": an event's evidence may quote it
                    i = m.start + m.phrase.rfind(m.anchor)
                    at = region.multi.sub(i, i + len(m.anchor))
                    ctx.state.setdefault(ANCHORS_KEY, {})[row["id"]] = (m, doc.id, at[0].start, at[-1].end)
                if event_row is not None:
                    # "Two days before the Busan meeting": the meeting the text placed "Last Thursday in Busan"
                    resolved = dates.resolve(replace(m, span=False), anchor=(event_row["date_start"], event_row["date_end"]))
                    row["relative_to_mention_id"] = event_row["id"]
                    row["timex_type"], row["timex_value"] = "DATE", None  # finish writes the day
                elif before is not None and counted:
                    resolved = dates.resolve(replace(m, offset=0, span=False), anchor=(before["date_start"], before["date_end"]))
                    row["relative_to_mention_id"] = before["id"]
                elif before is not None:
                    anchor = dates.anchor_for(m, before["date_start"], before["date_end"], before["edtf"])
                    resolved = dates.resolve(m, anchor=anchor)
                    row["relative_to_mention_id"] = before["id"]
                    if resolved is not None and resolved.date_start != resolved.date_end and window:
                        # "earlier in the week": not one day, so its TIMEX3 value is read here (2025-W06)
                        found = dates.timexes(m, region.text, window[1], (before["date_start"], before["date_end"]))
                        if len(found) == 1 and found[0][2] == row["timex_type"]:
                            row["timex_value"] = found[0][3]
                if m.time:  # "in the morning": finish writes the TIMEX3 value from the day
                    ctx.state.setdefault(TIMES_KEY, {})[row["id"]] = m.time
                fill(row, resolved, "relative-to-event")
                anchored.append(row)
            else:
                fill(row, resolved, None)
            out.append(row)
            ends.extend(range_ends(m, row, region, timexes))
            previous = (m, row)
            # a date of a trailing attribution or a noun's modifier does not displace the one its
            # sentence placed its events at
            # (nor does an apposition that restates such a date: "said on Thursday, a day after ...")
            subordinate = (placed_at is not None and tense.same_sentence(region.text, placed_at, m.start)
                           and tense.subordinate(region.text, m.start, m.end)) or (
                restated is not None and restated["id"] in set_aside)
            if subordinate:
                set_aside.add(row["id"])
            dated_count = m.kind == "anchored" and row["date_start"] is not None
            if (places_in_time(m, row) or dated_count) and not subordinate and not tense.aside(region.text, m.start):
                _remember(last_named, stream, row)  # ("the next day ... that evening": the next day's)
            if ((places_in_time(m, row) and not tense.background(region.text, m.start)) or dated_count) \
                    and not subordinate:
                placed_at = m.end
                _remember(last_placing, stream, row)
                if row["date_start"] is not None and row["date_start"] == row["date_end"]:
                    dated_sentences.append((_sentence_of(region, row["start"]), row))
                if window and row["date_end"] and row["date_end"] <= window[1]:
                    _remember(last_past, stream, row)
    # counted from an event: an annotation may date them; written at the end (see finish)
    ctx.state.setdefault(STATE_KEY, []).extend(anchored)
    return {"date_mentions": [r for r in out if r["kind"] != "anchored"] + ends}


def read_whole(region: Region, words: LineEndWords) -> Region:
    """``region`` with each word hyphenated at a line's end that :func:`._text.soft_hyphen` reads
    whole ("Decem-⏎ber", on the document's ``words``) joined in its text; its pieces skip the hyphen
    and line break, so a date read through the break maps back to the document's characters. The
    region itself when it has no such break."""
    cuts, text, pos = [], [], 0
    for s, e in soft_breaks(region.text, words):
        a, b = region.multi.to_doc(s), region.multi.to_doc(e)
        if b - a == e - s and region.multi.from_doc(a) == s:  # the break inside one piece
            cuts.append((a, b))
            text.append(region.text[pos:s])
            pos = e
    if not cuts:
        return region
    pieces = []
    for p in region.multi.pieces:
        start, joiner = p.start, p.joiner
        for a, b in cuts:
            if p.start <= a and b <= p.end:
                pieces.append(Piece(start, a, joiner))
                start, joiner = b, ""
        pieces.append(Piece(start, p.end, joiner))
    return replace(region, multi=Multi(pieces), text="".join(text) + region.text[pos:])


def _latest(rows_by_stream: dict, stream: tuple):
    """The row kept for ``stream``; a section with no date of its own goes on from the body before."""
    return rows_by_stream.get(stream) or (rows_by_stream.get("body") if stream[0] == "body" else None)


def _remember(rows_by_stream: dict, stream: tuple, row: dict) -> None:
    rows_by_stream[stream] = row
    if stream[0] == "body":
        rows_by_stream["body"] = row


def _sentence_of(region, doc_start: int) -> str:
    """The sentence of ``region`` holding document offset ``doc_start`` (the whole region without sentences)."""
    for s_start, s_end, _, text in region.sentences or ():
        if s_start <= doc_start < s_end:
            return text
    return region.text


# an event named after a place or a name: "the Busan meeting", "the Lima summit" (the, names, a noun)
_NAMED_EVENT = re.compile(r"(?i:the)\s+(?P<names>(?:[A-Z][\w’'.-]*\s+)+)(?P<noun>[a-z][\w-]*)")
# a meeting named by its place ("the Busan meeting", "the Lima summit") is also named by "met ... in Busan"
_MEETING_NOUNS = frozenset(["meeting", "meetings", "summit", "talks", "conference", "summitry"])
_MEETING_VERB = re.compile(r"\b(?:met|meet|meets|convened|gathered)\b")


def _names_event(sentence: str, names: str, noun: str) -> bool:
    """``sentence`` names the event "the <names> <noun>": "<names> <noun>", "<noun> in <names>",
    or, for a meeting, "in <names>" with a verb of meeting; one shared word is not enough."""
    name = r"\s+".join(re.escape(n) for n in names.split())
    word = re.escape(noun)
    if re.search(rf"(?<![\w-]){name}\s+{word}(?![\w-])|(?<![\w-]){word}\s+in\s+{name}(?![\w-])", sentence):
        return True
    return noun in _MEETING_NOUNS and _MEETING_VERB.search(sentence) is not None and \
        re.search(rf"\bin\s+{name}(?![\w-])", sentence) is not None


NAMED_LOOKBACK = 64  # dated sentences looked back through for an event's name (linear in a long text)


def _dated_by_name(anchor: str, dated: list, sentence_now: str):
    """The one dated row of an earlier sentence that names the event a count is before or after:
    "two days before the Busan meeting" after "Last Thursday in Busan, the leaders met"; None when
    the anchor is no such event, no sentence names it or sentences of different days do."""
    named = _NAMED_EVENT.fullmatch(anchor.strip())
    if named is None:
        return None
    found = [row for sentence, row in dated[-NAMED_LOOKBACK:] if sentence != sentence_now
             and _names_event(sentence, named.group("names"), named.group("noun"))]
    return found[-1] if found and len({r["date_start"] for r in found}) == 1 else None


_IMAGE_LINE = re.compile(r"\S+\.(?i:jpe?g|png|gif|webp)\s*$")
_CREDIT_LINE = re.compile(r"\s*\(?(?i:photo(?:graph)?s?|image|picture|credit)\b")


def _caption_like(text: str, start: int, end: int) -> bool:
    """A paragraph under an image's file name or over a photo credit ("Photo: …"): a caption the
    segmenter kept as body, whose present tells what the picture shows."""
    line_start = text.rfind("\n", 0, max(0, start - 1)) + 1
    if _IMAGE_LINE.search(text[line_start:start]):
        return True
    line_end = text.find("\n", end + 1)
    return bool(_CREDIT_LINE.match(text[end:line_end if line_end >= 0 else len(text)].lstrip("\n")))


_GRANULARITY = {"day": "day", "month": "month", "year": "year"}
# "that day", "later that month": a demonstrative takes up a date already named, of a precision that has the unit
_DEMONSTRATIVE = re.compile(r"(?i:(?:(?:earlier|later)\s+)?that\s|.*\s(?:of\s+)?that\s+(?:year|week)\b)")
_TAKES_UP = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


def _timexes(m, text: str, window):
    """The mention's TIMEX3s ``(start, end, type, value)`` in ``text``, read against every day of
    the publication window (the latest alone for a mention that needs no publication date); None
    when its days do not agree. A relative mention needs a window (:func:`timex_reading` asks
    for none without one)."""
    if m.kind in ("explicit", "anchored", "duration", "set", "vague"):
        days = [window[1] if window else "2000-01-01"]
    else:
        days = sorted({window[0], window[1]})
    values = {tuple(t[:4] for t in dates.timexes(m, text, day)) for day in days}
    return values.pop() if len(values) == 1 else None


def timex_reading(m, text: str, window) -> tuple[dict, tuple | None]:
    """The mention as one TIMEX3 (TimeML): its type and value against the publication date, and
    the TIMEX3s ``(start, end, type, value)`` it was read from (None when none were read).
    A range is two TIMEX3s in TimeML and gets no single value here (its EDTF says both ends;
    :func:`range_ends` writes a row for each from the same TIMEX3s); a relative value that the
    days of an uncertain publication window do not agree on is left empty."""
    if m.kind == "anchored" and not m.anchor and not dates.counts_to_following(m, text):
        # counted from a date found later ("in the morning": a time)
        return {"timex_type": "TIME" if m.time else "DATE", "timex_value": None}, None
    if m.kind not in ("explicit", "anchored", "duration", "set", "vague") and window is None:
        return {"timex_type": None, "timex_value": None}, None
    found = _timexes(m, text, window)
    if found is None:
        return {"timex_type": "DATE", "timex_value": None}, None
    if len(found) != 1:
        return {"timex_type": "DATE" if found else None, "timex_value": None}, found
    return {"timex_type": found[0][2], "timex_value": found[0][3]}, found


def range_ends(m, row: dict, region, found) -> list:
    """A row for each end of the range ``row`` reads ("from 14 May to 2 June 2026": "14 May" and
    "2 June 2026"), as TimeML writes a range: one TIMEX3 per end (``found``, the mention's TIMEX3s
    from :func:`timex_reading`), with its own extent and value. Each keeps the range's kind of
    reading (explicit, relative...), has ``range_id`` the range's row and is dated to its own day,
    month or year; the range's row is unchanged. An empty list for a mention that is no range of
    two dates."""
    if not (m.parts and not m.span) or row["timex_value"] is not None:
        return []
    if not found or len(found) != 2 or any(t[2] != "DATE" for t in found):
        return []
    out = []
    for k, (a, b, _, value) in enumerate(found, 1):
        try:
            precision = dates.precision_of(value)
        except dates.BadDate:
            return []
        pieces = region.multi.sub(a, b)
        spans = json.dumps([[p.start, p.end] for p in pieces]) if len(pieces) > 1 else None
        out.append({**row, "id": f"{row['id']}-{k}", "start": pieces[0].start, "end": pieces[-1].end,
                    "phrase": region.text[a:b], "spans": spans,
                    "written_start": pieces[0].start, "written": region.text[a:b], "written_spans": spans,
                    "qualifier": None, "timex_type": "DATE", "timex_value": value, "date_start": value,
                    "date_end": value, "date_precision": precision, "edtf": value, "range_id": row["id"]})
    return out


def expressions(rows) -> int:
    """How many date expressions ``rows`` (date_mentions) hold: a range once, its ends' rows
    (with a ``range_id``) left out."""
    return sum(r["range_id"] is None for r in rows)


def direction_columns(m) -> dict:
    """Which way the mention points and what said so: its own words ("last", "ago", "next") or
    the tense of its clause ("met", "will", "ahead of") for a date that names no year."""
    if m.direction:
        return {"direction": m.direction, "direction_cue": None}
    if m.tense:
        return {"direction": m.tense, "direction_cue": m.tense_cue}
    return {"direction": None, "direction_cue": None}


def fill(row: dict, resolved, basis_if_unresolved):
    row.update({
        "date_start": resolved.date_start if resolved else None,
        "date_end": resolved.date_end if resolved else None,
        "date_precision": resolved.date_precision if resolved else None,
        "edtf": resolved.edtf if resolved else None,
        # unresolved: counted from an event (an annotation may give it), or off the calendar
        "basis": resolved.basis if resolved else basis_if_unresolved,
    })


def finish(ctx) -> dict:
    """The rows counted from an event, dated from the event an annotation names when there is one."""
    by_event = ctx.state.get(RESOLVED_KEY, {})
    times = ctx.state.get(TIMES_KEY, {})
    out = []
    for row in ctx.state.get(STATE_KEY, []):
        if row["id"] in by_event:
            resolved, event_id = by_event[row["id"]]
            fill(row, resolved, "relative-to-event")
            row["relative_to_event_id"], row["relative_to_mention_id"] = event_id, None
            if row["timex_type"] in ("DATE", "TIME"):
                row["timex_value"] = None  # read again from the event's date below
        if row["timex_value"] is None and row["date_start"] and row["date_start"] == row["date_end"]:
            if row["timex_type"] == "DATE":
                row["timex_value"] = row["date_start"]  # "the day before": the one date it was counted to
            elif row["timex_type"] == "TIME" and row["id"] in times:
                row["timex_value"] = f"{row['date_start']}T{times[row['id']]}"  # in the morning: that day's
        out.append(row)
    return {"date_mentions": out}
