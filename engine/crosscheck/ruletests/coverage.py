"""Which rules the rule tests cover, and whether they expect each to fire. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from crosscheck.ruletests.run import RuleTestResult

# Per rule: (test name, whether the test expects it to fire) for each test that names it.
Coverage = Mapping[str, Sequence[tuple[str, bool]]]


def coverage(
    rule_names: Iterable[str], results: Iterable[RuleTestResult]
) -> dict[str, tuple[tuple[str, bool], ...]]:
    """For each rule (in the order given, then any others tests name), the tests that
    state what it does: ``(test name, True)`` when it is expected to fire,
    ``(test name, False)`` when expected to stay silent (a count of 0). An empty
    tuple means no test covers the rule."""
    covered: dict[str, list[tuple[str, bool]]] = {name: [] for name in rule_names}
    for result in results:
        for named, count in result.test.expect:
            covered.setdefault(named.name, []).append((result.test.name, count != 0))
    return {rule: tuple(tests) for rule, tests in covered.items()}
