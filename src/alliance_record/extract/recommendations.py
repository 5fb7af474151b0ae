"""Recommendations: sentences that prescribe rather than describe.

:func:`find_candidates` flags *candidate* recommendations in any text — a sentence with a
prescriptive modal or an imperative — with a ``strength`` and a ``score`` so that a caller can
rank them or pick a threshold. It says nothing about who should act; that is for a later stage.

Cues (matched case-insensitively; the cue span is the modal phrase itself, or the whole
construction for ``the urgency … has never been greater`` and ``without X, Y cannot``)
--------------------------------------------------------------------------------------
* **must**: ``must`` / ``must not``; ``has to`` / ``have to`` / ``will have to``; ``it is
  imperative / essential / vital / necessary / critical / crucial (for X) to``; ``requires`` /
  ``will require`` / ``is required to``; ``cannot afford to``; an action that ``is (also)
  critical / essential / vital / crucial / imperative / indispensable / key`` (``Managing
  expectations is critical``, ``Public diplomacy … is also critical``: see *action subjects*);
  a necessary condition, ``without X, Y cannot …`` (``without sustained support from
  Washington, Japan cannot deter …``).
* **should**: ``should`` / ``should not``; ``ought to``; ``need(s) to`` / ``will need to``;
  ``… is / are needed`` (``more efforts are needed``); ``it is important / advisable / time (for
  X) to`` or ``that``; ``we recommend`` / ``recommends that`` / ``it is recommended``; ``would do well to``;
  ``we need``; ``there is a need to / for``; ``underscores / highlights / shows … the necessity
  (need) of / for / to``; ``the urgency (need, necessity, importance) … has never been greater``
  and ``… is more urgent than ever``; an action that ``is the (only / best / surest) path / way /
  route / key / answer / solution`` (``forging … and further strengthening … is the path``;
  the subject must open with a gerund); an imperative verb opening the sentence (``Act or
  react, take the initiative …``, ``Ensure …``).
* **could**: ``could`` + a verb of benefit (``could present``, ``could help``, ``could serve``,
  ``could be used``…); ``might be one idea / option / way``; ``may / might want to``; ``one
  option would be``; ``it would be useful / helpful / worthwhile``; ``X has / have a (historic,
  rare …) opportunity / chance to``.

Action subjects. ``… is critical`` and ``… is the path`` prescribe only when what is critical
is something to do. The subject is read back from the copula to the start of its clause (the
sentence start, or the last comma, semicolon, colon, dash or ``that``): it must open with a
gerund (``Managing``, ``Responding``, ``forging``), or — for ``is critical`` and its kin — have a
nominalised head (``-tion``, ``-sion``, ``-ment``, ``-ance``, ``-ence``, ``-acy``, ``-ing``: ``Public
diplomacy in the United States``, ``Coordination between …``), and must not open with a
pronoun or demonstrative (``This collaboration is critical at a time …`` describes; so does
``Japan’s role … is indispensable``: ``role`` is no action). A relative clause (``capabilities
that are critical``) has no subject of its own and is skipped; so are past and future forms
(``was critical``, ``will be critical``).

Not prescriptive, and skipped:

* past and epistemic forms: ``had to``, ``needed to``, ``must have (been)``, ``should have``,
  ``could have``, ``could not``;
* ``has to date`` / ``have to do with``;
* ``the need to`` (a noun, after a determiner or adjective);
* ``could`` in a relative clause (``which could``, ``that could``) or before any verb that is not
  in the list of benefit verbs (``a confrontation could ensue``, ``could be challenging``);
* conditional inversion: a sentence or clause opening with ``Should`` (``Should the PRC object,
  …``), and ``should`` after ``if`` / ``unless`` / ``in case`` in the same clause;
* ``it was crucial for Japan to …`` (past: the pattern wants ``is`` / ``remains`` / ``will be``);
* ``had an opportunity``, ``underscored the need`` (past: a report of what was, not advice), and
  ``without a doubt / question / exception …``;
* questions (the sentence ends with ``?``).

One candidate per sentence: when a sentence has several cues the strongest wins (must >
should > could; the first of equals). ``negated`` is True for ``must not`` / ``should not``.

Score
-----
``must`` 0.5, ``should`` 0.45, ``could`` 0.25, plus 0.3 when ``heading`` reads like a
recommendations section (Recommendations, Challenges … & Recommendations, Further Work, Areas
for Further Discussion, Conclusion, Policy Implications, Way Forward, Next Steps…), plus 0.15
for a sentence that opens an enumeration (``First,``, ``Second,``, ``Third,`` … ``Finally,``),
minus 0.2 when the cue looks like part of a title: a line without final punctuation and mostly
capitalised words (a headline such as "Japan Must Further Strengthen Alliance"), or a modal
capitalised in mid-sentence before another capitalised word (a quoted title: "… Allies Must Be
Ready to Deter …"). Cues inside
URLs are ignored. Clamped to [0, 1] and rounded to 2 places.
``reason`` lists what contributed.

Sentences
---------
Pass ``sentences`` — ``(start, end)`` ranges into ``text``, such as the pipeline's syntok
sentences — to use them. Otherwise the text is split by
:func:`alliance_record.extract._text.simple_sentence_bounds`: at blank lines, and after
``.``/``!``/``?`` followed by whitespace and a capital letter or digit (not after "U.S.",
"Mr." and other abbreviations).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from ._text import simple_sentence_bounds


@dataclass
class Candidate:
    """A sentence that may state a recommendation; ``text[start:end] == sentence`` and
    ``text[cue_start:cue_end] == cue``."""

    start: int
    end: int
    sentence: str
    cue: str
    cue_start: int
    cue_end: int
    strength: str     # "must" | "should" | "could"
    score: float
    reason: str
    negated: bool = False


STRENGTH_ORDER = {"must": 0, "should": 1, "could": 2}
BASE_SCORE = {"must": 0.5, "should": 0.45, "could": 0.25}
HEADING_BONUS = 0.3
ENUMERATION_BONUS = 0.15
TITLE_PENALTY = 0.2

_S = r"[ \t\n]+"  # a space between the words of a cue (a cue may wrap onto the next line)
_FOR_X = rf"(?:{_S}for{_S}[^;!?]{{1,120}}?)?"
BENEFIT_VERBS = (
    "present|offer|provide|serve|help|enable|allow|strengthen|improve|enhance|contribute|consider|"
    "explore|pursue|expand|build|create|establish|support|counter|deter|reduce|mitigate|complement|"
    "bolster|reinforce|facilitate|benefit|encourage|promote|address|resolve|ease|increase|deepen|"
    "be[ \t\n]+(?:used|leveraged|expanded|strengthened|considered|invited|extended|applied|adopted|"
    "explored|pursued|encouraged|helpful|useful|valuable|beneficial)")
IMPERATIVE_VERBS = (
    "act|adopt|avoid|build|consider|create|deepen|develop|do|don[’']t|enhance|ensure|establish|"
    "expand|focus|implement|improve|increase|invest|invite|keep|let|maintain|make|prioriti[sz]e|"
    "promote|pursue|reduce|reform|resume|seek|strengthen|support|take|stop|start|engage|encourage|"
    "provide|limit|prepare|clarify|align|coordinate|integrate|accelerate|reinforce|remember|treat")

CRITICAL_ADVERBS = r"also|especially|particularly|equally|absolutely|therefore|thus|doubly|now"

# (strength, gate words, pattern). The whole match is the cue; (?P<neg>) marks a negation. The
# gate words are the ones any match of the pattern contains, each at the start of a word (as
# written, or as the start of a longer word: "need" for "needs" and "needed"): a pattern is tried
# only on a sentence that holds one of its gate words.
CUES = [
    ("must", {"must"},
     re.compile(r"\bmust(?P<neg>[ \t]+not|n[’']t)?\b", re.I)),
    ("must", {"has", "have"},
     re.compile(r"\b(?:(?:will|would)[ \t]+)?(?:has|have)[ \t]+to\b(?![ \t]+(?:date|do[ \t]+with)\b)", re.I)),
    ("must", {"imperative", "essential", "vital", "necessary", "critical", "crucial"},
     re.compile(rf"\bit{_S}(?:is|remains|will{_S}be|becomes){_S}(?:\w+{_S})?"
                rf"(?:imperative|essential|vital|necessary|critical|crucial)(?={_FOR_X}{_S}to\b|{_S}that\b)", re.I)),
    ("must", {"require"},
     re.compile(r"\b(?:requires|require(?=[ \t]+(?:a|an|the|more|greater|further)\b)|"
                r"will[ \t]+require|(?:is|are|will[ \t]+be)[ \t]+required[ \t]+to)\b", re.I)),
    ("must", {"afford"},
     re.compile(r"\bcannot[ \t]+afford[ \t]+to\b", re.I)),
    ("must", {"critical", "essential", "vital", "crucial", "imperative", "indispensable", "key", "necessary"},
     re.compile(rf"\b(?:is|are|remains?)(?:{_S}(?:{CRITICAL_ADVERBS}))?{_S}"
                rf"(?P<adj>critical|essential|vital|crucial|imperative|indispensable|key|necessary)\b", re.I)),
    ("must", {"without"},
     re.compile(rf"\bwithout{_S}(?!(?:a{_S}|any{_S})?(?:doubt|question|exception|warning|fail)\b)"
                rf"[^,;.!?]{{3,100}},{_S}[^,;.!?]{{1,80}}?\b(?:cannot|can[’']t|"
                rf"(?:will{_S}not|won[’']t){_S}be{_S}able{_S}to)\b", re.I)),
    ("should", {"should"},
     re.compile(r"\bshould(?P<neg>[ \t]+not|n[’']t)?\b(?![ \t]+have\b)", re.I)),
    ("should", {"ought"},
     re.compile(r"\bought(?P<neg>[ \t]+not)?[ \t]+to\b", re.I)),
    ("should", {"need"},
     re.compile(r"\b(?:(?:will|would)[ \t]+)?needs?[ \t]+to\b", re.I)),
    ("should", {"need"},
     re.compile(r"\b(?:is|are|will[ \t]+be)[ \t]+(?:\w+[ \t]+)?needed\b", re.I)),
    ("should", {"important", "advisable", "desirable", "wise", "prudent", "time"},
     re.compile(rf"\bit{_S}(?:is|would{_S}be|will{_S}be){_S}(?:\w+{_S})?"
                rf"(?:important|advisable|desirable|wise|prudent|time)(?={_FOR_X}{_S}to\b|{_S}that\b)", re.I)),
    ("should", {"sense"},
     re.compile(rf"\bit{_S}(?:also{_S}|would{_S}|would{_S}also{_S}|therefore{_S})?makes?{_S}(?:good{_S}|more{_S})?"
                rf"sense{_S}(?:for{_S}[^;!?]{{1,80}}?{_S})?to\b", re.I)),
    ("should", {"warrant"},
     re.compile(r"(?<!\bthat )(?<!\bwhich )\b(?:warrants|warrant(?=[ \t]+(?:a|an|the|more|greater|further|closer|"
                r"serious)\b))\b", re.I)),
    ("should", {"recommend"},
     re.compile(r"\b(?:we|i)[ \t]+(?:strongly[ \t]+)?recommend\b|\brecommends?[ \t]+that\b|"
                r"\bit[ \t]+is[ \t]+(?:strongly[ \t]+)?recommended\b", re.I)),
    ("should", {"well"},
     re.compile(r"\bwould[ \t]+do[ \t]+well[ \t]+to\b", re.I)),
    ("should", {"need"},
     re.compile(r"\bwe[ \t]+need\b(?![ \t]+not\b)", re.I)),
    ("should", {"need"},
     re.compile(r"\bthere[ \t]+is[ \t]+(?:a|an[ \t]+urgent|a[ \t]+pressing|a[ \t]+clear)[ \t]+need[ \t]+(?:to|for)\b", re.I)),
    ("should", {"necessity", "need"},
     re.compile(rf"\b(?:underscores|underlines|highlights|shows|demonstrates|reinforces|confirms|"
                rf"illustrates|points{_S}to){_S}the{_S}(?:(?:urgent|pressing|clear){_S})?"
                rf"(?:necessity|need){_S}(?:of|for|to)\b", re.I)),
    ("should", {"urgency", "need", "necessity", "importance", "urgent", "important", "pressing", "necessary"},
     re.compile(rf"\b(?P<urgent>urgency|need|necessity|importance)\b[^.;!?]{{0,160}}?\b(?:has|have){_S}"
                rf"never{_S}been{_S}(?:greater|higher|stronger|more{_S}(?:urgent|pressing|"
                rf"important|acute))\b|\b(?:is|are){_S}(?:now{_S})?more{_S}(?:urgent|important|"
                rf"pressing|necessary){_S}than{_S}ever\b", re.I)),
    ("should", {"path", "way", "route", "key", "answer", "solution"},
     re.compile(rf"\b(?:is|are)(?:{_S}(?:also|clearly|surely))?{_S}the{_S}"
                rf"(?:(?:only|best|surest|right|sole|real){_S})?(?P<path>path|way|route|key|answer|"
                rf"solution)\b(?!{_S}(?:in|of){_S}which\b)", re.I)),
    ("could", {"could"},
     re.compile(rf"\bcould[ \t]+(?:also[ \t]+|potentially[ \t]+|well[ \t]+|usefully[ \t]+)?(?:{BENEFIT_VERBS})\b", re.I)),
    ("could", {"might"},
     re.compile(r"\bmight[ \t]+be[ \t]+(?:one|an?|another)[ \t]+(?:\w+[ \t]+)?"
                r"(?:idea|option|way|approach|step|solution|answer)\b", re.I)),
    ("could", {"may", "might"},
     re.compile(r"\b(?:may|might)[ \t]+(?:want|wish)[ \t]+to\b|\b(?:may|might)[ \t]+consider\b", re.I)),
    ("could", {"option", "idea", "possibility", "approach"},
     re.compile(r"\bone[ \t]+(?:option|idea|possibility|approach)[ \t]+(?:would[ \t]+be|is|might[ \t]+be)\b", re.I)),
    ("could", {"useful", "helpful", "worthwhile", "beneficial", "valuable", "wise"},
     re.compile(r"\bit[ \t]+(?:would|could|might)[ \t]+be[ \t]+(?:useful|helpful|worthwhile|beneficial|"
                r"valuable|wise)\b", re.I)),
    ("could", {"opportunity", "chance", "window"},
     re.compile(rf"\b(?:has|have)(?:{_S}now)?{_S}an?{_S}(?:(?:historic|rare|unique|real|golden|new|"
                rf"unprecedented|great|clear){_S})?(?:opportunity|chance|window){_S}to\b", re.I)),
]
# The copula cues ("is critical", "is the path") need a subject that names an action: the
# named group tells which (see _action_subject).
ACTION_CUES = ("adj", "path")
# One search finds the gate words of a sentence, so a sentence without any is spared every
# pattern, and one with only "has" is tried with the patterns that need it, not all of them
# (the imperative is checked separately).
GATE_WORDS = sorted({w for _, words, _ in CUES for w in words})
# (the lookahead of first letters spares the alternation at every other word: twice as fast)
CUE_WORDS = re.compile(r"\b(?=[" + "".join(sorted({w[0] for w in GATE_WORDS})) + r"])(?:" + "|".join(GATE_WORDS) + ")",
                       re.I)


def cues_for(text: str, start: int = 0, end: int | None = None) -> list:
    """The (strength, pattern) cues worth trying on ``text[start:end]``, in the order of CUES."""
    end = len(text) if end is None else end
    present = {m.group().lower() for m in CUE_WORDS.finditer(text, start, end)}
    return [(strength, pattern) for strength, words, pattern in CUES if words & present] if present else []


IMPERATIVE = re.compile(
    rf"(?P<verb>{IMPERATIVE_VERBS})\b(?![ \t]+(?:of|for|from|is|was|are|were|has|have|had|will|"
    r"would|can|could|in|on|at|and|to|by|with)\b)", re.I)
SENTENCE_OPENING = re.compile(r"[\"'“‘(\[•*–-]*[ \t]*")
ENUMERATION = re.compile(r"(?:First|Second|Third|Fourth|Fifth|Sixth|Firstly|Secondly|Thirdly|"
                         r"Finally|Lastly)[ \t]*,")
RECOMMENDATION_HEADING = re.compile(
    r"recommend|way[s]?[ \t]+forward|further[ \t]+(?:work|discussion|research|study|studies)|"
    r"areas?[ \t]+for[ \t]+further|conclu(?:sion|ding)|policy[ \t]+(?:implication|option|proposal)|"
    r"implications|next[ \t]+steps|road[ \t]+ahead|proposals?|what[ \t]+(?:should|must|needs[ \t]+to)"
    r"[ \t]+be[ \t]+done|takeaways|lessons|prescriptions|options[ \t]+for", re.I)

# Where the subject of "is critical" / "is the path" starts, and what it may be.
CLAUSE_OPENER = re.compile(r"[,;:—–(]|\bthat\b", re.I)
SUBJECT_WORD = re.compile(r"[A-Za-z][\w’'.-]*")
MAX_SUBJECT_WORDS = 25
OPENING_PUNCTUATION = "\"'“‘(["
ANAPHORIC = frozenset("""
this that these those such it they he she we i you which who whom what both each either neither
its their his her our my your there here
""".split())
NOT_GERUNDS = frozenset("""
during including according following regarding concerning notwithstanding nothing something
anything everything thing things king spring morning evening string ring wing bring sing
""".split())
SUBJECT_PREPOSITIONS = frozenset("of in on for with to between among across from by at within "
                                 "toward towards against through".split())
NOMINALISATION = re.compile(r"(?:tion|sion|ment|ance|ence|acy|ing)s?$")
HAVE_AFTER = re.compile(r"[ \t]+have\b", re.I)
RELATIVE_BEFORE = re.compile(r"\b(?:which|that|who)[ \t]+$", re.I)
CONDITIONAL_CLAUSE = re.compile(r"\b(?:if|unless|in[ \t]+case|in[ \t]+the[ \t]+event(?:[ \t]+that)?)\b[^,;:]*$", re.I)
SUBJECT_AFTER = re.compile(r"[ \t]+(?:the|a|an|it|they|he|she|we|this|that|these|those|[A-Z][\w’'.-]*)\b")
NEED_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|no|any|this|that|its|their|our|his|her|urgent|growing|"
                              r"pressing|clear)[ \t]+$", re.I)
TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]{3,}")
CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z]")
URL = re.compile(r"(?:https?://|ftp://|www\.)\S+|<[^<>\s]+>")


def find_candidates(text: str, heading: str | None = None,
                    sentences: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Candidate recommendations in ``text``, one per sentence, in order (see module docstring).

    ``heading`` is the heading of the section the text belongs to; ``sentences`` optional
    sentence bounds into ``text``.
    """
    bounds = sentences if sentences is not None else simple_sentence_bounds(text)
    in_section = bool(heading and RECOMMENDATION_HEADING.search(heading))
    out = []
    for start, end in bounds:
        sentence = text[start:end]
        if sentence.rstrip(" \"'”’)").endswith("?"):
            continue
        best = _best_cue(text, start, end)
        if best is None:
            continue
        strength, cs, ce, negated, why = best
        score = BASE_SCORE[strength]
        reasons = [why]
        if in_section:
            score += HEADING_BONUS
            reasons.append(f"in section {heading.strip()!r}")
        opening = SENTENCE_OPENING.match(sentence).end()
        em = ENUMERATION.match(sentence, opening)
        if em:
            score += ENUMERATION_BONUS
            reasons.append(f"opens with {em.group(0)!r}")
        if _title_like(sentence) or (cs > start + opening and CAPITALISED_NEXT.match(text, ce)
                                     and text[cs].isupper()):
            score -= TITLE_PENALTY  # a headline, or a modal capitalised inside a quoted title
            reasons.append("title-like")
        score = round(min(1.0, max(0.0, score)), 2)
        out.append(Candidate(start, end, sentence, text[cs:ce], cs, ce, strength, score,
                             "; ".join(reasons), negated))
    return out


