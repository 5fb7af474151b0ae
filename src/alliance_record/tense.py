"""Which way a date without a year points: read from the tense of the clause that governs it.

"The Feb. 8 general election" in a January article is this year's; "Koizumi met Marles on
Dec. 7" in a January article is last year's; "a meeting with Hegseth on Thursday" ahead of it
is this week's Thursday to come. What decides is the verb group of the clause the date sits in:

* past: a past-tense verb ("met", "announced"), a perfect ("has held", "had agreed"), a past
  form of "be" ("was", "were"), "ago", "last", "earlier", "previous";
* future: "will", "shall", "'ll", "may" and "might" before a verb's base form ("may visit Manila
  in May"; not "might have"), "could" so after a verb of saying or thinking ("said the next round
  could open before the autumn"; not a past ability, "the crew could finally leave", nor "could"
  before "be" at all: "could be reached", "could be signed") and neither after a past time named before it ("Last year analysts warned that
  prices might rise"), "is going to", "is/are scheduled|set|due|slated|expected to", "plans to",
  "would" after a report ("said it would begin"), "next", "upcoming", "coming",
  "ahead of", "through" / "until" (a stretch that runs on), "starting", and a present tense
  with a date ("the talks begin on Monday", "the law takes effect in April": the scheduled present
  of a timetable verb or phrase, read apart in headlines and captions), what was put off
  ("postponed to June") and a condition of "would" ("would retaliate if the drills went ahead"),
  unless the sentence goes on to say it was met (", and they did") or reports it in a past
  perfect ("had warned it would ... if"); so does one of a threat or pledge ("threatened to halt
  imports if Tokyo went ahead in March"; not a hope: "hoped to stay on if ..."), and a present in
  a clause of time or condition ("whoever takes the runoff on Sunday", "if the party loses on
  Sunday"; after the prepositions after/before/until only with a determiner, pronoun or name for
  subject, and not in a headline, whose present tells what happened).

A date whose sentence shows no tense, and whose verb is past and present alike (cut, set, put),
takes the past of the sentence before it in its paragraph (:func:`tense_before`: "Tokyo tightened
its rules. In April, the ministry cut the list"); a future or a present is never carried.

:func:`clause_tense` looks at the words of the clause around a date (bounded by sentence ends,
semicolons, colons and parentheses) and takes the verb group nearest to the date; words that
belong to the date's own sentence but another clause ("..., which was announced in May") count
only when nothing nearer does. It is a reading of the surface, not a parse: fast (a few
microseconds a date; only dates that need a direction are read), and its misses are counted on
the new-document set and the TempEval-3 training data, not assumed away.
"""

from __future__ import annotations

import re

# Irregular past forms common in news prose (regular ones end in -ed). Forms that are also the
# present or the base form ("put", "set", "read", "hit", "cut", "let") say nothing and are left out.
IRREGULAR_PAST = frozenset("""
was were had did said met made took went came saw told gave held began left sent spoke won lost
led became kept brought thought found ran wrote fell rose struck shot flew chose drove broke
built bought caught fought felt got grew heard knew laid meant paid sold shook sat slept spent
stood stole swore taught threw understood woke wore withdrew drew forgot froze hid hung lent lit
overtook sank sought sped sprang stuck swept swung tore undertook upheld wept wound arose
awoke bore beat bent bled blew bred clung crept dealt dug dove fled flung forbade forgave foresaw
ground knelt leapt mistook oversaw rang rode sang shone shrank slid slung spun stank strode
strove swam sworn thrust trod wrung saw sunk underwent oversold overran outgrew sent
""".split())
PARTICIPLES = frozenset("""
been done seen taken given gone made held begun left sent spoken won lost led become kept
brought thought found run written fallen risen struck shot flown chosen driven broken built
bought caught fought felt got gotten grown heard known laid meant paid sold shaken sat slept
spent stood stolen sworn taught thrown understood woken worn withdrawn drawn forgotten frozen
hidden hung lent lit overtaken sunk sought put set read hit cut let quit shut spread cost hurt
come met had said told
""".split())
# -ed words that are not past verbs
NOT_PAST = frozenset("""
need red bed speed seed feed hundred shed bred sled weed deed breed proceed exceed succeed
indeed embed reed heed coed iced unprecedented sacred kindred naked wicked rugged ragged beloved aged skilled
armed united advanced limited detailed expected planned scheduled proposed so-called
based related concerned involved interested allied talented renewed heightened increased
unexpected unified enlarged experienced qualified marked classified reserved
""".split())
FUTURE_AUX = frozenset(["will", "shall", "’ll", "'ll", "won’t", "won't"])
# a modal of what may happen, before a verb's base form ("may visit", "could come"; not "could
# not", "might have been": a past that did not happen). "could" only in what was said or thought
# ("said the next round could open"), never before "be" ("could be reached", "could be signed": the
# code leaves every "could be"): in a main clause it is a past ability ("the crew could leave")
MODAL_AHEAD = frozenset(["may", "might", "could"])
NOT_AHEAD_AFTER_MODAL = frozenset(["have", "not", "never", "hardly", "only", "n't"])
# the verbs of saying and thinking whose "that" clause shifts "can" back to "could"
SAID_OR_THOUGHT = frozenset(["says", "say", "warns", "believe", "believes", "believed", "think", "thinks",
                             "thought", "expect", "expects", "expected", "predicted"])
