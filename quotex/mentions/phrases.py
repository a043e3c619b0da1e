"""Speaker phrases: read the words a cue points at as a name, a pronoun or a description.

``phrase_before`` reads the phrase that ends where a speech verb starts
("Russian President Vladimir Putin| said", "the cosmonaut| said",
"Dmitry Rogozin, who was appointed head of Roscosmos,| said");
``phrase_after`` reads the phrase that starts after an inverted verb
("said| Elizabeth.", "according to| the Kremlin"). Both return a
:class:`Mention` with exact offsets, or None when the words are not a
speaker phrase (a clause, a date, a place after "in").
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from quotex.lang.en.cues import AUXILIARIES
from quotex.lang.en.words import (
    CLAUSE_INSIDE, DESCRIPTION_AFTER_STOPS, DESCRIPTION_DETERMINERS, DESCRIPTION_PREPOSITIONS, LY_NOUNS,
    MODIFIED_ROLES, NOT_IN_LEAD, OBJECT_PREPOSITIONS, PHRASE_AFTER_STOPS, PRONOUNS, QUANTIFIERS, RELATIVE_OPENERS,
    RELATIVE_WORDS, ROLE_OBJECT_PREPOSITIONS, ROLE_PREPOSITIONS, TAIL_ADJECTIVES, TAIL_DETERMINERS,
    TAIL_PREPOSITIONS, alternation,
)
from quotex.mentions.cast import ORG_WORDS, Cast, Name

#: Words that end a speaker phrase read after a verb: "said Smith in a statement".
STOP_AFTER = regex.compile(
    r"\s*(?:,|\(|" + "".join(rf"\b{w}\b|" for w in PHRASE_AFTER_STOPS) + "$)", regex.IGNORECASE)
_AUX_TAIL = regex.compile(r"\s+(?:" + "|".join(AUXILIARIES) + r")$", regex.IGNORECASE)
#: Two names joined by "and" in a mention's text.
_AND_BETWEEN = regex.compile(r"^\p{Lu}.*\s+and\s+\p{Lu}")
#: "and" between two names, titles allowed before the second: " and House Speaker |".
_AND_BEFORE = regex.compile(r"\s+and\s+(?:\p{Lu}[\p{L}.\-]*\s+){0,3}$")
#: "and" after a name, before the second of two people: "Ann Lee| and |Bo Park".
_AND_AFTER = regex.compile(r"\s+and\s+")
_OWNED = regex.compile(r"(?:['’]s|s['’])\s+(?:[\p{Ll}\-]+\s+){0,2}(?P<head>[\p{Ll}\-]+)$")
#: A lowercase role word right after a name makes the name a modifier: "a Clinton veteran".
_MODIFIER = regex.compile(r"\s+(?:[\p{Ll}\-]+\s+)?" + alternation(MODIFIED_ROLES) + r"s?\b")
#: Up to four lowercase words after a name (or its possessive), the last a role: "Cruz constituent",
#: "Clinton's top foreign policy aide" (the greedy match backs off to the first role found, see ``role_after``).
_ROLE_AFTER = regex.compile(r"(?:['’]s|['’])?\s+(?:[\p{Ll}\-]+\s+){0,3}(?P<head>[\p{Ll}\-]+)\b")
#: The rest of a description: "close to the Clintons", "familiar with the matter", "to Bill Clinton",
#: "to both Clintons".
OF_TAIL = regex.compile(r"(?:\s+" + alternation(TAIL_ADJECTIVES) + ")?"
                        r"\s+" + alternation(TAIL_PREPOSITIONS) + r"\s+(?:" + alternation(TAIL_DETERMINERS)
                        + r"\s+[\p{L}\d'’\-]+"
                        r"|\p{Lu}[\p{L}'’\-]*)"
                        r"(?:\s+\p{Lu}[\p{L}'’\-]*){0,3}")
#: The word read back from a name to find the preposition it may be the object of ("in Brooklyn").
_PREV_WORDS = regex.compile(r"(?<![\p{L}'’])(?P<prep>\p{Ll}+)\s+(?:the\s+)?$")
_OF_PLACE = regex.compile(r"\s+of\s+(?:the\s+)?$")
_RELATIVE = regex.compile(r"\s*" + alternation(RELATIVE_OPENERS) + r"\b")
#: An apposition opening in lower case after a comma: ", |clad in a red coat ...", ", |wife of ...".
_LOWER_LEAD = regex.compile(r"\s*\p{Ll}")
_PAREN_TAIL = regex.compile(r"\s*\([^()]{1,40}\)$")
_CLAUSE_OPENING = regex.compile(r"[,;:(—–]\s*$|\b(?:and|but)\s+$")
#: A word: letters and digits with inner apostrophes, dots, "&" and single hyphens ("brother--and" is two).
_WORDS = regex.compile(r"[\p{L}\p{M}\d](?:[\p{L}\p{M}\d'’.&]|-(?!-))*")


@dataclass(frozen=True)
class Mention:
    """Words of the text a cue points at, at ``text[start:end]``."""

    start: int
    end: int
    text: str
    kind: str  # "name", "pronoun" or "description"


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORDS.finditer(text, start, end)]


def phrase_before(cast: Cast, start: int, end: int, *, strict: bool = False) -> Mention | None:
    """The speaker phrase that ends at ``end`` (just before a verb), reading back to ``start``.

    With ``strict``, a description must end in a word for a person or a body
    ("the cosmonaut", "the ministry"), not any noun ("the cooperation").
    """
    text = cast.text
    seg = text[start:end].rstrip()
    end = start + len(seg)
    # strip auxiliaries and adverbs sitting before the verb: "Putin also", "she has"
    while True:
        m = _AUX_TAIL.search(text, start, end)
        if not m:
            break
        end = m.start()
    tail = text[start:end]
    if tail.endswith(","):
        # "..., Gov. John Kasich (R-OH), said": the phrase ends at the comma, or else an
        # apposition closed by the comma stands between: "Rogozin, who ..., said"
        found = _phrase_at(cast, start, end - 1, strict)
        cut = tail[:-1].rfind(",")
        if cut >= 0 and _RELATIVE.match(tail, cut + 1):
            found = None  # "..., who was among those polled,": a clause about the speaker, not the speaker
        inside = found is not None and found.kind == "name" and bool(_LOWER_LEAD.match(tail, cut + 1))
        if (found is None or found.kind == "name" and not _person(cast, found) or inside) and cut >= 0:
            # "Dana Voss, the chair of Ohio's Lake Ridge County, said", "Lyle Park, 41,
            # of Dayton, Ohio, who was surveyed, said": a person named before the appositions
            # speaks, not the place or body that closes them (the nearest such person); nor a name
            # inside an apposition that opens in lower case: "Mara Lind, wife of Dan Lind, said"
            comma = cut
            while comma >= 0:
                head = _phrase_at(cast, start, start + comma, strict)
                if head is not None and head.kind == "name" and _person(cast, head):
                    return head
                comma = tail.rfind(",", 0, comma)
        if found is not None and (found.kind != "description" or _AND_BETWEEN.search(found.text)):
            return found  # a name, a pronoun, or two names joined by "and"
        end = start + cut if cut >= 0 else end - 1
    return _phrase_at(cast, start, end, strict)


def _person(cast: Cast, mention: Mention) -> bool:
    """The name mention is known as a person's."""
    name = cast.name_at(mention.start, mention.end)
    return name is not None and cast.entities[name.entity].person


