"""Events: one deduplicated, dated, sourced timeline from the curated annotations.

Per document (:func:`extract`), every ``evidence`` quote of the document's annotation file is
located in the text (exactly, or across a page break in a rejoined paragraph or footnote) —
in a paragraph, a footnote or a figure's caption, never in a heading or in web furniture — and
its ``date`` phrase is found among the date expressions of the surrounding text (or, when the
curator quotes one, a date in a URL path: a news page's publication date). Nothing is written
yet: an event may be defined in one file and reported by others, and a date may be counted
from another event ("the day prior").

At the end (:func:`finish`), the events are dated in three steps:

1. each source's date is resolved — against its document's publication window, or against the
   date of the event named in ``relative_to``; a source marked ``bound: before`` (an access
   date, the date of a report of the event, or with no date the publication itself) only says
   the event happened on or before that date. An event takes the most precise date its
   sources give (the narrowest; explicit before relative), provided every source agrees
   (overlaps); an event that has only bounds takes what they leave open (``[..2025-07-02]``).
   A curated ``known_date`` (a fact from outside the texts, with its basis) stands above the
   sources, which must agree with it. Sources that contradict each other stop the build with
   both files and lines.
2. a whole covers its parts (``part-of`` links): when a part falls outside the whole's date,
   ``date_start``/``date_end`` stretch to the part, but the EDTF leaves that side open, since
   no text gives the whole's end ("the trip started on Monday" and "a meeting on Thursday" do
   not say the trip ended on Thursday); ``date_note`` says so.
3. an event whose reports give no date but that is part of a dated whole happened during it:
   one of the whole's days (``uncertain``), or its day when the whole is one day.

The result is written as ``events`` (one row per real event), ``event_sources`` (one per
report, like GDELT's mention table), ``event_actors``, ``event_places`` and ``event_links``.
Dates are never midpoints: ``date_start``/``date_end`` are as precise as the text allows, and
empty on a side no text bounds.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from .. import dates
from ..curate import publication_window, reviewed
from ..curate.annotations import QuoteNotFound, locate
from ..errors import InputError
from ..segment import Multi, Piece, Region
from ._text import document_words
from .date_mentions import ANCHORS_KEY, RESOLVED_KEY, STATE_KEY, read_whole

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "uncertain": 3, "range": 4, "approximate": 5}
BASIS_RANK = {"explicit": 0, "relative-to-publication": 1, "relative-to-event": 2}
ACCESS_QUALIFIERS = ("accessed", "retrieved")
NOT_A_DATE = {"duration": "length of time", "set": "frequency", "time": "time of day without a date",
              "vague": "reference to the past or the future"}
FAR = dt.date.max - dt.date.min


@dataclass
class Source:
    event_id: str
    document_id: str
    paragraph_id: str | None
    footnote_id: str | None
    figure_id: str | None
    quote: str
    start: int
    end: int
    spans: list | None
    date_phrase: str | None
    date_mention: object | None      # dates.DateMention
    date_mention_id: str | None
    relative_to: str | None
    direction: str | None
    bound: str | None                # before | after: the date only bounds the event
    window: tuple
    path: str
    line: int
    resolved: object | None = None   # dates.Resolved (bounded for a bound)
    mention_resolved: object | None = None  # the date expression itself, resolved
    reading: object | None = None    # dates.Resolved: a range's end as its own row reads it
    reviewed: int = 1                # 0: the entry giving this source is a draft no one has reviewed


@dataclass
class EventDate:
    """An event's date: as its best source, a curated fact, its parts or its whole give it."""

    date_start: str | None
    date_end: str | None
    date_precision: str
    edtf: str
    basis: str
    phrase: str | None = None
    source: Source | None = None
    note: str | None = None


def containers(doc, seg):
    """Where evidence may be: paragraphs, footnote bodies and figures (captions).

    Yields (kind, id, joined text, Multi)."""
    for p in seg.paragraphs:
        yield "paragraph", p["id"], p["text"], seg.paragraph_pieces[p["id"]]
    for note in seg.notes:
        yield "footnote", note.id, note.body.text(doc.text), note.body
    for f in seg.figures:
        yield "figure", f["id"], doc.text[f["start"]:f["end"]], Multi([Piece(f["start"], f["end"])])


