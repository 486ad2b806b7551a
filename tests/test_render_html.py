"""The HTML page: one self-contained file, report text always shown as text, opens in a browser."""

from __future__ import annotations

import re
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from office import screenshot
from test_render_samples import HOSTILE, make_diff

from reportkit.comparison.records import TextOp
from reportkit.render.html import render_html, write_html


class _Attrs(HTMLParser):
    """Every (tag, attribute, value) of a page, and the ids it defines."""

    def __init__(self) -> None:
        super().__init__()
        self.attrs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for k, v in attrs:
            self.attrs.append((tag, k, v or ""))
            if k == "id" and v:
                self.ids.add(v)


def _parse(page: str) -> _Attrs:
    p = _Attrs()
    p.feed(page)
    return p


def test_report_markup_is_shown_as_text_never_run() -> None:
    page = render_html(make_diff())
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert _parse(page).tags.count("script") == 1  # ours, inlined at the end


def test_template_code_in_a_report_shows_literally() -> None:
    page = render_html(make_diff())
    assert "{{ 7*7 }}" in page
    assert "推进49专项行动" not in page


def test_no_request_leaves_the_page() -> None:
    page = render_html(make_diff())
    for tag, attr, value in _parse(page).attrs:
        if attr in ("src", "href", "action", "srcset", "poster", "data"):
            assert not re.match(r"\s*(https?:|//|ftp:|data:text/html)", value, re.IGNORECASE), (tag, attr, value)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page  # and the browser is told so


def test_hostile_text_in_attributes_is_escaped() -> None:
    diff = make_diff()
    evil = '" onmouseover="alert(1)" x="'
    pair = next(p for p in diff.metrics if p.new is not None and p.old is not None)
    metric = attrs.evolve(pair.new, label=evil)
    page = render_html(attrs.evolve(diff, metrics=(attrs.evolve(pair, new=metric), *diff.metrics[1:])))
    assert 'onmouseover="alert(1)"' not in page
    assert all(k != "onmouseover" for _, k, _ in _parse(page).attrs)
    for text in HOSTILE[1:]:
        assert text in page


def test_contents_link_to_every_section_and_table() -> None:
    page = render_html(make_diff())
    parsed = _parse(page)
    links = {v[1:] for tag, k, v in parsed.attrs if tag == "a" and k == "href" and v.startswith("#")}
    assert {"metrics", "commitments", "stated", "top"} <= links
    assert links <= parsed.ids
    # the tables link back to the sentences: metrics and evidence to this year's, commitments to last year's
    assert any(x.startswith("n") for x in links) and any(x.startswith("o") for x in links)
    assert sum(1 for i in parsed.ids if i.startswith("sec-")) >= len(make_diff().sections)


def test_sections_are_side_by_side_with_redlines_from_the_ops() -> None:
    diff = make_diff()
    page = render_html(diff)
    assert '<span class="del">完善</span>' in page and '<span class="ins">健全</span>' in page
    # the removed section's text is all deleted, in its own aligned group
    assert '（三）推进{{ 7*7 }}专项行动' in page
    assert page.index("一、主要成效") < page.index("强化执法监督") < page.index("二、存在问题")


def test_ops_that_do_not_spell_the_sentences_are_replaced_not_trusted() -> None:
    diff = make_diff()
    i, pair = next((i, p) for i, p in enumerate(diff.sentences) if p.old and p.new and p.old.text != p.new.text)
    broken = attrs.evolve(pair, ops=(TextOp("replace", "xx", "yy"),))
    page = render_html(attrs.evolve(diff, sentences=(*diff.sentences[:i], broken, *diff.sentences[i + 1:])))
    assert ">xx<" not in page and ">yy<" not in page
    assert pair.new.text[-3:] in page


def test_changed_numbers_are_highlighted_old_to_new() -> None:
    page = render_html(make_diff())
    m = re.search(r'<span class="[^"]*\bm down" title="([^"]*)">32件</span>', page)
    assert m, "the fallen number is marked"
    assert "40件 → 2023: 32件" in m.group(1) and "-20.0%" in m.group(1)
    assert '<span class="was">原40件</span>' in page


def test_summary_scores_and_tables_come_first_and_complete() -> None:
    diff = make_diff()
    page = render_html(diff)
    assert page.index("0.82") < page.index('id="sec-')
    body = page[page.index('id="metrics"'):]
    for p in diff.metrics:
        name = (p.new or p.old).label  # type: ignore[union-attr]
        assert name.replace('"', "&#34;") in body
    assert "+50.0%" in body and "未找到" in page[page.index('id="commitments"'):]


def test_an_empty_diff_still_renders() -> None:
    diff = make_diff()
    page = render_html(attrs.evolve(diff, sections=(), sentences=(), metrics=(), stated_changes=(),
                                    commitments=(), scores=None))
    assert "两年报告中都没有识别出指标" in page


def test_write_html_writes_one_file(tmp_path: Path) -> None:
    out = tmp_path / "d.html"
    write_html(make_diff(), out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["d.html"]


def _png_pixels(png: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA PNG (what Chromium writes) into rows of pixels: enough to tell blank from not."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1:
                line[x] = (line[x] + a) & 0xFF
            elif f == 2:
                line[x] = (line[x] + b) & 0xFF
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, channels, rows


@pytest.mark.chromium
def test_page_renders_in_headless_chromium(chromium: str, tmp_path: Path) -> None:
    html = tmp_path / "d.html"
    write_html(make_diff(), html)
    png = screenshot(chromium, html, tmp_path / "d.png", width=1000, height=700)
    width, channels, rows = _png_pixels(png)
    colours: set[bytes] = set()
    inked = 0
    for row in rows[::4]:
        for x in range(0, width * channels, channels * 4):
            px = row[x:x + 3]
            colours.add(px)
            inked += px != b"\xff\xff\xff"
    assert len(colours) > 20, "the page looks blank"
    assert inked > 0.05 * (len(rows) // 4) * (width // 4)


def test_stated_changes_are_marked_in_the_text_with_their_check() -> None:
    diff = make_diff()
    page = render_html(diff)
    m = re.search(r'<span class="[^"]*\bsc ok" title="([^"]*)">', page)
    assert m and "去年报告 40件" in m.group(1) and "一致" in m.group(1)
    bad = attrs.evolve(diff.stated_changes[0], consistent=False)
    page = render_html(attrs.evolve(diff, stated_changes=(bad,)))
    assert re.search(r'<span class="[^"]*\bsc bad" title="[^"]*“20%”[^"]*不一致[^"]*">', page)


def test_an_english_report_gets_an_english_page() -> None:
    diff = make_diff()
    en = attrs.evolve(diff, new=attrs.evolve(diff.new, meta=attrs.evolve(diff.new.meta, language="en")))
    page = render_html(en)
    assert '<html lang="en">' in page and "Metric changes" in page and "Contents" in page
    for zh in ("指标变化", "目录", "年度报告比较", "只看改动"):
        assert zh not in page
    assert "<script>alert(1)</script>" not in page
