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
    assert isinstance(result.exception, SystemExit), result.exception  # a message, not a traceback
    for text in expected:
        assert text in result.output, result.output
    assert out.read_bytes() == before
    # no temp files: the output, its report and the cache of the last build that succeeded
    assert sorted(p.name for p in out.parent.iterdir()) == ["alliance.db", "alliance.db.cache", "unmatched.csv"]
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
    """Every seed saved with a BOM and CRLF line endings: every row of every table is the same."""
    import sqlite_utils

    seeds_a = tmp_path / "a"
    shutil.copytree(SEEDS, seeds_a)
    seeds_b = tmp_path / "b"
    shutil.copytree(SEEDS, seeds_b)
    for path in seeds_b.glob("*.txt"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    for seeds, out in ((seeds_a, "a.db"), (seeds_b, "b.db")):
        result = run("build", "--seeds", seeds, "--out", tmp_path / out)
        assert result.exit_code == 0, result.output
    a, b = sqlite_utils.Database(tmp_path / "a.db"), sqlite_utils.Database(tmp_path / "b.db")
    assert a.table_names() == b.table_names()
    for table in ("documents", "paragraphs", "sentences", "footnotes", "citations", "actor_mentions",
                  "place_mentions", "date_mentions", "events", "event_sources", "quotations", "quantities"):
        assert a[table].count > 0, table  # the comparison below covers tables that have rows
    for table in a.table_names():
        if table.endswith(("_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")):
            continue
        assert list(a[table].rows) == list(b[table].rows), table
    assert (tmp_path / "a.db").read_bytes() == (tmp_path / "b.db").read_bytes()


# --- annotations and registries: a small corpus whose annotation file is then broken line by line ---

ANNOTATED_DOC = """\
Good Title

Koizumi met Marles in Tokyo on March 3, 2025. The talks were long.

The talks were long. Both sides agreed to meet again.
"""
ACTORS = """\
actors:
  - id: shinjiro-koizumi
    name: Shinjiro Koizumi
    type: person
    aliases: [Koizumi]
  - id: richard-marles
    name: Richard Marles
    type: person
    aliases: [Marles]
"""
PLACES = """\
places:
  - id: tokyo
    name: Tokyo
    type: city
    latitude: 35.6895
    longitude: 139.6917
    geo_precision: point
"""
ANNOTATIONS = """\
events:
  - id: koizumi-marles-meeting
    summary: Koizumi meets Marles.
    event_type: meeting
    actors:
      - {id: shinjiro-koizumi, role: initiator}
      - {id: richard-marles, role: participant}
    places: [tokyo]
    evidence:
      - quote: "Koizumi met Marles in Tokyo on March 3, 2025."
        date: "March 3, 2025"
"""


def annotated_corpus(folder, replace=(), file="annotations/doc_a.yml", doc=ANNOTATED_DOC):
    """The annotated corpus, with each ``(old, new)`` of ``replace`` applied once to ``file``."""
    files = {"actors.yml": ACTORS, "places.yml": PLACES, "annotations/doc_a.yml": ANNOTATIONS}
    for old, new in replace:
        assert old in files[file], old
        files[file] = files[file].replace(old, new, 1)
    return write_corpus(folder, {"doc_a": doc}, [catalog_entry("doc_a", title="Good Title")], **files)


def test_the_annotated_corpus_builds(tmp_path):
    import sqlite3

    out = tmp_path / "a.db"
    result = run("build", "--seeds", annotated_corpus(tmp_path / "s"), "--out", out)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(out)
    assert conn.execute("select id, date_start, place_id from events").fetchall() == [
        ("koizumi-marles-meeting", "2025-03-03", "tokyo")]


@pytest.mark.parametrize("replace, expected", [
    # a quote that is not in the document: the message shows the nearest match
    ([("in Tokyo on March", "in Kyoto on March")],
     ["doc_a.yml:10:", "quote not found", "nearest match: 'Koizumi met Marles in Tokyo on March 3, 2025.'"]),
    # a quote that occurs twice, without a prefix to tell them apart
    ([('"Koizumi met Marles in Tokyo on March 3, 2025."\n        date: "March 3, 2025"', '"The talks were long."')],
     ["doc_a.yml:10:", "quote occurs 2 times", "add a `prefix:`"]),
    # a prefix that is not the words before the quote
    ([('date: "March 3, 2025"', 'date: "March 3, 2025"\n        prefix: "Marles said"')],
     ["doc_a.yml:10:", "never right after the prefix 'Marles said'"]),
    ([("richard-marles, role", "richard-marlez, role")],
     ["doc_a.yml:7:", "unknown actor id 'richard-marlez'", "did you mean 'richard-marles'?"]),
    ([("places: [tokyo]", "places: [tokio]")], ["doc_a.yml:8:", "unknown place id 'tokio'", "did you mean 'tokyo'?"]),
    ([("- id: koizumi-marles-meeting", "- ref: koizumi-marles-meting")],
     ["doc_a.yml:2:", "ref 'koizumi-marles-meting': no annotation file defines this event"]),
    ([('date: "March 3, 2025"', 'date: "March 3, 2025"\n        relative_to: the-meeting')],
     ["doc_a.yml:12:", "relative_to 'the-meeting': unknown event id"]),
    ([("event_type: meeting", "event_type: meeting\n    colour: red")],
     ["doc_a.yml:5:", "unknown key 'colour'"]),
    ([("places: [tokyo]", "places: [tokyo")], ["doc_a.yml:8:", "malformed YAML"]),
    ([("event_type: meeting", "event_type: gathering")], ["doc_a.yml:4:", "unknown event_type 'gathering'"]),
    # an event defined twice
    ([("events:\n", "events:\n  - id: koizumi-marles-meeting\n    summary: x\n    event_type: meeting\n"
                    "    evidence: [{quote: Both sides agreed to meet again.}]\n")],
     ["doc_a.yml:6:", "duplicate event id 'koizumi-marles-meeting' (first defined at line 2)"]),
    # values of the wrong kind are reported at their line, never a traceback
    ([("summary: Koizumi meets Marles.", "summary: [Koizumi, Marles]")],
     ["doc_a.yml:3:", "summary must be text, not ['Koizumi', 'Marles']"]),
    ([("{id: richard-marles, role: participant}", "{id: [richard-marles], role: participant}")],
     ["doc_a.yml:7:", "id must be text"]),
    ([("      - {id: richard-marles, role: participant}", "      - richard-marles")],
     ["doc_a.yml:7:", "each item of actors must be a mapping"]),
    ([('quote: "Koizumi met Marles in Tokyo on March 3, 2025."', "quote: 12")], ["doc_a.yml:10:", "quote must be text"]),
    ([("places: [tokyo]", "places: [{id: tokyo}]")], ["doc_a.yml:8:", "places must be a list of text"]),
])
def test_annotation_problems(tmp_path, previous_db, replace, expected):
    assert_fails_and_keeps(previous_db, annotated_corpus(tmp_path / "s", replace), *expected)


def test_impossible_date_in_an_annotation(tmp_path, previous_db):
    doc = ANNOTATED_DOC.replace("March 3, 2025", "February 30, 2025")
    seeds = annotated_corpus(tmp_path / "s", [("March 3, 2025", "February 30, 2025"),
                                              ("March 3, 2025", "February 30, 2025")], doc=doc)
    assert_fails_and_keeps(previous_db, seeds, "doc_a.yml:11:", "date 'February 30, 2025' is not a date expression")


@pytest.mark.parametrize("file, replace, expected", [
    ("places.yml", [("latitude: 35.6895", "latitude: 95.6895")],
     ["places.yml:5:", "latitude 95.6895 is out of range (-90..90)"]),
    ("places.yml", [("longitude: 139.6917", "longitude: -180.5")], ["places.yml:6:", "longitude -180.5 is out of range"]),
    ("actors.yml", [("- id: richard-marles", "- id: shinjiro-koizumi")],
     ["actors.yml:6:", "duplicate actor id 'shinjiro-koizumi' (first defined at line 2)"]),
    ("actors.yml", [("  - id: richard-marles\n", "  - nickname: Richard\n")],
     ["actors.yml:6:", "unknown key 'nickname'", "missing required key 'id'"]),
    ("actors.yml", [("type: person\n    aliases: [Marles]", "type: person\n    roles: [{title: Minister, start: '2024-02-30'}]\n"
                                                          "    aliases: [Marles]")],
     ["actors.yml:9:", "February 2024 has 29 days"]),
    ("places.yml", [("name: Tokyo", "name: [Tokyo]")], ["places.yml:3:", "name must be text"]),
])
def test_registry_problems_through_build(tmp_path, previous_db, file, replace, expected):
    assert_fails_and_keeps(previous_db, annotated_corpus(tmp_path / "s", replace, file=file), *expected)


def test_catalog_file_must_be_a_name_in_the_seeds_folder(tmp_path, previous_db):
    elsewhere = write_corpus(tmp_path / "elsewhere", {"doc_a": GOOD})
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD},
                         [catalog_entry("doc_a", file=f"../{elsewhere.name}/doc_a.txt")])
    assert_fails_and_keeps(previous_db, seeds, "catalog.yml:2:", "must be a file name in the seeds folder")


