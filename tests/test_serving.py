"""Serving safely: the `make serve` command, runaway queries, oversized values, canned-query parameters.

The runaway tests start a real `datasette serve -i` with the package's settings (tests/serving.py),
because the time limit is enforced by the server's SQL threads, not by the in-process client.
"""

from __future__ import annotations

import copy
import json
import re
import time
from urllib.parse import urlencode

import httpx
import pytest
import yaml
from click.testing import CliRunner

from alliance_record import serve
from alliance_record.cli import cli
from conftest import METADATA, ROOT
from serving import UNHURRIED, datasette_serve

RUNAWAY_CTE = "with recursive c(x) as (select 1 union all select x+1 from c) select count(*) from c"
SETTINGS = dict(serve.SETTINGS)


def queries() -> dict:
    return yaml.safe_load(METADATA.read_text())["databases"]["alliance"]["queries"]


# --- the serve command ----------------------------------------------------------------------------

def recipe(target: str) -> str:
    makefile = (ROOT / "Makefile").read_text()
    return re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.M).group(1).replace("\\\n", " ")


def test_make_serve_is_immutable_on_loopback_with_the_packaged_settings():
    # uvicorn's workers (alliance_record.asgi builds the app as datasette serve -i with serve.SETTINGS)
    workers = recipe("serve")
    assert "alliance-record serve --db $(DB)" in workers and "--inspect-file build/inspect.json" in workers
    assert "--host 127.0.0.1" in workers and "--workers $(WORKERS)" in workers
    # and the same app in one process, by Datasette's own command
    single = recipe("serve-datasette")
    assert "datasette serve -i $(DB)" in single
    assert "-h 127.0.0.1" in single
    assert "$$($(BIN)/alliance-record serve-args)" in single
    assert "--setting" not in (ROOT / "Makefile").read_text()  # the settings live in one place: serve.SETTINGS


def test_serve_hands_the_workers_the_app_of_make_serve(tmp_path, monkeypatch):
    """`alliance-record serve` puts the paths and one secret in the environment and becomes
    `python -m uvicorn alliance_record.asgi:app --workers N` (the exec is caught here)."""
    import os

    from alliance_record import asgi

    db = tmp_path / "alliance.db"
    db.write_bytes(b"")
    execs = []
    monkeypatch.setattr(os, "execv", lambda path, argv: execs.append(argv))
    monkeypatch.setattr(os, "environ", {k: v for k, v in os.environ.items()  # a copy, this test's own
                                        if k not in (asgi.ENV_DB, asgi.ENV_METADATA, asgi.ENV_INSPECT, asgi.ENV_SECRET,
                                                     asgi.ENV_WARM_HOSTS)})
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--metadata", str(METADATA), "--workers", "3",
                                      "--port", "8123"])
    assert result.exit_code == 0, result.output
    (argv,) = execs
    assert argv[1:] == ["-m", "uvicorn", "alliance_record.asgi:app", "--workers", "3", "--host", "127.0.0.1",
                        "--port", "8123", "--lifespan", "on"]
    assert os.environ[asgi.ENV_DB] == str(db.resolve()) and os.environ[asgi.ENV_METADATA] == str(METADATA.resolve())
    assert asgi.ENV_INSPECT not in os.environ and len(os.environ[asgi.ENV_SECRET]) == 64
    assert asgi.ENV_SETTINGS not in os.environ
    assert os.environ[asgi.ENV_WARM_HOSTS] == "127.0.0.1:8123"  # each worker's warm-up fills its cache for it
    for host, warm in (("::1", "[::1]:8123"), ("::", "[::]:8123"), ("localhost", "localhost:8123")):
        os.environ.pop(asgi.ENV_WARM_HOSTS)
        result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--metadata", str(METADATA),
                                          "--host", host, "--port", "8123"])
        assert result.exit_code == 0, result.output
        assert os.environ[asgi.ENV_WARM_HOSTS] == warm  # an IPv6 address in brackets, as a Host header has it
    os.environ.pop(asgi.ENV_WARM_HOSTS)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--metadata", str(METADATA),
                                      "--setting", "facet_time_limit_ms", "1000", "--setting", "max_csv_mb", "5"])
    assert result.exit_code == 0, result.output
    assert json.loads(os.environ[asgi.ENV_SETTINGS]) == {"facet_time_limit_ms": "1000", "max_csv_mb": "5"}
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--metadata", str(METADATA),
                                      "--setting", "no_such_setting", "1"])
    assert result.exit_code != 0 and "no_such_setting" in result.output and len(execs) == 5


