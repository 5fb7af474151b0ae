"""Mentions: every occurrence of every registry actor and place, found by code.

Where: the title, headings, chapter bylines and affiliations, figure captions and credits, body
paragraphs, reference-list entries and footnote bodies (``region`` says which), and the text the
segmenter classes as boilerplate — a cover line, a table of contents, a newsletter prompt, a
copyright line (region ``boilerplate``, no paragraph): a name there is still named by the document,
but for a cover, footer or contents line written in capitals, a site's banner or a publisher's
name on a cover ("U.S. FORCES JAPAN"), which is the page's (a speaker's label or a dateline in
capitals is searched).
A boilerplate line that repeats the document's title or one of its headings (a repeated title, a
table-of-contents entry) is not searched again: its names are already mentions where the heading
is. Nothing inside a URL is searched. A wire story's dateline ("TOKYO, Sept 26 (Agency) -") is
searched with its place in capitals, and its agency is an entity candidate (no other boilerplate
gives candidates).

How: all names and aliases go into one Aho-Corasick automaton (pyahocorasick), matched against a
*view* of each region in which whitespace runs are one space, curly apostrophes are straight and
dashes are hyphens — so a name broken across a line ("Shinjiro\\nKoizumi") or a page break still
matches, and offsets map back exactly. A leading "the" is not part of a form ("the PRC" and
"PRC" are one form; the surface is "PRC"). A form with lower-case words also matches with those
words capitalised, as headings and cited titles write it ("U.S.-Japan Alliance", "U.S.
Military"), unless that spelling is another entry's form; a region written in capitals (a cover
line) is matched against the forms in capitals. Then, in order:

1. word boundaries: a match must not continue a word on either side ("US" is not in "USFJ"; a
   possessive "’s" after a name is fine, and hyphen compounds such as "U.S.-Japan" count; a
   year glued to a name, "Japan2025", does not hide the name);
2. a place or state name that opens an unregistered proper name ending in an organisational head
   noun ("Pacific War", "Asia Society" when not registered) is not a mention of the place; and a
   form that begins with a demonym ("Chinese military") is a name only where it ends its noun
   phrase ("the Chinese military has", not "Chinese military aggression"); a place or state that
   ends another name is not a mention either: after a unit's head noun ("U.S. Naval Forces
   Japan"), with the word before it a place the gazetteer knows ("South America"), or before
   "state" where a U.S. state has its name ("Washington state") — see :func:`in_other_place_name`;
   and states hyphenated to one another at the head of the name of a meeting, a group or a
   document ("Japan-U.S.-ROK Summit Meeting") are words of that name, no mentions (only a head
   noun proves such a name, not a capital: :func:`states_compounded`);
3. longest match wins ("U.S. Forces Japan" is one actor, not "U.S." and "Japan");
4. a form shared by an actor and a place ("Japan", "Tokyo", "Beijing", "the U.S.") is decided
   by context — see :func:`actor_or_place`; names coordinated in a list ("Tokyo and
   Washington", "China, North Korea, and Russia") share one reading. A registered state's
   capital (GeoNames) names the state even where no registry lists it, but only on evidence of
   the state acting or acted upon ("Seoul moved first", "urged Seoul"): by default, after "in",
   before its mayor or residents, after "Duke of" it is the city, left to the entity candidates
   (:func:`capital_as_state`); a capital that is a common personal name ("Wellington") is none
   of its state's forms. A place's name between a clock time and "time" ("9:30 a.m. Tokyo
   time") is a time zone, no mention and no candidate; a place called "The Pentagon" that is also "Pentagon" is named without the article;
5. a form shared by several persons (a bare surname such as "Koizumi") or several documents
   ("NSS") resolves to the one whose unambiguous form occurs in the same document — first in the
   same part of it (the notes and references, or the text), nearest before the mention (else
   nearest after); with no such evidence it stays unresolved and is reported, never guessed.
   A registered person's family name alone ("Nakatani", "McCain"), and a ship's name without its
   prefix ("the George Washington" of "USS George Washington"), counts only in a document
   that names the person or the ship in full, and not where it is part of a place ("Austin, Texas") or of
   another capitalised name ("Steve Austin", "Austin Peay"): see
   :func:`family_name_in_other_name`. An acronym spelled by the capitals of a registered
   actor's name that the document writes in full ("the LDP" after "Liberal Democratic Party") is
   a mention of that actor (:func:`document_acronyms`). Another given name with an initial
   before a registered family name ("Jonathan T. Ratcliffe") makes the family name another
   person's, and so does a generational suffix the registry does not write ("Donald Trump Jr.").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import operator
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick
import regex

from .. import dates, gazetteer, schema
from ..errors import InputError
from ..segment import (COVER_RULE, DATELINE, DATELINE_RULE, FOOTER_RULE, SUPERSCRIPTS, TOC_RULE, WRAPPING_REGIONS,
                       Multi, Piece, Region, ends_sentence, regions, wrapped_break)
from . import entities
from .quantities import ORDINAL_WORDS
from ._text import (LINE_END_BREAK, LineEndWords, document_words, rejoined, simple_sentence_bounds, soft_breaks,
                    soft_hyphen)
from .entities import (GENERATIONAL, HEAD_TYPE, ROLE_HEADS, SHIP_PREFIX, TITLE_WORDS, VESSEL_BEFORE, NameSpans,
                       head_word)


def _without_diacritics() -> dict:
    """Latin letters with diacritics and their base letter, one character for one ("ō" -> "o"),
    so that a view keeps every offset: "Shinjirō Koizumi" matches "Shinjiro Koizumi"."""
    import unicodedata

    out = {}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(code)
        base = unicodedata.normalize("NFKD", ch)[:1]
        if base != ch and base.isascii() and base.isalpha():
            out[ch] = base
    return out


FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2013": "-", "\u2014": "-",
                      "\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " ",
                      **_without_diacritics(),
                      # footnote markers are not part of a word: "Philippines²¹"
                      **{ch: " " for ch in SUPERSCRIPTS}})
# Characters that show nothing: soft hyphens, zero-width spaces and joiners, the word joiner and a
# byte-order mark inside a text. A view leaves them out ("Koi\u00adzumi" is "Koizumi"; one beside a
# space is part of the space), so a name is matched through them and its surface still quotes them.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE_OUT = str.maketrans(dict.fromkeys(INVISIBLE))
# What a view changes: a run of spaces with an invisible character (one space, or nothing when it
# holds no space), a run of whitespace (one space), a single tab or line break (a space).
SPACE_RUN = re.compile(rf"[\s{INVISIBLE}]*[{INVISIBLE}][\s{INVISIBLE}]*|\s{{2,}}|[^\S ]")
VIEW_CHANGES = None  # SPACE_RUN or a shorter spelling (set below, after SPELLING_SHORTER)


# British spellings folded to American ones, in a text's view and in every registry form alike,
# so that either matches a form written the other way ("defence official" for "defense
# official", "Centre for ..." for "Center for ..."). Same-length folds change letters in place;
# the shorter one ("programme" -> "program") keeps offsets through the view's anchors (:class:`View`).
# Only the common nouns of institutions' names are folded (defence, offence, licence, centre,
# theatre, programme, -isation): whoever writes them, they name the same kind of thing. A word that
# is itself a proper name in one of its spellings is not: "Labour" (the British party) is not
# "Labor" (the Australian one), nor "Armour", "Honour" or "Harbour" a surname or a place written
# "-or" — the -our/-or pair tells different names apart as often as it spells one word two ways,
# and a registry entry's own country is no guide (Australia writes "labour", its party "Labor").
SPELLING_SAME = re.compile(r"(?<![^\W\d_])(?:([DdOo]ffen|[Dd]efen|[Ll]icen)c(?=e)"
                           r"|([Cc]ent|[Tt]heat)re(?=s?(?![^\W\d_]))"
                           r"|([^\W\d_]{3,})isation(?=s?(?![^\W\d_])))")
SPELLING_SHORTER = re.compile(r"(?<![^\W\d_])([Pp]rogra)mme(?=[a-z]*(?![^\W\d_]))")


def _spelling_same(m: re.Match) -> str:
    if m.group(1):
        return m.group(1) + "s"
    if m.group(2):
        return m.group(2) + "er"
    return m.group(3) + "ization"


def _spelling_shorter(m: re.Match) -> str:
    return m.group(1) + "m"


VIEW_CHANGES = re.compile(rf"(?P<shorter>{SPELLING_SHORTER.pattern})|{SPACE_RUN.pattern}")


def american_spelling(text: str) -> str:
    """``text`` with the British spellings of :data:`SPELLING_SAME` and :data:`SPELLING_SHORTER` folded."""
    return SPELLING_SHORTER.sub(_spelling_shorter, SPELLING_SAME.sub(_spelling_same, text))


def visible(text: str) -> str:
    """``text`` without the characters that show nothing (:data:`INVISIBLE`)."""
    return text.translate(INVISIBLE_OUT)
URL_SPAN = re.compile(r"<?(?:https?://|www\.)[^\s<>]+>?|\bdoi:\s*\S+", re.I)
LEADING_THE = re.compile(r"^the\s+(?=[A-Z0-9])")  # "the PRC" -> "PRC"; "The Diplomat" keeps its "The"
# "East and South China Seas", "North and South Korea": two names sharing their last words.
MIDDLE_INITIAL = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?) [A-Z]\. "
                            r"((?:[A-Z]['’])?[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)(?![\w'’-])")
# a generational suffix after a person's name, with its comma: "Donald Trump Jr.", "Joseph R. Biden III"
# (the suffixes are the candidates' entities.GENERATIONAL, written once)
GENERATIONAL_AFTER = re.compile(rf",? (?:{GENERATIONAL.pattern})\b")
ELLIPSIS = re.compile(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) ((?:[A-Z][\w.-]* )*[A-Z][\w.-]*?)(s?)\b")
# "Chinese and Russian militaries", "the Japanese and U.S. governments": two names sharing a
# common noun in the plural ("Chinese military", "Russian military").
ELLIPSIS_PLURAL = re.compile(r"\b([A-Z][\w.]*[a-z.]) and ([A-Z][\w.]*[a-z.]) ([a-z]+(?:ies|s))\b")

# Rule 2: organisational head nouns that make "Pacific War" or "Asia Society" a name of its own.
ORG_HEADS = {
    "war", "wars", "society", "council", "foundation", "institute", "institution", "university",
    "college", "times", "post", "magazine", "review", "quarterly", "journal", "forum", "initiative",
    "center", "centre", "dialogue", "program", "programme", "partnership", "conference", "summit",
    "news", "herald", "tribune", "press", "affairs", "studies", "report", "doctrine", "strategy",
    "treaty", "agreement", "declaration", "command", "fleet", "company", "corporation", "bank",
    "network", "project", "analysis", "tracker", "era", "watch", "desk", "monitor", "insight", "insights",
    "brief", "daily", "weekly", "today", "matters", "wire",
    # a publication's or a programme's name: "Asia Morning Briefing", "Pacific Security Digest"
    "briefing", "bulletin", "digest", "newsletter", "podcast", "roundup",
}

# Rule 4 vocabulary.
# "toward(s)" and "onto" are not here: "uncertainties toward the U.S." and "the burden onto Japan"
# name the state; a motion toward a place is caught by MOTION_BEFORE ("heading towards").
LOCATIVE_BEFORE = {"in", "at", "near", "into", "across", "throughout", "around", "off", "within",
                   "inside", "outside", "via", "surrounding", "over"}
# A name as the ground of military action is the territory: "invade Taiwan", "attack on Venezuela",
# "encroached on Japan".
TARGET_BEFORE = re.compile(r"\b(?:invade[sd]?|invading|invasion of|attack(?:s|ed)? on|strikes? on|"
                           r"landings? on|blockade of|occupation of|occupy|occupied|"
                           r"encroach(?:es|ed|ing|ment)? (?:on|upon|into)|intru(?:de[sd]?|ding|sions?) into)\s+$", re.I)
# ... and so is a name that qualifies a situation: "a Taiwan contingency", "a Taiwan crisis".
PLACE_QUALIFIED = {"contingency", "crisis", "emergency", "border", "coast", "waters", "strait"}
MOTION_BEFORE = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|trip|travel(?:s|ed|led|ing)?|return(?:s|ed|ing)?|flew|flown|deploy(?:s|ed|ment)?|"
    r"arriv(?:e|es|ed|al)|came|went|moved?|dispatch(?:ed)?|station(?:s|ed)?|based|located|sail(?:s|ed)?|"
    r"head(?:s|ed|ing)?|route|port call|stop|fl(?:y|ies|ying)|"
    # a way or a ride to the city: "the road to Tokyo was closed", "her flight to Seoul"
    r"roads?|highways?|railways?|flights?|trains?|journey)\s+(?:to|in|into|onto|at|toward|towards|from|near)\s+$",
    re.I)
# Spatial relations take the place: "north of Japan", "within close range of China, North Korea,
# and Russia", "away from Japan", "places like Cambodia, East Timor ...".
SPATIAL_BEFORE = re.compile(
    r"\b(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern|ward)?\s+of|"
    r"range\s+of|proximity\s+(?:of|to)|(?:next|adjacent)\s+to|away\s+from|"
    r"(?:places|locations|areas|regions|sites|destinations)\s+(?:like|such\s+as|including))\s+$", re.I)
# ... and so does a part of a city, before a city's name that heads no noun of its own: "the Sunan
# area of Pyongyang", "the outskirts of Beijing" (not "areas of U.S.-Japan cooperation", "the heart
# of Tokyo policy": the state's)
CITY_PART_BEFORE = re.compile(r"\b(?:area|outskirts|suburbs|streets|districts?)\s+of\s+$", re.I)
# ... and so does a name that is the subject of a spatial predicate: "Japan is within range of".
SPATIAL_AFTER = re.compile(
    r"^\s+(?:is|are|was|were|lies|lie|sits|sit|remains)\s+(?:[a-z]+\s+)?(?:within|near|close|adjacent|"
    r"located|situated|(?:north|south|east|west)\w*\s+of|bordered|surrounded)\b")
# A name a relative "where" follows is the place: "from Manila, where he met officials".
WHERE_AFTER = re.compile(r"^,\s+where\b")
# An attitude "in" a capital is its government's: "concern in Tokyo", "questions in both Tokyo and
# Washington".
OPINION_IN = re.compile(
    r"\b(?:concerns?|questions?|doubts?|worr(?:y|ies)|debates?|frustrations?|anxiet(?:y|ies)|unease|"
    r"alarm|s[ck]epticism|fears?|consensus)\s+(?:in|within|among)\s+$", re.I)
# ... and so is a judgement made there ("will be judged in Washington", "is watched in Beijing"),
# unless a "by" agent says who judged ("questioned in Tokyo by police": the city)
JUDGED_IN = re.compile(r"\b(?:judged|(?:dis|mis)?trusted|watched|scrutini[sz]ed)(?:\s+(?:closely|carefully|warily|keenly))?"
                       r"\s+(?:in|within|among)\s+$", re.I)
BY_AGENT_AFTER = re.compile(r"^\s+by\s+(?!(?:the|its|their|a|an|how|what|whether)\b)")
# A message or a move "aimed at" a capital, the name ending the phrase, is aimed at its state ("a
# launch aimed at Washington"; not "aimed at Tokyo commuters", its people)
AIMED_AT_BEFORE = re.compile(r"\b(?:aim(?:s|ed|ing)?|direct(?:s|ed|ing)?|target(?:s|ed|ing)?)\s+"
                             r"(?:(?:squarely|mainly|partly|chiefly|largely|primarily|also|plainly)\s+)?at\s+$", re.I)
NOUN_AFTER = re.compile(r"^\s+(?!(?:and|or|but|as|in|on|at|by|for|from|with|over|to|than|which|that|who|while|if|"
                        r"because|after|before|since|until|when|where)\b)[a-z]")
# The subject of a question acts where its verb is one of deciding, asking or saying: "Did
# Washington ask Japan to say this?", "Why would Tokyo agree?" (not "Will Tokyo remain", "Did Seoul host")
QUESTION_BEFORE = re.compile(r"(?:^|[.?!:\"“]\s*|\b(?:[Ww]hy|[Hh]ow|[Ww]hen|[Ww]hether|and|but|or)\s+)"
                             r"(?:[Dd]id|[Dd]oes|[Dd]o|[Ww]ill|[Ww]ould|[Cc]an|[Cc]ould|[Ss]hould|[Mm]ust)\s+$")
QUESTION_VERB_AFTER = re.compile(r"^\s+(?:ask|agree|want|decide|do|say|tell|accept|approve|object|oppose|request|demand|"
                                 r"seek|insist|intend|plan|respond|react|reply|refuse|allow|permit|expect|push|press|"
                                 r"offer|propose|promise|commit|choose|support|back|reject|protest|care)\b")
# A past form of what a government does after a capital makes it the state: deciding, saying,
# asking, giving, sending, taking a stance ("Canberra chose", "Seoul sent", "Tokyo stood firm");
# never weather, motion, perception or state ("Tokyo saw heat", "fell silent", "stood out as")
ACTOR_PAST_AFTER = re.compile(
    r"^\s+(?:chose|said|told|gave|sent|took|made|sought|spoke|wrote|struck|bought|sold|paid|forbade|swore|"
    r"withheld|upheld|overrode|stood\s+[\"“]?(?:by|with|firm|behind|against|ready|shoulder|up\s+for|its\s+ground)\b)\b")
# ... and so is the seat of people who think, say or act there, as the subject of a verb: "Nobody
# in Tokyo or Washington will say", "Officials in Tokyo read it as", "officials in Washington and
# Seoul suspect" (not "interviews with officials in Tokyo, April 2024": no verb).
# The people must head the subject: not the object of a preposition a few words before them ("the
# number of diplomats in", "talks with officials in", "most of the planners in").
PEOPLE_IN = re.compile(r"\b(?:officials?|nobody|no\s+one|policy-?makers|diplomats|planners|lawmakers|strategists)"
                       r"\s+in\s+$", re.I)
PEOPLE_AS_OBJECT = re.compile(r"(?i)\b(?:of|with|to|from|by|among)\s+(?:[\w'’-]+\s+){0,2}$")


def inflections(*bases: str) -> frozenset:
    """A verb's forms: the base, -s/-es, -ed/-d and -ing, with the silent "e" dropped
    ("provoking", "urging"), "y" turned to "ie" ("worried") and a final consonant doubled
    ("deterred", "compelling")."""
    forms = set()
    for b in bases:
        forms.update((b, b + "s", b + "es", b + "ed", b + "ing"))
        if b.endswith("e"):
            forms.update((b + "d", b[:-1] + "ing"))
        elif b.endswith("y") and b[-2:-1] not in "aeiou":
            forms.update((b[:-1] + "ies", b[:-1] + "ied"))
        elif re.search(r"[^aeiou][aeiou][bdglmnprt]$", b):
            forms.update((b + b[-1] + "ed", b + b[-1] + "ing"))
    return frozenset(forms)


# The object of a verb of influence is an actor: "threaten to empower Beijing", "deter China",
# "urging Tokyo", "to avoid provoking Beijing" ...
INFLUENCE_VERBS = inflections(
    "empower", "embolden", "pressure", "deter", "dissuade", "persuade", "convince", "coerce", "reassure", "urge",
    "punish", "sanction", "provoke", "confront", "counter", "contain", "court", "isolate", "compel", "appease",
    "placate",
    # ... and so is the one named, blamed or answered: "without naming Beijing", "thanked Tokyo"
    "name", "blame", "accuse", "criticize", "condemn", "thank", "warn",
    # ... and the one treated as something: "treats Tokyo less as a protectorate"
    "treat")
# ... and the one protested, listened or appealed to ("shipbuilders listen to Washington"), the one a
# message is addressed to ("conveyed its serious concerns to Beijing") and the one an office is held
# toward ("ambassador to Manila", "envoy to Seoul"). A route, a journey, a move or a posting to the
# city ("flight to", "relocated to", "posted to") has none of these heads: the city.
INFLUENCE_BEFORE_TO = inflections("protest", "listen", "talk", "appeal", "defer") | frozenset(
    "concern concerns protests message messages letter letters request requests assurance assurances warning "
    "warnings apology apologies condolences congratulations proposal proposals demand demands objection "
    "objections ambassador ambassadors envoy envoys emissary emissaries".split())
# ... and the first object of a verb of giving, teaching or telling before its second, where the
# second is a thing a party is given or told ("taught Tokyo a lesson", "promised Tokyo a
# deal", "handed Manila a victory"): the one who receives. A physical thing may go to the city
# ("gave Tokyo a new stadium"), and showing is depicting as well ("the map shows Tokyo the way
# it looked"): neither says the state.
RECIPIENT_VERBS = inflections("teach", "give", "offer", "promise", "owe", "hand", "send", "remind", "assure", "grant",
                              "deny", "tell", "lend", "award") | frozenset("taught gave given sent told lent".split())
SECOND_OBJECT_AFTER = re.compile(
    r"^\s+(?:a|an|the|its|their|his|her|another|some|no|more|new|fresh|\d+)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:lessons?|messages?|signals?|warnings?|chances?|opportunit(?:y|ies)|deals?|victor(?:y|ies)|wins?|defeats?|"
    r"blows?|boosts?|edge|advantages?|way|choices?|role|say|voice|reasons?|assurances?|guarantees?|pledges?|"
    r"promises?|apology|ultimatum|headaches?|access|leverage|seats?|veto|reprieve|concessions?|limits?|"
    r"mandate|green light|free hand|rebuke|snub|setback)\b")
# ... and so is the one a thing moves to a feeling ("alarmed Washington", "angered Seoul") or
# matters to ("mattered to Tokyo"), unless the name qualifies a noun ("upset Tokyo hotels",
# "mattered to Tokyo commuters")
FEELING_VERBS = inflections("alarm", "anger", "worry", "unsettle", "irritate", "frustrate", "surprise", "annoy",
                            "infuriate", "embarrass", "upset")
FEELING_BEFORE_TO = inflections("matter")


def _object_of(before: str, verbs: frozenset, before_to: frozenset = frozenset()) -> bool:
    """The words before a name end with one of ``verbs`` ("urging Tokyo"), or with "to" after
    one of ``before_to`` ("listen to Washington"), or "protested with": read from the last words
    only, in time proportional to the window."""
    if not before[-1:].isspace():
        return False
    words = before[-48:].split()
    if not words:
        return False
    last = words[-1].strip("\"'“”‘’(,;:").lower()
    if last in verbs:
        return True
    prev = words[-2].strip("\"'“”‘’(,;:").lower() if len(words) > 1 else ""
    return (last == "to" and prev in before_to) or (last == "with" and prev in ("protest", "protested"))


# The one asked, wanted or expected to act is an actor: "Washington wants Tokyo to do more",
# "urged Seoul to", "pressed Manila to" (with "to" and a verb after the name).
VOLITION_BEFORE = re.compile(
    r"\b(?:want|ask|expect|encourage|push|press|need|allow|force|invite|call(?:s|ed|ing)? on|"
    r"rel(?:y|ies|ied|ying) on|count(?:s|ed|ing)? on)(?:s|es|ed|d|ing)?\s+$", re.I)
TO_ACT_AFTER = re.compile(r"^\s+to\s+(?!(?:the|a|an|its|their|his|her|our|my|your|this|that|these|those|some|any|"
                          r"every|each|all|such|no|one|two|three|what|which|whom?)\b)[a-z]+\b")
PLACE_NOUNS = {"district", "region", "islands", "island", "coast", "coastline", "waters", "soil",
               "territory", "territories", "airspace", "vicinity", "capital", "prefecture", "city",
               "mainland", "shores", "ports", "port", "bases", "base", "streets", "archipelago",
               "southwest", "north", "south", "east", "west", "grounds"}
# What a city has and names ("Haneda airport", "Gangnam district"): after a capital's possessive and
# a name, the city's own place.
CITY_PARTS = {"airport", "station", "district", "ward", "suburb", "suburbs", "hospital", "university", "zoo",
              "park", "neighborhood", "neighbourhood", "stadium", "bay"}
# The area around a place, however qualified: "Japan's immediate Northeast Asian neighborhood".
SURROUNDINGS = {"neighborhood", "neighbourhood", "vicinity", "periphery", "surroundings", "environs",
                "backyard", "doorstep", "outskirts"}
AUXILIARIES = {"has", "have", "had", "is", "was", "are", "were", "will", "would", "must", "should",
               "can", "could", "may", "might", "did", "does", "do", "remains", "continues", "seeks",
               "sees", "says", "said", "tends", "needs", "presses", "wants", "cannot", "also",
               "already", "then", "now", "still", "has", "may", "shoulders", "takes", "faces", "ought",
               "shall", "needs"}
AGENT_BEFORE = re.compile(r"\b(?:for|with|by|between|and|of|against|from)\s+$", re.I)
# Words after a name that are not a noun it qualifies (so "Japan alone", "Tokyo last week" and
# "the U.S. over" are not attributive uses, while "U.S. strategic priorities" is).
NOT_A_NOUN = AUXILIARIES | {
    "and", "or", "but", "nor", "in", "on", "at", "to", "of", "for", "with", "by", "from", "about", "as",
    "into", "onto", "over", "under", "after", "before", "since", "during", "against", "amid", "across",
    "through", "toward", "towards", "within", "without", "near", "along", "around", "between", "among",
    "per", "via", "up", "down", "out", "off", "than", "because", "while", "when", "where", "which", "who",
    "whose", "whom", "that", "if", "unless", "whether", "so", "yet", "last", "next", "this", "these",
    "those", "earlier", "later", "again", "too", "itself", "themselves", "alone", "today", "tomorrow",
    "yesterday", "first", "soon", "the", "a", "an", "its", "their", "his", "her", "not", "no", "only",
    "even", "both", "either", "each", "all", "together", "instead", "including", "like", "unlike",
    "despite", "beyond", "behind", "above", "below", "except", "upon", "outside", "inside", "ago",
    "back", "once", "twice", "here", "there", "well", "more", "less", "most", "least", "such",
}


@dataclass(frozen=True)
class Candidate:
    kind: str   # "actor" | "place"
    id: str
    type: str
    via: str    # "name" | "alias" | "title-case" | "variant" | "generic" | "surname" | "short-name" | "capital"
                # | "inverted" | "inverted-initials"
    country: str | None = None


class FormFacts(NamedTuple):
    """What find_matches asks of a registry form at every occurrence, worked out once per form
    (:meth:`Lexicon.facts`) and read as one tuple: a long paragraph has a million occurrences."""

    inverted: bool           # every entity of the form is named by it inverted ("Mochizuki, Mike")
    short_only: bool         # ... named by it short (a family name, a ship's name without its prefix)
    family_alias: bool       # one capitalised word registered for persons only (an alias "Koizumi")
    place_or_state: bool     # every entity is a place or a state (rule 2 asks whether it opens a name)
    institutions_only: bool  # every entity is an institution (only such a name ends another's)
    demonym_led: bool        # a demonym, then a head that is also an adjective ("Chinese military")


@dataclass
class Lexicon:
    """Every registry form, folded, with the entities it may name."""

    automaton: object
    forms: dict            # folded form -> tuple of Candidates
    max_len: int = 0
    upper: object = None   # the forms in capitals, for regions written in capitals
    upper_forms: dict = field(default_factory=dict)  # FORM -> folded form
    demonyms: frozenset = frozenset()
    qualifiers: dict = field(default_factory=dict)  # "Japanese", "Japan", "U.S." -> country code
    governments: dict = field(default_factory=dict)  # person id -> the form of their government
    # a unit's form without its parent's name ("Joint Operations Command"): read only where the
    # nearest state named before it is its own (resolve_generic)
    parent_generic: frozenset = frozenset()
    head_kin: dict = field(default_factory=dict)  # a grouping's head word -> the groupings it heads
    # what find_matches asks of a form at every occurrence: folded form -> its FormFacts
    form_facts: dict = field(default_factory=dict, repr=False, compare=False)

    def facts(self, key: str) -> FormFacts:
        """The :class:`FormFacts` of a registered form, worked out on its first occurrence. A
        family name, which another given name before it makes another person's, is one
        capitalised word registered for persons only; an institution's name only can end another
        institution's (:func:`part_of_longer_name`); "Chinese military" begins with a demonym and
        ends with a head that is also an adjective."""
        found = self.form_facts.get(key)
        if found is None:
            cands = self.forms[key]
            words = key.split(" ")
            found = self.form_facts[key] = FormFacts(
                inverted=all(c.via == "inverted" for c in cands),
                short_only=all(c.via in SHORT_FORMS for c in cands),
                family_alias=" " not in key and capitalised_name(key)
                and all(c.kind == "actor" and c.type == "person" for c in cands),
                place_or_state=all(c.kind == "place" or c.type == "state" for c in cands),
                institutions_only=bool(cands) and all(c.type in INSTITUTION_TYPES for c in cands),
                demonym_led=words[0] in self.demonyms and words[-1] in ADJECTIVE_HEADS)
        return found

    def country_of_form(self, form: str) -> str | None:
        """The one country a registered name or a qualifier stands for ("U.S.", "Pentagon",
        "North Korea"), or None when it names nothing registered or entities of several."""
        key = fold_form(form)
        if key in self.qualifiers:
            return self.qualifiers[key]
        countries = {c.country for c in self.forms.get(key, ())}
        return countries.pop() if len(countries) == 1 else None

    @classmethod
    def build(cls, actors, places) -> "Lexicon":
        forms: dict[str, dict] = defaultdict(dict)
        variants: dict[str, dict] = defaultdict(dict)
        generic: dict[str, dict] = defaultdict(dict)
        surnames: dict[str, dict] = defaultdict(dict)
        qualifiers = country_qualifiers(actors)
        by_id = {e["id"]: e for e in actors.entries}
        parent_generic: set = set()
        state_names: dict = defaultdict(list)  # country code -> "Japan", "the United States"
        for e in actors.entries:
            if e["type"] == "state" and e.get("country"):
                name = fold_form(e["name"])
                state_names[e["country"]].append(f"the {name}" if ARTICLE_STATE.match(name) else name)
        for kind, registry in (("actor", actors), ("place", places)):
            for e in registry.entries:
                country = e.get("country")
                own = [("name", e["name"])] + [("alias", a) for a in e["aliases"]]
                keys = {fold_form(form) for _via, form in own}
                for via, form in own:
                    key = fold_form(form)
                    if kind == "place" and key.startswith("The ") and key[4:] in keys:
                        # a place "The Pentagon" also called "Pentagon": the article opens a
                        # sentence, it is no part of the name ("The Pentagon said" is the mention
                        # "Pentagon"); an outlet's "The" is its own ("The Japan Times")
                        key = key[4:]
                    if key and (kind, e["id"]) not in forms[key]:  # the name comes first
                        forms[key][(kind, e["id"])] = Candidate(kind, e["id"], e["type"], via, country)
                    for variant, how in [(title_case(key), "title-case"), *spelling_variants(key, e["type"], country)]:
                        if variant != key:
                            variants[variant].setdefault((kind, e["id"]), Candidate(kind, e["id"], e["type"], how, country))
                    if e["type"] in GENERIC_TYPES and country:
                        parent = by_id.get(e.get("parent")) if kind == "actor" else None
                        under_parent = parent_generic_forms(key, parent, country)
                        parent_generic |= under_parent
                        for bare in under_parent:
                            # "the Japanese Joint Operations Command": its state's word before it, one name
                            for q in (q for q, c in qualifiers.items() if c == country):
                                variants[f"{q} {bare}"].setdefault(
                                    (kind, e["id"]), Candidate(kind, e["id"], e["type"], "variant", country))
                        for bare in generic_forms(key, qualifiers) | under_parent:
                            generic[bare][(kind, e["id"])] = Candidate(kind, e["id"], e["type"], "generic", country)
                            # "Ministry of Defense of Japan": a body's bare form with its state's name after it
                            for state_name in state_names.get(country, ()) if e["type"] == "government-body" else ():
                                variants[f"{bare} of {state_name}"].setdefault(
                                    (kind, e["id"]), Candidate(kind, e["id"], e["type"], "variant", country))
                    if e["type"] == "person" and via == "name":
                        for bare in family_names(key):
                            surnames[bare][(kind, e["id"])] = Candidate(kind, e["id"], e["type"], "surname", country)
                    ship = SHIP_PREFIX.match(key) if e["type"] == "military" else None
                    if ship and len(key) - ship.end() >= 3:
                        # "the George Washington" after "USS George Washington": a ship's name
                        # without its prefix, in a document that names the ship in full
                        surnames[key[ship.end():]][(kind, e["id"])] = Candidate(
                            kind, e["id"], e["type"], "short-name", country)
                    head = head_short_form(key, e["type"])
                    if head:
                        # "the Alliance" after "the Japan-U.S. Alliance": a grouping's head noun,
                        # where the document names no other (keep_surnames_with_evidence)
                        surnames[head][(kind, e["id"])] = Candidate(kind, e["id"], e["type"], "head", country)
        administrations, governments = administration_forms(actors)
        for variant, cand in administrations:
            variants[variant].setdefault((cand.kind, cand.id), cand)
        for key, cands in variants.items():
            if key not in forms:  # a spelling that is some entry's own form is that entry's
                forms[key] = cands
        for e in actors.entries:
            if e["type"] == "state" and e.get("country"):
                key = capital_form(e["country"])
                if key and key not in forms and key not in NAME_CAPITALS:
                    # "Seoul moved first": a state's capital names it where the context shows the
                    # state acting (see resolve_document); anywhere else ("in Seoul", "Seoul's
                    # mayor"), where the registries hold no such place, it is the city, a name for
                    # the candidates. The city is no candidate here: no entry has an empty id.
                    forms[key] = {("actor", e["id"]): Candidate("actor", e["id"], "state", "capital", e["country"])}
        for key, cands in generic.items():
            if key not in forms:  # "Ministry of Defense": whose, the context decides
                forms[key] = cands
        for key, cands in surnames.items():
            if key not in forms:  # "Nakatani": whose, the document's full names decide (see below)
                forms[key] = cands
        frozen = {key: tuple(sorted(cands.values(), key=lambda c: (c.kind, c.id))) for key, cands in forms.items()}
        automaton = _automaton(frozen)
        upper_forms: dict[str, str] = {}
        for key in frozen:
            # "U.S.-JAPAN FOUNDATION"; a short form in capitals would be an acronym ("US", "X")
            if len(key) >= 4 or key.isupper():
                upper_forms.setdefault(key.upper(), key)
        demonyms = frozenset(d for e in actors.entries for d in e.get("demonyms") or [])
        heads = {h for h, cands in surnames.items() for c in cands.values() if c.via == "head"}
        # the groupings of each head word: by their names or their descriptions (NATO, "the
        # transatlantic military alliance", is an alliance too)
        head_kin = {h: frozenset(e["id"] for e in actors.entries if e["type"] == "grouping" and re.search(
            rf"\b{h}\b", " ".join([e["name"], *(e.get("aliases") or []), e.get("description") or ""]), re.I))
            for h in heads}
        return cls(automaton=automaton, forms=frozen, max_len=max(map(len, frozen), default=0),
                   upper=_automaton(upper_forms), upper_forms=upper_forms, demonyms=demonyms,
                   qualifiers=qualifiers, governments={p: g for p, g in governments.items() if g in frozen},
                   parent_generic=frozenset(f for f in parent_generic if forms.get(f) is generic.get(f)),
                   head_kin=head_kin)


def head_short_form(key: str, type_: str) -> str | None:
    """The last word of a grouping's name of several words, capitalised: "Alliance" of "U.S.-Japan
    Alliance", "Committee" of "Security Consultative Committee"."""
    if type_ != "grouping" or " " not in key:
        return None
    last = key.rsplit(" ", 1)[1]
    return last if last.isalpha() and last[0].isupper() and not last.isupper() else None


