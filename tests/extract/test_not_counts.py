"""Figures that count no one, though a measure of people stands next to them."""

from __future__ import annotations

from extract_helpers import doc
from test_extract_places import EXTRACTOR


def test_sums_written_with_rs_and_a_full_stop_count_no_one() -> None:
    text = (
        "The ministry pays Rs. 10 lakh for the families of the dead and Rs. 2 lakh for the injured."
    )
    assert EXTRACTOR.claims(doc(text)) == []


def test_vehicles_that_carry_the_injured_are_no_count_of_them() -> None:
    text = "Sixty ambulances and 17 coaches were sent to carry the injured."
    assert EXTRACTOR.claims(doc(text)) == []
