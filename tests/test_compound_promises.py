"""A compound promise is followed part by part: its status says how many parts next year's report shows."""

from __future__ import annotations

from conftest import EXAMPLES

import reportkit
from reportkit.comparison.followthrough.compound import parts
from reportkit.comparison.records import FollowStatus, Note, note_text
from reportkit.render._words import Words


def test_a_compound_splits_into_promises_that_share_its_verb() -> None:
    assert parts("继续落实领导干部学法制度和领导班子成员旁听法院庭审制度") == [
        "继续落实领导干部学法制度", "继续落实领导班子成员旁听法院庭审制度"]
    assert parts("推进权责清单和规范") == []  # a side of a few characters is a word of a name
    assert parts("提升法治政府建设社会满意度") == []


def test_a_compound_found_in_part_is_addressed_and_says_how_much() -> None:
    old = reportkit.parse_text("某区2022年报告\n一、2022年工作\n学法5次。\n二、2023年工作思路\n"
                               "（一）继续落实领导干部学法制度和领导班子成员旁听法院庭审制度。\n")
    new = reportkit.parse_text("某区2023年报告\n一、2023年工作\n继续落实领导干部学法制度，全年学法12次。\n"
                               "二、2024年工作思路\n（一）持续推进法治建设。\n")
    (f,) = [f for f in reportkit.compare(old, new).commitments if "庭审" in f.commitment.text]
    assert f.status is FollowStatus.ADDRESSED and f.notes == (Note("parts_found", ("1", "2")),)
    assert "学法制度" in f.evidence[0].text
    assert Words("zh").notes(f.notes) == "2 项中有 1 项见于今年报告"
    assert note_text(f.notes) == "1 of 2 parts found"


def test_the_bundled_demo_finds_half_of_its_compound_promise() -> None:
    diff = reportkit.compare(reportkit.read(EXAMPLES / "liandu-2022.txt"), reportkit.read(EXAMPLES / "liandu-2023.txt"))
    promise = "继续落实领导干部学法制度和领导班子成员旁听法院庭审制度"
    (f,) = [f for f in diff.commitments if f.commitment.text == promise]
    assert f.status is FollowStatus.ADDRESSED and f.notes == (Note("parts_found", ("1", "2")),)
