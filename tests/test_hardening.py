"""Hostile inputs and outputs (issue 19): each a clear one-line error naming the file, a non-zero
exit, and the previous build untouched."""

from __future__ import annotations

import os
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import catalog_entry, write_corpus
from test_cli import GOOD, run


@pytest.fixture
def previous(tmp_path):
    """A good build in tmp/build: the output, its report and the bytes of both."""
    seeds = write_corpus(tmp_path / "ok", {"doc_a": GOOD}, [catalog_entry("doc_a", title="Good Title")])
    out = tmp_path / "build" / "alliance.db"
    result = run("build", "--seeds", seeds, "--out", out)
    assert result.exit_code == 0, result.output
    return out, out.read_bytes(), (out.parent / "unmatched.csv").read_bytes()


def refused(result, *expected):
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), result.exception  # a message, not a traceback
    for text in expected:
        assert text in result.output, result.output
    return result


def assert_untouched(previous):
    out, db, csv = previous
    assert out.read_bytes() == db
    assert (out.parent / "unmatched.csv").read_bytes() == csv
    assert not [p.name for p in out.parent.iterdir() if ".tmp-" in p.name]


# --- 1. the output never replaces curated data -------------------------------------------------

@pytest.mark.parametrize("target", ["catalog.yml", "doc_a.txt", "new.db", "annotations/x.db"])
def test_the_output_is_never_inside_the_seeds_folder(tmp_path, target):
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD}, [catalog_entry("doc_a", title="Good Title")])
    before = {p: p.read_bytes() for p in seeds.rglob("*") if p.is_file()}
    result = refused(run("build", "--seeds", seeds, "--out", seeds / target), "inside the seeds folder")
    assert len(result.output.strip().splitlines()) == 1
    assert {p: p.read_bytes() for p in seeds.rglob("*") if p.is_file()} == before
    assert sorted(seeds.rglob("*")) == sorted(before)  # no cache folder, no report, no temp file


def test_a_symbolic_link_into_the_seeds_folder_is_inside_it(tmp_path):
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD}, [catalog_entry("doc_a", title="Good Title")])
    before = (seeds / "catalog.yml").read_bytes()
    (tmp_path / "out.db").symlink_to(seeds / "catalog.yml")
    refused(run("build", "--seeds", seeds, "--out", tmp_path / "out.db"), "inside the seeds folder")
    assert (seeds / "catalog.yml").read_bytes() == before


def test_an_existing_file_that_is_not_a_database_is_not_replaced(tmp_path):
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD}, [catalog_entry("doc_a", title="Good Title")])
    notes = tmp_path / "notes.txt"
    notes.write_text("a person's notes")
    refused(run("build", "--seeds", seeds, "--out", notes), str(notes), "not a SQLite database")
    assert notes.read_text() == "a person's notes"
    empty = tmp_path / "empty.db"  # an empty file is an empty database: replaced
    empty.touch()
    assert run("build", "--seeds", seeds, "--out", empty).exit_code == 0
    assert sqlite3.connect(empty).execute("select count(*) from documents").fetchone() == (1,)


# --- 2. every input is a regular file inside the seeds folder -----------------------------------

def test_a_seed_linked_out_of_the_seeds_folder_is_refused(tmp_path, previous):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret Title\n\nroot:x:0:0:root:/root:/bin/bash\n")
    seeds = write_corpus(tmp_path / "s", {}, [catalog_entry("doc_a", title="Secret Title")])
    (seeds / "doc_a.txt").symlink_to(secret)
    result = refused(run("build", "--seeds", seeds, "--out", previous[0]),
                     f"{seeds / 'doc_a.txt'}: a symbolic link to {secret}, outside the seeds folder")
    assert "1 problem " in result.output
    assert_untouched(previous)


def test_a_seed_linked_inside_the_seeds_folder_is_read(tmp_path):
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD}, [catalog_entry("doc_a", title="Good Title"),
                                                        catalog_entry("doc_b", title="Good Title")])
    (seeds / "doc_b.txt").symlink_to("doc_a.txt")
    assert run("build", "--seeds", seeds, "--out", tmp_path / "a.db").exit_code == 0


@pytest.mark.parametrize("make, kind", [
    (lambda p: os.mkfifo(p), "a named pipe (FIFO), not a regular file"),
    (lambda p: p.mkdir(), "a directory, not a regular file"),
    (lambda p: p.symlink_to("/dev/zero"), "a symbolic link to /dev/zero, outside the seeds folder"),
])
def test_a_seed_that_is_not_a_regular_file_is_refused_at_once(tmp_path, previous, make, kind):
    """A FIFO used to hang the build, /dev/zero to exhaust its memory, a directory to be reported
    as "cannot write the database there"."""
    seeds = write_corpus(tmp_path / "s", {}, [catalog_entry("doc_a", title="Good Title")])
    make(seeds / "doc_a.txt")
    refused(run("build", "--seeds", seeds, "--out", previous[0]), f"{seeds / 'doc_a.txt'}: {kind}")
    assert_untouched(previous)


@pytest.mark.parametrize("name", ["actors.yml", "annotations/doc_a.yml"])
def test_a_yaml_file_linked_out_of_the_seeds_folder_or_a_fifo_is_refused(tmp_path, previous, name):
    outside = tmp_path / "outside.yml"
    outside.write_text("actors: []\n")
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD}, [catalog_entry("doc_a", title="Good Title")])
    (seeds / name).parent.mkdir(exist_ok=True)
    (seeds / name).symlink_to(outside)
    refused(run("build", "--seeds", seeds, "--out", previous[0]), f"{seeds / name}: a symbolic link to {outside}")
    (seeds / name).unlink()
    os.mkfifo(seeds / name)
    refused(run("validate", "--seeds", seeds), f"{seeds / name}: a named pipe (FIFO), not a regular file")
    assert_untouched(previous)


# --- 3. everything the build writes is replaced together ---------------------------------------

def test_a_directory_in_the_way_of_the_report_fails_before_anything_is_replaced(tmp_path, previous):
    out = previous[0]
    seeds = write_corpus(tmp_path / "s2", {"doc_a": GOOD.replace("first", "second")},
                         [catalog_entry("doc_a", title="Good Title")])
    (out.parent / "unmatched.csv").unlink()
    (out.parent / "unmatched.csv").mkdir()
    refused(run("build", "--seeds", seeds, "--out", out), str(out.parent / "unmatched.csv"), "directory")
    assert out.read_bytes() == previous[1]
    assert not [p.name for p in out.parent.iterdir() if ".tmp-" in p.name]


