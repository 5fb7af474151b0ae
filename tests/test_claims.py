"""Quotations, quantities and recommendations as rows, on a corpus written for the test."""

import json

import sqlite_utils
from click.testing import CliRunner

from alliance_record.cli import cli
from conftest import catalog_entry, write_corpus

TEXT = """
Talks in Osaka

“We will stand together,” Minister Ito declared at the talks. “Our navies will train more.”

He later added, “Deterrence works.” An official said the plan was “historic” and the “core” issue.

Minister Ito and Admiral Sato told reporters, “The drills will go on.” Ito called Sato on Monday and they expressed “deep concern over the launches.”

Ito’s “open seas” doctrine and Ruritania’s “near abroad” were discussed; both capitals call it “a new chapter in relations.” The memo “Seas of Plenty and Peace for All” was filed.

The fleet has 12 destroyers and Ruritania spent ¥4.2 trillion on defense in 2024, 3% more than in 2023.

Both governments should hold a new dialogue every year. The navy must buy ships, critics say. A standing secretariat would serve both capitals well.
"""

ACTORS = """
actors:
  - {id: ito, name: Kenji Ito, type: person, aliases: [Minister Ito, Ito]}
  - {id: sato, name: Taro Sato, type: person, aliases: [Admiral Sato, Sato]}
  - {id: osterlich, name: Osterlich, type: state}
  - {id: ruritania, name: Ruritania, type: state, demonyms: [Ruritanian]}
  - {id: fleet, name: The Fleet, type: military, aliases: [fleet]}
"""

ANNOTATIONS = """
recommendations:
  - id: hold-dialogue
    quote: "Both governments should hold a new dialogue every year."
    summary: Hold a yearly dialogue.
    author: ito
    addressees: [ruritania]
    theme: dialogue
    strength: should
  - id: standing-secretariat
    quote: "A standing secretariat would serve both capitals well."
    summary: Set up a standing secretariat.
    author: ito
    theme: dialogue
    strength: could
    finder_miss: an evaluative "would serve ... well", no prescriptive form the finder reads
rejected_candidates:
  - sentence: "The navy must buy ships"
    reason: reported opinion of critics, not the author's advice
quotations:
  - quote: "historic"
    speaker_label: an official
  - quote: "a new chapter"
    speakers: [ruritania, osterlich]
  - quote: "Seas of Plenty"
    reject: the title of a memo, not words anyone said
quantities:
  - quote: "12 destroyers"
    subject: ruritania
"""


def build(tmp_path, annotations=ANNOTATIONS, name="s"):
    seeds = write_corpus(tmp_path / name, {"doc": TEXT}, [catalog_entry("doc", title="Talks in Osaka")],
                         **{"actors.yml": ACTORS})
    (seeds / "annotations").mkdir()
    (seeds / "annotations" / "doc.yml").write_text(annotations)
    out = tmp_path / f"{name}.db"
    return CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out)]), out


def test_quotations_speakers_pronouns_continuations_and_overrides(tmp_path):
    result, out = build(tmp_path)
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(out)
    rows = [(r["quote"], r["speaker_id"], json.loads(r["speaker_ids"]), r["speaker_label"], r["attribution"],
             r["kind"]) for r in db["quotations"].rows_where(order_by="start")]
    assert rows == [
        ("We will stand together,", "ito", ["ito"], "Minister Ito", "code", "sentence"),
        ("Our navies will train more.", "ito", ["ito"], "Minister Ito", "continuation", "sentence"),
        ("Deterrence works.", "ito", ["ito"], "He", "pronoun", "sentence"),
        ("historic", None, [], "an official", "curated", "phrase"),
        # "X and Y told": both; "they" after two people named in its sentence: both
        ("The drills will go on.", None, ["ito", "sato"], "Minister Ito and Admiral Sato", "code", "sentence"),
        ("deep concern over the launches.", None, ["ito", "sato"], "they", "pronoun", "phrase"),
        # a person's possessive right before the marks makes the phrase theirs
        ("open seas", "ito", ["ito"], "Ito", "code", "phrase"),
        ("a new chapter in relations.", None, ["ruritania", "osterlich"], "both capitals", "curated", "phrase"),
    ]  # the scare quote “core”, a state's “near abroad” and the rejected memo title are not quotations
    speakers = [(r["quotation_id"][-4:], r["actor_id"], r["position"])
                for r in db["quotation_speakers"].rows_where(order_by="quotation_id, position")]
    assert speakers == [("q001", "ito", 1), ("q002", "ito", 1), ("q003", "ito", 1), ("q005", "ito", 1),
                        ("q005", "sato", 2), ("q006", "ito", 1), ("q006", "sato", 2), ("q007", "ito", 1),
                        ("q008", "ruritania", 1), ("q008", "osterlich", 2)]
    text = db["documents"].get("doc")["text"]
    for r in db["quotations"].rows:
        assert text[r["start"]:r["end"]] == r["quote"]
        assert text[r["start"] - 1] in "“\""


