"""What kind of event a sentence reports, read from its main clause: the governing verb and its
object, looked up in a lexicon mapped to the event types of the annotations.

A sentence is read in three steps:

* the **main clause** — what is left once fronted adverbials ("On February 7,", "Speaking at the
  forum on Oct. 1,", "Days before he won the race on Sept. 27,", "According to officials,"),
  comma-bounded relative clauses and appositions before the verb (", who had made repeated
  trips,", ", the State Department's top diplomat,") and a postposed attribution (", the
  minister said on Wednesday") are set aside;
* its **governing verb** — the first finite verb of the main clause: a past form, a present form
  of a lexicon verb, or the participle after an auxiliary ("has signed", "was seen"); a modal
  ("should", "could") or a negation says the clause reports no event, and so does a copula
  ("is", "was") unless it is "became" with an office ("became prime minister") or names an event
  ("It was the first meeting", an event told again);
* the **type** — of the verb in :data:`VERBS`; a light verb ("held", "issued", "lodged",
  "reached", "published") takes the type of its object's head noun (:data:`NOUNS`: "held talks",
  "issued a joint statement", "lodged a protest", "reached a deal", "published an essay"); a verb
  of saying ("said", "confirmed", "noted") makes a statement, or an announcement when what is
  said is a plan ("stated that Japan intends to raise"). Words inside a proper name ("the
  Japan-U.S. Security Treaty", "a patrol aircraft") are objects, never the verb.

A sentence with no finite verb (a caption, a headline) reports no event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates, gazetteer, tense

# The verbs that say what kind of event their clause reports (regular expressions on one word,
# lower case, or on a word and the one after it).
VERBS = {
    "meeting": r"met|meets?|meeting|convened|gathered|conferred",
    "call": r"phoned|telephoned",
    "visit": r"visit(?:ed|s)?|toured|inspected|arrived|travell?ed|flew|stopped|landed",
    "exercise": r"drilled|exercised|patrolled|rehearsed|trained",
    "incident": r"intruded|entered|violated|harassed|rammed|boarded|spotted|seen|sailed|hacked|breached|"
                r"penetrated|crossed|fired|buzzed|shadowed|approached|gained|test-fired|test-launched",
    "attack": r"attacked|struck|bombed|shelled|invaded|killed",
    "agreement": r"signed|agreed|agrees|concurred|ratified|concluded",
    "policy": r"established|founded|activated|reactivated|adopted|approved|passed|enacted|revised|amended|created|"
              r"began|begun|relaxed|suspended|lifted|imposed|banned|dissolved|allowed|upgraded|introduced|"
              r"abolished|eased|tightened|decided|took|launched|expanded|restricted|designated",
    "announcement": r"announced|announces|unveiled|chose|chosen|selected|picked|advised|proposed|plans|planned",
    "budget": r"budgeted|allocated|earmarked",
    "appointment": r"elected|appointed|resigned|inaugurated|sworn|nominated|named|won|became",
    "deployment": r"deployed|stationed|dispatched|rotated|brought|sent|moved",
    "report": r"published|released|issued",
    "battle": r"fought",
    "ceremony": r"commemorated|marked|honored|honoured",
}
# Verbs of saying: the clause is a statement (or an announcement, when what is said is a plan).
SAYING = (r"said|says|told|tells|stated|states|noted|notes|added|adds|stressed|emphasi[sz]ed|confirmed|"
          r"reaffirmed|reiterated|expressed|explained|warned|warns|criticized|criticised|condemned|"
          r"protested|urged|welcomed|praised|vowed|insisted|conveyed|rejected|denounced|declared|"
          r"described|called|accused|argued|wrote|posted|tweeted|congratulated|thanked|asserted|"
          r"responded|replied|commented|acknowledged|demanded|pledged|promised|affirmed|voiced|"
          r"highlighted|underscored|opposed|hailed|slammed|blasted|questioned|complained|cautioned|"
          r"threatened|remarked|observed|suggested|claimed|denied|admitted|recalled|reported")
# Verbs whose type is their object's ("held talks", "issued a statement", "reached a deal").
LIGHT = (r"held|holds|hold|issued|issues|made|makes|lodged|lodges|gave|gives|delivered|delivers|conducted|"
         r"conducts|carried|staged|reached|reaches|published|released|launched|launches|completed|"
         r"attended|joined|had|took|opened|used|began|started|led|hosted|hosts|organized|organised|"
         r"wrapped|concluded|received|sent|won")
# Head nouns of the objects of light verbs, and of event names ("the summit", "the drills").
NOUNS = {
    "call": r"(?:phone|telephone|video) (?:call|talks|conversation)s?|calls?",
    "meeting": r"meetings?|talks|summits?|dialogues?|consultations?|two-plus-two|2\+2|lunch|dinner|"
               r"conferences?|session|negotiations?|discussions?",
    "visit": r"visits?|trips?|tours?|port calls?|stopover",
    "exercise": r"exercises?|drills?|maneuvers|manoeuvres|patrols?|training|joint flights?|rehearsals?",
    "incident": r"intrusions?|incursions?|violations?|breach(?:es)?|provocations?|lock-on|hacks?|"
                r"cyberattacks?|(?:close )?approach(?:es)?|confrontations?|standoff|clash(?:es)?|"
                r"collisions?|access|flares|(?:missile |weapons? )?tests?|launch(?:es)?|ICBMs?|SLBMs?|[IMS]RBMs?",
    "attack": r"attacks?|strikes?|invasion|bombing|shelling|assault",
    "agreement": r"agreements?|signing(?!\s+ceremon)|accords?|pacts?|deals?|treat(?:y|ies)|memorand(?:um|a)|arrangements?|"
                 r"understanding|consensus|purchases?|acquisitions?|takeovers?|mergers?",
    "policy": r"laws?|legislation|bills?|strateg(?:y|ies)|polic(?:y|ies)|rules?|guidelines|command|"
              r"headquarters|ban|sanctions|restrictions|measures|effect|force|office|unit|agency|framework",
    "announcement": r"announcements?|plans?|proposals?|bids?|decision|programs?|initiatives?",
    "statement": r"(?:press|news) (?:conferences?|briefings?)|statements?|remarks|speech(?:es)?|protests?|warnings?|essays?|articles?|op-eds?|"
                 r"posts?|messages?|address|declarations?|communiqu[eé]s?|condolences|congratulations|"
                 r"comments?|letters?|interviews?|testimony|answer|response|criticism|complaints?|"
                 r"appeals?|objections?|concerns?|support|commitment|vision|pledges?",
    "ceremony": r"ceremon(?:y|ies)|commemorations?|memorials?|wreaths?|anniversary",
    "budget": r"budgets?|spending|appropriations?",
    "appointment": r"elections?|leadership race|office|vote|presidency|premiership|inauguration|oath",
    "report": r"reports?|white papers?|reviews?|papers?|studies|study|assessments?|surveys?|data",
    "deployment": r"deployments?|troops|forces|battery|batteries|missile systems?|squadrons?",
    "relief": r"relief|humanitarian|evacuations?|rescue",
    "battle": r"battle|war",
}
# offices, and the nouns that name whoever is to hold one ("the premier's successor")
OFFICES = (r"prime minister|president|premier|minister|secretary|chancellor|leader|chair(?:man|woman)?|"
           r"governor|ambassador|mayor|speaker|head|chief|commander|king|emperor|successor|replacement")
DETERMINERS = frozenset("the a an its their his her this that these those our my your".split())
PREPOSITIONS = frozenset("into to on in at by for from with of over about through".split())
COPULA = frozenset("is are was were be been am remains remained seems seemed".split())
MODALS = frozenset("should must ought could might may would can cannot shall".split())
AUX_HAVE = frozenset("has have had".split())
FUTURE = frozenset(["will", "’ll", "'ll"])
NEGATION = frozenset("not never n't no".split())
PLAN = re.compile(r"\b(?:intends?|plans?|aims?|decided|will)\s+to\b|\bwill\s+(?!be\b)\w+", re.I)
# Words that open a fronted adverbial (set aside up to its comma): prepositions, subordinators,
# sentence adverbs, a present participle ("Speaking at ...").
FRONTED = re.compile(
    r"(?:the (?:same |next |previous |following )?(?:day|week|month|year|night|morning|evening|afternoon)\b|"
    r"after|before|since|when|while|as|at|in|on|during|following|last|earlier|later|according|with|for|"
    r"by|amid|despite|under|unlike|like|first|second|third|fourth|finally|meanwhile|however|also|yet|"
    r"still|instead|separately|then|today|yesterday|tonight|this|that|days|weeks|months|hours|years|"
    r"once|if|although|though|because|to|from|over|within|without|through|throughout|until|upon|"
    r"shortly|soon|just|back|even|moreover|in addition|ahead|along|alongside|nonetheless|"
    r"nevertheless|still|now|thereafter|afterward|afterwards|eventually|recently|previously|"
    r"\w+ing|\w+ly)\b", re.I)
RELATIVE = re.compile(r"(?:who|whom|whose|which|where|when|the|a|an|its|his|her|their|also|now|then|"
                      r"formerly|currently|[a-z]+'s|[a-z]+’s)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d[\d,.]*%?|[,;:()\[\]“”\"—–]")
ENUMERATION = re.compile(r"^\s*(?:\(\d+\)|\d+[.)]|[a-z][.)]|[•·*-])\s*")
# ", the Ministry of Defense said." / ", Prime Minister Shigeru Ishiba said on Wednesday, easing ...":
# a name or a title (up to ten words) and a verb of saying closing the sentence, or followed by a
# participle, a subordinate phrase or an apposition to the act (", the first transfer since 2012").
_WHO_WORD = (r"(?:[A-Z][\w.’'-]*|the|a|an|of|for|and|its|his|her|their|[a-z]+(?:’s|'s)|senior|top|chief|foreign|"
             r"defense|defence|prime|deputy|government|military|ministry|spokes(?:man|woman|person)|official|"
             r"officials|minister|secretary|president|leader|leaders|sources?)")
ATTRIBUTION = re.compile(
    rf",\s+(?P<who>{_WHO_WORD}(?:\s+{_WHO_WORD}){{0,9}})\s+(?P<verb>said|says|told reporters|stated|added|"
    r"announced|reported|confirmed|noted)\b(?P<rest>(?:\s+(?!that\b)[\w.’'-]+){0,6}?)"
    r"(?=\s*[.;]?\s*$|,\s+(?:[a-z]+ing|as|while|amid|after|before|with|in|citing|the|a|an)\b)")

_VERB_RES = {t: re.compile(rf"(?:{p})$", re.I) for t, p in VERBS.items()}
_SAYING = re.compile(rf"(?:{SAYING})$", re.I)
_LIGHT = re.compile(rf"(?:{LIGHT})$", re.I)
_NOUN_RES = [(t, re.compile(rf"\b(?:{p})\b", re.I)) for t, p in NOUNS.items()]


@dataclass
class Reading:
    """What the main clause of a sentence says: ``type`` is None when it reports no event."""
    type: str | None
    verb: str | None = None         # the governing word
    verb_at: int | None = None      # its offset in the sentence
    start: int = 0                  # the main clause: sentence[start:end]
    end: int = 0
    subject: str = ""               # the words before the verb
    saying: bool = False            # a verb of saying governs
    anaphoric: bool = False         # a copula naming an event ("It was the first meeting")
    attribution: tuple | None = None  # (start, end) of a postposed ", X said on Wednesday"
    perfect: bool = False           # "has said", "have launched": a state reached, not an act on a day
    core_end: int | None = None     # where the subject and the verb's object end (a statement: its speaker)


def shifted(r: Reading, by: int) -> Reading:
    """``r``, read from a part of a sentence that starts ``by`` characters in, in the sentence's offsets."""
    def move(x):
        return None if x is None else x + by
    r.verb_at, r.core_end = move(r.verb_at), move(r.core_end)
    r.start, r.end = r.start + by, r.end + by
    if r.attribution:
        r.attribution = (r.attribution[0] + by, r.attribution[1] + by)
    return r


