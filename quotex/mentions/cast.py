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
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple
from functools import cache, lru_cache

import regex

from quotex.lang.en.lexicon import Lexicon, load
from quotex.text.sentences import SENTENCE_OPENERS

#: A capitalized word: initials ("U.S."), a word with its inner apostrophes and single hyphens
#: ("O'Neill", "Smith-Jones", "Mr."), or one initial. The letters run as one class between
#: hyphens (an alternation tried at every letter cost a fifth more).
_CAP = r"(?:(?:\p{Lu}\.){2,}(?![\p{L}])|\p{Lu}[\p{L}\p{M}'’]*(?:-(?!-)[\p{L}\p{M}'’]*)*\.?|\p{Lu}\.)"
_PART_WORD = r"(?:al|el|bin|da|de|del|della|der|di|du|la|le|van|von|y|ibn|ben)"
_LEAD_FIRST = ("von", "van", "de", "der", "den", "ter", "bin", "ibn")
_LEAD_SECOND = ("der", "den", "de", "la")
_LEAD_PARTICLES = rf"(?:(?:{'|'.join(_LEAD_FIRST)})[ ](?:(?:{'|'.join(_LEAD_SECOND)})[ ])?)?"
#: The words that may stand just before a run and belong to its name.
_LEAD_WORDS = tuple(sorted(set(_LEAD_FIRST + _LEAD_SECOND)))
#: A run of capitalized words, with the particles inside names ("Ursula von der Leyen").
#: It starts at a capital only: the lower-case particles that may open a name
#: ("von der Leyen", "al-Assad") are looked for behind each run (see ``_name_matches``),
#: which spares an alternation at every character of the text.
NAME_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’]){_CAP}"
    rf"(?:[ \u00a0](?:{_PART_WORD}[ \u00a0])*(?:{_PART_WORD}-)?{_CAP})*"
)
#: The particles before a run, ending where it starts: "von der ", "bin ", "al-".
_LEAD_BEHIND = regex.compile(rf"(?<![\p{{L}}\p{{M}}'’\-]){_LEAD_PARTICLES}(?:{_PART_WORD}-)?$")
_HYPHEN_LEAD_BEHIND = regex.compile(rf"(?<![\p{{L}}\p{{M}}'’\-]){_LEAD_PARTICLES}{_PART_WORD}-$")
#: Where the words of a run are separated.
_RUN_GAP = regex.compile("[ \u00a0]")
#: Characters after which a capitalized word opens a sentence.
_NONSPACE = regex.compile(r"\S+")
_INITIALS = regex.compile(r"(?:\p{Lu}\.)+")
_POSSESSIVE = regex.compile(r"['’]s$")
_APPOSITION = regex.compile(
    r",\s+(?:who\s+(?:is|was|has\s+been|had\s+been|became|serves\s+as)\s+"
    r"(?:also\s+)?(?:appointed\s+|named\s+|elected\s+)?)?"
    r"(?:(?:the|a|an|its|his|her)\s+)?((?:[\p{L}\-]+\s+){0,3}?[\p{L}\-]+)(?=[\s,.;]|$)")
_TITLE_OF = regex.compile(r"\b\p{Lu}\p{Ll}+\s+of\s+(?:the\s+)?$")
_LOWER_WORD = regex.compile(r"(?<![\p{L}])\p{Ll}+(?![\p{L}])")
#: The same over ASCII text, where the letters are A-Z and a-z (the standard ``re`` is quicker there).
_ASCII_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")
#: A capitalized word elided in speech ("Pa'son"): not a name's word ("O'Hara", "Sanders'" are).
_ELIDED = regex.compile(r"\p{Lu}\p{Ll}*['’]\p{Ll}{2,}")
_CONTRACTION = regex.compile(r"['’](?:ve|re|ll|d|m|t)$", regex.IGNORECASE)
#: A verb (after an optional parenthesis, apposition and adverbs) following a subject.
VERBISH = regex.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,[^,.;:!?\"“”]{1,160},\s*|,\s*)?"
    r"(?:(?:on|last|this|early|late|earlier)\s+)?(?:(?:\p{Lu}\p{Ll}+day|week|month|year|morning|night)\s+)?"
    r"(?:(?:did|does|do|was|is|has|have|had|would|could|will|ca|wo)n['’]t\s+(?:\p{Ll}+ly\s+)?\p{Ll}{2,}"
    r"|(?:(?:also|later|then|has|have|had|will|would|is|was|were|are|often|again|never|not|just|once|"
    r"himself|herself|itself|themselves|"
    r"repeatedly|recently|previously|\p{Ll}+ly)\s+){0,2}"
    r"(?:\p{Ll}+ed|\p{Ll}{2,}(?<!s)s|(?<=\b(?:is|was|are|were|been)\s)\p{Ll}{2,}ing|told|said|wrote|spoke|made|gave|took|thought|felt|saw|put|set|got|met|sought|"
    r"brought|knew|ran|won|lost|began|became|kept|held|struck|stood|went|came|did|"
    r"sent|paid|meant|built|spent|fought|threw|drew|chose|bought|taught|swore|"
    r"shook|drove|grew|shot|hit|arose|rose|sat|bent|fell|wore|hung))(?![\p{L}'’])")
