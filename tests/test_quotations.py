"""Quotations and speaker cues: on texts written for the test, on sentences copied from the
seeds, and over every seed text."""

from pathlib import Path

import pytest

from alliance_record.extract.quotations import find_quotations, find_speaker

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def rows(text):
    """(quote, open, close, nested_in, kind, scare) for each quotation, checking offsets."""
    out = []
    for q in find_quotations(text):
        assert text[q.start:q.end] == q.quote
        assert text[q.start - len(q.open_mark):q.start] == q.open_mark
        if q.close_mark:
            assert text[q.end:q.end + len(q.close_mark)] == q.close_mark
        out.append((q.quote, q.open_mark, q.close_mark, q.nested_in, q.kind, q.scare))
    return out


def speakers(text):
    """(quote, speaker, verb, pronoun, position) for each quotation, checking cue offsets."""
    out = []
    for q in find_quotations(text):
        cue = find_speaker(text, q)
        if cue is None:
            out.append((q.quote, None))
            continue
        assert text[cue.start:cue.end] == cue.speaker
        assert text[cue.verb_start:cue.verb_end].lower() == cue.verb
        out.append((q.quote, cue.speaker, cue.verb, cue.pronoun, cue.position))
    return out


# --- marks, nesting and apostrophes (texts written for the test) ----------------------------------

MARKS = [
    ('"We will not back down," the admiral said. She added, "Our \'red lines\' are clear."', [
        ("We will not back down,", '"', '"', None, "sentence", False),
        ("Our 'red lines' are clear.", '"', '"', None, "sentence", False),
        ("red lines", "'", "'", 1, "phrase", True),
    ]),
    ("The minister called it a ‘grey zone’ problem and said: ‘We’re ready.’", [
        ("grey zone", "‘", "’", None, "phrase", True),
        ("We’re ready.", "‘", "’", None, "sentence", False),
    ]),
    ("“China won’t give up ‘one inch’ of territory,” said the envoy.", [
        ("China won’t give up ‘one inch’ of territory,", "“", "”", None, "sentence", False),
        ("one inch", "‘", "’", 0, "phrase", True),
    ]),
    ('The title was "Deterrence in a "Gray Zone" Era" and "fukugouteki yuuji"no risuku.', [
        ('Deterrence in a "Gray Zone" Era', '"', '"', None, "phrase", False),
        ("Gray Zone", '"', '"', 0, "phrase", True),
        ("fukugouteki yuuji", '"', '"', None, "phrase", True),
    ]),
    ("“This quote runs to the end of its paragraph.\n\nA new paragraph with 12\" guns.", [
        ("This quote runs to the end of its paragraph.", "“", None, None, "sentence", False),
    ]),
    ("He said “first part\nstill the same paragraph” and left.", [
        ("first part\nstill the same paragraph", "“", "”", None, "phrase", False),
    ]),
    ("« Nous sommes prêts », dit-il, and 「防衛」.", [
        (" Nous sommes prêts ", "«", "»", None, "phrase", True),
        ("防衛", "「", "」", None, "phrase", True),
    ]),
]


@pytest.mark.parametrize("text,expected", MARKS, ids=[t[:30] for t, _ in MARKS])
def test_marks_and_nesting(text, expected):
    assert rows(text) == expected


APOSTROPHES = [
    "Japan’s minister and Hegseth’s aide don’t agree; it’s the ’90s again.",
    "O'Brien said the Koreas' talks in the '90s don't matter; it's Japan's call.",
    "The allies’ plans and the Koreas’ leaders met in the ‘90s.",
    "A 12\" gun and a 6' wall.",
    "'Twas a stray mark, left open at the end",
]


@pytest.mark.parametrize("text", APOSTROPHES, ids=[t[:30] for t in APOSTROPHES])
def test_apostrophes_are_not_quotes(text):
    assert find_quotations(text) == []


def test_single_quote_left_open_is_dropped_but_its_inner_text_is_kept():
    text = "He spoke of ‘grey zones and said “stop it” loudly."
    assert rows(text) == [("stop it", "“", "”", None, "phrase", True)]


# --- speakers (texts written for the test) --------------------------------------------------------

