"""Long documents and long paragraphs: nothing lost, nothing quadratic.

Regressions of issue 12: an unbalanced mark swallowed the quotations after it
in a long paragraph (items 5), the core's cost grew with the square of the
text's length (item 6), and the NYT archive's doubled apostrophes left one
apostrophe on each side of the quoted words (item 7).
"""
from __future__ import annotations

import pytest
from test_robustness import assert_linear, rep

import quotex

GOOD = "“We go on,” Bob Lee said. "


def _check_offsets(text: str, records: list[quotex.Quote]) -> None:
    for q in records:
        assert text[q.start:q.end].startswith(("“", "'", '"', "‘"))
        assert q.quote in text[q.start:q.end]


@pytest.mark.parametrize("strays", [
    "He wrote “first draft and “second draft. ",  # two openers of the quotations' own kind
    "He wrote ‘first draft and “second draft. ",  # one of each kind
    "He wrote “first draft. " * 40,  # more strays than the stack of open marks holds
    "He wrote “first ‘draft. " * 40,
])
def test_unbalanced_marks_do_not_swallow_later_quotations(strays: str) -> None:
    text = strays + GOOD * 5
    records = quotex.extract(text)
    assert [text[q.start:q.end] for q in records] == ["“We go on,”"] * 5
    assert {q.speaker for q in records} == {"Bob Lee"}
    _check_offsets(text, records)


def test_a_long_one_line_paragraph_keeps_every_quotation() -> None:
    # a whole document on one line, strays and all, repeated: each copy gives its quotations
    unit = "He wrote “a draft. " + GOOD * 3 + "She said ‘maybe. " + "“Fine,” Ann Roe said. "
    one = len(quotex.extract(unit))
    assert one == 4
    assert len(quotex.extract(unit * 200)) == 200 * one


@pytest.mark.parametrize("text,quotes", [
    ("He said, ''Walter kept Hugo waiting all day,'' Mr. Lee said.", ["Walter kept Hugo waiting all day,"]),
    ("''We will win,'' said Ann Roe. ''And soon.''", ["We will win,", "And soon."]),
    ("He wrote: ''It is over. We go home.''\n\nAnn left.", ["It is over. We go home."]),
    ("'We will win,' Ann Roe said.", ["We will win,"]),  # one apostrophe stays one mark
])
def test_doubled_apostrophes_are_one_mark(text: str, quotes: list[str]) -> None:
    records = quotex.extract(text)
    assert [q.quote for q in records] == quotes
    for q in records:
        outer = text[q.start:q.end]
        assert outer.startswith("'") and outer.endswith("'")
        assert q.quote == outer[2:-2] if outer.startswith("''") else q.quote == outer[1:-1]


def test_doubled_apostrophes_attribute_as_double_marks_do() -> None:
    doubled = quotex.extract("''We will win,'' Ann Roe said. ''Soon,'' she added.")
    double = quotex.extract('"We will win," Ann Roe said. "Soon," she added.')
    assert [(q.quote, q.speaker, q.rule) for q in doubled] == [(q.quote, q.speaker, q.rule) for q in double]


@pytest.mark.slow
@pytest.mark.parametrize("unit", [
    # a description checked against every name of its person ("the Florida senator")
    'Florida Sen. Marco Rubio spoke. "We go," the Florida senator said. Rubio left. ',
    # a sentence start read back over the whole text before each quotation
    'It rained.\n\n"We go," Ann Roe said. She left. "Now," she said. ',
])
def test_long_documents_cost_linear_time(unit: str) -> None:
    assert_linear(rep(unit), start=50_000)