def test_when_one_rename_fails_the_others_are_undone(tmp_path, monkeypatch):
    """commit_together: the second rename fails after the first succeeded; the first target is
    put back as it was, the second never existed."""
    from alliance_record import load

    a, b = tmp_path / "a.db", tmp_path / "b.csv"
    a.write_text("old a")
    new_a, new_b = tmp_path / ".a.db.tmp-1", tmp_path / ".a.db.tmp-1-b"
    new_a.write_text("new a")
    new_b.write_text("new b")
    real_replace = os.replace

    def failing(src, dst):
        if str(dst) == str(b):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(load.os, "replace", failing)
    with pytest.raises(OSError):
        load.commit_together([(new_a, a), (new_b, b)])
    assert a.read_text() == "old a" and not b.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([".a.db.tmp-1-b", "a.db"])


def test_the_report_is_made_with_the_database_in_an_incremental_build_too(tmp_path):
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD}, [catalog_entry("doc_a", title="Good Title")])
    out = tmp_path / "build" / "alliance.db"
    assert run("build", "--seeds", seeds, "--out", out).exit_code == 0
    (seeds / "doc_a.txt").write_text(GOOD.replace("first", "Tokyo"))
    (out.parent / "unmatched.csv").unlink()
    (out.parent / "unmatched.csv").mkdir()
    before = out.read_bytes()
    refused(run("build", "--seeds", seeds, "--out", out), "directory")
    assert out.read_bytes() == before
    (out.parent / "unmatched.csv").rmdir()
    result = run("build", "--seeds", seeds, "--out", out)
    assert result.exit_code == 0, result.output
    assert (out.parent / "unmatched.csv").is_file() and out.read_bytes() != before


# --- 5. aliases expand within a bound; 8. deep nesting is one line -----------------------------

def alias_bomb(levels: int = 9) -> str:
    """A billion laughs: 9 ** levels strings from a few hundred bytes of anchors."""
    text = 'x_a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for k in "bcdefghijkl"[:levels - 1]:
        text += f"x_{k}: &{k} [" + ",".join([f"*{previous}"] * 9) + "]\n"
        previous = k
    return text


def test_an_alias_bomb_is_refused_at_its_line(tmp_path, previous):
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD}, [catalog_entry("doc_a", title="Good Title")],
                         **{"actors.yml": "actors: []\n" + alias_bomb()})
    result = refused(run("build", "--seeds", seeds, "--out", previous[0]),
                     f"{seeds / 'actors.yml'}:2: aliases expand into more values than the file could hold")
    assert "1 problem " in result.output
    assert_untouched(previous)


def test_honest_aliases_and_merge_keys_still_work():
    from alliance_record.yamlio import loads_yaml

    data = loads_yaml("base: &b {type: person, country: JP}\n"
                      "actors:\n  - {<<: *b, id: a}\n  - {<<: *b, id: b}\nroles: &r [x, y]\nagain: *r\n", "t.yml")
    assert data["actors"][1] == {"type": "person", "country": "JP", "id": "b"}
    assert data["again"] == ["x", "y"]


def test_values_nested_too_deep_are_one_problem_at_their_line(tmp_path, previous):
    deep = "[" * 250 + "]" * 250
    seeds = write_corpus(tmp_path / "s", {"doc_a": GOOD}, [catalog_entry("doc_a", title="Good Title")],
                         **{"actors.yml": f"actors: []\nextra: {deep}\n"})
    result = refused(run("build", "--seeds", seeds, "--out", previous[0]),
                     f"{seeds / 'actors.yml'}:2: values nested more than 64 deep")
    assert len(result.output.strip().splitlines()) == 2  # "1 problem in the inputs:" and the problem
    assert_untouched(previous)


# --- 9. curated strings are NFC like the texts; names are found through invisible characters ----

def test_a_decomposed_quote_and_alias_match_the_composed_text(tmp_path):
    """The text says "Shinjirō" composed (NFC, as every text is normalised); the curator's file
    writes it decomposed (NFD): the quote is found and the alias names the person."""
    import unicodedata

    from test_cli import ACTORS, ANNOTATED_DOC, ANNOTATIONS, annotated_corpus

    doc = ANNOTATED_DOC.replace("Koizumi met", "Shinjirō met")
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    seeds = annotated_corpus(tmp_path / "s", doc=doc)
    (seeds / "actors.yml").write_text(nfd(ACTORS.replace("aliases: [Koizumi]", "aliases: [Shinjirō]")))
    (seeds / "annotations" / "doc_a.yml").write_text(nfd(ANNOTATIONS.replace("Koizumi met", "Shinjirō met")))
    assert "o\u0304" in (seeds / "actors.yml").read_text()
    out = tmp_path / "a.db"
    result = run("build", "--seeds", seeds, "--out", out)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(out)
    assert ("shinjiro-koizumi", "Shinjirō") in conn.execute("select actor_id, surface from actor_mentions").fetchall()
    assert conn.execute("select quote from event_sources").fetchone()[0].startswith("Shinjirō met")


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200d", "\u2060"])
def test_names_are_found_through_invisible_characters(tmp_path, invisible):
    from test_cli import ACTORS, PLACES

    doc = f"Good Title\n\nMar{invisible}les met Shinjiro Koi{invisible}zumi in To{invisible}kyo.\n"
    seeds = write_corpus(tmp_path / "s", {"doc_a": doc}, [catalog_entry("doc_a", title="Good Title")],
                         **{"actors.yml": ACTORS, "places.yml": PLACES})
    out = tmp_path / "a.db"
    assert run("build", "--seeds", seeds, "--out", out).exit_code == 0
    conn = sqlite3.connect(out)
    rows = conn.execute("select actor_id, surface from actor_mentions where region = 'body' order by start").fetchall()
    assert rows == [("richard-marles", f"Mar{invisible}les"), ("shinjiro-koizumi", f"Shinjiro Koi{invisible}zumi")]
    assert conn.execute("select place_id, surface from place_mentions").fetchall() == [("tokyo", f"To{invisible}kyo")]
    # no fragments ("Koi", "zumi") reported as names no registry covers
    assert conn.execute("select surface from unmatched_names where status = 'unmatched'").fetchall() == []


