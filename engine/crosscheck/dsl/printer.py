"""Syntax tree -> canonical rule file text.

``parse(format_rules(tree)) == tree`` for every tree the parser builds (spans
aside). The canonical form puts each statement in its own block, separated by
a blank line; a measure's ``when``/``unless``, a rule's ``severity``/``message``
and a waiver's clauses go on their own lines indented by four spaces; a phrase
list wider than ``WIDTH`` continues on lines starting with ``|``, indented four
spaces deeper; defaults (``severity error``, ``across sources`` unless a day
window follows) are left out. Comments are not
part of the tree: ``crosscheck.dsl.formatter`` carries them over.
"""

from __future__ import annotations

import re
from fractions import Fraction

from crosscheck.dsl import ast
from crosscheck.dsl.syntax_errors import KEYWORDS
from crosscheck.model import Severity

_INDENT = "    "
WIDTH = 88  # phrase lists longer than this continue on lines starting with `|`
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def format_rules(rule_file: ast.RuleFile) -> str:
    """The canonical text of a rule file (comments are not kept)."""
    blocks = [format_statement(statement) for statement in rule_file.statements]
    return "\n\n".join(blocks) + "\n" if blocks else ""


def format_statement(statement: ast.Statement) -> str:
    """The canonical text of one statement, without a trailing newline."""
    if isinstance(statement, ast.Import):
        return f"import {statement.path if statement.library else _quote(statement.path)}"
    if isinstance(statement, ast.HedgeTolerance):
        return f"tolerance {_hedge(statement.hedge)} = {format_number(statement.percent)}%"
    if isinstance(statement, ast.VagueAmount):
        low, high = format_number(statement.low), format_number(statement.high)
        return f"vague {_quote(statement.phrase)} = {low} .. {high}"
    if isinstance(statement, ast.Subject):
        return _phrase_lines(f"subject {_name(statement.name)} = ", statement.phrases, "")
    if isinstance(statement, ast.Origin):
        return _phrase_lines(f"origin {_name(statement.name)} = ", statement.phrases, "")
    if isinstance(statement, ast.PhraseSet):
        return _phrase_lines(f"phrases {_name(statement.name)} = ", statement.phrases, "")
    if isinstance(statement, ast.Hedge):
        return _hedge_statement(statement)
    if isinstance(statement, ast.Measure):
        return _measure(statement)
    if isinstance(statement, ast.Waiver):
        return _waiver(statement)
    return _rule(statement)


