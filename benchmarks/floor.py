"""Floor baseline: the least work any quote extractor must do over a folder.

Walks DIR in sorted order (folders and files sorted, like ``quotex --recursive``),
reads every file, decodes it as UTF-8 and runs one ``regex`` findall for
quotation marks over it. quotex's single-worker time is compared with this.

Usage: python benchmarks/floor.py DIR   (prints a one-line summary on stderr)
"""
from __future__ import annotations

import os
import sys

try:
    import regex as re_module
except ImportError:  # pragma: no cover - the project venv always has regex
    import re as re_module

MARKS = re_module.compile(r"[\"“”‘’«»„‹›「」『』]")


def main(root: str) -> int:
    files = size = marks = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            with open(os.path.join(dirpath, name), "rb") as handle:
                data = handle.read()
            text = data.decode("utf-8")
            marks += len(MARKS.findall(text))
            files += 1
            size += len(data)
    print(f"floor: {files} files, {size} bytes, {marks} quotation marks "
          f"({re_module.__name__})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: floor.py DIR", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
