"""Alignment of sentences and sections across two years, on small invented reports."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit.comparison.align import align, align_sentences, title_key
from reportkit.comparison.records import Tag
from reportkit.model import Report, ReportMeta, Section, Sentence

CN = ["一", "二", "三", "四", "五"]


def build(sections: list[tuple[str, list[str]]]) -> Report:
    """A report whose level-1 sections hold the given sentences (spans exact, sentences tagged by section)."""
    text, secs, sents = "", [], []
    for k, (title, body) in enumerate(sections):
        start = len(text)
        marker = CN[k] + "、"
        text += marker
        t0 = len(text)
        text += title + "\n"
        for s in body:
            sents.append(Sentence(len(text), len(text) + len(s), s, CN[k]))
            text += s
        text += "\n"
        secs.append(Section(1, marker, title, start, len(text) - 1, t0, t0 + len(title), CN[k]))
    return Report(ReportMeta(), text, sections=tuple(secs), sentences=tuple(sents))


def tags(pairs) -> list[Tag]:  # type: ignore[no-untyped-def]
    return [p.tag for p in pairs]


def test_identical_sentences_are_same_and_carry_no_redline() -> None:
    r = build([("工作回顾", ["全年受理案件402件。", "依法行政水平提高。"])])
    _, sents = align(r, r)
    assert tags(sents) == [Tag.SAME, Tag.SAME]
    assert all(p.ops == () and p.similarity == 1.0 for p in sents)


def test_edited_sentence_gets_a_number_safe_redline() -> None:
    old = build([("工作回顾", ["全年受理行政复议案件402件，办结率百分之百。"])])
    new = build([("工作回顾", ["全年受理行政复议案件450件，办结率百分之百。"])])
    (pair,) = align(old, new)[1]
    assert pair.tag is Tag.EDITED
    changed = [op for op in pair.ops if op.op != "equal"]
    assert [(op.old, op.new) for op in changed] == [("402件", "450件")]


def test_added_and_removed_sentences_keep_reading_order() -> None:
    old = build([("工作回顾", ["甲项工作全面完成。", "乙项工作稳步推进。", "丙项工作取得实效。"])])
    new = build([("工作回顾", ["甲项工作全面完成。", "丁项改革首次启动并见效。", "丙项工作取得实效。"])])
    sents = align(old, new)[1]
    assert tags(sents) == [Tag.SAME, Tag.REMOVED, Tag.ADDED, Tag.SAME]
    assert sents[1].old is not None and sents[1].old.text == "乙项工作稳步推进。"


def test_sentence_out_of_order_is_moved() -> None:
    a, b, c = "甲项工作全面完成。", "乙项工作稳步推进。", "丙项工作取得实效。"
    pairs = align_sentences(build([("x", [a, b, c])]).sentences, build([("x", [c, a, b])]).sentences)
    moved = [p for p in pairs if p.tag is Tag.MOVED]
    assert len(moved) == 1 and moved[0].new is not None and moved[0].new.text == c


def test_sentence_moved_to_another_section_is_moved() -> None:
    s = "严格规范公正文明执法全面推进。"
    old = build([("依法决策", ["重大决策合法性审查全覆盖。", s]), ("严格执法", ["执法人员持证上岗。"])])
    new = build([("依法决策", ["重大决策合法性审查全覆盖。"]), ("严格执法", [s, "执法人员持证上岗。"])])
    sents = align(old, new)[1]
    (pair,) = [p for p in sents if p.old is not None and p.old.text == s]
    assert pair.tag is Tag.MOVED


def test_years_in_titles_do_not_make_a_rename() -> None:
    assert title_key("2022年工作思路") == title_key("2023年工作思路")
    old = build([("2022年主要工作", ["全年学法5次。"]), ("2023年工作思路", ["继续加强学习。"])])
    new = build([("2023年主要工作", ["全年学法6次。"]), ("2024年工作思路", ["继续加强学习。"])])
    secs = align(old, new)[0]
    assert tags(secs) == [Tag.EDITED, Tag.SAME]


def test_section_with_new_title_and_kept_content_is_renamed() -> None:
    body = ["重大行政决策程序规定全面落实。", "合法性审查实现全覆盖。"]
    old = build([("依法决策", body)])
    new = build([("科学民主依法决策机制持续完善", body)])
    (pair,) = align(old, new)[0]
    assert pair.tag is Tag.RENAMED and pair.similarity > 0.4


def test_sections_that_swap_places_are_moved_and_new_ones_added() -> None:
    old = build([("依法决策", ["合法性审查全覆盖。"]), ("严格执法", ["执法人员持证上岗。"])])
    new = build(
        [
            ("严格执法", ["执法人员持证上岗。"]),
            ("依法决策", ["合法性审查全覆盖。"]),
            ("数字法治", ["平台上线。"]),
        ]
    )
    secs = align(old, new)[0]
    assert sorted(t.value for t in tags(secs)) == ["added", "moved", "same"]


def test_unmatched_section_is_removed() -> None:
    old = build([("依法决策", ["合法性审查全覆盖。"]), ("普法宣传", ["八五普法启动。"])])
    new = build([("依法决策", ["合法性审查全覆盖。"])])
    assert tags(align(old, new)[0]) == [Tag.SAME, Tag.REMOVED]


def test_any_rapidfuzz_scorer_can_drive_the_alignment() -> None:
    from rapidfuzz import fuzz

    old = build([("x", ["全年受理行政复议案件402件。"])]).sentences
    new = build([("x", ["全年受理行政复议案件450件。"])]).sentences
    assert tags(align_sentences(old, new, scorer=fuzz.ratio)) == [Tag.EDITED]
    assert tags(align_sentences(old, new, scorer=fuzz.ratio, cutoff=0.99)) == [Tag.REMOVED, Tag.ADDED]


_PIECES = [
    "全年受理案件402件",
    "依法行政",
    "执法",
    "学法5次",
    "法治政府建设",
    "复议",
    "审查全覆盖",
    "Legal aid cases 12",
]
_sentence = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map(lambda xs: "，".join(xs) + "。")


@settings(max_examples=60, deadline=None)
@given(st.lists(_sentence, min_size=1, max_size=8), st.lists(_sentence, min_size=1, max_size=8))
def test_every_sentence_appears_once_and_ops_rebuild_both_texts(old_s: list[str], new_s: list[str]) -> None:
    old, new = build([("甲", old_s)]), build([("甲", new_s)])
    pairs = align(old, new)[1]
    seen_old = [p.old for p in pairs if p.old is not None]
    seen_new = [p.new for p in pairs if p.new is not None]
    assert sorted(seen_old, key=lambda s: s.start) == list(old.sentences)
    assert sorted(seen_new, key=lambda s: s.start) == list(new.sentences)
    for p in pairs:
        if p.old is not None and p.new is not None and p.ops:
            assert "".join(op.old for op in p.ops) == p.old.text
            assert "".join(op.new for op in p.ops) == p.new.text
