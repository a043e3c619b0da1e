"""The voices of a conversation: who a he/she or a noun in a turn's tag stands for.

Functions of the document under attribution (:class:`quotex.attribution.document.Document`,
their first argument) and of the index ``i`` of the quote under attribution, read from
the turns already attributed (``doc.results``): the voice of the quote just before
going on ("he added"), the same he/she as before, the reply that changes hands ("...,"
he answered), the other voice of a dialogue ("said her cousin"), and who a turn calls
by name (never its speaker). The resolution of a speaker phrase
(:mod:`quotex.attribution.resolve.speakers`, :mod:`quotex.attribution.resolver`) asks
them, mostly in documents written as dialogue.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from quotex.attribution.context import Attribution
from quotex.attribution.dialogue import characters
from quotex.lang.en.shapes import WORD
from quotex.mentions.phrases import Mention
from quotex.text.sentences import CLAUSE_STOP

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: How far after a he/she its sentence is read for the people it acts on.
CLAUSE_REACH = 120
#: "to" after a tag's he/she: '"...," said he |to |Temple'.
_TO_AFTER = regex.compile(r"\s+(?:\p{Ll}+ly\s+)?to\s+")
#: How many quotations (and paragraphs) back a conversation's voices are looked for.
CONVERSATION_TURNS = 20
#: How much text may follow a quotation in its paragraph and still be only its tag.
TAG_LENGTH = 80


def said_before(doc: Document, i: int, mention: Mention) -> Attribution | None:
    """The attribution of the quote just before, when its cue read the very words of
    ``mention`` ('"...," he answered, tossing his head. "..."'): one phrase names one
    person, so the second quote must not resolve "he" afresh (and differently)."""
    if i == 0 or i > len(doc.results):
        return None
    prev = doc.results[i - 1]
    if prev.mention is None or prev.speaker is None or prev.mention.start != mention.start \
            or prev.mention.end != mention.end:
        return None
    return prev


def voice_going_on(doc: Document, i: int, mention: Mention) -> Attribution | None:
    """The attribution of the quote just before in the same paragraph, when this quote's
    he/she tag says the voice goes on ("he added", "she went on") and that speaker can be
    a he/she: the same person adds to what they said."""
    if i == 0 or i > len(doc.results):
        return None
    prev = doc.results[i - 1]
    if prev.speaker is None or doc.paragraph_of(doc.spans[i - 1].start) != doc.paragraph_of(mention.start):
        return None
    gender = doc.lex.pronoun_gender.get(mention.text.lower())
    if prev.entity is not None:
        return prev if doc.cast.entities[prev.entity].gender in (gender, None) else None
    words = WORD.findall(prev.speaker.lower())
    noun = doc.lex.person_nouns.get(words[-1]) if words else None
    return prev if noun in (gender, "-") else None


def pronoun_chain(doc: Document, i: int, mention: Mention, gender: str) -> Attribution | None:
    """When a he/she stands for no name or noun of the narration, the attribution of the
    last quote before whose cue was a he/she of the same gender, within the conversation:
    the story goes on calling the same person so (a speaker found once is found again)."""
    if i == 0 or i > len(doc.results):
        return None
    k = doc.paragraph_of(mention.start)
    for j in range(i - 1, max(-1, i - CONVERSATION_TURNS), -1):
        if doc.paragraph_of(doc.spans[j].start) < k - CONVERSATION_TURNS:
            break
        att = doc.results[j]
        m = att.mention
        if m is None or att.speaker is None or m.kind != "pronoun":
            continue
        if doc.lex.pronoun_gender.get(m.text.lower()) == gender:
            return att
    return None


def opens_sentence_between(doc: Document, lo: int, hi: int, gender: str) -> bool:
    """A person of ``gender`` (or of unknown gender) is named at the start of a sentence of
    the narration between ``lo`` and ``hi``: the story's lead may have passed to them."""
    for n in doc.cast.names_before(hi, hi - lo):
        ent = doc.cast.entities[n.entity]
        if n.start >= lo and not n.quoted and ent.person and ent.gender in (gender, None) \
                and doc.opens_sentence(n.start):
            return True
    return False


def named_after_in_clause(doc: Document, i: int, mention: Mention) -> set[int]:
    """The people named after a he/she in the rest of its clause, in the narration before
    the quotation ("He waved Abernethy over to the stove and said gruffly:"): the
    object of his verb is not "he" (up to a comma: "If he wins, Hale ..." may be Hale)."""
    text = doc.text
    stop = CLAUSE_STOP.search(text, mention.end, min(len(text), mention.end + CLAUSE_REACH))
    end = stop.start() if stop else min(len(text), mention.end + CLAUSE_REACH)
    if doc.quoted(mention.start) or i >= len(doc.spans) or mention.start > doc.spans[i].start:
        return set()  # only narration before the quotation: a tag ("he told Rubio") may be loose
    return {n.entity for n in doc.cast.names_before(end, end - mention.end)
            if n.start >= mention.end and not n.quoted}


