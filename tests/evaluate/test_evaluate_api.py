"""evaluate_pairs(): the acceptance case, what violations say, and deterministic output."""

from __future__ import annotations

import random
from fractions import Fraction as F

from evaluate_helpers import agree, rule, ruleset
from hypothesis import given
from hypothesis import strategies as st

from claim_factory import make_claim
from crosscheck.dsl.ast import (
    Comparison,
    Constant,
    Measure,
    MeasureRef,
    Monotonic,
    Op,
    Rule,
    Sum,
)
from crosscheck.evaluate import Pairwise, evaluate_pairs
from crosscheck.interval import Interval
from crosscheck.model import Claim, Severity

KILLED = Measure("killed", "count", cumulative=True)
CASUALTIES = Measure("casualties", "count", cumulative=True)
DEPLOYED = Measure("deployed", "count")

NEWSWEEK = make_claim(
    "killed",
    Interval.closed(990, 1210),
    "002_newsweek.txt",
    "Newsweek",
    "2024-12-23",
    stated="approximately 1,100",
)
CNEWS = make_claim(
    "killed",
    Interval.closed(90, 110),
    "004_cnews.txt",
    "Cnews Live",
    "2024-12-23",
    stated="around 100",
)
TROOPS = [
    make_claim(
        "deployed", Interval.closed(11000, 12000), "000_rbk.txt", "RBK-Ukraine", "2025-01-24"
    ),
    make_claim("deployed", Interval.closed(9900, 12100), "001_defence.txt", "Defence Talks"),
    make_claim("deployed", Interval(F(11000), None, False), "002_newsweek.txt", "Newsweek"),
    make_claim("deployed", Interval.closed(10800, 13200), "003_newsbg.txt", "News.bg"),
]


def seed_outcome(keep_undecided: bool = False) -> Pairwise:
    rules = ruleset(
        [KILLED, DEPLOYED],
        [
            rule("death_tolls_agree", agree("killed", 50), days=7),
            rule("troop_estimates_agree", agree("deployed", 15)),
        ],
    )
    return evaluate_pairs(rules, [*TROOPS, CNEWS, NEWSWEEK], keep_undecided=keep_undecided)


def test_acceptance_on_the_seed_figures() -> None:
    outcome = seed_outcome()
    assert [(v.rule, v.claims) for v in outcome.violations] == [
        ("death_tolls_agree", (NEWSWEEK, CNEWS))
    ]
    assert outcome.undecided == ()
    assert outcome.skipped == ()


def test_a_violation_explains_itself() -> None:
    (v,) = seed_outcome().violations
    assert v.severity is Severity.ERROR
    assert v.message == "killed: approximately 1,100 vs around 100 — no common value within 50%"
    assert v.detail == (
        "killed [990, 1,210] (Newsweek, 2024-12-23) vs killed [90, 110] "
        "(Cnews Live, 2024-12-23): no pair of values within 50%"
    )


def test_undecided_pairs_only_on_request() -> None:
    kept = seed_outcome(keep_undecided=True)
    assert len(kept.undecided) == 6  # every pair of the four troop estimates
    assert {v.rule for v in kept.undecided} == {"troop_estimates_agree"}
    assert all("undecided" in v.message for v in kept.undecided)
    assert kept.violations == seed_outcome().violations


def test_the_rules_own_message_and_severity() -> None:
    named = Rule(
        "deaths_within_casualties",
        Comparison(Sum((MeasureRef("killed"),)), Op.LE, Sum((MeasureRef("casualties"),))),
        severity=Severity.WARNING,
        message="more deaths than casualties",
    )
    claims = [
        make_claim("killed", Interval.point(1500), "a", "A", "2024-12-01"),
        make_claim("casualties", Interval.point(1000), "b", "B", "2024-12-02"),
    ]
    (v,) = evaluate_pairs(ruleset([KILLED, CASUALTIES], [named]), claims).violations
    assert (v.message, v.severity) == ("more deaths than casualties", Severity.WARNING)
    assert v.detail == (
        "killed 1,500 (A, 2024-12-01) <= casualties 1,000 (B, 2024-12-02): "
        "false for every choice of values"
    )