def _phrase_at(cast: Cast, start: int, end: int, strict: bool) -> Mention | None:
    """The speaker phrase ending exactly at ``end``."""
    text = cast.text
    tail = _PAREN_TAIL.sub("", text[start:end])  # "Sen. Ted Cruz (R-Texas)"
    end = start + len(tail.rstrip())
    words = _words(text, start, end)
    if not words:
        return None
    ws, we, w = words[-1]
    if we != end:
        return None
    low = w.lower()
    if low in PRONOUNS:
        return Mention(ws, we, w, "pronoun")
    name = cast.name_at(max(start, end - 120), end)
    if name is not None and name.end == end:
        if not _object_of(text, start, name.start):
            pair = coordinated(cast, start, name.start)
            if pair is not None:  # "Hale and Ortiz| issued": both speak
                return Mention(pair, name.end, text[pair:name.end], "description")
            return Mention(name.start, name.end, text[name.start:name.end], "name")
        of = _OF_PLACE.search(text, max(start, name.start - 8), name.start)
        person = cast.name_at(max(start, name.start - 120), of.start()) if of else None
        if of is not None and person is not None and person.end == of.start():
            # "Sen. Tom Udall of New Mexico": the person, not the place
            return Mention(person.start, person.end, text[person.start:person.end], "name")
        comma = text.rfind(",", start, name.start)
        head = cast.name_at(max(start, comma - 120), comma) if comma >= 0 else None
        if head is not None and head.end == comma and cast.entities[head.entity].person \
                and "," not in text[comma + 1:name.start]:
            # "Mara Quill, president and CEO of Coastal Grocers Council stated"
            return Mention(head.start, head.end, text[head.start:head.end], "name")
    owned = owner_phrase(cast, start, end)
    if owned is not None:
        return owned
    # a description: the last determiner among the last words
    k = len(words) - 1
    lowest = max(0, len(words) - 6)
    while k >= lowest:
        if words[k][2].lower() in DESCRIPTION_DETERMINERS and k == len(words) - 1:
            return None  # '"...," was the| answer': a determiner alone is no speaker
        if words[k][2].lower() in DESCRIPTION_DETERMINERS and k >= 2 and words[k - 1][2].lower() in DESCRIPTION_PREPOSITIONS:
            lowest = max(0, k - 6)  # "a source familiar with the matter": the phrase goes on left
        elif words[k][2].lower() in DESCRIPTION_DETERMINERS:
            opens_clause = k == 0 or bool(_CLAUSE_OPENING.search(text, start, words[k][0]))
            if strict and low not in cast.lex.roles and low not in ORG_WORDS and not opens_clause \
                    and not _role_then_tail(cast, words[k + 1:]):
                return None
            s = words[k][0]
            cut = _clause_cut(text, words[k + 1:], end)
            if cut is None:
                return None  # "one of 45| states", "the only pollster to correctly| predict": a clause
            # "an amiable handsome baronet, who| said": the clause about the person is left out
            return Mention(s, cut, text[s:cut].rstrip(" ,"), "description")
        k -= 1
    if low in cast.lex.roles and (len(words) == 1 or words[-2][2].lower() not in ROLE_OBJECT_PREPOSITIONS):
        s = words[-2][0] if len(words) > 1 and words[-2][2][:1].isupper() else ws
        return Mention(s, end, text[s:end], "description")
    return None


