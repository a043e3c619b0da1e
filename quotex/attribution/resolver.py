"""The document under attribution, and the resolution of speaker phrases.

:class:`Document` holds one text's spans, paragraphs, page layout, cast of
names and lexicon, and the few questions about positions every rule asks
(which paragraph, where a sentence starts). The functions here take it as
their first argument: what the cue rules (:mod:`quotex.attribution.rules`)
ask (the subject of a clause, the reporter of a clause) and :func:`finish`,
which resolves the speaker phrase a rule read (:func:`resolve_mention`: a
name to its fullest form, a pronoun to the nearest compatible person, a
description to the person it described) into an attribution. The pipeline
that runs the rules is :mod:`quotex.pipeline`. A news page's headline, byline
and dateline (:mod:`quotex.text.layout`) are no narration: names there are never
speakers or antecedents.
"""
from __future__ import annotations

import bisect
from itertools import islice

import regex

from quotex.attribution.dialogue import characters, turns
from quotex.attribution.resolve import antecedents, pronouns, descriptions
from quotex.attribution.context import NARRATOR, Attribution
from quotex.lang.en.shapes import (ANTECEDENT_WINDOW, CHARACTER_DET, CLAUSE_WORDS, DOTTED_LETTERS, LAST_WORD,
                                   LOWER_WORDS, NOT_BEFORE_SUBJECT, OPENING_PRONOUN, PARTY_AFTER_NAME, PREV_WORD,
                                   SUBJECT_WORD, WINDOW_AFTER, WINDOW_BEFORE, WORD, description, only_lead,
                                   participle, plain)
from quotex.lang import Language
from quotex.lang.en.cues import Cue
from quotex.text.layout import Layout, char_before
from quotex.text.sentences import SENTENCE_END, SENTENCE_STOP
from quotex.mentions import gender as genders
from quotex.mentions.cast import ORG_WORDS, VERBISH, Cast, Entity, Name
from quotex.records import Span, Step
from quotex.lang.en.words import DESCRIPTION_DETERMINERS
from quotex.mentions.phrases import OF_TAIL, Mention, coordinated, owner_phrase, phrase_before

#: A plural noun right after a name, which a verb-like ending ("-s") must not make a verb: "Clinton| supporters".
_PLURAL_NOUN = regex.compile(r"[ \u00a0]+(\p{Ll}+s)(?![\p{L}'’])")
#: How many possible subjects a clause is searched for (bounds hostile text).
MAX_SUBJECTS = 16


_ADDRESSEE_STOP = regex.compile(r"[.;:!?\"“”]|\bwho\b|\bthat\b|\babout\b|\bon\b|\bin\b")
_ADDRESSEE_WORDS = regex.compile(
    r"\s+((?:the\s+)?(?:[\p{L}\-]+\s+){0,2}?(?:reporters|journalists|crew|audience|crowd|supporters|"
    r"students|media|press|lawmakers|congress|him|her|them|me|us))\b", regex.IGNORECASE)
_TO = regex.compile(r"\s+to\s+(?=\p{Lu})")
#: A determiner opening a sentence, or a clause after a comma or "that": where a modified description may start.
_DETERMINER = regex.compile(r"(?i:the|a|an|another|one)(?![\p{L}])")
_DETERMINER_AFTER_OPENER = regex.compile(r"(?<=[,;:—–]\s*|\b(?:that|and|but)\s+)"
                                         r"(?i:the|a|an|another|one)(?![\p{L}])")
_FIRST_WORD = regex.compile(r"[\s\"“”‘’']*\K\p{L}")
#: A clause about a description before its verb: ", who spoke anonymously," or "speaking to Fox News".
_MODIFYING_CLAUSE = regex.compile(r"(?:,?\s+who\s+[^,;:.!?\"“”]{1,100}?,?"
                                  r"|\s+\p{Ll}+ing\s+[^,;:.!?\"“”]{1,80}?,?)"
                                  r"(?:\s+(?:also|later|then|has|have|had|again|\p{Lu}\p{Ll}+day))*\s*")
