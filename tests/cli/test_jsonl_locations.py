"""Findings in a JSON-lines corpus point at the real file, on its own line and column,
in every format: the line of the record, the column of the number as the line writes
it (escapes such as \\n, \\", \\u00e9 and surrogate pairs before it counted as written)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from crosscheck.cli.main import main

RULES = """\
subject residents = "residents" | "people"

measure evacuated: count of residents
    when "evacuated"

rule evacuations_agree: evacuated agree within 10%
"""
FIRST = {
    "source": "Valley Post",
    "text": "Flooding hit Brindlemoor.\nOfficials said 1,200 residents were evacuated.",
}
SECOND = {
    "source": "Ridge Herald",
    "text": 'The "river" caf\u00e9 closed \U0001f30a.\r\nAbout 3,000 residents were evacuated.',
}
FILE = "arts/a.jsonl"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[int, int]]:
    """arts/a.jsonl (records on lines 1 and 3) and rules/; where each number is written."""
    (tmp_path / "arts").mkdir()
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "demo.rules").write_text(RULES, encoding="utf-8")
    lines = [json.dumps(FIRST), "", json.dumps(SECOND, ensure_ascii=True)]
    assert "\\ud83c\\udf0a" in lines[2] and '\\"river\\"' in lines[2]
    (tmp_path / FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first, second = lines[0].index("1,200") + 1, lines[2].index("About") + 1
    return {"1,200": (1, first), "About 3,000": (3, second)}


def _check(capsys: pytest.CaptureFixture[str], fmt: str) -> str:
    assert main(["check", "arts", "--rules", "rules", "--format", fmt, "--no-cache"]) == 1
    return capsys.readouterr().out


def test_text_names_the_file_line_and_column(
    corpus: dict[str, tuple[int, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    out = _check(capsys, "text")
    line, column = corpus["1,200"]
    assert out.startswith(f"{FILE}:{line}:{column}: error[evacuations_agree]")
    line, column = corpus["About 3,000"]
    assert f"at {FILE}:{line}:{column} —" in out


def test_github_annotations_name_the_file(
    corpus: dict[str, tuple[int, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    line, column = corpus["1,200"]
    out = _check(capsys, "github")
    assert out.startswith(f"::error file={FILE},line={line},col={column},title=")


def test_sarif_locations_name_the_file(
    corpus: dict[str, tuple[int, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    (result,) = json.loads(_check(capsys, "sarif"))["runs"][0]["results"]
    places = [result["locations"][0], *result["relatedLocations"]]
    found = [
        (
            p["physicalLocation"]["artifactLocation"]["uri"],
            p["physicalLocation"]["region"]["startLine"],
            p["physicalLocation"]["region"]["startColumn"],
            p["physicalLocation"]["region"]["endColumn"],
        )
        for p in places
    ]
    (line1, col1), (line3, col3) = corpus["1,200"], corpus["About 3,000"]
    assert found == [
        (FILE, line1, col1, col1 + len("1,200")),
        (FILE, line3, col3, col3 + len("About 3,000")),
    ]


def test_json_keeps_the_document_and_adds_the_file(
    corpus: dict[str, tuple[int, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    report = json.loads(_check(capsys, "json"))
    claims = [c for f in report["findings"] for g in f["cited"] for c in g["claims"]]
    seen = {(c["document"], c["file"], c["line"], c["column"]) for c in claims}
    line, column = corpus["1,200"]
    assert (f"{FILE}:1", FILE, line, column) in seen
    assert all(c["document"] != c["file"] for c in claims)  # documents stay apart


def test_junit_cases_name_the_file(
    corpus: dict[str, tuple[int, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    line, column = corpus["1,200"]
    cases = ET.fromstring(_check(capsys, "junit")).iter("testcase")
    assert [c.get("name", "").split(": ")[0] for c in cases] == [f"{FILE}:{line}:{column}"]


def test_explain_reads_the_file_line_and_column_back(
    corpus: dict[str, tuple[int, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    line, column = corpus["About 3,000"]
    where = f"{FILE}:{line}:{column}"
    assert main(["explain", "--rules", "rules", "--claim", where]) == 0
    out = capsys.readouterr().out
    assert out.startswith(where + "\n")
    assert f'{line}:{column} "About 3,000" → [2,700, 3,300]: a evacuated claim' in out
