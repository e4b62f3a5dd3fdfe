"""Issue 19, item 14: powers of ten are read as the number they are, or not at all.

"Around 10^400 ... killed" was read as the claim 400 (a false violation), "Over
10**4000" as 4,000 with its hedge dropped, "1 × 10^9999" as 9,999. A power of ten
with an exponent up to ``MAX_EXPONENT`` is read as its value; a larger one is no
amount, with a reason ``explain`` shows; its exponent is never read as a number.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from crosscheck.dsl import build_ruleset, parse
from crosscheck.extract import Extractor
from crosscheck.extract.powers import MAX_EXPONENT, TOO_LARGE
from crosscheck.interval import Interval
from crosscheck.model import Document

RULES = """
tolerance approximately = 10%
measure killed: count
    when "killed"
"""


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(build_ruleset([parse(RULES, "powers.rules")]))


def claims_of(extractor: Extractor, text: str) -> list[tuple[str, Interval]]:
    document = Document(path="powers.txt", text=text, source="test")
    return [(c.stated, c.interval) for c in extractor.claims(document)]


@pytest.mark.parametrize(
    "text",
    [
        "Around 10^400 soldiers have been killed.",
        "Over 10**4000 soldiers have been killed.",
        "About 1 × 10^9999 soldiers have been killed.",
        "Some 3 x 10^16 soldiers have been killed.",
        "Some 10^" + "9" * 5000 + " soldiers have been killed.",  # no int() of 5,000 digits
        "About 1.2e6 soldiers have been killed.",  # e-notation stays a code
    ],
)
def test_a_power_too_large_is_no_claim(extractor: Extractor, text: str) -> None:
    assert claims_of(extractor, text) == []


TOP = 10**MAX_EXPONENT
READ = [
    ("Around 10^3 soldiers were killed.", "Around 10^3", Interval.closed(900, 1100)),
    ("Over 10**4 soldiers were killed.", "Over 10**4", Interval(Fraction(10**4), None, False)),
    ("Some 2.5 × 10⁶ soldiers were killed.", "Some 2.5 × 10⁶", Interval.closed(2250000, 2750000)),
    ("Exactly 3 x 10^2 soldiers were killed.", "3 x 10^2", Interval.point(300)),
    ("Between 1 and 10**4 soldiers were killed.", "Between 1 and 10**4", Interval.closed(1, 10**4)),
    (f"1 × 10^{MAX_EXPONENT} soldiers were killed.", f"1 × 10^{MAX_EXPONENT}", Interval.point(TOP)),
]


@pytest.mark.parametrize(("text", "stated", "interval"), READ)
def test_a_power_small_enough_is_its_value(
    extractor: Extractor, text: str, stated: str, interval: Interval
) -> None:
    assert claims_of(extractor, text) == [(stated, interval)]


def test_explain_says_why_a_power_is_no_amount(extractor: Extractor) -> None:
    text = "Around 10^400 soldiers have been killed."
    document = Document(path="powers.txt", text=text, source="test")
    decisions = extractor.decisions(document)
    assert [(d.stated, d.claim) for d in decisions] == [("10^400", None)]
    assert TOO_LARGE in decisions[0].reason