def _clause_cut(text: str, words: list[tuple[int, int, str]], end: int) -> int | None:
    """Where the description read back from a verb to its determiner ends: before a
    relative word that opens a clause about it ("commentators| who have suggested").
    None when the words hold another clause (a conjunction, a linking verb, a dash: "its
    grants on Monday, but several| accounts"), when no noun is left, or when they
    end in a number or an adverb ("one of 45| states", "the only pollster to correctly| predict")."""
    for j, (ws, _, w) in enumerate(words):
        dash = text.find("--", words[j - 1][1] if j else ws, ws)
        if w.lower() in RELATIVE_WORDS:
            return _noun_left(text, words[:j], ws)  # "an amiable handsome baronet,| who"
        if w.lower() in CLAUSE_INSIDE or dash >= 0 or text[words[j - 1][1] if j else ws:ws].strip() in ("—", "–"):
            return None  # "its grants on Monday, but| several accounts": another clause
    if words:
        last = words[-1][2].lower()
        if last.isdigit() or last.endswith("ly") and last not in LY_NOUNS:
            return None
    return end


def _noun_left(text: str, words: list[tuple[int, int, str]], cut: int) -> int | None:
    """``cut`` when a noun is left before it (its last word no number, adverb or verb form)."""
    if not words:
        return None
    last = words[-1][2].lower()
    if last.isdigit() or last.endswith(("ly", "ing")) and last not in LY_NOUNS or last in CLAUSE_INSIDE:
        return None
    return words[-1][1]