# words of a past time before a modal, in its clause: what was said then looks ahead from then, not
# from the document's date ("Last year analysts warned that prices might rise in the autumn")
PAST_TIME = frozenset(["ago", "last", "earlier", "yesterday", "previous", "previously"])
PRESENT_BE = frozenset(["is", "are", "am", "’s", "'s"])
PAST_BE = frozenset(["was", "were"])
HAVE = frozenset(["has", "have", "’ve", "'ve"])
SCHEDULE = frozenset(["scheduled", "set", "due", "slated", "expected", "poised", "planned", "going",
                      "about", "likely", "certain", "to"])
PLAN_VERBS = frozenset(["plans", "plan", "intends", "intend", "aims", "aim", "hopes", "hope", "vows",
                        "pledges", "seeks", "wants", "prepares", "prepare", "expects"])
# ("until" and "till" too, loosely: "has until the Dec. 14 deadline"; a verb outranks them: "stayed until")
FUTURE_WORDS = frozenset(["next", "upcoming", "coming", "forthcoming", "tomorrow", "until", "till"])
# past forms that put what they govern ahead: "planned a rally on Saturday", "set to resume Monday"
# (with an infinitive: "had threatened to impose from Aug. 1", "offered to host talks in May": what
# was threatened, promised or sought lies ahead of the threat)
PLANNED = frozenset(["planned", "scheduled", "slated", "expected", "intended", "set", "due", "poised",
                     "prepared", "planning", "preparing", "promised", "vowed", "pledged", "agreed",
                     "threatened", "threatening", "offered", "proposed", "sought", "aimed", "hoped",
                     "wanted"])
# what was put off lies ahead of putting it off: "postponed to October", "delayed until March"
DEFERRED = frozenset(["postponed", "delayed", "deferred", "rescheduled", "pushed", "put"])
DEFERRED_TO = frozenset(["to", "until", "till", "for", "back", "off"])
PAST_WORDS = frozenset(["ago", "last", "earlier", "previous", "previously", "former", "yesterday",
                        "recently", "since"])
# Words after "to" that show it is a preposition, not an infinitive's: "the level NATO members
# agreed to in June" is past, "agreed to meet in June" points ahead.
NOT_INFINITIVE = frozenset(["in", "on", "at", "by", "for", "from", "with", "the", "a", "an", "this", "that",
                            "its", "their", "his", "her", "last", "earlier", "", "\x00"])  # (\x00: the date)
WORD_CUES = PAST_WORDS | FUTURE_WORDS  # words that say a time, not verbs
# Verbs of a timetable, whose simple present tells what is scheduled ("the new fiscal year starts in
# April", "the talks resume on Monday", "the exercise runs until Sept. 25", "he arrives Monday"): the
# futurate present (headlines and captions tell what happened in the present: date_mentions reads
# them apart). Of the verbs of travel only the forms in -s, which no noun before a date shares
# ("tax returns in April", "a state visit in May" are nouns), and of "meet", "arrive", "depart" the
# base form too ("ministers meet again in May").
SCHEDULED_PRESENT = frozenset("""
begins begin starts start opens open closes close ends end expires expire resumes resume convenes
convene runs run concludes conclude reopens reopen arrives leaves departs heads travels meets flies sails
meet arrive depart
""".split())
# and the timetable phrases of a verb that alone says nothing: "takes effect", "takes place",
# "comes into force", "enters into force", "goes into effect"
SCHEDULED_PHRASES = {"takes": ("effect", "place"), "take": ("effect", "place"), "comes": ("into",),
                     "come": ("into",), "enters": ("into",), "enter": ("into",), "goes": ("into",), "go": ("into",),
                     "kicks": ("off",), "kick": ("off",), "wraps": ("up",), "wrap": ("up",)}
