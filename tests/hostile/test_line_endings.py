"""Rule files with CR-only or CRLF line ends (issue 19, item 15) read exactly like the
same file with LF line ends: the same rules, the same positions in errors and lint
findings; ``fmt`` keeps the file's own line ending.

Before the fix a ``#`` comment ran to the next ``\\n``, so a CR-only file whose first
line was a comment held no statements at all: ``0 rules``, exit 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.cli import main

RULES = """\
# Deaths reported by the sources must agree.
measure killed: count  # a count of people
    when "killed"

measure wounded: count
    when "wounded"

rule tolls_agree: killed agree within 10%
"""
ARTICLE_A = "---\nsource: Alpha\ndate: 2024-12-23\n---\nAbout 1,000 people were killed.\n"
ARTICLE_B = "---\nsource: Beta\ndate: 2024-12-23\n---\nAbout 2,000 people were killed.\n"
ENDINGS = {"cr": "\r", "crlf": "\r\n"}


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with corpus/ holding two articles that disagree."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "corpus" / "b.md").write_text(ARTICLE_B, encoding="utf-8")
    return tmp_path


def _write(path: Path, text: str, ending: str) -> Path:
    path.write_bytes(text.replace("\n", ending).encode("utf-8"))
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("ending", ENDINGS)
def test_a_rule_file_checks_the_same_whatever_its_line_ends(
    work: Path, capsys: pytest.CaptureFixture[str], ending: str
) -> None:
    _write(work / "lf.rules", RULES, "\n")
    _write(work / "other.rules", RULES, ENDINGS[ending])
    lf = _run(capsys, "check", "corpus", "--rules", "lf.rules", "--no-cache", "--format", "json")
    other = _run(
        capsys, "check", "corpus", "--rules", "other.rules", "--no-cache", "--format", "json"
    )
    assert other[0] == lf[0] == 1
    report = json.loads(other[1])
    assert report["rules"] == 1
    assert [f["rule"] for f in report["findings"]] == ["tolls_agree"]
    assert report["findings"] == json.loads(lf[1])["findings"]


@pytest.mark.parametrize("ending", ENDINGS)
def test_errors_point_at_the_same_line_and_column(
    work: Path, capsys: pytest.CaptureFixture[str], ending: str
) -> None:
    broken = RULES.replace("rule tolls_agree: killed agree", "rule tolls_agree: kiled agree")
    _write(work / "r.rules", broken, ENDINGS[ending])
    code, _, err = _run(capsys, "check", "corpus", "--rules", "r.rules", "--no-cache")
    assert code == 2
    assert "r.rules:8:19: error: rule `tolls_agree`: undefined measure `kiled`" in err
    assert "   8 | rule tolls_agree: kiled agree within 10%\n" in err


@pytest.mark.parametrize("ending", ENDINGS)
def test_syntax_errors_and_bad_bytes_point_at_the_same_line(
    work: Path, capsys: pytest.CaptureFixture[str], ending: str
) -> None:
    _write(work / "r.rules", RULES.replace("within 10%", "within %"), ENDINGS[ending])
    code, _, err = _run(capsys, "check", "corpus", "--rules", "r.rules", "--no-cache")
    assert code == 2 and "r.rules:8:" in err
    data = RULES.replace("\n", ENDINGS[ending]).encode("utf-8").replace(b"wounded", b"w\xffunded")
    (work / "r.rules").write_bytes(data)
    code, _, err = _run(capsys, "check", "corpus", "--rules", "r.rules", "--no-cache")
    assert code == 2
    assert "r.rules:5:10: error: rule file is not UTF-8 text (byte 0xff)" in err


@pytest.mark.parametrize("ending", ENDINGS)
def test_lint_findings_and_ignores_keep_their_lines(
    work: Path, capsys: pytest.CaptureFixture[str], ending: str
) -> None:
    _write(work / "r.rules", RULES, ENDINGS[ending])
    code, out, _ = _run(capsys, "lint", "r.rules")
    assert code == 1
    assert out.startswith("r.rules:5:1: warning[unused-measure]")
    ignored = RULES.replace(
        "measure wounded: count", "measure wounded: count  # lint: ignore[unused-measure] later"
    )
    _write(work / "r.rules", ignored, ENDINGS[ending])
    assert _run(capsys, "lint", "r.rules")[0] == 0


@pytest.mark.parametrize("ending", ENDINGS)
def test_fmt_keeps_the_files_own_line_ending(
    work: Path, capsys: pytest.CaptureFixture[str], ending: str
) -> None:
    newline = ENDINGS[ending]
    path = _write(work / "r.rules", RULES, newline)
    assert _run(capsys, "fmt", "--check", "r.rules")[0] == 0  # canonical as it is
    messy = RULES.replace("measure wounded: count", "measure   wounded:count")
    _write(path, messy, newline)
    assert _run(capsys, "fmt", "r.rules")[0] == 0
    assert path.read_bytes() == RULES.replace("\n", newline).encode("utf-8")
    assert _run(capsys, "fmt", "--check", "r.rules")[0] == 0


def test_fmt_gives_a_file_of_mixed_line_ends_its_first_lines_ending(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = work / "r.rules"
    path.write_bytes(RULES.replace("\n", "\r\n", 2).encode("utf-8"))
    assert _run(capsys, "fmt", "--check", "r.rules")[0] == 1
    assert _run(capsys, "fmt", "r.rules")[0] == 0
    assert path.read_bytes() == RULES.replace("\n", "\r\n").encode("utf-8")
