"""Cue rules that read the text before the quotation: Putin said: "..."; "...,"
according to Putin; Shaw was blunt: "..."; ..., Schiff said. "..."; Cruz called
it "..."."""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from quotex.attribution import ids
from quotex.attribution.resolve.clauses import (heads_clause, noun_use, outer_reporter, passive_addressee, reported_by,
                                               tag_before_participle)
from quotex.attribution.resolve.subjects import described_subject, dashed_subject, interrupted_subject, modified_subject, opening_subject, relative_subject, subject, with_subject
from quotex.attribution.resolver import finish
from quotex.attribution.dialogue import turns
from quotex.attribution.context import Attribution
from quotex.lang.en.shapes import IN_CLAUSE, VERBISH, WINDOW_BEFORE, WORD
from quotex.lang.en.cues import Cue
from quotex.lang.en.words import (
    ADJACENT_DETERMINERS, ARTICLES, CLAUSE_BREAK_BEFORE, CLAUSE_WORDS, HE_SHE, LEADING_SUBORDINATORS, OPENING_CONJUNCTIONS,
    OPENING_PHRASE_WORDS, PASSIVE_BE, SUBORDINATORS, alternation, capitalized, either_case,
)
from quotex.records import Span
from quotex.mentions.phrases import Mention, phrase_after, phrase_before

if TYPE_CHECKING:
    from quotex.attribution.context import Context
    from quotex.attribution.document import Document


#: A clause boundary between a sentence's opening subject and a later verb (another subject may come).
_CLAUSE_BREAK = regex.compile(r"[;:]|\b" + alternation(CLAUSE_BREAK_BEFORE) + r"\b")

#: The last clause joined by "and" in a sentence: its subject is the one a closing colon follows.
_LAST_AND = regex.compile(r"(?r)[,;]?\s+and\s+(?=\p{Lu})")


def head_before_paragraph(doc: Document, span: Span, mark: str) -> int | None:
    """Where the last sentence of the paragraph before starts, when the quote opens its
    paragraph and that sentence ends in ``mark`` and no quote: 'and then, rising, said
    to Nell,' / '"..."' (the quotation set on a line of its own after its tag)."""
    if doc.paragraphs[doc.paragraph_of(span.start)] != span.start:
        return None
    k = doc.paragraph_of(span.start)
    j = bisect.bisect_left(doc.span_starts, span.start)
    prev_end = doc.spans[j - 1].end if j else 0
    lo = max(doc.paragraphs[k - 1] if k else 0, prev_end, span.start - WINDOW_BEFORE)
    head_end = doc.end_before(span.start)
    if doc.text[head_end - 1:head_end] != mark or lo >= head_end:
        return None
    return doc.sentence_start(lo, head_end)


def x_said_quote(doc: Document, ctx: Context) -> Attribution | None:
    span, sent, att = ctx.span, ctx.sent, ctx.att
    if sent >= span.start:  # nothing before the quote in its paragraph: a tag closing the one before?
        head = head_before_paragraph(doc, span, ",")
        if head is None:
            return None
        sent = head
    # the verb nearest the quote: "noted ..., assuring "it will be continued.""
    m = doc.cues.pre_tail(doc.text, sent, span.start)
    if not m:
        return None
    verb = m.verb
    if noun_use(doc, verb, m.verb_start):
        return None  # "Rubio's claim that "...": a thing, not a cue
    if passive_addressee(doc, verb, m.verb_start):
        att.why.append(f"before: {verb!r} is passive: its subject was spoken to")
        return None  # "Trump was asked, "...?"": the one asked does not ask
    before_verb = doc.text[max(0, m.verb_start - 8):m.verb_start]
    if verb.lower().endswith("ing") and before_verb.rstrip().endswith(","):
        mention = tag_before_participle(doc, sent, m.verb_start) \
            or subject(doc, sent, m.verb_start, m.verb_end)  # "X noted ..., assuring"
    else:
        mention = adjacent_subject(doc, sent, m.verb_start, m.verb_end) \
            or adjacent_description(doc, sent, m.verb_start, m.verb_end) \
            or interrupted_subject(doc, sent, m.verb_start) \
            or dashed_subject(doc, sent, m.verb_start) \
            or relative_subject(doc, sent, m.verb_start) \
            or phrase_before(doc.cast, sent, m.verb_start, strict=True) \
            or main_subject(doc, sent, m.verb_start, m.verb_end)
    if mention is None and not _CLAUSE_BREAK.search(doc.text, sent, m.verb_start):
        mention = opening_subject(doc, sent, m.verb_start)  # "She would hum and sway and say,"
    if mention is None:
        mention = modified_subject(doc, sent, m.verb_start)
    colon = doc.text[m.filler_end:span.start].strip().endswith(":")
    if mention is not None and mention.kind != "pronoun" and not colon:
        # (not for a colon: 'Y had told him: "..."' introduces Y's own words, whoever reports the telling)
        outer = outer_reporter(doc, sent, mention)
        if outer is not None:
            att.why.append(f"before: {mention.text!r} is inside what {outer.text!r} reported")
            mention = outer
    att.why.append(f"before: {doc.text[sent:span.start].strip()[-80:]!r} -> {mention and mention.text!r}")
    if mention is None:
        return None
    rule = ids.X_SAID_COLON_QUOTE if doc.text[m.filler_end:span.start].strip().endswith(":") \
        else ids.X_SAID_QUOTE
    return finish(doc, ctx, mention, m.verb, rule, m.verb_end, span.start)


