"""How many rows of a draft's workbook have a label a department could not answer (issue 13, item 2).

    .venv/bin/python benchmarks/draft_labels.py [-v] [FILE ...]   # default: 4 State Council reports, 3 provinces

For each report: the workbook's rows (``DraftReport.input_slots``) and those with a poor label, by reason:

- ``doubled``: a verb and its own noun (下降降幅, 增长增幅), or a word said twice;
- ``bare``: only a place, a grade or a frame (省级, 乡镇(街道), 领导干部, 总量, 建议, 占全国), or two characters;
- ``broken``: a figure inside the label (连续7年…, 2010年比上年…; not a name's digits: M2, PM2.5, 5A级), an open
  bracket, or a label that starts or ends mid-phrase (比上年…, 转为…, …继续, …去年, …的);
- ``not_a_figure``: a row for something no department answers (last year's starting level of a 从…增加到…,
  a target named in the review: 低于13%左右的预期目标).

The rules here are the benchmark's own (not the draft's), so a fix cannot pass by editing both. A measurement,
not a test: it prints and exits 0. Use ``-v`` to list the poor labels.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import reportkit
from reportkit.draft import roll_forward

ROOT = Path(__file__).resolve().parents[1]

CORPUS = ROOT.parent / "shared" / "corpus" / "gongzuo"
DEFAULT = [
    CORPUS / "china-state-council" / f"{y}.txt" for y in (2010, 2014, 2015, 2016)
] + [CORPUS / "provinces" / p / "2025.txt" for p in ("beijing", "anhui", "guangdong")]

_DOUBLED = re.compile(
    r"(下降|减少|降低|下滑|回落)降幅|(增长|增加|提高|上升|上涨|提升)(增幅|涨幅)|([\u4e00-\u9fff]{2,})\4"
)
_BARE = {
    "省级", "市级", "区级", "县级", "国家级", "乡镇", "街道", "乡镇(街道)", "乡镇（街道）", "领导干部", "总量",
    "建议", "意见", "其中", "全国", "全省", "全市", "全年", "去年", "累计", "合计", "共计", "达到", "实现", "完成",
    "年均增幅", "年均增速", "增幅", "降幅", "涨幅",
}
_BROKEN = re.compile(
    r"[0-9０-９]+(?:\.[0-9]+)?\s*(?:%|％|万|亿|个|项|批|年|元|名|家|户|种|的|对|岁|件|次|/)"
    r"|（[^）]*$|\([^)]*$|^(比上年|比五年前|较上年|由上年|转为|为|去年|又有)|(继续|去年|的|达到|为|了|从|由|和)$"
)


def reason(label: str, context: str, last_text: str) -> str:
    """Why a row's label is poor, or "" for a good one."""
    text = label.strip()
    if last_text and re.search(re.escape(last_text) + r"(的|左右的)?(预期)?目标", context):
        return "not_a_figure"
    if _DOUBLED.search(text):
        return "doubled"
    if text in _BARE or len(text) <= 2 or text.startswith("占"):
        return "bare"
    if _BROKEN.search(text):
        return "broken"
    return ""


def check(path: Path, verbose: bool = False) -> tuple[int, Counter[str]]:
    draft = roll_forward(reportkit.read(path))
    reasons: Counter[str] = Counter()
    starts = {m.id for m in reportkit.read(path).metrics if m.frame == "start"}
    for slot in draft.input_slots:
        why = "not_a_figure" if slot.metric_id in starts else reason(slot.label, slot.context, slot.last_text)
        if why:
            reasons[why] += 1
            if verbose:
                print(f"    {why:12s} {slot.id} {slot.label} | {slot.last_text}")
    return len(draft.input_slots), reasons


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    files = [Path(a) for a in argv if a != "-v"] or [p for p in DEFAULT if p.is_file()]
    total_rows, total = 0, Counter[str]()
    for path in files:
        rows, reasons = check(path, verbose)
        total_rows += rows
        total += reasons
        print(f"{rows:5d} rows {sum(reasons.values()):4d} poor  {dict(reasons)}  {path.relative_to(path.parents[2])}")
    print(f"{total_rows:5d} rows {sum(total.values()):4d} poor  {dict(total)}  TOTAL")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
