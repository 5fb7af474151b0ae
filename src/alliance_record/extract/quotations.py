"""Quotations: direct quotes in a text, and the cue that says who is speaking.

:func:`find_quotations` returns every span between quotation marks, with offsets *inside* the
marks (``text[q.start:q.end] == q.quote``; the opening mark is at ``q.start - 1``).
:func:`find_speaker` looks in the quotation's sentence for an attribution cue and returns the
speaker's noun phrase and the verb; it does not resolve pronouns or names to actors.

Marks
-----
Curly “…” and ‘…’, straight "…" and '…', guillemets «…» and Japanese 「…」『…』. Pairs nest
(a ‘…’ or a second “…” inside “…”; ``nested_in`` is the index of the enclosing quotation in the
returned list). How a mark is read:

* ``“``, ``‘``, ``«``, ``「``, ``『`` open. ``‘`` before a decade (``‘90s``) is an apostrophe.
* ``”`` closes the innermost open ``“``. ``’`` closes an open ``‘`` unless it sits between two
  letters or digits (``Japan’s``, ``don’t`` inside a single-quoted phrase); with no ``‘`` open it
  is an apostrophe (``Hegseth’s``, ``’90s``, ``the Koreas’``).
* straight ``"`` opens after a space, a line start, a bracket or another opening mark, and
  otherwise closes the innermost open ``"`` (so ``"fukugouteki yuuji"no`` closes before ``no``).
* straight ``'`` opens only after a space, a line start, a bracket or an opening mark and before
  a letter; it closes an open ``'`` unless it sits inside a word (``O'Brien``, ``don't``);
  otherwise it is an apostrophe (``the Koreas' ``, ``'90s``).

A paragraph ends at a blank line or at a line break after terminal punctuation (or a closing
mark). A double quotation still open there runs to the end of the paragraph (the usual style
for a quote that continues into the next paragraph): its ``close_mark`` is None. Of several still
open of one kind, only the outermost runs on (the others are stray marks: 3,000 of them made
3,000 quotations nested to the paragraph's end, a text quadratic in the paragraph). A single quote
still open there was an apostrophe after all and is dropped.

Kinds
-----
``kind`` is ``"sentence"`` when the quoted words form a full sentence: they start with a capital
letter and either end with terminal punctuation (inside the marks or right after them) and run
to at least four words, or end with a comma, ``?`` or ``!`` followed by an attribution ("…,” he
said). A quote introduced by a speech verb and a comma or colon (``the strategy says, “we must
…”``) is a sentence when it ends with terminal punctuation, whatever its first letter.
A quotation capitalised like a title — most longer words, or every word but ``of``, ``and``,
``the``… — is a quoted title (``"Japan: Still an Exceptional U.S. Ally."``, ``"Defense of Japan
2025."``) and so a phrase. Everything else is a ``"phrase"``. ``scare`` marks a
phrase of at most three words that is not followed by an attribution — ``the “core”``,
``“nudged”``, ``“gray zone” tactics``, or a word borrowed from someone (``are “central” to``):
still returned, the caller decides what to do with it.

Speakers
--------
:func:`find_speaker` tries, in order, in the sentence that holds the quotation:

1. a cue right after the closing mark: ``“…,” Hegseth declared``, ``“…,” a senior Japanese
   defense ministry official said``, ``“…,” said the minister``;
2. the speech verb nearest before the opening mark, with its subject: ``He continued, “…”``,
   ``Koizumi told those around him, “…”``, ``the strategy says, “…”``, ``X declared that
   “…”``, ``Hegseth further added that Japan is a “…”`` (a quotation inside reported speech),
   ``what it calls its “backyard”``;
3. ``According to X, …``;
4. a possessive: ``Hegseth’s call for “…”``, ``Hegseth’s remarks make clear that … “…”``;
5. a possessive right before the opening mark (``position="owner"``): ``President Donald
   Trump’s “America First” policy``, ``Obama's "pivot to Asia"``. It names whose phrase it is
   only when the owner is a person — ``Japan’s “quasi-ally”`` names a relation — which the caller,
   who knows the actors, decides.

A quotation that opens a paragraph after one ending with a colon ("… described it this way:") takes
the cue of the colon's sentence (:func:`cue_before_colon`, the caller's to call).

Indirect speech (``X said that …``, ``X wrote on X that …``) has no quotation marks and so no
quotation; when a quotation sits inside it, the reporting verb is the cue (2). A cue in another
sentence is not used: ``“…,” Hegseth declared. He continued, “…”`` gives ``Hegseth`` for the
first quotation and the pronoun ``He`` for the second (``pronoun=True``: the caller resolves it
to the previous named speaker).

Transcripts
-----------
A press conference or briefing transcript carries speech without quotation marks, each turn on
lines that open with a speaker label: ``MR. HAYASHI:``, ``CHIEF CABINET SECRETARY SUGA:``,
``DEFENSE MINISTER GEN NAKATANI (THROUGH TRANSLATOR):``, ``Q (Ryukyu Shimpo):``, ``QUESTION:``,
``MODERATOR:``, ``Minister:`` (on a line of its own, the words on the next), the White House's
``Q    Mr. Secretary, …``, a podcast's or a panel's name alone (``DANA WHITCOMBE:``, then ``WHITCOMBE:``)
or minutes' turns after a turn mark (``○Prime Minister (TAKAICHI Sanae):``, ``○OKADA Katsuya:``).
:func:`speaker_labels` finds the labels at line starts; :func:`transcript` says
whether a text is laid out so (a speaker's label, and a reporter's or a moderator's label or a
speaker's label again after another's): a "Note:" or "WASHINGTON:" line, a readout's "Minister X: …"
list, an FAQ's "Q:"/"A:" lines are no transcript. A label is

* ``ask`` — a reporter's (``Q``, ``QUESTION``, ``REPORTER``), an outlet in brackets after it;
* ``role`` — a moderator, staff, an interpreter, an official named by office only ("SENIOR
  ADMINISTRATION OFFICIAL"), an interview's answer (``A:``, the interviewee unnamed): no one named;
* ``title`` — a title or an office alone (``Minister:``, ``SECRETARY OF STATE:``): the document's
  one person of that title, if any;
* ``named`` — an honorific or a title and the name (``name_start``/``name_end``: its words), a name
  the text knows (after an honorific, or used as a name elsewhere in the text: not "Major Findings:"),
  or a label in capitals said again after another label's turn ("CHAIRMAN WICKER:" in a hearing whose
  header names no one: :func:`_taking_turns`), in a text its other labels already make a
  transcript, with a person's office as its title word and a name of one or two words; an office
  with the holder's name in brackets ("Prime Minister (TAKAICHI Sanae)": the name is the bracket's);
  or a name alone, a word of it in capitals, that takes turns (:func:`_names_taking_turns`): the
  family name alone is the fuller label's before it ("WHITCOMBE" of "DANA WHITCOMBE"), the text's
  prose writes it as a name ("I'm Dana Whitcombe"), no place ("TOKYO:") and no heading
  ("KEY POINTS:", "NOTE:", "UPDATE:", words the text writes in lower case or in labels only).

A turn mark (``○``, as Diet minutes open each turn) may stand before any label.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from ._text import ABBREVIATIONS, SUPERSCRIPTS, sentence_end_after, sentence_start_before
from .entities import NOT_NAMES, TITLE_WORDS, head_word, person_shaped
from .referents import HONORIFIC_GENDER, ROLES


@dataclass
class Quotation:
    """The words between a pair of quotation marks; ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str
    open_mark: str
    close_mark: str | None      # None: the quote runs to the end of its paragraph
    nested_in: int | None       # index of the enclosing quotation in the list
    kind: str                   # "sentence" | "phrase"
    scare: bool                 # a short unattributed phrase ("the “core”")


@dataclass
class SpeakerCue:
    """Who a quotation is attributed to: the speaker's noun phrase and the verb."""

    start: int                  # the speaker noun phrase, text[start:end] == speaker
    end: int
    speaker: str
    verb: str                   # lower-cased: "said", "told", "according to", "remarks" ...
    verb_start: int
    verb_end: int
    pronoun: bool               # "he", "they" ...: resolve to the previous named speaker
    position: str               # "after" | "before" | "according" | "possessive"
    clause: int | None = None   # the start of a participial clause of saying that brings the quotation
    #                             in ("…, adding that … “…”"), the subject's verb being before it


# --- marks ----------------------------------------------------------------------------------------

