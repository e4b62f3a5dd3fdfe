"""The lexicon's lists of context words: dates, names, shares, negations, marks, restating.

Like ``test_lexicon``, each test walks one list of ``crosscheck.lexicon`` entry by entry.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from lexicon_helpers import BY_FAMILY, READER, excluded, items, mention, value

from crosscheck import lexicon
from crosscheck.dsl.ast import Measure, RuleSet
from crosscheck.extract import Mention
from crosscheck.extract.active import Survey
from crosscheck.extract.asof import time_expressions
from crosscheck.extract.breakdowns import breakdown_places
from crosscheck.extract.exclusions import ExclusionKind
from crosscheck.extract.patterns import lowered

HEDGES = lexicon.PRE_HEDGES


@pytest.mark.parametrize("month", [*lexicon.MONTHS, *lexicon.MONTH_ABBREVIATIONS])
def test_every_month_makes_a_date(month: str) -> None:
    assert excluded(f"On {month} 24 the staff met") is ExclusionKind.DATE
    assert excluded(f"The pact of {month} 2024 holds") is ExclusionKind.DATE
    assert excluded(f"on 24 {month} they left") is ExclusionKind.DATE


@pytest.mark.parametrize("suffix", lexicon.ORDINAL_SUFFIXES)
def test_every_ordinal_suffix_makes_an_ordinal(suffix: str) -> None:
    assert excluded(f"the 21{suffix} unit") is ExclusionKind.ORDINAL


@pytest.mark.parametrize("word", [*lexicon.MERIDIEMS, *lexicon.CLOCK_WORDS])
def test_every_clock_word_makes_a_clock_time(word: str) -> None:
    assert excluded(f"at 10 {word} today") is ExclusionKind.CLOCK
    assert excluded(f"at 10{word} today") is ExclusionKind.CLOCK


@pytest.mark.parametrize("word", lexicon.SPACED_CLOCK_WORDS)
def test_every_spaced_clock_word_needs_its_blank(word: str) -> None:
    assert excluded(f"at 1400 {word} today") is ExclusionKind.CLOCK
    assert isinstance(items(f"for 10{word} today")[0], Mention)


@pytest.mark.parametrize("word", lexicon.YEAR_CONTEXT)
def test_every_year_context_makes_a_year(word: str) -> None:
    assert value("1990 soldiers") == 1990
    assert excluded(f"{word} 1990 soldiers") is ExclusionKind.YEAR


@pytest.mark.parametrize("word", lexicon.YEAR_FOLLOWERS)
def test_every_year_follower_makes_a_year(word: str) -> None:
    assert value("they counted 1990 soldiers") == 1990
    assert excluded(f"they counted 1990 {word} more") is ExclusionKind.YEAR


@pytest.mark.parametrize("word", lexicon.DESIGNATORS)
def test_every_designator_makes_a_name(word: str) -> None:
    assert excluded(f"{word} 12 was hit") is ExclusionKind.DESIGNATOR


@pytest.mark.parametrize("word", lexicon.PRONOUN_BEFORE_ONE)
def test_every_word_before_a_pronoun_one(word: str) -> None:
    assert excluded(f"{word} one was hurt") is ExclusionKind.PRONOUN


@pytest.mark.parametrize("word", lexicon.PRONOUN_AFTER_ONE)
def test_every_word_after_a_pronoun_one(word: str) -> None:
    assert excluded(f"then one {word} left") is ExclusionKind.PRONOUN


@pytest.mark.parametrize("word", sorted(lexicon.SHARES))
def test_every_share_is_a_percent(word: str) -> None:
    share = Fraction(100, lexicon.SHARES[word])
    plural = word.endswith("s")
    numerator = 2 if plural else 1
    read = mention(f"{'two' if plural else 'a'} {word} of the victims")
    assert (read.unit, read.low, read.high) == ("percent", numerator * share, numerator * share)
    assert read.stated == f"{'two' if plural else 'a'} {word}"
    if word in lexicon.SHARES_ALONE:
        assert value(f"{word} of the victims") == share
    else:
        assert not items(f"the {word} of the victims")


@pytest.mark.parametrize("word", sorted(w for w in lexicon.SHARES if not w.endswith("s")))
def test_every_share_of_a_scale_is_an_amount(word: str) -> None:
    assert value(f"a {word} of a million people") == Fraction(10**6, lexicon.SHARES[word])


@pytest.mark.parametrize("word", lexicon.SHARE_FOLLOWERS)
def test_every_share_follower_makes_a_share(word: str) -> None:
    assert value(f"a third {word} victims") == Fraction(100, 3)
    assert not items("a third day of rain")


@pytest.mark.parametrize("word", lexicon.NOT_A_SHARE_AFTER)
def test_every_word_that_unmakes_a_share_alone(word: str) -> None:
    assert mention("about half of the season").unit == "percent"
    assert not [i for i in items(f"in {word} half of the season") if isinstance(i, Mention)]


@pytest.mark.parametrize("negation", lexicon.NEGATIONS)
def test_every_negation_keeps_a_hedge_from_its_opposite(negation: str) -> None:
    glued = not negation[0].isalpha() or "'" in negation  # "n't" ends a word: "wasn't"
    text = f"was{negation}" if glued else negation
    unlisted = [h for h in ("about", "nearly", "over", "up to") if f"{negation} {h}" not in HEDGES]
    assert unlisted
    for hedge in unlisted:
        assert excluded(f"it {text} {hedge} 1,200 people") is ExclusionKind.NEGATED


@pytest.mark.parametrize(
    "hedge", [h for h in lexicon.HEDGE_FAMILIES if h.split()[0] in lexicon.NEGATIONS]
)
def test_every_listed_negated_hedge_is_not_the_hedge_it_holds(hedge: str) -> None:
    inner = hedge.split(" ", 1)[1]
    read = mention(f"{hedge} 1,200 people")
    assert read.hedge == hedge
    if inner in lexicon.PRE_HEDGES:
        inner_family = lexicon.HEDGE_FAMILIES[lexicon.PRE_HEDGES[inner]]
        assert read.interval != BY_FAMILY[inner_family]


@pytest.mark.parametrize(("hedge", "word"), [
    (hedge, word) for hedge, words in lexicon.NOT_A_HEDGE_AFTER.items() for word in words
])  # fmt: skip
def test_every_word_that_unmakes_a_hedge(hedge: str, word: str) -> None:
    assert mention(f"it was {hedge} 1,700 people").hedge == hedge
    assert mention(f"in {word} {hedge} 24 hours").hedge is None


@pytest.mark.parametrize("word", lexicon.MARK_WORDS)
def test_every_mark_word_takes_the_hedge_through_the(word: str) -> None:
    read = mention(f"the toll crossed the 1,200 {word} today")
    assert (read.hedge, read.stated) == ("crossed", "crossed the 1,200")
    assert read.interval == BY_FAMILY["over"]
    assert mention(f"the toll hit the 1,200 {word} today").hedge is None


@pytest.mark.parametrize("word", lexicon.CLAUSE_WORDS)
def test_every_clause_word_stops_a_hedge_carrying_over(word: str) -> None:
    carried = items("around 100 deaths and 1,200 injuries")
    assert [m.hedge for m in carried if isinstance(m, Mention)] == ["around", "around"]
    for text in (f"around 100 deaths {word} and 1,200", f"around 100 and 1,200 {word} hurt"):
        second = [m for m in items(text) if isinstance(m, Mention)][1]
        assert second.hedge is None and second.interval.low == 1200


@pytest.mark.parametrize("word", lexicon.UNGROUPED_AFTER)
def test_every_word_that_keeps_space_groups_apart(word: str) -> None:
    assert value("5 100 people") == 5100
    read = [i.low for i in items(f"{word} 5 100 people") if isinstance(i, Mention)]
    assert Fraction(5100) not in read


@pytest.mark.parametrize("word", lexicon.RESTATING_WORDS)
def test_every_restating_word_makes_a_line_active(word: str) -> None:
    measure = Measure("deployed", "count", when=("zzzq",))
    ruleset = RuleSet(subjects={}, measures={"deployed": measure}, rules=(), hedges={}, vague={})
    survey = Survey(ruleset, READER.words)
    for text, active in ((f"This {word} 500 men.", True), ("This table 500 men.", False)):
        assert bool(survey.survey(text, lowered(text)).runs) == active, text


@pytest.mark.parametrize("index", range(len(lexicon.WEEKDAYS)))
def test_every_weekday_dates_a_figure_and_names_no_place(index: int) -> None:
    day, next_day = lexicon.WEEKDAYS[index], lexicon.WEEKDAYS[(index + 1) % 7]
    said = f"20 died on {day} and 35 on {next_day} night."
    found = time_expressions(said.lower(), 0, len(said), dt.date(2024, 12, 23))
    assert [t.words for t in found] == [day.lower(), f"{next_day.lower()} night"]
    second = said.index("35")
    figures = [(0, 2, "killed", "[count]"), (second, second + 2, None, "[count]")]
    assert breakdown_places(said, figures, len(said)) == {}  # two days, not two places
