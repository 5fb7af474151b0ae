"""Entity candidates: names no registry holds, made into data a curator can review.

The mention finder reports the capitalised names it could not match (``unmatched_names``). Here
each such name in the text — not in page machinery, headings or boilerplate — becomes a mention of
an *entity candidate*, cut to the name itself:

* a role before a person's name is not part of it, but is evidence that it is a person ("Defense
  Minister Gen Nakatani", "Philippine Defense Secretary Gilberto Teodoro", "Gov. Denny Tamaki");
  a nationality before it is evidence of the country ("Philippine" -> PH); a generational suffix
  after the name stays with it and is no word of it ("Under Secretary of State Marcus T. Whitfield
  III" is the person "Marcus T. Whitfield III");
* two names joined by "and" are two ("Theresa P. Lazaro and Japanese Ambassador ENDO Kazuya"),
  unless the second part is no name of its own ("Ministry of Land, Infrastructure, Transport and
  Tourism");
* a date after a name is not part of it ("Katsuya Okada on Friday"; a short month only after a
  preposition or with its period: "Dong Jun" is a name), nor a place after a name that ends in its
  head noun ("Danjo Islands in Nagasaki Prefecture" is two);
* two names with one head noun are two ("Toyota Motor and Honda Motor"), and so are two names
  before a plural head written after them ("Yonaguni and Iriomote islands": two places), but
  "between" before a run is no reason to cut it at its "and" ("between Trinidad and Tobago and
  Jamaica", "between the Acquisition, Technology and Logistics Agency and ...");
* a short form is the full name said before (or after) in the same document ("Teodoro" after
  "Gilberto Teodoro", "Futenma" after "Marine Corps Air Station Futenma", "Rebun" of "Rebun
  Island" when the gazetteer knows no place "Rebun"; a word in capitals is the first word only of
  a person's name written family name first, "ENDO" of "ENDO Kazuya", not "MWR" of "the MWR Trust
  Principles"); an acronym spelled by the capitals of a longer name there is typed as that name
  ("OCEAN", "One Cooperative Effort Among Nations").

* a determiner before a name is no part of it ("the Next Special Measures Agreement"), nor an
  honorific ("the Honorable Anthony Albanese"); a possessive inside a run ends the owner's name
  ("Steel's Mon Valley Works"); an ordinal opens a unit's name and a number ends one after its
  head noun ("U.S. 7th Fleet", "Carrier Air Wing 5"), "&" joins one ("Simon & Schuster");
* one or two headless words glued to a registered name that is no person's continue it into a
  name of their own ("U.S. Steel", "Quad Cancer Moonshot"), and a hyphenated compound with small
  words opens one ("Quad-at-Sea Ship Observer Mission");
* a person named by the first word of the full name said in the document ("Kim" of "Kim Jong
  Un", family name first) is that name, when no full name ends with the word.

The type is guessed from that evidence, in order: a role before the name, or the name as a reference
entry's first author (a person); a body the world knows by that name (``known_bodies``: "Xinhua",
"G7"); the agency of a wire story's dateline, after a place the gazetteer knows ("TOKYO, May 4
(KWN) -": media); a vessel's class before it ("the destroyer Sazanami": military); the name's head
noun, also in the plural ("Agreements"), alone ("the Diet") or before "of", "on", "for" ("House of
Councillors", "Ministry of National Defense", "Committee on ...") (Ministry, Service, Committee:
government-body; Command, Forces, Air Station: military, but a border or police Force:
government-body; Party: political-party; News Agency, Times: media; Treaty, Agreement, Strategy:
document; Islands, Bay, Prefecture: place; University, Institute, Corporation, Mission:
organization; Works, Shipyard: place; a ship's prefix, "USS", "JS": military); the GeoNames
gazetteer (a country: state; a city, a U.S. state or a continent: place, with its GeoNames id;
another country's state, province or prefecture: place, with its ISO 3166-2 code); the words around
it (an apposition: "Rebun, a fishing town", "X, a loose framework"; "in Naha", "the coast of
Hokkaido", "the state of Delaware": a place; "his Truth Social platform": media; "Nippon Steel vice
chairman ...", "Nippon Steel completed its ...": an organization; "X said": a person); the name's
shape (two or three capitalised words: a person) — never after "the" or "of" ("president of the
United Steelworkers, said" is no person's name). ``type_evidence`` says which. Every candidate is
marked ``status = 'unreviewed'``: it is a draft for the registries (``alliance-record suggest``
writes them in actors.yml/places.yml form), never mixed into them.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections import Counter

import regex

from .. import gazetteer
from ._text import LineEndWords, document_words, rejoined
from .known_bodies import known_type
from ..letters import without_marks
from ..heads import HEAD_TYPE, HEADS, ROLE_HEADS  # noqa: F401 (read here by the name finders)
from ..segment import WRAPPING_REGIONS, word_fits_before, wrapped_break

TITLE_WORDS = frozenset("""
president prime minister ministers secretary secretaries ambassador ambassadors governor gov gov.
general gen gen. admiral adm adm. senator sen sen. representative rep rep. dr dr. prof prof.
professor mr mr. ms ms. mrs mrs. lt lt. col col. colonel maj maj. major capt capt. captain sgt sgt.
commander cmdr cmdr. spokesman spokeswoman spokesperson deputy vice chief senior chair chairman
chairwoman director envoy consul emperor king queen premier chancellor lawmaker mayor
honorable honourable hon hon. excellency
brigadier commodore marshal lieutenant sergeant corporal officer researcher analyst scholar
""".split())
# Heads that name a body only before "of": "House of Councillors", "Chamber of Commerce" (but
# "Freedom House" is no legislature).
OF_HEADS = {"house": "government-body", "chamber": "government-body"}
# An apposition that says what a name is: "Rebun, a fishing town", "X, a loose framework".
APPOSITION_TYPE = {**{w: "grouping" for w in "framework grouping partnership alliance coalition bloc forum".split()},
                   **{w: "place" for w in "town city village island port".split()},
                   "party": "political-party", "newspaper": "media", "broadcaster": "media",
                   **{w: "organization" for w in "company firm carmaker automaker manufacturer".split()}}
# ... and a role in apposition says a person: "Kihara, the chief cabinet secretary, said" (the role
# nouns of ROLE_HEADS, not their abbreviations nor the adjectives "general" and "major")
APPOSITION_TYPE.update({w: "person" for w in ROLE_HEADS if len(w) >= 5 and "." not in w})
for _adjective in ("general", "major"):
    APPOSITION_TYPE.pop(_adjective, None)
# A role counts only where it ends the appositive ("Kihara, the chief cabinet secretary, said",
# "X, the representative of Taiwan"), not inside a possessive or a compound: "the Kantei, the
# prime minister's office", "TECRO, the representative office of Taiwan" are no persons.
APPOSITION_KIND = re.compile(r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:(%s)\b|(%s)(?=\s*[,;.)]|\s+(?:of|at|for|to|in)\b))"
                             % ("|".join(w for w, t in APPOSITION_TYPE.items() if t != "person"),
                                "|".join(w for w, t in APPOSITION_TYPE.items() if t == "person")), re.I)
# A noun right after a name that says what it is: "his Truth Social platform".
NOUN_AFTER = re.compile(r"^\s+(?:platform|newspaper|broadcaster|channel|website|app|tabloid)\b")


@functools.lru_cache(maxsize=1 << 16)
def head_word(word: str) -> str | None:
    """The head noun a word of a name is, in the singular ("Agreements": "agreement"), or None.
    Kept for the last 65,536 words asked (a pure function of the word over the fixed
    :data:`HEAD_TYPE`): each candidate name's words are asked for their head several times (the
    name cut, its type, its country, its short forms), and a document repeats its words."""
    w = word.lower().strip(".,")
    if w in HEAD_TYPE:
        return w
    if "-" in w and word.split("-", 1)[1][:1].isupper() and head_word(word.split("-", 1)[1]) is None:
        # a head hyphenated with the unit's place or letter: "Force-Darwin", "Task Force-Bravo"
        # (not with another head: "the Army-Navy game" names two services, no unit)
        return head_word(word.split("-", 1)[0])
    return w[:-1] if w.endswith("s") and w[:-1] in HEAD_TYPE else None
# Ship prefixes are national: the prefix says whose navy the ship is (USS: United States Ship).
SHIP_COUNTRY = {"USS": "US", "USNS": "US", "JS": "JP", "HMS": "GB", "HMAS": "AU", "HMCS": "CA", "ROKS": "KR",
                "INS": "IN", "BRP": "PH", "CNS": "CN", "HMNZS": "NZ"}
SHIP_PREFIX = re.compile(r"^(?:%s)\s" % "|".join(SHIP_COUNTRY))
CAMP = re.compile(r"^(?:Camp|Fort|Mount|Mt\.|Lake|Cape)\s")
LOCATIVE = re.compile(r"(?:\b(?:in|at|near|into|from|to|off|across|around|outside|inside|toward|towards)\s+(?:the\s+)?"
                      r"(?:[A-Za-z]+-[a-z]+\s+)?|\b(?:district|city|town|village|prefecture|province|region|island|port|"
                      r"capital|suburbs?|outskirts|coasts?|shores?|waters|tip|state|(?:north|south)(?:east|west)?(?:ern)?|"
                      r"east(?:ern)?|west(?:ern)?) of\s+)$")
SPEECH_AFTER = re.compile(r"^(?:,\s*)?\s+(?:said|says|told|added|noted|stated|wrote|warned|stressed|argued|called|"
                          r"praised|urged|announced|insisted|explained|replied|asked)\b")
MONTHS_DAYS = frozenset("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday""".split())
# Words that open a sentence or a clause but name nothing ("Should", "Yet"): never a candidate alone.
NOT_NAMES = frozenset("""
i we you he she they it this that these those there here should would could might must will shall may
can yet but and or so if when while although though however also meanwhile moreover still then now
today tomorrow yesterday first second third finally last next new old our their his her its my your
why how what where who which whose whatever nor not no some many most more each every all both either
neither such other another one two three four five six seven eight nine ten ibid id op cit
""".split())
DATE_PREPOSITIONS = frozenset("on in since by until from before after".split())
# "Yonaguni and Iriomote islands": two places that share a head noun written after them
SHARED_HEAD = re.compile(r"\s+(islands|islets|prefectures|provinces|peninsulas|rivers|straits)\b")
OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;\n\"“‘(]\s*)$")
INVERTED_NAME = regex.compile(r"\p{Lu}[\w'’-]+(?: \p{Lu}[\w'’-]+)?, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*")
JR = re.compile(r"^,?\s+(?:Jr|Sr|II|III)\.?")
GENERATIONAL = re.compile(r"(?:Jr|Sr)\.?|II|III|IV")


