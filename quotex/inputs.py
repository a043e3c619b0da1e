"""Reading the inputs of a run: files, folders, stdin and JSON Lines corpora.

:func:`iter_documents` turns the paths a user gave into a lazy stream of
:class:`Document` s and :class:`Problem` s, in a stable order, and never
raises for bad input.

What each PATH means
    ``-``                   the bytes of standard input, as one text (gzip is
                            recognised by its magic number).
    a folder                the files in it whose names end with one of the
                            default text extensions (:data:`TEXT_EXTENSIONS`:
                            ``.txt .text .md``, their ``.gz`` forms, and the
                            corpora ``.jsonl .jsonl.gz .ndjson``), in sorted
                            name order; ``recursive=True`` walks subfolders
                            depth first, each level sorted by name. Names
                            starting with ``.`` are skipped.
    ``*.jsonl``, ``*.jsonl.gz``, ``*.ndjson``
                            a corpus: one JSON object a line; ``text_field``
                            holds the text and ``id_field`` the id. Each record
                            is a Document with ``id`` (``str()`` of the id, or
                            the line number when the record has no id) and
                            ``line`` (1-based). Blank lines are skipped; a
                            malformed line is an error Problem with its line
                            number and the rest goes on. A record whose text
                            is over ``chunk_size`` characters is split like a
                            large file (same id and line, ``base`` set).
    ``*.json``, ``*.json.gz``
                            a corpus in one JSON array of such records (or one
                            record), read element by element; the record's
                            number (1-based) stands for the line number. A
                            syntax error ends the file with one Problem.
    ``*.gz``                gzip-compressed text, read as a stream.

``input_format`` (``text``, ``jsonl``, ``json``) overrides the names for
every input, stdin included. A corpus record over ``max_record_size`` bytes
is one error Problem and is read through without being kept.
    any other file          text, whatever its extension.

``include``/``exclude`` are glob patterns (``fnmatch``: ``*`` also matches
``/``) matched against a walked file's path relative to the folder (with
``/``) and against its base name; a leading ``**/`` may match nothing and a
trailing ``/`` is ignored. Any ``include`` replaces the default extension
set. ``exclude`` also prunes folders. Neither applies to files named
explicitly. Symbolic links are followed; each folder is walked once.

Decoding (see :mod:`quotex.decode`): UTF-8; a BOM (UTF-8/16/32) picks the
codec and is stripped; legacy files are decoded as cp1252 with a warning;
``encoding`` forces a codec. Offsets in the records index the decoded text,
BOM excluded; newlines are kept exactly as in the file (no ``\\r\\n``
translation). An unknown ``encoding`` yields one error Problem (source
``--encoding``) and nothing else; :func:`check_encoding` lets a caller turn
it into a usage error up front instead.

Large inputs are decoded incrementally and split at paragraph boundaries into
Documents of about ``chunk_size`` characters; ``Document.base`` is the offset
of a chunk's first character in the whole decoded file (:func:`quotex.batch.run`
shifts the records by it).

Problems (one line each). Errors: a PATH that does not exist, a broken symbolic
link, a file that cannot be read (permissions) or vanished after it was
listed, a malformed JSON Lines record, a non-gzip ``.gz``, and a binary file
or socket/device named explicitly. Warnings: a binary file, FIFO, socket or
device met in a folder walk (skipped; a FIFO is never opened there), a folder
seen twice through a symbolic link (skipped, so loops end), a legacy
encoding, undecodable bytes, NUL bytes in a text. A warning about a file
comes before its Document. A FIFO or character device named explicitly
(``<(cmd)``, ``/dev/stdin``) is read like stdin.
"""
from __future__ import annotations

import codecs
import errno
import fnmatch
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, BinaryIO, cast

from quotex import decode
from quotex.lang.en.lexicon import data_text

#: Documents larger than this many characters are split into chunks at
#: paragraph boundaries (the extractor needs ~15 bytes of memory per
#: character, and chunks let workers share one large file); also the number
#: of bytes examined to choose a file's encoding.
CHUNK_SIZE = 1024 * 1024

_DEFAULT_EXTENSIONS = (".txt", ".text", ".md", ".txt.gz", ".text.gz", ".md.gz", ".jsonl", ".jsonl.gz", ".ndjson")
_CORPUS_EXTENSIONS = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_JSON_EXTENSIONS = (".json", ".json.gz")

#: ``--input-format``: how an input is read. None (the default) goes by the
#: name: :data:`_CORPUS_EXTENSIONS` are JSON Lines, ``.json`` a JSON array,
#: anything else (and stdin) text.
INPUT_FORMATS = ("text", "jsonl", "json")

#: The largest corpus record (a JSON Lines line, or one element of a JSON
#: array), in bytes, unless ``max_record_size`` says otherwise; 0 is no limit.
MAX_RECORD_SIZE = 64 * 1024 * 1024


