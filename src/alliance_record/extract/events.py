"""Events: one deduplicated, dated, sourced timeline from the curated annotations.

Per document (:func:`extract`), every ``evidence`` quote of the document's annotation file is
located in the text (exactly, or across a page break in a rejoined paragraph or footnote), and
its ``date`` phrase is found among the date expressions of the surrounding paragraph. Nothing is
written yet: an event may be defined in one file and reported by others, and a date may be
counted from another event ("the day prior").

At the end (:func:`finish`), each source's date is resolved — against its document's
publication window, or against the date of the event named in ``relative_to`` — and an event
takes the most precise date its sources give, provided they all agree (overlap). Sources that
contradict each other stop the build with both files and lines. The result is written as
``events`` (one row per real event), ``event_sources`` (one per report, like GDELT's mention
table), ``event_actors``, ``event_places`` and ``event_links``. Dates are never midpoints:
``date_start``/``date_end`` are as precise as the text allows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .. import dates
from ..curate import publication_window
from ..curate.annotations import QuoteNotFound, locate
from ..errors import InputError

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "range": 3, "approximate": 4}


@dataclass
class Source:
    event_id: str
    document_id: str
    paragraph_id: str | None
    footnote_id: str | None
    quote: str
    start: int
    end: int
    spans: list | None
    date_phrase: str | None
    date_mention: object | None      # dates.DateMention
    date_mention_id: str | None
    relative_to: str | None
    direction: str | None
    window: tuple
    path: str
    line: int
    resolved: object | None = None   # dates.Resolved


def containers(doc, seg):
    """Paragraphs and footnote bodies: (kind, id, joined text, Multi)."""
    for p in seg.paragraphs:
        yield "paragraph", p["id"], p["text"], seg.paragraph_pieces[p["id"]]
    for note in seg.notes:
        yield "footnote", note.id, note.body.text(doc.text), note.body


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


def date_in_container(item, located, container, rows, doc):
    """The date expression named by ``item['date']``: in the quote, else nearest in its paragraph."""
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
    for m in dates.find_dates(text):
        if m.start <= pi and pi + len(phrase) <= m.end:
            doc_start = multi.to_doc(m.start)
            mention_id = next((r["id"] for r in rows.get("date_mentions", [])
                               if r["start"] == doc_start and r["phrase"] == m.phrase), None)
            return m, mention_id
    raise InputError(item.path, f"date {phrase!r} is not a date expression the normaliser recognises",
                     line=item.line_of("date"),
                     hint="quote the whole expression (\"Dec. 10, 2025\", \"the day prior\") or extend dates.py")


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
    window = publication_window(doc.meta)
    for ev in events:
        event_id = ev.get("id") or ev.get("ref")
        for item in ev.get("evidence") or []:
            try:
                located = locate_item(item, doc, seg, joined)
                container = find_container(doc, seg, located.start, located.end)
                if container is None:
                    raise InputError(item.path, "the quote is not in a paragraph or footnote (headings, "
                                     "captions and furniture cannot be evidence)", line=item.line_of("quote"))
                mention, mention_id = date_in_container(item, located, container, rows, doc)
            except InputError as exc:
                ctx.errors.extend([exc])
                continue
            sources.append(Source(
                event_id=event_id, document_id=doc.id,
                paragraph_id=container[1] if container[0] == "paragraph" else None,
                footnote_id=container[1] if container[0] == "footnote" else None,
                quote=located.text, start=located.start, end=located.end, spans=located.spans,
                date_phrase=mention.phrase if mention else None, date_mention=mention,
                date_mention_id=mention_id, relative_to=item.get("relative_to"),
                direction=item.get("direction"), window=window, path=item.path,
                line=item.line_of("date") if item.get("date") else item.line))
    return {}


def interval(resolved):
    """(first day, last day) covered by a resolved date."""
    return dates.parse_iso(resolved.date_start)[1], dates.parse_iso(resolved.date_end)[2]


def resolve_all(sources: list, defined: dict) -> dict:
    """Resolve every source's date; return event id -> chosen Source. Raises InputError."""
    by_event: dict = {}
    for s in sources:
        by_event.setdefault(s.event_id, []).append(s)
    chosen: dict = {}
    pending = [e for e in defined if e in by_event]
    while pending:
        progressed = False
        for event_id in list(pending):
            blocked = [s for s in by_event[event_id] if s.relative_to and s.relative_to not in chosen]
            if blocked:
                continue
            for s in by_event[event_id]:
                if s.date_mention is None:
                    continue
                anchor_src = chosen.get(s.relative_to) if s.relative_to else None
                anchor = (anchor_src.resolved.date_start, anchor_src.resolved.date_end) if anchor_src else None
                s.resolved = dates.resolve(s.date_mention, window=s.window, anchor=anchor, direction=s.direction)
                if s.resolved is None and s.date_mention.kind == "anchored" and anchor is None:
                    raise InputError(s.path, f"date {s.date_phrase!r} is counted from another event: "
                                     "add `relative_to: <event id>`", line=s.line)
                if s.resolved is None:
                    raise InputError(s.path, f"date {s.date_phrase!r} falls outside the calendar (years 1 to "
                                     "9999) when counted from its reference", line=s.line)
            dated = [s for s in by_event[event_id] if s.resolved is not None]
            if not dated:
                ev = defined[event_id]
                raise InputError(ev.path, f"event {event_id!r}: no evidence gives a date; add `date:` "
                                 "with the date expression to one of its quotes", line=ev.line)
            best = min(dated, key=lambda s: PRECISION_RANK[s.resolved.date_precision])
            lo, hi = interval(best.resolved)
            for s in dated:
                a, b = interval(s.resolved)
                if b < lo or a > hi:
                    raise InputError(s.path, f"event {event_id!r}: {s.date_phrase!r} gives "
                                     f"{s.resolved.date_start}..{s.resolved.date_end}, which contradicts "
                                     f"{best.date_phrase!r} ({best.resolved.date_start}..{best.resolved.date_end}, "
                                     f"{best.path}:{best.line})", line=s.line)
            chosen[event_id] = best
            pending.remove(event_id)
            progressed = True
        if not progressed:
            s = next(s for e in pending for s in by_event[e] if s.relative_to and s.relative_to not in chosen)
            raise InputError(s.path, f"relative_to {s.relative_to!r} cannot be resolved (a cycle of "
                             "relative dates, or the event has no dated evidence)", line=s.line)
    return chosen


