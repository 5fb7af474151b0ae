"""A bounded in-process cache of whole responses, as ASGI middleware (installed by ``asgi_wrapper``).

Why it exists. Every visitor asks for the same few dozen pages (the front page, the first page
of each table, the canned queries with their examples, the document pages), the database is
immutable, and rendering one of those pages costs Datasette 20 to 200 ms of Python (queries,
facets, ``render_cell`` for every cell, Jinja): on two cores that caps the site at about 55
requests/s whatever the number of connections (issue 19, item 16). The answer to the same URL
does not change while the same file is served, so it is rendered once per worker and then sent
from memory.

Why a small middleware of our own rather than a package. A caching reverse proxy (Varnish,
nginx) would be a second server to install, configure and supervise for what is a dictionary
lookup in front of the app. The ASGI caching middleware on PyPI, asgi-caches (last released in
2019) and its successor starlette-caches, both say they are alpha with breaking changes between
minor versions, bring a cache framework (async-caches, aiocache) with them, and know nothing of
what matters here: a page Datasette made partial when a facet ran out of time, the requests
already waiting for the same page, a bound in bytes. ``asgi_wrapper`` is Datasette's own place
for such a layer, and these rules are short enough to read whole.

What is stored — only what any visitor would be sent, never anything that varies per person:

* requests: ``GET`` without ``Cookie`` and without ``Authorization`` (Datasette marks an answer to
  either "private, no-store" and varies on them), and not conditional or partial (no
  ``If-None-Match``, ``If-Modified-Since``, ``Range``…: :data:`CONDITIONAL_HEADERS`, whose
  answer is a 304 or a 206 the app makes, not a stored 200); anything else goes straight to the app;
* responses: status 200, no ``Set-Cookie``, a ``Cache-Control`` that lets a shared cache keep it
  (``max-age`` or ``s-maxage`` above 0, not ``private``, ``no-store`` or ``no-cache``) and, with
  ``require_immutable`` (the site's choice), says ``immutable``: the serve plugin writes that
  only on answers drawn from an immutable database (a mutable one can change under a cache),
  see :func:`alliance_record.serve.cache_control`; a ``Vary`` on no header but ``Cookie`` and
  ``Authorization``; a body of at most ``max_entry_bytes`` (a larger one, such as the
  ``/alliance.db`` download or a streamed CSV, is passed through as it comes and forgotten);
* an answer the app marked :func:`partial` while making it (the serve plugin marks a request one
  of whose queries hit a time limit: Datasette then answers 200 without that facet or count) is
  kept only :data:`PARTIAL_SECONDS`, and its ``Cache-Control`` says so downstream too
  (``max-age`` cut to that, no ``immutable``): the next visitors within those seconds get the
  same page they would have been given anyway, and afterwards it is made again, whole when the
  server is less busy. Keeping it not at all made the cache useless exactly when it is needed:
  on a cold worker under 32 connections, facets ran out of time on every page because every
  page was being made, so no page was ever kept;
* the key is the whole request target as it arrived (scheme, ``Host``, raw path with its query
  string): ``?q=a`` and ``?q=b`` are two entries, and absolute URLs Datasette writes from the
  Host header are never sent to another host;
* an entry lives as long as its ``max-age`` says (an hour with the site's ``default_cache_ttl``)
  and the whole cache holds at most ``max_bytes`` (least recently used entries go first).

A hit replays the stored status, headers and body, with an ``Age`` header (as HTTP caches do)
and ``x-cache: hit``; any other answer to a request that was looked up carries ``x-cache: miss``.
The body of a miss is sent on as the app produces it (never held back to be cached), so
streaming answers stay streaming; requests for a page that is being made wait for it (see
:class:`CacheMiddleware`). What a cached page says it took ("Queries took 6 ms") is what it took
when it was made.

Each worker process has its own cache in memory, and the workers of one server share a
:class:`SharedStore`, one SQLite file (``alliance-record serve`` makes one a server run): a
miss in a worker's memory is looked up there before the app is asked, and what a worker makes
is written there too, so a page is made once for the whole server rather than once a worker.
That is what a cold start needs (issue 19 item 16: on a server just started, 32 connections
made every page in each of the two workers at once, and the slowest request waited up to 3.8 s
for them); warm, every answer still comes from the worker's memory.
"""

