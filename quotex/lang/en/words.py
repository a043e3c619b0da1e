"""English words the rules share: short closed classes, too small and too
grammatical for a data file (the lexicons are in ``quotex/data``)."""
from __future__ import annotations

#: Words that open a description of a speaker: "the cosmonaut", "a spokesman", "two officials".
DESCRIPTION_DETERMINERS = frozenset(
    "the a an another one two three several some many other his her their its our my this these those".split())
#: The pronouns a speaker phrase may be.
PRONOUNS = frozenset("he she they i we".split())
#: The forms of "be": a quotation right after one is what something is said to be ('the plans are "reckless"').
COPULAS = frozenset("is are was were be been being am".split())
#: Short words a title leaves in lower case ("The Lead with Jake Tapper", "Midday with Charlie Sykes").
TITLE_SMALL_WORDS = frozenset("with from into onto over upon about than".split())
