"""Who a third-person pronoun stands for, across sentences: agreement and salience.

A small discourse model read once, in order, over a document's body sentences (outside quotation
marks — a person named only inside someone's words is not the story's referent):

* **referents** are the persons the text names (registry persons and unnamed officials, and the
  persons among the names no registry holds; a later form made of an earlier one's words, such
  as "Kamikawa" after "KAMIKAWA Yoko", is the same person) and the bodies it names (states,
  governments, ministries: anything of the registry that is not a person);
* **gender** comes from evidence only: an honorific before the name (Mr., Ms., Mrs., Sir,
  Dame…), a gendered noun in apposition or predicate ("Koizumi, 44, the son of …", "became prime
  minister, the first woman to …", "as the country's first female finance minister"), and the
  pronouns bound to the person by a clear win ("Inada … while her ministry …"; see below). No guess from a given
  name (see pyproject.toml): a person of unknown gender agrees with "he" and "she";
* **salience**: each mention scores by its role in its clause — the subject of a main clause
  (nothing but titles, names and determiners before it since the clause began) 100, the subject
  of a subordinate clause 70, anything else (objects, "of"-phrases, appositions' inner names) 50
  — halved for each sentence back; a referent's salience is its best mention's, and the last
  speaker of a quotation gets a bonus;
* every "he"/"she"/"him"/"his"/"her" is resolved in turn to the most salient referent that agrees
  (a person for these, never a body; a body for "it"), and counts as a mention of it, so that a
  chain of pronouns keeps its person salient; a binding clear on the names' mentions alone (the
  runner-up scoring less than 1/CLEAR of it, pronouns bound before left out) gives the person the
  pronoun's gender; when the two best persons are of unknown gender, close and named as late as
  each other ("Takaichi met Trump. He said"), the pronoun is left unbound rather than guessed.

The model advances lazily to the offset asked about; everything is linear in the text and a
referent list bounded by the recency window.
"""

from __future__ import annotations

import bisect
import re

PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself|it|its)\b", re.I)
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
NOMINATIVE = frozenset(("he", "she", "it"))
OBJECTIVE = frozenset(("him",))  # "her" may be a possessive, which may be the subject's
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Madam|Mme|Sir|Dame|Lady|Lord)\.?\s+$")
HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f",
                    "mme": "f", "dame": "f", "lady": "f"}
GENDERED_NOUNS = {
    **dict.fromkeys("""woman wife widow mother daughter sister girl grandmother granddaughter aunt niece
        queen princess empress lady spokeswoman chairwoman congresswoman businesswoman councilwoman
        stateswoman female""".split(), "f"),
    **dict.fromkeys("""man husband widower father son brother boy grandfather grandson uncle nephew king
        prince emperor gentleman spokesman congressman businessman councilman statesman male""".split(), "m"),
}
# "the son of", ", 44, the first woman to", "became the first female …", "as the country's first
# female finance minister": a gendered noun heading an apposition or a predicate
GENDERED_PHRASE = re.compile(
    r"(?P<lead>,\s*(?:\d{1,3},\s*)?(?:becoming\s+)?|\b(?:became|becomes|becoming|is|was|as)\s+)"
    r"(?:the|a|an)(?:\s+[\w.-]+['’]s)?\s+(?:[\w-]+\s+){0,3}?(?P<noun>" + "|".join(GENDERED_NOUNS) + r")\b"
    r"(?!['’]s)", re.I)  # "the king's guest", "the Emperor's guest": the noun is a possessor, not the head
