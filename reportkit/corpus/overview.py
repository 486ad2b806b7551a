"""``--html``: one self-contained page over a corpus database (organisations × years, targets, series charts).

The page is ``templates/corpus.html`` rendered by Jinja2 with autoescaping on; the charts are inline SVG drawn
from numbers only, every label reaching the page as escaped text. Nothing is loaded from the network.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import jinja2

from .._io import atomic_open
from ..comparison.records import FollowStatus
from ..errors import PathLike
from ..parse.structure.genre import by_id
from ..render import _text
from ..render._words import Words
from .store import Store

__all__ = ["write_overview"]

_W, _H, _PAD = 220, 80, 8
_MAX_CHARTS = 24
# reports.status and failures.stage → their ids in lang/*/ui.toml (render/_words.py)
_STATUS = {"ok": "read", "duplicate": "duplicate", "unplaced": "unplaced"}
_STAGE = {"read": "stage_read", "compare": "comparisons"}
_FAILED = {"read": "read_failed", "compare": "compare_failed"}


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


def language(store: Store) -> str:
    """``zh`` when most reports of the corpus are Chinese (``ReportMeta.language``), ``en`` otherwise."""
    zh, total = store.con.execute(
        "SELECT count(*) FILTER (WHERE language LIKE 'zh%'), count(*) FROM reports").fetchone()
    return "zh" if total == 0 or 2 * zh > total else "en"


def _data(store: Store, charts: Sequence[str] | None) -> dict[str, Any]:
    con = store.con
    t = Words(language(store))
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
        said = t(_STATUS[status]) if status in _STATUS else status
        cells.setdefault((org, genre), {})[year] = {"cls": status, "mark": "●" if status == "ok" else "◐",
                                                    "title": f"{rel} — {title or ''}{t.paren(said)}"}
    for org, genre, missing in gaps:
        for y in filter(None, missing.split(",")):
            cells.setdefault((org, genre), {}).setdefault(int(y), {"cls": "gap", "mark": "·", "title": t("gaps")})
    for _path, org, year, stage, _other, cls, msg in failures:
        if org is not None and year is not None:
            row = next((v for (o, _g), v in cells.items() if o == org), None)
            if row is None:
                row = cells.setdefault((org, "?"), {})
            failed = t(_FAILED[stage]) if stage in _FAILED else stage + t("failures")
            row[year] = {"cls": "failed", "mark": "✕", "title": f"{failed}{t('colon')}{cls}{t('colon')}{msg}"}
    name = _names(store)
    grid = [{"org": name(org), "key": org, "genre": _genre(t, genre),
             "cells": [by_year.get(y) for y in years]}
            for (org, genre), by_year in sorted(cells.items())]
    targets = [(name(org), *rest, _verdict(t, verdict), verdict) for org, *rest, verdict in con.execute(
        "SELECT organisation, plan_year, indicator, target_text, commitment, outcome_text, outcome_sentence, "
        "verdict FROM targets ORDER BY organisation, plan_year, target_start").fetchall()]
    seen = dict(con.execute("SELECT verdict, count(*) FROM targets GROUP BY ALL").fetchall())
    verdicts = [(t.enum(v), seen[v.value]) for v in FollowStatus if v.value in seen]  # in the diff's order
    counts = {table: con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
              for table in ("reports", "failures", "comparisons", "targets", "gaps")}
    return {
        "t": t, "lang": "en" if t.english else "zh-CN",
        "years": years, "grid": grid,
        "failures": [(p, name(o) if o else o, y, t(_STAGE[s]) if s in _STAGE else s, *rest)
                     for p, o, y, s, *rest in failures],
        "targets": targets, "verdicts": verdicts,
        "counts": [(t(word), counts[table]) for word, table in (
            ("reports", "reports"), ("comparisons", "comparisons"), ("targets", "targets"), ("gaps", "gaps"),
            ("failures", "failures"))],
        "charts": _charts(store, charts, name, t),
    }


def _genre(t: Words, code: str) -> str:
    """A genre id (``gongzuo``) by the name of lang/<language>/genres.toml (政府工作报告), in the page's words."""
    if t.knows(f"genre_{code}"):
        return t(f"genre_{code}")
    known = by_id(code, "en" if t.english else "zh") or by_id(code, "zh" if t.english else "en")
    return known.name if known is not None else code


def _verdict(t: Words, code: str | None) -> str:
    """A verdict code (``not_found``) in the status words of the diff outputs (未找到 / not found)."""
    if code is None:
        return ""
    try:
        return t.enum(FollowStatus(code))
    except ValueError:
        return code or ""


def _names(store: Store) -> Callable[[str], str]:
    """An organisation key (the folder, ``anhui``) → its name as the reports write it (安徽省), the key itself
    where no report names one."""
    written = dict(store.con.execute(
        "SELECT organisation, mode(org_written) FROM reports WHERE org_written IS NOT NULL GROUP BY ALL").fetchall())
    return lambda org: written.get(org) or org


def _charts(store: Store, picks: Sequence[str] | None, name: Callable[[str], str], t: Words) -> list[dict[str, Any]]:
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
        out.append(_chart(name(org), pts, t))
    return out


def _chart(org: str, pts: list[tuple[int, float, str, str]], t: Words) -> dict[str, Any]:
    show = _text.number if t.english else _text.amount
    colon = t("colon")

    def _num(v: float) -> str:  # 5.3万亿, 1184万 for a Chinese reader (render/_text.amount), 1,184,000 otherwise
        return show(Decimal(repr(v)))

    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)

    def at(x: float, y: float) -> tuple[float, float]:
        fx = (x - x0) / (x1 - x0) if x1 > x0 else 0.5
        fy = (y - y0) / (y1 - y0) if y1 > y0 else 0.5
        return round(_PAD + fx * (_W - 2 * _PAD), 1), round(_H - _PAD - fy * (_H - 2 * _PAD), 1)

    points = [at(x, y) for x, y in zip(xs, ys, strict=True)]
    return {
        "org": org, "label": pts[-1][2], "unit": pts[-1][3], "w": _W, "h": _H,
        "polyline": " ".join(f"{x},{y}" for x, y in points),
        "dots": [{"x": x, "y": y, "title": f"{yr}{colon}{_num(v)}{pts[-1][3]}"}
                 for (x, y), yr, v in zip(points, xs, ys, strict=True)],
        "first": f"{x0}{colon}{_num(ys[0])}", "last": f"{x1}{colon}{_num(ys[-1])}",
    }
