"""Cue rules that read the text after the quotation: "...," Greer said; "...,"
said Greer; "..." - Nora Bell; "...," beamed Hattie; "...," he smiled."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from quotex.attribution import ids
from quotex.attribution.resolve.clauses import noun_use
from quotex.attribution.resolver import finish
from quotex.attribution.context import Attribution
from quotex.lang.en.shapes import (LAST_WORD, PHRASE_CHAR, WINDOW_AFTER, WORD,
                                   only_lead, participle, phrase_end, phrase_then_name)
from quotex.lang.en.cues import Cue
from quotex.lang.en.words import ASIDE_PREPOSITIONS, BE_BEFORE_ING, HE_SHE, NOT_BEFORE_SUBJECT, alternation
from quotex.records import Span
from quotex.mentions.phrases import Mention, phrase_after, phrase_before
from quotex.text.sentences import SENTENCE_STOP

if TYPE_CHECKING:
    from quotex.attribution.context import Context
    from quotex.attribution.document import Document


#: A signature after a quotation with a horizontal bar, as in collected reader voices: "..." ― Ana Ruiz
#: (initials read through: "― Julie A. Diaz Martinez.")
_POST_BAR = regex.compile(r"[ \t\u00a0]*\u2015[ \t\u00a0]*(?P<np>" + PHRASE_CHAR + r"{1,80})\s*(?:[.\n]|$)")

#: A signature on its own line after a quotation that ends its paragraph, as in quote
#: round-ups and fact checks: '"..."' then '- Bernie Sanders.' or '-President Obama, tweeting'.
_DASH_PARAGRAPH = regex.compile(r"[ \t\u00a0]*\n\s*[-—–―][ \t\u00a0]*"
                                r"(?P<np>\p{Lu}[^.!?;:\"“”«»„\n]{0,79})(?:[.\n]|$)")

#: A line closed by a dash, as a section heading is: "– Ready to quiz Trump –."
_DASH_CLOSED = regex.compile(r"[-—–―]\s*\.?\s*$")

_SHORT_CLAUSE = regex.compile(r"[^.!?;\"“”]{0,50}[.!?]")

#: A form of "be" before an -ing verb: '"...," he was saying'.
_BE_BEFORE = regex.compile(r"(?<![\p{L}])" + alternation(BE_BEFORE_ING) + r"\s+(?:\p{Ll}+ly\s+)?$", regex.IGNORECASE)

#: After a quotation, a past-tense verb then (at the match's end) a name: '" beamed |Hattie.'.
_TAG_INVERTED = regex.compile(r"\s*(?P<verb>\p{Ll}{3,}ed)\s+(?=\p{Lu})")

#: After a quotation, he/she or a capitalized name, then a past-tense verb and the sentence's end.
_TAG_NORMAL = regex.compile(r"\s*(?:(?P<pron>" + "|".join(HE_SHE) + r")|(?P<name>\p{Lu}[\p{L}.’']*(?:\s+\p{Lu}[\p{L}.’']*){0,2}))"
                            r"\s+(?P<verb>\p{Ll}{3,}ed)\s*[.;,](?=\s|$)")

#: "as" opening the tag: '"...," as Cruz said on Monday' (the clause says who is quoted).
_AS_LEAD = regex.compile(r"[\s,\"”'’]*as\s+")
#: A comma in the words after a quotation.
_COMMA = regex.compile(",")
#: A stop that may end a sentence: then a blank, a closing mark or the end.
_STOP = regex.compile(r"[.!?](?=[\s\"“”’')]|$)")
#: What may follow a tag's verb up to the sentence's end: "on Monday", "in an interview".
_TAIL_TO_STOP = regex.compile(r"[^,;:\"“”]{0,40}")
#: What may follow a tag's name: the end of its clause.
_TAG_END = regex.compile(r"\s*(?:[.;,!?]|$)")


def quote_x_said(doc: Document, ctx: Context) -> Attribution | None:
    span, inner, a_end, att = ctx.span, ctx.inner, ctx.a_end, ctx.att
    m = doc.cues.post_normal(doc.text, span.end, a_end)
    if not m:
        return None
    if doc.cues.verb_at(doc.text, m.np_start):
        return None  # '"...," said the clerk, who was plainly in a state': inverted, not 'X states'
    if noun_use(doc, m.verb, m.verb_start):
        return None  # '"...” in a Facebook post': a thing, not a cue
    if participle(m.verb) and not _BE_BEFORE.search(doc.text, m.np_start, m.verb_start):
        return None  # '"...” during the rest of her campaign, saying': the clause's subject speaks
    mention = phrase_before(doc.cast, m.np_start, m.verb_start)
    att.why.append(f"after: {doc.text[span.end:m.end].strip()!r} -> {mention and mention.text!r}")
    if mention is None or not (only_lead(doc.text[span.end:mention.start])
                               or mention.kind == "name" and phrase_then_name(doc.text[span.end:mention.start])
                               or mention.kind != "pronoun" and _AS_LEAD.fullmatch(doc.text, span.end, mention.start)):
        return None
    if mention.kind == "description" and any(
            w.lower() in NOT_BEFORE_SUBJECT for w in WORD.findall(doc.text, span.end, mention.start)):
        return None  # '"..." from sharing the same ferry, said': the quote's sentence goes on
    if inner.endswith(".") and not _SHORT_CLAUSE.match(doc.text, m.end, a_end + 1):
        return None
    if inner.endswith(".") and mention.text[:1].isupper() and mention.kind == "pronoun":
        return None  # '"We lost." He said nothing more.' starts a new sentence
    return finish(doc, ctx, mention, m.verb, ids.QUOTE_X_SAID, m.end, a_end)


def quote_said_x(doc: Document, ctx: Context) -> Attribution | None:
    span, a_end, att = ctx.span, ctx.a_end, ctx.att
    m = doc.cues.post_inverted(doc.text, span.end, a_end) or inverted_after_phrase(doc, span, a_end)
    if not m or participle(m.verb):
        return None  # '"fantastic,” telling reporters ...': whoever the clause is about says it
    mention = phrase_after(doc.cast, m.np_start, phrase_end(doc.text, m.np_end, a_end))
    att.why.append(f"after, inverted: {doc.text[span.end:m.end].strip()[:60]!r} -> "
                   f"{mention and mention.text!r}")
    if mention is None:
        return None
    return finish(doc, ctx, mention, m.verb, ids.QUOTE_SAID_X, None, None)


def quote_dash_x(doc: Document, ctx: Context) -> Attribution | None:
    span, a_end, att = ctx.span, ctx.a_end, ctx.att
    m = doc.cues.post_dash.match(doc.text, span.end, a_end) or _POST_BAR.match(doc.text, span.end, a_end)
    own_line = False
    if not m:  # a signature on the line after a quotation that ends its paragraph: "- Bernie Sanders."
        nxt = doc.spans[ctx.index + 1].start if ctx.index + 1 < len(doc.spans) else len(doc.text)
        m = _DASH_PARAGRAPH.match(doc.text, span.end, min(nxt, span.end + WINDOW_AFTER))
        own_line = True
    if not m:
        return None
    mention = phrase_after(doc.cast, m.start("np"), m.end("np"))
    if mention is None or mention.kind != "name":
        return None
    if own_line and _DASH_CLOSED.search(doc.text, m.start("np"), doc.paragraph_end(m.start("np"))):
        return None  # "– Ready to quiz Trump –": a section heading, not a signature
    name = doc.cast.name_at(mention.start, mention.end)
    fills = doc.paragraphs[doc.paragraph_of(span.start)] == span.start
    if own_line and not fills and (name is None or not doc.cast.entities[name.entity].person):
        return None  # "- Reuters." after a paragraph ending in a quoted fragment: a wire credit
    att.why.append(f"dash: {mention.text!r}")
    return finish(doc, ctx, mention, None, ids.QUOTE_DASH_X, None, None)


def _tag_cut(ctx: Context) -> bool:
    """The quotation is cut as a dialogue tag follows it: by a comma or a mark."""
    return ctx.span.closed and ctx.inner[-1:] in (",", "!", "?", "—", "-")


def quote_verbed_x(doc: Document, ctx: Context) -> Attribution | None:
    """A quotation cut by a comma or a mark, then a verb in the past, a person's name and
    the sentence's end, has the shape of a dialogue tag whatever the verb ('"I do adore
    a brass band," beamed Hattie.'): the name speaks."""
    span, a_end, att = ctx.span, ctx.a_end, ctx.att
    if not _tag_cut(ctx):
        return None
    text = doc.text
    m = _TAG_INVERTED.match(text, span.end, a_end)
    if m is None:
        return None
    name = doc.cast.name_at(m.end(), min(a_end, m.end() + 60))
    if name is None or name.start != m.end() or not doc.cast.entities[name.entity].person \
            or not _TAG_END.match(text, name.end, a_end):
        return None
    mention = Mention(name.start, name.end, text[name.start:name.end], "name")
    att.why.append(f"tag shape: {text[span.end:m.end()].strip()!r} -> {mention.text!r}")
    return finish(doc, ctx, mention, m.group("verb"), ids.QUOTE_VERBED_X, None, None)