# a relative clause or another person between a sentence's subject and a gendered noun: the noun is
# not the subject's ("welcomed Donald Trump, who was a businessman")
RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b", re.I)
# nouns a name may modify ("the Trump administration", "the Kishida cabinet"): such a name is no
# mention of its person
MODIFIED_NOUNS = frozenset("""administration government cabinet era doctrine team camp campaign
presidency policy policies plan years tariffs""".split())
MODIFIER = re.compile(r"[ \t]+([A-Za-z]+)")
# the members of a group joined by "and" ("Japan and Australia signed"): none of them alone is "it"
COORDINATE_BEFORE = re.compile(r"(?:\band|&)\s+(?:the\s+)?$", re.I)
COORDINATE_AFTER = re.compile(r"\s*(?:and|&)\s")
# what may stand between a name and its apposition: "Koizumi, 44, the son of …"
APPOSED = re.compile(r",?\s*(?:\d{1,3},\s*)?(?:who\s+)?")  # ", who was a businessman": its predicate
# words that open a subordinate clause: a subject after one is a subordinate clause's
SUBORDINATORS = frozenset("""when while as after before because although though if since until unless
whereas where that who which whom whose once""".split())
CONJUNCTIONS = frozenset(("and", "but", "or", "nor", "so", "yet", "then"))
# the words of an opening phrase of time or place with no comma after it ("In Canberra on Friday
# Richard Marles …")
OPENER_WORDS = frozenset("""in on at during throughout this last next early earlier late later day week
month year morning afternoon evening night""".split())
# the role nouns of a person's title ("Defense Minister", "U.S. Ambassador"), and of a definite
# description of a person ("the minister", "the envoy")
ROLES = frozenset("""
minister secretary president premier chancellor ambassador envoy spokesperson spokesman spokeswoman
leader chief commander admiral general senator governor mayor diplomat official negotiator lawmaker
chairman chairwoman chair director adviser advisor
""".split())
# the other words a text may use for a role in a title ("the envoy" for an ambassador, "the defense
# chief" for a defense minister or secretary, "the premier" for a prime minister)
ROLE_SYNONYMS = {
    "envoy": ("ambassador",), "chief": ("minister", "secretary"), "premier": ("prime minister",),
    **{w: ("spokesman", "spokeswoman", "spokesperson") for w in ("spokesman", "spokeswoman", "spokesperson")},
}
# a subject (a name, capitalised words, or a pronoun), an apposition between commas, adverbs, and the
# clause's verb: "Kishida said", "Prime Minister Fumio Kishida, 66, told", "he later said"
SUBJECT_VERB = re.compile(r"(?:[A-Z][\w.'’-]*[ \t\n]+)*(?:[A-Z][\w.'’-]*|he|she)(?:[ \t]*,[^,.;:“”\"]{1,90},)?"
                          r"[ \t\n]+(?:(?:also|later|then|again|further|first|[a-z]+ly)[ \t\n]+)*([a-z]+)")
TITLE_RUN = re.compile(r"(?:[A-Z][\w.'’-]*\s+)+$")
CLAUSE_BOUNDARY = re.compile(r"[,;:(—–]|\s-\s")
WORD = re.compile(r"[A-Za-z][\w.'’-]*")
# lower-case words that may stand before a name in its own noun phrase
NP_WORDS = frozenset("the a an former late then new outgoing incoming acting senior top".split())
ROLE_WEIGHT = {"subj": 100.0, "sub": 70.0, "obj": 50.0}
# a possessor ("said Takaichi's words had …") is embedded in its noun phrase: half its role's weight
POSSESSIVE = re.compile(r"['’]s?\b")
POSSESSOR_WEIGHT = 0.5
WINDOW = 4  # sentences back a referent stays a candidate
SPEAKER_BONUS = 10.0
# A person known to agree outweighs one of unknown gender by how unlikely the pronoun's gender is
# for a person of this domain, counted on the seeds' texts only (none of the evaluation sets): 22
# he/him/his/himself to 1 she/her/hers/herself; at most three times (a sentence and a half of
# distance), so "she" weighs 3 and "he" about 1.04.
GENDER_SHARE = {"m": 22 / 23, "f": 1 / 23}
MAX_AGREEMENT = 3.0
# A binding is clear when the winner outscores the runner-up by this much; a he/she whose two best
# persons are both of unknown gender, not this far apart and named as late as each other (the
# winner owes its place to its role, not to recency) is left unbound (no speaker rather than a
# guess: "A met B. He said" is as often B as A), and a gender is learned from a binding only when
# it is clear on the names' mentions alone (not on pronouns bound before, nor the speaker's bonus)
CLEAR = 2.5


