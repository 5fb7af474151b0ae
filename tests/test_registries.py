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
        ("actors.yml:13", "duplicate actor id 'dup'"),
        ("actors.yml:16", "unknown key 'nickname'"),
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
