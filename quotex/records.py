"""Typed records shared by every layer of quotex.

Records hold plain values only (no Rich, no click), so that the core stays
importable on its own and every record can be turned into JSON with
:meth:`Quote.to_dict`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Kinds of quote records.
#:
#: ``direct``   a quotation in marks with a speaker cue or the shape of speech;
#: ``mixed``    a fragment in marks inside its speaker's own clause, a word right
#:              before the marks ('Chu believes the plans are "dangerous"');
#: ``term``     a short span in marks that is not speech (a scare quote, a title,
#:              a nickname); left out of machine output unless asked for.
KINDS = ("direct", "mixed", "term")

#: The output formats of ``quotex extract``.
FORMATS = ("table", "json", "jsonl", "csv")

#: The order of fields in JSON, JSON Lines and CSV output.
FIELDS = (
    "start",
    "end",
    "quote",
    "speaker",
    "mention",
    "mention_start",
    "mention_end",
    "cue",
    "addressees",
    "kind",
    "rule",
    "confidence",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted stretch of text found by the tokenizer.

    ``start``/``end`` include the quotation marks; ``inner_start``/``inner_end``
    delimit the words inside them. ``closed`` is False when the closing mark
    was never found and the span was cut at the end of its paragraph.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation and its attribution.

    ``text[start:end]`` is the quotation, marks included; ``quote`` is the
    words inside the marks. ``speaker`` is the canonical name (the fullest
    name the document gives that person) or ``None`` when the rules cannot
    tell. ``mention`` is the surface words the cue attached to ("Putin",
    "the cosmonaut", "he"), at ``text[mention_start:mention_end]``.

    ``confidence`` is the probability, estimated on annotated news, that
    ``speaker`` is right: about 0.95 for a cue in the quote's own sentence
    naming a person, lower for pronouns, descriptions and continued turns,
    0.0 when ``speaker`` is ``None``.
    """

    start: int
    end: int
    quote: str
    speaker: str | None = None
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None
    addressees: tuple[str, ...] = field(default_factory=tuple)
    kind: str = "direct"
    rule: str | None = None
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict, fields in :data:`FIELDS` order."""
        # by hand, not dataclasses.asdict: that deep-copies every field and was
        # a tenth of the command line's time on a corpus
        return {
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "speaker": self.speaker,
            "mention": self.mention,
            "mention_start": self.mention_start,
            "mention_end": self.mention_end,
            "cue": self.cue,
            "addressees": list(self.addressees),
            "kind": self.kind,
            "rule": self.rule,
            "confidence": self.confidence,
        }


class Step(str):
    """One step of the reasoning behind a record (:func:`quotex.explain`).

    A ``str``, the line ``--explain`` prints ("after: '..., Putin said' -> 'Putin'"),
    that also holds its parts: ``rule``, the id of the registered rule whose attempt
    wrote it (``quotex.pipeline.registered()``; for the rule that decided, the id the
    record names); ``candidates``, the speaker phrases the step weighed; ``chosen``,
    the speaker it settled on (None when it settled on nobody or only noted what it
    saw).
    """

    rule: str | None
    candidates: tuple[str, ...]
    chosen: str | None

    def __new__(cls, line: str, rule: str | None = None, candidates: tuple[str, ...] = (),
                chosen: str | None = None) -> Step:
        step = super().__new__(cls, line)
        step.rule, step.candidates, step.chosen = rule, tuple(candidates), chosen
        return step

    def __reduce__(self) -> tuple[type[Step], tuple[str, str | None, tuple[str, ...], str | None]]:
        return (Step, (str(self), self.rule, self.candidates, self.chosen))

    def of(self, rule: str | None) -> Step:
        """The same step, written by ``rule`` when no rule was given it yet."""
        return self if self.rule is not None else Step(str(self), rule, self.candidates, self.chosen)
