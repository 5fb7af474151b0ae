"""Suggest: draft an annotation file for a document that has none.

How the dataset grows past the seeds: a curator adds a text and its catalogue entry, runs
``alliance-record suggest <stem>``, and reviews the draft. Candidates come from code:

* events — sentences that carry a resolvable date expression and at least one registry actor
  (places in the same sentence are added), and sentences with no date whose main clause reports
  a specific act; the event type is read from the main clause's verb and its object
  (:mod:`alliance_record.eventtype`);
* recommendations — sentences the recommendation finder flags (modal and imperative patterns,
  recommendation-like sections first), when that finder is available.

Every candidate is a valid annotation (ids, types and quotes check), marked ``# CANDIDATE`` so
that nothing is kept without a person reading it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field

import yaml

from . import dates, eventtype, gazetteer, segment, tense
from .curate import publication_window
from .letters import without_marks
from .extract import mentions

# The words (verbs and the nouns naming an action) that say what kind of event a sentence
# reports, by event type: the fallback when the main clause's verb is one the lexicon of
# eventtype.py does not know (then the event word of the clause the date is in, else the first
# of the sentence, names written in capitals left out) and the type of an event noun named again
# ("the accord", "the drills").
EVENT_VERBS = {
    "call": r"spoke by (?:tele)?phone|spoken by (?:tele)?phone|(?:tele)?phone (?:call|talks)|held (?:a )?(?:phone |video )?call|"
            r"called (?=[A-Z][a-z]+ [A-Z][a-z]+\b(?! [\"“]))",
    "meeting": r"met|meets|meeting|talks|summit|hosted|hosts|convened|gathered|two-plus-two|2\+2",
    "visit": r"visit(?:ed|s|ing)?|trip|travell?ed|toured|inspected|arrived|port call|flew (?:by helicopter )?to|"
             r"stood together on|wrapped up",
    "exercise": r"exercises?|drills?|maneuvers|manoeuvres|joint flight|patrols?|operat(?:ed|ing) (?:simultaneously|together|jointly)|"
                r"(?:flew|sailed) (?:\w+ ){0,2}(?:together|jointly)",
    "incident": r"spotted|was seen|were seen|intru(?:ded|sion)|incursions?|entered (?:the )?(?:territorial |contiguous )?waters|"
                r"radar|locked|boarded|clash(?:ed)?|harass(?:ed|ment)|close approach(?:es)?|flew (?:close|near|along)|"
                r"sailed (?:in|near|through)|record \d+ days",
    "attack": r"attack(?:ed|s)?|strikes?|struck|invaded|invasion|bombed|shelled",
    "agreement": r"signed|agreed|agreements?|accord|pact|deal|treaty|entered into force|ratified|concluded",
    "policy": r"established|revises|launch(?:ed)? (?:the|a|its) (?:[A-Z][\w-]* ){0,4}(?:Command|Office|Force|Headquarters|Agency|Unit)|"
              r"stood up|began work|adopted|approved|revised|created|set up|decided|enacted|passed|upgrad(?:ed|ing)|"
              r"began|relaxed|allow(?:ed)?|suspended|lifted|imposed|banned",
    "announcement": r"announced|unveiled|chose|chosen|selected|picks?|advised|plans? to",
    "ceremony": r"ceremony|commemorat\w+|memorial|wreath|anniversary",
    "budget": r"supplementary budget|budget request|defen[cs]e budget|approved .{0,20}budget|spending",
    "appointment": r"took office|taking office|sworn in|appointed|elected|inaugurat\w+|resigned|named (?:as )?(?:the )?new",
    "deployment": r"deploy(?:ed|ment|s)?|brought (?:its|the|a) .{0,40}(?:system|missiles?|battery|troops|forces) to|"
                  r"stationed|dispatched|rotated",
    "relief": r"relief|humanitarian|evacuat\w+|rescue",
    "report": r"published|released (?:a|the|its) (?:\w+ ){0,3}(?:report|paper|review|strategy)|white paper|reported (?:that|on)",
    "battle": r"battle of|the battle|war (?:began|ended)|fought",
    "statement": r"said|says|told|stated|warned|criticized|criticised|condemned|protested|urged|called for|"
                 r"expressed|reaffirmed|welcomed|praised|pledged|vowed|insisted|conveyed|rejected|denounced|"
                 r"declared|joint statement|statement|remarks|speech",
}
_VERB_RES = [(t, re.compile(rf"\b(?:{pattern})\b", re.I if t != "call" else 0)) for t, pattern in EVENT_VERBS.items()]
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|which|who|as|after|before|when|shortly)\b|\s(?:that|which|who)\s")


TITLE_OF = re.compile(rf"\b(?:{eventtype.OFFICES})\s+of\s+(?:the\s+)?$", re.I)


def _modifier(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is part of another's words, no participant: the
    domain of a person's title ("Prime Minister of Japan") or a member of a hyphenated compound
    ("a Japan-U.S. Summit Meeting", "the U.S.-Japan alliance")."""
    return bool(TITLE_OF.search(text, max(0, start - 40), start)) or text[end:end + 1] == "-" or \
        text[start - 1:start] == "-"


CLOCK = re.compile(r"\s+(?:standard\s+|summer\s+|daylight\s+)?time\b")
FUNCTION_WORDS = frozenset("""in on at to from for of by with and or but as is are was were has have had will would
can could may might that which who where when than after before since over near off into through about
amid during under between""".split())


def _attributive(text: str, start: int, end: int) -> bool:
    """Whether the place name at ``text[start:end]`` qualifies the noun after it ("a Tokyo
    steelmaker", "the Pittsburgh company"): a determiner before it and a common noun after it."""
    after = re.match(r"\s+([a-z][\w-]*)", text[end:end + 40])
    return bool(re.search(r"\b(?:a|an|the)\s+$", text[max(0, start - 5):start])) and \
        after is not None and after.group(1) not in FUNCTION_WORDS


def event_verbs(text: str) -> list[tuple[int, str]]:
    """``(offset, type)`` of every event verb in ``text``, in order."""
    found = []
    for type_, rx in _VERB_RES:
        found += [(m.start(), type_) for m in rx.finditer(text)]
    return sorted(found)


def guess_event_type(sentence: str, at: int | None = None) -> str:
    """The type of the event a sentence reports: its verb governing the date phrase at ``at``
    (the first event verb of that clause, else the nearest before it), else the first event verb;
    "statement" when there is none."""
    verbs = [v for v in event_verbs(sentence)]
    if not verbs:
        return "statement"
    if at is not None:
        bounds = [0] + [m.end() for m in CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
        lo = max(b for b in bounds if b <= at)
        hi = min(b for b in bounds if b > at) if any(b > at for b in bounds) else len(sentence)
        inside = [v for v in verbs if lo <= v[0] < hi and v[1] != "statement"] or \
                 [v for v in verbs if lo <= v[0] < hi]
        if inside:
            return inside[0][1]
    specific = [v for v in verbs if v[1] != "statement"]
    return (specific or verbs)[0][1]


def guess_role(type_: str, k: int) -> str:
    return "speaker" if type_ == "statement" and k == 0 else "participant"


def slug(text: str, limit: int = 6) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:limit]) or "event"


