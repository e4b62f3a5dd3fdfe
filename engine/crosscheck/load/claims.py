"""Read claims produced by another pipeline (``crosscheck check --claims FILE.jsonl``).

One JSON object per line, in the claim contract (see
crosscheck/schemas/claims.schema.json): ``measure``, ``subject``, ``low``, ``high``
(``null`` for an unbounded end), optional ``low_inclusive``/``high_inclusive``
(default true), ``unit``, ``stated``, ``hedge``, ``document``, ``file`` (the file
``line`` and ``column`` count in, when not ``document``), ``source``,
``date``, ``start``, ``end``, ``line``, ``column``, ``sentence``, ``url``. Instead
of ``low``/``high`` a line may give ``value`` (a number, or a vague phrase such as
"several hundred") with an optional ``hedge`` ("approximately"), read exactly as
extraction reads them under the rule file's settings. With ``low``/``high`` the
``hedge`` is only recorded: the bounds are taken as already hedged (that is what
``crosscheck extract`` writes). Each claim is converted to its measure's unit.
Amounts are non-negative: a negative ``low`` is raised to 0 with a warning, a
missing one is 0. ``source`` defaults to the document's file stem, ``unit`` to
the measure's unit, ``subject`` to the measure's subject.

Every bad line gives a ``LoadError`` at ``FILE:LINE`` (``:COLUMN`` for bad JSON) naming
the field at fault, and is left out; claims of a measure the rule files do not
define are errors (with a did-you-mean). So is a line holding a number past the
bounds of ``crosscheck.limits`` (10^15 in size, 15 significant digits, 15 decimal
places), values nested too deep or a lone surrogate (``crosscheck.load.jsonline``).
"""

from __future__ import annotations

import datetime as dt
import difflib
from fractions import Fraction
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from crosscheck.dsl.ast import RuleSet
from crosscheck.fs.reader import FileReader
from crosscheck.hedges import HEDGE_FAMILIES, ReadingSettings, family_of, hedged_interval
from crosscheck.interval import Interval
from crosscheck.load.claimfields import flag, integer, number, text
from crosscheck.load.decode import BOM, UTF16_MESSAGE, is_utf16
from crosscheck.load.errors import LoadError, LoadProblem
from crosscheck.load.jsonline import json_object
from crosscheck.load.metadata import parse_iso_date
from crosscheck.model import AsOf, Claim
from crosscheck.units import UnitError, conversion_factor

KNOWN_KEYS = (
    "measure", "subject", "low", "high", "low_inclusive", "high_inclusive", "unit",
    "stated", "hedge", "value", "document", "file", "source", "date", "start", "end",
    "line", "column", "sentence", "url", "origin", "attribution", "as_of", "part",
    "place",
)  # fmt: skip


def read_claims(
    path: Path, ruleset: RuleSet, reader: FileReader | None = None
) -> tuple[list[Claim], list[LoadError]]:
    """The claims in the JSONL file at ``path``, and the problems of lines left out."""
    name = path.as_posix()
    settings = ReadingSettings.with_overrides(ruleset.hedges, ruleset.vague)
    claims: list[Claim] = []
    errors: list[LoadError] = []
    try:
        handle = (FileReader() if reader is None else reader).open_binary(path)
    except OSError as err:
        return [], [LoadError(name, f"cannot read claims file: {err.strerror or err}")]
    with handle:
        for line_no, raw in enumerate(handle, start=1):
            if line_no == 1 and is_utf16(raw):
                return [], [LoadError(name, UTF16_MESSAGE, 1, 1)]
            raw = raw.removeprefix(BOM) if line_no == 1 else raw
            if not raw.strip():
                continue
            try:
                claim, warnings = claim_from_json(json_object(raw, exact=True), ruleset, settings)
            except LoadProblem as problem:
                errors.append(problem.shifted(line_no - 1).at(name, line_no))
                continue
            claims.append(claim)
            errors.extend(warning.at(name, line_no) for warning in warnings)
    return claims, errors


def claim_from_json(
    obj: dict[str, Any], ruleset: RuleSet, settings: ReadingSettings
) -> tuple[Claim, list[LoadProblem]]:
    """A claim from one decoded JSON object; raises ``LoadProblem`` if it is unusable."""
    warnings = [_unknown_key(key) for key in obj if key not in KNOWN_KEYS]
    measure = _measure(obj, ruleset)
    interval, hedge = _stated_interval(obj, settings)
    unit = ruleset.unit_of(measure)
    interval = interval.scale(_factor(text(obj, "unit") or unit, unit, measure))
    interval, clipped = _non_negative(interval)
    warnings.extend(clipped)
    document = text(obj, "document")
    if not document:
        raise LoadProblem("missing `document` (the path of the article the claim is from)")
    start, end = integer(obj, "start", 0), integer(obj, "end", 0)
    if start is not None and end is not None and end < start:
        raise LoadProblem(f"`end` {end} is before `start` {start}")
    try:
        claim = Claim(
            measure=measure,
            subject=text(obj, "subject") or ruleset.measures[measure].subject,
            interval=interval,
            unit=unit,
            stated=text(obj, "stated") or str(interval),
            hedge=hedge,
            document=document,
            file=text(obj, "file") or None,
            source=text(obj, "source") or _default_source(document),
            date=_date(obj),
            start=start,
            end=end,
            line=integer(obj, "line", 1),
            column=integer(obj, "column", 1),
            sentence=text(obj, "sentence"),
            url=text(obj, "url"),
            origin=_origin(obj, ruleset),
            attribution=text(obj, "attribution"),
            as_of=_as_of(obj),
            part=text(obj, "part") or None,
            place=text(obj, "place") or None,
        )
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise LoadProblem(f"not a valid claim: `{field}`: {first['msg']}") from None
    return claim, warnings