# A state's name that takes the article: "the United States", "the Republic of Korea".
ARTICLE_STATE = re.compile(r"(?:United|Republic|Kingdom|Federation|Federated|People's|Democratic|"
                           r"Commonwealth|Islamic|Union) ")
# Forms that name an entity only in a document that names it in full: a person's family name
# ("Nakatani"), a ship's name without its prefix ("the George Washington").
SHORT_FORMS = frozenset(("surname", "short-name", "head"))
# Entities with a national form and a generic one: "Japanese Ministry of Defense" is also "the
# Ministry of Defense" where the context is Japanese.
GENERIC_TYPES = {"government-body", "military", "government"}
EAST_ASIAN = {"JP", "CN", "KR", "KP", "TW", "VN"}  # family name first ("Takaichi Sanae", "ENDO Kazuya")
INITIAL = re.compile(r"^[A-Z]\.$")


def spelling_variants(form: str, type_: str, country: str | None) -> list[tuple[str, str]]:
    """Other ways texts write a registry form: a person's name without middle initials ("Mike M.
    Mochizuki" -> "Mike Mochizuki"), inverted as a bibliography writes it ("Mochizuki, Mike M.",
    "Mochizuki, Mike"), family name first for East Asian names ("Takaichi Sanae", "TAKAICHI
    Sanae"); a hyphenated name with a space ("Self Defense Forces"); an island group's short
    plural ("Senkaku Islands" -> "Senkakus")."""
    out = []
    tokens = form.split(" ")
    if type_ == "person" and len(tokens) >= 2 and "," not in form:
        core = [t for t in tokens if not INITIAL.match(t)]
        if len(core) >= 2:
            if core != tokens:
                out.append((" ".join(core), "variant"))
            family, given_full, given = core[-1], " ".join(tokens[:-1]), " ".join(core[:-1])
            out += [(f"{family}, {given_full}", "inverted"), (f"{family}, {given}", "inverted")]
            # a reference list's initials: "Hegseth, P.", "Green, M. J." (the given names' initials,
            # with and without the middle ones); read even after another author ("Cha, V., Green, M.")
            for names in (tokens[:-1], core[:-1]):
                initials = " ".join(f"{t[0]}." for t in names if t[:1].isupper())
                if initials:
                    out.append((f"{family}, {initials}", "inverted-initials"))
            if country in EAST_ASIAN and len(core) == 2:
                out += [(f"{family} {given}", "variant"), (f"{family.upper()} {given}", "variant")]
    if re.search(r"[A-Za-z]-[A-Z]", form) and len(tokens) >= 2:
        out.append((re.sub(r"(?<=[A-Za-z])-(?=[A-Z])", " ", form), "variant"))
    if re.fullmatch(r"[A-Z][a-z]+ Islands", form):
        out.append((f"{tokens[0]}s", "variant"))  # "the Senkakus", "the Paracels"
    if type_ == "region" and re.fullmatch(r"[A-Z][\w-]+ region", form):
        out.append((tokens[0], "variant"))  # "Shikoku" for the "Shikoku region": its generic word left out
    if type_ == "state" and len(tokens) == 2 and tokens[0] in COMPASS:
        out.append((f"{COMPASS[tokens[0]]} {tokens[1]}", "variant"))  # "S. Korea", "N. Korea"
    if type_ == "state" and country and form == form.strip():
        official = _official_name(country)
        if official and official != form:
            out.append((official, "variant"))  # "Republic of the Philippines"
    return out


