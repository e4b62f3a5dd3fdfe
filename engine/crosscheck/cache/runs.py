"""Whole runs remembered with their inputs' witness, and replayed while it still holds.

A run's output depends on its options, the code that computed it, the files and
folders it read and the day (waivers expire). The ``runs`` table keeps the output
and exit code of recent runs under a key of the options and code; the files are
checked by the record's ``Witness``, and the day against the span of days over
which the run's waivers stay as they were. A run found under the same key whose
witness and days hold is replayed: its output is the output this run would write,
without parsing a rule or decoding a claim.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import time
from dataclasses import dataclass, replace
from typing import Any

from crosscheck.cache.codeid import code_id
from crosscheck.cache.db import CacheDB
from crosscheck.fs.witness import FileWitness, FolderWitness, ProbeWitness, Witness, refreshed

KEEP_RUNS = 4  # runs kept: a few option sets (formats, baselines) over one corpus
# Part of every run key: a change to how runs are recorded makes old ones unreachable.
RECORD_VERSION = "5"


Days = tuple[dt.date | None, dt.date | None]  # first and last day; None: no limit


@dataclass(frozen=True)
class RunRecord:
    """What a run wrote and returned, the witness of what it read, the days it holds for."""

    witness: Witness
    output: str
    exit_code: int
    days: Days = (None, None)


def run_key(*settings: object) -> str:
    """The key of runs with these settings (their ``repr`` must say all that matters)."""
    text = repr((settings, code_id(), RECORD_VERSION, sys.version))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def recall_run(db: CacheDB, key: str, today: dt.date) -> RunRecord | None:
    """The run recorded under ``key`` if it holds today and its inputs are unchanged."""
    record = db.get("runs", key, decode_record)
    if record is None or not _within(today, record.days):
        return None
    current = refreshed(record.witness, time.time_ns())
    if current is None:
        return None
    if current != record.witness:  # new stamps over the same bytes: spare the next check
        db.put("runs", key, encode_record(replace(record, witness=current)))
    return record


def _within(day: dt.date, days: Days) -> bool:
    first, last = days
    return (first is None or first <= day) and (last is None or day <= last)


def remember_run(db: CacheDB, key: str, record: RunRecord) -> None:
    """Record a run, forgetting all but the latest few."""
    db.put("runs", key, encode_record(record))
    db.keep_latest("runs", KEEP_RUNS)


def encode_record(record: RunRecord) -> str:
    """The text of a run record, to store."""
    data = {
        "files": [list(entry) for entry in record.witness.files],
        "probes": [list(entry) for entry in record.witness.probes],
        "folders": [list(entry) for entry in record.witness.folders],
        "output": record.output,
        "exit_code": record.exit_code,
        "days": [None if day is None else day.isoformat() for day in record.days],
    }
    # ASCII escapes keep a file name that is not valid UTF-8 (a lone surrogate) storable.
    return json.dumps(data, separators=(",", ":"))


def decode_record(text: str) -> RunRecord:
    """The record of ``encode_record``; ValueError or TypeError when damaged."""
    data = json.loads(text)
    files = tuple(_file_witness(entry) for entry in data["files"])
    probes = tuple(_probe_witness(entry) for entry in data["probes"])
    folders = tuple(_folder_witness(entry) for entry in data["folders"])
    output, exit_code = data["output"], data["exit_code"]
    if not isinstance(output, str) or type(exit_code) is not int:
        raise TypeError("damaged run record")
    first, last = (None if day is None else dt.date.fromisoformat(day) for day in data["days"])
    return RunRecord(Witness(files, probes, folders), output, exit_code, (first, last))


def _file_witness(entry: Any) -> FileWitness:
    path, real_path, stamp, digest = entry
    if len(stamp) != 5 or not all(type(part) is int for part in stamp):
        raise TypeError("damaged file stamp")
    parts = (stamp[0], stamp[1], stamp[2], stamp[3], stamp[4])
    return FileWitness(_text(path), _text(real_path), parts, _text(digest))


def _probe_witness(entry: Any) -> ProbeWitness:
    path, real_path = entry
    return ProbeWitness(_text(path), None if real_path is None else _text(real_path))


def _folder_witness(entry: Any) -> FolderWitness:
    path, entries = entry
    return FolderWitness(_text(path), _text(entries))


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("damaged run record")
    return value
