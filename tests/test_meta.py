"""Report metadata: who, which year, when — and where each value came from."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import reportkit
from reportkit.blocks import SourceText
from reportkit.parse.pipeline import parse_source


def test_seed_metadata_comes_from_its_table_and_first_sentence(seed_path: Path) -> None:
    m = reportkit.read(seed_path).meta
    assert (m.organisation, m.year, m.plan_year) == ("莲都区", 2022, 2023)
    assert (m.issuer, m.date, m.index_number) == (
        "区司法局",
        datetime.date(2023, 2, 1),
        "002650218/2023-59583",
    )
    assert m.sources["index_number"] == "table" and m.sources["year"] == "text"
    assert m.language == "zh"


@pytest.mark.parametrize("year", [2013, 2014, 2015, 2016])
def test_government_work_report_reviews_the_year_before_delivery(shared: Path, year: int) -> None:
    m = reportkit.read(shared / "corpus" / "gongzuo" / "china-state-council" / f"{year}.txt").meta
    assert (m.organisation, m.year, m.plan_year) == ("国务院", year, year + 1)


@pytest.mark.parametrize(
    "rel, title, org, year",
    [
        ("jiangxi-nanchang-county/2020.txt", "南昌县政府2020年度法治政府建设工作报告", "南昌县", 2020),
        (
            "taizhou-luqiao/2021.txt",
            "台州市路桥区人民政府\n关于2021年法治政府建设的年度报告",
            "台州市路桥区",
            2021,
        ),
        ("tianjin-jinghai/2020.txt", "2020年静海区法治政府建设情况报告", "静海区", 2020),
        ("taizhou-yuhuan/2021.txt", None, "玉环市", 2021),
        ("jiangxi-nanchang-county/2019.txt", None, "南昌县", 2019),
    ],
)
def test_fazhi_titles_name_the_government_and_year(
    shared: Path, rel: str, title: str, org: str, year: int
) -> None:
    m = reportkit.read(shared / "corpus" / "fazhi" / rel).meta
    assert (m.title, m.organisation, m.year, m.plan_year) == (title, org, year, year + 1)
    assert m.sources["organisation"] == ("title" if title else "text")


@pytest.mark.parametrize("year", [2022, 2023])
def test_freecad_report_meta_from_front_matter_and_text(shared: Path, year: int) -> None:
    m = reportkit.read(shared / "corpus" / "en" / "freecad-fpa" / f"{year}.txt").meta
    assert m.title == f"{year} Annual report and {year + 1} plans"
    assert (m.organisation, m.year, m.plan_year, m.language) == (
        "FreeCAD Project Association",
        year,
        year + 1,
        "en",
    )
    assert m.date == datetime.date(2023, 3, 20) and m.sources["date"] == "front_matter"


def test_plan_year_comes_from_the_plan_heading() -> None:
    m = reportkit.parse_text(
        "2021年,某县政府坚持依法行政。\n一、主要成效\n正文。\n二、2023年工作思路\n正文。\n"
    ).meta
    assert (m.year, m.plan_year) == (2021, 2022)  # a heading for another year is not next year's plan
    m = reportkit.parse_text(
        "2022年,某县政府坚持依法行政。\n一、主要成效\n正文。\n二、2023年工作思路\n正文。\n"
    ).meta
    assert m.plan_year == 2023 and m.sources["plan_year"] == "text"


def test_year_falls_back_to_the_file_name() -> None:
    m = reportkit.parse_text("一、成效\n某局坚持依法行政。\n", path="reports/2019.txt").meta
    assert m.year == 2019 and m.sources["year"] == "filename"


def test_reader_hints_fill_title_and_date() -> None:
    src = SourceText(
        text="正文没有年份。\n", format="html", meta_hints={"title": "某市2021年报告", "date": "2022年3月5日"}
    )
    m = parse_source(src).meta
    assert (m.title, m.year, m.date) == ("某市2021年报告", 2021, datetime.date(2022, 3, 5))
    assert m.sources["title"] == "front_matter"


def test_key_value_lines_count_as_the_metadata_table() -> None:
    text = "索引号：11A-2023-001\n发布机构：市司法局\n发布日期：2023/01/15\n2022年,某市政府坚持依法行政。\n"
    m = reportkit.parse_text(text).meta
    assert (m.index_number, m.issuer, m.date) == ("11A-2023-001", "市司法局", datetime.date(2023, 1, 15))


@pytest.mark.parametrize(
    "title, org",
    [
        ("关于莲都区2022年度法治政府建设情况的报告", "莲都区"),
        ("丽水市莲都区人民政府关于2022年度法治政府建设工作情况的报告", "丽水市莲都区"),
        ("丽水市司法局2022年度法治政府建设工作报告", "丽水市司法局"),
        ("2022年海淀区法治政府建设年度情况报告", "海淀区"),
    ],
)
def test_organisation_is_read_from_common_title_shapes(title: str, org: str) -> None:
    m = reportkit.parse_text(title + "\n\n2022年，我区坚持依法行政。\n一、主要成效\n正文。\n").meta
    assert (m.organisation, m.year, m.sources["organisation"]) == (org, 2022, "title")


def test_english_title_names_the_organisation_and_year() -> None:
    m = reportkit.parse_text("The Example Society: 2022 Annual Report\n\nWe did things in 2022.\n").meta
    assert (m.title, m.organisation, m.year, m.plan_year, m.language) == (
        "The Example Society: 2022 Annual Report",
        "The Example Society",
        2022,
        2023,
        "en",
    )


def test_a_metadata_table_below_a_note_line_is_still_read() -> None:
    text = (
        "首页 > 政务公开 > 法治政府建设\n"
        "索引号 | 001/2024-01 | 公开方式 | 主动公开 | ||\n"
        "发布机构 | 某某区司法局 | 成文日期 | 2024-02-03 | ||\n"
        "某某区2023年法治政府建设年度报告\n"
        "2023年,某某区坚持依法行政。\n"
    )
    r = reportkit.parse_text(text)
    m = r.meta
    assert (m.index_number, m.issuer, m.date) == ("001/2024-01", "某某区司法局", datetime.date(2024, 2, 3))
    assert m.sources["index_number"] == "table"
    assert m.title == "某某区2023年法治政府建设年度报告"
    assert r.parts[0].start == text.index("2023年,")


def test_a_text_that_says_our_county_takes_its_name_from_its_own_document_titles() -> None:
    text = "2021年,我县坚持依法行政,印发《河南省纲要》和《某某县2021年度工作安排》。\n一、履行职责\n正文。"
    assert reportkit.parse_text(text).meta.organisation == "某某县"


def test_a_title_without_a_place_gives_no_organisation() -> None:
    text = "东方法治政府评估报告(2013)\n课题组对直辖市和较大的市人民政府开展评估。\n"
    assert reportkit.parse_text(text).meta.organisation is None


def test_a_township_title_names_the_township() -> None:
    text = "某某县某某镇人民政府2025年法治政府建设情况报告\n2025年,全镇依法行政。\n"
    assert reportkit.parse_text(text).meta.organisation == "某某县某某镇"


def test_a_news_headline_above_its_paragraph_is_the_title() -> None:
    text = "某市行政机关去年败诉率下降,复议量上升3%\n2023年某市法治政府建设报告日前发布。去年全市办结案件12件。\n"
    m = reportkit.parse_text(text).meta
    assert m.title == "某市行政机关去年败诉率下降,复议量上升3%"
    assert (
        reportkit.parse_text("各位代表：\u200d\n现在,我代表国务院,向大会报告政府工作。\n").meta.title is None
    )


def test_a_summary_names_the_body_whose_report_it_quotes() -> None:
    text = "某某部2023年法治政府建设年度报告显示,全年办结案件12件。\n"
    assert reportkit.parse_text(text).meta.organisation == "某某部"


def test_web_page_furniture_is_neither_title_nor_body_and_its_date_is_read() -> None:
    text = (
        "首页 > 政务公开 > 法治政府\n【字体：大 中 小】 打印 关闭\n"
        "某某区2023年法治政府建设年度报告\n"
        "来源：某某区司法局 发布时间：2024-02-03 浏览次数：12\n"
        "2023年,某某区坚持依法行政。\n一、2023年主要举措和成效\n"
    )
    r = reportkit.parse_text(text)
    assert (r.meta.title, r.meta.date) == ("某某区2023年法治政府建设年度报告", datetime.date(2024, 2, 3))
    assert r.parts[0].start == text.index("2023年,")


def test_a_higher_level_named_in_a_document_title_is_not_the_organisation() -> None:
    text = "2021年,全省排名第一,落实《某某省2021年工作要点》。\n一、履行职责\n正文。"
    assert reportkit.parse_text(text).meta.organisation is None


def test_labels_padded_with_spaces_and_other_common_labels_are_read() -> None:
    # shapes of real government pages: 索 引 号 padded to one width, 发文日期, 发文机构
    table = (
        "【省政府法治建设报告】某某省人民政府关于2022年度法治政府建设情况的报告\n"
        "索 引 号 | 011043217/2023-07888 | 分 类 | 司法 |\n"
        "发布机构 | 某某省人民政府 | 发文日期 | 2023-03-30 |\n"
        "2022年,省政府坚持依法行政。\n"
    )
    m = reportkit.parse_text(table).meta
    assert (m.title, m.index_number, m.issuer, m.date) == (
        "某某省人民政府关于2022年度法治政府建设情况的报告", "011043217/2023-07888", "某某省人民政府",
        datetime.date(2023, 3, 30),
    )
    lines = "文       号:\n发文机构:中共某某区委全面依法治区委员会办公室\n名       称:某某区2022年法治政府建设年度报告\n正文。\n"
    m = reportkit.parse_text(lines).meta
    assert (m.title, m.issuer) == ("某某区2022年法治政府建设年度报告", "中共某某区委全面依法治区委员会办公室")


def test_a_vertical_metadata_table_is_read_and_an_empty_label_takes_no_value() -> None:
    text = (
        "某某区2021年法治政府建设工作报告\n\n2022-02-14 16:25\n发文单位\n区人民政府\n发文字号\n发文日期\n"
        "2021-12-31 10:00\n效力状态\n有效\n索引号\n010898141/2022-06190\n\n2021年,某某区坚持依法行政。\n"
    )
    m = reportkit.parse_text(text).meta
    assert (m.issuer, m.date, m.index_number) == ("区人民政府", datetime.date(2021, 12, 31), "010898141/2022-06190")


def test_the_source_line_names_the_issuer_and_its_date() -> None:
    text = "某某市人民政府关于2022年度法治政府建设工作情况的报告\n\n来源:某某市司法局2023-03-10 11:29\n2022年,某某市坚持依法行政。\n"
    m = reportkit.parse_text(text).meta
    assert (m.issuer, m.date) == ("某某市司法局", datetime.date(2023, 3, 10))
    empty = "某某市人民政府关于2022年度的报告\n\n来源: 发布日期:2023-02-21 10:00\n2022年,某某市坚持依法行政。\n"
    m = reportkit.parse_text(empty).meta
    assert (m.issuer, m.date) == (None, datetime.date(2023, 2, 21))


def test_the_opening_sentence_names_the_place_and_a_document_title_does_not() -> None:
    text = "按照规定,现将某某楼区2024年法治政府建设工作情况报告如下:\n一、2024年度工作情况\n正文。\n"
    assert reportkit.parse_text(text).meta.organisation == "某某楼区"
    text = "按照规定,现将2025年度情况报告如下。\n一、主要举措\n我市印发《关于做好全市法治政府建设工作的通知》。\n"
    assert reportkit.parse_text(text).meta.organisation is None


def test_a_source_of_funds_in_the_text_is_not_the_pages_source_line() -> None:
    funding = "某某市2022年法治政府建设报告\n2022年,某某市坚持依法行政,资金来源：省财政厅,专项经费3000万元。\n"
    assert reportkit.parse_text(funding).meta.issuer is None  # 资金来源 is not the page's source line
