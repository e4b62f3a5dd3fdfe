"""Evaluation time, claims per second, findings against pairwise violations, peak memory.

    python benchmarks/evaluate.py [--sizes 1000 10000 50000 300000 1000000]  (the default)
                                  [--records-up-to 50000] [--reference-up-to 10000]
                                  [--rules rules/nk_deployment.rules] [--seed 1]

Claims are generated directly (no text, no extraction) for the measures of the rule
file, the way many reports of one story would state them: the same few troop
estimates with hedges, running tolls that grow over 120 days and are reported a
few days late, one launcher caliber, and a rare figure that is far off (a typo, a
misread). Most pairs therefore agree or are undecided, and the violations are the
outliers' pairs, as in real reporting. For each size, in a process of its own, the
claims are generated straight into columns (``crosscheck.columns.ClaimColumns``: no
``Claim`` record exists) and evaluated by ``evaluate_columns``; it prints the evaluation
time (CPU seconds of that process, with the garbage collector tuned as the crosscheck
command tunes it), claims per second, the findings reported against the pairwise
violations they cover (each finding's ``pairs``), and the peak memory of the process
(the generated columns included). Up to --records-up-to claims the same claims are also
made as records and evaluated by the record path (``evaluate.evaluate``), timed, and the
findings checked identical; up to --reference-up-to also by the reference that decides
every pair (strategy="all_pairs")."""

from __future__ import annotations

import argparse
import gc
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import numpy as np

from crosscheck.columns.evaluate import evaluate_columns
from crosscheck.columns.table import NO_DAY, ClaimColumns, Coded
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


Stated = tuple[
    str, Interval, int, int, int, int
]  # measure, interval, document, source, day, position


def stated_figures(rules: RuleSet, count: int, seed: int) -> Iterator[Stated]:
    """``count`` figures over documents of ~3 figures each, deterministic in ``seed``:
    (measure, interval, document number, source number, day, position)."""
    rng = random.Random(seed)
    measures = sorted(rules.measures)
    made = 0
    while made < count:
        document = made
        day = rng.randrange(DAYS)
        source = rng.randrange(60)
        for position in range(min(rng.randint(1, 5), count - made)):
            measure = rng.choice(measures)
            lag = rng.randrange(4)  # figures are a few days old when printed
            value = true_value(measure, max(day - lag, 0))
            if rng.random() < OUTLIER_RATE:
                value = value * rng.choice((10, 100)) if rng.random() < 0.5 else value // 10
            exact = "caliber" in measure
            interval = Interval.point(value) if exact else reading(rng, value)
            yield measure, interval, document, source, day, position
            made += 1


def generate_claims(rules: RuleSet, count: int, seed: int) -> list[Claim]:
    """``count`` claims over documents of ~3 claims each, deterministic in ``seed``."""
    return [
        Claim(
            measure=measure,
            interval=interval,
            unit=rules.unit_of(measure),
            stated=f"figure {position}",
            document=f"report{document:07d}.txt",
            source=f"source{source:02d}",
            date=START + timedelta(days=day),
            start=100 * position,
            end=100 * position + 8,
            line=position + 1,
            column=1,
        )
        for measure, interval, document, source, day, position in stated_figures(rules, count, seed)
    ]


def generate_columns(rules: RuleSet, count: int, seed: int) -> ClaimColumns:
    """The claims of ``generate_claims`` straight into columns: no record is made."""
    measures = sorted(rules.measures)
    code = {m: i for i, m in enumerate(measures)}
    fields: dict[str, list[int]] = {k: [] for k in ("measure", "document", "source", "day", "at")}
    ends: list[tuple[int, int, int, int, bool, bool, bool]] = []
    for measure, iv, document, source, day, position in stated_figures(rules, count, seed):
        for key, value in zip(
            fields, (code[measure], document, source, day, position), strict=True
        ):
            fields[key].append(value)
        low, high = iv.low or Fraction(0), iv.high or Fraction(0)
        ends.append(
            (
                low.numerator,
                low.denominator,
                high.numerator,
                high.denominator,
                iv.high is None,
                iv.low_closed,
                iv.high_closed,
            )
        )
    return _columns(rules, measures, fields, np.array(ends, dtype=np.int64).reshape(-1, 7))