MARK = re.compile("[“”‘’\"'«»「」『』]")
# A closer only closes an opener of its own family.
CURLY_D, CURLY_S, STRAIGHT_D, STRAIGHT_S, GUILLEMET, KAGI, DOUBLE_KAGI = range(7)
OPENERS = "“«「『"
CLOSERS = "”’»」』"
FAMILY = {"“": CURLY_D, "”": CURLY_D, "‘": CURLY_S, "’": CURLY_S, '"': STRAIGHT_D, "'": STRAIGHT_S,
          "«": GUILLEMET, "»": GUILLEMET, "「": KAGI, "」": KAGI, "『": DOUBLE_KAGI, "』": DOUBLE_KAGI}
SINGLE_FAMILIES = {CURLY_S, STRAIGHT_S}
OPENING_CONTEXT = set(" \t\n\u00a0([{<—–-/“‘«「『\"'")
PARAGRAPH_END = re.compile(r"\n[ \t]*\n|(?<=[.!?…:”’\"'])[ \t]*\n")
DECADE = re.compile(r"[0-9]{2}s\b")
TERMINAL = ".!?…"
NEW_SENTENCE = re.compile(rf"[{SUPERSCRIPTS}]*(?:\s+[\"'“‘(A-Z]|[ \t]*\n|[ \t]*$)")
TRAILING = "\"'”’»」』)]" + SUPERSCRIPTS
SCARE_MAX_WORDS = 3
TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]{3,}")
TITLE_MIN_WORDS = 3
TITLE_SHARE = 0.6
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from".split())
SENTENCE_MIN_WORDS = 4


@dataclass
class _Open:
    pos: int
    mark: str
    family: int
    parent: "_Open | None"
    index: int | None = None   # set when the quotation is recorded


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation in ``text``, ordered by start (an enclosing quotation before its inner
    ones). See the module docstring for how marks are read."""
    para_ends = [m.start() for m in PARAGRAPH_END.finditer(text)] + [len(text)]
    found: list[tuple[_Open, int, int, str | None]] = []  # (opener, start, end, close mark)
    stack: list[_Open] = []
    p = 0  # next paragraph end

    def flush(limit: int) -> None:
        end = limit
        while end > 0 and text[end - 1].isspace():
            end -= 1
        running = set()  # families already running to the end: one quotation each, the outermost
        for op in stack:
            if op.family not in SINGLE_FAMILIES and op.family not in running and end > op.pos + 1:
                running.add(op.family)
                found.append((op, op.pos + 1, end, None))
        stack.clear()

    for m in MARK.finditer(text):
        i = m.start()
        while para_ends[p] < i:
            flush(para_ends[p])
            p += 1
        ch = m.group()
        prev = text[i - 1] if i else "\n"
        nxt = text[i + 1] if i + 1 < len(text) else "\n"
        family = FAMILY[ch]
        parent = stack[-1] if stack else None

        if ch in OPENERS:
            stack.append(_Open(i, ch, family, parent))
        elif ch == "‘":
            if not DECADE.match(text, i + 1) and not nxt.isspace():
                stack.append(_Open(i, ch, family, parent))
        elif ch in CLOSERS:  # ” ’ » 」 』
            if ch == "’" and (prev.isalnum() and nxt.isalnum()):
                continue  # an apostrophe inside a word
            _close(stack, family, i, ch, found)
        elif ch == '"':
            opens = prev in OPENING_CONTEXT and not nxt.isspace()
            if not opens and any(o.family == STRAIGHT_D for o in stack):
                _close(stack, family, i, ch, found)
            elif opens:
                stack.append(_Open(i, ch, family, parent))
        else:  # straight '
            if prev.isalnum() and nxt.isalnum():
                continue  # O'Brien, don't
            opens = prev in OPENING_CONTEXT and nxt.isalpha()
            if not opens and not prev.isspace() and any(o.family == STRAIGHT_S for o in stack):
                _close(stack, family, i, ch, found)
            elif opens:
                stack.append(_Open(i, ch, family, parent))
    while p < len(para_ends):
        flush(para_ends[p])
        p += 1

    found.sort(key=lambda f: (f[1], -f[2]))
    for k, (op, _s, _e, _c) in enumerate(found):
        op.index = k
    out = []
    for op, start, end, close in found:
        parent = op.parent
        while parent is not None and parent.index is None:
            parent = parent.parent  # an enclosing single quote that was an apostrophe
        kind, attributed = _kind(text, start, end, close)
        words = len(text[start:end].split())
        scare = kind == "phrase" and words <= SCARE_MAX_WORDS and not attributed
        out.append(Quotation(start, end, text[start:end], op.mark, close,
                             parent.index if parent is not None else None, kind, scare))
    return out


def _close(stack: list[_Open], family: int, i: int, ch: str, found: list) -> None:
    """Close the innermost open quotation of ``family`` at ``i`` (openers above it that never
    closed are dropped); a closer with nothing to close is ignored."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].family == family:
            op = stack[k]
            del stack[k:]
            if i > op.pos + 1:
                found.append((op, op.pos + 1, i, ch))
            return


def _kind(text: str, start: int, end: int, close: str | None) -> tuple[str, bool]:
    """``("sentence" | "phrase", attributed)`` for the quotation ``text[start:end]``."""
    inner = text[start:end].rstrip()
    stripped = inner.rstrip(TRAILING).rstrip()
    after = end + (len(close) if close else 0)
    last = stripped[-1:] or ""
    terminal_inside = last in TERMINAL
    terminal_after = bool(close) and text[after:after + 1] in (".", "!", "?")
    ended = terminal_inside and bool(NEW_SENTENCE.match(text, after))
    attributed = bool(close) and not ended and _leads_to_attribution(text, inner, after) \
        and _after_cue(text, after) is not None
    introduced = _introduced(text, start - 1)
    first = next((c for c in inner if c.isalpha()), "")
    words = len(inner.split())
    if _title_case(inner):
        return "phrase", attributed  # a quoted title: "Japan: Still an Exceptional U.S. Ally."
    if introduced:
        attributed = True
        if terminal_inside or terminal_after:
            return "sentence", attributed
    if first.isupper():
        if (terminal_inside or terminal_after) and words >= SENTENCE_MIN_WORDS:
            return "sentence", attributed
        if attributed and last in ",?!—–":
            return "sentence", attributed
    return "phrase", attributed


def named_term(text: str, q: Quotation) -> bool:
    """A short quoted phrase that names a thing rather than quoting words: after "so-called",
    "dubbed", "named", "titled" or "known as", a capitalised name after a lower-case noun ("the
    destroyer “Haguro”"), or title-cased ("Defense of Japan 2025")."""
    before = text[max(0, q.start - len(q.open_mark) - 30):q.start - len(q.open_mark)]
    inner = q.quote.strip(" ,.;:")
    if NAMING_BEFORE.search(before) or _title_case(inner):
        return True
    words = inner.split()
    return bool(words) and len(words) <= 3 and all(w[:1].isupper() for w in words) \
        and bool(re.search(r"\b[a-z]+\s*$", before))


# the words that bring in a term or a name, not someone's words
NAMING_BEFORE = re.compile(r"(?i)\b(?:so-called|dubbed|named|titled|known\s+as)\s*$")


def _title_case(inner: str) -> bool:
    """Capitalised as the title of an article or a report: most longer words capitalised
    ("Japan: Still an Exceptional U.S. Ally."), or every word but small function words
    ("Defense of Japan 2025.")."""
    long_words = TITLE_WORD.findall(inner)
    if len(long_words) >= TITLE_MIN_WORDS:
        return sum(1 for w in long_words if w[0].isupper()) >= TITLE_SHARE * len(long_words)
    words = re.findall(r"[A-Za-z][A-Za-z’'-]*", inner)
    caps = [w for w in words if w[0].isupper()]
    return len(caps) >= 2 and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


# --- speakers -------------------------------------------------------------------------------------

SPEECH_VERBS = frozenset("""
say says said tell tells told declare declares declared add adds added continue continues
continued stress stresses stressed note notes noted write writes wrote ask asks asked warn warns
warned emphasize emphasizes emphasized emphasise emphasises emphasised affirm affirms affirmed
reaffirm reaffirms reaffirmed argue argues argued insist insists insisted explain explains
explained state states stated announce announces announced remark remarks remarked reply replies
replied respond responds responded observe observes observed comment comments commented claim
claims claimed pledge pledges pledged vow vows vowed urge urges urged suggest suggests suggested
acknowledge acknowledges acknowledged admit admits admitted concede concedes conceded recall
recalls recalled reiterate reiterates reiterated express expresses expressed assure assures
assured remind reminds reminded detail details detailed describe describes described call calls
called label labels labeled labelled define defines defined tweet tweets tweeted post posts
posted predict predicts predicted conclude concludes concluded caution cautions cautioned
confirm confirms confirmed deny denies denied promise promises promised proclaim proclaims
proclaimed report reports reported recount recounts recounted quip quips quipped point points
pointed sum sums summed
""".split())


