"""Running the extractor over a stream of documents, in worker processes.

:func:`run` takes what :func:`quotex.inputs.iter_documents` yields and gives
back one :class:`Result` per Document (its text dropped, so memory stays
flat) and every Problem, in input order.

With ``jobs > 1`` documents go to a process pool in batches of about
:data:`BATCH_BYTES` (news articles are small; one per task would spend more
on inter-process traffic than on extraction), with at most
``window`` batches (default ``4 * jobs``) in flight, so memory does not grow
with the number of inputs. Results are yielded in input order as soon as the
next one in order is done. The pool is started with ``fork`` when that is
available and the process has no other threads (fast start-up, nothing to
re-import), else ``forkserver`` (which preloads the extractor) or ``spawn``.
Workers get only ``(text, base)`` pairs and send quotes back as tuples.

Failures: an exception while extracting a document is a Problem for that
document. A worker that dies (a crash, the OOM killer) takes the pool down:
unfinished batches are resubmitted to a new pool, the batch in which it died
is retried one document at a time, and a document is reported ("internal
error: the worker process died") only when it was alone in flight with a
dying worker twice.

Stopping: workers ignore SIGINT. On Ctrl-C, or when the consumer closes the
generator early (``| head``), its cleanup cancels queued batches and
terminates the workers; close (or exhaust) the generator to get that. If the
main process is killed outright, each worker notices within
:data:`WATCHDOG_SECONDS` and exits.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Union

import quotex
from quotex.errors import default_termination
from quotex.inputs import Document, Problem
from quotex.records import Quote

if TYPE_CHECKING:  # the pool's modules are imported when a pool starts: one worker needs none of them
    import multiprocessing.context
    from concurrent.futures import Future, ProcessPoolExecutor

#: A batch sent to a worker closes once its texts reach this many characters.
BATCH_BYTES = 128 * 1024
#: ... or this many documents.
BATCH_DOCS = 256
#: Text in the first batch; the next ones double up to BATCH_BYTES.
FIRST_BATCH_BYTES = 4 * 1024


@dataclass(frozen=True, slots=True)
class Result:
    """The records of one Document. ``doc`` has ``text=""``; quote offsets are
    already shifted by ``doc.base`` (they index the whole decoded file)."""

    doc: Document
    quotes: list[Quote]
    explanations: list[list[str]] | None = None


def confident(result: Result, minimum: float) -> Result:
    """``--min-confidence``: ``result`` without its quotes below ``minimum``."""
    from quotex.fields import keep_confident

    quotes, explanations = keep_confident(result.quotes, result.explanations, minimum)
    return Result(result.doc, quotes, explanations)


# What a worker returns for one document: its quotes and explanations, or the
# message of the exception that stopped it.
_Outcome = Union[tuple[list[Quote], Union[list[list[str]], None]], str]


def extract_one(text: str, base: int, terms: bool, explain: bool, before: str = "", after: str = "") -> _Outcome:
    """The quotes of one text, offsets shifted by ``base``; an exception
    becomes its one-line message. ``before`` and ``after`` (a chunk's
    neighbouring paragraphs) are read with the text; only the quotes that
    start in ``text`` are kept."""
    try:
        explanations: list[list[str]] | None = None
        whole = before + text + after if before or after else text
        if explain:
            pairs = quotex.explain(whole, terms=terms)
        else:
            pairs = [(q, []) for q in quotex.extract(whole, terms=terms)]
        if whole is not text:
            lo, hi = len(before), len(before) + len(text)
            pairs = [p for p in pairs if lo <= p[0].start < hi]
            base -= lo
        quotes = [q for q, _ in pairs]
        if explain:
            explanations = [list(why) for _, why in pairs]
        if base:
            quotes = [_shift(q, base) for q in quotes]
        return quotes, explanations
    except Exception as e:  # noqa: BLE001 - any failure becomes a Problem
        detail = " ".join(str(e).split())
        return f"internal error: {type(e).__name__}{': ' + detail if detail else ''}"


def _shift(q: Quote, base: int) -> Quote:
    return replace(
        q,
        start=q.start + base,
        end=q.end + base,
        mention_start=None if q.mention_start is None else q.mention_start + base,
        mention_end=None if q.mention_end is None else q.mention_end + base,
    )


_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
_as_tuple = attrgetter(*_QUOTE_FIELDS)

# What travels to a worker for one document: text, base, context before and after.
_Text = tuple[str, int, str, str]

# What travels back from a worker for one document: quotes as plain tuples
# (several times cheaper to pickle than frozen dataclasses), or an error.
_Packed = Union[tuple[list[tuple[Any, ...]], Union[list[list[str]], None]], str]


def _work(batch: list[_Text], terms: bool, explain: bool) -> list[_Packed]:
    """Worker entry point (module level, so it pickles under spawn)."""
    out: list[_Packed] = []
    for text, base, before, after in batch:
        outcome = extract_one(text, base, terms, explain, before, after)
        out.append(outcome if isinstance(outcome, str) else ([_as_tuple(q) for q in outcome[0]], outcome[1]))
    return out


def _unpack(packed: _Packed) -> _Outcome:
    if isinstance(packed, str):
        return packed
    return [Quote(*t) for t in packed[0]], packed[1]


#: Seconds between a worker's checks that the process that started it lives.
WATCHDOG_SECONDS = 0.5


def _init_worker() -> None:
    """Workers leave Ctrl-C to the main process (which tears the pool down),
    and exit by themselves if their parent dies without doing so (SIGKILL)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    default_termination()
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(WATCHDOG_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="quotex-watchdog", daemon=True).start()