WORD_RE = regex.compile(r"[\p{L}\p{M}\d][\p{L}\p{M}\d'’\-.]*|[^\s\p{L}\p{M}\d]")
#: The same words found from the end backwards: the tokens of ``WORD_RE.findall`` in reverse order
#: (a word is still the run from its first letter or digit, whatever the direction).
_WORD_BACKWARDS = regex.compile("(?r)" + WORD_RE.pattern)

#: How many capitalized runs, chunks and name shapes are remembered across documents: the
#: common ones ("The", "Trump", "White House") stay, and memory stays flat over a long corpus
#: (at 65,536 entries each the caches grew by about 30 MB over 20 MB of text).
NAME_CACHE = 1 << 13
#: How many earlier people sharing a surname a new mention is compared with.
MAX_NAMESAKES = 50
#: Only the last words of a capitalized run can be a name and its titles
#: ("... The The Mr Putin"), which keeps hostile runs linear.
MAX_NAME_WORDS = 12
#: How many words a document checks for a lower-case twin one by one before it
#: collects all its lower-case words at once.
LOWERCASE_LOOKUPS = 32
#: Last words that make a capitalized sequence an organisation or a place, not a person.
ORG_WORDS = frozenset("""
administration advisers affairs agency airlines airport army assembly association authority bank board bureau
campaign center centre church city club coalition college commission committee company congress
corp corp. corporation council county court department embassy federation force foundation fund
government group guard hall hospital house inc inc. institute journal kremlin league legislature
magazine media ministry museum nations navy network news office organization organisation party
police post press program programme relations reuters school senate service services society squad state
states station studies
street studio team television times tribune union university
act alliance amendment caucus computer conference convention daily enterprises examiner forum gazette globe
herald holdings industries initiative institution journal party project systems technologies watch
coast east heights valley
""".split())
#: First words of place names, which are not people's first names.
PLACE_FIRST = frozenset("new north south east west san los las saint st. fort lake mount port".split())
#: Words that make "St." before a name part of a place: "South St. Paul", "East St. Louis".
PLACE_COMPASS = frozenset("north south east west".split())
FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss madam madame mme mlle lady queen princess dame".split())
MALE_TITLES = frozenset("mr mr. sir lord king prince father mister monsieur".split())


@dataclass
class Entity:
    """One person or organisation of the document."""

    id: int
    forms: list[tuple[str, ...]] = field(default_factory=list)
    gender: str | None = None  # "m", "f" or None
    person: bool = False
    descriptors: set[str] = field(default_factory=set)
    longest: int = 0  # index in ``forms`` of the first of the longest forms
    title: str = ""  # the honorific it was first given ("Mrs."), for telling namesakes apart
    namesake: bool = False  # another person of the document shares its surname
    mentions: list[int] = field(default_factory=list)  # indexes of its names in ``Cast.names``
    # the canonical name, and what it was read from: (forms given, namesake, title); forms are
    # only ever appended to (Cast._link), so their count tells whether a new one came
    _canonical: tuple[tuple[int, bool, str], str] = field(default=((-1, False, ""), ""), repr=False, compare=False)

    @property
    def canonical(self) -> str:
        key = (len(self.forms), self.namesake, self.title)
        if self._canonical[0] == key:
            return self._canonical[1]
        best = max(self.forms, key=lambda f: (len(f), sum(map(len, f))))
        if self.namesake and self.title and len(best) == 1:
            name = f"{self.title} {best[0]}"  # "Mrs. Bennet", not the "Bennet" her husband is too
        else:
            name = " ".join(best)
        self._canonical = (key, name)
        return name


