"""quotex on Dask (``pip install 'quotex[dask]'``): bags of documents and of
records, and the engine of ``quotex extract --dask``.

Nothing here is imported by ``import quotex`` or by the command line unless
``--dask`` is given. (Imports are absolute, so ``import dask`` in this module
means the library.)

Python API
    :func:`read` turns paths or URLs into a bag of document dicts, read on
    the workers with the input rules of ``quotex extract``; :func:`extract_bag`
    turns such a bag (or any bag of ``{"text": ...}`` dicts) into a bag of
    quote records, the dicts ``quotex extract --format jsonl`` writes, in the
    same order. Bad inputs are skipped there; the command line reports them.

Inputs
    A PATH is a local path (read as a local run reads it: folders, FIFOs
    refused) or a URL that fsspec opens (``s3://bucket/corpus/*.jsonl.gz``,
    ``gcs://...``, ``hdfs://...``, ``file://...``, ``memory://...``): a glob
    is expanded, a folder walked (sorted by name, ``--recursive``,
    ``--include``, ``--exclude``, hidden names skipped). The files are listed
    on the client; every read happens on the workers.

Partitions
    Consecutive files are grouped into partitions of about ``partition_size``
    input bytes (compressed bytes for ``.gz``); an uncompressed JSON Lines file
    larger than that is split into blocks of whole lines of about that size,
    one partition each. A block's records keep the line numbers (and the ids
    made of them) of a local run: a small task per block counts its lines,
    and each block learns its first line number from the counts before it.
    A gzip file cannot be split: it is one partition, whatever its size.
    ``auto`` aims at :data:`PARTITIONS_PER_THREAD` partitions per worker
    thread, within :data:`MIN_PARTITION` and :data:`MAX_PARTITION` bytes.

Failure
    Every task is pure (its result depends on its arguments and the input
    files only), so a partition whose worker died is computed again by Dask
    and gives the same records. ``--output-dir`` parts are written whole under
    a hidden temporary name and renamed (on object stores, where an object
    appears whole when its upload completes, written in place): a retried
    partition overwrites its part with the same bytes.
"""
from __future__ import annotations

import asyncio
import gzip
import importlib.util
import io
import math
import os
import posixpath
import re
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union, cast

import dask.bag as db
import fsspec
from dask.delayed import delayed
from fsspec.utils import read_block

from quotex import batch, decode, inputs, output
from quotex.batch import Result
from quotex.inputs import Document, Problem
from quotex.stats import Stats

if TYPE_CHECKING:
    from distributed import Client

