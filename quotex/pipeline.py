"""The attribution pipeline: text in, quote records out.

    scan        the tokenizer finds the quoted spans and the paragraphs
    layout      a news page's headline, bylines and datelines
    document    the cast of names, the lexicon and the cues (attribution.document.Document)
    cue rules   per quotation, the language's cue rules in order (for English,
                ENGLISH.rules = attribution.rules.RULES): the first that reads
                a cue and a speaker phrase decides
    turn rules  a quotation no cue attributes may continue a turn (TURN_RULES)
    passes      whole-document passes over the attributions (PASSES)
    records     one Quote per span, with the reasoning behind it

Every step is a registered function; this module only runs them in order.
The language (:class:`quotex.lang.Language`, English by default) brings the
lexicon, the cue finder and the cue rules.
"""
from __future__ import annotations

from collections.abc import Callable

import regex

from quotex.attribution import ids
from quotex.attribution.resolve.clauses import unread_cue
# the cue rules (through ENGLISH) first: they load the resolver, which must come before the
# dialogue modules (resolver, turns, characters and voices import one another)
from quotex.lang.en.language import ENGLISH  # isort: skip
from quotex.attribution.dialogue import addressees, chains, characters, turns
from quotex.attribution.context import Attribution, Context
from quotex.lang import Language
from quotex.lang.en.lexicon import load
from quotex.lang.en.shapes import IN_CLAUSE, TERM_MARKER, TITLE_BEFORE, WINDOW_AFTER, WINDOW_BEFORE
from quotex.lang.en.words import COPULAS, TITLE_SMALL_WORDS
from quotex.text.layout import layout
from quotex.records import Quote, Span, Step
from quotex.attribution.document import Document
from quotex.text.tokenizer import scan

#: Rules for a quotation no cue attributed, in order: the turn before goes on, the
#: scene's other voice answers, the speaker of the quotation across narration.
TURN_RULES: list[tuple[str, Callable[[Document, int], Attribution | None]]] = [
    (ids.CONTINUED_PARAGRAPH, turns.continuation),  # and its other outcomes (ids.OUTCOMES)
    (ids.SUBJECT_OF_PARAGRAPH_BEFORE, turns.scene),
    (ids.ACROSS_NARRATION, turns.across_narration),
]

#: Passes over the whole document once every quotation was looked at, in order.
PASSES: list[tuple[str, Callable[[Document], None]]] = [
    (ids.DIALOGUE_TURN, turns.fill_dialogue),  # untagged lines between tagged turns alternate
    (ids.ALTERNATE_FORWARD, turns.alternate_forward),  # and after the last tagged turn
    (ids.CONVERSATION_TURN, chains.chains),  # untagged turns between tagged ones alternate, both ways
    (ids.NOT_THE_ONE_CALLED, addressees.not_the_one_called),  # a guessed voice is never the one addressed
    (ids.NAME_NARRATOR, characters.name_narrator),  # "I" gets the narrator's name when the text gives it
    (ids.SELF_INTRODUCTIONS, characters.self_introductions),  # '"I am Parson Ashdown"'
    (ids.JOIN_ALIASES, characters.join_aliases),  # one person, one canonical name
    (ids.CHARACTER_LABELS, characters.character_labels),  # "the ferryman" -> "The Ferryman"
    (ids.ADDRESSEES, addressees.fill),  # a turn is spoken to the one it calls, else the other party
]


def registered(language: Language = ENGLISH) -> dict[str, Callable[..., object]]:
    """Every rule id a record may carry, and the one function that gives it."""
    out: dict[str, Callable[..., object]] = {ids.HEADLINE: resolve}
    table: list[tuple[str, Callable[..., object]]] = [*language.rules, *TURN_RULES, *PASSES]
    for rule_id, function in table:
        for given in (rule_id, *ids.OUTCOMES.get(rule_id, ())):
            assert given not in out, f"rule id {given!r} registered twice"
            out[given] = function
    return out


_ALNUM = regex.compile(r"[\p{L}\p{N}]")
#: The words before a quotation's opening mark, last first: 'book, "' -> "book".
_WORDS_BEFORE = regex.compile(r"(?r)(?<![\p{L}\p{N}'’-])([\p{L}'’-]+)[,\s]*")


def _words_before(text: str, start: int, n: int) -> list[str]:
    """Up to ``n`` words right before ``start`` (nearest first), lowercase, across commas and blanks."""
    out: list[str] = []
    end = start
    while len(out) < n:
        m = _WORDS_BEFORE.match(text, max(0, end - 40), end)
        if m is None or m.end() != end:
            break
        out.append(m.group(1).lower())
        end = m.start()
    return out


