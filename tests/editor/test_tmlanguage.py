"""The TextMate grammar for editors stays in step with the Lark grammar."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from lark.lexer import PatternStr

from crosscheck.dsl.parser import lark_parser
from crosscheck.units import QUANTITY_UNITS

ROOT = Path(__file__).resolve().parents[2]
TM = json.loads((ROOT / "editors" / "crosscheck.tmLanguage.json").read_text("utf-8"))
KEYWORD_SCOPES = ("keyword.control", "keyword.other", "constant.language")


def grammar_keywords() -> set[str]:
    """Every reserved word of grammar.lark, as the parser sees it."""
    return {
        t.pattern.value
        for t in lark_parser().terminals
        if isinstance(t.pattern, PatternStr) and t.pattern.value.isalpha()
    }


def rules(node: Any) -> list[dict[str, Any]]:
    """Every pattern object of the TextMate grammar, nested ones included."""
    found = []
    if isinstance(node, dict):
        if "match" in node or "begin" in node:
            found.append(node)
        for value in node.values():
            found.extend(rules(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(rules(item))
    return found


def words_scoped(prefixes: tuple[str, ...]) -> set[str]:
    """The words of `(a|b)` / `(?:a|b)` groups in patterns (or captures) with those scopes."""
    words: set[str] = set()
    for rule in rules(TM["repository"]):
        if "match" not in rule:
            continue
        groups = re.findall(r"\((?:\?:)?([A-Za-z_|]+)\)", rule["match"])
        scopes = [rule.get("name", "")] + [c["name"] for c in rule.get("captures", {}).values()]
        if rule.get("captures"):  # a capture group's scope belongs to that group only
            groups = [
                g
                for i, g in enumerate(_capture_texts(rule["match"]), 1)
                if rule["captures"].get(str(i), {}).get("name", "").startswith(prefixes)
            ]
        elif not any(scope.startswith(prefixes) for scope in scopes):
            continue
        for group in groups:
            words.update(group.split("|"))
    return words


def _capture_texts(pattern: str) -> list[str]:
    """The text of each capturing group `( ... )` of a simple pattern, in order."""
    return re.findall(r"(?<!\\)\((?!\?)([^()]*)\)", pattern)


def test_scope_name_and_file_type() -> None:
    assert TM["scopeName"] == "source.crosscheck"
    assert TM["fileTypes"] == ["rules"]


def test_every_grammar_keyword_is_highlighted_as_a_keyword() -> None:
    assert grammar_keywords() - words_scoped(KEYWORD_SCOPES) == set()


def test_every_highlighted_keyword_is_a_grammar_keyword() -> None:
    assert words_scoped(KEYWORD_SCOPES) - grammar_keywords() == set()


def test_quantities_are_the_engines_quantities() -> None:
    assert words_scoped(("support.type.quantity",)) == set(QUANTITY_UNITS)


def test_every_pattern_compiles() -> None:
    for rule in rules(TM):
        for key in ("match", "begin", "end"):
            if key in rule:
                re.compile(rule[key])


def test_every_include_resolves() -> None:
    includes = re.findall(r'"include": "#([^"]+)"', json.dumps(TM))
    assert includes and set(includes) <= set(TM["repository"])


# ------------------------------------------------------------------ a tiny highlighter


def top_patterns() -> list[dict[str, Any]]:
    flat: list[dict[str, Any]] = []
    for include in TM["patterns"]:
        entry = TM["repository"][include["include"][1:]]
        flat.extend(entry.get("patterns", [entry]) if "begin" not in entry else [entry])
    return flat


def highlight(line: str) -> list[tuple[str, str]]:
    """(text, scope) pieces of one line, choosing the earliest match as TextMate does."""
    pieces: list[tuple[str, str]] = []
    position = 0
    patterns = top_patterns()
    while position < len(line):
        best: tuple[int, int, str] | None = None
        for rule in patterns:
            match = re.compile(rule.get("match") or rule["begin"]).search(line, position)
            if match and (best is None or match.start() < best[0]):
                end = match.end()
                if "begin" in rule:
                    closing = re.compile(rule["end"]).search(line, end)
                    end = closing.end() if closing else len(line)
                scope = rule.get("name") or next(iter(rule["captures"].values()))["name"]
                best = (match.start(), end, scope)
        if best is None:
            break
        pieces.append((line[best[0] : best[1]], best[2]))
        position = max(best[1], position + 1)
    return pieces


@pytest.mark.parametrize(
    ("line", "piece"),
    [
        (
            "measure killed: count of nk_troops, cumulative",
            ("measure killed", "keyword.control.statement.crosscheck"),
        ),
        (
            '    when "killed or wounded" | "deaths"',
            ('"killed or wounded"', "string.quoted.double.crosscheck"),
        ),
        ("rule r: a <= b within 10% per document", ("10%", "constant.numeric.crosscheck")),
        ("rule r: a <= b within 10% per document", ("document", "keyword.other.crosscheck")),
        ("    severity warning", ("warning", "constant.language.severity.crosscheck")),
        ("    until 2025-06-30", ("2025-06-30", "constant.numeric.date.crosscheck")),
        ('subject s = "a # b"  # note', ("# note", "comment.line.number-sign.crosscheck")),
    ],
)
def test_sample_lines_highlight_as_expected(line: str, piece: tuple[str, str]) -> None:
    assert piece in highlight(line)


def test_keywords_inside_phrases_and_comments_are_not_keywords() -> None:
    pieces = highlight('    when "rule within days"  # measure rule')
    assert [text for text, scope in pieces if scope.startswith("keyword.other")] == ["when"]
