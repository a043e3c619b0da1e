"""The gender the narration gives a document's people: the he or she that follows their name.

A title ("Mrs.", "Sir") or a first name the lexicon knows gives a person's gender when the
cast is built (:mod:`quotex.mentions.cast`); a surname ("Ashdown"), a foreign or rare first
name ("Ottilie") or a nickname gives none. The story tells it anyway: "Ashdown went to the
window. He ...". :func:`learn` counts, for each person without a gender, the first he or she
of the narration after each of their names that is the subject of its clause, in the same
paragraph, before any other name; a person whose pronouns agree often enough (``MIN_VOTES``,
``MIN_SHARE``) gets that gender. A pronoun can then skip the people of the other gender.
Places rarely get one: they are seldom subjects, and their pronouns disagree.
"""
from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence

import regex

from quotex.mentions.cast import Cast

#: A word, read for a he or she.
_WORD = regex.compile(r"(?<![\p{L}'’])[\p{L}]+(?![\p{L}'’])")
#: The pronouns read: a subject's (an object's "her" may be anyone's: "Piero took her hand").
SUBJECT_PRONOUNS = frozenset(["he", "she"])
#: How far after a name its pronoun is looked for (characters).
REACH = 160
#: How many agreeing pronouns give a gender, and what share of them must agree.
MIN_VOTES = 3
MIN_SHARE = 0.8


def _inside(ranges: Sequence[tuple[int, int]], starts: Sequence[int], pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]


def votes(cast: Cast, quoted: Sequence[tuple[int, int]], pronoun_gender: Mapping[str, str]) -> dict[int, Counter[str]]:
    """For each entity with no gender yet, the genders of the first pronoun of the narration
    after its names."""
    text = cast.text
    starts = [q[0] for q in quoted]
    out: dict[int, Counter[str]] = {}
    names = cast.names
    for k, n in enumerate(names):
        if n.quoted or cast.entities[n.entity].gender is not None or text[n.end:n.end + 2] in ("'s", "’s") \
                or not cast.is_subject(n):
            continue
        stop = min(len(text), n.end + REACH, names[k + 1].start if k + 1 < len(names) else len(text))
        para = text.find("\n\n", n.end, stop)
        if para >= 0:
            stop = para
        for w in _WORD.finditer(text, n.end, stop):
            low = w.group().lower()
            g = pronoun_gender.get(low)
            if low not in SUBJECT_PRONOUNS or g not in ("m", "f") or _inside(quoted, starts, w.start()):
                continue
            out.setdefault(n.entity, Counter())[g] += 1
            break
    return out


def learn(cast: Cast, quoted: Sequence[tuple[int, int]], pronoun_gender: Mapping[str, str]) -> None:
    """Give each person of ``cast`` without a gender the one their pronouns agree on."""
    for entity, count in votes(cast, quoted, pronoun_gender).items():
        (g, top), = count.most_common(1)
        if top >= MIN_VOTES and top >= MIN_SHARE * sum(count.values()):
            cast.entities[entity].gender = g
