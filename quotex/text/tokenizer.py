"""Find quoted spans: pair opening and closing quotation marks.

One left-to-right pass over the marks and paragraph breaks of the text,
with a stack of open marks (so nested quotes stay inside the outer one).
Which role a mark plays is told from the mark itself where it is directional
(“ opens, ” closes) and from its neighbours where it is not (straight quotes,
’ which is mostly an apostrophe): a mark before a word opens, a mark after one
closes, a mark inside a word (don't, O'Brien) does neither.

Paragraphs bound every quotation, except the multi-paragraph convention: a
paragraph that ends inside a quotation and is followed by a paragraph that
opens with the same kind of mark continues the quotation. An unbalanced mark
never swallows the rest of the document: its span is cut at the end of its
paragraph (``closed=False``) or dropped when the paragraph shows it was a
stray mark.

>>> [text[s.start:s.end] for text in ['"Go," she said, "now."'] for s in find_spans(text)]
['"Go,"', '"now."']
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from quotex.lang.en.lexicon import load
from quotex.records import Span

#: Characters after which a mark may open a quotation.
OPEN_CONTEXT = "([{<—–-‐/"
#: Characters before which a mark may close a quotation.
CLOSE_CONTEXT = ".,;:!?)]}>—–-‐/…*_"
#: How deep the stack of open marks may grow; beyond it the oldest mark above
#: the bottom one is dropped as stray, which keeps hostile input (thousands of
#: openers in a row) linear and later quotations found.
MAX_DEPTH = 32
#: How far below the top of the stack a closing mark may look for its opener.
MAX_LOOKBACK = 4
#: Dashes that open a line of dialogue in texts that write dialogue without marks
#: ("--What is your name?", "— Oui, dit-il."): the line runs to its paragraph's end.
DIALOGUE_DASHES = ("--", "—", "―")
#: How many paragraphs must open with a dash before dashes are read as the
#: document's dialogue (one dash-led paragraph is a list item or an aside).
MIN_DIALOGUE_LINES = 2
#: Marks written twice for one quotation mark: ''It is,'' he said.
DOUBLED_MARKS = frozenset("'")
#: Families of marks that show a document writes its dialogue in marks.
DIALOGUE_MARK_FAMILIES = frozenset({"double", "guillemet", "cjk"})

_WORDCHAR = regex.compile(r"\w")
#: A paragraph opening with a dialogue dash, then a capital: "--What", "— Oui" (not "--additional", "—-").
_DASH_LINE = regex.compile(r"[ \t]*(?P<dash>--(?!-)|—|―) ?(?=\p{Lu})")
_BLANK_LINE = regex.compile(r"\n[ \t]*\n")
# A break starts at its newline, so that the scan only stops at newlines and marks
# (a pattern that may start at any blank is tried at every character); the blanks
# before it are found backwards (_TRAILING_BLANKS) to tell where the paragraph ends.
_BREAK_LINES = r"(?:\r\n|\r|\n|\u2029)\s*"
_BREAK_BLANK = r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*|\u2029\s*"
_TRAILING_BLANKS = regex.compile(r"(?r)[ \t]+")
#: The blanks after a mark up to the end of its line (and, for wrapped text, a blank line).
_PARAGRAPH_END = regex.compile(r"[ \t]*(?:\r\n|\r|\n|\u2029|\Z)(?P<blank>[ \t]*(?:\r\n|\r|\n))?")


@dataclass(frozen=True)
class _Tables:
    lines: regex.Pattern[str]
    blank: regex.Pattern[str]
    apostrophe: regex.Pattern[str]
    family: dict[str, str]
    closers: dict[str, frozenset[str]]
    marks: frozenset[str]


@cache
def _tables() -> _Tables:
    lex = load()
    family = lex.family
    glyphs = "".join(sorted(family))
    cls = "[" + regex.escape(glyphs) + "]"
    words = sorted((w[1:] for w in lex.apostrophe_words), key=len, reverse=True)
    apostrophe = regex.compile(
        r"['‘’](?:\d\d?s?\b|(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}]))",
        regex.IGNORECASE,
    )
    return _Tables(
        lines=regex.compile(rf"(?P<brk>{_BREAK_LINES})|{cls}"),
        blank=regex.compile(rf"(?P<brk>{_BREAK_BLANK})|{cls}"),
        apostrophe=apostrophe,
        family=family,
        closers=lex.closers,
        marks=frozenset(family),
    )


def hard_wrapped(text: str) -> bool:
    """True when single newlines wrap lines inside paragraphs (plain-text e-books).

    Then only blank lines separate paragraphs; otherwise every line is one.
    """
    blank = len(_BLANK_LINE.findall(text, 0, 200_000))
    lines = text[:200_000].count("\n")
    if blank == 0 or lines < 8:
        return False
    lengths = sorted(len(line) for line in text[:200_000].splitlines() if line.strip())
    median = lengths[len(lengths) // 2] if lengths else 0
    return lines - 2 * blank > 2 * blank and 30 <= median <= 90


@dataclass
class _Open:
    pos: int
    glyph: str
    family: str
    free: bool = False  # a straight mark with blanks on both sides ('" Here."'): kept only if closed


class _Pairing:
    """The state of one pass: the stack, and what a paragraph break decides."""

    def __init__(self, text: str, tables: _Tables, wrapped: bool = False) -> None:
        self.text = text
        self.t = tables
        self.wrapped = wrapped  # single newlines wrap lines; a blank line ends a paragraph
        self.stack: list[_Open] = []
        # closed spans inside stack[0], at any depth, none nested in another
        self.children: list[Span] = []
        self.spans: list[Span] = []
        self.pending: tuple[int, int] | None = None  # (paragraph end, next paragraph start)
        self.paragraphs: list[int] = [0]  # where each paragraph starts
        self.ends: list[int] = []  # where each paragraph's text ends (trailing blanks excluded)

    # -- roles -----------------------------------------------------------
    def flanks(self, i: int) -> tuple[bool, bool]:
        text = self.text
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        marks = self.t.marks
        left = nxt != "" and not nxt.isspace() and (
            prev == "" or prev.isspace() or prev in OPEN_CONTEXT or prev in marks)
        right = prev != "" and not prev.isspace() and (
            nxt == "" or nxt.isspace() or nxt in CLOSE_CONTEXT or nxt in marks)
        return left, right

    def free_standing(self, i: int) -> bool:
        """A mark with a blank (or the start of the text) before it and a blank after."""
        return self.text[i + 1:i + 2] in (" ", "\t") and (i == 0 or self.text[i - 1].isspace())

    def ends_paragraph(self, i: int) -> bool:
        """A mark with a blank before it and only blanks after it to its paragraph's
        end: the closing mark of a broken-off line ('if only you "'), never an opener."""
        if i == 0 or self.text[i - 1] not in " \t":
            return False
        m = _PARAGRAPH_END.match(self.text, i + 1)
        return m is not None and (not self.wrapped or m.group("blank") is not None
                                  or m.end() == len(self.text))

    def top_accepts(self, glyph: str, fam: str) -> int:
        """Index of the open mark this glyph may close, or -1.

        A straight double mark that finds no double opener closes the nearest straight
        single one: 'We have to go now," he said (a typed quotation with mixed marks)."""
        stack = self.stack
        mixed = -1
        for k in range(len(stack) - 1, max(-1, len(stack) - 1 - MAX_LOOKBACK), -1):
            entry = stack[k]
            if glyph in self.t.closers.get(entry.glyph, ()) or (
                fam == "double" and entry.family == "double"
            ):
                return k
            if entry.family != "single" or fam == "single":
                return -1  # only stray singles (apostrophes) may be skipped over
            if glyph == '"' and entry.glyph == "'" and mixed < 0:
                mixed = k
        return mixed

    def role(self, i: int, glyph: str, fam: str) -> tuple[bool, bool]:
        """(may open, may close) for the mark at ``i``."""
        left, right = self.flanks(i)
        if fam == "double":
            if glyph == "„":
                return left, False
            if glyph == "“":
                return left or not right, right and not left
            if glyph == "”":
                return left and not right, right or not left
            if not left and not right and self.free_standing(i):
                return not self.stack, bool(self.stack)  # '" Here."', 'he said, " and'
            if not left and not right and self.stack and self.ends_paragraph(i):
                return False, True
            return left and (not right or not self.stack), right and (not left or bool(self.stack))
        if fam == "single":
            if left and self.t.apostrophe.match(self.text, i):
                return False, right
            prev = self.text[i - 1] if i > 0 else ""
            if right and prev in "sS" and self.text[i + 1:i + 3].startswith(" ") and \
                    self.text[i + 2:i + 3].islower():
                return False, False  # a possessive: Jones’ car
            if glyph == "’":
                return False, right
            if glyph == "'":
                return left and not right and not prev.isalnum(), right
            if glyph == "‘":
                return left, right and not left
            return left, False  # ‚
        if fam == "guillemet":
            if glyph in "«‹":
                return True, True
            return left and not right, True
        return glyph in "「『", glyph in "」』"

    # -- events ----------------------------------------------------------
    def mark(self, i: int, glyph: str) -> None:
        if self.pending is not None:
            end, next_start = self.pending
            self.pending = None
            fam = self.t.family[glyph]
            bottom = self.stack[0]
            may_open, _ = self.role(i, glyph, fam)
            if i == next_start and may_open and fam == bottom.family:
                del self.stack[1:]
                return  # the quotation goes on in this paragraph
            self.close_paragraph(end)
        fam = self.t.family[glyph]
        if fam == "single" and self.text[i - 1:i].isalnum() and self.text[i + 1:i + 2].isalnum():
            return  # an apostrophe inside a word (don’t, O'Brien): neither opens nor closes (see role)
        may_open, may_close = self.role(i, glyph, fam)
        if may_close and self.stack:
            k = self.top_accepts(glyph, fam)
            if k >= 0:
                opener = self.stack[k]
                del self.stack[k:]
                span = self.closed_span(opener, i)
                if not self.stack:
                    self.spans.append(span)
                    self.children = []
                else:
                    children = self.children
                    while children and children[-1].start > span.start:
                        children.pop()  # nested in the span just closed
                    children.append(span)
                return
        if may_open:
            if len(self.stack) >= MAX_DEPTH:
                del self.stack[1]  # the oldest mark left open above the bottom one was stray
            self.stack.append(_Open(i, glyph, fam, glyph == '"' and self.free_standing(i)))

    def closed_span(self, opener: _Open, i: int) -> Span:
        """The span from ``opener`` to the closing mark at ``i``. Doubled
        apostrophes (''…'', the NYT archive's quotation marks) are one mark of
        two characters: the words inside start after both."""
        text = self.text
        if opener.glyph in DOUBLED_MARKS and text[opener.pos + 1:opener.pos + 2] == opener.glyph \
                and text[i - 1] == opener.glyph and i - 1 > opener.pos + 1:
            return Span(opener.pos, i + 1, opener.pos + 2, i - 1)
        return Span(opener.pos, i + 1, opener.pos + 1, i)

    def paragraph_break(self, end: int, next_start: int) -> None:
        self.paragraphs.append(next_start)
        self.ends.append(end)
        if self.pending is not None:
            self.close_paragraph(self.pending[0])
            self.pending = None
        if not self.stack:
            return
        if self.stack[0].family != "single" and not self.stack[0].free:
            self.pending = (end, next_start)
        else:
            self.close_paragraph(end)

    def close_paragraph(self, end: int) -> None:
        """The paragraph ending at ``end`` left marks open: settle them."""
        bottom = self.stack[0]
        same = [c for c in self.children if self.text[c.start] in self.t.marks
                and self.t.family[self.text[c.start]] == bottom.family]
        if bottom.family == "single" or bottom.free or same:
            self.spans.extend(self.children)
        else:
            inner = self.text[bottom.pos + 1:end]
            if _WORDCHAR.search(inner):
                self.spans.append(Span(bottom.pos, end, bottom.pos + 1, end, closed=False))
        self.stack = []
        self.children = []

    def finish(self) -> list[Span]:
        end = len(self.text.rstrip())
        self.ends.append(max(end, self.paragraphs[-1]))
        if self.pending is not None:
            self.close_paragraph(self.pending[0])
            self.pending = None
        if self.stack:
            self.close_paragraph(max(end, self.stack[0].pos + 1))
        self.spans.extend(self.dash_dialogue())
        self.spans.sort(key=lambda s: s.start)
        return self.spans

    def dash_dialogue(self) -> list[Span]:
        """Lines of dialogue opened by a dash, when that is how the document writes
        its dialogue: several paragraphs open with one and no quotation is in
        double marks. Each runs from its dash to its paragraph's end."""
        text = self.text
        family = self.t.family
        if not any(dash in text for dash in DIALOGUE_DASHES) \
                or any(family.get(text[s.start]) in DIALOGUE_MARK_FAMILIES for s in self.spans):
            return []  # no dash at all (most texts: no loop over the paragraphs), or dialogue in marks
        lines = []
        for start, end in zip(self.paragraphs, self.ends):
            m = _DASH_LINE.match(text, start, end)
            if m is None:
                continue
            lines.append(Span(m.start("dash"), end, m.end(), end, closed=False))
        return lines if len(lines) >= MIN_DIALOGUE_LINES else []


def find_spans(text: str) -> list[Span]:
    """Every top-level quoted span of ``text``, in order, marks included."""
    return scan(text)[0]


def scan(text: str) -> tuple[list[Span], list[int]]:
    """The quoted spans of ``text`` and the offsets where its paragraphs start."""
    tables = _tables()
    wrapped = hard_wrapped(text)
    pattern = tables.blank if wrapped else tables.lines
    state = _Pairing(text, tables, wrapped)
    for m in pattern.finditer(text):
        if m.lastgroup == "brk":
            end = m.start()
            if end and text[end - 1] in " \t":
                blanks = _TRAILING_BLANKS.match(text, 0, end)
                end = blanks.start() if blanks is not None else end
            state.paragraph_break(end, m.end())
        else:
            state.mark(m.start(), m.group())
    return state.finish(), state.paragraphs
