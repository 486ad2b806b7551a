"""A jinja2 sandbox whose cost is bounded: a template is a file a user gave, so it is an input like any other.

jinja2's SandboxedEnvironment stops access to Python internals, but not work: ``{% for i in range(99999) %}``
nested twice, ``{{ 'x' * 10**10 }}``, ``{{ 9**9**9 }}``, ``'x'|center(10**10)`` or a namespace that doubles a
string in a loop each ask for hours or gigabytes. Here every ``range`` item, call and intercepted operator is a
step (``Limits.max_template_steps``), every piece of text the template joins counts towards
``Limits.max_template_output``, and operators and filters that build big values check the size first. Crossing a
limit raises :class:`TemplateBudgetError`, which the caller turns into a ``TemplateError`` naming the template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import jinja2
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace

from ..limits import DEFAULT_LIMITS, Limits

# Filters whose integer arguments set the size of what they make (a width, a count of slices or items).
_SIZED_FILTERS = ("center", "indent", "wordwrap", "truncate", "batch", "slice", "random")
_WIDTH = re.compile(r"%[-+ #0]*(\d+)(?:\.(\d+))?|\{[^{}]*?:[^{}]*?(\d+)[^{}]*\}")


class TemplateBudgetError(Exception):
    """A template asked for more work or output than the limits allow."""


class BoundedEnvironment(SandboxedEnvironment):
    """SandboxedEnvironment with a step budget and an output cap (one instance per rendering)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, limits: Limits = DEFAULT_LIMITS, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.limits = limits
        self.steps = 0
        self.produced = 0
        self.globals["range"] = self._range
        self.globals["namespace"] = self._namespace
        self.globals.pop("lipsum", None)  # random text of any length: no use in a report template
        for name in _SIZED_FILTERS:
            if name in self.filters:
                self.filters[name] = self._sized(self.filters[name], name)
        self.filters["format"] = self._format(self.filters["format"])
        self.concat = self._concat  # type: ignore[method-assign]

    # budget ---------------------------------------------------------------
    def step(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > self.limits.max_template_steps:
            raise TemplateBudgetError(
                f"the template's tags take over {self.limits.max_template_steps} steps (loops, calls, operations; "
                "Limits.max_template_steps)"
            )

    def _size(self, n: int, what: str) -> None:
        if n > self.limits.max_template_output:
            raise TemplateBudgetError(
                f"{what} would be {n} characters, over the limit of {self.limits.max_template_output} "
                "(Limits.max_template_output)"
            )

    def _concat(self, pieces: Iterable[str]) -> str:
        parts = []
        for piece in pieces:
            self.produced += len(piece)
            if self.produced > self.limits.max_template_output:
                self._size(self.produced, "the template's output")
            parts.append(piece)
        return "".join(parts)

    # what a template can call -------------------------------------------
    def _range(self, *args: int) -> Iterable[int]:
        items = range(*args)
        if len(items) > self.limits.max_template_steps:
            raise TemplateBudgetError(
                f"range() of {len(items)} items, over the limit of {self.limits.max_template_steps} "
                "(Limits.max_template_steps)"
            )
        for i in items:
            self.step()
            yield i

    def _namespace(self, *args: Any, **kwargs: Any) -> Namespace:
        return _BoundedNamespace(self, *args, **kwargs)

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        self.step()
        for value in (*args, *kwargs.values()):
            self._check_value(value, "an argument")
        method = getattr(obj, "__name__", "")
        if isinstance(getattr(obj, "__self__", None), (str, bytes, list, tuple)) and method in _SIZING_METHODS:
            ints = [a for a in (*args, *kwargs.values()) if isinstance(a, int)]
            if ints:
                self._size(max(ints), f"{method}()")
        return super().call(context, obj, *args, **kwargs)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.step()
        ints = isinstance(left, int) and isinstance(right, int)
        if operator == "*" and ints:
            self._number(abs(left).bit_length() + abs(right).bit_length())
        elif operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int):
                    self._size(len(seq) * n, "a repeated value")
        elif operator == "**" and ints and abs(left) > 1:
            self._number(abs(left).bit_length() * max(right, 0))
        elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            self._size(len(left) + len(right), "a joined value")
        elif operator == "%" and isinstance(left, str):
            self._size(_widest(left), "a formatted value")
        return self.binop_table[operator](left, right)

    def _number(self, bits: int) -> None:
        if bits > _MAX_NUMBER_BITS:
            raise TemplateBudgetError(
                f"a number of over {_MAX_NUMBER_BITS * 3 // 10} digits in the template's tags"
            )

    def _check_value(self, value: Any, what: str) -> None:
        if isinstance(value, (str, bytes, list, tuple)):
            self._size(len(value), what)
        elif isinstance(value, int) and not isinstance(value, bool):
            self._number(value.bit_length())

    def _sized(self, fn: Callable[..., Any], name: str) -> Callable[..., Any]:
        def bounded(*args: Any, **kwargs: Any) -> Any:
            self.step()
            for a in (*args[1:], *kwargs.values()):
                if isinstance(a, int) and not isinstance(a, bool):
                    self._size(a, f"the {name} filter's argument")
            return fn(*args, **kwargs)

        _copy_pass(fn, bounded)
        return bounded

    def _format(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
            self.step()
            if isinstance(value, str):
                self._size(_widest(value), "a formatted value")
            return fn(value, *args, **kwargs)

        _copy_pass(fn, bounded)
        return bounded


# Python's own limit on the digits of a number printed as text (sys.int_info.default_max_str_digits).
_MAX_NUMBER_BITS = 4300 * 10 // 3
_SIZING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "__mul__", "format"})


def _widest(fmt: str) -> int:
    """The largest width or precision a printf or str.format pattern asks for."""
    widths = [int(d) for m in _WIDTH.finditer(fmt) for d in m.groups() if d and len(d) < 20]
    return max(widths, default=0) + len(fmt)


def _copy_pass(fn: Callable[..., Any], wrapper: Callable[..., Any]) -> None:
    """Keep jinja2's pass_context / pass_environment marks, so the wrapped filter gets what it expects."""
    if hasattr(fn, "jinja_pass_arg"):
        wrapper.jinja_pass_arg = fn.jinja_pass_arg  # type: ignore[attr-defined]


class _BoundedNamespace(Namespace):
    """``namespace()`` whose attributes are checked on assignment (a string doubled in a loop stops)."""

    def __init__(self, env: BoundedEnvironment, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        object.__setattr__(self, "_env", env)

    def __setitem__(self, name: str, value: Any) -> None:
        env: BoundedEnvironment = object.__getattribute__(self, "_env")
        env.step()
        env._check_value(value, f"namespace value {name!r}")
        super().__setitem__(name, value)


def bounded_environment(limits: Limits = DEFAULT_LIMITS) -> BoundedEnvironment:
    """A fresh environment for one rendering: StrictUndefined, autoescape (values are XML-escaped)."""
    return BoundedEnvironment(limits, undefined=jinja2.StrictUndefined, autoescape=True)


__all__ = ["BoundedEnvironment", "TemplateBudgetError", "bounded_environment"]
