"""Compare two years of a report: the one entry point, ``compare_reports(old, new) -> ReportDiff``.

The steps run in the order their inputs need: sentences are matched first (everything else leans on
that), sections are paired from titles and the sentence matches, metrics from labels and contexts (with
the section pairing as a tie-breaker), stated changes from the metric pairs, and commitments from the
new report's review part.  Scores come last, from one array profile of each text.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from ..model import Report
from .align import align_sections, match_sentences, sentences_of, tag_sentences
from .followthrough import follow_commitments
from .metrics import pair_metrics
from .options import DEFAULT_OPTIONS, CompareOptions
from .records import ReportDiff
from .scores import TextProfile, span_scores
from .stated import check_stated_changes
from .tokens import WordCode, both_english
from .warnings import check_pair

__all__ = ["collections_put_off", "compare_reports"]


@contextlib.contextmanager
def collections_put_off() -> Iterator[None]:
    """Python's cyclic garbage collector off while a comparison runs, as it was before afterwards.

    A comparison builds hundreds of thousands of small records (pairs, ops, reasons), none in a cycle, and each
    full collection the collector starts on the way walks both reports again: on 2M characters a side that was
    half of tag_sentences' time, and it grows faster than the input.  Anything cyclic left over is collected
    at the next collection after it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def compare_reports(old: Report, new: Report, options: CompareOptions = DEFAULT_OPTIONS) -> ReportDiff:
    """Everything that changed from ``old`` (last year) to ``new`` (this year), by the thresholds of ``options``."""
    with collections_put_off():
        return _compare(old, new, options)


def _compare(old: Report, new: Report, options: CompareOptions) -> ReportDiff:
    cutoff = options.sentence_cutoff
    so, sn = sentences_of(old), sentences_of(new)
    if both_english(old, new):
        code = WordCode()  # English sentences are compared by words, not letters
        matches = match_sentences([code.encode(s.text) for s in so], [code.encode(s.text) for s in sn], cutoff=cutoff)
    else:
        matches = match_sentences([s.text for s in so], [s.text for s in sn], cutoff=cutoff)
    profile_old, profile_new = TextProfile.pair(old.text, new.text)
    sections, section_map = align_sections(old, new, so, sn, matches, (profile_old, profile_new), options)
    sentences = tag_sentences(so, sn, matches, section_map if sections else None)
    metric_pairs = pair_metrics(old, new, section_map=section_map, options=options)

    shared = sum(sim * (len(so[i].text) + len(sn[j].text)) for i, j, sim in matches)
    total = sum(len(s.text) for s in so) + sum(len(s.text) for s in sn)
    report_scores = span_scores(
        profile_old, profile_new, (0, len(old.text)), (0, len(new.text)), shared / total if total else 1.0
    )
    return ReportDiff(
        old=old,
        new=new,
        sections=sections,
        sentences=sentences,
        metrics=metric_pairs,
        stated_changes=check_stated_changes(new, metric_pairs, hedge=options.stated_hedge),
        commitments=follow_commitments(old, new, metric_pairs, options=options),
        scores=report_scores,
        warnings=check_pair(old, new),
    )
