"""Antecedents in news: which name a "he" or "she" may stand for, and who reports.

Functions of the document under attribution (:class:`quotex.attribution.document.Document`,
their first argument), like :mod:`quotex.attribution.dialogue.characters`. A name is an
antecedent when it names a person outside quotations and page furniture, and not
as part of a body's name ("the Commission on Presidential Debates") or a thing's;
it is a likely one when it is the subject of its clause, reports speech, is
introduced with a person's noun or is the topic a sentence opens with; and a
name inside a clause about what someone else said gives way to that reporter.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from quotex.lang.en.shapes import (LAST_WORD, NOT_BEFORE_SUBJECT, OPENING_PRONOUN, PARTY_AFTER_NAME, PREV_WORD,
                                   WINDOW_BEFORE, WORD)
from quotex.text.layout import char_before
from quotex.mentions.cast import ORG_WORDS, VERBISH, Name
from quotex.mentions.phrases import Mention

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: A lower-case article right before a name: "the Christian Monitor Breakfast" names a thing.
_THE_BEFORE = regex.compile(r"(?<![\p{L}])(?:the|a|an)\s+$")
#: A capitalized word and "of", "on" or "for" right before a name: "Commission on |Presidential
#: Debates", "Institute for |Science and International Security" (a title there is a person's: "Duke of";
#: a sentence's first word opens no body's name: "As for |Trump").
_NAMED_BODY_BEFORE = regex.compile(r"(?<![\p{L}])(\p{Lu}[\p{L}\-]+)\s+(?:of|on|for)\s+(?:the\s+)?$")
#: "As for" or "there's" before a name, which makes it the topic of what follows: "As for |Trump|, he
#: said", "Then there's |Axelrod|."
_AS_FOR = regex.compile(r"(?<![\p{L}])(?i:as\s+for|there['’]s|there\s+is|there\s+was)\s+$")
#: "To" opening a sentence before the person whose view it gives: "To political science professor
#: |Brigid Harrison|, Christie's stare seemed ...".
_TO_TOPIC = regex.compile(r"(?<![\p{L}])To\s+(?:[\p{L}.\-]+\s+){0,8}$")
#: An apposition after a name, up to its noun: ", the grocery store worker", ", a retired teacher".
_PERSON_APPOSITION = regex.compile(r",\s+(?:the|a|an)\s+((?:[\p{Ll}\-]+\s+){0,3}[\p{Ll}\-]+)(?=[\s,.;]|$)")
#: "according to" (and a few words) before a name, the source of what the sentence reports:
#: "according to a note from |Delia Marsh|."
_ACCORDING_BEFORE = regex.compile(r"(?<![\p{L}])(?i:according\s+to)\s+(?:[\p{L}\-]+\s+){0,4}$")
#: A subordinating or wh- word right before a name (a role word or two between): "when |Fenwick asked",
#: "when reporter |Mark Ellis asked", "who |Ali was".
_SUBORDINATOR_BEFORE = regex.compile(r"(?<![\p{L}])(?:when|while|after|before|because|since|although|though|until|once|as"
                                  r"|who|what|why|how|whether|that|if)"
                                  r"\s+(?:\p{Ll}+\s+){0,2}$")
#: Where a person is from, between the name and its verb: " of Washington, D.C.,".
_OF_PLACE_AFTER = regex.compile(r"\s+of\s+\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*){0,3}"
                                 r"(?:,\s+\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*)?)?")
#: What follows the speaker an inverted verb names: "..., said Jake Horowitz, an editor."
_CLAUSE_END = regex.compile(r"\s*(?:[,.;:!?()\[\]—–\-]|$)")
#: A he or she, or its other forms, standing before a pronoun: then the pronoun may be theirs.
_GENDERED = regex.compile(r"(?<![\p{L}'’])(?i:he|she|him|her|his|hers|himself|herself)(?![\p{L}'’])")
#: How far before a name an inverted speech verb is looked for: "said Rep. Jim Clyburn".
INVERTED_LEAD = 40
#: Title words between an inverted speech verb and a name: "said| Vermont Sen. |Bernie Sanders".
_INVERTED_GAP = regex.compile(r"\s+(?:[\p{L}\p{M}'’.\-]+\s+){0,4}")


def antecedent(doc: Document, n: Name, gender: str | None) -> bool:
    """The name may be what a pronoun of ``gender`` stands for: a person of that
    gender (or unknown), named outside quotations and outside the page furniture."""
    ent = doc.cast.entities[n.entity]
    if not ent.person or n.quoted or ent.gender not in (gender, None) or doc.page.furniture(n.start):
        return False
    if all(t.isupper() and len(t) > 1 for t in n.tokens):
        return False  # "HP", "NATO": an acronym names a body, not a he or a she
    if _THE_BEFORE.search(doc.text, max(0, n.start - 5), n.start):
        return False  # "the Christian Monitor Breakfast": a thing with a name, not a person
    head = _NAMED_BODY_BEFORE.search(doc.text, max(0, n.start - 40), n.start)
    if head is not None and head.group(1).lower() not in doc.lex.titles and not doc.opens_sentence(head.start(1)):
        return False  # "the Commission on Presidential Debates": the end of a body's name
    return True


def pronoun_heads_sentence(doc: Document, n: Name, mention: Mention) -> bool:
    """The name stands in a subordinate clause of a sentence that opens with the same
    pronoun as ``mention`` (before the mention): the pronoun, not the name, carries on."""
    sent = doc.sentence_start(max(0, n.start - WINDOW_BEFORE), n.start)
    if not _SUBORDINATOR_BEFORE.search(doc.text, max(sent, n.start - 40), n.start):
        return False
    head = OPENING_PRONOUN.match(doc.text, sent, n.start)
    return head is not None and head.group().lower() == mention.text.lower() and head.end() <= mention.start


def source(doc: Document, n: Name) -> bool:
    """The name is the source "according to" which the sentence reports: a he/she
    after it may well be that source ("according to a note from Delia Marsh.
    '...,' she wrote")."""
    return bool(_ACCORDING_BEFORE.search(doc.text, max(0, n.start - 40), n.start))


def topic(doc: Document, n: Name) -> bool:
    """The name is the topic its clause opens with, or is brought on stage: "As for |Trump|,
    he said", "Then there's |Axelrod|.", "To professor |Brigid Harrison|, the stare seemed"
    (whose view the sentence gives)."""
    if doc.text[n.end:n.end + 1] not in ",.":
        return False
    if _AS_FOR.search(doc.text, max(0, n.start - 12), n.start):
        return True
    to = _TO_TOPIC.search(doc.text, max(0, n.start - 80), n.start)  # "To ... professor |Brigid Harrison|, the"
    return to is not None and doc.text[n.end] == "," and doc.opens_sentence(to.start())


def described_person(doc: Document, n: Name, gender: str | None) -> bool:
    """The name is introduced with a person's noun after it, and no noun of the other
    gender before it: "Garcia, the grocery store worker" may be "he"; "her brother,
    Owen Tully, a ferry pilot" is not "she"."""
    m = _PERSON_APPOSITION.match(doc.text, n.end, min(len(doc.text), n.end + 80))
    if m is None:
        return False
    words = [w.lower() for w in WORD.findall(m.group(1))]
    nouns = doc.lex.person_nouns
    if not words or any(w in ORG_WORDS for w in words) or not (words[-1] in doc.lex.roles or words[-1] in nouns):
        return False
    before = PREV_WORD.search(doc.text, max(0, n.start - 20), n.start)
    return all(nouns.get(w, "-") in ("-", gender) for w in [words[-1]] + ([before.group(1).lower()] if before else []))


def verb_after(doc: Document, n: Name) -> regex.Match[str] | None:
    """The verb after a name, also past where it is from: "Paul Greer of Albany,
    N.Y., explained", "Jan Okafor, D-Vt., delivered"."""
    text = doc.text
    hi = min(len(text), n.end + 160)
    place = _OF_PLACE_AFTER.match(text, n.end, hi) or PARTY_AFTER_NAME.match(text, n.end, hi)
    return VERBISH.match(text, n.end, hi) or (VERBISH.match(text, place.end(), hi) if place else None)


def speech_subject(doc: Document, n: Name) -> bool:
    """The name reports speech in its sentence: it is the subject of a speech verb
    ("Levin dismissed concerns that ...", "Garten, his lawyer, said ...") or stands
    after an inverted one ("..., said Jake Horowitz, an editor.")."""
    text = doc.text
    verb = verb_after(doc, n)
    if verb is not None:
        word = LAST_WORD.search(verb.group())
        low = word.group(1).lower() if word else ""
        if low in doc.lex.verb_forms or low in doc.lex.fragment_verb_forms:
            return True
    if not _CLAUSE_END.match(text, n.end):
        return False  # "Pruitt, said Lindqvist was ...": Lindqvist is what was said
    lo = max(0, n.start - INVERTED_LEAD)
    verbs = doc.cues.verbs(text, lo, n.start)
    if not verbs or char_before(text, verbs[-1][0]) not in (",", "\"", "”", "’", "'"):
        return False  # "told Biden" is spoken to; ", said Biden" speaks
    lead = text[verbs[-1][1]:n.start]
    return bool(_INVERTED_GAP.fullmatch(lead)) and not any(
        w.lower() in NOT_BEFORE_SUBJECT for w in WORD.findall(lead))


def reporter(doc: Document, names: list[Name], k: int, gender: str | None) -> Name:
    """The antecedent chosen among ``names`` at ``k``, or the one reporting it: in
    "Josh Earnest said Obama has kept in touch", "he" is more likely Earnest, the
    speaker of the sentence, than Obama, the subject of what he said."""
    chosen = names[k]
    sent = doc.sentence_start(max(0, chosen.start - WINDOW_BEFORE), chosen.end)
    if _SUBORDINATOR_BEFORE.search(doc.text, max(sent, chosen.start - 40), chosen.start):
        # "Ortiz did not sound certain when Fenwick asked ...": the main clause's subject
        for j in range(k - 1, -1, -1):
            n = names[j]
            if n.start < sent:
                break
            if n.entity != chosen.entity and n.opens and antecedent(doc, n, gender):
                return n
    if speech_subject(doc, chosen):
        return chosen
    for j in range(k - 1, -1, -1):
        n = names[j]
        if n.start < sent:
            break
        if n.entity != chosen.entity and antecedent(doc, n, gender) and speech_subject(doc, n):
            return n
    return chosen


def lone_name(doc: Document, mention: Mention) -> Name | None:
    """The one person a pronoun can stand for when no known person fits: the single
    name of the sentence before (or of the pronoun's own sentence), a one-word name whose
    gender no list knows, subject of its clause ("Quandry gave a speech. '...,' she said").
    None when two names stand there, or the name is a body's (an acronym, an
    organisation's word, "the" before it)."""
    own = doc.sentence_start(max(0, mention.start - WINDOW_BEFORE), mention.start)
    stop = doc.end_before(own)
    lo = doc.sentence_start(max(0, stop - WINDOW_BEFORE), max(0, stop - 1)) if stop else own
    names = [n for n in doc.cast.names_before(mention.start, mention.start - lo) if n.start >= lo]
    if not names or len({n.entity for n in names}) != 1:
        return None
    n = names[0]
    ent = doc.cast.entities[n.entity]
    if any(not doc.quoted(m.start()) for m in _GENDERED.finditer(doc.text, lo, mention.start)):
        return None  # "Harbor gossip had always been his hobby.": he is someone else
    if n.quoted or doc.page.furniture(n.start) or ent.gender is not None or verb_after(doc, n) is None \
            or any(t.lower() in ORG_WORDS or t.isupper() for t in n.tokens) \
            or _THE_BEFORE.search(doc.text, max(0, n.start - 5), n.start):
        return None
    return n
