"""Stage ``meta``: who reports on which year, from where the page says it best.

Sources, most trusted first: the page's metadata table (``索引号 | … | 发布机构 | …``),
reader hints and front matter, the title, the text (first sentence, the review and plan
headings, "我代表国务院"), the file name. ``ReportMeta.sources`` records which one gave each
field. The plan year comes from the plan heading (二、2023年工作思路, Plans for 2024) or is
the reported year + 1.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Mapping
from pathlib import PurePath

import attrs

from ... import lang
from ...blocks import SourceText
from ...model import Report, ReportMeta, Section
from ..text.body import body as report_body
from ..text.facts import is_english
from ..text.numbers import chinese_to_decimal
from ..text.title import read_head
from . import genre as _genre
from .sections import build_sections


def _re(key: str) -> re.Pattern[str]:
    """A pattern of lang/zh/metadata.toml, compiled on first use."""
    return lang.pattern("zh", "metadata", key)


@functools.cache
def _keys() -> dict[str, str]:
    """Table label or front-matter key → field (lang/zh/metadata.toml, lang/en/metadata.toml)."""
    out: dict[str, str] = {}
    for language in ("zh", "en"):
        for entry in lang.data(language, "metadata")["labels"]:
            out.setdefault(entry["word"], entry["field"])
    return out


@functools.cache
def _kv(key: str) -> re.Pattern[str]:
    """``kv_line`` / ``kv_vertical`` with the Chinese labels put in; pages pad labels to one
    width (索 引 号, 名       称): spaces may stand between a label's characters."""
    labels = lang.words("zh", "metadata", "labels")
    alternation = "|".join(r"[ \t\u3000]*".join(label) for label in labels)
    return re.compile(str(lang.data("zh", "metadata")[key]).replace("{label}", alternation))


_YEAR_ANY = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_EN_ORG = re.compile(r"\b((?:[A-Z][\w]*|of|and|for|the)(?:[ \-](?:[A-Za-z][\w]*)){1,6})\s*\(([A-Z]{2,8})\)")
# "Acme Foundation Annual Report 2023", "The XYZ Society: 2023 annual report"
_EN_TITLE_ORG = re.compile(
    r"^((?:The )?[A-Z][\w&.'-]*(?: [A-Z&][\w&.'-]*){0,6})[:,]? +(?:(?:19|20)\d{2} +)?[Aa]nnual [Rr]eport"
)


def _date(value: str) -> _dt.date | None:
    m = _re("date").search(value)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _table(text: str, rows: tuple[tuple[int, int], ...], head_end: int) -> dict[str, str]:
    """key → value from ``k | v | k | v`` rows and ``k：v`` lines at the head."""
    out: dict[str, str] = {}
    for a, b in rows:
        cells = [c.strip() for c in text[a:b].split("|")]
        for k, v in zip(cells[::2], cells[1::2], strict=False):
            field = _keys().get(_squeeze(k))
            if field and v and field not in out:
                out[field] = v
    for m in _kv("kv_line").finditer(text[:3000]):
        out.setdefault(_keys()[_squeeze(m.group(1))], m.group(2))
    for m in _kv("kv_vertical").finditer(text[:1500]):
        if _squeeze(m.group(2)) not in _keys() and not _kv("kv_line").match(m.group(2)):  # 发文字号⏎发文日期: empty
            out.setdefault(_keys()[_squeeze(m.group(1))], m.group(2))
    head = text[: max(head_end, 1000)]
    for m in _re("kv_inline").finditer(head):  # 来源：… 发布时间：2024-02-03 浏览次数：…
        out.setdefault(_keys()[m.group(1)], m.group(2))
    source = _re("kv_source").search(head)
    if source:
        out.setdefault("issuer", source.group(1))
        if source.group(2):
            out.setdefault("date", source.group(2))
    return out


def _squeeze(s: str) -> str:
    return "".join(s.split())