def test_an_unregistered_name_with_an_invisible_character_is_one_name(tmp_path):
    doc = "Good Title\n\nThe envoy Ramon Fer\u00adnandez arrived.\n"
    out = tmp_path / "a.db"
    seeds = write_corpus(tmp_path / "s", {"doc_a": doc}, [catalog_entry("doc_a", title="Good Title")])
    assert run("build", "--seeds", seeds, "--out", out).exit_code == 0
    surfaces = [s for (s,) in sqlite3.connect(out).execute("select surface from unmatched_names")]
    assert "Ramon Fernandez" in surfaces and not any("Fer" in s and s != "Ramon Fernandez" for s in surfaces)


# --- 10. links are partial orders; ids have a length limit ---------------------------------------

SECOND_EVENT = """\
  - id: second-talks
    summary: Both sides agree to meet again.
    event_type: meeting
    evidence:
      - quote: "Both sides agreed to meet again."
"""


def linked_corpus(folder, links: list):
    from test_cli import annotated_corpus

    text = "".join(f"  - {{event: {a}, relation: {rel}, related: {b}}}\n" for a, rel, b in links)
    return annotated_corpus(folder, [("events:\n", "events:\n" + SECOND_EVENT),
                                     ("date: \"March 3, 2025\"\n", "date: \"March 3, 2025\"\nlinks:\n" + text)])


A, B = "koizumi-marles-meeting", "second-talks"


@pytest.mark.parametrize("links, expected", [
    ([(A, "part-of", A)], f"doc_a.yml:18: link: event '{A}' is linked to itself (part-of)"),
    ([(A, "related", A)], f"link: event '{A}' is linked to itself (related)"),
    ([(A, "part-of", B), (B, "part-of", A)], f"doc_a.yml:19: link: part-of links loop: {A} -> {B} -> {A}"),
    ([(A, "follows", B), (B, "follows", A)], f"link: links put events before themselves: {A} -> {B} -> {A}"),
    ([(A, "precedes", B), (A, "in-response-to", B)], f"links put events before themselves: {A} -> {B} -> {A}"),
])
def test_links_that_loop_are_refused_naming_the_events(tmp_path, previous, links, expected):
    result = refused(run("build", "--seeds", linked_corpus(tmp_path / "s", links), "--out", previous[0]), expected)
    assert "1 problem " in result.output
    assert_untouched(previous)


def test_links_that_agree_are_accepted(tmp_path):
    seeds = linked_corpus(tmp_path / "s", [(A, "precedes", B), (B, "follows", A), (B, "part-of", A)])
    result = run("build", "--seeds", seeds, "--out", tmp_path / "a.db")
    assert result.exit_code == 0, result.output


def test_an_absurdly_long_id_is_refused_in_one_short_line(tmp_path, previous):
    from test_cli import annotated_corpus

    long_id = "-".join(["word"] * 20_000)
    seeds = annotated_corpus(tmp_path / "s", [("- id: koizumi-marles-meeting", f"- id: {long_id}")])
    result = refused(run("build", "--seeds", seeds, "--out", previous[0]),
                     "doc_a.yml:2: event 'word-word-", "id is 99,999 characters long (at most 120)")
    assert len(result.output) < 400, result.output
    assert_untouched(previous)


# --- 13-15. the server: visitor mistakes are 4xx, unsafe functions refused, CSV caps as documented

@pytest.fixture(scope="module")
def site(seeds_db):
    from datasette.app import Datasette

    from test_datasette import metadata, settings

    return Datasette(immutables=[str(seeds_db)], metadata=metadata(), settings=settings())


def ask(site, path, method="GET"):
    import asyncio

    async def go():
        return await site.client.request(method, path)
    return asyncio.run(go())


@pytest.mark.parametrize("path, status", [
    ("/alliance/events?_sort=nonexistent", 400),
    ("/alliance/events.json?_sort_desc=nonexistent", 400),
    ("/alliance/events?_sort=id&_sort_desc=id", 400),
    ("/alliance/events?_where=1;drop table events", 400),
    ("/alliance/events.json?_where=1;drop table events", 400),
    ("/alliance/events?_through=zzz", 400),
    ('/alliance/events?_through={"table":"x","column":"y","value":1}', 400),
    ("/alliance/events?_timelimit=abc", 400),
])
def test_a_visitors_mistake_is_a_400_with_datasettes_error_page(site, path, status):
    response = ask(site, path)
    assert response.status_code == status, response.text[:300]
    if ".json" in path:
        assert response.json()["ok"] is False and response.json()["status"] == status
    else:
        assert "<html" in response.text and "Error 500" not in response.text


@pytest.mark.parametrize("method, path", [("POST", "/alliance/events"), ("POST", "/alliance/events.json"),
                                          ("TRACE", "/"), ("TRACE", "/alliance/events"), ("PUT", "/alliance"),
                                          ("DELETE", "/alliance/events"), ("PATCH", "/")])
def test_methods_other_than_get_and_head_are_a_405(site, method, path):
    response = ask(site, path, method)
    assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD"


def test_get_and_head_still_answer(site):
    assert ask(site, "/alliance/events").status_code == 200
    assert ask(site, "/alliance/events", "HEAD").status_code == 200


@pytest.mark.parametrize("sql", ["select fts3_tokenizer('simple')", "select FTS3_Tokenizer('simple', x'00')",
                                 "select load_extension('/tmp/x.so')", "select rtreenode(2, x'00')",
                                 "select fts5(null)", "select sqlite_log(1, 'x')",
                                 "select * from events where id in (select fts3_tokenizer('porter'))"])
def test_unsafe_sql_functions_are_refused(site, sql):
    from urllib.parse import quote

    response = ask(site, "/alliance.json?sql=" + quote(sql))
    assert response.status_code == 400
    assert "not authorized to use function" in response.json()["error"]