def _unknown_key(key: str) -> LoadProblem:
    guess = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.75)
    hint = f" (did you mean {guess[0]!r}?)" if guess else ""
    return LoadProblem(f"unknown key {key!r} ignored{hint}", severity="warning")


def _measure(obj: dict[str, Any], ruleset: RuleSet) -> str:
    measure = text(obj, "measure")
    if not measure:
        raise LoadProblem("missing `measure`")
    if measure not in ruleset.measures:
        names = sorted(ruleset.measures)
        guess = difflib.get_close_matches(measure, names, n=1)
        hint = f"; did you mean {guess[0]!r}?" if guess else ""
        known = ", ".join(names) or "none"
        raise LoadProblem(f"unknown `measure` {measure!r}{hint} (the rule files define: {known})")
    return measure


def _stated_interval(obj: dict[str, Any], settings: ReadingSettings) -> tuple[Interval, str | None]:
    hedge = text(obj, "hedge")
    if "value" in obj:
        if "low" in obj or "high" in obj:
            raise LoadProblem("give either `low`/`high` or `value`, not both")
        _check_hedge(hedge)
        return _from_value(obj["value"], hedge, settings), hedge
    for key in ("low", "high"):
        if key not in obj:
            raise LoadProblem(f"missing `{key}` (use null for an unbounded end, or give `value`)")
    low, high = number(obj, "low"), number(obj, "high")
    if low is not None and high is not None and low > high:
        raise LoadProblem(f"`low` {_show(low)} is greater than `high` {_show(high)}")
    low_closed, high_closed = flag(obj, "low_inclusive"), flag(obj, "high_inclusive")
    try:
        interval = Interval(low, high, low_closed, high_closed)
    except ValueError:
        empty = f"the interval from `low` {_show(low)} to `high` {_show(high)} is empty"
        raise LoadProblem(empty) from None
    return interval, hedge


def _check_hedge(hedge: str | None) -> None:
    try:
        family_of(hedge)
    except KeyError:
        guess = difflib.get_close_matches(str(hedge).lower(), HEDGE_FAMILIES, n=1)
        hint = f"; did you mean {guess[0]!r}?" if guess else ""
        raise LoadProblem(f"unknown `hedge` {hedge!r}{hint}") from None


def _from_value(value: Any, hedge: str | None, settings: ReadingSettings) -> Interval:
    if isinstance(value, str):
        key = " ".join(value.lower().split())
        if key not in settings.vague:
            raise LoadProblem(
                f"`value` {value!r} is neither a number nor a vague amount the rules define"
            )
        low, high = settings.vague[key]
        return Interval(low, high) if hedge is None else hedged_interval(low, high, hedge, settings)
    amount = number({"value": value}, "value")
    if amount is None:
        raise LoadProblem("`value` is null; give a number or use `low`/`high`")
    return hedged_interval(amount, amount, hedge, settings)


def _factor(unit: str, canonical: str, measure: str) -> Fraction:
    try:
        return conversion_factor(unit, canonical)
    except UnitError as err:
        raise LoadProblem(f"`unit` {unit!r} does not fit measure {measure!r}: {err}") from None


def _date(obj: dict[str, Any]) -> dt.date | None:
    day = text(obj, "date")
    if not day:
        return None
    try:
        return parse_iso_date(day)
    except LoadProblem:
        raise LoadProblem(f"`date` {day!r} is not an ISO date such as 2024-12-23") from None


def _origin(obj: dict[str, Any], ruleset: RuleSet) -> str | None:
    """The claim's origin, which must be one the rule files declare."""
    origin = text(obj, "origin")
    if origin and origin not in ruleset.origins:
        known = ", ".join(sorted(ruleset.origins)) or "none declared"
        raise LoadProblem(f"`origin` {origin!r} is not an origin of the rule files ({known})")
    return origin or None


def _as_of(obj: dict[str, Any]) -> AsOf | None:
    """The days the figure held: ``{"start": DATE or null, "end": DATE}``, or null."""
    value = obj.get("as_of")
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("end"), str):
        raise LoadProblem("`as_of` must be an object with an ISO date `end` (and `start`)")
    start = value.get("start")
    try:
        first = parse_iso_date(start) if isinstance(start, str) else None
        last = parse_iso_date(value["end"])
    except ValueError:
        raise LoadProblem("`as_of` dates must be ISO dates such as 2024-12-23") from None
    if start is not None and first is None:
        raise LoadProblem("`as_of.start` must be an ISO date or null")
    if first is not None and first > last:
        raise LoadProblem(f"`as_of.start` {first} is after `as_of.end` {last}")
    return AsOf(start=first, end=last)


def _non_negative(interval: Interval) -> tuple[Interval, list[LoadProblem]]:
    high = interval.high
    if high is not None and (high < 0 or (high == 0 and not interval.high_closed)):
        raise LoadProblem(f"the amount {interval} is negative; amounts are never below 0")
    low = interval.low
    if low is not None and low >= 0:
        return interval, []
    clipped = Interval(Fraction(0), high, True, interval.high_closed)
    if low is None:
        return clipped, []
    warning = LoadProblem(
        f"low {_show(low)} is negative; amounts are never below 0, so it is read as 0",
        severity="warning",
    )
    return clipped, [warning]


def _default_source(document: str) -> str:
    base, _, suffix = document.rpartition(":")
    if base and suffix.isdigit():
        document = base  # "batch.jsonl:17": the source is the file, not the line
    return PurePosixPath(document).stem or document


def _show(value: Fraction | None) -> str:
    if value is None:
        return "unbounded"
    return str(value.numerator) if value.denominator == 1 else str(float(value))
