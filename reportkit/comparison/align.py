"""Align two years' sentences and sections.

Sentences: identical sentences (whitespace ignored) pair first, in order; the rest pair greedily, best
first, by a similarity above a cutoff.  Any RapidFuzz-form scorer works (one ``process.cdist`` call);
the default Indel similarity is only computed for pairs that a bit-set filter lets through
(``_prefiltered``), with ``process.cpdist``.  No stage builds an n×m array: pairs are looked at a block of
rows at a time, and past DENSE_PAIRS pairs only those an index of shared bigrams proposes
(:func:`plausible_pairs`; benchmarks/bench_scale.py).  A pair that breaks reading order (not on the
longest increasing run of the pairs) or whose sections were not paired with each other is MOVED.

Sections: paired level by level, on two signals: the title with years taken out (2022年工作思路 ↔
2023年工作思路 is the same title) and how much of the content the sentence pairs carry from one to the
other.  The pairing does not look at markers or positions, so a section that moved keeps its partner.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from ..model import Report, Section, Sentence, fold
from .records import SectionPair, SentencePair, Tag
from .scores import TextProfile, span_scores
from .tokens import redline

__all__ = [
    "Match",
    "align",
    "align_sections",
    "align_sentences",
    "bucket_overlap",
    "match_sentences",
    "plausible_pairs",
    "sentences_of",
    "tag_sentences",
]

Scorer = Callable[..., float]
Match = tuple[int, int, float]  # (old index, new index, similarity in [0, 1])

DEFAULT_SCORER: Scorer = Indel.normalized_similarity
_INDEL_SCORERS = (Indel.normalized_similarity, fuzz.ratio)
SENTENCE_CUTOFF = 0.5
_YEARS = re.compile(r"[0-9０-９]{4}\s*年?度?|[上下今明去本]一?年度?")
_NOISE = re.compile(r"[\W_]+", re.UNICODE)
_FALLBACK_SPLIT = re.compile(r"[^。！？；!?\n]+[。！？；!?]*")


def sentences_of(report: Report) -> tuple[Sentence, ...]:
    """The report's sentences; split on 。！？； and line ends only when the parser gave none."""
    if report.sentences:
        return report.sentences
    out = []
    for m in _FALLBACK_SPLIT.finditer(report.text):
        text = m.group(0).strip()
        if text:
            start = m.start() + m.group(0).index(text)
            sec = report.section_at(start)
            out.append(Sentence(start, start + len(text), text, sec.path if sec else ""))
    return tuple(out)


def _squeeze(text: str) -> str:
    """Whitespace out (line wraps, stray spaces): the key under which sentences count as identical."""
    return "".join(text.split())


def _scale(scorer: Scorer) -> float:
    """1 for scorers in [0, 1] (rapidfuzz.distance.*.normalized_similarity), 100 for fuzz.ratio and kin."""
    return 100.0 if scorer("ab", "ab") > 1.0 else 1.0


def match_sentences(
    old: Sequence[str],
    new: Sequence[str],
    *,
    scorer: Scorer = DEFAULT_SCORER,
    cutoff: float = SENTENCE_CUTOFF,
) -> list[Match]:
    """Pairs of indices: equal texts first (in order), then the best remaining pairs above ``cutoff``."""
    pending: dict[str, list[int]] = {}
    for j, t in enumerate(new):
        pending.setdefault(_squeeze(t), []).append(j)
    matches: list[Match] = []
    used_new: set[int] = set()
    rest_old: list[int] = []
    for i, t in enumerate(old):
        queue = pending.get(_squeeze(t))
        if queue:
            j = queue.pop(0)
            used_new.add(j)
            matches.append((i, j, 1.0))
        else:
            rest_old.append(i)
    rest_new = [j for j in range(len(new)) if j not in used_new]
    if rest_old and rest_new:
        scale = _scale(scorer)
        a_txt, b_txt = [old[i] for i in rest_old], [new[j] for j in rest_new]
        if scorer in _INDEL_SCORERS:
            rows, cols, values = _prefiltered(a_txt, b_txt, scorer, cutoff * scale)
        else:
            rows, cols, values = _scored_blocks(a_txt, b_txt, scorer, cutoff * scale)
        if len(rows):
            # best first; among equals, the pair nearest the diagonal (keeps reading order)
            order = np.lexsort((np.abs(rows - cols), -values))
            taken_old: set[int] = set()
            taken_new: set[int] = set()
            for r, c, v in zip(
                rows[order].tolist(), cols[order].tolist(), values[order].tolist(), strict=True
            ):
                if r in taken_old or c in taken_new:
                    continue
                taken_old.add(r)
                taken_new.add(c)
                matches.append((rest_old[r], rest_new[c], round(v / scale, 4)))
    matches.sort()
    return matches


