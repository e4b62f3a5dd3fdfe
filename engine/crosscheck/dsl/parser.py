"""Rule file text -> typed syntax tree (``crosscheck.dsl.ast``).

``parse`` reports every syntax error it can find, not just the first: when the
file as a whole does not parse, each statement (a chunk of text starting at a
statement keyword at the start of a line) is parsed on its own, so one broken
statement does not hide the problems of the next. Keywords are reserved words:
a name may not spell one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache
from importlib import resources, util
from typing import Any

from lark import Lark, Token
from lark.exceptions import UnexpectedInput, VisitError
from lark.lark import PostLex
from lark.lexer import PatternStr
from lark.tree import Meta
from lark.visitors import v_args

from crosscheck.dsl import ast
from crosscheck.dsl.errors import RuleError, RuleFileError, with_source
from crosscheck.dsl.sizes import oversized_numbers
from crosscheck.dsl.syntax_errors import (
    STATEMENT_KEYWORDS,
    Source,
    Vocabulary,
    describe,
    vocabulary,
)
from crosscheck.dsl.vocabulary_syntax import StatementProblem, VocabularyBuilder
from crosscheck.dsl.waiver_syntax import Clause, WaiverProblem, build_waiver
from crosscheck.model import Severity


@cache
def lark_parser() -> Lark:
    """The LALR parser of the rule language, built once per process."""
    grammar = resources.files("crosscheck.dsl").joinpath("grammar.lark").read_text("utf-8")
    keywords = _Keywords()
    parser = Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        # Strict mode needs `interegular` to prove terminals never collide; the grammar is
        # conflict-free either way (a test builds it strictly).
        strict=util.find_spec("interegular") is not None,
        propagate_positions=True,
        maybe_placeholders=True,
        postlex=keywords,
        # Lark keeps the built tables in the temp folder, keyed by grammar, options and
        # Lark version: start-up drops from ~0.25 s to ~0.01 s on every later run.
        cache=True,
    )
    keywords.types = {
        t.pattern.value: t.name
        for t in parser.terminals
        if isinstance(t.pattern, PatternStr) and t.pattern.value.isalpha()
    }
    return parser


class _Keywords(PostLex):
    """Makes every keyword a reserved, whole word.

    NAME is lexed in every parser state (otherwise Lark's contextual lexer would
    read `sources2` as the keyword `sources` and a stray `2`), and a NAME that
    spells a keyword becomes that keyword, so `measure time: ...` is reported
    as a keyword misused as a name instead of silently accepted.
    """

    always_accept = ("NAME",)

    def __init__(self) -> None:
        self.types: dict[str, str] = {}

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        for token in stream:
            if token.type == "NAME" and token.value in self.types:
                token = Token.new_borrow_pos(self.types[token.value], token.value, token)
            yield token


@cache
def _vocabulary() -> Vocabulary:
    return vocabulary(lark_parser())


def parse(text: str, path: str = "<rules>") -> ast.RuleFile:
    """The syntax tree of a rule file; raises ``RuleFileError`` listing every error found."""
    rule_file, errors = parse_partial(text, path)
    if errors:
        raise RuleFileError(errors)
    return rule_file


def parse_partial(text: str, path: str = "<rules>") -> tuple[ast.RuleFile, tuple[RuleError, ...]]:
    """The statements of a (maybe half-typed) rule file that parse, and every error found."""
    try:
        tree = lark_parser().parse(text)
    except UnexpectedInput as first:
        statements, errors = _parse_in_chunks(text, path)
        if not errors:  # the chunks parsed where the whole did not: report the first error
            errors = [describe(first, Source(text, path), 0, None, _vocabulary())]
    else:
        statements, errors = _build(tree.children, path)
    return ast.RuleFile(path, tuple(statements)), with_source(errors, {path: text})


def _parse_in_chunks(text: str, path: str) -> tuple[list[ast.Statement], list[RuleError]]:
    source = Source(text, path)
    statements: list[ast.Statement] = []
    errors: list[RuleError] = []
    for start, end in _chunks(text):
        line, column = source.position(start)
        masked = "\n" * (line - 1) + " " * (column - 1) + text[start:end]
        try:
            tree = lark_parser().parse(masked)
        except UnexpectedInput as err:
            errors.append(describe(err, source, start, end, _vocabulary()))
            continue
        built, problems = _build(tree.children, path)
        statements.extend(built)
        errors.extend(problems)
    return statements, errors


_WORDS = re.compile(r'"(?:[^"\\\r\n]|\\.)*"?|#[^\r\n]*|[A-Za-z_]\w*')


def _chunks(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of text pieces that each start at a statement keyword opening a line."""
    starts = [0]
    for match in _WORDS.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if match.group() in STATEMENT_KEYWORDS and not text[line_start : match.start()].strip():
            starts.append(match.start())
    starts.append(len(text))
    for start, end in itertools.pairwise(starts):
        if start < end:
            yield start, end


