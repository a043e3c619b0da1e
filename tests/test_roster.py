"""The roster of a story's characters: dialogue tags of older fiction name their speaker,
places and junk words are no speakers, one person keeps one name. Sentences written for
these tests."""
from __future__ import annotations

import pytest

import quotex
from quotex.lang.en.lexicon import load
from quotex.mentions import roster
from quotex.mentions.cast import Cast


@pytest.mark.parametrize("verb", ["assented", "echoed", "ejaculated", "whimpered", "blustered", "entreated",
                                  "queried", "shrieked", "snorted", "bellowed", "asseverated", "corroborated"])
def test_dialogue_tag_verbs_of_older_fiction_name_the_speaker(verb: str) -> None:
    text = (f'Anne Lowry looked up from her book.\n\n"It is very late," {verb} Mrs. Tabb. '
            '"We must go at once."\n\n"Yes," said Anne.')
    first = quotex.extract(text)[0]
    assert first.speaker == "Tabb"
    assert first.cue == verb


def test_a_noun_form_of_those_verbs_is_no_cue() -> None:
    text = 'He spoke with bluster. "I shall win," said Tom Ord.'
    assert quotex.extract(text)[0].speaker == "Tom Ord"


def _cast(text: str) -> Cast:
    return Cast(text)


@pytest.mark.parametrize("text, place", [
    ("They drove out to Ashby Cottage after lunch. Ashby Cottage was small.", "Ashby Cottage"),
    ("Her aunt lived in Elm Avenue, near Tolley Square.", "Elm Avenue"),
    ("Bo Park said nothing. They drove to Brackley Park.", "Brackley Park"),
    ("The party walked to Brackley Park and back.", "Brackley Park"),
])
def test_a_name_ending_in_a_place_word_is_no_person(text: str, place: str) -> None:
    cast = _cast(text)
    roster.mark_places(cast, load())
    ent = next(e for e in cast.entities if e.canonical == place)
    assert not ent.person


@pytest.mark.parametrize("text, name", [
    ("Mr. Cottage came in and sat down.", "Cottage"),
    ("Mary Park laughed at him.", "Mary Park"),
    ("Lady Ashby Lodge smiled. They went to see Lady Ashby Lodge.", "Ashby Lodge"),
    ("Bo Park said nothing. They drove to Brackley Park.", "Bo Park"),
    ("Bo Park came from Seoul.", "Bo Park"),
])
def test_an_honorific_or_a_first_name_keeps_a_person(text: str, name: str) -> None:
    cast = _cast(text)
    roster.mark_places(cast, load())
    ent = next(e for e in cast.entities if e.canonical == name)
    assert ent.person


@pytest.mark.parametrize("text, place", [
    ("They met at Austin. Life in Austin was slow, and at Austin nobody hurried. Hugo left Austin.", "Austin"),
    ("She had lived in Winifred as a girl. Winifred had a fair; at Winifred she was happy; "
     "she went into Winifred on Sundays.", "Winifred"),
])
def test_a_name_the_text_uses_as_a_place_is_no_person(text: str, place: str) -> None:
    cast = _cast(text)
    ent = next(e for e in cast.entities if e.canonical == place)
    assert ent.person  # a first name: a person, until the roster reads how the text uses it
    roster.mark_places(cast, load())
    assert not ent.person


@pytest.mark.parametrize("text, name", [
    # a person looked at and met with, but who speaks
    ("Hugo looked at Winifred. He smiled at Winifred. Winifred said nothing. In Winifred he saw fear.", "Winifred"),
    # too few uses to tell
    ("They met at Austin and again at Austin.", "Austin"),
    # an honorific makes a person, wherever the name stands
    ("We dined at Mrs. Ostley's. We sat in Mrs. Ostley's parlour, at Mrs. Ostley's table.", "Ostley"),
])
def test_a_person_the_text_puts_after_at_or_in_stays_a_person(text: str, name: str) -> None:
    cast = _cast(text)
    roster.mark_places(cast, load())
    ent = next(e for e in cast.entities if e.canonical.endswith(name))
    assert ent.person


def test_a_town_named_like_a_person_takes_no_she_of_a_dialogue_tag() -> None:
    text = ('Nell had come to Winifred in May. At Winifred the days were long; in Winifred nobody knew her; '
            'at Winifred she was free.\n\nWinifred was quiet that evening.\n\n"I shall stay," she said.')
    assert [q.speaker for q in quotex.extract(text)] == ["Nell"]


@pytest.mark.parametrize("opener", ["Impulsively", "Suddenly", "Quietly"])
def test_a_word_opening_the_sentence_before_i_is_no_name(opener: str) -> None:
    text = (f'Rosa turned away from the window.\n\n{opener} I crossed the room.\n\n'
            '"Rosa," I said, "stay."\n\n"Why should I?" she said.')
    cast = _cast(text)
    assert not any(e.canonical.endswith(" I") or e.canonical == opener for e in cast.entities)
    assert [q.speaker for q in quotex.extract(text)] == ["Narrator", "Narrator", "Rosa"]


