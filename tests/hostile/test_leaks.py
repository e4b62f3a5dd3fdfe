"""Issue 19, item 16: messages quote at most a short escaped excerpt of an input.

A rule file importing ``/etc/shadow`` (or a ``*.rules`` link to it), ``--manifest``
given a file that is no manifest, an over-long value in a claims file, a raw NUL: the
message names file:line:column and says what is wrong without printing the file's
text, and never shows crosscheck's internal types.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from crosscheck.cli import main

from .sample import copy_sample

SECRET = "root:$6$s3cr3tHashThatMustNotLeak:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"
CHECK = ["check", "corpus", "-j", "1", "--no-cache"]


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_sample(tmp_path / "work", monkeypatch)
    (tmp_path / "shadow").write_text(SECRET, encoding="utf-8")
    return tmp_path


def _err(capsys: pytest.CaptureFixture[str], args: list[str], code: int) -> str:
    assert main(args) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Fraction(" not in err
    return err


def test_an_imported_file_that_is_no_rule_file_is_not_quoted(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("top.rules").write_text(f'import "{sample / "shadow"}"\n', encoding="utf-8")
    err = _err(capsys, [*CHECK, "--rules", "top.rules"], 2)
    assert f"{sample / 'shadow'}:1:1: error:" in err
    assert "s3cr3t" not in err and "daemon" not in err


def test_a_rules_link_to_another_file_is_not_quoted(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink(sample / "shadow", "rules/zz.rules")
    err = _err(capsys, [*CHECK, "--rules", "rules"], 2)
    assert "rules/zz.rules:1:1: error:" in err
    assert "s3cr3t" not in err and "daemon" not in err


def test_a_long_rule_line_is_quoted_as_an_excerpt_around_the_column(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    padding = "a" * 200
    Path("long.rules").write_text(
        f'measure m: count\n    when "{padding}" | "b" ~ "c{padding}"\n', encoding="utf-8"
    )
    err = _err(capsys, [*CHECK, "--rules", "long.rules"], 2)
    quoted = next(line for line in err.splitlines() if line.startswith("   2 | "))
    caret = next(line for line in err.splitlines() if line.rstrip().endswith("^"))
    assert len(quoted) <= len("   2 | ") + 62
    assert quoted[len(caret.rstrip()) - 1] == "~"  # the caret is under the bad character
    assert "long.rules:2:" in err


def test_a_short_rule_line_is_still_quoted_whole(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("bad.rules").write_text("measure m: count\nrule r: m agree within x\n", encoding="utf-8")
    err = _err(capsys, [*CHECK, "--rules", "bad.rules"], 2)
    assert "   2 | rule r: m agree within x" in err


def test_a_file_that_is_no_manifest_is_not_printed(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("notes.yaml", str(sample / "shadow")):
        if name == "notes.yaml":
            Path(name).write_text(SECRET, encoding="utf-8")
        err = _err(capsys, [*CHECK, "--rules", "rules", "--manifest", name], 3)
        assert "not a manifest" in err
        assert "s3cr3t" not in err and "daemon" not in err
        assert len(err.strip().splitlines()) == 1


def test_a_manifest_entry_with_a_bad_field_is_still_reported(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("m.yaml").write_text("a.md:\n  date: soon\nb.md:\n  source: B\n", encoding="utf-8")
    err = _err(capsys, [*CHECK, "--rules", "rules", "--manifest", "m.yaml"], 3)
    assert "m.yaml:2:" in err and "bad date 'soon'" in err


def test_long_values_are_quoted_as_short_excerpts(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = {"low": 1, "high": 1, "document": "d", "source": "s"}
    lines = [
        {**base, "measure": "killed", "line": 1000.5},
        {**base, "measure": "x" * 5000},
        {**base, "measure": "killed", "date": "z" * 3000},
        {"measure": "killed", "value": "y" * 3000, "document": "d", "source": "s"},
    ]
    Path("c.jsonl").write_text("".join(json.dumps(c) + "\n" for c in lines), encoding="utf-8")
    err = _err(capsys, ["check", "--claims", "c.jsonl", "--rules", "rules"], 3)
    assert "not 1000.5" in err
    for line in err.splitlines():
        assert len(line) < 300, line
    assert "x" * 61 not in err and "z" * 61 not in err and "y" * 61 not in err
    assert "…" in err


def test_a_raw_nul_is_never_echoed(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("nul.rules").write_text("measure m: count\nrule r: m agree within 1%\x00\n")
    err = _err(capsys, [*CHECK, "--rules", "nul.rules"], 2)
    assert "\x00" not in err and "\\x00" in err
    Path("c.jsonl").write_text(
        json.dumps({"measure": "killed\x00", "low": 1, "high": 1, "document": "d\x00"}) + "\n"
    )
    err = _err(capsys, ["check", "--claims", "c.jsonl", "--rules", "rules"], 3)
    assert "\x00" not in err


@pytest.mark.parametrize(
    "content",
    [
        [],
        {"crosscheck_baseline": 1, "violations": ["just a string"]},
        {"crosscheck_baseline": 1, "violations": [{"rule": 5}]},
        {"crosscheck_baseline": 1, "violations": 7},
    ],
)
def test_a_damaged_baseline_names_no_internal_type(
    sample: Path, capsys: pytest.CaptureFixture[str], content: object
) -> None:
    Path("base.json").write_text(json.dumps(content), encoding="utf-8")
    err = _err(capsys, [*CHECK, "--rules", "rules", "--baseline", "base.json"], 3)
    assert "base.json" in err
    for internal in ("'str'", "'int'", "'list'", "indices", "subscriptable", "iterable"):
        assert internal not in err