def test_every_function_sqlite_offers_is_allowed_or_denied_with_a_reason():
    """The audit: each function of pragma_function_list is either one the project has looked at
    and allows, or denied with a reason; a new SQLite with new functions fails this test."""
    import sqlite3

    from alliance_record import serve

    names = {n for (n,) in sqlite3.connect(":memory:").execute("select name from pragma_function_list")}
    unsafe = names & set(serve.DENIED_FUNCTIONS)
    assert {"fts3_tokenizer", "load_extension"} <= unsafe
    assert all(serve.DENIED_FUNCTIONS[n] for n in unsafe)
    allowed = names - unsafe
    # pointer-passing and native-code functions (SQLite's docs: "unsafe" and debugging functions)
    assert not {n for n in allowed if n.startswith(("fts3_", "rtree", "load_", "sqlite_log"))}


def test_a_streamed_csv_is_capped_as_the_readme_says(site, seeds_db):
    """max_returned_rows caps a page; `_stream=on` pages through every row, up to max_csv_mb."""
    import csv
    import io

    from alliance_record import serve

    settings = dict(serve.SETTINGS)
    assert settings["max_csv_mb"] == 100
    total, = sqlite3.connect(seeds_db).execute("select count(*) from sentences").fetchone()
    page = list(csv.reader(io.StringIO(ask(site, "/alliance/sentences.csv?_size=max").text)))
    streamed = list(csv.reader(io.StringIO(ask(site, "/alliance/sentences.csv?_stream=on&_size=50").text)))
    assert len(page) - 1 == min(total, settings["max_returned_rows"])
    assert len(streamed) - 1 == total > 50


# --- 4. a worker that dies fails the build at once ------------------------------------------------

def dying_chunk(indices, chunk_path):
    """Stands in for pipeline._worker_chunk in the forked workers: the worker given the chunk with
    the document at index 5 kills itself (the signal in DYING_SIGNAL), as the OOM killer would."""
    import signal

    from alliance_record import pipeline

    if 5 in indices:
        os.kill(os.getpid(), getattr(signal, os.environ.get("DYING_SIGNAL", "SIGKILL")))
    return pipeline.__dict__["_real_worker_chunk"](indices, chunk_path)


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_a_worker_that_dies_fails_the_build_with_one_line(tmp_path, previous, monkeypatch, signal_name):
    from alliance_record import pipeline

    monkeypatch.setenv("DYING_SIGNAL", signal_name)
    monkeypatch.setitem(pipeline.__dict__, "_real_worker_chunk", pipeline._worker_chunk)
    monkeypatch.setattr(pipeline, "_worker_chunk", dying_chunk)
    monkeypatch.setattr(pipeline, "default_workers", lambda n: 2)  # as for a large corpus
    docs = {f"doc_{k:02d}": GOOD for k in range(24)}
    seeds = write_corpus(tmp_path / "many", docs, [catalog_entry(stem, title="Good Title") for stem in docs])
    result = refused(run("build", "--seeds", seeds, "--out", previous[0]),
                     "a worker process died (killed, or out of memory)")
    assert len(result.output.strip().splitlines()) == 1
    assert_untouched(previous)
    assert not [p for p in previous[0].parent.iterdir() if "chunks" in p.name]


# --- 7. curated patterns run with a bound -----------------------------------------------------------

LONG_NAME = "Abcdefghijklmnopqrstuvwxyzabcdefghijk Lmnopqrstuvwxyzabcdefghij"


@pytest.mark.parametrize("pattern", [r"(\w|\w\w)+\d", r"([a-zA-Z]|[a-zA-Z][a-zA-Z])+\d"])
def test_a_catastrophic_ignore_pattern_is_an_error_at_its_line(tmp_path, previous, pattern):
    doc = f"Good Title\n\nThe envoy {LONG_NAME} arrived in the capital.\n"
    ignore = f"ignore:\n  - surface: Envoy\n    reason: a word\n  - pattern: '{pattern}'\n    reason: never\n"
    seeds = write_corpus(tmp_path / "s", {"doc_a": doc}, [catalog_entry("doc_a", title="Good Title")],
                         **{"unmatched_ignore.yml": ignore})
    result = refused(run("build", "--seeds", seeds, "--out", previous[0]),
                     f"{seeds / 'unmatched_ignore.yml'}:4: ignore rule: pattern", "takes more than 0.25 s")
    assert "backtracks without end" in result.output
    assert_untouched(previous)


def test_ordinary_ignore_patterns_still_apply(tmp_path):
    doc = f"Good Title\n\nThe envoy {LONG_NAME} arrived; ([A-Za-z ]+)+! is no name.\n"
    ignore = "ignore:\n  - pattern: '([A-Za-z ]+)+!|Abc\\w+ \\w+'\n    reason: made up\n"
    seeds = write_corpus(tmp_path / "s", {"doc_a": doc}, [catalog_entry("doc_a", title="Good Title")],
                         **{"unmatched_ignore.yml": ignore})
    out = tmp_path / "a.db"
    assert run("build", "--seeds", seeds, "--out", out).exit_code == 0
    assert sqlite3.connect(out).execute("select status, reason from unmatched_names where surface = ?",
                                        [LONG_NAME]).fetchone() == ("ignored", "made up")


# --- 8. a full disk and export failures are one line naming the file -------------------------------

