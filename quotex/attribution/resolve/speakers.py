"""Who a speaker phrase stands for: a name, a he/she, a description.

:func:`resolve` takes the phrase a cue rule read (a :class:`Mention`) and returns a
:class:`Resolved`: the speaker, how it was found (for ``explain``) and the cast
entity, when the speaker is a name of the document. A name resolves to its fullest
form; a he/she to the nearest compatible person (:mod:`.antecedents`), in dialogue
to a voice of the conversation (:mod:`quotex.attribution.dialogue.voices`) or a
character a noun named (:mod:`quotex.attribution.dialogue.characters`); a
description to the person it described (:mod:`.descriptions`).

What resolving teaches the document stays in the document: a name that speaks is a
person (``Entity.person``) and salient (``doc.salient``), a he/she tells its name's
gender, "the <noun>" remembers whom it named (``doc.described``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import regex

from quotex.attribution.context import NARRATOR
from quotex.attribution.dialogue import characters, turns, voices
from quotex.attribution.resolve import antecedents, descriptions, pronouns
from quotex.lang.en.shapes import ANTECEDENT_WINDOW, WORD, description, plain
from quotex.lang.en.words import DESCRIPTION_DETERMINERS
from quotex.mentions.cast import Entity, Name
from quotex.mentions.phrases import Mention

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: A word of a description, an age included: "the |67-year-old|".
_DESCRIPTION_WORD = regex.compile(r"\d+-[\p{L}\-]+|[\p{L}\-]+")
#: Two names joined by "and", as one speaker phrase: "Trump and Ryan".
_COORDINATED = regex.compile(r"(\p{Lu}.*?)\s+and\s+(?:\p{Lu}[\p{L}.\-]*\s+){0,3}?(\p{Lu}.*)")
#: A possessive inside a description: "the former vice president’s| spokeswoman".
_INNER_POSSESSIVE = regex.compile(r"\p{L}['’]s?\s+\p{L}")
#: How a speaker phrase of two names joined by "and" resolved ("Trump and Ryan").
TWO_NAMES = "two names joined by 'and'"


class Resolved(NamedTuple):
    """Who a speaker phrase names: the speaker, how it was found, its cast entity if any."""

    speaker: str | None
    how: str
    entity: int | None = None


def resolve(doc: Document, mention: Mention, i: int) -> Resolved:
    """The speaker ``mention`` names, how it was found, and its cast entity; ``i`` is the
    index of the quote under attribution."""
    if mention.kind == "name":
        return _name(doc, mention)
    if mention.kind == "pronoun":
        return _pronoun(doc, i, mention)
    return _description(doc, i, mention)


def confidence_kind(mention: Mention, how: str) -> str:
    """The kind of mention the confidence of a speaker found ``how`` is measured as
    (quotex/data/confidence.tsv): two names joined by "and" are as sure as one name; a he/she
    that is the one the turn before called by name is its own, surer kind."""
    if how == TWO_NAMES:
        return "name"
    if how == pronouns.CALLED:
        return pronouns.CALLED_KIND
    return mention.kind


def _name(doc: Document, mention: Mention) -> Resolved:
    """A name: its fullest form; a name that speaks outside quotation marks is a person."""
    cast = doc.cast
    name = cast.name_at(mention.start, mention.end)
    if name is None:
        return Resolved(mention.text, "name")
    doc.salient.add(name.start)
    if mention.start > 0 and doc.text[mention.start - 1] not in "“\"‘'":
        cast.entities[name.entity].person = True  # it speaks
    return Resolved(cast.canonical(name), "name", name.entity)


def _pronoun(doc: Document, i: int, mention: Mention) -> Resolved:
    """A he/she: the name before it that is a subject or a speaker, else the same he/she
    as the quotes before, a character a noun named, the nearest name of that gender, or
    the one name or character of the sentence before; "I" is the narrator."""
    gender = doc.lex.pronoun_gender.get(mention.text.lower())
    if mention.text == "I":
        return Resolved(NARRATOR, "pronoun")  # '"...," I said.': the one telling the story
    if gender not in ("m", "f"):
        return Resolved(None, "pronoun")
    called = pronouns.reply_to_called(doc, i, mention, gender)
    if called is not None:  # '"Pray, Mr. Ashdown," said Nora' / '"Certainly," replied he'
        return Resolved(doc.cast.entities[called].canonical, pronouns.CALLED, called)
    spoken_to = voices.spoken_to(doc, i, mention) | voices.named_after_in_clause(doc, i, mention)
    nearest, chosen, subject = _antecedent(doc, mention, gender, spoken_to)
    titled = pronouns.titled_subject(doc, mention.start, gender, chosen)
    if titled is not None:  # "The Colonel stood up." / '"Friends," he cried'
        return Resolved(doc.cast.entities[titled[0]].canonical, f"pronoun -> {titled[1]!r} (the one of that title)",
                        titled[0])
    character = characters.character_before(doc, mention.start, gender, chosen)
    if character is not None:
        speaker, how, found = resolve(doc, character, i)
        if found is not None and doc.cast.entities[found].gender not in (gender, None):
            speaker = None  # "the doctor" was a man: not "she"
        noun = WORD.findall(character.text)[-1].lower()
        if found is None and how == "description" and nearest is not None and subject \
                and nearest.gender == gender and doc.lex.person_nouns.get(noun) == gender:
            speaker = None  # "the girl", named nowhere, is likelier the woman named before; "the guide" is new
        if speaker is not None:
            return Resolved(speaker, f"pronoun -> {character.text!r} ({how})", found)
    if nearest is not None:
        if not subject and turns.written_as_dialogue(doc):
            voice = voices.voice(doc, i, mention)  # a name merely near is weaker than a voice of the talk
            if voice is not None:
                return Resolved(doc.cast.entities[voice].canonical, "pronoun: the voice of the conversation", voice)
        party = pronouns.other_party(doc, i, mention, gender)
        if party is not None and nearest.id != party and nearest.id not in pronouns.participants(doc, i):
            # '"...," said Nora.' / '"...," he replied': the man she talks with, not a name of the narration
            return Resolved(doc.cast.entities[party].canonical, "pronoun: the party of that gender in the conversation",
                            party)
        nearest.gender = nearest.gender or gender  # what the pronoun tells of the name
        return Resolved(nearest.canonical, "pronoun", nearest.id)
    return _no_antecedent(doc, i, mention, gender, spoken_to)


def _antecedent(doc: Document, mention: Mention, gender: str, spoken_to: set[int]) -> tuple[Entity | None, int, bool]:
    """The person a he/she of ``gender`` stands for among the names before it, where its
    name stands, and whether it is a subject, a speaker or a topic (not merely the nearest)."""
    cast = doc.cast
    nearest: Entity | None = None
    chosen = 0
    near: Name | None = None  # the nearest name that may be the he/she, not a subject
    names = cast.names_before(mention.start, ANTECEDENT_WINDOW)
    for k in range(len(names) - 1, -1, -1):
        n = names[k]
        ent = cast.entities[n.entity]
        if not antecedents.antecedent(doc, n, gender) or ent.id in spoken_to:
            continue  # '"Have a peppermint, Tallis," he said': not Tallis
        if antecedents.pronoun_heads_sentence(doc, n, mention):
            continue  # "He did not sound sure when Tapper asked": the sentence is the he's
        if n.start in doc.salient or cast.is_subject(n) or antecedents.speech_subject(doc, n) \
                or antecedents.verb_after(doc, n) is not None or antecedents.described_person(doc, n, gender) \
                or antecedents.topic(doc, n) or antecedents.source(doc, n):
            if near is not None and nearest is not None and pronouns.nearer_scene(doc, near, n, gender):
                return nearest, chosen, True  # "Hale asked Nora whether ..." / '"...," she replied'
            picked = antecedents.reporter(doc, names, k, gender)
            return cast.entities[picked.entity], picked.start, True
        if nearest is None:
            nearest, chosen, near = ent, n.start, n
    return nearest, chosen, False


def _no_antecedent(doc: Document, i: int, mention: Mention, gender: str, spoken_to: set[int]) -> Resolved:
    """A he/she with no name before it: the one name of the sentence before, the one
    character introduced before, or the same he/she as the quotes before."""
    lone = antecedents.lone_name(doc, mention)
    if lone is not None and lone.entity not in doc.places:  # "Quandry gave a speech. '...,' she said"
        ent = doc.cast.entities[lone.entity]
        ent.gender, ent.person = gender, True
        return Resolved(ent.canonical, "pronoun: the one name of the sentence before", ent.id)
    introduced = characters.introduced_before(doc, mention.start, gender)
    if introduced is not None:  # "conscious of a man behind. ... He leaned forward"
        return Resolved(description(introduced.text), "pronoun -> the one character introduced before")
    chain = voices.pronoun_chain(doc, i, mention, gender)
    if chain is not None and (chain.entity is None or chain.entity not in spoken_to):
        # '"Oh," he answered' ... '"You ought to see the old mill," he said'; not "said he to Whitcombe"
        return Resolved(chain.speaker, "pronoun: the same he/she as the quotes before", chain.entity)
    return Resolved(None, "pronoun")


def _description(doc: Document, i: int, mention: Mention) -> Resolved:
    """A description: two names joined by "and", the person "the <noun>" described, a
    name's thing ("Ryan's campaign"), else the character or phrase it is."""
    cast = doc.cast
    pair = _COORDINATED.fullmatch(mention.text)
    if pair is not None:
        first = cast.name_at(mention.start, mention.start + pair.end(1))
        second = cast.name_at(mention.start + pair.start(2), mention.end)
        if first is not None and second is not None and first.entity != second.entity:
            # "Trump and Ryan": both, each by the fullest name
            return Resolved(f"{cast.canonical(first)} and {cast.canonical(second)}", TWO_NAMES)
    words = [w.lower() for w in _DESCRIPTION_WORD.findall(mention.text)]
    det = words[0] if words and words[0] in DESCRIPTION_DETERMINERS else ""
    content = [w for w in words if w not in DESCRIPTION_DETERMINERS]
    if det == "the" and content and not _INNER_POSSESSIVE.search(mention.text):
        # (not "the former vice president's spokeswoman": someone of the owner's, never the owner)
        found = _the_noun(doc, mention, content)
        if found is not None:
            return found
    name = cast.name_at(mention.start, mention.end)
    if name is not None and name.start == mention.start:  # "Ryan's campaign" -> "Paul Ryan's campaign"
        return Resolved(plain(cast.canonical(name) + doc.text[name.end:mention.end]), "description")
    return _unnamed(doc, i, mention, det, content)


