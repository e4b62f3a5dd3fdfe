"""Semantic checks: parsed rule files -> a ``RuleSet`` evaluators can trust.

Every problem is collected (names that do not resolve, duplicates, units that
do not fit, impossible ranges and tolerances) before one ``RuleFileError`` is
raised, so a user fixes a file in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from crosscheck.dsl import ast
from crosscheck.dsl.errors import RuleError, RuleFileError, did_you_mean
from crosscheck.dsl.sizes import size_errors
from crosscheck.dsl.vocabulary_check import VocabularyChecker
from crosscheck.hedges import DEFAULT_TOLERANCES, HEDGE_FAMILIES
from crosscheck.units import QUANTITY_UNITS, UnitError, compatible, conversion_factor, parse_unit


def build_ruleset(files: Sequence[ast.RuleFile]) -> ast.RuleSet:
    """The checked rule set of parsed files (imports first); raises ``RuleFileError``."""
    checker = _Checker()
    for rule_file in files:
        for statement in rule_file.statements:
            checker.declare(statement)
    checker.check_all()
    if checker.errors:
        order = {rule_file.path: index for index, rule_file in enumerate(files)}
        raise RuleFileError(
            sorted(checker.errors, key=lambda e: (order.get(e.path, len(order)), e.line, e.column))
        )
    return ast.RuleSet(
        subjects=checker.subjects,
        measures=checker.measures,
        rules=tuple(checker.rules),
        hedges={
            **{key: percent / 100 for key, (percent, _) in checker.hedges.items()},
            **checker.vocabulary.widths(),
        },
        vague={key: (node.low, node.high) for key, node in checker.vague.items()},
        files=tuple(rule_file.path for rule_file in files),
        waivers=tuple(checker.waivers),
        origins=checker.origins,
        phrase_sets=checker.vocabulary.phrase_sets,
        hedge_words=checker.vocabulary.hedges,
    )


def _error(span: ast.Span, message: str, hint: str | None = None) -> RuleError:
    return RuleError(span.path, span.line, span.column, message, hint)


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _fmt(value: Fraction) -> str:
    return str(value) if value.denominator == 1 else str(float(value))


@dataclass
class _Checker:
    """Declarations seen so far and the errors found."""

    subjects: dict[str, ast.Subject] = field(default_factory=dict)
    origins: dict[str, ast.Origin] = field(default_factory=dict)
    measures: dict[str, ast.Measure] = field(default_factory=dict)
    rules: list[ast.Rule] = field(default_factory=list)
    rule_names: dict[str, ast.Rule] = field(default_factory=dict)
    hedges: dict[str, tuple[Fraction, ast.Span]] = field(default_factory=dict)
    vague: dict[str, ast.VagueAmount] = field(default_factory=dict)
    waivers: list[ast.Waiver] = field(default_factory=list)
    broken: set[str] = field(default_factory=set)  # measures whose unit is unusable
    vocabulary: VocabularyChecker = field(default_factory=VocabularyChecker)
    errors: list[RuleError] = field(default_factory=list)

    # ---------------------------------------------------------------- declarations

    def declare(self, statement: ast.Statement) -> None:
        """Record one statement, reporting duplicates and bad settings."""
        self.errors.extend(size_errors(statement))
        if isinstance(statement, ast.HedgeTolerance):
            self._declare_hedge(statement)
        elif isinstance(statement, ast.VagueAmount):
            self._declare_vague(statement)
        elif isinstance(statement, ast.Subject):
            self._duplicate("subject", statement, self.subjects.get(statement.name))
            self.subjects.setdefault(statement.name, statement)
        elif isinstance(statement, ast.Origin):
            self._duplicate("origin", statement, self.origins.get(statement.name))
            self.origins.setdefault(statement.name, statement)
        elif isinstance(statement, ast.Measure):
            self._duplicate("measure", statement, self.measures.get(statement.name))
            self.measures.setdefault(statement.name, statement)
        elif isinstance(statement, ast.Rule):
            self._duplicate("rule", statement, self.rule_names.get(statement.name))
            self.rule_names.setdefault(statement.name, statement)
            self.rules.append(statement)
        elif isinstance(statement, ast.Waiver):
            self.waivers.append(statement)
        elif isinstance(statement, ast.PhraseSet | ast.Hedge):
            self.vocabulary.declare(statement)

    def _duplicate(
        self,
        kind: str,
        node: ast.Subject | ast.Origin | ast.Measure | ast.Rule,
        first: ast.Subject | ast.Origin | ast.Measure | ast.Rule | None,
    ) -> None:
        if first is not None:
            self.errors.append(
                _error(
                    node.span,
                    f"{kind} `{node.name}` is already declared at {first.span}",
                    "give each a different name",
                )
            )

    def _declare_hedge(self, node: ast.HedgeTolerance) -> None:
        key = _normal(node.hedge)
        families = set(HEDGE_FAMILIES.values())
        if key not in HEDGE_FAMILIES and key not in families:
            hint = did_you_mean(key, [*HEDGE_FAMILIES, *families]) or (
                "hedge families: " + ", ".join(f"`{f}`" for f in sorted(families))
            )
            self.errors.append(_error(node.span, f"unknown hedge word `{node.hedge}`", hint))
        elif HEDGE_FAMILIES.get(key, key) not in DEFAULT_TOLERANCES:
            self.errors.append(
                _error(
                    node.span,
                    f"`{node.hedge}` is a bound, not an estimate; it has no width to set",
                    "only the `approximately` and `nearly` families take a tolerance",
                )
            )
        if not 0 <= node.percent <= 100:
            self.errors.append(
                _error(
                    node.span,
                    f"a hedge tolerance must lie between 0% and 100%, not {_fmt(node.percent)}%",
                )
            )
        if key in self.hedges:
            where = self.hedges[key][1]
            self.errors.append(
                _error(node.span, f"the tolerance of `{key}` is already set at {where}")
            )
        self.hedges.setdefault(key, (node.percent, node.span))

    def _declare_vague(self, node: ast.VagueAmount) -> None:
        key = _normal(node.phrase)
        if node.low < 0:
            self.errors.append(
                _error(
                    node.span, f"`{node.phrase}` cannot mean a negative amount ({_fmt(node.low)})"
                )
            )
        if node.low > node.high:
            self.errors.append(
                _error(
                    node.span,
                    f"the range of `{node.phrase}` is empty: "
                    f"{_fmt(node.low)} is above {_fmt(node.high)}",
                    "write the low end first",
                )
            )
        if key in self.vague:
            where = self.vague[key].span
            self.errors.append(_error(node.span, f"`{node.phrase}` is already defined at {where}"))
        self.vague.setdefault(key, node)

    # ---------------------------------------------------------------- measures and rules

    def check_all(self) -> None:
        """Check every measure, then every rule, against the declarations."""
        for measure in self.measures.values():
            self._check_measure(measure)
        for rule in self.rules:
            _RuleChecker(self, rule).check()
        for waiver in self.waivers:
            self._check_waiver(waiver)
        self.errors.extend(self.vocabulary.errors)

    def _check_waiver(self, waiver: ast.Waiver) -> None:
        if waiver.rule in self.rule_names:
            return
        hint = did_you_mean(waiver.rule, self.rule_names)
        if waiver.rule in self.measures:
            hint = (
                f"`{waiver.rule}` is a measure; a waiver names the rule whose violations it accepts"
            )
        self.errors.append(_error(waiver.span, f"waiver for undefined rule `{waiver.rule}`", hint))

    def _check_measure(self, measure: ast.Measure) -> None:
        problem = _unit_problem(measure)
        if problem is not None:
            self.broken.add(measure.name)
            self.errors.append(_error(measure.span, *problem))
        self.vocabulary.check_measure(measure)
        if measure.subject is not None and measure.subject not in self.subjects:
            self.errors.append(
                _error(
                    measure.span,
                    f"measure `{measure.name}` is of undefined subject `{measure.subject}`",
                    did_you_mean(measure.subject, self.subjects),
                )
            )

    def unit_of(self, name: str) -> str:
        """The canonical unit of a declared measure."""
        measure = self.measures[name]
        return measure.unit or QUANTITY_UNITS[measure.quantity]


def _unit_problem(measure: ast.Measure) -> tuple[str, str | None] | None:
    """What is wrong with a measure's quantity and unit, if anything."""
    quantity = measure.quantity
    if quantity not in QUANTITY_UNITS:
        return f"unknown quantity `{quantity}` for measure `{measure.name}`", (
            did_you_mean(quantity, QUANTITY_UNITS)
            or "use one of " + ", ".join(f"`{q}`" for q in QUANTITY_UNITS)
        )
    if measure.unit is None:
        return None
    problem = _unknown_unit(measure.unit)
    if problem is not None:
        return problem
    if not compatible(measure.unit, QUANTITY_UNITS[quantity]):
        return f"`{measure.unit}` is not a unit of {quantity}", (
            f"{quantity} is measured in units such as `{QUANTITY_UNITS[quantity]}`"
        )
    return None


