"""Strategies for rule files: syntax trees that the checker accepts, and their text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from hypothesis import strategies as st

from crosscheck.dsl import ast
from crosscheck.dsl.printer import format_rules
from crosscheck.dsl.syntax_errors import KEYWORDS
from crosscheck.dsl.validate import build_ruleset
from crosscheck.hedges import DEFAULT_TOLERANCES, HEDGE_FAMILIES
from crosscheck.model import Severity
from crosscheck.units import QUANTITY_UNITS, dimension_of

# Units a rule file may name, per quantity (None: the quantity's own unit).
UNITS: dict[str, tuple[str | None, ...]] = {
    "count": (None, "item", "items"),
    "people": (None, "person", "people", "soldiers"),
    "length": (None, "mm", "cm", "m", "km", "inch"),
    "mass": (None, "kg", "g", "t", "lb"),
    "duration": (None, "d", "hour", "week"),
    "percent": (None, "%", "percent"),
    "number": (None, "number"),
}
RULE_KINDS = ("comparison", "agreement", "bounds", "monotonic")
ESTIMATE_HEDGES = tuple(
    sorted(
        {*DEFAULT_TOLERANCES, *(h for h, f in HEDGE_FAMILIES.items() if f in DEFAULT_TOLERANCES)}
    )
)
TOLERANCE_KINDS = ("relative", "absolute", "exact")
_WORDS = ("killed", "wounded", "troops", "sent", "deployed", "rocket launchers", "losses", "dead")


@dataclass(frozen=True)
class RuleShape:
    """What generated rules may contain.

    ``kinds`` of rule body (``RULE_KINDS``), ``scopes``, measure ``quantities``
    (keys of ``UNITS``), ``tolerances`` (``TOLERANCE_KINDS``); ``constants``: whether
    comparisons may have a number for a side; sums of up to ``max_terms`` measures;
    numbers up to ``max_value``; day windows up to ``max_days`` (``windows``: whether
    rules may have one at all); ``words``: whether measures get ``when``/``unless``
    phrases and rules messages (leave them out for faster drawing when only the
    rules' meaning matters).
    """

    kinds: Sequence[str] = RULE_KINDS
    scopes: Sequence[ast.ScopeKind] = tuple(ast.ScopeKind)
    quantities: Sequence[str] = tuple(UNITS)
    tolerances: Sequence[str] = TOLERANCE_KINDS
    constants: bool = True
    max_terms: int = 3
    max_value: int = 10_000
    max_days: int = 30
    windows: bool = True
    words: bool = True


_FIRST = "abcdefghijklmnopqrstuvwxyz_"


def names() -> st.SearchStrategy[str]:
    """Names the rule language accepts for subjects, measures and rules."""
    rest = st.text(_FIRST + "0123456789", max_size=9)
    return st.builds(lambda a, b: a + b, st.sampled_from(_FIRST), rest).filter(
        lambda n: n not in KEYWORDS
    )


def phrases() -> st.SearchStrategy[str]:
    """Quoted phrases: words, and now and then a quote, backslash or ``#`` to escape."""
    plain = st.sampled_from(_WORDS)
    odd = st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
    ).filter(lambda p: bool(p.strip()))
    return plain | plain | odd


def decimals(
    min_value: Fraction | int = 0, max_value: Fraction | int = 1000, places: int = 2
) -> st.SearchStrategy[Fraction]:
    """Numbers a rule file can write exactly (``1200``, ``0.25``), in the range."""
    low, high = Fraction(min_value), Fraction(max_value)
    scaled = st.integers(0, places).flatmap(
        lambda p: st.integers(int(low * 10**p), int(high * 10**p)).map(lambda n: Fraction(n, 10**p))
    )
    return st.integers(int(low), int(high)).map(Fraction) | scaled


def _family(measure: ast.Measure) -> str:
    return dimension_of(QUANTITY_UNITS[measure.quantity])


def _family_units(family: str) -> list[str]:
    """Every unit of the quantities of one kind (``person`` fits a count)."""
    return [
        unit
        for quantity, units in UNITS.items()
        if dimension_of(QUANTITY_UNITS[quantity]) == family
        for unit in units
        if unit is not None
    ]