def run_with_file_size_limit(limit: int, *args):
    """The command line in a process that may write no file beyond ``limit`` bytes: a disk that
    fills up (SQLite sees an I/O error, Python an EFBIG)."""
    import resource
    import signal
    import subprocess
    import sys

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    return subprocess.run([sys.executable, "-m", "alliance_record.cli", *map(str, args)], preexec_fn=limited,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("limit", [50_000, 400_000])
def test_a_full_disk_is_one_line_and_keeps_the_previous_build(tmp_path, previous, limit):
    from test_cli import ANNOTATED_DOC

    seeds = write_corpus(tmp_path / "s", {"doc_a": ANNOTATED_DOC * 40}, [catalog_entry("doc_a", title="Good Title")])
    result = run_with_file_size_limit(limit, "build", "--seeds", seeds, "--out", previous[0], "--no-cache")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{previous[0]}: cannot write the database (disk I/O error); the previous one is untouched"], result.stderr
    assert_untouched(previous)


def test_export_csl_failures_are_one_line(tmp_path, seeds_db):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run("export", "csl", "--db", seeds_db, "--out", blocker / "works.json")
    refused(result, f"{blocker / 'works.json'}: cannot write ({blocker}: ")
    result = refused(run("export", "csl", "--db", blocker, "--out", "-"), f"{blocker}: cannot read works")
    assert len(result.output.strip().splitlines()) == 1
    full = run_with_file_size_limit(20_000, "export", "csl", "--db", seeds_db, "--out", tmp_path / "works.json")
    assert full.returncode == 1 and full.stderr.strip().splitlines() == [
        f"{tmp_path / 'works.json'}: cannot write (File too large)"], full.stderr
    assert not list(tmp_path.glob("*works.json*"))  # no half-written file


# --- 12. the document page: parts made near-linearly, in a thread ----------------------------------

def naive_parts(text, marks, pieces):
    """split_parts by its definition, mark against every part (quadratic): the oracle."""
    from alliance_record.serve import _joined_index

    links, ranges = [], []
    for m in sorted(marks, key=lambda m: (m["start"], -m["end"])):
        i, j = _joined_index(pieces, m["start"]), _joined_index(pieces, m["end"])
        if 0 <= i < j <= len(text):
            if m.get("range") or m.get("highlight"):
                ranges.append((i, j, m))
            elif not links or i >= links[-1][1]:
                links.append((i, j, m))
    widened = []
    for i, j, m in ranges:
        for a, b, _ in links:
            i = a if a < i < b else i
            j = b if a < j < b else j
        widened.append((i, j, m))
    cuts = sorted({0, len(text)} | {x for a, b, _ in links + widened for x in (a, b)})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        part = {"text": text[a:b], "tags": []}
        for i, j, m in links:
            if i <= a and b <= j:
                part.update(href=m["href"], title=m.get("title"), kind=m.get("kind"))
        inside = [m for i, j, m in widened if i <= a and b <= j]
        if inside:
            part["classes"] = " ".join(sorted({f"ar-hl-{m['kind']}" for m in inside if m.get("kind")}))
            part["highlight"] = any(m.get("highlight") for m in inside)
        part["tags"] = [{"href": m["href"], "title": m.get("title"), "label": m.get("label") or m.get("kind")}
                        for i, j, m in widened if j == b and m.get("href")]
        parts.append(part)
    return parts


def test_split_parts_is_its_definition_on_random_marks():
    import random

    from alliance_record.serve import split_parts

    rng = random.Random(19)
    for _ in range(1500):
        n = rng.randint(1, 50)
        text = "".join(rng.choice("ab ") for _ in range(n))
        pieces = [[0, n]] if rng.random() < 0.7 else [[0, n // 2], [n // 2 + 5, n + 4]]
        marks = []
        for _ in range(rng.randint(0, 12)):
            a = rng.randint(-2, n + 6)
            m, kind = {"start": a, "end": a + rng.randint(0, 12)}, rng.random()
            if kind < 0.5:
                m.update(href=f"/l/{a}", title="t", kind=rng.choice(["actors", "places"]))
            elif kind < 0.8:
                m.update(range=True, kind=rng.choice(["events", "quotations", None]), label=rng.choice([None, "ev"]))
                if rng.random() < 0.7:
                    m["href"] = f"/r/{a}"
            else:
                m["highlight"] = True
            marks.append(m)
        assert split_parts(text, marks, pieces) == naive_parts(text, marks, pieces), (text, pieces, marks)


def test_the_document_page_is_made_off_the_event_loop(site, seeds_db, monkeypatch):
    import threading

    from alliance_record import serve

    threads = []
    real = serve.split_parts

    def recording(*args):
        threads.append(threading.current_thread())
        return real(*args)

    monkeypatch.setattr(serve, "split_parts", recording)
    doc_id, = sqlite3.connect(seeds_db).execute("select id from documents limit 1").fetchone()
    assert ask(site, f"/alliance/documents/{doc_id}").status_code == 200
    assert threads and threading.main_thread() not in threads


def test_parts_html_escapes_every_value():
    from alliance_record.serve import parts_html

    parts = [{"text": "<b>", "tags": [], "href": '/x"y', "title": "<t>", "kind": "actors"},
             {"text": "&", "tags": [{"href": "/e", "title": None, "label": "<ev>"}], "classes": "ar-hl-events"}]
    assert str(parts_html(parts)) == (
        '<a class="ar-actors" href="/x&#34;y" title="&lt;t&gt;">&lt;b&gt;</a>'
        '<span class="ar-hl-events">&amp;</span><a class="ar-tag" href="/e" title="None">&lt;ev&gt;</a>')


# --- 6. extractors near-linear: the structures that replaced passes over everything so far ---------

def test_spans_answers_as_a_pass_over_every_span_would():
    import random

    from alliance_record.extract.mentions import Spans

    rng = random.Random(6)
    for _ in range(300):
        spans, naive = Spans(60), []
        for _ in range(40):
            start = rng.randint(0, 55)
            end = start + rng.randint(1, 5)
            expected = any(a < end and start < b and (a, b) != (start, end) for a, b in naive)
            assert spans.overlaps(start, end) == expected
            if not expected:
                spans.add(start, end)
                naive.append((start, end))


def test_each_nested_match_points_to_the_longest_match_around_it():
    from types import SimpleNamespace

    from alliance_record.extract.mentions import _link_outers

    spans = [(0, 20), (2, 5), (0, 20), (6, 10), (30, 40), (31, 33), (50, 52)]
    out = [SimpleNamespace(i=i, j=j, outer=None) for i, j in spans]
    _link_outers(out)
    assert [None if m.outer is None else out.index(m.outer) for m in out] == [None, 0, None, 0, None, 4, None]


def test_stray_opening_marks_make_one_quotation_to_the_paragraphs_end():
    from alliance_record.extract.quotations import find_quotations

    text = "He said “ that Japan must act. " * 300 + "\n\nNext paragraph with “a closed quote” in it."
    found = find_quotations(text)
    assert sum(len(q.quote) for q in found) <= len(text)  # was quadratic: 300 nested to the end
    running = [q for q in found if q.close_mark is None]
    assert len(running) == 1 and running[0].start == text.index("“") + 1
    assert [q.quote for q in found if q.close_mark] == ["a closed quote"]
    # a quotation that continues into the next paragraph still runs to its paragraph's end
    assert [q.quote for q in find_quotations("“We will act. We must.\n\n“And we will.”")] == [
        "We will act. We must.", "And we will."]


def test_multi_maps_offsets_as_a_walk_over_its_pieces_would():
    """Multi.to_doc and Multi.sub bisect offsets made once (and again after an append)."""
    import random

    from alliance_record.segment import Multi, Piece

    def walk_to_doc(pieces, i):
        pos = 0
        for k, p in enumerate(pieces):
            if k:
                pos += len(p.joiner)
                if i < pos:
                    return p.start
            if i <= pos + p.end - p.start:
                return p.start + i - pos
            pos += p.end - p.start
        return pieces[-1].end

    def walk_sub(pieces, i, j):
        out, pos = [], 0
        for k, p in enumerate(pieces):
            pos += len(p.joiner) if k else 0
            lo, hi = max(i, pos), min(j, pos + p.end - p.start)
            if lo < hi:
                out.append((p.start + lo - pos, p.start + hi - pos, p.joiner if out else " "))
            pos += p.end - p.start
        return out

    rng = random.Random(8)
    for _ in range(300):
        pieces, pos = [], 0
        for _ in range(rng.randint(1, 6)):
            a = pos + rng.randint(0, 4)
            pos = a + rng.randint(0, 6)
            pieces.append(Piece(a, pos, rng.choice([" ", "", "  "])))
        multi = Multi(list(pieces))
        for extra in range(2):
            total = sum(p.end - p.start for p in multi.pieces) + sum(len(p.joiner) for p in multi.pieces[1:])
            for i in range(total + 2):
                assert multi.to_doc(i) == walk_to_doc(multi.pieces, i)
                for j in range(i, total + 2):
                    assert [(p.start, p.end, p.joiner) for p in multi.sub(i, j)] == walk_sub(multi.pieces, i, j)
            multi.pieces.append(Piece(pos + 2, pos + 5, " "))


def test_every_hostile_input_of_the_benchmark_builds(tmp_path):
    """`make bench` builds these at full size (bench --hostile); here each at a small one."""
    from alliance_record import bench, pipeline

    for kind in bench.HOSTILE_INPUTS:
        seeds = bench.hostile_corpus(kind, 50, tmp_path / kind)
        result = pipeline.build(seeds, tmp_path / f"{kind}.db", cache=False)
        assert result.documents == 1 and result.counts["documents"] == 1, kind
    report = bench.format_hostile({"scale": 1, "floor_seconds": 3.0, "runs": {"numbered_lines": {
        "sizes": [{"size": 10, "unit": "lines", "text_mb": 0.1, "seconds": 4.0, "peak_rss_mb": 150},
                  {"size": 100, "unit": "lines", "text_mb": 1.0, "seconds": 13.0, "peak_rss_mb": 160}],
        "growth": 1.0}}})
    assert "numbered_lines: 10 lines (0.1 MB): 4.0 s, 150 MB; 100 lines (1.0 MB): 13.0 s, 160 MB; growth 1.0" in report


def test_the_cycle_collector_does_not_walk_a_documents_rows_while_they_are_made(tmp_path, monkeypatch):
    """A long document makes a million live rows and matches; each collection of the cycle
    collector walked all of them again (a tenth of the build of a 3 MB paragraph). Extraction
    makes no garbage that needs it, so it is paused while one document is extracted and resumes
    after."""
    import gc

    from alliance_record import bench, pipeline

    collections = []
    seen_enabled = []

    def many_objects(doc, seg, rows, ctx):
        seen_enabled.append(gc.isenabled())
        kept = [[k] for k in range(50_000)]  # far past the collector's threshold of new objects
        return {} if kept else {}

    monkeypatch.setattr(pipeline, "DOCUMENT_EXTRACTORS", pipeline.DOCUMENT_EXTRACTORS + [many_objects])
    seeds = bench.hostile_corpus("paragraph_of_names", 200, tmp_path / "seeds")
    callback = lambda phase, info: collections.append(phase) if phase == "start" and in_extractor else None  # noqa: E731
    in_extractor = False
    real = pipeline.extract_document

    def watched(doc, ctx):
        nonlocal in_extractor
        in_extractor = True
        try:
            return real(doc, ctx)
        finally:
            in_extractor = False

    monkeypatch.setattr(pipeline, "extract_document", watched)
    gc.callbacks.append(callback)
    try:
        pipeline.build(seeds, tmp_path / "out.db", cache=False)
    finally:
        gc.callbacks.remove(callback)
    assert seen_enabled == [False] and collections == []
    assert gc.isenabled()  # and it runs again once the document is extracted


# --- 11. printf's output is bounded in all, not only field by field -------------------------------

@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # sqlite3 prints the refusal
@pytest.mark.parametrize("fmt, args", [
    ("%s" * 20, ["a" * 9_800_000] * 20),             # twenty values under the cap, 196 MB together
    ("%s%s", ["a" * 6_000_000, "b" * 5_000_000]),
    ("%q", ["'" * 6_000_000]),                        # %q doubles every quote
    ("%100000d" * 110, [1] * 110),                    # fields under the width cap, 11 MB together
])
def test_printf_refuses_an_output_beyond_the_value_cap_before_making_it(fmt, args):
    from alliance_record import serve

    assert serve.printf_problem(fmt, args).startswith("printf would make about")
    conn = sqlite3.connect(":memory:")
    serve.prepare_connection(conn)
    marks = ", ".join("?" for _ in args)
    for name in ("printf", "format"):
        with pytest.raises(sqlite3.OperationalError, match="user-defined function raised exception"):
            conn.execute(f"select {name}(?, {marks})", [fmt, *args]).fetchone()


def test_printf_under_the_cap_still_formats():
    from alliance_record import serve

    conn = sqlite3.connect(":memory:")
    serve.prepare_connection(conn)
    assert conn.execute("select printf('%s|%q|%5d', ?, ?, 42)", ["a" * 4_000_000, "it's"]).fetchone()[0] == \
        "a" * 4_000_000 + "|it''s|   42"


# --- cosmetic: a date written in Japanese is read to its day ------------------------------------------

@pytest.mark.parametrize("text, phrase, edtf", [
    ("会談は2025年3月3日に東京で行われた。", "2025年3月3日", "2025-03-03"),
    ("防衛費は2024年12月に決定された。", "2024年12月", "2024-12"),
    ("1945年の戦い", "1945年", "1945"),
])
def test_a_japanese_date_is_read_with_its_month_and_day(text, phrase, edtf):
    from alliance_record import dates

    found = dates.find_dates(text)
    assert [m.phrase for m in found] == [phrase]
    assert dates.resolve(found[0]).edtf == edtf
    assert text[found[0].start:found[0].end] == phrase


def test_a_full_width_stop_ends_a_sentence():
    """"。", "！" and "？" end sentences (with the closing bracket after them), as ". " does."""
    from alliance_record.segment import ends_sentence, sentence_bounds

    text = "会談は東京で行われた。両大臣は「同盟を強化する。」と述べた！次は何か？ Then English. 終わり"
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        "会談は東京で行われた。", "両大臣は「同盟を強化する。」と述べた！", "次は何か？", "Then English.", "終わり"]
    assert ends_sentence("行われた。") and ends_sentence("述べた。」") and not ends_sentence("行われた、")


def test_a_run_of_full_width_marks_is_one_sentence_end():
    """"！？" (or "。。。") ends one sentence: no sentence of a lone mark, and a run inside a
    quotation followed by its particle does not end the sentence either."""
    from alliance_record.segment import sentence_bounds

    text = "本当に来るのか！？来週だ。。。待つ？！「本当か！？」と聞いた。終わり"
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        "本当に来るのか！？", "来週だ。。。", "待つ？！", "「本当か！？」と聞いた。", "終わり"]


class _Watched(str):
    """A text that notes the length of every slice taken of it."""

    slices: list = []

    def __getitem__(self, key):
        if isinstance(key, slice):
            _Watched.slices.append(len(range(*key.indices(len(self)))))
        return str.__getitem__(self, key)


@pytest.mark.parametrize("before, expected", [
    ("Then she left.  Meanwhile ", None),        # an opening adverb after a sentence's end
    ("Then she left. (Meanwhile ", None),        # a word behind a parenthesis is no given name
    ("They met\n\n  Quietly ", "Quietly"),       # no sentence ends before it: a name, spaces skipped
    ("They met Steve ", "Steve"),                # a given name inside a sentence
    ("Meanwhile ", None),                        # the sentence's first word (the filler's ends)
    ("“Quietly ", None),                         # nor one behind a quotation mark
])
def test_a_given_name_before_a_family_name_is_read_near_it(before, expected):
    """given_name_before looks at the word before a family name and the mark before that word, in
    a window around it and never in a copy of all the text before it: a paragraph of a hundred
    thousand full names copied the paragraph once for each of them (quadratic; the hostile
    benchmark's paragraph_of_full_names)."""
    from alliance_record.extract.mentions import given_name_before

    filler = "Words go on here without an end. " * 3000  # 99,000 characters before the sentence
    text = _Watched(filler + before + "Koizumi said so.")
    _Watched.slices = []
    got = given_name_before(text, len(filler) + len(before))
    assert max(_Watched.slices, default=0) <= 100
    assert got == expected


def _symbol_citations_by_rescan(text: str, mark: str, before: int) -> int:
    """The first definition of segment.symbol_citations, kept as the reference: a search of a copy
    of all the text before ``before`` (one for each block that opens with a symbol: quadratic)."""
    import re

    return len(re.findall(r"(?<=[\w.,;:!?)”\"’'])" + re.escape(mark) + r"(?![*†‡§‖¶])(?=\s|$)",
                          text[:before], flags=re.M))


_SYMBOL_MARKS = ["*", "**", "***", "†", "††", "†††", "‡", "‡‡", "‡‡‡", "§", "§§", "‖", "‖‖", "¶", "¶¶"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(["a", "Word", ".", ",", ")", "”", "'", " ", "\n", "\n\n", "\t", "-",
                                        *_SYMBOL_MARKS, "*†", "§¶"]), max_size=40),
       mark=st.sampled_from(_SYMBOL_MARKS))
