"""A place named with a figure is a part when some claim counts that place as a part
(``evaluate.places``, docs/semantics.md §5)."""

from __future__ import annotations

from claim_factory import make_claim
from crosscheck.dsl import build_ruleset, parse
from crosscheck.evaluate import evaluate, evaluate_pairs
from crosscheck.evaluate.places import (
    measure_part,
    part_named,
    parts_counted,
    parts_of,
    with_places_as_parts,
)
from crosscheck.model import Claim


def toll(n: int, document: str, **fields: str) -> Claim:
    """A toll of exactly ``n`` in ``document``, of 9 October 2005 unless ``fields`` say."""
    return make_claim(low=n, high=n, document=document, **({"date": "2005-10-09"} | fields))


RULES = build_ruleset(
    [parse("measure killed: count\nrule tolls_agree: killed agree within 20% across sources\n")]
)
# One article breaks the toll down by country; another gives one country's figure alone;
# a third gives a figure in a place no claim counts as a part; two give whole tolls.
BREAKDOWN = [
    toll(237, "a.txt", part="Pakistan"),
    toll(74, "a.txt", part="Afghanistan"),
]
ONE_COUNTRY = toll(73, "b.txt", place="Afghanistan")
ELSEWHERE = toll(150, "c.txt", place="Kerala")
WHOLE = [toll(300, "d.txt"), toll(311, "e.txt")]
CLAIMS = [*BREAKDOWN, ONE_COUNTRY, ELSEWHERE, *WHOLE]


def cited(claims: list[Claim]) -> set[str]:
    """The documents the findings of the rule over ``claims`` cite."""
    found = evaluate(RULES, claims).findings
    return {c.document for f in found for group in f.cited for c in group.claims}


def test_a_place_another_claim_counts_as_a_part_is_the_figure_part() -> None:
    settled = with_places_as_parts(CLAIMS, parts_counted(c.part for c in CLAIMS))
    assert settled[2].part == "Afghanistan"
    assert settled[3].part is None  # Kerala is no claim's part: it may be the whole's place


def test_one_country_figure_is_compared_with_that_country_only() -> None:
    assert "b.txt" not in cited(CLAIMS)  # 73 against 74, Afghanistan's: no finding
    assert "c.txt" in cited(CLAIMS)  # 150 in Kerala is read as the whole: against 300
    alone = [ONE_COUNTRY, *WHOLE]  # without the breakdown, Afghanistan may be the whole
    assert "b.txt" in cited(alone)


def test_pairwise_violations_take_places_as_parts_too() -> None:
    pairs = evaluate_pairs(RULES, CLAIMS).violations
    assert pairs and all("b.txt" not in {c.document for c in v.claims} for v in pairs)


def test_places_are_compared_as_parts_are() -> None:
    spelled = toll(73, "b.txt", place=" afghanistan ")
    settled = with_places_as_parts([*BREAKDOWN, spelled], parts_counted(["Afghanistan"]))
    assert settled[2].part == " afghanistan "


def test_an_acronym_names_the_one_part_whose_initials_it_spells() -> None:
    counted = parts_counted(["North West Frontier Province", "Azad Jammu and Kashmir", "Punjab"])
    assert part_named("NWFP", counted) == "north west frontier province"
    assert part_named("AJK", counted) == "azad jammu and kashmir"
    assert part_named("Nwfp", counted) is None  # not written as an acronym
    assert part_named("PB", counted) is None
    twice = parts_counted(["North Province", "Northern Plains"])
    assert part_named("NP", twice) is None  # two parts spell it: neither is named


def test_an_article_breaking_its_whole_down_makes_the_place_a_part() -> None:
    article = [toll(19136, "f.txt"), toll(17388, "f.txt", place="Kashmir")]
    elsewhere = toll(17000, "g.txt", place="Kashmir")
    assert parts_of(article) == {measure_part("killed", "kashmir")}
    hurt = make_claim("injured", low=900, high=900, document="g.txt", place="Kashmir",
                      date="2005-10-09")  # fmt: skip
    claims = [*article, elsewhere, hurt]
    settled = with_places_as_parts(claims, parts_of(claims))
    # For that measure only: the article broke its death toll down, not its injured.
    assert [c.part for c in settled] == [None, "Kashmir", "Kashmir", None]


def test_a_place_above_the_whole_of_another_measure_or_day_is_no_part() -> None:
    higher = [toll(250, "k.txt"), toll(300, "k.txt", place="Kerala")]
    other = [toll(300, "m.txt"), make_claim("injured", low=40, high=40, document="m.txt",
                                            place="Kerala", date="2005-10-09")]  # fmt: skip
    earlier = [toll(300, "q.txt"), toll(40, "q.txt", place="Kerala", date="2005-10-08")]
    undated = [toll(300, "r.txt", date=None), toll(40, "r.txt", place="Kerala", date=None)]
    apart = [toll(300, "n.txt"), toll(40, "p.txt", place="Kerala")]  # two articles
    assert parts_of(higher) == parts_of(other) == parts_of(apart) == frozenset()
    # A lower figure of another day is an earlier count, not a part; undated ones neither.
    assert parts_of(earlier) == parts_of(undated) == frozenset()
