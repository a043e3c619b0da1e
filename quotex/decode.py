"""Turning the bytes of one input into text, in bounded memory.

The rules, in order:

* a byte-order mark picks the codec (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) and
  is stripped, so offsets count from the first character after it;
* a forced ``encoding`` is used as given (for a UTF-8 codec a BOM is still
  stripped); bytes it cannot decode become U+FFFD with a warning;
* UTF-16 without a BOM is recognised by its pattern of NUL bytes;
* otherwise the text is UTF-8. When the first chunk is not valid UTF-8 and
  holds no valid multi-byte UTF-8 sequence at all, the whole input is a
  legacy file and is decoded as cp1252 (each of the five bytes cp1252 leaves
  undefined decoded as latin-1), with a warning. When it mixes valid UTF-8
  with stray invalid bytes, only the invalid bytes are decoded as cp1252,
  again with a warning.

Newlines are never translated: ``\\r\\n`` and ``\\r`` stay in the text, so the
offsets of the records index exactly the text a user gets by decoding the
file themselves.

Large inputs are read ``chunk_size`` bytes at a time through an incremental
decoder and cut into pieces of about ``chunk_size`` characters at paragraph
boundaries (a blank line); when a stretch has no blank line it is cut after
the last newline, then after the last space, and only as a last resort at a
hard limit. Every :class:`Piece` carries ``base``, the character offset of
its first character in the whole decoded input, and up to ``CONTEXT_CHARS``
of the text around it (whole paragraphs): read for who "she" is at the top
of a piece or which cue follows a quotation at its end, never reported.
"""
from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

#: Bytes read at a time after the first chunk.
READ_BLOCK = 1024 * 1024

#: How much text on each side of a piece is read with it (for names that
#: pronouns refer to, cues across the cut); more than the resolver's
#: pronoun window (2,500 characters).
CONTEXT_CHARS = 4096

#: How many bytes of an input are examined to tell text from binary data.
SNIFF_BYTES = 8192

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts the same
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_BOM_FIRST = frozenset(mark[:1] for mark, _ in _BOMS)

# (magic bytes at offset 0, what it is). Checked only when there is no BOM.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh91AY&SY", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document"),
    (b"\xca\xfe\xba\xbe", "Mach-O or Java class file"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"OggS", "Ogg media"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"\x00asm", "WebAssembly module"),
)

_MAGIC_FIRST = frozenset(magic[:1] for magic, _ in _MAGIC)

# C0 control bytes that do not occur in text (tab, newlines, form feed,
# vertical tab and escape do); NUL is counted on its own.
_CONTROL = bytes(b for b in range(1, 32) if b not in b"\t\n\v\f\r\x1b") + b"\x7f"

_CONTROL_CHARS = dict.fromkeys(b"\x00" + _CONTROL)

#: Share of NUL and other control bytes in the first :data:`SNIFF_BYTES`
#: above which an input is binary (random bytes have about 10%; text has
#: none beyond a stray NUL or form feed).
CONTROL_RATIO = 0.05

_VALID_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


# --------------------------------------------------------------------------
# Error handlers. Each counts how often it fired (per thread), so a decoder
# can tell whether a piece needed a fallback without decoding twice.

class _Counter(threading.local):
    fired: int = 0


_COUNTER = _Counter()


