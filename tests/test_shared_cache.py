"""The store the workers of one server share answers through (alliance_record/serve/cache.py's
SharedStore) and the work it lets them share: a page is made once for the whole server, by the
worker that is free. Two "workers" here are two CacheMiddleware objects, each with its own
memory and app, over one SQLite file; the concurrent writers are real processes.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import subprocess
import sys

from alliance_record import serve
from alliance_record.serve import cache
from test_cache import FakeApp, request

IMMUTABLE = [(b"cache-control", b"public, max-age=60, immutable")]


def worker(store_path, respond=None, **limits):
    """A fake app and its middleware, sharing the store at ``store_path``."""
    app = FakeApp(respond)
    return app, cache.CacheMiddleware(app, cache.ResponseCache(**limits), store=cache.SharedStore(store_path))


def test_a_page_made_by_one_worker_is_sent_by_another_from_the_store(tmp_path):
    first_app, first = worker(tmp_path / "s.sqlite")
    second_app, second = worker(tmp_path / "s.sqlite")

    async def both():
        made = await request(first, path="/alliance/events", query=b"_size=5")
        sent = await request(second, path="/alliance/events", query=b"_size=5")
        again = await request(second, path="/alliance/events", query=b"_size=5")
        other_host = await request(second, path="/alliance/events", query=b"_size=5", host=b"other.org")
        return made, sent, again, other_host

    made, sent, again, other_host = asyncio.run(both())
    assert made[1]["x-cache"] == "miss" and sent[1]["x-cache"] == again[1]["x-cache"] == "hit"
    assert made[2] == sent[2] == again[2] == b"page /alliance/events?_size=5"
    assert sent[1]["cache-control"] == "public, max-age=60, immutable" and "age" in sent[1]
    # the second worker made only the page of another Host (the Host is in the key)
    assert len(first_app.calls) == 1 and second_app.calls == [("GET", "/alliance/events", b"_size=5")]
    assert other_host[1]["x-cache"] == "miss"


def test_what_may_not_be_kept_never_reaches_the_store(tmp_path):
    store = cache.SharedStore(tmp_path / "s.sqlite")
    answers = {"/missing": (404, IMMUTABLE, [b"no"]),
               "/cookie": (200, IMMUTABLE + [(b"set-cookie", b"a=b")], [b"yes"]),
               "/private": (200, [(b"cache-control", b"private, max-age=60")], [b"mine"]),
               "/mutable": (200, [(b"cache-control", b"public, max-age=60")], [b"may change"]),
               "/big": (200, IMMUTABLE, [b"x" * 600, b"x" * 600])}
    app = FakeApp(lambda scope: answers.get(scope["path"], (200, IMMUTABLE, [b"kept"])))
    cached = cache.CacheMiddleware(app, cache.ResponseCache(max_entry_bytes=1000), store=store)

    async def each():
        for path in answers:
            await request(cached, path=path)
        await request(cached, path="/kept", headers=[(b"cookie", b"session=1")])
        await request(cached, path="/kept", headers=[(b"authorization", b"Bearer x")])
        await request(cached, path="/kept", method="POST")

    asyncio.run(each())
    assert len(store) == 0 and store.errors == 0
    asyncio.run(request(cached, path="/kept"))
    assert len(store) == 1


def test_an_expired_answer_is_not_sent_and_is_written_again(tmp_path):
    now = [1000.0]
    store = cache.SharedStore(tmp_path / "s.sqlite", clock=lambda: now[0])
    key = ("http", b"h", "", b"/a", b"")
    assert store.put(key, 200, IMMUTABLE, b"old", 60)
    assert not store.put(key, 200, IMMUTABLE, b"second writer", 60)  # written once
    assert store.get(key)[2] == b"old"
    now[0] += 30
    assert store.get(key)[3:] == (30.0, 30.0)  # its age and what it has left
    now[0] += 30
    assert store.get(key) is None
    assert store.put(key, 200, IMMUTABLE, b"new", 60) and store.get(key)[2] == b"new"


def test_the_store_is_bounded_in_bytes_and_drops_the_oldest(tmp_path):
    now = [0.0]
    store = cache.SharedStore(tmp_path / "s.sqlite", max_bytes=1000, max_entry_bytes=400, clock=lambda: now[0])
    for i in range(6):
        now[0] += 1
        assert store.put(("http", b"h", "", f"/{i}".encode(), b""), 200, [], b"x" * 300, 60)
    assert not store.put(("http", b"h", "", b"/big", b""), 200, [], b"x" * 500, 60)
    conn = store.connection()
    assert conn.execute("select sum(size) from responses").fetchone()[0] <= 1000
    assert [k for (k,) in conn.execute("select key from responses order by stored_at")] == \
        [store.key_text(("http", b"h", "", f"/{i}".encode(), b"")) for i in (3, 4, 5)]
    assert store.evicted == 3


def write_many(path, writer, keys, queue):
    """In a process of its own: write ``keys`` answers signed by ``writer``; report the errors."""
    store = cache.SharedStore(path)
    for i in range(keys):
        store.put(("http", b"h", "", f"/{i}".encode(), b""), 200, IMMUTABLE, f"{writer}:{i}".encode() * 50, 60)
    queue.put(store.errors)


def test_writers_in_several_processes_at_once_each_key_written_once(tmp_path):
    path = str(tmp_path / "s.sqlite")
    cache.SharedStore(path).connection()
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    writers = [context.Process(target=write_many, args=(path, w, 200, queue)) for w in range(4)]
    for process in writers:
        process.start()
    errors = [queue.get(timeout=60) for _ in writers]
    for process in writers:
        process.join(60)
    store = cache.SharedStore(path)
    assert errors == [0, 0, 0, 0] and len(store) == 200
    for i in range(200):
        body = store.get(("http", b"h", "", f"/{i}".encode(), b""))[2]
        writer = body.split(b":")[0]
        assert body == f"{writer.decode()}:{i}".encode() * 50  # one writer's whole answer


class Held(FakeApp):
    """A fake app whose pages under /held/ wait for ``go``."""

    def __init__(self, name):
        super().__init__(lambda scope: (200, IMMUTABLE, [f"{name} made {scope['path']}".encode()]))
        self.go = asyncio.Event()
        self.begun = []

    async def __call__(self, scope, receive, send):
        self.begun.append(scope["path"])
        if scope["path"].startswith("/held/"):
            await self.go.wait()
        await super().__call__(scope, receive, send)


async def busy_and_idle(store_path):
    """Two workers over one store, each app a :class:`Held`; every slot of the first is taken by
    a held page (``/held/busy<i>``). Returns the apps, the middlewares and the held requests."""
    busy_app, idle_app = Held("busy"), Held("idle")
    busy = cache.CacheMiddleware(busy_app, cache.ResponseCache(), store=cache.SharedStore(store_path))
    idle = cache.CacheMiddleware(idle_app, cache.ResponseCache(), store=cache.SharedStore(store_path))
    held = [asyncio.create_task(request(busy, path=f"/held/busy{i}")) for i in range(cache.RENDER_SLOTS)]
    await asyncio.sleep(0.05)
    return busy_app, idle_app, busy, idle, held


def test_a_page_a_busy_worker_was_asked_for_is_made_by_an_idle_one(tmp_path):
    async def run():
        busy_app, idle_app, busy, idle, held = await busy_and_idle(tmp_path / "s.sqlite")
        waiting = asyncio.create_task(request(busy, path="/page"))
        await asyncio.sleep(0.05)
        assert not waiting.done()  # it waits its turn
        helper = asyncio.create_task(idle.help())
        answer = await asyncio.wait_for(waiting, 10)
        busy_app.go.set()
        await asyncio.gather(*held)
        helper.cancel()
        return answer, busy_app.calls, idle_app.calls, idle.helped, busy.slots.free

    answer, busy_calls, idle_calls, helped, free = asyncio.run(run())
    assert answer[0] == 200 and answer[2] == b"idle made /page" and answer[1]["x-cache"] == "hit"
    assert [c[1] for c in idle_calls] == ["/page"] and "/page" not in [c[1] for c in busy_calls]
    assert helped == 1 and free == cache.RENDER_SLOTS


def test_a_page_another_worker_is_making_is_waited_for_not_made_again(tmp_path):
    async def run():
        first_app, second_app = Held("first"), Held("second")
        first = cache.CacheMiddleware(first_app, cache.ResponseCache(), store=cache.SharedStore(tmp_path / "s.sqlite"))
        second = cache.CacheMiddleware(second_app, cache.ResponseCache(), store=cache.SharedStore(tmp_path / "s.sqlite"))
        making = asyncio.create_task(request(first, path="/held/page"))
        await asyncio.sleep(0.05)
        waiting = asyncio.create_task(request(second, path="/held/page"))
        await asyncio.sleep(0.1)
        assert not waiting.done() and second.slots.idle()  # it waits, holding no slot
        first_app.go.set()
        return await making, await asyncio.wait_for(waiting, 10), second_app.calls

    made, sent, second_calls = asyncio.run(run())
    assert made[2] == sent[2] == b"first made /held/page" and sent[1]["x-cache"] == "hit"
    assert second_calls == []


def test_a_page_made_elsewhere_and_not_kept_is_then_made_here(tmp_path):
    """A claim ends with its page, kept or not: the waiting worker then makes it itself."""
    async def run():
        respond = lambda scope: (404, [], [b"nothing here"])  # noqa: E731
        first_app, first = worker(tmp_path / "s.sqlite", respond)
        second_app, second = worker(tmp_path / "s.sqlite", respond)
        assert first.store.claim(("http", b"example.org", "", b"/gone", b""))
        waiting = asyncio.create_task(request(second, path="/gone"))
        await asyncio.sleep(0.1)
        assert not waiting.done()
        first.store.done_with(("http", b"example.org", "", b"/gone", b""))
        return await asyncio.wait_for(waiting, 10), second_app.calls

    answer, calls = asyncio.run(run())
    assert answer[0] == 404 and len(calls) == 1


def test_each_server_run_gets_a_new_store_and_the_dead_ones_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    live = str(os.getppid())
    for pid in (dead, live):
        for suffix in ("", "-wal"):
            (tmp_path / f"alliance-record-{pid}.cache.sqlite{suffix}").write_text("old")
    (tmp_path / f"alliance-record-{os.getpid()}.cache.sqlite").write_bytes(b"")
    old = cache.SharedStore(tmp_path / f"alliance-record-{os.getpid()}.cache.sqlite")
    old.put(("http", b"h", "", b"/", b""), 200, [], b"from an earlier run", 60)
    old.connection().close()
    path = serve.new_shared_store(tmp_path)
    assert path == tmp_path / f"alliance-record-{os.getpid()}.cache.sqlite"
    assert len(cache.SharedStore(path)) == 0
    left = sorted(p.name for p in tmp_path.iterdir())
    assert f"alliance-record-{dead}.cache.sqlite" not in left and f"alliance-record-{dead}.cache.sqlite-wal" not in left
    assert f"alliance-record-{live}.cache.sqlite" in left


def test_the_store_is_off_without_its_path_or_with_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.delenv(serve.SHARED_CACHE_ENV, raising=False)
    assert serve.shared_store() is None
    monkeypatch.setenv(serve.SHARED_CACHE_ENV, str(tmp_path / "s.sqlite"))
    assert isinstance(serve.shared_store(), cache.SharedStore)
    monkeypatch.setenv(serve.CACHE_MB_ENV, "0")
    assert serve.shared_store() is None


def test_an_idle_worker_makes_as_many_waiting_pages_at_once_as_it_has_slots(tmp_path):
    async def run():
        busy_app, idle_app, busy, idle, held = await busy_and_idle(tmp_path / "s.sqlite")
        waiting = [asyncio.create_task(request(busy, path=f"/held/wait{i}")) for i in range(cache.RENDER_SLOTS + 1)]
        await asyncio.sleep(0.05)
        helper = asyncio.create_task(idle.help())
        await asyncio.sleep(0.3)
        begun = sorted(idle_app.begun)  # held until go: all begun at once, or one by one
        idle_app.go.set()
        answers = await asyncio.wait_for(asyncio.gather(*waiting), 10)
        busy_app.go.set()
        await asyncio.gather(*held)
        helper.cancel()
        return begun, answers

    begun, answers = asyncio.run(run())
    assert begun == [f"/held/wait{i}" for i in range(cache.RENDER_SLOTS)]
    assert all(a[0] == 200 for a in answers)