def candidate_events(doc, seg, ctx, events_db=None) -> list[dict]:
    """Draft events: one per sentence of the body that reports one.

    A sentence is drafted when its main clause reports an event (:func:`eventtype.read`: not a
    wish, a condition, a description or a caption) and it carries a date phrase that resolves
    and names an actor (a registry entry or a name no registry holds) or an event verb; a
    sentence with no date is drafted when a named actor does something specific in the past
    (a speech act of its own, not words said in passing, which go on as more evidence of their
    speaker's statement), as an event known only to precede the publication (``bound:
    before``). The type is that of the main clause's verb and object; a date phrase that
    qualifies an event noun ("the April 22 attack") gives the noun's. A phrase dated from the publication ("on March 3, 2025", "next month")
    is resolved against the publication window; one counted from another event ("The day
    prior") is drafted ``relative_to`` the nearest draft before it that has a date of its own.
    An event told inside another's sentence (", shortly after X flew bombers", ", and the
    companies signed ...", "the goal set in December 2022") is drafted from its clause (see
    :func:`_units`). A pronoun subject ("it", "they") acts for the actors the subject before it
    named, a capital for its state, a collective ("the leaders") for the parties, whom the
    curator names; a named speaker's first words on a named occasion ("told reporters") are a
    statement of their own; "since" a date dates a practice in the perfect from its start. A draft that looks like an event the dataset already
    holds (``events_db``: overlapping dates, shared actors or place, similar words) proposes
    ``ref:`` to it, with the evidence in its note; two drafts of one document that are one event
    become one.
    """
    found = mentions.extract(doc, seg, seg.rows(), ctx)
    window = publication_window(doc.meta)
    actors_by_sentence: dict = {}
    places_by_sentence: dict = {}
    place_end: dict = {}  # where each place name ends, by where it starts
    new_by_sentence: dict = {}
    for row in found["actor_mentions"]:  # (id, offset in the document) by sentence
        if not row.get("nested_in_actor_mention_id") and not _modifier(doc.text, row["start"], row["end"]):
            actors_by_sentence.setdefault(row["sentence_id"], []).append((row["actor_id"], row["start"]))
    for row in found["place_mentions"]:
        if not CLOCK.match(doc.text, row["end"]) and not _attributive(doc.text, row["start"], row["end"]):
            # "at 8:44 a.m. Beijing time", "a Tokyo steelmaker": a clock or a kind of thing, not where it happened
            places_by_sentence.setdefault(row["sentence_id"], []).append((row["place_id"], row["start"]))
            place_end[row["start"]] = row["end"]
    drafted_ids = {n["name"]: _new_id(n["name"]) for n in seg.names}
    for n in filter(_draftable, seg.names):
        s = next((x for x in seg.sentences if x["start"] <= n["start"] < x["end"]), None)
        if s is not None:
            target = places_by_sentence if n["type"] in ("place",) else new_by_sentence
            target.setdefault(s["id"], []).append((drafted_ids[n["name"]], n["start"]))
            place_end.setdefault(n["start"], n["end"])
    defined = ctx.inputs.annotations.events  # a database older than the seeds may hold ids they no longer define
    existing = [e for e in _existing_events(events_db) if e["id"] in defined]
    parents = {a["id"]: a.get("parent") for a in ctx.inputs.actors.entries}
    actor_type = {a["id"]: a.get("type") for a in ctx.inputs.actors.entries}
    capital_by_sentence: dict = {}  # a capital names its state when it acts ("Seoul moved first")
    capitals = _capital_states(ctx, [(drafted_ids[n["name"]], n["name"], n.get("country"))
                                     for n in seg.names if n["type"] == "place"])
    for sid, found_places in places_by_sentence.items():
        for p, at in found_places:
            if p in capitals and not _municipal(doc.text, place_end[at]):
                capital_by_sentence.setdefault(sid, []).append((capitals[p], at))
    who = (actors_by_sentence, new_by_sentence, capital_by_sentence)
    out, used_ids = [], set()
    last_dated = None  # (event id, Resolved) of the latest candidate dated on its own
    antecedent = None  # the actors the subject of the latest sentence named: what "it", "they" refer to
    subject_of: dict = {}  # (referents, metonyms) of each sentence's subject, for the verb phrases it governs
    part_date: dict = {}  # (mention, resolved) of the latest part of each sentence dated on its own
    for sentence in _units(seg.sentences):
        if sentence["spans"]:
            continue
        text = sentence["text"]
        inside = _inside(sentence)
        actors = list(dict.fromkeys(a for a, at in actors_by_sentence.get(sentence["id"], []) if inside(at)))
        new_actors = list(dict.fromkeys(a for a, at in new_by_sentence.get(sentence["id"], [])
                                        if a not in actors and inside(at)))
        reading = sentence["reading"]
        mention, resolved, relative_to = _date_of_sentence(text, window, last_dated, sentence.get("inner", ()),
                                                           since=_practice(text, sentence["reading"]))
        if mention is not None and not sentence.get("sub"):  # "...: the ministers had also met on Jan. 21"
            k = text.find(mention.phrase)
            cut = max((m.end() for m in re.finditer(r"[;:]\s", text[:k])), default=0)
            if cut:  # the subject before the cut is what a pronoun after it refers to
                if _referents(sentence, reading, who, antecedent) is None:
                    antecedent = _subject_actors(sentence, reading, who) or None
                reading = eventtype.shifted(eventtype.read(text[cut:]), cut)
        if sentence.get("pred"):  # a verb phrase of the subject before: whom that subject named
            referents, metonyms = subject_of.get(sentence["id"], (None, []))
        else:
            referents = _referents(sentence, reading, who, antecedent)
            metonyms = [] if referents is not None or sentence.get("sub") else \
                _subject_actors(sentence, reading, who[2:])  # "Tokyo intends to tighten": Japan does
            subject_of[sentence["id"]] = (referents, metonyms)
        if referents or metonyms:  # "it launched", "They voiced": who acts, read before
            actors = list(dict.fromkeys([a for a in (referents or metonyms) if a not in drafted_ids.values()] + actors))
            new_actors = list(dict.fromkeys([a for a in referents or () if a in drafted_ids.values()] + new_actors))
        if not sentence.get("sub") and not sentence.get("pred"):
            antecedent = referents if referents is not None else _subject_actors(sentence, reading, who) or None
        type_ = reading.type
        if type_ == "visit" and eventtype.arrived_at_station(text, reading) and any(
                actor_type.get(a) == "military" for a in _subject_actors(sentence, reading, who[:1])):
            type_ = "deployment"  # a unit of the registry arriving at its new station ("where it will be based")
        if type_ is None and not reading.anaphoric and mention is None:
            continue  # a description, a wish, a caption: no event is reported
        subject = sentence["subject"] if sentence.get("pred") else \
            text[reading.start:reading.verb_at] if reading.verb_at is not None else ""
        if mention is not None:  # "condemned the April 22 attack", "even after the security laws of 2015"
            dated_noun = _noun_of_date(text, mention, prenominal_only=type_ is not None)
            if dated_noun is not None:
                type_ = dated_noun
            elif type_ is None:
                continue
        if type_ == "other" and mention is None and ANAPHOR.match(subject.strip()):
            reading.anaphoric = True  # "The visit also showed ...": an event named again, no new one
        if type_ == "other":  # a verb the lexicon does not know: the event words of the date's clause
            masked = _mask_names(text)
            verbs = [v for v in event_verbs(masked) if v[1] != "statement"]
            if not verbs:
                continue
            type_ = guess_event_type(masked, text.find(mention.phrase) if mention is not None else None)
        speaker_clause = re.sub(r"^\s*[“\"][^”\"]*[”\"]\s*,?\s*", "", subject)  # '"Both sides gave ground," he'
        if mention is None:
            named = _named(speaker_clause, sentence, actors_by_sentence, new_by_sentence, actor_type)
            collective = bool(COLLECTIVE.search(speaker_clause))
            if reading.anaphoric or (reading.saying and (not _marked_act(reading) or not (named or collective))) or \
                    _pronoun(speaker_clause):
                # told again: more evidence of a draft already made (a statement goes on with its speaker's)
                lo = sentence["shared"][0] if sentence.get("pred") else \
                    sentence["start"] + max(reading.start, text.find(speaker_clause, reading.start))
                speakers = [a for a, at in actors_by_sentence.get(sentence["id"], []) + new_by_sentence.get(sentence["id"], [])
                            if lo <= at < lo + len(speaker_clause)]
                same = _told_again(out, type_, speaker_clause, speakers or referents or [], parents)
                if same is not None:
                    same["evidence"].append(dict(_quoted(sentence, doc.text), bound="before"))
                    continue
                # not told before: a named speaker's first words on an occasion named are a statement of
                # their own, and so is an act whose subject refers to actors read before ("They launched")
                act = referents is not None and not reading.saying and not reading.anaphoric
                occasion = reading.saying and bool(OCCASION.search(text, reading.verb_at or 0))
                if not (act or occasion and (named or referents)) or reading.anaphoric or \
                        _pronoun(speaker_clause) and not (act or referents):
                    continue
            if reading.perfect and not sentence.get("reported"):
                continue  # "has launched dozens of missiles": a state of things, no act on a day
            if not (actors or new_actors or referents is not None) or text.rstrip().endswith("?") or \
                    not sentence.get("reported") and \
                    not _past(_verb_group(text, reading)):
                continue
            if reading.saying and not (named or collective or referents):
                continue
        elif not (actors or new_actors or type_ not in (None, "other")):
            continue
        at = text.find(mention.phrase) if mention is not None else None
        told_with = None  # a verb phrase with no date of its own: the date of the part before it in its sentence
        if sentence.get("part") and not sentence.get("reported"):
            if mention is not None and not relative_to:
                part_date[sentence["id"]] = (mention, resolved)
            elif mention is None and sentence.get("pred") and not LATER.search(text):  # its subject's, not a new one's
                told_with = part_date.get(sentence["id"])
                if told_with is not None:
                    resolved = told_with[1]
        date_key = (resolved.date_start or resolved.date_end) if resolved else "undated"
        base = f"{slug(' '.join((actors + new_actors)[:2]) or type_, 4)}-{date_key}"
        event_id, n = base, 2
        while event_id in used_ids:
            event_id, n = f"{base}-{n}", n + 1
        evidence = _quoted(sentence, doc.text)
        if mention is not None:
            evidence["date"] = mention.phrase
            if relative_to:
                evidence["relative_to"] = relative_to
        elif told_with is not None:  # ", signed the agreement, and ...": on the day the sentence tells
            evidence["date"] = told_with[0].phrase
        else:
            evidence["bound"] = "before"
        impersonal = reading.saying and _impersonal(text, reading)  # "It was reported that": nobody named says it
        said_there = _where_said(text, reading) if reading.saying else None
        found_places = sorted((at, p) for p, at in places_by_sentence.get(sentence["id"], [])
                              if inside(at) and (said_there is None or said_there(at - sentence["start"])))
        if reading.core_end is not None and not reading.saying:  # where the act was: the places of its core, else the first
            lo, hi = sentence["start"] + reading.start, sentence["start"] + reading.core_end
            found_places = [x for x in found_places if lo <= x[0] < hi] or found_places[:1]
        places = list(dict.fromkeys(p for _, p in found_places))
        draft = {
            "id": event_id,
            "summary": told if len(told := (sentence["subject"].strip() + " " + text if sentence.get("pred") else text))
            <= 160 else told[:157].rsplit(" ", 1)[0] + "…",  # a verb phrase's: with its subject
            "event_type": type_,
            "actors": [{"id": a, "role": "participant" if impersonal else guess_role(type_, k)}
                       for k, a in enumerate(actors)]
                      + [{"id": a, "role": "participant", "new": True} for a in new_actors],
            "places": places,
            "evidence": [evidence],
        }
        draft["_resolved"] = resolved
        if reading.core_end is not None:  # who acts and on whom: the actors of the subject and the object
            lo, hi = sentence["start"] + reading.start, sentence["start"] + reading.core_end
            shared = sentence.get("shared") or (0, 0)  # a verb phrase's: its subject's too
            core = {a for a, at in actors_by_sentence.get(sentence["id"], []) + new_by_sentence.get(sentence["id"], [])
                    if lo <= at < hi or shared[0] <= at < shared[1]}
            draft["_core"] = (core | set(referents or metonyms)) & {a["id"] for a in draft["actors"]}
        draft["_speaker"] = _speaker_key(speaker_clause) if type_ in ("statement", "announcement") else None
        draft["_collective"] = referents == []  # "the leaders": the parties, left for the curator to name
        draft["_subject"] = (_name_key(subject), bool(sentence.get("pred")))  # whose act: a verb phrase's subject
        # who acts: the registry's actors the subject names or refers to (a name no registry holds, a ship's
        # "the destroyer Kiri", is no one's), and whether it names another state's forces
        draft["_agents"] = ((set(_subject_actors(sentence, reading, who)) | set(referents or metonyms)) -
                            {a["id"] for a in draft["actors"] if a.get("new")}, eventtype.names_others(subject))
        match = _match_existing(draft, resolved, existing, text, parents, window[1] if window else None, actor_type)
        same = _same_event(out, draft, text, parents, match)
        if same is None and reading.anaphoric:
            continue  # an event named again that no draft tells
        if same is not None:  # the same event told again in one document: one more piece of evidence
            same["evidence"].append(evidence)
            known = {a["id"] for a in same["actors"]}
            same["actors"] += [a for a in draft["actors"] if a["id"] not in known]
            if same.get("_core") is not None or draft.get("_core") is not None:
                same["_core"] = (same.get("_core") or set()) | (draft.get("_core") or set())
            if same.get("_resolved") is None and resolved is not None:
                same["_resolved"] = resolved
            if match is not None and "ref" not in same:
                _make_ref(same, match)
            continue
        used_ids.add(event_id)
        if match is not None:
            _make_ref(draft, match)
        if mention is not None and not relative_to and not _background(text, at) and not sentence.get("sub"):
            last_dated = (draft.get("ref") or event_id, resolved)
        out.append(draft)
    for d in out:
        core = d.pop("_core", None)
        if core or d.get("_collective") and d.get("event_type") == "statement" and core is not None:
            # the draft names its participants (a collective's words: the parties, whom the
            # curator names); every actor named still served to match it
            d["actors"] = [a for a in d["actors"] if a["id"] in core]
            if d.get("event_type") == "statement" and d["actors"]:
                d["actors"][0]["role"] = "speaker"
        for key in ("_resolved", "_speaker", "_collective", "_subject", "_agents", "_type", "event_type", "summary",
                    "places", "id") if "ref" in d else ("_resolved", "_speaker", "_collective", "_subject", "_agents"):
            d.pop(key, None)
    return out