def administration_forms(actors) -> tuple[list[tuple[str, Candidate]], dict]:
    """Another name of a leader's government registered as "<Family> administration": "<Family>
    government" ("the Kishida government"); and the registered persons of that family name and
    country, ``{person id: the government's form}``, whose government is named around a mention
    of them (:func:`government_matches`: "the administration of U.S. President Joe Biden",
    "President Biden's administration")."""
    persons: dict = defaultdict(list)
    short: dict = defaultdict(list)  # country -> "U.S.", "American": words that qualify a title
    for e in actors.entries:
        if e["type"] == "person":
            for family in family_names(fold_form(e["name"])):
                persons[family].append(e)
        elif e["type"] == "state" and e.get("country"):
            short[e["country"]] += [fold_form(w) for w in e["aliases"] if ABBREVIATION.match(fold_form(w))]
            short[e["country"]] += [fold_form(w) for w in e.get("demonyms") or []]
    out, governments = [], {}
    for e in actors.entries:
        m = re.fullmatch(r"(\S+) administration", fold_form(e["name"]))
        if e["type"] != "government" or not m:
            continue
        cand = Candidate("actor", e["id"], e["type"], "variant", e.get("country"))
        out.append((f"{m.group(1)} government", cand))
        for person in persons.get(m.group(1), ()):
            if person.get("country") == e.get("country"):
                governments[person["id"]] = fold_form(e["name"])
    return out, governments


# A leader's government named around a mention of the leader: "President Ann Vole's
# administration", "the administration of U.S. President Ann Vole", "the government of Ann Vole".
GOVERNMENT_WORD = re.compile(r"\b(?:administration|government)\b")
GOVERNMENT_AFTER = re.compile(r"['’]s\s+(?:administration|government)\b")
GOVERNMENT_BEFORE = re.compile(r"\b(?:administration|government) of (?:the )?(?:[A-Z][\w.'-]* ){0,4}$")


def government_matches(v: str, found: list, lexicon: Lexicon, blocked: list) -> list:
    """``(start, end, form)`` of a registered leader's government named around a mention of the
    leader in any of the leader's forms (with titles and qualifiers before it): the government's
    form is the key, the person stays a nested mention. Read only in a text that says
    "administration" or "government"."""
    if not GOVERNMENT_WORD.search(v):
        return []
    out = []
    for start, end, key in found:
        cands = lexicon.forms[key]
        ids = {c.id for c in cands}
        if len(ids) != 1 or cands[0].type != "person" or cands[0].id not in lexicon.governments:
            continue
        government = lexicon.governments[cands[0].id]
        after = GOVERNMENT_AFTER.match(v, end)
        if after:  # "President Ann Vole's administration": the name and what follows it
            out.append((start, after.end(), government))
            continue
        before = GOVERNMENT_BEFORE.search(v, max(0, start - 80), start)
        if before:
            out.append((before.start(), end, government))
    # one government a span ("Donald Trump" and "Trump" end the same name), and none where the
    # registry writes the span as a form of its own (an alias "administration of ... Trump")
    if not out:
        return out
    spans = {(a, b) for a, b, _key in found}
    return [t for t in dict.fromkeys(out) if (t[0], t[1]) not in spans
            and not any(a < t[1] and t[0] < b for a, b in blocked)]


def family_names(form: str) -> list[str]:
    """The family name a registered person may be called by alone after being named in full
    ("Gen Nakatani" ... "Nakatani said"): the last word of the name (of "Sanae Takaichi",
    "Takaichi"), capitalised, of three letters or more and not a word the registry's names use
    otherwise. Such a form names nobody by itself: a match of it stands only where the document
    names one of its persons in full (:func:`keep_surnames_with_evidence`)."""
    tokens = [t for t in form.split(" ") if not INITIAL.match(t)]
    if len(tokens) < 2 or "," in form:
        return []
    family = tokens[-1].rstrip(".")
    if family in {"Jr", "Sr", "II", "III", "IV"} and len(tokens) > 2:
        family = tokens[-2].rstrip(",")
    if len(family) < 3 or not capitalised_name(family) or family.lower() in FUNCTION_WORDS:
        return []
    return [family]


# A word written as a name: capitalised, lower case after each capital, inner capitals and
# hyphens or apostrophes allowed ("Nakatani", "McCain", "MacArthur", "DeSantis", "O'Brien",
# "Ocasio-Cortez", "Tōgō"); not an acronym ("NATO") or a word in capitals ("JAPAN").
NAME_WORD = regex.compile(r"\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)*(?:['’-]\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)*)*")


def capitalised_name(word: str) -> bool:
    """Whether ``word`` is written as a name (:data:`NAME_WORD`), with a lower-case letter in it."""
    return NAME_WORD.fullmatch(word) is not None and any(ch.islower() for ch in word)


def _other_name_word(word: str) -> bool:
    """A word next to a family name that makes it part of another name ("Steve Austin", "Lake
    Austin", "Austin Peay"): written as a name, and not a title ("Secretary Austin"), a month or
    day, or a word that opens a sentence ("Then Austin said")."""
    return capitalised_name(word) and word.lower() not in FUNCTION_WORDS and word.lower() not in TITLE_WORDS


# ", Texas", ", South Korea": a place after a comma, ended by punctuation or the text's end (not
# "Nakatani, Japan's minister", nor a list "Austin, Japan and Korea").
_AFTER_COMMA = re.compile(r", ((?:[A-Z][\w.'-]*)(?: [A-Z][\w.'-]*){0,3})(?=[,.;:)\]]|$| \()")


def family_name_in_other_name(v: str, start: int, end: int, lexicon: "Lexicon", heading: bool) -> bool:
    """Whether a family name found alone (``v[start:end]``, a folded view) is part of something
    else than its person's name: a place written "City, Region" ("Austin, Texas", the region a
    registered place or state), or a longer run of capitalised names ("Steve Austin", "Lake
    Austin", "Austin Peay"; a title before it or a sentence's first word does not count). In a
    title or heading, where every word is capitalised, only the words before it count."""
    after = _AFTER_COMMA.match(v, end)
    if after:
        tokens = after.group(1).split(" ")
        for n in range(len(tokens), 0, -1):
            key = fold_form(" ".join(tokens[:n]).rstrip("."))
            if key in lexicon.forms and lexicon.facts(key).place_or_state:
                return True
    if given_name_before(v, start):
        return True  # "Steve Austin" (also first in its sentence), not "Meanwhile Austin"
    if not heading:
        following = re.match(r" ([^\s,.;:!?)]+)", v[end:end + 40])
        if following and _other_name_word(following.group(1)):
            return True
    return False


_WORD_BEFORE = re.compile(r"(?:^|[\s(\"“])(\S+) $")
WHITESPACE = re.compile(r"\s")


def _word_before(v: str, start: int) -> str | None:
    """The word right before ``v[start:]`` and one space (:data:`_WORD_BEFORE` in the forty
    characters before ``start``): its non-space characters back to the space before them or to
    those forty characters' start. Read backwards from ``start``, not by a search through the
    forty characters (asked before every family name: a paragraph of names asks it a million
    times)."""
    e = start - 1
    if e < 0 or v[e] != " ":
        if e < 1 or v[e] != "\n" or v[e - 1] != " ":  # ("$" matches before a last line break too)
            return None
        e -= 1
    lo = max(0, start - 40)
    w = v.rfind(" ", lo, e) + 1 or lo
    word = v[w:e]
    if not word or WHITESPACE.search(word):  # another space character in it: the search says
        before = _WORD_BEFORE.search(v[lo:start])
        return before.group(1) if before else None
    return word


def given_name_before(v: str, start: int) -> str | None:
    """A word written as a name right before a family name (``v[start:]``, a folded view) that is
    no title and no sentence-opening adverb: a given name ("Steve Austin", "Junichiro Koizumi";
    not "Secretary Austin", "Meanwhile Austin"), or None."""
    word = _word_before(v, start)
    if word is not None and _other_name_word(word):
        # the last character before the word and the space or mark before it, spaces skipped
        # (read backwards from the word, not from a copy of all the text before it: a paragraph
        # of a hundred thousand given names copied it a hundred thousand times)
        k = start - len(word) - 1
        while k > 0 and v[k - 1].isspace():
            k -= 1
        opens_sentence = k <= 0 or v[k - 1] in ".!?:\"“"
        return None if opens_sentence and (word.lower() in OPENING_ADVERBS or word.endswith("ly")) else word
    return None


COMPASS = {"North": "N.", "South": "S.", "East": "E.", "West": "W."}


# Capitals that are also common given or family names ("Wellington said", "Victoria Nuland"): no
# form of their state; they stay entity candidates, as any city no registry holds.
NAME_CAPITALS = frozenset({"Wellington", "Victoria", "Kingston", "Juba", "Hamilton", "Stanley", "Douglas",
                           "Sofia", "Santiago", "Lima", "Jamestown", "Kingstown"})
# What makes a capital's name no state: a title or a battle before "of" ("the Duke of Seoul", "the
# Battle of Seoul": part of another name), and the city's own offices and people after the name or
# its possessive ("Seoul's mayor", "Seoul residents", "the Seoul city government").
TITLE_OF_BEFORE = re.compile(r"\b(?:Duke|Duchess|Earl|Countess|Count|Marquess|Marquis|Baron|Baroness|Viscount|"
                             r"Lord|Lady|Prince|Princess|Archbishop|Bishop|Mayor|Battle|Siege|Sack|Fall|Liberation)"
                             r"\s+of\s+$")
# (suggest reads its capitals with the same nouns: one list)
MUNICIPAL_NOUNS = (r"metropolitan|municipal|city|mayor|mayoral|governor|residents?|citizens|police|subway|metro|"
                   r"council|assembly|district|ward|airport|station|office|hall|marathon|university|zoo|hospital|"
                   r"suburbs?|streets?")
MUNICIPAL_AFTER = re.compile(rf"(?:['’]s)?\s+(?:{MUNICIPAL_NOUNS})\b", re.I)
# The readings of rule 4 that are evidence of a state acting or acted upon, the only ones that
# make a capital its state (the default, a locative, a motion ... leave it the city).
STATE_EVIDENCE = frozenset({"agentive", "object-of-influence", "opinion-in", "people-in", "role", "possessive",
                            "judged-in", "aimed-at", "question-subject", "actor-past",
                            "coordinated-states"})


def capital_as_state(m: "Match", why: str) -> bool:
    """Whether a capital no registry holds as a place (a capital form) names its state here:
    only on positive evidence (``why``, rule 4's reason) and not where the name is the city's own
    ("Seoul's mayor", "Seoul residents") or part of a title or a battle ("Duke of Seoul")."""
    if why not in STATE_EVIDENCE:
        return False
    text = m.region.text
    if MUNICIPAL_AFTER.match(text, m.j) or TITLE_OF_BEFORE.search(text, max(0, m.i - 20), m.i):
        return False
    return True


def capital_form(code: str) -> str | None:
    """The folded name of a state's capital (GeoNames, via the gazetteer), or None."""
    name = gazetteer.capital(code)
    return fold_form(name) if name else None


def _official_name(code: str) -> str | None:
    """A state's official name from ISO 3166 (pycountry): "Republic of the Philippines"."""
    import pycountry  # lazy, as in the gazetteer: only a lexicon's build reads it, once a process

    found = pycountry.countries.get(alpha_2=code)
    return getattr(found, "official_name", None) if found else None


def country_qualifiers(actors) -> dict:
    """Words that say whose an institution is ("Japanese", "U.S.", "Japan"), by country code."""
    out = {}
    for e in actors.entries:
        if e["type"] == "state" and e.get("country"):
            for word in [e["name"], *e["aliases"], *(e.get("demonyms") or [])]:
                out[fold_form(word)] = e["country"]
    return out


def generic_forms(form: str, qualifiers: dict) -> set:
    """A national form without its qualifier: "Japanese Ministry of Defense", "Ministry of Defense
    (Japan)", "Ministry of Defense, Japan" -> "Ministry of Defense"; at least two words with a
    capitalised head, so that no common noun becomes a name, or a service's one capitalised head
    noun ("U.S. Navy" -> "Navy")."""
    out = set()
    for q in qualifiers:
        for pattern in (rf"^{re.escape(q)}(?:'s)? (.+)$", rf"^(.+) \({re.escape(q)}\)$", rf"^(.+), {re.escape(q)}$",
                        rf"^(.+) of {re.escape(q)}$"):
            m = re.match(pattern, form)
            if m:
                bare = m.group(1)
                words = bare.split(" ")
                # one word only when it is a service's head noun: "the Navy", "the Army"
                service = len(words) == 1 and HEAD_TYPE.get(bare.lower()) == "military"
                if (len(words) >= 2 or service) and words[-1][:1].isupper() and bare[:1].isupper():
                    out.add(bare)
                    out.update(institution_word_orders(bare))
    return out


def parent_generic_forms(form: str, parent: dict | None, country: str) -> set:
    """A unit's form without its parent's name or acronym before it, where what is left is a
    unit's own name (two words or more ending in a head noun): "JSDF Joint Operations Command" ->
    "Joint Operations Command", whose country the context decides as for "Ministry of Defense"
    (not "PLA Navy" -> "Navy": one word)."""
    if not parent:
        return set()
    own = {fold_form(f): country for f in [parent["name"], *parent.get("aliases", ())]}
    return {bare for bare in generic_forms(form, own)
            if " " in bare and bare.rsplit(" ", 1)[-1].lower() in HEAD_TYPE}


INSTITUTION_OF = re.compile(r"^(Ministry|Department) of (?:the )?((?:[A-Z][\w-]*)(?: [A-Z][\w-]*){0,2})$")
INSTITUTION_HEAD = re.compile(r"^((?:[A-Z][\w-]*)(?: [A-Z][\w-]*){0,2}) (Ministry|Department)$")


def institution_word_orders(bare: str) -> set:
    """The other order of a ministry's or department's name: "Ministry of Defense" / "Defense
    Ministry", "Ministry of Foreign Affairs" / "Foreign Ministry" ("Affairs" is left out before the
    head), "Department of State" / "State Department"."""
    m = INSTITUTION_OF.match(bare)
    if m:
        head, topic = m.groups()
        topic = re.sub(r" Affairs$", "", topic)
        return {f"{topic} {head}"}
    m = INSTITUTION_HEAD.match(bare)
    if m:
        topic, head = m.groups()
        # "Foreign Ministry" is the Ministry of Foreign Affairs, never a "Ministry of Foreign" that
        # would match the start of "Ministry of Foreign Trade"
        return {f"{head} of {topic} Affairs"} if topic in ("Foreign", "Home") else {f"{head} of {topic}"}
    return set()


def _automaton(keys):
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, key)
    if keys:
        automaton.make_automaton()
    return automaton


SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by", "or", "de", "du"}


def title_case(form: str) -> str:
    """The form as a heading writes it: lower-case words capitalised, small words kept."""
    return re.sub(r"(?<![\w'.-])([a-z])([\w'-]*)",
                  lambda m: m.group(0) if m.group(0) in SMALL_WORDS else m.group(1).upper() + m.group(2), form)


def written_in_capitals(text: str) -> bool:
    """A cover line or a shouted heading: two or more words, and no lower-case letter."""
    return not any(ch.islower() for ch in text) and len(re.findall(r"[A-Z]{2,}", text)) >= 2


def fold_form(form: str) -> str:
    form = " ".join(american_spelling(visible(str(form)).translate(FOLD)).split())
    return LEADING_THE.sub("", form)


@dataclass
class View:
    """A folded view of a text: one space for each whitespace run, no invisible characters
    (:data:`SPACE_RUN`); offsets map back."""

    text: str
    view: str
    anchors_view: list = field(default_factory=list)
    anchors_text: list = field(default_factory=list)

    @classmethod
    def of(cls, text: str, words: LineEndWords = LineEndWords()) -> "View":
        """``words``: the document's (_text.document_words), which say where a word hyphenated at a
        line's end is one word: its hyphen and line break are left out of the view ("Brandau-⏎er");
        none by default (a snippet's own words are not the document's)."""
        folded = SPELLING_SAME.sub(_spelling_same, text.translate(FOLD))
        parts, av, at = [], [0], [0]
        pos = vpos = 0
        soft = {s for s, _e in soft_breaks(text, words)}
        for m in VIEW_CHANGES.finditer(folded):
            if m.start() - 1 in soft and m.start() - 1 >= pos:  # "Brandau-⏎er": hyphen and break left out
                parts.append(folded[pos:m.start() - 1])
                vpos += m.start() - 1 - pos
                pos = m.end()
                av.append(vpos)
                at.append(pos)
                continue
            parts.append(folded[pos:m.start()])
            vpos += m.start() - pos
            if m.lastgroup == "shorter":  # "programme" -> "program": its last letter ends the word
                short = _spelling_shorter(SPELLING_SHORTER.match(m.group()))
                parts.append(short)
                av.append(vpos + len(short) - 1)
                at.append(m.end() - 1)
                vpos += len(short)
                pos = m.end()
                av.append(vpos)
                at.append(pos)
                continue
            if not m.group().strip(INVISIBLE):  # invisible characters only: left out
                pos = m.end()
                av.append(vpos)
                at.append(pos)
                continue
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


@dataclass(slots=True)
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
    outer: "Match | None" = None  # the longer name this one sits in (a nested mention)
    city: bool = False  # a capital form read as the city no registry holds: a name for the candidates
    foreign: bool = False  # a generic form another state's word opens: its body, a name for the candidates
    compound: bool = False  # a state hyphenated to states: no mention, but a name no candidate absorbs


