"""Semantic checks and the RuleSet they build."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from crosscheck.dsl import RuleFileError, ast, build_ruleset, parse
from crosscheck.hedges import ReadingSettings
from crosscheck.std import path_of

SAMPLE = Path(__file__).resolve().parents[2] / "rules" / "nk_deployment.rules"


def ruleset(*texts: str) -> ast.RuleSet:
    return build_ruleset([parse(text, f"f{i}.rules") for i, text in enumerate(texts)])


def errors(*texts: str) -> list[str]:
    with pytest.raises(RuleFileError) as caught:
        ruleset(*texts)
    return [f"{e.path}:{e.line}:{e.column}: {e.message}" for e in caught.value.errors]


def test_sample_builds_a_ruleset() -> None:
    rule_file = parse(SAMPLE.read_text("utf-8"), "sample.rules")
    standard = [  # the sample imports phrase sets of the standard vocabulary
        parse(path.read_text("utf-8"), str(path))
        for path in (path_of("std.casualties"), path_of("std.deployment"))
        if path is not None
    ]
    result = build_ruleset([*standard, rule_file])
    declared = [s for s in rule_file.statements if isinstance(s, ast.Measure)]
    assert list(result.measures) == [m.name for m in declared]
    assert result.rules == tuple(s for s in rule_file.statements if isinstance(s, ast.Rule))
    assert result.hedges["approximately"] == Fraction(1, 10)
    assert result.vague["several hundred"] == (Fraction(200), Fraction(900))
    assert result.unit_of("launcher_caliber") == "mm"
    assert result.unit_of("killed") == "item"
    assert result.files[-1] == "sample.rules"
    assert result.when_of("killed")[0] == "kill+"


def test_ruleset_holds_only_what_the_files_set() -> None:
    result = ruleset('tolerance "Close  To" = 5%\nvague "A Few" = 2 .. 4\n')
    assert result.hedges == {"close to": Fraction(1, 20)}
    assert result.vague == {"a few": (Fraction(2), Fraction(4))}
    reading = ReadingSettings.with_overrides(result.hedges, result.vague)
    assert reading.tolerance("close to") == Fraction(1, 20)
    assert reading.tolerance("about") == Fraction(1, 10)  # a default, merged elsewhere


def test_duplicates_across_files_name_the_first_declaration() -> None:
    found = errors("measure a: count\n", "\n\nmeasure a: count\n")
    assert found == ["f1.rules:3:1: measure `a` is already declared at f0.rules:1:1"]


def test_duplicate_hedge_and_vague_settings_are_errors() -> None:
    found = errors(
        'tolerance about = 5%\nvague "few" = 2 .. 4\n',
        'tolerance About = 6%\nvague "Few" = 1 .. 3\n',
    )
    assert found[0].startswith(
        "f1.rules:1:1: the tolerance of `about` is already set at f0.rules:1:1"
    )
    assert found[1].startswith("f1.rules:2:1: `Few` is already defined at f0.rules:2:1")


def test_compatible_units_are_accepted() -> None:
    result = ruleset(
        "measure cal: length in mm\nmeasure range_km: length in km\n"
        "rule a: cal <= 30 cm\nrule b: cal <= range_km within 2 mm\n"
        "rule c: cal within 0.5 cm .. 0.9 m\nrule d: cal + range_km >= 0\n"
    )
    assert [rule.name for rule in result.rules] == ["a", "b", "c", "d"]


def test_bounds_are_compared_in_the_measures_unit() -> None:
    found = errors("measure cal: length in mm\nrule r: cal within 1 m .. 500 mm\n")
    assert found == ["f0.rules:2:9: rule `r`: the range 1 .. 500 is empty"]


def test_a_sum_of_different_kinds_is_an_error() -> None:
    found = errors("measure n: count\nmeasure cal: length\nrule r: n + cal >= 0\n")
    assert found == ["f0.rules:3:13: rule `r`: cannot add `n` (in item) and `cal` (in millimeter)"]


def test_a_subject_named_as_a_measure_gets_a_hint() -> None:
    with pytest.raises(RuleFileError) as caught:
        ruleset('subject troops = "troops"\nmeasure n: count of troops\nrule r: troops >= 0\n')
    (error,) = caught.value.errors
    assert error.hint == "`troops` is a subject; rules compare measures"


def test_unknown_names_suppress_unit_noise() -> None:
    found = errors("measure cal: length in parsecz\nrule r: cal <= missing\n")
    assert found == [
        "f0.rules:1:1: unknown unit `parsecz`",
        "f0.rules:2:16: rule `r`: undefined measure `missing`",
    ]


def test_errors_are_ordered_by_file_then_position() -> None:
    found = errors("rule z: nope >= 0\nmeasure m: cnt\n", "rule y: gone >= 0\n")
    assert [f.split(": ")[0] for f in found] == ["f0.rules:1:9", "f0.rules:2:1", "f1.rules:1:9"]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("rule r: n agree within 100%", "a tolerance of 100% is out of range"),
        ("rule r: n <= 5 within -1", "a tolerance of -1 is negative"),
        ("rule r: n <= 5 within 1 parsecz", "unknown unit `parsecz`"),
        ("rule r: n within 1 parsecz .. 2", "unknown unit `parsecz`"),
        ("rule r: n within 1 mm .. 2", "the bound is in `mm` but `n` is in item"),
        ("rule r: 5 mm <= n", "cannot compare `5 mm` with `n` (in item)"),
    ],
)
def test_rule_level_problems(rule: str, message: str) -> None:
    (found,) = errors(f"measure n: count\n{rule}\n")
    assert message in found


def test_hedge_tolerance_range() -> None:
    (found,) = errors("tolerance about = 150%\n")
    assert "between 0% and 100%" in found