FUTURATE_CUES = SCHEDULED_PRESENT | frozenset(SCHEDULED_PHRASES)  # what a headline's present is read apart for
# words before such a form that make it no finite present: an infinitive, a modal, a negation, a
# determiner (then it is a noun: "the start in April", "its runs")
NOT_FINITE_BEFORE = frozenset("""
to did didn't didn’t does doesn't doesn’t do don't don’t not never could would should might may can must
will shall the a an its their his her our this that these those every each no first
""".split())
REPORTING = frozenset(["said", "told", "announced", "stated", "added", "noted", "reported", "confirmed",
                       "indicated", "agreed", "decided", "warned", "promised", "pledged", "vowed"])
# What ends a clause for this purpose: punctuation, or a blank line (a line break inside a
# hard-wrapped paragraph does not).
# A period after a capital ("U.S.", "Gen. Brown's") or a short title ("Mr.", "Gen.") is an
# abbreviation's, not a sentence end: "Koizumi met U.S. Secretary Hegseth on Thursday" is
# governed by "met"; so is one before a small letter or a digit ("at 9 a.m. on Sept. 25", "Oct. 30"):
# a sentence opens with neither.
# Written so that every alternative opens with the one character class in front (the engine then
# skips the other characters without entering the pattern): the punctuation, then which one it was.
_CLAUSE_END = re.compile(r"[!?;:()\[\]“”\".\n](?:(?<=[!?;:()\[\]“”\"])\s"
                         r"|(?<=\.)(?<![A-Z]\.)(?<!\b[A-Z][a-z]\.)(?<!\b(?:Mrs|Gen|Col|Sen|Rep|Gov|Sgt|Adm|Maj)\.)"
                         r"(?<!Capt\.)\s(?![a-z0-9])|(?<=[;:()\[\]“”])|(?<=\n)[ \t]*\n)")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*")
WINDOW = 160  # characters looked at on each side of a date


def past_form(word: str) -> bool:
    """A past-tense form: an irregular one ("flew", "met") or a regular -ed word."""
    return _past_form(word)


def _past_form(word: str) -> bool:
    w = word.lower()
    if w in IRREGULAR_PAST:
        return True
    return len(w) > 3 and w.endswith("ed") and w not in NOT_PAST and not word[0].isupper()


# the words a test of _groups looks for by name (a past form or an -s form it tells by its shape)
_CUE_WORDS = (FUTURE_AUX | MODAL_AHEAD | PRESENT_BE | PLAN_VERBS | PLANNED | HAVE | PAST_BE | PAST_WORDS | FUTURE_WORDS
              | FUTURATE_CUES | DEFERRED | {"would", "had", "ahead", "payable"})