def _head_noun_type(subject: str) -> str | None:
    """The type of the head noun of the noun phrase ``subject`` (:func:`_head`, a name after it
    dropped: "the joint exercise Blue Harbor" -> exercise, "the drills in the Yellow Sea" ->
    exercise); None when the head is no event noun ("rallies against the drills", "the patrol
    plane's crew": a noun after a preposition or a modifier names no event begun)."""
    words = _head(subject)
    named = len(words)
    while named > 1 and words[named - 1][:1].isupper():
        named -= 1  # "Blue Harbor" after "the joint exercise": the event's name
    if named < len(words) and words[named - 1][:1].islower():
        words = words[:named]
    return noun_type(words[-1]) if words else None


def noun_type(text: str) -> str | None:
    """The type of the first event noun of ``text`` ("a trade deal" -> agreement)."""
    found = sorted((m.start(), -len(m.group()), t) for t, rx in _NOUN_RES for m in rx.finditer(text))
    return found[0][2] if found else None


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    end = len(text) if end is None else end
    return [(m.start(), m.group()) for m in _WORD.finditer(text, start, end)]


def _skip_fronted(text: str, k: int) -> int:
    """The offset after the fronted adverbials that open ``text`` at ``k``."""
    while True:
        m = ENUMERATION.match(text, k)
        if m and m.end() > k:
            k = m.end()
        rest = text[k:]
        lead = re.match(r"\s*", rest).end()
        if not FRONTED.match(rest, lead):
            return k
        comma = _comma_outside_quotes(text, k)
        if comma is None or comma - k > 160:
            return k
        chunk = text[k:comma]
        # an adverbial has no finite verb of its own before a subject... but a subordinate
        # clause has one ("Days before he won the race,"): either way it ends at the comma,
        # unless the chunk is itself the main clause ("This week, Beijing suspended": the
        # chunk "This week" has no verb; "In 2014 Japan relaxed its rules, ..." has one and
        # a capitalised subject right after the opening phrase).
        if _opens_main_clause(chunk):
            return k
        k = comma + 1


# a chunk's opening word that makes it fronted, not the main clause; the first four are also
# prepositions before a date ("Since 2010 the two governments have held ...")
_SUBORDINATE_OPENING = re.compile(r"\s*(?:(?P<prep>after|before|since|until)|when|while|as|if|although|though|because|"
                                  r"once|days|weeks|months|hours|years|speaking|according)\b", re.I)


