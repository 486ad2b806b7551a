"""A .txt file: decoded (readers/text.py), then read as Markdown when it is Markdown (readers/markdown.py).

Kept apart from both so that neither imports the other: markdown.py decodes with text.py, and only this
module chooses between them.
"""

from __future__ import annotations

from ..blocks import SourceText
from ..limits import Limits
from .markdown import looks_like_markdown, markdown_source
from .text import decode_checked

__all__ = ["read_text"]


def read_text(data: bytes, *, path: str, limits: Limits) -> SourceText:
    """A .txt file; Markdown content (front matter, ``#`` headings) is read as Markdown."""
    text, encoding = decode_checked(data, path=path, limits=limits)
    if looks_like_markdown(text):
        return markdown_source(text, path=path, encoding=encoding)
    return SourceText(text=text, format="text", path=path, encoding=encoding)
