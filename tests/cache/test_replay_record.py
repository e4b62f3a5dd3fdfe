"""Run records come back exactly as written; their witness notices every kind of change."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import crosscheck.fs.witness as inputs
from crosscheck.cache.db import seal, unseal
from crosscheck.cache.runs import RunRecord, decode_record, encode_record
from crosscheck.fs.witness import (
    FileWitness,
    FolderWitness,
    InputLog,
    ProbeWitness,
    Witness,
    listing_hash,
    refreshed,
    witness,
)


def unchanged(recorded: Witness) -> bool:
    """Whether the witness still holds (``now`` 0: no new stamp is ever taken up)."""
    return refreshed(recorded, 0) is not None


STAMPS = st.tuples(*[st.integers(0, 2**63)] * 5)
DIGESTS = st.text("0123456789abcdef", min_size=128, max_size=128)
FILES = st.lists(st.builds(FileWitness, st.text(), st.text(), STAMPS, DIGESTS), max_size=4)
PROBES = st.lists(st.builds(ProbeWitness, st.text(), st.none() | st.text()), max_size=4)
FOLDERS = st.lists(st.builds(FolderWitness, st.text(), st.text("0123456789abcdef")), max_size=4)
RECORDS = st.builds(
    RunRecord,
    st.builds(Witness, FILES.map(tuple), PROBES.map(tuple), FOLDERS.map(tuple)),
    st.text(),
    st.integers(0, 3),
    st.tuples(st.none() | st.dates(), st.none() | st.dates()),
)


@given(RECORDS)
def test_run_records_round_trip_exactly(record: RunRecord) -> None:
    assert decode_record(encode_record(record)) == record


@given(RECORDS.filter(lambda r: r.output != ""), st.data())
def test_any_changed_character_is_refused(record: RunRecord, data: st.DataObject) -> None:
    secret = b"s" * 32
    payload = seal(encode_record(record), secret)
    at = data.draw(st.integers(0, len(payload) - 1))
    replacement = data.draw(st.characters(codec="utf-8").filter(lambda c: c != payload[at]))
    with pytest.raises((ValueError, TypeError)):
        decode_record(unseal(payload[:at] + replacement + payload[at + 1 :], secret))


def _aged(path: Path) -> None:
    """Give a file an old modification time (its change time stays now)."""
    os.utime(path, (time.time() - 60, time.time() - 60))


LATER = 10 * 10**9  # added to now: as if the run started well after the writes


def test_a_witness_covers_files_read_paths_tested_and_folder_listings(tmp_path: Path) -> None:
    article, missing = tmp_path / "a.md", tmp_path / "manifest.yaml"
    article.write_text("text", encoding="utf-8")
    log = InputLog()
    log.file(article)
    log.probe(article)
    log.probe(missing)
    log.folder(tmp_path)
    seen = witness(log, time.time_ns() + LATER)
    assert seen is not None
    assert unchanged(seen)
    real = str(article.resolve())
    assert seen.probes == (ProbeWitness(str(article), real), ProbeWitness(str(missing), None))
    assert seen.folders == (FolderWitness(str(tmp_path), listing_hash(tmp_path)),)
    assert seen.files[0].real_path == str(article.resolve())

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


def test_a_file_read_must_still_be_there_to_be_vouched_for(tmp_path: Path) -> None:
    log = InputLog()
    log.file(tmp_path / "deleted-while-the-run-went-on.rules")
    assert witness(log, time.time_ns() + LATER) is None


def _witness_of(path: Path, *, folder: bool = False) -> Witness:
    log = InputLog()
    log.folder(path) if folder else log.file(path)
    seen = witness(log, time.time_ns() + LATER)
    assert seen is not None and unchanged(seen)
    return seen


def test_a_file_reached_another_way_is_a_change_even_with_the_same_bytes(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text("same", encoding="utf-8")
    (tmp_path / "two.md").write_text("same", encoding="utf-8")
    link = tmp_path / "a.md"
    link.symlink_to("one.md")
    seen = _witness_of(link)
    link.unlink()
    link.symlink_to("two.md")  # metadata is found by the real path: it may differ now
    assert not unchanged(seen)
    link.unlink()
    link.write_text("same", encoding="utf-8")  # a copy where the link was
    assert not unchanged(seen)
    link.unlink()
    link.symlink_to("one.md")
    assert unchanged(seen)


def test_a_file_under_a_linked_folder_is_a_change_when_the_link_moves(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.md").write_text("same", encoding="utf-8")
    (tmp_path / "corpus").symlink_to("one")
    seen = _witness_of(tmp_path / "corpus" / "a.md")
    (tmp_path / "corpus").unlink()
    (tmp_path / "corpus").symlink_to("two")
    assert not unchanged(seen)


def _target_appears(folder: Path) -> None:
    (folder.parent / "late.md").write_text("x")


def _link_becomes_folder(folder: Path) -> None:
    (folder / "sub").unlink()
    (folder / "sub").mkdir()


def _link_points_elsewhere(folder: Path) -> None:
    (folder / "sub").unlink()
    (folder / "sub").symlink_to(folder)


def _file_becomes_folder(folder: Path) -> None:
    (folder / "a.md").unlink()
    (folder / "a.md").mkdir()


FOLDER_CHANGES = {
    "a broken link's target appears": _target_appears,
    "a linked folder becomes a real one": _link_becomes_folder,
    "a link is pointed elsewhere": _link_points_elsewhere,
    "a file becomes a folder": _file_becomes_folder,
}


@pytest.mark.parametrize("change", FOLDER_CHANGES.values(), ids=list(FOLDER_CHANGES))
def test_a_folder_listing_tells_kinds_and_link_targets(
    tmp_path: Path, change: Callable[[Path], None]
) -> None:
    folder = tmp_path / "corpus"
    (tmp_path / "pool").mkdir()
    folder.mkdir()
    (folder / "a.md").write_text("x")
    (folder / "sub").symlink_to(tmp_path / "pool")
    (folder / "broken.md").symlink_to(tmp_path / "late.md")
    seen = _witness_of(folder, folder=True)
    change(folder)
    assert not unchanged(seen)


def test_a_path_that_changed_while_the_run_went_on_is_not_vouched_for(tmp_path: Path) -> None:
    (tmp_path / "v1.md").write_text("one", encoding="utf-8")
    (tmp_path / "v2.md").write_text("two", encoding="utf-8")
    link, candidate = tmp_path / "current.md", tmp_path / "manifest.yaml"
    link.symlink_to("v1.md")
    log = InputLog()
    log.file(link)  # read through the link as it was
    log.probe(candidate)  # not there when looked for
    assert witness(log, time.time_ns() + LATER) is not None
    link.unlink()
    link.symlink_to("v2.md")
    assert witness(log, time.time_ns() + LATER) is None
    link.unlink()
    link.symlink_to("v1.md")
    candidate.write_text("{}", encoding="utf-8")
    assert witness(log, time.time_ns() + LATER) is None


def test_new_stamps_over_the_same_bytes_are_taken_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.md"
    article.write_text("text", encoding="utf-8")
    seen = _witness_of(article)
    article.write_text("text", encoding="utf-8")  # as a fresh checkout leaves it
    assert inputs.refreshed(seen, time.time_ns()) == seen  # too recent to be trusted yet
    later = inputs.refreshed(seen, time.time_ns() + LATER)
    assert later is not None and later.files[0].stamp != seen.files[0].stamp
    hashed: list[object] = []
    monkeypatch.setattr(inputs, "content_hash", lambda path: hashed.append(path))
    assert inputs.refreshed(later, time.time_ns() + LATER) == later
    assert hashed == []


@pytest.mark.parametrize("when", ["recording", "replaying after a new stamp"])
def test_a_link_re_pointed_while_its_file_is_hashed_is_not_vouched_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    (tmp_path / "r.md").write_text("same", encoding="utf-8")
    (tmp_path / "q.md").write_text("same", encoding="utf-8")
    link = tmp_path / "a.md"
    link.symlink_to("r.md")
    log = InputLog()
    log.file(link)
    seen = witness(log, time.time_ns() + LATER) if when != "recording" else None
    (tmp_path / "r.md").write_text("same", encoding="utf-8")  # a new stamp: hashed again
    real_hash = inputs.content_hash

    def re_pointing(path: str | Path) -> str | None:
        link.unlink()
        link.symlink_to("q.md")
        return real_hash(path)

    monkeypatch.setattr(inputs, "content_hash", re_pointing)
    if seen is None:
        assert witness(log, time.time_ns() + LATER) is None
    else:
        assert inputs.refreshed(seen, time.time_ns() + LATER) is None
