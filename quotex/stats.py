"""Counts over extracted quotes, for ``quotex stats`` and the end-of-run summary.

Pure: no I/O, no Rich. Feed it each document's quotes with :meth:`Stats.add`
(or use :func:`compute`), then read the totals or :meth:`Stats.as_dict`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from quotex.records import Quote


@dataclass
class Stats:
    """Running totals over documents."""

    files: set[str] = field(default_factory=set)
    documents: int = 0
    quotes: int = 0
    attributed: int = 0
    failures: int = 0
    speakers: Counter[str | None] = field(default_factory=Counter)
    cues: Counter[str | None] = field(default_factory=Counter)

    def add(self, source: str, quotes: Sequence[Quote]) -> None:
        """Count one document (from file ``source``) and its quotes."""
        self.files.add(source)
        self.documents += 1
        for q in quotes:
            self.quotes += 1
            self.speakers[q.speaker] += 1
            self.cues[q.cue] += 1
            if q.speaker is not None:
                self.attributed += 1

    @property
    def distinct_speakers(self) -> int:
        return sum(1 for s in self.speakers if s is not None)

    @property
    def attributed_share(self) -> float:
        return self.attributed / self.quotes if self.quotes else 0.0

    def as_dict(self, top: int = 10) -> dict[str, Any]:
        """JSON-ready totals; ``speakers`` and ``cues`` keep the ``top`` most
        frequent (all when ``top`` is 0), most frequent first, ties by name.
        ``None`` stands for quotes without a speaker (or without a cue)."""

        def ranked(counter: Counter[str | None], key: str) -> list[dict[str, Any]]:
            rows = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))
            return [{key: k, "quotes": n} for k, n in (rows[:top] if top else rows)]

        return {
            "files": len(self.files),
            "documents": self.documents,
            "quotes": self.quotes,
            "attributed": self.attributed,
            "attributed_share": round(self.attributed_share, 4),
            "distinct_speakers": self.distinct_speakers,
            "failures": self.failures,
            "speakers": ranked(self.speakers, "speaker"),
            "cues": ranked(self.cues, "cue"),
        }


def compute(documents: Iterable[tuple[str, Sequence[Quote]]]) -> Stats:
    """Stats over ``(source, quotes)`` pairs."""
    stats = Stats()
    for source, quotes in documents:
        stats.add(source, quotes)
    return stats
