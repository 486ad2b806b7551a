"""Which pairs of texts are worth scoring, never as a dense n×m array: up to DENSE_PAIRS pairs each pair's shared
character buckets (an AND and a popcount of packed bit sets) go to a keep rule; beyond that an inverted index of
rare shared bigrams proposes the pairs (benchmarks/bench_scale.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

__all__ = ["BLOCK", "DENSE_PAIRS", "KeepRule", "bucket_overlap", "plausible_pairs", "shared_gram_pairs"]

_BUCKETS = 256
DENSE_PAIRS = 4_000_000  # up to this many pairs every pair goes through the bucket filter (any real report pair)
BLOCK = 1 << 20  # pairs looked at in one numpy pass: memory stays flat however long the reports are
POSTING_CAP = 32  # a bigram held by more texts than this on either side is too common to propose pairs
RAREST_GRAMS = 12  # grams of a text that propose partners (its rarest)

# (shared buckets, buckets of a, buckets of b, rows, cols) -> which pairs are worth scoring; every argument is an
# array of the same shape (a block of rows × all columns, or one entry per candidate pair)
KeepRule = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def _presence(texts: Sequence[str]) -> np.ndarray:
    """Which of 256 character buckets (code point mod 256) each text uses, as 4 packed 64-bit words."""
    out = np.zeros((len(texts), _BUCKETS // 64), dtype=np.uint64)
    step = max(1, BLOCK // _BUCKETS)  # a block of texts at a time: the bool matrix is 256 bytes a text
    for lo in range(0, len(texts), step):
        part = texts[lo : lo + step]
        lengths = [len(t) for t in part]
        cps = np.frombuffer("".join(part).encode("utf-32-le"), dtype=np.uint32)
        rows = np.repeat(np.arange(len(part)), lengths)
        bits = np.zeros((len(part), _BUCKETS), dtype=bool)
        bits[rows, cps % _BUCKETS] = True
        out[lo : lo + len(part)] = np.packbits(bits, axis=1).view(np.uint64)
    return out


def bucket_overlap(a: Sequence[str], b: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shared character buckets of every pair, and each text's own count: AND and popcount, no BLAS.

    Dense (len(a) × len(b)): for small inputs and tests; the comparison itself uses :func:`plausible_pairs`.
    """
    pa, pb = _presence(a), _presence(b)
    overlap = np.zeros((len(a), len(b)), dtype=np.uint16)
    for w in range(pa.shape[1]):  # four 2-D passes beat one 3-D array of every pair's words
        overlap += np.bitwise_count(pa[:, w, None] & pb[None, :, w])
    return overlap, _bucket_counts(pa), _bucket_counts(pb)


def _bucket_counts(p: np.ndarray) -> np.ndarray:
    # float32 counts: the callers compare them with float thresholds
    counts: np.ndarray = np.bitwise_count(p).sum(1, dtype=np.int32).astype(np.float32)
    return counts


