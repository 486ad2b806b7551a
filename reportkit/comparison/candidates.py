"""Which pairs of texts are worth scoring, never as a dense n×m array: up to DENSE_PAIRS pairs each pair's shared
character buckets (an AND and a popcount of packed bit sets) go to a keep rule; beyond that an inverted index of
rare shared bigrams proposes the pairs (benchmarks/bench_scale.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from ._arrays import sorted_unique

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
    grams_b, rb = _gram_codes(b)
    vocabulary = sorted_unique(grams_b)
    tb = np.searchsorted(vocabulary, grams_b)
    grams_a, ra = _gram_codes(a)
    at = np.minimum(np.searchsorted(vocabulary, grams_a), max(len(vocabulary) - 1, 0))
    known = vocabulary[at] == grams_a if len(vocabulary) else np.zeros(len(grams_a), dtype=bool)
    ta, ra = at[known], ra[known]
    if not len(ta):
        return
    # a gram's id is its place in b's vocabulary; counts are of texts holding it (each text's grams are distinct)
    count_a = np.bincount(ta, minlength=len(vocabulary))
    count_b = np.bincount(tb, minlength=len(vocabulary))
    usable = (count_a <= cap) & (count_b <= cap)
    keep = usable[ta]
    ta, ra = ta[keep], ra[keep]
    # each text proposes through its RAREST_GRAMS rarest grams only: a pair that shares most of its words shares
    # some of those, and the proposals stay a fixed number a text
    order = np.lexsort((count_a[ta] + count_b[ta], ra))
    ta, ra = ta[order], ra[order]
    firsts = np.flatnonzero(np.concatenate(([True], ra[1:] != ra[:-1])))  # where each row's entries begin
    rank = np.arange(len(ra)) - np.repeat(firsts, np.diff(np.append(firsts, len(ra))))
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
        yield sorted_unique(np.repeat(rr, nn) * m + cols_sorted[first])
        lo = hi


_ONE_CHARACTER = np.uint64(1 << 42)  # above every bigram code (two 21-bit code points)
_NO_CHARACTER = np.uint64(1 << 43)


def _gram_codes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each text's distinct character bigrams as codes (``cp1 << 21 | cp2``), and the text each belongs to,
    sorted by text and code.  A text of one character is its own gram (an empty text too), as in a set of
    ``text[k:k+2]``; built from one UTF-32 array of all the texts, without a Python loop over characters."""
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    cps = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    starts = np.cumsum(lengths) - lengths
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), np.maximum(lengths - 1, 0))
    firsts = np.ones(len(cps), dtype=bool)  # positions that start a bigram: all but the last of each text
    firsts[(starts + lengths - 1)[lengths > 0]] = False
    pos = np.flatnonzero(firsts)
    codes = (cps[pos] << np.uint64(21)) | cps[pos + 1]
    short = np.flatnonzero(lengths <= 1)
    if len(short):
        own = np.full(len(short), _NO_CHARACTER, dtype=np.uint64)
        single = lengths[short] == 1
        own[single] = _ONE_CHARACTER | cps[starts[short[single]]]
        codes = np.concatenate((codes, own))
        rows = np.concatenate((rows, short))
    if len(texts) <= 1 << 20:  # text and code in one 64-bit key (20 + 44 bits): one sort, not a lexsort
        keys = sorted_unique((rows.astype(np.uint64) << np.uint64(44)) | codes)
        return keys & np.uint64((1 << 44) - 1), (keys >> np.uint64(44)).astype(np.int64)
    order = np.lexsort((codes, rows))
    codes, rows = codes[order], rows[order]
    new = np.concatenate(([True], (codes[1:] != codes[:-1]) | (rows[1:] != rows[:-1])))
    return codes[new], rows[new]


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