def _gerunds(verbs: frozenset) -> frozenset:
    """The -ing forms of the base forms among ``verbs`` ("say" of "says": "saying"; "note":
    "noting"; "admit": "admitting")."""
    out = set()
    for w in verbs:
        if not (w + "s" in verbs or w + "es" in verbs or (w.endswith("y") and w[:-1] + "ies" in verbs)):
            continue
        if w.endswith("e") and not w.endswith("ee"):
            out.add(w[:-1] + "ing")
        elif re.search(r"[^aeiou][aeiou][bdgmnpt]$", w):
            out.add(w + w[-1] + "ing")
        else:
            out.add(w + "ing")
    return frozenset(out)


# A speech verb's -ing form opens a participial clause whose subject is the sentence's ("She
# reversed herself in March, first calling the plan “a sound bargain”").
SPEECH_GERUNDS = _gerunds(SPEECH_VERBS)
SPEECH_VERBS = SPEECH_VERBS | SPEECH_GERUNDS
# the finite forms (no -ing form): the verbs whose subject has spoken ("Kishida said …")
FINITE_SPEECH_VERBS = SPEECH_VERBS - SPEECH_GERUNDS
# Speech verbs that are also verbs of aspect: before "to" they speak of another verb's course.
ASPECTUAL = frozenset("continue continues continued continuing".split())
# Verbs that characterise: their quotation is someone's words only as "X as “…”" ("condemns drills
# as “Asian version of NATO”", "praised Takaichi as “a great prime minister”"); "praised the
# “proactive” stance" quotes no one.
CHARACTERISING = frozenset("""
condemn condemns condemned denounce denounces denounced criticize criticizes criticized criticise
criticises criticised praise praises praised hail hails hailed dub dubs dubbed brand brands branded
slam slams slammed welcome welcomes welcomed blast blasts blasted
""".split())
PRONOUNS = frozenset("he she they it we i you".split())
AUXILIARIES = frozenset("has have had will would can could may might must shall should did does do "
                        "is was were are be been also further later then again once still now "
                        "already often always never recently previously first just not long".split())
NP_BREAKERS = frozenset("""
that which who whom whose what when where while as because but if after before since until
though although whether than so in on at to for from by with without into onto over under about
against during through across between among toward towards upon via per and or nor
is are was were be been being have has had do does did will would can could may might must
shall should not no
""".split())
DETERMINERS = frozenset("the a an this that these those its their his her our my your both each "
                        "every some many several two three four five six seven eight nine ten "
                        "all other".split())
POSSESSIVE_NOUNS = ("call", "calls", "remarks", "words", "statement", "comments", "message",
                    "speech", "pledge", "warning", "description", "claim", "demand", "assessment")
# A word keeps a plural possessive's apostrophe ("the Leaders’ Statement", "the Koreas’ talks").
CUE_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][A-Za-z0-9]*(?:[-‐’'][A-Za-z0-9]+)*(?:(?<=s)[’'](?![A-Za-z0-9]))?\.?"
                       r"|[0-9]+(?:[-‐][A-Za-z]+)+|[^\sA-Za-z0-9]")  # "the 72-year-old governor": a word
RELATIVES = frozenset(("which", "who"))
CALENDAR_WORDS = frozenset("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday""".split())
ACCORDING_TO = re.compile(r"\b[Aa]ccording[ \t]+to[ \t]+")
POSSESSIVE_CUE = re.compile(
    r"(?P<np>(?:(?:[Tt]he|[Aa]n?|[Tt]his|[A-Z][\w.-]*)[ \t]+){0,3}(?:[A-Z][\w.-]*|[a-z][\w-]*))"
    r"[’']s[ \t]+(?P<noun>" + "|".join(POSSESSIVE_NOUNS)
    + r")\b")
# "President Donald Trump’s “": capitalised words (and "of", "the") ending in a possessive, then the mark
OWNER_BEFORE = re.compile(
    r"(?P<np>[A-Z][\w.-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+)?[A-Z][\w.-]*){0,5})(?P<s>[’']s)[ \t]*$")
MAX_NP_TOKENS = 10
MAX_AFTER_TOKENS = 10
# a name (up to three words) and a title in apposition of up to ten ("Rahm Emanuel, the American ambassador
# to Japan from 2022 to 2025, said"): longer stretches before "said" are clauses, not appositions
MAX_APPOSITION_TOKENS = 14


def find_speaker(text: str, quotation: Quotation) -> SpeakerCue | None:
    """The attribution cue for ``quotation`` in its own sentence, or None (see the module
    docstring for the cues tried, in order)."""
    open_pos = quotation.start - len(quotation.open_mark)
    close_end = quotation.end + (len(quotation.close_mark) if quotation.close_mark else 0)
    s0 = sentence_start_before(text, open_pos)
    if quotation.close_mark and _ends_sentence(text, quotation, close_end):
        s1 = close_end
    else:
        s1 = sentence_end_after(text, close_end)

    if quotation.close_mark and _leads_to_attribution(text, quotation.quote, close_end):
        cue = _after_cue(text, close_end, s1)
        if cue:
            return cue
    masked = _quoted_ranges(text, s0, open_pos)
    cue = _before_cue(text, s0, open_pos, masked)
    if cue:
        return cue
    for m in ACCORDING_TO.finditer(text, s0, s1):
        if any(a <= m.start() < b for a, b in masked) or quotation.start <= m.start() < quotation.end:
            continue
        np = _np_forward(text, m.end(), s1)
        if np:
            return _cue(text, np, (m.start(), m.end() - 1), "according")
    for m in POSSESSIVE_CUE.finditer(text, s0, open_pos):
        if any(a <= m.start() < b for a, b in masked):
            continue
        return _cue(text, (m.start("np"), m.end("np")), (m.start("noun"), m.end("noun")), "possessive")
    m = OWNER_BEFORE.search(text, max(s0, open_pos - 120), open_pos)
    if m and not any(a <= m.start() < b for a, b in masked):
        tokens = _tokens(text, m.start("np"), m.end("np"))
        k = 0
        while k < len(tokens) - 1 and tokens[k][2].lower() in NP_BREAKERS:
            k += 1  # "Under Prime Minister Abe’s": the owner starts at "Prime"
        return _cue(text, (tokens[k][0], m.end("np")), (m.start("s"), m.end("s")), "owner")
    return None


