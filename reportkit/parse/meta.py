"""Stage ``meta``: who reports on which year, from where the page says it best.

Sources, most trusted first: the page's metadata table (``索引号 | … | 发布机构 | …``),
reader hints and front matter, the title, the text (first sentence, the review and plan
headings, "我代表国务院"), the file name. ``ReportMeta.sources`` records which one gave each
field. The plan year comes from the plan heading (二、2023年工作思路, Plans for 2024) or is
the reported year + 1.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from pathlib import PurePath

import attrs

from .. import lang
from ..blocks import SourceText
from ..model import Report, ReportMeta
from . import genre as _genre
from .numbers import chinese_to_decimal
from .structure import build_sections
from .text_body import body as report_body
from .text_problems import is_english
from .text_title import read_head

_KEYS = {
    "索引号": "index_number",
    "发布机构": "issuer",
    "发文机关": "issuer",
    "发文机构": "issuer",
    "发文单位": "issuer",
    "发布单位": "issuer",
    "成文日期": "date",
    "发文日期": "date",
    "印发日期": "date",
    "发布日期": "date",
    "发布时间": "date",
    "标题": "title",
    "名称": "title",
    "title": "title",
    "date": "date",
    "issuer": "issuer",
    "publisher": "issuer",
    "author": "organisation",
    "organisation": "organisation",
    "organization": "organisation",
}
_ZH_LABELS = ("索引号", "发布机构", "发文机关", "发文机构", "发文单位", "发布单位", "成文日期", "发文日期", "印发日期",
              "发布日期", "发布时间", "标题", "名称")
# Pages pad labels to one width (索 引 号, 名       称): spaces may stand between a label's characters.
_LABEL = "|".join("[ \t\u3000]*".join(label) for label in _ZH_LABELS)
_KV_LINE = re.compile(rf"(?m)^[ \t\u3000]*({_LABEL})[ \t\u3000]*[:：][ \t\u3000]*(\S[^\n]*?)[ \t\u3000]*$")
# a label alone on its line, its value on the next (发文单位⏎区人民政府⏎发文日期⏎2020-12-03 10:00)
_KV_VERTICAL = re.compile(rf"(?m)^[ \t\u3000]*({_LABEL})[ \t\u3000]*[:：]?[ \t\u3000]*\n[ \t\u3000]*(\S[^\n]*?)[ \t\u3000]*$")
_KV_INLINE = re.compile(
    r"(成文日期|发文日期|发布日期|发布时间)[ \t]*[:：][ \t]*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2})"
)
# 来源：岳阳市司法局 2023-03-10 11:29, 文章来源：中共江夏区委…办公室: the publishing office, when nothing better says so
_KV_SOURCE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:文章|信息)?来源[ \t]*[:：][ \t\u3000]*([\u4e00-\u9fff（）()]{2,40}?(?:局|委|办|厅|院|部|署|中心|委员会|办公室|政府))"
    r"(?![\u4e00-\u9fff])[ \t\u3000]*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2})?"
)
_COLUMN_TAG = re.compile(r"^【[^】\n]{1,20}】\s*")  # 【省政府法治建设报告】湖北省人民政府关于…: the site's column
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_YEAR = re.compile(r"(?<![\d\-—–~至到])((?:19|20)\d{2})(?=\s*年|\s*[Aa]nnual|\s*[Rr]eport)(?![\-—–~]\d)")
_YEAR_ANY = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_PLACE = re.compile(
    r"(?:^|(?<=[,，。;；、\s:：年]))((?:[\u4e00-\u9fff]{2,5}?[省市])?[\u4e00-\u9fff]{1,5}?[县区市旗州盟镇乡])"
    r"(?=人民政府|政府|坚持|全面|深入|认真|始终|紧紧|紧扣|围绕|以|在|持续|扎实|着力|按照|不断|牢固|聚焦)"
)
_TITLE_PLACE = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:度)?)?([\u4e00-\u9fff]{2,12}?)(?:人民政府|政府|(?=(?:19|20)\d{2}))"
)
_TITLE_PLACE2 = re.compile(r"((?:[\u4e00-\u9fff]{2,5}?[省市])?[\u4e00-\u9fff]{1,5}?[县区市旗州])")
# 现将岳阳楼区2024年法治政府建设工作情况报告如下
_NOW_REPORT = re.compile(r"现将([\u4e00-\u9fff]{2,12}?[省市县区旗州盟])(?:(?:19|20)\d{2})年")
_SPEAKER = re.compile(r"我代表([\u4e00-\u9fff]{2,12}?)(?:[，,]|向)")
_EN_ORG = re.compile(r"\b((?:[A-Z][\w]*|of|and|for|the)(?:[ \-](?:[A-Za-z][\w]*)){1,6})\s*\(([A-Z]{2,8})\)")
_PLAN_YEAR = re.compile(
    r"((?:19|20)\d{2})\s*年(?:度)?(?:工作|重点|主要|的)|[Pp]lans?\s+for\s+((?:19|20)\d{2})|((?:19|20)\d{2})\s+[Pp]lans?"
)
_REVIEW_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?(?:工作回顾|[^。\n]{0,12}(?:举措|成效|情况|工作))")
# "Acme Foundation Annual Report 2023", "The XYZ Society: 2023 annual report"
_EN_TITLE_ORG = re.compile(
    r"^((?:The )?[A-Z][\w&.'-]*(?: [A-Z&][\w&.'-]*){0,6})[:,]? +(?:(?:19|20)\d{2} +)?[Aa]nnual [Rr]eport"
)
_ORG_SUFFIX = re.compile(r"(?:局|委|办|厅|院|部|署|中心|委员会|办公室|政府)$")
# pronouns and quantifiers before 县/市 make a common noun (我县, 各区, 较大市, 所在县), not a name
# (a name holds no 的, 直辖市和… lists kinds of places, 乡镇/县区 are kinds alone)
_NOT_PLACE = re.compile(
    r"^(?:我|本|全|各|该|省|市|区|县|较|所|其|每|多|部分|相关|有关|地方|基层|城乡)|的|[省市县区旗州][和与及]|^[省市县区乡镇旗州]{1,3}$"
    r"|关于|做好|[全各本我该][省市县区旗州]$"
)
_LEAD_ORG = re.compile(
    r"\s*([\u4e00-\u9fff]{1,12}?(?:局|委|办|厅|院|部|署|中心|委员会|办公室|人民政府|政府))"
    r"(?=(?:19|20)\d{2}\s*年度?[^。\n]{0,20}报告)"
)
_TOWN = re.compile(r"[镇乡]$|街道$")
_OWN_PLACE = re.compile(r"(?:我|本)(省|市|县|区|旗|州|盟|镇|乡)")  # 全省 in a county report is not itself
_QUOTED = re.compile(r"《([^《》\n]{2,40})》")


def _date(value: str) -> _dt.date | None:
    m = _DATE.search(value)
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
        for k, v in zip(cells[::2], cells[1::2]):
            field = _KEYS.get(_squeeze(k))
            if field and v and field not in out:
                out[field] = v
    for m in _KV_LINE.finditer(text[:3000]):
        out.setdefault(_KEYS[_squeeze(m.group(1))], m.group(2))
    for m in _KV_VERTICAL.finditer(text[:1500]):
        if _squeeze(m.group(2)) not in _KEYS and not _KV_LINE.match(m.group(2)):  # 发文字号⏎发文日期: empty
            out.setdefault(_KEYS[_squeeze(m.group(1))], m.group(2))
    head = text[: max(head_end, 1000)]
    for m in _KV_INLINE.finditer(head):  # 来源：… 发布时间：2024-02-03 浏览次数：…
        out.setdefault(_KEYS[m.group(1)], m.group(2))
    source = _KV_SOURCE.search(head)
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
            field = _KEYS.get(k.strip().lower()) or _KEYS.get(k.strip())
            if field and v and field not in out and "{{" not in v:
                out[field] = v.strip()
    return out


def _first_year(s: str) -> int | None:
    m = _YEAR.search(s) or _YEAR_ANY.search(s)
    return int(m.group(1)) if m else None


def _organisation_zh(title: str | None, body: str) -> tuple[str | None, str | None]:
    if title:
        flat = re.sub(r"^关于", "", "".join(title.split()))
        m = _TITLE_PLACE.match(flat)
        if m and not _NOT_PLACE.search(m.group(1)):
            name = re.sub(r"关于.*$", "", m.group(1))
            if not _ORG_SUFFIX.search(name) and not _TOWN.search(name):
                # 市司法局 is an organisation, 栗子乡 a township; 静海区法治(政府) → 静海区;
                # 中国法治(政府评估报告) names no place at all
                cut = re.match(r"(.*[省市县区旗州盟])", name)
                name = cut.group(1) if cut else ""
            if name:
                return name, "title"
        m2 = _TITLE_PLACE2.search(re.sub(r"(?:19|20)\d{2}年度?", "，", flat))
        if m2 and not _NOT_PLACE.search(m2.group(1)):
            return m2.group(1), "title"
    head = body[:3000]
    m0 = _LEAD_ORG.match(head)  # 司法部2023年法治政府建设年度报告显示…: a summary names its source
    if m0 and not _NOT_PLACE.search(m0.group(1)):
        return re.sub(r"(?:人民)?政府$", "", m0.group(1)), "text"  # the place, as elsewhere
    m3 = _SPEAKER.search(head) or _NOW_REPORT.search(head)
    if m3 and not _NOT_PLACE.search(m3.group(1)):
        return m3.group(1), "text"
    for m4 in _PLACE.finditer(head):
        if not _NOT_PLACE.search(m4.group(1)):
            return m4.group(1), "text"
    return _quoted_place(head), "text"


def _quoted_place(head: str) -> str | None:
    """A text that calls itself 我县/本区 (…我县…《某某县…实施方案》) names its place only in
    the titles of its own documents: the first 《》 title opening with a place of that kind."""
    own = _OWN_PLACE.search(head)
    if own is None:
        return None
    kind = own.group(1)
    for m in _QUOTED.finditer(head):
        inner = re.sub(r"^(?:(?:19|20)\d{2}(?:[-—–至](?:19|20)?\d{2})?年度?)", "", m.group(1))
        place = re.match(rf"((?:[\u4e00-\u9fff]{{2,5}}?[省市])?[\u4e00-\u9fff]{{1,5}}?{kind})", inner)
        if place and not _NOT_PLACE.search(place.group(1)):
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


_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")


def _numeral(s: str) -> int | None:
    """2026, 二〇二六 (digit by digit), 二十七 (a number)."""
    if s.isdigit():
        return int(s)
    if len(s) == 4 and "十" not in s:
        return int(s.translate(_YEAR_DIGITS))
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


def build_meta(report: Report, source: SourceText) -> ReportMeta:
    text = report.text
    english = is_english(text)
    head = read_head(text)
    table = _table(text, head.table_rows, head.body_start)
    hints = _hints(source, head.front_matter)
    sources: dict[str, str] = {}
    values: dict[str, object] = {}

    def put(field: str, value: object, src: str) -> None:
        if value is not None and field not in values:
            values[field] = value
            sources[field] = src

    body_span = report_body(text)
    delivered_on, assembly_place, speaker = (
        _delivery(text, 0, body_span.start) if body_span.speech else (None, None, None)
    )
    put("date", delivered_on, "text")  # a speech is dated by its delivery, not by the page
    put("speaker", speaker, "text")
    for field, v in table.items():
        put(field, _date(v) if field == "date" else v, "table")
    for field, v in hints.items():
        put(field, _date(v) if field == "date" else v, "front_matter")
    if head.title_start is not None and head.title_end is not None:
        put("title", _COLUMN_TAG.sub("", text[head.title_start : head.title_end]), "title")
    sections = report.sections or build_sections(source)
    h1 = next((s for s in sections if s.marker == "#" and "{{" not in s.title), None)
    if h1 is not None:
        put("title", h1.title, "title")

    title = values.get("title")
    body = text[head.body_start :]
    genre_id, genre_src = _genre.detect(title if isinstance(title, str) else None, body, "en" if english else "zh")
    put("genre", genre_id, genre_src)
    kind = _genre.by_id(genre_id, "en" if english else "zh")
    # the title's year is the year delivered for a speech (2025年…政府工作报告 reviews 2024)
    shift = 1 if kind is not None and kind.title_year == "delivered" else 0
    if isinstance(title, str) and shift == 0:
        put("year", _first_year(title), sources["title"] if sources["title"] != "table" else "table")
    flat = [s for top in sections for s in top.walk()]
    tops = [s for s in flat if s.level == 1]
    m_review = _REVIEW_YEAR.search(tops[0].title) if tops else None  # 一、2013年工作回顾
    if m_review:
        put("year", int(m_review.group(1)), "text")
    if shift:
        if isinstance(title, str) and (y := _first_year(title)) is not None:
            put("year", y - shift, "title")
        if delivered_on is not None:
            put("year", delivered_on.year - shift, "text")
    first_sentence = re.split(r"[。\n]", body.lstrip(), maxsplit=1)[0]
    put("year", _first_year(first_sentence), "text")
    stem = PurePath(source.path).stem if source.path else ""
    m_file = _YEAR_ANY.search(stem)
    if m_file:
        put("year", int(m_file.group(1)), "filename")

    year = values.get("year")
    for s in flat:
        m = _PLAN_YEAR.search(s.title)
        if m:
            py = int(next(g for g in m.groups() if g))
            if isinstance(year, int) and py == year + 1:
                put("plan_year", py, "text")
                break
    if isinstance(year, int):
        put("plan_year", year + 1, sources["year"])

    if english:
        m_org = _EN_TITLE_ORG.match(title) if isinstance(title, str) else None
        if m_org:
            put("organisation", m_org.group(1), sources["title"])
        put("organisation", _organisation_en(text), "text")
    else:
        put("organisation", assembly_place, "text")  # 在广西壮族自治区第十四届人民代表大会…: the name in full
        org, src = _organisation_zh(title if isinstance(title, str) else None, body)
        if org and src:
            put("organisation", org, src)
        if shift and isinstance(values.get("organisation"), str):
            org_name = str(values["organisation"])
            put("issuer", org_name if org_name.endswith(("国务院", "政府")) else f"{org_name}人民政府", "text")

    def text_of(field: str) -> str | None:
        v = values.get(field)
        return v if isinstance(v, str) else None

    def int_of(field: str) -> int | None:
        v = values.get(field)
        return v if isinstance(v, int) else None

    date = values.get("date")
    return attrs.evolve(
        report.meta,
        title=text_of("title"),
        organisation=text_of("organisation"),
        genre=text_of("genre"),
        speaker=text_of("speaker"),
        year=int_of("year"),
        plan_year=int_of("plan_year"),
        issuer=text_of("issuer"),
        date=date if isinstance(date, _dt.date) else None,
        index_number=text_of("index_number"),
        source_path=report.meta.source_path or source.path,
        source_format=report.meta.source_format or source.format,
        language="en" if english else "zh",
        sources=sources,
    )


def add_meta(report: Report, source: SourceText) -> Report:
    return attrs.evolve(report, meta=build_meta(report, source))
