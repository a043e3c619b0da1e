"""Stress the core with big hostile inputs: every shape of tests/test_robustness.py at megabyte sizes,
and one long document without a single line break.

    .venv/bin/python fuzz/stress.py                    # shapes at 0.5, 1 and 2 MB, a 50 MB one-line document
    .venv/bin/python fuzz/stress.py --sizes 1 --big-mb 0 --only spaces,commas

Prints the process time and throughput of each run; a run over ``--limit``
seconds is interrupted and reported as HANG. Exit status 1 when any run hung
or raised, or when the time grew more than twice as fast as the size (superlinear).
"""
from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from test_robustness import HOSTILE, Q, rep  # noqa: E402

import quotex  # noqa: E402

#: Shapes beyond the test suite's (the suite keeps its inputs small).
EXTRA: dict[str, Callable[[int], str]] = {
    "capital-run-titles": rep("Mr ", prefix=Q),
    "capital-run-letters": rep("A ", prefix=Q),
    "capital-run-the": rep("The ", suffix='said "x y z."'),
    "capital-run-possessives": rep("Bob's ", prefix=Q),
    "sentence-initial-names": rep("Smith went. ", prefix=Q),
    "inverted-cues": rep('"Hi," said '),
    "blanks-after-quotes": rep('"a" ' + " " * 300),
    "commas-before-quotes": rep("," * 300 + ' "a b c."'),
    "news": rep('"We will not stop this," Jane Smith, the minister, told reporters on Tuesday. '
                'She said the plan was "a first step". "It works," he added.\n'),
}


class Hang(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang()


def run(text: str, limit: int) -> tuple[str, float, int]:
    signal.alarm(limit)
    t0 = time.process_time()
    try:
        n = len(quotex.extract(text, terms=True))
        status = "ok"
    except Hang:
        n, status = -1, "HANG"
    except Exception as exc:  # noqa: BLE001 - report and go on
        n, status = -1, f"ERROR {type(exc).__name__}: {exc}"[:200]
    finally:
        signal.alarm(0)
    return status, time.process_time() - t0, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.5,1,2", help="sizes in MB, comma-separated (default 0.5,1,2)")
    ap.add_argument("--big-mb", type=float, default=50, help="size of the one-line document (0: skip)")
    ap.add_argument("--limit", type=int, default=300, help="seconds before a run counts as a hang")
    ap.add_argument("--only", default="", help="comma-separated shape names")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    quotex.extract('"Warm," he said.')
    shapes = {**HOSTILE, **EXTRA}
    if args.only:
        shapes = {k: v for k, v in shapes.items() if k in args.only.split(",")}
    sizes = [float(s) for s in args.sizes.split(",")]
    bad = 0
    for name, make in sorted(shapes.items()):
        first: tuple[float, float] | None = None  # (MB, seconds) of the smallest measurable run
        for mb in sizes:
            text = make(int(mb * 1_000_000))
            status, seconds, n = run(text, args.limit)
            growth = ""
            if first is not None:
                growth = f" x{seconds / first[1]:.1f} for x{mb / first[0]:g} the size"
                if seconds / first[1] > 2 * (mb / first[0]) and seconds > 0.5:
                    status = "SUPERLINEAR" if status == "ok" else status
            print(f"{name:28} {len(text) / 1e6:6.2f} MB {seconds:8.2f}s {len(text) / 1e3 / max(seconds, 1e-9):9.0f} kB/s"
                  f" {n:7} quotes {status}{growth}", flush=True)
            if status != "ok":
                bad += 1
                if status.startswith(("HANG", "ERROR")):
                    break  # no bigger size
            if first is None and seconds > 0.05:
                first = (mb, seconds)
    if args.big_mb > 0:
        unit = EXTRA["news"](200).replace("\n", " ")
        text = unit * int(args.big_mb * 1_000_000 / len(unit))
        status, seconds, n = run(text, max(args.limit, int(args.big_mb * 20)))
        print(f"{'one-line-document':28} {len(text) / 1e6:6.2f} MB {seconds:8.2f}s "
              f"{len(text) / 1e3 / max(seconds, 1e-9):9.0f} kB/s {n:7} quotes {status}", flush=True)
        bad += status != "ok"
    print(f"done: {bad} problem(s)", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
