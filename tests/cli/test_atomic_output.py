"""Output files are replaced in one step, with the permissions a user expects."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import crosscheck.atomicfile as atomicfile
from crosscheck.atomicfile import replace_file
from crosscheck.cli import main


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path, umask_022: object) -> None:
    replace_file(tmp_path / "report.json", "{}\n")
    assert (tmp_path / "report.json").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == "{}\n"


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path, umask_022: object) -> None:
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")
    report.chmod(0o640)
    replace_file(report, "new")
    assert report.stat().st_mode & 0o777 == 0o640
    assert report.read_text(encoding="utf-8") == "new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomicfile.os, "replace", disk_full)
    with pytest.raises(OSError):
        replace_file(report, "new")
    assert report.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_reports_and_baselines_are_readable_by_others(workspace: Path, umask_022: object) -> None:
    assert main(["check", "--format", "sarif", "-o", "report.sarif"]) == 1
    assert main(["check", "--write-baseline", "baseline.json"]) == 0
    for name in ("report.sarif", "baseline.json"):
        assert (workspace / name).stat().st_mode & 0o777 == 0o644
