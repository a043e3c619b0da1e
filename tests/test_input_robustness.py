"""quotex.inputs on hostile inputs: binary files, permissions, races, links,
FIFOs. None of these may raise, hang or stop the other inputs."""
from __future__ import annotations

import builtins
import errno
import gzip
import io
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotex import inputs
from quotex.inputs import Document, Problem, iter_documents, total_bytes


def docs(*paths: str | Path, **kw: object) -> list[Document | Problem]:
    return list(iter_documents([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def summary(items: list[Document | Problem]) -> list[tuple[str, str, str]]:
    out = []
    for i in items:
        if isinstance(i, Problem):
            out.append((os.path.basename(i.source), i.severity, i.message))
        else:
            out.append((os.path.basename(i.source), "doc", i.text))
    return out


BINARIES = {
    "img.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "doc.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "prog.txt": b"\x7fELF\x02\x01\x01" + b"\x00" * 500,
    "arch.txt": b"PK\x03\x04" + b"\x14\x00" * 100,
    "zeros.txt": b"\x00" * 5000,
    "noise.txt": bytes(range(1, 32)) * 100,
}


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_binary_in_folder_is_a_warning(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(BINARIES[name])
    (tmp_path / "ok.txt").write_text("fine")
    items = summary(docs(tmp_path))
    assert ("ok.txt", "doc", "fine") in items
    assert len(items) == 2
    [(source, severity, message)] = [i for i in items if i[0] == name]
    assert (source, severity) == (name, "warning")
    assert message.startswith("binary file (") and message.endswith("); skipped")


def test_binary_named_explicitly_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "img.png"
    f.write_bytes(BINARIES["img.txt"])
    assert summary(docs(f)) == [("img.png", "error", "binary file (PNG image); skipped")]


def test_gzip_of_binary_is_binary(tmp_path: Path) -> None:
    f = tmp_path / "x.txt.gz"
    f.write_bytes(gzip.compress(BINARIES["prog.txt"]))
    assert summary(docs(f)) == [("x.txt.gz", "error", "binary file (ELF executable); skipped")]


def test_text_with_high_bytes_is_not_binary(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(bytes(range(0x80, 0x100)) * 10 + b"\tsome text\r\n\x0c\x1b[0m")
    items = docs(f)
    assert any(isinstance(i, Document) for i in items)


def _fail_open(monkeypatch: pytest.MonkeyPatch, name: str, error: OSError) -> None:
    """Make ``os.open`` of any file called ``name`` raise ``error``."""
    real_open = os.open

    def fake_open(path: str, flags: int, *a: object, **kw: object) -> int:
        if os.path.basename(path) == name:
            raise error
        return real_open(path, flags, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", fake_open)


def _unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    f = tmp_path / "secret.txt"
    f.write_text("secret")
    if os.geteuid() == 0:  # root reads anything: simulate
        _fail_open(monkeypatch, "secret.txt", PermissionError(errno.EACCES, "Permission denied"))
    else:
        f.chmod(0)
    return f


def test_unreadable_file_in_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _unreadable(tmp_path, monkeypatch)
    (tmp_path / "z.txt").write_text("after")
    assert summary(docs(tmp_path)) == [
        ("secret.txt", "error", "cannot read: permission denied"), ("z.txt", "doc", "after")]


def test_unreadable_file_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = _unreadable(tmp_path, monkeypatch)
    assert summary(docs(f)) == [("secret.txt", "error", "cannot read: permission denied")]


def test_unlistable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text("a")
    (tmp_path / "z.txt").write_text("z")
    real = os.scandir

    def fake(path: str) -> object:
        if os.path.basename(str(path)) == "sub":
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", fake)
    assert summary(docs(tmp_path, recursive=True)) == [
        ("sub", "error", "cannot list folder: permission denied"), ("z.txt", "doc", "z")]


def test_file_vanishing_between_listing_and_reading(tmp_path: Path) -> None:
    for n in "abc":
        (tmp_path / f"{n}.txt").write_text(n)
    it = iter_documents([str(tmp_path)])
    first = next(it)
    assert isinstance(first, Document) and first.text == "a"
    (tmp_path / "b.txt").unlink()
    rest = summary(list(it))
    assert rest[-1] == ("c.txt", "doc", "c")
    assert rest[0][0] == "b.txt" and rest[0][1] == "error"
    assert rest[0][2].startswith("cannot read: no such file")


def test_file_vanishing_at_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "b.txt").write_text("b")
    _fail_open(monkeypatch, "a.txt", FileNotFoundError(errno.ENOENT, "No such file or directory"))
    assert summary(docs(tmp_path)) == [
        ("a.txt", "error", "cannot read: no such file or directory"), ("b.txt", "doc", "b")]


def test_read_error_midway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x" * 100)
    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, fd: int) -> None:
            self.f = real_fdopen(fd, "rb")

        def read(self, n: int = -1) -> bytes:
            raise OSError(errno.EIO, "Input/output error")

        def peek(self, n: int = 0) -> bytes:
            return b""

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *a: object) -> None:
            self.f.close()

    monkeypatch.setattr(os, "fdopen", lambda fd, mode, *a, **kw: Failing(fd))
    assert summary(docs(f)) == [("a.txt", "error", "cannot read: input/output error")]


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "live.txt").write_text("live")
    assert summary(docs(tmp_path)) == [
        ("dead.txt", "error", "broken symbolic link"), ("live.txt", "doc", "live")]
    assert summary(docs(tmp_path / "dead.txt")) == [("dead.txt", "error", "broken symbolic link")]


def test_symlink_to_file_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_text("real")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.md")
    assert summary(docs(tmp_path)) == [("alias.txt", "doc", "real"), ("real.md", "doc", "real")]


def test_symlink_loop_recursive_terminates(tmp_path: Path) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text("a")
    (sub / "up").symlink_to(tmp_path)
    (sub / "self").symlink_to(sub)
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    got = summary(docs(tmp_path, recursive=True))
    assert ("a.txt", "doc", "a") in got
    assert [g for g in got if g[1] == "doc"] == [("a.txt", "doc", "a")]
    assert ("self", "warning", "folder already visited (symbolic link loop?); skipped") in got
    assert ("up", "warning", "folder already visited (symbolic link loop?); skipped") in got
    assert any(g[0] == "loop.txt" and g[1] == "error" for g in got)


def _with_timeout(fn: object, seconds: float = 10) -> object:
    result: list[object] = []
    t = threading.Thread(target=lambda: result.append(fn()), daemon=True)  # type: ignore[operator]
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "hung"
    return result[0]


def test_fifo_in_folder_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.bin")
    (tmp_path / "z.txt").write_text("z")
    got = _with_timeout(lambda: summary(docs(tmp_path, recursive=True)))
    assert got == [("pipe.txt", "warning", "not a regular file (FIFO); skipped"), ("z.txt", "doc", "z")]
    assert _with_timeout(lambda: total_bytes([str(tmp_path)])) == 1


def test_fifo_swapped_in_after_stat_does_not_hang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text("a")
    real_scandir = os.scandir

    def scandir_then_swap(path: str) -> Iterator[os.DirEntry[str]]:
        entries = list(real_scandir(path))
        for e in entries:
            e.stat()  # cached as a regular file
        f.unlink()
        os.mkfifo(f)

        class Ctx:
            def __enter__(self) -> list[os.DirEntry[str]]:
                return entries

            def __exit__(self, *a: object) -> None:
                pass

        return Ctx()  # type: ignore[return-value]

    monkeypatch.setattr(os, "scandir", scandir_then_swap)
    got = _with_timeout(lambda: summary(docs(tmp_path)))
    assert got == [("a.txt", "warning", "not a regular file (FIFO); skipped")]


def test_fifo_named_explicitly_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "wb") as w:
            w.write(b'"Piped," he said.')

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    got = _with_timeout(lambda: summary(docs(fifo)))
    t.join(5)
    assert got == [("pipe", "doc", '"Piped," he said.')]
    assert total_bytes([str(tmp_path / "nothing"), str(tmp_path)]) == 0


def test_socket_in_folder_and_named(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(path))
    except OSError:
        pytest.skip("cannot bind a unix socket here")
    try:
        assert summary(docs(tmp_path)) == [("s.txt", "warning", "not a regular file (socket); skipped")]
        assert summary(docs(path)) == [("s.txt", "error", "not a regular file (socket); skipped")]
    finally:
        s.close()


def test_device_named_explicitly(tmp_path: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    got = _with_timeout(lambda: summary(docs("/dev/zero", chunk_size=4096)))
    assert got == [("zero", "error", "binary file (binary data); skipped")]


def test_many_problems_then_documents_keep_going(tmp_path: Path) -> None:
    names = []
    for i in range(30):
        p = tmp_path / f"f{i:02d}.txt"
        if i % 3 == 0:
            p.write_bytes(b"\x00\x01\x02" * 100)
        else:
            p.write_text(f"doc {i}")
            names.append(f"doc {i}")
    items = docs(tmp_path)
    assert [i.text for i in items if isinstance(i, Document)] == names
    assert sum(isinstance(i, Problem) for i in items) == 10


def test_generator_close_closes_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text('{"text": "a"}\n' * 10)
    closed = []
    real_fdopen = os.fdopen

    def tracking(fd: int, mode: str) -> object:
        h = real_fdopen(fd, mode)
        real_close = h.close

        def close() -> None:
            closed.append(True)
            real_close()

        h.close = close  # type: ignore[method-assign]
        return h

    monkeypatch.setattr(os, "fdopen", tracking)
    it = iter_documents([str(f)])
    next(it)
    it.close()  # type: ignore[attr-defined]
    assert closed


def test_never_uses_builtin_open_on_walked_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Opening goes through os.open with O_NONBLOCK so a FIFO cannot block.
    (tmp_path / "a.txt").write_text("a")

    def no_open(*a: object, **kw: object) -> object:
        raise AssertionError("builtins.open used")

    monkeypatch.setattr(builtins, "open", no_open)
    assert summary(docs(tmp_path)) == [("a.txt", "doc", "a")]


def test_problem_messages_are_one_line(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_bytes(b'{"text": "a\n{\n"x"\n\xff\xfe\n[]\n')
    (tmp_path / "b.txt.gz").write_bytes(b"\x1f\x8b" + b"junk" * 10)
    for item in docs(tmp_path, tmp_path / "nope", "-", stdin=io.BytesIO(b"\x00" * 100)):
        if isinstance(item, Problem):
            assert "\n" not in item.message and item.message
    assert inputs.Problem("x", "m").severity == "error"


def test_random_bytes_are_binary(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    f = tmp_path / "blob.txt"
    f.write_bytes(bytes(rng.randrange(256) for _ in range(20000)))
    assert summary(docs(tmp_path)) == [("blob.txt", "warning", "binary file (binary data); skipped")]


def test_stdin_read_error_is_a_problem() -> None:
    class Broken(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, b: object) -> int:
            raise OSError(errno.EIO, "Input/output error")

    got = summary(docs("-", stdin=Broken()))
    assert got == [("-", "error", "cannot read: input/output error")]


def test_very_deep_folders(tmp_path: Path) -> None:
    # The walk must not recurse per level. Rather than a tree deeper than the
    # recursion limit (which pytest's own recursive clean-up could not
    # delete), use a modest tree under a lowered limit.
    import inspect
    import sys

    deep = tmp_path
    for _ in range(300):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "bottom.txt").write_text("deep")
    (tmp_path / "top.txt").write_text("top")
    frames = len(inspect.stack(0))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(frames + 150)
    try:
        got = summary(docs(tmp_path, recursive=True))
    finally:
        sys.setrecursionlimit(limit)
    assert got == [("bottom.txt", "doc", "deep"), ("top.txt", "doc", "top")]
