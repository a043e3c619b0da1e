"""Regressions for slow paths found in the core (see /work/notes/crashes.md).

Each test is the minimal input that showed the problem.
"""
from __future__ import annotations

import pytest
from test_robustness import HOSTILE, Q, assert_linear, cost, rep

import quotex


@pytest.mark.slow
def test_long_space_run_is_linear() -> None:
    """Fixed in 913a50e: a paragraph-break pattern started at every blank of a run (O(n^2))."""
    assert_linear(rep(" "), start=20_000)
    assert_linear(rep("\t", prefix="a"), start=20_000)


@pytest.mark.slow
def test_many_distinct_names_are_linear() -> None:
    """Fixed in 5568fe6/913a50e: each new one-word name scanned every entity; namesakes all compared."""
    def word(i: int) -> str:
        return "X" + "".join(chr(97 + (i // 26 ** k) % 26) for k in range(4))

    assert_linear(lambda n: Q + " and ".join(word(i) for i in range(max(1, n // 9))) + '. "Yes," she said.')
    assert_linear(lambda n: Q + ", ".join(word(i) + " Smith" for i in range(max(1, n // 12))) + '. "Smith," he said.')


#: One capitalized run as long as the text: parse_name copied the rest of the run per word (O(n^2)).
CAPITAL_RUNS = {
    "titles": rep("Mr ", prefix=Q),
    "possessives": rep("Bob's ", prefix=Q),
    "capitals": rep("A ", prefix=Q),
    "the": rep("The ", suffix='said "x y z."'),
    "initials-with-periods": rep("A. ", suffix='"x y," he said.'),
    "after-a-dash": rep("A ", prefix='"Hi," — '),
    "nbsp-between-capitals": rep("Ab\u00a0", prefix=Q),
    "office": rep("Aa ", prefix=Q + "Secretary of "),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CAPITAL_RUNS))
def test_long_capitalized_runs_are_linear(name: str) -> None:
    assert_linear(CAPITAL_RUNS[name])


#: Fillers after (or before) a quote that made cues.post_normal backtrack ~50 ms per quote.
WINDOW_FILLERS = {"spaces": " ", "tabs": "\t", "nbsp": "\u00a0", "commas": ",", "comma-space": ", ",
                  "mixed": " ,\t", "capitals": "A ", "words": "a "}


@pytest.mark.parametrize("name", sorted(WINDOW_FILLERS))
def test_blanks_after_quotes_are_fast(name: str) -> None:
    """Throughput on quotes padded with 300 characters of filler: at least 50 kB/s
    (news runs at ~450 kB/s; the bug gave 9 kB/s)."""
    quotex.extract('"Warm," he said.')
    fill = (WINDOW_FILLERS[name] * 300)[:300]
    for unit in ('"a" ' + fill, fill + ' "a b c."'):
        text = unit * 100
        seconds = cost(text)
        assert len(text) / seconds > 50_000, f"{len(text)} chars in {seconds:.2f}s"


@pytest.mark.slow
def test_sentence_initial_names_are_linear() -> None:
    """Each one-word name opening a sentence searched the whole text for a lowercase twin (O(n^2))."""
    def word(i: int) -> str:
        return "X" + "".join(chr(97 + (i // 26 ** k) % 26) for k in range(4))

    assert_linear(rep("Smith went. ", prefix=Q))
    assert_linear(lambda n: Q + " ".join(word(i) + " went." for i in range(max(1, n // 12))))


@pytest.mark.slow
def test_inverted_cues_are_linear() -> None:
    """'"Hi," said "Hi," said ...': every "Hi" opens a sentence (_in_lowercase scans the text)."""
    assert_linear(rep('"Hi," said '))


@pytest.mark.slow
def test_hostile_mix_of_everything() -> None:
    """All the shapes, glued into one document, one after the other."""
    def make(n: int) -> str:
        per = max(1, n // len(HOSTILE))
        return "\n".join(HOSTILE[k](per) for k in sorted(HOSTILE))

    assert_linear(make, start=20_000)
