"""The clutter-model experiment's pieces (tests/clutter_experiment.py) on small documents made up
here: the title test, the continuation features, the scoring of rules OR model, the threshold kept
below every body line, and a trained CRF's marginals."""

from __future__ import annotations

import pytest

import clutter_experiment as ce


def _doc(*texts, clutter=(), aside=(), blank_after=()) -> list[dict]:
    lines = []
    for k, t in enumerate(texts):
        lines.append({"text": t, "clutter": k in clutter, "rules_aside": k in aside, "rules": [],
                      "blank_before": k == 0 or (k - 1) in blank_after, "title": False})
    for k, line in enumerate(lines):
        line["blank_after"] = k + 1 == len(lines) or k in blank_after
    return lines


def test_title_is_most_of_the_catalogue_title_in_a_line_not_much_longer():
    title = "Harbour pilots strike over new ferry schedule"
    assert ce.is_title("Harbour pilots strike over new ferry schedule", title)
    assert ce.is_title("HARBOUR PILOTS STRIKE OVER NEW FERRY SCHEDULE | Coast Daily", title)
    assert not ce.is_title("By Lena Ostrova, coast correspondent", title)
    assert not ce.is_title(title + " " + "and a long paragraph that goes on " * 5, title)


def test_a_lower_case_line_after_an_unfinished_one_continues_it():
    doc = _doc("The port authority said the pilots would", "return to work on Friday.", "Share this")
    assert "continues" in ce.line_features(doc, 1)
    assert "continued" in ce.line_features(doc, 0)
    assert "continues" not in ce.line_features(doc, 2)
    after_unfinished = _doc("The port authority said the pilots would", "Return to work", "x")
    assert "continues" not in ce.line_features(after_unfinished, 1)  # a capital starts a new line


def test_rules_or_model_sets_aside_what_either_does():
    data = {"s": {"d": _doc("Share | Print", "Body text of the story.", "Subscribe now",
                            clutter=(0, 2), aside=(0,))}}
    probs = {"s": {"d": [0.1, 0.2, 0.7]}}
    assert ce.counts(data, ["s"], None, 1.0, True) == {"clutter": 2, "aside": 1, "body": 1, "kept": 1}
    assert ce.counts(data, ["s"], probs, 0.5, True) == {"clutter": 2, "aside": 2, "body": 1, "kept": 1}
    assert ce.counts(data, ["s"], probs, 0.8, True)["aside"] == 1
    assert ce.counts(data, ["s"], probs, 0.1, False) == {"clutter": 2, "aside": 2, "body": 1, "kept": 0}


def test_threshold_stays_above_every_body_line_the_rules_keep():
    data = {"s": {"d": _doc("Menu", "A body line.", "Another body line.", clutter=(0,), aside=(2,))}}
    # the body line the rules already set aside (a rules' error) does not move the threshold
    assert ce.safe_threshold(data, ["s"], {"s": {"d": [0.9, 0.8, 0.99]}}) == pytest.approx(0.8, abs=1e-4)
    assert ce.safe_threshold(data, ["s"], {"s": {"d": [0.9, 0.1, 0.99]}}) == 0.5  # never below 0.5
    assert ce.safe_threshold(data, ["s"], {"s": {"d": [0.9, 1.0, 0.0]}}) == 1.0


def test_a_trained_model_gives_clutter_lines_the_higher_marginal(tmp_path):
    pytest.importorskip("pycrfsuite")
    body = ["The council met on Tuesday to discuss the harbour budget and the new berths.",
            "Members agreed to fund the dredging work before the winter storms arrive.",
            "A vote on the ferry schedule was put off until the spring session."]
    docs = []
    for k in range(6):
        texts = ["Share  Tweet  Email", body[k % 3], body[(k + 1) % 3], "Subscribe for full access"]
        docs.append(_doc(*texts, clutter=(0, 3), blank_after=(0, 1, 2)))
    ce.train(docs, str(tmp_path / "m.crfsuite"), rules=False)
    new = _doc("Share  Email", "Officials said the berths would open to cargo ships next year.",
               "Subscribe today", clutter=(0, 2), blank_after=(0, 1))
    (p,) = ce.marginals(str(tmp_path / "m.crfsuite"), [new], rules=False)
    assert p[0] > 0.5 and p[2] > 0.5 and p[1] < 0.5
