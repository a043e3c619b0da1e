"""What a cue rule asks of the clause around its speech verb.

Functions of the document under attribution (:class:`quotex.attribution.document.Document`,
their first argument): whether the verb form is a noun here ("Trump's claim") or a
passive whose subject is spoken to ("Trump was asked"), whether a name before a
colon heads its clause, who reports the clause a subject stands in ("Trump said
that Romney ..."), and whether the cue after a quotation names a voice the rules
could not read (:func:`unread_cue`, which ends a turn).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from quotex.attribution.resolve.subjects import relative_subject, subject
from quotex.lang.en.shapes import WINDOW_AFTER, WINDOW_BEFORE, WORD, only_lead, participle
from quotex.lang.en.words import CLAUSE_WORDS
from quotex.lang.en.words import (CLAUSE_CUT_WORDS, DESCRIPTION_DETERMINERS, NOUN_DETERMINERS, OBJECT_BEFORE_COLON,
                                  PASSIVE_AUXILIARIES, alternation)
from quotex.mentions.phrases import Mention, phrase_before
from quotex.text.sentences import SENTENCE_STOP

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: What ends a reported clause before a later subject: a comma, a dash, a subordinator.
_CLAUSE_CUT = regex.compile(r"[,;:—–―(]|\s-\s|(?<![\p{L}])" + alternation(CLAUSE_CUT_WORDS) + r"(?![\p{L}])",
                            regex.IGNORECASE)
#: A form of "be" right before a participle: the passive "was asked", "were told".
_PASSIVE_BE = regex.compile(r"(?<![\p{L}])" + alternation(PASSIVE_AUXILIARIES) + r"\s+(?:\p{Ll}+ly\s+)?$",
                            regex.IGNORECASE)
#: What stands before a speech verb form used as a noun: "Rubio's |claim", "a Facebook |post".
_NOUN_BEFORE = regex.compile(r"(?:['’]s|s['’])\s+(?:[\p{L}\-]+\s+)?$"
                             r"|(?<![\p{L}])" + alternation(NOUN_DETERMINERS) + r"\s+[\p{L}\-]+\s+$",
                             regex.IGNORECASE)
#: A complementizer before a clause's subject: "and that| she has learned".
_THAT_BEFORE = regex.compile(r"(?<![\p{L}])that\s+$")


def unread_cue(doc: Document, i: int, speaker: str | None) -> bool:
    """A cue right after the quote names someone the rules could not read ('"...,"
    Harbor County Public Advocate Ann Lee said'), not ``speaker``: whoever the
    narration before was about, the cue says another voice speaks. A pronoun
    ('"...," it further wrote') or a word of the speaker's name ('"...," Lindell said'
    for Rosa Lindell) says nothing against it."""
    span = doc.spans[i]
    nxt = doc.spans[i + 1].start if i + 1 < len(doc.spans) else len(doc.text)
    a_end = min(nxt, doc.paragraph_end(span.end - 1), span.end + WINDOW_AFTER)
    known = set(str(speaker).split())
    # the quote's sentence goes on to an inverted cue: '"...," in plain contrast to ...
    # back when parties did that job, says Ivo Marsh, a history professor'
    stop = SENTENCE_STOP.search(doc.text, span.end, a_end)
    hi = stop.start() if stop else a_end
    for vs, ve in doc.cues.verbs(doc.text, span.end, hi):
        after = WORD.match(doc.text, ve + 1, hi)
        if doc.text[ve:ve + 1] == " " and doc.text[span.end:vs].rstrip().endswith(",") \
                and after is not None and after.group()[:1].isupper() and after.group() not in known:
            return True
    if not doc.text[span.inner_start:span.inner_end].rstrip().endswith((",", "?", "!")):
        return False  # '"...," X said' closes its quote with a comma; a fragment goes on
    m = doc.cues.post_normal(doc.text, span.end, a_end)
    if m is None or not only_lead(doc.text[span.end:m.np_start]):
        return False
    words = WORD.findall(doc.text, m.np_start, m.verb_start)
    if not words or not (words[0][:1].isupper() or words[0].lower() in DESCRIPTION_DETERMINERS) \
            or words[0].lower() in doc.lex.pronoun_gender or any(w.lower() in CLAUSE_WORDS for w in words):
        return False  # no speaker phrase: '"...," it further wrote', '"...," and donations began'
    return not any(w in known for w in words if w[:1].isupper())


def reported_by(doc: Document, sent: int, mention: Mention) -> Mention:
    """The subject of a clause after "that" that a quotation before cut off from its
    sentence ('Pruitt said this was "an error" and that she has changed her ways:
    "..."') is reported speech: the sentence's own subject speaks."""
    if not _THAT_BEFORE.search(doc.text, max(0, mention.start - 12), mention.start):
        return mention
    whole = doc.sentence_start(max(0, mention.start - WINDOW_BEFORE), mention.start)
    if whole >= sent:
        return mention
    return subject(doc, whole, mention.start) or mention


def passive_addressee(doc: Document, verb: str, pos: int) -> bool:
    """The verb at ``pos`` is the passive of a verb whose object is spoken to: "his
    salespersons were told,", "Trump was asked,": its subject is not the speaker."""
    lemma = doc.lex.verb_forms.get(verb.lower(), "")
    return lemma in doc.lex.addressee_lemmas and not participle(verb) \
        and bool(_PASSIVE_BE.search(doc.text, max(0, pos - 30), pos))  # not "is telling"


def noun_use(doc: Document, verb: str, pos: int) -> bool:
    """The speech verb form at ``pos`` is a noun here: after a possessive ("Trump's
    claim") or a determiner and one word ("a Facebook post", "a convoluted answer")."""
    if verb.lower() not in doc.lex.noun_verbs:
        return False
    return bool(_NOUN_BEFORE.search(doc.text, max(0, pos - 40), pos))


def heads_clause(doc: Document, start: int, pos: int) -> bool:
    """The name at ``pos`` is no object of a preposition ("a blunt message to Trump:",
    "contrasted him with Clinton:", "on CNN:"); "More from Philip Bump:" names a source."""
    lex = doc.lex
    for w in reversed(WORD.findall(doc.text, start, pos)):
        low = w.lower()
        if w[:1].isupper() or low in lex.titles or low in lex.roles or low in DESCRIPTION_DETERMINERS:
            continue
        return low not in OBJECT_BEFORE_COLON
    return True


def outer_reporter(doc: Document, sent: int, mention: Mention) -> Mention | None:
    """Who reports the clause ``mention`` stands in: in "Hale said that Greer pleaded with him
    ... and "would have sold his own boat"", the words are Hale's account, not
    Greer's. The first speech verb of the sentence before the mention, with a subject
    of its own; a verb right after the mention is its own ("Greer said")."""
    text = doc.text
    for vs, ve in doc.cues.verbs(text, sent, mention.start):
        if noun_use(doc, text[vs:ve], vs) or participle(text[vs:ve]):
            continue
        if doc.lex.verb_forms.get(text[vs:ve].lower()) not in doc.lex.reporting_lemmas:
            continue
        if _CLAUSE_CUT.search(text, ve, mention.start):
            return None  # "When Trump suggested that ..., Rubio fired back": a clause of its own
        reporter = relative_subject(doc, sent, vs) or phrase_before(doc.cast, sent, vs, strict=True) \
            or subject(doc, sent, vs, ve)
        if reporter is not None and reporter.end <= vs and reporter.kind != "pronoun":
            return reporter
        return None
    return None


def tag_before_participle(doc: Document, sent: int, pos: int) -> Mention | None:
    """The speaker of a tag closing the clause before the participle at ``pos``:
    "Varga left early, Pell said, |adding" -> Pell (not Varga, the sentence's subject).
    The tag is a speech verb right before the comma, its subject after the comma before it."""
    text = doc.text
    comma = text.rfind(",", sent, pos)
    if comma < 0 or text[comma + 1:pos].strip():
        return None
    verbs = doc.cues.verbs(text, sent, comma)
    if not verbs or text[verbs[-1][1]:comma].strip() or participle(text[verbs[-1][0]:verbs[-1][1]]):
        return None
    vs = verbs[-1][0]
    opening = text.rfind(",", sent, vs)
    if opening < 0:
        return None  # "Pell said ..., adding": the sentence's subject, read as usual
    mention = phrase_before(doc.cast, opening + 1, vs, strict=True)
    return mention if mention is not None and mention.start > opening else None
