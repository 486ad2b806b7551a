"""reportkit against difflib.HtmlDiff, like for like, on every consecutive pair of State Council reports.

    python benchmarks/bench_compare.py [CORPUS_DIR] [--runs N] [--no-commands]

CORPUS_DIR defaults to ../shared/corpus/gongzuo/china-state-council (政府工作报告 1999–2016; 2012 is not there,
so 2011→2013 is not a pair).  Both sides do the same work from the same files, N runs each (default 5),
the best and the median CPU time kept:

* in process: reportkit reads both files, compares them and renders the HTML page
  (``read`` + ``compare`` + ``render_html``); the peer splits both files into sentence lines with one regex
  and builds ``difflib.HtmlDiff().make_file`` on them;
* as whole commands, a new Python process each run: ``reportkit diff A B --html OUT --no-summary`` against
  ``python hd.py A B OUT``, a three-line HtmlDiff script (written next to OUT, shown below), with the same
  python and the same environment (bytecode cached, as after ``pip install``; one untimed run of each first).
  Runs alternate between the two so that a busy machine slows both alike.

Each row prints the peer's time over reportkit's (above 1: reportkit is faster); the total row sums the times
over the pairs.  Goals (issue 15): whole command faster on every pair and ≥ 2× summed; in process ≥ 20× summed.

A third table times what ``reportkit diff --json --html --xlsx --docx`` writes for each pair, every output on its
own and all four together (goal ≤ 0.3 s a pair).
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gongzuo" / "china-state-council"
GOAL_COMMAND = 2.0
GOAL_IN_PROCESS = 20.0
GOAL_OUTPUTS_S = 0.3
_SENTENCE = r"[^。！？；\n]+[。！？；]?"
PEER_SCRIPT = f"""import difflib, re, sys
old, new = (re.findall(r"{_SENTENCE}", open(p, encoding="utf-8").read()) for p in sys.argv[1:3])
open(sys.argv[3], "w", encoding="utf-8").write(difflib.HtmlDiff().make_file(old, new))
"""


def pairs_of(folder: Path) -> list[tuple[Path, Path]]:
    """Consecutive years only: a missing year is not bridged."""
    files = sorted(folder.glob("*.txt"), key=lambda p: p.stem)
    return [(a, b) for a, b in itertools.pairwise(files) if int(b.stem) - int(a.stem) == 1]


def cpu_times(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        c = time.process_time()
        fn()
        out.append(time.process_time() - c)
    return out


# Both commands run as an installed program does: with its bytecode cached.  A PYTHONDONTWRITEBYTECODE in the
# caller's environment would make every run compile reportkit's sources again (about 0.2 s a run) while the
# standard library that the peer uses has its bytecode from the Python install; so it is left out for both.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def child_cpu(cmd: list[str]) -> float:
    """CPU seconds (user + system) of one command run to the end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=CHILD_ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def in_process(pairs: list[tuple[Path, Path]], runs: int) -> None:
    import reportkit
    from reportkit.render.html import render_html

    def ours(a: Path, b: Path) -> None:
        render_html(reportkit.compare(reportkit.read(a), reportkit.read(b)))

    def peer(a: Path, b: Path) -> None:
        old, new = (re.findall(_SENTENCE, p.read_text(encoding="utf-8")) for p in (a, b))
        difflib.HtmlDiff().make_file(old, new)

    ours(*pairs[0])  # imports, compiled patterns and the template: a long-running process pays them once
    print(f"in process, CPU ms, best / median of {runs} (read + compare + HTML page vs HtmlDiff.make_file)")
    print(f"{'pair':<12}{'reportkit':>18}{'HtmlDiff':>20}{'ratio':>8}")
    total = [0.0, 0.0]
    for a, b in pairs:
        rk = cpu_times(lambda a=a, b=b: ours(a, b), runs)
        hd = cpu_times(lambda a=a, b=b: peer(a, b), runs)
        total[0] += min(rk)
        total[1] += min(hd)
        print(f"{a.stem + '→' + b.stem:<12}{_ms(rk):>18}{_ms(hd):>20}{min(hd) / min(rk):>8.1f}")
    ratio = total[1] / total[0]
    print(f"{'total':<12}{total[0] * 1000:>18.0f}{total[1] * 1000:>20.0f}{ratio:>8.1f}")
    verdict = "met" if ratio >= GOAL_IN_PROCESS else "NOT met"
    print(f"goal: ≥ {GOAL_IN_PROCESS:.0f}× summed ({ratio:.1f}×): {verdict}")


