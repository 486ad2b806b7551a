"""Markdown (.md, and .txt files that are Markdown): front matter into hints, headings (read by markdown-it-py,
the parser STYLE.md names) as hints.

The text is kept whole, front matter included, so offsets index the file as it is; the front matter's
end offset is in ``meta_hints["_front_matter_end"]`` for stages that want to skip it.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..blocks import Heading, SourceText
from ..limits import Limits
from .text import decode_checked

if TYPE_CHECKING:  # markdown-it-py loads when a Markdown text is parsed, not to ask whether a .txt is one
    from markdown_it import MarkdownIt

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(?=\S|$)", re.MULTILINE)
_KEY = re.compile(r"^([A-Za-z_][\w.-]*|[\u4e00-\u9fff]{1,10})\s*[:：]\s?(.*)$")


def front_matter_end(text: str) -> int | None:
    """Offset just past the closing ``---`` line of a front-matter block at the very start, if any."""
    if not text.startswith("---\n"):
        return None
    m = re.compile(r"^(?:---|\.\.\.)[ \t]*$\n?", re.MULTILINE).search(text, 4)
    if m is None or m.start() > 20000:
        return None
    return m.end()


def parse_front_matter(block: str) -> dict[str, str]:
    """Simple ``key: value`` lines (YAML's common case); nested or list values are skipped."""
    hints: dict[str, str] = {}
    for line in block.splitlines():
        if not line or line[0] in " \t#-":
            continue
        m = _KEY.match(line)
        if m and m.group(2).strip():
            value = m.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            hints.setdefault(m.group(1).lower(), value)
    return hints


def headings(text: str) -> tuple[Heading, ...]:
    """ATX (``## Title``) and setext (underlined) headings, as markdown-it-py reads them: never inside fenced
    or indented code, HTML blocks or the front matter; each at the offset of its first line."""
    start = front_matter_end(text) or 0
    body = text[start:]
    line_starts = [0]
    for m in re.finditer("\n", body):
        line_starts.append(m.end())
    found: list[Heading] = []
    for token in _parser().parse(body):
        if token.type == "heading_open" and token.map is not None and token.level == 0:
            found.append(Heading(start=start + line_starts[token.map[0]], level=int(token.tag[1])))
    return tuple(found)


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # tables on (GitHub's pipe tables, the shape of a budget); raw HTML is text, never markup to obey
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def looks_like_markdown(text: str) -> bool:
    """Front matter at the start, or several ``#`` heading lines: Markdown in a .txt file."""
    if front_matter_end(text) is not None:
        return True
    return len(_ATX.findall(text[:200000])) >= 3


def markdown_source(text: str, *, path: str | None, encoding: str | None) -> SourceText:
    end = front_matter_end(text)
    hints: dict[str, str] = {}
    if end is not None:
        hints = parse_front_matter(text[4:end])
        hints["_front_matter_end"] = str(end)
    return SourceText(
        text=text, format="markdown", path=path, encoding=encoding, meta_hints=hints, headings=headings(text)
    )


def read_markdown(data: bytes, *, path: str, limits: Limits) -> SourceText:
    text, encoding = decode_checked(data, path=path, limits=limits)
    return markdown_source(text, path=path, encoding=encoding)
