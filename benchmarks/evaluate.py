"""Evaluation time, claims per second, findings against pairwise violations, peak memory.

    python benchmarks/evaluate.py [--sizes 1000 10000 50000 300000 1000000]  (the default)
                                  [--reference-up-to 10000]
                                  [--rules rules/nk_deployment.rules] [--seed 1]

Claims are generated directly (no text, no extraction) for the measures of the rule
file, the way many reports of one story would state them: the same few troop
estimates with hedges, running tolls that grow over 120 days and are reported a
few days late, one launcher caliber, and a rare figure that is far off (a typo, a
misread). Most pairs therefore agree or are undecided, and the violations are the
outliers' pairs, as in real reporting. For each size, in a process of its own, it
prints the evaluation time (CPU seconds of that process, with the garbage collector
tuned as the crosscheck command tunes it), claims per second, the findings reported
against the pairwise violations they cover, and the peak memory of the process (the
generated claims included); up to --reference-up-to claims it also times the reference
that decides every pair (strategy="all_pairs") and checks that both give the same
findings.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate import Outcome, Strategy, evaluate
from crosscheck.interval import Interval
from crosscheck.load.rules import load_rules
from crosscheck.model import Claim

ROOT = Path(__file__).resolve().parents[1]
START = date(2024, 11, 1)
DAYS = 120
OUTLIER_RATE = 0.0005  # share of claims stating a figure far from every other


def true_value(measure: str, day: int) -> int:
    """What the story's figure really was on ``day`` (running totals grow)."""
    killed = 100 + 12 * day
    values = {
        "deployed": 11500,
        "killed": killed,
        "wounded": 3 * killed,
        "casualties": 4 * killed,
        "launcher_caliber": 240,
        "artillery_caliber": 170,
        "missiles_launched": 40 + day // 3,
    }
    return values.get(measure, 100)


def reading(rng: random.Random, value: int) -> Interval:
    """How a report states ``value``: hedged, a range, a bound, or exactly."""
    n = Fraction(round(value * rng.uniform(0.96, 1.04)))
    kind = rng.randrange(6)
    if kind == 0:
        return Interval(n * Fraction(9, 10), n * Fraction(11, 10))  # approximately
    if kind == 1:
        return Interval(n * Fraction(9, 10), n)  # nearly
    if kind == 2:
        return Interval(n * Fraction(8, 10), None, low_closed=False)  # more than
    if kind == 3:
        return Interval(n * Fraction(19, 20), n * Fraction(21, 20))  # between
    return Interval.point(value)  # exactly, as the official figure


def generate_claims(rules: RuleSet, count: int, seed: int) -> list[Claim]:
    """``count`` claims over documents of ~3 claims each, deterministic in ``seed``."""
    rng = random.Random(seed)
    measures = sorted(rules.measures)
    claims: list[Claim] = []
    while len(claims) < count:
        document = f"report{len(claims):07d}.txt"
        day = rng.randrange(DAYS)
        source = f"source{rng.randrange(60):02d}"
        for position in range(min(rng.randint(1, 5), count - len(claims))):
            measure = rng.choice(measures)
            lag = rng.randrange(4)  # figures are a few days old when printed
            value = true_value(measure, max(day - lag, 0))
            if rng.random() < OUTLIER_RATE:
                value = value * rng.choice((10, 100)) if rng.random() < 0.5 else value // 10
            claims.append(
                Claim(
                    measure=measure,
                    interval=reading(rng, value)
                    if "caliber" not in measure
                    else Interval.point(value),
                    unit=rules.unit_of(measure),
                    stated=f"figure {position}",
                    document=document,
                    source=source,
                    date=START + timedelta(days=day),
                    start=100 * position,
                    end=100 * position + 8,
                    line=position + 1,
                    column=1,
                )
            )
    return claims


def timed(rules: RuleSet, claims: list[Claim], strategy: Strategy) -> tuple[float, Outcome]:
    """Seconds (CPU time of this process) to evaluate, and the outcome."""
    start = time.process_time()
    outcome = evaluate(rules, claims, strategy=strategy)
    return time.process_time() - start, outcome


def measure(rules_path: Path, size: int, seed: int, reference: bool) -> str:
    """One size's line: time, rate, findings, pairwise violations, peak memory."""
    gc.set_threshold(200_000, 30, 30)  # as crosscheck.cli.main.run sets it
    rules = load_rules(rules_path)
    claims = generate_claims(rules, size, seed)
    seconds, outcome = timed(rules, claims, "shortlist")
    pairs = sum(finding.pairs for finding in outcome.findings)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    line = (
        f"{size:>9} {seconds:>8.2f} {size / max(seconds, 1e-9):>9.0f} "
        f"{len(outcome.findings):>9} {pairs:>10} {peak:>8.0f}"
    )
    if reference:
        reference_seconds, found = timed(rules, claims, "all_pairs")
        same = found == outcome
        line += f"  {reference_seconds:.2f} s, {'identical' if same else 'DIFFERENT'}"
    return line


def main() -> None:
    """Print the figures for each size, each measured in a fresh process."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 10000, 50000, 300000, 1000000]
    )
    parser.add_argument("--reference-up-to", type=int, default=10000)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules" / "nk_deployment.rules")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(measure(args.rules, args.child, args.seed, args.child <= args.reference_up_to))
        return
    head = f"{'claims':>9} {'seconds':>8} {'claims/s':>9} {'findings':>9} {'pairwise':>10}"
    print(f"{head} {'peak MB':>8}  all pairs (reference)", flush=True)
    for size in args.sizes:
        command = [sys.executable, __file__, "--child", str(size), "--rules", str(args.rules)]
        command += ["--seed", str(args.seed), "--reference-up-to", str(args.reference_up_to)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.exit(done.stderr)
        print(done.stdout.rstrip(), flush=True)
        if "DIFFERENT" in done.stdout:
            sys.exit("the index and the reference disagree")


if __name__ == "__main__":
    main()
