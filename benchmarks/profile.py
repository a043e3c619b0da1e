"""Profile ``quotex.extract`` in-process and print the hot spots.

Usage: python benchmarks/profile.py [FILE-or-DIR] [--top 15] [--mb LIMIT]
                                    [--cprofile] [--terms] [--tree]

PATH is a ``.txt`` file, a ``.jsonl`` corpus (its ``text`` fields), or a
folder (every file under it, sorted, recursively). Default: the 10 MB
benchmark corpus ``benchmarks/corpus/10mb`` (built if missing).

quotex is imported from this working tree, not from site-packages. One small
warm-up call runs before profiling so that lexicon loading and pattern
compilation are reported separately from the steady state. With pyinstrument
(the default, a sampling profiler with low overhead) the report lists the
functions with the most self time and the quotex functions with the most
total time; ``--cprofile`` uses the deterministic profiler instead (higher
overhead on many small calls); ``--tree`` also prints pyinstrument's call tree.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

# This file is named like the stdlib module ``profile`` that cProfile imports:
# move its folder behind the stdlib on sys.path so that import finds the real one.
HERE = Path(__file__).resolve().parent
if sys.path and Path(sys.path[0] or ".").resolve() == HERE:
    sys.path.append(sys.path.pop(0))
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from build_corpus import DEFAULT_DATA, DEFAULT_ROOT, MB, build  # noqa: E402

WARMUP = '"We will win," Jane Smith said. "It is a good day," she added.'


def iter_texts(path: Path) -> Iterator[str]:
    if path.is_dir():
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames.sort()
            for name in sorted(filenames):
                yield from iter_texts(Path(dirpath) / name)
    elif path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    text = json.loads(line).get("text")
                    if isinstance(text, str):
                        yield text
    else:
        yield path.read_bytes().decode("utf-8", "replace")


def load(path: Path, limit_mb: float | None) -> list[str]:
    texts, size = [], 0
    for text in iter_texts(path):
        texts.append(text)
        size += len(text.encode("utf-8"))
        if limit_mb is not None and size >= limit_mb * MB:
            break
    return texts


def frame_key(frame: Any) -> tuple[str, str, int]:
    return (frame.function, frame.file_path_short or "", frame.line_no or 0)


Key = tuple[str, str, int]


def is_ours(key: Key) -> bool:
    return key[1].startswith("quotex/") or "/quotex/" in key[1]


def aggregate(root: Any) -> tuple[dict[Key, float], dict[Key, float], dict[tuple[Key, Key], float]]:
    """Self and total (recursion counted once) seconds per function, and the
    total seconds of each call from a quotex function into another library."""
    self_time: dict[Key, float] = {}
    total_time: dict[Key, float] = {}
    calls: dict[tuple[Key, Key], float] = {}

    def walk(frame: Any, stack: frozenset[Key], parent: Key | None) -> None:
        if frame.is_synthetic:
            return
        key = frame_key(frame)
        self_time[key] = self_time.get(key, 0.0) + frame.total_self_time
        if key not in stack:
            total_time[key] = total_time.get(key, 0.0) + frame.time
        if parent is not None and is_ours(parent) and not is_ours(key):
            calls[(parent, key)] = calls.get((parent, key), 0.0) + frame.time
        inner = stack | {key}
        for child in frame.children:
            walk(child, inner, key)

    walk(root, frozenset(), None)
    return self_time, total_time, calls


def where(key: Key) -> str:
    function, path, line = key
    return f"{function}  {path}:{line}" if line else f"{function}  {path}"


def report_pyinstrument(run: Callable[[], float], top: int, tree: bool) -> None:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    profiler.start()
    elapsed = run()
    profiler.stop()
    session = profiler.last_session
    root = session.root_frame() if session is not None else None
    if session is None or root is None:
        print("no samples")
        return
    self_time, total_time, calls = aggregate(root)
    whole = root.time or elapsed
    print(f"\nTop {top} by self time (pyinstrument, {session.sample_count} samples):")
    print(f"{'self s':>8} {'self %':>7} {'total s':>8}  function  file:line")
    for key, seconds in sorted(self_time.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{seconds:8.2f} {100 * seconds / whole:6.1f}% {total_time.get(key, 0.0):8.2f}  {where(key)}")
    print(f"\nTop {top} quotex functions by total time (including callees):")
    print(f"{'total s':>8} {'total %':>7} {'self s':>8}  function  file:line")
    ours = [(k, v) for k, v in total_time.items() if is_ours(k)]
    for key, seconds in sorted(ours, key=lambda kv: -kv[1])[:top]:
        print(f"{seconds:8.2f} {100 * seconds / whole:6.1f}% {self_time.get(key, 0.0):8.2f}  {where(key)}")
    print(f"\nTop {top} calls from quotex into other code (regex, stdlib, builtins), total time:")
    print(f"{'total s':>8} {'total %':>7}  quotex caller  ->  callee")
    for (caller, callee), seconds in sorted(calls.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{seconds:8.2f} {100 * seconds / whole:6.1f}%  {caller[0]} ({caller[1]}:{caller[2]})"
              f"  ->  {where(callee)}")
    if tree:
        print(profiler.output_text(unicode=True, color=False))


def report_cprofile(run: Callable[[], float], top: int) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    print(f"\nTop {top} by self time (cProfile):")
    stats.sort_stats("tottime").print_stats(top)
    print(f"Top {top} by cumulative time (cProfile):")
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Profile quotex.extract over a set of texts.")
    parser.add_argument("path", nargs="?", type=Path, help="a .txt file, a .jsonl corpus or a folder")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--mb", type=float, help="profile only the first LIMIT MB of texts")
    parser.add_argument("--terms", action="store_true", help="extract(..., terms=True)")
    parser.add_argument("--cprofile", action="store_true", help="use cProfile instead of pyinstrument")
    parser.add_argument("--tree", action="store_true", help="also print pyinstrument's call tree")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data for the default corpus")
    args = parser.parse_args(argv)

    path = args.path
    if path is None:
        path = build(args.data, 10, DEFAULT_ROOT).path
    if not path.exists():
        print(f"profile: no such file or folder: {path}", file=sys.stderr)
        return 2
    texts = load(path, args.mb)
    size = sum(len(t.encode("utf-8")) for t in texts)

    started = time.perf_counter()
    import quotex

    imported = time.perf_counter()
    quotex.extract(WARMUP, terms=args.terms)
    warmed = time.perf_counter()
    print(f"quotex {quotex.__version__} from {Path(quotex.__file__).parent}")
    print(f"import {imported - started:.3f} s, first call (warm-up) {warmed - imported:.3f} s")

    found = [0]

    def run() -> float:
        begin = time.perf_counter()
        n = 0
        for text in texts:
            n += len(quotex.extract(text, terms=args.terms))
        found[0] = n
        return time.perf_counter() - begin

    plain = run()
    print(f"{len(texts)} texts, {size / MB:.2f} MB, {found[0]} records: "
          f"{plain:.2f} s unprofiled = {size / MB / plain:.2f} MB/s single-threaded")
    if args.cprofile:
        report_cprofile(run, args.top)
    else:
        report_pyinstrument(run, args.top, args.tree)
    return 0


if __name__ == "__main__":
    sys.exit(main())
