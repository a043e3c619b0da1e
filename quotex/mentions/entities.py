"""The people and organisations of a document, and the places their names stand."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

#: How many earlier people sharing a surname a new mention is compared with.
MAX_NAMESAKES = 50


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
            name = f"{self.title} {best[0]}"  # "Mrs. Harlow", not the "Harlow" her husband is too
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


def to_end(ordered: dict[int, None], key: int) -> None:
    """Move ``key`` to the end of an ordered set (a dict), in constant time."""
    ordered.pop(key, None)
    ordered[key] = None

def compatible(form: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """Two forms may name one person: one's words are inside the other's, in order."""
    if len(tokens) == 1:
        return tokens[0] in form  # the common case: a later "Trump" against "Donald Trump"
    a, b = (form, tokens) if len(form) <= len(tokens) else (tokens, form)
    it = iter(b)
    return all(any(x == y for y in it) for x in a)
