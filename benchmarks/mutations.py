"""Break the evaluator on purpose and show which properties catch each break.

    python benchmarks/mutations.py               # every mutant (two at a time), then a table
    python benchmarks/mutations.py open-ends     # only the mutants named
    python benchmarks/mutations.py --list

Each mutant runs in a process of its own: it monkeypatches the evaluator (the source
tree is never touched), then runs pytest on tests/properties with a fixed set of
examples and no shrinking, and reports the tests that failed. The first row,
``none``, runs the properties on the evaluator as it is: it must catch nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROPERTIES = ROOT / "tests" / "properties"
MARK = "MUTATION-RESULT "


@dataclass(frozen=True)
class Mutant:
    """A way to break the evaluator: what it does, and how to apply it in-process."""

    name: str
    what: str
    apply: Callable[[], None]


def _patch(module: Any, name: str, value: object) -> None:
    assert hasattr(module, name), f"{module.__name__}.{name} is gone: update the mutant"
    setattr(module, name, value)


def _nothing() -> None:
    pass


def _open_ends_closed() -> None:
    from crosscheck.evaluate import relations
    from crosscheck.interval import Interval

    original = relations._at_most

    def closed(iv: Interval) -> Interval:
        return Interval(iv.low, iv.high, True, True)

    def mutant(k: Fraction, x: Interval, y: Interval, bound: Fraction, strict: bool) -> Any:
        return original(k, closed(x), closed(y), bound, strict)

    _patch(relations, "_at_most", mutant)


def _midpoints() -> None:
    from crosscheck.evaluate import context
    from crosscheck.interval import Interval

    build = context.Context.build.__func__  # type: ignore[attr-defined]

    def middle(iv: Interval) -> Interval:
        if iv.low is None or iv.high is None:
            return Interval.point(iv.low if iv.low is not None else iv.high or 0)
        return Interval.point((iv.low + iv.high) / 2)

    def mutant(cls: type, ruleset: Any, claims: Any) -> Any:
        flat = [c.model_copy(update={"interval": middle(c.interval)}) for c in claims]
        return build(cls, ruleset, flat)

    _patch(context.Context, "build", classmethod(mutant))


def _time_reversed() -> None:
    from crosscheck.evaluate import scopes

    def mutant(small: Any, big: Any) -> bool:
        return small.first is not None and big.last is not None and big.last <= small.first

    _patch(scopes, "precedes", mutant)


def _growth_backwards() -> None:
    from crosscheck.evaluate import monotonic
    from crosscheck.evaluate.relations import Constraint

    _patch(monotonic, "_EARLIER_NOT_ABOVE_LATER", (Constraint(1, 0),))


def _scope_rewritten(dropped: str) -> Callable[[], None]:
    def apply() -> None:
        import importlib

        from crosscheck.dsl.ast import ScopeKind

        evaluate = importlib.import_module("crosscheck.evaluate")
        original = evaluate.check_rule
        change = {"kind": ScopeKind.ACROSS_SOURCES} if dropped == "kind" else {"days": None}

        def mutant(rule: Any, ctx: Any, out: Any) -> Any:
            return original(replace(rule, scope=replace(rule.scope, **change)), ctx, out)

        _patch(evaluate, "check_rule", mutant)

    return apply


def _no_skips() -> None:
    from crosscheck.evaluate import context

    _patch(context.Decided, "skip", lambda self, claim, reason: None)


def _sum_units_ignored() -> None:
    from crosscheck.evaluate import context

    _patch(context.Context, "factor", lambda self, measure, unit: Fraction(1))


def _constant_units_ignored() -> None:
    from crosscheck.evaluate import bounds, comparison, relations

    def mutant(constant: Any, unit: str) -> Fraction:
        return Fraction(constant.value)

    for module in (relations, comparison, bounds):
        _patch(module, "constant_in", mutant)


def _tolerance_units_ignored() -> None:
    from crosscheck.evaluate import agreement, comparison, monotonic, relations

    original = relations.tolerance_in

    def mutant(tolerance: Any, unit: str) -> Any:
        if tolerance is not None and getattr(tolerance, "unit", None) is not None:
            tolerance = replace(tolerance, unit=None)
        return original(tolerance, unit)

    for module in (relations, comparison, agreement, monotonic):
        _patch(module, "tolerance_in", mutant)


def _split_changed(op: str, parts: tuple[tuple[int, int, bool], ...]) -> Callable[[], None]:
    def apply() -> None:
        from crosscheck.dsl.ast import Op
        from crosscheck.evaluate import relations

        relations.SPLIT[Op(op)] = tuple(relations.Constraint(*p) for p in parts)

    return apply


def _tolerance_on_the_wrong_side() -> None:
    from crosscheck.evaluate import relations
    from crosscheck.interval import Interval

    original = relations.at_most_within

    def mutant(small: Interval, big: Interval, within: Any, strict: bool = False) -> Any:
        if within.relative is None:
            return original(small, big, within, strict)
        # |x - y| <= p * min(x, y): one way round, small <= (1 + p) * big.
        return original(small, big.scale(1 + within.relative), relations.EXACT, strict)

    _patch(relations, "at_most_within", mutant)


def _sums_across_documents() -> None:
    from itertools import product

    from crosscheck.evaluate import comparison, scopes

    def mutant(terms: Any, items: Any, factors: Any) -> list[Any]:
        pools = [items.get(term, ()) for term in terms]
        return [
            scopes.Side(choice, scopes._sum(choice, terms, factors))
            for choice in product(*pools)
            if len({item.index for item in choice}) == len(choice)
        ]

    _patch(comparison, "sum_sides", mutant)


def _findings_changed(merge: bool) -> Callable[[], None]:
    def apply() -> None:
        from crosscheck.evaluate import findings

        original = findings.findings_of

        def mutant(setup: Any, charges: Any, citing: Any) -> Any:
            made = original(setup, charges, citing)
            if not merge:  # the last finding of a rule is lost
                return made[:-1]
            if len(made) < 2:
                return made
            (first, reading), (second, _) = made[0], made[1]
            joined = first.model_copy(
                update={
                    "cited": first.cited + second.cited,
                    "pairs": first.pairs + second.pairs,
                    "violations": first.violations + second.violations,
                }
            )
            return [(joined, reading), *made[2:]]  # two odd readings reported as one

        _patch(findings, "findings_of", mutant)

    return apply


MUTANTS = [
    Mutant("none", "the evaluator as it is (control)", _nothing),
    Mutant("open-ends", "open ends read as closed (off by one at the boundary)", _open_ends_closed),
    Mutant("midpoints", "hedges ignored: every interval read as its midpoint", _midpoints),
    Mutant("time-order", "running totals compared in reverse date order", _time_reversed),
    Mutant("growth-backwards", "nondecreasing checks later <= earlier", _growth_backwards),
    Mutant("scope-dropped", "per document / per source ignored", _scope_rewritten("kind")),
    Mutant("window-dropped", "`within N days` ignored", _scope_rewritten("days")),
    Mutant("no-skips", "undated claims dropped without a Skipped record", _no_skips),
    Mutant("sum-units", "measures in other units added unconverted", _sum_units_ignored),
    Mutant("constant-units", "`300 mm` read as 300 in the working unit", _constant_units_ignored),
    Mutant(
        "tolerance-units", "`within 1 cm` read as 1 in the working unit", _tolerance_units_ignored
    ),
    Mutant("strict-as-loose", "`<` decided as `<=`", _split_changed("<", ((0, 1, False),))),
    Mutant(
        "one-way-equality",
        "`==`/agree check one direction only",
        _split_changed("==", ((0, 1, False),)),
    ),
    Mutant(
        "tolerance-side",
        "relative tolerance taken of the smaller value",
        _tolerance_on_the_wrong_side,
    ),
    Mutant(
        "sums-across-documents",
        "a sum's terms taken from different articles",
        _sums_across_documents,
    ),
    Mutant("drop-finding", "a rule's last finding is not reported", _findings_changed(False)),
    Mutant(
        "merge-findings", "a rule's first two findings reported as one", _findings_changed(True)
    ),
]


# ------------------------------------------------------------------ running


class _Failures:
    """A pytest plugin that records the tests that failed."""

    def __init__(self) -> None:
        self.failed: set[str] = set()

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.failed:
            self.failed.add(report.nodeid.split("::")[-1].split("[")[0])


def run_child(name: str) -> int:
    """Apply one mutant in this process, run the properties, print what failed."""
    import pytest
    from hypothesis import HealthCheck, Phase, settings

    settings.register_profile(
        "mutation",
        max_examples=60,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: which test fails is enough
        suppress_health_check=list(HealthCheck),
    )
    os.environ["HYPOTHESIS_PROFILE"] = "mutation"
    next(m for m in MUTANTS if m.name == name).apply()
    failures = _Failures()
    args = [str(PROPERTIES), "-q", "-p", "no:cacheprovider", "--tb=no", "-o", "addopts="]
    pytest.main(args, plugins=[failures])
    print(MARK + json.dumps(sorted(failures.failed)))
    return 0


def run_parent(mutant: Mutant) -> tuple[Mutant, list[str] | None, float]:
    """Run one mutant in a child process; the tests it failed (None: it did not finish)."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as storage:
        env = {**os.environ, "HYPOTHESIS_STORAGE_DIRECTORY": storage}
        done = subprocess.run(
            [sys.executable, __file__, "--child", mutant.name],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=1800,
            check=False,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    failed = json.loads(lines[-1][len(MARK) :]) if lines else None
    return mutant, failed, time.monotonic() - started


def table(results: Iterable[tuple[Mutant, list[str] | None, float]]) -> str:
    """The results as a Markdown table."""
    rows = ["| mutant | what it breaks | caught | by | seconds |", "|---|---|---|---|---|"]
    for mutant, failed, seconds in results:
        if failed is None:
            verdict, by = "ERROR", "the run did not finish"
        elif mutant.name == "none":
            verdict, by = ("ok" if not failed else "FAILS"), ", ".join(failed) or "-"
        else:
            verdict, by = ("caught" if failed else "MISSED"), ", ".join(failed) or "-"
        rows.append(f"| {mutant.name} | {mutant.what} | {verdict} | {by} | {seconds:.0f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="mutants to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once (default 2)")
    args = parser.parse_args(argv)
    if args.child:
        return run_child(args.child)
    if args.list:
        print("\n".join(f"{m.name:24} {m.what}" for m in MUTANTS))
        return 0
    unknown = set(args.names) - {m.name for m in MUTANTS}
    if unknown:
        parser.error(f"unknown mutants: {', '.join(sorted(unknown))} (see --list)")
    chosen = [m for m in MUTANTS if not args.names or m.name in args.names]
    with ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
        results = list(pool.map(run_parent, chosen))
    print(table(results))
    missed = [m.name for m, failed, _ in results if m.name != "none" and not failed]
    control = [failed for m, failed, _ in results if m.name == "none"]
    return 1 if missed or any(control) else 0


if __name__ == "__main__":
    sys.exit(main())
