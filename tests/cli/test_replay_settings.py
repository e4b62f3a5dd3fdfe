"""A replayed check stays true to what its settings depend on: the configuration file
and the ignore files. Any change to them makes the check run again; a comment does not."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from replaycount import Runs

from crosscheck.cli.main import main
from crosscheck.fs.stamp import SETTLE_NS

JSON = ["check", "--format", "json", "-j", "1"]
TOOL = '[tool.crosscheck]\ncorpus = ["corpus"]\n'


@pytest.fixture
def repo(workspace: Path) -> Path:
    """The workspace as a repository root, configured in its pyproject.toml."""
    (workspace / ".git").mkdir()
    (workspace / "pyproject.toml").write_text(TOOL, "utf-8")
    return workspace


def _output(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main([*JSON, *args])
    return code, capsys.readouterr().out


def _write(path: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, "utf-8")

    return change


CHANGES = {
    "setting changed": _write("pyproject.toml", TOOL + 'fail-on = "never"\n'),
    "setting added": _write("pyproject.toml", TOOL + "exclude = ['*newsweek*']\n"),
    "crosscheck.toml made beside it": _write("crosscheck.toml", 'select = ["death_*"]\n'),
    "a .gitignore in the corpus": _write("corpus/.gitignore", "*newsweek*\n"),
    "a .gitignore at the repository root": _write(".gitignore", "corpus/*newsweek*\n"),
    "git's own exclude file": _write(".git/info/exclude", "*newsweek*\n"),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=list(CHANGES))
def test_a_changed_setting_or_ignore_file_makes_the_check_run_again(
    repo: Path, runs: Runs, capsys: pytest.CaptureFixture[str], change: Callable[[Path], None]
) -> None:
    first = _output(capsys)
    assert _output(capsys) == first and runs.count == 1
    change(repo)
    again = _output(capsys)
    assert runs.count == 2
    assert again == _output(capsys, "--no-cache")
    assert again != first


def test_an_edited_gitignore_makes_the_check_run_again(
    repo: Path, runs: Runs, capsys: pytest.CaptureFixture[str]
) -> None:
    _write("corpus/.gitignore", "*.txt\n")(repo)
    first = _output(capsys)
    _write("corpus/.gitignore", "*newsweek*\n")(repo)
    assert _output(capsys) != first
    assert runs.count == 2


def test_a_comment_in_the_configuration_still_replays(
    repo: Path, runs: Runs, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _output(capsys)
    _write("pyproject.toml", "# the desk's settings\n" + TOOL)(repo)
    assert _output(capsys) == first
    assert runs.count == 1


PROBE = """
import json, sys
from crosscheck.cli import main
code = main(["check", "--format", "json", "-o", "out.json"])
loaded = [name for name in ("lark", "pint", "pydantic", "rich", "pathspec") if name in sys.modules]
ran = "crosscheck.cli.commands.check_pipeline" in sys.modules
print(json.dumps({"code": code, "loaded": loaded, "ran": ran}))
"""


def test_a_configured_replay_imports_no_heavy_library(repo: Path) -> None:
    time.sleep(SETTLE_NS / 1e9 + 0.1)  # the copied files settle, so the run is recorded

    def run() -> dict[str, object]:
        done = subprocess.run(
            [sys.executable, "-c", PROBE], cwd=repo, capture_output=True, text=True, timeout=120
        )
        result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
        return result

    first = run()
    assert first["ran"] is True and "pydantic" in first["loaded"]  # type: ignore[operator]
    again = run()
    assert again["ran"] is False, "the second run was not replayed"
    assert again["loaded"] == []
