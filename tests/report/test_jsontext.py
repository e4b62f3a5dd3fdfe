"""The fast indented JSON writer gives exactly the standard library's text."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.report.jsontext import dumps

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=30,
)


@given(json_values)
def test_same_text_as_the_standard_library(value: Any) -> None:
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


@given(json_values, st.integers(0, 4))
def test_same_text_at_any_indent(value: Any, indent: int) -> None:
    assert dumps(value, indent) == json.dumps(value, indent=indent, ensure_ascii=False)


def test_strings_holding_separators_stay_escaped() -> None:
    value = {"a": ',\n  "b": 1', "list": ["]\n", "{}"], "nested": [{"x": "\u2028é"}]}
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize(
    "value", [{7: "a", None: 2, True: [3], 2.5: {}}, {"a": [1, {2: [3, 4], False: 0.5}]}]
)
def test_keys_that_are_not_strings_as_the_standard_library_writes_them(value: Any) -> None:
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_what_json_cannot_write_is_refused_alike() -> None:
    for value in ({"a": {1, 2}}, {(1, 2): [1]}, [object()]):
        with pytest.raises(TypeError):
            json.dumps(value, indent=2)
        with pytest.raises(TypeError):
            dumps(value)