#: ``auto`` partitions: this many per worker thread, for an even load ...
PARTITIONS_PER_THREAD = 4
#: ... and none smaller than this (per-task overhead) ...
MIN_PARTITION = 1 << 20
#: ... or larger than this (memory, and the time a lost partition costs).
MAX_PARTITION = 64 << 20
#: Seconds to wait for a scheduler before giving up.
CONNECT_TIMEOUT = 3
#: The name of the marker ``--output-dir`` writes once every part is there.
SUCCESS = "_SUCCESS"


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read (the reading options of ``quotex extract``)."""

    recursive: bool = False
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    encoding: str | None = None
    text_field: str = "text"
    id_field: str = "id"
    input_format: str | None = None
    max_record_size: int = inputs.MAX_RECORD_SIZE

    def reading(self) -> dict[str, Any]:
        """The keyword arguments of :func:`quotex.inputs.read_one`."""
        return dict(encoding=self.encoding, text_field=self.text_field, id_field=self.id_field,
                    input_format=self.input_format, max_record_size=self.max_record_size)


@dataclass(frozen=True)
class Settings:
    """What is extracted and, for ``--output-dir``, how the parts are written."""

    terms: bool = False
    explain: bool = False
    keep_text: bool = False
    min_confidence: float | None = None
    fields: tuple[str, ...] | None = None
    context: int | str | None = None


@dataclass(frozen=True)
class Piece:
    """A file for a partition to read, or a block of lines of one: ``length``
    bytes from ``start`` (moved on to line boundaries), block number ``block``."""

    path: str
    explicit: bool
    size: int
    remote: bool
    start: int = 0
    length: int | None = None
    block: int = 0

    @property
    def nbytes(self) -> int:
        if self.length is None:
            return self.size
        return max(0, min(self.length, self.size - self.start))


Partition = tuple[Union[Piece, Problem], ...]


# ------------------------------------------------------------ listing (client)

def is_url(path: str) -> bool:
    """A PATH read through fsspec (``s3://...``, ``file://...``), not the local file system."""
    return "://" in path


def _one_line(e: BaseException) -> str:
    text = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
    return " ".join(text.split()).lower() if isinstance(e, OSError) else " ".join(text.split())


def _cannot(what: str, path: str, e: BaseException) -> Problem:
    if isinstance(e, FileNotFoundError):
        return Problem(path, f"{what}: no such file or directory")
    if isinstance(e, PermissionError):
        return Problem(path, f"{what}: permission denied")
    return Problem(path, f"{what}: {_one_line(e) or type(e).__name__}")


def _local_files(path: str, opts: ReadOptions,
                 skip: Collection[tuple[int, int]]) -> Iterator[Piece | Problem]:
    import stat

    for entry in inputs.list_files([path], recursive=opts.recursive, include=opts.include,
                                   exclude=opts.exclude):
        if isinstance(entry, Problem):
            yield entry
        elif (entry[2].st_dev, entry[2].st_ino) in skip:  # the -o file, found in a folder
            continue
        elif not stat.S_ISREG(entry[2].st_mode):
            yield Problem(entry[0], "not a regular file: Dask workers cannot read it; skipped")
        else:
            yield Piece(entry[0], entry[1], entry[2].st_size, remote=False)


def _url_files(url: str, opts: ReadOptions) -> Iterator[Piece | Problem]:
    try:
        fs, root = fsspec.core.url_to_fs(url)
        if any(c in root for c in "*?["):
            # as a shell expands it: a wildcard does not match a leading "."
            found = sorted(p for p in cast(list[str], fs.glob(root))
                           if not _hidden_match(p, root))
            if not found:
                yield Problem(url, "cannot open: no such file or directory")
                return
            named = [(p, fs.unstrip_protocol(p)) for p in found]
        else:
            named = [(root, url)]
    except Exception as e:  # noqa: BLE001 - an unknown protocol, a missing fsspec backend
        yield _cannot("cannot open", url, e)
        return
    for path, shown in named:
        try:
            info = fs.info(path)
        except Exception as e:  # noqa: BLE001
            yield _cannot("cannot open", shown, e)
            continue
        if info.get("type") == "directory":
            yield from _url_walk(fs, path, shown, opts)
        else:
            yield Piece(shown, True, int(info.get("size") or 0), remote=True)


def _hidden_match(path: str, pattern: str) -> bool:
    """A glob match with a name starting with "." where the pattern's name does not."""
    names = path.rstrip("/").split("/")
    wanted = pattern.rstrip("/").split("/")
    return any(n.startswith(".") and not w.startswith(".")
               for n, w in zip(reversed(names), reversed(wanted)))


def _url_walk(fs: Any, top: str, shown: str, opts: ReadOptions) -> Iterator[Piece | Problem]:
    """The files under folder ``top`` of ``fs``, as a local folder walk finds them."""
    def listing(folder: str, where: str) -> list[dict[str, Any]] | Problem:
        try:
            entries = cast(list[dict[str, Any]], fs.ls(folder, detail=True))
        except Exception as e:  # noqa: BLE001
            return _cannot("cannot list folder", where, e)
        named = [e for e in entries if _base(e["name"]) and not _base(e["name"]).startswith(".")
                 and e["name"].rstrip("/") != folder.rstrip("/")]
        return sorted(named, key=lambda e: _base(e["name"]), reverse=True)

    first = listing(top, shown)
    if isinstance(first, Problem):
        yield first
        return
    stack: list[tuple[list[dict[str, Any]], str]] = [(first, "")]
    while stack:
        entries, rel = stack[-1]
        if not entries:
            stack.pop()
            continue
        entry = entries.pop()
        name = _base(entry["name"])
        relpath = f"{rel}/{name}" if rel else name
        if opts.exclude and inputs.matches(relpath, name, opts.exclude):
            continue
        if entry.get("type") == "directory":
            if opts.recursive:
                sub = listing(entry["name"], fs.unstrip_protocol(entry["name"]))
                if isinstance(sub, Problem):
                    yield sub
                else:
                    stack.append((sub, relpath))
            continue
        if inputs.wanted(relpath, name, opts.include):
            yield Piece(fs.unstrip_protocol(entry["name"]), False, int(entry.get("size") or 0),
                        remote=True)


def _base(name: str) -> str:
    return posixpath.basename(name.rstrip("/"))


def list_inputs(paths: Sequence[str], opts: ReadOptions,
                skip: Collection[tuple[int, int]] = ()) -> list[Piece | Problem]:
    """The files ``paths`` stand for, in the order of a local run, and the
    Problems a local run would report while listing them; local files whose
    (device, inode) is in ``skip`` (the output file) are passed over."""
    out: list[Piece | Problem] = []
    for path in paths:
        out.extend(_url_files(path, opts) if is_url(path) else _local_files(path, opts, skip))
    return out


def _splits(piece: Piece, opts: ReadOptions, size: int) -> bool:
    """Whether ``piece`` is a JSON Lines file worth cutting into blocks of lines."""
    if piece.size <= size or piece.path.lower().endswith(".gz"):
        return False
    if opts.input_format is not None:
        return opts.input_format == "jsonl"
    return piece.path.lower().endswith((".jsonl", ".ndjson"))


def auto_partition_size(total: int, threads: int) -> int:
    """``--partition-size auto``: :data:`PARTITIONS_PER_THREAD` partitions per
    worker thread, within :data:`MIN_PARTITION` and :data:`MAX_PARTITION`."""
    target = total // max(1, PARTITIONS_PER_THREAD * threads)
    return max(MIN_PARTITION, min(MAX_PARTITION, target))


def plan(items: Sequence[Piece | Problem], size: int, opts: ReadOptions) -> list[Partition]:
    """Partitions of about ``size`` input bytes, in input order: consecutive
    files grouped, a large JSON Lines file cut into blocks (one per partition).
    A Problem stays where it is in the order."""
    parts: list[Partition] = []
    group: list[Piece | Problem] = []
    held = 0
    for item in items:
        if isinstance(item, Problem):
            group.append(item)
            continue
        if _splits(item, opts, size):
            if held:
                parts.append(tuple(group))
                group, held = [], 0
            for k in range(math.ceil(item.size / size)):
                piece = Piece(item.path, item.explicit, item.size, item.remote, k * size, size, k)
                parts.append((*group, piece))
                group = []
            continue
        if held and held + item.size > size:
            parts.append(tuple(group))
            group, held = [], 0
        group.append(item)
        held += item.size
    if group:
        if held or not parts:
            parts.append(tuple(group))
        else:  # Problems after the last file: they come last in its partition
            parts[-1] = (*parts[-1], *group)
    return parts


# ------------------------------------------------------------ reading (workers)

def _open(piece: Piece) -> Any:
    if piece.remote:
        return fsspec.open(piece.path, "rb")
    return open(piece.path, "rb")  # noqa: SIM115 (a context manager for the caller)


def _whole_file(head: bytes, encoding: str | None) -> bool:
    """A corpus that cannot be cut at ``\\n`` bytes: UTF-16 or UTF-32."""
    wide = ("utf-16", "utf-32")
    if encoding is not None and decode.check_encoding(encoding).startswith(wide):
        return True
    found = decode.bom(head)
    return found is not None and found[0].startswith(wide)


def count_lines(piece: Piece, encoding: str | None) -> tuple[int, bool]:
    """The lines of a block (its ``\\n`` bytes), and, for block 0, whether its
    file must be read whole (then the other blocks read nothing). A block that
    cannot be read counts as a file read whole: block 0 reports the problem."""
    try:
        with _open(piece) as f:
            whole = piece.block == 0 and _whole_file(f.read(4), encoding)
            data = read_block(f, piece.start, piece.length, delimiter=b"\n")
    except Exception:  # noqa: BLE001 - the partition of block 0 reports it
        return 0, True
    return data.count(b"\n"), whole


def next_line(first: int, counted: tuple[int, bool]) -> int:
    """The first line number of the next block (0: read nothing)."""
    lines, whole = counted
    return 0 if first == 0 or whole else first + lines


def _read_piece(piece: Piece, first_line: int, opts: ReadOptions) -> Iterator[Document | Problem]:
    reading = opts.reading()
    if piece.length is None and not piece.remote:
        yield from inputs.read_one(piece.path, explicit=piece.explicit, **reading)
        return
    data: bytes | None = None
    try:
        with _open(piece) as f:
            if piece.length is not None:
                if piece.block == 0:
                    whole = _whole_file(f.read(4), opts.encoding)
                    f.seek(0)
                elif first_line == 0:
                    return
                else:
                    whole = False
                if not whole:
                    data = read_block(f, piece.start, piece.length, delimiter=b"\n")
            if data is None:
                yield from inputs.read_one(piece.path, explicit=piece.explicit, stream=f,
                                           size=piece.size, **reading)
    except Exception as e:  # noqa: BLE001 - storage errors are the input's problem
        yield _cannot("cannot read", piece.path, e)
        return
    if data is not None:
        yield from inputs.read_one(piece.path, explicit=piece.explicit, stream=io.BytesIO(data),
                                   first_line=first_line, **reading)


def read_partition(partition: Partition, first_line: int, opts: ReadOptions) -> Iterator[Document | Problem]:
    """The Documents and Problems of a partition, in order. ``first_line``
    numbers the first line of the block the partition holds, if any."""
    for item in partition:
        if isinstance(item, Problem):
            yield item
        else:
            yield from _read_piece(item, first_line, opts)


def extract_partition(partition: Partition, first_line: int, opts: ReadOptions,
                      settings: Settings) -> list[Result | Problem]:
    """A partition's Results (texts dropped unless ``keep_text``) and
    Problems, in order, as a local run of one worker yields them."""
    results = batch.run(read_partition(partition, first_line, opts), jobs=1, terms=settings.terms,
                        explain=settings.explain, keep_text=settings.keep_text)
    minimum = settings.min_confidence
    return [batch.confident(r, minimum) if minimum is not None and isinstance(r, Result) else r
            for r in results]


class _Buffer:
    """An in-memory sink for one part."""

    name = "part"

    def __init__(self) -> None:
        self.data = io.BytesIO()

    def write(self, data: bytes) -> None:
        self.data.write(data)

    def flush(self) -> None:
        pass

    def commit(self) -> None:
        pass

    def discard(self) -> None:
        pass


def part_name(index: int, count: int, gzipped: bool) -> str:
    """``part-00003.jsonl`` (``.gz``): zero-padded so that names sort in input order."""
    width = max(5, len(str(max(0, count - 1))))
    return f"part-{index:0{width}d}.jsonl" + (".gz" if gzipped else "")


def _local(fs: Any) -> bool:
    protocols = fs.protocol if isinstance(fs.protocol, (tuple, list)) else (fs.protocol,)
    return "file" in protocols or "local" in protocols


def put(url: str, name: str, data: bytes) -> None:
    """Write ``data`` as ``name`` in folder ``url``, whole or not at all: on a
    file system under a hidden temporary name, then renamed; on an object
    store (where an object appears when its upload is complete) in place."""
    fs, root = fsspec.core.url_to_fs(url)
    final = posixpath.join(root, name)
    if not _local(fs):
        fs.pipe_file(final, data)
        return
    tmp = posixpath.join(root, f".{name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, final)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_partition(partition: Partition, first_line: int, opts: ReadOptions, settings: Settings,
                    url: str, name: str, gzipped: bool) -> tuple[list[Problem], Stats]:
    """Extract a partition and write its records as the JSON Lines part
    ``name`` in ``url``; its Problems and counts go back to the client."""
    sink = _Buffer()
    writer = output.make_writer("jsonl", sink, explain=settings.explain, terms=settings.terms,
                                fields=settings.fields, context=settings.context)
    problems: list[Problem] = []
    stats = Stats()
    for item in extract_partition(partition, first_line, opts, settings):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        writer.document(item.doc, item.quotes, item.explanations)
        stats.add(item.doc.source, item.quotes, new_document=item.doc.base == 0)
    data = sink.data.getvalue()
    put(url, name, gzip.compress(data, mtime=0) if gzipped else data)
    return problems, stats


# ------------------------------------------------------------ graph

def _first_lines(partitions: Sequence[Partition], opts: ReadOptions) -> list[Any]:
    """For each partition, the first line number of its block (a Delayed),
    or 1 when it holds none."""
    firsts: list[Any] = []
    previous: dict[str, tuple[Any, Piece]] = {}  # a split file's last block seen
    for part in partitions:
        block = next((p for p in part if isinstance(p, Piece) and p.length is not None), None)
        if block is None or block.block == 0:
            first: Any = 1
        else:
            before_first, before = previous[block.path]
            counted = delayed(count_lines, pure=True)(before, opts.encoding)
            first = delayed(next_line, pure=True)(before_first, counted)
        if block is not None:
            previous[block.path] = (first, block)
        firsts.append(first)
    return firsts


def _input_items(urlpath: str | Sequence[str], opts: ReadOptions, partition_size: int | str | None,
                 threads: int, skip: Collection[tuple[int, int]] = ()) -> tuple[list[Partition], int]:
    paths = [urlpath] if isinstance(urlpath, str) else list(urlpath)
    items = list_inputs(paths, opts, skip)
    total = sum(p.size for p in items if isinstance(p, Piece))
    if partition_size is None or partition_size == "auto":
        size = auto_partition_size(total, threads)
    else:
        size = inputs.parse_size(partition_size) if isinstance(partition_size, str) else partition_size
    return plan(items, max(1, size), opts), total


# ------------------------------------------------------------ Python API

def _documents(partition: Partition, first_line: int, opts: ReadOptions) -> list[dict[str, Any]]:
    return [{"file": d.source, "id": d.id, "line": d.line, "text": d.text,
             "base": d.base, "before": d.before, "after": d.after}
            for d in read_partition(partition, first_line, opts) if isinstance(d, Document)]


def _threads() -> int:
    try:
        from distributed import default_client

        return max(1, int(sum(default_client().nthreads().values())))
    except Exception:  # noqa: BLE001 - no distributed, or no client
        return os.cpu_count() or 1


def read(urlpath: str | Sequence[str], *, recursive: bool = False, include: Sequence[str] = (),
         exclude: Sequence[str] = (), encoding: str | None = None, text_field: str = "text",
         id_field: str = "id", input_format: str | None = None,
         max_record_size: int = inputs.MAX_RECORD_SIZE,
         partition_size: int | str | None = "auto") -> db.Bag:
    """A bag of documents: dicts with ``file``, ``id``, ``line``, ``text``,
    ``base`` (the offset of ``text`` in its file, for a large file read in
    chunks), ``before`` and ``after`` (a chunk's neighbouring paragraphs), in
    input order. ``urlpath``: local paths or fsspec URLs, globs and folders
    as ``quotex extract`` reads them. ``partition_size``: input bytes per
    partition (``"16M"``, an int, or ``"auto"``, see the module's doc)."""
    opts = ReadOptions(recursive, tuple(include), tuple(exclude), encoding, text_field, id_field,
                       input_format, max_record_size)
    partitions, _ = _input_items(urlpath, opts, partition_size, _threads())
    firsts = _first_lines(partitions, opts)
    parts = [delayed(_documents, pure=True)(p, first, opts) for p, first in zip(partitions, firsts)]
    if not parts:
        return cast(db.Bag, db.from_sequence([], npartitions=1))  # type: ignore[no-untyped-call]
    return cast(db.Bag, db.from_delayed(parts))  # type: ignore[no-untyped-call]


def _records(docs: Iterable[dict[str, Any]], terms: bool) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for d in docs:
        doc = Document(d.get("file", ""), d["text"], id=d.get("id"), line=d.get("line"),
                       base=d.get("base", 0), before=d.get("before", ""), after=d.get("after", ""))
        outcome = batch.extract_one(doc.text, doc.base, terms, False, doc.before, doc.after)
        if isinstance(outcome, str):
            continue
        out.extend(output.record(doc, q) for q in outcome[0])
    return out


def extract_bag(bag: db.Bag, *, terms: bool = False) -> db.Bag:
    """The quote records of a bag of documents, partition by partition, in order."""
    return cast(db.Bag, bag.map_partitions(_records, terms))  # type: ignore[no-untyped-call]


# ------------------------------------------------------------ command line

class _Cluster:
    """A client of the scheduler at ``address``, or of a LocalCluster of
    ``jobs`` single-threaded worker processes (``address`` ``local``)."""

    def __init__(self, address: str, jobs: int) -> None:
        import logging

        from distributed import Client, LocalCluster

        self.cluster: Any = None
        #: The dashboard of a LocalCluster (when bokeh is there to serve it).
        self.dashboard: str | None = None
        if address == "local":
            # the dashboard on any free port (8787 may be taken): see dashboard()
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        silence_logs=logging.CRITICAL, dashboard_address=":0")
            self.client: Client = Client(self.cluster, set_as_default=False)
            if importlib.util.find_spec("bokeh") is not None:
                self.dashboard = str(self.cluster.dashboard_link)
            return
        _probe(address)
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except Exception as e:  # noqa: BLE001 - it answered, but not as a scheduler does
            raise _unreachable(address, e) from None

    def threads(self) -> int:
        return max(1, int(sum(self.client.nthreads().values())))

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


