"""`make loadtest`: a bounded load on the server `make serve` runs, at 8 and at 32 connections.

The server is what `make serve` starts (`alliance-record serve`: uvicorn's worker processes, one a
core, on one port, each with its response cache); ``--server datasette`` loads plain `datasette
serve -i` (one process) instead, the way the site was served before issue 19 item 16, for a
comparison on the same machine. Each run puts N concurrent connections on loopback for at most 30
seconds, spread over table pages, facets, full-text search (table search, the ranked canned
search and search-all), every canned query with its example parameters, and the custom
document and event pages, and reports requests/s, p50/p90/p99/max latency, errors (no socket
error, no timeout, no 4xx, no 5xx is the bar) and the server's peak memory: the resident memory
of the server and all its workers added up, sampled from /proc every 0.2 s during the run, and
the sum of each process's own peak (VmHWM) at the end (an upper bound). The targets of issue 19
(at 8 connections at least 100 requests/s with p99 at most 1 s; at 32, p99 at most 2 s; no
request over 2 s; at most 500 MB of server memory) are printed as met or not; only an error or
a 5xx fails the run, since speed depends on the machine.

The load comes from wrk (Debian's package, installed by `make loadtest` when missing): it is
written in C, so on a two-core machine the client takes little of the CPU it is measuring and the
figures are the server's, not a Python client's; it reports a latency distribution with p99, and
its Lua hooks rotate through the URL list and count 4xx and 5xx answers per thread.

Before the load every URL is fetched once (it must answer 200: a broken URL is a bug in this list,
not a load failure) — which also warms the server — and afterwards the slowest pages of that pass
are listed, to say where the time goes. The load is the same URLs again and again, as visitors
ask for the same pages: with the cache, most answers after the first of each URL in each
worker come from memory, which is the point of the cache, and the figures say so.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx
import yaml

from serving import datasette_serve, memory_kb, process_tree

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = (8, 32)
MAX_SECONDS = 30
# Issue 19's targets: (connections, least requests/s, longest p99 in ms); and for every run
MAX_LATENCY_MS = 2000
MAX_SERVER_MB = 500
TARGETS = {8: (100, 1000), 32: (None, 2000)}


def paths(db_path: Path, metadata: dict) -> list:
    """The URLs a visitor's session touches, relative to the server root."""
    import sqlite3

    db = metadata["databases"]["alliance"]
    conn = sqlite3.connect(db_path)
    out = ["/", "/alliance"]
    tables = db["tables"]
    for name, config in tables.items():
        out.append(f"/alliance/{name}")                                     # page with configured facets
        out.append(f"/alliance/{name}.json?_size=50")
    out += [
        "/alliance/actor_mentions?_facet=actor_id&_facet=document_id&_facet=region",
        "/alliance/events?_facet=event_type&_facet_array=actor_ids",
        "/alliance/works?_facet=type&_facet=domain",
        "/alliance/paragraphs?_search=Senkaku",
        "/alliance/paragraphs.json?_search=alliance&_shape=array",
        "/alliance/sentences?_search=deterrence",
        "/-/search?q=Taiwan",
        "/alliance/search_paragraphs?" + urlencode({"q": "joint force"}),
    ]
    for name, query in db.get("queries", {}).items():
        params = urlencode(query.get("example") or {})
        out.append(f"/alliance/{name}?{params}")
        out.append(f"/alliance/{name}.json?{params}")
    for (doc_id,) in conn.execute("select id from documents order by id"):
        out.append(f"/alliance/documents/{quote(doc_id, safe='')}")
    for (event_id,) in conn.execute("select id from events order by id limit 5"):
        out.append(f"/alliance/events/{quote(event_id, safe='')}")
    return out


WRK_SCRIPT = """
paths = {%s}
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7)
  table.insert(threads, thread)
end

function init(args)
  n, s4xx, s5xx = 0, 0, 0
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n + offset) %% #paths + 1])
end

function response(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1 elseif status >= 400 then s4xx = s4xx + 1 end
end

function done(summary, latency, requests)
  local s4, s5 = 0, 0
  for _, t in ipairs(threads) do s4 = s4 + t:get("s4xx"); s5 = s5 + t:get("s5xx") end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%%d duration_us=%%d p50_us=%%d p90_us=%%d p99_us=%%d max_us=%%d " ..
    "connect=%%d read=%%d write=%%d timeout=%%d non2xx3xx=%%d s4xx=%%d s5xx=%%d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.timeout, e.status, s4, s5))
end
"""


