"""The response cache (alliance_record/serve/cache.py) and the headers that say the data is immutable.

The middleware is tested on a fake ASGI app that counts its calls; the header policy, the partial
answers and the remembered permissions on Datasette in-process. What it all does in a real
server with several workers is tests/test_workers.py.
"""

from __future__ import annotations

import collections

import asyncio
import shutil

import pytest
from datasette.app import Datasette

from alliance_record import serve
from alliance_record.serve import cache
from serving import UNHURRIED
from test_datasette import metadata, settings


class FakeApp:
    """An ASGI app answering every request with ``respond(scope) -> (status, headers, chunks)``;
    ``calls`` lists the requests it was asked."""

    def __init__(self, respond=None):
        self.respond = respond or (lambda scope: (200, [(b"cache-control", b"public, max-age=60, immutable")],
                                                  [b"page " + scope["path"].encode() + b"?" + scope["query_string"]]))
        self.calls = []

    async def __call__(self, scope, receive, send):
        self.calls.append((scope["method"], scope["path"], scope["query_string"]))
        status, headers, chunks = self.respond(scope)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        for i, chunk in enumerate(chunks):
            await send({"type": "http.response.body", "body": chunk, "more_body": i < len(chunks) - 1})


def scope(path="/", query=b"", method="GET", headers=(), host=b"example.org"):
    return {"type": "http", "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
            "query_string": query, "root_path": "", "headers": [(b"host", host), *headers]}


async def request(app, **kwargs):
    """One request through ``app``: (status, headers as a dict, body, the body messages)."""
    messages = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    await app(scope(**kwargs), receive, send)
    start = messages[0]
    bodies = [m for m in messages[1:] if m["type"] == "http.response.body"]
    headers = {k.decode(): v.decode() for k, v in start["headers"]}
    return start["status"], headers, b"".join(m.get("body", b"") for m in bodies), bodies


def get(app, **kwargs):
    return asyncio.run(request(app, **kwargs))


def middleware(respond=None, **limits):
    app = FakeApp(respond)
    return app, cache.CacheMiddleware(app, cache.ResponseCache(**limits))


# --- hit, miss, key ------------------------------------------------------------------------------

def test_a_second_get_is_answered_from_the_cache():
    app, cached = middleware()
    status, headers, body, _ = get(cached, path="/alliance/events")
    assert (status, headers["x-cache"], body) == (200, "miss", b"page /alliance/events?")
    status, headers, again, _ = get(cached, path="/alliance/events")
    assert (status, headers["x-cache"], again) == (200, "hit", body)
    assert headers["age"] == "0" and headers["cache-control"] == "public, max-age=60, immutable"
    assert len(app.calls) == 1


def test_the_query_string_and_the_host_are_part_of_the_key():
    app, cached = middleware()
    answers = [get(cached, path="/q", query=q, host=h) for q, h in
               ((b"a=1", b"x"), (b"a=2", b"x"), (b"a=1", b"y"), (b"a=1", b"x"), (b"a=2", b"x"))]
    assert [a[1]["x-cache"] for a in answers] == ["miss", "miss", "miss", "hit", "hit"]
    assert answers[3][2] == b"page /q?a=1" and answers[4][2] == b"page /q?a=2"
    assert len(app.calls) == 3


def test_only_200s_are_kept():
    for status in (301, 304, 400, 404, 405, 500, 503):
        app, cached = middleware(lambda s, status=status: (status, [(b"cache-control", b"max-age=60, immutable")], [b"x"]))
        assert [get(cached, path="/p")[0] for _ in range(2)] == [status, status]
        assert len(app.calls) == 2, status


def test_requests_with_a_cookie_or_credentials_are_never_looked_up_nor_kept():
    app, cached = middleware()
    for personal in ((b"cookie", b"ds_actor=x"), (b"authorization", b"Bearer t")):
        _, headers, _, _ = get(cached, path="/p", headers=[personal])
        assert "x-cache" not in headers  # not looked up
    get(cached, path="/p")  # kept now
    _, headers, _, _ = get(cached, path="/p", headers=[(b"cookie", b"a=b")])
    assert "x-cache" not in headers
    assert len(app.calls) == 4