def shared_gram_pairs(a: Sequence[str], b: Sequence[str], *, cap: int | None = None) -> Iterator[np.ndarray]:
    """Blocks of candidate pairs (as ``row * len(b) + col``, sorted, unique): texts sharing a character bigram
    (a text of one character is its own gram) that at most ``cap`` texts hold on each side.

    An inverted index: each text proposes at most ``cap`` partners through each of its RAREST_GRAMS rarest
    grams, so the work and the memory grow with the length of the text, not with the number of pairs.  A gram
    as common as 发展 or 工作 proposes nothing; two texts that share only such grams are not paired (the dense
    filter of :func:`plausible_pairs` is used instead wherever the pairs are few enough to look at every one).
    """
    cap = POSTING_CAP if cap is None else cap
    ids: dict[str, int] = {}
    tok_b: list[int] = []
    row_b: list[int] = []
    for j, t in enumerate(b):
        for g in _bigrams(t):
            tok_b.append(ids.setdefault(g, len(ids)))
            row_b.append(j)
    tok_a: list[int] = []
    row_a: list[int] = []
    for i, t in enumerate(a):
        for g in _bigrams(t):
            k = ids.get(g)
            if k is not None:
                tok_a.append(k)
                row_a.append(i)
    if not tok_a:
        return
    ta, ra = np.array(tok_a, dtype=np.int64), np.array(row_a, dtype=np.int64)
    tb, rb = np.array(tok_b, dtype=np.int64), np.array(row_b, dtype=np.int64)
    count_a = np.bincount(ta, minlength=len(ids))
    count_b = np.bincount(tb, minlength=len(ids))
    usable = (count_a <= cap) & (count_b <= cap)
    keep = usable[ta]
    ta, ra = ta[keep], ra[keep]
    # each text proposes through its RAREST_GRAMS rarest grams only: a pair that shares most of its words shares
    # some of those, and the proposals stay a fixed number a text
    order = np.lexsort((count_a[ta] + count_b[ta], ra))
    ta, ra = ta[order], ra[order]
    row_first = np.searchsorted(ra, ra, side="left")
    rank = np.arange(len(ra)) - row_first
    ta, ra = ta[rank < RAREST_GRAMS], ra[rank < RAREST_GRAMS]  # still in row order
    by_tok = np.argsort(tb, kind="stable")
    cols_sorted = rb[by_tok]
    start_b = np.concatenate(([0], np.cumsum(count_b)[:-1]))
    reps = count_b[ta]
    ends = np.cumsum(reps)
    m = len(b)
    lo = 0
    while lo < len(ta):
        # a block of entries whose proposals stay under BLOCK, cut at a row boundary so that rows never straddle
        hi = int(np.searchsorted(ends, (ends[lo - 1] if lo else 0) + BLOCK, side="right"))
        hi = max(hi, lo + 1)
        if hi < len(ta):
            cut = int(np.searchsorted(ra, ra[hi], side="left"))
            hi = cut if cut > lo else int(np.searchsorted(ra, ra[lo], side="right"))
        rr, tt, nn = ra[lo:hi], ta[lo:hi], reps[lo:hi]
        first = np.repeat(start_b[tt] - (np.cumsum(nn) - nn), nn) + np.arange(int(nn.sum()))
        yield np.unique(np.repeat(rr, nn) * m + cols_sorted[first])
        lo = hi


def _bigrams(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(len(text) - 1)} if len(text) > 1 else {text}


def plausible_pairs(a: Sequence[str], b: Sequence[str], keep: KeepRule) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns (row-major order) of the pairs that ``keep`` lets through, never a dense n×m array.

    Up to DENSE_PAIRS pairs every pair is tested, a block of rows at a time; beyond that only the pairs that
    :func:`shared_gram_pairs` proposes.
    """
    pa, pb = _presence(a), _presence(b)
    ca, cb = _bucket_counts(pa), _bucket_counts(pb)
    n, m = len(a), len(b)
    rows_out: list[np.ndarray] = []
    cols_out: list[np.ndarray] = []
    if n * m <= DENSE_PAIRS:
        step = max(1, BLOCK // max(1, m))
        cols = np.arange(m)[None, :]
        for lo in range(0, n, step):
            hi = min(n, lo + step)
            overlap = np.zeros((hi - lo, m), dtype=np.uint16)
            for w in range(pa.shape[1]):
                overlap += np.bitwise_count(pa[lo:hi, w, None] & pb[None, :, w])
            rows = np.arange(lo, hi)[:, None]
            r, c = np.nonzero(keep(overlap, ca[lo:hi, None], cb[None, :], rows, cols))
            rows_out.append(r + lo)
            cols_out.append(c)
    else:
        for flat in shared_gram_pairs(a, b):
            r, c = flat // m, flat % m
            overlap = np.bitwise_count(pa[r] & pb[c]).sum(1, dtype=np.uint16)
            hit = keep(overlap, ca[r], cb[c], r, c)
            rows_out.append(r[hit])
            cols_out.append(c[hit])
    if not rows_out:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows_out).astype(np.int64), np.concatenate(cols_out).astype(np.int64)
