"""Range counts on columns: for many ranges of one array at once, how many of each range's
values are above the range's own threshold (a wavelet matrix walked level by level as it is
built, so that every count costs a few array passes per bit of the values, whatever the
ranges' lengths). Pure: no I/O.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Ints = NDArray[np.int64]


def count_above(values: Ints, lo: Ints, hi: Ints, threshold: Ints) -> Ints:
    """Per query ``i``, how many of ``values[lo[i]:hi[i]]`` are above ``threshold[i]``
    (``0 <= lo <= hi <= len(values)``)."""
    lo, hi = np.asarray(lo, dtype=np.int64), np.asarray(hi, dtype=np.int64)
    count: Ints = hi - lo
    if not len(lo) or not len(values):
        return count
    # Only the order of values among the thresholds counts: a value becomes how many
    # distinct thresholds are below it, a threshold its place among them, so the values
    # have as many bits as the number of thresholds needs, not as the largest value.
    distinct = np.unique(threshold)
    current = np.searchsorted(distinct, values, "left").astype(np.int64)
    bound = np.searchsorted(distinct, threshold, "left").astype(np.int64) + 1
    below = np.zeros(len(lo), dtype=np.int64)
    for bit in range(len(distinct).bit_length() - 1, -1, -1):
        ones = ((current >> bit) & 1).astype(np.bool_)
        zeros = np.zeros(len(current) + 1, dtype=np.int64)
        np.cumsum(~ones, out=zeros[1:])
        lo_zeros, hi_zeros = zeros[lo], zeros[hi]
        up = ((bound >> bit) & 1).astype(np.bool_)  # the bound's bit is 1: zeros are below it
        below += np.where(up, hi_zeros - lo_zeros, 0)
        total = zeros[-1]
        lo = np.where(up, total + lo - lo_zeros, lo_zeros)
        hi = np.where(up, total + hi - hi_zeros, hi_zeros)
        current = np.concatenate([current[~ones], current[ones]])
    above: Ints = count - below
    return above


def count_above_of_key(values: Ints, keys: Ints, queries: tuple[Ints, Ints, Ints, Ints]) -> Ints:
    """Per query ``(lo, hi, threshold, key)``, how many of the range's values whose key is
    ``key`` are above ``threshold`` (``count_above`` over the values sorted by key, each
    key's in place order)."""
    lo, hi, threshold, key = queries
    if not len(lo):
        return np.zeros(0, dtype=np.int64)
    order = stable_order(keys)
    width = len(values) + 1
    placed = (keys[order] - keys.min(initial=0)) * width + order
    base = (key - keys.min(initial=0)) * width
    start = np.searchsorted(placed, base + lo, "left")
    stop = np.searchsorted(placed, base + hi, "left")
    return count_above(values[order], start, stop, threshold)


def stable_order(values: Ints) -> Ints:
    """``np.argsort(values, kind="stable")``, by radix sort when the values fit 16 bits
    (tree nodes, outlets, origins: one pass, not a merge sort)."""
    if len(values) and int(values.min()) >= 0 and int(values.max()) < 2**16:
        order: Ints = np.argsort(values.astype(np.uint16), kind="stable")
        return order
    return np.argsort(values, kind="stable")
