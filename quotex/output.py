"""Where records go: stdout or an atomically written file, in one of four formats.

Writers get each document's quotes as soon as it is extracted and write them
at once (streaming); the caller flushes after each document. The machine
formats (jsonl, json, csv) never import Rich; the table writer imports
:mod:`quotex.render` lazily.

Text is encoded as UTF-8 with ``backslashreplace``: a lone surrogate in the
input (from a JSON corpus with ``"\\ud800"``, say) comes out as the escape
``\\ud800``, which inside a JSON string is valid JSON, instead of crashing.
"""
from __future__ import annotations

import csv
import io
import json
import os
import stat
import tempfile
import zlib
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, Protocol

from quotex.errors import OutputError, describe_os_error
from quotex.records import FIELDS, Quote

if TYPE_CHECKING:
    from quotex.inputs import Document

_SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
                   ".txt": "table"}


def _suffix(output: str) -> tuple[str, bool]:
    """``-o``'s format suffix (lower case, ``.gz`` taken off) and whether it ends in ``.gz``."""
    name = os.path.basename(output).lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return os.path.splitext(name)[1], gz


def gzipped(output: str | None) -> bool:
    """Whether ``-o FILE`` asks for gzip-compressed output (FILE ends in ``.gz``)."""
    return output is not None and output != "-" and _suffix(output)[1]


def format_for(output: str | None, stdout_is_terminal: bool) -> str:
    """The default ``--format``: from ``-o``'s suffix (``.gz`` looked through),
    else table on a terminal, else jsonl. A file without a suffix gets jsonl;
    a suffix quotex does not know raises ValueError (give ``--format``)."""
    if output is not None and output != "-":
        suffix, _ = _suffix(output)
        if not suffix:
            return "jsonl"
        if suffix not in _SUFFIX_FORMATS:
            known = ", ".join(sorted(_SUFFIX_FORMATS))
            raise ValueError(f"cannot tell the output format from the suffix {suffix!r} of "
                             f"{output}; give --format, or use one of {known} (optionally .gz)")
        return _SUFFIX_FORMATS[suffix]
    return "table" if stdout_is_terminal else "jsonl"


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "backslashreplace")


# --------------------------------------------------------------------- sinks

class Sink(Protocol):
    name: str

    def write(self, data: bytes) -> None: ...
    def flush(self) -> None: ...
    def commit(self) -> None: ...
    def discard(self) -> None: ...


class StreamSink:
    """A binary stream we do not own (stdout). ``BrokenPipeError`` passes through."""

    def __init__(self, stream: IO[bytes], name: str = "stdout") -> None:
        self.stream = stream
        self.name = name

    def write(self, data: bytes) -> None:
        try:
            self.stream.write(data)
        except BrokenPipeError:
            raise
        except OSError as err:
            raise OutputError(f"cannot write to {self.name}: {describe_os_error(err)}") from err

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as err:
            raise OutputError(f"cannot write to {self.name}: {describe_os_error(err)}") from err

    def commit(self) -> None:
        self.flush()

    def discard(self) -> None:
        pass


