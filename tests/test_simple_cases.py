"""The simplest cases, which must never fail: one class of shape per test, each
written from sentences of our own (issue 13, "the simplest cases must never fail")."""
from __future__ import annotations

import pytest

import quotex


def _speech(text: str) -> list[quotex.Quote]:
    return quotex.extract(text)


# -- a pronoun whose only antecedent is the one name of the sentence before -------------
@pytest.mark.parametrize("text, name", [
    ('Quandry gave a speech at the depot. "We will rebuild the bridge," she said.', "Quandry"),
    ('Okonjo came home late.\n\nHe said: "The meeting ran long."', "Okonjo"),
    ('Tavish Belrose spoke after the vote. "This is a good day," he said.', "Tavish Belrose"),
])
def test_pronoun_takes_the_one_name_before(text: str, name: str) -> None:
    [q] = _speech(text)
    assert q.speaker == name
    assert q.confidence > 0.5


@pytest.mark.parametrize("text", [
    # two people before: the pronoun could be either
    'Quandry met Okonjo at the depot. "We will rebuild the bridge," she said.',
    # a he/she already stands between: the pronoun may be that person's
    'Quandry gave his speech at the depot. "We will rebuild the bridge," she said.',
])
def test_pronoun_with_no_lone_name_stays_unresolved(text: str) -> None:
    [q] = _speech(text)
    assert q.speaker is None and q.confidence == 0.0


# -- two speakers joined by "and" after a post-posed verb -----------------------------------
@pytest.mark.parametrize("text", [
    '"We are ready for the season," answered Ann Lee and Bo Park.',
    '"We are ready for the season," said Ann Lee and Bo Park in a statement.',
    '"We are ready for the season," Ann Lee and Bo Park said.',
])
def test_two_speakers_joined_by_and(text: str) -> None:
    [q] = _speech(text)
    assert q.speaker == "Ann Lee and Bo Park"
    assert q.confidence >= 0.85


def test_one_person_with_two_offices_is_not_two_speakers() -> None:
    text = '"We won the county," said former Ohio Gov. and party chairman Dale Pruitt.'
    [q] = _speech(text)
    assert q.speaker is None or " and " not in q.speaker  # never "Ohio Gov. and Dale Pruitt"


# -- a quoted fragment inside the speaker's own clause is not a direct quotation -----------
@pytest.mark.parametrize("text, fragment", [
    ('Tom Reyes says that his favorite film is "Casablanca".', "Casablanca"),
    ('Lisa Chu believes that the plans are "dangerous".', "dangerous"),
    ('The mayor called the budget "a disgrace" on Tuesday.', "a disgrace"),
])
def test_fragment_in_the_speakers_clause_is_mixed(text: str, fragment: str) -> None:
    found = [q for q in quotex.extract(text, terms=True) if q.quote == fragment]
    assert len(found) == 1 and found[0].kind in ("mixed", "term")


@pytest.mark.parametrize("text", [
    'Lisa Chu said, "The plans are dangerous."',
    '"The plans are dangerous," Lisa Chu said.',
    'Lisa Chu said: "The plans are dangerous."',
])
def test_whole_statement_stays_direct(text: str) -> None:
    [q] = _speech(text)
    assert q.kind == "direct" and q.speaker == "Lisa Chu"


# -- a quotation opened with ' and closed with " ------------------------------------------
def test_single_then_double_mark_is_one_quotation() -> None:
    text = "'We have to leave now,\" said Tom Reyes. He walked out."
    [q] = _speech(text)
    assert text[q.start:q.end] == "'We have to leave now,\""
    assert q.quote == "We have to leave now,"
    assert q.speaker == "Tom Reyes"


def test_double_mark_still_closes_its_own_opener_over_a_stray_single() -> None:
    text = "\"He told me 'leave now,\" she said."
    [q] = _speech(text)
    assert text[q.start:q.end] == "\"He told me 'leave now,\""
