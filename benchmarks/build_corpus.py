"""Build (or reuse) a benchmark corpus: one ``.txt`` file per article.

The texts are the ``text`` fields of every line of ``DATA/*.jsonl`` (files and
lines in sorted order, empty texts skipped), written byte for byte as UTF-8
into ``OUT/dNNN/NNNNN.txt`` (``per_dir`` files per sub-folder) and cycled,
with fresh file names, until the corpus holds at least ``target_bytes``.

The layout is a pure function of the data and the target, so a cached corpus
is reused when it has exactly the expected number of files and bytes, and is
rebuilt (into a temporary folder, then renamed) otherwise.

Usage: python benchmarks/build_corpus.py [--data DIR] [--mb 10] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

MB = 1_000_000  # benchmark megabytes are decimal: MB/s = bytes / 1e6 / s

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = REPO.parent / "shared" / "eval" / "data"
DEFAULT_ROOT = HERE / "corpus"


@dataclass(frozen=True)
class Corpus:
    path: Path
    files: int
    bytes: int
    cached: bool
    seconds: float


def load_texts(data_dir: Path) -> list[bytes]:
    """The UTF-8 bytes of every non-empty ``text`` field in ``data_dir/*.jsonl``."""
    sources = sorted(data_dir.glob("*.jsonl"))
    if not sources:
        raise SystemExit(f"bench: no *.jsonl files in {data_dir} (use --data DIR)")
    texts: list[bytes] = []
    for source in sources:
        with source.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    texts.append(text.encode("utf-8"))
    if not texts:
        raise SystemExit(f"bench: no texts found in {data_dir}/*.jsonl")
    return texts


def plan(texts: list[bytes], target_bytes: int) -> tuple[int, int]:
    """(number of files, total bytes) of the corpus reaching ``target_bytes``."""
    files = total = 0
    while total < target_bytes:
        total += len(texts[files % len(texts)])
        files += 1
    return files, total


def relative_name(index: int, per_dir: int) -> str:
    """``d000/00001.txt`` for the first file (``index`` is 0-based)."""
    return f"d{index // per_dir:03d}/{index + 1:05d}.txt"


def measure(root: Path) -> tuple[int, int]:
    """(files, bytes) currently under ``root`` (0, 0 when missing)."""
    files = total = 0
    if not root.is_dir():
        return 0, 0
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            files += 1
            total += os.path.getsize(os.path.join(dirpath, name))
    return files, total


def corpus_name(mb: float) -> str:
    return f"{mb:g}mb"


def build(data_dir: Path, target_mb: float, root: Path = DEFAULT_ROOT,
          per_dir: int = 1000, texts: list[bytes] | None = None) -> Corpus:
    """Build ``root/<N>mb`` unless an identical-size copy is already there."""
    started = time.perf_counter()
    texts = load_texts(data_dir) if texts is None else texts
    target = int(target_mb * MB)
    want_files, want_bytes = plan(texts, target)
    out = root / corpus_name(target_mb)
    if measure(out) == (want_files, want_bytes):
        return Corpus(out, want_files, want_bytes, True, time.perf_counter() - started)

    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".{out.name}.tmp{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    made: set[str] = set()
    for index in range(want_files):
        rel = relative_name(index, per_dir)
        folder = rel.split("/", 1)[0]
        if folder not in made:
            (tmp / folder).mkdir(parents=True, exist_ok=True)
            made.add(folder)
        (tmp / rel).write_bytes(texts[index % len(texts)])
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    got = measure(out)
    if got != (want_files, want_bytes):
        raise SystemExit(f"bench: corpus {out} has {got}, expected {(want_files, want_bytes)}")
    return Corpus(out, want_files, want_bytes, False, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=DEFAULT_ROOT)
    args = parser.parse_args(argv)
    corpus = build(args.data, args.mb, args.out)
    state = "cached" if corpus.cached else "built"
    print(f"{corpus.path}: {corpus.files} files, {corpus.bytes / MB:.1f} MB ({state} in {corpus.seconds:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
