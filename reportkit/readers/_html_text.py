"""Text assembly for the HTML reader: whitespace as a browser shows it, and page furniture lines."""

from __future__ import annotations

import functools
import re

from .. import lang
from ._table import inline_pairs

_SPACE = re.compile(r"[ \t\n\r\f\v\xa0]+")
_CJK = re.compile(r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]")


def _furniture(key: str) -> re.Pattern[str]:
    """html_related, html_counter_tail, html_title_site of lang/zh/furniture.toml (compiled on first use)."""
    return lang.pattern("zh", "furniture", key)


@functools.cache
def _noise() -> tuple[re.Pattern[str], ...]:
    """A page's chrome lines: 当前位置：…, 【打印本页】, 字体：【大 中 小】, 浏览次数：… (furniture.toml html_noise)."""
    return tuple(re.compile(a) for a in lang.alternatives("zh", "furniture", "html_noise"))


class Sink:
    """Lines being built; ``buf`` is the line in progress."""

    __slots__ = ("buf", "lines")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []

    def add(self, text: str) -> None:
        self.buf.append(text)

    def newline(self) -> None:
        self.flush()

    def flush(self) -> None:
        if self.buf:
            line = collapse("".join(self.buf))
            self.buf = []
            if line:
                self.lines.append(line)

    def drop_link_box(self, start: int) -> None:
        """A box that opens with 相关链接 (and holds only short lines) is the site's, not the report's."""
        # Looked at without copying the tail: every closing div asks, so a copy would cost depth × lines.
        lines = self.lines
        short = start < len(lines) and _furniture("html_related").match(lines[start]) is not None
        if short and all(len(lines[i]) <= 80 for i in range(start, len(lines))):
            del lines[start:]


def collapse(text: str) -> str:
    """Runs of whitespace as one space, none where a line break fell between two CJK characters."""

    def repl(m: re.Match[str]) -> str:
        s = m.string
        a, b = m.start(), m.end()
        if "\n" in m.group() and a > 0 and b < len(s) and _CJK.match(s[a - 1]) and _CJK.match(s[b]):
            return ""
        return " "

    return _SPACE.sub(repl, text).strip()


def is_noise_line(line: str) -> bool:
    return len(line) <= 120 and any(p.search(line) for p in _noise())


def page_hints(lines: list[str]) -> dict[str, str]:
    """``发布时间：… 来源：…`` lines near the top of the page, as key → value hints."""
    hints: dict[str, str] = {}
    for line in lines[:60]:
        for k, v in inline_pairs(_furniture("html_counter_tail").sub("", line)) or ():
            hints.setdefault(k, v)
    return hints


def clean_title(title: str) -> str | None:
    """``莲都区2022年法治政府建设年度报告_丽水市莲都区人民政府`` → the part before the site's name."""
    title = collapse(title)
    if not title:
        return None
    first = _furniture("html_title_site").split(title)[0]
    return first or title