def test_every_quoted_span_is_a_quotation_or_discarded_with_a_reason(tmp_path):
    result, out = build(tmp_path)
    db = sqlite_utils.Database(out)
    spans = {r["quote"]: r for r in db["quotation_candidates"].rows}
    assert {q: r["status"] for q, r in spans.items() if r["status"] != "quotation"} == {
        "core": "scare", "near abroad": "scare", "Seas of Plenty and Peace for All": "rejected"}
    assert "no one in its sentence is said to speak" in spans["core"]["reason"]
    assert "possessive of a state" in spans["near abroad"]["reason"]
    assert spans["Seas of Plenty and Peace for All"]["reason"] == "the title of a memo, not words anyone said"
    quotations = {r["id"]: r["quote"] for r in db["quotations"].rows}
    kept = {r["quotation_id"]: r["quote"] for r in spans.values() if r["status"] == "quotation"}
    assert kept == quotations
    assert all(r["reason"] is None for r in spans.values() if r["status"] == "quotation")


def test_quantities_values_units_subjects(tmp_path):
    result, out = build(tmp_path)
    db = sqlite_utils.Database(out)
    rows = {r["quote"]: r for r in db["quantities"].rows}
    assert rows["12 destroyers"]["subject_id"] == "ruritania" and rows["12 destroyers"]["subject_method"] == "curated"
    money = rows["¥4.2 trillion"]
    assert (money["value"], money["currency"], money["year"], money["subject_id"]) == (4.2e12, "JPY", 2024, "ruritania")
    assert rows["3%"]["unit"] == "percent"


def test_recommendations_and_candidates_agree(tmp_path):
    result, out = build(tmp_path)
    db = sqlite_utils.Database(out)
    rec = db["recommendations"].get("hold-dialogue")
    assert rec["addressee_ids"] == '["ruritania"]' and rec["strength"] == "should"
    statuses = {r["sentence"][:20]: r["status"] for r in db["recommendation_candidates"].rows}
    assert statuses == {"Both governments sho": "curated", "The navy must buy sh": "rejected"}
    flagged = db["recommendation_candidates"].get(rec["candidate_id"])
    assert flagged["recommendation_id"] == "hold-dialogue" and rec["finder_miss"] is None
    missed = db["recommendations"].get("standing-secretariat")
    assert missed["candidate_id"] is None and missed["finder_miss"].startswith("an evaluative")


def test_a_finder_miss_the_finder_does_not_miss_is_an_error(tmp_path):
    wrong = ANNOTATIONS.replace("    strength: should\n", "    strength: should\n    finder_miss: not flagged\n")
    result, out = build(tmp_path, wrong)
    assert result.exit_code != 0
    assert "recommendation 'hold-dialogue': `finder_miss` says the finder misses it" in result.output
    assert "doc.yml:" in result.output


def test_stale_overrides_and_rejections_are_errors(tmp_path):
    stale = ANNOTATIONS.replace('sentence: "The navy must buy ships"', 'sentence: "The army must buy tanks"')
    stale = stale.replace('quote: "historic"', 'quote: "epochal"').replace('quote: "12 destroyers"', 'quote: "13 destroyers"')
    result, out = build(tmp_path, stale)
    assert result.exit_code != 0
    for text in ["rejected candidate 'The army must buy tanks'", "quotation 'epochal'", "quantity '13 destroyers'"]:
        assert text in result.output, result.output
    assert "doc.yml:" in result.output


FOOTNOTED = """
Fleet Review

The navy commissioned 12 frigates this year.¹ Its patrols cover a wide zone.²

¹ Ana Lee, “Forty Ships and a 3,000-Mile Patrol Zone,” Sea Review, March 2020.

² In 2021 the navy listed 30 patrol boats in service.
"""


