"""Review status: which curated entries a person has checked, and a build of only those.

Entries drafted by code (``alliance-record add`` and ``suggest``) carry ``reviewed: false``
(see :func:`.common.reviewed`). ``count_unreviewed`` says how many of each kind are waiting
(``validate`` prints it); ``leave_out_unreviewed`` takes them out of the inputs before anything
is extracted (``build --reviewed-only``, for publishing), and reports every reviewed entry that
still refers to one left out — a published row must not point at a draft.
"""

from __future__ import annotations

from collections import Counter

from ..errors import Collector
from .common import reviewed

# Lists of an annotation file whose entries may be drafts, by the name the counts give them.
ANNOTATION_LISTS = {"events": "events", "links": "event links", "recommendations": "recommendations",
                    "quotations": "quotation notes", "quantities": "quantity notes"}


def count_unreviewed(inputs) -> Counter:
    """How many entries of each kind carry ``reviewed: false``."""
    counts: Counter = Counter()
    counts["documents"] = sum(1 for e in inputs.catalog.entries if not reviewed(e))
    counts["actors"] = sum(1 for e in inputs.actors.entries if not reviewed(e))
    counts["places"] = sum(1 for e in inputs.places.entries if not reviewed(e))
    for data in inputs.annotations.files.values():
        for key, name in ANNOTATION_LISTS.items():
            for entry in data.get(key) or []:
                if not reviewed(entry):
                    counts["event reports" if key == "events" and entry.get("ref") else name] += 1
    return +counts


def leave_out_unreviewed(inputs, errors: Collector):
    """Drop every unreviewed entry from ``inputs`` (in place); report references to dropped ones.

    An unreviewed document takes its annotation file with it; an unreviewed event takes the
    ``ref`` entries of other files that report it only if they are unreviewed too — a reviewed
    entry that refers to something left out is an error naming both places.
    """
    dropped: dict = {}  # (kind, id) -> the Node left out

    def keep(entries, kind, key="id"):
        kept = []
        for e in entries:
            if reviewed(e):
                kept.append(e)
            elif e.get(key):
                dropped[(kind, e[key])] = e
        return kept

    inputs.catalog.entries = keep(inputs.catalog.entries, "document", "file")
    stems = {e["file"].rsplit(".", 1)[0] for e in inputs.catalog.entries}
    inputs.documents = [d for d in inputs.documents if d.stem in stems]
    inputs.actors.entries = keep(inputs.actors.entries, "actor")
    inputs.places.entries = keep(inputs.places.entries, "place")
    annotations = inputs.annotations
    for stem in list(annotations.files):
        if stem not in stems:
            for ev in annotations.files[stem].get("events") or []:
                if ev.get("id"):
                    dropped[("event", ev["id"])] = ev
            del annotations.files[stem]
            continue
        data = annotations.files[stem]
        for key in ANNOTATION_LISTS:
            if data.get(key):
                data[key] = keep(data[key], "event" if key == "events" else key)
    annotations.events = {k: v for k, v in annotations.events.items() if ("event", k) not in dropped}
    annotations.recommendations = {k: v for k, v in annotations.recommendations.items()
                                   if ("recommendations", k) not in dropped}
    for node, what, kind, ref, line in _references(inputs):
        left_out = dropped.get((kind, ref))
        if left_out is not None:
            errors.add(node.path, f"{what} refers to {kind} {ref!r}, which is left out as unreviewed "
                       f"(reviewed: false at {left_out.path}:{left_out.line_of('reviewed')})", line=line,
                       hint="review that entry too, or mark this one `reviewed: false`")
    return inputs


def _references(inputs):
    """Every reference from a kept entry to another entry: (node, what, kind, id, line)."""
    for a in inputs.actors.entries:
        what = f"actor {a['id']!r}"
        if a.get("parent"):
            yield a, what, "actor", a["parent"], a.line_of("parent")
        for role in a.get("roles") or []:
            if role.get("organization"):
                yield role, what, "actor", role["organization"], role.line_of("organization")
    for data in inputs.annotations.files.values():
        for ev in data.get("events") or []:
            what = f"event {ev.get('id') or ev.get('ref')!r}"
            if ev.get("ref"):
                yield ev, what, "event", ev["ref"], ev.line_of("ref")
            for a in ev.get("actors") or []:
                yield a, what, "actor", a.get("id"), a.line_of("id")
            for p in ev.get("places") or []:
                yield ev, what, "place", p, ev.line_of("places")
            for item in ev.get("evidence") or []:
                if item.get("relative_to"):
                    yield item, what, "event", item["relative_to"], item.line_of("relative_to")
        for link in data.get("links") or []:
            for key in ("event", "related"):
                yield link, "link", "event", link.get(key), link.line_of(key)
        for rec in data.get("recommendations") or []:
            what = f"recommendation {rec.get('id')!r}"
            yield rec, what, "actor", rec.get("author"), rec.line_of("author")
            for a in rec.get("addressees") or []:
                yield rec, what, "actor", a, rec.line_of("addressees")
        for q in data.get("quotations") or []:
            for s in ([q["speaker"]] if q.get("speaker") else []) + list(q.get("speakers") or []):
                yield q, "quotation note", "actor", s, q.line_of("speaker" if q.get("speaker") else "speakers")
        for n in data.get("quantities") or []:
            if n.get("subject"):
                yield n, "quantity note", "actor", n["subject"], n.line_of("subject")
