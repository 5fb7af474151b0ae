"""Events from annotations written for the test: located quotes, honest dates, one event per
real event, and clear errors for every curator mistake."""

import sqlite_utils
from click.testing import CliRunner

from alliance_record.cli import cli
from alliance_record.extract.events import span_parts
from conftest import catalog_entry, write_corpus

NEWS_A = """
Joint Drill Reported

Two bombers flew over the sea on Dec. 10, 2025. The day prior, rival bombers had flown nearby.

Three days before the rival flight, fighters locked radar on patrol aircraft.

The minister called his counterpart on Dec. 12 and met him last month as well.
"""

NEWS_B = """
Later Commentary

The joint flight over the sea earlier this month showed resolve.
"""

ACTORS = """
actors:
  - {id: air-force, name: Air Force, type: military}
  - {id: rival, name: Rival Air Arm, type: military}
  - {id: minister, name: Minister Example, type: person}
"""
PLACES = """
places:
  - {id: the-sea, name: The Sea, type: sea, latitude: 40, longitude: 135, geo_precision: centroid}
"""

ANNOTATIONS_A = """
events:
  - id: joint-flight
    summary: Bombers fly a joint drill.
    event_type: exercise
    actors: [{id: air-force, role: participant}]
    places: [the-sea]
    evidence:
      - quote: "Two bombers flew over the sea on Dec. 10, 2025."
        date: "Dec. 10, 2025"
  - id: rival-flight
    summary: Rival bombers fly nearby.
    event_type: incident
    actors: [{id: rival, role: initiator}]
    evidence:
      - quote: "The day prior, rival bombers had flown nearby."
        date: "The day prior"
        relative_to: joint-flight
  - id: radar-lock
    summary: Fighters lock radar on patrol aircraft.
    event_type: incident
    evidence:
      - quote: "Three days before the rival flight, fighters locked radar on patrol aircraft."
        date: "Three days before the rival flight"
        relative_to: rival-flight
  - id: call
    summary: The minister calls his counterpart.
    event_type: call
    actors: [{id: minister, role: initiator}]
    evidence:
      - quote: "The minister called his counterpart on Dec. 12"
        date: "on Dec. 12"
links:
  - {event: joint-flight, relation: in-response-to, related: rival-flight}
"""

ANNOTATIONS_B = """
events:
  - ref: joint-flight
    evidence:
      - quote: "The joint flight over the sea earlier this month showed resolve."
        date: "earlier this month"
"""


def corpus(tmp_path, a=ANNOTATIONS_A, b=ANNOTATIONS_B, name="s"):
    entries = [catalog_entry("doc_a", title="Joint Drill Reported", published="2025-12-20"),
               catalog_entry("doc_b", title="Later Commentary", published="2025-12", published_precision="month",
                             published_earliest="2025-12-15", published_latest="2025-12-31")]
    seeds = write_corpus(tmp_path / name, {"doc_a": NEWS_A, "doc_b": NEWS_B}, entries,
                         **{"actors.yml": ACTORS, "places.yml": PLACES})
    (seeds / "annotations").mkdir()
    (seeds / "annotations" / "doc_a.yml").write_text(a)
    if b is not None:
        (seeds / "annotations" / "doc_b.yml").write_text(b)
    return seeds


def build(seeds, out):
    return CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out)])


def test_one_event_per_real_event_with_dates_from_the_text(tmp_path):
    result = build(corpus(tmp_path), tmp_path / "a.db")
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(tmp_path / "a.db")
    events = {r["id"]: r for r in db["events"].rows}
    assert (events["joint-flight"]["date_start"], events["joint-flight"]["date_precision"]) == ("2025-12-10", "day")
    assert events["joint-flight"]["document_count"] == 2 and events["joint-flight"]["source_count"] == 2
    assert events["rival-flight"]["date_start"] == "2025-12-09"
    assert events["rival-flight"]["date_basis"] == "relative-to-event"
    assert events["radar-lock"]["date_start"] == "2025-12-06"
    assert events["call"]["date_start"] == "2025-12-12"
    assert events["call"]["date_basis"] == "relative-to-publication"
    assert (events["joint-flight"]["latitude"], events["joint-flight"]["place_id"]) == (40, "the-sea")
    sources = list(db["event_sources"].rows_where("event_id = 'joint-flight'", order_by="id"))
    assert [s["date_precision"] for s in sources] == ["day", "month"]  # the month-precise report agrees
    links = list(db["event_links"].rows)
    assert links[0]["relation"] == "in-response-to"
    for s in db["event_sources"].rows:
        text = db["documents"].get(s["document_id"])["text"]
        assert text[s["start"]:s["end"]] == s["quote"]


