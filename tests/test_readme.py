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


def test_the_walk_through_of_add_is_the_real_output(tmp_path, monkeypatch):
    """The README's `add` walk-through (console and the first drafted event) is what the code
    prints today for the page it names (a page of our own, kept in tests/fixtures)."""
    import re

    import yaml
    from click.testing import CliRunner

    from alliance_record.cli import cli
    from conftest import copy_seeds

    section = README[README.index("### Adding a document"):]
    console = re.search(r"```console\n\$ (alliance-record add (\S+))\n(.*?)```", section, re.S)
    drafted = re.search(r"```yaml\n(events:\n.*?)```", section, re.S)
    assert console and drafted
    copy_seeds(tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    (tmp_path / console.group(2)).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / console.group(2)).write_bytes((ROOT / console.group(2)).read_bytes())
    result = CliRunner().invoke(cli, console.group(1).split()[1:])
    assert result.exit_code == 0, result.output
    today = r"on \d{4}-\d{2}-\d{2}\."  # the day `add` ran on, in the entry's basis
    assert re.sub(today, "on DAY.", result.output) == re.sub(today, "on DAY.", console.group(3))
    stem = re.search(r"Added seeds/(\S+)\.txt", result.output).group(1)
    written = yaml.safe_load((tmp_path / "seeds" / "annotations" / f"{stem}.yml").read_text(encoding="utf-8"))
    assert written["events"][0] == yaml.safe_load(drafted.group(1))["events"][0]
