"""Issue 19, item 5: a forged cache row cannot change a run's result.

``.crosscheck/`` may come from elsewhere (a CI cache restored by key prefix, a cloned
repository). A row whose checksum was recomputed by a forger (an unkeyed BLAKE2b, as
crosscheck used to write) fails the check, since crosscheck's checksum is keyed with a
secret kept outside the cache folder; the run's result is the ``--no-cache`` result.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crosscheck.cli import main

from .sample import copy_sample

CHECK = ["check", "corpus", "--rules", "rules", "-j", "1", "--format", "json"]
STORE = ".crosscheck/claims.sqlite"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.delenv("CROSSCHECK_CACHE_KEY", raising=False)
    return copy_sample(tmp_path / "work", monkeypatch)


def _result(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main([*CHECK, *extra])
    return code, capsys.readouterr().out


def _forge(table: str, change: Callable[[Any], Any]) -> int:
    """Rewrite every row of ``table`` with ``change`` and a recomputed unkeyed checksum."""
    with sqlite3.connect(STORE) as db:
        rows = db.execute(f"SELECT key, payload FROM {table}").fetchall()
        for key, payload in rows:
            text = json.dumps(change(json.loads(payload[32:])), separators=(",", ":"))
            digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
            db.execute(f"UPDATE {table} SET payload = ? WHERE key = ?", (digest + text, key))
    return len(rows)


def _clean_run(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "output": '{"violations": []}\n', "exit_code": 0}


def _clean_report(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "violations": [], "undecided": []}


def test_a_forged_run_record_is_not_replayed(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _result(capsys, "--no-cache")
    assert expected[0] == 1
    assert _result(capsys) == expected
    assert _forge("runs", _clean_run) >= 1
    assert _result(capsys) == expected


def test_a_forged_report_is_not_used(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = _result(capsys, "--no-cache")
    assert _result(capsys) == expected
    with sqlite3.connect(STORE) as db:
        db.execute("DELETE FROM runs")
    assert _forge("outcomes", _clean_report) >= 1
    assert _result(capsys) == expected


def test_forged_claims_are_not_used(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = _result(capsys, "--no-cache")
    assert _result(capsys) == expected
    with sqlite3.connect(STORE) as db:
        db.execute("DELETE FROM runs")
        db.execute("DELETE FROM outcomes")
    assert _forge("claims", lambda claims: []) >= 1
    assert _result(capsys) == expected


def test_the_secret_is_a_private_file_outside_the_cache_folder(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _result(capsys)
    key = tmp_path / "home-cache" / "crosscheck" / "key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert not any(".crosscheck" in part for part in key.parts)


def test_without_a_secret_the_run_goes_on_without_the_cache(
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    expected = _result(capsys, "--no-cache")
    code = main(CHECK)
    out, err = capsys.readouterr()
    assert (code, out) == expected
    assert "warning:" in err and "without the cache" in err and "Traceback" not in err
    assert not os.path.exists(STORE)


def test_a_secret_from_the_environment_is_shared_by_runs_with_other_homes(
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CROSSCHECK_CACHE_KEY", "a secret of the CI, long enough")
    expected = _result(capsys, "--no-cache")
    assert _result(capsys) == expected
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-runner"))
    with sqlite3.connect(STORE) as db:
        recorded = db.execute("SELECT payload FROM runs").fetchall()
    assert _result(capsys) == expected
    with sqlite3.connect(STORE) as db:  # replayed, not run again and recorded anew
        assert db.execute("SELECT payload FROM runs").fetchall() == recorded
    assert not (tmp_path / "another-runner").exists()
    _forge("runs", _clean_run)
    assert _result(capsys) == expected


def test_an_empty_secret_in_the_environment_counts_as_none(
    sample: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CROSSCHECK_CACHE_KEY", "")  # a CI secret the job may not see
    assert _result(capsys) == _result(capsys, "--no-cache")
    assert os.path.exists(STORE)


def test_a_short_secret_is_refused(
    sample: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CROSSCHECK_CACHE_KEY", "short")
    expected = _result(capsys, "--no-cache")
    code = main(CHECK)
    out, err = capsys.readouterr()
    assert (code, out) == expected
    assert "CROSSCHECK_CACHE_KEY is shorter than 16" in err


def test_a_key_file_others_may_read_is_not_used(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _result(capsys)
    key = tmp_path / "home-cache" / "crosscheck" / "key"
    key.chmod(0o644)
    expected = _result(capsys, "--no-cache")
    code = main(CHECK)
    out, err = capsys.readouterr()
    assert (code, out) == expected
    assert "read by others" in err


def test_an_unusable_cache_home_is_no_crash_in_a_fresh_process(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # pint keeps its own cache under $XDG_CACHE_HOME too; a fresh process builds it.
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    expected = _result(capsys, "--no-cache")
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", *CHECK],
        env={**os.environ, "XDG_CACHE_HOME": str(blocked)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == expected, done.stderr
    assert "without the cache" in done.stderr
