"""Titles and fragments in news copy (issue 13): a work's title in marks is a term, and a
fragment after a form of "be" is given to the clause's subject with less confidence."""
from __future__ import annotations

import pytest

import quotex


def _one(text: str, fragment: str) -> quotex.Quote:
    found = [q for q in quotex.extract(text, terms=True) if q.quote.rstrip(",.") == fragment]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, title", [
    ('Nora Vance says that her favorite film is "Casablanca" and she sees it yearly.', "Casablanca"),
    ('Ben Okafor wrote in his 2009 memoir, "Salt and Iron," that he never meant to run.', "Salt and Iron"),
    ('The senator, Ruth Adler, told the radio show "Morning Ledger" that she would vote no.', "Morning Ledger"),
    ('Its first ad, "Keep the Lights On," shows a farmer at dusk.', "Keep the Lights On"),
    ('Ruth Adler said on NBC\'s "Evenings with Carla Mendez" that she would vote no.', "Evenings with Carla Mendez"),
    ('Ruth Adler is now host of "The Late Hour with Sam Pike."', "The Late Hour with Sam Pike"),
])
def test_title_after_a_work_noun_is_a_term(text: str, title: str) -> None:
    q = _one(text, title)
    assert q.kind == "term" and q.confidence == 0.0  # no quotation: not "by the subject at 0.89"
    assert title not in [q.quote.rstrip(",.") for q in quotex.extract(text)]


def test_speech_after_a_work_noun_is_not_a_title() -> None:
    # not in title case: words quoted from the book, given to its author
    q = _one('In her memoir, Ana Ruiz wrote that the mill was "a place of quiet ruin".',
             "a place of quiet ruin")
    assert q.kind == "mixed" and q.speaker == "Ana Ruiz"


@pytest.mark.parametrize("text, fragment", [
    ('Maria Lopez believes that the plans are "reckless" and wants a vote.', "reckless"),
    ('Hal Brenner said the deal was "a gift to the banks" and left.', "a gift to the banks"),
])
def test_fragment_after_be_is_hedged(text: str, fragment: str) -> None:
    q = _one(text, fragment)
    assert q.kind in ("mixed", "term")
    assert q.kind == "term" or q.confidence < 0.9


def test_tag_after_the_fragment_keeps_its_confidence() -> None:
    q = _one('The new levee is "built to last," Hal Brenner said on Monday.', "built to last")
    assert q.speaker == "Hal Brenner" and q.confidence >= 0.9


def test_fragment_of_a_cue_verb_keeps_its_confidence() -> None:
    q = _one('Maria Lopez called the plans "reckless" on Monday.', "reckless")
    assert q.speaker == "Maria Lopez" and q.confidence == pytest.approx(0.89)


# -- a fragment in a sentence whose subject opens it, whatever the verb ---------------------
@pytest.mark.parametrize("text, fragment, speaker", [
    ('In March, Gov. Ada Blake of Vermont praised the mill owners for helping build "a fairer town." '
     'The mill reopened.', "a fairer town.", "Ada Blake"),
    ('Tobin Quallis further summed up the plan as "hopeless," and left the hall.', "hopeless,", "Tobin Quallis"),
    ('The Republican nominee also outlined his plan and vowed to punish "those who leak secrets."',
     "those who leak secrets.", "the Republican nominee"),
])
def test_sentence_subject_owns_the_fragment(text: str, fragment: str, speaker: str) -> None:
    q = _one(text, fragment.rstrip(",."))
    assert q.speaker == speaker and q.rule == "sentence-subject" and q.confidence < 0.9


@pytest.mark.parametrize("text", [
    'Supporters of the mayor chanted "four more years" in the square.',  # no name or role opens it
    'Tobin Quallis said it was fine. Later the crowd booed when the band played "Old Glory".',
])
def test_no_opening_subject_no_sentence_subject(text: str) -> None:
    assert all(q.rule != "sentence-subject" for q in quotex.extract(text, terms=True))


def test_a_chant_with_a_small_word_is_no_title() -> None:
    q = _one('Her supporters answered with chants of "I\'m with her" until she spoke.', "I'm with her")
    assert q.kind != "term"
