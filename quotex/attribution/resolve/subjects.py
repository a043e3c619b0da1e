"""The subject of a clause: who a speech verb's sentence is about.

Functions of the document under attribution (:class:`quotex.attribution.document.Document`,
their first argument), which the cue rules (:mod:`quotex.attribution.rules`) ask
for the speaker phrase before a verb: the first name, he/she or description a verb
follows (:func:`subject`), the name or noun that opens a story's sentence, a
description with a clause about it, a subject cut off from its verb by a clause
set off by commas, the name a relative clause hangs on, the name of an absolute
phrase ("with Sen. Ruth Alder calling it").
"""
from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

import regex

from quotex.lang.en.cues import Cue
from quotex.lang.en.shapes import (CHARACTER_DET, LOWER_WORDS, OPENING_PRONOUN, PARTY_AFTER_NAME, PREV_WORD,
                                   SUBJECT_WORD, VERBISH, WORD, participle)
from quotex.lang.en.words import (ARTICLES, BEFORE_INNER_DESCRIPTION, CLAUSE_BREAK_WORDS, CLAUSE_JOINERS,
                                  CLAUSE_LEAD_WORDS, CLAUSE_WORDS, DESCRIPTION_OPENERS, FUTURE_AUXILIARIES, HE_SHE,
                                  NOT_BEFORE_SUBJECT, PERFECT_AUXILIARIES, SUBJECT_PRONOUNS, TIME_ADVERBS, alternation)
from quotex.mentions.names import ORG_WORDS
from quotex.mentions.phrases import OF_TAIL, Mention, coordinated, owner_phrase, phrase_before

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: A plural noun right after a name, which a verb-like ending ("-s") must not make a verb: "Clinton| supporters".
_PLURAL_NOUN = regex.compile(r"[ \u00a0]+(\p{Ll}+s)(?![\p{L}'’])")
#: How many possible subjects a clause is searched for (bounds hostile text).
MAX_SUBJECTS = 16
#: A determiner opening a sentence, or a clause after a comma or "that": where a modified description may start.
_DETERMINER = regex.compile(r"(?i:" + "|".join(DESCRIPTION_OPENERS) + r")(?![\p{L}])")
_DETERMINER_AFTER_OPENER = regex.compile(r"(?<=[,;:—–]\s*|\b" + alternation(BEFORE_INNER_DESCRIPTION) + r"\s+)"
                                         r"(?i:" + "|".join(DESCRIPTION_OPENERS) + r")(?![\p{L}])")
_FIRST_WORD = regex.compile(r"[\s\"“”‘’']*\K\p{L}")
#: A clause about a description before its verb: ", who spoke privately," or "speaking to Radio Delta".
_MODIFYING_CLAUSE = regex.compile(r"(?:,?\s+who\s+[^,;:.!?\"“”]{1,100}?,?"
                                  r"|\s+\p{Ll}+ing\s+[^,;:.!?\"“”]{1,80}?,?)"
                                  r"(?:\s+(?:" + "|".join(TIME_ADVERBS + PERFECT_AUXILIARIES) + r"|\p{Lu}\p{Ll}+day))*\s*")
