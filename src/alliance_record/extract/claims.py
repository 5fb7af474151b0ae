"""Claims: quotations, quantities and recommendations as rows, with curated overrides applied.

The detectors (:mod:`.quotations`, :mod:`.quantities`, :mod:`.recommendations`) work on plain
text; this module runs them over the right parts of a document, maps their offsets back to
``documents.text``, ties them to actors through the mentions already found, and applies what the
document's annotation file says:

* quotations — body paragraphs only (quoted titles in footnotes and references are not
  quotations). A speaker named by the attribution cue is the actor mentioned there, or each of
  them ("Tanaka and Suzuki told"); "he", "she" or "it" ("he declared") is what the discourse
  model of :mod:`.referents` binds it to — the most salient person (or, for "it", body) that
  agrees in gender, skipping persons named only inside quotations, and nobody when two persons
  of unknown gender named in one sentence score alike; a plural one ("they expressed") is the
  people named before it in its sentence, else in the sentence before, when there are two or
  more, else the actors joined by "and" that open their clause there ("Japan and the
  Philippines … They"); a person's possessive right before the marks (Trump’s “America First” policy) makes
  the phrase theirs, a state's or an organisation's (Japan’s “quasi-ally”) does not. A phrase
  with no name stands for what was named before it ("reference"): "Its
  foreign ministry", "its coast guard" for the one government body or military unit of the last
  state mentioned (a child of the state, or of its country) with a registry name whose words, less
  any state's name, are the phrase's ("its cabinet" is none), else the state,
  "the ministers" for the actor of the last
  "ministers of <actor>", "the minister" for the one person in the last 2,000 characters titled so
  (several, none of another country: the one of them who spoke last — a main clause's subject with
  a verb of saying in the last sentences, "Kishida said Japan stood by the statement of Prime
  Minister Keizo Obuchi … the prime minister said" — unless the registry dates that role away from
  the publication date or their sentence looks back to an earlier year; else
  no one, the phrase is the label, unless the role's registry dates leave one of them at
  the date the story has reached; no one as well when a person of the role is
  introduced without a name after the holder, "A spokesperson for the ministry rejected … The
  spokesperson added"; a prime
  minister is not "the minister", a "former" or "deputy" one not "the prime minister"; before the
  name, in an apposition after it or a noun phrase headed by the role that opens its sentence in
  apposition before it ("Japan's ambassador to Manila, Kazuya Endo,"), or in a registry role;
  "the prime minister", "the defense minister" with the
  title's other words too; an abbreviated title — "Gov.", "Sen.", "Lt. Gen." — read as its role, a
  role's other words — "the envoy", "the defense chief" — as the role, an age ignored, and a
  country — "the U.S. defense secretary", "Japan's defense minister" — only for a person known to be
  of it, by a country word in the title or apposition or the registry's country); a passive verb of
  saying ("was asked by") is no cue; a phrase headed by a role is a person, never the state its words name; an
  indefinite "a senior … official", "a retired … admiral" is an unnamed person, not the body its
  words mention; a quotation set out after a paragraph ending with a colon takes that colon's
  sentence's cue. A person no registry holds is named by the label (the name, when a title
  continuation finds it), not linked. A curated ``quotations:``
  entry (matched by the start of the quoted words) sets the speaker (``speaker``), the speakers
  (``speakers``) or rejects the detection; its ``speaker_label`` names them, else the cue's words
  when they name the same speakers (or no registry actor), else the sentence's mention of each
  curated speaker, else its registry name. Every speaker is a ``quotation_speakers`` row and in
  ``speaker_ids``; ``speaker_id`` is set when there is exactly one. Unattributed scare quotes
  ("the “core”") are not quotations, but nothing detected vanishes: every span between
  quotation marks is a ``quotation_candidates`` row, a quotation or discarded with a reason.
* turns — a press conference's or briefing's transcript (:func:`.quotations.transcript`: lines
  opening with speaker labels, "MR. HAYASHI:", "Q (Ryukyu Shimpo):", "MODERATOR:") carries its
  speech without quotation marks: each labelled turn is a quotation of kind ``turn``, one row per
  body paragraph of the turn (its ``turn`` number shared, ``turn_label`` the label as written),
  spanning the whole of the turn's words in that paragraph, the label left out — the whole answer
  is what a reader querying quotations wants (a first sentence would cut answers in half), and a
  row per paragraph keeps each row in one paragraph and one offset range. The speaker is read from
  the label (:func:`_turn_speaker`); a reporter's, a moderator's or staff's label is no one named.
  Quotations in marks inside a turn stay rows of their own (``nested_in_id`` the turn's row; the
  speaker their cue names), and a first-person "I said … “…”" in a turn is the turn's speaker.
* quantities — body paragraphs, footnotes and captions. The subject is the actor mentioned
  inside the quantity ("50,000 U.S. troops"), else the nearest actor mentioned before it in the
  same sentence; a curated ``quantities:`` entry sets the subject or rejects the detection.
* recommendations — curated (``recommendations:``), each quote located like event evidence;
  the recommendation finder's candidates are recorded too, each either matched to a curated
  recommendation, rejected with the curator's reason, or ``uncurated``. The other way round,
  each recommendation records the candidate that flags it (``candidate_id``) or the curator's
  ``finder_miss`` reason why the finder cannot (a test keeps both lists of loose ends empty, so
  neither side drifts silently; a ``finder_miss`` on a recommendation the finder does flag is
  an error).

A curated entry that matches nothing is an error: overrides cannot rot unnoticed.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict

from .. import dates
from ..curate import publication_window, reviewed
from ..curate.annotations import QuoteNotFound, locate
from ..errors import InputError
from ..numbers import currency_word, human_number
from ..segment import BULLET, ROMAN_ITEM, regions
from ._text import simple_sentence_bounds
from . import footnotes as footnotes_mod
from . import quantities as quantities_mod
from . import quotations as quotations_mod
from . import recommendations as recommendations_mod
from . import referents as referents_mod
from .entities import GENERATIONAL, TITLE_WORDS
from .entities import _fold as fold_accents
from .quotations import TITLE_OF

PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}
PLURAL_PRONOUNS = {"they", "we", "them"}
RESOLVED = {"he", "she", "him", "her", "it"}  # the pronouns the discourse model resolves
SPEAKER_TYPES = ("person", "anonymous")
COORDINATION = re.compile(r"\s(?:and|&)\s")
# between two actors of a list: ", ", " and ", ", and the "
COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?|\s*,\s*(?:the\s+)?", re.I)
SCARE_QUOTE = ("a short phrase in quotation marks that no one in its sentence is said to speak: a term, "
               "a name or a word used at a distance (a scare quote), not someone's words")
OWNER_NOT_PERSON = ("a short phrase in quotation marks after the possessive of a state or an organisation "
                    "(Japan’s “quasi-ally”): it names a relation, not words someone said")


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
    """The sentence row around a document offset, by bisection (the rows are in document order;
    the starts are listed once per segmentation)."""
    index = seg.__dict__.get("_sentence_starts")
    if index is None or index[0] is not seg.sentences or index[1] != len(seg.sentences):
        index = seg.__dict__["_sentence_starts"] = (seg.sentences, len(seg.sentences),
                                                    [s["start"] for s in seg.sentences])
    k = bisect.bisect_right(index[2], doc_offset) - 1
    while k >= 0:  # the last sentence starting at or before the offset, or one before it that holds it
        s = seg.sentences[k]
        if s["start"] <= doc_offset < s["end"]:
            return s
        if k == 0 or seg.sentences[k - 1]["end"] <= s["start"]:
            return None
        k -= 1
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
    out = {"quotations": [], "quotation_speakers": [], "quotation_candidates": [], "quantities": [],
           "recommendations": [], "recommendation_addressees": [], "recommendation_candidates": []}
    errors = []
    names = {a["id"]: a["name"] for a in ctx.inputs.actors.entries}
    roles = {a["id"]: [r["title"] for r in a.get("roles") or [] if r.get("title")] for a in ctx.inputs.actors.entries}
    # each registry role's dates, to choose between several registry holders of a role (see
    # _story_date)
    spans = {a["id"]: [(r["title"], *_role_span(r)) for r in a.get("roles") or [] if r.get("title")]
             for a in ctx.inputs.actors.entries}
    demonyms = {d: a["id"] for a in ctx.inputs.actors.entries for d in a.get("demonyms") or []}
    # the words that say a person's country in a title ("Japanese", "U.S.", "Australia's")
    nations = {**{n: a["id"] for a in ctx.inputs.actors.entries if a["type"] == "state"
                  for n in [a["name"], *(a.get("aliases") or [])]}, **demonyms}
    country_of = {a["id"]: a.get("country") for a in ctx.inputs.actors.entries if a.get("country")}
    # the government bodies and military units of each state in the registry (its children, or of
    # its country), each name as its words without the function words and any state's name or
    # demonym: "its coast guard" after China is China Coast Guard ({coast, guard})
    nation_words = {w for n in nations for w in _content_words(n)}
    organs = [(country_of.get(a["id"]), a.get("parent"),
               [_content_words(n) - nation_words for n in [a["name"], *(a.get("aliases") or [])]], a["id"])
              for a in ctx.inputs.actors.entries
              if a["type"] in ORGAN_TYPES and (country_of.get(a["id"]) or a.get("parent"))]
    story = _Story(doc.text, doc.meta)
    _quotations(doc, seg, annotations, actor_mentions, actor_types, names,
                (roles, nations, country_of, organs, spans, story), out, errors)
    titles = _cited_titles(doc, footnotes_mod.state(ctx)["citations"])
    _quantities(doc, seg, annotations, actor_mentions, demonyms, titles, out, errors)
    _recommendations(doc, seg, annotations, out, errors)
    ctx.errors.extend(errors)
    return out


def _people(doc, seg, mentions, actor_types) -> list[tuple]:
    """Every person the document names, in order: ``(start, end, actor ids, label)`` — registry
    persons and unnamed officials, and the persons among the names no registry holds
    (``seg.names``)."""
    people = [(m["start"], m["end"], (m["actor_id"],), m["surface"]) for m in mentions
              if actor_types.get(m["actor_id"]) in SPEAKER_TYPES and not m.get("nested_in_actor_mention_id")]
    people += [(n["start"], n["end"], (), n["name"]) for n in seg.names if n["type"] == "person"]
    people.sort(key=lambda p: p[0])
    return people


def _discourse(doc, seg, mentions, actor_types, people, quoted):
    """The document's referents for pronouns (:mod:`.referents`): its persons, its other actors
    and its body sentences, the quoted words set apart."""
    body = {p["id"] for p in seg.paragraphs if p["kind"] == "body"}
    sentences = [(s["start"], s["end"]) for s in seg.sentences if s["paragraph_id"] in body]
    bodies = [(m["start"], m["end"], m["actor_id"], m["surface"]) for m in mentions
              if actor_types.get(m["actor_id"]) not in SPEAKER_TYPES and not m.get("nested_in_actor_mention_id")]
    return referents_mod.Discourse(doc.text, sentences, people, bodies, quoted)


def _quotations(doc, seg, annotations, mentions, actor_types, names, titles, out, errors):
    overrides = Overrides(annotations.get("quotations"))
    last_speaker = None  # (actor ids, label) of the last quotation's single speaker
    people = _people(doc, seg, mentions, actor_types)
    sentences = {}
    for sent in seg.sentences:
        sentences.setdefault(sent["paragraph_id"], []).append(sent)
    ordered = sorted(seg.sentences, key=lambda s: s["start"])
    place_of = {id(s): k for k, s in enumerate(ordered)}  # a sentence's place in reading order
    body = [p for p in seg.paragraphs if p["kind"] == "body"]
    found_in = {p["id"]: quotations_mod.find_quotations(p["text"]) for p in body}
    discourse = None  # read when a pronoun first needs it
    sentence_starts = {pid: [s["start"] for s in ss] for pid, ss in sentences.items()}
    by_start = sorted(mentions, key=lambda m: m["start"])  # for "they": a sentence's mentions by bisection
    mention_starts = [m["start"] for m in by_start]

    def model():
        nonlocal discourse
        if discourse is None:
            quoted = [(pc.start, pc.end) for p in body for q in found_in[p["id"]]
                      for pc in seg.paragraph_pieces[p["id"]].sub(q.start, q.end)]
            discourse = _discourse(doc, seg, mentions, actor_types, people, quoted)
        return discourse

    def resolve(pronoun, cs):
        return model().resolve(pronoun, cs, last_speaker)

    def spoke_last(cs, candidates):
        return model().last_speaker_among(cs, candidates, quotations_mod.FINITE_SPEECH_VERBS)

    turns = _turns(doc, seg, body)  # a transcript's turns: paragraph id -> [(start, end, label, turn number)]
    speaker_of = {}  # a label as written -> its (speakers, speaker label)
    before = None  # the body paragraph before this one
    for p in body:
        multi, text = seg.paragraph_pieces[p["id"]], p["text"]
        found = found_in[p["id"]]
        in_turns = []  # (start, end, quotation id, speakers, label) of this paragraph's turns
        for ts, te, lab, number in turns.get(p["id"], ()):
            if lab.label not in speaker_of:
                speaker_of[lab.label] = _turn_speaker(doc, lab, mentions, actor_types, people, names, titles[4])
            speakers, label = speaker_of[lab.label]
            pieces = multi.sub(ts, te)
            sentence = _sentence_of(seg, pieces[0].start)
            attribution = "turn"
            entry = overrides.match(text[ts:te], text[max(0, ts - 200):ts])  # a curator's word on a turn
            if entry is not None:
                if entry.get("reject"):
                    continue  # (no candidate row: a turn is read from its label, not found in marks)
                if entry.get("speakers"):
                    speakers = list(entry["speakers"])
                elif "speaker" in entry:
                    speakers = [entry["speaker"]] if entry["speaker"] else []
                label = entry.get("speaker_label") or (
                    _label_of(speakers, mentions, sentence, pieces[0].start, names) if speakers else label)
                attribution = "curated"
            qid = f"{doc.id}-q{len(out['quotations']) + 1:03d}"
            in_turns.append((ts, te, qid, speakers, label))
            out["quotations"].append({
                "id": qid, "document_id": doc.id, "paragraph_id": p["id"],
                "sentence_id": sentence["id"] if sentence else None,
                "speaker_id": speakers[0] if len(speakers) == 1 else None, "speaker_label": label,
                "speaker_ids": json.dumps(speakers), "quote": text[ts:te], "start": pieces[0].start,
                "end": pieces[-1].end, "spans": _pieces_json(pieces), "kind": "turn", "nested_in_id": None,
                "attribution": attribution, "verb": None, "turn": number, "turn_label": lab.label,
            })
            out["quotation_speakers"].extend({"quotation_id": qid, "actor_id": a, "position": n}
                                             for n, a in enumerate(speakers, 1))
        # a quotation set out after a paragraph ending with a colon ("… described it this way:"):
        # that paragraph's last sentence holds its cue
        lead_in = before if before is not None and not doc.text[before["end"]:p["start"]].strip() else None
        before = p
        first = len(text) - len(text.lstrip())  # the paragraph's first non-space offset (no copy per quotation)
        ids = {}
        previous = None  # (end offset in text, speakers, label) of the last attributed quotation here
        used_cues = set()  # a cue that attributed a quotation: a short quoted word after it is a scare quote, but in a
        # clause of saying of its own ("…,” Koizumi told reporters, adding that … “defense diplomacy.”")
        for k, q in enumerate(found):
            pieces = multi.sub(q.start, q.end)
            start, end = pieces[0].start, pieces[-1].end
            sentence = _sentence_of(seg, start)
            cue = quotations_mod.find_speaker(text, q)
            cue_multi = multi
            if cue is None and lead_in is not None and q.start - len(q.open_mark) <= first \
                    and not (q.quote.rstrip()[-1:] not in ".!?,;:…" and quotations_mod.named_term(text, q)):
                # (a cited title set out after the colon, "Defense of Japan 2024" and …: no one's words)
                cue = quotations_mod.cue_before_colon(lead_in["text"])
                cue_multi = seg.paragraph_pieces[lead_in["id"]]
            if cue and q.scare and (cue_multi is multi, cue.start, cue.clause) in used_cues:
                cue = None  # "An official said the plan was “historic” and the “core” issue"
            elif cue and q.scare and cue.clause is not None and quotations_mod.named_term(text, q):
                cue = None  # "…, adding that the destroyer “Haguro” would sail": a name, no one's words
            elif cue:
                used_cues.add((cue_multi is multi, cue.start, cue.clause))
            speakers, label, attribution, verb = [], None, "none", None
            reason = None  # why a detected span is not a quotation
            if cue:
                cs, ce = cue_multi.to_doc(cue.start), cue_multi.to_doc(cue.end - 1) + 1
                if cue.position == "owner" and actor_types.get(_actor_in(mentions, cs, ce)) != "person":
                    cue, reason = None, OWNER_NOT_PERSON  # Japan’s “quasi-ally”: a relation, not words
            if cue:
                label, verb = cue.speaker, cue.verb if cue.position != "owner" else None
                if cue.speaker.lower() in PLURAL_PRONOUNS:
                    speakers = _group_before(doc.text, (by_start, mention_starts), actor_types, sentence,
                                             (sentences.get(p["id"], []), sentence_starts.get(p["id"], [])), cs)
                    attribution = "pronoun" if speakers else "none"
                elif cue.pronoun or cue.speaker.lower() in PRONOUNS:
                    found_ = resolve(cue.speaker, cs) if cue.speaker.lower() in RESOLVED else None
                    speakers = list(found_[0]) if found_ else []
                    if found_ and not found_[0]:
                        label = found_[1]  # a person no registry holds: named, not linked
                    attribution = "pronoun" if found_ else "none"
                else:
                    speakers = _speakers_in(mentions, cs, ce, cue.speaker)
                    if _role_headed(cue.speaker) and not any(actor_types.get(a) in SPEAKER_TYPES for a in speakers) \
                            and not any(x["end"] == ce and x["start"] >= cs for x in mentions if x["actor_id"] in speakers):
                        # "the U.S. defense secretary", "Japan's defense minister": a person's role,
                        # not the state its words name (but "the Office of the Prime Minister", a
                        # registered body's name ending where the phrase ends, is that body)
                        speakers = []
                    unregistered = _name_heading(doc.text, seg.names, mentions, cs, ce)
                    if unregistered:
                        # "U.S. Ambassador George Glass", "North Korea's Korean Central News
                        # Agency": the phrase is about a name no registry holds
                        speakers, label = [], unregistered
                    elif _unnamed_person(cue.speaker) and not any(
                            actor_types.get(a) in SPEAKER_TYPES for a in speakers):
                        # "a senior Japanese government official": an unnamed person, whose
                        # body is not the speaker
                        speakers = []
                    elif not speakers:
                        # "Its foreign ministry", "the ministers", "the minister": back to the
                        # actor or person the words stand for
                        speakers, named = _referent(doc.text, cue.speaker, cs, mentions, actor_types, people,
                                                    titles, sentence, ordered, place_of, spoke_last)
                        if named:
                            label = named  # a person no registry holds: named, not linked
                        if speakers or named:
                            attribution = "reference"
                    if attribution != "reference":
                        attribution = "code" if speakers else "label-only"
            elif previous and q.kind == "sentence" and not re.search(r"[“”\"]", text[previous[0]:q.start - 1]):
                # "“…,” the official said. “…”": the next quoted sentence is the same speaker's
                speakers, label, attribution = previous[1], previous[2], "continuation"
            turn = next((t for t in in_turns if t[0] <= q.start < t[1]), None)
            if turn and cue and cue.speaker.lower() == "i" and (turn[3] or turn[4]):
                # "I told them last week that the pier was “…”" in a turn: the turn's speaker
                speakers, label, attribution = list(turn[3]), turn[4], "turn"
            entry = overrides.match(q.quote, text[max(0, q.start - 200):q.start - 1])
            status = "quotation"
            if entry is not None:
                if entry.get("reject"):
                    status = "rejected"
                    reason = entry["reject"] if isinstance(entry["reject"], str) else "rejected by a curator"
                else:
                    found = speakers
                    if entry.get("speakers"):
                        speakers = list(entry["speakers"])
                    elif "speaker" in entry:
                        speakers = [entry["speaker"]] if entry["speaker"] else []
                    if entry.get("speaker_label"):
                        label = entry["speaker_label"]
                    elif speakers and (not label or (found and found != speakers)):
                        # the cue's words name someone else, or there is no cue: name the curated
                        # speakers as the sentence does, else by their registry names
                        label = _label_of(speakers, mentions, sentence, start, names)
                    attribution = "curated"
            elif q.scare and not speakers and not label:
                status, reason = "scare", reason or SCARE_QUOTE  # a word in quotation marks
            candidate = {
                "id": f"{doc.id}-qc{len(out['quotation_candidates']) + 1:03d}", "document_id": doc.id,
                "paragraph_id": p["id"], "sentence_id": sentence["id"] if sentence else None,
                "quote": q.quote, "start": start, "end": end, "spans": _pieces_json(pieces), "kind": q.kind,
                "status": status, "quotation_id": None, "reason": _ws(reason) if status != "quotation" else None,
            }
            out["quotation_candidates"].append(candidate)
            if status != "quotation":
                continue
            speakers = list(dict.fromkeys(speakers))
            if len(speakers) == 1 and actor_types.get(speakers[0]) in SPEAKER_TYPES:
                last_speaker = ((speakers[0],), label)
            elif not speakers and label and label.lower() not in PRONOUNS and any(
                    p[3] == label for p in people):
                last_speaker = ((), label)
            if speakers or label:
                previous = (q.end + 1, speakers, label)
            qid = candidate["quotation_id"] = f"{doc.id}-q{len(out['quotations']) + 1:03d}"
            ids[k] = qid
            out["quotations"].append({
                "id": qid, "document_id": doc.id, "paragraph_id": p["id"],
                "sentence_id": sentence["id"] if sentence else None,
                "speaker_id": speakers[0] if len(speakers) == 1 else None, "speaker_label": label,
                "speaker_ids": json.dumps(speakers), "quote": q.quote, "start": start, "end": end,
                "spans": _pieces_json(pieces), "kind": q.kind,
                "nested_in_id": ids.get(q.nested_in) if q.nested_in is not None else turn[2] if turn else None,
                "attribution": attribution, "verb": verb, "turn": None, "turn_label": None,
            })
            out["quotation_speakers"].extend({"quotation_id": qid, "actor_id": a, "position": n}
                                             for n, a in enumerate(speakers, 1))
    for entry in overrides.unused():
        errors.append(InputError(entry.path, f"quotation {entry['quote']!r}: no quotation detected in "
                                 "the body text starts with these words", line=entry.line_of("quote")))


def _turns(doc, seg, body) -> dict:
    """A transcript's turns (:func:`.quotations.speaker_labels`), by body paragraph: ``(start, end,
    label, turn number)`` with offsets in the paragraph's text — the words after a speaker label up
    to the next label or the paragraph's end; a label alone on its line ("Minister:") opens the
    turn of the lines after it. A turn runs on into the body paragraphs after it that read as
    prose (a capital or an opening mark, four words, terminal punctuation) or are a list's items; a
    heading, a line of clutter ("(END)", "▲ Back to top") or another line shaped like a label ends
    it, whether the label is read or not (:func:`.quotations.label_shaped_lines`). After the last label the text may
    be the publisher's again ("This transcript has been edited …", the story around an excerpt):
    a paragraph there goes on with the last turn only while it reads as speech (:func:`_spoken`).
    The labels are read in the document's text (a header line the segmenter joined to the first
    turn does not hide its label). Nothing in a text that is no transcript."""
    labels = quotations_mod.speaker_labels(doc.text)
    if not quotations_mod.transcript(labels):
        return {}
    starts = [lab.start for lab in labels]
    by_start = {lab.start: lab for lab in labels}
    # every line shaped like a label, accepted or not: each ends the turn before it
    cuts_all = sorted(set(starts) | set(quotations_mod.label_shaped_lines(doc.text)))
    out, current, number, last_end = {}, None, 0, None
    for p in body:
        text, multi = p["text"], seg.paragraph_pieces[p["id"]]
        inside = labels[bisect.bisect_left(starts, p["start"]):bisect.bisect_left(starts, p["end"])]
        cuts = cuts_all[bisect.bisect_left(cuts_all, p["start"]):bisect.bisect_left(cuts_all, p["end"])]
        stripped = len(text.rstrip())
        gap = doc.text[last_end:p["start"]].strip() if last_end is not None else None
        bulleted = bool(gap) and bool(BULLET.fullmatch(gap + " "))  # an item's mark ("- ") set apart
        if current is not None and (gap is None or gap and not bulleted):
            current = None  # a row between (a heading, clutter set aside): the turn is over
        last_end = p["end"]
        at = [multi.from_doc(c) for c in cuts]
        head = len(text[:at[0]].rstrip()) if cuts else stripped
        lead = len(text) - len(text.lstrip())
        listed = bulleted or _listed(text[lead:head])
        if current is not None and head > lead and (listed or _prose(text[lead:head])) \
                and (inside or p["start"] < starts[-1] or listed or _spoken(text[lead:head])):
            out.setdefault(p["id"], []).append((lead, head, current, number))
        elif not cuts:
            current = None
        for k, cut in enumerate(cuts):
            lab = current = by_start.get(cut)
            if lab is None:
                continue  # a label not read ("AUDIENCE QUESTION:"): its words are no one's
            number += 1
            end = len(text[:at[k + 1]].rstrip()) if k + 1 < len(cuts) else stripped
            begin = multi.from_doc(lab.text_start) if lab.text_start < p["end"] else None
            if begin is not None and begin < end:
                out.setdefault(p["id"], []).append((begin, end, lab, number))
    return out


PROSE = re.compile(r"[\"“‘(]?[A-Z0-9][^\n]*[.!?…\"”’)—–-]")


def _prose(text: str) -> bool:
    """A paragraph that continues a speaker's turn: it opens with a capital (or an opening mark)
    and ends a sentence, four words at least, not all in capitals ("(END)")."""
    return bool(PROSE.fullmatch(text.strip())) and len(text.split()) >= 4 and not text.isupper()


def _listed(text: str) -> bool:
    """A list inside a turn ("i. widen the pier;", "- a new fence;"): every line an item."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and all(BULLET.match(line) or ROMAN_ITEM.match(line) for line in lines)