def _fold(text: str) -> str:
    return without_marks(text)


SLUG_GAP = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """A name as an id ("Japan Coast Guard" -> "japan-coast-guard")."""
    return SLUG_GAP.sub("-", _fold(name).lower()).strip("-") or "name"


def person_shaped(words: list[str]) -> bool:
    """Two to four capitalised words or initials, none a head noun: "Gilberto Teodoro", "S.
    Jaishankar", "ENDO Kazuya", "Theresa P. Lazaro"."""
    if not 2 <= len(words) <= 4:
        return False
    return all(CAPITALISED.fullmatch(w) for w in words) and \
        not any(head_word(w) or w.lower() in NOT_NAMES or ABBREVIATED.fullmatch(w) for w in words)


CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")  # fullmatch: a capitalised word or an initial
NON_SPACE = re.compile(r"\S+")
# "U.S.", "U.K.": a country's abbreviation is no word of a person's name ("U.S. Steel")
ABBREVIATED = re.compile(r"(?:[A-Z]\.){2,}")


def split_name(surface: str, qualifiers: dict) -> list[tuple[int, int, dict]]:
    """Cut a run of capitalised words into names: ``(start, end, evidence)`` offsets into
    ``surface``; evidence may hold ``role`` (the role before a person) and ``country``."""
    tokens = [(m.start(), m.end(), m.group()) for m in NON_SPACE.finditer(surface)]
    out = []
    n = len(tokens)
    # a head noun among the run's words from k on, read once (the "and" rule asks of the rest of
    # the run at every "and"); the words of the name so far are read as they are appended
    # (whether one is a role, a head noun after its first, all capitalised), so that a long run
    # is read in time proportional to its length
    head_from = [False] * (n + 1)
    for k in range(n - 1, -1, -1):
        head_from[k] = head_from[k + 1] or bool(head_word(tokens[k][2]))
    # two names joined by "and" (the second opening with a role, a nationality or a full name)
    parts, cur = [], []
    has_role = head_inside = False
    all_upper = True
    for k, tok in enumerate(tokens):
        if tok[2] in ("in", "at", "on") and cur and k + 1 < n and (
                person_shaped([t[2] for t in cur[-3:]]) or has_role or (len(cur) > 1 and head_inside)
                or (all_upper and n - k - 1 <= PLACE_WORDS and _place_after(tokens[k + 1:]))):
            # "Gilberto Teodoro in Manila": a person, then a place; "Danjo Islands in Nagasaki
            # Prefecture", "Marine Corps Air Station Iwakuni in Yamaguchi Prefecture": a name with
            # its head noun, then a place; "Perth in Western Australia": a name (no "of", "for"
            # inside) and then a place the gazetteer knows
            parts.append(cur)
            cur, has_role, head_inside, all_upper = [], False, False, True
            continue
        if tok[2] == "of" and has_role and k + 1 < n and n - k - 1 <= PLACE_WORDS \
                and cur[-1][2].lower() not in ROLE_HEADS and person_shaped([t[2] for t in cur[-2:]]) \
                and _place_after(tokens[k + 1:]):
            # "Governor Tomoyuki Ōno of Hokkaido": a person after a role, then the place of the role
            parts.append(cur)
            cur, has_role, head_inside, all_upper = [], False, False, True
            continue
        if tok[2] == "and" and cur and k + 1 < n:
            first, last, size = tokens[k + 1][2], tokens[-1][2], n - k - 1
            left_last = cur[-1][2]
            # after a role and a person's name, another role within the next words opens the next
            # person ("Trade Minister Muto Yoji and Finance Minister Kato Katsunobu"), however
            # long the first; the name is two capitalised words that are no role, after a
            # capitalised word (not "Minister for Foreign Affairs and Trade Minister": one title)
            named = len(cur) >= 3 and cur[-3][2][:1].isupper() and all(
                t[2][:1].isupper() and t[2].lower() not in TITLE_WORDS and t[2].lower() not in ROLE_HEADS for t in cur[-2:])
            opens = first.lower() in TITLE_WORDS or first in qualifiers or (
                has_role and named and first[:1].isupper() and any(t[2].lower() in ROLE_HEADS for t in tokens[k + 1:k + 4]))
            # "Toyota Motor and Honda Motor": two names with the same head noun
            same_head = len(cur) >= 2 and size >= 2 and left_last == last and left_last.lower() in HEAD_TYPE
            # "the 9th Fleet and Patrol Wing 4": a name ended by its head noun, then another with one
            same_head = same_head or (len(cur) >= 2 and head_word(left_last) is not None and head_from[k + 2])
            # (a person's name has four words at most: longer sides are not read word by word)
            # "Sendai and Honolulu": two places the gazetteer knows (not one: "Trinidad and Tobago")
            places = len(cur) <= PLACE_WORDS and size <= PLACE_WORDS and all_upper \
                and gazetteer.lookup(" ".join(t[2] for t in cur)) is not None and _place_after(tokens[k + 1:]) \
                and gazetteer.lookup(" ".join(t[2] for t in tokens)) is None
            if opens or same_head or places or (len(cur) <= 4 and person_shaped([t[2] for t in cur]) and (
                    (size <= 4 and person_shaped([t[2] for t in tokens[k + 1:]])) or last.lower() in HEAD_TYPE)):
                parts.append(cur)
                cur, has_role, head_inside, all_upper = [], False, False, True
                continue
        if cur and head_word(tok[2]):
            head_inside = True
        has_role = has_role or tok[2].lower() in ROLE_HEADS
        all_upper = all_upper and tok[2][:1].isupper()
        cur.append(tok)
    if cur:
        parts.append(cur)
    parts = [piece for part in parts for piece in _split_possessive(part)]
    parts = [piece for part in parts for piece in _split_owner(part)]
    for part in parts:
        evidence: dict = {}
        if part and part[0][2] == "\0possessor":  # marked by _split_possessive: the owner's country
            evidence["country"] = part[0][1]
            part = part[1:]
        # a date after the name: "Katsuya Okada on Friday"
        for k, tok in enumerate(part):
            # a short month ("Jun", "Aug") is a date after a preposition or with its period, not
            # in "Dong Jun"
            if tok[2].lower().strip(".,") in MONTHS_DAYS and k and (
                    len(tok[2].strip(".,")) > 4 or tok[2].endswith(".") or part[k - 1][2] in DATE_PREPOSITIONS
                    or tok[2].lower() in ("may", "june", "july")):
                part = part[:k]
                break
        while part and part[-1][2] in ("of", "the", "and", "for", "on", "in", "de"):
            part = part[:-1]
        while part and (part[0][2] in ("of", "the", "and", "for", "on", "in", "de")
                        or (part[0][2].lower() in DETERMINER_WORDS and len(part) > 1)):
            part = part[1:]  # "the Next Special Measures Agreement": "Next" is no part of the name
        # a role or a nationality before a person: everything up to the last role word
        # "Indian-administered Kashmir", "U.S.-led": a hyphenated adjective is not part of a name
        while len(part) > 1 and re.match(r"^[A-Z][\w.]*-[a-z]", part[0][2]):
            part = part[1:]
        # (a title word with its complement is a role too: "Chief of Staff Jeff Zients")
        roles = [k for k, tok in enumerate(part) if tok[2].lower().rstrip(",") in ROLE_HEADS
                 or (tok[2].lower() in TITLE_WORDS and k + 2 < len(part) and part[k + 1][2] == "of")]
        if roles and roles[-1] + 1 < len(part) and not part[roles[-1]][2].endswith(("'s", "’s")):
            # the person is the longest person-shaped end after the role ("Secretary of State
            # Marco Rubio", "Secretary of Foreign Affairs Theresa P. Lazaro")
            k = roles[0]
            # a generational suffix ends the name but is none of its words ("Lloyd J. Austin III")
            end = len(part) - 1 if len(part) > k + 2 and GENERATIONAL.fullmatch(part[-1][2]) else len(part)
            if "of" in [t[2] for t in part[k:]]:
                # "Secretary of State Marco Rubio": after a complement, the person is the given and
                # family name at the end (with any initials: "Theresa P. Lazaro")
                j = end - 2
                while j > k + 1 and re.fullmatch(r"[A-Z]\.", part[j][2]):
                    j -= 1
                tail = j if j > k and person_shaped([t[2] for t in part[j:end]]) else None
            else:  # (a person's name has four words at most)
                tail = next((j for j in range(max(k + 1, end - 4), end)
                             if person_shaped([t[2] for t in part[j:end]])), None)
            if tail is None and not any(t[2].lower().strip(".") in HEAD_TYPE for t in part[roles[-1] + 1:]):
                tail = roles[-1] + 1
            if tail is not None:
                evidence["role"] = " ".join(t[2] for t in part[:tail])
                for t in part[:tail]:
                    if t[2] in qualifiers:
                        evidence["country"] = qualifiers[t[2]]
                part = part[tail:]
        # a role or nationality word before a person's name ("Gov. Tamaki"), but not the words an
        # institution's name opens with ("Prime Minister's Office", "Philippine Coast Guard")
        while part and (part[0][2] in qualifiers or part[0][2].lower() in TITLE_WORDS) and len(part) > 1 \
                and head_type([t[2] for t in part]) not in INSTITUTION | {"place"}:
            if part[0][2] in qualifiers:
                evidence.setdefault("country", qualifiers[part[0][2]])
            evidence.setdefault("role", part[0][2])
            part = part[1:]
        if not part or part[0][2][:1].islower():
            continue  # nothing after the role, or only its complement ("Minister | of Defense")
        if part[-1][2].lower().rstrip(".,") in ROLE_HEADS and not person_shaped([t[2] for t in part[:-1]]):
            continue  # a role with no holder named ("Defense Minister", "the Chief Cabinet Secretary")
        out.append((part[0][0], part[-1][1], evidence))
    return out