#: Blanks, or one -ly adverb, between a name and its participle: "Hale| reportedly |yelling".
_ADVERB_GAP = regex.compile(r"\s*(?:\p{Ll}+ly\s+)?")
#: An adverb set off by commas between a subject and its verb: ", however,".
_ASIDE = regex.compile(r",\s*\p{Ll}+,")
#: The field of an office after its role word: "secretary| of state", "director| of communications".
_OF_OFFICE = regex.compile(r"\s+of\s+\p{Ll}+")
#: "with", "and" or a comma opening an absolute phrase before a name, titles allowed: "with Sen. |Ruth Alder",
#: "and |Hale calling it".
_WITH_BEFORE = regex.compile(r"(?:(?<![\p{L}])(?:with|and)\s+|[,–—]\s+)(?:the\s+)?(?:[\p{Lu}][\p{L}.\-]*\s+){0,3}$")
#: A relative clause whose verb the name before it governs: "Hale|, who has in the past| called".
_WHO_BEFORE = regex.compile(r",\s+who\s+(?:(?!" + alternation(("that", *SUBJECT_PRONOUNS)) + r"\b)\p{Ll}+\s+){0,4}$")
#: An apposition between a name and its relative clause: ", the ranking Democrat on the panel".
_APPOSITION_GAP = regex.compile(r",\s+" + alternation(ARTICLES) + r"\s+[^,;:.!?\"“”]{1,80}")
#: A word in -s followed by a comma and a capital is a plural noun ending an opening
#: phrase ("In her weekly podcasts, Marwick ..."), not a verb after its subject.
_PLURAL_THEN_CLAUSE = regex.compile(r",\s+\p{Lu}")
#: The comma that closes a clause set off between a subject and its verb, an adverb or
#: auxiliary allowed before the verb: "Jones, who ..., |later| said".
_CLOSING_COMMA = regex.compile(r",\s*(?:(?:" + "|".join(TIME_ADVERBS + PERFECT_AUXILIARIES + FUTURE_AUXILIARIES)
                               + r"|\p{Ll}+ly)\s+){0,2}\Z")
#: A clause set off by commas after a subject, by its opening: "who", "a Democrat", "45",
#: "noting that ..." (a lower-case word or a number, no conjunction).
_INTERRUPTION = regex.compile(r",\s+(?!" + alternation(CLAUSE_JOINERS + SUBJECT_PRONOUNS) + r"\b)(?:\p{Ll}|\d)")
#: What opens another clause between a verb and a later cue verb: "Jones, 45, said |that he ...| added".
_CLAUSE_BREAK_AFTER = regex.compile(r"[;:]|(?<![\p{L}])" + alternation(CLAUSE_BREAK_WORDS) + r"(?![\p{L}])|,\s+\p{Lu}")
#: What no clause set off between a subject and its verb holds: a semicolon, a colon.
_INNER_BREAK = regex.compile(r"[;:]")
#: What may stand before the clause's subject: an opening phrase closed by a comma, "and" or "but".
_CLAUSE_LEAD = regex.compile(r"(?:,|(?<![\p{L}])(?i:" + "|".join(CLAUSE_LEAD_WORDS) + r"))\s*$")


def subject(doc: Document, start: int, end: int, limit: int | None = None) -> Mention | None:
    """The subject of the clause before ``end``: the first name, pronoun or
    description in ``text[start:end]`` that a verb follows ("While ..., Hale mocked").
    The verb may lie up to ``limit`` (default ``end``)."""
    text = doc.text
    limit = end if limit is None else limit
    for mention in _candidates(doc, start, end)[:MAX_SUBJECTS]:
        if text[mention.end:mention.end + 2] in ("’s", "'s") or text[mention.end:mention.end + 1] in "’'":
            owned = None
            verb = VERBISH.search(text, mention.end, limit)
            if verb is not None:
                owned = owner_phrase(doc.cast, mention.start, verb.start())
            if owned is None or not VERBISH.match(text, owned.end, limit):
                continue
            mention = owned
        widened = _widened(doc, start, mention, limit)
        if widened is None:
            continue
        mention = widened
        party = PARTY_AFTER_NAME.match(text, mention.end, limit) if mention.kind == "name" else None
        verb = VERBISH.match(text, mention.end, limit) \
            or (VERBISH.match(text, party.end(), limit) if party else None)
        if verb is not None and not (verb.group().endswith("s") and _PLURAL_THEN_CLAUSE.match(text, verb.end())):
            return mention  # not "In her weekly| podcasts, Marwick sounds"
    return None