def according_to_x(doc: Document, ctx: Context) -> Attribution | None:
    span, sent, a_end, att = ctx.span, ctx.sent, ctx.a_end, ctx.att
    for lo, hi in ((span.end, a_end), (sent, span.start)):
        m = doc.cues.according.search(doc.text, lo, hi)
        if m:
            mention = phrase_after(doc.cast, m.start("np"), m.end("np"))
            att.why.append(f"according to: {mention and mention.text!r}")
            if mention is not None:
                return finish(doc, ctx, mention, "according to", ids.ACCORDING_TO_X, None, None)
    return None


def x_colon_quote(doc: Document, ctx: Context) -> Attribution | None:
    """A quote after a colon closing a sentence about its speaker: Shaw was blunt: "..." """
    span, sent, att = ctx.span, ctx.sent, ctx.att
    head = doc.text[sent:span.start].rstrip()
    if not head.endswith(":"):
        # the colon closes the paragraph before: 'He said:' then the quotation
        before = head_before_paragraph(doc, span, ":")
        if before is not None:
            sent = before
            head = doc.text[sent:doc.end_before(span.start)]
    if not head.endswith(":") or sent >= span.start:
        return None
    colon = sent + len(head) - 1
    name = doc.cast.name_at(max(sent, colon - 80), colon)
    if name is not None and not doc.text[name.end:colon].strip() and heads_clause(doc, sent, name.start):
        mention: Mention | None = Mention(name.start, name.end, doc.text[name.start:name.end], "name")
    else:  # "delivered a blunt message to Trump:": the subject speaks, not the name before the colon
        mention = None
        clause = _LAST_AND.search(doc.text, sent, colon)
        if clause is not None:  # "She set the cup down, and Mrs. Quill ... remarking:"
            mention = subject(doc, clause.end(), colon)
        mention = mention or last_subject(doc, sent, colon) or main_subject(doc, sent, colon)
        if mention is not None:
            mention = reported_by(doc, sent, mention)
    if mention is None:
        # "My aunt caught me yawning and said to me:", "Nell, who ..., quickly got up from the bench, crying:"
        mention = opening_subject(doc, sent, colon)
    att.why.append(f"colon: {mention and mention.text!r}")
    if mention is None:
        return None
    return finish(doc, ctx, mention, None, ids.X_COLON_QUOTE, None, None)


def x_said_then_quote(doc: Document, ctx: Context) -> Attribution | None:
    """The sentence just before the quote ends in its own cue: '..., Schiff said. "..."'."""
    span, sent, att = ctx.span, ctx.sent, ctx.att
    m = doc.cues.pre_sentence(doc.text, sent, span.start)
    if not m:
        return None
    if turns.written_as_dialogue(doc) and tag_of_quote_before(doc, ctx.index, sent, span):
        return None  # '"...," he answered, tossing his head ... laugh at him. "..."': his tag
    mention = phrase_before(doc.cast, doc.sentence_start(sent, m.verb_start), m.verb_start)
    att.why.append(f"said before: {doc.text[m.start:span.start].strip()!r} -> {mention and mention.text!r}")
    if mention is None or mention.kind == "description" and any(
            w.lower() in CLAUSE_WORDS for w in WORD.findall(mention.text)):
        return None  # "... to the Trump Administration if asked.": a clause, no speaker phrase
    return finish(doc, ctx, mention, m.verb, ids.X_SAID_THEN_QUOTE, None, None)