from __future__ import annotations

import asyncio
import collections
import contextvars
import json
import os
import re
import sqlite3
import time

# How much one worker keeps: all the URLs of the load test (134 pages) take about 8 MB.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
# The largest single answer kept: the largest page of the seeds is ~340 KB (a mentions table);
# the 3.4 MB /alliance.db download and streamed CSVs go past it.
DEFAULT_MAX_ENTRY_BYTES = 2 * 1024 * 1024
# The headers an entry may vary on: requests carrying either are never looked up nor stored.
PERSONAL_HEADERS = (b"cookie", b"authorization")
# Headers that make a request conditional or partial: its answer depends on what the visitor
# already has (a 304 Not Modified, a 206 range) and a stored 200 is not it, so such a request
# goes to the app, which answers it itself (Datasette's download answers If-None-Match with 304).
CONDITIONAL_HEADERS = (b"if-none-match", b"if-modified-since", b"if-match", b"if-unmodified-since",
                       b"if-range", b"range")

# How long an incomplete answer (see partial()) is kept, here and by browsers.
PARTIAL_SECONDS = 10

# Per request: {"reason": None}, or the reason its answer is incomplete (see partial()).
_state: contextvars.ContextVar = contextvars.ContextVar("alliance_record_cache_state", default=None)

_DIRECTIVE = re.compile(r"\s*([A-Za-z-]+)\s*(?:=\s*\"?([^\",]*)\"?)?\s*(?:,|$)")


def partial(reason: str = "marked by the app") -> None:
    """Mark the answer to the request being handled as incomplete for a reason that may not hold
    next time: it is kept :data:`PARTIAL_SECONDS` at most (no effect outside a request).

    Called from code that runs while a request is answered (in its task, or a task it started),
    before the response starts."""
    state = _state.get()
    if state is not None and state.get("reason") is None:
        state["reason"] = reason


def cache_directives(value: str | None) -> dict:
    """``Cache-Control`` as ``{directive: value or True}``, directive names in lower case."""
    out: dict = {}
    for name, arg in _DIRECTIVE.findall(value or ""):
        out[name.lower()] = arg if arg else True
    return out


def shortened(headers: list, seconds: int) -> list:
    """``headers`` with a ``Cache-Control`` of at most ``max-age=seconds`` and no ``immutable``
    (``public`` kept when it was there)."""
    directives = cache_directives(next((v.decode("latin-1") for k, v in headers if k.lower() == b"cache-control"), None))
    value = ("public, " if "public" in directives else "") + f"max-age={seconds}"
    return [(k, v) for k, v in headers if k.lower() != b"cache-control"] + [(b"cache-control", value.encode())]


def shared_max_age(value: str | None) -> int:
    """How many seconds a shared cache may keep a response with this ``Cache-Control`` (0: not at all)."""
    directives = cache_directives(value)
    if any(d in directives for d in ("private", "no-store", "no-cache")):
        return 0
    for name in ("s-maxage", "max-age"):
        arg = directives.get(name)
        if isinstance(arg, str) and arg.isdigit():
            return int(arg)
    return 0


