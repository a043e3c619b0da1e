"""Where sentences and clauses end: the patterns every rule that asks reads.

They differ on purpose, each for the question it answers:

- :data:`SENTENCE_END`: the end of a sentence, its stop and the blanks before the next
  one ("... he said|. |The"), for where the sentence before a quotation starts
  (:meth:`quotex.attribution.document.Document.sentence_start` steps over the
  ones after a title or an abbreviation: "Mr. Putin");
- :data:`SENTENCE_CUT`: the end of a sentence around a name, a stop and a blank
  (not after a short capitalized word: "Gov.") or a line break;
- :data:`SENTENCE_STOP`: a stop that ends a sentence or a clause, before a blank;
- :data:`CLAUSE_STOP`: where narration (or its run up to a quotation) stops: a stop,
  a comma or a quotation mark;
- :data:`SENTENCE_OPENERS`: the characters after which a capitalized word opens a
  sentence rather than naming someone.
"""
from __future__ import annotations

import regex

#: The end of a sentence: its stop and the blanks after it, before the next sentence's first
#: character (the stop matched, not looked behind for: a third of the time over a whole text).
SENTENCE_END = regex.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(\p{Lu}])")
#: Where a sentence ends, for the words around a name: a stop and a blank, or a line break.
SENTENCE_CUT = regex.compile(r"(?<!\b\p{Lu}\p{Ll}{0,3})[.!?][\"”’]*\s|\n")
#: A stop that ends a sentence or a clause before a blank.
SENTENCE_STOP = regex.compile(r"[.!?;:](?=\s)")
#: Where a sentence of narration (or its run up to a quotation) ends.
CLAUSE_STOP = regex.compile(r"[.!?;:,\"“”]")
#: The characters after which a word opens a sentence.
SENTENCE_OPENERS = frozenset(".!?\"“”‘’—")