#: What ends a reported clause before a later subject: a comma, a dash, a subordinator.
_CLAUSE_CUT = regex.compile(r"[,;:—–―(]|\s-\s"
                            r"|(?<![\p{L}])(?:while|when|whereas|but|as|after|before|because|if|although)"
                            r"(?![\p{L}])", regex.IGNORECASE)
#: Verbs that report a clause, whose subject is the source of what follows: "X said (that) Y ...".
_REPORTING_LEMMAS = frozenset("say tell write claim argue insist add note explain contend suggest "
                              "recall report".split())
#: Two names joined by "and", as one speaker phrase: "Trump and Ryan".
_COORDINATED = regex.compile(r"(\p{Lu}.*?)\s+and\s+(?:\p{Lu}[\p{L}.\-]*\s+){0,3}?(\p{Lu}.*)")
#: Blanks, or one -ly adverb, between a name and its participle: "Trump| reportedly |yelling".
_ADVERB_GAP = regex.compile(r"\s*(?:\p{Ll}+ly\s+)?")
#: An adverb set off by commas between a subject and its verb: ", however,".
_ASIDE = regex.compile(r",\s*\p{Ll}+,")
#: The field of an office after its role word: "secretary| of state", "director| of communications".
_OF_OFFICE = regex.compile(r"\s+of\s+\p{Ll}+")
#: A possessive inside a description: "the former vice president’s| spokeswoman".
_INNER_POSSESSIVE = regex.compile(r"\p{L}['’]s?\s+\p{L}")
#: A form of "be" right before a participle: the passive "was asked", "were told".
_PASSIVE_BE = regex.compile(r"(?<![\p{L}])(?:was|were|been|being|is|are|be|get|got)\s+(?:\p{Ll}+ly\s+)?$",
                            regex.IGNORECASE)
#: A relative clause whose verb the name before it governs: "Trump|, who has in the past| called".
_WHO_BEFORE = regex.compile(r",\s+who\s+(?:(?!(?:that|he|she|they|it|we|i|you)\b)\p{Ll}+\s+){0,4}$")
#: An apposition between a name and its relative clause: ", the ranking Democrat on the panel".
_APPOSITION_GAP = regex.compile(r",\s+(?:the|a|an)\s+[^,;:.!?\"“”]{1,80}")
#: A word in -s followed by a comma and a capital is a plural noun ending an opening
#: phrase ("In his YouTube dispatches, Santilli ..."), not a verb after its subject.
_PLURAL_THEN_CLAUSE = regex.compile(r",\s+\p{Lu}")
#: Words after which the name before a colon is an object: "a message to Trump:".
_OBJECT_BEFORE_COLON = frozenset("to with on at in against about for of into than like as quotes quoted".split())
#: What stands before a speech verb form used as a noun: "Rubio's |claim", "a Facebook |post".
_NOUN_BEFORE = regex.compile(r"(?:['’]s|s['’])\s+(?:[\p{L}\-]+\s+)?$"
                             r"|(?<![\p{L}])(?:a|an|the|his|her|their|its|this|that|my|our|your)\s+[\p{L}\-]+\s+$",
                             regex.IGNORECASE)
#: "with", "and" or a comma opening an absolute phrase before a name, titles allowed: "with Sen. |John McCain",
#: "and |Trump calling it".
_WITH_BEFORE = regex.compile(r"(?:(?<![\p{L}])(?:with|and)\s+|[,–—]\s+)(?:the\s+)?(?:[\p{Lu}][\p{L}.\-]*\s+){0,3}$")
#: A complementizer before a clause's subject: "and that| she has learned".
_THAT_BEFORE = regex.compile(r"(?<![\p{L}])that\s+$")
#: The comma that closes a clause set off between a subject and its verb, an adverb or
#: auxiliary allowed before the verb: "Jones, who ..., |later| said".
_CLOSING_COMMA = regex.compile(r",\s*(?:(?:also|then|later|again|has|have|had|would|will|\p{Ll}+ly)\s+){0,2}\Z")
#: A clause set off by commas after a subject, by its opening: "who", "a Democrat", "45",
#: "noting that ..." (a lower-case word or a number, no conjunction).
_INTERRUPTION = regex.compile(r",\s+(?!(?:and|or|but|so|nor|yet|then|he|she|they|it|we|i|you)\b)(?:\p{Ll}|\d)")
#: What opens another clause between a verb and a later cue verb: "Jones, 45, said |that he ...| added".
_CLAUSE_BREAK_AFTER = regex.compile(r"[;:]|(?<![\p{L}])(?:that|who|whom|which|when|while|because|if|as|but|after|before|"
                                    r"since|until|although|though|whereas|where|whether|once)(?![\p{L}])|,\s+\p{Lu}")
