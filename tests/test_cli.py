"""The command line on bad and good inputs: clear errors, non-zero exit, old database kept."""

import shutil

import pytest
from click.testing import CliRunner

from alliance_record.cli import cli
from conftest import SEEDS, catalog_entry, write_corpus

GOOD = "Good Title\n\nA first paragraph that ends.\n"


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


@pytest.fixture
def previous_db(tmp_path):
    seeds = write_corpus(tmp_path / "ok", {"doc_a": GOOD}, [catalog_entry("doc_a", title="Good Title")])
    out = tmp_path / "build" / "alliance.db"
    result = run("build", "--seeds", seeds, "--out", out)
    assert result.exit_code == 0, result.output
    return out, out.read_bytes()


def assert_fails_and_keeps(previous_db, seeds, *expected):
    out, before = previous_db
    result = run("build", "--seeds", seeds, "--out", out)
    assert result.exit_code != 0
    for text in expected:
        assert text in result.output, result.output
    assert out.read_bytes() == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["alliance.db", "unmatched.csv"]  # no temp files
    return result


def test_build_and_validate_the_real_seeds(tmp_path):
    result = run("validate", "--seeds", SEEDS)
    assert result.exit_code == 0, result.output
    out = tmp_path / "a.db"
    result = run("build", "--seeds", SEEDS, "--out", out)
    assert result.exit_code == 0, result.output
    assert "5 documents" in result.output


def test_malformed_yaml(tmp_path, previous_db):
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD})
    (seeds / "catalog.yml").write_text("documents:\n  - file: doc_a.txt\n    id: [unclosed\n")
    result = assert_fails_and_keeps(previous_db, seeds, "catalog.yml:3", "malformed YAML")
    assert "1 problem " in result.output


def test_unknown_key_names_line_and_suggests(tmp_path, previous_db):
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD}, [catalog_entry("doc_a", titel="x")])
    result = assert_fails_and_keeps(previous_db, seeds, "catalog.yml:", "unknown key 'titel'")
    assert "did you mean 'title'" in result.output


def test_impossible_date(tmp_path, previous_db):
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD}, [catalog_entry("doc_a", published="2025-02-30")])
    assert_fails_and_keeps(previous_db, seeds, "catalog.yml:", "February 2025 has 28 days")


def test_duplicate_id(tmp_path, previous_db):
    entries = [catalog_entry("doc_a"), catalog_entry("doc_b", id="doc-a")]
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD, "doc_b": GOOD}, entries)
    assert_fails_and_keeps(previous_db, seeds, "duplicate document id 'doc-a'")


@pytest.mark.parametrize("data, message", [
    (b"Title\n\nbad \xc3\x28 byte\n", "not valid UTF-8 at byte 11"),
    (b"", "empty seed"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "binary file"),
])
def test_bad_seed_bytes(tmp_path, previous_db, data, message):
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD, "doc_b": data})
    assert_fails_and_keeps(previous_db, seeds, "doc_b.txt", message)


def test_seed_without_catalog_entry_and_entry_without_seed(tmp_path, previous_db):
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD, "orphan": GOOD},
                         [catalog_entry("doc_a"), catalog_entry("ghost")])
    result = assert_fails_and_keeps(previous_db, seeds, "orphan.txt: seed file has no entry",
                                    "names 'ghost.txt', which is not in the seeds folder")
    assert "2 problems" in result.output


def test_validate_reports_every_problem_at_once(tmp_path):
    entries = [catalog_entry("doc_a", kind="gossip", published="2025-13"),
               catalog_entry("doc_b", language="English", colour="red")]
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD, "doc_b": GOOD}, entries)
    result = run("validate", "--seeds", seeds)
    assert result.exit_code != 0
    for text in ["unknown kind 'gossip'", "there is no month 13", "language 'English'",
                 "unknown key 'colour'", "4 problems"]:
        assert text in result.output, result.output


def test_bom_and_crlf_seed_builds_the_same_rows(tmp_path):
    import sqlite_utils

    seeds_a = tmp_path / "a"
    shutil.copytree(SEEDS, seeds_a)
    seeds_b = tmp_path / "b"
    shutil.copytree(SEEDS, seeds_b)
    for path in seeds_b.glob("*.txt"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    run("build", "--seeds", seeds_a, "--out", tmp_path / "a.db")
    run("build", "--seeds", seeds_b, "--out", tmp_path / "b.db")
    a, b = sqlite_utils.Database(tmp_path / "a.db"), sqlite_utils.Database(tmp_path / "b.db")
    for table in a.table_names():
        if table.endswith(("_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")):
            continue
        assert list(a[table].rows) == list(b[table].rows), table
