"""Markdown: front matter into hints, ``#`` headings as hints, the file's text kept whole."""

from __future__ import annotations

from pathlib import Path

from reportkit.readers import read_source
from reportkit.readers.markdown import headings, looks_like_markdown

DOC = """---
title: "2023 Annual report and 2024 plans"
date: 2024-03-01
layout: default
---

# 2023 Annual report

Intro text.

## Highlights

```
# not a heading inside a fence
```

Plans
-----
"""


def test_front_matter_becomes_hints_and_stays_in_the_text(tmp_path: Path) -> None:
    p = tmp_path / "r.md"
    p.write_text(DOC, encoding="utf-8")
    src = read_source(p)
    assert src.format == "markdown" and src.text == DOC
    assert src.meta_hints["title"] == "2023 Annual report and 2024 plans"
    assert src.meta_hints["date"] == "2024-03-01"
    assert DOC[int(src.meta_hints["_front_matter_end"]) :].startswith("\n# 2023")


def test_atx_and_setext_headings_are_found_outside_code_fences() -> None:
    found = [(h.level, DOC[h.start : DOC.index("\n", h.start)]) for h in headings(DOC)]
    assert found == [(1, "# 2023 Annual report"), (2, "## Highlights"), (2, "Plans")]


def test_markdown_in_a_txt_file_is_read_as_markdown(tmp_path: Path) -> None:
    p = tmp_path / "2023.txt"
    p.write_text(DOC, encoding="utf-8")
    assert read_source(p).format == "markdown"


def test_chinese_text_is_not_mistaken_for_markdown() -> None:
    assert not looks_like_markdown("一、主要成效\n# 号码不是标题\n（一）加强监督。\n")
    assert looks_like_markdown("# A\n\n## B\n\n## C\n")


def test_the_freecad_reports_read_as_markdown_with_their_titles(shared: Path) -> None:
    for year in (2022, 2023):
        src = read_source(shared / "corpus" / "en" / "freecad-fpa" / f"{year}.txt")
        assert src.format == "markdown"
        assert src.meta_hints["title"] == f"{year} Annual report and {year + 1} plans"
        assert len(src.headings) >= 5
