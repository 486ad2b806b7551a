"""The same report as UTF-8 text, GB18030 text, .docx (typed markers, and Word numbering) and an HTML
page gives the same section tree and the same metadata: readers hand the parser one shape of text."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

import reportkit
from tests.docxbuild import P, build_docx, numbering_xml

META_FIELDS = ("year", "plan_year", "organisation", "issuer", "date", "index_number")
LEVEL_MARKS = {1: "、", 2: ")"}  # liandu: 一、 at level 1, (一) at level 2 (ASCII brackets)


def _seed_parts(shared: Path, seed_path: Path) -> tuple[list[list[str]], list[str]]:
    """The seed's metadata rows as cells, and its one long line cut into a paragraph per section marker."""
    text = seed_path.read_text(encoding="utf-8")
    gold = json.loads((shared / "gold" / "liandu-2022.structure.json").read_text(encoding="utf-8"))
    starts: list[int] = []

    def walk(nodes: list[dict[str, Any]]) -> None:
        for n in nodes:
            starts.append(n["start"])
            walk(n["children"])

    walk(gold["sections"])
    lines = text.split("\n")
    rows = [[c.strip() for c in line.split("|") if c.strip()] for line in lines[:2]]
    body_start = len(lines[0]) + len(lines[1]) + 2
    cuts = [body_start, *sorted(starts), len(text)]
    paras = [text[a:b].strip() for a, b in itertools.pairwise(cuts) if text[a:b].strip()]
    return rows, paras


def _numbered(paras: list[str]) -> list[P]:
    """Typed 一、 and (一) markers taken off and given to Word's automatic numbering instead."""
    out = []
    for p in paras:
        head = p.split("、", 1)[0] if "、" in p[:3] else ""
        if head and len(head) <= 2 and all("一" <= c <= "龥" for c in head):
            out.append(P(p[len(head) + 1 :], num=(1, 0)))
        elif p.startswith("(") and ")" in p[:5]:
            out.append(P(p[p.index(")") + 1 :], num=(1, 1)))
        else:
            out.append(P(p))
    return out


def _html(rows: list[list[str]], paras: list[str]) -> str:
    table = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    body = "".join(f'<p style="text-indent:2em">{escape(p)}</p>\n' for p in paras)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>莲都区2022年法治政府建设年度报告_丽水市莲都区人民政府</title>
<script>var nav = "一、首页 二、政务公开";</script><style>.nav{{color:red}}</style></head>
<body><div class="header"><a href="/">丽水市莲都区人民政府</a></div>
<div class="nav"><ul><li>一、首页</li><li>二、政务公开</li><li>三、互动交流</li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政府信息公开 &gt; 法治政府建设</div>
<div class="xxgk"><table>{table}</table></div>
<div class="article"><div id="zoom">{body}</div></div>
<div class="share">分享到：<a href="javascript:void(0)" onclick="share()">微信</a></div>
<div class="related"><h3>相关链接</h3><ul><li>一、国务院</li></ul></div>
<iframe src="https://example.invalid/ad"></iframe>
<div id="footer">主办：丽水市莲都区人民政府办公室 （一）备案号</div></body></html>"""


@pytest.fixture(scope="module")
def variants(shared: Path, seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("containers")
    text = seed_path.read_text(encoding="utf-8")
    rows, paras = _seed_parts(shared, seed_path)
    out = {"utf8": d / "utf8.txt", "gb18030": d / "gb.txt", "html": d / "page.html"}
    out["utf8"].write_bytes(text.encode("utf-8"))
    out["gb18030"].write_bytes(text.encode("gb18030"))
    out["html"].write_bytes(_html(rows, paras).encode("utf-8"))
    out["docx"] = build_docx(d / "typed.docx", [rows, *paras])
    levels = (("chineseCounting", "%1、"), ("chineseCounting", "(%2)"))
    out["docx_numbered"] = build_docx(
        d / "numbered.docx", [rows, *_numbered(paras)], numbering=numbering_xml(levels)
    )
    return out


def _tree(r: reportkit.Report) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.title) for s in r.walk()]


@pytest.mark.parametrize("name", ["gb18030", "docx", "docx_numbered", "html"])
def test_every_container_gives_the_same_section_tree(variants: dict[str, Path], name: str) -> None:
    reference = _tree(reportkit.read(variants["utf8"]))
    assert len(reference) >= 20  # the seed has 29 sections: an empty tree proves nothing
    assert _tree(reportkit.read(variants[name])) == reference


@pytest.mark.parametrize("name", ["gb18030", "docx", "docx_numbered", "html"])
def test_every_container_gives_the_same_metadata(variants: dict[str, Path], name: str) -> None:
    ref = reportkit.read(variants["utf8"]).meta
    got = reportkit.read(variants[name]).meta
    assert ref.year == 2022 and ref.index_number
    assert {f: getattr(got, f) for f in META_FIELDS} == {f: getattr(ref, f) for f in META_FIELDS}


def test_word_numbering_gives_back_the_typed_markers(variants: dict[str, Path]) -> None:
    typed = reportkit.read(variants["docx"]).text
    numbered = reportkit.read(variants["docx_numbered"]).text
    assert numbered == typed


def test_html_page_furniture_is_not_in_the_text(variants: dict[str, Path]) -> None:
    text = reportkit.read(variants["html"]).text
    for furniture in (
        "首页",
        "互动交流",
        "当前位置",
        "分享到",
        "相关链接",
        "微信",
        "备案号",
        "var nav",
        "color:red",
    ):
        assert furniture not in text
    assert text.splitlines()[0].startswith("索引号 | 002650218/2023-59583 | 公开方式 | 主动公开")
