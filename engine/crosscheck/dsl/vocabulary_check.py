"""Semantic checks of the vocabulary statements: phrase sets and the hedges a file adds.

A measure may name phrase sets in ``when``/``unless``; each must be declared (here or in
an imported file, as ``import std.casualties`` does). A hedge phrase is declared once;
its width, for ``about`` and ``nearly``, lies between 0% and 100%. A rule file's hedge
replaces crosscheck's own reading of the same phrase.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from crosscheck.dsl import ast
from crosscheck.dsl.errors import RuleError, did_you_mean
from crosscheck.std import SETS, module_of


def _error(span: ast.Span, message: str, hint: str | None = None) -> RuleError:
    return RuleError(span.path, span.line, span.column, message, hint)


@dataclass
class VocabularyChecker:
    """The phrase sets and hedges declared so far, and the errors found."""

    phrase_sets: dict[str, ast.PhraseSet] = field(default_factory=dict)
    hedges: dict[str, ast.Hedge] = field(default_factory=dict)  # by phrase, lower case
    errors: list[RuleError] = field(default_factory=list)

    def declare(self, statement: ast.PhraseSet | ast.Hedge) -> None:
        """Record a phrase set or a hedge, reporting one declared twice."""
        if isinstance(statement, ast.PhraseSet):
            first = self.phrase_sets.setdefault(statement.name, statement)
            if first is not statement:
                self.errors.append(
                    _error(
                        statement.span,
                        f"phrase set `{statement.name}` is already declared at {first.span}",
                        "give each a different name",
                    )
                )
            return
        self._declare_hedge(statement)

    def _declare_hedge(self, hedge: ast.Hedge) -> None:
        key = " ".join(hedge.phrase.lower().split())
        if not key:
            self.errors.append(_error(hedge.span, "a hedge phrase cannot be empty"))
            return
        if hedge.percent is not None and not 0 <= hedge.percent <= 100:
            self.errors.append(
                _error(
                    hedge.span,
                    f"a hedge width must lie between 0% and 100%, not {float(hedge.percent):g}%",
                )
            )
        first = self.hedges.setdefault(key, hedge)
        if first is not hedge:
            self.errors.append(
                _error(hedge.span, f"hedge `{hedge.phrase}` is already declared at {first.span}")
            )

    def widths(self) -> dict[str, Fraction]:
        """The widths the hedges give (``about 15%``), as tolerances by hedge phrase."""
        return {
            key: hedge.percent / 100
            for key, hedge in self.hedges.items()
            if hedge.percent is not None
        }

    def check_measure(self, measure: ast.Measure) -> None:
        """Every phrase set a measure names is declared."""
        named = [("when", n) for n in measure.when_sets] + [
            ("unless", n) for n in measure.unless_sets
        ]
        spans = measure.set_spans or (measure.span,) * len(named)
        for (clause, name), span in zip(named, spans, strict=True):
            if name not in self.phrase_sets:
                self.errors.append(self._unknown_set(measure, clause, name, span))

    def _unknown_set(
        self, measure: ast.Measure, clause: str, name: str, span: ast.Span
    ) -> RuleError:
        module = module_of(name)
        hint = did_you_mean(name, self.phrase_sets)
        if hint is None and module is not None:
            hint = f"`import {module}` declares it"
        elif hint is None:
            standard = [n for names in SETS.values() for n in names if n not in self.phrase_sets]
            guess = did_you_mean(name, standard)
            hint = f'declare it: `phrases {name} = "..." | "..."`'
            if guess is not None:
                known = guess.split("`")[1]
                hint = f"{guess} (`import {module_of(known)}` declares it)"
        return _error(
            span,
            f"measure `{measure.name}`: `{clause}` names undefined phrase set `{name}`",
            hint,
        )
