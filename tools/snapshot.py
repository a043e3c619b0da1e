"""One hash of everything quotex says about some texts: a refactoring check.

    python tools/snapshot.py seeds/ fixtures/golden/ corpus.jsonl ...

Runs :func:`quotex.explain` (with terms) over every text given and prints one
SHA-256 of all records and their explanations, then the counts. A change that
must not change behaviour (moving code, renaming, restructuring) keeps the
hash; record it in the commit message before and after.

Texts are read from:

- ``.txt`` files (UTF-8), one text each;
- ``.jsonl`` corpora (optionally ``.gz``), the ``text`` key of every line;
- ``.json`` golden fixture files (``fixtures/golden/*.json``): the ``text``
  (or ``text_file``) of every case;
- folders: the files above inside them, sorted, recursively.

``--each`` also prints one hash per input file, to find which one changed.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path

import quotex

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".json")


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.name.endswith(SUFFIXES):
                yield child
    else:
        yield path


def texts(path: Path) -> Iterator[str]:
    """The texts one input file holds, in order."""
    name = path.name
    if name.endswith((".jsonl", ".jsonl.gz")):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)["text"]
    elif name.endswith(".json"):
        for case in json.loads(path.read_text(encoding="utf-8")):
            if "text" in case:
                yield case["text"]
            elif "text_file" in case:
                yield (path.parent.parent.parent / case["text_file"]).read_text(encoding="utf-8")
    else:
        yield path.read_text(encoding="utf-8")


def digest_text(text: str, hasher: hashlib._Hash) -> int:
    """Feed the records and explanations of ``text`` to ``hasher``; how many records."""
    results = quotex.explain(text, terms=True)
    for quote, why in results:
        hasher.update(json.dumps([astuple(quote), why], ensure_ascii=False).encode("utf-8", "surrogatepass"))
        hasher.update(b"\n")
    hasher.update(b"\x00")  # documents stay apart
    return len(results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--each", action="store_true", help="also print one hash per input file")
    args = parser.parse_args(argv)
    total = hashlib.sha256()
    documents = records = 0
    for root in args.paths:
        for path in _files(root):
            each = hashlib.sha256()
            n_docs = n_records = 0
            for text in texts(path):
                n_docs += 1
                n_records += digest_text(text, each)
            total.update(path.name.encode() + b"\x00" + each.digest())
            documents += n_docs
            records += n_records
            if args.each:
                print(f"{each.hexdigest()[:16]}  {n_docs:6} docs {n_records:7} records  {path}")
    print(f"{total.hexdigest()}  {documents} documents, {records} records")
    return 0


if __name__ == "__main__":
    sys.exit(main())
