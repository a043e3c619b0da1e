"""Word lists and mark tables, loaded once from ``quotex/data``.

Every list is plain text in the package (one entry a line, ``#`` starts a
comment), so that adding a speech verb or a title is a data change, not a
code change. See ``quotex/data/README.md`` for where each list came from.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache

#: The package's data folder (read directly: ``importlib.resources`` alone costs 10 ms of start-up).
DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "data")


def data_text(name: str) -> str:
    """The text of ``quotex/data/<name>``."""
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return f.read()


def _lines(name: str) -> list[str]:
    text = data_text(name)
    out = []
    for line in text.splitlines():
        line = line.rstrip("\n")
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line)
    return out


def _words(name: str) -> frozenset[str]:
    return frozenset(line.strip() for line in _lines(name))


def _past_forms(lines: list[str]) -> frozenset[str]:
    """The past-tense forms of a verb file's lines (the third form of each line, and the
    fourth when a line gives a separate participle: "begin begins began begun beginning")."""
    out: set[str] = set()
    for line in lines:
        forms = [f.replace("_", " ") for f in line.split()]
        out.update(forms[2:4] if len(forms) == 5 else forms[2:3])
    return frozenset(out)


def _forms(lines: list[str]) -> dict[str, str]:
    """Inflected form -> lemma, from a file of one lemma and its forms a line ("_" for a space).

    A lemma marked with a trailing ``*`` is not a form itself: "state*" gives "states",
    "stated", "stating", but "state" is a noun far more often ("secretary of state")."""
    out: dict[str, str] = {}
    for line in lines:
        forms = [f.replace("_", " ") for f in line.split()]
        lemma = forms[0].rstrip("*")
        for form in forms[1:] if forms[0].endswith("*") else forms:
            out[form] = lemma
    return out


@dataclass(frozen=True)
class MarkPair:
    opening: str
    closing: str
    family: str
    name: str


@dataclass(frozen=True)
class Lexicon:
    """All word lists quotex uses, as lowercase frozensets and maps."""

    verb_forms: dict[str, str]  # inflected form ("pointed out") -> lemma ("point out")
    fragment_verb_forms: dict[str, str]  # verbs that give a quoted fragment to their subject
    past_verb_forms: frozenset[str]  # the past-tense speech verb forms ("said", "asked", "pointed out")
    addressee_lemmas: frozenset[str]
    reporting_lemmas: frozenset[str]  # verbs whose subject reports the clause after them ("X said that Y ...")
    same_voice_lemmas: frozenset[str]  # verbs that say the voice goes on ("he added"): the turn stays
    titles: frozenset[str]
    demonyms: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    roles: frozenset[str]
    title_abbreviations: dict[str, str]  # "sen" -> "senator"
    pronoun_gender: dict[str, str]
    first_name_gender: dict[str, str]
    person_nouns: dict[str, str]  # "mother" -> "f", "doctor" -> "-": characters named by a noun
    kinship: dict[str, str]  # "wife" -> "f": kinship nouns a couple of the story answers to
    role_synonyms: dict[str, frozenset[str]]  # "clergyman" -> {"parson", "vicar", ...}
    apostrophe_words: frozenset[str]
    abbreviations: frozenset[str]  # words whose period does not end a sentence, without the period
    noun_verbs: frozenset[str]  # speech verb forms that are also nouns ("a Facebook post")
    work_nouns: frozenset[str]  # nouns naming a titled work ("book", "show"): a title in marks follows
    org_words: frozenset[str]  # last words that make a name an organisation or a place ("party", "coast")
    place_words: frozenset[str]  # last words of a place's name ("Cottage", "Avenue"): no person
    locative_prepositions: frozenset[str]  # "to", "at", "from": before a place's name
    scene_nouns: frozenset[str]  # "girl", "lad": "the girl" is the one girl named in the scene
    inverted_verb_forms: frozenset[str]  # "returned", "thought": a cue only in '"...," returned Mrs. Quill'
    speech_nouns: frozenset[str]  # "answer", "remark": '"...," was Anne's calm answer'
    marks: tuple[MarkPair, ...]
    confidence: dict[tuple[str, str], float]  # (rule, mention kind) -> measured share right in news
    confidence_dialogue: dict[tuple[str, str], float]  # the same in documents written as dialogue

    @property
    def closers(self) -> dict[str, frozenset[str]]:
        """Opening mark -> the marks that may close it."""
        out: dict[str, set[str]] = {}
        for m in self.marks:
            out.setdefault(m.opening, set()).add(m.closing)
        return {k: frozenset(v) for k, v in out.items()}

    @property
    def family(self) -> dict[str, str]:
        """Every mark glyph -> its family (double, single, guillemet, cjk)."""
        out: dict[str, str] = {}
        for m in self.marks:
            out.setdefault(m.opening, m.family)
            out.setdefault(m.closing, m.family)
        return out


@cache
def load() -> Lexicon:
    """The lexicon, read from the package data once per process."""
    speech_verbs = _lines("speech_verbs.txt")  # read once: the forms and the past tenses come from it
    pronouns = dict(line.split("\t")[:2] for line in _lines("pronouns.tsv"))
    names = dict(line.split("\t")[:2] for line in _lines("first_names.tsv"))
    marks = tuple(MarkPair(*line.split("\t")[:4]) for line in _lines("quote_marks.tsv"))
    confidences = [line.split("\t")[:4] for line in _lines("confidence.tsv")]
    return Lexicon(
        verb_forms=_forms(speech_verbs),
        fragment_verb_forms=_forms(_lines("fragment_verbs.txt")),
        past_verb_forms=_past_forms(speech_verbs),
        addressee_lemmas=_words("addressee_verbs.txt"),
        reporting_lemmas=_words("reporting_verbs.txt"),
        same_voice_lemmas=_words("same_voice_verbs.txt"),
        noun_verbs=_words("noun_verbs.txt"),
        work_nouns=_words("work_nouns.txt"),
        org_words=_words("org_words.txt"),
        place_words=_words("place_words.txt"),
        locative_prepositions=_words("locative_prepositions.txt"),
        scene_nouns=_words("scene_nouns.txt"),
        inverted_verb_forms=_words("inverted_verbs.txt"),
        speech_nouns=_words("speech_nouns.txt"),
        titles=_words("titles.txt"),
        demonyms=_words("demonyms.txt"),
        not_names=_words("not_names.txt"),
        particles=_words("name_particles.txt"),
        suffixes=_words("name_suffixes.txt"),
        roles=_words("roles.txt"),
        title_abbreviations=dict(line.split("\t")[:2] for line in _lines("title_abbreviations.tsv")),
        pronoun_gender=pronouns,
        first_name_gender=names,
        person_nouns=dict(line.split("\t")[:2] for line in _lines("person_nouns.tsv")),
        kinship=dict(line.split("\t")[:2] for line in _lines("kinship.tsv")),
        role_synonyms={k: frozenset(v.split()) for k, v in (line.split("\t")[:2] for line in _lines("role_synonyms.tsv"))},
        apostrophe_words=_words("apostrophe_words.txt"),
        abbreviations=_words("abbreviations.txt")
        | frozenset(t[:-1] for t in _words("titles.txt") | _words("name_suffixes.txt") if t.endswith(".")),
        marks=marks,
        confidence={(r, k): float(v) for r, k, v, _ in confidences},
        confidence_dialogue={(r, k): float(v) for r, k, _, v in confidences},
    )
