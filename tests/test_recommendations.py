"""Candidate recommendations: on sentences written for the test, on sentences copied from the
seeds, and over every seed text."""

from pathlib import Path

import pytest

from alliance_record.extract import recommendations
from alliance_record.extract.recommendations import find_candidates

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def one(text, heading=None):
    (c,) = find_candidates(text, heading)
    assert text[c.start:c.end] == c.sentence
    assert text[c.cue_start:c.cue_end] == c.cue
    return c


# --- cues (sentences written for the test) --------------------------------------------------------

CUES = [
    ("Canberra ought to join the talks.", "ought to", "should", False),
    ("It is essential for Seoul to invest in air defense.", "It is essential", "must", False),
    ("It is important for both navies to train together.", "It is important", "should", False),
    ("It is important that the two coast guards share their tracks.", "It is important", "should", False),
    ("It would be advisable that both capitals publish the plan.", "It would be advisable", "should", False),
    ("Ensure that supply chains are diversified.", "Ensure", "should", False),
    ("We recommend that both sides hold annual talks.", "We recommend", "should", False),
    ("Joint patrols could help deter coercion.", "could help", "could", False),
    ("A trilateral secretariat might be one option to consider.", "might be one option", "could", False),
    ("Tokyo cannot afford to wait.", "cannot afford to", "must", False),
    ("Japan has to raise spending.", "has to", "must", False),
    ("Allies must not ignore the risk.", "must not", "must", True),
    ("Allies shouldn't ignore the risk.", "shouldn't", "should", True),
    ("The alliance needs to adapt.", "needs to", "should", False),
    ("Seoul will need to decide soon.", "will need to", "should", False),
    ("More funding is needed for shipbuilding.", "is needed", "should", False),
    ("The plan requires a definitive commitment from both capitals.", "requires", "must", False),
    ("Manila may want to revisit the accord.", "may want to", "could", False),
    # cues without a modal verb (none of them passed the old one-regex gate)
    ("One option would be a joint secretariat for the three coast guards.", "One option would be",
     "could", False),
    ("It would be useful for the two navies to share repair yards.", "It would be useful", "could", False),
    ("One idea is a standing hotline between the coast guards.", "One idea is", "could", False),
    ("Officials should actively be invited to these dialogues.", "should", "should", False),
    ("The treaty should be left to the negotiators.", "should", "should", False),
    # the strongest cue wins, whatever its position
    ("Navies could help, but coast guards must lead.", "must", "must", False),
    # an action that is critical, or is the way: the subject opens with a gerund or names an action
    ("Keeping the sea lanes open is essential for every island state.", "is essential", "must", False),
    ("Coordination between the two coast guards is also critical in this effort.", "is also critical",
     "must", False),
    ("Frank consultation with Seoul remains vital if the talks are to last.", "remains vital", "must", False),
    ("We believe that investing in munitions is the surest way to restore deterrence.", "is the surest way",
     "should", False),
    ("Pooling repair yards and sharing spare parts is the answer to the shortage.", "is the answer",
     "should", False),
    # necessity, urgency and opportunity
    ("The latest incursion underscores the need for a hotline between the navies.",
     "underscores the need for", "should", False),
    ("The case for a joint secretariat is more urgent than ever.", "is more urgent than ever", "should", False),
    ("The need for Manila and Hanoi to settle their claims has never been more pressing.",
     "need for Manila and Hanoi to settle their claims has never been more pressing", "should", False),
    ("Canberra and Wellington now have a rare opportunity to pool their patrol aircraft.",
     "have a rare opportunity to", "could", False),
    ("Without steady funding from parliament, the coast guard cannot sustain its patrols.",
     "Without steady funding from parliament, the coast guard cannot", "must", False),
]


@pytest.mark.parametrize("text,cue,strength,negated", CUES, ids=[t[:30] for t, *_ in CUES])
def test_cues(text, cue, strength, negated):
    c = one(text)
    assert (c.cue, c.strength, c.negated) == (cue, strength, negated)
    assert (c.start, c.end) == (0, len(text))