# a speaker's own words: the first person outside quotation marks ("we discussed", "I think")
FIRST_PERSON = re.compile(r"\b(?:I|I[’']\w+|[Ww]e|[Ww]e[’']\w+|[Oo]ur|us|[Mm]y|me)\b")
QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def _spoken(text: str) -> bool:
    """A paragraph after a transcript's last label that reads as the last speaker's: in the first
    person outside quotation marks, and not about the transcript itself."""
    text = QUOTED.sub(" ", text)
    return bool(FIRST_PERSON.search(text)) and not re.search(r"(?i)\btranscript", text)


POSSESSIVE_END = re.compile(r"[’']s?$")


def _in_longer_title(text: str, m: re.Match) -> bool:
    """Whether the title ``m`` found is the end of a longer one: "Prime Minister", "Vice Minister"
    are not "Minister"."""
    before = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, m.start() - 30):m.start()])
    return bool(before) and before.group(1).lower() in TITLE_WORDS


def _addressed(text: str, m: re.Match) -> bool:
    """Whether the title and name ``m`` found open a turn or a sentence and end in a comma: the one
    spoken to ("Reporter: Minister Nakatani, did …"), not one spoken of."""
    line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
    return text[m.end():m.end() + 1] == "," and bool(re.search(r"(?:^|[:.?!])[ \t]*$", line))


