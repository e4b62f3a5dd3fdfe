"""A check whose options and inputs are unchanged is replayed; any change makes it run again.

Each change below is made between two cached runs. The second run must really
run (the pipeline is called) and print what a run without any cache prints.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from replaycount import Runs

import crosscheck.fs.witness as inputs
from crosscheck.cli.commands import check
from crosscheck.cli.commands.check_request import CheckCall
from crosscheck.cli.main import main
from crosscheck.config.discover import Found

ARTICLE = "corpus/2024-12-23_harbor-ledger_spy-agency-toll.md"
JSON = ["check", "--format", "json", "-j", "1"]


def output_of(
    capsys: pytest.CaptureFixture[str], *args: str, today: date | None = None
) -> tuple[int, str]:
    code = main(list(args), today=today)
    return code, capsys.readouterr().out


def test_an_unchanged_check_is_replayed_with_the_same_output_and_exit_code(
    workspace: Path, runs: Runs, capsys: pytest.CaptureFixture[str]
) -> None:
    first = output_of(capsys, *JSON)
    assert runs.count == 1
    assert output_of(capsys, *JSON) == first
    assert output_of(capsys, *JSON, "-o", "report.json") == (first[0], "")
    assert (workspace / "report.json").read_text(encoding="utf-8") == first[1]
    assert runs.count == 1
    assert first == output_of(capsys, *JSON, "--no-cache")


def _append(path: str, text: str) -> Callable[[Path], None]:
    def change(workspace: Path) -> None:
        with open(workspace / path, "a", encoding="utf-8") as handle:
            handle.write(text)

    return change


def _write(path: str, text: str) -> Callable[[Path], None]:
    def change(workspace: Path) -> None:
        (workspace / path).parent.mkdir(parents=True, exist_ok=True)
        (workspace / path).write_text(text, encoding="utf-8")

    return change


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(workspace: Path) -> None:
        text = (workspace / path).read_text(encoding="utf-8")
        (workspace / path).write_text(text.replace(old, new), encoding="utf-8")

    return change


def _remove(path: str) -> Callable[[Path], None]:
    return lambda workspace: (workspace / path).unlink()


NEW_ARTICLE = "Officials said 40,000 North Korean troops had been killed near Kursk.\n"
CHANGES = {
    "article edited": _append(ARTICLE, "\nAt least 9,000 soldiers were killed, it said.\n"),
    "a figure changed, same size": _replace(ARTICLE, "around 100 North", "around 900 North"),
    "article added": _write("corpus/new-report.md", NEW_ARTICLE),
    "article added in a new subfolder": _write("corpus/late/new-report.md", NEW_ARTICLE),
    "article removed": _remove(ARTICLE),
    "manifest edited": _append("corpus/manifest.yaml", "\n"),
    "rule file edited": _append("rules/nk_deployment.rules", "\n# a comment\n"),
    "rule file added": _write("rules/more.rules", "# rules to come\n"),
}


def test_a_fresh_copy_of_the_same_files_is_still_replayed(
    workspace: Path, runs: Runs, capsys: pytest.CaptureFixture[str]
) -> None:
    first = output_of(capsys, *JSON)
    for folder in ("corpus", "rules"):  # new inodes and times, as in a fresh checkout
        shutil.copytree(workspace / folder, workspace / "copy")
        shutil.rmtree(workspace / folder)
        (workspace / "copy").rename(workspace / folder)
    assert output_of(capsys, *JSON) == first
    assert runs.count == 1


@pytest.mark.parametrize("change", CHANGES.values(), ids=list(CHANGES))
def test_a_changed_input_makes_the_check_run_again(
    workspace: Path,
    runs: Runs,
    capsys: pytest.CaptureFixture[str],
    change: Callable[[Path], None],
) -> None:
    output_of(capsys, *JSON)
    change(workspace)
    again = output_of(capsys, *JSON)
    assert runs.count == 2
    assert again == output_of(capsys, *JSON, "--no-cache")


OPTIONS = {
    "format": ["--format", "sarif"],
    "fail-on": ["--fail-on", "never"],
    "undecided": ["--show-undecided"],
    "corpus path": ["corpus/" + ARTICLE.split("/")[1]],
}


@pytest.mark.parametrize("extra", OPTIONS.values(), ids=list(OPTIONS))
def test_other_options_are_other_runs(
    workspace: Path, runs: Runs, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    output_of(capsys, *JSON)
    other = output_of(capsys, *JSON, *extra)
    assert runs.count == 2
    assert other == output_of(capsys, *JSON, *extra, "--no-cache")


def test_an_edited_baseline_makes_the_check_run_again(
    workspace: Path, runs: Runs, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--write-baseline", "baseline.json"]) == 0
    assert output_of(capsys, "check", "--baseline", "baseline.json")[0] == 0
    empty = '{"crosscheck_baseline": 1, "violations": []}'
    (workspace / "baseline.json").write_text(empty, encoding="utf-8")
    assert output_of(capsys, "check", "--baseline", "baseline.json")[0] == 1
    assert runs.count == 3


# One value for every option of ``check`` but -o, --jobs and --no-cache (as typed).
OTHER_OPTIONS = {
    "paths": ["corpus/a.md"],
    "rules": ["--rules", "other.rules"],
    "manifest": ["--manifest", "manifest.csv"],
    "exclude": ["--exclude", "drafts/"],
    "respect_gitignore": ["--no-respect-gitignore"],
    "config_file": ["--config", "other.toml"],
    "fmt": ["--format", "sarif"],
    "fail_on": ["--fail-on", "warning"],
    "select": ["--select", "death_*"],
    "ignore": ["--ignore", "severity:info"],
    "cache_dir": ["--cache-dir", "elsewhere"],
    "claims": ["--claims", "claims.jsonl"],
    "engine": ["--engine", "dask"],
    "scheduler": ["--scheduler", "tcp://127.0.0.1:8786"],
    "baseline": ["--baseline", "baseline.json"],
    "show_undecided": ["--show-undecided"],
    "cite": ["--cite", "2"],
    "pairs": ["--pairs"],
    "statistics": ["--statistics"],
    "strict": ["--strict"],
    "quiet": ["--quiet"],
    "verbose": ["--verbose"],
    "project_root": ["--project-root", "elsewhere"],
}


def _call_of(monkeypatch: pytest.MonkeyPatch, *args: str) -> CheckCall:
    """The call ``check`` makes of its options (nothing runs)."""
    calls: list[CheckCall] = []
    monkeypatch.setattr(check, "replay_or_run", lambda call, *rest: calls.append(call) or 0)
    monkeypatch.setattr(check, "discover_or_exit", lambda explicit: Found(None, None))
    assert main(["check", *args]) == 0
    return calls[-1]


def test_every_option_but_output_jobs_and_cache_is_part_of_the_replay_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    names = {p.name for p in check.check_command.params} - {"help"}
    assert names - set(OTHER_OPTIONS) == {"output", "jobs", "no_cache", "color", "write_baseline"}
    base = _call_of(monkeypatch).replay_key()
    assert base is not None
    for name, args in OTHER_OPTIONS.items():
        assert _call_of(monkeypatch, *args).replay_key() != base, name
    assert _call_of(monkeypatch, "-o", "report.json", "-j", "4").replay_key() == base
    assert _call_of(monkeypatch, "--write-baseline", "b.json").replay_key() is None
    assert _call_of(monkeypatch, "--color", "always").replay_key() is None


def test_the_configuration_the_folder_and_the_default_format_are_part_of_the_replay_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    call = _call_of(monkeypatch)
    others = {
        "config": (str(Path("/work/pyproject.toml")), "{'corpus': ['news']}", "/work"),
        "cwd": "/elsewhere",  # paths are relative to it
        "default_format": "github",
    }
    for name, value in others.items():
        assert replace(call, **{name: value}).replay_key() != call.replay_key(), name


def test_a_run_is_replayed_on_other_days_only_while_its_waivers_stay_as_they_were(
    workspace: Path, runs: Runs, capsys: pytest.CaptureFixture[str]
) -> None:
    waiver = 'waive death_tolls_agree reason "judged by the desk" until 2030-06-30\n'
    _write("rules/waivers.rules", waiver)(workspace)
    june = output_of(capsys, *JSON, today=date(2030, 6, 1))
    the_last_day = date(2030, 6, 30)  # the waiver's last day
    assert output_of(capsys, *JSON, today=the_last_day) == june
    assert runs.count == 1
    # expired: its findings are back, and it says so
    july = output_of(capsys, *JSON, today=date(2030, 7, 1))
    assert runs.count == 2
    assert july != june
    assert "expired" in july[1]
    assert output_of(capsys, *JSON, today=date(2031, 1, 1)) == july
    assert runs.count == 2


def test_files_changed_just_before_a_run_are_not_vouched_for(
    workspace: Path, runs: Runs, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(inputs, "SETTLE_NS", 3600 * 10**9)  # everything is "just written"
    first = output_of(capsys, *JSON)
    assert output_of(capsys, *JSON) == first
    assert runs.count == 2


def test_runs_that_write_a_baseline_or_find_unreadable_input_are_not_replayed(
    workspace: Path, runs: Runs, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(2):
        assert main(["check", "--write-baseline", "baseline.json"]) == 0
    (workspace / "corpus" / "broken.md").write_bytes(b"\xff\xfe\x00bad")
    for _ in range(2):
        assert main(JSON) == 3
    assert runs.count == 4


def test_a_damaged_run_record_is_dropped_and_the_check_runs(
    workspace: Path, runs: Runs, capsys: pytest.CaptureFixture[str]
) -> None:
    first = output_of(capsys, *JSON)
    with sqlite3.connect(workspace / ".crosscheck" / "claims.sqlite") as db:
        flipped = "replace(payload, '\"exit_code\":1', '\"exit_code\":0')"
        db.execute(f"UPDATE runs SET payload = {flipped}")
    assert output_of(capsys, *JSON) == first
    assert runs.count == 2


def test_a_replay_takes_up_new_stamps_so_the_next_one_reads_no_file(
    workspace: Path, runs: Runs, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = output_of(capsys, *JSON)
    for path in (workspace / "corpus").iterdir():  # a fresh checkout: same bytes, new stamps
        path.write_bytes(path.read_bytes())
    hashed: list[object] = []
    real_hash = inputs.content_hash
    monkeypatch.setattr(inputs, "content_hash", lambda path: hashed.append(path) or real_hash(path))
    assert output_of(capsys, *JSON) == first
    assert len(hashed) == len(list((workspace / "corpus").iterdir()))
    hashed.clear()
    assert output_of(capsys, *JSON) == first
    assert hashed == []
    assert runs.count == 1


def test_a_file_name_that_is_not_utf8_is_cached_like_any_other(
    workspace: Path, runs: Runs, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    shutil.copy(ARTICLE, os.fsdecode(b"corpus/report-\xff.md"))

    def check(*extra: str) -> tuple[int, bytes]:
        return main([*JSON, *extra]), capsysbinary.readouterr().out

    first = check()
    assert b"corpus/report-\\udcff.md" in first[1]  # the stray byte, escaped
    assert check() == first
    assert runs.count == 1
    assert check("--no-cache") == first
    assert check("-o", "report.json") == (first[0], b"")
    assert (workspace / "report.json").read_bytes() == first[1]
