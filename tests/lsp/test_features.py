"""The features on an analysis directly (the session test speaks the protocol)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("lsprotocol", reason="the `lsp` extra (pygls) is not installed")

from lsprotocol import types

from crosscheck.lsp.analysis import Analysis, analyse
from crosscheck.lsp.completion import COMMON_UNITS, completions
from crosscheck.lsp.definition import definition
from crosscheck.lsp.diagnostics import diagnostics
from crosscheck.lsp.hover import hover
from crosscheck.std import path_of

TEXT = """import std.casualties

measure caliber: length in mm
    when "caliber"

measure killed: count
    when deaths

rule sizes: caliber within 1 .. 500 mm

rule tolls: killed agree within 50% across origins within 7 days
    severity warning
"""


@pytest.fixture
def analysis(tmp_path: Path) -> Analysis:
    return analyse(tmp_path / "a.rules", TEXT)


def _at(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    """1-based line and column of ``needle``'s first character (+ ``after``)."""
    lines = text.split("\n")
    line = next(i for i, line in enumerate(lines) if needle in line)
    return line + 1, lines[line].index(needle) + 1 + after


def test_a_clean_file_has_no_diagnostics(analysis: Analysis) -> None:
    assert diagnostics(analysis) == []


def test_units_after_in_the_common_ones_first(tmp_path: Path) -> None:
    text = TEXT.replace("in mm", "in ")
    found = completions(analyse(tmp_path / "a.rules", text), *_at(text, "in ", after=3))
    ranked = sorted(found.items, key=lambda item: item.sort_text or "")
    assert [item.label for item in ranked[: len(COMMON_UNITS)]] == list(COMMON_UNITS)
    assert len(ranked) > 500  # and the rest of pint's registry
    assert "rule" not in {item.label for item in ranked}


def test_units_after_a_number(analysis: Analysis) -> None:
    found = completions(analysis, *_at(TEXT, "500 mm", after=5))  # "500 m|m"
    ranked = sorted(found.items, key=lambda item: item.sort_text or "")
    assert [item.label for item in ranked[: len(COMMON_UNITS)]] == list(COMMON_UNITS)
    labels = {item.label for item in found.items}
    assert "within" in labels  # `killed <= 100 within 10%`
    assert "killed" not in labels


def test_a_phrase_set_of_an_import_completes(analysis: Analysis) -> None:
    labels = {item.label for item in completions(analysis, *_at(TEXT, "deaths", 2)).items}
    assert {"deaths", "caliber", "killed"} <= labels


def test_hover_on_bounds_and_agreement(analysis: Analysis) -> None:
    def text(needle: str) -> str:
        found = hover(analysis, *_at(TEXT, needle))
        assert found is not None and isinstance(found.contents, types.MarkupContent)
        return found.contents.value

    assert "every claim of `caliber` must lie in 1 mm .. 500 mm." in text("sizes")
    tolls = text("tolls")
    assert "claims of `killed` must agree (within 50%)" in tolls
    assert "different origins (who gives the figure) dated at most 7 days apart" in tolls
    assert "Severity: warning." in tolls
    deaths = text("deaths")  # a phrase set: its phrases
    assert '"death toll"' in deaths and "a phrase set of " in deaths


def test_definition_of_a_standard_import(analysis: Analysis) -> None:
    found = definition(analysis, *_at(TEXT, "std.casualties"))
    assert found is not None
    standard = path_of("std.casualties")
    assert standard is not None and found.uri == standard.as_uri()
    assert definition(analysis, *_at(TEXT, "agree")) is None  # a keyword declares nothing


def test_an_unreadable_import_is_an_error_on_its_statement(tmp_path: Path) -> None:
    found = diagnostics(analyse(tmp_path / "a.rules", 'import "missing.rules"\n'))
    assert [(d.range.start.line, d.range.start.character) for d in found] == [(0, 0)]
    assert "cannot find imported file `missing.rules`" in found[0].message


def test_a_half_typed_file_still_knows_its_names(tmp_path: Path) -> None:
    text = "measure killed: count\n\nrule few: killed <=\n\nmeasure wounded: count\n"
    analysis = analyse(tmp_path / "a.rules", text)
    [error] = diagnostics(analysis)
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.range.start == types.Position(2, 19)  # just after `<=`: the right side is missing
    assert "expected a measure name or a number" in error.message
    labels = {item.label for item in completions(analysis, 3, 20).items}
    assert {"killed", "wounded"} <= labels