# "..., shortly after Chinese and Russian militaries flew bombers together toward Tokyo": an event
# told inside another's sentence, in a clause of its own that has a subject and a past verb ("since
# President Trump took office on January 20"), or a gerund of an event verb ("after meeting Japan's
# negotiator, Ryosei Akazawa, at the White House"). A period inside the sentence is an
# abbreviation's ("Sept. 27", "U.S."), not the clause's end.
SUBORDINATE = re.compile(r"\b(?:(?:shortly|soon|just|days|weeks|months|hours|a day|a week|"
                         r"less than (?:a|two|three) (?:days?|weeks?|months?)) )?(?:after|before|following|since) "
                         r"(?P<clause>(?:[^,;:.]|\.(?!\s*$)){12,160})", re.I)
GERUND = re.compile(r"\b(?:after|before|since|while) (?P<clause>(?P<verb>[a-z]{3,}ing) [^;]{6,200}?)(?=[;.]?\s*$|;)",
                    re.I)
# gerunds whose past form the lexicon does not type as the act they tell ("after talking with")
GERUND_TYPES = {"talking": "meeting"}


# light verbs, whose gerund tells an act only with an event noun or an office as object ("taking
# office", "holding talks"), not with any object ("holding the agriculture portfolio")
LIGHT_GERUNDS = frozenset("taking holding making giving keeping having getting doing putting".split())
OFFICE_HEAD = re.compile(r"\b(?:office|power|command|helm|oath)$", re.I)


def _gerund_reading(m) -> "eventtype.Reading | None":
    """The reading of a gerund clause: its verb read as a past form with its object ("taking office"
    as "took office": an appointment)."""
    verb = m.group("verb").lower()
    read = eventtype.complement_type(m.group("clause"))
    if read is not None and (read.saying or read.type == "statement"):
        return None  # "after saying Japan would not ...": the main clause's speaker's words, told there
    if read is not None and verb in LIGHT_GERUNDS:
        head = " ".join(eventtype._head(m.group("clause")[len(verb):].lstrip()))
        if not (eventtype.noun_type(head) or OFFICE_HEAD.search(head)):
            read = None  # "while holding the agriculture portfolio", "after taking a hard line": no act of a day
    kind = read.type if read is not None else GERUND_TYPES.get(verb)
    if kind is None:
        return None
    return eventtype.Reading(kind, verb=m.group("verb"), verb_at=0, start=0, end=len(m.group("clause")))


# A noun with a clause of its own that ends in a date: "the goal set in December 2022" (a participle:
# the noun is what was done), "the carrier, which left Yokosuka in May" (a relative: the noun did it)
REDUCED_RELATIVE = re.compile(r"(?P<head>\b(?:the|a|an|its|their)\s+(?:[\w’'-]+\s+){0,2}?[a-z][\w’'-]*)\s+"
                              r"(?P<verb>[a-z]+)\s+(?P<mid>(?:[\w’'-]+\s+){0,4}?)$")
RELATIVE_CLAUSE = re.compile(r"(?P<head>\b(?:the|a|an|its|their)\s+(?:[\w’'.-]+\s+){0,3}?[\w’'.-]+),?\s+(?P<rel>which|who|that)\s+"
                             r"(?P<verb>[a-z]+)\s+(?P<mid>(?:[\w’'-]+\s+){0,4}?)$")


def _dated_relatives(text: str):
    """``(start, end, reading)`` of each noun qualified by a clause of its own that closes with a
    date phrase and reports an event the lexicon types: a past participle after the noun ("the
    goal set in December 2022": read as "set the goal in December 2022") or a relative clause
    ("the carrier, which left Yokosuka in May": read as "the carrier left ..."; one opened by "that"
    only when it tells the event its head noun names: "the official visit that began on October 14"), one at a time: the
    noun and its clause are searched in the RELATIVE_WINDOW characters before the date, not the
    whole sentence before it (a hostile sentence of many dates is not searched quadratically)."""
    for m in dates.find_dates(text):
        end = m.start + len(m.phrase)
        for rx, passive in ((REDUCED_RELATIVE, True), (RELATIVE_CLAUSE, False)):
            r = rx.search(text, max(0, m.start - RELATIVE_WINDOW), m.start)
            if r is None or not (tense.past_form(r.group("verb")) or r.group("verb") in tense.PARTICIPLES):
                continue
            head, verb, mid = r.group("head"), r.group("verb"), r.group("mid")
            if passive and (head.split()[-1] in tense.PARTICIPLES or tense.past_form(head.split()[-1])
                            or head.split()[-1] in ("that", "which", "who")):
                continue  # "the report that claimed ...": a relative clause, no participle after its noun
            clause = f"{verb} {head} {mid}{m.phrase}" if passive else f"{head} {verb} {mid}{m.phrase}"
            reading = eventtype.read(clause)
            if reading.type in (None, "other"):
                continue
            if not passive and r.group("rel") == "that" and \
                    (reading.saying or reading.type != eventtype._head_noun_type(head)):
                continue  # "the plan that called for ...", "the statement that followed the talks": no event of the head's
            at = r.start("verb") - r.start("head")
            yield r.start("head"), end, eventtype.Reading(reading.type, verb=verb, verb_at=at, start=0,
                                                           end=end - r.start("head"))
            break


RELATIVE_WINDOW = 400  # a noun of up to four words and a clause of up to six before the date: far less


def _unit(sentence: dict, start: int, text: str, reading, kind: str) -> dict:
    return {"id": sentence["id"], "text": text, "start": sentence["start"] + start,
            "end": sentence["start"] + start + len(text), "spans": None, kind: True, "reading": reading}


def _quoted(unit: dict, doc_text: str) -> dict:
    """The evidence's quote of ``unit``: its words, and for a part of a sentence the words before it
    from its subject on (``prefix``), which tell apart a verb phrase said twice in a document
    (", and attended a welcome ceremony." after two ministers' visits)."""
    lead_from = unit.get("lead_from")
    if lead_from is None or lead_from >= unit["start"]:
        return {"quote": unit["text"]}
    lead = doc_text[max(lead_from, unit["start"] - PREFIX_MAX):unit["start"]]
    if unit["start"] - lead_from > PREFIX_MAX and " " in lead:
        lead = lead[lead.index(" ") + 1:]  # whole words
    return {"quote": unit["text"], "prefix": lead.strip()} if lead.strip() else {"quote": unit["text"]}


PREFIX_MAX = 240


def _name_key(subject: str) -> str | None:
    """The last name in a subject ("Defense Minister Gen Nakatani" -> "nakatani"), None when it names
    no one by name ("The four ministers", "it")."""
    names = [w for w in re.findall(r"\b[A-Z][\w’'-]*", subject) if w.lower() not in eventtype.DETERMINERS]
    return names[-1].lower() if names else None