# ------------------------------------------------------------------ tree -> AST


class _Problem(Exception):
    """A statement that parses but cannot mean anything (``agree`` with no tolerance)."""

    def __init__(self, message: str, span: ast.Span, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.span, self.hint = message, span, hint


def _build(trees: list[Any], path: str) -> tuple[list[ast.Statement], list[RuleError]]:
    builder = _Builder(path)
    statements: list[ast.Statement] = []
    errors: list[RuleError] = []
    for tree in trees:
        if oversized := oversized_numbers(tree, path):  # before any number is converted
            errors.extend(oversized)
            continue
        try:
            statements.append(builder.transform(tree))
        except VisitError as err:
            problem = err.orig_exc
            if not isinstance(problem, _Problem | StatementProblem):
                raise
            span = problem.span
            errors.append(RuleError(path, span.line, span.column, problem.message, problem.hint))
    return statements, errors


@dataclass(frozen=True)
class _Agree:
    """``m agree [exactly]`` before its tolerance is attached."""

    node: ast.Agreement
    exact: bool


def _unquote(token: Token) -> str:
    return re.sub(r'\\(["\\])', r"\1", str(token)[1:-1])


def _number(token: Token) -> Fraction:
    return Fraction(str(token).replace("_", ""))


@v_args(meta=True)
class _Builder(VocabularyBuilder):
    """Turns each statement's parse tree into its AST node, with spans."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def _span(self, meta: Meta) -> ast.Span:
        return ast.Span(self.path, meta.line, meta.column, meta.end_line, meta.end_column - 1)

    def _token_span(self, token: Token) -> ast.Span:
        line, column = token.line or 0, token.column or 0
        end_line, end_column = token.end_line or line, token.end_column or column + 1
        return ast.Span(self.path, line, column, end_line, end_column - 1)

    # -------------------------------------------------------------- declarations

    def tolerance_stmt(self, meta: Meta, children: list[Any]) -> ast.HedgeTolerance:
        hedge, number = children
        return ast.HedgeTolerance(hedge, _number(number), self._span(meta))

    def hedge(self, meta: Meta, children: list[Token]) -> str:
        if children[0].type == "STRING":
            return " ".join(_unquote(children[0]).split())
        return " ".join(str(word) for word in children)

    def vague_stmt(self, meta: Meta, children: list[Token]) -> ast.VagueAmount:
        phrase, low, high = children
        return ast.VagueAmount(_unquote(phrase), _number(low), _number(high), self._span(meta))

    def subject_stmt(self, meta: Meta, children: list[Any]) -> ast.Subject:
        name, phrases = children
        return ast.Subject(str(name), phrases, self._span(meta))

    def origin_stmt(self, meta: Meta, children: list[Any]) -> ast.Origin:
        name, phrases = children
        return ast.Origin(str(name), phrases, self._span(meta))

    def phrases(self, meta: Meta, children: list[Token]) -> tuple[str, ...]:
        return tuple(_unquote(token) for token in children)

    def measure_stmt(self, meta: Meta, children: list[Any]) -> ast.Measure:
        name, quantity, unit, subject, cumulative, filters = children
        return ast.Measure(
            name=str(name),
            quantity=str(quantity),
            unit=unit,
            subject=subject,
            cumulative=cumulative is not None,
            span=self._span(meta),
            **(filters or {}),  # when, unless and the phrase sets they name
        )

    def in_unit(self, meta: Meta, children: list[str]) -> str:
        return children[0]

    def unit(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def of_subject(self, meta: Meta, children: list[Token]) -> str:
        return str(children[0])

    def cumulative(self, meta: Meta, children: list[Token]) -> bool:
        return True

    # -------------------------------------------------------------- rules

    def rule_stmt(self, meta: Meta, children: list[Any]) -> ast.Rule:
        name, body, tolerance, scope, options = children
        settings: dict[str, Any] = dict(options or [])
        return ast.Rule(
            name=str(name),
            body=_attach_tolerance(body, tolerance, scope),
            scope=scope or ast.Scope(),
            severity=settings.get("severity", Severity.ERROR),
            message=settings.get("message"),
            span=self._span(meta),
        )

    def comparison(self, meta: Meta, children: list[Any]) -> ast.Comparison:
        left, op, right = children
        return ast.Comparison(left, op, right, None, self._span(meta))

    def agreement(self, meta: Meta, children: list[Any]) -> _Agree:
        measure, exactly = children
        return _Agree(ast.Agreement(measure, None, self._span(meta)), exactly is not None)

    def bounds(self, meta: Meta, children: list[ast.Constant]) -> ast.Bounds:
        measure, low, high = children
        if low.unit is None and high.unit is not None:  # `1 .. 5 mm`: both ends in mm
            low = ast.Constant(low.value, high.unit, low.span)
        return ast.Bounds(measure, low, high, self._span(meta))  # type: ignore[arg-type]

    def monotonic(self, meta: Meta, children: list[Any]) -> ast.Monotonic:
        return ast.Monotonic(children[0], None, self._span(meta))

    def sum(self, meta: Meta, children: list[ast.MeasureRef]) -> ast.Sum:
        return ast.Sum(tuple(children), self._span(meta))

    def measure_ref(self, meta: Meta, children: list[Token]) -> ast.MeasureRef:
        return ast.MeasureRef(str(children[0]), self._span(meta))

    def constant(self, meta: Meta, children: list[Any]) -> ast.Constant:
        number, unit = children
        return ast.Constant(_number(number), unit, self._span(meta))

    def op(self, meta: Meta, children: list[Token]) -> ast.Op:
        return ast.Op(str(children[0]))

    def tolerance(self, meta: Meta, children: list[Any]) -> ast.Relative | ast.Absolute:
        number, unit = children
        if unit == "%":
            return ast.Relative(_number(number), self._span(meta))
        return ast.Absolute(_number(number), unit, self._span(meta))

    def scope(self, meta: Meta, children: list[Any]) -> ast.Scope:
        kind = next((c for c in children if isinstance(c, ast.ScopeKind)), None)
        days = next((c for c in children if isinstance(c, int)), None)
        return ast.Scope(kind or ast.ScopeKind.ACROSS_SOURCES, days, self._span(meta))

    def across_sources(self, meta: Meta, children: list[Token]) -> ast.ScopeKind:
        return ast.ScopeKind.ACROSS_SOURCES

    def per_document(self, meta: Meta, children: list[Token]) -> ast.ScopeKind:
        return ast.ScopeKind.PER_DOCUMENT

    def per_source(self, meta: Meta, children: list[Token]) -> ast.ScopeKind:
        return ast.ScopeKind.PER_SOURCE

    def across_origins(self, meta: Meta, children: list[Token]) -> ast.ScopeKind:
        return ast.ScopeKind.ACROSS_ORIGINS

    def per_origin(self, meta: Meta, children: list[Token]) -> ast.ScopeKind:
        return ast.ScopeKind.PER_ORIGIN

    def days(self, meta: Meta, children: list[Token]) -> int:
        value = _number(children[0])
        if value.denominator != 1:
            raise _Problem(
                f"the number of days must be a whole number, not `{children[0]}`",
                self._token_span(children[0]),
            )
        return int(value)

    def options(self, meta: Meta, children: list[Any]) -> list[tuple[str, Any]]:
        return [child for child in children if child is not None]

    def severity(self, meta: Meta, children: list[Severity]) -> tuple[str, Severity]:
        return ("severity", children[0])

    def level(self, meta: Meta, children: list[Token]) -> Severity:
        return Severity(str(children[0]))

    def message(self, meta: Meta, children: list[Token]) -> tuple[str, str]:
        return ("message", _unquote(children[0]))

    # -------------------------------------------------------------- waivers

    def waiver_stmt(self, meta: Meta, children: list[Any]) -> ast.Waiver:
        name, *clauses = children
        try:
            return build_waiver(str(name), clauses, self._span(meta))
        except WaiverProblem as problem:
            raise _Problem(problem.message, problem.span, problem.hint) from None

    def waiver_clause(self, meta: Meta, children: list[Token]) -> Clause:
        keyword, value = children
        if value.type == "DATE":
            return Clause(str(keyword), str(value), self._token_span(value))
        return Clause(str(keyword), _unquote(value), self._span(meta))


def _attach_tolerance(body: Any, tolerance: ast.Tolerance, scope: ast.Scope | None) -> ast.Body:
    """The rule body with its ``within`` tolerance, or a ``_Problem`` if it takes none."""
    if isinstance(body, _Agree):
        return _agreement(body, tolerance, scope)
    if isinstance(body, ast.Bounds):
        if tolerance is not None:
            raise _Problem(
                "a range rule (`within LOW .. HIGH`) takes no tolerance",
                tolerance.span,
                hint="widen the range instead",
            )
        return body
    node: ast.Comparison | ast.Monotonic = body
    return replace(node, tolerance=tolerance)


def _agreement(body: _Agree, tolerance: ast.Tolerance, scope: ast.Scope | None) -> ast.Agreement:
    node = body.node
    if body.exact and tolerance is not None:
        raise _Problem(
            "`agree exactly` takes no tolerance",
            tolerance.span,
            hint="write either `agree exactly` or `agree within ...`",
        )
    if not body.exact and tolerance is None:
        hint = f"e.g. `{node.measure.name} agree within 10%` or `{node.measure.name} agree exactly`"
        if scope is not None and scope.days is not None:
            hint = "`within N days` is a window between claims; a tolerance in days is `N d`"
        raise _Problem("`agree` needs a tolerance or `exactly`", node.span, hint)
    return ast.Agreement(node.measure, tolerance, node.span)