def quote_x_verbed(doc: Document, ctx: Context) -> Attribution | None:
    """The same with he/she or a person's name before the verb ('"Well," he smiled.')."""
    span, a_end, att = ctx.span, ctx.a_end, ctx.att
    if not _tag_cut(ctx):
        return None
    text = doc.text
    m = _TAG_NORMAL.match(text, span.end, a_end)
    if m is None:
        return None
    if m.group("pron"):
        mention = Mention(m.start("pron"), m.end("pron"), m.group("pron"), "pronoun")
    else:
        name = doc.cast.name_at(m.start("verb") - 60, m.start("verb"))
        if name is None or name.start != m.start("name") or not doc.cast.entities[name.entity].person:
            return None
        mention = Mention(name.start, name.end, text[name.start:name.end], "name")
    att.why.append(f"tag shape: {text[span.end:m.end()].strip()!r} -> {mention.text!r}")
    return finish(doc, ctx, mention, m.group("verb"), ids.QUOTE_X_VERBED, None, None)


def sentence_tag(doc: Document, ctx: Context) -> Attribution | None:
    """The quotation's sentence goes on past it and ends in its own tag, a name and a
    speech verb after its last clause's comma: '"..." that the county can pay, said Ann
    Lee, a budget analyst.', '"..." than the mayor's own, Lee said on Monday.' Whatever
    stands between, the sentence is the quotation's and the tag names who says it."""
    span, inner, att = ctx.span, ctx.inner, ctx.att
    text = doc.text
    if not span.closed or inner.endswith((".", "!", "?")):
        return None  # the quotation closed its sentence: the words after it are another's
    stop = sentence_stop(doc, span.end, ctx.a_end)
    last = doc.end_before(ctx.a_end)
    if stop is None and ctx.a_end == doc.paragraph_end(span.end - 1) and text[last - 1:last] in (".", "!", "?"):
        stop = last - 1  # the paragraph ends the sentence, after an abbreviation's dot: "... in Alexandria, Va."
    if stop is None:
        return None
    # the tag opens right after the quotation ('"..." Ann Lee, an analyst, said on Friday.'),
    # or after a comma of the sentence going on
    for c in [span.end] + [comma.start() for comma in _COMMA.finditer(text, span.end, stop)]:
        m = doc.cues.post_inverted(text, c, stop)
        if m is not None and not participle(m.verb):
            mention = phrase_after(doc.cast, m.np_start, phrase_end(text, m.np_end, stop))
        else:
            verbs = doc.cues.verbs(text, c, stop)
            if not verbs:
                continue
            vs, ve = verbs[-1]  # the verb that ends the sentence: "..., Zuckoff said (on Monday)."
            m = Cue(c, ve, vs, ve, text[vs:ve])
            if participle(m.verb) or not _TAIL_TO_STOP.fullmatch(text, ve, stop) or noun_use(doc, m.verb, vs):
                continue  # no tag closes the sentence from here ('in a Facebook post.': a noun)
            mention = phrase_before(doc.cast, c, vs)
            if mention is not None and not only_lead(text[c:mention.start]):
                continue  # the phrase before the verb holds a clause: the tag starts at a later comma
        if mention is None or mention.kind != "name":
            continue
        att.why.append(f"sentence tag: {text[c:stop].strip()[:60]!r} -> {mention.text!r}")
        return finish(doc, ctx, mention, m.verb, ids.QUOTE_THEN_TAG, None, None)
    return None


