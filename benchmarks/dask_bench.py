"""quotex on Dask against the local pool, on the benchmark corpus (issue 11).

Runs, interleaved and each in a fresh process through ``measure.py``:
``quotex extract --format jsonl --recursive --jobs N -o OUT DIR`` (the local
pool) and the same with ``--dask local`` (a LocalCluster of N single-threaded
worker processes, cluster start-up included), first with ``--partition-size
auto``, then with partition sizes giving 1, 2, 4, 8, 16 partitions per worker.
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
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import default_quotex, loadavg, log, measure  # noqa: E402
from build_corpus import DEFAULT_DATA, DEFAULT_ROOT, MB, build  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def run(quotex: list[str], corpus: Path, jobs: int, out: Path, extra: list[str]) -> dict[str, Any]:
    command = [*quotex, "extract", "--format", "jsonl", "--recursive", "--quiet",
               "--jobs", str(jobs), "-o", str(out), *extra, str(corpus)]
    result = measure(command)
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

    configs: list[tuple[str, list[str], float | None]] = [("local pool", [], None),
                                                          ("dask auto", ["--dask", "local"], 4.0)]
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
        size = math.ceil(total / (k * args.jobs))
        name = f"dask, {k:g} per worker"
        configs.append((name, ["--dask", "local", "--partition-size", str(size)], k))
        log(f"{name}: --partition-size {size}")
        out = OUT / "dask-bench-dask.jsonl"
        runs[name] = [run(quotex, corpus.path, args.jobs, out, configs[-1][1])]
        if not filecmp.cmp(reference, out, shallow=False):
            raise SystemExit(f"dask_bench: {name} output differs from the local pool's")
    end_load = loadavg()

    local = sorted(r["wall"] for r in runs["local pool"])
    local_median = local[len(local) // 2]
    print(f"Corpus: {corpus.files} files, {total / MB:.1f} MB; --jobs {args.jobs}; "
          f"load average {start_load:.2f} at start, {end_load:.2f} at end; "
          f"{os.cpu_count()} CPUs; outputs byte-identical to the local pool's: yes\n")
    print("| run | partitions per worker | runs | wall s (median / best) | MB/s | CPU s | "
          "cores busy | time / local pool | load during |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, _, per_worker in configs:
        rs = runs[name]
        walls = sorted(r["wall"] for r in rs)
        median = walls[len(walls) // 2]
        cpu = sorted(r["cpu"] for r in rs)[len(rs) // 2]
        load = sum(r["load"] for r in rs) / len(rs)
        pw = "" if per_worker is None else f"{per_worker:g}"
        print(f"| {name} | {pw} | {len(rs)} | {median:.1f} / {walls[0]:.1f} | "
              f"{total / MB / median:.2f} | {cpu:.1f} | {cpu / median:.2f} | "
              f"{median / local_median:.2f}x | {load:.1f} |")
    if args.json:
        args.json.write_text(json.dumps({"corpus": {"files": corpus.files, "bytes": total},
                                         "load": [start_load, end_load], "runs": runs}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
