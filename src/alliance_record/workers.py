"""uvicorn's supervisor and worker processes on one port, each worker accepting on a socket of its own.

uvicorn's ``--workers`` binds one socket in the supervisor and hands that same socket to every
worker; the workers then race to accept from it. Two things follow that issue 19 (item 16) measured
at a cold start under 32 connections: the worker whose startup (the warm-up of
:class:`alliance_record.asgi.ServedApp`) ends first listens alone and takes every connection
opened meanwhile, and of workers that do listen, the one that wakes first takes a whole burst
(asyncio accepts up to ``backlog`` connections a wake-up). A visitor's browser, like wrk, keeps its
connection, so one worker made nearly every first page while the other idled: requests of 2 s and
more.

Here the supervisor is still uvicorn's (:class:`uvicorn.supervisors.Multiprocess`: it starts the
workers, checks their health, restarts one that dies, answers ``SIGHUP``/``SIGTTIN``/``SIGTTOU``)
and each worker is still uvicorn's :class:`uvicorn.Server`; only the socket differs:

* the supervisor binds the address with ``SO_REUSEPORT`` and never listens on it (it holds the port:
  another program cannot take it, and a port in use stops the start at once, as uvicorn's own bind);
* each worker, as it starts, binds a socket of its own to the same address (:class:`WorkerSocket`,
  made when the supervisor's socket reaches it: :meth:`SupervisorSocket.__reduce_ex__`), and the
  kernel spreads the connections over the sockets that listen;
* a worker listens when its startup is complete (asyncio's ``listen``, as uvicorn does), and at the
  first start not before every worker has come that far (:class:`StartGate`, at most
  :data:`GATE_SECONDS`): the port opens to visitors with every worker warm. A worker that replaces
  one that died listens as soon as it is warm, the others serving meanwhile.

Any process of the same user could bind the address with ``SO_REUSEPORT`` too and receive a share
of the connections; one of another user cannot (Linux allows the shared port to one user only).
"""

from __future__ import annotations

import logging
import multiprocessing
import socket
import sys
import time

# How long the first workers wait for each other before listening at most: a worker's warm-up
# is bounded (asgi.WARM_SECONDS, 10 s) and its start takes a few seconds more on a loaded machine.
GATE_SECONDS = 30.0

logger = logging.getLogger("uvicorn.error")


class StartGate:
    """How many workers have finished their startup, counted in memory the supervisor shares with
    every worker it starts: :meth:`wait` is where a worker of the first start waits for the others
    (up to ``seconds``); a worker started later finds the count already reached."""

    def __init__(self, workers: int, seconds: float = GATE_SECONDS):
        self.workers, self.seconds = workers, seconds
        self.ready = multiprocessing.get_context("spawn").Value("i", 0)

    def wait(self) -> bool:
        """Count this worker as ready and wait until ``workers`` are (True), or the time is up (False)."""
        with self.ready.get_lock():
            self.ready.value += 1
        deadline = time.monotonic() + self.seconds
        while self.ready.value < self.workers:
            if time.monotonic() >= deadline:
                logger.warning("%d of %d workers ready after %g s: this one listens without the others",
                               self.ready.value, self.workers, self.seconds)
                return False
            time.sleep(0.02)
        return True


def reuse_port_socket(family: int, address, cls=socket.socket) -> socket.socket:
    """A TCP socket of class ``cls`` bound to ``address`` with ``SO_REUSEADDR`` and ``SO_REUSEPORT``."""
    sock = cls(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    return sock


class WorkerSocket(socket.socket):
    """A worker's own socket on the shared address; its first ``listen`` passes the start gate."""

    gate: StartGate | None = None

    def listen(self, *backlog):
        gate, self.gate = self.gate, None
        if gate is not None:
            gate.wait()
        super().listen(*backlog)


def worker_socket(family: int, address, gate: StartGate) -> WorkerSocket:
    """Made in the worker, from the supervisor's socket (see :meth:`SupervisorSocket.__reduce_ex__`)."""
    sock = reuse_port_socket(family, address, WorkerSocket)
    sock.gate = gate
    return sock


class SupervisorSocket(socket.socket):
    """The supervisor's socket, which holds the address; handed to a worker, it becomes a new
    :class:`WorkerSocket` bound there (uvicorn hands the supervisor's sockets to each worker it
    starts, by pickling them)."""

    gate: StartGate

    def __reduce_ex__(self, protocol):
        return worker_socket, (self.family, self.getsockname(), self.gate)


def bind(config) -> SupervisorSocket:
    """The supervisor's socket for uvicorn's ``config`` (host and port; IPv6 when the host has a
    colon), or, as uvicorn's own bind, an error logged and the start stopped."""
    from uvicorn.config import STARTUP_FAILURE

    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    try:
        sock = reuse_port_socket(family, (config.host, config.port), SupervisorSocket)
    except OSError as exc:
        logger.error(exc)
        sys.exit(STARTUP_FAILURE)
    sock.gate = StartGate(config.workers)
    where = f"[{config.host}]" if family == socket.AF_INET6 else config.host
    logger.info("Uvicorn running on http://%s:%d, %d workers each on a socket of its own (Press CTRL+C to quit)",
                where, sock.getsockname()[1], config.workers)
    return sock


def run(app: str, host: str, port: int, workers: int, on_bound=None) -> None:
    """Serve ``app`` (an import string) with uvicorn's supervisor and ``workers`` worker processes,
    each on its own socket bound to ``host``:``port``; ``on_bound(port)`` is called with the port
    bound (port 0: the one the system chose) before any worker starts."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(app, host=host, port=port, workers=workers, lifespan="on")
    sock = bind(config)
    if on_bound:
        on_bound(sock.getsockname()[1])
    Multiprocess(config, sockets=[sock]).run()