def _turn_speaker(doc, lab, mentions, actor_types, people, names, roles_of) -> tuple[list, str]:
    """The speakers and speaker label of a transcript's label. A reporter's, a moderator's label is
    no one named (the label as written). A named label's name ("MR. HAYASHI", "DEFENSE MINISTER GEN
    NAKATANI") is the registry person mentioned in the document whose name has its words, else the
    person no registry holds named in full in the document ("HAYASHI Yoshimasa", "Denny Tamaki"),
    named by the label; a title alone ("Minister:") is the one person the document names with
    that title ("Defense Minister Nakatani"), or, where the turns name others of that title too
    ("Prime Minister Ishiba"), the one the header above the first label names with it ("Press
    Conference by Defense Minister NAKATANI Gen"): with that title itself, not a longer one's end
    ("Prime Minister X" is no "Minister X"), not in a possessive, and not one the turns speak of
    ("did Minister Marles raise …": a guest, not the speaker). Else the label as written names
    them. A name's words must all be the person's when the label gives two or more ("EMI KOIZUMI"
    is not Shinjiro Koizumi), one of them when it gives a family name alone ("MR. HAYASHI"); a
    one-word name after a fuller label with that word ("KOIZUMI:" after "EMI KOIZUMI:",
    :func:`_fuller_label`) is that label's speaker. When the registry holds several persons of the
    name, the label's title chooses among them by their registry roles (``roles_of``: actor id ->
    its roles' titles first), or no one is named."""
    written = re.sub(r"\s*\([^()]*\)$", "", lab.label)
    if lab.name_start is not None and lab.name_start >= lab.start + len(written):
        written = lab.label  # "Prime Minister (TAKAICHI Sanae)": the name is the part in brackets
    if lab.kind in ("ask", "role"):
        return [], lab.label
    if lab.kind == "title":
        # each name after the title, by its folded form ("Ito" of "Minister Ito"); those above the
        # first label, and those the turns speak of
        after, header, spoken_of = {}, {}, set()
        opening = quotations_mod.speaker_labels(doc.text)[0].start  # the header: the text before any turn
        for m in re.finditer(rf"(?i:\b{re.escape(lab.title)})[ \t]+([A-Z][\w’'-]+)", doc.text):
            if m.group(1).lower() not in referents_mod.ROLES and m.group(1).lower() not in TITLE_OF:
                after.setdefault(_fold(m.group(1)), m.group(1))
                if m.start() >= opening:
                    if not _addressed(doc.text, m):  # "did Minister Marles raise …": a third person
                        spoken_of.add(_fold(m.group(1)))
                elif not _in_longer_title(doc.text, m) and not POSSESSIVE_END.search(m.group(1)):
                    header.setdefault(_fold(m.group(1)), m.group(1))  # not "Prime Minister Ishiba's"
        header = {k: v for k, v in header.items() if k not in spoken_of}
        if len(after) > 1 and len(header) == 1:
            # "Press Conference by Defense Minister X" above the turns: the speaker the document
            # introduces with the title, not another minister the turns speak of
            after = header
        if len(after) != 1:
            return [], written
        words = list(after.values())
        written = f"{written} {words[0]}"  # "Minister Nakatani"
    else:
        words = lab.label[lab.name_start - lab.start:lab.name_end - lab.start].split()
        fuller = _fuller_label(doc.text, lab)
        if fuller is not None:  # "KOIZUMI" after "EMI KOIZUMI": the speaker the fuller label names
            speakers, name = _turn_speaker(doc, fuller, mentions, actor_types, people, names, roles_of)
            return (speakers, written) if speakers else ([], name)
    keys = {_fold(w) for w in words if len(w.strip(".")) >= 3} - _generational(words)
    if not keys:
        return [], written

    def fits(name: str) -> bool:
        """A name with the label's words: any of a family name alone ("MR. HAYASHI"), every one of a
        full name ("EMI KOIZUMI" is not Shinjiro Koizumi)."""
        folded = {_fold(w) for w in name.split()}
        return keys <= folded if len(keys) > 1 else bool(keys & folded)

    namesakes = [a for a, n in names.items() if actor_types.get(a) == "person" and fits(n)]
    if len(namesakes) > 1 and lab.title:
        # "MINISTER KOIZUMI" with two Koizumis in the registry: the one whose registry role has the
        # label's title (not the scholar the reporter cites), else no one rather than the wrong one
        wanted = set(lab.title.split()) - set(TITLE_OF)
        fitting = [a for a in namesakes if any(wanted <= {w.lower() for w in title.split()}
                                               for title, *_ in roles_of.get(a, ()))]
        return (fitting, written) if len(fitting) == 1 else ([], written)
    registered = {m["actor_id"] for m in mentions if actor_types.get(m["actor_id"]) == "person"
                  and fits(names.get(m["actor_id"], ""))}
    if len(registered) == 1:
        return list(registered), written
    known = _registry_person(words, names, actor_types)
    if known:  # "SECRETARY OF DEFENSE LLOYD AUSTIN III": a registry person's full name, not mentioned as such
        return [known], written
    full = [" ".join(_name_words(p[3].split())) for p in people if not p[2]]
    full = [n for n in full if len(n.split()) > len(words) and fits(n)]
    if not full:  # a name the header or the title gives ("Press Conference by … HAYASHI Yoshimasa")
        for m in re.finditer(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+", doc.text):
            # the capitalised words around the key less the title words ("Chief Cabinet Secretary")
            for run in re.split(r"\s*\b(?:%s)\b\s*" % "|".join(map(re.escape, TITLE_WORDS)), m.group(),
                                flags=re.I):
                run = _name_words(run.split())
                if 2 <= len(run) <= 3 and fits(" ".join(run)):
                    full.append(" ".join(run))
    if full:
        name = max(set(full), key=lambda n: (full.count(n), -full.index(n)))
        known = _registry_person(name.split(), names, actor_types)
        return ([known], written) if known else ([], name)
    return [], written


def _name_words(words: list[str]) -> list[str]:
    """A name's words less a department's before it ("(Minister of) Defense Hamada Yasukazu") or a
    speaker's "I'm", "I am", "This is" ("I'm Dana Whitcombe"; "Will Smith" stays whole)."""
    while words:
        if words[0].lower() in TITLE_OF or SELF_NAMING.fullmatch(words[0]):
            words = words[1:]
        elif SELF_NAMING.fullmatch(" ".join(words[:2])):
            words = words[2:]
        else:
            break
    return words


SELF_NAMING = re.compile(r"(?i)I[’']m|I am|This is")  # a speaker's words before the name they give


def _fuller_label(text: str, lab):
    """The named label before ``lab`` whose name has more words, every one of ``lab``'s among them
    ("EMI KOIZUMI:" before "KOIZUMI:"), the nearest (:func:`.quotations.fuller_label`); None for a
    label with two name words or more (a generational suffix aside)."""
    words = quotations_mod.name_words(text, lab)
    own = words - {w.upper() for w in _generational(words)}
    if len(own) != 1:
        return None
    return quotations_mod.fuller_label(text, own, lab.start, quotations_mod.speaker_labels(text))


def _generational(words) -> set:
    return {_fold(w) for w in words if re.fullmatch(GENERATIONAL.pattern, w.strip(","), re.I)}


def _registry_person(words, names, actor_types) -> str | None:
    """The one registry person whose name has every word of a full name (two words at least, a
    generational suffix aside): "LLOYD AUSTIN III" is Lloyd Austin's."""
    keys = {_fold(w) for w in words if not re.fullmatch(GENERATIONAL.pattern, w.strip(","), re.I)} - {""}
    if len(keys) < 2:
        return None
    hits = [a for a, n in names.items() if actor_types.get(a) == "person" and keys <= {_fold(w) for w in n.split()}]
    return hits[0] if len(hits) == 1 else None


def _fold(word: str) -> str:
    return fold_accents(word).lower().strip(".,")


# The head nouns of an unnamed speaker: "a senior official", "two diplomats", "sources".
UNNAMED_HEADS = frozenset("""
official officials source sources diplomat diplomats aide aides spokesperson spokespersons
spokesman spokesmen spokeswoman spokeswomen analyst analysts expert experts observer observers
insider insiders negotiator negotiators adviser advisers advisor advisors officer officers member
members
""".split())
DEFINITE = frozenset("the this that these those".split())
INDEFINITE = frozenset("a an one two three four five several some another".split())
# "the minister", "the two leaders", "the foreign ministers": a definite role description
# "the minister", "the two leaders", "the foreign ministers", "the 72-year-old governor", "the U.S.
# defense secretary", "Japan's defense minister": a definite role description (a determiner or a
# state's possessive, modifiers, the role noun)
ROLE_PHRASE = re.compile(r"(?:(?i:the|this)|(?P<owner>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)[’']s)\s+"
                         r"(?P<mods>(?:[\w.’'-]+\s+){0,4}?)(?P<head>[a-z]+)")
POSSESSED = re.compile(r"(?i:its|their)\s+(?P<rest>[a-z][a-z -]*)")
# words that make a possessed phrase an organ of a state: "its foreign ministry", "their navy"
STATE_ORGANS = frozenset("""
ministry ministries government cabinet military army navy embassy parliament foreign defense defence
coast guard forces president premier leader leadership
""".split())
STATE_TYPES = ("state", "government")
# the role nouns a definite description of a person is headed by ("the minister", "the envoy")
ROLES = referents_mod.ROLES


def _role_headed(label: str) -> bool:
    """A speaker phrase headed by a person's role word ("the U.S. defense secretary", "Japan's
    top government spokesman"), with no name after it."""
    words = label.split()
    return len(words) > 1 and words[-1].lower() in ROLES


def _unnamed_person(label: str) -> bool:
    """A speaker phrase that names no one: a phrase headed by "official", "source", "diplomat"…
    ("A senior Japanese government official", "two diplomats"), or an indefinite one with a
    person's role ("a retired admiral", "an assembly member")."""
    words = label.split()
    if not words:
        return False
    if words[-1].lower() in UNNAMED_HEADS and words[0].lower() not in DEFINITE:
        return True
    # "A retired U.S. Navy admiral", "a U.S. Navy commander aboard the carrier":
    # an indefinite phrase with a person's role names no one, whatever body its words name
    return words[0].lower() in INDEFINITE and any(w.lower() in ROLES or w.lower() in UNNAMED_HEADS
                                                  for w in words[1:])


def _referent(text, label, cs, mentions, actor_types, people, titles, sentence, ordered, place_of,
              spoke_last=None):
    """``(actor ids, name)``: who a speaker phrase with no name stands for, looking back from
    ``cs`` (the name when it is a person no registry holds, else None):

    * "Its foreign ministry", "their government": the actor the possessive stands for — the last
      state or government mentioned when the phrase is an organ of a state, else the last
      actor that is not a person — in the sentence or the one before;
    * "the ministers", "the leaders": the actor of the last "<ministers> of <actor>" ("the
      foreign ministers of the Quad");
    * "Its coast guard", "its foreign ministry": the one body of that state's registry (its child,
      or of its country) whose names have the phrase's words, else the state itself;
    * "the minister", "the spokesperson": the one person in the window whose title (in the text
      before the name, an apposition after it or before it, or a registry role) has that word, and
      no "former", "deputy", "acting" or "vice" the phrase lacks, and, when the phrase names a
      country, who is known to be of it; of several, none known to be of another country than the
      rest, the last named speaker among them — a main clause's subject with a verb of saying
      in the last sentences, by name or pronoun (:meth:`.referents.Discourse.last_speaker_among`),
      whose registry dates, if any, cover the publication date and whose sentence names no earlier
      year before them ("Kishida said Japan stood by the
      statement of Prime Minister Keizo Obuchi … the prime minister said"); else the registry holders whose
      role's dates miss the date the story has reached (the last date before the quotation, else
      the publication date) drop out; several left, none, or a person of the role introduced
      without a name after the holder's last mention ("A spokesperson for the embassy rejected …"):
      no one.
    """
    k = place_of.get(id(sentence), -1)
    lo = ordered[k - 1]["start"] if k > 0 else (sentence["start"] if sentence else max(0, cs - 600))
    m = POSSESSED.fullmatch(label.strip())
    if m:
        organ = any(w in STATE_ORGANS for w in m.group("rest").lower().split())
        before = [x for x in mentions if lo <= x["start"] and x["end"] <= cs
                  and not x.get("nested_in_actor_mention_id")
                  and (actor_types.get(x["actor_id"]) in STATE_TYPES if organ
                       else actor_types.get(x["actor_id"]) not in SPEAKER_TYPES)]
        if not before:
            return [], None
        owner = before[-1]["actor_id"]
        said = m.group("rest").lower().split()
        if organ and not any(w in ROLES or w in NOT_ORGANS for w in said):
            # "Its coast guard" after China: the one government body or military unit of China's
            # registry with a name whose words are the phrase's (China Coast Guard), else the state
            # itself ("its president" is a person, never the Office of the President; "its
            # cabinet" is not the Cabinet Office)
            country, wanted = titles[2].get(owner), _content_words(m.group("rest"))
            bodies = {a for c, parent, named, a in titles[3]
                      if (parent == owner or (country and c == country)) and wanted
                      and any(words == wanted for words in named)}
            if len(bodies) == 1:
                return list(bodies), None
        return [owner], None
    m = ROLE_PHRASE.fullmatch(label.strip())
    if not m:
        return [], None
    head = m.group("head").lower()
    window = max(0, cs - 2000)
    singular = head[:-3] + "man" if head.endswith("men") else head[:-1] if head.endswith("s") else head
    if singular not in ROLES:
        return [], None  # "the ministry", "the statement": not a person's role
    if singular != head:
        of = re.compile(rf"\b{re.escape(head)}\s+of\s+(?:the\s+)?", re.I)
        groups = []
        for g in of.finditer(text, window, cs):
            after = [x for x in mentions if x["start"] == g.end() and x["end"] <= cs]
            if after:
                groups.append(after[0]["actor_id"])
        return ([groups[-1]] if groups else []), None
    roles, nations, country_of, _, spans, story = titles
    role_words = (head, *referents_mod.ROLE_SYNONYMS.get(head, ()))
    # "Former Prime Minister Fumio Kishida", "Deputy Chief Cabinet Secretary": a title with one of
    # these words says the person does not hold the role, unless the phrase says so too
    unheld = [_word(w) for w in NOT_HOLDING if not re.search(rf"(?i)\b{w}", label)]
    # "the defense minister", "the prime minister": the modifiers must be in the title too; a
    # country's ("the U.S. defense secretary", "Japan's defense minister") must be the person's,
    # by positive evidence (see below); an age or a number ("the 72-year-old governor")
    # describes the person, not the title
    modifiers, countries = [], []
    for w in m.group("mods").split() + ([m.group("owner")] if m.group("owner") else []):
        country = nations.get(w) or nations.get(re.sub(r"[’']s$", "", w))
        if country:
            countries.append(country)
        elif w.lower() not in GENERIC_MODIFIERS and not re.search(r"\d", w):
            modifiers.append(_word(w))
    wanted = {country_of.get(c, c) for c in countries}
    prime = "prime" in label.lower()
    holders = _holders(text, cs, window, people, [_word(w) for w in role_words], modifiers, unheld, wanted,
                       prime, nations, country_of, spans)
    if len(holders) > 1 and spoke_last is not None and len(set().union(*(h[5] for h in holders.values()))) <= 1:
        # several, none known to be of another country than the rest (an Australian prime minister
        # beside Japan's: no one): the one who spoke last, a main clause's subject with a verb of
        # saying in the last sentences — unless the registry dates the role (titled in the text or
        # not) away from the publication date, or the sentence they spoke in looks back to an
        # earlier year ("In 2016 Prime Minister Shinzo Abe said …")
        last = spoke_last(cs, [(key, (h[0], h[1] or "")) for key, h in holders.items()])
        h = holders.get(last[0]) if last else None
        if h is not None and (not h[4] or any(_covers(began, ended, story.published()) for began, ended in h[4])) \
                and not _looks_back(text, last[1], story.published()):
            holders = {last[0]: h}
    if len(holders) > 1:
        # several: a registry holder (no title in the text) whose role's dates miss the date the
        # story has reached, or the publication date, is not meant ("Ishiba met Kishida in March
        # 2025. The prime minister"); so a story whose last date looks back ("since Abe did so in
        # 2015") leaves no one; the dates never drop the only candidate
        whens = (story.at(cs), story.published())
        holders = {k: h for k, h in holders.items()
                   if h[3] is None or all(any(_covers(began, ended, when) for began, ended in h[3])
                                          for when in whens)}
    if len(holders) == 1:
        ids, name, at, *_ = next(iter(holders.values()))
        if not _introduced_unnamed(text, role_words, at, cs):
            return ids, name
    return [], None  # no holder, or several who could be meant ("the governor" after two governors)


def _holders(text, cs, window, people, words, modifiers, unheld, wanted, prime, nations, country_of, spans):
    """The persons named in ``text[window:cs]`` titled with one of the role ``words`` (see
    :func:`_referent`): person key -> (ids, name, offset of the latest mention, the registry role's
    dates or None when the text titles them, the registry role's dates even so, the country codes
    their titles or the registry give them)."""
    holders = {}  # person -> (ids, name), the latest mention first
    for p in reversed(people):
        if p[1] > cs or p[0] < window:
            continue
        title = TITLE_BEFORE.search(text, max(0, p[0] - 60), p[0])  # "Defense Minister" Minoru Kihara
        appos = APPOSITION.match(text, p[1])  # Daniel Kritenbrink, "the State Department's top diplomat",
        said = [title.group() if title else "", (title.group() if title else "") + p[3],
                appos.group() if appos else ""]  # (the name with its title: "Prime" + "Minister Ito")
        said.append(_apposed_before(text, p[0], p[1]))  # "Japan's ambassador to Manila," Kazuya Endo,
        said = [TITLE_ABBREVIATION.sub(lambda a: TITLE_ABBREVIATIONS[a.group(1).lower()], t) for t in said]
        registry = [(t, began, ended) for a in p[2] for t, began, ended in spans.get(a, ())]

        def fits(t):
            return any(_holds(word, t, prime) for word in words) and all(w.search(t) for w in modifiers)
        unheld_title = [t for t in said if fits(t) and any(w.search(t) for w in unheld)]
        by_text = any(fits(t) for t in said if t not in unheld_title)
        if unheld_title and not by_text:
            continue  # "Former Prime Minister Fumio Kishida": not the prime minister
        dated = [(began, ended) for t, began, ended in registry if fits(t)]
        if not by_text and not dated:
            continue
        said += [t for t, _, _ in registry]
        if wanted:
            # "the Japanese defense minister": only a person known to be of that country — a
            # country word in the title or apposition, or the registry's country — never one whose
            # country is unknown ("Defense Minister Richard Marles") or another's
            known = {country_of.get(nations[n], nations[n]) for t in said for n in NATION_WORD.findall(t)
                     if n in nations} | {country_of[a] for a in p[2] if a in country_of}
            if not known & wanted or known - wanted:
                continue
        key = tuple(p[2]) or p[3].split()[-1].lower()
        if not p[2] and key in ROLES:
            continue  # "Philippine Defense Secretary" read as a name: the title of the name after it
        countries = {country_of.get(nations[n], nations[n]) for t in said for n in NATION_WORD.findall(t)
                     if n in nations} | {country_of[a] for a in p[2] if a in country_of}
        holders.setdefault(key, (list(p[2]), None if p[2] else p[3], p[0], None if by_text else dated, dated,
                                 countries))
    return holders


def _looks_back(text: str, at: int, published) -> bool:
    """Whether the sentence around ``at`` names, before ``at``, a year earlier than the publication
    window's ("In 2023, Prime Minister Fumio Kishida said …": a look back, not the story's present)."""
    if not published or not published[0]:
        return False
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at))
    return any(int(y) < int(published[0][:4]) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", text[start + 1:at]))


def _introduced_unnamed(text: str, role_words, at: int, cs: int) -> bool:
    """Whether a person of the role is introduced without a name between the holder's mention at
    ``at`` and ``cs`` — as a sentence's subject or a cue's source ("A spokesperson for the Chinese
    embassy rejected …", "according to a ministry spokesperson") — so that "the spokesperson" after
    it may be that person. The phrase stays in one sentence; "the first visit by a Japanese defense
    minister" is running text, no one introduced."""
    indefinite = re.compile(r"(?i)\b(?:a|an|one|another)\s+(?:[\w’'-]+[ \t\n]+){0,3}?(?:"
                            + "|".join(re.escape(w) for w in role_words) + r")\b")
    for m in indefinite.finditer(text, at, cs):
        before = text[max(0, m.start() - 300):m.start()]
        ends = list(re.finditer(r"[.!?][\"”’)]*\s+|\n\s*\n|[“\"]", before))
        lead = before[ends[-1].end():] if ends else (before if m.start() <= 300 else None)
        if lead is not None and re.fullmatch(r"(?is)\s*(?:according\s+to\s*)?", lead):
            return True
        if re.search(r"(?i)(?:[,”\"]\s*|\b)(?:according\s+to|said|says|told|added)\s+$", before):
            return True
    return False


class _Story:
    """The date a document's story has reached at a place: the last explicit date with a year
    mentioned before it, else the publication window; and the publication window."""

    def __init__(self, text, meta):
        self.text, self.meta, self._dates = text, meta, None

    def at(self, p: int):
        if self._dates is None:
            self._dates = [m for m in dates.find_dates(self.text) if m.kind == "explicit" and m.year]
            self._ends = [m.end for m in self._dates]  # in text order, as find_dates gives them
        k = bisect.bisect_right(self._ends, p)  # the dates that end at or before p
        if k:
            m = self._dates[k - 1]
            try:
                _, first, end = dates.parse_iso(f"{m.year:04d}" + (f"-{m.month:02d}" if m.month else "")
                                                + (f"-{m.day:02d}" if m.month and m.day else ""))
                return first.isoformat(), end.isoformat()
            except (dates.BadDate, ValueError):
                pass
        return self.published()

    def published(self):
        try:
            return publication_window(self.meta)
        except (dates.BadDate, KeyError, TypeError, ValueError):
            return None


def _role_span(role):
    """A registry role's first and last day as ISO dates (None when the registry does not say)."""
    try:
        began = dates.parse_iso(role["start"])[1].isoformat() if role.get("start") else None
        ended = dates.parse_iso(role["end"])[2].isoformat() if role.get("end") else None
    except dates.BadDate:
        return None, None
    return began, ended


def _covers(began, ended, when) -> bool:
    """Whether a role held from ``began`` to ``ended`` was held at some day of ``when`` (an
    (earliest, latest) pair of ISO dates; None: unknown, so held)."""
    if when is None:
        return True
    return (began is None or began <= when[1]) and (ended is None or ended >= when[0])


def _content_words(name: str) -> set[str]:
    """The lower-case words of a body's name or a possessed phrase that say what it is ("coast",
    "guard"), without its function words."""
    return {w for w in re.findall(r"[a-z]+", name.lower()) if w not in FUNCTION_WORDS}


FUNCTION_WORDS = frozenset("the of for and a an its their".split())


def _apposed_before(text: str, start: int, end: int) -> str:
    """The noun phrase a name is set in apposition to before it ("Japan's ambassador to Manila,
    Kazuya Endo, said"; "The country's defense minister, Name,"), else "". The phrase must open its
    sentence (or follow ", and" after another apposition) with a determiner or a possessor, be
    headed by a role word — its last word, or the last before a complement naming a place ("to
    Manila") — and a comma must close the apposition after the name: "After a lunch with the
    prime minister, Name," (an opening clause), "An aide to the foreign minister, Name," and "The
    prime minister's chief of staff, Name," are no evidence."""
    if not re.match(r"\s*,", text[end:end + 3]):
        return ""
    lead = re.search(r",[ \t]+$", text[max(0, start - 4):start])
    if not lead:
        return ""
    cut = start - (len(text[max(0, start - 4):start]) - lead.start())
    window = text[max(0, cut - 90):cut]
    opening = list(re.finditer(r"(?:^|[.!?][\"”’)]*\s+|\n\s*\n|,\s+and\s+)", window))
    if not opening or (not opening[-1].group() and cut > 90):
        return ""
    phrase = window[opening[-1].end():]
    if (not APPOSED_HEAD.match(phrase) or re.search(r"[,.;:“”\"()]", phrase.replace("U.S.", "US"))
            or len(phrase.split()) > 8 or any(w.lower() in ROLES for w in re.findall(r"([\w-]+)['’]s\b", phrase))):
        return ""
    head = re.sub(r"\s+(?:to|of|for|in|at)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*$", "", phrase)
    if head.split()[-1].lower() not in ROLES or re.search(r"(?i)\b(?:to|of|for|in|at|with|from|on|by)\b", head):
        return ""
    return phrase


# where a noun phrase in apposition before a name begins: a determiner or a possessor
APPOSED_HEAD = re.compile(r"(?:(?i:the|a|an)\s|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?['’]s\s)")
# a title's words that say its holder does not hold the role now, or is not its holder
NOT_HOLDING = ("former", "ex", "retired", "late", "deputy", "acting", "vice")
# a possessed phrase that is no registry body even when a name has its words ("its cabinet" is not
# the Cabinet Office)
NOT_ORGANS = frozenset({"cabinet"})
# the registry types a possessed organ of a state may be ("its coast guard", "its defense ministry")
ORGAN_TYPES = ("government-body", "military")


def _holds(word, title: str, prime: bool) -> bool:
    """The role ``word`` in ``title``, a prime minister not being "the minister" unless the phrase
    says "prime"."""
    return any(prime or not re.search(r"(?i)\bprime\s+$", title[:m.start()]) for m in word.finditer(title))


def _word(w: str):
    """``w`` as a whole word of a title, in any case ("U.S." before a space too)."""
    return re.compile(rf"(?<![\w.]){re.escape(w)}(?!\w)", re.I)


# A title's abbreviated role word ("Gov. Denny Tamaki", "Lt. Gen. Stephen Jost"): the role, for
# "the governor", "the general"; a period is required ("Gen Nakatani" is a given name)
TITLE_ABBREVIATIONS = {"gov": "Governor", "sen": "Senator", "adm": "Admiral", "gen": "General",
                       "lt": "Lieutenant", "rep": "Representative", "amb": "Ambassador", "sec": "Secretary",
                       "pres": "President", "cmdr": "Commander", "col": "Colonel", "capt": "Captain"}
TITLE_ABBREVIATION = re.compile(r"\b(" + "|".join(TITLE_ABBREVIATIONS) + r")\.(?=\s)", re.I)
# the words of a title that may say a country ("U.S.", "Japanese", "Australia's")
NATION_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][\w-]*")


