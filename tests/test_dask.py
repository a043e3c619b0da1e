"""quotex on a real Dask cluster: a LocalCluster of 2 worker processes, shared
by the module. Every check compares with a local run (``--jobs 1``)."""
from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from quotex.cli import cli  # noqa: E402

TEXTS = [
    '"We will win this," said Maria Lopez, the team captain.\n',
    'The mayor spoke briefly. "Taxes stay as they are," he said.\n\n"No comment," Tom Reed replied.\n',
    "Nothing quoted in this one at all.\n",
    "\u201cThe bridge opens in May,\u201d the engineer told reporters.\n",
    'Ann Lee smiled. "I knew it," she said. "We all knew it."\n',
]


@pytest.fixture(scope="module")
def address() -> object:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    with distributed.Client(cluster) as client:
        yield cluster.scheduler_address, client
    cluster.close()


def _run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["extract", "--quiet", *args])
    return result.exit_code, result.stdout, result.stderr


def _same_as_local(args: list[str], dask_address: str, *extra: str) -> tuple[int, str, str]:
    """The run on the cluster, checked against ``--jobs 1``: same exit code,
    stdout byte for byte, same problem lines."""
    local = _run(["--jobs", "1", *args])
    remote = _run(["--dask", dask_address, *extra, *args])
    assert remote == local
    return remote