def _columns(
    rules: RuleSet, measures: list[str], fields: dict[str, list[int]], ends: np.ndarray
) -> ClaimColumns:
    size = len(fields["measure"])
    documents = fields["document"]
    doc_codes = np.unique(np.asarray(documents, dtype=np.int64), return_inverse=True)
    at = np.asarray(fields["at"], dtype=np.int64)
    none = Coded(np.full(size, -1, dtype=np.int32), ())
    units = sorted({rules.unit_of(m) for m in measures})
    unit_of = np.array([units.index(rules.unit_of(m)) for m in measures], dtype=np.int32)
    measure = np.asarray(fields["measure"], dtype=np.int32)
    return ClaimColumns(
        measure=Coded(measure, tuple(measures)),
        subject=none,
        hedge=none,
        file=none,
        sentence=none,
        url=none,
        origin=none,
        attribution=none,
        part=none,
        place=none,
        unit=Coded(unit_of[measure], tuple(units)),
        stated=Coded(
            at.astype(np.int32), tuple(f"figure {i}" for i in range(at.max(initial=0) + 1))
        ),
        document=Coded(
            doc_codes[1].astype(np.int32), tuple(f"report{d:07d}.txt" for d in doc_codes[0])
        ),
        source=Coded(
            np.asarray(fields["source"], dtype=np.int32), tuple(f"source{s:02d}" for s in range(60))
        ),
        low=ends[:, 0] / ends[:, 1],
        high=np.where(ends[:, 4] == 1, np.inf, ends[:, 2] / ends[:, 3]),
        low_num=ends[:, 0].copy(),
        low_den=ends[:, 1].copy(),
        high_num=ends[:, 2].copy(),
        high_den=ends[:, 3].copy(),
        low_unbounded=np.zeros(size, dtype=np.bool_),
        high_unbounded=ends[:, 4] == 1,
        low_closed=ends[:, 5] == 1,
        high_closed=ends[:, 6] == 1,
        date=(np.asarray(fields["day"], dtype=np.int32) + START.toordinal()).astype(np.int32),
        as_of_start=np.full(size, NO_DAY, dtype=np.int32),
        as_of_end=np.full(size, NO_DAY, dtype=np.int32),
        start=100 * at,
        end=100 * at + 8,
        line=at + 1,
        column=np.ones(size, dtype=np.int64),
    )


def timed(rules: RuleSet, claims: list[Claim], strategy: Strategy) -> tuple[float, Outcome]:
    """Seconds (CPU time of this process) to evaluate records, and the outcome."""
    start = time.process_time()
    outcome = evaluate(rules, claims, strategy=strategy)
    return time.process_time() - start, outcome


def measure(rules_path: Path, size: int, seed: int, records: bool, reference: bool) -> str:
    """One size's line: time, rate, findings, pairwise violations, peak memory."""
    gc.set_threshold(200_000, 30, 30)  # as crosscheck.cli.main.run sets it
    rules = load_rules(rules_path)
    table = generate_columns(rules, size, seed)
    start = time.process_time()
    outcome = evaluate_columns(rules, table)
    seconds = time.process_time() - start
    pairs = sum(finding.pairs for finding in outcome.findings)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    line = (
        f"{size:>9} {seconds:>8.2f} {size / max(seconds, 1e-9):>9.0f} "
        f"{len(outcome.findings):>9} {pairs:>10} {peak:>8.0f}"
    )
    if records:
        claims = generate_claims(rules, size, seed)
        record_seconds, found = timed(rules, claims, "shortlist")
        same = (found.findings, found.skipped) == (outcome.findings, outcome.skipped)
        line += f"  {record_seconds:8.2f} s {'identical' if same else 'DIFFERENT'}"
        if reference:
            reference_seconds, all_pairs = timed(rules, claims, "all_pairs")
            same = all_pairs == found
            line += f"  {reference_seconds:.2f} s {'identical' if same else 'DIFFERENT'}"
    return line


def main() -> None:
    """Print the figures for each size, each measured in a fresh process."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 10000, 50000, 300000, 1000000]
    )
    parser.add_argument("--records-up-to", type=int, default=50000)
    parser.add_argument("--reference-up-to", type=int, default=10000)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules" / "nk_deployment.rules")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        records = args.child <= args.records_up_to
        reference = args.child <= min(args.reference_up_to, args.records_up_to)
        print(measure(args.rules, args.child, args.seed, records, reference))
        return
    head = f"{'claims':>9} {'seconds':>8} {'claims/s':>9} {'findings':>9} {'pairwise':>10}"
    print(
        f"{head} {'peak MB':>8}  {'records':>10} (record path)  all pairs (reference)", flush=True
    )
    for size in args.sizes:
        command = [sys.executable, __file__, "--child", str(size), "--rules", str(args.rules)]
        command += ["--seed", str(args.seed), "--reference-up-to", str(args.reference_up_to)]
        command += ["--records-up-to", str(args.records_up_to)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.exit(done.stderr)
        print(done.stdout.rstrip(), flush=True)
        if "DIFFERENT" in done.stdout:
            sys.exit("the columns, the records and the reference do not all agree")


if __name__ == "__main__":
    main()
