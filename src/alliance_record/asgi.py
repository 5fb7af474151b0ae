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
* ``ALLIANCE_WARM_HOSTS`` — the ``Host`` (``name:port``, commas between several) visitors reach
  the server by, under which each worker's warm-up fills its response cache (see
  :meth:`ServedApp.warm_up`; ``alliance-record serve`` sets the host and port it serves on;
  without it, ``localhost``; empty: no warm-up).

``alliance-record serve`` (what ``make serve`` runs) sets them and starts uvicorn::

    uvicorn alliance_record.asgi:app --workers 2 --host 127.0.0.1 --port 8001

``app`` is made on first access (a module ``__getattr__``), so importing this module builds
nothing; :func:`create_app` builds one for given paths.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ENV_DB = "ALLIANCE_DB"
ENV_METADATA = "ALLIANCE_METADATA"
ENV_INSPECT = "ALLIANCE_INSPECT_FILE"
ENV_SECRET = "DATASETTE_SECRET"  # the variable `datasette serve --secret` reads too
ENV_SETTINGS = "ALLIANCE_SETTINGS"
ENV_WARM_HOSTS = "ALLIANCE_WARM_HOSTS"
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


class ServedApp:
    """Datasette's ASGI app, whose lifespan startup first runs what ``datasette serve`` runs
    before it listens — the plugins' ``startup`` hooks and a check that each database opens (a
    failure stops the worker at startup, not at its first visitor) — and then warms the worker
    (:meth:`warm_up`): uvicorn starts accepting connections in a worker only once its startup is
    complete, so the first visitors find it warm."""

    def __init__(self, datasette, warm_hosts=None):
        self.datasette = datasette
        self.app = datasette.app()
        if warm_hosts is None:
            warm_hosts = os.environ.get(ENV_WARM_HOSTS, "localhost")
        self.warm_hosts = [h.strip() for h in warm_hosts.split(",") if h.strip()] \
            if isinstance(warm_hosts, str) else list(warm_hosts)
        self.warmed: list = []  # (host, path, status, x-cache) of the warm-up, for the log and tests

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
        """What every visitor asks for: the front page, each database's page, the first page of
        each of its tables that is not hidden, and each canned query as its link on the database
        page opens it (no parameters: the serve plugin fills in the query's ``example``)."""
        ds = self.datasette
        paths = ["/"]
        for name, db in ds.databases.items():
            if name == "_internal":
                continue
            paths.append(ds.urls.database(name))
            hidden = set(await db.hidden_table_names())
            paths += [ds.urls.table(name, table) for table in await db.table_names() if table not in hidden]
            paths += [ds.urls.query(name, query) for query in await ds.get_canned_queries(name, None)]
        return paths

    async def warm_up(self) -> None:
        """Ask the whole app (the response cache in front of Datasette, as a visitor's request
        goes) for :meth:`warm_paths` under each of :attr:`warm_hosts`, one after another.

        A cold Datasette's first pages do one-time work (introspecting the database, reading the
        metadata, compiling templates, the plugins' first calls) and every page is made once per
        worker before its cache can answer it; under uvicorn's workers the first worker to be
        ready takes the whole opening burst of connections, so that work fell on the first
        visitors (issue 19, item 16: requests of 2 s after a restart). Done here, before the
        worker accepts anyone, it costs the start a few seconds instead. The cache's key includes
        the ``Host`` (absolute URLs are written from it), hence the hosts. A page that fails is
        noted in :attr:`warmed` and the log; it does not stop the worker."""
        import copy
        import logging

        if not self.warm_hosts:
            return
        log = logging.getLogger("uvicorn.error")
        # Datasette 0.65.5's table and database views fill the inherited source and licence into
        # the stored metadata in place: left so, every later page would show them as though each
        # table page had been visited (a document page's footer linked its publishers' copyright
        # to the dataset's CC BY). The warm-up leaves the metadata as it found it.
        metadata = copy.deepcopy(self.datasette._metadata_local)
        try:
            await self._warm_up(log)
        finally:
            self.datasette._metadata_local = metadata

    async def _warm_up(self, log) -> None:
        import httpx

        paths = await self.warm_paths()
        transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
        for host in self.warm_hosts:
            async with httpx.AsyncClient(transport=transport, base_url=f"http://{host}", timeout=None) as client:
                for path in paths:
                    response = await client.get(path)
                    self.warmed.append((host, path, response.status_code, response.headers.get("x-cache")))
                    if response.status_code != 200:
                        log.warning("warm-up: %s answered %s", path, response.status_code)
        log.info("warm-up: %d pages made for %s", len(self.warmed), ", ".join(self.warm_hosts))


def create_app(db=None, metadata=None, inspect_file=None, secret=None, warm_hosts=None) -> ServedApp:
    """The ASGI application of the served dataset (see :func:`datasette_instance`), warmed at
    startup under ``warm_hosts`` (default: ``$ALLIANCE_WARM_HOSTS``, see :class:`ServedApp`)."""
    return ServedApp(datasette_instance(db, metadata, inspect_file, secret), warm_hosts)


_app = None


def __getattr__(name):
    """``app``: the application of the environment's paths, made once, on first access."""
    global _app
    if name == "app":
        if _app is None:
            _app = create_app()
        return _app
    raise AttributeError(name)