def _groups(tokens: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """Verb groups and tense words among ``tokens`` ((offset, word)): (offset, tense, cue)."""
    out = []
    low = [w.lower() for _, w in tokens]
    n = len(tokens)
    subordinated = not SUBORDINATORS.isdisjoint(low) or not FREE_RELATIVES.isdisjoint(low)  # (checked once)
    for i, (pos, word) in enumerate(tokens):
        w = low[i]
        if w not in _CUE_WORDS and not w.endswith(("s", "ed")) and w not in IRREGULAR_PAST:
            continue  # no verb group or tense word starts here (every test below needs one of these)
        nxt = low[i + 1] if i + 1 < n else ""
        nxt2 = low[i + 2] if i + 2 < n else ""
        if w in FUTURE_AUX:
            out.append((pos, "future", word))
        elif w in MODAL_AHEAD and word.islower() and nxt and nxt not in NOT_AHEAD_AFTER_MODAL \
                and not (w == "could" and (nxt == "be" or not _reported(low, i, SAID_OR_THOUGHT, 10))) \
                and not _set_in_the_past(tokens, low, i):  # ("could be located Wednesday": not done then)
            out.append((pos, "future", f"{word} {tokens[i + 1][1]}"))  # "could come before the summer"
        elif w in PRESENT_BE and (nxt in SCHEDULE or nxt2 in ("to",)) and (nxt == "to" or nxt2 == "to"
                                                                           or nxt in ("due", "set")):
            out.append((pos, "future", f"{word} {tokens[i + 1][1]}"))
        elif w in PLAN_VERBS and nxt == "to" and nxt2 not in NOT_INFINITIVE:
            out.append((pos, "future", f"{word} to"))
        elif w in DEFERRED and nxt in DEFERRED_TO and (w not in ("pushed", "put") or nxt in ("back", "off")):
            out.append((pos, "future", f"{word} {tokens[i + 1][1]}"))
        elif w in PLANNED and ((nxt == "to" and nxt2 not in NOT_INFINITIVE) or (
                w in ("planned", "scheduled", "planning", "slated", "expected") and nxt not in ("by", "as", "to"))):
            out.append((pos, "future", f"{word} {tokens[i + 1][1]}" if i + 1 < n else word))
        elif w == "would" and _reported(low, i):
            out.append((pos, "future", word))
        elif w in HAVE and (nxt in PARTICIPLES or _past_form(tokens[i + 1][1]) if i + 1 < n else False):
            out.append((pos, "past", f"{word} {tokens[i + 1][1]}"))
        elif w in HAVE and nxt in ("not", "already", "also", "just", "since", "long", "recently", "never",
                                   "yet", "previously") and i + 2 < n and (
                nxt2 in PARTICIPLES or _past_form(tokens[i + 2][1])):
            out.append((pos, "past", f"{word} {tokens[i + 2][1]}"))
        elif w == "had" or w in PAST_BE:
            out.append((pos, "past", word))
        elif w in PAST_WORDS:
            out.append((pos, "past", word))
        elif w in FUTURE_WORDS:
            out.append((pos, "future", word))
        elif w == "ahead" and nxt == "of":
            out.append((pos, "future", "ahead of"))
        elif (w in SCHEDULED_PRESENT or nxt in SCHEDULED_PHRASES.get(w, ())) and (not i or (
                low[i - 1] not in NOT_FINITE_BEFORE and not low[i - 1].endswith(("’s", "'s")))):
            # (first in its words, it follows the date: "the new fiscal year starts in April")
            out.append((pos, "future", word))  # the futurate present: "the fiscal year starts in April"
        elif _past_form(word) and not (i and low[i - 1] in PRESENT_BE | PAST_BE | HAVE | {"be", "been", "being",
                                                                                   "get", "got"}) \
                and not _attributive(low, i):
            head = _condition_head(low, i) \
                if "if" in low[max(0, i - 4):i] or "unless" in low[max(0, i - 4):i] else None
            if head is not None and not _past_perfect_report(low, head):
                # (not after a past perfect report: "had warned it would ... if", a past before a past)
                # "warned that it would respond if the drills went ahead in April": a condition of what
                # would follow, still to come
                out.append((pos, "future", f"if {word}"))
            else:
                out.append((pos, "past", word))
        elif subordinated and word[0].islower() and (opener := _present_after_subordinator(tokens, low, i)):  # (not a name: "after the collision off Zambales")
            # "if the party loses on Sunday", "whoever takes the runoff on Sunday", "before Lee visits Washington
            # in August": a present in a clause of time or condition speaks of what is to come (the cue
            # names the opener: a headline's present is read apart, see subordinate_present)
            out.append((pos, "future", f"{opener} {word}"))
        elif w == "payable":  # "payable Dec. 7 to stock of record Nov. 22": a date set, the nearest either way
            out.append((pos, "present", word))
        elif w in PRESENT_BE or (w.endswith("s") and i and low[i - 1] in ("it", "he", "she", "which", "who")):
            out.append((pos, "present", word))
    return out


def _reported(low: list[str], i: int, more: frozenset = frozenset(), words: int = 6) -> bool:
    """A verb of reporting (or one of ``more``) stands among the ``words`` words before ``low[i]``:
    "said it would", "said a return visit by the premier could"."""
    return any(w in REPORTING or w in more for w in low[max(0, i - words):i])


def _set_in_the_past(tokens: list[tuple[int, str]], low: list[str], i: int) -> bool:
    """The words of the clause before ``low[i]`` name a past time or a day or month ("Last year",
    "In January", "said on Monday"): a modal there looks ahead from that time, not from the
    document's date, so it is no cue; the verb of the report ("warned", "said") decides."""
    from .dates import MONTH_NAMES, WEEKDAY_NAMES  # (dates imports this module)

    return any(w in PAST_TIME for w in low[:i]) or any(t in MONTH_NAMES or t in WEEKDAY_NAMES for _, t in tokens[:i])


# Words that open a clause of time or condition, or stand as its subject ("whoever wins"), whose
# present tense points ahead; and the words that show an -s word after them is a noun ("if the talks")
SUBORDINATORS = frozenset("if unless once when whenever until till before after whether".split())
FREE_RELATIVES = frozenset("whoever whichever whatever".split())
PREPOSITION_SUBORDINATORS = frozenset("until till before after".split())
SUBJECT_OPENERS = frozenset("the a an this that these those its his her their our my your he she it they we i you "
                            "each every no some any either neither".split())
_NOT_SUBJECT_END = NOT_FINITE_BEFORE | frozenset("of in on at for with by from to into as than and or".split())


# words after which a base form is a verb, and words that cannot open the bare noun after an -ed word
_BASE_BEFORE = frozenset("to will would shall should can could may might must".split())
_NO_BARE_NOUN = frozenset("""
the a an this that these those his her its their our my your it them him us me up down out off in on at for by with
from of to into onto over as and or but back again away there here than
""".split()) | {"\x00", "\x00’s"}


def _attributive(low: list[str], i: int) -> bool:
    """The -ed word ``low[i]`` stands right after a verb's base form and before a bare noun, with no
    determiner between: an adjective of that noun ("will sell used destroyers", "to inspect
    decommissioned ships"), not the clause's verb."""
    return 1 < i < len(low) - 1 and low[i - 2] in _BASE_BEFORE and low[i + 1] not in _NO_BARE_NOUN \
        and not low[i + 1].endswith("ly") and not _past_form(low[i - 1])


def _present_after_subordinator(tokens: list[tuple[int, str]], low: list[str], i: int) -> str | None:
    """``low[i]`` is a verb in -s (or "is", "are") whose subject a subordinator opens a few words
    before ("if the yen weakens", "whoever wins", "when Takaichi speaks"), not a plural noun ("if the
    talks") nor a past or a reported clause: the opener, or None."""
    w = low[i]
    if not (w in ("is", "are") or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "’s", "'s")))):
        return None
    if i and low[i - 1] in FREE_RELATIVES:
        return low[i - 1]
    opener = next((j for j in range(i - 2, max(-1, i - 6), -1) if low[j] in SUBORDINATORS or low[j] in FREE_RELATIVES), None)
    # (the subject between is one to four words with no verb of its own: "if Beijing banned seafood
    # imports"; no past follows a plural noun taken for the verb: "when two exile leaders ... were
    # arrested"; and "Thursday, when ..." tells of that day, no condition)
    if opener is None or low[i - 1] in _NOT_SUBJECT_END or low[i - 1] in SUBORDINATORS \
            or any(_past_form(w) for w in low[opener + 1:i + 6]) or (opener and low[opener - 1].startswith("\x00")):
        return None
    if low[opener] in PREPOSITION_SUBORDINATORS:
        # "after", "before", "until" are prepositions too: "after eight rounds of talks", "after weak
        # U.S. jobs figures in August", "testified before Senate lawmakers in April" have no verb. The
        # -s word is one only after a determiner, pronoun or name, not before "of" or a preposition
        # and the date, and not when a past verb before the opener tells the story
        first = tokens[opener + 1][1]
        nxt = low[i + 1] if i + 1 < len(low) else ""
        nxt2 = low[i + 2] if i + 2 < len(low) else ""
        if not (low[opener + 1] in SUBJECT_OPENERS or (first[0].isupper() and not first.isupper())) \
                or nxt == "of" or (nxt in _NOT_SUBJECT_END and nxt2.startswith("\x00")) \
                or any(_past_form(t) or t in PAST_BE or t == "had" for _, t in tokens[:opener]):
            return None
    return low[opener]


