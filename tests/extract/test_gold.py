"""Extraction against the gold annotation of the sample corpus, with the sample rule file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from crosscheck.extract import Extractor
from crosscheck.load.articles import iter_documents
from crosscheck.load.rules import load_rules
from crosscheck.model import Document

ROOT = Path(__file__).resolve().parents[2]


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.fixture(scope="module")
def extracted() -> tuple[list[Any], dict[str, Any]]:
    gold = yaml.safe_load((ROOT / "tests/gold/corpus_gold.yaml").read_text(encoding="utf-8"))
    extractor = Extractor(load_rules(ROOT / "rules/nk_deployment.rules"))
    import os

    here = os.getcwd()
    os.chdir(ROOT)  # documents are named relative to the repository root
    try:
        docs = [d for d in iter_documents([Path("corpus")]) if isinstance(d, Document)]
    finally:
        os.chdir(here)
    return [c for d in docs for c in extractor.claims(d)], gold


def test_every_gold_claim_is_found_with_its_interval(extracted: tuple[list[Any], Any]) -> None:
    claims, gold = extracted
    found = {(c.document, c.line, c.measure): c for c in claims}
    missed = []
    for g in gold["claims"]:
        claim = found.get((g["document"], g["line"], g["measure"]))
        if claim is None:
            missed.append(g["stated"])
            continue
        assert _fold(claim.stated) == _fold(g["stated"])
        assert (claim.interval.low, claim.interval.high) == (g["low"], g["high"])
        assert claim.interval.low_closed == g.get("low_inclusive", g["low"] is not None)
    assert not missed


def test_no_claim_outside_the_gold(extracted: tuple[list[Any], Any]) -> None:
    claims, gold = extracted
    keys = {(g["document"], g["line"], g["measure"]) for g in gold["claims"]}
    extra = [c.stated for c in claims if (c.document, c.line, c.measure) not in keys]
    assert not extra


def test_no_trap_becomes_a_claim(extracted: tuple[list[Any], Any]) -> None:
    claims, gold = extracted
    for trap in gold["not_claims"]:
        for c in claims:
            same_line = c.document == trap["document"] and c.line == trap["line"]
            assert not (same_line and _fold(c.stated) in _fold(trap["stated"])), trap
