"""The outputs' words live in lang/<language>/ui.toml, keyed by stable ids: both languages know the same ids, every
id a renderer or template asks for exists, and a user's file can reword a label without touching code."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

from reportkit import lang
from reportkit.comparison.records import DiffWarning, FollowStatus, MetricStatus, Tag, WarningKind
from reportkit.model import CommitmentType, PartKind
from reportkit.render._words import Words

ZH, EN = Words("zh"), Words("en")
TEMPLATES = ROOT / "templates"
CALLERS = [*sorted((ROOT / "reportkit" / "render").glob("*.py")), ROOT / "reportkit" / "corpus" / "overview.py"]


def _asked_in_templates() -> Iterator[tuple[str, str]]:
    for page in ("diff.html", "corpus.html"):
        for key in re.findall(r"""\b[wt]\(['"]([^'"]+)['"]\)""", (TEMPLATES / page).read_text(encoding="utf-8")):
            yield page, key


def _asked_in_code() -> Iterator[tuple[str, str]]:
    """The literal first arguments of ``t(...)`` / ``out.t(...)`` / ``self(...)`` and of ``t.title(...)``."""
    for path in CALLERS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f, first = node.func, node.args[0]
            called = (isinstance(f, ast.Name) and f.id == "t") or (isinstance(f, ast.Attribute) and (
                f.attr == "title" or (f.attr == "t" and isinstance(f.value, ast.Name))))
            called = called or (isinstance(f, ast.Name) and f.id == "self")
            if called and isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield path.name, first.value


def test_both_catalogues_know_the_same_ids() -> None:
    zh, en = lang.data("zh", "ui"), lang.data("en", "ui")
    assert set(zh) == set(en)
    for table in zh:
        assert set(zh[table]) == set(en[table]), table
    for entry in zh["formats"].values():
        assert entry["example"], entry


def test_every_id_asked_for_is_in_the_catalogue() -> None:
    asked = [*_asked_in_templates(), *_asked_in_code()]
    assert len(asked) > 100  # the scan found the calls it is meant to check
    ui = lang.data("zh", "ui")
    known = set(ui["labels"]) | set(ui["formats"])
    missing = [(where, key) for where, key in asked if key not in known]
    assert not missing


def test_ids_are_ascii_and_the_words_are_the_languages_own() -> None:
    for table, entries in lang.data("zh", "ui").items():
        for key in entries:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", key), (table, key)
    english = [v for v in lang.data("en", "ui")["labels"].values() if isinstance(v, str)]
    assert not [v for v in english if re.search(r"[\u4e00-\u9fff]", v)]  # no Chinese in the English labels


def test_labels_formats_and_members_in_each_language() -> None:
    assert (ZH("sections"), EN("sections")) == ("章节", "sections")
    assert ZH("stated_count", 2, 1) == "2 处，其中与去年数字不符 1 处"
    assert EN("stated_count", 2, 1) == "2 found, 1 disagree with last year's figures"
    assert ZH("stated_count", "{0.__class__}", 1).startswith("{0.__class__} 处")  # an argument is text, not a template
    assert ZH.title("largest_changes", 10, 32) == "变化最大的指标（前 10 / 共 32）"
    assert EN.title("largest_changes", 10, 32) == "Largest metric changes (first 10 of 32)"
    assert (ZH.enum(MetricStatus.DROPPED), EN.enum(MetricStatus.DROPPED)) == ("未再报告", "dropped")
    assert (ZH.enum(FollowStatus.NOT_FOUND), EN.enum(FollowStatus.NOT_FOUND)) == ("未找到", "not found")
    assert (ZH.enum(Tag.RENAMED), ZH.enum(CommitmentType.GOAL), ZH.enum(PartKind.PLAN)) == ("改名", "目标", "计划")
    assert ZH.table("sheets", "stated") == "所述变化" and EN.table("sheets", "stated") == "Stated changes"
    w = DiffWarning(WarningKind.YEARS_REVERSED, "2023", "2022", "the years are reversed: 2023 → 2022 (OLD …)")
    assert ZH.warning(w) == "年份颠倒：2023 → 2022（旧报告应为去年的报告）"
    assert EN.warning(w) == "the years are reversed: 2023 → 2022 (OLD should be last year's report)"


def test_every_member_of_each_enum_has_its_words() -> None:
    for kind, table in ((Tag, "tags"), (MetricStatus, "metric_status"), (FollowStatus, "follow_status"),
                        (CommitmentType, "commitment_types"), (PartKind, "parts")):
        for language in ("zh", "en"):
            assert {m.value for m in kind} == set(lang.data(language, "ui")[table]), (kind, language)
    for language in ("zh", "en"):
        assert {k.value for k in WarningKind} == set(lang.data(language, "messages")["warnings"])


def test_a_users_file_rewords_a_label(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "ui.toml").write_text('[labels]\nsections = "篇章"\n', encoding="utf-8")
    monkeypatch.setenv("REPORTKIT_LANG_PATH", str(tmp_path))
    lang.data.cache_clear()
    try:
        assert Words("zh")("sections") == "篇章" and Words("zh")("metrics") == "指标"
    finally:
        monkeypatch.delenv("REPORTKIT_LANG_PATH")
        lang.data.cache_clear()
