"""The README documents the dataset: its taxonomies and tables must match the code."""

from alliance_record import schema
from alliance_record.curate.annotations import ACTOR_ROLES, EVENT_TYPES, LINK_RELATIONS, STRENGTHS, THEMES
from alliance_record.curate.registries import ACTOR_TYPES, PLACE_TYPES
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_vocabulary_term_is_documented():
    for vocabulary in (EVENT_TYPES, ACTOR_ROLES, LINK_RELATIONS, THEMES, STRENGTHS):
        for term in vocabulary:
            assert f"`{term}`" in README, term
    for term in list(ACTOR_TYPES) + list(PLACE_TYPES):
        assert term in README, term


def test_every_table_is_listed():
    for table in schema.TABLES:
        assert f"`{table.name}`" in README, table.name


def test_the_two_commands_and_the_ci_command():
    assert "make serve" in README and "make test" in README
    assert (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1] == "make test"
