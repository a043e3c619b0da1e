"""Descriptions as speakers: who "the board", "the aide" or "the Texas senator" is.

Functions of the document under attribution (:class:`quotex.attribution.document.Document`,
their first argument), like :mod:`quotex.attribution.dialogue.characters`. A description
a rule found as the speaker is trimmed to its person's noun, tied to the organisation named before it ("the board" after
"the Illinois Board of Elections"), checked against the modifiers the text gave
a candidate person ("the Texas senator" is no senator the text never ties to
Texas) or reported in the fuller form that introduced it ("the aide" after "a
Republican committee aide"); :func:`description` and :func:`plain` give any
phrase its one spelling as a speaker.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from quotex.lang.en.shapes import ANTECEDENT_WINDOW, WORD, description
from quotex.text.sentences import SENTENCE_CUT
from quotex.lang.en.words import MODIFIER_STOPS, alternation
from quotex.mentions.cast import ORG_WORDS, Entity
from quotex.mentions.phrases import Mention

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: How many nouns' compiled patterns are kept (about 37 KB each for ``_introductions``):
#: enough for the nouns a document repeats, few enough that memory stays flat over a corpus.
PATTERN_CACHE = 128
#: How far (characters) around a name a description's capitalized modifier is looked for.
MODIFIER_REACH = 40
#: A run of letters: a capitalized modifier without a hyphen is found as one.
_LETTERS = regex.compile(r"\p{L}+")


@dataclass
class NearNames:
    """The words around an entity's names: what :func:`modifiers_fit` reads."""

    count: int = 0  # how many of the entity's mentions are read
    texts: list[str] = field(default_factory=list)  # the words around each name, as text
    words: set[str] = field(default_factory=set)  # the runs of letters in them


def trim_description(doc: Document, mention: Mention) -> Mention:
    """'the boy half| cried, half shouted': a word after the person's noun is an adverb."""
    words = list(WORD.finditer(mention.text))
    if len(words) >= 3:
        last, noun = words[-1].group().lower(), words[-2].group().lower()
        known = doc.lex.person_nouns.keys() | doc.lex.roles
        if last not in known and last not in ORG_WORDS and noun in known:
            end = mention.start + words[-2].end()
            return Mention(mention.start, end, doc.text[mention.start:end], "description")
    return mention


def body_named(doc: Document, mention: Mention, content: list[str]) -> str | None:
    """The organisation "the <body>" stands for: the nearest name before it, outside
    quotations and page furniture, whose own words hold that body's word ("the board"
    after "the Illinois Board of Elections", "the department" after "the State
    Department"). Only a lone body word: "the Senate minority leader" is a person."""
    if len(content) != 1 or content[0] not in ORG_WORDS or not mention.text[-1:].islower():
        return None
    head = content[0]
    cast = doc.cast
    for n in cast.names_back(mention.start, head):  # the names holding the word, nearest first
        if n.quoted or doc.page.furniture(n.start) or cast.entities[n.entity].person:
            continue
        words = [t.lower() for t in n.tokens]
        if head in words:
            return cast.canonical(n) if len(words) > 1 else None  # a bare "Commission" tells nothing more
    return None


def modifiers_fit(doc: Document, ent: Entity, mention: Mention) -> bool:
    """Every capitalized modifier of a description ("the Florida senator", "the Democratic
    candidate", "the Gawker employee") stands near one of the entity's names outside
    quotations ("Florida Sen. Marco Rubio", "Rubio, the Florida senator"): a place, party
    or employer the text never ties to that person does not describe them."""
    words = WORD.findall(mention.text)[1:]
    caps = [w for w in words if w[:1].isupper() and w.lower() not in doc.lex.titles]
    if not caps:
        return True
    seen = words_near_names(doc, ent)
    for w in caps:
        if "-" in w:  # not one run of letters: look for it in the words themselves
            pattern = _whole_word(w)
            if not any(pattern.search(a) for a in seen.texts):
                return False
        elif w not in seen.words:
            return False
    return True


