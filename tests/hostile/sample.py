"""A private copy of the sample corpus and rules for the hostile-input tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import crosscheck.fs.witness as inputs

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "corpus/2024-12-23_newsweek_more-troops.md"
RULE_FILE = "rules/nk_deployment.rules"


def copy_sample(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``folder`` holding corpus/ and rules/ (no rule tests), made the working directory.

    Files written by a test are trusted at once (no settling margin), so runs replay.
    """
    shutil.copytree(ROOT / "corpus", folder / "corpus")
    shutil.copytree(ROOT / "rules", folder / "rules", ignore=shutil.ignore_patterns("tests"))
    monkeypatch.chdir(folder)
    monkeypatch.setattr(inputs, "SETTLE_NS", 0)
    return folder