def _candidates(doc: Document, start: int, end: int) -> list[Mention]:
    """The names, he/she and descriptions of ``text[start:end]`` that may be a subject, in text order."""
    text = doc.text
    found: list[Mention] = []
    for n in doc.cast.names_before(end, end - start + 1):
        if n.start >= start and not doc.page.furniture(n.start):
            found.append(Mention(n.start, n.end, text[n.start:n.end], "name"))
    for m in islice(SUBJECT_WORD.finditer(text, start, end), MAX_SUBJECTS):
        w = m.group().lower()
        if w in HE_SHE:
            found.append(Mention(m.start(), m.end(), m.group(), "pronoun"))
        elif w in ARTICLES:
            for r in islice(WORD.finditer(text, m.end(), min(end, m.end() + 50)), 6):
                low = r.group().lower()
                if low in doc.lex.roles or low in ORG_WORDS:
                    tail = OF_TAIL.match(text, r.end(), end)  # "A reporter for Agence France-Presse"
                    e = tail.end() if tail else r.end()
                    found.append(Mention(m.start(), e, text[m.start():e], "description"))
                    break
                if not (r.group()[:1].isupper() or low in doc.lex.demonyms or low.endswith(("-", "ing"))
                        or len(low) > 2):
                    break
    found.sort(key=lambda x: x.start)
    return found


def _widened(doc: Document, start: int, mention: Mention, limit: int) -> Mention | None:
    """``mention`` as a subject: widened to a pair of names ("Hale and Ortiz issued") or to
    the group a name modifies ("Sanders protesters interrupted"); None after a word no
    subject follows."""
    text = doc.text
    pair = coordinated(doc.cast, start, mention.start) if mention.kind == "name" else None
    before_pair = PREV_WORD.search(text, max(start, pair - 20), pair) if pair is not None else None
    if pair is not None and not (before_pair and before_pair.group(1).lower() in CLAUSE_WORDS | {"where"}):
        # "Hale and Ortiz issued": both speak (not "where Brandt and Kiley appeared")
        mention = Mention(pair, mention.end, text[pair:mention.end], "description")
    prev = PREV_WORD.search(text, max(start, mention.start - 20), mention.start)
    if prev and prev.group(1).lower() in NOT_BEFORE_SUBJECT:
        return None
    group = _PLURAL_NOUN.match(text, mention.end, limit) if mention.kind == "name" else None
    if group is not None and group.group(1).lower() in doc.lex.roles:
        # "Sanders protesters interrupted": the group speaks, not the name that modifies it
        mention = Mention(mention.start, group.end(), text[mention.start:group.end()], "description")
    return mention


def opening_subject(doc: Document, start: int, end: int) -> Mention | None:
    """The name, he/she or "the <person>" that opens the sentence at ``start``: the
    subject of a story's sentence whatever its verbs ("She would hum and sway and say")."""
    text = doc.text
    while start < end and not text[start].isalnum():
        start += 1
    word = OPENING_PRONOUN.match(text, start, end)
    if word is not None:
        return Mention(start, word.end(), word.group(), "pronoun")
    names = [n for n in doc.cast.names_before(min(end, start + 60), 60) if n.start == start]
    if names and doc.cast.entities[names[0].entity].person and text[names[0].end:names[0].end + 2] not in ("'s", "’s"):
        n = names[0]
        return Mention(n.start, n.end, text[n.start:n.end], "name")
    det = CHARACTER_DET.match(text, start, end)
    if det is not None:  # "The fellow turned to him and said:", "My uncle saw me and said:"
        w = LOWER_WORDS.match(text, det.end(), end)
        if w is not None and w.group(1).lower() in doc.lex.person_nouns:
            return Mention(start, w.end(1), text[start:w.end(1)], "description")
    return None


def modified_subject(doc: Document, start: int, verb: int) -> Mention | None:
    """A description followed by a clause about it, then the verb: "Another port
    official speaking to Radio Delta| said", "a city hall aide who spoke privately|
    said Friday". The description (determiner, up to four words, a role or body
    word) is the speaker; the clause (who ..., or an -ing phrase) is left out."""
    text = doc.text
    lex = doc.lex
    first = _FIRST_WORD.match(text, start, verb)
    m = _DETERMINER.match(text, first.start(), verb) if first is not None else None
    if m is None:
        m = _DETERMINER_AFTER_OPENER.search(text, start, verb)  # "Although ..., a White House official who"
    bare = None
    if m is None and first is not None:  # a bare plural role: "Protesters marching through the streets| chanted"
        bare = WORD.match(text, first.start(), verb)
        if bare is None or not bare.group().lower().endswith("s") or bare.group().lower() not in lex.roles:
            return None
        m = bare
    if m is None or doc.quoted(m.start()):
        return None
    for r in islice(WORD.finditer(text, m.start() if bare else m.end(), min(verb, m.end() + 60)), 5):
        low = r.group().lower()
        if low in CLAUSE_WORDS:
            break
        if (low in lex.roles or low in ORG_WORDS) and _MODIFYING_CLAUSE.fullmatch(text, r.end(), verb):
            return Mention(m.start(), r.end(), text[m.start():r.end()], "description")
    return None