def _units(sentences):
    """The sentences, each read for its main clause (:mod:`eventtype`) and followed by the events
    told in its subordinate clauses ("shortly after X flew bombers"): a clause with a past verb
    after its first word, so that "after the talks" (a noun) is not one, or a gerund of an event
    verb. A sentence whose date belongs to a postposed attribution (", the minister said on
    Wednesday") while its main clause tells another kind of event is two units, the event and
    the statement. A unit keeps its sentence's id and says where it starts; ``inner`` holds the
    spans of its subordinate clauses, whose dates are theirs."""
    for sentence in sentences:
        if sentence["spans"]:
            yield sentence
            continue
        text = sentence["text"]
        subs = []
        for m in SUBORDINATE.finditer(text):
            if len(subs) >= MAX_PARTS:
                break  # a hostile sentence of a thousand "after" clauses is read a few times, not once per clause
            clause = m.group("clause").rstrip(" .")
            words = clause.split()
            if len(words) < 3 or not any(tense.past_form(w) for w in words[1:]):
                continue
            reading = eventtype.read(clause)
            subs.append(_unit(sentence, m.start("clause"), clause, reading, "sub"))
        for m in GERUND.finditer(text):
            if len(subs) >= MAX_PARTS:
                break
            reading = _gerund_reading(m)
            if reading is not None:
                clause = m.group("clause")
                if not text[:m.start()].strip(" \"“"):  # fronted ("Since taking office, Yoon has sought"): to its comma
                    clause = clause.split(",", 1)[0]
                    reading = dataclasses.replace(reading, end=len(clause))
                subs.append(dict(_unit(sentence, m.start("clause"), clause.rstrip(" ."), reading, "sub"), reported=True))
        told = len(subs)
        for start, end, reading in _dated_relatives(text):
            if len(subs) >= MAX_PARTS:
                break
            if not any(u["start"] - sentence["start"] <= start < u["end"] - sentence["start"] for u in subs[:told]):
                subs.append(_unit(sentence, start, text[start:end], reading, "sub"))
        reading = eventtype.read(text)
        att = reading.attribution
        content = text[:att[0]].rstrip(" ,") if att else ""
        lead = eventtype._skip_fronted(content, 0) if att else 0
        told = eventtype.read(content[lead:]) if att else None
        if att and reading.type not in (None, "other", "statement") and \
                (dates.find_dates(text[att[0]:att[1]]) or OCCASION.search(text, att[0], att[1])) and \
                all(u["start"] - sentence["start"] >= att[1] for u in subs) and \
                _done(content[lead:], told, dated=bool(dates.find_dates(text[att[0]:att[1]]))):
            # words said on an occasion of their own (a date, "told reporters"): the act and the statement
            yield dict(_unit(sentence, lead, content[lead:], told, "part"), reported=True)
            yield _unit(sentence, att[0], text[att[0]:att[1]], eventtype.read(text[att[0]:att[1]]), "part")
            yield from subs  # events told after the attribution (", the first since X agreed the plan in 2012")
            continue
        parts = _parts(text, reading) if not subs else ()
        if parts:  # "On June 13 he signed an order, and the companies signed a pact": two acts
            for start, end, part_reading, shared in parts:
                unit = _unit(sentence, start, text[start:end], part_reading, "part")
                # the words before a part in its sentence, from the subject it shares: its quote's prefix
                unit["lead_from"] = sentence["start"] + (shared[0] if shared is not None else 0)
                if shared is not None:  # a predicate of the subject before: its subject's words are the part's
                    unit.update(pred=True, shared=(sentence["start"] + shared[0], sentence["start"] + shared[1]),
                                subject=text[shared[0]:shared[1]])
                yield unit
            continue
        inner = tuple((u["start"] - sentence["start"], u["end"] - sentence["start"]) for u in subs)
        yield dict(sentence, reading=reading, inner=inner)
        yield from subs


# ", and" before a clause of its own: a subject (a name, or a noun with its determiner) and a verb
# (or a date of its own before the subject: ", and in May 2024 the ministers met", ", and on the same day, the cabinet")
COORDINATE = re.compile(r",\s+and\s+(?=(?:the|its|their|his|her|it|they|he|she)\b|[A-Z]|(?P<dated>(?:in|on|at|during|by|"
                        r"from|since|until|early|late|later|last|this|that|two|three|four|five|six|a|one)\s))")
# verbs that end or carry on the event told before them: a dated clause of one of these is its later stage
STAGE_VERBS = frozenset("concluded ended wrapped finished completed closed continued resumed".split())
CLAUSE_END = re.compile(r",\s+and\b|;")
CLAUSE_WINDOW = 400
# ", and" before a verb phrase of the subject before it (", and agreed to ..."), or the comma of a series
# of them (", reaffirmed ..., and agreed ...")
AND = re.compile(r"(?:(?P<comma>,)\s+(?P<serial>(?!and\b))|(?P<comma2>,)?\s+and\s+)"
                 r"(?:(?:also|then|later|subsequently|jointly|separately)\s+)?(?P<verb>[\w’'-]+)")
# the last of a series of verb phrases (", reaffirmed ..., and agreed ..."): what makes a comma before
# a past verb a conjunction, not an apposition or a participle (", held in Tokyo last month,")
LAST_OF_SERIES = re.compile(r",\s+and\s+(?:(?:also|then|later|subsequently|jointly|separately)\s+)?[a-z]+ed\b")
BY = re.compile(r"\s+by\b")  # ", and backed by": a participle
NOT_CONJUNCT = frozenset("had has have was were is are did does do been being got".split())
NOT_INFINITIVE = eventtype.DETERMINERS | eventtype.PREPOSITIONS | frozenset(
    "other all each both some many those what be".split())


def _conjunct(text: str, reading, m, in_series: bool = False):
    """``(start, reading)`` of the verb phrase of the same subject that the ", and" or the comma of
    a series (", reaffirmed ..., and agreed ...") at ``m`` opens after the verb of ``reading`` (in
    ``text``'s offsets); None when it opens none. Not a list of objects ("expand X, Y and Z"), an auxiliary
    ("has approved and will submit"), a participle (", held in Tokyo last month,", ", backed by"),
    a verb joined with no comma ("met in Washington and launched": one act told, as the gold sets
    read it), nor what came of talks (a meeting's ", and agreed to meet again")."""
    verb_end = reading.verb_at + len(reading.verb or "")
    between = text[verb_end:m.start()]
    comma = m.group("comma") or m.group("comma2")
    if m.group("serial") is not None:  # ", reaffirmed their ... , and agreed": a series, never a participle
        after = text[m.end():m.end() + 40].split()
        nxt = after[0].lower() if after else ""
        if (nxt in eventtype.PREPOSITIONS and nxt != "to") or (nxt == "to" and (
                len(after) < 2 or after[1].lower() in NOT_INFINITIVE or not after[1].islower())) or \
                not LAST_OF_SERIES.search(text, m.end(), m.end() + CLAUSE_WINDOW):
            return None
    verb = m.group("verb")
    if not between.strip() or not verb.islower() or verb in NOT_CONJUNCT or not tense.past_form(verb) or not eventtype.known_verb(verb) or \
            BY.match(text, m.end()):
        return None
    if not comma or reading.type in ("meeting", "call") and not in_series:
        # "met in Washington and launched an initiative", "flew ... and struck a target": one act told; what
        # came of talks (", and agreed to meet again") is told as part of them
        return None
    k = m.start("verb")
    stop = CLAUSE_END.search(text, m.end(), m.end() + CLAUSE_WINDOW)
    second = eventtype.read(text[k:stop.start() if stop else m.end() + CLAUSE_WINDOW])
    if second.verb_at != 0 or second.type in (None, "other"):  # an act the lexicon does not type stays told
        return None
    return k, second


# the most acts one sentence is cut into: a readout's series has a handful; past that the rest is the
# last part's (a hostile "..., and urged restraint" repeated is read a few times, not once per comma)
MAX_PARTS = 12


def _parts(text: str, reading) -> list:
    """``(start, end, reading, shared subject span or None)`` of each act of a sentence whose main
    clause is joined to more: by ", and" to a clause with a subject of its own ("..., and the
    companies signed a national security agreement", see :func:`_coordinated`), or by ", and" to a
    verb phrase of its subject (", affirmed ..., and agreed to hold ...", see :func:`_conjunct`);
    each part typed by its own verb and object, its reading in its own offsets, words said by one
    speaker one part. No parts (empty) for a sentence of one act."""
    cuts = []  # (end of the part before, start of the next, its reading, the subject it shares or None)
    r, subject = reading, (reading.start, reading.verb_at)
    while r.verb_at is not None and len(cuts) < MAX_PARTS:
        joined = None
        verb_end = r.verb_at + len(r.verb or "")
        for m in AND.finditer(text, verb_end):
            if m.start() - verb_end > CLAUSE_WINDOW:
                break  # a verb phrase of its own is read a few hundred characters from the verb before
            clause = _coordinated(text, m.start()) if m.group("comma2") else None
            if clause is not None:
                joined = (m.start(), clause[0], clause[1], None)
                break
            # a meeting that is itself one of a series (", met X, and signed ..."): the last ", and" is the
            # series', not what came of the talks
            found = _conjunct(text, r, m, in_series=bool(cuts) and cuts[-1][3] is not None and
                              text[cuts[-1][0]:cuts[-1][1]].strip() == ",")
            if found is not None:
                joined = (m.start(), found[0], found[1], subject)
                break
        if joined is None:
            break
        cuts.append(joined)
        r = eventtype.shifted(dataclasses.replace(joined[2]), joined[1])  # the next verb, in the sentence's offsets
        if joined[3] is None:
            subject = (r.start, r.verb_at)
    if not cuts:
        return []
    first = text[:cuts[0][0]]
    head = eventtype.read(first)
    out = [(0, len(first), head, None)]
    for n, (_, start, part_reading, shared) in enumerate(cuts):
        end = cuts[n + 1][0] if n + 1 < len(cuts) else len(text.rstrip())
        if shared is not None and part_reading.verb_at is not None and eventtype.joint_commitment(
                part_reading.verb, text[shared[0]:shared[1]], text[start + part_reading.verb_at + len(part_reading.verb):end]):
            # ", and affirmed their intention to build ...": what the parties the subject names agreed on
            part_reading = dataclasses.replace(part_reading, type="agreement", saying=False)
        if shared is not None and part_reading.type == out[-1][2].type == "statement":
            # more words said by the speaker just told (", and urged restraint"): one statement
            before = out.pop()  # offsets only: the part's words are sliced once, by the caller
            out.append((before[0], end, dataclasses.replace(before[2], end=end - before[0]), before[3]))
            continue
        out.append((start, end, part_reading, shared))
    return out if len(out) > 1 else []