class AtomicFile:
    """A file that appears complete or not at all.

    Data goes to a temporary file in the target's directory; :meth:`commit`
    moves it over the target with :func:`os.replace`; :meth:`discard` (on
    error or Ctrl-C) deletes it, leaving any previous file untouched. A
    symbolic link is followed: its target is replaced, the link stays.
    """

    def __init__(self, path: str) -> None:
        self.name = path
        self.path = os.path.realpath(path)
        folder, base = os.path.split(self.path)
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{base}.", suffix=".tmp", dir=folder)
        except OSError as err:
            raise OutputError(f"cannot write {path}: {describe_os_error(err)}") from err
        self.file: IO[bytes] = os.fdopen(fd, "wb")
        self.done = False

    def _fail(self, err: OSError) -> OutputError:
        return OutputError(f"cannot write {self.name}: {describe_os_error(err)}")

    def write(self, data: bytes) -> None:
        try:
            self.file.write(data)
        except OSError as err:
            raise self._fail(err) from err

    def flush(self) -> None:
        try:
            self.file.flush()
        except OSError as err:
            raise self._fail(err) from err

    def commit(self) -> None:
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.chmod(self.tmp, self._mode())
            os.replace(self.tmp, self.path)
        except OSError as err:
            self.discard()
            raise self._fail(err) from err
        self.done = True

    def _mode(self) -> int:
        try:
            return stat.S_IMODE(os.stat(self.path).st_mode)
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            return 0o666 & ~umask

    def discard(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            self.file.close()
        except OSError:
            pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


class PassThroughFile:
    """A target that is not a regular file (``/dev/null``, a FIFO, ``/dev/fd/N``
    from ``>(cmd)``): written through, as shell redirection does; never
    renamed over, never deleted."""

    def __init__(self, path: str) -> None:
        self.name = path
        try:
            self.file: IO[bytes] = open(path, "wb")  # noqa: SIM115 (closed by commit/discard)
        except OSError as err:
            raise OutputError(f"cannot write {path}: {describe_os_error(err)}") from err

    def write(self, data: bytes) -> None:
        try:
            self.file.write(data)
        except BrokenPipeError:
            raise
        except OSError as err:
            raise OutputError(f"cannot write {self.name}: {describe_os_error(err)}") from err

    def flush(self) -> None:
        try:
            self.file.flush()
        except BrokenPipeError:
            raise
        except OSError as err:
            raise OutputError(f"cannot write {self.name}: {describe_os_error(err)}") from err

    def commit(self) -> None:
        self.flush()
        self.discard()

    def discard(self) -> None:
        try:
            self.file.close()
        except OSError:
            pass


class GzipSink:
    """Compresses what it is given (gzip format) into another sink."""

    def __init__(self, inner: Sink) -> None:
        self.inner = inner
        self.name = inner.name
        self._z = zlib.compressobj(6, zlib.DEFLATED, 31)

    def write(self, data: bytes) -> None:
        out = self._z.compress(data)
        if out:
            self.inner.write(out)

    def flush(self) -> None:
        self.inner.write(self._z.flush(zlib.Z_SYNC_FLUSH))
        self.inner.flush()

    def commit(self) -> None:
        self.inner.write(self._z.flush(zlib.Z_FINISH))
        self.inner.commit()

    def discard(self) -> None:
        self.inner.discard()


def output_target(path: str) -> tuple[Sink, tuple[int, int] | None]:
    """The sink for ``-o PATH`` and, when PATH is an existing regular file
    (through symbolic links), its (device, inode), so that inputs can refuse
    to read it. A regular file or a new path is written atomically; anything
    else is written through; a ``.gz`` name gets gzip-compressed output."""
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as err:
        raise OutputError(f"cannot write {path}: {describe_os_error(err)}") from err
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {path}: is a folder")
    identity = (st.st_dev, st.st_ino) if st is not None and stat.S_ISREG(st.st_mode) else None
    sink: Sink = (AtomicFile(path) if st is None or stat.S_ISREG(st.st_mode)
                  else PassThroughFile(path))
    if gzipped(path):
        sink = GzipSink(sink)
    return sink, identity


# ------------------------------------------------------------------- records

def record(doc: Document, quote: Quote, candidates: Sequence[str] | None = None) -> dict[str, Any]:
    """The output record: ``file``, ``id`` (None for plain files), every Quote field.

    With ``candidates`` (``--explain``) a last key ``candidates`` is added.
    """
    rec: dict[str, Any] = {"file": doc.source, "id": doc.id}
    rec.update(quote.to_dict())
    if candidates is not None:
        rec["candidates"] = list(candidates)
    return rec


def _explained(quotes: Sequence[Quote], explanations: Sequence[Sequence[str]] | None,
               ) -> list[tuple[Quote, Sequence[str] | None]]:
    if explanations is None:
        return [(q, None) for q in quotes]
    return [(q, explanations[i] if i < len(explanations) else ()) for i, q in enumerate(quotes)]


class Writer(Protocol):
    def begin(self) -> None: ...
    def document(self, doc: Document, quotes: Sequence[Quote],
                 explanations: Sequence[Sequence[str]] | None = None) -> None: ...
    def end(self) -> None: ...


class JsonlWriter:
    """One JSON object per line."""

    def __init__(self, sink: Sink, explain: bool = False) -> None:
        self.sink = sink
        self.explain = explain

    def begin(self) -> None:
        pass

    def document(self, doc: Document, quotes: Sequence[Quote],
                 explanations: Sequence[Sequence[str]] | None = None) -> None:
        lines = [json.dumps(record(doc, q, why if self.explain else None), ensure_ascii=False)
                 for q, why in _explained(quotes, explanations)]
        if lines:
            self.sink.write(_encode("\n".join(lines) + "\n"))

    def end(self) -> None:
        pass


class JsonWriter(JsonlWriter):
    """One JSON array, written item by item as documents finish."""

    def begin(self) -> None:
        self.count = 0
        self.sink.write(b"[")

    def document(self, doc: Document, quotes: Sequence[Quote],
                 explanations: Sequence[Sequence[str]] | None = None) -> None:
        parts = []
        for q, why in _explained(quotes, explanations):
            sep = "\n" if self.count == 0 else ",\n"
            rec = record(doc, q, why if self.explain else None)
            parts.append(sep + json.dumps(rec, ensure_ascii=False))
            self.count += 1
        if parts:
            self.sink.write(_encode("".join(parts)))

    def end(self) -> None:
        self.sink.write(b"\n]\n" if self.count else b"]\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


class CsvWriter(JsonlWriter):
    """A header row, then one row per quote; lists joined with ``"; "``."""

    def begin(self) -> None:
        header = ["file", "id", *FIELDS] + (["candidates"] if self.explain else [])
        self._rows([header])

    def _rows(self, rows: list[list[str]]) -> None:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        self.sink.write(_encode(buf.getvalue()))

    def document(self, doc: Document, quotes: Sequence[Quote],
                 explanations: Sequence[Sequence[str]] | None = None) -> None:
        rows = [[_cell(v) for v in record(doc, q, why if self.explain else None).values()]
                for q, why in _explained(quotes, explanations)]
        if rows:
            self._rows(rows)


class TableWriter(JsonlWriter):
    """Rich tables, one per document; colour only on a terminal without NO_COLOR,
    unless ``color`` says (``--color always``/``never``)."""

    def __init__(self, sink: Sink, explain: bool = False, *, terminal: bool = False,
                 width: int = 100, terms: bool = False, color: bool | None = None) -> None:
        super().__init__(sink, explain)
        self.terminal = terminal
        self.color = color
        self.width = width
        self.terms = terms

    def document(self, doc: Document, quotes: Sequence[Quote],
                 explanations: Sequence[Sequence[str]] | None = None) -> None:
        from quotex import render

        title = render.document_title(doc.source, doc.id, doc.line)
        if not quotes:
            self.sink.write(_encode(render.to_text(render.no_quotes(title),
                                                   terminal=self.terminal, width=self.width,
                                                   color=self.color)))
            return
        renderable = render.quotes_table(title, quotes,
                                         explanations=explanations if self.explain else None,
                                         show_kind=self.terms, width=self.width)
        self.sink.write(_encode(render.to_text(renderable, terminal=self.terminal,
                                               width=self.width, color=self.color)))


def make_writer(fmt: str, sink: Sink, *, explain: bool = False, terms: bool = False,
                terminal: bool = False, width: int = 100, color: bool | None = None) -> Writer:
    """The writer for ``--format`` ``fmt``."""
    if fmt == "table":
        return TableWriter(sink, explain, terminal=terminal, width=width, terms=terms, color=color)
    writers: dict[str, type[JsonlWriter]] = {"jsonl": JsonlWriter, "json": JsonWriter,
                                             "csv": CsvWriter}
    return writers[fmt](sink, explain)


# ------------------------------------------------------------------- stderr

class Reporter:
    """Everything quotex writes on stderr: problems, the progress bar, the summary.

    The progress bar (Rich, imported only when shown) lives on stderr; while
    it runs, problem lines are printed above it, and :meth:`paused` hides it
    while a table is written to the same terminal on stdout.
    """

    def __init__(self, stderr: IO[str], *, progress: bool = False, summary: bool = False,
                 force: bool = False) -> None:
        from quotex.stats import Stats

        self.stderr = stderr
        self.show_progress = progress
        self.show_summary = summary
        self.force = force
        self.stats = Stats()
        self.warnings = 0
        self._progress: Any = None
        self._task: Any = None

    def start(self, total_bytes: int | None) -> None:
        if not self.show_progress:
            return
        from rich.console import Console

        from quotex.render import progress_bar

        self._progress = progress_bar(Console(file=self.stderr, highlight=False, markup=False,
                                             force_terminal=True if self.force else None))
        self._task = self._progress.add_task("quotex", total=total_bytes, files=0)
        self._progress.start()

    def _line(self, text: str) -> None:
        if self._progress is not None:
            from rich.text import Text

            self._progress.console.print(Text(text), soft_wrap=True)
        else:
            self.stderr.write(text + "\n")
            self.stderr.flush()

    def problem(self, problem: Any) -> None:
        """Print ``quotex: error: ...`` (or ``warning``) and count it."""
        from quotex.errors import problem_line

        if problem.severity == "warning":
            self.warnings += 1
        else:
            self.stats.failures += 1
        self._line(problem_line(problem))

    def advance(self, source: str, quotes: Sequence[Quote], size: int) -> None:
        self.stats.add(source, quotes)
        if self._progress is not None:
            self._progress.update(self._task, advance=size, files=self.stats.documents)

    def pause(self) -> None:
        if self._progress is not None:
            self._progress.stop()

    def resume(self) -> None:
        if self._progress is not None:
            self._progress.start()

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def summary(self, seconds: float) -> None:
        """``quotex: 3 files, 12 quotes, 5 speakers, 0 failures, 0.41 s``."""
        self.stop()
        if not self.show_summary:
            return
        s = self.stats
        files = len(s.files)
        parts = [f"{files} file" + ("" if files == 1 else "s")]
        if s.documents != files:
            parts[0] += f" ({s.documents} documents)"
        parts += [f"{s.quotes} quote" + ("" if s.quotes == 1 else "s"),
                  f"{s.distinct_speakers} speaker" + ("" if s.distinct_speakers == 1 else "s"),
                  f"{s.failures} failure" + ("" if s.failures == 1 else "s")]
        if self.warnings:
            parts.append(f"{self.warnings} warning" + ("" if self.warnings == 1 else "s"))
        parts.append(f"{seconds:.2f} s")
        self._line("quotex: " + ", ".join(parts))
