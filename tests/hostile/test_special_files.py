"""FIFOs, devices and broken links among the inputs (issue 19, item 10): only regular
files are read; nothing blocks, and whatever is skipped is named with the reason.

Each case runs crosscheck in a process of its own with a timeout: before the fix,
opening a FIFO waited forever for a writer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")

RULES = 'measure killed: count\n    when "killed"\n\nrule tolls_agree: killed agree within 10%\n'
GOOD_A = "---\nsource: Alpha\ndate: 2024-12-23\n---\nAbout 1,000 people were killed.\n"
GOOD_B = "---\nsource: Beta\ndate: 2024-12-23\n---\nAbout 2,000 people were killed.\n"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with rules/r.rules and corpus/ holding two articles that disagree."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.rules").write_text(RULES, encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "corpus" / "b.md").write_text(GOOD_B, encoding="utf-8")
    return tmp_path


def _crosscheck(work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", *args],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
        cwd=work,
    )
    assert "Traceback" not in done.stderr
    return done


def test_a_fifo_given_as_rules_is_an_error(work: Path) -> None:
    os.mkfifo(work / "pipe.rules")
    for command in (["check", "corpus", "--no-cache", "--rules"], ["lint"], ["fmt", "--check"]):
        done = _crosscheck(work, *command, "pipe.rules")
        assert done.returncode == 2, (command, done.stderr)
        assert "pipe.rules: error: cannot read rule file: not a regular file but a FIFO" in (
            done.stderr
        )


def test_a_fifo_in_a_rules_folder_is_an_error(work: Path) -> None:
    os.mkfifo(work / "rules" / "pipe.rules")
    for command in (["check", "corpus", "--no-cache", "--rules"], ["lint"], ["fmt", "--check"]):
        done = _crosscheck(work, *command, "rules")
        assert done.returncode == 2, (command, done.stderr)
        assert "rules/pipe.rules: error: cannot read rule file: not a regular file" in done.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_special_entries_in_a_corpus_are_skipped_with_a_warning(work: Path, jobs: str) -> None:
    corpus = work / "corpus"
    os.mkfifo(corpus / "pipe.md")
    (corpus / "null.txt").symlink_to(os.devnull)
    (corpus / "gone.jsonl").symlink_to(corpus / "missing.jsonl")
    done = _crosscheck(work, "check", "corpus", "--rules", "rules", "--no-cache", "--jobs", jobs)
    assert done.returncode == 1, done.stderr  # the two articles still disagree
    assert "corpus/gone.jsonl: warning: skipped: a broken symbolic link" in done.stderr
    assert "corpus/null.txt: warning: skipped: a character device" in done.stderr
    assert "corpus/pipe.md: warning: skipped: a FIFO (named pipe)" in done.stderr
    assert "1 finding" in done.stdout


def test_a_fifo_named_as_a_corpus_file_is_an_error(work: Path) -> None:
    os.mkfifo(work / "pipe.md")
    done = _crosscheck(work, "check", "pipe.md", "corpus/a.md", "--rules", "rules", "--no-cache")
    assert done.returncode == 3, done.stderr
    assert "pipe.md: error: not a regular file but a FIFO" in done.stderr


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("--claims", "cannot read claims file: not a regular file but a FIFO"),
        ("--manifest", "cannot read manifest: not a regular file but a FIFO"),
        ("--baseline", "not a regular file but a FIFO"),
    ],
)
def test_a_fifo_given_for_an_input_option_is_an_error(
    work: Path, option: str, message: str
) -> None:
    os.mkfifo(work / "pipe.in")
    paths = [] if option == "--claims" else ["corpus"]
    done = _crosscheck(work, "check", *paths, option, "pipe.in", "--rules", "rules", "--no-cache")
    assert done.returncode == 3, done.stderr
    assert message in done.stderr
