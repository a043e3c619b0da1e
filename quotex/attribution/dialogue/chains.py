"""Conversations: a pass over runs of turns whose untagged turns alternate between two voices.

A function of the document under attribution
(:class:`quotex.attribution.document.Document`), run once every quotation was looked at.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from quotex.attribution import ids
from quotex.attribution.context import Attribution
from quotex.attribution.dialogue.turns import same_voice, vocatives, written_as_dialogue

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: How many paragraphs of narration a conversation's chain of turns runs across.
CHAIN_NARRATION = 2
#: The rules that read no cue of the quotation's own: a chain of turns may overrule them.
TURN_GUESSES = frozenset([None, ids.CONTINUED_PARAGRAPH, ids.ALTERNATING_TURN, ids.DIALOGUE_TURN,
                          ids.CONTINUED_IN_PARAGRAPH])


def turn_paragraphs(doc: Document) -> list[tuple[int, list[int]]]:
    """The paragraphs that open with a quotation, each with its quotations' indexes, in order."""
    out: list[tuple[int, list[int]]] = []
    for i, span in enumerate(doc.spans):
        k = doc.paragraph_of(span.start)
        if out and out[-1][0] == k:
            out[-1][1].append(i)
        elif doc.paragraphs[k] == span.start:
            out.append((k, [i]))
    return out


def anchor(doc: Document, quotes: list[int]) -> Attribution | None:
    """The attribution a cue of the turn's own gives it, when its cues agree."""
    found = [doc.results[i] for i in quotes
             if doc.results[i].rule not in TURN_GUESSES and doc.results[i].speaker is not None]
    if not found or any(not same_voice(a.speaker, found[0].speaker) for a in found):
        return None
    return found[0]


def two_voices(anchors: list[Attribution | None]) -> list[Attribution | None]:
    """Walk a chain of turns, the anchors in place: between two voices an untagged turn is
    the voice that did not speak the turn before. Each guess is the attribution it copies."""
    out: list[Attribution | None] = []
    last: Attribution | None = None
    other: Attribution | None = None
    for a in anchors:
        if a is not None:
            if last is not None and not same_voice(a.speaker, last.speaker):
                other = last
            last = a
            out.append(a)
        elif last is not None and other is not None:
            last, other = other, last
            out.append(last)
        else:
            out.append(None)
    return out


def chains(doc: Document) -> None:
    """A pass over runs of paragraphs that open with a quotation (a conversation, across up to
    :data:`CHAIN_NARRATION` paragraphs of narration): the turns no cue names alternate between
    the voices the tagged turns name, read both from the start and from the end of the run;
    where the two readings agree, that voice speaks ('"Where?" asked Ann. / "Home," said Ben. /
    "Why?" / "Tired." / "Of me?" said Ann.'); where only one reading reaches a turn nobody
    took, it fills it."""
    if not written_as_dialogue(doc):
        return
    paras = turn_paragraphs(doc)
    start = 0
    while start < len(paras):
        end = start + 1
        while end < len(paras) and paras[end][0] - paras[end - 1][0] <= 1 + CHAIN_NARRATION:
            end += 1
        run = paras[start:end]
        start = end
        anchors = [anchor(doc, quotes) for _, quotes in run]
        if sum(a is not None for a in anchors) < 2:
            continue
        _between_two_voices(doc, run, anchors)
        forward = two_voices(anchors)
        backward = two_voices(anchors[::-1])[::-1]
        for (_, quotes), a, f, b in zip(run, anchors, forward, backward):
            if a is not None or f is None and b is None or f is not None and b is not None \
                    and not same_voice(f.speaker, b.speaker):
                continue
            one_sided = f is None or b is None
            f = f or b
            assert f is not None
            for i in quotes:
                att = doc.results[i]
                if att.rule not in TURN_GUESSES or same_voice(att.speaker, f.speaker) and att.speaker is not None:
                    continue
                if one_sided and att.speaker is not None:
                    continue  # read from one end only: it fills a turn nobody took, no more
                rule = ids.CONVERSATION_TURN
                doc.results[i] = Attribution(None, None, (), rule, f.speaker, doc.confidence(rule, "none"),
                                             att.why + [f"the turns of {f.speaker!r} and another alternate here, "
                                                        "read from both ends of the conversation"], f.entity)


def _between_two_voices(doc: Document, run: list[tuple[int, list[int]]], anchors: list[Attribution | None]) -> None:
    """Between two tagged turns of two voices, an odd number of turns apart in consecutive
    paragraphs, the untagged turns alternate: the first voice, the second, the first, ...
    ('"Well?" asked Ann. / "No." / "Why?" / "Too late." / "Go home." / "I will," said Ben.'); the
    tags at both ends agree with strict alternation, so it overrules the turn rules' guesses
    there, unless a turn calls a third person by name (who may be the one answering)."""
    tagged = [k for k, a in enumerate(anchors) if a is not None]
    for p, q in zip(tagged, tagged[1:]):
        a, b = anchors[p], anchors[q]
        assert a is not None and b is not None
        if q - p < 3 or (q - p) % 2 == 0 or same_voice(a.speaker, b.speaker) \
                or any(run[k][0] != run[k - 1][0] + 1 for k in range(p + 1, q + 1)) \
                or _third_called(doc, [i for k in range(p, q) for i in run[k][1]], a, b):
            continue
        for k in range(p + 1, q):
            voice = a if (k - p) % 2 == 0 else b
            for i in run[k][1]:
                att = doc.results[i]
                if att.rule not in TURN_GUESSES or same_voice(att.speaker, voice.speaker):
                    continue
                rule = ids.CONVERSATION_TURN
                doc.results[i] = Attribution(None, None, (), rule, voice.speaker, doc.confidence(rule, "none"),
                                             att.why + [f"between the tagged turns of {a.speaker!r} and "
                                                        f"{b.speaker!r}, the turns alternate: {voice.speaker!r}"],
                                             voice.entity)


def _third_called(doc: Document, quotes: list[int], a: Attribution, b: Attribution) -> bool:
    """One of ``quotes`` calls by name someone who is neither voice ``a`` nor ``b``."""
    return any(not same_voice(name, a.speaker) and not same_voice(name, b.speaker)
               for i in quotes for name in vocatives(doc, doc.spans[i]))