def format_number(value: Fraction) -> str:
    """A number exactly as the rule language writes it (``1200``, ``0.25``, ``-3``)."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    places = _decimal_places(value.denominator)
    if places is None:
        raise ValueError(f"{value} has no exact decimal form")
    if places == 0:
        return sign + str(value.numerator)
    digits = str(value.numerator * 10**places // value.denominator).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:].rstrip('0')}"


def _decimal_places(denominator: int) -> int | None:
    twos = fives = 0
    while denominator % 2 == 0:
        denominator, twos = denominator // 2, twos + 1
    while denominator % 5 == 0:
        denominator, fives = denominator // 5, fives + 1
    return max(twos, fives) if denominator == 1 else None


def _quote(text: str) -> str:
    if "\n" in text:
        raise ValueError(f"a quoted phrase cannot hold a line break: {text!r}")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _name(name: str) -> str:
    if not _NAME.fullmatch(name) or name in KEYWORDS:
        raise ValueError(f"{name!r} is not a valid name")
    return name


def _hedge(hedge: str) -> str:
    words = hedge.split()
    if words and all(_NAME.fullmatch(word) and word not in KEYWORDS for word in words):
        return " ".join(words)
    return _quote(hedge)


def _phrase_lines(
    prefix: str, phrases: tuple[str, ...], indent: str, sets: tuple[str, ...] = ()
) -> str:
    """``prefix set | "a" | "b" ...``; past ``WIDTH``, continued on deeper lines ``| "c" ...``.

    Phrase sets (names) come first, then the phrases.
    """
    items = [*map(_name, sets), *map(_quote, phrases)]
    lines = [prefix + items[0]]
    for quoted in items[1:]:
        if len(lines[-1]) + 3 + len(quoted) <= WIDTH:
            lines[-1] += " | " + quoted
        else:
            lines.append(f"{indent}{_INDENT}| {quoted}")
    return "\n".join(lines)


def _measure(measure: ast.Measure) -> str:
    head = f"measure {_name(measure.name)}: {_name(measure.quantity)}"
    if measure.unit is not None:
        head += f" in {_unit(measure.unit)}"
    if measure.subject is not None:
        head += f" of {_name(measure.subject)}"
    if measure.cumulative:
        head += ", cumulative"
    lines = [head]
    if measure.when or measure.when_sets:
        lines.append(_phrase_lines(f"{_INDENT}when ", measure.when, _INDENT, measure.when_sets))
    if measure.unless or measure.unless_sets:
        unless = _phrase_lines(f"{_INDENT}unless ", measure.unless, _INDENT, measure.unless_sets)
        lines.append(unless)
    return "\n".join(lines)


def _hedge_statement(hedge: ast.Hedge) -> str:
    text = f"hedge {_quote(hedge.phrase)} = {hedge.kind.value}"
    if hedge.percent is not None:
        text += f" {format_number(hedge.percent)}%"
    return text + (" after" if hedge.after else "")


def _unit(unit: str) -> str:
    return unit if unit == "%" else _name(unit)


def _rule(rule: ast.Rule) -> str:
    head = f"rule {_name(rule.name)}: {_body(rule.body)}{_scope(rule.scope)}"
    lines = [head]
    if rule.severity is not Severity.ERROR:
        lines.append(f"{_INDENT}severity {rule.severity.value}")
    if rule.message is not None:
        lines.append(f"{_INDENT}message {_quote(rule.message)}")
    return "\n".join(lines)


def rule_statement(rule: ast.Rule) -> str:
    """What a rule says, as the language writes it, with the scope of a rule that compares
    claims spelt out even when it is the default: ``killed <= casualties across sources``."""
    scope = _scope(rule.scope)
    if not scope and _compares_claims(rule.body):
        scope = f" {rule.scope.kind.value}"
    return _body(rule.body) + scope


def _compares_claims(body: ast.Body) -> bool:
    """Whether the rule relates claims to each other (not each claim to constants)."""
    if isinstance(body, ast.Bounds):
        return False
    if isinstance(body, ast.Comparison):
        return not isinstance(body.left, ast.Constant) and not isinstance(body.right, ast.Constant)
    return True


def _waiver(waiver: ast.Waiver) -> str:
    lines = [f"waive {_name(waiver.rule)}"]
    if waiver.document is not None:
        lines.append(f"{_INDENT}document {_quote(waiver.document)}")
    if waiver.stated is not None:
        lines.append(f"{_INDENT}stated {_quote(waiver.stated)}")
    lines.append(f"{_INDENT}reason {_quote(waiver.reason)}")
    if waiver.until is not None:
        lines.append(f"{_INDENT}until {waiver.until.isoformat()}")
    return "\n".join(lines)


def _body(body: ast.Body) -> str:
    if isinstance(body, ast.Comparison):
        text = f"{_operand(body.left)} {body.op.value} {_operand(body.right)}"
        return text + _tolerance(body.tolerance)
    if isinstance(body, ast.Agreement):
        if body.tolerance is None:
            return f"{_name(body.measure.name)} agree exactly"
        return f"{_name(body.measure.name)} agree{_tolerance(body.tolerance)}"
    if isinstance(body, ast.Bounds):
        return f"{_name(body.measure.name)} within {_range(body.low, body.high)}"
    return f"{_name(body.measure.name)} nondecreasing over time{_tolerance(body.tolerance)}"


def _operand(operand: ast.Operand) -> str:
    if isinstance(operand, ast.Constant):
        return _constant(operand)
    return " + ".join(_name(term.name) for term in operand.terms)


def _constant(constant: ast.Constant) -> str:
    number = format_number(constant.value)
    return number if constant.unit is None else f"{number} {_unit(constant.unit)}"


def _range(low: ast.Constant, high: ast.Constant) -> str:
    if low.unit == high.unit and high.unit is not None:
        return f"{format_number(low.value)} .. {_constant(high)}"
    if low.unit is None and high.unit is not None:
        raise ValueError("a range whose high end alone has a unit cannot be written")
    return f"{_constant(low)} .. {_constant(high)}"


def _tolerance(tolerance: ast.Tolerance) -> str:
    if tolerance is None:
        return ""
    if isinstance(tolerance, ast.Relative):
        return f" within {format_number(tolerance.percent)}%"
    if tolerance.unit in ("day", "days"):
        raise ValueError("`within N days` is a day window; write the tolerance as `N d`")
    if tolerance.unit is None:
        return f" within {format_number(tolerance.amount)}"
    return f" within {format_number(tolerance.amount)} {_unit(tolerance.unit)}"


def _scope(scope: ast.Scope) -> str:
    text = ""
    if scope.kind is not ast.ScopeKind.ACROSS_SOURCES or scope.days is not None:
        text += f" {scope.kind.value}"
    if scope.days is not None:
        text += f" within {scope.days} {'day' if scope.days == 1 else 'days'}"
    return text
