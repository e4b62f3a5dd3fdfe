"""Rule selection and output conventions of ``check``: --select / --ignore (names, globs,
severity), --quiet, --verbose, --format concise (alias --output-format), --color."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crosscheck.cli.main import main

ESCAPE = re.compile(r"\x1b\[")
CHECK = ["check", "--no-cache", "-j", "1"]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*CHECK, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _rules_found(out: str) -> list[str]:
    return re.findall(r"^\S+: error\[(\w+)\]", out, flags=re.M)


def test_select_and_ignore_take_names_globs_and_severities(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    all_rules = _rules_found(_run(capsys)[1])
    assert set(all_rules) == {
        "deaths_within_casualties",
        "death_tolls_agree",
        "casualty_counts_agree",
    }
    code, out, _ = _run(capsys, "--select", "death_*")
    assert (code, set(_rules_found(out))) == (1, {"death_tolls_agree"})
    assert out.endswith("in 17 documents, 54 claims, 1 rule\n")
    code, out, _ = _run(capsys, "--select", "death_*,casualty_*", "--select", "one_caliber")
    assert set(_rules_found(out)) == {"death_tolls_agree", "casualty_counts_agree"}
    assert "3 rules" in out
    code, out, _ = _run(capsys, "--ignore", "*casualt*")
    assert set(_rules_found(out)) == {"death_tolls_agree"}
    code, out, _ = _run(capsys, "--select", "severity:warning,severity:info")
    assert (code, _rules_found(out)) == (0, [])
    assert "2 rules" in out
    code, out, _ = _run(capsys, "--ignore", "severity:error")
    assert "in 17 documents, 54 claims, 2 rules" in out


def test_a_pattern_that_names_no_rule_is_an_error_naming_where_it_was_written(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "--select", "deaths_toll_agree")
    assert (code, out) == (2, "")
    assert err.startswith("--select: error: select: `deaths_toll_agree` matches no rule")
    code, _, err = _run(capsys, "--ignore", "severity:fatal")
    assert code == 2 and "unknown severity" in err
    (workspace / "crosscheck.toml").write_text('corpus = "corpus"\n  ignore = ["nope"]\n', "utf-8")
    code, _, err = _run(capsys)
    assert code == 2
    assert err.startswith("crosscheck.toml:2:3: error: ignore: `nope` matches no rule")


def test_quiet_prints_only_the_findings(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full = _run(capsys)[1]
    code, quiet, _ = _run(capsys, "-q")
    assert code == 1
    assert "pairwise violations in 17 documents" in full.splitlines()[-1]
    assert "documents" not in quiet and "note:" not in quiet
    assert quiet.strip() and quiet in full
    assert _run(capsys, "--quiet", "--select", "one_caliber")[1].strip() == ""


def test_concise_is_one_line_per_finding_under_either_option_name(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--format", "concise")
    lines = out.splitlines()
    assert code == 1
    assert len(lines) == 5  # four findings and the summary
    assert lines[-1].startswith("4 findings (4 errors) from 11 pairwise violations")
    assert all(line.startswith("corpus/") and "error[" in line for line in lines[:-1])
    assert _run(capsys, "--output-format", "concise")[1] == out
    assert _run(capsys, "--output-format", "concise", "-q")[1] == "".join(
        f"{line}\n" for line in lines[:-1]
    )


@pytest.mark.parametrize(
    ("option", "environment", "coloured"),
    [
        ("never", {"FORCE_COLOR": "1"}, False),
        ("always", {"NO_COLOR": "1"}, True),
        ("auto", {}, False),  # not a terminal
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ("auto", {"FORCE_COLOR": ""}, False),  # set but empty: not asked for
    ],
)
def test_color_follows_the_option_then_no_color_then_force_color(
    workspace: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    option: str,
    environment: dict[str, str],
    coloured: bool,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    out = _run(capsys, "--color", option)[1]
    assert bool(ESCAPE.search(out)) is coloured


def test_verbose_says_what_was_used_and_how_long_each_step_took(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "-v")
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == "crosscheck: configuration: none"
    assert [line.split(":")[1].strip() for line in lines[1:]] == [
        "reading and extracting",
        "evaluating 9 rules",
        "rendering 4 findings",
    ]
    assert out == _run(capsys)[1]  # the report is the same
