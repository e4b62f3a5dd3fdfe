"""Parse-tree builders of the vocabulary statements: imports, phrase sets and hedges.

``import std.casualties`` names a rule file shipped with crosscheck; ``phrases NAME =
...`` declares a phrase set that ``when``/``unless`` may name among their phrases;
``hedge "PHRASE" = KIND [N%] [before|after]`` adds a hedge phrase. The words of a
hedge's meaning are ordinary names to the grammar (so ``tolerance about = 10%`` keeps
working) and are read here, with a did-you-mean for a misspelt one.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from lark import Token, Transformer
from lark.tree import Meta
from lark.visitors import v_args

from crosscheck.dsl import ast
from crosscheck.dsl.errors import did_you_mean

POSITIONS = ("before", "after")
_KINDS = {kind.value: kind for kind in ast.HedgeKind}
_WIDTHS = (ast.HedgeKind.ABOUT, ast.HedgeKind.NEARLY)  # kinds that take a width
_KIND_LIST = "`at least`, `above`, `at most`, `below`, `about N%` or `nearly N%`"

# What the parser expects in the states of these statements (see ``syntax_errors``).
EXPECTATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("a file name in double quotes or a module such as `std.casualties`", ("import",)),
    ("a phrase set name", ("phrases",)),
    ("`=`", ("phrases p", 'hedge "x"')),
    ("a phrase in double quotes", ("phrases p =", 'phrases p = "a" |')),
    ("a phrase in double quotes or a phrase set name", ("measure m: count when",)),
    ("a hedge phrase in double quotes", ("hedge",)),
    (f"what the hedge means: {_KIND_LIST}", ('hedge "x" =',)),
)


class StatementProblem(Exception):
    """A statement that parses but cannot mean anything, with where and a hint."""

    def __init__(self, message: str, span: ast.Span, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.span, self.hint = message, span, hint


def _unquote(token: Token) -> str:
    return re.sub(r'\\(["\\])', r"\1", str(token)[1:-1])


@v_args(meta=True)
class VocabularyBuilder(Transformer[Token, Any]):
    """The builder methods of the vocabulary statements (mixed into the parser's builder)."""

    path = "<rules>"

    def _node_span(self, meta: Meta) -> ast.Span:
        return ast.Span(self.path, meta.line, meta.column, meta.end_line, meta.end_column - 1)

    def _word_span(self, token: Token) -> ast.Span:
        line, column = token.line or 0, token.column or 0
        return ast.Span(self.path, line, column, line, (token.end_column or column + 1) - 1)

    def import_stmt(self, meta: Meta, children: list[Any]) -> ast.Import:
        target: Token = children[0]
        if target.type == "STRING":
            return ast.Import(_unquote(target), self._node_span(meta))
        return ast.Import(str(target), self._node_span(meta), library=True)

    def phrases_stmt(self, meta: Meta, children: list[Any]) -> ast.PhraseSet:
        name, phrases = children
        return ast.PhraseSet(str(name), phrases, self._node_span(meta))

    def filters(self, meta: Meta, children: list[Any]) -> dict[str, tuple[str, ...]]:
        """The ``when``/``unless`` phrases and phrase sets, as ``ast.Measure`` fields."""
        fields: dict[str, tuple[Any, ...]] = {}
        spans: dict[str, list[ast.Span]] = {"when": [], "unless": []}
        for clause, items in (child for child in children if child is not None):
            fields[clause] = tuple(_unquote(t) for t in items if t.type == "STRING")
            fields[f"{clause}_sets"] = tuple(str(t) for t in items if t.type != "STRING")
            spans[clause] = [self._word_span(t) for t in items if t.type != "STRING"]
        fields["set_spans"] = (*spans["when"], *spans["unless"])
        return fields

    def when(self, meta: Meta, children: list[Any]) -> tuple[str, list[Token]]:
        return ("when", children[0])

    def unless(self, meta: Meta, children: list[Any]) -> tuple[str, list[Token]]:
        return ("unless", children[0])

    def phrase_items(self, meta: Meta, children: list[Token]) -> list[Token]:
        return children

    def hedge_stmt(self, meta: Meta, children: list[Any]) -> ast.Hedge:
        phrase, *names, number, position = children  # the optional parts may be None
        if number is None and len(names) > 1 and str(names[-1]) in POSITIONS:
            position = names.pop()
        kind = self._kind(names)
        percent = None if number is None else Fraction(str(number).replace("_", ""))
        if percent is not None and kind not in _WIDTHS:
            raise StatementProblem(
                f"`{kind.value}` is a bound and takes no width",
                self._word_span(number),
                "only `about` and `nearly` hedges take one (`about 10%`)",
            )
        after = self._position(position)
        text = " ".join(_unquote(phrase).split())
        return ast.Hedge(text, kind, percent, after, self._node_span(meta))

    def _kind(self, names: list[Token]) -> ast.HedgeKind:
        written = " ".join(str(name) for name in names)
        if written in _KINDS:
            return _KINDS[written]
        hint = did_you_mean(written, list(_KINDS)) or f"write {_KIND_LIST}"
        raise StatementProblem(
            f"unknown hedge meaning `{written}`", self._word_span(names[0]), hint
        )

    def _position(self, position: Token | None) -> bool:
        if position is None or str(position) == "before":
            return False
        if str(position) == "after":
            return True
        raise StatementProblem(
            f"expected `before` or `after`, not `{position}`",
            self._word_span(position),
            "`after` for a phrase written after the number (`1,000 or more`)",
        )