NOT_PRESCRIPTIVE = [
    "Should the PRC object, Japan would respond calmly.",
    "Japan is ready. Should the PRC object, Japan would respond calmly.",
    "Japan is ready. “Should the PRC object, Japan would respond calmly.”",
    "Japan would respond calmly, should the PRC object.",
    "If the talks should fail, tensions would rise.",
    "The ministry had to cancel the drill.",
    "The ministry needed to cancel the drill.",
    "The crew must have been exhausted.",
    "The navy should have acted sooner.",
    "Should Tokyo expand its fleet?",
    "Must the alliance change?",
    "The treaty has to date prevented any change.",
    "This has to do with history.",
    "It was crucial for Japan to demonstrate unity.",
    "The ports, which could be opened to allied forces, matter.",
    "A confrontation could ensue.",
    "Such tasks could be challenging.",
    "The plan could not work.",
    "The need to act is obvious.",
    "Use of force remains a last resort.",
    "See https://example.org/allies-must-be-ready for details.",
    # copula cues whose subject is no action, or not a present statement
    "This cooperation is critical at a time of shortages.",
    "Such drills are essential to the navy.",
    "They are ever more critical in the long term.",
    "The latter are indispensable to the alliance.",
    "Officials said that Japan’s role in the region is indispensable.",
    "Radars that are vital to the network were installed.",
    "Building the runway was essential to the plan.",
    "The state of the relations will also be critical, where gaps would hurt.",
    "Strengthening ties is not critical.",
    "The outcome is the path of least resistance.",
    "Trade is the surest route to prosperity.",
    # past, or not a necessity
    "The need had never been greater than in 1990.",
    "The ministers had an opportunity to talk in Manila.",
    "The visit underscored the need for talks.",
    "The drills offer a great opportunity for local engagement.",
    "Without a doubt, the navy cannot be faulted for the delay.",
]


@pytest.mark.parametrize("text", NOT_PRESCRIPTIVE, ids=[t[:30] for t in NOT_PRESCRIPTIVE])
def test_not_prescriptive(text):
    assert find_candidates(text) == []


def test_score_heading_and_enumeration():
    text = "First, Japan should act. Second, the U.S. must help. Both sides could also consider talks."
    plain = find_candidates(text)
    assert [(c.sentence, c.strength, c.score) for c in plain] == [
        ("First, Japan should act.", "should", 0.6),
        ("Second, the U.S. must help.", "must", 0.65),
        ("Both sides could also consider talks.", "could", 0.25),
    ]
    boosted = find_candidates(text, heading="Policy Implications")
    assert [c.score for c in boosted] == [0.9, 0.95, 0.55]
    assert boosted[0].reason == "should cue 'should'; in section 'Policy Implications'; opens with 'First,'"
    for heading in ("Recommendations", "Challenges for the U.S.-Japan Alliance & Recommendations",
                    "Further Work", "Areas for Further Discussion", "Conclusion", "The Way Forward"):
        assert find_candidates("Japan should act.", heading=heading)[0].score == 0.75
    assert find_candidates("Japan should act.", heading="Threats in the Region")[0].score == 0.45


def test_titles_score_lower():
    c = one("New Security Era: Japan Must Further Strengthen Alliance with U.S., Like-minded Nations")
    assert (c.cue, c.strength, c.score) == ("Must", "must", 0.3)
    c = one('Garlauskas, Markus V. "The United States and its Allies Must Be Ready to Deter a War." 2023.')
    assert c.score == 0.3


def test_given_sentence_bounds_are_used():
    text = "Japan should act. The U.S. must help."
    got = find_candidates(text, sentences=[(0, len(text))])
    assert [(c.start, c.end, c.cue) for c in got] == [(0, len(text), "must")]


def test_simple_splitter_keeps_abbreviations():
    text = "The U.S. Navy should sail. Mr. Abe must decide. Dec. 10 is late."
    got = find_candidates(text)
    assert [c.sentence for c in got] == ["The U.S. Navy should sail.", "Mr. Abe must decide."]


# --- sentences copied from the seeds --------------------------------------------------------------

