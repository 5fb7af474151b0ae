"""New documents the rules were not written from (tests/newdocs/): the targets of issue 14.

The development set is built with the seeds, as a user adding documents would (catalogue
entries, no annotations), and scored against its hand gold by tests/newdocs_eval.py. The test
fails below the targets; the figures are printed for the record.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from newdocs_eval import build_set, check_gold, report, score

DEV = ROOT / "tests" / "newdocs" / "dev"


def test_the_gold_itself_holds():
    assert check_gold(DEV) == []
    for name in ("test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10", "test11", "test12", "test13", "dates5"):  # the held-out sets (see their README) and the dates set
        assert check_gold(DEV.parent / name) == []


@pytest.fixture(scope="module")
def dev_score(tmp_path_factory):
    db = build_set(DEV, tmp_path_factory.mktemp("newdocs"))
    result = score(db, DEV)
    report(result, misses=False)
    return result.summary()


def test_entities_are_found_and_typed_without_a_wrong_resolution(dev_score):
    assert dev_score["entities_found"] >= 0.95
    assert dev_score["entities_type_right"] >= 0.90
    assert dev_score["wrong_resolutions"] == 0
    assert dev_score["noise_candidates"] == 0


def test_speakers_clutter_body_and_notes(dev_score):
    assert dev_score["speakers_right"] >= 0.90
    assert dev_score["clutter_set_aside"] >= 0.90
    assert dev_score["body_kept"] == 1.0
    assert dev_score["notes_found"] >= 0.95


@pytest.mark.parametrize("name", ["test", "test2", "test3"])
def test_speakers_and_entities_of_the_former_held_out_sets(name, tmp_path):
    """``test/``, ``test2/`` and ``test3/`` are development data now (see their README): their
    quotation speakers meet the target too, with no false quotation, and so do their entities
    (found and typed, no wrong resolution, no page noise among the candidates), their page clutter
    and their notes."""
    folder = DEV.parent / name
    assert check_gold(folder) == []
    got = score(build_set(folder, tmp_path), folder).summary()
    assert got["quotations_found"] >= 0.90
    assert got["speakers_right"] >= 0.90
    assert got["false_quotations"] == 0
    assert got["entities_found"] >= 0.95
    assert got["entities_type_right"] >= 0.90
    assert got["wrong_resolutions"] == 0
    assert got["noise_candidates"] == 0
    # page clutter and notes (issue 14, items 4 and 6): the targets, nothing of the body lost
    assert got["clutter_set_aside"] >= 0.90
    assert got["body_kept"] == 1.0
    assert got["notes_found"] >= 0.95


def test_dates_of_new_documents(dev_score):
    """Every temporal expression of the gold, scored as TempEval-3 does on the database's
    date_mentions (issue 15 asks 95 % of relative dates right)."""
    assert dev_score["dates_found"] >= 0.95
    assert dev_score["date_value_f1"] >= 0.85
    assert dev_score["relative_dates_right"] >= 0.95


def test_suggest_drafts_reach_the_targets_of_issue_16():
    """The drafts a curator starts from, scored against the same hand gold (no database build of
    the set: suggest reads the documents and a build of the seeds for ``ref:``)."""
    from newdocs_eval import score_suggest, suggest_summary

    result = score_suggest(DEV)
    got = suggest_summary(result)
    report(result, misses=False, summary=suggest_summary)
    assert got["event_recall"] >= 0.85
    assert got["drafts_on_target"] >= 0.80
    assert got["typed_right"] >= 0.90
    assert got["recommendation_recall"] >= 0.85
    assert got["existing_matched"] >= 0.90
    assert got["refs_wrong"] <= 0.15  # a proposed ref: names the event a reader marks (2 of 17 when set; 4 of 19 before function words were left out)
    assert got["drafts_over_several"] <= 0.25  # one draft per event, not one per paragraph


def test_an_unnamed_speaker_is_not_right_under_another_persons_name():
    """The scorer itself: words the gold gives to an unnamed official are wrongly attributed when
    the row's label is a person the document names, rightly when the label is the official."""
    import sqlite3

    from newdocs_eval import _speaker_right

    db = sqlite3.connect(":memory:")
    db.executescript("create table quotation_speakers (quotation_id, actor_id);"
                     "create table actors (id, type);")
    persons = {"Haruka Mori", "Dale Whitcomb"}
    unnamed = {"id": 1, "speaker_id": None, "speaker_label": "a senior navy officer"}
    misnamed = {"id": 2, "speaker_id": None, "speaker_label": "Dale Whitcomb"}
    assert _speaker_right(db, unnamed, "anonymous", persons)
    assert not _speaker_right(db, misnamed, "anonymous", persons)
    assert _speaker_right(db, misnamed, "new:Dale Whitcomb", persons)


def test_a_term_in_marks_is_excused_only_inside_a_turn_that_the_gold_holds():
    """The scorer itself: a not_quotation inside a right turn (one holding a gold quotation) is the
    speaker's words, no false quotation; inside a turn the gold holds no quotation of (a transcript
    that should not be one), it still counts."""
    import sqlite3

    from newdocs_eval import Score, _score_quotations

    text = 'HOST: We call it the "quiet fleet" here.\nNEWS: The "grey zone" grew last year.\n'
    db = sqlite3.connect(":memory:")
    db.row_factory = sqlite3.Row
    db.executescript("create table quotations (id, document_id, start, end, kind, speaker_id, speaker_label);"
                     "create table quotation_speakers (quotation_id, actor_id); create table actors (id, type);")
    second = text.index("NEWS")
    db.executemany("insert into quotations values (?, 'd', ?, ?, 'turn', null, ?)",
                   [(1, 6, second - 1, "HOST"), (2, second + 6, len(text) - 1, "NEWS")])
    gold = {"quotations": [{"quote": "We call it", "speaker": "new:Host"}],
            "not_quotations": ['"quiet fleet"', '"grey zone"']}
    result = Score()
    _score_quotations(db, result, "d", "d", text, gold)
    assert result.counts["false_quotation"] == 1
    assert result.misses["false_quotation"] == [("d", '"grey zone"')]


def test_timex_values_that_say_the_same_are_the_same():
    from newdocs_eval import same_timex_value

    assert same_timex_value("P1Q", "P3M") and same_timex_value("P2Q", "P6M")
    assert same_timex_value("FY2025", "2025") and same_timex_value("P2DE", "P20Y")
    assert not same_timex_value("P1Q", "P1M") and not same_timex_value("P1Q", "P3W")


def test_the_curators_lines_are_the_fewest_line_edits():
    """The scorer itself: a line set right counts one, whatever lines around it repeat; a
    rewritten run counts its longer side; lines moved count as deleted and inserted."""
    from newdocs_eval import _changed

    drafts = ["event:", "  type: statement", "  place: null", "event:", "  type: statement",
              "  place: null", "event:", "  type: policy", "  place: null"]
    reviewed = drafts[:7] + ["  type: agreement"] + drafts[8:]
    assert _changed(drafts, reviewed) == 1
    # one line set right where its neighbours repeat: difflib's matcher paired the wrong lines and
    # counted two
    assert _changed(["- type: statement", "- type: statement", "  place: null"],
                    ["- type: statement", "  place: null", "  place: null"]) == 1
    assert _changed(["a", "b", "c"], ["a", "x", "y", "z", "c"]) == 3
    assert _changed(["a", "b"], ["b", "a"]) == 2
    assert _changed([], ["a", "b"]) == 2 and _changed(["a"], []) == 1 and _changed(["a"], ["a"]) == 0
