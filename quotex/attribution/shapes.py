"""Patterns and tests of text shape that several attribution rules share."""
from __future__ import annotations

import regex

#: A word of the gap between a quotation and its speaker phrase.
LEAD_WORD = regex.compile(r"[\p{L}\p{M}\d'’.\-]+")

#: A dot between initials ("G.K."), which does not end a speaker phrase.
INITIAL_DOT = regex.compile(r"(?<=(?<![\p{L}])\p{Lu})\.(?=\p{Lu}\.)")

#: A character of a speaker phrase: no sentence stop or quotation mark, but the dot of an initial ("A.").
PHRASE_CHAR = r"(?:[^.!?;:\"“”«»„\n]|(?<=(?<![\p{L}])\p{Lu})\.)"

#: The rest of a speaker phrase.
PHRASE_REST = regex.compile(PHRASE_CHAR + "*")

#: A stop that ends a sentence or a clause before a blank.
SENTENCE_STOP = regex.compile(r"[.!?;:](?=\s)")

#: How far (characters) the resolver looks after a quote for its cue (before it: WINDOW_BEFORE).
WINDOW_AFTER = 220

#: Words that show a clause, not a speaker phrase, between a quote and a verb.
CLAUSE_WORDS = frozenset("when while after before because and but as if that which who whom then so "
                         "although though since until where whether".split())


def only_lead(gap: str) -> bool:
    """Only punctuation and a few modifier words stand between the quote and the speaker
    phrase ("…," NASA engineer Jennifer Trosper said), not a clause."""
    words = LEAD_WORD.findall(gap)
    return len(words) <= 6 and not any(w.lower() in CLAUSE_WORDS for w in words)


def phrase_then_name(gap: str, gerunds: bool = False) -> bool:
    """The quote's sentence goes on for a phrase, then a comma and the speaker's name:
    '"If there had not been that intervention" by the United States, NATO and other
    partners, Clinton said'. No clause inside (no verb-like word, no subordinator);
    with ``gerunds``, -ing forms may stand in it ("from attending the same mosque")."""
    words = LEAD_WORD.findall(gap)
    verbish = ("ed",) if gerunds else ("ed", "ing")
    return gap.rstrip().endswith(",") and len(words) <= 14 and not any(
        w.lower() in CLAUSE_WORDS - {"and"} or w.islower() and w.endswith(verbish) for w in words)


def participle(verb: str) -> bool:
    """An -ing form ("saying", "telling"), which never inverts with its subject."""
    return verb.lower().endswith("ing")


def phrase_end(text: str, end: int, limit: int) -> int:
    """Where a speaker phrase cut at a dot ends once dotted initials are read through:
    "said Rep. G.|K. Butterfield (D-N.C.), head of ..." -> "...Butterfield (D-N"."""
    for _ in range(4):
        if not INITIAL_DOT.match(text, end, limit):
            break
        more = PHRASE_REST.match(text, end + 1, limit)
        if more is None:
            break
        end = more.end()
    return end
