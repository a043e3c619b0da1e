"""Cue rules for a quotation the sentence gives as someone's account or words: 'According to
the Courier, Lee said "..."', '"...," Lee said, according to the Courier' (the writer
quotes the account; the speech it reports is inside it); 'In the words of Ann Lee, "..."'."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from quotex.attribution import ids
from quotex.attribution.context import Attribution
from quotex.attribution.resolver import finish
from quotex.mentions.phrases import phrase_after

if TYPE_CHECKING:
    from quotex.attribution.context import Context
    from quotex.attribution.document import Document

#: "According to X," opening a sentence: X's account holds what follows.
_OPENING_ACCORDING = regex.compile(r"[\s\"“‘']*(?P<verb>[Aa]ccording\s+to)\s+(?P<np>[^,;:\"“”]{2,80}),")
#: A quote's tag then ", according to": '," Lee said at a meeting|, according to|'.
_TAG_THEN_ACCORDING = regex.compile(r"[,\s\"”’']*[^,;:\"“”()]{2,80}(?:,[^,;:\"“”()]{2,80})?,\s*")
#: An outlet's report closing a tag: '," said Lee, |reports the Courier|'.
_REPORTS = regex.compile(r"(?<![\p{L}])(?P<verb>reports|reported)\s+(?P<np>(?:the\s+)?\p{Lu}[^,;:\"“”()]{1,60})(?=\s*[.;]|$)")
#: Right before a quotation, whose words it is: "in the words of Ann Lee, |", "in Lee's own words: |".
_IN_WORDS_OF = regex.compile(r"(?:(?<![\p{L}])(?P<verb>[Ii]n\s+the\s+words\s+of)\s+(?P<np>[^,;:\"“”]{2,80})"
                             r"|(?<![\p{L}])[Ii]n\s+(?P<np2>[^,;:\"“”]{2,60}?)(?:['’]s|['’])\s+(?:own\s+)?words)"
                             r"\s*[,:]?\s*$")


def reported_according_to(doc: Document, ctx: Context) -> Attribution | None:
    """The sentence of the quote names where its words were read or heard: 'According to
    the Courier, Lee said "..."', '"...," Lee said, according to the Courier.' The account
    is the one the writer quotes; the speech it reports is inside it (as with
    :func:`quotex.attribution.resolve.clauses.outer_reporter`). Only an "according to" that opens the sentence before the
    quotation, or closes the clause of its tag, counts: one in another clause is about
    something else."""
    span, sent, a_end, att = ctx.span, ctx.sent, ctx.a_end, ctx.att
    text = doc.text
    m = _OPENING_ACCORDING.match(text, sent, span.start)
    if m is not None and (text[sent:doc.end_before(span.start)].endswith((".", "!", "?"))
                          or doc.sentence_start(m.end(), span.start) != m.end()
                          or not doc.cues.verbs(text, m.end(), span.start)):
        m = None  # the sentence it opens ended before the quotation, or reports no speech before it
    if m is None:
        m = doc.cues.according.search(text, span.end, a_end) or _REPORTS.search(text, span.end, a_end)
        if m is None or doc.sentence_start(span.end, m.start()) != span.end \
                or not _TAG_THEN_ACCORDING.fullmatch(text, span.end, m.start()) \
                or not doc.cues.verbs(text, span.end, m.start()):
            return None
    mention = phrase_after(doc.cast, m.start("np"), m.end("np"))
    if mention is None or mention.kind == "pronoun":
        return None
    att.why.append(f"the account the sentence quotes: {m.group('verb')} {mention.text!r}")
    return finish(doc, ctx, mention, m.group("verb"), ids.ACCOUNT_ACCORDING_TO_X, None, None)


def in_the_words_of(doc: Document, ctx: Context) -> Attribution | None:
    """The words just before the quotation say whose words it holds: 'In the words of Ann
    Lee, "..."', 'the town was, in Lee's words, "..."'."""
    span, sent, att = ctx.span, ctx.sent, ctx.att
    m = _IN_WORDS_OF.search(doc.text, max(sent, span.start - 160), span.start)
    if m is None:
        return None
    group = "np" if m.group("np") else "np2"
    mention = phrase_after(doc.cast, m.start(group), m.end(group))
    if mention is None or mention.kind == "pronoun":
        return None
    att.why.append(f"in the words of: {mention.text!r}")
    return finish(doc, ctx, mention, "in the words of", ids.IN_THE_WORDS_OF_X, None, None)
