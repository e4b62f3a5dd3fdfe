"""Phrase sets, hedges and standard imports in the rule language: parse, print, check."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from crosscheck.dsl import ast
from crosscheck.dsl.errors import RuleFileError
from crosscheck.dsl.parser import parse
from crosscheck.dsl.printer import format_rules
from crosscheck.dsl.validate import build_ruleset
from crosscheck.load.rules import load_rules

SOURCE = """\
import std.casualties

phrases hurt = "injure+" | "hurt"

hedge "upwards of" = at least

hedge "or more" = at least after

hedge "in the region of" = about 15%

hedge "or thereabouts" = nearly 5% after

hedge "shy of" = below

measure killed: count
    when deaths | "perished"
    unless hurt | "wounded"
"""


def test_statements_parse_to_their_nodes() -> None:
    statements = parse(SOURCE).statements
    assert statements[0] == ast.Import("std.casualties", library=True)
    assert statements[1] == ast.PhraseSet("hurt", ("injure+", "hurt"))
    assert statements[2] == ast.Hedge("upwards of", ast.HedgeKind.AT_LEAST)
    assert statements[3] == ast.Hedge("or more", ast.HedgeKind.AT_LEAST, after=True)
    assert statements[4] == ast.Hedge("in the region of", ast.HedgeKind.ABOUT, Fraction(15))
    assert statements[5] == ast.Hedge("or thereabouts", ast.HedgeKind.NEARLY, Fraction(5), True)
    assert statements[6] == ast.Hedge("shy of", ast.HedgeKind.BELOW)
    measure = statements[7]
    assert isinstance(measure, ast.Measure)
    assert (measure.when, measure.when_sets) == (("perished",), ("deaths",))
    assert (measure.unless, measure.unless_sets) == (("wounded",), ("hurt",))


def test_printing_is_canonical_and_parses_back() -> None:
    tree = parse(SOURCE)
    assert format_rules(tree) == SOURCE
    assert parse(format_rules(tree)) == tree


def test_a_quoted_import_stays_a_file_import() -> None:
    assert parse('import "std.rules"').statements[0] == ast.Import("std.rules")
    assert format_rules(parse('import "std.rules"')) == 'import "std.rules"\n'


def test_the_marker_is_kept_as_written() -> None:
    text = 'measure killed: count\n    when "kill+" | "lose+ their lives"\n'
    assert format_rules(parse(text)) == text


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ('hedge "x" = abuve', "unknown hedge meaning `abuve`", "did you mean `above`?"),
        ('hedge "x" = above 5%', "`above` is a bound and takes no width", "`about 10%`"),
        ('hedge "x" = about 5% later', "expected `before` or `after`, not `later`", "after"),
        ('hedge "x" =', "expected what the hedge means", None),
        ("phrases = x", "expected a phrase set name", None),
        ("measure m: count when", "a phrase in double quotes or a phrase set name", None),
    ],
)
def test_syntax_errors_say_what_was_meant(text: str, message: str, hint: str | None) -> None:
    with pytest.raises(RuleFileError) as caught:
        parse(text, "x.rules")
    error = caught.value.errors[0]
    assert message in error.message
    assert error.line == 1 and error.column > 1
    if hint is not None:
        assert hint in (error.hint or "")


def _checked(text: str) -> ast.RuleSet:
    return build_ruleset([parse(text, "x.rules")])


def test_a_set_is_resolved_into_the_measures_phrases() -> None:
    ruleset = _checked('phrases d = "died" | "dead"\nmeasure k: count when "killed" | d unless d')
    assert ruleset.when_of("k") == ("killed", "died", "dead")
    assert ruleset.unless_of("k") == ("died", "dead")
    assert ruleset.measures["k"].when == ("killed",)  # as written, for lint and fmt


@pytest.mark.parametrize(
    ("text", "message", "hint", "column"),
    [
        (
            "measure k: count when deaths",
            "undefined phrase set `deaths`",
            "import std.casualties",
            23,
        ),
        (
            'phrases deaths = "x"\nmeasure k: count when death',
            "undefined phrase set `death`",
            "did you mean `deaths`?",
            23,
        ),
        ("measure k: count when injurd", "phrase set `injurd`", "`import std.casualties`", 23),
        ('phrases a = "x"\nphrases a = "y"', "phrase set `a` is already declared", None, 1),
        ('hedge "past" = above\nhedge "Past" = below', "hedge `Past` is already declared", None, 1),
        ('hedge "x" = about 150%', "between 0% and 100%", None, 1),
    ],
)
def test_checker_errors(text: str, message: str, hint: str | None, column: int) -> None:
    with pytest.raises(RuleFileError) as caught:
        _checked(text)
    error = caught.value.errors[0]
    assert message in error.message, error.render()
    assert error.column == column
    if hint is not None:
        assert hint in (error.hint or "")


def test_hedges_reach_the_rule_set_with_their_widths() -> None:
    ruleset = _checked('hedge "In the region of" = about 15%\nhedge "or more" = at least after')
    assert ruleset.hedge_readings() == {
        "in the region of": ("approximately", False),
        "or more": ("at least", True),
    }
    assert ruleset.hedges["in the region of"] == Fraction(15, 100)


def test_a_standard_import_loads_the_packaged_file(tmp_path: Path) -> None:
    rules = tmp_path / "r.rules"
    rules.write_text("import std.casualties\nmeasure k: count when deaths\n", encoding="utf-8")
    ruleset = load_rules(rules)
    assert "kill+" in ruleset.when_of("k")
    assert any(path.endswith("casualties.rules") for path in ruleset.files)


def test_an_unknown_module_names_the_ones_that_exist(tmp_path: Path) -> None:
    rules = tmp_path / "r.rules"
    rules.write_text("import std.casualtys\nimport std.nothing\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rules(rules)
    first, second = caught.value.errors
    assert (first.line, first.column) == (1, 1)
    assert first.message == "unknown module `std.casualtys`"
    assert first.hint == "did you mean `std.casualties`?"
    assert "`std.arrests`, `std.casualties`, `std.deployment`" in (second.hint or "")
