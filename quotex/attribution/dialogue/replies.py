"""Replies: who answers a turn of dialogue that no cue tags.

The one the turn before called by name, when present in the scene; the one a
question called; the last other voice of the scene; in a first-person story, the
teller. Functions of the document under attribution
(:class:`quotex.attribution.document.Document`, its first argument), called by
:func:`quotex.attribution.dialogue.turns.continuation`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from quotex.attribution import ids
from quotex.attribution.context import NARRATOR, Attribution
from quotex.attribution.dialogue import characters, turns

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: How many quotes back a story's narrator must have spoken to answer a question asked them.
CONVERSATION = 30
#: How many quotations back, and how many paragraphs, a person has spoken to be present in the scene.
PRESENT_TURNS = 25
PRESENT_PARAGRAPHS = 40
#: How many paragraphs back a turn of talk looks for the voice it replies to.
REPLY_PARAGRAPHS = 7


def reply_in_scene(doc: Document, i: int, pa: Attribution, par: int) -> Attribution | None:
    """A turn of a story told in dialogue replies to the turn before it (of ``pa``): the last
    other voice of the :data:`REPLY_PARAGRAPHS` paragraphs before (``par`` is the turn's)."""
    results = doc.results
    for j in range(i - 2, max(-1, i - 1 - PRESENT_TURNS), -1):
        other = results[j].speaker
        if doc.paragraph_of(doc.spans[j].start) < par - REPLY_PARAGRAPHS:
            break
        if other and not turns.same_voice(other, pa.speaker):
            rule = ids.ALTERNATING_TURN
            return Attribution(None, None, (), rule, other, doc.confidence(rule, "none"),
                               [f"a reply to {pa.speaker!r} in a scene of talk: back to {other!r}"], results[j].entity)
    return None


def voice_of_turn(doc: Document, i: int) -> Attribution | None:
    """The voice of the paragraph of quotation ``i`` when ``i`` has none of its own: the one
    speaker the paragraph's other quotations agree on ('"I wonder," said Ann, "whether the
    fair is on" ' with its second part read by no rule)."""
    k = doc.paragraph_of(doc.spans[i].start)
    found = [doc.results[j] for j in range(i - 1, max(-1, i - 8), -1)
             if doc.paragraph_of(doc.spans[j].start) == k and doc.results[j].speaker is not None]
    if not found or any(not turns.same_voice(a.speaker, found[0].speaker) for a in found):
        return None
    return found[0]


def called_in_turn(doc: Document, i: int, ppar: int) -> Attribution | None:
    """A turn of dialogue after one that called someone by name ("Well, Tallis, what do you
    make of it?") is the reply of the one called, when they are not its speaker."""
    if not turns.written_as_dialogue(doc) or not turns.turn_of_dialogue(doc, doc.spans[i]):
        return None
    pa = doc.results[i - 1]
    turn = [j for j in range(max(0, i - 8), i) if doc.paragraph_of(doc.spans[j].start) == ppar]
    if not turn or doc.spans[turn[0]].start != doc.paragraphs[ppar]:
        return None
    called = [e for j in turn for e in characters.called(doc, doc.spans[j]) if e != pa.entity]
    if len(set(called)) != 1 or called[0] in characters.called(doc, doc.spans[i]):
        return None
    name = doc.cast.entities[called[0]].canonical
    voice = present_voice(doc, i, called[0], name)
    if voice is None or turns.same_voice(voice.speaker, pa.speaker):
        return None  # the one called has not spoken in this scene: maybe not here to answer
    rule = ids.ALTERNATING_TURN
    return Attribution(None, None, (), rule, voice.speaker, doc.confidence(rule, "none"),
                       [f"a reply to {pa.speaker!r}, who called {name!r}"], voice.entity)


def present_voice(doc: Document, i: int, entity: int, name: str) -> Attribution | None:
    """The attribution of a recent turn of the person ``entity`` (called ``name``): one of the
    :data:`PRESENT_TURNS` quotations before quotation ``i``, within :data:`PRESENT_PARAGRAPHS`."""
    k = doc.paragraph_of(doc.spans[i].start)
    for j in range(i - 1, max(-1, i - 1 - PRESENT_TURNS), -1):
        if doc.paragraph_of(doc.spans[j].start) < k - PRESENT_PARAGRAPHS:
            break
        att = doc.results[j]
        if att.speaker is not None and (att.entity == entity or turns.same_voice(att.speaker, name)):
            return att
    return None


def answer_to_question(doc: Document, i: int) -> Attribution | None:
    """A short turn after a question ('"Shall I wait by the gate?" he asked.' / '"Yes, I'll
    be down directly."') answers it: not the asker, but the one the asker called by name
    in the turns just before ("Hallo, Rosa!"); nobody when no one was called."""
    pa = doc.results[i - 1]
    k = doc.paragraph_of(doc.spans[i].start)
    for j in range(i - 1, max(-1, i - 6), -1):
        if doc.paragraph_of(doc.spans[j].start) < k - 6:
            break
        if doc.results[j].entity != pa.entity:
            continue
        for addressed in characters.called(doc, doc.spans[j]):
            if addressed != pa.entity:
                rule = ids.ALTERNATING_TURN
                other = doc.cast.entities[addressed].canonical
                return Attribution(None, None, (), rule, other, doc.confidence(rule, "none"),
                                   [f"answers the question of {pa.speaker!r}, who called {other!r}"], addressed)
    if pa.speaker != NARRATOR and any(r.speaker == NARRATOR for r in doc.results[max(0, i - CONVERSATION):i]):
        rule = ids.ALTERNATING_TURN  # a story told in the first person: the one asked is the teller
        return Attribution(None, None, (), rule, NARRATOR, doc.confidence(rule, "none"),
                           [f"answers the question of {pa.speaker!r}: the narrator, who talks in this story"])
    return None
