"""Rule files survive printing and formatting, and no text crashes the front end.

Round trips run over rule files the checker accepts (``crosscheck.testing.rule_files``);
fuzzing runs over sentences of the project's own Lark grammar
(``hypothesis.extra.lark.from_lark``), damaged valid files, and arbitrary text.
"""

from __future__ import annotations

from importlib import resources

from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark

from crosscheck import testing as cct
from crosscheck.dsl import RuleFileError, build_ruleset, format_rules, parse
from crosscheck.dsl.ast import RuleFile
from crosscheck.dsl.formatter import format_text


@given(cct.rule_files())
def test_parsing_the_printed_tree_gives_the_tree(rule_file: RuleFile) -> None:
    text = format_rules(rule_file)
    assert parse(text, rule_file.path) == rule_file
    assert build_ruleset([parse(text, rule_file.path)]) == build_ruleset([rule_file])


@given(cct.rule_texts())
def test_printing_is_idempotent(text: str) -> None:
    once = format_rules(parse(text))
    assert once == text
    assert format_rules(parse(once)) == once


# ------------------------------------------------------------------ the comment-keeping formatter

comment_texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=15
).map(lambda t: "# " + t.strip())


@st.composite
def commented(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Canonical rule text with comments added at line ends and on lines of their own."""
    lines = draw(cct.rule_texts()).split("\n")
    comments: list[str] = []
    out: list[str] = []
    for line in lines:
        where = draw(st.sampled_from(["none", "none", "end", "above"]))
        if where == "none" or (where == "end" and not line.strip()):
            out.append(line)
            continue
        comment = draw(comment_texts)
        comments.append(comment)
        out += [line + "  " + comment] if where == "end" else [comment, line]
    return "\n".join(out), comments


@given(commented())
def test_formatting_with_comments_is_idempotent_and_keeps_them(case: tuple[str, list[str]]) -> None:
    text, comments = case
    once = format_text(text)
    assert format_text(once) == once
    assert parse(once) == parse(text)
    kept = [line.strip() for line in once.split("\n")]
    for comment in comments:
        assert any(comment.rstrip() in line for line in kept), comment


# ------------------------------------------------------------------ fuzzing


def assert_inside(text: str, error: RuleFileError) -> None:
    """Every error points at a line of the text, at a column on it or just past its end."""
    lines = text.split("\n")
    assert error.errors
    for found in error.errors:
        assert 1 <= found.line <= len(lines), found
        assert 1 <= found.column <= len(lines[found.line - 1]) + 1, found
        assert found.message


def front_end(text: str) -> None:
    """Parse and check ``text``: a rule set, or rule errors inside the text; nothing else."""
    try:
        rule_file = parse(text)
    except RuleFileError as err:
        assert_inside(text, err)
        return
    try:
        build_ruleset([rule_file])
    except RuleFileError as err:
        assert_inside(text, err)


def grammar() -> Lark:
    """The project's grammar, built afresh (the parser's own comes from a table cache,
    which keeps no grammar for ``from_lark`` to read)."""
    text = resources.files("crosscheck.dsl").joinpath("grammar.lark").read_text("utf-8")
    return Lark(text, parser="lalr", lexer="contextual", maybe_placeholders=True)


@given(from_lark(grammar()))
def test_sentences_of_the_grammar_give_a_tree_or_rule_errors(text: str) -> None:
    front_end(text)


@given(st.text(max_size=300))
def test_any_text_gives_a_tree_or_rule_errors(text: str) -> None:
    front_end(text)


@given(cct.rule_texts(), st.data())
def test_damaged_rule_files_give_a_tree_or_rule_errors(text: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, 6))
    insert = data.draw(st.sampled_from(["", "#", '"', "\n", "within", "..", "%", "é", "\t", "1"]))
    front_end(text[:at] + insert + text[at + cut :])