def test_contradicting_sources_stop_the_build(tmp_path):
    bad_b = """
events:
  - ref: call
    evidence:
      - quote: "The joint flight over the sea earlier this month showed resolve."
        date: "earlier this month"
"""
    seeds = corpus(tmp_path, b=bad_b)
    # "earlier this month" in a text written Dec. 15-31 agrees with Dec. 12
    assert build(seeds, tmp_path / "ok.db").exit_code == 0
    contradiction = ANNOTATIONS_A.replace('date: "on Dec. 12"', 'date: "last month"').replace(
        'quote: "The minister called his counterpart on Dec. 12"',
        'quote: "The minister called his counterpart on Dec. 12 and met him last month as well."')
    seeds = corpus(tmp_path, a=contradiction, b=bad_b, name="s2")
    result = build(seeds, tmp_path / "bad.db")
    assert result.exit_code != 0
    assert "contradicts" in result.output and "doc_b.yml:" in result.output


def test_every_curator_mistake_is_named_with_file_and_line(tmp_path):
    bad_a = ANNOTATIONS_A.replace('quote: "Two bombers flew over the sea on Dec. 10, 2025."',
                                  'quote: "Two bombers flew over the ocean on Dec. 10, 2025."')
    bad_a = bad_a.replace("relative_to: joint-flight", "relative_to: joint-fligth")
    bad_a = bad_a.replace("{id: minister, role: initiator}", "{id: ministre, role: caller}")
    bad_a = bad_a.replace("event_type: call", "event_type: phone")
    bad_b = ANNOTATIONS_B.replace("ref: joint-flight", "ref: joint-flite")
    seeds = corpus(tmp_path, a=bad_a, b=bad_b)
    result = CliRunner().invoke(cli, ["validate", "--seeds", str(seeds)])
    assert result.exit_code != 0
    out = result.output
    for text in ["relative_to 'joint-fligth': unknown event id", "did you mean 'joint-flight'?",
                 "unknown actor id 'ministre'", "unknown actor role 'caller'", "unknown event_type 'phone'",
                 "ref 'joint-flite': no annotation file defines this event"]:
        assert text in out, (text, out)
    assert "doc_a.yml:" in out and "doc_b.yml:" in out


def test_quote_not_found_shows_the_nearest_match_and_duplicates_need_a_prefix(tmp_path):
    bad = ANNOTATIONS_A.replace('quote: "Two bombers flew over the sea on Dec. 10, 2025."',
                                'quote: "Two bombers flew over the ocean on Dec. 10, 2025."')
    result = build(corpus(tmp_path, a=bad), tmp_path / "x.db")
    assert result.exit_code != 0
    assert "nearest match: 'Two bombers flew over the sea on Dec. 10, 2025.'" in result.output
    twice = ANNOTATIONS_A.replace('quote: "The minister called his counterpart on Dec. 12"',
                                  'quote: "bombers"')
    result = build(corpus(tmp_path, a=twice, name="s3"), tmp_path / "y.db")
    assert result.exit_code != 0 and "occurs 2 times" in result.output and "prefix" in result.output
    with_prefix = twice.replace('quote: "bombers"', 'quote: "bombers"\n        prefix: "The day prior, rival"')
    with_prefix = with_prefix.replace('date: "on Dec. 12"', 'date: "on Dec. 12"')
    result = build(corpus(tmp_path, a=with_prefix, name="s4"), tmp_path / "z.db")
    assert "occurs" not in result.output


def test_an_event_covers_its_dated_parts():
    class R:
        def __init__(self, a, b):
            self.date_start, self.date_end = a, b

    class S:
        def __init__(self, a, b):
            self.resolved = R(a, b)

    chosen = {"visit": S("2025-03-29", "2025-03-29"), "meeting": S("2025-03-30", "2025-03-30"),
              "battle": S("1945-02", "1945-02")}
    links = [{"event": "meeting", "relation": "part-of", "related": "visit"},
             {"event": "battle", "relation": "follows", "related": "visit"}]
    assert span_parts(chosen, links) == {"visit": ("2025-03-29", "2025-03-30")}


def test_suggest_drafts_candidates_for_a_document_without_annotations(tmp_path):
    seeds = corpus(tmp_path, b=None)
    result = CliRunner().invoke(cli, ["suggest", "doc_b", "--seeds", str(seeds)])
    assert result.exit_code == 0, result.output
    # the draft is a valid annotation file once saved: review, then validate
    (seeds / "annotations" / "doc_b.yml").write_text(result.output)
    validated = CliRunner().invoke(cli, ["validate", "--seeds", str(seeds)])
    assert validated.exit_code == 0, validated.output
    refused = CliRunner().invoke(cli, ["suggest", "doc_a", "--seeds", str(seeds)])
    assert refused.exit_code != 0 and "exists" in refused.output
