"""HTML pages as government sites publish them: the report's text, without the site around it.

lxml's HTML parser (libxml2) runs in event mode with a target, so no tree is built: no depth limit
inside libxml2 to cut a deep page short, no recursion here, no network, no DTD. Scripts, styles,
frames, forms, navigation, headers, footers, share and 相关链接 boxes are dropped; block elements end
lines; a table row becomes ``cell | cell`` (so the 信息索引 metadata table reads
``索引号 | 002650218/2023-59583 | 公开方式 | 主动公开``, the shape the meta parser reads, and its pairs
also go to ``meta_hints``). Below ``Limits.max_html_depth`` elements are flattened into their ancestor.
"""

from __future__ import annotations

import re
from typing import Any, cast

from lxml import etree

from ..blocks import SourceText
from ..errors import CorruptFileError, EmptyInputError
from ..limits import Limits
from ._html_text import Sink, clean_title, is_noise_line, page_hints
from ._table import row_line, row_pairs
from ._xml import one_line
from .text import check_text, decode

_DROP = frozenset(
    """script style noscript iframe frame frameset form nav aside template object embed applet
    svg canvas button select textarea input audio video map head math dialog""".split()  # noqa: SIM905 (a word list reads better as text)
)
_BLOCK = frozenset(
    """p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre address
    figure figcaption hr br table tr center fieldset legend details summary body html caption
    tbody thead tfoot""".split()  # noqa: SIM905 (a word list reads better as text)
)
# class/id words of page furniture (split at - _ and spaces; a word matches when it starts with one)
_FURNITURE = (
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "footer",
    "header",
    "share",
    "sidebar",
    "copyright",
    "related",
    "xglj",
    "friendlink",
    "toolbar",
    "banner",
    "topbar",
    "login",
    "search",
    "qrcode",
    "weizhi",
    "dqwz",
    "position",
    "location",
    "fenxiang",
    "print",
    "skip",
)
_WORD = re.compile(r"[\s_\-]+")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn", "gb18030"}


def declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_ENCODING.match(head) or _CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    return "gb18030" if name in _GB else name  # GB2312 pages use GBK characters all the time


# ... and words that give furniture away anywhere inside a class name (bdsharebuttonbox, mainnavbar)
_FURNITURE_INSIDE = ("share", "breadcrumb", "navbar", "sidebar", "copyright", "footer", "fenxiang")


def _is_furniture(attrib: Any) -> bool:
    words = _WORD.split(f"{attrib.get('class', '')} {attrib.get('id', '')}".lower())
    return any(w.startswith(_FURNITURE) or any(f in w for f in _FURNITURE_INSIDE) for w in words if w)


class _Frame:
    __slots__ = ("cells", "drop", "in_cell", "row", "sink_index", "start_line", "tag")

    def __init__(self, tag: str, drop: bool, sink_index: int, start_line: int) -> None:
        self.tag = tag
        self.drop = drop
        self.sink_index = sink_index
        self.start_line = start_line
        self.cells: list[list[str]] | None = None  # open row of a <tr>