def joined_texts(doc, seg) -> list:
    return [(text, multi) for _, _, text, multi in containers(doc, seg) if len(multi.pieces) > 1]


def find_container(doc, seg, start: int, end: int):
    for kind, cid, text, multi in containers(doc, seg):
        if any(p.start <= start < p.end for p in multi.pieces):
            return kind, cid, text, multi
    return None


def locate_item(item, doc, seg, joined):
    try:
        return locate(item["quote"], item.get("prefix"), doc.text, joined)
    except QuoteNotFound as exc:
        raise InputError(item.path, str(exc), line=item.line_of("quote")) from None


def _mention_row(rows, ctx, document_id, doc_start, phrase):
    """The date_mentions row of an expression as written (those counted from an event wait in
    the state), or None."""
    candidates = list(rows.get("date_mentions", [])) + list(ctx.state.get(STATE_KEY, []))
    return next((r for r in candidates if r["document_id"] == document_id
                 and r["written_start"] == doc_start and r["written"] == phrase), None)


def date_in_container(item, located, container, rows, ctx, document_id, words=None):
    """The date expression named by ``item['date']``: in the quote, else nearest in its container.

    The phrase must be a date expression the normaliser finds (or part of one: "March 30, 2025"
    names "on March 30, 2025"), a point inside a stretch that reads as a date on its own ("in
    October" in "Since taking office in October": the event is the taking office, not the
    stretch since), or a date in a URL path. One end of a range ("3 December" of "from 3 December
    to 9 December 2024") links the end's own row, whose reading dates the event (:func:`_end_reading`).

    The expression is read as the date rows read it, through a word broken at a line's end
    (``words``: "De-⏎cember 2025" is "December 2025", :func:`.date_mentions.read_whole`), so the
    source links its row. Returns the expression and its date_mentions row (None when it has none)."""
    phrase = item.get("date")
    if not phrase:
        return None, None
    kind, cid, text, multi = container
    # index of the quote in the container's joined text
    qi = next((i for i in _find_all(text, located.text) if multi.to_doc(i) == located.start), None)
    if qi is None:
        qi = text.find(located.text)
    candidates = list(_find_all(text, phrase))
    if not candidates:
        raise InputError(item.path, f"date {phrase!r} is neither in the quote nor in its paragraph",
                         line=item.line_of("date"))
    inside = [i for i in candidates if qi <= i and i + len(phrase) <= qi + len(located.text)]
    pi = inside[0] if inside else min(candidates, key=lambda i: abs(i - qi))
    pe = pi + len(phrase)
    if words is not None:
        read = read_whole(Region(kind, multi, text), words)
        at = (read.multi.from_doc(multi.to_doc(pi)), read.multi.from_doc(multi.to_doc(pe)))
        if read.text != text and None not in at:  # the phrase where the joined text has it
            (pi, pe), text, multi = at, read.text, read.multi
    for m in dates.find_dates(text, every=True) + dates.find_url_dates(text):
        if m.start <= pi and pe <= m.end:
            if m.kind in dates.UNDATED_KINDS or m.kind == "vague":
                raise InputError(item.path, f"date {phrase!r} is a {NOT_A_DATE[m.kind]}, not a date: an event "
                                 "cannot be dated by it", line=item.line_of("date"))
            if (m.start, m.end) != (pi, pe) and dates.is_duration(m):
                alone = dates.find_dates(phrase)  # a point inside a stretch: "in October" in "since ..."
                if len(alone) == 1 and alone[0].phrase == phrase and not dates.is_duration(alone[0]):
                    # a range's end has a row of its own ("3 December" of "from 3 December to 9
                    # December 2024"): the source links it (and is dated as it reads, _end_reading)
                    return _shifted(alone[0], pi), _mention_row(rows, ctx, document_id, multi.to_doc(pi), phrase)
            return m, _mention_row(rows, ctx, document_id, multi.to_doc(m.start), m.phrase)
    raise InputError(item.path, f"date {phrase!r} is not a date expression the normaliser recognises",
                     line=item.line_of("date"),
                     hint="quote the whole expression (\"Dec. 10, 2025\", \"the day prior\") or extend dates.py")


