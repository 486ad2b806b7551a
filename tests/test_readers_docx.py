"""Word reader: paragraphs and tables as lines, Word numbering and heading styles kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportkit.readers import read_source
from reportkit.readers._numbering import chinese_number, format_number
from tests.docxbuild import P, build_docx, numbering_xml, styles_xml


def test_paragraphs_and_table_rows_become_lines(tmp_path: Path) -> None:
    p = build_docx(
        tmp_path / "a.docx",
        [
            [["索引号：", "002650218/2023-59583", "公开方式", "主动公开", ""]],
            "　　2022年，莲都区政府坚持依法行政。",
            "",
            "一、主要成效",
        ],
    )
    src = read_source(p)
    assert src.format == "docx"
    assert (
        src.text
        == "索引号 | 002650218/2023-59583 | 公开方式 | 主动公开\n2022年，莲都区政府坚持依法行政。\n一、主要成效"
    )
    assert src.meta_hints["索引号"] == "002650218/2023-59583"


def test_word_numbering_is_written_back_as_markers(tmp_path: Path) -> None:
    blocks = [
        P("主要成效", num=(1, 0)),
        P("夯实基础", num=(1, 1)),
        P("细则", num=(1, 2)),
        P("细则", num=(1, 2)),
        P("履行职能", num=(1, 1)),
        P("细则", num=(1, 2)),
        P("工作思路", num=(1, 0)),
        P("加强监督", num=(1, 1)),
    ]
    src = read_source(build_docx(tmp_path / "n.docx", blocks, numbering=numbering_xml()))
    assert src.text.splitlines() == [
        "一、主要成效",
        "(一)夯实基础",
        "1.细则",
        "2.细则",
        "(二)履行职能",
        "1.细则",
        "二、工作思路",
        "(一)加强监督",
    ]


def test_heading_styles_are_heading_hints(tmp_path: Path) -> None:
    blocks = [
        "前言",
        P("总体情况", style="Heading1"),
        "正文",
        P("具体做法", style="Heading2"),
        P("标题", style="a1"),
    ]
    src = read_source(build_docx(tmp_path / "h.docx", blocks, styles=styles_xml()))
    assert [(src.text[h.start :].split("\n")[0], h.level) for h in src.headings] == [
        ("总体情况", 1),
        ("具体做法", 2),
        ("标题", 1),
    ]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (12, "chineseCountingThousand", "十二"),
        (21, "chineseCounting", "二十一"),
        (3, "ideographDigital", "三"),
        (2, "ideographTraditional", "乙"),
        (3, "decimalEnclosedCircle", "③"),
        (4, "upperRoman", "IV"),
        (27, "lowerLetter", "aa"),
        (7, "decimalFullWidth", "７"),
        (5, "decimal", "5"),
    ],
)
def test_word_number_formats(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_chinese_numbers_use_zero_where_a_place_is_skipped() -> None:
    assert chinese_number(105) == "一百零五" and chinese_number(110) == "一百一十"


def test_a_document_opened_and_saved_by_python_docx_reads_the_same(tmp_path: Path) -> None:
    from docx import Document

    p = build_docx(tmp_path / "a.docx", ["一、主要成效", "办理案件402件。"])
    doc = Document(str(p))
    doc.add_paragraph("二、工作思路")
    doc.save(str(tmp_path / "b.docx"))
    assert read_source(tmp_path / "b.docx").text == "一、主要成效\n办理案件402件。\n二、工作思路"