def lua_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def preflight(base: str, urls: list) -> list:
    """Fetch every URL once; each must answer 200. Returns (seconds, url) pairs, slowest first."""
    timings, broken = [], []
    with httpx.Client(base_url=base, timeout=30) as client:
        for url in urls:
            t0 = time.perf_counter()
            status = client.get(url).status_code
            timings.append((time.perf_counter() - t0, url))
            if status != 200:
                broken.append((status, url))
    if broken:
        sys.exit(f"loadtest: these URLs do not answer 200 before any load: {broken}")
    return sorted(timings, reverse=True)


def warm_up(base: str, urls: list, in_a_row: int = 3, limit_seconds: float = 60) -> int:
    """Fetch every URL, each on a new connection, until ``in_a_row`` passes in a row were all
    answered from a cache (``x-cache: hit``), or ``limit_seconds`` have passed; returns the passes.

    Each worker has its own cache, and a connection goes to whichever worker accepts it first: a
    burst of connections opened at once (as wrk opens them) often all go to one worker and leave
    the other cold. Separate connections opened one after another go to either, so after this
    every URL has been made by every worker: the runs measure a server that has been visited,
    not its first minute (``--cold`` measures that)."""
    deadline = time.monotonic() + limit_seconds
    passes = streak = 0
    while streak < in_a_row and time.monotonic() < deadline:
        passes += 1
        hits = 0
        for url in urls:
            with httpx.Client(base_url=base, timeout=30) as client:
                hits += client.get(url).headers.get("x-cache") == "hit"
        streak = streak + 1 if hits == len(urls) else 0
    return passes


def run_wrk(base: str, urls: list, seconds: int, connections: int) -> dict:
    script = WRK_SCRIPT % ", ".join(lua_string(u) for u in urls)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(script)
    try:
        result = subprocess.run(
            ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "5s",
             "-s", fh.name, base], capture_output=True, text=True, timeout=seconds + 60)
    finally:
        Path(fh.name).unlink()
    match = re.search(r"^RESULT (.*)$", result.stdout, re.M)
    if result.returncode != 0 or not match:
        sys.exit(f"loadtest: wrk failed ({result.returncode}): {result.stdout}\n{result.stderr}")
    return {k: int(v) for k, v in (kv.split("=") for kv in match.group(1).split())}


