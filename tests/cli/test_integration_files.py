"""The pre-commit hooks and the CI examples name commands and formats that exist."""

from __future__ import annotations

import re
from pathlib import Path

import click
import yaml

from crosscheck.cli.main import cli
from crosscheck.report import formats

ROOT = Path(__file__).resolve().parents[2]


def test_pre_commit_hooks_run_real_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"crosscheck", "crosscheck-fmt", "crosscheck-lint"}
    context = click.Context(cli)
    for hook in hooks:
        program, command, *_ = hook["entry"].split()
        assert program == "crosscheck"
        assert command in cli.list_commands(context)
        assert cli.get_command(context, command) is not None  # imports a lazy one


def test_ci_doc_uses_existing_formats_and_valid_yaml() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for block in re.findall(r"```yaml\n(.*?)```", text, flags=re.S):
        assert yaml.safe_load(block)
    for fmt in re.findall(r"--format (\w+)", text):
        assert fmt in formats()