def _split_possessive(part: list) -> list:
    """"Germany's Thyssenkrupp Marine Systems" is two names: a state or place the gazetteer knows,
    and what it owns (whose country it is). Tokens are (start, end, text); the owner loses its
    "'s", and the owned name opens with a marker carrying the owner's country code."""
    for k, tok in enumerate(part[:-1]):
        if tok[2].endswith(("'s", "’s")) and k + 1 < len(part):
            stem = " ".join(t[2] for t in part[:k + 1])[:-2]
            place = gazetteer.lookup(stem)
            if place is None or place.kind != "country":
                continue
            owner = part[:k] + [(tok[0], tok[1] - 2, tok[2][:-2])]
            return [owner, [(0, place.country, "\0possessor")] + part[k + 1:]]
    return [part]


# Words that open a noun phrase before a name without being part of it (ordinals are kept:
# "Second Thomas Shoal", "First Island Chain").
DETERMINER_WORDS = frozenset("""next last this that these those another each every our their his her its my your
both either neither such some many most any""".split())


# The most words of a place's name that split_name looks up after "in" ("Perth in Western
# Australia"): the rest of a longer run is no place's name it asks about.
PLACE_WORDS = 6


def _place_after(rest: list) -> bool:
    """The words after "in" are a place the gazetteer knows ("Western Australia")."""
    words = [t[2] for t in rest]
    return bool(words) and all(w[:1].isupper() for w in words) and gazetteer.lookup(" ".join(words)) is not None


def _split_owner(part: list) -> list:
    """"Steel's Mon Valley Works": a possessive inside a run of names ends the owner's name and
    opens the name of what it owns, when that is two words or more and the owner no role
    ("Prime Minister's Office" is one name)."""
    for k, tok in enumerate(part[:-2]):
        if tok[2].endswith(("'s", "’s")) and tok[2][:-2].lower() not in TITLE_WORDS \
                and all(t[2][:1].isupper() for t in part[k + 1:]):
            return [part[:k] + [(tok[0], tok[1] - 2, tok[2][:-2])], part[k + 1:]]
    return [part]


def n_role(evidence: dict) -> bool:
    return bool(evidence.get("role"))


# What the words around a name say of a body no head noun types (the sentence's nouns, an
# apposition, a coordination): a political party is called "party", wins seats in an election or a
# chamber, is a coalition's partner, or is coordinated with a party ("the Liberal Democratic Party
# and Komeito").
PARTY_NOUN_AFTER = re.compile(r"^\s+part(?:y|ies)\b|^,\s+(?:the|its|a)\s+(?:[\w'’.-]+\s+){0,3}?"
                              r"(?:coalition\s+partner\b|partner\b[^.;]{0,40}\bcoalition\b)")
SEATS_AFTER = re.compile(r"^(?:,[^.;:]{0,40},)?\s+(?:won|wins|took|takes|gained|gains|lost|loses|holds?|held|kept|keeps?|"
                         r"rose from|fell (?:from|to)|(?:has|had) won)\s+[^.;:]{0,25}?"
                         r"\b(?:seats?\b|majorit(?:y|ies)\b(?!\s+(?:stakes?|shares?|owners?|holdings?|of\b)))")
# seats and majorities are a party's only where the sentence is about votes or a chamber ("won 14
# seats in the upper house election"; not "held 40 seats on the supplier council", "won seats at
# the table")
POLITICAL_CONTEXT = re.compile(r"\b(?:elections?|electoral|votes?|voters|polls?|ballots?|chambers?|house|diet|"
                               r"parliament(?:ary)?|assembly|senate|congress|legislature|coalition|constituenc(?:y|ies)|"
                               r"lawmakers|opposition|ruling|governing|part(?:y|ies))\b", re.I)
AND_PARTY_AFTER = re.compile(r"^,?\s+(?:and|or)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}Party\b")
PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|from|to|at|by|for|with|on|into|across|over)\s+(?:the\s+)?$", re.I)
PARTY_BEFORE = re.compile(r"(?:\bcoalition\s+partners?,?\s+|\bPart(?:y|ies)\s+(?:and|or)\s+(?:its\s+(?:junior\s+)?"
                          r"(?:coalition\s+)?partners?\s+)?)(?:the\s+)?$")
