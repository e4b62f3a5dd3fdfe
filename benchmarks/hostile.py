"""Evaluation of hostile inputs (issue 19 items 11, 12): bounded time and memory.

    python benchmarks/hostile.py

Each case runs in a process of its own and prints its CPU seconds, peak memory and
what the rule listed (pairwise, docs/semantics.md §4.2 and §8):

* N claims that all disagree under ``agree within 1%`` (N(N-1)/2 violations; at most
  10,000 are listed per rule, and the rule stops looking after one more);
* ``k + k + k <= c per document`` with N claims of ``k`` in one document (C(N, 3) sums);
* a sum of T terms over 13 documents with two claims per term (2^T sums in each).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time

from crosscheck.dsl import build_ruleset, parse
from crosscheck.evaluate import evaluate_pairs
from crosscheck.interval import Interval
from crosscheck.model import Claim

CASES = [("apart", 1000), ("apart", 5000), ("apart", 20000), ("three", 200), ("three", 1000)]
CASES += [("terms", 24), ("terms", 30)]


def claim(measure: str, value: int, document: str, start: int) -> Claim:
    """A claim of exactly ``value``, its own source."""
    return Claim(
        measure=measure,
        interval=Interval.point(value),
        unit="item",
        stated=str(value),
        document=document,
        source=document,
        start=start,
    )


def case(name: str, n: int) -> tuple[str, list[Claim]]:
    """The rule file and the claims of one case."""
    if name == "apart":
        values = (round(1000 * 1.02**i) for i in range(n))
        return "measure m: count\nrule r: m agree within 1%\n", [
            claim("m", v, f"d{i}.txt", 0) for i, v in enumerate(values)
        ]
    if name == "three":
        rules = "measure k: count\nmeasure c: count\nrule r: k + k + k <= c per document\n"
        claims = [claim("k", 100 + i, "a.txt", 10 * i) for i in range(n)]
        return rules, [*claims, claim("c", 250, "a.txt", 10 * n)]
    names = [f"m{i}" for i in range(n)]
    rules = "".join(f"measure {m}: count\n" for m in names) + "measure c: count\n"
    rules += f"rule r: {' + '.join(names)} <= c per document\n"
    claims = [
        claim(m, 10 + j, f"d{d:02}.txt", 100 * i + j)
        for d in range(13)
        for i, m in enumerate(names)
        for j in range(2)
    ]
    return rules, claims + [claim("c", 50, f"d{d:02}.txt", 9999) for d in range(13)]


def run(name: str, n: int) -> str:
    """One case measured: seconds, peak memory, violations listed, notes."""
    text, claims = case(name, n)
    ruleset = build_ruleset([parse(text, f"{name}.rules")])
    start = time.process_time()
    found = evaluate_pairs(ruleset, claims)
    seconds = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    notes = "; ".join(found.unlisted) or "-"
    return f"{name:>6} {n:>6} {seconds:>8.2f} {peak:>8.0f} {len(found.violations):>9}  {notes}"


def main() -> None:
    """Print one line per case."""
    if len(sys.argv) == 3:
        print(run(sys.argv[1], int(sys.argv[2])))
        return
    print(f"{'case':>6} {'n':>6} {'seconds':>8} {'peak MB':>8} {'violations':>9}  notes")
    for name, n in CASES:
        done = subprocess.run(
            [sys.executable, __file__, name, str(n)], capture_output=True, text=True, check=False
        )
        print(done.stdout.rstrip() or done.stderr.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