def test_symbol_citations_count_as_a_search_of_the_text_before(pieces, mark):
    """Every way of counting a symbol's citations before a place gives what a search of the copy of
    the text before it gives, at every place (a block's start, inside a run of symbols, a mark cut
    in two, a stop just before the end): with the citations found once for the whole text, or not."""
    from alliance_record.segment import symbol_citation_ends, symbol_citations

    text = "".join(pieces)
    ends = symbol_citation_ends(text, mark)
    for before in range(len(text) + 1):
        expected = _symbol_citations_by_rescan(text, mark, before)
        assert symbol_citations(text, mark, before, ends) == expected, (text, mark, before)
        assert symbol_citations(text, mark, before) == expected, (text, mark, before)


@pytest.mark.parametrize("text, mark, before, expected", [
    ("Agreed.* Then", "*", 8, 1),      # cited, then a space
    ("Agreed.** Then", "*", 8, 1),     # cut after the first of two stars: the copy ends there
    ("Agreed.** Then", "*", 9, 0),     # whole, "**" is another mark
    ("Agreed.** Then", "**", 8, 0),    # half of the mark
    ("Agreed.*x", "*", 8, 1),          # a letter after it, beyond the copy's end
    ("Agreed.*x", "*", 9, 0),
    ("*", "*", 1, 0),                  # nothing glued before it
])
def test_symbol_citations_at_the_end_of_the_text_before(text, mark, before, expected):
    from alliance_record.segment import symbol_citation_ends, symbol_citations

    assert _symbol_citations_by_rescan(text, mark, before) == expected
    assert symbol_citations(text, mark, before, symbol_citation_ends(text, mark)) == expected