class _Target:
    """Receives libxml2's events and keeps only the text a reader of the page would read."""

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.frames: list[_Frame] = []
        self.overflow = 0  # open elements deeper than max_depth (flattened)
        self.dropping = 0  # open elements inside dropped ones
        self.keep_header = 0  # open <article>/<main>: their <header>/<footer> are content
        self.sinks: list[Sink] = [Sink()]
        self.title: list[str] = []
        self.in_title = False
        self.h1: str | None = None
        self.hints: dict[str, str] = {}

    # events -------------------------------------------------------------
    def start(self, tag: Any, attrib: Any) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag == "title" and not self.title:
            self.in_title = True
        if self.dropping:
            self.dropping += 1
            return
        if len(self.frames) >= self.max_depth:
            if tag in _DROP:
                self.dropping = 1  # even flattened, a script stays out
            else:
                self.overflow += 1
            return
        sink = self.sinks[-1]
        if tag in _BLOCK:
            sink.flush()
        drop = tag in _DROP or (tag in ("header", "footer") and not self.keep_header) or _is_furniture(attrib)
        frame = _Frame(tag, drop, len(self.sinks) - 1, len(sink.lines))
        self.frames.append(frame)
        if drop:
            self.dropping = 1
            return
        if tag in ("article", "main"):
            self.keep_header += 1
        if tag == "br":
            sink.newline()
        elif tag == "tr":
            frame.cells = []
        elif tag in ("td", "th"):
            self.sinks.append(Sink())

    def end(self, tag: Any) -> None:
        self._end_title(tag)
        if self.dropping:
            self.dropping -= 1
            if self.dropping:
                return
            if self.frames and self.frames[-1].drop:
                self.frames.pop()
            return
        if self.overflow:
            self.overflow -= 1
            return
        if not self.frames:
            return
        frame = self.frames.pop()
        if frame.tag in ("article", "main"):
            self.keep_header -= 1
        if frame.tag in ("td", "th") and len(self.sinks) > 1:
            cell = self.sinks.pop()
            cell.flush()
            row = next((f for f in reversed(self.frames) if f.cells is not None), None)
            if row is not None:
                row.cells.append(cell.lines)  # type: ignore[union-attr]
            else:
                self.sinks[-1].lines.extend(cell.lines)
            return
        sink = self.sinks[-1]
        if frame.tag in _BLOCK:
            sink.flush()
        if frame.tag == "tr" and frame.cells is not None:
            self._row(frame.cells, sink)
        if frame.tag == "h1" and self.h1 is None and sink.lines[frame.start_line :]:
            self.h1 = sink.lines[frame.start_line]
        if frame.tag in ("div", "ul", "ol", "section", "dl", "table"):
            sink.drop_link_box(frame.start_line)

    def data(self, data: str | bytes) -> None:
        text = data if isinstance(data, str) else data.decode("utf-8", "replace")
        if self.in_title:
            self.title.append(text)
            return
        if not self.dropping:
            self.sinks[-1].add(text)

    def comment(self, text: str | bytes) -> None:
        """Comments are not text (the parser drops them too; this completes lxml's target protocol)."""

    def close(self) -> list[str]:
        while len(self.sinks) > 1:  # cells never closed: their text still counts
            cell = self.sinks.pop()
            cell.flush()
            self.sinks[-1].lines.extend(cell.lines)
        self.sinks[0].flush()
        return self.sinks[0].lines

    # helpers ------------------------------------------------------------
    def _end_title(self, tag: Any) -> None:
        if self.in_title and isinstance(tag, str) and tag.lower() == "title":
            self.in_title = False

    def _row(self, cells: list[list[str]], sink: Sink) -> None:
        if not any(cells):
            return
        if any(len(c) > 1 for c in cells) or sum(1 for c in cells if c) == 1:
            for c in cells:  # a layout table, or a one-cell box: its lines are ordinary lines
                sink.lines.extend(c)
            return
        flat = [c[0] if c else "" for c in cells]
        sink.lines.append(row_line(flat))
        for k, v in row_pairs(flat):
            self.hints.setdefault(k, v)


def read_html(data: bytes, *, path: str, limits: Limits) -> SourceText:
    if not data.strip():
        raise EmptyInputError(
            "empty file (0 bytes)" if not data else "no text in the file (only whitespace)", path=path
        )
    page, encoding = decode(data, path=path, declared=declared_charset(data))
    target = _Target(limits.max_html_depth)
    parser = etree.HTMLParser(
        target=target,
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=False,
    )
    try:
        lines = cast(list[str], etree.fromstring(page.encode("utf-8", "surrogatepass"), parser))
    except etree.XMLSyntaxError as e:
        if "empty" in str(e).lower():
            raise EmptyInputError("no text in the HTML page", path=path) from None
        raise CorruptFileError(f"cannot parse as HTML: {one_line(e)}", path=path) from None
    except etree.LxmlError as e:
        raise CorruptFileError(f"cannot parse as HTML: {one_line(e)}", path=path) from None
    hints = page_hints(lines)
    hints.update(target.hints)
    lines = [ln for ln in lines if not is_noise_line(ln)]
    text = "\n".join(lines)
    check_text(text, path=path, limits=limits)
    title = target.h1 or clean_title("".join(target.title))
    if title:
        hints.setdefault("title", title)
    return SourceText(text=text, format="html", path=path, encoding=encoding, meta_hints=hints)
