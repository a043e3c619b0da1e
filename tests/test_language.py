"""The pipeline reads the language it is given: its lexicon, cues and cue rules."""
from __future__ import annotations

from dataclasses import replace

from quotex.lang.en.language import ENGLISH
from quotex.pipeline import registered, resolve

TEXT = '"We will win," Jane Smith said. "We always do," said Tom Hale.'


def test_english_is_the_default_language() -> None:
    assert ENGLISH.code == "en"
    assert [q.rule for q, _ in resolve(TEXT)] == [q.rule for q, _ in resolve(TEXT, ENGLISH)] \
        == ["quote-X-said", "quote-said-X"]


def test_a_language_with_fewer_cue_rules_attributes_with_those_only() -> None:
    inverted_only = replace(ENGLISH, code="en-x-test", rules=[r for r in ENGLISH.rules if r[0] == "quote-said-X"])
    first, second = (q for q, _ in resolve(TEXT, inverted_only))
    assert first.rule != "quote-X-said" and (second.rule, second.speaker) == ("quote-said-X", "Tom Hale")
    assert "quote-X-said" not in registered(inverted_only) and "quote-X-said" in registered()
