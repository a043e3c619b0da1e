"""The ``quotex`` command line: option parsing and wiring only.

Reading inputs is :mod:`quotex.inputs`, extraction in workers is
:mod:`quotex.batch`, writing records is :mod:`quotex.output`, tables are
:mod:`quotex.render`, counting is :mod:`quotex.stats`. Those heavy modules
(and Rich) are imported inside the commands, so ``quotex --version`` stays fast.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar, cast

import click

from quotex import __version__
from quotex.records import FORMATS
from quotex.errors import EXIT_CODES, EXIT_FAILURE, EXIT_NO_INPUT, guarded

if TYPE_CHECKING:
    from quotex.batch import Result
    from quotex.output import Reporter

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES_HELP = "\b\nExit codes:\n" + "\n".join(
    f"  {code:<4} {meaning}" for code, meaning in EXIT_CODES)

EXTRACT_EPILOG = """\b
Examples:
  quotex extract article.txt
  quotex extract --recursive --include '*.txt' news/ > quotes.jsonl
  quotex extract corpus.jsonl.gz --text-field body --id-field doc_id -o quotes.csv
  cat article.txt | quotex extract - --format json
  quotex extract article.txt | jq -r .speaker
  jq -c '{id, text: .body}' corpus.jsonl | quotex extract - --input-format jsonl
  quotex extract article.txt --min-confidence 0.9 --context 80 --fields speaker,context -f csv

Records (jsonl, json, csv) have the keys file, id (null unless the input is
a JSON Lines corpus), then start, end, quote, speaker, mention, mention_start,
mention_end, cue, addressees, kind, rule, confidence; with --explain also
candidates and steps; with --context also context, context_start, context_end.
--fields picks and orders them. Offsets index the decoded text;
text[start:end] includes the marks.

""" + EXIT_CODES_HELP

STATS_EPILOG = """\b
Examples:
  quotex stats --recursive news/
  quotex stats corpus.jsonl --format json | jq .speakers
  quotex stats --recursive news/ -o speakers.csv

