"""The attribution rules one by one: which rule fires, who it names, what it explains."""
from __future__ import annotations

import subprocess
import sys

import pytest

import quotex
from quotex import Quote

# (text, index of the quote, speaker, cue, rule)
RULES = [
    ('"We will win," Jane Smith said.', 0, "Jane Smith", "said", "quote-X-said"),
    ('"We will win," said Jane Smith.', 0, "Jane Smith", "said", "quote-said-X"),
    ('Jane Smith said: "We will win."', 0, "Jane Smith", "said", "X-said-colon-quote"),
    ('Jane Smith said that "we will win."', 0, "Jane Smith", "said", "X-said-quote"),
    ('"We will win," according to Jane Smith.', 0, "Jane Smith", "according to", "according-to-X"),
    ('"We will win." — Jane Smith', 0, "Jane Smith", None, "quote-dash-X"),
    ('"I just love it," glowed Jane Smith.', 0, "Jane Smith", "glowed", "quote-verbed-X"),
    ('"Well," Jane Smith smiled.', 0, "Jane Smith", "smiled", "quote-X-verbed"),
    ('Jane Smith was blunt: "We will win."', 0, "Jane Smith", None, "X-colon-quote"),
    ('Jane Smith described the talks as "very productive."', 0, "Jane Smith", "described", "X-said-quote"),
    ('Jane Smith called the talks "very productive."', 0, "Jane Smith", "called", "subject-verb-fragment"),
    # the cue sentence between two quotes of a paragraph names the speaker of the second too
    ('"We will win," Jane Smith said. "We always do."', 1, "Jane Smith", "said", "X-said-then-quote"),
    ('The talks may stall, Adam Schiff said. "The other factor is Syria."', 0, "Adam Schiff", "said",
     "X-said-then-quote"),
    ('"We will win," Jane Smith said.\n"Yes." "We always do."', 2, "Jane Smith", "said",
     "continued-in-paragraph"),
    ('"We will win," Jane Smith said.\n"We always do."', 1, "Jane Smith", "said", "continued-paragraph"),
    ('"We will win," he said, "and we will stay."', 1, None, "said", "X-said-quote"),
    ('"It was bad," the Kremlin said.', 0, "Kremlin", "said", "quote-X-said"),
    ('"It is a rumour," a spokesman said.', 0, "a spokesman", "said", "quote-X-said"),
    ('"It was planned," Trump\'s lawyer said.', 0, "Trump's lawyer", "said", "quote-X-said"),
]


@pytest.mark.parametrize("text,index,speaker,cue,rule", RULES, ids=[r[4] + ":" + r[0][:30] for r in RULES])
def test_rule(text: str, index: int, speaker: str | None, cue: str | None, rule: str) -> None:
    q = quotex.extract(text)[index]
    assert (q.rule, q.cue) == (rule, cue)
    if speaker is not None:
        assert q.speaker == speaker
    assert text[q.start:q.end].startswith(('"', "“"))


def test_interrupted_quote_shares_the_speaker() -> None:
    text = 'Jane Smith spoke first. "We will win," she said, "and we will stay."'
    a, b = quotex.extract(text)
    assert a.speaker == b.speaker == "Jane Smith"


def test_dash_dialogue_lines_take_the_speaker_announced_before_them() -> None:
    text = ("Surly Keogh had muddy boots. One day he had asked:\n\n--Who are you, then?\n\n"
            "Owen Garvey had answered:\n\n--Owen Garvey.\n\nThen Surly Keogh had said:\n\n"
            "--Is that a real name or a joke?\n")
    quotes = quotex.extract(text)
    assert [text[q.start:q.end] for q in quotes] == [
        "--Who are you, then?", "--Owen Garvey.", "--Is that a real name or a joke?"]
    assert [q.quote for q in quotes] == ["Who are you, then?", "Owen Garvey.", "Is that a real name or a joke?"]
    assert [q.speaker for q in quotes] == ["Surly Keogh", "Owen Garvey", "Surly Keogh"]


