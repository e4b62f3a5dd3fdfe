"""The command line with the commands the tutorial uses, even before cli.py lists them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from crosscheck.cli.commands.explain import explain_command
from crosscheck.cli.commands.fmt import fmt_command
from crosscheck.cli.commands.lint import lint_command
from crosscheck.cli.commands.test import test_command
from crosscheck.cli.main import cli, main

COMMANDS = {
    "explain": explain_command,
    "fmt": fmt_command,
    "lint": lint_command,
    "test": test_command,
}


@pytest.fixture
def crosscheck(monkeypatch: pytest.MonkeyPatch) -> Callable[[Sequence[str]], int]:
    """``crosscheck.cli.main.main`` with every command of the tutorial available."""
    for name, command in COMMANDS.items():
        if name not in cli.commands:
            monkeypatch.setitem(cli.commands, name, command)
    return main