def _role_then_tail(cast: Cast, words: list[tuple[int, int, str]]) -> bool:
    """The words of a description hold a role and then the body it serves: "a spokesman
    for| Bernie Sanders", "a senior adviser to| the governor"."""
    return any(w.lower() in cast.lex.roles and nxt.lower() in ROLE_PREPOSITIONS and not cast.text[we:ns].strip()
               for (_, we, w), (ns, _, nxt) in zip(words, words[1:]))  # not "a protester, with Trump"


def coordinated(cast: Cast, start: int, pos: int) -> int | None:
    """Where the person named before "and" starts, when the name at ``pos`` is the second of
    two people joined by it ("Hale and| Ortiz", "Senate leader Rob Fenn and House Speaker|
    Joy Marsh"); None otherwise. Not across a preposition ("talks with Hale and| Ortiz")."""
    text = cast.text
    joint = _AND_BEFORE.search(text, max(start, pos - 60), pos)
    if joint is None:
        return None
    first = cast.name_at(max(start, joint.start() - 120), joint.start())
    if first is None or first.end != joint.start() or not cast.entities[first.entity].person \
            or _object_of(text, start, first.start):
        return None
    return first.start


def joined_after(cast: Cast, first: Name, end: int) -> Mention | None:
    """Two people after an inverted verb, joined by "and": '"...," answered |Ann Lee and Bo
    Park|.' The second must be a person's name that ends the phrase; the pair is one
    speaker phrase, which resolves to both names."""
    text = cast.text
    joint = _AND_AFTER.match(text, first.end, end)
    lex = cast.lex
    if joint is None or not cast.entities[first.entity].person \
            or any(t.lower() in lex.titles or t.lower().rstrip(".") in lex.titles for t in first.tokens):
        return None  # "said former Pennsylvania Gov.| and ... Chairman Ed Rendell": one person
    second = cast.name_at(joint.end(), min(end, joint.end() + 80))
    if second is None or second.entity == first.entity or not cast.entities[second.entity].person \
            or not STOP_AFTER.match(text, second.end, end):
        return None
    lead = _WORDS.findall(text, joint.end(), second.start)
    if any(not (w[:1].isupper() or w.lower() in lex.roles) for w in lead):
        return None  # "Ann Lee and the rest of| Bo Park's staff"
    return Mention(first.start, second.end, text[first.start:second.end], "description")


def _object_of(text: str, start: int, pos: int) -> bool:
    """The name at ``pos`` is the object of a preposition, not a speaker: "chair of
    the| Platform Committee", "a lobbyist in| Brooklyn", "a lawyer at| Smith Jones"."""
    prev = _PREV_WORDS.search(text, max(start, pos - 30), pos)
    return prev is not None and prev.group("prep").lower() in OBJECT_PREPOSITIONS


def role_after(cast: Cast, pos: int, end: int) -> regex.Match[str] | None:
    """The role word within the first four lower-case words after a name (or its
    possessive): "Trump's| spokeswoman", "Clinton’s| top foreign policy aide"."""
    text = cast.text
    for _ in range(4):
        m = _ROLE_AFTER.match(text, pos, end)
        if m is None:
            return None
        if m.group("head").lower() in cast.lex.roles:
            return m
        end = m.start("head")  # try the shorter phrase: the role may come earlier
    return None


def _office_of(cast: Cast, lead: list[str], k: int) -> bool:
    """The word at ``k`` of a lead is the "of" of an office: "said former secretary of labor|
    Nora Bell", "said master of the hunt| Omar Dales"."""
    lex = cast.lex
    return 0 < k < len(lead) - 1 and lead[k].lower() == "of" and (lead[k - 1].lower() in lex.roles
                                                                  or lead[k - 1].lower() in lex.person_nouns)


def _modifier(cast: Cast, pos: int, end: int) -> bool:
    """The name ending at ``pos`` modifies a role or owns it, so it is not the speaker:
    "one Trump confidant", "Clinton ally James Carville", "Rubio's deputy campaign
    manager, Rich Beeson"."""
    text = cast.text
    if _MODIFIER.match(text, pos, end):
        return True
    return role_after(cast, pos, end) is not None


