"""Repeated-run speed of `crosscheck check`: cold vs warm cache, and --jobs 2 vs 1.

    python benchmarks/gate.py [--size-mb 50] [--warm-runs 3]

Writes a JSON-lines corpus of generated news-like articles to a temporary folder,
then times whole `crosscheck check` commands there (so start-up costs count too):
without the cache at --jobs 1 and 2; with it, a first (cold) run, then
- unchanged reruns, replayed (the median is compared with the cold run);
- a rerun on a fresh copy of the same files (new stamps, same bytes, as after a CI
  checkout): replayed once the bytes are hashed;
- reruns with another option, so not replayed: claims and report come from the
  cache; after the fresh copy the file is also read again (as on CI when the
  options or the waivers in force differ from the last run);
- a rerun after a rule changed (claims come from the cache, evaluation is redone);
- one after an article was added to the corpus file (the file is read again; only
  the new article is extracted).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

ROOT = Path(__file__).resolve().parents[1]
RULES = Path(__file__).with_name("gate.rules")
SETTLE_SECONDS = 2.1  # crosscheck trusts a file's stamp only 2 s after its last change
SOURCES = ["Harbor Ledger", "Meridian Wire", "Baltic Signal", "Eastline Wire", "Pacific Dispatch"]


def write_jsonl_corpus(folder: Path, size_mb: float) -> int:
    """Generated articles as JSON lines with source and date; characters written."""
    rng = random.Random(11)
    written = 0
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
        for text in generate(int(size_mb * 1_000_000)):
            day = date(2024, 10, 1) + timedelta(days=rng.randrange(120))
            row = {"text": text, "source": rng.choice(SOURCES), "date": day.isoformat()}
            out.write(json.dumps(row) + "\n")
            written += len(text)
    return written


def timed_check(folder: Path, *flags: str, rules: Path = RULES) -> float:
    """Seconds one `crosscheck check` takes in ``folder``."""
    command = [
        sys.executable,
        "-m",
        "crosscheck",
        "check",
        "articles.jsonl",
        "--rules",
        str(rules),
        "--format",
        "json",
        "--fail-on",
        "never",
        "-o",
        "report.json",
        *flags,
    ]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=folder)
    if done.returncode not in (0, 1):  # 1: violations at or above --fail-on
        raise SystemExit(f"crosscheck check {' '.join(flags)} failed ({done.returncode})")
    return time.perf_counter() - start


def check_report(folder: Path, expected: bytes, label: str) -> None:
    """Stop unless the last run wrote the same report as the first uncached one."""
    if (folder / "report.json").read_bytes() != expected:
        raise SystemExit(f"{label}: the report differs from --no-cache --jobs 1's")


def add_article(folder: Path) -> None:
    """Append one new article to the corpus file, as a new batch of reporting would."""
    row = {
        "text": "Officials said about 300 North Korean soldiers were killed near the front.",
        "source": "Quarry Gazette",
        "date": "2025-02-01",
    }
    with open(folder / "articles.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps(row) + "\n")


def fresh_copy(path: Path) -> None:
    """Replace a file by a copy of itself: the same bytes with a new inode and new times."""
    copy = path.with_name(path.name + ".copy")
    shutil.copyfile(path, copy)
    os.replace(copy, path)


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=float, default=50.0)
    parser.add_argument("--warm-runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        chars = write_jsonl_corpus(folder, args.size_mb)
        print(f"corpus: {chars / 1e6:.1f} million characters in articles.jsonl")
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            print("note: PYTHONDONTWRITEBYTECODE is set, so every run compiles crosscheck's")
            print("      modules from source (an installed package has them compiled)")
        serial = timed_check(folder, "--no-cache", "--jobs", "1")
        expected = (folder / "report.json").read_bytes()
        parallel = timed_check(folder, "--no-cache", "--jobs", "2")
        check_report(folder, expected, "--jobs 2")
        print(f"--no-cache --jobs 1: {serial:7.2f} s")
        print(f"--no-cache --jobs 2: {parallel:7.2f} s   speed-up {serial / parallel:.2f}x")
        time_cached_runs(folder, args.warm_runs, expected)
        print("reports of --jobs 2, the cold run, the reruns and the fresh copy: identical")


def line(label: str, seconds: float, cold: float) -> str:
    """One figure and its speed-up over the cold run."""
    return f"{label:<44}{seconds:6.2f} s   speed-up {cold / seconds:5.1f}x"


def time_cached_runs(folder: Path, warm_runs: int, expected: bytes) -> None:
    """Print the figures of runs with the cache, each against the first (cold) one.

    The runs that should write what an uncached run writes are checked to.
    """
    cold = timed_check(folder, "--jobs", "1")
    check_report(folder, expected, "cold run")
    print(f"{'first run (cache cold):':<44}{cold:6.2f} s")
    warm = []
    for _ in range(warm_runs):
        warm.append(timed_check(folder, "--jobs", "1"))
        check_report(folder, expected, "rerun")
    runs = ", ".join(f"{w:.2f}" for w in warm)
    print(line("unchanged reruns (replayed):", statistics.median(warm), cold) + f"  ({runs})")
    fresh_copy(folder / "articles.jsonl")
    print(line("fresh copy of the files (replayed):", timed_check(folder, "--jobs", "1"), cold))
    check_report(folder, expected, "fresh copy")
    time.sleep(SETTLE_SECONDS)  # so that the copy's new stamp can be recorded
    other = timed_check(folder, "--jobs", "1", "--strict")
    print(line("another option, after the fresh copy:", other, cold))
    other = timed_check(folder, "--jobs", "1", "--fail-on", "error")
    print(line("another option, files unchanged:", other, cold))
    changed = folder / "changed.rules"
    changed.write_text(
        RULES.read_text(encoding="utf-8").replace("within 10%", "within 15%"), "utf-8"
    )
    print(line("a rule changed:", timed_check(folder, "--jobs", "1", rules=changed), cold))
    add_article(folder)
    print(line("an article added:", timed_check(folder, "--jobs", "1"), cold))


if __name__ == "__main__":
    main()
