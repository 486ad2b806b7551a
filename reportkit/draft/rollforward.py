"""Roll a report forward: this year's report becomes the skeleton of next year's.

The structure stays; years that refer to the report (and plan) year move on by one; every
other word stays as written. A sentence that states a metric gets a slot for this year's
value; a stated change (较去年同期下降27.4%) becomes a computed slot; last year's plan
becomes a checklist. Sentences still carrying last year's numbers outside any slot are
flagged ``stale`` so the drafter sees what is left to update by hand.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from ..errors import UsageError
from ..model import Metric, MetricKind, PartKind, Qualifier, Report, Section
from . import _text
from ._records import (
    Block,
    BlockKind,
    ChecklistItem,
    DraftReport,
    DraftSentence,
    Piece,
    PieceKind,
    Slot,
    SourceIdentity,
)

_CLAUSE_END = re.compile(r"[，；。！？!?;]|,(?![0-9])|\.(?=\s|$)")
_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』)）]*|\.(?=\s|$)")
_TABLE_ROW = re.compile(r"^[^|\n]*\|[^|\n]*\|")
_BULLET = re.compile(r"\s*[*+\-]\s+")
_MD_LINK = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"\*\*|__|(?<![*\w])\*(?=\S)|(?<=\S)\*(?![*\w])")
_COUNTABLE = (MetricKind.COUNT, MetricKind.MONEY)
# Title of a report whose source text has none, by the words its opening uses.
_GENRES = (
    ("法治政府建设", "法治政府建设年度报告"),
    ("政府工作报告", "政府工作报告"),
    ("法治建设", "法治建设年度报告"),
)


def roll_forward(report: Report) -> DraftReport:
    """Next year's draft from this year's ``report`` (see the module docstring)."""
    if not isinstance(report, Report):
        raise UsageError(f"roll_forward expects a Report (got {type(report).__name__})")
    return _Roller(report).run()


class _Roller:
    def __init__(self, report: Report) -> None:
        self.r = report
        meta = report.meta
        self.language = meta.language or "zh"
        self.year = meta.year
        self.plan_year = meta.plan_year or (meta.year + 1 if meta.year else None)
        self.years: dict[int, int] = {}
        for y in (self.year, self.plan_year):
            if y:
                self.years[y] = y + 1
        self.by_path = {s.path: s for s in report.walk()}
        # Markdown read as plain text (a .txt holding Markdown) is still Markdown: its headings say so.
        self.markdown = (
            (meta.source_format or "") == "markdown"
            or (meta.source_path or "").endswith(".md")
            or any(s.marker.startswith("#") for s in self.by_path.values())
        )
        self.slots: list[Slot] = []
        self.slot_of_metric: dict[str, str] = {}

    # -- the whole report ---------------------------------------------------
    def run(self) -> DraftReport:
        meta = self.r.meta
        title = self._roll(meta.title or "") or self._default_title()
        blocks = tuple(self._blocks())
        return DraftReport(
            source=SourceIdentity(
                organisation=meta.organisation or "",
                year=meta.year,
                plan_year=meta.plan_year,
                title=meta.title or "",
                sha256=hashlib.sha256(self.r.text.encode("utf-8")).hexdigest(),
                language=self.language,
            ),
            title=title,
            year=self.year + 1 if self.year else None,
            plan_year=self.plan_year + 1 if self.plan_year else None,
            organisation=meta.organisation or "",
            issuer=meta.issuer or "",
            language=self.language,
            blocks=blocks,
            slots=tuple(self.slots),
            checklist=tuple(self._checklist()),
            comma=self._comma(),
        )

    def _default_title(self) -> str:
        """No title in the source (web pages often have none in the text): name the genre it belongs to."""
        org = self.r.meta.organisation or ""
        if not self.year:
            return org or ("Annual report" if self.language == "en" else "年度报告")
        year = self.year + 1
        if self.language == "en":
            return f"{org} {year} Annual report".strip()
        head = self.r.text[:2000]
        for marker, genre in _GENRES:
            if marker in head:
                return f"{org}{year}年{genre}"
        return f"{org}{year}年度工作报告"

    def _comma(self) -> str:
        if self.language == "en":
            return ", "
        text = self.r.text
        return "," if text.count(",") > text.count("，") else "，"

    def _roll(self, text: str) -> str:
        return _text.roll_years(text, self.years)

    def _part(self, offset: int) -> PartKind:
        for p in self.r.parts:
            if p.start <= offset < p.end:
                return p.kind
        return PartKind.REVIEW if not self.r.parts else PartKind.OTHER

    def _body_start(self) -> int:
        text = self.r.text
        starts = [p.start for p in self.r.parts] or [s.start for s in self.r.sentences[:1]]
        start = min(starts) if starts else 0
        if self.markdown and text.startswith("---"):
            end = text.find("\n---", 3)
            start = max(start, text.find("\n", end + 4) + 1 if end > 0 else 0)
        # Metadata tables of government web pages (索引号 | … |) come before the report proper.
        while True:
            nl = text.find("\n", start)
            line = text[start : nl if nl >= 0 else len(text)]
            if nl < 0 or not (_TABLE_ROW.match(line) or not line.strip()):
                return start
            start = nl + 1

    # -- blocks ---------------------------------------------------------------
    def _blocks(self) -> Iterable[Block]:
        text = self.r.text
        body = self._body_start()
        sections = [s for s in self.r.walk() if s.start >= body]
        title_heading = (
            self.r.meta.title and sections and sections[0].title.strip() == self.r.meta.title.strip()
        )
        bounds = [s.start for s in sections] + [len(text)]
        if bounds[0] > body:
            yield from self._paragraphs(body, bounds[0], None)
        for i, sec in enumerate(sections):
            nxt = bounds[i + 1]
            if i == 0 and title_heading:
                yield from self._paragraphs(sec.title_end, nxt, None)
                continue
            if sec.level == 1 or text.startswith("#", sec.start) or "\n" in text[sec.title_end : nxt][:2]:
                heading = (
                    sec.title.strip() if text.startswith("#", sec.start) else text[sec.start : sec.title_end]
                )
                yield Block(
                    BlockKind.HEADING,
                    self._part(sec.start),
                    level=sec.level,
                    heading=self._clean(self._roll(heading.strip())),
                )
                yield from self._paragraphs(sec.title_end, nxt, None)
            else:
                yield from self._paragraphs(sec.title_end, nxt, sec)

    def _paragraphs(self, start: int, end: int, run_in: Section | None) -> Iterable[Block]:
        text = self.r.text
        pos = start
        first = True
        for line in text[start:end].split("\n"):
            a, b = pos, pos + len(line)
            pos = b + 1
            while a < b and (text[a].isspace() or text[a] == "|"):
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] == "|"):
                b -= 1
            heading = ""
            if first and run_in is not None:
                heading = self._roll(text[run_in.start : run_in.title_end].strip())
            if a == b and not heading:
                continue
            kind = BlockKind.PARAGRAPH
            bullet = _BULLET.match(text, a, b) if self.markdown else None
            if bullet:
                kind, a = BlockKind.BULLET, bullet.end()
            if self.markdown and _MD_LINK.fullmatch(text[a:b]) and text.startswith("!", a):
                continue  # an image: nothing a Word draft can show
            first = False
            yield Block(
                kind,
                self._part(a if a < b else (run_in.start if run_in else a)),
                level=run_in.level if heading and run_in else 0,
                heading=heading,
                sentences=tuple(self._sentences(a, b)),
            )

    # -- sentences and slots -----------------------------------------------------
    def _sentence_spans(self, a: int, b: int) -> list[tuple[int, int]]:
        spans = [(max(s.start, a), min(s.end, b)) for s in self.r.sentences if s.start < b and s.end > a]
        if not spans:
            spans, cur = [], a
            for m in _SENTENCE_END.finditer(self.r.text, a, b):
                spans.append((cur, m.end()))
                cur = m.end()
            if cur < b:
                spans.append((cur, b))
        # Cover the paragraph exactly: gaps between sentences join the sentence before.
        out: list[tuple[int, int]] = []
        cur = a
        for _s, e in sorted(spans):
            if e <= cur:
                continue
            out.append((cur, e))
            cur = e
        if cur < b:
            if out:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out

    def _sentences(self, a: int, b: int) -> Iterable[DraftSentence]:
        for s, e in self._sentence_spans(a, b):
            yield self._sentence(s, e)

    def _sentence(self, a: int, b: int) -> DraftSentence:
        text = self.r.text
        part = self._part(a)
        metrics = self._slot_metrics(a, b, part)
        inserts: dict[int, list[Piece]] = {}
        cuts: list[tuple[int, int, Piece]] = []
        changed_bases = {self._base_of(m, metrics) for m in metrics if m.kind is MetricKind.CHANGE}
        for m in metrics:
            if m.kind is MetricKind.CHANGE:
                base = self._base_of(m, metrics)
                if base is None:
                    continue
                start, word = self._direction_before(m.start, a)
                if not word:
                    word = next((w for w in _text.DIRECTION_WORDS if m.text.startswith(w)), "")
                sid = self._add_slot(m, a, b, base=self.slot_of_metric.get(base))
                cuts.append((start, m.end, Piece(PieceKind.CHANGE, text[start : m.end], sid, word)))
                continue
            if m.same_fact_as and m.same_fact_as in self.slot_of_metric:
                # a repeated mention (the second 11地) shows the value asked for once
                cuts.append(
                    (m.start, m.end, Piece(PieceKind.VALUE, m.text, self.slot_of_metric[m.same_fact_as]))
                )
                continue
            sid = self._add_slot(m, a, b)
            cuts.append((m.start, m.end, Piece(PieceKind.VALUE, m.text, sid)))
            # Only plain Arabic counts: 四统一 or 第二 are names and ranks, not quantities that grow.
            if (
                m.kind in _COUNTABLE
                and m.qualifier is Qualifier.EXACT
                and m.numeral == "arabic"
                and m.id not in changed_bases
            ):
                end = self._clause_end(m.end, b)
                begin = self._clause_start(m.start, a)
                # One number to a clause: in 涉及4个单位、2个乡镇、8名干部 a change would be ambiguous.
                if not any(begin <= o.start < end for o in metrics if o is not m):
                    inserts.setdefault(end, []).append(Piece(PieceKind.ADDED_CHANGE, "", sid))
        pieces: list[Piece] = []
        cur = a
        for start, end, piece in sorted(cuts, key=lambda c: c[0]) + [(b, b, Piece(PieceKind.TEXT, ""))]:
            for pos in sorted(p for p in inserts if cur <= p <= start):
                self._flush(text[cur:pos], pieces)
                pieces.extend(inserts.pop(pos))
                cur = pos
            self._flush(text[cur:start], pieces)
            if piece.text or piece.slot:
                pieces.append(piece)
            cur = end
        plain = "".join(p.text for p in pieces if p.kind is PieceKind.TEXT)
        stale = part is not PartKind.PLAN and _text.carries_numbers(plain)
        return DraftSentence(tuple(pieces), stale=stale)

    def _flush(self, raw: str, pieces: list[Piece]) -> None:
        if raw:
            pieces.append(Piece(PieceKind.TEXT, self._clean(self._roll(raw))))

    def _clean(self, text: str) -> str:
        if not self.markdown:
            return text
        return _MD_EMPH.sub("", _MD_LINK.sub(lambda m: m.group(1) or "", text))

    def _slot_metrics(self, a: int, b: int, part: PartKind) -> list[Metric]:
        """The metrics of a sentence that get slots: not plan targets, not overlapping, not years."""
        if part is PartKind.PLAN:
            return []
        out: list[Metric] = []
        for m in sorted((m for m in self.r.metrics if a <= m.start and m.end <= b), key=lambda m: m.start):
            if m.is_target or m.end <= m.start or (out and m.start < out[-1].end):
                continue
            if self.r.text[m.start : m.end] != m.text:
                continue  # a span that does not match its text cannot be replaced safely
            out.append(m)
        return out

    def _base_of(self, change: Metric, metrics: list[Metric]) -> str | None:
        if change.refers_to and any(m.id == change.refers_to for m in metrics):
            return change.refers_to
        before = [m for m in metrics if m.end <= change.start and m.kind is not MetricKind.CHANGE]
        return before[-1].id if before else None

    def _direction_before(self, start: int, floor: int) -> tuple[int, str]:
        head = self.r.text[max(floor, start - 6) : start]
        for word in sorted(_text.DIRECTION_WORDS, key=len, reverse=True):
            for tail in (word, word + "了", word + " ", word + " by "):
                if head.endswith(tail):
                    return start - len(tail), word
        return start, ""

    def _clause_start(self, pos: int, floor: int) -> int:
        head = self.r.text[floor:pos]
        ends = [m.end() for m in _CLAUSE_END.finditer(head)]
        return floor + (ends[-1] if ends else 0)

    def _clause_end(self, pos: int, end: int) -> int:
        m = _CLAUSE_END.search(self.r.text, pos, end)
        stop = m.start() if m else end
        while stop > pos and self.r.text[stop - 1].isspace():
            stop -= 1
        return stop

    def _add_slot(self, m: Metric, a: int, b: int, *, base: str | None = None) -> str:
        sid = f"M{len(self.slots) + 1:03d}"
        surface = _text.number_text(m.text, m.numeral)
        parsed = _text.parse_number(surface)
        scale = 1
        if parsed and m.value and m.numeral != "chinese":
            ratio = m.value / parsed
            scale = next((s for s in (10**4, 10**8, 10**12) if ratio == s), 1)
        unit = m.surface_unit or ({10**4: "万", 10**8: "亿", 10**12: "万亿"}.get(scale, "") + m.unit)
        self.slots.append(
            Slot(
                id=sid,
                metric_id=m.id,
                section=self._roll(
                    self._section_label(m.section or (self.r.section_at(m.start) or _NOSEC).path)
                ),
                label=m.label or self._label_from_text(m, a),
                unit=unit,
                kind=m.kind,
                qualifier=m.qualifier,
                last_value=(m.value / scale) if scale != 1 else m.value,
                last_text=m.text,
                number_text=surface,
                numeral=m.numeral,
                context=self._clean(self.r.text[a:b].strip()),
                input=base is None and m.kind is not MetricKind.CHANGE,
                base=base,
            )
        )
        self.slot_of_metric[m.id] = sid
        return sid

    def _label_from_text(self, m: Metric, floor: int) -> str:
        """No label from the parser: the clause around the number stands in for one."""
        head = self.r.text[floor : m.start]
        cut = max(head.rfind(c) for c in "，,；;。：:")
        end = self._clause_end(m.end, len(self.r.text))
        clause = self._clean((head[cut + 1 :] + self.r.text[m.start : end]).strip())
        return clause[:40] or m.text

    def _section_label(self, path: str) -> str:
        parts = path.split("/") if path else []
        names = []
        for i in range(1, len(parts) + 1):
            sec = self.by_path.get("/".join(parts[:i]))
            if sec is not None and (sec.level > 1 or len(parts) == 1):
                title = sec.title.strip()
                marker = "" if sec.marker.startswith("#") else sec.marker
                names.append(marker + self._clean(title[:14] + "…" if len(title) > 15 else title))
        return " · ".join(names)

    # -- checklist -----------------------------------------------------------------
    def _checklist(self) -> Iterable[ChecklistItem]:
        plan = self.r.part(PartKind.PLAN)
        items = [c for c in self.r.commitments if plan is None or plan.start <= c.start < plan.end]
        if items:
            for i, c in enumerate(items, 1):
                text = self._clean(c.text.strip())
                if c.governing_verb and not text.startswith(c.governing_verb):
                    # a bare item of a shared-verb list (…、行政执法“三项制度”质效提升) reads with its verb
                    text = c.governing_verb + ("" if self.language != "en" else " ") + text
                yield ChecklistItem(f"C{i:03d}", self._section_label(c.section), text, c.type)
            return
        if plan is None:
            return
        # No commitments parsed: every sentence of the plan part is an item.
        n = 0
        for s in self.r.sentences:
            if plan.start <= s.start < plan.end and not any(
                sec.start == s.start and sec.title_end >= s.end for sec in self.r.walk()
            ):
                n += 1
                yield ChecklistItem(f"C{n:03d}", self._section_label(s.section), self._clean(s.text.strip()))


_NOSEC = Section(level=0, marker="", title="", start=0, end=0, title_start=0, title_end=0, path="")