def _after_work_noun(text: str, start: int) -> bool:
    """The words before the marks name a work with a title: 'in his 2012 book, "..."',
    'the TV show "..."', 'his favorite film is "..."'."""
    words = _words_before(text, start, 2)
    if words and words[0] in COPULAS:
        words = words[1:]
    return bool(words) and words[0] in load().work_nouns


def _complement(text: str, span: Span) -> bool:
    """The quotation is what something is said to be, right after a form of "be": 'says the
    plans are "reckless"'. Whose word it is, the clause does not say as surely as a cue does."""
    words = _words_before(text, span.start, 1)
    return bool(words) and words[0] in COPULAS and IN_CLAUSE.search(text, max(0, span.start - 2), span.start) is not None


def _title_case(words: list[str]) -> bool:
    """The words are written as a title: each long word not small capitalized, one at least."""
    small = [w for w in words if w.lower() in TITLE_SMALL_WORDS]
    return all(w[:1].isupper() for w in words if w[:1].isalpha() and len(w) > 3 and w.lower() not in TITLE_SMALL_WORDS) \
        and any(w[:1].isupper() and (len(w) > 3 or not small) for w in words)  # not "I'm with her"


def _term(text: str, span: Span, att: Attribution) -> bool:
    """A span in marks that is not speech: a scare quote, a title, a nickname.

    Marked as such ("the so-called ..."), or short and attributed by no cue, or in
    title case with at most the weak clause-subject rule behind it.
    """
    if TERM_MARKER.search(text, max(0, span.start - 20), span.start):
        return True
    inner = text[span.inner_start:span.inner_end].strip()
    words = inner.split()
    title_case = len(words) <= 8 and _title_case(words)
    if title_case and not inner.endswith(("!", "?")) and _after_work_noun(text, span.start):
        return True  # 'in his 2012 book, "An American Son"': a title, whoever wrote it
    if att.speaker is not None:
        return title_case and (att.rule == ids.SUBJECT_VERB_FRAGMENT
                               or bool(TITLE_BEFORE.search(text, max(0, span.start - 12), span.start)))
    if att.cue is not None and att.rule in ids.TAG_AFTER:
        return False  # '"No," he said': a reply in its own tag, whoever "he" is
    if len(words) <= 4 and not inner.endswith((",", ".", "!", "?")):
        return True
    return title_case


def kind(text: str, span: Span, att: Attribution) -> str:
    """``term``, ``mixed`` (a fragment in marks inside the speaker's own clause) or ``direct``."""
    if att.rule == ids.HEADLINE or _term(text, span, att):
        return "term"
    if att.speaker is not None and IN_CLAUSE.search(text, max(0, span.start - 2), span.start):
        return "mixed"  # 'Tom believes that the plans are "reckless"'
    return "direct"


def context(doc: Document, i: int) -> Context:
    """The window the cue rules read around quotation ``i``."""
    span, text = doc.spans[i], doc.text
    nxt = doc.spans[i + 1].start if i + 1 < len(doc.spans) else len(text)
    prv = doc.spans[i - 1].end if i > 0 else 0
    par_start = doc.paragraphs[doc.paragraph_of(span.start)]
    a_end = min(nxt, doc.paragraph_end(span.end - 1), span.end + WINDOW_AFTER)
    b_start = max(prv, par_start, span.start - WINDOW_BEFORE)
    sent = doc.sentence_start(b_start, span.start)
    inner = text[span.inner_start:span.inner_end].rstrip()
    return Context(i, span, inner, sent, a_end, Attribution())


def attribute(doc: Document, i: int) -> Attribution:
    """The first cue rule of the document's language that decides quotation ``i``, else what they tried."""
    ctx = context(doc, i)
    if not doc.explain:  # the lines the rules note are kept unchanged, as no steps
        for _, rule in doc.language.rules:
            found = rule(doc, ctx)
            if found is not None:
                return found
        return ctx.att
    for rule_id, rule in doc.language.rules:
        tried = len(ctx.att.why)
        found = rule(doc, ctx)
        if len(ctx.att.why) > tried and doc.explain:  # most rules find no cue and add no line
            steps(ctx.att.why, tried, rule_id if found is None else found.rule)
        if found is not None:
            return found
    return ctx.att


def steps(why: list[str], start: int, rule: str | None) -> None:
    """The lines ``why[start:]`` become steps of ``rule`` (a line already a step keeps its rule)."""
    for k in range(start, len(why)):
        line = why[k]
        why[k] = line.of(rule) if isinstance(line, Step) else Step(line, rule)


