"""Golden fixtures: every case in fixtures/golden/*.json (schema in its README.md).

Three tests per case:

* ``test_fixture_consistent``: the fixture itself is well-formed (offsets match
  the quoted words, marks at both ends, records in order);
* ``test_invariants``: whatever ``quotex.extract`` returns for the text obeys the
  record invariants (with and without ``terms=True``); run on every case,
  known failures included;
* ``test_case``: the speech records (kind ``direct`` or ``mixed``) match the expected
  quotes (start, end, kind, speaker, and cue / addressees where the fixture gives them). Cases with
  ``"expect": "fail"`` run as strict xfails: they fail the suite the day they pass.
"""
from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import quotex
from quotex import KINDS, Quote
from strategies import opening_length

ROOT = Path(__file__).parent.parent
GOLDEN = ROOT / "fixtures" / "golden"

#: Every character quotex may treat as a quotation mark (also in tools/make_fixture.py).
MARKS = frozenset("\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb"
                  "\u2039\u203a\u300c\u300d\u300e\u300f\u301d\u301e\u301f\uff02\uff07")

#: The kinds of record a fixture lists: speech, whole ("direct") or a fragment in the speaker's clause ("mixed").
SPEECH = ("direct", "mixed")

CASE_KEYS = {"label", "comment", "text", "text_file", "quotes", "expect"}
QUOTE_KEYS = {"start", "end", "quote", "speaker", "cue", "addressees", "kind", "closed"}


@dataclass(frozen=True)
class Case:
    file: str
    label: str
    comment: str
    text: str
    quotes: tuple[dict[str, Any], ...]
    expect: str

    @property
    def id(self) -> str:
        return f"{self.file}:{self.label}"


def _read_text(raw: dict[str, Any]) -> str:
    if "text" in raw:
        return str(raw["text"])
    # bytes, not read_text(): no newline translation, offsets stay exact
    return (ROOT / str(raw["text_file"])).read_bytes().decode("utf-8")


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(GOLDEN.glob("*.json")):
        for raw in json.loads(path.read_text(encoding="utf-8")):
            cases.append(
                Case(
                    file=path.stem,
                    label=raw["label"],
                    comment=raw.get("comment", ""),
                    text=_read_text(raw),
                    quotes=tuple(raw.get("quotes", [])),
                    expect=raw.get("expect", "pass"),
                )
            )
    return cases


CASES = load_cases()
RAW = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(GOLDEN.glob("*.json"))}


def _params(strict: bool) -> list[Any]:
    out = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case.comment)] if strict and case.expect == "fail" else []
        out.append(pytest.param(case, id=case.id, marks=marks))
    return out


# ---------------------------------------------------------------- helpers


def _at_paragraph_end(text: str, pos: int) -> bool:
    return pos == len(text) or text[pos] in "\r\n"


def _snippet(text: str, start: int, end: int, width: int = 48) -> str:
    s = text[start:end].replace("\n", "\u21b5")
    return s if len(s) <= width else s[: width - 12] + "\u2026" + s[-11:]


def _fmt_row(text: str, rec: dict[str, Any], fields: Sequence[str]) -> str:
    parts = [f"[{rec['start']}:{rec['end']}]"]
    for f in fields:
        v = rec.get(f)
        if f == "addressees":
            v = sorted(v or [])
        parts.append(f"{f}={v!r}")
    parts.append(_snippet(text, rec["start"], rec["end"]))
    return " ".join(parts)


def check_record_invariants(text: str, q: Quote) -> None:
    """The invariants every record of quotex.extract must satisfy."""
    where = f"record {q!r}"
    assert 0 <= q.start < q.end <= len(text), where
    span = text[q.start : q.end]
    opening = opening_length(span)
    assert opening, f"{where}: does not start with a quotation mark or a dialogue dash: {span[:20]!r}"
    assert q.kind in KINDS, where
    assert q.speaker is None or (isinstance(q.speaker, str) and q.speaker.strip() == q.speaker != ""), where
    assert isinstance(q.addressees, tuple), where
    assert isinstance(q.quote, str) and q.quote in span, f"{where}: quote is not inside text[start:end]"
    closed_ok = len(span) >= 2 and span[-1] in MARKS and q.quote == span[1:-1]
    unclosed_ok = _at_paragraph_end(text, q.end) and q.quote == span[opening:]
    if "\n" not in span:
        # single paragraph: closed with a mark, or cut at the end of its paragraph
        assert closed_ok or unclosed_ok, f"{where}: quote {q.quote!r} is not the text inside {span!r}"
    else:
        # several paragraphs: ends with a closing mark or at a paragraph end
        assert span[-1] in MARKS or _at_paragraph_end(text, q.end), where
    mention = (q.mention, q.mention_start, q.mention_end)
    if any(m is not None for m in mention):
        assert q.mention is not None and q.mention_start is not None and q.mention_end is not None, where
        assert text[q.mention_start : q.mention_end] == q.mention, f"{where}: mention offsets"


