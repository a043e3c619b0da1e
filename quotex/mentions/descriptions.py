"""The titles and role words a document gives a person next to a name."""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import islice

import regex

from quotex.lang.en.words import APPOINTED, APPOSITION_DETERMINERS, APPOSITION_VERBS, DESCRIPTOR_STOPS, alternation
from quotex.mentions.names import WORDS_BACKWARDS, lexicon

#: An apposition after a name, and the words of its noun phrase: ", the commander of", ", who was named head".
_APPOSITION = regex.compile(
    r",\s+(?:who\s+" + alternation(w.replace(" ", r"\s+") for w in APPOSITION_VERBS) + r"\s+"
    r"(?:also\s+)?" + alternation(w + r"\s+" for w in APPOINTED) + "?)?"
    r"(?:" + alternation(APPOSITION_DETERMINERS) + r"\s+)?"
    r"(?:(?:\p{Lu}[\p{L}\-]*\s+){0,3}\p{Lu}[\p{L}\-]*(?:['’]s|s['’])\s+)?"  # "the Foreign Ministry's |spokeswoman"
    r"((?:[\p{L}\-]+\s+){0,3}?[\p{L}\-]+)(?=[\s,.;]|$)")
#: An age apposition after a name: "Tom Whitaker|, 67,|" makes him "the 67-year-old".
_AGE = regex.compile(r",\s+(\d{1,3}),")


#: A word that ends a sentence: a period after a lower-case run of two or more letters
#: ("round.", not "J." or "U.S.").
_ENDS_SENTENCE = regex.compile(r"\p{Ll}{2,}\.$")


@cache
def _descriptor_words() -> frozenset[str]:
    """Words that describe a person when they stand next to the name: titles, roles, nationalities."""
    lex = lexicon()
    return lex.titles | lex.roles | lex.demonyms


def _verb_ending(word: str) -> bool:
    """A lower-case word that reads as a finite verb: "wants", "called" (not "press", "business")."""
    return word.endswith("ed") or word[-2:-1] not in ("", "s") and word.endswith("s")


def describe(text: str, start: int, end: int, prefix: Sequence[str]) -> list[str]:
    """The titles and role words given the name at ``text[start:end]``, in the order found:
    in its ``prefix`` (the words stripped from its front), just before it, and in an
    apposition after it."""
    lex = lexicon()
    found: list[str] = []
    keep = _descriptor_words()
    for p in prefix:
        if p in keep or p.rstrip(".") in keep:
            p = p.rstrip(".")
            found.append(lex.title_abbreviations.get(p, p))
    # lowercase role words just before the name: "Japanese astronaut Norishige Kanai"
    # (the last 7 words of the 80 characters before it, read backwards: most looks stop at the first)
    for word in islice(WORDS_BACKWARDS.finditer(text, max(0, start - 80), start), 7):
        w = word.group()
        low = w.lower()
        if low in (",", "-", "—"):
            continue
        if not (w[0].isalnum()) or low in DESCRIPTOR_STOPS or _ENDS_SENTENCE.search(w) and low.rstrip(".") not in keep:
            break  # "The captain did not look round.| Ames ...": the sentence before is not the name's
        if low in lex.verb_forms:
            break
        if low in keep:
            found.append(low)
        elif w.islower() and _verb_ending(low):
            break  # "Philippine lawmaker wants| Trump": the role is the subject's, not the name's
    age = _AGE.match(text, end, end + 8)
    if age:  # "Tom Whitaker, 67,": "the 67-year-old"
        found.append(f"{age.group(1)}-year-old")
    # apposition after the name: "Anton Shkaplerov, the commander of ...", "Lena Oduya, Harwick Mills' spokeswoman"
    m = _APPOSITION.match(text, end, end + 120) if text.startswith(",", end) else None
    if m:
        for w in m.group(1).split():
            if w.lower() in keep:
                found.append(w.lower())
    return found