# the words of a title run right before a name: "U.S. Defense Secretary", "Foreign Minister", "State
# Department spokeswoman"
TITLE_BEFORE = re.compile(r"(?:(?:[A-Z][\w.’'-]*|of|for|the|" + "|".join(sorted(ROLES)) + r")[ \t]+)+$")
GENERIC_MODIFIERS = frozenset("new former visiting top senior outgoing incoming acting then late two both".split())
# ", the State Department's top diplomat,", ", Minister for Foreign Affairs,"
APPOSITION = re.compile(r",\s+(?:(?:the|a|an)\b[^,.;“”\"]{0,60}"
                        r"|[A-Z][\w.’'-]*(?:\s+(?:of|for|the|and|[A-Z][\w.’'-]*)){0,6}),")


def _name_heading(text, names, mentions, start, end) -> str | None:
    """The name no registry holds that ends a speaker phrase (its head), when no registry name
    ends it later ("The Australian deputy prime minister" is headed by its role, not by
    "Australian")."""
    inside = [n for n in names if start <= n["start"] and n["end"] <= end]
    if not inside:
        return None
    last = max(inside, key=lambda n: n["end"])
    if re.search(r"\w", text[last["end"]:end]):
        return None
    registered = [m["end"] for m in mentions if start <= m["start"] and m["end"] <= end]
    if registered and max(registered) >= last["end"]:
        return None
    return last["name"]


