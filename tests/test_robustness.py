"""Hostile text: linear time on pathological inputs, safe tables and valid machine output.

Input files (binary, encodings, FIFOs) are covered by ``test_input_robustness.py``
and the CLI's exit codes, atomic ``-o`` and broken pipes by ``test_cli.py``; the
record invariants over arbitrary text by ``test_properties.py``. This file adds:

* growth: each hostile shape is timed at size n and 4n (n calibrated so the
  small run takes a measurable time, 4n at most ~2 MB) and must not grow
  faster than about linearly (8x for 4x the input, plus an absolute floor);
* tables never print raw control characters, wherever they sit in the input;
* JSON, JSON Lines and CSV output parse back, whatever the bytes of the input.
"""
from __future__ import annotations

import csv
import gc
import io
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import MARKS, news_text

import quotex
from quotex.cli import cli

# ------------------------------------------------------------------ growth

#: The small run must take at least this long (process time) before 4n is tried.
CALIBRATE = 0.02
#: Largest small size (characters): 4n stays under about 2 MB.
MAX_N = 500_000
#: 4x the input may cost at most RATIO times as much, plus FLOOR seconds.
RATIO = 8.0
FLOOR = 0.12


def cost(text: str, repeat: int = 1) -> float:
    """Process time of the cheapest of ``repeat`` runs of the core on ``text``."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()  # a collection of the test session's garbage is not the core's work
    try:
        for _ in range(repeat):
            t0 = time.process_time()
            quotex.extract(text, terms=True)
            best = min(best, time.process_time() - t0)
    finally:
        if enabled:
            gc.enable()
    return best


def growth(make: Callable[[int], str], start: int = 2_000) -> tuple[int, float, float]:
    """(n, cost at n, cost at 4n), n doubled from ``start`` until its run is measurable
    and mostly the work that grows with n."""
    n = start
    t1 = base = cost(make(n), repeat=2)
    # measurable, and at least as much as the size-independent part (one slow quote, say)
    while (t1 < CALIBRATE or t1 < 2 * base) and n * 2 <= MAX_N:
        n *= 2
        t1 = cost(make(n), repeat=2)
    # both sizes the cheapest of two runs: the second run of a text finds its name runs
    # in the caches, so one cold run at 4n against a warm one at n measured the caches
    return n, t1, cost(make(4 * n), repeat=2)


def assert_linear(make: Callable[[int], str], start: int = 2_000) -> None:
    """``make(n)`` builds a text of about n characters; 4n must cost < RATIO x n + FLOOR.

    A failing measurement is taken again (a busy machine can slow one run), and
    only two failures in a row fail the test.
    """
    quotex.extract('"Warm," he said.')  # imports, lexicon, compiled patterns
    for _ in range(2):
        n, t1, t4 = growth(make, start)
        if t4 < RATIO * t1 + FLOOR:
            return
    raise AssertionError(f"superlinear: {len(make(n))} chars {t1:.3f}s, {len(make(4 * n))} chars {t4:.3f}s "
                         f"({t4 / max(t1, 1e-9):.1f}x)")


def rep(unit: str, prefix: str = "", suffix: str = "") -> Callable[[int], str]:
    """A text of about n characters: ``unit`` repeated between a prefix and a suffix."""
    return lambda n: prefix + unit * max(1, n // len(unit)) + suffix


def _word(i: int) -> str:
    s = ""
    for _ in range(4):
        s += chr(97 + i % 26)
        i //= 26
    return "X" + s


#: A quote first, so the resolver and the cast of names run over the rest.
Q = '"We will go," he said. '

HOSTILE: dict[str, Callable[[int], str]] = {
    # marks
    "straight-double-unbalanced": rep('"'),
    "straight-double-with-words": rep('"a '),
    "curly-openers": rep("“"),
    "curly-closers": rep("”"),
    "straight-single": rep("'"),
    "guillemets": rep("«»«"),
    "corner-brackets-nested": rep("「『"),
    "nested-curly": rep("“‘"),
    "nested-curly-with-words": rep("“a ‘b "),
    "many-short-quotes": rep('"a" '),
    "many-attributed-quotes": rep('"We go," he said. '),
    "unclosed-per-line": rep('“a\n'),
    "unclosed-per-paragraph": rep('“a\n\n'),
    "apostrophes": rep("don't 'n' O'Brien's '90s ", prefix="'"),
    # blanks and breaks
    "spaces-in-quote": rep(" ", prefix='"', suffix="x"),
    "spaces": rep(" "),
    "tabs": rep("\t", prefix="“a"),
    "blanks-mixed": rep(" \t", prefix='"a', suffix="\n"),
    "nbsp": rep("\u00a0", prefix='"a'),
    "zero-width": rep("\u200b\u200d\ufeff", prefix='"a', suffix='," he said.'),
    "nul": rep("\x00", prefix='"a', suffix='," he said.'),
    "newlines": rep("\n", prefix='"a'),
    "crlf-and-spaces": rep(" \r\n", prefix='"a'),
    "carriage-returns": rep("\r", prefix='"a'),
    "paragraph-separators": rep("\u2029 ", prefix="“a "),
    "blank-lines-with-spaces": rep("\n    \n", prefix=Q),
    # words
    "commas": rep(",", prefix='"x'),
    "speech-verbs": rep("said ", prefix='"Hi," '),
    "said-that": rep("He said that ", suffix='"go."'),
    "according-to": rep("A b ", prefix='"Hi," according to '),
    "dashes": rep("—", prefix='"Hi," — '),
    "colons": rep("A: ", suffix='"x y."'),
    "dash-then-words": rep("a ", prefix='"Hi," — '),
    "parentheses": rep("(", prefix='"x y," Ann ', suffix=" said"),
    "appositions": rep(", b", prefix='"x y," Ann', suffix=" said"),
    "long-word": lambda n: '"' + "a" * n + '," ' + "B" * n + " said.",
    "surname-runs": rep("Smith ", prefix=Q),
    "title-then-suffixes": rep("Jr ", prefix=Q + "Mr "),
    "initials": rep("A.B. ", prefix=Q),
    "particles": rep("Ab de ", prefix=Q),
    "hyphens": rep("A-", prefix=Q),
    "pronouns-after-names": rep("Ab Cd, ", suffix='"Go," he said.'),
    "descriptions": rep("the ", suffix='"Go," he said.'),
    "distinct-names": lambda n: Q + " and ".join(_word(i) for i in range(max(1, n // 9))) + '. "Yes," she said.',
    "namesakes": lambda n: Q + ", ".join(_word(i) + " Smith" for i in range(max(1, n // 12))) + '. "Yes," Smith said.',
    "names-and-quotes": rep('Ann Lee said "x y z." '),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_linear(name: str) -> None:
    assert_linear(HOSTILE[name])


def test_result_sizes_of_hostile_inputs_are_bounded() -> None:
    """A pathological input yields at most one record per two characters, and the records are small."""
    for name in ("straight-double-with-words", "many-short-quotes", "unclosed-per-line", "nested-curly"):
        text = HOSTILE[name](20_000)
        quotes = quotex.extract(text, terms=True)
        assert len(quotes) <= len(text) // 2, name
        assert sum(q.end - q.start for q in quotes) <= len(text), name


# ------------------------------------------------------------------ the command line

#: Controls a terminal would act on: C0 (but newline), DEL, C1, and the bidi overrides are shown escaped.
def raw_controls(out: str) -> list[str]:
    return sorted({c for c in out if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F})


#: Plain text around the evil line, so that the input layer reads the file as text, not binary.
PAD = "The minister spoke to reporters in the capital on Tuesday. " * 4 + "\n"
EVIL_TEXTS = {k: PAD + v + PAD for k, v in {
    "in-quote": '"Go \x1b[31m now \x07 and \x00 here," Jane Smith said.\n',
    "in-speaker": '"Go now," the\x1b[31m\x00\x07 spokesman told\x07 reporters\x1b.\n',
    "in-inverted-speaker": '"Go now," said the \x1b]0;owned\x07spokesman\x00 of it.\n',
    "in-addressee": '"We go," Jane Smith told Bob\x07Lee\x1b[2J.\n',
    "c1-and-del": '"Go \x9b31m \x85 \x7f now," Jane Smith said.\n',
    "unclosed": '“Go \x1b[31m now, we will not \x00 stop, Jane Smith said to the crowd\n',
}.items()}


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    return path


@pytest.mark.parametrize("case", sorted(EVIL_TEXTS))
def test_table_never_prints_raw_controls(runner: CliRunner, tmp_path: Path, case: str) -> None:
    path = _write(tmp_path, "evil\x1b[1m.txt", EVIL_TEXTS[case])
    for extra in ([], ["--explain"], ["--terms"]):
        result = runner.invoke(cli, ["extract", "-f", "table", *extra, str(path)])
        assert result.exit_code == 0, (result.stderr, result.exception)
        assert raw_controls(result.stdout) == [], (case, extra, result.stdout)
        assert raw_controls(result.stderr) == []
    stats = runner.invoke(cli, ["stats", "-f", "table", str(path)])
    assert stats.exit_code == 0, stats.stderr
    assert raw_controls(stats.stdout) == []


@pytest.mark.parametrize("case", sorted(EVIL_TEXTS))
def test_machine_formats_keep_controls_exactly(runner: CliRunner, tmp_path: Path, case: str) -> None:
    """JSON escapes controls, so speakers and quotes come back byte for byte."""
    text = EVIL_TEXTS[case]
    path = _write(tmp_path, "a.txt", text)
    expected = [q.to_dict() for q in quotex.extract(text, terms=True)]
    assert expected, case
    records = _formats(runner, path, "--terms")
    for fmt in ("json", "jsonl"):
        assert [{k: r[k] for k in expected[0]} for r in records[fmt]] == expected, fmt
    rows = records["csv"]
    assert [r["quote"] for r in rows] == [e["quote"] for e in expected]
    assert [r["speaker"] for r in rows] == [e["speaker"] or "" for e in expected]


def _formats(runner: CliRunner, path: Path, *extra: str, binary_ok: bool = False) -> dict[str, list[dict[str, Any]]]:
    """The records of every machine format, parsed back (which must work).

    With ``binary_ok``, the input may be refused as binary: exit 1, one line on stderr.
    """
    out: dict[str, list[dict[str, Any]]] = {}
    for fmt in ("json", "jsonl", "csv"):
        result = runner.invoke(cli, ["extract", "-f", fmt, *extra, str(path)])
        refused = binary_ok and result.exit_code == 1 and "binary file" in result.stderr
        assert result.exit_code == 0 or refused, (fmt, result.stderr, result.exception)
        if refused:
            assert result.stderr.count("\n") == 1 and result.stderr.startswith("quotex: error: ")
        raw = result.stdout_bytes.decode("utf-8")  # strict: output is valid UTF-8
        if fmt == "json":
            out[fmt] = json.loads(raw)
        elif fmt == "jsonl":
            out[fmt] = [json.loads(line) for line in raw.split("\n") if line]
            assert all("\n" not in line and "\r" not in line for line in raw.split("\n"))
        else:
            out[fmt] = list(csv.DictReader(io.StringIO(raw, newline="")))
    return out


def _consistent(records: dict[str, list[dict[str, Any]]]) -> None:
    assert records["json"] == records["jsonl"]
    assert len(records["csv"]) == len(records["json"])
    for row, rec in zip(records["csv"], records["json"]):
        # CSV cannot hold lone surrogates: they are written as backslash escapes
        quote = rec["quote"].encode("utf-8", "backslashreplace").decode("utf-8")
        assert row["quote"] == quote and int(row["start"]) == rec["start"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=300),
    st.builds(lambda t: t.encode("utf-8", "surrogatepass"), news_text()),
    st.builds(lambda t, enc: t.encode(enc, "replace"),
              news_text(), st.sampled_from(["utf-8-sig", "utf-16", "cp1252", "latin-1"])),
    st.builds(lambda t, junk: t.encode("utf-8", "surrogatepass") + junk + t.encode("utf-8", "surrogatepass"),
              news_text(), st.binary(max_size=20)),
    st.text(alphabet=st.sampled_from(MARKS + "\x00\x1b\x07\r\n\ufeff aA,."), max_size=200).map(
        lambda t: t.encode("utf-8")),
))
@example(data=b"\xabA\r\xe2\x80\xb9")  # a lone carriage return inside a quotation: the CSV cell is quoted
def test_any_bytes_give_valid_machine_output(tmp_path: Path, data: bytes) -> None:
    runner = CliRunner()
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    _consistent(_formats(runner, path, "--terms", binary_ok=True))


def test_corpus_with_surrogates_and_controls_gives_valid_output(runner: CliRunner, tmp_path: Path) -> None:
    lines = [json.dumps({"id": i, "text": t}) for i, t in enumerate(
        ['"Go \ud800 now," Jane \udcff Smith said.', '"Yes \x00," the\x1b[31m spokesman said.',
         "\ufeff“A\u2029b,” she said.", '"' * 500, "'" * 500 + "“" * 500])]
    path = _write(tmp_path, "c.jsonl", "\n".join(lines) + "\n")
    records = _formats(runner, path, "--terms")
    _consistent(records)
    assert {r["id"] for r in records["json"]} >= {"0", "1"}


def test_lone_carriage_return_in_a_quotation_stays_in_its_csv_cell(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "cr.txt"
    path.write_bytes('\u00abGo\r\u2039 "Yes," she said.'.encode())
    records = _formats(runner, path)
    _consistent(records)  # as many CSV rows as JSON records, each with the same quote
    assert len(records["csv"]) == 1 and "\r" in records["csv"][0]["quote"]
