"""What every renderer shows, worked out once: sentences grouped by aligned section, the notable changes."""

from __future__ import annotations

from test_render_samples import make_diff

import reportkit
from reportkit.comparison.records import ReportDiff, SectionPair, SentencePair, Tag
from reportkit.model import Report, ReportMeta, Section, Sentence
from reportkit.render._view import group_by_section, largest_changes, not_found

TEXT = "一、甲\n（一）乙。句一。\n句二。\n二、丙\n句三。"


def _sec(marker: str, title: str, end_at: str, path: str, level: int, children: tuple[Section, ...] = ()) -> Section:
    start = TEXT.index(marker)
    end = TEXT.index(end_at) if end_at else len(TEXT)
    ts = start + len(marker)
    return Section(level, marker, title, start, end, ts, ts + len(title), path, children)


def _sent(s: str, section: str) -> Sentence:
    return Sentence(TEXT.index(s), TEXT.index(s) + len(s), s, section)


def _diff() -> ReportDiff:
    child = _sec("（一）", "乙", "句二", "一/（一）", 2)
    one = _sec("一、", "甲", "二、", "一", 1, (child,))
    two = _sec("二、", "丙", "", "二", 1)
    report = Report(ReportMeta(), TEXT, sections=(one, two))
    sentences = [_sent("（一）乙。", "一/（一）"), _sent("句一。", "一/（一）"), _sent("句二。", "一"),
                 _sent("句三。", "二")]
    return ReportDiff(report, report,
                      sections=tuple(SectionPair(Tag.SAME, s, s, 1.0) for s in (one, child, two)),
                      sentences=tuple(SentencePair(Tag.SAME, s, s, 1.0) for s in sentences))


def test_a_section_closing_paragraph_follows_its_subsections() -> None:
    groups = group_by_section(_diff())
    shown = [(g.pair.new.path if g.pair and g.pair.new else "", g.continued, [s.new.text for s in g.sentences
                                                                             if s.new]) for g in groups]
    assert shown == [("一", False, []), ("一/（一）", False, ["句一。"]), ("一", True, ["句二。"]),
                     ("二", False, ["句三。"])]


def test_the_heading_line_is_not_repeated_as_a_sentence() -> None:
    texts = [s.new.text for g in group_by_section(_diff()) for s in g.sentences if s.new]
    assert "（一）乙。" not in texts


def test_every_sentence_pair_is_shown_once_apart_from_headings() -> None:
    diff = make_diff()
    shown = [id(s) for g in group_by_section(diff) for s in g.sentences]
    assert len(shown) == len(set(shown))
    hidden = [p for p in diff.sentences if id(p) not in set(shown)]
    assert hidden and all((p.new or p.old).text.startswith("（") for p in hidden)  # type: ignore[union-attr]
    # a heading paired with another section's heading is a change of its own, and stays
    assert any(p.old and p.old.text == "（三）优化法律服务。" for g in group_by_section(diff) for p in g.sentences)


def test_largest_changes_rank_by_relative_change() -> None:
    ranked = largest_changes(make_diff())
    pcts = [abs(p.pct_change) for p in ranked if p.pct_change is not None]
    assert pcts == sorted(pcts, reverse=True) and len(ranked) == 4
    assert not any(p.old.is_target or p.new.is_target for p in ranked if p.old and p.new)  # plans are no results


def test_commitments_not_found_list_what_can_be_checked_first() -> None:
    old = reportkit.parse_text(
        "一、2022年工作回顾\n经济平稳。\n二、2023年工作思路\n"
        "坚持以人民为中心。组织开展专题培训。提升群众满意度。全年培训干部500人次以上。\n"
    )
    new = reportkit.parse_text("一、2023年工作回顾\n天气晴朗。\n二、2024年工作思路\n继续努力。\n")
    missing = [f.commitment.text for f in not_found(reportkit.compare(old, new))]
    assert missing == ["全年培训干部500人次以上", "提升群众满意度", "组织开展专题培训", "坚持以人民为中心"]
