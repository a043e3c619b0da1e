"""A long file with no line breaks is read in pieces cut between sentences, outside
quotations, so that no quotation is lost or cut short at a piece boundary."""
from __future__ import annotations

from pathlib import Path

import quotex
from quotex.inputs import Document, iter_documents

UNIT = ('"We will not stop this," Jane Smith, the minister, told reporters on Tuesday. '
        'She said the plan was "a first step". "It works," he added. ')


def test_pieces_of_a_file_without_line_breaks_keep_every_quote(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(UNIT * 300)
    docs = [d for d in iter_documents([str(path)], chunk_size=4096) if isinstance(d, Document)]
    assert len(docs) > 1
    # terms=True: a piece may lose the sentence that made "a first step" speech, not the quote itself
    quotes = [q.quote for d in docs for q in quotex.extract(d.text, terms=True)]
    assert len(quotes) == 900  # 893 before: pieces were cut after any space, inside quotations too
    assert set(quotes) == {"We will not stop this,", "a first step", "It works,"}
    assert all(d.text.endswith(". ") for d in docs[:-1])  # cut between sentences