def parse_size(value: str) -> int:
    """``--max-record-size``: ``512K``, ``64M``, ``1G`` (powers of 1024, an
    optional ``B``/``iB``), a number of bytes, or ``0`` for no limit.
    ValueError otherwise."""
    m = re.fullmatch(r"\s*(\d+)\s*(?:([kmgt])(?:i?b)?|b)?\s*", value, flags=re.IGNORECASE)
    if m is None:
        raise ValueError(f"{value!r} is not a size (use e.g. 512K, 64M, 1G, or 0 for no limit)")
    unit = (m.group(2) or "").lower()
    power = "kmgt".index(unit) + 1 if unit else 0
    return int(m.group(1)) << (10 * power)


def format_size(size: int) -> str:
    """``64 MB``, ``1 KB``, ``1500 bytes``: a size as ``--max-record-size`` takes it."""
    for unit, power in (("TB", 4), ("GB", 3), ("MB", 2), ("KB", 1)):
        if size % 1024 ** power == 0:
            return f"{size // 1024 ** power} {unit}"
    return f"{size} bytes"


def _load_extensions() -> tuple[str, ...]:
    try:
        raw = data_text("text_extensions.txt")
    except (OSError, ValueError):
        return _DEFAULT_EXTENSIONS
    exts = tuple(
        line.strip().lower() for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )
    return exts or _DEFAULT_EXTENSIONS


#: File name endings a folder walk picks up when no ``include`` is given
#: (from ``quotex/data/text_extensions.txt``).
TEXT_EXTENSIONS: tuple[str, ...] = _load_extensions()