def _opens_main_clause(chunk: str) -> bool:
    """A chunk that opens with a short adverbial and then carries its own subject and verb with
    no subordinator ("In May 2024 the Diet passed a law"): the main clause, not a fronted one."""
    if m := _SUBORDINATE_OPENING.match(chunk):
        if m.group("prep") and (found := dates.find_dates(chunk[:80])) and found[0].start <= m.start() + 1:
            # "Since 2010 the two governments have held ...": a date, then the main clause's subject and verb
            toks = _tokens(chunk, found[0].end)
            return any(_finite(toks, i) for i in range(1, len(toks)))
        return False
    toks = _tokens(chunk)
    if len(toks) > 1 and _ing_name(toks[0][1]) and _finite(toks, 1):
        return True  # "Kunming protested ...,": a name that ends like a participle, and its verb
    return any(_finite(toks, i) for i in range(3, len(toks)))


def _ing_name(word: str) -> bool:
    """Whether a capitalised word ending in -ing is a name (a place the gazetteer knows: "Nanjing",
    "Chongqing"), not a participle that opens a sentence ("Having", "Being", "Following", "According")."""
    if not (word[:1].isupper() and word.lower().endswith("ing")) or known_verb(word) or _SAYING.match(word.lower()):
        return False
    return gazetteer.lookup(word) is not None


def _comma_outside_quotes(text: str, k: int) -> int | None:
    depth = 0
    for i in range(k, len(text)):
        ch = text[i]
        if ch in "“(":
            depth += 1
        elif ch in "”)":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
        elif ch == "," and not depth:
            return i
    return None


# the word sets _finite and _reduced_relative test at every token, made once
_AUXILIARY = COPULA | MODALS | AUX_HAVE | FUTURE
_BEFORE_BASE_FORM = MODALS | FUTURE | COPULA | {"to", "be", "been"}
_NOUN_OPENERS = DETERMINERS | PREPOSITIONS
_OBJECT_OPENERS = DETERMINERS | {"into", "to", "on", "up"}
_PAST_NOT_PARTICIPLE = tense.IRREGULAR_PAST - tense.PARTICIPLES


def _finite(toks, i) -> bool:
    """Whether token ``i`` may be a finite verb (or the auxiliary of one)."""
    w = toks[i][1]
    low = w.lower()
    prev = toks[i - 1][1].lower() if i else ""
    nxt = toks[i + 1][1].lower() if i + 1 < len(toks) else ""
    if w[0].isupper() and i:
        return False
    if low in _AUXILIARY or low in ("did", "does", "do"):
        return True
    if prev in ("the", "a", "an", "its", "their", "his", "her", "to", "this", "that", "these", "of", "and"):
        return False
    if low in ("set", "put", "cut", "hit", "let") and prev not in _BEFORE_BASE_FORM \
            and nxt in ("the", "a", "an", "its", "their", "out", "up", "off", "aside"):
        return True  # "the strategy set the goal": a past form written as the base form
    if tense.past_form(w) or low in tense.IRREGULAR_PAST or low == "used" or (
            low.endswith("ed") and (_word_type(low) or _SAYING.match(low))):
        if (nxt == "by" and (low.endswith("ed") or low in tense.PARTICIPLES)) or prev.endswith(("’s", "'s")):
            return False  # "aircraft photographed by", "Japan's revised guidelines"
        return True
    if low.endswith("s") and (any(rx.match(low) for rx in _VERB_RES.values()) or _SAYING.match(low)
                              or _LIGHT.match(low)):
        return prev not in ("of", "for", "with", "in", "on", "at")
    if re.fullmatch(r"[a-z]{2,}[^s]s", low) and i and prev.isalpha() and prev not in _NOUN_OPENERS \
            and nxt in _OBJECT_OPENERS and not low.endswith(("ous", "ics", "ss", "ness")):
        return True  # a present form the lexicon does not list: "The exercise puts into practice"
    return False


def read(sentence: str) -> Reading:
    """The main clause of ``sentence`` and the type of the event it reports."""
    text = sentence
    attribution = None  # the last ", X said ..." of the sentence
    for m in ATTRIBUTION.finditer(text):
        who = m.group("who")
        if who[0].isupper() or who.lower().startswith(("the ", "a ", "an ")):
            attribution = (m.start("who"), m.end())
    start = _skip_fronted(text, 0)
    end = len(text)
    if re.match(r"\W*(?:if|unless|should|were)\b", text, re.I):
        return Reading(None, start=start, end=end)  # a condition: nothing has happened
    if attribution and attribution[0] > start:
        end = attribution[0]
    toks = _tokens(text, start, end)
    i = 0
    seen_subject = False
    while i < len(toks):
        w = toks[i][1]
        if w == "," and not any(_finite(toks, j) for j in range(i)):
            # a relative clause or an apposition between the subject and its verb
            j = next((j for j in range(i + 1, len(toks)) if toks[j][1] == ","), None)
            if j is not None and i + 1 < len(toks) and seen_subject and (
                    re.match(r"(?:who|whom|whose|which|where)\b", toks[i + 1][1].lower()) or (
                        RELATIVE.match(toks[i + 1][1].lower()) and not any(_finite(toks, k) for k in range(i + 1, j)))):
                i = j + 1
                continue
        if w in ("“", '"'):  # a quotation opening the sentence: its words are not the clause's verb
            j = next((j for j in range(i + 1, len(toks)) if toks[j][1] in ("”", '"')), None)
            if j is not None:
                i = j + 1
                continue
        if w[0].isalpha() and (not _finite(toks, i) or _reduced_relative(toks, i)):
            seen_subject = True
            i += 1
            continue
        if not w[0].isalpha():
            i += 1
            continue
        r = _classify(text, toks, i, start, end, attribution)
        if (r.type == "incident" or r.type == "visit" and _WITH_AFTER.match(text, r.verb_at + len(r.verb or ""))) \
                and own_drill(text, r):
            r.type = "exercise"  # "a Japanese destroyer sailed through the strait", "U.S. bombers flew with ASDF jets"
        elif r.type == "exercise" and others_passage(text, r):
            r.type = "incident"  # "Russian and Chinese patrol planes flew together": watched, not a drill of ours
        return _with_core(text, r)
    return Reading(None, start=start, end=end, attribution=attribution)


# The alliance's own forces, named as a subject ("a Japanese destroyer", "two U.S. bombers and six Air
# Self-Defense Force jets", "a Ground Self-Defense Force battery"): what they do themselves (sail through a
# strait, fly over the sea, fire missiles on a range) is training, not an incident; a subject that also
# names another state's forces ("a Chinese plane near Japanese islands") is not theirs. Only those acts
# (DRILL_ACTS), done by them (not "was buzzed by"), to no other state ("flew close to a Russian bomber"):
# what they saw of others ("spotted two Chinese warships"), a ramming or an intrusion stays an incident.
# The same acts by another state's forces ("Russian and Chinese patrol planes flew together") are
# an incident, unless their clause names an exercise; the alliance's own flying with each other ("U.S.
# bombers flew with ASDF fighters") a drill, not a visit.
_OWN = re.compile(r"\b(?:Japanese|Japan(?:’s|'s)|U\.S\.|American)\s+(?:[\w’'.-]+\s+){0,4}?(?:navy|army|air force|"
                  r"military|marines?|forces?|troops|battery|batteries|bombers?|fighters?|jets?|aircraft|planes?|"
                  r"destroyers?|frigates?|warships?|ships?|vessels?|submarines?|carriers?|cruisers?)\b|"
                  r"Self-Defen[cs]e Forces?|\b[GMA]?SDF\b", re.I)
