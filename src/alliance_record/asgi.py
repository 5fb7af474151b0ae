"""The served dataset as an ASGI application, for an ASGI server with several worker processes.

``datasette serve`` runs one process: on a two-core machine one Python process answers every
visitor in turn, and a slow page (a facet over 100,000 rows, a full-text query) holds up the rest.
``make serve`` runs this module under uvicorn with ``--workers`` (uvicorn's own process manager:
one port, N processes, each its own Datasette over the same immutable file), as ``datasette
serve -i`` would configure it: the same database, metadata, inspect file, settings
(:data:`alliance_record.serve.SETTINGS`) and plugins, and the startup hooks run before the first
request. Each worker reads its configuration from the environment:

``ALLIANCE_DB`` (default ``build/alliance.db``), ``ALLIANCE_METADATA`` (``metadata.yml``),
``ALLIANCE_INSPECT`` (``build/inspect.json`` when it exists), ``ALLIANCE_CACHE_MB`` (the response
cache of each worker, 64; 0 turns it off) and ``DATASETTE_SECRET`` (shared by the workers, so a
signed value one of them makes is valid in another; a random one per worker otherwise).

Every worker also keeps the answers every visitor asks for (:class:`ResponseCache`): the data
cannot change while it is served, so a page once made is the same page for the next visitor.
"""

from __future__ import annotations

import asyncio
import collections
import json
import os
from pathlib import Path

import yaml

# Answers larger than this are passed on but not kept (the database download, a long CSV).
MAX_ENTRY_BYTES = 2_000_000
# Request headers that make an answer one visitor's own: it is neither served from nor kept in
# the cache. (Datasette's actor cookie, and credentials of any kind.)
PRIVATE_COOKIES = (b"ds_actor",)


class ResponseCache:
    """ASGI middleware that keeps whole answers to GET and HEAD requests, least recently used
    first out, within ``max_bytes`` in all.

    Written here rather than taken from a library because what may be kept is particular to an
    immutable Datasette: an answer is kept only when it is a 200 with no ``Set-Cookie``, to a
    request with no credentials (``Authorization``, Datasette's ``ds_actor`` cookie), complete and
    at most :data:`MAX_ENTRY_BYTES`; the key is the method, the full path and the query string
    (``?_sort=...`` is another page). A kept answer is replayed with ``x-alliance-cache: hit``;
    the first one goes out as it is made (nothing waits for the cache), marked ``miss``.
    """

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes
        self.used = 0
        self.entries: collections.OrderedDict = collections.OrderedDict()  # key -> (start, body, size)

    @staticmethod
    def key(scope) -> tuple | None:
        if scope.get("type") != "http" or scope.get("method") not in ("GET", "HEAD"):
            return None
        for name, value in scope.get("headers") or []:
            if name == b"authorization" or (name == b"cookie" and any(c in value for c in PRIVATE_COOKIES)):
                return None
        return scope["method"], scope.get("root_path", ""), scope.get("path", ""), scope.get("query_string", b"")

    async def __call__(self, scope, receive, send):
        key = self.key(scope) if self.max_bytes > 0 else None
        if key is None:
            await self.app(scope, receive, send)
            return
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            start, body, _ = hit
            await send({**start, "headers": start["headers"] + [(b"x-alliance-cache", b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        kept = {"start": None, "chunks": [], "size": 0, "ok": True}

        async def keep(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                kept["ok"] = message["status"] == 200 and not any(n.lower() == b"set-cookie" for n, _ in headers)
                kept["start"] = {**message, "headers": headers}
                message = {**message, "headers": headers + [(b"x-alliance-cache", b"miss")]}
            elif message["type"] == "http.response.body" and kept["ok"]:
                body = message.get("body", b"")
                kept["size"] += len(body)
                if kept["size"] > MAX_ENTRY_BYTES:
                    kept["ok"], kept["chunks"] = False, []
                else:
                    kept["chunks"].append(body)
                if not message.get("more_body", False) and kept["ok"]:
                    self.store(key, kept["start"], b"".join(kept["chunks"]))
            await send(message)

        await self.app(scope, receive, keep)

    def store(self, key, start: dict, body: bytes):
        size = len(body) + sum(len(n) + len(v) for n, v in start["headers"]) + 200
        if size > self.max_bytes:
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.used -= old[2]
        while self.entries and self.used + size > self.max_bytes:
            _, (_, _, freed) = self.entries.popitem(last=False)
            self.used -= freed
        self.entries[key] = (start, body, size)
        self.used += size

    def __len__(self) -> int:
        return len(self.entries)


class _Startup:
    """Runs Datasette's startup hooks once, before the first request (and on ASGI lifespan
    startup when the server sends it), as ``datasette serve`` does before it listens."""

    def __init__(self, app, datasette):
        self.app, self.datasette, self.lock = app, datasette, asyncio.Lock()

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await self.ready()
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        await self.ready()
        await self.app(scope, receive, send)

    async def ready(self):
        if not self.datasette._startup_invoked:
            async with self.lock:
                await self.datasette.invoke_startup()


def make_datasette(db: Path, metadata: Path, inspect: Path | None = None):
    """A Datasette configured as ``make serve`` configures ``datasette serve -i``."""
    from datasette.app import Datasette

    from .serve import SETTINGS

    return Datasette(
        immutables=[str(db)],
        metadata=yaml.safe_load(metadata.read_text(encoding="utf-8")),
        inspect_data=json.loads(inspect.read_text(encoding="utf-8")) if inspect and inspect.exists() else None,
        settings=dict(SETTINGS),
        secret=os.environ.get("DATASETTE_SECRET") or None,
    )


def create_app(environ=os.environ):
    """The ASGI application of one worker, configured from ``environ`` (see the module's doc)."""
    db = Path(environ.get("ALLIANCE_DB", "build/alliance.db"))
    if not db.is_file():
        raise SystemExit(f"{db}: no database to serve (run `make build`)")
    inspect = Path(environ.get("ALLIANCE_INSPECT", "build/inspect.json"))
    datasette = make_datasette(db, Path(environ.get("ALLIANCE_METADATA", "metadata.yml")), inspect)
    cache_mb = float(environ.get("ALLIANCE_CACHE_MB", "64"))
    return ResponseCache(_Startup(datasette.app(), datasette), int(cache_mb * 1024 * 1024))
