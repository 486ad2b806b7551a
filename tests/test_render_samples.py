"""Small hand-built reports and their diff, for the renderer tests.

The renderers must work before (and independently of) the parser and the comparison, so the records here are
built directly from reportkit.model and reportkit.comparison.records, with spans computed from the text. The
texts carry hostile strings (markup, template code, spreadsheet formulas) where report text can appear.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal

from reportkit.comparison.records import (
    FollowStatus,
    FollowThrough,
    MetricPair,
    MetricStatus,
    Note,
    ReportDiff,
    Scores,
    SectionPair,
    SentencePair,
    StatedChange,
    Tag,
    TextOp,
)
from reportkit.model import (
    Commitment,
    Direction,
    Metric,
    MetricKind,
    Part,
    PartKind,
    Problem,
    Report,
    ReportMeta,
    Section,
    Sentence,
)

HOSTILE = ('=HYPERLINK("http://x")', "+cmd", "-1+2", "@SUM(A1)")

OLD_TEXT = """某区2022年法治政府建设年度报告
2022年，某区坚持依法行政，法治政府建设取得积极成效。
一、主要成效
（一）完善制度体系。全年审查规范性文件12件。办理行政复议案件40件。
（二）强化执法监督。培训执法人员300人次。群众满意度达到95%。通报<script>alert(1)</script>问题。
（三）优化法律服务。建成公共法律服务站8个。
二、存在问题
执法队伍力量不足，基层法治建设有短板。
三、2023年工作思路
（一）力争行政复议纠错率达到15%。
（二）开展执法培训不少于4次。
（三）推进{{ 7*7 }}专项行动。
"""

NEW_TEXT = """某区2023年法治政府建设年度报告
2023年，某区坚持依法行政，法治政府建设取得新成效。
一、主要成效
（一）健全制度体系。全年审查规范性文件15件。办理行政复议案件32件，较上年下降20%。
（二）强化执法监督。培训执法人员450人次。群众满意度达到97.5%。通报<script>alert(1)</script>问题。
（四）数字法治。上线=HYPERLINK("http://x")平台2个，+cmd事项-1+2项，@SUM(A1)接口3个。
二、存在问题
执法队伍力量不足。
三、2024年工作思路
（一）力争行政复议纠错率达到18%。
"""

_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(件|人次|%|次|个|项)")


def _sections(text: str) -> tuple[Section, ...]:
    """Two levels: 一、 then （一）, each section running to the next marker of its level or higher."""
    heads: list[tuple[int, int, str, str, int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        m = _MARKER.match(line)
        if m:
            level = 1 if m.group().endswith("、") else 2
            body = line[m.end():].rstrip("\n")
            title = body.split("。")[0]
            heads.append((level, pos, m.group(), title, pos + m.end(), pos + m.end() + len(title)))
        pos += len(line)
    end_of = {}
    for i, (level, _start, *_rest) in enumerate(heads):
        nxt = next((h[1] for h in heads[i + 1:] if h[0] <= level), len(text.rstrip("\n")))
        end_of[i] = nxt
    tops: list[Section] = []
    parent_marker = ""
    children: list[Section] = []
    for i, (level, start, marker, title, ts, te) in enumerate(heads):
        if level == 1:
            if tops:
                tops[-1] = Section(**{**_fields(tops[-1]), "children": tuple(children)})
            children = []
            parent_marker = marker.rstrip("、")
            tops.append(Section(1, marker, title, start, end_of[i], ts, te, parent_marker))
        else:
            children.append(Section(2, marker, title, start, end_of[i], ts, te, parent_marker + "/" + marker))
    if tops:
        tops[-1] = Section(**{**_fields(tops[-1]), "children": tuple(children)})
    return tuple(tops)


def _fields(s: Section) -> dict[str, object]:
    return {k: getattr(s, k) for k in ("level", "marker", "title", "start", "end", "title_start", "title_end",
                                        "path", "children")}


def _sentences(text: str, report_sections: tuple[Section, ...]) -> tuple[Sentence, ...]:
    probe = Report(meta=ReportMeta(), text=text, sections=report_sections)
    out = []
    for m in re.finditer(r"[^。\n]+。", text):
        sec = probe.section_at(m.start())
        out.append(Sentence(m.start(), m.end(), m.group(), sec.path if sec else ""))
    return tuple(out)


def _metrics(text: str, sentences: tuple[Sentence, ...], prefix: str) -> tuple[Metric, ...]:
    out = []
    for i, s in enumerate(sentences):
        for m in _NUMBER.finditer(s.text):
            lead = re.split(r"[，。、）]", s.text[: m.start()])[-1]
            lead = re.sub(r"^(?:全年|上线|办理|培训|审查|建成|开展|力争)", "", lead)
            label = re.sub(r"(?:达到|不少于)$", "", lead)[-24:] or "数值"
            unit = m.group(2)
            kind = MetricKind.RATE if unit == "%" else MetricKind.COUNT
            changed = s.text[: m.start()].endswith("下降")
            out.append(Metric(
                id=f"{prefix}{len(out) + 1}", text=m.group(), start=s.start + m.start(), end=s.start + m.end(),
                value=Decimal(m.group(1)), unit=unit, kind=MetricKind.CHANGE if changed else kind,
                label="较上年下降" if changed else label, section=s.section, sentence=i,
                direction=Direction.DOWN if changed else None, is_target="力争" in s.text,
            ))
    return tuple(out)


def make_report(text: str, year: int, prefix: str) -> Report:
    sections = _sections(text)
    sentences = _sentences(text, sections)
    metrics = _metrics(text, sentences, prefix)
    plan = next(s for s in sections if "工作思路" in s.title)
    problems_sec = next(s for s in sections if "问题" in s.title)
    commitments = tuple(
        Commitment(id=f"c{i + 1}", text=s.text.rstrip("。"), start=s.start, end=s.end - 1, section=s.section,
                   target=next((m for m in metrics if s.start <= m.start < s.end), None))
        for i, s in enumerate(x for x in sentences if x.section.startswith(plan.path + "/"))
    )
    prob_text = text[problems_sec.title_end:problems_sec.end].strip()
    prob_start = text.index(prob_text)
    problems = tuple(
        Problem(id=f"p{i + 1}", text=part, start=prob_start + prob_text.index(part), end=prob_start
                + prob_text.index(part) + len(part))
        for i, part in enumerate(re.split(r"[，。]", prob_text)) if part
    )
    return Report(
        meta=ReportMeta(title=text.splitlines()[0], organisation="某区人民政府", year=year, plan_year=year + 1,
                        issuer="区司法局", source_path=f"mouqu-{year}.txt", source_format="text",
                        sources={"title": "text", "organisation": "title", "year": "title", "plan_year": "text",
                                 "issuer": "table"}),
        text=text,
        sections=sections,
        parts=(Part(PartKind.PREAMBLE, 0, sections[0].start), Part(PartKind.REVIEW, sections[0].start,
               sections[0].end, sections[0].path), Part(PartKind.PROBLEMS, problems_sec.start, problems_sec.end,
               problems_sec.path), Part(PartKind.PLAN, plan.start, plan.end, plan.path)),
        sentences=sentences,
        metrics=metrics,
        commitments=commitments,
        problems=problems,
    )


def char_ops(a: str, b: str) -> tuple[TextOp, ...]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return tuple(TextOp(tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in sm.get_opcodes())


def _pair_sentences(old: Report, new: Report) -> tuple[SentencePair, ...]:
    a = [s.text for s in old.sentences]
    b = [s.text for s in new.sentences]
    out: list[SentencePair] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [SentencePair(Tag.SAME, old.sentences[i], new.sentences[j], 1.0, (TextOp("equal", a[i], a[i]),))
                    for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
            continue
        olds, news = list(old.sentences[i1:i2]), list(new.sentences[j1:j2])
        while olds and news:
            o, n = olds.pop(0), news.pop(0)
            ratio = difflib.SequenceMatcher(None, o.text, n.text).ratio()
            out.append(SentencePair(Tag.EDITED, o, n, round(ratio, 3), char_ops(o.text, n.text)))
        out += [SentencePair(Tag.REMOVED, o, None, 0.0) for o in olds]
        out += [SentencePair(Tag.ADDED, None, n, 0.0) for n in news]
    return tuple(out)


def _find(metrics: tuple[Metric, ...], label: str) -> Metric | None:
    return next((m for m in metrics if m.label == label and m.kind is not MetricKind.CHANGE), None)


def make_diff() -> ReportDiff:
    old, new = make_report(OLD_TEXT, 2022, "o"), make_report(NEW_TEXT, 2023, "n")
    old_secs = {s.path: s for s in old.walk()}
    new_secs = {s.path: s for s in new.walk()}
    sections = []
    for path in sorted(set(old_secs) | set(new_secs), key=lambda p: (list(new_secs) + list(old_secs)).index(p)):
        o, n = old_secs.get(path), new_secs.get(path)
        if o and n:
            tag = Tag.SAME if o.title == n.title and old.surface(o) == new.surface(n) else (
                Tag.RENAMED if o.title != n.title else Tag.EDITED)
            sections.append(SectionPair(tag, o, n, 0.8 if tag is not Tag.SAME else 1.0,
                                        Scores(0.9, 0.7, 0.8, 0.75)))
        else:
            sections.append(SectionPair(Tag.ADDED if n else Tag.REMOVED, o, n, 0.0))
    pairs: list[MetricPair] = []
    for o in (m for m in old.metrics if m.kind is not MetricKind.CHANGE):
        n = _find(new.metrics, o.label)
        if n is None:
            pairs.append(MetricPair(MetricStatus.DROPPED, o, None))
            continue
        delta = n.value - o.value
        status = MetricStatus.UP if delta > 0 else MetricStatus.DOWN if delta < 0 else MetricStatus.UNCHANGED
        pairs.append(MetricPair(status, o, n, 1.0, delta, (delta / o.value * 100).quantize(Decimal("0.01")),
                                 confidence=1.0))
    matched = {p.new.id for p in pairs if p.new}
    pairs += [MetricPair(MetricStatus.NEW, None, n) for n in new.metrics
              if n.id not in matched and n.kind is not MetricKind.CHANGE]
    change = next(m for m in new.metrics if m.kind is MetricKind.CHANGE)
    cases_new = _find(new.metrics, "行政复议案件")
    cases_old = _find(old.metrics, "行政复议案件")
    stated = StatedChange(change.start, change.end, change, cases_new, cases_old, consistent=True,
                          implied_prior=Decimal(40), actual_change=Decimal(-20))
    follow = (
        FollowThrough(old.commitments[0], FollowStatus.MET, (new.sentences[2],),
                      outcome=cases_new, met=True, similarity=0.6,
                      notes=(Note("target_outcome", ("纠错率 18%", "approx", "18.2%")),)),
        FollowThrough(old.commitments[1], FollowStatus.ADDRESSED, (new.sentences[4],), similarity=0.5),
        FollowThrough(old.commitments[2], FollowStatus.NOT_FOUND, (), notes=(Note(HOSTILE[1], (HOSTILE[2],)),)),
    )
    return ReportDiff(old, new, tuple(sections), _pair_sentences(old, new), tuple(pairs), (stated,), follow,
                      Scores(0.82, 0.61, 0.7, 0.74))


def test_sample_spans_index_the_text() -> None:
    diff = make_diff()
    for report in (diff.old, diff.new):
        for element in (*report.walk(), *report.sentences, *report.metrics, *report.commitments, *report.problems):
            assert report.text[element.start:element.end]
        for s in report.sentences:
            assert report.text[s.start:s.end] == s.text
        for m in report.metrics:
            assert report.text[m.start:m.end] == m.text


def test_sample_diff_has_every_kind_of_change() -> None:
    diff = make_diff()
    assert {p.tag for p in diff.sentences} >= {Tag.SAME, Tag.EDITED}
    assert {p.tag for p in diff.sections} >= {Tag.EDITED, Tag.RENAMED, Tag.ADDED, Tag.REMOVED}
    assert {p.status for p in diff.metrics} >= {MetricStatus.UP, MetricStatus.DOWN, MetricStatus.DROPPED,
                                                 MetricStatus.NEW}
    for p in diff.sentences:
        if p.old and p.new:
            assert "".join(op.old for op in p.ops) == p.old.text
            assert "".join(op.new for op in p.ops) == p.new.text
