"""Score reportkit on every hand annotation in ../shared/gold, with the scorers ../shared/tools provides.

    python benchmarks/dev_scores.py [SHARED_DIR]

It writes what ``reportkit parse FILE --json`` and ``reportkit diff OLD NEW --json`` write (the same
``to_json``) into a temporary folder and runs the scorers on them, exactly as

    python ../shared/tools/score.py PRED.json ../shared/gold/liandu-2022
    python ../shared/tools/score.py PRED.json GOLD ...             (fazhi, micro-averaged)
    python ../shared/tools/score.py PRED.json GOLD ... --strict-markers   (gongzuo structure)
    python ../shared/tools/score_diff.py pairs DIFF.json ../shared/gold/fazhi ORG OLD NEW
    python ../shared/tools/score_diff.py followthrough DIFF.json ../shared/gold/gongzuo-followthrough-N-M.json

would, so the figures in the README can be checked with one command.  A measurement, not a test: it
prints and exits 0.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import reportkit

DEFAULT = Path(__file__).resolve().parents[2] / "shared"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(module: ModuleType, *args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        module.main([module.__name__, *args])
    return out.getvalue().rstrip()


def _show(title: str, command: str, output: str) -> None:
    print(f"## {title}\n$ {command}")
    print("\n".join("  " + line for line in output.splitlines()) + "\n")


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else DEFAULT
    gold, corpus = shared / "gold", shared / "corpus"
    if not (shared / "tools" / "score.py").is_file():
        print(f"{shared}: no tools/score.py here (pass the path of the shared folder)", file=sys.stderr)
        return 2
    score, score_diff = _load(shared / "tools" / "score.py"), _load(shared / "tools" / "score_diff.py")
    tmp = Path(tempfile.mkdtemp(prefix="reportkit-scores-"))

    def parsed(source: Path) -> str:
        out = tmp / (source.parent.name + "-" + source.stem + ".json")
        out.write_text(reportkit.read(source).to_json(), encoding="utf-8")
        return str(out)

    def diffed(old: Path, new: Path) -> str:
        out = tmp / f"{old.parent.name}-{old.stem}-{new.stem}.diff.json"
        out.write_text(reportkit.compare(reportkit.read(old), reportkit.read(new)).to_json(), encoding="utf-8")
        return str(out)

    seed = shared / "seeds" / "000_181ea02df9ec367e.txt"
    _show("seed (莲都区 2022)", "score.py PRED.json gold/liandu-2022",
          _run(score, parsed(seed), str(gold / "liandu-2022")))

    args = []
    for g in sorted((gold / "fazhi").glob("*.structure.json")):
        stem = g.name[: -len(".structure.json")]
        org, year = stem.rsplit("-", 1)
        args += [parsed(corpus / "fazhi" / org / f"{year}.txt"), str(g.parent / stem)]
    _show(f"fazhi dev files ({len(args) // 2}, micro-averaged)", "score.py PRED.json GOLD ...",
          _run(score, *args))

    args = []
    for g in sorted(gold.glob("gongzuo-*.structure.json")):
        year = g.name.split("-")[1].split(".")[0]
        args += [parsed(corpus / "gongzuo" / "china-state-council" / f"{year}.txt"), str(g)[: -len(".structure.json")]]
    _show(f"gongzuo structure ({len(args) // 2} reports)", "score.py PRED.json GOLD ... --strict-markers",
          _run(score, *args, "--strict-markers"))

    for m in sorted((gold / "fazhi").glob("*.matching.json")):
        org = m.name[: -len(".matching.json")]
        years = sorted({(p["a"]["year"], p["b"]["year"]) for p in json.loads(m.read_text("utf-8"))["pairs"]})
        for old, new in years:
            folder = corpus / "fazhi" / org
            diff = diffed(folder / f"{old}.txt", folder / f"{new}.txt")
            _show(f"metric pairing {org} {old}→{new}", f"score_diff.py pairs DIFF.json gold/fazhi {org} {old} {new}",
                  _run(score_diff, "pairs", diff, str(gold / "fazhi"), org, str(old), str(new)))

    for g in sorted(gold.glob("gongzuo-followthrough-*.json")):
        old, new = g.stem.split("-")[-2:]
        folder = corpus / "gongzuo" / "china-state-council"
        diff = diffed(folder / f"{old}.txt", folder / f"{new}.txt")
        _show(f"follow-through {old}→{new}", f"score_diff.py followthrough DIFF.json gold/{g.name}",
              _run(score_diff, "followthrough", diff, str(g)))
    print(f"(the JSON scored is in {tmp})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