def test_a_short_reply_in_its_own_tag_is_speech_even_without_a_speaker() -> None:
    quotes = quotex.extract('The door opened.\n\n"No," he said without turning.')
    assert [(q.quote, q.kind, q.cue) for q in quotes] == [("No,", "direct", "said")]


def test_pronoun_takes_the_nearest_person_of_its_gender() -> None:
    text = 'John Smith met Mary Jones on Monday.\n"We agreed," she said.\n"So did I," he said.'
    assert [q.speaker for q in quotex.extract(text)] == ["Mary Jones", "John Smith"]


def test_description_resolves_to_the_person_it_described() -> None:
    text = ('Russian cosmonaut Anton Shkaplerov and Japanese astronaut Norishige Kanai spoke.\n'
            '"It was hard," the cosmonaut said.\n"It was fun," the astronaut said.')
    assert [q.speaker for q in quotex.extract(text)] == ["Anton Shkaplerov", "Norishige Kanai"]


def test_told_gives_addressees() -> None:
    text = '"Thank you," Putin told Anton Shkaplerov and Norishige Kanai, who are on the station.'
    (q,) = quotex.extract(text)
    assert q.addressees == ("Anton Shkaplerov", "Norishige Kanai")
    assert q.cue == "told"


def test_scare_quotes_and_titles_are_terms() -> None:
    text = 'Markets priced in a so-called "soft landing". She starred in "Poor Things" this year.'
    assert quotex.extract(text) == []
    assert [q.kind for q in quotex.extract(text, terms=True)] == ["term", "term"]


def test_dialogue_alternates_between_two_speakers() -> None:
    text = ('"Are you coming?" asked Maud.\n\n"Not yet," replied Gideon.\n\n'
            '"Why not?"\n\n"Because it is raining."')
    assert [q.speaker for q in quotex.extract(text)] == ["Maud", "Gideon", "Maud", "Gideon"]


def test_person_addressed_is_not_the_speaker() -> None:
    text = '"Come in," said Flora.\n\n"Thank you," said Jasper.\n\n"Sit down, Jasper."'
    assert quotex.extract(text)[2].speaker == "Flora"


def test_first_person_narration() -> None:
    (q,) = quotex.extract('"Tell me first," I said.')
    assert q.speaker == "Narrator"


def test_null_rather_than_a_guess() -> None:
    text = '"We have completed the first stage," Sergei Shoigu said.\nThe ministry published footage.\n"This is new."'
    assert quotex.extract(text)[1].speaker is None


def test_confidence_follows_the_rule() -> None:
    named, pronoun, nobody = quotex.extract('"A," Jane Smith said. Then: "B," she said.\n\nx.\n\n"C is a long quote."')
    assert named.confidence >= 0.9 > pronoun.confidence > 0
    assert nobody.speaker is None and nobody.confidence == 0.0


def test_explain_lists_the_reasoning() -> None:
    [(q, why)] = quotex.explain('"We will win," Putin said.')
    assert isinstance(q, Quote)
    assert any("Putin" in line for line in why)


def test_mention_offsets_point_at_the_mention() -> None:
    text = 'Russian President Vladimir Putin spoke.\n"We will win," Putin said.'
    (q,) = quotex.extract(text)
    assert q.speaker == "Vladimir Putin"
    assert q.mention == "Putin"
    assert q.mention_start is not None and q.mention_end is not None
    assert text[q.mention_start:q.mention_end] == "Putin"


def test_core_imports_neither_click_nor_rich() -> None:
    code = ("import sys, quotex; quotex.extract('\"We will win,\" Jane Smith said.'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('click', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_extract_keeps_no_state_between_calls() -> None:
    a = 'John Smith spoke.\n"Yes," he said.'
    first = quotex.extract(a)
    quotex.extract('Mary Jones spoke.\n"No," she said.')
    assert quotex.extract(a) == first
