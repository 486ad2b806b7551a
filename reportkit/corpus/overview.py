"""``--html``: one self-contained page over a corpus database (organisations × years, targets, series charts).

The page is ``templates/corpus.html`` rendered by Jinja2 with autoescaping on; the charts are inline SVG drawn
from numbers only, every label reaching the page as escaped text. Nothing is loaded from the network.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Sequence
from typing import Any

import jinja2

from .._io import atomic_open
from ..errors import PathLike
from .store import Store

__all__ = ["write_overview"]

_W, _H, _PAD = 220, 80, 8
_MAX_CHARTS = 24


def write_overview(store: Store, path: PathLike, *, charts: Sequence[str] | None = None) -> None:
    html = _env().get_template("corpus.html").render(**_data(store, charts))
    with atomic_open(path) as f:
        f.write(html)


def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda name: importlib.resources.files("reportkit.templates").joinpath(name).read_text(encoding="utf-8")
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def _data(store: Store, charts: Sequence[str] | None) -> dict[str, Any]:
    con = store.con
    reports = con.execute(
        "SELECT organisation, genre, year, status, relpath, title FROM reports WHERE organisation IS NOT NULL "
        "AND year IS NOT NULL ORDER BY ALL").fetchall()
    failures = con.execute(
        "SELECT path, organisation, year, stage, other_path, error_class, message FROM failures ORDER BY ALL"
    ).fetchall()
    gaps = con.execute("SELECT organisation, genre, missing FROM gaps").fetchall()
    years = sorted({r[2] for r in reports} | {f[2] for f in failures if f[2]}
                   | {int(y) for g in gaps for y in g[2].split(",") if y})
    cells: dict[tuple[str, str], dict[int, dict[str, str]]] = {}
    for org, genre, year, status, rel, title in reports:
        cells.setdefault((org, genre), {})[year] = {"cls": status, "mark": "●" if status == "ok" else "◐",
                                                    "title": f"{rel} — {title or ''} ({status})"}
    for org, genre, missing in gaps:
        for y in filter(None, missing.split(",")):
            cells.setdefault((org, genre), {}).setdefault(int(y), {"cls": "gap", "mark": "·", "title": "missing"})
    for path, org, year, stage, _other, cls, msg in failures:
        if org is not None and year is not None:
            row = next((v for (o, _g), v in cells.items() if o == org), None)
            if row is None:
                row = cells.setdefault((org, "?"), {})
            row[year] = {"cls": "failed", "mark": "✕", "title": f"{stage} failed: {cls}: {msg}"}
    names = dict(con.execute("SELECT organisation, mode(org_name) FROM reports WHERE org_name IS NOT NULL "
                             "GROUP BY ALL").fetchall())
    grid = [{"org": org, "name": names.get(org) if names.get(org) != org else None, "genre": genre,
             "cells": [by_year.get(y) for y in years]}
            for (org, genre), by_year in sorted(cells.items())]
    targets = con.execute(
        "SELECT organisation, plan_year, indicator, target_text, commitment, outcome_text, outcome_sentence, "
        "verdict FROM targets ORDER BY organisation, plan_year, target_start").fetchall()
    verdicts = con.execute("SELECT verdict, count(*) FROM targets GROUP BY ALL ORDER BY ALL").fetchall()
    return {
        "years": years, "grid": grid, "failures": failures, "targets": targets, "verdicts": verdicts,
        "counts": {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                   for t in ("reports", "failures", "comparisons", "targets", "gaps")},
        "charts": _charts(store, charts),
    }


def _charts(store: Store, picks: Sequence[str] | None) -> list[dict[str, Any]]:
    con = store.con
    if picks:
        where = " OR ".join(["label LIKE ?"] * len(picks))
        keys = con.execute(
            f"SELECT organisation, indicator FROM series WHERE {where} GROUP BY ALL HAVING count(*) >= 2 "
            "ORDER BY count(*) DESC, organisation, indicator",
            [f"%{p}%" for p in picks]).fetchall()
    else:  # the longest series first: an indicator reported in the most years
        keys = con.execute(
            "SELECT organisation, indicator FROM series GROUP BY ALL HAVING count(*) >= 3 "
            "ORDER BY count(*) DESC, organisation, indicator").fetchall()
    out = []
    for org, indicator in keys[:_MAX_CHARTS]:
        pts = con.execute("SELECT year, value, label, unit FROM series WHERE organisation = ? AND indicator = ? "
                          "ORDER BY year", [org, indicator]).fetchall()
        out.append(_chart(org, pts))
    return out


def _num(v: float) -> str:
    """A figure as a Chinese reader writes it: 5.3万亿, 1184万, 6.5."""
    for size, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(v) >= size:
            return f"{v / size:.4g}{word}"
    return f"{v:.4g}"


def _chart(org: str, pts: list[tuple[int, float, str, str]]) -> dict[str, Any]:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)

    def at(x: float, y: float) -> tuple[float, float]:
        fx = (x - x0) / (x1 - x0) if x1 > x0 else 0.5
        fy = (y - y0) / (y1 - y0) if y1 > y0 else 0.5
        return round(_PAD + fx * (_W - 2 * _PAD), 1), round(_H - _PAD - fy * (_H - 2 * _PAD), 1)

    points = [at(x, y) for x, y in zip(xs, ys)]
    return {
        "org": org, "label": pts[-1][2], "unit": pts[-1][3], "w": _W, "h": _H,
        "polyline": " ".join(f"{x},{y}" for x, y in points),
        "dots": [{"x": x, "y": y, "title": f"{yr}: {_num(v)}{pts[-1][3]}"} for (x, y), yr, v in zip(points, xs, ys)],
        "first": f"{x0}: {_num(ys[0])}", "last": f"{x1}: {_num(ys[-1])}",
    }