def decided(why: list[str], att: Attribution) -> None:
    """The last of ``why`` is the step that chose ``att.speaker`` by ``att.rule``."""
    if why and not (isinstance(why[-1], Step) and why[-1].chosen is not None):
        phrases = (att.mention.text,) if att.mention is not None else ()
        why[-1] = Step(why[-1], att.rule, phrases, att.speaker)


def passed(doc: Document, rule: str) -> None:
    """The lines a pass added at the end of the records' reasoning become its steps."""
    for att in doc.results:
        why, k = att.why, len(att.why)
        while k and not isinstance(why[k - 1], Step):
            k -= 1
        if k < len(why):
            steps(why, k, rule)
            why[-1] = Step(why[-1], rule, (), att.speaker)


def take_turn(doc: Document, i: int, att: Attribution) -> Attribution:
    """A quotation whose cues named nobody may continue a turn (:data:`TURN_RULES`)."""
    if att.speaker is not None or att.mention is not None:
        return att  # a cue that named nobody we know ends the turn
    cont = None
    for _, rule in TURN_RULES:
        cont = rule(doc, i)
        if cont is not None:
            break
    if cont is not None and unread_cue(doc, i, cont.speaker):
        cont = None  # '"...," Harbor County Public Advocate Ann Lee said': another voice
    if cont is not None and cont.speaker in turns.vocatives(doc, doc.spans[i]):
        # "Your aunt will never let me hear the end of it, Nell.": Nell is spoken to, not speaking
        other = doc.results[i - 1].speaker if cont.rule in ids.ANSWERS else None
        cont.why.append(f"{cont.speaker!r} is addressed in the quote")
        cont.speaker, cont.confidence = other, (cont.confidence if other else 0.0)
        cont.entity = doc.results[i - 1].entity if other else None
    if cont is not None and cont.speaker is not None:
        if doc.explain:
            steps(cont.why, 0, cont.rule)
            decided(cont.why, cont)
        cont.why = att.why + cont.why
        return cont
    return att


def record(text: str, span: Span, att: Attribution, complement: float = 1.0) -> Quote:
    """The record of one attributed span; a fragment after a form of "be" is as sure as
    ``complement`` at most."""
    m = att.mention if att.rule and att.rule not in ids.CARRIED_OVER else None
    sort = kind(text, span, att)
    # a tag after the quotation names its speaker whatever the clause: '"smart," Lee wrote'
    hedged = sort == "mixed" and att.rule not in ids.TAG_AFTER | {ids.QUOTE_THEN_TAG} and _complement(text, span)
    return Quote(
        start=span.start,
        end=span.end,
        quote=text[span.inner_start:span.inner_end],
        speaker=att.speaker,
        mention=m.text if m else None,
        mention_start=m.start if m else None,
        mention_end=m.end if m else None,
        cue=att.cue,
        addressees=att.addressees,
        kind=sort,
        rule=att.rule,
        # a term is no quotation: its confidence as one is 0 (the CLI's --min-confidence drops it)
        confidence=0.0 if sort == "term" else min(att.confidence, complement) if hedged else att.confidence,
    )


def resolve(text: str, language: Language = ENGLISH, *, explain: bool = True) -> list[tuple[Quote, list[Step]]]:
    """Quote records for ``text`` (written in ``language``) with the reasoning behind each, in document order.

    With ``explain=False`` the reasoning is not made into steps and each record's list is
    empty (:func:`quotex.extract`); the records are the same.
    """
    spans, paragraphs = scan(text)
    spans = [s for s in spans if _ALNUM.search(text, s.inner_start, s.inner_end)]
    if not spans:
        return []
    page = layout(text)
    doc = Document(text, spans, paragraphs, language, page)
    doc.explain = explain
    for i, span in enumerate(spans):
        if page.in_headline(span.start):
            # a headline trims what the body quotes with its cue: no speaker, no turn to continue
            doc.results.append(Attribution(rule=ids.HEADLINE, why=[Step("in the headline", ids.HEADLINE)]))
        else:
            doc.results.append(take_turn(doc, i, attribute(doc, i)))
    for pass_id, run in PASSES:
        run(doc)
        if explain:
            passed(doc, pass_id)
    complement = doc.confidence("*", "complement")
    if not explain:
        return [(record(text, span, att, complement), []) for span, att in zip(spans, doc.results)]
    return [(record(text, span, att, complement), [line if isinstance(line, Step) else Step(line) for line in att.why])
            for span, att in zip(spans, doc.results)]
