"""Review status: drafts say so in the data; validate counts them; --reviewed-only leaves them out."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from alliance_record import pipeline
from alliance_record.cli import cli
from alliance_record.errors import InputErrors
from conftest import catalog_entry, write_corpus

TEXT = """
Ministers meet in Tokyo

Defense Minister Shinjiro Koizumi met U.S. Secretary of Defense Pete Hegseth in Tokyo on March 3, 2025.

The ministers agreed to hold more drills, Koizumi said on March 4, 2025.
"""

ACTORS = """
actors:
  - id: shinjiro-koizumi
    name: Shinjiro Koizumi
    type: person
    country: JP
  - id: pete-hegseth
    name: Pete Hegseth
    type: person
    country: US
  - id: drill-planner
    name: Drill Planner
    type: person
    reviewed: false
"""

PLACES = """
places:
  - id: tokyo
    name: Tokyo
    type: city
    latitude: 35.68
    longitude: 139.69
    geo_precision: centroid
    country: JP
"""


def corpus(tmp_path, annotation: str, catalog_reviewed: bool | None = None):
    entry = catalog_entry("doc_a", published="2025-03-05")
    if catalog_reviewed is not None:
        entry["reviewed"] = catalog_reviewed
    return write_corpus(tmp_path / "seeds", {"doc_a": TEXT}, [entry], **{
        "actors.yml": ACTORS, "places.yml": PLACES, "annotations/doc_a.yml": annotation})


ANNOTATION = """
events:
  - id: koizumi-hegseth-tokyo-2025-03-03
    summary: Koizumi and Hegseth meet in Tokyo.
    event_type: meeting
    actors:
      - {id: shinjiro-koizumi, role: participant}
      - {id: pete-hegseth, role: participant}
    places: [tokyo]
    evidence:
      - quote: "Defense Minister Shinjiro Koizumi met U.S. Secretary of Defense Pete Hegseth in Tokyo on March 3, 2025."
        date: "March 3, 2025"
  - id: drills-agreed-2025-03-04
    reviewed: false
    summary: The ministers agree to hold more drills.
    event_type: agreement
    actors:
      - {id: shinjiro-koizumi, role: speaker}
    evidence:
      - quote: "The ministers agreed to hold more drills, Koizumi said on March 4, 2025."
        date: "March 4, 2025"
"""


def test_rows_carry_the_review_marker(tmp_path):
    seeds = corpus(tmp_path, ANNOTATION, catalog_reviewed=False)
    out = tmp_path / "x.db"
    result = pipeline.build(seeds, out)
    db = sqlite3.connect(out)
    assert dict(db.execute("select id, reviewed from events")) == {
        "koizumi-hegseth-tokyo-2025-03-03": 1, "drills-agreed-2025-03-04": 0}
    assert {r for r in db.execute("select event_id, reviewed from event_sources")} == {
        ("koizumi-hegseth-tokyo-2025-03-03", 1), ("drills-agreed-2025-03-04", 0)}
    assert dict(db.execute("select id, reviewed from actors")) == {
        "shinjiro-koizumi": 1, "pete-hegseth": 1, "drill-planner": 0}
    assert db.execute("select reviewed from places").fetchall() == [(1,)]
    assert db.execute("select reviewed from documents").fetchall() == [(0,)]
    assert result.unreviewed == {"documents": 1, "actors": 1, "events": 1}


def test_validate_counts_what_awaits_review(tmp_path):
    seeds = corpus(tmp_path, ANNOTATION)
    res = CliRunner().invoke(cli, ["validate", "--seeds", str(seeds)])
    assert res.exit_code == 0, res.output
    assert "2 entries await review: actors 1, events 1" in res.output


def test_reviewed_only_leaves_drafts_out(tmp_path):
    seeds = corpus(tmp_path, ANNOTATION)
    out = tmp_path / "pub.db"
    res = CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out), "--reviewed-only"])
    assert res.exit_code == 0, res.output
    db = sqlite3.connect(out)
    assert [r[0] for r in db.execute("select id from events")] == ["koizumi-hegseth-tokyo-2025-03-03"]
    assert db.execute("select count(*) from actors where id = 'drill-planner'").fetchone() == (0,)
    assert db.execute("select min(reviewed) from event_sources").fetchone() == (1,)


def test_reviewed_only_refuses_a_reviewed_entry_that_needs_a_draft(tmp_path):
    annotation = ANNOTATION + """
links:
  - {event: drills-agreed-2025-03-04, relation: follows, related: koizumi-hegseth-tokyo-2025-03-03}
"""
    seeds = corpus(tmp_path, annotation)
    pipeline.build(seeds, tmp_path / "all.db")  # with the drafts, the link is fine
    with pytest.raises(InputErrors) as info:
        pipeline.build(seeds, tmp_path / "pub.db", reviewed_only=True)
    message = str(info.value)
    assert "link refers to event 'drills-agreed-2025-03-04', which is left out as unreviewed" in message
    assert "annotations/doc_a.yml" in message
    assert not (tmp_path / "pub.db").exists()


def test_an_unreviewed_document_leaves_with_its_annotations(tmp_path):
    seeds = corpus(tmp_path, ANNOTATION, catalog_reviewed=False)
    out = tmp_path / "pub.db"
    pipeline.build(seeds, out, reviewed_only=True)
    db = sqlite3.connect(out)
    assert db.execute("select count(*) from documents").fetchone() == (0,)
    assert db.execute("select count(*) from events").fetchone() == (0,)


def test_the_marker_must_be_true_or_false(tmp_path):
    seeds = corpus(tmp_path, ANNOTATION.replace("reviewed: false", "reviewed: maybe"))
    with pytest.raises(InputErrors) as info:
        pipeline.build(seeds, tmp_path / "x.db")
    assert "reviewed must be true or false" in str(info.value)
