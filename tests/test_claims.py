"""Quotations, quantities and recommendations as rows, on a corpus written for the test."""

import sqlite_utils
from click.testing import CliRunner

from alliance_record.cli import cli
from conftest import catalog_entry, write_corpus

TEXT = """
Talks in Osaka

“We will stand together,” Minister Ito declared at the talks. “Our navies will train more.”

He later added, “Deterrence works.” An official said the plan was “historic” and the “core” issue.

The fleet has 12 destroyers and Ruritania spent ¥4.2 trillion on defense in 2024, 3% more than in 2023.

Both governments should hold a new dialogue every year. The navy must buy ships, critics say.
"""

ACTORS = """
actors:
  - {id: ito, name: Kenji Ito, type: person, aliases: [Minister Ito, Ito]}
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
rejected_candidates:
  - sentence: "The navy must buy ships"
    reason: reported opinion of critics, not the author's advice
quotations:
  - quote: "historic"
    speaker_label: an official
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
    rows = [(r["quote"], r["speaker_id"], r["speaker_label"], r["attribution"], r["kind"])
            for r in db["quotations"].rows_where(order_by="start")]
    assert rows == [
        ("We will stand together,", "ito", "Minister Ito", "code", "sentence"),
        ("Our navies will train more.", "ito", "Minister Ito", "continuation", "sentence"),
        ("Deterrence works.", "ito", "He", "pronoun", "sentence"),
        ("historic", None, "an official", "curated", "phrase"),
    ]  # the unattributed scare quote “core” is left out
    text = db["documents"].get("doc")["text"]
    for r in db["quotations"].rows:
        assert text[r["start"]:r["end"]] == r["quote"]
        assert text[r["start"] - 1] in "“\""


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


def test_stale_overrides_and_rejections_are_errors(tmp_path):
    stale = ANNOTATIONS.replace('sentence: "The navy must buy ships"', 'sentence: "The army must buy tanks"')
    stale = stale.replace('quote: "historic"', 'quote: "epochal"').replace('quote: "12 destroyers"', 'quote: "13 destroyers"')
    result, out = build(tmp_path, stale)
    assert result.exit_code != 0
    for text in ["rejected candidate 'The army must buy tanks'", "quotation 'epochal'", "quantity '13 destroyers'"]:
        assert text in result.output, result.output
    assert "doc.yml:" in result.output