def test_numbers_in_cited_titles_are_kept_and_marked(tmp_path):
    seeds = write_corpus(tmp_path / "fn", {"fleet": FOOTNOTED}, [catalog_entry("fleet", title="Fleet Review")],
                         **{"actors.yml": ACTORS})
    out = tmp_path / "fn.db"
    result = CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(out)
    rows = [(r["quote"], r["region"], r["location"], r["citation_id"])
            for r in db["quantities"].rows_where(order_by="start")]
    assert rows == [
        ("12 frigates", "body", "text", None),
        ("Forty Ships", "footnote", "cited-title", "fleet-fn01-c1"),
        ("3,000-Mile", "footnote", "cited-title", "fleet-fn01-c1"),
        ("30 patrol boats", "footnote", "text", None),  # a note's own words, not a title
    ]
    assert db["citations"].get("fleet-fn01-c1")["footnote_id"] == "fleet-fn01"


LABEL_TEXT = """
Harbor Notes

Ruritania keeps warning of “revisionist” powers. Minister Ito said the fleet was “ready for anything.”

Minister Ito said that Admiral Sato, at the pier, found it “a fine day for a launch.”
"""

LABEL_ANNOTATIONS = """
quotations:
  - quote: "revisionist"
    speaker: ruritania
  - quote: "ready for anything"
    speaker: sato
  - quote: "a fine day"
    speaker: sato
"""


def test_a_curated_speaker_gets_a_label_from_the_sentence_or_the_registry(tmp_path):
    seeds = write_corpus(tmp_path / "l", {"doc": LABEL_TEXT}, [catalog_entry("doc", title="Harbor Notes")],
                         **{"actors.yml": ACTORS})
    (seeds / "annotations").mkdir()
    (seeds / "annotations" / "doc.yml").write_text(LABEL_ANNOTATIONS)
    out = tmp_path / "l.db"
    result = CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [(r["quote"], r["speaker_id"], r["speaker_label"], r["attribution"])
            for r in sqlite_utils.Database(out)["quotations"].rows_where(order_by="start")]
    assert rows == [
        # no cue: the sentence's own mention of the curated speaker
        ("revisionist", "ruritania", "Ruritania", "curated"),
        # the cue names someone else, and the sentence does not name the curated speaker: its
        # registry name, never the other person's words
        ("ready for anything.", "sato", "Taro Sato", "curated"),
        # ... or, when the sentence names them, its words
        ("a fine day for a launch.", "sato", "Admiral Sato", "curated"),
    ]


REFERENCE_TEXT = """
Harbor talks in Vell

Prime Minister Ito thanked Admiral Sato for the visit and stated that he wanted ties to reach “a higher plane.”

A senior Ruritanian government official, who asked not to be named, said the capital hoped the talks would “ease tensions” soon.

Osterlich stayed away from the talks. Its foreign ministry later called the meeting “a needless show.”

The defense ministers of the Northern Pact met in Vell on Monday. In a joint statement, the ministers expressed concern about “reckless maneuvers” near the coast.

Ito became prime minister in May. Weeks before he took office, beating Taro Sato in a runoff, a think tank printed an essay in which he called for “a northern shield” against raids.

Mara Lindqvist, a spokesperson for the Osterlich government, said that Admiral Sato had “misread the region.” She said Osterlich would “answer firmly” to any pressure.

Defense Minister Karl Weber toured the port on Tuesday. The minister said the harbor was “fully secure.”
"""

REFERENCE_ACTORS = ACTORS + """
  - {id: ruritania-government, name: Government of Ruritania, type: government, aliases: [Ruritanian government]}
  - {id: northern-pact, name: Northern Pact, type: grouping}
"""


def test_speakers_named_before_the_quotation(tmp_path):
    """A phrase with no name stands for someone named before it: a possessive ("Its foreign
    ministry"), a role ("the ministers", "the minister"), a pronoun chain, a relative or a
    coordinated verb; an unnamed official is nobody's body."""
    seeds = write_corpus(tmp_path / "r", {"doc": REFERENCE_TEXT}, [catalog_entry("doc", title="Harbor talks")],
                         **{"actors.yml": REFERENCE_ACTORS})
    out = tmp_path / "r.db"
    result = CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(out)
    rows = {r["quote"]: (json.loads(r["speaker_ids"]), r["speaker_label"], r["attribution"])
            for r in db["quotations"].rows}
    assert rows["a higher plane."] == (["ito"], "Prime Minister Ito", "code")
    assert rows["ease tensions"] == ([], "A senior Ruritanian government official", "label-only")
    assert rows["a needless show."] == (["osterlich"], "Its foreign ministry", "reference")
    assert rows["reckless maneuvers"] == (["northern-pact"], "the ministers", "reference")
    assert rows["a northern shield"] == (["ito"], "he", "pronoun")
    assert rows["answer firmly"] == ([], "Mara Lindqvist", "pronoun")
    assert rows["fully secure."] == ([], "Karl Weber", "reference")
