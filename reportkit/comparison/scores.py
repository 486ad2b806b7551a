"""Change scores after Lazy Prices (Cohen, Malloy & Nguyen 2020): how much of a report changed.

Every similarity here has RapidFuzz's scorer form ``scorer(a, b, *, processor=None, score_cutoff=None)``
and returns a float in [0, 1] (1 = identical), so each can be handed to ``rapidfuzz.process.cdist`` or to
:func:`reportkit.comparison.align.align_sentences`.  Bag-of-words measures use :func:`tokens.words`
(numbers and Latin words whole, Chinese as character bigrams), as cntext does for Chinese filings
when no segmenter is wanted.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz.distance import Indel

from ._arrays import sorted_unique
from .records import Scores
from .tokens import words

__all__ = ["Scorer", "TextProfile", "cosine", "edit", "jaccard", "reuse", "scores", "span_scores"]

Scorer = Callable[..., float]
_SHINGLE = 8  # characters: long enough that a shared run is reuse, not a shared phrase (全面依法治国)


def _prep(a: Any, b: Any, processor: Callable[[Any], Any] | None) -> tuple[str, str]:
    if processor is not None:
        a, b = processor(a), processor(b)
    return str(a), str(b)


def _cut(value: float, score_cutoff: float | None) -> float:
    return value if score_cutoff is None or value >= score_cutoff else 0.0


@lru_cache(maxsize=1024)
def _bag(text: str) -> Counter[str]:
    return Counter(words(text))


def cosine(
    a: Any, b: Any, *, processor: Callable[[Any], Any] | None = None, score_cutoff: float | None = None
) -> float:
    """Cosine similarity of the two texts' word-count vectors."""
    x, y = _prep(a, b, processor)
    if x == y:
        return 1.0
    ba, bb = _bag(x), _bag(y)
    if not ba or not bb:
        return 0.0
    small, large = (ba, bb) if len(ba) <= len(bb) else (bb, ba)
    dot = sum(n * large.get(w, 0) for w, n in small.items())
    norm = math.sqrt(sum(n * n for n in ba.values())) * math.sqrt(sum(n * n for n in bb.values()))
    return _cut(min(1.0, dot / norm), score_cutoff)


def jaccard(
    a: Any, b: Any, *, processor: Callable[[Any], Any] | None = None, score_cutoff: float | None = None
) -> float:
    """Jaccard similarity of the two texts' word sets."""
    x, y = _prep(a, b, processor)
    if x == y:
        return 1.0
    sa, sb = _bag(x).keys(), _bag(y).keys()
    union = len(sa | sb)
    return _cut(len(sa & sb) / union, score_cutoff) if union else 0.0


def edit(
    a: Any, b: Any, *, processor: Callable[[Any], Any] | None = None, score_cutoff: float | None = None
) -> float:
    """Normalised Indel similarity of the characters (RapidFuzz's ``ratio`` / 100)."""
    x, y = _prep(a, b, processor)
    return float(Indel.normalized_similarity(x, y, score_cutoff=score_cutoff))


def _shingles(text: str) -> set[str]:
    return {text[i : i + _SHINGLE] for i in range(len(text) - _SHINGLE + 1)}


def reuse(
    a: Any, b: Any, *, processor: Callable[[Any], Any] | None = None, score_cutoff: float | None = None
) -> float:
    """Share of ``b``'s characters (this year) covered by 8-character runs that also occur in ``a`` (last year).

    Not symmetric on purpose: a report that keeps all of last year's text and adds as much again
    reuses half of itself.
    """
    old, new = _prep(a, b, processor)
    if not new:
        return 1.0 if not old else 0.0
    if len(new) < _SHINGLE or len(old) < _SHINGLE:
        return _cut(1.0 if new in old else 0.0, score_cutoff)
    seen = _shingles(old)
    covered = 0
    reach = 0  # first position not yet counted
    for i in range(len(new) - _SHINGLE + 1):
        if new[i : i + _SHINGLE] in seen:
            covered += _SHINGLE - max(0, reach - i)
            reach = i + _SHINGLE
    return _cut(covered / len(new), score_cutoff)


def scores(old: str, new: str) -> Scores:
    """All four measures for one pair of texts, each by its scorer above."""
    return Scores(
        cosine=round(cosine(old, new), 4),
        jaccard=round(jaccard(old, new), 4),
        edit=round(edit(old, new), 4),
        reuse=round(reuse(old, new), 4),
    )


_ARGSORT_MAX = 1 << 20  # positions up to which np.unique's argsort is the faster way to the ids


