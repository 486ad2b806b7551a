"""Parse throughput over ../shared/corpus, in MB/s of text, with a plain ``re.split`` peer.

    python benchmarks/bench_parse.py [CORPUS_DIR] [--repeat N]

Three rows, each the median of N runs over every file of the corpus (sizes summed, as UTF-8):
  structure+sentences  the pipeline's stages up to ``sentences`` (meta, sections, parts, sentences)
  full parse           reportkit.parse_text (all stages, metrics and commitments included)
  peer re.split        a one-regex sentence splitter (what the sentences stage must not be far behind)
plus one synthetic 5 MB single-line report (the seed repeated), to show the stages stay linear.
Goals: ≥ 2 MB/s structure+sentences, ≥ 1 MB/s full parse. Exits 0 when ../shared is absent (skipped).
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import reportkit
from reportkit.blocks import SourceText
from reportkit.model import Report, ReportMeta
from reportkit.parse.pipeline import PIPELINE
from reportkit.parse.structure import sections as structure
from reportkit.parse.text import facts as text_problems

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOALS = {"structure+sentences": 2.0, "full parse": 1.0}
_PEER = re.compile(r"(?<=[。！？；!?;])|\n")


def up_to_sentences(text: str) -> Report:
    source = SourceText(text=text, format="text")
    report = Report(meta=ReportMeta(source_format="text"), text=text)
    for name, stage in PIPELINE:
        report = stage(report, source)
        if name == "sentences":
            break
    return report


def peer_split(text: str) -> list[str]:
    return [s for s in _PEER.split(text) if s.strip()]


def median_seconds(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        structure.build_sections.cache_clear()  # measure the work, not the caches stages share
        text_problems.is_english.cache_clear()
        t = time.perf_counter()
        for text in texts:
            fn(text)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    repeat = 5
    if "--repeat" in argv:
        repeat = int(argv[argv.index("--repeat") + 1])
        args = [a for a in args if a != str(repeat)]
    corpus = Path(args[0]) if args else SHARED / "corpus"
    files = sorted(corpus.rglob("*.txt")) if corpus.is_dir() else []
    if not files:
        print(f"skipped: no corpus at {corpus}")
        return 0
    texts = [f.read_text(encoding="utf-8") for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(files)} files, {mb:.3f} MB of text, median of {repeat} runs")
    rows = [
        ("structure+sentences", up_to_sentences),
        ("full parse", lambda t: reportkit.parse_text(t)),
        ("peer re.split", peer_split),
    ]
    speed = {}
    print(f"{'stage':<22}{'seconds':>10}{'MB/s':>10}{'goal':>8}")
    for name, fn in rows:
        sec = median_seconds(fn, texts, repeat)
        speed[name] = mb / sec
        goal = GOALS.get(name)
        print(f"{name:<22}{sec:>10.4f}{speed[name]:>10.2f}{(f'{goal:.1f}' if goal else '-'):>8}")
    print(
        f"peer / structure+sentences speed ratio: {speed['peer re.split'] / speed['structure+sentences']:.1f}x"
    )

    seed = SHARED / "seeds" / "000_181ea02df9ec367e.txt"
    if seed.is_file():
        line = seed.read_text(encoding="utf-8").replace("\n", " ")
        big = (line * (5_000_000 // len(line.encode("utf-8")) + 1))[: 5_000_000 // 3]
        big_mb = len(big.encode("utf-8")) / 1e6
        sec = median_seconds(up_to_sentences, [big], 1)
        print(f"one-line {big_mb:.1f} MB report: structure+sentences {sec:.2f} s ({big_mb / sec:.2f} MB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
