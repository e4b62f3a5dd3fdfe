"""``crosscheck check .`` over a whole repository reads its articles, not its README, docs
or test fixtures; the cache folder keeps itself out of git."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def test_check_dot_at_the_repository_root_reads_only_the_corpus() -> None:
    # In a process of its own: the working folder is the repository's root.
    def check(*paths: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "crosscheck", "check", *paths, "--no-cache", "-j", "1"]
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)

    everything, corpus = check("."), check("corpus")
    assert (everything.returncode, everything.stderr) == (1, "")
    assert everything.stdout == corpus.stdout
    for folder in ("docs/", "tests/", "README.md"):
        assert folder not in everything.stdout


def test_the_cache_folder_writes_its_own_gitignore(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "-j", "1"]) == 1
    ignore = workspace / ".crosscheck" / ".gitignore"
    assert ignore.read_text("utf-8").splitlines()[-1] == "*"
    ignore.write_text("# mine\n", "utf-8")  # an existing folder is left as it is
    assert main(["check", "-j", "1"]) == 1
    assert ignore.read_text("utf-8") == "# mine\n"
    assert main(["check", "-j", "1", "--cache-dir", "build/xcache"]) == 1
    assert (workspace / "build" / "xcache" / ".gitignore").is_file()
    capsys.readouterr()


def test_exclude_on_the_command_line_and_a_gitignore_leave_articles_out(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def documents(*args: str) -> str:
        main(["check", "--no-cache", "-j", "1", *args])
        return capsys.readouterr().out.splitlines()[-1].split(" in ")[1]

    assert documents().startswith("17 documents")
    # two articles of the Harbor Ledger
    assert documents("--exclude", "*harbor-ledger*").startswith("15 documents")
    (workspace / "corpus" / ".gitignore").write_text("*newsweek*\n", "utf-8")
    assert documents().startswith("16 documents")
    assert documents("--no-respect-gitignore").startswith("17 documents")


def test_an_exclude_that_is_no_pattern_is_a_usage_error(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--no-cache", "--exclude", "!"]) == 2
    captured = capsys.readouterr()
    assert "--exclude: '!' is not a pattern of .gitignore syntax" in captured.err
    assert "Traceback" not in captured.err and captured.out == ""
