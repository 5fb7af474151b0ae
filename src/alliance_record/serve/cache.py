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

Each worker process has its own cache (there is no shared memory between uvicorn's workers):
with two workers a page is rendered at most twice per hour.
"""

from __future__ import annotations

import asyncio
import collections
import contextvars
import re
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

    def put(self, key, status: int, headers, body: bytes, max_age: int) -> bool:
        size = self.entry_size(headers, body)
        if size > self.max_entry_bytes or max_age <= 0:
            return False
        if key in self.entries:
            self._drop(key)
        now = self.clock()
        self.entries[key] = (status, list(headers), bytes(body), now, now + max_age)
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


class CacheMiddleware:
    """ASGI middleware answering from a :class:`ResponseCache` (the rules: this module's docstring).

    Misses of one key at the same time are made once: while the first is being made, the others
    wait for it and are answered from the cache. A page every visitor asks for, wanted by 30 of
    them as a worker starts, costs one rendering, not 30 queued on one event loop. The waiting
    ones are let go as soon as the first answer shows it will not be kept — its start (a status,
    ``Cache-Control`` or ``Set-Cookie`` that :func:`storable` refuses) or a body grown past
    ``max_entry_bytes`` — and each is then made by the app: a second visitor downloading
    ``/alliance.db`` or a streamed CSV does not wait for the whole of the first one's."""

    def __init__(self, app, cache: ResponseCache, require_immutable: bool = True):
        self.app = app
        self.cache = cache
        self.require_immutable = require_immutable
        self.inflight: dict = {}  # key -> (event loop, future done when its first miss is answered)
        self.coalesced = 0  # requests answered after waiting for another's miss

    async def __call__(self, scope, receive, send):
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
            await self.make(key, scope, receive, send, release)
        finally:
            release()

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
                    self.cache.put(key, response["status"], response["headers"], b"".join(response["body"]),
                                   response["max_age"])
                    release()
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            _state.reset(token)
