"""Who is who in a document: names, their canonical forms, genders and roles.

One pass over the document finds capitalized name sequences
(``Russian President Vladimir Putin``), strips what is not the name (titles,
nationalities, sentence starters), and links each to an entity: a later
``Putin`` or ``Mr. Putin`` joins ``Vladimir Putin``. An entity's canonical
name is the fullest form the document gives it. Titles and role words seen
next to a name ("ISS Expedition 55 commander Anton Shkaplerov",
"Anton Shkaplerov, the commander of ...") become the entity's descriptors, so
that "the commander" can be resolved later. No parser, no model: word lists
in ``quotex/data`` and a bounded look around each name.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from quotex.lang.en.shapes import VERBISH
from quotex.lang.en.words import FEMALE_TITLES, MALE_TITLES
from quotex.mentions.descriptions import describe
from quotex.mentions.entities import MAX_NAMESAKES, Entity, Name, compatible, to_end
from quotex.mentions.lowercase import LOWERCASE_LOOKUPS, has_lowercase_twin, inside_sentence, lower_words
from quotex.mentions.names import (
    ORG_WORDS, RUN_GAP, TITLE_OF, WORDS_BACKWARDS, lexicon, name_matches, name_shape,
    parse_chunk, run_pieces,
)
from quotex.text.sentences import SENTENCE_OPENERS

__all__ = ["Cast", "Entity", "Name", "ORG_WORDS", "VERBISH"]


class Cast:
    """The entities and name mentions of one document."""

    def __init__(self, text: str, quoted: Sequence[tuple[int, int]] = ()) -> None:
        """``quoted``: the (start, end) ranges of the quotations, in order."""
        self.text = text
        self._quoted = list(quoted)
        self._quote_cursor = 0  # the last quotation starting before the last name recorded
        self.lex = lexicon()
        self.entities: list[Entity] = []
        self.names: list[Name] = []
        self._starts: list[int] = []
        # word -> entity ids as an ordered set, most recently mentioned last
        self._by_surname: dict[str, dict[int, None]] = {}  # by last word
        self._by_first: dict[str, dict[int, None]] = {}  # by first word of a longer form
        self._subject: dict[int, bool] = {}
        self._described: set[int] = set()
        self._lowercase: frozenset[str] | None = None
        self._lower_seen: dict[str, bool] = {}
        self._lead_seen: dict[str, bool] = {}
        self._by_word: dict[str, list[int]] | None = None  # see _word_index
        self._titled: dict[str, list[Entity]] = {}  # see titled
        self._learn()

    # -- learning ---------------------------------------------------------
    def _learn(self) -> None:
        """Read every name of the text, in order, and link it to its entity: the one place
        that adds entities and names (``_add`` and ``_link`` serve it; the queries below
        only read, but for caches of what the text already says)."""
        text = self.text
        by_surname = self._by_surname
        for mstart, whole in name_matches(text):
            pieces = run_pieces(whole)
            if not pieces and whole.lower() not in by_surname:
                continue  # "The", "But", "President": no name, and no known person's surname
            if " " not in whole and (not pieces or self._common_opener(mstart, whole)):
                known = self._surname_of_known(mstart, whole)
                if known is not None:
                    # "Will wrote", "said Cuban": a word that is mostly no name (a modal, a
                    # nationality), here the surname of George Will, Mark Cuban, named before
                    to_end(self._by_surname.setdefault(whole.lower(), {}), known.id)
                    self._add(known, mstart, mstart + len(whole), (whole,), self._opens(mstart), ())
                    continue
            for rel, chunk, wide, parsed in pieces:
                cstart = mstart + rel
                if wide and TITLE_OF.search(text, max(0, cstart - 40), cstart):
                    parsed = parse_chunk(chunk, True)
                if parsed is None:
                    continue
                rel_start, rel_end, tokens, prefix = parsed
                if len(tokens) > 5:
                    continue  # a headline in title case, not a name
                start = cstart + rel_start
                opens = self._opens(cstart)
                if len(tokens) == 1 and start == cstart and opens and self.in_lowercase(tokens[0].lower()):
                    continue  # "Fifteen minutes after...": a common word opening a sentence
                if len(tokens) > 1 and start == cstart and opens and self._common_lead(tokens):
                    # "Dear Nell, ...", "Presently Agnes came in": the name is the rest
                    gap = RUN_GAP.search(text, start)
                    if gap is None:
                        continue
                    start, tokens = gap.end(), tokens[1:]
                self._add(self._link(tokens, prefix), start, cstart + rel_end, tokens, opens, prefix)
        self._starts = [n.start for n in self.names]

    def _add(self, ent: Entity, start: int, end: int, tokens: tuple[str, ...], opens: bool,
             prefix: tuple[str, ...]) -> None:
        """Record a mention of ``ent``; names come in text order, so whether it stands in a
        quotation is found by moving a cursor over the quotations."""
        quoted = self._quoted
        q = self._quote_cursor
        while q + 1 < len(quoted) and quoted[q + 1][0] <= start:
            q += 1
        self._quote_cursor = q
        inside = bool(quoted) and quoted[q][0] <= start < quoted[q][1]
        ent.mentions.append(len(self.names))
        self.names.append(Name(start, end, tokens, ent.id, opens, inside, prefix))

    def _opens(self, pos: int) -> bool:
        """The word at ``pos`` opens a sentence or a line."""
        text = self.text
        if text[pos - 1:pos] == " " and text[pos - 2:pos - 1].isalnum():
            return False  # the common case, in a sentence: "said Trump"
        window = text[max(0, pos - 4):pos]
        before = window.rstrip()
        return not before or before[-1] in SENTENCE_OPENERS or "\n" in window[len(before):]

    def _common_opener(self, pos: int, word: str) -> bool:
        """A lone capitalized word opening a sentence that the text also writes in lower case."""
        return self._opens(pos) and self.in_lowercase(word.lower())

    def _common_lead(self, tokens: tuple[str, ...]) -> bool:
        """The first word of a name opening a sentence is no name's word ("Presently
        Agnes", "Give Jasper"): no first name, written in lower case in the text, and
        the two words never stand together inside a sentence ("Frank Tallis" does)."""
        word = tokens[0]
        low = word.lower()
        if low in self.lex.first_name_gender or not word[1:].islower() or not self.in_lowercase(low):
            return False
        pair = f"{word} {tokens[1]}"
        found = self._lead_seen.get(pair)
        if found is None:
            found = not inside_sentence(pair, self.text)
            self._lead_seen[pair] = found
        return found

    def _surname_of_known(self, pos: int, word: str) -> Entity | None:
        """The person named before whose fuller name ends in ``word``, when the word stands
        as a speaker would: before a verb ("Will wrote") or after an inverted speech verb
        ("said Cuban")."""
        if not word[1:].islower():
            return None
        known = self._by_surname.get(word.lower())
        if not known:
            return None
        ent = self.entities[next(reversed(known))]
        if not ent.person or len(ent.forms[ent.longest]) < 2 or ent.forms[ent.longest][-1] != word:
            return None
        text = self.text
        end = pos + len(word)
        if VERBISH.match(text, end, min(len(text), end + 60)) is not None:
            return ent
        before = WORDS_BACKWARDS.search(text, max(0, pos - 20), pos)  # the last word before it
        return ent if before and before.group().lower() in self.lex.verb_forms else None

    def _first_name_only(self, first: str, gender: str | None) -> Entity | None:
        """The person known so far by this first name alone ("Is that you, Ben?"), whom a
        fuller name given later ("said Ben Cole") names in full."""
        for eid in reversed(self._by_surname.get(first.lower(), {})):
            cand = self.entities[eid]
            if all(f == (first,) for f in cand.forms) and cand.person and gender in (None, cand.gender) \
                    and first.lower() in self.lex.first_name_gender:
                return cand
        return None

    def _link(self, tokens: tuple[str, ...], prefix: tuple[str, ...]) -> Entity:
        shape = name_shape(tokens, prefix)
        ent: Entity | None = None
        # a known entity with this surname, or whose first name this is (fiction: "Elizabeth")
        gender = shape.gender
        namesakes = self._by_surname.get(shape.key)
        if namesakes:
            for eid in islice(reversed(namesakes), MAX_NAMESAKES):
                cand = self.entities[eid]
                if compatible(cand.forms[cand.longest], tokens) and (gender is None or cand.gender in (None, gender)):
                    ent = cand
                    break
        by_first = self._by_first.get(shape.core[0]) if len(shape.core) == 1 else None
        if by_first:
            if ent is None:
                ent = self.entities[next(reversed(by_first))]
            elif shape.any_gender and len(ent.forms[ent.longest]) > 1:
                first = max((self.entities[e] for e in islice(reversed(by_first), MAX_NAMESAKES)),
                            key=lambda e: len(e.mentions))
                if len(first.mentions) > len(ent.mentions):
                    # the first name "Nell" is Nell Grant, named often, not the "Pryor Nell" of one slip
                    ent = first
        if ent is None and len(shape.core) >= 2:
            ent = self._first_name_only(shape.core[0], gender)
        if ent is None:
            ent = Entity(len(self.entities))
            self.entities.append(ent)
            if namesakes:  # "Mrs. Harlow" after "Mr. Harlow"
                ent.namesake = True
                for eid in namesakes:
                    self.entities[eid].namesake = True
        if prefix and not ent.title:
            ent.title = next((p.capitalize() for p in prefix
                              if p in FEMALE_TITLES or p in MALE_TITLES), "")
        if tokens not in ent.forms:
            ent.forms.append(tokens)
            if len(tokens) > len(ent.forms[ent.longest]):
                ent.longest = len(ent.forms) - 1
            if len(tokens) > 1:
                to_end(self._by_first.setdefault(tokens[0], {}), ent.id)
        to_end(self._by_surname.setdefault(shape.key, {}), ent.id)  # most recently mentioned last
        if shape.any_gender and ent.gender is None:
            ent.gender = shape.any_gender
        if shape.person:
            ent.person = True
        return ent

    # -- queries ----------------------------------------------------------
    def in_lowercase(self, word: str) -> bool:
        """The word also stands in the text in lower case ("Fifteen ..." / "fifteen").

        The first few words are looked up with a string search each (cheap on an
        article); past ``LOWERCASE_LOOKUPS`` distinct words the lower-case words of
        the whole text are collected once, which keeps long documents linear.
        """
        known = self._lower_seen.get(word)
        if known is not None:
            return known
        if self._lowercase is None and len(self._lower_seen) >= LOWERCASE_LOOKUPS:
            self._lowercase = lower_words(self.text)
        if self._lowercase is not None:
            found = word in self._lowercase
        else:
            found = has_lowercase_twin(word, self.text)
        self._lower_seen[word] = found
        return found

    def is_subject(self, name: Name) -> bool:
        """The name opens its sentence, or a verb follows it: the clause is about it."""
        if name.opens:
            return True
        hit = self._subject.get(name.start)
        if hit is None:
            hit = bool(VERBISH.match(self.text, name.end, min(len(self.text), name.end + 160)))
            self._subject[name.start] = hit
        return hit

    def descriptors(self, entity: int) -> set[str]:
        """Titles and role words the document gave this entity, read on first use."""
        ent = self.entities[entity]
        if entity not in self._described:
            self._described.add(entity)
            for k in ent.mentions:
                n = self.names[k]
                ent.descriptors.update(describe(self.text, n.start, n.end, n.prefix))
        return ent.descriptors

    def name_at(self, start: int, end: int) -> Name | None:
        """The name mention lying inside text[start:end], the last one if several."""
        i = bisect.bisect_left(self._starts, start)
        found = None
        while i < len(self.names) and self.names[i].start < end:
            if self.names[i].end <= end:
                found = self.names[i]
            i += 1
        return found

    def names_before(self, pos: int, window: int) -> list[Name]:
        """Name mentions ending before ``pos`` and after ``pos - window``, nearest last."""
        lo = bisect.bisect_left(self._starts, pos - window)
        hi = bisect.bisect_left(self._starts, pos)
        found = self.names[lo:hi]
        if found and found[-1].end > pos:
            found.pop()  # names never overlap (they come from disjoint runs): only the last may end past pos
        return found

    def names_back(self, pos: int, word: str | None = None) -> Iterator[Name]:
        """Name mentions ending before ``pos``, nearest first, read one at a time (a look-back
        that stops at what it looks for costs no list of the whole text before ``pos``);
        ``word``: only the names that hold it (lower case) among their words."""
        names, before = self.names, bisect.bisect_left(self._starts, pos)
        if word is None:
            ks: Iterable[int] = range(before - 1, -1, -1)
        else:
            holding = self._word_index().get(word, [])
            ks = (holding[j] for j in range(bisect.bisect_left(holding, before) - 1, -1, -1))
        for k in ks:
            if names[k].end <= pos:
                yield names[k]

    def _word_index(self) -> dict[str, list[int]]:
        """The indexes of the names holding each word (lower case), in text order; built on first use."""
        if self._by_word is None:
            self._by_word = {}
            for k, n in enumerate(self.names):
                for w in {t.lower() for t in n.tokens}:
                    self._by_word.setdefault(w, []).append(k)
        return self._by_word

    def titled(self, title: str) -> list[Entity]:
        """The entities first given the honorific ``title`` (without its dot: "Mrs"), in order."""
        found = self._titled.get(title)
        if found is None:
            found = self._titled[title] = [e for e in self.entities if e.title.rstrip(".") == title]
        return found

    def canonical(self, name: Name) -> str:
        return self.entities[name.entity].canonical


