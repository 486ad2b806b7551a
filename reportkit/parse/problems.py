"""Stage ``problems``: the clauses of the problems part, framing phrases left out.

The problems part (structure/parts.py) is either the unnumbered paragraph that closes the review
(在看到成绩的同时，我们也清醒地认识到，…，如…等问题，这些问题…加以解决) or a section of its
own (二、存在的问题和不足, ### Challenges). Chinese text is cut into clauses at ，,；;。：
(never inside “…” or （…）); opening framing clauses are dropped, a closing one
(这些问题…, 我们要…) ends the list; a leading 如/一是 and a trailing 等问题 are trimmed.
A clause is ``general`` when it states an overall gap (困难还不少, 差距, 很多工作有待…) or
stands before the enumeration (如 / 主要是); otherwise ``specific``, with the coordinated
aspects it names (A和B有待提升 → A, B).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from .. import lang
from ..blocks import SourceText
from ..model import PartKind, Problem, Report
from .text.facts import is_english


def _re(key: str) -> re.Pattern[str]:
    """A problem cue of lang/zh/problems.toml, compiled on first use."""
    return lang.pattern("zh", "problems", key)


def _pairs() -> dict[str, str]:
    pairs: dict[str, str] = lang.data("zh", "problems")["pairs"]
    return pairs


_SPACES = " \t\r\n\u3000\xa0|"
_BULLET = re.compile(r"[*\-•·+][ \t]+")
_BULLET_LINE = re.compile(r"(?m)^[ \t]*[*\-•·+][ \t]+\S[^\n]*")


@attrs.frozen
class _Clause:
    start: int
    end: int


def _clauses(text: str, start: int, end: int) -> Iterator[_Clause]:
    """Clause spans in text[start:end], split at clause punctuation outside brackets and quotes."""
    pos = start
    protect = start
    pairs = _pairs()
    for m in _re("clause_end").finditer(text, start, end):
        tok = m.group()
        if tok in pairs:
            close = text.find(pairs[tok], m.end(), min(end, m.end() + 200))
            if close >= 0:
                protect = max(protect, close + 1)
            continue
        if m.start() < protect and tok != "\n":
            continue
        yield _Clause(pos, m.start())
        pos = m.end()
    if pos < end:
        yield _Clause(pos, end)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _SPACES:
        a += 1
    while b > a and text[b - 1] in _SPACES:
        b -= 1
    m = _BULLET.match(text[a:b]) or _re("lead").match(text[a:b])
    if m and a + m.end() < b:
        a += m.end()
    t = _re("tail").search(text[a:b])
    if t and t.start() > 1:
        b = a + t.start()
    return a, b


def aspects_of(clause: str) -> tuple[str, ...]:
    """What a specific clause says is lacking: its subject, split at 和/及/与/、."""
    m = _re("predicate").search(clause, 2)
    if m is None:
        return ()
    subject = _re("quantifier").sub("", clause[: m.start()]).strip()
    if len(subject) < 2:
        return ()
    pieces = [p for p in _re("coordinator").split(subject) if p]
    if len(pieces) > 1 and all(len(p) >= 2 for p in pieces):
        return tuple(pieces)
    return (subject,)


def chinese_problems(text: str, start: int, end: int) -> list[Problem]:
    spans = [c for c in _clauses(text, start, end) if c.end > c.start]
    enumerator_at: int | None = None
    for c in spans:
        raw = text[c.start : c.end].strip()
        if _re("enumerator").match(raw):
            enumerator_at = c.start
            break
    out: list[Problem] = []
    for c in spans:
        raw = text[c.start : c.end].strip(" \t\r\n\u3000\xa0")
        if not raw:
            continue
        if _re("closing").match(raw):
            break
        if _re("opening").match(raw):
            continue
        a, b = _trim(text, c.start, c.end)
        clause = text[a:b]
        if len(clause) < 4:
            continue
        general = bool(_re("general").search(clause)) or (enumerator_at is not None and c.start < enumerator_at)
        out.append(
            Problem(
                id=f"P{len(out) + 1}",
                text=clause,
                start=a,
                end=b,
                type="general" if general else "specific",
                aspects=() if general else aspects_of(clause),
            )
        )
    return out


def english_problems(report: Report, start: int, end: int) -> list[Problem]:
    """Each bullet of an English problems section; without bullets, each sentence but a lead-in ending in ':'."""
    out: list[Problem] = []
    text = report.text
    spans = [(m.start(), m.end()) for m in _BULLET_LINE.finditer(text, start, end)]
    if not spans:
        spans = [
            (s.start, s.end)
            for s in report.sentences
            if s.start >= start
            and s.end <= end
            and not s.text.startswith("#")
            and not s.text.rstrip().endswith(":")
        ]
    for sa, sb in spans:
        a, b = _trim(text, sa, sb)
        if b - a < 8:
            continue
        bold = tuple(re.findall(r"\*\*(.+?)\*\*", report.text[a:b]))
        out.append(Problem(f"P{len(out) + 1}", report.text[a:b], a, b, "specific", bold))
    return out


def add_problems(report: Report, source: SourceText) -> Report:
    part = report.part(PartKind.PROBLEMS)
    if part is None:
        return report
    start = part.start
    if part.heading is not None:  # a section of its own: its heading title is not a problem
        sec = next((s for s in report.walk() if s.path == part.heading), None)
        if sec is not None:
            start = max(start, sec.title_end)
    if is_english(report.text):
        found = english_problems(report, start, part.end)
    else:
        found = chinese_problems(report.text, start, part.end)
    return attrs.evolve(report, problems=tuple(found))
