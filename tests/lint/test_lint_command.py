"""`crosscheck lint`: output lines and exit codes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from crosscheck.cli.commands.lint import lint_command
from crosscheck.dsl.lint.linter import CODES

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path) -> tuple[int, Result]:
    result = CliRunner().invoke(lint_command, [str(a) for a in args], standalone_mode=False)
    if isinstance(result.exception, SystemExit):
        return int(result.exception.code or 0), result
    if result.exception is not None:
        raise result.exception
    return int(result.return_value), result


def test_project_rules_lint_clean() -> None:
    code, result = run(ROOT / "rules")
    assert code == 0, result.output
    # The summary goes to standard output with the findings (as ruff's); stderr is for errors.
    assert result.stdout.startswith("no findings in ")
    assert result.stderr == ""


def test_findings_are_printed_one_per_line_and_exit_1(tmp_path: Path) -> None:
    rules = tmp_path / "x.rules"
    rules.write_text(
        'measure killed: count\n    when "killed" | "killed"\nmeasure spare: count\n'
        "rule r: killed >= 0\n",
        "utf-8",
    )
    code, result = run(rules)
    assert code == 1
    lines = [line for line in result.stdout.splitlines() if not line.startswith("   hint:")]
    assert lines[-1] == "3 findings in 1 rule file"
    assert result.stderr == ""
    assert lines[:-1] == [
        f'{rules}:2:21: warning[duplicate-phrase] "killed" is listed twice in the '
        "`when` phrases of measure `killed`",
        f"{rules}:3:1: warning[unused-measure] measure `spare` is never used by a rule",
        f"{rules}:4:9: warning[never-fires] rule `r` can never fire: amounts are never "
        "negative, so `killed >= 0` always holds",
    ]


def test_rule_file_errors_exit_2_with_a_suggestion(tmp_path: Path) -> None:
    rules = tmp_path / "x.rules"
    rules.write_text(
        "measure killed: count\nrule death_tolls_agree: killed agree exactly\n"
        'waive death_toll_agree reason "known"\n',
        "utf-8",
    )
    code, result = run(rules)
    assert code == 2
    assert f"{rules}:3:1: error: waiver for undefined rule `death_toll_agree`" in result.stderr
    assert "did you mean `death_tolls_agree`?" in result.stderr
    assert result.stdout == ""


def test_imported_files_are_linted_too(tmp_path: Path) -> None:
    (tmp_path / "shared.rules").write_text('subject nobody = "nobody"\n', "utf-8")
    main = tmp_path / "main.rules"
    main.write_text('import "shared.rules"\nmeasure m: count\nrule r: m <= 1\n', "utf-8")
    code, result = run(main)
    assert code == 1
    assert "shared.rules:1:1: warning[unused-subject]" in result.stdout


def test_help_lists_every_code() -> None:
    text = lint_command.help or ""
    assert all(code in text for code in CODES)