def _best_cue(text: str, start: int, end: int):
    """The strongest prescriptive cue in ``text[start:end]``:
    ``(strength, cue_start, cue_end, negated, reason)`` or None."""
    urls = [(m.start(), m.end()) for m in URL.finditer(text, start, end)]
    sentence = _Sentence(text, start, end)
    found = []
    for strength, pattern in cues_for(text, start, end):
        for m in pattern.finditer(text, start, end):
            if _excluded(sentence, m) or any(a <= m.start() < b for a, b in urls):
                continue
            neg = bool(m.groupdict().get("neg"))
            found.append((STRENGTH_ORDER[strength], m.start(), strength, m.end(), neg,
                          f"{strength} cue {m.group(0)!r}"))
    opening = start + SENTENCE_OPENING.match(text, start, end).end() - start
    im = IMPERATIVE.match(text, opening, end)
    if im and text[opening].isupper() and _imperative_follows(text, im.end(), end):
        found.append((STRENGTH_ORDER["should"], im.start(), "should", im.end(), False,
                      f"imperative {im.group('verb')!r}"))
    if not found:
        return None
    found.sort()
    _, cs, strength, ce, neg, why = found[0]
    return strength, cs, ce, neg, why


class _Sentence:
    """A sentence, ``text[start:end]``, as the tests of its cues read what lies before each cue: from
    the clause openers found once in it, never from a copy of the sentence up to each cue (a
    sentence of thousands of cues copied itself once a cue: quadratic)."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end

    @functools.cached_property
    def opener_ends(self) -> list[int]:
        return [self.start + m.end() for m in CLAUSE_OPENER.finditer(self.text[self.start:self.end])]

    @functools.cached_property
    def opening_end(self) -> int:
        """Where the sentence's opening punctuation ends ("(“The ...": at "T")."""
        i = self.start
        while i < self.end and self.text[i] in OPENING_PUNCTUATION:
            i += 1
        return i

    def clause_start(self, pos: int) -> int:
        """Where the last clause opener before ``pos`` ends, as a search of ``text[start:pos]`` finds
        it: an opener ending before ``pos`` is one in that copy too (what it looks at lies in it);
        one ending at ``pos`` is read in the characters before it alone ("that" cut off at the
        copy's end is a word there, whatever follows it in the text)."""
        tail = self.text[max(self.start, pos - 5):pos]  # room for "that" and the character before it
        if any(m.end() == len(tail) for m in CLAUSE_OPENER.finditer(tail)):
            return pos
        k = bisect.bisect_left(self.opener_ends, pos)
        return self.opener_ends[k - 1] if k else self.start


