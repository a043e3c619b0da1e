"""Hypothesis strategies for hostile and news-like text, and the record invariants.

Shared by ``tests/test_properties.py`` (a fast default run) and
``fuzz/fuzz_extract.py`` (the same checks with many more examples).
"""
from __future__ import annotations

import json
import textwrap

import regex
from hypothesis import strategies as st

import quotex
from quotex.records import KINDS, Quote
from quotex.text.tokenizer import DIALOGUE_DASHES, DOUBLED_MARKS

#: Every quotation mark quotex knows, and a few it might meet.
MARKS = "\"“”‘’'«»„‚‹›「」『』"
#: Line and paragraph breaks, blanks, invisible and control characters.
BREAKS = ["\n", "\r\n", "\r", "\u2029", "\u2028", "\n\n", "\x0b", "\x0c", "\x85"]
INVISIBLE = ["\u00a0", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\x00", "\t", " ", "\x1b"]
PUNCT = list(",.;:!?—–-()[]…")
NAMES = ["Jane Smith", "Smith", "O'Brien", "Mr. O’Brien", "Vladimir Putin", "Putin", "Ms. Lee", "Lee",
         "Dmitry Rogozin", "Martin Luther King Jr.", "de la Cruz", "Anne-Marie", "Élodie Ørsted",
         "the cosmonaut", "a spokesman", "the Kremlin", "NASA", "Secretary of State Antony Blinken",
         "İlkay Gündoğan", "José García", "ǅemal", "STRAẞE"]
PRONOUNS = ["he", "she", "He", "She", "they", "I", "we"]
VERBS = ["said", "says", "told", "added", "noted", "asked", "according to", "wrote", "insisted",
         "pointed out", "warned", "called it", "described it as", "so-called", "titled"]
WORDS = ["the", "a", "We", "will", "win", "don't", "'90s", "rock 'n' roll", "it's", "Jones'", "can’t",
         "that", "and", "but", "when", "in", "on", "Tuesday", "U.S.", "St.", "in a statement"]

#: Characters whose lower or upper case has another length, combining marks, title case.
CASE_TRAPS = "İıßẞﬁﬂſΣςǅ\u0301\u0308\u20dd"
#: One character from anywhere, lone surrogates and C0/C1 controls included.
ANY_CHAR = st.one_of(st.characters(), st.characters(categories=["Cs"]), st.characters(max_codepoint=0x9F))

#: A character from the parts of Unicode quotex reacts to.
_BIASED_CHAR = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(INVISIBLE + [b for b in BREAKS if len(b) == 1]),
    st.sampled_from(PUNCT),
    st.characters(min_codepoint=ord("A"), max_codepoint=ord("Z")),
    st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")),
    st.sampled_from(CASE_TRAPS),
    st.just(" "),
)

#: Pieces of text: characters, words, names, verbs, marks, breaks.
_TOKEN = st.one_of(
    _BIASED_CHAR,
    st.sampled_from(NAMES), st.sampled_from(PRONOUNS), st.sampled_from(VERBS), st.sampled_from(WORDS),
    st.sampled_from(BREAKS), st.sampled_from(MARKS), st.just(", "), st.just(" "),
    st.characters(categories=["Cs"]),
)


@st.composite
def token_soup(draw: st.DrawFn, max_tokens: int = 60) -> str:
    """Words, names, verbs, marks and breaks in any order, joined with or without spaces."""
    tokens = draw(st.lists(_TOKEN, max_size=max_tokens))
    sep = draw(st.sampled_from(["", " ", "  "]))
    return sep.join(tokens)


# ------------------------------------------------------------------ news grammar

_OPEN_CLOSE = [("\"", "\""), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("「", "」")]


_SENTENCE_WORDS = WORDS + NAMES + PRONOUNS + ["going", "to", "stop", "it", "now"]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_SENTENCE_WORDS), min_size=1, max_size=8))
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


#: Paragraph shapes: {o} {c} marks, {s} {t} sentences, {n} speaker, {m} another name, {v} verb.
SHAPES = [
    "{o}{s},{c} {n} {v}.",
    "{o}{s},{c} {v} {n}.",
    "{n} {v}: {o}{s}.{c}",
    "{n} told {m}: {o}{s}{c}",
    "{n} {v} that {o}{s}{c}.",
    "{o}{s}{c} — {n}",
    "{o}{s},{c} according to {n}.",
    "{n} described it as {o}{s}{c}.",
    "{o}{s},{c} {n} {v}, {o}{t}.{c}",
    "{o}{s}",  # unclosed
    "{s} {o}{t} {c}{c} {o}",  # stray marks
    "{o}{s} {o}{t}{c} {s}.{c} {n} {v}.",  # nested, same marks
    "{o}{s}, ‘{t}’ {c} {n} {v}.",  # nested single
    "{s}.",
]


@st.composite
def news_paragraph(draw: st.DrawFn) -> str:
    """One paragraph of news-like text with quotes in the usual shapes, sometimes broken."""
    shape = draw(st.sampled_from(SHAPES))
    o, c = draw(st.sampled_from(_OPEN_CLOSE))
    return shape.format(
        o=o, c=c, s=draw(sentence()), t=draw(sentence()) if "{t}" in shape else "",
        n=draw(st.sampled_from(NAMES + PRONOUNS)), m=draw(st.sampled_from(NAMES)),
        v=draw(st.sampled_from(VERBS)))