class MemorySampler:
    """The largest resident memory of a process and its descendants added up, sampled from /proc
    every ``interval`` seconds while in a ``with`` block (``peak_kb``)."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, memory_kb(process_tree(self.pid)))
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def report(label: str, connections: int, r: dict, peak_mb: float) -> list:
    """Print one run's figures; return what it misses of the targets (empty: all met).

    wrk leaves a request that timed out (5 s) out of its latencies: with any timeout the
    slowest request is reported as "over 5 s"."""
    errors = r["connect"] + r["read"] + r["write"] + r["timeout"] + r["non2xx3xx"]
    rate = r["requests"] / (r["duration_us"] / 1e6)
    slowest = r["max_us"] / 1000 if not r["timeout"] else float("inf")
    print(f"  {label}: {connections} connections, {r['duration_us'] / 1e6:.1f} s")
    print(f"    requests    {r['requests']}  ({rate:.1f} requests/s)")
    print(f"    latency     p50 {r['p50_us'] / 1000:.0f} ms, p90 {r['p90_us'] / 1000:.0f} ms, "
          f"p99 {r['p99_us'] / 1000:.0f} ms, max {r['max_us'] / 1000:.0f} ms"
          + (f" (and {r['timeout']} over 5 s)" if r["timeout"] else ""))
    print(f"    errors      {errors}  (connect {r['connect']}, read {r['read']}, write {r['write']}, "
          f"timeout {r['timeout']}, 4xx {r['s4xx']}, 5xx {r['s5xx']})")
    print(f"    memory      {peak_mb:.0f} MB at most, the server's processes added up")
    missed = []
    least_rate, longest_p99 = TARGETS.get(connections, (None, None))
    where = f"{label}, {connections} connections"
    if least_rate and rate < least_rate:
        missed.append(f"{where}: {rate:.1f} requests/s, target at least {least_rate}")
    if longest_p99 and r["p99_us"] / 1000 > longest_p99:
        missed.append(f"{where}: p99 {r['p99_us'] / 1000:.0f} ms, target at most {longest_p99} ms")
    if slowest > MAX_LATENCY_MS:
        missed.append(f"{where}: slowest request " + (f"{slowest:.0f} ms" if r["max_us"] and not r["timeout"]
                                                       else "over 5 s") + f", target at most {MAX_LATENCY_MS} ms")
    if peak_mb > MAX_SERVER_MB:
        missed.append(f"{where}: server memory {peak_mb:.0f} MB, target at most {MAX_SERVER_MB} MB")
    return missed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "alliance.db")
    parser.add_argument("--metadata", type=Path, default=ROOT / "metadata.yml")
    parser.add_argument("--inspect-file", type=Path, help="counts made by `datasette inspect` (as `make serve`)")
    parser.add_argument("--seconds", type=int, default=20, help=f"length of each run (at most {MAX_SECONDS})")
    parser.add_argument("--connections", type=int, nargs="+", default=list(CONNECTIONS),
                        help="concurrent connections of each run, one run each (default: 8 32)")
    parser.add_argument("--server", choices=("workers", "datasette"), default="workers",
                        help="`make serve`'s uvicorn workers (default) or plain `datasette serve -i`")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="worker processes of `--server workers` (default: the number of cores, as `make serve`)")
    parser.add_argument("--no-cache", action="store_true",
                        help="serve with the response cache off (ALLIANCE_CACHE_MB=0), to see what it brings")
    parser.add_argument("--cold", action="store_true",
                        help="first a run at the most connections on the server just started, its workers "
                             "having made only their startup's warm-up pages (its first minute after a "
                             "restart under load)")
    args = parser.parse_args(argv)
    seconds = max(1, min(args.seconds, MAX_SECONDS))
    if not shutil.which("wrk"):
        sys.exit("loadtest: wrk is not installed (`make loadtest` installs Debian's package as root)")
    if not args.db.exists():
        sys.exit(f"loadtest: {args.db} does not exist; run `make build` first")
    urls = paths(args.db, yaml.safe_load(args.metadata.read_text()))
    workers = args.workers if args.server == "workers" else None
    cached = not args.no_cache
    env = {} if cached else {"ALLIANCE_CACHE_MB": "0"}
    server, runs, passes = [], [], 0
    with datasette_serve(args.db, args.metadata, args.inspect_file, workers=workers, env=env, process=server) as base:
        pid = server[0].pid

        def run(label, connections):
            with MemorySampler(pid) as memory:
                result = run_wrk(base, urls, seconds, connections)
            runs.append((label, connections, result, memory.peak_kb / 1024))

        if args.cold:
            run("cold start", max(args.connections))
        slowest = preflight(base, urls)
        if cached:
            passes = warm_up(base, urls)
        for connections in args.connections:
            run("warm" if cached else "load", connections)
        pids = process_tree(pid)
        hwm_mb = memory_kb(pids, "VmHWM") / 1024
    what = (f"uvicorn, {workers} worker processes" if workers else "datasette serve, one process") + \
        ("" if cached else ", response cache off")
    print(f"loadtest: {len(urls)} URLs (tables, facets, search, canned queries, document and event pages) "
          f"on {base} ({what}; {len(pids)} processes)")
    if passes:
        print(f"  warm-up: {passes} passes over every URL, each on a new connection, until 3 in a row came "
              "from the workers' caches")
    missed, failed = [], False
    for label, connections, r, peak_mb in runs:
        missed += report(label, connections, r, peak_mb)
        failed |= bool(r["connect"] + r["read"] + r["write"] + r["timeout"] + r["non2xx3xx"] + r["s5xx"])
    print(f"  peak memory of each process added up (VmHWM, an upper bound): {hwm_mb:.0f} MB")
    if hwm_mb > MAX_SERVER_MB:
        missed.append(f"server memory (VmHWM added up) {hwm_mb:.0f} MB, target at most {MAX_SERVER_MB} MB")
    if not args.cold:  # after a cold run the pages come from the cache: their times say nothing
        print("  slowest pages without load: " + ", ".join(f"{u} {t * 1000:.0f} ms" for t, u in slowest[:5]))
    for line in missed:
        print(f"  target not met: {line}")
    if not missed:
        print("  every target of issue 19 met")
    if failed:
        print("loadtest: FAILED: the bar is zero errors and zero 5xx")
        return 1
    print("loadtest: OK (zero errors, zero 5xx)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
