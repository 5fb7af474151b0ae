"""The served dataset as an ASGI application, for an ASGI server with several worker processes.

``datasette serve`` runs one process: one event loop and one interpreter lock for every
visitor, so on two cores it answers ~55 requests/s however many connections wait (issue 19,
item 16). uvicorn (which Datasette already depends on) runs the same application in N worker
processes that accept connections on one listening socket, with a supervisor that restarts a
worker that dies. This module builds the application each worker serves, exactly as ``datasette
serve -i DB -m metadata.yml --inspect-file FILE $(alliance-record serve-args)`` builds it:
the database immutable, the metadata, the inspect file's counts and hash, the settings of
:data:`alliance_record.serve.SETTINGS`, cache headers on, every installed plugin (this package's
serve plugin with its templates, static files and response cache, the cluster map, search-all,
the dashboards), and at startup Datasette's ``startup`` hooks and its check that every database
opens, which ``datasette serve`` runs before it listens.

Configured by the environment, which the supervisor hands to every worker:

* ``ALLIANCE_DB`` — the database (default ``build/alliance.db``), served immutable;
* ``ALLIANCE_METADATA`` — Datasette metadata (default ``metadata.yml``);
* ``ALLIANCE_INSPECT_FILE`` — the counts of ``datasette inspect`` (optional, as ``make serve`` does);
* ``DATASETTE_SECRET`` — the secret that signs Datasette's cookies and tokens, the same in every
  worker (``alliance-record serve`` makes one when it is not set);
* ``ALLIANCE_CACHE_MB`` — the response cache of each worker (see ``alliance_record.serve``);
* ``ALLIANCE_SETTINGS`` — Datasette settings over the package's, a JSON object
  (``alliance-record serve --setting NAME VALUE`` writes it; optional);
* ``ALLIANCE_WARM_HOSTS`` — the address visitors reach the server by, under which each worker's
  warm-up fills its response cache: a ``Host`` (``name:port``, ``[IPv6]:port``) or, behind a
  proxy that speaks TLS, a URL (``https://name``); commas between several (see
  :meth:`ServedApp.warm_up`; ``alliance-record serve`` sets the host and port it serves on;
  without it, ``localhost:8000``, plain uvicorn's; empty: no warm-up);
* ``ALLIANCE_WARM_SECONDS`` — how long the warm-up may take at most (default
  :data:`WARM_SECONDS`; it makes :data:`WARM_PAGES` pages at most for each host); when it is
  over, the worker serves with what is made.

``alliance-record serve`` (what ``make serve`` runs) sets them and starts uvicorn::

    uvicorn alliance_record.asgi:app --workers 2 --host 127.0.0.1 --port 8001

``app`` is made on first access (a module ``__getattr__``), so importing this module builds
nothing; :func:`create_app` builds one for given paths.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

ENV_DB = "ALLIANCE_DB"
ENV_METADATA = "ALLIANCE_METADATA"
ENV_INSPECT = "ALLIANCE_INSPECT_FILE"
ENV_SECRET = "DATASETTE_SECRET"  # the variable `datasette serve --secret` reads too
ENV_SETTINGS = "ALLIANCE_SETTINGS"
ENV_WARM_HOSTS = "ALLIANCE_WARM_HOSTS"
ENV_WARM_SECONDS = "ALLIANCE_WARM_SECONDS"
# The warm-up's time at most: each worker's port stays closed while it runs. The seeds' 118
# pages take 2.6 to 2.9 s of CPU (the first warm-up's 60 pages: 1.9 to 2.1 s); at N=1000 (5000
# documents) those 60 took 6.5 s of CPU and 8 s with two workers starting together, a wider list
# of ~230 pages 13.5 s of CPU and 25 s (review12_serve12). The list is in order of importance,
# so a warm-up cut short has made what matters most.
WARM_SECONDS = 10.0
# The warm-up's pages at most for each host: the seeds' list is 118 pages (tables, views, canned
# queries with their examples and the JSON of those, the maps' data, what the front page links);
# it grows with the tables and queries of the metadata, not with the documents.
WARM_PAGES = 400
# What datasette-cluster-map adds to a table's JSON address to fetch the markers of its map: the
# request every visitor of a table with coordinates makes. Copied from the plugin's
# static/datasette-cluster-map.js (``const qs = ...``, version 0.18.2); tests/test_serving.py
# fails if the installed plugin's script no longer holds it.
MAP_QUERY = "_size=max&_labels=on&_extra=count&_extra=next_url&_shape=objects"
DEFAULT_WARM_HOSTS = "localhost:8000"  # plain uvicorn's address, as a browser sends it
DEFAULT_DB = Path("build/alliance.db")
DEFAULT_METADATA = Path("metadata.yml")


def datasette_instance(db=None, metadata=None, inspect_file=None, secret=None, settings=None):
    """The :class:`datasette.app.Datasette` of ``datasette serve -i`` with the package's settings
    and ``settings`` (a dict) over them (arguments default to the environment variables of this
    module, then to the defaults)."""
    from datasette.app import Datasette
    from datasette.utils import parse_metadata

    from .serve import datasette_settings

    db = Path(db or os.environ.get(ENV_DB) or DEFAULT_DB)
    metadata = Path(metadata or os.environ.get(ENV_METADATA) or DEFAULT_METADATA)
    inspect_file = inspect_file or os.environ.get(ENV_INSPECT) or None
    for path, what in ((db, "database"), (metadata, "metadata")):
        if not path.is_file():
            raise FileNotFoundError(f"the {what} to serve, {path}, does not exist (set ${ENV_DB} / ${ENV_METADATA})")
    inspect_data = json.loads(Path(inspect_file).read_text()) if inspect_file else None
    if settings is None:
        settings = json.loads(os.environ.get(ENV_SETTINGS) or "{}")
    return Datasette(
        immutables=[str(db)],
        metadata=parse_metadata(metadata.read_text(encoding="utf-8")),
        inspect_data=inspect_data,
        settings=datasette_settings(settings.items()),
        secret=secret or os.environ.get(ENV_SECRET) or None,
        cache_headers=True,
    )


def warm_host(host: str, port: int) -> str:
    """The ``Host`` of a server listening on ``host`` and ``port`` (an IPv6 address in brackets,
    as in a URL)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def json_path(path: str) -> str:
    """A page's JSON address (Datasette's ``alternate`` link): ``.json`` after the path, before
    the query string."""
    path, mark, query = path.partition("?")
    return path + ".json" + mark + query


