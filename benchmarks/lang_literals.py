"""CJK characters in the string literals of reportkit/**/*.py outside reportkit/lang/ (issue: one place for
each rule; the goal is at most 600). Docstrings do not count; comments are not literals.

    python benchmarks/lang_literals.py

Prints each file's count, largest first, and the total. A measurement, not a test: it exits 0.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "reportkit"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def count(path: Path) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    return sum(
        len(CJK.findall(node.value))
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    )


def main() -> int:
    counts = {p: count(p) for p in ROOT.rglob("*.py") if p.relative_to(ROOT).parts[0] != "lang"}
    for path, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        if n:
            print(f"{n:6d} {path.relative_to(ROOT.parent)}")
    print(f"{sum(counts.values()):6d} TOTAL (goal ≤ 600)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
