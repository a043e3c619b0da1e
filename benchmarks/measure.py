"""Run one command and report its wall time and memory as one JSON line.

bench.py starts this wrapper afresh for every measured run, so that
``getrusage(RUSAGE_CHILDREN)`` covers exactly one command (and every
descendant it waited for, e.g. worker processes).

Usage: python benchmarks/measure.py [--poll SECONDS] [--cwd DIR] -- CMD [ARG...]

The command's stdout goes to /dev/null, its stderr to a temporary file whose
tail is reported. The JSON keys:
  wall        wall-clock seconds from spawn to exit (wrapper start-up excluded)
  rc          exit status
  maxrss_mb   peak RSS of the largest single process in the tree (ru_maxrss)
  tree_rss_mb peak of the summed RSS of the whole process tree, polled every
              --poll seconds from /proc (0 when polling is off/unavailable;
              pages shared after fork are counted once per process)
  cpu         user + system CPU seconds of the whole tree
  stderr      the last 2000 characters of the command's stderr
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def tree_pids(root: int) -> list[int]:
    """``root`` and all its descendants, via /proc/PID/task/TID/children."""
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as handle:
                    todo.extend(int(c) for c in handle.read().split())
            except OSError:
                pass
    return pids


def tree_rss(root: int) -> int:
    """Summed resident bytes of ``root``'s process tree right now."""
    total = 0
    for pid in tree_pids(root):
        try:
            with open(f"/proc/{pid}/statm") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
    return total


def main(argv: list[str]) -> int:
    poll = 0.0
    cwd = None
    while argv and argv[0] != "--":
        option = argv.pop(0)
        if option == "--poll":
            poll = float(argv.pop(0))
        elif option == "--cwd":
            cwd = argv.pop(0)
        else:
            print(f"measure: unknown option {option}", file=sys.stderr)
            return 2
    command = argv[1:]
    if not command:
        print("usage: measure.py [--poll S] [--cwd DIR] -- CMD [ARG...]", file=sys.stderr)
        return 2
    if not os.path.isdir("/proc/self/task"):
        poll = 0.0

    peak = [0]
    done = threading.Event()
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        try:
            proc = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=err, cwd=cwd)
        except OSError as exc:
            print(json.dumps({"wall": 0.0, "rc": 127, "maxrss_mb": 0.0, "tree_rss_mb": 0.0,
                              "cpu": 0.0, "stderr": f"cannot run {command[0]}: {exc.strerror}"}))
            return 0

        def sample() -> None:
            while not done.wait(poll):
                peak[0] = max(peak[0], tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True) if poll > 0 else None
        if sampler:
            sampler.start()
        rc = proc.wait()
        wall = time.perf_counter() - started
        done.set()
        if sampler:
            sampler.join()
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-2000:]

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is KiB on Linux
    print(json.dumps({
        "wall": wall,
        "rc": rc,
        "maxrss_mb": usage.ru_maxrss * scale / 1e6,
        "tree_rss_mb": peak[0] / 1e6,
        "cpu": usage.ru_utime + usage.ru_stime,
        "stderr": tail,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