def described_subject(doc: Document, start: int, verb: int, speech: bool = True) -> Mention | None:
    """The description that opens the sentence as its subject, the verb following it
    (auxiliaries and adverbs allowed): "The radioman pointed out that ...", "One Brandt
    aide has described the delay", "The former harbor commissioner mocked". Its head
    is a word for a person, a group or a body; "of" and a name or body may follow it.
    A bare plural ("Leaders of the organization have said") only before a speech verb
    (``speech``): "Officials searched for words such as "..."" quotes no one."""
    text = doc.text
    lex = doc.lex
    first = _FIRST_WORD.match(text, start, verb)
    if first is None or doc.quoted(first.start()):
        return None
    m = _DETERMINER.match(text, first.start(), verb)
    if m is None:  # a bare plural role opening the sentence: "Critics of the harbor plan say"
        word = WORD.match(text, first.start(), verb)
        low = word.group().lower() if word is not None else ""
        if not speech or word is None or not low.endswith("s") or low not in lex.roles:
            return None
        m = word
        first_word = True
    else:
        first_word = False
    for r in islice(WORD.finditer(text, m.start() if first_word else m.end(), min(verb, m.end() + 60)), 5):
        low = r.group().lower()
        if low in CLAUSE_WORDS:
            break
        if low in lex.roles or low in ORG_WORDS or low in lex.person_nouns:
            end = r.end()
            tail = OF_TAIL.match(text, end, verb) or _OF_OFFICE.match(text, end, verb)  # "secretary| of state"
            if tail is not None and VERBISH.match(text, tail.end(), verb + 40):
                end = tail.end()
            aside = _ASIDE.match(text, end, verb)  # "Critics of the harbor plan|, however,| say"
            if aside is not None and VERBISH.match(text, aside.end(), verb + 40):
                return Mention(m.start(), end, text[m.start():end], "description")
            if VERBISH.match(text, end, verb + 40):  # the sentence's subject: its verbs are this one's
                return Mention(m.start(), end, text[m.start():end], "description")
            break
    return None


def with_subject(doc: Document, start: int, verb: Cue) -> Mention | None:
    """The name in an absolute phrase: "with Sen. Ruth Alder calling it ...", "with the
    Valley Nurses Guild calling her ..." (an -ing verb right after the name)."""
    if not participle(verb.verb):
        return None
    name = doc.cast.name_at(max(start, verb.verb_start - 80), verb.verb_start)
    if name is None or not _ADVERB_GAP.fullmatch(doc.text, name.end, verb.verb_start) \
            or doc.page.furniture(name.start):
        return None  # (an adverb may stand between: "with Hale reportedly yelling")
    if not _WITH_BEFORE.search(doc.text, max(start, name.start - 60), name.start):
        return None
    return Mention(name.start, name.end, doc.text[name.start:name.end], "name")


