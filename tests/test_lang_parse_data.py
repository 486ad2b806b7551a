"""The parse stages' word lists and patterns are data (reportkit/lang/zh/*.toml): they compile,
their examples parse as they say, and a user's file changes what the stages find."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reportkit import lang
from reportkit.parse import problems
from reportkit.parse.structure import meta

_CONCEPTS = ("metadata", "problems", "commitments", "targets", "markers", "punctuation", "directions", "speech")
_PLACEHOLDERS = {"{label}": "索引号", "{kind}": "县", "{salutations}": "各位代表"}
# values that are characters or words, not patterns
_PLAIN = {
    "year_digits", "year_not_digits", "government_suffix", "list_comma", "list_domain", "frame_open", "frame_join",
    "indicator_drop", "indicator_lead", "theme_strip", "lead_in_marker_end", "lead_in_marker_start",
    "bare_title_rest", "heading_stop", "lead_trim", "population_unit", "threshold_word", "ordinal", "quote_open",
    "quote_close", "restate_generic", "respective_joints", "respective_list_split", "inline_before",
    "lead_in_after", "list_after", "word_with_one", "first_item", "second_item", "ten", "circled_one",
    "clause_breaks", "brackets_open", "brackets_close", "sentence_stops", "heading_stops", "lead_colon",
    "marker_trail", "respective_trim",
    "metric_sentence_breaks", "metric_clause_breaks", "figure_clause_breaks", "inner_list", "round_open",
    "round_close", "rank_unit", "from_to_marker",
}


def _strings(concept: str) -> list[tuple[str, str]]:
    return [(k, v) for k, v in lang.data("zh", concept).items() if isinstance(v, str) and k not in _PLAIN]


@pytest.mark.parametrize("concept", _CONCEPTS)
def test_every_pattern_of_a_parse_concept_compiles(concept: str) -> None:
    for key, value in _strings(concept):
        for mark, filler in _PLACEHOLDERS.items():
            value = value.replace(mark, filler)
        re.compile(value)  # raises re.error naming the pattern
        assert value, (concept, key)


def test_each_metadata_label_example_fills_its_field() -> None:
    for entry in lang.data("zh", "metadata")["labels"]:
        example = entry["example"].replace("⏎", "\n")
        table = meta._table(example, (), 0)
        assert entry["field"] in table, entry


def test_each_target_scale_example_names_its_scale() -> None:
    for entry in lang.data("zh", "targets")["scales"]:
        assert entry["word"] in entry["example"]
        assert 10 ** entry["power"] > 1


def test_problem_cues_cut_the_doc_example_into_specific_problems() -> None:
    text = "在看到成绩的同时，我们也清醒地认识到，如执法队伍素质有待提升、基层法治建设相对薄弱等问题，这些问题需要加以解决。"
    found = problems.chinese_problems(text, 0, len(text))
    assert [p.text for p in found] == ["执法队伍素质有待提升、基层法治建设相对薄弱"]
    assert found[0].type == "specific"


def _meta_and_problems(report: Path, words: Path | None) -> dict[str, object]:
    env = dict(os.environ)
    env.pop("REPORTKIT_LANG_PATH", None)
    if words is not None:
        env["REPORTKIT_LANG_PATH"] = str(words)
    code = "import sys, reportkit; print(reportkit.read(sys.argv[1]).to_json())"
    out = subprocess.run([sys.executable, "-c", code, str(report)], env=env, capture_output=True, text=True, check=True)
    data: dict[str, object] = json.loads(out.stdout)
    return data


def test_a_user_adds_a_metadata_label_and_a_problem_cue_without_touching_code(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "主办部门：某某县司法局\n某某县2023年法治政府建设年度报告\n"
        "一、主要成效\n全年办结案件402件。\n二、存在的问题\n执法队伍素质有待提升，个案审查尤需加强，基层力量薄弱。\n",
        encoding="utf-8",
    )
    words = tmp_path / "words" / "zh"
    words.mkdir(parents=True)
    (words / "metadata.toml").write_text(
        'labels = [{ word = "主办部门", field = "issuer", example = "主办部门：某某县司法局" }]\n', encoding="utf-8"
    )
    (words / "problems.toml").write_text("closing = '^(?:个案审查)'  # 个案审查… ends the list\n", encoding="utf-8")

    before = _meta_and_problems(report, None)
    after = _meta_and_problems(report, tmp_path / "words")
    assert before["meta"]["issuer"] != "某某县司法局"  # type: ignore[index]
    assert after["meta"]["issuer"] == "某某县司法局"  # type: ignore[index]
    assert len(after["problems"]) < len(before["problems"])  # type: ignore[arg-type]
