"""quotex.explain gives the steps behind each record: the rule that took each step,
the speaker phrases it weighed and the speaker it chose (each step is also the line
``--explain`` prints)."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import quotex
from quotex import Step
from quotex.pipeline import registered

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "golden"
#: Passes that may rename the speaker a rule chose: their step chooses last.
RENAMING = {"name-narrator", "self-introductions", "join-aliases", "character-labels", "not-the-one-called"}


def test_the_deciding_step_names_the_rule_the_phrase_and_the_speaker() -> None:
    [(q, steps)] = quotex.explain('Russian President Vladimir Putin spoke.\n"We will win," Putin said.')
    assert all(isinstance(s, Step) and isinstance(s, str) for s in steps)
    last = steps[-1]
    assert (last.rule, last.candidates, last.chosen) == ("quote-X-said", ("Putin",), "Vladimir Putin")
    assert q.rule == last.rule and q.speaker == last.chosen


def test_a_rule_that_did_not_decide_leaves_a_step_that_chose_nobody() -> None:
    # '"We lost." He said ...' opens a new sentence: the tag rule reads "He" and lets go;
    # the quotation opening its paragraph goes to whom the paragraph before was about
    [(q, steps)] = quotex.explain('Jane Smith came in.\n\n"We lost." He said nothing more.')
    assert [(s.rule, s.candidates, s.chosen) for s in steps] == [
        ("quote-X-said", (), None), ("subject-of-paragraph-before", ("Jane Smith",), "Jane Smith")]
    assert (q.rule, q.speaker) == ("subject-of-paragraph-before", "Jane Smith")


def test_a_turn_rule_chooses_the_voice_it_carries_over() -> None:
    q, steps = quotex.explain('"We will win," Jane Smith said.\n"We always do."')[1]
    assert q.rule == "continued-paragraph"
    assert [(s.rule, s.chosen) for s in steps] == [("continued-paragraph", "Jane Smith")]
    assert steps[0] == "continues 'Jane Smith' from the paragraph before"


def test_a_quote_nobody_said_has_no_chosen_step() -> None:
    text = '"We have completed the first stage," Sergei Shoigu said.\nThe ministry published footage.\n"This is new."'
    q, steps = quotex.explain(text)[1]
    assert q.speaker is None
    assert all(s.chosen is None for s in steps)


def test_steps_keep_the_lines_and_survive_pickling_and_json() -> None:
    [(_, steps)] = quotex.explain('"We will win," said Jane Smith.')
    assert "Jane Smith" in steps[-1] and str(steps[-1]).startswith("name 'Jane Smith'")
    again = pickle.loads(pickle.dumps(steps))
    assert [(s.rule, s.candidates, s.chosen) for s in again] == [(s.rule, s.candidates, s.chosen) for s in steps]
    assert json.loads(json.dumps(steps)) == [str(s) for s in steps]


def test_on_every_golden_text_the_last_choice_is_the_record() -> None:
    known = registered()
    checked = 0
    for path in sorted(GOLDEN.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            for q, steps in quotex.explain(case.get("text", ""), terms=True):
                assert all(s.rule in known for s in steps), [(str(s), s.rule) for s in steps]
                chosen = [s for s in steps if s.chosen is not None]
                if q.speaker is None:
                    continue
                assert chosen and chosen[-1].chosen == q.speaker, [str(s) for s in steps]
                assert chosen[-1].rule == q.rule or chosen[-1].rule in RENAMING
                checked += 1
    assert checked > 300
