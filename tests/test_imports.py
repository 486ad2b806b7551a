"""What a command loads: nothing a stage does not need (issue 15).  How long it takes: benchmarks/bench_compare.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

_LOADED = """
import sys
from reportkit.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(" ".join(sorted({m.split(".")[0] for m in sys.modules})))
"""


def loaded(*argv: str) -> set[str]:
    """Top-level packages in sys.modules after ``reportkit ARGV`` ran in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", _LOADED, *argv], check=True, capture_output=True, text=True)
    return set(out.stdout.split("\n")[-2].split())


def test_help_loads_neither_attrs_nor_numpy() -> None:
    mods = loaded("--help")
    assert not mods & {"attr", "attrs", "cattrs", "numpy", "rapidfuzz", "lxml", "jinja2"}


def test_a_text_diff_with_an_html_page_loads_no_xml_or_office_library(tmp_path: Path) -> None:
    mods = loaded("diff", str(EXAMPLES / "liandu-2022.txt"), str(EXAMPLES / "liandu-2023.txt"),
                  "--html", str(tmp_path / "d.html"))
    assert (tmp_path / "d.html").stat().st_size > 0
    assert "jinja2" in mods and "rapidfuzz" in mods  # the page and the comparison did run
    assert not mods & {"lxml", "openpyxl", "docx", "docxtpl", "defusedxml"}
    # no Markdown in a .txt, no JSON written: markdown-it-py and cattrs stay out
    assert not mods & {"markdown_it", "cattrs"}


def test_markdown_and_json_still_load_their_libraries_when_used(tmp_path: Path) -> None:
    mods = loaded("parse", str(EXAMPLES / "liandu-2022.txt"), "--json", str(tmp_path / "r.json"))
    assert "cattrs" in mods  # the model written as JSON goes through cattrs, loaded on first use
    md = tmp_path / "r.md"
    md.write_text("# 2022年工作报告\n\n| 指标 | 2022 |\n| --- | --- |\n| 案件 | 40件 |\n", encoding="utf-8")
    assert "markdown_it" in loaded("parse", str(md), "--json", str(tmp_path / "m.json"))


def test_parsing_a_text_report_loads_no_comparison_or_renderer_of_files(tmp_path: Path) -> None:
    mods = loaded("parse", str(EXAMPLES / "liandu-2022.txt"), "--json", str(tmp_path / "r.json"))
    assert (tmp_path / "r.json").stat().st_size > 0
    assert not mods & {"lxml", "openpyxl", "docx", "jinja2", "rapidfuzz"}
