"""`make serve` for real: uvicorn's worker processes serving alliance_record.asgi on one port.

Two workers are started as `make serve` starts them (`alliance-record serve`, tests/serving.py)
and compared page by page with plain `datasette serve -i` (`make serve-datasette`) on the same
database: every plugin (this package's templates and hooks, the cluster map, search-all, the
dashboards, the static files) must answer the same. Speed is `make loadtest`'s business, never a
test's.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx
import pytest
import yaml

from alliance_record import asgi, serve
from conftest import METADATA
from serving import UNHURRIED, datasette_serve, process_tree

WORKERS = 2


@pytest.fixture(scope="module")
def inspect_file(seeds_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("inspect") / "inspect.json"
    subprocess.run([sys.executable, "-m", "datasette", "inspect", str(seeds_db), "--inspect-file", str(path)],
                   check=True)
    return path


@pytest.fixture(scope="module")
def workers(seeds_db, inspect_file):
    process = []
    with datasette_serve(seeds_db, METADATA, inspect_file, workers=WORKERS, process=process,
                         settings=UNHURRIED) as base:
        yield base, process[0]


@pytest.fixture(scope="module")
def single(seeds_db, inspect_file):
    with datasette_serve(seeds_db, METADATA, inspect_file, workers=None, settings=UNHURRIED) as base:
        yield base


def pages(db_path) -> list:
    """Home, the database, a table with facets, a row page of each entity kind, a document page,
    canned queries with their examples, search, search-all, the dashboard, the map's table, CSV
    and JSON, static files."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    queries = yaml.safe_load(METADATA.read_text())["databases"]["alliance"]["queries"]
    out = ["/", "/alliance", "/alliance/events", "/alliance/places", "/alliance/events?_facet=event_type",
           "/alliance/paragraphs?_search=Senkaku", "/-/search?q=Taiwan", "/-/dashboards/overview",
           "/alliance/works.json?_size=5", "/alliance/actors.csv?_size=5",
           "/-/static-plugins/alliance_record/site.css", "/-/static/app.css"]
    for table in ("documents", "events", "actors", "places", "quotations", "recommendations", "works"):
        (pk,) = conn.execute(f"select id from [{table}] order by id limit 1").fetchone()
        out.append(f"/alliance/{table}/{quote(str(pk), safe='')}")
    for name in ("search_paragraphs", "search_text", "actor_profile", "co_mentions", "places_in_document"):
        out.append(f"/alliance/{name}?" + urlencode(queries[name].get("example") or {}))
    return out


def same(text: str, base: str) -> str:
    """A page with what differs between two servers of the same data taken out: the base URL
    (another port) and how long the queries took."""
    text = re.sub(r"Queries? took [0-9.]+ ?ms", "Queries took", text.replace(base, "BASE"))
    return re.sub(r'"query_ms": [0-9.e-]+', '"query_ms": 0', text)


def listening_socket(port: int) -> str:
    """The inode of the socket listening on 127.0.0.1:``port`` (/proc/net/tcp), as a file link reads."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1] == f"0100007F:{port:04X}" and fields[3] == "0A":
            return f"socket:[{fields[9]}]"
    raise AssertionError(f"nothing listens on port {port}")


def open_files(pid: int) -> set:
    """What the process's file descriptors point to (one closed meanwhile is left out)."""
    out = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            out.add(str(fd.readlink()))
        except FileNotFoundError:
            pass
    return out