def test_the_installed_packages_are_those_the_project_declares():
    """Every dependency of pyproject.toml is installed in a version it allows (uvicorn's floor,
    for one, is the release whose supervisor stops when a worker fails at startup)."""
    from importlib.metadata import PackageNotFoundError, version

    from packaging.requirements import Requirement

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    for requirement in map(Requirement, declared):
        if requirement.marker and not requirement.marker.evaluate():
            continue
        try:
            installed = version(requirement.name)
        except PackageNotFoundError:
            raise AssertionError(f"{requirement.name} is not installed") from None
        assert requirement.specifier.contains(installed, prereleases=True), (str(requirement), installed)


def test_a_database_that_does_not_open_stops_the_server_and_its_workers(tmp_path):
    """A worker whose startup fails (here: the database is not SQLite) stops the whole server
    instead of being restarted forever while the port answers nothing."""
    import subprocess
    import sys

    from serving import free_port

    bad = tmp_path / "alliance.db"
    bad.write_text("not a database\n" * 100)
    command = [sys.executable, "-c", "from alliance_record.cli import cli; cli()", "serve", "--db", str(bad),
               "--metadata", str(METADATA), "--workers", "2", "--port", str(free_port())]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        from serving import stop

        stop(proc)
        raise AssertionError("the server kept running with a database that does not open") from None
    assert b"file is not a database" in err


def lifespan_startup(app) -> list:
    """Run an ASGI app's lifespan startup as a server does before it accepts anyone; the messages it sent."""
    import asyncio

    async def go():
        sent, inbox = [], asyncio.Queue()
        await inbox.put({"type": "lifespan.startup"})

        async def send(message):
            sent.append(message)
            if message["type"].startswith("lifespan.startup."):
                await inbox.put({"type": "lifespan.shutdown"})
        await app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, inbox.get, send)
        return sent
    return asyncio.run(go())


@pytest.fixture
def unhurried(monkeypatch):
    """The warm-up as on a machine with time to spare: these tests check which pages are made and
    for which hosts, not how fast. Under a heavy load (many builds beside the suite) the default
    warm-up (asgi.WARM_SECONDS) runs out, and facets over their 200 ms limit make pages partial, which the
    cache keeps only ``PARTIAL_SECONDS``: both are lifted here so the answer does not depend on
    the neighbours."""
    from alliance_record import asgi
    from alliance_record.serve import cache

    monkeypatch.setenv(asgi.ENV_WARM_SECONDS, "600")
    monkeypatch.setattr(cache, "PARTIAL_SECONDS", 3600)


def test_a_worker_is_ready_only_once_it_has_made_what_every_visitor_asks_for(seeds_db, monkeypatch, unhurried):
    """The lifespan startup (after which uvicorn lets a worker accept connections) makes the front
    page, the database page, each table's first page and each canned query under the host the
    server is reached by: the first visitors to ask for them are answered from the cache."""
    import asyncio

    from alliance_record import asgi

    monkeypatch.setenv(asgi.ENV_WARM_HOSTS, "example.org:8001")
    app = asgi.create_app(seeds_db, METADATA)
    assert [m["type"] for m in lifespan_startup(app)][0] == "lifespan.startup.complete"
    tables = [t for t in yaml.safe_load(METADATA.read_text())["databases"]["alliance"]["tables"]]
    paths = ["/", "/alliance", "/alliance/" + tables[0], "/alliance/" + tables[-1],
             "/alliance/" + next(iter(queries()))]

    async def first_requests(base):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base) as client:
            return [await client.get(path) for path in paths]
    for response in asyncio.run(first_requests("http://example.org:8001")):
        assert (response.status_code, response.headers["x-cache"]) == (200, "hit"), response.url
    # another host's answers were not made (absolute URLs are written from the Host)
    assert asyncio.run(first_requests("http://elsewhere:8001"))[0].headers["x-cache"] == "miss"


