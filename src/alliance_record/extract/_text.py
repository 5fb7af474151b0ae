"""Small text helpers shared by the extractors: a simple sentence splitter.

The pipeline's own sentences come from syntok (:func:`alliance_record.segment.sentence_bounds`),
or from this splitter for a paragraph longer than any a person writes
(:data:`alliance_record.segment.LONG_PARAGRAPH`), and a caller that has them should pass them on. The extractors also work on bare strings, so
they carry this simpler splitter. A sentence ends:

1. at a blank line (a paragraph break);
2. at ``.``, ``!``, ``?`` or ``…`` — optionally followed by closing quotes or brackets and
   footnote superscripts — then whitespace, then (an opening quote or bracket and) a capital
   letter or a digit. A period does not end a sentence after a known abbreviation ("Mr.",
   "Dec.", "No."), a single capital initial ("J.") or an initialism with inner periods
   ("U.S.", "D.C."): "the U.S. Navy" stays one sentence, at the price that a sentence really
   ending in "U.S." is joined to the next one;
3. at a line that ends with a colon (a kicker such as "OPINION:" or a list intro).

Everything here is offsets into the string given; nothing is copied or rewritten, but for
:func:`rejoined`, which writes a name hyphenated at a line's end whole (:func:`soft_hyphen`, the one
test of such a hyphen).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

# Lower-cased, without the final period.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt adm sgt cpl pvt cmdr sen rep gov pres amb rev hon st jr sr
no nos vol vols pp p ed eds fig figs art sec ch para approx est dept govt corp inc co ltd bros
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
vs etc al cf ca e.g i.e mt ft ave
""".split())

SENTENCE_BREAK = re.compile(
    rf"(?P<blank>\n[ \t]*\n\s*)"
    rf"|(?P<stop>[.!?…])[\"'”’)\]»]*[{SUPERSCRIPTS}]*(?=\s+[\"'“‘(\[«]?[A-Z0-9])"
    rf"|(?P<colon>:)[\"'”’)\]]*(?=[ \t]*\n)"
)
_LAST_TOKEN = re.compile(r"(\S+)$")
_INITIALISM = re.compile(r"^\(?(?:[A-Za-z]\.)*[A-Za-z]$")


