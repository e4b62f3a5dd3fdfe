"""Problems and findings as printed for a person: each value from an input escaped,
and quoted only as a short excerpt.

A file name, a quoted token or a line of a rule file can hold control characters
and newlines; printed raw they could drive the terminal or start a line of a CI
log (see ``text.escape``). Each record keeps its own layout here, with every value
taken from an input escaped: a one-line record stays one line, and the caret under
a quoted rule-file line still points at its column.

Messages quote inputs, and an input can be anything a hostile file names: a rule
file may ``import "/etc/shadow"``, a ``*.rules`` link may lead to it. So a quoted
span of a message (in backticks or quotes) shows at most ``EXCERPT`` characters, a
message at most ``MESSAGE`` characters, and a line of a file is quoted above the
caret only when the file really is a rule file (its real path ends in ``.rules``),
and then only ``EXCERPT`` characters around the column.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from crosscheck.text.escape import EXCERPT, shown, source_excerpt

if TYPE_CHECKING:
    from crosscheck.dsl.errors import RuleError
    from crosscheck.dsl.lint.context import Finding
    from crosscheck.load.errors import LoadError


MESSAGE = 300  # characters of one message, at most
RULE_SUFFIX = ".rules"  # as ``load.rules.RULE_SUFFIX``, without loading the loader
_QUOTED = re.compile(r"`[^`]*`|(?<!\w)'(?:[^'\\]|\\.)*'(?!\w)|(?<!\w)\"(?:[^\"\\]|\\.)*\"(?!\w)")


def brief(message: str) -> str:
    """``message`` escaped, each quoted span cut to ``EXCERPT`` characters and the
    whole to ``MESSAGE``, cuts marked ``…``."""
    short = _QUOTED.sub(_cut_quote, shown(message))
    return short if len(short) <= MESSAGE else short[: MESSAGE - 1] + "…"


def _cut_quote(match: re.Match[str]) -> str:
    quoted = match.group()
    if len(quoted) <= EXCERPT + 2:
        return quoted
    return quoted[:EXCERPT] + "…" + quoted[-1]


def load_error_text(error: LoadError) -> str:
    """``path:line:col: error: message`` on one line, whatever the path and message hold."""
    return shown(error.location()) + brief(error.render().removeprefix(error.location()))


def rule_error_text(error: RuleError) -> str:
    """A rule-file error as a compiler prints it, path, message and hint escaped and
    brief; the quoted line (of a rule file only) an excerpt, with the caret under the
    column's place in it, while the location still names the column in the file."""
    hint = None if error.hint is None else brief(error.hint)
    escaped = replace(error, path=shown(error.path), message=brief(error.message), hint=hint)
    line = error.source_line
    if line is None or not os.path.realpath(error.path).endswith(RULE_SUFFIX):
        return replace(escaped, source_line=None).render()
    beyond = max(error.column - 1 - len(line), 0)  # a column past the end of the line
    excerpt, column = source_excerpt(line, error.column)
    moved = replace(escaped, source_line=excerpt, column=column + beyond)
    return escaped.location + moved.render().removeprefix(moved.location)


def finding_text(finding: Finding) -> str:
    """A lint finding (and its hint on a line of its own), its values escaped and brief."""
    hint = None if finding.hint is None else brief(finding.hint)
    escaped = replace(finding, path=shown(finding.path), message=brief(finding.message), hint=hint)
    return escaped.render()
