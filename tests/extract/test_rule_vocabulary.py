"""What a rule file's vocabulary does to extraction (issue 14 items 3, 4, 7): the
inflection marker, phrase sets, `number` measures, datelines and headlines (hedges a rule
file adds and hyphenated measure words: test_rule_hedges.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crosscheck.dsl.ast import RuleSet
from crosscheck.dsl.parser import parse
from crosscheck.dsl.validate import build_ruleset
from crosscheck.evaluate import evaluate, evaluate_pairs
from crosscheck.evaluate.headlines import without_headline_copies
from crosscheck.extract import Extractor
from crosscheck.load.rules import load_rules
from crosscheck.model import Document


def ruleset_of(text: str) -> RuleSet:
    return build_ruleset([parse(text, "t.rules")])


def read(ruleset: RuleSet, text: str) -> list[tuple[str, str, str]]:
    """(measure, stated, interval) of every claim in ``text``."""
    claims = Extractor(ruleset).claims(Document(path="a.txt", text=text, source="S"))
    return [(c.measure, c.stated, str(c.interval)) for c in claims]


def test_a_marked_phrase_matches_every_inflection_and_only_words() -> None:
    rules = ruleset_of('measure k: count when "kill+" | "die+" | "lose+ their lives"')
    text = (
        "Gunmen killed 12. 4 died. 3 were dying. Fire kills 2 a year. 40 lost their lives. "
        "Skilled 9 workers. Diesel 7 litres."
    )
    assert [s for _, s, _ in read(rules, text)] == ["12", "4", "3", "2", "40"]


def test_phrases_of_a_standard_set_bind_like_written_ones(tmp_path: Path) -> None:
    path = tmp_path / "r.rules"
    path.write_text(
        "import std.casualties\nmeasure k: count when deaths\nmeasure c: count when casualties\n",
        encoding="utf-8",
    )
    found = read(load_rules(path), "The quake killed 230. It left 500 killed or wounded.")
    assert found == [("k", "230", "230"), ("c", "500", "500")]


NUMBERS = """
measure magnitude: number
    when "magnitude"
measure floors: number
    when "story" | "storey"
measure killed: count
    when "killed"
"""


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (
            "The 6.1-magnitude quake that struck on Monday has killed 230.",
            [("magnitude", "6.1"), ("killed", "230")],
        ),
        ("A magnitude 6.4 quake hit.", [("magnitude", "6.4")]),
        ("A 6.4 magnitude quake hit.", [("magnitude", "6.4")]),
        ("It had a magnitude of 6.4.", [("magnitude", "6.4")]),
        ("A 7.9-magnitude one followed.", [("magnitude", "7.9")]),
        ("A 30-story tower fell.", [("floors", "30")]),
        ("A magnitude 6.4 quake killed 230 people.", [("magnitude", "6.4"), ("killed", "230")]),
    ],
)
def test_a_number_binds_to_a_number_measure_only_right_next_to_its_phrase(
    text: str, claims: list[tuple[str, str]]
) -> None:
    assert [(m, s) for m, s, _ in read(ruleset_of(NUMBERS), text)] == claims


def test_a_number_measure_never_takes_a_head_count() -> None:
    rules = ruleset_of('measure magnitude: number\n    when "magnitude"')
    assert read(rules, "The magnitude 7 quake killed 230.") == [("magnitude", "7", "7")]
    assert read(rules, "Its magnitude was not known; 230 people were killed.") == []
    assert read(rules, "Magnitude aside, 230 homes fell.") == []


def test_a_plain_number_is_in_the_number_unit() -> None:
    claims = Extractor(ruleset_of(NUMBERS)).claims(
        Document(path="a.txt", text="A magnitude-6.4 quake.", source="S")
    )
    assert [(c.unit, str(c.interval)) for c in claims] == [("number", "6.4")]


SUBJECT = """
subject thai = "Bangkok" | "Thailand"
measure killed: count of thai
    when "killed" | "died"
"""


def test_a_dateline_puts_no_place_in_focus() -> None:
    rules = ruleset_of(SUBJECT)
    text = "Quake hits region\nBANGKOK (AP) — A strong quake killed 12 people in Myanmar.\n"
    assert read(rules, text) == []
    assert read(rules, text + "In Bangkok, 3 died.\n") == [("killed", "3", "3")]
    assert read(rules, "In Bangkok (AP) a quake killed 12.") == [("killed", "12", "12")]


def test_a_headline_repeating_the_first_sentence_is_one_claim() -> None:
    rules = ruleset_of(
        'measure killed: count when "toll" | "killed"\n'
        "rule same: killed agree exactly across sources"
    )
    first = Document(
        path="a.md",
        text="Quake toll climbs to 350\nThe toll has climbed to 350, officials said.\n",
        source="A",
        date=dt.date(2015, 10, 27),
    )
    other = Document(path="b.md", text="The quake killed 300.", source="B")
    claims = [c for d in (first, other) for c in Extractor(rules).claims(d)]
    assert [c.line for c in claims] == [1, 2, 1]  # extract lists both places
    violations = evaluate_pairs(rules, claims).violations
    assert len(violations) == 1  # one disagreement, not one per copy
    assert [c.line for c in violations[0].claims] == [2, 1]
    assert len(evaluate(rules, claims).findings) == 1


def test_a_headline_with_another_figure_stays_a_claim() -> None:
    rules = ruleset_of('measure killed: count when "toll"')
    for text in ("Toll at 300\nThe toll stands at 350.\n", "Toll at 350.\nThe toll is 350.\n"):
        claims = Extractor(rules).claims(Document(path="a.md", text=text, source="A"))
        assert len(claims) == 2
        assert without_headline_copies(claims) == claims  # another figure; a sentence