def test_any_method_but_get_goes_to_the_app_every_time():
    app, cached = middleware()
    for method in ("POST", "HEAD", "PUT", "POST"):
        get(cached, path="/p", method=method)
    assert [c[0] for c in app.calls] == ["POST", "HEAD", "PUT", "POST"]
    assert len(cached.cache) == 0


@pytest.mark.parametrize("headers, kept", [
    ([(b"cache-control", b"max-age=60, immutable")], True),
    ([(b"cache-control", b"s-maxage=60, immutable")], True),
    ([(b"cache-control", b"max-age=60, immutable"), (b"vary", b"Cookie, Authorization")], True),
    ([(b"cache-control", b"max-age=60, immutable"), (b"vary", b"Accept")], False),
    ([(b"cache-control", b"max-age=60, immutable"), (b"vary", b"*")], False),
    ([(b"cache-control", b"max-age=60, immutable"), (b"set-cookie", b"a=b")], False),
    ([(b"cache-control", b"private, max-age=60, immutable")], False),
    ([(b"cache-control", b"private, no-store")], False),
    ([(b"cache-control", b"no-cache")], False),
    ([(b"cache-control", b"max-age=0, immutable")], False),
    ([(b"cache-control", b"max-age=60")], False),  # not said immutable: maybe a mutable database
    ([], False),
])
def test_what_the_response_headers_allow(headers, kept):
    app, cached = middleware(lambda s: (200, headers, [b"x"]))
    get(cached, path="/p")
    assert (get(cached, path="/p")[1]["x-cache"] == "hit") is kept
    assert len(app.calls) == (1 if kept else 2)


# --- bounds and lifetime ---------------------------------------------------------------------------

def test_the_cache_is_bounded_in_bytes_and_drops_the_least_recently_used():
    body = lambda s: (200, [(b"cache-control", b"max-age=60, immutable")], [b"x" * 400])  # noqa: E731
    app, cached = middleware(body, max_bytes=1000, max_entry_bytes=1000)
    for path in ("/a", "/b"):
        get(cached, path=path)
    get(cached, path="/a")  # /a used last: /b goes first
    get(cached, path="/c")
    assert cached.cache.size <= 1000 and len(cached.cache) == 2
    assert [get(cached, path=p)[1]["x-cache"] for p in ("/a", "/c", "/b")] == ["hit", "hit", "miss"]
    assert cached.cache.evicted >= 1


def test_an_answer_bigger_than_an_entry_is_passed_on_as_it_comes_and_not_kept():
    chunks = [b"y" * 600] * 5
    app, cached = middleware(lambda s: (200, [(b"cache-control", b"max-age=60, immutable")], chunks),
                             max_bytes=10_000, max_entry_bytes=1000)
    for _ in range(2):
        status, headers, body, messages = get(cached, path="/alliance.db")
        assert body == b"".join(chunks) and len(messages) == 5
        assert [m.get("more_body", False) for m in messages] == [True] * 4 + [False]
    assert len(app.calls) == 2 and len(cached.cache) == 0


def test_an_entry_lives_as_long_as_its_max_age():
    now = [1000.0]
    app = FakeApp()
    cached = cache.CacheMiddleware(app, cache.ResponseCache(clock=lambda: now[0]))
    get(cached, path="/p")
    now[0] += 59
    _, headers, _, _ = get(cached, path="/p")
    assert headers["x-cache"] == "hit" and headers["age"] == "59"
    now[0] += 1
    assert get(cached, path="/p")[1]["x-cache"] == "miss"
    assert len(app.calls) == 2


def test_a_partial_answer_is_kept_seconds_and_says_so():
    now = [0.0]

    class Partial(FakeApp):
        async def __call__(self, scope, receive, send):
            cache.partial("a facet ran out of time")
            await super().__call__(scope, receive, send)

    app = Partial()
    cached = cache.CacheMiddleware(app, cache.ResponseCache(clock=lambda: now[0]))
    _, headers, _, _ = get(cached, path="/alliance/events")
    assert headers["cache-control"] == f"public, max-age={cache.PARTIAL_SECONDS}"  # no immutable, no hour
    now[0] += cache.PARTIAL_SECONDS - 1
    assert get(cached, path="/alliance/events")[1]["x-cache"] == "hit"
    now[0] += 1
    assert get(cached, path="/alliance/events")[1]["x-cache"] == "miss"
    cache.partial("outside a request: nothing happens")


