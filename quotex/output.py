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
from quotex.records import FIELDS, Quote, Step

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


#: The JSON of a record, as ``json.dumps(rec, ensure_ascii=False)`` writes it; one encoder
#: for every record (``json.dumps`` with an option builds a new one each call).
_to_json = json.JSONEncoder(ensure_ascii=False).encode


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
        try:
            self.file: IO[bytes] = os.fdopen(fd, "wb")
        except BaseException:  # a signal (SIGTERM raises) right after the file was made
            os.close(fd)
            os.unlink(self.tmp)
            raise
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

    With ``candidates`` (``--explain``) the keys ``candidates`` (the lines) and
    ``steps`` (each line's rule, candidates and the speaker chosen) are added.
    """
    rec: dict[str, Any] = {"file": doc.source, "id": doc.id, **quote.to_dict()}
    if candidates is not None:
        rec["candidates"] = [str(line) for line in candidates]
        rec["steps"] = [step_dict(line) for line in candidates]
    return rec


def step_dict(line: str) -> dict[str, Any]:
    """One step of ``--explain`` as a record value: its rule, candidates and the one chosen."""
    if isinstance(line, Step):
        return {"rule": line.rule, "candidates": list(line.candidates), "chosen": line.chosen}
    return {"rule": None, "candidates": [], "chosen": None}


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
    """One JSON object per line.

    ``fields`` (``--fields``) selects and orders the keys of each record;
    ``context`` (``--context``: a number of characters or ``"paragraph"``)
    adds ``context``, ``context_start`` and ``context_end``, and needs the
    documents' text (``quotex.batch.run(keep_text=True)``)."""

    def __init__(self, sink: Sink, explain: bool = False, *,
                 fields: Sequence[str] | None = None, context: int | str | None = None) -> None:
        self.sink = sink
        self.explain = explain
        self.fields = tuple(fields) if fields is not None else None
        self.context = context

    def keys(self) -> list[str]:
        """The keys of every record, in order."""
        if self.fields is not None:
            return list(self.fields)
        from quotex.fields import CONTEXT_FIELDS

        return (["file", "id", *FIELDS] + (["candidates", "steps"] if self.explain else [])
                + (list(CONTEXT_FIELDS) if self.context is not None else []))

    def records(self, doc: Document, quotes: Sequence[Quote],
                explanations: Sequence[Sequence[str]] | None = None) -> list[dict[str, Any]]:
        pairs = _explained(quotes, explanations)
        recs = [record(doc, q, why if self.explain else None) for q, why in pairs]
        if self.context is not None:
            _add_context(doc, recs, self.context)
        if self.fields is not None:
            recs = [{k: rec[k] for k in self.fields} for rec in recs]
        return recs

    def begin(self) -> None:
        pass

    def document(self, doc: Document, quotes: Sequence[Quote],
                 explanations: Sequence[Sequence[str]] | None = None) -> None:
        lines = [_to_json(rec) for rec in self.records(doc, quotes, explanations)]
        if lines:
            self.sink.write(_encode("\n".join(lines) + "\n"))

    def end(self) -> None:
        pass


def _add_context(doc: Document, recs: list[dict[str, Any]], context: int | str) -> None:
    """Add ``context``, ``context_start``, ``context_end`` to the records of
    ``doc`` (whose text a chunk's neighbouring paragraphs extend)."""
    from quotex.fields import context_span
    from quotex.text.tokenizer import hard_wrapped

    text = doc.before + doc.text + doc.after
    if not text and recs:
        raise RuntimeError("--context needs the text of the documents")
    offset = doc.base - len(doc.before)  # where ``text`` starts in the whole document
    wrapped = hard_wrapped(text) if context == "paragraph" else False
    for rec in recs:
        lo, hi = context_span(text, rec["start"] - offset, rec["end"] - offset, context,
                              hard_wrapped=wrapped)
        rec["context"] = text[lo:hi]
        rec["context_start"] = lo + offset
        rec["context_end"] = hi + offset


class JsonWriter(JsonlWriter):
    """One JSON array, written item by item as documents finish."""

    def begin(self) -> None:
        self.count = 0
        self.sink.write(b"[")

    def document(self, doc: Document, quotes: Sequence[Quote],
                 explanations: Sequence[Sequence[str]] | None = None) -> None:
        parts = []
        for rec in self.records(doc, quotes, explanations):
            sep = "\n" if self.count == 0 else ",\n"
            parts.append(sep + _to_json(rec))
            self.count += 1
        if parts:
            self.sink.write(_encode("".join(parts)))

    def end(self) -> None:
        self.sink.write(b"\n]\n" if self.count else b"]\n")


def csv_text(rows: Sequence[Sequence[Any]]) -> str:
    """``rows`` as CSV lines ended by ``"\n"``; a row with a carriage return in a cell is quoted whole.

    The csv module quotes a cell holding a character of its line terminator
    ("\n" here) but not a lone "\r", which a reader takes for the end of a line.
    """
    buf = io.StringIO()
    plain = csv.writer(buf, lineterminator="\n")
    quoted = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        (quoted if any(isinstance(c, str) and "\r" in c for c in row) else plain).writerow(row)
    return buf.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v) for v in value)
    return str(value)


