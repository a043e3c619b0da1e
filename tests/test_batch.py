"""quotex.batch.run: order, parallel equivalence, failures, early stop, chunk offsets.

The extractor is replaced by a fake (inherited by forked workers) so these
tests do not depend on the core's rules; one test runs the real extractor
under ``spawn``.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import quotex
from quotex import batch
from quotex.batch import Result
from quotex.inputs import Document, Problem, iter_documents
from quotex.records import Quote

HAS_FORK = "fork" in multiprocessing.get_all_start_methods()
needs_fork = pytest.mark.skipif(not HAS_FORK, reason="needs the fork start method")


def fake_extract(text: str, *, terms: bool = False) -> list[Quote]:
    """A quote for every pair of straight double quotes; 'BOOM' raises."""
    if "BOOM" in text:
        raise RuntimeError("kaboom\nsecond line")
    if "DIE" in text:
        os._exit(3)
    out = []
    i = text.find('"')
    while i >= 0:
        j = text.find('"', i + 1)
        if j < 0:
            break
        out.append(Quote(i, j + 1, text[i + 1 : j], speaker="X", mention="X", mention_start=i, mention_end=i + 1,
                         kind="term" if j - i < 4 else "direct"))
        i = text.find('"', j + 1)
    return [q for q in out if terms or q.kind != "term"]


def fake_explain(text: str, *, terms: bool = False) -> list[tuple[Quote, list[str]]]:
    return [(q, [f"rule for {q.quote}"]) for q in fake_extract(text, terms=terms)]


@pytest.fixture(autouse=True)
def _fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotex, "extract", fake_extract)
    monkeypatch.setattr(quotex, "explain", fake_explain)


def items(n: int = 50, problem_every: int = 7, size: int = 40) -> Iterator[Document | Problem]:
    for i in range(n):
        if i % problem_every == 3:
            yield Problem(f"p{i}", "bad", severity="warning")
        yield Document(f"d{i}", f'Intro {i}. "quote {i}" he said. "ab" ' + "x" * (size * (i % 5)), size=i)


def flat(results: list[Result | Problem]) -> list[object]:
    out: list[object] = []
    for r in results:
        if isinstance(r, Problem):
            out.append(r)
        else:
            out.append((r.doc, [q.to_dict() for q in r.quotes], r.explanations))
    return out


def test_serial_results_and_problems_in_order() -> None:
    got = list(batch.run(items(10)))
    kinds = [("P" if isinstance(r, Problem) else "R") + (r.source if isinstance(r, Problem) else r.doc.source)
             for r in got]
    assert kinds == ["Rd0", "Rd1", "Rd2", "Pp3", "Rd3", "Rd4", "Rd5", "Rd6", "Rd7", "Rd8", "Rd9"]
    r0 = got[0]
    assert isinstance(r0, Result)
    assert r0.doc.text == "" and r0.doc.source == "d0" and r0.doc.size == 0
    assert [q.quote for q in r0.quotes] == ["quote 0"]
    assert r0.explanations is None


def test_terms_and_explain_passed_through() -> None:
    [r] = list(batch.run([Document("d", '"a" "long one"')], terms=True, explain=True))
    assert isinstance(r, Result)
    assert [q.quote for q in r.quotes] == ["a", "long one"]
    assert r.explanations == [["rule for a"], ["rule for long one"]]


def test_base_shifts_offsets() -> None:
    whole = 'Para. "one" x.\n\nMore "two" y.'
    cut = whole.index("More")
    chunks = [Document("f", whole[:cut]), Document("f", whole[cut:], base=cut)]
    got = [q for r in batch.run(chunks) if isinstance(r, Result) for q in r.quotes]
    assert [whole[q.start : q.end] for q in got] == ['"one"', '"two"']
    assert [whole[q.mention_start : q.mention_end] for q in got if q.mention_start is not None] == ['"', '"']


def test_exception_becomes_problem_and_run_goes_on() -> None:
    docs = [Document("a", '"x1"'), Document("c.jsonl", "BOOM", id="7", line=7), Document("b", '"x2"')]
    got = list(batch.run(docs))
    assert isinstance(got[0], Result) and isinstance(got[2], Result)
    p = got[1]
    assert isinstance(p, Problem)
    assert (p.source, p.line, p.severity) == ("c.jsonl", 7, "error")
    assert p.message == "internal error: RuntimeError: kaboom second line"


@needs_fork
@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_same_as_serial(jobs: int) -> None:
    serial = flat(list(batch.run(items(300))))
    parallel = flat(list(batch.run(items(300), jobs=jobs, batch_bytes=500, start_method="fork")))
    assert parallel == serial


@needs_fork
def test_parallel_with_explain_and_errors() -> None:
    def stream() -> Iterator[Document | Problem]:
        for i in range(120):
            yield Document(f"d{i}", "BOOM" if i % 17 == 5 else f'"q{i}" said', line=i)

    serial = flat(list(batch.run(stream(), explain=True)))
    parallel = flat(list(batch.run(stream(), jobs=2, explain=True, batch_bytes=50, start_method="fork")))
    assert parallel == serial
    assert sum(isinstance(x, Problem) for x in parallel) == 7


@needs_fork
def test_single_batch_runs_in_process() -> None:
    before = set(multiprocessing.active_children())
    got = list(batch.run([Document("a", '"q"'), Problem("p", "m")], jobs=2, start_method="fork"))
    assert [type(g).__name__ for g in got] == ["Result", "Problem"]
    assert set(multiprocessing.active_children()) == before


@needs_fork
def test_early_close_does_not_hang_and_leaves_no_workers() -> None:
    def endless() -> Iterator[Document]:
        i = 0
        while True:
            yield Document(f"d{i}", f'"q{i}" ' * 50)
            i += 1

    started = time.monotonic()
    run = batch.run(endless(), jobs=2, batch_bytes=200, start_method="fork")
    taken = [next(run) for _ in range(5)]
    assert all(isinstance(t, Result) for t in taken)
    run.close()  # type: ignore[attr-defined]
    assert time.monotonic() - started < 20
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


@needs_fork
def test_worker_death_becomes_problems_and_run_goes_on() -> None:
    docs: list[Document | Problem] = [Document(f"d{i}", f'"qq{i}"') for i in range(6)]
    docs[3] = Document("bad", "DIE")
    got = list(batch.run(docs, jobs=2, batch_bytes=1, start_method="fork"))
    assert [type(g).__name__ for g in got] == ["Result"] * 3 + ["Problem"] + ["Result"] * 2
    p = got[3]
    assert isinstance(p, Problem) and p.source == "bad" and p.message.startswith("internal error")
    assert [q.quote for g in got if isinstance(g, Result) for q in g.quotes] == ["qq0", "qq1", "qq2", "qq4", "qq5"]


@needs_fork
def test_worker_death_blames_only_the_culprit() -> None:
    docs: list[Document | Problem] = [Document(f"d{i}", f'"qq{i}" ' + "x" * 30) for i in range(40)]
    docs[17] = Document("bad", "DIE")
    docs[18] = Document("bad2", "DIE too")
    docs[39] = Document("bad3", "DIE at the end")
    got = list(batch.run(docs, jobs=2, batch_bytes=200, window=3, start_method="fork"))
    assert [g.source for g in got if isinstance(g, Problem)] == ["bad", "bad2", "bad3"]
    assert [g.doc.source for g in got if isinstance(g, Result)] == [f"d{i}" for i in range(39) if i not in (17, 18)]


@needs_fork
def test_bounded_window_pulls_input_lazily() -> None:
    pulled = []

    def stream() -> Iterator[Document]:
        for i in range(1000):
            pulled.append(i)
            yield Document(f"d{i}", f'"q{i}"')

    run = batch.run(stream(), jobs=2, window=4, batch_bytes=10, start_method="fork")
    next(run)
    assert len(pulled) < 100
    run.close()  # type: ignore[attr-defined]


def test_real_extractor_under_spawn_matches_serial(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.undo()  # the real quotex.extract
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_2475380bb444d615.txt"
    if not seed.exists():
        pytest.skip("no seed article")
    for i in range(2):
        (tmp_path / f"s{i}.txt").write_bytes(seed.read_bytes())
    serial = flat(list(batch.run(iter_documents([str(tmp_path)]))))
    parallel = flat(list(batch.run(iter_documents([str(tmp_path)]), jobs=2, batch_bytes=1, start_method="spawn")))
    assert parallel == serial
    assert len(serial) == 2
    assert all(isinstance(r, tuple) and r[1] for r in serial)  # real quotes were found


CHILD = r"""
import multiprocessing, sys, time
import quotex
def slow(text, terms=False):
    time.sleep(0.05)
    return []
