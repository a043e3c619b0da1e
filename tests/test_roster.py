"""The roster of a story's characters: dialogue tags of older fiction name their speaker,
places and junk words are no speakers, one person keeps one name. Sentences written for
these tests."""
from __future__ import annotations

import pytest

import quotex


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