def test_a_yaml_key_that_is_a_list_is_an_error(tmp_path, previous_db):
    seeds = annotated_corpus(tmp_path / "s", [("    event_type: meeting\n", "    event_type: meeting\n    ? [a, b]\n    : x\n")])
    assert_fails_and_keeps(previous_db, seeds, "doc_a.yml:5:", "a key must be a word")


def test_validate_lists_every_problem_in_every_file(tmp_path):
    """Several problems in the catalog, both registries and an annotation file: one run lists them all."""
    seeds = annotated_corpus(tmp_path / "s", [("event_type: meeting", "event_type: gathering"),
                                              ("places: [tokyo]", "places: [tokio]")])
    (seeds / "actors.yml").write_text(ACTORS.replace("type: person", "type: politician", 1))
    (seeds / "places.yml").write_text(PLACES.replace("latitude: 35.6895", "latitude: 135.7"))
    (seeds / "catalog.yml").write_text((seeds / "catalog.yml").read_text().replace("kind: news", "kind: gossip"))
    result = run("validate", "--seeds", seeds)
    assert result.exit_code != 0 and isinstance(result.exception, SystemExit)
    expected = [("catalog.yml:7:", "unknown kind 'gossip'"), ("actors.yml:4:", "unknown type 'politician'"),
                ("places.yml:5:", "latitude 135.7 is out of range"),
                ("doc_a.yml:4:", "unknown event_type 'gathering'"), ("doc_a.yml:8:", "unknown place id 'tokio'")]
    for where, what in expected:
        assert any(where in line and what in line for line in result.output.splitlines()), (where, what, result.output)
    assert "5 problems" in result.output


