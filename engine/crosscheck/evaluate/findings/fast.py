"""Charges found with sorted indexes instead of pairs (placeholder: decides pairs)."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.evaluate.findings.charges import Charges, by_pairs
from crosscheck.evaluate.findings.readings import Order, Reading
from crosscheck.evaluate.findings.setup import Setup


def by_index(setup: Setup, readings: Sequence[Reading], cite: int, order: Order) -> Charges:
    """The charges of ``by_pairs``, found without visiting every pair."""
    return by_pairs(setup, readings, cite, order)