def _coordinated(text: str, at: int) -> tuple | None:
    """``(start, reading)`` of a main clause joined to the one before by the ", and" at ``at``, with
    a subject of its own of a few words and a verb of the lexicon that reports an event ("..., and
    the companies signed a national security agreement", "..., and it entered into force"); None
    when it is not one."""
    m = COORDINATE.match(text, at)
    if m is None:
        return None
    # the clause alone: up to the next ", and" or ";" (the sentence's end), at most a few hundred characters
    stop = CLAUSE_END.search(text, m.end(), m.end() + CLAUSE_WINDOW)
    clause = text[m.end():stop.start() if stop else m.end() + CLAUSE_WINDOW]
    second = eventtype.read(clause)
    subject = clause[second.start:second.verb_at] if second.verb_at is not None else ""
    own_date = _date_lead(clause[:second.verb_at] if second.start == 0 else clause[:second.start])
    if second.start == 0:
        subject = subject[own_date:]  # "in May 2024 the ministers": the date, then the subject
    if (second.start or m.group("dated")) and not own_date:
        return None  # ", and in May with the same crews": no clause of its own after a date
    if own_date and (second.verb or "").lower() in STAGE_VERBS:
        return None  # ", and on June 10 the units concluded the drills": the first event's later stage
    if second.type not in (None, "other") and eventtype.known_verb(second.verb) and \
            0 < len(subject.split()) <= 6 and "," not in subject and not second.anaphoric:
        return m.end(), second
    return None


_DATE_TAIL = re.compile(r"\s*,?\s*")


def _date_lead(words: str) -> int:
    """The length of the date phrase that opens ``words`` with its comma ("in May 2024 ", "the next
    day, "), 0 when none opens them."""
    found = dates.find_dates(words[:80])
    if not found or found[0].start != 0:
        return 0
    return _DATE_TAIL.match(words, found[0].end).end()


def _inside(unit: dict):
    """Whether a document offset is in ``unit`` (a whole sentence holds all of its own)."""
    if not (unit.get("sub") or unit.get("part")) or unit.get("pred"):
        return lambda at: True  # a verb phrase of a subject: its sentence's (its core says whose act it is)
    return lambda at: unit["start"] <= at < unit["end"]


# Verbs of saying that report words said in passing: a statement drafted only with a date of its
# own, else told again as more evidence of its speaker's statement.
PLAIN_SAYING = frozenset("said says told tells added adds noted notes stated states wrote explained "
                         "commented remarked observed recalled argued claimed suggested".split())
PRONOUN = re.compile(r"\s*(?:he|she|they|we|i)\b", re.I)
# The occasion of words said ("told reporters", "told a news conference", "stated"): a statement
# made in public, an event of its own even with no date, where a bare "said" reports words said in passing
OCCASION = re.compile(r"\b(?:told (?:\w+ ){0,2}(?:reporters|journalists|the press|(?:news|press) conferences?|"
                      r"briefings?|parliament|the Diet|lawmakers|Congress)|stated|(?:said|spoke) (?:at|in) (?:a|an|the|his|her) "
                      r"(?:\w+ ){0,2}(?:statement|speech|briefing|news conference|press conference|interview))\b")
# A subject that names the parties of the document's event without their names
COLLECTIVE = re.compile(r"\b(?:the|both) (?:two |three |four )?(?:leaders|ministers|sides|governments|"
                        r"delegations|foreign ministers|defen[cs]e ministers)\b", re.I)


SUBJECT_PRONOUN = re.compile(r"(?:^|[\s,”\"])(?P<pronoun>he|she|it|they)\s*$", re.I)
# "it" that refers to nothing (an expletive): before a copula or a passive of saying or knowing ("it
# was reported", "it is unclear"), "it remains", "it seems", "it took ... to", or an extraposed
# that-clause or infinitive after a verb of happening ("it emerged that")
_BE = r"(?:is|was|are|were|’s|'s|has been|had been|have been|will be|would be|could be|may be|might be|remains|remained)"
EXPLETIVE = re.compile(
    rf"it\s+(?:{_BE}\s+(?:(?:also|not|now|still|widely|not yet|too)\s+)*(?:reported|said|announced|claimed|believed|"
    r"thought|understood|known|expected|feared|hoped|alleged|estimated|rumou?red|learned|learnt|confirmed|noted|stated|"
    r"decided|agreed|argued|assumed|unclear|clear|likely|unlikely|possible|impossible|important|necessary|essential|"
    r"difficult|hard|easy|true|certain|uncertain|obvious|evident|apparent|early|time|unknown|doubtful|worth|"
    r"notable|significant|surprising|striking|telling|to be seen)\b|remains?\b|remained\b|(?:seems|seemed|appears|"
    r"appeared|emerged|happened|turned out|follows|followed|transpired)\s+(?:that|to|as if|likely)\b|"
    r"(?:took|takes|will take|would take|has taken|had taken)\b[^,;.]{0,60}?\bto\s+[a-z])", re.I)


def _expletive(text: str, at: int) -> bool:
    """Whether the "it" at ``text[at:]`` is an expletive, no pronoun for anyone read before."""
    return bool(EXPLETIVE.match(text, at))


def _capital_states(ctx, drafted=()) -> dict:
    """``{place id: state actor id}`` for the places that are their country's capital (GeoNames),
    when the registry holds the country's state: the registry's, and the ``drafted`` ones (id,
    name, country) of names no registry holds."""
    states = {}
    for a in ctx.inputs.actors.entries:
        if a.get("type") == "state" and a.get("country"):
            states.setdefault(a["country"], a["id"])
    places = [(p["id"], p.get("name"), p.get("country")) for p in ctx.inputs.places.entries] + list(drafted)
    return {ident: states[country] for ident, name, country in places
            if country in states and name and name == gazetteer.capital(country)}


# the city, not its state: a capital's own offices and people ("Seoul's mayor", "the Seoul city
# government", "Tokyo residents")
MUNICIPAL = re.compile(rf"(?:[’']s\b|\s+(?:{mentions.MUNICIPAL_NOUNS})\b)", re.I)


def _municipal(text: str, end: int) -> bool:
    """Whether the capital whose name ends at ``text[end]`` is the city: a possessive ("Seoul's
    mayor") or a capital before a municipal noun ("Tokyo residents")."""
    return bool(MUNICIPAL.match(text, end))


def _subject_actors(unit: dict, reading, who: tuple) -> list:
    """The actors the subject of ``unit``'s main clause names: ``who`` holds their (id, offset) by
    sentence (registry entries, names no registry holds, states named by their capitals)."""
    if reading.verb_at is None:
        return []
    lo, hi = unit["start"] + reading.start, unit["start"] + reading.verb_at
    return list(dict.fromkeys(a for by_sentence in who for a, at in by_sentence.get(unit["id"], []) if lo <= at < hi))


def _referents(unit: dict, reading, who: tuple, antecedent: list | None) -> list | None:
    """Who a subject that names nobody refers to: a pronoun ("it", "they", "he"), the actors the
    subject of the sentence before named (``antecedent``); a collective ("the leaders", "both
    sides"), the parties of the document's event, which the curator names ([], as is a pronoun
    that refers to a collective). None when the subject is neither, or nothing before tells who."""
    if reading.verb_at is None or unit.get("sub"):
        return None
    subject = unit["text"][reading.start:reading.verb_at]
    pronoun = SUBJECT_PRONOUN.search(subject)
    if pronoun:
        word = pronoun.group("pronoun").lower()
        if word == "it" and _expletive(unit["text"], reading.start + pronoun.start("pronoun")):
            return None  # "It took Japan two days to protest": nobody read before
        if word == "they" and antecedent and len(antecedent) < 2:
            return None  # "They" is two or more: not the one actor of the subject before
        return None if antecedent is None else list(antecedent)
    if COLLECTIVE.search(subject) and not _subject_actors(unit, reading, who):
        return []
    return None


WHERE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")  # "told reporters in (the) <place>"
WHAT_IS_SAID = re.compile(r"\b(?:that|about|over|on|to|for|with|of)\b|[“\",:;(]")  # where the words said begin


def _where_said(text: str, reading):
    """A test of whether a place at ``at`` in a statement's sentence is where the words were said
    ("told reporters in Tokyo that"): in the speaker's words before the verb or after "in" or "at"
    ahead of what is said, not a place the words are about ("expressed concern about the situation
    in the East China Sea", "said that the Indo-Pacific ..."). Where the words said begin is read
    once per sentence; each place looks at a few characters before it."""
    if reading.verb_at is None:
        return lambda at: False
    said = WHAT_IS_SAID.search(text, reading.verb_at + len(reading.verb or ""))
    begins = said.start() if said else len(text)

    def said_there(at: int) -> bool:
        return reading.start <= at < reading.verb_at or (
            at < begins and bool(WHERE_BEFORE.search(text, max(0, at - 16), at)))
    return said_there


def _impersonal(text: str, reading) -> bool:
    """Whether the subject of ``reading`` is an expletive "it" ("It was reported on June 4 that")."""
    if reading.verb_at is None:
        return False
    subject = text[reading.start:reading.verb_at]
    lead = len(subject) - len(subject.lstrip())
    return bool(re.match(r"it\b", subject[lead:], re.I)) and _expletive(text, reading.start + lead)


