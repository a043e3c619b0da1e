"""The command line: formats, exit codes, errors on stderr, atomic -o, streaming."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import quotex
from quotex import output
from quotex.cli import cli
from quotex.errors import EXIT_CODES, OutputError
from quotex.records import FIELDS

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_2475380bb444d615.txt"
SIMPLE = '"We will win," Jane Smith said.\n'  # the same as conftest's default file text

KEYS = ["file", "id", *FIELDS]
Write = Callable[..., Path]


def jsonl(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


# ------------------------------------------------------------------ basics

def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"quotex {quotex.__version__}\n"


def test_help_lists_commands_and_exit_codes(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.stdout and "stats" in result.stdout
    for command in (["extract", "--help"], ["stats", "--help"]):
        out = runner.invoke(cli, command).stdout
        assert "Exit codes:" in out
        for code, meaning in EXIT_CODES:
            assert f"{code:<4} {meaning}" in out, (command, code)
    assert "Examples:\n    quotex extract article.txt\n" in runner.invoke(cli, ["extract", "-h"]).stdout


def test_jsonl_is_the_default_off_a_terminal(runner: CliRunner, write: Write) -> None:
    path = write("a.txt")
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    [rec] = jsonl(result.stdout)
    assert list(rec) == KEYS
    assert rec["file"] == str(path) and rec["id"] is None
    assert rec["speaker"] == "Jane Smith" and rec["quote"] == "We will win,"
    start, end = rec["start"], rec["end"]
    assert isinstance(start, int) and isinstance(end, int)
    assert SIMPLE[start:end].startswith('"') and SIMPLE[start:end].endswith('"')
    assert rec["kind"] == "direct"


def test_seed_through_the_cli(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", str(SEED)])
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert len(records) >= 5
    text = SEED.read_text(encoding="utf-8")
    for rec in records:
        assert rec["quote"] in text[rec["start"]:rec["end"]]


def test_json_is_one_array(runner: CliRunner, write: Write) -> None:
    a, b = write("a.txt"), write("b.txt", "No quotes here.\n")
    result = runner.invoke(cli, ["extract", "--format", "json", str(a), str(b), str(a)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [list(d) for d in data] == [KEYS, KEYS]
    assert [d["file"] for d in data] == [str(a), str(a)]
    empty = runner.invoke(cli, ["extract", "-f", "json", str(b)])
    assert json.loads(empty.stdout) == []


def test_csv_has_a_header_and_a_row_per_quote(runner: CliRunner, write: Write) -> None:
    path = write("a.txt")
    result = runner.invoke(cli, ["extract", "--format", "csv", str(path)])
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == KEYS
    [row] = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert row["speaker"] == "Jane Smith" and row["id"] == "" and row["file"] == str(path)


def test_csv_joins_addressees() -> None:
    from quotex.inputs import Document

    sink = output.StreamSink(io.BytesIO())
    writer = output.make_writer("csv", sink)
    writer.begin()
    writer.document(Document("f.txt", ""), [quotex.Quote(0, 5, "Hi", "A", addressees=("B", "C D"))])
    assert isinstance(sink.stream, io.BytesIO)
    rows = list(csv.DictReader(io.StringIO(sink.stream.getvalue().decode())))
    assert rows[0]["addressees"] == "B; C D"


def test_stdin_and_output_format_from_suffix(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    result = runner.invoke(cli, ["extract", "-", "-o", str(out)], input=SIMPLE)
    assert result.exit_code == 0 and result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8"))))
    assert rows[0]["file"] == "-" and rows[0]["speaker"] == "Jane Smith"


def test_corpus_records_carry_their_id(runner: CliRunner, write: Write) -> None:
    lines = [{"doc": "a1", "body": SIMPLE}, {"doc": 7, "body": "Nothing."}, {"doc": "c3", "body": SIMPLE}]
    path = write("c.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    result = runner.invoke(cli, ["extract", str(path), "--text-field", "body", "--id-field", "doc"])
    assert result.exit_code == 0, result.stderr
    assert [(r["file"], r["id"]) for r in jsonl(result.stdout)] == [(str(path), "a1"), (str(path), "c3")]


def test_json_output_is_valid_with_lone_surrogates(runner: CliRunner, write: Write) -> None:
    path = write("s.jsonl", '{"id": 1, "text": "\\"We will win \\ud800 now,\\" Jane Smith said. \\udcff"}\n')
    for fmt in ("jsonl", "json", "csv", "table"):
        result = runner.invoke(cli, ["extract", "-f", fmt, str(path)])
        assert result.exit_code == 0, (fmt, result.stderr, result.exception)
    result = runner.invoke(cli, ["extract", "-f", "jsonl", str(path)])
    for line in result.stdout_bytes.decode("utf-8").splitlines():  # valid UTF-8
        json.loads(line)


def test_writers_escape_lone_surrogates() -> None:
    from quotex.inputs import Document

    for fmt in ("jsonl", "json"):
        sink = output.StreamSink(io.BytesIO())
        writer = output.make_writer(fmt, sink)
        writer.begin()
        writer.document(Document("f\udcff.txt", ""), [quotex.Quote(0, 5, "a\ud800b", "X")])
        writer.end()
        assert isinstance(sink.stream, io.BytesIO)
        raw = sink.stream.getvalue().decode("utf-8")
        data = json.loads(raw) if fmt == "json" else [json.loads(raw)]
        assert data[0]["quote"] == "a\ud800b" and data[0]["file"] == "f\udcff.txt"


def test_explain_adds_candidates(runner: CliRunner, write: Write) -> None:
    path = write("a.txt")
    result = runner.invoke(cli, ["extract", "--explain", str(path)])
    assert result.exit_code == 0
    [rec] = jsonl(result.stdout)
    assert list(rec) == [*KEYS, "candidates", "steps"]
    assert isinstance(rec["candidates"], list) and rec["rule"]
    # the steps, one per line of candidates: the last chose the record's speaker by its rule
    assert len(rec["steps"]) == len(rec["candidates"])
    assert all(list(step) == ["rule", "candidates", "chosen"] for step in rec["steps"])
    assert (rec["steps"][-1]["rule"], rec["steps"][-1]["chosen"]) == (rec["rule"], rec["speaker"])
    table = runner.invoke(cli, ["extract", "--explain", "-f", "table", str(path)])
    assert "rule / candidates" in table.stdout and str(rec["rule"])[:10] in table.stdout


def test_explain_steps_are_the_same_from_workers_and_in_csv(runner: CliRunner, write: Write) -> None:
    # over the first batch's 4 kB each, so that workers read them
    text = SIMPLE + "The crowd waited in the rain. " * 150 + '\n"We always do," said Tom Hale.\n'
    paths = [str(write(f"{name}.txt", text)) for name in "abc"]
    serial = jsonl(runner.invoke(cli, ["extract", "--explain", "--jobs", "1", *paths]).stdout)
    workers = jsonl(runner.invoke(cli, ["extract", "--explain", "--jobs", "2", *paths]).stdout)
    assert [r["steps"] for r in workers] == [r["steps"] for r in serial]
    assert {s["chosen"] for r in serial for s in r["steps"]} >= {"Jane Smith", "Tom Hale"}
    table = runner.invoke(cli, ["extract", "--explain", "-f", "csv", "--fields", "steps", paths[0]])
    rows = table.stdout.splitlines()
    assert rows[0] == "steps" and '""chosen"": ""Tom Hale""' in rows[-1]


def test_table_is_plain_off_a_terminal(runner: CliRunner, write: Write) -> None:
    path = write("a.txt", SIMPLE + 'Bad \x1b[2J "Fine words \x1b]0;pwned\x07 here," Jane Smith said.\n')
    result = runner.invoke(cli, ["extract", "-f", "table", str(path), str(write("b.txt", "x"))])
    assert result.exit_code == 0
    assert "Jane Smith" in result.stdout and "We will win," in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert f"{write('b.txt', 'x')}: no quotes" in result.stdout


# ------------------------------------------------------------ errors, codes

def test_missing_file_is_one_line_and_the_rest_is_output(runner: CliRunner, write: Write,
                                                           tmp_path: Path) -> None:
    a, missing, b = write("a.txt"), tmp_path / "missing.txt", write("b.txt")
    result = runner.invoke(cli, ["extract", str(a), str(missing), str(b)])
    assert result.exit_code == 1
    assert [r["file"] for r in jsonl(result.stdout)] == [str(a), str(b)]
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"quotex: error: {missing}: ")


def test_warnings_do_not_fail_the_run(runner: CliRunner, write: Write) -> None:
    path = write("w.txt", SIMPLE.encode("utf-8") + "caf\u00e9 \u2019".encode("cp1252"))
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"quotex: warning: {path}: ")
    assert len(result.stderr.splitlines()) == 1


def test_corpus_line_numbers_in_errors(runner: CliRunner, write: Write) -> None:
    path = write("c.jsonl", json.dumps({"id": 1, "text": SIMPLE}) + "\n{oops\n")
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"quotex: error: {path}:2: ")
    assert len(jsonl(result.stdout)) == 1


@pytest.mark.parametrize("args", [["extract"], ["extract", "--bogus", "x"], ["extract", "-f", "xml", "x"],
                                  ["extract", "--jobs", "0", "x"], ["extract", "--encoding", "nope", "x"],
                                  ["nosuchcommand"]])
def test_usage_errors_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Error:" in result.stderr


def test_no_quotes_is_success(runner: CliRunner, write: Write) -> None:
    result = runner.invoke(cli, ["extract", str(write("n.txt", "Nothing quoted here.\n"))])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""


def test_internal_error_is_one_line(runner: CliRunner, write: Write,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from quotex import batch

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(batch, "run", boom)
    monkeypatch.delenv("QUOTEX_DEBUG", raising=False)
    result = runner.invoke(cli, ["extract", str(write("a.txt"))])
    assert result.exit_code == 1
    assert result.stderr == "quotex: internal error: RuntimeError: boom\\x0asecond line\n"
    monkeypatch.setenv("QUOTEX_DEBUG", "1")
    result = runner.invoke(cli, ["extract", str(write("a.txt"))])
    assert isinstance(result.exception, RuntimeError)


def _fail_on_second_document(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    original = output.JsonlWriter.document
    calls = []

    def document(self: output.JsonlWriter, *args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise exc
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(output.JsonlWriter, "document", document)


def test_interrupt_exits_130_and_keeps_what_was_written(runner: CliRunner, write: Write,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = write("a.txt"), write("b.txt")
    _fail_on_second_document(monkeypatch, KeyboardInterrupt())
    result = runner.invoke(cli, ["extract", "--jobs", "1", str(a), str(b)])
    assert result.exit_code == 130
    assert result.stderr == "quotex: interrupted\n"
    assert [r["file"] for r in jsonl(result.stdout)] == [str(a)]


@pytest.mark.parametrize("exc, code, message", [
    (KeyboardInterrupt(), 130, "quotex: interrupted\n"),
    (OSError(28, "No space left on device"), 1, "quotex: error: cannot write {out}: No space left on device\n"),
])
def test_output_file_is_atomic(runner: CliRunner, write: Write, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch, exc: BaseException, code: int,
                               message: str) -> None:
    a, b = write("in/a.txt"), write("in/b.txt")
    out = tmp_path / "out" / "q.jsonl"
    out.parent.mkdir()
    out.write_text("previous\n")
    original_write = output.AtomicFile.write
    writes = []

    def write_then_fail(self: output.AtomicFile, data: bytes) -> None:
        writes.append(data)
        if len(writes) == 2:
            if isinstance(exc, OSError):
                raise OutputError(f"cannot write {self.name}: {exc.strerror}")
            raise exc
        original_write(self, data)

    monkeypatch.setattr(output.AtomicFile, "write", write_then_fail)
    result = runner.invoke(cli, ["extract", "--jobs", "1", str(a), str(b), "-o", str(out)])
    assert result.exit_code == code
    assert result.stderr == message.format(out=out)
    assert out.read_text() == "previous\n"
    assert sorted(os.listdir(out.parent)) == ["q.jsonl"]


def test_output_file_written_whole(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    out = tmp_path / "q.json"
    out.write_text("previous\n")
    result = runner.invoke(cli, ["extract", str(write("a.txt")), "--output", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 1
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "q.json"]


def test_output_into_missing_folder(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    out = tmp_path / "nope" / "q.jsonl"
    result = runner.invoke(cli, ["extract", str(write("a.txt")), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"quotex: error: cannot write {out}: No such file or directory\n"


def test_progress_and_summary(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    args = ["extract", str(write("a.txt")), str(tmp_path / "missing.txt")]
    loud = runner.invoke(cli, [*args, "--progress"])
    assert loud.exit_code == 1
    last = loud.stderr.rstrip("\n").splitlines()[-1]
    assert "quotex: 1 file, 1 quote, 1 speaker, 1 failure, " in last and last.endswith(" s")
    quiet = runner.invoke(cli, [*args, "--quiet"])
    [line] = quiet.stderr.splitlines()
    assert line.startswith(f"quotex: error: {tmp_path / 'missing.txt'}: ")


# ------------------------------------------------------------------- stats

def test_stats_json_and_table(runner: CliRunner, write: Write) -> None:
    a = write("d/a.txt")
    write("d/b.txt", "Nothing.\n")
    write("d/sub/c.txt")
    result = runner.invoke(cli, ["stats", "--recursive", "--format", "json", str(a.parent)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["files"] == 3 and data["quotes"] == 2 and data["distinct_speakers"] == 1
    assert data["speakers"] == [{"speaker": "Jane Smith", "speaker_id": "jane smith", "quotes": 2,
                                 "names": {"Jane Smith": 2}}]
    assert data["attributed_share"] == 1.0
    table = runner.invoke(cli, ["stats", str(a.parent)])
    assert table.exit_code == 0
    assert "Jane Smith" in table.stdout and "quotes per speaker" in table.stdout


# -------------------------------------------------------- real processes

def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, *args], capture_output=True, timeout=60, check=False)


def test_python_dash_m_and_no_rich_for_machine_formats(tmp_path: Path) -> None:
    assert _run("-m", "quotex", "--version").stdout.decode() == f"quotex {quotex.__version__}\n"
    path = tmp_path / "a.txt"
    path.write_text(SIMPLE, encoding="utf-8")
    code = ("import sys\nfrom quotex.cli import main\n"
            "try:\n    main(['extract', '-f', 'jsonl', sys.argv[1]])\n"
            "except SystemExit as e:\n    assert not e.code, e.code\n"
            "assert 'rich' not in sys.modules, 'rich imported'\n")
    proc = _run("-c", code, str(path))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["speaker"] == "Jane Smith"


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:04}.txt").write_text(SIMPLE * 20, encoding="utf-8")
    with subprocess.Popen([sys.executable, "-m", "quotex", "extract", str(folder)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # like `| head -1`
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 141
    assert json.loads(first)["speaker"] == "Jane Smith"
    assert err == b""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SIMPLE, encoding="utf-8")
    for args in (["extract", str(path)], ["extract", "-f", "table", str(path)],
                 ["stats", "-f", "json", str(path)]):
        with open("/dev/full", "wb") as full:
            proc = subprocess.run([sys.executable, "-m", "quotex", *args], stdout=full,
                                  stderr=subprocess.PIPE, timeout=60, check=False)
        assert proc.returncode == 1, args
        assert proc.stderr == b"quotex: error: cannot write to stdout: No space left on device\n"


def test_dash_output_is_stdout_and_terms(runner: CliRunner, write: Write) -> None:
    path = write("t.txt", SIMPLE + 'The so-called "peace plan" was shelved.\n')
    plain = jsonl(runner.invoke(cli, ["extract", str(path), "-o", "-"]).stdout)
    assert {r["kind"] for r in plain} == {"direct"}
    with_terms = runner.invoke(cli, ["extract", str(path), "--terms"])
    assert with_terms.exit_code == 0
    kinds = [r["kind"] for r in jsonl(with_terms.stdout)]
    assert set(kinds) <= set(quotex.KINDS) and len(kinds) >= len(plain)
    table = runner.invoke(cli, ["extract", str(path), "--terms", "-f", "table"])
    assert "│ kind" in table.stdout
