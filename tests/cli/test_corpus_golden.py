"""The README's main job: `crosscheck check` on the sample corpus, exact text output."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.cli.main import main

GOLDEN = Path(__file__).parent / "data" / "corpus_check.txt"


def test_sample_corpus_report_is_exact(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-cache"]) == 1
    assert capsys.readouterr().out == GOLDEN.read_text(encoding="utf-8")


def test_golden_report_names_the_real_contradiction() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    assert "error[death_tolls_agree]" in text
    assert '"approximately 1,100" → [990, 1,210]' in text
    assert '"around 100" → [90, 110]' in text
    assert "troop_estimates_agree" not in text