def find_matches(lexicon: Lexicon, region: Region, blocked: list | None = None, dateline: bool = False,
                 words: LineEndWords = LineEndWords()) -> list[Match]:
    """Candidate matches in one region after rules 1-3 (boundaries, org names, longest).

    ``blocked``: ranges of the region's text not to search (besides URLs). ``dateline``: the
    region is a wire story's dateline, whose place is written in capitals ("TOKYO, Sept 26").
    ``words``: the document's, for words hyphenated at a line's end (:meth:`View.of`)."""
    if not lexicon.forms:
        return []
    view = View.of(region.text, words)
    v = view.view
    blocked = [(m.start(), m.end()) for m in URL_SPAN.finditer(v)] + [
        (_to_view(view, a), _to_view(view, b)) for a, b in blocked or ()]
    if written_in_capitals(v):
        hits = ((end_idx, lexicon.upper_forms[key]) for end_idx, key in lexicon.upper.iter(v))
    else:
        hits = lexicon.automaton.iter(v)
        caps = DATELINE_PLACE.match(v) if dateline else None
        if caps:  # "TOKYO, Sept 26 (Agency) -": the place in capitals, then the words as written
            hits = itertools.chain(((end_idx, lexicon.upper_forms[key])
                                    for end_idx, key in lexicon.upper.iter(v, 0, caps.end())), hits)
    found = []
    form_facts = lexicon.form_facts
    for end_idx, key in hits:
        start = end_idx - len(key) + 1
        end = end_idx + 1
        if start > 0 and (v[start - 1].isalnum() or v[start - 1] == "_"):
            continue
        if end < len(v) and not _ends_word(v, end, key):
            continue
        if key[-1] == "." and end < len(v) and v[end] == ".":
            continue
        if end < len(v) and v[end] in "$€£¥":
            continue  # "US$30", "A$10 billion": a currency, not the country
        facts = form_facts.get(key) or lexicon.facts(key)
        if facts.institutions_only \
                and part_of_longer_name(view, start, end, lexicon.forms[key], lexicon, region.kind in WRAPPING_REGIONS):
            continue  # "Air Force" in "Philippine Air Force", "Self-Defense Force" in "Ground Self-Defense Force"
        if facts.place_or_state:  # (asked of a place's or a state's forms only)
            if TIME_ZONE_AFTER.match(v, end) and CLOCK_BEFORE.search(v, max(0, start - 16), start):
                continue  # "9:30 a.m. Tokyo time": a time zone, not the city or the state
            if COMPASS_BEFORE.search(v, max(0, start - 12), start):
                continue  # "Australia" in "Western Australia", "Asia" in "East Asia": another place's name
        if blocked and any(a < end and start < b for a, b in blocked):
            continue
        if facts.short_only \
                and family_name_in_other_name(v, start, end, lexicon, region.kind in ("title", "heading")):
            continue  # "Austin, Texas", "Steve Austin": not the registered Lloyd Austin
        given = given_name_before(v, start) if facts.family_alias else None
        if given and fold_form(f"{given} {key}") not in lexicon.forms:
            continue  # a registered family name after another given name: "Junichiro Koizumi" is
            # not the registered Shinjiro Koizumi (a full name differing in its given name)
        if facts.inverted and NAME_BEFORE_COMMA.search(v, max(0, start - 40), start):
            continue  # "Michael J. Lostumbo, Michael J. McNerney": two names, not "Lostumbo, Michael J."
        found.append((start, end, key))
    other_person = set()  # the family name of another given name and initial ("Jonah T. Biden")
    for m in MIDDLE_INITIAL.finditer(v):
        # "Donald J. Trump" for the registered "Donald Trump": a person's first and last names
        # with one initial between them that the registry does not write; another given name with
        # an initial before a registered family name ("Jonathan T. Ratcliffe", "Joseph R. Biden":
        # the registry writes neither) is another person's, no mention of the registered one
        if fold_form(m.group(0)) in lexicon.forms or any(a < m.end() and m.start() < b for a, b in blocked):
            continue
        key = fold_form(f"{m.group(1)} {m.group(2)}")
        cands = lexicon.forms.get(key)
        if cands and len(cands) == 1 and cands[0].type == "person":
            found.append((m.start(), m.end(), key))
        elif lexicon.forms.get(fold_form(m.group(2))) and lexicon.facts(fold_form(m.group(2))).family_alias:
            other_person.add((m.start(2), m.end(2)))
    if other_person:
        found = [f for f in found if f[:2] not in other_person]
    # a generational suffix the registry does not write after a person's name ("Donald Trump Jr.",
    # "Joseph R. Biden III"): another person of that name, no mention of the registered one
    found = [f for f in found if not (GENERATIONAL_AFTER.match(v, f[1]) and _persons_only(lexicon, f[2]))]
    if lexicon.governments:  # after the persons with a middle initial
        found.extend(government_matches(v, found, lexicon, blocked))
    for m in ELLIPSIS.finditer(v):
        w1, w2, shared, plural = m.groups()
        keys = [fold_form(f"{word} {shared}") for word in (w1, w2)]
        if all(k in lexicon.forms for k in keys) and not any(a < m.end() and m.start() < b for a, b in blocked):
            found.extend((m.start(), m.end(), k) for k in keys)
    elliptic = set()  # spans of "Chinese and Russian militaries": a noun phrase whatever follows
    for m in ELLIPSIS_PLURAL.finditer(v):
        w1, w2, plural = m.groups()
        singular = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
        keys = [next((k for k in (fold_form(f"{word} {singular}"), fold_form(f"{word} {plural}"))
                      if k in lexicon.forms), None) for word in (w1, w2)]
        if all(keys) and not any(a < m.end() and m.start() < b for a, b in blocked):
            found.extend((m.start(), m.end(), k) for k in keys)
            elliptic.add((m.start(), m.end()))
    # rule 3: longest first, then leftmost (two names elided into one phrase share its span)
    width = len(v) + 1  # one int a key, not a tuple: (-length, start) in the same order
    found.sort(key=lambda t: (t[0] - t[1]) * width + t[0])
    # Entries of one span are next to one another in that order: the first decides whether the
    # span is free; when it is, every key found on it is chosen (without a set of every span:
    # a long paragraph has a million).
    taken = bytearray(len(v))
    chosen = []
    span, keys_here, free = None, set(), False
    for start, end, key in found:
        if (start, end) != span:
            span, keys_here = (start, end), set()
            free = taken.find(1, start, end) < 0
            if free:
                taken[start:end] = b"\x01" * (end - start)
        if free and key not in keys_here:
            keys_here.add(key)
            chosen.append((start, end, key))
    chosen.sort()
    nested = nested_matches(found, chosen, lexicon, len(v))
    compounded = states_compounded(v, chosen, lexicon)
    found = None  # read: let go before the matches are made (a long paragraph has a million of each)
    out = []
    for start, end, key in itertools.chain(chosen, nested):
        cands, facts = lexicon.forms[key], lexicon.facts(key)
        if facts.place_or_state and (opens_other_name(v, end, lexicon, cands) or in_other_place_name(v, start, end)):
            continue  # rule 2
        if facts.demonym_led and (start, end) not in elliptic and _qualifies_a_noun(v[end:end + 40]):
            continue  # rule 2: "Chinese military aggression" is an adjective phrase, not the name
        i, j = view.to_text(start), view.to_text(end - 1) + 1
        # rule 2: "Japan-U.S.-ROK Summit Meeting", a compound modifier (kept out of the mentions
        # in extract, still a name that the entity candidates do not run into)
        out.append(Match(region, i, j, key, cands, compound=(start, end) in compounded))
    if nested:
        _link_outers(out)
    out.sort(key=lambda m: (m.i, -m.j))
    return out


def _persons_only(lexicon: Lexicon, key: str) -> bool:
    """The form names persons only (a generational suffix after it makes another person)."""
    return all(c.type == "person" for c in lexicon.forms[key])


def states_compounded(v: str, chosen: list, lexicon: Lexicon) -> set:
    """Rule 2: the spans of states hyphenated to one another at the head of the name of a meeting,
    a dialogue, a group or a document ("Japan-U.S.-ROK Summit Meeting", "Japan-Australia-U.S.
    Defense Ministers' Meeting", "Republic of Korea-United States Working Group"): words of that
    name, no mentions of the states. Only such a name proves it: two capitalised words or more
    ending in one of :data:`COMPOUND_HEADS`, the last of the capitalised run (so in a headline in
    title case, where every word is capitalised, the head must end the run: "Japan-China Talks
    Resume After Long Pause" names no meeting). A state hyphenated to anything else ("U.S.-led",
    "U.S. Navy-Philippines"), states hyphenated before a common noun or an acronym ("the
    China-Japan row", "the U.S.-Japan AI partnership") and before a name of another head ("the
    U.S.-ROK Alliance", "the U.S.-China Trade War", a cited title's "U.S.-Japan Cooperation in
    ...") stay mentions."""
    def state(key):
        return any(c.type == "state" for c in lexicon.forms[key])

    out, chain = set(), []

    def close():
        if len(chain) < 2:
            return
        name = NAME_GOES_ON.match(v, chain[-1][1])
        if not name or name.group(1).rstrip("'’").lower() not in COMPOUND_HEADS:
            return
        out.update(c[:2] for c in chain)

    for start, end, key in chosen:
        if chain and chain[-1][:2] == (start, end):
            continue  # another key on the same span
        if not (chain and v[chain[-1][1]:start] == "-" and state(key)):
            close()
            chain = []
        if state(key):
            chain.append((start, end, key))
    close()
    return out


# the name that goes on after a compound of states: two capitalised words or more, the last one
# its head ("... Summit Meeting", "... Defense Ministers' Meeting", "... Working Group")
NAME_GOES_ON = re.compile(r"(?: [A-Z][a-z]+['’]?)+? ([A-Z][a-z]+s?)(?![\w'’-])(?! [A-Z][a-z])")
# the heads of the names of meetings, dialogues, groups and documents
COMPOUND_HEADS = frozenset("meeting meetings summit dialogue talk talks consultation consultations conference "
                           "forum group council committee commission statement declaration agreement treaty "
                           "communique guidelines initiative".split())


class Spans:
    """Spans of a text that do not overlap one another (a span may be added again): whether a new
    span overlaps one of them (other than itself) is read from a mask of the characters taken,
    in time proportional to its length, not to the number of spans."""

    __slots__ = ("mask", "spans")

    def __init__(self, size: int):
        self.mask = bytearray(size)
        self.spans: set = set()

    def overlaps(self, start: int, end: int) -> bool:
        if (start, end) in self.spans:
            return False  # itself; the others are apart from it
        return self.mask.find(1, start, end) >= 0

    def add(self, start: int, end: int):
        if (start, end) not in self.spans:
            self.spans.add((start, end))
            self.mask[start:end] = b"\x01" * (end - start)


def _link_outers(out: list):
    """Point each match inside a longer one (another span) to the longest around it (``outer``).

    The matches' spans nest or are apart, so in order of start (longest first) the only span
    that can hold a match is the last one not held by another; of several with that span, the
    first in ``out``."""
    order = sorted(range(len(out)), key=lambda k: (out[k].i, -out[k].j, k))
    last = None
    for k in order:
        m = out[k]
        if last is not None and last.i <= m.i and m.j <= last.j and (last.i, last.j) != (m.i, m.j):
            m.outer = last
        elif last is None or (last.i, last.j) != (m.i, m.j):
            last = m


# Rule 3 keeps the longest name; a name inside it is a mention of its own (nested, pointing to the
# outer one) when the outer name is made from it: a government, an administration, an unnamed
# official named after a person, state or body ("the administration of U.S.
# President Donald Trump", "a senior Defense Ministry official", "Joe Biden’s White House"), and
# a person's name inside anything. A place or state inside a unit's or a sea's name ("U.S. Forces
# Japan", "South China Sea") is part of that name, not a mention of its own.
NESTING_OUTER = {"government", "anonymous"}


def nested_matches(found: list, chosen: list, lexicon: Lexicon, size: int) -> list:
    """The matches rule 3 set aside that are mentions of their own inside a chosen one (above).
    ``chosen`` is sorted; its spans do not overlap (one may be chosen for several keys)."""
    out = []
    chosen_set = set(chosen)
    starts = [c[0] for c in chosen]
    placed = Spans(size)
    for start, end, key in found:
        if (start, end, key) in chosen_set:
            continue
        k = bisect.bisect_right(starts, start) - 1
        while k > 0 and chosen[k - 1][:2] == chosen[k][:2]:
            k -= 1  # the first of the keys chosen for that span
        if k < 0 or not (chosen[k][1] >= end and chosen[k][:2] != (start, end)):
            continue
        outer = [chosen[k]]
        o_cands, cands = lexicon.forms[outer[0][2]], lexicon.forms[key]
        if all(c.via in SHORT_FORMS for c in cands):
            continue  # a family name inside a longer name is part of that name
        if {c.id for c in o_cands} & {c.id for c in cands}:
            continue  # the same entity, named again inside its own name
        if {c.type for c in o_cands} & {c.type for c in cands}:
            continue  # "Air Force" inside "Philippine Air Force": a part of another name
        if all(c.type == "person" for c in cands) or all(c.type in NESTING_OUTER for c in o_cands):
            if (start, end) not in placed.spans and not placed.overlaps(start, end):
                placed.add(start, end)
                out.append((start, end, key))
    return out


# A compass word glued before a place's or a state's name makes the name of another place, one the
# registry does not hold as a whole (a registered "North Korea" is matched whole, longest first):
# "Western Australia", "East Asia", "Northern Ireland", "West Philippine Sea". Not after a
# sentence's end, where the word may open the sentence ("West. Japan ..." is no name).
COMPASS_BEFORE = re.compile(r"(?<![\w.'-])(?:(?:North|South)(?:east|west)?(?:ern)?|East(?:ern)?|West(?:ern)?|"
                            r"Central)[ -]$")
INSTITUTION_TYPES = {"military", "government-body", "organization", "media", "grouping", "political-party"}
PREFIX_WORD = re.compile(r"([A-Z][\w.'-]*)[ -]$")
# A number that opens a unit's name ("5th Air Force", "Seventh Fleet", "the Eighth Army"), at a
# sentence's start too.
ORDINAL_BEFORE = re.compile(r"(?<![\w.,-])(?:\d+(?:st|nd|rd|th)|(?:%s))[ -]$" % "|".join(
    w.capitalize() for w, n in ORDINAL_WORDS.items() if n <= 20))  # First ... Twentieth


def part_of_longer_name(view: "View", start: int, end: int, cands: tuple, lexicon: "Lexicon",
                        wraps: bool = False) -> bool:
    """An institution's name right after a capitalised word that is not its own country's, or
    a military service's after an ordinal, is the end of another institution's name: "Philippine
    Air Force" and "5th Air Force" are not the U.S. Air Force,
    "Ground Self-Defense Force" not the whole JSDF. A determiner, a sentence's first word or the
    institution's own country ("Japanese Self-Defense Forces") does not count."""
    if not cands or any(c.type not in INSTITUTION_TYPES for c in cands):
        return False
    v = view.view
    if ORDINAL_BEFORE.search(v, max(0, start - 16), start) and all(c.type == "military" for c in cands) \
            and HEAD_TYPE.get(v[start:end].rsplit(" ", 1)[-1].lower()) == "military":
        # "5th Air Force", "Fifth Air Force": a numbered formation is its own unit (not "the 117th
        # Congress" or "the 6th Quad Leaders' Summit", which are those bodies)
        return True
    m = PREFIX_WORD.search(v, max(0, start - 40), start)
    if not m:
        return False
    between = view.to_text(m.end() - 1)
    newline = view.text.find("\n", between, view.to_text(start))
    if newline >= 0 and not (wraps and wrapped_break(view.text, newline)):
        return False  # no word before it on its line (a hard-wrapped line's break aside)
    if re.match(r"(?:'s)?\s*[A-Z]", v[end:end + 5]) and re.search(r"[A-Z][\w.'-]* $", v[max(0, m.start() - 30):m.start()]):
        return False  # a headline or a cited title, every word capitalised
    word, qualifiers = m.group(1), lexicon.qualifiers
    if word.endswith(".") and word not in qualifiers:
        return False  # "... Summary Report. Asia Society": the end of the sentence before
    if word.lower() in DETERMINERS or re.search(r"'s?$", word):
        return False  # (a word that opens a sentence is not a name's either: see below)
    if word in lexicon.forms and word not in qualifiers:
        return False  # a name before a name: "Pentagon NATO review"
    if word in qualifiers:
        return all(qualifiers[word] != c.country for c in cands if c.country)
    before = v[max(0, m.start() - 40):m.start()].rstrip()
    if not before or (before[-1] in ".!?:\n\"“" and not ABBREVIATION.match(before.split()[-1])):
        return False  # the first word of a sentence or a line (not a word after "U.S.")
    return True


def _to_view(view: "View", i: int) -> int:
    """A text offset in the view (an offset inside a whitespace run is that run's one space)."""
    k = bisect.bisect_right(view.anchors_text, i) - 1
    offset = i - view.anchors_text[k]
    if k + 1 < len(view.anchors_view):
        offset = min(offset, view.anchors_view[k + 1] - 1 - view.anchors_view[k])
    return view.anchors_view[k] + offset


# A dateline's place in capitals: "TOKYO", "SYDNEY/TOKYO", "NAGO, Okinawa".
DATELINE_PLACE = re.compile(r"[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*(?=[,(\s/]|$)")
# A clock time before a place's name and "time" after it: a time zone ("9:30 a.m. Tokyo time").
CLOCK_BEFORE = re.compile(r"\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?|hours|hrs)?\s$", re.I)
TIME_ZONE_AFTER = re.compile(r" (?:standard )?time\b", re.I)
NAME_BEFORE_COMMA = re.compile(r"[A-Z][\w.'-]*,? $")  # searched in the 40 characters before a match
GLUED_NUMBER = re.compile(r"\d+(?![\w])")


def _ends_word(v: str, end: int, key: str) -> bool:
    """Rule 1 on the right: the form is not the start of a longer word. Digits glued to a form
    that ends in a letter are a year or a number run together with it ("Japan2025"), not part of
    the name — unless the form is a short code ("F", "US2"); after a form ending in "." any
    digits may follow ("D.C.2024")."""
    ch = v[end]
    if ch.isalpha() or ch == "_":
        return False
    if not ch.isdigit():
        return True
    if key[-1] == ".":
        return True
    return key[-1].isalpha() and len(key) >= 3 and GLUED_NUMBER.match(v, end) is not None


# Heads of demonym-led forms that are also adjectives ("Chinese military" / "military aggression");
# a noun head ("Chinese government activities") names the body even before another noun.
ADJECTIVE_HEADS = {"military", "official", "naval", "maritime", "civilian", "public"}


def _qualifies_a_noun(after: str) -> bool:
    """The words after a form start with a lower-case noun it qualifies ("military aggression")."""
    word = re.match(r"\s+([a-z][a-z-]*)\b", after)
    return bool(word) and _is_noun(word.group(1))


def _is_noun(w: str) -> bool:
    """A rough test that a lower-case word after a name is a noun (or an adjective before one),
    not a verb, adverb or function word."""
    if w in NOT_A_NOUN or w.endswith("ly") or (w.endswith("ing") and len(w) > 5):
        return False
    if not re.search(r"[aeiouy]", w):
        return False  # no vowel: a code or a tag ("cbbbbb"), not an English word
    if w.endswith("ed") and len(w) > 4:
        return False
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3 and w not in _NOUN_S and w not in PLACE_NOUNS:
        return False  # "Japan faces", "China seeks": a verb unless a known plural noun
    return True


# Rule 2 the other way round: the words before a place's or state's name with which it makes
# another name — a unit's head noun after a name ("U.S. Naval Forces Japan", "U.S. Army Japan").
UNIT_BEFORE = re.compile(r"[A-Z][\w.'-]* (?:Forces|Force|Command|Fleet|Army|Navy|Corps|Group) $")
# ... or hyphenated to a task force's head: "Multi-National Force-Iraq", "Task Force-Philippines"
# (not to a service: "a joint U.S. Navy-Philippines patrol" is one of both states)
UNIT_HYPHEN_BEFORE = re.compile(r"[A-Z][\w.'-]* Forces?-$")
PREVIOUS_WORD = re.compile(r"(?<![\w.'-])([A-Z][a-z]+) $")


def in_other_place_name(view: str, start: int, end: int) -> bool:
    """A place's or state's name that is the end of another name: of a unit ("U.S. Naval Forces
    Japan"), of a place the gazetteer knows with the word before it ("South America", "New
    Mexico"), or the state of that name ("Washington state", not the city)."""
    name = view[start:end]
    if STATE_AFTER.match(view, end) and gazetteer.admin_area(name) is not None:
        return True
    if start >= 2 and view[start - 1] == "-" and UNIT_HYPHEN_BEFORE.search(view, max(0, start - 40), start):
        return True
    # both other readings end with a capitalised word and a space right before the name: a word
    # before it in lower case ("in Tokyo", the common case) is read no further
    if start < 2 or view[start - 1] != " " or view[view.rfind(" ", 0, start - 1) + 1:start - 1].islower():
        return False
    if UNIT_BEFORE.search(view, max(0, start - 40), start):
        return True
    if PLACE_HEAD_AFTER.match(view, end):
        return True  # "the Greater Tokyo Area": a capitalised word before it and a place's head noun after
    prev = PREVIOUS_WORD.search(view, max(0, start - 20), start)
    return bool(prev) and gazetteer.lookup(f"{prev.group(1)} {name}") is not None