def _named_after_comma(cast: Cast, start: int, end: int) -> Mention | None:
    """The person a description is followed by after a comma: "the head of Roscosmos, |Dmitry
    Rogozin": a role word before the comma, a person's name right after it."""
    text = cast.text
    comma = text.find(",", start, end)
    if comma < 0 or not any(w.lower() in cast.lex.roles for w in _WORDS.findall(text, start, comma)):
        return None
    after = comma + 1 + len(text[comma + 1:end]) - len(text[comma + 1:end].lstrip())
    for n in cast.names_before(min(end, after + 80), 80):
        if n.start == after and cast.entities[n.entity].person:
            return Mention(n.start, n.end, text[n.start:n.end], "name")
    return None


def owner_phrase(cast: Cast, start: int, end: int) -> Mention | None:
    """A body or aide named by its owner, ending at ``end``: "Ryan's campaign", "Trump's lawyer"."""
    m = _OWNED.search(cast.text, start, end)
    head = m.group("head").lower() if m is not None else ""
    if m is None or head not in cast.lex.roles and head not in ORG_WORDS:  # no union of the sets per call
        return None
    name = cast.name_at(max(start, m.start() - 120), m.start() + 1)
    if name is None or name.end not in (m.start(), m.start() + 1):  # "Ryan's", "Sanders'"
        return None
    return Mention(name.start, end, cast.text[name.start:end], "description")


def phrase_after(cast: Cast, start: int, end: int) -> Mention | None:
    """The speaker phrase that starts at ``start`` (just after a verb), reading on to ``end``."""
    text = cast.text
    start += len(text[start:end]) - len(text[start:end].lstrip())
    words = _words(text, start, end)
    if not words:
        return None
    ws, we, w = words[0]
    low = w.lower()
    if low.endswith(".") and low[:-1] in PRONOUNS:  # '"Who?" said I.': the word, not an initial
        w, we, low = w[:-1], we - 1, low[:-1]
    if low in PRONOUNS:
        if STOP_AFTER.match(text, we, end) or text[we:we + 1] in ".!?":
            return Mention(ws, we, w, "pronoun")
        return None
    name = cast.name_at(ws, min(end, ws + 160))
    first = None
    if name is not None:
        # the first name starting in the phrase, with only titles before it; a name
        # that modifies a role is part of the lead: "said Clinton ally| James Carville"
        for n in cast.names_before(min(end, ws + 160), 160):
            if n.start >= ws:
                first = n
                if not _modifier(cast, n.end, end):
                    break
    if first is not None and not _modifier(cast, first.end, end):  # "a 2008 Clinton veteran"
        lead = _WORDS.findall(text[ws:first.start])
        if len(lead) <= 5 and not any(x.lower() in NOT_IN_LEAD and not _office_of(cast, lead, k)
                                      for k, x in enumerate(lead)):
            return joined_after(cast, first, end) \
                or Mention(first.start, first.end, text[first.start:first.end], "name")
    elif first is not None and name is not None and name.start == ws:
        role = role_after(cast, name.end, end)  # "said Trump's spokeswoman"
        if role is not None:
            return Mention(ws, role.end(), text[ws:role.end()], "description")
    if low in DESCRIPTION_DETERMINERS or low in cast.lex.roles:
        named = _named_after_comma(cast, ws, end)
        if named is not None:  # "said the head of Roscosmos, Dmitry Rogozin"
            return named
        e = we
        for k, (s2, e2, w2) in enumerate(words[1:6]):
            if k == 0 and low in QUANTIFIERS and w2.lower() == "of":
                e = e2  # "one of| those advisers"
                continue
            if STOP_AFTER.match(text, e, s2 + 1) and text[e:s2].strip() not in ("",):
                break
            if k and (w2.lower() in DESCRIPTION_AFTER_STOPS  # a word after the determiner at least
                      or w2.lower() in AUXILIARIES or (w2.lower().endswith("ly") and w2.islower())):
                break  # "the doctor| carelessly", "the Trump campaign| has yet"
            e = e2
        tail = OF_TAIL.match(text, e, end)  # "a person close to the Clintons"
        if tail:
            e = tail.end()
        return Mention(ws, e, text[ws:e], "description")
    return None
