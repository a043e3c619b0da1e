"""The attribution pipeline: text in, quote records out.

    scan        the tokenizer finds the quoted spans and the paragraphs
    layout      a news page's headline, bylines and datelines
    document    the cast of names, the lexicon and the cues (resolver.Document)
    cue rules   per quotation, the rules of attribution.rules.RULES in order:
                the first that reads a cue and a speaker phrase decides
    turn rules  a quotation no cue attributes may continue a turn (TURN_RULES)
    passes      whole-document passes over the attributions (PASSES)
    records     one Quote per span, with the reasoning behind it

Every step is a registered function; this module only runs them in order.
"""
from __future__ import annotations

from collections.abc import Callable

import regex

from quotex import addressees, characters, resolver, turns
from quotex.attribution.context import Attribution, Context
from quotex.attribution.rules import RULES
from quotex.attribution.shapes import WINDOW_AFTER, WINDOW_BEFORE
from quotex.layout import layout
from quotex.records import Quote, Span
from quotex.resolver import Document
from quotex.tokenizer import scan

#: Rules for a quotation no cue attributed, in order: the turn before goes on, the
#: scene's other voice answers, the speaker of the quotation across narration.
TURN_RULES: list[tuple[str, Callable[[Document, int], Attribution | None]]] = [
    ("continuation", turns.continuation),
    ("scene", turns.scene),
    ("across-narration", turns.across_narration),
]

#: Passes over the whole document once every quotation was looked at, in order.
PASSES: list[tuple[str, Callable[[Document], None]]] = [
    ("fill-dialogue", turns.fill_dialogue),  # untagged lines between tagged turns alternate
    ("alternate-forward", turns.alternate_forward),  # and after the last tagged turn
    ("conversation-chains", turns.chains),  # untagged turns between tagged ones alternate, both ways
    ("not-the-one-called", addressees.not_the_one_called),  # a guessed voice is never the one addressed
    ("name-narrator", characters.name_narrator),  # "I" gets the narrator's name when the text gives it
    ("self-introductions", characters.self_introductions),  # '"I am Parson Tringham"'
    ("join-aliases", characters.join_aliases),  # one person, one canonical name
    ("character-labels", characters.character_labels),  # "the croupier" -> "The Croupier"
    ("addressees", addressees.fill),  # a turn is spoken to the one it calls, else the other party
]

_ALNUM = regex.compile(r"[\p{L}\p{N}]")
#: Words that announce a term, not speech: 'the so-called "reset"', 'a film titled "..."'.
_TERM_MARKER = regex.compile(r"(?<![\p{L}])(?:so-called|so called|the word|the words|the term|the phrase|"
                             r"the slogan|the hashtag|titled|entitled|headlined)\s*$", regex.IGNORECASE)
#: What stands before a title in marks: 'on "Meet the Press"', 'told NBC's "Today"'.
_TITLE_BEFORE = regex.compile(r"(?:(?<![\p{L}])(?:on|in|of|to|from)|\p{L}['’]s)\s+$")


def _term(text: str, span: Span, att: Attribution) -> bool:
    """A span in marks that is not speech: a scare quote, a title, a nickname.

    Marked as such ("the so-called ..."), or short and attributed by no cue, or in
    title case with at most the weak clause-subject rule behind it.
    """
    if _TERM_MARKER.search(text, max(0, span.start - 20), span.start):
        return True
    inner = text[span.inner_start:span.inner_end].strip()
    words = inner.split()
    title_case = len(words) <= 8 and all(w[:1].isupper() for w in words if w[:1].isalpha() and len(w) > 3) \
        and any(w[:1].isupper() for w in words)
    if att.speaker is not None:
        return title_case and (att.rule == "subject-verb-fragment"
                               or bool(_TITLE_BEFORE.search(text, max(0, span.start - 12), span.start)))
    if att.cue is not None and att.rule in ("quote-X-said", "quote-said-X"):
        return False  # '"No," he said': a reply in its own tag, whoever "he" is
    if len(words) <= 4 and not inner.endswith((",", ".", "!", "?")):
        return True
    return title_case


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
    """The first cue rule that decides quotation ``i``, else what they tried."""
    ctx = context(doc, i)
    doc.current = i
    for _, rule in RULES:
        found = rule(doc, ctx)
        if found is not None:
            return found
    return ctx.att


def take_turn(doc: Document, i: int, att: Attribution) -> Attribution:
    """A quotation whose cues named nobody may continue a turn (:data:`TURN_RULES`)."""
    if att.speaker is not None or att.mention is not None:
        return att  # a cue that named nobody we know ends the turn
    cont = None
    for _, rule in TURN_RULES:
        cont = rule(doc, i)
        if cont is not None:
            break
    if cont is not None and resolver.unread_cue(doc, i, cont.speaker):
        cont = None  # '"...," New York City Public Advocate Trish James said': another voice
    if cont is not None and cont.speaker in turns.vocatives(doc, doc.spans[i]):
        # "Your mother would never forgive me, Lucy.": Lucy is spoken to, not speaking
        other = doc.results[i - 1].speaker if cont.rule == "alternating-turn" else None
        cont.why.append(f"{cont.speaker!r} is addressed in the quote")
        cont.speaker, cont.confidence = other, (cont.confidence if other else 0.0)
        cont.entity = doc.results[i - 1].entity if other else None
    if cont is not None and cont.speaker is not None:
        cont.why = att.why + cont.why
        return cont
    return att


def record(text: str, span: Span, att: Attribution) -> Quote:
    """The record of one attributed span."""
    m = att.mention if att.rule and not att.rule.startswith(("continued", "alternating")) else None
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
        kind="term" if att.rule == "headline" or _term(text, span, att) else "direct",
        rule=att.rule,
        confidence=att.confidence,
    )


def resolve(text: str) -> list[tuple[Quote, list[str]]]:
    """Quote records for ``text`` with the reasoning behind each, in document order."""
    spans, paragraphs = scan(text)
    spans = [s for s in spans if _ALNUM.search(text, s.inner_start, s.inner_end)]
    if not spans:
        return []
    page = layout(text)
    doc = Document(text, spans, paragraphs, page)
    for i, span in enumerate(spans):
        if page.in_headline(span.start):
            # a headline trims what the body quotes with its cue: no speaker, no turn to continue
            doc.results.append(Attribution(rule="headline", why=["in the headline"]))
        else:
            doc.results.append(take_turn(doc, i, attribute(doc, i)))
    for _, run in PASSES:
        run(doc)
    return [(record(text, span, att), att.why) for span, att in zip(spans, doc.results)]
