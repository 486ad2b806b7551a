"""Long inputs cost no n×m array: candidate pairs come from blocks or an index, with the same results.

The dense filter (every pair, a block of rows at a time) is what every real report pair uses; beyond
``candidates.DENSE_PAIRS`` pairs the index of shared bigrams proposes the pairs.  These tests hold both to what
they promise on real reports: the blocks change nothing, the index proposes only pairs the filter keeps and
finds nearly all of them.  How fast either is: benchmarks/bench_scale.py.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reportkit
from reportkit.comparison import align, candidates, sentences
from reportkit.comparison.align import bucket_overlap, plausible_pairs, sentences_of, shared_gram_pairs
from reportkit.parse.metrics import context as metric_context
from reportkit.parse.metrics.context import governed_by_goal

SC = Path("corpus") / "gongzuo" / "china-state-council"


def _sentences(shared: Path, year: str) -> list[str]:
    return [s.text for s in sentences_of(reportkit.read(shared / SC / f"{year}.txt"))]


def _keep_half(overlap: np.ndarray, ca: np.ndarray, cb: np.ndarray, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    kept: np.ndarray = 2 * overlap >= 0.44 * (ca + cb)
    return kept


@pytest.mark.shared
def test_blocks_keep_exactly_the_pairs_of_the_dense_matrix(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = _sentences(shared, "2014"), _sentences(shared, "2015")
    overlap, ca, cb = bucket_overlap(a, b)
    dense = np.nonzero(2 * overlap >= 0.44 * (ca[:, None] + cb[None, :]))
    monkeypatch.setattr(candidates, "BLOCK", 1000)  # many small blocks of rows
    rows, cols = plausible_pairs(a, b, _keep_half)
    assert rows.tolist() == dense[0].tolist() and cols.tolist() == dense[1].tolist()


@pytest.mark.shared
def test_the_index_proposes_only_kept_pairs_and_finds_nearly_all_matches(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _sentences(shared, "1999"), _sentences(shared, "2000")
    dense_rows, dense_cols, _ = sentences._prefiltered(a, b, align.DEFAULT_SCORER, 0.5)
    monkeypatch.setattr(candidates, "DENSE_PAIRS", 0)
    rows, cols, values = sentences._prefiltered(a, b, align.DEFAULT_SCORER, 0.5)
    dense = set(zip(dense_rows.tolist(), dense_cols.tolist(), strict=True))
    indexed = set(zip(rows.tolist(), cols.tolist(), strict=True))
    assert indexed <= dense and len(indexed) >= 0.9 * len(dense)
    assert (values >= 0.5).all()
    # what it misses shares only common bigrams (发展, 创新): never a sentence that kept most of its words
    missed = dense - indexed
    assert all(align.DEFAULT_SCORER(a[i], b[j]) < 0.75 for i, j in missed)


def test_the_index_proposes_a_bounded_number_of_partners_per_gram() -> None:
    # 200 texts all holding the same bigram (and nothing else in common): too common to propose anything
    a = [f"共同{chr(0x4E00 + k)}甲" for k in range(200)]
    b = [f"共同{chr(0x4E00 + k)}乙" for k in range(200)]
    flat = np.concatenate(list(shared_gram_pairs(a, b)))
    pairs = {(int(x) // len(b), int(x) % len(b)) for x in flat}
    assert (5, 5) in pairs  # 同 and the character after it: held by a[5] and b[5] only
    assert (5, 6) not in pairs  # 共同 alone is held by 200 texts on each side
    assert len(pairs) < 200 * 30


@pytest.mark.shared
def test_a_comparison_through_the_index_still_places_every_sentence_once(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = (reportkit.read(shared / SC / f"{y}.txt") for y in ("2015", "2016"))
    monkeypatch.setattr(candidates, "DENSE_PAIRS", 0)
    diff = reportkit.compare(old, new)
    olds = [p.old.start for p in diff.sentences if p.old is not None]
    news = [p.new.start for p in diff.sentences if p.new is not None]
    assert sorted(olds) == [s.start for s in sentences_of(old)]
    assert sorted(news) == [s.start for s in sentences_of(new)]
    assert len(diff.commitments) == len(old.commitments)


def _rescanned(text: str, sentence_start: int, full_start: int, start: int) -> tuple[str, bool] | None:
    """governed_by_goal as it was: every number rescans its sentence from the start."""
    verb = None
    for m in metric_context._goal_verb().finditer(text, sentence_start, start):
        verb = m.group(0)
    if verb is not None:
        return verb, True
    listed = None
    for m in metric_context._goal_list().finditer(text, full_start, start):
        listed = m.group(0)
    return (listed, False) if listed is not None else None


_WORDS = [
    "力争", "确保", "拟", "模拟", "拟定", "目标是：", "预期目标为", "目标增长",
    "。", "；", "，", "\n", "3%", "亿元", "约",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.data())
def test_goal_words_looked_up_once_agree_with_a_rescan(words: list[str], data: st.DataObject) -> None:
    # as the parser calls it: a number (a digit) at ``start``, its sentence and full sentence begun after a break
    text = "".join(words) + "5"
    start = data.draw(st.sampled_from([k for k, ch in enumerate(text) if ch.isdigit()]))
    sent = max([0] + [k + 1 for k in range(start) if text[k] in "。！？!?；;\n"])
    full = max([0] + [k + 1 for k in range(start) if text[k] in "。！？!?\n"])
    assert governed_by_goal(text, sent, full, start) == _rescanned(text, sent, full, start)


@pytest.mark.shared
def test_goal_words_agree_with_a_rescan_on_every_number_of_a_real_report(shared: Path) -> None:
    text = (shared / SC / "2016.txt").read_text(encoding="utf-8")
    breaks = [0] + [m.end() for m in re.finditer(r"[。！？!?；;\n]", text)]
    full = [0] + [m.end() for m in re.finditer(r"[。！？!?\n]", text)]
    numbers = [m.start() for m in re.finditer(r"[0-9]+", text)]
    random.Random(1).shuffle(numbers)
    for at in numbers[:400]:
        sent = max(b for b in breaks if b <= at)
        fs = max(b for b in full if b <= at)
        assert governed_by_goal(text, sent, fs, at) == _rescanned(text, sent, fs, at)
