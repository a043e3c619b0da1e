"""The progress bar on stderr: late, cleared before stdout, documents "of N"; the summary last."""
from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from quotex import output
from quotex.inputs import Problem, total_documents
from quotex.output import Reporter

Write = Callable[..., Path]
CLEAR = "\r\x1b[2K"


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def reporter(total_docs: int | None = 5) -> tuple[Reporter, io.StringIO, Clock]:
    err, clock = io.StringIO(), Clock()
    rep = Reporter(err, progress=True, summary=True, force=True, clock=clock, color=False)
    rep.start(1000, total_docs)
    return rep, err, clock


def test_no_bar_in_the_first_second() -> None:
    rep, err, clock = reporter()
    for t in (0.0, 0.3, 0.9):
        clock.t = t
        rep.advance("a.txt", [], 100)
    assert err.getvalue() == ""
    clock.t = 1.05
    rep.advance("b.txt", [], 100)
    assert err.getvalue().startswith("\r") and "documents 4 of 5" in err.getvalue()
    assert "\n" not in err.getvalue()  # one line, redrawn in place


def test_bar_is_cleared_before_output_and_held_back_after_pipe_output() -> None:
    rep, err, clock = reporter()
    clock.t = 2.0
    rep.advance("a.txt", [], 100)
    drawn = err.getvalue()
    assert "documents 1 of 5" in drawn and not drawn.endswith(CLEAR)
    rep.before_output()
    assert err.getvalue() == drawn + CLEAR
    rep.after_output(terminal=False)  # to a pipe whose reader we cannot watch (no FIONREAD)
    clock.t = 2.05
    rep.advance("b.txt", [], 100)
    assert err.getvalue() == drawn + CLEAR  # not redrawn while the reader may still print
    clock.t = 2.3
    rep.advance("c.txt", [], 100)
    assert err.getvalue().endswith("\x1b[K") and "documents 3 of 5" in err.getvalue()
    rep.before_output()
    rep.after_output(terminal=True)  # a table on the terminal: written synchronously
    clock.t = 2.55
    rep.advance("d.txt", [], 100)
    assert err.getvalue().endswith("\x1b[K") and "documents 4 of 5" in err.getvalue()


def test_bar_refreshes_at_most_five_times_a_second() -> None:
    rep, err, clock = reporter(None)
    clock.t = 1.0
    for i in range(100):
        clock.t += 0.001
        rep.advance("a.txt", [], 1)
    assert err.getvalue().count("\r") == 1
    assert "documents 1 " in err.getvalue() and " of " not in err.getvalue()  # no total known


def test_problem_lines_go_above_the_bar_and_summary_clears_it() -> None:
    rep, err, clock = reporter(3)
    clock.t = 1.5
    rep.advance("c.jsonl", [], 10)
    rep.problem(Problem("c.jsonl", "not valid JSON", line=2))
    out = err.getvalue()
    assert CLEAR + "quotex: error: c.jsonl:2: not valid JSON\n" in out
    assert out.endswith("\x1b[K") and "documents 2 of 3" in out.rsplit("\n", 1)[1]  # the bad record counts
    rep.summary(0.5)
    assert err.getvalue().endswith(CLEAR + "quotex: 1 file, 0 quotes, 0 speakers, 1 failure, 0.50 s\n")


def test_chunks_of_one_file_are_one_document() -> None:
    rep, err, clock = reporter(1)
    rep.advance("big.txt", [], 100)
    rep.advance("big.txt", [], 100, new_document=False)
    assert rep.stats.documents == 1 and len(rep.stats.files) == 1
    clock.t = 1.0
    rep.advance("big.txt", [], 100, new_document=False)
    assert "documents 1 of 1" in err.getvalue()


def test_total_documents(write: Write, tmp_path: Path) -> None:
    write("d/a.txt")
    write("d/b.md")
    write("d/c.jsonl", '{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}')
    assert total_documents([str(tmp_path / "d")]) == 5
    assert total_documents([str(tmp_path / "d"), str(tmp_path / "d" / "a.txt")]) == 6
    assert total_documents([str(tmp_path / "d")], budget=10) is None  # too big to count twice
    assert total_documents([str(tmp_path / "d"), "-"]) is None
    write("e/c.jsonl.gz", gzip.compress(b'{"text": "x"}\n'))
    assert total_documents([str(tmp_path / "e")]) is None
    assert total_documents([str(tmp_path / "missing")]) == 0


# ------------------------------------------------------------- on a real terminal

def run_on_pty(shell: str, cwd: Path, timeout: float = 60) -> bytes:
    """Run ``shell`` with a pseudo-terminal as stdin, stdout and stderr; all it printed."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    env.update(TERM="xterm", COLUMNS="100", QUOTEX_PY=sys.executable)
    proc = subprocess.Popen(["bash", "-c", shell], cwd=cwd, stdin=slave, stdout=slave,
                            stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=timeout) == 0
    return b"".join(chunks)


#: quotex with the bar drawn from the start (as in a long run) and 10 ms a
#: document (so that the reader keeps up, even on a loaded machine)
EAGER = ('"$QUOTEX_PY" -c "import time, quotex.output as o, quotex.batch as b; o.PROGRESS_DELAY = 0; '
         'one = b.extract_one; b.extract_one = lambda *a: (time.sleep(0.01), one(*a))[1]; '
         'from quotex.cli import main; main()"')


def test_short_run_draws_no_bar_and_summary_follows_the_records(write: Write, tmp_path: Path) -> None:
    write("a.txt")
    write("b.txt", '"Fine," Bob Jones said.\n')
    out = run_on_pty('"$QUOTEX_PY" -m quotex extract a.txt b.txt | (sleep 0.4; cut -c1-40)', tmp_path)
    text = out.decode("utf-8")
    assert "━" not in text and "documents" not in text and "\x1b[" not in text  # no bar at all
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    assert [line[:9] for line in lines[:2]] == ['{"file": '] * 2
    assert lines[-1].startswith("quotex: 2 files, 2 quotes, 2 speakers, 0 failures, ")


def test_bar_never_glued_to_records_through_a_pipe(write: Write, tmp_path: Path) -> None:
    records = "".join(json.dumps({"id": i, "text": f'"We won {i} times," Jane Smith said.\n'}) + "\n"
                      for i in range(60))
    write("c.jsonl", records)
    out = run_on_pty(f"{EAGER} extract -j 1 c.jsonl | cut -c1-50", tmp_path).decode("utf-8")
    assert "documents" in out and " of 60" in out  # drawn, counting records of a known total
    # every record starts a line: at column 0, or right after the bar was erased
    pieces = out.split('{"file": ')
    assert len(pieces) == 61
    for before in pieces[:-1]:
        assert before == "" or before.endswith("\n") or before.endswith(CLEAR), repr(before[-80:])
    tail = out.replace("\r\n", "\n").rstrip("\n").rsplit("\n", 1)[1]
    assert tail.split(CLEAR)[-1].startswith("quotex: 1 file (60 documents), 60 quotes, 1 speaker")