def _marked_act(reading) -> bool:
    """A speech act of its own (a protest, a warning, a plan stated), not words said in passing."""
    return reading.type == "announcement" or (reading.verb or "").lower() not in PLAIN_SAYING


def _pronoun(subject: str) -> bool:
    return bool(PRONOUN.match(subject)) and len(subject.split()) <= 2


# An event noun the date phrase belongs to: "the security laws of 2015", "the 2016 arbitral ruling"
NOUN_BEFORE_DATE = re.compile(r"\b(?:the|its|their|a)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z][\w-]*)\s+(?:of|in)\s*$")


def _noun_of_date(text: str, mention, prenominal_only: bool = False) -> str | None:
    """The type of the event noun a date phrase qualifies: written before it ("condemned the
    April 22 terrorist attack"), or — when the main clause reports no event — after it ("would
    collide with ... even after the security laws of 2015")."""
    k = text.find(mention.phrase)
    if k < 0:
        return None
    if re.search(r"\bthe\s*$", text[max(0, k - 5):k]) or re.match(r"the\s", mention.phrase):
        m = re.match(r"(?:\s+[a-z][\w-]*){1,3}", text[k + len(mention.phrase):])
        kind = next(filter(None, map(eventtype.noun_type, m.group().split())), None) if m else None
        if kind in ("attack", "incident", "agreement", "meeting", "visit", "exercise", "battle", "ceremony",
                    "call", "appointment"):
            return kind
    if prenominal_only:
        return None
    m = NOUN_BEFORE_DATE.search(text[max(0, k - 60):k])
    return eventtype.noun_type(m.group("noun")) if m else None


def _mask_names(text: str) -> str:
    """``text`` with every capitalised word after the first blanked out (offsets kept): the words
    of a name ("the Japan-U.S. Security Treaty") say nothing of what the sentence reports."""
    return re.sub(r"(?<=\S )[A-Z][\w’'.-]*", lambda m: "X" * len(m.group()), text)


def _speaker_key(subject: str) -> str | None:
    names = re.findall(r"\b[A-Z][a-z][\w’'-]+", subject)
    if names:
        return names[-1].lower()
    words = [w for w in subject.lower().split() if w not in ("the", "a", "an", "both", "also")]
    return " ".join(words) or None


def _named(subject: str, unit: dict, actors_by_sentence: dict, new_by_sentence: dict, actor_type: dict) -> bool:
    """Whether the subject of ``unit`` names a speaker: a registry actor that is not a state ("a
    senior Japanese official" names none) or a name no registry holds."""
    k = unit["text"].find(subject) if subject else -1
    if unit.get("pred"):  # a verb phrase of the subject before it
        lo, hi = unit["shared"]
    elif k < 0:
        return False
    else:
        lo, hi = unit["start"] + k, unit["start"] + k + len(subject)
    if re.match(r"\s*(?:an?|some|many|several|one|two|three)\s", subject) or \
            re.search(r"\b(?:officials?|sources?|analysts|experts|observers|diplomats)\b", subject, re.I):
        return False  # "a senior Japanese official", "analysts": nobody named
    return any(lo <= at < hi and actor_type.get(a) != "anonymous"
               for a, at in actors_by_sentence.get(unit["id"], [])) or \
        any(lo <= at < hi for _, at in new_by_sentence.get(unit["id"], []))


def _told_again(out: list, type_: str, subject: str, actors: list, parents: dict) -> dict | None:
    """The draft that a sentence with no date of its own tells more of: for a statement, its
    speaker's (a pronoun: the latest statement or announcement); for an event named again ("It was the first
    meeting"), the latest draft of that type."""
    kinds = [(d, d.get("_type") or d.get("event_type")) for d in out]
    if type_ == "statement":
        if _pronoun(subject):  # "he said": the words of the latest speaker drafted (of those it may refer to)
            said = [d for d, kind in reversed(kinds) if kind in ("statement", "announcement")]
            return next((d for d in said if d["actors"] and d["actors"][0]["id"] in actors),
                        None if actors or not said else said[0])
        key = _speaker_key(subject)
        for d, kind in reversed(kinds):
            if kind in ("statement", "announcement") and ((key and d.get("_speaker") == key) or (
                    actors and d["actors"] and d["actors"][0]["id"] == actors[0])):
                return d
        return None
    for d, kind in reversed(kinds):
        if kind == type_:
            return d
    return None


def _make_ref(draft: dict, match) -> None:
    """Turn ``draft`` into a reference to the existing event of ``match`` (id, why)."""
    ref_id, why = match
    draft["ref"] = ref_id
    draft["note"] = f"The same event as {ref_id}: {why}."
    draft["_type"] = draft.get("event_type")
    draft["_id"] = draft.get("id")


# A definite noun phrase naming an event ("the accord", "the visit", "this week's talks"): the
# sentence tells more of an event told before.
ANAPHOR = re.compile(r"\b(?:the|this|that|these|its|their)\s+(?:[\w'’-]+\s+){0,2}?"
                     r"(agreement|accord|pact|deal|treaty|visit|trip|talks|meeting|summit|exercises?|drills?|"
                     r"ceremony|call|launch|deployment|signing)\b", re.I)


def _background(text: str, at: int | None) -> bool:
    return at is not None and tense.background(text, at)


def _verb_group(text: str, reading) -> str:
    """The main clause up to the first break after its verb: its subject, auxiliaries, verb and
    object ("Rival jets were seen nearby"), whose tense says whether something was done."""
    at = reading.verb_at or 0
    return text[reading.start:at] + re.split(r",|\b(?:that|which|who)\b", text[at:])[0]


# a negated verb group: nothing done ("has not decided whether", "had no plans to")
NEGATED = re.compile(r"\b(?:not|never|no|neither|nor)\b|n[’']t\b", re.I)


def _done(text: str, reading, dated: bool = False) -> bool:
    """Whether ``text``, an act told before its attribution, reports an act done: not negated ("has
    not decided whether"), and, unless the attribution is dated ("have reached a deal, X said on
    Wednesday": done just before it), a past that is not perfect ("has deployed": a state of things)."""
    group = _verb_group(text, reading)
    return not NEGATED.search(group) and (dated or not reading.perfect and _past(group))


def _past(text: str) -> bool:
    """A sentence that reports something done (a past-tense verb), not a plan or a wish."""
    return bool(re.search(r"\b\w+ed\b|\b(?:met|held|took|began|chose|flew|sent|told|said|signed|stood|brought|"
                          r"spoke|left|made|set|went|won|struck|fought|rose|fell|sought|led|was|were)\b", text)
                or any(tense.past_form(w) for w in re.findall(r"[A-Za-z]+", text))) and \
        not re.search(r"\b(?:will|would|should|must|could|may|might)\b", text)


def _new_id(name: str) -> str:
    from .extract import entities

    return entities.slug(name)


def _draftable(n: dict) -> bool:
    """A name no registry holds is worth a registry draft (and may be an event's actor) unless it
    is a single word with no evidence that it names anything ("Heavy" opening a sentence)."""
    return not (len(n["name"].split()) == 1 and n["type_evidence"] == "default")


def _same_event(out: list, draft: dict, text: str, parents: dict, match) -> dict | None:
    """The draft already made of this document that ``draft`` (from sentence ``text``) tells
    again, or None. One event when: both refer to one existing event; or they are of one type,
    their dates agree (or one has none), they share an actor (for an act, not words said: or one
    names a body the other's actor belongs to, the PLA and China) and no place says otherwise; or
    ``text`` names the earlier event with a definite noun ("the accord", "the summit") and has no
    other date; or ``draft`` has no date and is of the type of the draft just before it."""
    if not out:
        return None
    resolved = draft["_resolved"]
    type_ = draft.get("event_type")

    def dates_agree(d):
        r = d.get("_resolved")
        return r is None or resolved is None or (r.date_start, r.date_end) == (resolved.date_start, resolved.date_end)

    if match is not None:
        for d in out:
            if d.get("ref") == match[0]:
                return d
    actors = {a["id"] for a in draft["actors"]}

    def same_speaker(d):  # a statement is one with another only when one speaker made both
        if draft.get("_collective") or d.get("_collective"):  # "the leaders": all of them, not the first named
            return type_ != "statement" or draft.get("_speaker") == d.get("_speaker")
        return type_ != "statement" or (draft.get("_speaker") and d.get("_speaker") == draft["_speaker"]) or (
            draft["actors"] and d["actors"] and d["actors"][0]["id"] == draft["actors"][0]["id"])

    # "the cabinet separately approved a second package", "another launch": a second act of its kind, not
    # the one told (words said "also" go on with their speaker's)
    another = type_ != "statement" and SECOND_ACT.search(text) is not None
    out = [d for d in out if not _other_subject(draft, d)]  # two named subjects' acts: two events
    if not out:
        return None
    for d in reversed(out) if not another else ():
        kind = d.get("_type") or d.get("event_type")
        theirs = {a["id"] for a in d["actors"]}
        places, their_places = set(draft.get("places") or []), set(d.get("places") or [])
        if kind == type_ and dates_agree(d) and (actors & theirs or type_ != "statement" and (
                _lineage(actors, parents) & theirs or _lineage(theirs, parents) & actors) and _refers_back(text, d)) and \
                same_speaker(d) and not (
                places and their_places and not places & their_places):
            return d
    for m in ANAPHOR.finditer(text):
        kind = eventtype.noun_type(m.group(1))  # the noun's type ("the launch": an incident), never a default
        if kind != type_:
            continue  # "announced the agreement": another event, about the one named
        for d in reversed(out):
            if (d.get("_type") or d.get("event_type")) == kind and dates_agree(d):
                return d
    last = out[-1]
    # an act with no date after the last draft of its type tells more of it; so does a drill's moment
    kind = last.get("_type") or last.get("event_type")
    if resolved is None and (kind == type_ or _drill_moment(draft, last, text)) and same_speaker(last) and \
            not another:
        return last
    return None


