"""The documentation runs: every command and code block in README.md and docs/*.md, and the CLI and JSON
references agree with the real parser and the real output.

Blocks run in a temporary folder holding a copy of examples/, one folder per page (a page's blocks run in
order, so a later command may use what an earlier one wrote). ```text and ```json blocks are samples, not run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reportkit.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL = {"bash", "sh", "console", "shell"}
RUN = SHELL | {"python"}
NOT_RUN = {"text", "json"}
FENCE = re.compile(r"^([ \t]*)```([\w-]*)[^\n]*\n(.*?)^\1```[ \t]*$", re.MULTILINE | re.DOTALL)
README_SETUP = ['pip install -e . && reportkit demo', 'pip install -e ".[test]" && python -m pytest']


def blocks(page: Path) -> list[tuple[str, str]]:
    """(language, code) of every fenced block, indentation of the fence removed."""
    out = []
    for m in FENCE.finditer(page.read_text(encoding="utf-8")):
        indent, lang, body = m.group(1), m.group(2), m.group(3)
        lines = [line.removeprefix(indent) for line in body.splitlines()]
        out.append((lang, "\n".join(lines)))
    return out


def commands(code: str) -> Iterator[str]:
    for line in code.splitlines():
        line = line.strip()
        line = line.removeprefix("$ ")
        if line and not line.startswith("#"):
            yield line


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_command(line: str, cwd: Path) -> None:
    argv = shlex.split(line)
    assert not set(argv) & {"|", ">", ">>", "&&", ";", "<"}, f"keep doc commands to one plain command: {line}"
    if argv[0] == "reportkit":
        # In-process: the same code as the installed command, without starting Python again for each line.
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv[1:])
        assert code == 0, f"{line!r} exited {code}: {err.getvalue()}"
    elif argv[0] == "python":
        p = subprocess.run([sys.executable, *argv[1:]], cwd=cwd, check=False, capture_output=True, text=True,
                           timeout=120)
        assert p.returncode == 0, f"{line!r} exited {p.returncode}: {p.stderr}"
    else:
        raise AssertionError(f"a doc command must start with reportkit or python: {line!r}")


def run_python(code: str, name: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, name, "exec"), {"__name__": "__main__"})  # noqa: S102 - our own docs


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_block_of_the_page_runs(page: Path, workdir: Path) -> None:
    for i, (lang, code) in enumerate(blocks(page)):
        if page.name == "README.md" and i == 0:
            continue  # the set-up commands: exercised by CI, checked below
        if lang in SHELL:
            for line in commands(code):
                if line.startswith("pip install"):
                    raise AssertionError(f"{page.name}: pip install belongs only in README's first block")
                run_command(line, workdir)
        elif lang == "python":
            run_python(code, f"{page.name}[block {i}]")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_block_says_whether_it_runs(page: Path) -> None:
    for i, (lang, _) in enumerate(blocks(page)):
        if page.name == "README.md" and i == 0:
            continue
        assert lang in RUN | NOT_RUN, f"{page.name} block {i}: mark it ```bash/```python (run) or ```text (sample)"


def test_readme_starts_with_the_two_setup_commands() -> None:
    _, code = blocks(ROOT / "README.md")[0]
    assert list(commands(code)) == README_SETUP


def test_readme_keeps_one_placeholder_only_in_measured() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    measured = text.split("## Measured", 1)
    assert len(measured) == 2
    assert "PLACEHOLDER" not in measured[0]


# -- cli.md against build_parser() ----------------------------------------------------------------------------


def subparsers() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for a in parser._actions for o in a.option_strings if o not in ("-h", "--help")}


def positionals(parser: argparse.ArgumentParser) -> set[str]:
    return {a.dest.upper() for a in parser._actions
            if not a.option_strings and not isinstance(a, argparse._SubParsersAction)}


def documented(section: str) -> tuple[set[str], set[str]]:
    """Options and positional names in the first column of a section's option table."""
    opts, names = set(), set()
    for row in re.findall(r"^\| (`[^|]*) \|", section, re.MULTILINE):
        for token in re.findall(r"`([^`]+)`", row):
            first = token.split()[0]
            (opts if first.startswith("-") else names).add(first)
    return opts, names


def cli_sections() -> dict[str, str]:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.MULTILINE)
    out = {}
    for part in parts[1:]:
        title, _, body = part.partition("\n")
        m = re.fullmatch(r"`reportkit (\w+)`", title.strip())
        out[m.group(1) if m else title.strip()] = body
    return out


def test_cli_md_documents_every_subcommand_and_no_other() -> None:
    documented_commands = {k for k in cli_sections() if k.islower() and " " not in k}
    assert documented_commands == set(subparsers())


@pytest.mark.parametrize("command", sorted(subparsers()))
def test_cli_md_options_match_the_parser(command: str) -> None:
    parser = subparsers()[command]
    opts, names = documented(cli_sections()[command])
    assert opts == options(parser)
    assert names == positionals(parser)


def test_cli_md_global_options_match_the_parser() -> None:
    opts, _ = documented(cli_sections()["Global options"])
    assert opts == options(build_parser())


