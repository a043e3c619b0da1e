"""Names in text: the capitalized runs a name is read from, and what a name's words tell.

A run of capitalized words (``Russian President Vladimir Putin``) is cut where a
sentence ends inside it, stripped of what is not the name (titles, roles,
nationalities, sentence starters) and read for its shape: the key it is filed
under, the gender an honorific or a first name gives, whether it is a person.
Everything here depends on the words alone, so it is cached across documents.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

import regex

from quotex.lang.en.lexicon import Lexicon, load
from quotex.lang.en.words import (
    CONTRACTION_ENDINGS, FEMALE_TITLES, MALE_TITLES, NAME_INNER_PARTICLES, NAME_LEAD_FIRST, NAME_LEAD_SECOND,
    PLACE_COMPASS, PLACE_FIRST, SAINT, alternation,
)

#: A capitalized word: initials ("U.S."), a word with its inner apostrophes and single hyphens
#: ("O'Neill", "Smith-Jones", "Mr."), or one initial. The letters run as one class between
#: hyphens (an alternation tried at every letter cost a fifth more).
_CAP = r"(?:(?:\p{Lu}\.){2,}(?![\p{L}])|\p{Lu}[\p{L}\p{M}'’]*(?:-(?!-)[\p{L}\p{M}'’]*)*\.?|\p{Lu}\.)"
_PART_WORD = alternation(NAME_INNER_PARTICLES)
_LEAD_PARTICLES = rf"(?:{alternation(NAME_LEAD_FIRST)}[ ](?:{alternation(NAME_LEAD_SECOND)}[ ])?)?"
#: The words that may stand just before a run and belong to its name.
_LEAD_WORDS = tuple(sorted(set(NAME_LEAD_FIRST + NAME_LEAD_SECOND)))
#: A run of capitalized words, with the particles inside names ("Ursula von der Leyen").
#: It starts at a capital only: the lower-case particles that may open a name
#: ("von der Leyen", "al-Assad") are looked for behind each run (see ``name_matches``),
#: which spares an alternation at every character of the text.
NAME_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}'’]){_CAP}"
    rf"(?:[ \u00a0](?:{_PART_WORD}[ \u00a0])*(?:{_PART_WORD}-)?{_CAP})*"
)
#: The particles before a run, ending where it starts: "von der ", "bin ", "al-".
_LEAD_BEHIND = regex.compile(rf"(?<![\p{{L}}\p{{M}}'’\-]){_LEAD_PARTICLES}(?:{_PART_WORD}-)?$")
_HYPHEN_LEAD_BEHIND = regex.compile(rf"(?<![\p{{L}}\p{{M}}'’\-]){_LEAD_PARTICLES}{_PART_WORD}-$")
#: Where the words of a run are separated.
RUN_GAP = regex.compile("[ \u00a0]")
#: A word between blanks.
_NONSPACE = regex.compile(r"\S+")
_INITIALS = regex.compile(r"(?:\p{Lu}\.)+")
_POSSESSIVE = regex.compile(r"['’]s$")
#: "Secretary of (the)" before a run: the run may open with the office's words.
TITLE_OF = regex.compile(r"\b\p{Lu}\p{Ll}+\s+of\s+(?:the\s+)?$")
#: A capitalized word elided in speech ("Pa'son"): not a name's word ("O'Hara", "Sanders'" are).
_ELIDED = regex.compile(r"\p{Lu}\p{Ll}*['’]\p{Ll}{2,}")
_CONTRACTION = regex.compile(r"['’]" + alternation(CONTRACTION_ENDINGS) + "$", regex.IGNORECASE)
#: A word, or one character of punctuation.
WORD_RE = regex.compile(r"[\p{L}\p{M}\d][\p{L}\p{M}\d'’\-.]*|[^\s\p{L}\p{M}\d]")
#: The same words found from the end backwards: the tokens of ``WORD_RE.findall`` in reverse order
#: (a word is still the run from its first letter or digit, whatever the direction).
WORDS_BACKWARDS = regex.compile("(?r)" + WORD_RE.pattern)

#: How many capitalized runs, chunks and name shapes are remembered across documents: the
#: common ones ("The", "Trump", "White House") stay, and memory stays flat over a long corpus
#: (at 65,536 entries each the caches grew by about 30 MB over 20 MB of text).
NAME_CACHE = 1 << 13
#: Only the last words of a capitalized run can be a name and its titles
#: ("... The The Mr Putin"), which keeps hostile runs linear.
MAX_NAME_WORDS = 12
#: Last words that make a capitalized sequence an organisation or a place, not a person.
ORG_WORDS = load().org_words


def _clean_token(tok: str, lex: Lexicon) -> str:
    if tok.endswith(".") and len(tok) > 2 and tok.lower() not in lex.titles and tok.lower() not in lex.suffixes \
            and not _INITIALS.fullmatch(tok):
        return tok[:-1]
    return tok


@cache
def lexicon() -> Lexicon:
    return load()

@lru_cache(maxsize=NAME_CACHE)
def parse_chunk(chunk: str, office: bool) -> _Parsed | None:
    """The name in a capitalized chunk, offsets relative to the chunk; cached, since the
    same chunks ("The", "Trump", "White House") come back in every document.
    ``office``: the chunk follows "Secretary of", so it may open with the office's words."""
    lex = lexicon()
    parts = [(mm.start(), mm.group()) for mm in _NONSPACE.finditer(chunk)][-MAX_NAME_WORDS:]
    prefix: list[str] = []
    # everything up to a possessive or the last title or role is not the name:
    # "Labour's Rachel Reeves", "Federal Reserve Chair Jerome Powell",
    # "Former Clinton Senior Adviser Sidney Blumenthal"
    cut = 0
    for k in range(len(parts) - 2, -1, -1):
        low = parts[k][1].lower()
        if low.endswith(("'s", "’s")) or low in lex.titles or low.rstrip(".") in lex.titles or low in lex.roles:
            if any(t.lower() not in lex.suffixes for _, t in parts[k + 1:]):
                cut = k + 1  # but "Martin Luther King Jr." keeps its name
                break
    prefix.extend(_POSSESSIVE.sub("", t.lower()) for _, t in parts[:cut])
    parts = parts[cut:]
    if cut == 0 and len(parts) > 2 and office:
        # "Secretary of State Antony Blinken": drop the office's words before a first name
        while len(parts) > 2 and parts[0][1].lower() not in lex.first_name_gender:
            prefix.append(parts.pop(0)[1].lower())
    if len(parts) >= 2 and parts[0][1].lower().endswith("ly") and \
            parts[1][1].lower() in lex.first_name_gender:
        prefix.append(parts.pop(0)[1].lower())  # "Certainly Donald Trump"
    while parts:
        low = _POSSESSIVE.sub("", parts[0][1].lower())
        low_nodot = low.rstrip(".")
        if low in lex.not_names or low_nodot in lex.not_names or low in lex.titles \
                or low_nodot in lex.titles or low in lex.demonyms or low in lex.roles \
                or len(parts) > 1 and _ELIDED.fullmatch(parts[0][1]):
            prefix.append(low)  # "Pa'son Ashdown": a title said in dialect
            parts.pop(0)
        else:
            break
    # possessive and trailing period
    while parts:
        s, tok = parts[-1]
        if tok.endswith(("'s", "’s")):
            parts[-1] = (s, tok[:-2])
            break
        if tok.endswith(("s'", "s’")):  # "Sanders' campaign"
            parts[-1] = (s, tok[:-1])
            break
        cleaned = _clean_token(tok, lex)
        if cleaned != tok:
            parts[-1] = (s, cleaned)
        break
    parts = [(s, t) for s, t in parts if t]
    if len(parts) >= 2 and parts[-1][1] == "I" and parts[-2][1].lower() not in lex.first_name_gender:
        parts.pop()  # "Impulsively I", "Here I": the teller, after a word opening the sentence ("Henry I" stays)
        if len(parts) == 1 and parts[0][1].lower().endswith("ly"):
            return None
    if not parts or any(_CONTRACTION.search(t) for _, t in parts):
        return None  # "We've", "Didn't": not names
    if len(parts) == 1 and len(parts[0][1]) < 2:
        return None
    tokens = tuple(t for _, t in parts)
    if len(prefix) >= 2 and prefix[-1] in SAINT and prefix[-2] in PLACE_COMPASS:
        return None  # "South St. Paul": a place
    return parts[0][0], parts[-1][0] + len(parts[-1][1]), tokens, tuple(prefix)