def test_make_serve_runs_the_workers_on_one_port(workers):
    base, supervisor = workers
    tree = process_tree(supervisor.pid)
    commands = {pid: Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ") for pid in tree}
    assert b"uvicorn alliance_record.asgi:app --workers 2" in commands[supervisor.pid]
    worker_pids = [pid for pid, c in commands.items() if b"spawn_main" in c]
    assert len(worker_pids) == WORKERS
    listening = listening_socket(int(base.rsplit(":", 1)[1]))
    assert all(listening in open_files(pid) for pid in worker_pids)  # one socket, accepted on by each


def test_both_servers_take_the_settings_they_are_given(workers, single):
    for base in (workers[0], single):
        served = httpx.get(base + "/-/settings.json", timeout=30).json()
        assert {name: served[name] for name in UNHURRIED} == UNHURRIED, base
        assert served["sql_time_limit_ms"] == serve.datasette_settings()["sql_time_limit_ms"], base


def test_every_page_is_the_same_as_datasette_serve_gives(workers, single, seeds_db):
    base = workers[0]
    with httpx.Client(base_url=base, timeout=30) as client, httpx.Client(base_url=single, timeout=30) as plain:
        for path in pages(seeds_db):
            mine, theirs = client.get(path), plain.get(path)
            assert (mine.status_code, path) == (200, path)
            assert theirs.status_code == 200, path
            assert same(mine.text, base) == same(theirs.text, single), path
            for header in ("content-type", "cache-control", "vary", "referrer-policy"):
                assert mine.headers.get(header) == theirs.headers.get(header), (path, header)


def test_pages_every_visitor_asks_for_come_from_the_cache_the_second_time(workers, seeds_db):
    with httpx.Client(base_url=workers[0], timeout=30) as client:  # one connection: one worker
        for path in pages(seeds_db):
            first, second = client.get(path), client.get(path)
            assert first.headers["cache-control"] == "public, max-age=3600, immutable", path
            assert second.headers["x-cache"] == "hit", path
            assert same(second.text, "") == same(first.text, ""), path


def test_the_download_is_the_database_itself(workers, seeds_db):
    response = httpx.get(workers[0] + "/alliance.db", timeout=30)
    assert response.status_code == 200 and response.content == Path(seeds_db).read_bytes()
    assert response.headers["cache-control"] == "public, max-age=3600, immutable" and response.headers["etag"]
    again = httpx.get(workers[0] + "/alliance.db", headers={"if-none-match": response.headers["etag"]})
    assert again.status_code == 304


def test_visitors_mistakes_are_4xx_and_never_kept(workers):
    base = workers[0]
    with httpx.Client(base_url=base, timeout=30) as client:
        for _ in range(2):
            assert client.get("/alliance/no_such_table").status_code == 404
            assert client.get("/alliance/events?_sort=no_such_column").status_code == 400
            assert client.post("/alliance/events").status_code == 405
            assert client.get("/alliance/no_such_table").headers["x-cache"] == "miss"


def test_a_visitor_with_a_cookie_is_answered_privately(workers):
    with httpx.Client(base_url=workers[0], timeout=30) as client:
        client.get("/alliance/events")
        mine = client.get("/alliance/events", headers={"cookie": "ds_actor=someone"})
    assert mine.headers["cache-control"] == "private, no-store" and "x-cache" not in mine.headers


def test_the_app_is_built_as_datasette_serve_builds_it(seeds_db, inspect_file, monkeypatch):
    monkeypatch.setenv(asgi.ENV_DB, str(seeds_db))
    monkeypatch.setenv(asgi.ENV_METADATA, str(METADATA))
    monkeypatch.setenv(asgi.ENV_INSPECT, str(inspect_file))
    monkeypatch.setenv(asgi.ENV_SECRET, "one secret for every worker")
    ds = asgi.datasette_instance()
    db = ds.get_database("alliance")
    assert not db.is_mutable and Path(db.path) == Path(seeds_db)
    assert {name: ds.setting(name) for name in serve.datasette_settings()} == serve.datasette_settings()
    assert ds.setting("suggest_facets") is False and ds.setting("sql_time_limit_ms") == 1000
    assert ds.metadata("title") == yaml.safe_load(METADATA.read_text()).get("title")
    assert db.cached_table_counts and ds._secret == "one secret for every worker"
    assert {"alliance-record", "datasette-cluster-map", "datasette-search-all", "datasette-dashboards"} <= \
        {p["name"] for p in ds._plugins()}


def test_settings_from_the_environment_go_over_the_packages(seeds_db, monkeypatch):
    monkeypatch.setenv(asgi.ENV_DB, str(seeds_db))
    monkeypatch.setenv(asgi.ENV_METADATA, str(METADATA))
    monkeypatch.setenv(asgi.ENV_SETTINGS, '{"facet_time_limit_ms": "1500", "suggest_facets": "on"}')
    ds = asgi.datasette_instance()
    assert ds.setting("facet_time_limit_ms") == 1500 and ds.setting("suggest_facets") is True
    assert ds.setting("sql_time_limit_ms") == serve.datasette_settings()["sql_time_limit_ms"]
    monkeypatch.setenv(asgi.ENV_SETTINGS, '{"no_such_setting": 1}')
    with pytest.raises(ValueError, match="no_such_setting"):
        asgi.datasette_instance()


def test_a_missing_database_stops_the_app_at_once(tmp_path, monkeypatch):
    monkeypatch.setenv(asgi.ENV_DB, str(tmp_path / "missing.db"))
    with pytest.raises(FileNotFoundError, match="missing.db"):
        asgi.create_app()


def test_a_warm_up_bound_that_is_no_number_is_the_default_not_a_failed_start(caplog):
    """review8_whole 2: ALLIANCE_WARM_SECONDS=10s raised in every worker; now a warning and the
    default bound."""
    from alliance_record import asgi

    assert asgi.warm_seconds_from("10s") == asgi.WARM_SECONDS
    assert "no number" in caplog.text
    assert asgi.warm_seconds_from("2.5") == 2.5 and asgi.warm_seconds_from(None) == asgi.WARM_SECONDS
