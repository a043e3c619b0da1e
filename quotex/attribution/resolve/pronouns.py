"""He and she in the tags of a conversation: the party of that gender.

Functions of the document under attribution (:class:`quotex.attribution.document.Document`,
their first argument). In a story's dialogue a "he said" or "she replied" rarely stands for
the last name of the narration: it stands for a party of the conversation, and the turn
before tells which. When the turn just before called someone of the pronoun's gender by
name ('"Pray, Mr. Ashdown," said Nora, "..."' / '"Certainly," replied he'), the reply is
theirs.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from quotex.attribution.dialogue import characters, turns
from quotex.lang.en.shapes import NOT_BEFORE_SUBJECT, PREV_WORD
from quotex.mentions.cast import Name
from quotex.mentions.phrases import Mention

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: A he or a she, the subject of a clause.
_HE_SHE = regex.compile(r"(?<![\p{L}'’])(?i:he|she)(?![\p{L}'’])")
#: "The" and a capitalized word, a lower-case word between them perhaps: "The |Colonel|", "The old |Professor|".
_THE_TITLE = regex.compile(r"(?<![\p{L}'’])[Tt]he\s+(?:[\p{Ll}\-]+\s+)?(\p{Lu}[\p{Ll}\-]+)(?![\p{L}'’])")
#: How far back a he/she looks for "the <title>" acting in the narration, and for the name bearing it.
TITLE_WINDOW = 600
TITLED_NAME_WINDOW = 20000
#: How much text may follow the turn before in its paragraph and still be only its tag.
TAG_LENGTH = 80
#: How a he/she resolved to the one the turn before called by name (:func:`reply_to_called`), and the
#: kind of mention its confidence is measured as (quotex/data/confidence.tsv): nearly always right,
#: far surer than the other ways a he/she resolves.
CALLED = "pronoun: the one the turn before called by name"
CALLED_KIND = "pronoun called by name"


def _after_a_turn(doc: Document, i: int, mention: Mention) -> bool:
    """Quote ``i`` opens its paragraph, ``mention`` stands in that paragraph, and the
    paragraph just before ends with a quote and at most its tag (a turn of dialogue)."""
    if i == 0 or i >= len(doc.spans):
        return False
    span, prev = doc.spans[i], doc.spans[i - 1]
    k = doc.paragraph_of(span.start)
    if doc.paragraphs[k] != span.start or doc.paragraph_of(prev.start) != k - 1 \
            or doc.paragraph_of(mention.start) != k:
        return False
    return doc.paragraph_end(prev.start) - prev.end <= TAG_LENGTH  # else the story may have moved on


def turn_before(doc: Document, i: int, mention: Mention) -> tuple[int, int] | None:
    """The quotes (first, last) of the paragraph just before, when quote ``i`` (under
    attribution) opens its paragraph, carries ``mention`` in its own tag, and the paragraph
    before is a turn of dialogue (a quote and at most its tag after it)."""
    if not _after_a_turn(doc, i, mention) or mention.start < doc.spans[i].end:
        return None
    k = doc.paragraph_of(doc.spans[i].start)
    first = bisect.bisect_left(doc.span_starts, doc.paragraphs[k - 1])
    return first, i - 1


def reply_to_called(doc: Document, i: int, mention: Mention, gender: str) -> int | None:
    """The one person of ``gender`` the turn just before called by name, other than its
    speaker: a he/she replying in the next paragraph is that person."""
    turn = turn_before(doc, i, mention)
    if turn is None:
        return None
    first, last = turn
    speaker = doc.results[last].entity
    if speaker is None:
        return None  # "Mr. Quill, your new lodger": an unknown speaker may be naming themselves
    found = {e for j in range(first, last + 1) for e in characters.called(doc, doc.spans[j])
             if e != speaker and doc.cast.entities[e].gender == gender}
    return found.pop() if len(found) == 1 else None


#: How many quotes back a reply looks for the other voice of the conversation.
REPLY_TURNS = 10
REPLY_VERBS = frozenset(["answer", "reply", "rejoin", "retort", "respond", "return"])


def reply_to_other(doc: Document, i: int, mention: Mention, entity: int, lemma: str) -> int | None:
    """A he/she that "replied" in the paragraph after a turn of dialogue is not the one
    who spoke that turn, though the narration just named them ("Lord Rupert looked at him.
    '...'" / '"...," he replied'): the last other voice of that gender in the conversation."""
    if lemma not in REPLY_VERBS or not _after_a_turn(doc, i, mention) or doc.results[i - 1].entity != entity:
        return None
    gender = doc.lex.pronoun_gender.get(mention.text.lower())
    for j in range(i - 2, max(-1, i - REPLY_TURNS), -1):
        ent = doc.results[j].entity
        if ent is not None and ent != entity and doc.cast.entities[ent].gender == gender:
            return ent
    return None


def nearer_scene(doc: Document, near: Name, older: Name, gender: str) -> bool:
    """``near``, a person of ``gender`` named (not as a subject, nor as an owner: "Pryor's
    name") in a later paragraph than ``older``, the subject the look-back reached: the scene
    has moved on to them ("Hale asked Nora whether ..." / '"...," she replied'). In stories
    told in dialogue only: news names many people in passing."""
    if not turns.written_as_dialogue(doc) or doc.cast.entities[near.entity].gender != gender \
            or doc.text[near.end:near.end + 2] in ("'s", "’s") \
            or doc.paragraph_of(older.start) >= doc.paragraph_of(near.start):
        return False
    word = PREV_WORD.search(doc.text, max(0, near.start - 20), near.start)
    if word is not None and word.group(1).lower() in NOT_BEFORE_SUBJECT:
        return False  # "vote for Trump"
    lo = doc.paragraphs[doc.paragraph_of(near.start)]
    for p in _HE_SHE.finditer(doc.text, lo, near.start):
        if doc.lex.pronoun_gender.get(p.group().lower()) == gender and not doc.quoted(p.start()):
            return False  # "She went down, where she gave Flora ...": the she has the lead, not Flora
    return True


#: How many turns back a conversation's other party is looked for.
PARTY_TURNS = 8


def other_party(doc: Document, i: int, mention: Mention, gender: str) -> int | None:
    """The party of ``gender`` in a conversation whose turn just before was spoken by
    someone of the other gender: the last voice of ``gender`` among the turns before, in
    unbroken paragraphs of dialogue ('"..." said Nora.' / '"...," he replied': the man
    she was talking with)."""
    turn = turn_before(doc, i, mention)
    if turn is None:
        return None
    last = turn[1]
    before = doc.results[last].entity
    if before is None or doc.cast.entities[before].gender not in ("m", "f") \
            or doc.cast.entities[before].gender == gender:
        return None
    k = doc.paragraph_of(doc.spans[last].start)
    for j in range(last - 1, max(-1, last - PARTY_TURNS), -1):
        p = doc.paragraph_of(doc.spans[j].start)
        if p < k - 1:
            return None  # a paragraph without a quote: the conversation began after it
        k = p
        ent = doc.results[j].entity
        if ent is not None and doc.cast.entities[ent].gender == gender:
            return ent
    return None


def participants(doc: Document, i: int) -> set[int]:
    """The people of the turns before quote ``i``: who spoke them, and whom they called by name."""
    out: set[int] = set()
    for j in range(max(0, i - PARTY_TURNS), min(i, len(doc.results))):
        ent = doc.results[j].entity
        if ent is not None:
            out.add(ent)
        out.update(characters.called(doc, doc.spans[j]))
    return out


def titled_subject(doc: Document, pos: int, gender: str, after: int) -> tuple[int, str] | None:
    """The person "the <title>" stands for, when it is the subject of a sentence of the
    narration between ``after`` and ``pos`` ("The Colonel stood up." /
    '"Gentlemen," he cried'): the one person of that title (and of ``gender``) the story
    named before; with the description's text."""
    text, cast = doc.text, doc.cast
    found: regex.Match[str] | None = None
    for m in _THE_TITLE.finditer(text, max(after, pos - TITLE_WINDOW), pos):
        if doc.quoted(m.start()) or not doc.opens_sentence(m.start()) or m.group(1).lower() not in doc.lex.titles:
            continue
        if cast.name_at(m.start(1), m.end(1)) is not None:
            continue  # "The Countess" as a name of the cast: the look-back sees it
        found = m
    if found is None:
        return None
    title = found.group(1).lower()
    people = {n.entity for n in cast.names_before(found.start(), TITLED_NAME_WINDOW)
              if title in (t.lower() for t in n.prefix) and cast.entities[n.entity].gender in (gender, None)
              and cast.entities[n.entity].person}
    if len(people) != 1:
        return None
    return people.pop(), found.group()