def name_matches(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, str]]:
    """(start, text) of each capitalized run, with the particles that open it."""
    for m in NAME_RE.finditer(text, pos, len(text) if endpos is None else endpos):
        start = m.start()
        before = text[start - 1:start]
        if before == " " and start > 1 and text.endswith(_LEAD_WORDS, start - 4 if start > 4 else 0, start - 1):
            lead = _LEAD_BEHIND.search(text, max(0, start - 16), start)  # "von der Leyen"
        elif before == "-":
            lead = _HYPHEN_LEAD_BEHIND.search(text, max(0, start - 20), start)  # "al-Assad"
            if lead is None:
                # "anti-Trump National Review": no name starts inside a word; the run's next words may
                gap = RUN_GAP.search(text, start, m.end())
                if gap is not None:
                    yield from name_matches(text, gap.end(), m.end())
                continue
        else:
            lead = None
        if lead is not None and lead.start() < start:
            yield lead.start(), text[lead.start():m.end()]
        else:
            yield start, m.group()



@cache
def _skip_words() -> frozenset[str]:
    """Capitalized words that are never a name on their own."""
    lex = lexicon()
    return lex.not_names | lex.titles | lex.demonyms | lex.roles


@lru_cache(maxsize=NAME_CACHE)
def _core(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The name without suffixes ("Jr."), and its last word lower-cased: the key it is filed under."""
    suffixes = lexicon().suffixes
    core = tuple(t for t in tokens if t.lower() not in suffixes)
    return core, (core[-1] if core else tokens[-1]).lower()


def _title_gender(prefix: Sequence[str]) -> str | None:
    """The gender an honorific gives: Mr. -> m, Ms. -> f."""
    for p in reversed(prefix):
        if p in FEMALE_TITLES:
            return "f"
        if p in MALE_TITLES:
            return "m"
    return None


def _sentence_pieces(chunk: str, lex: Lexicon) -> list[tuple[int, str]]:
    """Split a capitalized run where a sentence ends inside it: "Kunduz. Obama" (offsets in the run)."""
    if ". " not in chunk:
        return [(0, chunk)]
    pieces = []
    start = 0
    for m in _NONSPACE.finditer(chunk):
        tok = m.group()
        if tok.endswith(".") and len(tok) > 2 and tok.lower() not in lex.titles \
                and tok.lower() not in lex.suffixes and not _INITIALS.fullmatch(tok):
            pieces.append((start, chunk[start:m.end()]))
            start = m.end() + 1
    if start < len(chunk):
        pieces.append((start, chunk[start:]))
    return pieces


_Parsed = tuple[int, int, tuple[str, ...], tuple[str, ...]]


@lru_cache(maxsize=NAME_CACHE)
def run_pieces(run: str) -> tuple[tuple[int, str, bool, _Parsed | None], ...]:
    """The chunks of a capitalized run that may hold a name: (offset in the run,
    chunk, whether it has three words or more, the name in it when it does not
    follow "Secretary of"); none for a lone word that is never a name ("The",
    "But", "President"). Cached: runs repeat across documents."""
    if " " not in run and run.lower() in _skip_words():
        return ()
    return tuple((start, chunk, chunk.count(" ") >= 2, parse_chunk(chunk, False))
                 for start, chunk in _sentence_pieces(run, lexicon()))


class _Shape(NamedTuple):
    """What a name's words tell on their own, whatever the document."""

    core: tuple[str, ...]  # without suffixes ("Jr.")
    key: str  # the last word of the core, lower-cased: the name is filed under it
    gender: str | None  # from an honorific, or the first name of a longer name: tells namesakes apart
    any_gender: str | None  # also from a lone first name ("Hugo")
    person: bool  # an honorific, a gendered first name, or a multi-word name that is no organisation


@lru_cache(maxsize=NAME_CACHE)
def name_shape(tokens: tuple[str, ...], prefix: tuple[str, ...]) -> _Shape:
    lex = lexicon()
    core, key = _core(tokens)
    gender = _title_gender(prefix)
    if gender is None and len(core) >= 2:  # a lone word may be a surname: "Bradley"
        gender = lex.first_name_gender.get(core[0].lower())
    first = core[0].lower() if core else ""
    any_gender = gender or lex.first_name_gender.get(first)
    titled = any(p in lex.titles for p in prefix if p not in ("first",))
    person = bool(any_gender or titled) or (
        len(core) >= 2 and tokens[-1].lower() not in ORG_WORDS and first not in PLACE_FIRST
        and tokens[-1].lower() not in lex.demonyms  # "a Sarasota Republican" describes someone
        and not any(t.isupper() and len(t) > 1 for t in core)
        and not any(t.lower() in ORG_WORDS for t in core))
    return _Shape(core, key, gender, any_gender, person)


