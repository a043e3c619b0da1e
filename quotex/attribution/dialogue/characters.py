"""Characters of a story: who a noun or a name a turn calls stands for in dialogue.

Functions of the document under attribution (:class:`quotex.attribution.document.Document`,
their first argument), like :mod:`quotex.attribution.dialogue.turns`. Fiction names
its speakers by nouns ("the doctor", "his mother"), by what the others call
them ("Mina, I won't have ..."), by introductions ("I am Deacon Hollis",
"Her name was Pepper") and by the turns of a conversation (:mod:`.voices`); these
functions find the person each of those stands for, and the passes at the end
give a story's speakers their one name (the narrator's, an alias's, a label).
They act only where the resolver asks: mostly in documents written as dialogue
(:func:`quotex.attribution.dialogue.turns.written_as_dialogue`).
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from quotex.attribution.dialogue import narrator, turns
from quotex.attribution.context import NARRATOR
from quotex.lang.en.shapes import (ANTECEDENT_WINDOW, CHARACTER_DET, I_AM, LOWER_WORDS, NAME_WAS, OBJECT_HIM_HER,
                                   SUBJECT_WORD, WORD)
from quotex.lang.en.words import (CALLED_NOUN_OWNERS, COUPLE_TITLES, KIN_OWNERS, LABEL_SMALL_WORDS, OWNER_WORDS,
                                  ONE_OF_TWO, OTHER_PARTY, VOCATIVE_LEAD, WIFE_TITLE, alternation)
from quotex.lang.en.words import FEMALE_TITLES, MALE_TITLES
from quotex.mentions.cast import VERBISH, Cast, Entity
from quotex.records import Span
from quotex.mentions.phrases import Mention

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: The k+1-th lower-case word after a determiner, for k = 0, 1, 2: "the |old| man", "the old |man|".
LOWER_RUN = tuple(regex.compile(rf"\G(?:[\p{{Ll}}\-]+,?\s+){{{k}}}([\p{{Ll}}\-]+)(?![\p{{L}}'’])") for k in range(3))
#: An indefinite article: how a story brings in a character it does not name.
_INDEFINITE = regex.compile(r"(?<![\p{L}'’])an?\s+", regex.IGNORECASE)
#: ", or " between a name and another name for the same person: "Margaret|, or |Aunt Peg,".
_OR_ALIAS = regex.compile(r",\s+or\s+")
#: How far before "Her name was X" the character's noun must stand.
NAME_GIVEN_WINDOW = 250
#: How far after a turn that called someone a noun may name the one called.
ADDRESSED_WINDOW = 120
#: How far back a pronoun looks for a character named by a noun.
CHARACTER_WINDOW = 600
#: An owner's word before a noun: "my |mother", "the |doctor" (see ``_owned``).
_OWNER_WORD = regex.compile(r"\b" + alternation(OWNER_WORDS) + " ")
_BOUNDARY = regex.compile(r"\b")
#: The honorifics that may stand between a vocative's comma and the name: "Pray, Mr. Ashdown".
HONORIFICS = FEMALE_TITLES | MALE_TITLES
#: The last blank-separated token of a stretch.
_LAST_TOKEN = regex.compile(r"(\S+)$")


def character_before(doc: Document, pos: int, gender: str, after: int) -> Mention | None:
    """The nearest character named by a noun of ``gender`` ("the doctor", "his mother")
    in the narration between ``after`` and ``pos``: in a story a pronoun often stands for
    a person the narration names only so."""
    text = doc.text
    lo = max(after, pos - CHARACTER_WINDOW)
    found: Mention | None = None
    for m in CHARACTER_DET.finditer(text, lo, pos):
        w = LOWER_WORDS.match(text, m.end(), pos)
        if w is None:
            continue
        noun = w.group(1).lower()
        g = doc.lex.person_nouns.get(noun)
        if g is None or g not in (gender, "-"):
            continue
        if doc.quoted(m.start()):
            continue  # spoken of
        if not doc.opens_sentence(m.start()) and not VERBISH.match(text, w.end(1), min(len(text), w.end(1) + 160)):
            continue  # not the subject of its clause ("stared at their father")
        told = doc.cues.verb_at(text, w.end(1) + 1)
        if told and OBJECT_HIM_HER.match(text, told[1]):
            found = None  # "My father told him no": a turn told in the narration; the next is another's
            continue
        found = Mention(m.start(), w.end(1), text[m.start():w.end(1)], "description")
    if found is not None and not doc.opens_sentence(found.start):
        # a later "he" in the narration is about someone else the story follows
        for p in SUBJECT_WORD.finditer(text, found.end, pos):
            if doc.lex.pronoun_gender.get(p.group().lower()) == gender and not doc.quoted(p.start()):
                return None
    return found


def introduced_before(doc: Document, pos: int, gender: str) -> Mention | None:
    """The character a story brought in by an indefinite noun ("a man behind her", "a
    young woman") in the narration before ``pos``, when a he/she there has no name to
    stand for: the only such noun of that gender, in any role of its clause."""
    text = doc.text
    found: list[Mention] = []
    for m in _INDEFINITE.finditer(text, max(0, pos - CHARACTER_WINDOW), pos):
        if doc.quoted(m.start()):
            continue
        for run in LOWER_RUN:
            w = run.match(text, m.end(), pos)
            if w is None:
                break
            g = doc.lex.person_nouns.get(w.group(1).lower())
            if g is not None:
                if g == gender:
                    found.append(Mention(m.start(), w.end(1), text[m.start():w.end(1)], "description"))
                break
    heads = {WORD.findall(f.text.lower())[-1] for f in found}
    return found[-1] if len(heads) == 1 else None


def name_narrator(doc: Document) -> None:
    """The one telling the story has a name when the turns answering theirs call them by
    it ("I asked." / "Mina, I won't have grumblers"): the narrator's quotes take it.
    A name that speaks a turn of its own is somebody else."""
    results, spans = doc.results, doc.spans
    mine = [i for i, r in enumerate(results) if r.speaker == NARRATOR]
    if not mine:
        return
    speakers = {r.entity for r in results if r.entity is not None}
    votes: dict[int, int] = {}
    for i in mine:
        k = doc.paragraph_of(spans[i].start)
        for j in (i - 1, i + 1):
            if 0 <= j < len(spans) and results[j].speaker != NARRATOR \
                    and abs(doc.paragraph_of(spans[j].start) - k) == 1:
                for ent in set(called(doc, spans[j])):
                    votes[ent] = votes.get(ent, 0) + 1
    unnamed = [e for e in votes if narrator.named_only_in_speech(doc, e)]  # the teller says "I"
    votes = {e: v for e, v in votes.items() if e in unnamed or e not in speakers} if not unnamed \
        else {e: votes[e] for e in unnamed}
    if not votes:
        return
    best = max(votes, key=lambda e: votes[e])
    name = doc.cast.entities[best].canonical
    for i in mine:
        results[i].speaker, results[i].entity = name, best
        results[i].why.append(f"the narrator is called {name!r} by the turns answering theirs")


def join_aliases(doc: Document) -> None:
    """A name the narration gives as another's alias ("Margaret, or Aunt Peg, as the
    village children liked to call her") is the same person: quotes given to the alias take
    the first name's speaker (the fuller of the two)."""
    cast, text = doc.cast, doc.text
    alias: dict[int, int] = {}
    for m in _OR_ALIAS.finditer(text):
        first = [n for n in cast.names_before(m.start(), 60) if n.end == m.start() and not n.quoted]
        second = [n for n in cast.names_before(m.end() + 60, 60) if n.start == m.end()]
        if not first or not second or first[0].entity == second[0].entity:
            continue
        a, b = cast.entities[first[0].entity], cast.entities[second[0].entity]
        after = text[second[0].end:second[0].end + 2]
        if not (a.person and b.person) or a.gender and b.gender and a.gender != b.gender or after[:1] != ",":
            continue
        alias[b.id] = a.id
    if not alias:
        return
    for att in doc.results:
        if att.entity in alias:
            target = cast.entities[alias[att.entity]]
            att.why.append(f"{att.speaker!r} is another name of {target.canonical!r}")
            att.speaker, att.entity = target.canonical, target.id


def self_introductions(doc: Document) -> None:
    """A character known only by a noun who says who they are ("...when I be only Tom
    Pellow, the tinker?") takes that name in all their quotes."""
    results, spans = doc.results, doc.spans
    names: dict[str, int] = {}
    for span, att in zip(spans, results):
        if att.speaker is None or att.entity is not None or att.speaker == NARRATOR or att.speaker in names:
            continue
        for m in I_AM.finditer(doc.text, span.inner_start, span.inner_end):
            found = [n for n in doc.cast.names_before(min(span.inner_end, m.end() + 40), 40) if n.start == m.end()]
            if found and doc.cast.entities[found[0].entity].person:
                names[att.speaker] = found[0].entity
                break
    for att in results:
        if att.entity is None and att.speaker in names:
            ent = names[att.speaker]
            att.why.append(f"{att.speaker!r} says who they are: {doc.cast.entities[ent].canonical!r}")
            att.speaker, att.entity = doc.cast.entities[ent].canonical, ent


def called(doc: Document, span: Span) -> list[int]:
    """The people a quotation addresses by name ("It is your best work, Jasper"), as entities."""
    out = []
    for n in doc.cast.names_before(span.inner_end, span.inner_end - span.inner_start):
        before = doc.text[max(span.inner_start, n.start - 12):n.start]
        after = doc.text[n.end:n.end + 1]
        lead = WORD.findall(doc.text, span.inner_start, n.start) if n.start - span.inner_start < 30 else ["-"]
        comma = _untitled(doc, before).endswith(",") or turns.after_comma(doc, span.inner_start, n.start, VOCATIVE_LEAD)
        opens = n.start - span.inner_start < 8 or \
            all(w.lower() in VOCATIVE_LEAD or w.lower() in doc.lex.titles for w in lead)
        # "Mina, I ...", "Hallo, Rosa!", "Yes, Agnes." call; "Pettigrew." and "Silas Crane? Is
        # that his name?" speak of someone
        if (opens and after in (",", "!") or comma and after in (",", "!", "?", ".", "”", '"', "’", "'")) \
                and doc.cast.entities[n.entity].person:
            out.append(n.entity)
    return out


def _untitled(doc: Document, before: str) -> str:
    """``before`` without the honorifics at its end ("Pray, Mr. " -> "Pray,")."""
    before = before.rstrip()
    while True:
        word = _LAST_TOKEN.search(before)
        if word is None or word.group(1).lower() not in HONORIFICS:
            return before  # not "from St. Petersburg": only a person's honorific
        before = before[:word.start()].rstrip()


def named_later(doc: Document, mention: Mention) -> int | None:
    """A character named by a noun whose name the narration gives soon after it
    ("my mother ... Her name was Duchess"): the entity of that name."""
    words = WORD.findall(mention.text.lower())
    if len(words) != 2 or words[1] not in doc.lex.person_nouns:
        return None
    if doc._names_given is None:
        doc._names_given = []
        for m in NAME_WAS.finditer(doc.text):
            for name in doc.cast.names_before(m.end() + 40, 40):
                if name.start == m.end():
                    doc._names_given.append((m.start(), m.group(1).lower(), name.entity))
    phrase = " ".join(words)
    for pos, possessive, entity in doc._names_given:
        gender = doc.lex.person_nouns[words[1]]
        if gender != "-" and (possessive == "his") != (gender == "m"):
            continue
        # the phrase stands as a subject or owner in the sentences just before: "...my mother..."
        before = doc.text[max(0, pos - NAME_GIVEN_WINDOW):pos].lower()
        if phrase in before or _owned(words[1], before):
            return entity  # "Here is my boy," said the old farmer; "we call him Ned." 
    return None


def _owned(noun: str, text: str) -> bool:
    """``text`` holds "my|his|her|our|the <noun>" in whole words (one pattern for every noun,
    none compiled at run time)."""
    for m in _OWNER_WORD.finditer(text):
        if text.startswith(noun, m.end()) and _BOUNDARY.match(text, m.end() + len(noun)):
            return True
    return False


def addressed_as(doc: Document, mention: Mention) -> int | None:
    """A character named by a noun just after a turn that called someone by name
    ('"Hello, Martha!" he said.' / 'The nurse stooped and hugged him.'): the one
    called, when the noun's gender fits and the caller is someone else."""
    words = WORD.findall(mention.text.lower())
    if len(words) != 2 or words[0] not in CALLED_NOUN_OWNERS or not turns.written_as_dialogue(doc):
        return None
    gender = doc.lex.person_nouns.get(words[1])
    if gender is None:
        return None
    j = bisect.bisect_left(doc.span_starts, mention.start) - 1
    if j < 0 or j >= len(doc.results) or mention.start - doc.spans[j].end > ADDRESSED_WINDOW:
        return None
    for ent in called(doc, doc.spans[j]):
        person = doc.cast.entities[ent]
        if ent != doc.results[j].entity and (gender == "-" or person.gender in (gender, None)):
            return ent
    return None


def kin(doc: Document, mention: Mention) -> int | None:
    """A kinship noun ("his wife", "her mother", "the father") names the member of that
    gender of the married couple (Mr. and Mrs. of one surname) last named before it; with
    no couple, "the mother" is the one married woman (Mrs.) named so far."""
    words = WORD.findall(mention.text)
    if len(words) != 2 or words[0].lower() not in KIN_OWNERS:
        return None
    gender = doc.lex.kinship.get(words[1].lower())
    if gender is None:
        return None
    cast = doc.cast
    for n in reversed(cast.names_before(mention.start, 2 * ANTECEDENT_WINDOW)):
        ent = cast.entities[n.entity]
        if not ent.namesake or ent.title.rstrip(".") not in COUPLE_TITLES:
            continue
        surname = ent.forms[ent.longest][-1]
        for other in cast.entities:
            if other.namesake and other.gender == gender and other.title.rstrip(".") in COUPLE_TITLES \
                    and other.forms[other.longest][-1] == surname:
                return other.id
    if gender == "f" and words[0].lower() == "the":
        # no couple named: the one married woman named so far ("the mother" is Mrs. Tolland)
        wives = {e.id for e in cast.titled(WIFE_TITLE) if e.person and _named_before(cast, e, mention.start)}
        if len(wives) == 1:
            return wives.pop()
    return None


def _named_before(cast: Cast, ent: Entity, pos: int) -> bool:
    """One of the entity's names ends before ``pos``."""
    for k in ent.mentions:  # in text order
        n = cast.names[k]
        if n.start >= pos:
            return False
        if n.end <= pos:
            return True
    return False




def label(description: str) -> str:
    """The label of a character the story never names, as annotated fiction writes it:
    "the ferryman" -> "The Ferryman" (like "Narrator")."""
    words = description.split()
    return " ".join(w if k and w in LABEL_SMALL_WORDS else w[:1].upper() + w[1:] for k, w in enumerate(words))


def character_labels(doc: Document) -> None:
    """In a story, a speaker known only by a definite description ("said the ferryman") is a
    character of the story: their quotes name them by its label, "The Ferryman"."""
    if not turns.written_as_dialogue(doc):
        return
    for att in doc.results:
        if att.speaker is not None and att.entity is None and att.speaker.startswith("the "):
            att.why.append(f"{att.speaker!r} is a character of the story, named by the label")
            att.speaker = label(att.speaker)


#: How far back "the latter" / "the former" looks for the two people it chooses between.
TWO_NAMED_WINDOW = 400
#: How many quotes back "the other" looks for the second voice of a conversation.
OTHER_VOICE_QUOTES = 6
#: How many paragraphs back the quote before may stand to be the turn "the other" answers.
OTHER_VOICE_PARAGRAPHS = 3


def one_of_two(doc: Document, i: int, mention: Mention) -> int | None:
    """The person "the latter" or "the former" stands for: the last or the one before of
    the people named in the narration just before ("Cora met Miss Quill. ... said the
    latter"); "the other": the other party of a conversation of two: the nearest person
    named in the narration since the quote just before who is not its speaker ("said
    Clara to Ruth. ... cried the other"), else the last other voice before it."""
    words = WORD.findall(mention.text.lower())
    if len(words) != 2 or words[0] != "the":
        return None
    cast = doc.cast
    if words[1] in ONE_OF_TWO:
        seen: list[int] = []  # distinct people, nearest first
        for n in reversed(cast.names_before(mention.start, TWO_NAMED_WINDOW)):
            if not n.quoted and cast.entities[n.entity].person and n.entity not in seen:
                seen.append(n.entity)
        k = ONE_OF_TWO[words[1]]
        return seen[k - 1] if len(seen) >= 2 else None
    if words[1] != OTHER_PARTY:
        return None
    results, spans = doc.results, doc.spans
    if i < 1 or i > len(results) or doc.paragraph_of(mention.start) - doc.paragraph_of(spans[i - 1].start) \
            > OTHER_VOICE_PARAGRAPHS:
        return None
    last = results[i - 1].entity
    if last is None:
        return None
    lo = spans[i - 1].start - TWO_NAMED_WINDOW
    for n in reversed(cast.names_before(mention.start, mention.start - lo)):
        if not n.quoted and n.entity != last and cast.entities[n.entity].person:
            return n.entity  # named in the narration of the turn: "said Clara to Ruth"
    for j in range(i - 2, max(-1, i - 1 - OTHER_VOICE_QUOTES), -1):
        ent = results[j].entity
        if ent is not None and ent != last:
            return ent
    return None


def scene_person(doc: Document, i: int, mention: Mention) -> int | None:
    """"the girl", "the lad" (a noun of age or sex, ``scene_nouns.txt``): the one person
    of that gender (or of none known, who has spoken) named in the narration of the scene
    just before, or speaking in its last quotes; none when two are."""
    words = WORD.findall(mention.text.lower())
    if len(words) != 2 or words[0] != "the" or words[1] not in doc.lex.scene_nouns:
        return None
    gender = doc.lex.person_nouns.get(words[1])
    if gender not in ("m", "f"):
        return None
    cast = doc.cast
    spoke = {att.entity for att in doc.results[:i]}
    found: set[int] = set()
    for n in cast.names_before(mention.start, CHARACTER_WINDOW):
        ent = cast.entities[n.entity]
        if not n.quoted and ent.person and (ent.gender == gender or ent.gender is None and n.entity in spoke):
            found.add(n.entity)
    for j in range(max(0, i - OTHER_VOICE_QUOTES), min(i, len(doc.results))):
        att = doc.results[j]
        if att.entity is not None and cast.entities[att.entity].gender == gender \
                and mention.start - doc.spans[j].start < CHARACTER_WINDOW:
            found.add(att.entity)
    return found.pop() if len(found) == 1 else None
