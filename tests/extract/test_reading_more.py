"""Hedges, coordinations, number words, shares and space-grouped thousands (issue 14)."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from lexicon_helpers import excluded, items, mention, value

from crosscheck.dsl.ast import Measure, RuleSet
from crosscheck.extract import Extractor, Mention
from crosscheck.extract.exclusions import ExclusionKind
from crosscheck.model import Document

INF = None


@pytest.mark.parametrize(
    ("text", "stated", "low", "high", "low_closed"),
    [
        ("The toll has passed 5,000.", "passed 5,000", 5000, INF, False),
        ("The toll rises past 1,700 in the north.", "past 1,700", 1700, INF, False),
        ("Deaths crossed 270 on Tuesday.", "crossed 270", 270, INF, False),
        ("The count has topped 300.", "topped 300", 300, INF, False),
        ("The count exceeds 4,200.", "exceeds 4,200", 4200, INF, False),
        ("Exceeding 4,200 people died.", "Exceeding 4,200", 4200, INF, False),
        ("Upwards of 500 were hurt.", "Upwards of 500", 500, INF, False),
        ("North of 300 were hurt.", "North of 300", 300, INF, False),
        ("Just shy of 1,000 were hurt.", "Just shy of 1,000", 900, 1000, True),
        ("Toll Near 40,000", "Near 40,000", 36000, 40000, True),
        ("The toll nears 40,000.", "nears 40,000", 36000, 40000, True),
        ("not less than 40,000 died", "not less than 40,000", 40000, INF, True),
        ("not more than 1,000 died", "not more than 1,000", 0, 1000, True),
        ("1,000 or more died", "1,000 or more", 1000, INF, True),
        ("aged 18 and above", "18 and above", 18, INF, True),
        ("1,200 or above", "1,200 or above", 1200, INF, True),
        ("1,000 plus people", "1,000 plus", 1000, INF, True),
        ("The toll crossed the 1,000 mark.", "crossed the 1,000", 1000, INF, False),
    ],
)
def test_hedges_read(text: str, stated: str, low: int, high: int | None, low_closed: bool) -> None:
    read = mention(text)
    assert read.stated == stated
    assert (read.interval.low, read.interval.high) == (low, high)
    assert read.interval.low_closed == low_closed


@pytest.mark.parametrize(
    "text",
    [
        "in the past 24 hours, 300 died",
        "at half past 3 the shelling stopped",
        "over the past 3 days",
        "5 plus 3 more",
        "100 and over 1,000 injured",
    ],
)
def test_words_that_are_no_hedge_here(text: str) -> None:
    assert mention(text).hedge is None


@pytest.mark.parametrize(
    "text", ["not about 100 died", "it has not passed 5,000", "He wasn't over 100."]
)
def test_a_negated_hedge_is_never_its_opposite(text: str) -> None:
    assert excluded(text) is ExclusionKind.NEGATED


def hedges(text: str) -> list[tuple[str | None, Fraction | None]]:
    """The hedge and the low end of every amount in ``text``."""
    return [(m.hedge, m.interval.low) for m in items(text) if isinstance(m, Mention)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("around 100 deaths and 1,000 injuries", [("around", 90), ("around", 900)]),
        ("about 100 and 200 people", [("about", 90), ("about", 180)]),
        ("at least 10 dead and 20 hurt and 30 missing", [("at least", n) for n in (10, 20, 30)]),
        ("about 100 North Korean soldiers and 1,000 Russians", [("about", 90), ("about", 900)]),
    ],
)  # fmt: skip
def test_a_hedge_carries_over_a_coordination(text: str, expected: list[tuple[str, int]]) -> None:
    assert hedges(text) == expected


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("around 100 deaths, 1,000 injuries", (None, 1000)),
        ("around 100 deaths; and 1,000 injuries", (None, 1000)),
        ("around 100 deaths and nearly 1,000 injuries", ("nearly", 900)),
        ("about 100 people died and 200 were injured", (None, 200)),
        ("about 100 died and 200 were injured", (None, 200)),
        ("100 or more deaths and 200 injuries", (None, 200)),
        ("about 10 km and 20 people", (None, 20)),
        ("about 100 deaths and hundreds of injuries", (None, 200)),
        ("around 100 deaths in the east and 1,000 injuries", (None, 1000)),
    ],
)
def test_a_hedge_does_not_carry_out_of_a_coordination(
    text: str, second: tuple[str | None, int]
) -> None:
    assert hedges(text)[1] == second


@pytest.mark.parametrize(
    ("text", "stated", "number"),
    [
        ("one-thousand people", "one-thousand", 1000),
        ("twelve-thousand troops", "twelve-thousand", 12000),
        ("twelve‑thousand troops", "twelve‑thousand", 12000),
        ("4 thousand troops", "4 thousand", 4000),
        ("two dozen tanks", "two dozen", 24),
        ("half a million shells", "half a million", 500_000),
        ("a quarter of a million people", "a quarter of a million", 250_000),
        ("half a dozen tanks", "half a dozen", 6),
        ("three lakh fifty thousand people", "three lakh fifty thousand", 350_000),
        ("2.5 crore rupees", "2.5 crore rupees", 25_000_000),
    ],
)
def test_number_words(text: str, stated: str, number: int) -> None:
    assert mention(text).stated == stated
    assert value(text) == number


def test_a_few_hundred_is_its_vague_range() -> None:
    read = mention("a few hundred people were hurt")
    assert (read.kind, read.stated, read.low, read.high) == ("vague", "a few hundred", 200, 500)


@pytest.mark.parametrize(
    ("text", "stated", "low", "high"),
    [
        ("40 percent of the town", "40 percent", 40, 40),
        ("40% of the town", "40%", 40, 40),
        ("a third of the victims", "a third", Fraction(100, 3), Fraction(100, 3)),
        ("two-thirds of the victims", "two-thirds", Fraction(200, 3), Fraction(200, 3)),
        ("One quarter of the houses", "One quarter", 25, 25),
        ("nearly half of the houses", "nearly half", 45, 50),
        ("half the town was destroyed", "half", 50, 50),
    ],
)
def test_shares_read_as_percents(text: str, stated: str, low: Fraction, high: Fraction) -> None:
    read = mention(text)
    assert (read.stated, read.unit) == (stated, "percent")
    assert (read.interval.low, read.interval.high) == (low, high)


@pytest.mark.parametrize(
    "text",
    ["the third day of rain", "in the first half of 2024", "a third time", "half an hour later"],
)
def test_no_share_without_a_numerator_or_a_whole(text: str) -> None:
    assert not [m for m in items(text) if isinstance(m, Mention) and m.unit == "percent"]


def test_a_share_binds_to_a_percent_measure() -> None:
    measure = Measure("women_share", "percent", when=("women",))
    rules = RuleSet(subjects={}, measures={measure.name: measure}, rules=(), hedges={}, vague={})
    text = "Women were nearly half of the victims, and 300 men died."
    claims = Extractor(rules).claims(Document(path="t.txt", text=text, source="Wire"))
    assert [(c.measure, c.stated, c.interval.low, c.interval.high) for c in claims] == [
        ("women_share", "nearly half", 45, 50)
    ]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("19 136 people died", 19136),
        ("48 000 people died", 48000),
        ("a toll of 1 000 000 people", 1_000_000),
        ("More than 19 000 died", 19000),
        ("about 48\u202f000 died", 48000),
        ("about 48\u00a0000 died", 48000),
    ],
)
def test_thousands_grouped_by_spaces(text: str, number: int) -> None:
    assert mention(text).high == number


def test_space_grouped_range() -> None:
    read = mention("Between 6 000 and 7 000 died")
    assert (read.kind, read.low, read.high) == ("range", 6000, 7000)


@pytest.mark.parametrize(
    "text",
    [
        "in 2005 12 people died",
        "aged 5 100 people died",
        "the 1 100-metre race",
        "On June 12 100 people died",
        "call +82 2 123 4567 now",
        "call 555 123 4567 now",
        "scores of 3 100.5 each",
        "lists 10 20 30",
        "5 1000 people",
        "5 10 people",
        "0 100 people",
        "the 3 100s",
    ],
)
def test_separate_numbers_are_never_joined(text: str) -> None:
    for amount in [item for item in items(text) if isinstance(item, Mention)]:
        assert re.search("[0-9] [0-9]", amount.stated) is None, amount