def test_the_warm_up_makes_what_the_site_itself_sends_visitors_to(seeds_db, monkeypatch, unhurried):
    """Beyond each page's first address, the warm-up makes the pages the site sends visitors on to,
    each derived from the site, none from a list of URLs: a view's page, a canned query at the
    address its page replaces itself with (its ``example`` as a query string) and that answer's
    JSON, the pages the front page links (its questions), and the data the map of a table with
    coordinates fetches. A table's JSON without parameters, which no page fetches, and its rows
    are left to visitors."""
    import asyncio
    import sqlite3

    from alliance_record import asgi

    monkeypatch.setenv(asgi.ENV_WARM_HOSTS, "example.org:8001")
    app = asgi.create_app(seeds_db, METADATA)
    assert [m["type"] for m in lifespan_startup(app)][0] == "lifespan.startup.complete"
    config = yaml.safe_load(METADATA.read_text())
    tables = list(config["databases"]["alliance"]["tables"])
    name, query = next((n, q) for n, q in queries().items() if q.get("example"))
    example = urlencode({k: str(v) for k, v in query["example"].items()})
    conn = sqlite3.connect(seeds_db)
    view = conn.execute("select name from sqlite_master where type = 'view' order by name").fetchone()[0]
    document = conn.execute("select id from documents order by id").fetchone()[0]
    question = config["plugins"]["alliance-record"]["questions"][0]["href"]
    mapped = next(t for t in tables if {"latitude", "longitude"} <= {r[1] for r in conn.execute(f"pragma table_info([{t}])")})
    made = [f"/alliance/{view}", f"/alliance/{name}?{example}", f"/alliance/{name}.json?{example}", question,
            f"/alliance/{mapped}.json?{asgi.MAP_QUERY}"]
    left = [f"/alliance/{tables[0]}.json", f"/alliance/{view}.json", f"/alliance/documents/{document}"]

    async def first_requests():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://example.org:8001") as client:
            return [await client.get(path) for path in made + left]
    answers = {path: (r.status_code, r.headers["x-cache"]) for path, r in zip(made + left, asyncio.run(first_requests()))}
    assert answers == {**{path: (200, "hit") for path in made}, **{path: (200, "miss") for path in left}}


def test_the_map_query_warmed_is_the_one_the_installed_map_plugin_sends():
    """asgi.MAP_QUERY is a copy of the query string datasette-cluster-map's script adds to a
    table's JSON address: a version of the plugin that sends another would leave the map cold."""
    from importlib.resources import files

    from alliance_record import asgi

    script = files("datasette_cluster_map").joinpath("static", "datasette-cluster-map.js").read_text()
    assert f'"{asgi.MAP_QUERY}"' in script


def test_private_pages_are_one_line_of_the_warm_up_log(seeds_db, tmp_path, caplog, unhurried):
    """A table or canned query only some may see answers the anonymous warm-up 403, as it should:
    the warm-up names them all in one line, not one warning an address."""
    import logging

    from alliance_record import asgi

    config = yaml.safe_load(METADATA.read_text())
    alliance = config["databases"]["alliance"]
    table = next(iter(alliance["tables"]))
    query = next(n for n, q in alliance["queries"].items() if q.get("example"))
    alliance["tables"][table] = {**(alliance["tables"][table] or {}), "allow": {"id": "root"}}
    alliance["queries"][query]["allow"] = {"id": "root"}
    private = tmp_path / "metadata.yml"
    private.write_text(yaml.safe_dump(config, allow_unicode=True))
    app = asgi.ServedApp(asgi.datasette_instance(seeds_db, private), "example.org:8001")
    with caplog.at_level(logging.INFO, logger="uvicorn.error"):
        assert [m["type"] for m in lifespan_startup(app)][0] == "lifespan.startup.complete"
    refused = {path for _, path, status, *_ in app.warmed if status == 403}
    assert {f"/alliance/{table}", f"/alliance/{query}"} <= refused
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING and "warm-up" in r.getMessage()]
    assert len(lines) == 1 and all(path in lines[0] for path in refused), lines


