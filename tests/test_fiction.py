"""Fiction: the pieces the dialogue rules rest on (genre signal, vocatives, couples,
namesakes, role words), one by one. Whole passages are in fixtures/golden/regressions-fiction.json."""
from __future__ import annotations

import pytest

import quotex
from quotex.attribution.dialogue import characters, turns
from quotex.lang.en.language import ENGLISH
from quotex.lang.en.lexicon import load
from quotex.mentions.cast import Cast
from quotex.attribution.resolver import Document
from quotex.mentions.phrases import Mention
from quotex.text.tokenizer import scan


def _doc(text: str) -> Document:
    spans, paragraphs = scan(text)
    return Document(text, spans, paragraphs, ENGLISH)


DIALOGUE = ('"Where were you?" asked Edith Lane.\n\n"In the garden," said Robert.\n\n'
            '"All afternoon?"\n\n"Yes."\n\n"Then you missed tea."')
NEWS = ('"We will win," Jane Smith said on Tuesday at a rally in Ohio, where she spoke for an hour '
        'about jobs, trade and the plans of her campaign for the coming months of the race.\n\n'
        '"We always do," she added, to cheers from a crowd of some two thousand supporters who had '
        'waited for hours in the rain outside the hall to see her speak.')


def test_written_as_dialogue_needs_exchanges_of_short_turns() -> None:
    assert turns.written_as_dialogue(_doc(DIALOGUE))
    assert not turns.written_as_dialogue(_doc(NEWS))


@pytest.mark.parametrize("quote,called", [
    ('"Jane, I don\'t like questions."', ["Jane"]),
    ('"Hulloa, Emma!"', ["Emma"]),
    ('"Yes, Beatrice."', ["Beatrice"]),
    ('"My dear Mr. Bennet, have you heard?"', ["Bennet"]),
    ('"Bingley."', []),                             # an answer naming someone
    ('"Dorian Gray? Is that his name?"', []),       # a question about someone
])
def test_called_is_the_person_addressed(quote: str, called: list[str]) -> None:
    doc = _doc(quote)
    names = [doc.cast.entities[e].forms[-1][-1] for e in characters.called(doc, doc.spans[0])]
    assert names == called


def test_namesakes_keep_their_honorific() -> None:
    cast = Cast("Mr. Bennet came in. Mrs. Bennet did not look up. Mr. Pett sat down.")
    assert sorted(e.canonical for e in cast.entities) == ["Mr. Bennet", "Mrs. Bennet", "Pett"]


def test_kinship_is_the_member_of_the_couple_last_named() -> None:
    text = 'Mr. Harlow came home. Mrs. Harlow was waiting.\n\n"You are late," said his wife.'
    doc = _doc(text)
    start = text.index("his wife")
    ent = characters.kin(doc, Mention(start, start + 8, "his wife", "description"))
    assert ent is not None and doc.cast.entities[ent].canonical == "Mrs. Harlow"
    start = text.index("Mr.")
    assert characters.kin(doc, Mention(start, start + 3, "the son", "description")) is None  # not a couple word


def test_role_synonyms_let_a_description_find_a_titled_name() -> None:
    text = 'Parson Tringham rode up.\n\n"Good night," said the clergyman.'
    assert quotex.extract(text)[0].speaker == "Tringham"


def test_lexicons_of_fiction_load() -> None:
    lex = load()
    assert lex.person_nouns["mother"] == "f" and lex.person_nouns["doctor"] == "-"
    assert lex.kinship["wife"] == "f"
    assert "parson" in lex.role_synonyms["clergyman"]



def test_same_voice_compares_the_words_of_names() -> None:
    from quotex.attribution.dialogue.turns import same_voice
    assert same_voice("Carl", "Carl Linstrum")
    assert not same_voice("Mr. Bennet", "Mrs. Bennet")
    assert not same_voice("Carl", None)


def test_a_title_elided_in_dialect_is_not_part_of_the_name() -> None:
    cast = Cast("\"Will you have a quart of beer, Pa'son Tringham?\" Beatrice O'Hara and Sanders' aide came.")
    forms = {e.canonical for e in cast.entities}
    assert "Tringham" in forms and "Beatrice O'Hara" in forms and "Pa'son Tringham" not in forms


def test_compass_saint_is_a_place() -> None:
    cast = Cast("They walked through the South St. Paul stockyards with Stewart Snyder.")
    assert {e.canonical for e in cast.entities if e.person} == {"Stewart Snyder"}
