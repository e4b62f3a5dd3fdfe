"""A project configured in pyproject.toml or crosscheck.toml: ``check`` with no arguments
uses it, the command line overrides it, ``crosscheck config`` shows where each setting
came from, and a bad file is an error naming its line and column."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crosscheck.cli.main import main

PYPROJECT = (
    '[project]\nname = "newsdesk"\n\n[tool.crosscheck]\ncorpus = ["corpus"]\nrules = "rules"\n'
)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_with_no_arguments_uses_the_pyproject_section(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    configured = _run(capsys, "check", "--no-cache")
    assert configured == _run(capsys, "check", "corpus", "--rules", "rules", "--no-cache")
    assert configured[0] == 1
    assert "4 findings (4 errors) from 11 pairwise violations in 17 documents" in configured[1]


def test_the_configuration_names_folders_the_defaults_would_not_find(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "corpus").rename(project / "articles")
    (project / "rules").rename(project / "checks")
    expected = _run(capsys, "check", "articles", "--rules", "checks", "--no-cache")
    assert _run(capsys, "check", "--no-cache")[0] == 2  # no ./rules
    (project / "crosscheck.toml").write_text('corpus = "articles"\nrules = "checks"\n', "utf-8")
    assert _run(capsys, "check", "--no-cache") == expected
    os.chdir(project / "articles")  # found upward; its paths stay relative to its folder
    code, out, _ = _run(capsys, "check", "--no-cache")
    assert code == 1
    assert out.replace("../articles/", "") == expected[1].replace("articles/", "")


def test_the_command_line_overrides_the_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT + 'fail-on = "never"\n', "utf-8")
    assert _run(capsys, "check", "--no-cache")[0] == 0
    assert _run(capsys, "check", "--no-cache", "--fail-on", "error")[0] == 1


def test_config_prints_each_setting_and_where_it_came_from(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT + "exclude = ['drafts/']\n", "utf-8")
    code, out, err = _run(capsys, "config", "--select", "death_*", "-j", "2")
    assert (code, err) == (0, "")
    rows = {line.split("  #")[0].strip(): line.rsplit("# ", 1)[1] for line in out.splitlines()[1:]}
    assert out.splitlines()[0] == "# configuration file: pyproject.toml"
    assert rows['corpus = ["corpus"]'] == "pyproject.toml:5:1"
    assert rows['rules = "rules"'] == "pyproject.toml:6:1"
    assert rows['exclude = ["drafts/"]'] == "pyproject.toml:7:1"
    assert rows['select = ["death_*"]'] == "command line"
    assert rows["jobs = 2"] == "command line"
    assert rows['fail-on = "error"'] == "default"
    assert rows["respect-gitignore = true"] == "default"
    assert rows['cache-dir = ".crosscheck"'] == "default"


def test_config_without_a_file_shows_the_defaults(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "config")
    assert code == 0
    assert out.splitlines()[0] == "# configuration file: none found (defaults)"
    assert all(line.endswith("# default") for line in out.splitlines()[1:])


@pytest.mark.parametrize(
    "command", ["check", "config", "explain", "extract", "lint", "fmt", "test"]
)
def test_a_bad_file_is_exit_2_naming_its_line_and_column(
    project: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    (project / "crosscheck.toml").write_text('corpus = "corpus"\nfail_on = "warning"\n', "utf-8")
    code, out, err = _run(capsys, command)
    assert code == 2
    assert err.startswith("crosscheck.toml:2:1: error: unknown setting `fail_on` in the file")
    assert "known: corpus, rules, format, fail-on," in err
    assert "Traceback" not in err and out == ""


def test_an_explicit_file_replaces_the_search(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT + 'fail-on = "never"\n', "utf-8")
    (project / "strict.toml").write_text('fail-on = "info"\n', "utf-8")
    assert _run(capsys, "check", "--no-cache", "--config", "strict.toml")[0] == 1
    code, _, err = _run(capsys, "check", "--config", "missing.toml")
    assert code == 2 and err.startswith("missing.toml:1:1: error: cannot read")


def test_lint_fmt_extract_and_explain_take_their_defaults_from_the_configuration(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "rules").rename(project / "checks")
    (project / "corpus").rename(project / "articles")
    (project / "crosscheck.toml").write_text('rules = "checks"\ncorpus = "articles"\n', "utf-8")
    code, out, err = _run(capsys, "extract", "--no-cache", "--format", "jsonl")
    assert (code, err, len(out.splitlines())) == (0, "", 54)
    code, out, _ = _run(capsys, "explain", "--measure", "killed")
    assert code == 0 and "articles/" in out
    assert _run(capsys, "lint")[1] == "no findings in 3 rule files\n"  # with std imports
    assert _run(capsys, "fmt", "--check")[1] == "0 of 1 rule file would be reformatted\n"
