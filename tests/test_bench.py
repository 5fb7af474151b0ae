"""The benchmark harness: what it produces, never how fast (speed is measured by `make bench`).

The synthetic corpus must build cleanly, rewrite every id, differ from copy to copy and scale
every per-document table by N without anything merging across copies; the baseline must write
exactly the build's rows; the JSON report must carry its keys; the latency part is run once,
briefly, against a real server.
"""

import json
import re
import shutil
import sqlite3
import textwrap
import xml.etree.ElementTree as ET

import pytest
import yaml
from click.testing import CliRunner

from alliance_record import bench, bibliography, pipeline, schema
from alliance_record.cli import cli
from alliance_record.serve import serve_args
from conftest import METADATA, ROOT, SEEDS, catalog_entry, write_corpus

COPIES = 3
# Tables of the shared registries (copied once) and of names no registry covers (one row per
# spelling across the corpus): they do not grow with the number of copies.
# tables about the registries or summed over the corpus: they do not grow with the copies
SHARED = {"actors", "actor_aliases", "actor_roles", "places", "place_aliases", "unmatched_names",
          "actor_co_mentions", "entity_candidates"}  # names, not occurrences: one row for all copies


def counts(db_path) -> dict:
    conn = sqlite3.connect(db_path)
    try:
        return {t.name: conn.execute(f"select count(*) from [{t.name}]").fetchone()[0] for t in schema.TABLES}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds synthesized three times over, and built."""
    folder = tmp_path_factory.mktemp("synthetic")
    summary = bench.synthesize(SEEDS, folder / "seeds", COPIES)
    result = pipeline.build(folder / "seeds", folder / "alliance.db")
    return folder / "seeds", folder / "alliance.db", summary, result


def test_the_synthetic_corpus_builds_cleanly(corpus):
    seeds, db, summary, result = corpus
    assert summary["documents"] == 5 * COPIES == result.counts["documents"]
    assert sorted(p.name for p in seeds.glob("*.yml")) == sorted(p.name for p in SEEDS.glob("*.yml"))
    for name in ("actors.yml", "places.yml", "unmatched_ignore.yml"):  # shared, copied unchanged
        assert (seeds / name).read_bytes() == (SEEDS / name).read_bytes()
    assert len(summary["year_shifts"]) == COPIES  # 0 for the seeds and one shift per copy


def test_ids_are_unique_and_rewritten_everywhere(corpus):
    seeds, db, _, _ = corpus
    entries = yaml.safe_load((seeds / "catalog.yml").read_text())["documents"]
    original = {e["id"] for e in yaml.safe_load((SEEDS / "catalog.yml").read_text())["documents"]}
    ids = [e["id"] for e in entries]
    assert len(set(ids)) == len(ids) == 5 * COPIES
    assert len({e["file"] for e in entries}) == len(entries)
    assert set(ids) == original | {f"{i}-c{k}" for i in original for k in range(1, COPIES)}
    for path in (seeds / "annotations").glob("c*_*.yml"):
        k = int(re.match(r"c(\d+)_", path.name).group(1))
        data = yaml.safe_load(path.read_text())
        refs = [ev.get("id") or ev.get("ref") for ev in data.get("events") or []]
        refs += [item["relative_to"] for ev in data.get("events") or [] for item in ev.get("evidence") or []
                 if "relative_to" in item]
        refs += [link[key] for link in data.get("links") or [] for key in ("event", "related")]
        refs += [rec["id"] for rec in data.get("recommendations") or []]
        assert refs and all(r.endswith(f"-c{k}") for r in refs), path.name
    conn = sqlite3.connect(db)
    events = [r[0] for r in conn.execute("select id from events")]
    seed_events = {e for e in events if not re.search(r"-c\d+$", e)}
    assert sorted(events) == sorted(seed_events | {f"{e}-c{k}" for e in seed_events for k in range(1, COPIES)})
    # every report in copy k is about copy k's events, and counts from them
    for row in conn.execute("select document_id, event_id, relative_to_event_id from event_sources"):
        assert {copy_of(v) for v in row if v is not None} == {copy_of(row[0])}, row
    for row in conn.execute("select event_id, related_event_id from event_links"):
        assert copy_of(row[0]) == copy_of(row[1]), row
    conn.close()


def copy_of(identifier: str) -> int:
    m = re.search(r"-c(\d+)$", identifier)
    return int(m.group(1)) if m else 0


def test_copies_differ_from_each_other(corpus):
    seeds, _, _, _ = corpus
    for stem in (p.stem for p in SEEDS.glob("*.txt")):
        texts = [(seeds / bench.copy_stem(stem, k)).with_suffix(".txt").read_bytes() for k in range(COPIES)]
        assert texts[0] == (SEEDS / f"{stem}.txt").read_bytes()  # copy 0 is the seeds
        assert len(set(texts)) == COPIES, stem


def test_nothing_collapses(corpus, seeds_db):
    _, db, _, result = corpus
    one, many = counts(seeds_db), counts(db)
    assert many == result.counts | {t: 0 for t in many if t not in result.counts}
    for table in SHARED:
        assert many[table] >= one[table]
    for table, n in one.items():
        if table in SHARED:
            continue
        # works (merged by DOI, URL or title) and events (one row per id) exactly; the rest within 1 %
        slack = 0 if table in ("works", "events", "documents", "work_authors") else max(2, n * COPIES // 100)
        assert abs(many[table] - COPIES * n) <= slack, (table, n, many[table])
    conn = sqlite3.connect(db)
    titles = conn.execute("select count(distinct title), count(*) from works where title is not null").fetchone()
    assert titles[0] == titles[1]
    conn.close()


def test_the_baseline_writes_exactly_the_rows_of_the_build(corpus, tmp_path):
    _, db, _, result = corpus
    floor = bench.baseline(db, tmp_path)
    assert floor["baseline_rows"] == {t: n for t, n in result.counts.items() if n}
    assert floor["baseline_seconds"] > 0
    conn = sqlite3.connect(tmp_path / "baseline.db")
    assert not conn.execute("select name from sqlite_master where type = 'index' and sql is not null").fetchall()
    assert not conn.execute("select name from sqlite_master where name like '%_fts%'").fetchall()
    conn.close()


def test_a_seeds_folder_without_annotations(tmp_path):
    seeds = shutil.copytree(SEEDS, tmp_path / "seeds", ignore=shutil.ignore_patterns("annotations"))
    summary = bench.synthesize(seeds, tmp_path / "copies", 2)
    assert not (tmp_path / "copies" / "annotations").exists()
    result = pipeline.build(tmp_path / "copies", tmp_path / "alliance.db")
    assert result.counts["documents"] == summary["documents"] == 10
    assert result.counts.get("events", 0) == 0


TOY = """\
    Allies Meet Again

    Officials met in Tokyo on March 3, 2024, to review joint plans. The day prior, Alice Example arrived in Tokyo.

    “The alliance must grow stronger,” Alice Example said. The budget rose by 7.2% compared with 2023, to 352 aircraft.

    Japan should expand joint exercises with the United States by 2027. Both sides should consider new ideas.

    Officials met again on March 5, 2024. Officials met again on March 5, 2024.
    """
TOY_ANNOTATIONS = """\
    events:
      - id: officials-meet-2024-03-03
        summary: Officials meet in Tokyo.
        event_type: meeting
        places: [tokyo]
        evidence:
          - quote: "Officials met in Tokyo on March 3, 2024, to review joint plans."
            date: "March 3, 2024"
      - id: alice-arrives
        summary: Alice Example arrives in Tokyo.
        event_type: visit
        actors:
          - {id: alice-example, role: initiator}
        evidence:
          - quote: "The day prior, Alice Example arrived in Tokyo."
            date: "The day prior"
            relative_to: officials-meet-2024-03-03
      - id: officials-meet-again
        summary: Officials meet again.
        event_type: meeting
        evidence:
          - quote: "Officials met again on March 5, 2024."
            prefix: "March 5, 2024. "
            date: "March 5, 2024"
    links:
      - {event: alice-arrives, relation: precedes, related: officials-meet-2024-03-03}
    recommendations:
      - id: expand-exercises
        quote: "Japan should expand joint exercises with the United States by 2027."
        summary: Expand joint exercises.
        author: alice-example
        addressees: [japan]
        theme: interoperability
        strength: should
    rejected_candidates:
      - sentence: "Both sides should consider"
        reason: too vague
    quotations:
      - quote: "The alliance must grow stronger"
        speaker: alice-example
    quantities:
      - quote: "352 aircraft"
        subject: japan
    """


def test_every_kind_of_curated_string_follows_its_copy(tmp_path):
    """Quotes, prefixes, date phrases, overrides and rejected candidates are re-quoted from the
    same offsets as the text, so every copy builds with the same curated rows, dates shifted."""
    entry = catalog_entry("doc_a", title="Allies Meet Again", published="2024-03", published_precision="month",
                          published_earliest="2024-03-04", published_latest="2024-03-08",
                          url="https://example.org/news/allies-meet")
    seeds = write_corpus(
        tmp_path / "seeds", {"doc_a": TOY}, [entry],
        **{"actors.yml": """\
            actors:
              - {id: alice-example, name: Alice Example, type: person, country: JP}
              - {id: japan, name: Japan, type: state, country: JP}
              - {id: united-states, name: United States, type: state, country: US}
            """,
           "places.yml": """\
            places:
              - {id: tokyo, name: Tokyo, type: city, latitude: 35.68, longitude: 139.69, geo_precision: point}
            """})
    (seeds / "annotations").mkdir()
    (seeds / "annotations" / "doc_a.yml").write_text(textwrap.dedent(TOY_ANNOTATIONS), encoding="utf-8")
    bench.synthesize(seeds, tmp_path / "copies", 3)
    pipeline.build(tmp_path / "copies", tmp_path / "alliance.db")
    conn = sqlite3.connect(tmp_path / "alliance.db")
    shifts = dict(conn.execute("select id, date_start from events"))
    for k in (1, 2):
        shift = int(shifts[f"officials-meet-2024-03-03-c{k}"][:4]) - 2024
        assert shift and shift % 28 == 0  # weekdays repeat every 28 years
        for base in ("officials-meet-2024-03-03", "alice-arrives", "officials-meet-again"):
            assert shifts[f"{base}-c{k}"] == f"{int(shifts[base][:4]) + shift}{shifts[base][4:]}"
    assert conn.execute("select count(*) from recommendations").fetchone()[0] == 3
    assert [r[0] for r in conn.execute("select distinct status from recommendation_candidates "
                                       "where sentence like 'Both sides%'")] == ["rejected"]
    assert conn.execute("select count(*) from quotations where attribution = 'curated'").fetchone()[0] == 3
    aircraft = sorted(r[0] for r in conn.execute("select quote from quantities where subject_id = 'japan'"))
    assert len(set(aircraft)) == 3 and "352 aircraft" in aircraft
    urls = {r[0] for r in conn.execute("select url from documents")}
    assert len(urls) == 3 and all(u.startswith("https://example.org/") for u in urls)
    conn.close()


def test_edits_and_tags():
    text = "In 2019–21 and on Dec. 10, 2025 it cost $8.7 billion; see https://www.rand.org/pubs/x and doi:10.1057/97802"
    edits = bench.string_edits(text)
    copy = bench.render(text, edits, 1, 28, 1)
    assert "In 2047–49 and on Dec. 10, 2053" in copy and "https://www.rand.org/c1/pubs/x" in copy
    assert "doi:10.1057/c1-97802" in copy
    assert bench.render(text, edits, 0, 0, 0) == text
    assert bench.year_shifts([1895, 2026], [2025, 2026]) == [28, -28, 56, -56, -84, -112]
    for k in range(1, 40):
        assert bench.perturb_number("352", k) != "352" and bench.perturb_number("7", k) not in ("7", "0")
    tags = {k: bench.title_tag(k, 1) for k in range(1, 9000)}
    assert len(set(tags.values())) == len(tags)
    # titles that differ only by their copy words are never taken for romanised spellings of one
    # work (the rule compares words with the same first letter, long vowels folded)
    by_letter: dict = {}
    for k in range(1, 1200):
        by_letter.setdefault(tags[k][0], []).append(tags[k])
    for same in by_letter.values():
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                assert not bibliography.titles_close(f"one two three {a}", f"one two three {b}"), (a, b)


def test_bench_json_without_serving(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(cli, ["bench", "--copies", "1", "--json", "--no-serve", "--out", str(out),
                                      "--chart", str(tmp_path / "bench.svg")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("copies", "build_seconds", "cpu_seconds", "baseline_seconds", "ratio", "peak_rss_mb", "stages",
                "rows", "db_bytes", "text_bytes", "latency_ms", "machine"):
        assert key in data, key
    assert data["copies"] == 1 and data["latency_ms"] == {} and data["baseline_rows_match"]
    assert data["rows"]["documents"] == 5 and data["peak_rss_mb"] > 0
    assert {"segment", "load", "index"} <= set(data["stages"])
    assert {"cores", "python"} <= set(data["machine"])
    refs = data["references"]  # the reference parser's speed (figures are make bench's, not a test's)
    assert refs["references"] == 2000 and all(refs[k] > 0 for k in (
        "first_pass_per_second", "again_per_second", "one_call_each_per_second"))
    assert json.loads(out.read_text())["1"]["copies"] == 1
    ET.parse(tmp_path / "bench.svg")  # well-formed SVG


def test_latency_of_a_served_database(seeds_db, tmp_path):
    """Starts a real `datasette serve -i` (a few seconds): a canned query, a table, a search."""
    db = tmp_path / "alliance.db"
    shutil.copyfile(seeds_db, db)
    urls = ["/alliance/search_paragraphs?q=Senkaku", "/alliance/works", "/alliance/paragraphs?_search=Senkaku"]
    measured = bench.measure_latency(db, METADATA, urls=urls, requests=2, settings=[("suggest_facets", "off")])
    assert set(measured["latency_ms"]) == set(urls)
    assert measured["serve"]["settings"] == " ".join(serve_args()) + " --setting suggest_facets off"
    for v in measured["latency_ms"].values():
        assert v["status"] == 200 and v["n"] == 2 and 0 < v["p50"] <= v["p95"] <= v["max"]
    assert (tmp_path / "inspect.json").exists()


def test_every_canned_query_table_and_a_search_are_timed():
    metadata = yaml.safe_load(METADATA.read_text())
    urls = bench.bench_urls(metadata)
    queries = metadata["databases"]["alliance"]["queries"]
    for name, query in queries.items():
        assert any(u.split("?")[0] == f"/alliance/{name}" for u in urls), name
        for key in query.get("example") or {}:
            assert any(u.startswith(f"/alliance/{name}?") and f"{key}=" in u for u in urls), (name, key)
    assert {f"/alliance/{t.name}" for t in schema.TABLES} <= set(urls)
    assert "/alliance/paragraphs?_search=Senkaku" in urls


def test_the_benchmark_serves_as_make_serve_does():
    makefile = (ROOT / "Makefile").read_text()
    assert "$$($(BIN)/alliance-record serve-args)" in makefile  # make serve takes serve.SETTINGS
    assert "serve_args()" in (ROOT / "src" / "alliance_record" / "bench.py").read_text()


def test_the_profile_counts_cpu_seconds_not_the_neighbours_wall_clock(tmp_path, monkeypatch, capsys):
    """`bench --profile` ranks the build's own CPU time: a build that waits (here a sleep, as a
    build waits on a loaded machine) shows almost none of the wait in its profile."""
    import pstats
    import time
    from types import SimpleNamespace

    def waiting_build(seeds_dir, out):
        time.sleep(0.4)
        return SimpleNamespace(stages={}, phases={}, workers=0, counts={}, unmatched=0,
                               incremental=False, rebuilt=[])

    monkeypatch.setattr(pipeline, "build", waiting_build)
    prof = tmp_path / "build.prof"
    bench._child_build("seeds", str(tmp_path / "a.db"), str(prof))
    assert json.loads(capsys.readouterr().out)["workers"] == 0
    assert pstats.Stats(str(prof)).total_tt < 0.2