def subordinate_present(cue: str | None) -> bool:
    """The cue of a present after a subordinator ("after raises", "whoever wins"): in a headline
    or caption such a present tells what happened ("Yen slips after BOJ lifts rates on Friday")."""
    parts = (cue or "").lower().split()
    return len(parts) == 2 and (parts[0] in SUBORDINATORS or parts[0] in FREE_RELATIVES) and not _past_form(parts[1])


def clause_tense(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """(``"past"`` | ``"future"`` | ``"present"`` | None, the cue word) for a date at
    ``text[start:end]``, read from the verb group nearest to it in its clause."""
    left_edge = max(0, start - WINDOW)
    right_edge = min(len(text), end + WINDOW)
    left = text[left_edge:start + 1]  # with the date's first character: what follows a period says what it is
    cut = None
    for found in _CLAUSE_END.finditer(left):
        if found.end() <= start - left_edge:
            cut = found
    lo = left_edge + (cut.end() if cut else 0)
    right = _CLAUSE_END.search(text, end, right_edge)
    hi = right.start() if right else right_edge
    # a coordinate clause with a subject of its own (", and voters go to the polls on Oct. 27")
    # is the date's clause: the verb of the clause before it ("He dissolved the House yesterday")
    # does not govern it, nor that of one after it
    if "," in text[lo:start]:
        for cut in _COORDINATE.finditer(text, lo, start):
            lo = cut.end()
    if "," in text[end:hi]:
        cut = _COORDINATE.search(text, end, hi)
        hi = cut.start() if cut else hi
    tokens = [(t.start(), t.group()) for t in _TOKEN.finditer(text, lo, start)]
    if " and " in text[end:hi] or " but " in text[end:hi]:
        # a second predicate after the date ("left Yokosuka on Saturday and is expected to return"):
        # its verb governs the date only when the date's own side has none
        conj = _SECOND_PREDICATE.search(text, end, hi)
        if conj is not None and any(g[2].lower() not in WORD_CUES for g in _groups(tokens)):
            hi = conj.start()
    after = [(t.start(), t.group()) for t in _TOKEN.finditer(text, end, hi)]
    # (the date holds its place among the words: "Japan's new fiscal year begins" has no
    # possessive before "begins"; a possessive date does: "as of Friday's close" names no verb)
    date_token = "\x00"
    if text.startswith(("’s", "'s"), end) and after and after[0][0] == end + 1:
        date_token, after = "\x00’s", after[1:]
    groups = _groups(tokens + [(start, date_token)] + after)
    if not groups:
        return None, None
    # a clause that "that" opens after the date is what was said, not when ("He told reporters in
    # December that Japan would respond"): its verb counts only when nothing nearer does
    that = next((pos for k, (pos, w) in enumerate(after) if w == "that" and k + 1 < len(after)
                 and (after[k + 1][1][0].isupper() or after[k + 1][1].lower() in _SUBJECT_WORDS)), hi)
    # the phrase the date sits in (between commas) first: "Ahead of a meeting on Thursday, he
    # told ..." is governed by "ahead of", not by "told"; then the nearest, the left side (usually
    # the governing verb in "met ... on Dec. 7") preferred on a tie
    comma_left = text.rfind(",", lo, start)
    comma_right = text.find(",", end, hi)
    seg_lo = comma_left if comma_left >= 0 else lo
    seg_hi = comma_right if comma_right >= 0 else hi
    # a verb outranks a loose tense word of the same phrase: "welcomed Australia's decision on
    # Tuesday to build its next frigates" is governed by "welcomed", not by "next"
    loose = WORD_CUES
    best = min(groups, key=lambda g: (not seg_lo <= g[0] < min(seg_hi, that), g[2].lower() in loose,
                                      (start - g[0]) if g[0] < start else (g[0] - end) + 1))
    if best[2].startswith("if ") and (_fulfilled(text, end, best[2].split()[1]) or _settled(text, start, end)):
        return "past", best[2].split()[1]
    return best[1], best[2]


# a condition the sentence goes on to say was met: ", and it did", ", which they did", ", and it
# failed" (the pro-verb "did" or the condition's own verb again, a few words on)
_FULFILLED = re.compile(r"\s*[,;]\s*(?:and|which|as)\s+(?P<words>(?:[\w’'-]+[ \t]*){1,4})")


def _fulfilled(text: str, end: int, verb: str) -> bool:
    """The condition "if ... <verb>" of the date ending at ``end`` is said to have come true after it:
    the clause after the comma ends on "did", "had" or the condition's verb, with no "not" ("and
    officials said it did not expect that" is no), and says nothing more ("as she did in 2019"
    compares another time)."""
    stop = _SENTENCE_END.search(text, end, end + WINDOW)
    tail = text[end:stop.start() if stop else min(len(text), end + WINDOW)]
    comma = re.search(r"[,;]", tail)
    if comma is None:
        return False
    found = _FULFILLED.match(tail, comma.start())
    if found is None or not _CLAUSE_FINAL.match(tail, found.end()):
        return False
    words = found.group("words").lower().split()
    if len(words) > 1 and words[-1] in ("it", "them", "that", "so"):
        words.pop()  # "and Beijing banned them", "which they did so"
    return (words[-1] in ("did", "had", verb.lower()) or len(words) > 2 and words[-2] in ("did", "had")) \
        and "not" not in words and "never" not in words  # (also "and it did collapse")


_CLAUSE_FINAL = re.compile(r"[ \t]*(?:[,;:.!?)\]”\"]|$)")


# the verbs of a threat or pledge whose infinitive a condition may hang on ("threatened to halt
# imports if ..."); not a hope or a wish ("hoped to stay on if the party kept its majority" tells
# of a past hope and its past condition)
THREAT_OR_PLEDGE = frozenset("threatened threatening vowed pledged promised offered warned".split())
_DID_AFTER = re.compile(r"(?<!never )(?<!not )\bdid\b(?!\s+not\b|n[’']t)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WOULD = re.compile(r"\b(?i:would)\b")
_THREAT_TO = re.compile(r"\b(?i:" + "|".join(sorted(THREAT_OR_PLEDGE)) + r")\s+to\b")


def _condition_head(low: list[str], i: int) -> int | None:
    """Where the "would" or the infinitive of a threat or pledge ("threatened to", "vowed to",
    "offered to") stands that a condition ending before ``low[i]`` depends on, or None."""
    return next((j for j in range(i) if low[j] == "would" or (
        low[j] in THREAT_OR_PLEDGE and j + 1 < i and low[j + 1] == "to")), None)


def _settled(text: str, start: int, end: int) -> bool:
    """The clause of a condition whose date ends at ``end`` tells that it was met or when: a "did"
    after the date ("..., and it banned them when it did") or a year in the clause ("In 2019, Trump
    threatened to ... if crossings did not fall in June"): a past, not a condition still open."""
    lo = max(0, start - WINDOW)
    for found in _SENTENCE_END.finditer(text, lo, start):
        lo = found.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + WINDOW))
    hi = stop.start() if stop else min(len(text), end + WINDOW)
    if _WOULD.search(text, lo, start) or not _THREAT_TO.search(text, lo, start):
        return False  # (a condition of "would" is met only as _fulfilled says: "as he did in 2019" compares)
    return bool(_DID_AFTER.search(text, end, hi) or _YEAR.search(text, lo, hi))