#: What no clause set off between a subject and its verb holds: a semicolon, a colon.
_INNER_BREAK = regex.compile(r"[;:]")
#: What may stand before the clause's subject: an opening phrase closed by a comma, "and" or "but".
_CLAUSE_LEAD = regex.compile(r"(?:,|(?<![\p{L}])(?i:and|but|so|yet|still|named|called))\s*$")


class Document:
    """One document under attribution: its text, spans, paragraphs and cast."""

    def __init__(self, text: str, spans: list[Span], paragraphs: list[int], language: Language,
                 page: Layout | None = None) -> None:
        self.text = text
        self.language = language
        self.page = page or Layout()  # headline, bylines, datelines: their names never speak
        self.near_names: dict[int, descriptions.NearNames] = {}  # by entity id, filled as descriptions are checked
        self._dialogue: bool | None = None  # written as dialogue (turns.written_as_dialogue)
        self.spans = spans
        self.paragraphs = paragraphs
        self.cast = Cast(text, [(s.start, s.end) for s in spans])
        self.span_starts = [s.start for s in spans]
        self.results: list[Attribution] = []  # the quotes attributed so far, in order
        self.salient: set[int] = set()  # starts of names that a cue made a speaker
        self.entity: int | None = None  # the entity the last call of resolve() found
        self.current = 0  # the index of the quote under attribution
        self._names_given: list[tuple[int, str, int]] | None = None  # "Her name was Duchess"
        self.described: dict[str, int] = {}  # the entity each "the <noun>" last resolved to
        self.lex = language.lexicon()
        genders.learn(self.cast, [(s.start, s.end) for s in spans], self.lex.pronoun_gender)
        self.cues = language.cues().bound(text)  # remembers the verbs of this document's windows

    def paragraph_of(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraphs, pos) - 1

    def paragraph_end(self, pos: int) -> int:
        k = self.paragraph_of(pos) + 1
        return self.paragraphs[k] if k < len(self.paragraphs) else len(self.text)

    def end_before(self, pos: int) -> int:
        """Where the text before ``pos`` ends once trailing blanks are dropped."""
        while pos > 0 and self.text[pos - 1].isspace():
            pos -= 1
        return pos

    def sentence_start(self, lo: int, hi: int) -> int:
        """Where the sentence ending at ``hi`` starts, not before ``lo``."""
        start = lo
        for m in SENTENCE_END.finditer(self.text, lo, hi):
            word = LAST_WORD.search(self.text, max(lo, m.start() - 12), m.start())
            if self.dot_of_abbreviation(word.group(1).lower() if word else ""):
                continue  # "Mr. Putin", "U.S. officials"
            start = m.end()
        return start

    def dot_of_abbreviation(self, word: str) -> bool:
        """``word`` (lower case, its dot included) ends in a title's, an abbreviation's or
        an initial's dot, which ends no sentence: "mr.", "va.", "u.s.", "j."."""
        return word in self.lex.titles or word[:-1] in self.lex.abbreviations or bool(DOTTED_LETTERS.fullmatch(word))

    def opens_sentence(self, pos: int) -> bool:
        """The word at ``pos`` opens a sentence or a paragraph."""
        text = self.text
        return not text[max(0, pos - 3):pos].strip(" \n\t\"“”'’") or char_before(text, pos) in ".!?;"

    def quoted(self, pos: int) -> bool:
        """``pos`` lies inside a quotation."""
        k = bisect.bisect_right(self.span_starts, pos) - 1
        return k >= 0 and pos < self.spans[k].end

    def confidence(self, rule: str, kind: str) -> float:
        """The measured share of right speakers for this rule and kind of mention, in
        news or, for a document written as dialogue (fiction, transcripts), there."""
        table = self.lex.confidence_dialogue if turns.written_as_dialogue(self) else self.lex.confidence
        return table.get((rule, kind), table.get(("*", kind), 0.5))