def is_abbreviation_before(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation rather than a sentence."""
    m = _LAST_TOKEN.search(text, max(0, dot - 24), dot)
    if not m:
        return False
    token = m.group(1).lstrip("(\"'“‘[")
    if not token:
        return False
    if token.lower() in ABBREVIATIONS:
        return True
    # "U.S" (of "U.S."), "D.C", a single initial "J"; not "PRC" or "Japan". After a hyphen too:
    # "Japan-U.S. Joint Statement" is one sentence.
    tail = re.split(r"[-‐–]", token)[-1]
    if tail != token:
        return bool(_INITIALISM.match(tail)) and "." in tail
    return bool(_INITIALISM.match(token)) and (len(token) == 1 or "." in token)


def sentence_breaks(text: str, start: int = 0, end: int | None = None):
    """Yield ``(stop, resume)`` for each sentence break in ``text[start:end]``: the sentence
    before it ends at ``stop`` (after its punctuation) and the next may start at ``resume``."""
    end = len(text) if end is None else end
    for m in SENTENCE_BREAK.finditer(text, start, min(len(text), end + 16)):
        if m.start() >= end:
            break
        if m.group("stop"):
            if m.group("stop") == "." and is_abbreviation_before(text, m.start()):
                continue
            yield m.end(), m.end()
        elif m.group("colon"):
            yield m.end(), m.end()
        else:
            yield m.start(), m.end()


def simple_sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence ranges ``[start, end)`` of ``text``, trimmed of surrounding whitespace."""
    out = []
    pos = 0
    for stop, resume in sentence_breaks(text):
        _add_trimmed(text, pos, stop, out)
        pos = resume
    _add_trimmed(text, pos, len(text), out)
    return out


def _add_trimmed(text: str, s: int, e: int, out: list) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


def sentence_start_before(text: str, pos: int, window: int = 1500) -> int:
    """Offset where the sentence containing ``pos`` starts (looking back at most ``window``)."""
    lo = max(0, pos - window)
    start = lo
    for _stop, resume in sentence_breaks(text, lo, pos):
        if resume <= pos:
            start = resume
    while start < pos and text[start].isspace():
        start += 1
    return start


def sentence_end_after(text: str, pos: int, window: int = 1500) -> int:
    """Offset where the sentence running at ``pos`` ends (after its terminal punctuation)."""
    hi = min(len(text), pos + window)
    for stop, _resume in sentence_breaks(text, pos, hi):
        return stop
    return hi


# A word hyphenated at a line's end: the first half, the hyphen and the line break, the second half
# ("Brandau-⏎er", "Okinawa-⏎hosted"). Groups: the halves.
LINE_END_BREAK = re.compile(r"([^\W\d_]+)-[ \t]*\n[ \t]*([^\W\d_]+)")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class LineEndWords:
    """What says a word hyphenated at a line's end is one word: ``written``, the words the
    document writes (case-folded; a hyphenated compound whole and each of its parts, but not the
    halves at a line's end). Empty (the default): no break is read whole."""

    written: frozenset = frozenset()


@functools.lru_cache(maxsize=4)
def document_words(text: str) -> LineEndWords:
    """The words ``text`` (a whole document) writes (:class:`LineEndWords`); empty when it has no
    word hyphenated at a line's end, where they are not needed. Kept for the last few texts: the
    mention, date and event stages of one document each ask for it (the answer is immutable)."""
    if not LINE_END_BREAK.search(text):
        return LineEndWords()
    words = set()
    for m in _WORD.finditer(LINE_END_BREAK.sub(" ", text)):
        w = m.group().casefold()
        words.add(w)
        if "-" in w:
            words.update(w.split("-"))
    return LineEndWords(frozenset(words))


def soft_hyphen(first: str, second: str, words: LineEndWords) -> bool:
    """Whether ``first`` + "-⏎" + ``second`` is one word the typesetter broke ("Brandau-⏎er")
    rather than a compound broken at its own hyphen ("Okinawa-⏎hosted", "Hong Kong-⏎born") or a
    hyphenated name ("Yoon Suk-⏎yeol"): the document (``words``) writes the joined word elsewhere
    and not the pair hyphenated. Nothing else is evidence: without it the hyphen stays. The one
    decision on a line-end hyphen; it reads no context, so each path that reads a name through
    the break (the matcher's view, the name tokens, a candidate's name) reads it alike.
    A capitalised second half is a compound's ("Indo-⏎Pacific")."""
    if not second[:1].islower():
        return False
    first, second = first.casefold(), second.casefold()
    return first + second in words.written and f"{first}-{second}" not in words.written


def soft_breaks(text: str, words: LineEndWords):
    """The hyphen and line break of each word in ``text`` that :func:`soft_hyphen` reads whole with
    the document's ``words``, as (start, end) offsets."""
    if not words.written or "-" not in text or "\n" not in text:
        return
    pos = 0
    while m := LINE_END_BREAK.search(text, pos):
        pos = m.end(1) + 1
        if soft_hyphen(m.group(1), m.group(2), words):
            yield m.end(1), m.start(2)


def rejoined(text: str, words: LineEndWords) -> str:
    """``text`` with each word hyphenated at a line's end that :func:`soft_hyphen` reads whole written
    whole ("Ines Brandau-⏎er" -> "Ines Brandauer"); a compound keeps its hyphen and line break."""
    out, pos = [], 0
    for s, e in soft_breaks(text, words):
        out.append(text[pos:s])
        pos = e
    return "".join(out) + text[pos:]