STATE_AFTER = re.compile(r" state\b")
PLACE_HEAD_AFTER = re.compile(r" (?:Area|Region|District|Province|County)\b")


NAME_WORDS_AFTER = re.compile(r"((?: (?:[A-Z][\w'&.-]*|of|and|for|the|on))+)")


def opens_other_name(view: str, end: int, lexicon: Lexicon, cands: tuple = ()) -> bool:
    """Rule 2: "Pacific War", "Asia Society": a capitalised name continues to an org head noun, or
    to an outlet's or a company's ("Pacific Wire Service"); a place that is no state, to any
    institution's ("Pacific Islands Forum Secretariat"). (A state opening the name of one of its
    organs, "U.S. Administration", "Japan Coast Guard", is still named in it.)"""
    words = NAME_WORDS_AFTER.match(view, end, end + 80)  # (read in place: asked after every place's name)
    if not words:
        return False
    tokens = []
    for token in words.group(1).split():
        if token == "and":
            break  # a coordination ends the name: "Japan Evening Briefing and the Tokyo ...",
            # "Japan and the Pacific War"
        tokens.append(token)
        if token.endswith(".") and not ABBREVIATION.match(token):
            break  # the name ends with the sentence: "Taiwan Crisis. Sasakawa Peace Foundation"
    while tokens and tokens[-1] in ("of", "and", "for", "the", "on"):
        tokens.pop()
    if not tokens or len(tokens) > 5:
        return False
    last = tokens[-1].strip(".'").lower()
    if last in ORG_HEADS or entities.outlet_or_company(tokens):
        return True
    return HEAD_TYPE.get(last) in entities.INSTITUTION and not any(c.type == "state" for c in cands)


def actor_or_place(match: Match, matches_in_region: list[Match], last: Match | None = None) -> tuple[str, str]:
    """Rule 4: does this occurrence of a name shared by an actor and a place mean the place?

    ``match`` is the first name of a coordination and ``last`` its last ("Tokyo and Washington"):
    the words before the first and after the last decide for all of them. In order:

    - a spatial relation takes the place: "north of Japan", "within range of China",
      "away from", "places like Cambodia", a part of a city standing alone ("the harbour district of
      Busan", "Tokyo's Haneda airport"); and so does the subject of a spatial predicate
      ("Japan is within range of");
    - an attitude or a judgement "in" a capital is its government's ("concern in Tokyo", "judged in
      Washington"), a message "aimed at" it is aimed at the state, the subject of a question acts
      ("Did Washington ask"), and so are people "in"
      it who head a verb's subject ("Officials in Tokyo, however, said"; not "talks with officials
      in Tokyo ended"), and the object of a verb of influence or feeling is an actor ("empower Beijing", "deter China", "alarmed
      Washington"), as is the one wanted or asked to act ("wants Tokyo to do more"), the one an
      office or a message is addressed to ("ambassador to Manila") and a thing matters to
      ("mattered to Tokyo", not "mattered to Tokyo commuters");
    - a possessive: the place when it governs a place noun ("Tokyo’s Ichigaya district") or the
      area around it ("Japan's immediate neighborhood"), else the actor ("Washington’s commitment");
    - a name qualifying a situation is the place ("a Taiwan contingency"); a country or a
      building qualifying any other noun is the state or the body ("U.S. strategic priorities",
      "the U.S.-led program", "near U.S. bases", "Pentagon AUKUS review");
    - the place after a locative preposition ("met in Tokyo") or before a relative "where" ("from
      Manila, where"), a verb of motion or a way ("visit to Japan", "heading towards", "the road to
      Tokyo"), an attack ("invade Taiwan", "encroached
      on Japan"), or as the end of an address after another place ("Tokyo, Japan");
    - the actor as the subject of a verb ("Tokyo and Washington confirmed", "Japan established"),
      also past adverbs of manner or an aside ("Beijing quickly responded", "Seoul in turn said");
      or after "for/with/between ..." ("for Tokyo and Washington to build");
    - otherwise the default: a city, district or facility is a place; a country is the state acting.
    """
    last = last or match
    text = match.region.text
    before = text[max(0, match.i - 60):match.i].translate(FOLD)
    after = text[last.j:last.j + 80].translate(FOLD)
    before_core = re.sub(r"(?i)\b(?:the|both|either)\s+$", "", before)
    before_core = re.sub(r"(?i)\b(?:the|both|either)\s+$", "", before_core)  # "both the"
    words_before = re.findall(r"[\w.'-]+|[,:;]", before_core)
    prev = words_before[-1].lower() if words_before else ""

    # a capital form is also the city
    place_types = {"city" if c.via == "capital" else c.type for m in (match, last) for c in m.candidates
                   if c.kind == "place" or c.via == "capital"}
    possessive = re.match(r"'s?\s+", after)
    if possessive:
        phrase = re.findall(r"[A-Za-z-]+", re.split(r"[^\w\s'-]", after[possessive.end():], maxsplit=1)[0])[:8]
        following = phrase[:4]
        if following and following[0].lower() in PLACE_NOUNS:
            return "place", "possessive+place-noun"
        # "Tokyo's Haneda airport", "Seoul's Gangnam district": a named part of the city, the head
        # of the phrase (its last noun: not "Washington's Dulles airport strategy")
        names = list(itertools.takewhile(lambda w: w[:1].isupper(), phrase))
        nouns = list(itertools.takewhile(lambda w: not w[:1].isupper() and (w in CITY_PARTS or _is_noun(w)),
                                         phrase[len(names):]))
        if names and nouns and nouns[-1] in CITY_PARTS:
            return "place", "possessive+place-noun"
        if any(w.lower() in SURROUNDINGS for w in following):
            return "place", "possessive+surroundings"
        return "actor", "possessive"
    if SPATIAL_BEFORE.search(before_core) or (
            "city" in place_types and CITY_PART_BEFORE.search(before_core)
            and not _qualifies(_after_compound(after, last, matches_in_region))):
        return "place", "spatial"
    if OPINION_IN.search(before_core):
        return "actor", "opinion-in"
    if JUDGED_IN.search(before_core) and not BY_AGENT_AFTER.match(after):
        return "actor", "judged-in"
    if AIMED_AT_BEFORE.search(before_core) and not NOUN_AFTER.match(after):
        return "actor", "aimed-at"
    if QUESTION_BEFORE.search(before) and QUESTION_VERB_AFTER.match(after):
        return "actor", "question-subject"
    people = PEOPLE_IN.search(before_core)
    if people and not PEOPLE_AS_OBJECT.search(before_core, 0, people.start()) and _verb_after_subject(after):
        return "actor", "people-in"
    if _object_of(before_core, INFLUENCE_VERBS, INFLUENCE_BEFORE_TO):
        return "actor", "object-of-influence"
    if VOLITION_BEFORE.search(before_core) and TO_ACT_AFTER.match(after):
        return "actor", "object-of-influence"
    if _object_of(before_core, RECIPIENT_VERBS) and SECOND_OBJECT_AFTER.match(after):
        return "actor", "object-of-influence"
    if _object_of(before_core, FEELING_VERBS, FEELING_BEFORE_TO) and _stands_alone(
            _after_compound(after, last, matches_in_region)):
        return "actor", "object-of-influence"
    if ROLE_AFTER.match(after):
        return "actor", "role"  # "Pentagon Chief Spokesman", "Tokyo officials": someone of the body
    rest = _after_compound(after, last, matches_in_region)
    next_word = re.match(r"(?:-|\s+)([A-Za-z]+)\b", rest)
    if next_word and next_word.group(1).lower() in PLACE_QUALIFIED:
        return "place", "qualifier"
    if place_types & {"country", "facility"} and _qualifies(rest):
        return "actor", "attributive"
    if SPATIAL_AFTER.match(after):
        return "place", "spatial-predicate"
    if prev in LOCATIVE_BEFORE or MOTION_BEFORE.search(before_core) or TARGET_BEFORE.search(before_core) \
            or WHERE_AFTER.match(after):
        return "place", "locative"
    if prev in (",", ":") and _previous_is_place(match, matches_in_region):
        return "place", "address"
    if _agentive_after(after, noun_verb=not DETERMINER_BEFORE.search(before)):
        return "actor", "agentive"
    if ACTOR_PAST_AFTER.match(after):
        return "actor", "actor-past"
    if AGENT_BEFORE.search(before):
        return "actor", "agentive"
    if place_types & {"city", "district", "facility", "admin-area"}:
        return "place", "default"
    return "actor", "default"


ROLE_AFTER = re.compile(r"(?i)^(?:\s+(?:chief|deputy|senior|principal|press|top))*\s+(?:spokes(?:man|woman|person)|"
                        r"officials?|secretary|ministers?|leaders?|ambassadors?|envoys?|chief|correspondents?|"
                        r"diplomats?|negotiators?|lawmakers?)\b")


def _qualifies(rest: str) -> bool:
    """The words after a name (and any names compounded with it) show it qualifying a noun:
    "-led", "strategic priorities", "bases in", "AUKUS review" — not a verb ("reflect a")."""
    if re.match(r"-[a-z]", rest):
        return True
    words = re.match(r"\s+([a-z][a-z-]*)\b(?:\s+([a-z]+)\b)?", rest)
    if not words or not _is_noun(words.group(1)):
        return False
    return words.group(1) in _NOUN_S or words.group(2) not in DETERMINERS


DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those", "our",
               "to", "no", "every", "some", "any"}


def _heads_noun_phrase(m: Match, matches: list[Match]) -> bool:
    """A possessive or attributive name starts a noun phrase of its own ("the PRC's growing
    tendencies", "the U.S. aircraft carrier"): it is not a bare name coordinated with others."""
    after = m.region.text[m.j:m.j + 80].translate(FOLD)
    return bool(re.match(r"'s?\s", after)) or _qualifies(_after_compound(after, m, matches))


def _after_compound(after: str, last: Match, matches: list[Match]) -> str:
    """The words after a name and any names compounded with it ("Pentagon AUKUS review",
    "U.S.-Japan initiative"): what the compound qualifies."""
    text = last.region.text
    end = last.j
    # the region's matches are in reading order: start at the first at or after the name's end
    for other in itertools.islice(matches, bisect.bisect_left(matches, end, key=_start_of), None):
        if other.i < end:
            continue
        if text[end:other.i] in ("", " ", "-"):
            end = other.j
        else:
            break
    return text[end:end + 80].translate(FOLD) if end != last.j else after


def _stands_alone(rest: str) -> bool:
    """The words after a name show it heads no noun phrase: a punctuation mark or the end, or a
    word that is no noun ("alarmed Washington enough", "angered Seoul, which"), not "upset Tokyo
    hotels"."""
    word = re.match(r"\s*([A-Za-z]+)?", rest)
    w = (word.group(1) or "").lower()
    return not w or rest[:1] not in (" ", "") or w in NOT_A_NOUN or w == "enough" or w.endswith("ly")


def _start_of(m: "Match") -> int:
    return m.i


def _previous_is_place(match, matches):
    # the last match (in reading order) that ends before this one starts; every such match starts
    # before it, so the search goes back from the first match starting at or after it
    k = bisect.bisect_left(matches, match.i, key=_start_of) - 1
    while k >= 0 and matches[k].j > match.i:
        k -= 1
    if k < 0:
        return False
    last = matches[k]
    gap = match.region.text[last.j:match.i]
    return re.fullmatch(r"\s*[,:]\s*", gap) is not None and (
        last.chosen is not None and last.chosen.kind == "place")


# A parenthesis between a subject and its verb: ", in turn,", ", however,", ", for now,".
PARENTHETICAL = re.compile(r",\s+(?:(?:for|in|on|by|at|with|after|like)\s[^,.;:“”\"]{1,25}|[a-z]+ly|however|"
                           r"meanwhile|too|though|instead|also|then),(?=\s)")
# Adverbs of manner or stance between a subject and its verb, without commas, a closed list: "Beijing
# firmly opposed", "Washington never asked", "Seoul in turn said". Adverbs of time ("once",
# "again", "recently", "briefly") are left out: "Tokyo once hosted the Games" is the city.
ADVERBS_BETWEEN = re.compile(
    r"(?:\s+(?:never|in\s+turn|firmly|strongly|sharply|flatly|quickly|swiftly|promptly|publicly|openly|"
    r"privately|quietly|formally|officially|repeatedly|reportedly|reluctantly|explicitly|immediately|"
    r"categorically|vehemently|angrily|cautiously|consistently))+(?=\s)")


# a time phrase between a subject and its verb: "officials in Tokyo today said", "... this week said"
TIME_BETWEEN = re.compile(r"\s+(?:today|yesterday|tomorrow|(?:this|last|next)\s+(?:week|month|year|morning|"
                          r"afternoon|evening|spring|summer|autumn|fall|winter))(?=\s)")
# a participle and its agent: the people are the object of the verb ("officials in Tokyo hired by")
PARTICIPLE_BY = re.compile(r"\s+[a-z]+(?:ed|en|wn)\s+by\b")


def _verb_after_subject(rest: str) -> bool:
    """A verb after a plural or indefinite subject's last word ("... will say", "... read it",
    "... suspect that"): an auxiliary or any lower-case word that is no function word, also past a
    time phrase, adverbs of manner or an aside between commas ("... today said", "..., however,
    expect"); not a participle with its agent ("... hired by the embassy")."""
    for between in (TIME_BETWEEN, PARENTHETICAL, ADVERBS_BETWEEN):
        skip = between.match(rest)
        rest = rest[skip.end():] if skip else rest
    word = re.match(r"\s+([a-z]+)\b", rest)
    return word is not None and (word.group(1) in AUXILIARIES or word.group(1) not in NOT_A_NOUN) \
        and not PARTICIPLE_BY.match(rest)


def _agentive_after(rest: str, noun_verb: bool = True) -> bool:
    """The name is followed by a verb: also past a parenthesis ("Tokyo, in turn, approved",
    "Tokyo (Japan) said") and into a quotation that the name opens (Moscow "is paying ...").
    A plural noun's form ("claims", "talks") is read as a verb only where ``noun_verb``: the
    name has no determiner or preposition before it ("after the Seoul talks" qualifies a noun)."""
    aside = PARENTHETICAL.match(rest)
    if aside:
        rest = rest[aside.end():]
    adverbs = ADVERBS_BETWEEN.match(rest)
    if adverbs:
        rest = rest[adverbs.end():]
    word = re.match(r"\s+(?:\(\w+\)\s+)?[\"“]?([A-Za-z]+)\b", rest)
    if not word:
        return False
    w = word.group(1)
    if w[0].isupper():
        # title case: an -ing verb ("Pentagon Reviewing Base Defense"), or a verb in -s before a
        # small word ("When Pyongyang Fights in Europe", "China Sees a Chance"), not a plural noun
        low = w.lower()
        return (w.endswith("ing") and len(w) > 5) or (
            low.endswith("s") and not low.endswith("ss") and len(low) > 3 and low not in _NOUN_S
            and low not in PLACE_NOUNS and re.match(r"\s+[A-Za-z]+\s+(?:in|to|for|on|with|at|a|an|the|over|into)\b",
                                                    rest) is not None)
    # a plural noun's form is a verb before an object ("Beijing claims Taiwan", "claims the")
    return w in AUXILIARIES or (w.endswith("ed") and len(w) > 4) or (
        w.endswith("s") and len(w) > 3 and not w.endswith("ss") and w not in PLACE_NOUNS
        and rest.lstrip().startswith(w + " ") and (w not in _NOUN_S or (noun_verb and OBJECT_AFTER.match(rest, word.end()))))


# an object after a verb: a determiner, a number or a name — not a weekday or a month ("the Tokyo
# talks Monday"), which says when
OBJECT_AFTER = re.compile(r"\s+(?:(?:the|its|their|a|an|all|most|two|three|four|five|six|several)\b|\d|"
                          r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
                          r"April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z])")
# a determiner or a preposition right before a name: the name qualifies the noun after it
DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|this|that|these|those|its|their|his|her|our|after|before|at|in|on|"
                               r"of|from|during|since|until|for|with|by|to|into|over|about)\s+$")


_NOUN_S = {"forces", "ships", "troops", "bases", "islands", "waters", "officials", "leaders", "allies",
           "interests", "claims", "actions", "efforts", "relations", "talks", "exercises", "patrols",
           "tactics", "threats", "operations", "capabilities", "partners", "vessels", "jets",
           "missiles", "bombers", "fighters", "affairs", "ties", "means", "news", "series",
           "priorities", "policies", "commitments", "ambitions", "concerns", "interests", "assets",
           "strategies", "goals", "objectives", "positions", "personnel", "units", "alliances"}

# "Tokyo and Washington", "China, North Korea, and Russia", "the Indian Ocean and the Arabian Sea"
COORDINATION_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*(?:the\s+)?")
CONJUNCTION = re.compile(r"\b(?:and|or)\b|&")


def coordinations(region_matches: list[Match]) -> list[list[Match]]:
    """Split a region's matches (in order) into coordinations: names joined by commas and a final
    "and"/"or". Names joined only by commas are not a list ("Tokyo, Japan" is an address), and a
    list ends with the name after its "and" ("... and Russia, Japan's ..." starts anew)."""
    groups: list[list[Match]] = []
    chain: list[Match] = []
    conjunction = False

    def close():
        nonlocal chain, conjunction
        if (len(chain) > 1 and conjunction) or len(chain) == 1:
            groups.append(chain)
        else:
            groups.extend([m] for m in chain)
        chain, conjunction = [], False

    for m in region_matches:
        if chain:
            prev = chain[-1]
            gap = m.region.text[prev.j:m.i].translate(FOLD) if m.i >= prev.j else None
            joined = gap is not None and COORDINATION_GAP.fullmatch(gap) and not conjunction \
                and not _heads_noun_phrase(prev, region_matches) and not _heads_noun_phrase(m, region_matches)
            if joined:
                chain.append(m)
                conjunction = conjunction or bool(CONJUNCTION.search(gap))
                continue
            close()
        chain = [m]
    if chain:
        close()
    return groups