_OTHERS = re.compile(r"\b(?:Chin(?:a|ese)|Russian?|North Korean?|DPRK|PLA|People’s Liberation|People's Liberation|"
                     r"Pyongyang|Beijing|Moscow|Soviet)\b", re.I)


# ... unless they answer someone else's act ("fired flares as a warning", "scrambled in response"): then
# theirs is part of that incident
RESPONSE = re.compile(r"\b(?:warnings?|in response|responded|responding|intercept(?:ed|ing)?|scrambled?)\b", re.I)


DRILL_ACTS = re.compile(r"(?:sail(?:ed|s)?|transit(?:ed|s)?|fl(?:ew|ies|own|y)|fired|fires|launch(?:ed|es)?)$", re.I)
PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be|get|got)\s+(?:\w+\s+)?$", re.I)


def own_forces(subject: str) -> bool:
    """Whether ``subject`` names Japan's or the United States' forces and no one else's."""
    return bool(_OWN.search(subject or "")) and not names_others(subject)


def names_others(words: str) -> bool:
    """Whether ``words`` name a state outside the alliance whose forces it watches (China, Russia, North Korea)."""
    return bool(_OTHERS.search(words or ""))


# Forces flying or sailing with others ("flew with ASDF fighters", "sailed alongside"): a drill they
# share, where "flew the minister to Darwin" is the minister's visit
_WITH_AFTER = re.compile(r"\s+(?:together\s+|jointly\s+)?(?:with|alongside)\b", re.I)


def others_passage(text: str, r: Reading) -> bool:
    """Whether ``r`` (of ``text``) tells the forces of a state outside the alliance flying or sailing
    (DRILL_ACTS), together or alone, in no exercise its clause names."""
    if r.verb_at is None or not DRILL_ACTS.match(r.verb or "") or not names_others(r.subject):
        return False
    return not PASSIVE.search(text, r.start, r.verb_at) and noun_type(text[r.verb_at:r.end]) != "exercise"


def own_drill(text: str, r: Reading) -> bool:
    """Whether ``r`` (of ``text``) tells Japan's or the U.S. forces doing a drill act themselves."""
    if r.verb_at is None or not DRILL_ACTS.match(r.verb or "") or not own_forces(r.subject):
        return False
    return not PASSIVE.search(text, r.start, r.verb_at) and not names_others(text[r.verb_at:r.end]) and \
        not RESPONSE.search(text, r.start, r.end)


CORE_BREAK = re.compile(r"[,;:—–(]|\b(?:that|which|who|whose|where|while|as|because|after|before|since|when|if|"
                        r"amid|following|including)\b")


def _with_core(text: str, r: Reading) -> Reading:
    """``r`` with the end of its core: the subject, the verb and its object up to the first
    clause break (who acts and on whom, not who is named in a relative or a reported clause);
    for a statement, the speaker."""
    if r.verb_at is None:
        return r
    if r.saying:
        r.core_end = r.verb_at
        return r
    at = r.verb_at + len(r.verb or "")
    m = CORE_BREAK.search(text, at, r.end)
    r.core_end = m.start() if m else r.end
    return r


def _reduced_relative(toks, i) -> bool:
    """A participle after its noun with a finite verb still to come: "Hackers linked to a foreign
    military gained access" (the verb is "gained")."""
    low = toks[i][1].lower()
    if not (i and (low.endswith("ed") or low in tense.PARTICIPLES) and low not in _PAST_NOT_PARTICIPLE):
        return False
    if toks[i - 1][1].lower() in _AUXILIARY:
        return False
    nxt = toks[i + 1][1].lower() if i + 1 < len(toks) else ""
    if nxt not in ("to", "by", "with", "from", "in", "on", "at", "for", "under"):
        return False
    for j in range(i + 2, len(toks)):
        if toks[j][1] in (",", ";", ":") or toks[j][1].lower() in ("that", "which", "who"):
            return False
        if _finite(toks, j) and toks[j - 2][1].lower() != "to":  # "to discuss extended deterrence": no verb
            return True
    return False


def _next_word(toks, i, skip=("also", "already", "not", "never", "just", "jointly", "formally", "officially",
                              "again", "further", "previously", "recently", "now", "then", "first", "finally",
                              "strongly", "repeatedly", "quickly", "immediately", "reportedly")):
    j = i + 1
    while j < len(toks) and toks[j][1].lower() in skip:
        j += 1
    return j


def _classify(text, toks, i, start, end, attribution) -> Reading:
    at, w = toks[i]
    low = w.lower()
    subject = text[start:at].strip(" ,")
    base = dict(verb=w, verb_at=at, start=start, end=end, subject=subject, attribution=attribution)
    negated = any(toks[k][1].lower() in NEGATION for k in range(i + 1, min(i + 3, len(toks))))
    if low in MODALS:
        return Reading(None, **base)
    if low in ("did", "does", "do"):
        if negated:
            return Reading(None, **base)
        j = _next_word(toks, i)
        return _classify(text, toks, j, start, end, attribution) if j < len(toks) else Reading(None, **base)
    if low in FUTURE or low in AUX_HAVE:
        j = _next_word(toks, i)
        if j < len(toks) and (toks[j][1].lower() in COPULA or toks[j][1].lower() == "been"):
            return _copula(text, toks, j, base)
        if (low in AUX_HAVE and j < len(toks) and toks[j][1].lower() == "to") or \
                (j + 1 < len(toks) and toks[j][1].lower() in AUX_HAVE and toks[j + 1][1].lower() == "to"):
            return Reading(None, **base)  # "has to", "will have to": an obligation
        if j < len(toks) and toks[j][1][0].isalpha() and not (low == "had" and toks[j][1].lower() in
                                                               ("a", "an", "the", "its", "their", "talks")):
            return _verb(text, toks, j, dict(base, perfect=low in ("has", "have")))
        return _verb(text, toks, i, base)
    if low in COPULA:
        return _copula(text, toks, i, base)
    return _verb(text, toks, i, base)


def _copula(text, toks, i, base) -> Reading:
    j = _next_word(toks, i)
    if j < len(toks):
        nxt = toks[j][1]
        if tense.past_form(nxt) or nxt.lower() in tense.PARTICIPLES or re.fullmatch(r"[a-z]{3,}(?:ed|ing)", nxt):
            return _verb(text, toks, j, base)  # a passive ("was signed") or a progressive ("have been operating")
    # "It was the first meeting between ...": an event told again; else a description
    pred_end = next((k for k in range(i + 1, len(toks)) if toks[k][1] in (",", ";", ":")
                     or toks[k][1].lower() in ("between", "since", "that", "which", "who", "after", "before",
                                               "than", "of", "by", "in", "on", "for")), len(toks))
    pred = text[toks[i][0] + len(toks[i][1]):toks[pred_end][0] if pred_end < len(toks) else base["end"]]
    kind = noun_type(pred)
    if kind is not None and re.match(r"\s*(?:the|its|their|a|an)\s", pred) and kind not in ("policy", "report"):
        return Reading(kind, anaphoric=True, **base)
    return Reading(None, **base)


def _object(toks, i) -> str:
    """The words after the verb at token ``i`` up to the clause's next break."""
    j = i + 1
    words = []
    while j < len(toks) and (toks[j][1] not in (",", ";", ":") or  # "the Hwasong-19, a new missile": an apposition
                             toks[j][1] == "," and j + 1 < len(toks) and toks[j + 1][1] in ("a", "an")) and \
            toks[j][1].lower() not in (
            "that", "which", "who", "after", "before", "since", "when", "while", "because", "so"):
        words.append(toks[j][1])
        j += 1
        if len(words) >= 12:
            break
    return " ".join(words)


