"""The head of a report: front matter, the page's metadata table, the title lines.

Everything here returns offsets into the text, so that meta (which reads values) and
parts (which needs where the body starts) agree on where the head ends.
"""

from __future__ import annotations

import re

import attrs

from ... import lang
from .body import is_furniture_line

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FM_LINE = re.compile(r"(?m)^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
# a metadata table row as the HTML reader writes it: cells joined by |
_MAX_TITLE_LINE = 60
_MAX_HEADLINE = 40
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060"  # pasted pages keep them after 各位代表：
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TABLE_SCAN = 15  # a metadata table below a note line is still in the first lines
_SPACES = " \t\r\u3000\xa0\ufeff"


def _re(concept: str, key: str) -> re.Pattern[str]:
    """A pattern of lang/zh/<concept>.toml (metadata, furniture, markers), compiled on first use."""
    return lang.pattern("zh", concept, key)


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


def front_matter_end(text: str) -> int:
    """Where the YAML front matter (``---`` … ``---``) at the top of a Markdown file ends; 0 without one."""
    m = _FRONT.match(text)
    return m.end() if m else 0


def read_head(text: str) -> Head:
    pos = 0
    front: dict[str, str] = {}
    m = _FRONT.match(text)
    if m:
        for fm in _FM_LINE.finditer(m.group(1)):
            front[fm.group(1).lower()] = fm.group(2).strip().strip("\"'")
        pos = m.end()
    lines = _lines(text, pos)
    first_row, i = _table_block(text, lines)
    rows = lines[first_row:i] if first_row >= 0 else []
    rows = [(a, b) for a, b in rows if text[a:b].strip(_SPACES)]
    i = _skip_chrome(text, lines, i)
    title, after = _title(text, lines, i)
    if title is None:
        title, after = _headline(text, lines, i)
    if title is not None:
        i = _skip_chrome(text, lines, after)
    elif first_row > 0:  # a title above a table that stands below a note line
        title, _ = _title(text, lines[:first_row], 0)
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


def _is_row(text: str, line: tuple[int, int]) -> bool:
    return _re("metadata", "table_row").match(text[line[0] : line[1]].strip(_SPACES)) is not None


def _table_block(text: str, lines: list[tuple[int, int]]) -> tuple[int, int]:
    """(index of the first table line or -1, index of the first line after the table).

    The table usually opens the file, but a note line (a breadcrumb, a font-size switch, a
    print link) may stand above it: within the first lines, a row naming a metadata key
    (索引号, 公开方式 …) opens the table wherever it is."""
    nonblank = [k for k, (a, b) in enumerate(lines) if text[a:b].strip(_SPACES)]
    if not nonblank:
        return -1, 0
    if _is_row(text, lines[nonblank[0]]):
        start = nonblank[0]
    else:
        start = next(
            (
                k
                for k in nonblank
                if k < _TABLE_SCAN
                and _is_row(text, lines[k])
                and _re("metadata", "meta_key").search("".join(text[lines[k][0] : lines[k][1]].split()))  # 索 引 号
            ),
            -1,
        )
        if start < 0:
            return -1, 0
    end = start
    for k in range(start, len(lines)):
        a, b = lines[k]
        if not text[a:b].strip(_SPACES):
            continue
        if not _is_row(text, lines[k]):
            break
        end = k + 1
    return start, end


def _skip_chrome(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """Past the page furniture a copied web page keeps (breadcrumbs, font-size switches,
    print/close links, view counters, menus one word a line): it is neither title nor body."""
    k = i
    while k < min(len(lines), i + _TABLE_SCAN):
        line = text[lines[k][0] : lines[k][1]].strip(_SPACES)
        if line and not _re("furniture", "chrome").search(line) and not is_furniture_line(line):
            break
        k += 1
    return k if k < len(lines) and k > i else i


def _title(text: str, lines: list[tuple[int, int]], i: int) -> tuple[tuple[int, int] | None, int]:
    """The title: up to three short lines from line i, the last naming the report kind."""
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
        if len(line) > _MAX_TITLE_LINE or _re("metadata", "not_title").search(line) or line.startswith("#"):
            break
        taken.append((a, b))
        j += 1
        if _re("metadata", "title_word").search(line):
            return (taken[0][0], b), j
    return None, i


def _headline(text: str, lines: list[tuple[int, int]], i: int) -> tuple[tuple[int, int] | None, int]:
    """A news page's headline: a short Chinese line without sentence punctuation (commas
    allowed: 败诉率下降3%，复议量上升) standing above a longer paragraph."""
    nonblank = [k for k in range(i, min(len(lines), i + 6)) if text[lines[k][0] : lines[k][1]].strip(_SPACES)]
    if len(nonblank) < 2:
        return None, i
    k, nxt = nonblank[0], nonblank[1]
    line = text[lines[k][0] : lines[k][1]].strip(_SPACES + _ZERO_WIDTH)
    para = text[lines[nxt][0] : lines[nxt][1]].strip(_SPACES + _ZERO_WIDTH)
    if (
        len(line) > _MAX_HEADLINE
        or _re("metadata", "headline_stop").search(line)
        or _re("markers", "opens_item").match(line)
        or not _CJK.search(line)
        or len(para) <= len(line)
        or not _re("metadata", "headline_para_end").search(para)
    ):
        return None, i
    return lines[k], k + 1
