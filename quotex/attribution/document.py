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
from quotex.mentions import gender as genders
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
        self.lex = language.lexicon()
        quoted = [(s.start, s.end) for s in spans]
        self.cast = Cast(text, quoted)
        self.places = frozenset(roster.mark_places(self.cast, self.lex))  # no person speaks for them
        genders.learn(self.cast, quoted, self.lex.pronoun_gender)  # after the places: they are no people
        self.span_starts = [s.start for s in spans]
        self.results: list[Attribution] = []  # the quotes attributed so far, in order
        self.salient: set[int] = set()  # starts of names that a cue made a speaker
        self._names_given: list[tuple[int, str, int]] | None = None  # "Her name was Duchess"
        self.described: dict[str, int] = {}  # the entity each "the <noun>" last resolved to
        self.cues = language.cues().bound(text)  # remembers the verbs of this document's windows
        self.explain = True  # the reasoning is kept as steps (quotex.explain); extract needs none
        self._ends: tuple[list[int], list[int]] | None = None  # every sentence end: starts, ends
        self._abbreviated: dict[int, bool] = {}  # by sentence end: its stop is an abbreviation's

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
        """Where the sentence ending at ``hi`` starts, not before ``lo``.

        The sentence ends of the whole text are found once; those inside ``lo:hi``
        are the ones a search of that window alone finds (an end's blanks hold no stop).
        """
        if self._ends is None:
            found = [(m.start() + 1, m.end()) for m in SENTENCE_END.finditer(self.text)]  # after the stop
            self._ends = ([s for s, _ in found], [e for _, e in found])
        starts, ends = self._ends
        first = bisect.bisect_left(starts, lo)
        for k in range(bisect.bisect_left(ends, hi) - 1, first - 1, -1):
            s = starts[k]
            if s - 12 >= lo:  # the word before the stop lies whole in the window: its answer is kept
                abbreviated = self._abbreviated.get(s)
                if abbreviated is None:
                    abbreviated = self._abbreviated[s] = self._stop_of_abbreviation(s - 12, s)
            else:
                abbreviated = self._stop_of_abbreviation(lo, s)
            if not abbreviated:
                return ends[k]
        return lo

    def _stop_of_abbreviation(self, lo: int, pos: int) -> bool:
        """The stop before ``pos`` ends the last word of ``text[lo:pos]`` as an abbreviation's."""
        word = LAST_WORD.search(self.text, lo, pos)
        return self.dot_of_abbreviation(word.group(1).lower() if word else "")

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