def _hints(source: SourceText, front: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for mapping in (source.meta_hints, front):
        for k, v in mapping.items():
            field = _keys().get(k.strip().lower()) or _keys().get(k.strip())
            if field and v and field not in out and "{{" not in v:
                out[field] = v.strip()
    return out


def _first_year(s: str) -> int | None:
    m = _re("year").search(s) or _YEAR_ANY.search(s)
    return int(m.group(1)) if m else None


def _organisation_zh(title: str | None, body: str) -> tuple[str | None, str | None]:
    if title:
        flat = _re("title_about").sub("", "".join(title.split()))
        m = _re("title_place").match(flat)
        if m and not _re("not_place").search(m.group(1)):
            name = _re("title_about_tail").sub("", m.group(1))
            if not _re("org_suffix").search(name) and not _re("town").search(name):
                # 市司法局 is an organisation, 栗子乡 a township; 静海区法治(政府) → 静海区;
                # 中国法治(政府评估报告) names no place at all
                cut = _re("place_cut").match(name)
                name = cut.group(1) if cut else ""
            if name:
                return name, "title"
        yearless = _re("title_year").sub(lang.data("zh", "metadata")["title_year_stand_in"], flat)
        m2 = _re("title_place_any").search(yearless)
        if m2 and not _re("not_place").search(m2.group(1)):
            return m2.group(1), "title"
    head = body[:3000]
    m0 = _re("lead_org").match(head)  # 司法部2023年法治政府建设年度报告显示…: a summary names its source
    if m0 and not _re("not_place").search(m0.group(1)):
        return _re("lead_org_government").sub("", m0.group(1)), "text"  # the place, as elsewhere
    m3 = _re("speaker").search(head) or _re("now_report").search(head)
    if m3 and not _re("not_place").search(m3.group(1)):
        return m3.group(1), "text"
    for m4 in _re("place").finditer(head):
        if not _re("not_place").search(m4.group(1)):
            return m4.group(1), "text"
    return _quoted_place(head), "text"


def _quoted_place(head: str) -> str | None:
    """A text that calls itself 我县/本区 (…我县…《某某县…实施方案》) names its place only in
    the titles of its own documents: the first 《》 title opening with a place of that kind."""
    own = _re("own_place").search(head)
    if own is None:
        return None
    kind = own.group(1)
    for m in _re("quoted").finditer(head):
        inner = _re("quoted_years").sub("", m.group(1))
        place = re.match(str(lang.data("zh", "metadata")["quoted_place"]).replace("{kind}", kind), inner)
        if place and not _re("not_place").search(place.group(1)):
            return place.group(1)
    return None


def _organisation_en(body: str) -> str | None:
    for m in _EN_ORG.finditer(body[:20000]):
        words = m.group(1).split()
        acronym = m.group(2)
        for k in range(len(words)):
            tail = words[k:]
            if "".join(w[0] for w in tail).upper() == acronym:
                return " ".join(w if any(c.isupper() for c in w[1:]) else w[:1].upper() + w[1:] for w in tail)
    return None


@functools.cache
def _year_digits() -> dict[int, int]:
    return str.maketrans(str(lang.data("zh", "metadata")["year_digits"]), "000123456789")


def _numeral(s: str) -> int | None:
    """2026, 二〇二六 (digit by digit), 二十七 (a number)."""
    if s.isdigit():
        return int(s)
    if len(s) == 4 and str(lang.data("zh", "metadata")["year_not_digits"]) not in s:
        return int(s.translate(_year_digits()))
    value = chinese_to_decimal(s)
    return int(value) if value is not None else None


def _delivery(text: str, start: int, stop: int) -> tuple[_dt.date | None, str | None, str | None]:
    """A speech's delivery line (——2026年2月5日在安徽省第十四届人民代表大会第四次会议上) and speaker:
    (date, the assembly's place as written, the speaker as written)."""
    head = text[start:stop]
    m = lang.pattern("zh", "speech", "delivery").search(head)
    date = place = speaker = None
    if m:
        y, mo, d = (_numeral(m.group(k)) for k in (1, 2, 3))
        try:
            date = _dt.date(y, mo, d) if y and mo and d else None
        except ValueError:
            date = None
        place = m.group(4)
    sp = lang.pattern("zh", "speech", "speaker").search(head)
    if sp:
        speaker = f"{sp.group(1)} {' '.join(sp.group(2).split())}"  # 王清宪, 韦 韬 as written
    return date, place, speaker


class _Fields:
    """The values found so far and where each came from: the first source to name a field wins."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.sources: dict[str, str] = {}

    def put(self, field: str, value: object, src: str) -> None:
        if value is not None and field not in self.values:
            self.values[field] = value
            self.sources[field] = src

    def text(self, field: str) -> str | None:
        v = self.values.get(field)
        return v if isinstance(v, str) else None

    def number(self, field: str) -> int | None:
        v = self.values.get(field)
        return v if isinstance(v, int) else None


def _put_year(
    f: _Fields, sections: tuple[Section, ...], body: str, shift: int, delivered_on: _dt.date | None, path: str | None
) -> None:
    """The year reviewed: from the title (a speech's title names the year delivered), the first heading
    (一、2013年工作回顾), the delivery line, the first sentence, the file name."""
    title = f.text("title")
    if title is not None and shift == 0:
        f.put("year", _first_year(title), f.sources["title"] if f.sources["title"] != "table" else "table")
    tops = [s for top in sections for s in top.walk() if s.level == 1]
    m_review = _re("review_year").search(tops[0].title) if tops else None
    if m_review:
        f.put("year", int(m_review.group(1)), "text")
    if shift:
        if title is not None and (y := _first_year(title)) is not None:
            f.put("year", y - shift, "title")
        if delivered_on is not None:
            f.put("year", delivered_on.year - shift, "text")
    first_sentence = _re("first_sentence_end").split(body.lstrip(), maxsplit=1)[0]
    f.put("year", _first_year(first_sentence), "text")
    stem = PurePath(path).stem if path else ""
    m_file = _YEAR_ANY.search(stem)
    if m_file:
        f.put("year", int(m_file.group(1)), "filename")


def _put_plan_year(f: _Fields, sections: tuple[Section, ...]) -> None:
    """The plan year: a heading naming the year after the one reviewed, else simply that year."""
    year = f.values.get("year")
    for s in (s for top in sections for s in top.walk()):
        m = _re("plan_year").search(s.title)
        if m:
            py = int(next(g for g in m.groups() if g))
            if isinstance(year, int) and py == year + 1:
                f.put("plan_year", py, "text")
                break
    if isinstance(year, int):
        f.put("plan_year", year + 1, f.sources["year"])


def _put_organisation(f: _Fields, text: str, body: str, english: bool, assembly_place: str | None, shift: int) -> None:
    """The organisation (and, for a speech, the government that issues it)."""
    title = f.text("title")
    if english:
        m_org = _EN_TITLE_ORG.match(title) if title is not None else None
        if m_org:
            f.put("organisation", m_org.group(1), f.sources["title"])
        f.put("organisation", _organisation_en(text), "text")
        return
    f.put("organisation", assembly_place, "text")  # 在广西壮族自治区第十四届人民代表大会…: the name in full
    org, src = _organisation_zh(title, body)
    if org and src:
        f.put("organisation", org, src)
    org_name = f.text("organisation")
    if shift and org_name is not None:
        metadata = lang.data("zh", "metadata")
        named = org_name.endswith(lang.words("zh", "metadata", "government_names"))
        f.put("issuer", org_name if named else org_name + str(metadata["government_suffix"]), "text")


def build_meta(report: Report, source: SourceText) -> ReportMeta:
    text = report.text
    english = is_english(text)
    head = read_head(text)
    f = _Fields()
    body_span = report_body(text)
    delivered_on, assembly_place, speaker = (
        _delivery(text, 0, body_span.start) if body_span.speech else (None, None, None)
    )
    f.put("date", delivered_on, "text")  # a speech is dated by its delivery, not by the page
    f.put("speaker", speaker, "text")
    for field, v in _table(text, head.table_rows, head.body_start).items():
        f.put(field, _date(v) if field == "date" else v, "table")
    for field, v in _hints(source, head.front_matter).items():
        f.put(field, _date(v) if field == "date" else v, "front_matter")
    if head.title_start is not None and head.title_end is not None:
        f.put("title", _re("column_tag").sub("", text[head.title_start : head.title_end]), "title")
    sections = report.sections or build_sections(source)
    h1 = next((s for s in sections if s.marker == "#" and "{{" not in s.title), None)
    if h1 is not None:
        f.put("title", h1.title, "title")

    body = text[head.body_start :]
    genre_id, genre_src = _genre.detect(f.text("title"), body, "en" if english else "zh")
    f.put("genre", genre_id, genre_src)
    kind = _genre.by_id(genre_id, "en" if english else "zh")
    # the title's year is the year delivered for a speech (2025年…政府工作报告 reviews 2024)
    shift = 1 if kind is not None and kind.title_year == "delivered" else 0
    _put_year(f, sections, body, shift, delivered_on, source.path)
    _put_plan_year(f, sections)
    _put_organisation(f, text, body, english, assembly_place, shift)

    date = f.values.get("date")
    return attrs.evolve(
        report.meta,
        title=f.text("title"),
        organisation=f.text("organisation"),
        genre=f.text("genre"),
        speaker=f.text("speaker"),
        year=f.number("year"),
        plan_year=f.number("plan_year"),
        issuer=f.text("issuer"),
        date=date if isinstance(date, _dt.date) else None,
        index_number=f.text("index_number"),
        source_path=report.meta.source_path or source.path,
        source_format=report.meta.source_format or source.format,
        language="en" if english else "zh",
        sources=f.sources,
    )


def add_meta(report: Report, source: SourceText) -> Report:
    return attrs.evolve(report, meta=build_meta(report, source))