def _past_perfect_report(low: list[str], would: int) -> bool:
    """A past perfect heads the report that governs "would" ("had warned it would ..."), not a
    relative clause before it ("officials who had met ...", "Tokyo, which had long hesitated, said")."""
    return any(low[j] == "had" and would - j <= 4 and (j == 0 or low[j - 1] not in ("who", "which", "that"))
               for j in range(max(0, would - 4), would))


# ", and" (but, while, whereas, yet) before a subject: a pronoun, a determiner, a name, or a plural
# noun before a word that is no object of a verb in -s ("voters go", not "says the")
_COORDINATE = re.compile(
    r",\s+(?:and|but|while|whereas|yet)\s+(?=(?:he|she|they|we|it|i|you|the|a|an|this|these|those|his|"
    r"her|their|its|our|my|your)\s|[A-Z]|[a-z]+[^s\W]s\s+(?!(?:the|a|an|that|to|it|he|she|they|we|on|in|at|"
    r"for|of|his|her|its|their)\b)[a-z])")


_SECOND_PREDICATE = re.compile(r"\s(?:and|but)\s")
_SUBJECT_WORDS = frozenset("he she they we it i you the a an this these those his her their its our my your".split())
_MEASURES_FROM = re.compile(r"\b(?:since|until|than)\b", re.I)
# a relative clause set off by a comma (", who took office on Oct. 21"): an aside about someone
_CLAUSE_BREAK = re.compile(r"[,;:.!?](?:(?<=[,;:])|\s)")  # [,;:] or [.!?]\s, one class in front
_ASIDE = re.compile(r"\s*(?:who|whom|whose|which)\b")


