"""What ``check --engine dask`` refuses, and a scheduler it cannot reach (no cluster)."""

from __future__ import annotations

from pathlib import Path

import dask
import pytest

from crosscheck.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
CHECK = ["check", str(ROOT / "corpus"), "--rules", str(ROOT / "rules"), "--no-cache"]


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
        (["--engine", "dask", "--pairs"], "--pairs is not available with --engine dask"),
        (["--engine", "dask", "--show-undecided"], "--show-undecided is not available"),
    ],
)
def test_options_the_engine_cannot_honour_are_usage_errors(
    extra: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*CHECK, *extra]) == 2
    assert said in capsys.readouterr().err


def test_a_scheduler_that_cannot_be_reached_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code = main([*CHECK, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 2
    assert "error: cannot run on Dask: Timed out trying to connect to tcp://127.0.0.1:9" in err
    assert "Traceback" not in err