class Name(NamedTuple):
    """A name as written at ``text[start:end]`` (titles stripped), linked to ``entity``.

    A named tuple rather than a dataclass: a document makes hundreds of them.
    """

    start: int
    end: int
    tokens: tuple[str, ...]
    entity: int
    opens: bool  # the name opens its sentence
    quoted: bool = False  # inside a quotation: somebody spoke of this person
    prefix: tuple[str, ...] = ()  # the title and role words stripped from the front


def _clean_token(tok: str, lex: Lexicon) -> str:
    if tok.endswith(".") and len(tok) > 2 and tok.lower() not in lex.titles and tok.lower() not in lex.suffixes \
            and not _INITIALS.fullmatch(tok):
        return tok[:-1]
    return tok


@cache
def _lex() -> Lexicon:
    return load()


class Cast:
    """The entities and name mentions of one document."""

    def __init__(self, text: str, quoted: Sequence[tuple[int, int]] = ()) -> None:
        """``quoted``: the (start, end) ranges of the quotations, in order."""
        self.text = text
        self._quoted = list(quoted)
        self._quote_cursor = 0  # the last quotation starting before the last name recorded
        self.lex = _lex()
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
        self._build()

    # -- building ---------------------------------------------------------
    def _build(self) -> None:
        text = self.text
        by_surname = self._by_surname
        for mstart, whole in _name_matches(text):
            pieces = _run_pieces(whole)
            if not pieces and whole.lower() not in by_surname:
                continue  # "The", "But", "President": no name, and no known person's surname
            if " " not in whole and (not pieces or self._common_opener(mstart, whole)):
                known = self._surname_of_known(mstart, whole)
                if known is not None:
                    # "Will wrote", "said Cuban": a word that is mostly no name (a modal, a
                    # nationality), here the surname of George Will, Mark Cuban, named before
                    _to_end(self._by_surname.setdefault(whole.lower(), {}), known.id)
                    self._add(known, mstart, mstart + len(whole), (whole,), self._opens(mstart), ())
                    continue
            for rel, chunk, wide, parsed in pieces:
                cstart = mstart + rel
                if wide and _TITLE_OF.search(text, max(0, cstart - 40), cstart):
                    parsed = _parse_chunk(chunk, True)
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
                    # "Dear Anne, ...", "Presently Marilla came in": the name is the rest
                    gap = _RUN_GAP.search(text, start)
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
        Marilla", "Give George"): no first name, written in lower case in the text, and
        the two words never stand together inside a sentence ("Frank Churchill" does)."""
        word = tokens[0]
        low = word.lower()
        if low in self.lex.first_name_gender or not word[1:].islower() or not self.in_lowercase(low):
            return False
        pair = f"{word} {tokens[1]}"
        found = self._lead_seen.get(pair)
        if found is None:
            found = not _inside_sentence(pair, self.text)
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
        before = _WORD_BACKWARDS.search(text, max(0, pos - 20), pos)  # the last word before it
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
        shape = _shape(tokens, prefix)
        ent: Entity | None = None
        # a known entity with this surname, or whose first name this is (fiction: "Elizabeth")
        gender = shape.gender
        namesakes = self._by_surname.get(shape.key)
        if namesakes:
            for eid in islice(reversed(namesakes), MAX_NAMESAKES):
                cand = self.entities[eid]
                if _compatible(cand.forms[cand.longest], tokens) and (gender is None or cand.gender in (None, gender)):
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
                    # the first name "Anne" is Anne Shirley, named often, not the "Allan Anne" of one slip
                    ent = first
        if ent is None and len(shape.core) >= 2:
            ent = self._first_name_only(shape.core[0], gender)
        if ent is None:
            ent = Entity(len(self.entities))
            self.entities.append(ent)
            if namesakes:  # "Mrs. Bennet" after "Mr. Bennet"
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
                _to_end(self._by_first.setdefault(tokens[0], {}), ent.id)
        _to_end(self._by_surname.setdefault(shape.key, {}), ent.id)  # most recently mentioned last
        if shape.any_gender and ent.gender is None:
            ent.gender = shape.any_gender
        if shape.person:
            ent.person = True
        return ent

    def _describe(self, ent: Entity, start: int, end: int, prefix: Sequence[str]) -> None:
        lex = self.lex
        keep = _descriptor_words()
        for p in prefix:
            if p in keep or p.rstrip(".") in keep:
                p = p.rstrip(".")
                ent.descriptors.add(lex.title_abbreviations.get(p, p))
        # lowercase role words just before the name: "Japanese astronaut Norishige Kanai"
        # (the last 7 words of the 80 characters before it, read backwards: most looks stop at the first)
        for word in islice(_WORD_BACKWARDS.finditer(self.text, max(0, start - 80), start), 7):
            w = word.group()
            low = w.lower()
            if low in (",", "-", "—"):
                continue
            if not (w[0].isalnum()) or low in ("and", "or", "said", "told", "with", "by", "to"):
                break
            if low in lex.verb_forms:
                break
            if low in keep:
                ent.descriptors.add(low)
            elif w.islower() and _verb_ending(low):
                break  # "Philippine lawmaker wants| Trump": the role is the subject's, not the name's
        # apposition after the name: "Anton Shkaplerov, the commander of ..."
        m = _APPOSITION.match(self.text, end, end + 120) if self.text.startswith(",", end) else None
        if m:
            for w in m.group(1).split():
                if w.lower() in keep:
                    ent.descriptors.add(w.lower())

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
            self._lowercase = _lower_words(self.text)
        if self._lowercase is not None:
            found = word in self._lowercase
        else:
            found = _has_lowercase_twin(word, self.text)
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
                self._describe(ent, n.start, n.end, n.prefix)
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


@lru_cache(maxsize=NAME_CACHE)
def _parse_chunk(chunk: str, office: bool) -> _Parsed | None:
    """The name in a capitalized chunk, offsets relative to the chunk; cached, since the
    same chunks ("The", "Trump", "White House") come back in every document.
    ``office``: the chunk follows "Secretary of", so it may open with the office's words."""
    lex = _lex()
    parts = [(mm.start(), mm.group()) for mm in _NONSPACE.finditer(chunk)][-MAX_NAME_WORDS:]
    prefix: list[str] = []
    # everything up to a possessive or the last title or role is not the name:
    # "Labour's Rachel Reeves", "Federal Reserve Chair Jerome Powell",
    # "Former Clinton Senior Adviser Sidney Blumenthal"
    cut = 0
    for k in range(len(parts) - 2, -1, -1):
        low = parts[k][1].lower()
        if low.endswith(("'s", "’s")) or low in lex.titles or low.rstrip(".") in lex.titles or low in lex.roles:
            if any(t.lower() not in lex.suffixes for _, t in parts[k + 1:]):
                cut = k + 1  # but "Martin Luther King Jr." keeps its name
                break
    prefix.extend(_POSSESSIVE.sub("", t.lower()) for _, t in parts[:cut])
    parts = parts[cut:]
    if cut == 0 and len(parts) > 2 and office:
        # "Secretary of State Antony Blinken": drop the office's words before a first name
        while len(parts) > 2 and parts[0][1].lower() not in lex.first_name_gender:
            prefix.append(parts.pop(0)[1].lower())
    if len(parts) >= 2 and parts[0][1].lower().endswith("ly") and \
            parts[1][1].lower() in lex.first_name_gender:
        prefix.append(parts.pop(0)[1].lower())  # "Certainly Donald Trump"
    while parts:
        low = _POSSESSIVE.sub("", parts[0][1].lower())
        low_nodot = low.rstrip(".")
        if low in lex.not_names or low_nodot in lex.not_names or low in lex.titles \
                or low_nodot in lex.titles or low in lex.demonyms or low in lex.roles \
                or len(parts) > 1 and _ELIDED.fullmatch(parts[0][1]):
            prefix.append(low)  # "Pa'son Tringham": a title said in dialect
            parts.pop(0)
        else:
            break
    # possessive and trailing period
    while parts:
        s, tok = parts[-1]
        if tok.endswith(("'s", "’s")):
            parts[-1] = (s, tok[:-2])
            break
        if tok.endswith(("s'", "s’")):  # "Sanders' campaign"
            parts[-1] = (s, tok[:-1])
            break
        cleaned = _clean_token(tok, lex)
        if cleaned != tok:
            parts[-1] = (s, cleaned)
        break
    parts = [(s, t) for s, t in parts if t]
    if not parts or any(_CONTRACTION.search(t) for _, t in parts):
        return None  # "We've", "Didn't": not names
    if len(parts) == 1 and len(parts[0][1]) < 2:
        return None
    tokens = tuple(t for _, t in parts)
    if len(prefix) >= 2 and prefix[-1] in ("st.", "st") and prefix[-2] in PLACE_COMPASS:
        return None  # "South St. Paul": a place
    return parts[0][0], parts[-1][0] + len(parts[-1][1]), tokens, tuple(prefix)


