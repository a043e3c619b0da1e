"""What the cue rules call once they have read a speaker phrase: :func:`finish`.

A cue rule (:mod:`quotex.attribution.rules`) reads the speaker phrase of its cue
with the readers of :mod:`quotex.attribution.resolve.subjects` (the subject of a
clause) and :mod:`quotex.attribution.resolve.clauses` (what the clause around the
verb says) and hands it, with its context, to :func:`finish`, which resolves the
phrase (:func:`quotex.attribution.resolve.speakers.resolve`: a name to its fullest
form, a pronoun to the nearest compatible person, a description to the person it
described), lets the turns of a dialogue correct it (the voice of the quote before
going on, a reply changing hands, the other voice of a dialogue) and fills the
attribution: speaker, entity, confidence, addressees and the step that explains it.
The pipeline that runs the rules is :mod:`quotex.pipeline`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from quotex.attribution.context import Attribution, Context
from quotex.attribution.dialogue import turns, voices
from quotex.attribution.resolve import apposition, descriptions, pronouns, speakers
from quotex.attribution.resolve.speakers import Resolved
from quotex.lang.en.words import ADDRESSEE_STOP_WORDS, AUDIENCE_WORDS, alternation
from quotex.mentions.phrases import Mention
from quotex.records import Step

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: What ends the object of a verb of address: a stop, a mark, "who", "that", "about", "on", "in".
_ADDRESSEE_STOP = regex.compile(r"[.;:!?\"“”]|" + "|".join(rf"\b{w}\b" for w in ADDRESSEE_STOP_WORDS))
#: A group or a pronoun as that object, up to two words before it: "told |the assembled reporters|".
_ADDRESSEE_WORDS = regex.compile(
    r"\s+((?:the\s+)?(?:[\p{L}\-]+\s+){0,2}?" + alternation(AUDIENCE_WORDS) + r")\b", regex.IGNORECASE)
_TO = regex.compile(r"\s+to\s+(?=\p{Lu})")


def finish(doc: Document, ctx: Context, mention: Mention, cue: str | None, rule: str,
           addr_start: int | None, addr_end: int | None) -> Attribution:
    """``ctx.att`` attributed by ``rule`` to the speaker ``mention`` names, read with ``cue``;
    ``text[addr_start:addr_end]`` is where the verb's object (the addressee) may stand."""
    att, i = ctx.att, ctx.index
    if mention.kind == "description":
        mention = descriptions.trim_description(doc, mention)
    mention = apposition.head(doc, mention) or mention  # "Ann Lee, a fellow at the Cato Institute, said"
    att.mention = mention
    att.cue = " ".join(cue.lower().split()) if cue else None
    att.rule = rule
    lemma = doc.lex.verb_forms.get(att.cue or "", "")
    same = voices.said_before(doc, i, mention)
    if same is None and mention.kind == "pronoun" and lemma in doc.lex.same_voice_lemmas:
        same = voices.voice_going_on(doc, i, mention)  # '"...," said my uncle. "..." he added': my uncle
    if same is not None:  # the tag of the quote before, read again: its speaker, not a new guess
        att.speaker, att.entity, att.confidence = same.speaker, same.entity, doc.confidence(rule, mention.kind)
        att.why.append(Step(f"{mention.kind} {mention.text!r} is the voice of the quote before -> {same.speaker!r}",
                            rule, (mention.text,), same.speaker))
        return att
    speaker, how, entity = _in_dialogue(doc, i, mention, lemma, speakers.resolve(doc, mention, i))
    att.speaker = speaker
    att.entity = entity
    att.why.append(Step(f"{mention.kind} {mention.text!r} -> {speaker!r} ({how})", rule, (mention.text,), speaker))
    att.confidence = doc.confidence(rule, speakers.confidence_kind(mention, how)) if speaker else 0.0
    if addr_start is not None and addr_end is not None and cue:
        to = _TO.match(doc.text, addr_start, addr_end)
        if lemma in doc.lex.addressee_lemmas:
            att.addressees = addressees(doc, addr_start, addr_end)
        elif to:  # "said to Kanai"
            att.addressees = addressees(doc, to.end(), addr_end)
    return att


def _in_dialogue(doc: Document, i: int, mention: Mention, lemma: str, found: Resolved) -> Resolved:
    """What the turns of a dialogue say against the speaker ``found``: a he/she that would
    give a new turn to the voice before is the other voice (a reply); a he/she with no name
    near is a voice of the conversation; a noun is the dialogue's other voice."""
    speaker, how, entity = found
    if mention.kind == "pronoun" and entity is not None and turns.written_as_dialogue(doc) and \
            lemma not in doc.lex.same_voice_lemmas:
        other = voices.answer(doc, i, mention, entity)
        if other is not None:
            speaker, entity = doc.cast.entities[other].canonical, other
            how = f"the turn before was the same person's: a reply, by {speaker!r}"
    if mention.kind == "pronoun" and entity is not None and turns.written_as_dialogue(doc):
        other = pronouns.reply_to_other(doc, i, mention, entity, lemma)
        if other is not None:
            speaker, entity = doc.cast.entities[other].canonical, other
            how = f"a reply to the turn before: by the other voice, {speaker!r}"
    if mention.kind == "pronoun" and speaker is None and mention.text != "I" and turns.written_as_dialogue(doc):
        voice = voices.voice(doc, i, mention)
        if voice is not None:
            speaker, entity = doc.cast.entities[voice].canonical, voice
            how = f"no name near: the voice of the conversation, {speaker!r}"
    if mention.kind == "description" and entity is None:
        partner = voices.partner(doc, i, mention)
        if partner is not None:
            speaker, entity = doc.cast.entities[partner].canonical, partner
            how = f"the other voice of the dialogue, {speaker!r}"
    return Resolved(speaker, how, entity)


def addressees(doc: Document, start: int, end: int) -> tuple[str, ...]:
    """Who the verb's object in ``text[start:end]`` names: the people named there (or the
    name right after the verb: "told CNN"), else a group or pronoun ("told reporters")."""
    text = doc.text
    stop = _ADDRESSEE_STOP.search(text, start, end)
    end = stop.start() if stop else end
    out: list[str] = []
    first = start + len(text[start:end]) - len(text[start:end].lstrip())
    for n in doc.cast.names_before(end, end - start + 1):
        if n.start >= start:
            c = doc.cast.canonical(n)
            # a person, or whoever stands right after the verb: "told Biden", "told CNN"
            if c not in out and (doc.cast.entities[n.entity].person or n.start == first):
                out.append(c)
    if not out:
        m = _ADDRESSEE_WORDS.match(text, start, end)
        if m:
            out.append(m.group(1))
    return tuple(out)