def subject_verb_fragment(doc: Document, ctx: Context) -> Attribution | None:
    """A quoted fragment inside a sentence whose subject speaks: X described it as "..."."""
    span, sent, att = ctx.span, ctx.sent, ctx.att
    if sent >= span.start:
        return None
    verb = doc.cues.fragment_verb(doc.text, sent, span.start)
    verbs = [(vs, ve) for vs, ve in doc.cues.verbs(doc.text, sent, span.start, fragment=True)
             if not noun_use(doc, doc.text[vs:ve], vs)]  # not "Rubio's claim"
    if verbs:  # the verb nearest the quote: "And in a move that recalled ..., Ortiz vowed to"
        vs, ve = verbs[-1]
        verb = Cue(vs, ve, vs, ve, doc.text[vs:ve])
    if verb:
        mention = adjacent_subject(doc, sent, verb.verb_start, verb.verb_end) \
            or adjacent_description(doc, sent, verb.verb_start, verb.verb_end) \
            or interrupted_subject(doc, sent, verb.verb_start) \
            or relative_subject(doc, sent, verb.verb_start) or with_subject(doc, sent, verb) \
            or main_subject(doc, sent, verb.verb_start, verb.verb_end) \
            or described_subject(doc, sent, verb.verb_start, verb.verb.lower() in doc.lex.verb_forms)
    else:
        mention = subject(doc, sent, span.start)
    if mention is not None:
        mention = reported_by(doc, sent, mention)
    att.why.append(f"fragment: subject {mention and mention.text!r}, verb {verb and verb.verb!r}")
    if mention is None:
        return None
    return finish(doc, ctx, mention, verb.verb.lower() if verb else None, ids.SUBJECT_VERB_FRAGMENT,
                       None, None)


def tag_of_quote_before(doc: Document, i: int, sent: int, span: Span) -> bool:
    """The sentence at ``sent`` before ``span`` is the tag of the quotation just before it
    in the same paragraph ("...," he answered, tossing his head. "..."), which that
    quotation's cue already read."""
    if i == 0 or doc.paragraph_of(doc.spans[i - 1].start) != doc.paragraph_of(span.start):
        return False
    prev = doc.spans[i - 1]
    return prev.end <= sent and not doc.text[prev.end:sent].strip() and doc.results[i - 1].rule in ids.CUE_RULES


#: An opening phrase before a sentence's subject, up to its comma: "In January, ", "On Friday, ".
_OPENER = regex.compile(r"(?:" + alternation(capitalized(OPENING_PHRASE_WORDS))
                        + r"\b[^,;:\"“”]{0,40},\s*|" + alternation(capitalized(OPENING_CONJUNCTIONS)) + r"\s+)")
#: What may stand between a subject and its verb besides VERBISH's asides: where the name is from
#: ("Gov. Ann Lee of Ohio"), and one more adverb ("further", "again").
_OF_PLACE = regex.compile(r"\s+(?:of|from)\s+\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}")
_ONE_WORD = regex.compile(r"\s+\p{Ll}{3,12}(?=\s)")
#: A description opening a sentence: "The Republican nominee", "A senior aide".
_DESCRIPTION = regex.compile(alternation(capitalized(ARTICLES)) + r"\s+((?:[\p{L}\-]+\s+){0,3}?)(\p{Ll}[\p{L}\-]*)(?![\p{L}'’])")


def sentence_subject(doc: Document, ctx: Context) -> Attribution | None:
    """A fragment in marks inside a sentence (a word right before the marks) whose subject
    opens it, a person or an organisation, and whose verb is no speech verb: 'Gov. Ann Lee of
    Ohio lauded the plan for its "new ideas."', 'The nominee outlined his plan and vowed to
    punish "those who leak."' The sentence is about its subject, and so is the fragment."""
    span, sent, att = ctx.span, ctx.sent, ctx.att
    text = doc.text
    if sent >= span.start or not IN_CLAUSE.search(text, max(0, span.start - 2), span.start):
        return None
    if ctx.index > 0 and doc.spans[ctx.index - 1].end > sent:
        return None  # another quotation before in the sentence: its own cues decide
    start = sent
    opener = _OPENER.match(text, start, span.start)
    if opener is not None:
        start = opener.end()
    mention = _opening_name(doc, start, span.start) or _opening_description(doc, start, span.start)
    att.why.append(f"sentence subject: {mention and mention.text!r}")
    if mention is None:
        return None
    return finish(doc, ctx, mention, None, ids.SENTENCE_SUBJECT, None, None)


def _verb_after(doc: Document, pos: int, end: int) -> bool:
    """A verb follows ``pos``: right after, after where the subject is from, or after one more adverb."""
    text = doc.text
    place = _OF_PLACE.match(text, pos, end)
    for at in (pos, place.end() if place else None):
        if at is None:
            continue
        if VERBISH.match(text, at, end):
            nxt = WORD.search(text, at, end)
            return nxt is None or nxt.group().lower() not in doc.lex.roles  # not "Trump supporters chanted"
        one = _ONE_WORD.match(text, at, end)
        if one is not None and one.group().strip() not in doc.lex.roles and VERBISH.match(text, one.end(), end):
            return True
    return False


