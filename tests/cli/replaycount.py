"""Counting the checks that really ran, to tell them from replayed ones."""

from __future__ import annotations

import pytest

import crosscheck.cli.commands.check_pipeline as checkrun


class Runs:
    """Counts the checks that really ran (not replayed)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = checkrun.run_check

        def counted(*args: object, **kwargs: object) -> checkrun.CheckResult:
            self.count += 1
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(checkrun, "run_check", counted)
