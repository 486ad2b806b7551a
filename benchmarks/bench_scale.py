"""How each stage of parse and compare grows with the input, beside difflib.SequenceMatcher on the same pair.

    python benchmarks/bench_scale.py [--max SIZE] [--no-mb] [--peer-max SIZE]

The inputs are real reports from ../shared/corpus, concatenated: the old side is last year's reports one
after another (政府工作报告 of the State Council and the provinces, 法治政府建设年度报告), the new side their
next years in the same order, each under a 第N部分 heading of its own, so sections, sentences, metrics and
commitments all grow as the text does; past the corpus's own size the list starts again.  Two series:

* 20k, 100k, 500k and 2M characters a side: every parse stage (parse/pipeline.py) and every compare stage
  (as comparison/diff.py runs them, the cyclic garbage collector off as there) timed (CPU seconds), with the
  peak resident memory of each, and the log-log slope of each stage's time over the series (goal ≤ 1.2: no
  stage worse than linear);
* 0.1, 1, 5 and 20 MB a side (UTF-8): parse and compare time and peak memory (goal: the 20 MB pair compares
  under 2 GB).

Each size runs in its own process; peak memory is the resident set's high-water mark (VmHWM, reset before
each stage through /proc/self/clear_refs), so it counts everything alive during the stage, the two parsed
reports included.  The peer, ``difflib.SequenceMatcher(None, old_lines, new_lines).get_opcodes()`` on the
same sentence lines, runs in the same process after reportkit (skipped above ``--peer-max``, default 2M
characters: past that it takes minutes).  ``--max`` stops both series at a size (e.g. ``--max 500k``); the
full run takes several minutes.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import itertools
import json
import math
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
CHAR_SIZES = [20_000, 100_000, 500_000, 2_000_000]
MB_SIZES = [0.1, 1.0, 5.0, 20.0]
SLOPE_GOAL = 1.2
MEMORY_GOAL_MB = 2048


def report_pairs() -> list[tuple[Path, Path]]:
    """(last year, this year) for every report pair of the corpus."""
    corpus = SHARED / "corpus"
    pairs: list[tuple[Path, Path]] = []
    sc = sorted((corpus / "gongzuo" / "china-state-council").glob("*.txt"))
    pairs += [(a, b) for a, b in itertools.pairwise(sc) if int(b.stem) - int(a.stem) == 1]
    for prov in sorted((corpus / "gongzuo" / "provinces").iterdir()):
        if (prov / "2024.txt").exists() and (prov / "2025.txt").exists():
            pairs.append((prov / "2024.txt", prov / "2025.txt"))
    for place in sorted((corpus / "fazhi").iterdir()):
        years = sorted(place.glob("*.txt"))
        pairs += [(a, b) for a, b in itertools.pairwise(years)]
    return pairs


def _one_of_many(text: str) -> str:
    """A report as one part of a long document: without its licence notice (which closes a file) and without the
    salutations that frame a speech (各位代表：… 各位代表！), so the document is read as one report whose sections,
    sentences and metrics grow with it, not as the first report and an appendix."""
    cut = text.find("本作品是中华人民共和国的")
    if cut >= 0:
        text = text[:cut]
    return text.replace("各位代表", "代表们")


def build_pair(size: int, *, in_bytes: bool = False) -> tuple[str, str]:
    """Two texts of about ``size`` characters (or UTF-8 bytes) each: whole reports, the last one cut at a line."""
    texts = [(_one_of_many(a.read_text(encoding="utf-8")), _one_of_many(b.read_text(encoding="utf-8")))
             for a, b in report_pairs()]

    def measure(s: str) -> int:
        return len(s.encode("utf-8")) if in_bytes else len(s)

    old: list[str] = []
    new: list[str] = []
    got = 0
    k = 0
    while got < size:
        a, b = texts[k % len(texts)]
        k += 1
        # each report under a heading of its own (第十二部分 …), so that sections grow with the text: without it
        # the parser reads the later reports' 一、二、… as a list that has run past its end
        part = f"第{_chinese(k)}部分 "
        a, b = part + a.lstrip().split("\n", 1)[0][:30] + "\n" + a, part + b.lstrip().split("\n", 1)[0][:30] + "\n" + b
        room = size - got
        if measure(a) > room:  # the last report: as much of it as fits, cut at a line end, and as much of b
            share = room / measure(a)
            cut_a = a.rfind("\n", 0, int(len(a) * share)) + 1 or int(len(a) * share)
            cut_b = b.rfind("\n", 0, int(len(b) * share)) + 1 or int(len(b) * share)
            a, b = a[:cut_a], b[:cut_b]
            if not a:
                break
        old.append(a)
        new.append(b)
        got += measure(a) + 2
    return "\n\n".join(old), "\n\n".join(new)


def _chinese(n: int) -> str:
    """1 → 一, 12 → 十二, 305 → 三百零五 (up to 9999)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return digits[n // 100] + "百" + ("" if not rest else ("零" + digits[rest] if rest < 10 else _chinese(rest)))
    rest = n % 1000
    return digits[n // 1000] + "千" + ("" if not rest else ("零" + _chinese(rest) if rest < 100 else _chinese(rest)))


def _rss_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # resets VmHWM to the current resident size (Linux ≥ 4.0)
    except OSError:
        pass


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """The result, the CPU seconds and the peak resident MB of one call (CPU time: other work on the machine
    does not inflate it)."""
    gc.collect()
    _reset_peak()
    t = time.process_time()
    out = fn()
    return out, time.process_time() - t, _rss_mb("VmHWM")


def run_one(size: int, in_bytes: bool, peer: bool) -> dict[str, Any]:
    """Every stage of parsing and comparing one pair of ``size``: {stage: [seconds, peak MB]}."""
    from reportkit.blocks import SourceText
    from reportkit.comparison.align import sentences_of
    from reportkit.comparison.diff import collections_put_off
    from reportkit.model import Report, ReportMeta
    from reportkit.parse.pipeline import PIPELINE

    old_text, new_text = build_pair(size, in_bytes=in_bytes)
    stages: dict[str, list[float]] = {}

    def add(name: str, seconds: float, peak: float) -> None:
        s = stages.setdefault(name, [0.0, 0.0])
        s[0] += seconds
        s[1] = max(s[1], peak)

    reports = []
    for text in (old_text, new_text):
        source = SourceText(text=text, format="text")
        report = Report(meta=ReportMeta(source_format="text"), text=text)
        for name, stage in PIPELINE:
            report, sec, peak = timed(lambda st=stage, r=report, so=source: st(r, so))
            add("parse." + name, sec, peak)
        reports.append(report)
    old, new = reports
    so, sn = sentences_of(old), sentences_of(new)
    with collections_put_off():  # as compare_reports runs the stages
        _compare_stages(old, new, so, sn, add)
    counts = {
        "chars": [len(old.text), len(new.text)],
        "sentences": [len(so), len(sn)],
        "sections": [sum(1 for _ in _walk(old.sections)), sum(1 for _ in _walk(new.sections))],
        "metrics": [len(old.metrics), len(new.metrics)],
        "commitments": [len(old.commitments), len(new.commitments)],
    }
    if peer:
        lines_o, lines_n = [s.text for s in so], [s.text for s in sn]
        _, sec, peak = timed(lambda: difflib.SequenceMatcher(None, lines_o, lines_n).get_opcodes())
        stages["peer.SequenceMatcher"] = [sec, peak]
    return {"size": size, "bytes": in_bytes, "stages": stages, "counts": counts}


def _compare_stages(
    old: Any, new: Any, so: Any, sn: Any, add: Callable[[str, float, float], None]
) -> None:
    """The steps of comparison/diff.py compare_reports, one at a time (Chinese reports: no word codes)."""
    from reportkit.comparison.align import align_sections, match_sentences, tag_sentences
    from reportkit.comparison.followthrough import follow_commitments
    from reportkit.comparison.metrics import pair_metrics
    from reportkit.comparison.scores import TextProfile, span_scores
    from reportkit.comparison.stated import check_stated_changes

    matches, sec, peak = timed(lambda: match_sentences([s.text for s in so], [s.text for s in sn]))
    add("compare.match_sentences", sec, peak)
    profiles, sec, peak = timed(lambda: TextProfile.pair(old.text, new.text))
    add("compare.profiles", sec, peak)
    (sections, section_map), sec, peak = timed(lambda: align_sections(old, new, so, sn, matches, profiles))
    add("compare.align_sections", sec, peak)
    _, sec, peak = timed(lambda: tag_sentences(so, sn, matches, section_map if sections else None))
    add("compare.tag_sentences", sec, peak)
    metric_pairs, sec, peak = timed(lambda: pair_metrics(old, new, section_map=section_map))
    add("compare.pair_metrics", sec, peak)

    def report_scores() -> object:
        shared = sum(sim * (len(so[i].text) + len(sn[j].text)) for i, j, sim in matches)
        total = sum(len(s.text) for s in so) + sum(len(s.text) for s in sn)
        return span_scores(profiles[0], profiles[1], (0, len(old.text)), (0, len(new.text)), shared / total)

    _, sec, peak = timed(report_scores)
    add("compare.report_scores", sec, peak)
    _, sec, peak = timed(lambda: check_stated_changes(new, metric_pairs))
    add("compare.stated_changes", sec, peak)
    _, sec, peak = timed(lambda: follow_commitments(old, new, metric_pairs))
    add("compare.follow_commitments", sec, peak)


def _walk(sections: Any) -> Any:
    for s in sections:
        yield s
        yield from _walk(s.children)


def in_child(size: int, in_bytes: bool, peer: bool) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--one", str(size)] + (["--bytes"] if in_bytes else []) + (
        ["--peer"] if peer else []
    )
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of log(y) over log(x)."""
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-6)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    den = sum((x - mx) ** 2 for x in lx)
    return sum((x - mx) * (y - my) for x, y in zip(lx, ly, strict=True)) / den if den else float("nan")


def parse_size(text: str) -> float:
    text = text.lower().strip()
    scale = {"k": 1e3, "m": 1e6}.get(text[-1:], 1.0)
    return float(text[:-1] if text[-1:] in "km" else text) * scale


# what each stage works through, for its cost per element (the text's characters where not listed)
_ELEMENTS = {
    "compare.match_sentences": "sentences", "compare.tag_sentences": "sentences", "compare.profiles": "sentences",
    "compare.align_sections": "sentences", "compare.pair_metrics": "metrics", "compare.stated_changes": "metrics",
    "compare.follow_commitments": "commitments", "parse.commitments": "chars", "peer.SequenceMatcher": "sentences",
}
_FLOOR = 0.005  # seconds: below this a timing is noise, and left out of the slopes


def show_chars(runs: list[dict[str, Any]]) -> None:
    sizes = [r["size"] for r in runs]
    names = list(runs[0]["stages"])
    head = "".join(f"{_label(s):>16}" for s in sizes)
    print(f"{'stage (CPU s / peak MB)':<28}{head}{'slope':>8}{'/elem':>7}")
    worst = 0.0
    for name in names:
        cells = "".join(
            f"{r['stages'][name][0]:>8.3f}{r['stages'][name][1]:>7.0f}MB" if name in r["stages"] else f"{'-':>16}"
            for r in runs
        )
        kept = [r for r in runs if name in r["stages"] and r["stages"][name][0] >= _FLOOR]
        ys = [r["stages"][name][0] for r in kept]
        s = slope([r["size"] for r in kept], ys) if len(ys) >= 2 else float("nan")
        # the slope over the number of things the stage handles (commitments grow faster than the text here)
        what = _ELEMENTS.get(name, "chars")
        per = slope([sum(r["counts"][what]) for r in kept], ys) if len(ys) >= 2 else float("nan")
        if not name.startswith("peer.") and not math.isnan(s):
            worst = max(worst, s)
        print(f"{name:<28}{cells}{s:>8.2f}{per:>7.2f}")
    for key in ("chars", "sentences", "sections", "metrics", "commitments"):
        print(f"{'  ' + key + ' (old/new)':<28}" + "".join(
            f"{'/'.join(str(v) for v in r['counts'][key]):>16}" for r in runs))
    if len(runs) >= 2:
        print(f"slope: of log time over log characters, timings under {_FLOOR * 1000:.0f} ms left out; /elem: over"
              " the stage's own elements (sentences, metrics, commitments)")
        print(f"goal: every stage's slope ≤ {SLOPE_GOAL} (worst {worst:.2f}): "
              + ("met" if worst <= SLOPE_GOAL else "NOT met"))


def show_mb(runs: list[dict[str, Any]]) -> None:
    print(f"{'pair (a side)':<16}{'chars':>10}{'parse s':>10}{'parse MB':>10}{'compare s':>11}{'compare MB':>12}"
          f"{'peer s':>9}")
    for r in runs:
        st = r["stages"]
        parse = [v for k, v in st.items() if k.startswith("parse.")]
        comp = [v for k, v in st.items() if k.startswith("compare.")]
        peer = st.get("peer.SequenceMatcher")
        print(f"{r['size'] / 1e6:>6.1f} MB{'':<7}{r['counts']['chars'][0]:>10}"
              f"{sum(v[0] for v in parse):>10.2f}{max(v[1] for v in parse):>10.0f}"
              f"{sum(v[0] for v in comp):>11.2f}{max(v[1] for v in comp):>12.0f}"
              f"{(peer[0] if peer else float('nan')):>9.2f}")
    last = runs[-1]
    peak = max(v[1] for k, v in last["stages"].items() if k.startswith("compare."))
    if last["size"] >= 20e6:
        print(f"goal: the 20 MB pair compares under {MEMORY_GOAL_MB} MB (peak {peak:.0f} MB): "
              + ("met" if peak < MEMORY_GOAL_MB else "NOT met"))


def _label(size: int) -> str:
    return f"{size / 1e6:g}M" if size >= 1e6 else f"{size / 1e3:g}k"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max", default="20m", help="largest size to run, in characters or MB (e.g. 500k, 5m)")
    ap.add_argument("--peer-max", default="2m", help="largest size (characters) SequenceMatcher runs on")
    ap.add_argument("--no-mb", action="store_true", help="skip the 0.1–20 MB series")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--bytes", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--peer", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv[1:])
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.bytes, args.peer)))
        return 0
    if not (SHARED / "corpus").is_dir():
        print("../shared is not here: nothing to measure", file=sys.stderr)
        return 0
    top, peer_top = parse_size(args.max), parse_size(args.peer_max)
    runs = []
    for size in CHAR_SIZES:
        if size > top:
            break
        runs.append(in_child(size, False, size <= peer_top))
        print(f"  {_label(size)} characters done", file=sys.stderr, flush=True)
    if runs:
        show_chars(runs)
    if args.no_mb:
        return 0
    print()
    mb_runs = []
    for mb in MB_SIZES:
        size = int(mb * 1e6)
        if size > top * (3 if top < 1e6 else 1):  # --max 500k still allows the 0.1 and 1 MB pairs
            break
        mb_runs.append(in_child(size, True, size / 3 <= peer_top))
        print(f"  {mb:g} MB done", file=sys.stderr, flush=True)
    if mb_runs:
        show_mb(mb_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