#: A title before a name: "Gov. ", "Sen. ", "President ".
_TITLE_WORD = regex.compile(r"([\p{L}]+\.?)\s+")


def _opening_name(doc: Document, start: int, end: int) -> Mention | None:
    title = _TITLE_WORD.match(doc.text, start, end)
    if title is not None and title.group(1).lower() in doc.lex.titles:
        start = title.end()  # the name after its title: "Gov. |Ada Blake"
    names = [n for n in doc.cast.names_before(min(end, start + 80), 80) if n.start == start]
    if not names:
        return None
    n = names[0]
    if doc.text[n.end:n.end + 2] in ("'s", "’s") or not _verb_after(doc, n.end, end):
        return None
    return Mention(n.start, n.end, doc.text[n.start:n.end], "name")


def _opening_description(doc: Document, start: int, end: int) -> Mention | None:
    m = _DESCRIPTION.match(doc.text, start, end)
    if m is None or m.group(2).lower() not in doc.lex.roles or not _verb_after(doc, m.end(), end):
        return None
    return Mention(m.start(), m.end(), m.group(), "description")


#: The last lower-case word before a name and its title: "after |Gov.| Ann Lee".
_WORD_BEFORE_NAME = regex.compile(r"(?<![\p{L}])(\p{Ll}+)\s+(?:\p{Lu}[\p{L}.'’\-]*\s+)*$")
#: A form of "be" between a name and its verb: a passive ("was asked").
_PASSIVE_BE = regex.compile(r"(?<![\p{L}])" + alternation(PASSIVE_BE) + r"(?![\p{L}])")


def adjacent_subject(doc: Document, sent: int, verb_start: int, verb_end: int) -> Mention | None:
    """The name right before the cue's verb, when nothing but what may stand between a subject
    and its verb separates them (an adverb, "has", an aside in commas): "Ten minutes after
    Greer was named, Hale campaign manager Tessa Lund called ..." -> Tessa Lund, not
    the first name of the sentence a verb follows."""
    if turns.written_as_dialogue(doc):
        return None  # news copy: a story's narration keeps its own subject rules
    text = doc.text
    names = doc.cast.names_before(verb_start, verb_start - sent + 1)
    if not names or names[-1].start < sent:
        return None
    name = names[-1]
    m = VERBISH.match(text, name.end, verb_end)
    if m is None or m.end() != verb_end or "," in text[name.end:verb_start] or doc.page.furniture(name.start) \
            or not heads_clause(doc, sent, name.start):
        return None
    word = WORD.search(text, name.end, verb_end)
    if word is not None and word.group().lower() in doc.lex.roles:
        return None  # "Sanders supporters chanted": the group, not the name
    if _PASSIVE_BE.search(text, name.end, verb_start):
        return None  # "Trump was asked": the one asked does not speak
    before = _WORD_BEFORE_NAME.search(text, max(sent, name.start - 60), name.start)
    if before is not None and before.group(1).lower() in SUBORDINATORS:
        return None  # "after Jones assured Trump ...": a clause of its own, the sentence's subject comes later
    return Mention(name.start, name.end, text[name.start:name.end], "name")


#: "As <speaker> put it:" right before a quotation: the clause names who is quoted.
_AS_PUT_IT = regex.compile(r"(?<![\p{L}])[Aa]s\s+(?P<np>(?:[^.;:!?\n]|\.(?=\s*\d)){1,200}?)\s*,?\s+(?:\p{Ll}+ly\s+)?puts?\s+it\s*[,:]?\s*$")