def _end_reading(row):
    """The reading of a range's end's row (``range_id`` set) as a resolved date: the end takes
    the range's year ("3 December" of "from 3 December to 9 December 2024"), which the phrase read
    alone would not; None for any other row."""
    if row is None or row.get("range_id") is None or row["date_start"] is None:
        return None
    return dates.Resolved(phrase=row["phrase"], date_start=row["date_start"], date_end=row["date_end"],
                          date_precision=row["date_precision"], edtf=row["edtf"], basis=row["basis"])


def _shifted(m, offset):
    return replace(m, start=m.start + offset, end=m.end + offset)


def _find_all(text, sub):
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + 1)


def extract(doc, seg, rows, ctx) -> dict:
    annotations = ctx.inputs.annotations.for_document(doc.stem)
    events = annotations.get("events") or []
    if not events:
        return {}
    sources = ctx.state.setdefault("events.sources", [])
    joined = joined_texts(doc, seg)
    words = document_words(doc.text)  # a date read through a line-end hyphen, as date_mentions reads it
    window = publication_window(doc.meta)
    for ev in events:
        event_id = ev.get("id") or ev.get("ref")
        for item in ev.get("evidence") or []:
            try:
                located = locate_item(item, doc, seg, joined)
                container = find_container(doc, seg, located.start, located.end)
                if container is None:
                    raise InputError(item.path, "the quote is not in a paragraph, footnote or caption "
                                     "(headings and web furniture cannot be evidence)", line=item.line_of("quote"))
                mention, mention_row = date_in_container(item, located, container, rows, ctx, doc.id, words)
                if mention is not None and mention.qualifier in ACCESS_QUALIFIERS and item.get("bound") != "before":
                    raise InputError(item.path, f"date {item['date']!r} is the date a source was read, not "
                                     "when the event happened: add `bound: before`", line=item.line_of("date"))
            except InputError as exc:
                ctx.errors.extend([exc])
                continue
            kind, cid = container[0], container[1]
            sources.append(Source(
                event_id=event_id, document_id=doc.id,
                paragraph_id=cid if kind == "paragraph" else None,
                footnote_id=cid if kind == "footnote" else None,
                figure_id=cid if kind == "figure" else None,
                quote=located.text, start=located.start, end=located.end, spans=located.spans,
                date_phrase=mention.phrase if mention else None, date_mention=mention,
                date_mention_id=mention_row["id"] if mention_row else None, relative_to=item.get("relative_to"),
                direction=item.get("direction"), bound=item.get("bound"), window=window, path=item.path,
                line=item.line_of("date") if item.get("date") else item.line, reviewed=reviewed(ev),
                reading=_end_reading(mention_row)))
    return {}


# --- dating ---------------------------------------------------------------------------------------

def interval(start, end) -> tuple:
    """(first day, last day) covered by ISO prefixes; an open side is the edge of the calendar."""
    return (dates.parse_iso(start)[1] if start else dt.date.min,
            dates.parse_iso(end)[2] if end else dt.date.max)


def width(d) -> dt.timedelta:
    if d.date_start is None or d.date_end is None:
        return FAR
    lo, hi = interval(d.date_start, d.date_end)
    return hi - lo


def resolve_source(s: Source, anchor) -> None:
    """Set ``s.resolved``: its date expression resolved, or the bound it gives."""
    if s.date_mention is not None:
        s.mention_resolved = s.reading or dates.resolve(s.date_mention, window=s.window, anchor=anchor,
                                                        direction=s.direction)
        if s.mention_resolved is None and s.date_mention.kind == "anchored" and anchor is None:
            raise InputError(s.path, f"date {s.date_phrase!r} is counted from another event: "
                             "add `relative_to: <event id>`", line=s.line)
        if s.mention_resolved is None:
            raise InputError(s.path, f"date {s.date_phrase!r} falls outside the calendar (years 1 to "
                             "9999) when counted from its reference", line=s.line)
        s.resolved = dates.bounded(s.mention_resolved, s.bound) if s.bound else s.mention_resolved
    elif s.bound == "before":  # no date: the report itself, so on or before its publication
        latest = s.window[1]
        s.resolved = dates.Resolved(phrase=None, date_start=None, date_end=latest, date_precision="uncertain",
                                    edtf=f"[..{latest}]", basis="relative-to-publication")


