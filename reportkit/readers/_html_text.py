"""Text assembly for the HTML reader: whitespace as a browser shows it, and page furniture lines."""

from __future__ import annotations

import re

from ._table import inline_pairs

_SPACE = re.compile(r"[ \t\n\r\f\v\xa0]+")
_CJK = re.compile(r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]")
_RELATED = re.compile(
    r"^[【\[]?(相关链接|相关文章|相关阅读|相关新闻|相关文件|相关信息|相关稿件|推荐阅读|友情链接|热点推荐)[】\]]?[：:]?$"
)
_NOISE = (
    re.compile(r"^(当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置)[：:]"),
    re.compile(
        r"^(?:[【\[]?\s*(?:打印本页|打印此页|打印|关闭本页|关闭窗口|关闭|返回顶部|返回|收藏|分享到|分享|扫一扫)\s*[】\]]?\s*[：:]?\s*)+$"
    ),
    re.compile(r"^(?:.{0,60}?)(?:字号|字体)\s*[：:]?\s*[【\[]?\s*大\s*中\s*小"),
    re.compile(r"(?:浏览次数|阅读次数|访问次数|点击数|浏览量)\s*[：:]"),
)


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
        short = start < len(lines) and _RELATED.match(lines[start]) is not None
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
    return len(line) <= 120 and any(p.search(line) for p in _NOISE)


def page_hints(lines: list[str]) -> dict[str, str]:
    """``发布时间：… 来源：…`` lines near the top of the page, as key → value hints."""
    hints: dict[str, str] = {}
    for line in lines[:60]:
        for k, v in (
            inline_pairs(re.sub(r"(?:浏览次数|阅读次数|访问次数|点击数|浏览量)\s*[：:].*$", "", line)) or ()
        ):
            hints.setdefault(k, v)
    return hints


def clean_title(title: str) -> str | None:
    """``莲都区2022年法治政府建设年度报告_丽水市莲都区人民政府`` → the part before the site's name."""
    title = collapse(title)
    if not title:
        return None
    first = re.split(r"\s*(?:_|\||｜|——| - |－)\s*", title)[0]
    return first or title