def _text_folder(tmp_path: Path, copies: int = 4) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(copies):
        for j, text in enumerate(TEXTS):
            (folder / f"{i:02d}-{j}.txt").write_text(text, encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01 not read: no text extension")
    return folder


def _corpus_lines(copies: int = 6) -> list[str]:
    lines = []
    for i in range(copies):
        for j, text in enumerate(TEXTS):
            record = {"text": text} if j == 2 else {"id": f"d{i}-{j}", "text": text}
            lines.append(json.dumps(record))
        lines.append("{this line is broken")
        lines.append("")
        lines.append(json.dumps({"body": "no text field here"}))
    return lines


def test_text_folder_is_byte_identical(tmp_path: Path, address: tuple[str, object]) -> None:
    folder = _text_folder(tmp_path)
    for fmt in ("jsonl", "csv", "json"):
        code, out, _ = _same_as_local(["--format", fmt, str(folder)], address[0],
                                      "--partition-size", "150")
        assert code == 0 and out.count("Maria Lopez") >= 4


def test_jsonl_gz_with_bad_records(tmp_path: Path, address: tuple[str, object]) -> None:
    corpus = tmp_path / "corpus.jsonl.gz"
    corpus.write_bytes(gzip.compress(("\n".join(_corpus_lines()) + "\n").encode("utf-8")))
    missing = tmp_path / "missing.txt"
    code, out, err = _same_as_local([str(missing), str(corpus), "--format", "jsonl"], address[0])
    assert code == 1 and "not valid JSON" in err and "missing.txt: cannot open" in err
    assert len(out.splitlines()) >= 30


def test_large_jsonl_cut_into_blocks_keeps_line_numbers(tmp_path: Path,
                                                        address: tuple[str, object]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(_corpus_lines()) + "\n", encoding="utf-8")
    # blocks of ~300 bytes: records without an id are numbered by their line
    code, out, err = _same_as_local(["--format", "jsonl", str(corpus)], address[0],
                                    "--partition-size", "300")
    assert code == 1 and '"id": "' in out and err.count("not valid JSON") == 6


def test_output_dir_parts_concatenate_to_the_records(tmp_path: Path,
                                                     address: tuple[str, object]) -> None:
    folder = _text_folder(tmp_path)
    _, want, _ = _run(["--jobs", "1", "--format", "jsonl", str(folder)])
    for gz in (False, True):
        out = tmp_path / f"parts-{gz}"
        code, stdout, _ = _run(["--dask", address[0], "--partition-size", "150",
                                "--output-dir", str(out), *(["--gzip"] if gz else []), str(folder)])
        assert code == 0 and stdout == ""
        parts = sorted(p for p in os.listdir(out) if p.startswith("part-"))
        assert len(parts) > 3 and all(p.endswith(".jsonl.gz" if gz else ".jsonl") for p in parts)
        read = gzip.decompress if gz else bytes
        got = b"".join(read((out / p).read_bytes()) for p in parts).decode("utf-8")
        assert got == want
        assert (out / "_SUCCESS").exists()
        assert sorted(os.listdir(out)) == sorted([*parts, "_SUCCESS"])  # no temporary file left
    code, _, err = _run(["--dask", address[0], "--output-dir", str(out), str(folder)])
    assert code == 1 and "not empty" in err


@pytest.mark.parametrize("task", ["extract_partition", "write_partition"])
def test_a_killed_worker_loses_and_repeats_nothing(task: str, tmp_path: Path,
                                                   address: tuple[str, object]) -> None:
    folder = _text_folder(tmp_path, copies=8)
    armed, fired = tmp_path / "armed", tmp_path / "fired"
    armed.touch()

    class KillOnce(distributed.WorkerPlugin):  # type: ignore[misc]
        """The first worker to start one of the run's partitions kills its own process."""

        def transition(self, key: object, start: str, finish: str, **kwargs: object) -> None:
            if finish == "executing" and task in str(key):
                try:
                    os.rename(armed, fired)  # only one worker wins the rename
                except OSError:
                    return
                os.kill(os.getpid(), 9)

    client = address[1]
    _, want, _ = _run(["--jobs", "1", "--format", "jsonl", str(folder)])
    client.register_plugin(KillOnce(), name="quotex-kill-once")
    try:
        if task == "extract_partition":
            code, got, err = _run(["--dask", address[0], "--partition-size", "150", str(folder)])
        else:
            out = tmp_path / "parts"
            code, stdout, err = _run(["--dask", address[0], "--partition-size", "150",
                                      "--output-dir", str(out), str(folder)])
            parts = sorted(p for p in os.listdir(out) if p.startswith("part-"))
            assert (out / "_SUCCESS").exists() and stdout == ""
            got = b"".join((out / p).read_bytes() for p in parts).decode("utf-8")
    finally:
        client.unregister_worker_plugin("quotex-kill-once")
    assert fired.exists() and not armed.exists()
    assert code == 0 and err == "" and got == want and len(want.splitlines()) == 8 * 6
    client.wait_for_workers(2, timeout=60)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_scheduler_fails_fast(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    address = f"tcp://127.0.0.1:{_free_port()}"
    started = time.monotonic()  # (Dask is imported already: this times the connection)
    code, out, err = _run(["--dask", address, str(tmp_path / "a.txt")])
    assert time.monotonic() - started < 10
    assert code == 1 and out == ""
    assert err == f"quotex: error: cannot reach the Dask scheduler at {address}: connection refused\n"
    # in a process of its own: nothing more at exit (a failed Client prints a traceback there)
    proc = subprocess.run([sys.executable, "-m", "quotex", "extract", "--dask", address,
                           str(tmp_path / "a.txt")], capture_output=True, text=True, timeout=120,
                          check=False)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", err)


def test_without_dask_one_line_says_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    code = ("import sys; sys.modules['distributed'] = None; from quotex.cli import main; "
            f"main(['extract', '--dask', 'local', {str(tmp_path / 'a.txt')!r}])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          check=False)
    assert proc.returncode == 1
    assert proc.stderr == ("quotex: error: --dask needs distributed, which is not installed: "
                           "pip install 'quotex[dask]'\n")


@pytest.mark.parametrize("args, message", [
    (["--output-dir", "out"], "--output-dir needs --dask"),
    (["--gzip"], "--gzip needs --dask"),
    (["--partition-size", "8M"], "--partition-size needs --dask"),
    (["--dask", "local", "--output-dir", "out", "-o", "x.jsonl"], "not both"),
    (["--dask", "local", "--output-dir", "out", "--format", "csv"], "writes JSON Lines"),
    (["--dask", "local", "--gzip"], "--gzip needs --output-dir"),
    (["--dask", "local", "--partition-size", "big"], "is not a size"),
])
def test_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    code, out, err = _run([*args, str(tmp_path / "a.txt")])
    assert code == 2 and message in err and out == ""


def test_stdin_is_refused() -> None:
    code, _, err = _run(["--dask", "local", "-"])
    assert code == 2 and "--dask cannot read standard input" in err


def test_api_bags_match_a_local_run(tmp_path: Path, address: tuple[str, object]) -> None:
    from quotex import dask as qd

    paths = []
    for i, text in enumerate(TEXTS):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(_corpus_lines(2)) + "\n", encoding="utf-8")
    paths.append(str(corpus))
    _, out, _ = _run(["--jobs", "1", "--format", "jsonl", *paths])
    want = [json.loads(line) for line in out.splitlines()]
    got = qd.extract_bag(qd.read(paths, partition_size=200)).compute()
    assert len(want) >= 10 and got == want


def test_api_reads_urls(tmp_path: Path) -> None:
    """fsspec URLs (memory:// here, read in this process by the synchronous
    scheduler): globs and folders follow the local rules."""
    import fsspec

    from quotex import dask as qd

    fs = fsspec.filesystem("memory")
    for i, text in enumerate(TEXTS):
        fs.pipe(f"/quotex-test/news/{i}.txt", text.encode("utf-8"))
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    fs.pipe("/quotex-test/news/.hidden.txt", TEXTS[0].encode("utf-8"))
    fs.pipe("/quotex-test/news/skip.csv", TEXTS[0].encode("utf-8"))
    try:
        by_folder = qd.extract_bag(qd.read("memory://quotex-test/news")).compute(scheduler="sync")
        by_glob = qd.extract_bag(qd.read("memory://quotex-test/news/*.txt")).compute(scheduler="sync")
    finally:
        fs.rm("/quotex-test", recursive=True)
    _, out, _ = _run(["--jobs", "1", "--format", "jsonl", str(tmp_path)])
    want = [json.loads(line) for line in out.splitlines()]
    for got in (by_folder, by_glob):
        assert [r["file"].rsplit("/", 1)[1] for r in got] == [r["file"].rsplit("/", 1)[1] for r in want]
        assert [{**r, "file": None} for r in got] == [{**r, "file": None} for r in want]


def test_progress_counts_partitions() -> None:
    import io

    from quotex.output import Reporter

    stderr = io.StringIO()
    reporter = Reporter(stderr, progress=True, delay=0)
    reporter.start(1000, 3, partitions=True)
    reporter.partition_done(400)
    line = reporter.bar_line()
    assert "partitions 1 of 3" in line and "0.4/1.0 kB" in line


def test_import_quotex_does_not_import_dask() -> None:
    code = ("import sys\nfrom quotex.cli import main\n"
            "for args in (['--help'], ['extract', '--help']):\n"
            "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
            "print(sorted({'dask', 'distributed', 'fsspec'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "--dask ADDRESS" in out.stdout
    assert out.stdout.splitlines()[-1] == "[]"


@pytest.mark.slow
def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Dask example, as written (it starts its own 2-worker cluster)."""
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Dask clusters", 1)[1]
    example = section.split("```python\n", 1)[1].split("```", 1)[0]
    assert "quotex.dask.read(" in example and "extract_bag(" in example
    (tmp_path / "seeds").symlink_to(root / "seeds")
    script = tmp_path / "example.py"
    script.write_text(example, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = [json.loads(line) for part in sorted((tmp_path / "quotes").iterdir())
           for line in part.read_text(encoding="utf-8").splitlines()]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", "--quiet", "seeds/"])
    want = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(want) >= 3 and got == want


@pytest.mark.slow
def test_dask_local_starts_its_own_cluster_quietly(tmp_path: Path) -> None:
    folder = _text_folder(tmp_path)
    out = tmp_path / "quotes.jsonl"
    proc = subprocess.run([sys.executable, "-m", "quotex", "extract", "--dask", "local", "--jobs", "2",
                           "--partition-size", "200", "-o", str(out), str(folder)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0 and proc.stderr == "" and proc.stdout == ""
    _, want, _ = _run(["--jobs", "1", "--format", "jsonl", str(folder)])
    assert out.read_text(encoding="utf-8") == want