def _the_noun(doc: Document, mention: Mention, content: list[str]) -> Resolved | None:
    """"the <noun>": the person the text described so, the one the same noun named
    before, or the body named before ("the board")."""
    head = content[-1]
    best = _described(doc, mention, head, content)
    if best is not None:
        doc.described[head] = best.id
        return Resolved(best.canonical, "description-resolved", best.id)
    known = doc.described.get(head)
    if known is not None:  # "the doctor", far from his name now, is still Dr. Quill
        return Resolved(doc.cast.entities[known].canonical, "the same noun named them before", known)
    body = descriptions.body_named(doc, mention, content)
    if body is not None:
        return Resolved(body, "description: the body named before")
    return None


def _described(doc: Document, mention: Mention, head: str, content: list[str]) -> Entity | None:
    """The person whose descriptors hold ``head`` (or a synonym), nearest before the
    description, else the first after it titled so; the one sharing most of its words."""
    cast, lex = doc.cast, doc.lex
    synonyms = lex.role_synonyms.get(head, frozenset())
    best, best_score = None, 0
    before = cast.names_before(mention.start, ANTECEDENT_WINDOW)
    later = [n for n in cast.names_before(mention.end + ANTECEDENT_WINDOW, ANTECEDENT_WINDOW)
             if n.start >= mention.end]
    for n in list(reversed(before)) + later:  # the nearest before, else the first after
        ent = cast.entities[n.entity]
        if n.start > mention.start and best is not None:
            break
        titled = head in n.prefix or bool(synonyms & set(n.prefix))
        if n.start > mention.start and not titled:
            continue  # a later name only when its title is the word: "the parson" ... "Parson Ashdown"
        if not ent.person or doc.page.furniture(n.start) or all(t.isupper() for t in n.tokens) \
                or head not in cast.descriptors(ent.id) \
                and not synonyms & cast.descriptors(ent.id):
            continue
        if ent.gender is not None and lex.person_nouns.get(head, ent.gender) not in (ent.gender, "-"):
            continue  # "the old man" is not Miss Tallis
        if not descriptions.modifiers_fit(doc, ent, mention):
            continue  # "the Texas senator" is no senator the text never ties to Texas
        if n.quoted and not titled:
            continue  # spoken of, unless called by the title: "I am Parson Ashdown"
        score = sum(w in ent.descriptors or bool(lex.role_synonyms.get(w, frozenset()) & ent.descriptors)
                    for w in content)
        if score > best_score:
            best, best_score = ent, score
    return best