def _result(doc: Document, outcome: _Outcome, keep_text: bool = False) -> Result | Problem:
    if isinstance(outcome, str):
        return Problem(doc.source, outcome, doc.line)
    quotes, explanations = outcome
    if keep_text:
        return Result(doc, quotes, explanations)
    # (not dataclasses.replace: ~15x slower, and this runs once per document)
    return Result(Document(doc.source, "", doc.id, doc.line, doc.size, doc.base), quotes, explanations)


def run(
    items: Iterable[Document | Problem],
    *,
    jobs: int = 1,
    terms: bool = False,
    explain: bool = False,
    window: int | None = None,
    batch_bytes: int = BATCH_BYTES,
    start_method: str | None = None,
    keep_text: bool = False,
) -> Iterator[Result | Problem]:
    """Extract every Document with :func:`quotex.extract` (or
    :func:`quotex.explain`), in ``jobs`` worker processes when ``jobs > 1``,
    yielding results in input order as soon as they are ready and passing
    Problems through in order. An exception while extracting one document
    becomes a Problem ("internal error: ...") and the run goes on.
    With ``keep_text`` each Result keeps its Document's text (and the context
    around a chunk), for ``--context``; otherwise ``doc.text`` is ``""``."""
    if jobs <= 1:
        return _run_serial(items, terms, explain, keep_text)
    return _run_pool(items, jobs, terms, explain, window or 4 * jobs, max(1, batch_bytes), start_method,
                     keep_text)


def _run_serial(items: Iterable[Document | Problem], terms: bool, explain: bool,
                keep_text: bool = False) -> Iterator[Result | Problem]:
    for item in items:
        if isinstance(item, Problem):
            yield item
        else:
            yield _result(item, extract_one(item.text, item.base, terms, explain, item.before, item.after),
                          keep_text)


def _groups(items: Iterable[Document | Problem], batch_bytes: int) -> Iterator[list[Document | Problem]]:
    """Consecutive items in groups holding about ``batch_bytes`` of text. The first
    groups are small and each is twice the last, so that the first results come
    out at once (``quotex extract BIG/ | head``) and later ones in cheap batches."""
    group: list[Document | Problem] = []
    size = docs = 0
    target = min(batch_bytes, FIRST_BATCH_BYTES)
    for item in items:
        group.append(item)
        if isinstance(item, Document):
            size += len(item.text)
            docs += 1
            if size >= target or docs >= BATCH_DOCS:
                yield group
                group, size, docs = [], 0, 0
                target = min(batch_bytes, 2 * target)
    if group:
        yield group


def _context(start_method: str | None) -> multiprocessing.context.BaseContext:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if start_method is None:
        if "fork" in methods and threading.active_count() == 1:
            start_method = "fork"
        elif "forkserver" in methods:
            start_method = "forkserver"
        else:
            start_method = "spawn"
    context = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        # Import the extractor once in the server, not in every worker.
        context.set_forkserver_preload(_PRELOAD)
    if start_method != "fork":
        _quiet_helpers(start_method)
    return context