def resolve_document(matches: list[Match]):
    """Rules 4 and 5 over all matches of one document (in reading order)."""
    by_region = defaultdict(list)
    for m in matches:
        if m.outer is None:  # a nested name is read after the names around it, not among them
            by_region[id(m.region)].append(m)
    for m in matches:
        if m.outer is not None:
            by_region[("nested", id(m))].append(m)
    two_kinds: dict = {}  # id(candidates) -> (candidates, actor and place among them)

    def both_kinds(cands) -> bool:
        found = two_kinds.get(id(cands))
        if found is None:
            # a capital form is its state or the city no registry holds: two readings too
            found = two_kinds[id(cands)] = (cands, len({c.kind for c in cands}) == 2
                                            or (len(cands) == 1 and cands[0].via == "capital"))
        return found[1]

    # rule 4 first, region by region (an address rule looks at the previous decision)
    for region_matches in by_region.values():
        for group in coordinations(region_matches):
            shared = [m for m in group if both_kinds(m.candidates)]
            if not shared:
                for m in group:
                    _choose(m, m.candidates, "")
                continue
            settled = {c.kind for m in group if m not in shared for c in m.candidates}
            if len(settled) == 1:  # "Cambodia, East Timor, the Indian Ocean and ...": the sea decides
                kind, why = next(iter(settled)), "coordination"
            else:
                kind, why = actor_or_place(group[0], region_matches, last=group[-1])
                if why == "default" and kind == "place" and len(group) > 1 and all(
                        any(c.kind == "actor" and c.type == "state" for c in m.candidates) for m in group) \
                        and len({c.id for m in group for c in m.candidates if c.kind == "actor"}) == len(group):
                    # "Seoul and Tokyo After the Transition": capitals of several states listed with
                    # nothing that places them are their governments
                    kind, why = "actor", "coordinated-states"
            for m in group:
                if m in shared and m.candidates[0].via == "capital":
                    if kind == "actor" and capital_as_state(m, why):
                        _choose(m, m.candidates, f"context:{why}")
                    else:  # "met in Seoul", "Seoul's mayor": the city
                        m.candidates, m.city = (), True
                elif m in shared:
                    _choose(m, tuple(c for c in m.candidates if c.kind == kind), f"context:{why}")
                else:
                    _choose(m, m.candidates, "")
    # rule 5: evidence of unambiguous forms in the document, first in the same part of it
    evidence = defaultdict(list)
    for m in matches:
        if m.chosen is not None:
            evidence[(m.chosen.kind, m.chosen.id)].append((m.doc_start, _part(m)))
    for m in matches:
        if m.chosen is not None:
            continue
        best = None
        for c in m.candidates:
            for pos, part in evidence[(c.kind, c.id)]:
                before = pos < m.doc_start
                key = (part != _part(m), 0 if before else 1, abs(m.doc_start - pos))
                if best is None or key < best[0]:
                    best = (key, c)
        if best:
            rule = "surname" if best[1].type == "person" else "document-evidence"
            m.chosen = best[1]
            m.method = "+".join(x for x in ("alias", m.method, rule) if x)


# the words right before a generic form that say whose it is: a state's name or adjective, with or
# without a possessive ("Britain's", "UK", "Australian", "United Kingdom's")
OWNER_WORDS = re.compile(r"(?:(?<![\w.])([\w.'’-]+) )?(?<![\w.])([\w.'’-]+?)(?:'s|’s)? $")


def owner_before(text: str, i: int, country_of) -> str | None:
    """The country of the state whose name or adjective is written right before ``text[i:]``: a
    registered state's name, alias or demonym, a registered country or one the gazetteer knows
    (``country_of``: a form -> its country code or None)."""
    for word in _owner_words(text, i):
        if word[:1].isupper():
            place = gazetteer.lookup(word)
            found = country_of(word) or (place.country if place is not None and place.kind == "country" else None)
            if found:
                return found
    return None


def other_state_before(text: str, i: int) -> bool:
    """Whether the word right before ``text[i:]`` (a possessive or an adjective) is a state's
    that the registries do not hold ("Britain's", "the Korean"): the words of states other than
    Japan and the United States that the fiscal years' owners are read with (dates.py)."""
    return any(w[:1].isupper() and dates._state_key(w) in dates._other_countries() for w in _owner_words(text, i))


def _owner_words(text: str, i: int) -> list:
    """The last two words before ``text[i:]`` and the last one ("South Korea's", "Korea's")."""
    m = OWNER_WORDS.search(text, max(0, i - 40), i)
    if not m:
        return []
    return [m.group(2)] if not m.group(1) else [f"{m.group(1)} {m.group(2)}", m.group(2)]


SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])|\n")
# A mission summoned or protested to is a guest's: "summoned ... the Chinese ambassador", "protested to
# the Chinese embassy", "the Chinese ambassador was called in" name the guest of the country whose
# ministry acts, so that nationality is no evidence of whose ministry it is. A mission the ministry
# instructs, or its envoys and diplomats, are its own ("instructed the Japanese embassy in Beijing").
MISSION_AFTER = re.compile(r"(?:'s)?\s+(?:embass(?:y|ies)|ambassadors?|consulates?|consuls?(?:[ -]general)?|"
                           r"charges? d'affaires|legations?)\b", re.I)
# the summons before the mission, in its clause (no full stop or semicolon between) ...
SUMMONS_BEFORE = re.compile(r"\b(?:summon(?:s|ed|ing)?|call(?:s|ed|ing)? in|protest(?:s|ed|ing)? (?:to|with)|"
                            r"(?:lodg|register)(?:e|es|ed|ing)? (?:a |an )?(?:\w+ )?(?:protest|complaint) (?:to|with))\b"
                            r"[^.;!?]{0,100}$", re.I)
# ... or after it ("the Chinese ambassador was summoned", "had been called in")
SUMMONED_AFTER = re.compile(r"[^.;!?]{0,40}?\b(?:was|were|is|are|been|being)\s+(?:\w+\s+)?(?:summoned|called in)\b", re.I)


def summoned_mission(folded: str, i: int, j: int) -> bool:
    """Whether the nationality ``folded[i:j]`` names a mission summoned or protested to (a guest)."""
    mission = MISSION_AFTER.match(folded, j)
    if not mission:
        return False
    return bool(SUMMONS_BEFORE.search(folded, max(0, i - 120), i)
                or SUMMONED_AFTER.match(folded, mission.end()))


def resolve_generic(matches: list[Match], qualifiers: dict, country_of=None, strict: frozenset = frozenset()):
    """A generic form ("the Ministry of Defense", "Self-Defense Forces") names the entity of the
    country its context is about: of the countries that have an entity of that form, the one most
    named around it — by the entities and nationality words of its sentence, else its region, else
    the document — and nobody's when none of them is named there (never guessed). A nationality
    before a mission that is summoned or protested to ("summoned the Chinese ambassador", "the
    Chinese ambassador was called in") is no evidence: that mission is the guest's; a mission the
    ministry instructs, and its envoys or diplomats, count as usual (:func:`summoned_mission`).
    A form in ``strict`` (a unit's name without its parent's: "Joint Operations Command", which
    other states' commands also bear) is read only where the nearest state named before it, in its
    sentence, else its region, is the owner and its sentence names no other state before it
    ("Canberra said its Joint Operations Command": none; :meth:`RegionFacts.states_before`).

    Each region's sentence breaks, folded text and covered characters are read once, and each
    span's tally is counted once, so that a region with many generic forms costs in proportion
    to its length."""
    qualifier_re = re.compile(r"(?<![\w.])(" + "|".join(re.escape(q) for q in sorted(qualifiers, key=len, reverse=True))
                              + r")(?![\w])") if qualifiers else None

    class RegionFacts:
        """What resolve_generic reads of one region, worked out once."""

        def __init__(self, found):
            self.found = found
            self.text = found[0].region.text
            self.starts = [o.i for o in found]  # in order: matches come sorted by document offset
            wraps = found[0].region.kind in WRAPPING_REGIONS
            # a hard-wrapped paragraph's line break ends no sentence ("the Ministry of Foreign⏎
            # Affairs conveyed ..." reads its whole sentence, not the half line)
            breaks = [(b.start(), b.end()) for b in SENTENCE_BREAK.finditer(self.text)
                      if not (wraps and b.group() == "\n" and wrapped_break(self.text, b.start()))]
            self.break_starts = [a for a, _ in breaks]
            self.break_ends = [b for _, b in breaks]
            self.folded = None
            self.covered = None
            self.tallies: dict = {}

        def countries(self, a: int, b: int) -> dict:
            tally = self.tallies.get((a, b))
            if tally is not None:
                return tally
            tally = self.tallies[(a, b)] = defaultdict(int)
            lo, hi = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
            for o in self.found[lo:hi]:
                c = o.chosen
                if c is not None and c.via != "generic" and c.country:
                    tally[c.country] += 1
            if qualifier_re is not None:
                if self.folded is None:
                    self.folded = self.text.translate(FOLD)
                    self.covered = bytearray(len(self.text) + 1)
                    for o in self.found:
                        if o.j > o.i:
                            self.covered[o.i:o.j] = b"\x01" * (o.j - o.i)
                for q in qualifier_re.finditer(self.folded, a, b):
                    if not self.covered[q.start()] and not summoned_mission(self.folded, q.start(), q.end()):
                        tally[qualifiers[q.group(1)]] += 1
            return tally

        def states_before(self, a: int, b: int) -> list:
            """The countries named in ``text[a:b]``, in order: registered names, capitals and
            nationality words (one country each)."""
            self.countries(0, 0)  # folded text and covered characters
            named = []
            lo, hi = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
            for o in self.found[lo:hi]:
                c = o.chosen
                if c is not None and c.via == "generic":
                    continue
                country = c.country if c is not None else (country_of(o.form) if country_of else None)
                if country and o.j <= b:
                    named.append((o.i, country))
            if qualifier_re is not None:
                named += [(q.start(), qualifiers[q.group(1)]) for q in qualifier_re.finditer(self.folded, a, b)
                          if not self.covered[q.start()]]
            return [c for _, c in sorted(named)]

    def top(tally, owners):
        """Of the countries that have an entity of that form, the one most named ("the
        Self-Defense Forces and U.S. Forces Japan": Japan's), if one is; else none."""
        tally = {c: n for c, n in tally.items() if c in owners}
        if not tally:
            return None
        best = max(tally.values())
        leaders = [c for c, n in tally.items() if n == best]
        return leaders[0] if len(leaders) == 1 else None

    by_region = defaultdict(list)
    for m in matches:
        by_region[id(m.region)].append(m)
    facts = {key: RegionFacts(found) for key, found in by_region.items()}
    document: dict = defaultdict(int)
    for f in facts.values():
        for c, n in f.countries(0, len(f.text)).items():
            document[c] += n
    for m in matches:
        cands = (m.chosen,) if m.chosen is not None else m.candidates
        shared = m.chosen is None and shared_by_countries(cands)
        if not cands or (not shared and any(c.via != "generic" for c in cands)):
            continue
        f = facts[id(m.region)]
        k = bisect.bisect_right(f.break_ends, m.i)
        start = f.break_ends[k - 1] if k else 0
        n = bisect.bisect_left(f.break_starts, m.j)
        if n and f.break_ends[n - 1] > m.j:  # inside a break read from the start: read on from the name
            after = SENTENCE_BREAK.search(f.text, m.j)
            end = after.start() + 1 if after else len(f.text)
        else:
            end = f.break_starts[n] + 1 if n < len(f.break_starts) else len(f.text)
        owners = {c.country for c in cands}
        owner = owner_before(f.text, m.i, country_of) if country_of is not None else None
        if owner is not None and owner not in owners:
            # "Britain's Ministry of Defence", "the UK Ministry of Defence", "the Australian
            # Department of Defense": another state's own body, whatever else the sentence names
            m.chosen, m.candidates, m.method, m.foreign = None, (), "", True
            continue
        if shared:
            # one of the entries' own names: the country word governing it (its possessive or
            # adjective); else the one owner its sentence names, or (none named there) its
            # paragraph names most; a sentence naming two owners leaves it unresolved, and so does
            # a name that goes on ("... Strategy of the United States of America": a longer name)
            governing = owner
            if governing is None and (OF_NAME_AFTER.match(f.text, m.j) or other_state_before(f.text, m.i)):
                continue  # "Britain's ...", "the Korean ...": a state no registry holds
            named = set(f.countries(start, end)) & owners
            country = governing if governing is not None else (
                next(iter(named)) if len(named) == 1 else None if named else top(f.countries(0, len(f.text)), owners))
            chosen = [c for c in cands if c.country == country]
            if len(chosen) == 1:
                m.chosen, m.method = chosen[0], "shared+context"
            continue
        if m.form in strict:
            # the nearest state named before it is its owner, and its sentence names no other before it
            # (or, when its sentence names none, the paragraph before it names no other)
            nearest = f.states_before(start, m.i) or f.states_before(0, start)
            country = nearest[-1] if nearest and set(nearest) == {nearest[-1]} else None
        else:
            country = top(f.countries(start, end), owners) or top(f.countries(0, len(f.text)), owners) \
                or top(document, owners)
        chosen = [c for c in cands if c.country == country]
        m.chosen = chosen[0] if len(chosen) == 1 else None
        m.method = "generic+context" if m.chosen else ""
        if m.chosen is None:
            m.candidates = ()


OF_NAME_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?(?!(?:{'|'.join(dates.MONTH_NAMES)})\b)[A-Z]")  # (not a date:
# "Strategy of December 2022")


def shared_by_countries(cands: tuple) -> bool:
    """Whether a form is the own name (or alias) of several registry entries of one type, each
    of another country ("National Security Strategy": Japan's of 2022 and the United States' of
    2025): whose it is, the context's country says (:func:`resolve_generic`). Persons are told
    apart by their full names in the document, places by kind."""
    return (len(cands) > 1 and len({c.type for c in cands}) == 1 and cands[0].type != "person"
            and all(c.kind == "actor" and c.via in ("name", "alias") and c.country for c in cands)
            and len({c.country for c in cands}) == len(cands))


def _choose(m: Match, cands: tuple, method: str):
    if len(cands) == 1:
        m.chosen = cands[0]
        via = cands[0].via
        m.method = f"{via}+{method}" if via and method else (via or method)
    else:
        m.candidates = cands
        m.method = method


def _part(m: Match) -> str:
    """The notes (footnotes and references, where names are the authors of cited works) or the text."""
    return "notes" if m.region.kind in ("footnote", "reference") else "text"


# Boilerplate whose lines in capitals are the page's banner, a cover's publisher or a running
# head, not the text's ("U.S. FORCES JAPAN"): every such line in the sets is in its gold's
# not_entities. Not a kicker or speaker's label ("SECRETARY HEGSETH:"), a byline or a dateline.
BANNER_RULES = {COVER_RULE, FOOTER_RULE, TOC_RULE}
# Boilerplate that is the page's machinery, not the document's words: its names are menus, tags,
# share buttons and other pages' headlines ("Asia Pacific" as a topic, "X" as a share button).
CHROME_RULES = {"share-prompt", "navigation", "breadcrumb", "tags", "related-articles", "advertisement",
                "cookie-banner", "paywall", "page-number", "image-id", "separator", "contact", "comment-form",
                "masthead", "running-header", "reading-time", "leave-a-comment", "list-marker", "back-to-top"}


def mention_regions(doc, seg, words: LineEndWords = LineEndWords()) -> list[tuple[Region, list]]:
    """The regions searched for mentions, each with the ranges of it not to search and the
    boilerplate rule it was set aside by (None for the segmenter's regions): the segmenter's
    regions, then each boilerplate row (region ``boilerplate``) less any part of it that repeats
    the title or a heading (a repeated title, a table-of-contents entry), and but the page's
    machinery (CHROME_RULES) and a cover, footer or contents line written in capitals (BANNER_RULES:
    a site's banner, a publisher's or committee's name on a cover: "U.S. FORCES JAPAN", "UNITED
    STATES SENATE"; the gold lists no name that occurs only in such furniture). ``words``: the
    document's, for a word hyphenated at a line's end (:meth:`View.of`)."""
    out = [(region, [], None) for region in regions(doc, seg)]
    headings = {View.of(doc.text[s["heading_start"]:s["heading_end"]], words).view.strip()
                for s in seg.sections if s.get("heading_start") is not None and s.get("heading_end")}
    headings.discard("")
    for row in seg.boilerplate:
        if row["rule"] in CHROME_RULES:
            continue
        text = doc.text[row["start"]:row["end"]]
        if row["rule"] in BANNER_RULES and written_in_capitals(text):
            continue  # a banner or running head in capitals ("U.S. FORCES JAPAN"): the page's, not the text's
        view = View.of(text, words)
        blocked = []
        for heading in headings:
            for m in re.finditer(re.escape(heading), view.view):
                blocked.append((view.to_text(m.start()), view.to_text(m.end() - 1) + 1))
        if any(a <= _first_letter(text) and b >= len(text.rstrip()) for a, b in blocked):
            continue  # all of it repeats a heading
        region = Region("boilerplate", Multi([Piece(row["start"], row["end"])]), text)
        out.append((region, blocked, row["rule"]))
    return out


def _first_letter(text: str) -> int:
    m = re.search(r"\w", text)
    return m.start() if m else 0