def _label_of(speakers, mentions, sentence, start, names):
    """How the sentence names each speaker (its mention nearest before the quotation, else the
    first after it), or the registry name: "Trump administration" for a curated speaker of
    "The Trump administration is ... posed by “destabilizing” actors"."""
    out = []
    for a in speakers:
        inside = [m for m in mentions if m["actor_id"] == a and sentence is not None
                  and sentence["start"] <= m["start"] and m["end"] <= sentence["end"]]
        before = [m for m in inside if m["end"] <= start]
        m = before[-1] if before else (inside[0] if inside else None)
        out.append(m["surface"] if m else names.get(a, a))
    return out[0] if len(out) == 1 else ", ".join(out[:-1]) + " and " + out[-1]


def _speakers_in(mentions, start, end, label):
    """The actors a speaker phrase names: each of "Koizumi and Hegseth", else the head of "the
    head of the agency" (see :func:`_actor_in`)."""
    if COORDINATION.search(label):
        inside = [m for m in mentions if start <= m["start"] and m["end"] <= end]
        top = [m for m in inside if not any(o is not m and o["start"] <= m["start"] and m["end"] <= o["end"]
                                            for o in inside)]
        named = list(dict.fromkeys(m["actor_id"] for m in top))
        if len(named) > 1:
            return named
    head = _actor_in(mentions, start, end)
    return [head] if head else []