def test_validate_lists_every_quote_problem_in_every_document(tmp_path):
    """Quotes are checked against the texts after the files: every bad quote of every document is listed."""
    annotations_b = ANNOTATIONS.replace("koizumi-marles-meeting", "second-meeting").replace("in Tokyo", "in Osaka")
    seeds = annotated_corpus(tmp_path / "s", [("Marles in Tokyo on", "Marles in Kyoto on")])
    write_corpus(seeds, {"doc_a": ANNOTATED_DOC, "doc_b": ANNOTATED_DOC},
                 [catalog_entry("doc_a", title="Good Title"), catalog_entry("doc_b", title="Good Title")],
                 **{"annotations/doc_b.yml": annotations_b})
    result = run("validate", "--seeds", seeds)
    assert result.exit_code != 0
    for where in ("annotations/doc_a.yml:10: quote not found", "annotations/doc_b.yml:10: quote not found"):
        assert where in result.output, result.output
    assert "2 problems" in result.output


def test_validate_lists_problems_of_files_and_of_quotes_together(tmp_path):
    """A problem found only against the texts (a quote) is listed with problems of the files
    (catalog, registry, a seed that is not UTF-8): checking goes on past the first phase."""
    seeds = write_corpus(
        tmp_path / "s", {"doc_a": ANNOTATED_DOC, "doc_b": b"Good Title\n\nA paragraph \xff that is not UTF-8.\n"},
        [catalog_entry("doc_a", title="Good Title"), catalog_entry("doc_b", title="Good Title", kind="gossip")],
        **{"actors.yml": ACTORS, "places.yml": PLACES,
           "annotations/doc_a.yml": ANNOTATIONS.replace("Marles in Tokyo on", "Marles in Kyoto on")})
    (seeds / "actors.yml").write_text(ACTORS.replace("type: person", "type: politician", 1))
    result = run("validate", "--seeds", seeds)
    assert result.exit_code != 0 and isinstance(result.exception, SystemExit), result.output
    for where, what in [("catalog.yml:", "unknown kind 'gossip'"), ("doc_b.txt:3:", "not valid UTF-8 at byte"),
                        ("actors.yml:4:", "unknown type 'politician'"),
                        ("annotations/doc_a.yml:10:", "quote not found")]:
        assert any(where in line and what in line for line in result.output.splitlines()), (where, what, result.output)
    assert "4 problems" in result.output


