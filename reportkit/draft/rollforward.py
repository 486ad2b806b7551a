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
from decimal import Decimal

from .. import lang
from ..errors import UsageError
from ..model import Metric, MetricKind, PartKind, Report, Section
from . import _blocks, _forms, _labels, _text
from . import _layout as L
from ._blocks import MD_LINK
from ._genre import genre_of, gongzuo, reviewed_years
from ._offices import office_for
from ._plan import checklist, main_targets
from ._records import (
    DraftReport,
    DraftSentence,
    Piece,
    PieceKind,
    Slot,
    SourceIdentity,
)

_MD_EMPH = re.compile(r"\*\*|__|(?<![*\w])\*(?=\S)|(?<=\S)\*(?![*\w])")


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
        self.genre = genre_of(report)
        self.year, self.plan_year = reviewed_years(report, self.genre)
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
        self._prev: tuple[int, str] = (-1, "")  # where the last slot's figure stands, and its label

    # -- the whole report ---------------------------------------------------
    def run(self) -> DraftReport:
        meta = self.r.meta
        blocks = tuple(_blocks.blocks(self))
        main_targets(self)
        year = self.year + 1 if self.year else None
        plan_year = self.plan_year + 1 if self.plan_year else None
        title_year = plan_year if self.genre == gongzuo() else year
        title = _blocks.title(self, title_year)
        return DraftReport(
            source=SourceIdentity(
                organisation=meta.organisation or "",
                year=self.year,
                plan_year=self.plan_year,
                title=meta.title or "",
                sha256=hashlib.sha256(self.r.text.encode("utf-8")).hexdigest(),
                language=self.language,
            ),
            title=title,
            year=year,
            plan_year=plan_year,
            organisation=meta.organisation or "",
            issuer=meta.issuer or "",
            language=self.language,
            blocks=blocks,
            slots=tuple(self.slots),
            checklist=tuple(checklist(self)),
            comma=_blocks.comma(self),
            genre=self.genre,
            signoff=_blocks.signoff(self),
            title_year=title_year,
        )

    def _roll(self, text: str) -> str:
        return _text.roll_years(text, self.years)

    def _part(self, offset: int) -> PartKind:
        for p in self.r.parts:
            if p.start <= offset < p.end:
                return p.kind
        return PartKind.REVIEW if not self.r.parts else PartKind.OTHER

    # -- sentences and slots -----------------------------------------------------
    def _sentence_spans(self, a: int, b: int) -> list[tuple[int, int]]:
        spans = [(max(s.start, a), min(s.end, b)) for s in self.r.sentences if s.start < b and s.end > a]
        if not spans:
            spans, cur = [], a
            for m in L.pattern("sentence_end").finditer(self.r.text, a, b):
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
        changed_bases.discard(None)
        for m in metrics:
            if m.kind is MetricKind.CHANGE:
                # A 政府工作报告's growth (增长6.7%) is the statistics bureau's, at constant prices: asked for,
                # never computed from two rounded totals.
                base = None if self.genre == gongzuo() else self._base_of(m, metrics)
                if base is None:
                    # a growth rate stated alone (地区生产总值增长5.2%): the figure asked for is the rate
                    sid = self._add_slot(m, a, b)
                    cuts.append((m.start, m.end, Piece(PieceKind.VALUE, m.text, sid)))
                    continue
                start, word = self._direction_before(m.start, a)
                if not word:
                    word = next((w for w in _text.direction_words() if m.text.startswith(w)), "")
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
            # Room for a change the drafter may ask for (the row's 写变化): written only when ticked.
            # Only Arabic figures: 第二 is a rank, not a quantity that grows.
            if m.numeral == "arabic" and m.id not in changed_bases:
                end = self._clause_end(m.end, b)
                begin = self._clause_start(m.start, a)
                # One number to a clause goes at its end; in 涉及4个单位、2个乡镇 right after the figure.
                alone = not any(begin <= o.start < end for o in metrics if o is not m)
                inserts.setdefault(end if alone else m.end, []).append(Piece(PieceKind.ADDED_CHANGE, "", sid))
        # English history keeps its years: '2023 is the second full year of the FPA' stays as written.
        roll = (
            self.language != "en" or part is PartKind.PLAN or bool(cuts) or _forms.looks_forward(text[a:b])
        )
        pieces: list[Piece] = []
        cur = a
        for start, end, piece in sorted(cuts, key=lambda c: c[0]) + [(b, b, Piece(PieceKind.TEXT, ""))]:
            for pos in sorted(p for p in inserts if cur <= p <= start):
                self._flush(text[cur:pos], pieces, roll)
                pieces.extend(inserts.pop(pos))
                cur = pos
            self._flush(text[cur:start], pieces, roll)
            if piece.text or piece.slot:
                pieces.append(piece)
            cur = end
        plain = "".join(p.text for p in pieces if p.kind is PieceKind.TEXT)
        stale = part is not PartKind.PLAN and _text.carries_numbers(plain)
        return DraftSentence(tuple(pieces), stale=stale, narrative=self._narrative(text[a:b]))

    def _narrative(self, sentence: str) -> bool:
        """2025年是“十四五”规划收官之年: what it says of the year is last year's (lang/zh/years.toml)."""
        return self.language == "zh" and lang.union("years", "narrative", ("zh",)).search(sentence) is not None

    def _flush(self, raw: str, pieces: list[Piece], roll: bool = True) -> None:
        if raw:
            pieces.append(Piece(PieceKind.TEXT, self._clean(self._roll(raw) if roll else raw)))

    def _clean(self, text: str) -> str:
        if not self.markdown:
            return text
        return _MD_EMPH.sub("", MD_LINK.sub(lambda m: m.group(1) or "", text))

    def _slot_metrics(self, a: int, b: int, part: PartKind) -> list[Metric]:
        """The metrics of a sentence that get slots: not plan targets, not overlapping, not years."""
        if part is PartKind.PLAN:
            return []
        out: list[Metric] = []
        quoted = [(q.start(), q.end()) for q in L.pattern("quote_span").finditer(self.r.text, a, b)]
        for m in sorted((m for m in self.r.metrics if a <= m.start and m.end <= b), key=lambda m: m.start):
            if m.is_target or m.end <= m.start or (out and m.start < out[-1].end):
                continue
            if not self._askable(m, quoted):
                continue
            if self.r.text[m.start : m.end] != m.text:
                continue  # a span that does not match its text cannot be replaced safely
            out.append(m)
        return out

    def _askable(self, m: Metric, quoted: list[tuple[int, int]]) -> bool:
        """A figure a department can answer: not a name (“四统一”), a fraction or the size of the place."""
        if any(x <= m.start and m.end <= y for x, y in quoted):
            return False
        fraction = L.say("zh", "fraction")
        if m.unit in ("fraction", fraction) or fraction in m.text:
            return False
        if m.numeral == "chinese" and m.kind is not MetricKind.RANK:
            return False  # 城区五街道, 三项制度: Chinese numerals count names; 排名第二 is a rank to update
        if _forms.names_a_thing(self.r.text[m.start : m.end + 8]):
            return False
        # 从3.16万亿元增加到8.31万亿元: the first is a level of years ago; 13%左右的预期目标: a target
        if m.frame == "start" or _labels.not_asked(
            self.r.text[self._clause_start(m.start, 0) : m.start], self.r.text[m.end : m.end + 12]
        ):
            return False
        return not _forms.is_baseline(m.label or self._label_from_text(m, self._clause_start(m.start, 0)))

    def _base_of(self, change: Metric, metrics: list[Metric]) -> str | None:
        if change.refers_to and any(m.id == change.refers_to for m in metrics):
            return change.refers_to
        before = [m for m in metrics if m.end <= change.start and m.kind is not MetricKind.CHANGE]
        if not before:
            return None
        base = before[-1]
        clause = self._clause_start(change.start, base.end)
        if clause > base.end and not L.pattern("change_opening").match(self.r.text, clause, change.start):
            return None  # 居民消费价格涨幅0.1% after 失业率4.1%: a clause with a subject of its own
        return base.id

    def _direction_before(self, start: int, floor: int) -> tuple[int, str]:
        head = self.r.text[max(floor, start - 6) : start]
        for word in sorted(_text.direction_words(), key=len, reverse=True):
            for tail in (word + t for t in L.say("zh", "direction_tails")):
                if head.endswith(tail):
                    return start - len(tail), word
        return start, ""

    def _clause_start(self, pos: int, floor: int) -> int:
        head = self.r.text[floor:pos]
        ends = [m.end() for m in L.pattern("clause_end").finditer(head)]
        return floor + (ends[-1] if ends else 0)

    def _clause_end(self, pos: int, end: int) -> int:
        m = L.pattern("clause_end").search(self.r.text, pos, end)
        stop = m.start() if m else end
        while stop > pos and self.r.text[stop - 1].isspace():
            stop -= 1
        return stop

    def _add_slot(self, m: Metric, a: int, b: int, *, base: str | None = None) -> str:
        sid = f"M{len(self.slots) + 1:03d}"
        surface = _text.number_text(m.text, m.numeral)
        unit, last_value = self._display(m)
        label = _labels.tidy(m.label) if m.label else ""
        if not label or _vague(label):
            label = self._label_from_text(m, a)
        self.slots.append(
            Slot(
                id=sid,
                metric_id=m.id,
                section=self._roll(
                    self._section_label(m.section or (self.r.section_at(m.start) or _NOSEC).path)
                ),
                label=label,
                unit=unit,
                kind=m.kind,
                qualifier=m.qualifier,
                last_value=last_value,
                last_text=m.text,
                number_text=surface,
                numeral=m.numeral,
                context=self._clean(self.r.text[a:b].strip()),
                input=base is None,
                base=base,
                answer=_forms.answer_kind(label, unit, m.kind),
                office=office_for(self.r.text[a:b], m.start - a) if self.language == "zh" else "",
            )
        )
        self.slot_of_metric[m.id] = sid
        self._prev = (m.start, label)
        return sid

    def _display(self, m: Metric) -> tuple[str, Decimal]:
        """The unit and value as the drafter types them: 40万余名 is 40 in 万名."""
        parsed = _text.parse_number(_text.number_text(m.text, m.numeral))
        scale = 1
        if parsed and m.value and m.numeral != "chinese":
            ratio = m.value / parsed
            scale = next((s for s in (10**4, 10**8, 10**12) if ratio == s), 1)
        scales = {10 ** int(k): v for k, v in L.say("zh", "scales").items()}
        unit = m.surface_unit or (scales.get(scale, "") + m.unit)
        return unit, (m.value / scale) if scale != 1 else m.value

    def _label_from_text(self, m: Metric, floor: int) -> str:
        """No label from the parser (or one that says nothing): the words around the number name it.

        The figure itself is left out (it is the answer). In a list (涉及4个区直单位、2个乡镇(街道)、8名领导干部)
        an item is named by the list's verb and its own words: 涉及乡镇(街道), 涉及领导干部.
        """
        text = self.r.text
        head = text[floor : m.start]
        cut = max(head.rfind(c) for c in L.chars("clause_marks"))
        start = floor + cut + 1
        end = self._clause_end(m.end, len(text))
        sep, strip = L.say("zh", "list_mark"), L.chars("label_strip")
        item = max(head.rfind(sep), cut)
        own = text[floor + item + 1 : m.start]
        nxt = text.find(sep, m.end, end)
        tail = text[m.end : nxt if nxt >= 0 else end]
        if item > cut:  # a later item of a list: its own words, after the list's verb
            first_digit = next((i for i in range(start, m.start) if text[i].isdigit()), m.start)
            verb = text[start:first_digit] if not own.strip() else ""
            label = verb + own + tail
        elif nxt >= 0:  # the first item of a list
            label = own + tail
        else:  # 与11地签订合作协议 keeps its figure to read as a phrase; 其中废止1件 is 其中废止
            label = own + m.text + tail if own.strip() and tail.strip() or not (own + tail).strip() else own + tail
        label = _labels.tidy(self._clean(label.strip(strip))) or label
        if _vague(label):
            # 建议 of 提供法律意见、建议550余条: the clause; 市级 of 观测点102个，市级9个: the figure before
            wide = _labels.tidy(self._clean((text[start : m.start] + tail).strip(strip)))
            if not L.pattern("digit").search(wide) and not _vague(wide):
                label = wide
            elif self._prev[0] >= floor and self._prev[1] and _labels.is_direction(label):
                label = _labels.subject_of(self._prev[1]) + label  # 国内生产总值达到…，年均增长11.2%
            elif self._prev[0] >= floor and self._prev[1]:
                named = L.pattern("trailing_paren").sub("", self._prev[1])
                label = L.say("zh", "paren_label").format(head=named, label=label)
        return label[:40] or m.text

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

    def _part_of_slot(self, slot: Slot) -> PartKind:
        metric = next((m for m in self.r.metrics if m.id == slot.metric_id), None)
        return self._part(metric.start) if metric is not None else PartKind.OTHER

def _vague(label: str) -> bool:
    return _forms.is_vague(label) or _labels.is_poor(label)


_NOSEC = Section(level=0, marker="", title="", start=0, end=0, title_start=0, title_end=0, path="")
