"""Throughput, memory and worst-case growth of claim extraction.

    python benchmarks/extract.py [--size-mb 50] [--quantulum-kb 300] [--rules FILE]
    python benchmarks/extract.py --real-mb 10     # real-text mode only

0. Real-text mode (--real-mb, default 10; 0 skips it): the development set's articles
   (tests/gold/dev/*, held-out stories left out), each story under its own rule file,
   repeated until --real-mb of text has been read; characters per CPU second on one
   core, and peak memory.

1. Generates --size-mb of news-like text (benchmarks/generate.py) into a temporary
   file, streaming, then reads it back one document at a time and extracts claims
   with crosscheck: characters and claims per second (wall clock and CPU time) and
   the peak resident memory of the process.
2. Runs quantulum3 (a general quantity extractor) over the first --quantulum-kb
   of the same text, for comparison; it is too slow for the whole corpus.
3. Feeds pathological inputs of 125 KB, 250 KB, 500 KB and 1 MB (runs of digits
   and commas, a hedge repeated thousands of times, one line with no sentence end)
   and prints the time per size, which should grow linearly (ratio ~2 per doubling).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

from crosscheck.extract import Extractor
from crosscheck.load.rules import load_rules
from crosscheck.model import Document
from generate import write_corpus

ROOT = Path(__file__).resolve().parents[1]
SIZES_KB = (125, 250, 500, 1000)


def read_documents(path: str) -> Iterator[Document]:
    """The documents of a generated file, read line by line (never the whole file)."""
    lines: list[str] = []
    count = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line == "\f\n":
                text = "".join(lines).rstrip("\n")
                lines = []
                count += 1
                yield Document(path=f"generated/{count:07d}.txt", text=text, source="generated")
            else:
                lines.append(line)


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def throughput(extractor: Extractor, path: str) -> tuple[int, int, int, float, float]:
    """(characters, documents, claims, wall seconds, CPU seconds) of extracting a file."""
    chars = docs = claims = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for document in read_documents(path):
        chars += len(document.text)
        docs += 1
        claims += len(extractor.claims(document))
    return chars, docs, claims, time.perf_counter() - wall, time.process_time() - cpu


def quantulum_rate(path: str, limit_chars: int) -> tuple[int, int, float] | None:
    """(characters, quantities, CPU seconds) of quantulum3 over the first documents."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # it warns that its optional classifier is absent
            from quantulum3 import parser
    except ImportError:
        return None
    chars = found = 0
    cpu = time.process_time()
    for document in read_documents(path):
        found += len(parser.parse(document.text))
        chars += len(document.text)
        if chars >= limit_chars:
            break
    return chars, found, time.process_time() - cpu


def dev_stories() -> list[tuple[Extractor, list[Document]]]:
    """Each development story's extractor and articles (held-out stories left out)."""
    from crosscheck.load.articles import iter_documents

    stories = []
    for story in sorted((ROOT / "tests" / "gold" / "dev").iterdir()):
        if not (story / "story.rules").is_file() or (story / "HELD_OUT").exists():
            continue
        docs = [d for d in iter_documents([story / "articles"]) if isinstance(d, Document)]
        stories.append((Extractor(load_rules(story / "story.rules")), docs))
    return stories


def real_text(size_mb: float) -> None:
    """Extraction speed on real reporting: the development set repeated to ``size_mb``."""
    stories = dev_stories()
    chars = claims = 0
    cpu = time.process_time()
    while chars < size_mb * 1e6:
        for extractor, docs in stories:
            for document in docs:
                chars += len(document.text)
                claims += len(extractor.claims(document))
    seconds = time.process_time() - cpu
    articles = sum(len(docs) for _, docs in stories)
    print(
        f"real text ({len(stories)} development stories, {articles} articles, repeated): "
        f"{chars / 1e6:.1f} MB, {claims} claims, CPU {seconds:.2f} s: "
        f"{chars / seconds / 1e6:.2f} M chars/s; peak resident memory {peak_memory_mb():.0f} MB"
    )


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "digits and commas": lambda n: _repeat("1,234,567,8,9,10,000,", n),
    "long digit run": lambda n: _repeat("1234567890", n),
    "hedges repeated": lambda n: _repeat("approximately about over more than ", n) + " 5",
    "hedged numbers": lambda n: _repeat("about 1,100 killed or wounded and ", n),
    "no sentence end": lambda n: _repeat("North Korean troops sent 11,000 to 12,000 then ", n),
    "dots and spaces": lambda n: _repeat(". . . 3 . . U.S. ", n),
}


def pathological(extractor: Extractor) -> None:
    """Time per size for each pathological input; linear growth doubles with size."""
    print("\nPathological inputs (CPU seconds per size; ratio to the previous size):")
    print(f"  {'input':20}" + "".join(f"{kb:>10} KB" for kb in SIZES_KB) + "   ratios")
    for name, make in PATHOLOGICAL.items():
        times = []
        for kb in SIZES_KB:
            document = Document(path=name, text=make(kb * 1000), source="bench")
            start = time.process_time()
            extractor.decisions(document)
            times.append(time.process_time() - start)
        ratios = " ".join(
            f"{b / a:4.1f}" if a > 0 else "  - " for a, b in itertools.pairwise(times)
        )
        print(f"  {name:20}" + "".join(f"{t:12.3f} s" for t in times) + f"   {ratios}")


def main() -> None:
    """Run the benchmark and print its figures."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--size-mb", type=float, default=50.0)
    args.add_argument("--quantulum-kb", type=int, default=300)
    args.add_argument("--rules", default=str(ROOT / "rules" / "nk_deployment.rules"))
    args.add_argument("--skip-pathological", action="store_true")
    args.add_argument("--real-mb", type=float, default=10.0)
    args.add_argument("--real-only", action="store_true", help="run the real-text mode only")
    options = args.parse_args()
    if options.real_mb > 0:
        real_text(options.real_mb)
    if options.real_only:
        return

    extractor = Extractor(load_rules(options.rules))
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "corpus.txt")
        start = time.perf_counter()
        written = write_corpus(path, options.size_mb)
        print(f"Generated {written / 1e6:.1f} MB of text in {time.perf_counter() - start:.1f} s")
        chars, docs, claims, wall, cpu = throughput(extractor, path)
        print(f"crosscheck: {chars / 1e6:.1f} MB, {docs} documents, {claims} claims")
        for label, seconds in (("wall", wall), ("CPU ", cpu)):
            print(
                f"  {label} {seconds:.2f} s: {chars / seconds / 1e6:.2f} M chars/s, "
                f"{claims / seconds:,.0f} claims/s"
            )
        print(f"  peak resident memory {peak_memory_mb():.0f} MB (file streamed)")
        rate = quantulum_rate(path, options.quantulum_kb * 1000)
        if rate is None:
            print("quantulum3: not installed")
        else:
            qchars, found, qcpu = rate
            print(
                f"quantulum3 (first {qchars / 1e3:.0f} KB only; too slow for all): "
                f"{found} quantities, CPU {qcpu:.2f} s: {qchars / qcpu / 1e6:.3f} M chars/s"
            )
    if not options.skip_pathological:
        pathological(extractor)


if __name__ == "__main__":
    main()
