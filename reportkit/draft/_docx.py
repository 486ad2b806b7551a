"""Rendering a docxtpl Word template in a sandbox.

Report text reaches the template only as context values, never as template source, so
``{{ 7*7 }}`` in a report prints literally. Templates run in jinja2's SandboxedEnvironment
with StrictUndefined: ``{{ ''.__class__ }}`` or an unknown name is a TemplateError naming the tag.
"""

from __future__ import annotations

import importlib.resources
import os
import re
import zipfile
from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from .._io import atomic_path, output_set
from ..errors import InputError, MissingFileError, PathLike, TemplateError
from ..limits import DEFAULT_LIMITS, Limits
from ..readers._zip import check_zip
from ._sandbox import TemplateBudgetError, bounded_environment

DEFAULT_TEMPLATES = {"zh": "fazhi-report.docx", "en": "annual-report-en.docx"}
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_XML_TAG = re.compile(r"<[^>]+>")


def template_path(template: PathLike | None, language: str, stack: ExitStack) -> Path:
    """The user's template, or the bundled default for ``language``."""
    if template is not None:
        p = Path(os.fspath(template))
        if not p.is_file():
            raise MissingFileError("no such template", path=p)
        if not zipfile.is_zipfile(p):
            raise TemplateError("not a Word .docx template (not a zip container)", path=p)
        check_template(p, DEFAULT_LIMITS)
        return p
    name = DEFAULT_TEMPLATES.get(language, DEFAULT_TEMPLATES["zh"])
    res = importlib.resources.files("reportkit.templates").joinpath(name)
    return stack.enter_context(importlib.resources.as_file(res))


def check_template(path: Path, limits: Limits) -> None:
    """A user's template is an input: the size, zip and DOCTYPE checks of a .docx input (TemplateError)."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise TemplateError(f"{size} bytes, over the limit of {limits.max_bytes} (Limits.max_bytes)", path=path)
    try:
        check_zip(path, limits)
    except InputError as e:
        raise TemplateError(e.message, path=path) from None


def _environment() -> SandboxedEnvironment:
    # autoescape: values are XML-escaped as they enter document.xml; RichText (__html__) is not.
    # Bounded (see _sandbox): a template's loops, calls and output have limits.
    return bounded_environment(DEFAULT_LIMITS)


def render_docx(
    template: PathLike | None,
    language: str,
    context: Mapping[str, Any],
    out: PathLike,
    *,
    comments: Mapping[str, str] | None = None,
) -> Path:
    """Render ``template`` with ``context`` into ``out`` (atomically).

    ``comments`` maps the start of a paragraph's text to a Word comment attached to that paragraph.
    """
    from docxtpl import DocxTemplate

    target = Path(os.fspath(out))
    with ExitStack() as stack:
        src = template_path(template, language, stack)
        try:
            doc = DocxTemplate(str(src))
            doc.render(dict(context), jinja_env=_environment(), autoescape=True)
        except jinja2.TemplateSyntaxError as e:
            raise TemplateError(f"syntax error in tag {_tag_at(e)}: {e.message}", path=src) from e
        except jinja2.exceptions.SecurityError as e:
            raise TemplateError(f"unsafe template: {e}", path=src) from e
        except jinja2.UndefinedError as e:
            raise TemplateError(f"unknown name in the template: {e.message}", path=src) from e
        except jinja2.TemplateError as e:
            raise TemplateError(f"cannot render the template: {e}", path=src) from e
        except (KeyError, ValueError, zipfile.BadZipFile) as e:
            raise TemplateError(f"not a usable Word template ({type(e).__name__}: {e})", path=src) from e
        except TemplateBudgetError as e:
            raise TemplateError(f"refused: {e}", path=src) from None
        except (OverflowError, RecursionError, MemoryError) as e:  # the sandbox's range, a macro calling itself
            raise TemplateError(f"the template asks for too much ({type(e).__name__}: {e})", path=src) from None
        if comments:
            _comment(doc.docx, comments)
        with output_set() as outs:
            outs.protect(src, "the template")
            with atomic_path(target) as tmp:
                doc.save(str(tmp))
    return target


def _tag_at(e: jinja2.TemplateSyntaxError) -> str:
    """The template tag on the line jinja2 complains about (docxtpl puts each paragraph on its own line)."""
    source = getattr(e, "source", None)
    lines = source.splitlines() if isinstance(source, str) else []
    if e.lineno and 0 < e.lineno <= len(lines):
        text = _XML_TAG.sub("", lines[e.lineno - 1])
        tags: list[str] = _TAG.findall(text)
        if tags:
            return "“" + tags[0].strip() + "”"
        if "{" in text:
            return "“" + text[text.index("{") :][:60].strip() + "”"
    return f"at line {e.lineno}"


def _comment(document: Any, comments: Mapping[str, str]) -> None:
    for paragraph in document.paragraphs:
        for start, text in comments.items():
            if paragraph.text.startswith(start) and paragraph.runs:
                document.add_comment(paragraph.runs, text=text, author="reportkit", initials="rk")