def warm_app(seeds_db, warm_hosts, **kwargs):
    """The app of ``alliance-record serve`` for the seeds, warmed for ``warm_hosts`` at its startup."""
    from alliance_record import asgi

    return asgi.ServedApp(asgi.datasette_instance(seeds_db, METADATA), warm_hosts, **kwargs)


def first_answer(app, url: str) -> httpx.Response:
    import asyncio

    async def get():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app)) as client:
            return await client.get(url)
    return asyncio.run(get())


def test_an_ipv6_host_and_an_https_address_are_warmed(seeds_db, unhurried):
    """`alliance-record serve --host ::1` warms ``[::1]:PORT``; behind a TLS proxy the public
    address is given with its scheme (the cache keeps http and https answers apart)."""
    app = warm_app(seeds_db, "[::1]:18932, https://example.org")
    assert [m["type"] for m in lifespan_startup(app)][0] == "lifespan.startup.complete"
    for url in ("http://[::1]:18932/alliance", "https://example.org/alliance"):
        response = first_answer(app, url)
        assert (response.status_code, response.headers["x-cache"]) == (200, "hit"), url
    assert first_answer(app, "http://example.org/alliance").headers["x-cache"] == "miss"


def test_the_pages_a_front_page_links_are_its_pages_on_the_site():
    """What the front page links on this site, without static files, downloads, other sites or
    fragments, each once."""
    from alliance_record import asgi

    front = ('<a href="/-/static/app.css">s</a><a href="https://elsewhere.org/x">e</a><a href="//cdn.org/y">c</a>'
             '<a href="/alliance.db">db</a><a href="/alliance/timeline.csv?from=2025">csv</a>'
             '<a href="/alliance/t?a=1&amp;b=2#map">q</a><a href="/alliance/rows">t</a><a href="/alliance/rows.json">j</a>'
             '<a href="/alliance/t?a=1&amp;b=2">again</a>')
    rows = "".join(f'<a href="/alliance/rows/r{i}">r</a>' for i in range(3))
    linked = asgi.ServedApp.linked_paths({"/": front, "/alliance/rows": rows})
    assert linked == ["/alliance/t?a=1&b=2", "/alliance/rows", "/alliance/rows.json"]


def test_the_warm_up_makes_so_many_pages_at_most(seeds_db, caplog, unhurried):
    """The warm-up is bounded in pages as in seconds: past ``warm_pages`` for a host it stops, says
    so in one line, and the worker serves."""
    import logging

    app = warm_app(seeds_db, "example.org:8001")
    app.warm_pages = 7
    with caplog.at_level(logging.INFO, logger="uvicorn.error"):
        assert [m["type"] for m in lifespan_startup(app)][0] == "lifespan.startup.complete"
    assert len(app.warmed) == 7
    assert [r.getMessage() for r in caplog.records if "at most" in r.getMessage()] == \
        ["warm-up: 7 pages at most for example.org:8001; the rest left to visitors"]
    assert first_answer(app, "http://example.org:8001/").headers["x-cache"] == "hit"


