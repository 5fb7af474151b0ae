"""Mentions: every occurrence of every registry actor and place, found by code.

Where: the title, headings, chapter bylines and affiliations, figure captions and credits, body
paragraphs, reference-list entries and footnote bodies (``region`` says which). Web furniture is
not searched, and neither is anything inside a URL.

How: all names and aliases go into one Aho-Corasick automaton (pyahocorasick), matched against a
*view* of each region in which whitespace runs are one space, curly apostrophes are straight and
dashes are hyphens — so a name broken across a line ("Shinjiro\\nKoizumi") or a page break still
matches, and offsets map back exactly. A leading "the" is not part of a form ("the PRC" and
"PRC" are one form; the surface is "PRC"). Then, in order:

1. word boundaries: a match must not continue a word on either side ("US" is not in "USFJ"; a
   possessive "’s" after a name is fine, and hyphen compounds such as "U.S.-Japan" count);
2. a place or state name that opens an unregistered proper name ending in an organisational head
   noun ("Pacific War", "Asia Society" when not registered) is not a mention of the place;
3. longest match wins ("U.S. Forces Japan" is one actor, not "U.S." and "Japan");
4. a form shared by an actor and a place ("Japan", "Tokyo", "Beijing", "the U.S.") is decided
   by context — see :func:`actor_or_place`;
5. a form shared by several persons (a bare surname such as "Koizumi") or several documents
   ("NSS") resolves to the one whose unambiguous form occurs in the same document, nearest
   before the mention (else nearest after); with no such evidence it stays unresolved and is
   reported, never guessed.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

import ahocorasick

from ..segment import SUPERSCRIPTS, Region, regions
from ._text import simple_sentence_bounds

CONTEXT_CHARS = 32

FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2013": "-", "\u2014": "-",
                      "\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " ",
                      # footnote markers are not part of a word: "Philippines²¹"
                      **{ch: " " for ch in SUPERSCRIPTS}})
SPACE_RUN = re.compile(r"\s{2,}|[^\S ]")
URL_SPAN = re.compile(r"<?(?:https?://|www\.)[^\s<>]+>?|\bdoi:\s*\S+", re.I)
LEADING_THE = re.compile(r"^the\s+(?=[A-Z0-9])")  # "the PRC" -> "PRC"; "The Diplomat" keeps its "The"
# "East and South China Seas", "North and South Korea": two names sharing their last words.
ELLIPSIS = re.compile(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) ((?:[A-Z][\w.-]* )*[A-Z][\w.-]*?)(s?)\b")

# Rule 2: organisational head nouns that make "Pacific War" or "Asia Society" a name of its own.
ORG_HEADS = {
    "war", "wars", "society", "council", "foundation", "institute", "institution", "university",
    "college", "times", "post", "magazine", "review", "quarterly", "journal", "forum", "initiative",
    "center", "centre", "dialogue", "program", "programme", "partnership", "conference", "summit",
    "news", "herald", "tribune", "press", "affairs", "studies", "report", "doctrine", "strategy",
    "treaty", "agreement", "declaration", "command", "fleet", "company", "corporation", "bank",
    "network", "project", "analysis", "tracker", "era",
}

# Rule 4 vocabulary.
LOCATIVE_BEFORE = {"in", "at", "near", "into", "across", "throughout", "around", "off", "within",
                   "inside", "outside", "via", "toward", "towards", "onto", "surrounding", "over"}
# A name as the ground of military action is the territory: "invade Taiwan", "attack on Venezuela".
TARGET_BEFORE = re.compile(r"\b(?:invade[sd]?|invading|invasion of|attack(?:s|ed)? on|strikes? on|"
                           r"landings? on|blockade of|occupation of|occupy|occupied)\s+$", re.I)
# ... and so is a name that qualifies a situation: "a Taiwan contingency", "a Taiwan crisis".
PLACE_QUALIFIED = {"contingency", "crisis", "emergency", "border", "coast", "waters", "strait"}
MOTION_BEFORE = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|trip|travel(?:s|ed|led|ing)?|return(?:s|ed|ing)?|flew|flown|deploy(?:s|ed|ment)?|"
    r"arriv(?:e|es|ed|al)|came|went|moved?|dispatch(?:ed)?|station(?:s|ed)?|based|located|sail(?:s|ed)?|"
    r"head(?:s|ed|ing)?|route|port call|stop)\s+(?:to|in|into|at|toward|towards|from|near)\s+$", re.I)
PLACE_NOUNS = {"district", "region", "islands", "island", "coast", "coastline", "waters", "soil",
               "territory", "territories", "airspace", "vicinity", "capital", "prefecture", "city",
               "mainland", "shores", "ports", "port", "bases", "base", "streets", "archipelago",
               "southwest", "north", "south", "east", "west", "grounds"}
AUXILIARIES = {"has", "have", "had", "is", "was", "are", "were", "will", "would", "must", "should",
               "can", "could", "may", "might", "did", "does", "do", "remains", "continues", "seeks",
               "sees", "says", "said", "tends", "needs", "presses", "wants", "cannot", "also",
               "already", "then", "now", "still", "has", "may", "shoulders", "takes", "faces"}
AGENT_BEFORE = re.compile(r"\b(?:for|with|by|between|and|of|against|from)\s+$", re.I)


@dataclass(frozen=True)
class Candidate:
    kind: str   # "actor" | "place"
    id: str
    type: str
    via: str    # "name" | "alias"


@dataclass
class Lexicon:
    """Every registry form, folded, with the entities it may name."""

    automaton: object
    forms: dict            # folded form -> tuple of Candidates
    max_len: int = 0

    @classmethod
    def build(cls, actors, places) -> "Lexicon":
        forms: dict[str, dict] = defaultdict(dict)
        for kind, registry in (("actor", actors), ("place", places)):
            for e in registry.entries:
                for via, form in [("name", e["name"])] + [("alias", a) for a in e["aliases"]]:
                    key = fold_form(form)
                    if key and (kind, e["id"]) not in forms[key]:  # the name comes first
                        forms[key][(kind, e["id"])] = Candidate(kind, e["id"], e["type"], via)
        automaton = ahocorasick.Automaton()
        frozen = {}
        for key, cands in forms.items():
            frozen[key] = tuple(sorted(cands.values(), key=lambda c: (c.kind, c.id)))
            automaton.add_word(key, key)
        if frozen:
            automaton.make_automaton()
        return cls(automaton=automaton, forms=frozen, max_len=max(map(len, frozen), default=0))


def fold_form(form: str) -> str:
    form = " ".join(str(form).translate(FOLD).split())
    return LEADING_THE.sub("", form)


@dataclass
class View:
    """A folded view of a text: one space for each whitespace run; offsets map back."""

    text: str
    view: str
    anchors_view: list = field(default_factory=list)
    anchors_text: list = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> "View":
        folded = text.translate(FOLD)
        parts, av, at = [], [0], [0]
        pos = vpos = 0
        for m in SPACE_RUN.finditer(folded):
            parts.append(folded[pos:m.start()])
            vpos += m.start() - pos
            parts.append(" ")
            vpos += 1
            pos = m.end()
            av.append(vpos)
            at.append(pos)
        parts.append(folded[pos:])
        return cls(text=text, view="".join(parts), anchors_view=av, anchors_text=at)

    def to_text(self, v: int) -> int:
        """Map a view offset to a text offset (for an exclusive end, map ``end - 1`` and add 1)."""
        k = bisect.bisect_right(self.anchors_view, v) - 1
        return self.anchors_text[k] + (v - self.anchors_view[k])


@dataclass
class Match:
    region: Region
    i: int          # offsets in region.text
    j: int
    form: str
    candidates: tuple
    doc_start: int = 0
    doc_end: int = 0
    chosen: Candidate | None = None
    method: str = ""


def find_matches(lexicon: Lexicon, region: Region) -> list[Match]:
    """Candidate matches in one region after rules 1-3 (boundaries, org names, longest)."""
    if not lexicon.forms:
        return []
    view = View.of(region.text)
    v = view.view
    blocked = [(m.start(), m.end()) for m in URL_SPAN.finditer(v)]
    found = []
    for end_idx, key in lexicon.automaton.iter(v):
        start = end_idx - len(key) + 1
        end = end_idx + 1
        if start > 0 and (v[start - 1].isalnum() or v[start - 1] == "_"):
            continue
        if end < len(v) and (v[end].isalpha() or v[end] == "_" or (v[end].isdigit() and key[-1] != ".")):
            continue  # "D.C.2024" still holds "D.C."
        if key[-1] == "." and end < len(v) and v[end] == ".":
            continue
        if any(a < end and start < b for a, b in blocked):
            continue
        found.append((start, end, key))
    for m in ELLIPSIS.finditer(v):
        w1, w2, shared, plural = m.groups()
        keys = [fold_form(f"{word} {shared}") for word in (w1, w2)]
        if all(k in lexicon.forms for k in keys) and not any(a < m.end() and m.start() < b for a, b in blocked):
            found.extend((m.start(), m.end(), k) for k in keys)
    # rule 3: longest first, then leftmost (two names elided into one phrase share its span)
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for start, end, key in found:
        if any(a < end and start < b and (a, b) != (start, end) for a, b in taken):
            continue
        if (start, end, key) in chosen:
            continue
        taken.append((start, end))
        chosen.append((start, end, key))
    chosen.sort()
    out = []
    for start, end, key in chosen:
        cands = lexicon.forms[key]
        if all(c.kind == "place" or c.type == "state" for c in cands) and opens_other_name(v, end, lexicon):
            continue  # rule 2
        i, j = view.to_text(start), view.to_text(end - 1) + 1
        out.append(Match(region, i, j, key, cands))
    return out


def opens_other_name(view: str, end: int, lexicon: Lexicon) -> bool:
    """Rule 2: "Pacific War", "Asia Society": a capitalised name continues to an org head noun."""
    rest = view[end:end + 80]
    words = re.match(r"((?: (?:[A-Z][\w'&.-]*|of|and|for|the|on))+)", rest)
    if not words:
        return False
    tokens = []
    for token in words.group(1).split():
        tokens.append(token)
        if token.endswith(".") and not ABBREVIATION.match(token):
            break  # the name ends with the sentence: "Taiwan Crisis. Sasakawa Peace Foundation"
    while tokens and tokens[-1] in ("of", "and", "for", "the", "on"):
        tokens.pop()
    if not tokens or len(tokens) > 5:
        return False
    return tokens[-1].strip(".'").lower() in ORG_HEADS


def actor_or_place(match: Match, matches_in_region: list[Match]) -> tuple[str, str]:
    """Rule 4: does this occurrence of a name shared by an actor and a place mean the place?

    Place when the name follows a locative preposition ("met in Tokyo", "stationed in Japan") or
    a verb of motion ("visit to Japan", "trip to the United States"), when its possessive is
    followed by a place noun ("Tokyo’s Ichigaya district"), or when it completes an address
    after another place ("Tokyo, Japan"). Actor when it is the subject of a verb, possibly
    coordinated ("Tokyo and Washington confirmed", "Japan established"), when its possessive
    governs anything else ("Washington’s commitment"), or after "for/with/between ..."
    ("for Tokyo and Washington to build"). Otherwise the default: a city, district or facility
    is a place; a country is the state acting.
    """
    text = match.region.text
    before = text[max(0, match.i - 60):match.i].translate(FOLD)
    after = text[match.j:match.j + 60].translate(FOLD)
    words_before = re.findall(r"[\w.'-]+|[,:;]", before)
    prev = words_before[-1].lower() if words_before else ""
    prev2 = words_before[-2].lower() if len(words_before) > 1 else ""
    if prev == "the":
        prev, prev2 = prev2, (words_before[-3].lower() if len(words_before) > 2 else "")

    place_types = {c.type for c in match.candidates if c.kind == "place"}
    possessive = re.match(r"'s?\s+([\w-]+)", after)
    if possessive:
        return ("place", "possessive+place-noun") if possessive.group(1).lower() in PLACE_NOUNS \
            else ("actor", "possessive")
    before_core = re.sub(r"(?i)\bthe\s+$", "", before)
    if prev in LOCATIVE_BEFORE or MOTION_BEFORE.search(before_core) or TARGET_BEFORE.search(before_core):
        return "place", "locative"
    next_word = re.match(r"\s+([A-Za-z]+)", after)
    if next_word and next_word.group(1).lower() in PLACE_QUALIFIED:
        return "place", "qualifier"
    if prev in (",", ":") and _previous_is_place(match, matches_in_region):
        return "place", "address"
    if _agentive_after(after, match, matches_in_region):
        return "actor", "agentive"
    if AGENT_BEFORE.search(before):
        return "actor", "agentive"
    if place_types & {"city", "district", "facility", "admin-area"}:
        return "place", "default"
    return "actor", "default"


def _previous_is_place(match, matches):
    prior = [m for m in matches if m.j <= match.i]
    if not prior:
        return False
    last = prior[-1]
    gap = match.region.text[last.j:match.i]
    return re.fullmatch(r"\s*[,:]\s*", gap) is not None and (
        last.chosen is not None and last.chosen.kind == "place")


def _agentive_after(after: str, match, matches) -> bool:
    """The name is followed (maybe after "and <another name>") by a verb."""
    rest = after
    # skip a coordinated name: "Tokyo and Washington confirmed"
    for other in matches:
        if other.i >= match.j and other is not match:
            gap = match.region.text[match.j:other.i]
            if re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", gap):
                rest = match.region.text[other.j:other.j + 60].translate(FOLD)
            break
    word = re.match(r"\s+(?:\(\w+\)\s+)?([A-Za-z]+)\b", rest)
    if not word:
        return False
    w = word.group(1)
    if w[0].isupper():  # title case ("Pentagon Reviewing Base Defense"): only an -ing verb counts
        return w.endswith("ing") and len(w) > 5
    return w in AUXILIARIES or (w.endswith("ed") and len(w) > 4) or (
        w.endswith("s") and len(w) > 3 and not w.endswith("ss") and w not in PLACE_NOUNS
        and rest.lstrip().startswith(w + " ") and _looks_like_verb_s(w))


_NOUN_S = {"forces", "ships", "troops", "bases", "islands", "waters", "officials", "leaders", "allies",
           "interests", "claims", "actions", "efforts", "relations", "talks", "exercises", "patrols",
           "tactics", "threats", "operations", "capabilities", "partners", "vessels", "jets",
           "missiles", "bombers", "fighters", "affairs", "ties", "means", "news", "series"}


def _looks_like_verb_s(w: str) -> bool:
    return w not in _NOUN_S


def resolve_document(matches: list[Match]):
    """Rules 4 and 5 over all matches of one document (in reading order)."""
    by_region = defaultdict(list)
    for m in matches:
        by_region[id(m.region)].append(m)
    # rule 4 first, region by region (an address rule looks at the previous decision)
    for region_matches in by_region.values():
        for m in region_matches:
            kinds = {c.kind for c in m.candidates}
            cands = m.candidates
            method = ""
            if len(kinds) == 2:
                kind, why = actor_or_place(m, region_matches)
                cands = tuple(c for c in cands if c.kind == kind)
                method = f"context:{why}"
            if len(cands) == 1:
                m.chosen = cands[0]
                m.method = "+".join(x for x in (cands[0].via, method) if x)
            else:
                m.candidates = cands
                m.method = method
    # rule 5: evidence of unambiguous forms in the document
    evidence = defaultdict(list)
    for m in matches:
        if m.chosen is not None:
            evidence[(m.chosen.kind, m.chosen.id)].append(m.doc_start)
    for m in matches:
        if m.chosen is not None:
            continue
        best = None
        for c in m.candidates:
            for pos in evidence[(c.kind, c.id)]:
                before = pos < m.doc_start
                key = (0 if before else 1, (m.doc_start - pos) if before else (pos - m.doc_start))
                if best is None or key < best[0]:
                    best = (key, c)
        if best:
            rule = "surname" if best[1].type == "person" else "document-evidence"
            m.chosen = best[1]
            m.method = "+".join(x for x in ("alias", m.method, rule) if x)


def extract(doc, seg, rows, ctx) -> dict:
    """actor_mentions and place_mentions rows for one document."""
    lexicon = ctx.cache.get("mentions.lexicon")
    if lexicon is None:
        lexicon = ctx.cache["mentions.lexicon"] = Lexicon.build(ctx.inputs.actors, ctx.inputs.places)
    text = doc.text
    matches: list[Match] = []
    unmatched = ctx.state.setdefault("mentions.unmatched", {})
    ctx.state.setdefault("mentions.lowercase", set()).update(LOWER_WORD.findall(text))
    for region in regions(doc, seg):
        found = find_matches(lexicon, region)
        for m in found:
            m.doc_start = region.multi.to_doc(m.i)
            m.doc_end = region.multi.to_doc(m.j - 1) + 1
            matches.append(m)
        if region.kind in ("title", "heading"):
            continue  # headings are in title case; their names recur in the text below
        for surface, i in unmatched_names(region, [(m.i, m.j) for m in found]):
            entry = unmatched.setdefault(surface, {"count": 0, "documents": [], "example": None})
            entry["count"] += 1
            if doc.id not in entry["documents"]:
                entry["documents"].append(doc.id)
            if entry["example"] is None:
                entry["example"] = " ".join(region.text[max(0, i - 60):i + len(surface) + 60].split())
    matches.sort(key=lambda m: m.doc_start)
    resolve_document(matches)

    out = {"actor_mentions": [], "place_mentions": [], "actor_mentions_by_document": []}
    unresolved = ctx.state.setdefault("mentions.unresolved", [])
    counters = {"actor": 0, "place": 0}
    region_cache: dict = {}
    for m in matches:
        if m.chosen is None:
            unresolved.append({"document_id": doc.id, "surface": m.region.text[m.i:m.j],
                               "candidates": [c.id for c in m.candidates], "start": m.doc_start})
            continue
        kind = m.chosen.kind
        counters[kind] += 1
        pieces = m.region.multi.sub(m.i, m.j)
        spans = [[p.start, p.end] for p in pieces] if len(pieces) > 1 else None
        key = id(m.region)
        if key not in region_cache:
            region_cache[key] = region_sentences(m.region)
        sentence_id, sentence, s_start, s_end = sentence_of(m, region_cache[key])
        row = {
            "id": f"{doc.id}-{kind[0]}m{counters[kind]:04d}",
            f"{kind}_id": m.chosen.id, "document_id": doc.id,
            "region": m.region.kind, "paragraph_id": m.region.paragraph_id,
            "footnote_id": m.region.footnote_id, "section_id": m.region.section_id,
            "sentence_id": sentence_id, "start": m.doc_start, "end": m.doc_end,
            "surface": m.region.text[m.i:m.j], "spans": None,
            "prefix": text[max(0, m.doc_start - CONTEXT_CHARS):m.doc_start],
            "suffix": text[m.doc_end:m.doc_end + CONTEXT_CHARS],
            "sentence": sentence, "sentence_start": s_start, "sentence_end": s_end,
            "method": m.method,
        }
        if spans:
            row["spans"] = json.dumps(spans)
        out[f"{kind}_mentions"].append(row)
    summarise(doc.id, out, ctx.state)
    return out


def summarise(doc_id: str, out: dict, state: dict):
    """Per-document summaries (mentions per actor, actors sharing a sentence) and corpus tallies."""
    per_actor: dict = {}
    by_sentence: dict = defaultdict(set)
    for row in out["actor_mentions"]:
        entry = per_actor.setdefault(row["actor_id"], {"mentions": 0, "first_start": row["start"]})
        entry["mentions"] += 1
        by_sentence[row["sentence_start"]].add(row["actor_id"])
    for actor_id, entry in sorted(per_actor.items()):
        out["actor_mentions_by_document"].append({
            "actor_id": actor_id, "document_id": doc_id, "mentions": entry["mentions"],
            "first_start": entry["first_start"]})
    # co-mentions are summed over the corpus in finish(): per document only counts are kept
    pairs = state.setdefault("mentions.pairs", {})
    for start, actors in sorted(by_sentence.items()):
        for a in actors:
            for b in actors:
                if a != b:
                    entry = pairs.setdefault(f"{a}\t{b}", {"sentences": 0, "documents": 1,
                                                            "first_document_id": doc_id})
                    entry["sentences"] += 1
    for kind in ("actor", "place"):
        tally = state.setdefault(f"mentions.{kind}_tally", {})
        for row in out[f"{kind}_mentions"]:
            t = tally.setdefault(row[f"{kind}_id"], {"mentions": 0, "documents": set()})
            t["mentions"] += 1
            t["documents"].add(doc_id)


def finish(ctx) -> dict:
    """Corpus stage: the ``unmatched_names`` report (what the registries miss, with counts) and
    ``actor_co_mentions`` (pairs of actors named in one sentence, summed over the corpus)."""
    rules = ctx.inputs.unmatched_ignore
    lowercase = ctx.state.get("mentions.lowercase", set())
    rows = []
    for surface, entry in sorted(ctx.state.get("mentions.unmatched", {}).items()):
        reason = ignore_reason(surface, rules)
        status = "ignored" if reason else "unmatched"
        words = [w.strip(".,'’").lower() for w in re.split(r"[\s-]+", surface) if w.strip(".,'’")]
        if not reason and not surface.isupper() and words and all(
                w in lowercase or w in CONNECTORS for w in words):
            status, reason = "common-words", ("every word also occurs in lower case in the corpus: "
                                              "a title-case phrase, not a name")
        rows.append({"surface": surface, "status": status,
                     "reason": reason, "count": entry["count"],
                     "document_count": len(entry["documents"]),
                     "documents": json.dumps(sorted(entry["documents"])), "example": entry["example"]})
    ambiguous: dict = {}
    for u in ctx.state.get("mentions.unresolved", []):
        entry = ambiguous.setdefault(u["surface"], {"count": 0, "documents": set(), "cands": set()})
        entry["count"] += 1
        entry["documents"].add(u["document_id"])
        entry["cands"].update(u["candidates"])
    for surface, entry in sorted(ambiguous.items()):
        rows.append({"surface": surface, "status": "ambiguous",
                     "reason": "no evidence decides between " + ", ".join(sorted(entry["cands"])),
                     "count": entry["count"], "document_count": len(entry["documents"]),
                     "documents": json.dumps(sorted(entry["documents"])), "example": None})
    for n, row in enumerate(rows, start=1):
        row["id"] = n
    co_mentions = []
    for key, entry in sorted(ctx.state.get("mentions.pairs", {}).items()):
        a, b = key.split("\t")
        co_mentions.append({"actor_id": a, "other_actor_id": b, "sentences": entry["sentences"],
                            "documents": entry["documents"], "first_document_id": entry["first_document_id"]})
    return {"unmatched_names": rows, "actor_co_mentions": co_mentions}


def ignore_reason(surface: str, rules: list) -> str | None:
    for rule in rules:
        if rule.get("surface") == surface or (
                rule.get("pattern") and re.fullmatch(rule["pattern"], surface)):
            return rule["reason"]
    return None


def region_sentences(region: Region) -> list:
    """The sentences of a region as ``(i, j, sentence_id, text, doc_start, doc_end)``, ``i``/``j``
    in the region's text: sentence rows for paragraphs; for footnotes, captions and references
    the region split (and a heading, byline or affiliation is one sentence)."""
    if region.sentences:
        out = []
        for start, end, sid, stext in region.sentences:
            i = region.text.find(stext)
            out.append((i if i >= 0 else 0, (i if i >= 0 else 0) + len(stext), sid, stext, start, end))
        return out
    # footnotes and captions are citations and labels: a quick splitter is enough (syntok is the
    # build's most expensive step per character, kept for the body text's sentence rows)
    bounds = simple_sentence_bounds(region.text) if region.kind in ("footnote", "caption", "reference") \
        else [(0, len(region.text))]
    return [(i, j, None, region.text[i:j], region.multi.to_doc(i), region.multi.to_doc(j - 1) + 1)
            for i, j in bounds if j > i]


def sentence_of(m: Match, sentences: list):
    """The sentence around a match, found by bisection among its region's sentences."""
    if m.region.sentences:
        starts = [s[4] for s in sentences]
        k = bisect.bisect_right(starts, m.doc_start) - 1
        if k >= 0 and sentences[k][4] <= m.doc_start < sentences[k][5]:
            return sentences[k][2], sentences[k][3], sentences[k][4], sentences[k][5]
    else:
        starts = [s[0] for s in sentences]
        k = bisect.bisect_right(starts, m.i) - 1
        if k >= 0 and sentences[k][0] <= m.i < sentences[k][1]:
            return None, sentences[k][3], sentences[k][4], sentences[k][5]
    region = m.region
    return None, region.text, region.multi.start, region.multi.end