def background(text: str, at: int) -> bool:
    """The date at ``at`` sits in a clause that measures from it ("… the biggest change since
    USFJ was created in 1957") or in an aside (", who took office on Oct. 21"): a point of
    comparison, not the time the story has reached, so a later "a year later" or "later that
    day" does not count from it."""
    if aside(text, at):
        return True
    clause = _CLAUSE_BREAK.split(text[max(0, at - WINDOW):at])[-1]
    # a cheap look first: "since", "until" and "than" hold "nce", "unt" and "than", letters no
    # other character matches ignoring case (as ſ matches s and ı i)
    low = clause.lower()
    return ("nce" in low or "unt" in low or "than" in low) and bool(_MEASURES_FROM.search(clause))


# a trailing attribution: a comma, a few words naming who, a verb of saying ("…, the ministry said on")
# (with what follows the verb: "told a news conference on", "said in a statement late on")
# (or "according to" a source, one "issued", "released" or "published on" a day)
_ATTRIBUTION = re.compile(r",\s+(?:[^,;:.!?]{0,60}?\s)?(?:said|says|told|announced|reported|confirmed|"
                          r"added|stated|noted|wrote|according\s+to\s+[^,;:.!?]{0,60}?\s(?:issued|released|"
                          r"published|posted|dated))(?:\s+[a-z]+){0,4}?\s+(?:on\s+)?$")
# before a date used as a noun's modifier: a determiner or a possessive ("the July trade deal",
# "Tuesday's talks" is the other way round and not one); after it, a word in small letters that
# is no preposition, conjunction or verb of its own
_MODIFIER_BEFORE = re.compile(r"(?:\b(?i:the|its|his|her|their|our|this|that|a|an)|[’']s)\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|and|or|to|in|on|at|by|for|from|with|as|is|was|were|are|has|had|have|will|"
                         r"would|when|that|which|who|after|before|since|until|through|the|a|an|this|last|next)\b)"
                         r"[a-z][a-z-]+\b")
_SENTENCE_END = re.compile(r"[.!?][’”\"')]*\s+(?=[A-Z“\"])(?<![A-Z]\.\s)")