@pytest.mark.parametrize("trouble", ["a host that is no URL", "a query that ran out of time", "no time left"])
def test_a_warm_up_that_fails_still_lets_the_worker_start_and_serve(seeds_db, monkeypatch, caplog, trouble):
    """Whatever goes wrong in the warm-up (an address no URL can hold, such as the ``::1:18932``
    an IPv6 host once gave; a failed table list under load; the warm-up's time running out) is
    one line in the log and the worker starts and serves: the warm-up only makes it faster."""
    import logging

    from datasette.database import QueryInterrupted

    from alliance_record import asgi

    hosts, limit = "example.org:8001", {}
    if trouble == "a host that is no URL":
        hosts = "::1:18932"
    elif trouble == "a query that ran out of time":
        async def interrupted(self):
            raise QueryInterrupted(Exception("interrupted"), "select name from sqlite_master", {})
        monkeypatch.setattr(asgi.ServedApp, "warm_paths", interrupted)
    else:
        limit = {"warm_seconds": 0}
    app = warm_app(seeds_db, hosts, **limit)
    with caplog.at_level(logging.INFO, logger="uvicorn.error"):
        assert [m["type"] for m in lifespan_startup(app)][0] == "lifespan.startup.complete"
    warm_lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("warm-up")]
    assert len(warm_lines) == 1 and "stopped" in warm_lines[0], warm_lines
    response = first_answer(app, "http://example.org:8001/alliance")
    assert (response.status_code, response.headers["x-cache"]) == (200, "miss")


def footer(html: str) -> str:
    """The licence and source line of a page (Datasette's _description_source_license partial)."""
    found = re.search(r"Data license:(.*?)</p>", html, re.S)
    return " ".join(found.group(1).split()) if found else ""


def test_no_page_changes_the_licence_another_page_shows(seeds_db):
    """Datasette 0.65.5's table and database views fill the inherited source and licence into the
    metadata they are handed: were that the stored metadata, every later page would show them (a
    document's page linked its publishers' copyright to the dataset's CC BY once anyone had opened
    the documents table). Each request has its own copy; and a table with its own licence but no
    link of its own is not given the dataset's link."""
    import asyncio

    from alliance_record import asgi

    ds = asgi.datasette_instance(seeds_db, METADATA)
    stored = copy.deepcopy(ds._metadata_local)
    app = ds.app()
    tables = yaml.safe_load(METADATA.read_text())["databases"]["alliance"]["tables"]
    own = [t for t, c in tables.items() if (c or {}).get("license") and not c.get("license_url")]
    assert "documents" in own

    async def pages():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client, \
                httpx.AsyncClient(transport=transport, base_url="http://elsewhere:8001") as other:
            first, second = [d["id"] for d in (await client.get("/alliance/documents.json?_shape=array&_size=2")).json()]
            before = [await client.get(f"/alliance/documents/{first}")]
            visited = [await client.get("/alliance"), await other.get("/alliance/documents"),
                       await client.get("/alliance/documents?_sort=title")]
            visited += [await client.get(f"/alliance/{table}") for table in own]
            after = [await client.get(f"/alliance/documents/{second}"), await other.get(f"/alliance/documents/{first}")]
            return before, visited, after
    before, visited, after = asyncio.run(pages())
    assert all(r.status_code == 200 for r in before + visited + after)
    assert footer(before[0].text) and "href" not in footer(before[0].text)  # the publishers' rights: no link
    for response in after:
        assert footer(response.text) == footer(before[0].text), response.url
    for response in visited[-len(own):]:
        licence = tables[response.url.path.rsplit("/", 1)[1]]["license"]
        assert footer(response.text).startswith(licence) and "href" not in footer(response.text).split("Data source:")[0], response.url
    assert ds._metadata_local == stored


def test_the_first_visitor_of_a_server_just_started_finds_the_front_page_made(seeds_db):
    """`alliance-record serve` warms each worker for the host and port it serves on, before the
    worker accepts connections (a server of its own: no other test has asked it anything). Facets
    are given all the time they need: one cut short would keep the page only seconds."""
    with datasette_serve(seeds_db, METADATA, settings=UNHURRIED) as base:
        for path in ("/", "/alliance", "/alliance/events"):
            response = httpx.get(base + path, timeout=30)
            assert (response.status_code, response.headers["x-cache"]) == (200, "hit"), path


def test_serve_args_prints_the_settings():
    result = CliRunner().invoke(cli, ["serve-args"])
    assert result.exit_code == 0
    assert result.output.split() == serve.serve_args()
    assert SETTINGS["sql_time_limit_ms"] <= 2000 and SETTINGS["max_returned_rows"] <= 2000


