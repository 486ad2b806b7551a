"""Text containment: how much of a commitment (or of an indicator) a review sentence holds, scored only for the
pairs that ``align.plausible_pairs`` lets through (no n×m array), kept as a sparse table."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from ...model import Commitment
from ..align import plausible_pairs

_ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
_WORD_CHARS = re.compile(r"\w")


def _lcs(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """LCS lengths of the pairs ``(a[k], b[k])``."""
    return process.cpdist(a, b, scorer=LCSseq.similarity, dtype=np.int32, workers=1).astype(np.float32)


class _Sparse:
    """Scores of some (needle, hay) pairs; every other pair scores 0."""

    def __init__(self, n_rows: int, rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> None:
        self.rows, self.cols, self.values = rows, cols, values  # row-major order
        self.n_rows = n_rows

    def row(self, r: int) -> dict[int, np.float32]:
        """Row ``r`` as column → score (float32 scalars: thresholds compare as they did on a dense grid)."""
        lo, hi = np.searchsorted(self.rows, [r, r + 1])
        return dict(zip(self.cols[lo:hi].tolist(), self.values[lo:hi], strict=True))

    def row_max(self) -> np.ndarray:
        best = np.zeros(self.n_rows, dtype=np.float32)
        np.maximum.at(best, self.rows, self.values)
        return best


def _containment(needles: Sequence[str], hay: Sequence[str], cutoff: float, *, min_shared: int = 0) -> _Sparse:
    """How much of each needle a hay holds: ``LCS / len(needle)``, or the share of its bigrams when
    higher (word order flips: 深入推进数字政府建设 → 数字政府建设深入推进); 0 where it cannot reach ``cutoff``.
    With ``min_shared``, a pair sharing fewer bigrams than that scores its bigram share instead: a short needle's
    characters turn up in order, far apart, in any long sentence (万众创新 in 全社会创业创新热情).

    A thousand plan clauses against a few hundred review sentences is too many pairs to score; a pair
    can only reach the cutoff when the hay holds that share of the needle's character buckets
    (align.plausible_pairs), so only those pairs go to ``cpdist``, and only near misses to the bigrams.
    """
    if not needles or not hay:
        return _Sparse(len(needles), *(np.zeros(0, dtype=t) for t in (np.int64, np.int64, np.float32)))

    def keep(overlap: np.ndarray, cn: np.ndarray, _ch: np.ndarray, _r: np.ndarray, _c: np.ndarray) -> np.ndarray:
        return overlap >= cutoff * cn

    rows, cols = plausible_pairs(needles, hay, keep)
    values = np.zeros(len(rows), dtype=np.float32)
    if len(rows):
        lcs = process.cpdist(
            [needles[r] for r in rows.tolist()],
            [hay[c] for c in cols.tolist()],
            scorer=LCSseq.similarity,
            workers=1,
        )
        lengths = np.array([max(1, len(n)) for n in needles], dtype=np.float32)
        values[:] = lcs / lengths[rows]
        near = np.nonzero((values < cutoff) & (values >= 0.5))[0]
        for k in near:
            r, c = int(rows[k]), int(cols[k])
            values[k] = max(values[k], _bigram_share(needles[r], hay[c]))
        if min_shared:
            for k in np.nonzero(values >= cutoff)[0]:
                r, c = int(rows[k]), int(cols[k])
                shared, total = _shared_grams(needles[r], hay[c])
                if shared < min_shared:
                    values[k] = shared / total if total else 0.0
    return _Sparse(len(needles), rows, cols, values)


def _bigram_share(needle: str, hay: str) -> float:
    shared, total = _shared_grams(needle, hay)
    return shared / total if total else 0.0


def _shared_grams(needle: str, hay: str) -> tuple[int, int]:
    """How many of the needle's bigrams the hay holds, and how many it has."""
    grams = _grams(needle)
    return sum(g in hay for g in grams), len(grams)


def _grams(text: str) -> frozenset[str]:
    """The character bigrams of a text (Chinese words are mostly two characters)."""
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _words_of(c: Commitment) -> str:
    """A commitment's text without its target figure: last year's target is not this year's figure, so the
    words around it are what this year's report repeats (居民消费价格涨幅3%左右 → 居民消费价格涨幅保持较低水平)."""
    t = c.target
    if t is None or not c.start <= t.start < t.end <= c.end:
        return c.text
    rest = c.text[: t.start - c.start] + c.text[t.end - c.start :]
    # what is left must still say something: four characters, or two English words (not a lone code)
    words = _ENGLISH_WORD.findall(rest) if rest.isascii() else _WORD_CHARS.findall(rest)
    return rest if len(words) >= (2 if rest.isascii() else 4) else ""


def _squeeze(text: str) -> str:
    return "".join(text.split())
