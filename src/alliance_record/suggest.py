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
from dataclasses import dataclass, field

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
            out.append({"sentence": c.sentence, "strength": c.strength, "cue": c.cue,
                        "start": p["start"] + c.start})
    return out


# Words that suggest a recommendation's theme (annotations.THEMES); the theme with most hits is
# drafted, "strategy" when none is hit. A draft for a person to check, not a classifier.
THEME_WORDS = {
    "deterrence": r"deter\w*|nuclear|readiness|extended|umbrella",
    "interoperability": r"interoperab\w*|command\w*|joint|integrat\w*|operations?",
    "partnerships": r"partner\w*|like-minded|trilateral|quad|aukus|philippines|australia|korea\w*|india",
    "public-diplomacy": r"public|diplomacy|explain\w*|opinion|narrative|outreach",
    "defense-spending": r"budget\w*|spending|gdp|burden|cost\w*|fund\w*|expenditure\w*",
    "gray-zone-response": r"gr[ae]y[- ]zone|coerci\w*|coast guard|militia",
    "dialogue": r"dialogues?|consult\w*|talks|exchanges?|meetings?",
    "industrial-cooperation": r"industr\w*|production|co-?develop\w*|maintenance|shipyards?|supply chains?|munitions",
    "basing-and-access": r"bases?|basing|access|okinawa|stationed|training ranges?",
    "strategy": r"strateg\w*|doctrines?|plans?|planning",
    "alliance-management": r"alliance|coordinat\w*|cohesion|burden-sharing|consensus",
}
_THEME_RES = {theme: re.compile(rf"\b(?:{words})\b", re.I) for theme, words in THEME_WORDS.items()}
ADDRESSEE_TYPES = {"state", "government", "government-body", "military", "grouping"}


def guess_theme(sentence: str) -> str:
    hits = {theme: len(rx.findall(sentence)) for theme, rx in _THEME_RES.items()}
    best = max(hits.values())
    return next(t for t, n in hits.items() if n == best) if best else "strategy"


def _fold(name: str) -> str:
    import unicodedata

    name = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in name if not unicodedata.combining(c)).lower().split())


def author_of(doc, ctx) -> str | None:
    """The registry actor who wrote ``doc``: its first catalogued author found by name or alias,
    else its publisher; None when the registries hold neither."""
    names = {}
    for a in ctx.inputs.actors.entries:
        for n in [a["name"], *(a.get("aliases") or [])]:
            names.setdefault(_fold(n), a["id"])
    for person in list(doc.meta.get("authors") or []) + [doc.meta.get("publisher") or ""]:
        if person and _fold(person) in names:
            return names[_fold(person)]
    return None


@dataclass
class Drafts:
    """Everything ``suggest`` drafts for one document, each entry marked ``reviewed: false``."""

    stem: str
    events: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)       # annotation entries
    recommendation_notes: list = field(default_factory=list)  # candidates with no author to draft them with
    actors: list = field(default_factory=list)                # registry entries (actors.yml form)
    places: list = field(default_factory=list)                # registry entries (places.yml form)
    unplaced: list = field(default_factory=list)              # place names with no coordinates to draft

    def counts(self) -> dict:
        counts = {"events": len(self.events), "recommendations": len(self.recommendations),
                  "actors": len(self.actors), "places": len(self.places)}
        return {k: n for k, n in counts.items() if n}


ACTOR_TYPES_OK = {"person", "anonymous", "state", "government", "government-body", "military", "organization",
                  "grouping", "media", "political-party", "armed-group", "document"}


def registry_drafts(doc, seg, found: dict, ctx) -> tuple[list, list, list]:
    """Registry entries for the names no registry holds (the document's entity candidates, see
    extract/entities.py): actors in actors.yml form, and places with GeoNames coordinates in
    places.yml form, each ``reviewed: false``; a place the gazetteer does not know is listed
    for the curator, who gives its coordinates. Short forms the document uses are aliases."""
    from .extract import entities

    taken = {e["id"] for e in ctx.inputs.actors.entries} | {e["id"] for e in ctx.inputs.places.entries}
    by_name: dict = {}
    for n in seg.names:
        entry = by_name.setdefault(n["name"], {"names": [], "aliases": set()})
        entry["names"].append(n)
        surface = " ".join(doc.text[n["start"]:n["end"]].split())
        if surface != n["name"]:
            entry["aliases"].add(surface)
    actors, places, unplaced = [], [], []
    for name, entry in by_name.items():
        ns = entry["names"]
        types = [n["type"] for n in ns]
        type_ = max(sorted(set(types)), key=types.count)
        best = next((n for n in ns if n["type"] == type_), ns[0])
        cid = entities.slug(name)
        if cid in taken or (len(name.split()) == 1 and best["type_evidence"] == "default"):
            continue  # a word with no evidence that it names anything: left to the unmatched report
        note = (f"Drafted by alliance-record from {doc.source_file}: {len(ns)} mention(s); "
                f"type from {best['type_evidence']}.")
        if type_ in ("place", "state") and best.get("latitude") is not None:
            places.append({"id": cid, "name": name, "reviewed": False, "type": "city", "latitude": round(best["latitude"], 4),
                           "longitude": round(best["longitude"], 4), "geo_precision": "point",
                           "country": best.get("country"), "geonames": best.get("geonames"), "wikidata": None,
                           "description": note, "aliases": sorted(entry["aliases"])})
            continue
        if type_ == "place":
            unplaced.append(name)
            continue
        actors.append({"id": cid, "name": name, "reviewed": False,
                       "type": type_ if type_ in ACTOR_TYPES_OK else "organization",
                       "country": best.get("country"), "wikidata": None, "description": note, "parent": None,
                       "aliases": sorted(entry["aliases"]), "roles": []})
    return actors, places, unplaced