def test_no_stored_value_comes_near_the_value_limit(seeds_db):
    import sqlite3

    conn = sqlite3.connect(seeds_db)
    longest = conn.execute("select max(length(cast(text as blob))) from documents").fetchone()[0]
    assert longest * 10 < serve.MAX_VALUE_BYTES


# --- a real server ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(seeds_db):
    with datasette_serve(seeds_db, METADATA) as base:
        yield base


def sql(base, query, timeout=30):
    t0 = time.monotonic()
    resp = httpx.get(f"{base}/alliance.json", params={"sql": query}, timeout=timeout)
    return resp, time.monotonic() - t0


def test_a_runaway_recursive_query_is_cut_off(server):
    resp, took = sql(server, RUNAWAY_CTE)
    assert resp.status_code == 400
    assert "too long" in resp.json()["error"]  # the time limit stopped it (a hang would hit sql()'s timeout)
    # the server is not stuck: another request is answered
    resp, _ = sql(server, "select count(*) as n from documents")
    assert resp.status_code == 200 and resp.json()["rows"] == [[5]]


def test_runaway_queries_in_parallel_do_not_hang_the_server(server):
    import concurrent.futures

    cross_join = "select count(*) from sentences a, sentences b, sentences c, sentences d"
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(sql, server, q) for q in (RUNAWAY_CTE, cross_join, RUNAWAY_CTE, cross_join)]
        results = [f.result() for f in futures]
    assert all(resp.status_code == 400 and "too long" in resp.json()["error"]
               for resp, _ in results[::2])  # the CTEs: cut by the time limit
    assert all(resp.status_code == 400 for resp, _ in results)
    resp = httpx.get(f"{server}/alliance/documents.json?_shape=array", timeout=10)
    assert resp.status_code == 200 and len(resp.json()) == 5


@pytest.mark.parametrize("query, error", [
    ("select length(randomblob(1000000000))", "too big"),
    ("select length(zeroblob(1000000000) || 'x')", "too big"),
    ("select length(replace(hex(randomblob(4000000)), 'A', 'AAAAAAAA'))", "too big"),
    ("select length(printf('%.*c', 2000000000, 'x'))", "user-defined function raised exception"),
    ("select length(format('%.2000000000c', 'x'))", "user-defined function raised exception"),
])
def test_a_huge_value_fails_at_once(server, query, error):
    """One function call is not interrupted by the time limit: the length and width limits stop it
    (the error says which limit did; no clock is read: speed belongs to the benchmarks)."""
    resp, _ = sql(server, query)
    assert resp.status_code == 400, resp.text[:200]
    assert error in resp.json()["error"]
    assert "too long" not in resp.json()["error"]


def test_printf_still_formats(server):
    resp, _ = sql(server, "select printf('%5.2f|%,d|%-*s|', 3.14159, 1234567, 4, 'ab') as s")
    assert resp.json()["rows"] == [[" 3.14|1,234,567|ab  |"]]


def test_no_answer_has_more_than_max_returned_rows(server):
    resp, _ = sql(server, "with recursive c(x) as (select 1 union all select x+1 from c limit 5000) select x from c")
    data = resp.json()
    assert len(data["rows"]) == SETTINGS["max_returned_rows"] and data["truncated"]


# --- canned queries take parameters only as bound parameters ---------------------------------------

