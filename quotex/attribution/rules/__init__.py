"""The cue rules, in the order they are tried: the first that returns an
attribution decides.

Each rule is a plain function ``(doc, ctx) -> Attribution | None``: ``doc`` is
the document under attribution (:class:`quotex.attribution.document.Document`), ``ctx``
the quotation and its window (:class:`quotex.attribution.context.Context`).
A rule returns None when its cue is not there (noting in ``ctx.att.why`` what
it tried), or ``doc.finish(...)`` with the speaker phrase it read.

A new rule is a function in :mod:`.after` (cues after the quotation) or
:mod:`.before` (cues before it), its id in :mod:`quotex.attribution.ids`
(what its records' ``rule`` says) and one line in :data:`RULES`, at the place
its reliability earns; its records' confidence comes from
``quotex/data/confidence.tsv``.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from quotex.attribution import ids
from quotex.attribution.rules.after import (quote_dash_x, quote_said_x, quote_verbed_x, quote_x_aside_said, quote_x_said,
                                            quote_x_verbed, sentence_tag)
from quotex.attribution.rules.accounts import in_the_words_of, reported_according_to
from quotex.attribution.rules.before import (according_to_x, as_x_put_it, sentence_subject, subject_verb_fragment, x_colon_quote,
                                             x_said_quote, x_said_then_quote)

if TYPE_CHECKING:
    from quotex.attribution.context import Attribution, Context
    from quotex.attribution.document import Document

Rule = Callable[["Document", "Context"], "Attribution | None"]

#: (rule id, function), most reliable first.
RULES: list[tuple[str, Rule]] = [
    (ids.ACCOUNT_ACCORDING_TO_X, reported_according_to),  # According to the Courier, Lee said "..."
    (ids.IN_THE_WORDS_OF_X, in_the_words_of),  # In the words of Ann Lee, "..."
    (ids.QUOTE_X_SAID, quote_x_said),  # "...," Putin said
    (ids.QUOTE_SAID_X, quote_said_x),  # "...," said Putin
    (ids.QUOTE_DASH_X, quote_dash_x),  # "..." - Bernie Sanders
    (ids.QUOTE_VERBED_X, quote_verbed_x),  # "...," glowed Mabel.
    (ids.QUOTE_X_VERBED, quote_x_verbed),  # "Well," he smiled.
    (ids.QUOTE_THEN_TAG, sentence_tag),  # "..." that he can win, said Ann Lee.
    (ids.X_SAID_QUOTE, x_said_quote),  # Putin said: "..."
    (ids.ACCORDING_TO_X, according_to_x),  # "...," according to Putin
    (ids.AS_X_PUT_IT, as_x_put_it),  # As Ann Lee, a historian, put it: "..."
    (ids.X_COLON_QUOTE, x_colon_quote),  # Shaw was blunt: "..."
    (ids.X_SAID_THEN_QUOTE, x_said_then_quote),  # ..., Schiff said. "..."
    (ids.SUBJECT_VERB_FRAGMENT, subject_verb_fragment),  # Cruz called it "..."
    (ids.QUOTE_X_ASIDE_SAID, quote_x_aside_said),  # "...," Ann Lee of the Cato Institute, an economist, wrote
    (ids.SENTENCE_SUBJECT, sentence_subject),  # Gov. Lee of Ohio lauded the plan for its "new ideas"
]
