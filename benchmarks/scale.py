"""Past one machine: claims from Parquet on one process, extraction on Dask, and the check
that the engine's findings are the single-process run's.

    python benchmarks/scale.py [--claims 10000000] [--text-mb 1000] [--compare 20000]
                               [--rules rules/nk_deployment.rules] [--seed 1]
                               [--skip claims text compare] [--records]

(a) ``--claims N`` generated claims (the story of benchmarks/evaluate.py: hedged troop
    estimates, running tolls over 120 days, a rare figure far off) are written to a
    Parquet file in batches, then read back straight into columns
    (``load.parquet_columns``: no object per claim) and evaluated in one process by the
    columnar path (``columns.evaluate.decide_columns``: a pairwise rule's findings kept as
    the rows they cite), then every finding is worded (its records made) one batch at a
    time and let go, as a reporter writing them out one by one would. It prints the CPU
    seconds of reading, of evaluating and of wording, the findings, and the peak memory of
    that process (issue 18's mark at 10,000,000: under 120 s, under 4 GB, all included).
    ``--records`` reads and evaluates the claims as records instead (``load.parquet``,
    ``evaluate.evaluate``): the reference, for a size it can do.
(b) ``--text-mb`` MB of generated article text (benchmarks/generate.py) in a Parquet table
    of articles is extracted on a Dask LocalCluster of 1, then 2, worker processes
    (``scale.extract``): wall seconds (workers are other processes, so CPU time of this
    one says nothing), characters per second, and the speed-up of 2 workers over 1.
(c) ``--compare N`` generated claims are evaluated in this process and on a LocalCluster
    of 2 workers (``scale.api.evaluate_frame``): the findings and skipped claims must be
    identical (exit 1 if not).

Timings on a machine other work is loading are not the machine's figures: run it alone.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from crosscheck.dsl.ast import RuleSet
from crosscheck.load.rules import load_rules
from evaluate import DAYS, OUTLIER_RATE, START, generate_claims, reading, true_value
from generate import generate

ROOT = Path(__file__).resolve().parents[1]
BATCH = 200_000  # claims generated and written at a time
ARTICLES_PER_GROUP = 200  # a row group of the articles table (~0.6 MB): a task each


def claim_rows(rules: RuleSet, first: int, count: int, rng: random.Random) -> dict[str, list[Any]]:
    """``count`` claims as Parquet columns, documents numbered from ``first``."""
    from crosscheck.load.parquet import CLAIMS_SCHEMA

    columns: dict[str, list[Any]] = {name: [] for name in CLAIMS_SCHEMA.names}
    measures = sorted(rules.measures)
    made = 0
    while made < count:
        document, day = f"report{first + made:09d}.txt", rng.randrange(DAYS)
        source = f"source{rng.randrange(60):02d}"
        for position in range(min(rng.randint(1, 5), count - made)):
            measure = rng.choice(measures)
            value = true_value(measure, max(day - rng.randrange(4), 0))
            if rng.random() < OUTLIER_RATE:
                value = value * rng.choice((10, 100)) if rng.random() < 0.5 else value // 10
            iv = reading(rng, value) if "caliber" not in measure else None
            low = Fraction(value) if iv is None else iv.low
            high = Fraction(value) if iv is None else iv.high
            row = {
                "measure": measure, "unit": rules.unit_of(measure), "stated": f"figure {position}",
                "document": document, "source": source, "date": START + timedelta(days=day),
                "start": 100 * position, "end": 100 * position + 8, "line": position + 1,
                "column": 1, "subject": rules.measures[measure].subject,
                "low_numerator": None if low is None else low.numerator,
                "low_denominator": None if low is None else low.denominator,
                "high_numerator": None if high is None else high.numerator,
                "high_denominator": None if high is None else high.denominator,
                "low_inclusive": True if iv is None else iv.low_closed,
                "high_inclusive": True if iv is None else iv.high_closed,
            }  # fmt: skip
            for name in columns:
                columns[name].append(row.get(name))
            made += 1
    return columns


def write_claims(rules: RuleSet, path: Path, count: int, seed: int) -> None:
    """``count`` generated claims written to the Parquet file at ``path``, in batches."""
    from crosscheck.load.parquet import CLAIMS_SCHEMA

    rng = random.Random(seed)
    with pq.ParquetWriter(path, CLAIMS_SCHEMA, compression="zstd") as writer:
        for first in range(0, count, BATCH):
            columns = claim_rows(rules, first, min(BATCH, count - first), rng)
            writer.write_table(pa.Table.from_pydict(columns, schema=CLAIMS_SCHEMA))


def one_process(rules_path: Path, parquet: Path, records: bool) -> str:
    """(a), in a process of its own: read the Parquet claims, evaluate them."""
    gc.set_threshold(200_000, 30, 30)  # as crosscheck.cli.main.run sets it
    rules = load_rules(rules_path)
    start = time.process_time()
    if records:
        from crosscheck.evaluate import evaluate
        from crosscheck.load.parquet import read_parquet_claims

        claims, errors = read_parquet_claims(parquet, rules)
        count, read = len(claims), time.process_time() - start
        start = time.process_time()
        outcome = evaluate(rules, claims)
    else:
        return _columns(rules, parquet, start)
    seconds = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"{count:,} claims ({len(errors)} problems), as records: read {read:.1f} s, evaluated "
        f"{seconds:.1f} s CPU ({read + seconds:.1f} s), {len(outcome.findings):,} findings, "
        f"peak {peak:,.0f} MB"
    )


def _columns(rules: RuleSet, parquet: Path, start: float) -> str:
    """(a) on the columnar path: read, decide every rule, then word every finding one by
    one as a reporter writing them out would (none kept)."""
    from crosscheck.columns.evaluate import decide_columns
    from crosscheck.load.parquet_columns import read_parquet_columns

    table, errors = read_parquet_columns(parquet, rules)
    read = time.process_time() - start
    start = time.process_time()
    decided = decide_columns(rules, table)
    seconds = time.process_time() - start
    start = time.process_time()
    count = sum(1 for rule in decided for _ in rule.findings())
    worded = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"{len(table):,} claims ({len(errors)} problems), as columns: read {read:.1f} s, "
        f"evaluated {seconds:.1f} s, findings worded {worded:.1f} s CPU "
        f"({read + seconds + worded:.1f} s), {count:,} findings, peak {peak:,.0f} MB"
    )


def claims_benchmark(args: argparse.Namespace, folder: Path) -> None:
    """(a): write, then read and evaluate in a child process."""
    rules = load_rules(args.rules)
    path = folder / "claims.parquet"
    start = time.perf_counter()
    write_claims(rules, path, args.claims, args.seed)
    size = path.stat().st_size / 1e6
    print(
        f"(a) wrote {args.claims:,} claims: {size:,.1f} MB in {time.perf_counter() - start:.1f} s"
    )
    command = [sys.executable, __file__, "--child", str(path), "--rules", str(args.rules)]
    command += ["--records"] if args.records else []
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        print(f"    one process could not do it (exit {done.returncode}): {tail[0]}")
        return
    print(f"    one process: {done.stdout.strip()}")


def text_benchmark(args: argparse.Namespace, folder: Path) -> None:
    """(b): extraction of generated text on 1, then 2, local workers."""
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from crosscheck.scale.extract import extract_articles
    from crosscheck.scale.workers import ship

    path = folder / "articles.parquet"
    chars = 0
    with pq.ParquetWriter(path, pa.schema([("path", pa.string()), ("text", pa.string())])) as out:
        batch: list[str] = []
        for text in generate(int(args.text_mb * 1_000_000), args.seed):
            batch.append(text)
            chars += len(text)
            if len(batch) == ARTICLES_PER_GROUP:
                _write_articles(out, batch, chars)
                batch = []
        _write_articles(out, batch, chars)
    shipped = ship(load_rules(args.rules))
    rates = []
    for workers in (1, 2):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0")
        with cluster, Client(cluster) as client:
            frame = dd.read_parquet(path, dtype_backend="pyarrow", split_row_groups=True)
            before = client.run(time.process_time)
            start = time.perf_counter()
            claims = len(extract_articles(frame, shipped))
            seconds = time.perf_counter() - start
            cpu = [client.run(time.process_time)[w] - before[w] for w in sorted(before)]
        rates.append(chars / seconds)
        shares = ", ".join(f"{c:.1f}" for c in cpu)
        print(f"(b) {workers} worker(s): {chars:,} chars in {frame.npartitions} tasks, "
              f"{claims:,} claims, {seconds:.1f} s wall, {chars / seconds:,.0f} chars/s; "
              f"CPU s per worker: {shares}")  # fmt: skip
    print(f"    speed-up of 2 workers over 1: {rates[1] / rates[0]:.2f}x")


def _write_articles(out: pq.ParquetWriter, texts: list[str], chars: int) -> None:
    if texts:
        paths = [f"article-{chars}-{i}.txt" for i in range(len(texts))]
        out.write_table(pa.table({"path": paths, "text": texts}))


def compare_benchmark(args: argparse.Namespace) -> bool:
    """(c): the engine against one process on the same generated claims."""
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from crosscheck.evaluate import evaluate
    from crosscheck.scale.api import evaluate_frame
    from crosscheck.scale.frames import claims_frame, frame_claims

    rules = load_rules(args.rules)
    # As the contract reads them (a claim without a subject takes its measure's), so that
    # both runs see the same claims.
    claims, _ = frame_claims(claims_frame(generate_claims(rules, args.compare, args.seed)),
                             rules, "generated")  # fmt: skip
    start = time.process_time()
    alone = evaluate(rules, claims)
    one = time.process_time() - start
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0")
    with cluster, Client(cluster):
        start = time.perf_counter()
        frame = dd.from_pandas(claims_frame(claims), npartitions=8)
        spread = evaluate_frame(frame, rules)
        wall = time.perf_counter() - start
    same = spread.findings == alone.findings and spread.skipped == alone.skipped
    print(f"(c) {len(claims):,} claims: one process {one:.1f} s CPU, "
          f"{len(alone.findings):,} findings; 2 workers {wall:.1f} s wall, "
          f"{len(spread.findings):,} findings: {'identical' if same else 'DIFFERENT'}")  # fmt: skip
    return same


def main() -> None:
    """Run the parts asked for and print their figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--claims", type=int, default=10_000_000)
    parser.add_argument("--text-mb", type=float, default=1000)
    parser.add_argument("--compare", type=int, default=20_000)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules" / "nk_deployment.rules")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip", nargs="*", default=[], choices=["claims", "text", "compare"])
    parser.add_argument("--records", action="store_true", help="(a) as records, not columns")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(one_process(args.rules, args.child, args.records))
        return
    with tempfile.TemporaryDirectory() as tmp:
        if "claims" not in args.skip:
            claims_benchmark(args, Path(tmp))
        if "text" not in args.skip:
            text_benchmark(args, Path(tmp))
    if "compare" not in args.skip and not compare_benchmark(args):
        sys.exit(1)


if __name__ == "__main__":
    main()
