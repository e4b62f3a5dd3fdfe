"""Issue 19, items 6 and 8: a crash and an unwritable standard output, told apart from
violations by their exit codes.

A crash (an unexpected exception) exits 4 with one line asking for a bug report; the
traceback is shown only with ``crosscheck --debug``. A report that cannot be written
to standard output (``> /dev/full``, a closed pipe) exits 2, as ``-o /dev/full`` does.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

import crosscheck.cli.commands.check_pipeline as check_pipeline
import crosscheck.cli.commands.readers as readers
from crosscheck.cli import main

from .sample import copy_sample

CHECK = ["check", "corpus", "--rules", "rules", "-j", "1", "--no-cache"]


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_sample(tmp_path, monkeypatch)


def _crash(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("secret text from an input")


def test_a_crash_exits_4_with_one_line_and_no_traceback(
    sample: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(check_pipeline, "run_check", _crash)
    assert main(CHECK) == 4
    out, err = capsys.readouterr()
    assert out == ""
    [line] = err.splitlines()
    assert "internal error" in line and "report" in line and "--debug" in line
    assert "Traceback" not in err and "secret text" not in err


def test_debug_shows_the_traceback(
    sample: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(check_pipeline, "run_check", _crash)
    assert main(["--debug", *CHECK]) == 4
    err = capsys.readouterr().err
    assert "Traceback" in err and "ZeroDivisionError: secret text from an input" in err


@pytest.mark.parametrize(
    "args", [CHECK, ["extract", "corpus", "--rules", "rules", "--no-cache"], ["lint", "rules"]]
)
def test_every_command_crashes_with_4(
    sample: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    monkeypatch.setattr(readers, "load_rules", _crash)
    assert main(args) == 4
    assert "Traceback" not in capsys.readouterr().err


def test_exit_codes_are_documented(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--debug" in text and "4 internal error" in text
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    ci = (Path(__file__).resolve().parents[2] / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "4 internal error" in " ".join(readme.split())
    assert "4 on an internal error" in " ".join(ci.split())
    assert "--debug" in readme and "--debug" in ci


CRASHING = """
import sys
import crosscheck.cli.commands.check_pipeline as pipeline
def crash(*args, **kwargs):
    raise KeyError("x")
pipeline.run_check = crash
from crosscheck.cli.main import run
sys.argv[0] = "crosscheck"
run()
"""


def test_a_crash_in_a_real_process_exits_4(sample: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CRASHING, *CHECK], capture_output=True, text=True, check=False
    )
    assert done.returncode == 4
    assert "Traceback" not in done.stderr and "internal error" in done.stderr


class _FullStream:
    """A standard output on a full disk."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("args", [CHECK, ["extract", "corpus", "--rules", "rules", "-j", "1"]])
def test_a_full_standard_output_exits_2(
    sample: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    monkeypatch.setattr(sys, "stdout", _FullStream())
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "cannot write standard output: No space left on device" in err
    assert "Traceback" not in err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["check", "extract", "fmt"])
def test_dev_full_as_standard_output(sample: Path, command: str) -> None:
    Path("rules/nk_deployment.rules").write_text("measure   m: count\n", encoding="utf-8")
    args = [command, "--check"] if command == "fmt" else [command, "corpus", "-j", "1"]
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "crosscheck", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert "cannot write standard output" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
