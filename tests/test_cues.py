"""The cue finder (quotex/lang/en/cues.py) and the capitalized runs names are read from (quotex/mentions/names.py).

Both replaced big regular expressions with a small pattern plus set lookups
(for speed); these tests pin the behaviour the patterns had.
"""
from __future__ import annotations

import pytest

import quotex
from quotex.lang.en.cues import cues


def verbs(text: str, **kw: bool) -> list[str]:
    return [text[s:e] for s, e in cues().verbs(text, 0, len(text), **kw)]


@pytest.mark.parametrize(("text", "found"), [
    ("Putin said on Tuesday", ["said"]),
    ("she pointed out that it told", ["pointed out", "told"]),  # a two-word form is one verb
    ("he pointed  \n out", ["pointed  \n out"]),  # any blanks between its words
    ("Said the man", []),  # case matters: a capitalized form opens a sentence, it is no cue here
    ("the report and his reply", []),  # after a determiner a verb form is a noun
    ("unsaid, saidx, said-so", []),  # whole words only
    ("re-said it", ["said"]),
])
def test_speech_verbs_are_whole_lower_case_words(text: str, found: list[str]) -> None:
    assert verbs(text) == found


def test_fragment_verbs_add_their_own_and_keep_nouns_but_not_after_a_hyphen() -> None:
    text = "the so-called reform she called a reply"
    assert verbs(text) == []
    assert verbs(text, fragment=True, nouns=True) == ["called", "reply"]


def test_window_bounds_are_respected() -> None:
    text = "said it, then said it again"
    assert cues().verbs(text, 5, len(text)) == [(14, 18)]


def test_post_normal_takes_the_first_verb_that_closes_a_speaker_phrase() -> None:
    text = '"We won," Jane Smith, the mayor, also said on Tuesday.'
    m = cues().post_normal(text, 9, len(text))
    assert m is not None
    assert text[m.np_start:m.np_end] == "Jane Smith, the mayor"
    assert m.verb == "said"


def test_post_inverted_needs_the_verb_right_after_the_quote() -> None:
    text = '"We won," said Jane Smith, the mayor.'
    m = cues().post_inverted(text, 9, len(text))
    assert m is not None and m.verb == "said"
    assert text[m.np_start:m.np_end] == "Jane Smith, the mayor"
    assert cues().post_inverted('"We won," she said.', 9, 19) is None


def test_pre_tail_takes_the_verb_nearest_the_quote() -> None:
    text = 'Smith said she agreed, adding that '
    m = cues().pre_tail(text, 0, len(text))
    assert m is not None and m.verb == "adding"


def test_pre_sentence_needs_the_sentence_to_end_a_few_words_after_the_verb() -> None:
    assert cues().pre_sentence("Schiff said. ", 0, 13) is not None
    assert cues().pre_sentence("Schiff said the vote was long and hard. ", 0, 40) is None


@pytest.mark.parametrize(("text", "name"), [
    ('They met Ursula von der Leyen today. "We agree," said Ursula von der Leyen.', "Ursula von der Leyen"),
    ('"We agree," said von der Leyen, who spoke first.', "von der Leyen"),  # particles opening a name belong to it
    ('In Damascus, al-Assad said: "We agree."', "al-Assad"),
    ('The anti-Trump National Review wrote: "We agree."', "National Review"),  # no name starts inside a word
    ('"We agree," said a Camden Smith.', "Camden Smith"),  # 'den' ends a word here, it is no particle
])
def test_capitalized_runs_and_their_particles(text: str, name: str) -> None:
    [q] = quotex.extract(text)
    assert (q.speaker, q.mention) == (name, name)
    assert q.mention_start is not None and text[q.mention_start:q.mention_end] == name


def test_a_long_hyphenated_run_is_linear() -> None:
    text = "-Aa" * 20_000 + ' Bb said: "We agree."'
    [q] = quotex.extract(text)
    assert (q.speaker, q.mention) == ("Bb", "Bb")
