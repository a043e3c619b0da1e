"""What quotex knows of a language, one folder each (:mod:`.en`).

A :class:`Language` is what the pipeline takes: the lexicon read from the
language's data files, its cue finder and its ordered table of cue rules. A
second language is a new folder beside ``en/`` that builds one (its word lists,
its patterns, its rules) and passes it to :func:`quotex.pipeline.resolve`.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotex.attribution.rules import Rule
    from quotex.lang.en.cues import Cues
    from quotex.lang.en.lexicon import Lexicon


@dataclass(frozen=True)
class Language:
    """A language the pipeline reads: its lexicon, cues and cue rules."""

    code: str  #: its BCP 47 tag: "en"
    lexicon: Callable[[], Lexicon]  #: its word lists (loaded once, cached)
    cues: Callable[[], Cues]  #: its speech-cue finder (built once, cached)
    rules: Sequence[tuple[str, Rule]]  #: its cue rules, (rule id, function), most reliable first