def _group_before(text, sorted_mentions, actor_types, sentence, paragraph_sentences, pos):
    """Who a plural pronoun ("they expressed") stands for: the people named before it in its
    sentence ("Koizumi called Hegseth ... and they expressed"), else those of the sentence before
    ("Hegseth and Nakatani met ... Both leaders ... what they describe as"), two or more; else the
    first actors of any kind joined by "and" there ("Japan and the Philippines signed … They
    called" — the group opening its clause, not "Analysts in Japan and the Philippines"); or
    nobody. ``sorted_mentions``: the document's mentions sorted by start, and their starts;
    ``paragraph_sentences``: the paragraph's sentences and their starts (both found by bisection,
    not by a scan of the document's or the paragraph's)."""
    if sentence is None:
        return []
    mentions, starts = sorted_mentions
    ranges = [(sentence["start"], pos)]
    # the paragraph's sentence before this one (the paragraph's sentences are in order)
    paragraph_sentences, sentence_starts = paragraph_sentences
    k = bisect.bisect_left(sentence_starts, sentence["start"])
    if k > 0 and paragraph_sentences[k - 1]["end"] <= sentence["start"]:
        ranges.append((paragraph_sentences[k - 1]["start"], paragraph_sentences[k - 1]["end"]))

    def within(a, b):
        i = bisect.bisect_left(starts, a)
        out = []
        while i < len(starts) and starts[i] < b:
            if mentions[i]["end"] <= b:
                out.append(mentions[i])
            i += 1
        return out

    for a, b in ranges:
        people = list(dict.fromkeys(m["actor_id"] for m in within(a, b)
                                    if actor_types.get(m["actor_id"]) in SPEAKER_TYPES))
        if len(people) > 1:
            return people
    for a, b in ranges:
        inside = [m for m in within(a, b) if not m.get("nested_in_actor_mention_id")]
        run, joined = inside[:1], False  # a run of actors joined by commas and an "and"
        for m in inside[1:]:
            between = COORDINATED.fullmatch(text, run[-1]["end"], m["start"]) \
                if m["start"] - run[-1]["end"] <= 12 else None
            if between:
                run.append(m)
                joined = joined or between.group().strip(" ,").lower().startswith(("and", "&"))
            elif len(run) > 1 and joined:
                break
            else:
                run, joined = [m], False
        if len(run) > 1 and joined and referents_mod.clause_role(text, a, run[0]["start"]) == "subj":
            return list(dict.fromkeys(m["actor_id"] for m in run))
    return []


