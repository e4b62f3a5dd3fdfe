"""A text column's distinct values kept as one Arrow string array, not a Python string
each: the documents of ten million claims are some three million paths. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from numpy.typing import NDArray

MANY = 1 << 16  # distinct values past which a column keeps them as Arrow strings


class Texts(Sequence[str]):
    """Distinct texts in an Arrow string array; each one a Python string only when read."""

    def __init__(self, array: pa.Array) -> None:
        self.array = array

    def __len__(self) -> int:
        return len(self.array)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return tuple(self.array[index].to_pylist())
        text: str = self.array[index].as_py()
        return text

    def order(self) -> NDArray[np.int64]:
        """The places of the texts in string order (code point order, as Python's)."""
        found: NDArray[np.int64] = pc.array_sort_indices(self.array).to_numpy().astype(np.int64)
        return found


def texts_of(array: pa.Array) -> Sequence[str]:
    """Distinct texts as a column keeps them: a tuple of strings, or ``Texts`` past
    ``MANY`` of them."""
    return Texts(array) if len(array) > MANY else tuple(array.to_pylist())