def subordinate(text: str, start: int, end: int) -> bool:
    """The date at ``text[start:end]`` says when something was said or which thing is meant, not
    the time the sentence has reached: it sits in a trailing attribution ("Jets locked radar on
    Saturday, the ministry said on Sunday") or modifies a noun ("signed the order that puts the
    July trade deal into effect"). Such a date does not displace the one the same sentence placed
    its events at, which "later that day" and "the same day" count from."""
    if _ATTRIBUTION.search(text, max(0, start - 90), start):
        return True
    return bool(_MODIFIER_BEFORE.search(text, max(0, start - 8), start)) and bool(_NOUN_AFTER.match(text, end))


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_DOTTED_BEFORE = re.compile(r"\.[a-z]\.$")  # the last period of "p.m.", "a.m.", "i.e."


# the verbs whose past and present are one form: a sentence with one of them and no other tense
# may take the past of the sentence before it
PAST_OR_PRESENT = frozenset("cut set put hit let shut spread cost quit split".split())


def tense_before(text: str, start: int) -> tuple[str | None, str | None]:
    """The tense a date at ``start`` whose own sentence shows none takes from the sentence before it
    in its paragraph (the tense of a narrative runs on: "Tokyo tightened its rules this year. In
    April, the ministry cut the list", where "cut" is past and present alike): the past of that
    sentence, carried only onto a sentence whose verb is such a form, or (None, None). A present
    ("In January, lawmakers take up the budget") and a future are never carried: a new sentence
    may turn to what is to come."""
    ends = list(_SENTENCE_END.finditer(text, max(0, start - WINDOW), start + 1))  # (the capital looked at)
    if not ends:
        return None, None
    end = ends[-1]
    if _PARAGRAPH_BREAK.search(text, end.start(), start) or \
            _DOTTED_BEFORE.match(text, max(0, end.start() - 2), end.start() + 1):
        return None, None  # (not after "5 p.m." or "i.e.": an abbreviation's period ends no sentence)
    # the date's own sentence, read to its end or for a few hundred characters at most (a paragraph
    # of megabytes with no ". Capital" after a date is not read to its end for each date)
    reach = min(len(text), start + 4 * WINDOW)
    own = _SENTENCE_END.search(text, start, reach)
    own_words = {w.group().lower() for w in _TOKEN.finditer(text, end.end(), own.start() if own else reach)}
    if not own_words & PAST_OR_PRESENT:
        return None, None
    before_words = {w.group().lower() for w in _TOKEN.finditer(text, ends[-2].end() if len(ends) > 1 else
                                                              max(0, start - WINDOW), end.start())}
    if before_words & (FUTURE_AUX | PLAN_VERBS | {"would", "next", "tomorrow", "upcoming"}):
        return None, None  # (a sentence that looks ahead anywhere: "will release more stockpiled rice")
    told, cue = clause_tense(text, end.start(), end.start())
    return (told, cue) if told == "past" else (None, None)


def same_sentence(text: str, a: int, b: int) -> bool:
    """No sentence ends between offsets ``a`` and ``b`` of ``text`` (a rough reading: an
    abbreviation before a capital counts as an end, which only makes the callers' rules more
    careful)."""
    return _SENTENCE_END.search(text, a, b + 1) is None  # (the capital after the end is looked at)


def aside(text: str, at: int) -> bool:
    """The date at ``at`` sits in a relative clause set off by a comma (", who took office on
    Oct. 21"): about someone or something else, not a time the story names."""
    return bool(_ASIDE.match(_CLAUSE_BREAK.split(text[max(0, at - WINDOW):at])[-1]))


_SUBJECT_OF_BE = re.compile(r"\s*(?:is|was|’s|'s)\b", re.I)
_PROGRESSIVE = re.compile(r"\s+[A-Za-z]+ing\b")


def nowadays(text: str, start: int, end: int) -> bool:
    """Whether "today" at ``text[start:end]`` can mean "nowadays" (TimeML PRESENT_REF) rather
    than the day of writing: its clause tells of no past or future event ("Today that promise is
    tested", "the ranks they have today"), not in the progressive ("are flying today"), "today"
    is not the subject of "is" ("Today is the eighth day") and it stands outside a quotation (a
    speaker's "today" is the day they spoke). Whether it does is for the caller to say: essays
    use the word so, news reports for the day."""
    if _SUBJECT_OF_BE.match(text, end):
        return False
    before = text[text.rfind("\n", 0, start) + 1:start]
    if before.count("“") > before.count("”") or before.count('"') % 2 or before.count("``") > before.count("''"):
        return False
    tense_word, cue = clause_tense(text, start, end)
    if tense_word in ("past", "future"):
        return False
    if tense_word == "present":
        k = text.rfind(cue, max(0, start - WINDOW), start)
        k = k if k >= 0 else text.find(cue, end, end + WINDOW)
        if k >= 0 and _PROGRESSIVE.match(text, k + len(cue)):
            return False
    return True
