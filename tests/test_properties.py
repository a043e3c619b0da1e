"""Property tests: whatever the text, the core neither raises nor breaks its record invariants.

The invariants live in :func:`strategies.check_text`: every record starts with a
quotation mark and ends with one (or at its paragraph's end when unclosed), its
quote and mention are the words at its offsets, records are sorted and do not
overlap, output is deterministic, confidence is in [0, 1] (0 without a
speaker), kinds are known and every record serializes to JSON.

``QUOTEX_PROP_EXAMPLES`` raises the number of examples (``fuzz/fuzz_extract.py``
runs the same checks for minutes).
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import ANY_CHAR, MARKS, TEXTS, check_text, news_text, token_soup, wrapped_text

import quotex

EXAMPLES = int(os.environ.get("QUOTEX_PROP_EXAMPLES", "200"))
_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large]
PROPS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=_CHECKS)
#: For the strategies that are slow to draw (whole news documents): half as many examples.
PROPS_SLOW = settings(max_examples=max(1, EXAMPLES // 2), deadline=None, suppress_health_check=_CHECKS)


@pytest.mark.slow
@PROPS
@given(TEXTS)
def test_any_text(text: str) -> None:
    check_text(text)


@pytest.mark.slow
@PROPS
@given(news_text())
def test_news_like_text(text: str) -> None:
    check_text(text)


@pytest.mark.slow
@PROPS_SLOW
@given(wrapped_text())
def test_hard_wrapped_text(text: str) -> None:
    check_text(text)


@pytest.mark.slow
@PROPS_SLOW
@given(st.lists(st.one_of(news_text(), token_soup()), min_size=2, max_size=4),
       st.sampled_from(["\n", "\n\n", "", " ", "\r\n"]))
def test_documents_glued_together(parts: list[str], sep: str) -> None:
    check_text(sep.join(parts))


@pytest.mark.slow
@PROPS
@given(st.lists(st.sampled_from(list(MARKS) + [" ", "a", "A ", "said", ",", ".", "\n", "\n\n"]),
                min_size=1, max_size=6),
       st.integers(1, 400))
@example(["'", "'", "a", "'"], 2)  # a doubled-mark quotation opens with two characters
def test_repeated_units(unit: list[str], times: int) -> None:
    """A short unit repeated: runs of marks, of nested marks, of blanks, of cues."""
    check_text("".join(unit) * times)


@pytest.mark.slow
@PROPS_SLOW
@given(st.text(alphabet=ANY_CHAR, max_size=30), news_text())
def test_lone_surrogates_and_controls_inside_quotes(noise: str, text: str) -> None:
    mid = len(text) // 2
    check_text(text[:mid] + noise + text[mid:])
    check_text(f'"{noise}," Jane {noise}Smith said. {text}')


@pytest.mark.parametrize("text", [
    "", " ", "\n", '"', "''", '""', "“”", "„“", "«»", "「」", "\x00", "\ud800", "\ufeff",
    '"\n"', '"a\n"b', "“a\n\n“b\n\n“c", '"x," ' + "said " * 50, "'" * 101, "’s ’s ’s",
    '"We will win," Jane Smith said.', "\ufeff“Yes,” he said.\u2029“No.”", '"a"\r"b"\r\n"c"\u2029',
    '“Go,” she told O’Brien, “don’t.”', "He said: «Oui.» Then: „Ja.“ And: 「はい」",
    # found by fuzz/fuzz_extract.py: an unclosed quote before a trailing separator control (U+001F)
    '"The\x1f', 'Intro.\n\n"The\n0\x1f',
    # dash-led dialogue
    "Then the clerk asked:\n\n--And your name?\n\n— Felix Marwood.", "--A\n\n--B\x1f",
])
def test_edge_cases(text: str) -> None:
    check_text(text)


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = '“We will not stop, Jane Smith said.  \nNext paragraph here.'
    quotes = quotex.extract(text, terms=True)
    assert len(quotes) == 1
    q = quotes[0]
    assert text[q.end:].startswith("  \n") and text[q.start] == "“"
