"""Problems: clauses of the problems paragraph or section, framing left out, typed and with aspects."""

from __future__ import annotations

import json
from pathlib import Path

import reportkit


def test_seed_problems_match_the_gold(seed_path: Path, shared: Path) -> None:
    gold = json.loads((shared / "gold" / "liandu-2022.problems.json").read_text("utf-8"))
    got = reportkit.read(seed_path).problems
    assert [(p.text, p.start, p.end, p.type) for p in got] == [
        (g["text"], g["start"], g["end"], g["type"]) for g in gold
    ]
    assert got[5].aspects == ("行政行为质量", "行政执法人员专业能力")


def test_framing_clauses_and_closing_remarks_are_left_out() -> None:
    text = (
        "一、成效\n正文。\n在看到成绩的同时,我们也清醒地认识到,工作中还存在一些差距,"
        "如执法队伍专业能力不强,案件办理质量有待提高等问题,这些问题,需要在今后加以解决。\n二、2024年工作思路\n正文。\n"
    )
    got = reportkit.parse_text(text).problems
    assert [(p.text, p.type) for p in got] == [
        ("工作中还存在一些差距", "general"),
        ("执法队伍专业能力不强", "specific"),
        ("案件办理质量有待提高", "specific"),
    ]
    assert got[1].aspects == ("执法队伍专业能力",)


def test_every_clause_of_a_problems_section_counts() -> None:
    text = "一、成效\n正文。\n二、存在的问题和不足\n一是队伍建设不强；二是经费保障不足。\n三、2024年工作计划\n正文。\n"
    got = reportkit.parse_text(text).problems
    assert [p.text for p in got] == ["队伍建设不强", "经费保障不足"]


def test_government_work_report_problems_stop_at_the_closing_resolve(shared: Path) -> None:
    r = reportkit.read(shared / "corpus" / "gongzuo" / "china-state-council" / "2016.txt")
    texts = [p.text for p in r.problems]
    assert texts[0] == "经济社会发展中还存在不少困难和问题" and r.problems[0].type == "general"
    assert "部分行业产能过剩严重" in texts
    assert not any("不负人民重托" in t or "清醒看到" in t for t in texts)


def test_english_challenges_bullets_are_problems(shared: Path) -> None:
    r = reportkit.read(shared / "corpus" / "en" / "freecad-fpa" / "2023.txt")
    assert len(r.problems) == 5
    assert r.problems[0].text.startswith("It is still **hard to spend money**")
    assert r.problems[0].aspects == ("hard to spend money",)


def test_no_problems_part_gives_no_problems() -> None:
    assert reportkit.parse_text("一、成效\n正文。\n").problems == ()