# a capitalised word and a particle of another language before a name: the name is the end of a
# longer one ("Nippon Ishin no Kai", "Partido de ...") that no context types on its own
FRAGMENT_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+(?!(?:and|or|of|the|for|to|in|on|at|by|as|a|an|but|nor|if|its|his|her|"
                             r"our|their|with|from|than|that)\s)[a-z]{1,3}\s+$")
# "the Japan Innovation Party, known as Ishin", "the Dokdo islets, which Japan calls Takeshima":
# the other name is of what the head noun before it names
KNOWN_AS = re.compile(r"([\w'’.-]+),\s+(?:(?:also\s+)?(?:known|referred to)\s+as|which\s+(?:[\w.'’-]+\s+){1,3}calls?)"
                      r"\s+(?:the\s+)?$")
# "the Dokdo islets", "the Pell peninsula": a place's head noun written in lower case after its name
PLACE_NOUN_AFTER = re.compile(r"^\s+(islands?|islets?|reefs?|shoals?|straits?|peninsulas?|bays?|seas?|rivers?|gulfs?|"
                              r"lakes?|mountains?|prefecture|province|district|county)\b")
# "Marines trained at Camp Hansen", "the regiment is based at Camp Foster": a unit stationed at a
# camp makes it a military base (soldiers who search, visit or escort people to a camp do not:
# "Camp David", a refugees' camp). A military formation (not its people, who may only visit)
# arrives or is sent where it is: "a Marine artillery unit at Camp Hansen", "launchers were
# deployed to"; a bare "unit", "division" or "battery" is a formation there only after a military
# word ("housing units", "deep divisions", "medical units arrived" are none), but any unit is one
# where it is activated ("the brigade was activated at"); a service opens, builds or runs its
# bases ("the Marine Corps established Camp Pendleton").
_MILITARY_WORD = (r"(?:marine|army|navy|naval|air|military|logistics|infantry|artillery|missile|air-defen[cs]e|"
                  r"combat|engineer|armou?red|amphibious|littoral|aviation|patriot|rocket|coastal|special|"
                  r"self-defen[cs]e|sdf|gsdf|\d+(?:st|nd|rd|th))")
_FORMATIONS = (r"(?:battalions?|regiments?|brigades?|squadrons?|garrisons?|launchers?|"
               rf"{_MILITARY_WORD}(?:\s+[\w-]+)?\s+(?:units?|batter(?:y|ies)|divisions?))")
_AUX = r"(?:\s+(?:is|are|was|were|had|has|have|been|will|be|to|long|now|still|first|once|newly|later))*"
_STATIONED = (r"(?:based|stationed|deployed|garrisoned|posted|headquartered|trained|train|training|redeployed|"
              r"relocated|moved|returned|left)")
MILITARY_BEFORE = re.compile(rf"\b(?:(?:troops|units?|soldiers|marines|battalions?|regiments?|brigades?|squadrons?|"
                             rf"garrisons?|batter(?:y|ies)|divisions?|launchers?|sailors|airmen){_AUX}\s+{_STATIONED}"
                             r"(?:\s+(?:at|to|in|into|from|back to|out of))?"
                             rf"|(?:{_FORMATIONS}|units?|batter(?:y|ies)|divisions?){_AUX}\s+activated\s+(?:at|in)"
                             rf"|{_FORMATIONS}{_AUX}\s+(?:arrived|sent|go|goes|went|going)\s+(?:at|to|in)"
                             rf"|{_FORMATIONS}\s+(?:at|in)"
                             rf"|(?:corps|army|navy|air force|self-defen[cs]e forces?|military){_AUX}\s+"
                             r"(?:opened|built|expanded|established|activated|constructed|operates|runs))\s+(?:the\s+)?$",
                             re.I)
# "the public broadcaster NHK", "told the broadcaster SBS": an outlet's noun before a name; "the
# CBC reporter", "KBS television": one after initials (telling or being interviewed is said of
# parties, councils and parliaments as well: no evidence alone)
MEDIA_NOUN_BEFORE = re.compile(r"\b(?:broadcasters?|(?:news|TV|television|radio)\s+networks?|newspapers?|radio\s+station|"
                               r"television|TV\s+channel|news\s+agency|wire\s+service|tabloid|daily)\s+(?:the\s+)?$", re.I)
MEDIA_NOUN_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:radio|television|TV|reporters?|correspondents?|journalists?|anchors?|"
                              r"presenters?|interviewers?|broadcasts?|newsroom|podcast)\b")
# a wire story's dateline around its agency's name: "TOKYO, May 4 (" from the line's start (the
# place in capitals, segment.DATELINE, a place the gazetteer knows: dateline_place), then ") - "
DATELINE_AGENCY_BEFORE = re.compile(r"(?:^|\n)([A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*)(?:,\s+[A-Z][A-Za-z.]+"
                                    r"(?:\s+[A-Za-z.]+)?(?:\s+\d{1,2})?)?\s*\($")
DATELINE_AGENCY_AFTER = re.compile(r"^\)\s*(?:--|—|–|-)(?:\s|$)")


def dateline_place(caps: str) -> bool:
    """Whether the capitals opening a dateline are places the gazetteer knows, as the segmenter
    reads a dateline alone on a line (segment.dateline_line): "TOKYO", "SYDNEY/TOKYO"; not a
    glossary's "ASDF" nor a day's "TUESDAY"."""
    return all(gazetteer.lookup(part.title()) is not None for part in caps.split("/"))
# a reference's publisher: "London: Fernwood Academic." (a place and a colon before it)
PUBLISHER_BEFORE = re.compile(r"(?:[A-Z][\w.]+(?:,? [A-Z][\w.]*)*:|[a-z\d)]\.)\s+$")


def context_type(name: str, evidence: dict) -> tuple[str, str] | None:
    """The type the wider context of a name says (see :data:`PARTY_NOUN_AFTER` and the rest)."""
    before, after = evidence.get("wide_before", ""), evidence.get("wide_after", "")
    if FRAGMENT_BEFORE.search(before):
        return None  # "Kai" of "Nippon Ishin no Kai"
    party = PARTY_NOUN_AFTER.match(after)
    seats = SEATS_AFTER.match(after)
    if seats and POLITICAL_CONTEXT.search(before + " " + after):
        party = seats
    coordinated = AND_PARTY_AFTER.match(after)
    if party is None and coordinated and not PREPOSITION_BEFORE.search(before) \
            and gazetteer.lookup(name) is None:  # "The Labour Party in Britain and the ...": a place
        party = coordinated
    if party:
        return "political-party", f"after it: {' '.join(party.group().split())[:40]}"
    if PARTY_BEFORE.search(before):
        return "political-party", f"before it: {' '.join(PARTY_BEFORE.search(before).group().split())}"
    known = KNOWN_AS.search(before) if head_type(name.split()) is None else None  # (its own head first)
    if known and HEAD_TYPE.get(known.group(1).lower()) in INSTITUTION | {"place"}:
        return HEAD_TYPE[known.group(1).lower()], f"another name of: {known.group(1)}"
    if name.split()[0] == "Camp" and MILITARY_BEFORE.search(before):
        return "military", f"a camp after: {' '.join(MILITARY_BEFORE.search(before).group().split())}"
    dateline = DATELINE_AGENCY_BEFORE.search(before)
    if dateline and DATELINE_AGENCY_AFTER.match(after) and dateline_place(dateline.group(1)):
        return "media", "agency of a wire dateline"  # "TOKYO, May 4 (KWN) - ...": the outlet that filed it
    outlet = MEDIA_NOUN_BEFORE.search(before) or (name.isupper() and 2 <= len(name) <= 5 and MEDIA_NOUN_AFTER.match(after))
    if outlet:
        return "media", f"outlet noun: {' '.join(outlet.group().split())}"
    return None


# "Staff" heads a military body's name only after a service's or a command's word ("Joint Staff",
# "Air Staff", "General Staff", "Joint Chiefs of Staff"); not a title's ("Chief of Staff Susie
# Wiles") nor alone ("Staff from Boeing ...")
STAFF_WORDS = frozenset("joint general air naval navy army military defense defence combined maritime ground "
                        "chiefs marine".split())


def military_staff(words: list[str]) -> bool:
    return len(words) >= 2 and words[-1] == "Staff" and words[0].lower() not in TITLE_WORDS \
        and any(w.lower() in STAFF_WORDS for w in words[:-1])


def publisher(evidence: dict) -> bool:
    """A name that ends a reference after its place ("London: Fernwood Academic.") or its title."""
    return bool(evidence.get("reference") and PUBLISHER_BEFORE.search(evidence.get("wide_before", ""))
                and END_OF_ENTRY.match(evidence.get("wide_after", "")[:3]))


END_OF_ENTRY = re.compile(r"^\.?\s*$")


