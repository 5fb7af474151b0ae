"""One draft per event: a subject that governs coordinated verb phrases of event verbs reports one
event per predicate, each typed by its own verb and object (suggest._units); and three typing gaps
of the lexicon (eventtype): "as <office>", missile words, a budget approved. Probe sentences
written for these tests (real facts, own words), with the drafts a reader expects; written before
the code, first run recorded in the commit that added them."""

import pytest

from alliance_record import eventtype, suggest


def parts(sentence: str) -> list[tuple[str, str | None]]:
    """(words, type) of each unit a sentence is drafted from: its main clause or parts."""
    unit = {"id": "s1", "text": sentence, "start": 0, "end": len(sentence), "spans": None}
    return [(u["text"].strip(" ."), u["reading"].type) for u in suggest._units([unit]) if not u.get("sub")]


@pytest.mark.parametrize("sentence, expected", [
    # readouts: one subject, ", <verb> ..., and <verb> ..."
    ("The four ministers welcomed the signing of the reciprocal access agreement with the Philippines, "
     "reaffirmed their opposition to unilateral changes to the status quo, and agreed to hold the next "
     "meeting in Washington.",
     [("The four ministers welcomed the signing of the reciprocal access agreement with the Philippines, "
       "reaffirmed their opposition to unilateral changes to the status quo", "statement"),  # words said: one statement
      ("agreed to hold the next meeting in Washington", "agreement")]),
    ("Prime Minister Ishiba met President Trump at the White House on Feb. 7, 2025, and announced plans to "
     "raise Japan's investment in the United States to $1 trillion.",
     # what came of talks is told with them (the gold sets read "met ... and launched" as one meeting)
     [("Prime Minister Ishiba met President Trump at the White House on Feb. 7, 2025, and announced plans to "
       "raise Japan's investment in the United States to $1 trillion", "meeting")]),
    ("Defense Minister Gen Nakatani visited Iwo Jima on March 29, 2025, and attended a memorial ceremony "
     "for the battle's dead.",
     [("Defense Minister Gen Nakatani visited Iwo Jima on March 29, 2025", "visit"),
      ("attended a memorial ceremony for the battle's dead", "ceremony")]),
    ("The leaders signed a joint vision statement and agreed to upgrade U.S. Forces Japan to a joint force "
     "headquarters.",
     # no comma: one act told (the gold sets read "flew ... and struck", "met ... and launched" as one)
     [("The leaders signed a joint vision statement and agreed to upgrade U.S. Forces Japan to a joint force "
       "headquarters", "agreement")]),
    # wire copy: a passive first, then an act
    ("Shigeru Ishiba was elected prime minister by the Diet on Oct. 1, 2024, and dissolved the lower house "
     "eight days later.",
     [("Shigeru Ishiba was elected prime minister by the Diet on Oct. 1, 2024", "appointment"),
      ("dissolved the lower house eight days later", "policy")]),
    ("North Korea fired a Hwasong-19 missile into the sea on Oct. 31, 2024, and claimed it was its most "
     "powerful yet.",
     [("North Korea fired a Hwasong-19 missile into the sea on Oct. 31, 2024", "incident"),
      ("claimed it was its most powerful yet", "statement")]),
    # commentary: two acts of one subject, no comma: one act told
    ("Japan relaxed its arms export rules in December 2023 and approved the export of Patriot missiles "
     "to the United States.",
     [("Japan relaxed its arms export rules in December 2023 and approved the export of Patriot missiles to "
       "the United States", "policy")]),
    # not split: a list of objects of one verb, auxiliaries, complements of one act, one verb
    ("The ministers agreed to expand joint exercises, intelligence sharing and missile co-production.",
     [("The ministers agreed to expand joint exercises, intelligence sharing and missile co-production",
       "agreement")]),
    ("The cabinet has approved and will submit the revised budget to the Diet.",
     [("The cabinet has approved and will submit the revised budget to the Diet", "budget")]),
    ("The two navies sailed together through the Philippine Sea and the South China Sea in June 2024.",
     [("The two navies sailed together through the Philippine Sea and the South China Sea in June 2024",
       "exercise")]),
    ("Tokyo and Manila signed the agreement in Manila on July 8, 2024, and it entered into force on "
     "Sept. 11, 2025.",  # a new subject: the clause split already made
     [("Tokyo and Manila signed the agreement in Manila on July 8, 2024", "agreement"),
      ("it entered into force on Sept. 11, 2025", "agreement")]),
    ("The minister expressed concern and urged restraint.",  # two words said: one statement (same type)
     [("The minister expressed concern and urged restraint", "statement")]),
    ("Hegseth inspected the troops and the ships at Yokosuka.",
     [("Hegseth inspected the troops and the ships at Yokosuka", "visit")]),
    ("Beijing criticized the drills and demanded that Tokyo stop them, a spokesman said.",
     [("Beijing criticized the drills and demanded that Tokyo stop them, a spokesman said", "statement")]),
])
def test_each_coordinated_predicate_is_a_unit_of_its_own(sentence, expected):
    assert parts(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # "as <office>": an appointment, whatever the verb
    ("Takaichi named Toshimitsu Motegi as foreign minister on Oct. 21, 2025.", "appointment"),
    ("Trump brought back Marco Rubio as national security adviser in May 2025.", "appointment"),
    ("The LDP installed Shigeru Ishiba as party president in September 2024.", "appointment"),
    ("Ishiba kept Gen Nakatani as defense minister after the election.", "appointment"),
    ("Kishida stepped down as prime minister in October 2024.", "appointment"),
    ("Lloyd Austin was sworn in as defense secretary in January 2021.", "appointment"),
    ("Pete Hegseth took over as secretary of defense on Jan. 25, 2025.", "appointment"),
    ("Ishiba chose Takeshi Iwaya as his foreign minister.", "appointment"),
    ("Admiral Samuel Paparo took command as head of the Indo-Pacific Command in May 2024.", "appointment"),
    # controls: "as" with no office
    ("Japan sent a destroyer as an escort for the convoy.", "deployment"),
    ("The ministers described the meeting as productive.", "statement"),
    ("Japan confirmed its role as a regional leader.", "statement"),  # a role, no office taken
    ("The Senate confirmed Pete Hegseth as defense secretary on Jan. 24, 2025.", "appointment"),
    # missile words the incident lexicon lacked
    ("North Korea launched an ICBM toward the Sea of Japan on Dec. 18, 2023.", "incident"),
    ("China test-fired an ICBM into the Pacific Ocean on Sept. 25, 2024.", "incident"),
    ("Pyongyang fired an SLBM from a submarine off Sinpo.", "incident"),
    ("North Korea launched a hypersonic glide vehicle on Jan. 6, 2025.", "incident"),
    ("North Korea launched an IRBM over Japan in October 2022.", "incident"),
    ("Pyongyang conducted an ICBM launch on Oct. 31, 2024.", "incident"),
    ("North Korea fired a barrage of short-range ballistic missiles on Nov. 5, 2024.", "incident"),
    # a budget approved: the object's noun wins over a generic approval verb
    ("The cabinet approved a record defense budget of 8.7 trillion yen on Dec. 27, 2024.", "budget"),
    ("The Diet passed the fiscal 2025 budget in March.", "budget"),
    ("Japan's cabinet adopted a supplementary budget that includes defense outlays.", "budget"),
    ("The cabinet endorsed a defense budget request of 8.8 trillion yen.", "budget"),
    # controls: an approval of no budget
    ("The cabinet approved the export of Patriot missiles to the United States.", "policy"),
    ("The Diet passed a security clearance law in May 2024.", "policy"),
])
def test_as_office_missiles_and_budgets(sentence, expected):
    assert eventtype.read(sentence).type == expected
