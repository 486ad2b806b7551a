"""Scores on the 15 provinces of ../shared (2025 main targets → outcomes, section trees, judged metric pairs).

    python benchmarks/province_scores.py [SHARED_DIR]

Runs what ``reportkit diff OLD NEW --json`` and ``reportkit parse FILE --json`` write through the shared
scorers, exactly as

    python ../shared/tools/score_targets.py DIFFDIR ../shared/gold/provinces PROVINCE...
    python ../shared/tools/score.py PRED.json ../shared/gold/provinces/<province>-<year> ...
    python ../shared/tools/score_pairs.py DIFF.json JUDGED.json ...

and prints the targets figures for all 15, for the provinces the rules were written on, and for the check
split (HELD_OUT: provinces never looked at while writing rules), so a rule that only fits the reports it was
written for shows as a gap between the two. A measurement, not a test: it prints and exits 0.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
from pathlib import Path

from dev_scores import _load  # the scorers in ../shared/tools, loaded as dev_scores loads them

import reportkit

DEFAULT = Path(__file__).resolve().parents[2] / "shared"
HELD_OUT = ("hubei", "guizhou", "heilongjiang", "hunan")


def _last_line(fn: object, *args: object) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        fn(*args)  # type: ignore[operator]
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else DEFAULT
    gold = shared / "gold" / "provinces"
    corpus = shared / "corpus" / "gongzuo" / "provinces"
    tools = shared / "tools"
    provinces = sorted(p.name for p in corpus.iterdir() if (gold / f"{p.name}-2024-2025.followthrough.json").exists())
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for p in provinces:
            diff = reportkit.compare(reportkit.read(corpus / p / "2024.txt"), reportkit.read(corpus / p / "2025.txt"))
            (d / f"{p}.json").write_text(diff.to_json(), encoding="utf-8")
        targets = _load(tools / "score_targets.py")
        dev = [p for p in provinces if p not in HELD_OUT]
        held = [p for p in provinces if p in HELD_OUT]
        print(f"targets, all {len(provinces)}:      {_last_line(targets.main, str(d), str(gold), provinces)}")
        print(f"targets, written on ({len(dev)}): {_last_line(targets.main, str(d), str(gold), dev)}")
        print(f"targets, held out ({len(held)}):   {_last_line(targets.main, str(d), str(gold), held)}")
        trees = []
        for g in sorted(gold.glob("*.structure.json")):
            key = g.name.removesuffix(".structure.json")
            province, year = key.rsplit("-", 1)
            pred = d / f"s-{key}.json"
            pred.write_text(reportkit.read(corpus / province / f"{year}.txt").to_json(), encoding="utf-8")
            trees += [str(pred), str(gold / key)]
        score = _load(tools / "score.py")
        with contextlib.redirect_stdout(io.StringIO()) as out:
            score.main(["score.py", *trees])
        print(f"section trees ({len(trees) // 2}):   {out.getvalue().splitlines()[0].strip()}")
        judged = []
        for g in sorted(gold.glob("*.pairs-judged.json")):
            p = g.name.removesuffix("-2024-2025.pairs-judged.json")
            judged += [str(d / f"{p}.json"), str(g)]
        pairs = _load(tools / "score_pairs.py")
        with contextlib.redirect_stdout(io.StringIO()) as out:
            pairs.main(judged)
        print(f"judged pairs ({len(judged) // 2}):     {out.getvalue().splitlines()[-1].strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