def _cited_titles(doc, citations) -> list[tuple[int, int, str]]:
    """``(start, end, citation id)`` of the title of every work this document's footnotes cite
    (a title that a page break splits is not found, and so not listed)."""
    out = []
    for c in citations:
        title = c["record"].get("title") if c["document_id"] == doc.id else None
        i = doc.text.find(title, c["start"], c["end"]) if title else -1
        if i >= 0:
            out.append((i, i + len(title), c["id"]))
    return out


def _quantities(doc, seg, annotations, mentions, demonyms, titles, out, errors):
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
            pieces = [p for a, b in q.pieces or [(q.start, q.end)] for p in region.multi.sub(a, b)]
            start, end = pieces[0].start, pieces[-1].end
            citation = next((cid for a, b, cid in titles if a <= start and end <= b), None)
            entry = overrides.match(q.quote, region.text[max(0, q.start - 200):q.start])
            if entry is not None and entry.get("reject"):
                continue
            sentence = _sentence_of(seg, start) if region.kind == "body" else None
            s_start = sentence["start"] if sentence else region.multi.to_doc(
                max([0] + [i for i, _ in simple_sentence_bounds(region.text) if i <= q.start]))
            within = [m for m in in_region if any(pc.start <= m["start"] and m["end"] <= pc.end for pc in pieces)]
            subject = _actor_in(within, start, end)  # named in the quote's own words
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
                "location": "cited-title" if citation else "text", "citation_id": citation,
            })
    for entry in overrides.unused():
        errors.append(InputError(entry.path, f"quantity {entry['quote']!r}: no quantity detected starts "
                                 "with these words", line=entry.line_of("quote")))