def known_date(ev) -> EventDate | None:
    """A curated ``known_date`` ("1945-02-19/1945-03-26"), checked by the annotation loader."""
    value = ev.get("known_date")
    if not value:
        return None
    start, _, end = str(value).partition("/")
    end = end or start
    precision = "range" if start != end else dates.precision_of(start)
    return EventDate(start, end, precision, str(value), "curated",
                     note=" ".join(str(ev.get("known_date_basis")).split()))


def check_agrees(event_id, chosen: EventDate, dated: list):
    lo, hi = interval(chosen.date_start, chosen.date_end)
    for s in dated:
        a, b = interval(s.resolved.date_start, s.resolved.date_end)
        if b < lo or a > hi:
            if chosen.source is not None:
                theirs = (f"{chosen.phrase!r} ({chosen.date_start}..{chosen.date_end}, "
                          f"{chosen.source.path}:{chosen.source.line})")
            else:
                theirs = f"its known_date {chosen.edtf}"
            raise InputError(s.path, f"event {event_id!r}: {s.date_phrase or 'the publication'!r} gives "
                             f"{s.resolved.date_start or '..'}..{s.resolved.date_end or '..'}, which "
                             f"contradicts {theirs}", line=s.line)


def date_of(event_id, ev, dated: list) -> EventDate | None:
    """An event's date from its dated sources (and curated known_date), or None."""
    known = known_date(ev)
    if known is not None:
        check_agrees(event_id, known, dated)
        return known
    if not dated:
        return None
    exact = [s for s in dated if not s.bound]
    if exact:
        best = min(exact, key=lambda s: (width(s.resolved), PRECISION_RANK[s.resolved.date_precision],
                                         BASIS_RANK[s.resolved.basis]))
        r = best.resolved
        chosen = EventDate(r.date_start, r.date_end, r.date_precision, r.edtf, r.basis, best.date_phrase, best)
        check_agrees(event_id, chosen, dated)
        return chosen
    # only bounds: what they leave open, given by the tightest of them
    before = [s for s in dated if s.resolved.date_start is None]
    after = [s for s in dated if s.resolved.date_end is None]
    hi = min(before, key=lambda s: interval(None, s.resolved.date_end)[1]) if before else None
    lo = max(after, key=lambda s: interval(s.resolved.date_start, None)[0]) if after else None
    best = hi or lo
    start = lo.resolved.date_start if lo else None
    end = hi.resolved.date_end if hi else None
    if start and end and interval(start, None)[0] > interval(None, end)[1]:
        raise InputError(lo.path, f"event {event_id!r}: on or after {start} contradicts on or before {end} "
                         f"({hi.path}:{hi.line})", line=lo.line)
    edtf = f"[{start or ''}..{end or ''}]"
    note = None
    if lo and hi:
        note = f"on or after {start} ({lo.date_phrase or 'its report'}) and on or before {end}"
    return EventDate(start, end, "uncertain", edtf, best.resolved.basis, best.date_phrase, best, note)


def anchor_of(s: Source, dated: dict):
    if not s.relative_to:
        return None
    d = dated[s.relative_to]
    if d.date_start is None or d.date_end is None:
        raise InputError(s.path, f"relative_to {s.relative_to!r}: that event is only bounded "
                         f"({d.edtf}), so nothing can be counted from it", line=s.line)
    if s.date_mention is None:
        return d.date_start, d.date_end
    return dates.anchor_for(s.date_mention, d.date_start, d.date_end, d.edtf)


