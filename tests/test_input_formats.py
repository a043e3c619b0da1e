"""--input-format text|jsonl|json and --max-record-size (issue 12 items 15 and 3)."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quotex.cli import cli
from quotex.inputs import Document, Problem, format_size, iter_documents, parse_size

Write = Callable[..., Path]

RECORDS = [
    {"id": "a", "text": '"We will win," Jane Smith said.'},
    {"id": "b", "text": '"No chance," said Tom Brine.'},
    {"id": "c", "body": "no text here"},
    {"id": "d", "text": 7},
    {"text": '"Bring the map," Ann Lee said.'},
]
JSONL = "".join(json.dumps(r) + "\n" for r in RECORDS)


def jsonl(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines()]


def speakers(stdout: str) -> list[tuple[Any, Any]]:
    return [(r["id"], r["speaker"]) for r in jsonl(stdout)]


EXPECTED = [("a", "Jane Smith"), ("b", "Tom Brine"), ("5", "Ann Lee")]
ERRORS = ['3: record has no "text" field', '4: "text" is not a string']


def check_errors(stderr: str, source: str) -> None:
    lines = [line for line in stderr.splitlines() if ": error: " in line]
    assert len(lines) == len(ERRORS), stderr
    for line, tail in zip(lines, ERRORS):
        assert line.startswith(f"quotex: error: {source}:{tail}")


# ------------------------------------------------------------ --input-format

def test_jsonl_on_stdin(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "-", "--input-format", "jsonl"], input=JSONL)
    assert result.exit_code == 1  # two bad records
    assert speakers(result.stdout) == EXPECTED
    check_errors(result.stderr, "-")
    assert all(r["file"] == "-" for r in jsonl(result.stdout))


def test_gzipped_jsonl_on_stdin() -> None:
    data = gzip.compress(JSONL.encode())
    proc = subprocess.run([sys.executable, "-m", "quotex", "extract", "-", "--input-format", "jsonl"],
                          input=data, capture_output=True, timeout=60, check=False)
    assert speakers(proc.stdout.decode()) == EXPECTED


def test_stdin_text_that_looks_like_jsonl_warns(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "-"], input=JSONL)
    assert result.exit_code == 0
    assert "quotex: warning: -: looks like JSON Lines; use --input-format jsonl" in result.stderr.splitlines()


def test_text_file_that_looks_like_json_warns(runner: CliRunner, write: Write) -> None:
    path = write("c.txt", json.dumps(RECORDS, indent=2))
    result = runner.invoke(cli, ["extract", str(path)])
    assert f"quotex: warning: {path}: looks like JSON; use --input-format json" in result.stderr


@pytest.mark.parametrize("text", [
    '"We will win," Jane Smith said.\n',
    '{"id": 1, "title": "no text key"}\n',
    '{not json at all} "Hi," Bo Li said.\n',
    '[1, 2, 3]\n',
])
def test_no_warning_for_other_text(runner: CliRunner, text: str) -> None:
    result = runner.invoke(cli, ["extract", "-"], input=text)
    assert "looks like" not in result.stderr


def test_explicit_text_format_does_not_warn(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "-", "--input-format", "text"], input=JSONL)
    assert result.exit_code == 0 and "looks like" not in result.stderr
    assert all(r["id"] is None for r in jsonl(result.stdout))


def test_json_array_file(runner: CliRunner, write: Write) -> None:
    path = write("c.json", json.dumps(RECORDS, indent=2))
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1
    assert speakers(result.stdout) == EXPECTED
    check_errors(result.stderr, str(path))


def test_json_gz_and_json_on_stdin(runner: CliRunner, write: Write) -> None:
    path = write("c.json.gz", gzip.compress(json.dumps(RECORDS).encode()))
    assert speakers(runner.invoke(cli, ["extract", str(path)]).stdout) == EXPECTED
    result = runner.invoke(cli, ["extract", "-", "--input-format", "json"], input=json.dumps(RECORDS))
    assert speakers(result.stdout) == EXPECTED


def test_json_single_object_and_empty_array(runner: CliRunner, write: Write) -> None:
    one = write("one.json", json.dumps(RECORDS[0]))
    assert speakers(runner.invoke(cli, ["extract", str(one)]).stdout) == [("a", "Jane Smith")]
    empty = write("empty.json", " [ ]\n")
    result = runner.invoke(cli, ["extract", str(empty)])
    # as for an empty .jsonl: nothing was read
    assert result.exit_code == 3 and result.stdout == "" and "error" not in result.stderr


@pytest.mark.parametrize("content, number, message", [
    ('[{"id": 1, "text": "\\"Hi,\\" Bo Li said."}, {"id": 2,, }]', 2, "not valid JSON"),
    ('[{"id": 1, "text": "\\"Hi,\\" Bo Li said."} {"id": 2}]', 2, "expected ',' or ']'"),
    ('[{"id": 1, "text": "\\"Hi,\\" Bo Li said."}', 2, "the array is not closed"),
    ('[{"id": 1, "text": "\\"Hi,\\" Bo Li said."}] extra', 2, "data after the JSON array"),
])
def test_json_syntax_error_ends_the_file_with_one_line(runner: CliRunner, write: Write, content: str,
                                                       number: int, message: str) -> None:
    bad = write("bad.json", content)
    good = write("good.txt", '"Fine," Sam Roe said.\n')
    result = runner.invoke(cli, ["extract", str(bad), str(good)])
    assert result.exit_code == 1
    assert [r["speaker"] for r in jsonl(result.stdout)] == ["Bo Li", "Sam Roe"]
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith(f"quotex: error: {bad}:{number}: ")
    assert message in errors[0]


def test_json_that_is_not_an_array_or_object(runner: CliRunner, write: Write) -> None:
    path = write("n.json", "42\n")
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1 and "not a JSON array or object" in result.stderr


def test_input_format_applies_to_any_name(runner: CliRunner, write: Write) -> None:
    path = write("corpus.txt", JSONL)
    result = runner.invoke(cli, ["extract", str(path), "--input-format", "jsonl"])
    assert speakers(result.stdout) == EXPECTED
    path = write("corpus.data", json.dumps(RECORDS))
    assert speakers(runner.invoke(cli, ["extract", str(path), "--input-format", "json"]).stdout) == EXPECTED
    # and .jsonl read as text is one document
    path = write("c.jsonl", JSONL)
    result = runner.invoke(cli, ["extract", str(path), "--input-format", "text"])
    assert {r["id"] for r in jsonl(result.stdout)} == {None}


def test_stats_reads_input_format(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["stats", "-", "--input-format", "jsonl", "-f", "json"], input=JSONL)
    assert json.loads(result.stdout)["documents"] == 3


def test_bad_input_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "-", "--input-format", "xml"], input="x")
    assert result.exit_code == 2 and "Invalid value for '--input-format'" in result.stderr


STREAM_SCRIPT = textwrap.dedent("""
    import json, sys, time
    sys.stdout.write(json.dumps({"id": "first", "text": '"Early," Ann Lee said.'}) + "\\n")
    sys.stdout.flush()
    time.sleep(30)