def unread_cue(doc: Document, i: int, speaker: str | None) -> bool:
    """A cue right after the quote names someone the rules could not read ('"...,"
    New York City Public Advocate Trish James said'), not ``speaker``: whoever the
    narration before was about, the cue says another voice speaks. A pronoun
    ('"...," it further wrote') or a word of the speaker's name ('"...," Cuban said'
    for Mark Cuban) says nothing against it."""
    span = doc.spans[i]
    nxt = doc.spans[i + 1].start if i + 1 < len(doc.spans) else len(doc.text)
    a_end = min(nxt, doc.paragraph_end(span.end - 1), span.end + WINDOW_AFTER)
    known = set(str(speaker).split())
    # the quote's sentence goes on to an inverted cue: '"...," in sharp contrast to ...
    # when campaigns took on that function, says Dante Scala, a political scientist'
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
    sentence ('Axelrod said this was "a mistake" and that she has learned her lesson:
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
        return low not in _OBJECT_BEFORE_COLON
    return True


def modified_subject(doc: Document, start: int, verb: int) -> Mention | None:
    """A description followed by a clause about it, then the verb: "Another intelligence
    source speaking to Fox News| said", "a White House official who spoke anonymously|
    said Wednesday". The description (determiner, up to four words, a role or body
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
    (auxiliaries and adverbs allowed): "The radioman pointed out that ...", "One Clinton
    spokesman has called the situation", "The former secretary of state mocked". Its head
    is a word for a person, a group or a body; "of" and a name or body may follow it.
    A bare plural ("Leaders of the organization have said") only before a speech verb
    (``speech``): "Officials searched for words such as "..."" quotes no one."""
    text = doc.text
    lex = doc.lex
    first = _FIRST_WORD.match(text, start, verb)
    if first is None or doc.quoted(first.start()):
        return None
    m = _DETERMINER.match(text, first.start(), verb)
    if m is None:  # a bare plural role opening the sentence: "Proponents of the new bill say"
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
            aside = _ASIDE.match(text, end, verb)  # "Proponents of the new bill|, however,| say"
            if aside is not None and VERBISH.match(text, aside.end(), verb + 40):
                return Mention(m.start(), end, text[m.start():end], "description")
            if VERBISH.match(text, end, verb + 40):  # the sentence's subject: its verbs are this one's
                return Mention(m.start(), end, text[m.start():end], "description")
            break
    return None


def outer_reporter(doc: Document, sent: int, mention: Mention) -> Mention | None:
    """Who reports the clause ``mention`` stands in: in "Trump said that Romney begged him
    ... and "would have dropped to his knees"", the words are Trump's account, not
    Romney's. The first speech verb of the sentence before the mention, with a subject
    of its own; a verb right after the mention is its own ("Romney said")."""
    text = doc.text
    for vs, ve in doc.cues.verbs(text, sent, mention.start):
        if noun_use(doc, text[vs:ve], vs) or participle(text[vs:ve]):
            continue
        if doc.lex.verb_forms.get(text[vs:ve].lower()) not in _REPORTING_LEMMAS:
            continue
        if _CLAUSE_CUT.search(text, ve, mention.start):
            return None  # "When Trump suggested that ..., Rubio fired back": a clause of its own
        reporter = relative_subject(doc, sent, vs) or phrase_before(doc.cast, sent, vs, strict=True) \
            or subject(doc, sent, vs, ve)
        if reporter is not None and reporter.end <= vs and reporter.kind != "pronoun":
            return reporter
        return None
    return None


def with_subject(doc: Document, start: int, verb: Cue) -> Mention | None:
    """The name in an absolute phrase: "with Sen. John McCain calling it ...", "with the
    American Federation of Teachers calling her ..." (an -ing verb right after the name)."""
    if not participle(verb.verb):
        return None
    name = doc.cast.name_at(max(start, verb.verb_start - 80), verb.verb_start)
    if name is None or not _ADVERB_GAP.fullmatch(doc.text, name.end, verb.verb_start) \
            or doc.page.furniture(name.start):
        return None  # (an adverb may stand between: "with Trump reportedly yelling")
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
        return None  # the clause's own verb follows the comma: "Fallon, a spokesman, called ... and said"
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
            return None  # "their remarks on the stars, to think ...": no one
        if head.kind == "name":
            name = doc.cast.name_at(head.start, head.end)
            if name is None or doc.page.furniture(name.start):
                return None
        return head
    return None


def relative_subject(doc: Document, start: int, verb: int) -> Mention | None:
    """The name a relative clause hangs on, when the verb at ``verb`` is the clause's:
    "Contrast that with Trump, who has called the pact ..." -> Trump."""
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


def subject(doc: Document, start: int, end: int, limit: int | None = None) -> Mention | None:
    """The subject of the clause before ``end``: the first name, pronoun or
    description in ``text[start:end]`` that a verb follows ("While ..., Trump mocked").
    The verb may lie up to ``limit`` (default ``end``)."""
    text = doc.text
    limit = end if limit is None else limit
    found: list[Mention] = []
    for n in doc.cast.names_before(end, end - start + 1):
        if n.start >= start and not doc.page.furniture(n.start):
            found.append(Mention(n.start, n.end, text[n.start:n.end], "name"))
    for m in islice(SUBJECT_WORD.finditer(text, start, end), MAX_SUBJECTS):
        w = m.group().lower()
        if w in ("he", "she"):
            found.append(Mention(m.start(), m.end(), m.group(), "pronoun"))
        elif w in ("the", "a", "an"):
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
    for mention in found[:MAX_SUBJECTS]:
        if text[mention.end:mention.end + 2] in ("’s", "'s") or text[mention.end:mention.end + 1] in "’'":
            owned = None
            verb = VERBISH.search(text, mention.end, limit)
            if verb is not None:
                owned = owner_phrase(doc.cast, mention.start, verb.start())
            if owned is None or not VERBISH.match(text, owned.end, limit):
                continue
            mention = owned
        pair = coordinated(doc.cast, start, mention.start) if mention.kind == "name" else None
        before_pair = PREV_WORD.search(text, max(start, pair - 20), pair) if pair is not None else None
        if pair is not None and not (before_pair and before_pair.group(1).lower() in CLAUSE_WORDS | {"where"}):
            # "Trump and Ryan issued": both speak (not "where Clinton and O'Malley appeared")
            mention = Mention(pair, mention.end, text[pair:mention.end], "description")
        prev = PREV_WORD.search(text, max(start, mention.start - 20), mention.start)
        if prev and prev.group(1).lower() in NOT_BEFORE_SUBJECT:
            continue
        group = _PLURAL_NOUN.match(text, mention.end, limit) if mention.kind == "name" else None
        if group is not None and group.group(1).lower() in doc.lex.roles:
            # "Sanders protesters interrupted": the group speaks, not the name that modifies it
            mention = Mention(mention.start, group.end(), text[mention.start:group.end()], "description")
        party = PARTY_AFTER_NAME.match(text, mention.end, limit) if mention.kind == "name" else None
        verb = VERBISH.match(text, mention.end, limit) \
            or (VERBISH.match(text, party.end(), limit) if party else None)
        if verb is not None and not (verb.group().endswith("s") and _PLURAL_THEN_CLAUSE.match(text, verb.end())):
            return mention  # not "In his first YouTube| dispatches, Santilli wears"
    return None


# -- resolution ---------------------------------------------------------
def finish(doc: Document, att: Attribution, mention: Mention, cue: str | None, rule: str,
           addr_start: int | None, addr_end: int | None) -> Attribution:
    if mention.kind == "description":
        mention = descriptions.trim_description(doc, mention)
    att.mention = mention
    att.cue = " ".join(cue.lower().split()) if cue else None
    att.rule = rule
    same = characters.said_before(doc, mention)
    if same is None and mention.kind == "pronoun" and doc.lex.verb_forms.get(att.cue or "", "") in SAME_VOICE_VERBS:
        same = characters.voice_going_on(doc, mention)  # '"...," said my uncle. "..." he added': my uncle
    if same is not None:  # the tag of the quote before, read again: its speaker, not a new guess
        att.speaker, att.entity, att.confidence = same.speaker, same.entity, doc.confidence(rule, mention.kind)
        att.why.append(Step(f"{mention.kind} {mention.text!r} is the voice of the quote before -> {same.speaker!r}",
                            rule, (mention.text,), same.speaker))
        return att
    speaker, how = resolve_mention(doc, mention)
    if mention.kind == "pronoun" and doc.entity is not None and turns.written_as_dialogue(doc) and \
            doc.lex.verb_forms.get(att.cue or "", "") not in SAME_VOICE_VERBS:
        other = characters.answer(doc, mention, doc.entity)
        if other is not None:
            speaker, doc.entity = doc.cast.entities[other].canonical, other
            how = f"the turn before was the same person's: a reply, by {speaker!r}"
    if mention.kind == "pronoun" and doc.entity is not None and turns.written_as_dialogue(doc):
        other = pronouns.reply_to_other(doc, mention, doc.entity, doc.lex.verb_forms.get(att.cue or "", ""))
        if other is not None:
            speaker, doc.entity = doc.cast.entities[other].canonical, other
            how = f"a reply to the turn before: by the other voice, {speaker!r}"
    if mention.kind == "pronoun" and speaker is None and mention.text != "I" and turns.written_as_dialogue(doc):
        voice = characters.voice(doc, mention)
        if voice is not None:
            speaker, doc.entity = doc.cast.entities[voice].canonical, voice
            how = f"no name near: the voice of the conversation, {speaker!r}"
    if mention.kind == "description" and doc.entity is None:
        partner = characters.partner(doc, mention)
        if partner is not None:
            speaker, doc.entity = doc.cast.entities[partner].canonical, partner
            how = f"the other voice of the dialogue, {speaker!r}"
    att.speaker = speaker
    att.entity = doc.entity
    att.why.append(Step(f"{mention.kind} {mention.text!r} -> {speaker!r} ({how})", rule, (mention.text,), speaker))
    # two names joined by "and" are as sure as one name
    att.confidence = doc.confidence(rule, "name" if how == TWO_NAMES else mention.kind) if speaker else 0.0
    if addr_start is not None and addr_end is not None and cue:
        to = _TO.match(doc.text, addr_start, addr_end)
        if doc.lex.verb_forms.get(att.cue or "", "") in doc.lex.addressee_lemmas:
            att.addressees = addressees(doc, addr_start, addr_end)
        elif to:  # "said to Kanai"
            att.addressees = addressees(doc, to.end(), addr_end)
    return att


def opening_subject(doc: Document, start: int, end: int) -> Mention | None:
    """The name, he/she or "the <person>" that opens the sentence at ``start``: the
    subject of a story's sentence whatever its verbs ("He would pat and stroke her and say")."""
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


def addressees(doc: Document, start: int, end: int) -> tuple[str, ...]:
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


def resolve_mention(doc: Document, mention: Mention) -> tuple[str | None, str]:
    """The speaker a mention names, and how it was found; ``doc.entity`` is left
    at the cast entity it resolved to, if any."""
    cast = doc.cast
    doc.entity = None
    if mention.kind == "name":
        name = cast.name_at(mention.start, mention.end)
        if name is not None:
            doc.entity = name.entity
            doc.salient.add(name.start)
            if mention.start > 0 and doc.text[mention.start - 1] not in "“\"‘'":
                cast.entities[name.entity].person = True  # it speaks
        return (cast.canonical(name) if name else mention.text), "name"
    if mention.kind == "pronoun":
        gender = doc.lex.pronoun_gender.get(mention.text.lower())
        if mention.text == "I":
            return NARRATOR, "pronoun"  # '"...," I said.': the one telling the story
        if gender not in ("m", "f"):
            return None, "pronoun"
        called = pronouns.reply_to_called(doc, mention, gender)
        if called is not None:  # '"Pray, Mr. Knightley," said Emma' / '"Certainly," replied he'
            doc.entity = called
            return cast.entities[called].canonical, "pronoun: the one the turn before called by name"
        nearest: Entity | None = None
        subject = False  # the chosen name spoke or is a subject (not merely the nearest)
        chosen = 0  # where the chosen name stands
        near: Name | None = None  # the nearest name that may be the he/she, not a subject
        spoken_to = characters.spoken_to(doc, mention) | characters.named_after_in_clause(doc, mention)
        names = cast.names_before(mention.start, ANTECEDENT_WINDOW)
        for k in range(len(names) - 1, -1, -1):
            n = names[k]
            ent = cast.entities[n.entity]
            if not antecedents.antecedent(doc, n, gender) or ent.id in spoken_to:
                continue  # '"Have a troche, Kronborg," he said': not Kronborg
            if antecedents.pronoun_heads_sentence(doc, n, mention):
                continue  # "He did not sound sure when Tapper asked": the sentence is the he's
            if n.start in doc.salient or cast.is_subject(n) or antecedents.speech_subject(doc, n) \
                    or antecedents.verb_after(doc, n) is not None or antecedents.described_person(doc, n, gender) \
                    or antecedents.topic(doc, n) or antecedents.source(doc, n):
                if near is not None and pronouns.nearer_scene(doc, near, n, gender):
                    subject = True  # "Wickham asked Elizabeth whether ..." / '"...," she replied': not an older subject
                    break
                picked = antecedents.reporter(doc, names, k, gender)
                nearest, chosen, subject = cast.entities[picked.entity], picked.start, True
                break
            if nearest is None:
                nearest, chosen, near = ent, n.start, n
        character = characters.character_before(doc, mention.start, gender, chosen)
        if character is not None:
            speaker, how = resolve_mention(doc, character)
            found = characters.resolved_entity(doc)
            if found is not None and cast.entities[found].gender not in (gender, None):
                speaker = None  # "the doctor" was a man: not "she"
            if found is None and how == "description" and nearest is not None and subject \
                    and nearest.gender == gender and doc.lex.person_nouns.get(
                        WORD.findall(character.text)[-1].lower()) == gender:
                speaker = None  # "the girl", named nowhere, is likelier the woman named before; "the guide" is new
            if speaker is not None:
                return speaker, f"pronoun -> {character.text!r} ({how})"
        doc.entity = None
        if nearest is not None and not subject and turns.written_as_dialogue(doc):
            voice = characters.voice(doc, mention)  # a name merely near is weaker than a voice of the talk
            if voice is not None:
                doc.entity = voice
                return cast.entities[voice].canonical, "pronoun: the voice of the conversation"
        party = pronouns.other_party(doc, mention, gender) if nearest is not None else None
        if party is not None and nearest is not None and nearest.id != party \
                and nearest.id not in pronouns.participants(doc):
            # '"...," said Emma.' / '"...," he replied': the man she talks with, not a name of the narration
            doc.entity = party
            return cast.entities[party].canonical, "pronoun: the party of that gender in the conversation"
        if nearest is not None:
            nearest.gender = nearest.gender or gender  # what the pronoun tells of the name
            doc.entity = nearest.id
            return nearest.canonical, "pronoun"
        lone = antecedents.lone_name(doc, mention) if nearest is None else None
        if lone is not None:  # "Quandry gave a speech. '...,' she said": no one else to be "she"
            ent = cast.entities[lone.entity]
            ent.gender, ent.person, doc.entity = gender, True, ent.id
            return ent.canonical, "pronoun: the one name of the sentence before"
        introduced = characters.introduced_before(doc, mention.start, gender)
        if introduced is not None:  # "conscious of a man behind. ... He leaned forward"
            return description(introduced.text), "pronoun -> the one character introduced before"
        chain = characters.pronoun_chain(doc, mention, gender)
        if chain is not None and (chain.entity is None or chain.entity not in spoken_to):
            # '"Oh," he answered' ... '"You want to see Lincoln Park," he said'; not "said he to Temple"
            doc.entity = chain.entity
            return chain.speaker, "pronoun: the same he/she as the quotes before"
        return None, "pronoun"
    pair = _COORDINATED.fullmatch(mention.text)
    if pair is not None:
        first = cast.name_at(mention.start, mention.start + pair.end(1))
        second = cast.name_at(mention.start + pair.start(2), mention.end)
        if first is not None and second is not None and first.entity != second.entity:
            # "Trump and Ryan": both, each by the fullest name
            return f"{cast.canonical(first)} and {cast.canonical(second)}", TWO_NAMES
    words = [w.lower() for w in WORD.findall(mention.text)]
    det = words[0] if words and words[0] in DESCRIPTION_DETERMINERS else ""
    content = [w for w in words if w not in DESCRIPTION_DETERMINERS]
    if det == "the" and content and not _INNER_POSSESSIVE.search(mention.text):
        # (not "the former vice president's spokeswoman": someone of the owner's, never the owner)
        head = content[-1]
        best, best_score = None, 0
        before = cast.names_before(mention.start, ANTECEDENT_WINDOW)
        later = [n for n in cast.names_before(mention.end + ANTECEDENT_WINDOW, ANTECEDENT_WINDOW)
                 if n.start >= mention.end]
        for n in list(reversed(before)) + later:  # the nearest before, else the first after
            ent = cast.entities[n.entity]
            if n.start > mention.start and best is not None:
                break
            if n.start > mention.start and not (head in n.prefix
                                                or doc.lex.role_synonyms.get(head, frozenset()) & set(n.prefix)):
                continue  # a later name only when its title is the word: "the parson" ... "Parson Tringham"
            if not ent.person or doc.page.furniture(n.start) or head not in cast.descriptors(ent.id) \
                    and not doc.lex.role_synonyms.get(head, frozenset()) & cast.descriptors(ent.id):
                continue
            if ent.gender is not None and doc.lex.person_nouns.get(head, ent.gender) not in (ent.gender, "-"):
                continue  # "the old man" is not Miss Bartlett
            if not descriptions.modifiers_fit(doc, ent, mention):
                continue  # "the Texas senator" is no senator the text never ties to Texas
            titled = head in n.prefix or bool(doc.lex.role_synonyms.get(head, frozenset()) & set(n.prefix))
            if n.quoted and not titled:
                continue  # spoken of, unless called by the title: "I am Parson Tringham"
            score = sum(w in ent.descriptors or bool(doc.lex.role_synonyms.get(w, frozenset()) & ent.descriptors)
                        for w in content)
            if score > best_score:
                best, best_score = ent, score
        if best is not None:
            doc.entity = best.id
            doc.described[head] = best.id
            return best.canonical, "description-resolved"
        known = doc.described.get(head)
        if known is not None:  # "the doctor", far from his name now, is still Dr. Archie
            doc.entity = known
            return cast.entities[known].canonical, "the same noun named them before"
        body = descriptions.body_named(doc, mention, content)
        if body is not None:
            return body, "description: the body named before"
    name = cast.name_at(mention.start, mention.end)
    if name is not None and name.start == mention.start:  # "Ryan's campaign" -> "Paul Ryan's campaign"
        return plain(cast.canonical(name) + doc.text[name.end:mention.end]), "description"
    named = characters.named_later(doc, mention)
    if named is not None:
        doc.entity = named
        ent = cast.entities[named]
        ent.person = True  # she speaks; and her noun tells her gender
        noun_gender = doc.lex.person_nouns.get(content[-1]) if content else None
        if ent.gender is None and noun_gender in ("m", "f"):
            ent.gender = noun_gender
        return ent.canonical, f"'{mention.text}' is given a name"
    addressed = characters.addressed_as(doc, mention)
    if addressed is not None:
        doc.entity = addressed
        return cast.entities[addressed].canonical, "called so in the turn just before"
    kin = characters.kin(doc, mention)
    if kin is not None:
        doc.entity = kin
        return cast.entities[kin].canonical, "the kin of the story's couple"
    fuller = descriptions.introduced_as(doc, mention, det, content)
    if fuller is not None:
        return fuller, "description: as first introduced"
    return description(mention.text), "description"

#: How a speaker phrase of two names joined by "and" resolved ("Trump and Ryan").
TWO_NAMES = "two names joined by 'and'"

#: Speech verbs that say the voice goes on ("...," he added): no change of turn.
SAME_VOICE_VERBS = frozenset(["add", "continue", "go on", "resume", "repeat", "insist", "persist"])
