"""A symlink that loops is reported where it is read, never as a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.cli.main import main


def test_a_manifest_naming_a_looping_link_warns(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "corpus" / "loop.md").symlink_to("loop.md")
    with open(workspace / "corpus" / "manifest.yaml", "a", encoding="utf-8") as manifest:
        manifest.write("loop.md:\n  source: Loop\n")
    assert main(["check", "--no-cache"]) == 1
    assert "manifest names 'loop.md', which is not a file" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["check", "--no-cache"], ["lint", "rules"]])
def test_a_looping_rule_file_is_a_rule_file_error(
    workspace: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    (workspace / "rules" / "self.rules").symlink_to("self.rules")
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "rules/self.rules: error: cannot read rule file: Too many levels" in err