def _unreachable(address: str, e: BaseException) -> Exception:
    from quotex.errors import RunError

    return RunError(f"cannot reach the Dask scheduler at {address}: {_one_line(e) or type(e).__name__}")


def _probe(address: str) -> None:
    """Fail fast, before a Client is made (a failed one hangs at exit), when
    ``address`` is malformed or nothing listens there: a refused TCP
    connection fails at once, an unreachable host after :data:`CONNECT_TIMEOUT`."""
    import socket

    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        host, port = parse_host_port(location)
    except (ValueError, TypeError) as e:
        raise _unreachable(address, e) from None
    if scheme not in ("tcp", "tls"):
        return
    try:
        socket.create_connection((host, port), timeout=CONNECT_TIMEOUT).close()
    except OSError as e:
        raise _unreachable(address, e if str(e) else TimeoutError("timed out")) from None
    try:
        asyncio.run(asyncio.wait_for(_identity(address), CONNECT_TIMEOUT))
    except Exception as e:  # noqa: BLE001 - anything but a scheduler's answer
        detail = _one_line(e) or type(e).__name__
        raise _unreachable(address, RuntimeError(f"no Dask scheduler answers ({detail})")) from None


async def _identity(address: str) -> Any:
    from distributed.core import rpc

    remote = rpc(address, timeout=CONNECT_TIMEOUT)
    try:
        return await remote.identity()
    finally:
        await remote.close_rpc()