def strip_literals(sql_text: str) -> str:
    """The SQL with every string literal, quoted identifier and comment blanked out."""
    return re.sub(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/", " ", sql_text, flags=re.S)


def test_canned_query_parameters_are_only_named_bound_parameters():
    for name, query in queries().items():
        text = query["sql"]
        bare = strip_literals(text)
        # parameters appear as :name tokens in the SQL itself, never inside a string literal
        # (where they would be text, or a template someone fills in)
        in_literals = re.findall(r"'(?:[^']|'')*'", text)
        assert not any(re.search(r"(?<![:\w]):[a-z_]\w*", lit) for lit in in_literals), (name, in_literals)
        # no other placeholder styles and no template syntax
        assert not re.search(r"\?\d*|(?<![\w$])[@$][a-z_]|\{\{|\{%|%s|%\(", bare), name
        assert "params" not in query or set(query["params"]) <= set(re.findall(r"(?<!:):([a-z_]\w*)", bare)), name


# quotes of both kinds, a statement separator, a comment, a tautology, markup, a LIKE wildcard, and an
# apostrophe as a visitor types it
HOSTILE = ["x' ; drop table documents; -- \"; drop table actors; --') or 1=1 -- \"><script>alert(1)</script> %",
           "Japan's"]


def test_canned_queries_treat_hostile_values_as_data(server):
    """Every canned query with parameters, each parameter given quotes, `; drop table` and markup:
    a normal answer (no error), and the database the same afterwards."""
    before = httpx.get(f"{server}/alliance.json", params={"sql": "select count(*) from documents"}).json()["rows"]
    tables_before = httpx.get(f"{server}/alliance.json").json()["tables"]
    checked = 0
    for name, query in queries().items():
        params = sorted(set(re.findall(r"(?<!:):([a-z_]\w*)", strip_literals(query["sql"]))))
        for value in HOSTILE:
            for target in params:
                values = {p: (value if p == target else (query.get("example") or {}).get(p, "")) for p in params}
                resp = httpx.get(f"{server}/alliance/{name}.json?_shape=objects&" + urlencode(values), timeout=30)
                assert resp.status_code == 200, (name, target, value, resp.text[:300])
                data = resp.json()
                assert data["ok"], (name, target, value, data.get("error"))
                if "<script>" in value:
                    assert "<script>alert(1)" not in httpx.get(f"{server}/alliance/{name}?" + urlencode(values)).text
                checked += 1
    assert checked >= 2 * 15
    assert httpx.get(f"{server}/alliance.json", params={"sql": "select count(*) from documents"}).json()["rows"] == before
    assert httpx.get(f"{server}/alliance.json").json()["tables"] == tables_before


def test_search_words_become_a_valid_fts_query():
    q = serve.fts_query
    assert q("Japan's") == '"Japan\'s"'
    assert q("bomb*") == '"bomb"*'
    assert q('"joint force" OR Senkaku') == '"joint force" OR "Senkaku"'
    assert q('"joint force') == '"joint force"'
    assert q("a AND NOT b") == '"a" NOT "b"'
    assert q("OR Senkaku NOT") == '"Senkaku"'
    assert q("") == q(None) == q("*") == '""'


def test_near_place_takes_the_distance_as_a_number(server):
    def near(km):
        return httpx.get(f"{server}/alliance/events_near_place.json?_shape=array&place=tokyo&km={km}").json()

    close, far = near("1"), near("20000")
    assert 0 < len(close) < len(far)  # a bound text "1" compared with a number used to match everything
    assert all(e["km_north_south"] <= 1 and e["km_east_west"] <= 1 for e in close)


# --- the document reader's text parts ---------------------------------------------------------------

def test_split_parts_keeps_links_whole_inside_overlapping_ranges():
    text = "Mallory met Trent in Tokyo, and both said “talks were frank.”"
    at = text.index
    marks = [
        {"start": 0, "end": 7, "href": "/a/mallory", "title": "Mallory", "kind": "actors"},
        {"start": at("Trent"), "end": at("Trent") + 5, "href": "/a/trent", "title": "Trent", "kind": "actors"},
        {"start": at("Trent") + 2, "end": at("Trent") + 4, "href": "/a/x", "kind": "actors"},  # overlaps: dropped
        # an event report starting inside "Mallory" takes in the whole link
        {"start": 3, "end": at(", and"), "href": "/e/1", "title": "a meeting", "kind": "events", "range": True,
         "label": "event"},
        {"start": at("talks"), "end": at("frank") + 5, "href": "/q/1", "kind": "quotations", "range": True,
         "label": "quotation"},
        {"start": at("both"), "end": len(text), "href": "/r/1", "kind": "recommendations", "range": True},
    ]
    parts = serve.split_parts(text, marks, [[0, len(text)]])
    assert "".join(p["text"] for p in parts) == text
    links = [(p["text"], p["href"]) for p in parts if p.get("href")]
    assert links == [("Mallory", "/a/mallory"), ("Trent", "/a/trent")]
    assert parts[0]["classes"] == "ar-hl-events"  # "Mallory", wholly inside the widened event
    tags = [(p["text"], t["href"], t["label"]) for p in parts for t in p["tags"]]
    assert tags == [(" in Tokyo", "/e/1", "event"), ("talks were frank", "/q/1", "quotation"),
                    (".”", "/r/1", "recommendations")]
    quoted, = [p for p in parts if p["text"] == "talks were frank"]
    assert quoted["classes"] == "ar-hl-quotations ar-hl-recommendations"


def test_split_parts_maps_document_offsets_into_a_rejoined_paragraph():
    # a paragraph rejoined across a page break: pieces [100, 110) and [150, 160), joined by a space
    text = "0123456789 abcdefghij"
    marks = [{"start": 105, "end": 153, "highlight": True}]
    parts = serve.split_parts(text, marks, [[100, 110], [150, 160]])
    assert [p["text"] for p in parts if p.get("highlight")] == ["56789 abc"]


@pytest.mark.parametrize("lookup", ["a table's definition", "the list of tables"])
def test_a_lookup_of_datasettes_own_that_runs_out_of_time_is_busy_not_an_error(seeds_db, monkeypatch, lookup):
    """Under load Datasette's own look-ups of the schema (a table's indexes for its page) run out
    of ``sql_time_limit_ms`` too; that is neither the visitor's mistake (400) nor a fault (500):
    the server is busy, 503 with a Retry-After, and the answer is not kept. The visitor's own SQL
    that runs too long stays Datasette's 400."""
    import asyncio

    from datasette.database import Database, QueryInterrupted

    from alliance_record import asgi

    sql = "select sql from sqlite_master where tbl_name = :n and type='index'"
    if lookup == "the list of tables":
        sql = "select * from sqlite_master WHERE type = 'table'"

    async def interrupted(self, *args, **kwargs):
        raise QueryInterrupted(Exception("interrupted"), sql, {})
    if lookup == "the list of tables":
        monkeypatch.setattr(Database, "table_names", interrupted)
    else:
        monkeypatch.setattr(Database, "get_table_definition", interrupted)

    async def get(*paths):
        ds = asgi.datasette_instance(seeds_db, METADATA)  # a worker just started, as uvicorn starts it
        app = ds.app()
        await ds.invoke_startup()
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://localhost") as client:
            return [await client.get(path) for path in paths]
    for path in ("/alliance/events", "/alliance/events.json"):
        (response,) = asyncio.run(get(path))
        assert response.status_code == 503, (response.url, response.status_code)
        assert response.headers["retry-after"].isdigit() and response.headers.get("x-cache") == "miss"
    assert "busy" in response.json()["error"]
    if lookup == "a table's definition":  # (every page needs the list of tables)
        (runaway,) = asyncio.run(get("/alliance.json?" + urlencode({"sql": RUNAWAY_CTE})))
        assert runaway.status_code == 400


def test_a_visitors_own_query_that_runs_out_of_time_is_theirs_however_it_is_written(seeds_db):
    """review8_whole 1: a runaway query of the visitor's is a 400 even when it names the schema's
    table (a string literal is enough) or is asked for as CSV, never "busy, try again" (a client
    obeying Retry-After would run it again and again)."""
    import asyncio

    from alliance_record import asgi

    async def get(*paths):
        ds = asgi.datasette_instance(seeds_db, METADATA)
        app = ds.app()
        await ds.invoke_startup()
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://localhost") as client:
            return [await client.get(path) for path in paths]
    schema_named = RUNAWAY_CTE + " -- 'sqlite_master'"
    responses = asyncio.run(get("/alliance.json?" + urlencode({"sql": schema_named}),
                                "/alliance.csv?" + urlencode({"sql": RUNAWAY_CTE})))
    assert [r.status_code for r in responses] == [400, 400], [(str(r.url)[:60], r.status_code) for r in responses]
    assert all("retry-after" not in r.headers for r in responses)
