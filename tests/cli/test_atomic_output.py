"""Output files are replaced in one step, with the permissions a user expects."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import crosscheck.fs.atomic as atomicfile
from crosscheck.cli.main import main
from crosscheck.fs.atomic import replace_file


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


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "shared.rules").write_text("old", encoding="utf-8")
    link = tmp_path / "rules.rules"
    link.symlink_to("shared.rules")
    replace_file(link, "new")
    assert link.is_symlink()
    assert (tmp_path / "shared.rules").read_text(encoding="utf-8") == "new"


def test_what_is_not_a_regular_file_is_written_in_place(tmp_path: Path) -> None:
    null = tmp_path / "null"
    null.symlink_to(os.devnull)
    replace_file(null, "discarded")
    assert null.is_symlink() and null.resolve() == Path(os.devnull).resolve()
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    with pytest.raises(IsADirectoryError):
        replace_file(tmp_path, "a folder is no file")


def test_a_private_file_is_never_readable_by_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_022: None
) -> None:
    secret = tmp_path / "report.json"
    secret.write_text("old", encoding="utf-8")
    secret.chmod(0o600)
    modes: list[int] = []
    real_open = os.open

    def watched(path: str | Path, flags: int, mode: int = 0o777) -> int:
        fd = real_open(path, flags, mode)
        modes.append(os.fstat(fd).st_mode & 0o777)
        return fd

    monkeypatch.setattr(atomicfile.os, "open", watched)
    replace_file(secret, "new")
    assert modes == [0o600]


def test_a_long_output_name_is_no_problem(tmp_path: Path) -> None:
    long_name = tmp_path / ("r" * 250 + ".json")
    replace_file(long_name, "{}")
    assert long_name.read_text(encoding="utf-8") == "{}"


def test_an_unwritable_output_still_lets_unreadable_input_be_reported(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "corpus" / "broken.md").write_bytes(b"\xff\xfe\x00bad")
    (workspace / "out").mkdir()
    assert main(["check", "-o", "out"]) == 2
    err = capsys.readouterr().err
    assert "cannot write out: Is a directory" in err
    assert "corpus/broken.md" in err