def test_misses_of_one_key_at_the_same_time_are_made_once():
    class Slow(FakeApp):
        async def __call__(self, scope, receive, send):
            self.calls.append(scope["path"])
            await asyncio.sleep(0.05)  # still being made when the others arrive
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"cache-control", b"max-age=60, immutable")]})
            await send({"type": "http.response.body", "body": b"made once"})

    app = Slow()
    cached = cache.CacheMiddleware(app, cache.ResponseCache())

    async def together():
        return await asyncio.gather(*(request(cached, path="/") for _ in range(5)),
                                    request(cached, path="/other"))

    answers = asyncio.run(together())
    assert [a[2] for a in answers[:5]] == [b"made once"] * 5
    assert sorted(a[1]["x-cache"] for a in answers[:5]) == ["hit"] * 4 + ["miss"]
    assert sorted(app.calls) == ["/", "/other"] and cached.coalesced == 4 and not cached.inflight


def test_a_miss_that_cannot_be_kept_lets_the_waiting_requests_be_made():
    app, cached = middleware(lambda s: (404, [], [b"not found"]))

    async def together():
        return await asyncio.gather(*(request(cached, path="/nope") for _ in range(3)))

    assert [a[0] for a in asyncio.run(together())] == [404] * 3
    assert len(app.calls) == 3 and not cached.inflight


class Download:
    """An ASGI app whose first answer stops before its last chunk (its start and the other chunks
    sent) until ``finish`` is set; every later call answers at once. ``headers`` and ``chunks`` are its answer."""

    def __init__(self, headers, chunks):
        self.headers, self.chunks = headers, chunks
        self.calls = 0
        self.halfway = asyncio.Event()
        self.finish = asyncio.Event()

    async def __call__(self, scope, receive, send):
        first = self.calls == 0
        self.calls += 1
        await send({"type": "http.response.start", "status": 200, "headers": self.headers})
        for i, chunk in enumerate(self.chunks):
            if first and i == len(self.chunks) - 1:
                self.halfway.set()
                await self.finish.wait()
            await send({"type": "http.response.body", "body": chunk, "more_body": i < len(self.chunks) - 1})


@pytest.mark.parametrize("headers, max_entry_bytes", [
    ([(b"cache-control", b"max-age=0, immutable")], 10_000),          # not kept, said at its start
    ([(b"cache-control", b"public, max-age=60")], 10_000),            # not said immutable
    ([(b"cache-control", b"max-age=60, immutable"), (b"set-cookie", b"a=b")], 10_000),
    ([(b"cache-control", b"max-age=60, immutable")], 1000),            # too big, seen in its body
])
def test_a_miss_that_will_not_be_kept_does_not_hold_back_those_waiting_for_it(headers, max_entry_bytes):
    async def scenario():
        app = Download(headers, [b"z" * 600] * 3)
        cached = cache.CacheMiddleware(app, cache.ResponseCache(max_bytes=10_000, max_entry_bytes=max_entry_bytes))
        leader = asyncio.ensure_future(request(cached, path="/alliance.db"))
        await asyncio.wait_for(app.halfway.wait(), 5)
        follower = await asyncio.wait_for(request(cached, path="/alliance.db"), 5)  # the first is still halfway
        assert not leader.done()
        app.finish.set()
        return await leader, follower, app, cached

    leader, follower, app, cached = asyncio.run(scenario())
    assert leader[2] == follower[2] == b"z" * 1800
    assert follower[1]["x-cache"] == "miss" and app.calls == 2
    assert not cached.inflight and len(cached.cache) == 0