@dataclass(frozen=True, slots=True)
class Document:
    """One text to extract from.

    ``source`` is the path as given (or found under a given folder), ``-`` for
    stdin, or the corpus path for a JSON Lines record. ``text`` is decoded
    text; record offsets index it, plus ``base``: the character offset of
    ``text`` in the whole decoded file when a large file is split into
    chunks (0 otherwise). ``size`` is the number of input bytes it took.
    ``before`` and ``after`` are the paragraphs around a chunk: read with it
    as context (who "she" is), never reported.
    """

    source: str
    text: str
    id: str | None = None
    line: int | None = None
    size: int = 0
    base: int = 0
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with an input, one line. ``severity`` is ``"error"``
    (counts for the exit code) or ``"warning"`` (the input, if any, is still
    processed)."""

    source: str
    message: str
    line: int | None = None
    severity: str = "error"


def check_encoding(encoding: str) -> str:
    """The canonical codec name for ``encoding``; ValueError("unknown encoding: X")
    when there is none."""
    return decode.check_encoding(encoding)


# --------------------------------------------------------------------------
# Public entry points


def iter_documents(
    paths: Sequence[str],
    *,
    recursive: bool = False,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    encoding: str | None = None,
    text_field: str = "text",
    id_field: str = "id",
    stdin: BinaryIO | None = None,
    chunk_size: int = CHUNK_SIZE,
    skip: Collection[tuple[int, int]] = (),
    input_format: str | None = None,
    max_record_size: int = MAX_RECORD_SIZE,
) -> Iterator[Document | Problem]:
    """Lazily yield the documents of ``paths`` in a stable order, with a
    Problem for each input that cannot be used; never raises for bad input.
    A warning Problem for a file comes before its Document.

    ``skip`` holds the (device, inode) of files never to read, the output
    file above all: named as an input it is refused ("input is also the
    output"), found in a folder it is passed over."""
    if encoding is not None:
        try:
            decode.check_encoding(encoding)
        except ValueError as e:
            yield Problem("--encoding", str(e))
            return
    opts = _Options(encoding, text_field, id_field, max(1, chunk_size), frozenset(skip),
                    input_format, max(0, max_record_size))
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:
                yield Problem("-", "cannot read: standard input is closed")
            elif _is_skipped(stream, opts):
                yield Problem("-", "input is also the output; skipped")
            elif opts.input_format in ("jsonl", "json"):
                yield from _read_corpus(stream, "-", True, opts, _peek(stream).startswith(b"\x1f\x8b"),
                                        array=opts.input_format == "json")
            else:
                yield from _read_stream(stream, "-", opts, sniff_gzip=True)
            continue
        for entry in _expand(path, recursive, include, exclude):
            if isinstance(entry, Problem):
                yield entry
            else:
                yield from _read_path(entry[0], entry[1], entry[2], opts)


def total_bytes(
    paths: Sequence[str],
    *,
    recursive: bool = False,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> int | None:
    """The bytes :func:`iter_documents` would read (a stat walk, no reads), or
    None when that is unknown (stdin, a FIFO)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        for entry in _expand(path, recursive, include, exclude):
            if isinstance(entry, Problem):
                continue
            st = entry[1]
            if st is None:
                try:
                    st = os.stat(entry[0])
                except OSError:
                    continue
            if not stat.S_ISREG(st.st_mode):
                return None
            total += st.st_size
    return total


#: Corpus bytes :func:`total_documents` reads to count records, in all; past
#: that (or for a compressed corpus) the number of documents is unknown.
COUNT_BYTES = 64 * 1024 * 1024


def total_documents(
    paths: Sequence[str],
    *,
    recursive: bool = False,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    budget: int = COUNT_BYTES,
    input_format: str | None = None,
) -> int | None:
    """The documents :func:`iter_documents` would yield, counting a file as
    one and a corpus as its non-blank lines, or None when that is not cheap
    to know: stdin, a FIFO, a compressed or UTF-16/32 corpus, or corpora of
    more than ``budget`` bytes in all (they would have to be read twice)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        for entry in _expand(path, recursive, include, exclude):
            if isinstance(entry, Problem):
                continue
            st = entry[1]
            if st is None:
                try:
                    st = os.stat(entry[0])
                except OSError:
                    continue
            if not stat.S_ISREG(st.st_mode):
                return None
            lower = entry[0].lower()
            fmt = _format_of(lower, input_format)
            if fmt == "json":
                return None
            if fmt == "text":
                total += 1
                continue
            if lower.endswith(".gz") or st.st_size > budget:
                return None
            budget -= st.st_size
            try:
                with open(entry[0], "rb") as f:
                    if f.read(2) in (b"\xff\xfe", b"\xfe\xff"):
                        return None
                    f.seek(0)
                    total += sum(1 for line in f if line.strip())
            except OSError:
                continue
    return total


def list_files(
    paths: Sequence[str],
    *,
    recursive: bool = False,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Iterator[tuple[str, bool, os.stat_result] | Problem]:
    """The files :func:`iter_documents` would read for ``paths`` (stdin
    excepted), in its order: ``(path, named explicitly, stat result)``, or a
    Problem where it would yield one before reading (a missing PATH, a
    folder that cannot be listed)."""
    for path in paths:
        for entry in _expand(path, recursive, include, exclude):
            if isinstance(entry, Problem):
                yield entry
                continue
            st = entry[1]
            if st is None:
                try:
                    st = os.stat(entry[0])
                except OSError as e:
                    yield Problem(entry[0], _os_message(e, "cannot read"))
                    continue
            yield entry[0], entry[2], st


def read_one(
    path: str,
    *,
    explicit: bool = True,
    stream: BinaryIO | None = None,
    size: int | None = None,
    first_line: int = 1,
    encoding: str | None = None,
    text_field: str = "text",
    id_field: str = "id",
    chunk_size: int = CHUNK_SIZE,
    input_format: str | None = None,
    max_record_size: int = MAX_RECORD_SIZE,
) -> Iterator[Document | Problem]:
    """The Documents and Problems of one file, as :func:`iter_documents`
    reads it (``explicit``: named as a PATH rather than found in a folder).
    The file is opened on the local file system, unless ``stream`` is given:
    the file's bytes opened elsewhere (object storage), or, with
    ``first_line``, a block of whole lines of a JSON Lines corpus whose first
    line has that number. ``size`` is the file's size when known."""
    opts = _Options(encoding, text_field, id_field, max(1, chunk_size), frozenset(),
                    input_format, max(0, max_record_size))
    if stream is None:
        yield from _read_path(path, None, explicit, opts)
        return
    fmt = _format_of(path, input_format)
    gz = path.lower().endswith(".gz")
    f = stream if hasattr(stream, "peek") else cast(BinaryIO, io.BufferedReader(cast(Any, stream)))
    try:
        if fmt != "text":
            yield from _read_corpus(f, path, explicit, opts, gz, array=fmt == "json", first_line=first_line)
        else:
            yield from _read_stream(f, path, opts, gz=gz, explicit=explicit, size_hint=size)
    except OSError as e:
        yield Problem(path, _os_message(e, "cannot read"))


# --------------------------------------------------------------------------
# Finding files


@dataclass(frozen=True, slots=True)
class _Options:
    encoding: str | None
    text_field: str
    id_field: str
    chunk_size: int
    skip: frozenset[tuple[int, int]] = frozenset()
    input_format: str | None = None
    max_record_size: int = MAX_RECORD_SIZE


def _format_of(path: str, input_format: str | None) -> str:
    """How ``path`` is read: ``input_format``, else by its name."""
    if input_format is not None:
        return input_format
    lower = path.lower()
    if lower.endswith(_CORPUS_EXTENSIONS):
        return "jsonl"
    if lower.endswith(_JSON_EXTENSIONS):
        return "json"
    return "text"


def _is_skipped(stream: BinaryIO, opts: _Options) -> bool:
    if not opts.skip:
        return False
    try:
        st = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) in opts.skip


# (path, stat result (None: a regular file found in a walk), named explicitly?)
_Found = tuple[str, "os.stat_result | None", bool]


def _expand(path: str, recursive: bool, include: Sequence[str], exclude: Sequence[str]) -> Iterator[_Found | Problem]:
    """The files PATH stands for: itself, or the files of a folder."""
    try:
        st = os.stat(path)
    except OSError as e:
        if e.errno == errno.ENOENT and os.path.islink(path):
            yield Problem(path, "broken symbolic link")
        else:
            yield Problem(path, _os_message(e, "cannot open"))
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _walk(path, recursive, include, exclude, {(st.st_dev, st.st_ino)})
    elif stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
        yield (path, st, True)
    else:
        yield Problem(path, f"not a regular file ({_kind(st.st_mode)}); skipped")


def _walk(
    top: str,
    recursive: bool,
    include: Sequence[str],
    exclude: Sequence[str],
    seen: set[tuple[int, int]],
) -> Iterator[_Found | Problem]:
    """Files under folder ``top``, sorted by name at each level, subfolders
    walked where they sort (depth first, without recursion, so any depth
    works). Only the sorted entries of the folders on the current path are
    held in memory."""
    # Each level: (entries left, in reverse order so pop() gives the next; rel path)
    stack: list[tuple[list[os.DirEntry[str]], str]] = []
    listing = _list(top)
    if isinstance(listing, Problem):
        yield listing
        return
    stack.append((listing, ""))
    while stack:
        entries, rel = stack[-1]
        if not entries:
            stack.pop()
            continue
        entry = entries.pop()
        name = entry.name
        path = entry.path
        relpath = f"{rel}/{name}" if rel else name
        if exclude and matches(relpath, name, exclude):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not recursive:
                continue
            try:
                st = entry.stat()
            except OSError as e:
                yield Problem(path, _os_message(e, "cannot list folder"))
                continue
            key = (st.st_dev, st.st_ino)
            if key in seen:
                yield Problem(path, "folder already visited (symbolic link loop?); skipped", severity="warning")
                continue
            seen.add(key)
            listing = _list(path)
            if isinstance(listing, Problem):
                yield listing
            else:
                stack.append((listing, relpath))
            continue
        if not wanted(relpath, name, include):
            continue
        try:
            if entry.is_file():  # no system call unless it is a symbolic link
                yield (path, None, False)
                continue
            mode = entry.stat().st_mode
        except OSError as e:
            if e.errno == errno.ENOENT and entry.is_symlink():
                yield Problem(path, "broken symbolic link")
            else:
                yield Problem(path, _os_message(e, "cannot read"))
            continue
        if stat.S_ISREG(mode):  # it became one since the listing
            yield (path, None, False)
        else:
            yield Problem(path, f"not a regular file ({_kind(mode)}); skipped", severity="warning")


def _list(folder: str) -> list[os.DirEntry[str]] | Problem:
    """The entries of ``folder`` not starting with ".", in reverse name order."""
    try:
        with os.scandir(folder) as it:
            return sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name, reverse=True)
    except OSError as e:
        return Problem(folder, _os_message(e, "cannot list folder"))


def wanted(relpath: str, name: str, include: Sequence[str]) -> bool:
    """Whether a file met in a folder walk is read: it matches ``include``, or
    (no ``include``) its name ends in one of :data:`TEXT_EXTENSIONS`."""
    if include:
        return matches(relpath, name, include)
    return name.lower().endswith(TEXT_EXTENSIONS)


def matches(relpath: str, name: str, patterns: Sequence[str]) -> bool:
    """Whether ``relpath`` (relative to the folder walked, with ``/``) or the
    base ``name`` matches one of the ``--include``/``--exclude`` globs."""
    for pattern in patterns:
        pattern = pattern.rstrip("/") or pattern  # "node_modules/" names a folder
        while pattern.startswith("**/"):  # "**/x" also matches x at the top
            if fnmatch.fnmatchcase(relpath, pattern):
                return True
            pattern = pattern[3:]
        if fnmatch.fnmatchcase(relpath, pattern) or fnmatch.fnmatchcase(name, pattern):
            return True
    return False


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISDIR(mode):
        return "folder"
    return "special file"


def _os_message(e: OSError, what: str) -> str:
    reasons = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "too many levels of symbolic links",
        errno.EISDIR: "is a folder",
        errno.ENAMETOOLONG: "file name too long",
    }
    reason = reasons.get(e.errno or 0) or (e.strerror or type(e).__name__).lower()
    return f"{what}: {reason}"


