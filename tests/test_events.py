"""Events from annotations written for the test: located quotes, honest dates, one event per
real event, and clear errors for every curator mistake."""

import json
import textwrap

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner

from alliance_record import suggest
from alliance_record.cli import cli
from alliance_record.extract.events import EventDate, cover_parts
from conftest import CharactersRead, catalog_entry, grows_in_proportion, write_corpus

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
    # ... and where it is in the document's text
    assert build(corpus(tmp_path, name="good"), tmp_path / "good.db").exit_code == 0
    text = sqlite_utils.Database(tmp_path / "good.db")["documents"].get("doc-a")["text"]
    at = text.index("Two bombers flew over the sea")
    assert f"(line {text.count(chr(10), 0, at) + 1}, offset {at} of the document's text)" in result.output
    twice = ANNOTATIONS_A.replace('quote: "The minister called his counterpart on Dec. 12"',
                                  'quote: "bombers"')
    result = build(corpus(tmp_path, a=twice, name="s3"), tmp_path / "y.db")
    assert result.exit_code != 0 and "occurs 2 times" in result.output and "prefix" in result.output
    with_prefix = twice.replace('quote: "bombers"', 'quote: "bombers"\n        prefix: "The day prior, rival"')
    with_prefix = with_prefix.replace('date: "on Dec. 12"', 'date: "on Dec. 12"')
    result = build(corpus(tmp_path, a=with_prefix, name="s4"), tmp_path / "z.db")
    assert "occurs" not in result.output


def day(value):
    return EventDate(value, value, "day", value, "explicit")


def test_a_whole_reaches_its_parts_but_no_further_than_the_texts_say():
    dated = {"visit": day("2025-03-29"), "meeting": day("2025-03-30"), "arrival": day("2025-03-27"),
             "battle": EventDate("1945-02", "1945-02", "month", "1945-02", "explicit")}
    links = [{"event": "meeting", "relation": "part-of", "related": "visit"},
             {"event": "battle", "relation": "follows", "related": "visit"}]
    widened = cover_parts(dated, links)
    assert list(widened) == ["visit"]
    v = widened["visit"]
    # the days the texts place it in, but the end is not stated: the EDTF leaves it open
    assert (v.date_start, v.date_end, v.date_precision, v.edtf) == ("2025-03-29", "2025-03-30", "range", "2025-03-29/")
    assert "at least until 2025-03-30" in v.note and "meeting" in v.note
    both = cover_parts(dated, links + [{"event": "arrival", "relation": "part-of", "related": "visit"}])["visit"]
    assert (both.date_start, both.date_end, both.edtf) == ("2025-03-27", "2025-03-30", "/")
    # a part inside its whole changes nothing
    assert cover_parts({"visit": EventDate("2025-03", "2025-03", "month", "2025-03", "explicit"),
                        "meeting": day("2025-03-30")}, links) == {}


SUGGEST_DOC = """
Ministers Meet Again

Minister Example met Air Force commanders on March 3, 2025, to plan the drills.

The Air Force said it would answer the rival next month.

Rival Air Arm jets were seen nearby, officials said.

Heavy rain fell on March 5.
"""


def suggest_for(tmp_path, stem, text, **entry):
    """The corpus plus one catalogued document without annotations, and `suggest` run on it."""
    seeds = corpus(tmp_path, b=None)
    (seeds / f"{stem}.txt").write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    catalog = yaml.safe_load((seeds / "catalog.yml").read_text())
    catalog["documents"].append(catalog_entry(stem, **entry))
    (seeds / "catalog.yml").write_text(yaml.safe_dump(catalog, sort_keys=False))
    return seeds, CliRunner().invoke(cli, ["suggest", stem, "--seeds", str(seeds)])