@pytest.mark.parametrize("text", [
    # the one name of the sentence before is a house
    'They walked home to Ashby Cottage.\n\nAshby Cottage stood at the end of the lane, under two old elms.'
    '\n\n"I have seen it," said he.',
    # the name nearest the "he" is a house
    'The Pellows had come to Ashby Cottage in the spring. Major Hollis rode over.\n\n"It is late," said Agnes.'
    '\n\nAshby Cottage was dark when he left it.\n\n"Good night," said he.',
])
def test_a_he_of_a_dialogue_tag_never_stands_for_a_place(text: str) -> None:
    speakers = {q.speaker for q in quotex.extract(text)}
    assert "Ashby Cottage" not in speakers


CONVERSATION = ('Tom Ashe walked down to the mill with Ralph. There they met Mrs. Cobb.\n\n'
                '"Good morning, sir," said the latter, "you are early."\n\n'
                '"Not at all," said Tom.\n\n'
                'Ralph looked pale. "I must go home," said Ralph to Edith.\n\n'
                '"You cannot," cried the other.')


@pytest.mark.parametrize("quote, speaker", [
    ("Good morning, sir,", "Cobb"),  # the latter: the last of the people just named
    ("You cannot,", "Edith"),  # the other: the other party of the turn before
])
def test_the_latter_and_the_other_are_people_of_the_scene(quote: str, speaker: str) -> None:
    found = {q.quote: q.speaker for q in quotex.extract(CONVERSATION)}
    assert found[quote] == speaker


def test_the_former_is_the_first_of_the_two() -> None:
    text = ('Anne Fenwick and Mr. Pell came in from the garden.\n\n"It is cold," said the former.')
    assert quotex.extract(text)[0].speaker == "Anne Fenwick"


def test_the_latter_needs_two_people() -> None:
    text = 'Mr. Pell came in from the garden.\n\n"It is cold," said the latter.'
    assert quotex.extract(text)[0].speaker != "Pell"


@pytest.mark.parametrize("text, speaker", [
    ('Mary Lisle stood by the window, and Mr. Dunn looked at her.\n\n"I was not," said the girl.', "Mary Lisle"),
    ('Anne Vole watched Tom Reed cross the yard.\n\n"It is done," said the lad.', "Tom Reed"),
])
def test_the_girl_is_the_one_girl_of_the_scene(text: str, speaker: str) -> None:
    assert quotex.extract(text)[0].speaker == speaker


def test_the_girl_stays_a_description_when_two_girls_are_there() -> None:
    text = 'Mary Lisle and Anne Vole stood by the window.\n\n"I was not," said the girl.'
    assert quotex.extract(text)[0].speaker not in ("Mary Lisle", "Anne Vole")


def test_a_name_of_no_known_gender_is_the_girl_only_once_it_has_spoken() -> None:
    text = ('Mr. Dunn walked past Stonebury Hollins and the old mill.\n\n'
            '"I was not there," said the girl.')
    assert quotex.extract(text)[0].speaker != "Stonebury Hollins"


@pytest.mark.parametrize("tag, speaker", [
    ("returned Mrs. Tabb", "Tabb"),
    ("thought Anne Lowry", "Anne Lowry"),
    ("returned the stranger", "the stranger"),
    ("gasped Mrs. Tabb", "Tabb"),
    ("pursued Anne Lowry", "Anne Lowry"),
    ("called Mrs. Tabb", "Tabb"),
])
def test_returned_and_thought_are_cues_right_after_a_quote(tag: str, speaker: str) -> None:
    text = f'Mr. Dunn looked at the fire.\n\n"Such a day," {tag}. "It will rain."'
    first = quotex.extract(text)[0]
    assert first.speaker == speaker
    assert first.cue == tag.split()[0]


@pytest.mark.parametrize("text", [
    'Mr. Dunn returned to the stage. "We will win," the crowd heard.',
    '"We will win," returned she.',
])
def test_returned_elsewhere_is_no_cue(text: str) -> None:
    assert all(q.cue != "returned" for q in quotex.extract(text))


@pytest.mark.parametrize("tag, speaker", [
    ("was Anne Lowry's calm answer", "Anne Lowry"),
    ("was Mr. Dunn's next observation", "Dunn"),
    ("was all Mrs. Tabb's reply", "Tabb"),
])
def test_a_names_noun_of_speech_after_a_quote_names_the_speaker(tag: str, speaker: str) -> None:
    text = f'Mr. Dunn looked at Anne Lowry.\n\n"Not at all," {tag}. "It is fine."'
    first = quotex.extract(text)[0]
    assert first.speaker == speaker


def test_a_names_other_noun_is_no_tag() -> None:
    text = 'Mr. Dunn looked at Anne Lowry.\n\n"Not at all," was Anne Lowry\'s old coat.'
    assert quotex.extract(text)[0].cue is None
