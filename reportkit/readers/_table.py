"""Tables and metadata blocks as text lines: what the HTML and Word readers share.

A table row becomes one line ``cell | cell | cell`` (the shape of the metadata table at the head of a
government page: ``索引号 | 002650218/2023-59583 | 公开方式 | 主动公开``), so the meta parser reads it the
same way whatever the container was.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from .. import lang


@functools.cache
def _keys() -> frozenset[str]:
    """Labels of the 政府信息公开 metadata block (lang/zh/metadata.toml ``page_keys``)."""
    return frozenset(lang.words("zh", "metadata", "page_keys"))


@functools.cache
def _inline_pair() -> re.Pattern[str]:
    """``索引号：002650218/2023-59583 发布机构：区司法局``: key/value pairs run together on one line."""
    keys = "|".join(sorted(_keys(), key=len, reverse=True))
    source: str = lang.data("zh", "metadata")["inline_pair"]
    return re.compile(source.replace("{keys}", keys))


def clean_key(cell: str) -> str:
    """``索引号：`` → ``索引号``; whitespace inside a label (``索 引 号``) is dropped."""
    return "".join(cell.split()).rstrip(lang.data("zh", "metadata")["key_colons"])


def is_key(cell: str) -> bool:
    return clean_key(cell) in _keys()


def row_line(cells: Sequence[str]) -> str:
    """One table row as a line; metadata labels lose their colon, a ``key：value`` cell becomes two cells,
    empty cells at the end are dropped."""
    out: list[str] = []
    for c in (" ".join(c.split()) for c in cells):
        pairs = None if is_key(c) else inline_pairs(c)
        if pairs:
            out.extend(x for pair in pairs for x in pair)
        else:
            out.append(clean_key(c) if is_key(c) else c)
    while out and not out[-1]:
        out.pop()
    return " | ".join(out)


def row_pairs(cells: Sequence[str]) -> list[tuple[str, str]]:
    """Key → value pairs of a metadata row: a key cell followed by its value cell, or ``key：value`` in one."""
    pairs: list[tuple[str, str]] = []
    flat = [" ".join(c.split()) for c in cells]
    i = 0
    while i < len(flat):
        if is_key(flat[i]) and i + 1 < len(flat) and not is_key(flat[i + 1]):
            if flat[i + 1]:
                pairs.append((clean_key(flat[i]), flat[i + 1]))
            i += 2
            continue
        pairs.extend(inline_pairs(flat[i]) or ())
        i += 1
    return pairs


def inline_pairs(line: str) -> list[tuple[str, str]] | None:
    """Pairs when ``line`` is nothing but ``key：value`` metadata pairs; else None."""
    line = line.strip()
    if not line or len(line) > 300:
        return None
    pairs = [(m.group(1), m.group(2)) for m in _inline_pair().finditer(line) if m.group(0)]
    if not pairs or not any(line.startswith(k) for k, _ in pairs[:1]):
        return None
    return [(k, v) for k, v in pairs if v]


def pairs_line(pairs: Iterable[tuple[str, str]]) -> str:
    return " | ".join(f"{k} | {v}" for k, v in pairs)