class ResponseCache:
    """A least-recently-used map from a request key to a stored response, bounded in bytes.

    An entry is ``(status, headers, body, stored_at, expires_at)``; its size is its body plus its
    headers. ``get`` drops an expired entry; ``put`` refuses an entry larger than
    ``max_entry_bytes`` and evicts the least recently used entries until the total fits."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES, max_entry_bytes: int = DEFAULT_MAX_ENTRY_BYTES,
                 clock=time.monotonic):
        self.max_bytes = max(0, int(max_bytes))
        self.max_entry_bytes = max(0, min(int(max_entry_bytes), self.max_bytes))
        self.clock = clock
        self.entries: collections.OrderedDict = collections.OrderedDict()
        self.size = 0
        self.hits = self.misses = self.stored = self.evicted = 0

    @staticmethod
    def entry_size(headers, body: bytes) -> int:
        return len(body) + sum(len(k) + len(v) for k, v in headers)

    def get(self, key):
        entry = self.entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        if self.clock() >= entry[4]:
            self._drop(key)
            self.misses += 1
            return None
        self.entries.move_to_end(key)
        self.hits += 1
        return entry

    def put(self, key, status: int, headers, body: bytes, max_age: float, age: float = 0) -> bool:
        """Keep an answer ``age`` seconds old (made elsewhere, such as in another worker) for the
        ``max_age`` seconds it has left."""
        size = self.entry_size(headers, body)
        if size > self.max_entry_bytes or max_age <= 0:
            return False
        if key in self.entries:
            self._drop(key)
        now = self.clock()
        self.entries[key] = (status, list(headers), bytes(body), now - age, now + max_age)
        self.size += size
        self.stored += 1
        while self.size > self.max_bytes and self.entries:
            self._drop(next(iter(self.entries)))
            self.evicted += 1
        return key in self.entries

    def _drop(self, key):
        status, headers, body, _, _ = self.entries.pop(key)
        self.size -= self.entry_size(headers, body)

    def __len__(self):
        return len(self.entries)


# How long a claim to make a page holds when its worker never says it is done (it died): the
# others then make the page themselves.
CLAIM_SECONDS = 30
# How often a request waiting for a page made elsewhere looks for it, and an idle worker for a
# page another has been asked for and not begun.
POLL_SECONDS = 0.02
# Pages a worker makes at once when it shares a store; a miss beyond them waits its turn, and
# meanwhile an idle worker may make it (see CacheMiddleware).
RENDER_SLOTS = 2
# How long a worker waits for the shared store's write lock before it gives up keeping an answer
# there (the event loop waits meanwhile; a write takes a millisecond).
STORE_BUSY_SECONDS = 0.25


class SharedStore:
    """Answers kept in one SQLite file that every worker process of a server reads and writes:
    a page made by one worker is sent from here by the others, without being made again.

    The same rules as :class:`ResponseCache` (the same keys and entries, each kept for its
    ``max-age``, at most ``max_entry_bytes`` an answer and ``max_bytes`` in all), with what
    sharing between processes needs: a key is written once (a second writer of the same key
    keeps the first answer, unless it has expired), every write is one transaction (SQLite's
    write-ahead log: readers never wait for it, writers queue for at most
    :data:`STORE_BUSY_SECONDS`), the oldest answers are dropped first when the file holds more
    than ``max_bytes`` (oldest by when they were made: a read writes nothing, so there is no
    recency to go by), and the times are wall-clock seconds, the same in every process. An
    error of the file (locked too long, disk full, removed) makes a lookup a miss and a write
    nothing: the store only saves work. Each process opens its own connection on first use.
    """

    SCHEMA = ("create table if not exists responses (key text primary key, status integer not null, "
              "headers text not null, body blob not null, stored_at real not null, "
              "expires_at real not null, size integer not null)",
              "create index if not exists responses_by_age on responses (stored_at)",
              # a page a worker is making: the others wait for it rather than make it too
              "create table if not exists claims (key text primary key, until real not null)",
              # a page a busy worker has been asked for and not begun: an idle worker may make it
              "create table if not exists wanted (key text primary key, scope text not null, at real not null)")

    def __init__(self, path, max_bytes: int = DEFAULT_MAX_BYTES, max_entry_bytes: int = DEFAULT_MAX_ENTRY_BYTES,
                 clock=time.time):
        self.path = str(path)
        self.max_bytes = max(0, int(max_bytes))
        self.max_entry_bytes = max(0, min(int(max_entry_bytes), self.max_bytes))
        self.clock = clock
        self.hits = self.stored = self.evicted = self.errors = 0
        self._conn = self._pid = None

    def connection(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            conn = sqlite3.connect(self.path, timeout=STORE_BUSY_SECONDS, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("pragma journal_mode=wal")
            conn.execute("pragma synchronous=off")  # a cache: a crash loses nothing that matters
            for statement in self.SCHEMA:
                conn.execute(statement)
            self._conn, self._pid = conn, os.getpid()
        return self._conn

    @staticmethod
    def key_text(key) -> str:
        return json.dumps([part.decode("latin-1") if isinstance(part, bytes) else part for part in key])

    def get(self, key):
        """``(status, headers, body, age, seconds left)`` of a live answer, or None."""
        try:
            row = self.connection().execute(
                "select status, headers, body, stored_at, expires_at from responses where key = ?",
                (self.key_text(key),)).fetchone()
        except sqlite3.Error:
            self.errors += 1
            return None
        now = self.clock()
        if row is None or now >= row[4]:
            return None
        self.hits += 1
        headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in json.loads(row[1])]
        return row[0], headers, bytes(row[2]), max(0.0, now - row[3]), row[4] - now

    def put(self, key, status: int, headers, body: bytes, max_age: float) -> bool:
        """Keep an answer made now unless a live one of the same key is there; True if kept."""
        size = ResponseCache.entry_size(headers, body)
        if size > self.max_entry_bytes or max_age <= 0:
            return False
        now = self.clock()
        text = json.dumps([(k.decode("latin-1"), v.decode("latin-1")) for k, v in headers])
        try:
            conn = self.connection()
            with conn:
                conn.execute("begin immediate")
                written = conn.execute(
                    "insert into responses (key, status, headers, body, stored_at, expires_at, size) "
                    "values (?, ?, ?, ?, ?, ?, ?) on conflict (key) do update set status = excluded.status, "
                    "headers = excluded.headers, body = excluded.body, stored_at = excluded.stored_at, "
                    "expires_at = excluded.expires_at, size = excluded.size "
                    "where responses.expires_at <= excluded.stored_at",
                    (self.key_text(key), status, text, bytes(body), now, now + max_age, size)).rowcount
                if written:
                    self._evict(conn, now)
        except sqlite3.Error:
            self.errors += 1
            return False
        self.stored += bool(written)
        return bool(written)

    def claim(self, key) -> bool:
        """Take the making of ``key`` for :data:`CLAIM_SECONDS` (False: another worker has it)."""
        now = self.clock()
        try:
            return bool(self.connection().execute(
                "insert into claims (key, until) values (?, ?) on conflict (key) do update set "
                "until = excluded.until where claims.until <= ?", (self.key_text(key), now + CLAIM_SECONDS, now)
            ).rowcount)
        except sqlite3.Error:
            self.errors += 1
            return True  # the store cannot say: make it here

    def claimed(self, key) -> bool:
        """Whether another worker is making ``key`` (an expired claim is nobody's)."""
        try:
            return self.connection().execute("select 1 from claims where key = ? and until > ?",
                                             (self.key_text(key), self.clock())).fetchone() is not None
        except sqlite3.Error:
            self.errors += 1
            return False

    def done_with(self, key):
        """``key`` is made (kept or not): neither claimed nor wanted any more."""
        text = self.key_text(key)
        try:
            conn = self.connection()
            with conn:
                conn.execute("begin immediate")
                conn.execute("delete from claims where key = ?", (text,))
                conn.execute("delete from wanted where key = ?", (text,))
        except sqlite3.Error:
            self.errors += 1

    def want(self, key, scope):
        """Say that a request for ``key`` waits to be made, with what another worker needs to make it."""
        try:
            self.connection().execute("insert or ignore into wanted (key, scope, at) values (?, ?, ?)",
                                      (self.key_text(key), scope_text(scope), self.clock()))
        except sqlite3.Error:
            self.errors += 1

    def next_wanted(self):
        """``(key, scope)`` of the longest-waiting wanted page that nobody makes and nobody has
        kept, or None."""
        now = self.clock()
        try:
            row = self.connection().execute(
                "select w.scope from wanted w left join claims c on c.key = w.key and c.until > ? "
                "left join responses r on r.key = w.key and r.expires_at > ? "
                "where c.key is null and r.key is null order by w.at limit 1", (now, now)).fetchone()
        except sqlite3.Error:
            self.errors += 1
            return None
        if row is None:
            return None
        scope = text_scope(row[0])
        return request_key(scope), scope

    def _evict(self, conn, now):
        """Drop expired answers, then the oldest until the total fits in ``max_bytes``."""
        conn.execute("delete from responses where expires_at <= ?", (now,))
        total = conn.execute("select coalesce(sum(size), 0) from responses").fetchone()[0]
        if total <= self.max_bytes:
            return
        doomed = []
        for key, size in conn.execute("select key, size from responses order by stored_at, key"):
            if total <= self.max_bytes:
                break
            doomed.append((key,))
            total -= size
        conn.executemany("delete from responses where key = ?", doomed)
        self.evicted += len(doomed)

    def __len__(self):
        try:
            return self.connection().execute("select count(*) from responses").fetchone()[0]
        except sqlite3.Error:
            return 0


def scope_text(scope) -> str:
    """What of an anonymous GET's ASGI scope another worker needs to make its answer, as JSON."""
    def text(value):
        return value.decode("latin-1") if isinstance(value, bytes) else value

    return json.dumps({
        "type": "http", "method": "GET", "http_version": scope.get("http_version", "1.1"),
        "scheme": scope.get("scheme", "http"), "path": scope.get("path", ""),
        "raw_path": text(scope.get("raw_path") or scope.get("path", "").encode("utf-8")),
        "query_string": text(scope.get("query_string", b"")), "root_path": scope.get("root_path", ""),
        "headers": [[text(k), text(v)] for k, v in scope.get("headers") or ()],
        "server": list(scope["server"]) if scope.get("server") else None,
    })


def text_scope(text: str) -> dict:
    """The ASGI scope of :func:`scope_text`."""
    scope = json.loads(text)
    for name in ("raw_path", "query_string"):
        scope[name] = scope[name].encode("latin-1")
    scope["headers"] = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in scope["headers"]]
    scope["server"] = tuple(scope["server"]) if scope["server"] else None
    scope["asgi"] = {"version": "3.0"}
    scope["client"] = None
    return scope