def guess_type(name: str, evidence: dict, before: str, after: str) -> tuple[str, str, object]:
    """``(type, evidence text, gazetteer place or None)`` for a candidate's name in its context."""
    words = name.split()
    head = words[-1].lower().strip(".,")
    if evidence.get("role"):
        return "person", f"role: {evidence['role']}", None
    if evidence.get("author"):
        return "person", "author in a reference list", None
    known = known_type(name)
    if known is not None:  # "Xinhua", "G7": a body the world knows by that name (known_bodies)
        return known, "known body", None
    if evidence.get("shared_head"):
        return HEAD_TYPE[evidence["shared_head"]], f"head noun after it: {evidence['shared_head']}", None
    if SHIP_PREFIX.match(name):
        return "military", "ship prefix", None
    if military_staff(words):
        return "military", "head noun: Staff (of a service)", None
    told = context_type(name, evidence)
    if told is not None:
        return told[0], told[1], None
    if CAMP.match(name):
        return "place", f"name: {words[0]}", None
    vessel = VESSEL_BEFORE.search(before)
    if vessel:  # "the destroyer Sazanami", "the carrier Shandong": a ship's name
        return "military", f"vessel noun before it: {vessel.group(1)}", None
    of_head = words[words.index("of") - 1] if "of" in words[1:] else None  # "House of Councillors"
    if of_head and of_head.lower() in OF_HEADS:
        return OF_HEADS[of_head.lower()], f"head noun: {of_head}", None
    # "Naval Air Station Iwakuni": the head may come before a proper name; a name of one word may
    # be a head itself ("the Diet")
    heads = [w for w in reversed(words[1:] or [w for w in words if not w.isupper()]) if head_word(w)]
    complement = next((k for k, w in enumerate(words) if w in ("of", "on", "for")), None)
    if complement and head_word(words[complement - 1]):
        # the head of "A of B" is A: "Ministry of National Defense", "Committee on Fleet Readiness"
        heads = [words[complement - 1]]
    if heads:
        head = head_word(heads[0])
        # "Kyodo News Agency", "Harbor Wire Service": an agency or a service of news is an outlet
        t = "media" if head in ("agency", "service") and outlet_or_company(words) else HEAD_TYPE[head]
        if t == "military" and LAW_ENFORCEMENT & {w.lower() for w in words}:
            t = "government-body"  # "Australian Border Force", "National Police Force": no armed service
        if head in SITE_HEADS and not (LOCATIVE.search(before) or OWNER_BEFORE.search(before)):
            # "Delta Works said", "Bath Iron Works": a company; "at the Delta Works", "U.S.
            # Copper's Granite Yard Works": the site
            t = "organization"
        return t, f"head noun: {heads[0]}", None
    place = gazetteer.lookup(name)
    if place is not None and (place.kind in ("country", "admin-area", "continent") or LOCATIVE.search(before)
                              or place.population >= 100_000):
        kind = "state" if place.kind == "country" and not LOCATIVE.search(before) else "place"
        source = f"GeoNames {place.geonames}" if place.geonames is not None else f"ISO 3166-2 {place.code}"
        return kind, f"{source} ({place.kind})", place
    noun = PLACE_NOUN_AFTER.match(after)
    if noun:
        return "place", f"head noun after it: {noun.group(1)}", place
    kind = APPOSITION_KIND.match(after)
    if kind:  # "Rebun, a fishing and tourism town", "OCEAN, … a loose framework"
        noun = kind.group(kind.lastindex)
        return APPOSITION_TYPE[noun.lower()], f"apposition: {noun}", place
    if LOCATIVE.search(before) and len(words) <= 2:
        return "place", "after a locative preposition", place
    noun = NOUN_AFTER.match(after)
    if noun:
        return "media", f"noun after it: {noun.group().strip()}", None
    owned = NOT_A_PERSON_AFTER.match(after)
    if owned:  # "Nippon Steel vice chairman ...", "Nippon Steel completed its purchase"
        return "organization", f"after it: {' '.join(owned.group().split())}", None
    # a name after "the" or in a complement ("president of the United Steelworkers, said") is no
    # person's, whatever follows it
    definite = DEFINITE_BEFORE.search(before)
    if publisher(evidence):
        return "organization", "publisher in a reference", None
    if SPEECH_AFTER.match(after) and not definite:
        return "person", "subject of a speech verb", None
    if person_shaped(words) and not definite and not evidence.get("continues"):
        return "person", "two or three capitalised words", None
    return "organization", "default", None


# An industrial site's head nouns: a place only after a locative or its owner's possessive.
SITE_HEADS = frozenset("works plant shipyard factory refinery".split())
OWNER_BEFORE = re.compile(r"[A-Z][\w.-]*['’]s\s+$")
# Words that make a "Force" a law-enforcement body, not a military one.
LAW_ENFORCEMENT = frozenset("border police customs immigration".split())
# A vessel's class before its name: "the destroyer Sazanami", "the aircraft carrier Shandong".
VESSEL_NOUNS = (r"destroyers?|frigates?|cruisers?|(?:aircraft |helicopter )?carriers?|submarines?|warships?|"
                r"corvettes?|icebreakers?|cutters?|flattops?|(?:assault|patrol|research) (?:ship|vessel|boat)s?")
VESSEL_BEFORE = re.compile(rf"\b({VESSEL_NOUNS})\s+$", re.I)
# Words after a name that make it a body, not a person: a role it has holders of ("Nippon Steel
# vice chairman Takahiro Mori"), or "its" for it ("Nippon Steel completed its purchase").
NOT_A_PERSON_AFTER = re.compile(r"^\s+(?:(?:vice|deputy|senior|executive)\s+)?(?:chairman|chairwoman|chief executive|"
                                r"ceo|board)\b|^\s+(?:[a-z]+\s+){0,2}?its\b")
# "the" right before a name: "the United Steelworkers" (also "president of the ..."); "of" alone
# is not: "the death of Ravel Oduya", "a spokesman of Lina Trask" are persons.
DEFINITE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def country_of(name: str, evidence: dict, place, qualifiers: dict) -> str | None:
    """The country a candidate belongs to, from the strongest evidence: its role or context
    ("Japanese Defense Minister ..."), its own gazetteer entry, a ship's national prefix, a
    qualifier among its words ("South Korean Navy", "Ministry of Defense of Japan"), or, for a
    body or a place, a known place its name is made from ("Okinawa Defense Bureau", "Marine Corps
    Air Station Iwakuni", "Jeju Island")."""
    if evidence.get("country"):
        return evidence["country"]
    if place is not None and place.country:
        return place.country
    ship = SHIP_PREFIX.match(name)
    if ship:
        return SHIP_COUNTRY[ship.group().strip()]
    words = name.replace("-", " ").split()
    for phrase in _phrases(words, 3):  # the longest qualifier first: "South Korean" before "Korean"
        if phrase in qualifiers:
            return qualifiers[phrase]
    if head_type(words) is not None:  # a body or a place: a known place its name is made from
        for phrase in _phrases(words, 2):
            if phrase.lower().strip(".,") in HEAD_TYPE or not phrase[:1].isupper():
                continue
            found = gazetteer.lookup(phrase)
            if found is not None and found.country and (found.kind == "country" or found.population >= 15_000):
                return found.country
    return None


def _phrases(words: list[str], longest: int):
    """The runs of ``words`` up to ``longest`` words, longer runs first, each size left to right."""
    for size in range(min(longest, len(words)), 0, -1):
        for k in range(len(words) - size + 1):
            yield " ".join(words[k:k + size])


INSTITUTION = {"military", "government-body", "organization", "document", "media", "political-party"}


NEWS_WORDS = frozenset("news wire newswire press".split())


def outlet_or_company(words: list[str]) -> bool:
    """A name whose last word is the head noun of an outlet or a company (not of a state's organ,
    "U.S. Administration"); an agency or a service of news is an outlet ("Pacific Wire Service")."""
    head = words[-1].strip(".'").lower() if words else ""
    if head in ("agency", "service"):
        return bool(NEWS_WORDS & {w.lower() for w in words})
    return HEAD_TYPE.get(head) in ("media", "organization")


def head_type(words: list[str]) -> str | None:
    complement = next((k for k, w in enumerate(words) if w in ("of", "on", "for")), None)
    head = head_word(words[complement - 1]) if complement else None  # the head of "A of B" is A (see guess_type)
    if head is None:  # else the last head noun (of the words after the first, when there are more)
        head = next(filter(None, map(head_word, reversed(words[1:] if len(words) > 1 else words))), None)
    return HEAD_TYPE[head] if head else None


class NameSpans:
    """The registry names of one region as spans [i, j), held in two arrays (a paragraph may name
    a million), with the lookups :func:`grow` makes built once, on first use: the name that ends
    at j, the name that starts at i (the later listed, where two do)."""

    __slots__ = ("starts", "ends", "_by_end", "_by_start", "person_ends")

    def __init__(self, spans=(), person_ends=b""):
        self.starts, self.ends = array("q"), array("q")
        for i, j in spans:
            self.starts.append(i)
            self.ends.append(j)
        self._by_end = self._by_start = None
        # where a person's name ends (no company is named after one): a byte a character, 1 there
        self.person_ends = person_ends

    def person_end(self, j: int) -> bool:
        return 0 <= j < len(self.person_ends) and self.person_ends[j] == 1

    def by_end(self) -> dict:
        if self._by_end is None:
            self._by_end = dict(zip(self.ends, self.starts))
        return self._by_end

    def by_start(self) -> dict:
        if self._by_start is None:
            self._by_start = dict(zip(self.starts, self.ends))
        return self._by_start