def test_monotonic_message_names_dates_in_order() -> None:
    rules = ruleset([CASUALTIES], [rule("grow", Monotonic(MeasureRef("casualties")))])
    later = make_claim("casualties", Interval.closed(990, 1210), "a", "Cnews Live", "2025-01-24")
    earlier = make_claim("casualties", Interval(F(3000), None, False), "b", "RBK", "2024-12-23")
    (v,) = evaluate_pairs(rules, [later, earlier]).violations
    assert v.claims == (earlier, later)
    assert "(RBK, 2024-12-23) then" in v.message and "fell" in v.message
    assert v.detail.startswith("casualties (3,000, inf) (RBK, 2024-12-23) then casualties")


def test_skipped_claims_say_why() -> None:
    undated = make_claim("killed", Interval.point(5), "c", "C")
    rules = ruleset([KILLED], [rule("death_tolls_agree", agree("killed", 50), days=7)])
    outcome = evaluate_pairs(rules, [NEWSWEEK, undated])
    assert [(s.rule, s.claim) for s in outcome.skipped] == [("death_tolls_agree", undated)]
    assert "7 days" in outcome.skipped[0].reason


def test_output_follows_rule_order_then_claims() -> None:
    rules = ruleset(
        [DEPLOYED],
        [
            rule("second_in_file", agree("deployed", None)),
            rule(
                "first_alphabetically",
                Comparison(Sum((MeasureRef("deployed"),)), Op.LE, Constant(F(10))),
            ),
        ],
    )
    claims = [
        make_claim("deployed", Interval.point(n), doc)
        for n, doc in [(30, "c"), (20, "a"), (11, "b")]
    ]
    outcome = evaluate_pairs(rules, claims)
    assert [(v.rule, [c.document for c in v.claims]) for v in outcome.violations] == [
        ("second_in_file", ["a", "b"]),
        ("second_in_file", ["a", "c"]),
        ("second_in_file", ["b", "c"]),
        ("first_alphabetically", ["a"]),
        ("first_alphabetically", ["b"]),
        ("first_alphabetically", ["c"]),
    ]


def test_input_order_does_not_matter() -> None:
    rules = ruleset(
        [KILLED, DEPLOYED],
        [
            rule("tolls", agree("killed", 50)),
            rule("troops", agree("deployed", 5)),
            rule("grow", Monotonic(MeasureRef("killed"))),
        ],
    )
    claims: list[Claim] = [
        make_claim(
            "killed",
            Interval.closed(n, n + 50),
            f"doc{n % 7}",
            f"src{n % 3}",
            f"2024-12-{n % 28 + 1:02d}",
        )
        for n in range(0, 2000, 97)
    ] + TROOPS
    expected = evaluate_pairs(rules, claims, keep_undecided=True)
    assert expected.violations  # the comparison below must compare something
    shuffled = claims[:]
    random.Random(7).shuffle(shuffled)
    assert evaluate_pairs(rules, shuffled, keep_undecided=True) == expected


def test_claims_of_unknown_measures_are_ignored() -> None:
    rules = ruleset([DEPLOYED], [rule("troops", agree("deployed", None))])
    stray = [make_claim("missiles", Interval.point(n), f"d{n}") for n in range(3)]
    assert evaluate_pairs(rules, stray) == Pairwise((), (), ())


@given(st.integers(0, 300), st.integers(0, 300), st.integers(0, 100))
def test_agreement_of_points_is_the_stated_formula(x: int, y: int, percent: int) -> None:
    # Spec: x ≈ y within p iff |x - y| <= p * max(x, y).
    rules = ruleset([DEPLOYED], [rule("r", agree("deployed", percent))])
    claims = [
        make_claim("deployed", Interval.point(x), "a"),
        make_claim("deployed", Interval.point(y), "b"),
    ]
    violated = bool(evaluate_pairs(rules, claims).violations)
    assert violated == (abs(x - y) > F(percent, 100) * max(x, y))
