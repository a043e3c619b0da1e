"""The document under attribution: one text's spans, paragraphs, page layout,
cast of names and lexicon, and the few questions about positions every rule asks
(which paragraph, where a sentence starts, whether a position is quoted).

The cue rules (:mod:`quotex.attribution.rules`), the resolution of speaker
phrases (:mod:`quotex.attribution.resolve`) and the dialogue rules
(:mod:`quotex.attribution.dialogue`) take it as their first argument; the
pipeline (:mod:`quotex.pipeline`) builds one per text.
"""
from __future__ import annotations

import bisect

from quotex.attribution.context import Attribution
from quotex.attribution.dialogue import turns
from quotex.attribution.resolve import descriptions
from quotex.lang import Language
from quotex.lang.en.shapes import DOTTED_LETTERS, LAST_WORD
from quotex.mentions.cast import Cast
from quotex.mentions import roster
from quotex.records import Span
from quotex.text.layout import Layout, char_before
from quotex.text.sentences import SENTENCE_END


class Document:
    """One document under attribution: its text, spans, paragraphs and cast."""

    def __init__(self, text: str, spans: list[Span], paragraphs: list[int], language: Language,
                 page: Layout | None = None) -> None:
        self.text = text
        self.language = language
        self.page = page or Layout()  # headline, bylines, datelines: their names never speak
        self.near_names: dict[int, descriptions.NearNames] = {}  # by entity id, filled as descriptions are checked
        self._dialogue: bool | None = None  # written as dialogue (turns.written_as_dialogue)
        self.spans = spans
        self.paragraphs = paragraphs
        self.cast = Cast(text, [(s.start, s.end) for s in spans])
        self.places = frozenset(roster.mark_places(self.cast, language.lexicon()))  # no person speaks for them
        self.span_starts = [s.start for s in spans]
        self.results: list[Attribution] = []  # the quotes attributed so far, in order
        self.salient: set[int] = set()  # starts of names that a cue made a speaker
        self.current = 0  # the index of the quote under attribution
        self._names_given: list[tuple[int, str, int]] | None = None  # "Her name was Duchess"
        self.described: dict[str, int] = {}  # the entity each "the <noun>" last resolved to
        self.lex = language.lexicon()
        self.cues = language.cues().bound(text)  # remembers the verbs of this document's windows

    def paragraph_of(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraphs, pos) - 1

    def paragraph_end(self, pos: int) -> int:
        k = self.paragraph_of(pos) + 1
        return self.paragraphs[k] if k < len(self.paragraphs) else len(self.text)

    def end_before(self, pos: int) -> int:
        """Where the text before ``pos`` ends once trailing blanks are dropped."""
        while pos > 0 and self.text[pos - 1].isspace():
            pos -= 1
        return pos

    def sentence_start(self, lo: int, hi: int) -> int:
        """Where the sentence ending at ``hi`` starts, not before ``lo``."""
        start = lo
        for m in SENTENCE_END.finditer(self.text, lo, hi):
            word = LAST_WORD.search(self.text, max(lo, m.start() - 12), m.start())
            if self.dot_of_abbreviation(word.group(1).lower() if word else ""):
                continue  # "Mr. Putin", "U.S. officials"
            start = m.end()
        return start

    def dot_of_abbreviation(self, word: str) -> bool:
        """``word`` (lower case, its dot included) ends in a title's, an abbreviation's or
        an initial's dot, which ends no sentence: "mr.", "va.", "u.s.", "j."."""
        return word in self.lex.titles or word[:-1] in self.lex.abbreviations or bool(DOTTED_LETTERS.fullmatch(word))

    def opens_sentence(self, pos: int) -> bool:
        """The word at ``pos`` opens a sentence or a paragraph."""
        text = self.text
        return not text[max(0, pos - 3):pos].strip(" \n\t\"“”'’") or char_before(text, pos) in ".!?;"

    def quoted(self, pos: int) -> bool:
        """``pos`` lies inside a quotation."""
        k = bisect.bisect_right(self.span_starts, pos) - 1
        return k >= 0 and pos < self.spans[k].end

    def confidence(self, rule: str, kind: str) -> float:
        """The measured share of right speakers for this rule and kind of mention, in
        news or, for a document written as dialogue (fiction, transcripts), there."""
        table = self.lex.confidence_dialogue if turns.written_as_dialogue(self) else self.lex.confidence
        return table.get((rule, kind), table.get(("*", kind), 0.5))
