"""The bounded template sandbox: what a report template does still works; what costs without bound is refused."""

from __future__ import annotations

import pytest

from reportkit.draft._sandbox import TemplateBudgetError, bounded_environment
from reportkit.limits import Limits


def render(source: str, limits: Limits | None = None, **context: object) -> str:
    env = bounded_environment(limits or Limits())
    return env.from_string(source).render(**context)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{% for i in range(3) %}{{ i }}{% endfor %}", "012"),
        ("{{ 'ab' * 3 }}", "ababab"),
        ("{{ 2 ** 10 }}", "1024"),
        ("{{ '%5.1f'|format(3.14159) }}", "  3.1"),
        ("{{ '%s件' % 402 }}", "402件"),
        ("[{{ 'x'|center(5) }}]", "[  x  ]"),
        ("{% set ns = namespace(n=0) %}{% for b in blocks %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}", "3"),
        ("{% for row in blocks|batch(2) %}{{ row|length }}{% endfor %}", "21"),
        ("{% macro line(t) %}<{{ t }}>{% endmacro %}{% for b in blocks %}{{ line(b) }}{% endfor %}", "<a><b><c>"),
    ],
)
def test_what_a_report_template_does_still_renders(source: str, expected: str) -> None:
    assert render(source, blocks=["a", "b", "c"]) == expected


@pytest.mark.parametrize(
    ("source", "limit"),
    [
        ("{% for i in range(200) %}{% for j in range(200) %}{% endfor %}{% endfor %}", "max_template_steps"),
        ("{% for i in range(2000) %}x{% endfor %}", "max_template_output"),
        ("{{ 'x' * 5000 }}", "max_template_output"),
        ("{{ 'x'|center(5000) }}", "max_template_output"),
    ],
)
def test_a_template_over_its_budget_is_refused_naming_the_limit(source: str, limit: str) -> None:
    small = Limits(max_template_steps=10_000, max_template_output=1_000)
    with pytest.raises(TemplateBudgetError, match=limit):
        render(source, small)


def test_each_rendering_has_its_own_budget() -> None:
    small = Limits(max_template_steps=150)
    for _ in range(3):  # a fresh environment each time: the budget does not carry over
        assert render("{% for i in range(100) %}{% endfor %}ok", small) == "ok"
