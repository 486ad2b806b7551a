"""Time reportkit.compare against difflib.HtmlDiff on the same report pairs.

    python benchmarks/bench_compare.py [CORPUS_DIR]

CORPUS_DIR defaults to ../shared/corpus/gongzuo/china-state-council (the 政府工作报告 2013–2016); every
consecutive pair of years is compared.  Parsing is done first and not timed: the figures are for
``compare`` alone (best of several runs) and for ``difflib.HtmlDiff().make_file`` on the same sentence
lines, plus the peak memory of one comparison (tracemalloc).  Goals: compare ≤ 50 ms on every pair and
≥ 20× faster than HtmlDiff summed over the pairs.
"""

from __future__ import annotations

import difflib
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Callable

import reportkit
from reportkit.compare.align import sentences_of

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gongzuo" / "china-state-council"
GOAL_MS = 50.0
GOAL_RATIO = 20.0


def best_of(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best * 1000


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT
    files = sorted(folder.glob("*.txt"))
    if len(files) < 2:
        print(f"{folder}: need at least two .txt reports", file=sys.stderr)
        return 2
    reports = [reportkit.read(f) for f in files]
    reportkit.compare(reports[0], reports[1])  # warm caches and imports once
    total_rk = total_hd = 0.0
    worst = 0.0
    print(f"{'pair':<14}{'compare ms':>12}{'HtmlDiff ms':>13}{'ratio':>8}{'peak MiB':>10}")
    for (fa, a), (fb, b) in zip(zip(files, reports), zip(files[1:], reports[1:])):
        old_lines = [s.text for s in sentences_of(a)]
        new_lines = [s.text for s in sentences_of(b)]
        rk = best_of(lambda a=a, b=b: reportkit.compare(a, b), 5)
        hd = best_of(lambda o=old_lines, n=new_lines: difflib.HtmlDiff().make_file(o, n), 1)
        tracemalloc.start()
        reportkit.compare(a, b)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        total_rk += rk
        total_hd += hd
        worst = max(worst, rk)
        print(f"{fa.stem + '→' + fb.stem:<14}{rk:>12.1f}{hd:>13.1f}{hd / rk:>8.1f}{peak:>10.1f}")
    ratio = total_hd / total_rk
    print(f"{'total':<14}{total_rk:>12.1f}{total_hd:>13.1f}{ratio:>8.1f}")
    ok = worst <= GOAL_MS and ratio >= GOAL_RATIO
    print(f"goal: every pair ≤ {GOAL_MS:.0f} ms (worst {worst:.1f}), ≥ {GOAL_RATIO:.0f}× HtmlDiff ({ratio:.1f}×): "
          + ("met" if ok else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