@st.composite
def news_text(draw: st.DrawFn) -> str:
    """Paragraphs of news-like text joined by assorted breaks, with a little noise."""
    paras = draw(st.lists(news_paragraph(), min_size=1, max_size=5))
    out = paras[0]
    for p in paras[1:]:
        out += draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", " ", "\u2029", "\n  "])) + p
    if draw(st.booleans()):
        pos = draw(st.integers(0, len(out)))
        out = out[:pos] + draw(token_soup(max_tokens=5)) + out[pos:]
    return out


@st.composite
def wrapped_text(draw: st.DrawFn) -> str:
    """Hard-wrapped plain text (an e-book): lines of 30-90 characters, blank lines between paragraphs,
    quotes running over line ends and across paragraphs."""
    width = draw(st.integers(35, 85))
    paras = draw(st.lists(st.lists(news_paragraph(), min_size=2, max_size=6).map(" ".join), min_size=2, max_size=5))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return (eol + eol).join(eol.join(textwrap.wrap(p, width)) for p in paras)


#: All the kinds of text the properties run over.
TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=ANY_CHAR),
    st.text(alphabet=_BIASED_CHAR),
    token_soup(),
    news_text(),
    wrapped_text(),
)

# ------------------------------------------------------------------ invariants

#: What may follow an unclosed quote: blanks to a line break, or blanks to the end of the text
#: (blanks as Python's str.strip() sees them, which includes the separators U+001C-U+001F).
_PARAGRAPH_END = regex.compile(r"[ \t]*(?:\r\n|\r|\n|\u2029)|[\s\x1c-\x1f]*\Z")


def at_paragraph_end(text: str, pos: int) -> bool:
    """True when ``pos`` is where a paragraph ends (only blanks before a line break or the end)."""
    return _PARAGRAPH_END.match(text, pos) is not None


def opening_length(span: str) -> int:
    """How many characters open the quotation ``span``: one quotation mark, two for
    a doubled mark closed by the same pair (``''words''``), or a dialogue dash and
    the blank after it ("--", "— "); 0 when neither."""
    if span[:1] in DOUBLED_MARKS and span[1:2] == span[0] and len(span) >= 4 and span[-2:] == span[0] * 2:
        return 2
    if span[:1] in MARKS:
        return 1
    for dash in DIALOGUE_DASHES:
        if span.startswith(dash):
            return len(dash) + (span[len(dash):len(dash) + 1] == " ")
    return 0


def check_record(text: str, q: Quote) -> None:
    """Everything that must hold for one record of ``text``."""
    assert 0 <= q.start < q.end <= len(text), (q.start, q.end, len(text))
    span = text[q.start:q.end]
    opening = opening_length(span)
    assert opening, f"record does not start with a mark or a dialogue dash: {span[:20]!r}"
    # closed quotes end with a mark; an unclosed one (and a dash-led line) is cut at its paragraph's end
    assert span[-1] in MARKS or at_paragraph_end(text, q.end), f"record ends inside a paragraph: {span[-20:]!r}"
    assert q.quote in span
    assert text.startswith(q.quote, q.start + opening), "quote is not the words right after the opening"
    mention = (q.mention, q.mention_start, q.mention_end)
    if q.mention_start is not None or q.mention_end is not None:
        assert q.mention is not None and q.mention_start is not None and q.mention_end is not None, mention
        assert 0 <= q.mention_start <= q.mention_end <= len(text), mention
        assert text[q.mention_start:q.mention_end] == q.mention, mention
    assert isinstance(q.confidence, float) and 0.0 <= q.confidence <= 1.0, q.confidence
    if q.speaker is None:
        assert q.confidence == 0.0, q
    else:
        assert isinstance(q.speaker, str) and q.speaker.strip(), q.speaker
    assert q.kind in KINDS, q.kind
    assert isinstance(q.addressees, tuple) and all(isinstance(a, str) and a for a in q.addressees)
    assert q.rule is None or isinstance(q.rule, str)
    d = q.to_dict()
    json.dumps(d)  # ASCII escapes: works with lone surrogates too
    back = json.loads(json.dumps(d, ensure_ascii=False))
    assert back == d


def check_text(text: str) -> None:
    """Run every public entry point on ``text`` and check all invariants."""
    quotes = quotex.extract(text)
    with_terms = quotex.extract(text, terms=True)
    explained = quotex.explain(text)
    assert [q for q, _ in explained] == quotes, "not deterministic (extract and explain differ)"
    assert [q for q in with_terms if q.kind != "term"] == quotes, "not deterministic (terms)"
    assert all(q.kind in ("direct", "mixed") for q in quotes)
    for _, why in explained:
        assert isinstance(why, list) and all(isinstance(w, str) for w in why)
    for a, b in zip(with_terms, with_terms[1:]):
        assert a.end <= b.start, f"records overlap or are out of order: {(a.start, a.end)} {(b.start, b.end)}"
    for q in with_terms:
        check_record(text, q)
