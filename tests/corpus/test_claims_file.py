"""Reading a claims file from another pipeline (``crosscheck check --claims``)."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from corpus_helpers import Writer

from crosscheck.cli.main import main
from crosscheck.dsl.ast import Measure, RuleSet, Subject
from crosscheck.interval import Interval
from crosscheck.load.claims import read_claims
from crosscheck.model import claim_to_json

RULES = RuleSet(
    subjects={"nk_troops": Subject("nk_troops", ("North Korean troops",))},
    measures={
        "killed": Measure("killed", "count", subject="nk_troops", cumulative=True),
        "deployed": Measure("deployed", "count", subject="nk_troops"),
        "launcher_caliber": Measure("launcher_caliber", "length", unit="mm"),
    },
    rules=(),
    hedges={"approximately": Fraction(1, 5)},
    vague={"several hundred": (Fraction(300), Fraction(800))},
)

BASE = {"measure": "killed", "document": "corpus/newsweek.md", "stated": "approximately 1,100"}


def _write_lines(write: Writer, *lines: object) -> Path:
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    return write("claims.jsonl", text)


def test_a_full_contract_line_is_read_as_given(write: Writer) -> None:
    line = {
        **BASE,
        "subject": "nk_troops",
        "low": 990,
        "high": 1210,
        "unit": "soldiers",
        "hedge": "approximately",
        "source": "Newsweek",
        "date": "2024-12-23",
        "start": 10,
        "end": 29,
        "line": 4,
        "column": 11,
        "sentence": "About 1,100 were killed.",
        "url": "https://example.org/n",
    }
    claims, errors = read_claims(_write_lines(write, line), RULES)
    assert errors == []
    (claim,) = claims
    assert claim.interval == Interval.closed(990, 1210)  # bounds given: the hedge is not re-applied
    assert (claim.hedge, claim.unit, claim.source) == ("approximately", "item", "Newsweek")
    assert (claim.date, claim.start, claim.end) == (date(2024, 12, 23), 10, 29)
    assert claim.location() == "corpus/newsweek.md:4:11"


def test_claim_json_round_trips(write: Writer) -> None:
    first, _ = read_claims(_write_lines(write, {**BASE, "low": 1000, "high": None}), RULES)
    again, errors = read_claims(_write_lines(write, claim_to_json(first[0])), RULES)
    assert errors == []
    assert again == first
    assert first[0].interval == Interval(Fraction(1000), None)


def test_defaults_for_source_subject_unit_and_stated(write: Writer) -> None:
    (claim,), _ = read_claims(
        _write_lines(write, {"measure": "killed", "document": "c/b.jsonl:17", "low": 5, "high": 9}),
        RULES,
    )
    assert (claim.source, claim.subject, claim.unit) == ("b", "nk_troops", "item")
    assert claim.stated == "[5, 9]"
    assert claim.date is None


def test_open_ends_and_inclusive_flags(write: Writer) -> None:
    line = {**BASE, "low": 3000, "high": None, "low_inclusive": False}
    (claim,), _ = read_claims(_write_lines(write, line), RULES)
    assert claim.interval == Interval(Fraction(3000), None, low_closed=False)
    assert not claim.interval.contains(3000) and claim.interval.contains(3001)


@pytest.mark.parametrize(
    ("value", "hedge", "expected"),
    [
        (1100, "approximately", Interval.closed(880, 1320)),  # the rule set's 20%
        (1100, "Roughly", Interval.closed(880, 1320)),  # same family, any case
        (1100, None, Interval.point(1100)),
        (1100, "at least", Interval(Fraction(1100), None)),
        (3000, "over", Interval(Fraction(3000), None, low_closed=False)),
        (10000, "up to", Interval.closed(0, 10000)),
        ("several hundred", None, Interval.closed(300, 800)),  # the rule set's range
        ("thousands", None, Interval.closed(2000, 9999)),  # the default range
        (12.5, None, Interval.point(Fraction(25, 2))),
    ],
)
def test_value_and_hedge_are_read_like_extraction(
    write: Writer, value: object, hedge: str | None, expected: Interval
) -> None:
    (claim,), errors = read_claims(
        _write_lines(write, {**BASE, "value": value, "hedge": hedge}), RULES
    )
    assert errors == []
    assert claim.interval == expected


def test_units_are_converted_to_the_measure_unit(write: Writer) -> None:
    line = {**BASE, "measure": "launcher_caliber", "low": 24, "high": 24, "unit": "cm"}
    (claim,), errors = read_claims(_write_lines(write, line), RULES)
    assert errors == []
    assert (claim.interval, claim.unit) == (Interval.point(240), "mm")


def test_negative_low_is_clipped_with_a_warning(write: Writer) -> None:
    lines = [{**BASE, "low": -5, "high": 10}, {**BASE, "low": None, "high": 10}]
    claims, errors = read_claims(_write_lines(write, *lines), RULES)
    assert [c.interval for c in claims] == [Interval.closed(0, 10)] * 2
    (warning,) = errors
    assert (warning.line, warning.severity) == (1, "warning")
    assert "low -5 is negative" in warning.message


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (
            {**BASE, "measure": "kiled", "low": 1, "high": 2},
            "unknown `measure` 'kiled'; did you mean 'killed'?",
        ),
        ({**BASE, "low": 1, "high": 2, "unit": "furlongs"}, "`unit` 'furlongs' does not fit"),
        ({**BASE, "low": 1, "high": 2, "unit": "blorbs"}, "unknown unit 'blorbs'"),
        ({**BASE, "low": 12, "high": 11}, "`low` 12 is greater than `high` 11"),
        (
            {**BASE, "low": 5, "high": 5, "high_inclusive": False},
            "from `low` 5 to `high` 5 is empty",
        ),
        ({**BASE, "low": -9, "high": -1}, "is negative"),
        ({"measure": "killed", "low": 1, "high": 2}, "missing `document`"),
        ({**BASE, "low": 1}, "missing `high`"),
        ({**BASE}, "missing `low`"),
        ({**BASE, "value": 3, "low": 1, "high": 4}, "not both"),
        ({**BASE, "value": 3, "hedge": "aproximately"}, "`hedge` 'aproximately'; did you mean"),
        ({**BASE, "value": "a great many"}, "neither a number nor a vague amount"),
        ({**BASE, "low": "1,100", "high": 2}, "`low` must be a finite number"),
        ({**BASE, "low": True, "high": 2}, "`low` must be a finite number"),
        ({**BASE, "low": 1, "high": 2, "date": "Monday"}, "`date` 'Monday' is not an ISO date"),
        ({**BASE, "low": 1, "high": 2, "line": 0}, "`line` must be a whole number of at least 1"),
        (
            {**BASE, "low": 1, "high": 2, "line": 7.5},
            "`line` must be a whole number of at least 1, not 7.5",
        ),
        ({**BASE, "low": 1, "high": 2, "start": 9, "end": 3}, "`end` 3 is before `start` 9"),
        ({**BASE, "low": 1, "high": 2, "low_inclusive": "yes"}, "must be true or false"),
        ({**BASE, "low": 1, "high": 2, "source": 7}, "`source` must be a string"),
        ('{"measure": "killed", "low": NaN, "high": 2, "document": "d"}', "finite number"),
        ("[1, 2, 3]", "must be a JSON object"),
        ('{"measure": "killed",', "invalid JSON after `measure`"),
    ],
)
def test_bad_lines_are_errors_naming_the_line(write: Writer, line: object, words: str) -> None:
    good = {**BASE, "low": 1, "high": 2}
    path = _write_lines(write, good, line, good)
    claims, errors = read_claims(path, RULES)
    assert len(claims) == 2
    (error,) = errors
    assert words in error.message, error.message
    assert (error.path, error.line, error.is_error) == (path.as_posix(), 2, True)
    assert error.render().startswith(f"{path.as_posix()}:2")


def test_unknown_key_warns_and_the_claim_is_kept(write: Writer) -> None:
    claims, errors = read_claims(
        _write_lines(write, {**BASE, "low": 1, "hihg": 2, "high": 3}), RULES
    )
    assert len(claims) == 1
    (warning,) = errors
    assert warning.severity == "warning" and "did you mean 'high'" in warning.message


def test_bom_blank_lines_and_encoding_errors(write: Writer) -> None:
    good = json.dumps({**BASE, "low": 1, "high": 2}).encode()
    path = write(
        "claims.jsonl", b"\xef\xbb\xbf" + good + b"\n\n" + b'{"stated": "caf\xe9"}\n' + good
    )
    claims, errors = read_claims(path, RULES)
    assert len(claims) == 2
    (error,) = errors
    assert (error.line, error.column) == (3, 16)
    assert "re-save it as UTF-8" in error.message


def test_missing_file_is_one_error(tmp_path: Path) -> None:
    claims, errors = read_claims(tmp_path / "none.jsonl", RULES)
    assert claims == []
    (error,) = errors
    assert "cannot read claims file" in error.message


def test_utf16_claims_file_is_one_error(write: Writer) -> None:
    line = json.dumps({**BASE, "low": 1, "high": 2}) + "\n"
    claims, errors = read_claims(write("claims.jsonl", (line * 3).encode("utf-16")), RULES)
    assert claims == []
    (error,) = errors
    assert "UTF-16" in error.message and (error.line, error.column) == (1, 1)


def test_decimals_without_a_fraction_are_whole_numbers(write: Writer) -> None:
    line = {**BASE, "low": 1, "high": 2, "line": 7.0, "column": 3.0, "start": 0.0, "end": 5.0}
    (claim,), errors = read_claims(_write_lines(write, line), RULES)
    assert errors == []
    assert (claim.line, claim.column, claim.start, claim.end) == (7, 3, 0, 5)
    assert all(type(n) is int for n in (claim.line, claim.column, claim.start, claim.end))


GOOD_LINE = '{"measure": "killed", "low": 1, "high": 2, "document": "a.md"}'


@pytest.mark.parametrize(
    ("line", "printed"),
    [
        (
            '{"measure": "killed", "low": 1, "high": 2}',
            ":2: error: missing `document` (the path of the article the claim is from)",
        ),
        (
            '{"measure": "killed", "low": "1,100", "high": 2, "document": "a.md"}',
            ":2: error: `low` must be a finite number or null, not a string",
        ),
        (
            '{"measure": "kiled", "low": 1, "high": 2, "document": "a.md"}',
            ":2: error: unknown `measure` 'kiled'; did you mean 'killed'? "
            "(the rule files define: killed)",
        ),
        (
            '{"measure": "killed", "low": 1 "high": 2, "document": "a.md"}',
            ":2:32: error: invalid JSON after `low`: Expecting ',' delimiter",
        ),
    ],
    ids=["missing-field", "wrong-type", "unknown-measure", "invalid-json"],
)
def test_check_names_the_file_line_and_field_of_a_bad_line(
    write: Writer, capsys: pytest.CaptureFixture[str], line: str, printed: str
) -> None:
    rules = write("r.rules", 'measure killed: count\n    when "killed"\n')
    claims = write("bad.jsonl", f"{GOOD_LINE}\n{line}\n{GOOD_LINE}\n")
    args = ["check", "--claims", str(claims), "--rules", str(rules), "--no-cache"]
    assert main(args) == 3
    assert capsys.readouterr().err.splitlines() == [f"{claims}{printed}"]
