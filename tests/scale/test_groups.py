"""Which groups a claim is evaluated in (pure: no cluster)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claim_factory import make_claim
from crosscheck.dsl.ast import ScopeKind
from crosscheck.load.rules import load_rules
from crosscheck.model import AsOf
from crosscheck.scale.groups import group_keys, plans

RULES = load_rules(Path(__file__).resolve().parents[2] / "rules")
PLANS = {plan.rule.name: plan for plan in plans(RULES.rules, bucket_days=10)}


def test_a_sum_per_document_is_one_group() -> None:
    plan = PLANS["parts_add_up"]  # per document, a sum: never split by time
    claim = make_claim("killed", document="a.md", date="2024-12-01")
    assert plan.width is None
    # Its findings group one reading's violations across documents (findings.grouped),
    # so its claims are not split by document.
    assert plan.scope is ScopeKind.ACROSS_SOURCES
    assert list(group_keys(plan, claim)) == [f"{plan.index}\x1f"]
    assert list(group_keys(PLANS["troop_estimates_agree"], claim)) == []  # not its measure


def test_a_windowed_rule_takes_claims_up_to_twice_its_window_beyond_a_bucket() -> None:
    plan = PLANS["death_tolls_agree"]  # within 7 days: 14 days of context either side
    assert plan.width == 10 and plan.margin == 14
    day = dt.date.fromordinal(100 * 10 + 3)  # bucket 100, 3 days in
    keys = list(group_keys(plan, make_claim("killed", date=day)))
    buckets = [int(key.rsplit("\x1f", 1)[1]) for key in keys]
    assert buckets == [98, 99, 100, 101]  # 3 + 14 reaches bucket 101; 3 - 14 reaches 98
    undated = make_claim("killed", as_of=AsOf(start=None, end=day))
    assert [k.rsplit("\x1f", 1)[1] for k in group_keys(plan, undated)] == ["undated"]
