"""Conventions every command keeps: counts in the singular for one, exit codes in
``--help``, progress on a terminal through every step of a check."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck.cli.main import cli, main

ONE_RULE = 'measure killed: count\n    when "killed"\n\nrule r: killed agree within 10%\n'


def test_a_count_of_one_is_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "one.rules").write_text(ONE_RULE, "utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text("Officials said 40 soldiers were killed.\n", "utf-8")
    rules, corpus = str(tmp_path / "one.rules"), str(tmp_path / "corpus")
    assert main(["check", corpus, "--rules", rules, "--no-cache"]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary == "0 findings from 0 pairwise violations in 1 document, 1 claim, 1 rule"
    assert main(["lint", rules]) == 0
    assert capsys.readouterr().out == "no findings in 1 rule file\n"
    assert main(["fmt", "--check", rules]) == 0
    assert capsys.readouterr().out == "0 of 1 rule file would be reformatted\n"


@pytest.mark.parametrize(
    "command", ["check", "config", "explain", "extract", "fmt", "lint", "lsp", "test"]
)
def test_every_command_lists_its_exit_codes_in_its_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    codes = result.output.split("Exit codes:\n", 1)[1]
    numbers = re.findall(r"^ +(\d)  ", codes, flags=re.M)
    assert numbers[0] == "0" and numbers[-1] == "4"
    assert numbers == sorted(numbers)


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_covers_evaluation_and_rendering(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", "--no-cache", "-j", "1"]) == 1
    shown = terminal.getvalue()
    assert "documents" in shown  # extraction's own progress
    assert "evaluating 9 rules…" in shown
    assert "rendering 4 findings…" in shown
