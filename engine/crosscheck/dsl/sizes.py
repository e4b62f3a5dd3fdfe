"""Sizes a rule file may not pass: numbers, day windows and phrases (``crosscheck.limits``).

Numbers are checked as written, in the parse tree, before any is converted: a
5,000-digit number cannot even become a ``Fraction``. Day windows, phrase lengths
and (for statements built in code) number sizes are checked on the syntax tree by
the rule checker. Each problem is an error at the line and column it stands at.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from fractions import Fraction

from lark import Token, Tree

from crosscheck.dsl import ast
from crosscheck.dsl.errors import RuleError
from crosscheck.limits import (
    MAX_DAYS,
    MAX_MAGNITUDE,
    MAX_PHRASE_CHARS,
    NUMBER_LIMITS,
    decimal_problem,
    excerpt,
)

NUMBER_HINT = f"in a rule file, {NUMBER_LIMITS}"
_PHRASE_FIELDS = ("phrases", "when", "unless", "phrase", "hedge")


def oversized_numbers(tree: Tree[Token] | Token, path: str) -> list[RuleError]:
    """The numbers written in a statement's parse tree that pass the bounds."""
    if not isinstance(tree, Tree):
        return []
    errors: list[RuleError] = []
    for token in tree.scan_values(_is_number):
        why = decimal_problem(str(token))
        if why is not None:
            message = f"the number `{excerpt(str(token))}` {why}"
            errors.append(RuleError(path, token.line or 0, token.column or 0, message, NUMBER_HINT))
    return errors


def _is_number(value: object) -> bool:
    return isinstance(value, Token) and value.type == "NUMBER"


def size_errors(statement: ast.Statement) -> list[RuleError]:
    """A statement's day window over ``MAX_DAYS``, phrases over ``MAX_PHRASE_CHARS``
    characters and numbers larger than ``MAX_MAGNITUDE``."""
    span: ast.Span = statement.span
    errors = [
        _error(where, "a number here is larger than 10^15 in size")
        for value, where in _numbers(statement, span)
        if abs(value) > MAX_MAGNITUDE
    ]
    for phrase in _phrases(statement):
        if len(phrase) > MAX_PHRASE_CHARS:
            message = f'the phrase "{excerpt(phrase)}" is longer than {MAX_PHRASE_CHARS} characters'
            errors.append(_error(span, message, "a phrase is a few words an article writes"))
    scope = getattr(statement, "scope", None)
    if isinstance(scope, ast.Scope) and scope.days is not None and scope.days > MAX_DAYS:
        errors.append(
            _error(
                scope.span if scope.span.line else span,
                f"a day window of {scope.days} days is longer than {MAX_DAYS:,} days (100 years)",
                "leave the window out to compare claims of any dates",
            )
        )
    return errors


def _error(span: ast.Span, message: str, hint: str | None = NUMBER_HINT) -> RuleError:
    return RuleError(span.path, span.line, span.column, message, hint)


def _numbers(node: object, span: ast.Span) -> Iterator[tuple[Fraction, ast.Span]]:
    """Every exact number in a syntax tree, with the span of the nearest node around it."""
    if isinstance(node, Fraction):
        yield node, span
    elif isinstance(node, tuple | list):
        for item in node:
            yield from _numbers(item, span)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type | ast.Span):
        own = getattr(node, "span", None)
        here = own if isinstance(own, ast.Span) and own.line else span
        for each in dataclasses.fields(node):
            yield from _numbers(getattr(node, each.name), here)


def _phrases(statement: ast.Statement) -> Iterator[str]:
    for name in _PHRASE_FIELDS:
        value = getattr(statement, name, None)
        if isinstance(value, str):
            yield value
        elif isinstance(value, tuple | list):
            yield from (item for item in value if isinstance(item, str))