@pytest.mark.parametrize("line", ["* A point of the list.\n", "A claim made here.* And more.\n\n"])
def test_segmenting_a_list_of_symbols_copies_the_text_once_not_once_a_line(line):
    """A note marked with a symbol needs the text above to cite that symbol, counted from the
    citations found once in the whole text, not by searching a copy of the text before each block
    that opens with a symbol: 5,000 lines of "* A point of the list." took 4.8 s and 20,000 more
    than 200 s (the hostile benchmark's symbol_list)."""
    import types

    from alliance_record import segment

    text = _Watched("Hostile Input\n\nIntro.\n\n" + line * 1000 + "* A note on it.\n\n" * 3)
    _Watched.slices = []
    seg = segment.segment(types.SimpleNamespace(id="h", text=text, meta={"title": "Hostile Input"}))
    assert sum(_Watched.slices) <= 10 * len(text)
    assert len(seg.notes) == (3 if "here.*" in line else 0)


def _action_subject_by_copy(text, sent_start, pos, gerund_only):
    """The first reading of recommendations._action_subject, kept as the reference: the clause
    before a cue from a copy of the sentence up to it (a sentence of many cues: quadratic)."""
    from alliance_record.extract import recommendations as r

    before = text[sent_start:pos]
    cut = max((m.end() for m in r.CLAUSE_OPENER.finditer(before)), default=0)
    words = r.SUBJECT_WORD.findall(before[cut:])
    if not words or len(words) > r.MAX_SUBJECT_WORDS:
        return False
    first = words[0].lower()
    if first in r.ANAPHORIC:
        return False
    if first.endswith("ing") and len(first) > 4 and first not in r.NOT_GERUNDS:
        return True
    if gerund_only:
        return False
    head = words[-1]
    for k, w in enumerate(words[1:], 1):
        if w.lower() in r.SUBJECT_PREPOSITIONS:
            head = words[k - 1]
            break
    return bool(r.NOMINALISATION.search(head.lower()))


