"""Fuzz the core for a fixed time: the property checks of tests/test_properties.py, many more examples.

    .venv/bin/python fuzz/fuzz_extract.py --minutes 10

Runs :func:`strategies.check_text` (extract, extract with terms, explain; every
record invariant) over hypothesis-generated text in batches with fresh random
seeds until the time is up. A failing example is shrunk by hypothesis and
written, with its traceback, to ``--out`` (JSON Lines); an example that takes
longer than ``--slow`` seconds is logged as slow; one that takes longer than
``--hang`` seconds is interrupted and counted as a failure. Exit status 1 when
anything failed.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from strategies import ANY_CHAR, MARKS, TEXTS, check_text, news_text, token_soup, wrapped_text  # noqa: E402

import quotex  # noqa: E402

#: What to fuzz with: the strategies of the property tests, and bigger documents.
STRATEGIES: dict[str, st.SearchStrategy[str]] = {
    "any": TEXTS,
    "news": news_text(),
    "wrapped": wrapped_text(),
    "glued": st.lists(st.one_of(news_text(), token_soup(), st.text(alphabet=ANY_CHAR, max_size=40)),
                      min_size=2, max_size=12).map("\n".join),
    "repeated": st.builds(lambda unit, k: "".join(unit) * k,
                          st.lists(st.sampled_from(list(MARKS) + [" ", "a", "A ", "said", ",", ".", "\n", "\t"]),
                                   min_size=1, max_size=8),
                          st.integers(1, 3000)),
    "noisy-news": st.builds(lambda t, noise, k: t[:k] + noise + t[k:], news_text(),
                            st.text(alphabet=ANY_CHAR, max_size=50), st.integers(0, 400)),
}


class Hang(Exception):
    """An example ran longer than --hang seconds."""


@dataclass
class Tally:
    examples: int = 0
    chars: int = 0
    batches: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    slow: list[tuple[float, str, int, str]] = field(default_factory=list)  # seconds, strategy, length, head
    by_strategy: dict[str, int] = field(default_factory=dict)


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang("example ran longer than the --hang limit")


def run_batch(name: str, strategy: st.SearchStrategy[str], size: int, stop: float, tally: Tally,
              slow: float, hang: int) -> None:
    @settings(max_examples=size, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate, Phase.shrink])
    @given(strategy)
    def prop(text: str) -> None:
        if time.monotonic() > stop:
            return  # out of time: let the batch drain
        tally.examples += 1
        tally.chars += len(text)
        tally.by_strategy[name] = tally.by_strategy.get(name, 0) + 1
        signal.alarm(hang)
        t0 = time.process_time()
        try:
            check_text(text)
        finally:
            signal.alarm(0)
        seconds = time.process_time() - t0
        if seconds > slow:
            tally.slow.append((seconds, name, len(text), text[:200]))

    try:
        prop()
    except Exception as exc:  # a property failed; hypothesis has shrunk it
        tb = "".join(traceback.format_exception(exc))
        tally.failures.append({"strategy": name, "error": f"{type(exc).__name__}: {exc}"[:2000],
                               "traceback": tb[-8000:], "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        print(f"FAILURE in {name}:\n{tb[-3000:]}", flush=True)
    tally.batches += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz (default 10)")
    ap.add_argument("--batch", type=int, default=500, help="examples per hypothesis run (default 500)")
    ap.add_argument("--slow", type=float, default=1.0, help="log examples slower than this many seconds")
    ap.add_argument("--hang", type=int, default=30, help="interrupt an example after this many seconds")
    ap.add_argument("--out", default="/tmp/quotex-fuzz-failures.jsonl", help="failures, as JSON Lines")
    args = ap.parse_args(argv)

    signal.signal(signal.SIGALRM, _alarm)
    quotex.extract('"Warm," he said.')
    start = time.monotonic()
    stop = start + args.minutes * 60
    tally = Tally()
    last_report = start
    print(f"quotex {quotex.__version__}: fuzzing for {args.minutes:g} min, batches of {args.batch}", flush=True)
    while time.monotonic() < stop:
        for name, strategy in STRATEGIES.items():
            if time.monotonic() >= stop:
                break
            run_batch(name, strategy, args.batch, stop, tally, args.slow, args.hang)
            now = time.monotonic()
            if now - last_report > 60:
                last_report = now
                print(f"[{(now - start) / 60:5.1f} min] examples {tally.examples}, failures {len(tally.failures)}, "
                      f"slow {len(tally.slow)}", flush=True)
    elapsed = time.monotonic() - start
    if tally.failures:
        with open(args.out, "a", encoding="utf-8") as f:
            for fail in tally.failures:
                f.write(json.dumps(fail) + "\n")
    print(f"done: {elapsed / 60:.1f} min, {tally.batches} batches, {tally.examples} examples "
          f"({tally.chars} chars; {', '.join(f'{k} {v}' for k, v in tally.by_strategy.items())}), "
          f"failures {len(tally.failures)}, slow (> {args.slow:g}s) {len(tally.slow)}", flush=True)
    for seconds, name, length, head in sorted(tally.slow, reverse=True)[:10]:
        print(f"  slow: {seconds:.2f}s {name} {length} chars {head[:80]!r}", flush=True)
    if tally.failures:
        print(f"failures written to {args.out}", flush=True)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