def resolve_all(sources: list, defined: dict) -> dict:
    """Date every event that has dated evidence or a known_date; return event id -> EventDate.

    Events are taken in an order where each ``relative_to`` event is dated before the sources
    that count from it. Raises InputError."""
    by_event: dict = {}
    for s in sources:
        by_event.setdefault(s.event_id, []).append(s)
    dated: dict = {}
    # an ordered set (a dict): removing an event is O(1), and the order of definition is kept
    pending = dict.fromkeys(e for e in defined if e in by_event or defined[e].get("known_date"))
    undatable = set()
    while pending:
        progressed = False
        for event_id in list(pending):
            own = by_event.get(event_id, [])
            if any(s.relative_to and s.relative_to not in dated for s in own):
                continue
            for s in own:
                resolve_source(s, anchor_of(s, dated))
            d = date_of(event_id, defined[event_id], [s for s in own if s.resolved is not None])
            del pending[event_id]
            progressed = True
            if d is None:
                undatable.add(event_id)
            else:
                dated[event_id] = d
        if not progressed:
            s = next(s for e in pending for s in by_event[e] if s.relative_to and s.relative_to not in dated)
            why = ("it is dated only through the event it is part of" if s.relative_to in undatable
                   else "a cycle of relative dates, or the event has no dated evidence")
            raise InputError(s.path, f"relative_to {s.relative_to!r} cannot be resolved ({why})", line=s.line)
    return dated


def cover_parts(dated: dict, links: list) -> dict:
    """Widen each whole (``part-of``) to cover its dated parts; return event id -> EventDate.

    A visit dated by its first day whose second day's meeting is a part does not end on its
    first day: the whole's ``date_start``/``date_end`` stretch to the part (the days the texts
    place it in), as a range. No text gives that end, so the EDTF leaves it open ("2026-01-12/")
    and ``date_note`` gives the part it must reach. Nothing is invented: both ends come from
    dated evidence.
    """
    spans = {e: (d.date_start, d.date_end) for e, d in dated.items()}
    stretched: dict = {}  # whole -> {"start": part, "end": part}
    for _ in range(len(links) + 1):  # parts of parts
        moved = False
        for link in links:
            part_id, whole_id = link["event"], link["related"]
            if link["relation"] != "part-of" or part_id not in spans or whole_id not in spans:
                continue
            (ps, pe), (ws, we) = spans[part_id], spans[whole_id]
            if None in (ps, pe, ws, we):
                continue  # a bound says nothing about where the whole ends
            lo, hi = interval(ws, we)
            plo, phi = interval(ps, pe)
            if plo < lo:
                spans[whole_id] = (ps, spans[whole_id][1])
                stretched.setdefault(whole_id, {})["start"] = part_id
                moved = True
            if phi > hi:
                spans[whole_id] = (spans[whole_id][0], pe)
                stretched.setdefault(whole_id, {})["end"] = part_id
                moved = True
        if not moved:
            break
    out = {}
    for whole_id, sides in stretched.items():
        d = dated[whole_id]
        start, end = spans[whole_id]
        edtf = f"{'' if 'start' in sides else start}/{'' if 'end' in sides else end}"
        notes = []
        if "start" in sides:
            notes.append(f"began on or before {start} ({sides['start']} is part of it)")
        if "end" in sides:
            notes.append(f"lasted at least until {end} ({sides['end']} is part of it)")
        note = "; ".join(notes) + "; no text gives " + (
            "its start or end" if len(sides) == 2 else f"its {next(iter(sides))}") + \
            (f". Its own date, {d.edtf}, is from {d.phrase!r}" if d.phrase else "")
        out[whole_id] = EventDate(start, end, "range", edtf, d.basis, d.phrase, d.source, note)
    return out


