"""quotex on Dask against the local pool, on the benchmark corpus (issue 11).

Runs, interleaved and each in a fresh process through ``measure.py``:
``quotex extract --format jsonl --recursive --jobs N -o OUT DIR`` (the local
pool), the same with ``--dask local`` (a LocalCluster of N single-threaded
worker processes, cluster start-up included) and with ``--dask tcp://...`` (a
scheduler and N single-threaded workers started once, before the runs, as an
existing cluster; their CPU time is added to the client's), all with
``--partition-size auto``; then the running cluster with partition sizes
giving 1, 2, 8, 16 partitions per worker (auto gives 4 on 20 MB).
Reports wall time (median and best), MB/s, CPU seconds of the process tree,
the Dask/local time ratio (target: <= 1.3x) and the load average, and checks
that every Dask output is byte-identical to the local one.

Usage: python benchmarks/dask_bench.py [--data DIR] [--mb 20] [--jobs 2] [--reps 2]
           [--per-worker 1,2,4,8,16] [--json FILE]
"""
from __future__ import annotations

import argparse
import filecmp
import json
import math
from statistics import median
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import default_quotex, loadavg, log, measure  # noqa: E402
from measure import tree_pids  # noqa: E402
from build_corpus import DEFAULT_DATA, DEFAULT_ROOT, MB, build  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def tree_cpu(root: int) -> float:
    """User + system CPU seconds of ``root`` and its descendants so far."""
    total = 0
    for pid in tree_pids(root):
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return total / TICKS


class Cluster:
    """A scheduler and N single-threaded workers started for the benchmark
    (``dask scheduler``, ``dask worker``), as an existing cluster would be."""

    def __init__(self, jobs: int) -> None:
        import time

        bindir = Path(sys.executable).parent
        self.file = OUT / "dask-bench-scheduler.json"
        self.file.unlink(missing_ok=True)
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.procs = [subprocess.Popen([str(bindir / "dask"), "scheduler", "--port", "0",
                                        "--no-dashboard", "--scheduler-file", str(self.file)], **quiet)]
        while not self.file.exists():
            time.sleep(0.2)
        time.sleep(0.5)
        self.address = json.loads(self.file.read_text())["address"]
        self.procs.append(subprocess.Popen([str(bindir / "dask"), "worker", self.address,
                                            "--nworkers", str(jobs), "--nthreads", "1",
                                            "--no-dashboard"], **quiet))
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(jobs, timeout=300)

    def cpu(self) -> float:
        return sum(tree_cpu(p.pid) for p in self.procs)

    def close(self) -> None:
        for p in reversed(self.procs):
            p.terminate()
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


CLUSTER: Cluster | None = None


def run(quotex: list[str], corpus: Path, jobs: int, out: Path, extra: list[str]) -> dict[str, Any]:
    if CLUSTER is not None and "tcp" in extra:
        extra = [CLUSTER.address if e == "tcp" else e for e in extra]
    command = [*quotex, "extract", "--format", "jsonl", "--recursive", "--quiet",
               "--jobs", str(jobs), "-o", str(out), *extra, str(corpus)]
    before = CLUSTER.cpu() if CLUSTER is not None else 0.0
    result = measure(command)
    if CLUSTER is not None and CLUSTER.address in extra:
        result["cpu"] += CLUSTER.cpu() - before  # the workers' CPU too
    result["load"] = loadavg()
    if result["rc"] != 0:
        log(f"  warning: {' '.join(extra) or 'local'} exited {result['rc']}: {result['stderr'][-300:]}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--reps", type=int, default=2)
    parser.add_argument("--per-worker", default="1,2,4,8,16")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    corpus = build(args.data, args.mb, DEFAULT_ROOT)
    total = corpus.bytes
    OUT.mkdir(exist_ok=True)
    quotex = default_quotex()
    start_load = loadavg()
    log(f"corpus {corpus.path}: {corpus.files} files, {total / MB:.1f} MB; load {start_load:.2f}")

    global CLUSTER
    CLUSTER = Cluster(args.jobs)
    log(f"cluster at {CLUSTER.address}")
    try:
        return measure_all(args, corpus, quotex, start_load)
    finally:
        CLUSTER.close()


def measure_all(args: argparse.Namespace, corpus: Any, quotex: list[str], start_load: float) -> int:
    total = corpus.bytes
    configs: list[tuple[str, list[str], float | None]] = [
        ("local pool", [], None),
        ("--dask local (cluster start-up included)", ["--dask", "local"], 4.0),
        ("--dask tcp:// (running cluster)", ["--dask", "tcp"], 4.0)]
    sweep = [float(k) for k in args.per_worker.split(",") if k]
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _, _ in configs}
    reference = OUT / "dask-bench-local.jsonl"
    for rep in range(args.reps):
        for name, extra, _ in configs:
            out = reference if not extra else OUT / "dask-bench-dask.jsonl"
            log(f"rep {rep + 1}: {name}")
            runs[name].append(run(quotex, corpus.path, args.jobs, out, extra))
            if extra and not filecmp.cmp(reference, out, shallow=False):
                raise SystemExit(f"dask_bench: {name} output differs from the local pool's")
    for k in sweep:
        if k == 4:
            continue  # measured above (auto)
        size = math.ceil(total / (k * args.jobs))
        name = f"--dask tcp://, --partition-size {size}"
        configs.append((name, ["--dask", "tcp", "--partition-size", str(size)], k))
        log(f"{name}: --partition-size {size}")
        out = OUT / "dask-bench-dask.jsonl"
        runs[name] = [run(quotex, corpus.path, args.jobs, out, configs[-1][1])]
        if not filecmp.cmp(reference, out, shallow=False):
            raise SystemExit(f"dask_bench: {name} output differs from the local pool's")
    end_load = loadavg()

    local_wall = median([r["wall"] for r in runs["local pool"]])
    local_best = min(r["wall"] for r in runs["local pool"])
    local_cpu = median([r["cpu"] for r in runs["local pool"]])
    print(f"Corpus: {corpus.files} files, {total / MB:.1f} MB; --jobs {args.jobs}; "
          f"load average {start_load:.2f} at start, {end_load:.2f} at end; "
          f"{os.cpu_count()} CPUs; outputs byte-identical to the local pool's: yes\n")
    print("| run | partitions per worker | runs | wall s (median / best) | MB/s (median) | "
          "CPU s | cores busy | time / local pool (median / best) | CPU / local pool | load after |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, _, per_worker in configs:
        rs = runs[name]
        wall = median([r["wall"] for r in rs])
        best = min(r["wall"] for r in rs)
        cpu = median([r["cpu"] for r in rs])
        load = sum(r["load"] for r in rs) / len(rs)
        pw = "" if per_worker is None else f"{per_worker:g}"
        print(f"| {name} | {pw} | {len(rs)} | {wall:.1f} / {best:.1f} | {total / MB / wall:.2f} | "
              f"{cpu:.1f} | {cpu / wall:.2f} | {wall / local_wall:.2f}x / {best / local_best:.2f}x | "
              f"{cpu / local_cpu:.2f}x | {load:.1f} |")
    if args.json:
        args.json.write_text(json.dumps({"corpus": {"files": corpus.files, "bytes": total},
                                         "load": [start_load, end_load], "runs": runs}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
