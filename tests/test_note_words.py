"""A finding's notes are records (``Note(code, args)``) worded by each renderer from lang/*/messages.toml in the
report's language: a Chinese comparison's HTML page and Excel workbook hold no English sentence, and the JSON
keeps the codes and the English words."""

from __future__ import annotations

import ast
import html.parser
import json
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLES, ROOT

import reportkit
from reportkit import lang
from reportkit.comparison.records import Note, ReportDiff, note_text
from reportkit.render._words import Words
from reportkit.render.excel import write_xlsx
from reportkit.render.html import render_html

ZH, EN = Words("zh"), Words("en")
# Two English words in a row (``the change``, ``one year``): a sentence, or a piece of one, left untranslated.
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ \-:,()]+[A-Za-z]{2,})+")


class _Visible(html.parser.HTMLParser):
    """The text a reader of the page sees: text outside <script>/<style>, and hover and label attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("script", "style")
        self.texts += [v for k, v in attrs if k in ("title", "aria-label", "data-other", "alt") and v]

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.texts.append(data)


def _page_texts(diff: ReportDiff) -> list[str]:
    parser = _Visible()
    parser.feed(render_html(diff))
    return parser.texts


def _cells(diff: ReportDiff, tmp_path: Path) -> list[str]:
    book = tmp_path / "d.xlsx"
    write_xlsx(diff, book)
    wb = openpyxl.load_workbook(book)
    return [*wb.sheetnames, *(str(c.value) for ws in wb for row in ws.iter_rows() for c in row
                                 if c.value is not None and c.data_type != "f")]  # our formulas are no text


def _notes(diff: ReportDiff) -> list[tuple[Note, ...]]:
    return [r.notes for rs in (diff.metrics, diff.stated_changes, diff.commitments) for r in rs if r.notes]


def _check_chinese(diff: ReportDiff, tmp_path: Path) -> set[str]:
    texts, cells = _page_texts(diff), _cells(diff, tmp_path)
    assert len(texts) > 100 and len(cells) > 100
    english = sorted({m for t in [*texts, *cells] for m in ENGLISH.findall(t)})
    assert not english
    notes = _notes(diff)
    assert notes, "the comparison has notes to check"
    joined = "\n".join(cells)
    for ns in notes:  # each note is there in Chinese, and its English nowhere
        assert ZH.notes(ns) in joined
        assert EN.notes(ns) not in joined and all(EN.notes(ns) not in t for t in texts)
    return {n.code for ns in notes for n in ns}


def test_the_demo_pair_reads_in_chinese_throughout(tmp_path: Path) -> None:
    diff = reportkit.compare(reportkit.read(EXAMPLES / "liandu-2022.txt"), reportkit.read(EXAMPLES / "liandu-2023.txt"))
    codes = _check_chinese(diff, tmp_path)
    assert {"both_qualified", "in_points", "parts_found", "promised_same_way", "target_outcome"} <= codes


@pytest.mark.shared
def test_a_state_council_pair_reads_in_chinese_throughout(shared: Path, tmp_path: Path) -> None:
    folder = shared / "corpus" / "gongzuo" / "china-state-council"
    diff = reportkit.compare(reportkit.read(folder / "2009.txt"), reportkit.read(folder / "2010.txt"))
    codes = _check_chinese(diff, tmp_path)
    assert {"frames_differ", "qualifiers_differ", "unit_differs", "stated_in_words", "parts_found"} <= codes


def test_the_json_keeps_the_codes_and_the_english_words() -> None:
    diff = reportkit.compare(reportkit.read(EXAMPLES / "liandu-2022.txt"), reportkit.read(EXAMPLES / "liandu-2023.txt"))
    data = json.loads(diff.to_json())
    for key in ("metrics", "stated_changes", "commitments"):
        for record, entry in zip(getattr(diff, key), data[key], strict=True):
            assert [Note(n["code"], tuple(n["args"])) for n in entry["notes"]] == list(record.notes)
            assert entry["note"] == note_text(record.notes) == EN.notes(record.notes)
    worded = {e["note"] for key in ("metrics", "commitments") for e in data[key]}
    assert "both more than" in worded and "1 of 2 parts found" in worded


def test_every_note_code_has_words_in_both_languages_and_in_json_md() -> None:
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    documented = set(json.loads(block)["note"]["code"][5:-1].split(","))
    for language in ("zh", "en"):
        notes = lang.data(language, "messages")["notes"]
        assert set(notes) == documented, language
        assert all(entry["example"] for entry in notes.values())
    assert set(lang.data("zh", "messages")["qualifiers"]) == set(lang.data("en", "messages")["qualifiers"])


def test_the_comparison_makes_only_notes_the_catalogue_knows() -> None:
    # every Note(...) built in comparison/ names a code of the catalogue
    known = set(lang.data("zh", "messages")["notes"])
    built = set()
    for path in (ROOT / "reportkit" / "comparison").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Note" and node.args:
                built |= {c.value for c in ast.walk(node.args[0]) if isinstance(c, ast.Constant)}
    assert len(built) >= 14 and built <= known, built - known


def test_no_renderer_reads_a_note_with_a_regex() -> None:
    # the words module looks notes up by code; a regex over a note's text would be English parsed back
    for path in (ROOT / "reportkit" / "render").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_re = any(isinstance(n, ast.Import) and any(a.name == "re" for a in n.names) for n in ast.walk(tree))
        reads_notes = any(isinstance(n, ast.Attribute) and n.attr in ("note", "notes") for n in ast.walk(tree))
        assert not (imports_re and reads_notes), path.name
