"""Cue finding: speech verbs, auxiliaries, and the speaker phrases around them.

Built once from the lexicon. Speech verbs are not spelled out inside the
patterns (hundreds of forms, compiled into every pattern, cost a fifth of a
second at start-up and a trial at every character of a speaker phrase).
Instead the lower-case words of a window are found with one small pattern and
looked up in the lexicon's set of forms, and the shape around each verb
(the speaker phrase before it, the filler after it) is checked with an
anchored pattern. Each method is named after the shape it finds, and that name
becomes the ``rule`` of the quote records it attributes.
"""
from __future__ import annotations

import copy
from functools import cache
from typing import NamedTuple

import regex

from quotex.lang.en.lexicon import load

#: Words that may sit between a speaker and a speech verb: "Putin also said", "she has said".
AUXILIARIES = (
    "also later then again further has have had will would could should may might must "
    "is was were are did does do had been be not never once previously recently repeatedly "
    "reportedly simply only just quickly softly loudly angrily calmly quietly finally"
).split()

#: Words that may follow a speech verb before the quotation: "said on Tuesday in a statement that".
FILLER = r"(?:[^.!?;\"“”«»„]{0,90}?)"

#: Words after which a verb form is a noun: "the report", "a tweet", "his reply".
NOUN_DETERMINERS = "the a an his her its their this that our my your".split()

#: A lawmaker's party and state: "R-Fla.", "D-N.Y.", "I-Vt.", "D-New York".
PARTY = r"[RDI]-\p{Lu}[\p{L}.]{0,6}(?:\s\p{Lu}[\p{L}.]{0,6})?"
#: The same in brackets, as one piece of a speaker phrase: "Sen. Marco Rubio (R-Fla.)".
PARTY_IN_BRACKETS = r"\(" + PARTY + r"\)"

#: How many characters a speaker phrase may run between a quote and its verb.
MAX_PHRASE = 140
#: How many windows a bound document remembers the verbs of (a long document's memory stays flat).
MEMO_SIZE = 4096

#: A lower-case word as a whole word: the candidates for a speech verb.
_LOWER_WORD = regex.compile(r"(?<![\p{L}'’])\p{Ll}+(?![\p{L}'’\-])")
#: The second word of a two-word verb ("pointed out"), after any blanks.
_NEXT_WORD = regex.compile(r"\s+(\p{Ll}+)(?![\p{L}'’\-])")
#: The determiners, for a quick test before the pattern below.
_DETERMINERS = tuple(NOUN_DETERMINERS)
#: Succeeds where the word before is not a determiner.
_NOT_AFTER_DETERMINER = regex.compile(rf"(?<!\b(?:{'|'.join(NOUN_DETERMINERS)})\s)")


#: After "was" following a quotation: a name and its possessive ("was |Mr. Dunn|'s next observation").
_OWNED_TURN = regex.compile(r"\s*(?:all\s+)?(?P<np>\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}]*){0,2})['’]s(?![\p{L}])")
#: The next of up to four lower-case words after it ("calm |answer|").
_NEXT_WORDS = regex.compile(r"\G\s+(\p{Ll}+)(?![\p{L}'’])")


class Cue(NamedTuple):
    """A cue found in the text: the verb, and the speaker phrase or filler around it."""

    start: int  # where the whole shape starts
    end: int  # where it ends
    verb_start: int
    verb_end: int
    verb: str  # the verb as written ("said", "pointed  out"); "" for shapes without one
    np_start: int = -1  # the speaker phrase, when the shape has one
    np_end: int = -1
    filler_end: int = -1  # end of the words between the verb and the quote (pre_tail)


