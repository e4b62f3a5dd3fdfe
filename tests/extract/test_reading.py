"""Reading numbers into intervals, from a table of our own phrases."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from crosscheck.extract import Extractor, Mention, NotQuantity
from crosscheck.extract.mention import NumberReader
from crosscheck.extract.patterns import lowered
from crosscheck.hedges import ReadingSettings

TABLE: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "reading_table.yaml").read_text(encoding="utf-8")
)
READER = NumberReader(ReadingSettings())


def first_item(text: str) -> Mention | NotQuantity:
    items = list(READER.scan(text, lowered(text)))
    assert items, f"nothing read in {text!r}"
    return items[0]


def _end(value: Any) -> Fraction | None:
    return None if value == "inf" else Fraction(value)


@pytest.mark.parametrize("row", [r for r in TABLE if "not" not in r], ids=lambda r: r["text"])
def test_amounts_are_read(row: dict[str, Any]) -> None:
    item = first_item(row["text"])
    assert isinstance(item, Mention), item
    assert item.stated == row["stated"]
    assert row["text"][item.start : item.end] == item.stated
    low, high = row["value"]
    assert item.interval.low == _end(low)
    assert item.interval.high == _end(high)
    opened = row.get("open", [])
    assert item.interval.low_closed == ("low" not in opened and low != "inf")
    assert item.interval.high_closed == ("high" not in opened and high != "inf")
    assert item.hedge == row.get("hedge")
    assert item.unit == row.get("unit", "item")


@pytest.mark.parametrize("row", [r for r in TABLE if "not" in r], ids=lambda r: r["text"])
def test_non_amounts_are_recognised(row: dict[str, Any]) -> None:
    items = list(READER.scan(row["text"], lowered(row["text"])))
    assert items and all(isinstance(i, NotQuantity) for i in items), items
    assert row["not"] in items[0].reason


def test_same_caliber_however_written(extractor: Extractor) -> None:
    values = set()
    for text in ("240mm", "240 mm", "240 millimeter", "240-millimetre", "24 cm"):
        item = first_item(f"They shipped {text} rocket launchers.")
        assert isinstance(item, Mention)
        from crosscheck.units import conversion_factor

        values.add(item.interval.scale(conversion_factor(item.unit, "mm")))
    assert len(values) == 1


def test_rule_file_settings_change_readings() -> None:
    settings = ReadingSettings.with_overrides(
        {"approximately": Fraction(1, 5)}, {"thousands": (Fraction(1000), Fraction(20000))}
    )
    reader = NumberReader(settings)
    text = "approximately 100 and thousands"
    first, second = list(reader.scan(text, lowered(text)))
    assert isinstance(first, Mention) and isinstance(second, Mention)
    assert (first.interval.low, first.interval.high) == (80, 120)
    assert (second.interval.low, second.interval.high) == (1000, 20000)


def test_vague_phrase_of_a_rule_file_is_found() -> None:
    reader = NumberReader(
        ReadingSettings.with_overrides({}, {"a couple": (Fraction(2), Fraction(3))})
    )
    text = "a couple of tanks"
    (item,) = list(reader.scan(text, lowered(text)))
    assert isinstance(item, Mention)
    assert item.stated == "a couple" and item.interval.high == 3
