"""The command line with this suite's commands registered, even before cli.py lists them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from crosscheck.cli import cli, main
from crosscheck.commands.explain import explain_command
from crosscheck.commands.test import test_command


@pytest.fixture
def crosscheck(monkeypatch: pytest.MonkeyPatch) -> Callable[[Sequence[str]], int]:
    """``crosscheck.cli.main`` with ``explain`` and ``test`` available."""
    for name, command in (("explain", explain_command), ("test", test_command)):
        if name not in cli.commands:
            monkeypatch.setitem(cli.commands, name, command)
    return main
