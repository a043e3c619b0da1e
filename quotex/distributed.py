"""quotex on Dask (``pip install 'quotex[dask]'``): bags of documents and of records.

Named ``distributed`` rather than ``dask`` so that ``import dask`` inside the
package still means the library. Nothing here is imported by ``quotex`` or
its command line.

:func:`read` turns paths into a bag of document dicts (one partition per
PATH, read on the workers with :func:`quotex.inputs.iter_documents`, so the
input rules are those of ``quotex extract``); :func:`extract_bag` turns such
a bag (or any bag of ``{"text": ...}`` dicts) into a bag of quote records,
the dicts ``quotex extract --format jsonl`` writes, in the same order.
Problems with an input (a bad file, a malformed record) are skipped here;
the command line reports them.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

import dask.bag as db

from quotex import batch, inputs, output


def _documents(paths: Iterable[str], options: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in inputs.iter_documents(list(paths), **options):
        if isinstance(item, inputs.Document):
            yield {"file": item.source, "id": item.id, "line": item.line, "text": item.text,
                   "base": item.base, "before": item.before, "after": item.after}


def read(urlpath: str | Sequence[str], *, recursive: bool = False, include: Sequence[str] = (),
         exclude: Sequence[str] = (), encoding: str | None = None, text_field: str = "text",
         id_field: str = "id", input_format: str | None = None,
         max_record_size: int = inputs.MAX_RECORD_SIZE) -> db.Bag:
    """A bag of documents (dicts with ``file``, ``id``, ``line``, ``text``,
    ``base``, ``before``, ``after``), one partition per path, in input order."""
    paths = [urlpath] if isinstance(urlpath, str) else list(urlpath)
    options: dict[str, Any] = dict(recursive=recursive, include=tuple(include), exclude=tuple(exclude),
                                   encoding=encoding, text_field=text_field, id_field=id_field,
                                   input_format=input_format, max_record_size=max_record_size)
    bag = db.from_sequence(paths, npartitions=max(1, len(paths)))  # type: ignore[no-untyped-call]
    return cast(db.Bag, bag.map_partitions(lambda part: list(_documents(part, options))))


def _records(docs: Iterable[dict[str, Any]], terms: bool) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for d in docs:
        doc = inputs.Document(d.get("file", ""), d["text"], id=d.get("id"), line=d.get("line"),
                              base=d.get("base", 0), before=d.get("before", ""), after=d.get("after", ""))
        outcome = batch.extract_one(doc.text, doc.base, terms, False, doc.before, doc.after)
        if isinstance(outcome, str):
            continue
        out.extend(output.record(doc, q) for q in outcome[0])
    return out


def extract_bag(bag: db.Bag, *, terms: bool = False) -> db.Bag:
    """The quote records of a bag of documents, partition by partition, in order."""
    return cast(db.Bag, bag.map_partitions(_records, terms))  # type: ignore[no-untyped-call]
