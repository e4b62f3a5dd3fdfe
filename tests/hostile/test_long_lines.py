"""Issue 19, item 13: a long line with no sentence end, read in bounded time and memory.

A 200 MB single line of numbers with no sentence end ran past 120 s at 3.6 GB: the
whole line was one sentence, and work per sentence grew with its length times its
numbers. A stretch of text longer than ``MAX_SENTENCE`` is now cut further (at white
space near fixed offsets), so no sentence is longer, the sentence around a number is
found by looking a bounded distance either side, and the survey of a document keeps
its candidate numbers in an array instead of an object per number.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.text.segment import MAX_SENTENCE, SentenceLocator, split_sentences

from .sample import ROOT, RULE_FILE

FILLER = "and the convoy moved on past the river bank while others waited near the hills "
BLOCK = "About 1,100 North Korean troops were killed, " + (FILLER * 12 + "with 1,234 trucks ") * 100


def no_stop_line(size: int) -> str:
    """``size`` characters of one line: numbers everywhere, a claim now and then, no stop."""
    return (BLOCK * (size // len(BLOCK) + 1))[:size]


@pytest.mark.parametrize("text", [no_stop_line(300_000), "1" * 50_000, "1 " * 30_000])
def test_no_sentence_is_longer_than_the_cap(text: str) -> None:
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    locator = SentenceLocator(text)
    for sentence in sentences:
        assert locator.at(sentence.start) == sentence
        assert locator.at(sentence.end - 1) == sentence


def test_a_20_mb_line_extracts_within_a_deadline(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "line.txt").write_text(no_stop_line(20_000_000), encoding="utf-8")
    command = [sys.executable, "-m", "crosscheck", "extract", str(corpus)]
    command += ["--rules", str(ROOT / RULE_FILE), "--no-cache", "--format", "jsonl", "-j", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=400, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    claims = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(claims) > 100  # one "about 1,100 ... killed" in every block
    assert max(len(c["sentence"]) for c in claims) <= MAX_SENTENCE