def _latin1(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _COUNTER.fired += 1
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


def _cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _COUNTER.fired += 1
    return exc.object[exc.start : exc.end].decode("cp1252", "quotex-latin1"), exc.end


def _replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _COUNTER.fired += 1
    return "\ufffd", exc.end


codecs.register_error("quotex-latin1", _latin1)
codecs.register_error("quotex-cp1252", _cp1252)
codecs.register_error("quotex-replace", _replace)


# --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of decoded text: ``text`` starts at character ``base`` of the
    whole input and took ``nbytes`` bytes of it; ``before`` and ``after`` are
    the whole paragraphs next to it (context, see :func:`with_context`)."""

    text: str
    base: int
    nbytes: int
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class Codec:
    """How an input is decoded: ``name`` with error handler ``errors``, after
    skipping ``skip`` bytes (a BOM); ``warning`` is said up front, ``fallback``
    the first time ``errors`` fires."""

    name: str
    errors: str
    skip: int = 0
    warning: str | None = None
    fallback: str | None = None


def check_encoding(encoding: str) -> str:
    """The canonical name of ``encoding``; ValueError when Python has no such
    text codec (the CLI can turn that into a usage error)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"unknown encoding: {encoding}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"not a text encoding: {encoding}")
    return info.name


def bom(head: bytes) -> tuple[str, int] | None:
    """The codec named by the byte-order mark ``head`` starts with, and its length."""
    if head[:1] not in _BOM_FIRST:
        return None
    for mark, name in _BOMS:
        if head.startswith(mark):
            return name, len(mark)
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when ``head`` looks like BOM-less UTF-16
    (mostly ASCII-range text, so every other byte is NUL), else None."""
    sample = head[:SNIFF_BYTES]
    if b"\x00" not in sample:
        return None
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.4 * pairs and even <= 0.02 * pairs:
        name = "utf-16-le"
    elif even >= 0.4 * pairs and odd <= 0.02 * pairs:
        name = "utf-16-be"
    else:
        return None
    try:
        text = sample[: 2 * pairs].decode(name)
    except UnicodeDecodeError:
        return None
    if len(text) - len(text.translate(_CONTROL_CHARS)) > CONTROL_RATIO * len(text):
        return None
    return name


def binary_kind(head: bytes) -> str | None:
    """What binary data ``head`` (an input's first bytes) is, or None for text.

    Text with a BOM or BOM-less UTF-16 is never binary. Otherwise a known
    magic number, or too many NUL or control bytes in the first
    :data:`SNIFF_BYTES`, make it binary.
    """
    if not head or bom(head):
        return None
    sample = head[:SNIFF_BYTES]
    if sample[:1] in _MAGIC_FIRST:
        for magic, what in _MAGIC:
            if sample.startswith(magic):
                return what
    if sample[4:8] == b"ftyp":
        return "MP4 media"
    if sample.startswith(b"RIFF") and sample[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return "RIFF media"
    n = len(sample)
    nuls = sample.count(0)
    if nuls and utf16_without_bom(sample):
        return None
    if nuls + n - len(sample.translate(None, _CONTROL)) > CONTROL_RATIO * n:
        return "binary data"
    return None


def choose_codec(head: bytes, encoding: str | None = None, *, complete: bool = False) -> Codec:
    """How to decode an input whose first bytes are ``head`` (``complete``:
    ``head`` is the whole input)."""
    found = bom(head)
    if encoding is not None:
        name = check_encoding(encoding)
        skip = 0
        if found is not None and found[0] == _base_codec(name):
            skip = found[1]
        elif name in ("utf-16", "utf-32") and found is not None and found[0].startswith(name):
            name, skip = found
        if name == "utf-8-sig":
            name, skip = "utf-8", (found[1] if found is not None and found[0] == "utf-8" else 0)
        return Codec(name, "quotex-replace", skip, None, f"not valid {name}; undecodable bytes replaced with U+FFFD")
    if found is not None:
        name, skip = found
        return Codec(name, "quotex-replace", skip, None, f"not valid {name}; undecodable bytes replaced with U+FFFD")
    utf16 = utf16_without_bom(head)
    if utf16 is not None:
        return Codec(utf16, "quotex-replace", 0, f"no byte-order mark; decoded as {utf16}",
                     f"not valid {utf16}; undecodable bytes replaced with U+FFFD")
    mixed = Codec("utf-8", "quotex-cp1252", 0, None, "not valid UTF-8 in places; invalid bytes decoded as cp1252")
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(head, complete)
    except UnicodeDecodeError:
        if _VALID_MULTIBYTE.search(head):
            return Codec("utf-8", "quotex-cp1252", 0, mixed.fallback, None)
        return Codec("cp1252", "quotex-latin1", 0, "not valid UTF-8; decoded as cp1252", None)
    return mixed


def _base_codec(name: str) -> str:
    return {"utf-8-sig": "utf-8", "utf_8": "utf-8"}.get(name, name)


def read_full(read: Callable[[int], bytes], n: int) -> bytes:
    """Up to ``n`` bytes from ``read``, fewer only at the end of the input
    (a pipe may return short reads)."""
    parts: list[bytes] = []
    got = 0
    while got < n:
        data = read(n - got)
        if not data:
            break
        parts.append(data)
        got += len(data)
    return b"".join(parts)


def cut_point(buf: str, limit: int) -> int:
    """Where to cut ``buf`` so that what is left after the cut is at most
    ``limit`` characters: after the last blank line, else after the last
    newline, else after the last space or tab, else at a hard limit."""
    low = max(1, len(buf) - limit)
    # A final "\r" may be half of a "\r\n" whose "\n" is not read yet.
    end = len(buf) - 1 if buf.endswith("\r") else len(buf)

    def after_last(sep: str) -> int:
        i = buf.rfind(sep, max(0, low - len(sep)), end)
        return -1 if i < 0 else i + len(sep)

    best = max(after_last("\n\n"), after_last("\n\r\n"), after_last("\r\r"))
    if best >= low:
        return best
    best = max(after_last("\n"), after_last("\r"))
    if best >= low:
        return best
    best = _outside_quotes(buf, low, end)
    if best >= low:
        return best
    best = max(after_last(" "), after_last("\t"))
    if best >= low:
        return best
    return len(buf) if len(buf) <= limit else low


_MARK_OR_BLANK = re.compile(r"[\"“”«»„ \t]")


def _outside_quotes(buf: str, low: int, end: int) -> int:
    """After the last blank in ``buf[low:end]`` that no double quotation is open
    across, best one ending a sentence; -1 when there is none. For a text with no
    line breaks, so that a cut does not split a quotation in two."""
    straight = buf.count('"', 0, low) % 2
    depth = max(0, buf.count("“", 0, low) + buf.count("«", 0, low) + buf.count("„", 0, low)
                - buf.count("”", 0, low) - buf.count("»", 0, low))
    any_blank = sentence = -1
    for m in _MARK_OR_BLANK.finditer(buf, low, end):
        ch = m.group()
        if ch == '"':
            straight ^= 1
        elif ch in "“«„":
            depth += 1
        elif ch in "”»":
            depth = max(0, depth - 1)
        elif not straight and not depth:
            any_blank = m.end()
            if buf[max(0, m.start() - 2):m.start()].rstrip('"”»’').endswith((".", "!", "?")):
                sentence = m.end()
    return sentence if sentence >= 0 else any_blank


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\r?\n|\r[ \t]*\r")


def context_before(text: str, end: int, size: int = CONTEXT_CHARS) -> str:
    """The text before ``end`` that reads as context for what follows: at most
    ``size`` characters starting at a paragraph (else a line); empty when that
    stretch has no line break, since a context cut inside a paragraph could
    open a quotation that is really closing."""
    low = end - size
    if low <= 0:
        return text[:end]
    m = _PARAGRAPH_BREAK.search(text, low, end)
    if m is not None:
        return text[m.end():end]
    i = max(text.find("\n", low, end), text.find("\r", low, end))
    return text[i + 1:end] if i >= 0 else ""


def context_after(text: str, start: int, size: int = CONTEXT_CHARS) -> str:
    """The text from ``start`` on that reads as context for what precedes it: at
    most ``size`` characters ending at a paragraph break (else a line break);
    empty when there is none."""
    if len(text) - start <= size:
        return text[start:]
    best = -1
    for m in _PARAGRAPH_BREAK.finditer(text, start, start + size):
        best = m.start()
    if best < 0:
        best = max(text.rfind("\n", start, start + size), text.rfind("\r", start, start + size))
    return text[start:best] if best > start else ""


def with_context(items: Iterator[Piece | str]) -> Iterator[Piece | str]:
    """``items`` with each piece given the end of the piece before it and the
    start of the piece after it as context (one piece is held back for that).
    Warnings stay just before the piece they concern."""
    held: Piece | None = None
    held_warnings: list[str] = []
    warnings: list[str] = []
    previous = ""
    for item in items:
        if isinstance(item, str):
            warnings.append(item)
            continue
        if held is not None:
            yield from held_warnings
            yield Piece(held.text, held.base, held.nbytes, context_before(previous, len(previous)),
                        context_after(item.text, 0))
            previous = held.text
        held, held_warnings, warnings = item, warnings, []
    if held is not None:
        yield from held_warnings
        yield Piece(held.text, held.base, held.nbytes, context_before(previous, len(previous)), "")
    yield from warnings


def piece_end(window: str) -> int:
    """Where to end a piece that starts ``window``: at the best break in its
    second half (see :func:`cut_point`), so pieces are at most as long as
    the window and at least half as long."""
    return cut_point(window, len(window) // 2) if len(window) > 1 else len(window)


def decode_pieces(
    head: bytes,
    read: Callable[[int], bytes],
    *,
    encoding: str | None = None,
    chunk_size: int,
    position: Callable[[], int] | None = None,
) -> Iterator[Piece | str]:
    """Decode an input whose first bytes are ``head`` and whose remaining bytes
    come from ``read``, yielding :class:`Piece` s of about ``chunk_size``
    characters cut at paragraph boundaries, and warnings (``str``) before the
    piece they concern. ``head`` should hold ``chunk_size`` bytes unless the
    input is shorter. ``position`` (when given) tells how many bytes of the
    input were consumed so far (for compressed inputs); else bytes are counted.
    Raises UnicodeError only for a codec that is broken for the input (never
    for ordinary undecodable bytes) and OSError from ``read``.
    """
    chunk_size = max(1, chunk_size)
    eof = len(head) < chunk_size
    if not eof and len(head) < 4:  # a BOM takes up to 4 bytes
        more = read_full(read, 4 - len(head))
        eof = len(more) < 4 - len(head)
        head += more
    if eof and encoding is None and bom(head) is None and b"\x00" not in head:
        # The common case, a whole small UTF-8 file: decode once.
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            yield Piece(text, 0, position() if position is not None else len(head))
            return
    codec = choose_codec(head, encoding, complete=eof)
    if codec.warning:
        yield codec.warning
    decoder = codecs.getincrementaldecoder(codec.name)(codec.errors)
    block = min(chunk_size, READ_BLOCK)
    counted = len(head)  # bytes consumed since the last piece
    data = head[codec.skip :] if codec.skip else head
    last_pos = 0
    base = 0
    parts: list[str] = []
    size = 0  # characters in parts
    warned = nul_warned = False
    while True:
        before = _COUNTER.fired
        text = decoder.decode(data, eof)
        del data
        if _COUNTER.fired != before and codec.fallback and not warned:
            warned = True
            yield codec.fallback
        if not nul_warned and "\x00" in text:
            nul_warned = True
            yield "contains NUL bytes"
        if text:
            parts.append(text)
            size += len(text)
        del text
        if size >= chunk_size or eof:
            buf = "".join(parts)
            start = 0
            while len(buf) - start > chunk_size or (not eof and len(buf) - start == chunk_size):
                cut = start + piece_end(buf[start : start + chunk_size])
                if position is not None:
                    now = position()
                    counted, last_pos = now - last_pos, now
                yield Piece(buf[start:cut], base, counted)
                counted = 0
                base += cut - start
                start = cut
            if eof:
                if start < len(buf) or base == 0:
                    nbytes = position() - last_pos if position is not None else counted
                    yield Piece(buf[start:], base, nbytes)
                return
            carry = buf[start:]
            del buf
            parts, size = ([carry], len(carry)) if carry else ([], 0)
        data = read_full(read, block)
        counted += len(data)
        eof = len(data) < block