# a subject that is a unit of armed forces: its movements are deployments
UNIT = re.compile(r"\b(?:USS|HMS|JS|carriers?|destroyers?|frigates?|cruisers?|warships?|ships?|vessels?|submarines?|"
                  r"squadrons?|battalions?|brigades?|regiments?|units?|troops|forces|fleet|Marines|soldiers|sailors|"
                  r"airmen|personnel)\b")
MOVED = frozenset("moved moves".split())
# "activated" sets up a body only when a unit or a formation is activated, not a system or an alarm
ACTIVATED = frozenset("activated activates reactivated reactivates".split())
BODY = re.compile(r"\b(?:regiments?|brigades?|squadrons?|battalions?|fleets?|divisions?|wings?|groups?|units?|"
                  r"commands?|headquarters|corps|forces?|agenc(?:y|ies))$", re.I)  # a deployment only when forces move (their subject or object)
ARRIVE = frozenset(("arrived", "arrives"))
# a station said of the unit that arrives, not of the place it arrives at ("Yokosuka, home port of
# the fleet", "where the Marines are based"): "becoming (once again) the forward-deployed carrier",
# "to be based there", "where it will be stationed", "its new home port"
_STATION = r"(?:forward-deployed|deployed|stationed|based|home-?ported)"
STATIONED = re.compile(rf"\b(?:becoming\s+(?:[\w’'-]+\s+){{0,3}}?{_STATION}|to\s+be\s+(?:permanently\s+)?{_STATION}|"
                       rf"where\s+(?:it|they|she)\s+(?:(?:will|would|is|are|was|were|has|have)\s+)?(?:been\s+|be\s+)?"
                       rf"(?:permanently\s+)?{_STATION}|(?:its|their)\s+(?:new\s+)?home\s?port)\b", re.I)
CHOOSE = frozenset("choose chooses chose chosen elect elects pick picks picked select selects selected name "
                   "names named".split())
# an act that stops a decision (a deal, a bill, a nomination), not a road or a ship
BLOCK = frozenset("blocked blocks vetoed vetoes".split())
DECISION = re.compile(r"(?:[\w’'-]+\s+){0,3}?(?:deals?|mergers?|acquisitions?|takeovers?|purchases?|sales?|bids?|"
                      r"bills?|laws?|legislation|resolutions?|nominations?|appointments?|proposals?|measures?|"
                      r"budgets?|transfers?|investments?|contracts?|exports?)\b", re.I)
COMMIT = frozenset("committed commits".split())
# verbs of a phase of an act, whose gerund or infinitive names the act ("began moving", "resumed patrols")
ASPECTUAL = frozenset("began begins begun started starts resumed resumes continued continues".split())
# a pledge: "committed to invest", "committed to building", "committed $2 billion to"
PLEDGE = re.compile(r"to\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|our)\b)[a-z]+(?:ing\b|\s+(?:the|a|an|its|"
                    r"their|his|her|our|about|some|up|more|new|nearly|roughly|at least|[$¥€£\d]))|"
                    r"(?:(?:about|some|nearly|roughly|almost|over|more than|up to|an additional|another)\s+)?"
                    r"(?:[$¥€£]|US\$)?\s?\d[\d,.]*\s*(?:billion|million|trillion|bn)\b(?:\s+[\w-]+){0,3}?\s+to\b", re.I)
PLANS = frozenset("plans planned plan intends intended intend aims aimed".split())
# verbs of winning or losing whose object may be an election's result (seats, a majority, a term)
ELECTION_VERBS = frozenset("""won wins took takes gained gains lost loses secured secures captured captures kept
keeps retained retains""".split())
ELECTION_RESULT = re.compile(r"\b(?:election|race|vote|majority|seats?|leadership|(?:second|third|fourth|new) term|"
                             r"mandate)\b", re.I)
REFUSE = frozenset("declined declines refused refuses".split())


def _election_result(obj: str) -> bool:
    """Whether the head of ``obj`` is an election's result ("191 seats", "its majority", "the LDP
    leadership race"), not a word further on ("her promise to call a snap election", "steps to secure
    a majority") nor a race to do something ("the race to build submarines")."""
    words = _head(obj)
    if not words or not ELECTION_RESULT.search(" ".join(words)):
        return False
    rest = obj[:200].split(words[-1], 1)[1]
    return not re.match(r"\s+to\s+[a-z]+\b(?<!ing)", rest) or bool(re.match(r"\s+to\s+[A-Z]", rest))
REQUEST = frozenset("asked asks wanted wants pressed presses requested requests".split())
# a missile fired at a target (an attack), not into the sea (a test)
# a target is a noun phrase, not a time ("at dawn", "at around 7 a.m.", "into the night")
TIME_WORD = (r"\d|(?:dawn|daybreak|sunrise|sunset|dusk|noon|midday|midnight|night|nightfall|morning|evening|"
             r"afternoon|around|about|approximately|roughly|some|least|once|first|last|(?:the\s+)?(?:same\s+)?time|"
             r"the\s+(?:weekend|end|start|beginning|night|time)|(?:the\s+)?early\s+hours)\b")
TARGETED = re.compile(rf"\b(?:at|toward|towards|into)\s+(?!{TIME_WORD})(?!(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
                      r"(?:sea|ocean|waters|zone)\b)", re.I)
CONCRETE = frozenset(["meeting", "visit", "call", "agreement", "exercise", "incident", "attack", "deployment"])
# what is fired or launched in a launch or a test (an incident) or at a target (an attack)
MISSILES = (r"missiles?|rockets?|shells?|projectiles?|warheads?|[IMS]RBMs?|ICBMs?|SLBMs?|"
            r"(?:hypersonic\s+)?glide\s+vehicles?|hypersonic\s+(?:missiles?|weapons?)")
_MISSILE = re.compile(rf"(?:{MISSILES})", re.I)
# a person given, kept in or leaving an office "as <office>": a verb of appointment or of leaving or
# keeping an office, "as" right after its object ("named X as foreign minister", "kept him as defense
# minister") or after its particle ("stepped down as prime minister", "took over as secretary")
AS_OFFICE_VERBS = frozenset("""named names appointed appoints reappointed reappoints installed installs kept keeps
retained retains tapped taps picked picks chose chooses chosen selected selects nominated nominates confirmed
confirms elected elects reelected re-elected resigned resigns succeeded succeeds replaced replaces""".split())
AS_OFFICE_PARTICLE = {"brought": ("back",), "brings": ("back",), "stepped": ("down", "aside"), "steps": ("down", "aside"),
                      "took": ("over", "command"), "takes": ("over", "command")}  # "brought X back as", "took over as"
_AS_OFFICE = re.compile(rf"as\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w’'-]+\s+){{0,3}}?"
                        rf"(?:{OFFICES}|advis[eo]r|envoy|spokes(?:man|woman|person)|director|administrator|"
                        r"commissioner|coordinator|representative)\b", re.I)