# --------------------------------------------------------------------------
# Reading one input


def _read_path(path: str, st: os.stat_result | None, explicit: bool, opts: _Options) -> Iterator[Document | Problem]:
    special = st is not None and not stat.S_ISREG(st.st_mode)
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    if not special:
        # A regular file replaced by a FIFO after the stat must not block us.
        flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        yield Problem(path, _os_message(e, "cannot read"))
        return
    try:
        fst = os.fstat(fd)
        if (fst.st_dev, fst.st_ino) in opts.skip:
            os.close(fd)
            if explicit:
                yield Problem(path, "input is also the output; skipped")
            return
        if not special and not stat.S_ISREG(fst.st_mode):
            os.close(fd)
            yield Problem(path, f"not a regular file ({_kind(fst.st_mode)}); skipped",
                          severity="error" if explicit else "warning")
            return
        lower = path.lower()
        fmt = _format_of(path, opts.input_format)
        corpus = fmt != "text"
        gz = lower.endswith(".gz")
        # Plain files are read in large blocks: no buffer layer needed.
        f = os.fdopen(fd, "rb") if corpus or gz or special else os.fdopen(fd, "rb", buffering=0)
    except OSError as e:
        os.close(fd)
        yield Problem(path, _os_message(e, "cannot read"))
        return
    with f:
        try:
            if corpus:
                yield from _read_corpus(f, path, explicit, opts, gz, array=fmt == "json")
            else:
                yield from _read_stream(f, path, opts, gz=gz, explicit=explicit,
                                        size_hint=None if special else fst.st_size)
        except OSError as e:
            yield Problem(path, _os_message(e, "cannot read"))


