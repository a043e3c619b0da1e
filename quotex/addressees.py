"""Who a turn of dialogue is spoken to.

In a story told in dialogue a quotation is addressed to the person it calls by
name ("Well, Marlow, what do you make of it?"), else to the other party of the
conversation: the voice of the turn it answers, or, when it opens the
conversation, the voice that answers it. A pass over the whole document
(:data:`quotex.pipeline.PASSES`) fills ``addressees`` where no cue ("told X")
gave them; news is left as its cues say.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from quotex import characters, turns

if TYPE_CHECKING:
    from quotex.resolver import Document

#: How many paragraphs apart two turns may stand and still be one conversation.
TURN_GAP = 3
#: How many quotations back and forth the other party is looked for.
REACH = 6


def fill(doc: Document) -> None:
    """Give each attributed quotation of a story in dialogue the people it is spoken to."""
    if not turns.written_as_dialogue(doc):
        return
    results = doc.results
    for i, att in enumerate(results):
        if att.speaker is None or att.addressees:
            continue
        called = [doc.cast.entities[e].canonical for e in dict.fromkeys(characters.called(doc, doc.spans[i]))
                  if e != att.entity]
        if called:
            att.addressees = tuple(called)
            continue
        other = party(doc, i)
        if other is not None:
            att.addressees = (other,)


def party(doc: Document, i: int) -> str | None:
    """The other voice of the conversation quotation ``i`` belongs to: the nearest
    other speaker before it, else the first after it, within :data:`TURN_GAP`
    paragraphs of the turn next to it."""
    results, spans = doc.results, doc.spans
    me = results[i].speaker
    for step in (-1, 1):
        k = doc.paragraph_of(spans[i].start)
        j = i + step
        while 0 <= j < len(spans) and abs(j - i) <= REACH:
            pk = doc.paragraph_of(spans[j].start)
            if abs(pk - k) > TURN_GAP:
                break
            other = results[j].speaker
            if other is not None and not turns.same_voice(other, me):
                return other
            k = pk
            j += step
    return None
