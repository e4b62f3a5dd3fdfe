"""Chart scales: round ticks that cover the data, dates to pixels, room for arrows."""

from __future__ import annotations

import itertools
from datetime import date
from fractions import Fraction

import pytest
from html_builders import as_reported
from hypothesis import example, given
from hypothesis import strategies as st

from claim_factory import make_claim
from crosscheck.interval import Interval
from crosscheck.report.html.chart import Plotted, source_styles, x_positions
from crosscheck.report.html.scales import date_scale, date_ticks, nice_step, value_scale


@pytest.mark.parametrize(
    ("raw", "step"), [(0.7, 1), (1, 1), (1.3, 2), (2.2, 2.5), (3, 5), (7, 10), (180, 200)]
)
def test_nice_steps(raw: float, step: float) -> None:
    assert nice_step(raw) == pytest.approx(step)


@given(
    st.lists(
        st.tuples(st.integers(0, 10**7), st.integers(0, 10**7)).map(sorted),
        min_size=1,
        max_size=6,
    )
)
@example([[1, 1]])  # once gave low 0.8500000000000001 under a first tick of 0.85
def test_value_ticks_are_round_evenly_spaced_and_cover_every_end(ends: list[list[int]]) -> None:
    intervals = [Interval.closed(lo, hi) for lo, hi in ends]
    scale = value_scale(intervals, top=10, bottom=290)
    values = [v for v, _ in scale.ticks]
    assert scale.low == values[0] and scale.high == values[-1]
    assert scale.low <= min(lo for lo, _ in ends) and max(hi for _, hi in ends) <= scale.high
    steps = {round(b - a, 6) for a, b in itertools.pairwise(values)}
    assert len(steps) == 1 and 2 <= len(values) <= 12
    assert scale.y(scale.low) == pytest.approx(290) and scale.y(scale.high) == pytest.approx(10)


def test_unbounded_ends_get_room_beyond_every_finite_value() -> None:
    bounded = value_scale([Interval.closed(100, 200)], top=0, bottom=100)
    open_above = value_scale(
        [Interval.closed(100, 200), Interval(Fraction(150), None)], top=0, bottom=100
    )
    assert open_above.high > bounded.high
    assert open_above.low == bounded.low


def test_tick_labels_use_separators_and_decimals_only_when_needed() -> None:
    labels = [t for _, t in value_scale([Interval.closed(1000, 9000)], 0, 100).ticks]
    assert "4,000" in labels
    labels = [t for _, t in value_scale([Interval.closed(1, 2)], 0, 100).ticks]
    assert labels[:3] == ["0.75", "1.00", "1.25"]


def test_date_ticks_step_up_from_days_to_months_to_years() -> None:
    day = date(2024, 12, 20).toordinal()
    assert [t for _, t in date_ticks(day, day + 3)] == [
        "2024-12-20",
        "2024-12-21",
        "2024-12-22",
        "2024-12-23",
    ]
    weekly = date_ticks(day, day + 30)
    assert all(date.fromordinal(d).weekday() == 0 for d, _ in weekly)
    monthly = [t for _, t in date_ticks(day, date(2025, 5, 1).toordinal())]
    assert monthly == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
    yearly = [t for _, t in date_ticks(date(2019, 6, 1).toordinal(), date(2024, 6, 1).toordinal())]
    assert yearly == ["2020", "2021", "2022", "2023", "2024"]


def test_dates_map_left_to_right_and_undated_claims_get_their_own_lane() -> None:
    days = [date(2024, 12, 1), date(2025, 1, 1), None]
    scale = date_scale(days, left=80, right=860)
    a, b = (scale.x(d.toordinal()) for d in days[:2] if d)
    assert 80 < a < b < scale.dated_right < scale.x(None) < 860
    assert all(scale.x(d) <= scale.dated_right for d, _ in scale.ticks)
    no_lane = date_scale(days[:2], left=80, right=860)
    assert no_lane.undated_x is None
    with pytest.raises(AssertionError):
        no_lane.x(None)


def test_claims_of_one_day_sit_side_by_side() -> None:
    day = date(2024, 12, 23)
    items = [
        Plotted(make_claim(interval=Interval.point(1), date=day, **as_reported(name, "1")), True)
        for name in ("A", "B", "C")
    ]
    xs = x_positions(items, date_scale([day], left=80, right=860))
    assert len(set(xs)) == 3 and xs == sorted(xs)


def test_each_source_has_its_own_colour_and_shape_pair() -> None:
    names = [f"source {i}" for i in range(42)]
    styles = source_styles(names)
    assert len({(s.colour, s.shape) for s in styles.values()}) == 42
    assert source_styles(reversed(names)) == styles
