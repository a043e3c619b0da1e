"""Helpers of the news rules in quotex.lang.en.shapes: phrases after a quote, -ing forms,
nouns that look like speech verbs, and the rule names they lead to."""
from __future__ import annotations

import pytest

import quotex
from quotex.lang.en.shapes import participle, phrase_then_name


@pytest.mark.parametrize("gap, gerunds, ok", [
    (" by the United States, NATO and other partners, ", False, True),
    (" in sharp contrast to previous years, ", False, True),
    (" from attending the same mosque, ", False, False),  # a gerund: only for inverted cues
    (" from attending the same mosque, ", True, True),
    (" when campaigns took on that function, ", True, False),  # a clause
    (" and then he left, ", True, False),
    (" by the United States", False, False),  # no comma before the name
    (" " + "word " * 20 + ", ", False, False),  # too long
])
def test_phrase_then_name(gap: str, gerunds: bool, ok: bool) -> None:
    assert phrase_then_name(gap, gerunds=gerunds) is ok


def test_participle() -> None:
    assert participle("saying") and participle("Telling")
    assert not participle("said") and not participle("sing ")


@pytest.mark.parametrize("text, speaker, rule", [
    ('Harlow: "We will fix it."\n\nGovernor Ann Harlow spoke on Monday at length about the roads and '
     'the bridges of the state.', None,
     "headline"),
    ('"We lost," said Clinton ally James Carlton.', "James Carlton", "quote-said-X"),
    ('"We lost" in the second round, says Evan Tracy, a consultant.', "Evan Tracy", "quote-said-X"),
    ('Contrast that with Ron Tramp, who has called the pact "insanity," and others.', "Ron Tramp",
     "subject-verb-fragment"),
])
def test_news_rules(text: str, speaker: str | None, rule: str) -> None:
    records = quotex.explain(text, terms=True)
    assert records, text
    quote, _ = records[0]
    assert (quote.speaker, quote.rule) == (speaker, rule)


def test_noun_uses_of_speech_verbs_are_no_cue() -> None:
    text = 'Spokeswoman Kate Frazer said that Rubio\'s claim that the senator "never voted for it" was false.'
    (quote, why), = quotex.explain(text)
    assert quote.speaker == "Kate Frazer"
    assert quote.cue != "claim"


def test_said_before_needs_a_speaker_phrase() -> None:
    """'... to the next administration if asked.' ends in a speech verb, but what stands
    before it is a clause, not a speaker phrase: the quote after it is not given to
    'his expertise to the next administration if'."""
    text = ('Endorsement\n\nFormer ambassador Paul Brandt distanced himself from the protest movement by '
            'saying he would be willing to bring his expertise to the next administration if asked. '
            '"I am going to support him, and support him enthusiastically."')
    [record] = quotex.extract(text)
    assert record.rule != "X-said-then-quote"
    assert record.speaker == "Paul Brandt"
