"""A name inside an apposition is not the speaker: "Ann Lee, a fellow at the Cato Institute,
said" is Ann Lee's (issue 13: news subjects separated from their verb)."""
from __future__ import annotations

import pytest

import quotex


@pytest.mark.parametrize("text, speaker", [
    ('"We are done waiting," Tobin R. Quallis II, a writer for The Ledger, said on Friday.', "Tobin R. Quallis II"),
    ('Pim Okoye, a onetime driver for Mayor Ada Blake now describes in a memoir the '
     '"volcanic" moods of her chief of staff.', "Pim Okoye"),
    ('As Lionel Ferrante, an accountant and visiting scholar at the Lindqvist Center, put it, '
     '"Who pays the bill?"', "Lionel Ferrante"),
])
def test_person_described_by_the_apposition_speaks(text: str, speaker: str) -> None:
    [q] = quotex.extract(text)
    assert q.speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # the name after the comma is the subject itself, not the object of an apposition
    ('In a letter to Ada Blake, Senator Tom Ruiz said the bill was "a mess".', "Tom Ruiz"),
    # the organisation speaks: no person is described
    ('"We will appeal," the Harwick Policy Institute said.', "Harwick Policy Institute"),
])
def test_names_outside_an_apposition_keep_their_place(text: str, speaker: str) -> None:
    [q] = quotex.extract(text)
    assert q.speaker == speaker


# -- the name right before the verb is its subject, not the first name of the sentence --------
@pytest.mark.parametrize("text, speaker", [
    ('Ten minutes after Dale Pruitt was named, campaign chairman Oren Whitlock called the pick '
     '"the worst choice in a generation."', "Oren Whitlock"),
    ('Halvorsen priced the stake at $2 billion, which Oren Whitlock called "an insult."', "Oren Whitlock"),
])
def test_the_verbs_own_subject_speaks(text: str, speaker: str) -> None:
    [q] = quotex.extract(text)
    assert q.speaker == speaker


# -- a tag whose name is set apart from its verb ------------------------------------------------
@pytest.mark.parametrize("text, speaker", [
    ('"Building one would be a stretch for them," Oren Whitlock of the Halvorsen Center for Arms '
     'Studies wrote in December.', "Oren Whitlock"),
    ('"The count needs a new method," Ines Varga, the pollster who founded a survey firm in 2009 '
     'tweeted on Wednesday.', "Ines Varga"),
    ('"The fuel would allow a larger yield," weapons experts Dale Pruitt and Ines Varga of the '
     'Halvorsen Center wrote in a report.', "Dale Pruitt"),
])
def test_tag_after_an_aside(text: str, speaker: str) -> None:
    [q] = quotex.extract(text)
    assert q.speaker == speaker and q.rule == "quote-X-aside-said"


def test_no_tag_no_aside_rule() -> None:
    text = '"We will see," in a statement that Oren Whitlock of the Halvorsen Center later withdrew.'
    assert all(q.rule != "quote-X-aside-said" for q in quotex.extract(text, terms=True))


# -- "As X put it" ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, speaker", [
    ('Few expect a vote. As Ines Varga, professor of law at Halvorsen and author of "The Quiet Court," '
     'put it, "The seat will stay empty."', "Ines Varga"),
    ('Few expect a vote. As Dale Pruitt, the No. 2 in the caucus, put it: "This nominee will not be heard."',
     "Dale Pruitt"),
    ('But at the time, as chief prosecutor Oren Whitlock put it, "nothing marked him out."', "Oren Whitlock"),
])
def test_as_x_put_it(text: str, speaker: str) -> None:
    q = [q for q in quotex.extract(text) if q.rule == "as-X-put-it"]
    assert len(q) == 1 and q[0].speaker == speaker


def test_as_x_said_after_the_quote() -> None:
    text = 'Still, the contest "could go either way this fall," as Oren Whitlock said on a podcast on Monday.'
    [q] = quotex.extract(text)
    assert q.speaker == "Oren Whitlock" and q.rule == "quote-X-said"


def test_description_right_before_the_verb() -> None:
    text = 'The plan led to a long debate; one lawmaker called the mayor "a prince of self-publicity."'
    [q] = quotex.extract(text)
    assert q.speaker == "one lawmaker"


# -- a subordinate clause opening the sentence has its own subject -------------------------------
@pytest.mark.parametrize("text, speaker", [
    ('When Dale Pruitt died in 1998, Governor Ines Varga released the following statement:\n\n'
     '"We offer our condolences to the family."', "Ines Varga"),
    ('When asked whom she supported, Ms. Varga smiled and said, "I am waiting for a third candidate."',
     "Varga"),
])
def test_the_main_clause_subject_speaks(text: str, speaker: str) -> None:
    [q] = quotex.extract(text)
    assert q.speaker is not None and speaker in q.speaker


def test_the_last_clause_before_a_colon_introduces_the_quote() -> None:
    text = ('The Halvorsen Network moderators gave in to the temptation of snark — Ines Varga called them on it:\n\n'
            '"The questions asked tonight show why people do not trust the press."')
    [q] = quotex.extract(text)
    assert q.speaker == "Ines Varga"


def test_the_host_named_before_may_be_a_woman() -> None:
    # "host" marks no gender (news: anchors and talk-show hosts of either sex)
    text = 'Host Ann Lee opened the show on Monday.\n\n"Welcome back," the host said. "We have a big night."'
    assert [q.speaker for q in quotex.extract(text)] == ["Ann Lee", "Ann Lee"]
