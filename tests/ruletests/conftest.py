"""The command line with this suite's commands registered, even before cli.py lists them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from crosscheck.cli.commands.explain import explain_command
from crosscheck.cli.commands.test import test_command
from crosscheck.cli.main import cli, main


@pytest.fixture
def crosscheck(monkeypatch: pytest.MonkeyPatch) -> Callable[[Sequence[str]], int]:
    """``crosscheck.cli.main.main`` with ``explain`` and ``test`` available."""
    for name, command in (("explain", explain_command), ("test", test_command)):
        if name not in cli.commands:
            monkeypatch.setitem(cli.commands, name, command)
    return main
