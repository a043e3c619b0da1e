"""Choosing what a record holds: ``--fields``, ``--context`` and ``--min-confidence``.

Plain values only (no click, no Rich): the command line turns the
ValueErrors raised here into usage errors.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from quotex.records import FIELDS, Quote

#: Keys ``--context`` adds to a record, in this order (after ``confidence``,
#: ``candidates`` and ``steps``).
CONTEXT_FIELDS = ("context", "context_start", "context_end")

#: Keys ``--explain`` adds to a record: the lines of reasoning, and the same as steps
#: (rule, candidates, chosen).
EXPLAIN_FIELDS = ("candidates", "steps")

#: Every key a record can have, in output order.
ALL_FIELDS = ("file", "id", *FIELDS, *EXPLAIN_FIELDS, *CONTEXT_FIELDS)

#: ``--context paragraph``.
PARAGRAPH = "paragraph"

def parse_fields(spec: str, *, explain: bool = False, context: bool = False) -> tuple[str, ...]:
    """The keys of ``--fields a,b,c``, in the order given. ValueError for an
    unknown or repeated key, an empty list, or a key whose option is missing
    (``candidates`` and ``steps`` need ``--explain``, ``context*`` needs ``--context``)."""
    names = [name.strip() for name in spec.split(",")]
    if not any(names):
        raise ValueError(f"no field given; valid fields: {', '.join(ALL_FIELDS)}")
    seen: set[str] = set()
    for name in names:
        if name not in ALL_FIELDS:
            shown = repr(name) if name else "an empty name"
            raise ValueError(f"unknown field {shown}; valid fields: {', '.join(ALL_FIELDS)}")
        if name in seen:
            raise ValueError(f"field {name!r} given twice")
        seen.add(name)
        if name in EXPLAIN_FIELDS and not explain:
            raise ValueError(f"field {name!r} needs --explain")
        if name in CONTEXT_FIELDS and not context:
            raise ValueError(f"field {name!r} needs --context")
    return tuple(names)


def parse_context(value: str) -> int | str:
    """``--context N`` (characters, N >= 0) or ``--context paragraph``."""
    text = value.strip().lower()
    if text == PARAGRAPH:
        return PARAGRAPH
    if not re.fullmatch(r"\d+", text):
        raise ValueError(f"{value!r} is neither a number of characters nor 'paragraph'")
    return int(text)


_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)|\u2029")
_LINE = re.compile(r"\r\n|\r|\n|\u2029")


def context_span(text: str, start: int, end: int, context: int | str, *,
                 hard_wrapped: bool = False) -> tuple[int, int]:
    """The stretch of ``text`` around ``text[start:end]`` that ``--context``
    gives: at most N characters either side, cut back to whole words (a word
    the N-character window would cut is left out, unless the window is all
    one word), blanks at its ends trimmed, never beyond the text; or, for ``paragraph``, the
    paragraphs the quotation starts and ends in (a paragraph ends at a line
    break, or at a blank line when ``hard_wrapped``), without their leading
    and trailing blanks."""
    if context == PARAGRAPH:
        pattern = _BLANK_LINE if hard_wrapped else _LINE
        lo = 0
        for m in pattern.finditer(text, 0, start):
            lo = m.end()
        after = pattern.search(text, end)
        hi = after.start() if after is not None else len(text)
        while lo < start and text[lo].isspace():
            lo += 1
        while hi > end and text[hi - 1].isspace():
            hi -= 1
        return lo, hi
    n = int(context)
    lo = max(0, start - n)
    hi = min(len(text), end + n)
    if 0 < lo < start and _inside_word(text, lo):
        # the window starts inside a word: leave that word out
        cut = lo
        while cut < start and _word_char(text[cut]):
            cut += 1
        if cut < start:
            lo = cut
    while lo < start and text[lo].isspace():
        lo += 1
    if end < hi < len(text) and _inside_word(text, hi):
        cut = hi
        while cut > end and _word_char(text[cut - 1]):
            cut -= 1
        if cut > end:
            hi = cut
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _inside_word(text: str, i: int) -> bool:
    """Whether a cut before ``text[i]`` splits a word."""
    return _word_char(text[i - 1]) and _word_char(text[i])


def keep_confident(quotes: Sequence[Quote], explanations: Sequence[Sequence[str]] | None,
                   minimum: float) -> tuple[list[Quote], list[list[str]] | None]:
    """The quotes with ``confidence >= minimum`` (and their explanations)."""
    kept = [i for i, q in enumerate(quotes) if q.confidence >= minimum]
    why = None if explanations is None else [list(explanations[i]) for i in kept
                                             if i < len(explanations)]
    return [quotes[i] for i in kept], why