def _read_stream(
    f: BinaryIO,
    source: str,
    opts: _Options,
    *,
    gz: bool = False,
    sniff_gzip: bool = False,
    explicit: bool = True,
    size_hint: int | None = None,
) -> Iterator[Document | Problem]:
    """One text input (a plain or gzip file, stdin) as one or more Documents.
    ``size_hint`` (the file's size) saves allocating a whole chunk for a small file."""
    raw: BinaryIO = f
    position = None
    try:
        if sniff_gzip or gz:
            peek = _peek(f)
            if peek.startswith(b"\x1f\x8b"):
                gz = True
            elif gz:
                yield Problem(source, "not a gzip file; skipped")
                return
        if gz:
            stream: BinaryIO = _gunzip(raw)
            if raw.seekable():
                start = raw.tell()
                position = lambda: raw.tell() - start  # noqa: E731
        else:
            stream = raw
        if size_hint is not None and not gz and size_hint < opts.chunk_size:
            head = decode.read_full(stream.read, size_hint + 1)
            if len(head) > size_hint:  # it grew since the stat
                head += decode.read_full(stream.read, opts.chunk_size - len(head))
        else:
            head = decode.read_full(stream.read, opts.chunk_size)
        what = decode.binary_kind(head)
        if what is not None:
            yield Problem(source, f"binary file ({what}); skipped", severity="error" if explicit else "warning")
            return
        if opts.input_format is None:
            looks = _looks_like_json(head, opts.text_field)
            if looks is not None:
                yield Problem(source, f"looks like {looks[0]}; use --input-format {looks[1]}",
                              severity="warning")
        for item in decode.with_context(decode.decode_pieces(
            head, stream.read, encoding=opts.encoding, chunk_size=opts.chunk_size, position=position
        )):
            if isinstance(item, str):
                yield Problem(source, item, severity="warning")
            else:
                yield Document(source, item.text, size=item.nbytes, base=item.base,
                               before=item.before, after=item.after)
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        yield Problem(source, f"cannot read: corrupt gzip data ({_one_line(e) or 'truncated'})")
    except UnicodeError as e:
        yield Problem(source, f"cannot decode: {_one_line(e)}")
    except OSError as e:
        yield Problem(source, _os_message(e, "cannot read"))
    else:
        yield from _trailing(source, stream)


def _looks_like_json(head: bytes, text_field: str) -> tuple[str, str] | None:
    """Whether the start of a text input reads as a corpus: ("JSON Lines",
    "jsonl") when its first non-blank line is a JSON object with
    ``text_field``, ("JSON", "json") when it opens an array whose first
    element is such an object (as far as ``head`` shows), else None."""
    start = head.lstrip(b" \t\r\n\xef\xbb\xbf")
    if start.startswith(b"{"):
        line = start.split(b"\n", 1)[0]
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):
            return None
        return ("JSON Lines", "jsonl") if isinstance(obj, dict) and text_field in obj else None
    if start.startswith(b"[") and start[1:].lstrip().startswith(b"{"):
        try:
            text = start.decode("utf-8", "replace")
            obj, _ = json.JSONDecoder().raw_decode(text, text.index("{"))
        except (ValueError, RecursionError):
            # the first element may go on past head: judge by its first key
            key = json.dumps(text_field).encode()
            return ("JSON", "json") if start[1:].lstrip()[1:].lstrip().startswith(key) else None
        return ("JSON", "json") if isinstance(obj, dict) and text_field in obj else None
    return None


class _Gunzip(io.RawIOBase):
    """gzip data of one or more members, as ``gzip -dc`` reads it: bytes
    after the last member that are not gzip data (zero padding of tapes,
    trailing garbage) end the stream with a warning instead of losing the
    file (Python's GzipFile raises on them, after decompressing them all)."""

    BLOCK = 1 << 16

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.z = zlib.decompressobj(31)
        self.pending = b""
        self.trailing = 0  # bytes of non-gzip data after the last member
        self.eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending and not self.eof:
            self._fill()
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n

    def _fill(self) -> None:
        data = self.z.unconsumed_tail or self.raw.read(self.BLOCK)
        if not data:
            if not self.z.eof:
                raise EOFError("compressed file ended before the end-of-stream marker was reached")
            self.eof = True
            return
        self.pending = self.z.decompress(data, self.BLOCK * 4)
        while self.z.eof and not self.eof:
            rest = self.z.unused_data or self.raw.read(self.BLOCK)
            if not rest:
                self.eof = True
            elif rest.startswith(b"\x1f\x8b"):  # another member
                self.z = zlib.decompressobj(31)
                self.pending += self.z.decompress(rest, self.BLOCK * 4)
            else:  # trailing data: a warning unless it is zero padding
                self._skip_trailing(rest, warn=bool(rest.strip(b"\x00")))

    def _skip_trailing(self, rest: bytes, *, warn: bool) -> None:
        count = len(rest)
        while chunk := self.raw.read(self.BLOCK):
            count += len(chunk)
            warn = warn or bool(chunk.strip(b"\x00"))
        self.trailing = count if warn else 0
        self.eof = True


