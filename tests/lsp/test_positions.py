"""crosscheck's positions (1-based lines, code-point columns) against the protocol's."""

from __future__ import annotations

import pytest

from crosscheck.lsp.positions import Lines

TEXT = 'a\r\nrule x: "💥é" | b\rlast'


@pytest.mark.parametrize(
    ("encoding", "character"),
    [("utf-16", 15), ("utf-8", 18), ("utf-32", 14), ("latin-1", 15)],  # unknown: UTF-16
)
def test_columns_count_in_the_agreed_units(encoding: str, character: int) -> None:
    lines = Lines.of(TEXT, encoding)
    # Column 15 of line 2 is `b`: after 'rule x: "' (9), the emoji, 'é', '" | ' (4).
    assert lines.to_client(2, 15) == (1, character)
    assert lines.from_client(1, character) == (2, 15)


def test_lines_end_at_crlf_cr_and_lf_alike() -> None:
    lines = Lines.of(TEXT)
    assert lines.lines == ("a", 'rule x: "💥é" | b', "last")
    assert lines.to_client(3, 1) == (2, 0)
    assert lines.end() == (2, 4)
    # Offsets are in the text with `\n` line ends, which the parser reads.
    assert lines.offset(3, 2) == len('a\nrule x: "💥é" | b\nl')


def test_out_of_range_positions_are_clamped() -> None:
    lines = Lines.of("ab\n")
    assert lines.to_client(0, 0) == (0, 0)  # a problem of the whole file
    assert lines.to_client(9, 1) == (1, 0)
    assert lines.from_client(5, 3) == (2, 1)
    assert lines.from_client(0, 99) == (1, 3)