SPEAKERS = [
    ("“Are you ready?” asked the reporter. “Yes,” replied Smith, “we are.”", [
        ("Are you ready?", "the reporter", "asked", False, "after"),
        ("Yes,", "Smith", "replied", False, "after"),
        ("we are.", "Smith", "replied", False, "before"),
    ]),
    ("“We will act,” the minister said. She later added, “Soon.”", [
        ("We will act,", "the minister", "said", False, "after"),
        ("Soon.", "She", "added", True, "before"),
    ]),
    ("According to the ministry, “the drills were routine.”", [
        ("the drills were routine.", "the ministry", "according to", False, "according"),
    ]),
    ("Tanaka and Suzuki told reporters, “We agree.”", [
        ("We agree.", "Tanaka and Suzuki", "told", False, "before"),
    ]),
    ("The spokesman warned that the patrols were “unacceptable provocations” near the islands.", [
        ("unacceptable provocations", "The spokesman", "warned", False, "before"),
    ]),
    ("The envoy’s remarks about “restraint” drew praise.", [
        ("restraint", "The envoy", "remarks", False, "possessive"),
    ]),
    ("The envoy’s statement called for “restraint”.", [
        ("restraint", "The envoy’s statement", "called", False, "before"),
    ]),
    ("The navy expanded its “gray zone” tactics in the South China Sea.", [("gray zone", None)]),
    ("Ministers met. “Nothing was agreed.” The talks ended.", [("Nothing was agreed.", None)]),
    ("The three states “agree” on this.", [("agree", None)]),  # "states" is a noun here
    ("The three states “agree”, officials said.", [("agree", "officials", "said", False, "after")]),
    # a possessive right before the marks: whose phrase it is (the caller checks it is a person)
    ("Under Prime Minister Abe’s “proactive pacifism” the budget grew.", [
        ("proactive pacifism", "Prime Minister Abe", "’s", False, "owner"),
    ]),
    ("Tokyo remembers Obama's \"pivot to Asia\" in 2011.", [("pivot to Asia", "Obama", "'s", False, "owner")]),
    ("Canberra is Japan’s “quasi-ally” in the region.", [("quasi-ally", "Japan", "’s", False, "owner")]),
    ("The islands’ “gray zone” status is contested.", [("gray zone", None)]),  # a plural possessive
    ("Abe’s aides praised the “proactive” stance.", [("proactive", None)]),  # not right before the mark
    # a relative pronoun before the verb: its antecedent speaks
    ("The envoys adopted the Harbor Accord, which calls for “a calmer sea” in the strait.", [
        ("a calmer sea", "the Harbor Accord", "calls", False, "before"),
    ]),
    ("Ruritania sent an envoy who warned of “grave risks” ahead.", [
        ("grave risks", "an envoy", "warned", False, "before"),
    ]),
    ("The two sides adopted the Ruritania-U.S. Joint Statement, which affirms “a new era” of ties.", [
        ("a new era", "the Ruritania-U.S. Joint Statement", "affirms", False, "before"),  # one sentence
    ]),
    ("The plan came in March 2024 which noted “seven areas” of work.", [("seven areas", None)]),  # a date
    # a speech verb after "and" shares the subject that opens the sentence
    ("Minister Ito thanked Admiral Sato for the visit and stated that he hoped for “closer ties.”", [
        ("closer ties.", "Minister Ito", "stated", False, "before"),
    ]),
    ("(2) He toured the base and said it was “ready for anything.”", [
        ("ready for anything.", "He", "said", True, "before"),
    ]),
    ("Critics have long warned of “a hollow alliance” in the region.", [
        ("a hollow alliance", "Critics", "warned", False, "before"),
    ]),
    # issue 14: a speech verb's -ing form opening a participial clause takes the subject of a
    # speech verb before it, else of the sentence, never its own object ...
    ("She reversed herself in March, first calling the plan “a sound bargain” and then backing it.", [
        ("a sound bargain", "She", "calling", True, "before"),
    ]),
    ("The envoy said the talks had stalled, calling the delay “a needless risk.”", [
        ("a needless risk.", "The envoy", "said", False, "before"),
    ]),
    # ... and one after a finite verb opens no clause: nobody is quoted
    ("The ministry keeps warning of “hostile” moves.", [
        ("hostile", None),
    ]),
    # "put it" is a speech verb
    ("A regional governor put it plainly: the port “cannot take another carrier.”", [
        ("cannot take another carrier.", "A regional governor", "put", False, "before"),
    ]),
    # a person's noun with a post-modifier before its speech verb
    ("“We will wait,” a harbour official familiar with the schedule told reporters.", [
        ("We will wait,", "a harbour official", "told", False, "after"),
    ]),
]


@pytest.mark.parametrize("text,expected", SPEAKERS, ids=[t[:30] for t, _ in SPEAKERS])
def test_speakers(text, expected):
    assert speakers(text) == expected


# --- sentences copied from the seeds --------------------------------------------------------------

