"""What an attribution rule sees of the quotation it looks at."""
from __future__ import annotations

from dataclasses import dataclass, field

from quotex.records import Span
from quotex.mentions.phrases import Mention

#: The one telling a story in the first person ('"...," I said.'), as a speaker: a character
#: label, capitalized like the name it stands for (annotated fiction writes "Narrator").
NARRATOR = "Narrator"


@dataclass
class Attribution:
    """What the rules found for one quote: the words they pointed at, the cue,
    the rule, the speaker it resolves to, and the reasoning (for ``explain``)."""

    mention: Mention | None = None
    cue: str | None = None
    addressees: tuple[str, ...] = ()
    rule: str | None = None
    speaker: str | None = None
    confidence: float = 0.0
    why: list[str] = field(default_factory=list)
    entity: int | None = None  # the cast entity of the speaker, when it is a name of the document


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
