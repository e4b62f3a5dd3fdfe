"""Issue 19, items 3 and 4: input text neither drives the terminal nor starts a line.

Article text, source names, file names, rule messages and baseline notes reach every
human-readable output (the text report, ``extract``, ``explain``, ``lint``, ``fmt
--check``, ``test``, messages on stderr) with their control characters escaped (``\\x1b``,
``\\n``, ``\\u0085``) and lone surrogates too, so an article cannot clear the screen or
print a fake clean report, and a source ``"A\\n::error file=x::INJECTED"`` cannot start
a line that GitHub Actions would run as a workflow command.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from crosscheck.cli import main
from crosscheck.text.escape import shown, shown_lines

from .sample import ARTICLE, RULE_FILE, copy_sample

SCREEN = "\x1b[2J\x1b[H\x1b]0;owned\x07 Clean report: 0 violations"
SOURCE = "News\u0085week\u2028\n::error file=x::INJECTED\x1b[31m"
NEWLINE_NAME = "corpus/a\n::error file=x::INJECTED\x1b[2J.md"
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
CHECK = ["check", "corpus", "--rules", "rules", "-j", "1", "--no-cache"]


def _assert_safe(text: str) -> None:
    """No control character but the newline, and no line an input could have started."""
    assert not UNSAFE.search(text), repr(UNSAFE.search(text))
    assert not any(line.lstrip().startswith("::") for line in text.split("\n"))


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample with a hostile source name and screen-clearing text in a claim's sentence."""
    copy_sample(tmp_path, monkeypatch)
    text = Path(ARTICLE).read_text(encoding="utf-8")
    text = text.replace("source: Newsweek", f"source: {json.dumps(SOURCE)}", 1)
    text = text.replace("even though approximately", f"even though {SCREEN} approximately", 1)
    Path(ARTICLE).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_text_report_escapes_article_text_and_source_names(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(CHECK) == 1
    out, err = capsys.readouterr()
    _assert_safe(out)
    _assert_safe(err)
    assert "News\\u0085week\\u2028\\n::error file=x::INJECTED\\x1b[31m" in out
    assert "\\x1b[2J\\x1b[H\\x1b]0;owned\\x07 Clean report" in out


def test_the_coloured_text_report_escapes_them_too(
    hostile: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(CHECK) == 1
    out = capsys.readouterr().out
    without_colours = re.sub("\x1b\\[[0-9;]*m", "", out)
    _assert_safe(without_colours)
    assert "\x1b[2J" not in out and "\x1b]0;" not in out


def test_extract_escapes_them(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "corpus", "--rules", "rules", "-j", "1", "--no-cache"]) == 0
    out = capsys.readouterr().out
    _assert_safe(out)
    assert "INJECTED" in out


@pytest.mark.parametrize(
    "options",
    [
        ["--measure", "killed"],
        ["--rule", "deaths_within_casualties"],
        ["--claim", ARTICLE],
    ],
)
def test_explain_escapes_them(
    hostile: Path, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    if options[0] == "--claim":  # the line of the sentence with the screen-clearing text
        lines = Path(ARTICLE).read_text(encoding="utf-8").split("\n")
        options = [
            "--claim",
            f"{ARTICLE}:{next(n for n, line in enumerate(lines, 1) if 'owned' in line)}",
        ]
    assert main(["explain", "corpus", "--rules", "rules", *options]) == 0
    out = capsys.readouterr().out
    _assert_safe(out)
    assert "INJECTED" in out or "owned" in out


def test_a_file_name_cannot_start_a_line(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path(NEWLINE_NAME).write_bytes(Path(ARTICLE).read_bytes())
    Path("corpus/b\n::warning::unreadable\x1b[2J.md").write_bytes(b"\xff\xfe\x00broken")
    for args in (CHECK, ["extract", "corpus", "--rules", "rules", "--no-cache"]):
        assert main(args) == 3
        out, err = capsys.readouterr()
        _assert_safe(out)
        _assert_safe(err)
        assert "corpus/a\\n::error file=x::INJECTED\\x1b[2J.md" in out
        assert "corpus/b\\n::warning::unreadable\\x1b[2J.md" in err


def test_a_file_name_that_is_not_utf8_is_escaped_as_its_bytes(
    hostile: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    Path(os.fsdecode(b"corpus/odd-\xff\x9b2J.md")).write_bytes(Path(ARTICLE).read_bytes())
    assert main(CHECK) == 1
    out = capsysbinary.readouterr().out.decode("utf-8")  # no stray byte reaches the output
    assert "corpus/odd-\\xff\\x9b2J.md:" in out


def test_rule_messages_and_claims_files_are_escaped(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("r.rules").write_text(
        'measure killed: count\n    when "killed"\n'
        'rule r: killed agree within 1%\n    message "fine\x1b[2J\x07::error::x"\n',
        encoding="utf-8",
    )
    claims = [
        {
            "measure": "killed",
            "low": n,
            "high": n,
            "stated": f"{n}\x1b[8m",
            "document": d,
            "source": f"S\n::error::{d}",
            "sentence": "a\rb\x1b]0;t\x07",
            "line": 1,
        }
        for n, d in ((100, "d1"), (900, "d2\n::notice::x"))
    ]
    Path("c.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims), encoding="utf-8")
    assert main(["check", "--claims", "c.jsonl", "--rules", "r.rules", "--no-cache"]) == 1
    out, err = capsys.readouterr()
    _assert_safe(out)
    _assert_safe(err)
    assert "fine\\x1b[2J\\x07::error::x" in out


def test_rule_file_errors_are_escaped(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("bad\n::error::x\x1b[2J.rules").write_text(
        'measure m: count\nrule r: m agree within "\x1b]0;owned\x07::error::y"\n',
        encoding="utf-8",
    )
    assert main(["check", "corpus", "--rules", "bad\n::error::x\x1b[2J.rules"]) == 2
    err = capsys.readouterr().err
    _assert_safe(err)
    assert "bad\\n::error::x\\x1b[2J.rules:2:" in err


def test_lint_and_fmt_escape_rule_file_text(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path(RULE_FILE).write_text(
        'measure m: count\n    when "x\x1b[2J" | "x\x1b[2J"\nrule   r: m agree within 1%\n',
        encoding="utf-8",
    )
    assert main(["lint", "rules"]) == 1
    out, err = capsys.readouterr()
    _assert_safe(out)
    _assert_safe(err)
    assert "x\\x1b[2J" in out
    assert main(["fmt", "--check", "rules"]) == 1
    out, err = capsys.readouterr()
    _assert_safe(out)
    assert "x\\x1b[2J" in out


def test_rule_test_names_are_escaped(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("rules/tests").mkdir()
    Path("rules/tests/t.yaml").write_text(
        "rules: ../nk_deployment.rules\ntests:\n"
        '  - name: "fake\\e[2J\\n::error::x"\n'
        "    articles:\n      - source: A\n"
        '        text: "About 1,100 North Korean soldiers were killed."\n'
        "    expect: [death_tolls_agree]\n",
        encoding="utf-8",
    )
    main(["test", "rules"])
    out, err = capsys.readouterr()
    _assert_safe(out)
    _assert_safe(err)
    assert "fake\\x1b[2J\\n::error::x" in out


def test_baseline_notes_are_escaped(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entry = {"fingerprint": "0" * 32, "rule": "r", "summary": "s\n::error::x\x1b[2J"}
    Path("base.json").write_text(
        json.dumps({"crosscheck_baseline": 1, "violations": [entry]}), encoding="utf-8"
    )
    assert main([*CHECK, "--baseline", "base.json"]) == 1
    out = capsys.readouterr().out
    _assert_safe(out)
    assert "s\\n::error::x\\x1b[2J" in out


def test_the_github_format_still_escapes_its_own_way(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*CHECK, "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert all(
        line.startswith(("::error file=", "::warning file=", "::notice file="))
        for line in out.splitlines()
        if line.startswith("::")
    )
    assert "\n::error file=x::INJECTED" not in out


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain, “quoted” – é", "plain, “quoted” – é"),
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("\x00\x1b\x7f", "\\x00\\x1b\\x7f"),
        ("\x85\x9b\u2028\u2029", "\\u0085\\u009b\\u2028\\u2029"),
        ("\udcff\udc9b", "\\xff\\x9b"),
        ("\ud800", "\\ud800"),
    ],
)
def test_the_escaping_helper(text: str, escaped: str) -> None:
    assert shown(text) == escaped
    assert shown_lines(f"{text.replace(chr(10), '')}\n") == f"{shown(text.replace(chr(10), ''))}\n"
