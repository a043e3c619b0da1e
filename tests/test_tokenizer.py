"""Golden rules of the tokenizer: one quotation-mark phenomenon per numbered case.

Each case gives a text and the spans expected, written as the exact slices of
the text (marks included); ``closed`` is False for a span cut at the end of its
paragraph because its closing mark never came.
"""
from __future__ import annotations

import pytest

from quotex.text.tokenizer import DIALOGUE_DASHES, find_spans, hard_wrapped, scan

# (number and name, text, [(slice, closed), ...])
GOLDEN_RULES: list[tuple[str, str, list[tuple[str, bool]]]] = [
    ("1 straight double", '"We will win," Jane Smith said.', [('"We will win,"', True)]),
    ("2 curly double", "“We will win,” she said.", [("“We will win,”", True)]),
    ("3 curly single, British", "‘We will win,’ he said.", [("‘We will win,’", True)]),
    ("4 straight single", "'We will win,' he said.", [("'We will win,'", True)]),
    ("5 guillemets", "«Nous gagnerons», a-t-il dit.", [("«Nous gagnerons»", True)]),
    ("6 guillemets with French spaces", "« Nous gagnerons », a-t-il dit.", [("« Nous gagnerons »", True)]),
    ("7 reversed guillemets (German)", "»Wir gewinnen«, sagte er.", [("»Wir gewinnen«", True)]),
    ("8 single guillemets", "‹Wir gewinnen›, sagte er.", [("‹Wir gewinnen›", True)]),
    ("9 low-high double (German)", "„Wir gewinnen“, sagte er.", [("„Wir gewinnen“", True)]),
    ("10 low-high double (Polish)", "„Wygramy”, powiedział.", [("„Wygramy”", True)]),
    ("11 low-high single", "‚Wir gewinnen‘, sagte er.", [("‚Wir gewinnen‘", True)]),
    ("12 CJK corner brackets", "「勝つ」と彼は言った。『本』", [("「勝つ」", True), ("『本』", True)]),
    ("13 apostrophes open nothing", "I don't like the '90s, Jones' car or rock 'n' roll, said O'Brien.", []),
    ("14 curly apostrophes open nothing", "The minister’s aides said the government’s plan is ’90s thinking.", []),
    ("15 nested single inside double",
     '"He told me \'never again,\' and I believed him," Smith said.',
     [('"He told me \'never again,\' and I believed him,"', True)]),
    ("16 nested curly inside curly", "“He called it ‘fake news’ today,” she said.",
     [("“He called it ‘fake news’ today,”", True)]),
    ("17 interrupted quote", '"We will win," he said, "and we will stay."',
     [('"We will win,"', True), ('"and we will stay."', True)]),
    ("18 multi-paragraph quote",
     '"First paragraph of the statement.\n\n"Second paragraph," he said.\n\nAfter.',
     [('"First paragraph of the statement.\n\n"Second paragraph,"', True)]),
    ("19 unclosed quote cut at its paragraph", 'He said "hello and then left.\nNext "real," she said.',
     [('"hello and then left.', False), ('"real,"', True)]),
    ("20 a stray opening mark is dropped when the paragraph closes a later quote",
     'He said "hello and left. "Bye," she said.', [('"Bye,"', True)]),
    ("21 inch marks are not quotes", 'He is 6" tall. "Hello," she said.', [('"Hello,"', True)]),
    ("22 possessive inside single quotes", "‘We will win,’ he said. ‘Jones’ car is here.’",
     [("‘We will win,’", True), ("‘Jones’ car is here.’", True)]),
    ("23 unclosed at the end of the text", '"unclosed at end', [('"unclosed at end', False)]),
    ("24 a quote after an em dash", "His slogan—“Make it great!”—worked.", [("“Make it great!”", True)]),
    ("25 CRLF paragraphs bound quotes", '"One,\r\nTwo," he said. "Three."',
     [('"One,', False), ('"Three."', True)]),
    ("26 dialogue written with dashes: each dash-led paragraph is a line, to its end",
     "Then the clerk asked:\n\n--And your name?\n\nFelix answered:\n\n— Felix Marwood. \n",
     [("--And your name?", False), ("— Felix Marwood.", False)]),
    ("27 one dash-led paragraph is an aside, not dialogue", "Winners:\n\n— Carol Lee of the Journal.",
     []),
    ("28 dashes are not dialogue where dialogue is in marks",
     'Winners:\n\n— Carol Lee.\n\n— Bob Smith.\n\n"Great," he said.', [('"Great,"', True)]),
    ("29 a dash before a lower-case word or another dash opens nothing",
     "--additional reporting by Linh Tat.\n\n—-\n\n--and more.", []),
    ("30 a straight mark standing free between blanks opens when nothing is open",
     '" Here." he said. She said: " I will not go. " Then', [('" Here."', True), ('" I will not go. "', True)]),
    ("31 ... and closes what is open, after a nested quote",
     '"It is \'big\' " and he left.', [('"It is \'big\' "', True)]),
    ("32 a free-standing mark never closed is dropped, not cut at its paragraph",
     'Use a 3 " bolt. "Yes," he said.', [('"Yes,"', True)]),
    ("33 a mark after a blank at a paragraph's end closes a broken-off line, never continues it",
     '"Wait," said Orla. "If only the barge had "\n\n"Hush!" said Piet.',
     [('"Wait,"', True), ('"If only the barge had "', True), ('"Hush!"', True)]),
]


@pytest.mark.parametrize("name,text,expected", GOLDEN_RULES, ids=[r[0] for r in GOLDEN_RULES])
def test_golden_rule(name: str, text: str, expected: list[tuple[str, bool]]) -> None:
    spans = find_spans(text)
    assert [(text[s.start:s.end], s.closed) for s in spans] == expected
    for s in spans:
        assert s.start < s.inner_start <= s.inner_end <= s.end
        assert text[s.start] in "\"'“”‘’«»‹›„‚「」『』" or text.startswith(DIALOGUE_DASHES, s.start)


def test_spans_are_ordered_and_disjoint() -> None:
    text = '"a," he said. «b» and “c” then „d“ and 「e」.'
    spans = find_spans(text)
    assert [text[s.start:s.end] for s in spans] == ['"a,"', "«b»", "“c”", "„d“", "「e」"]
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_scan_gives_paragraph_starts() -> None:
    text = "One.\nTwo.\n\nThree."
    _, paragraphs = scan(text)
    assert paragraphs == [0, 5, 11]


def test_hard_wrapped_text_keeps_quotes_across_line_wraps() -> None:
    line = "word " * 14
    body = "\n".join([line] * 6)
    text = f'{body}\n\n"This quotation runs on\nacross a wrapped line," she said.\n\n{body}\n\n{body}'
    assert hard_wrapped(text)
    spans = find_spans(text)
    assert [text[s.start:s.end] for s in spans] == ['"This quotation runs on\nacross a wrapped line,"']


def test_thousands_of_openers_stay_bounded() -> None:
    text = '"' * 5000 + " x"
    spans = find_spans(text)
    assert all(text[s.start] == '"' for s in spans)


def test_broken_off_line_closes_in_wrapped_text_only_before_a_blank_line() -> None:
    line = "word " * 14
    body = "\n".join([line] * 6)
    text = (f'{body}\n\n"Wait," said Orla, "if the barge "\n\n"Hush!" said Piet.\n\n'
            f'"One," he said, "two "\nthree," he said.\n\n{body}')
    assert hard_wrapped(text)
    spans = [text[s.start:s.end] for s in find_spans(text)]
    assert spans[:3] == ['"Wait,"', '"if the barge "', '"Hush!"']
