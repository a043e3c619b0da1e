"""A name inside an apposition is not the subject: in "Ann Lee, a senior fellow at the
Cato Institute, said" the cue rules read "Cato Institute" just before the verb, and the
speaker is the person the apposition describes, Ann Lee.

A function of the document under attribution (:class:`quotex.attribution.document.Document`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from quotex.lang.en.words import (
    APPOSITION_CLAUSE_WORDS, APPOSITION_PREPOSITIONS, ARTICLES, SUBJECT_OPENERS, alternation,
)
from quotex.mentions.phrases import Mention

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: From the comma after a name to a name further on, an apposition that describes the first by
#: a role and a preposition: ", president of the |", ", a writer for The |", ", a patent attorney and
#: visiting scholar at the |", ", chairman of Norway's green |". A role opens it in lower case
#: (never "Senator" of "to Smith, Senator Jones"); no clause verb, no comma inside.
_ROLE_THEN_OBJECT = regex.compile(
    r",\s+(?:" + alternation(ARTICLES) + r"\s+)?\p{Ll}[\p{L}'’\-]*(?:\s+[\p{L}'’\-]+){0,7}?\s+"
    + alternation(APPOSITION_PREPOSITIONS) + r"\s+"
    r"(?:(?:the|The)\s+)?(?:[\p{Lu}][\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*)*['’]s\s+)?(?:\p{Ll}[\p{L}\-]*\s+){0,2}$")
#: Words of a clause: a relative or a verb of its own ends the apposition ("who voted for").
_CLAUSE = regex.compile(r"\b" + alternation(APPOSITION_CLAUSE_WORDS) + r"\b")
#: A capitalized word right before the name, which may be its title: "for President |".
_TITLE_BEFORE = regex.compile(r"(?<![\p{L}])(\p{Lu}[\p{L}]*\.?)\s+$")
#: How far before a name its apposition may start.
_WINDOW = 160


def head(doc: Document, mention: Mention) -> Mention | None:
    """The person an apposition around ``mention`` (a name) describes, when the name is the
    object of the apposition's preposition: "Ann Lee, a fellow at |the Cato Institute|" ->
    Ann Lee. None when the name stands on its own."""
    if mention.kind != "name":
        return None
    text = doc.text
    lo = max(doc.paragraphs[doc.paragraph_of(mention.start)], mention.start - _WINDOW)
    start = mention.start
    if text[max(lo, start - 4):start] in ("The ", "the "):
        start -= 4  # "a writer for The Atlantic": the article is the name's
    title = _TITLE_BEFORE.search(text, lo, start)
    if title is not None:
        start = title.start(1)  # "an agent for President |Bill Clinton"
    m = _ROLE_THEN_OBJECT.search(text, lo, start)
    if m is None or _CLAUSE.search(text, m.start(), start):
        return None
    comma = m.start()
    name = doc.cast.name_at(lo, comma)
    if name is None or name.end != comma:
        return None
    role = {w.lower() for w in regex.findall(r"[\p{L}\-]+", m.group())} & (doc.lex.roles | doc.lex.titles)
    if not doc.cast.entities[name.entity].person and not role:
        return None  # "Homeland Security Investigations, a division of ...": no person described
    if title is not None and title.group(1).lower().rstrip(".") not in doc.lex.titles \
            and title.group(1).lower() not in doc.lex.titles:
        return None
    sent = doc.sentence_start(lo, name.start)
    if not _opens_clause(doc, sent, name.start):
        return None  # "met with Ann Lee, a fellow at ...": an object, not the clause's subject
    return Mention(name.start, name.end, text[name.start:name.end], "name")


def _opens_clause(doc: Document, sent: int, pos: int) -> bool:
    """Only an opener, a comma, a closing quotation mark or the name's own modifiers ("Washington
    Post columnist", "76-year-old") stand between the sentence's start and ``pos``."""
    before = doc.text[sent:pos].strip()
    if not before or before.endswith((",", "\u201d", '"', "''")):
        return True
    words = before.split()
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in doc.lex.titles or w.lower() in doc.lex.roles
               or w.lower() in SUBJECT_OPENERS for w in words)
