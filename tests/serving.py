"""A real server in a subprocess, started as `make serve` starts it.

Used by the serving, site-in-a-browser and hardening tests and by `make loadtest`
(tests/loadtest.py): the database immutable, loopback only, a free port, the package's settings
(alliance_record.serve.SETTINGS). By default it is what `make serve` runs — `alliance-record
serve`: uvicorn's worker processes on one port serving alliance_record.asgi — with two workers;
``workers=None`` starts plain `datasette serve -i` (one process) instead, as `make serve-datasette`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

from alliance_record.serve import serve_args

WORKERS = 2
# Settings for a test that compares whole pages or their exact Cache-Control: a facet that runs
# out of facet_time_limit_ms (200 ms, easily reached on a loaded machine) leaves the page without
# it and cached 10 s instead of an hour (a partial answer, alliance_record.serve.cache). Such a
# test is about what a page is when it is whole, so it gives the facets all the time they need.
UNHURRIED = {"facet_time_limit_ms": 30_000}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_command(db_path: Path, metadata: Path, port: int, inspect_file: Path | None = None,
                  workers: int | None = WORKERS, settings: dict | None = None) -> list:
    """The `make serve` command line (see the Makefile) for a given database and port: with
    ``workers``, `alliance-record serve --workers N`; without, `datasette serve -i` (`make serve-datasette`).
    ``settings`` are Datasette settings over the package's (``--setting NAME VALUE`` for each)."""
    extra = [arg for name, value in (settings or {}).items() for arg in ("--setting", name, str(value))]
    if workers:
        command = [sys.executable, "-c", "from alliance_record.cli import cli; cli()", "serve",
                   "--db", str(db_path), "--metadata", str(metadata), "--workers", str(workers)]
        if inspect_file:
            command += ["--inspect-file", str(inspect_file)]
        return command + ["--host", "127.0.0.1", "--port", str(port)] + extra
    command = [sys.executable, "-m", "datasette", "serve", "-i", str(db_path), "-m", str(metadata)]
    if inspect_file:
        command += ["--inspect-file", str(inspect_file)]
    return command + ["-h", "127.0.0.1", "-p", str(port)] + serve_args() + extra


def process_tree(pid: int) -> list:
    """``pid`` and every process descended from it (read from /proc): a server and its workers."""
    children: dict = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rpartition(")")[2].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def memory_kb(pids, field: str = "VmRSS") -> int:
    """The sum of a /proc/PID/status memory field (VmRSS now, VmHWM the peak) over ``pids``, in kB."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith(field + ":"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


@contextmanager
def datasette_serve(db_path: Path, metadata: Path, inspect_file: Path | None = None,
                    workers: int | None = WORKERS, env: dict | None = None, process: list | None = None,
                    settings: dict | None = None):
    """Start the server (with `make inspect`'s file, if given), wait until it answers, yield its
    base URL; stop it and all its workers afterwards. ``env`` adds environment variables;
    ``process``, a list, receives the server's Popen (to read its memory); ``settings`` are
    Datasette settings over the package's."""
    port = free_port()
    log = tempfile.TemporaryFile()  # the server's messages (a pipe nobody reads could fill and block it)
    proc = subprocess.Popen(serve_command(db_path, metadata, port, inspect_file, workers, settings),
                            stdout=subprocess.DEVNULL, stderr=log,
                            env={**os.environ, **(env or {})}, start_new_session=True)
    if process is not None:
        process.append(proc)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/-/versions.json", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"the server did not start: {log.read().decode()[-2000:]}")
            time.sleep(0.1)
        yield base
    finally:
        stop(proc)
        log.close()


def stop(proc: subprocess.Popen):
    """Stop a server started in its own session: SIGTERM to its process group (uvicorn's supervisor
    then stops its workers), SIGKILL to the group if it has not ended within 10 s."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # any worker left behind
    except ProcessLookupError:
        pass
    proc.wait()