class CsvWriter(JsonlWriter):
    """A header row, then one row per quote; lists joined with ``"; "``."""

    def begin(self) -> None:
        self._rows([self.keys()])

    def _rows(self, rows: list[list[str]]) -> None:
        self.sink.write(_encode(csv_text(rows)))

    def document(self, doc: Document, quotes: Sequence[Quote],
                 explanations: Sequence[Sequence[str]] | None = None) -> None:
        rows = [[_cell(v) for v in rec.values()] for rec in self.records(doc, quotes, explanations)]
        if rows:
            self._rows(rows)


class TableWriter(JsonlWriter):
    """Rich tables, one per document; colour only on a terminal without NO_COLOR,
    unless ``color`` says (``--color always``/``never``)."""

    def __init__(self, sink: Sink, explain: bool = False, *, terminal: bool = False,
                 width: int = 100, terms: bool = False, color: bool | None = None,
                 fields: Sequence[str] | None = None, context: int | str | None = None) -> None:
        super().__init__(sink, explain, fields=fields, context=context)
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
        if self.fields is not None or self.context is not None:
            # --fields: these columns; --context alone: the usual ones and the context
            names = (self.keys() if self.fields is not None else
                     TABLE_CONTEXT_FIELDS + (["rule", "candidates"] if self.explain else []))
            recs = self.records(doc, quotes, explanations)
            renderable = render.records_table(title, recs, names, width=self.width)
            self.sink.write(_encode(render.to_text(renderable, terminal=self.terminal,
                                                   width=self.width, color=self.color)))
            return
        renderable = render.quotes_table(title, quotes,
                                         explanations=explanations if self.explain else None,
                                         show_kind=self.terms, width=self.width)
        self.sink.write(_encode(render.to_text(renderable, terminal=self.terminal,
                                               width=self.width, color=self.color)))


#: The columns of a table with ``--context`` and no ``--fields``.
TABLE_CONTEXT_FIELDS = ["speaker", "cue", "quote", "context", "start", "end"]


def make_writer(fmt: str, sink: Sink, *, explain: bool = False, terms: bool = False,
                terminal: bool = False, width: int = 100, color: bool | None = None,
                fields: Sequence[str] | None = None, context: int | str | None = None) -> Writer:
    """The writer for ``--format`` ``fmt``; ``fields`` and ``context`` as
    :class:`JsonlWriter` takes them."""
    if fmt == "table":
        return TableWriter(sink, explain, terminal=terminal, width=width, terms=terms, color=color,
                           fields=fields, context=context)
    writers: dict[str, type[JsonlWriter]] = {"jsonl": JsonlWriter, "json": JsonWriter,
                                             "csv": CsvWriter}
    return writers[fmt](sink, explain, fields=fields, context=context)


