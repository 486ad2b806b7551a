"""Markdown's inline markup, read by markdown-it-py: what a reader sees of ``**€50,000**`` is ``€50,000``.

Report text keeps every character (spans index the file as it is); labels, titles and the text an output shows
go through ``plain`` so emphasis, links, images, code ticks and backslash escapes are markup, not words.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it-py loads on the first text with markup, not for every plain-text report
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["has_markup", "plain"]

# Any of these characters may start inline markup; text without them is returned as it is, cheaply.
_MARKUP = re.compile(r"[*_`\[\]!\\<&#]")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def has_markup(s: str) -> bool:
    return _MARKUP.search(s) is not None


def _text_of(tokens: list[Token]) -> str:
    out: list[str] = []
    for t in tokens:
        if t.type in ("text", "code_inline", "html_inline"):
            out.append(t.content)
        elif t.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif t.type == "image":
            out.append(_text_of(t.children or []))  # its alt text; the file name is no word of the report
        elif t.children:
            out.append(_text_of(t.children))
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def plain(s: str) -> str:
    """``s`` as a reader of the rendered Markdown sees it, on one line: ``### Foreword`` → ``Foreword``,
    ``**Hire an accountant** to…`` → ``Hire an accountant to…``, ``[FPA](https://…)`` → ``FPA``, ``x\\`` → ``x``."""
    if not has_markup(s):
        return s
    line = _HEADING.sub("", s.replace("\n", " "))
    inline = _parser().parseInline(line)
    text = _text_of(inline[0].children or []) if inline else line
    return re.sub(r"\s+", " ", text.rstrip("\\")).strip()
