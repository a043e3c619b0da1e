"""Rule ids are one set of names: every record's ``rule`` is a registered id, given by
one registered function, and the confidence table knows no other."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import quotex
from quotex.attribution import ids
from quotex.lang.en.lexicon import load
from quotex.pipeline import registered

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "golden"
#: The ids of passes that change who a record names, never which rule it names.
NO_RECORDS = {ids.NAME_NARRATOR, ids.SELF_INTRODUCTIONS, ids.JOIN_ALIASES, ids.NOT_THE_ONE_CALLED, ids.CHARACTER_LABELS,
              ids.ADDRESSEES}


def golden_texts() -> Iterator[str]:
    for path in sorted(GOLDEN.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            if "text" in case:
                yield case["text"]


def test_every_record_names_a_registered_rule() -> None:
    known = registered()
    seen: set[str | None] = set()
    for text in golden_texts():
        for q in quotex.extract(text):
            assert q.rule is None or q.rule in known, (q.rule, text[:60])
            seen.add(q.rule)
    # the fixtures reach rules of every table (a producer missed by a rename would show here)
    assert {ids.QUOTE_X_SAID, ids.X_SAID_COLON_QUOTE, ids.ALTERNATING_TURN, ids.CONTINUED_IN_PARAGRAPH,
            ids.DIALOGUE_TURN, ids.ALTERNATE_FORWARD} <= seen


def test_the_registry_holds_exactly_the_ids() -> None:
    names = {value for name, value in vars(ids).items() if name.isupper() and isinstance(value, str)}
    assert set(registered()) == names


def test_a_headline_quotation_names_the_headline_rule() -> None:
    text = ("Smith: 'We will win'\n\nBy Ann Lee\n\nJane Smith spoke to the crowd on Monday in the town hall "
            "of the small city where she was born and raised.\n\n\"We will win,\" Jane Smith said.")
    rules = [q.rule for q in quotex.extract(text, terms=True)]
    assert rules[0] == ids.HEADLINE and rules[-1] == ids.QUOTE_X_SAID


def test_the_confidence_table_names_registered_rules_only() -> None:
    table = load().confidence
    rules = {rule for rule, _ in table} - {"*"}
    assert rules == set(registered()) - NO_RECORDS - {ids.HEADLINE}
