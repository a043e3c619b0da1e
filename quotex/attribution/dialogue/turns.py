"""Turn-taking: who speaks when no cue says so.

A quote without a cue of its own may continue the turn of the quote before it
(in its paragraph, or in the paragraph before), answer it in an exchange of
two voices, or open a paragraph after narration about its speaker. A second
pass fills short turns of dialogue from the end (the voice two turns later,
the one a neighbouring turn addresses by name). These rules run only where the
cue rules (:mod:`quotex.attribution.rules`) found nobody; each says why in
``why``. Each is a function of the document under attribution
(:class:`quotex.attribution.document.Document`, its first argument).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from quotex.attribution import ids
from quotex.attribution.resolve import speakers, subjects
from quotex.attribution.dialogue import characters, replies
from quotex.attribution.context import Attribution
from quotex.lang.en.shapes import LEAD_WORDS, WORD
from quotex.records import Span
from quotex.mentions.phrases import Mention

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: A paragraph shorter than this that opens with a quote is a turn of dialogue.
SHORT_TURN = 150
#: The longest paragraph of narration a conversation's turns alternate across.
NARRATION_BETWEEN = 200
#: More narration than this after a turn's quotation makes its last sentence the scene.
TRAILING_NARRATION = 120
#: How many exchanges of short turns make a document a story told in dialogue.
DIALOGUE_EXCHANGES = 2
#: How far back the narration before a paragraph-opening quote is read.
SCENE_WINDOW = 320


def same_voice(a: str | None, b: str | None) -> bool:
    """Two speakers are one voice when one's words are all in the other's ("Hugo" and
    "Hugo Marwood"); "Mr. Harlow" and "Mrs. Harlow" are two."""
    if a is None or b is None:
        return a is b
    x, y = set(a.split()), set(b.split())
    return x <= y or y <= x


def short_turn(doc: Document, span: Span) -> bool:
    """The quote opens a short paragraph of dialogue."""
    start = doc.paragraphs[doc.paragraph_of(span.start)]
    return start == span.start and doc.paragraph_end(span.start) - start < SHORT_TURN


def written_as_dialogue(doc: Document) -> bool:
    """The document tells a story in dialogue: at least ``DIALOGUE_EXCHANGES`` short
    turns answer one another in consecutive paragraphs. There, a quotation opening a
    paragraph after another is a reply, not more of the same speaker (as in news)."""
    if doc._dialogue is None:
        spans, n = doc.spans, 0
        for a, b in zip(spans, spans[1:]):
            if short_turn(doc, a) and short_turn(doc, b) \
                    and doc.paragraph_of(b.start) == doc.paragraph_of(a.start) + 1:
                n += 1
        doc._dialogue = n >= DIALOGUE_EXCHANGES
    return doc._dialogue


def turn_of_dialogue(doc: Document, span: Span) -> bool:
    """The quote opens its paragraph and closes: a turn of dialogue, however long
    (a quotation left open runs on into the next paragraph: the same voice)."""
    return span.closed and doc.paragraphs[doc.paragraph_of(span.start)] == span.start


def fill_dialogue(doc: Document) -> None:
    """Second pass over short turns of dialogue still without a speaker, from the end:
    the turn two later was the same voice when the one between was another, and a
    neighbouring turn that addresses someone by name is answered by them."""
    results, spans = doc.results, doc.spans
    for i in range(len(spans) - 1, -1, -1):
        if results[i].speaker is not None or results[i].mention is not None or not short_turn(doc, spans[i]):
            continue
        par = doc.paragraph_of(spans[i].start)
        turns = [j for j in (i + 1, i + 2) if j < len(spans) and short_turn(doc, spans[j])
                 and doc.paragraph_of(spans[j].start) == par + j - i]
        speaker, why, entity = None, "", None
        if len(turns) == 2 and results[i + 2].speaker and results[i + 1].speaker \
                and not same_voice(results[i + 1].speaker, results[i + 2].speaker):
            speaker, why = results[i + 2].speaker, f"two turns later {results[i + 2].speaker!r} speaks again"
            entity = results[i + 2].entity
        else:
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(spans) and short_turn(doc, spans[j])
                    and abs(doc.paragraph_of(spans[j].start) - par) == 1]
            called = set().union(*(vocatives(doc, spans[j]) for j in near)) - vocatives(doc, spans[i])
            if len(called) == 1:
                speaker = called.pop()
                why = f"a neighbouring turn addresses {speaker!r}"
        if speaker is not None:
            rule = ids.DIALOGUE_TURN
            results[i] = Attribution(None, None, (), rule, speaker, doc.confidence(rule, "none"),
                                     results[i].why + [why], entity)


def bare_turn(doc: Document, span: Span) -> bool:
    """A short turn of dialogue, or a paragraph that is one quotation and nothing else."""
    return short_turn(doc, span) or turn_of_dialogue(doc, span) \
        and not doc.text[span.end:doc.paragraph_end(span.start)].strip()


def alternate_forward(doc: Document) -> None:
    """Third pass, from the start, over short turns still without a speaker: after two
    turns of two voices in the paragraphs just before, the voice two turns back speaks
    again ('"Julian." / "Yes, Cordelia." / "Dear, don't get up just yet."'), now that
    :func:`fill_dialogue` has given those turns their voices."""
    results, spans = doc.results, doc.spans
    for i in range(2, len(spans)):
        if results[i].speaker is not None or results[i].mention is not None or not bare_turn(doc, spans[i]):
            continue
        par = doc.paragraph_of(spans[i].start)
        if not all(bare_turn(doc, spans[j]) and doc.paragraph_of(spans[j].start) == par - i + j
                   for j in (i - 2, i - 1)):
            continue
        a, b = results[i - 2], results[i - 1]
        if a.speaker is None or b.speaker is None or same_voice(a.speaker, b.speaker):
            continue
        rule = ids.ALTERNATE_FORWARD
        results[i] = Attribution(None, None, (), rule, a.speaker, doc.confidence(rule, "none"),
                                 results[i].why + [f"after {a.speaker!r} and {b.speaker!r}, {a.speaker!r} again"],
                                 a.entity)


def after_comma(doc: Document, lo: int, pos: int, lead: frozenset[str]) -> bool:
    """A comma stands before ``pos`` in ``text[lo:pos]`` with only ``lead`` words and titles
    between ("But, my dear Ann,"): a name there is called."""
    words = LEAD_WORDS.search(doc.text, max(lo, pos - 40), pos)
    if words is None or not words.group(1):
        return False
    return all(w.lower() in lead or w.lower() in doc.lex.titles for w in WORD.findall(words.group(1))) \
        and doc.text[lo:words.start(1)].rstrip().endswith(",")


def vocatives(doc: Document, span: Span) -> set[str]:
    """People addressed by name in the quote: "Why, Hugo!", "Mr. Marwood, mother"."""
    out = set()
    for n in doc.cast.names_before(span.inner_end, span.inner_end - span.inner_start):
        before = doc.text[max(span.inner_start, n.start - 12):n.start]
        after = doc.text[n.end:n.end + 1]
        opens = n.start - span.inner_start < 8 or before.rstrip().endswith(",")
        if opens and after in (",", "!", "?", ".", "”", '"', "’", "'"):
            out.add(doc.cast.canonical(n))
    return out


def scene(doc: Document, i: int) -> Attribution | None:
    """A cue-less quote opening a paragraph after a narrative one is spoken by the
    person (a name or he/she) the narrative's last sentence was about:
    'Then she bent to button his coat.' / '"Why, Hugo! ..."'."""
    span = doc.spans[i]
    k = doc.paragraph_of(span.start)
    if k == 0 or doc.paragraphs[k] != span.start:
        return None
    lo = max(doc.paragraphs[k - 1], doc.spans[i - 1].end if i else 0)
    hi = doc.end_before(span.start)
    if i and doc.spans[i - 1].end > doc.paragraphs[k - 1] and doc.results[i - 1].speaker is not None \
            or hi - lo < 10:
        return None  # the paragraph before holds a quotation someone said, or nothing
    mention = last_subject(doc, lo, hi)
    if mention is None or mention.kind == "description" and not written_as_dialogue(doc):
        return None  # in news "the senator" alone names nobody; in a story "the doctor stopped" does
    return turn_of(doc, i, mention, "the paragraph before is about", ids.SUBJECT_OF_PARAGRAPH_BEFORE)


def last_subject(doc: Document, lo: int, hi: int) -> Mention | None:
    """The subject of the last sentence of the narration ``text[lo:hi]``."""
    return subjects.subject(doc, doc.sentence_start(max(lo, hi - SCENE_WINDOW), hi), hi)


def turn_of(doc: Document, i: int, mention: Mention, why: str, rule: str) -> Attribution | None:
    """Quote ``i`` is a turn of the person the narration's ``mention`` names (by ``rule``)."""
    speaker, how, entity = speakers.resolve(doc, mention, i)
    if speaker is None:
        return None
    return Attribution(mention, None, (), rule, speaker, doc.confidence(rule, mention.kind),
                       [f"{why} {mention.text!r} -> {speaker!r} ({how})"], entity)


def across_narration(doc: Document, i: int) -> Attribution | None:
    """In a story told in dialogue, a turn after one short paragraph of narration that
    names nobody answers the turn before it: the last other voice of the conversation."""
    if i < 2 or not written_as_dialogue(doc):
        return None
    span, prev = doc.spans[i], doc.spans[i - 1]
    k = doc.paragraph_of(span.start)
    pk = doc.paragraph_of(prev.start)
    if doc.paragraphs[k] != span.start or pk != k - 2 or doc.paragraph_end(doc.paragraphs[k - 1]) \
            - doc.paragraphs[k - 1] > NARRATION_BETWEEN or doc.results[i - 1].speaker is None:
        return None
    first = next(j for j in range(i - 1, -1, -1) if j == 0 or doc.paragraph_of(doc.spans[j - 1].start) < pk)
    if doc.spans[first].start != doc.paragraphs[pk]:
        return None  # the paragraph before the narration was not a turn of dialogue
    pa = doc.results[i - 1]
    for j in range(first - 1, max(-1, first - 8), -1):
        other = doc.results[j]
        if doc.paragraph_of(doc.spans[j].start) < pk - 4:
            break
        if other.speaker and not same_voice(other.speaker, pa.speaker):
            rule = ids.ACROSS_NARRATION
            return Attribution(None, None, (), rule, other.speaker, doc.confidence(rule, "none"),
                               [f"answers {pa.speaker!r} across a line of narration: {other.speaker!r}"],
                               other.entity)
    return None


def after_the_turn(doc: Document, i: int) -> Attribution | None:
    """In a story told in dialogue, a turn whose paragraph goes on with narration after
    the quotation ('... said Tobias shortly. Mr. Quill sniffed. Tobias enjoyed his
    small triumph.') hands the next quotation to the person its last sentence is about."""
    if not written_as_dialogue(doc):
        return None
    span, prev = doc.spans[i], doc.spans[i - 1]
    hi = doc.end_before(span.start)
    lo = prev.end
    if hi - lo <= TRAILING_NARRATION:
        return None
    mention = last_subject(doc, lo, hi)
    if mention is None or mention.kind != "name":
        return None
    return turn_of(doc, i, mention, "the turn before ends on narration about", ids.SUBJECT_AFTER_TURN)


def continuation(doc: Document, i: int) -> Attribution | None:
    """A quote no rule attributed may continue the previous speaker's turn."""
    results = doc.results
    span = doc.spans[i]
    if i == 0:
        return None
    prev = doc.spans[i - 1]
    pa = results[i - 1]
    par = doc.paragraph_of(span.start)
    ppar = doc.paragraph_of(prev.start)
    if pa.speaker is None and par == ppar + 1:
        pa = replies.voice_of_turn(doc, i - 1) or pa
    if pa.speaker is None:
        return None
    if par == ppar:
        # same paragraph: the words between are the previous quote's cue, or narration
        rule = ids.CONTINUED_IN_PARAGRAPH
        return Attribution(pa.mention, pa.cue, (), rule, pa.speaker, doc.confidence(rule, "none"),
                           [f"continues {pa.speaker!r} in the same paragraph"], pa.entity)
    if par != ppar + 1 or doc.paragraphs[par] != span.start:
        return None
    trailing = after_the_turn(doc, i)
    if trailing is not None:
        return trailing
    # consecutive quoted paragraphs: an exchange between two speakers alternates (in
    # news only after a question), one speaker's statement continues
    asked = doc.text[prev.inner_start:prev.inner_end].rstrip(" ,.\"“”'’").endswith("?")
    called = replies.called_in_turn(doc, i, ppar)
    if called is not None:
        return called
    for j in range(i - 2, -1, -1) if asked or written_as_dialogue(doc) else ():
        jpar = doc.paragraph_of(doc.spans[j].start)
        if jpar < ppar - 1:
            break
        if jpar == ppar - 1:
            other = results[j].speaker
            if other and not same_voice(other, pa.speaker):
                rule = ids.ALTERNATING_TURN
                return Attribution(None, None, (), rule, other, doc.confidence(rule, "none"),
                                   [f"answers {pa.speaker!r}: back to {other!r}"], results[j].entity)
            break
    exchange = _exchange_reply(doc, i, pa, ppar)
    if exchange is not None:
        return exchange
    if doc.text[prev.inner_start:prev.inner_end].rstrip()[-1:] == "?" and short_turn(doc, span):
        answer = replies.answer_to_question(doc, i)
        if answer is not None or not written_as_dialogue(doc):
            return answer
        return replies.reply_in_scene(doc, i, pa, par)
    reply = replies.reply_in_scene(doc, i, pa, par) if written_as_dialogue(doc) else None
    if reply is not None:
        return reply
    rule = ids.CONTINUED_PARAGRAPH
    return Attribution(pa.mention, pa.cue, (), rule, pa.speaker, doc.confidence(rule, "none"),
                       [f"continues {pa.speaker!r} from the paragraph before"], pa.entity)


def _exchange_reply(doc: Document, i: int, pa: Attribution, ppar: int) -> Attribution | None:
    """In a quick exchange of short turns, quote ``i`` replies to the turn before (of ``pa``,
    in paragraph ``ppar``): the one that turn called by name, else the last other voice."""
    results, span = doc.results, doc.spans[i]
    turn = [s for s in doc.spans[max(0, i - 8):i] if doc.paragraph_of(s.start) == ppar]
    if short_turn(doc, turn[0]) and short_turn(doc, span) or \
            written_as_dialogue(doc) and turn_of_dialogue(doc, turn[0]) and turn_of_dialogue(doc, span):
        # "My dear Mr. Grey," / "I have not."
        for addressed in [e for s in turn for e in characters.called(doc, s)] if written_as_dialogue(doc) else []:
            if addressed != pa.entity:
                rule = ids.ALTERNATING_TURN
                other = doc.cast.entities[addressed].canonical
                return Attribution(None, None, (), rule, other, doc.confidence(rule, "none"),
                                   [f"a reply to {pa.speaker!r}, who called {other!r}"], addressed)
        # a quick exchange: the reply comes from the last other voice in the dialogue
        for j in range(i - 2, max(-1, i - 8), -1):
            voice = results[j].speaker
            if doc.paragraph_of(doc.spans[j].start) < ppar - 4:
                break
            if voice and not same_voice(voice, pa.speaker):
                rule = ids.ALTERNATING_TURN
                return Attribution(None, None, (), rule, voice, doc.confidence(rule, "none"),
                                   [f"a short reply to {pa.speaker!r}: back to {voice!r}"], results[j].entity)
    return None