def grow(text: str, s: int, e: int, spans: "NameSpans", doc_text: str = "", wraps: bool = False) -> tuple[int, int]:
    """An institution's name with the registry names it is made of: "U.S." + "Army", "Quad" +
    "Critical Minerals Initiative", "Japan-Philippines" + "Reciprocal Access Agreement", "Prime
    Minister's Office" + "of Japan", "Committee on Foreign Investment" + "in the United States".
    ``spans``: the region's :class:`NameSpans`; ``doc_text``: the document's text (or the
    region's, when not given), where a name grown into "in the" must show its acronym; ``wraps``:
    a paragraph's text, where a hard-wrapped line's break is a space ("the U.S.⏎Army": a long
    line that ends no sentence, and the next word would not have fitted on it)."""
    ends = spans.by_end()
    while s - 1 in ends and (text[s - 1] in " -" or (wraps and text[s - 1] == "\n" and wrapped_break(text, s - 1)
                                                     and not word_fits_before(text, s - 1))):
        s = ends[s - 1]
    compound = re.search(r"(?<![\w.-])[A-Z][\w.]*(?:-(?:(?:at|in|of|on|the|and|for|to)-)*[A-Z][\w.]*)+ $",
                         text[max(0, s - 60):s])
    if compound:  # "Japan-Philippines Reciprocal Access Agreement", "Quad-at-Sea Ship Observer Mission"
        s -= len(compound.group(0))
    starts = spans.by_start()
    m = re.match(r" of (?:the )?", text[e:e + 8])
    located = False
    if not m and re.search(r" (?:for|on|of) ", text[s:e]):
        # a name whose head takes a complement goes on into "in the" and a registered name:
        # "Committee on Foreign Investment in the United States", "Initiative for Training in
        # the Indo-Pacific" (not "Japan Coast Guard in the East China Sea") ...
        m = re.match(r" in (?:the )?", text[e:e + 8])
        located = m is not None
    if m and e + m.end() in starts and not re.match(r"-\w", text[starts[e + m.end()]:starts[e + m.end()] + 2]):
        grown = starts[e + m.end()]
        # (not into a compound: "Force of the Japan-Philippines ...") ... where the text shows the
        # longer string as one name: its acronym after it in parentheses ("... (CFIUS)") or its
        # capitals' acronym in the text; else "in the United States" says where the body is, not
        # what it is called ("the Center for Harbor Studies in the United States")
        if not located or _shown_as_one_name(text, s, grown, doc_text or text):
            e = grown
    return s, e


def _shown_as_one_name(text: str, s: int, e: int, doc_text: str) -> bool:
    """Whether ``text[s:e]`` is written as one name: an acronym in parentheses right after it, or
    the acronym of its capitals anywhere in the document ("CFIUS" in a line of tags)."""
    if re.match(r"\s*\([A-Z][A-Za-z]{1,9}\)", text[e:e + 14]):
        return True
    initials = "".join(w[0] for w in re.split(r"[\s-]+", text[s:e]) if w[:1].isupper())
    return len(initials) >= 3 and re.search(rf"\b{initials}\b", doc_text) is not None


# The words around a name that say whose it is: a registered name just before it ("U.S.
# Ambassador ...", "Pentagon Chief Spokesman ...", "North Korea's ..."), or an apposition after a
# person ("Lin Jian, a spokesperson for China's foreign ministry").
RUN_BEFORE = re.compile(r"((?:[A-Z][\w.&-]*(?:'s|’s)? ){1,4})$")
APPOSITION = re.compile(r"^,\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,4}?(?:for|of|at|in|to)\s+(?:the\s+)?"
                        r"([A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3}?)(?:'s|’s)?(?=[\s,.;])")


# An exercise's or an operation's name: "the exercise Resolute Dragon", "exercises such as Keen
# Sword", "exercise, Freedom Edge,", "Freedom Edge drills".
EVENT_NOUNS = r"(?:exercises?|drills?|maneuvers?|manoeuvres?|operations?|wargames?|war games?)"
EVENT_NAME_BEFORE = re.compile(rf"\b{EVENT_NOUNS}(?:,| such as| called| named| dubbed| code-named)?\s+$", re.I)
EVENT_NAME_AFTER = re.compile(rf"^(?:\s+\d+)?\s+{EVENT_NOUNS}\b")


# An acronym of common words names nothing: the measure a share is taken of, written with no
# article ("2% of GDP", "3 percent of its GDP"; not "a 15% share of the AIIB", a body's share,
# nor "percent of NATO's budget", "percent of JCG ships").
SHARE_OF_BEFORE = re.compile(r"(?:%|\bper\s?cent|\bshare)\s+of\s+(?:(?:its|their)\s+)?$", re.I)
SHARE_OF_AFTER = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:in|on|by|within|before|after|as|for|to|and|or|from|over|"
                            r"at|is|was|will|would|this|next|last)\b")  # (not a noun: "3% of JCG ships")


def common_acronym(name: str, before: str, after: str) -> bool:
    """Whether an acronym in capitals, between ``before`` and ``after``, is a measure a share is
    taken of (a term), not a body (one ``known_bodies`` holds is a body: "IMF")."""
    return (name.isupper() and 2 <= len(name) <= 6 and known_type(name) is None
            and SHARE_OF_BEFORE.search(before) is not None and SHARE_OF_AFTER.match(after) is not None)


def context_country(text: str, s: int, e: int, country_of_form) -> str | None:
    """The country the words next to the name at ``text[s:e]`` give it, through
    ``country_of_form`` (a registered name or qualifier -> its country code, else None)."""
    run = RUN_BEFORE.search(text[max(0, s - 60):s])
    if run:
        tokens = run.group(1).split()
        # the name's own role words may stand between ("Pentagon Chief Spokesman Sean Parnell")
        end = len(tokens)
        while end and tokens[end - 1].lower() in TITLE_WORDS:
            end -= 1
        for k in range(end):
            phrase = " ".join(tokens[k:end])
            phrase = phrase[:-2] if phrase.endswith(("'s", "’s")) else phrase
            found = country_of_form(phrase)
            if found:
                return found
    after = APPOSITION.match(text[e:e + 100])
    if after:
        return country_of_form(after.group(1))
    return None


CONTEXT = 80  # characters either side of a name that context_type reads


# A role's complement before a registered name: "Ambassador to Japan Mylene J. Garcia-Albano", "Secretary
# of State": what follows the name is the role's holder, no name the registered one continues into
ROLE_COMPLEMENT_BEFORE = re.compile(r"\b(?:%s)\s+(?:to|of|in|at|for)\s+(?:the\s+)?$"
                                    % "|".join(re.escape(w) for w in sorted(ROLE_HEADS)), re.I)


def name_words(name: str, line_end_words: LineEndWords) -> list[str]:
    """The words of a name read from a document's text, a word hyphenated at a line's end written
    whole where the document's words say it is one ("Ines Brandau-⏎er": _text.soft_hyphen)."""
    return rejoined(name, line_end_words).split()


ENDS_JR = re.compile(r"\b(?:Jr|Sr)$")
GERUND = re.compile(r"[A-Z][a-z]+ing")  # fullmatch: "Managing", "Deterring"
TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
# a designation (fullmatch a word): letters, a hyphen, a number and a variant's letters or a plural
# ("Tu-95", "F-15EX", "F-35As", "PLH-32", "CVW-5"); see equipment_designation
DESIGNATION = re.compile(r"([A-Z][A-Za-z]{0,9})-\d+([A-Za-z]{0,3})")
# an equipment noun after a designation ("PAC-3 interceptors", "Tu-95 bombers")
EQUIPMENT_AFTER = re.compile(r"^\s+(?:bombers?|fighters?|jets?|(?:\w+\s+)?aircraft|(?:\w+\s+)?planes?|helicopters?|"
                             r"drones?|missiles?|interceptors?|rockets?|launchers?|satellites?)\b", re.I)
# a vessel noun before a designation, its hull number: "the cutter PLQ-71", and with the ship's name
# before it in parentheses: "the patrol vessel Akitsushima (PLH-32)", "Cutter Stratton (WMSL-752)"
HULL_BEFORE = re.compile(rf"(?i:\b(?:{VESSEL_NOUNS}))\s+(?:(?:[A-Z][\w'’-]*\s+){{1,2}}\()?$")


