"""A random sample of what reportkit calls a commitment in the provincial 政府工作报告, to judge by hand.

    python benchmarks/commitment_sample.py [-n 100] [--seed 1] [--provinces anhui,beijing | --tuning | --held-out]
                                           [--shared ../shared]

Reads every report of ../shared/corpus/gongzuo/provinces/<province>/*.txt, pools the commitments of the provinces
asked for and prints N of them, drawn with ``random.Random(seed)``, one a line: a number, the province and file,
the commitment's id and its text (a list item after its governing verb in brackets, a target after it). Judge
each: is it an undertaking of the reporting government for the plan year? (issue 16: at least 90 of 100.)

``--tuning`` takes the 11 provinces rules may be written on, ``--held-out`` the four that are never looked at while
writing rules (``province_scores.HELD_OUT``). A measurement, not a test: it prints and exits 0.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from province_scores import DEFAULT, HELD_OUT

import reportkit


def _provinces(corpus: Path, args: argparse.Namespace) -> list[str]:
    every = sorted(p.name for p in corpus.iterdir() if p.is_dir())
    if args.provinces:
        asked = [p.strip() for p in args.provinces.split(",") if p.strip()]
        unknown = sorted(set(asked) - set(every))
        if unknown:
            raise SystemExit(f"no such province in {corpus}: {', '.join(unknown)}")
        return asked
    if args.tuning:
        return [p for p in every if p not in HELD_OUT]
    if args.held_out:
        return [p for p in every if p in HELD_OUT]
    return every


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=100, help="how many commitments to print (100)")
    ap.add_argument("--seed", type=int, default=1, help="the random seed (1)")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--provinces", help="comma-separated province folders (all 15 by default)")
    group.add_argument("--tuning", action="store_true", help="the 11 provinces rules may be written on")
    group.add_argument("--held-out", action="store_true", help=f"the check split: {', '.join(HELD_OUT)}")
    ap.add_argument("--shared", type=Path, default=DEFAULT, help="the shared data folder (../shared)")
    args = ap.parse_args(argv)
    corpus = args.shared / "corpus" / "gongzuo" / "provinces"
    pool: list[tuple[str, str, str]] = []
    for province in _provinces(corpus, args):
        for path in sorted((corpus / province).glob("*.txt")):
            report = reportkit.read(path)
            for c in report.commitments:
                target = f"  [target {c.target.text}]" if c.target is not None else ""
                verb = f"({c.governing_verb}) " if c.governing_verb else ""  # a list item's verb, written before it
                pool.append((f"{province}/{path.name}", c.id, verb + c.text.replace("\n", " ") + target))
    sample = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    print(f"# {len(sample)} of {len(pool)} commitments, seed {args.seed}")
    for i, (where, ident, text) in enumerate(sample, 1):
        print(f"{i:3d}  {where}  {ident}  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
