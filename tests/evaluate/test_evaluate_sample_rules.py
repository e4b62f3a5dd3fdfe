"""The project's sample rule file over the figures of the seed reports (our own summary)."""

from __future__ import annotations

from fractions import Fraction as F
from pathlib import Path

from claim_factory import make_claim
from crosscheck.dsl.ast import RuleSet
from crosscheck.evaluate import evaluate_pairs
from crosscheck.interval import Interval
from crosscheck.load.rules import load_rules

RULES = Path(__file__).parents[2] / "rules" / "nk_deployment.rules"

DEC, JAN = "2024-12-23", "2025-01-24"
RBK, DEFENCE, NEWSWEEK, NEWSBG, CNEWS = (
    ("000_rbk.txt", "RBK-Ukraine"),
    ("001_defence.txt", "Defence Talks"),
    ("002_newsweek.txt", "Newsweek"),
    ("003_newsbg.txt", "News.bg"),
    ("004_cnews.txt", "Cnews Live"),
)
OVER_11K = Interval(F(11000), None, low_closed=False)
NEWSWEEK_KILLED = make_claim("killed", Interval.closed(990, 1210), *NEWSWEEK, DEC)
CNEWS_KILLED = make_claim("killed", Interval.closed(90, 110), *CNEWS, DEC)
SEED_CLAIMS = [
    make_claim("deployed", Interval.closed(11000, 12000), *RBK, JAN),
    make_claim("deployed", Interval.closed(9900, 12100), *DEFENCE, JAN),
    make_claim("casualties", Interval(F(3000), None, low_closed=False), *DEFENCE, JAN),
    make_claim("deployed", OVER_11K, *NEWSWEEK, DEC),
    NEWSWEEK_KILLED,
    make_claim("deployed", Interval.closed(2000, 20000), *NEWSBG, DEC),  # "thousands"
    make_claim("deployed", Interval.closed(10800, 13200), *CNEWS, DEC),
    make_claim("casualties", Interval(F(1100), None), *CNEWS, DEC),
    CNEWS_KILLED,
    make_claim("wounded", Interval.closed(900, 1100), *CNEWS, DEC),
]


def sample_rules() -> RuleSet:
    """The sample rules with their imports (the standard vocabulary)."""
    return load_rules(RULES)


def test_only_the_death_tolls_disagree() -> None:
    outcome = evaluate_pairs(sample_rules(), SEED_CLAIMS, keep_undecided=True)
    assert [(v.rule, v.claims) for v in outcome.violations] == [
        ("death_tolls_agree", (NEWSWEEK_KILLED, CNEWS_KILLED))
    ]
    assert outcome.skipped == ()
    undecided_rules = {v.rule for v in outcome.undecided}
    assert {"troop_estimates_agree", "parts_add_up"} <= undecided_rules
