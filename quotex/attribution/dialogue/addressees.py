"""Who a turn of dialogue is spoken to.

In a story told in dialogue a quotation is addressed to the person it calls by
name ("Well, Tallis, what do you make of it?") first, then to the other party of
the conversation (the voice of the turn it answers, or, when it opens the
conversation, the voice that answers it), the others present who speak before
and after it, and the one who answers it next. A pass over the whole document
(:data:`quotex.pipeline.PASSES`) fills ``addressees`` where no cue ("told X")
gave them; news is left as its cues say.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quotex.attribution import ids
from quotex.attribution.context import Attribution
from quotex.attribution.dialogue import characters, turns

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: How many paragraphs apart two turns may stand and still be one conversation.
TURN_GAP = 3
#: How many quotations back and forth the other party is looked for.
REACH = 6
#: How many quotations and paragraphs around a turn the voices present in its scene are looked for.
SCENE_REACH = 30
GROUP_GAP = 20


def fill(doc: Document) -> None:
    """Give each attributed quotation of a story in dialogue the people it is spoken to."""
    if not turns.written_as_dialogue(doc):
        return
    results = doc.results
    paragraph = [doc.paragraph_of(span.start) for span in doc.spans]  # each quotation's paragraph
    # voices the story only describes ("a voice", "his mother"): no name to say who was spoken to
    unnamed = {att.speaker for att in results if att.entity is None and not (att.speaker or "A")[:1].isupper()}
    for i, att in enumerate(results):
        if att.addressees:
            continue
        if att.speaker is None:
            att.addressees = tuple(v for v in voices_around(doc, i) if v not in unnamed)
            continue
        called = [doc.cast.entities[e].canonical for e in dict.fromkeys(characters.called(doc, doc.spans[i]))
                  if e != att.entity]
        out: list[str] = []
        for other in [*called, *parties(doc, i, paragraph), *answered_by(doc, i, paragraph)]:
            if other not in unnamed and not turns.same_voice(other, att.speaker) \
                    and not any(turns.same_voice(other, o) for o in out):
                out.append(other)
        if out:
            att.addressees = tuple(out)
    share_in_paragraph(doc, paragraph)


def share_in_paragraph(doc: Document, paragraph: Sequence[int]) -> None:
    """The pieces of one speaker's turn in one paragraph ('"Sit down," said Ann, "and you,
    Tom, fetch a chair."') are spoken to the same people: each gets all of them, the ones
    called by name first."""
    results, i = doc.results, 0
    while i < len(results):
        j, me = i, results[i].speaker
        while me is not None and j + 1 < len(results) and paragraph[j + 1] == paragraph[i] \
                and results[j + 1].speaker == me:
            j += 1
        if j > i:
            called = [doc.cast.entities[e].canonical
                      for k in range(i, j + 1) for e in characters.called(doc, doc.spans[k])]
            pieces = [a for att in results[i:j + 1] for a in att.addressees]
            shared = tuple(dict.fromkeys([*(a for a in called if a in pieces), *pieces]))
            for att in results[i:j + 1]:
                att.addressees = shared
        i = j + 1


def voices_around(doc: Document, i: int) -> tuple[str, ...]:
    """For a turn nobody is known to speak: the voices of the nearest turns before and after it
    within :data:`TURN_GAP` paragraphs, the parties of the conversation it stands in."""
    out: list[str] = []
    for step in (-1, 1):
        k = doc.paragraph_of(doc.spans[i].start)
        j = i + step
        while 0 <= j < len(doc.spans) and abs(j - i) <= REACH:
            pk = doc.paragraph_of(doc.spans[j].start)
            if abs(pk - k) > TURN_GAP:
                break
            voice = doc.results[j].speaker
            if voice is not None:
                if not any(turns.same_voice(voice, o) for o in out):
                    out.append(voice)
                break
            k, j = pk, j + step
    return tuple(out)


def answered_by(doc: Document, i: int, paragraph: Sequence[int]) -> tuple[str, ...]:
    """The voice of the quotation after ``i`` when it is another's and stands within
    :data:`TURN_GAP` paragraphs: the one who answers was spoken to."""
    if i + 1 >= len(doc.results) or paragraph[i + 1] - paragraph[i] > TURN_GAP:
        return ()
    nxt = doc.results[i + 1].speaker
    return (nxt,) if nxt is not None else ()


def party(doc: Document, i: int) -> str | None:
    """The other voice of the conversation quotation ``i`` belongs to (:func:`other_turn`)."""
    other = other_turn(doc, i)
    return other.speaker if other is not None else None


def parties(doc: Document, i: int, paragraph: Sequence[int]) -> tuple[str, ...]:
    """The other voices of the conversation around quotation ``i``: the nearest other voice
    (:func:`other_turn`) first, then every other voice present in the scene, one that speaks
    both before it and after it within :data:`SCENE_REACH` quotations and :data:`GROUP_GAP`
    paragraphs (a talk of three or more is spoken to all). ``paragraph[j]`` is the paragraph
    of quotation ``j`` (in document order, so the scene is one run of quotations)."""
    first = party(doc, i)
    if first is None:
        return ()
    out = [first]
    me = doc.results[i].speaker
    k = paragraph[i]
    lo = max(0, i - SCENE_REACH, bisect.bisect_left(paragraph, k - GROUP_GAP))
    hi = min(len(paragraph), i + SCENE_REACH + 1, bisect.bisect_right(paragraph, k + GROUP_GAP))
    voices = [att.speaker for att in doc.results[lo:hi]]
    before, after = set(voices[:i - lo]), set(voices[i - lo + 1:])
    for other in dict.fromkeys(voices):
        if other is not None and other in before and other in after and other not in out \
                and not turns.same_voice(other, me) and not any(turns.same_voice(other, o) for o in out):
            out.append(other)
    return tuple(out)


def other_turn(doc: Document, i: int) -> Attribution | None:
    """The nearest turn of another voice than quotation ``i``'s: before it, else the first
    after it, within :data:`TURN_GAP` paragraphs of the turn next to it."""
    results, spans = doc.results, doc.spans
    me = results[i].speaker
    for step in (-1, 1):
        k = doc.paragraph_of(spans[i].start)
        j = i + step
        while 0 <= j < len(spans) and abs(j - i) <= REACH:
            pk = doc.paragraph_of(spans[j].start)
            if abs(pk - k) > TURN_GAP:
                break
            other = results[j]
            if other.speaker is not None and not turns.same_voice(other.speaker, me):
                return other
            k = pk
            j += step
    return None


#: The rules that guess a turn's voice from the conversation, not from a cue naming it.
GUESSES = frozenset([ids.CONTINUED_PARAGRAPH, ids.ALTERNATING_TURN, ids.DIALOGUE_TURN, ids.CONVERSATION_TURN,
                     ids.SUBJECT_OF_PARAGRAPH_BEFORE])


def not_the_one_called(doc: Document) -> None:
    """A turn whose voice was guessed from the conversation cannot be spoken by the person it
    calls by name ('"Your tea is cold, Ann."' is said to Ann): the other party of the
    conversation speaks it when they are not called too, else nobody known."""
    if not turns.written_as_dialogue(doc):
        return
    for i, att in enumerate(doc.results):
        if att.rule not in GUESSES or att.entity is None:
            continue
        called = set(characters.called(doc, doc.spans[i]))
        if att.entity not in called:
            continue
        wrong = att.speaker
        other = other_turn(doc, i)
        if other is not None and other.entity is not None and other.entity not in called:
            att.speaker, att.entity = other.speaker, other.entity
            att.why.append(f"{wrong!r} is called by name in the quote: the other party, {other.speaker!r}, speaks")
        else:
            att.speaker, att.entity, att.confidence = None, None, 0.0
            att.why.append(f"{wrong!r} is called by name in the quote: not the speaker")
