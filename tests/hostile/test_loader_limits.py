"""Hostile corpora and claims files (issue 19, items 7 and 9): one bad file or line is
reported (exit 3) and the rest is checked; no traceback, no runaway time.

Lone surrogates written as JSON or YAML escapes, nesting hundreds deep, integers
past Python's 4,300-digit limit and numbers of absurd magnitude are refused by the
loaders, each naming the file, the line and, for a claim, the field.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.cli import main

RULES = 'measure killed: count\n    when "killed"\n\nrule tolls_agree: killed agree within 10%\n'
GOOD_A = "---\nsource: Alpha\ndate: 2024-12-23\n---\nAbout 1,000 people were killed.\n"
GOOD_B = "---\nsource: Beta\ndate: 2024-12-23\n---\nAbout 2,000 people were killed.\n"
SURROGATE = "\\ud800"  # as written in JSON or YAML: a lone surrogate once decoded


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with r.rules and corpus/ holding two articles that disagree."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.rules").write_text(RULES, encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.md").write_text(GOOD_A, encoding="utf-8")
    (folder / "b.md").write_text(GOOD_B, encoding="utf-8")
    return folder


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args, "--rules", "r.rules", "--no-cache"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def _json_line(text: str, **fields: str) -> str:
    pairs = [f'"{key}": {value}' for key, value in {"text": json.dumps(text), **fields}.items()]
    return "{" + ", ".join(pairs) + "}\n"


def _rest_was_checked(out: str, documents: int) -> None:
    data = json.loads(out)
    assert data["documents"] == documents
    assert {f["rule"] for f in data["findings"]} == {"tolls_agree"}


# ------------------------------------------------------------------ lone surrogates


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_a_lone_surrogate_in_a_jsonl_source_is_a_bad_line_in_every_format(
    corpus: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    bad = _json_line("About 3,000 people were killed.", source=f'"x{SURROGATE}"')
    good = _json_line("About 1,050 people were killed.", source='"Gamma"')
    (corpus / "batch.jsonl").write_text(bad + good, encoding="utf-8")
    code, out, err = _check(capsys, "corpus", "--format", fmt)
    assert code == 3
    assert "corpus/batch.jsonl:1:" in err
    assert "`source`" in err and "surrogate" in err
    assert "corpus/batch.jsonl:2" not in err
    if fmt == "json":
        _rest_was_checked(out, 3)


def test_a_lone_surrogate_in_jsonl_text_is_a_bad_line(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = '{"text": "About 3,000 people ' + SURROGATE + ' were killed.", "source": "G"}\n'
    (corpus / "batch.jsonl").write_text(line, encoding="utf-8")
    code, out, err = _check(capsys, "corpus", "--format", "json")
    assert code == 3
    assert "corpus/batch.jsonl:1:" in err and "`text`" in err and "surrogate" in err
    _rest_was_checked(out, 2)


def test_a_lone_surrogate_in_extract_output_is_a_bad_line(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _json_line("About 3,000 people were killed.", source=f'"x{SURROGATE}"')
    (corpus / "batch.jsonl").write_text(line, encoding="utf-8")
    assert main(["extract", "corpus", "--rules", "r.rules", "--no-cache"]) == 3
    out, err = capsys.readouterr()
    assert "corpus/batch.jsonl:1:" in err and "Traceback" not in err
    assert "a.md" in out


def test_a_lone_surrogate_in_front_matter_is_a_bad_file(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "c.md").write_text(
        f'---\nsource: "x{SURROGATE}"\n---\nAbout 3,000 people were killed.\n', encoding="utf-8"
    )
    for fmt in ("text", "sarif", "github"):
        code, _, err = _check(capsys, "corpus", "--format", fmt)
        assert code == 3
        assert "corpus/c.md:2:9: error:" in err and "surrogate" in err
    code, out, _ = _check(capsys, "corpus", "--format", "json")
    _rest_was_checked(out, 2)


def test_a_lone_surrogate_in_a_manifest_is_reported(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "c.txt").write_text("About 3,000 people were killed.\n", encoding="utf-8")
    (corpus / "manifest.yaml").write_text(f'c.txt:\n  source: "x{SURROGATE}"\n', encoding="utf-8")
    code, _, err = _check(capsys, "corpus", "--format", "text")
    assert code == 3
    assert "corpus/manifest.yaml:2:11: error:" in err and "surrogate" in err


def test_a_lone_surrogate_in_a_claims_file_is_a_bad_line(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = corpus.parent / "claims.jsonl"
    base = '"measure": "killed", "document": "a.md", "low": {0}, "high": {0}, "source": "{1}"'
    lines = [base.format(1000, "A"), base.format(2000, f"B{SURROGATE}"), base.format(3000, "C")]
    claims.write_text("".join("{" + line + "}\n" for line in lines), encoding="utf-8")
    for fmt in ("text", "sarif", "github"):
        code, _, err = _check(capsys, "--claims", "claims.jsonl", "--format", fmt)
        assert code == 3
        assert "claims.jsonl:2:" in err and "`source`" in err and "surrogate" in err
    code, out, _ = _check(capsys, "--claims", "claims.jsonl", "--format", "json")
    assert json.loads(out)["claims"] == 2


# ------------------------------------------------------------------ nesting


def test_front_matter_nested_500_deep_is_a_bad_file(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "[" * 500 + "]" * 500
    (corpus / "c.md").write_text(f"---\nextra: {deep}\n---\nText.\n", encoding="utf-8")
    code, out, err = _check(capsys, "corpus", "--format", "json")
    assert code == 3
    assert "corpus/c.md:2:" in err and "nested" in err
    _rest_was_checked(out, 2)


def test_a_manifest_nested_500_deep_is_reported(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "[" * 500 + "]" * 500
    (corpus / "manifest.yaml").write_text(f"a.md: {deep}\n", encoding="utf-8")
    code, out, err = _check(capsys, "corpus", "--format", "json")
    assert code == 3
    assert "corpus/manifest.yaml:1:" in err and "nested" in err
    _rest_was_checked(out, 2)


@pytest.mark.parametrize("depth", [500, 5000])
def test_a_jsonl_article_nested_deep_is_a_bad_line(
    corpus: Path, capsys: pytest.CaptureFixture[str], depth: int
) -> None:
    deep = "[" * depth + "]" * depth
    (corpus / "batch.jsonl").write_text(_json_line("Text.", extra=deep), encoding="utf-8")
    code, out, err = _check(capsys, "corpus", "--format", "json")
    assert code == 3
    assert "corpus/batch.jsonl:1:" in err and "nested" in err
    _rest_was_checked(out, 2)


def test_a_claims_line_nested_deep_is_a_bad_line(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = '{"measure": "killed", "document": "a.md", "low": 5, "high": 5}\n'
    bad = '{"measure": "killed", "document": "a.md", "low": 5, "high": 5, "x": '
    deep = "[" * 5000 + "]" * 5000
    (corpus.parent / "claims.jsonl").write_text(good + bad + deep + "}\n", encoding="utf-8")
    code, _, err = _check(capsys, "--claims", "claims.jsonl")
    assert code == 3
    assert "claims.jsonl:2:" in err and "nested" in err


# ------------------------------------------------------------------ huge numbers


def test_a_5000_digit_integer_in_a_jsonl_article_is_a_bad_line(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "batch.jsonl").write_text(_json_line("Text.", id="1" * 5000), encoding="utf-8")
    code, out, err = _check(capsys, "corpus", "--format", "json")
    assert code == 3
    assert "corpus/batch.jsonl:1:" in err and "`id`" in err
    _rest_was_checked(out, 2)


@pytest.mark.parametrize("key", ["source", "extra"])
def test_a_5000_digit_integer_in_front_matter_is_a_bad_file(
    corpus: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    (corpus / "c.md").write_text(f"---\n{key}: {'1' * 5000}\n---\nText.\n", encoding="utf-8")
    code, out, err = _check(capsys, "corpus", "--format", "json")
    assert code == 3
    assert f"corpus/c.md:2:{len(key) + 3}: error:" in err and "digits" in err
    _rest_was_checked(out, 2)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("high", "1e4400"),
        ("high", "1" * 5000),
        ("low", "1e-4400"),
        ("high", "10000000000000001"),
        ("high", "1.2345678901234567"),
        ("start", "1" * 5000),
        ("unknown", "1" * 5000),
    ],
)
def test_a_claims_number_out_of_range_names_its_line_and_field(
    corpus: Path, capsys: pytest.CaptureFixture[str], field: str, value: str
) -> None:
    fields = {"measure": '"killed"', "document": '"a.md"', "low": "1", "high": "2", field: value}
    bad = "{" + ", ".join(f'"{key}": {text}' for key, text in fields.items()) + "}\n"
    good = '{"measure": "killed", "document": "b.md", "low": 5, "high": 5}\n'
    (corpus.parent / "claims.jsonl").write_text(good + bad + good, encoding="utf-8")
    code, out, err = _check(capsys, "--claims", "claims.jsonl", "--format", "json")
    assert code == 3
    assert "claims.jsonl:2:" in err and f"`{field}`" in err and "10^15" in err
    assert json.loads(out)["claims"] == 2


def test_claims_numbers_inside_the_bounds_are_read(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        '{"measure": "killed", "document": "a.md", "low": 1e15, "high": 1000000000000000}',
        '{"measure": "killed", "document": "a.md", "low": 0.000000000000001, "high": 1.5e2}',
        '{"measure": "killed", "document": "a.md", "low": 0e-9, "high": 123456789012345}',
        '{"measure": "killed", "document": "a.md", "low": 0, "high": 12345678901234.5}',
    ]
    (corpus.parent / "claims.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = _check(capsys, "--claims", "claims.jsonl", "--format", "json")
    assert code in (0, 1), err
    assert json.loads(out)["claims"] == 4


def _run_in_process(claims: Path) -> subprocess.CompletedProcess[str]:
    args = ["check", "--claims", str(claims), "--rules", "r.rules", "--no-cache"]
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *args],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )


def test_a_66_byte_claims_file_with_a_vast_exponent_is_refused_at_once(corpus: Path) -> None:
    claims = corpus.parent / "claims.jsonl"
    claims.write_text(
        '{"measure":"killed","document":"a","low":1,"high":1e999999999}\n', encoding="utf-8"
    )
    done = _run_in_process(claims)
    assert done.returncode == 3
    assert f"{claims}:1:" in done.stderr and "`high`" in done.stderr
    assert "Traceback" not in done.stderr


def test_zero_with_a_vast_exponent_is_zero_at_once(corpus: Path) -> None:
    claims = corpus.parent / "claims.jsonl"
    claims.write_text(
        '{"measure":"killed","document":"a","low":0e999999999,"high":1}\n', encoding="utf-8"
    )
    done = _run_in_process(claims)
    assert done.returncode == 0, done.stderr