def words_near_names(doc: Document, ent: Entity) -> NearNames:
    """The words next to each of ``ent``'s names outside quotations, in its sentence,
    gathered once per name (a long document mentions a person thousands of times)."""
    seen = doc.near_names.setdefault(ent.id, NearNames())
    cast, text = doc.cast, doc.text
    for k in ent.mentions[seen.count:]:
        n = cast.names[k]
        if n.quoted:
            continue
        before = SENTENCE_CUT.split(text[max(0, n.start - MODIFIER_REACH):n.start])[-1]
        after = SENTENCE_CUT.split(text[n.end:n.end + MODIFIER_REACH])[0]
        around = f"{before} {after}"
        seen.texts.append(around)
        seen.words.update(_LETTERS.findall(around))
    seen.count = len(ent.mentions)
    return seen


def introduced_as(doc: Document, mention: Mention, det: str, content: list[str]) -> str | None:
    """The fuller description a bare "the <noun>" takes up: "the aide" after "A Republican
    committee aide said ...", "the official" after "a Mexican official who ...", "the
    ministry" after "China's foreign ministry" (the nearest introduction). Only an
    introduction with a capitalized word (a party, a country, a place), which tells
    the reader more than "the aide" does, and none inside a quotation."""
    if det != "the" or not 1 <= len(content) <= 2:
        return None
    lo = max(0, mention.start - ANTECEDENT_WINDOW)
    found = None
    if content[-1].lower() not in doc.text[lo:mention.start].lower():
        return None  # the noun never came before: nothing to take up (and no pattern to compile)
    for pattern in _introductions(tuple(content)):
        for m in pattern.finditer(doc.text, lo, mention.start):
            if not doc.quoted(m.start()) and not doc.page.furniture(m.start()) \
                    and _CAPITAL_WORD.search(m.group("mods")) and (found is None or m.start() > found.start()):
                found = m
    return description(found.group()) if found is not None else None


@lru_cache(maxsize=PATTERN_CACHE)
def _whole_word(word: str) -> regex.Pattern[str]:
    """``word`` as a whole word; compiled once per word (descriptions repeat their modifiers)."""
    return regex.compile(rf"(?<![\p{{L}}]){regex.escape(word)}(?![\p{{L}}])")


@lru_cache(maxsize=PATTERN_CACHE)
def _introductions(content: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    """The ways a text introduces the noun ``content`` before "the <noun>" takes it up
    (indefinite, owned by a name, definite with a name); compiled once per noun, which
    was a fifth of the extraction time when compiled at every call."""
    noun = r"[ \t\u00a0]+".join(rf"(?i:{regex.escape(w)})" for w in content) + r"(?![\p{L}])"
    return (regex.compile(_INDEFINITE + noun), regex.compile(_OWNED_BY_NAME + noun),
            regex.compile(_DEFINITE_NAMED + noun))


#: An indefinite description with up to four modifiers: "a Republican committee aide", "one Mexican official".
_INDEFINITE = (r"(?<![\p{L}])(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+"
               r"(?P<mods>(?:(?!" + alternation(MODIFIER_STOPS) + r"\s)"
               r"[\p{L}\d](?:[\p{L}\d\-’']|\.(?=\p{L}))*(?:(?<=\p{Lu})\.)?[ \t\u00a0]+){1,4})")
#: A noun introduced with a name among its modifiers: "the Wall Street Journal editorial board",
#: "the St. Paul City Council" ("the editorial board", "the council" later take it up).
_DEFINITE_NAMED = (r"(?<![\p{L}])(?:[Tt]he)\s+(?P<mods>\p{Lu}[\p{L}.\-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}.\-]*){0,3}"
                   r"[ \t\u00a0]+(?:\p{Ll}[\p{Ll}\-]*[ \t\u00a0]+){0,2})")
#: A noun introduced by its owner's name, up to three modifiers between: "China’s foreign ministry",
#: "Cruz's lawyers" ("the ministry", "the lawyers" later take it up).
_OWNED_BY_NAME = (r"(?<![\p{L}])(?P<mods>\p{Lu}[\p{L}.\-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}.\-]*){0,3}['’]s[ \t\u00a0]+"
                  r"(?:\p{Ll}[\p{Ll}\-]*[ \t\u00a0]+){0,3})")
_CAPITAL_WORD = regex.compile(r"(?<![\p{L}])\p{Lu}")




