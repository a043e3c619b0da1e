"""A large input is read in pieces, each with the paragraphs around it as context:
a pronoun at the top of a piece still finds the name in the piece before, and the
records of a chunked file are those of the whole text."""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import quotex
from quotex import batch, decode
from quotex.batch import Result
from quotex.inputs import Document, iter_documents

INTRO = "City council notes, spring session.\n\n"
UNIT = ("Maria Lopez, the mayor of the town, spoke to reporters at the harbour on a windy morning "
        "about the new ferry line and the money the council had set aside for it.\n\n"
        '"We will open the line in May," she said.\n\n')
TEXT = INTRO + UNIT * 30


def test_context_before_starts_at_a_paragraph() -> None:
    text = "one one one.\n\ntwo two two.\n\nthree three."
    assert decode.context_before(text, len(text), size=20) == "three three."
    assert decode.context_before(text, len(text), size=100) == text
    assert decode.context_before(text, 14, size=100) == "one one one.\n\n"


def test_context_after_ends_at_a_paragraph() -> None:
    text = "one one one.\n\ntwo two two.\n\nthree three."
    assert decode.context_after(text, 0, size=20) == "one one one."
    assert decode.context_after(text, 14, size=100) == "two two two.\n\nthree three."


def test_no_context_without_a_line_break() -> None:
    """A context cut inside a paragraph could open a quotation that really closes."""
    text = 'He said "yes" and she said "no" and they left. ' * 10
    assert decode.context_before(text, len(text), size=50) == ""
    assert decode.context_after(text, 0, size=50) == ""


def test_with_context_keeps_warnings_before_their_piece() -> None:
    items: list[decode.Piece | str] = ["w1", decode.Piece("a\n\nb", 0, 4), "w2", decode.Piece("c\n\nd", 4, 4)]
    out = list(decode.with_context(iter(items)))
    assert [x if isinstance(x, str) else x.text for x in out] == ["w1", "a\n\nb", "w2", "c\n\nd"]
    first, second = out[1], out[3]
    assert isinstance(first, decode.Piece) and isinstance(second, decode.Piece)
    assert (first.before, first.after) == ("", "c\n\nd")
    assert (second.before, second.after) == ("a\n\nb", "")


@settings(max_examples=100, deadline=None)
@given(paragraphs=st.lists(st.text(alphabet="ab \n", max_size=30), min_size=1, max_size=20),
       chunk=st.integers(min_value=8, max_value=80), size=st.integers(min_value=1, max_value=60))
def test_context_is_whole_lines_next_to_the_piece(paragraphs: list[str], chunk: int, size: int) -> None:
    text = "\n\n".join(paragraphs)
    for k in range(0, len(text) + 1, max(1, chunk)):
        before, after = decode.context_before(text, k, size), decode.context_after(text, k, size)
        assert text[:k].endswith(before) and text[k:].startswith(after)
        assert len(before) <= max(size, 0) or before == text[:k]
        assert len(after) <= size
        head = len(text[:k]) - len(before)
        assert not before or head == 0 or text[head - 1] in "\r\n"  # starts a line
        assert not after or len(after) == len(text) - k or text[k + len(after)] in "\r\n"  # ends a line


def test_a_pronoun_at_the_top_of_a_piece_finds_the_name_before(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(TEXT, encoding="utf-8")
    whole = quotex.extract(TEXT)
    assert len(whole) == 30 and all(q.speaker == "Maria Lopez" for q in whole)
    for chunk in (300, 777, 1000):
        docs = [d for d in iter_documents([str(f)], chunk_size=chunk) if isinstance(d, Document)]
        assert len(docs) > 3 and any(d.before for d in docs) and any(d.after for d in docs)
        for jobs in (1, 2):
            got = [q for r in batch.run(iter_documents([str(f)], chunk_size=chunk), jobs=jobs)
                   if isinstance(r, Result) for q in r.quotes]
            assert got == whole, (chunk, jobs)


def test_a_long_corpus_record_is_read_with_context(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    results = [r for r in batch.run(iter_documents([str(corpus)], chunk_size=500)) if isinstance(r, Result)]
    assert len(results) > 3
    got = [q for r in results for q in r.quotes]
    assert got == quotex.extract(TEXT)
    assert all(TEXT[q.start:q.end].startswith('"') for q in got)


def test_explanations_stay_with_their_quotes(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(TEXT, encoding="utf-8")
    results = [r for r in batch.run(iter_documents([str(f)], chunk_size=400), explain=True)
               if isinstance(r, Result)]
    whole = quotex.explain(TEXT)
    got = [(q, why) for r in results for q, why in zip(r.quotes, r.explanations or [])]
    assert got == [(q, list(why)) for q, why in whole]
