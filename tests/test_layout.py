"""Headline, byline and dateline detection (quotex.text.layout)."""
from __future__ import annotations

from quotex.text.layout import layout

BODY = "\n\n" + "The council met on Tuesday and voted on the budget for next year. " * 4


def test_headline_is_the_short_first_paragraph() -> None:
    text = "Harlow: 'We will fix the bridges.'" + BODY
    page = layout(text)
    assert page.headline_end == text.index("\n")
    assert page.in_headline(0) and not page.in_headline(page.headline_end + 2)


def test_headline_with_a_deck_line() -> None:
    text = "Jobs report gives Democrats a lift; \nSolid upturn could blunt Republican claims." + BODY
    assert layout(text).headline_end == text.index("\n\n")


def test_no_headline_in_one_paragraph_or_long_first_paragraph() -> None:
    assert layout("Just one paragraph, with \"a quote,\" she said.").headline_end == 0
    long_first = "word " * 80 + BODY
    assert layout(long_first).headline_end == 0


def test_a_quotation_alone_is_dialogue_not_headline() -> None:
    assert layout("\"Tom!\"" + BODY).headline_end == 0
    assert layout("Chapter one ended with this:" + BODY).headline_end == 0


def test_byline_and_dateline_are_furniture() -> None:
    text = "Storm closes schools.\n\nBy Maria Lopez and Jo Park\n\nNASHUA, N.H. - Schools closed." + BODY
    page = layout(text)
    assert page.furniture(text.index("Maria"))
    assert page.furniture(text.index("Jo Park"))
    assert page.furniture(text.index("NASHUA"))
    assert not page.furniture(text.index("Schools closed"))
    assert not page.furniture(text.index("council"))


def test_wire_dateline() -> None:
    text = "Campaign shifts staff.\n\nDALLAS (AP) — Martin Lowe is moving staff to Iowa." + BODY
    page = layout(text)
    assert page.furniture(text.index("DALLAS"))
    assert not page.furniture(text.index("Martin"))


def test_a_sentence_starting_with_by_is_no_byline() -> None:
    text = "Taxes rise.\n\nBy the end of the year, taxes will rise for most families in the state." + BODY
    assert not layout(text).furniture(text.index("the end"))
