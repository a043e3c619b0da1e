"""Renderers: quote tables, stats, escaping, problem lines."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from quotex import render
from quotex.errors import escape_controls, problem_line
from quotex.inputs import Problem
from quotex.records import Quote
from quotex.stats import Stats, compute

QUOTES = [
    Quote(0, 14, "We will win,", "Jane Smith", "Jane Smith", 15, 25, "said", (), "direct", "cue-after", 0.95),
    Quote(40, 95, "A much longer quotation that has to wrap inside the quote column because "
          "the table is narrow", None, kind="direct"),
]

SNAPSHOT = """\
news/a.txt
┌────────────┬──────┬──────────────────────────────────────────────────────────┬─────────┐
│ speaker    │ cue  │ quote                                                    │ offsets │
├────────────┼──────┼──────────────────────────────────────────────────────────┼─────────┤
│ Jane Smith │ said │ We will win,                                             │    0-14 │
├────────────┼──────┼──────────────────────────────────────────────────────────┼─────────┤
│ (unknown)  │      │ A much longer quotation that has to wrap inside the      │   40-95 │
│            │      │ quote column because the table is narrow                 │         │
└────────────┴──────┴──────────────────────────────────────────────────────────┴─────────┘
2 quotes
"""


def show(renderable: object, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def test_quotes_table_snapshot() -> None:
    assert show(render.quotes_table("news/a.txt", QUOTES), width=90) == SNAPSHOT


def test_explain_and_kind_columns() -> None:
    out = show(render.quotes_table("a.txt", QUOTES, explanations=[["Jane Smith: cue 'said'"], []],
                                   show_kind=True))
    assert "rule / candidates" in out and "kind" in out
    assert "cue-after" in out and "Jane Smith: cue 'said'" in out


def test_input_cannot_inject_escapes_or_markup() -> None:
    evil = Quote(0, 30, "red \x1b[31m bell \x07 [bold]x[/bold] \u009b \ud800", "\x1b]0;t\x07Eve")
    out = show(render.quotes_table("f\x1b[2J.txt", [evil]), width=120)
    for raw in ("\x1b", "\x07", "\u009b", "\ud800"):
        assert raw not in out
    assert "\\x1b[31m" in out and "\\x07" in out and "[bold]x[/bold]" in out and "\\x9b" in out
    assert "\\ud800" in out and "f\\x1b[2J.txt" in out


def test_escape_controls() -> None:
    assert escape_controls("a\x00b\tc\nd\x7f\x85") == "a\\x00b\\x09c\nd\\x7f\\x85"
    assert escape_controls("a\nb", keep_newlines=False) == "a\\x0ab"
    assert escape_controls("Ünïcode “quotes” — fine") == "Ünïcode “quotes” — fine"


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    table = render.quotes_table("a.txt", QUOTES[:1])
    assert "\x1b[" in render.to_text(table, terminal=True)
    assert "\x1b[" not in render.to_text(table, terminal=False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[3" not in render.to_text(table, terminal=True)  # no colours (bold may stay)


def test_no_quotes_line() -> None:
    assert show(render.no_quotes("a.txt")) == "a.txt: no quotes\n"
    assert render.document_title("c.jsonl", "17", 3) == "c.jsonl:3 (id 17)"
    assert render.document_title("a.txt") == "a.txt"


def test_problem_lines() -> None:
    assert problem_line(Problem("a.txt", "cannot read: permission denied")) == \
        "quotex: error: a.txt: cannot read: permission denied"
    assert problem_line(Problem("c.jsonl", "invalid JSON", line=4)) == "quotex: error: c.jsonl:4: invalid JSON"
    assert problem_line(Problem("b.txt", "decoded as cp1252", severity="warning")) == \
        "quotex: warning: b.txt: decoded as cp1252"
    assert problem_line(Problem("evil\n\x1b.txt", "x")) == "quotex: error: evil\\x0a\\x1b.txt: x"


def test_stats() -> None:
    qs = [Quote(0, 1, "a", "Ann", cue="said"), Quote(2, 3, "b", "Bob", cue="said"),
          Quote(4, 5, "c", "Ann", cue="told"), Quote(6, 7, "d", None)]
    stats = compute([("x.txt", qs[:2]), ("x.txt", qs[2:]), ("y.txt", [])])
    d = stats.as_dict()
    assert d["files"] == 2 and d["documents"] == 3 and d["quotes"] == 4
    assert d["attributed"] == 3 and d["attributed_share"] == 0.75 and d["distinct_speakers"] == 2
    assert [(r["speaker"], r["quotes"]) for r in d["speakers"]] == [("Ann", 2), ("Bob", 1), (None, 1)]
    assert d["cues"][0] == {"cue": "said", "quotes": 2}
    assert stats.as_dict(top=1)["speakers"] == [{"speaker": "Ann", "speaker_id": "ann", "quotes": 2,
                                                 "names": {"Ann": 2}}]
    assert Stats().as_dict()["attributed_share"] == 0.0
    out = show(render.stats_renderable(stats))
    assert "quotes per speaker" in out and "Ann" in out and "75.0%" in out and "(unknown)" in out


ANY_CHAR = st.one_of(st.characters(), st.characters(categories=["Cs"]),
                    st.characters(max_codepoint=0x9F))


@given(st.text(alphabet=ANY_CHAR))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_valid_json_and_safe_tables(text: str) -> None:
    from quotex.inputs import Document
    from quotex.output import StreamSink, make_writer

    sink = StreamSink(io.BytesIO())
    writer = make_writer("jsonl", sink)
    writer.document(Document(text, ""), [Quote(0, len(text), text, text or None)])
    assert isinstance(sink.stream, io.BytesIO)
    rec = json.loads(sink.stream.getvalue().decode("utf-8"))
    assert rec["quote"] == text and rec["file"] == text
    shown = escape_controls(text)
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF
                   for c in shown)


# ------------------------------------------------------ tables fit the terminal

WIDE = [
    Quote(253, 435, "You have done more than fifty experiments and projects up there, solving "
          "problems in orbit for all of us down here,", "Vladimir Putin", "Putin", 436, 441,
          "told", (), "direct", "quote-X-said", 0.95),
    Quote(123456, 1234567, "東京で話した、とても長い引用です。" * 3,
          "Alexandria Ocasio-Cortez-Wasserman", cue="according to", kind="term", rule="a-rule"),
]
BORDER_END = "┐│┤┘"


def assert_fits(out: str, width: int, quotes: list[Quote]) -> None:
    from rich.cells import cell_len

    lines = out.rstrip("\n").split("\n")
    assert all(cell_len(line) <= width for line in lines), max(map(cell_len, lines))
    body = [line.rstrip() for line in lines if line[:1] in "┌│├└"]
    assert body and all(line[-1] in BORDER_END for line in body)
    for q in quotes:  # the offsets are never cut or wrapped
        assert any(f"{q.start}-{q.end}" in line for line in lines)


@pytest.mark.parametrize("width", [60, 80, 100, 200])
@pytest.mark.parametrize("extra", ["plain", "kind", "explain"])
def test_tables_fit_the_terminal(width: int, extra: str) -> None:
    kw: dict[str, object] = {}
    if extra != "plain":
        kw["show_kind"] = True
    if extra == "explain":
        kw["explanations"] = [["Vladimir Putin: name after the quote (0.95)"], ["nobody"]]
    table = render.quotes_table("news/2024/some-rather-long-file-name.txt", WIDE, width=width, **kw)  # type: ignore[arg-type]
    out = render.to_text(table, width=width)
    assert_fits(out, width, WIDE)
    assert "Vladimir" in out and "Ocasio" in out
    if extra == "explain":
        assert "quote-X-" in out and "nobody" in out  # narrow tables keep the rule, under the quote
    if extra != "plain":
        assert "term" in out


@pytest.mark.parametrize("width", range(36, 130, 7))
def test_tables_fit_any_width(width: int) -> None:
    out = render.to_text(render.quotes_table("a.txt", WIDE, width=width, show_kind=True,
                                             explanations=[["x"], ["y"]]), width=width)
    assert_fits(out, width, WIDE)


def test_fit_widths_keeps_what_fits_and_never_shrinks_offsets() -> None:
    natural = {"speaker": 10, "cue": 4, "quote": 60, "offsets": 9}
    assert render.fit_widths(natural, 200) == natural
    narrow = render.fit_widths(natural, 60)
    assert narrow is not None and narrow["offsets"] == 9 and sum(narrow.values()) + 13 <= 60
    assert render.fit_widths(natural, 20) is None


def test_extract_table_fits_columns() -> None:
    from click.testing import CliRunner

    from quotex.cli import cli

    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_2475380bb444d615.txt"
    for width in (60, 80, 100, 200):
        result = CliRunner().invoke(cli, ["extract", str(seed), "--format", "table"],
                                    env={"COLUMNS": str(width)})
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.rstrip("\n").split("\n")
        assert max(len(line) for line in lines) <= width
        assert all(line.rstrip()[-1] in BORDER_END for line in lines if line[:1] in "┌│├└")
        assert "253-435" in result.stdout and "1781-2126" in result.stdout
