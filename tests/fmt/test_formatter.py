"""format_text: canonical layout with every comment kept in its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.dsl import RuleFileError, parse
from crosscheck.dsl.formatter import format_text

ROOT = Path(__file__).resolve().parents[2]
RULE_FILES = sorted((ROOT / "rules").rglob("*.rules"))

MESSY = """\
   # header
# second header line


subject s = "a" |   # after the first phrase
      # inside the subject
   "b"
measure m: count of s unless "x"  # on unless
   # above when
   when "y"   # on when
       # a commented-out clause
# above the rule
rule r: m <=     # after the operator
   5 message "hi"  severity error   # on a default
      # below r

  # free-standing

rule q: m agree exactly
waive r
  reason "because" # why
  # above document
  document "a*.md"
until 2025-01-01
# end of file
"""

MESSY_FORMATTED = """\
# header
# second header line

subject s = "a" | "b"  # after the first phrase
    # inside the subject

measure m: count of s
    # above when
    when "y"  # on when
    unless "x"  # on unless
    # a commented-out clause

# above the rule
rule r: m <= 5  # after the operator
    # on a default
    message "hi"
    # below r

# free-standing

rule q: m agree exactly

waive r
    # above document
    document "a*.md"
    reason "because"  # why
    until 2025-01-01

# end of file
"""


def comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


def test_messy_file_gets_the_canonical_layout() -> None:
    assert format_text(MESSY) == MESSY_FORMATTED


def test_formatting_keeps_the_meaning() -> None:
    assert parse(format_text(MESSY)) == parse(MESSY)


@pytest.mark.parametrize(
    "text", [MESSY, MESSY_FORMATTED, *(p.read_text("utf-8") for p in RULE_FILES)]
)
def test_formatting_twice_changes_nothing(text: str) -> None:
    once = format_text(text)
    assert format_text(once) == once


@pytest.mark.parametrize("path", RULE_FILES, ids=[p.name for p in RULE_FILES])
def test_project_rule_files_are_formatted(path: Path) -> None:
    text = path.read_text("utf-8")
    assert format_text(text) == text


def test_every_comment_is_kept_word_for_word() -> None:
    assert sorted(comments(format_text(MESSY))) == sorted(comments(MESSY))


def test_comments_move_with_their_clause_when_clauses_are_reordered() -> None:
    text = 'measure m: count\n    unless "x"  # why x\n    when "y"  # why y\n'
    assert format_text(text) == 'measure m: count\n    when "y"  # why y\n    unless "x"  # why x\n'


def test_two_trailing_comments_joined_on_one_line_keep_their_order() -> None:
    text = "rule r: a <=  # one\n  b  # two\nmeasure a: count\nmeasure b: count\n"
    assert format_text(text).startswith("rule r: a <= b  # one\n    # two\n\nmeasure a")


def test_long_phrase_lists_continue_on_lines_starting_with_a_bar() -> None:
    phrases = " | ".join(f'"phrase number {n}"' for n in range(8))
    text = f"subject s = {phrases}  # many\nmeasure m: count of s when {phrases}\n"
    assert format_text(text) == (
        'subject s = "phrase number 0" | "phrase number 1" | "phrase number 2"\n'
        '    | "phrase number 3" | "phrase number 4" | "phrase number 5" | "phrase number 6"\n'
        '    | "phrase number 7"  # many\n'
        "\n"
        "measure m: count of s\n"
        '    when "phrase number 0" | "phrase number 1" | "phrase number 2" | "phrase number 3"\n'
        '        | "phrase number 4" | "phrase number 5" | "phrase number 6" | "phrase number 7"\n'
    )
    assert max(len(line) for line in format_text(text).splitlines() if "#" not in line) <= 88


def test_a_phrase_wider_than_a_line_gets_a_line_of_its_own() -> None:
    wide = '"' + "w" * 100 + '"'
    assert (
        format_text(f'subject s = "a" | {wide} | "b"')
        == f'subject s = "a"\n    | {wide}\n    | "b"\n'
    )


def test_hash_inside_a_phrase_is_not_a_comment() -> None:
    text = 'subject s = "a # b"   # real\n'
    assert format_text(text) == 'subject s = "a # b"  # real\n'


def test_empty_and_comment_only_files() -> None:
    assert format_text("") == ""
    assert format_text("\n\n") == ""
    assert format_text("# a\n\n\n# b\n") == "# a\n\n# b\n"


def test_a_file_that_does_not_parse_raises_rule_errors() -> None:
    with pytest.raises(RuleFileError) as caught:
        format_text("rule r: a <= \n", "bad.rules")
    assert caught.value.errors[0].path == "bad.rules"


# ------------------------------------------------------------------ any sprinkling of comments

STATEMENTS = [
    "tolerance about = 5%",
    'vague "a few" = 2 .. 5',
    'subject s = "x" | "y"',
    'measure m: count of s, cumulative when "a" | "b" unless "c"',
    'rule r: m + m <= 5 per document within 3 days severity warning message "m"',
    'waive r document "d" stated "e" reason "f" until 2025-01-01',
    'subject long = "' + '" | "'.join(f"long phrase {n}" for n in range(12)) + '"',
]


@st.composite
def commented_files(draw: st.DrawFn) -> str:
    chosen = draw(st.lists(st.sampled_from(STATEMENTS), min_size=0, max_size=4))
    words = " ".join(chosen).split(" ")
    out = []
    in_phrase = False
    for index, word in enumerate(words):
        out.append(word)
        in_phrase ^= word.count('"') % 2 == 1
        if in_phrase:
            out.append(" ")
            continue
        gap = draw(
            st.sampled_from([" ", " ", "\n", "\n\n", "  # c{}\n", "\n# c{}\n", "\n  # c{}\n"])
        )
        out.append(gap.format(index))
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(commented_files())
def test_any_sprinkling_of_comments_is_kept_and_formatting_is_idempotent(text: str) -> None:
    once = format_text(text)
    assert format_text(once) == once
    assert sorted(comments(once)) == sorted(comments(text))
    assert parse(once) == parse(text)
