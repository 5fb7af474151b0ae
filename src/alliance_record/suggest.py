"""Suggest: draft an annotation file for a document that has none.

How the dataset grows past the seeds: a curator adds a text and its catalogue entry, runs
``alliance-record suggest <stem>``, and reviews the draft. Candidates come from code:

* events — sentences that carry a resolvable date expression and at least one registry actor
  (places in the same sentence are added; the event type is guessed from the verb);
* recommendations — sentences the recommendation finder flags (modal and imperative patterns,
  recommendation-like sections first), when that finder is available.

Every candidate is a valid annotation (ids, types and quotes check), marked ``# CANDIDATE`` so
that nothing is kept without a person reading it.
"""

from __future__ import annotations

import re

import yaml

from . import dates, segment
from .curate import publication_window
from .extract import mentions

EVENT_TYPE_CUES = [
    ("call", r"\b(?:called|phone call|call with|spoke by phone)\b"),
    ("meeting", r"\b(?:met|meeting|talks|summit)\b"),
    ("visit", r"\b(?:visit(?:ed)?|trip|travel(?:l?ed)?|inspected|port call|arrived)\b"),
    ("exercise", r"\b(?:exercises?|drills?|flew|flight|patrols?|training)\b"),
    ("incident", r"\b(?:radar|incursions?|intrusions?|scrambled?|locked|encroached)\b"),
    ("attack", r"\b(?:attack(?:ed)?|strikes?|invade[sd]?|invasion)\b"),
    ("agreement", r"\b(?:agreed|agreement|deal)\b"),
    ("announcement", r"\b(?:announced|announcement|unveiled)\b"),
    ("policy", r"\b(?:established|adopted|law|legislation|revised|issued|passed|released)\b"),
    ("ceremony", r"\b(?:ceremony|memorial|commemorat\w+|wreath)\b"),
    ("budget", r"\b(?:budget|spending|expenditures?)\b"),
    ("battle", r"\b(?:battle|war)\b"),
    ("appointment", r"\b(?:took office|taking office|appointed|elected)\b"),
    ("relief", r"\b(?:relief|eruption|disaster)\b"),
    ("statement", r"\b(?:said|says|declared|stated|statement|wrote|told)\b"),
]


def guess_event_type(sentence: str) -> str:
    lowered = sentence.lower()
    for event_type, pattern in EVENT_TYPE_CUES:
        if re.search(pattern, lowered):
            return event_type
    return "statement"


def slug(text: str, limit: int = 6) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:limit]) or "event"


def candidate_events(doc, seg, ctx) -> list[dict]:
    """One candidate per sentence with a dated phrase and a registry actor.

    A phrase dated from the publication ("on March 3, 2025", "next month") is resolved against
    the publication window; one counted from another event ("The day prior", "Two days later",
    "Three days before the flight") is drafted ``relative_to`` the nearest candidate before it
    that has a date of its own — the likeliest reference, which the curator checks.
    """
    found = mentions.extract(doc, seg, seg.rows(), ctx)
    window = publication_window(doc.meta)
    actors_by_sentence: dict = {}
    places_by_sentence: dict = {}
    for row in found["actor_mentions"]:
        actors_by_sentence.setdefault(row["sentence_id"], []).append(row["actor_id"])
    for row in found["place_mentions"]:
        places_by_sentence.setdefault(row["sentence_id"], []).append(row["place_id"])
    out, used_ids = [], set()
    last_dated = None  # (event id, Resolved) of the latest candidate dated on its own
    for sentence in seg.sentences:
        if sentence["spans"] or sentence["id"] not in actors_by_sentence:
            continue
        text = sentence["text"]
        mention, resolved, relative_to = _date_of_sentence(text, window, last_dated)
        if mention is None:
            continue
        actors = list(dict.fromkeys(actors_by_sentence[sentence["id"]]))
        places = list(dict.fromkeys(places_by_sentence.get(sentence["id"], [])))
        base = f"{slug(' '.join(actors[:2]), 4)}-{resolved.date_start or resolved.date_end}"
        event_id, n = base, 2
        while event_id in used_ids:
            event_id, n = f"{base}-{n}", n + 1
        used_ids.add(event_id)
        evidence = {"quote": text, "date": mention.phrase}
        if relative_to:
            evidence["relative_to"] = relative_to
        else:
            last_dated = (event_id, resolved)
        out.append({
            "id": event_id,
            "summary": text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "…",
            "event_type": guess_event_type(text),
            "actors": [{"id": a, "role": "participant"} for a in actors],
            "places": places,
            "evidence": [evidence],
        })
    return out


def _date_of_sentence(text: str, window, last_dated):
    """The first date phrase of ``text`` that resolves: ``(mention, resolved, relative_to)``,
    counted from the publication, else from the event of ``last_dated``; Nones if none does."""
    later = []
    for m in dates.find_dates(text):
        r = dates.resolve(m, window=window)
        if r is not None:
            return m, r, None
        if m.kind == "anchored" and last_dated is not None:
            later.append(m)
    for m in later:
        event_id, ref = last_dated
        r = dates.resolve(m, anchor=dates.anchor_for(m, ref.date_start or ref.date_end,
                                                      ref.date_end or ref.date_start, ref.edtf))
        if r is not None:
            return m, r, event_id
    return None, None, None


def candidate_recommendations(doc, seg) -> list[dict]:
    try:
        from .extract import recommendations
    except ImportError:  # the recommendation finder is not part of this build
        return []
    heading_of = {s["id"]: s["heading"] for s in seg.sections}
    out = []
    for p in seg.paragraphs:
        bounds = [(s["start"] - p["start"], s["end"] - p["start"]) for s in seg.sentences
                  if s["paragraph_id"] == p["id"] and not s["spans"] and not p["spans"]]
        for c in recommendations.find_candidates(p["text"], heading_of.get(p["section_id"]),
                                                 bounds or None):
            out.append({"sentence": c.sentence, "strength": c.strength, "cue": c.cue})
    return out


def draft(doc, ctx) -> str:
    """The YAML text of a draft annotation file for ``doc``."""
    seg = segment.segment(doc)
    events = candidate_events(doc, seg, ctx)
    recs = candidate_recommendations(doc, seg)
    lines = [
        f"# Draft annotations for {doc.source_file} ({doc.meta.get('title')}).",
        "# Written by `alliance-record suggest`: every entry is a CANDIDATE found by code.",
        "# Review each one: fix the summary, type, actors' roles and places, keep the quote to the",
        "# words that state the event, and delete what is not an event. See seeds/annotations/*.yml.",
        "events:",
    ]
    for ev in events:
        block = yaml.safe_dump([ev], allow_unicode=True, sort_keys=False, width=100)
        lines.append("  # CANDIDATE")
        lines.extend("  " + line for line in block.rstrip("\n").split("\n"))
    if recs:
        lines.append("# Recommendation candidates (add them under `recommendations:` with an id, summary,")
        lines.append("# author, addressees, theme and strength, or under `rejected_candidates:` with a reason):")
        for r in recs:
            lines.append(f"#   [{r['strength']}] {r['sentence']}")
    if not events:
        lines[-1] = "events: []"
    return "\n".join(lines) + "\n"