def quiet_logs() -> None:
    """Keep distributed's log lines (workers joining and leaving, retries) off
    quotex's stderr, here and in the worker processes a LocalCluster starts."""
    import logging

    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
    for name in ("distributed", "distributed.client", "distributed.worker", "distributed.nanny",
                 "distributed.scheduler"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _in_order(futures: list[Any], done: Callable[[int], None], loop: Any) -> Iterator[tuple[int, Any]]:
    """``(index, result or exception)`` of each future in list order, as soon
    as it and those before it are done; ``done(index)`` is called as each
    finishes, in any order. A future is released once its result is taken."""
    from distributed import as_completed

    index = {f.key: i for i, f in enumerate(futures) if f is not None}
    finished = [False] * len(futures)
    following = 0
    for fut in as_completed([f for f in futures if f is not None], loop=loop):
        finished[index[fut.key]] = True
        done(index[fut.key])
        while following < len(futures) and finished[following]:
            current = futures[following]
            futures[following] = None
            value: Any
            try:
                value = current.result() if current is not None else []
            except (KeyboardInterrupt, SystemExit, GeneratorExit):
                raise
            except BaseException as e:  # noqa: BLE001 - reported for the partition's inputs
                value = e  # (a cancelled future raises a BaseException)
            yield following, value
            following += 1


@dataclass
class _Missing:
    """Records without the text field in the blocks of one file so far."""

    reported: bool = False
    more: int = 0


_MORE = re.compile(r"(\d+) more records have no ")


def _one_missing_report(partition: Partition, items: Iterable[Any], text_field: str,
                        seen: dict[str, _Missing]) -> Iterator[Any]:
    """``items`` of a partition, with the records that lack the text field
    reported as a local run does for a whole file: the first one, then, after
    the file's last block, how many more (each block counts its own)."""
    block = next((p for p in partition if isinstance(p, Piece) and p.length is not None), None)
    if block is None:
        yield from items
        return
    state = seen.setdefault(block.path, _Missing())
    for item in items:
        if isinstance(item, Problem) and item.source == block.path:
            more = _MORE.match(item.message)
            if more is not None:
                state.more += int(more.group(1))
                continue
            if item.message.startswith(inputs.NO_FIELD):
                if state.reported:
                    state.more += 1
                    continue
                state.reported = True
        yield item
    assert block.length is not None
    if block.block == math.ceil(block.size / block.length) - 1:
        del seen[block.path]
        if state.more:
            yield Problem(block.path, inputs.more_without_field(state.more, text_field))


def _failed(partition: Partition, error: BaseException) -> list[Problem]:
    """A partition whose task failed (e.g. it killed its workers again and
    again): one Problem for each of its inputs, as a local run reports a
    document that kills its worker."""
    detail = " ".join(str(error).split())
    message = f"internal error: {type(error).__name__}{': ' + detail if detail else ''}"
    sources = dict.fromkeys(p.path if isinstance(p, Piece) else None for p in partition)
    return [p for p in partition if isinstance(p, Problem)] + [
        Problem(s, message) for s in sources if s is not None]


def run(paths: Sequence[str], opts: ReadOptions, settings: Settings, *, address: str, jobs: int,
        partition_size: int | None, output_dir: str | None = None, gzipped: bool = False,
        skip: Collection[tuple[int, int]] = (),
        start: Callable[[int, int], None] = lambda total, count: None,
        done: Callable[[int], None] = lambda nbytes: None,
        notice: Callable[[str], None] = lambda text: None) -> Iterator[Result | Problem | Stats]:
    """``quotex extract --dask``: the Results and Problems of ``paths`` in
    input order, computed on the cluster. With ``output_dir`` the workers
    write the parts and only each partition's Problems and counts (a
    :class:`~quotex.stats.Stats`) come back; ``_SUCCESS`` is written once
    every part is; ``skip`` as :func:`list_inputs` takes it. ``start(total bytes, partitions)`` is called once the
    inputs are listed, ``done(input bytes)`` as each partition finishes, ``notice(line)``
    with the address of a LocalCluster's dashboard."""
    cluster = _Cluster(address, jobs)
    if cluster.dashboard is not None:
        notice(f"quotex: Dask dashboard at {cluster.dashboard}")
    futures: list[Any] = []
    try:
        partitions, total = _input_items(list(paths), opts, partition_size, cluster.threads(), skip)
        firsts = _first_lines(partitions, opts)
        if output_dir is not None:
            _prepare(output_dir)
            tasks = [delayed(write_partition, pure=True)(
                p, first, opts, settings, output_dir, part_name(i, len(partitions), gzipped), gzipped)
                for i, (p, first) in enumerate(zip(partitions, firsts))]
        else:
            tasks = [delayed(extract_partition, pure=True)(p, first, opts, settings)
                     for p, first in zip(partitions, firsts)]
        start(total, len(partitions))
        futures = list(cluster.client.compute(tasks))
        missing: dict[str, _Missing] = {}
        sizes = [sum(p.nbytes for p in part if isinstance(p, Piece)) for part in partitions]
        for i, value in _in_order(futures, lambda i: done(sizes[i]), cluster.client.loop):
            if isinstance(value, BaseException):
                _check_connected(cluster, address)
                yield from _failed(partitions[i], value)
            elif output_dir is not None:
                problems, stats = value
                yield from _one_missing_report(partitions[i], problems, opts.text_field, missing)
                yield stats
            else:
                yield from _one_missing_report(partitions[i], value, opts.text_field, missing)
        if output_dir is not None:
            put(output_dir, SUCCESS, b"")
    finally:
        for f in futures:
            if f is not None:
                f.cancel()
        cluster.close()


def _check_connected(cluster: _Cluster, address: str) -> None:
    if cluster.client.status != "running":
        from quotex.errors import RunError

        raise RunError(f"lost the Dask scheduler at {address}")


def _prepare(url: str) -> None:
    """Make folder ``url`` for the parts; one that holds files already is
    refused (old parts would mix with the new ones)."""
    from quotex.errors import RunError

    try:
        fs, root = fsspec.core.url_to_fs(url)
        if fs.exists(root):
            if not fs.isdir(root):
                raise RunError(f"cannot write parts to {url}: not a folder")
            if fs.ls(root):
                raise RunError(f"cannot write parts to {url}: the folder is not empty")
        fs.makedirs(root, exist_ok=True)
    except RunError:
        raise
    except Exception as e:  # noqa: BLE001
        raise RunError(f"cannot write parts to {url}: {_one_line(e)}") from None
