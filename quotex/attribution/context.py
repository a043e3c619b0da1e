"""What an attribution rule sees of the quotation it looks at."""
from __future__ import annotations

from dataclasses import dataclass

from quotex.records import Span
from quotex.turns import Attribution


@dataclass
class Context:
    """One quotation under attribution and its window of text.

    The window is bounded: the sentence before the opening mark (from
    ``sent``) and the text after the closing mark up to ``a_end``, never across
    another quotation or a paragraph break. ``att`` collects what the rules
    tried (``att.why``); a rule that decides fills and returns it.
    """

    index: int  #: the quotation's place among the document's spans
    span: Span
    inner: str  #: the words inside the marks, trailing blanks dropped
    sent: int  #: where the sentence before the quotation starts
    a_end: int  #: where the window after the quotation ends
    att: Attribution