def equipment_designation(words: list[str], before: str, after: str) -> bool:
    """Whether a name of designations only ("Tu-95", "F-35As and F-35Bs") is a type of aircraft,
    missile or hull, no actor: by its form, a prefix of one or two letters or not all capitals
    ("F-35", "DF-26", "Tu-95", "Hwasong-19") or a variant's letters or a plural after the number
    ("F-15EX", "H-6K", "F-35As"); else by the words around it, an equipment noun after it or a
    ship's name before it. A unit's or a grouping's ("CVW-5", "DESRON-15", "CTF-70", "ASEAN-10")
    has neither."""
    parts = [DESIGNATION.fullmatch(w) for w in words if w != "and"]
    if not parts or not all(parts):
        return False
    return any(len(m.group(1)) <= 2 or not m.group(1).isupper() or m.group(2) for m in parts) \
        or EQUIPMENT_AFTER.match(after) is not None or HULL_BEFORE.search(before) is not None


def document_candidates(doc_id: str, found: list, qualifiers: dict, lowercase: set, common=None,
                        names_in: dict | None = None, country_of_form=None, doc_text: str = "",
                        line_end_words=None) -> list[dict]:
    """Candidate mentions of one document from its unmatched names.

    ``found``: ``(region, surface, i)`` — an unmatched name at offset ``i`` of a region's text;
    ``doc_text``: the document's text, where a long name's acronym may be written (:func:`grow`);
    ``line_end_words``: the document's words, which say where a name hyphenated at a line's end is
    one word (_text.soft_hyphen; by default ``doc_text``'s); every name read from the text is
    written through them (:func:`name_words`).
    Returns mention dicts with the candidate's name, type, evidence and country; a short form
    takes the full name of the person or body said in the same document.
    """
    names, not_actor_names = [], set()
    if line_end_words is None:
        line_end_words = document_words(doc_text)
    for region, surface, i in found:
        text = region.text
        if " " not in surface and surface[1:].islower() and HEAD_TYPE.get(surface.lower()) == "place":
            continue  # a place's head noun alone ("Area", "Range"): the end of a name cut short
        if region.kind == "reference" and INVERTED_NAME.fullmatch(surface):
            # a reference entry's first author, as written ("Cha, Victor D.", "Green, M. J.")
            names.append({"region": region, "i": i, "j": i + len(surface), "name": surface,
                          "evidence": {"author": True}, "before": text[max(0, i - 30):i],
                          "after": text[i + len(surface):i + len(surface) + 30]})
            continue
        pieces = split_name(surface, qualifiers)
        shared = SHARED_HEAD.match(text, i + len(surface))
        if shared and len(pieces) == 1 and " and " in surface:
            a, b, evidence = pieces[0]
            k = surface.index(" and ", a)
            evidence = dict(evidence, shared_head=shared.group(1))
            pieces = [(a, k, evidence), (k + 5, b, evidence)]
        for a, b, evidence in pieces:
            name = surface[a:b].rstrip(".,;:")
            s = i + a
            e = s + len(name)
            jr = JR.match(text[e:e + 6])
            if jr and len(name.split()) >= 2:
                e += jr.end()
                name = text[s:e]
            elif ENDS_JR.search(name) and text[e:e + 1] == ".":
                e += 1
                name = text[s:e]
            words = name_words(name, line_end_words)
            if not words or (len(words) == 1 and (name.lower() in NOT_NAMES or name.lower() in MONTHS_DAYS)):
                continue
            if names_in and head_type(words) in INSTITUTION:
                s2, e2 = grow(text, s, e, names_in.get(id(region)) or NameSpans(), doc_text,
                              region.kind in WRAPPING_REGIONS)
                if (s2, e2) != (s, e):
                    s, e = s2, e2
                    name = text[s:e]
                    words = name_words(name, line_end_words)
            elif names_in and len(words) <= 3 and head_type(words) is None and not evidence.get("role"):
                # "U.S. Steel", "the Quad Cancer Moonshot": words glued to a registered name (no
                # person's) that they continue into a name of its own
                spans = names_in.get(id(region)) or NameSpans()
                s2 = spans.by_end().get(s - 1) if text[s - 1:s] == " " else None
                if s2 is not None and not spans.person_end(s - 1) and text[s2:s2 + 1].isupper() \
                        and not ROLE_COMPLEMENT_BEFORE.search(text, max(0, s2 - 40), s2):
                    s = s2
                    while s - 1 in spans.by_end() and text[s - 1] == "-":
                        s = spans.by_end()[s - 1]  # "Japan-U.S. Security Pact": the whole compound
                    name = text[s:e]
                    words = name_words(name, line_end_words)
                    evidence = dict(evidence, continues=True)  # no person's name
            if region.kind in ("title", "heading"):
                if (head_type(words) is None or len(words) == 1) and gazetteer.lookup(name) is None:
                    continue  # a headline's title-case words: only a place or a named body counts
                    # (a head noun alone, "Entry into Force of ...", names no body)
            if len(words) == 1 and name.lower() in lowercase and not name.isupper():
                continue  # a word the document also writes in lower case: not a name
            if len(words) == 1 and GERUND.fullmatch(name) and (
                    region.kind in ("title", "heading") or OPENS_SENTENCE.search(text[max(0, s - 4):s])):
                continue  # "Managing ...", "Deterring ...": a gerund opening a sentence or a title
                # (mid-sentence, "a joint venture, Edgewing," or "in Reading" is a name)
            if common is not None and common(name) and not n_role(evidence):
                continue  # title-case words of a headline or a cited title ("Holding the Line")
            if len(name) < 2 or not (TWO_LETTERS.search(name) or known_type(name)):  # ("G7" is a name)
                continue
            before, after = text[max(0, s - 30):s], text[e:e + 30]
            if equipment_designation(words, text[max(0, s - 60):s], after) and not known_type(name):
                continue  # "Tu-95", "F-35As", "PLH-32": a type of aircraft, missile or hull, no actor
            if EVENT_NAME_BEFORE.search(before) or EVENT_NAME_AFTER.match(after):
                not_actor_names.add(" ".join(words))
                continue  # the name of an exercise or an operation: an event, not an actor or a place
            if common_acronym(name, before, after):
                not_actor_names.add(name)
                continue  # "2% of GDP": a term, not an actor or a place
            if region.kind in ("title", "heading") and GERUND.fullmatch(words[0]):
                continue  # a headline's gerund phrase ("Making the Joint Force Headquarters Work")
            if country_of_form is not None and not evidence.get("country"):
                nearby = context_country(text, s, e, country_of_form)
                if nearby:
                    evidence = dict(evidence, country=nearby)
            # the wider context, for the types that the words around a name tell (context_type)
            evidence = dict(evidence, wide_before=text[max(0, s - CONTEXT):s], wide_after=text[e:e + CONTEXT],
                            reference=region.kind in ("reference", "footnote"))
            names.append({"region": region, "i": s, "j": e, "name": " ".join(words), "evidence": evidence,
                          "before": before, "after": after})
    names = [n for n in names if n["name"] not in not_actor_names]  # named as an exercise or a term anywhere
    # short forms: a single word that is a word of a longer name in the same document
    full = [n for n in names if len(n["name"].split()) > 1]
    # the family name of a person ("Teodoro"; "ENDO" of "ENDO Kazuya"), the last, proper, word of
    # a body's name ("Futenma"): the full name said nearest to it (first said, of two as near)
    by_last, by_first, by_first_of_place = _NearestName(), _NearestName(), _NearestName()
    by_given = _NearestName()  # "Kim" of "Kim Jong Un": the first word of a person's name
    first_full: dict = {}  # name -> its first occurrence, whose evidence types it
    for order, f in enumerate(full):
        words = f["name"].split()
        by_last.add(words[-1], f["i"], order, f["name"])
        by_first.add(words[0], f["i"], order, f["name"])
        if len(words) == 2 and HEAD_TYPE.get(words[-1].lower()) == "place":
            by_first_of_place.add(words[0], f["i"], order, f["name"])
        if person_shaped(words) and family_name_first(words) and not DEFINITE_BEFORE.search(f["before"]) \
                and f["region"].kind not in ("footnote", "reference"):
            by_given.add(words[0], f["i"], order, f["name"])  # (a note's words are a cited title's)
        first_full.setdefault(f["name"], f)
    full_type: dict = {}  # name -> the type its first occurrence's evidence gives (guessed once)

    def type_of_full(name: str) -> str:
        if name not in full_type:
            f = first_full[name]
            full_type[name] = guess_type(f["name"], f["evidence"], f["before"], f["after"])[0]
        return full_type[name]

    for n in names:
        word = n["name"]
        if " " not in word and word.lower() not in HEAD_TYPE:
            nearest = [by_last.nearest(word, n["i"])]
            if word.isupper():
                # "ENDO" of "ENDO Kazuya": a person's name written family name first lends its
                # first word its name; no other name does ("MWR" of "the MWR Trust Principles",
                # "TPS" of "TPS NEWS")
                first = by_first.nearest(word, n["i"])
                if first and type_of_full(first[2]) == "person":
                    nearest.append(first)
            # the proper word of a place's name that the gazetteer does not know as a place of its
            # own ("Rebun" of "Rebun Island"; "Okinawa" is a place of its own)
            if word in by_first_of_place.by_word and gazetteer.lookup(word) is None:
                nearest.append(by_first_of_place.nearest(word, n["i"]))
            found = min(filter(None, nearest), default=None)
            if found is not None and gazetteer.lookup(word) is not None:
                # a place's own name is no short form of a base or a body named after it
                # ("Ishigaki" of "Camp Ishigaki", "Iwakuni" of "Marine Corps Air Station Iwakuni"),
                # a trade-off: a base's town name often stands for the base ("Iwakuni has become one
                # of the largest U.S. air bases"), which is then read as the town
                if type_of_full(found[2]) != "person":
                    found = None
            place = gazetteer.lookup(word) if found is None else None
            if found is None and (place is None or (place.kind == "city" and place.population < 100_000)):
                # a person named by the first word of the name ("Kim" of "Kim Jong Un", family
                # name first), when no name ends with it and one full name only starts with it
                # (two Kims: neither, not the nearest)
                if len({name for _i, _o, name in by_given.by_word.get(word, ())}) == 1:
                    found = by_given.nearest(word, n["i"])
            if found:
                n["same_as"] = found[2]
    # an acronym spelled by the capitals of a longer name said in the same document ("OCEAN" for
    # "One Cooperative Effort Among Nations") is typed as that name is
    spelled, bare = {}, {}
    for f in full:
        spelled.setdefault("".join(w[0] for w in f["name"].split() if w[:1].isupper()), f)
        # ... and by the capitals of its hyphenated words too, with or without its state's
        # qualifier ("MRF-D" for "U.S. Marine Rotational Force-Darwin", "MAGTF" for "Marine
        # Air-Ground Task Force"), read without the acronym's hyphens (without the qualifier: below)
        words = f["name"].split()
        letters = ["".join(p[0] for p in w.split("-") if p[:1].isupper()) for w in words]
        spelled.setdefault("".join(letters), f)
        if words[0] in qualifiers:
            bare.setdefault("".join(letters[1:]), f)
    out = []
    for n in names:
        name = n.get("same_as") or n["name"]
        key = name.replace("-", "")
        full_form = spelled.get(key) if name.isupper() and 2 <= len(name) <= 8 else None
        if full_form is None and name.isupper() and 2 <= len(name) <= 8 and key in bare:
            # without the qualifier only where the acronym keeps the name's hyphen ("MRF-D") or is
            # given in parentheses right after the name, three letters or more: "AP" is no "U.S.
            # Army Pacific"
            f = bare[key]
            if "-" in name or (len(key) >= 3 and re.match(r"\s*\(%s\)" % re.escape(name), f["after"])):
                full_form = f
        if full_form is not None and full_form["name"] != name:
            t, why, _place = guess_type(full_form["name"], full_form["evidence"], full_form["before"], full_form["after"])
            if t != "person":
                out.append({"name": name, "surface": n["region"].text[n["i"]:n["j"]], "region": n["region"],
                            "i": n["i"], "j": n["j"], "type": t, "type_evidence": f"acronym of {full_form['name']}",
                            "country": country_of(full_form["name"], full_form["evidence"], None, qualifiers),
                            "geonames": None, "latitude": None, "longitude": None})
                continue
        source = first_full.get(name, n)
        type_, why, place = guess_type(name, source["evidence"] or n["evidence"], source["before"], source["after"])
        out.append({
            "name": name, "surface": n["region"].text[n["i"]:n["j"]], "region": n["region"], "i": n["i"],
            "j": n["j"], "type": type_, "type_evidence": why,
            "country": country_of(name, source["evidence"] or n["evidence"], place, qualifiers),
            "geonames": place.geonames if place else None,
            "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
        })
    return out