def _drill_moment(draft: dict, last: dict, text: str) -> bool:
    """Whether ``draft`` (from sentence ``text``), typed an incident, is a moment of the exercise
    ``last`` drafted in an earlier sentence: its subject names none but the drill's own forces ("the
    destroyer entered the strait", "the missiles struck the target"), no other state's ("North Korea
    fired two missiles", "a Russian plane violated Japanese airspace": incidents of their own), and it
    is not told within the drill's sentence ("scrambled jets after the carrier launched fighters")."""
    if draft.get("event_type") != "incident" or (last.get("_type") or last.get("event_type")) != "exercise":
        return False
    agents, others = draft.get("_agents", (set(), True))
    return not others and agents <= {a["id"] for a in last["actors"]} and \
        not any(e["quote"] in text or text.strip() in e["quote"] for e in last["evidence"])


def _other_subject(draft: dict, d: dict) -> bool:
    """Whether one of two drafts is a verb phrase of a subject (", and signed the agreement") and
    the two subjects name different people or bodies (Nakatani's signing, Iwaya's)."""
    (mine, pred), (theirs, their_pred) = draft.get("_subject", (None, False)), d.get("_subject", (None, False))
    return (pred or their_pred) and mine is not None and theirs is not None and mine != theirs


# words that put a verb phrase's act after the one its sentence dated: not on that day
LATER = re.compile(r"\b(?:later|then|afterwards?|subsequently|since|thereafter|next|following|until)\b", re.I)


# words that say a second act of its kind ("China also held drills", "separately", "another launch")
ANOTHER = re.compile(r"\b(?:also|separately|another|other|too|as well)\b", re.I)
SECOND_ACT = re.compile(r"\b(?:also|separately|another)\b", re.I)  # not "other", "too": no second act said
DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)")


def _refers_back(text: str, d: dict) -> bool:
    """Whether ``text`` tells again the act of draft ``d`` (one told of a body and then of the
    body it belongs to): a definite noun for the act ("the launch") or for a word of its object
    ("the missile", said in ``d``'s words), and no word of a second act ("also", "another")."""
    if ANOTHER.search(text):
        return False
    if ANAPHOR.search(text):
        return True
    told = set().union(*(_content_words(e.get("quote")) for e in d["evidence"]))
    return any(w in told for m in DEFINITE.finditer(text) for w in _content_words(m.group(1)))


# Words that tell no two events alike: English function words (articles, pronouns, auxiliaries,
# prepositions, conjunctions, quantifiers and number words) and the verbs of reporting. Two
# sentences sharing "our", "told", "two" or "under" share nothing of an event.
STOP = frozenset("""the a an of and or nor but to in on at for with by from as is are was were be been being
its their theirs his her hers him them this that these those it they he she we us our ours you your i me my
who whom whose which what when where why how than then there here not no so too very also only just even
has have had having do does did will would shall should can could may might must said says say told tells
added over after before into about more most less least under above between through during without within
upon onto off out up down again further once some any each every all both either neither other such own
same one two three four five six seven eight nine ten first second third many much several few""".split())


def _split(words) -> set:
    """Words with the parts of each hyphenated one ("collective-defense": collective, defense)."""
    out = set()
    for w in words:
        out.add(w)
        if "-" in w:
            out.update(p for p in w.split("-") if len(p) > 2 and p not in STOP)
    return out


def _words(text: str) -> set:
    return _split(w for w in re.findall(r"[a-z][a-z-]+", (text or "").lower()) if w not in STOP and len(w) > 2)


def _content_words(text: str) -> set:
    """The words of ``text`` written in lower case: not the words of names, which shared actors
    and places count apart ("President Donald Trump" makes no two events alike)."""
    return _split(w for w in re.findall(r"(?<![\w’'-])[a-z][a-z-]+", text or "") if w not in STOP and len(w) > 2)


def _existing_events(db_path) -> list[dict]:
    """The events of a built database (id, dates, actors, place, words of summary and evidence)."""
    if db_path is None:
        return []
    import sqlite3
    from pathlib import Path

    if not Path(db_path).is_file():
        return []
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute("select e.id, e.event_type, e.date_start, e.date_end, e.place_id, e.summary, "
                            "(select group_concat(actor_id, ' ') from event_actors a where a.event_id = e.id), "
                            "(select group_concat(quote, ' ') from event_sources s where s.event_id = e.id) "
                            "from events e").fetchall()
    finally:
        conn.close()
    return [{"id": r[0], "type": r[1], "start": r[2], "end": r[3], "place": r[4],
             "actors": set((r[6] or "").split()), "words": _words(r[5]) | _words(r[7]),
             "content": _content_words(r[5]) | _content_words(r[7])} for r in rows]


def _overlap(a_start, a_end, b_start, b_end) -> bool:
    lo_a, hi_a = a_start or "0000", (a_end or a_start or "9999") + "~"
    lo_b, hi_b = b_start or "0000", (b_end or b_start or "9999") + "~"
    return lo_a <= hi_b and lo_b <= hi_a


def _lineage(ids, parents: dict) -> set:
    """The actors ``ids`` with every body they belong to (``parent`` chains: a ministry, its
    government, its state)."""
    out: set = set()
    for a in ids:
        while a and a not in out:
            out.add(a)
            a = parents.get(a)
    return out


def _days(start: str | None, end: str | None) -> int | None:
    """How many days an event's dates span (None for an open bound)."""
    import datetime as dt

    if not start or not end:
        return None
    lo = dt.date.fromisoformat((start + "-01-01")[:10] if len(start) < 10 else start)
    hi_s = end if len(end) == 10 else (end + "-12-31")[:10] if len(end) == 4 else None
    if hi_s is None:  # a month: its last day
        y, m = int(end[:4]), int(end[5:7])
        hi = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    else:
        hi = dt.date.fromisoformat(hi_s)
    return (hi - lo).days + 1


def _closeness(resolved, e: dict) -> int:
    """How well an existing event's dates pin the draft's: 3 for the same day, 2 for dates within
    a month, 1 within a year, 0 for wider or open ones (any event of a long stretch overlaps)."""
    if resolved is None:
        return 0
    if len(resolved.date_start or "") == 10 and resolved.date_start == e["start"] == e["end"] == resolved.date_end:
        return 3
    width, own = _days(e["start"], e["end"]), _days(resolved.date_start, resolved.date_end)
    if width is None or own is None:
        return 0
    width = max(width, own)  # a draft dated to a year is pinned no closer than the year
    return 2 if width <= 31 else 1 if width <= 366 else 0


# The words of a date ("in March", "on Sunday"): evidence of when, which dates compare, not of what
DATE_WORDS = frozenset(n.lower() for n in dates.MONTH_NAMES + dates.WEEKDAY_NAMES)

def _other_party(actors: set, theirs: set, kinds: dict, related: set) -> bool:
    """Whether a draft naming ``actors`` tells of other parties than an event naming ``theirs``:
    a person it names that the event does not, where the event names other persons; bodies or
    persons it names none of which the event (naming some) names or is kin to; or states on both
    sides with none in common. A draft naming only a state is no other party to an event naming only a
    document (a state's strategy adopted)."""
    persons = {a for a in actors if kinds.get(a) == "person"}
    if persons and not persons & theirs and any(kinds.get(a) == "person" for a in theirs):
        return True
    own = {a for a in actors if kinds.get(a) != "state"}
    if own and theirs and not (own & theirs) and not related:
        return True
    states, their_states = actors - own, {a for a in theirs if kinds.get(a) == "state"}
    return bool(states and their_states and not states & their_states)


# Types of which one event may be reported as the other: talks held during a visit, a plan stated.
AKIN_TYPES = {frozenset(p) for p in (("meeting", "visit"), ("statement", "announcement"), ("budget", "policy"),
                                     ("budget", "announcement"), ("policy", "announcement"), ("budget", "statement"))}


