"""The roster of a document's people: which of the cast's names are people at all.

:class:`quotex.mentions.cast.Cast` links every capitalized name to an entity and calls
it a person when its words look like one (two words that are no organisation, a first
name, an honorific). A story also names its places and houses so ("Hill Cottage",
"Elm Avenue", "a walk to Elder Abbey"), and a he/she of the dialogue tags then finds
them as antecedents. This pass, run once on the cast of a document, takes the places
out of the people: a speaker is a person or an organisation, never a place.
"""
from __future__ import annotations

import regex

from quotex.lang.en.lexicon import Lexicon
from quotex.lang.en.words import PLACE_ONLY_PREPOSITIONS
from quotex.mentions.cast import Cast, Entity, Name

#: The last word before a position, after blanks ("to |", "at the |" gives "the").
_WORD_BEFORE = regex.compile(r"(\p{L}+)\s+$")
#: The word right after a name: "Ann| said|".
_WORD_AFTER = regex.compile(r"\s+(\p{L}+)")
#: How far back the word before a name is looked for.
_LOOK_BACK = 24
#: A name read after a preposition of place ("at |Lisbon|", "in |Lisbon|") at
#: least this many times, and in at least this share of its mentions, names a place.
_PLACE_USES = 3
_PLACE_SHARE = 0.4


def place_named(cast: Cast, ent: Entity, lex: Lexicon) -> bool:
    """Every longer form of the entity ends in a place's word ("Hill Cottage", "Elm
    Avenue"), the text once puts a preposition of place before one of its names ("to Hill
    Cottage"), and nothing makes it a person: no honorific or role word before any of its
    names, no first name opening a form."""
    longer = [f for f in ent.forms if len(f) >= 2]
    if not longer or ent.title:
        return False
    for form in longer:
        if form[-1].lower() not in lex.place_words or form[0].lower() in lex.first_name_gender:
            return False
    located = False
    for k in ent.mentions:
        name = cast.names[k]
        if called_a_person(name, lex):
            return False
        if not located:
            located = word_before(cast, name.start) in lex.locative_prepositions
    return located


def called_a_person(name: Name, lex: Lexicon) -> bool:
    """An honorific or a role word stands before the name ("Mrs.", "Dr", "the painter"):
    whatever its words, it names a person."""
    return any(p in lex.titles or p.rstrip(".") in lex.titles or p in lex.roles for p in name.prefix)


def word_before(cast: Cast, start: int) -> str:
    """The word right before ``text[start]``, lowercase ('' when none)."""
    before = _WORD_BEFORE.search(cast.text, max(0, start - _LOOK_BACK), start)
    return before.group(1).lower() if before else ""


def place_by_use(cast: Cast, ent: Entity, lex: Lexicon) -> bool:
    """The text uses the name as a place's: after a preposition only places take ("at
    Lisbon", "in Porto") at least :data:`_PLACE_USES` times and
    in :data:`_PLACE_SHARE` of its mentions, never with an honorific or a role word, and
    never right beside a verb of speech ("said Ann", "Ann said")."""
    if ent.title or len(ent.mentions) < _PLACE_USES:
        return False
    located = 0
    for k in ent.mentions:
        name = cast.names[k]
        if called_a_person(name, lex):
            return False
        before = word_before(cast, name.start)
        after = _WORD_AFTER.match(cast.text, name.end)
        if before in lex.verb_forms or after is not None and after.group(1).lower() in lex.verb_forms:
            return False
        located += before in PLACE_ONLY_PREPOSITIONS
    return located >= _PLACE_USES and located >= _PLACE_SHARE * len(ent.mentions)


def mark_places(cast: Cast, lex: Lexicon) -> list[int]:
    """Take the places out of the cast's people (``Entity.person`` false); their ids."""
    out = []
    for ent in cast.entities:
        if ent.person and (place_named(cast, ent, lex) or place_by_use(cast, ent, lex)):
            ent.person = False
            out.append(ent.id)
    return out