# East Asian family names, written first ("Kim Jong Un", "Pak Chol Su", "Lee Jae-myung", "Xi
# Jinping", "Nguyen Van An"): the one word a person of such a name is called by alone. A Western
# given name ("Graham" of "Graham Allison") names nobody alone.
FAMILY_FIRST = frozenset("""
Kim Lee Yi Rhee Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang Lim Im Han Shin
Seo Kwon Hwang Ahn Ryu Hong Jon Jong Ri Ro Roh Moon Mun Oh Baek Nam Ju Chu Wang Li Zhang Liu Chen
Yang Huang Zhao Zhou Xu Zhu Guo Luo Xi Deng Qin Wei Feng Jiang Nguyen Tran Pham Hoang Huynh Vo Dang
Bui Ngo Duong
""".split())


def family_name_first(words: list) -> bool:
    """A person's name written family name first: in capitals ("KIM Jong Un", "ENDO Kazuya") or
    opening with an East Asian family name (:data:`FAMILY_FIRST`)."""
    first = words[0]
    return (len(first) > 1 and first.isupper()) or first in FAMILY_FIRST


class _NearestName:
    """Full names by one of their words, each at its offset: which is nearest an offset, in
    logarithmic time (a document may hold a hundred thousand names)."""

    def __init__(self):
        self.by_word: dict = {}

    def add(self, word: str, i: int, order: int, name: str):
        self.by_word.setdefault(word, []).append((i, order, name))

    def nearest(self, word: str, i: int):
        """``(distance, order, name)`` of the name nearest ``i`` (of two as near, the first
        added), or None."""
        entries = self.by_word.get(word)
        if not entries:
            return None
        if not isinstance(entries, tuple):  # sorted once, on first use
            entries = self.by_word[word] = tuple(sorted(entries))
        at = bisect.bisect_left(entries, (i, -1))
        distance = min(abs(entries[k][0] - i) for k in (at - 1, at) if 0 <= k < len(entries))
        best = None
        for offset in (i - distance, i + distance):
            k = bisect.bisect_left(entries, (offset, -1))
            if k < len(entries) and entries[k][0] == offset and (best is None or entries[k][1] < best[1]):
                best = (distance, entries[k][1], entries[k][2])
        return best


def merge_votes(entry: dict, c: dict):
    """Gather one candidate mention into its candidate's corpus entry (see mentions.finish)."""
    entry.setdefault("types", {})
    key = f"{c['type']}\t{c['type_evidence']}"
    entry["types"][key] = entry["types"].get(key, 0) + 1
    if c["country"]:
        entry.setdefault("countries", {})
        entry["countries"][c["country"]] = entry["countries"].get(c["country"], 0) + 1
    for k in ("geonames", "latitude", "longitude"):
        if c.get(k) is not None and entry.get(k) is None:
            entry[k] = c[k]


# The evidence (type_evidence's opening words) that outweighs a guess from a name's shape or context.
STRONG_EVIDENCE = ("role", "head noun", "ship", "GeoNames", "acronym", "agency of a wire dateline", "known body")


def candidate_row(name: str, entry: dict) -> dict:
    """The entity_candidates row of a name gathered over the corpus: its most frequent type (a
    piece of STRONG_EVIDENCE — a role, a head noun, a ship, GeoNames, an acronym's expansion, a
    wire dateline's agency, the kept list of known bodies — outweighs a guess from shape), country
    and gazetteer data."""
    votes = Counter()
    for key, n in entry.get("types", {}).items():
        t, why = key.split("\t", 1)
        weight = 3 if why.startswith(STRONG_EVIDENCE) else 1
        votes[(t, why)] += n * weight
    (type_, why), _ = max(votes.items(), key=lambda kv: (kv[1], kv[0])) if votes else (("organization", "default"), 0)
    countries = entry.get("countries") or {}
    country = max(sorted(countries), key=lambda c: countries[c]) if countries else None
    return {"id": slug(name), "name": name, "type": type_, "type_evidence": why, "country": country,
            "geonames": entry.get("geonames"), "latitude": entry.get("latitude"),
            "longitude": entry.get("longitude"), "mention_count": entry.get("mentions", 0),
            "document_count": len(entry.get("documents") or ()), "status": "unreviewed"}
