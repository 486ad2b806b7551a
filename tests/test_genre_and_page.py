"""Genre, the year a title means, page furniture and the report proper (issue: real 政府工作报告)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

import reportkit
from reportkit import lang
from reportkit.parse.text.body import body

PAGE = (
    "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n"
    "2026年广西壮族自治区政府工作报告\n"
    "——2026年2月2日在广西壮族自治区第十四届人民代表大会第五次会议上\n"
    "来源：广西日报\n时间：2026-02-07\n自治区主席 韦 韬\n"
    "各位代表：\n现在，我代表自治区人民政府，向大会报告政府工作，请予审议。\n"
    "一、2025年工作回顾\n地区生产总值增长5%（下转第四版）左右。\n"
    "二、2026年工作安排\n（一）扩大内需。新增就业40万人。\n"
    "各位代表！\n让我们团结奋斗！\n"
    "附件1\n十件民生实事\n一、新增床位1000张。\n二、培训5万人次。\n相关报道：\n"
)


def test_a_speech_title_names_the_year_it_is_delivered_in() -> None:
    meta = reportkit.parse_text(PAGE).meta
    assert (meta.genre, meta.sources["genre"]) == ("gongzuo", "title")
    assert (meta.year, meta.plan_year) == (2025, 2026)  # delivered 2026: reviews 2025, plans 2026
    assert meta.title == "2026年广西壮族自治区政府工作报告"
    assert meta.organisation == "广西壮族自治区"  # the name in full, from the delivery line
    assert meta.issuer == "广西壮族自治区人民政府"
    assert str(meta.date) == "2026-02-02"  # the delivery, not the page's 时间
    assert meta.speaker == "自治区主席 韦 韬"


def test_a_fazhi_title_names_the_year_it_reviews() -> None:
    meta = reportkit.parse_text("莲都区2022年法治政府建设年度报告\n一、2022年工作举措\n内容。\n").meta
    assert (meta.genre, meta.year, meta.plan_year) == ("fazhi", 2022, 2023)


def test_a_delivery_line_in_words_dates_the_speech() -> None:
    text = "政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n"
    meta = reportkit.parse_text(text).meta
    assert (str(meta.date), meta.organisation, meta.year) == ("2026-01-27", "甘肃省", 2025)


def test_page_furniture_is_kept_in_the_text_but_read_as_nothing() -> None:
    r = reportkit.parse_text(PAGE)
    kinds = {r.text[f.start : f.end]: f.kind for f in r.furniture}
    assert kinds["下载"] == "menu" and kinds["来源：广西日报"] == "label" and kinds["（下转第四版）"] == "page_jump"
    assert kinds["相关报道："] == "menu"
    texts = [s.text for s in r.sentences]
    assert not any("来源" in t or "下转" in t or "相关报道" in t for t in texts)
    assert all("来源" not in r.text[m.start - 3 : m.end] for m in r.metrics)
    preamble = r.part(reportkit.model.PartKind.PREAMBLE)
    assert preamble is not None and r.text[preamble.start :].startswith("各位代表：")


def test_a_list_appended_after_the_closing_paragraph_is_no_section() -> None:
    r = reportkit.parse_text(PAGE)
    assert [s.marker for s in r.sections] == ["一、", "二、"]
    assert r.text[r.body_start :].startswith("各位代表：")
    assert r.text[: r.body_end].endswith("让我们团结奋斗！")
    appendix = [p for p in r.parts if p.heading == "appendix"]
    assert appendix and r.text[appendix[0].start : appendix[0].end].startswith("附件1")
    assert r.text[appendix[0].start : appendix[0].end].endswith("二、培训5万人次。")


def test_a_licence_notice_closes_a_wikisource_copy() -> None:
    text = "各位代表：\n现在，我代表国务院，向大会作政府工作报告。\n一、回顾\n内容。\n各位代表！\n奋斗吧！\n本作品是中华人民共和国的\n法律\n一、不是章节\n"
    span = body(text)
    assert text[span.end :].lstrip().startswith("本作品")
    assert [f.kind for f in span.furniture][-1] == "licence"
    assert [s.marker for s in reportkit.parse_text(text).sections] == ["一、"]


def test_a_user_adds_a_furniture_word_without_touching_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "furniture.toml").write_text('lines = ["扫码阅读"]  # a site\'s QR prompt\n', encoding="utf-8")
    monkeypatch.setenv("REPORTKIT_LANG_PATH", str(tmp_path))
    lang.data.cache_clear()
    lang.pattern.cache_clear()
    from reportkit.parse.text import body as text_body

    text_body._line_words.cache_clear()
    text_body.body.cache_clear()
    try:
        assert "扫码阅读" in lang.words("zh", "furniture", "lines")
        assert "下载" in lang.words("zh", "furniture", "lines")  # the bundled words stay
        assert [f.kind for f in body("扫码阅读\n各位代表：\n正文。\n").furniture] == ["menu"]
    finally:
        monkeypatch.delenv("REPORTKIT_LANG_PATH")
        lang.data.cache_clear()
        lang.pattern.cache_clear()
        text_body._line_words.cache_clear()
        text_body.body.cache_clear()


def _provinces(shared: Path) -> list[Path]:
    return sorted((shared / "corpus" / "gongzuo" / "provinces").glob("*/*.txt"))


@pytest.mark.shared
def test_every_shared_province_report_knows_its_year_organisation_title_and_plan(shared: Path) -> None:
    expected = {}
    with open(shared / "corpus" / "SOURCES.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            expected[row["path"]] = row["organisation"].removesuffix("人民政府")
    for path in _provinces(shared):
        r = reportkit.read(path)
        rel = os.path.relpath(path, shared / "corpus")
        reviewed = int(path.stem)  # files are named by the year they review
        m = r.meta
        assert (m.genre, m.year, m.plan_year) == ("gongzuo", reviewed, reviewed + 1), rel
        assert m.organisation == expected[rel], rel
        assert m.title and m.title.endswith("政府工作报告"), rel
        assert r.part(reportkit.model.PartKind.PLAN) is not None, rel
        assert not any(r.text[s.start : s.end].startswith(("相关报道", "来源")) for s in r.sentences), rel


def _tree(r: reportkit.Report) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.title) for top in r.sections for s in top.walk()]


@pytest.mark.shared
def test_the_seed_gives_one_tree_from_txt_gb18030_docx_and_html(seed_path: Path, tmp_path: Path) -> None:
    import html
    import re

    from tests.docxbuild import build_docx

    text = seed_path.read_text(encoding="utf-8")
    expected = _tree(reportkit.read(seed_path))
    assert len(expected) == 29
    gb = tmp_path / "seed-gb.txt"
    gb.write_bytes(text.encode("gb18030"))
    # a paragraph per sentence, as a drafter pastes it: 二、2023年工作思路 (一)持续深化… is one paragraph
    paragraphs = [p for line in text.split("\n") for p in re.split(r"(?<=。)", line) if p.strip()]
    assert any(p.strip().startswith("二、2023年工作思路 (一)") for p in paragraphs)
    docx = build_docx(tmp_path / "seed.docx", paragraphs)
    page = tmp_path / "seed.html"
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    page.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>', encoding="utf-8")
    for path in (gb, docx, page):
        assert _tree(reportkit.read(path)) == expected, path.name


def test_a_first_item_in_its_parents_heading_paragraph_counts() -> None:
    text = "一、回顾\n（一）甲。\n（二）乙。\n二、2023年工作思路 （一）持续深化。\n内容。\n（二）持续提升。\n"
    (_, plan) = reportkit.parse_text(text).sections
    assert [c.marker for c in plan.children] == ["（一）", "（二）"]


def test_an_introduction_hands_over_to_the_first_part_after_its_colon() -> None:
    text = "索引号 | 1 | 公开方式 | 主动公开 | ||\n前言。\n现将有关情况报告如下: 一、主要举措 (一)夯实基础。\n一是学习。\n二、工作思路\n"
    assert [s.marker for s in reportkit.parse_text(text).sections] == ["一、", "二、"]


PLAN = (
    "一、回顾\n内容。\n二、2025年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5.5%以上、力争达到6%；"
    "城镇调查失业率控制在5.5%以内；城乡居民人均可支配收入分别增长5%、7%左右；居民消费价格涨幅2%左右；"
    "粮食产量稳定在252亿斤以上。\n"
)


def _targets() -> dict[str, reportkit.model.Commitment]:
    return {c.target.text: c for c in reportkit.parse_text(PLAN).commitments if c.target is not None}


def test_a_hedge_after_a_respective_list_covers_every_member() -> None:
    t = _targets()
    assert t["5%"].target is not None and t["5%"].target.qualifier is reportkit.model.Qualifier.APPROX


def test_a_stretch_target_is_the_previous_indicator_raised() -> None:
    stretch = _targets()["6%"]
    assert stretch.stretch and stretch.indicator == _targets()["5.5%以上"].indicator == "地区生产总值增幅"


def test_a_price_rise_and_unemployment_are_ceilings() -> None:
    t = _targets()
    assert t["2%左右"].direction is reportkit.model.Direction.DOWN
    assert t["5.5%以内"].direction is reportkit.model.Direction.DOWN
    assert t["5.5%以上"].direction is reportkit.model.Direction.UP


def test_grain_in_jin_is_a_target() -> None:
    grain = _targets()["252亿斤以上"]
    assert grain.target is not None and grain.target.unit == "斤" and grain.target.value == 252 * 10**8


def test_a_unit_word_added_in_a_users_folder_is_read(tmp_path: Path) -> None:
    # docs/architecture.md: 盏 is no bundled unit; a user's units.toml adds it, no code touched
    import json
    import subprocess
    import sys

    (tmp_path / "words" / "zh").mkdir(parents=True)
    (tmp_path / "words" / "zh" / "units.toml").write_text('measure_words = ["盏"]  # 新增路灯1200盏\n', encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("一、回顾\n全年新增路灯1200盏。\n", encoding="utf-8")

    def units(env_path: str | None) -> list[str]:
        env = dict(os.environ)
        env.pop("REPORTKIT_LANG_PATH", None)
        if env_path:
            env["REPORTKIT_LANG_PATH"] = env_path
        code = "import sys, reportkit; print(reportkit.read(sys.argv[1]).to_json())"
        out = subprocess.run([sys.executable, "-c", code, str(report)], env=env, capture_output=True, text=True, check=True)
        return [m["unit"] for m in json.loads(out.stdout)["metrics"] if m["text"].startswith("1200")]

    assert units(None) != ["盏"]
    assert units(str(tmp_path / "words")) == ["盏"]
