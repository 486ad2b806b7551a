"""Align two years' sentences and sections: :func:`align` is both, in the order their inputs need.

Sentences (:mod:`.sentences`) pair first, by any RapidFuzz-form scorer; sections (:mod:`.sections`) pair from
their titles and the text the sentence pairs carry; which pairs are worth scoring at all comes from
:mod:`.candidates`.  This module gathers the names the rest of the comparison uses.
"""

from __future__ import annotations

from ..model import Report
from .candidates import DENSE_PAIRS, bucket_overlap, plausible_pairs, shared_gram_pairs
from .options import DEFAULT_OPTIONS
from .records import SectionPair, SentencePair
from .sections import align_sections, title_key
from .sentences import (
    DEFAULT_SCORER,
    Match,
    Scorer,
    align_sentences,
    match_sentences,
    sentences_of,
    tag_sentences,
)

__all__ = [
    "DEFAULT_SCORER",
    "DENSE_PAIRS",
    "Match",
    "Scorer",
    "align",
    "align_sections",
    "align_sentences",
    "bucket_overlap",
    "match_sentences",
    "plausible_pairs",
    "sentences_of",
    "shared_gram_pairs",
    "tag_sentences",
    "title_key",
]


def align(
    old: Report,
    new: Report,
    *,
    scorer: Scorer = DEFAULT_SCORER,
    cutoff: float = DEFAULT_OPTIONS.sentence_cutoff,
) -> tuple[tuple[SectionPair, ...], tuple[SentencePair, ...]]:
    """Sections and sentences of two reports aligned; ``scorer`` is any RapidFuzz-form similarity."""
    so, sn = sentences_of(old), sentences_of(new)
    matches = match_sentences([s.text for s in so], [s.text for s in sn], scorer=scorer, cutoff=cutoff)
    sections, section_map = align_sections(old, new, so, sn, matches)
    return sections, tag_sentences(so, sn, matches, section_map if sections else None)