def inherit_from_wholes(dated: dict, undated: list, links: list, defined: dict) -> None:
    """Date each undated event that is part of a dated whole: it happened during it."""
    wholes = {}
    for link in links:
        if link["relation"] == "part-of":
            wholes.setdefault(link["event"], []).append(link["related"])
    todo = [e for e in undated if e not in dated]
    while todo:  # parts of parts: again while a pass dates something
        waiting = []
        for event_id in todo:
            whole_id = next((w for w in wholes.get(event_id, []) if w in dated), None)
            if whole_id is None:
                waiting.append(event_id)
                continue
            w = dated[whole_id]
            start, end = w.date_start, w.date_end
            open_end = w.edtf.endswith("/") or w.date_end is None
            open_start = w.edtf.startswith("/") or w.date_start is None
            if start == end and not (open_start or open_end):
                precision, edtf = w.date_precision, w.edtf
            else:
                precision = "uncertain"
                edtf = f"[{'' if open_start else start}..{'' if open_end else end}]"
            note = (f"during {whole_id} (it is part of it); its own reports give no date"
                    + ("; the whole's end is not stated" if open_end else ""))
            dated[event_id] = EventDate(start, end, precision, edtf, "relative-to-event", note=note)
        if len(waiting) == len(todo):
            break
        todo = waiting
    for event_id in undated:
        if event_id not in dated:
            ev = defined[event_id]
            raise InputError(ev.path, f"event {event_id!r}: no evidence gives a date; add `date:` with the "
                             "date expression to one of its quotes, `bound: before`, or a `part-of` link "
                             "to the dated event it happened during", line=ev.line)


def written_anchors(anchors: dict, sources: list, dated: dict, named: dict) -> dict:
    """Date mentions counted from an anchor in words that an event's evidence quotes.

    "75 Years After the End of the Pacific War" counts from "the End of the Pacific War"; when an
    annotation quotes those words (or part of them) as evidence of one event, the mention is
    counted from that event's date. Only a quote inside the anchor counts: a quote of the whole
    sentence ("Three days before the flight, fighters locked radar") is evidence of another
    event, not of the anchor. Mentions an annotation dates with ``relative_to`` are left alone.
    Returns mention id -> (Resolved, event id)."""
    out = {}
    by_document: dict = {}  # each mention looks only at the sources of its own document
    for s in sources:
        by_document.setdefault(s.document_id, []).append(s)
    for mention_id, (mention, document_id, start, end) in anchors.items():
        if mention_id in named:
            continue
        quoting = {s.event_id for s in by_document.get(document_id, ()) if start <= s.start and s.end <= end}
        if len(quoting) != 1:
            continue
        event_id = quoting.pop()
        d = dated.get(event_id)
        if d is None or d.date_start is None or d.date_end is None:
            continue  # only bounded: nothing can be counted from it
        resolved = dates.resolve(mention, anchor=dates.anchor_for(mention, d.date_start, d.date_end, d.edtf))
        if resolved is not None:
            out[mention_id] = (resolved, event_id)
    return out


def most_specific(actors: list, registry) -> list:
    """Drop an actor listed with the same role as one of its own units ("jsdf" beside "jasdf"):
    the more specific actor says more, and the two are one participant."""
    def ancestors(actor_id):
        seen, node = [], registry.by_id.get(actor_id)
        while node is not None and node.get("parent") and node["parent"] not in seen:
            seen.append(node["parent"])
            node = registry.by_id.get(node["parent"])
        return seen

    covered = {(p, a["role"]) for a in actors for p in ancestors(a["id"])}
    return [a for a in actors if (a["id"], a["role"]) not in covered]


def when(d: EventDate) -> str:
    if d.date_start == d.date_end:
        return d.date_start
    if d.date_start is None:
        return f"by {d.date_end}"
    if d.date_end is None:
        return f"from {d.date_start}"
    return f"{d.date_start} to {d.date_end}"


def sort_key(row):
    return (row["date_start"] or row["date_end"] or "", row["id"])


