"""Registry checks through `alliance-record validate`: each problem named with file and line."""

from click.testing import CliRunner

from alliance_record.cli import cli
from conftest import write_corpus

DOC = {"doc_a": "Title of doc_a\n\nKoizumi met Marles in Tokyo.\n"}

ACTORS_OK = """
actors:
  - id: shinjiro-koizumi
    name: Shinjiro Koizumi
    type: person
    country: JP
    aliases: [Koizumi]
    roles:
      - {title: Minister of Defense, organization: japan-mod, start: "2025-10-21", end: null}
  - id: yu-koizumi
    name: Yu Koizumi
    type: person
    aliases: [Koizumi]
  - id: japan-mod
    name: Japan Ministry of Defense
    type: government-body
    country: JP
    wikidata: Q1057446
"""

PLACES_OK = """
places:
  - id: tokyo
    name: Tokyo
    type: city
    latitude: 35.6895
    longitude: 139.6917
    geo_precision: point
    country: JP
    geonames: 1850147
    wikidata: Q1490
"""


def validate(tmp_path, actors=ACTORS_OK, places=PLACES_OK):
    seeds = write_corpus(tmp_path / "s", DOC, **{"actors.yml": actors, "places.yml": places})
    return CliRunner().invoke(cli, ["validate", "--seeds", str(seeds)])


def test_good_registries_validate(tmp_path):
    result = validate(tmp_path)
    assert result.exit_code == 0, result.output


def test_shared_surname_between_persons_is_allowed_but_not_between_organisations(tmp_path):
    bad = ACTORS_OK + """
  - id: jmsdf
    name: Japan Maritime Self-Defense Force
    type: military
    aliases: [MSDF, Japan Ministry of Defense]
"""
    result = validate(tmp_path, actors=bad)
    assert result.exit_code != 0
    assert "actors.yml:" in result.output
    assert "alias 'Japan Ministry of Defense' is also used by actor 'japan-mod'" in result.output


def test_each_registry_problem_is_reported_with_its_line(tmp_path):
    actors = """
actors:
  - id: Shinjiro Koizumi
    name: Shinjiro Koizumi
    type: politician
    country: JPN
    wikidata: 1059187
    parent: nobody
    roles:
      - {title: Minister, organization: ghost-org, start: "2025-10-21", end: "2024-01-01"}
  - id: dup
    name: First
    type: person
    publisher: no-press
  - id: dup
    name: Second
    type: person
    nickname: x
"""
    places = """
places:
  - id: tokyo
    name: Tokyo
    type: metropolis
    latitude: 135.7
    longitude: 239.7
    geo_precision: exact
    geonames: "1850147"
    wikidata: Q-1490
"""
    result = validate(tmp_path, actors=actors, places=places)
    assert result.exit_code != 0
    out = result.output
    expected = [
        ("actors.yml:2", "is not a slug"),
        ("actors.yml:4", "unknown type 'politician'"),
        ("actors.yml:5", "country 'JPN' is not an ISO 3166-1 alpha-2 code"),
        ("actors.yml:6", "wikidata 1059187 is not a QID"),
        ("actors.yml:7", "unknown parent actor 'nobody'"),
        ("actors.yml:9", "role organization 'ghost-org' is not an actor id"),
        ("actors.yml:9", "start is after end"),
        ("actors.yml:13", "publisher actor 'no-press'"),
        ("actors.yml:14", "duplicate actor id 'dup'"),
        ("actors.yml:17", "unknown key 'nickname'"),
        ("places.yml:4", "unknown type 'metropolis'"),
        ("places.yml:5", "latitude 135.7 is out of range"),
        ("places.yml:6", "longitude 239.7 is out of range"),
        ("places.yml:7", "geo_precision 'exact'"),
        ("places.yml:8", "geonames '1850147' is not a GeoNames id"),
        ("places.yml:9", "wikidata 'Q-1490' is not a QID"),
    ]
    for where, what in expected:
        assert any(where + ":" in line and what in line for line in out.splitlines()), (where, what, out)
    assert f"{len(expected)} problems" in out


def problems(output: str) -> list[str]:
    return [line for line in output.splitlines() if ".yml:" in line]


def test_duplicate_place_ids_and_colliding_place_aliases_are_reported_with_their_lines(tmp_path):
    places = PLACES_OK + """
  - id: tokyo
    name: Tokyo Metropolis
    type: admin-area
    latitude: 35.69
    longitude: 139.69
    geo_precision: centroid
  - id: edo
    name: Edo
    type: city
    latitude: 35.68
    longitude: 139.76
    geo_precision: point
    aliases: [Tokyo]
"""
    result = validate(tmp_path, places=places)
    assert result.exit_code != 0
    found = problems(result.output)
    # the second "tokyo" is at line 12 of the file, and the alias list of "edo" at line 24
    assert any("places.yml:12:" in line and "duplicate place id 'tokyo'" in line for line in found), found
    assert any("places.yml:24:" in line and "alias 'Tokyo' is also used by place 'tokyo'" in line
               for line in found), found


