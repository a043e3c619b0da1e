"""Counts over extracted quotes, for ``quotex stats`` and the end-of-run summary.

Pure: no I/O, no Rich. Feed it each document's quotes with :meth:`Stats.add`
(or use :func:`compute`), then read the totals or :meth:`Stats.as_dict`.

Speakers are counted per *speaker id*, a corpus-level key for one person
across documents (see :func:`name_key` and :func:`speaker_ids`): the
canonical name a record gives is per document, so one person gets several
("Donald Trump", "Donald J. Trump", "President Trump", "Trump").
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from quotex.output import csv_text
from quotex.records import Quote


#: Words taken off the front of a name before it is compared: titles and
#: honorifics ("Mr.", "Sen.", "President", "Prime Minister"), compared without
#: their full stop and case. A name that is nothing but such words is kept.
TITLES: frozenset[str] = frozenset("""
    mr mrs ms miss mx dr doctor prof professor sir dame lord lady madam madame
    rev reverend fr father pastor rabbi imam sheikh cardinal archbishop bishop pope
    president vice prime minister premier chancellor secretary ambassador
    sen senator rep representative congressman congresswoman gov governor
    mayor judge justice attorney general gen lt col colonel maj major capt captain
    sgt sergeant adm admiral cmdr commander officer detective inspector commissioner
    chairman chairwoman chair ceo king queen prince princess emperor former the
    """.split())

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
                              "`": "'", "\u00b4": "'", "\u2010": "-", "\u2011": "-"})
_INITIAL = re.compile(r"(?:\w\.?)|(?:\w\.){2,}", re.UNICODE)


def _words(name: str) -> list[str]:
    """``name`` folded (apostrophes and hyphens unified, case folded) and split,
    leading titles dropped (unless nothing else is left)."""
    words = name.translate(_APOSTROPHES).casefold().split()
    i = 0
    while i < len(words) - 1 and words[i].rstrip(".,") in TITLES:
        i += 1
    return words[i:]


def name_key(name: str) -> str:
    """The form of a speaker name that is compared across documents: case and
    apostrophe variants (\u2019 and ') folded, leading titles and honorifics
    dropped, middle initials dropped. ``"President Donald J. Trump"`` and
    ``"donald trump"`` both give ``"donald trump"``; ``"O\u2019Brien"`` gives
    ``"o'brien"``. A leading initial stays (``"j. smith"``)."""
    words = _words(name)
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if not _INITIAL.fullmatch(w)] + [words[-1]]
    return " ".join(words)


def speaker_ids(names: Iterable[str]) -> dict[str, str]:
    """The speaker id of each name of a run: its :func:`name_key`, except that
    a bare surname (one word, such as ``"obama"`` from ``"Mr. Obama"``) is
    joined to the one longer key ending in that word (``"barack obama"``);
    when two longer keys end in it (``"donald trump"``, ``"melania trump"``)
    it stays apart, as its own id."""
    keys = {name: name_key(name) for name in names}
    by_surname: dict[str, set[str]] = {}
    for key in keys.values():
        words = key.split()
        if len(words) > 1:
            by_surname.setdefault(words[-1], set()).add(key)
    ids = {}
    for name, key in keys.items():
        full = by_surname.get(key, set()) if " " not in key else set()
        ids[name] = next(iter(full)) if len(full) == 1 else key
    return ids


def _label(names: Mapping[str, int]) -> str:
    """The fullest of a group's names (titles off): most words, then most quoted, then A-Z."""
    def shown(name: str) -> str:
        words = name.split()
        folded = _words(name)
        return " ".join(words[len(words) - len(folded):])

    best = min(names, key=lambda n: (-len(shown(n).split()), -len(shown(n)), -names[n], n))
    return shown(best)


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

    def add(self, source: str, quotes: Sequence[Quote], *, new_document: bool = True) -> None:
        """Count one document (from file ``source``) and its quotes; with
        ``new_document`` False, a further chunk of the last document."""
        self.files.add(source)
        if new_document:
            self.documents += 1
        for q in quotes:
            self.quotes += 1
            self.speakers[q.speaker] += 1
            self.cues[q.cue] += 1
            if q.speaker is not None:
                self.attributed += 1

    def merge(self, other: Stats) -> None:
        """Add the counts of ``other`` (from another process) to these."""
        self.files |= other.files
        self.documents += other.documents
        self.quotes += other.quotes
        self.attributed += other.attributed
        self.failures += other.failures
        self.speakers.update(other.speakers)
        self.cues.update(other.cues)

    def speaker_groups(self) -> list[tuple[str | None, str | None, int, dict[str, int]]]:
        """Quotes per speaker id: ``(id, label, quotes, {name: quotes})``, with
        ``(None, None, n, {})`` for the unattributed quotes."""
        named = {name: n for name, n in self.speakers.items() if name is not None}
        ids = speaker_ids(named)
        groups: dict[str, dict[str, int]] = {}
        for name, n in named.items():
            groups.setdefault(ids[name], {})[name] = n
        out: list[tuple[str | None, str | None, int, dict[str, int]]] = [
            (key, _label(members), sum(members.values()),
             dict(sorted(members.items(), key=lambda kv: (-kv[1], kv[0]))))
            for key, members in groups.items()]
        if self.speakers.get(None):
            out.append((None, None, self.speakers[None], {}))
        return out

    @property
    def distinct_speakers(self) -> int:
        """Distinct speaker ids (one person under several names counts once)."""
        named = [s for s in self.speakers if s is not None]
        return len(set(speaker_ids(named).values()))

    @property
    def attributed_share(self) -> float:
        return self.attributed / self.quotes if self.quotes else 0.0

    def as_dict(self, top: int = 10) -> dict[str, Any]:
        """JSON-ready totals; ``speakers`` and ``cues`` keep the ``top`` most
        frequent (all when ``top`` is 0), most frequent first, ties by name.
        ``None`` stands for quotes without a speaker (or without a cue).
        A speaker row is one speaker id: ``speaker`` (the fullest of its
        names), ``speaker_id``, ``quotes`` and ``names`` (quotes per name)."""

        def ranked(counter: Counter[str | None], key: str) -> list[dict[str, Any]]:
            rows = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))
            return [{key: k, "quotes": n} for k, n in (rows[:top] if top else rows)]

        groups = sorted(self.speaker_groups(),
                        key=lambda g: (-g[2], g[0] is None, g[1] or "", g[0] or ""))
        speakers = [{"speaker": label, "speaker_id": key, "quotes": n, "names": names}
                    for key, label, n, names in (groups[:top] if top else groups)]

        return {
            "files": len(self.files),
            "documents": self.documents,
            "quotes": self.quotes,
            "attributed": self.attributed,
            "attributed_share": round(self.attributed_share, 4),
            "distinct_speakers": self.distinct_speakers,
            "failures": self.failures,
            "speakers": speakers,
            "cues": ranked(self.cues, "cue"),
        }