""" + EXIT_CODES_HELP


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        from quotex.inputs import check_encoding

        try:
            check_encoding(value)
        except ValueError as err:
            raise click.BadParameter(str(err)) from None
    return value


def _check_size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    from quotex.inputs import parse_size

    try:
        return parse_size(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def _check_partition_size(ctx: click.Context, param: click.Parameter, value: str) -> int | None:
    """``--partition-size``: a size, or None for ``auto``."""
    if value.strip().lower() == "auto":
        return None
    from quotex.inputs import parse_size

    try:
        size = parse_size(value)
    except ValueError as err:
        raise click.BadParameter(str(err).replace("0 for no limit", "auto")) from None
    if size <= 0:
        raise click.BadParameter("a partition holds at least one byte (or give auto)")
    return size


_INPUT_OPTIONS = [
    click.argument("paths", nargs=-1, required=True, metavar="PATH..."),
    click.option("-r", "--recursive", is_flag=True,
                 help="Also read the files in subfolders of folder PATHs."),
    click.option("--include", multiple=True, metavar="GLOB",
                 help="In folders, read only files whose name or relative path matches "
                      "GLOB (repeatable; replaces the default text extensions)."),
    click.option("--exclude", multiple=True, metavar="GLOB",
                 help="In folders, skip files and subfolders whose name or relative path "
                      "matches GLOB (repeatable)."),
    click.option("--encoding", metavar="NAME", callback=_check_encoding,
                 help="Decode inputs with codec NAME (default: UTF-8, or as the BOM says; "
                      "legacy files as cp1252 with a warning)."),
    click.option("--text-field", default="text", show_default=True, metavar="KEY",
                 help="Key of the text in JSON Lines corpus records."),
    click.option("--id-field", default="id", show_default=True, metavar="KEY",
                 help="Key of the record id in JSON Lines corpus records."),
    click.option("--input-format", type=click.Choice(["text", "jsonl", "json"]),
                 help="Read every input as text, JSON Lines (one record a line) or JSON (an "
                      "array of records, or one); default: by suffix (.jsonl, .jsonl.gz, "
                      ".ndjson: jsonl; .json, .json.gz: json), else text (also for stdin)."),
    click.option("--max-record-size", default="64M", show_default=True, metavar="SIZE",
                 callback=_check_size,
                 help="Largest corpus record, in bytes (512K, 64M, 1G; 0: no limit); a "
                      "larger one is an error for that record and is skipped unread."),
    click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
                 help="Worker processes (default: the number of CPUs)."),
    click.option("--progress/--quiet", default=None,
                 help="Show or hide the progress bar and the summary on stderr "
                      "(default: shown when stderr is a terminal)."),
]


def input_options(f: F) -> F:
    """The PATH argument and the options every reading command shares."""
    for decorator in reversed(_INPUT_OPTIONS):
        f = decorator(f)
    return f


def color_option(f: F) -> F:
    """``--color auto|always|never``, for the commands that draw tables."""
    return click.option(
        "--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto",
        show_default=True,
        help="Colour tables and the progress bar: auto (on a terminal, unless NO_COLOR "
             "is set), always (also when piped), never.")(f)


def _colour(choice: str) -> bool | None:
    """``--color``: None (auto: colour on a terminal unless NO_COLOR), True or False."""
    return None if choice == "auto" else choice == "always"


@dataclass(frozen=True)
class InputOptions:
    paths: tuple[str, ...]
    recursive: bool
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    encoding: str | None
    text_field: str
    id_field: str
    input_format: str | None
    max_record_size: int
    jobs: int | None


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _binary(stream: Any) -> BinaryIO:
    """The byte layer under a text stream (stdin/stdout), text layer flushed."""
    try:
        if stream.writable():
            stream.flush()
    except (AttributeError, ValueError, OSError):
        pass
    return cast(BinaryIO, getattr(stream, "buffer", stream))


def _width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


def _jobs(opts: InputOptions) -> int:
    if opts.jobs is not None:
        return opts.jobs
    count = getattr(os, "process_cpu_count", None) or os.cpu_count
    return int(count() or 1)


def _reporter(progress: bool | None, color: str = "auto") -> Reporter:
    from quotex.output import Reporter

    show = _isatty(sys.stderr) if progress is None else progress
    return Reporter(sys.stderr, progress=show, summary=show, force=progress is True,
                    color=_colour(color))


@dataclass(frozen=True)
class DaskOptions:
    """``--dask ADDRESS`` and the options that go with it."""

    address: str
    partition_size: int | None  # None: auto
    output_dir: str | None = None
    gzip: bool = False
    fields: tuple[str, ...] | None = None  # for the parts of --output-dir
    context: int | str | None = None


def _results(opts: InputOptions, reporter: Reporter, *, terms: bool = False,
             explain: bool = False, skip: tuple[tuple[int, int], ...] = (),
             min_confidence: float | None = None,
             keep_text: bool = False, dask: DaskOptions | None = None) -> Generator[Result, None, None]:
    """Extracted documents in input order; problems go to the reporter.
    ``min_confidence`` drops the quotes below it (before they are counted);
    ``keep_text`` keeps each document's text in its Result (``--context``).
    With ``dask`` the work runs on a Dask cluster (with ``--output-dir``
    nothing is yielded: the workers write the records)."""
    from quotex import batch, inputs

    items: Iterator[inputs.Document | inputs.Problem] | None = None
    results: Iterator[Any]
    if dask is not None:
        results = _dask_results(opts, reporter, dask, terms=terms, explain=explain,
                                min_confidence=min_confidence, keep_text=keep_text, skip=skip)
        min_confidence = None  # applied on the workers
    else:
        if reporter.show_progress:
            reporter.start(inputs.total_bytes(opts.paths, recursive=opts.recursive,
                                              include=opts.include, exclude=opts.exclude),
                           inputs.total_documents(opts.paths, recursive=opts.recursive,
                                                  include=opts.include, exclude=opts.exclude,
                                                  input_format=opts.input_format))
        items = inputs.iter_documents(
            opts.paths, recursive=opts.recursive, include=opts.include, exclude=opts.exclude,
            encoding=opts.encoding, text_field=opts.text_field, id_field=opts.id_field,
            stdin=_binary(sys.stdin) if sys.stdin is not None else None, skip=skip,
            input_format=opts.input_format, max_record_size=opts.max_record_size)
        results = batch.run(items, jobs=_jobs(opts), terms=terms, explain=explain,
                            keep_text=keep_text)
    seen = 0
    try:
        for item in results:
            seen += 1
            if isinstance(item, inputs.Problem):
                reporter.problem(item)
                continue
            if not isinstance(item, batch.Result):  # the counts of a part of --output-dir
                reporter.stats.merge(item)
                continue
            if min_confidence is not None:
                item = batch.confident(item, min_confidence)
            yield item
            reporter.advance(item.doc.source, item.quotes, item.doc.size if dask is None else 0,
                             new_document=item.doc.base == 0)  # (--dask: bytes count per partition)
    finally:
        for gen in (results, items):
            close = getattr(gen, "close", None)
            if close is not None:
                close()
    if not seen:
        reporter.problem(inputs.Problem(", ".join(opts.paths), "no input files matched",
                                        severity="warning"))
        raise SystemExit(EXIT_NO_INPUT)


def _dask_module() -> Any:
    """:mod:`quotex.dask`, or a one-line error when Dask is not installed."""
    try:
        import distributed  # noqa: F401

        from quotex import dask
    except ImportError as err:
        from quotex.errors import RunError

        missing = (err.name or "").split(".")[0] or "dask"
        raise RunError(f"--dask needs {missing}, which is not installed: "
                       "pip install 'quotex[dask]'") from None
    return dask


def _dask_results(opts: InputOptions, reporter: Reporter, dask: DaskOptions, *, terms: bool,
                  explain: bool, min_confidence: float | None, keep_text: bool,
                  skip: tuple[tuple[int, int], ...]) -> Iterator[Any]:
    """The Results, Problems (and, for ``--output-dir``, per-part Stats) of a
    run on a Dask cluster, in input order."""
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")  # before distributed is imported
    qd = _dask_module()
    qd.quiet_logs()
    read = qd.ReadOptions(opts.recursive, opts.include, opts.exclude, opts.encoding, opts.text_field,
                          opts.id_field, opts.input_format, opts.max_record_size)
    settings = qd.Settings(terms=terms, explain=explain, keep_text=keep_text,
                           min_confidence=min_confidence, fields=dask.fields, context=dask.context)

    def start(total: int, count: int) -> None:
        reporter.start(total, count, partitions=True)

    return cast(Iterator[Any], qd.run(
        opts.paths, read, settings, address=dask.address, jobs=_jobs(opts),
        partition_size=dask.partition_size, output_dir=dask.output_dir, gzipped=dask.gzip, skip=skip,
        start=start, done=reporter.partition_done, notice=reporter.note))


def _parse_context(ctx: click.Context, param: click.Parameter, value: str | None) -> int | str | None:
    if value is None:
        return None
    from quotex.fields import parse_context

    try:
        return parse_context(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def min_confidence_option(f: F) -> F:
    """``--min-confidence X``: keep only the quotes with confidence >= X."""
    return click.option(
        "--min-confidence", type=click.FloatRange(0.0, 1.0), metavar="X",
        help="Keep only quotes whose confidence is at least X (0 to 1); "
             "terms (confidence 0) go unless X is 0.")(f)


def _finish(reporter: Reporter, started: float) -> None:
    if reporter.show_summary and sys.stdout is not None:
        from quotex.output import wait_for_reader

        wait_for_reader(sys.stdout)  # the records a reader prints come before the summary
    reporter.summary(time.monotonic() - started)
    if reporter.stats.failures:
        raise SystemExit(EXIT_FAILURE)


def _refuse_output_as_input(paths: Sequence[str], output: str) -> None:
    """Stop before anything is written when a PATH (or stdin) is the ``-o``
    file itself (same device and inode, as grep checks)."""
    try:
        out = os.stat(output)
    except OSError:
        return
    for path in paths:
        try:
            st = os.fstat(sys.stdin.fileno()) if path == "-" else os.stat(path)
        except (OSError, ValueError, AttributeError):
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            shown = "standard input" if path == "-" else path
            raise click.UsageError(f"input {shown} is also the output {output}; nothing written")


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, "--version", prog_name="quotex",
                      message="%(prog)s %(version)s", help="Show the version and exit.")
def cli() -> None:
    """Find quotations in text and tell who said them, with exact offsets.

    Run `quotex extract --help` for the options.
    """


@cli.command(epilog=EXTRACT_EPILOG)
@input_options
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="Output format (default: from -o's suffix; else table on a terminal, "
                   "jsonl otherwise).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), metavar="FILE",
              help="Write to FILE instead of stdout. A regular file is written atomically "
                   "(complete or untouched; through symbolic links); a device or FIFO is "
                   "written through; FILE.gz is gzip-compressed.")
@click.option("--terms", is_flag=True,
              help='Also output records of kind "term" (scare quotes, titles).')
@click.option("--explain", is_flag=True,
              help="Show for each quote the rule that fired and the candidates considered.")
@click.option("--context", "context", metavar="N|paragraph", callback=_parse_context,
              help="Add to each record the text around the quotation (keys context, "
                   "context_start, context_end): at most N characters either side, cut "
                   "back to whole words, or its paragraph.")
@click.option("--fields", "fields_spec", metavar="A,B,...",
              help="Write only these record keys, in this order (all formats; tables get "
                   "one column per key).")
@min_confidence_option
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Run on a Dask cluster: its scheduler's ADDRESS (tcp://host:8786), or local "
                   "for a LocalCluster of --jobs worker processes (pip install "
                   "'quotex[dask]'). PATHs may then also be URLs (s3://bucket/corpus/*.jsonl.gz). "
                   "Records come back in input order, as from a local run.")
@click.option("--partition-size", default="auto", show_default=True, metavar="SIZE|auto",
              callback=_check_partition_size,
              help="With --dask: input bytes per partition (files are grouped, a larger "
                   ".jsonl file is cut into blocks of lines); auto: a quarter of the input "
                   "per worker thread, between 1M and 64M.")
@click.option("--output-dir", metavar="URL",
              help="With --dask: the workers write the records as JSON Lines, one part per "
                   "partition (part-00000.jsonl, ... in input order), then _SUCCESS; "
                   "nothing goes to stdout. The folder must be new or empty.")
@click.option("--gzip", "gzip_parts", is_flag=True,
              help="With --output-dir: gzip each part (part-00000.jsonl.gz).")
@color_option
@guarded
def extract(fmt: str | None, output: str | None, terms: bool, explain: bool,
            context: int | str | None, fields_spec: str | None, min_confidence: float | None,
            dask_address: str | None, partition_size: int | None, output_dir: str | None,
            gzip_parts: bool, progress: bool | None, color: str, **inputs: Any) -> None:
    """Extract quotations and their speakers from each PATH.

    PATH is a text file, a folder (its text files; --recursive for
    subfolders), - for stdin, a JSON Lines corpus (.jsonl, .jsonl.gz)
    with one document per line, or a JSON array of documents (.json);
    --input-format says how to read them all. Records are written as each document
    finishes; problems with one input are reported on stderr and the run
    goes on.
    """
    from quotex.output import Sink, StreamSink, format_for, make_writer, output_target
    from quotex.errors import OutputError

    opts = InputOptions(**inputs)
    fields: tuple[str, ...] | None = None
    if fields_spec is not None:
        from quotex.fields import parse_fields

        try:
            fields = parse_fields(fields_spec, explain=explain, context=context is not None)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="'--fields'") from None
    dask = _dask_options(opts, dask_address, partition_size, output_dir, gzip_parts, fmt,
                         output, fields, context)
    if dask is not None and dask.output_dir is not None:
        _extract_to_folder(opts, dask, progress, color, terms=terms, explain=explain,
                           min_confidence=min_confidence, keep_text=context is not None)
        return
    to_file = output not in (None, "-")
    terminal = not to_file and _isatty(sys.stdout)
    if fmt is None:
        try:
            fmt = format_for(output, terminal)
        except ValueError as err:
            raise click.UsageError(str(err)) from None
    if not to_file and sys.stdout is None:
        raise OutputError("cannot write to stdout: it is closed (give -o FILE)")
    reporter = _reporter(progress, color)
    started = time.monotonic()
    skip: tuple[tuple[int, int], ...] = ()
    if to_file:
        _refuse_output_as_input(opts.paths, str(output))
        sink, identity = output_target(str(output))
        skip = (identity,) if identity is not None else ()
    else:
        sink = StreamSink(_binary(sys.stdout))
        reporter.stdout = sys.stdout
    try:  # from here on a signal or an error deletes the temporary output (sink.discard)
        writer = make_writer(fmt, sink, explain=explain, terms=terms, terminal=terminal,
                             width=_width(), color=_colour(color), fields=fields, context=context)
        writer.begin()
        # closing(): a closed pipe or a signal tears the pool down here, not at exit
        with closing(_results(opts, reporter, terms=terms, explain=explain, skip=skip,
                              min_confidence=min_confidence,
                              keep_text=context is not None, dask=dask)) as results:
            for res in results:
                if not to_file:  # stdout: a terminal, or a pipe to one
                    reporter.before_output()
                writer.document(res.doc, res.quotes, res.explanations)
                sink.flush()
                if not to_file:
                    reporter.after_output(terminal=terminal)
        writer.end()
        sink.commit()
    except BaseException:
        reporter.stop()
        sink.discard()
        raise
    _finish(reporter, started)


def _dask_options(opts: InputOptions, address: str | None, partition_size: int | None,
                  output_dir: str | None, gzip_parts: bool, fmt: str | None, output: str | None,
                  fields: tuple[str, ...] | None, context: int | str | None) -> DaskOptions | None:
    """``--dask`` and its options, checked; None for a local run."""
    if address is None:
        for given, name in ((output_dir is not None, "--output-dir"), (gzip_parts, "--gzip"),
                            (partition_size is not None, "--partition-size")):
            if given:
                raise click.UsageError(f"{name} needs --dask")
        return None
    if "-" in opts.paths:
        raise click.UsageError("--dask cannot read standard input: give files, folders or URLs")
    if output_dir is not None:
        if output is not None:
            raise click.UsageError("give -o or --output-dir, not both")
        if fmt not in (None, "jsonl"):
            raise click.UsageError("--output-dir writes JSON Lines (--format jsonl)")
    elif gzip_parts:
        raise click.UsageError("--gzip needs --output-dir")
    return DaskOptions(address, partition_size, output_dir, gzip_parts, fields, context)


def _extract_to_folder(opts: InputOptions, dask: DaskOptions, progress: bool | None, color: str,
                       **settings: Any) -> None:
    """``quotex extract --dask ... --output-dir URL``: the workers write the
    records; problems, progress and the summary on stderr as usual."""
    reporter = _reporter(progress, color)
    started = time.monotonic()
    try:
        with closing(_results(opts, reporter, dask=dask, **settings)) as results:
            for _ in results:
                pass
    except BaseException:
        reporter.stop()
        raise
    _finish(reporter, started)


STATS_FORMATS = ("table", "json", "csv")


def _stats_format(output: str | None) -> str:
    """``quotex stats``'s default format: from ``-o``'s suffix, else table."""
    from quotex.output import format_for

    if output is None or output == "-":
        return "table"
    try:
        fmt = format_for(output, False)
    except ValueError:
        raise click.UsageError(f"cannot tell the output format from the name {output}; give "
                               "--format, or use one of .csv, .json, .txt (optionally .gz)") from None
    if fmt == "jsonl":
        name = os.path.basename(output).lower().removesuffix(".gz")
        if os.path.splitext(name)[1]:
            raise click.UsageError(f"quotex stats writes table, json or csv, not JSON Lines "
                                   f"({output}); give --format")
        return "table"
    return fmt


@cli.command(epilog=STATS_EPILOG)
@input_options
@click.option("-f", "--format", "fmt", type=click.Choice(STATS_FORMATS),
              help="Output format (default: from -o's suffix, .json, .csv or .txt; else table).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), metavar="FILE",
              help="Write to FILE instead of stdout, as `quotex extract -o` does: atomically "
                   "(complete or untouched), FILE.gz compressed, never over an input.")
@click.option("--top", type=click.IntRange(min=0), default=10, show_default=True, metavar="N",
              help="Show the N most frequent speakers and cues (0: all).")
@min_confidence_option
@color_option
@guarded
def stats(fmt: str | None, output: str | None, top: int, min_confidence: float | None,
          progress: bool | None, color: str, **inputs: Any) -> None:
    """Count quotes per speaker and per cue, and the share attributed.

    PATH is read as by `quotex extract`. Speakers are counted per speaker
    id: one person under several names in a run (Donald Trump, Donald J.
    Trump, Trump) is one row.
    """
    from quotex.output import Sink, StreamSink, output_target

    opts = InputOptions(**inputs)
    if fmt is None:
        fmt = _stats_format(output)
    to_file = output not in (None, "-")
    if not to_file and sys.stdout is None:
        from quotex.errors import OutputError

        raise OutputError("cannot write to stdout: it is closed (give -o FILE)")
    reporter = _reporter(progress, color)
    started = time.monotonic()
    skip: tuple[tuple[int, int], ...] = ()
    sink: Sink
    if to_file:
        _refuse_output_as_input(opts.paths, str(output))
        sink, identity = output_target(str(output))
        skip = (identity,) if identity is not None else ()
    else:
        sink = StreamSink(_binary(sys.stdout))
    try:
        try:
            with closing(_results(opts, reporter, skip=skip,
                                  min_confidence=min_confidence)) as results:
                for _ in results:
                    pass
        finally:
            reporter.stop()
        if fmt == "json":
            text = json.dumps(reporter.stats.as_dict(top=top), ensure_ascii=False, indent=2) + "\n"
        elif fmt == "csv":
            from quotex.stats import as_csv

            text = as_csv(reporter.stats, top=top)
        else:
            from quotex import render

            terminal = not to_file and _isatty(sys.stdout)
            text = render.to_text(render.stats_renderable(reporter.stats, top=top),
                                  terminal=terminal, width=_width(),
                                  color=_colour(color))
        sink.write(text.encode("utf-8", "backslashreplace"))
        sink.commit()
    except BaseException:
        sink.discard()
        raise
    _finish(reporter, started)


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point (``quotex``)."""
    from quotex.errors import closed_streams_to_devnull, handle_termination, quiet_exit

    closed_streams_to_devnull()
    handle_termination()
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="quotex")
    except SystemExit as done:
        batch = sys.modules.get("quotex.batch")
        if batch is not None and batch.pool_killed():
            # quotex has said why it stops and torn its workers down; the exit hooks of
            # concurrent.futures would wait on (or write to) pipes of dead workers
            _exit_now(done.code)
        raise
    finally:
        quiet_exit()


def _exit_now(code: object) -> None:
    """End the process with ``code`` after flushing what quotex wrote, skipping
    the interpreter's exit hooks."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code if isinstance(code, int) else (0 if code is None else 1))


if __name__ == "__main__":  # pragma: no cover
    main()
