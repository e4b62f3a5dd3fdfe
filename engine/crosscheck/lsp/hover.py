"""Hover: what a name stands for (a measure's unit and phrases, a subject's, an origin's or a
phrase set's phrases) and what a rule means, in words."""

from __future__ import annotations

from lsprotocol import types

from crosscheck.dsl import ast
from crosscheck.dsl.printer import format_statement
from crosscheck.evaluate.describe import operand_text, tolerance_text
from crosscheck.lsp.analysis import Analysis
from crosscheck.units import QUANTITY_UNITS

_OPS = {
    ast.Op.LE: "at most",
    ast.Op.LT: "below",
    ast.Op.GE: "at least",
    ast.Op.GT: "above",
    ast.Op.EQ: "equal to",
}
_SCOPES = {
    ast.ScopeKind.ACROSS_SOURCES: "compares claims of different outlets",
    ast.ScopeKind.PER_DOCUMENT: "compares claims of the same document",
    ast.ScopeKind.PER_SOURCE: "compares claims of the same outlet",
    ast.ScopeKind.ACROSS_ORIGINS: "compares claims of different origins (who gives the figure)",
    ast.ScopeKind.PER_ORIGIN: "compares claims of the same origin (who gives the figure)",
}


def hover(analysis: Analysis, line: int, column: int) -> types.Hover | None:
    """What the name at 1-based ``line:column`` stands for, or the meaning of the rule there."""
    word = analysis.word_at(line, column)
    declared = analysis.declared(word.text) if word is not None else None
    if declared is None:
        statement = analysis.statement_at(line, column)
        declared = statement if isinstance(statement, ast.Rule) else None
    if declared is None:
        return None
    text = f"```crosscheck\n{format_statement(declared)}\n```\n\n{_words(analysis, declared)}"
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text.rstrip()))


def _words(analysis: Analysis, declared: ast.Statement) -> str:
    if isinstance(declared, ast.Rule):
        return rule_meaning(declared)
    if isinstance(declared, ast.Measure):
        return measure_text(analysis, declared)
    if isinstance(declared, ast.Subject | ast.Origin | ast.PhraseSet):
        kind = {ast.Subject: "subject", ast.Origin: "origin", ast.PhraseSet: "phrase set"}
        count = len(declared.phrases)
        return f"a {kind[type(declared)]} of {count} phrase{'' if count == 1 else 's'}"
    return ""


def measure_text(analysis: Analysis, measure: ast.Measure) -> str:
    """A measure's quantity and unit, subject, and the phrases that bind a number to it."""
    unit = measure.unit or QUANTITY_UNITS.get(measure.quantity, "?")
    lines = [f"**{measure.name}**: a {measure.quantity} in `{unit}`"]
    if measure.subject:
        lines[0] += f", of subject `{measure.subject}`"
    if measure.cumulative:
        lines[0] += ", a running total"
    for clause, phrases, sets in (
        ("when", measure.when, measure.when_sets),
        ("unless", measure.unless, measure.unless_sets),
    ):
        found = [*phrases, *(p for name in sets for p in _set_phrases(analysis, name))]
        if found:
            lines.append(f"- {clause}: {_listed(tuple(dict.fromkeys(found)))}")
    return "\n".join(lines)


def _set_phrases(analysis: Analysis, name: str) -> tuple[str, ...]:
    declared = analysis.declared(name)
    return declared.phrases if isinstance(declared, ast.PhraseSet) else ()


def _listed(phrases: tuple[str, ...]) -> str:
    return ", ".join(f'"{phrase}"' for phrase in phrases)


def rule_meaning(rule: ast.Rule) -> str:
    """What a rule asks of the claims, in words (docs/semantics.md says it exactly)."""
    body = rule.body
    tolerance = tolerance_text(body.tolerance) if not isinstance(body, ast.Bounds) else ""
    if isinstance(body, ast.Comparison):
        text = f"`{operand_text(body.left)}` must be {_OPS[body.op]} `{operand_text(body.right)}`"
    elif isinstance(body, ast.Agreement):
        text = f"claims of `{body.measure.name}` must agree" + ("" if tolerance else " exactly")
    elif isinstance(body, ast.Bounds):
        low, high = operand_text(body.low), operand_text(body.high)
        text = f"every claim of `{body.measure.name}` must lie in {low} .. {high}"
    else:
        text = f"`{body.measure.name}` must not fall over time"
    text += f" ({tolerance})" if tolerance else ""
    scope = _SCOPES[rule.scope.kind]
    if rule.scope.days is not None:
        scope += f" dated at most {rule.scope.days} days apart"
    sentence = f"**{rule.name}**: {text}; it {scope}."
    if isinstance(body, ast.Bounds):
        sentence = f"**{rule.name}**: {text}."
    details = [f"Severity: {rule.severity.value}."]
    if rule.message:
        details.append(f"Its message: {rule.message}")
    return "\n\n".join([sentence, *details])
