"""Colour contrast of the report's palette (WCAG 2.1 AA: 4.5:1 for text)."""

from __future__ import annotations

import re

import pytest

from crosscheck.report.html.chart import PALETTE
from crosscheck.report.html.templates.assets import CSS

VARIABLES = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", CSS))


def luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("fg", "bg"),
        ("fg", "card"),
        ("muted", "bg"),
        ("muted", "card"),
        ("accent", "card"),
        ("accent", "bg"),
        ("error", "error-bg"),
        ("warning", "warning-bg"),
        ("info", "info-bg"),
        ("error", "card"),
        ("warning", "card"),
        ("info", "card"),
    ],
)
def test_text_colours_meet_aa(text: str, background: str) -> None:
    assert contrast(VARIABLES[text], VARIABLES[background]) >= 4.5


@pytest.mark.parametrize("colour", PALETTE)
def test_source_colours_stand_out_on_white(colour: str) -> None:
    assert contrast(colour, "#ffffff") >= 4.5