def links(page: str) -> list:
    """The paths on the same site a page links (``href`` values starting with one ``/``, without
    their fragment), in the order they come; static files left out."""
    import html

    out = []
    for href in re.findall(r'href="(/(?!/)[^"]*)"', page):
        path = html.unescape(href).partition("#")[0]
        if path and not path.startswith("/-/static"):
            out.append(path)
    return out


def is_page(path: str) -> bool:
    """Whether a path is a page or its JSON (no download: ``.db``, ``.csv``...)."""
    name = path.partition("?")[0].rpartition("/")[2]
    return "." not in name or name.endswith(".json")


def warm_seconds_from(value: str | None) -> float:
    """The warm-up's bound from ``ALLIANCE_WARM_SECONDS``: a number of seconds; unset, or a value
    that is no number ("10s"), :data:`WARM_SECONDS` with a warning (a typo must not stop every
    worker, review8_whole 2)."""
    if not value:
        return WARM_SECONDS
    try:
        return max(0.0, float(value))
    except ValueError:
        logging.getLogger(__name__).warning("%s=%r is no number of seconds: the warm-up takes %s s at most",
                                            ENV_WARM_SECONDS, value, WARM_SECONDS)
        return WARM_SECONDS


class ServedApp:
    """Datasette's ASGI app, whose lifespan startup first runs what ``datasette serve`` runs
    before it listens — the plugins' ``startup`` hooks and a check that each database opens (a
    failure stops the worker at startup, not at its first visitor) — and then warms the worker
    (:meth:`warm_up`): uvicorn starts accepting connections in a worker only once its startup is
    complete, so the first visitors find it warm."""

    def __init__(self, datasette, warm_hosts=None, warm_seconds=None):
        self.datasette = datasette
        self.app = datasette.app()
        if warm_hosts is None:
            warm_hosts = os.environ.get(ENV_WARM_HOSTS, DEFAULT_WARM_HOSTS)
        self.warm_hosts = [h.strip() for h in warm_hosts.split(",") if h.strip()] \
            if isinstance(warm_hosts, str) else list(warm_hosts)
        if warm_seconds is None:
            warm_seconds = warm_seconds_from(os.environ.get(ENV_WARM_SECONDS))
        self.warm_seconds = warm_seconds
        self.warm_pages = WARM_PAGES
        self.warmed: list = []  # (host, path, status, x-cache, whole) of the warm-up, for the log and tests

    async def __call__(self, scope, receive, send):
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return

        async def receive_after_startup():
            message = await receive()
            if message["type"] == "lifespan.startup":
                from datasette.cli import check_databases

                await self.datasette.invoke_startup()
                await check_databases(self.datasette)
                await self.warm_up()
            return message

        await self.app(scope, receive_after_startup, send)

    async def warm_paths(self) -> list:
        """What every visitor asks for, first what matters most (the warm-up may run out of time):
        the front page, each database's page, the first page of each of its tables and views that
        is not hidden, and each canned query as its link on the database page opens it (no
        parameters: the serve plugin fills in the query's ``example``); then each canned query at
        the address that page replaces itself with (its ``example`` as a query string, the
        serve plugin's ``extra_body_script``) and the JSON of each canned query's answer
        (``.json`` after the path, as the page's ``alternate`` link gives it); then the data the
        map of a table with coordinates fetches (datasette-cluster-map's query string). Every
        address comes from the site itself (its tables, its metadata, its plugins), none from a
        list of URLs; the pages the front page links are added by :meth:`linked_paths`. A
        table's, a view's or the database's JSON is left out (no page of the site fetches it),
        and so are row pages."""
        from urllib.parse import urlencode

        from .serve import query_example

        ds = self.datasette
        pages, answers, mapped = ["/"], [], []  # answers: each canned query's answer, whose JSON is warmed too
        map_config = ds.plugin_config("datasette-cluster-map") or {}
        coordinates = {map_config.get("latitude_column", "latitude"), map_config.get("longitude_column", "longitude")}
        for name, db in ds.databases.items():
            if name == "_internal":
                continue
            pages.append(ds.urls.database(name))
            hidden = set(await db.hidden_table_names())
            tables = [table for table in await db.table_names() if table not in hidden]
            for table in tables + await db.view_names():
                pages.append(ds.urls.table(name, table))
                if table in tables and coordinates <= set(await db.table_columns(table)):
                    mapped.append(json_path(pages[-1]) + "?" + MAP_QUERY)
            for query, config in (await ds.get_canned_queries(name, None)).items():
                pages.append(ds.urls.query(name, query))
                example = query_example(config)  # the address its page replaces itself with
                answers.append(pages[-1] + ("?" + urlencode(example) if example else ""))
        filled = [path for path in answers if "?" in path]
        return list(dict.fromkeys(pages + filled + [json_path(path) for path in answers] + mapped))

    @staticmethod
    def linked_paths(pages: dict) -> list:
        """The pages the front page sends visitors on to (``pages``: path to HTML, the answers of
        the warm-up's first pages): every page it links on this site (its questions, its tables,
        the search and dashboard pages), not static files nor downloads."""
        return list(dict.fromkeys(path for path in links(pages.get("/", "")) if is_page(path)))

    async def warm_up(self) -> None:
        """Ask the whole app (the response cache in front of Datasette, as a visitor's request
        goes) for :meth:`warm_paths`, then for the pages they link (:meth:`linked_paths`), under
        each of :attr:`warm_hosts`, one after another, for :attr:`warm_seconds` and
        :attr:`warm_pages` a host at most.

        A cold Datasette's first pages do one-time work (introspecting the database, reading the
        metadata, compiling templates, the plugins' first calls) and every page is made once per
        worker before its cache can answer it; under uvicorn's workers the first worker to be
        ready takes the whole opening burst of connections, so that work fell on the first
        visitors (issue 19, item 16: requests of 2 s after a restart). Done here, before the
        worker accepts anyone, it costs the start a few seconds instead. The cache's key includes
        the scheme and ``Host`` (absolute URLs are written from them), hence the hosts.

        The warm-up only makes a worker faster: a page that fails is noted in :attr:`warmed` and
        the log, and anything that stops the warm-up (an address no URL can hold, a query of the
        table list that ran out of time on a loaded machine, the time running out) is one line in
        the log, after which the worker starts and serves all the same."""
        import asyncio

        if not self.warm_hosts:
            return
        log = logging.getLogger("uvicorn.error")
        try:
            await asyncio.wait_for(self._warm_up(log), timeout=self.warm_seconds)
        except asyncio.TimeoutError:
            log.warning("warm-up: stopped after %g s with %d pages made; the worker serves without the rest",
                        self.warm_seconds, len(self.warmed))
        except Exception as exc:  # noqa: BLE001 - whatever it is, the worker serves without the warm-up
            log.warning("warm-up: stopped by %s: %s, with %d pages made; the worker serves without the rest",
                        type(exc).__name__, " ".join(str(exc).split())[:300], len(self.warmed))
        refused = dict.fromkeys((path, status) for _, path, status, *_ in self.warmed if status != 200)
        if refused:  # a private page answers 403 as it should: one line for them all, not one a page
            log.warning("warm-up: %d addresses not made: %s", len(refused),
                        ", ".join(f"{path} ({status})" for path, status in refused))

    async def _warm_up(self, log) -> None:
        import time

        import httpx

        started = time.monotonic()
        paths = await self.warm_paths()
        transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
        linked = None  # the pages the first host's pages link (linked_paths), then warmed under every host
        for host in self.warm_hosts:
            base_url = host if "://" in host else f"http://{host}"
            async with httpx.AsyncClient(transport=transport, base_url=base_url, timeout=None) as client:
                wanted = paths + (linked or [])
                pages = await self._make(client, host, wanted[:self.warm_pages])
                if linked is None:
                    known = set(paths)
                    linked = [path for path in self.linked_paths(pages) if path not in known]
                    await self._make(client, host, linked[:max(0, self.warm_pages - len(paths))])
                    wanted += linked
            if len(wanted) > self.warm_pages:
                log.warning("warm-up: %d pages at most for %s; the rest left to visitors", self.warm_pages, host)
        partial = sum(1 for *_, whole in self.warmed if whole is False)
        log.info("warm-up: %d pages made for %s in %.1f s%s", len(self.warmed), ", ".join(self.warm_hosts),
                 time.monotonic() - started,
                 f" ({partial} of them partial, a query having run out of time: kept only seconds)" if partial else "")

    async def _make(self, client, host, paths) -> dict:
        """Ask for ``paths`` in turn, noting each in :attr:`warmed` (those that do not answer 200
        are named in one line at the end of :meth:`warm_up`); returns the HTML of those that
        answered 200 with a page, by path (for :meth:`linked_paths`)."""
        pages = {}
        for path in paths:
            response = await client.get(path)
            whole = "immutable" in response.headers.get("cache-control", "")  # else a query ran out of time: kept seconds
            self.warmed.append((host, path, response.status_code, response.headers.get("x-cache"),
                                whole if response.status_code == 200 else None))
            if response.status_code == 200 and response.headers.get("content-type", "").startswith("text/html"):
                pages[path] = response.text
        return pages


def create_app(db=None, metadata=None, inspect_file=None, secret=None, warm_hosts=None,
               warm_seconds=None) -> ServedApp:
    """The ASGI application of the served dataset (see :func:`datasette_instance`), warmed at
    startup under ``warm_hosts`` for ``warm_seconds`` at most (defaults: ``$ALLIANCE_WARM_HOSTS``,
    ``$ALLIANCE_WARM_SECONDS``, see :class:`ServedApp`)."""
    return ServedApp(datasette_instance(db, metadata, inspect_file, secret), warm_hosts, warm_seconds)


_app = None


def __getattr__(name):
    """``app``: the application of the environment's paths, made once, on first access."""
    global _app
    if name == "app":
        if _app is None:
            _app = create_app()
        return _app
    raise AttributeError(name)