def test_a_miss_that_is_kept_answers_those_waiting_for_it_from_the_cache():
    async def scenario():
        app = Download([(b"cache-control", b"max-age=60, immutable")], [b"z" * 600] * 3)
        cached = cache.CacheMiddleware(app, cache.ResponseCache(max_bytes=10_000, max_entry_bytes=10_000))
        leader = asyncio.ensure_future(request(cached, path="/page"))
        await asyncio.wait_for(app.halfway.wait(), 5)
        follower = asyncio.ensure_future(request(cached, path="/page"))
        await asyncio.sleep(0.01)
        assert not follower.done()  # it waits for the page being made
        app.finish.set()
        return await leader, await follower, app, cached

    leader, follower, app, cached = asyncio.run(scenario())
    assert leader[2] == follower[2] == b"z" * 1800
    assert (leader[1]["x-cache"], follower[1]["x-cache"], app.calls, cached.coalesced) == ("miss", "hit", 1, 1)


@pytest.mark.parametrize("condition", [(b"if-none-match", b'"abc"'), (b"if-modified-since", b"Mon, 01 Jan 2024 00:00:00 GMT"),
                                       (b"range", b"bytes=0-10")])
def test_a_conditional_request_is_answered_by_the_app_not_the_cache(condition):
    answers = {b"": (200, [(b"cache-control", b"max-age=60, immutable"), (b"etag", b'"abc"')], [b"whole"])}

    def respond(scope):
        asked = dict(scope["headers"])
        if asked.get(b"if-none-match") == b'"abc"' or b"if-modified-since" in asked:
            return 304, [(b"etag", b'"abc"')], [b""]
        if b"range" in asked:
            return 206, [(b"content-range", b"bytes 0-4/5")], [b"whole"]
        return answers[b""]

    app, cached = middleware(respond)
    assert get(cached, path="/p")[1]["x-cache"] == "miss"
    assert get(cached, path="/p")[1]["x-cache"] == "hit"
    status, headers, _, _ = get(cached, path="/p", headers=[condition])
    assert status in (304, 206) and "x-cache" not in headers
    assert len(app.calls) == 2 and len(cached.cache) == 1  # neither looked up nor stored


def test_a_size_of_zero_turns_the_cache_off(monkeypatch):
    monkeypatch.setenv(serve.CACHE_MB_ENV, "0")
    assert serve.response_cache().max_bytes == 0
    app = FakeApp()
    off = cache.CacheMiddleware(app, serve.response_cache())
    assert ["x-cache" in get(off, path="/p")[1] for _ in range(2)] == [False, False]
    assert len(app.calls) == 2


# --- on the served dataset, in-process ------------------------------------------------------------

@pytest.fixture(scope="module")
def ds(seeds_db):
    """The served dataset, whole on a loaded machine too: facets given all the time they need
    (serving.UNHURRIED) and the table counts made before the first visitor, as a server's
    startup makes them (the test client runs no startup; the index page would count each table
    within 10 ms, and a count cut short makes the page partial)."""
    ds = Datasette(immutables=[str(seeds_db)], metadata=metadata(), settings={**settings(), **UNHURRIED})

    async def count_tables():
        for db in ds.databases.values():
            if not db.is_mutable:
                await db.table_counts(limit=3600 * 1000)
    asyncio.run(count_tables())
    return ds


def fetch(ds, path, **kwargs):
    async def go():
        return await ds.client.get(path, **kwargs)
    return asyncio.run(go())


@pytest.mark.parametrize("path", ["/", "/alliance", "/alliance/events", "/alliance/events.json",
                                  "/alliance/events.csv", "/-/search?q=Taiwan", "/-/dashboards/overview",
                                  "/alliance/search_paragraphs?q=joint", "/alliance.db",
                                  "/-/static-plugins/alliance_record/site.css", "/alliance.json?sql=select+1"])
def test_answers_of_the_immutable_data_say_so_and_are_kept(ds, path):
    first = fetch(ds, path)
    assert first.status_code == 200
    assert first.headers["cache-control"] == "public, max-age=3600, immutable"
    second = fetch(ds, path)
    assert second.headers["x-cache"] == ("miss" if len(first.content) > cache.DEFAULT_MAX_ENTRY_BYTES else "hit")
    assert second.content == first.content or "Queries took" in first.text


