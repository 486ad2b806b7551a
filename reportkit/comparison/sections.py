"""Align two years' sections: paired level by level, on two signals: the title with years taken out
(2022年工作思路 ↔ 2023年工作思路 is the same title) and how much of the content the sentence pairs carry from
one to the other.  The pairing does not look at markers or positions, so a section that moved keeps its partner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .. import lang
from ..model import Report, Section, Sentence, fold
from .candidates import DENSE_PAIRS, shared_gram_pairs
from .options import DEFAULT_OPTIONS, CompareOptions
from .records import SectionPair, Tag
from .scores import TextProfile, span_scores
from .sentences import Match, _interleave, in_order

__all__ = ["align_sections", "title_key"]

_NOISE = re.compile(r"[\W_]+", re.UNICODE)


def title_key(title: str) -> str:
    """A title with years, punctuation and width differences taken out, for matching only."""
    return _NOISE.sub("", lang.pattern("zh", "headings", "title_years").sub("", fold(title)))


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


class _Pairing:
    """The two section trees flattened (depth-first, each with its parent's index) and the two signals that pair
    them: how alike the titles are and how much text the sentence pairs carry from one section to the other."""

    def __init__(
        self,
        old: Report,
        new: Report,
        old_sents: Sequence[Sentence],
        new_sents: Sequence[Sentence],
        matches: Sequence[Match],
        options: CompareOptions,
    ) -> None:
        self.title_cutoff, self.content_cutoff = options.section_title_cutoff, options.section_content_cutoff
        self.fo, self.po = _flat(old)
        self.fn, self.pn = _flat(new)
        # a sentence belongs to its section and every ancestor: section sizes and the text two sections share are
        # sums over those chains (sparse: only section pairs that share a sentence pair get an entry)
        chains_o = _membership(old_sents, self.fo, self.po, old)
        chains_n = _membership(new_sents, self.fn, self.pn, new)
        self.size_o, self.size_n = _sizes(old_sents, chains_o, len(self.fo)), _sizes(new_sents, chains_n, len(self.fn))
        self.shared = _shared_text(matches, old_sents, new_sents, chains_o, chains_n)
        self.keys_o = [title_key(s.title) for s in self.fo]
        self.keys_n = [title_key(s.title) for s in self.fn]
        self.title = _TitleSimilarity(self.keys_o, self.keys_n)

    def content(self, a: int, b: int) -> float:
        denom = self.size_o[a] + self.size_n[b]
        return self.shared.get((a, b), 0.0) / denom if denom > 0 else 0.0

    def similarity(self, a: int, b: int) -> float:
        return round(0.5 * self.title(a, b) + 0.5 * self.content(a, b), 4)

    def candidates(self) -> dict[int, list[tuple[int, int]]]:
        """The pairs that may be taken, by level: a close title, shared content, or the same title."""
        fo, fn, keys_o, keys_n, content = self.fo, self.fn, self.keys_o, self.keys_n, self.content
        by_key: dict[str, list[int]] = {}
        for b, key in enumerate(keys_n):
            if key:
                by_key.setdefault(key, []).append(b)
        maybe = set(self.title.close(self.title_cutoff))
        maybe |= {ab for ab in self.shared if content(*ab) >= self.content_cutoff}
        maybe.update((a, b) for a, key in enumerate(keys_o) if key for b in by_key.get(key, ()))
        by_level: dict[int, list[tuple[int, int]]] = {}
        for a, b in sorted(maybe):
            if fo[a].level == fn[b].level:
                by_level.setdefault(fo[a].level, []).append((a, b))
        return by_level

    def pair_levels(self) -> tuple[dict[int, int], dict[int, float]]:
        """Old index → new index of the pairs taken level by level, best first, and each pair's similarity."""
        fo, po, fn, pn, keys_o, keys_n = self.fo, self.po, self.fn, self.pn, self.keys_o, self.keys_n
        title, content = self.title, self.content
        by_level = self.candidates()
        pair_of: dict[int, int] = {}
        sim_of: dict[int, float] = {}
        for level in sorted({s.level for s in fo} & {s.level for s in fn}):
            cand: list[tuple[float, int, int]] = []
            for a, b in by_level.get(level, ()):
                t, c = title(a, b), content(a, b)
                if not (t >= self.title_cutoff or c >= self.content_cutoff or (keys_o[a] and keys_o[a] == keys_n[b])):
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
                sim_of[a] = self.similarity(a, b)
        return pair_of, sim_of


def align_sections(
    old: Report,
    new: Report,
    old_sents: Sequence[Sentence],
    new_sents: Sequence[Sentence],
    matches: Sequence[Match],
    profiles: tuple[TextProfile, TextProfile] | None = None,
    options: CompareOptions = DEFAULT_OPTIONS,
) -> tuple[tuple[SectionPair, ...], dict[str, str]]:
    """Section pairs in the new report's order (removed ones interleaved) and the map old path → new path.

    With ``profiles`` each pair gets its Scores; their ``edit`` is the content overlap along the sentence
    matches (see :func:`reportkit.comparison.scores.span_scores`). Two sections may pair when their titles are
    ``options.section_title_cutoff`` alike, or sentence pairs carry ``options.section_content_cutoff`` of their text.
    """
    sides = _Pairing(old, new, old_sents, new_sents, matches, options)
    fo, po, fn, pn = sides.fo, sides.po, sides.fn, sides.pn
    if not fo and not fn:
        return (), {}
    pair_of, sim_of = sides.pair_levels()
    _pair_parents_of_paired_children(fo, po, fn, pn, pair_of)
    for a, b in pair_of.items():
        sim_of.setdefault(a, sides.similarity(a, b))
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
        elif sides.keys_o[a] == sides.keys_n[b]:
            same = fold(old.text[so.title_end : so.end]) == fold(new.text[sn.title_end : sn.end])
            tag = Tag.SAME if same else Tag.EDITED
        else:
            tag = Tag.RENAMED
        sc = (
            span_scores(
                profiles[0], profiles[1], (so.start, so.end), (sn.start, sn.end), sides.content(a, b)
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