@st.composite
def measures(
    draw: st.DrawFn,
    name: str,
    subjects: Sequence[str] = (),
    quantities: Sequence[str] = tuple(UNITS),
    words: bool = True,
) -> ast.Measure:
    """A measure declaration named ``name``, of a drawn quantity and unit."""
    quantity = draw(st.sampled_from(list(quantities)))
    return ast.Measure(
        name=name,
        quantity=quantity,
        unit=draw(st.sampled_from(UNITS[quantity])),
        subject=draw(st.none() | st.sampled_from(list(subjects))) if subjects else None,
        cumulative=draw(st.booleans()),
        when=tuple(draw(st.lists(phrases(), max_size=3))) if words else (),
        unless=tuple(draw(st.lists(phrases(), max_size=2))) if words else (),
    )


@st.composite
def tolerances(
    draw: st.DrawFn,
    family: str,
    kinds: Sequence[str] = TOLERANCE_KINDS,
    max_amount: int = 50,
) -> ast.Tolerance:
    """``within P%``, ``within A [UNIT]`` (A up to ``max_amount``, in units of
    ``family``) or none (exact), as ``kinds`` allows."""
    kind = draw(st.sampled_from(list(kinds)))
    if kind == "relative":
        return ast.Relative(draw(decimals(0, 99, 1)))
    if kind == "absolute":
        units = [u for u in _family_units(family) if u not in ("%", "percent")]
        unit = draw(st.none() | st.sampled_from(units)) if units else None
        return ast.Absolute(draw(decimals(0, max_amount)), unit)
    return None


@st.composite
def constants(draw: st.DrawFn, family: str, low: int = -10, high: int = 10_000) -> ast.Constant:
    """A number in a rule, bare or with a unit of ``family``."""
    unit = draw(st.none() | st.sampled_from(_family_units(family)))
    return ast.Constant(draw(decimals(low, high)), unit)