def finish(ctx) -> dict:
    annotations = ctx.inputs.annotations
    sources = ctx.state.pop("events.sources", [])  # read by this stage alone: freed when it ends
    if not annotations.events:
        return {}
    reported = {s.event_id for s in sources}
    for event_id, ev in annotations.events.items():
        if event_id not in reported:  # pragma: no cover - every definition carries evidence
            raise InputError(ev.path, f"event {event_id!r} has no evidence", line=ev.line)
    all_links = [link for data in annotations.files.values() for link in data.get("links") or []]
    try:
        dated = resolve_all(sources, annotations.events)
        dated.update(cover_parts(dated, all_links))
        undated = [e for e in annotations.events if e not in dated]
        inherit_from_wholes(dated, undated, all_links, annotations.events)
    except InputError as exc:
        ctx.errors.extend([exc])
        return {}
    ctx.state[RESOLVED_KEY] = {s.date_mention_id: (s.mention_resolved, s.relative_to) for s in sources
                               if s.relative_to and s.date_mention_id and s.mention_resolved is not None}
    ctx.state[RESOLVED_KEY].update(written_anchors(ctx.state.pop(ANCHORS_KEY, {}), sources, dated,
                                                   ctx.state[RESOLVED_KEY]))
    places = ctx.inputs.places.by_id
    rows = {"events": [], "event_sources": [], "event_actors": [], "event_places": [], "event_links": []}
    by_event: dict = {}
    for s in sources:
        by_event.setdefault(s.event_id, []).append(s)
    extra: dict = {}  # actors/places added by `ref` entries in other files
    for data in annotations.files.values():
        for ev in data.get("events") or []:
            if ev.get("ref"):
                extra.setdefault(ev["ref"], []).append(ev)
    for event_id, ev in annotations.events.items():
        d = dated[event_id]
        actors, seen = [], set()
        for entry in [ev] + extra.get(event_id, []):
            for a in entry.get("actors") or []:
                if (a["id"], a["role"]) not in seen:
                    seen.add((a["id"], a["role"]))
                    actors.append(a)
        actors = most_specific(actors, ctx.inputs.actors)
        place_ids = []
        for entry in [ev] + extra.get(event_id, []):
            for p in entry.get("places") or []:
                if p not in place_ids:
                    place_ids.append(p)
        primary = places.get(place_ids[0]) if place_ids else None
        docs = sorted({s.document_id for s in by_event[event_id]})
        summary = " ".join(str(ev["summary"]).split())
        row = {
            "id": event_id, "summary": summary, "event_type": ev["event_type"],
            "date_start": d.date_start, "date_end": d.date_end, "date_precision": d.date_precision,
            "edtf": d.edtf, "date_basis": d.basis, "date_phrase": d.phrase,
            "date_source_id": None, "date_note": d.note,
            "place_id": place_ids[0] if place_ids else None,
            "latitude": primary["latitude"] if primary else None,
            "longitude": primary["longitude"] if primary else None,
            "geo_precision": primary["geo_precision"] if primary else None,
            "source_count": len(by_event[event_id]), "document_count": len(docs),
            "documents": json.dumps(docs),
            "actor_ids": json.dumps(sorted({a["id"] for a in actors})),
            "place_ids": json.dumps(place_ids),
            "popup": json.dumps({"title": summary, "description": f"{when(d)} · {ev['event_type']}",
                                 "link": f"/alliance/events/{event_id}"}),
            "sort_date": d.date_start or d.date_end, "reviewed": reviewed(ev),
        }
        rows["events"].append(row)
        for n, s in enumerate(by_event[event_id], start=1):
            sid = f"{event_id}-src{n}"
            if s is d.source:
                row["date_source_id"] = sid
            r = s.resolved
            rows["event_sources"].append({
                "id": sid, "event_id": event_id, "document_id": s.document_id,
                "paragraph_id": s.paragraph_id, "footnote_id": s.footnote_id, "figure_id": s.figure_id,
                "quote": s.quote, "start": s.start, "end": s.end,
                "spans": json.dumps(s.spans) if s.spans else None,
                "date_phrase": s.date_phrase, "date_mention_id": s.date_mention_id,
                "date_basis": r.basis if r else None,
                "date_start": r.date_start if r else None,
                "date_end": r.date_end if r else None,
                "date_precision": r.date_precision if r else None,
                "edtf": r.edtf if r else None, "date_bound": s.bound,
                "relative_to_event_id": s.relative_to, "reviewed": s.reviewed,
            })
        for a in actors:
            rows["event_actors"].append({"event_id": event_id, "actor_id": a["id"], "role": a["role"]})
        for k, p in enumerate(place_ids, start=1):
            rows["event_places"].append({"event_id": event_id, "place_id": p, "ordinal": k})
    for data in annotations.files.values():
        for link in data.get("links") or []:
            rows["event_links"].append({"event_id": link["event"], "related_event_id": link["related"],
                                        "relation": link["relation"], "note": link.get("note")})
    rows["events"].sort(key=sort_key)
    return rows