class Slots:
    """At most ``size`` pages made at once, the others served in the order they asked: ``enter()``
    returns a ticket whose ``future`` is done when it holds a place; ``leave(ticket)`` (once or
    more) gives the place to the next, or takes a waiting ticket out of the line."""

    class Ticket:
        __slots__ = ("future", "left")

        def __init__(self, future):
            self.future, self.left = future, False

    def __init__(self, size: int = RENDER_SLOTS):
        self.size = self.free = max(1, int(size))
        self.line: collections.deque = collections.deque()

    def enter(self) -> "Slots.Ticket":
        ticket = self.Ticket(asyncio.get_running_loop().create_future())
        if self.free and not self.line:
            self.free -= 1
            ticket.future.set_result(None)
        else:
            self.line.append(ticket)
        return ticket

    def idle(self) -> bool:
        return bool(self.free) and not self.line

    def leave(self, ticket: "Slots.Ticket"):
        if ticket.left:
            return
        ticket.left = True
        if not ticket.future.done():
            self.line.remove(ticket)
            ticket.future.cancel()
            return
        while self.line:
            following = self.line.popleft()
            if not following.future.done():
                following.future.set_result(None)
                return
        self.free += 1


def request_key(scope) -> tuple | None:
    """The cache key of a request, or None when it must not be looked up or stored
    (not an HTTP GET, or it carries a cookie, credentials or a condition: :data:`PERSONAL_HEADERS`,
    :data:`CONDITIONAL_HEADERS`)."""
    if scope.get("type") != "http" or scope.get("method") != "GET":
        return None
    host = b""
    for name, value in scope.get("headers") or ():
        name = name.lower()
        if name in PERSONAL_HEADERS or name in CONDITIONAL_HEADERS:
            return None
        if name == b"host":
            host = value
    raw_path = scope.get("raw_path") or scope.get("path", "").encode("utf-8")
    return (scope.get("scheme", "http"), host, scope.get("root_path", ""), raw_path, scope.get("query_string", b""))


