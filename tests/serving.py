"""A real server in a subprocess: `datasette serve -i` (one process), or uvicorn's workers over
alliance_record.asgi as `make serve` starts them.

Used by the serving tests and by `make loadtest` (tests/loadtest.py): immutable mode, loopback
only, a free port, and the package's settings (alliance_record.serve.SETTINGS).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

from alliance_record.serve import serve_args


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_command(db_path: Path, metadata: Path, port: int, inspect_file: Path | None = None) -> list:
    """The `make serve` command line (see the Makefile), for a given database and port."""
    command = [sys.executable, "-m", "datasette", "serve", "-i", str(db_path), "-m", str(metadata)]
    if inspect_file:
        command += ["--inspect-file", str(inspect_file)]
    return command + ["-h", "127.0.0.1", "-p", str(port)] + serve_args()


def workers_command(port: int, workers: int) -> list:
    """The `make serve` command line: uvicorn's workers over alliance_record.asgi (configured by
    the environment, see workers_env)."""
    return [sys.executable, "-m", "uvicorn", "--factory", "alliance_record.asgi:create_app",
            "--workers", str(workers), "--host", "127.0.0.1", "--port", str(port), "--no-access-log"]


def workers_env(db_path: Path, metadata: Path, inspect_file: Path | None = None, cache_mb: float = 64) -> dict:
    env = dict(os.environ, ALLIANCE_DB=str(db_path), ALLIANCE_METADATA=str(metadata),
               ALLIANCE_CACHE_MB=str(cache_mb), DATASETTE_SECRET="loopback-test-secret")
    env["ALLIANCE_INSPECT"] = str(inspect_file) if inspect_file else "/nonexistent"
    return env


@contextmanager
def served(command: list, env: dict | None = None):
    """Start a server command on loopback, wait until it answers, yield (base URL, process)."""
    port = free_port()
    proc = subprocess.Popen(command(port) if callable(command) else command, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
                raise RuntimeError(f"the server did not start: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()


@contextmanager
def datasette_serve(db_path: Path, metadata: Path, inspect_file: Path | None = None):
    """`datasette serve -i` in one process (with `make inspect`'s file, if given); yields its
    base URL."""
    with served(lambda port: serve_command(db_path, metadata, port, inspect_file)) as (base, _):
        yield base


@contextmanager
def workers_serve(db_path: Path, metadata: Path, inspect_file: Path | None = None, workers: int = 2,
                  cache_mb: float = 64):
    """The dataset as `make serve` serves it: uvicorn with ``workers`` processes over
    alliance_record.asgi on one port; yields (base URL, the server's process id)."""
    with served(lambda port: workers_command(port, workers),
                workers_env(db_path, metadata, inspect_file, cache_mb)) as (base, proc):
        yield base, proc.pid


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (the server and its workers), in MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.M).group(1))
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children").read_text().split()
                todo += [int(c) for c in children]
        except (OSError, AttributeError):
            continue
    return total / 1024
