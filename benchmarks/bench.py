"""Batch-processing benchmark of the quotex CLI, treated as a black box.

One run builds (or reuses) a 10 MB and a 100 MB corpus of real articles and
measures, with interleaved repetitions (floor, --jobs 1, --jobs N, floor, ...)
and medians:

  * throughput of ``quotex extract --format jsonl --recursive --jobs 1 DIR``
  * throughput with ``--jobs N`` (N = os.cpu_count()) and the speed-up
  * the floor baseline (walk + read + UTF-8 decode + one regex findall for
    quotation marks, see floor.py) and quotex's time relative to it
  * peak memory of both runs on both corpora
  * start-up time of ``quotex --version`` and of one small article

and prints a markdown table with the targets and PASS/FAIL.

Usage: python benchmarks/bench.py [--data DIR] [--mb 100] [--quick]
       [--reps 3] [--jobs N] [--quotex CMD] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_corpus import DEFAULT_DATA, DEFAULT_ROOT, MB, REPO, Corpus, build, load_texts  # noqa: E402

HERE = Path(__file__).resolve().parent
SEED = "seeds/000_2475380bb444d615.txt"

# Targets (see README.md).
TARGET_FLOOR_RATIO = 5.0        # quotex --jobs 1 time <= 5x the floor's time
TARGET_SPEEDUP_PER_CORE = 0.8   # --jobs N speed-up >= 0.8 * N (1.6x on 2 cores)
TARGET_RSS_GROWTH = 0.20        # peak RSS on 100 MB within 20% of 10 MB
TARGET_STARTUP = 0.3            # seconds
BUSY_LOAD = 0.75                # load average per CPU above which the table warns (ours included)


@dataclass
class Series:
    """Repeated measurements of one command on one corpus."""
    label: str
    command: list[str]
    runs: list[dict[str, Any]] = field(default_factory=list)

    def median(self, key: str) -> float:
        return statistics.median(r[key] for r in self.runs) if self.runs else float("nan")

    def best(self, key: str) -> float:
        return min((r[key] for r in self.runs), default=float("nan"))

    def peak(self, key: str) -> float:
        return max((r[key] for r in self.runs), default=float("nan"))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def loadavg() -> float:
    """The 1-minute load average (nan where /proc/loadavg is missing)."""
    try:
        with open("/proc/loadavg") as handle:
            return float(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return float("nan")


def wait_idle(limit: float, seconds: float) -> float:
    """Wait up to ``seconds`` for the 1-minute load to drop below ``limit``."""
    deadline = time.monotonic() + seconds
    load = loadavg()
    while load >= limit and time.monotonic() < deadline:
        time.sleep(5)
        load = loadavg()
    return load


def default_quotex() -> list[str]:
    beside = Path(sys.executable).parent / "quotex"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("quotex")
    return [found] if found else [sys.executable, "-m", "quotex"]


def measure(command: list[str], poll: float = 0.0) -> dict[str, Any]:
    """Run ``command`` once through measure.py in a fresh process."""
    wrapper = [sys.executable, str(HERE / "measure.py"), "--cwd", str(REPO)]
    if poll:
        wrapper += ["--poll", str(poll)]
    done = subprocess.run(wrapper + ["--"] + command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"bench: measure.py failed: {done.stderr.strip()[-500:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def check(run: dict[str, Any], what: str) -> None:
    """Warn (once per run) when a measured command did not exit cleanly."""
    if run["rc"] != 0:
        lines = run["stderr"].strip().splitlines()
        log(f"  warning: {what} exited {run['rc']}: {lines[-1] if lines else '(no stderr)'}")


def machine_info(quotex: list[str]) -> dict[str, Any]:
    model = ""
    try:
        with open("/proc/cpuinfo") as handle:
            model = next((ln.split(":", 1)[1].strip() for ln in handle if ln.startswith("model name")), "")
    except OSError:
        pass
    version = subprocess.run(quotex + ["--version"], capture_output=True, text=True, check=False, cwd=REPO)
    commit = subprocess.run(["git", "-C", str(REPO), "log", "-1", "--format=%h %s"],
                            capture_output=True, text=True, check=False)
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "quotex_version": (version.stdout.strip() or version.stderr.strip()).splitlines()[-1:] or ["?"],
        "git": commit.stdout.strip(),
        "date_utc": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()),
        "load_start": loadavg(),
    }


def sanity(quotex: list[str]) -> int:
    """Number of records quotex prints for the seed article; exits if it fails."""
    done = subprocess.run(quotex + ["extract", "--format", "jsonl", SEED], capture_output=True,
                          text=True, check=False, cwd=REPO)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["(no stderr)"]
        raise SystemExit(f"bench: {shlex.join(quotex)} extract failed on {SEED} "
                         f"(exit {done.returncode}): {tail[0]}")
    records = [ln for ln in done.stdout.splitlines() if ln.strip()]
    for line in records:
        json.loads(line)  # must be JSON lines
    return len(records)


def startup(quotex: list[str], runs: int) -> dict[str, Series]:
    series = {
        "python -c pass (reference)": Series("python", [sys.executable, "-c", "pass"]),
        "quotex --version": Series("version", quotex + ["--version"]),
        f"quotex extract --format jsonl {SEED.split('/')[-1]}":
            Series("seed", quotex + ["extract", "--format", "jsonl", SEED]),
    }
    for _ in range(runs):
        for s in series.values():
            s.runs.append(measure(s.command))
    for name, s in series.items():
        check(s.runs[0], name)
    return series


def throughput(quotex: list[str], corpus: Corpus, jobs: int, reps: int,
               slow: float, poll: float) -> dict[str, Series]:
    """Interleaved floor / --jobs 1 / --jobs N runs over ``corpus``."""
    base = quotex + ["extract", "--format", "jsonl", "--recursive"]
    series = {"floor": Series("floor", [sys.executable, str(HERE / "floor.py"), str(corpus.path)]),
              "j1": Series("--jobs 1", base + ["--jobs", "1", str(corpus.path)])}
    if jobs > 1:
        series["jn"] = Series(f"--jobs {jobs}", base + ["--jobs", str(jobs), str(corpus.path)])
    measure(series["floor"].command)  # warm the page cache
    rep = 0
    while rep < reps:
        for key, s in series.items():
            run = measure(s.command, poll if key != "floor" else 0.0)
            s.runs.append(run)
            if rep == 0:
                check(run, s.label)
            log(f"  {corpus.path.name} rep {rep + 1}/{reps} {s.label:>9}: {run['wall']:7.2f} s "
                f"{corpus.bytes / MB / run['wall']:8.2f} MB/s  rss {run['maxrss_mb']:.0f} MB")
        if rep == 0 and reps > 2 and series["j1"].runs[0]["wall"] > slow:
            log(f"  --jobs 1 took > {slow:g} s: 2 repetitions for {corpus.path.name}")
            reps = 2
        rep += 1
    return series


def fmt(value: float, spec: str = ".2f", unit: str = "") -> str:
    return "n/a" if value != value else f"{value:{spec}}{unit}"  # NaN check


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def summarize(corpora: list[Corpus], results: list[dict[str, Series]], jobs: int) -> dict[str, Any]:
    """Per-corpus numbers from the medians."""
    out: dict[str, Any] = {}
    for corpus, series in zip(corpora, results):
        mb = corpus.bytes / MB
        floor_t = series["floor"].median("wall")
        j1_t = series["j1"].median("wall")
        jn_t = series["jn"].median("wall") if "jn" in series else float("nan")
        out[corpus.path.name] = {
            "files": corpus.files, "bytes": corpus.bytes,
            "reps": len(series["j1"].runs),
            "floor_s": floor_t, "floor_mbps": mb / floor_t,
            "j1_s": j1_t, "j1_mbps": mb / j1_t, "j1_cpu_s": series["j1"].median("cpu"),
            "jn_s": jn_t, "jn_mbps": mb / jn_t,
            "jn_cpu_s": series["jn"].median("cpu") if "jn" in series else float("nan"),
            "speedup": j1_t / jn_t, "floor_ratio": j1_t / floor_t,
            "speedup_best": (series["j1"].best("wall") / series["jn"].best("wall")
                             if "jn" in series else float("nan")),
            "j1_cores": series["j1"].median("cpu") / j1_t,
            "jn_cores": series["jn"].median("cpu") / jn_t if "jn" in series else float("nan"),
            "j1_rss_mb": series["j1"].peak("maxrss_mb"),
            "j1_tree_rss_mb": series["j1"].peak("tree_rss_mb"),
            "jn_rss_mb": series["jn"].peak("maxrss_mb") if "jn" in series else float("nan"),
            "jn_tree_rss_mb": series["jn"].peak("tree_rss_mb") if "jn" in series else float("nan"),
            "rc": sorted({r["rc"] for s in series.values() for r in s.runs}),
            "runs": {key: s.runs for key, s in series.items()},
        }
    return out


def growth(small: float, large: float) -> float:
    return abs(large - small) / min(large, small) if min(large, small) > 0 else float("nan")


def table(info: dict[str, Any], numbers: dict[str, Any], starts: dict[str, Series],
          jobs: int, command: str) -> tuple[str, dict[str, bool | None]]:
    names = list(numbers)
    last = numbers[names[-1]]
    head = "| metric | " + " | ".join(n.replace("mb", " MB") for n in names) + " | target | result |"
    rule = "|---|" + "---:|" * len(names) + "---|---|"
    verdicts: dict[str, bool | None] = {}

    def row(metric: str, key: str, spec: str, unit: str = "", target: str = "",
            ok: bool | None = None, name: str = "") -> str:
        if name:
            verdicts[name] = ok
        cells = " | ".join(fmt(numbers[n][key], spec, unit) for n in names)
        return f"| {metric} | {cells} | {target} | {verdict(ok) if target else ''} |"

    speed_target = TARGET_SPEEDUP_PER_CORE * jobs
    lines = [head, rule,
             row("floor: walk+read+decode+regex (MB/s)", "floor_mbps", ".1f"),
             row("quotex --jobs 1 (MB/s)", "j1_mbps", ".2f"),
             row("quotex --jobs 1 wall (s)", "j1_s", ".2f")]
    if jobs > 1:
        lines += [row(f"quotex --jobs {jobs} (MB/s)", "jn_mbps", ".2f"),
                  row(f"quotex --jobs {jobs} wall (s)", "jn_s", ".2f"),
                  row(f"speed-up --jobs {jobs} vs --jobs 1", "speedup", ".2f", "x",
                      f">= {speed_target:.1f}x", last["speedup"] >= speed_target, "speedup")]
    lines.append(row("time ratio quotex --jobs 1 / floor", "floor_ratio", ".1f", "x",
                     f"<= {TARGET_FLOOR_RATIO:g}x", last["floor_ratio"] <= TARGET_FLOOR_RATIO,
                     "floor_ratio"))

    def rss_row(metric: str, key: str, name: str) -> str:
        if len(names) < 2:
            return row(metric, key, ".1f")
        g = growth(numbers[names[0]][key], last[key])
        return row(metric, key, ".1f", "", f"within {TARGET_RSS_GROWTH:.0%} (got {g:.0%})",
                   g <= TARGET_RSS_GROWTH, name)

    lines.append(rss_row("peak RSS --jobs 1 (MB)", "j1_rss_mb", "rss_j1"))
    if jobs > 1:
        lines.append(rss_row(f"peak RSS --jobs {jobs}, largest process (MB)", "jn_rss_mb", "rss_jn"))
        lines.append(rss_row(f"peak RSS --jobs {jobs}, whole tree summed (MB)", "jn_tree_rss_mb",
                             "rss_jn_tree"))
    lines += [row("quotex --jobs 1 CPU (s)", "j1_cpu_s", ".2f"),
              row("quotex --jobs 1 cores busy (CPU s / wall s)", "j1_cores", ".2f")]
    if jobs > 1:
        lines += [row(f"quotex --jobs {jobs} CPU, all processes (s)", "jn_cpu_s", ".2f"),
                  row(f"quotex --jobs {jobs} cores busy (CPU s / wall s)", "jn_cores", ".2f"),
                  row("speed-up from the fastest runs (less noise)", "speedup_best", ".2f", "x")]

    lines += ["", "| start-up (median) | wall (s) | peak RSS (MB) | target | result |",
              "|---|---:|---:|---|---|"]
    for i, (name, s) in enumerate(starts.items()):
        wall = s.median("wall")
        if i == 0:
            lines.append(f"| `{name}` | {wall:.3f} | {s.peak('maxrss_mb'):.0f} | | |")
            continue
        ok = wall < TARGET_STARTUP
        verdicts[f"startup_{s.label}"] = ok
        lines.append(f"| `{name}` | {wall:.3f} | {s.peak('maxrss_mb'):.0f} | < {TARGET_STARTUP:g} s "
                     f"| {verdict(ok)} |")

    corpora = ", ".join(f"{n}: {numbers[n]['files']} files, {numbers[n]['bytes']:,} bytes, "
                        f"{numbers[n]['reps']} reps" for n in names)
    problems = [f"{n} exit codes {numbers[n]['rc']}" for n in names if numbers[n]["rc"] != [0]]
    header = [
        f"quotex benchmark: {info['date_utc']} UTC, git {info['git']}",
        f"machine: {info['cpu_count']} CPUs ({info['cpu_model']}), Python {info['python']}, "
        f"{info['platform']}, {info['quotex_version'][0]}",
        f"command: {command}",
        f"corpora: {corpora}",
        "MB = 10^6 bytes of input; times are medians of interleaved runs; RSS is the peak over runs.",
    ]
    if problems:
        header.append("WARNING: non-zero exit codes: " + "; ".join(problems))
    busy = max(info["load_start"], info.get("load_end", 0.0))
    header.append(f"load average (1 min) at start {info['load_start']:.2f}, at end "
                  f"{info.get('load_end', float('nan')):.2f}")
    if busy > BUSY_LOAD * (info["cpu_count"] or 1):
        header.append("WARNING: the machine was busy with other processes; wall times and speed-up "
                      "are pessimistic (CPU seconds are less affected)")
    return "\n".join(header + [""] + lines), verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the quotex CLI on a large folder of articles.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder of *.jsonl files whose 'text' fields make the corpus")
    parser.add_argument("--mb", type=float, default=100.0, help="size of the large corpus (MB)")
    parser.add_argument("--small-mb", type=float, default=10.0, help="size of the small corpus (MB)")
    parser.add_argument("--corpus-dir", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--reps", type=int, default=3, help="repetitions per measurement")
    parser.add_argument("--slow", type=float, default=60.0,
                        help="if one --jobs 1 run exceeds this many seconds, use 2 repetitions")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="N for --jobs N")
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument("--poll", type=float, default=0.1,
                        help="seconds between /proc samples of the process tree's RSS (0: off)")
    parser.add_argument("--quotex", help="command to run quotex (default: the quotex beside this python)")
    parser.add_argument("--wait-idle", type=float, default=0.0, metavar="SECONDS",
                        help="first wait up to SECONDS for the 1-minute load average to drop below 0.5")
    parser.add_argument("--quick", action="store_true", help="10 MB only, 1 repetition (smoke run)")
    parser.add_argument("--json", type=Path, help="also write all numbers and raw runs here")
    args = parser.parse_args(argv)

    quotex = shlex.split(args.quotex) if args.quotex else default_quotex()
    reps = 1 if args.quick else max(1, args.reps)
    sizes = [args.small_mb] if args.quick else sorted({args.small_mb, args.mb})
    command = "python benchmarks/bench.py " + shlex.join(sys.argv[1:] if argv is None else argv)

    if args.wait_idle > 0:
        log(f"waiting up to {args.wait_idle:g} s for load < 0.5 (now {loadavg():.2f})")
        log(f"load is {wait_idle(0.5, args.wait_idle):.2f}")
    info = machine_info(quotex)
    log(f"quotex: {shlex.join(quotex)} ({info['quotex_version'][0]}), {info['cpu_count']} CPUs")
    records = sanity(quotex)
    log(f"sanity: {records} records for {SEED}")

    texts = load_texts(args.data)
    corpora = []
    for mb in sizes:
        corpus = build(args.data, mb, args.corpus_dir, texts=texts)
        state = "cached" if corpus.cached else "built"
        log(f"corpus {corpus.path}: {corpus.files} files, {corpus.bytes / MB:.1f} MB "
            f"({state} in {corpus.seconds:.1f} s)")
        corpora.append(corpus)

    startup_runs = max(1, 3 if args.quick else args.startup_runs)
    log(f"start-up: {startup_runs} runs each")
    starts = startup(quotex, startup_runs)
    results = []
    for corpus in corpora:
        log(f"throughput on {corpus.path.name}: {reps} interleaved repetitions")
        results.append(throughput(quotex, corpus, max(1, args.jobs), reps, args.slow, args.poll))

    info["load_end"] = loadavg()
    numbers = summarize(corpora, results, args.jobs)
    text, verdicts = table(info, numbers, starts, args.jobs, command)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"machine": info, "command": command, "quotex": quotex, "seed_records": records,
                   "corpora": numbers, "verdicts": verdicts,
                   "startup": {name: {"median_s": s.median("wall"), "runs": s.runs}
                               for name, s in starts.items()}}
        args.json.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
