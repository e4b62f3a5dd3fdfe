"""Fixtures for configuration tests: a fresh project folder made the working folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository (it holds .git) with the sample corpus/ and rules/ (no rule tests),
    made the working folder; no configuration yet."""
    folder = tmp_path / "project"
    (folder / ".git").mkdir(parents=True)
    shutil.copytree(ROOT / "corpus", folder / "corpus")
    shutil.copytree(ROOT / "rules", folder / "rules", ignore=shutil.ignore_patterns("tests"))
    monkeypatch.chdir(folder)
    return folder
