"""Stage ``sections``: the section tree, recovered from numbering.

Levels are not fixed per marker type: they follow the nesting order in which types
occur (a type first seen inside another becomes its child), so ``一是`` is level 2
directly under ``一、`` (政府工作报告), level 3 under ``(一)`` and level 4 under ``3.``.

A candidate marker (see text_markers) becomes a section only if it continues a
sequence (一 → 二 → 三; a new sequence starts at 一) and, for lead-in items (一是, 第一，)
in the middle of a line, only if the same line already holds an accepted marker:
one-line reports run their whole tree inline after heading titles, while a 一是…二是
enumeration inside an ordinary paragraph is not structure.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable

import attrs

from ... import lang
from ...blocks import SourceText
from ...model import Report, Section
from ..text.body import body
from ..text.facts import closers, is_english
from ..text.markers import Candidate, MarkerType, candidates, english_candidates, has_markdown_headings


@attrs.define
class _Node:
    cand: Candidate
    marker: str
    parent: _Node | None
    level: int
    children: list[_Node] = attrs.field(factory=list)
    title_start: int = 0
    title_end: int = 0
    end: int = 0
    path: str = ""
    path_title: str = ""


def _hint_candidates(source: SourceText) -> list[Candidate]:
    """Reader heading hints (Word heading styles) become candidates when no marker opens the line."""
    text = source.text
    out = []
    for h in source.headings:
        if 0 <= h.start < len(text):
            out.append(Candidate(MarkerType.HINT, 1, h.start, h.start, True, h.start, depth=max(1, h.level)))
    return out




@functools.cache
def _chars(key: str) -> frozenset[str]:
    """A set of punctuation of lang/zh/punctuation.toml."""
    return frozenset(str(lang.data("zh", "punctuation")[key]))


_MAX_UNNUMBERED = 30


def _unnumbered_headings(text: str, found: list[Candidate]) -> list[Candidate]:
    """A speech without numbered parts (no line-initial 一、) heads them with short lines of their
    own, no punctuation, above a longer paragraph: “十四五”时期工作回顾 / “十五五”时期的主要目标任务."""
    span = body(text)
    if not span.speech or any(c.type is MarkerType.CN_DUN and c.line_start for c in found):
        return []
    out = []
    marked = {c.line for c in found if c.line_start}  # a line opening with （一） or 一是 has its marker
    pos = span.start
    while pos < span.end:
        nl = text.find("\n", pos)
        end = span.end if nl < 0 or nl > span.end else nl
        a, b = pos, end
        while a < b and text[a] in _SPACES:
            a += 1
        while b > a and text[b - 1] in _SPACES:
            b -= 1
        line = text[a:b]
        following = text[end + 1 : text.find("\n", end + 1) if text.find("\n", end + 1) > 0 else span.end]
        if (
            0 < len(line) <= _MAX_UNNUMBERED
            and not _chars("heading_stops").intersection(line)
            and not line.startswith(lang.words("zh", "speech", "not_heading"))
            and len(following.strip()) > 2 * len(line)
            and not span.is_furniture(a)
            and pos not in marked
        ):
            out.append(Candidate(MarkerType.HINT, 1, a, a, True, pos, depth=1))
        pos = end + 1
    return out


def _all_candidates(source: SourceText) -> list[Candidate]:
    text = source.text
    found = list(candidates(text))
    found.extend(_unnumbered_headings(text, found))
    markdown = has_markdown_headings(text)
    if not markdown:
        found = [c for c in found if c.type is not MarkerType.MARKDOWN]
    elif is_english(text):
        # numbered lines inside a Markdown document are list items, not headings
        found = [c for c in found if c.type is MarkerType.MARKDOWN]
    if is_english(text):
        # "version 1. The …": inline digits are not numbering in English; line-initial ones are
        found = [
            c
            for c in found
            if c.type is MarkerType.MARKDOWN or (c.line_start and c.type is MarkerType.PAREN_ARABIC)
        ]
        if not markdown:
            found.extend(english_candidates(text))
    hinted = {c.line for c in found if c.line_start}
    found.extend(c for c in _hint_candidates(source) if c.line not in hinted)
    found.sort(key=lambda c: (c.start, c.type is not MarkerType.HINT))
    return found


class _Builder:
    """Accepts candidates one by one, keeping the open path (stack) and what was learned."""

    def __init__(self, stops: Iterable[int] = ()) -> None:
        self.stops = sorted(stops)  # closers: a sub-item (level 2 and below) never runs past one
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.last_value: dict[tuple[MarkerType, int], int] = {}
        self.above: dict[tuple[MarkerType, int], set[tuple[MarkerType, int]]] = {}
        self.line_keys: dict[int, set[tuple[MarkerType, int]]] = {}
        self.accepted: list[_Node] = []
        self.last_node: dict[tuple[MarkerType, int], _Node] = {}
        self._line_len: dict[int, int] = {}
        self._last_end = -1
        self.hint_level: dict[int, int] = {}  # line offset → heading level the reader saw there

    def _index(self, key: tuple[MarkerType, int]) -> int | None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].cand.key == key:
                return i
        return None

    def offer(self, c: Candidate, text: str) -> None:
        if c.start < self._last_end:  # overlaps a marker already taken
            return
        if c.type is MarkerType.MARKDOWN:
            while self.stack and self.stack[-1].cand.type is c.type and self.stack[-1].cand.depth >= c.depth:
                self.stack.pop()
            self._push(c, text)
            return
        if c.type is MarkerType.HINT:
            # a heading style of level L closes headings of level >= L and every body-level item;
            # a numbered heading styled at a higher level (一、 as Heading 1) stays its parent
            while self.stack and self.hint_level.get(self.stack[-1].cand.line, 99) >= c.depth:
                self.stack.pop()
            self._push(c, text)
            return
        self._close_at_stops(c.start)
        key = c.key
        line_keys = self.line_keys.get(c.line, set())
        if not c.line_start and not self._inline_ok(c, line_keys, text):
            return
        i = self._index(key)
        if i is not None:
            if c.value != self.stack[i].cand.value + 1:
                return
            del self.stack[i:]
        else:
            if c.value != 1 and c.value != self.last_value.get(key, 0) + 1:
                return
            if c.value != 1 and key not in self.last_value:
                return
            while self.stack and key in self.above.get(self.stack[-1].cand.key, set()):
                self.stack.pop()
        self._push(c, text)

    def _close_at_stops(self, pos: int) -> None:
        """Sub-items that a closer (各位代表！, the problems paragraph) ended are no parent of what follows."""
        while len(self.stack) >= 2:
            k = bisect.bisect_right(self.stops, self.stack[-1].cand.end)
            if k < len(self.stops) and self.stops[k] <= pos:
                self.stack.pop()
            else:
                break

    def _inline_ok(self, c: Candidate, line_keys: set[tuple[MarkerType, int]], text: str) -> bool:
        """May a marker in the middle of a line open an item? Only where the line is structure."""
        last = self.last_node.get(c.key)
        if last is not None and last.cand.line_start and last.cand.line != c.line:
            # this numbering runs at line starts: an inline 二、 is an enumeration; but a first item
            # run into its parent's heading (二、2023年工作思路 (一)持续深化… as one paragraph) is the item
            opened_by_parent = c.value == 1 and bool(line_keys & self.above.get(c.key, set()))
            if not opened_by_parent:
                return False
        if c.type.lead_in:
            # 一是 counts after a heading on its own line (…建设基础。一是…), not in a plain paragraph
            return bool(line_keys) and (c.value != 1 or bool(line_keys - {c.key}))
        # after a marker on this line, or after a space in a long run-together line (one-line
        # reports separate headings with a space; a short table row "| 1.审批 |" is no heading)
        if line_keys:
            return True
        if c.value == 1 and _after_lead_colon(text, c.start, c.line):
            return True  # 现将有关情况报告如下： 一、…: the introduction hands over to the first part
        return text[c.start - 1] in _SPACE_BEFORE and self._line_length(c.line, text) >= _LONG_LINE

    def _line_length(self, line: int, text: str) -> int:
        n = self._line_len.get(line)
        if n is None:
            end = text.find("\n", line)
            n = self._line_len[line] = (len(text) if end < 0 else end) - line
        return n

    def _push(self, c: Candidate, text: str) -> None:
        parent = self.stack[-1] if self.stack else None
        node = _Node(c, text[c.start : c.end], parent, len(self.stack) + 1)
        (parent.children if parent else self.roots).append(node)
        self.above.setdefault(c.key, set()).update(n.cand.key for n in self.stack)
        self.stack.append(node)
        self.last_value[c.key] = c.value
        self.line_keys.setdefault(c.line, set()).add(c.key)
        self.accepted.append(node)
        self.last_node[c.key] = node
        self._last_end = c.end


_SPACE_BEFORE = frozenset(" \t\u3000\xa0|")


def _after_lead_colon(text: str, start: int, line: int) -> bool:
    """Only spaces between the marker and a colon that closes a lead-in (报告如下： 一、)."""
    i = start
    while i > line and text[i - 1] in _SPACES:
        i -= 1
    return i < start and i > line and text[i - 1] in _chars("lead_colon")
_LONG_LINE = 200
_WHOLE_LINE_TITLES = frozenset(
    (MarkerType.CN_PART, MarkerType.MARKDOWN, MarkerType.HINT, MarkerType.EN_DOTTED, MarkerType.ROMAN)
)
_TRAIL = " \t\r\n\u3000\xa0|"


_SPACES = frozenset(" \t\u3000\xa0")


def _title_ends_at_space(text: str, i: int, limit: int) -> bool:
    """One-line reports end a level-1 title with a space before the body or the next marker;
    a space that only pads a number (``2024 年``, ``某县 2025 年度``) is inside the title."""
    if i > 0 and text[i - 1].isdigit():
        return False
    j = i
    while j < limit and text[j] in _SPACES:
        j += 1
    if j >= limit:
        return True
    if not text[j].isdigit():
        return True
    while j < limit and text[j].isdigit():
        j += 1
    return not (j < limit and text[j] in _SPACES)  # "2023年，我区将…" opens the body


def _title(node: _Node, text: str, limit: int) -> tuple[int, int]:
    c = node.cand
    if c.type is MarkerType.HINT:
        start = c.start
    else:
        start = c.end
        while start < limit and text[start] in " \t\u3000\xa0":
            start += 1
    stop = _chars("sentence_stops")  # a title ends with its sentence
    if c.type in _WHOLE_LINE_TITLES:
        stop = frozenset("\n")
    end = start
    while end < limit and text[end] not in stop:
        if c.type is MarkerType.CN_DUN and text[end] in _SPACES and _title_ends_at_space(text, end, limit):
            break
        end += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


def _component(node: _Node) -> str:
    c, m = node.cand, node.marker
    if c.type in (MarkerType.MARKDOWN, MarkerType.HINT):
        return node.path_title
    if c.type in (
        MarkerType.CN_DUN,
        MarkerType.ARABIC,
        MarkerType.ORD_DI,
        MarkerType.EN_DOTTED,
        MarkerType.ROMAN,
    ):
        return m.rstrip(str(lang.data("zh", "punctuation")["marker_trail"]))
    return m


def _finish(nodes: list[_Node], text: str, stops: Iterable[int]) -> None:
    """Titles, ends and paths, once every node's level is known."""
    stop_list = sorted(stops)
    n = len(nodes)
    for i, node in enumerate(nodes):
        nxt = nodes[i + 1].cand.start if i + 1 < n else len(text)
        node.title_start, node.title_end = _title(node, text, nxt)
        end = len(text)
        for j in range(i + 1, n):
            if nodes[j].level <= node.level:
                end = nodes[j].cand.start
                break
        if node.level >= 2:
            k = bisect.bisect_right(stop_list, node.title_end)
            if k < len(stop_list) and stop_list[k] < end:
                end = stop_list[k]
        while end > node.title_end and text[end - 1] in _TRAIL:
            end -= 1
        node.end = max(end, node.title_end)
        node.path_title = text[node.title_start : node.title_end][:40]
        comp = _component(node)
        node.path = f"{node.parent.path}/{comp}" if node.parent else comp


def _freeze(node: _Node, text: str) -> Section:
    return Section(
        level=node.level,
        marker=node.marker,
        title=text[node.title_start : node.title_end],
        start=node.cand.start,
        end=node.end,
        title_start=node.title_start,
        title_end=node.title_end,
        path=node.path,
        children=tuple(_freeze(ch, text) for ch in node.children),
    )


@functools.lru_cache(maxsize=2)  # meta runs before this stage and reads headings too
def build_sections(source: SourceText) -> tuple[Section, ...]:
    text = source.text
    stops = closers(text)
    builder = _Builder(stops)
    builder.hint_level = {h.start: max(1, h.level) for h in source.headings}
    builder.hint_level.update((c.line, 1) for c in _unnumbered_headings(text, list(candidates(text))))
    span = body(text)
    for c in _all_candidates(source):
        # markers of the page (相关报道, a licence) or of a list appended after a speech's end are no sections
        if c.start >= span.end or span.is_furniture(c.start) or (span.speech and c.start < span.start):
            continue
        builder.offer(c, text)
    _finish(builder.accepted, text, stops)
    return tuple(_freeze(r, text) for r in builder.roots)


def add_sections(report: Report, source: SourceText) -> Report:
    return attrs.evolve(report, sections=build_sections(source))
