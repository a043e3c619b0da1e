"""Exit codes and the one-line messages quotex prints on stderr.

Nothing here imports Rich: error reporting must work (and be fast) for the
machine formats too.
"""
from __future__ import annotations

import functools
import os
import re
import signal
import sys
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: Everything was read and processed (also when no quote was found).
EXIT_OK = 0
#: Some input could not be read or processed (the others were, and their
#: output was written), the output could not be written, or an internal error.
EXIT_FAILURE = 1
#: Usage error: unknown option, bad option value, missing PATH.
EXIT_USAGE = 2
#: Nothing to read: no input file matched (an empty folder, ``--include``
#: that matches nothing).
EXIT_NO_INPUT = 3
#: Hung up (SIGHUP): 128 + 1, as shells report it.
EXIT_HANGUP = 129
#: Interrupted with Ctrl-C (SIGINT).
EXIT_INTERRUPTED = 130
#: Terminated (SIGTERM): 128 + 15.
EXIT_TERMINATED = 143
#: Stdout was closed early by the reader (``quotex extract ... | head -1``).
EXIT_BROKEN_PIPE = 141

#: (code, meaning) pairs, for ``--help`` and the README (tests check both).
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "success, also when no quote was found"),
    (EXIT_FAILURE, "an input failed (the others were processed), the output "
                   "could not be written, or an internal error"),
    (EXIT_USAGE, "usage error: bad option or missing PATH"),
    (EXIT_NO_INPUT, "no input file matched: nothing was read"),
    (EXIT_HANGUP, "hung up (SIGHUP); an -o FILE is left untouched"),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C); an -o FILE is left untouched"),
    (EXIT_TERMINATED, "terminated (SIGTERM); an -o FILE is left untouched"),
    (EXIT_BROKEN_PIPE, "the reader closed the pipe early (as head -n 1 does); quiet"),
)

# C0 and C1 controls except newline, DEL, and lone surrogates (which cannot
# be encoded as UTF-8 and would crash a write).
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _visible(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c <= 0xFF:
        return f"\\x{c:02x}"
    return f"\\u{c:04x}"


def escape_controls(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with control characters and lone surrogates made visible.

    ``"\\x1b[31m"`` becomes the six characters ``\\x1b[31m``, so that text taken
    from the input can never send escape sequences to a terminal. Newlines
    are kept unless ``keep_newlines`` is False (then they become ``\\x0a``).
    """
    pattern = _UNSAFE if keep_newlines else _UNSAFE_LINE
    return pattern.sub(_visible, text)


class ProblemLike(Protocol):
    """What :func:`problem_line` needs from ``quotex.inputs.Problem``."""

    @property
    def source(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def severity(self) -> str: ...


def problem_line(problem: ProblemLike) -> str:
    """``quotex: error: <source>[:<line>]: <message>`` (or ``warning``), one line."""
    where = problem.source if problem.line is None else f"{problem.source}:{problem.line}"
    level = "warning" if problem.severity == "warning" else "error"
    text = f"quotex: {level}: {where}: {problem.message}"
    return escape_controls(text, keep_newlines=False)


def error_line(message: str) -> str:
    """``quotex: error: <message>``, one line."""
    return escape_controls(f"quotex: error: {message}", keep_newlines=False)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised in the main thread so that the clean-up of
    Ctrl-C runs (workers stopped, a temporary output file deleted)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(signum)


def handle_termination() -> None:
    """SIGTERM and SIGHUP end quotex as Ctrl-C does, with exit 143 and 129."""
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None:
            try:
                signal.signal(signum, _terminate)
            except (OSError, ValueError):  # not the main thread
                pass


def quiet_exit() -> None:
    """Once quotex has said why it stops: a signal during the interpreter's
    shutdown ends the process as the signal's default does (exit 128+N, no
    traceback from an exit-time hook)."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is _terminate:
            signal.signal(signum, signal.SIG_DFL)


def default_termination() -> None:
    """Workers: SIGTERM and SIGHUP back to their default (the parent cleans up)."""
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None:
            signal.signal(signum, signal.SIG_DFL)


def closed_streams_to_devnull() -> None:
    """A stream closed before start (``2>&-``) makes ``sys.stderr`` None:
    stderr then writes to /dev/null so that warnings cannot crash a batch.
    A closed stdout or stdin stays None: the commands report it."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (for the whole run)


class OutputError(Exception):
    """The output could not be written (full disk, missing directory...).

    ``str(error)`` is the one-line message, without the ``quotex: error:`` prefix.
    """


class RunError(Exception):
    """The run cannot start or go on: an optional dependency is missing, a
    Dask scheduler cannot be reached. ``str(error)`` is the one-line message."""


def describe_os_error(err: OSError) -> str:
    """``No space left on device`` rather than ``[Errno 28] No space ...: 'x'``."""
    return err.strerror or str(err) or type(err).__name__


def _stderr(line: str) -> None:
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """After EPIPE: point stdout at /dev/null so the exit-time flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def guarded(f: F) -> F:
    """Decorate a click command so that every failure becomes a one-line
    message and an exit code, never a traceback: Ctrl-C exits 130, a closed
    pipe 141 quietly, an :class:`OutputError` or :class:`RunError` 1, anything unexpected 1 with
    ``quotex: internal error: ...`` (re-raised when ``QUOTEX_DEBUG`` is set).
    Click's own exceptions (usage errors, ``--help``) pass through."""
    import click

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Terminated as err:
            hangup = err.signum == getattr(signal, "SIGHUP", None)
            _stderr("quotex: hung up" if hangup else "quotex: terminated")
            raise SystemExit(EXIT_HANGUP if hangup else EXIT_TERMINATED) from None
        except KeyboardInterrupt:
            _stderr("quotex: interrupted")
            raise SystemExit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise SystemExit(EXIT_BROKEN_PIPE) from None
        except (OutputError, RunError) as err:
            _stderr(error_line(str(err)))
            raise SystemExit(EXIT_FAILURE) from None
        except Exception as err:
            if os.environ.get("QUOTEX_DEBUG"):
                raise
            _stderr(escape_controls(f"quotex: internal error: {type(err).__name__}: {err}",
                                    keep_newlines=False))
            raise SystemExit(EXIT_FAILURE) from None

    return wrapper  # type: ignore[return-value]
