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
  (``alliance-record serve --setting NAME VALUE`` writes it; optional).

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
    before it listens: the plugins' ``startup`` hooks and a check that each database opens (a
    failure stops the worker at startup, not at its first visitor)."""

    def __init__(self, datasette):
        self.datasette = datasette
        self.app = datasette.app()

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
            return message

        await self.app(scope, receive_after_startup, send)


def create_app(db=None, metadata=None, inspect_file=None, secret=None) -> ServedApp:
    """The ASGI application of the served dataset (see :func:`datasette_instance`)."""
    return ServedApp(datasette_instance(db, metadata, inspect_file, secret))


_app = None


def __getattr__(name):
    """``app``: the application of the environment's paths, made once, on first access."""
    global _app
    if name == "app":
        if _app is None:
            _app = create_app()
        return _app
    raise AttributeError(name)