_TRACKER_QUIET = False


def _stderr_at_devnull(start: Callable[[], None]) -> None:
    """Run ``start`` (which starts a helper process) with file descriptor 2 on the
    null device, so that the helper never writes on quotex's stderr."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        start()
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        start()
    finally:
        try:
            sys.stderr.flush()  # a warning written meanwhile goes to the null device too
        except (OSError, ValueError):
            pass
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _quiet_helpers(start_method: str) -> None:
    """Keep multiprocessing's helper processes (the resource tracker; the fork
    server and so its workers) off quotex's stderr: a killed tracker makes the
    stdlib warn and the tracker it starts again print a traceback per semaphore
    it never saw. Their stderr is the null device; quotex reports what matters
    (a dead worker) itself, and the batch goes on."""
    global _TRACKER_QUIET
    from multiprocessing import forkserver, resource_tracker

    if not _TRACKER_QUIET:
        _TRACKER_QUIET = True
        tracker = resource_tracker._resource_tracker
        start = tracker.ensure_running

        def quietly() -> None:
            _stderr_at_devnull(start)

        # a tracker started again (after it died) starts quietly too, whether the
        # instance or the module's alias of its method (used by the fork server) asks
        setattr(tracker, "ensure_running", quietly)  # noqa: B010
        setattr(resource_tracker, "ensure_running", quietly)  # noqa: B010
        quietly()
    if start_method == "forkserver":
        _stderr_at_devnull(forkserver.ensure_running)


#: Modules the fork server imports before it forks workers (a failed import is ignored).
_PRELOAD = ["quotex.batch", "quotex.pipeline"]


#: Set once a pool was torn down without waiting for its workers: the exit hooks
#: of concurrent.futures may then hang or print tracebacks (see :func:`pool_killed`).
_KILLED = False


def pool_killed() -> bool:
    """A worker pool of this process was killed (Ctrl-C, a signal, a closed pipe)."""
    return _KILLED


class _Pool:
    """A process pool that can be rebuilt when a worker dies, and torn down
    without waiting for running batches."""

    def __init__(self, jobs: int, start_method: str | None) -> None:
        self.jobs = jobs
        self.start_method = start_method
        self.executor: ProcessPoolExecutor | None = None

    def submit(self, docs: list[_Text], terms: bool, explain: bool) -> Future[list[_Packed]]:
        if self.executor is None:
            from concurrent.futures import ProcessPoolExecutor

            self.executor = ProcessPoolExecutor(
                self.jobs, mp_context=_context(self.start_method), initializer=_init_worker
            )
        return self.executor.submit(_work, docs, terms, explain)

    def discard(self) -> None:
        """Drop the executor after a worker died; the next submit starts a new one."""
        if self.executor is not None:
            self.kill()

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True)
            self.executor = None

    def kill(self) -> None:
        global _KILLED
        executor, self.executor = self.executor, None
        if executor is None:
            return
        _KILLED = True
        processes = list((getattr(executor, "_processes", None) or {}).values())
        call_queue = getattr(executor, "_call_queue", None)
        if call_queue is not None:
            # its feeder thread may be blocked writing to workers about to die:
            # do not wait for it at exit (the interpreter would hang there)
            call_queue.cancel_join_thread()
        # No cancel_futures, and no Future.cancel() anywhere: once a worker
        # dies, the executor's manager thread sets an exception on every
        # pending future, and on CPython before 3.12 it raises
        # InvalidStateError in that thread for a future already cancelled.
        # The workers are terminated below, so nothing queued ever runs.
        executor.shutdown(wait=False)
        for p in processes:
            if p.is_alive():
                p.terminate()
        for p in processes:
            p.join(timeout=5)
            if p.is_alive():
                p.kill()
                p.join(timeout=1)


class _Entry:
    """One group of the in-flight queue: its items, and the extraction of its
    documents as one or more parts."""

    __slots__ = ("group", "parts")

    def __init__(self, group: list[Document | Problem], parts: list[_Part]) -> None:
        self.group = group
        self.parts = parts


class _Part:
    """Some texts of an entry, the future of their extraction, and how many
    times a dying worker took them down."""

    __slots__ = ("docs", "future", "breaks")

    def __init__(self, docs: list[_Text], future: Future[list[_Packed]] | None, breaks: int = 0) -> None:
        self.docs = docs
        self.future = future
        self.breaks = breaks

    def succeeded(self) -> bool:
        f = self.future
        return f is not None and f.done() and not f.cancelled() and f.exception() is None


#: A document is blamed for killing a worker once it was in flight when a
#: worker died this many times, alone in its part.
BREAKS_TO_BLAME = 2


def _texts(group: list[Document | Problem]) -> list[_Text]:
    return [(d.text, d.base, d.before, d.after) for d in group if isinstance(d, Document)]


def _run_pool(
    items: Iterable[Document | Problem],
    jobs: int,
    terms: bool,
    explain: bool,
    window: int,
    batch_bytes: int,
    start_method: str | None,
    keep_text: bool = False,
) -> Iterator[Result | Problem]:
    pool = _Pool(jobs, start_method)
    pending: deque[_Entry] = deque()
    finished = False

    def dispatch(entries: Iterable[_Entry]) -> None:
        """Submit every part of ``entries`` that has no live future; when a
        worker died meanwhile, start a new pool and resubmit all unfinished
        parts of every entry in flight."""
        from concurrent.futures.process import BrokenProcessPool  # imported once a pool runs

        targets = list(entries)
        for _ in range(100):
            try:
                for entry in targets:
                    for part in entry.parts:
                        if part.future is None:
                            part.future = pool.submit(part.docs, terms, explain)
                return
            except BrokenProcessPool:
                pool.discard()
                seen = {id(e) for e in targets}
                targets += [e for e in pending if id(e) not in seen]
                for entry in targets:
                    for part in entry.parts:
                        if not part.succeeded():
                            part.future = None
        raise RuntimeError("worker processes keep dying")

    def outcomes(entry: _Entry) -> list[_Packed]:
        from concurrent.futures.process import BrokenProcessPool

        out: list[_Packed] = []
        i = 0
        while i < len(entry.parts):
            part = entry.parts[i]
            assert part.future is not None
            try:
                out.extend(part.future.result())
                i += 1
                continue
            except BrokenProcessPool:
                pass
            except Exception as e:  # noqa: BLE001 - e.g. a result that would not pickle
                out.extend([f"internal error: {type(e).__name__}: {' '.join(str(e).split())}"] * len(part.docs))
                i += 1
                continue
            # A worker died: every unfinished part in flight is lost with the pool.
            pool.discard()
            for other in (entry, *pending):
                for p in other.parts:
                    if not p.succeeded():
                        p.future = None
            part.breaks += 1
            if len(part.docs) > 1:
                # One document at a time, to find the one that kills workers.
                entry.parts[i : i + 1] = [_Part([d], None) for d in part.docs]
            elif part.breaks >= BREAKS_TO_BLAME:
                del entry.parts[i]
                out.append("internal error: the worker process died")
            dispatch((entry, *pending))
        return out

    def emit(entry: _Entry) -> Iterator[Result | Problem]:
        it = iter(outcomes(entry))
        for item in entry.group:
            yield item if isinstance(item, Problem) else _result(item, _unpack(next(it)), keep_text)

    def ready(entry: _Entry) -> bool:
        return all(p.future is not None and p.future.done() for p in entry.parts)

    def add(group: list[Document | Problem]) -> None:
        docs = _texts(group)
        entry = _Entry(group, [_Part(docs, None)] if docs else [])
        pending.append(entry)
        dispatch((entry,))

    try:
        # Groups are held back until a second batch of documents shows up:
        # when the whole input is one batch, a pool is not worth starting.
        held: list[list[Document | Problem]] | None = []
        for group in _groups(items, batch_bytes):
            if held is not None:
                held.append(group)
                if sum(1 for g in held if _texts(g)) < 2:
                    continue
                for g in held:
                    add(g)
                held = None
            else:
                add(group)
            while pending and ready(pending[0]):
                yield from emit(pending.popleft())
            while len(pending) >= window:
                yield from emit(pending.popleft())
        if held is not None:
            yield from _run_serial((item for g in held for item in g), terms, explain, keep_text)
        while pending:
            yield from emit(pending.popleft())
        finished = True
    finally:
        if finished:
            pool.close()
        else:
            pool.kill()