def test_suggest_drafts_candidates_for_a_document_without_annotations(tmp_path):
    seeds, result = suggest_for(tmp_path, "doc_c", SUGGEST_DOC, title="Ministers Meet Again", published="2025-03-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    # every draft says in the data that no person has reviewed it (not only in a comment)
    assert [e["reviewed"] for e in drafted] == [False, False, False]
    # one candidate per sentence with a date and an actor; an actor doing something specific
    # without a date is drafted as known only to precede the publication; a dated sentence with
    # neither an actor nor an event verb ("Heavy rain fell") is not drafted
    assert [(e["evidence"][0]["quote"], e["evidence"][0].get("date"), e["evidence"][0].get("bound"))
            for e in drafted] == [
        ("Minister Example met Air Force commanders on March 3, 2025, to plan the drills.", "on March 3, 2025", None),
        ("The Air Force said it would answer the rival next month.", "next month", None),
        ("Rival Air Arm jets were seen nearby, officials said.", None, "before")]
    assert [sorted(a["id"] for a in e["actors"]) for e in drafted] == [["air-force", "minister"], ["air-force"], ["rival"]]
    assert [e["event_type"] for e in drafted] == ["meeting", "statement", "incident"]
    assert drafted[0]["id"].endswith("2025-03-03") and drafted[1]["id"].endswith("2025-04")
    # the draft is a valid annotation file once saved, and builds with the dates it names
    (seeds / "annotations" / "doc_c.yml").write_text(result.output)
    built = build(seeds, tmp_path / "c.db")
    assert built.exit_code == 0, built.output
    db = sqlite_utils.Database(tmp_path / "c.db")
    assert sorted((r["date_start"], r["date_precision"]) for r in db["events"].rows_where("id = ? or id = ?",
                  [drafted[0]["id"], drafted[1]["id"]])) == [("2025-03-03", "day"), ("2025-04", "month")]
    refused = CliRunner().invoke(cli, ["suggest", "doc_a", "--seeds", str(seeds)])
    assert refused.exit_code != 0 and "exists" in refused.output


SUGGEST_RELATIVE = """
Drills and Replies

Air Force jets flew with Minister Example aboard on June 4, 2025.

Two days later, the Air Force held a second drill.

The day prior, Minister Example had visited the base.

Minister Example said a week before that the drills would go ahead.
"""


def test_suggest_dates_a_sentence_counted_from_another_event(tmp_path):
    """"Two days later" and "The day prior" count from the nearest candidate before them that
    has a date of its own; the draft names it in relative_to and builds with those dates. A
    sentence whose reference is itself relative is counted from that same dated event."""
    seeds, result = suggest_for(tmp_path, "doc_d", SUGGEST_RELATIVE, title="Drills and Replies", published="2025-06-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    evidence = [e["evidence"][0] for e in drafted]
    assert [(x["date"], x.get("relative_to")) for x in evidence] == [
        ("on June 4, 2025", None), ("Two days later", drafted[0]["id"]),
        ("The day prior", drafted[0]["id"]), ("a week before", drafted[0]["id"])]
    (seeds / "annotations" / "doc_d.yml").write_text(result.output)
    built = build(seeds, tmp_path / "d.db")
    assert built.exit_code == 0, built.output
    db = sqlite_utils.Database(tmp_path / "d.db")
    got = {r["id"]: (r["date_start"], r["date_basis"]) for r in db["events"].rows}
    assert [got[e["id"]] for e in drafted] == [
        ("2025-06-04", "explicit"), ("2025-06-06", "relative-to-event"), ("2025-06-03", "relative-to-event"),
        ("2025-05-28", "relative-to-event")]


def test_suggest_drafts_a_dated_event_noun_without_registry_actors(tmp_path):
    """A dated sentence whose words name an event ("the joint flight") is drafted even when no
    registry actor is in it: the actors are left for the curator, the type comes from the noun."""
    seeds = corpus(tmp_path, b=None)
    result = CliRunner().invoke(cli, ["suggest", "doc_b", "--seeds", str(seeds)])
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    assert [(e["event_type"], e["actors"], e["evidence"][0]["date"]) for e in drafted] == [
        ("exercise", [], "earlier this month")]
    assert "# CANDIDATE" not in result.output


# --- captions, bounds, wholes and parts, curated dates ---------------------------------------------

NEWS_C = """
Talks and Reports

Minister Example at the base
Minister Example visits the bombers at the base on Dec. 11, 2025. (Image Credit: Test Agency)

The minister's trip began on Monday. He met the rival chief on Wednesday and agreed on a hotline.

A report (https://news.example.com/world/2025/dec/14/rival-patrol-route) says the rival announced a new patrol route; it was read on the site, accessed Dec. 20, 2025.

Officials said the drills, which began last week, continue. Since taking office in October, the minister has met them twice.

The minister left on Dec. 16. Two days later he returned. Three days before the vote, he spoke.

Copyright © 2020-2025 Test News
"""

ACTORS_C = ACTORS + """  - {id: bomber-wing, name: Bomber Wing, type: military, parent: air-force}
"""

ANNOTATIONS_C = """
events:
  - id: minister-visits-bombers
    summary: The minister visits the bombers.
    event_type: visit
    actors: [{id: minister, role: initiator}, {id: air-force, role: target}, {id: bomber-wing, role: target}]
    evidence:
      - quote: "Minister Example visits the bombers at the base on Dec. 11, 2025."
        date: "Dec. 11, 2025"
  - id: trip
    summary: The minister's trip.
    event_type: visit
    evidence:
      - quote: "The minister's trip began on Monday."
        date: "on Monday"
        direction: past
  - id: meeting
    summary: He meets the rival chief.
    event_type: meeting
    evidence:
      - quote: "He met the rival chief on Wednesday"
        date: "on Wednesday"
        direction: past
  - id: hotline
    summary: They agree on a hotline.
    event_type: agreement
    evidence:
      - quote: "agreed on a hotline"
  - id: patrol-route
    summary: The rival announces a patrol route.
    event_type: announcement
    evidence:
      - quote: "https://news.example.com/world/2025/dec/14/rival-patrol-route"
        date: "2025/dec/14"
        bound: before
      - quote: "it was read on the site, accessed Dec. 20, 2025"
        date: "accessed Dec. 20, 2025"
        bound: before
  - id: drills
    summary: The drills begin.
    event_type: exercise
    evidence:
      - quote: "the drills, which began last week, continue"
        date: "last week"
  - id: meetings-since-october
    summary: The minister's meetings since October.
    event_type: meeting
    evidence:
      - quote: "Since taking office in October, the minister has met them twice."
        date: "Since taking office in October"
  - id: officials-statement
    summary: Officials speak.
    event_type: statement
    evidence:
      - quote: "Officials said the drills"
        bound: before
  - id: old-battle
    summary: A battle the text does not date.
    event_type: battle
    known_date: "1945-02-19/1945-03-26"
    known_date_basis: Outside knowledge, written for the test.
    evidence:
      - quote: "The minister left on Dec. 16."
links:
  - {event: meeting, relation: part-of, related: trip}
  - {event: hotline, relation: part-of, related: meeting}
"""


def corpus_c(tmp_path, annotations=ANNOTATIONS_C, name="c"):
    seeds = write_corpus(tmp_path / name, {"doc_c": NEWS_C},
                         [catalog_entry("doc_c", title="Talks and Reports", published="2025-12-19")],
                         **{"actors.yml": ACTORS_C, "places.yml": PLACES})
    (seeds / "annotations").mkdir()
    (seeds / "annotations" / "doc_c.yml").write_text(annotations)
    return seeds


def test_captions_bounds_wholes_and_parts(tmp_path):
    result = build(corpus_c(tmp_path), tmp_path / "c.db")
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(tmp_path / "c.db")
    ev = {r["id"]: r for r in db["events"].rows}

    def date(event_id):
        e = ev[event_id]
        return e["date_start"], e["date_end"], e["date_precision"], e["edtf"], e["date_basis"]

    # a photo caption is document text: its quote is evidence, with the figure it belongs to
    src = next(db["event_sources"].rows_where("event_id = 'minister-visits-bombers'"))
    assert src["figure_id"] == "doc-c-fig1" and src["paragraph_id"] is None and src["footnote_id"] is None
    assert date("minister-visits-bombers") == ("2025-12-11", "2025-12-11", "day", "2025-12-11", "explicit")
    # an actor listed beside one of its own units in the same role is the unit
    assert json.loads(ev["minister-visits-bombers"]["actor_ids"]) == ["bomber-wing", "minister"]
    # the trip starts on Monday and reaches Wednesday's meeting, but its end is not stated
    assert date("trip") == ("2025-12-15", "2025-12-17", "range", "2025-12-15/", "relative-to-publication")
    assert "at least until 2025-12-17" in ev["trip"]["date_note"]
    assert ev["trip"]["date_phrase"] == "on Monday"
    # an undated part of a one-day whole happened that day
    assert date("hotline") == ("2025-12-17", "2025-12-17", "day", "2025-12-17", "relative-to-event")
    assert ev["hotline"]["date_source_id"] is None and "meeting" in ev["hotline"]["date_note"]
    # bounds: the report's URL date and the access date; the tighter wins, no start is invented
    assert date("patrol-route") == (None, "2025-12-14", "uncertain", "[..2025-12-14]", "explicit")
    bounds = list(db["event_sources"].rows_where("event_id = 'patrol-route'", order_by="id"))
    assert [(s["date_bound"], s["edtf"]) for s in bounds] == [("before", "[..2025-12-14]"), ("before", "[..2025-12-20]")]
    assert date("officials-statement") == (None, "2025-12-19", "uncertain", "[..2025-12-19]", "relative-to-publication")
    # one of several days (a week) is not a stretch of time; "since taking office" is
    assert date("drills") == ("2025-12-08", "2025-12-14", "uncertain", "[2025-12-08..2025-12-14]",
                              "relative-to-publication")
    assert date("meetings-since-october") == ("2025-10", "2025-12-19", "range", "2025-10/2025-12-19",
                                              "relative-to-publication")
    # a curated date stands, with its basis
    assert date("old-battle") == ("1945-02-19", "1945-03-26", "range", "1945-02-19/1945-03-26", "curated")
    assert ev["old-battle"]["date_note"] == "Outside knowledge, written for the test."
    # the timeline keeps an event known only to precede a date for a range before that date
    rows = db.execute("select id from events e where (e.date_end is null or e.date_end || '~' >= ?) and "
                      "(e.date_start is null or e.date_start <= ? || '~')", ["2025-12-01", "2025-12-02"]).fetchall()
    assert {r[0] for r in rows} == {"patrol-route", "officials-statement", "meetings-since-october"}


def test_date_mentions_counted_from_events_or_the_date_before_them(tmp_path):
    assert build(corpus(tmp_path), tmp_path / "a.db").exit_code == 0
    db = sqlite_utils.Database(tmp_path / "a.db")
    m = {r["written"]: r for r in db["date_mentions"].rows}
    # an annotation names the event: the row takes that count
    assert (m["The day prior"]["date_start"], m["The day prior"]["relative_to_event_id"]) == ("2025-12-09", "joint-flight")
    assert m["Three days before the rival flight"]["date_start"] == "2025-12-06"
    assert build(corpus_c(tmp_path), tmp_path / "c.db").exit_code == 0
    db = sqlite_utils.Database(tmp_path / "c.db")
    m = {r["written"]: r for r in db["date_mentions"].rows}
    # no annotation: "Two days later" counts from the date just before it in the same text
    later, before = m["Two days later"], m["on Dec. 16"]
    assert (later["date_start"], later["basis"], later["relative_to_mention_id"]) == \
        ("2025-12-18", "relative-to-event", before["id"])
    # an anchor named in words that no annotation resolves stays undated
    vote = m["Three days before the vote"]
    assert (vote["date_start"], vote["basis"], vote["relative_to_mention_id"]) == (None, "relative-to-event", None)
    # the footer's dates are read, flagged as boilerplate
    footer = m["2020-2025"]
    assert (footer["region"], footer["edtf"]) == ("boilerplate", "2020/2025")
    assert db["boilerplate"].get(footer["boilerplate_id"])["text"].startswith("Copyright")
    caption = m["on Dec. 11, 2025"]
    assert (caption["region"], caption["figure_id"]) == ("caption", "doc-c-fig1")


def test_a_written_anchor_quoted_as_an_events_evidence_dates_the_mention(tmp_path):
    speech = """  - id: speech
    summary: He speaks.
    event_type: statement
    evidence:
      - quote: "Three days before the vote, he spoke."
        bound: before
"""
    vote = """  - id: vote
    summary: The vote.
    event_type: policy
    known_date: "2025-12-10"
    known_date_basis: Outside knowledge, written for the test.
    evidence:
      - quote: "the vote"
"""

    def mention(annotations, name):
        assert build(corpus_c(tmp_path, annotations, name=name), tmp_path / f"{name}.db").exit_code == 0
        db = sqlite_utils.Database(tmp_path / f"{name}.db")
        row = next(db["date_mentions"].rows_where("written = 'Three days before the vote'"))
        return row["date_start"], row["date_precision"], row["basis"], row["relative_to_event_id"]

    # a quote of the whole sentence is evidence of the speech, not of the vote it counts from
    with_speech = ANNOTATIONS_C.replace("links:\n", speech + "links:\n")
    assert mention(with_speech, "s1") == (None, None, "relative-to-event", None)
    # quoting the anchor's words as an event's evidence counts the mention from that event
    assert mention(with_speech.replace("links:\n", vote + "links:\n"), "s2") == \
        ("2025-12-07", "day", "relative-to-event", "vote")


@pytest.mark.parametrize("change, message", [
    (('      - quote: "it was read on the site, accessed Dec. 20, 2025"\n'
      '        date: "accessed Dec. 20, 2025"\n        bound: before\n',
      '      - quote: "it was read on the site, accessed Dec. 20, 2025"\n'
      '        date: "accessed Dec. 20, 2025"\n'),
     "the date a source was read, not when the event happened: add `bound: before`"),
    (('      - quote: "agreed on a hotline"\n', '      - quote: "Talks and Reports"\n'),
     "headings and web furniture cannot be evidence"),
    (('known_date: "1945-02-19/1945-03-26"', 'known_date: "1945-03-26/1945-02-19"'),
     "known_date must be a date or a stretch start/end, start first"),
    (("    known_date_basis: Outside knowledge, written for the test.\n", ""),
     "give known_date and known_date_basis"),
    (('        date: "on Monday"\n', '        date: "on Monday"\n        bound: sometime\n'),
     "bound must be before or after"),
    (('      - quote: "The minister left on Dec. 16."\n',
      '      - quote: "The minister left on Dec. 16."\n        date: "on Dec. 16"\n'),
     "contradicts its known_date 1945-02-19/1945-03-26"),
    (("  - {event: hotline, relation: part-of, related: meeting}\n", ""),
     "or a `part-of` link to the dated event it happened during"),
])
def test_mistakes_with_bounds_captions_and_known_dates(tmp_path, change, message):
    old, new = change
    assert old in ANNOTATIONS_C
    result = build(corpus_c(tmp_path, ANNOTATIONS_C.replace(old, new)), tmp_path / "x.db")
    assert result.exit_code != 0 and message in result.output, result.output
    assert "doc_c.yml:" in result.output


# --- the seeds' own timeline ------------------------------------------------------------------------

def test_the_seed_timeline(seeds_db):
    db = sqlite_utils.Database(seeds_db)
    ev = {r["id"]: r for r in db["events"].rows}
    # the same real event reported by two documents is one event with a source in each
    for event_id in ("b52-asdf-joint-flight-2025-12-10", "koizumi-hegseth-call-2025-12-12",
                     "china-russia-bomber-flight-2025-12-09"):
        assert ev[event_id]["document_count"] == 2, event_id
        assert len({s["document_id"] for s in db["event_sources"].rows_where("event_id = ?", [event_id])}) == 2
    assert (ev["b52-asdf-joint-flight-2025-12-10"]["date_start"], ev["b52-asdf-joint-flight-2025-12-10"]["place_ids"]) \
        == ("2025-12-10", '["sea-of-japan"]')
    # historical events, dated as the texts (or a stated outside fact) allow
    historical = {e: (ev[e]["edtf"], ev[e]["date_precision"]) for e in (
        "battle-of-iwo-jima-1945", "senkaku-bombing-ranges-1948-1977", "japan-pko-law-1992",
        "obama-pivot-to-asia-2011", "usfj-joint-force-hq-upgrade-decided-2024-07-28", "japan-administers-senkakus-1895")}
    assert historical == {
        "battle-of-iwo-jima-1945": ("1945-02-19/1945-03-26", "range"),
        "senkaku-bombing-ranges-1948-1977": ("1948/1977", "range"),
        "japan-pko-law-1992": ("1992", "year"), "obama-pivot-to-asia-2011": ("2011", "year"),
        "usfj-joint-force-hq-upgrade-decided-2024-07-28": ("2024-07-28", "day"),
        "japan-administers-senkakus-1895": ("1895", "year")}
    assert ev["battle-of-iwo-jima-1945"]["date_basis"] == "curated"
    # the war's end, known only as the anchor of "over eight decades since the war’s end" and "75
    # Years After the End of the Pacific War": a stated outside fact, from which both are counted
    assert (ev["end-of-pacific-war-1945"]["edtf"], ev["end-of-pacific-war-1945"]["document_count"]) == \
        ("1945-08-15/1945-09-02", 2)
    counted = {r["written"]: (r["edtf"], r["relative_to_event_id"]) for r in db["date_mentions"].rows_where(
        "kind = 'anchored' and relative_to_event_id = 'end-of-pacific-war-1945'")}
    assert counted == {"over eight decades since the war’s end": ("1945-08-15/2025~", "end-of-pacific-war-1945"),
                       "75 Years After the End of the Pacific War": ("2020", "end-of-pacific-war-1945")}
    # no date is left undated (lengths of time, frequencies and clock times are not dates; a
    # reference to the past or the future is bounded by the publication)
    assert db.execute("select count(*) from date_mentions where date_start is null and date_end is null "
                      "and kind not in ('duration', 'set', 'time')").fetchone()[0] == 0
    # the 2015 security legislation, which the report does not date: a stated outside fact
    law = ev["abe-legislation-for-peace-and-security-2015"]
    assert (law["edtf"], law["date_basis"]) == ("2015-09-19", "curated")
    # events known only from the titles of cited works are bounded by the works' dates
    assert {e: ev[e]["edtf"] for e in ("pentagon-base-defense-review-2025", "pentagon-aukus-review-2025",
                                       "biden-presses-kishida-taiwan-joint-operations")} == {
        "pentagon-base-defense-review-2025": "[..2025-06-15]", "pentagon-aukus-review-2025": "[..2025-07-10]",
        "biden-presses-kishida-taiwan-joint-operations": "[..2023-12-17]"}
    # the caption-only meeting, and the ceremony dated by its caption's explicit date
    assert ev["ishiba-hegseth-meeting-tokyo-2025-03-30"]["date_start"] == "2025-03-30"
    ceremony = db["event_sources"].get(ev["iwo-jima-80th-anniversary-ceremony-2025-03-29"]["date_source_id"])
    assert (ceremony["date_basis"], ceremony["figure_id"]) == ("explicit", "iria-joint-command-fig2")
    # a pledge is dated when it was made (unknown here), not by the fiscal year it targets
    pledge = ev["japan-defense-spending-2pct-gdp-fy2025"]
    assert (pledge["date_start"], pledge["edtf"]) == (None, "[..2025-12-23]")
    assert ev["japan-defense-spending-above-2pct-plan"]["documents"] == '["yomiuri-strengthen-alliance"]'
    assert ev["quad-critical-minerals-announcement-2025"]["edtf"] == "[..2025-07-02]"
    assert ev["koizumi-talks-philippines-new-zealand-2025"]["edtf"] == "2025-10/2026-01-16"
    # a whole does not end where its last part is: the trip's end is not stated
    trip = ev["koizumi-us-trip-2026-01"]
    assert (trip["date_start"], trip["date_end"], trip["edtf"]) == ("2026-01-12", "2026-01-15", "2026-01-12/")
    # an event's date is its date source's, unless date_note says what completed it
    for e in ev.values():
        if e["date_source_id"] is None:
            assert e["date_note"], e["id"]
            continue
        src = db["event_sources"].get(e["date_source_id"])
        assert (src["date_phrase"], src["date_basis"]) == (e["date_phrase"], e["date_basis"]), e["id"]
        if (src["date_start"], src["date_end"], src["edtf"]) != (e["date_start"], e["date_end"], e["edtf"]):
            assert e["date_note"] and src["date_start"] == e["date_start"], e["id"]
    # no event lists an actor beside one of its own units in the same role
    parent = {r["id"]: r["parent_id"] for r in db["actors"].rows}
    for (event_id, role), ids in _by_event_role(db).items():
        for a in ids:
            p = parent.get(a)
            while p:
                assert p not in ids, (event_id, role, a, p)
                p = parent.get(p)


def _by_event_role(db):
    out = {}
    for r in db["event_actors"].rows:
        out.setdefault((r["event_id"], r["role"]), set()).add(r["actor_id"])
    return out


SUGGEST_SUB = """
Talks After a Flight

Minister Example met Air Force commanders on March 3, 2025, shortly after Rival Air Arm jets flew together near the islands.

The meeting came after the talks in February.
"""


def test_suggest_drafts_an_event_told_in_another_events_sentence(tmp_path):
    """"..., shortly after X flew together near the islands": the clause is an event of its own
    (a subject and a past verb), drafted with its own actors and its words as evidence; "after
    the talks" (no verb of its own) is not."""
    seeds, result = suggest_for(tmp_path, "doc_e", SUGGEST_SUB, title="Talks After a Flight", published="2025-03-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    quotes = [e["evidence"][0]["quote"] for e in drafted]
    assert "Rival Air Arm jets flew together near the islands" in quotes
    sub = drafted[quotes.index("Rival Air Arm jets flew together near the islands")]
    assert (sub["event_type"], [a["id"] for a in sub["actors"]], sub["evidence"][0].get("bound")) == \
        ("exercise", ["rival"], "before")
    main = drafted[0]
    assert main["event_type"] == "meeting" and main["evidence"][0]["date"] == "on March 3, 2025"
    assert not any(q.startswith("the talks") for q in quotes)
    (seeds / "annotations" / "doc_e.yml").write_text(result.output)
    built = build(seeds, tmp_path / "e.db")
    assert built.exit_code == 0, built.output


def test_date_mentions_read_today_by_the_kind_of_text_and_the_morning_from_the_story(tmp_path):
    news = """
        Talks in Tokyo

        The ministers met in Tokyo today. Work on the seabed began on Wednesday. Crews placed stones
        at the site in the morning.

        Today the alliance is stronger than it has been.
        """
    essay = """
        The Long Promise

        For seventy years the promise held. Today that promise is tested by a larger arsenal.
        """
    seeds = write_corpus(tmp_path / "t", {"doc_n": news, "doc_e": essay},
                         [catalog_entry("doc_n", published="2024-01-12"),
                          catalog_entry("doc_e", kind="analysis", published="2025-09-15")],
                         **{"actors.yml": ACTORS, "places.yml": PLACES})
    assert build(seeds, tmp_path / "t.db").exit_code == 0
    db = sqlite_utils.Database(tmp_path / "t.db")
    rows = [(r["document_id"], r["phrase"], r["timex_type"], r["timex_value"], r["date_start"])
            for r in db.query("select * from date_mentions order by document_id desc, start")]
    assert rows == [
        # a report: "today" is the day it was written, even in the present tense
        ("doc-n", "today", "DATE", "2024-01-12", "2024-01-12"),
        ("doc-n", "Wednesday", "DATE", "2024-01-10", "2024-01-10"),
        ("doc-n", "the morning", "TIME", "2024-01-10TMO", "2024-01-10"),
        ("doc-n", "Today", "DATE", "2024-01-12", "2024-01-12"),
        # an essay's present "today" is the present of its time (TimeML PRESENT_REF)
        ("doc-e", "seventy years", "DURATION", "P70Y", None),
        ("doc-e", "Today", "DATE", "PRESENT_REF", "2025-09-15"),
    ]


def test_date_mentions_read_appositions_sections_and_lengths_before_an_event(tmp_path):
    story = """
        Harbour Talks

        On March 4 the two ministers met at the harbour office.

        Background

        The minister thanked her guest, the third visitor after a trade delegation earlier in the
        week. The envoys had first met on Feb. 11, the day after the opening of the new terminal.
        The pact was signed in June 2023 and took effect a year later. The talks came less than a
        month after a small Chinese Y-9 surveillance plane entered the airspace off the coast.
        """
    seeds = write_corpus(tmp_path / "h", {"doc_h": story}, [catalog_entry("doc_h", published="2026-03-06")],
                         **{"actors.yml": ACTORS, "places.yml": PLACES})
    assert build(seeds, tmp_path / "h.db").exit_code == 0
    db = sqlite_utils.Database(tmp_path / "h.db")
    rows = list(db.query("select * from date_mentions order by start"))

    def row(words):  # the row whose words (line breaks as spaces) begin so
        return next(r for r in rows if " ".join(r["written"].split()).startswith(words))

    march = row("On March 4")
    # a section with no date of its own goes on from the one before: the week of March 4
    week = row("earlier in the week")
    assert (week["timex_value"], week["relative_to_mention_id"]) == ("2026-W10", march["id"])
    # in apposition to a date, a day counted from an event it names is that date
    after = row("the day after")
    assert (after["date_start"], after["timex_value"]) == ("2026-02-11", "2026-02-11")
    assert after["relative_to_mention_id"] == row("on Feb. 11")["id"]
    # a year after a month is that month a year on
    assert row("a year later")["timex_value"] == "2024-06"
    # a count before an event the finder cannot read is a length, not a date after the last one
    month = row("less than a month after")
    assert (month["timex_type"], month["timex_value"], month["date_start"]) == ("DURATION", "P1M", None)


SUGGEST_CLAUSES = """
Deal and Replies

The Air Force and the Rival Air Arm have reached a hotline deal, Minister Example said on Wednesday, ending weeks of talks.

Minister Example announced the deal on Tuesday after meeting Rival Air Arm commanders at the base.

"Each side made concessions," he said. He added that the patrols would continue.

The Rival Air Arm called the deal "a first step."

The Air Force should publish the text before the talks resume next month.
"""


def test_suggest_types_each_event_by_the_verb_that_governs_it(tmp_path):
    """The type comes from the main clause: a deal reported with ", X said on Wednesday" is two
    events (the agreement, known only to precede the statement, and the dated statement); "after
    meeting X" is an event of its own; a statement with no date is told again as its speaker's
    (a pronoun: the latest speaker's words); advice ("should") is no event."""
    seeds, result = suggest_for(tmp_path, "doc_f", SUGGEST_CLAUSES, title="Deal and Replies", published="2025-06-12")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    got = [(e["event_type"], e["evidence"][0]["quote"], e["evidence"][0].get("date")) for e in drafted]
    assert got == [
        ("agreement", "The Air Force and the Rival Air Arm have reached a hotline deal", None),
        ("statement", "Minister Example said on Wednesday", "on Wednesday"),
        ("announcement", "Minister Example announced the deal on Tuesday after meeting Rival Air Arm commanders "
                         "at the base.", "on Tuesday"),
        ("meeting", "meeting Rival Air Arm commanders at the base", None),
        ("statement", "The Rival Air Arm called the deal \"a first step.\"", None)]
    assert [a["id"] for a in drafted[1]["actors"]] == ["minister"]
    assert [e["quote"] for e in drafted[2]["evidence"][1:]] == [  # "he": the latest speaker drafted
        "\"Each side made concessions,\" he said.", "He added that the patrols would continue."]
    assert [(a["id"], a["role"]) for a in drafted[4]["actors"]] == [("rival", "speaker")]
    (seeds / "annotations" / "doc_f.yml").write_text(result.output)
    built = build(seeds, tmp_path / "f.db")
    assert built.exit_code == 0, built.output


SUGGEST_DRILL = """
Through the Strait

A Japanese destroyer sailed through the Tsugaru Strait on Wednesday, the first such passage.

The destroyer Kiri sailed into the strait near Cape Tappi with two Canadian frigates astern.
"""


def test_suggest_tells_an_undated_act_after_a_drill_as_more_of_the_drill(tmp_path):
    """Japan's own destroyer sailing through a strait is an exercise, not an intrusion; the sentence
    after it with no date of its own ("entered the strait", typed as an incident) tells more of the
    same passage, not an event of its own. Sentences written for this test."""
    seeds, result = suggest_for(tmp_path, "doc_s", SUGGEST_DRILL, title="Through the Strait", published="2025-06-12")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    assert [(e["event_type"], len(e["evidence"])) for e in drafted] == [("exercise", 2)]


SUGGEST_DRILL_THEN_OTHERS = """
Drills and a Launch

Japanese and U.S. destroyers held a missile defense drill in the Sea of Japan on Tuesday.

Pyongyang launched a ballistic missile toward the sea, South Korea's military said.
"""

SUGGEST_FLIGHT_THEN_OTHERS = """
A Joint Flight

Air Self-Defense Force F-15s and U.S. B-1 bombers flew in formation over the Sea of Japan on Friday.

A Russian reconnaissance plane entered Japanese airspace off Shiretoko, the Defense Ministry in Tokyo said.
"""


@pytest.mark.parametrize("stem, text", [("doc_k", SUGGEST_DRILL_THEN_OTHERS), ("doc_r", SUGGEST_FLIGHT_THEN_OTHERS)])
def test_suggest_keeps_another_states_incident_after_a_drill_apart(tmp_path, stem, text):
    """Only the drill's own forces' undated act goes on with it: another state's launch or airspace
    violation told after the drill is an incident of its own. Sentences written for this test."""
    title = text.strip().splitlines()[0]
    seeds, result = suggest_for(tmp_path, stem, text, title=title, published="2025-06-12")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    assert [(e["event_type"], len(e["evidence"])) for e in drafted] == [("exercise", 1), ("incident", 1)]


SUGGEST_SCRAMBLE = """
Jets Scrambled

On Monday the Ministry of Defense was forced to scramble Air Self-Defense Force jets after the Rival carrier Kestrel conducted fighter launch drills near the islands.
"""


def test_suggest_keeps_an_incident_within_the_sentence_of_a_drill_apart(tmp_path):
    """The other side's act told in the same sentence as one typed an exercise ("scrambled jets after
    the carrier launched fighters") is an event of its own, not a moment of the first: only a later
    sentence goes on with the drill. Sentences written for this test."""
    seeds, result = suggest_for(tmp_path, "doc_j", SUGGEST_SCRAMBLE, title="Jets Scrambled", published="2025-06-12")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    assert "incident" in [e["event_type"] for e in drafted]


SUGGEST_UNDATED = """
Patrols and Words

The Air Force said the jets were ready.

Minister Example told reporters at the base that the patrols would continue.
"""


def test_suggest_drafts_words_said_on_a_named_occasion(tmp_path):
    """A named speaker's first words with no date are a statement of their own when the occasion
    is named ("told reporters", "stated", "said in a speech"); a bare "said" reports words said in
    passing and is not drafted. Sentences written for this test."""
    seeds, result = suggest_for(tmp_path, "doc_u", SUGGEST_UNDATED, title="Patrols and Words", published="2025-06-12")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    got = [(e["event_type"], [a["id"] for a in e["actors"]], e["evidence"][0]["quote"][:30],
            e["evidence"][0].get("bound")) for e in drafted]
    assert got == [("statement", ["minister"], "Minister Example told reporter", "before")]
    (seeds / "annotations" / "doc_u.yml").write_text(result.output)
    built = build(seeds, tmp_path / "u.db")
    assert built.exit_code == 0, built.output


SUGGEST_REFERENTS = """
Talks on the Strait

Minister Example met Rival Air Arm commanders on March 3, 2025.

The two sides condemned the piracy of the Air Force's old rivals in the strait.

The Rival Air Arm is the smaller of the two forces. It launched the Northern Watch Program.
"""


def test_suggest_drafts_acts_whose_subject_refers_to_actors_read_before(tmp_path):
    """A pronoun subject ("It launched") is the actors the subject of the sentence before named, and
    its act is drafted with them; a collective subject ("The two sides condemned") is the parties
    of the document's event, drafted with no actors for the curator to name (not the ones its
    words are about). Sentences written for this test."""
    seeds, result = suggest_for(tmp_path, "doc_r", SUGGEST_REFERENTS, title="Talks on the Strait",
                                published="2025-03-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    got = [(e["event_type"], [a["id"] for a in e["actors"]], e["evidence"][0]["quote"][:20]) for e in drafted]
    assert got == [("meeting", ["minister", "rival"], "Minister Example met"),
                   ("statement", [], "The two sides condem"),
                   ("announcement", ["rival"], "It launched the Nort")]
    (seeds / "annotations" / "doc_r.yml").write_text(result.output)
    built = build(seeds, tmp_path / "r.db")
    assert built.exit_code == 0, built.output


SUGGEST_PRONOUNS = """
Words in the Chamber

The Air Force said on March 2, 2025 that the patrols would go on.

Minister Example has argued that the fleet is too small. "We need more ships," she told parliament.

The Rival Air Arm moved first: on March 4 it flew jets over the strait.
"""


def test_suggest_reads_a_pronoun_as_the_subject_before_it(tmp_path):
    """"she told parliament" after a sentence whose subject is the minister is the minister's
    statement (words on a named occasion), not more words of the latest speaker drafted; after a
    colon, "it" is the subject of the clause before the colon. Sentences written for this test."""
    seeds, result = suggest_for(tmp_path, "doc_p", SUGGEST_PRONOUNS, title="Words in the Chamber",
                                published="2025-03-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    got = [(e["event_type"], [a["id"] for a in e["actors"]], [x["quote"][:24] for x in e["evidence"]])
           for e in drafted]
    assert got == [("statement", ["air-force"], ["The Air Force said on Ma"]),
                   ("statement", ["minister"], ['"We need more ships," sh']),
                   ("incident", ["rival"], ["The Rival Air Arm moved "])]
    (seeds / "annotations" / "doc_p.yml").write_text(result.output)
    built = build(seeds, tmp_path / "p.db")
    assert built.exit_code == 0, built.output


SUGGEST_COORDINATED = """
Orders and Accords

The Air Force imposed a curfew on its pilots on March 4, 2025, and the Rival Air Arm concluded a hotline accord with Minister Example.

Minister Example met Rival Air Arm commanders on March 5, 2025, and the talks went well.
"""


def test_suggest_drafts_each_act_of_a_sentence_joined_by_and(tmp_path):
    """", and" before a clause with a subject of its own and a verb of the lexicon that reports an
    event is a second act, drafted from its own words; a clause whose verb the lexicon does not know
    ("the talks went well") stays in its sentence. Sentences written for this test."""
    seeds, result = suggest_for(tmp_path, "doc_j", SUGGEST_COORDINATED, title="Orders and Accords",
                                published="2025-03-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    got = [(e["event_type"], e["evidence"][0]["quote"], e["evidence"][0].get("date")) for e in drafted]
    assert got == [
        ("policy", "The Air Force imposed a curfew on its pilots on March 4, 2025", "on March 4, 2025"),
        ("agreement", "the Rival Air Arm concluded a hotline accord with Minister Example.", None),
        ("meeting", "Minister Example met Rival Air Arm commanders on March 5, 2025, and the talks went well.",
         "on March 5, 2025")]
    (seeds / "annotations" / "doc_j.yml").write_text(result.output)
    built = build(seeds, tmp_path / "j.db")
    assert built.exit_code == 0, built.output


SUGGEST_CAPITAL = """
Plans in the Capital

Tokyo intends to tighten its visa rules in 2026.
"""


def suggest_with(tmp_path, stem, text, actors="", places="", **entry):
    """`suggest` on one more document of the corpus, with registry entries added (YAML list lines)."""
    seeds = corpus(tmp_path, b=None)
    with open(seeds / "actors.yml", "a", encoding="utf-8") as f:
        f.write(actors)
    with open(seeds / "places.yml", "a", encoding="utf-8") as f:
        f.write(places)
    (seeds / f"{stem}.txt").write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    catalog = yaml.safe_load((seeds / "catalog.yml").read_text())
    catalog["documents"].append(catalog_entry(stem, **entry))
    (seeds / "catalog.yml").write_text(yaml.safe_dump(catalog, sort_keys=False))
    result = CliRunner().invoke(cli, ["suggest", stem, "--seeds", str(seeds)])
    assert result.exit_code == 0, result.output
    return yaml.safe_load(result.output)["events"]


def test_suggest_reads_a_capital_that_acts_as_its_state(tmp_path):
    """A capital (its country's, by GeoNames) as the subject of an act is its state, when the
    registry holds the state: "Tokyo intends to tighten" is drafted with Japan as its actor.
    Sentences written for this test."""
    drafted = suggest_with(tmp_path, "doc_t", SUGGEST_CAPITAL, title="Plans in the Capital", published="2025-03-10",
                           actors="  - {id: japan, name: Japan, type: state, country: JP}\n",
                           places="  - {id: tokyo, name: Tokyo, type: city, country: JP, latitude: 35.69, "
                                  "longitude: 139.69, geo_precision: point}\n")
    assert [(e["event_type"], [a["id"] for a in e["actors"]], e["places"]) for e in drafted] == [
        ("policy", ["japan"], ["tokyo"])]


SUGGEST_WHERE = """
Words in Tokyo

Minister Example told reporters in Tokyo on March 3, 2025 that the patrols in the Coral Sea would go on.

Seoul moved first: on March 5, 2025 it signed an accord with the Air Force.
"""


def test_suggest_places_a_statement_where_it_was_said_and_reads_a_capital_it_drafts(tmp_path):
    """A statement's place is where it was said ("told reporters in Tokyo"), not a place its words
    are about ("the patrols in the Coral Sea"); a capital no registry holds (drafted from the
    gazetteer) that acts is its state too. Sentences written for this test."""
    drafted = suggest_with(tmp_path, "doc_x", SUGGEST_WHERE, title="Words in Tokyo", published="2025-03-10",
                           actors="  - {id: south-korea, name: South Korea, type: state, country: KR}\n",
                           places="  - {id: tokyo, name: Tokyo, type: city, country: JP, latitude: 35.69, "
                                  "longitude: 139.69, geo_precision: point}\n"
                                  "  - {id: coral-sea, name: Coral Sea, type: sea, latitude: -18, longitude: 152, "
                                  "geo_precision: centroid}\n")
    assert [(e["event_type"], e["places"]) for e in drafted][0] == ("statement", ["tokyo"])
    assert drafted[1]["event_type"] == "agreement" and "south-korea" in [a["id"] for a in drafted[1]["actors"]]


SUGGEST_RELATIVES = """
Plans and Accords

Minister Example met the Rival Air Arm, which signed a hotline accord in May 2024, on March 3, 2025.

The Air Force praised the plan adopted in January 2025.
"""


def test_suggest_drafts_a_dated_clause_that_qualifies_a_noun(tmp_path):
    """A noun qualified by a clause of its own that ends in a date and reports an event the lexicon
    types is an event of its own, dated by that clause: a relative ("the Rival Air Arm, which signed
    a hotline accord in May 2024") and a participle ("the plan adopted in January 2025"); the
    sentence keeps its own date. Sentences written for this test."""
    seeds, result = suggest_for(tmp_path, "doc_q", SUGGEST_RELATIVES, title="Plans and Accords", published="2025-03-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    got = {(e["event_type"], e["evidence"][0]["quote"], e["evidence"][0].get("date")) for e in drafted}
    assert ("meeting", SUGGEST_RELATIVES.split("\n")[3], "on March 3, 2025") in got
    assert ("agreement", "the Rival Air Arm, which signed a hotline accord in May 2024", "in May 2024") in got
    assert ("policy", "the plan adopted in January 2025", "in January 2025") in got
    (seeds / "annotations" / "doc_q.yml").write_text(result.output)
    built = build(seeds, tmp_path / "q.db")
    assert built.exit_code == 0, built.output


def test_suggest_reads_a_place_before_time_as_a_clock(tmp_path):
    """"at 6 a.m. Tokyo time" says when, not where: no place of the draft. A sentence written for
    this test."""
    drafted = suggest_with(tmp_path, "doc_k", "A Launch\n\nThe Rival Air Arm test-fired a missile at 6 a.m. Tokyo "
                           "time on March 3, 2025.\n", title="A Launch", published="2025-03-10",
                           places="  - {id: tokyo, name: Tokyo, type: city, country: JP, latitude: 35.69, "
                                  "longitude: 139.69, geo_precision: point}\n")
    assert [(e["event_type"], e["places"]) for e in drafted] == [("incident", [])]


def test_suggest_reads_a_place_that_qualifies_a_noun_as_no_place(tmp_path):
    """"the Tokyo shipyard" is a kind of shipyard, not where the event happened; "in Tokyo" is.
    Sentences written for this test."""
    drafted = suggest_with(tmp_path, "doc_m", "Yards\n\nMinister Example met Rival Air Arm commanders in Tokyo on "
                           "March 4, 2025.\n\nOn March 5, 2025 the Air Force signed a deal with the Tokyo shipyard.\n",
                           title="Yards", published="2025-03-10",
                           places="  - {id: tokyo, name: Tokyo, type: city, country: JP, latitude: 35.69, "
                                  "longitude: 139.69, geo_precision: point}\n")
    assert [(e["event_type"], e["places"]) for e in drafted] == [("meeting", ["tokyo"]), ("agreement", [])]


def test_suggest_places_an_act_where_its_clause_says(tmp_path):
    """An act's place is the place of its core clause ("flew near The Sea"), not a place named after
    it to say where that is ("about 200 kilometres from Tokyo"). A sentence written for this test."""
    drafted = suggest_with(tmp_path, "doc_n", "Jets\n\nRival Air Arm jets flew near The Sea on March 3, 2025, about "
                           "200 kilometres from Tokyo.\n", title="Jets", published="2025-03-10",
                           places="  - {id: tokyo, name: Tokyo, type: city, country: JP, latitude: 35.69, "
                                  "longitude: 139.69, geo_precision: point}\n")
    assert [(e["event_type"], e["places"]) for e in drafted] == [("incident", ["the-sea"])]


def test_suggest_leaves_out_names_that_are_part_of_other_words(tmp_path):
    """The state of a title ("Commander of the Air Force") and the names of a hyphenated compound
    ("Rival Air Arm-Air Force envoys") are no participants of the event. Sentences written for this
    test."""
    seeds, result = suggest_for(tmp_path, "doc_h", "Talks\n\nMinister Example, Commander of the Air Force, met "
                                "Rival Air Arm-Air Force envoys on March 4, 2025.\n", title="Talks", published="2025-03-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    assert [(e["event_type"], [a["id"] for a in e["actors"]]) for e in drafted] == [("meeting", ["minister"])]


SUGGEST_BODY = """
A Launch Told Twice

The Air Force test-fired a new missile into the sea.

The Bomber Wing launched the missile on March 3, 2025.
"""


def test_suggest_tells_one_act_of_a_body_and_of_the_body_it_belongs_to_once(tmp_path):
    """The same act told of a body (the Bomber Wing) and of the body it belongs to (the Air Force:
    its ``parent``) is one event, not two. Sentences written for this test."""
    drafted = suggest_with(tmp_path, "doc_w", SUGGEST_BODY, title="A Launch Told Twice", published="2025-03-10",
                           actors="  - {id: bomber-wing, name: Bomber Wing, type: military, parent: air-force}\n")
    assert [(e["event_type"], len(e["evidence"])) for e in drafted] == [("incident", 2)]


SUGGEST_SINCE = """
Patrols Since

The Air Force has held patrols over the sea since 2019.

The Rival Air Arm has held dozens of drills near the islands since 2020.
"""


def test_suggest_dates_a_practice_from_when_it_began(tmp_path):
    """"has held patrols ... since 2019": a practice in the perfect, drafted with the date it began;
    "has held dozens of drills since 2020" is a count of acts, no one event. Sentences written
    for this test."""
    seeds, result = suggest_for(tmp_path, "doc_s", SUGGEST_SINCE, title="Patrols Since", published="2025-03-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    assert [(e["event_type"], [a["id"] for a in e["actors"]], e["evidence"][0].get("date")) for e in drafted] == [
        ("exercise", ["air-force"], "since 2019")]
    (seeds / "annotations" / "doc_s.yml").write_text(result.output)
    built = build(seeds, tmp_path / "s.db")
    assert built.exit_code == 0, built.output
    db = sqlite_utils.Database(tmp_path / "s.db")
    assert db["events"].get(drafted[0]["id"])["date_start"] == "2019"


def test_a_draft_is_matched_to_an_existing_event_by_what_it_says_not_by_names():
    """``ref:`` proposals (suggest._match_existing): names shared with an event are counted as
    shared actors, not again as similar words; an event known only to precede a recent report
    is no event of 1996; a draft that names nobody matches the same kind of event of the same
    month told in like words. Events and sentences written for this test."""
    from types import SimpleNamespace

    from alliance_record import suggest

    def existing(ident, type_, start, end, actors, text, place=None):
        return {"id": ident, "type": type_, "start": start, "end": end, "place": place, "actors": set(actors),
                "words": suggest._words(text), "content": suggest._content_words(text)}

    def day(start, end=None):
        return SimpleNamespace(date_start=start, date_end=end or start)

    call = existing("first-call", "call", None, "2025-12-23", ["donald-trump", "sanae-takaichi"],
                    "President Donald Trump and Prime Minister Takaichi in their first call")
    text = "President Donald Trump announced the trade agreement on Tuesday in a post."
    draft = {"event_type": "announcement", "actors": [{"id": "donald-trump"}]}
    assert suggest._match_existing(draft, day("2025-07-22"), [call], text) is None
    spending = existing("spending-pledge", "budget", None, "2025-12-23", ["government-of-japan"],
                        "Japan pledges to bring defense spending forward", place="japan")
    old = {"event_type": "agreement", "actors": [{"id": "japan"}]}
    assert suggest._match_existing(old, day("1996", "1996"), [spending],
                                   "Tokyo and Washington agreed in 1996 to hand back the airfield land.") is None
    strategy = existing("strategy-2022", "policy", "2022-12-16", "2022-12-16", ["japan-strategy-document"],
                        "Japan adopts its National Security Strategy, setting goals for cyber defense capabilities")
    nobody = {"event_type": "policy", "actors": []}
    match = suggest._match_existing(nobody, day("2022-12-01", "2022-12-31"), [strategy],
                                    "In December 2022 the National Security Strategy set goals for cyber defense.")
    assert match is not None and match[0] == "strategy-2022"


SUGGEST_EXPLETIVE = """
Words About Nobody

The Air Force flew patrols over the strait on March 3, 2025.

It was reported on March 4, 2025 that the Rival Air Arm had moved its jets.

The Rival Air Arm crossed the line on March 5, 2025. It took Minister Example two days to lodge a protest.

Minister Example met the Air Force chiefs on March 8, 2025. They told reporters on March 9, 2025 that the patrols would go on.
"""


def test_suggest_reads_no_antecedent_for_an_expletive_it_or_a_they_of_one(tmp_path):
    """An expletive "it" ("It was reported that", "It took X two days to") refers to nobody read
    before: the words reported have no speaker, and the protest is its own subject's; "They" is two
    or more, never the one actor of the subject before. Sentences written for this test."""
    seeds, result = suggest_for(tmp_path, "doc_it", SUGGEST_EXPLETIVE, title="Words About Nobody",
                                published="2025-03-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    got = [(e["event_type"], [(a["id"], a["role"]) for a in e["actors"]], e["evidence"][0]["quote"][:16])
           for e in drafted]
    assert ("statement", [("rival", "participant")], "It was reported ") in got
    assert ("statement", [("minister", "speaker")], "It took Minister") in got
    assert ("statement", [], "They told report") in got
    (seeds / "annotations" / "doc_it.yml").write_text(result.output)
    built = build(seeds, tmp_path / "it.db")
    assert built.exit_code == 0, built.output


SUGGEST_TWO_BODIES = """
Two Drills

The Bomber Wing held drills near the islands on March 3, 2025.

The Air Force also held drills with the Rival Air Arm on March 3, 2025.
"""


def test_suggest_keeps_two_acts_of_a_body_and_of_the_body_it_belongs_to_apart(tmp_path):
    """A body's act and its parent's act of one type and day are two events when the second does not
    refer back to the first ("also", a partner of its own): two drafts. Sentences written for this
    test."""
    drafted = suggest_with(tmp_path, "doc_v", SUGGEST_TWO_BODIES, title="Two Drills", published="2025-03-10",
                           actors="  - {id: bomber-wing, name: Bomber Wing, type: military, parent: air-force}\n")
    assert [(e["event_type"], [a["id"] for a in e["actors"]], len(e["evidence"])) for e in drafted] == [
        ("exercise", ["bomber-wing"], 1), ("exercise", ["air-force", "rival"], 1)]


SUGGEST_CITY = """
Night Buses

Seoul's mayor announced on March 3, 2025 that the city's buses would run all night.

Seoul residents protested on March 4, 2025 against the new fares.
"""


def test_suggest_reads_a_capital_s_own_offices_and_people_as_the_city(tmp_path):
    """A possessive capital ("Seoul's mayor") and a capital before a municipal noun ("Seoul
    residents") name the city, not its state: no state actor is drafted. Sentences written for this
    test."""
    drafted = suggest_with(tmp_path, "doc_y", SUGGEST_CITY, title="Night Buses", published="2025-03-10",
                           actors="  - {id: south-korea, name: South Korea, type: state, country: KR}\n",
                           places="  - {id: seoul, name: Seoul, type: city, country: KR, latitude: 37.57, "
                                  "longitude: 126.98, geo_precision: point}\n")
    assert [(e["event_type"], [a["id"] for a in e["actors"]], e["places"]) for e in drafted] == [
        ("announcement", [], ["seoul"]), ("statement", [], ["seoul"])]


SUGGEST_ARRIVALS = """
Arrivals

The Bomber Wing arrived at Camp Ridge on March 3, 2025, where it will be stationed for two years.

Minister Example arrived at Camp Ridge, where the Bomber Wing is based, on March 5, 2025.
"""


def test_suggest_reads_a_unit_arriving_at_its_station_as_deployed(tmp_path):
    """A military body of the registry that arrives where it is to be stationed is deployed there; a
    minister arriving where a unit is based is on a visit (the station is the place's, not the
    minister's). Sentences written for this test."""
    drafted = suggest_with(tmp_path, "doc_ar", SUGGEST_ARRIVALS, title="Arrivals", published="2025-03-10",
                           actors="  - {id: bomber-wing, name: Bomber Wing, type: military, parent: air-force}\n")
    assert [(e["event_type"], [a["id"] for a in e["actors"]]) for e in drafted] == [
        ("deployment", ["bomber-wing"]), ("visit", ["minister"])]


def test_suggest_reads_a_joined_clause_and_a_statement_s_places_in_proportion_to_the_sentence(monkeypatch):
    """", and" before a clause is read on that clause alone (up to the next ", and"), and where a
    statement's words begin is read once per sentence: the characters read (by the sentence reader
    and the patterns that find ", and" and the words said) grow in proportion to the sentence's
    length, not with its square as when the whole rest of the sentence was read at every ", and"
    and every place. Counted, not timed. Sentences written for this test."""
    from alliance_record import eventtype

    read = CharactersRead(monkeypatch)
    read.function(eventtype, "read")
    for name in ("AND", "COORDINATE", "CLAUSE_END", "LAST_OF_SERIES", "WHAT_IS_SAID", "WHERE_BEFORE"):
        read.pattern(suggest, name)

    def joined(n: int) -> int:
        text = "The envoys held talks on May 2" + ", and the crews waited quietly" * n + "."
        reading = eventtype.read(text)
        read.count = 0
        assert suggest._parts(text, reading) == []
        return read.count
    grows_in_proportion(joined, 500)
    text = "The navy held drills, and the army signed a pact with the guard, and the crews waited."
    (_, _, first, _), (k, _, second, _) = suggest._parts(text, eventtype.read(text))
    assert (text[k:k + second.end], second.type) == ("the army signed a pact with the guard", "agreement")

    said = eventtype.read("The envoy said that talks would go on.")

    def places(n: int) -> int:
        text = "The envoy said " + "in Port Ellis at Fort Rue " * n + "that talks would go on."
        read.count = 0
        said_there = suggest._where_said(text, said)
        assert all(said_there(at) for at in range(18, 18 + 26 * n, 26))
        return read.count
    grows_in_proportion(places, 500)


def test_ref_proposals_need_words_of_the_event_not_function_words_or_the_same_day_alone():
    """A draft is proposed as an existing event only on words that tell events apart: sharing
    "we", "our", "told", "two" or "under" with an event of one shared actor is nothing, and a
    minister's act on the day of an unrelated act of theirs (a press briefing, a visit to a
    shipyard) is another event unless a word of the event or a kindred type says otherwise.
    Events and sentences written for this test."""
    from types import SimpleNamespace

    from alliance_record import suggest

    def existing(ident, type_, start, end, actors, text):
        return {"id": ident, "type": type_, "start": start, "end": end, "place": None, "actors": set(actors),
                "words": suggest._words(text), "content": suggest._content_words(text)}

    def day(start, end=None):
        return SimpleNamespace(date_start=start, date_end=end or start)

    talks = existing("marles-talks", "meeting", "2024-09-05", "2024-09-05", ["richard-marles", "penny-wong"],
                     "Marles told our partners the two of us would meet under the new framework")
    said = {"event_type": "statement", "actors": [{"id": "richard-marles"}]}
    assert suggest._match_existing(said, day("2024-09-05"), [talks],
                                   '"We told them our view," Marles said, two hours later, under questioning.') is None
    shipyard = existing("shipyard-visit", "visit", "2025-02-14", "2025-02-14", ["gen-nakatani"],
                        "Nakatani toured the Nagasaki shipyard building the frigates")
    briefing = {"event_type": "statement", "actors": [{"id": "gen-nakatani"}]}
    assert suggest._match_existing(briefing, day("2025-02-14"), [shipyard],
                                   "Nakatani held a news conference on the missile test.") is None
    again = {"event_type": "statement", "actors": [{"id": "gen-nakatani"}]}
    match = suggest._match_existing(again, day("2025-02-14"), [shipyard],
                                    "At the shipyard, Nakatani praised the frigates' progress.")
    assert match is not None and match[0] == "shipyard-visit"


def test_two_shared_actors_and_a_word_of_the_event_match_whatever_the_drafted_type():
    """Event types drafted from one sentence are often wrong (a review "launched" reads as a
    report, the existing event is a policy): two shared actors, overlapping dates and a word of
    the event in common are enough for a ``ref:`` proposal; two shared actors with no such word
    are not. Events and sentences written for this test."""
    from types import SimpleNamespace

    from alliance_record import suggest

    probe = {"id": "treasury-probe-2024", "type": "policy", "start": None, "end": "2024-11-30", "place": None,
             "actors": {"us-treasury", "tiktok"}, "words": suggest._words("The Treasury probe of TikTok's ownership"),
             "content": suggest._content_words("The Treasury probe of TikTok's ownership")}
    draft = {"event_type": "report", "actors": [{"id": "us-treasury"}, {"id": "tiktok"}]}
    month = SimpleNamespace(date_start="2024-05", date_end="2024-05")
    match = suggest._match_existing(draft, month, [probe], "The Treasury opened a probe into TikTok in May.")
    assert match is not None and match[0] == "treasury-probe-2024"
    assert suggest._match_existing(draft, month, [probe], "The Treasury fined TikTok in May.") is None


def test_states_in_common_are_a_weak_tie_between_a_draft_and_an_existing_event():
    """Nearly every event of the alliance names Japan or the United States among its actors: two
    events sharing only states (and a date of the same month) are no one event unless the draft
    also says it in the event's words, as a shared body or person would allow. ``kinds`` gives
    the actors' registry types. Events and sentences written for this test."""
    from types import SimpleNamespace

    from alliance_record import suggest

    def existing(ident, type_, start, end, actors, text, place=None):
        return {"id": ident, "type": type_, "start": start, "end": end, "place": place, "actors": set(actors),
                "words": suggest._words(text), "content": suggest._content_words(text)}

    kinds = {"japan": "state", "united-states": "state", "australia": "state", "hegseth": "person"}
    missiles = existing("missile-deal", "agreement", "2025-03-30", "2025-03-30",
                        ["japan", "united-states", "hegseth"],
                        "Japan and the United States agree to build air-to-air missiles together in Tokyo",
                        place="tokyo")
    month = SimpleNamespace(date_start="2025-03", date_end="2025-03")
    talks = {"event_type": "statement", "actors": [{"id": "japan"}, {"id": "united-states"}]}
    text = "Officials of the United States and Japan said this month that missiles are at the heart of their ties."
    assert suggest._match_existing(talks, month, [missiles], text, kinds=kinds) is None
    # a person in common still ties them, and so do the event's own words with a state
    said = {"event_type": "statement", "actors": [{"id": "hegseth"}, {"id": "japan"}]}
    match = suggest._match_existing(said, month, [missiles], "Hegseth praised the plan to build the missiles together this month.", kinds=kinds)
    assert match is not None and match[0] == "missile-deal"
    deal = {"event_type": "agreement", "actors": [{"id": "japan"}, {"id": "united-states"}]}
    match = suggest._match_existing(deal, month, [missiles],
                                    "This month Japan and the United States agreed to build air-to-air missiles together.",
                                    kinds=kinds)
    assert match is not None and match[0] == "missile-deal"

def test_a_draft_dated_to_the_month_of_an_event_of_its_kind_told_in_like_words_refers_to_it():
    """The month an event falls in and its kind told in like words tie a draft to an existing event
    whether or not the draft names someone the event names (a body only the text names, a document
    the registry cannot tell apart): a policy adopted by a state, a person taking office. A person
    the draft names that the event does not (another minister sworn in that day) says it is
    another event, and so does a draft that shares with the event no word but the month's name.
    Events and sentences written for this test."""
    from types import SimpleNamespace

    from alliance_record import suggest

    def existing(ident, type_, start, end, actors, text):
        return {"id": ident, "type": type_, "start": start, "end": end, "place": None, "actors": set(actors),
                "words": suggest._words(text), "content": suggest._content_words(text)}

    kinds = {"ruritania": "state", "anna-berg": "person", "olaf-lind": "person", "grand-council": "organization"}
    plan = existing("ruritania-defense-plan-2023", "policy", "2023-05-12", "2023-05-12", ["ruritania-plan-document"],
                    "Ruritania adopts a five-year defense plan that doubles spending on coastal defense")
    month = SimpleNamespace(date_start="2023-05", date_end="2023-05")
    said = {"event_type": "budget", "actors": [{"id": "ruritania"}]}
    match = suggest._match_existing(said, month, [plan], "Ruritania decided in May 2023 to double its defense spending.",
                                    kinds=kinds)
    assert match is not None and match[0] == "ruritania-defense-plan-2023"
    sworn = existing("lind-becomes-minister-2024-02", "appointment", "2024-02-03", "2024-02-03", ["olaf-lind"],
                     "Olaf Lind takes office as interior minister in the new council")
    feb = SimpleNamespace(date_start="2024-02-03", date_end="2024-02-03")
    took = {"event_type": "appointment", "actors": [{"id": "olaf-lind"}, {"id": "grand-council"}]}
    match = suggest._match_existing(took, feb, [sworn], "Lind took office on Feb. 3 in the first Grand Council.",
                                    kinds=kinds)
    assert match is not None and match[0] == "lind-becomes-minister-2024-02"
    other = {"event_type": "appointment", "actors": [{"id": "anna-berg"}]}
    assert suggest._match_existing(other, feb, [sworn], "Anna Berg took office on Feb. 3 as head of the council.",
                                   kinds=kinds) is None
    # the name of the month is the date's evidence, not a word of the event told again
    seated = existing("council-seats-minister-2024-02", "appointment", "2024-02-03", "2024-02-03", [],
                      "In February the council seats a new minister")
    changed = {"event_type": "appointment", "actors": [{"id": "grand-council"}]}
    assert suggest._match_existing(changed, feb, [seated], "The council changed in February.", kinds=kinds) is None
    match = suggest._match_existing(changed, feb, [seated], "The council seated its minister in February.", kinds=kinds)
    assert match is not None and match[0] == "council-seats-minister-2024-02"
    # two states' own meetings of one month: the draft and the event name actors and share none
    kinds.update({"borduria": "state", "syldavia": "state", "ruritania-defense-ministry": "government-body",
                  "karl-holm": "person"})
    talks = existing("holm-talks-2025-03", "meeting", "2025-03-10", "2025-03-10", ["karl-holm", "ruritania"],
                     "Defense Minister Holm met Borduria's officials in Strelsau in March to discuss air defense "
                     "cooperation")
    march = SimpleNamespace(date_start="2025-03", date_end="2025-03")
    others = {"event_type": "meeting", "actors": [{"id": "borduria"}, {"id": "syldavia"}]}
    assert suggest._match_existing(others, march, [talks], "Borduria's defense minister met Syldavian officials "
                                   "in Klow in March to discuss maritime cooperation.", kinds=kinds) is None


SUGGEST_PREDICATES = """
Readout

Minister Example inspected the Air Force base on March 4, 2025, and signed a hotline accord with the Rival Air Arm on March 5, 2025.
"""


def test_suggest_drafts_each_predicate_of_one_subject(tmp_path):
    """A subject that governs verb phrases of different acts (", and signed ...") gives one draft per act: its quote is its own words, its date its own, and its actors
    those of the subject it shares. Sentences written for this test."""
    seeds, result = suggest_for(tmp_path, "doc_v", SUGGEST_PREDICATES, title="Readout", published="2025-03-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    got = [(e["event_type"], [a["id"] for a in e["actors"]], [(x["quote"], x.get("date")) for x in e["evidence"]])
           for e in drafted]
    assert got == [
        ("visit", ["minister", "air-force"],
         [("Minister Example inspected the Air Force base on March 4, 2025", "on March 4, 2025")]),
        ("agreement", ["minister", "rival"],
         [("signed a hotline accord with the Rival Air Arm on March 5, 2025.", "on March 5, 2025")])]
    (seeds / "annotations" / "doc_v.yml").write_text(result.output)
    built = build(seeds, tmp_path / "v.db")
    assert built.exit_code == 0, built.output


SUGGEST_REPEATED_PREDICATES = """
Two Tours

Minister Example toured the Air Force base at Northfield on April 2, 2025, and attended a welcome ceremony.

Minister Sample toured the naval yard at Southport on April 9, 2025, and attended a welcome ceremony.

Minister Example flew to Eastbay on May 6, 2025, and signed the hotline accord.

Minister Sample flew to Westbay on May 6, 2025, and signed the hotline accord.
"""


def test_a_verb_phrase_said_twice_is_drafted_with_its_prefix_and_builds(tmp_path):
    """Two subjects' verb phrases in the same words (", and attended a welcome ceremony.") are two
    drafts whose quotes the build tells apart by their ``prefix:`` (the words before, from the
    subject on), each dated by its sentence and summarised with its subject; two people's acts of one
    type on one day are not merged. Sentences written for this test."""
    seeds, result = suggest_for(tmp_path, "doc_w", SUGGEST_REPEATED_PREDICATES, title="Two Tours",
                                published="2025-05-10")
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(result.output)["events"]
    parts = [(e["event_type"], e["summary"], [(x["quote"], x.get("prefix"), x.get("date")) for x in e["evidence"]])
             for e in drafted if e["evidence"][0].get("prefix")]
    assert parts == [
        ("ceremony", "Minister Example attended a welcome ceremony.",
         [("attended a welcome ceremony.", "Minister Example toured the Air Force base at Northfield on April 2, "
                                           "2025, and", "on April 2, 2025")]),
        ("ceremony", "Minister Sample attended a welcome ceremony.",
         [("attended a welcome ceremony.", "Minister Sample toured the naval yard at Southport on April 9, 2025, and",
           "on April 9, 2025")]),
        ("agreement", "Minister Example signed the hotline accord.",
         [("signed the hotline accord.", "Minister Example flew to Eastbay on May 6, 2025, and", "on May 6, 2025")]),
        ("agreement", "Minister Sample signed the hotline accord.",
         [("signed the hotline accord.", "Minister Sample flew to Westbay on May 6, 2025, and", "on May 6, 2025")])]
    (seeds / "annotations" / "doc_w.yml").write_text(result.output)
    built = build(seeds, tmp_path / "w.db")
    assert built.exit_code == 0, built.output


# An event told in a gerund clause after "since", "after", "before" or "while": a unit of its own,
# typed by the gerund read as its verb with its object ("since taking office" is an appointment, "after
# holding talks" a meeting), whatever the verb. Sentences written for this test.
GERUND_CLAUSES = [
    ("Ishiba had not been to Washington since taking office in October 2024.", "appointment"),
    ("Koizumi called Hegseth shortly after taking office as defence minister in October 2025.", "appointment"),
    ("Ishiba spoke with Trump by telephone days after taking office.", "appointment"),
    ("Takaichi named her cabinet hours after winning the vote in the Diet in October 2025.", "appointment"),
    ("Hegseth flew to Iwo Jima before holding talks with Nakatani in Tokyo in March 2025.", "meeting"),
    ("Kim Jong Un watched a test launch after inspecting a munitions factory in September 2024.", "visit"),
    ("The Army held a ceremony at Iwakuni after deploying the Typhon launcher there in September 2025.",
     "deployment"),
    ("Austin flew on to Seoul after meeting Defence Minister Nobuo Kishi in Tokyo in March 2021.", "meeting"),
    ("Putin left Pyongyang in June 2024 after signing a mutual defence treaty with Kim Jong Un.", "agreement"),
    ("Nakatani spoke to reporters in Darwin after touring Robertson Barracks in November 2024.", "visit"),
    ("Japan eased its rules in 2014 after adopting a new cabinet decision on arms exports.", "policy"),
    ("Kishida gave a speech in Washington while visiting the United States in April 2024.", "visit"),
]


# a light verb's gerund with no event noun or office as object, or a gerund of saying (the main
# clause's subject's words), is no event of its own (review 26, finding 3)
GERUND_CLAUSES_NOT_EVENTS = [
    "Taku Eto released rice from state stockpiles while holding the agriculture portfolio in March 2025.",
    "Hayashi took questions in the upper house while holding the chief cabinet secretary post in 2024.",
    "Takaichi drew a rebuke from Beijing after taking a firm position on Taiwan in November 2025.",
    "Kishida drew criticism after saying Japan would raise taxes to fund defence.",
]


@pytest.mark.parametrize("sentence", GERUND_CLAUSES_NOT_EVENTS)
def test_a_light_or_saying_gerund_clause_is_no_event(sentence):
    units = list(suggest._units([{"id": 1, "text": sentence, "start": 0, "end": len(sentence), "spans": None}]))
    assert [u["reading"].type for u in units if u.get("sub")] == []


@pytest.mark.parametrize("sentence, expected", GERUND_CLAUSES)
def test_a_gerund_clause_is_an_event_typed_by_its_verb(sentence, expected):
    units = list(suggest._units([{"id": 1, "text": sentence, "start": 0, "end": len(sentence), "spans": None}]))
    assert [u["reading"].type for u in units if u.get("sub")] == [expected]


# An act reported with a postposed attribution that names an occasion of its own (a date, "told
# reporters", "said at a news conference") is two events, the act and the statement; an event told
# after the attribution (", the first since X agreed the plan in 2012") is a third; words said in
# passing (", officials said.") stay one sentence. Sentences written for this test.
ATTRIBUTED_ACTS = [
    ("Four Chinese coast guard ships entered territorial waters off the Senkakus, Defence Minister Minoru "
     "Kihara told reporters.", ["incident", "statement"]),
    ("North Korea fired a ballistic missile into the sea off its east coast, Chief Cabinet Secretary Hiroshi "
     "Matsuno told reporters.", ["incident", "statement"]),
    ("The U.S. Army deployed a Patriot battery to Kadena, Pentagon officials told reporters.",
     ["deployment", "statement"]),
    ("Japan and the Philippines signed a reciprocal access agreement in Manila, Foreign Minister Yoko Kamikawa "
     "said at a news conference.", ["agreement", "statement"]),
    ("The cabinet approved a record defence budget, Chief Cabinet Secretary Hirokazu Matsuno said at a press "
     "conference in Tokyo.", ["budget", "statement"]),
    ("Russian and Chinese bombers flew together over the Sea of Japan, the Joint Staff told reporters, the "
     "fourth such flight since 2019.", ["incident", "statement"]),  # others' joint flight: as the seeds type it
    ("About 200 Marines moved from Hawaii to Darwin, Australian Defence Minister Stephen Smith told reporters on "
     "Wednesday, the first rotation since Canberra and Washington agreed the posture plan in 2011.",
     ["deployment", "statement", "agreement"]),
    ("A Russian patrol plane violated Japanese airspace off Rebun Island, the Defense Ministry told reporters.",
     ["incident", "statement"]),
    ("Australia chose the Mogami-class design for its new frigates, Defence Minister Richard Marles said at a "
     "news conference in Canberra.", ["announcement", "statement"]),
    ("The Chinese navy conducted drills around Taiwan, Japanese officials said at a briefing.",
     ["exercise", "statement"]),
    ("The Chinese navy conducted drills around Taiwan, Japanese officials said.", []),
    # not an act done: negated, undecided, perfect (a state of things) or a plan (review 26, finding 2)
    ("The cabinet has not decided whether to take part in the Golden Dome shield, Foreign Minister Takeshi "
     "Iwaya said at a news conference.", []),
    ("Tokyo did not send escorts to the Red Sea, Defence Minister Gen Nakatani said at a press conference.", []),
    ("Japan has stationed PAC-3 batteries on Miyako Island, Chief Cabinet Secretary Yoshihide Suga told "
     "reporters.", []),
    ("Abe had no plans to visit Yasukuni Shrine in August, Chief Cabinet Secretary Yoshihide Suga told "
     "reporters.", []),
]


@pytest.mark.parametrize("sentence, expected", ATTRIBUTED_ACTS)
def test_an_act_attributed_on_an_occasion_is_two_events(sentence, expected):
    units = list(suggest._units([{"id": 1, "text": sentence, "start": 0, "end": len(sentence), "spans": None}]))
    assert [u["reading"].type for u in units if u.get("part") or u.get("sub")] == expected


def test_a_fronted_gerund_clause_ends_at_its_comma():
    """"Since taking office, Yoon has sought ...": the clause is the adverbial, not the sentence."""
    sentence = "Since taking office in May 2022, Yoon has sought warmer ties with Tokyo."
    units = list(suggest._units([{"id": 1, "text": sentence, "start": 0, "end": len(sentence), "spans": None}]))
    assert [(u["reading"].type, u["text"]) for u in units if u.get("sub")] == [
        ("appointment", "taking office in May 2022")]


# A postposed "when" clause shares its main clause's time: it is not cut into an event of its own
# (the main clause would lose its date, or the same meeting be drafted twice), and a subordinator
# before a reduced relative ("that the Type 03 missiles deployed to Amami Oshima in March 2019 could")
# does not hide the relative's event (review 26, findings 1 and 5). Sentences written for this test.
@pytest.mark.parametrize("sentence, expected", [
    ("Abe talked with Obama when they visited Hiroshima on May 27, 2016.", []),
    ("Japan sounded its J-Alert sirens when North Korea fired a missile over Aomori in October 2022.", []),
    ("Commentators argued that the Type 03 missiles deployed to Amami Oshima in March 2019 could cover the "
     "Miyako Strait.", ["deployment"]),
])
def test_a_when_clause_is_no_event_apart_and_a_subordinator_keeps_the_relative(sentence, expected):
    units = list(suggest._units([{"id": 1, "text": sentence, "start": 0, "end": len(sentence), "spans": None}]))
    assert [u["reading"].type for u in units if u.get("sub")] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Officials praised the official visit that began on October 14, 2023.", ["visit"]),
    ("The cabinet approved a plan that called for new airfields by April 2028.", []),
    ("Seoul questioned the communique that followed the talks on May 5, 2024.", []),
    ("The minister dismissed the report that claimed sailors left the port on July 2, 2024.", []),
])
def test_a_that_relative_is_read_only_when_its_head_is_the_event_it_dates(sentence, expected):
    """Review 27 finding 6: a relative clause opened by "that" tells a dated event when its head
    noun names that event ("the official visit that began on October 14"); a plan, a communique or a
    report that says or calls for something is no event of the clause's words. Sentences written
    for this test, the expected units written before the code ran."""
    units = list(suggest._units([{"id": 1, "text": sentence, "start": 0, "end": len(sentence), "spans": None}]))
    assert [u["reading"].type for u in units if u.get("sub")] == expected


@pytest.mark.parametrize("text, second", [
    ("Since 2015 the envoys have held the harbor dialogue twice a year, and in May 2024 the ministers met "
     "in Suva for their opening round.", ("in May 2024 the ministers met in Suva for their opening round", "meeting")),
    ("Since 2015 the envoys have held the harbor dialogue twice a year, and in May 2024 the ministers met "
     "in Suva to discuss extended patrols.", ("in May 2024 the ministers met in Suva to discuss extended patrols",
                                              "meeting")),
    ("On June 3 the rival navy fired a missile into the sea, and on June 4, the three ministries announced "
     "a new warning link.", ("on June 4, the three ministries announced a new warning link", "announcement")),
    ("In April two patrol boats collided near the reef, and in December 2019 a rival trawler rammed a "
     "coast guard cutter.", ("in December 2019 a rival trawler rammed a coast guard cutter", "incident")),
])
def test_a_clause_joined_after_a_date_of_its_own_is_a_second_act(text, second):
    """", and in May 2024 the ministers met": a main clause joined by ", and" that opens with a date
    of its own before its subject tells a second event, as one with no date does ("..., and the
    companies signed"). Sentences written for this test, the expected parts written before the
    code ran."""
    from alliance_record import eventtype

    parts = suggest._parts(text, eventtype.read(text))
    assert [(text[k:k + r.end].rstrip("."), r.type) for k, _, r, _ in parts[1:]] == [second]


@pytest.mark.parametrize("text", [
    "The coast guard's yearly drill opened off the cape on May 4, 2025, and on May 9 the crews wrapped up the drill.",
    "The patrol started near the shoal in March, and in April the two cutters continued the patrol.",
    "The allied air exercise began over the strait on June 2, and on June 8 the squadrons concluded it.",
])
def test_a_dated_clause_that_ends_or_continues_the_first_event_is_no_second_act(text):
    """", and on May 9 the crews wrapped up the drill": a dated clause whose verb ends or carries on
    the event just told is that event's later stage, one draft (review of suggest12, finding 3).
    Sentences written for this test."""
    from alliance_record import eventtype

    assert suggest._parts(text, eventtype.read(text)) == []


def test_a_joined_phrase_with_no_subject_after_its_date_is_no_second_act():
    """", and in May 2024 with the same crews" has no clause of its own: one act."""
    from alliance_record import eventtype

    text = "The navy held drills near the reef in April, and in May 2024 with the same crews off the cape."
    assert suggest._parts(text, eventtype.read(text)) == []


def test_an_event_dated_by_one_end_of_a_range_takes_that_ends_row(tmp_path):
    """Review12_whole (medium 4): an event whose date is the phrase of a range's first end ("2
    March" in "from 2 March to 8 March 2024", a year before the catalogue's date) is dated as that
    end's own row reads it, with the range's year, and its source links that row."""
    from conftest import built_with_event

    story = ("Patrol plan\n\nThe coast guard ran its patrols from 2 March to 8 March 2024 off the "
             "northern islands, the agency said.\n")
    conn = built_with_event(tmp_path, "doc_p", story, "2025-06-10", {
        "id": "patrols-begin", "summary": "The patrols begin.", "event_type": "deployment",
        "evidence": [{"quote": "The coast guard ran its patrols", "date": "2 March"}]})
    end = conn.execute("select id, date_start from date_mentions where range_id is not null "
                       "and written = '2 March'").fetchone()
    assert end[1] == "2024-03-02"
    assert conn.execute("select date_mention_id from event_sources").fetchall() == [(end[0],)]
    assert conn.execute("select date_start from events").fetchall() == [("2024-03-02",)]
