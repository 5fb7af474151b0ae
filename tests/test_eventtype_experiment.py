"""The event-type experiment's folds and figures (tests/eventtype_experiment.py) on examples made up
here: forward-chained folds train only on the seeds and the sets written before the held-out one,
the gains over the rules and their spread, the confusion of the rules' misses, and the logistic
regression learning a separable toy problem."""

from __future__ import annotations

import eventtype_experiment as ee


def _ex(doc, gold, gold_type, rule_type, quote="The envoys met in Suva on Monday."):
    return {"doc": doc, "gold": gold, "draft": gold, "gold_type": gold_type, "evidence": quote, "quote": quote,
            "rule_type": rule_type, "ref": False}


def _found():
    found = {}
    for k, name in enumerate(["seeds", *ee.SETS]):
        exs = [_ex(f"{name}-doc", 0, "meeting", "meeting"), _ex(f"{name}-doc", 1, "statement", "meeting" if k % 2 else
                                                                "statement")]
        found[name] = {"score": exs, "train": exs}
    return found


def test_forward_trains_on_the_seeds_and_the_sets_before_only(monkeypatch):
    seen = []
    monkeypatch.setattr(ee, "fold", lambda found, train, held, groups, gold_text=False: seen.append((held, train)))
    ee.forward(_found(), {"rule"})
    assert [held for held, _ in seen] == list(ee.SETS[1:])
    for held, train in seen:
        k = ee.SETS.index(held)
        assert train == ["seeds", *ee.SETS[:k]]


def test_leave_one_set_out_never_trains_on_the_held_out_set(monkeypatch):
    seen = []
    monkeypatch.setattr(ee, "fold", lambda found, train, held, groups, gold_text=False: seen.append((held, train)))
    ee.loso(_found(), {"rule"})
    assert len(seen) == len(ee.SETS) + 1
    assert all(held not in train and len(train) == len(ee.SETS) for held, train in seen)


def test_gains_are_pooled_and_per_set_with_their_spread():
    table = [{"n": 10, "rules": 5, "m": 7}, {"n": 20, "rules": 10, "m": 10}]
    pooled, mean, sd = ee.gains(table, "m")
    assert round(pooled, 3) == round(100 * 2 / 30, 3)
    assert mean == 10.0  # +20 points and +0 points
    assert round(sd, 3) == round((2 * 10 ** 2) ** 0.5, 3)


def test_confusion_counts_each_missed_gold_event_once_with_its_sets():
    pairs, sets = ee.confusion(_found())
    odd = [name for k, name in enumerate(["seeds", *ee.SETS]) if k % 2]
    assert pairs == {("statement", "meeting"): len(odd)}
    assert sorted(sets[("statement", "meeting")]) == sorted(odd)


def test_the_logistic_regression_learns_a_separable_problem():
    rows = [(["v=meet"], "meeting")] * 3 + [(["v=say"], "statement")] * 3
    model = ee.train_logistic(rows)
    assert ee.probabilities(model, ["v=meet"])["meeting"] > 0.8
    assert ee.probabilities(model, ["v=say"])["statement"] > 0.8
