"""The blocks of a draft: last year's report cut into headings and paragraphs, its title and sign-off.

Functions of the roll-forward (``rollforward._Roller``), apart so neither module grows past a few hundred lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import PartKind, Section
from . import _forms
from . import _layout as L
from ._genre import gongzuo
from ._records import Block, BlockKind

if TYPE_CHECKING:
    from .rollforward import _Roller

_TABLE_ROW = re.compile(r"^[^|\n]*\|[^|\n]*\|")
_BULLET = re.compile(r"\s*[*+\-]\s+")
MD_LINK = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)")


def title(ro: _Roller, year: int | None) -> str:
    """Last year's title rolled, or (none in the source, or one naming another year) the genre's title."""
    rolled = ro._roll(ro.r.meta.title or "")
    if rolled and (year is None or str(year) in rolled):
        return rolled
    org = ro.r.meta.organisation or ""
    if not year:
        return rolled or org or L.say(ro.language, "untitled")
    if ro.language == "en":
        return str(L.say("en", "title").format(org=org, year=year)).strip()
    if ro.genre == gongzuo():
        return str(L.say("zh", "title_gongzuo").format(year=year, org="" if org in L.say("zh", "nation") else org))
    return str(L.say("zh", "title").format(org=org, year=year, genre=ro.genre or L.say("zh", "default_genre")))


def signoff(ro: _Roller) -> str:
    """The organ that signs: the government where it reports (莲都区政府坚持…), else the issuer."""
    if ro.language == "en" or ro.genre == gongzuo():
        return ""  # a 政府工作报告 is delivered, not signed; English reports are not signed
    meta = ro.r.meta
    org = meta.organisation or ""
    head = ro.r.text[body_start(ro) : body_start(ro) + 300]
    government = str(L.say("zh", "government_suffix"))
    if org and any(org + w in head or org[-1] + w in head for w in _forms.words("government_words")):
        return org + government
    issuer = (meta.issuer or "").strip()
    if issuer:
        # 区司法局 published for 莲都区: the organ's full name
        if org and not issuer.startswith(org) and issuer[0] == org[-1]:
            return org + issuer[1:]
        return issuer
    return org + government if org and org[-1] in L.say("zh", "government_places") else org


def comma(ro: _Roller) -> str:
    if ro.language == "en":
        return ", "
    text = ro.r.text
    comma = L.say("zh", "comma")
    return "," if text.count(",") > text.count(comma) else comma


def body_start(ro: _Roller) -> int:
    text = ro.r.text
    starts = [p.start for p in ro.r.parts] or [s.start for s in ro.r.sentences[:1]]
    start = min(starts) if starts else 0
    if ro.markdown and text.startswith("---"):
        end = text.find("\n---", 3)
        start = max(start, text.find("\n", end + 4) + 1 if end > 0 else 0)
    # Metadata tables of government web pages (索引号 | … |) come before the report proper.
    while True:
        nl = text.find("\n", start)
        line = text[start : nl if nl >= 0 else len(text)]
        if nl < 0 or not (_TABLE_ROW.match(line) or not line.strip()):
            return start
        start = nl + 1


def blocks(ro: _Roller) -> Iterable[Block]:
    text = ro.r.text
    body = body_start(ro)
    sections = [s for s in ro.r.walk() if s.start >= body]
    title_heading = (
        ro.r.meta.title and sections and sections[0].title.strip() == ro.r.meta.title.strip()
    )
    bounds = [s.start for s in sections] + [len(text)]
    if bounds[0] > body:
        yield from _paragraphs(ro, body, bounds[0], None)
    for i, sec in enumerate(sections):
        nxt = bounds[i + 1]
        if i == 0 and title_heading:
            yield from _paragraphs(ro, sec.title_end, nxt, None)
            continue
        if sec.level == 1 or text.startswith("#", sec.start) or "\n" in text[sec.title_end : nxt][:2]:
            heading = (
                sec.title.strip() if text.startswith("#", sec.start) else text[sec.start : sec.title_end]
            )
            part = ro._part(sec.start)
            yield Block(
                BlockKind.HEADING,
                part,
                level=sec.level,
                heading=ro._clean(ro._roll(heading.strip())),
                reference=ro._clean(heading.strip()) if part is PartKind.PLAN else "",
            )
            yield from _paragraphs(ro, sec.title_end, nxt, None)
        else:
            yield from _paragraphs(ro, sec.title_end, nxt, sec)


def _lines(ro: _Roller, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Lines, cut where a part begins: the problems run into the last 四是 get a paragraph of their own."""
    pos = start
    cuts = sorted(p.start for p in ro.r.parts if start < p.start < end)
    for line in ro.r.text[start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        for c in cuts:
            if a < c < b and ro.r.text[a:c].strip():
                yield a, c
                a = c
        yield a, b


def _paragraphs(ro: _Roller, start: int, end: int, run_in: Section | None) -> Iterable[Block]:
    text = ro.r.text
    first = True
    for a, b in _lines(ro, start, end):
        while a < b and (text[a].isspace() or text[a] == "|"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] == "|"):
            b -= 1
        heading = ""
        if first and run_in is not None:
            heading = ro._roll(text[run_in.start : run_in.title_end].strip())
        if a == b and not heading:
            continue
        kind = BlockKind.PARAGRAPH
        bullet = _BULLET.match(text, a, b) if ro.markdown else None
        if bullet:
            kind, a = BlockKind.BULLET, bullet.end()
        if ro.markdown and MD_LINK.fullmatch(text[a:b]) and text.startswith("!", a):
            continue  # an image: nothing a Word draft can show
        first = False
        part = ro._part(a if a < b else (run_in.start if run_in else a))
        yield Block(
            kind,
            part,
            level=run_in.level if heading and run_in else 0,
            heading=heading,
            sentences=tuple(ro._sentences(a, b)),
            reference=_reference(ro, run_in, a, b) if part is PartKind.PLAN else "",
        )


def _reference(ro: _Roller, run_in: Section | None, a: int, b: int) -> str:
    """Last year's plan text as written (years not rolled): shown as a reference, not as new text."""
    head = ro.r.text[run_in.start : run_in.title_end].strip() if run_in is not None else ""
    body = ro.r.text[a:b].strip()
    return ro._clean(head + body if head and not body.startswith(head) else body)