TRAILING_QUALIFIERS = {"or so", "or more", "or less", "or fewer"}


def singular(unit: str) -> str:
    """The unit's last word in the singular, for a value of one: "1 decade", "1 nautical mile"."""
    head, _, word = unit.rpartition(" ")
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "xes", "sses")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us")) and len(word) > 2:
        word = word[:-1]
    return f"{head} {word}" if head else word


def describe(q, year=None) -> str:
    """A readable statement of a quantity: "about 1.785 trillion yuan (2025)" (numbers as
    :func:`alliance_record.numbers.human_number` writes them)."""
    value = human_number(q.value)
    if q.value_max is not None:
        value += f"–{human_number(q.value_max)}"
    unit = currency_word(q.currency) or q.unit
    if unit and q.value == 1 and q.value_max is None and not q.currency:
        unit = singular(unit)
    after = q.qualifier in TRAILING_QUALIFIERS  # "the past decade or so": 1 decade or so
    parts = [None if after else q.qualifier, value, unit, q.qualifier if after else None]
    text = " ".join(p for p in parts if p)
    if q.out_of:
        text += f" out of {human_number(q.out_of)}"
    year = year or q.year
    if year:
        text += f" ({year})"
    if q.base_year:
        text += f" (compared with {q.base_year})"
    return text


def _recommendations(doc, seg, annotations, out, errors):
    from .events import find_container, joined_texts

    joined = joined_texts(doc, seg)
    curated_spans, curated_nodes = [], {}
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
            "candidate_id": None, "finder_miss": _ws(rec["finder_miss"]) if rec.get("finder_miss") else None,
            "reviewed": reviewed(rec),
        })
        for actor_id in addressees:
            out["recommendation_addressees"].append({"recommendation_id": rec["id"], "actor_id": actor_id})
        curated_spans.append((located.start, located.end, rec["id"]))
        curated_nodes[rec["id"]] = rec

    rejected = list(annotations.get("rejected_candidates") or [])
    used_rejections, found = set(), {}
    headings = {s["id"]: s["heading"] for s in seg.sections}
    sentences_of = defaultdict(list)  # paragraph id -> its sentences (a pass over all of them per paragraph was quadratic)
    for s in seg.sentences:
        sentences_of[s["paragraph_id"]].append(s)
    for p in seg.paragraphs:
        if p["kind"] != "body":
            continue
        multi, text = seg.paragraph_pieces[p["id"]], p["text"]
        bounds, cursor = [], 0
        for s in sentences_of.get(p["id"], ()):
            i = text.find(s["text"], cursor)
            if i >= 0:
                bounds.append((i, i + len(s["text"])))
                cursor = i + len(s["text"])
        for c in recommendations_mod.find_candidates(text, headings.get(p["section_id"]), bounds or None):
            pieces = multi.sub(c.start, c.end)
            start, end = pieces[0].start, pieces[-1].end
            status, rec_id, reason = "uncurated", None, None
            cid = f"{doc.id}-rc{len(out['recommendation_candidates']) + 1:03d}"
            overlap = [r for a, b, r in curated_spans if a < end and start < b]
            if overlap:
                status, rec_id = "curated", overlap[0]
                for r in overlap:  # a sentence may hold two recommendations
                    found.setdefault(r, cid)
            else:
                for k, r in enumerate(rejected):
                    if _ws(c.sentence).startswith(_ws(r["sentence"])):
                        status, reason = "rejected", r["reason"]
                        used_rejections.add(k)
                        break
            out["recommendation_candidates"].append({
                "id": cid, "document_id": doc.id,
                "section_id": p["section_id"], "paragraph_id": p["id"], "sentence": c.sentence,
                "start": start, "end": end, "spans": _pieces_json(pieces), "cue": c.cue,
                "strength": c.strength, "score": c.score, "reason": c.reason, "status": status,
                "recommendation_id": rec_id, "rejection_reason": reason,
            })
    for row in out["recommendations"]:
        row["candidate_id"] = found.get(row["id"])
        if row["candidate_id"] and row["finder_miss"]:
            rec = curated_nodes[row["id"]]
            errors.append(InputError(rec.path, f"recommendation {row['id']!r}: `finder_miss` says the finder "
                                     f"misses it, but it flags it ({row['candidate_id']}): remove finder_miss",
                                     line=rec.line_of("finder_miss")))
    for k, r in enumerate(rejected):
        if k not in used_rejections:
            errors.append(InputError(r.path, f"rejected candidate {r['sentence'][:60]!r}: the recommendation "
                                     "finder flags no sentence starting with these words", line=r.line))
