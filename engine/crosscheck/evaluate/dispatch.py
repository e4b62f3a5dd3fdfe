"""Which rule module decides a rule: one dispatch used by evaluate and by trace."""

from __future__ import annotations

from typing import assert_never

from crosscheck.dsl.ast import Agreement, Bounds, Comparison, Monotonic, Rule
from crosscheck.evaluate.agreement import check_agreement
from crosscheck.evaluate.bounds import check_bounds
from crosscheck.evaluate.comparison import check_comparison
from crosscheck.evaluate.context import Context, Decided
from crosscheck.evaluate.monotonic import check_monotonic


def check_rule(rule: Rule, ctx: Context, out: Decided) -> Decided:
    """Decide ``rule`` over the claims of ``ctx``, recording findings in ``out``."""
    body = rule.body
    if isinstance(body, Comparison):
        check_comparison(rule, body, ctx, out)
    elif isinstance(body, Agreement):
        check_agreement(rule, body, ctx, out)
    elif isinstance(body, Bounds):
        check_bounds(rule, body, ctx, out)
    elif isinstance(body, Monotonic):
        check_monotonic(rule, body, ctx, out)
    else:
        assert_never(body)
    return out
