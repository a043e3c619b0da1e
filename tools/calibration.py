"""Check that quotex's ``confidence`` is calibrated against annotated quotes.

Usage:
    python tools/calibration.py GOLD.jsonl [GOLD.jsonl ...] [--by-rule]

GOLD files are JSON Lines, one document a line, in the shape
``{"id", "text", "quotes": [{"start", "end", "speaker", "speaker_aliases"}]}``
(the shape of the evaluation corpora the developers use; none ship with quotex).
For every gold quote with a named speaker that quotex finds, the record that
overlaps it most is taken, and its speaker is right when one name's words
(titles dropped) lie inside the other's, for the canonical name or an alias.

It prints, per confidence value, how many records and the share right, and the
line the project holds itself to: among records with confidence >= 0.9, at
least 95% name the right speaker. ``--by-rule`` also prints the share right per
(rule, kind of mention), the numbers behind ``quotex/data/confidence.tsv``.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import regex

import quotex
from quotex.lang.en.lexicon import load
from quotex.lang.en.words import DESCRIPTION_DETERMINERS, PRONOUNS

_IGNORED = frozenset("the a an of former then jr sr".split()) | PRONOUNS


def _tokens(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    lex = load()
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    name = regex.sub(r"['’]s\b", "", name.casefold())
    words = regex.findall(r"\w+", name)
    return frozenset(w for w in words if w not in _IGNORED and w not in lex.titles and w + "." not in lex.titles)


def same_person(predicted: str | None, gold: dict[str, Any]) -> bool:
    p = _tokens(predicted)
    if not p:
        return False
    for name in [gold.get("speaker")] + list(gold.get("speaker_aliases") or []):
        g = _tokens(name)
        if g and (p <= g or g <= p):
            return True
    return False


def mention_kind(q: quotex.Quote) -> str:
    if q.mention is None:
        return "none"
    first = q.mention.split()[0].lower()
    if first in PRONOUNS:
        return "pronoun"
    return "description" if first in DESCRIPTION_DETERMINERS else "name"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--by-rule", action="store_true", help="also print the share right per rule and mention")
    args = ap.parse_args(argv)
    n: Counter[float] = Counter()
    right: Counter[float] = Counter()
    rn: Counter[tuple[str, str]] = Counter()
    rright: Counter[tuple[str, str]] = Counter()
    for path in args.gold:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                doc = json.loads(line)
                records = [q for q in quotex.extract(doc["text"]) if q.speaker]
                for gold in doc["quotes"]:
                    if not _tokens(gold.get("speaker")) and not any(map(_tokens, gold.get("speaker_aliases") or [])):
                        continue
                    best = max(records, default=None,
                               key=lambda q: min(gold["end"], q.end) - max(gold["start"], q.start))
                    if best is None or min(gold["end"], best.end) <= max(gold["start"], best.start):
                        continue
                    ok = same_person(best.speaker, gold)
                    n[best.confidence] += 1
                    right[best.confidence] += ok
                    key = (best.rule or "-", mention_kind(best))
                    rn[key] += 1
                    rright[key] += ok
    print("confidence  records  share right")
    for c in sorted(n):
        print(f"{c:10.2f} {n[c]:8d}  {right[c] / n[c]:.3f}")
    high = sum(v for c, v in n.items() if c >= 0.9)
    high_right = sum(v for c, v in right.items() if c >= 0.9)
    share = high_right / high if high else 0.0
    verdict = "ok" if share >= 0.95 else "BELOW 0.95"
    print(f"confidence >= 0.9: {high} records, {share:.3f} right ({verdict})")
    if args.by_rule:
        print("\nrule                      mention      records  share right")
        for key, v in rn.most_common():
            print(f"{key[0]:25s} {key[1]:12s} {v:7d}  {rright[key] / v:.3f}")
    return 0 if share >= 0.95 or not high else 1


if __name__ == "__main__":
    sys.exit(main())