class TextProfile:
    """One report's text as arrays, so that any span's bag of words and shingles cost a slice, not a pass.

    A comparison scores the whole report and every section pair; running the string scorers on each
    would tokenise the text once per level of the section tree.  Here both reports share one feature
    vocabulary (``np.unique`` over both), a span's bag is a ``bincount`` of a slice, and its 8-character
    shingles are rolling hashes in one array.  Features are CJK character bigrams and whole Latin words
    and numbers (see ``_features``; :func:`tokens.words` differs only in keeping a unit on its number).
    """

    def __init__(self, text: str, ids: np.ndarray, valid: np.ndarray, vocab: int, shingles: np.ndarray):
        self.text = text
        self.ids = ids  # bigram id starting at each position (valid where ``valid``)
        self.valid = valid
        self.vocab = vocab
        self.shingles = shingles  # hash of the 8 characters starting at each position
        self._table: np.ndarray | None = None

    @property
    def table(self) -> np.ndarray:
        """Scratch space for span_scores' shingle lookups (4 MB, allocated on first use, left all False)."""
        if self._table is None:
            self._table = np.zeros(1 << _TABLE_BITS, dtype=bool)
        return self._table

    @staticmethod
    def pair(old: str, new: str) -> tuple[TextProfile, TextProfile]:
        cps = [np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64) for t in (old, new)]
        codes, valids = [], []
        for text, cp in zip((old, new), cps, strict=True):
            code, valid = _features(text, cp)
            codes.append(code)
            valids.append(valid)
        every = np.concatenate(codes)
        if len(every) <= _ARGSORT_MAX:
            _, inverse = np.unique(every, return_inverse=True)
            vocab = int(inverse.max()) + 1 if len(inverse) else 1
        else:  # the same ids from a sort and a lookup: the argsort of millions of positions is 1.6× slower
            vocabulary = sorted_unique(every)
            inverse = np.searchsorted(vocabulary, every)
            vocab = len(vocabulary) or 1
        ids = (inverse[: len(codes[0])], inverse[len(codes[0]) :])
        return (
            TextProfile(old, ids[0], valids[0], vocab, _roll(cps[0])),
            TextProfile(new, ids[1], valids[1], vocab, _roll(cps[1])),
        )

    def bag(self, start: int, end: int) -> np.ndarray:
        sl = slice(start, max(start, min(end, len(self.ids))))
        return np.bincount(self.ids[sl][self.valid[sl]], minlength=self.vocab)


_LATIN_WORD = re.compile(r"[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?:[.'’-][0-9A-Za-z]+)*")
_WORD_BIT = np.uint64(1 << 62)  # word codes live above every bigram code (bigrams use 42 bits)


def _features(text: str, cp: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A feature code starting at each position: a CJK character bigram, or a whole Latin word or number.

    Chinese has no spaces, so its bag of words is a bag of character bigrams; English and numbers
    have spaces and are counted as words (character bigrams would make any two English texts alike).
    """
    n = len(cp)
    code = np.zeros(n, dtype=np.uint64)
    valid = np.zeros(n, dtype=bool)
    if n > 1:
        cjk = _cjk(cp)
        code[:-1] = cp[:-1] * np.uint64(1 << 21) + cp[1:]
        valid[:-1] = cjk[:-1] & cjk[1:]
    starts, words = [], []
    for m in _LATIN_WORD.finditer(text):
        starts.append(m.start())
        words.append(_WORD_BIT | np.uint64(zlib.crc32(m.group(0).lower().encode("utf-8"))))
    if starts:
        code[starts] = words
        valid[starts] = True
    return code, valid


def _cjk(cp: np.ndarray) -> np.ndarray:
    return ((cp >= 0x4E00) & (cp <= 0x9FFF)) | ((cp >= 0x3400) & (cp <= 0x4DBF))


def _roll(cp: np.ndarray) -> np.ndarray:
    if len(cp) < _SHINGLE:
        return np.zeros(0, np.uint64)
    h = np.zeros(len(cp) - _SHINGLE + 1, dtype=np.uint64)
    for k in range(_SHINGLE):  # 8 vector passes, not a loop over characters
        h = h * np.uint64(1_000_003) + cp[k : len(cp) - _SHINGLE + 1 + k]
    return h


_TABLE_BITS = 22


def _found(mine: np.ndarray, seen: np.ndarray, table: np.ndarray) -> np.ndarray:
    """Whether each of ``mine`` occurs in ``seen``: a direct-address table on the hashes' low 22 bits.

    O(n) where ``np.isin`` sorts; a false hit needs two 8-character runs to agree on 22 hash bits
    (one in 800 for a whole report), which moves the reuse share by a fraction of a percent.
    """
    mask = np.uint64((1 << _TABLE_BITS) - 1)
    keys = (seen & mask).astype(np.intp)
    table[keys] = True  # the table belongs to one comparison's profile, and is left all False again
    try:
        return table[(mine & mask).astype(np.intp)].astype(np.int32)
    finally:
        table[keys] = False


def span_scores(
    old: TextProfile, new: TextProfile, old_span: tuple[int, int], new_span: tuple[int, int], edit_sim: float
) -> Scores:
    """Cosine, Jaccard and reuse of two spans from their profiles; ``edit`` is given by the caller.

    The caller passes the edit similarity measured along the sentence alignment (the LCS of each sentence
    pair, summed): a character-level Indel over 20 000 characters costs more than the whole comparison
    may, and the sentence-wise figure does not punish text that merely moved.
    """
    a, b = old.bag(*old_span), new.bag(*new_span)
    # integer dot products: exact, and no BLAS threads to wait for on a busy machine
    na, nb = float(np.sqrt(int(a @ a))), float(np.sqrt(int(b @ b)))
    cos = float(int(a @ b)) / (na * nb) if na and nb else float(na == nb)
    union = int(np.count_nonzero((a > 0) | (b > 0)))
    jac = int(np.count_nonzero((a > 0) & (b > 0))) / union if union else 1.0
    s0, s1 = new_span
    n_len = s1 - s0
    if n_len <= 0:
        reused = 1.0 if old_span[1] <= old_span[0] else 0.0
    else:
        seen = old.shingles[old_span[0] : max(old_span[0], old_span[1] - _SHINGLE + 1)]
        mine = new.shingles[s0 : max(s0, s1 - _SHINGLE + 1)]
        hit = _found(mine, seen, old.table)
        # a character is reused when one of the shingles covering it is found in the old text
        cover = np.convolve(hit, np.ones(_SHINGLE, np.int32))[:n_len] > 0 if len(hit) else np.zeros(0, bool)
        reused = int(np.count_nonzero(cover)) / n_len
    return Scores(round(min(cos, 1.0), 4), round(jac, 4), round(edit_sim, 4), round(reused, 4))