def _unknown_unit(unit: str) -> tuple[str, str | None] | None:
    try:
        parse_unit(unit)
    except UnitError:
        return f"unknown unit `{unit}`", "write a unit such as `mm`, `km`, `kg`, `day` or `%`"
    return None


@dataclass
class _RuleChecker:
    """The checks of one rule against the declarations."""

    table: _Checker
    rule: ast.Rule

    def report(self, span: ast.Span, message: str, hint: str | None = None) -> None:
        """Record an error about this rule."""
        self.table.errors.append(_error(span, f"rule `{self.rule.name}`: {message}", hint))

    def check(self) -> None:
        """Names first; units only once every name resolves."""
        body, scope = self.rule.body, self.rule.scope
        if scope.days is not None and scope.days < 0:
            self.report(
                scope.span,
                f"`within {scope.days} days` is a negative window",
                "a day window counts days between two claims: use 0 or more",
            )
        resolved = all([self.resolves(ref) for ref in ast.measures_named(body)])
        self.check_tolerance(getattr(body, "tolerance", None))
        if isinstance(body, ast.Comparison):
            self.check_comparison(body, resolved)
        elif isinstance(body, ast.Monotonic) and resolved:
            self.check_monotonic(body)
        elif isinstance(body, ast.Agreement) and resolved:
            self.check_units(body.tolerance, body.measure)
        elif isinstance(body, ast.Bounds) and resolved:
            self.check_bounds(body)

    def resolves(self, ref: ast.MeasureRef) -> bool:
        """Whether a measure name is declared (reporting it if not)."""
        if ref.name in self.table.measures:
            return ref.name not in self.table.broken
        hint = did_you_mean(ref.name, self.table.measures)
        if ref.name in self.table.subjects:
            hint = f"`{ref.name}` is a subject; rules compare measures"
        self.report(ref.span, f"undefined measure `{ref.name}`", hint)
        return False

    def check_tolerance(self, tolerance: ast.Tolerance) -> None:
        """Relative tolerances lie in [0%, 100%); absolute ones are not negative."""
        if isinstance(tolerance, ast.Relative) and not 0 <= tolerance.percent < 100:
            self.report(
                tolerance.span,
                f"a tolerance of {_fmt(tolerance.percent)}% is out of range",
                "use a percentage from 0% up to (not including) 100%",
            )
        if isinstance(tolerance, ast.Absolute) and tolerance.amount < 0:
            self.report(tolerance.span, f"a tolerance of {_fmt(tolerance.amount)} is negative")

    def check_monotonic(self, body: ast.Monotonic) -> None:
        """Only running totals can be required to grow."""
        measure = self.table.measures[body.measure.name]
        if not measure.cumulative:
            self.report(
                body.span,
                f"`{measure.name}` is not cumulative, so it need not grow over time",
                f"declare it as `measure {measure.name}: "
                f"{measure.quantity}, cumulative` if it is a running total",
            )
        self.check_units(body.tolerance, body.measure)

    def check_comparison(self, body: ast.Comparison, resolved: bool) -> None:
        """At least one side names measures, and both sides are in compatible units."""
        if isinstance(body.left, ast.Constant) and isinstance(body.right, ast.Constant):
            self.report(body.span, "compares two numbers; name at least one measure")
            return
        if not resolved:
            return
        sides = [self.side_unit(body.left), self.side_unit(body.right)]
        known = [side for side in sides if side is not None]
        if len(known) == 2 and not compatible(known[0][0], known[1][0]):
            self.report(
                body.span,
                f"cannot compare {known[0][1]} with {known[1][1]}",
                "both sides must be in units of the same kind",
            )
        elif known:
            anchor = body.left if isinstance(body.left, ast.Sum) else body.right
            assert isinstance(anchor, ast.Sum)
            self.check_units(body.tolerance, anchor.terms[0])

    def side_unit(self, operand: ast.Operand) -> tuple[str, str] | None:
        """The unit of one side and how to name it; ``None`` for a bare number."""
        if isinstance(operand, ast.Constant):
            if operand.unit is None or not self.valid_unit(operand.unit, operand.span):
                return None
            return operand.unit, f"`{_fmt(operand.value)} {operand.unit}`"
        first, *rest = operand.terms
        unit = self.table.unit_of(first.name)
        for term in rest:
            other = self.table.unit_of(term.name)
            if not compatible(unit, other):
                self.report(
                    term.span,
                    f"cannot add `{first.name}` (in {unit}) and `{term.name}` (in {other})",
                )
        return unit, f"`{first.name}` (in {unit})"

    def check_units(self, tolerance: ast.Tolerance, ref: ast.MeasureRef) -> None:
        """An absolute tolerance's unit fits the measure it applies to."""
        if not isinstance(tolerance, ast.Absolute) or tolerance.unit is None:
            return
        if self.valid_unit(tolerance.unit, tolerance.span):
            self.fits(tolerance.unit, ref, tolerance.span, "tolerance")

    def check_bounds(self, body: ast.Bounds) -> None:
        """Both ends fit the measure's unit and the range is not empty."""
        target = self.table.unit_of(body.measure.name)
        ends: list[Fraction] = []
        for end in (body.low, body.high):
            unit = end.unit or target
            if end.unit is not None and not (
                self.valid_unit(end.unit, end.span) and self.fits(end.unit, body.measure, end.span)
            ):
                return
            ends.append(end.value * conversion_factor(unit, target))
        if ends[0] > ends[1]:
            self.report(
                body.span,
                f"the range {_fmt(body.low.value)} .. {_fmt(body.high.value)} is empty",
                "write the low end first",
            )

    def valid_unit(self, unit: str, span: ast.Span) -> bool:
        """Whether a unit name is known (reporting it if not)."""
        problem = _unknown_unit(unit)
        if problem is not None:
            self.report(span, *problem)
        return problem is None

    def fits(self, unit: str, ref: ast.MeasureRef, span: ast.Span, what: str = "bound") -> bool:
        """Whether a unit can be converted to a measure's unit (reporting it if not)."""
        target = self.table.unit_of(ref.name)
        if compatible(unit, target):
            return True
        self.report(
            span,
            f"the {what} is in `{unit}` but `{ref.name}` is in {target}",
            "use a unit of the same kind as the measure",
        )
        return False
