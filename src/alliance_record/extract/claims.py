"""Claims: quotations, quantities and recommendations as rows, with curated overrides applied.

The detectors (:mod:`.quotations`, :mod:`.quantities`, :mod:`.recommendations`) work on plain
text; this module runs them over the right parts of a document, maps their offsets back to
``documents.text``, ties them to actors through the mentions already found, and applies what the
document's annotation file says:

* quotations — body paragraphs only (quoted titles in footnotes and references are not
  quotations). A speaker named by the attribution cue is the actor mentioned there; a pronoun
  ("he declared") is the previous named speaker of the document; a curated ``quotations:``
  entry (matched by the start of the quoted words) sets the speaker or rejects the detection.
  Unattributed scare quotes ("the “core”") are left out.
* quantities — body paragraphs, footnotes and captions. The subject is the actor mentioned
  inside the quantity ("50,000 U.S. troops"), else the nearest actor mentioned before it in the
  same sentence; a curated ``quantities:`` entry sets the subject or rejects the detection.
* recommendations — curated (``recommendations:``), each quote located like event evidence;
  the recommendation finder's candidates are recorded too, each either matched to a curated
  recommendation, rejected with the curator's reason, or ``uncurated`` (a test keeps that
  list empty, so neither side drifts silently).

A curated entry that matches nothing is an error: overrides cannot rot unnoticed.
"""

from __future__ import annotations

import json
import re

from ..curate.annotations import QuoteNotFound, locate
from ..errors import InputError
from ..segment import regions
from ._text import simple_sentence_bounds
from . import quantities as quantities_mod
from . import quotations as quotations_mod
from . import recommendations as recommendations_mod

PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _pieces_json(pieces):
    return json.dumps([[p.start, p.end] for p in pieces]) if len(pieces) > 1 else None


class Overrides:
    """Curated entries matched by the start of their ``quote`` (and by the words before it when
    the entry gives a ``prefix``), in document order; remembers which were used."""

    def __init__(self, entries):
        self.entries = list(entries or [])
        self.used = set()

    def match(self, text: str, before: str = ""):
        for k, entry in enumerate(self.entries):
            if k in self.used or not _ws(text).startswith(_ws(entry["quote"])):
                continue
            if entry.get("prefix") and not _ws(before).endswith(_ws(entry["prefix"])):
                continue
            self.used.add(k)
            return entry
        return None

    def unused(self):
        return [e for k, e in enumerate(self.entries) if k not in self.used]


def _sentence_of(seg, doc_offset):
    for s in seg.sentences:
        if s["start"] <= doc_offset < s["end"]:
            return s
    return None


def _actor_in(mentions, start, end):
    """The actor mentioned in [start, end): the longest mention, the last on a tie (the head of
    "RAND’s Project Air Force" is the project, not RAND)."""
    inside = [m for m in mentions if start <= m["start"] and m["end"] <= end]
    if not inside:
        return None
    return max(inside, key=lambda m: (m["end"] - m["start"], m["start"]))["actor_id"]


def extract(doc, seg, rows, ctx) -> dict:
    annotations = ctx.inputs.annotations.for_document(doc.stem)
    actor_mentions = sorted(rows.get("actor_mentions", []), key=lambda m: m["start"])
    actor_types = {a["id"]: a["type"] for a in ctx.inputs.actors.entries}
    out = {"quotations": [], "quantities": [], "recommendations": [], "recommendation_addressees": [],
           "recommendation_candidates": []}
    errors = []
    _quotations(doc, seg, annotations, actor_mentions, actor_types, out, errors)
    demonyms = {d: a["id"] for a in ctx.inputs.actors.entries for d in a.get("demonyms") or []}
    _quantities(doc, seg, annotations, actor_mentions, demonyms, out, errors)
    _recommendations(doc, seg, annotations, out, errors)
    ctx.errors.extend(errors)
    return out