SEED_SENTENCES = [
    ("Challenges for the U.S.-Japan Alliance & Recommendations",
     "Given the current political mismatch between the leaderships of the two countries, management of "
     "the U.S.-Japan alliance should be left to the creativity of the working-level defense bureaucracies.",
     "should", "should", 0.75),
    ("Challenges for the U.S.-Japan Alliance & Recommendations",
     "Enlarging officer exchanges with the US Navy to the extent Japanese naval personnel are more visible "
     "on U.S. vessels operating through the Atlantic ports might be one idea to enhance public diplomacy "
     "in the United States.", "might be one idea", "could", 0.55),
    ("Challenges for the U.S.-Japan Alliance & Recommendations",
     "The current shortage of political will in Japan to meet this challenge eye-to-eye must not stop the "
     "thinking and planning at the working level.", "must not", "must", 0.8),
    ("Challenges for the U.S.-Japan Alliance & Recommendations",
     "Track 1.5 and Track 2 security dialogues (with the Chatham House rule) need to be prepared and ready "
     "to offer policy options in various possible scenarios.", "need to", "should", 0.75),
    ("Challenges for the U.S.-Japan Alliance & Recommendations",
     "Representatives from Taiwan (if not government officials, at least civilian scholars or experienced "
     "journalists) should actively be invited to these dialogues.", "should", "should", 0.75),
    ("Recommendations",
     "First, Japan and the U.S. must ensure that their respective strategies are on the same page and "
     "facing the same direction.", "must", "must", 0.95),
    ("Recommendations",
     "Under this light, it is critical for Tokyo and Washington to provide assurance and credibility "
     "through dialogues and exchanges.", "it is critical", "must", 0.8),
    ("Recommendations",
     "Given the diverse, and multi-faceted threats faced in the Indo-Pacific theatre, it is imperative for "
     "Japan and the U.S. to enhance coordination and cooperation with other U.S. allies.",
     "it is imperative", "must", 0.8),
    ("Recommendations",
     "This non-negotiable position cannot be ameliorated through diplomatic protests and exercises; it "
     "requires a definitive action on the part of the disputant.", "requires", "must", 0.8),
    ("Further Work",
     "Finally, the QUAD's recent announcement to diversify critical mineral supply chains could present an "
     "effective counter to China's attempts to corner the market.", "could present", "could", 0.7),
    ("Areas for Further Discussion",
     "On top of the political and strategic discussions, more efforts are needed on the operational-level "
     "issues in the JSDF and the Japan-U.S. alliance.", "are needed", "should", 0.75),
    ("Areas for Further Discussion",
     "In particular, much attention is needed on Japan's amphibious capabilities that would be critical "
     "in defending the southwest island chain.", "is needed", "should", 0.75),
    (None,
     "It is crucial for Japan, which cannot respond to security requirements alone, to share the burden "
     "of security that the United States has long shouldered.", "It is crucial", "must", 0.5),
    (None,
     "Ahead of a meeting with Hegseth on Thursday, Koizumi told those around him, “We need a sense of "
     "urgency in communication between high-ranking officials.”", "We need", "should", 0.45),
    ("Challenges for the U.S.-Japan Alliance & Recommendations",
     "Managing expectations is critical if Japan's nascent embracing of collective defense and security, "
     "first in no-war situations such as HADR, is to open a path for closer defense cooperation in a "
     "hybrid situation.", "is critical", "must", 0.8),
    (None,
     "As Beijing presses its territorial claims, the urgency for Tokyo and Washington to build on their "
     "historic partnership has never been greater.",
     "urgency for Tokyo and Washington to build on their historic partnership has never been greater",
     "should", 0.45),
    (None,
     "The reality remains that without sustained support from Washington, Japan cannot deter an "
     "increasingly assertive China on its own.",
     "without sustained support from Washington, Japan cannot", "must", 0.5),
    (None,
     "There is no doubt that forging multitiered cooperation with like-minded nations and further "
     "strengthening the Japan-U.S. alliance is the path that will lead Japan through these difficult times.",
     "is the path", "should", 0.45),
]


@pytest.mark.parametrize("heading,text,cue,strength,score", SEED_SENTENCES,
                         ids=[t[:30] for _, t, *_ in SEED_SENTENCES])
