"""`crosscheck fmt`: check mode, in-place rewriting, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from crosscheck.cli.commands.fmt import fmt_command

ROOT = Path(__file__).resolve().parents[2]
MISFORMATTED = "measure  killed :count   # deaths\nrule r: killed<=5 severity  warning\n"
FORMATTED = "measure killed: count  # deaths\n\nrule r: killed <= 5\n    severity warning\n"


def run(*args: str | Path) -> tuple[int, Result]:
    result = CliRunner().invoke(fmt_command, [str(a) for a in args], standalone_mode=False)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return int(result.return_value), result


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A copy of the project's rules/ with one misformatted file added."""
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    (folder / "messy.rules").write_text(MISFORMATTED, "utf-8")
    return folder


def test_project_rules_pass_the_check() -> None:
    code, result = run("--check", ROOT / "rules")
    assert code == 0, result.output
    assert result.stdout == "0 of 1 rule file would be reformatted\n"
    assert result.stderr == ""


def test_check_shows_a_diff_exits_1_and_changes_nothing(rules: Path) -> None:
    code, result = run("--check", rules)
    assert code == 1
    assert f"--- {rules / 'messy.rules'} (as written)" in result.stdout
    assert "\n-measure  killed :count   # deaths\n" in result.stdout
    assert "\n+measure killed: count  # deaths\n" in result.stdout
    assert "nk_deployment" not in result.stdout
    assert result.stdout.endswith("\n1 of 2 rule files would be reformatted\n")
    assert result.stderr == ""
    assert (rules / "messy.rules").read_text("utf-8") == MISFORMATTED


def test_formatting_rewrites_only_files_that_change(rules: Path) -> None:
    sample = rules / "nk_deployment.rules"
    before = sample.stat().st_mtime_ns
    code, result = run(rules)
    assert code == 0
    summary = "1 of 2 rule files reformatted"
    assert result.stdout == f"formatted {rules / 'messy.rules'}\n{summary}\n"
    assert (rules / "messy.rules").read_text("utf-8") == FORMATTED
    assert sample.stat().st_mtime_ns == before
    assert [p.name for p in rules.iterdir() if p.name.startswith(".")] == []  # no temp files left
    assert run("--check", rules)[0] == 0


def test_permissions_are_kept(rules: Path) -> None:
    messy = rules / "messy.rules"
    messy.chmod(0o640)
    run(messy)
    assert messy.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("check", [True, False])
def test_a_file_with_syntax_errors_exits_2_and_is_left_alone(tmp_path: Path, check: bool) -> None:
    bad = tmp_path / "bad.rules"
    bad.write_text("measure a: count\nrule r: a <=\n", "utf-8")
    good = tmp_path / "good.rules"
    good.write_text(MISFORMATTED, "utf-8")
    code, result = run(*(["--check"] if check else []), tmp_path)
    assert code == 2
    assert f"{bad}:2:" in result.stderr and "error:" in result.stderr
    assert bad.read_text("utf-8") == "measure a: count\nrule r: a <=\n"
    assert good.read_text("utf-8") == (MISFORMATTED if check else FORMATTED)


def test_missing_path_exits_2(tmp_path: Path) -> None:
    code, result = run(tmp_path / "nowhere.rules")
    assert code == 2
    assert "no such rule file or directory" in result.stderr


def test_default_is_the_rules_folder(rules: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(rules.parent)
    code, result = run("--check")
    assert code == 1
    assert "rules/messy.rules (as written)" in result.stdout
