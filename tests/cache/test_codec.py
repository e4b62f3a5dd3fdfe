"""Cached values come back exactly as written, and any damage to them (as sealed by the
store, see ``cache.db``) is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.cache.codec import (
    decode_claims,
    decode_file_entry,
    decode_report,
    encode_claims,
    encode_file_entry,
    encode_report,
)
from crosscheck.cache.db import seal, unseal
from crosscheck.evaluate import evaluate
from crosscheck.load.rules import load_rules
from crosscheck.model import Claim, Report
from crosscheck.testing.claimsets import claim_sets

SECRET = b"s" * 32
RULESET = load_rules(Path(__file__).resolve().parents[2] / "rules" / "nk_deployment.rules")


@given(claim_sets(RULESET))
def test_claims_round_trip_exactly(claims: list[Claim]) -> None:
    assert decode_claims(encode_claims(claims)) == claims


@given(claim_sets(RULESET, min_size=2))
def test_reports_round_trip_exactly(claims: list[Claim]) -> None:
    outcome = evaluate(RULESET, claims, keep_undecided=True, pairs=True)
    report = Report(
        findings=outcome.findings,
        claims=len(claims),
        documents=3,
        rules=len(RULESET.rules),
        skipped=outcome.skipped,
        undecided=outcome.undecided,
        waived=2,
        unused_waivers=("baseline entry for x matched nothing: y",),
    )
    assert decode_report(encode_report(report)) == report


@given(claim_sets(RULESET, min_size=1), st.data())
def test_any_changed_character_is_refused(claims: list[Claim], data: st.DataObject) -> None:
    payload = seal(encode_claims(claims), SECRET)
    at = data.draw(st.integers(0, len(payload) - 1))
    replacement = data.draw(st.characters(codec="utf-8").filter(lambda c: c != payload[at]))
    with pytest.raises(ValueError):
        decode_claims(unseal(payload[:at] + replacement + payload[at + 1 :], SECRET))


def test_file_entries_round_trip_and_refuse_damage() -> None:
    keys = ["a" * 64, "0123456789abcdef" * 4]
    payload = seal(encode_file_entry((10, 20, 30, 40, 50), keys), SECRET)
    assert decode_file_entry(unseal(payload, SECRET)) == ((10, 20, 30, 40, 50), keys)
    with pytest.raises(ValueError):
        decode_file_entry(unseal(payload.replace("20", "21"), SECRET))
    with pytest.raises(ValueError):
        decode_file_entry(unseal(payload[:-1], SECRET))
