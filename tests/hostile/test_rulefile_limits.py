"""Hostile rule files (issue 19, item 8): every command says what is wrong at
file:line:column and exits 2; no traceback, no runaway memory.

Numbers past 10^15 (a 5,000-digit one cannot even be converted), day windows past
36,525 days, phrases past 200 characters, import chains past 64 files and rule files
that are devices or larger than 1 MB are refused.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.cli import main

BASE = 'measure killed: count\n    when "killed"\n\n'
ARTICLE = "---\nsource: A\ndate: 2024-12-23\n---\nAbout 1,000 people were killed.\n"
HUGE = "1" * 5000


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with corpus/a.md."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _rules(work: Path, body: str) -> Path:
    path = work / "r.rules"
    path.write_text(BASE + body, encoding="utf-8")
    return path


def _every_command(capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int, str]]:
    """(command, exit code, stderr) of check, lint, fmt --check and explain on r.rules."""
    runs = {
        "check": ["check", "corpus", "--rules", "r.rules", "--no-cache"],
        "lint": ["lint", "r.rules"],
        "fmt": ["fmt", "--check", "r.rules"],
        "explain": ["explain", "corpus", "--rules", "r.rules"],
    }
    results = []
    for name, args in runs.items():
        code = main(args)
        err = capsys.readouterr().err
        assert "Traceback" not in err, name
        results.append((name, code, err))
    return results


@pytest.mark.parametrize(
    ("body", "number"),
    [
        (f"rule r: killed <= {HUGE}\n", HUGE),
        (f"rule r: killed agree within {HUGE}%\n", HUGE),
        (f"rule r: killed agree within {HUGE} people\n", HUGE),
        (f"rule r: killed within 0 .. {HUGE}\n", HUGE),
        (f"rule r: killed within {HUGE} .. 1\n", HUGE),
        (f'vague "a lot" = 1 .. {HUGE}\n', HUGE),
        (f"tolerance approximately = {HUGE}%\n", HUGE),
        (f"rule r: killed agree within 10% within {HUGE} days\n", HUGE),
        ("rule r: killed <= 10000000000000001\n", "10000000000000001"),
        ("rule r: killed <= 0.0000000000000001\n", "0.0000000000000001"),
    ],
    ids=[
        *("constant", "percent", "tolerance", "range-high", "range-low", "vague", "hedge"),
        *("days", "over-1e15", "16-places"),
    ],
)
def test_numbers_past_the_bounds_are_errors_in_every_command(
    work: Path, capsys: pytest.CaptureFixture[str], body: str, number: str
) -> None:
    _rules(work, body)
    for name, code, err in _every_command(capsys):
        assert code == 2, (name, err)
        where = f"r.rules:4:{body.index(number) + 1}"
        assert f"{where}: error: the number `{number[:12]}" in err, (name, err)


def test_a_day_window_of_a_billion_days_is_an_error_before_checking(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _rules(work, "rule r: killed agree within 10% within 1000000000 days\n")
    for name, code, err in _every_command(capsys):
        if name == "fmt":
            assert code in (0, 1), err  # it only lays the file out
            continue
        assert code == 2, (name, err)
        assert "r.rules:4:33: error:" in err and "36,525 days" in err, (name, err)


def test_a_day_window_of_a_hundred_years_is_fine(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _rules(work, "rule r: killed agree within 10% within 36525 days\n")
    assert main(["check", "corpus", "--rules", "r.rules", "--no-cache"]) == 0
    assert "error" not in capsys.readouterr().err


def test_a_when_phrase_of_500_characters_is_an_error(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "r.rules").write_text(
        f'measure m: count\n    when "{"a" * 500}"\n\nrule r: m agree within 10%\n',
        encoding="utf-8",
    )
    for name, code, err in _every_command(capsys):
        if name == "fmt":
            assert code in (0, 1), err  # it only lays the file out
            continue
        assert code == 2, (name, err)
        assert "r.rules:1:1: error:" in err and "longer than 200 characters" in err, (name, err)


@pytest.mark.parametrize("length", [200, 199])
def test_a_when_phrase_of_200_characters_is_read(
    work: Path, capsys: pytest.CaptureFixture[str], length: int
) -> None:
    (work / "r.rules").write_text(
        f'measure m: count\n    when "{"a" * length}"\n\nrule r: m agree within 10%\n',
        encoding="utf-8",
    )
    assert main(["check", "corpus", "--rules", "r.rules", "--no-cache", "--jobs", "1"]) == 0
    capsys.readouterr()


def test_an_import_chain_500_deep_is_an_error(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for index in range(500):
        (work / f"c{index}.rules").write_text(f'import "c{index + 1}.rules"\n', encoding="utf-8")
    (work / "c500.rules").write_text(BASE, encoding="utf-8")
    assert main(["check", "corpus", "--rules", "c0.rules", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "c64.rules:1:1: error: imports nest more than 64 files deep" in err
    assert "Traceback" not in err


def test_an_import_chain_64_deep_is_read(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for index in range(64):
        (work / f"c{index}.rules").write_text(f'import "c{index + 1}.rules"\n', encoding="utf-8")
    (work / "c64.rules").write_text(BASE, encoding="utf-8")
    assert main(["check", "corpus", "--rules", "c0.rules", "--no-cache"]) == 0, capsys.readouterr()


def _bounded_memory() -> None:
    limit = 2 * 1024**3  # were /dev/zero read to the end, stop it at 2 GB, not at the host's
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _crosscheck(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *args],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
        preexec_fn=_bounded_memory,
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_rules_from_dev_zero_are_refused(work: Path) -> None:
    done = _crosscheck("check", "corpus", "--rules", "/dev/zero", "--no-cache")
    assert done.returncode == 2
    assert "/dev/zero: error: cannot read rule file: not a regular file" in done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_rules_link_to_dev_zero_in_a_folder_is_refused(work: Path) -> None:
    folder = work / "rules"
    folder.mkdir()
    (folder / "a.rules").write_text(BASE + "rule r: killed agree within 10%\n", encoding="utf-8")
    (folder / "zero.rules").symlink_to("/dev/zero")
    for command in (["check", "corpus", "--no-cache", "--rules"], ["lint"], ["fmt", "--check"]):
        done = _crosscheck(*command, "rules")
        assert done.returncode == 2, (command, done.stderr)
        assert "rules/zero.rules: error: cannot read rule file: not a regular file" in done.stderr
        assert "Traceback" not in done.stderr


def test_a_rule_file_over_one_megabyte_is_refused(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _rules(work, "rule r: killed agree within 10%\n")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(("# " + "x" * 98 + "\n") * 10_001)
    assert main(["check", "corpus", "--rules", "r.rules", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "r.rules: error: cannot read rule file: larger than 1,000,000 bytes" in err
