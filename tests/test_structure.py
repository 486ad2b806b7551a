"""The section tree: levels from nesting, inline markers in one-line reports, the gold conventions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import reportkit
from reportkit.blocks import Heading, SourceText
from reportkit.model import Section
from reportkit.parse.structure.sections import build_sections


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.path) for s in reportkit.parse_text(text).walk()]


def flat_gold(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for n in nodes:
        yield n
        yield from flat_gold(n.get("children") or [])


FIELDS = ("level", "marker", "title", "start", "end", "title_start", "path")


def assert_matches_gold(text: str, gold_file: Path) -> None:
    gold = [
        {k: n[k] for k in FIELDS} for n in flat_gold(json.loads(gold_file.read_text("utf-8"))["sections"])
    ]
    got = [{k: getattr(s, k) for k in FIELDS} for s in reportkit.parse_text(text).walk()]
    assert got == gold


def test_seed_tree_matches_the_gold_in_every_field(seed_path: Path, shared: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    assert_matches_gold(text, shared / "gold" / "liandu-2022.structure.json")


@pytest.mark.parametrize(
    "org_year",
    [
        "jiangxi-nanchang-county-2019",
        "jiangxi-nanchang-county-2020",
        "jiangxi-nanchang-county-2021",
        "jiangxi-nanchang-county-2022",
        "jiangxi-nanchang-county-2023",
        "taizhou-luqiao-2021",
        "taizhou-yuhuan-2021",
        "taizhou-yuhuan-2022",
        "tianjin-jinghai-2020",
        "tianjin-jinghai-2023",
        "tianjin-jinghai-2024",
        "tianjin-jinghai-2025",
    ],
)
def test_fazhi_openings_match_their_gold(shared: Path, org_year: str) -> None:
    org, year = org_year.rsplit("-", 1)
    text = (shared / "corpus" / "fazhi" / org / f"{year}.txt").read_text(encoding="utf-8")
    assert_matches_gold(text, shared / "gold" / "fazhi" / f"{org_year}.structure.json")


@pytest.mark.parametrize("year", [2013, 2014, 2015, 2016])
def test_government_work_reports_match_their_gold(shared: Path, year: int) -> None:
    text = (shared / "corpus" / "gongzuo" / "china-state-council" / f"{year}.txt").read_text(encoding="utf-8")
    assert_matches_gold(text, shared / "gold" / f"gongzuo-{year}.structure.json")


def test_one_line_report_nests_inline_markers() -> None:
    text = (
        "前言" * 100
        + "如下: 一、主要举措 (一)夯实基础。一是提升思维。内容。二是深化监督。内容。 (二)履行职能。一是服务。 二、2023年工作思路 (一)深化建设。"
    )
    assert outline(text) == [
        (1, "一、", "一"),
        (2, "(一)", "一/(一)"),
        (3, "一是", "一/(一)/一是"),
        (3, "二是", "一/(一)/二是"),
        (2, "(二)", "一/(二)"),
        (3, "一是", "一/(二)/一是"),
        (1, "二、", "二"),
        (2, "(一)", "二/(一)"),
    ]


def test_titles_stop_at_the_space_for_level_one_and_at_the_full_stop_below() -> None:
    text = "一、主要举措和成效 (一)全面夯实基础。一是着力提升思维。正文。"
    r = reportkit.parse_text(text)
    top = r.sections[0]
    assert top.title == "主要举措和成效"
    assert top.children[0].title == "全面夯实基础"
    assert top.children[0].children[0].title == "着力提升思维"
    for s in r.walk():
        assert text[s.title_start : s.title_end] == s.title


def test_quoted_slogans_bracketed_names_and_decimals_are_not_markers() -> None:
    text = "一、成效\n实现“四统一”。涉及2个乡镇(街道)、《纲要(2021-2025年)》,增长3.5%,(一)不在句首也不算。\n"
    assert outline(text) == [(1, "一、", "一")]


def test_lead_in_items_take_their_level_from_what_holds_them() -> None:
    under_arabic = "一、成效\n(一)体制\n1.落实学法。一是深入开展活动。二是建立机制。\n"
    assert [lv for lv, m, _ in outline(under_arabic) if m.endswith("是")] == [4, 4]
    assert outline(under_arabic)[-2][2] == "一/(一)/1/一是"
    under_top = (
        "一、2013年工作回顾\n一是深化改革。\n二是创新调控。\n二、2014年工作总体部署\n第一，向改革要动力。\n"
    )
    assert outline(under_top) == [
        (1, "一、", "一"),
        (2, "一是", "一/一是"),
        (2, "二是", "一/二是"),
        (1, "二、", "二"),
        (2, "第一，", "二/第一"),
    ]


def test_an_enumeration_inside_an_ordinary_paragraph_is_not_structure() -> None:
    text = "一、重点工作\n今年将采取三项举措。一是全面实施营改增。二是取消违规收费。\n（一）稳定政策。\n"
    assert outline(text) == [(1, "一、", "一"), (2, "（一）", "一/（一）")]


def test_items_that_run_on_after_a_line_initial_first_item_are_its_siblings() -> None:
    # a heading on its own line, then one paragraph holding 一是…二是…三是 (a common page layout)
    text = "一、主要成效\n(一)统筹领导更加规范高效\n一是把好责任关。印发方案3个。二是把好学习关。组织学法12次。三是强化督促。\n"
    assert [p for _, _, p in outline(text)] == [
        "一", "一/(一)", "一/(一)/一是", "一/(一)/二是", "一/(一)/三是"
    ]


def test_a_lead_in_item_may_follow_a_comma_on_a_line_that_holds_structure() -> None:
    text = "一、成效 (一)强化学习,一是制度推进常态学。二是专家授课集中学。 (二)完善制度。"
    assert [m for _, m, _ in outline(text)] == ["一、", "(一)", "一是", "二是", "(二)"]


def test_a_first_item_run_into_its_heading_counts_when_a_second_follows() -> None:
    # a page that lost the line break after the heading; 统一是, and a 一是 with no 二是 after it, stay prose
    text = "一、成效\n(一)加强党的领导一是深入学习。召开会议3次。二是压实责任。\n(二)统一是前提。规范一是关键。\n"
    assert [p for _, _, p in outline(text)] == ["一", "一/(一)", "一/(一)/一是", "一/(一)/二是", "一/(二)"]
    (first,) = [s for s in reportkit.parse_text(text).walk() if s.path == "一/(一)"]
    assert first.title == "加强党的领导"


def test_a_sequence_must_continue_to_count() -> None:
    # 三是 without 二是, and 一是 restarting inside its own list, are not items
    text = "一、成效\n(一)基础。一是甲。三是乙。\n"
    assert [m for _, m, _ in outline(text)] == ["一、", "(一)", "一是"]


def test_arabic_numbering_may_run_on_across_parents() -> None:
    text = "一、成效\n(一)领导\n1.加强领导。\n2.强化考核。\n(二)职能\n3.深化改革。\n"
    assert outline(text)[-1] == (3, "3.", "一/(二)/3")


def test_section_ends_drop_trailing_spaces_and_table_bars() -> None:
    text = "一、甲 正文。 | \n二、乙 正文。 |"
    r = reportkit.parse_text(text)
    assert [text[s.start : s.end] for s in r.sections] == ["一、甲 正文。", "二、乙 正文。"]


def test_salutation_lines_close_sub_items() -> None:
    text = "一、回顾\n一是改革。\n二是调控。\n各位代表！\n成就来之不易。\n二、部署\n"
    r = reportkit.parse_text(text)
    second = r.sections[0].children[1]
    assert text[second.start : second.end] == "二是调控。"
    assert r.sections[0].end > text.index("成就")


def test_markdown_headings_nest_by_depth() -> None:
    text = (
        "# 2023 Annual report\n\nIntro.\n\n## 2023 report\n\n### VAT\n\nText.\n\n## Plans for 2024\n\nMore.\n"
    )
    assert outline(text) == [
        (1, "#", "2023 Annual report"),
        (2, "##", "2023 Annual report/2023 report"),
        (3, "###", "2023 Annual report/2023 report/VAT"),
        (2, "##", "2023 Annual report/Plans for 2024"),
    ]


def test_english_numbering_makes_sections_in_english_reports() -> None:
    text = "Annual report\n\nI. Review\n\n1. Finance\nWe spent money.\n1.1 Grants\nWe gave grants.\n2. People\n\nII. Plans\nMore.\n"
    got = outline(text)
    assert [(lv, m) for lv, m, _ in got] == [(1, "I."), (2, "1."), (3, "1.1"), (2, "2."), (1, "II.")]


def test_reader_heading_hints_become_sections_without_markers() -> None:
    text = "Overview\nSome text.\nDetails\nMore text.\n"
    src = SourceText(text=text, format="docx", headings=(Heading(0, 1), Heading(20, 1)))
    secs: tuple[Section, ...] = build_sections(src)
    assert [(s.title, s.start, s.marker) for s in secs] == [("Overview", 0, ""), ("Details", 20, "")]


def test_part_headings_and_dotted_chinese_numerals_are_markers() -> None:
    text = "第一部分 2022年工作回顾\n一．成效\n正文引用第二部分的内容。\n第二部分 2023年工作计划\n一．目标\n"
    assert outline(text) == [
        (1, "第一部分", "第一部分"),
        (2, "一．", "第一部分/一"),
        (1, "第二部分", "第二部分"),
        (2, "一．", "第二部分/一"),
    ]


def test_a_problems_sentence_inside_a_paragraph_does_not_close_items() -> None:
    text = "一、成效\n(一)基础\n一是建设。正文。同时,我们也清醒地认识到,困难不少。\n二、2024年工作思路\n"
    item = reportkit.parse_text(text).sections[0].children[0].children[0]
    assert text[item.start : item.end].endswith("困难不少。")


def test_inline_enumerations_in_a_line_based_report_are_not_headings() -> None:
    text = (
        "一、主要成效\n正文有三点：一、加强领导；二、完善制度；三、强化监督。\n"
        "包括：(1)审查文件；(2)清理规章。\n二、2023年工作思路\n正文。\n"
    )
    assert outline(text) == [(1, "一、", "一"), (1, "二、", "二")]


def test_numbered_cells_of_a_table_row_are_not_headings() -> None:
    text = "一、成效\n事项 | 1.审批 | 2.备案 |\n二、计划\n"
    assert outline(text) == [(1, "一、", "一"), (1, "二、", "二")]


def test_unnumbered_heading_styles_nest_under_numbered_ones() -> None:
    text = "一、工作回顾\n工作亮点\n正文。\n(一)执法\n正文。\n二、工作计划\n正文。\n"
    lines = [0, text.index("工作亮点"), text.index("二、")]
    src = SourceText(
        text=text, format="docx", headings=(Heading(lines[0], 1), Heading(lines[1], 2), Heading(lines[2], 1))
    )
    got = [(s.level, s.marker, s.title) for top in build_sections(src) for s in top.walk()]
    assert got == [(1, "一、", "工作回顾"), (2, "", "工作亮点"), (3, "(一)", "执法"), (1, "二、", "工作计划")]


def test_a_level_one_title_keeps_a_space_that_pads_a_number() -> None:
    r = reportkit.parse_text(
        "一、2024 年工作回顾\n去年办结案件 12 件。\n二、某县 2025 年度工作打算\n继续办案。"
    )
    assert [s.title for s in r.sections] == ["2024 年工作回顾", "某县 2025 年度工作打算"]


def test_a_level_one_title_in_a_one_line_text_still_ends_at_the_space_before_the_body() -> None:
    r = reportkit.parse_text("一、工作回顾 全年办结案件12件。二、2024年工作思路 2024年,我区将继续办案。")
    assert [s.title for s in r.sections] == ["工作回顾", "2024年工作思路"]


def test_half_bracketed_markers_open_items_at_a_line_start() -> None:
    text = "一、主要举措\n一)抓学习\n1)开展培训。\n2)组织考试。\n二)抓执法\n正文(见附件1)结束。"
    assert outline(text) == [
        (1, "一、", "一"),
        (2, "一)", "一/一)"),
        (3, "1)", "一/一)/1)"),
        (3, "2)", "一/一)/2)"),
        (2, "二)", "一/二)"),
    ]


def test_a_half_bracket_inside_a_line_is_not_a_marker() -> None:
    assert outline("一、主要举措\n全年办结2)件,见附件 1)和附件 2)。") == [(1, "一、", "一")]


def test_items_after_a_closer_are_not_children_of_the_item_it_closed() -> None:
    # 2006 State Council: (七) ends at the problems paragraph; the 一是… after it belong to 一、, not to (七)
    text = "一、工作回顾\n（一）继续加强法制建设。内容。\n我们也清醒地看到，存在不少问题。\n一是结构矛盾突出。\n二是增长方式粗放。\n二、总体部署\n"
    (top, _second) = reportkit.parse_text(text).sections
    assert [s.marker for s in top.children] == ["（一）", "一是", "二是"]
    first = top.children[0]
    assert first.end <= text.index("我们也") and first.children == ()