def test_an_output_folder_that_cannot_be_made_is_a_message(tmp_path):
    blocker = tmp_path / "build"
    blocker.write_text("a file where the output folder should be")
    result = run("build", "--seeds", write_corpus(tmp_path / "s", {"doc_a": GOOD}), "--out", blocker / "alliance.db")
    assert result.exit_code != 0 and isinstance(result.exception, SystemExit), result.exception
    assert "cannot write the database there" in result.output and str(blocker) in result.output
    assert blocker.read_text().startswith("a file")


def test_a_catalog_title_may_differ_from_the_printed_one_in_case_and_quotes(tmp_path):
    """The title row quotes the text as printed (it used to quote the catalogue's spelling at the
    printed title's offsets, and the build stopped on its own provenance check)."""
    import sqlite3

    doc = "Japan’s Good Title\n\nA first paragraph that ends.\n"
    seeds = write_corpus(tmp_path / "s", {"doc_a": doc}, [catalog_entry("doc_a", title="JAPAN'S GOOD TITLE")])
    result = run("build", "--seeds", seeds, "--out", tmp_path / "a.db")
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(tmp_path / "a.db")
    assert conn.execute("select heading, heading_start, heading_end from sections where level = 0").fetchone() == (
        "Japan’s Good Title", 0, 18)
    assert conn.execute("select title from documents").fetchone() == ("JAPAN'S GOOD TITLE",)


def _broken_copy(tmp_path, name: str, line_no: int) -> tuple:
    """The real seeds with one line of ``name`` indented by a tab (invalid YAML)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    path = seeds / name
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[line_no - 1].startswith("    ")
    lines[line_no - 1] = "\t" + lines[line_no - 1][4:]
    path.write_text("\n".join(lines), encoding="utf-8")
    return seeds, path


@pytest.mark.parametrize("name", ["places.yml", "actors.yml", "catalog.yml",
                                  "annotations/000_0428a4e87a9d7231.yml"])
def test_one_broken_file_is_one_problem_at_its_line(tmp_path, name):
    """A file that cannot be read is reported once, at the line with the tab; what refers to
    the ids it would have defined (places of events, a catalogued seed, an event another file
    refers to) is not reported again as unknown."""
    text = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    line_no = next(k for k, line in enumerate(text, 1) if k > 20 and line.startswith("    ") and ": " in line)
    seeds, path = _broken_copy(tmp_path, name, line_no)
    result = run("validate", "--seeds", seeds)
    assert result.exit_code != 0
    problems = [line for line in result.output.splitlines() if line.startswith("  /")]
    assert len(problems) == 1, result.output
    assert problems[0].startswith(f"  {path}:{line_no}: malformed YAML: found "), problems