def cue_before_colon(text: str) -> SpeakerCue | None:
    """The cue of a quotation set out on its own after a paragraph ``text`` that ends with a colon
    ("A town official described it this way:" / "“…”"): the speech verb of that paragraph's last
    sentence and its subject, as :func:`find_speaker` reads a cue before an opening mark."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1  # (no copy of a long paragraph)
    if not end or text[end - 1] != ":":
        return None
    s0 = sentence_start_before(text, end - 1)
    cue = _before_cue(text, s0, end - 1, _quoted_ranges(text, s0, end - 1))
    if cue is not None and PASSIVE_BEFORE.search(text[max(s0, cue.verb_start - 40):cue.verb_start]):
        return None  # "X was asked by a lawmaker:": the words set out are not X's
    return cue


# a passive verb of saying ("was asked by", "had been told"): its subject is not the speaker
PASSIVE_BEFORE = re.compile(r"(?i)\b(?:was|were|been|being|is|are|be|get|gets|got)\s+(?:[a-z]+ly\s+)?$")


def _leads_to_attribution(text: str, quote: str, close_end: int) -> bool:
    """“…,” / “…?” / “…!” / “…—” / “…”, : punctuation that hands over to an attribution."""
    inner = quote.rstrip().rstrip(TRAILING).rstrip()
    return bool(inner) and inner[-1] in ",?!—–…" or text[close_end:close_end + 1] in (",", "—")


def _cue(text: str, np: tuple[int, int], verb: tuple[int, int], position: str) -> SpeakerCue:
    speaker = text[np[0]:np[1]]
    return SpeakerCue(np[0], np[1], speaker, text[verb[0]:verb[1]].lower(), verb[0], verb[1],
                      speaker.lower() in PRONOUNS, position)


def _ends_sentence(text: str, q: Quotation, close_end: int) -> bool:
    """“… world.” followed by a new sentence (or the end of the line)."""
    inner = q.quote.rstrip().rstrip(TRAILING).rstrip()
    if not inner or inner[-1] not in TERMINAL:
        return False
    return bool(NEW_SENTENCE.match(text, close_end))


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in CUE_TOKEN.finditer(text, start, end)]


def _is_word(tok: str) -> bool:
    return tok[0].isalpha() or (tok[0].isdigit() and "-" in tok)


def _strip_dot(tok: str) -> str:
    """``world.`` -> ``world``; ``U.S.``, ``Mr.`` and an initial ``J.`` keep their period."""
    if tok.endswith(".") and len(tok) > 2 and not re.fullmatch(r"(?:[A-Z]\.){2,}", tok) \
            and tok[:-1].lower() not in ABBREVIATIONS:
        return tok[:-1]
    return tok


def _is_verb_at(tokens, k: int, first_ok: bool = False) -> bool:
    """A speech verb at ``tokens[k]``: lower-case (``United States`` is a name), and not a noun
    after a determiner or a possessive (``the call``, ``Hegseth’s remarks``)."""
    tok = _strip_dot(tokens[k][2])
    low = tok.lower()
    if low in ("put", "puts") and k + 1 < len(tokens) and tokens[k + 1][2] == "it":
        low = "said"  # "An official put it bluntly: …", "as one aide puts it"
    if low not in SPEECH_VERBS | CHARACTERISING or (tok[0].isupper() and not (first_ok and k == 0)):
        return False
    if low in ASPECTUAL and k + 1 < len(tokens) and tokens[k + 1][2] == "to":
        return False  # "must continue to be “…”": an aspect of another verb, no one's speech
    if low in PARTICLE_VERBS and (k + 1 >= len(tokens) or tokens[k + 1][2].lower() != PARTICLE_VERBS[low]):
        return False  # "pointed out", "summed up": speech only with their particle
    if low in NOUN_FORMS and k + 1 < len(tokens) and tokens[k + 1][2].lower() in FINITE_AFTER_NOUN:
        return False  # "the latest remarks were “…”": a noun, the subject of the verb after it
    if low in PLURAL_NOUNS and k and _modifier(tokens[k - 1][2]) and not _clause_after(tokens, k) \
            and tokens[k - 1][2].lower() not in REFLEXIVES:
        return False  # "future remarks on Taiwan must …", "media reports": a modified plural noun
    if k:
        before = tokens[k - 1][2]
        if before.lower() in DETERMINERS or before.endswith(("’s", "'s", "s’", "s'")):
            return False
    return True


def _clause_after(tokens, k: int) -> bool:
    """``tokens[k]`` followed by "that" or a quotation mark: a verb bringing in its clause or its words
    ("The broadcaster reports that …", "the lawsuit claims “…”"), whatever the subject's head noun."""
    return k + 1 < len(tokens) and (tokens[k + 1][2].lower() == "that" or tokens[k + 1][2] in "“\"")


REFLEXIVES = frozenset("himself herself itself themselves myself ourselves".split())
# Speech verbs that speak only with their particle ("Kihara pointed out, “…”"; "she summed up: “…”").
PARTICLE_VERBS = {"point": "out", "points": "out", "pointed": "out", "pointing": "out",
                  "sum": "up", "sums": "up", "summed": "up", "summing": "up"}
# After a verb of saying comes its object or its clause, never a finite verb: before one of these
# the word is a noun, the subject of that verb ("the prime minister's latest remarks were “…”").
FINITE_AFTER_NOUN = frozenset("are were was is must would could should can may might will shall "
                              "have had".split())
# The -s forms of the speech verbs that are plural nouns too: after a lower-case modifier that is no
# speaker's head noun ("future remarks", "media reports", "earlier pledges") they are the nouns.
PLURAL_NOUNS = frozenset("""remarks comments claims notes reports calls posts details tweets pledges
promises vows labels replies states recalls cautions urges""".split())
# the speech verbs' forms that are nouns too, singular or plural ("the claim was", "remarks were"); a
# past form before a finite verb is still a verb ("the deal Trump said would be “…”")
NOUN_FORMS = PLURAL_NOUNS | {w[:-1] for w in PLURAL_NOUNS if not w.endswith("ies")} | {"reply"}


def _modifier(tok: str) -> bool:
    """A lower-case word that modifies a noun after it rather than being a verb's subject: not a
    pronoun, an auxiliary, an adverb, a function word, or the head noun of a speaker (a person's
    role, "the ministry", "the report")."""
    low = tok.lower()
    return tok.islower() and tok.isalpha() and low not in PRONOUNS and low not in AUXILIARIES \
        and low not in NP_BREAKERS and low not in DETERMINERS and not _adverb(tok) \
        and low.rstrip("s") not in SPEAKER_HEADS and low not in SPEAKER_HEADS


def _after_cue(text: str, pos: int, limit: int | None = None) -> SpeakerCue | None:
    """``“…,” Hegseth declared`` / ``“…,” said the minister``: a cue starting at ``pos``."""
    limit = min(len(text), pos + 200) if limit is None else limit
    tokens = _tokens(text, pos, limit)
    if tokens and tokens[0][2] in ",—–":
        tokens = tokens[1:]
    np: list = []
    for k, (s, e, tok) in enumerate(tokens[:MAX_AFTER_TOKENS]):
        if tok == "," and np:
            return _apposed_cue(text, tokens, k, np)
        if not _is_word(tok):
            return None
        low = tok.lower()
        if _is_verb_at(tokens, k, first_ok=True) and (np or k == 0):
            e = s + len(_strip_dot(tok))
            if np:
                return _cue(text, (np[0][0], np[-1][1]), (s, e), "after")
            span = _np_forward(text, e, limit)
            return _cue(text, span, (s, e), "after") if span else None
        if low in AUXILIARIES and np:
            continue
        if low in NP_BREAKERS or _strip_dot(tok) != tok:
            return _modified_speaker(text, tokens, k, np)
        np.append((s, e))
        if len(np) > MAX_NP_TOKENS:
            return None
    return None


# The nouns of a person a post-modifier may follow before the speech verb: "“…,” a harbour official
# familiar with the schedule told reporters".
PERSON_NOUNS = frozenset("""official officials source sources diplomat diplomats aide aides adviser advisers
advisor advisors officer officers analyst analysts expert experts negotiator negotiators lawmaker
lawmakers spokesperson spokesman spokeswoman person people resident residents""".split())
MAX_MODIFIER_TOKENS = 8
# The head nouns of a phrase that may speak: a person's noun or role, a body, a document
# (a verb's subject: "the spokesman notes", "the report notes", "the ministry states").
SPEAKER_HEADS = PERSON_NOUNS | ROLES | frozenset("""ministry government department agency office embassy
cabinet paper report statement strategy document memo study survey analysis letter article editorial
committee council command agreement treaty communique declaration law constitution bill resolution plan
guidelines charter accord pact release readout transcript""".split())


def _modified_speaker(text: str, tokens, k: int, np: list) -> SpeakerCue | None:
    """An after-cue whose noun phrase, headed by a person's noun, has a post-modifier before its
    speech verb ("a harbour official familiar with the schedule told reporters"): the cue, with
    the noun phrase up to that noun; None when no such verb follows within a few words."""
    head = next((n for n in range(len(np) - 1, -1, -1) if text[np[n][0]:np[n][1]].lower() in PERSON_NOUNS), None)
    if head is None:
        return None
    for j in range(k, min(len(tokens), k + MAX_MODIFIER_TOKENS)):
        if not _is_word(tokens[j][2]):
            return None
        if _is_verb_at(tokens, j) and tokens[j][2].lower() not in SPEECH_GERUNDS:
            s, e, tok = tokens[j]
            return _cue(text, (np[0][0], np[head][1]), (s, s + len(_strip_dot(tok))), "after")
    return None


def _apposed_cue(text: str, tokens, k: int, np: list) -> SpeakerCue | None:
    """An after-cue whose name has an apposition between commas before its verb ("“…,” Yoshimasa
    Hayashi, 63, told reporters", "“…,” Gen Nakatani, the defense minister, said"): the cue, with
    the name; None when no speech verb follows the closing comma."""
    for j in range(k + 1, min(len(tokens), k + 2 + MAX_APPOSITION_TOKENS)):
        tok = tokens[j][2]
        if tok == ",":
            v = j + 1
            while v < len(tokens) and _adverb(tokens[v][2]):
                v += 1
            if v < len(tokens) and _is_verb_at(tokens, v) and tokens[v][2].lower() not in SPEECH_GERUNDS:
                s, _, word = tokens[v]
                return _cue(text, (np[0][0], np[-1][1]), (s, s + len(_strip_dot(word))), "after")
            return None
        if not _is_word(tok):
            return None
    return None


