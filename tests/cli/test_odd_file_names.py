"""A file whose name is not UTF-8 is checked, cited and cached like any other."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from crosscheck.cli.main import main

ODD = b"corpus/report-\xff.md"
UTF8_FORMATS = ["json", "sarif", "junit", "html"]


@pytest.fixture
def odd_name(workspace: Path) -> Path:
    shutil.copy("corpus/2024-12-23_harbor-ledger_spy-agency-toll.md", os.fsdecode(ODD))
    return workspace


def _check(capsys: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, bytes]:
    code = main(["check", "-j", "1", *args])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("fmt", UTF8_FORMATS)
def test_formats_that_must_be_utf8_stay_utf8(
    odd_name: Path, capsysbinary: pytest.CaptureFixture[bytes], fmt: str
) -> None:
    code, out = _check(capsysbinary, "--format", fmt, "--no-cache")
    assert code == 1
    text = out.decode("utf-8")  # raises if a stray byte got through
    assert "report-" in text


def test_json_gives_back_the_name_and_sarif_a_uri(
    odd_name: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    report = json.loads(_check(capsysbinary, "--format", "json")[1])
    cited = {
        os.fsencode(c["document"])
        for f in report["findings"]
        for group in f["cited"]
        for c in group["claims"]
    }
    assert ODD in cited
    sarif = _check(capsysbinary, "--format", "sarif")[1].decode("utf-8")
    assert "corpus/report-%FF.md" in sarif


def test_plain_text_prints_the_stray_byte_as_an_escape(
    odd_name: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    # As git quotes such a name: a raw byte could be a terminal control (0x9b is CSI).
    out = _check(capsysbinary, "--format", "text")[1]
    assert b"corpus/report-\\xff.md:" in out
    out.decode("utf-8")  # raises if a stray byte got through


def test_a_baseline_accepts_its_findings(
    odd_name: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["check", "--write-baseline", "baseline.json"]) == 0
    assert (odd_name / "baseline.json").read_bytes().decode("utf-8")
    assert _check(capsysbinary, "--baseline", "baseline.json")[0] == 0
