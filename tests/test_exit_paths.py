"""No traceback on any way out (issue 12, item 9).

A reader that closes the pipe at once (``| head -c 0``) while the workers are
busy, and a multiprocessing helper killed under a running batch, must end
quotex with its documented exit code and nothing but quotex's own lines on
stderr. These run real processes, so they are marked slow.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotex.errors import EXIT_BROKEN_PIPE

LINE = '"We go," Ann Lee said.\n'


def _endless_stdin_into_closed_pipe() -> tuple[int, bytes]:
    """``yes LINE | quotex extract - | head -c 0``: quotex's exit code and stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first record
    proc = subprocess.Popen([sys.executable, "-c", "from quotex.cli import main; main()", "extract", "-"],
                            stdin=subprocess.PIPE, stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    assert proc.stdin is not None and proc.stderr is not None
    chunk = (LINE * 2000).encode()
    try:
        while proc.poll() is None:
            proc.stdin.write(chunk)
    except (BrokenPipeError, OSError):
        pass
    try:
        proc.stdin.close()
    except OSError:
        pass
    try:
        err = proc.stderr.read()
        code = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise AssertionError("quotex hung after its reader closed the pipe") from None
    finally:
        proc.stderr.close()
    return code, err


@pytest.mark.slow
def test_a_closed_pipe_under_endless_input_exits_quietly_every_time() -> None:
    # the exit hooks of a torn-down process pool hung or printed tracebacks in 3 runs of 8
    for _ in range(8):
        code, err = _endless_stdin_into_closed_pipe()
        assert code == EXIT_BROKEN_PIPE, err.decode(errors="replace")
        assert err == b""


@pytest.mark.slow
def test_a_killed_resource_tracker_prints_no_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(120):
        (folder / f"d{i:03}.txt").write_text(LINE * 1500, encoding="utf-8")
    # a thread running at start makes quotex start its workers from a fork server,
    # which brings the resource tracker up
    script = ("import threading, time; threading.Thread(target=time.sleep, args=(600,), daemon=True).start(); "
              "from quotex.cli import main; main()")
    proc = subprocess.Popen([sys.executable, "-c", script, "extract", "-j", "2", "-f", "jsonl", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    tracker = None
    deadline = time.monotonic() + 20
    while tracker is None and time.monotonic() < deadline and proc.poll() is None:
        out = subprocess.run(["pgrep", "-P", str(proc.pid), "-f", "resource_tracker"],
                             capture_output=True, text=True).stdout.split()
        tracker = int(out[0]) if out else None
        time.sleep(0.05)
    if tracker is None:
        proc.kill()
        pytest.skip("no resource tracker was started on this platform")
    os.kill(tracker, signal.SIGKILL)
    out, err = proc.communicate(timeout=600)  # a hang detector: a loaded machine took 93 s
    assert b"Traceback" not in err, err.decode(errors="replace")
    assert proc.returncode == 0
    assert out.count(b"\n") == 120 * 1500