def _scored_blocks(
    a: Sequence[str], b: Sequence[str], scorer: Scorer, cutoff: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair scored by ``cdist``, a block of rows at a time; only the pairs at or above ``cutoff`` kept."""
    step = max(1, BLOCK // max(1, len(b)))
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for lo in range(0, len(a), step):
        grid = process.cdist(a[lo : lo + step], b, scorer=scorer, score_cutoff=cutoff, dtype=np.float32, workers=1)
        r, c = np.nonzero(grid >= cutoff)
        found.append((r + lo, c, grid[r, c]))
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))  # type: ignore[return-value]


_BUCKETS = 256
_SLACK = 0.88  # bucket-set Dice may sit this much below the Indel similarity (measured, see _prefiltered)
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


def _prefiltered(
    a: Sequence[str], b: Sequence[str], scorer: Scorer, cutoff: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, columns and similarities of the pairs at or above ``cutoff``, scoring only plausible pairs.

    Scoring every pair costs 50 ms on a 政府工作报告 (600 × 600 sentences).  Indel similarity is a Dice
    coefficient over the characters in order; the Dice coefficient of the two sentences' *sets* of
    character buckets is its cheap, order-free cousin, and is an AND and a popcount of packed bit sets
    (no BLAS, which stalls on a busy machine).  Pairs whose bucket Dice falls
    below 0.88 × cutoff are not scored: on the gongzuo corpus (three year pairs, 640 pairs above the
    cutoff) that keeps 0.6 % of the pairs and loses none; at 0.9 × it loses one at exactly 0.5.  The
    length test (similarity <= 2·min/(la+lb)) is exact.  Long inputs get their pairs from an index
    (:func:`plausible_pairs`), and are scored a block at a time.
    """
    la = np.array([len(t) for t in a], dtype=np.float32)
    lb = np.array([len(t) for t in b], dtype=np.float32)
    frac = cutoff / 100.0 if cutoff > 1.0 else cutoff

    def keep(overlap: np.ndarray, ca: np.ndarray, cb: np.ndarray, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        x, y = la[r], lb[c]
        ok: np.ndarray = (2 * overlap >= _SLACK * frac * (ca + cb)) & (2 * np.minimum(x, y) >= frac * (x + y))
        return ok

    rows, cols = plausible_pairs(a, b, keep)
    values = np.zeros(len(rows), dtype=np.float32)
    for lo in range(0, len(rows), BLOCK):
        r, c = rows[lo : lo + BLOCK].tolist(), cols[lo : lo + BLOCK].tolist()
        values[lo : lo + len(r)] = process.cpdist(
            [a[i] for i in r], [b[j] for j in c], scorer=scorer, score_cutoff=cutoff, dtype=np.float32, workers=1
        )
    hit = values >= cutoff
    return rows[hit], cols[hit], values[hit]


def in_order(pairs: Sequence[tuple[int, int]]) -> set[int]:
    """Indices (into ``pairs``, sorted by old index) of a longest run whose new indices increase."""
    tails: list[int] = []  # new index ending the best run of each length
    tail_at: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for k, (_i, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        back[k] = tail_at[pos - 1] if pos else -1
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
    keep: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(k)
        k = back[k]
    return keep


def _interleave(n_new: int, removed: Iterable[int], anchors: Sequence[tuple[int, int]]) -> dict[int, float]:
    """A position in the new report's order for each removed old element: just after its preceding anchor."""
    olds = [a[0] for a in anchors]
    out: dict[int, float] = {}
    for i in removed:
        k = bisect.bisect_left(olds, i) - 1
        out[i] = (anchors[k][1] + 0.5) if k >= 0 else -0.5
    return out


def tag_sentences(
    old: Sequence[Sentence],
    new: Sequence[Sentence],
    matches: Sequence[Match],
    section_map: dict[str, str] | None,
) -> tuple[SentencePair, ...]:
    ordered = in_order([(i, j) for i, j, _ in matches])
    anchors = [(m[0], m[1]) for k, m in enumerate(matches) if k in ordered]
    keyed: list[tuple[float, int, SentencePair]] = []
    for k, (i, j, sim) in enumerate(matches):
        o, n = old[i], new[j]
        moved = k not in ordered
        if section_map is not None and (o.section or n.section):
            moved = moved or section_map.get(o.section) != n.section
        if moved:
            tag = Tag.MOVED
        else:
            tag = Tag.SAME if o.text == n.text else Tag.EDITED
        ops = () if o.text == n.text else redline(o.text, n.text)
        keyed.append((float(j), 0, SentencePair(tag, o, n, sim, ops)))
    matched_old = {m[0] for m in matches}
    matched_new = {m[1] for m in matches}
    removed = [i for i in range(len(old)) if i not in matched_old]
    for i, pos in _interleave(len(new), removed, anchors).items():
        keyed.append((pos, i, SentencePair(Tag.REMOVED, old[i], None, 0.0)))
    for j in range(len(new)):
        if j not in matched_new:
            keyed.append((float(j), 0, SentencePair(Tag.ADDED, None, new[j], 0.0)))
    keyed.sort(key=lambda t: (t[0], t[1]))
    return tuple(p for _, _, p in keyed)


def align_sentences(
    old: Sequence[Sentence],
    new: Sequence[Sentence],
    *,
    scorer: Scorer = DEFAULT_SCORER,
    cutoff: float = SENTENCE_CUTOFF,
) -> tuple[SentencePair, ...]:
    """Every old and every new sentence exactly once: SAME, EDITED (with a redline), MOVED, ADDED, REMOVED."""
    matches = match_sentences([s.text for s in old], [s.text for s in new], scorer=scorer, cutoff=cutoff)
    return tag_sentences(old, new, matches, None)


# Sections ------------------------------------------------------------------------------------------


def title_key(title: str) -> str:
    """A title with years, punctuation and width differences taken out, for matching only."""
    return _NOISE.sub("", _YEARS.sub("", fold(title)))


def _flat(report: Report) -> tuple[list[Section], list[int]]:
    """Sections depth-first, with the index of each one's parent (-1 at the top)."""
    flat: list[Section] = []
    parent: list[int] = []

    def visit(sec: Section, up: int) -> None:
        flat.append(sec)
        parent.append(up)
        me = len(flat) - 1
        for child in sec.children:
            visit(child, me)

    for s in report.sections:
        visit(s, -1)
    return flat, parent


def _membership(
    sents: Sequence[Sentence], flat: Sequence[Section], parent: Sequence[int], report: Report
) -> list[list[int]]:
    """For each sentence, the section indices holding it (deepest first, then its ancestors)."""
    by_path = {s.path: k for k, s in enumerate(flat)}
    by_id = {id(s): k for k, s in enumerate(flat)}
    out: list[list[int]] = []
    for s in sents:
        k = by_path.get(s.section, -1) if s.section else -1
        if k < 0:
            sec = report.section_at(s.start)
            k = by_id.get(id(sec), -1) if sec is not None else -1
        chain = []
        while k >= 0:
            chain.append(k)
            k = parent[k]
        out.append(chain)
    return out


def _sizes(sents: Sequence[Sentence], chains: Sequence[list[int]], n_sections: int) -> list[float]:
    """Characters of the sentences each section holds (its own and its subsections')."""
    size = [0.0] * n_sections
    for s, chain in zip(sents, chains, strict=True):
        for k in chain:
            size[k] += len(s.text)
    return size


def _shared_text(
    matches: Sequence[Match],
    old_sents: Sequence[Sentence],
    new_sents: Sequence[Sentence],
    chains_o: Sequence[list[int]],
    chains_n: Sequence[list[int]],
) -> dict[tuple[int, int], float]:
    """For each pair of sections that share a sentence pair: the text they share (similarity × both lengths).

    Only pairs that hold a match appear, so the cost follows the matches (times the depth squared), not the
    number of section pairs.
    """
    shared: dict[tuple[int, int], float] = {}
    for i, j, sim in matches:
        w = sim * (len(old_sents[i].text) + len(new_sents[j].text))
        for a in chains_o[i]:
            for b in chains_n[j]:
                shared[a, b] = shared.get((a, b), 0.0) + w
    return shared


class _TitleSimilarity:
    """Indel similarity of section titles (keys), as float32 like one ``cdist``: the full grid while the pairs
    are few, else each pair when asked; ``close()`` lists the pairs at or above a cutoff."""

    def __init__(self, keys_o: Sequence[str], keys_n: Sequence[str]) -> None:
        self.keys_o, self.keys_n = keys_o, keys_n
        small = len(keys_o) * len(keys_n) <= DENSE_PAIRS
        self.grid = (
            process.cdist(keys_o, keys_n, scorer=Indel.normalized_similarity, dtype=np.float32, workers=1)
            if small and keys_o and keys_n
            else None
        )

    def __call__(self, a: int, b: int) -> float:
        if self.grid is not None:
            return float(self.grid[a, b])
        return float(np.float32(Indel.normalized_similarity(self.keys_o[a], self.keys_n[b])))

    def close(self, cutoff: float) -> list[tuple[int, int]]:
        if self.grid is not None:
            r, c = np.nonzero(self.grid >= cutoff)
            return list(zip(r.tolist(), c.tolist(), strict=True))
        m = len(self.keys_n)
        out: list[tuple[int, int]] = []
        for flat in shared_gram_pairs(self.keys_o, self.keys_n):
            r, c = (flat // m).tolist(), (flat % m).tolist()
            sims = process.cpdist([self.keys_o[i] for i in r], [self.keys_n[j] for j in c],
                                  scorer=Indel.normalized_similarity, dtype=np.float32, workers=1)
            out.extend((i, j) for i, j, t in zip(r, c, sims.tolist(), strict=True) if np.float32(t) >= cutoff)
        return out


def _pair_parents_of_paired_children(
    fo: Sequence[Section],
    po: Sequence[int],
    fn: Sequence[Section],
    pn: Sequence[int],
    pair_of: dict[int, int],
) -> None:
    """Pair two unpaired sections whose children were paired with each other, deepest first.

    A wrapper retitled each year ({{page.title}} → 2023 Annual report) or a part whose title and most
    of whose text changed still holds the same subsections; without its pair every child would look
    moved.
    """
    taken = set(pair_of.values())
    kids: dict[int, list[int]] = {}
    for c, up in enumerate(po):
        kids.setdefault(up, []).append(c)
    for level in sorted({s.level for s in fo}, reverse=True):
        for a in (k for k, s in enumerate(fo) if s.level == level and k not in pair_of):
            votes: dict[int, int] = {}
            children = [c for c in kids.get(a, ()) if c in pair_of]
            for c in children:
                b = pn[pair_of[c]]
                if b >= 0 and b not in taken and fn[b].level == level:
                    votes[b] = votes.get(b, 0) + 1
            if votes:
                b, n = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))
                if 2 * n >= len(children):
                    pair_of[a] = b
                    taken.add(b)


def align_sections(
    old: Report,
    new: Report,
    old_sents: Sequence[Sentence],
    new_sents: Sequence[Sentence],
    matches: Sequence[Match],
    profiles: tuple[TextProfile, TextProfile] | None = None,
) -> tuple[tuple[SectionPair, ...], dict[str, str]]:
    """Section pairs in the new report's order (removed ones interleaved) and the map old path → new path.

    With ``profiles`` each pair gets its Scores; their ``edit`` is the content overlap along the sentence
    matches (see :func:`reportkit.comparison.scores.span_scores`).
    """
    fo, po = _flat(old)
    fn, pn = _flat(new)
    if not fo and not fn:
        return (), {}
    # a sentence belongs to its section and every ancestor: section sizes and the text two sections share are
    # sums over those chains (sparse: only section pairs that share a sentence pair get an entry)
    chains_o, chains_n = _membership(old_sents, fo, po, old), _membership(new_sents, fn, pn, new)
    size_o, size_n = _sizes(old_sents, chains_o, len(fo)), _sizes(new_sents, chains_n, len(fn))
    shared = _shared_text(matches, old_sents, new_sents, chains_o, chains_n)

    def content(a: int, b: int) -> float:
        denom = size_o[a] + size_n[b]
        return shared.get((a, b), 0.0) / denom if denom > 0 else 0.0

    keys_o = [title_key(s.title) for s in fo]
    keys_n = [title_key(s.title) for s in fn]
    title = _TitleSimilarity(keys_o, keys_n)
    # the pairs that may be taken: a close title, shared content, or the same title
    by_key: dict[str, list[int]] = {}
    for b, key in enumerate(keys_n):
        if key:
            by_key.setdefault(key, []).append(b)
    maybe = set(title.close(0.65)) | {ab for ab in shared if content(*ab) >= 0.35}
    maybe.update((a, b) for a, key in enumerate(keys_o) if key for b in by_key.get(key, ()))
    by_level: dict[int, list[tuple[int, int]]] = {}
    for a, b in sorted(maybe):
        if fo[a].level == fn[b].level:
            by_level.setdefault(fo[a].level, []).append((a, b))
    pair_of: dict[int, int] = {}
    sim_of: dict[int, float] = {}
    for level in sorted({s.level for s in fo} & {s.level for s in fn}):
        cand: list[tuple[float, int, int]] = []
        for a, b in by_level.get(level, ()):
            t, c = title(a, b), content(a, b)
            if not (t >= 0.65 or c >= 0.35 or (keys_o[a] and keys_o[a] == keys_n[b])):
                continue
            score = 0.5 * t + 0.5 * c
            if po[a] >= 0 and pair_of.get(po[a]) == pn[b] and pn[b] >= 0:
                score += 0.15  # children of paired parents stay together
            cand.append((score, a, b))
        cand.sort(key=lambda x: (-x[0], abs(x[1] - x[2])))
        taken: set[int] = set(pair_of.values())
        for _score, a, b in cand:
            if a in pair_of or b in taken:
                continue
            pair_of[a] = b
            taken.add(b)
            sim_of[a] = round(0.5 * title(a, b) + 0.5 * content(a, b), 4)
    _pair_parents_of_paired_children(fo, po, fn, pn, pair_of)
    for a, b in pair_of.items():
        sim_of.setdefault(a, round(0.5 * title(a, b) + 0.5 * content(a, b), 4))
    pairs = sorted(pair_of.items())
    # order is judged among siblings: a section that left its parent is MOVED already, and must not
    # push its old neighbours out of the longest ordered run
    groups: dict[tuple[int, int], list[int]] = {}
    for k, (a, b) in enumerate(pairs):
        groups.setdefault((po[a], pn[b]), []).append(k)
    ordered = {ks[i] for ks in groups.values() for i in in_order([pairs[k] for k in ks])}
    keyed: list[tuple[float, int, SectionPair]] = []
    for k, (a, b) in enumerate(pairs):
        so, sn = fo[a], fn[b]
        parent_ok = (po[a] < 0 and pn[b] < 0) or (po[a] >= 0 and pair_of.get(po[a]) == pn[b])
        if k not in ordered or not parent_ok:
            tag = Tag.MOVED
        elif keys_o[a] == keys_n[b]:
            same = fold(old.text[so.title_end : so.end]) == fold(new.text[sn.title_end : sn.end])
            tag = Tag.SAME if same else Tag.EDITED
        else:
            tag = Tag.RENAMED
        sc = (
            span_scores(
                profiles[0], profiles[1], (so.start, so.end), (sn.start, sn.end), content(a, b)
            )
            if profiles
            else None
        )
        keyed.append((float(b), 0, SectionPair(tag, so, sn, sim_of[a], sc)))
    anchors = [p for k, p in enumerate(pairs) if k in ordered]
    removed = [a for a in range(len(fo)) if a not in pair_of]
    for a, pos in _interleave(len(fn), removed, anchors).items():
        keyed.append((pos, a, SectionPair(Tag.REMOVED, fo[a], None, 0.0)))
    paired_new = set(pair_of.values())
    keyed.extend(
        (float(b), 0, SectionPair(Tag.ADDED, None, fn[b], 0.0)) for b in range(len(fn)) if b not in paired_new
    )
    keyed.sort(key=lambda t: (t[0], t[1]))
    section_map = {fo[a].path: fn[b].path for a, b in pairs}
    return tuple(p for _, _, p in keyed), section_map


def align(
    old: Report,
    new: Report,
    *,
    scorer: Scorer = DEFAULT_SCORER,
    cutoff: float = SENTENCE_CUTOFF,
) -> tuple[tuple[SectionPair, ...], tuple[SentencePair, ...]]:
    """Sections and sentences of two reports aligned; ``scorer`` is any RapidFuzz-form similarity."""
    so, sn = sentences_of(old), sentences_of(new)
    matches = match_sentences([s.text for s in so], [s.text for s in sn], scorer=scorer, cutoff=cutoff)
    sections, section_map = align_sections(old, new, so, sn, matches)
    return sections, tag_sentences(so, sn, matches, section_map if sections else None)
