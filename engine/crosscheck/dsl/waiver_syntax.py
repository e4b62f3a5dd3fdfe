"""The clauses of a ``waive`` statement -> a ``Waiver`` node, or what is wrong with them.

The grammar takes the clauses in any order and any number of times, so that the
mistakes can be named here: a clause given twice, no reason, a date that does
not exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from crosscheck.dsl import ast


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause as written: its keyword, its unquoted text and where it (or its date) is."""

    keyword: str
    text: str
    span: ast.Span


class WaiverProblem(Exception):
    """A ``waive`` statement that parses but cannot mean anything."""

    def __init__(self, message: str, span: ast.Span, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.span, self.hint = message, span, hint


def build_waiver(rule: str, clauses: Sequence[Clause], span: ast.Span) -> ast.Waiver:
    """The waiver of ``rule``; ``WaiverProblem`` for a repeated clause, no reason or a bad date."""
    found: dict[str, Clause] = {}
    for clause in clauses:
        if clause.keyword in found:
            raise WaiverProblem(f"`{clause.keyword}` may appear only once in a waiver", clause.span)
        found[clause.keyword] = clause
    reason = found.get("reason")
    if reason is None or not reason.text.strip():
        what = "no reason" if reason is None else "an empty reason"
        raise WaiverProblem(
            f"the waiver for `{rule}` has {what}",
            span,
            hint='say why the contradiction is accepted: `reason "..."`',
        )
    return ast.Waiver(
        rule=rule,
        reason=reason.text,
        document=_text(found.get("document")),
        stated=_text(found.get("stated")),
        until=_date(found.get("until")),
        span=span,
    )


def _text(clause: Clause | None) -> str | None:
    return None if clause is None else clause.text


def _date(clause: Clause | None) -> dt.date | None:
    if clause is None:
        return None
    try:
        return dt.date.fromisoformat(clause.text)
    except ValueError:
        raise WaiverProblem(
            f"`{clause.text}` is not a date",
            clause.span,
            hint="write the last day the waiver holds as YYYY-MM-DD, e.g. `2025-06-30`",
        ) from None
