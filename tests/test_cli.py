"""The command line: one line per error, documented exit codes, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reportkit.cli import build_parser, main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportkit.cli", *args], check=False, capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "parse" in capsys.readouterr().out


def test_missing_file_is_one_line_and_exit_3(tmp_path: Path) -> None:
    p = run("parse", str(tmp_path / "nope.txt"))
    assert p.returncode == 3
    assert "Traceback" not in p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reportkit: error:") and "nope.txt" in lines[0]


def test_parse_json_to_stdout_is_the_model(tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    src.write_text("2022年,某区政府工作报告如下。\n一、主要成效\n办理案件402件。\n", encoding="utf-8")
    p = run("parse", str(src), "--json")
    assert p.returncode == 0, p.stderr
    import json

    d = json.loads(p.stdout)
    assert d["text"] == src.read_text(encoding="utf-8")


def test_every_subcommand_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == {"parse", "diff", "draft", "fill", "corpus", "demo"}  # type: ignore[union-attr]