def sentence_stop(doc: Document, start: int, end: int) -> int | None:
    """Where the sentence going on at ``start`` ends before ``end``: a stop that is no
    title's or initial's dot ("Mr.", "Va.", "J.")."""
    text = doc.text
    for m in _STOP.finditer(text, start, end):
        word = LAST_WORD.search(text, max(start, m.start() - 12), m.start() + 1)
        if m.group() == "." and doc.dot_of_abbreviation(word.group(1).lower() if word else ""):
            continue
        return int(m.start())
    return None


def inverted_after_phrase(doc: Document, span: Span, a_end: int) -> Cue | None:
    """An inverted cue after the rest of the quote's sentence: '"briefly" from sharing
    the same ferry, said the agency's chief, Walter P. Dunmore'."""
    text = doc.text
    verbs = doc.cues.verbs(text, span.end, a_end)
    if not verbs:
        return None
    vs = verbs[0][0]
    if not phrase_then_name(text[span.end:vs], gerunds=True) or SENTENCE_STOP.search(text, span.end, vs):
        return None
    comma = doc.end_before(vs) - 1  # the comma that closes the phrase
    m = doc.cues.post_inverted(text, comma, a_end)
    return m if m is not None and m.verb_start == vs else None


#: The words between a quotation and the name of its tag: none, or a description of the person
#: ("Texas delegate", "nuclear experts"), no punctuation.
_LEAD = regex.compile(r"[,\s]*(?:[\p{L}'’\-]+\s+){0,4}")
#: What may follow the name before the tag's verb: an apposition, a place, a second name, an aside.
_ASIDE_OPEN = regex.compile(r"\s*(?:,|\(|\s" + alternation(ASIDE_PREPOSITIONS) + r"\s)")