def interrupted_subject(doc: Document, start: int, verb: int) -> Mention | None:
    """The subject that opens the clause, cut off from its verb by a clause of its own
    set off by commas: "Jones, who had spoken at the rally an hour earlier, shouted",
    "Ms. Alvarez, noting that turnout was low, added", "Vian, the editor of the Vatican's
    newspaper, L'Osservatore Romano, said". The verb at ``verb`` is the clause's (its
    first verb follows the closing comma, and no other clause opens between them);
    the interrupting clause opens with a lower-case word or a number, and the names
    inside it (a place, a body) are not the subject."""
    text = doc.text
    if participle(WORD.match(text, verb).group()):
        return None  # "X, a supporter, praised ..., calling it": the -ing verb hangs on the main clause
    close = text.rfind(",", max(start, verb - 400), verb)
    if close < 0 or "," in text[close + 1:verb] or _CLAUSE_BREAK_AFTER.search(text, close + 1, verb):
        return None
    if not _CLOSING_COMMA.match(text, close, verb) and not VERBISH.match(text, close + 1, verb):
        return None  # the clause's own verb follows the comma: "Dorsey, a spokesman, called ... and said"
    for comma in islice(regex.finditer(",", text[start:close]), MAX_SUBJECTS):
        c0 = start + comma.start()
        if _INTERRUPTION.match(text, c0, close) is None or doc.sentence_start(c0, close) > c0 \
                or _INNER_BREAK.search(text, c0, close):
            continue
        # the first clause set off decides: a name inside it ("Elizabeth, Colorado,") is no subject
        head = phrase_before(doc.cast, start, c0, strict=True)
        if head is None or head.kind == "pronoun" and head.text[:1].islower():
            return None
        lead = text[start:head.start]
        if lead.strip(" \n\t\"“”'‘’") and not _CLAUSE_LEAD.search(lead):
            return None  # the head must open the clause: "Jones, who", "In Iowa, Jones, who", "A man named Jones, who"
        if head.kind == "description" and not any(
                w.lower() in doc.lex.roles or w.lower() in doc.lex.person_nouns or w.lower() in ORG_WORDS
                for w in WORD.findall(head.text)):
            return None  # "their talk of the tides, to think ...": no one
        if head.kind == "name":
            name = doc.cast.name_at(head.start, head.end)
            if name is None or doc.page.furniture(name.start):
                return None
        return head
    return None


def relative_subject(doc: Document, start: int, verb: int) -> Mention | None:
    """The name a relative clause hangs on, when the verb at ``verb`` is the clause's:
    "Compare that with Hale, who has called the levy ..." -> Hale."""
    who = _WHO_BEFORE.search(doc.text, max(start, verb - 40), verb)
    if who is None:
        return None
    names = [n for n in doc.cast.names_before(who.start(), 160) if n.start >= start]
    for name in reversed(names):
        # the name itself, or the name before its apposition: "Feinstein, the ranking Democrat, who"
        if name.end == who.start() or _APPOSITION_GAP.fullmatch(doc.text, name.end, who.start()):
            break
    else:
        return None
    if doc.page.furniture(name.start):
        return None
    return Mention(name.start, name.end, doc.text[name.start:name.end], "name")


#: A clause's subject, an aside set off by dashes, then (at ``verb``) its verb: "Hale -- named
#: by a paper as the top choice -- |told", "A former governor — Tom Hale, who lost in 2010 — |said".
_DASHED = regex.compile(r"(?P<head>[^—–]+?)\s*(?:--|[—–])\s*(?P<aside>[^—–]{1,250}?)\s*(?:--|[—–])\s*"
                        r"(?:\p{Ll}+ly\s+)?$")


def dashed_subject(doc: Document, start: int, verb: int) -> Mention | None:
    """The subject of the verb at ``verb`` read across an aside between dashes; a
    description set off so names its person when the aside opens with the name."""
    window = doc.text[start:verb]
    if window.count("--") + window.count("—") + window.count("–") < 2:
        return None  # no aside: the pattern's lazy search costs ~0.1 ms a sentence for nothing
    m = _DASHED.match(doc.text, start, verb)
    if m is None or "-" in m.group("head")[-1:]:
        return None
    head = phrase_before(doc.cast, start, m.end("head"), strict=True)
    if head is None or head.kind == "pronoun" and head.text[:1].islower():
        return None
    if head.kind == "description":
        inside = doc.cast.names_before(m.end("aside"), m.end("aside") - m.start("aside") + 1)
        lead = [n for n in inside if n.start == m.start("aside") and doc.cast.entities[n.entity].person]
        if lead:  # "A former governor -- Tom Hale, who ... --": the name the aside gives it
            return Mention(lead[0].start, lead[0].end, doc.text[lead[0].start:lead[0].end], "name")
    return head