def test_seed_sentences(heading, text, cue, strength, score):
    c = one(text, heading)
    assert (c.cue, c.strength, c.score) == (cue, strength, score)


SEED_DESCRIPTIVE = [
    "As such, it was crucial for Japan to demonstrate the unshakable unity of the Japan-U.S. alliance.",
    "the incremental changes in Japan were due to the strong domestic pacifism, which has to date "
    "prevented the ruling Liberal Democratic Party from amending Article 9 (peace clause) of the constitution.",
    "the list of civilian ports and airfields in Japan, which could be opened to the U.S. forces in a "
    "regional contingency.",
    "Certainly, the PRC would object, and a confrontation could ensue, but legal precedence and "
    "international public opinion would favor Japan.",
    "Achieving this, however, would depend not only on political efforts to converge strategic visions "
    "and priorities, but could also be swayed by fluid domestic politics.",
    "First research area comprehensively reviews the evolution of the U.S.-Japan alliance.",
    "This collaboration is critical at a time when there is an acknowledged shortage of munitions.",
    "Hegseth further added that Japan is a “cornerstone of the peace and security of the Indo-Pacific,” "
    "reinforcing the view that Japan’s role in the region is indispensable in maintaining stability.",
    "The state of political and strategic relations between Japan and the U.S. will also be critical, where "
    "gaps in visions and priorities would inevitably cause disruptions.",
    "The move reflects a growing consensus within Japan’s new government that deterrence, not dependence, "
    "is the key to maintaining regional stability.",
    "Rather, it is a reassertion of the primacy of international law and a recognition that balance, not "
    "confrontation, is the surest route to prosperity.",
    "U.S.-Japan cooperation in peacetime in less critical subregions away from Japan's immediate Northeast "
    "Asian neighborhood is consistent with the Trump administration's offshore balancing leaning.",
    "Continued public condemnation and frequent multi-lateral exercises are effective responses to PRC "
    "gray-zone tactics; however, they only address the symptoms of the problem.",
]


@pytest.mark.parametrize("text", SEED_DESCRIPTIVE, ids=[t[:30] for t in SEED_DESCRIPTIVE])
def test_seed_descriptive_sentences(text):
    assert find_candidates(text, heading="Recommendations") == []


# --- every seed -----------------------------------------------------------------------------------

def seed_texts():
    return sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", seed_texts(), ids=lambda p: p.stem)
def test_every_seed_spans_quote_their_text(path):
    text = path.read_text(encoding="utf-8")
    for c in find_candidates(text):
        assert 0 <= c.start <= c.cue_start < c.cue_end <= c.end <= len(text)
        assert text[c.start:c.end] == c.sentence
        assert text[c.cue_start:c.cue_end] == c.cue
        assert c.strength in ("must", "should", "could") and 0 <= c.score <= 1


def test_seed_counts():
    counts = {p.stem[:3]: len(find_candidates(p.read_text(encoding="utf-8"))) for p in seed_texts()}
    assert counts == {"000": 1, "001": 5, "002": 4, "003": 0, "004": 34}


def test_every_match_of_a_cue_holds_one_of_its_gate_words():
    """A cue pattern is tried only on sentences holding one of its gate words: run every
    pattern ungated over the seeds and the sentences above, and each match must have been let
    through by its gate."""
    texts = [path.read_text(encoding="utf-8") for path in seed_texts()] + [t for t, *_ in CUES]
    matched = 0
    for strength, words, pattern in recommendations.CUES:
        for text in texts:
            for m in pattern.finditer(text):
                matched += 1
                assert (strength, pattern) in recommendations.cues_for(text, m.start(), m.end()), \
                    (pattern.pattern[:40], m.group(0))
    assert matched > 50  # the seeds and the sentences above hold 88
    # a word that starts with a gate word opens the gate ("needs", "Required"), other words do not
    assert recommendations.cues_for("Japan needs a plan.") and recommendations.cues_for("Required reading.")
    assert recommendations.cues_for("Tokyo and Seoul met on Tuesday.") == []
