"""Repeated-run speed of `crosscheck check`: cold vs warm claim cache, and --jobs 2 vs 1.

    python benchmarks/gate.py [--size-mb 50]

Writes a JSON-lines corpus of generated news-like articles to a temporary folder,
then times whole `crosscheck check` commands there (so start-up costs count too).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

ROOT = Path(__file__).resolve().parents[1]
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


def timed_check(folder: Path, *flags: str) -> float:
    """Seconds one `crosscheck check` takes in ``folder``."""
    command = [
        sys.executable,
        "-m",
        "crosscheck",
        "check",
        "articles.jsonl",
        "--rules",
        str(Path(__file__).with_name("gate.rules")),
        "--format",
        "json",
        "--fail-on",
        "never",
        "-o",
        "report.json",
        *flags,
    ]
    start = time.perf_counter()
    subprocess.run(command, cwd=folder, check=True)
    return time.perf_counter() - start


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size-mb", type=float, default=50.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        chars = write_jsonl_corpus(folder, args.size_mb)
        print(f"corpus: {chars / 1e6:.1f} million characters in articles.jsonl")
        serial = timed_check(folder, "--no-cache", "--jobs", "1")
        parallel = timed_check(folder, "--no-cache", "--jobs", "2")
        print(f"--no-cache --jobs 1: {serial:7.2f} s")
        print(f"--no-cache --jobs 2: {parallel:7.2f} s   speed-up {serial / parallel:.2f}x")
        cold = timed_check(folder, "--jobs", "1")
        warm = timed_check(folder, "--jobs", "1")
        print(f"first run (cache cold):  {cold:7.2f} s")
        print(f"second run (cache warm): {warm:7.2f} s   speed-up {cold / warm:.1f}x")


if __name__ == "__main__":
    main()