def test_cli_md_exit_codes_are_those_of_cli_docstring() -> None:
    import reportkit.cli

    in_code = {int(c) for c in re.findall(r"\b(\d+) ", reportkit.cli.__doc__ or "") if c}
    table = cli_sections()["Exit codes"]
    assert {int(c) for c in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)} == in_code


# -- json.md against real output ------------------------------------------------------------------------------


def schema() -> dict[str, dict[str, str]]:
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    (code,) = [c for lang, c in blocks(ROOT / "docs" / "json.md") if lang == "json"]
    assert text.count("```json") == 1
    return json.loads(code)  # type: ignore[no-any-return]


def check(value: Any, spec: str, types: dict[str, dict[str, str]], where: str) -> None:
    if spec.endswith("|null"):
        if value is None:
            return
        spec = spec[: -len("|null")]
    assert value is not None, f"{where}: null where {spec} is documented"
    if spec.startswith("[") and spec.endswith("]"):
        assert isinstance(value, list), where
        for i, item in enumerate(value):
            check(item, spec[1:-1], types, f"{where}[{i}]")
    elif spec.startswith("enum("):
        assert value in spec[5:-1].split(","), f"{where}: {value!r} not in {spec}"
    elif spec in types:
        assert isinstance(value, dict), where
        assert set(value) == set(types[spec]), f"{where}: fields {sorted(set(value) ^ set(types[spec]))} differ"
        for key, sub in types[spec].items():
            check(value[key], sub, types, f"{where}.{key}")
    elif spec == "string":
        assert isinstance(value, str), where
    elif spec == "integer":
        assert isinstance(value, int) and not isinstance(value, bool), where
    elif spec == "number":
        assert isinstance(value, (int, float)) and not isinstance(value, bool), where
    elif spec == "boolean":
        assert isinstance(value, bool), where
    elif spec == "decimal":
        assert isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?(E[+-]?\d+)?", value), f"{where}: {value!r}"
    elif spec == "date":
        assert isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value), f"{where}: {value!r}"
    elif spec == "mapping":
        assert isinstance(value, dict) and all(isinstance(v, str) for v in value.values()), where
    else:
        raise AssertionError(f"json.md uses an unknown type {spec!r} at {where}")


def cli_json(*argv: str) -> Any:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(list(argv)) == 0
    return json.loads(out.getvalue())


def test_parse_json_matches_json_md() -> None:
    types = schema()
    for name in ("liandu-2022.txt", "liandu-2023.txt"):
        data = cli_json("parse", str(ROOT / "examples" / name), "--json")
        check(data, "report", types, name)
        assert data["metrics"] and data["commitments"] and data["sections"]


def test_diff_json_matches_json_md() -> None:
    types = schema()
    ex = ROOT / "examples"
    data = cli_json("diff", str(ex / "liandu-2022.txt"), str(ex / "liandu-2023.txt"), "--json", "-")
    check(data, "diff", types, "diff")
    # Every kind of record was there to be checked, not only empty lists.
    for key in ("sections", "sentences", "metrics", "stated_changes", "commitments"):
        assert data[key], key


def test_json_md_schema_names_every_field_of_the_model() -> None:
    import attrs

    from reportkit import model
    from reportkit.comparison import records

    types = schema()
    for name, cls in (("report", model.Report), ("meta", model.ReportMeta), ("section", model.Section),
                      ("metric", model.Metric), ("commitment", model.Commitment), ("problem", model.Problem),
                      ("part", model.Part), ("sentence", model.Sentence), ("metric_pair", records.MetricPair),
                      ("section_pair", records.SectionPair), ("sentence_pair", records.SentencePair),
                      ("stated_change", records.StatedChange), ("follow_through", records.FollowThrough),
                      ("scores", records.Scores), ("text_op", records.TextOp),
                      ("diff_warning", records.DiffWarning), ("reason", records.Reason), ("note", records.Note)):
        worded = {"note"} if "notes" in attrs.fields_dict(cls) else set()  # the notes in English words too
        assert set(types[name]) == {f.name for f in attrs.fields(cls)} | worded, name


def test_a_wrong_schema_is_caught() -> None:
    types = schema()
    broken = {**types, "scores": {**types["scores"], "extra": "number"}}
    with pytest.raises(AssertionError):
        check({"cosine": 1, "jaccard": 1, "edit": 1, "reuse": 1}, "scores", broken, "scores")


@pytest.mark.parametrize("page", [*PAGES, ROOT / "examples" / "README.md"],
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_point_to_files_that_exist(page: Path) -> None:
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
        assert (page.parent / target).exists(), f"{page.name} links to {target}, which is not there"


def test_the_docs_name_each_status_as_the_outputs_do() -> None:
    # one vocabulary across the terminal, HTML, Excel (all from render/_view.py) and the docs
    from reportkit import lang

    text = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    for table in ("metric_status", "follow_status"):
        for status, zh in lang.data("zh", "ui")[table].items():
            assert f"{zh}({status})" in text, (zh, status)
