"""Page furniture of a news article: its headline, bylines and datelines.

A news file usually opens with its headline on a line of its own
("Hale: 'This harbor will be busy again.'"), sometimes with a deck on the next
line, then the body; the body may open with a byline ("By Jane Doe") and a
dateline ("NASHUA, N.H. - ...", "DALLAS (AP) — ..."). None of these is the
narration around a quotation:

- a quotation in a headline trims words the body quotes with their cue, or
  puts a scare quote around a word ('Ryan calls Trump line "racist"'); annotated
  news (PolNeAR) never counts it as a quotation, so quotex reports it as a
  ``term`` with the rule ``headline`` and no speaker;
- a name in a headline, byline or dateline is never the speaker of a quotation
  in the body, nor the person a later "he" or "the senator" stands for.

The rules are shape only: a short first paragraph (one or two lines) followed
by a longer body; "By" and capitalized names alone on a line; a run of
capitals and an optional "(AP)" before a dash at the start of a paragraph.
A short first paragraph that is a quotation on its own, or that quotes someone
with a cue in the past tense (the opening lines of a story), is not a headline.
"""
from __future__ import annotations

import bisect
from itertools import islice
from dataclasses import dataclass, field

import regex

from quotex.lang.en.cues import cues
from quotex.lang.en.lexicon import load
from quotex.lang.en.words import BYLINE_PARTICLES

#: The longest headline (with its deck), in characters.
HEADLINE_MAX = 250
#: A headline is followed by a body at least this many times longer.
BODY_RATIO = 3
#: How many paragraphs at the top of the body may hold a byline or a dateline.
HEAD_PARAGRAPHS = 4
#: The longest byline line, and how far into a paragraph a dateline may reach (characters).
BYLINE_MAX = 100
DATELINE_MAX = 80

_BLANK_LINE = regex.compile(r"\n[ \t\u00a0]*\n")
#: A line with words on it.
_LINE = regex.compile(r"(?m)^[ \t\u00a0]*+\S[^\n]*+")
_QUOTE_OPEN = "\"“‘'«„"
_QUOTE_CLOSE = "\"”’'»“"
_NAME = r"\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|" + "|".join(BYLINE_PARTICLES) + r"))*"
#: "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Associated Press".
_BYLINE = regex.compile(
    rf"[ \t\u00a0]*(?i:by)[ \t\u00a0]+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s*,\s*[\p{{L}} .]{{2,40}})?"
    r"[ \t\u00a0]*$", regex.MULTILINE)
#: "NASHUA, N.H. -", "WASHINGTON —", "DALLAS (AP) —", "BEIRUT, Lebanon (Reuters) --".
_DATELINE = regex.compile(
    r"[ \t\u00a0]*\p{Lu}[\p{Lu}.'’\-]+(?:[ \t]+\p{Lu}[\p{Lu}.'’\-]+){0,3}"
    r"(?:,[ \t]+\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,2})?"
    r"(?:[ \t]+\([\p{L} .\-]{1,30}\))?[ \t]+(?:--?|—|–)[ \t]")


@dataclass(frozen=True)
class Layout:
    """Where the headline ends (0 when there is none) and the furniture spans
    (headline, bylines, datelines) whose names are not speakers."""

    headline_end: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)

    def in_headline(self, pos: int) -> bool:
        return pos < self.headline_end

    def furniture(self, pos: int) -> bool:
        """``pos`` lies in the headline, a byline or a dateline."""
        k = bisect.bisect_right(self.spans, (pos, 1 << 62)) - 1
        return k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]


def char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not white space ("" at the start):
    ``text[:pos].rstrip()[-1:]`` without copying the text before ``pos``."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def layout(text: str) -> Layout:
    """The headline, bylines and datelines of ``text`` (an empty layout for prose)."""
    m = _BLANK_LINE.search(text, 0, HEADLINE_MAX + 2)
    if m is None:
        return Layout()
    head = text[:m.start()].strip()
    rest = len(text) - m.end()
    if not head or head.count("\n") > 1 or len(head) > HEADLINE_MAX or rest < BODY_RATIO * len(head) \
            or _one_quotation(head) or _dialogue_line(head) or head.endswith(":"):
        return Layout()
    spans = [(0, m.start())]
    for line in islice(_LINE.finditer(text, m.end()), HEAD_PARAGRAPHS):
        by = _BYLINE.match(text, line.start(), line.end()) if line.end() - line.start() <= BYLINE_MAX else None
        if by is not None:
            spans.append((line.start(), by.end()))
            continue
        date = _DATELINE.match(text, line.start(), min(line.end(), line.start() + DATELINE_MAX))
        if date is not None:
            spans.append((line.start(), date.end()))
    return Layout(m.start(), spans)


def _dialogue_line(head: str) -> bool:
    """The paragraph quotes someone with a cue in the past tense ('"Where were you?"
    asked Edith Lane.'): the first line of a story; headlines cue in the present
    ('Trump says ...')."""
    if not any(c in head for c in _QUOTE_OPEN):
        return False
    past = load().past_verb_forms
    return any(head[s:e] in past for s, e in cues().verbs(head, 0, len(head), nouns=True))


def _one_quotation(head: str) -> bool:
    """The paragraph is one quotation (a line of dialogue), not a headline."""
    body = head.rstrip(".!?,;— ")
    return body[:1] in _QUOTE_OPEN and body[-1:] in _QUOTE_CLOSE