def _gunzip(raw: BinaryIO) -> BinaryIO:
    return cast(BinaryIO, io.BufferedReader(_Gunzip(raw), buffer_size=1 << 16))


def _trailing(source: str, stream: BinaryIO) -> Iterator[Problem]:
    inner = getattr(stream, "raw", None)
    if isinstance(inner, _Gunzip) and inner.trailing:
        yield Problem(source, f"{inner.trailing} bytes of trailing data after the gzip data "
                      "ignored (as gzip -dc does)", severity="warning")


def _peek(f: BinaryIO) -> bytes:
    peek = getattr(f, "peek", None)
    if peek is not None:
        data: bytes = peek(2)
        return data[:2]
    return b""


def _read_corpus(f: BinaryIO, source: str, explicit: bool, opts: _Options, gz: bool, *,
                 array: bool = False, first_line: int = 1) -> Iterator[Document | Problem]:
    """A JSON Lines corpus (or, with ``array``, a JSON array of records): one
    Document per record. ``first_line`` numbers the first line (a block of a
    corpus's lines read alone)."""
    stream: BinaryIO = f
    missing = 0  # records without the text field
    try:
        if gz:
            if not _peek(f).startswith(b"\x1f\x8b"):
                yield Problem(source, "not a gzip file; skipped")
                return
            stream = _gunzip(f)
        if not gz and not f.seekable() and hasattr(f, "read1"):
            # a pipe: what has come so far (at least 4 bytes, for a byte order
            # mark), so that the first records are read before the writer is done
            head = f.read1(decode.SNIFF_BYTES)
            while 0 < len(head) < 4 and (more := f.read1(decode.SNIFF_BYTES)):
                head += more
        else:
            head = decode.read_full(stream.read, decode.SNIFF_BYTES)
        codec = _corpus_codec(head, opts.encoding)
        starts = (b"{", b"[") if array else (b"{",)
        what = (decode.binary_kind(head) if codec is None and not head.lstrip().startswith(starts)
                else None)
        if what is not None:
            yield Problem(source, f"binary file ({what}); skipped", severity="error" if explicit else "warning")
            return
        records: Iterator[tuple[int, Any]]
        if array:
            records = _array_records(head, stream, codec, source, opts.max_record_size)
        else:
            lines = (_lines(head, stream, opts.max_record_size) if codec is None
                     else _recoded_lines(head, stream, codec, opts.max_record_size))
            records = enumerate(lines, first_line)
        # Document.size: bytes consumed since the previous record, counted in
        # the file itself (compressed bytes for .gz, as total_bytes counts them).
        position = f.tell if gz and f.seekable() else None
        last = 0
        consumed = 0
        for lineno, line in records:
            if isinstance(line, Problem):
                yield line
                continue
            if isinstance(line, int):  # a record over the size limit, skipped
                consumed += line
                yield Problem(source, f"record is larger than {format_size(opts.max_record_size)} "
                              "(--max-record-size)", lineno)
                continue
            if isinstance(line, bytes):
                consumed += len(line)
                if not line.strip():
                    continue
                item = _record(line, lineno, source, opts)
            else:  # an element of a JSON array, parsed, and its size
                obj, size = line
                consumed += size
                item = _from_object(obj, lineno, source, opts, size)
            if isinstance(item, Problem):
                if item.message.startswith(NO_FIELD):
                    # One line for a field the corpus lacks, not one per record.
                    missing += 1
                    if missing > 1:
                        continue
                yield item
                continue
            if position is not None:
                now = position()
                consumed, last = now - last, now
            yield from _split(item, consumed, opts.chunk_size)
            consumed = 0
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        yield Problem(source, f"cannot read: corrupt gzip data ({_one_line(e) or 'truncated'})")
    except UnicodeDecodeError as e:
        yield Problem(source, f"cannot decode: {_one_line(e)}")
    else:
        yield from _trailing(source, stream)
    if missing > 1:
        yield Problem(source, more_without_field(missing - 1, opts.text_field))


def _corpus_codec(head: bytes, encoding: str | None) -> str | None:
    """The codec a corpus must be decoded with before its lines are split, or
    None for UTF-8 (which JSON reads as bytes): ``--encoding``, else the codec
    of a UTF-16 or UTF-32 byte order mark."""
    if encoding is not None:
        name = decode.check_encoding(encoding)
        return None if name == "utf-8" else name
    found = decode.bom(head)
    if found is not None and found[0].startswith(("utf-16", "utf-32")):
        return found[0][:6]  # "utf-16" / "utf-32": the codec reads the BOM itself
    return None


#: Bytes read at a time while a line over the record size limit is skipped.
_SKIP_BLOCK = 1 << 20


