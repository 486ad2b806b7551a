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


def test_an_output_set_renames_all_at_the_end_or_none(tmp_path: Path) -> None:
    from reportkit._io import output_set

    with output_set(), atomic_open(tmp_path / "one.txt") as f:
        f.write("1")
        assert not (tmp_path / "one.txt").exists()  # not before the whole set is written
    assert (tmp_path / "one.txt").read_text(encoding="utf-8") == "1"
    with pytest.raises(RuntimeError), output_set():
        with atomic_open(tmp_path / "new" / "two.txt") as f:
            f.write("2")
        raise RuntimeError("the next output fails")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.txt"]  # nor its folder


def test_an_output_set_refuses_what_it_protects_however_spelled(tmp_path: Path) -> None:
    from reportkit._io import output_set

    src = tmp_path / "in.txt"
    src.write_text("input", encoding="utf-8")
    (tmp_path / "x").mkdir()
    (tmp_path / "link.txt").symlink_to(src)
    for spelled in (src, tmp_path / "x" / ".." / "in.txt", tmp_path / "link.txt"):
        with pytest.raises(OutputError, match="in.txt"), output_set() as outs:
            outs.protect(src, "the input")
            with atomic_open(spelled) as f:
                f.write("over it")
    assert src.read_text(encoding="utf-8") == "input"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "link.txt", "x"]


def test_limits_refuse_values_no_size_can_hold() -> None:
    from reportkit.errors import UsageError
    from reportkit.limits import Limits

    for bad in (0, -1, 10**20, float("inf"), float("nan"), True):
        with pytest.raises(UsageError, match="max_bytes"):
            Limits(max_bytes=bad)  # type: ignore[arg-type]