class Cues:
    """The cue shapes of the lexicon's speech verbs, as methods over ``text[lo:hi]``."""

    def __init__(self) -> None:
        lex = load()
        single: set[str] = set()
        pairs: dict[str, set[str]] = {}  # first word -> second words of two-word forms
        for form in lex.verb_forms:
            words = form.split()
            if len(words) == 1:
                single.add(form)
            else:
                pairs.setdefault(words[0], set()).add(words[1])
        self._single = frozenset(single)
        self._pairs = pairs
        self._fragment_single = frozenset(single | {f for f in lex.fragment_verb_forms if " " not in f})
        self._fragment_pairs: dict[str, set[str]] = {k: set(v) for k, v in pairs.items()}
        for form in lex.fragment_verb_forms:
            words = form.split()
            if len(words) == 2:
                self._fragment_pairs.setdefault(words[0], set()).add(words[1])

        self._firsts = self._single | frozenset(self._pairs)
        self._inverted_forms = lex.inverted_verb_forms  # cues only in '"...," returned Mrs. Quill'
        self._speech_nouns = lex.speech_nouns  # '"...," was Anne's calm answer'
        self._fragment_firsts = self._fragment_single | frozenset(self._fragment_pairs)
        #: the fewest letters a verb's first word has: a narrower window holds none
        self._shortest = min(map(len, self._firsts | self._fragment_firsts))
        # the document these cues are bound to (see ``bound``), and the verbs found in its windows
        self._text: str | None = None
        self._memo: dict[tuple[int, int, bool, bool], list[tuple[int, int]]] = {}

        abbreviations = sorted(lex.abbreviations, key=len, reverse=True)
        # a speaker phrase runs to the end of its clause; the dots of "Mr." and "Jr." do not end it
        # a lawmaker's party and state in brackets is one piece of the phrase: "Sen. Marco Rubio (R-Fla.)"
        np_char = r"(?:" + PARTY_IN_BRACKETS + r"|[^.!?;:\"“”«»„\n]|(?<=\b(?i:" + \
            "|".join(regex.escape(a) for a in abbreviations) + r"|\p{Lu}))\.(?=[\s,])" + \
            r"|(?<=\b\p{Lu})\.(?=\p{Lu}\.))"  # the inner dots of initials: "Assistant U.S. Attorney"
        aux = "(?:" + "|".join(AUXILIARIES) + ")"
        lead = r"[\s,;:]*+(?:[—–-]+\s*+)?"
        #: after a quote, up to its verb: , X said / , the cosmonaut also told
        self._post_normal = regex.compile(
            rf"{lead}(?P<np>(?![\s,;:]){np_char}{{1,{MAX_PHRASE}}}?),?\s++(?:{aux}\s++){{0,3}}")
        #: after a quote, up to its verb: , said X / , has said X
        self._post_inverted = regex.compile(rf"{lead}(?:{aux}\s++){{0,2}}")
        #: after the verb of an inverted cue: the speaker phrase
        self._inverted_np = regex.compile(rf"\s++(?P<np>{np_char}{{1,{MAX_PHRASE}}})")
        #: a sentence ending a few words after its verb: ..., Schiff said.
        self._sentence_tail = regex.compile(r"(?:\s+[\p{L}\d'’]+){0,4}\.\s*$")
        #: the words between a verb and the quote it introduces: said on Tuesday that / told Y:
        self._pre_tail = regex.compile(rf"(?P<filler>{FILLER})(?:\s*\bthat\b)?\s*[,:]?\s*$")
        #: after a quote: — Putin
        self.post_dash = regex.compile(r"\s*[—–]\s*(?P<np>[^.!?;:\"“”«»„\n]{1,80})\s*(?:[.\n]|$)")
        #: according to X
        self.according = regex.compile(
            rf"(?<![\p{{L}}])(?P<verb>(?i:according)\s+to)\s+(?P<np>{np_char}{{1,{MAX_PHRASE}}})")

    def bound(self, text: str) -> Cues:
        """These cues for one document: :meth:`verbs` over ``text`` remembers each window
        it read (the rules and turns of one quotation ask for the same windows again)."""
        view = copy.copy(self)
        view._text, view._memo = text, {}
        return view

    # -- verbs --------------------------------------------------------------
    def verbs(self, text: str, lo: int, hi: int, *, fragment: bool = False,
              nouns: bool = False) -> list[tuple[int, int]]:
        """The (start, end) of every speech verb in ``text[lo:hi]``, in order.

        ``fragment`` adds the verbs that give a quoted fragment to their subject
        ("called it", "described as"); ``nouns`` keeps forms after a determiner
        ("the report"), which are nouns when the verbs are looked for.
        """
        if hi - lo < self._shortest:
            return []  # a third of the windows asked for: between a mark and a comma, or empty
        if text is not self._text:
            return self._scan(text, lo, hi, fragment, nouns)
        key = (lo, hi, fragment, nouns)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()  # the windows of quotations far behind are not asked for again
            found = self._memo[key] = self._scan(text, lo, hi, fragment, nouns)
        return list(found)

    def _scan(self, text: str, lo: int, hi: int, fragment: bool, nouns: bool) -> list[tuple[int, int]]:
        """:meth:`verbs` read word by word in the window."""
        single = self._fragment_single if fragment else self._single
        pairs = self._fragment_pairs if fragment else self._pairs
        found: list[tuple[int, int]] = []
        firsts = self._fragment_firsts if fragment else self._firsts
        if firsts.isdisjoint(_LOWER_WORD.findall(text, lo, hi)):
            return found  # no verb in the window (one set operation instead of a loop)
        for m in _LOWER_WORD.finditer(text, lo, hi):
            word = m.group()
            if word not in firsts:
                continue  # most words: one set lookup
            end = -1
            second = pairs.get(word)
            if second is not None:
                nxt = _NEXT_WORD.match(text, m.end(), hi)
                if nxt is not None and nxt.group(1) in second:
                    end = nxt.end()
            if end < 0 and word in single:
                end = m.end()
            if end < 0:
                continue
            if not nouns and m.start() and text.endswith(_DETERMINERS, max(0, m.start() - 6), m.start() - 1) \
                    and not _NOT_AFTER_DETERMINER.match(text, m.start()):
                continue  # "the report": a noun (the pattern only where a determiner ends just before)
            if fragment and m.start() > 0 and text[m.start() - 1] == "-":
                continue  # "so-called" is no verb
            found.append((m.start(), end))
        return found

    def verb_at(self, text: str, pos: int, hi: int | None = None) -> tuple[int, int] | None:
        """The speech verb that starts at ``pos``, if one does."""
        hi = len(text) if hi is None else hi
        m = _LOWER_WORD.match(text, pos, hi)
        if m is None:
            return None
        found = self.verbs(text, pos, m.end() + (40 if m.group() in self._pairs else 0))
        return found[0] if found and found[0][0] == pos else None

    # -- shapes -------------------------------------------------------------
    def post_normal(self, text: str, pos: int, endpos: int) -> Cue | None:
        """After a quote: ', X said', ', the cosmonaut told Y' (the first verb that fits)."""
        for vs, ve in self.verbs(text, pos, endpos):
            m = self._post_normal.fullmatch(text, pos, vs)
            if m is not None:
                return Cue(pos, ve, vs, ve, text[vs:ve], m.start("np"), m.end("np"))
        return None

    def post_inverted(self, text: str, pos: int, endpos: int) -> Cue | None:
        """After a quote: ', said X', ', has said X'."""
        m = self._post_inverted.match(text, pos, endpos)
        if m is None:
            return None
        verb = self.verb_at(text, m.end(), endpos)
        if verb is None:
            return self._inverted_only(text, pos, m.end(), endpos)
        np = self._inverted_np.match(text, verb[1], endpos)
        if np is None:
            return None
        return Cue(pos, np.end(), verb[0], verb[1], text[verb[0]:verb[1]], np.start("np"), np.end("np"))

    def _inverted_only(self, text: str, pos: int, at: int, endpos: int) -> Cue | None:
        """', returned Mrs. Quill', ', thought Anne': a verb that is a cue only here, before a
        name or a "the" noun (not a he/she)."""
        if text[pos:at].rstrip().endswith("was"):  # "was" is read as an auxiliary
            return self._owned_turn(text, pos, at, endpos)
        w = _LOWER_WORD.match(text, at, endpos)
        if w is None or w.group() not in self._inverted_forms:
            return None
        np = self._inverted_np.match(text, w.end(), endpos)
        if np is None or not (text[np.start("np")].isupper() or text.startswith("the ", np.start("np"))):
            return None
        return Cue(pos, np.end(), w.start(), w.end(), w.group(), np.start("np"), np.end("np"))

    def _owned_turn(self, text: str, pos: int, at: int, endpos: int) -> Cue | None:
        """', was Anne's calm answer': the owner of a noun of speech, a name, speaks (the noun
        stands as the cue)."""
        m = _OWNED_TURN.match(text, at, endpos)
        if m is None:
            return None
        for w in _NEXT_WORDS.finditer(text, m.end(), min(endpos, m.end() + 60)):
            if w.group(1) in self._speech_nouns:
                return Cue(pos, w.end(), w.start(1), w.end(1), w.group(1), m.start("np"), m.end("np"))
        return None

    def pre_sentence(self, text: str, lo: int, hi: int) -> Cue | None:
        """A sentence ending in its cue just before a quote: '..., Schiff said.' (the first verb that fits)."""
        for vs, ve in self.verbs(text, lo, hi):
            if self._sentence_tail.match(text, ve, hi):
                return Cue(vs, hi, vs, ve, text[vs:ve])
        return None

    def pre_tail(self, text: str, lo: int, hi: int) -> Cue | None:
        """The end of the text before a quote: '... said that', 'told Y:' (the verb nearest the quote)."""
        for vs, ve in reversed(self.verbs(text, lo, hi)):
            m = self._pre_tail.match(text, ve, hi)
            if m is not None:
                return Cue(vs, hi, vs, ve, text[vs:ve], filler_end=m.end("filler"))
        return None

    def fragment_verb(self, text: str, lo: int, hi: int) -> Cue | None:
        """The first verb in ``text[lo:hi]`` that gives a quoted fragment to its subject: 'called it'."""
        found = self.verbs(text, lo, hi, fragment=True, nouns=True)
        if not found:
            return None
        vs, ve = found[0]
        return Cue(vs, ve, vs, ve, text[vs:ve])


@cache
def cues() -> Cues:
    """The cue finder, built once per process."""
    return Cues()