def compute(documents: Iterable[tuple[str, Sequence[Quote]]]) -> Stats:
    """Stats over ``(source, quotes)`` pairs."""
    stats = Stats()
    for source, quotes in documents:
        stats.add(source, quotes)
    return stats


#: The header of ``quotex stats --format csv``.
CSV_HEADER = ("section", "name", "speaker_id", "count", "share")


def as_csv(stats: Stats, top: int = 10) -> str:
    """``quotex stats --format csv``: a header (:data:`CSV_HEADER`), then one
    row per total (section ``total``), per speaker id (``speaker``; an empty
    name for unattributed quotes) and per cue (``cue``). ``share`` is of all
    quotes (for ``attributed``, the attributed share); empty for counts."""
    d = stats.as_dict(top=top)
    rows: list[list[Any]] = [list(CSV_HEADER)]
    for key in ("files", "documents", "quotes", "attributed", "distinct_speakers", "failures"):
        share = d["attributed_share"] if key == "attributed" else ""
        rows.append(["total", key, "", d[key], share])
    quotes = d["quotes"]
    for row in d["speakers"]:
        rows.append(["speaker", row["speaker"] or "", row["speaker_id"] or "", row["quotes"],
                     round(row["quotes"] / quotes, 4) if quotes else 0.0])
    for row in d["cues"]:
        rows.append(["cue", row["cue"] or "", "", row["quotes"],
                     round(row["quotes"] / quotes, 4) if quotes else 0.0])
    return csv_text(rows)
