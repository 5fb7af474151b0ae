"""Registry drafts for names no registry holds (suggest --registries, add): what a curator
reviews should be names of actors and places, each with the country its words give it."""

from __future__ import annotations

import textwrap

import yaml
from click.testing import CliRunner

from alliance_record.cli import cli
from conftest import catalog_entry, copy_seeds

DOC = """
Allies Train Near the Islands

Japanese and U.S. troops began the exercise Iron Harbor on Monday near Kuroshio Shoal, off
Japan's Amabe Islands. Defense Minister said nothing. U.S. Ambassador Walter Pennick watched the
first landing. Pentagon Chief Spokesman Harriet Ostrow said the Iron Harbor drills would last a
week.

Tessa Marlowe, a spokesperson for China's foreign ministry, called the drills a provocation.
The Okinawa Defense Bureau said work would go on. USS Carl Vinson sailed nearby.

Notes

1. Dana Whitcombe, Harbor Politics and Island Defense (Cambridge, MA: Lantern University Press, 2021), 14.
"""


def drafted(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    (seeds / "900_islands.txt").write_text(textwrap.dedent(DOC).lstrip("\n"), encoding="utf-8")
    catalog = yaml.safe_load((seeds / "catalog.yml").read_text())
    catalog["documents"].append(catalog_entry("900_islands", title="Allies Train Near the Islands",
                                              published="2025-11-10"))
    (seeds / "catalog.yml").write_text(yaml.safe_dump(catalog, sort_keys=False))
    result = CliRunner().invoke(cli, ["suggest", "900_islands", "--seeds", str(seeds), "--registries"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.output)
    return {e["name"]: e for e in data["actors"] or []}, {e["name"]: e for e in data["places"] or []}


def test_countries_come_from_the_words_around_a_name(tmp_path):
    actors, places = drafted(tmp_path)
    # a registered name just before the role, or an apposition after the name
    assert actors["Walter Pennick"]["country"] == "US"
    assert actors["Harriet Ostrow"]["country"] == "US"
    assert actors["Tessa Marlowe"]["country"] == "CN"
    # a known place inside a body's name; a ship's national prefix
    assert actors["Okinawa Defense Bureau"]["country"] == "JP"
    assert actors["USS Carl Vinson"]["country"] == "US"
    # no evidence, no guess
    assert actors["Dana Whitcombe"]["country"] is None


def test_places_the_gazetteer_does_not_know_are_drafted_for_their_coordinates(tmp_path):
    _actors, places = drafted(tmp_path)
    shoal, islands = places["Kuroshio Shoal"], places["Amabe Islands"]
    assert (shoal["type"], shoal["latitude"], shoal["longitude"], shoal["reviewed"]) == ("reef", None, None, False)
    assert (islands["type"], islands["country"]) == ("island-group", "JP")  # "Japan's Amabe Islands"


def test_roles_exercises_and_cited_titles_are_not_drafted(tmp_path):
    actors, places = drafted(tmp_path)
    names = set(actors) | set(places)
    assert "Defense Minister" not in names          # a role with no holder named
    assert "Iron Harbor" not in names               # an exercise's name, wherever it stands
    assert not {"Harbor Politics", "Island Defense", "Cambridge"} & names  # a cited title, its place
    assert "Lantern University Press" in names      # the publisher is an actor