def as_x_put_it(doc: Document, ctx: Context) -> Attribution | None:
    """'As Akhil Amar, a professor of law at Yale, put it, "..."', 'As Vulture put it, "..."':
    the name (or the description) that opens the as-clause is quoted."""
    span, sent, att = ctx.span, ctx.sent, ctx.att
    text = doc.text
    par = doc.paragraphs[doc.paragraph_of(span.start)]
    m = _AS_PUT_IT.search(text, max(par, span.start - 260), span.start)
    if m is None:
        return None
    lo, hi = m.start("np"), m.end("np")
    title = _TITLE_WORD.match(text, lo, hi)
    if title is not None and title.group(1).lower() in doc.lex.titles:
        lo = title.end()
    first = next((n for n in doc.cast.names_before(min(hi, lo + 120), 120) if n.start >= lo), None)
    lead = [w.lower() for w in WORD.findall(text, lo, first.start)] if first is not None else []
    mention: Mention | None
    if first is not None and first.start < hi and (not lead or lead[-1] in doc.lex.roles or lead[-1] in doc.lex.titles):
        mention = Mention(first.start, first.end, text[first.start:first.end], "name")
    else:
        mention = phrase_after(doc.cast, m.start("np"), hi)
    att.why.append(f"as ... put it: {mention and mention.text!r}")
    if mention is None or mention.kind == "pronoun" and mention.text.lower() not in HE_SHE:
        return None
    return finish(doc, ctx, mention, "put it", ids.AS_X_PUT_IT, None, None)


#: A description of a person or group: a determiner, up to three words, then (group 1) its noun.
_ADJACENT_DESCRIPTION = regex.compile(r"(?<![\p{L}'’])" + alternation(either_case(ADJACENT_DETERMINERS))
                                      + r"\s+(?:[\p{L}\-]+\s+){0,3}?([\p{Ll}][\p{L}\-]*)(?![\p{L}'’])")


def adjacent_description(doc: Document, sent: int, verb_start: int, verb_end: int) -> Mention | None:
    """A description right before the cue's verb, past a semicolon or a clause the sentence
    started with: 'The plan drew a debate; one lawmaker called Trump "a buffoon"', 'in what
    one Latino conservative has dubbed "the yuca primary"' -> "one lawmaker", "one Latino
    conservative" (news only, as :func:`adjacent_subject`)."""
    if turns.written_as_dialogue(doc):
        return None
    text = doc.text
    lo = max(sent, verb_start - 80)
    for m in _ADJACENT_DESCRIPTION.finditer(text, lo, verb_start, overlapped=True):
        if m.group(1).lower() not in doc.lex.roles:
            continue
        verb = VERBISH.match(text, m.end(), verb_end)
        if verb is None or verb.end() != verb_end or "," in text[m.end():verb_start] \
                or _PASSIVE_BE.search(text, m.end(), verb_start):
            continue
        start = m.start()
        return Mention(start, m.end(), text[start:m.end()], "description")
    return None


#: A subordinate clause opening a sentence, up to its comma: "When Fenwick retired in 2004, ".
_LEADING_CLAUSE = regex.compile(alternation(capitalized(LEADING_SUBORDINATORS))
                                + r"\s[^,;:\"“”]{1,120},\s*")


def main_clause(doc: Document, sent: int, end: int) -> int:
    """Where the sentence's main clause starts: after a subordinate clause that opens it
    ("When Fenwick retired in 2004, |Mayor Brandt issued this short note:"), whose
    subject is not the sentence's. News only, as :func:`adjacent_subject`."""
    if turns.written_as_dialogue(doc):
        return sent
    m = _LEADING_CLAUSE.match(doc.text, sent, end)
    return m.end() if m is not None and m.end() < end else sent


def main_subject(doc: Document, sent: int, end: int, limit: int | None = None) -> Mention | None:
    """:func:`subject` of the main clause (:func:`main_clause`), else of the whole sentence."""
    start = main_clause(doc, sent, end)
    found = subject(doc, start, end, limit) if start > sent else None
    return found or subject(doc, sent, end, limit)


def last_subject(doc: Document, sent: int, colon: int) -> Mention | None:
    """The last name of the sentence that a verb follows, before the colon that introduces a
    quotation: '... snark — Cruz called them on it:' -> Cruz, not the first subject of the
    sentence ("the CNBC moderators yielded"). News only, as :func:`adjacent_subject`."""
    if turns.written_as_dialogue(doc):
        return None
    text = doc.text
    sent = main_clause(doc, sent, colon)  # not "When Fenwick retired in 2004, ..."
    for name in reversed(doc.cast.names_before(colon, colon - sent + 1)):
        if name.start < sent:
            break
        if text[name.end:name.end + 2] in ("'s", "’s") or doc.page.furniture(name.start):
            continue
        verb = VERBISH.match(text, name.end, colon)
        if verb is None or "," in text[name.end:verb.end()] or _PASSIVE_BE.search(text, name.end, verb.end()):
            continue
        lead = [w.lower() for w in WORD.findall(text, max(sent, name.start - 40), name.start)][-2:]
        if any(w in SUBORDINATORS for w in lead):
            continue  # "after the board appears to have ...": a clause of its own
        if not heads_clause(doc, sent, name.start):
            continue
        return Mention(name.start, name.end, text[name.start:name.end], "name")
    return None