def drafts(doc, ctx) -> Drafts:
    """Draft the curation of ``doc``: events, recommendations and registry entries."""
    seg = segment.segment(doc)
    out = Drafts(stem=doc.stem)
    for ev in candidate_events(doc, seg, ctx):
        out.events.append({"id": ev.pop("id"), "reviewed": False, **ev})
    found = mentions.extract(doc, seg, seg.rows(), ctx)
    out.actors, out.places, out.unplaced = registry_drafts(doc, seg, found, ctx)
    actor_type = {a["id"]: a["type"] for a in ctx.inputs.actors.entries}
    author = author_of(doc, ctx)
    used: set = set()
    for c in candidate_recommendations(doc, seg):
        if author is None:
            out.recommendation_notes.append(c)
            continue
        at = c["start"]
        addressees = list(dict.fromkeys(
            m["actor_id"] for m in found["actor_mentions"]
            if at <= m["start"] < at + len(c["sentence"]) and actor_type.get(m["actor_id"]) in ADDRESSEE_TYPES
            and m["actor_id"] != author))
        rec_id = base = slug(c["sentence"], 6)
        n = 2
        while rec_id in used:
            rec_id, n = f"{base}-{n}", n + 1
        used.add(rec_id)
        sentence = " ".join(c["sentence"].split())
        entry = {"id": rec_id, "reviewed": False, "quote": c["sentence"],
                 "summary": sentence if len(sentence) <= 160 else sentence[:157].rsplit(" ", 1)[0] + "…",
                 "author": author, "theme": guess_theme(sentence), "strength": c["strength"]}
        if addressees:
            entry["addressees"] = addressees
        out.recommendations.append(entry)
    return out


HEADER = """\
# Draft annotations for {file} ({title}).
# Written by `alliance-record suggest`: every entry is a draft found by code and says
# `reviewed: false` (the build marks its rows reviewed = 0). Review each one: fix the summary,
# type, actors' roles and places, keep the quote to the words that state the event, delete what
# is not an event, then delete the `reviewed: false` line. See seeds/annotations/*.yml.
"""


def _block(items: list, indent: str = "  ") -> list[str]:
    lines = []
    for item in items:
        dumped = yaml.safe_dump([item], allow_unicode=True, sort_keys=False, width=100)
        lines.extend(indent + line for line in dumped.rstrip("\n").split("\n"))
    return lines


def annotation_yaml(d: Drafts, doc) -> str:
    """The text of the drafted annotation file."""
    lines = HEADER.format(file=doc.source_file, title=" ".join(str(doc.meta.get("title")).split())).split("\n")[:-1]
    lines.append("events:" if d.events else "events: []")
    lines += _block(d.events)
    if d.recommendations:
        lines.append("recommendations:")
        lines += _block(d.recommendations)
    if d.recommendation_notes:
        lines.append("# Recommendation candidates (no author in the registries to draft them with: add them under")
        lines.append("# `recommendations:` with an id, summary, author, addressees, theme and strength, or under")
        lines.append("# `rejected_candidates:` with a reason):")
        for r in d.recommendation_notes:
            lines.append(f"#   [{r['strength']}] " + " ".join(r["sentence"].split()))
    return "\n".join(lines) + "\n"


def registry_yaml(entries: list) -> str:
    """Drafted registry entries, to append to actors.yml or places.yml (their list is last)."""
    return "\n".join(_block(entries)) + "\n" if entries else ""


def files_of(d: Drafts, seeds_dir, doc) -> dict:
    """The files to write (path -> content): the annotation file, and the text to append to the
    registries."""
    from pathlib import Path

    seeds_dir = Path(seeds_dir)
    out = {seeds_dir / "annotations" / f"{doc.stem}.yml": annotation_yaml(d, doc)}
    if d.actors:
        out[seeds_dir / "actors.yml"] = registry_yaml(d.actors)
    if d.places:
        out[seeds_dir / "places.yml"] = registry_yaml(d.places)
    return out


def draft(doc, ctx) -> str:
    """The YAML text of a draft annotation file for ``doc``."""
    return annotation_yaml(drafts(doc, ctx), doc)
