"""Where the time goes: the floor, finding the quotations, and the whole extraction.

Usage: python benchmarks/stages.py [DIR] [--reps 3] [--limit-mb 10]

Runs three pipelines in this process over the same files (default: the 10 MB
benchmark corpus, built if missing), interleaved, best of ``--reps``:

* ``floor``: read, decode, one ``regex`` findall of quotation marks (the
  baseline of ``bench.py``);
* ``quotations only``: read, decode, the tokenizer (``quotex.text.tokenizer.scan``)
  and one JSON line per quotation: what any extractor must do before
  attributing anything;
* ``quotex.extract``: read, decode, the whole extraction and one JSON line per
  record (what ``quotex extract --format jsonl --jobs 1`` does, less the
  command line's own work).

Each row gives MB/s and its time as a multiple of the floor's: the target of
``bench.py`` (quotex within 5x the floor) is a budget, and this shows how much
of it finding the quotations alone spends.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import quotex  # noqa: E402
from build_corpus import DEFAULT_DATA, DEFAULT_ROOT, MB, build  # noqa: E402
from quotex.text.tokenizer import scan  # noqa: E402

MARKS = regex.compile(r"[\"“”‘’«»„‹›「」『』]")


def files_under(root: Path, limit_mb: float | None) -> list[str]:
    paths: list[str] = []
    size = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            paths.append(path)
            size += os.path.getsize(path)
            if limit_mb is not None and size >= limit_mb * MB:
                return paths
    return paths


def read(path: str) -> str:
    with open(path, "rb") as handle:
        return handle.read().decode("utf-8")


def floor(paths: list[str]) -> int:
    return sum(len(MARKS.findall(read(p))) for p in paths)


def quotations_only(paths: list[str]) -> int:
    lines = 0
    for path in paths:
        text = read(path)
        for span in scan(text)[0]:
            json.dumps({"file": path, "start": span.start, "end": span.end,
                        "quote": text[span.inner_start:span.inner_end]}, ensure_ascii=False)
            lines += 1
    return lines


def whole(paths: list[str]) -> int:
    lines = 0
    for path in paths:
        for quote in quotex.extract(read(path)):
            json.dumps({"file": path, **quote.to_dict()}, ensure_ascii=False)
            lines += 1
    return lines


STAGES: dict[str, Callable[[list[str]], int]] = {
    "floor": floor,
    "quotations only": quotations_only,
    "quotex.extract": whole,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--limit-mb", type=float, default=None, help="read only the first N MB of files")
    args = parser.parse_args()
    root = args.dir or build(DEFAULT_DATA, 10, DEFAULT_ROOT).path
    paths = files_under(root, args.limit_mb)
    size = sum(os.path.getsize(p) for p in paths)
    quotex.extract('"Warm," he said.')  # imports, lexicon and patterns are not part of the rate
    best: dict[str, float] = {}
    found: dict[str, int] = {}
    for _ in range(args.reps):
        for name, stage in STAGES.items():
            started = time.perf_counter()
            found[name] = stage(paths)
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - started)
    print(f"{len(paths)} files, {size / MB:.1f} MB, best of {args.reps} interleaved runs, one process")
    print("| stage | MB/s | time / floor | output |\n|---|---:|---:|---:|")
    for name, seconds in best.items():
        print(f"| {name} | {size / MB / seconds:.2f} | {seconds / best['floor']:.1f}x | {found[name]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
