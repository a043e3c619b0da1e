"""Fill in the offsets of the golden fixtures from their quoted strings.

Write a case with the words inside the marks in ``quote`` and leave ``start``
and ``end`` out (or wrong); this script finds each quote in the text, in
order, and writes the offsets back::

    .venv/bin/python tools/make_fixture.py                 # every fixtures/golden/*.json
    .venv/bin/python tools/make_fixture.py --check         # report drift, change nothing
    .venv/bin/python tools/make_fixture.py fixtures/golden/synthetic.json

Rules (see fixtures/golden/README.md):

* quotes are searched in document order, each after the end of the previous one;
* the character before ``quote`` must be a quotation mark (``start`` points at it);
* unless the quote has ``"closed": false``, the character after ``quote`` must be
  a quotation mark too and ``end`` is just after it;
* with ``"closed": false`` the quote runs to the end of its paragraph
  (``end`` is the index of the next newline, or the end of the text).

The file is rewritten with stable formatting: one case per block, one quote
per line, keys in schema order.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "fixtures" / "golden"

#: Every character quotex may treat as a quotation mark.
MARKS = frozenset("\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb"
                  "\u2039\u203a\u300c\u300d\u300e\u300f\u301d\u301e\u301f\uff02\uff07")

CASE_KEYS = ("label", "comment", "text", "text_file", "quotes", "expect")
QUOTE_KEYS = ("start", "end", "quote", "speaker", "cue", "addressees", "kind", "closed")


class FixtureError(Exception):
    """A quote string that cannot be placed in its case's text."""


def case_text(case: dict[str, Any]) -> str:
    """The text of a case, read from ``text_file`` (relative to the repo) if need be."""
    if "text" in case:
        return str(case["text"])
    return (ROOT / str(case["text_file"])).read_bytes().decode("utf-8")


def paragraph_end(text: str, pos: int) -> int:
    """Index of the newline ending the paragraph that holds ``pos`` (or len(text))."""
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def locate(text: str, quote: str, closed: bool, cursor: int) -> tuple[int, int]:
    """(start, end) of the first placement of ``quote`` at or after ``cursor``."""
    pos = text.find(quote, cursor)
    while pos >= 0:
        inner_end = pos + len(quote)
        opened = pos > 0 and text[pos - 1] in MARKS
        if closed:
            ok = inner_end < len(text) and text[inner_end] in MARKS
        else:
            ok = inner_end == paragraph_end(text, pos)
        if opened and ok and pos - 1 >= cursor:
            return pos - 1, inner_end + 1 if closed else inner_end
        pos = text.find(quote, pos + 1)
    raise FixtureError(f"cannot place {quote[:60]!r} (closed={closed}) after offset {cursor}")


def ordered(d: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """``d`` with its known keys first, in schema order, then the others."""
    out = {k: d[k] for k in keys if k in d}
    out.update({k: v for k, v in d.items() if k not in out})
    return out


def fill(case: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``case`` with start/end computed for every quote."""
    text = case_text(case)
    cursor = 0
    quotes = []
    for q in case.get("quotes", []):
        closed = q.get("closed", True)
        try:
            start, end = locate(text, q["quote"], closed, cursor)
        except FixtureError as exc:
            raise FixtureError(f"{case['label']}: {exc}") from None
        q = dict(q, start=start, end=end)
        q.setdefault("kind", "direct")
        quotes.append(ordered(q, QUOTE_KEYS))
        cursor = end
    return ordered(dict(case, quotes=quotes), CASE_KEYS)


def dump(cases: list[dict[str, Any]]) -> str:
    """Stable, diff-friendly JSON: one quote per line."""

    def js(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)

    out = ["["]
    for i, case in enumerate(cases):
        out.append("  {")
        items = list(case.items())
        for j, (k, v) in enumerate(items):
            comma = "," if j < len(items) - 1 else ""
            if k == "quotes" and v:
                out.append('    "quotes": [')
                for m, q in enumerate(v):
                    out.append("      " + js(q) + ("," if m < len(v) - 1 else ""))
                out.append("    ]" + comma)
            else:
                out.append(f"    {js(k)}: {js(v)}{comma}")
        out.append("  }" + ("," if i < len(cases) - 1 else ""))
    out.append("]")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="report files that would change")
    args = parser.parse_args(argv)
    files: list[Path] = args.files or sorted(GOLDEN.glob("*.json"))
    status = 0
    for path in files:
        try:
            cases = json.loads(path.read_text(encoding="utf-8"))
            new = dump([fill(c) for c in cases])
        except (FixtureError, json.JSONDecodeError, KeyError, OSError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            status = 1
            continue
        old = path.read_text(encoding="utf-8")
        if new != old:
            if args.check:
                print(f"{path}: offsets or formatting out of date", file=sys.stderr)
                status = 1
            else:
                path.write_text(new, encoding="utf-8")
                print(f"{path}: updated ({len(cases)} cases)")
        else:
            print(f"{path}: ok ({len(cases)} cases)")
    return status


if __name__ == "__main__":
    sys.exit(main())