@st.composite
def rule_bodies(
    draw: st.DrawFn, declared: Sequence[ast.Measure], shape: RuleShape = RuleShape()
) -> ast.Body:
    """A rule body over the declared measures that the checker accepts."""
    amount = max(shape.max_value // 10, 2)
    kinds = [k for k in shape.kinds if k != "monotonic" or any(m.cumulative for m in declared)]
    kind = draw(st.sampled_from(kinds))
    if kind == "monotonic":
        measure = draw(st.sampled_from([m for m in declared if m.cumulative]))
        tolerance = draw(tolerances(_family(measure), shape.tolerances, amount))
        return ast.Monotonic(ast.MeasureRef(measure.name), tolerance)
    measure = draw(st.sampled_from(list(declared)))
    family, ref = _family(measure), ast.MeasureRef(measure.name)
    if kind == "agreement":
        return ast.Agreement(ref, draw(tolerances(family, shape.tolerances, amount)))
    if kind == "bounds":
        unit = draw(st.none() | st.sampled_from(_family_units(family)))
        top = shape.max_value
        low, high = sorted((draw(decimals(0, top)), draw(decimals(0, top))))
        return ast.Bounds(ref, ast.Constant(low, unit), ast.Constant(high, unit))
    return draw(_comparison([m.name for m in declared if _family(m) == family], family, shape))


@st.composite
def _comparison(draw: st.DrawFn, kin: list[str], family: str, shape: RuleShape) -> ast.Comparison:
    sums = st.lists(st.sampled_from(kin), min_size=1, max_size=shape.max_terms).map(
        lambda terms: ast.Sum(tuple(ast.MeasureRef(t) for t in terms))
    )
    left: ast.Operand = draw(sums)
    right: ast.Operand = (
        draw(sums | constants(family, high=shape.max_value)) if shape.constants else draw(sums)
    )
    if draw(st.booleans()):
        left, right = right, left
    op = draw(st.sampled_from(list(ast.Op)))
    amount = max(shape.max_value // 10, 2)
    return ast.Comparison(left, op, right, draw(tolerances(family, shape.tolerances, amount)))


@st.composite
def rules(
    draw: st.DrawFn, name: str, declared: Sequence[ast.Measure], shape: RuleShape = RuleShape()
) -> ast.Rule:
    """A rule named ``name`` over the declared measures, with a drawn scope."""
    days = draw(st.none() | st.integers(0, shape.max_days)) if shape.windows else None
    return ast.Rule(
        name=name,
        body=draw(rule_bodies(declared, shape)),
        scope=ast.Scope(draw(st.sampled_from(list(shape.scopes))), days),
        severity=draw(st.sampled_from(list(Severity))),
        message=draw(st.none() | phrases()) if shape.words else None,
    )


@st.composite
def rule_files(
    draw: st.DrawFn,
    shape: RuleShape = RuleShape(),
    *,
    path: str = "generated.rules",
    max_measures: int = 4,
    max_rules: int = 4,
    settings: bool = True,
) -> ast.RuleFile:
    """A parsed rule file that ``build_ruleset`` accepts: up to two subjects, up to
    ``max_measures`` measures, up to ``max_rules`` rules as ``shape`` allows, and (when
    ``settings``) hedge widths, vague amounts and waivers, in a drawn order.
    """
    size = 2 + max(max_measures, max_rules)
    pool = draw(st.lists(names(), min_size=size, max_size=size, unique=True))
    subjects = [
        ast.Subject(n, tuple(draw(st.lists(phrases(), min_size=1, max_size=3))))
        for n in pool[: draw(st.integers(0, 2))]
    ]
    subject_names = [s.name for s in subjects]
    origins = [
        ast.Origin(f"{n}_origin", tuple(draw(st.lists(phrases(), min_size=1, max_size=2))))
        for n in pool[: draw(st.integers(0, 2))]
    ]
    measure_names = pool[2 : 2 + draw(st.integers(1, max_measures))]
    declared = [
        draw(measures(n, subject_names, shape.quantities, shape.words)) for n in measure_names
    ]
    if set(shape.kinds) == {"monotonic"} and not any(m.cumulative for m in declared):
        declared[0] = replace(declared[0], cumulative=True)  # growth needs a running total
    rule_names = [f"{n}_rule" for n in pool[: draw(st.integers(1, max_rules))]]
    found = [draw(rules(n, declared, shape)) for n in rule_names]
    statements: list[ast.Statement] = [*subjects, *origins, *declared, *found]
    if settings:
        statements += draw(_settings(rule_names))
    return ast.RuleFile(path, tuple(draw(st.permutations(statements))))


@st.composite
def _settings(draw: st.DrawFn, rule_names: Sequence[str]) -> list[ast.Statement]:
    hedges = draw(st.lists(st.sampled_from(ESTIMATE_HEDGES), max_size=2, unique=True))
    result: list[ast.Statement] = [ast.HedgeTolerance(h, draw(decimals(0, 100, 1))) for h in hedges]
    vague = draw(st.lists(phrases(), max_size=2, unique_by=lambda p: " ".join(p.lower().split())))
    for phrase in vague:
        low, high = sorted((draw(decimals(0, 5000)), draw(decimals(0, 5000))))
        result.append(ast.VagueAmount(phrase, low, high))
    for rule in draw(st.lists(st.sampled_from(list(rule_names)), max_size=2)):
        result.append(
            ast.Waiver(
                rule=rule,
                reason=draw(phrases()),
                document=draw(st.none() | st.just("corpus/*.md")),
                stated=draw(st.none() | phrases()),
                until=draw(st.none() | st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31))),
            )
        )
    return result


def rulesets(
    files: st.SearchStrategy[ast.RuleFile] | None = None,
) -> st.SearchStrategy[ast.RuleSet]:
    """Checked rule sets of drawn rule files (``rule_files()`` by default)."""
    return (rule_files() if files is None else files).map(lambda f: build_ruleset([f]))


def rule_texts(files: st.SearchStrategy[ast.RuleFile] | None = None) -> st.SearchStrategy[str]:
    """Rule file text in canonical form (``format_rules``) of drawn rule files."""
    return (rule_files() if files is None else files).map(format_rules)