def _quotations(doc, seg, annotations, mentions, actor_types, out, errors):
    overrides = Overrides(annotations.get("quotations"))
    last_speaker = None
    for p in seg.paragraphs:
        if p["kind"] != "body":
            continue
        multi, text = seg.paragraph_pieces[p["id"]], p["text"]
        found = quotations_mod.find_quotations(text)
        ids = {}
        previous = None  # (end offset in text, speaker, label) of the last attributed quotation here
        for k, q in enumerate(found):
            pieces = multi.sub(q.start, q.end)
            start, end = pieces[0].start, pieces[-1].end
            cue = quotations_mod.find_speaker(text, q)
            speaker, label, attribution, verb = None, None, "none", None
            if cue:
                label, verb = cue.speaker, cue.verb
                cs, ce = multi.to_doc(cue.start), multi.to_doc(cue.end - 1) + 1
                if cue.pronoun or cue.speaker.lower() in PRONOUNS:
                    speaker, attribution = last_speaker, "pronoun" if last_speaker else "none"
                else:
                    speaker = _actor_in(mentions, cs, ce)
                    attribution = "code" if speaker else "label-only"
            elif previous and q.kind == "sentence" and not re.search(r"[“”\"]", text[previous[0]:q.start - 1]):
                # "“…,” the official said. “…”": the next quoted sentence is the same speaker's
                speaker, label, attribution = previous[1], previous[2], "continuation"
            entry = overrides.match(q.quote, text[max(0, q.start - 200):q.start - 1])
            if entry is not None:
                if entry.get("reject"):
                    continue
                speaker = entry.get("speaker", speaker)
                label = entry.get("speaker_label") or label
                attribution = "curated"
            elif q.scare and speaker is None:
                continue  # a word in quotation marks, not a quotation
            if speaker and actor_types.get(speaker) in ("person", "anonymous"):
                last_speaker = speaker
            if speaker or label:
                previous = (q.end + 1, speaker, label)
            qid = f"{doc.id}-q{len(out['quotations']) + 1:03d}"
            ids[k] = qid
            sentence = _sentence_of(seg, start)
            out["quotations"].append({
                "id": qid, "document_id": doc.id, "paragraph_id": p["id"],
                "sentence_id": sentence["id"] if sentence else None,
                "speaker_id": speaker, "speaker_label": label, "quote": q.quote, "start": start, "end": end,
                "spans": _pieces_json(pieces), "kind": q.kind,
                "nested_in_id": ids.get(q.nested_in) if q.nested_in is not None else None,
                "attribution": attribution, "verb": verb,
            })
    for entry in overrides.unused():
        errors.append(InputError(entry.path, f"quotation {entry['quote']!r}: no quotation detected in "
                                 "the body text starts with these words", line=entry.line_of("quote")))