def _match_existing(draft: dict, resolved, existing: list, text: str, parents: dict | None = None,
                    published: str | None = None, kinds: dict | None = None):
    """``(event id, why)`` of the event the dataset already holds that this draft reports, or
    None. Its dates overlap the draft's (an undated draft: it began before ``published``), and
    it shares an actor or the place, or the body an actor belongs to (``parents``: the Ministry
    of Defense and Japan) with many words in common. Of several, the one whose dates pin the
    draft's closest, with the most actors and words in common. A state both name (``kinds``: the
    actors' registry types) ties them no closer than a body they both belong to: Japan and the
    United States act in most events of the alliance. The month it falls in and its kind (or
    one akin) told in like words (two at least besides the names of months and days) tie a draft
    to an event as a shared actor would, when the draft names actors the event does not list (a
    document named for a body the event names, a body only the text names), unless they are
    another party's: a person the event does not name where it names others (another minister
    sworn in that day), a body where the event names others, or states where the event names
    other states (``_other_party``)."""
    if not existing:
        return None
    parents, kinds = parents or {}, kinds or {}
    actors = {a["id"] for a in draft.get("actors", [])}
    lineage = _lineage(actors, parents)
    places = set(draft.get("places") or [])
    words, content = _words(text), _content_words(text)
    best = None
    for e in existing:
        if resolved is not None:
            if not _overlap(resolved.date_start, resolved.date_end, e["start"], e["end"]):
                continue
            if not e["start"] and e["end"] and (resolved.date_end or resolved.date_start or "9999")[:4] < \
                    str(int(e["end"][:4]) - 1):
                continue  # an event known only to precede a recent report is no event of 1996
        elif published and (e["start"] or e["end"] or "") > published:
            continue
        shared = {a for a in actors & e["actors"] if kinds.get(a) != "state"}
        related = (lineage & _lineage(e["actors"], parents)) - shared
        same_place = bool((places | actors) & {e["place"]}) if e["place"] else False  # a state is its land too
        common = words & e["words"]
        similarity = len(common) / max(1, min(len(words), len(e["words"])))
        same_type = e["type"] == draft.get("event_type")
        akin = same_type or frozenset((e["type"], draft.get("event_type"))) in AKIN_TYPES
        close = _closeness(resolved, e)
        # the same kind of event in the same month, told in like words (two at least, not the words
        # of a date, which ``close`` counts; a document's name is such words), and not another party's:
        # no other person named, no body the draft names that the event's lack, no states both name
        # with none in common (two states' own meetings in one month)
        kindred = akin and close >= 2 and similarity >= 0.2 and len(common - DATE_WORDS) >= 2 \
            and not _other_party(actors, e["actors"], kinds, related)
        if not (shared or same_place or (related and similarity >= 0.3) or kindred or (
                not actors and same_type and close >= 2 and similarity >= 0.3)):
            continue  # a draft naming nobody: the same kind of event in the same month, told in like words
        shared_content = content & e["content"]
        if not ((similarity >= 0.2 and len(shared_content) >= 2) or kindred or (not actors and same_type and close >= 2) or
                (len(shared) >= 2 and (akin and close or shared_content)) or
                (len(shared) >= 2 and same_type) or (shared and close == 3 and (akin or shared_content)) or
                (shared and same_place and same_type)):
            continue
        if resolved is None and similarity < 0.3:
            continue
        content_similarity = len(shared_content) / max(1, min(len(content), len(e["content"])))
        score = 2 * len(shared) + bool(related) + same_place + 3 * similarity + 3 * content_similarity + \
            same_type + 0.5 * akin + close
        if best is None or score > best[0]:
            why = []
            if resolved is not None:
                why.append(f"dates overlap ({resolved.date_start or '…'}–{resolved.date_end or '…'} and "
                           f"{e['start'] or '…'}–{e['end'] or '…'})")
            else:
                why.append(f"it began before the publication ({e['start'] or e['end']})")
            if shared:
                why.append("shared actors " + ", ".join(sorted(shared)))
            elif related:
                why.append("actors of one body " + ", ".join(sorted(related)))
            if same_place:
                why.append(f"same place {e['place']}")
            why.append("words in common: " + ", ".join(sorted(common)[:6]))
            best = (score, e["id"], "; ".join(why))
    return (best[1], best[2]) if best else None


# A count of acts after a verb ("has launched dozens of missiles"): many events, no one begun
COUNT = re.compile(r"^\W*[\w-]+\s+(?:\w+\s+)?(?:dozens|hundreds|thousands|scores|several|many|numerous|"
                   r"\d[\d,]*(?!\s*(?:percent|%)))\b", re.I)


def _practice(text: str, reading) -> bool:
    """Whether the main clause is in the perfect and reports one practice ("has paid part of the
    cost"), not a count of acts: then "since 1978" says when it began."""
    return reading.perfect and reading.verb_at is not None and not COUNT.match(text[reading.verb_at:])


def _date_of_sentence(text: str, window, last_dated, inner=(), since: bool = False):
    """The first date phrase of ``text`` that resolves: ``(mention, resolved, relative_to)``,
    counted from the publication, else from the event of ``last_dated``; Nones if none does.
    A phrase inside one of the ``inner`` spans (a subordinate clause told as its own event) is
    that clause's date, not the sentence's. A stretch of time is no date, except ``since`` a
    date in a clause in the perfect (``since``: "Japan has paid ... since 1978"), which says when
    the practice it reports began."""
    later = []
    for m in dates.find_dates(text):
        if any(a <= m.start < b for a, b in inner):
            continue
        if since and re.match(r"(?i)since\b", m.phrase) and not m.kind == "duration":
            r = dates.resolve(m, window=window)
            if r is not None:
                return m, r, None
        if dates.is_duration(m) or re.match(r"(?i)(?:since|over|for|during)\b", m.phrase):
            continue  # "over the past two decades", "since 2010": a stretch of time, not when it happened
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
    return " ".join(without_marks(name).lower().split())


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


# A place's kind from the common noun its name ends with ("Jeju Island", "Oura Bay").
PLACE_HEADS = {"island": "island", "islands": "island-group", "islets": "island-group", "sea": "sea",
               "strait": "strait", "shoal": "reef", "reef": "reef", "ocean": "ocean", "peninsula": "peninsula",
               "prefecture": "admin-area", "province": "admin-area", "county": "admin-area", "state": "admin-area",
               "district": "district", "bay": "maritime-feature", "gulf": "maritime-feature",
               "harbor": "maritime-feature", "harbour": "maritime-feature", "airport": "facility",
               "port": "facility", "base": "facility", "camp": "facility", "fort": "facility"}


def place_type(name: str) -> str:
    """The registry type of a drafted place the gazetteer does not know, from its head noun
    (the last word, or the first: "Camp David"); "region" when neither says."""
    words = name.lower().split()
    return PLACE_HEADS.get(words[-1]) or PLACE_HEADS.get(words[0]) or "region"


def cited_title_spans(text: str):
    """A test of whether ``text[start:end]`` lies in the title or the place of publication of the
    reference its line holds (the note's line, read by the reference parser once per line)."""
    from .citations import parse_reference

    lines: dict = {}

    def spans_of(a: int, b: int) -> list:
        if a not in lines:
            rec, line, out = parse_reference(text[a:b]), text[a:b], []
            for key in ("title", "publisher_place"):
                value = rec.get(key)
                k = line.find(value) if value else -1
                if k >= 0:
                    out.append((a + k, a + k + len(value)))
            lines[a] = out
        return lines[a]

    def cited(start: int, end: int) -> bool:
        a = text.rfind("\n", 0, start) + 1
        b = text.find("\n", end)
        return any(s <= start and end <= e for s, e in spans_of(a, len(text) if b < 0 else b))

    return cited


def registry_drafts(doc, seg, found: dict, ctx) -> tuple[list, list, list]:
    """Registry entries for the names no registry holds (the document's entity candidates, see
    extract/entities.py): actors in actors.yml form, and places with GeoNames coordinates in
    places.yml form, each ``reviewed: false``; a place the gazetteer does not know is listed
    for the curator, who gives its coordinates. Short forms the document uses are aliases."""
    from .extract import entities

    taken = {e["id"] for e in ctx.inputs.actors.entries} | {e["id"] for e in ctx.inputs.places.entries}
    by_name: dict = {}
    cited = cited_title_spans(doc.text)
    for n in seg.names:
        if n.get("region") in ("footnote", "reference") and cited(n["start"], n["end"]):
            continue  # words of a cited work's title, or where it was published: no entity of the text
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
        if cid in taken or not _draftable(best):
            continue  # a word with no evidence that it names anything: left to the unmatched report
        note = (f"Drafted by alliance-record from {doc.source_file}: {len(ns)} mention(s); "
                f"type from {best['type_evidence']}.")
        if type_ in ("place", "state") and best.get("latitude") is not None:
            places.append({"id": cid, "name": name, "reviewed": False, "type": "city", "latitude": round(best["latitude"], 4),
                           "longitude": round(best["longitude"], 4), "geo_precision": "point",
                           "country": best.get("country"), "geonames": best.get("geonames"), "wikidata": None,
                           "description": note, "aliases": sorted(entry["aliases"])})
            continue
        if type_ == "place":  # drafted all the same: the curator gives the coordinates
            unplaced.append(name)
            places.append({"id": cid, "name": name, "reviewed": False, "type": place_type(name),
                           "latitude": None, "longitude": None, "geo_precision": None,
                           "country": best.get("country"), "geonames": None, "wikidata": None,
                           "description": note[:-1] + "; no coordinates in the gazetteer.",
                           "aliases": sorted(entry["aliases"])})
            continue
        actors.append({"id": cid, "name": name, "reviewed": False,
                       "type": type_ if type_ in ACTOR_TYPES_OK else "organization",
                       "country": best.get("country"), "wikidata": None, "description": note, "parent": None,
                       "aliases": sorted(entry["aliases"]), "roles": []})
    return actors, places, unplaced


def drafts(doc, ctx, events_db=None, new_entities: bool = True) -> Drafts:
    """Draft the curation of ``doc``: events, recommendations and registry entries.

    ``events_db``: a built database whose events a draft may be the same as (``ref:``).
    ``new_entities``: events may name the drafted registry entries (when those are written too,
    as ``add`` does); otherwise they name registry entries only, so the annotation file validates
    on its own."""
    seg = segment.segment(doc)
    out = Drafts(stem=doc.stem)
    events = candidate_events(doc, seg, ctx, events_db)
    found = mentions.extract(doc, seg, seg.rows(), ctx)
    out.actors, out.places, out.unplaced = registry_drafts(doc, seg, found, ctx)
    drafted = {a["id"] for a in out.actors} if new_entities else set()
    drafted_places = {p["id"] for p in out.places} if new_entities else set()
    known_places = {p["id"] for p in ctx.inputs.places.entries} | drafted_places
    for ev in events:
        ev["actors"] = [{k: v for k, v in a.items() if k != "new"} for a in ev.get("actors", [])
                        if not a.get("new") or a["id"] in drafted]
        if "places" in ev:
            ev["places"] = [p for p in ev["places"] if p in known_places]
        if ev.get("ref"):
            ev.pop("_id", None)
            out.events.append({"ref": ev.pop("ref"), "reviewed": False, **ev})
        else:
            out.events.append({"id": ev.pop("id"), "reviewed": False, **ev})
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


def draft(doc, ctx, events_db=None) -> str:
    """The YAML text of a draft annotation file for ``doc`` (``events_db``: see :func:`drafts`)."""
    return annotation_yaml(drafts(doc, ctx, events_db=events_db, new_entities=False), doc)
