"""reportkit corpus: every report under folders, paired by year, into one DuckDB database (docs/corpus.md)."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import pickle
import re
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import reportkit
from reportkit.cli import main
from reportkit.corpus.names import Layout, genre_of, normalise_org
from reportkit.corpus.schema import TABLES
from reportkit.errors import UsageError

duckdb = pytest.importorskip("duckdb")

ROOT = Path(__file__).resolve().parent.parent
PROVINCES = ("anhui", "beijing")


def tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table, rows sorted, the absolute paths made relative to nothing (compared as they are)."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY ALL').fetchall() for t in TABLES}


def query(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def small(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of part of ../shared/corpus: two provinces, a county with five years, a district with a gap."""
    root = tmp_path_factory.mktemp("small") / "corpus"
    src = shared / "corpus"
    for rel in [*(f"gongzuo/provinces/{p}" for p in PROVINCES), "fazhi/jiangxi-nanchang-county",
                "fazhi/tianjin-jinghai"]:
        shutil.copytree(src / rel, root / rel)
    return root


@pytest.fixture(scope="module")
def full(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """The whole of ../shared/corpus, once, on every core."""
    db = tmp_path_factory.mktemp("full") / "corpus.duckdb"
    summary = reportkit.corpus(shared / "corpus", db)
    return db, summary


# -- names and layouts -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, key", [
    ("浙江省", "浙江"), ("浙江", "浙江"), ("浙江省人民政府", "浙江"), ("北京市人民政府", "北京"),
    ("广西壮族自治区", "广西"), ("台州市路桥区", "台州市路桥区"), ("南昌县", "南昌县"), ("自治区人民政府", None),
    ("ＦｒｅｅＣＡＤ Project", "FreeCADProject"), (None, None),
])
def test_organisation_names_fold_to_one_key(name: str | None, key: str | None) -> None:
    assert normalise_org(name) == key


def test_a_layout_names_organisation_and_year_from_the_end_of_the_path() -> None:
    info = Layout.parse("{org}/{year}.txt").match("gongzuo/provinces/anhui/2024.txt")
    assert (info.org, info.year, info.bucket) == ("anhui", 2024, "gongzuo/provinces/anhui")
    flat = Layout.parse("{org}-{year}.*").match("downloads/yuhuan-2022.docx")
    assert (flat.org, flat.year, flat.bucket) == ("yuhuan", 2022, "downloads/yuhuan")
    unplaced = Layout.parse(None).match("downloads/浙江省2023年政府工作报告.docx")
    assert (unplaced.org, unplaced.year, unplaced.bucket) == (None, None, "")


@pytest.mark.parametrize("pattern", ["{org}/{when}.txt", "{org}/{org}.txt", "reports/*.txt"])
def test_a_wrong_layout_is_a_usage_error(pattern: str) -> None:
    with pytest.raises(UsageError, match="layout"):
        Layout.parse(pattern)


def test_the_genre_comes_from_the_folder_then_the_title_then_the_opening_words() -> None:
    meta = reportkit.ReportMeta(title="南昌县政府2021年度法治政府建设工作报告")
    assert genre_of(meta, "x/gongzuo/nanchang/2021.txt") == "gongzuo"
    assert genre_of(meta, "x/nanchang/2021.txt") == "fazhi"
    assert genre_of(reportkit.ReportMeta(), "a/b.txt", "政府工作报告\n——2025年1月") == "gongzuo"
    assert genre_of(reportkit.ReportMeta(), "a/b.txt", "no telling words") == "other"


def test_calling_the_package_calls_the_function() -> None:
    import reportkit.corpus.store  # binds reportkit.corpus to the package

    assert callable(reportkit.corpus)
    with pytest.raises(UsageError, match="workers"):
        reportkit.corpus(ROOT / "examples", "x.duckdb", workers=0)


# -- on ../shared --------------------------------------------------------------------------------------------


@pytest.mark.shared
def test_reports_and_diffs_pickle(shared: Path) -> None:
    folder = shared / "corpus" / "gongzuo" / "provinces" / "anhui"
    old, new = reportkit.read(folder / "2024.txt"), reportkit.read(folder / "2025.txt")
    diff = reportkit.compare(old, new)
    assert pickle.loads(pickle.dumps(old)) == old
    assert pickle.loads(pickle.dumps(diff)) == diff


