"""Array helpers the candidate indexes share."""

from __future__ import annotations

import numpy as np


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` by a sort and a neighbour test: numpy 2's hash-based unique is ten times slower on
    millions of distinct pair keys, and grows faster than the keys do (cache misses)."""
    out = np.sort(values)
    if len(out) > 1:
        out = out[np.concatenate(([True], out[1:] != out[:-1]))]
    return out