def _np_forward(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """A noun phrase starting at ``pos``: words up to punctuation or a function word
    (``of`` is kept: "the head of the agency")."""
    span = None
    for s, e, tok in _tokens(text, pos, limit)[:MAX_NP_TOKENS]:
        if not _is_word(tok):
            break
        low = _strip_dot(tok).lower()
        if low in NP_BREAKERS or (low in SPEECH_VERBS and span):
            break
        e = s + len(_strip_dot(tok))
        span = (span[0] if span else s, e)
        if tok.endswith(".") and _strip_dot(tok) != tok:
            break
    return span


def _before_cue(text: str, s0: int, open_pos: int, masked) -> SpeakerCue | None:
    """The speech verb nearest before the opening mark, and its subject.

    ``“Yes,” replied Smith, “we are.”``: a verb right after punctuation takes the noun phrase
    after it. ``The minister arrived and said: “…”``: a verb after ``and`` keeps its own name
    but takes the subject of the speech verb before it, if there is one.
    """
    tokens = [t for t in _tokens(text, s0, open_pos) if not any(a <= t[0] < b for a, b in masked)]
    starts = [t[0] for t in tokens]
    verb = None
    gerund = None  # (index, span) of a speech verb's -ing form with no subject of its own
    as_before_mark = bool(re.search(r"\bas\s*$", text[s0:open_pos]))
    for k in range(len(tokens) - 1, -1, -1):
        if not _is_verb_at(tokens, k):
            continue
        if _strip_dot(tokens[k][2]).lower() in CHARACTERISING and not as_before_mark:
            continue
        if tokens[k][2].lower() in SPEECH_GERUNDS and not _opens_clause(tokens, k):
            continue  # "Ruritania keeps warning of “…”": no participial clause, no one quoted
        s, e, tok = tokens[k]
        verb = verb or (s, s + len(_strip_dot(tok)))
        np = _np_backward(tokens, k)
        if np is None:
            # "the Joint Statement, which declares …", "an envoy who warned …": the relative
            # pronoun's antecedent is the subject
            np = _relative_antecedent(text, tokens, k)
        if np is None and k and tokens[k - 1][2] == "," and (_strip_dot(tok).lower() not in SPEECH_GERUNDS
                                                             or _after_relative_clause(tokens, k)):
            # "Koizumi, for his part, said", "An official, speaking on condition of anonymity,
            # said": the subject is before the parenthesis (a participial clause's subject is the
            # sentence's, not the name before its comma: "X protested to Y, Ambassador …, stating";
            # but after a relative clause it is its antecedent's: "… Rahm Emanuel, who testified
            # for an hour, saying")
            for j in range(k - 2, max(-1, k - 2 - MAX_APPOSITION_TOKENS), -1):
                if tokens[j][2] == ",":
                    np = _np_backward(tokens, j)
                    if np and tokens[j - 1][2].islower() and _name_run(tokens[j + 1:k - 1]):
                        # "Tokyo's chief government spokesman, Chief Cabinet Secretary Hirokazu Matsuno,
                        # said": a description, and the name in apposition is the speaker
                        np = (tokens[j + 1][0], tokens[k - 2][0] + len(_strip_dot(tokens[k - 2][2])))
                    break
        if np is None and _strip_dot(tok).lower() in SPEECH_GERUNDS:
            # "…, calling the move “…”": the subject of a speech verb before it, else of the
            # sentence ("He changed course, first calling it a “…”"); never the gerund's object
            gerund = gerund or (k, verb)
            verb = None
            continue
        if np and _reported(tokens, bisect.bisect_left(starts, np[0]), k):
            verb = None  # "Kihara said the government would respond “…”": the reporting verb's subject speaks
            continue
        if np:
            cue = _cue(text, np, verb, "before")
            if gerund:
                # "Koizumi told reporters, adding that … “…”": a clause of its own brings it in
                cue.clause = gerund[1][0]
            return cue
        before = tokens[k - 1][2] if k else ""
        if not before or not _is_word(before):
            np = _np_forward(text, e, open_pos)
            if np:
                return _cue(text, np, verb, "before")
            return None
        if before.lower() != "and":
            verb = None
    if verb is not None:
        # "Prime Minister Ishiba congratulated President Trump … and stated that …": a verb after
        # "and" with no speech verb before it shares the subject that opens the sentence
        np = _leading_subject(tokens)
        if np:
            return _cue(text, np, verb, "before")
    if gerund is not None:
        np = _leading_subject(tokens[:gerund[0]])
        if np:
            return _cue(text, np, gerund[1], "before")
    return None


# the prepositions and subordinators that open a participial clause whose subject is the sentence's
# ("opened the meeting by saying, “…”", "while insisting that …", "after telling reporters …")
GERUND_OPENERS = frozenset("by while after before when upon".split())


def _name_run(tokens) -> bool:
    """Capitalised words only (with "of", "the", "and" inside): a name with its title."""
    return bool(tokens) and tokens[0][2][:1].isupper() and tokens[-1][2][:1].isupper() and all(
        _is_word(t[2]) and (t[2][:1].isupper() or t[2] in ("of", "the", "and")) for t in tokens)


MODALS = frozenset("would will could can should may might must shall".split())


def _reported(tokens, first: int, k: int) -> bool:
    """The noun phrase starting at ``tokens[first]`` opens a clause that a verb of saying reports
    ("said [that] the government would …", "told reporters that Tokyo will …"), and the verb of
    saying at ``tokens[k]`` in it is one to come, not one done ("would respond": the words are the
    reporter's; "said Hegseth had called it “…”" quotes Hegseth)."""
    if not any(t[2].lower() in MODALS for t in tokens[max(first, k - 3):k]):
        return False
    i = first - 1
    if i >= 0 and tokens[i][2].lower() == "that":
        i -= 1
    j = i
    while j >= 0 and _is_word(tokens[j][2]) and not _is_verb_at(tokens, j) and i - j < 2:
        j -= 1  # "told reporters that": the verb's object between
    return j >= 0 and tokens[j][2].lower() not in SPEECH_GERUNDS and _is_verb_at(tokens, j) \
        and (j == i or tokens[i + 1][2].lower() == "that")


def _opens_clause(tokens, k: int) -> bool:
    """The word at ``tokens[k]`` opens a clause after a comma, past adverbs ("…, first calling"),
    or after a preposition or subordinator ("by saying", "while insisting")."""
    j = k - 1
    while j >= 0 and (tokens[j][2].lower() in AUXILIARIES or _adverb(tokens[j][2])):
        j -= 1
    return j >= 0 and (tokens[j][2] == "," or tokens[j][2].lower() in GERUND_OPENERS)


def _relative_antecedent(text: str, tokens, k: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun right before the verb at ``tokens[k]`` stands for:
    "the Joint Statement, which declares", "an envoy who warned" (see :func:`_name_before`)."""
    j = k - 1
    while j >= 0 and (tokens[j][2].lower() in AUXILIARIES or _adverb(tokens[j][2])):
        j -= 1
    if j < 1 or tokens[j][2].lower() not in RELATIVES:
        return None
    if tokens[j - 1][2] == ",":
        j -= 1
    return _name_before(text, tokens, j)


def _name_before(text: str, tokens, j: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before ``tokens[j]``: a run of capitalised words (with
    "of", "the", "and" inside it) and the determiner before it — "the Japan-U.S. Joint Leaders’
    Statement" — or a determiner and at most three lower-case words ("the joint statement").
    Words only: "in December 2022 which" has none (a number between), and a month or a day is
    no one."""
    i = j - 1
    words = []
    while i >= 0 and _is_word(tokens[i][2]) and len(words) < MAX_NP_TOKENS \
            and not text[tokens[i][1]:tokens[i + 1][0]].strip():
        tok = tokens[i][2]
        if tok[0].isupper():
            words.append(i)
        elif tok.lower() in ("of", "the", "and") and words and i > 0 and tokens[i - 1][2][:1].isupper():
            words.append(i)
        else:
            break
        i -= 1
    if words and len(words) == 1 and _strip_dot(tokens[words[0]][2]).lower() in CALENDAR_WORDS:
        return None
    if words:
        first = words[-1]
        if first > 0 and tokens[first - 1][2].lower() in DETERMINERS:
            first -= 1
        return tokens[first][0], tokens[words[0]][0] + len(_strip_dot(tokens[words[0]][2]))
    for i in range(j - 1, max(-1, j - 5), -1):
        tok = tokens[i][2]
        if not _is_word(tok) or tok.lower() in NP_BREAKERS or text[tokens[i][1]:tokens[i + 1][0]].strip():
            return None
        if tok.lower() in DETERMINERS and i < j - 1:
            return tokens[i][0], tokens[j - 1][0] + len(_strip_dot(tokens[j - 1][2]))
    return None


def _name_list(tokens) -> bool:
    """Whether ``tokens`` are the rest of a list of names — capitalised words and "and"/"or", one of
    them at least ("Koizumi, Hegseth and Teodoro, the three ministers, met": no apposition; "Director-
    General of the Asian and Oceanian Affairs Bureau" is one)."""
    words = [t[2] for t in tokens]
    return any(w.lower() in ("and", "or") for w in words) and all(
        w.lower() in ("and", "or") or w[0].isupper() for w in words)


def _after_relative_clause(tokens, k: int) -> bool:
    """Whether the words between the comma before ``tokens[k]`` and the comma before them open with
    a relative pronoun ("Rahm Emanuel, who testified for an hour, saying": the antecedent speaks)."""
    for j in range(k - 2, max(-1, k - 2 - MAX_APPOSITION_TOKENS), -1):
        if tokens[j][2] == ",":
            return j + 1 < k - 1 and tokens[j + 1][2].lower() in ("who", "which", "whose")
    return False


def _leading_subject(tokens) -> tuple[int, int] | None:
    """The subject that opens a sentence: past a list number ("(1)") and an opening phrase up to
    its comma ("After the meeting,"), a pronoun ("He met … and said") or a run of capitalised
    words followed by a lower-case word ("Prime Minister Ishiba congratulated …"), or by an
    apposition between commas and then a lower-case word ("Governor Onaga, referring to …,
    criticized")."""
    i = 0
    while i < len(tokens) and (not _is_word(tokens[i][2]) or tokens[i][2].isdigit()):
        i += 1
    if i < len(tokens) and tokens[i][2].lower() in NP_BREAKERS:
        comma = next((c for c in range(i, len(tokens)) if tokens[c][2] == ","), None)
        if comma is None:
            return None
        i = comma + 1
    if i >= len(tokens):
        return None
    if tokens[i][2].lower() in PRONOUNS:
        return tokens[i][0], tokens[i][1]
    j = i
    if tokens[j][2].lower() in DETERMINERS:
        j += 1
    last = None
    while j < len(tokens) and _is_word(tokens[j][2]) and (
            tokens[j][2][0].isupper() or (tokens[j][2].lower() in ("of", "the") and last is not None)):
        if tokens[j][2][0].isupper():
            last = j
        j += 1
    verb = j  # the word after the subject: a lower-case one, its verb
    if last is not None and last == j - 1 and j < len(tokens) and tokens[j][2] == ",":
        # "Mr. OKANO Masataka, Vice-Minister for Foreign Affairs, protested": the name, an
        # apposition of words between commas, then its verb
        close = next((c for c in range(j + 1, min(len(tokens), j + 2 + MAX_APPOSITION_TOKENS))
                      if not _is_word(tokens[c][2])), None)
        if close is not None and close > j + 1 and tokens[close][2] == "," and close + 1 < len(tokens) \
                and tokens[close + 1][2].lower() not in NP_BREAKERS \
                and not _name_list(tokens[j + 1:close]):
            verb = close + 1
    if last is None or last != j - 1 or verb >= len(tokens) or not tokens[verb][2].islower():
        return None
    return tokens[i][0], tokens[last][0] + len(_strip_dot(tokens[last][2]))


def _np_backward(tokens, k: int) -> tuple[int, int] | None:
    """The subject before the verb at ``tokens[k]``: words back to punctuation or a function
    word, skipping auxiliaries and adverbs right before the verb ("Hegseth further added")."""
    j = k - 1
    while j >= 0 and (tokens[j][2].lower() in AUXILIARIES or _adverb(tokens[j][2])):
        j -= 1
    end = j
    if end >= 0 and tokens[end][2].lower() in PRONOUNS:
        # "Addressing lawmakers, she put it": a pronoun before the verb is its whole subject
        return tokens[end][0], tokens[end][1]
    while j >= 0 and k - j <= MAX_NP_TOKENS + 1:
        tok = tokens[j][2]
        low = tok.lower()
        if not _is_word(tok) or (low in SPEECH_VERBS and low not in SPEECH_GERUNDS and _is_verb_at(tokens, j)):
            break  # (a verb of saying ends the subject: "said the government would respond")
        if low in NP_BREAKERS and low != "of":
            # "Koizumi and Hegseth said": keep "and" between two capitalised words
            if low == "and" and j > 0 and tokens[j - 1][2][:1].isupper() and tokens[j + 1][2][:1].isupper():
                j -= 1
                continue
            break
        j -= 1
    first = j + 1
    while first <= end and tokens[first][2].lower() == "of":
        first += 1
    if first > end:
        return None
    return tokens[first][0], tokens[end][0] + len(_strip_dot(tokens[end][2]))


def _adverb(tok: str) -> bool:
    return tok.islower() and tok.endswith("ly") and len(tok) > 4


def _introduced(text: str, open_pos: int) -> bool:
    """``says, “…`` / ``told those around him, “…``: a speech verb a few words before a comma
    or colon that leads into the opening mark."""
    before = text[max(0, open_pos - 80):open_pos].rstrip()
    if not before or before[-1] not in ",:":
        return False
    tokens = _tokens(text, max(0, open_pos - 80), open_pos)
    words = [t for t in tokens if _is_word(t[2])][-6:]
    return any(w[2].lower() in SPEECH_VERBS for w in words)


def _quoted_ranges(text: str, s0: int, open_pos: int) -> list[tuple[int, int]]:
    """Quoted stretches between the sentence start and the opening mark (their words are not
    cues for this quotation)."""
    if not MARK.search(text, s0, open_pos):
        return []
    return [(s0 + q.start, s0 + q.end) for q in find_quotations(text[s0:open_pos])]


# --- transcripts ----------------------------------------------------------------------------------

@dataclass
class SpeakerLabel:
    """A speaker label opening a line of a transcript; ``text[start:end]`` is the label with its
    colon, the turn's words start at ``text_start`` (the next line's start for a label alone)."""

    start: int
    end: int
    label: str                  # as written, without the colon: "Q (Ryukyu Shimpo)", "MR. HAYASHI"
    kind: str                   # "ask" | "role" | "title" | "named"
    name_start: int | None      # the name's words in a named label ("HAYASHI", "GEN NAKATANI")
    name_end: int | None
    title: str | None           # the title of a title or named label, lower-cased ("minister")
    text_start: int


LABEL_LINE = re.compile(r"(?m)^[ \t]*(?:[○◯][ \t]*)?"
                        r"(?P<words>\([A-Za-z]+\)|[A-Za-z][\w.’'-]*(?: [A-Za-z][\w.’'-]*){0,7}?)"
                        r"(?:[ \t]*\((?P<aside>[^()\n]{1,60})\))?(?:[ \t]*:(?=\s|$)|(?<=Q)(?:[ \t]{2,}|\t)(?=\S))[ \t]*")
ASK_LABELS = frozenset("q question questioner reporter journalist participant audience".split())
ROLE_LABELS = frozenset("moderator staff interpreter translator operator announcer narrator host emcee mc "
                        "chairperson".split())
# an interview's answers ("A:"): the interviewee's, whom the label does not name
ANSWER_LABELS = frozenset("a answer".split())
# the head of a label that names a speaker by office only ("SENIOR ADMINISTRATION OFFICIAL:")
OFFICE_HEADS = frozenset("official officials briefer spokesperson spokesman spokeswoman".split())
# a speaker the transcript does not name: "(UNKNOWN):", "UNIDENTIFIED SPEAKER:"
UNNAMED_LABELS = frozenset("unknown unidentified".split())
# abbreviated titles of a transcript's later labels ("SEC. HAGEL:", "AMB. EMANUEL:") the names' list lacks
TITLE_ABBREVIATIONS = frozenset("sec secy amb".split())
# the words of a department after a title's "of" ("SECRETARY OF DEFENSE", "MINISTER OF STATE FOR
# FOREIGN AFFAIRS"): part of the title, not the name
TITLE_OF = frozenset("of for the defense defence war state foreign affairs homeland security navy army air force "
                     "treasury commerce justice".split())
# the honorifics before a name ("MR. HAYASHI", "MS ROE"): the referents' list, and "Dr."
HONORIFICS = frozenset(HONORIFIC_GENDER) | {"dr"}
# the titles of a person's office (a label's last title word): not the words that are also
# adjectives or ranks of many ("GENERAL NOTES", "CHIEF TAKEAWAYS"), nor an analyst's or a scholar's
OFFICES = (ROLES - {"general", "chief"}) | {"representative"}
# the words that end a turn's line (a sentence's end, a dash of a turn cut off): a line of a label
# in mixed case without one is a heading ("Admiral Okada: ten months at the helm")
LINE_END = re.compile(r"[.!?…:;\"”’)\]—–-]\s*$")


def speaker_labels(text: str) -> list[SpeakerLabel]:
    """:func:`_speaker_labels`, read once per text: the segmenter, the mentions and the claims stage
    all ask of the same document."""
    return list(_speaker_labels(text))


def line_labels(line: str) -> list[SpeakerLabel]:
    """:func:`speaker_labels` of one line, not kept: the segmenter asks of many lines of a
    transcript, and keeping them would push the whole document's labels out of the cache."""
    return list(_speaker_labels.__wrapped__(line))


@functools.lru_cache(maxsize=4)
def _speaker_labels(text: str) -> tuple[SpeakerLabel, ...]:
    """Every line of ``text`` that opens with a speaker label (see the module docstring); whether
    they make a transcript is :func:`transcript`'s to say. A named label's name must be one the
    text knows: after an honorific ("MR. HAYASHI"), or a word the text uses elsewhere as a name
    (capitalised there, never in lower case): title words before common nouns ("Major Findings:",
    "CHIEF TAKEAWAYS:") are a section's label, not a speaker's; or else, in capitals, an office's
    title and a name that take turns in a transcript (:func:`_taking_turns`). A label in mixed case
    whose line goes on without ending a sentence is a heading ("Prime Minister Ishiba: a year in office")."""
    out, known = [], {}  # known: whether a label's name is one the text knows, by the label's words
    unknown = []  # the named labels in capitals whose name the text does not know
    names = []  # the labels that are a name alone ("DANA WHITCOMBE:", "WHITCOMBE:")
    for m in LABEL_LINE.finditer(text):
        words = m.group("words").split(" ")
        low = [w.lower().rstrip(".") for w in words]
        if low[0].strip("()") in UNNAMED_LABELS and len(words) <= 2:
            out.append(_label(text, m, "ask" if low[-1] in ASK_LABELS else "role", None, None))
            continue
        if words[0].startswith("("):
            continue
        if not _shaped(words, low):
            continue
        name = title = None
        if len(words) <= 2 and " ".join(low) in ASK_LABELS | {"audience member"}:
            kind = "ask"
        elif len(words) == 1 and low[0] in ROLE_LABELS | ANSWER_LABELS or low[-1] in OFFICE_HEADS:
            kind = "role"
        elif len(words) == 1 and low[0] in ROLES:
            kind, title = "title", low[0]
        else:
            last = max((k for k, w in enumerate(low) if w in TITLE_WORDS or w in HONORIFICS
                        or w in TITLE_ABBREVIATIONS and words[k].endswith(".")), default=None)
            if last is None:
                if _name_shaped(words):  # "DANA WHITCOMBE", "WHITCOMBE", "OKADA Katsuya": if it takes turns (below)
                    names.append(_label(text, m, "named", (m.start("words"), m.end("words")), None))
                continue  # "WASHINGTON:", "Place:", "READ MORE:": no title, no honorific
            k = last + 1
            while k < len(words) and low[k] in TITLE_OF:
                k += 1
            if k >= len(words):
                if len(words) <= 3 and low[-1] in ROLES:  # "Defense Minister:"
                    kind, title = "title", low[-1]
                elif low[last] in ROLES and k > last + 1:  # "SECRETARY OF STATE:": an office, no one named
                    kind, title = "title", " ".join(low[last:])
                else:
                    continue
            else:
                offsets = [m.start("words") + len(" ".join(words[:j])) + (1 if j else 0) for j in range(len(words))]
                name = (offsets[k], m.end("words"))
                key = (m.group("words"), k)
                if key not in known:
                    known[key] = any(w in HONORIFICS for w in low[:k]) or _known_name(text, words[k:], m.group("words"))
                title = next((w for w in reversed(low[:k]) if w in ROLES), None)
                if not known[key]:
                    if m.group("words").isupper() and low[last] in OFFICES and len(words) - k <= 2:
                        # "CHAIRMAN WICKER": a speaker's label, if it takes turns (below)
                        unknown.append(_label(text, m, "named", name, title))
                    continue  # "Major Findings:", "DEFENSE MINISTER VISIT:": a section's label
                kind = "named"
        if kind in ("named", "title") and not m.group("words").isupper():
            line_end = text.find("\n", m.end())
            rest = text[m.end():line_end if line_end >= 0 else len(text)].strip()
            if rest and not LINE_END.search(rest):
                continue  # "Prime Minister Ishiba: a year in office", "Secretary Ito: A New Chapter": headings
        if kind == "title" and m.group("aside") and _bracket_name(text, m.group("aside").split()):
            # "Prime Minister (TAKAICHI Sanae)": an office and, in brackets, the name of the one who holds it
            kind, name = "named", (m.start("aside"), m.end("aside"))
        out.append(_label(text, m, kind, name, title))
    out += _taking_turns(unknown, out)
    return tuple(sorted(out + _names_taking_turns(text, names, out), key=lambda lab: lab.start))


def _taking_turns(unknown: list[SpeakerLabel], accepted: list[SpeakerLabel]) -> list[SpeakerLabel]:
    """The labels in capitals of a name the text writes nowhere else ("CHAIRMAN WICKER:", "CHIEF
    CABINET SECRETARY FUJIMURA:" under a header that names no one) that take turns: the same label
    again after another label's turn, in a text the other labels already make a transcript. A
    section's label in capitals is not said again after another speaker's words ("DEFENSE MINISTER
    VISIT:"); the caller offers only an office's title and a name of one or two words (not
    "GENERAL NOTES:", "MAJOR CHANGES:", "ANALYST TAKE:")."""
    if not transcript(accepted):
        return []  # an FAQ's "Q:"/"A:" with "MAJOR CHANGES:" between: no one takes turns
    starts = sorted(lab.start for lab in accepted)
    by_words: dict[str, list[SpeakerLabel]] = {}
    for lab in unknown:
        by_words.setdefault(lab.label, []).append(lab)
    out = []
    for same in by_words.values():
        if any(bisect.bisect(starts, a.start) != bisect.bisect(starts, b.start) for a, b in zip(same, same[1:])):
            out += same
    return out


def _bracket_name(text: str, words: list[str]) -> bool:
    """Whether an aside in brackets after an office is its holder's name ("TAKAICHI Sanae"): person-shaped,
    a word in capitals, and no word a function word ("VIA", "IN", "THROUGH"), a role's ("INTERPRETER") or
    one the text writes in lower case elsewhere ("translation"): not "(VIA INTERPRETER)", "(IN JAPANESE)"."""
    from .mentions import FUNCTION_WORDS

    if not person_shaped(words) or not any(w.isupper() and len(w) > 1 for w in words):
        return False
    at = _words_at(text)
    return not any(w.lower() in FUNCTION_WORDS | ROLE_LABELS
                   or any(text[x].islower() for x in at.get(w.lower(), ())) for w in words)


def _name_shaped(words: list[str]) -> bool:
    """A person's name alone, as a label gives it: one to three capitalised words or initials, one
    in capitals at least ("DANA WHITCOMBE", "WHITCOMBE", "OKADA Katsuya", "ELBRIDGE A. COLBY"), none a
    head noun ("PRESS", "COMMITTEE") or a word no name is ("NEXT"); whether it is a name the text's
    prose says (:func:`_names_taking_turns`: "NOTE", "KEY POINTS" are no one's)."""
    if not any(w.isupper() and len(w) > 1 for w in words) or len(words) > 3:
        return False
    return person_shaped(words) if len(words) > 1 else \
        words[0].isalpha() and not head_word(words[0]) and words[0].lower() not in NOT_NAMES


def name_words(text: str, lab: SpeakerLabel) -> set[str]:
    """The words of a named label's name, in capitals ("EMI KOIZUMI" of "Ms. Emi Koizumi")."""
    return set(text[lab.name_start:lab.name_end].upper().split())


def fuller_label(text: str, words: set[str], before: int, labels) -> SpeakerLabel | None:
    """The nearest named label of ``labels`` starting before ``before`` whose name has more words,
    every one of ``words`` (a name's, :func:`name_words`) among them: "EMI KOIZUMI:" for a later
    "KOIZUMI:". A one-word label is a speaker's only after such a fuller one (here and in
    claims, which names the speaker the fuller label names)."""
    return next((other for other in reversed(labels) if other.start < before and other.kind == "named"
                 and other.name_start is not None and words < name_words(text, other)), None)


def _names_taking_turns(text: str, names: list[SpeakerLabel], accepted: list[SpeakerLabel]) -> list[SpeakerLabel]:
    """The labels that are a name alone ("DANA WHITCOMBE:" at the first turn, then "WHITCOMBE:") and
    are a speaker's: a name, the family name alone one of a fuller label's before it (so is an
    honorific's: "MICHAEL J. GREEN:", later "MR. GREEN:"), never a word alone that no fuller label
    introduces (a press review's "KYODO:", "NATO:", a storm log's "KADENA:"); the text writes
    a word of it as a name in its prose (:func:`_known_name` ``in_prose``: "I'm Dana Whitcombe",
    "Mr. Okada's time"), not only in labels ("KEY POINTS", "UPDATE"); no place the
    gazetteer knows ("TOKYO:", a live page's entries); and said again after another label's turn, in
    a text that is a transcript with them."""
    if not names:
        return []
    from .. import gazetteer

    groups: dict[str, list[SpeakerLabel]] = {}  # by the fullest label's name ("DANA WHITCOMBE")
    for lab in names:
        words = name_words(text, lab)
        full = next((g for g in groups if words <= set(g.upper().split())), text[lab.name_start:lab.name_end])
        groups.setdefault(full, []).append(lab)
    starts = sorted(lab.start for lab in accepted + names)
    out = []
    for full, same in groups.items():
        # the same speaker's labels: the family name alone, or with an honorific ("MICHAEL J. GREEN", "MR. GREEN")
        turns = sorted(same + [lab for lab in accepted if lab.kind == "named"
                               and name_words(text, lab) <= set(full.upper().split())], key=lambda lab: lab.start)
        # a one-word label ("KYODO", "NATO", "KADENA") only after a fuller one ("DANA WHITCOMBE", then "WHITCOMBE")
        # (or a named label of more words before it: "Minister (ITO Kenji)", then "ITO")
        fuller = len(full.split()) > 1 or fuller_label(text, name_words(text, same[0]), same[0].start, accepted) is not None
        again = any(bisect.bisect(starts, a.start) + 1 < bisect.bisect(starts, b.start)
                    for a, b in zip(turns, turns[1:]))  # said again after another label's turn
        if fuller and again and _known_name(text, full.split(), in_prose=True) \
                and gazetteer.lookup(full.title()) is None:
            out += same
    out.sort(key=lambda lab: lab.start)
    return out if transcript(sorted(accepted + out, key=lambda lab: lab.start)) else []


def _shaped(words: list[str], low: list[str]) -> bool:
    """Whether a line's words before its colon have a label's shape: capitalised words ("of" and "for"
    between them: "Minister of Defense"), one in capitals or two at least, or a reporter's, a role's
    or a title's word alone."""
    return all(w.isupper() or w[:1].isupper() or k and w in ("of", "for") for k, w in enumerate(words)) and (
        any(w.isupper() and len(w) > 1 for w in words) or len(words) > 1
        or low[0] in ASK_LABELS | ROLE_LABELS | ANSWER_LABELS | ROLES)


@functools.lru_cache(maxsize=4)
def label_shaped_lines(text: str) -> tuple[int, ...]:
    """The starts of the lines of ``text`` that have a speaker label's shape (:data:`LABEL_LINE`,
    :func:`_shaped`), whether :func:`speaker_labels` accepts them or not. In a transcript such a line
    the reader does not accept ("AUDIENCE QUESTION:", a name it cannot show is one) still ends the
    turn before it: a turn missed is better than one given to the wrong speaker."""
    out = []
    for m in LABEL_LINE.finditer(text):
        words = m.group("words").split(" ")
        if words[0].startswith("(") or _shaped(words, [w.lower().rstrip(".") for w in words]):
            out.append(m.start("words"))
    return tuple(out)


WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=4)
def _words_at(text: str) -> dict[str, list[int]]:
    """Where each word of ``text`` occurs, by the word lower-cased: one pass over the text, so that
    a transcript of thousands of labels does not search the whole text once per label."""
    out: dict[str, list[int]] = {}
    for x in WORD.finditer(text):
        out.setdefault(x.group().lower(), []).append(x.start())
    return out


def _known_name(text: str, words: list[str], label: str = "", in_prose: bool = False) -> bool:
    """Whether a word of a label's name (three letters at least) is one ``text`` uses as a name
    outside the lines of that label (``label``, its words as written): capitalised elsewhere ("Press
    Conference by … KOIZUMI Shinjiro", another label "SEC. HAGEL" after "CHUCK HAGEL"), and never
    written in lower case. ``in_prose``: outside every label, after another word on its line or an
    honorific ("I'm Dana Whitcombe", "Mr. Okada's time"), not a line's first word."""
    shaped = label_shaped_lines(text) if in_prose else ()
    for w in words:
        w = w.strip(".’'")
        if len(w) < 3:
            continue
        if WORD.fullmatch(w):
            seen = _words_at(text).get(w.lower(), [])
        else:  # "O’NEIL", "JEAN-PIERRE": the word as a whole
            seen = [x.start() for x in re.finditer(rf"(?i)\b{re.escape(w)}\b", text)]
        if any(not text[x].isupper() for x in seen):
            continue  # a word the text writes in lower case: no name
        for x in seen:
            line = text.rfind("\n", 0, x) + 1
            if in_prose:
                k = bisect.bisect_right(shaped, x) - 1  # the label of x's line, if x is in it
                before = text[line:x].rstrip()
                if not before or k >= 0 and shaped[k] >= line and ":" not in text[shaped[k]:x]:
                    continue  # a line's first word, or a label ("○OKADA Katsuya:")
                if before[-1] not in ".!?:" or before.split()[-1].lower().rstrip(".") in HONORIFICS:
                    return True
                continue
            while text[line:line + 1] in (" ", "\t"):
                line += 1
            if not text.startswith(label, line):
                return True
    return False


def _label(text: str, m, kind: str, name, title) -> SpeakerLabel:
    end = m.end()
    text_start = end
    if text[end:end + 1] == "\n":  # "Minister:" on a line of its own: the words are on the next lines
        text_start = end + 1
        while text_start < len(text) and text[text_start].isspace():
            text_start += 1
    label_end = m.end("aside") + 1 if m.group("aside") else m.end("words")
    return SpeakerLabel(m.start("words"), text.index(":", label_end) + 1 if ":" in text[label_end:end] else label_end,
                        text[m.start("words"):label_end], kind, *(name or (None, None)), title, text_start)


def transcript(labels: list[SpeakerLabel]) -> bool:
    """Whether the labels make a transcript: a reporter's label ("Q", "QUESTION") with a speaker's
    (a named one, a bare title's, a moderator's or staff's), or a named or title label with a
    moderator's or staff's, or with a named label again after another's (an exchange: the same name,
    or its family name alone, "MICHAEL J. GREEN" then "MR. GREEN"). So a
    readout's or a profile's "Minister Ito: …" lines, each once, are no transcript, nor an FAQ's
    "Q:"/"A:" lines (no one speaks: the answers are the publisher's), nor an event's "Host:"/
    "Moderator:" lines."""
    if len(labels) < 2:
        return False
    chair = any(l.kind == "role" and l.label.lower() not in ANSWER_LABELS for l in labels)
    # who speaks: a named label's name words ("GREEN" of "MICHAEL J. GREEN" and of "MR. GREEN"), a title's own
    spoken = [frozenset((l.label[l.name_start - l.start:l.name_end - l.start] if l.name_start is not None
                         else l.label).upper().split()) for l in labels if l.kind in ("named", "title")]
    again = any(any(lab <= before for before in spoken[:k - 1]) for k, lab in enumerate(spoken)
                if k and not lab <= spoken[k - 1])
    if any(l.kind == "ask" for l in labels):
        return chair or bool(spoken)
    return bool(spoken) and (chair or again)
