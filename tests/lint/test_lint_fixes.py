"""Lint findings with an obvious fix carry it as edits; applied, they remove the finding."""

from __future__ import annotations

import datetime as dt

from crosscheck.dsl import build_ruleset, parse
from crosscheck.dsl.lint.context import Edit, Finding
from crosscheck.dsl.lint.linter import lint

TODAY = dt.date(2025, 7, 1)


def findings(text: str) -> list[Finding]:
    return lint(build_ruleset([parse(text, "case.rules")]), {"case.rules": text}, TODAY)


def offset(text: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts[line - 1] + column - 1


def applied(text: str, edits: tuple[Edit, ...]) -> str:
    for edit in sorted(edits, key=lambda e: (e.line, e.column), reverse=True):
        start = offset(text, edit.line, edit.column)
        end = offset(text, edit.end_line, edit.end_column)
        text = text[:start] + edit.text + text[end:]
    return text


def fixed(text: str, code: str) -> tuple[str, str]:
    [finding] = [f for f in findings(text) if f.code == code]
    assert finding.fix is not None, finding.render()
    return finding.fix.title, applied(text, finding.fix.edits)


def test_a_repeated_phrase_is_deleted_with_its_bar() -> None:
    text = 'measure killed: count\n    when "killed" | "died" | "Killed"\nrule few: killed <= 100\n'
    title, after = fixed(text, "duplicate-phrase")
    assert title == 'Delete the repeated "Killed"'
    assert after == 'measure killed: count\n    when "killed" | "died"\nrule few: killed <= 100\n'
    assert not findings(after)


def test_a_repeated_phrase_on_a_continuation_line() -> None:
    text = (
        'subject troops = "troops" | "soldiers"\n    | "Troops"  # the last\n'
        "measure killed: count of troops\nrule few: killed <= 100\n"
    )
    _, after = fixed(text, "duplicate-phrase")
    assert after.startswith('subject troops = "troops" | "soldiers"  # the last\n')
    assert not findings(after)


def test_an_unused_measure_is_deleted_with_its_blank_line() -> None:
    text = (
        "measure killed: count\n\nmeasure wounded: count  # spare\n"
        '    when "wounded"\n\nrule few: killed <= 100\n'
    )
    title, after = fixed(text, "unused-measure")
    assert title == "Delete measure `wounded`"
    assert after == "measure killed: count\n\nrule few: killed <= 100\n"
    assert not findings(after)


def test_an_unused_subject_at_the_end_of_the_file() -> None:
    text = 'measure killed: count\nrule few: killed <= 100\nsubject troops = "troops"'
    _, after = fixed(text, "unused-subject")
    assert after == "measure killed: count\nrule few: killed <= 100\n"


def test_an_unused_measure_between_statements() -> None:
    text = "measure killed: count\nmeasure wounded: count\nrule few: killed <= 100\n"
    assert fixed(text, "unused-measure")[1] == "measure killed: count\nrule few: killed <= 100\n"
