"""Hostile and careless input to the command line: whatever arrives, one named line, a documented exit code,
no input changed, nothing half-written or left over.

Each case builds its files in ``tmp_path`` (hostile .docx/.xlsx/HTML made in code), runs ``reportkit`` in
process (a few cases need a real process: argv bytes, a full stdout, ``kill -9``) and checks:

- the exit code is the documented one, never 70 (an internal error), and no traceback is printed;
- a failure prints exactly one line, ``reportkit: error: FILE: cause``, naming the file;
- every file that was there before is there after, byte for byte (sha256);
- no file appears but the outputs of a successful run, and no ``.part`` temporary file is left.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

from reportkit.cli import main
from tests.docxbuild import (
    CONTENT_TYPES,
    RELS,
    P,
    body_xml,
    build_docx,
    document_xml,
    numbering_xml,
    raw_docx,
)

OLD = "2022年，某区政府坚持依法行政。\n一、主要成效\n办理案件300件，调解纠纷120起。\n二、2023年工作思路\n（一）力争办理案件400件。\n"
NEW = "2023年，某区政府坚持依法行政。\n一、主要成效\n办理案件402件，调解纠纷130起。\n二、2024年工作思路\n（一）力争办理案件500件。\n"
LAUGHS = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'


@attrs.frozen
class Run:
    """What a case runs and what it must give."""

    argv: list[str]
    code: int
    named: str | None = None  # a file name the error line must hold
    outputs: tuple[str, ...] = ()  # files (relative to tmp_path) a successful run writes
    words: str = ""  # words the error line must hold
    once: bool = False  # the file is named once (not "FILE: damaged: FILE: …")


Build = Callable[[Path], Run]


def write(tmp: Path, name: str, data: str | bytes) -> Path:
    p = tmp / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


def reports(tmp: Path) -> tuple[str, str]:
    return str(write(tmp, "a.txt", OLD)), str(write(tmp, "b.txt", NEW))


def with_doctype(xml: str) -> str:
    if not xml.startswith("<?xml"):
        return LAUGHS + xml
    head, rest = xml.split("?>", 1)
    return head + "?>" + LAUGHS + rest


def docx_members(**parts: str | bytes) -> dict[str, str | bytes]:
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "word/document.xml": document_xml(body_xml(["2022年，某区政府坚持依法行政。", "一、主要成效"])),
    }
    members.update(parts)
    return members


def hostile_docx(tmp: Path, name: str, **parts: str | bytes) -> Run:
    p = raw_docx(tmp / name, docx_members(**parts))
    return Run(["parse", str(p), "--json", str(tmp / "out" / "r.json")], 3, name)


def numbered(tmp: Path, name: str, fmt: str, text: str, start: str, paragraphs: int, words: str) -> Run:
    num = numbering_xml([(fmt, text)]).replace('<w:start w:val="1"/>', f'<w:start w:val="{start}"/>')
    p = build_docx(tmp / name, [P(f"第{i}项工作", num=(1, 0)) for i in range(paragraphs)], numbering=num)
    return Run(["parse", str(p)], 3, name, words=words)


def template(tmp: Path, line: str, name: str = "tpl.docx") -> Run:
    tpl = build_docx(tmp / name, ["{{ organisation }}", line])
    _, b = reports(tmp)
    return Run(["draft", b, "-o", str(tmp / "out"), "--template", str(tpl)], 5, name)


def template_members(tmp: Path, members: dict[str, str | bytes], words: str) -> Run:
    tpl = raw_docx(tmp / "tpl.docx", members)
    _, b = reports(tmp)
    return Run(["draft", b, "-o", str(tmp / "out"), "--template", str(tpl)], 5, "tpl.docx", words=words)


def page(tmp: Path, charset: str, body: bytes | None = None) -> Run:
    data = body or (
        f'<html><head><meta charset="{charset}"><title>报告</title></head>'
        f"<body><p>{OLD.replace(chr(10), '</p><p>')}</p></body></html>"
    ).encode()
    p = write(tmp, "page.html", data)
    return Run(["parse", str(p), "--json", str(tmp / "page.json")], 0, outputs=("page.json",))


def workbook(tmp: Path) -> Path:
    """A data-collection workbook written by `reportkit draft` (not filled: fill runs with --allow-missing)."""
    _, b = reports(tmp)
    assert main(["draft", b, "-o", str(tmp / "wb")]) == 0
    return next((tmp / "wb").glob("*.xlsx"))


def rewrite_zip(src: Path, dst: Path, change: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, change(item.filename, zin.read(item.filename)))
    return dst


def xlsx_doctype(tmp: Path) -> Run:
    bad = rewrite_zip(
        workbook(tmp),
        tmp / "dtd.xlsx",
        lambda name, data: with_doctype(data.decode()).encode() if name == "xl/workbook.xml" else data,
    )
    return Run(
        ["fill", str(bad), "-o", str(tmp / "out.docx"), "--allow-missing"], 4, "dtd.xlsx", words="DOCTYPE", once=True
    )


def xlsx_bomb(tmp: Path) -> Run:
    bad = tmp / "bomb.xlsx"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("xl/workbook.xml", b"<a>" + b"0" * 30_000_000 + b"</a>")
    return Run(["fill", str(bad), "-o", str(tmp / "out.docx")], 4, "bomb.xlsx", words="zip bomb")


def symlink(tmp: Path, target: Path, name: str) -> Path:
    link = tmp / name
    link.symlink_to(target)
    return link


def hardlink(tmp: Path, target: Path, name: str) -> Path:
    link = tmp / name
    os.link(target, link)
    return link


def folder(tmp: Path, name: str) -> Path:
    (tmp / name).mkdir()
    return tmp / name


def sparse_template(tmp: Path) -> Run:
    """A template bigger than an input may be (33 MiB, sparse on disk): refused before it is opened."""
    tpl = tmp / "big.docx"
    with open(tpl, "wb") as f:
        f.seek(33 * 1024 * 1024)
        with zipfile.ZipFile(f, "w") as zf:
            for name, data in docx_members().items():
                zf.writestr(name, data)
    _, b = reports(tmp)
    return Run(["draft", b, "-o", str(tmp / "out"), "--template", str(tpl)], 5, "big.docx", words="max_bytes")


def draft_over_template(tmp: Path) -> Run:
    """The template sits where the draft would be written: the draft is refused, the template kept."""
    folder(tmp, "out")
    tpl = build_docx(tmp / "out" / "2024-初稿.docx", ["{{ organisation }}"])
    _, b = reports(tmp)
    return Run(["draft", b, "-o", str(tmp / "out"), "--template", str(tpl)], 6, "2024-初稿.docx", words="template")


def draft_over_input(tmp: Path) -> Run:
    """This year's report is a .docx named like next year's draft, in the output folder."""
    src = build_docx(tmp / "2024-初稿.docx", NEW.splitlines())
    return Run(["draft", str(src), "-o", str(tmp)], 6, "2024-初稿.docx", words="input")


def half_a_set(tmp: Path) -> Run:
    """The Word output cannot be written (its folder is a file): the HTML and JSON are not written either."""
    a, b = reports(tmp)
    write(tmp, "blocker", "x")
    return Run(
        ["diff", a, b, "--html", str(tmp / "d.html"), "--json", str(tmp / "d.json"),
         "--docx", str(tmp / "blocker" / "d.docx"), "--no-summary"],
        6,
        "d.docx",
    )


def ok_diff(tmp: Path) -> Run:
    a, b = reports(tmp)
    return Run(["diff", a, b, "--json", str(tmp / "d.json"), "--no-summary"], 0, outputs=("d.json",))


CASES: dict[str, Build] = {
    # 1. inputs are sacred: an output that is an input, the template, a folder, or given twice
    "parse-json-over-input": lambda t: Run(["parse", reports(t)[0], "--json", str(t / "a.txt")], 6, "a.txt", words="input"),
    "parse-json-over-input-dotdot": lambda t: Run(
        ["parse", reports(t)[0], "--json", str(folder(t, "x")) + "/../a.txt"], 6, "a.txt", words="input"
    ),
    "parse-json-over-input-symlink": lambda t: Run(
        ["parse", reports(t)[0], "--json", str(symlink(t, t / "a.txt", "link.json"))], 6, "link.json", words="input"
    ),
    "parse-json-over-input-hardlink": lambda t: Run(
        ["parse", reports(t)[0], "--json", str(hardlink(t, Path(reports(t)[0]), "hard.json"))], 6, "hard.json"
    ),
    "parse-json-into-folder": lambda t: Run(["parse", reports(t)[0], "--json", str(folder(t, "d"))], 6, "d", words="folder"),
    "diff-json-over-old": lambda t: Run(["diff", *reports(t), "--json", str(t / "a.txt")], 6, "a.txt"),
    "diff-html-over-new": lambda t: Run(["diff", *reports(t), "--html", str(t / "b.txt")], 6, "b.txt"),
    "diff-xlsx-over-old-symlink": lambda t: Run(
        ["diff", *reports(t), "--xlsx", str(symlink(t, t / "a.txt", "l.xlsx"))], 6, "l.xlsx"
    ),
    "diff-docx-over-new-relative": lambda t: Run(
        ["diff", *reports(t), "--docx", f"{t}/./x/../b.txt"], 6, "b.txt"
    ),
    "diff-two-outputs-one-file": lambda t: Run(
        ["diff", *reports(t), "--html", str(t / "o.html"), "--json", str(t / "o.html")], 6, "o.html", words="twice"
    ),
    "diff-html-into-folder": lambda t: Run(["diff", *reports(t), "--html", str(folder(t, "d"))], 6, "d"),
    "fill-over-its-workbook": lambda t: Run(
        ["fill", str(wb := workbook(t)), "-o", str(wb), "--allow-missing"], 6, wb.name, words="workbook"
    ),
    "fill-over-its-template": lambda t: Run(
        ["fill", str(workbook(t)), "-o", str(tpl := build_docx(t / "tpl.docx", ["{{ organisation }}"])),
         "--template", str(tpl), "--allow-missing"], 6, "tpl.docx", words="template"
    ),
    "draft-over-its-template": draft_over_template,
    "draft-over-its-input": draft_over_input,
    "demo-into-a-file": lambda t: Run(["demo", "-o", str(write(t, "file", "x"))], 6, "file"),
    # 2. cost bounded by size: Word numbering and what a .docx can ask for
    "docx-start-1e12-upper-letter": lambda t: numbered(t, "s.docx", "upperLetter", "%1.", "1000000000000", 10, "max_list_number"),
    "docx-start-1e8-200-paragraphs": lambda t: numbered(t, "s.docx", "upperLetter", "%1.", "100000000", 200, "max_list_number"),
    "docx-start-negative": lambda t: numbered(t, "s.docx", "decimal", "%1.", "-99999999999", 5, "max_list_number"),
    "docx-lvltext-1MB": lambda t: numbered(t, "l.docx", "decimal", "x" * 1_000_000 + "%1.", "1", 20_000, "max_level_text"),
    "docx-many-items-costly-markers": lambda t: numbered(t, "m.docx", "upperLetter", "%1" * 400, "30000", 5_000, "max_chars"),
    "docx-start-override-huge": lambda t: Run(
        ["parse", str(build_docx(
            t / "o.docx", [P("第一项", num=(1, 0))],
            numbering=numbering_xml([("upperLetter", "%1.")]).replace(
                '<w:abstractNumId w:val="0"/></w:num>',
                '<w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="99999999999"/>'
                "</w:lvlOverride></w:num>",
            ),
        ))], 3, "o.docx", words="max_list_number"
    ),
    "docx-zip-bomb": lambda t: hostile_docx(t, "bomb.docx", **{"word/document.xml": b"<a>" + b" " * 40_000_000 + b"</a>"}),
    "docx-nested-5000-deep": lambda t: hostile_docx(
        t, "deep.docx", **{"word/document.xml": "<a>" * 5000 + "</a>" * 5000}
    ),
    "docx-not-a-zip": lambda t: Run(["parse", str(write(t, "x.docx", "PK not really"))], 3, "x.docx"),
    "docx-no-document-part": lambda t: Run(
        ["parse", str(raw_docx(t / "n.docx", {"[Content_Types].xml": CONTENT_TYPES}))], 3, "n.docx"
    ),
    # 3. templates are inputs
    "template-billion-laughs": lambda t: template_members(
        t, docx_members(**{"word/document.xml": with_doctype(document_xml(body_xml(["{{ organisation }}"])))}), "DOCTYPE"
    ),
    "template-doctype-in-content-types": lambda t: template_members(
        t, docx_members(**{"[Content_Types].xml": with_doctype(CONTENT_TYPES)}), "DOCTYPE"
    ),
    "template-zip-bomb": lambda t: template_members(
        t, docx_members(**{"word/media/image1.png": b"\0" * 40_000_000}), "zip bomb"
    ),
    "template-over-max-bytes": sparse_template,
    "template-not-a-zip": lambda t: Run(
        ["draft", reports(t)[1], "-o", str(t / "out"), "--template", str(write(t, "tpl.docx", "text"))], 5, "tpl.docx"
    ),
    "template-range-1e8": lambda t: template(t, "{% for i in range(100000000) %}x{% endfor %}"),
    "template-nested-ranges": lambda t: template(
        t, "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    ),
    "template-string-times-1e10": lambda t: template(t, "{{ 'x' * 10000000000 }}"),
    "template-list-times-1e10": lambda t: template(t, "{{ [1] * 10000000000 }}"),
    "template-power-tower": lambda t: template(t, "{{ 9 ** (9 ** 9) }}"),
    "template-center-1e10": lambda t: template(t, "{{ 'x'|center(10000000000) }}"),
    "template-ljust-1e10": lambda t: template(t, "{{ 'x'.ljust(10000000000) }}"),
    "template-printf-width": lambda t: template(t, "{{ '%10000000000s' % 1 }}"),
    "template-format-filter-width": lambda t: template(t, "{{ '%10000000000s'|format(1) }}"),
    "template-namespace-doubling": lambda t: template(
        t, "{% set ns = namespace(s='ab') %}{% for i in range(100) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
    ),
    "template-macro-doubling": lambda t: template(t, "{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('ab') }}"),
    "template-macro-recursion": lambda t: template(t, "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}"),
    "template-batch-1e9": lambda t: template(t, "{% for b in [1]|batch(1000000000, 0) %}{% endfor %}"),
    "template-slice-1e9": lambda t: template(t, "{% for b in [1]|slice(1000000000) %}{% endfor %}"),
    "template-output-over-cap": lambda t: template(t, "{% for i in range(90000) %}{{ 'x' * 9000 }}{% endfor %}"),
    "template-lipsum": lambda t: template(t, "{{ lipsum(100000000) }}"),
    "template-python-internals": lambda t: template(t, "{{ ''.__class__.__mro__[1].__subclasses__() }}"),
    # 4. what used to be internal errors
    "html-charset-undefined": lambda t: page(t, "undefined"),
    "html-charset-punycode": lambda t: page(t, "punycode"),
    "html-charset-utf16-over-utf8": lambda t: page(t, "utf-16"),
    "html-charset-cp037-over-utf8": lambda t: page(t, "cp037"),
    "html-charset-utf7": lambda t: page(t, "utf-7"),
    "html-charset-rot13": lambda t: page(t, "rot13"),
    "html-billion-laughs": lambda t: page(t, "utf-8", (LAUGHS + f"<html><body><p>&lol2;{OLD}</p></body></html>").encode()),
    "max-bytes-huge": lambda t: Run(["parse", reports(t)[0], "--max-bytes", "99999999999999999999"], 2, words="--max-bytes"),
    "max-bytes-zero": lambda t: Run(["parse", reports(t)[0], "--max-bytes", "0"], 2, words="--max-bytes"),
    "max-bytes-not-a-number": lambda t: Run(["parse", reports(t)[0], "--max-bytes", "1e9"], 2, words="--max-bytes"),
    "input-a-folder": lambda t: Run(["parse", str(folder(t, "d"))], 3, "d"),
    "input-a-fifo": lambda t: (os.mkfifo(t / "fifo.txt"), Run(["parse", str(t / "fifo.txt")], 3, "fifo.txt"))[1],
    "input-name-with-newline": lambda t: Run(["parse", str(t / "a\nb.txt")], 3, "a\\nb.txt"),
    "output-dev-full": lambda t: Run(["parse", reports(t)[0], "--json", "/dev/full"], 6, "/dev/full"),
    # 6. promises the docs make
    "docx-utf32-doctype": lambda t: hostile_docx(
        t, "u32.docx", **{"word/document.xml": with_doctype(document_xml("<w:p/>")).encode("utf-32")}
    ),
    "docx-utf32be-doctype-no-bom": lambda t: hostile_docx(
        t, "u32.docx", **{"word/document.xml": with_doctype(document_xml("<w:p/>")).encode("utf-32-be")}
    ),
    "docx-utf16be-doctype-no-bom": lambda t: hostile_docx(
        t, "u16.docx", **{"word/document.xml": with_doctype(document_xml("<w:p/>")).encode("utf-16-be")}
    ),
    "docx-ebcdic-doctype": lambda t: hostile_docx(
        t, "e.docx",
        **{"word/document.xml": with_doctype(document_xml("<w:p/>")).replace("UTF-8", "IBM037").encode("cp037")},
    ),
    "docx-doctype-in-content-types": lambda t: hostile_docx(t, "ct.docx", **{"[Content_Types].xml": with_doctype(CONTENT_TYPES)}),
    "docx-doctype-in-rels": lambda t: hostile_docx(t, "rels.docx", **{"_rels/.rels": with_doctype(RELS)}),
    "docx-doctype-in-header": lambda t: hostile_docx(
        t, "h.docx", **{"word/header1.xml": with_doctype(document_xml("<w:p/>"))}
    ),
    "docx-doctype-in-app-props": lambda t: hostile_docx(
        t, "app.docx", **{"docProps/app.xml": with_doctype('<?xml version="1.0"?><Properties/>')}
    ),
    "docx-xxe-in-numbering": lambda t: hostile_docx(
        t, "x.docx",
        **{"word/numbering.xml": '<?xml version="1.0"?><!DOCTYPE n [<!ENTITY x SYSTEM "file:///etc/passwd">]><n>&x;</n>'},
    ),
    "xlsx-doctype-named-once": xlsx_doctype,
    "xlsx-zip-bomb": xlsx_bomb,
    "xlsx-not-a-zip": lambda t: Run(["fill", str(write(t, "t.xlsx", "a,b")), "-o", str(t / "o.docx")], 4, "t.xlsx"),
    # 7. a set of outputs is all written or none; a good run leaves only its outputs
    "diff-set-all-or-none": half_a_set,
    "diff-good-run-leaves-its-output-only": ok_diff,
}


def snapshot(root: Path) -> dict[str, str]:
    files = {}
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            files[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_symlink():
            files[str(path.relative_to(root))] = "link:" + os.readlink(path)
    return files


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as e:  # argparse's usage errors
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def check(tmp: Path, run: Run, before: dict[str, str], code: int, err: str) -> None:
    assert code == run.code, err
    assert code != 70 and "Traceback" not in err and "internal error" not in err, err
    after = snapshot(tmp)
    changed = [p for p, h in before.items() if after.get(p) != h]
    assert not changed, f"inputs changed or removed: {changed}"
    new = set(after) - set(before)
    assert not [p for p in after if p.endswith(".part")], after
    assert new == set(run.outputs), f"files left: {sorted(new)}"
    lines = err.strip().splitlines()
    if code == 0:
        assert not lines, err
        return
    assert lines, "a failure says what failed"
    last = lines[-1]
    if code == 2:  # argparse: usage, then its one error line
        assert last.startswith("reportkit") and "error:" in last and run.words in last, err
        return
    assert len(lines) == 1 and last.startswith("reportkit: error:"), err
    assert run.named is None or run.named in last, err
    assert run.words in last, err
    assert not run.once or (last.count(str(run.named)) == 1 and "damaged" not in last), err


@pytest.mark.parametrize("build", CASES.values(), ids=CASES.keys())
def test_hostile_input_gets_one_named_line_and_changes_nothing(
    tmp_path: Path, build: Build, capsys: pytest.CaptureFixture[str]
) -> None:
    run = build(tmp_path)
    capsys.readouterr()
    before = snapshot(tmp_path)
    code, _, err = run_main(run.argv, capsys)
    check(tmp_path, run, before, code, err)


def test_the_hostile_suite_has_at_least_60_cases() -> None:
    assert len(CASES) + len(PROCESS_CASES) >= 60


# -- cases that need a process of their own ----------------------------------------------------------
def reportkit(*args: str | bytes, stdout: int | io.IOBase | None = subprocess.PIPE,
              cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reportkit.cli", *args], stdout=stdout, stderr=subprocess.PIPE, cwd=cwd,
        timeout=120, check=False, env={**os.environ, "NO_COLOR": "1", "PYTHONUTF8": "0"},
    )


GBK_NAME = "报告".encode("gbk") + b".txt"

PROCESS_CASES: dict[str, Callable[[Path], tuple[list[str | bytes], int, str, tuple[str, ...]]]] = {
    # argv bytes that are not UTF-8: read, and the JSON names the file in escapes (valid UTF-8)
    "gbk-file-name-parsed": lambda t: (
        (write(t, os.fsdecode(GBK_NAME), OLD), ["parse", GBK_NAME, "--json", "out.json"])[1], 0, "", ("out.json",)
    ),
    "gbk-file-name-missing": lambda t: (["parse", b"missing-" + GBK_NAME], 3, "missing-\\xb1", ()),
    "gbk-output-name": lambda t: (
        (reports(t), ["parse", "a.txt", "--json", b"x-" + GBK_NAME])[1], 0, "", (os.fsdecode(b"x-" + GBK_NAME),)
    ),
    "stdout-full-json": lambda t: ((reports(t), ["parse", "a.txt", "--json"])[1], 6, "<stdout>", ()),
    "stdout-full-outline": lambda t: ((reports(t), ["parse", "a.txt"])[1], 6, "<stdout>", ()),
    "stdout-full-diff-summary": lambda t: ((reports(t), ["diff", "a.txt", "b.txt"])[1], 6, "<stdout>", ()),
}


@pytest.mark.parametrize("build", PROCESS_CASES.values(), ids=PROCESS_CASES.keys())
def test_argv_and_stdout_cases_in_a_process(tmp_path: Path, build: Callable[[Path], tuple]) -> None:  # type: ignore[type-arg]
    argv, code, named, outputs = build(tmp_path)
    before = snapshot(tmp_path)
    to_full = named == "<stdout>"
    with open("/dev/full", "wb") if to_full else contextlib.nullcontext() as sink:
        p = reportkit(*argv, cwd=tmp_path, stdout=sink if to_full else subprocess.PIPE)
    err = p.stderr.decode("utf-8", "replace")
    check(tmp_path, Run([], code, named or None, outputs), before, p.returncode, err)
    if outputs and outputs[0].endswith(".json") and "x-" not in outputs[0]:
        text = (tmp_path / outputs[0]).read_bytes().decode("utf-8")  # valid UTF-8, the name escaped
        assert "\\\\xb1\\\\xa8" in text


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    reports(tmp_path)
    p = subprocess.run(
        f"{sys.executable} -m reportkit.cli parse a.txt --json | head -c 10 > /dev/null",
        shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )
    assert p.returncode == 0 and p.stderr == "", p.stderr


# -- a full disk: a real tmpfs of 64 KiB where the machine lets us mount one --------------------------
@pytest.fixture()
def full_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "full"
    mount.mkdir()
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                      capture_output=True, check=False).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def fill_up(mount: Path) -> None:
    """Fill the small disk to the last block."""
    fd = os.open(mount / "ballast", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


@pytest.mark.parametrize(
    "outputs",
    [("--xlsx", "d.xlsx"), ("--docx", "d.docx"), ("--html", "d.html", "--json", "d.json", "--xlsx", "d.xlsx")],
    ids=["xlsx", "docx", "html-json-xlsx"],
)
def test_a_full_disk_is_one_line_and_leaves_nothing(
    tmp_path: Path, full_disk: Path, outputs: tuple[str, ...]
) -> None:
    a, b = reports(tmp_path)
    fill_up(full_disk)
    args = [x if x.startswith("--") else str(full_disk / x) for x in outputs]
    before = snapshot(tmp_path)
    p = reportkit("diff", a, b, *args, "--no-summary")
    err = p.stderr.decode()
    check(tmp_path, Run([], 6, "d."), before, p.returncode, err)


def test_a_full_disk_while_drafting_leaves_nothing(tmp_path: Path, full_disk: Path) -> None:
    _, b = reports(tmp_path)
    fill_up(full_disk)
    before = snapshot(tmp_path)
    p = reportkit("draft", b, "-o", str(full_disk / "drafts"))
    check(tmp_path, Run([], 6, "2024-"), before, p.returncode, p.stderr.decode())


# -- leftovers of a run killed with kill -9 ----------------------------------------------------------
KILLED_WRITER = """
import os, signal, sys
from reportkit._io import atomic_open
with atomic_open(sys.argv[1]) as f:
    f.write("half")
    f.flush()
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_leftover_of_a_killed_run_is_removed_by_the_next(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = reports(tmp_path)
    target = tmp_path / "out.json"
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(target)], check=False, timeout=60)
    assert killed.returncode == -signal.SIGKILL
    leftovers = list(tmp_path.glob(".out.json.*.part"))
    assert len(leftovers) == 1 and not target.exists()
    assert main(["parse", a, "--json", str(target)]) == 0
    assert target.exists() and not list(tmp_path.glob(".*.part"))


def test_a_temporary_file_another_run_is_writing_is_kept(tmp_path: Path) -> None:
    import fcntl

    a, _ = reports(tmp_path)
    busy = write(tmp_path, ".out.json.abcd1234.part", "being written")
    with open(busy, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert main(["parse", a, "--json", str(tmp_path / "out.json")]) == 0
        assert busy.exists()
    assert (tmp_path / "out.json").exists()