def test_ignore_rules_are_checked(tmp_path):
    ignore = """
ignore:
  - surfaces: [Prime Minister, President]
    reason: titles
  - surface: President
    reason: listed again
  - surface: Cold War
    pattern: "Cold War"
    reason: two kinds of rule at once
  - surfaces: Prime Minister
    reason: not a list
"""
    seeds = write_corpus(tmp_path / "s", DOC, **{"actors.yml": ACTORS_OK, "places.yml": PLACES_OK,
                                                  "unmatched_ignore.yml": ignore})
    result = CliRunner().invoke(cli, ["validate", "--seeds", str(seeds)])
    assert result.exit_code != 0
    found = problems(result.output)
    assert any("unmatched_ignore.yml:4:" in line and "'President' is already listed (line 2)" in line
               for line in found), found
    assert any("unmatched_ignore.yml:6:" in line and "exactly one of" in line for line in found), found
    assert any("unmatched_ignore.yml:9:" in line and "must be a list" in line for line in found), found
    assert len(found) == 3, found


def test_map_popups_link_to_the_place_row_and_say_why_a_place_has_no_mention(tmp_path):
    import json
    import sqlite3

    from alliance_record import pipeline

    docs = {"doc_a": "Title of doc_a\n\nJapan agreed. Officials met in Tokyo and flew on.\n"}
    actors = "actors:\n  - {id: japan, name: Japan, type: state, aliases: [Tokyo]}\n"
    places = """
places:
  - {id: japan, name: Japan, type: country, latitude: 36, longitude: 138, geo_precision: centroid}
  - {id: tokyo, name: Tokyo, type: city, latitude: 35.68, longitude: 139.69, geo_precision: point}
  - {id: osaka, name: Osaka, type: city, latitude: 34.69, longitude: 135.5, geo_precision: point}
"""
    seeds = write_corpus(tmp_path / "s", docs, **{"actors.yml": actors, "places.yml": places})
    out = tmp_path / "a.db"
    pipeline.build(seeds, out)
    with sqlite3.connect(out) as db:
        popups = {pid: json.loads(p) for pid, p in db.execute("select id, popup from places")}
    assert popups["tokyo"]["link"] == "/alliance/places/tokyo"
    assert popups["tokyo"]["description"] == "city · 1 mention in 1 document"
    assert "read as the actor" in popups["japan"]["description"] and "1 time" in popups["japan"]["description"]
    assert popups["osaka"]["description"].startswith("city · no mention of its own")


def test_a_popup_link_opens_the_place_row_which_links_to_its_mentions(seeds_db):
    import asyncio
    import json
    import sqlite3

    import yaml
    from datasette.app import Datasette

    from conftest import METADATA

    with sqlite3.connect(seeds_db) as db:
        place_id, popup = db.execute(
            "select id, popup from places where mention_count > 0 order by mention_count desc").fetchone()
    ds = Datasette(immutables=[str(seeds_db)], metadata=yaml.safe_load(METADATA.read_text()))
    page = asyncio.run(ds.client.get(json.loads(popup)["link"]))
    assert page.status_code == 200
    assert f"/alliance/place_mentions?place_id={place_id}" in page.text


def test_a_colliding_alias_is_reported_at_its_own_line_and_at_the_other_entrys(tmp_path):
    """Both lines point at the alias itself (an item of a block list, or a name), not at the
    `aliases:` key or the other entry's id."""
    actors = ACTORS_OK + """
  - id: jsdf
    name: Japan Self-Defense Forces
    type: military
    aliases:
      - JSDF
      - SDF
  - id: jasdf
    name: Japan Air Self-Defense Force
    type: military
    aliases:
      - ASDF
      - JASDF
      - SDF
"""
    result = validate(tmp_path, actors=actors)
    lines = (tmp_path / "s" / "actors.yml").read_text(encoding="utf-8").split("\n")
    jasdf = lines.index("  - id: jasdf") + 1
    other, own = [k for k, line in enumerate(lines, 1) if line.strip() == "- SDF"]
    assert other < jasdf < own
    assert result.exit_code != 0
    found = [line for line in problems(result.output) if "alias 'SDF'" in line]
    assert len(found) == 1 and f"actors.yml:{own}:" in found[0], found
    assert f"is also used by actor 'jsdf' (line {other})" in found[0], found


def test_only_a_draft_place_may_wait_for_its_coordinates(tmp_path):
    draft = PLACES_OK + """
  - id: kin-bay
    name: Kin Bay
    type: maritime-feature
    reviewed: false
"""
    result = validate(tmp_path / "a", places=draft)
    assert result.exit_code == 0, result.output
    reviewed = draft.replace("    reviewed: false\n", "")
    result = validate(tmp_path / "b", places=reviewed)
    assert result.exit_code != 0
    assert any("places.yml:" in line and "missing required key 'latitude'" in line for line in result.output.splitlines())
    half = draft + "    latitude: 26.4\n"
    result = validate(tmp_path / "c", places=half)
    assert result.exit_code != 0 and "together" in result.output