# ------------------------------------------------------------------- stderr

#: Seconds a run goes before the progress bar is first drawn: a sub-second
#: run never shows one.
PROGRESS_DELAY = 1.0
#: Seconds between two redraws of the bar.
PROGRESS_REFRESH = 0.2
#: Seconds after records went to a pipe before the bar is drawn again, so that
#: the reader (``| cut``, ``| jq``) prints them on the terminal first.
PROGRESS_AFTER_OUTPUT = 0.1


class Reporter:
    """Everything quotex writes on stderr: problems, the progress bar, the summary.

    The progress bar is one line on stderr, drawn with Rich (imported only
    when shown) but written by this class, with no thread: it is drawn from
    :meth:`advance` at most every :data:`PROGRESS_REFRESH` seconds, and only
    once the run is :data:`PROGRESS_DELAY` old. :meth:`before_output` erases
    it before records go to stdout (a terminal, or a pipe whose reader may
    print to the same terminal), and it comes back no sooner than
    :data:`PROGRESS_AFTER_OUTPUT` seconds after output to a pipe. Problem
    lines are printed above it. It counts documents (a corpus record is one,
    a large file read in chunks is one), "of N" when the total is known; in a
    Dask run it counts partitions instead.
    """

    def __init__(self, stderr: IO[str], *, progress: bool = False, summary: bool = False,
                 force: bool = False, color: bool | None = None,
                 clock: Any = None, delay: float | None = None) -> None:
        import time

        from quotex.stats import Stats

        self.stderr = stderr
        self.show_progress = progress
        self.show_summary = summary
        self.force = force
        self.color = color
        self.clock = clock or time.monotonic
        self.delay = PROGRESS_DELAY if delay is None else delay
        self.stats = Stats()
        #: Where records go when that is stdout (set by the command), to see
        #: whether a pipe's reader has caught up before the bar is redrawn.
        self.stdout: Any = None
        self.warnings = 0
        self.failed_records = 0
        self.total_documents: int | None = None
        self.partitions_done: int | None = None
        self._progress: Any = None
        self._task: Any = None
        self._drawn = False
        self._started = 0.0
        self._last_draw = float("-inf")
        self._last_output = float("-inf")

    def start(self, total_bytes: int | None, total_documents: int | None = None, *,
              partitions: bool = False) -> None:
        """Set the bar up (nothing is drawn yet); totals are None when unknown.
        With ``partitions`` (a Dask run) it counts partitions done, as
        :meth:`partition_done` reports them, instead of documents."""
        if not self.show_progress:
            return
        from quotex.render import progress_bar

        self.total_documents = total_documents
        self.partitions_done = 0 if partitions else None
        self._progress = progress_bar()
        self._task = self._progress.add_task("quotex", total=total_bytes, docs=self._docs(),
                                             unit="partitions" if partitions else "documents")
        self._started = self.clock()

    def partition_done(self, size: int) -> None:
        """A Dask partition of ``size`` input bytes finished (in any order):
        count it and its bytes, maybe redraw."""
        if self.partitions_done is not None and self._progress is not None:
            self.partitions_done += 1
            self._progress.update(self._task, advance=size)
            self._maybe_draw()

    def _docs(self) -> str:
        done = (self.stats.documents + self.failed_records if self.partitions_done is None
                else self.partitions_done)
        of = "" if self.total_documents is None else f" of {self.total_documents}"
        return f"{done}{of}"

    def _width(self) -> int:
        try:
            columns = os.get_terminal_size(self.stderr.fileno()).columns
        except (OSError, ValueError, AttributeError):
            columns = 0
        if columns <= 0:  # not a terminal, or one that does not know its size
            import shutil

            columns = shutil.get_terminal_size((80, 24)).columns
        return columns

    def bar_line(self) -> str:
        """The bar as it would be drawn now: one line, narrower than stderr."""
        from quotex.render import to_text

        width = max(20, self._width() - 1)
        self._progress.update(self._task, docs=self._docs())
        text = to_text(self._progress.get_renderable(), terminal=True, width=width,
                       color=self.color)
        return text.split("\n", 1)[0]

    def _write(self, data: str) -> None:
        try:
            self.stderr.write(data)
            self.stderr.flush()
        except (OSError, ValueError):
            pass

    def _draw(self) -> None:
        self._write("\r" + self.bar_line() + "\x1b[K")
        self._drawn = True
        self._last_draw = self.clock()

    def _clear(self) -> None:
        if self._drawn:
            self._write("\r\x1b[2K")
            self._drawn = False

    def _maybe_draw(self, *, now: bool = False) -> None:
        if self._progress is None:
            return
        t = self.clock()
        if t - self._started < self.delay or not (now or t - self._last_draw >= PROGRESS_REFRESH):
            return
        if t - self._last_output < PROGRESS_AFTER_OUTPUT:
            # Records just went to a pipe: draw only once its reader has taken
            # them (and, if it prints them on this terminal, printed them).
            if unread(self.stdout) != 0:
                return
            import time

            time.sleep(0.003)
        self._draw()

    def _line(self, text: str) -> None:
        redraw = self._drawn
        self._clear()
        self._write(text + "\n")
        if redraw:
            self._maybe_draw(now=True)

    def note(self, text: str) -> None:
        """A line for people (the Dask dashboard's address): shown with the progress bar only."""
        if self.show_progress:
            self._line(text)

    def problem(self, problem: Any) -> None:
        """Print ``quotex: error: ...`` (or ``warning``) and count it."""
        from quotex.errors import problem_line

        if problem.severity == "warning":
            self.warnings += 1
        else:
            self.stats.failures += 1
            if problem.line is not None:
                self.failed_records += 1
        self._line(problem_line(problem))

    def advance(self, source: str, quotes: Sequence[Quote], size: int, *,
                new_document: bool = True) -> None:
        """Count a document (or a further chunk of one) and maybe redraw the bar."""
        self.stats.add(source, quotes, new_document=new_document)
        if self._progress is not None:
            self._progress.update(self._task, advance=size)
            self._maybe_draw()

    def before_output(self) -> None:
        """Erase the bar: records are about to go to stdout."""
        self._clear()

    def after_output(self, *, terminal: bool = False) -> None:
        """Records went to stdout: to a pipe, hold the bar back for a moment."""
        if not terminal:
            self._last_output = self.clock()

    def pause(self) -> None:
        self.before_output()

    def resume(self) -> None:
        self.after_output(terminal=True)

    def stop(self) -> None:
        self._clear()
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


def unread(stream: Any) -> int | None:
    """Bytes written to the pipe ``stream`` that its reader has not read yet;
    None when that cannot be told (not a pipe, no FIONREAD)."""
    try:
        fd = stream.fileno()
        if not stat.S_ISFIFO(os.fstat(fd).st_mode):
            return None
        import fcntl
        import struct
        import termios

        count: int = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
        return count
    except (OSError, ValueError, AttributeError, ImportError):
        return None


def wait_for_reader(stream: Any, timeout: float = 1.0) -> None:
    """When ``stream`` (stdout) is a pipe, wait (at most ``timeout`` seconds)
    until its reader has taken what was written, so that a summary printed
    next on the terminal comes after the records the reader prints there."""
    import time

    try:
        stream.flush()
    except (OSError, ValueError, AttributeError):
        return
    deadline = time.monotonic() + timeout
    pending = unread(stream)
    if not pending:
        return
    while pending and time.monotonic() < deadline:
        time.sleep(0.005)
        pending = unread(stream)
    time.sleep(0.05)  # the reader has read; give it a moment to print
