"""`make loadtest`: a bounded load on `datasette serve -i`, reported as requests/s, p99 and errors.

8 concurrent connections on loopback for at most 30 seconds, spread over table pages, facets,
full-text search (table search, the ranked canned search and search-all), every canned query
with its example parameters, and the custom document and event pages. The bar is zero errors:
no socket error, no timeout, no 4xx and no 5xx.

The load comes from wrk (Debian's package, installed by `make loadtest` when missing): it is
written in C, so on a two-core machine the client takes little of the CPU it is measuring and the
figures are Datasette's, not a Python client's; it reports a latency distribution with p99, and
its Lua hooks rotate through the URL list and count 4xx and 5xx answers per thread.

Before the load every URL is fetched once (it must answer 200: a broken URL is a bug in this list,
not a load failure) — which also warms the server — and afterwards the slowest pages of that pass
are listed, to say where the time goes.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx
import yaml

from serving import datasette_serve

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = 8
MAX_SECONDS = 30


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


def run_wrk(base: str, urls: list, seconds: int) -> dict:
    script = WRK_SCRIPT % ", ".join(lua_string(u) for u in urls)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(script)
    try:
        result = subprocess.run(
            ["wrk", "-t", "2", "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--timeout", "5s",
             "-s", fh.name, base], capture_output=True, text=True, timeout=seconds + 60)
    finally:
        Path(fh.name).unlink()
    match = re.search(r"^RESULT (.*)$", result.stdout, re.M)
    if result.returncode != 0 or not match:
        sys.exit(f"loadtest: wrk failed ({result.returncode}): {result.stdout}\n{result.stderr}")
    return {k: int(v) for k, v in (kv.split("=") for kv in match.group(1).split())}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "alliance.db")
    parser.add_argument("--metadata", type=Path, default=ROOT / "metadata.yml")
    parser.add_argument("--inspect-file", type=Path, help="counts made by `datasette inspect` (as `make serve`)")
    parser.add_argument("--seconds", type=int, default=20, help=f"length of the load (at most {MAX_SECONDS})")
    args = parser.parse_args(argv)
    seconds = max(1, min(args.seconds, MAX_SECONDS))
    if not shutil.which("wrk"):
        sys.exit("loadtest: wrk is not installed (`make loadtest` installs Debian's package as root)")
    if not args.db.exists():
        sys.exit(f"loadtest: {args.db} does not exist; run `make build` first")
    urls = paths(args.db, yaml.safe_load(args.metadata.read_text()))
    with datasette_serve(args.db, args.metadata, args.inspect_file) as base:
        slowest = preflight(base, urls)
        r = run_wrk(base, urls, seconds)
    errors = r["connect"] + r["read"] + r["write"] + r["timeout"] + r["non2xx3xx"]
    rate = r["requests"] / (r["duration_us"] / 1e6)
    print(f"loadtest: {len(urls)} URLs (tables, facets, search, canned queries, document and event pages), "
          f"{CONNECTIONS} connections, {r['duration_us'] / 1e6:.1f} s on {base}")
    print(f"  requests      {r['requests']}  ({rate:.1f} requests/s)")
    print(f"  latency       p50 {r['p50_us'] / 1000:.0f} ms, p90 {r['p90_us'] / 1000:.0f} ms, "
          f"p99 {r['p99_us'] / 1000:.0f} ms, max {r['max_us'] / 1000:.0f} ms")
    print(f"  errors        {errors}  (connect {r['connect']}, read {r['read']}, write {r['write']}, "
          f"timeout {r['timeout']}, 4xx {r['s4xx']}, 5xx {r['s5xx']})")
    print("  slowest pages without load: " + ", ".join(f"{u} {t * 1000:.0f} ms" for t, u in slowest[:5]))
    if errors or r["s5xx"]:
        print("loadtest: FAILED: the bar is zero errors and zero 5xx")
        return 1
    print("loadtest: OK (zero errors, zero 5xx)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