def _as_office(low: str, obj: str) -> bool:
    """Whether ``obj``, what follows the verb ``low``, gives its object an office "as <office>": at most
    three words of object (a name, a pronoun) between, none of them a verb or "to" ("took questions
    as", "chose to attend ... as" are no appointment)."""
    words = obj.split()[:6]
    particles = AS_OFFICE_PARTICLE.get(low)
    if particles is None and low not in AS_OFFICE_VERBS:
        return False
    particle = next((w for w in words[:4] if w.lower() in particles), None) if particles else None
    if particles and particle is None:
        return False
    k = next((n for n, w in enumerate(words) if w.lower() == "as"), None)
    if k is None or k > 3 + (particle is not None):
        return False
    between = [w for w in words[:k] if w != particle]
    if between and not any(w[:1].isupper() or w.lower() in ("him", "her", "them", "himself", "herself")
                           for w in between):
        return False  # the object is a person: a name or a pronoun ("kept a low profile as" is none)
    if any(w.lower() == "to" or (w.islower() and (tense.past_form(w) or known_verb(w) or w.endswith("ing")))
           for w in between):
        return False
    return _AS_OFFICE.match(" ".join(obj.split()[k:k + 8])) is not None and \
        not re.match(r"(?:[\w’'-]+\s+){0,2}?(?:role|status|position|place|standing)\b", obj, re.I)


# what ends the noun phrase of a verb's object, after its head: a preposition, a relative, a participle
_AFTER_HEAD = PREPOSITIONS | frozenset("""that which who whose and or as than toward towards near off across along
after before during under within against via amid inside outside past around near between beyond""".split())
QUANTITY = frozenset("barrage salvo volley series number pair couple total dozens".split())  # "a barrage of X"
BUDGET_HEADS = frozenset("request requests bill bills plan plans proposal proposals package".split())


def _head(obj: str) -> list[str]:
    """The words of the noun phrase ``obj`` opens, up to its head ("a review of its missile plans" ->
    [a, review]; "a barrage of ballistic missiles" -> [ballistic, missiles]): what the verb acts on."""
    # "approved and will submit the budget": the object the two verbs share
    obj = re.sub(r"^(?:and|or)\s+(?:(?:will|would|shall|can|could|may|then|later)\s+)?[a-z]+\s+", "", obj[:200])
    words = re.findall(r"\d+(?:[.,]\d+)*|[\w’'-]+|[^\w\s]", obj)  # "8.7 trillion yen": one word
    out = []
    for n, w in enumerate(words):
        low = w.lower()
        if low == "of" and out and out[-1].lower() in QUANTITY:
            out = []
            continue
        if not re.match(r"[\w’'-]", w) or low in _AFTER_HEAD or (out and w.islower() and low.endswith("ing")) or \
                (out and low in DETERMINERS):  # "a cruise missile the next day": a new noun phrase
            break
        out.append(w)
    return out


def head_is(obj: str, rx) -> bool:
    """Whether the head of the object ``obj`` (its last one to three words), or of the noun phrase in
    apposition to it ("their newest weapon, a short-range missile,"), is what ``rx`` matches."""
    words = _head(obj)
    heads = [words]
    rest = obj[:200].split(words[-1], 1)[1].lstrip() if words else ""
    if rest.startswith(","):
        heads.append(_head(rest[1:].lstrip()))
    return any(rx.fullmatch(" ".join(w[-k:])) for w in heads for k in (1, 2, 3) if len(w) >= k)


_BUDGET = re.compile(NOUNS["budget"], re.I)


def _budget_object(obj: str) -> bool:
    """Whether the object's head is a budget ("a record defense budget", "a defense budget request"),
    not a budget named inside it ("a resolution criticizing the budget", "cuts in the defense budget")."""
    words = _head(obj)
    return bool(words) and (_BUDGET.fullmatch(words[-1]) is not None or (
        len(words) > 1 and words[-1].lower() in BUDGET_HEADS and _BUDGET.fullmatch(words[-2]) is not None))


# a generic approval whose object is a budget ("approved a record defense budget"): the object says
APPROVE = frozenset("""approved approves passed passes adopted adopts endorsed endorses cleared clears enacted
enacts compiled compiles submitted submits""".split())


def _verb(text, toks, i, base) -> Reading:
    """The reading of the verb at token ``i``; a choice or an unknown verb joined by "and" to a
    concrete act takes the act's type ("chose Tokyo for his first visit, and held a summit")."""
    r = _verb_alone(text, toks, i, base)
    if r.type == "visit" and arrived_at_station(text, r) and UNIT.search(base["subject"]):
        return Reading("deployment", **dict(base, verb=r.verb, verb_at=r.verb_at))  # arrived at its new station
    if r.type in ("announcement", "other") and not r.saying:
        for j in range(i + 2, len(toks)):
            if toks[j][1] in (";", ":"):
                break
            if toks[j - 1][1].lower() == "and" and toks[j][1].islower() and tense.past_form(toks[j][1]):
                other = _verb_alone(text, toks, j, base)
                if other.type in CONCRETE:
                    return other
                break
    return r


def arrived_at_station(text: str, r: Reading) -> bool:
    """Whether ``r`` reads an arrival ("arrived") whose clause says the one who arrived is to be
    stationed there ("becoming the forward-deployed carrier", "where it will be based"): a
    deployment, when a unit or a vessel arrives."""
    return (r.verb or "").lower() in ARRIVE and r.verb_at is not None and \
        bool(STATIONED.search(text, r.verb_at, r.end or len(text)))


# "the first Japanese prime minister to address ...", "the only envoy to visit ...": a record the act of the
# infinitive sets, which is the event (an office held, "to hold the post", "to serve as", is the appointment
# rule's, after it)
RECORD_SET = re.compile(r"(?:the\s+)?(?:first|second|third|only|last|latest|youngest|oldest)\s+"
                        r"(?:[\w’'-]+\s+){0,4}?(?P<act>to\s+(?!(?:hold|take|assume|serve|lead|head)\b)[a-z]+\b"
                        r"(?!\s+(?:the\s+|that\s+|this\s+|a\s+)?(?:post|office|seat|position|role|job)\b).*)",
                        re.I | re.S)
ADDRESSED = {"addressed", "addresses"}
# whom one addresses, which makes it a speech: a body or a crowd ("addressed Congress", "addressed the troops")
AUDIENCE = re.compile(r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w’'-]+\s+){0,3}?"
                      r"(?:Congress|parliament|Diet|legislature|assembly|session|nation|people|troops|sailors|"
                      r"soldiers|crew|reporters|journalists|press|students|audience|rally|crowd|conference|forum|"
                      r"lawmakers|delegates|graduates|cadets|supporters)\b", re.I)


# Several parties who confirm, affirm or decide a course still to come have agreed on it: a readout's
# "the two ministers confirmed that they would ...", "they decided to ...", "X and Y had confirmed the
# plan". Their subject names several parties: two names joined by "and", a noun of parties in the plural
# (a closed class: "the defense ministers", "both sides"; not any word spelt with a final -s: "the United
# States", "the authorities", "the Marines" are one party), or "they"/"both" that refer back to such. The
# course is the verb's own complement: "that they would <verb>", "to <verb>", "their intention to",
# "the plan"; a fact confirmed ("confirmed that Article 5 applies", "that the missile would have
# landed"), a commitment reaffirmed and one party's words are no agreement, nor, as a tie-break between
# the sets' gold, is a practice kept up ("would continue to meet").
PARTY_NOUNS = (r"(?:ministers|secretaries|leaders|premiers|presidents|envoys|sides|governments|countries|"
               r"nations|allies|partners|delegations|parties)")