def clause_role(text: str, sentence_start: int, pos: int, lookback: int = 300) -> str:
    """The role of the noun phrase at ``pos``: ``subj`` when it opens a main clause (only names,
    titles and determiners before it since the sentence or the last comma, dash or colon),
    ``sub`` when only a conjunction and a subordinator stand before it ("when U.S. President …",
    "said that he …"), ``subj`` again after an opening phrase of time or place with no comma ("In
    Canberra on Friday Richard Marles"), ``obj`` otherwise."""
    lo = max(sentence_start, pos - lookback)
    prefix = text[lo:pos]
    cuts = [m.end() for m in CLAUSE_BOUNDARY.finditer(prefix)]
    rest = prefix[cuts[-1]:] if cuts else prefix
    words = [w.rstrip(".").lower() for w in WORD.findall(rest) if not w[0].isupper() or w.lower() in SUBORDINATORS
             or w.lower() in CONJUNCTIONS]
    words = [w for w in words if w not in NP_WORDS]
    if not words:
        return "subj"
    if any(w in SUBORDINATORS for w in words):
        return "sub"
    if all(w in CONJUNCTIONS for w in words):
        return "subj"
    if all(w in OPENER_WORDS for w in words):
        # "on Friday Richard Marles": the capitalised words before the name are no title of it,
        # so the opening phrase ends there and the name starts the clause; "from Defense
        # Minister Gen Nakatani" and "by Gen Nakatani" are governed by their preposition
        run = TITLE_RUN.search(rest) if rest[-1:].isspace() else None
        if (run and not any(w.rstrip(".").lower() in ROLES for w in run.group().split())) \
                or re.search(r"\d\s*$", rest):
            return "subj"
    return "obj"


class Referent:
    __slots__ = ("key", "ids", "label", "person", "gender", "words", "mentions")

    def __init__(self, key, ids, label, person):
        self.key, self.ids, self.label, self.person = key, ids, label, person
        self.gender = None
        self.words = {w.lower() for w in WORD.findall(label) if len(w) > 2}
        self.mentions = []  # (sentence index, weight, by name, offset)