@pytest.mark.shared
def test_the_whole_shared_corpus_is_read_with_gaps_recorded(shared: Path, full: tuple[Path, Any]) -> None:
    db, summary = full
    files = sorted(str(p.resolve()) for p in (shared / "corpus").rglob("*.txt"))
    assert summary.files == summary.read == len(files) and summary.failed == 0
    assert [p for (p,) in query(db, "SELECT path FROM reports ORDER BY path")] == files
    assert query(db, "SELECT count(*) FROM failures") == [(0,)]
    assert query(db, "SELECT organisation, missing FROM gaps ORDER BY ALL") == [
        ("china-state-council", "2012"), ("tianjin-jinghai", "2021,2022")]
    # each province + state council (12 + 3) + nanchang (4) + yuhuan + jinghai (2) + FreeCAD; never across a gap
    provinces = len(list((shared / "corpus" / "gongzuo" / "provinces").iterdir()))
    assert summary.compared == provinces + 15 + 4 + 1 + 2 + 1
    assert query(db, "SELECT count(*) FROM comparisons WHERE new_year <> old_year + 1") == [(0,)]
    # the year reviewed: the folder layout and the metadata agree (a 2025年…政府工作报告 reviews 2024)
    assert query(db, "SELECT year, year_source, meta_year FROM reports WHERE relpath = 'gongzuo/provinces/anhui/2024.txt'"
                 ) == [(2024, "layout", 2024)]


def _diff_targets(diff: reportkit.ReportDiff) -> list[tuple[Any, ...]]:
    data = json.loads(diff.to_json())  # what `reportkit diff OLD NEW --json` writes
    out = []
    for c in data["commitments"]:
        t, o = c["commitment"]["target"], c["outcome"]
        if t is None:
            continue
        out.append((t["start"], t["end"], t["text"], float(t["value"]), o and o["start"], o and o["end"],
                    o and o["text"], c["status"], c["met"]))
    return sorted(out, key=repr)


@pytest.mark.shared
@pytest.mark.parametrize("province", PROVINCES)
def test_targets_are_those_of_reportkit_diff_json(shared: Path, full: tuple[Path, Any], province: str) -> None:
    db, _ = full
    folder = shared / "corpus" / "gongzuo" / "provinces" / province
    diff = reportkit.compare(reportkit.read(folder / "2024.txt"), reportkit.read(folder / "2025.txt"))
    rows = query(db, "SELECT target_start, target_end, target_text, target_value, outcome_start, outcome_end, "
                     "outcome_text, verdict, met FROM targets WHERE organisation = ?", province)
    assert rows and sorted(rows, key=repr) == _diff_targets(diff)
    assert {p for (p,) in query(db, "SELECT DISTINCT plan_year FROM targets WHERE organisation = ?", province)} == {2025}