def extract(doc, seg, rows, ctx) -> dict:
    """actor_mentions and place_mentions rows for one document."""
    lexicon = ctx.cache.get("mentions.lexicon")
    if lexicon is None:
        lexicon = ctx.cache["mentions.lexicon"] = Lexicon.build(ctx.inputs.actors, ctx.inputs.places)
    text = doc.text
    matches: list[Match] = []
    unnamed: list = []  # (region, surface, offset): names for the entity candidates
    names_in: dict = {}  # id(region) -> registry names found there (spans), next to which a candidate may grow
    unmatched = ctx.state.setdefault("mentions.unmatched", {})
    ctx.state.setdefault("mentions.lowercase", set()).update(m.group() for m in LOWER_WORD.finditer(text))
    datelines = set()  # id() of the regions that are a wire story's dateline ("TOKYO, Sept 26 (Agency) -")
    # the document's words, which say where a word hyphenated at a line's end is one ("Brandau-⏎er")
    words = document_words(text)
    found_in = []
    for region, blocked, rule in mention_regions(doc, seg, words):
        # a wire story's dateline, not a line of dates only (the dateline rule sets both aside)
        wire = rule == DATELINE_RULE and DATELINE.match(
            doc.text[region.multi.start:region.multi.start + len(region.text) + 8]) is not None
        if wire:
            datelines.add(id(region))
        found_in.append((region, blocked, find_matches(lexicon, region, blocked, dateline=wire, words=words)))
    keep_surnames_with_evidence(found_in, lexicon.head_kin)
    acronyms = document_acronyms(found_in, lexicon)
    persons: dict = {}  # id(candidates) -> (candidates, all persons): a form's tuple is shared by its matches
    for region, blocked, found in found_in:
        person_ends = bytearray(len(region.text) + 1)  # where a person's name ends, one byte a character
        for m in found:
            if m.compound:
                continue
            m.doc_start = region.multi.to_doc(m.i)
            m.doc_end = region.multi.to_doc(m.j - 1) + 1
            matches.append(m)
            cands = m.candidates
            known = persons.get(id(cands))
            if known is None:
                known = persons[id(cands)] = (cands, bool(cands) and all(c.type == "person" for c in cands))
            if known[1]:
                person_ends[m.j] = 1
        names = names_in[id(region)] = NameSpans(((m.i, m.j) for m in found), person_ends=person_ends)
        if region.kind in ("title", "heading"):
            # headings are in title case; their names recur in the text below (a place named only
            # in the headline is still a candidate, if the gazetteer or a head noun says so)
            for surface, i, _glued in unmatched_names(region, names, blocked, words):
                unnamed.append((region, surface, i))
            continue
        if region.kind == "reference":
            # "Cha, Victor D. 1999.", "Green, M. J. (2022).": an entry's first author, inverted
            taken = bytearray(len(region.text) + 1)  # the registry names' characters, marked once
            for a, b in zip(names.starts, names.ends):
                taken[a:b] = b"\x01" * (b - a)
            authors = [a for a in INVERTED_AUTHOR.finditer(region.text) if taken.find(1, a.start(), a.end()) < 0]
            for a in authors:
                _unmatched(doc, region, a.group(), a.start(), False, unmatched, unnamed, ctx)
            blocked = list(blocked) + [(a.start(), a.end()) for a in authors]
        for surface, i, glued in unmatched_names(region, names, blocked, words):
            bare = surface[4:] if surface.startswith("the ") else surface  # "If the LDP": "the" opens the run
            cand = acronyms.get(bare)
            if cand is not None:  # "the LDP" where the document names the Liberal Democratic Party
                i += len(surface) - len(bare)
                m = Match(region, i, i + len(bare), bare, (cand,))
                m.doc_start, m.doc_end = region.multi.to_doc(m.i), region.multi.to_doc(m.j - 1) + 1
                matches.append(m)
                continue
            if TIME_ZONE_AFTER.match(region.text, i + len(surface)) and CLOCK_BEFORE.search(region.text, max(0, i - 16), i):
                continue  # "at 6 a.m. Tokyo time": a time zone, no name for the candidates either
            _unmatched(doc, region, surface, i, glued, unmatched, unnamed, ctx, id(region) in datelines)
    matches.sort(key=lambda m: m.doc_start)
    resolve_document(matches)
    resolve_generic(matches, lexicon.qualifiers, lexicon.country_of_form, lexicon.parent_generic)
    for m in matches:
        if m.city or m.foreign:
            # "met in Seoul": the city, which no registry holds: a name for the candidates (and
            # "Australia's Department of Defence": another state's body)
            _unmatched(doc, m.region, m.region.text[m.i:m.j], m.i, False, unmatched, unnamed, ctx)
    matches = [m for m in matches if m.chosen is not None or m.candidates]
    # a place read in another sense at every occurrence ("Japan" the state) is still named
    other_sense = ctx.state.setdefault("mentions.place_other_sense", {})
    for m in matches:
        if m.chosen is not None and m.chosen.kind == "actor":
            for c in m.candidates:
                if c.kind == "place" and c.id:
                    other_sense[c.id] = other_sense.get(c.id, 0) + 1

    out = {"actor_mentions": [], "place_mentions": [], "actor_mentions_by_document": []}
    unresolved = ctx.state.setdefault("mentions.unresolved", [])
    counters = {"actor": 0, "place": 0}
    region_cache: dict = {}
    # id(match) -> (kind, row id): where a nested mention points; kept for the outer names only
    outers = {id(m.outer) for m in matches if m.outer is not None}
    row_of: dict = {}
    surfaces: dict = {}  # one string for each surface of the document (a name said 10,000 times)
    row_types = {kind: schema.row_type(f"{kind}_mentions") for kind in ("actor", "place")}
    rows_of_kind = {kind: out[f"{kind}_mentions"] for kind in ("actor", "place")}
    # the regions' matches let go here, the last region's too (the loop above keeps it in ``found``:
    # a long paragraph's million matches lived on beside their rows)
    found_in = found = None
    for k, m in enumerate(matches):
        matches[k] = None  # each match is let go once its row is made (a long document has a million)
        region = m.region
        surface = region.text[m.i:m.j]
        surface = surfaces.setdefault(surface, surface)
        if m.chosen is None:
            unresolved.append({"document_id": doc.id, "surface": surface,
                               "candidates": [c.id for c in m.candidates], "start": m.doc_start})
            continue
        kind = m.chosen.kind
        counters[kind] += 1
        multi = region.multi
        pieces = multi.sub(m.i, m.j) if len(multi.pieces) > 1 else ()  # one piece: no spans
        key = id(region)
        sentences = region_cache.get(key)
        if sentences is None:
            sentences = region_cache[key] = region_sentences(region)
        sentence_id, sentence, s_start, s_end = sentence_of(m, sentences)
        doc_start, doc_end = m.doc_start, m.doc_end
        row = row_types[kind](
            id=f"{doc.id}-{kind[0]}m{counters[kind]:04d}", document_id=doc.id,
            region=region.kind, paragraph_id=region.paragraph_id,
            footnote_id=region.footnote_id, section_id=region.section_id,
            sentence_id=sentence_id, start=doc_start, end=doc_end,
            surface=surface, spans=json.dumps([[p.start, p.end] for p in pieces]) if len(pieces) > 1 else None,
            sentence=sentence, sentence_start=s_start, sentence_end=s_end, method=m.method)
        assert m.chosen.id, f"a mention without an entity id: {surface!r} at {m.doc_start}"
        if kind == "actor":  # (by attribute: a long document has a million rows)
            row.actor_id = m.chosen.id
        else:
            row.place_id = m.chosen.id
        if outers and id(m) in outers:
            row_of[id(m)] = (kind, row.id)
        if m.outer is not None and id(m.outer) in row_of:
            outer_kind, outer_id = row_of[id(m.outer)]
            row[f"nested_in_{outer_kind}_mention_id"] = outer_id
        rows_of_kind[kind].append(row)
    summarise(doc.id, out, ctx.state)
    out["entity_candidate_mentions"] = candidate_mentions(doc, unnamed, names_in, lexicon, ctx.state, seg, words)
    return out


ACRONYM = re.compile(r"[A-Z]{2,6}")
# A reference entry's first author as a reference list writes it: family name, comma, given names
# or initials ("Cha, Victor D.", "Glosserman, Brad", "Green, M. J."), before a comma, a year or
# a parenthesis.
# (the first author opens its line; a co-author follows another's initials: "Nakamura, K., & Ōno, S.")
INVERTED_AUTHOR = regex.compile(r"(?m)(?:^|(?<=\., |\., & |\. & ))"
                                r"\p{Lu}[\w'’-]+(?: \p{Lu}[\w'’-]+)?, (?:[A-Z][a-z][\w'’-]*|[A-Z]\.)"
                                r"(?: (?:[A-Z][a-z][\w'’-]*|[A-Z]\.))*(?=,|\s*\(|\s+\d{4}\b)")


def document_acronyms(found_in: list, lexicon: Lexicon) -> dict:
    """Acronyms spelled by the capitals of a registered actor's name that the document writes in
    full ("Liberal Democratic Party" -> "LDP", "Nuclear Consultative Group" -> "NCG"): acronym ->
    the actor (a Candidate with ``via = "acronym"``), when one actor of the document spells it and
    it is no registry form of its own. Never a person's initials ("PH" is no Pete Hegseth); an
    acronym of two letters only where the document introduces it in parentheses after the name
    ("the Harbor Patrol (HP)"), two capitals being too many things' abbreviation."""
    out: dict = {}
    for region, _b, found in found_in:
        for m in found:
            if len(m.candidates) != 1 or m.candidates[0].kind != "actor" or m.candidates[0].type == "person" \
                    or (" " not in m.form and "-" not in m.form):
                continue  # (a name of one word spells no acronym: the common case, read without a split)
            words = re.split(r"[\s-]+", region.text[m.i:m.j])
            if len(words) < 2:
                continue
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if not ACRONYM.fullmatch(initials) or initials in lexicon.forms:
                continue
            if len(initials) < 3 and not region.text.startswith(f" ({initials})", m.j):
                continue
            c = m.candidates[0]
            known = out.get(initials)
            if known is None:
                out[initials] = Candidate(c.kind, c.id, c.type, "acronym", c.country)
            elif known is not False and known.id != c.id:
                out[initials] = False  # two actors spell it: neither
    return {k: v for k, v in out.items() if v}


def _unmatched(doc, region, surface: str, i: int, glued: bool, unmatched: dict, unnamed: list, ctx,
               dateline: bool = False):
    """Report a name no registry entry covers (``unmatched_names``) and keep it for the entity
    candidates (outside boilerplate but for a dateline's place and agency, and unless an ignore
    rule covers it); a heading's names are candidates only."""
    if region.kind in ("title", "heading"):
        unnamed.append((region, surface, i))
        return
    entry = unmatched.setdefault(visible(surface), {"count": 0, "documents": [], "example": None, "glued": 0})
    entry["count"] += 1
    entry["glued"] += int(glued)  # a count, so that worker states add up
    if doc.id not in entry["documents"]:
        entry["documents"].append(doc.id)
    if entry["example"] is None:
        entry["example"] = " ".join(region.text[max(0, i - 60):i + len(surface) + 60].split())
    if (region.kind != "boilerplate" or dateline) and not ignore_reason(visible(surface), ctx.inputs.unmatched_ignore):
        unnamed.append((region, surface, i))


# A person's apposition after a name: ", the first U.S. president", ", a retired admiral", ", who".
PERSON_APPOSITION = re.compile(r",\s+(?:who\b|(?:the|a|an|then)\s+(?:[\w.-]+\s+){0,4}?(?:%s)\b)"
                               % "|".join(sorted(re.escape(w) for w in ROLE_HEADS | {"founder", "leader"})), re.I)


def _named_as_ship(text: str, i: int, j: int) -> bool:
    """A ship's name without its prefix names the ship only after "the" or a vessel noun ("the
    George Washington", "the carrier George Washington") and not before a person's apposition
    (", the first U.S. president"): the person it is named after is written the same. So does a
    grouping's head noun ("the Alliance": :func:`_only_head`)."""
    return (re.search(r"\b[Tt]he\s+$", text[max(0, i - 5):i]) is not None
            or VESSEL_BEFORE.search(text, max(0, i - 30), i) is not None) \
        and not PERSON_APPOSITION.match(text, j, j + 80)


def keep_surnames_with_evidence(found_in: list, head_kin: dict | None = None):
    """A family name alone (:func:`family_names`) is a mention only of a person the document
    names in full somewhere (anywhere: "Nakatani" in a headline, "Gen Nakatani" below it); it is
    left out otherwise — not reported as unresolved, and free for the unregistered names — and
    its candidates narrow to the persons named in full (two Koizumis named: rule 5 decides). A
    grouping's head noun ("the Alliance") names it only after its full name, in a document that
    names no other name with that head word (registered or not: "the Alliance for Progress",
    "the Senate Armed Services Committee") and no other grouping of that word (``head_kin``)."""
    named = {(m.candidates[0].kind, m.candidates[0].id) for _r, _b, found in found_in for m in found
             if len(m.candidates) == 1 and m.candidates[0].via not in SHORT_FORMS}
    alone: dict = {}  # (entity, head word) -> whether the document names nothing else with it

    @functools.lru_cache(maxsize=1)
    def first() -> dict:  # an entity named in full -> where first: (region number, offset); asked
        at: dict = {}     # only in a document with a grouping's head word alone
        for n, (_r, _b, found) in enumerate(found_in):
            for o in found:
                for c in o.candidates:
                    if c.via not in SHORT_FORMS:
                        at.setdefault(c.id, (n, o.i))
        return at  # (the short forms narrowed below are none of these)

    for k, (region, blocked, found) in enumerate(found_in):
        kept = []
        for m in found:
            if m.candidates and all(c.via in SHORT_FORMS for c in m.candidates):
                ship = any(c.via in ("short-name", "head") for c in m.candidates) and _named_as_ship(region.text, m.i, m.j)
                m.candidates = tuple(c for c in m.candidates if (c.kind, c.id) in named
                                     and (c.via not in ("short-name", "head") or ship)
                                     and (c.via != "head" or _only_head(c.id, region.text, m, k, found_in, first(),
                                                                        head_kin or {}, alone)))
                if not m.candidates:
                    continue
            kept.append(m)
        if len(kept) != len(found):
            found_in[k] = (region, blocked, kept)


def _only_head(entity: str, text: str, m: "Match", k: int, found_in: list, first: dict, head_kin: dict,
               alone: dict) -> bool:
    """Whether a grouping's head word alone (``m`` in region ``k``, of ``text``) names ``entity``:
    named in full before it, not going on ("the Group of Seven"), and no other name in the
    document, registered or not, has that head word (asked once a document for each entity and
    head word: ``alone``)."""
    head = text[m.i:m.j]
    if first.get(entity, (k, m.i)) >= (k, m.i) or OF_NAME_AFTER.match(text, m.j):
        return False
    if (entity, head) not in alone:
        alone[(entity, head)] = _head_alone(entity, head, found_in, head_kin)
    return alone[(entity, head)]


def _head_alone(entity: str, head: str, found_in: list, head_kin: dict) -> bool:
    """Whether the document (``found_in``) names nothing else with ``head`` as its head word: no
    other grouping of that word (``head_kin``), no other name, registered or not, ending in it."""
    kin = head_kin.get(head, frozenset()) - {entity}
    before = re.compile(rf"[A-Z][\w.'&-]*\s+{head}\b")  # "the Port Council": the word before it (linear)
    after = re.compile(rf"\b{head}\s+(?:for|on|of|in)\s+(?:the\s+)?[A-Z]")  # "the Council for Trade"
    for region, _b, found in found_in:
        if any(c.id in kin for o in found for c in o.candidates):
            return False  # NATO named: "the Alliance" is no longer the U.S.-Japan alliance alone
        own = [(o.i, o.j) for o in found if any(c.id == entity and c.via not in SHORT_FORMS for c in o.candidates)]
        for hit in [*before.finditer(region.text), *after.finditer(region.text)]:
            if re.fullmatch(rf"(?:[Tt]he|THE)\s+{head}", hit.group()):
                continue  # "The Alliance" opening a sentence
            if not any(i < hit.end() and hit.start() < j for i, j in own):
                return False
    return True


def candidate_mentions(doc, unnamed: list, names_in: dict, lexicon: Lexicon, state: dict, seg=None,
                       words: LineEndWords = LineEndWords()) -> list[dict]:
    """entity_candidate_mentions rows of one document (see extract/entities.py); each candidate's
    votes are gathered in the state for the corpus stage. ``words``: the document's, for a name
    hyphenated at a line's end (_text.soft_hyphen)."""
    lowercase = {m.group() for m in LOWER_WORD.finditer(doc.text)}
    gathered = state.setdefault("mentions.candidates", {})
    rows = []
    if seg is not None:
        seg.names = []
    found = entities.document_candidates(doc.id, unnamed, lexicon.qualifiers, lowercase,
                                         common=lambda name: title_case_words(name, lowercase), names_in=names_in,
                                         country_of_form=lexicon.country_of_form, doc_text=doc.text,
                                         line_end_words=words)
    # a state's adjective of nationality ("South Korean destroyers") names no one of its own
    found = [c for c in found if c["name"] not in lexicon.demonyms]
    # a name as the document spells it: names are read folded ("Shinjiro" of "Shinjirō", curly
    # apostrophes straight), and a candidate is named with the characters of its own mention
    spelled = {}
    for c in found:
        own = " ".join(visible(c["surface"]).split())
        if own != c["name"] and own.translate(FOLD) == c["name"]:
            spelled.setdefault(c["name"], own)
    for c in found:
        c["name"] = spelled.get(c["name"], c["name"])
    found = _speaker_labels_read(doc.text, found)
    for n, c in enumerate(found, start=1):
        region = c["region"]
        start, end = region.multi.to_doc(c["i"]), region.multi.to_doc(c["j"] - 1) + 1
        entry = gathered.setdefault(c["name"], {"mentions": 0, "documents": set()})
        entry["mentions"] += 1
        entry["documents"].add(doc.id)
        entities.merge_votes(entry, c)
        if seg is not None:
            seg.names.append({"start": start, "end": end, "name": c["name"], "type": c["type"], "region": region.kind,
                              "type_evidence": c["type_evidence"], "country": c["country"], "geonames": c["geonames"],
                              "latitude": c["latitude"], "longitude": c["longitude"]})
        rows.append({"id": f"{doc.id}-cm{n:04d}", "candidate_id": entities.slug(c["name"]), "document_id": doc.id,
                     "region": region.kind, "paragraph_id": region.paragraph_id, "footnote_id": region.footnote_id,
                     "section_id": region.section_id, "start": start, "end": end, "surface": doc.text[start:end]})
    return rows


def _speaker_labels_read(text: str, found: list[dict]) -> list[dict]:
    """A transcript's speaker labels (:func:`.quotations.speaker_labels`) name no one but by the
    name in them: a candidate among a label's other words ("MODERATOR", "Q", "MR.") is left out,
    and the name of a label with an honorific or a title ("HAYASHI" of "MR. HAYASHI:") is a
    person's; a body's name in brackets after the speaker's (a party: "OKADA Katsuya (Constitutional
    Democratic Party of Japan):") is kept as it is."""
    from .quotations import speaker_labels, transcript

    if not found:
        return found
    labels = speaker_labels(text)
    if not transcript(labels):
        return found
    starts = [lab.start for lab in labels]
    kept, renamed = [], {}
    for c in found:
        s = c["region"].multi.to_doc(c["i"])
        k = bisect.bisect_right(starts, s) - 1
        lab = labels[k] if k >= 0 and s < labels[k].end else None
        if lab is not None:
            aside = lab.label.find("(")
            if lab.kind == "ask" and aside >= 0 and s > lab.start + aside:
                # "Q (Ryukyu Shimpo):": the reporter's outlet
                c["type"], c["type_evidence"] = "media", f"role: a reporter's outlet in a transcript ({lab.label})"
            elif aside >= 0 and s > lab.start + aside and (lab.name_start is None or s >= lab.name_end) \
                    and any(head_word(w) for w in c["name"].split()):
                # "OKADA Katsuya (Constitutional Democratic Party of Japan):": the speaker's party, a name of its own
                pass
            elif lab.name_start is None or s + c["j"] - c["i"] <= lab.name_start or s >= lab.name_end:
                continue  # a label's other words: "MODERATOR", "Q", "MR.", "(THROUGH TRANSLATOR)"
            else:
                if s < lab.name_start:  # "SECRETARY OF DEFENSE CHUCK HAGEL": the name is "CHUCK HAGEL"
                    c["i"] += lab.name_start - s
                    renamed[c["name"]] = c["name"] = " ".join(text[lab.name_start:lab.name_end].split())
                c["type"], c["type_evidence"] = "person", f"role: a transcript's speaker label ({lab.label})"
        kept.append(c)
    for c in kept:  # its short forms ("HAGEL" of "SEC. HAGEL:") named after the name as trimmed
        c["name"] = renamed.get(c["name"], c["name"])
    return kept


def summarise(doc_id: str, out: dict, state: dict):
    """Per-document summaries (mentions per actor, actors sharing a sentence) and corpus tallies."""
    per_actor: dict = {}
    by_sentence: dict = {}  # sentence start -> its actors, a tuple (a set each is 4 times the size)
    for row in out["actor_mentions"]:
        actor_id, start, sentence_start = row.actor_id, row.start, row.sentence_start  # (Rows)
        entry = per_actor.get(actor_id)
        if entry is None:
            entry = per_actor[actor_id] = {"mentions": 0, "first_start": start}
        entry["mentions"] += 1
        actors = by_sentence.get(sentence_start, ())
        if actor_id not in actors:
            by_sentence[sentence_start] = actors + (actor_id,)
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
        counts: dict = {}  # entity id -> this document's mentions, added to the tally once
        for entity_id in map(operator.attrgetter(f"{kind}_id"), out[f"{kind}_mentions"]):
            counts[entity_id] = counts.get(entity_id, 0) + 1
        for entity_id, n in counts.items():
            t = tally.setdefault(entity_id, {"mentions": 0, "documents": set()})
            t["mentions"] += n
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
        if not reason and title_case_words(surface, lowercase) and not entry.get("glued"):
            status, reason = "common-words", ("every word also occurs in lower case in the corpus and none "
                                              "ends a proper name: title-case words, not a name")
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
    return {"unmatched_names": rows, "actor_co_mentions": co_mentions,
            "entity_candidates": candidate_rows(ctx.state.pop("mentions.candidates", {}), lowercase,
                                                registered_family_names(ctx.cache.get("mentions.lexicon")))}


def registered_family_names(lexicon) -> dict:
    """Folded family name -> the registered person's id, for the names no other form shares
    ("nakatani" of "Gen Nakatani" -> gen-nakatani; not "koizumi", two persons')."""
    if lexicon is None:
        return {}
    return {key: cands[0].id for key, cands in lexicon.forms.items()
            if len(cands) == 1 and cands[0].via == "surname" and cands[0].type == "person"}