def _quantities(doc, seg, annotations, mentions, demonyms, out, errors):
    overrides = Overrides(annotations.get("quantities"))
    by_container: dict = {}
    for m in mentions:
        by_container.setdefault((m["paragraph_id"], m["footnote_id"]), []).append(m)
    for region in regions(doc, seg):
        if region.kind not in ("body", "footnote", "caption"):
            continue
        in_region = [m for m in by_container.get((region.paragraph_id, region.footnote_id), [])
                     if region.multi.start <= m["start"] and m["end"] <= region.multi.end]
        for q in quantities_mod.find_quantities(region.text):
            pieces = region.multi.sub(q.start, q.end)
            start, end = pieces[0].start, pieces[-1].end
            entry = overrides.match(q.quote, region.text[max(0, q.start - 200):q.start])
            if entry is not None and entry.get("reject"):
                continue
            sentence = _sentence_of(seg, start) if region.kind == "body" else None
            s_start = sentence["start"] if sentence else region.multi.to_doc(
                max([0] + [i for i, _ in simple_sentence_bounds(region.text) if i <= q.start]))
            subject = _actor_in(in_region, start, end)
            method = "inside" if subject else None
            if subject is None:
                words = set(re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", q.quote))
                nationals = [demonyms[w] for w in words if w in demonyms]
                if len(set(nationals)) == 1:
                    subject, method = nationals[0], "demonym"
            if subject is None and region.kind != "footnote":
                before = [m for m in in_region if s_start <= m["start"] and m["end"] <= start]
                if before:
                    subject, method = before[-1]["actor_id"], "nearest-before"
            if entry is not None and "subject" in entry:  # `subject: null` clears a wrong guess
                subject, method = entry["subject"], "curated"
            year = entry["year"] if entry is not None and entry.get("year") else q.year
            out["quantities"].append({
                "id": f"{doc.id}-n{len(out['quantities']) + 1:03d}", "document_id": doc.id,
                "region": region.kind, "paragraph_id": region.paragraph_id,
                "footnote_id": region.footnote_id, "sentence_id": sentence["id"] if sentence else None,
                "value": q.value, "value_max": q.value_max, "unit": q.unit, "currency": q.currency,
                "year": year, "base_year": q.base_year, "kind": q.kind, "approx": int(q.approx),
                "qualifier": q.qualifier, "out_of": q.out_of, "subject_id": subject,
                "subject_method": method, "quote": q.quote, "start": start, "end": end,
                "spans": _pieces_json(pieces), "description": describe(q, year),
            })
    for entry in overrides.unused():
        errors.append(InputError(entry.path, f"quantity {entry['quote']!r}: no quantity detected starts "
                                 "with these words", line=entry.line_of("quote")))


def describe(q, year=None) -> str:
    """A readable statement of a quantity: "about 1.785e+12 CNY (2025)"."""
    value = f"{q.value:,.0f}" if q.value == int(q.value) and abs(q.value) < 1e9 else f"{q.value:.4g}"
    if q.value_max is not None:
        value += f"–{q.value_max:,.0f}" if q.value_max == int(q.value_max) else f"–{q.value_max:.4g}"
    parts = [q.qualifier, value, q.currency or q.unit]
    text = " ".join(p for p in parts if p)
    if q.out_of:
        text += f" out of {q.out_of:,.0f}"
    year = year or q.year
    if year:
        text += f" ({year})"
    if q.base_year:
        text += f" (compared with {q.base_year})"
    return text


def _recommendations(doc, seg, annotations, out, errors):
    from .events import find_container, joined_texts

    joined = joined_texts(doc, seg)
    curated_spans = []
    for rec in annotations.get("recommendations") or []:
        try:
            located = locate(rec["quote"], rec.get("prefix"), doc.text, joined)
        except QuoteNotFound as exc:
            errors.append(InputError(rec.path, f"recommendation {rec['id']!r}: {exc}", line=rec.line_of("quote")))
            continue
        container = find_container(doc, seg, located.start, located.end)
        paragraph = next((p for p in seg.paragraphs if container and p["id"] == container[1]), None)
        addressees = list(dict.fromkeys(rec.get("addressees") or []))
        out["recommendations"].append({
            "id": rec["id"], "document_id": doc.id,
            "section_id": paragraph["section_id"] if paragraph else None,
            "paragraph_id": paragraph["id"] if paragraph else None,
            "author_id": rec["author"], "summary": _ws(rec["summary"]), "quote": located.text,
            "start": located.start, "end": located.end,
            "spans": json.dumps(located.spans) if located.spans else None,
            "theme": rec["theme"], "strength": rec["strength"], "addressee_ids": json.dumps(addressees),
        })
        for actor_id in addressees:
            out["recommendation_addressees"].append({"recommendation_id": rec["id"], "actor_id": actor_id})
        curated_spans.append((located.start, located.end, rec["id"]))

    rejected = list(annotations.get("rejected_candidates") or [])
    used_rejections = set()
    headings = {s["id"]: s["heading"] for s in seg.sections}
    for p in seg.paragraphs:
        if p["kind"] != "body":
            continue
        multi, text = seg.paragraph_pieces[p["id"]], p["text"]
        bounds, cursor = [], 0
        for s in seg.sentences:
            if s["paragraph_id"] == p["id"]:
                i = text.find(s["text"], cursor)
                if i >= 0:
                    bounds.append((i, i + len(s["text"])))
                    cursor = i + len(s["text"])
        for c in recommendations_mod.find_candidates(text, headings.get(p["section_id"]), bounds or None):
            pieces = multi.sub(c.start, c.end)
            start, end = pieces[0].start, pieces[-1].end
            status, rec_id, reason = "uncurated", None, None
            overlap = [r for a, b, r in curated_spans if a < end and start < b]
            if overlap:
                status, rec_id = "curated", overlap[0]
            else:
                for k, r in enumerate(rejected):
                    if _ws(c.sentence).startswith(_ws(r["sentence"])):
                        status, reason = "rejected", r["reason"]
                        used_rejections.add(k)
                        break
            out["recommendation_candidates"].append({
                "id": f"{doc.id}-rc{len(out['recommendation_candidates']) + 1:03d}", "document_id": doc.id,
                "section_id": p["section_id"], "paragraph_id": p["id"], "sentence": c.sentence,
                "start": start, "end": end, "spans": _pieces_json(pieces), "cue": c.cue,
                "strength": c.strength, "score": c.score, "reason": c.reason, "status": status,
                "recommendation_id": rec_id, "rejection_reason": reason,
            })
    for k, r in enumerate(rejected):
        if k not in used_rejections:
            errors.append(InputError(r.path, f"rejected candidate {r['sentence'][:60]!r}: the recommendation "
                                     "finder flags no sentence starting with these words", line=r.line))