def _score_targets(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_targets", shared / "tools" / "score_targets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_targets_score_on_the_province_gold_as_reportkit_diff_does(shared: Path, full: tuple[Path, Any]) -> None:
    db, _ = full
    score = _score_targets(shared).score
    gold_dir = shared / "gold" / "provinces"
    provinces = sorted(p.name.split("-")[0] for p in gold_dir.glob("*-2024-2025.followthrough.json"))
    assert len(provinces) >= 10
    for province in provinces:
        folder = shared / "corpus" / "gongzuo" / "provinces" / province
        diff = json.loads(reportkit.compare(reportkit.read(folder / "2024.txt"),
                                            reportkit.read(folder / "2025.txt")).to_json())
        rows = query(db, "SELECT target_start, target_end, outcome_start, outcome_end, verdict FROM targets "
                         "WHERE organisation = ?", province)
        from_db = {"commitments": [
            {"commitment": {"target": {"start": ts, "end": te}},
             "outcome": {"start": os_, "end": oe} if os_ is not None else None, "status": v}
            for ts, te, os_, oe, v in rows]}
        gold = json.loads((gold_dir / f"{province}-2024-2025.followthrough.json").read_text(encoding="utf-8"))
        assert score(from_db, gold) == score(diff, gold), province


def _doc_queries() -> list[str]:
    text = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    return re.findall(r'con\.sql\("""(.*?)"""\)', text, re.DOTALL)


@pytest.mark.shared
def test_the_three_queries_of_the_docs_give_sensible_rows(full: tuple[Path, Any]) -> None:
    db, _ = full
    growth, stopped, missed = _doc_queries()
    rows = query(db, growth)
    anhui = [(r[1], r[3]) for r in rows if r[0] == "anhui"]
    assert anhui == [(2025, "5.5%以上"), (2026, "5%—5.5%")]  # 2026: the last report's target, no outcome yet
    assert {r[0] for r in rows} >= {"anhui", "beijing", "china-state-council", "guangdong"}
    for r in rows:  # each row leads back to its sentence
        assert reportkit.read(r[8]).text[r[9]:r[10]] == r[3] and r[3] in r[7]
    gone = query(db, stopped)
    assert gone and all(r[5] < r[6] and r[4] >= 2 for r in gone)
    assert all(not query(db, "SELECT 1 FROM series WHERE organisation = ? AND indicator = ? AND year > ?",
                         r[0], r[2], r[5]) for r in gone[:20])
    # no indicator of ../shared is missed two years running; the query is proved on an invented corpus below
    assert query(db, missed) == []


_PLAN = "{year}年主要预期目标是：地区生产总值增长{target}左右，城镇新增就业1万人以上。"


def _invented(folder: Path, outcomes: dict[int, str]) -> None:
    for year, outcome in outcomes.items():
        text = (f"{year + 1}年沙河市政府工作报告\n\n各位代表：\n\n一、{year}年工作回顾\n\n"
                f"过去一年，全市地区生产总值增长{outcome}，城镇新增就业1.2万人。\n\n"
                f"二、{year + 1}年工作安排\n\n" + _PLAN.format(year=year + 1, target="6%") + "\n")
        (folder / "shahe").mkdir(parents=True, exist_ok=True)
        (folder / "shahe" / f"{year}.txt").write_text(text, encoding="utf-8")


def test_the_missed_twice_query_finds_a_target_missed_two_years_running(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    _invented(corpus, {2021: "6.5%", 2022: "4%", 2023: "3%"})
    db = tmp_path / "c.duckdb"
    reportkit.corpus(corpus, db, workers=1)
    missed = query(db, _doc_queries()[2])
    assert [(r[0], r[2], r[4], r[5], r[7]) for r in missed] == [("shahe", 2022, "4%", 2023, "3%")]


@pytest.mark.shared
def test_a_rerun_skips_what_is_there_and_redoes_only_the_pairs_a_change_touches(small: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(small, corpus)
    db = tmp_path / "c.duckdb"
    first = reportkit.corpus(corpus, db, workers=1)
    assert (first.read, first.compared) == (13, 8)  # 2 + 2 + 5 + 4 files; 1 + 1 + 4 + 2 pairs (2020→2023 is a gap)
    before = tables(db)
    again = reportkit.corpus(corpus, db, workers=1)
    assert (again.read, again.skipped, again.compared, again.pairs_skipped) == (0, 13, 0, 8)
    assert tables(db) == before
    changed = corpus / "fazhi" / "jiangxi-nanchang-county" / "2021.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n全年办理行政复议案件12件。\n", encoding="utf-8")
    third = reportkit.corpus(corpus, db, workers=1)
    assert (third.read, third.compared, third.pairs_skipped) == (1, 2, 6)  # 2020→2021 and 2021→2022 only
    after = tables(db)
    assert after["reports"] != before["reports"]
    untouched = [r for r in before["pairs"] if "nanchang" not in r[4]]
    assert [r for r in after["pairs"] if "nanchang" not in r[4]] == untouched
    fresh = tmp_path / "fresh.duckdb"
    reportkit.corpus(corpus, fresh, workers=1)
    assert tables(fresh) == after  # the rerun left what a run from nothing writes


@pytest.mark.shared
def test_a_bad_file_is_a_failure_row_and_the_run_goes_on(small: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(small, corpus)
    bad = corpus / "fazhi" / "jiangxi-nanchang-county"
    (bad / "2024.docx").write_bytes(b"this is not a zip")
    (bad / "2025.pdf").write_bytes(b"%PDF-1.4")
    (bad / "2018.txt").write_bytes(b"")
    db = tmp_path / "c.duckdb"
    summary = reportkit.corpus(corpus, db, workers=2)
    assert summary.failed == 3 and summary.read == 16
    rows = query(db, "SELECT regexp_extract(path, '[^/]+$'), organisation, year, stage, error_class FROM failures "
                     "ORDER BY path")
    assert rows == [("2018.txt", "jiangxi-nanchang-county", 2018, "read", "EmptyInputError"),
                    ("2024.docx", "jiangxi-nanchang-county", 2024, "read", "CorruptFileError"),
                    ("2025.pdf", "jiangxi-nanchang-county", 2025, "read", "UnsupportedFormatError")]
    assert all(m for (m,) in query(db, "SELECT message FROM failures"))
    assert query(db, "SELECT count(*) FROM reports") == [(13,)]
    assert summary.compared == 8


@pytest.mark.shared
def test_an_interrupted_run_keeps_what_it_finished_and_a_rerun_completes_it(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportkit.corpus import run as corpus_run

    db = tmp_path / "c.duckdb"
    real, calls = corpus_run.compare_task, []

    def interrupted(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(corpus_run, "compare_task", interrupted)
    with pytest.raises(KeyboardInterrupt):
        reportkit.corpus(small, db, workers=1)
    assert query(db, "SELECT count(*) FROM comparisons") == [(2,)]
    kept = query(db, "SELECT count(*) FROM reports")[0][0]
    assert kept >= 2
    # every report there is whole: as many metrics rows as its count says
    assert query(db, "SELECT count(*) FROM reports r WHERE metrics <> "
                     "(SELECT count(*) FROM metrics m WHERE m.path = r.path)") == [(0,)]
    monkeypatch.setattr(corpus_run, "compare_task", real)
    rerun = reportkit.corpus(small, db, workers=1)
    assert rerun.skipped == kept and rerun.pairs_skipped == 2
    fresh = tmp_path / "fresh.duckdb"
    reportkit.corpus(small, fresh, workers=1)
    assert tables(db) == tables(fresh)


@pytest.mark.shared
def test_dask_local_writes_the_same_tables(small: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    reportkit.corpus(small, local, workers=2)
    summary = reportkit.corpus(small, dask, dask="local")
    assert summary.where.startswith("Dask local")
    assert tables(dask) == tables(local)


@pytest.mark.shared
def test_parquet_holds_the_same_tables(small: Path, tmp_path: Path) -> None:
    db, folder = tmp_path / "c.duckdb", tmp_path / "parquet"
    reportkit.corpus(small, db, workers=1, parquet=folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    with duckdb.connect() as con:
        for name, rows in tables(db).items():
            assert con.execute(f"SELECT * FROM read_parquet('{folder / name}.parquet') ORDER BY ALL").fetchall() == rows


# -- the command -----------------------------------------------------------------------------------------------


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.shared
def test_the_command_prints_progress_lines_and_a_summary(small: Path, tmp_path: Path) -> None:
    code, out, err = _cli("corpus", str(small), "-o", str(tmp_path / "c.duckdb"), "--workers", "2")
    assert code == 0, err
    assert "13 files (13 read, 0 already there, 0 failed), 8 comparisons" in out
    last = err.strip().splitlines()[-1]  # stderr is not a terminal here: plain lines, no bar
    assert last.startswith("reportkit corpus: reports 13/13  pairs 8/8  failed 0") and "\r" not in err


def test_an_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    _invented(corpus, {2021: "6.5%"})
    target = corpus / "shahe" / "2021.txt"
    code, _, err = _cli("corpus", str(corpus), "-o", str(target))
    assert code == 2 and "is one of the inputs" in err and "Traceback" not in err
    code, _, err = _cli("corpus", str(corpus), "-o", str(tmp_path / "c.duckdb"), "--html", str(corpus / "o.html"))
    assert code == 2 and "inside an input folder" in err
    assert target.read_text(encoding="utf-8").startswith("2022年沙河市")
    code, _, err = _cli("corpus", str(tmp_path / "nowhere"), "-o", str(tmp_path / "c.duckdb"))
    assert code == 3 and "no such folder" in err


@pytest.mark.shared
def test_the_overview_page_is_self_contained_and_escaped(small: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(small, corpus)
    (corpus / "fazhi" / "<script>x" ).mkdir()
    (corpus / "fazhi" / "<script>x" / "2022.docx").write_bytes(b"not a zip")
    page = tmp_path / "overview.html"
    reportkit.corpus(corpus, tmp_path / "c.duckdb", workers=1, html=page, charts=["城镇新增就业"])
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "&lt;script&gt;x" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert html.count("<svg") >= 1 and "城镇新增就业" in html
    assert 'class="cell failed"' in html and 'class="cell gap"' in html
    assert "5.5%以上" in html  # anhui's 2025 growth target, in the targets table


_ENGLISH_WORDS = ("reportkit corpus", "Organisations", "Series", "Targets and what", "Failures", ">organisation<",
                  ">genre<", ">plan year<", ">verdict<", "missing year", "duplicate or unplaced")
_VERDICT_CODES = (">met<", ">missed<", ">not_found<", ">addressed<", ">not found<")


def _text_of(html: str) -> str:
    """What a reader sees: the page without its style sheet, the tags as >…< boundaries kept."""
    return re.sub(r"(?s)<style>.*?</style>", "", html)


@pytest.mark.shared
def test_the_overview_page_of_a_chinese_corpus_is_in_chinese(small: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(small, corpus)
    (corpus / "fazhi" / "broken").mkdir()
    (corpus / "fazhi" / "broken" / "2022.docx").write_bytes(b"not a zip")
    page = tmp_path / "overview.html"
    reportkit.corpus(corpus, tmp_path / "c.duckdb", workers=1, html=page, charts=["城镇新增就业"])
    html = _text_of(page.read_text(encoding="utf-8"))
    assert '<html lang="zh-CN">' in html and "<title>reportkit 语料概览</title>" in html
    for english in (*_ENGLISH_WORDS, *_VERDICT_CODES):
        assert english not in html, english
    # the organisations by the names the reports give (安徽省), the folder only as a tooltip
    assert ">安徽省<" in html and ">北京市<" in html and ">南昌县<" in html and ">anhui<" not in html
    assert 'title="anhui"' in html
    assert ">broken<" in html  # no report names this one: its folder key stands in
    assert ">政府工作报告<" in html and ">法治政府建设年度报告<" in html and ">gongzuo<" not in html
    # the verdicts in the words of reportkit diff, the legend in the diff's order
    assert 'class="met">已完成<' in html and 'class="not_found">未找到<' in html
    legend = re.search(r"<span>已完成 \d+</span><span>未完成 \d+</span><span>有进展 \d+</span><span>未找到 \d+</span>", html)
    assert legend is not None
    assert "机构 × 年度" in html and "目标及其结果" in html and "读取失败" in html
    assert "2024：75.95万" in html  # anhui's new urban jobs, 759,500 people, as a Chinese text writes it


@pytest.mark.shared
def test_the_overview_page_of_an_english_corpus_is_in_english(shared: Path, tmp_path: Path) -> None:
    page = tmp_path / "overview.html"
    reportkit.corpus(shared / "corpus" / "en", tmp_path / "c.duckdb", workers=1, html=page)
    html = _text_of(page.read_text(encoding="utf-8"))
    assert '<html lang="en">' in html and "<title>reportkit corpus</title>" in html
    assert "Organisations × years" in html and "Targets and what became of them" in html
    assert ">FreeCAD Project Association<" in html and ">freecad-fpa<" not in html
    assert ">annual report<" in html
    assert 'class="met">met<' in html and 'class="not_found">not found<' in html
    assert re.search(r"[\u4e00-\u9fff]", html) is None, "a Chinese word on an English page"
    assert "€75,000" in html  # the target, as the report writes it


@pytest.mark.shared
def test_a_corpus_mostly_chinese_gets_a_chinese_page(small: Path, shared: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(small / "fazhi" / "tianjin-jinghai", corpus / "fazhi" / "tianjin-jinghai")
    shutil.copytree(shared / "corpus" / "en", corpus / "en")
    page = tmp_path / "overview.html"
    reportkit.corpus(corpus, tmp_path / "c.duckdb", workers=1, html=page)
    html = page.read_text(encoding="utf-8")  # four Chinese reports, two English ones
    assert '<html lang="zh-CN">' in html and ">FreeCAD Project Association<" in html and ">静海区<" in html
    shutil.rmtree(corpus / "fazhi" / "tianjin-jinghai")
    reportkit.corpus(corpus, tmp_path / "c.duckdb", workers=1, html=page)
    assert '<html lang="en">' in page.read_text(encoding="utf-8")  # the English ones alone


@pytest.mark.shared
def test_a_report_whose_genre_nothing_tells_joins_its_organisations_series(shared: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in" / "guowuyuan"  # no genre in the folder names; 2014-2016 open without 政府工作报告
    folder.mkdir(parents=True)
    for year in range(2013, 2017):
        shutil.copy(shared / "corpus" / "gongzuo" / "china-state-council" / f"{year}.txt", folder)
    db = tmp_path / "c.duckdb"
    assert reportkit.corpus(tmp_path / "in", db, workers=1).compared == 3
    assert query(db, "SELECT DISTINCT genre FROM reports UNION SELECT DISTINCT genre FROM metrics") == [("gongzuo",)]


@pytest.mark.shared
def test_a_worker_that_dies_twice_on_a_file_makes_it_a_failure_row(small: Path, tmp_path: Path) -> None:
    import concurrent.futures as cf
    from concurrent.futures.process import BrokenProcessPool

    from reportkit.corpus.discover import discover
    from reportkit.corpus.executors import InlineExecutor, Runner
    from reportkit.corpus.progress import Progress
    from reportkit.corpus.run import run_corpus
    from reportkit.corpus.store import Store

    pools: list[int] = []

    class DiesOn2020(InlineExecutor):
        """A pool whose worker dies on any 2020 report, as a process killed by the OOM killer would."""

        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
            if isinstance(args[0], str) and args[0].endswith("2020.txt"):
                f: cf.Future[Any] = cf.Future()
                f.set_exception(BrokenProcessPool("a child process terminated abruptly"))
                return f
            return super().submit(fn, *args, **kwargs)

    def make() -> cf.Executor:
        pools.append(1)
        return DiesOn2020()

    store = Store(tmp_path / "c.duckdb")
    entries = discover([small], Layout.parse(None))
    summary = run_corpus(entries, store, Runner(make, 1, where="1 process"), limits=None, progress=Progress(),
                         output="c.duckdb")
    rows = store.con.execute("SELECT regexp_extract(path, '[^/]+/[^/]+$'), error_class, message FROM failures "
                             "ORDER BY ALL").fetchall()
    store.close()
    assert [r[:2] for r in rows] == [("jiangxi-nanchang-county/2020.txt", "BrokenProcessPool"),
                                     ("tianjin-jinghai/2020.txt", "BrokenProcessPool")]
    assert "worker process died" in rows[0][2]
    assert len(pools) == 5  # the first pool, then a fresh one after each of the four deaths
    assert summary.read == 13 and summary.failed == 2
    assert summary.compared == 8 - 2  # nanchang 2019→2020 and 2020→2021 cannot be compared


def test_pairs_follow_the_years_a_gap_is_recorded_and_an_unknown_genre_joins_its_organisation() -> None:
    from reportkit.corpus.discover import plan_bucket

    placed = [("a/2019.txt", "h1", "nanchang", "fazhi", 2019), ("a/2020.txt", "h2", "nanchang", "other", 2020),
              ("a/2021.txt", "h3", "nanchang", "fazhi", 2021), ("a/2021b.txt", "h4", "nanchang", "fazhi", 2021),
              ("a/2024.txt", "h5", "nanchang", "fazhi", 2024), ("a/x.txt", "h6", None, None, None)]
    series = plan_bucket(placed)
    assert series.genres == {"a/2020.txt": "fazhi"}
    assert series.pairs == (("a/2019.txt", "a/2020.txt"), ("a/2020.txt", "a/2021.txt"))
    assert series.duplicates == ("a/2021b.txt",)
    assert [(g[2], g[3], g[4]) for g in series.gaps] == [(2021, 2024, "2022,2023")]
