"""One pint registry for every unit crosscheck knows.

Counts get a base dimension of their own (``[count]``) so that a head count can
never be compared with a percentage, which pint would otherwise treat as the same
dimensionless kind of thing. Plain numbers that count nothing (magnitudes, scores,
indexes, ratios: the ``number`` quantity) get another (``[number]``), so that they are
never compared with a count either.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import pint

_DEFINITIONS = (
    "item = [count] = items",
    "person = item = persons = people",
    "soldier = person = soldiers",
    "troop = person = troops",
    "casualty = person = casualties",
    "number = [number]",
)

# The quantity words a rule file may use after `measure NAME:`, and their
# canonical unit when the rule file names none.
QUANTITY_UNITS: dict[str, str] = {
    "count": "item",
    "people": "person",
    "length": "millimeter",
    "mass": "kilogram",
    "duration": "day",
    "percent": "percent",
    "number": "number",
}


class UnitError(ValueError):
    """A unit name pint does not know, or two units of different dimensions."""


@cache
def registry() -> pint.UnitRegistry[float]:
    """The shared registry, built once per process."""
    # pint keeps its parsed definition files in the user's cache folder: ~0.3 s saved
    # on every start after the first. A cache folder that cannot be made ($XDG_CACHE_HOME
    # a file, a read-only home) only costs that time.
    reg: pint.UnitRegistry[float]
    try:
        reg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=":auto:")
    except OSError:
        reg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for definition in _DEFINITIONS:
        reg.define(definition)
    return reg


@cache
def parse_unit(name: str) -> pint.Unit:
    """The pint unit for ``name`` ("mm", "millimeter", "percent", "soldiers")."""
    if name == "%":
        name = "percent"
    try:
        unit = registry().parse_units(name)
    except (pint.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError) as err:
        raise UnitError(f"unknown unit {name!r}") from err
    except Exception as err:  # pint raises assorted errors on odd text
        raise UnitError(f"unknown unit {name!r}") from err
    return unit


def canonical_name(name: str) -> str:
    """The registry's own spelling of a unit ("mm" -> "millimeter")."""
    return str(parse_unit(name))


def dimension_of(name: str) -> str:
    """A printable dimension of a unit, e.g. ``[length]``."""
    dims = parse_unit(name).dimensionality
    return str(dims) if dims else "dimensionless"


def compatible(a: str, b: str) -> bool:
    """Whether values in unit ``a`` can be converted to unit ``b``."""
    return parse_unit(a).dimensionality == parse_unit(b).dimensionality


@cache
def base_factor(name: str) -> Fraction:
    """How many base units (m, kg, s, item…) one ``name`` is, as an exact decimal."""
    magnitude = registry().Quantity(1, parse_unit(name)).to_base_units().magnitude
    # pint works in floats; every factor we use is a short decimal (0.0254, 0.45359237),
    # which 15 significant digits give back exactly, without float noise.
    return Fraction(format(float(magnitude), ".15g"))


@cache
def conversion_factor(source: str, target: str) -> Fraction:
    """The exact factor that turns a value in ``source`` into one in ``target``.

    Both units go through the same base, so converting there and back is exactly 1.
    """
    if not compatible(source, target):
        raise UnitError(
            f"cannot convert {source!r} ({dimension_of(source)}) "
            f"to {target!r} ({dimension_of(target)})"
        )
    return base_factor(source) / base_factor(target)