quotex.extract = slow
from quotex import batch
from quotex.inputs import Document
def endless():
    i = 0
    while True:
        yield Document(str(i), "x" * 100)
        i += 1
run = batch.run(endless(), jobs=2, batch_bytes=100, start_method="fork")
next(run)
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
time.sleep(60)
"""


@needs_fork
def test_workers_exit_when_the_parent_is_killed() -> None:
    import signal
    import subprocess
    import sys

    with subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True) as child:
        try:
            assert child.stdout is not None
            pids = [int(p) for p in child.stdout.readline().split()]
            assert pids
        finally:
            child.kill()
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = []
        for pid in pids:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                continue
            try:  # a zombie (exited, not yet reaped by init) counts as gone
                with open(f"/proc/{pid}/stat") as f:
                    if f.read().split(")")[-1].split()[0] == "Z":
                        continue
            except OSError:
                continue
            alive.append(pid)
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert alive == []


def test_real_extractor_offsets_index_the_whole_chunked_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.undo()  # the real quotex.extract
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_2475380bb444d615.txt"
    if not seed.exists():
        pytest.skip("no seed article")
    article = seed.read_text(encoding="utf-8").replace("\n", "\r\n")
    whole = "\r\n\r\n".join([article] * 4)
    f = tmp_path / "big.txt"
    with open(f, "w", encoding="utf-8", newline="") as out:
        out.write(whole)
    chunk = len(article) // 2
    results = [r for r in batch.run(iter_documents([str(f)], chunk_size=chunk)) if isinstance(r, Result)]
    assert len(results) > 4
    quotes = [q for r in results for q in r.quotes]
    single = quotex.extract(article)
    assert len(quotes) >= 2 * len(single) > 0  # splitting may cost a quote across a cut
    for q in quotes:
        assert q.quote in whole[q.start : q.end]
        if q.mention_start is not None and q.mention_end is not None:
            assert whole[q.mention_start : q.mention_end] == q.mention
