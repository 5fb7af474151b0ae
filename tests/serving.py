"""A real `datasette serve -i` in a subprocess, started as `make serve` starts it.

Used by the serving tests and by `make loadtest` (tests/loadtest.py): immutable mode, loopback
only, a free port, and the package's settings (alliance_record.serve.SETTINGS).
"""

from __future__ import annotations

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


@contextmanager
def datasette_serve(db_path: Path, metadata: Path, inspect_file: Path | None = None):
    """Start the server (with `make inspect`'s file, if given), wait until it answers, yield its
    base URL; stop it afterwards."""
    port = free_port()
    proc = subprocess.Popen(serve_command(db_path, metadata, port, inspect_file),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/-/versions.json", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"datasette did not start: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()