class Discourse:
    """The referents of a document's body text, advanced in reading order.

    ``people``: ``(start, end, actor ids, label)`` of every person named (ids empty for a person
    no registry holds); ``bodies``: ``(start, end, actor id, label)`` of every other actor named;
    ``sentences``: the body sentences' ``(start, end)`` in order; ``quoted``: the ``(start, end)``
    of every quotation's words."""

    def __init__(self, text, sentences, people, bodies, quoted):
        self.text = text
        self.sentences = sorted(sentences)
        self.starts = [s for s, _ in self.sentences]
        quoted = sorted(quoted)
        self.q_starts = [a for a, _ in quoted]
        self.quoted = quoted
        # (start, end, actor ids, label, is a person), outside quotations, in reading order
        events = [(s, e, ids, label, True) for s, e, ids, label in people]
        events += [(s, e, (a,), label, False) for s, e, a, label in bodies]
        events = [ev for ev in events if not self._in_quote(ev[0])]
        self.events = sorted(events, key=lambda ev: (ev[0], -ev[1]))
        self.pronouns = []  # found sentence by sentence as the model advances, in order
        self.k_pronoun = 0
        self.k_event = 0
        self.k_sentence = 0
        self.referents = {}
        self.by_word = {}  # a word of a name no registry holds -> the referents whose names have it
        self.recent = []  # referents mentioned lately, most recent last
        self.bound = {}  # pronoun offset -> referent

    # --- reading ---------------------------------------------------------------------------------

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.q_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def _sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def _referent(self, ids, label, person):
        if ids:
            key = ("id", ids[0])
        else:
            words = {w.lower() for w in WORD.findall(label) if len(w) > 2}
            # a form made of an earlier name's words is that person ("Kamikawa", "KAMIKAWA Yoko")
            pool = self.by_word.get(next(iter(words)), ()) if words else ()
            same = next((r for r in reversed(pool) if r.person and words <= r.words), None)
            key = same.key if same else ("name", label.lower())
        r = self.referents.get(key)
        if r is None:
            r = self.referents[key] = Referent(key, tuple(ids), label, person)
            if not ids:
                for w in r.words:
                    self.by_word.setdefault(w, []).append(r)
        return r

    def _mention(self, r, k_sent, role, pos, by_name=False, weight=1.0):
        r.mentions.append((k_sent, ROLE_WEIGHT[role] * weight, by_name, pos))
        if len(r.mentions) > 8:
            del r.mentions[:-8]
        if self.recent and self.recent[-1] is r:
            return
        if r in self.recent:
            self.recent.remove(r)
        self.recent.append(r)
        if len(self.recent) > 40:
            del self.recent[0]

    def _read_name(self, ev):
        start, _, ids, label, person = ev
        k = self._sentence_index(start)
        if k < 0 or start >= self.sentences[k][1]:
            return  # not in a body sentence
        if person:
            m = MODIFIER.match(self.text, ev[1])
            if m and (m.group(1).lower() in MODIFIED_NOUNS or self.text.startswith("White House", m.start(1))):
                return  # "the Trump administration": a modifier, not the person
        elif COORDINATE_BEFORE.search(self.text, max(0, start - 10), start) or COORDINATE_AFTER.match(self.text, ev[1]):
            return  # "Japan and Australia signed": a member of a group, no single body
        r = self._referent(ids, label, person)
        if person and r.gender is None:
            h = HONORIFIC.search(self.text, max(0, start - 8), start) or re.match(
                r"(Mr|Mrs|Ms|Miss|Madam|Mme|Sir|Dame|Lady|Lord)\.?\s", label)
            if h:
                r.gender = HONORIFIC_GENDER[h.group(1).lower()]
        self._mention(r, k, clause_role(self.text, self.sentences[k][0], start), start, True,
                      POSSESSOR_WEIGHT if POSSESSIVE.match(self.text, ev[1]) else 1.0)

    def _read_sentence_genders(self, k):
        """Gendered nouns in apposition or predicate: to the person right before them, else to
        the subject that opens the sentence."""
        s, e = self.sentences[k]
        lo = bisect.bisect_left(self.events, (s,))
        hi = bisect.bisect_left(self.events, (e,), lo)
        names = [ev for ev in self.events[lo:hi] if ev[4]]
        if not names:
            return
        ends = [ev[1] for ev in names]
        name_starts = [ev[0] for ev in names]
        subject = None
        for m in GENDERED_PHRASE.finditer(self.text, s, e):
            if self._in_quote(m.start()):
                continue
            n = bisect.bisect_right(ends, m.start()) - 1
            if n < 0:
                continue
            near = names[n]
            lead = m.start("lead")
            if not (lead - near[1] <= 12 and APPOSED.fullmatch(self.text, near[1], max(near[1], lead))):
                if subject is None:  # the person that opens the sentence, read once
                    subject = next((ev for ev in names if clause_role(self.text, s, ev[0]) == "subj"), False)
                if not subject or not 0 <= m.start() - subject[1] <= 300 \
                        or RELATIVE.search(self.text, subject[1], m.start()) \
                        or bisect.bisect_left(name_starts, m.start()) > bisect.bisect_left(name_starts, subject[1]):
                    continue  # (only the subject's own clause, with no other person named in it)
                near = subject
            r = self._referent(near[2], near[3], True)
            if r.gender is None:
                r.gender = GENDERED_NOUNS[m.group("noun").lower()]

    def _advance(self, upto: int):
        while self.k_sentence < len(self.sentences) and self.sentences[self.k_sentence][0] < upto:
            s, e = self.sentences[self.k_sentence]
            self._read_sentence_genders(self.k_sentence)
            self.pronouns.extend(m for m in PRONOUN.finditer(self.text, s, e) if not self._in_quote(m.start()))
            self.k_sentence += 1
        while True:
            ev = self.events[self.k_event] if self.k_event < len(self.events) else None
            pr = self.pronouns[self.k_pronoun] if self.k_pronoun < len(self.pronouns) else None
            ev_pos = ev[0] if ev else None
            pr_pos = pr.start() if pr else None
            if ev_pos is not None and ev_pos < upto and (pr_pos is None or ev_pos <= pr_pos):
                self.k_event += 1
                self._read_name(ev)
            elif pr_pos is not None and pr_pos < upto:
                self.k_pronoun += 1
                if pr_pos not in self.bound:
                    self._bind(pr.group().lower(), pr_pos, None)
            else:
                break

    # --- resolving -------------------------------------------------------------------------------

    def _score(self, r, k_sent, names_only=False):
        best = 0.0
        for k, w, by_name, _ in r.mentions:
            if 0 <= k_sent - k <= WINDOW and (by_name or not names_only):
                best = max(best, w * 0.5 ** (k_sent - k))
        return best

    @staticmethod
    def _top_role(r, k_sent):
        return max((w for k, w, _, _ in r.mentions if 0 <= k_sent - k <= WINDOW), default=0.0)

    @staticmethod
    def _latest(r):
        return max((k for k, _, _, _ in r.mentions), default=-1)

    def _same_clause(self, a, b):
        """No clause boundary, conjunction or subordinator between offsets ``a`` and ``b``."""
        if b - a > 200 or CLAUSE_BOUNDARY.search(self.text, a, b):
            return False
        return not any(w.lower() in SUBORDINATORS or w.lower() in CONJUNCTIONS
                       for w in WORD.findall(self.text, a, b))

    def _bind(self, pronoun, pos, last_speaker):
        k = self._sentence_index(pos)
        if k < 0:
            return None
        want = PRONOUN_GENDER.get(pronoun)
        person = pronoun not in ("it", "its")
        scored = []
        for r in reversed(self.recent):  # on a tie, the more recent
            if r.person != person or (want and r.gender and r.gender != want):
                continue
            if pronoun in OBJECTIVE and any(kk == k and w == ROLE_WEIGHT["subj"] and self._same_clause(at, pos)
                                            for kk, w, _, at in r.mentions):
                continue  # "Inada agreed with him": an object pronoun is not its clause's subject
            score = self._score(r, k)
            if last_speaker is not None and r is last_speaker:
                score += SPEAKER_BONUS
            known = bool(want and r.gender == want)
            if known:
                score *= min(MAX_AGREEMENT, 1 / GENDER_SHARE[want])  # over a person of unknown gender
            if score > 0:
                scored.append((score, known, r))
        if not scored:
            self.bound[pos] = None
            return None
        scored.sort(key=lambda x: (-x[0], not x[1]))
        best = scored[0][2]
        if want and best.gender is None and len(scored) > 1 and scored[1][2].gender is None \
                and scored[0][0] < CLEAR * scored[1][0] and self._latest(scored[1][2]) >= self._latest(best) \
                and not (best is last_speaker and self._top_role(scored[1][2], k) < ROLE_WEIGHT["subj"]):
            # (the last speaker goes on speaking unless another person has become a main subject:
            # "X said that Admiral Y had … She said")
            self.bound[pos] = None  # two persons of unknown gender, close: no guess
            return None
        if want and best.gender is None:
            names = sorted((self._score(r, k, True) for _, _, r in scored), reverse=True)
            if names[0] > 0 and (len(names) == 1 or names[0] >= CLEAR * names[1]) \
                    and self._score(best, k, True) == names[0]:
                best.gender = want
        self.bound[pos] = best
        s = self.sentences[k][0]
        role = ("sub" if clause_role(self.text, s, pos) == "sub" else "subj") if pronoun in NOMINATIVE \
            else clause_role(self.text, s, pos)
        self._mention(best, k, role, pos)
        return best

    def last_speaker_among(self, pos, candidates, verbs):
        """The key of the one of ``candidates`` (``(key, (actor ids, label))``) who spoke last before
        ``pos``: the subject of a main clause whose verb is one of ``verbs`` (a verb of saying), by
        name or by a pronoun bound to them, within the last sentences (``WINDOW``) — "Kishida said
        Japan stood by the statement of Prime Minister Keizo Obuchi" has Kishida speak, not Obuchi —
        with the offset of that subject; None when none of them did."""
        self._advance(pos)
        k = self._sentence_index(pos)
        best = None  # (offset of the verb's subject, key)
        for key, (ids, label) in candidates:
            r = self.speaker_referent(ids, label)
            for mk, w, _, at in (r.mentions if r is not None else ()):
                if w != ROLE_WEIGHT["subj"] or not 0 <= k - mk <= WINDOW or at >= pos:
                    continue
                m = SUBJECT_VERB.match(self.text, at)
                if m and m.group(1) in verbs and (best is None or at > best[0]):
                    best = (at, key)
        return (best[1], best[0]) if best else None

    def speaker_referent(self, ids, label):
        """The referent of a quotation's speaker, as the model knows it (or None)."""
        if ids:
            return self.referents.get(("id", ids[0]))
        words = {w.lower() for w in WORD.findall(label or "") if len(w) > 2}
        return next((r for r in reversed(self.recent) if not r.ids and words and words <= r.words), None)

    def resolve(self, pronoun: str, pos: int, last_speaker=None):
        """``(actor ids, label)`` of the referent of the pronoun at ``pos``, or None; the
        ``last_speaker`` (``(ids, label)``) gets the speaker's bonus."""
        self._advance(pos)
        if pos in self.bound:
            r = self.bound[pos]
        else:
            spoke = self.speaker_referent(*last_speaker) if last_speaker else None
            r = self._bind(pronoun.lower(), pos, spoke)  # read now: skipped when the model reads on
        return (r.ids, r.label) if r else None
