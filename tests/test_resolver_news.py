"""Helpers of the news rules in quotex.lang.en.shapes: phrases after a quote, -ing forms,
nouns that look like speech verbs, and the rule names they lead to."""
from __future__ import annotations

import pytest

import quotex
from quotex.lang.en.shapes import participle, phrase_then_name


@pytest.mark.parametrize("gap, gerunds, ok", [
    (" by the harbor board, the mayor and two other towns, ", False, True),
    (" in stark contrast to earlier seasons, ", False, True),
    (" from sharing the same ferry, ", False, False),  # a gerund: only for inverted cues
    (" from sharing the same ferry, ", True, True),
    (" when parties took over that role, ", True, False),  # a clause
    (" and then he left, ", True, False),
    (" by the harbor board", False, False),  # no comma before the name
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
    """'... to the new council if asked.' ends in a speech verb, but what stands
    before it is a clause, not a speaker phrase: the quote after it is not given to
    'his experience to the new council if'."""
    text = ('Endorsement\n\nFormer ambassador Paul Brandt stepped back from the strike committee by '
            'saying he would be glad to lend his experience to the new council if asked. '
            '"I will back him, and back him with all my heart."')
    [record] = quotex.extract(text)
    assert record.rule != "X-said-then-quote"
    assert record.speaker == "Paul Brandt"


# -- a subject cut off from its verb by a clause of its own (issue 13) ----------------------
@pytest.mark.parametrize("text, speaker", [
    ('Jones, who had spoken at the rally an hour earlier, shouted, "We are not done yet."', "Jones"),
    ('Ms. Alvarez, noting that turnout was low in Dayton, added: "We need more buses."', "Alvarez"),
    ('Pat Swanson, who is a pastor at a church in Elizabeth, Colorado, called the plan "reckless."',
     "Pat Swanson"),
    ('County delegate Mary Susan, clad in a cape that spelled the name Trump, said the meeting could be '
     'a "failure" if nobody came.', "Mary Susan"),
    ('Owen Pike, a spokesman for Mrs. Brandt, called on the mayor to resign and said she had '
     'sunk to a "new low."', "Owen Pike"),
    ('In Iowa, Tom Reyes, 45, said the county was "broke."', "Tom Reyes"),
    ('A clerk named Ada Brenner, a tall woman in a gray coat, muttered, "The line is too long."', "Ada Brenner"),
])
def test_subject_across_a_clause_set_off_by_commas(text: str, speaker: str) -> None:
    [q] = quotex.extract(text)
    assert q.speaker == speaker


@pytest.mark.parametrize("text, not_speaker", [
    # another subject stands between the set-off clause and the verb
    ('Sen. Ann Moss, the nominee in 2008, issued a statement after rival Tom Reyes told a crowd '
     'that the plan was "peanuts."', "Ann Moss"),
    # ", he said," is a cue of its own, not a clause about the word before it
    ('Nor, he said, did he write anything that might be "taken as a threat."', "Nor"),
])
def test_no_subject_across_another_clause(text: str, not_speaker: str) -> None:
    [q] = quotex.extract(text)
    assert q.speaker != not_speaker


# -- the quotation's sentence goes on, then ends in its own tag (rule quote-then-tag) -------
@pytest.mark.parametrize("text, speaker", [
    ('"He can say so, but it seems unlikely" that Reyes can catch Chu, said Ann Lee, a strategist for the party.',
     "Ann Lee"),
    ('"I think the evidence is strong" against the clerk, Zuckoff said on Monday.', "Zuckoff"),
    ('"Many would call that an embarrassment" if she lost by more than that, said Dana Wasser of the '
     'Cook Report in Alexandria, Va.', "Dana Wasser"),
    ('Reyes "has a right to contest every primary," just as Chu did in 2008, Tom Bell added.', "Tom Bell"),
])
def test_tag_closing_the_quotations_sentence(text: str, speaker: str) -> None:
    [q] = quotex.extract(text)
    assert q.speaker == speaker


@pytest.mark.parametrize("text", [
    # the quotation closed its sentence: the next sentence's tag is not its own
    'The mayor spoke. "We won the county." He left, Tom Bell said.',
    # a speech verb used as a noun ends no tag
    'A friend called him "the kindest soul I have met" in a Facebook post.',
])
def test_no_sentence_tag(text: str) -> None:
    assert all(q.rule != "quote-then-tag" for q in quotex.extract(text))