def _name_matches(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, str]]:
    """(start, text) of each capitalized run, with the particles that open it."""
    for m in NAME_RE.finditer(text, pos, len(text) if endpos is None else endpos):
        start = m.start()
        before = text[start - 1:start]
        if before == " " and start > 1 and text.endswith(_LEAD_WORDS, start - 4 if start > 4 else 0, start - 1):
            lead = _LEAD_BEHIND.search(text, max(0, start - 16), start)  # "von der Leyen"
        elif before == "-":
            lead = _HYPHEN_LEAD_BEHIND.search(text, max(0, start - 20), start)  # "al-Assad"
            if lead is None:
                # "anti-Trump National Review": no name starts inside a word; the run's next words may
                gap = _RUN_GAP.search(text, start, m.end())
                if gap is not None:
                    yield from _name_matches(text, gap.end(), m.end())
                continue
        else:
            lead = None
        if lead is not None and lead.start() < start:
            yield lead.start(), text[lead.start():m.end()]
        else:
            yield start, m.group()


def _lower_words(text: str, piece: int = 1 << 20) -> frozenset[str]:
    """The distinct lower-case words of ``text``, read a piece at a time (cut at a
    blank) so that a long text never holds a list of all its words at once.

    A blank is no letter, so the words are those of the piece's distinct blank-separated
    tokens: a token of ASCII letters is one word or none, the few others are read with a
    pattern, all at once (joined by blanks).
    """
    words: set[str] = set()
    pos = 0
    while pos < len(text):
        end = text.find(" ", pos + piece)
        end = len(text) if end < 0 else end
        ascii_mixed: list[str] = []
        other: list[str] = []
        for tok in set(text[pos:end].split()):
            if not tok.isascii():
                other.append(tok)
            elif not tok.isalpha():
                ascii_mixed.append(tok)  # "said," "Trump's"
            elif tok.islower():
                words.add(tok)
        words.update(_ASCII_LOWER_WORD.findall(" ".join(ascii_mixed)))
        words.update(_LOWER_WORD.findall(" ".join(other)))
        pos = end
    return frozenset(words)