def span_parts(chosen: dict, links: list) -> dict:
    """Event id -> (date_start, date_end) for events that must cover their parts.

    A visit that is dated by its first day but has a part (its second day's meeting) on a later
    date does not end on its first day: an event linked as ``part-of`` another widens it to cover
    the part's dates, as a range. Nothing is invented: both ends come from dated parts.
    """
    spans = {e: (s.resolved.date_start, s.resolved.date_end) for e, s in chosen.items()}
    changed = {}
    for _ in range(len(links) + 1):  # parts of parts
        moved = False
        for link in links:
            if link["relation"] != "part-of" or link["event"] not in spans or link["related"] not in spans:
                continue
            part, whole = spans[link["event"]], spans[link["related"]]
            lo = min(whole[0], part[0], key=lambda d: dates.parse_iso(d)[1])
            hi = max(whole[1], part[1], key=lambda d: dates.parse_iso(d)[2])
            if (lo, hi) != whole:
                spans[link["related"]] = changed[link["related"]] = (lo, hi)
                moved = True
        if not moved:
            break
    return changed


def finish(ctx) -> dict:
    annotations = ctx.inputs.annotations
    sources = ctx.state.get("events.sources", [])
    if not annotations.events:
        return {}
    reported = {s.event_id for s in sources}
    for event_id, ev in annotations.events.items():
        if event_id not in reported:  # pragma: no cover - every definition carries evidence
            raise InputError(ev.path, f"event {event_id!r} has no evidence", line=ev.line)
    try:
        chosen = resolve_all(sources, annotations.events)
    except InputError as exc:
        ctx.errors.extend([exc])
        return {}
    all_links = [link for data in annotations.files.values() for link in data.get("links") or []]
    widened = span_parts(chosen, all_links)
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
        best = chosen[event_id]
        r = best.resolved
        date_start, date_end, precision, edtf = r.date_start, r.date_end, r.date_precision, r.edtf
        if event_id in widened:
            date_start, date_end = widened[event_id]
            precision, edtf = "range", f"{date_start}/{date_end}"
        actors, seen = [], set()
        for entry in [ev] + extra.get(event_id, []):
            for a in entry.get("actors") or []:
                if (a["id"], a["role"]) not in seen:
                    seen.add((a["id"], a["role"]))
                    actors.append(a)
        place_ids = []
        for entry in [ev] + extra.get(event_id, []):
            for p in entry.get("places") or []:
                if p not in place_ids:
                    place_ids.append(p)
        primary = places.get(place_ids[0]) if place_ids else None
        docs = sorted({s.document_id for s in by_event[event_id]})
        when = date_start if date_start == date_end else f"{date_start} to {date_end}"
        rows["events"].append({
            "id": event_id, "summary": " ".join(str(ev["summary"]).split()), "event_type": ev["event_type"],
            "date_start": date_start, "date_end": date_end, "date_precision": precision,
            "edtf": edtf, "date_basis": r.basis, "date_phrase": best.date_phrase,
            "date_source_id": None,
            "place_id": place_ids[0] if place_ids else None,
            "latitude": primary["latitude"] if primary else None,
            "longitude": primary["longitude"] if primary else None,
            "geo_precision": primary["geo_precision"] if primary else None,
            "source_count": len(by_event[event_id]), "document_count": len(docs),
            "documents": json.dumps(docs),
            "actor_ids": json.dumps(sorted({a["id"] for a in actors})),
            "place_ids": json.dumps(place_ids),
            "popup": json.dumps({"title": " ".join(str(ev["summary"]).split()),
                                 "description": f"{when} · {ev['event_type']}",
                                 "link": f"/alliance/events/{event_id}"}),
        })
        for n, s in enumerate(by_event[event_id], start=1):
            sid = f"{event_id}-src{n}"
            if s is best:
                rows["events"][-1]["date_source_id"] = sid
            rows["event_sources"].append({
                "id": sid, "event_id": event_id, "document_id": s.document_id,
                "paragraph_id": s.paragraph_id, "footnote_id": s.footnote_id, "quote": s.quote,
                "start": s.start, "end": s.end, "spans": json.dumps(s.spans) if s.spans else None,
                "date_phrase": s.date_phrase, "date_mention_id": s.date_mention_id,
                "date_basis": s.resolved.basis if s.resolved else None,
                "date_start": s.resolved.date_start if s.resolved else None,
                "date_end": s.resolved.date_end if s.resolved else None,
                "date_precision": s.resolved.date_precision if s.resolved else None,
                "relative_to_event_id": s.relative_to,
            })
        for a in actors:
            rows["event_actors"].append({"event_id": event_id, "actor_id": a["id"], "role": a["role"]})
        for k, p in enumerate(place_ids, start=1):
            rows["event_places"].append({"event_id": event_id, "place_id": p, "ordinal": k})
    for data in annotations.files.values():
        for link in data.get("links") or []:
            rows["event_links"].append({"event_id": link["event"], "related_event_id": link["related"],
                                        "relation": link["relation"], "note": link.get("note")})
    rows["events"].sort(key=lambda e: (e["date_start"], e["id"]))
    return rows