def _recoded_lines(head: bytes, stream: BinaryIO, codec: str, limit: int = 0) -> Iterator[bytes | int]:
    """The lines of a corpus in another encoding, each as UTF-8 bytes; a line
    over ``limit`` characters (0: none) is skipped and yields its size instead."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    rest = ""
    skipping = 0  # > 0: inside a line over the limit, this many characters so far
    chunk = head
    while True:
        rest += decoder.decode(chunk, final=not chunk)
        *whole, rest = rest.split("\n")
        for line in whole:
            if skipping:
                yield skipping + len(line) + 1
                skipping = 0
            elif limit and len(line) > limit:
                yield len(line) + 1
            else:
                yield (line + "\n").encode("utf-8", "surrogatepass")
        if limit and len(rest) > limit:
            skipping += len(rest)
            rest = ""
        if not chunk:
            break
        chunk = stream.read(1 << 16)
    if skipping:
        yield skipping + len(rest)
    elif rest:
        yield rest.encode("utf-8", "surrogatepass")


def _lines(head: bytes, stream: BinaryIO, limit: int = 0) -> Iterator[bytes | int]:
    """The lines (split at ``\\n``) of ``head`` followed by the rest of
    ``stream``. A line of more than ``limit`` bytes (newline not counted; 0:
    no limit) is never held whole: it is read through in blocks to its
    newline and yields its size (an int) instead of its bytes."""
    parts = head.split(b"\n")
    carry = parts.pop()
    for part in parts:
        yield len(part) + 1 if limit and len(part) > limit else part + b"\n"
    while True:
        if not limit:
            line = carry + stream.readline()
            carry = b""
            if not line:
                return
            yield line
            continue
        # read in blocks: a line over the limit is never held whole, or copied
        pieces = [carry] if carry else []
        size = len(carry)
        ends = carry.endswith(b"\n")
        carry = b""
        while not ends and size <= limit:
            block = stream.readline(min(_SKIP_BLOCK, limit + 2 - size))
            if not block:
                break
            pieces.append(block)
            size += len(block)
            ends = block.endswith(b"\n")
        if not size:
            return
        if size - ends > limit:
            pieces = []
            while not ends:
                block = stream.readline(_SKIP_BLOCK)
                if not block:
                    break
                size += len(block)
                ends = block.endswith(b"\n")
            yield size
            continue
        yield pieces[0] if len(pieces) == 1 else b"".join(pieces)


class _JsonText:
    """The text of a JSON file, decoded as it is read, for :func:`_array_records`."""

    BLOCK = 1 << 20

    def __init__(self, head: bytes, stream: BinaryIO, codec: str | None) -> None:
        self.decoder = codecs.getincrementaldecoder(codec or "utf-8-sig")("strict")
        self.stream = stream
        self.buf = self.decoder.decode(head)
        self.eof = False

    def fill(self) -> bool:
        """Read more text onto ``buf``; False at the end of the input."""
        if self.eof:
            return False
        data = self.stream.read(self.BLOCK)
        self.buf += self.decoder.decode(data, final=not data)
        self.eof = not data
        return True

    def next_char(self, pos: int) -> tuple[int, str]:
        """The next non-blank character at or after ``pos`` ("" at the end);
        text before it is dropped, so the position returned may be 0."""
        while True:
            buf = self.buf
            while pos < len(buf) and buf[pos] in " \t\r\n":
                pos += 1
            if pos < len(buf):
                return pos, buf[pos]
            self.buf, pos = "", 0
            if not self.fill():
                return 0, ""

    _SPECIAL = re.compile(r'["{}\[\]]')
    _IN_STRING = re.compile(r'["\\]')

    def scan_value(self, pos: int, limit: int) -> tuple[int, int, str | None] | None:
        """Find the end of the object or array at ``pos`` by its brackets and
        strings (no parsing): (position after it in ``buf``, its length in
        characters, its text, or None when it is over ``limit`` characters
        (0: no limit), in which case it was not kept); None when the input
        ends inside it. Text is read a block at a time and what is scanned
        is dropped, so memory holds at most ``limit`` characters of it."""
        depth = 0
        in_string = False
        pieces: list[str] | None = []
        count = 0
        while True:
            buf = self.buf
            scan = pos
            while True:
                m = (self._IN_STRING if in_string else self._SPECIAL).search(buf, scan)
                if m is None:
                    scan = len(buf)
                    break
                ch = m.group()
                scan = m.end()
                if in_string:
                    if ch == "\\":
                        if scan >= len(buf):
                            scan -= 1  # the escaped character is not read yet
                            break
                        scan += 1
                    else:
                        in_string = False
                elif ch == '"':
                    in_string = True
                elif ch in "{[":
                    depth += 1
                else:
                    depth -= 1
                    if depth <= 0:
                        count += scan - pos
                        if pieces is not None and (not limit or count <= limit):
                            pieces.append(buf[pos:scan])
                            return scan, count, "".join(pieces)
                        return scan, count, None
            count += scan - pos
            if pieces is not None:
                if limit and count > limit:
                    pieces = None
                else:
                    pieces.append(buf[pos:scan])
            self.buf, pos = buf[scan:], 0
            if not self.fill():
                return None


def _array_records(head: bytes, stream: BinaryIO, codec: str | None, source: str,
                   limit: int = 0) -> Iterator[tuple[int, Any]]:
    """The elements of a JSON file holding one array (or one object), read one
    at a time as the text comes in: ``(number, (value, characters))``, or
    ``(number, int)`` for an element over ``limit`` characters (0: no limit),
    read past without being kept; a Problem ends the file (a JSON array cannot
    be read on past a syntax error)."""
    text = _JsonText(head, stream, codec)
    json_decoder = json.JSONDecoder()

    def bad(number: int, message: str) -> tuple[int, Any]:
        return number, Problem(source, f"not valid JSON: {message}", number)

    pos, ch = text.next_char(0)
    if ch == "{":
        single = True
    elif ch == "[":
        single = False
        pos, ch = text.next_char(pos + 1)
        if ch == "]":
            return
    else:
        yield bad(1, "not a JSON array or object" if ch else "empty file")
        return
    number = 0
    while True:
        number += 1
        item: Any
        if ch in "{[":
            found = text.scan_value(pos, limit)
            if found is None:
                yield bad(number, "the file ends inside this record")
                return
            pos, size, value_text = found
            if value_text is None:
                item = size
            else:
                try:
                    item = (json.loads(value_text), size)
                except json.JSONDecodeError as e:
                    yield bad(number, f"{e.msg} (column {e.colno} of this record)")
                    return
                except RecursionError:
                    yield bad(number, "nested too deeply")
                    return
        else:  # a scalar: not a record, but read past it to go on
            while True:
                try:
                    value, end = json_decoder.raw_decode(text.buf, pos)
                except json.JSONDecodeError as e:
                    if len(text.buf) - pos > max(limit, 1 << 16) or not text.fill():
                        yield bad(number, e.msg)
                        return
                    continue
                item = (value, end - pos)
                pos = end
                break
        yield number, item
        if single:
            pos, ch = text.next_char(pos)
            if ch:
                yield bad(number + 1, "data after the JSON object")
            return
        pos, ch = text.next_char(pos)
        if ch == "]":
            pos, ch = text.next_char(pos + 1)
            if ch:
                yield bad(number + 1, "data after the JSON array")
            return
        if ch != ",":
            yield bad(number + 1, f"expected ',' or ']' after record {number}"
                      if ch else "the array is not closed")
            return
        pos, ch = text.next_char(pos + 1)
        if not ch:
            yield bad(number + 1, "the array is not closed")
            return


#: How the Problem of a record without the text field begins. A corpus
#: reports the first such record, then how many more there were
#: (:func:`more_without_field`), after its last record.
NO_FIELD = "record has no"


def more_without_field(count: int, text_field: str) -> str:
    """The message after a corpus's last record: ``count`` more records
    lacked ``text_field``."""
    return f'{count} more records have no "{text_field}" field; skipped (give --text-field)'


def _record(line: bytes, lineno: int, source: str, opts: _Options) -> Document | Problem:
    try:
        obj = json.loads(line)
    except UnicodeDecodeError:
        return Problem(source, "not valid UTF-8", lineno)
    except ValueError as e:
        msg = e.msg if isinstance(e, json.JSONDecodeError) else str(e)
        col = f" (column {e.colno})" if isinstance(e, json.JSONDecodeError) else ""
        return Problem(source, f"not valid JSON: {msg}{col}", lineno)
    except RecursionError:
        return Problem(source, "not valid JSON: nested too deeply", lineno)
    return _from_object(obj, lineno, source, opts, len(line))


def _from_object(obj: Any, lineno: int, source: str, opts: _Options, size: int) -> Document | Problem:
    """The Document of a corpus record ``obj`` (line or record ``lineno``)."""
    if not isinstance(obj, dict):
        return Problem(source, f"not a JSON object but {_JSON_TYPES.get(type(obj), 'a value')}", lineno)
    if opts.text_field not in obj:
        fields = ", ".join(f'"{k}"' for k in list(obj)[:12]) or "none"
        more = ", ..." if len(obj) > 12 else ""
        return Problem(source, f'{NO_FIELD} "{opts.text_field}" field (its fields: {fields}{more}; '
                       "give --text-field)", lineno)
    text = obj[opts.text_field]
    if not isinstance(text, str):
        return Problem(source, f'"{opts.text_field}" is not a string', lineno)
    ident = obj.get(opts.id_field)
    return Document(source, text, id=str(lineno) if ident is None else str(ident), line=lineno, size=size)


_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean",
               type(None): "null"}


def _split(doc: Document, size: int, chunk_size: int) -> Iterator[Document]:
    """``doc`` with ``size``, cut into chunks at paragraph boundaries when its
    text is over ``chunk_size`` characters (offsets re-based by ``base``)."""
    text = doc.text
    if len(text) <= chunk_size:
        yield replace(doc, size=size)
        return
    base = 0
    while len(text) - base > chunk_size:
        cut = decode.piece_end(text[base : base + chunk_size])
        part = text[base : base + cut]
        # the bytes are shared out in proportion to the characters
        yield replace(doc, text=part, base=base, size=size * (base + cut) // len(text) - size * base // len(text),
                      before=decode.context_before(text, base), after=decode.context_after(text, base + cut))
        base += cut
    yield replace(doc, text=text[base:], base=base, size=size - size * base // len(text),
                  before=decode.context_before(text, base))


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split())