def _excluded(sentence: _Sentence, m: re.Match) -> bool:
    """Descriptive uses of a cue word (see the module docstring)."""
    text, sent_start = sentence.text, sentence.start
    groups = m.groupdict()
    if groups.get("urgent"):
        return False  # "the need ... has never been greater": the noun is the point
    for name in ACTION_CUES:
        if groups.get(name):
            return not _action_subject(sentence, m.start(), gerund_only=name == "path")
    word = m.group(0).split()[0].lower()
    lo = max(sent_start, m.start() - 60)
    if word == "must":
        return bool(HAVE_AFTER.match(text, m.end()))  # "must have been": a guess about the past
    if word == "should":
        if _clause_initial(sentence, m.start()) and SUBJECT_AFTER.match(text, m.end()) \
                and not m.group("neg"):
            return True  # "Should the PRC object, ..."
        return bool(CONDITIONAL_CLAUSE.search(text, lo, m.start()))  # "if the talks should fail"
    if word == "could":
        return bool(RELATIVE_BEFORE.search(text, lo, m.start()))  # "ports which could be opened"
    if word in ("need", "needs"):
        return bool(NEED_NOUN_BEFORE.search(text, lo, m.start()))  # "the need to act"
    return False


def _action_subject(sentence: _Sentence, pos: int, gerund_only: bool) -> bool:
    """The subject of the copula at ``pos`` names something to do (see *action subjects* in
    the module docstring): the words of its clause, read up to one more than a subject has."""
    words = [w.group(0) for w in itertools.islice(
        SUBJECT_WORD.finditer(sentence.text, sentence.clause_start(pos), pos), MAX_SUBJECT_WORDS + 1)]
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return False
    first = words[0].lower()
    if first in ANAPHORIC:
        return False
    if first.endswith("ing") and len(first) > 4 and first not in NOT_GERUNDS:
        return True
    if gerund_only:
        return False
    head = words[-1]
    for k, w in enumerate(words[1:], 1):
        if w.lower() in SUBJECT_PREPOSITIONS:
            head = words[k - 1]
            break
    return bool(NOMINALISATION.search(head.lower()))


def _clause_initial(sentence: _Sentence, pos: int) -> bool:
    """Nothing but opening punctuation before ``pos`` in its sentence, or a comma, semicolon or
    colon right before it (spaces skipped)."""
    text, last = sentence.text, pos
    while last > sentence.start and text[last - 1].isspace():
        last -= 1
    return last <= sentence.opening_end or text[last - 1] in ",;:"


def _imperative_follows(text: str, pos: int, end: int) -> bool:
    """An imperative verb is followed by its object or a particle, not by the end."""
    rest = text[pos:end]
    return bool(re.match(r"[ \t]+(?:or[ \t]+\w+[ \t]*,?[ \t]*)?[\w“\"'‘(]", rest))


def _title_like(sentence: str) -> bool:
    stripped = sentence.rstrip()
    if not stripped or stripped[-1] in ".!?:;”\"’'":
        return False
    words = TITLE_WORD.findall(stripped)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