def _clause_initial_by_copy(text, sent_start, pos):
    before = text[sent_start:pos].rstrip()
    return not before.strip("\"'“‘([") or before[-1] in ",;:"


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(["that", "That", "thats", "athat", "that's", "that-", "’", "'", ".", "-",
                                        ",", ";", ":", "—", "(", "[", "“", "\"", " ", "  ", "\t", "\u2003", "\x1c",
                                        "9", "_", "x", "Building", "ports", "of", "the", "making", "this",
                                        "implementation", "is vital", "are critical"]), max_size=40),
       lead=st.sampled_from(["", "a", "x ", ". ", "that"]))
def test_the_clause_before_a_cue_reads_as_a_copy_of_the_sentence_before_it(pieces, lead):
    """What a recommendation cue's tests read before it in its sentence (the clause's first word and
    its head; nothing but opening punctuation) is what they read in a copy of the sentence up to
    the cue, at every place: "that" cut at the cue, a comma, 26 words and more, spaces of every kind."""
    from alliance_record.extract import recommendations as r

    body = "".join(pieces)
    text = lead + body + " and more."
    start, end = len(lead), len(lead) + len(body)
    sentence = r._Sentence(text, start, end)
    for pos in range(start, end + 1):
        for gerund_only in (False, True):
            assert r._action_subject(sentence, pos, gerund_only) == \
                _action_subject_by_copy(text, start, pos, gerund_only), (text, start, pos, gerund_only)
        assert r._clause_initial(sentence, pos) == _clause_initial_by_copy(text, start, pos), (text, start, pos)


@pytest.mark.parametrize("clause", ["building ports is vital, and ", "Should the talks fail and they should act "])
def test_a_sentence_of_many_recommendation_cues_is_not_copied_once_a_cue(clause):
    """The tests of a cue ("is vital", "should") read the clause before it from the openers and
    words found once in the sentence, not from a copy of the sentence up to each cue: one
    sentence of 4,000 "trade is vital, and" took 4.5 s to search for candidates (2,000: 1.2 s)."""
    from alliance_record.extract import recommendations

    text = _Watched(clause * 1000 + "it is over.")
    _Watched.slices = []
    found = recommendations.find_candidates(text, None, [(0, len(text))])
    assert sum(_Watched.slices) <= 10 * len(text)
    assert len(found) == 1


def test_segmenting_notes_between_paragraphs_reads_the_open_note_not_every_note(monkeypatch):
    """A line that reads like a citation goes on the newest note still open; that note is kept at
    hand, not found by reading whether every note so far is open at each block (16,000 notes each
    after its paragraph took 3.8 s, 32,000 12.5 s). Which note takes the line stays the same: one
    closed ("..., 2021.") leaves the line to the one before it that is still open ("... on")."""
    import types

    from alliance_record import segment

    class CountedNote(segment.Note):
        reads = 0

        @property
        def open(self):
            CountedNote.reads += 1
            return self._open

        @open.setter
        def open(self, value):
            self._open = value

    monkeypatch.setattr(segment, "Note", CountedNote)
    text = ("Hostile Input\n\n" + "A claim made here.* And more.\n\n* A note on it.\n\n" * 1000
            + "Its first point.† And more.\n\nHer second point.‡ Then the end.\n\n"
            + "† Ministry of Defence, White Paper on\n\n‡ Harbor Press, Annual Review, 2021.\n\n"
            + "the ministry, Tokyo, accessed 3 March 2025.\n\n")
    seg = segment.segment(types.SimpleNamespace(id="h", text=text, meta={"title": "Hostile Input"}))
    assert CountedNote.reads <= 20 * 2004
    dagger = next(n for n in seg.notes if n.marker == "†")
    assert dagger.body.text(text).endswith("White Paper on the ministry, Tokyo, accessed 3 March 2025.")


def test_a_documents_matches_are_let_go_before_its_mention_rows_are_made(tmp_path, monkeypatch):
    """A long paragraph has a million matches and as many mention rows: the matches of every
    region, the last one's too, are let go as the rows are made, not kept beside them until the
    stage ends (the peak memory of a 10 MB paragraph of names)."""
    import gc

    from alliance_record import bench, pipeline
    from alliance_record.extract import mentions

    alive = []
    real = mentions.summarise

    def counting(*args, **kwargs):  # called once the rows are made, before the stage returns
        alive.append(sum(type(o) is mentions.Match for o in gc.get_objects()))
        return real(*args, **kwargs)

    monkeypatch.setattr(mentions, "summarise", counting)
    seeds = bench.hostile_corpus("paragraph_of_names", 3_000, tmp_path / "seeds")
    result = pipeline.build(seeds, tmp_path / "out.db", cache=False)
    assert result.counts["actor_mentions"] > 100
    assert alive and max(alive) <= 1  # the one the loop over the matches ends on
