"""Range counts on columns (``columns.counting``) against counting one by one."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.columns.counting import count_above, count_above_of_key

Query = tuple[int, int, int, int]


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[int], list[int], list[Query]]:
    """Values (repeats, ties with thresholds), their keys, and ranges of them to count."""
    values = draw(st.lists(st.integers(0, 12), max_size=40))
    keys = draw(st.lists(st.integers(0, 3), min_size=len(values), max_size=len(values)))
    place = st.integers(0, len(values))
    query = st.tuples(place, place, st.integers(0, 14), st.integers(-1, 4))
    queries = [(min(a, b), max(a, b), t, k) for a, b, t, k in draw(st.lists(query, max_size=12))]
    return values, keys, queries


def _arrays(queries: list[Query]) -> tuple[np.ndarray, ...]:
    return tuple(np.array([q[i] for q in queries], dtype=np.int64) for i in range(4))


@given(cases())
def test_counts_above_a_threshold_as_one_by_one(
    case: tuple[list[int], list[int], list[Query]],
) -> None:
    values, _, queries = case
    lo, hi, threshold, _ = _arrays(queries)
    found = count_above(np.array(values, dtype=np.int64), lo, hi, threshold)
    assert found.tolist() == [sum(v > t for v in values[a:b]) for a, b, t, _ in queries]


@given(cases())
def test_counts_of_one_key_as_one_by_one(case: tuple[list[int], list[int], list[Query]]) -> None:
    values, keys, queries = case
    arrays = _arrays(queries)
    found = count_above_of_key(
        np.array(values, dtype=np.int64), np.array(keys, dtype=np.int64), arrays
    )
    expected = [
        sum(v > t and k == key for v, k in zip(values[a:b], keys[a:b], strict=True))
        for a, b, t, key in queries
    ]
    assert found.tolist() == expected
