"""Time reportkit.compare against difflib.HtmlDiff on the same report pairs.

    python benchmarks/bench_compare.py [CORPUS_DIR]

CORPUS_DIR defaults to ../shared/corpus/gongzuo/china-state-council (the 政府工作报告 2013–2016); every
consecutive pair of years is compared.  Parsing is done first and not timed: the figures are for
``compare`` alone (best of fifteen runs) and for ``difflib.HtmlDiff().make_file`` on the same sentence
lines (best of three), wall clock and CPU time (the CPU figures stay put when other work shares the
machine), plus the peak memory of one comparison (tracemalloc).  Goals: compare ≤ 50 ms on every pair and
≥ 20× faster than HtmlDiff summed over the pairs.

A second table times what ``reportkit diff --json --html --xlsx --docx`` writes for each pair, every output
on its own and all four together (best of five, in one process, so imports and first-call set-up are not
counted); the goal is ≤ 0.3 s a pair.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import reportkit
from reportkit.comparison.align import sentences_of

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gongzuo" / "china-state-council"
GOAL_MS = 50.0
GOAL_RATIO = 20.0
GOAL_OUTPUTS_S = 0.3


def best_of(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Best wall-clock and best CPU milliseconds over ``runs`` calls (CPU time shrugs off a busy machine)."""
    wall = cpu = float("inf")
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    return wall * 1000, cpu * 1000


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT
    files = sorted(folder.glob("*.txt"))
    if len(files) < 2:
        print(f"{folder}: need at least two .txt reports", file=sys.stderr)
        return 2
    reports = [reportkit.read(f) for f in files]
    reportkit.compare(reports[0], reports[1])  # warm caches and imports once
    total_rk = total_hd = total_rk_cpu = total_hd_cpu = 0.0
    worst = 0.0
    print(
        f"{'pair':<14}{'compare ms':>12}{'HtmlDiff ms':>13}{'ratio':>8}{'cpu ms':>9}{'cpu ratio':>10}{'peak MiB':>10}"
    )
    pairs = zip(zip(files, reports, strict=True), zip(files[1:], reports[1:], strict=True), strict=False)
    for (fa, a), (fb, b) in pairs:
        old_lines = [s.text for s in sentences_of(a)]
        new_lines = [s.text for s in sentences_of(b)]
        rk, rk_cpu = best_of(lambda a=a, b=b: reportkit.compare(a, b), 15)
        hd, hd_cpu = best_of(lambda o=old_lines, n=new_lines: difflib.HtmlDiff().make_file(o, n), 3)
        tracemalloc.start()
        reportkit.compare(a, b)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        total_rk, total_hd = total_rk + rk, total_hd + hd
        total_rk_cpu, total_hd_cpu = total_rk_cpu + rk_cpu, total_hd_cpu + hd_cpu
        worst = max(worst, rk)
        print(
            f"{fa.stem + '→' + fb.stem:<14}{rk:>12.1f}{hd:>13.1f}{hd / rk:>8.1f}"
            f"{rk_cpu:>9.1f}{hd_cpu / rk_cpu:>10.1f}{peak:>10.1f}"
        )
    ratio = total_hd / total_rk
    print(
        f"{'total':<14}{total_rk:>12.1f}{total_hd:>13.1f}{ratio:>8.1f}"
        f"{total_rk_cpu:>9.1f}{total_hd_cpu / total_rk_cpu:>10.1f}"
    )
    ok = worst <= GOAL_MS and ratio >= GOAL_RATIO
    print(
        f"goal: every pair ≤ {GOAL_MS:.0f} ms (worst {worst:.1f}), ≥ {GOAL_RATIO:.0f}× HtmlDiff ({ratio:.1f}×): "
        + ("met" if ok else "NOT met")
    )
    print()
    time_outputs(files, reports)
    return 0


def time_outputs(files: list[Path], reports: list[reportkit.Report]) -> None:
    """Milliseconds to write each output of ``reportkit diff`` for every consecutive pair."""
    from reportkit.render import write

    def json_writer(diff: reportkit.ReportDiff, path: Path) -> None:
        path.write_text(diff.to_json(), encoding="utf-8")  # what the CLI writes

    writers: dict[str, Callable[[reportkit.ReportDiff, Path], None]] = {
        "json": json_writer, "html": write, "xlsx": write, "docx": write,
    }
    print(f"{'pair':<14}" + "".join(f"{name + ' ms':>10}" for name in writers) + f"{'all ms':>10}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for (fa, a), (fb, b) in zip(zip(files, reports, strict=True), zip(files[1:], reports[1:], strict=True),
                                    strict=False):
            diff = reportkit.compare(a, b)
            for name, fn in writers.items():  # first calls build caches (templates, cattrs hooks)
                fn(diff, Path(tmp) / f"warm.{name}")
            times = [best_of(lambda fn=fn, n=name, d=diff: fn(d, Path(tmp) / f"diff.{n}"), 5)[0]
                     for name, fn in writers.items()]
            worst = max(worst, sum(times))
            print(f"{fa.stem + '→' + fb.stem:<14}" + "".join(f"{t:>10.0f}" for t in times) + f"{sum(times):>10.0f}")
    print(f"goal: all outputs ≤ {GOAL_OUTPUTS_S * 1000:.0f} ms a pair (worst {worst:.0f}): "
          + ("met" if worst <= GOAL_OUTPUTS_S * 1000 else "NOT met"))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