def storable(status: int, headers, require_immutable: bool) -> int:
    """Seconds a response with this status and these headers may be kept (0: not at all)."""
    if status != 200:
        return 0
    cache_control = None
    for name, value in headers:
        name = name.lower()
        if name == b"set-cookie":
            return 0
        if name == b"cache-control":
            cache_control = value.decode("latin-1")
        if name == b"vary":
            varies = {v.strip().lower() for v in value.split(b",") if v.strip()}
            if not varies <= set(PERSONAL_HEADERS):
                return 0
    if require_immutable and "immutable" not in cache_directives(cache_control):
        return 0
    return shared_max_age(cache_control)


async def ignore_body():
    """The ``receive`` of a page made for another worker's visitor: a GET without a body."""
    return {"type": "http.request", "body": b"", "more_body": False}


async def discard(message):
    """The ``send`` of a page made for another worker's visitor: only the store keeps it."""


class CacheMiddleware:
    """ASGI middleware answering from a :class:`ResponseCache` (the rules: this module's docstring).

    Misses of one key at the same time are made once: while the first is being made, the others
    wait for it and are answered from the cache. A page every visitor asks for, wanted by 30 of
    them as a worker starts, costs one rendering, not 30 queued on one event loop. The waiting
    ones are let go as soon as the first answer shows it will not be kept — its start (a status,
    ``Cache-Control`` or ``Set-Cookie`` that :func:`storable` refuses) or a body grown past
    ``max_entry_bytes`` — and each is then made by the app: a second visitor downloading
    ``/alliance.db`` or a streamed CSV does not wait for the whole of the first one's.

    With a :class:`SharedStore` (the server's workers share it) a miss in memory is looked up
    there, and one that is not there either is made once for the whole server, by whichever
    worker is free first: the worker asked makes :data:`RENDER_SLOTS` pages at once (the rest
    wait their turn, in order) and says in the store which pages wait; an idle worker makes the
    longest-waiting one (:meth:`help`, started with the worker's lifespan) and the worker asked
    sends it from the store. A page one worker is making (its *claim*) is not made by another,
    which waits for the store instead. So a burst of connections that all landed on one worker
    (an ASGI server's workers accept from one socket; whichever wakes first takes the whole
    burst) is made by every worker, not by that one alone."""

    def __init__(self, app, cache: ResponseCache, require_immutable: bool = True, store: SharedStore | None = None):
        self.app = app
        self.cache = cache
        self.store = store  # the answers of the server's other workers (None: this process's only)
        self.require_immutable = require_immutable
        self.inflight: dict = {}  # key -> (event loop, future done when its first miss is answered)
        self.coalesced = 0  # requests answered after waiting for another's miss
        self.slots = Slots()
        self.helped = 0  # pages made here because another worker was asked for them

    async def __call__(self, scope, receive, send):
        if scope.get("type") == "lifespan" and self.store is not None:
            await self.with_helper(scope, receive, send)
            return
        key = request_key(scope) if self.cache.max_bytes else None
        if key is None:
            await self.app(scope, receive, send)
            return
        entry = self.cache.get(key)
        loop = asyncio.get_running_loop()
        if entry is None:
            first = self.inflight.get(key)
            if first is not None and first[0] is loop and not first[1].done():
                await asyncio.shield(first[1])
                entry = self.cache.get(key)
                self.coalesced += entry is not None
        if entry is None and self.store is not None:
            found = self.store.get(key)
            if found is not None:
                await self.replay_stored(key, found, send)
                return
        if entry is not None:
            await self.replay(entry, send)
            return
        if key in self.inflight and self.inflight[key][0] is loop and not self.inflight[key][1].done():
            await self.make(key, scope, receive, send)  # someone else is already the first
            return
        done = loop.create_future()
        self.inflight[key] = (loop, done)

        def release():
            """Let the requests waiting for this miss go: it is kept now, or will not be."""
            if self.inflight.get(key, (None, None))[1] is done:
                del self.inflight[key]
            if not done.done():
                done.set_result(None)

        try:
            if self.store is None:
                await self.make(key, scope, receive, send, release)
            else:
                await self.make_shared(key, scope, receive, send, release)
        finally:
            release()

    async def replay_stored(self, key, found, send):
        """Send an answer of the shared store, keeping it in memory for the time it has left."""
        status, headers, body, age, left = found
        self.cache.put(key, status, headers, body, left, age=age)
        await self.replay((status, headers, body, self.cache.clock() - age, None), send)

    async def make_shared(self, key, scope, receive, send, release):
        """Answer a miss of memory and store: from the store as soon as another worker has made
        it, else made here once this worker has a free slot and nobody else claims it."""
        store = self.store
        store.want(key, scope)
        ticket = self.slots.enter()
        try:
            while True:
                if ticket is None:
                    await asyncio.sleep(POLL_SECONDS)
                else:
                    await asyncio.wait({ticket.future}, timeout=POLL_SECONDS)
                found = store.get(key)
                if found is not None:
                    await self.replay_stored(key, found, send)
                    return
                if ticket is not None and ticket.future.done():
                    if store.claim(key):
                        break
                    self.slots.leave(ticket)  # another worker makes it: wait for the store
                    ticket = None
                elif ticket is None and not store.claimed(key):
                    ticket = self.slots.enter()  # made elsewhere and not kept, or its worker died

            def done():
                release()
                store.done_with(key)
                self.slots.leave(ticket)

            try:
                await self.make(key, scope, receive, send, done)
            finally:
                done()
        finally:
            if ticket is not None:
                self.slots.leave(ticket)

    async def with_helper(self, scope, receive, send):
        """Pass the lifespan on, running :meth:`help` from startup to shutdown."""
        task = None

        async def receive_and_help():
            nonlocal task
            message = await receive()
            if message["type"] == "lifespan.startup" and task is None:
                task = asyncio.get_running_loop().create_task(self.help())
            elif message["type"] == "lifespan.shutdown" and task is not None:
                task.cancel()
            return message

        try:
            await self.app(scope, receive_and_help, send)
        finally:
            if task is not None:
                task.cancel()

    async def help(self):
        """While this worker has free slots, make the pages other workers were asked for and have
        not begun (:meth:`SharedStore.next_wanted`), as many at once as it has free slots, into
        the store, where they send them from."""
        helping: set = set()
        try:
            while True:
                await asyncio.sleep(POLL_SECONDS)
                while self.slots.idle():
                    wanted = self.store.next_wanted()
                    if wanted is None or wanted[0] is None or not self.store.claim(wanted[0]):
                        break
                    task = asyncio.get_running_loop().create_task(self.make_for_another(*wanted, self.slots.enter()))
                    helping.add(task)
                    task.add_done_callback(helping.discard)
        finally:
            for task in helping:
                task.cancel()

    async def make_for_another(self, key, scope, ticket):
        """Make a page another worker was asked for (claimed here, ``ticket`` a slot held)."""
        try:
            await self.make(key, scope, ignore_body, discard)
            self.helped += 1
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - a page that fails here fails for its own visitor too
            pass
        finally:
            self.store.done_with(key)
            self.slots.leave(ticket)

    async def replay(self, entry, send):
        status, headers, body, stored_at, _ = entry
        age = str(int(self.cache.clock() - stored_at)).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": headers + [(b"age", age), (b"x-cache", b"hit")]})
        await send({"type": "http.response.body", "body": body})

    async def make(self, key, scope, receive, send, release=None):
        """Answer a miss with the app, passing every message on as it comes and keeping the
        response when it may be kept; ``release()`` (if given) is called as soon as it is kept or
        known not to be, before the rest of the answer is sent."""
        release = release or (lambda: None)
        state = {"reason": None}
        token = _state.set(state)
        response = {"max_age": 0, "status": None, "headers": None, "body": [], "size": 0}

        async def capture(message):
            kind = message["type"]
            if kind == "http.response.start":
                headers = list(message.get("headers") or [])
                max_age = storable(message["status"], headers, self.require_immutable)
                if max_age and state["reason"] is not None:
                    max_age = min(max_age, PARTIAL_SECONDS)
                    headers = shortened(headers, max_age)
                response["status"], response["headers"], response["max_age"] = message["status"], headers, max_age
                message = dict(message, headers=headers + [(b"x-cache", b"miss")])
                if not max_age:
                    release()  # not kept: whoever waits for it asks the app now
            elif kind == "http.response.body" and response["max_age"]:
                chunk = message.get("body", b"")
                response["size"] += len(chunk)
                if response["size"] > self.cache.max_entry_bytes:
                    response["max_age"], response["body"] = 0, []  # too big: pass it on, keep nothing
                    release()
                else:
                    response["body"].append(chunk)
                if not message.get("more_body", False) and response["max_age"]:
                    body = b"".join(response["body"])
                    self.cache.put(key, response["status"], response["headers"], body, response["max_age"])
                    if self.store is not None:
                        self.store.put(key, response["status"], response["headers"], body, response["max_age"])
                    release()
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            _state.reset(token)
