"""Where the report proper runs, and which lines belong to the page around it.

A page copied from a government site or a newspaper holds more than the report: menus
(下载 打印 全屏 …), 来源/时间 lines, 相关报道, newspaper page jumps, a licence notice. These are
*furniture*: they stay in ``report.text`` but no stage takes them for title, section,
sentence or metric. A speech (政府工作报告) also has a clear start and end: it opens at the
first ``各位代表：`` line and closes with the paragraph of its last ``各位代表！``; appended
lists after it (附件 民生实事, 名词解释, 注释) are not sections of the report.

The words are language data (lang/zh/furniture.toml, lang/zh/speech.toml).
"""

from __future__ import annotations

import bisect
import functools
import re

import attrs

from ... import lang
from ...blocks import SourceText
from ...model import Furniture, Report

_SPACES = " \t\r\u3000\xa0\ufeff\u200b\u200d"


@attrs.frozen(slots=False)  # slots off: the furniture starts are cached on the instance
class Body:
    start: int  # the report proper: from here …
    end: int  # … to here (exclusive; trailing spaces left out)
    furniture: tuple[Furniture, ...] = ()
    speech: bool = False  # opened by a salutation line (各位代表：)

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [f.start for f in self.furniture]

    def is_furniture(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self.furniture[i].end


@functools.cache
def _line_words() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    return (
        frozenset(lang.words("zh", "furniture", "lines")),
        lang.words("zh", "furniture", "prefixes"),
        lang.words("zh", "furniture", "tail"),
    )


@functools.cache
def is_furniture_line(line: str) -> bool:
    """A menu word (下载, 【字号：) or a page label line (来源：安徽日报); ``line`` stripped of spaces."""
    exact, prefixes, _ = _line_words()
    flat = "".join(line.split())  # 来源 : 南方日报
    return (
        flat in exact
        or (flat.startswith(prefixes) and len(flat) <= 60)
        or lang.pattern("zh", "furniture", "caption").search(flat) is not None
    )


@functools.cache
def _salutation() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lang.words("zh", "speech", "salutations"))
    marks = re.escape(lang.data("zh", "speech")["salutation_marks"])
    return re.compile(rf"(?m)^[{_SPACES}]*(?:{words})([{marks}])?")


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        out.append((pos, end))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _SPACES:
        a += 1
    while b > a and text[b - 1] in _SPACES:
        b -= 1
    return a, b


def _line_furniture(text: str, lines: list[tuple[int, int]]) -> tuple[list[Furniture], int | None]:
    exact, _, tails = _line_words()
    out: list[Furniture] = []
    for a, b in lines:
        a, b = _strip(text, a, b)
        if a == b:
            continue
        line = text[a:b]
        if line.startswith(tails):
            out.append(Furniture(a, len(text), "licence"))
            return out, a
        if is_furniture_line(line):
            out.append(Furniture(a, b, "menu" if "".join(line.split()) in exact else "label"))
    return out, None


def _speech_span(text: str, lines: list[tuple[int, int]], limit: int) -> tuple[int, int] | None:
    """From the first ``各位代表：`` line to the end of the closing paragraph."""
    sal = _salutation()
    first = None
    last = None
    for k, (a, b) in enumerate(lines):
        if a >= limit:
            break
        m = sal.match(text, a, b)
        if m is None:
            continue
        if first is None and m.group(1) in lang.words("zh", "speech", "opening_colons"):
            first = m.start() + len(m.group()) - len(m.group().lstrip(_SPACES))
        last = k
    if first is None or last is None:
        return None
    a, b = _strip(text, *lines[last])
    end = b
    closing = _SPACES + lang.data("zh", "speech")["closing_marks"]
    if len(text[a:b].strip(closing)) <= 4:  # 各位代表！ alone: the closing paragraph is the next
        for a2, b2 in lines[last + 1 :]:
            a2, b2 = _strip(text, a2, b2)
            if a2 < b2:
                end = b2
                break
    return first, min(end, limit)


@functools.lru_cache(maxsize=4)  # meta, structure, parts, sentences and metrics all ask
def body(text: str) -> Body:
    lines = _lines(text)
    furniture, tail = _line_furniture(text, lines)
    jump = lang.pattern("zh", "furniture", "page_jump")
    furniture.extend(Furniture(m.start(), m.end(), "page_jump") for m in jump.finditer(text))
    furniture.sort(key=lambda f: f.start)
    limit = tail if tail is not None else len(text)
    speech = _speech_span(text, lines, limit)
    if speech is not None:
        start, end = speech
    else:  # the report runs to its last line that is not furniture (相关报道：, a licence)
        start, end = 0, _content_end(text, lines, furniture, limit)
    return Body(start, end, tuple(furniture), speech is not None)


def _content_end(text: str, lines: list[tuple[int, int]], furniture: list[Furniture], limit: int) -> int:
    starts = {f.start for f in furniture if f.kind != "page_jump"}
    for a, b in reversed(lines):
        if a >= limit:
            continue
        a, b = _strip(text, a, min(b, limit))
        if a < b and a not in starts:
            return b
    return 0


def add_body(report: Report, source: SourceText) -> Report:
    """Stage ``body``: the report proper and the page furniture, recorded on the report."""
    span = body(report.text)
    return attrs.evolve(
        report,
        furniture=span.furniture,
        body_start=span.start,
        body_end=span.end if span.end < len(report.text) else None,
    )
