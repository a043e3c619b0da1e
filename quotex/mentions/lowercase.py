"""Whether a capitalized word of a text is also written in lower case there."""
from __future__ import annotations

import re

import regex

#: A lower-case word.
_LOWER_WORD = regex.compile(r"(?<![\p{L}])\p{Ll}+(?![\p{L}])")
#: The same over ASCII text, where the letters are A-Z and a-z (the standard ``re`` is quicker there).
_ASCII_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")
#: How many words a document checks for a lower-case twin one by one before it
#: collects all its lower-case words at once.
LOWERCASE_LOOKUPS = 32


def lower_words(text: str, piece: int = 1 << 20) -> frozenset[str]:
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


def inside_sentence(words: str, text: str) -> bool:
    """``words`` stand inside a sentence somewhere: right after a lower-case word."""
    return regex.search(rf"(?<=\p{{Ll}} ){regex.escape(words)}(?![\p{{L}}])", text) is not None


def has_lowercase_twin(word: str, text: str) -> bool:
    """``word`` stands in ``text`` as a whole word after a space."""
    needle = " " + word
    i = text.find(needle)
    while i >= 0:
        j = i + len(needle)
        if j >= len(text) or not text[j].isalpha():
            return True
        i = text.find(needle, j)
    return False