SEED_QUOTES = [
    ("“There is no physical distance or time difference with the USFJ,” a senior Japanese defense "
     "ministry official said. “Granting the USFJ certain operational responsibilities will enhance "
     "the Japan-U.S. command and control framework.”",
     [("There is no physical distance or time difference with the USFJ,", "“", "”", None, "sentence", False),
      ("Granting the USFJ certain operational responsibilities will enhance the Japan-U.S. command and "
       "control framework.", "“", "”", None, "sentence", False)],
     [("There is no physical distance or time difference with the USFJ,",
       "a senior Japanese defense ministry official", "said", False, "after"),
      ("Granting the USFJ certain operational responsibilities will enhance the Japan-U.S. command and "
       "control framework.", None)]),
    ("“Japan is our indispensable partner in deterring Communist Chinese military aggression,” Hegseth "
     "declared at the beginning of his talks. He continued, “The U.S. is moving fast, as you know, to "
     "reestablish deterrence in this region and around the world.”",
     [("Japan is our indispensable partner in deterring Communist Chinese military aggression,", "“", "”",
       None, "sentence", False),
      ("The U.S. is moving fast, as you know, to reestablish deterrence in this region and around the world.",
       "“", "”", None, "sentence", False)],
     [("Japan is our indispensable partner in deterring Communist Chinese military aggression,",
       "Hegseth", "declared", False, "after"),
      ("The U.S. is moving fast, as you know, to reestablish deterrence in this region and around the world.",
       "He", "continued", True, "before")]),
    ("“We share a warrior ethos that defines our forces,” he told Defense Minister Gen Nakatani.",
     [("We share a warrior ethos that defines our forces,", "“", "”", None, "sentence", False)],
     [("We share a warrior ethos that defines our forces,", "he", "told", True, "after")]),
    ("Naming two allies, Japan and South Korea, the strategy says, “we must urge these countries to "
     "increase defense spending.”",
     [("we must urge these countries to increase defense spending.", "“", "”", None, "sentence", False)],
     [("we must urge these countries to increase defense spending.", "the strategy", "says", False, "before")]),
    ("“Deterring a conflict over Taiwan, ideally by preserving military overmatch, is a priority,” the "
     "strategy says.",
     [("Deterring a conflict over Taiwan, ideally by preserving military overmatch, is a priority,",
       "“", "”", None, "sentence", False)],
     [("Deterring a conflict over Taiwan, ideally by preserving military overmatch, is a priority,",
       "the strategy", "says", False, "after")]),
    ("The administration of U.S. President Donald Trump declared that “the days of the United States "
     "propping up the entire world order like Atlas are over” in his National Security Strategy (NSS) "
     "released in December.",
     [("the days of the United States propping up the entire world order like Atlas are over",
       "“", "”", None, "phrase", False)],
     [("the days of the United States propping up the entire world order like Atlas are over",
       "The administration of U.S. President Donald Trump", "declared", False, "before")]),
    ("Ahead of a meeting with Hegseth on Thursday, Koizumi told those around him, “We need a sense of "
     "urgency in communication between high-ranking officials.”",
     [("We need a sense of urgency in communication between high-ranking officials.", "“", "”", None,
       "sentence", False)],
     [("We need a sense of urgency in communication between high-ranking officials.", "Koizumi", "told",
       False, "before")]),
    ("Hegseth further added that Japan is a “cornerstone of the peace and security of the Indo-Pacific,” "
     "reinforcing the view that Japan’s role in the region is indispensable.",
     [("cornerstone of the peace and security of the Indo-Pacific,", "“", "”", None, "phrase", False)],
     [("cornerstone of the peace and security of the Indo-Pacific,", "Hegseth", "added", False, "before")]),
    ("In 2021, the Japanese Ministry of Defense said capacity-building initiatives and deepening military "
     "cooperation with the United States are “central” to maintaining and strengthening the vision of FOIP.",
     [("central", "“", "”", None, "phrase", True)],
     [("central", "the Japanese Ministry of Defense", "said", False, "before")]),
    ("The United States’ attack on Venezuela, part of what it calls its “backyard,” exemplifies this shift.",
     [("backyard,", "“", "”", None, "phrase", True)],
     [("backyard,", "it", "calls", True, "before")]),
    ("Hegseth’s call for “greater access to Japan’s strategic southwest islands” along the edge",
     [("greater access to Japan’s strategic southwest islands", "“", "”", None, "phrase", False)],
     [("greater access to Japan’s strategic southwest islands", "Hegseth", "call", False, "possessive")]),
    ("While the United States has mostly “nudged” Japan to undertake more common defense responsibility,",
     [("nudged", "“", "”", None, "phrase", True)],
     [("nudged", None)]),
    ("comprehensively reviews the evolution of the U.S.-Japan alliance to the “core” of the Indo-Pacific",
     [("core", "“", "”", None, "phrase", True)],
     [("core", None)]),
    ("It has intensified incursions into Japanese waters and expanded its “gray zone” tactics",
     [("gray zone", "“", "”", None, "phrase", True)],
     [("gray zone", None)]),
    ("Japan's regular participation in the U.S.-led \"Pacific Partnership\" naval diplomacy program",
     [("Pacific Partnership", '"', '"', None, "phrase", True)],
     [("Pacific Partnership", None)]),
    ("³⁰ “China won’t give up ‘one inch’ of territory says President Xi to Mattis,” The BBC, accessed "
     "July 7, 2025.",
     [("China won’t give up ‘one inch’ of territory says President Xi to Mattis,", "“", "”", None,
       "phrase", False),
      ("one inch", "‘", "’", 0, "phrase", True)],
     [("China won’t give up ‘one inch’ of territory says President Xi to Mattis,", None),
      ("one inch", None)]),
    ("³⁶ See: Ryo Hinata-Yamaguchi, “choshentoto taiwankaikyodeno “fukugouteki yuuji”no risuku (Risks "
     "for a “Composite Contingency” on the Korean Peninsula and the Taiwan Strait),” *Gekkan Toa*",
     [("choshentoto taiwankaikyodeno “fukugouteki yuuji”no risuku (Risks for a “Composite Contingency” "
       "on the Korean Peninsula and the Taiwan Strait),", "“", "”", None, "phrase", False),
      ("fukugouteki yuuji", "“", "”", 0, "phrase", True),
      ("Composite Contingency", "“", "”", 0, "phrase", True)],
     None),
    ("- Hinata-Yamaguchi, Ryo. \"chosenhantoto taiwankaikyodeno \"fukugouteki yuuji\"no risuku (Risks for "
     "a \"Composite Contingency\" on the Korean Peninsula and the Taiwan Strait).\" *Gekkan Toa*",
     [("chosenhantoto taiwankaikyodeno \"fukugouteki yuuji\"no risuku (Risks for a \"Composite "
       "Contingency\" on the Korean Peninsula and the Taiwan Strait).", '"', '"', None, "phrase", False),
      ("fukugouteki yuuji", '"', '"', 0, "phrase", True),
      ("Composite Contingency", '"', '"', 0, "phrase", True)],
     None),
    ("- Hornung, Jeffrey W., and Mike M. Mochizuki. \"Japan: Still an Exceptional U.S. Ally.\" *The "
     "Washington Quarterly* 39, no. 1 (2016).",
     [("Japan: Still an Exceptional U.S. Ally.", '"', '"', None, "phrase", False)],
     None),
]