def person_words(rows: list[dict], registered: dict, documents: dict) -> dict:
    """A word -> [(the person's name it is a word of, the documents that name the person)]: the last
    word of a candidate person's name of two words or more, the first word too where a role said
    who it is ("Consul General Xue Jian": "Xue", the family name first); and a registered person's
    family name (documents None: anywhere)."""
    out = {word: [(name, None)] for word, name in registered.items()}
    for row in rows:
        words = row["name"].split()
        if row["type"] != "person" or len(words) < 2 or not words[-1][:1].isupper():
            continue
        named = (row["name"], documents[row["id"]])
        out.setdefault(words[-1].rstrip(".,"), []).append(named)
        if row["type_evidence"].startswith("role"):
            out.setdefault(words[0], []).append(named)
    return out


def candidate_rows(gathered: dict, lowercase: set = frozenset(), registered: dict | None = None) -> list[dict]:
    """One entity_candidates row per id: names that slug alike are one candidate, named by its
    most frequent spelling. A single word the corpus also writes in lower case ("Development")
    is kept with ``status = 'common-word'``: probably no name, shown apart from the candidates."""
    by_id: dict = {}
    documents: dict = {}  # candidate id -> the documents that name it
    for name, entry in sorted(gathered.items()):
        by_id.setdefault(entities.slug(name), []).append((name, entry))
    rows = []
    for cid, named in sorted(by_id.items()):
        name, entry = max(named, key=lambda ne: (ne[1]["mentions"], ne[0]))
        merged = {"mentions": 0, "documents": set(), "types": {}, "countries": {}}
        for _, e in named:
            merged["mentions"] += e["mentions"]
            merged["documents"] |= set(e["documents"])
            for k in ("types", "countries"):
                for key, v in (e.get(k) or {}).items():
                    merged[k][key] = merged[k].get(key, 0) + v
            for k in ("geonames", "latitude", "longitude"):
                if e.get(k) is not None and merged.get(k) is None:
                    merged[k] = e[k]
        row = entities.candidate_row(name, merged)
        documents[row["id"]] = merged["documents"]
        if " " not in name and name.lower() in lowercase and not name.isupper() and row["type"] != "person":
            row["status"] = "common-word"
        rows.append(row)
    # one word typed by default that is a word of a person's name in a document that names it too,
    # or a registered person's family name ("Tamaki" of "Denny Tamaki", "Xue" of "Xue Jian",
    # "Nakatani" of "Gen Nakatani"): a person. A person named elsewhere in the corpus says nothing
    # ("Ford" of "Gerald Ford" in a document about the carmaker).
    words = person_words(rows, registered or {}, documents)
    for row in rows:
        if row["type_evidence"] != "default" or " " in row["name"]:
            continue
        own = documents[row["id"]]
        person = next((name for name, docs in words.get(row["name"], ()) if docs is None or docs & own), None)
        if person:
            row["type"], row["type_evidence"] = "person", f"a word of a person's name: {person}"
    return rows


# Words that end the proper name of an organisation, a programme, an event, an office or a work
# ("Joint Force Headquarters", "Pacific Partnership", "Pacific War", "Global Conflict Tracker"):
# a title-case phrase with one of them may be a name, and is left for a curator.
NAME_HEADS = ORG_HEADS | {
    "headquarters", "force", "forces", "command", "commands", "army", "navy", "guard", "corps", "agency",
    "ministry", "department", "office", "bureau", "service", "staff", "group", "alliance", "union",
    "organization", "organisation", "committee", "commission", "party", "administration",
    "government", "academy", "association", "league", "coalition", "operation", "exercise",
    "mission", "act", "law", "plan", "island", "islands", "sea", "strait", "ocean", "bay", "gulf",
    "river", "province", "prefecture", "city", "zone", "shoal", "reef", "base", "station", "nexus",
    "minister", "secretary", "president", "adviser", "advisor", "director", "order", "charter",
    "vision", "concept", "principle", "principles", "initiative",
}


def title_case_words(surface: str, lowercase: set) -> bool:
    """A title-case phrase of common words, not a name: not in capitals, every word also written
    in lower case somewhere in the corpus, and no word that ends a proper name (NAME_HEADS)."""
    words = [w.strip(".,'’").lower() for w in re.split(r"[\s-]+", surface) if w.strip(".,'’")]
    return bool(words) and not surface.isupper() and all(
        (w in lowercase or w in CONNECTORS) and w not in NAME_HEADS for w in words)


# How long a curator's pattern may take to match one name (a sane one takes microseconds).
PATTERN_SECONDS = 0.25


def ignore_reason(surface: str, rules: list) -> str | None:
    """The reason of the first rule of unmatched_ignore.yml that covers ``surface``; None if none.
    A pattern runs with a time limit (:data:`PATTERN_SECONDS`): one that backtracks without end
    is an error at its line, not a build that hangs."""
    for rule in rules:
        if rule.get("surface") == surface or surface in (rule.get("surfaces") or ()):
            return rule["reason"]
        if rule.get("pattern"):
            try:
                if regex.fullmatch(rule["pattern"], surface, timeout=PATTERN_SECONDS):
                    return rule["reason"]
            except TimeoutError:
                raise InputError(rule.path, f"ignore rule: pattern {rule['pattern']!r} takes more than "
                                 f"{PATTERN_SECONDS} s on {surface[:60]!r}", line=rule.line_of("pattern"),
                                 hint="a repetition inside a repetition, such as ([A-Za-z ]+)+, backtracks "
                                 "without end: write it without the nesting") from None
    return None


def region_sentences(region: Region) -> "Sentences":
    """The sentences of a region as ``(doc_start, doc_end, sentence_id, text)``: the sentence rows
    of a paragraph, as segmentation made them; for footnotes, captions and references the region
    split (and a heading, byline or affiliation is one sentence)."""
    if region.sentences:
        return Sentences(region.sentences)
    # footnotes and captions are citations and labels: a quick splitter is enough (syntok is the
    # build's most expensive step per character, kept for the body text's sentence rows)
    bounds = simple_sentence_bounds(region.text) if region.kind in ("footnote", "caption", "reference") \
        else [(0, len(region.text))]
    return Sentences([(region.multi.to_doc(i), region.multi.to_doc(j - 1) + 1, None, region.text[i:j])
                      for i, j in bounds if j > i])


class Sentences:
    """A region's sentences in order, with their starts to bisect (made once a region)."""

    __slots__ = ("rows", "starts")

    def __init__(self, rows):
        self.rows = rows
        self.starts = [row[0] for row in rows]


def sentence_of(m: Match, sentences: Sentences):
    """The sentence around a match, found by bisection among its region's sentences:
    ``(sentence_id, text, doc_start, doc_end)``, the region itself where none holds it."""
    k = bisect.bisect_right(sentences.starts, m.doc_start) - 1
    if k >= 0:
        start, end, sid, text = sentences.rows[k]
        if start <= m.doc_start < end:
            return sid, text, start, end
    region = m.region
    return None, region.text, region.multi.start, region.multi.end


# --- what the registries miss ---------------------------------------------------------------------

LOWER_WORD = re.compile(r"\b[a-z][a-z'’]+\b")
ABBREVIATION = re.compile(r"^(?:[A-Z]\.)+$")
POSSESSIVE_END = re.compile(r"(?:'s|’s|')$")  # a name's "'s", cut off
INITIAL_END = re.compile(r"\b[A-Z]\.$")  # ... but not the period of an initial ("Michael J.")
# (an invisible character inside a word is part of it: "Koi\u00adzumi" is one token)
INTERESTING_TOKEN = re.compile(rf"(?<![\w'’.&{INVISIBLE}-])(?:[A-Z][\w'’.&{INVISIBLE}-]*|"
                               rf"(?:of|the|and|for|de|du|von|van|al|on|in|&)(?![\w'’.&{INVISIBLE}-])|"
                               rf"\d{{1,3}}(?:st|nd|rd|th)?(?![\w'’&{INVISIBLE}-]|[.,]\d))")
# the letters of a token before its last character, a hyphen at a line's end ("Brandau-")
HYPHENATED_WORD = re.compile(r"[^\W\d_]+(?=-$)")
TOKEN_REST = re.compile(rf"[\w'’.&{INVISIBLE}-]*")  # the rest of an INTERESTING_TOKEN's capitalised word
# "7th Fleet", "Carrier Air Wing 5": an ordinal before a name's word, a number after its head noun
ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
NUMBER = re.compile(r"\d{1,3}")
# (a plural possessive ends a word of a name: "Joint Leaders' Statement")
NAME_TOKEN = re.compile(rf"[A-Z][\w'’.&{INVISIBLE}-]*[\w.]|[A-Z][\w'’.&{INVISIBLE}-]*s['’]|[A-Z]")
CONNECTORS = {"of", "the", "and", "for", "de", "du", "von", "van", "al", "on", "in", "&"}
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
# Words that open a sentence before a name without being part of it ("Meanwhile Austin said");
# FUNCTION_WORDS and adverbs in -ly are the others (see family_name_in_other_name).
OPENING_ADVERBS = {"meanwhile", "today", "yesterday", "tomorrow", "tonight", "earlier", "later", "now", "here",
                   "afterwards", "afterward", "next", "last", "soon", "once", "again", "otherwise", "indeed",
                   "nevertheless", "nonetheless", "therefore", "hence", "separately", "elsewhere", "overall",
                   "ultimately", "eventually", "recently", "previously", "initially", "similarly", "notably"}
# Words that are no family name to find alone (see family_names): "May" is a month first.
FUNCTION_WORDS = NOT_A_NOUN | SENTENCE_WORDS | MONTHS_DAYS


OF_THE = ("of", "for", "on")


def _word_gap(text: str, gap: str, at: int, wraps: bool) -> bool:
    """A gap between two words of one name: a space, or (``wraps``: a paragraph's text) a
    hard-wrapped line's break at ``at``."""
    return gap == " " or (wraps and gap == "\n" and wrapped_break(text, at))


COORDINATION_WORDS = 3  # the most words of one member of a coordination inside a name
COORDINATION_MEMBERS = 6  # the most members read (a long list of names is read in linear time)


def _institution_head(word: str) -> bool:
    return HEAD_TYPE.get(word.lower()) in entities.INSTITUTION


# the heads of public bodies whose names hold a coordination of their fields ("Ministry of
# Health, Labour and Welfare", "Research, Development and Innovation Bureau"); a company's or a
# foundation's head after a list is the last member's alone ("Boeing, Northrop and Leidos Systems",
# "Tanaka, Suzuki and Watanabe Foundation")
PUBLIC_HEADS = frozenset("forum committee council commission command board directorate panel secretariat".split())


def _public_head(word: str) -> bool:
    return HEAD_TYPE.get(word.lower()) == "government-body" or word.lower() in PUBLIC_HEADS


def _plain_member(run: list) -> bool:
    """A member of a coordination inside a name: a few capitalised words, no head noun, no title,
    no place the gazetteer knows ("Technology", "Logistics"; not "Australia", "Senator Lee")."""
    words = [t[2] for t in run if t[2] not in CONNECTORS]
    return 0 < len(words) <= COORDINATION_WORDS and not any(
        _institution_head(w) or w.lower() in TITLE_WORDS or gazetteer.lookup(w) is not None for w in words)


def coordinated_names(runs: list, text: str) -> list:
    """Runs of capitalised words cut at commas that are one name: a capitalised coordination
    ("A, B and C") that ends in a public body's head noun (:data:`PUBLIC_HEADS`: "Research,
    Development and Innovation Bureau") or is the complement of one ("Office of Science, Technology
    and Innovation", "Ministry of Health, Labour and Welfare"). A list of separate names ("Japan,
    Australia and India", "the Navy, the Army and the Air Force", "Boeing, Northrop and Leidos
    Systems") stays cut: its members are places, or names with heads of their own, or not joined by
    commas alone, or its head is a company's or a foundation's."""
    out, k = [], 0
    while k < len(runs):
        m = k
        # the runs after k joined to it by ", " until one holding "and" / "&" closes the coordination
        while m + 1 < len(runs) and m - k < COORDINATION_MEMBERS \
                and text[runs[m][-1][1]:runs[m + 1][0][0]] in (", ", ",\n") \
                and not any(t[2] in ("and", "&") for t in runs[m]):
            m += 1
        last = runs[m]
        closes = m > k and any(t[2] in ("and", "&") for t in last[1:-1])
        if closes:
            words = [t[2] for t in last]
            cut = next(i for i, w in enumerate(words) if w in ("and", "&"))
            members = runs[k + 1:m] + [last[:cut]]
            first = [t[2] for t in runs[k]]
            if first[0].lower() == "the":
                first = first[1:]
            head = next((i for i in range(cut + 2, len(words)) if _public_head(words[i])), None)
            headed_tail = head is not None and _plain_member(runs[k]) and \
                all(_plain_member(r) for r in members) and _plain_member(last[cut + 1:head])
            complement = len(first) >= 3 and _public_head(first[0]) and first[1] in OF_THE and \
                all(_plain_member(r) for r in members) and _plain_member(last[cut + 1:])
            if headed_tail or complement:
                out.append([t for r in runs[k:m + 1] for t in r])
                k = m + 1
                continue
        out.append(runs[k])
        k += 1
    return out


def _name_tokens(text: str, words):
    """The tokens a name can be made of (INTERESTING_TOKEN), in order; a capitalised word
    hyphenated at a line's end runs on into the line below when it is one word (_text.soft_hyphen:
    "Brandau-⏎er" is the token "Brandauer" over those characters; "Yokosuka-⏎based" is no token)."""
    end = 0
    for m in INTERESTING_TOKEN.finditer(text):
        s, e, w = m.start(), m.end(), m.group()
        if s < end:
            continue  # (a second half already read into the token before)
        first = w.endswith("-") and HYPHENATED_WORD.search(w)  # (a token holds no line break)
        b = first and LINE_END_BREAK.match(text, s + first.start())
        if b and b.end(1) == e - 1 and soft_hyphen(b.group(1), b.group(2), words):
            end = TOKEN_REST.match(text, b.end()).end()  # the token runs on to its own end ("Peo-⏎ple's")
            yield s, end, w[:-1] + text[b.start(2):end]
            continue
        yield s, e, w


def unmatched_names(region: Region, names: NameSpans,
                    skipped: list[tuple[int, int]] = (),
                    words: LineEndWords = LineEndWords()) -> list[tuple[str, int, bool]]:
    """Capitalised names and acronyms in a region that no mention (``names``) covers and that are
    not in ``skipped``: (surface, offset, glued), ``glued`` when the name runs on into a
    registered name or continues one ("Free and Open" before "Indo-Pacific", "Bases" after
    "U.S. Military") — part of a longer proper name, never merely title-case words."""
    text = region.text.translate(FOLD)
    size = len(text)
    wraps = region.kind in WRAPPING_REGIONS
    # mask[i]: character i is blocked (a token [s, e) is free when none of its characters is);
    # name_starts/name_ends[i]: a registry name starts/ends at i (marks, not sets: a paragraph may
    # name a million)
    mask = bytearray(size + 1)
    name_starts, name_ends = bytearray(size + 2), bytearray(size + 2)
    url_spans = ((m.start(), m.end()) for m in URL_SPAN.finditer(text))
    for a, b in itertools.chain(url_spans, zip(names.starts, names.ends), skipped):
        a, b = max(0, a), min(b, size)
        if b > a:
            mask[a:b] = b"\x01" * (b - a)
    for a, b in zip(names.starts, names.ends):
        if 0 <= a <= size + 1:
            name_starts[a] = 1
        if 0 <= b <= size + 1:
            name_ends[b] = 1
    # Only capitalised tokens and connectors can be part of a name; any other token between two
    # of them shows in the gap, which then is not a single space (or a single line break: a
    # hard-wrapped paragraph breaks a name as it breaks any line, "Democratic⏎Party").
    # read one token ahead, not into a list (a long paragraph has millions)
    tokens = _name_tokens(text, words)
    runs, run = [], []
    prev, token = None, next(tokens, None)
    while token is not None:
        following = next(tokens, None)
        s, e, w = token
        gap = text[prev[1]:s] if prev else ""
        starts_name = w[0].isupper() and bool(NAME_TOKEN.fullmatch(w)) and mask.find(1, s, e) < 0
        prev_word = prev[2] if prev else ""
        ends_sentence = prev_word.endswith(".") and not ABBREVIATION.match(prev_word)
        joinable = run and _word_gap(text, gap, s - 1, wraps) and not ends_sentence
        if w[0].isdigit():
            # an ordinal that opens a name ("7th Fleet"), a number that ends one after its head
            # noun ("Carrier Air Wing 5"); any other number ends a run
            starts_name = mask.find(1, s, e) < 0 and (
                (ORDINAL.fullmatch(w) and following is not None and _word_gap(text, text[e:following[0]], e, wraps)
                 and bool(NAME_TOKEN.fullmatch(following[2])) and following[2][0].isupper())
                or (NUMBER.fullmatch(w) and joinable and head_word(run[-1][2]) is not None))
        if starts_name and (joinable or not run):
            run.append((s, e, w))
        elif starts_name:
            runs.append(run)
            run = [(s, e, w)]
        elif (joinable and w in CONNECTORS and following is not None and _word_gap(text, text[e:following[0]], e, wraps)
              and (NAME_TOKEN.fullmatch(following[2])
                   or (w in OF_THE and following[2] == "the" and _institution_head(run[-1][2])))):
            # (a head noun's complement with "the": "Democratic Party for the People", "Ministry of
            # the Interior"; not "Leaders of the ...")
            run.append((s, e, w))
        else:
            if run:
                runs.append(run)
            run = []
        prev, token = token, following
    if run:
        runs.append(run)
    runs = coordinated_names(runs, text)
    out = []
    for run in runs:
        while run and run[-1][2] in CONNECTORS:
            run.pop()
        # a sentence-initial common word is not part of a name
        if run:
            s0 = run[0][0]
            window = text[max(0, s0 - 80):s0]
            before = window.rstrip()
            # (a line break after a word or a comma is a hard-wrapped line's, inside a sentence)
            at_sentence_start = (not before and s0 < 80) or (
                "\n" in window[len(before):] and not (wraps and wrapped_break(text, text.rfind("\n", 0, s0)))) or (
                before and before[-1] in ".!?:”\"“" and not ABBREVIATION.match(before.split()[-1].split("-")[-1]))
            if at_sentence_start and run[0][2].lower().strip(".") in SENTENCE_WORDS:
                run = run[1:]
        if not run:
            continue
        surface = text[run[0][0]:run[-1][1]]
        surface = POSSESSIVE_END.sub("", surface).rstrip(".") if not INITIAL_END.search(surface) else surface
        lowered = rejoined(surface, words).lower().split()  # (a broken month read whole: "Novem-⏎ber")
        if not surface or all(w.strip(".") in MONTHS_DAYS or w in SENTENCE_WORDS for w in lowered):
            continue
        if len(surface) < 2 or surface.isdigit():
            continue
        s0, s1 = run[0][0], run[0][0] + len(surface)
        glued = bool(name_starts[s1] or (text[s1:s1 + 1] in (" ", "-") and name_starts[s1 + 1])
                     or name_ends[s0] or (text[s0 - 1:s0] in (" ", "-") and s0 >= 1 and name_ends[s0 - 1]))
        out.append((surface, s0, glued))
    return out
