"""HTML reader: the report's text without the site around it, metadata table as ``k | v`` lines."""

from __future__ import annotations

from pathlib import Path

from reportkit.limits import Limits
from reportkit.readers import read_source
from reportkit.readers.html import declared_charset

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}">
<title>莲都区2022年法治政府建设年度报告_丽水市莲都区人民政府</title><script>var a = "一、脚本";</script></head>
<body><div class="top-nav">首页 | 政务公开</div>
<table><tr><td>索引号：</td><td>002650218/2023-59583</td><td>公开方式：</td><td>主动公开</td></tr>
<tr><td>发布机构：</td><td>区司法局</td><td>成文日期：</td><td>2023-02-01</td><td></td></tr></table>
<div class="info">发布时间：2023-02-01 来源：区司法局 浏览次数：<span>88</span> 字号：[大 中 小]</div>
<div class="content"><p>　　2022年，莲都区政府坚持依法行政。</p><p>一、主要举措
和成效</p><p>（一）夯实基础。<br>一是提升思维。</p>
<table><tr><td>指标</td><td>数值</td></tr><tr><td>办理案件</td><td>402件</td></tr></table></div>
<div class="bdsharebuttonbox">分享到：</div><div class="footer">版权所有</div></body></html>"""


def read(tmp_path: Path, page: str, encoding: str = "utf-8", **kw: int) -> tuple[str, dict[str, str]]:
    p = tmp_path / "page.html"
    p.write_bytes(page.encode(encoding))
    src = read_source(p, limits=Limits(**kw)) if kw else read_source(p)
    assert src.format == "html"
    return src.text, dict(src.meta_hints)


def test_the_page_becomes_lines_of_report_text(tmp_path: Path) -> None:
    text, _ = read(tmp_path, PAGE.format(charset="utf-8"))
    assert text.splitlines() == [
        "索引号 | 002650218/2023-59583 | 公开方式 | 主动公开",
        "发布机构 | 区司法局 | 成文日期 | 2023-02-01",
        "2022年，莲都区政府坚持依法行政。",
        "一、主要举措和成效",  # a line break between CJK characters is no space
        "（一）夯实基础。",
        "一是提升思维。",
        "指标 | 数值",
        "办理案件 | 402件",
    ]


def test_metadata_and_title_go_to_hints(tmp_path: Path) -> None:
    _, hints = read(tmp_path, PAGE.format(charset="gb2312"), "gbk")
    assert hints["索引号"] == "002650218/2023-59583" and hints["发布机构"] == "区司法局"
    assert hints["成文日期"] == "2023-02-01" and hints["发布时间"] == "2023-02-01"
    assert hints["title"] == "莲都区2022年法治政府建设年度报告"


def test_an_h1_is_preferred_to_the_title_element(tmp_path: Path) -> None:
    _, hints = read(tmp_path, "<title>站点</title><h1>关于2022年法治政府建设情况的报告</h1><p>正文</p>")
    assert hints["title"] == "关于2022年法治政府建设情况的报告"


def test_the_declared_charset_is_found_in_either_meta_form() -> None:
    assert declared_charset(b'<meta charset="GB2312">') == "gb18030"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">') == "utf-8"
    assert declared_charset(b"<p>none</p>") is None


def test_a_layout_table_is_read_as_paragraphs_not_as_a_row(tmp_path: Path) -> None:
    page = "<table><tr><td><p>一、主要成效</p><p>办理案件402件。</p></td><td>侧栏</td></tr></table>"
    text, _ = read(tmp_path, page)
    assert text.splitlines() == ["一、主要成效", "办理案件402件。", "侧栏"]


def test_elements_below_the_depth_limit_are_flattened_not_lost(tmp_path: Path) -> None:
    page = "<body>" + "<div>" * 50 + "<p>深处</p><script>x()</script>" + "</div>" * 50 + "<p>之后</p></body>"
    text, _ = read(tmp_path, page, max_html_depth=10)
    assert "深处" in text and "之后" in text and "x()" not in text


def test_header_and_footer_inside_an_article_are_content(tmp_path: Path) -> None:
    page = (
        "<header>站点头部</header><article><header><h1>年度报告</h1></header><p>正文。</p>"
        "<footer>区司法局 2023年2月1日</footer></article><footer>站点底部</footer>"
    )
    text, _ = read(tmp_path, page)
    assert text.splitlines() == ["年度报告", "正文。", "区司法局 2023年2月1日"]


def test_a_related_links_box_is_dropped(tmp_path: Path) -> None:
    page = "<p>正文。</p><div><h4>相关链接</h4><ul><li>国务院</li><li>省政府</li></ul></div>"
    text, _ = read(tmp_path, page)
    assert text == "正文。"


def test_metadata_cells_holding_key_and_value_become_key_value_cells(tmp_path: Path) -> None:
    page = "<table><tr><td>索引号：002650218/2023-59583</td><td>发布机构：区司法局</td></tr></table><p>正文。</p>"
    text, hints = read(tmp_path, page)
    assert text.splitlines()[0] == "索引号 | 002650218/2023-59583 | 发布机构 | 区司法局"
    assert hints["发布机构"] == "区司法局"