def check_sorted_disjoint(starts_ends: Sequence[tuple[int, int]]) -> None:
    for (s1, e1), (s2, e2) in zip(starts_ends, starts_ends[1:]):
        assert s1 < s2 and e1 <= s2, f"records out of order or overlapping: [{s1}:{e1}] then [{s2}:{e2}]"


# ---------------------------------------------------------------- the fixtures themselves


def test_fixture_files_well_formed() -> None:
    assert RAW, f"no fixtures in {GOLDEN}"
    for stem, cases in RAW.items():
        labels = [c["label"] for c in cases]
        assert len(labels) == len(set(labels)), f"{stem}: duplicate labels"
        for c in cases:
            assert set(c) <= CASE_KEYS, f"{stem}:{c['label']}: unknown keys {set(c) - CASE_KEYS}"
            assert ("text" in c) != ("text_file" in c), f"{stem}:{c['label']}: give text or text_file"
            assert c.get("expect", "pass") in ("pass", "fail"), c["label"]
            assert c.get("comment"), f"{stem}:{c['label']}: say what the case is about"
            assert (c.get("expect") == "fail") == (stem == "known-failures"), (
                f"{stem}:{c['label']}: known failures (and only they) live in known-failures.json"
            )
            if stem == "negative":
                assert c["quotes"] == [], f"negative:{c['label']} must expect no quotes"
            for q in c["quotes"]:
                assert set(q) <= QUOTE_KEYS, f"{stem}:{c['label']}: unknown keys {set(q) - QUOTE_KEYS}"


@pytest.mark.parametrize("case", _params(strict=False))
def test_fixture_consistent(case: Case) -> None:
    text = case.text
    for q in case.quotes:
        start, end = q["start"], q["end"]
        assert 0 <= start < end <= len(text), q
        span = text[start:end]
        assert span[0] in MARKS, f"{q}: does not start with a mark"
        assert q.get("kind", "direct") in SPEECH, q
        assert q["speaker"] is None or isinstance(q["speaker"], str), q
        assert isinstance(q.get("addressees", []), list), q
        if q.get("closed", True):
            assert span[-1] in MARKS, f"{q}: closed quote does not end with a mark"
            assert q["quote"] == span[1:-1], q
        else:
            assert _at_paragraph_end(text, end), f"{q}: unclosed quote must run to its paragraph end"
            assert q["quote"] == span[1:], q
    check_sorted_disjoint([(q["start"], q["end"]) for q in case.quotes])


# ---------------------------------------------------------------- quotex on the fixtures


@pytest.mark.parametrize("case", _params(strict=False))
def test_invariants(case: Case) -> None:
    for terms in (False, True):
        first = quotex.extract(case.text, terms=terms)
        assert first == quotex.extract(case.text, terms=terms), "extract is not deterministic"
        for q in first:
            check_record_invariants(case.text, q)
        check_sorted_disjoint([(q.start, q.end) for q in first])
        if not terms:
            assert all(q.kind != "term" for q in first), "terms=False returned a term"
        else:
            plain = quotex.extract(case.text)
            assert [q for q in first if q.kind != "term"] == plain, "terms=True changed the direct records"


@pytest.mark.parametrize("case", _params(strict=True))
def test_case(case: Case) -> None:
    text = case.text
    got = [q for q in quotex.extract(text) if q.kind in SPEECH]
    by_span = {(q["start"], q["end"]): q for q in case.quotes}

    def fields_for(exp: dict[str, Any] | None) -> list[str]:
        if exp is None:
            return ["speaker", "cue", "addressees"]
        return ["speaker"] + [f for f in ("cue", "addressees") if f in exp]

    def norm(rec: dict[str, Any], fields: Sequence[str]) -> tuple[Any, ...]:
        vals = [rec["start"], rec["end"], rec.get("kind", "direct")]
        for f in fields:
            vals.append(sorted(rec.get(f) or []) if f == "addressees" else rec.get(f))
        return tuple(map(repr, vals))

    expected_rows, actual_rows, exp_lines, act_lines = [], [], [], []
    for exp in case.quotes:
        f = fields_for(exp)
        expected_rows.append(norm(exp, f))
        exp_lines.append(_fmt_row(text, exp, f))
    for q in got:
        rec = {"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker, "cue": q.cue, "addressees": list(q.addressees)}
        f = fields_for(by_span.get((q.start, q.end)))
        actual_rows.append(norm(rec, f))
        act_lines.append(_fmt_row(text, rec, f))

    if expected_rows != actual_rows:
        diff = "\n".join(
            difflib.unified_diff(exp_lines, act_lines, "expected", "quotex.extract", lineterm="", n=len(exp_lines) + len(act_lines))
        )
        rules = "\n".join(f"  [{q.start}:{q.end}] rule={q.rule} mention={q.mention!r}" for q in got)
        pytest.fail(f"{case.id}: {case.comment}\n{diff}\nrules that fired:\n{rules}", pytrace=False)