# --- what the registries miss ---------------------------------------------------------------------

LOWER_WORD = re.compile(r"\b[a-z][a-z'’]+\b")
ABBREVIATION = re.compile(r"^(?:[A-Z]\.)+$")
INTERESTING_TOKEN = re.compile(r"(?<![\w'’.&-])(?:[A-Z][\w'’.&-]*|(?:of|the|and|for|de|du|von|van|al|on|in)"
                               r"(?![\w'’.&-]))")
NAME_TOKEN = re.compile(r"[A-Z][\w'’.&-]*[\w.]|[A-Z]")
CONNECTORS = {"of", "the", "and", "for", "de", "du", "von", "van", "al", "on", "in"}
SENTENCE_WORDS = {
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "in", "on", "at", "as", "but",
    "and", "or", "however", "moreover", "furthermore", "while", "when", "since", "first", "second",
    "third", "finally", "although", "despite", "given", "yet", "rather", "currently", "still",
    "already", "naturally", "certainly", "unfortunately", "likewise", "against", "over", "under",
    "regarding", "according", "even", "if", "there", "they", "he", "she", "we", "our", "their",
    "his", "her", "both", "such", "to", "with", "after", "before", "during", "by", "from", "for",
    "also", "much", "many", "most", "more", "some", "any", "all", "each", "one", "two", "three",
    "what", "whether", "which", "who", "where", "why", "how", "no", "not", "so", "then", "thus",
    "instead", "beyond", "through", "ahead", "speaking", "promoting", "naming", "clad", "stability",
    "efforts", "resuming", "achieving", "confronting", "responding", "failure", "act", "strong",
    "continued", "healthy", "representatives", "security", "enlarging", "naval", "see", "further",
    "additional", "alliance", "japanese", "chinese", "american", "russian", "korean", "u.s.",
}
MONTHS_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
               "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
               "thursday", "friday", "saturday", "sunday"}


