"""Atomic and reproducible builds, tested on real processes.

* A build killed with SIGKILL (no handler runs, no ``finally``) leaves the previous database
  byte-identical, and the next build removes what the dead one left behind.
* Two builds of the same inputs, in separate processes with different hash seeds (so set and
  dict-of-set orders differ) and from differently named folders, write identical bytes.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import SEEDS, catalog_entry, write_corpus


def build_command(seeds: Path, out: Path) -> list:
    return [sys.executable, "-m", "alliance_record.cli", "build", "--seeds", str(seeds), "--out", str(out), "-q"]


def run_build(seeds: Path, out: Path, hash_seed: str = "0"):
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(build_command(seeds, out), env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result


def big_corpus(dest: Path, copies: int) -> Path:
    """The real seeds plus ``copies`` copies of each seed text under new file names and ids.

    The copies have no annotation files (their event ids would clash); they still go through
    segmentation, mentions, dates, footnotes, claims and the bibliography, which is what makes
    the build take long enough to be killed in the middle.
    """
    shutil.copytree(SEEDS, dest)
    catalog = yaml.safe_load((SEEDS / "catalog.yml").read_text(encoding="utf-8"))
    entries = list(catalog["documents"])
    for k in range(1, copies + 1):
        for entry in catalog["documents"]:
            name = f"{Path(entry['file']).stem}_copy{k}.txt"
            shutil.copy(SEEDS / entry["file"], dest / name)
            entries.append({**entry, "file": name, "id": f"{entry['id']}-copy{k}"})
    (dest / "catalog.yml").write_text(yaml.safe_dump({"documents": entries}, sort_keys=False, allow_unicode=True),
                                      encoding="utf-8")
    return dest


def temp_files(folder: Path) -> list:
    return sorted(p for p in folder.iterdir() if ".tmp-" in p.name)


@pytest.fixture(scope="module")
def big_seeds(tmp_path_factory) -> Path:
    return big_corpus(tmp_path_factory.mktemp("big") / "seeds", copies=3)


# When to kill: as soon as the temporary database exists (rows being inserted), and once it has
# grown past a megabyte (the commit, indexes, full-text tables and VACUUM at the end).
KILL_POINTS = {"rows": 1, "finishing": 1_000_000}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_sigkill_mid_build_keeps_the_previous_database(tmp_path, big_seeds, point):
    out = tmp_path / "build" / "alliance.db"
    small = write_corpus(tmp_path / "small", {"doc_a": "Good Title\n\nA first paragraph that ends.\n"},
                         [catalog_entry("doc_a", title="Good Title")])
    run_build(small, out)
    before = out.read_bytes()
    csv_before = (out.parent / "unmatched.csv").read_bytes()

    proc = subprocess.Popen(build_command(big_seeds, out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tmp = out.with_name(f".{out.name}.tmp-{proc.pid}")
    try:
        # a hang guard, not a speed claim: the loop ends when the build reaches the kill point or ends;
        # the deadline only stops a build that neither writes nor ends from hanging the suite
        deadline = time.monotonic() + 120
        while not (tmp.exists() and tmp.stat().st_size >= KILL_POINTS[point]):
            if proc.poll() is not None:
                pytest.fail(f"the build ended (rc {proc.returncode}) before it could be killed at {point!r}: "
                            f"make the corpus bigger. {proc.stderr.read().decode()[-500:]}")
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(30)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    assert out.read_bytes() == before, "the killed build touched the previous database"
    assert (out.parent / "unmatched.csv").read_bytes() == csv_before
    left = temp_files(out.parent)
    assert tmp in left and all(p.name.startswith(tmp.name) for p in left), \
        f"the killed build should have left only files named after its temporary file: {left}"

    run_build(small, out)  # the next build cleans up after the dead one
    assert temp_files(out.parent) == []
    # beside the output: its report and the cache of the last build (see incremental.py)
    assert sorted(p.name for p in out.parent.iterdir()) == ["alliance.db", "alliance.db.cache", "unmatched.csv"]
    assert out.read_bytes() == before  # same inputs, same bytes


def test_two_builds_of_the_real_seeds_are_byte_identical(tmp_path, seeds_db):
    """No timestamps, stable ids and row order: hash seed, folder names and process do not matter."""
    copy = tmp_path / "elsewhere" / "seeds-copy"
    shutil.copytree(SEEDS, copy)
    run_build(SEEDS, tmp_path / "one" / "alliance.db", hash_seed="1")
    run_build(copy, tmp_path / "two" / "out.db", hash_seed="2")
    one, two = (tmp_path / "one" / "alliance.db").read_bytes(), (tmp_path / "two" / "out.db").read_bytes()
    assert one == two
    assert one == seeds_db.read_bytes()  # and the in-process build of the test session (a random hash seed)
    assert (tmp_path / "one" / "unmatched.csv").read_bytes() == (tmp_path / "two" / "unmatched.csv").read_bytes()


def test_one_worker_and_two_workers_write_the_same_bytes(tmp_path, big_seeds):
    """Rows extracted in a pool of workers (written to chunk databases, then copied in document
    order) give the same file as rows extracted and inserted in this process."""
    from alliance_record import pipeline

    one = pipeline.build(big_seeds, tmp_path / "one" / "alliance.db", workers=1)
    two = pipeline.build(big_seeds, tmp_path / "two" / "alliance.db", workers=2)
    assert (one.workers, two.workers) == (1, 2)
    assert sum(one.counts.values()) > 0 and one.counts == two.counts
    assert (tmp_path / "one" / "alliance.db").read_bytes() == (tmp_path / "two" / "alliance.db").read_bytes()
    assert not list((tmp_path / "two").glob("*-chunks"))  # the workers' chunk folder is gone
