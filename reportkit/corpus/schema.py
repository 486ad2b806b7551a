"""The tables of a corpus database, as data: name → columns (name, DuckDB type), in order.

Every row that stands for a piece of text carries the file (``path``) and the span (``start``, ``end``: 0-based,
end exclusive, into the text reportkit reads from that file, ``reportkit.read(path).text``), with the text itself.
"""

from __future__ import annotations

Columns = tuple[tuple[str, str], ...]

_WHO = (("organisation", "VARCHAR"), ("genre", "VARCHAR"))
_PAIR = (
    *_WHO,
    ("old_year", "INTEGER"),
    ("new_year", "INTEGER"),
    ("old_path", "VARCHAR"),
    ("new_path", "VARCHAR"),
)

TABLES: dict[str, Columns] = {
    "reports": (
        ("path", "VARCHAR"), ("relpath", "VARCHAR"), ("sha256", "VARCHAR"), ("bucket", "VARCHAR"),
        *_WHO, ("org_name", "VARCHAR"), ("org_source", "VARCHAR"),
        ("year", "INTEGER"), ("year_source", "VARCHAR"), ("meta_year", "INTEGER"), ("plan_year", "INTEGER"),
        ("title", "VARCHAR"), ("issuer", "VARCHAR"), ("date", "DATE"), ("language", "VARCHAR"),
        ("format", "VARCHAR"), ("bytes", "BIGINT"), ("chars", "BIGINT"), ("sections", "INTEGER"),
        ("sentences", "INTEGER"), ("metrics", "INTEGER"), ("commitments", "INTEGER"), ("problems", "INTEGER"),
        ("status", "VARCHAR"), ("org_written", "VARCHAR"),
    ),
    "metrics": (
        ("path", "VARCHAR"), *_WHO, ("year", "INTEGER"), ("metric_id", "VARCHAR"), ("indicator", "VARCHAR"),
        ("label", "VARCHAR"), ("value", "DOUBLE"), ("value_high", "DOUBLE"), ("value_exact", "VARCHAR"),
        ("unit", "VARCHAR"), ("surface_unit", "VARCHAR"), ("qualifier", "VARCHAR"), ("kind", "VARCHAR"),
        ("is_target", "BOOLEAN"), ("direction", "VARCHAR"), ("frame", "VARCHAR"), ("section", "VARCHAR"),
        ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
        ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"), ("sentence", "VARCHAR"),
    ),
    "comparisons": (
        *_PAIR, ("old_sha256", "VARCHAR"), ("new_sha256", "VARCHAR"),
        ("cosine", "DOUBLE"), ("jaccard", "DOUBLE"), ("edit", "DOUBLE"), ("reuse", "DOUBLE"),
        ("metric_pairs", "INTEGER"), ("stated_changes", "INTEGER"), ("targets", "INTEGER"),
    ),
    "gaps": (*_WHO, ("after_year", "INTEGER"), ("before_year", "INTEGER"), ("missing", "VARCHAR"),
             ("after_path", "VARCHAR"), ("before_path", "VARCHAR")),
    "pairs": (
        *_PAIR, ("status", "VARCHAR"), ("indicator", "VARCHAR"), ("old_value", "DOUBLE"), ("new_value", "DOUBLE"),
        ("unit", "VARCHAR"), ("delta", "DOUBLE"), ("percent", "DOUBLE"), ("confidence", "DOUBLE"), ("note", "VARCHAR"),
        ("old_start", "INTEGER"), ("old_end", "INTEGER"), ("old_text", "VARCHAR"), ("old_sentence", "VARCHAR"),
        ("new_start", "INTEGER"), ("new_end", "INTEGER"), ("new_text", "VARCHAR"), ("new_sentence", "VARCHAR"),
    ),
    "stated_changes": (
        *_PAIR, ("indicator", "VARCHAR"), ("change_value", "DOUBLE"), ("unit", "VARCHAR"), ("direction", "VARCHAR"),
        ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"), ("sentence", "VARCHAR"),
        ("metric_value", "DOUBLE"), ("prior_value", "DOUBLE"), ("prior_start", "INTEGER"), ("prior_end", "INTEGER"),
        ("prior_text", "VARCHAR"), ("consistent", "BOOLEAN"), ("implied_prior", "DOUBLE"),
        ("actual_change", "DOUBLE"), ("note", "VARCHAR"),
    ),
    "targets": (
        *_PAIR, ("plan_year", "INTEGER"), ("indicator", "VARCHAR"), ("target_value", "DOUBLE"),
        ("target_high", "DOUBLE"), ("unit", "VARCHAR"), ("qualifier", "VARCHAR"), ("direction", "VARCHAR"),
        ("target_start", "INTEGER"), ("target_end", "INTEGER"), ("target_text", "VARCHAR"),
        ("commitment_start", "INTEGER"), ("commitment_end", "INTEGER"), ("commitment", "VARCHAR"),
        ("target_sentence", "VARCHAR"), ("outcome_value", "DOUBLE"), ("outcome_start", "INTEGER"),
        ("outcome_end", "INTEGER"), ("outcome_text", "VARCHAR"), ("outcome_sentence", "VARCHAR"),
        ("verdict", "VARCHAR"), ("met", "BOOLEAN"), ("note", "VARCHAR"),
    ),
    "commitments": (
        *_PAIR, ("commitment_id", "VARCHAR"), ("type", "VARCHAR"), ("theme", "VARCHAR"), ("section", "VARCHAR"),
        ("measurable", "BOOLEAN"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
        ("status", "VARCHAR"), ("similarity", "DOUBLE"), ("evidence_count", "INTEGER"),
        ("evidence_start", "INTEGER"), ("evidence_end", "INTEGER"), ("evidence", "VARCHAR"), ("note", "VARCHAR"),
    ),
    "failures": (
        ("path", "VARCHAR"), ("sha256", "VARCHAR"), ("organisation", "VARCHAR"), ("year", "INTEGER"),
        ("stage", "VARCHAR"), ("other_path", "VARCHAR"), ("error_class", "VARCHAR"), ("message", "VARCHAR"),
    ),
    "series": (
        *_WHO, ("indicator", "VARCHAR"), ("label", "VARCHAR"), ("unit", "VARCHAR"), ("year", "INTEGER"),
        ("value", "DOUBLE"), ("path", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
        ("sentence", "VARCHAR"),
    ),
}

# The tables written row by row as results arrive; the others are derived from them when a run ends.
STREAMED = ("reports", "metrics", "comparisons", "pairs", "stated_changes", "targets", "commitments", "failures")
# Tables whose rows belong to one comparison (deleted together when either report changes).
PAIR_TABLES = ("comparisons", "pairs", "stated_changes", "targets", "commitments")

# series: one value per organisation, indicator and year, the first mention of a report's review part
# (a target or a stated change is not the indicator's value).
SERIES_SQL = """
SELECT organisation, genre, indicator, arg_min(label, start) AS label, arg_min(unit, start) AS unit, year,
       arg_min(value, start) AS value, arg_min(path, start) AS path, min(start) AS start,
       arg_min("end", start) AS "end", arg_min(text, start) AS text, arg_min(sentence, start) AS sentence
FROM metrics
WHERE NOT is_target AND kind <> 'change' AND label <> '' AND frame IN ('review', 'preamble')
  AND organisation IS NOT NULL AND year IS NOT NULL
GROUP BY organisation, genre, indicator, year
"""


def create_sql(name: str) -> str:
    cols = ", ".join(f'"{c}" {t}' for c, t in TABLES[name])
    return f'CREATE TABLE IF NOT EXISTS "{name}" ({cols})'