def spoken_to(doc: Document, i: int, mention: Mention) -> set[int]:
    """The people the quotations of the current quote's paragraph call by name, when
    ``mention`` is in their tag: none of them says them."""
    if i >= len(doc.spans):
        return set()
    k = doc.paragraph_of(doc.spans[i].start)
    if doc.paragraph_of(mention.start) != k:
        return set()
    out = {e for s in doc.spans[max(0, i - 4):i + 3] if doc.paragraph_of(s.start) == k
           for e in characters.called(doc, s)}
    to = _TO_AFTER.match(doc.text, mention.end, min(len(doc.text), mention.end + 60))
    if to is not None:  # '"What an odd little town," said he to Whitcombe': not Whitcombe
        out.update(n.entity for n in doc.cast.names_before(to.end() + 60, 60) if n.start == to.end())
    return out


def answer(doc: Document, i: int, mention: Mention, entity: int) -> int | None:
    """A pronoun in the tag of a turn of dialogue that would give the turn to the voice
    of the turn just before ("...," he answered) gives it to the last other voice of
    that gender in the conversation instead: turns change hands."""
    if i == 0 or i >= len(doc.spans):
        return None
    span, prev = doc.spans[i], doc.spans[i - 1]
    k = doc.paragraph_of(span.start)
    if doc.paragraphs[k] != span.start or doc.paragraph_of(prev.start) != k - 1 \
            or doc.results[i - 1].entity != entity:
        return None
    first = bisect.bisect_left(doc.span_starts, doc.paragraphs[k - 1])
    if doc.span_starts[first] != doc.paragraphs[k - 1]:
        return None  # the paragraph before opens with narration
    if doc.paragraph_end(prev.start) - prev.end > TAG_LENGTH:
        return None  # narration after the turn before: the story may have moved on
    gender = doc.lex.pronoun_gender.get(mention.text.lower())
    for j in range(first, i):  # the turn before called someone by name: the reply is theirs
        for addressed in characters.called(doc, doc.spans[j]):
            if addressed != entity and doc.cast.entities[addressed].gender in (gender, None):
                return addressed
    for j in range(i - 2, max(-1, i - 10), -1):
        if doc.paragraph_of(doc.spans[j].start) < k - 8:
            break
        ent = doc.results[j].entity
        if ent is not None and ent != entity and doc.cast.entities[ent].gender in (gender, None):
            return ent
    return None


def voice(doc: Document, i: int, mention: Mention) -> int | None:
    """The person a he/she stands for when no name is near: the last voice of that
    gender in the conversation, other than the voice of the turn just before when
    this quote opens a new turn."""
    if i == 0 or i >= len(doc.spans):
        return None
    gender = doc.lex.pronoun_gender.get(mention.text.lower())
    k = doc.paragraph_of(doc.spans[i].start)
    new_turn = doc.paragraphs[k] == doc.spans[i].start
    before = doc.results[i - 1].entity if new_turn and doc.paragraph_of(doc.spans[i - 1].start) == k - 1 \
        else None
    for j in range(i - 1, max(-1, i - CONVERSATION_TURNS), -1):
        if doc.paragraph_of(doc.spans[j].start) < k - CONVERSATION_TURNS:
            break
        for ent in [doc.results[j].entity] + characters.called(doc, doc.spans[j]):  # who spoke, who was spoken to
            if ent is not None and ent != before and doc.cast.entities[ent].gender in (gender, None) \
                    and doc.cast.entities[ent].person:
                return ent
    return None


def partner(doc: Document, i: int, mention: Mention) -> int | None:
    """A turn of dialogue given to a character named by a noun ("answered the artist",
    "said his step-son") is spoken by the named voice of the conversation that did not
    speak the turn before: the entity, or None."""
    if i == 0 or i >= len(doc.spans):
        return None
    span = doc.spans[i]
    k = doc.paragraph_of(span.start)
    if doc.paragraphs[k] != span.start:
        return None
    words = WORD.findall(mention.text)
    gender = doc.lex.person_nouns.get(words[-1].lower()) if words else None
    if gender is None or len(words) > 2:
        return None  # "the thin gentleman" is described as someone new, not as a known voice
    before: int | None = None
    spoken_to = set(characters.called(doc, span))
    if k and doc.spans[i - 1].end <= doc.paragraphs[k - 1]:
        # narration just before names the people of the scene: "Jasper and Maud walked
        # into the orchard." / '"Maud," said her cousin': the one not called
        lo = doc.paragraphs[k - 1]
        present = {n.entity for n in doc.cast.names_before(span.start, span.start - lo)
                   if not n.quoted and doc.cast.entities[n.entity].person}
        others = [e for e in present - spoken_to if doc.cast.entities[e].gender in (gender, None) or gender == "-"]
        if spoken_to & present and len(others) == 1:
            return others[0]
    for j in range(i - 1, max(-1, i - 10), -1):
        pk = doc.paragraph_of(doc.spans[j].start)
        if pk < k - 8:
            break
        ent = doc.results[j].entity
        if ent is None:
            continue
        if before is None:
            if pk == k - 1 or pk == k - 2:
                before = ent  # the turn this one answers
                continue
            return None
        if ent in spoken_to:
            continue  # "You oughtn't to have gone, Winifred," said her sister
        if ent != before and doc.cast.entities[ent].gender in (gender, None, "-") or \
                (ent != before and gender == "-"):
            return ent
    return None