JOINT_SUBJECT = re.compile(r"^\W*(?:(?i:the|both|all)\s+(?:(?:two|three|four|five|six|seven|\d)\s+)?(?:[\w’'.-]+\s+){0,2}?"
                           r"(?i:" + PARTY_NOUNS + r")|(?i:they|both(?:\s+sides)?)|[A-Z][^,;]*?\s+and\s+(?:[\w’'.-]+\s+){0,4}?[A-Z][\w’'.-]*)"
                           r"(?:\s+(?:also|jointly|further|then|had|have))*\s*$")
JOINT_VERBS = frozenset("confirmed confirm affirmed affirm decided decide".split())
# "would continue to meet": a practice kept up, restated as a reaffirmation is, no new course agreed
KEPT_UP = re.compile(r"\bcontinue\b", re.I)
# the course, right after the verb: "that they (both) would/will <verb>" (the parties themselves, not
# "would have"), "to <verb>" (not "to reporters", "to the press"), "their intention to", "the plan"
_TO_VERB = (r"to\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|each|all|both|reporters|journalists|"
            r"the press|media|lawmakers)\b)[a-z]+\b")
COURSE_TO_COME = re.compile(
    r"\s*(?:that\s+(?:they|both(?:\s+(?:sides|countries))?|we|the\s+(?:two\s+|three\s+)?(?:[\w’'-]+\s+)?" + PARTY_NOUNS +
    r")(?:\s+(?:both|also|jointly|further|would|will|shall))*?\s+(?:would|will|shall)\s+(?:[a-z]+ly\s+|not\s+|also\s+)?"
    r"(?!have\b|be\s+able\b)[a-z]+|" + _TO_VERB +
    r"|(?:their|the)\s+(?:[\w’'-]+\s+)?(?:intentions?|plans?|resolve)\b(?!\s+of\b))", re.I)


def joint_commitment(verb: str | None, subject: str, rest: str) -> bool:
    """Whether ``subject`` (several parties) commits with ``verb`` to a course still to come, told in
    ``rest`` (the words after the verb, up to the clause's end): an agreement."""
    low = (verb or "").lower()
    if low not in JOINT_VERBS or not JOINT_SUBJECT.match(subject or ""):
        return False
    m = COURSE_TO_COME.match(rest)
    return m is not None and not KEPT_UP.search(rest[m.start():m.end() + 60])


def _verb_alone(text, toks, i, base) -> Reading:
    w = toks[i][1]
    low = w.lower()
    base = dict(base, verb=w, verb_at=toks[i][0])
    obj = _object(toks, i)
    if joint_commitment(low, base["subject"], text[toks[i][0] + len(w):base["end"]]):
        return Reading("agreement", **base)  # "the two ministers confirmed that they would meet again"
    if low in ("discussed", "discusses", "said", "says", "stated", "confirmed") and \
            re.search(r"^[^;:]*?\band (?:also |then |later )?(?:agreed|signed|concluded|concurred)\b",
                      text[toks[i][0]:base["end"]]):
        return Reading("agreement", **base)  # "discussed ... and agreed to accelerate": what came of the talks
    if low in ("became", "become", "becomes") and (m := RECORD_SET.match(obj)) and \
            (r := complement_type(m.group("act"), base["subject"])) is not None:
        return Reading(r.type, saying=r.saying, **base)  # "became the first premier to address Congress": the address
    if low in ("became", "become", "becomes") and re.match(rf"(?:[\w’'-]+\s+){{0,3}}?(?:the\s+)?(?:first\s+)?"
                                                          rf"(?:[\w’'-]+\s+)?(?:{OFFICES})\b", obj, re.I):
        return Reading("appointment", **base)
    if _as_office(low, obj):
        return Reading("appointment", **base)  # "named X as foreign minister", "stepped down as prime minister"
    if low in ASPECTUAL and (r := complement_type(obj, base["subject"])) is not None:
        return Reading(r.type, saying=r.saying, **base)  # "began deploying missiles": the deployment
    if low in ASPECTUAL and (kind := _head_noun_type(base["subject"])) in CONCRETE:
        return Reading(kind, **base)  # "the drills began on Monday": the drills are the event
    if low in APPROVE and _budget_object(obj):
        return Reading("budget", **base)  # "approved a record defense budget": the budget, not any approval
    if low in CHOOSE and re.match(rf"(?:[\w’'-]+\s+){{0,3}}?(?:{OFFICES})\b", obj, re.I):
        return Reading("appointment", **base)  # "picked the governor's successor", "elected a new leader"
    if low in BLOCK:  # "vetoed the takeover": a decision stopped; "blocked the road": no act the lexicon types
        return Reading("policy" if DECISION.match(obj) else "other", **base)
    if low in COMMIT:  # a pledge ("committed to invest"), not "committed suicide" or "committed acts of aggression"
        return Reading("announcement" if PLEDGE.match(obj) else "other", **base)
    if low in ("signed", "signs") and re.match(r"(?:[\w’'-]+\s+){0,3}?(?:order|decree|law|bill|directive)s?\b|into law",
                                             obj, re.I):
        return Reading("policy", **base)  # "signed an executive order", not a pact
    catenative = re.match(r"(?:[\w’'-]+\s+){0,3}?to (\w+)", obj) if low in REFUSE | REQUEST else None
    if catenative and (low in REQUEST or _SAYING.match(catenative.group(1)) or
                       re.fullmatch(r"comment|confirm|say|elaborate|discuss|answer|respond|specify|disclose",
                                    catenative.group(1))):
        # "declined to confirm the transit", "wanted Japan to pay more": words said, a statement
        return Reading("statement", saying=True, **base)
    if low in ("left", "leaves", "departed", "departs") and UNIT.search(base["subject"]):
        return Reading("deployment", **base)  # "the carrier, which left Yokosuka in May": forces moved
    if low in ("took", "take", "takes", "taking") and re.match(r"(?:office|power|the oath|charge)\b", obj, re.I):
        return Reading("appointment", **base)
    if low in ("took", "take", "takes") and re.match(r"effect\b", obj, re.I):
        return Reading("policy", **base)
    if low in ("entered", "enters", "came", "comes") and re.match(r"into (?:force|effect)\b", obj, re.I):
        return Reading("agreement" if low.startswith("enter") else "policy", **base)
    if low in ("stood", "stand", "stands") and re.match(r"up\b", obj):
        return Reading("policy", **base)
    if low in ("spoke", "speaks", "talked") and re.match(r"(?:\w+\s+){0,3}?(?:by|over the) (?:tele)?phone\b", obj, re.I):
        return Reading("call", **base)
    if low == "called":
        if re.match(r"(?:[A-Z][\w.’'-]*\s+){2,}", obj) and not re.search(r"[“\"]", obj):
            return Reading("call", **base)
        if re.match(r"for\b", obj):
            return Reading("statement", saying=True, **base)
    if low in ("flew", "flies", "sailed", "sails", "patrolled") and re.match(r"(?:\w+\s+){0,3}?(?:together|jointly)\b",
                                                                         obj, re.I):
        return Reading("exercise", **base)  # "flew bombers together toward Tokyo": a joint flight
    if low in ("flew", "flies") and re.match(r"(?:\w+\s+){0,2}?(?:close to|near|along|over|around|into)\b", obj, re.I):
        return Reading("incident", **base)
    if low.startswith("operat") and re.match(r"(?:\w+\s+){0,2}?(?:simultaneously|together|jointly)\b", obj, re.I):
        return Reading("exercise", **base)
    if low in ("exchanged", "exchange", "exchanges") and re.match(r"(?:\w+\s+)?(?:views|opinions)\b", obj, re.I):
        return Reading("meeting", **base)
    if low in ("discussed", "discusses"):
        return Reading("meeting", **base)
    if low in ("makes", "made", "make") and re.match(r"(?:\w+\s+)?sense\b", obj, re.I):
        return Reading(None, **base)  # "it makes sense to": advice, no event
    if low in ("wrapped", "wraps") and re.search(r"\bvisit|trip|tour\b", obj, re.I):
        return Reading("visit", **base)
    if low in ("won", "wins") and ELECTION_RESULT.search(obj) or low in ELECTION_VERBS and _election_result(obj):
        return Reading("appointment", **base)  # "took 17 seats", "lost its majority": an election's result
    # a passive's subject is what was acted on ("the missile was launched"), an active verb's object
    k = i - 1  # back over adverbs to the auxiliary ("was also launched", "were reportedly fired")
    while k > 0 and (toks[k][1].lower().endswith("ly") or toks[k][1].lower() in ("also", "then", "again", "later")):
        k -= 1
    patient = base["subject"] if i and toks[k][1].lower() in COPULA | {"been"} else obj
    if (low in ("fired", "fires", "launched", "launches") or low.startswith("test-")) and \
            head_is(patient, _MISSILE):
        # at a target an attack; into the sea, or nowhere said, a launch (a test)
        return Reading("attack" if TARGETED.search(obj) else "incident", **base)
    if low in ("launched", "launches", "unveiled") and re.match(r"(?:the |a |an )?(?:[A-Z][\w-]*\s+)+[A-Z]", obj):
        return Reading("announcement", **base)  # "launched the Harbor Health Initiative": a programme named
    if low in ("set", "sets") and re.match(r"(?:up|out)\b", obj, re.I) is None and \
            re.match(r"(?:the|a|an|its)\s+(?:\w+\s+)?(?:goal|target|aim)", obj, re.I):
        return Reading("policy", **base)
    # "used the drills to rehearse", "plans to revise its strategy": the act the verb is for
    purpose = re.search(r"\bto (\w+)", obj) if low in ("used", "uses") else \
        re.match(r"to (\w+)", obj) if low in PLANS else None
    if purpose:
        inner = purpose.group(1)
        t = _word_type(inner + ("d" if inner.endswith("e") else "ed"))
        if t == "policy" or t and low in ("used", "uses"):
            return Reading(t, **base)
    if low in ADDRESSED and AUDIENCE.match(obj):
        return Reading("statement", saying=True, **base)  # "addressed the Diet"; "addressed the shortage" is no speech
    if _SAYING.match(low):
        if PLAN.search(text[toks[i][0]:base["end"]]) and low in ("stated", "said", "says", "told", "declared",
                                                                 "confirmed", "explained"):
            return Reading("announcement", saying=True, **base)  # "stated that Japan intends to raise"
        return Reading("statement", saying=True, **base)
    if _LIGHT.match(low):
        kind = noun_type(obj)
        if kind is not None:
            if kind == "policy" and low in ("held", "hold", "holds", "had"):
                kind = None
            if kind:
                return Reading(kind, **base)
    moved = _head(obj)  # what is moved: forces ("troops", "a battery"), or nothing deployed
    # the head noun, not a modifier ("the defence personnel bill" is a bill)
    forces = bool(moved) and bool(UNIT.fullmatch(moved[-1]) or UNIT.fullmatch(moved[0]))
    if low in MOVED and not (UNIT.search(base["subject"]) or forces or noun_type(" ".join(moved)) == "deployment"):
        t = None  # "moved fast on digital reform", "moved to tighten rules"
    elif low in ACTIVATED and not BODY.search(" ".join(_head(patient))):
        t = None  # "J-Alert was activated", "the coast guard was activated to search": no body set up
    else:
        t = _word_type(low)
    if t is not None:
        if t == "incident" and low in ("entered", "crossed", "gained", "approached", "fired") and \
                not re.search(r"\b(?:airspace|waters|zone|territor\w*|access|networks?|systems?|flares|"
                              r"shots|warning)\b", obj, re.I):
            t = noun_type(obj)
        if t:
            return Reading(t, **base)
    kind = noun_type(re.split(r"\b(?:to|and|but|or)\b", obj)[0])  # "scrambled to intercept it and issued ..."
    if kind is not None:
        return Reading(kind, **base)
    if low in ("held", "hold", "holds", "hosted", "hosts"):
        return Reading("meeting", **base)
    if low in ("published", "released", "issued"):
        return Reading("report", **base)
    return Reading("other", **base)


