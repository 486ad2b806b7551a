"""Limits on what reportkit will read. Every reader takes a ``Limits``; the defaults suit real reports.

Documented in docs/robustness.md; the CLI sets them with ``--max-bytes`` and friends.
"""

from __future__ import annotations

import sys

import attrs


@attrs.frozen
class Limits:
    max_bytes: int = 32 * 1024 * 1024  # size of an input file on disk
    max_chars: int = 8 * 1024 * 1024  # decoded text handed to the parser
    max_unzipped_bytes: int = 256 * 1024 * 1024  # total uncompressed size of a .docx/.xlsx
    max_zip_ratio: float = 200.0  # uncompressed / compressed, per member and overall
    max_zip_members: int = 10_000
    max_xml_elements: int = 2_000_000  # elements in one XML part
    max_tables: int = 5_000  # tables in a .docx
    max_html_depth: int = 1_000  # nesting of HTML elements before the rest is flattened
    max_list_number: int = 32_767  # a Word list's start value (Word's own largest); beyond, markers cost unbounded
    max_level_text: int = 1_000  # characters of a Word list level's text (w:lvlText), repeated on every item
    max_template_output: int = 64 * 1024 * 1024  # characters a Word template's tags may produce in all
    max_template_steps: int = 1_000_000  # loop iterations (range), calls and operations of a template's tags
    # A draft carried in a workbook's _meta sheet: a tampered one must not cost more than a real one.
    # The largest real report (a national 政府工作报告) drafts to about 600 blocks and 1,500 slots.
    max_draft_blocks: int = 20_000  # paragraphs and headings of a draft
    max_draft_slots: int = 20_000  # figures and checklist items of a draft, each

    def __attrs_post_init__(self) -> None:
        for f in attrs.fields(Limits):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= sys.maxsize:
                from .errors import UsageError

                raise UsageError(f"limit {f.name} must be a positive number up to {sys.maxsize} (got {value!r})")


DEFAULT_LIMITS = Limits()