def commands(pairs: list[tuple[Path, Path]], runs: int) -> None:
    exe = Path(sys.executable).with_name("reportkit")
    ours_cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "reportkit.cli"]
    print(f"whole commands, CPU ms, best / median of {runs}, alternating:")
    print(f"  reportkit: {' '.join(ours_cmd)} diff A B --html OUT --no-summary")
    print(f"  HtmlDiff:  {sys.executable} hd.py A B OUT, hd.py being")
    print("".join("    " + line + "\n" for line in PEER_SCRIPT.splitlines()), end="")
    print(f"{'pair':<12}{'reportkit':>18}{'HtmlDiff':>20}{'ratio':>8}")
    total = [0.0, 0.0]
    slower = 0
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "hd.py"
        script.write_text(PEER_SCRIPT, encoding="utf-8")
        out_rk, out_hd = os.path.join(tmp, "rk.html"), os.path.join(tmp, "hd.html")
        # the first run of a fresh install writes bytecode (pip does it on install): one untimed run of each side
        first_a, first_b = pairs[0]
        child_cpu(ours_cmd + ["diff", str(first_a), str(first_b), "--html", out_rk, "--no-summary"])
        child_cpu([sys.executable, str(script), str(first_a), str(first_b), out_hd])
        for a, b in pairs:
            rk: list[float] = []
            hd: list[float] = []
            for _ in range(runs):
                rk.append(child_cpu(ours_cmd + ["diff", str(a), str(b), "--html", out_rk, "--no-summary"]))
                hd.append(child_cpu([sys.executable, str(script), str(a), str(b), out_hd]))
            total[0] += min(rk)
            total[1] += min(hd)
            slower += min(rk) >= min(hd)
            print(f"{a.stem + '→' + b.stem:<12}{_ms(rk):>18}{_ms(hd):>20}{min(hd) / min(rk):>8.2f}")
    ratio = total[1] / total[0]
    print(f"{'total':<12}{total[0] * 1000:>18.0f}{total[1] * 1000:>20.0f}{ratio:>8.2f}")
    ok = slower == 0 and ratio >= GOAL_COMMAND
    print(f"goal: faster on every pair (slower or equal on {slower} of {len(pairs)}) and ≥ {GOAL_COMMAND:.0f}× summed "
          f"({ratio:.2f}×): " + ("met" if ok else "NOT met"))


def time_outputs(pairs: list[tuple[Path, Path]]) -> None:
    """Milliseconds to write each output of ``reportkit diff`` for every pair (best of five, in one process, so
    imports and first-call set-up are not counted); the goal is ≤ 0.3 s a pair for all four."""
    import reportkit
    from reportkit.render import write

    def json_writer(diff: reportkit.ReportDiff, path: Path) -> None:
        path.write_text(diff.to_json(), encoding="utf-8")  # what the CLI writes

    writers: dict[str, Callable[[reportkit.ReportDiff, Path], None]] = {
        "json": json_writer, "html": write, "xlsx": write, "docx": write,
    }
    print("writing the outputs of `reportkit diff`, CPU ms, best of 5 (in one process)")
    print(f"{'pair':<12}" + "".join(f"{name + ' ms':>10}" for name in writers) + f"{'all ms':>10}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for a, b in pairs:
            diff = reportkit.compare(reportkit.read(a), reportkit.read(b))
            for name, fn in writers.items():  # first calls build caches (templates, cattrs hooks)
                fn(diff, Path(tmp) / f"warm.{name}")
            times = []
            for name, fn in writers.items():
                best = float("inf")
                for _ in range(5):
                    t = time.process_time()
                    fn(diff, Path(tmp) / f"diff.{name}")
                    best = min(best, time.process_time() - t)
                times.append(best * 1000)
            worst = max(worst, sum(times))
            print(f"{a.stem + '→' + b.stem:<12}" + "".join(f"{t:>10.0f}" for t in times) + f"{sum(times):>10.0f}")
    print(f"goal: all outputs ≤ {GOAL_OUTPUTS_S * 1000:.0f} ms a pair (worst {worst:.0f}): "
          + ("met" if worst <= GOAL_OUTPUTS_S * 1000 else "NOT met"))


def _ms(times: list[float]) -> str:
    return f"{min(times) * 1000:.0f} / {statistics.median(times) * 1000:.0f}"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-commands", action="store_true", help="leave out the whole-command table")
    ap.add_argument("--no-outputs", action="store_true", help="leave out the table of output writing times")
    args = ap.parse_args(argv[1:])
    pairs = pairs_of(Path(args.folder))
    if not pairs:
        print(f"{args.folder}: no consecutive years of .txt reports", file=sys.stderr)
        return 0 if not Path(args.folder).exists() else 2
    in_process(pairs, args.runs)
    if not args.no_commands:
        print()
        commands(pairs, args.runs)
    if not args.no_outputs:
        print()
        time_outputs(pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