def unmatched_names(region: Region, covered: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Capitalised names and acronyms in a region that no mention covers: (surface, offset)."""
    text = region.text.translate(FOLD)
    blocked = [(m.start(), m.end()) for m in URL_SPAN.finditer(text)] + covered
    # inside[i]: how many characters before i are blocked (a token [s, e) is free when equal)
    mask = bytearray(len(text) + 1)
    for a, b in blocked:
        a, b = max(0, a), min(b, len(text))
        if b > a:
            mask[a:b] = b"\x01" * (b - a)
    inside = list(itertools.accumulate(mask, initial=0))
    # Only capitalised tokens and connectors can be part of a name; any other token between two
    # of them shows in the gap, which then is not a single space.
    tokens = [(m.start(), m.end(), m.group()) for m in INTERESTING_TOKEN.finditer(text)]
    runs, run = [], []
    for k, (s, e, w) in enumerate(tokens):
        prev_end = tokens[k - 1][1] if k else -1
        gap = text[prev_end:s] if k else ""
        starts_name = w[0].isupper() and bool(NAME_TOKEN.fullmatch(w)) and inside[e] == inside[s]
        prev_word = tokens[k - 1][2] if k else ""
        ends_sentence = prev_word.endswith(".") and not ABBREVIATION.match(prev_word)
        joinable = run and gap == " " and not ends_sentence
        if starts_name and (joinable or not run):
            run.append((s, e, w))
        elif starts_name:
            runs.append(run)
            run = [(s, e, w)]
        elif (joinable and w in CONNECTORS and k + 1 < len(tokens) and text[e:tokens[k + 1][0]] == " "
              and NAME_TOKEN.fullmatch(tokens[k + 1][2])):
            run.append((s, e, w))
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    out = []
    for run in runs:
        while run and run[-1][2] in CONNECTORS:
            run.pop()
        # a sentence-initial common word is not part of a name
        if run:
            s0 = run[0][0]
            window = text[max(0, s0 - 80):s0]
            before = window.rstrip()
            at_sentence_start = (not before and s0 < 80) or (before and before[-1] in ".!?:”\"“") \
                or "\n" in window[len(before):]
            if at_sentence_start and run[0][2].lower().strip(".") in SENTENCE_WORDS:
                run = run[1:]
        if not run:
            continue
        surface = text[run[0][0]:run[-1][1]]
        surface = re.sub(r"(?:'s|’s|')$", "", surface).rstrip(".") if not re.search(r"\b[A-Z]\.$", surface) \
            else surface
        words = surface.lower().split()
        if not surface or all(w.strip(".") in MONTHS_DAYS or w in SENTENCE_WORDS for w in words):
            continue
        if len(surface) < 2 or surface.isdigit():
            continue
        out.append((surface, run[0][0]))
    return out