def quote_x_aside_said(doc: Document, ctx: Context) -> Attribution | None:
    """A tag whose name is set apart from its verb by an apposition or a place, longer than the
    tag rules read: '"...," Ann Lee of the Harwick Institute for Coastal Studies wrote
    in May.', '"...," Ohio delegate Bo Park, holding a banner, said.' The name opens the words after the quotation, and the first speech verb of the
    sentence, with no stop before it, is its."""
    span, a_end, att = ctx.span, ctx.a_end, ctx.att
    if not _tag_cut(ctx):
        return None
    text = doc.text
    stop = sentence_stop(doc, span.end, a_end)
    hi = stop if stop is not None else a_end
    lead = _LEAD.match(text, span.end, hi)
    name = doc.cast.name_at(span.end, min(hi, span.end + 120))
    first = None
    for n in doc.cast.names_before(min(hi, span.end + 120), 120):
        if n.start >= span.end:
            first = n
            break
    if first is None or lead is None or first.start > lead.end() or doc.page.furniture(first.start):
        return None
    lower = [w.lower() for w in WORD.findall(text, span.end, first.start) if w[:1].islower()]
    if lower and lower[-1] not in doc.lex.roles and lower[-1] not in doc.lex.titles:
        return None  # '"...," in a statement Ann Lee ...': the words before the name are no description of her
    if not _ASIDE_OPEN.match(text, first.end, hi):
        return None  # the verb right after the name: the tag rules read it
    verbs = [(vs, ve) for vs, ve in doc.cues.verbs(text, first.end, hi)
             if not participle(text[vs:ve]) and not noun_use(doc, text[vs:ve], vs)]
    if not verbs:
        return None
    vs, ve = verbs[0]
    if not doc.cast.entities[first.entity].person and name is not None and not doc.cast.entities[name.entity].person:
        return None
    mention = Mention(first.start, first.end, text[first.start:first.end], "name")
    att.why.append(f"tag after an aside: {text[span.end:ve].strip()[:80]!r} -> {mention.text!r}")
    return finish(doc, ctx, mention, text[vs:ve], ids.QUOTE_X_ASIDE_SAID, None, None)
