"""Fixtures for command-line tests: a private copy of the sample corpus and rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from replaycount import Runs

import crosscheck.fs.witness as inputs

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder holding corpus/ and rules/, made the working directory."""
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "rules", tmp_path / "rules", ignore=shutil.ignore_patterns("tests"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> Runs:
    # Files written by the test are trusted at once: the margin for a clock tick is
    # tested on its own below.
    monkeypatch.setattr(inputs, "SETTLE_NS", 0)
    return Runs(monkeypatch)
