"""The cue rules, in the order they are tried: the first that returns an
attribution decides.

Each rule is a plain function ``(doc, ctx) -> Attribution | None``: ``doc`` is
the document under attribution (:class:`quotex.resolver.Document`), ``ctx``
the quotation and its window (:class:`quotex.attribution.context.Context`).
A rule returns None when its cue is not there (noting in ``ctx.att.why`` what
it tried), or ``doc.finish(...)`` with the speaker phrase it read.

A new rule is a function in :mod:`.after` (cues after the quotation) or
:mod:`.before` (cues before it) and one line in :data:`RULES`, at the place
its reliability earns; its records' confidence comes from
``quotex/data/confidence.tsv``.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from quotex.attribution.rules.after import quote_dash_x, quote_said_x, quote_x_said, sentence_tag, tag_shape
from quotex.attribution.rules.before import (according_to_x, subject_verb_fragment, x_colon_quote, x_said_quote,
                                             x_said_then_quote)

if TYPE_CHECKING:
    from quotex.attribution.context import Attribution, Context
    from quotex.resolver import Document

Rule = Callable[["Document", "Context"], "Attribution | None"]

#: (rule id, function), most reliable first.
RULES: list[tuple[str, Rule]] = [
    ("quote-X-said", quote_x_said),  # "...," Putin said
    ("quote-said-X", quote_said_x),  # "...," said Putin
    ("quote-dash-X", quote_dash_x),  # "..." - Bernie Sanders
    ("tag-shape", tag_shape),  # "...," glowed Carol.
    ("quote-then-tag", sentence_tag),  # "..." that he can win, said Ann Lee.
    ("X-said-quote", x_said_quote),  # Putin said: "..."
    ("according-to-X", according_to_x),  # "...," according to Putin
    ("X-colon-quote", x_colon_quote),  # Shaw was blunt: "..."
    ("X-said-then-quote", x_said_then_quote),  # ..., Schiff said. "..."
    ("subject-verb-fragment", subject_verb_fragment),  # Cruz called it "..."
]