def _unnamed(doc: Document, i: int, mention: Mention, det: str, content: list[str]) -> Resolved:
    """A description no name near stands for: the name the story gives it later, the one
    the turn before called, the kin of the story's couple, the fuller form that
    introduced it, else the description itself."""
    cast = doc.cast
    named = characters.named_later(doc, mention)
    if named is not None:
        ent = cast.entities[named]
        ent.person = True  # she speaks; and her noun tells her gender
        noun_gender = doc.lex.person_nouns.get(content[-1]) if content else None
        if ent.gender is None and noun_gender in ("m", "f"):
            ent.gender = noun_gender
        return Resolved(ent.canonical, f"'{mention.text}' is given a name", named)
    addressed = characters.addressed_as(doc, mention)
    if addressed is not None:
        return Resolved(cast.entities[addressed].canonical, "called so in the turn just before", addressed)
    chosen = characters.one_of_two(doc, i, mention)
    if chosen is not None:  # "said the latter", "cried the other"
        return Resolved(cast.entities[chosen].canonical, "one of the two people just named or speaking", chosen)
    seen = characters.scene_person(doc, i, mention)
    if seen is not None:  # "said the girl": the one girl of the scene
        return Resolved(cast.entities[seen].canonical, "the one person of that sex named in the scene", seen)
    kin = characters.kin(doc, mention)
    if kin is not None:
        return Resolved(cast.entities[kin].canonical, "the kin of the story's couple", kin)
    fuller = descriptions.introduced_as(doc, mention, det, content)
    if fuller is not None:
        return Resolved(fuller, "description: as first introduced")
    return Resolved(description(mention.text), "description")