def _verb_ending(word: str) -> bool:
    """A lower-case word that reads as a finite verb: "wants", "called" (not "press", "business")."""
    return word.endswith("ed") or word[-2:-1] not in ("", "s") and word.endswith("s")


def _inside_sentence(words: str, text: str) -> bool:
    """``words`` stand inside a sentence somewhere: right after a lower-case word."""
    return regex.search(rf"(?<=\p{{Ll}} ){regex.escape(words)}(?![\p{{L}}])", text) is not None


def _has_lowercase_twin(word: str, text: str) -> bool:
    """``word`` stands in ``text`` as a whole word after a space."""
    needle = " " + word
    i = text.find(needle)
    while i >= 0:
        j = i + len(needle)
        if j >= len(text) or not text[j].isalpha():
            return True
        i = text.find(needle, j)
    return False


@cache
def _skip_words() -> frozenset[str]:
    """Capitalized words that are never a name on their own."""
    lex = _lex()
    return lex.not_names | lex.titles | lex.demonyms | lex.roles


@lru_cache(maxsize=NAME_CACHE)
def _core(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The name without suffixes ("Jr."), and its last word lower-cased: the key it is filed under."""
    suffixes = _lex().suffixes
    core = tuple(t for t in tokens if t.lower() not in suffixes)
    return core, (core[-1] if core else tokens[-1]).lower()


def _to_end(ordered: dict[int, None], key: int) -> None:
    """Move ``key`` to the end of an ordered set (a dict), in constant time."""
    ordered.pop(key, None)
    ordered[key] = None


def _title_gender(prefix: Sequence[str]) -> str | None:
    """The gender an honorific gives: Mr. -> m, Ms. -> f."""
    for p in reversed(prefix):
        if p in FEMALE_TITLES:
            return "f"
        if p in MALE_TITLES:
            return "m"
    return None


def _sentence_pieces(chunk: str, lex: Lexicon) -> list[tuple[int, str]]:
    """Split a capitalized run where a sentence ends inside it: "Kunduz. Obama" (offsets in the run)."""
    if ". " not in chunk:
        return [(0, chunk)]
    pieces = []
    start = 0
    for m in _NONSPACE.finditer(chunk):
        tok = m.group()
        if tok.endswith(".") and len(tok) > 2 and tok.lower() not in lex.titles \
                and tok.lower() not in lex.suffixes and not _INITIALS.fullmatch(tok):
            pieces.append((start, chunk[start:m.end()]))
            start = m.end() + 1
    if start < len(chunk):
        pieces.append((start, chunk[start:]))
    return pieces


_Parsed = tuple[int, int, tuple[str, ...], tuple[str, ...]]


@lru_cache(maxsize=NAME_CACHE)
def _run_pieces(run: str) -> tuple[tuple[int, str, bool, _Parsed | None], ...]:
    """The chunks of a capitalized run that may hold a name: (offset in the run,
    chunk, whether it has three words or more, the name in it when it does not
    follow "Secretary of"); none for a lone word that is never a name ("The",
    "But", "President"). Cached: runs repeat across documents."""
    if " " not in run and run.lower() in _skip_words():
        return ()
    return tuple((start, chunk, chunk.count(" ") >= 2, _parse_chunk(chunk, False))
                 for start, chunk in _sentence_pieces(run, _lex()))


class _Shape(NamedTuple):
    """What a name's words tell on their own, whatever the document."""

    core: tuple[str, ...]  # without suffixes ("Jr.")
    key: str  # the last word of the core, lower-cased: the name is filed under it
    gender: str | None  # from an honorific, or the first name of a longer name: tells namesakes apart
    any_gender: str | None  # also from a lone first name ("Emil")
    person: bool  # an honorific, a gendered first name, or a multi-word name that is no organisation


@lru_cache(maxsize=NAME_CACHE)
def _shape(tokens: tuple[str, ...], prefix: tuple[str, ...]) -> _Shape:
    lex = _lex()
    core, key = _core(tokens)
    gender = _title_gender(prefix)
    if gender is None and len(core) >= 2:  # a lone word may be a surname: "Bradley"
        gender = lex.first_name_gender.get(core[0].lower())
    first = core[0].lower() if core else ""
    any_gender = gender or lex.first_name_gender.get(first)
    titled = any(p in lex.titles for p in prefix if p not in ("first",))
    person = bool(any_gender or titled) or (
        len(core) >= 2 and tokens[-1].lower() not in ORG_WORDS and first not in PLACE_FIRST
        and tokens[-1].lower() not in lex.demonyms  # "a Sarasota Republican" describes someone
        and not any(t.isupper() and len(t) > 1 for t in core)
        and not any(t.lower() in ORG_WORDS for t in core))
    return _Shape(core, key, gender, any_gender, person)


@cache
def _descriptor_words() -> frozenset[str]:
    """Words that describe a person when they stand next to the name: titles, roles, nationalities."""
    lex = _lex()
    return lex.titles | lex.roles | lex.demonyms


def _compatible(form: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """Two forms may name one person: one's words are inside the other's, in order."""
    if len(tokens) == 1:
        return tokens[0] in form  # the common case: a later "Trump" against "Donald Trump"
    a, b = (form, tokens) if len(form) <= len(tokens) else (tokens, form)
    it = iter(b)
    return all(any(x == y for y in it) for x in a)
