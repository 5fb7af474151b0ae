"""Incremental builds reuse the last build's work and write the same file as a clean build."""

from __future__ import annotations

import hashlib
import shutil

import pytest
import yaml
from click.testing import CliRunner

from alliance_record import incremental, pipeline
from alliance_record.cli import cli
from conftest import SEEDS


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def corpus(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    return seeds


def same_as_clean(seeds, out, tmp_path) -> bool:
    clean = tmp_path / "clean" / "alliance.db"
    pipeline.build(seeds, clean, cache=False)
    return digest(out) == digest(clean)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_each_kind_of_change_rebuilds_to_the_clean_file(corpus, tmp_path):
    out = tmp_path / "build" / "alliance.db"
    first = pipeline.build(corpus, out)
    assert not first.incremental and first.incremental_reason == "no usable cache"
    assert (incremental.cache_dir(out) / "manifest.json").exists()

    # one annotation file: only that document again, only the tables whose rows differ
    edit(corpus / "annotations" / "000_0428a4e87a9d7231.yml", "The United States establishes",
         "Washington establishes")
    r = pipeline.build(corpus, out)
    assert r.incremental and r.rebuilt["documents"] == 1 and r.rebuilt["tables"] == ["events"]
    assert same_as_clean(corpus, out, tmp_path)

    # a word of one text: its paragraphs, mentions and offsets move
    edit(corpus / "002_9ff8a30773218a0b.txt", " the ", " the the ")
    r = pipeline.build(corpus, out)
    assert r.incremental and "paragraphs" in r.rebuilt["tables"]
    assert same_as_clean(corpus, out, tmp_path)

    # a document added in the middle of the catalogue, then removed again
    catalog = yaml.safe_load((corpus / "catalog.yml").read_text(encoding="utf-8"))
    entry = dict(catalog["documents"][1], file="001b_extra.txt", id="extra-document")
    (corpus / "001b_extra.txt").write_text("An Extra Page\n\nJapan and the Philippines held talks in Manila "
                                           "on March 3, 2025, the Ministry of Defense said.\n", encoding="utf-8")
    catalog["documents"].insert(2, entry)
    (corpus / "catalog.yml").write_text(yaml.safe_dump(catalog, sort_keys=False, allow_unicode=True), encoding="utf-8")
    r = pipeline.build(corpus, out)
    assert r.incremental and r.rebuilt["documents"] == 1 and "documents" in r.rebuilt["tables"]
    assert same_as_clean(corpus, out, tmp_path)
    catalog["documents"].pop(2)
    (corpus / "001b_extra.txt").unlink()
    (corpus / "catalog.yml").write_text(yaml.safe_dump(catalog, sort_keys=False, allow_unicode=True), encoding="utf-8")
    r = pipeline.build(corpus, out)
    assert r.incremental and r.rebuilt["removed"] == 1
    assert same_as_clean(corpus, out, tmp_path)

    # a registry: every document depends on it, so the build is clean (and says why)
    edit(corpus / "places.yml", "latitude: 35.", "latitude: 36.")
    r = pipeline.build(corpus, out)
    assert not r.incremental and "documents changed" in r.incremental_reason
    assert same_as_clean(corpus, out, tmp_path)


def test_only_the_rows_that_changed_are_written_again(corpus, tmp_path):
    """An edit that changes some rows of a table but not how many (a summary, an id) replaces
    those rows in place; an edit that adds or removes rows writes the table again from the first
    row that differs, not from its first row. Each time the file is the clean build's."""
    out = tmp_path / "build" / "alliance.db"
    pipeline.build(corpus, out)
    events = pipeline.build(corpus, tmp_path / "count.db", cache=False).counts["events"]
    path = corpus / "annotations" / "000_0428a4e87a9d7231.yml"

    # one summary: one row of events in place (the same rowids); its full-text index made again
    edit(path, "The United States establishes", "Washington establishes")
    r = pipeline.build(corpus, out)
    assert r.incremental and r.rebuilt["updated"] == {"events": 1} and r.rebuilt["rewritten"] == {}
    assert same_as_clean(corpus, out, tmp_path)

    # an id that sorts after the others of the same month: the events' rows change places, so
    # they are written again from there (in place, two rows would hold one key for a moment)
    edit(path, "id: koizumi-inspects-us-submarine-yokosuka-2025-12", "id: zz-koizumi-inspects-us-submarine-2025-12")
    r = pipeline.build(corpus, out)
    assert r.incremental and "events" in r.rebuilt["rewritten"]
    assert same_as_clean(corpus, out, tmp_path)

    # an event removed (with its link): fewer rows, written again from the first that moved
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    gone = data["events"].pop(next(i for i, ev in enumerate(data["events"])
                                   if ev.get("id") == "usfj-jjoc-liaison-department-established"))
    data["links"] = [link for link in data.get("links") or [] if gone["id"] not in (link["event"], link["related"])]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    r = pipeline.build(corpus, out)
    assert r.incremental and 1 < r.rebuilt["rewritten"]["events"] <= events
    assert same_as_clean(corpus, out, tmp_path)


def test_rows_updated_in_place_are_reported_as_updated(corpus, tmp_path):
    """The build's report and the benchmark's say which tables had rows updated in place and
    which were written again from a row on: a summary edited rewrites nothing."""
    from alliance_record import bench

    out = tmp_path / "alliance.db"
    pipeline.build(corpus, out)
    edit(corpus / "annotations" / "000_0428a4e87a9d7231.yml", "The United States establishes",
         "Washington establishes")
    res = CliRunner().invoke(cli, ["build", "--seeds", str(corpus), "--out", str(out)])
    assert res.exit_code == 0, res.output
    line = next(line for line in res.output.splitlines() if line.startswith("Incremental:"))
    assert "events: 1 row updated" in line and "rewritten" not in line
    edit(corpus / "annotations" / "000_0428a4e87a9d7231.yml", "Washington establishes", "Washington sets up")
    rebuilt = pipeline.build(corpus, out).rebuilt
    report = bench.format_report({
        "copies": 1, "documents": 5, "machine": {"cores": 2, "python": "3"}, "build_seconds": 1.0,
        "cpu_seconds": 1.0, "peak_rss_mb": 1.0, "baseline_seconds": 1.0, "ratio": 1.0, "db_bytes": 1,
        "text_bytes": 1, "db_to_text": 1.0, "baseline_db_bytes": 1, "phases": {}, "stages_other_seconds": 0.0,
        "stages": {}, "rows": {}, "rows_total": 0, "rebuild": {"build_seconds": 1.0, "incremental": True, "rebuilt": rebuilt}})
    line = next(line for line in report.splitlines() if "rebuild" in line)
    assert "events: 1 row updated" in line and "rewritten" not in line
    # rows added: the table is written again from its first row that differs, and said so
    text = corpus / "002_9ff8a30773218a0b.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n\nThe minister said Japan would act.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["build", "--seeds", str(corpus), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "paragraphs: rewritten from row " in res.output


def test_nothing_changed_writes_nothing(corpus, tmp_path):
    out = tmp_path / "alliance.db"
    pipeline.build(corpus, out)
    stamp = out.stat().st_mtime_ns
    r = pipeline.build(corpus, out)
    assert r.incremental and r.rebuilt == {} and out.stat().st_mtime_ns == stamp
    res = CliRunner().invoke(cli, ["build", "--seeds", str(corpus), "--out", str(out)])
    assert res.exit_code == 0 and "up to date" in res.output
    out.unlink()  # the output gone: written again from the cache
    r = pipeline.build(corpus, out)
    assert r.incremental and out.exists() and same_as_clean(corpus, out, tmp_path)


def test_other_code_means_a_clean_build(corpus, tmp_path, monkeypatch):
    out = tmp_path / "alliance.db"
    pipeline.build(corpus, out)
    monkeypatch.setattr(incremental, "code_digest", lambda extra="": "another version")
    r = pipeline.build(corpus, out)
    assert not r.incremental and r.incremental_reason == "the code changed"


def test_other_code_parses_every_yaml_file_again(corpus, tmp_path, monkeypatch):
    """The parses kept beside the output are other code's too: what an older ``yamlio`` made of
    the same bytes is not reused once the package changed (it was, under a hand-kept number)."""
    from alliance_record import yamlio

    out = tmp_path / "alliance.db"
    pipeline.build(corpus, out)
    parsed = []
    real = yamlio.loads_yaml
    monkeypatch.setattr(yamlio, "loads_yaml", lambda text, name: parsed.append(name) or real(text, name))
    pipeline.build(corpus, out)
    assert parsed == []  # the same code: every parse reused
    monkeypatch.setattr(incremental, "code_digest", lambda extra="": "another version")
    pipeline.build(corpus, out)
    files = {name.replace("\\", "/").rsplit("/", 1)[-1] for name in parsed}
    assert {"catalog.yml", "actors.yml", "places.yml"} <= files
    assert len(parsed) == len(set(parsed)) >= 3 + len(list((corpus / "annotations").glob("*.yml")))


@pytest.mark.parametrize("when", ["before writing", "after a partial write"])
def test_a_build_that_dies_while_updating_leaves_no_cache_to_trust(corpus, tmp_path, monkeypatch, when):
    """Interrupted before a row is written, or SQLite failing after rows were written again in
    part (a full disk; without a journal nothing undoes them): the output is as it was, and no
    cache is left to trust, so the next build is clean."""
    import sqlite3

    out = tmp_path / "alliance.db"
    pipeline.build(corpus, out)
    before = digest(out)
    edit(corpus / "annotations" / "000_0428a4e87a9d7231.yml", "The United States establishes",
         "Washington establishes")
    if when == "before writing":
        error = KeyboardInterrupt

        def dies(*args, **kwargs):
            raise KeyboardInterrupt

        monkeypatch.setattr(incremental, "_rewrite", dies)  # rows written again from a point on
        monkeypatch.setattr(incremental, "_update", dies)   # rows replaced in place
    else:
        error = sqlite3.OperationalError
        text = corpus / "002_9ff8a30773218a0b.txt"  # a paragraph added: tables written again from there
        text.write_text(text.read_text(encoding="utf-8") + "\n\nThe minister said Japan would act.\n",
                        encoding="utf-8")
        real, written = incremental._rewrite, []

        def dies(*args, **kwargs):
            real(*args, **kwargs)
            written.append(args[1])
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(incremental, "_rewrite", dies)
    with pytest.raises(error):
        pipeline.build(corpus, out)
    assert when == "before writing" or written  # the real rows were written before it failed
    assert digest(out) == before  # the output untouched
    assert not (incremental.cache_dir(out) / "manifest.json").exists()
    monkeypatch.undo()
    r = pipeline.build(corpus, out)
    assert not r.incremental and r.incremental_reason == "no usable cache"
    assert same_as_clean(corpus, out, tmp_path)


def test_the_cache_is_durable_in_order_across_a_power_loss(corpus, tmp_path, monkeypatch):
    """Without a journal, the work database is overwritten in place: the manifest's removal must
    be on disk (the cache folder synced) before the first row changes, and the work database and
    records on disk before a new manifest vouches for them."""
    import os

    out = tmp_path / "build" / "alliance.db"
    pipeline.build(corpus, out)
    folder = incremental.cache_dir(out).resolve()
    edit(corpus / "annotations" / "000_0428a4e87a9d7231.yml", "The United States establishes",
         "Washington establishes")
    events = []
    real_fsync = os.fsync

    def fsync(fd):
        events.append(("sync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def noting(name, what):
        real = getattr(incremental, name)
        monkeypatch.setattr(incremental, name, lambda *a, **k: events.append((what, name)) or real(*a, **k))

    monkeypatch.setattr(os, "fsync", fsync)
    noting("_update", "write")
    noting("_rewrite", "write")
    noting("write_manifest", "manifest")
    r = pipeline.build(corpus, out)
    assert r.incremental and r.rebuilt["updated"] == {"events": 1}
    first_write = next(i for i, e in enumerate(events) if e[0] == "write")
    manifest = events.index(("manifest", "write_manifest"))
    synced = {path: i for i, (what, path) in enumerate(events) if what == "sync"}
    assert synced.get(str(folder), len(events)) < first_write  # the manifest's removal, before
    for name in ("work.db", "records.db"):  # what the manifest vouches for, before it
        assert first_write < synced.get(str(folder / name), len(events)) < manifest
    assert same_as_clean(corpus, out, tmp_path)


def test_no_cache_keeps_nothing_beside_the_output(corpus, tmp_path):
    out = tmp_path / "alliance.db"
    res = CliRunner().invoke(cli, ["build", "--seeds", str(corpus), "--out", str(out), "--no-cache"])
    assert res.exit_code == 0, res.output
    assert not incremental.cache_dir(out).exists()


def test_canonical_state_ignores_the_order_sets_and_dicts_were_filled_in():
    a = {"x": {3, 1, 2}, "y": {"b": 1, "a": [1, {2}]}}
    b = {"y": {"a": [1, {2}], "b": 1}, "x": {2, 3, 1}}
    assert incremental.canonical(a) == incremental.canonical(b)
    assert incremental.canonical(a) != incremental.canonical({"x": {1, 2}, "y": {"a": [1, {2}], "b": 1}})
