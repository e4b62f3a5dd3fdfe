"""Run records come back exactly as written; their witness notices every kind of change."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.inputs import InputLog, Witness, listing_hash, unchanged, witness
from crosscheck.replay import RunRecord, decode_record, encode_record

STAMPS = st.tuples(*[st.integers(0, 2**63)] * 5)
DIGESTS = st.text("0123456789abcdef", min_size=128, max_size=128)
FILE = st.tuples(st.text(), st.none(), st.none()) | st.tuples(st.text(), STAMPS, DIGESTS)
FILES = st.lists(FILE, max_size=4)
FOLDERS = st.lists(st.tuples(st.text(), st.text("0123456789abcdef")), max_size=4)
RECORDS = st.builds(
    RunRecord,
    st.builds(Witness, FILES.map(tuple), FOLDERS.map(tuple)),
    st.text(),
    st.integers(0, 3),
    st.tuples(st.none() | st.dates(), st.none() | st.dates()),
)


@given(RECORDS)
def test_run_records_round_trip_exactly(record: RunRecord) -> None:
    assert decode_record(encode_record(record)) == record


@given(RECORDS.filter(lambda r: r.output != ""), st.data())
def test_any_changed_character_is_refused(record: RunRecord, data: st.DataObject) -> None:
    payload = encode_record(record)
    at = data.draw(st.integers(0, len(payload) - 1))
    replacement = data.draw(st.characters(codec="utf-8").filter(lambda c: c != payload[at]))
    with pytest.raises((ValueError, TypeError)):
        decode_record(payload[:at] + replacement + payload[at + 1 :])


def _aged(path: Path) -> None:
    """Give a file an old modification time (its change time stays now)."""
    os.utime(path, (time.time() - 60, time.time() - 60))


def test_a_witness_covers_files_missing_files_and_folder_listings(tmp_path: Path) -> None:
    article, missing = tmp_path / "a.md", tmp_path / "manifest.yaml"
    article.write_text("text", encoding="utf-8")
    log = InputLog()
    log.file(article)
    log.file(missing)
    log.folder(tmp_path)
    later = time.time_ns() + 10 * 10**9  # as if the run started well after the writes
    seen = witness(log, later)
    assert seen is not None
    assert unchanged(seen)
    assert (str(missing), None, None) in seen.files
    assert dict(seen.folders)[str(tmp_path)] == listing_hash(tmp_path)

    article.write_text("text", encoding="utf-8")  # a new stamp, the same bytes
    assert unchanged(seen)
    article.write_text("next", encoding="utf-8")  # a new stamp, the same size, other bytes
    assert not unchanged(seen)
    article.write_text("text", encoding="utf-8")
    assert unchanged(seen)
    missing.write_text("{}", encoding="utf-8")
    assert not unchanged(seen)


def test_a_witness_refuses_what_changed_too_recently(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("text", encoding="utf-8")
    _aged(article)  # an old mtime does not help: the change time is recent
    log = InputLog()
    log.file(article)
    assert witness(log, time.time_ns()) is None
    folder_only = InputLog()
    folder_only.folder(tmp_path)
    assert witness(folder_only, time.time_ns()) is None
    assert witness(folder_only, time.time_ns() + 10 * 10**9) is not None
