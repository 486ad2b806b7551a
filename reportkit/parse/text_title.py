"""The head of a report: front matter, the page's metadata table, the title lines.

Everything here returns offsets into the text, so that meta (which reads values) and
parts (which needs where the body starts) agree on where the head ends.
"""

from __future__ import annotations

import re

import attrs

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FM_LINE = re.compile(r"(?m)^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
# a metadata table row as the HTML reader writes it: cells joined by |
_TABLE_ROW = re.compile(
    r"^[^\n|]{1,40}\|[^\n]*\|"
    r"|^(?:索引号|发布机构|发文机关|成文日期|发布日期|发布时间|公开方式|主题分类|文号|标题|名称)[ \t]*[:：]"
)
_TITLE_WORD = re.compile(r"报告|总结|情况|年报|白皮书|[Rr]eport")
# sentence punctuation, or a colon that ends the line (各位代表：, 报告如下：); "Foo: 2022 report" is a title
_NOT_TITLE = re.compile(r"[。，,；;！？!?]|[：:]$")
_MAX_TITLE_LINE = 60
_SPACES = " \t\r\u3000\xa0\ufeff"


@attrs.frozen
class Head:
    body_start: int  # first character after front matter, table and title (spaces skipped)
    title_start: int | None = None
    title_end: int | None = None
    front_matter: dict[str, str] = attrs.field(factory=dict)
    table_rows: tuple[tuple[int, int], ...] = ()  # (start, end) of each metadata table line


def _lines(text: str, pos: int) -> list[tuple[int, int]]:
    """(start, end-without-newline) of the lines from pos, a few only (the head is short)."""
    out: list[tuple[int, int]] = []
    while pos < len(text) and len(out) < 40:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        out.append((pos, end))
        pos = end + 1
    return out


def read_head(text: str) -> Head:
    pos = 0
    front: dict[str, str] = {}
    m = _FRONT.match(text)
    if m:
        for fm in _FM_LINE.finditer(m.group(1)):
            front[fm.group(1).lower()] = fm.group(2).strip().strip("\"'")
        pos = m.end()
    rows: list[tuple[int, int]] = []
    lines = _lines(text, pos)
    i = 0
    while i < len(lines):
        a, b = lines[i]
        line = text[a:b]
        if not line.strip(_SPACES):
            i += 1
            continue
        if _TABLE_ROW.match(line.strip(_SPACES)):
            rows.append((a, b))
            i += 1
            continue
        break
    title: tuple[int, int] | None = None
    taken: list[tuple[int, int]] = []
    j = i
    while j < len(lines) and len(taken) < 3:
        a, b = lines[j]
        line = text[a:b].strip(_SPACES)
        if not line:
            if taken:
                break
            j += 1
            continue
        if len(line) > _MAX_TITLE_LINE or _NOT_TITLE.search(line) or line.startswith("#"):
            break
        taken.append((a, b))
        j += 1
        if _TITLE_WORD.search(line):
            title = (taken[0][0], b)
            i = j
            break
    if title is not None:
        a, b = title
        while text[a] in _SPACES:
            a += 1
        while text[b - 1] in _SPACES:
            b -= 1
        title = (a, b)
    body = lines[i][0] if i < len(lines) else len(text)
    while body < len(text) and text[body] in _SPACES + "\n":
        body += 1
    return Head(
        body_start=body,
        title_start=title[0] if title else None,
        title_end=title[1] if title else None,
        front_matter=front,
        table_rows=tuple(rows),
    )
