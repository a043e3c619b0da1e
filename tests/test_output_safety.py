"""Output that never harms: -o targets that are not regular files, the input
as the output, symbolic links, signals, closed streams, output suffixes,
CSV line ends, runs that read nothing."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotex import output
from quotex.cli import cli
from quotex.errors import EXIT_HANGUP, EXIT_NO_INPUT, EXIT_TERMINATED, EXIT_USAGE

TEXT = '"We go on," Bob Lee said.\n'
QUOTEX = [sys.executable, "-c", "from quotex.cli import main; main()"]


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "in.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _records(data: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in data.splitlines()]


# ------------------------------------------------------- -o targets

def test_output_to_a_fifo_is_written_through(tmp_path: Path, article: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    # a daemon reader: if quotex replaced the FIFO, the reader's open never returns
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    proc = subprocess.run([*QUOTEX, "extract", str(article), "-o", str(fifo), "-f", "jsonl"],
                          capture_output=True, timeout=30)
    reader.join(timeout=10)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # not replaced by a regular file
    assert got, "the FIFO's reader got nothing"
    [rec] = _records(got[0].decode())
    assert rec["speaker"] == "Bob Lee"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_output_to_a_character_device_is_written_through() -> None:
    # Checked on the sink, not by a run: quotex without this fix, run as root,
    # would turn /dev/null into a regular file.
    sink, identity = output.output_target(os.devnull)
    assert isinstance(sink, output.PassThroughFile)
    assert identity is None
    sink.write(b"{}\n")
    sink.commit()
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_input_that_is_the_output_is_refused_and_untouched(article: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(article)])
    assert result.exit_code == EXIT_USAGE
    assert "is also the output" in result.stderr
    assert article.read_text(encoding="utf-8") == TEXT


def test_stdin_that_is_the_output_is_refused(article: Path) -> None:
    with article.open("rb") as stdin:
        proc = subprocess.run([*QUOTEX, "extract", "-", "-o", str(article)], stdin=stdin,
                              capture_output=True, timeout=30)
    assert proc.returncode == EXIT_USAGE
    assert b"is also the output" in proc.stderr
    assert article.read_text(encoding="utf-8") == TEXT


def test_output_through_a_symbolic_link_writes_its_target(tmp_path: Path, article: Path) -> None:
    target = tmp_path / "real.jsonl"
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    [rec] = _records(target.read_text())
    assert rec["speaker"] == "Bob Lee"


def test_a_rerun_never_reads_its_own_output_in_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "d2"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    out = folder / "quotes.jsonl"  # a corpus suffix: the walk would read it
    for _ in range(2):
        result = CliRunner().invoke(cli, ["extract", str(folder), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        assert [r["file"] for r in _records(out.read_text())] == [str(folder / "a.txt")]


# ------------------------------------------------------- suffixes and CSV

@pytest.mark.parametrize("name, fmt", [("q.jsonl.gz", "jsonl"), ("q.csv.gz", "csv"),
                                       ("q.json.gz", "json")])
def test_gz_output_is_gzip_in_the_format_before_gz(tmp_path: Path, article: Path,
                                                   name: str, fmt: str) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = gzip.decompress(out.read_bytes()).decode()
    if fmt == "jsonl":
        assert _records(data)[0]["speaker"] == "Bob Lee"
    elif fmt == "json":
        assert json.loads(data)[0]["speaker"] == "Bob Lee"
    else:
        rows = list(csv.DictReader(io.StringIO(data)))
        assert rows[0]["speaker"] == "Bob Lee"


@pytest.mark.parametrize("name", ["q.tsv", "q.md", "q.tsv.gz"])
def test_an_unknown_output_suffix_is_a_usage_error(tmp_path: Path, article: Path, name: str) -> None:
    result = CliRunner().invoke(cli, ["extract", str(article), "-o", str(tmp_path / name)])
    assert result.exit_code == EXIT_USAGE
    assert "--format" in result.stderr
    assert not (tmp_path / name).exists()
    forced = CliRunner().invoke(cli, ["extract", str(article), "-o", str(tmp_path / name),
                                      "-f", "jsonl"])
    assert forced.exit_code == 0, forced.output


def test_csv_rows_end_in_lf_with_rfc4180_quoting(article: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(article), "-f", "csv"])
    assert result.exit_code == 0
    assert b"\r" not in result.stdout_bytes
    lines = result.stdout_bytes.decode().split("\n")
    assert lines[-1] == "" and len(lines) == 3
    assert '"We go on,"' in lines[1]  # a comma inside a cell is still quoted


# ------------------------------------------------------- runs that read nothing

@pytest.mark.parametrize("setup", ["empty", "pdf", "include"])
def test_a_run_that_reads_nothing_warns_and_exits_3(tmp_path: Path, setup: str) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    args = ["extract", str(folder)]
    if setup == "pdf":
        (folder / "a.pdf").write_bytes(b"%PDF-1.4")
    if setup == "include":
        (folder / "a.txt").write_text(TEXT)
        args += ["--include", "*.TXT"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == EXIT_NO_INPUT
    assert "no input files matched" in result.stderr
    assert result.stdout == ""


# ------------------------------------------------------- signals and closed streams

def _wait_for_tmp(folder: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if any(p.name.endswith(".tmp") for p in folder.iterdir()):
            return
        time.sleep(0.05)
    raise AssertionError("quotex never opened its temporary output")


@pytest.mark.parametrize("signame, code", [("SIGTERM", EXIT_TERMINATED), ("SIGHUP", EXIT_HANGUP)])
def test_terminating_signals_clean_up_like_ctrl_c(tmp_path: Path, signame: str, code: int) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    # stdin stays open, so quotex is still reading when the signal comes
    proc = subprocess.Popen([*QUOTEX, "extract", "-", "-o", str(out)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proc.stdin is not None
        proc.stdin.write(TEXT.encode())
        proc.stdin.flush()
        _wait_for_tmp(tmp_path)
        proc.send_signal(getattr(signal, signame))
        _, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == code
    assert b"Traceback" not in err
    assert out.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_closed_stderr_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x93Caf\xe9,\x94 Ann Lee said.\n")  # cp1252: a warning
    (tmp_path / "b.txt").write_text(TEXT)
    proc = subprocess.run([*QUOTEX, "extract", str(tmp_path)], capture_output=False,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=30,
                          preexec_fn=lambda: os.close(2))
    assert proc.returncode == 0
    assert [r["speaker"] for r in _records(proc.stdout.decode())] == ["Ann Lee", "Bob Lee"]


def test_a_closed_stdout_is_one_clear_line(article: Path) -> None:
    proc = subprocess.run([*QUOTEX, "extract", str(article)], stderr=subprocess.PIPE,
                          timeout=30, preexec_fn=lambda: os.close(1))
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == (
        "quotex: error: cannot write to stdout: it is closed (give -o FILE)")


def test_a_closed_stdin_is_one_clear_line() -> None:
    proc = subprocess.run([*QUOTEX, "extract", "-"], capture_output=True, timeout=30,
                          preexec_fn=lambda: os.close(0))
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == "quotex: error: -: cannot read: standard input is closed"


# ------------------------------------------------------- the Python API

@pytest.mark.parametrize("value, name", [(None, "NoneType"), (b'"We go," Ann said.', "bytes"),
                                         (42, "int")])
def test_extract_rejects_what_is_not_str_in_plain_words(value: object, name: str) -> None:
    import quotex

    for function in (quotex.extract, quotex.explain):
        with pytest.raises(TypeError, match=rf"^quotex\.{function.__name__} expects str, got {name}"):
            function(value)  # type: ignore[arg-type]
