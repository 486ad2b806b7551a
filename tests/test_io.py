"""Outputs are written whole or not at all, with ordinary permissions; JSON has a line per list entry."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

import reportkit
from reportkit._io import atomic_open
from reportkit.errors import OutputError


def test_failed_write_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with pytest.raises(RuntimeError), atomic_open(target) as f:
        f.write("half")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_earlier_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_open(target) as f:
        f.write("new")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_written_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with atomic_open(tmp_path / "a.txt") as f:
            f.write("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644


def test_unwritable_folder_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="file"), atomic_open(blocker / "sub" / "out.txt") as f:
        f.write("x")


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_json_has_a_line_per_list_entry() -> None:
    diff = reportkit.compare(reportkit.read(EXAMPLES / "liandu-2022.txt"), reportkit.read(EXAMPLES / "liandu-2023.txt"))
    data = diff.to_dict()
    text = diff.to_json()
    assert json.loads(text) == data == json.loads(diff.to_json(indent=2))
    lines = text.splitlines()
    entries = sum(len(v) for v in data.values() if isinstance(v, list))
    lists = sum(1 for v in data.values() if isinstance(v, list) and v)
    # braces, a line per key (a non-empty list adds its closing bracket), a line per entry
    assert len(lines) == 2 + len(data) + lists + entries
    metric_lines = lines[lines.index(' "metrics": [') + 1:][:len(data["metrics"])]
    assert [json.loads(line.rstrip(",")) for line in metric_lines] == data["metrics"]
