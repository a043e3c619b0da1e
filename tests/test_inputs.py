"""quotex.inputs: what each kind of PATH yields, decoding, order, chunking."""
from __future__ import annotations

import codecs
import gzip
import io
import json
from pathlib import Path

import pytest

from quotex import decode, inputs
from quotex.inputs import Document, Problem, iter_documents, total_bytes


def docs(*paths: str | Path, **kw: object) -> list[Document | Problem]:
    return list(iter_documents([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def only_docs(items: list[Document | Problem]) -> list[Document]:
    return [d for d in items if isinstance(d, Document)]


def problems(items: list[Document | Problem]) -> list[Problem]:
    return [p for p in items if isinstance(p, Problem)]


# ---------------------------------------------------------------- decoding

def test_utf8_file(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes('“Да,” сказал он.'.encode())
    [d] = docs(f)
    assert isinstance(d, Document)
    assert d.text == "“Да,” сказал он."
    assert d.source == str(f) and d.id is None and d.line is None and d.base == 0
    assert d.size == f.stat().st_size


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_bom_picks_codec_and_is_stripped(tmp_path: Path, codec: str) -> None:
    text = 'He said: "hi" — ok.\r\n'
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
            "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}
    data = boms.get(codec, b"") + text.encode(codec)
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    items = docs(f)
    assert problems(items) == []
    [d] = only_docs(items)
    assert d.text == text


def test_utf16_without_bom_is_text(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes('"Hello," she said. '.encode("utf-16-le") * 20)
    items = docs(tmp_path)
    [d] = only_docs(items)
    assert d.text.startswith('"Hello," she said.')
    assert [p.severity for p in problems(items)] == ["warning"]


def test_cp1252_decoded_with_warning_first(tmp_path: Path) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes("\u201cCaf\u00e9,\u201d he said \u2014 fine.".encode("cp1252"))
    items = docs(f)
    assert isinstance(items[0], Problem)
    assert items[0].severity == "warning"
    assert items[0].message == "not valid UTF-8; decoded as cp1252"
    assert items[0].source == str(f)
    [d] = only_docs(items)
    assert d.text == "\u201cCaf\u00e9,\u201d he said \u2014 fine."


def test_cp1252_undefined_bytes_fall_back_to_latin1(tmp_path: Path) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes(b"a\x81b\x93c\x94")
    [d] = only_docs(docs(f))
    assert d.text == "a\x81b\u201cc\u201d"


def test_mostly_utf8_with_stray_bytes(tmp_path: Path) -> None:
    f = tmp_path / "mixed.txt"
    f.write_bytes("“Ünïcode” ".encode() + b"stray \x93byte\x94")
    items = docs(f)
    [p] = problems(items)
    assert p.severity == "warning" and "cp1252" in p.message
    [d] = only_docs(items)
    assert d.text == "“Ünïcode” stray “byte”"


def test_forced_encoding(tmp_path: Path) -> None:
    f = tmp_path / "koi.txt"
    f.write_bytes('"Привет", сказал он.'.encode("koi8-r"))
    [d] = only_docs(docs(f, encoding="koi8-r"))
    assert d.text == '"Привет", сказал он.'


def test_forced_encoding_with_bad_bytes_warns_and_replaces(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"abc \xff def")
    items = docs(f, encoding="ascii")
    assert [p.severity for p in problems(items)] == ["warning"]
    [d] = only_docs(items)
    assert d.text == "abc \ufffd def"


def test_forced_utf8_still_strips_bom(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(codecs.BOM_UTF8 + b"x")
    [d] = only_docs(docs(f, encoding="utf-8"))
    assert d.text == "x"


def test_unknown_encoding_is_one_problem(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("x")
    items = docs(f, f, encoding="no-such-codec")
    assert items == [Problem("--encoding", "unknown encoding: no-such-codec")]
    with pytest.raises(ValueError, match="unknown encoding"):
        inputs.check_encoding("no-such-codec")
    assert inputs.check_encoding("latin1") == "iso8859-1"


def test_newlines_are_kept(tmp_path: Path) -> None:
    text = 'One.\r\n\r\n"Two," he said.\rThree.\n'
    f = tmp_path / "a.txt"
    with open(f, "w", newline="", encoding="utf-8") as out:
        out.write(text)
    [d] = only_docs(docs(f))
    assert d.text == text
    assert d.text.index('"Two,"') == text.index('"Two,"')


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert docs(f) == [Document(str(f), "", size=0)]


def test_nul_bytes_in_text_warn_and_go_on(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"Some text\x00 with a NUL. " * 50)
    items = docs(f)
    assert [p.message for p in problems(items)] == ["contains NUL bytes"]
    [d] = only_docs(items)
    assert "\x00" in d.text


# ---------------------------------------------------------------- stdin, gzip

def test_stdin(tmp_path: Path) -> None:
    items = docs("-", stdin=io.BytesIO('"Hi," he said.\r\n'.encode()))
    assert items == [Document("-", '"Hi," he said.\r\n', size=16)]


def test_stdin_gzip_is_recognised() -> None:
    data = gzip.compress(b"zipped text")
    items = docs("-", stdin=io.BufferedReader(io.BytesIO(data)))
    [d] = only_docs(items)
    assert d.text == "zipped text"


def test_gz_text(tmp_path: Path) -> None:
    f = tmp_path / "a.txt.gz"
    f.write_bytes(gzip.compress("“Quoted,” she said.\r\n".encode()))
    [d] = docs(f)
    assert isinstance(d, Document)
    assert d.text == "“Quoted,” she said.\r\n"
    assert d.size == f.stat().st_size


def test_gz_that_is_not_gzip(tmp_path: Path) -> None:
    f = tmp_path / "a.txt.gz"
    f.write_bytes(b"plain")
    [p] = docs(f)
    assert isinstance(p, Problem) and p.severity == "error" and "gzip" in p.message


def test_truncated_gz(tmp_path: Path) -> None:
    f = tmp_path / "a.txt.gz"
    f.write_bytes(gzip.compress(b"x" * 10000)[:-12])
    items = docs(f)
    assert any(isinstance(p, Problem) and "gzip" in p.message for p in items)


# ---------------------------------------------------------------- JSON Lines

def write_jsonl(path: Path, lines: list[str], gz: bool = False) -> None:
    data = "".join(line + "\n" for line in lines).encode()
    path.write_bytes(gzip.compress(data) if gz else data)


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_records(tmp_path: Path, gz: bool) -> None:
    f = tmp_path / ("c.jsonl.gz" if gz else "c.jsonl")
    write_jsonl(f, [
        json.dumps({"id": "a1", "text": "First."}),
        "",
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": 7}),
        json.dumps({"id": 8, "text": None}),
        json.dumps({"text": "No id."}),
        json.dumps({"id": 9, "text": "Last “one”."}, ensure_ascii=False),
    ], gz)
    items = docs(f)
    got = [(type(i).__name__, i.line) for i in items]
    assert got == [("Document", 1), ("Problem", 3), ("Problem", 4), ("Problem", 5), ("Problem", 6),
                   ("Document", 7), ("Document", 8)]
    d1, d7, d8 = only_docs(items)
    assert (d1.id, d1.text, d1.source) == ("a1", "First.", str(f))
    assert d7.id == "7"  # no id: the line number
    assert (d8.id, d8.text) == ("9", "Last “one”.")
    assert all(p.severity == "error" and p.source == str(f) for p in problems(items))
    assert "not valid JSON" in problems(items)[0].message
    assert 'no "text" field' in problems(items)[2].message


def test_jsonl_fields_chosen(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    write_jsonl(f, [json.dumps({"doc": "x", "body": "Text."})])
    [d] = docs(f, text_field="body", id_field="doc")
    assert isinstance(d, Document) and (d.id, d.text) == ("x", "Text.")


def test_jsonl_long_lines_cross_the_sniff_block(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    texts = ["x" * (decode.SNIFF_BYTES - 30), "y" * 10, "z" * (3 * decode.SNIFF_BYTES)]
    write_jsonl(f, [json.dumps({"text": t}) for t in texts])
    assert [d.text for d in only_docs(docs(f))] == texts


def test_jsonl_crlf_and_bom(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_bytes(codecs.BOM_UTF8 + b'{"text": "a"}\r\n{"text": "b"}\r\n')
    assert [d.text for d in only_docs(docs(f))] == ["a", "b"]


# ---------------------------------------------------------------- folders

def make_tree(root: Path) -> None:
    for rel in ["b.txt", "a.md", "c.text", "skip.pdf.bin", "z.TXT", "n.txt.gz", "sub/x.txt", "sub/deeper/y.txt",
                "sub2/w.txt", ".hidden.txt", ".git/h.txt"]:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        data = rel.encode()
        p.write_bytes(gzip.compress(data) if rel.endswith(".gz") else data)


def sources(items: list[Document | Problem], root: Path) -> list[str]:
    return [Path(i.source).relative_to(root).as_posix() for i in items]


def test_folder_default_extensions_sorted(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert sources(docs(tmp_path), tmp_path) == ["a.md", "b.txt", "c.text", "n.txt.gz", "z.TXT"]


def test_folder_recursive_sorted_depth_first(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert sources(docs(tmp_path, recursive=True), tmp_path) == [
        "a.md", "b.txt", "c.text", "n.txt.gz", "sub/deeper/y.txt", "sub/x.txt", "sub2/w.txt", "z.TXT"]


def test_folder_order_is_deterministic(tmp_path: Path) -> None:
    for i in range(60):
        (tmp_path / f"f{(i * 37) % 60:03d}.txt").write_text(str(i))
    first = sources(docs(tmp_path), tmp_path)
    assert first == sorted(first) and len(first) == 60
    assert sources(docs(tmp_path), tmp_path) == first


def test_include_overrides_extensions(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert sources(docs(tmp_path, recursive=True, include=["*.bin", "sub/deeper/*"]), tmp_path) == [
        "skip.pdf.bin", "sub/deeper/y.txt"]


def test_exclude_files_and_prunes_folders(tmp_path: Path) -> None:
    make_tree(tmp_path)
    got = sources(docs(tmp_path, recursive=True, exclude=["sub", "*.md"]), tmp_path)
    assert got == ["b.txt", "c.text", "n.txt.gz", "sub2/w.txt", "z.TXT"]
    got = sources(docs(tmp_path, recursive=True, exclude=["sub/deeper"]), tmp_path)
    assert "sub/x.txt" in got and "sub/deeper/y.txt" not in got


def test_explicit_file_read_whatever_its_name(tmp_path: Path) -> None:
    f = tmp_path / "notes.weird"
    f.write_text("content")
    [d] = docs(f, exclude=["*.weird"])
    assert isinstance(d, Document) and d.text == "content"


def test_several_paths_in_order_and_missing_one(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    items = docs(tmp_path / "b.txt", tmp_path / "nope.txt", tmp_path / "a.txt")
    assert [type(i).__name__ for i in items] == ["Document", "Problem", "Document"]
    p = items[1]
    assert isinstance(p, Problem)
    assert p.severity == "error" and p.message == "cannot open: no such file or directory"


def test_folder_with_jsonl_corpus(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "c.jsonl", [json.dumps({"id": 1, "text": "t"})])
    (tmp_path / "a.txt").write_text("a")
    items = docs(tmp_path)
    assert [(Path(d.source).name, d.id) for d in only_docs(items)] == [("a.txt", None), ("c.jsonl", "1")]


def test_total_bytes(tmp_path: Path) -> None:
    make_tree(tmp_path)
    expected = sum((tmp_path / p).stat().st_size for p in ["a.md", "b.txt", "c.text", "n.txt.gz", "z.TXT"])
    assert total_bytes([str(tmp_path)]) == expected
    assert total_bytes([str(tmp_path), "-"]) is None
    assert total_bytes([str(tmp_path / "missing")]) == 0
    assert total_bytes([str(tmp_path)], recursive=True) == sum(
        d.size for d in only_docs(docs(tmp_path, recursive=True)))


# ---------------------------------------------------------------- chunking

def test_small_file_is_one_document(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("para one.\n\npara two.\n")
    assert len(docs(f, chunk_size=1000)) == 1


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_large_file_split_at_paragraphs(tmp_path: Path, newline: str) -> None:
    paras = [f'"Quote {i}," said person {i}. ' * (1 + i % 5) for i in range(200)]
    text = (newline * 2).join(paras) + newline
    f = tmp_path / "big.txt"
    f.write_bytes(text.encode())
    chunks = only_docs(docs(f, chunk_size=500))
    assert len(chunks) > 10
    assert "".join(c.text for c in chunks) == text
    for c in chunks:
        assert text[c.base : c.base + len(c.text)] == c.text
        assert c.source == str(f)
    for c in chunks[:-1]:
        assert c.text.endswith(newline * 2)
    assert sum(c.size for c in chunks) == len(text.encode())


def test_large_file_without_newlines_split_at_spaces(tmp_path: Path) -> None:
    text = " ".join(f"word{i}" for i in range(3000))
    f = tmp_path / "big.txt"
    f.write_text(text)
    chunks = only_docs(docs(f, chunk_size=700))
    assert "".join(c.text for c in chunks) == text
    assert all(c.text.endswith(" ") for c in chunks[:-1])
    assert max(len(c.text) for c in chunks) <= 2 * 700


def test_large_file_without_any_break_hard_split(tmp_path: Path) -> None:
    text = "é" * 5000
    f = tmp_path / "big.txt"
    f.write_text(text, encoding="utf-8")
    chunks = only_docs(docs(f, chunk_size=999))
    assert "".join(c.text for c in chunks) == text
    assert [c.base for c in chunks] == [sum(len(x.text) for x in chunks[:i]) for i in range(len(chunks))]


def test_large_multibyte_file_chunk_boundaries_never_split_characters(tmp_path: Path) -> None:
    text = "\n\n".join("«Цитата», — сказал он. 😀" * 3 for _ in range(300))
    for codec in ("utf-8", "utf-16"):
        f = tmp_path / f"big-{codec}.txt"
        f.write_bytes(text.encode(codec))
        chunks = only_docs(docs(f, chunk_size=333))
        assert "".join(c.text for c in chunks) == text
        assert sum(c.size for c in chunks) == f.stat().st_size


def test_large_legacy_file_decoded_consistently(tmp_path: Path) -> None:
    text = "\n\n".join(f"\u201cCaf\u00e9 {i},\u201d he said." for i in range(400))
    f = tmp_path / "big.txt"
    f.write_bytes(text.encode("cp1252"))
    items = docs(f, chunk_size=400)
    assert [p.message for p in problems(items)] == ["not valid UTF-8; decoded as cp1252"]
    assert "".join(c.text for c in only_docs(items)) == text


def test_large_gz_chunks_sizes_are_compressed_bytes(tmp_path: Path) -> None:
    text = "\n\n".join(f"Paragraph number {i} here." for i in range(2000))
    f = tmp_path / "big.txt.gz"
    f.write_bytes(gzip.compress(text.encode()))
    chunks = only_docs(docs(f, chunk_size=1000))
    assert len(chunks) > 5
    assert "".join(c.text for c in chunks) == text
    assert sum(c.size for c in chunks) == f.stat().st_size


def test_cut_point_rules() -> None:
    assert decode.cut_point("aaa\n\nbbb", 100) == 5
    assert decode.cut_point("aaa\r\n\r\nbbb", 100) == 7
    assert decode.cut_point("aaa\nbbb", 100) == 4
    assert decode.cut_point("aaa bbb", 100) == 4
    assert decode.cut_point("aaaaaaa", 100) == 7
    assert decode.cut_point("aaaaaaa", 3) == 4
    # the paragraph break too far back: the carry would exceed the limit
    assert decode.cut_point("a\n\nbbbbbb cc", 4) == 10


def test_cut_point_keeps_crlf_together() -> None:
    assert decode.cut_point("aaa\r\nbbb\r", 100) == 5
    assert decode.cut_point("aaa\r\n\r\nbb\r\n\r", 100) == 7


@pytest.mark.parametrize("chunk", [7, 13, 64, 101])
def test_chunks_reassemble_exactly_for_any_size(tmp_path: Path, chunk: int) -> None:
    text = "".join(f"Line {i}.\r\n" + ("\r\n" if i % 4 == 0 else "") + ("x" * (i % 30)) for i in range(300))
    f = tmp_path / "a.txt"
    f.write_bytes(text.encode())
    chunks = only_docs(docs(f, chunk_size=chunk))
    assert "".join(c.text for c in chunks) == text
    assert all(not c.text.endswith("\r") for c in chunks[:-1])
    assert all(text[c.base : c.base + len(c.text)] == c.text for c in chunks)


def test_jsonl_huge_record_is_split_with_bases(tmp_path: Path) -> None:
    text = "\n\n".join(f'"Quote {i}," he said.' for i in range(200))
    f = tmp_path / "c.jsonl"
    write_jsonl(f, [json.dumps({"id": "big", "text": text}), json.dumps({"id": "small", "text": "s"})])
    items = only_docs(docs(f, chunk_size=300))
    big = [d for d in items if d.id == "big"]
    assert len(big) > 5 and all(d.line == 1 for d in big)
    assert "".join(d.text for d in big) == text
    assert all(text[d.base : d.base + len(d.text)] == d.text for d in big)
    assert all(len(d.text) <= 300 for d in big)
    assert sum(d.size for d in items) == f.stat().st_size


def test_jsonl_gz_sizes_are_compressed_bytes(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl.gz"
    write_jsonl(f, [json.dumps({"id": i, "text": f"text {i} " * 50}) for i in range(500)], gz=True)
    items = only_docs(docs(f))
    assert len(items) == 500
    assert sum(d.size for d in items) == f.stat().st_size == total_bytes([str(f)])


def test_glob_conveniences(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert sources(docs(tmp_path, recursive=True, include=["**/*.md"]), tmp_path) == ["a.md"]
    assert sources(docs(tmp_path, recursive=True, include=["**/y.txt"]), tmp_path) == ["sub/deeper/y.txt"]
    got = sources(docs(tmp_path, recursive=True, exclude=["sub/"]), tmp_path)
    assert "sub/x.txt" not in got and "sub2/w.txt" in got


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXT = st.text(alphabet=st.sampled_from(list("ab \n\r\t\u201c\u201d\u00e9\u0416\U0001F600.\"")), max_size=400)


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, chunk=st.integers(min_value=1, max_value=64),
       codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decoded_pieces_reassemble_exactly(text: str, chunk: int, codec: str) -> None:
    data = text.encode(codec)
    stream = io.BytesIO(data)
    head = decode.read_full(stream.read, chunk)
    pieces = [p for p in decode.decode_pieces(head, stream.read, chunk_size=chunk) if isinstance(p, decode.Piece)]
    assert "".join(p.text for p in pieces) == text
    assert [p.base for p in pieces] == [sum(len(q.text) for q in pieces[:i]) for i in range(len(pieces))]
    assert sum(p.nbytes for p in pieces) == len(data)
    assert all(len(p.text) <= 2 * chunk + 1 for p in pieces)
