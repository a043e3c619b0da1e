"""Confidence is measured per rule and kind of mention, in news and, separately,
in documents written as dialogue (fiction, transcripts), where the same rule is
right more or less often: "...," Jane said is right 97% of the time in news and
93% in novels, so only news gives it 0.95."""
from __future__ import annotations

import quotex
from quotex.lang.en.lexicon import load

NEWS = 'The council met on Monday.\n\n"We will win," Jane Smith said after the vote.\n'

DIALOGUE = """Ann came in from the rain.

"Is it late?" asked Tom Hale.

"Not yet," said Ann Lee.

"Then stay," said Tom Hale.

"I will," said Ann Lee.

"Good," Tom Hale said.
"""


def test_news_and_dialogue_take_their_own_table() -> None:
    news = quotex.extract(NEWS)
    assert [(q.speaker, q.rule, q.confidence) for q in news] == [("Jane Smith", "quote-X-said", 0.95)]
    last = quotex.extract(DIALOGUE)[-1]
    assert (last.speaker, last.rule) == ("Tom Hale", "quote-X-said")
    table = load()
    assert last.confidence == table.confidence_dialogue[("quote-X-said", "name")] < 0.9


def test_every_pair_has_both_values_and_high_values_are_rare() -> None:
    table = load()
    assert table.confidence.keys() == table.confidence_dialogue.keys()
    for values in (table.confidence, table.confidence_dialogue):
        assert all(0.0 <= v <= 1.0 for v in values.values())
        # 0.9 and more only for the few rules measured at 95% right or better
        assert sum(v >= 0.9 for v in values.values()) <= 3
