"""Fixtures of the HTML reporter's tests."""

from __future__ import annotations

import pytest
from html_builders import hostile_report, sample_report

from crosscheck.model import Report


@pytest.fixture
def report() -> Report:
    return sample_report()


@pytest.fixture
def hostile() -> Report:
    return hostile_report()
