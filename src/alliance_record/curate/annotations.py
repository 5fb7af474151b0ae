"""Annotations (seeds/annotations/<stem>.yml): what a reader marks in one document.

Each file belongs to the seed with the same stem and may hold:

* ``events`` — events this document reports. An entry either defines an event (``id``,
  ``summary``, ``event_type``, ``actors``, ``places``, ``evidence``, optionally a curated
  ``known_date`` with its ``known_date_basis``) or points at one defined in another file
  (``ref``) and adds this document's ``evidence``: one real event is one row, with a source per
  reporting document. An evidence item names its ``date`` phrase, ``relative_to`` the event it
  counts from, and ``bound: before``/``after`` when its date only bounds the event.
* ``links`` — relations between events (``in-response-to`` …).
* ``recommendations`` and ``rejected_candidates`` — prescriptive statements, and the sentences
  the recommendation finder flags that are not recommendations (with a reason).
* ``quotations`` and ``quantities`` — curated overrides for what code detects (a speaker code
  cannot attribute, a detection to reject).

Every ``quote`` must be an exact substring of the document (across a page break it may be the
rejoined text of a paragraph or footnote); ``prefix`` disambiguates a quote that occurs more
than once. :func:`locate` finds it and reports the nearest match when it is not there.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import dates
from ..errors import Collector, InputError, short_repr
from ..yamlio import ANY, BOOL, DATE, RECORDS, TEXT, TEXT_LIST, Node, check_keys, load_yaml
from .common import check_slug, check_unique, known_ids

EVENT_TYPES = {
    "exercise": "military exercise, joint flight or patrol",
    "incident": "intrusion, incursion, radar lock-on, show of force or other provocation",
    "attack": "military attack, strike or invasion",
    "meeting": "in-person meeting or talks",
    "call": "phone or video call",
    "visit": "official visit, trip, inspection or port call",
    "statement": "declaration, remarks, post or joint statement",
    "agreement": "agreement reached between parties",
    "policy": "policy, law, strategy or command adopted, revised or established",
    "announcement": "announcement of plans",
    "ceremony": "ceremony or commemoration",
    "budget": "budget or defence-spending decision",
    "battle": "historical battle or war",
    "appointment": "taking or leaving office",
    "deployment": "deployment or stationing of forces",
    "relief": "disaster relief or humanitarian operation",
    "report": "publication of an official report or document",
}
ACTOR_ROLES = ("initiator", "target", "participant", "speaker")
LINK_RELATIONS = {
    "in-response-to": "the event answers the related event",
    "follows": "the event comes after and builds on the related event",
    "part-of": "the event is a part of the related (larger) event",
    "precedes": "the event came before and led to the related event",
    "related": "otherwise connected",
}
THEMES = {
    "alliance-management": "how the alliance is run, coordinated and kept cohesive",
    "deterrence": "deterring aggression, extended deterrence, readiness",
    "interoperability": "combined command, operations and assets working together",
    "partnerships": "cooperation with third countries and like-minded states",
    "public-diplomacy": "explaining the alliance to publics",
    "defense-spending": "budgets, burden sharing, resources",
    "gray-zone-response": "responses to coercion below the threshold of war",
    "dialogue": "dialogues, consultations and exchanges",
    "industrial-cooperation": "joint development, production and maintenance of equipment",
    "basing-and-access": "bases, access rights, training ranges",
    "strategy": "strategies, doctrines and planning",
}
STRENGTHS = ("must", "should", "could")

EVENT_KEYS = {"id": TEXT, "ref": TEXT, "summary": TEXT, "event_type": TEXT, "actors": RECORDS,
              "places": TEXT_LIST, "evidence": RECORDS, "note": TEXT,
              # a date the texts do not give, stated by the curator with where it comes from
              "known_date": DATE, "known_date_basis": TEXT, "reviewed": BOOL}
# `bound: before` — the date (an access date, a report's date; none: the publication) only says
# the event happened on or before it; `bound: after` — on or after it
EVIDENCE_KEYS = {"quote": TEXT, "prefix": TEXT, "date": DATE, "relative_to": TEXT, "direction": TEXT,
                 "bound": TEXT}
BOUNDS = ("before", "after")
EVENT_ACTOR_KEYS = {"id": TEXT, "role": TEXT}
LINK_KEYS = {"event": TEXT, "relation": TEXT, "related": TEXT, "note": TEXT, "reviewed": BOOL}
# `finder_miss`: why the recommendation finder cannot flag this one (checked both ways by the build)
RECOMMENDATION_KEYS = {"id": TEXT, "quote": TEXT, "prefix": TEXT, "summary": TEXT, "author": TEXT,
                       "addressees": TEXT_LIST, "theme": TEXT, "strength": TEXT, "finder_miss": TEXT,
                       "reviewed": BOOL}
REJECTED_KEYS = {"sentence": TEXT, "reason": TEXT}
# `reject` is a reason (text) or simply true
# `speakers`: several actors who say the words together (the NSS, NDS and DBP ...)
QUOTATION_KEYS = {"quote": TEXT, "prefix": TEXT, "speaker": TEXT, "speakers": TEXT_LIST, "speaker_label": TEXT,
                  "reject": ANY, "reviewed": BOOL}
# `subject: null` clears a wrong subject; `year` states the year a sentence gives only indirectly
# ("in 2023 and 2024 ... 352 and 355 days, respectively"); checked to be a year below
QUANTITY_KEYS = {"quote": TEXT, "prefix": TEXT, "subject": TEXT, "year": ANY, "reject": ANY, "reviewed": BOOL}
FILE_KEYS = {"events": RECORDS, "links": RECORDS, "recommendations": RECORDS, "rejected_candidates": RECORDS,
             "quotations": RECORDS, "quantities": RECORDS}


@dataclass
class Annotations:
    """All annotation files, checked for shape and cross-references (not yet against text)."""

    files: dict = field(default_factory=dict)      # stem -> Node (the file's top mapping)
    events: dict = field(default_factory=dict)     # event id -> defining Node
    recommendations: dict = field(default_factory=dict)

    def for_document(self, stem: str) -> Node:
        return self.files.get(stem) or Node()


def load_annotations(seeds_dir: Path, stems, actors, places, errors: Collector) -> Annotations:
    """Read every seeds/annotations/*.yml; check keys, vocabularies, ids and references."""
    result = Annotations()
    folder = Path(seeds_dir) / "annotations"
    if not folder.is_dir():
        return result
    unreadable = False  # a file that could not be read may define the events others refer to
    for path in sorted(folder.glob("*.yml")):
        if path.stem not in stems:
            errors.add(path, f"annotation file for {path.stem!r}, which is not a catalogued seed")
            continue
        try:
            data = load_yaml(path, root=seeds_dir)
        except InputError as exc:
            errors.extend([exc])
            unreadable = True
            continue
        if data is None:
            continue
        if not isinstance(data, Node):
            errors.add(path, "expected a mapping (events:, links:, recommendations: ...)", line=1)
            unreadable = True
            continue
        check_keys(data, FILE_KEYS, (), errors, path.name)  # each list holds mappings, or is dropped
        result.files[path.stem] = data

    actor_ids, place_ids = known_ids(actors.by_id, actors.readable), known_ids(places.by_id, places.readable)
    defined = []
    for stem, data in result.files.items():
        for ev in data.get("events") or []:
            what = f"event {short_repr(ev.get('id') or ev.get('ref') or '?')}" if isinstance(ev, dict) else "event"
            if not check_keys(ev, EVENT_KEYS, (), errors, what):
                continue
            if bool(ev.get("id")) == bool(ev.get("ref")):
                errors.add(ev.path, f"{what}: give either `id` (a new event) or `ref` (an event defined "
                           "in another file)", line=ev.line)
                continue
            if ev.get("id"):
                check_slug(ev, "id", errors, what)
                for key in ("summary", "event_type", "evidence"):
                    if not ev.get(key):
                        errors.add(ev.path, f"{what}: missing required key {key!r}", line=ev.line)
                if ev.get("event_type") and ev["event_type"] not in EVENT_TYPES:
                    errors.add(ev.path, f"{what}: unknown event_type {ev['event_type']!r}",
                               line=ev.line_of("event_type"), hint="one of: " + ", ".join(EVENT_TYPES))
                defined.append(ev)
            elif not ev.get("evidence"):
                errors.add(ev.path, f"{what}: a `ref` entry needs evidence from this document", line=ev.line)
            _check_event_refs(ev, what, actor_ids, place_ids, errors)
            _check_known_date(ev, what, errors)
            for item in ev.get("evidence") or []:
                if check_keys(item, EVIDENCE_KEYS, ("quote",), errors, f"{what} evidence"):
                    if item.get("direction") not in (None, "past", "future"):
                        errors.add(item.path, f"{what}: direction must be past or future",
                                   line=item.line_of("direction"))
                    if item.get("bound") not in (None, *BOUNDS):
                        errors.add(item.path, f"{what}: bound must be before or after", line=item.line_of("bound"))
                    elif item.get("bound") == "after" and not item.get("date"):
                        errors.add(item.path, f"{what}: `bound: after` needs the `date` it is after",
                                   line=item.line_of("bound"))
    check_unique(defined, "id", errors, "event")
    result.events = {ev["id"]: ev for ev in defined if ev.get("id")}
    event_ids = known_ids(result.events, not unreadable)

    for stem, data in result.files.items():
        for ev in data.get("events") or []:
            if isinstance(ev, Node) and ev.get("ref") and ev["ref"] not in event_ids:
                errors.add(ev.path, f"ref {ev['ref']!r}: no annotation file defines this event",
                           line=ev.line_of("ref"), hint=_close(ev["ref"], result.events))
            for item in (ev.get("evidence") or []) if isinstance(ev, Node) else []:
                rel = item.get("relative_to") if isinstance(item, Node) else None
                if rel is not None and rel not in event_ids:
                    errors.add(item.path, f"relative_to {rel!r}: unknown event id", line=item.line_of("relative_to"),
                               hint=_close(rel, result.events))
        for link in data.get("links") or []:
            if not check_keys(link, LINK_KEYS, ("event", "relation", "related"), errors, "link"):
                continue
            for key in ("event", "related"):
                if link.get(key) and link[key] not in event_ids:
                    errors.add(link.path, f"link: unknown event id {link[key]!r}", line=link.line_of(key),
                               hint=_close(link[key], result.events))
            if link.get("relation") and link["relation"] not in LINK_RELATIONS:
                errors.add(link.path, f"link: unknown relation {link['relation']!r}", line=link.line_of("relation"),
                           hint="one of: " + ", ".join(LINK_RELATIONS))
        _check_recommendations(data, actor_ids, errors, result)
        for q in data.get("quotations") or []:
            if check_keys(q, QUOTATION_KEYS, ("quote",), errors, "quotation"):
                named = [("speaker", q["speaker"])] if q.get("speaker") else []
                named += [("speakers", a) for a in q.get("speakers") or []]
                for key, a in named:
                    if a not in actor_ids:
                        errors.add(q.path, f"quotation: unknown speaker actor {a!r}", line=q.line_of(key),
                                   hint=_close(str(a), actor_ids))
                if q.get("speaker") and q.get("speakers"):
                    errors.add(q.path, "quotation: give `speaker` (one actor) or `speakers` (several), not both",
                               line=q.line_of("speakers"))
                if not (q.get("speaker") or q.get("speakers") or q.get("speaker_label") or q.get("reject")):
                    errors.add(q.path, "quotation: give a speaker, speakers, a speaker_label or a reject reason",
                               line=q.line)
        for q in data.get("quantities") or []:
            if check_keys(q, QUANTITY_KEYS, ("quote",), errors, "quantity"):
                if q.get("year") is not None and not (isinstance(q["year"], int) and 1000 <= q["year"] <= 2999):
                    errors.add(q.path, f"quantity: year {q['year']!r} is not a year", line=q.line_of("year"))
                if q.get("subject") and q["subject"] not in actor_ids:
                    errors.add(q.path, f"quantity: unknown subject actor {q['subject']!r}",
                               line=q.line_of("subject"), hint=_close(q["subject"], actor_ids))
        for r in data.get("rejected_candidates") or []:
            check_keys(r, REJECTED_KEYS, ("sentence", "reason"), errors, "rejected candidate")
    all_recs = [r for d in result.files.values() for r in d.get("recommendations") or [] if isinstance(r, Node)]
    check_unique(all_recs, "id", errors, "recommendation")
    _check_link_cycles([link for d in result.files.values() for link in d.get("links") or []
                        if isinstance(link, Node)], errors)
    return result


# The orders links state: ``part-of`` (the part inside the whole) and time (``follows`` and
# ``in-response-to``: the related event comes first; ``precedes``: the event does). Each must be a
# partial order: an event inside itself, or after itself, would stretch the dates of every event
# on the loop (see extract/events.py, cover_parts).
LINK_ORDERS = {"part-of": ("part-of", False), "follows": ("time", True), "in-response-to": ("time", True),
               "precedes": ("time", False)}


def _check_link_cycles(links: list, errors: Collector):
    """Report an event linked to itself, and each loop of ``part-of`` or of time order, naming its
    events in order, at the line of the link that closes it."""
    graphs: dict = {"part-of": {}, "time": {}}
    for link in links:
        event, related, relation = link.get("event"), link.get("related"), link.get("relation")
        if not (isinstance(event, str) and isinstance(related, str)) or relation not in LINK_RELATIONS:
            continue
        if event == related:
            errors.add(link.path, f"link: event {event!r} is linked to itself ({relation})", line=link.line)
            continue
        if relation in LINK_ORDERS:
            order, reverse = LINK_ORDERS[relation]
            a, b = (related, event) if reverse else (event, related)
            graphs[order].setdefault(a, {}).setdefault(b, link)
    for order, graph in graphs.items():
        for cycle in _cycles(graph):
            closing = graph[cycle[-2]][cycle[-1]]
            what = "part-of links loop" if order == "part-of" else "links put events before themselves"
            errors.add(closing.path, f"link: {what}: {' -> '.join(cycle)}", line=closing.line)


def _cycles(graph: dict) -> list:
    """One cycle (``[a, b, ..., a]``) for each loop a depth-first search meets, without recursion."""
    state: dict = {}  # node -> 1 on the current path, 2 done
    found = []
    for root in sorted(graph):
        if root in state:
            continue
        path, stack = [root], [iter(sorted(graph.get(root, ())))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                found.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(graph.get(nxt, ()))))
    return found


def _check_event_refs(ev, what, actor_ids, place_ids, errors):
    actors = ev.get("actors") or []
    if not isinstance(actors, list):
        errors.add(ev.path, f"{what}: actors must be a list of {{id, role}}", line=ev.line_of("actors"))
        actors = []
    for a in actors:
        if not check_keys(a, EVENT_ACTOR_KEYS, ("id", "role"), errors, f"{what} actor"):
            continue
        if a.get("id") is not None and a["id"] not in actor_ids:
            errors.add(a.path, f"{what}: unknown actor id {a['id']!r}", line=a.line_of("id"),
                       hint=_close(a["id"], actor_ids))
        if a.get("role") not in ACTOR_ROLES:
            errors.add(a.path, f"{what}: unknown actor role {a.get('role')!r}", line=a.line_of("role"),
                       hint="one of: " + ", ".join(ACTOR_ROLES))
    places = ev.get("places") or []
    if not isinstance(places, list):
        errors.add(ev.path, f"{what}: places must be a list of place ids", line=ev.line_of("places"))
        places = []
    for p in places:
        if p not in place_ids:
            errors.add(ev.path, f"{what}: unknown place id {p!r}", line=ev.line_of("places"),
                       hint=_close(str(p), place_ids))


def _check_known_date(ev, what, errors):
    """``known_date`` is an ISO prefix or two joined by "/" (a stretch), with its basis."""
    value, basis = ev.get("known_date"), ev.get("known_date_basis")
    if value is None and basis is None:
        return
    line = ev.line_of("known_date") if value is not None else ev.line_of("known_date_basis")
    if ev.get("ref"):
        errors.add(ev.path, f"{what}: a known_date belongs to the event's definition, not a `ref`", line=line)
    if value is None or not basis:
        errors.add(ev.path, f"{what}: give known_date and known_date_basis (where the date comes from) "
                   "together", line=line)
        return
    parts = str(value).split("/")
    try:
        bounds = [dates.parse_iso(p) for p in parts]
    except dates.BadDate as exc:
        errors.add(ev.path, f"{what}: known_date: {exc}", line=line)
        return
    if len(parts) > 2 or (len(parts) == 2 and bounds[0][1] > bounds[1][2]):
        errors.add(ev.path, f"{what}: known_date must be a date or a stretch start/end, start first", line=line)


def _check_recommendations(data, actor_ids, errors, result):
    for rec in data.get("recommendations") or []:
        what = f"recommendation {short_repr(rec.get('id', '?'))}" if isinstance(rec, dict) else "recommendation"
        if not check_keys(rec, RECOMMENDATION_KEYS,
                          ("id", "quote", "summary", "author", "theme", "strength"), errors, what):
            continue
        check_slug(rec, "id", errors, what)
        if rec.get("author") and rec["author"] not in actor_ids:
            errors.add(rec.path, f"{what}: unknown author actor {rec['author']!r}", line=rec.line_of("author"),
                       hint=_close(rec["author"], actor_ids))
        for a in rec.get("addressees") or []:
            if a not in actor_ids:
                errors.add(rec.path, f"{what}: unknown addressee actor {a!r}", line=rec.line_of("addressees"),
                           hint=_close(str(a), actor_ids))
        if rec.get("theme") and rec["theme"] not in THEMES:
            errors.add(rec.path, f"{what}: unknown theme {rec['theme']!r}", line=rec.line_of("theme"),
                       hint="one of: " + ", ".join(THEMES))
        if rec.get("strength") and rec["strength"] not in STRENGTHS:
            errors.add(rec.path, f"{what}: strength must be one of {', '.join(STRENGTHS)}",
                       line=rec.line_of("strength"))
        if rec.get("id"):
            result.recommendations[rec["id"]] = rec


def _close(value, candidates) -> str | None:
    match = difflib.get_close_matches(str(value), list(candidates), n=1, cutoff=0.6)
    return f"did you mean {match[0]!r}?" if match else None


# --- finding quotes in the text ---------------------------------------------------------------------

class QuoteNotFound(ValueError):
    pass


@dataclass
class Located:
    start: int
    end: int
    spans: list | None  # [[start, end], ...] when the quote crosses a page break
    text: str           # the quote as it reads (joined text for a page-split quote)


def _fold_ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def locate(quote: str, prefix: str | None, doc_text: str, joined: list) -> Located:
    """Find ``quote`` in a document: exactly once, or once after ``prefix``.

    ``joined`` lists the rejoined texts of page-split rows as ``(text, multi)`` pairs (a
    :class:`~alliance_record.segment.Multi` maps offsets back), so a quote that crosses a page
    break can still be found. Raises :class:`QuoteNotFound` with the nearest match, or when the
    quote occurs more than once and no prefix tells them apart.
    """
    if not quote:
        raise QuoteNotFound("empty quote")
    hits = _occurrences(doc_text, quote, prefix)
    if len(hits) == 1:
        s = hits[0]
        return Located(s, s + len(quote), None, quote)
    if not hits:
        for text, multi in joined:
            inner = _occurrences(text, quote, prefix)
            if len(inner) == 1:
                i = inner[0]
                pieces = multi.sub(i, i + len(quote))
                spans = [[p.start, p.end] for p in pieces]
                return Located(spans[0][0], spans[-1][1], spans if len(spans) > 1 else None, quote)
            if len(inner) > 1:
                hits = inner
                break
    if len(hits) > 1:
        raise QuoteNotFound(f"quote occurs {len(hits)} times{' after that prefix' if prefix else ''}; "
                            "add a `prefix:` with the words just before the one you mean")
    if prefix and (_occurrences(doc_text, quote, None) or any(_occurrences(t, quote, None) for t, _ in joined)):
        raise QuoteNotFound(f"quote is in the document, but never right after the prefix {prefix!r}; "
                            "the prefix must be the words just before the quote")
    near, at = nearest_match_at(quote, doc_text)
    where = f" (line {doc_text.count(chr(10), 0, at) + 1}, offset {at} of the document's text)" if near else ""
    raise QuoteNotFound(f"quote not found in the document; nearest match: {near!r}{where}")


def _occurrences(text: str, quote: str, prefix: str | None) -> list[int]:
    out, pos = [], text.find(quote)
    while pos >= 0:
        if not prefix or _fold_ws(text[max(0, pos - len(prefix) - 40):pos]).endswith(_fold_ws(prefix)):
            out.append(pos)
        pos = text.find(quote, pos + 1)
    return out


def nearest_match(quote: str, text: str) -> str:
    """The stretch of ``text`` most like ``quote`` (anchored on their longest common block)."""
    return nearest_match_at(quote, text)[0]


def nearest_match_at(quote: str, text: str) -> tuple[str, int]:
    """:func:`nearest_match` and its offset in ``text`` (0 when there is none)."""
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    m = matcher.find_longest_match(0, len(text), 0, len(quote))
    if m.size == 0:
        return "", 0
    # align the whole quote around that block, then trim to the first and last matching pieces
    lo = max(0, m.a - m.b - 20)
    window = text[lo:m.a - m.b + len(quote) + 20]
    blocks = [b for b in difflib.SequenceMatcher(None, window, quote, autojunk=False).get_matching_blocks()
              if b.size >= 2]
    if not blocks:
        at = max(0, m.a - m.b)
        return text[at:m.a - m.b + len(quote)], at
    return window[blocks[0].a:blocks[-1].a + blocks[-1].size], lo + blocks[0].a