# the past forms of the irregular verbs a gerund or an infinitive names ("taking office" is read as
# "took office"); a regular verb's past is its base with -ed or -d
IRREGULAR_BASE = {"take": "took", "hold": "held", "meet": "met", "make": "made", "bring": "brought", "send": "sent",
                  "fly": "flew", "leave": "left", "win": "won", "begin": "began", "give": "gave", "fight": "fought",
                  "strike": "struck", "lead": "led", "become": "became", "choose": "chose", "speak": "spoke",
                  "tell": "told", "say": "said", "shoot": "shot", "sell": "sold", "buy": "bought", "build": "built",
                  "stand": "stood", "withdraw": "withdrew", "keep": "kept", "see": "saw", "come": "came"}


def past_of(word: str) -> str | None:
    """The past form the lexicon knows of a gerund ("deploying" -> "deployed", "taking" -> "took",
    "winning" -> "won") or of a base form ("impose" -> "imposed"); None when it knows none."""
    low = word.lower()
    if low.endswith("ing") and len(low) > 5:
        stem = low[:-3]
        bases = [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
    else:
        bases = [low]
    for b in bases:
        for past in (IRREGULAR_BASE.get(b), b + "ed", b + "d", b[:-1] + "ied" if b.endswith("y") else None):
            if past and known_verb(past):
                return past
    return None


def complement_type(words: str, subject: str = "") -> "Reading | None":
    """The reading of a verb's complement that is a gerund or an infinitive ("moving to Guam",
    "to deploy the launcher"), its verb read as a past form of ``subject`` (the aspectual verb's:
    "Marines began moving" is read "Marines moved"): the act an aspectual verb ("began", "resumed")
    or a preposition ("since taking office") introduces; None when the lexicon types none."""
    m = re.match(r"(to\s+)?([a-z]+)\b", words)
    if m is None or not (m.group(1) or m.group(2).endswith("ing")):
        return None
    past = past_of(m.group(2))
    if past is None:
        return None
    lead = f"{subject} " if subject else ""
    r = read(lead + past + words[m.end():])
    return r if r.verb_at == len(lead) and r.type not in (None, "other") else None


def known_verb(word: str | None) -> bool:
    """Whether the lexicon knows ``word`` as a verb (of an event type, of saying, or a light verb)."""
    low = (word or "").lower()
    return bool(_word_type(low) or _SAYING.match(low) or _LIGHT.match(low) or low in BLOCK | COMMIT | ADDRESSED)


def _word_type(low: str) -> str | None:
    for t, rx in _VERB_RES.items():
        if rx.match(low):
            return t
    return None
