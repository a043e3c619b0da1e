"""--context, --fields and --min-confidence (issue 12 item 22)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quotex import output
from quotex.cli import cli
from quotex.fields import ALL_FIELDS, context_span, parse_fields
from quotex.inputs import Document
from quotex.records import FIELDS, Quote

Write = Callable[..., Path]

TEXT = ('The mayor spoke at noon. "We will rebuild the bridge by spring," Jane Holt said '
        'on Tuesday, standing by the river.\n\n'
        'Her rival disagreed. "It is a fantasy," said Tom Brine.\n'
        'Someone muttered that "maybe it works" and left.\n'
        'They called it a "witch hunt" again.\n')


def jsonl(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


def run(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(cli, ["extract", *args])


# ------------------------------------------------------------------ --context

@pytest.mark.parametrize("n", ["0", "5", "12", "20", "40", "1000"])
def test_context_offsets_index_the_text(runner: CliRunner, write: Write, n: str) -> None:
    path = write("a.txt", TEXT)
    result = run(runner, str(path), "--context", n, "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    recs = jsonl(result.stdout)
    assert len(recs) >= 2
    for rec in recs:
        assert list(rec) == ["file", "id", *FIELDS, "context", "context_start", "context_end"]
        assert TEXT[rec["context_start"]:rec["context_end"]] == rec["context"]
        assert rec["context_start"] <= rec["start"] and rec["end"] <= rec["context_end"]
        assert rec["start"] - rec["context_start"] <= int(n)
        assert rec["context_end"] - rec["end"] <= int(n)


def test_context_cuts_at_word_boundaries(runner: CliRunner, write: Write) -> None:
    path = write("a.txt", TEXT)
    recs = jsonl(run(runner, str(path), "--context", "20").stdout)
    first = recs[0]
    # 20 characters before the quote start inside "mayor": that word is left out
    assert first["context"] == 'spoke at noon. "We will rebuild the bridge by spring," Jane Holt said on'
    second = recs[1]
    assert second["context"].endswith('said Tom Brine.')


def test_context_paragraph(runner: CliRunner, write: Write) -> None:
    path = write("a.txt", TEXT)
    recs = jsonl(run(runner, str(path), "--context", "paragraph").stdout)
    by_speaker = {r["speaker"]: r for r in recs}
    holt = by_speaker["Jane Holt"]
    assert holt["context"] == TEXT.split("\n")[0]
    assert holt["context_start"] == 0
    brine = by_speaker["Tom Brine"]
    assert brine["context"] == 'Her rival disagreed. "It is a fantasy," said Tom Brine.'
    assert TEXT[brine["context_start"]:brine["context_end"]] == brine["context"]


def test_context_paragraph_of_a_hard_wrapped_text() -> None:
    text = ("First line of a paragraph that wraps\n"
            'on to a second line, "and a quote\n'
            'runs on," she said, and it ends\n\nNext paragraph.\n')
    start = text.index('"and')
    end = text.index('," she') + 2
    lo, hi = context_span(text, start, end, "paragraph", hard_wrapped=True)
    assert text[lo:hi] == text.split("\n\n")[0]
    lo, hi = context_span(text, start, end, "paragraph", hard_wrapped=False)
    assert text[lo:hi] == 'on to a second line, "and a quote\nruns on," she said, and it ends'


def test_context_in_a_corpus_indexes_the_record_text(runner: CliRunner, write: Write) -> None:
    path = write("c.jsonl", json.dumps({"id": "r1", "text": TEXT}) + "\n")
    recs = jsonl(run(runner, str(path), "--context", "30").stdout)
    assert recs and all(TEXT[r["context_start"]:r["context_end"]] == r["context"] for r in recs)


def test_context_with_workers(runner: CliRunner, write: Write) -> None:
    for i in range(30):
        write(f"d/{i:02}.txt", f"Filler {i} " * 300 + "\n" + TEXT)
    result = run(runner, str(write("d/00.txt").parent), "--context", "paragraph", "-j", "2")
    assert result.exit_code == 0, result.stderr
    recs = jsonl(result.stdout)
    assert len(recs) >= 60
    for rec in recs:
        text = Path(rec["file"]).read_text(encoding="utf-8")
        assert text[rec["context_start"]:rec["context_end"]] == rec["context"]


def test_context_of_a_chunk_uses_whole_document_offsets() -> None:
    before, piece, after = "Before paragraph.\n", '"Hi there," Ann Lee said.\n', "After.\n"
    whole = "x" * 100 + before + piece + after
    base = 100 + len(before)
    quote = Quote(start=base, end=base + 11, quote="Hi there,", speaker="Ann Lee", confidence=0.9)
    doc = Document("big.txt", piece, base=base, before=before, after=after)
    buf = io.BytesIO()
    writer = output.JsonlWriter(output.StreamSink(buf), context="paragraph")
    writer.document(doc, [quote])
    (rec,) = jsonl(buf.getvalue().decode())
    assert whole[rec["context_start"]:rec["context_end"]] == rec["context"] == piece.strip()
    buf = io.BytesIO()
    writer = output.JsonlWriter(output.StreamSink(buf), context=30)
    writer.document(doc, [quote])
    (rec,) = jsonl(buf.getvalue().decode())
    assert whole[rec["context_start"]:rec["context_end"]] == rec["context"]
    assert rec["context_start"] < base  # reaches into the paragraph before the chunk


def test_without_context_records_have_no_new_keys(runner: CliRunner, write: Write) -> None:
    path = write("a.txt", TEXT)
    recs = jsonl(run(runner, str(path)).stdout)
    assert [list(r) for r in recs] == [["file", "id", *FIELDS]] * len(recs)


@pytest.mark.parametrize("value", ["-1", "ten", "1.5", ""])
def test_bad_context_is_a_usage_error(runner: CliRunner, write: Write, value: str) -> None:
    result = run(runner, str(write("a.txt", TEXT)), "--context", value)
    assert result.exit_code == 2
    assert "Invalid value for '--context'" in result.stderr
    assert "neither a number of characters nor 'paragraph'" in result.stderr


def test_context_in_a_table(runner: CliRunner, write: Write) -> None:
    result = run(runner, str(write("a.txt", TEXT)), "--context", "paragraph", "-f", "table")
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[2]
    assert [c.strip() for c in header.strip("│").split("│")] == [
        "speaker", "cue", "quote", "context", "start", "end"]
    assert "standing by the" in result.stdout
    result = run(runner, str(write("a.txt", TEXT)), "--context", "5", "-f", "table", "--explain")
    header = result.stdout.splitlines()[2]
    assert [c.strip() for c in header.strip("│").split("│")][-2:] == ["rule", "candidates"]


# ------------------------------------------------------------------ --fields

def test_fields_select_and_order_jsonl_and_json(runner: CliRunner, write: Write) -> None:
    path = write("a.txt", TEXT)
    recs = jsonl(run(runner, str(path), "--fields", "speaker,start,quote").stdout)
    assert recs and all(list(r) == ["speaker", "start", "quote"] for r in recs)
    arr = json.loads(run(runner, str(path), "-f", "json", "--fields", "confidence,file").stdout)
    assert arr and all(list(r) == ["confidence", "file"] for r in arr)


def test_fields_csv(runner: CliRunner, write: Write) -> None:
    path = write("a.txt", TEXT)
    result = run(runner, str(path), "-f", "csv", "--fields", "speaker,addressees,context_end,quote",
                 "--context", "10")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["speaker", "addressees", "context_end", "quote"]
    full = jsonl(run(runner, str(path), "--context", "10").stdout)
    assert rows[1:] == [[r["speaker"], "; ".join(r["addressees"]), str(r["context_end"]), r["quote"]]
                        for r in full]


def test_fields_table_columns(runner: CliRunner, write: Write) -> None:
    result = run(runner, str(write("a.txt", TEXT)), "-f", "table", "--fields", "quote,speaker,confidence")
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[2]
    assert [c.strip() for c in header.strip("│").split("│")] == ["quote", "speaker", "confidence"]
    assert "Jane Holt" in result.stdout and "0.95" in result.stdout


@pytest.mark.parametrize("spec, message", [
    ("speaker,bogus", "unknown field 'bogus'"),
    ("speaker,,quote", "unknown field an empty name"),
    ("speaker,speaker", "given twice"),
    ("candidates", "needs --explain"),
    ("context", "needs --context"),
])
def test_bad_fields_are_usage_errors(runner: CliRunner, write: Write, spec: str, message: str) -> None:
    result = run(runner, str(write("a.txt", TEXT)), "--fields", spec)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_field_lists_the_valid_ones() -> None:
    with pytest.raises(ValueError) as err:
        parse_fields("nope")
    assert str(err.value).endswith("valid fields: " + ", ".join(ALL_FIELDS))


def test_fields_with_explain_candidates(runner: CliRunner, write: Write) -> None:
    recs = jsonl(run(runner, str(write("a.txt", TEXT)), "--explain", "--fields", "rule,candidates").stdout)
    assert recs and all(list(r) == ["rule", "candidates"] and isinstance(r["candidates"], list)
                        for r in recs)


# ------------------------------------------------------------- --min-confidence

def test_min_confidence_filters(runner: CliRunner, write: Write) -> None:
    path = write("a.txt", TEXT)
    every = jsonl(run(runner, str(path), "--terms").stdout)
    assert len({r["confidence"] for r in every}) >= 2
    for x in (0.0, 0.5, 0.9, 0.95, 1.0):
        kept = jsonl(run(runner, str(path), "--terms", "--min-confidence", str(x)).stdout)
        assert kept == [r for r in every if r["confidence"] >= x]
    assert any(r["kind"] == "term" for r in every)
    assert all(r["kind"] != "term" for r in jsonl(run(runner, str(path), "--terms",
                                                     "--min-confidence", "0.1").stdout))


@pytest.mark.parametrize("value", ["-0.1", "1.01", "high"])
def test_bad_min_confidence_is_a_usage_error(runner: CliRunner, write: Write, value: str) -> None:
    result = run(runner, str(write("a.txt", TEXT)), "--min-confidence", value)
    assert result.exit_code == 2 and "Invalid value for '--min-confidence'" in result.stderr


def test_stats_min_confidence(runner: CliRunner, write: Write) -> None:
    path = write("a.txt", TEXT)
    every = json.loads(runner.invoke(cli, ["stats", str(path), "-f", "json"]).stdout)
    high = json.loads(runner.invoke(cli, ["stats", str(path), "-f", "json",
                                          "--min-confidence", "0.9"]).stdout)
    records = jsonl(run(runner, str(path), "--min-confidence", "0.9").stdout)
    assert high["quotes"] == len(records) < every["quotes"]
    assert [s["speaker"] for s in high["speakers"]] == sorted({r["speaker"] for r in records})


def test_fields_table_fits_the_width(runner: CliRunner, write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(write("a.txt", TEXT))
    for columns in ("100", "60"):
        monkeypatch.setenv("COLUMNS", columns)
        result = run(runner, path, "--context", "paragraph", "--explain", "-f", "table")
        assert result.exit_code == 0, result.stderr
        assert max(len(line) for line in result.stdout.splitlines()) <= int(columns)
        assert "Jane Holt" in result.stdout
    monkeypatch.setenv("COLUMNS", "60")
    stacked = run(runner, path, "--context", "paragraph", "--explain", "-f", "table").stdout
    assert "│ context: " in stacked and "│ candidates: " in stacked  # one cell per record