""")


def test_jsonl_stdin_streams(tmp_path: Path) -> None:
    """The first record's quotes come out while stdin is still open."""
    writer = subprocess.Popen([sys.executable, "-c", STREAM_SCRIPT], stdout=subprocess.PIPE)
    assert writer.stdout is not None
    # -j 1: with workers, a finished batch is written when the next one comes in
    reader = subprocess.Popen([sys.executable, "-m", "quotex", "extract", "-", "--input-format", "jsonl",
                               "-j", "1"],
                              stdin=writer.stdout, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONSAFEPATH": "1"})
    writer.stdout.close()
    assert reader.stdout is not None
    try:
        line = reader.stdout.readline()  # blocks until quotex writes; the writer sleeps 30 s
        assert json.loads(line)["id"] == "first"
        assert writer.poll() is None  # the input is not finished yet
    finally:
        writer.kill()
        reader.kill()
        writer.wait()
        reader.communicate()


# ---------------------------------------------------------- --max-record-size

@pytest.mark.parametrize("value, size", [("0", 0), ("512", 512), ("1K", 1024), ("64M", 64 << 20),
                                         ("1G", 1 << 30), ("2kb", 2048), ("3MiB", 3 << 20)])
def test_parse_size(value: str, size: int) -> None:
    assert parse_size(value) == size


def test_format_size() -> None:
    assert [format_size(n) for n in (64 << 20, 1024, 1 << 30, 1500)] == [
        "64 MB", "1 KB", "1 GB", "1500 bytes"]


@pytest.mark.parametrize("value", ["-1", "1.5M", "big", "12Q", ""])
def test_bad_max_record_size_is_a_usage_error(runner: CliRunner, value: str) -> None:
    result = runner.invoke(cli, ["extract", "-", "--max-record-size", value], input="x")
    assert result.exit_code == 2 and "Invalid value for '--max-record-size'" in result.stderr
    assert "is not a size" in result.stderr


def big_corpus() -> str:
    big = {"id": "big", "text": '"Too long," Ann Lee said. ' + "word " * 400}
    small = [{"id": f"s{i}", "text": f'"Line {i}," Jane Smith said.'} for i in range(3)]
    return "".join(json.dumps(r) + "\n" for r in (small[0], big, small[1], big, small[2]))


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz", "c.json"])
def test_record_over_the_limit_is_one_error(runner: CliRunner, write: Write, name: str) -> None:
    text = big_corpus()
    if name.endswith(".json"):
        text = "[" + ",\n".join(text.splitlines()) + "]"
    path = write(name, gzip.compress(text.encode()) if name.endswith(".gz") else text)
    result = runner.invoke(cli, ["extract", str(path), "--max-record-size", "1K"])
    assert result.exit_code == 1
    assert [r["id"] for r in jsonl(result.stdout)] == ["s0", "s1", "s2"]
    assert result.stderr.splitlines() == [
        f"quotex: error: {path}:2: record is larger than 1 KB (--max-record-size)",
        f"quotex: error: {path}:4: record is larger than 1 KB (--max-record-size)"]
    # the default limit reads them all
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0
    assert [r["id"] for r in jsonl(result.stdout)] == ["s0", "big", "s1", "big", "s2"]


def test_limit_is_exact_and_zero_is_none() -> None:
    line = json.dumps({"text": '"Hi," Bo Li said.'})
    data = (line + "\n" + line).encode()

    def kinds(limit: int) -> list[str]:
        import io

        items = iter_documents(["-"], stdin=io.BufferedReader(io.BytesIO(data)),  # type: ignore[arg-type]
                               input_format="jsonl", max_record_size=limit)
        return ["doc" if isinstance(i, Document) else "too big" for i in items
                if isinstance(i, Document) or (isinstance(i, Problem) and "larger" in i.message)]

    assert kinds(len(line)) == ["doc", "doc"]
    assert kinds(len(line) - 1) == ["too big", "too big"]
    assert kinds(0) == ["doc", "doc"]


def test_utf16_corpus_limit(runner: CliRunner, write: Write) -> None:
    path = write("c.jsonl", big_corpus().encode("utf-16"))
    result = runner.invoke(cli, ["extract", str(path), "--max-record-size", "1K"])
    assert [r["id"] for r in jsonl(result.stdout)] == ["s0", "s1", "s2"]
    assert result.stderr.count("record is larger than 1 KB") == 2


MEMORY_SCRIPT = textwrap.dedent("""
    import json, resource, subprocess, sys
    path = sys.argv[1]
    proc = subprocess.run([sys.executable, "-m", "quotex", "extract", path, "-j", "1"],
                          capture_output=True, text=True)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"rc": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr,
                      "peak_mb": peak_kb / 1024}))
""")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["huge.jsonl", "huge.jsonl.gz", "huge.json"])
def test_huge_record_memory_stays_bounded(tmp_path: Path, name: str) -> None:
    """A 200 MB record with the default limit (64 MB): one error line, the next
    record read, and a peak RSS far under the record's size."""
    path = tmp_path / name
    small = json.dumps({"id": "after", "text": '"Still here," Ann Lee said.'})
    head = b'{"id": "huge", "text": "'
    block = b"lorem ipsum " * 87382  # about 1 MB
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "wb") as f:  # type: ignore[operator]
        if name.endswith(".json"):
            f.write(b"[")
        f.write(head)
        for _ in range(200):
            f.write(block)
        f.write(b'"}' + (b",\n" if name.endswith(".json") else b"\n") + small.encode())
        f.write(b"]" if name.endswith(".json") else b"\n")
    proc = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(path)], capture_output=True,
                          text=True, timeout=600, check=True)
    out = json.loads(proc.stdout)
    assert out["rc"] == 1
    assert [r["id"] for r in jsonl(out["stdout"])] == ["after"]
    assert out["stderr"].splitlines() == [
        f"quotex: error: {path}:1: record is larger than 64 MB (--max-record-size)"]
    assert out["peak_mb"] < 150, out["peak_mb"]