@pytest.mark.parametrize("path", ["/-/threads", "/-/actor.json", "/-/versions.json", "/alliance/no_such_table"])
def test_pages_about_the_server_or_the_visitor_and_errors_are_not_kept(ds, path):
    first, second = fetch(ds, path), fetch(ds, path)
    assert "immutable" not in first.headers.get("cache-control", "")
    assert second.headers["x-cache"] == "miss"


def test_a_visitor_with_a_cookie_gets_a_private_answer_made_for_them(ds):
    fetch(ds, "/alliance/events")
    mine = fetch(ds, "/alliance/events", cookies={"ds_actor": "anything"})
    assert mine.headers["cache-control"] == "private, no-store" and "x-cache" not in mine.headers


def test_a_visitor_asking_for_no_cache_ttl_is_not_kept(ds):
    first, second = fetch(ds, "/alliance/events?_ttl=0"), fetch(ds, "/alliance/events?_ttl=0")
    assert first.headers["cache-control"] == "no-cache" and second.headers["x-cache"] == "miss"


def test_a_mutable_database_is_neither_said_immutable_nor_kept(seeds_db, tmp_path):
    copy = tmp_path / "alliance.db"
    shutil.copy(seeds_db, copy)
    mutable = Datasette([str(copy)], metadata=metadata(), settings=settings())
    for path in ("/alliance/events", "/", "/-/search?q=Taiwan"):
        first, second = fetch(mutable, path), fetch(mutable, path)
        assert "immutable" not in first.headers.get("cache-control", ""), path
        assert second.headers["x-cache"] == "miss", path


def test_a_query_that_runs_out_of_time_makes_its_answer_partial():
    from datasette.database import QueryInterrupted

    class Database:
        async def execute(self, sql, *args, **kwargs):
            raise QueryInterrupted(None, sql, None)

    db = Database()
    serve.note_interrupted_queries(db)
    serve.note_interrupted_queries(db)  # wrapped once

    async def facet_page(scope, receive, send):
        try:
            await db.execute("select facet")
        except QueryInterrupted:
            pass  # as Datasette does: the page goes without the facet
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"cache-control", b"public, max-age=3600, immutable")]})
        await send({"type": "http.response.body", "body": b"page without its facet"})

    cached = cache.CacheMiddleware(facet_page, cache.ResponseCache())
    assert get(cached, path="/alliance/events")[1]["cache-control"] == f"public, max-age={cache.PARTIAL_SECONDS}"


def test_table_permissions_are_remembered_with_the_same_answers(seeds_db):
    fresh = Datasette(immutables=[str(seeds_db)], metadata=metadata(), settings=settings())
    before = {t: fresh._table_permission_allows("alliance", t) for t in ("events", "actors", "nope")}
    serve.remember_table_permissions(fresh)
    assert fresh._table_permission_allows.cache_info()
    assert {t: fresh._table_permission_allows("alliance", t) for t in before} == before
    locked = Datasette(immutables=[str(seeds_db)], settings=settings(),
                       metadata={"databases": {"alliance": {"tables": {"events": {"allow": {"id": "root"}}}}}})
    serve.remember_table_permissions(locked)
    assert locked._table_permission_allows("alliance", "events") == [{"id": "root"}]
    assert fetch(locked, "/alliance/events").status_code == 403  # still refused, also the second time
    assert fetch(locked, "/alliance/events").status_code == 403


def test_a_table_page_looks_up_its_tables_metadata_once_not_once_a_cell(ds, monkeypatch):
    import sys

    from alliance_record.serve import cells

    asked = []
    metadata_of = ds.metadata

    def counting(key=None, database=None, table=None, fallback=True):
        if sys._getframe(1).f_code is cells.table_meta.__code__:  # the cells' lookups, not Datasette's own
            asked.append((key, table))
        return metadata_of(key, database=database, table=table, fallback=fallback)

    monkeypatch.setattr(ds, "metadata", counting)
    response = fetch(ds, "/alliance/actor_mentions?_size=100&_nocache=metadata")
    assert response.status_code == 200 and response.text.count('class="ar-label"') + response.text.count("<tr") > 100
    per_table = collections.Counter(table for key, table in asked)
    assert per_table["actor_mentions"] == 1 and set(per_table.values()) == {1}, per_table
