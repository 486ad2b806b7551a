"""Time ``reportkit corpus`` on a synthetic corpus, beside the plain loop of ``reportkit.read`` + ``compare``.

    python benchmarks/bench_corpus.py [--n 2000] [--years 10] [--variants loop,one,cores,quarter,rerun]

The corpus is made from the real reports of ../shared/corpus: organisation k starts from real report
17k mod 61 (of the 61, in path order) and gets ``--years`` years of it, each with its numbers scaled (±10 %,
per organisation, year and number), about one sentence in twenty dropped and one in twenty swapped with the
next, and one numbered sub-section left out, so that consecutive years differ the way real ones do. It is
written to a temporary folder as ``org_<k>/<year>.txt``.

Each variant runs in a fresh Python process, so its peak memory (ru_maxrss: the main process, and the largest
worker) is its own:

- ``loop``: ``reportkit.read`` every file, then ``compare`` each organisation's consecutive years, in one process,
  writing nothing: the peer;
- ``one``: ``reportkit.corpus(..., workers=1)``: the same work in one process, into DuckDB;
- ``cores``: ``reportkit.corpus(...)`` with one worker process per core;
- ``quarter``: the same on the first quarter of the organisations (is time linear in the corpus?);
- ``rerun``: ``cores`` again on the database it wrote, nothing changed (goal: under a tenth of the first run).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")
_SUB = re.compile(r"^[ \t\u3000]*[（(][一二三四五六七八九十]+[）)]", re.MULTILINE)


def perturb(text: str, rng: random.Random) -> str:
    """Numbers scaled, sentences dropped and swapped, one numbered sub-section left out."""
    subs = [m.start() for m in _SUB.finditer(text)]
    if len(subs) >= 3:
        i = rng.randrange(1, len(subs) - 1)
        text = text[: subs[i]] + text[subs[i + 1]:]

    def scale(m: re.Match[str]) -> str:
        s = m.group(1)
        if "." not in s and 1900 <= int(s) <= 2100:
            return s  # a year stays a year
        v = float(s) * (1 + rng.uniform(-0.1, 0.1))
        decimals = len(s.split(".")[1]) if "." in s else 0
        return f"{v:.{decimals}f}" if decimals else str(max(1, round(v)))

    text = _NUMBER.sub(scale, text)
    parts = re.split(r"(?<=。)", text)
    out: list[str] = []
    i = 0
    while i < len(parts):
        r = rng.random()
        if r < 0.05 and "\n" not in parts[i]:
            i += 1  # dropped
        elif r < 0.10 and i + 1 < len(parts) and "\n" not in parts[i] + parts[i + 1]:
            out += [parts[i + 1], parts[i]]
            i += 2
        else:
            out.append(parts[i])
            i += 1
    return "".join(out)


def make_corpus(folder: Path, n: int, years: int) -> int:
    real = sorted(SHARED.rglob("*.txt"))
    if not real:
        raise SystemExit(f"{SHARED}: no reports (the synthetic corpus is made from ../shared/corpus)")
    texts = [p.read_text(encoding="utf-8") for p in real]
    written = 0
    for k in range((n + years - 1) // years):
        base = texts[k * 17 % len(texts)]  # a stride, so a small corpus mixes genres and lengths too
        for y in range(years):
            if written == n:
                return written
            rng = random.Random(f"{k}/{y}")
            dest = folder / f"org_{k:04d}" / f"{2010 + y}.txt"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(perturb(base, rng), encoding="utf-8")
            written += 1
    return written


def peak_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, MiB (Linux: ru_maxrss in KiB)."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def variant(name: str, corpus: Path, db: Path) -> dict[str, float]:
    """Run one variant in this process; returns seconds, reports, pairs and peak memory."""
    import reportkit

    t = time.perf_counter()
    if name == "loop":
        files = sorted(corpus.rglob("*.txt"))
        reports = {f: reportkit.read(f) for f in files}
        pairs = 0
        for a, b in itertools.pairwise(files):
            if a.parent == b.parent:
                reportkit.compare(reports[a], reports[b])
                pairs += 1
        n = len(files)
    else:
        s = reportkit.corpus(corpus, db, workers=1 if name == "one" else None)
        n, pairs = s.files, s.compared + s.pairs_skipped
    seconds = time.perf_counter() - t
    me, kids = peak_mib()
    return {"seconds": seconds, "reports": n, "pairs": pairs, "main_mib": me, "worker_mib": kids}


def run_child(name: str, corpus: Path, db: Path) -> dict[str, float]:
    p = subprocess.run([sys.executable, __file__, "--child", name, str(corpus), str(db)],
                       check=False, capture_output=True, text=True)
    if p.returncode:
        raise SystemExit(f"variant {name} failed:\n{p.stderr}")
    return json.loads(p.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--n", type=int, default=2000, help="reports in the synthetic corpus (default 2000)")
    ap.add_argument("--years", type=int, default=10, help="years per organisation (default 10)")
    ap.add_argument("--variants", default="loop,one,cores,quarter,rerun")
    ap.add_argument("--child", nargs=3, metavar=("VARIANT", "CORPUS", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv[1:])
    if args.child:
        name, corpus, db = args.child
        print(json.dumps(variant(name, Path(corpus), Path(db))))
        return 0
    names = args.variants.split(",")
    tmp = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        corpus = tmp / "corpus"
        n = make_corpus(corpus, args.n, args.years)
        quarter = tmp / "quarter"
        orgs = sorted(corpus.iterdir())
        for d in orgs[: max(1, len(orgs) // 4)]:
            shutil.copytree(d, quarter / d.name)
        size = sum(f.stat().st_size for f in corpus.rglob("*.txt")) / 1e6
        print(f"synthetic corpus: {n} reports of {len(orgs)} organisations, {size:.1f} MB, "
              f"{os.cpu_count()} cores")
        print(f"{'variant':<34}{'reports':>8}{'pairs':>7}{'seconds':>9}{'reports/s':>11}{'main MiB':>10}"
              f"{'worker MiB':>12}")
        results: dict[str, dict[str, float]] = {}
        for name in names:
            src, db = (quarter, tmp / "quarter.duckdb") if name == "quarter" else (corpus, tmp / f"{name}.duckdb")
            if name == "rerun":
                if "cores" not in results:
                    results["cores"] = run_child("cores", corpus, tmp / "rerun.duckdb")
                else:
                    shutil.copy(tmp / "cores.duckdb", db)
            r = results[name] = run_child("cores" if name in ("quarter", "rerun") else name, src, db)
            label = {"loop": "read + compare loop, 1 process", "one": "reportkit corpus, 1 process",
                     "cores": f"reportkit corpus, {os.cpu_count()} processes",
                     "quarter": f"  the same, a quarter ({int(r['reports'])} reports)",
                     "rerun": "  rerun, nothing changed"}[name]
            print(f"{label:<34}{int(r['reports']):>8}{int(r['pairs']):>7}{r['seconds']:>9.1f}"
                  f"{r['reports'] / r['seconds']:>11.1f}{r['main_mib']:>10.0f}{r['worker_mib']:>12.0f}", flush=True)
        if "cores" in results and "quarter" in results:
            c, q = results["cores"], results["quarter"]
            print(f"linear? {q['reports']:.0f} → {c['reports']:.0f} reports: time × {c['seconds'] / q['seconds']:.2f} "
                  f"for × {c['reports'] / q['reports']:.2f} the reports")
        if "cores" in results and "rerun" in results:
            ratio = results["rerun"]["seconds"] / results["cores"]["seconds"]
            print(f"rerun / first run: {ratio:.3f} (goal < 0.1)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
