"""Formatting: the document in ``crosscheck fmt``'s layout, as one edit of the whole text."""

from __future__ import annotations

from lsprotocol import types

from crosscheck.dsl.errors import RuleFileError
from crosscheck.dsl.formatter import format_text
from crosscheck.load.decode import normalize_newlines
from crosscheck.load.ruletext import first_newline
from crosscheck.lsp.positions import Lines


def formatting(written: str, path: str, encoding: str = "utf-16") -> list[types.TextEdit]:
    """The edit that formats a document (none when it is formatted or does not parse).

    The document keeps its line ending (that of its first line), as ``fmt`` keeps a file's.
    """
    try:
        formatted = format_text(normalize_newlines(written), path)
    except RuleFileError:
        return []  # its errors are diagnostics already
    formatted = formatted.replace("\n", first_newline(written))
    if formatted == written:
        return []
    end = Lines.of(written, encoding).end()
    return [types.TextEdit(types.Range(types.Position(0, 0), types.Position(*end)), formatted)]