@pytest.mark.parametrize("text,marks,cues", SEED_QUOTES, ids=[t[:30] for t, _, _ in SEED_QUOTES])
def test_seed_sentences(text, marks, cues):
    assert rows(text) == marks
    if cues is not None:
        assert speakers(text) == cues


def test_cue_offsets_on_a_seed_sentence():
    text = "“We share a warrior ethos that defines our forces,” he told Defense Minister Gen Nakatani."
    (q,) = find_quotations(text)
    assert (q.start, q.end) == (1, 50)
    cue = find_speaker(text, q)
    assert (cue.start, cue.end, cue.verb_start, cue.verb_end) == (52, 54, 55, 59)


# --- every seed -----------------------------------------------------------------------------------

def seed_texts():
    return sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", seed_texts(), ids=lambda p: p.stem)
def test_every_seed_spans_quote_their_text(path):
    text = path.read_text(encoding="utf-8")
    found = find_quotations(text)
    assert found, path.name
    for i, q in enumerate(found):
        assert 0 < q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.quote
        assert q.kind in ("sentence", "phrase")
        if q.nested_in is not None:
            outer = found[q.nested_in]
            assert q.nested_in < i and outer.start <= q.start and q.end <= outer.end
        cue = find_speaker(text, q)
        if cue:
            assert text[cue.start:cue.end] == cue.speaker
            assert 0 <= cue.start < cue.end <= len(text)


def test_seed_counts():
    counts = {}
    for p in seed_texts():
        found = find_quotations(p.read_text(encoding="utf-8"))
        counts[p.stem[:3]] = (len(found), sum(q.kind == "sentence" for q in found))
    assert counts == {"000": (4, 3), "001": (4, 0), "002": (5, 2), "003": (11, 4), "004": (54, 0)}
