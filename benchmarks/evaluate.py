"""Evaluation time and claims per second on generated claim sets.

    python benchmarks/evaluate.py [--sizes 1000 10000 50000] [--reference-up-to 10000]
                                  [--rules rules/nk_deployment.rules] [--seed 1]

Claims are generated directly (no text, no extraction) for the measures of the rule
file, the way many reports of one story would state them: the same few troop
estimates with hedges, running tolls that grow over 120 days and are reported a
few days late, one launcher caliber, and a rare figure that is far off (a typo, a
misread). Most pairs therefore agree or are undecided, and the violations are the
outliers' pairs, as in real reporting. For each size it prints the evaluation time,
claims per second and the violation count; up to --reference-up-to claims it also
times the reference that decides every pair (strategy="all_pairs") and checks that
both outcomes are identical.
"""

from __future__ import annotations

import argparse
import random
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


def main() -> None:
    """Print the figures for each size."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--reference-up-to", type=int, default=10000)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules" / "nk_deployment.rules")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rules = load_rules(args.rules)
    print(f"{'claims':>8} {'seconds':>8} {'claims/s':>9} {'violations':>10}  all pairs (reference)")
    for size in args.sizes:
        claims = generate_claims(rules, size, args.seed)
        seconds, outcome = timed(rules, claims, "shortlist")
        line = (
            f"{size:>8} {seconds:>8.2f} {size / max(seconds, 1e-9):>9.0f} "
            f"{len(outcome.violations):>10}"
        )
        same = True
        if size <= args.reference_up_to:
            reference_seconds, reference = timed(rules, claims, "all_pairs")
            same = reference == outcome
            line += f"  {reference_seconds:.2f} s, {'identical' if same else 'DIFFERENT'}"
        print(line, flush=True)
        if not same:
            sys.exit("the shortlist and the reference disagree")


if __name__ == "__main__":
    main()
