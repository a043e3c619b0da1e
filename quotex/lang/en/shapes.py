"""Patterns and tests of text shape that several attribution rules share."""
from __future__ import annotations

import regex

from quotex.lang.en.cues import PARTY
from quotex.lang.en.words import (
    ARTICLES, CHARACTER_DETERMINERS, CLAUSE_WORDS, HE_SHE, IRREGULAR_PASTS, LOWER_DETERMINERS, NEGATED_AUXILIARIES,
    PROGRESSIVE_BE, TIME_LEADS, TIME_NOUNS, TITLE_PREPOSITIONS, VERB_LEADS, alternation, capitalized,
)
# named here too for resolve/antecedents.py (another helper's), which imports it from here
from quotex.lang.en.words import NOT_BEFORE_SUBJECT as NOT_BEFORE_SUBJECT

#: A verb (after an optional parenthesis, apposition and adverbs) following a subject.
VERBISH = regex.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,[^,.;:!?\"“”]{1,160},\s*|,\s*)?"
    r"(?:" + alternation(TIME_LEADS) + r"\s+)?(?:" + alternation((r"\p{Lu}\p{Ll}+day", *TIME_NOUNS)) + r"\s+)?"
    r"(?:" + alternation(NEGATED_AUXILIARIES) + r"n['’]t\s+(?:\p{Ll}+ly\s+)?\p{Ll}{2,}"
    r"|(?:" + alternation((*VERB_LEADS, r"\p{Ll}+ly")) + r"\s+){0,2}"
    + alternation((r"\p{Ll}+ed", r"\p{Ll}{2,}(?<!s)s",
                   r"(?<=\b" + alternation(PROGRESSIVE_BE) + r"\s)\p{Ll}{2,}ing", *IRREGULAR_PASTS))
    + r")(?![\p{L}'’])")

#: A word of the gap between a quotation and its speaker phrase.
LEAD_WORD = regex.compile(r"[\p{L}\p{M}\d'’.\-]+")

#: A dot between initials ("G.K."), which does not end a speaker phrase.
INITIAL_DOT = regex.compile(r"(?<=(?<![\p{L}])\p{Lu})\.(?=\p{Lu}\.)")

#: A character of a speaker phrase: no sentence stop or quotation mark, but the dot of an initial ("A.").
PHRASE_CHAR = r"(?:[^.!?;:\"“”«»„\n]|(?<=(?<![\p{L}])\p{Lu})\.)"

#: The rest of a speaker phrase.
PHRASE_REST = regex.compile(PHRASE_CHAR + "*")

#: How far (characters) the resolver looks after a quote for its cue (before it: WINDOW_BEFORE).
WINDOW_AFTER = 220



def only_lead(gap: str) -> bool:
    """Only punctuation and a few modifier words stand between the quote and the speaker
    phrase ("…," NASA engineer Jennifer Trosper said), not a clause."""
    words = LEAD_WORD.findall(gap)
    return len(words) <= 6 and not any(w.lower() in CLAUSE_WORDS for w in words)


def phrase_then_name(gap: str, gerunds: bool = False) -> bool:
    """The quote's sentence goes on for a phrase, then a comma and the speaker's name:
    '"Without that early help" from the port, the county and several
    charities, Brandt said'. No clause inside (no verb-like word, no subordinator);
    with ``gerunds``, -ing forms may stand in it ("from sharing the same ferry")."""
    words = LEAD_WORD.findall(gap)
    verbish = ("ed",) if gerunds else ("ed", "ing")
    return gap.rstrip().endswith(",") and len(words) <= 14 and not any(
        w.lower() in CLAUSE_WORDS - {"and"} or w.islower() and w.endswith(verbish) for w in words)


def participle(verb: str) -> bool:
    """An -ing form ("saying", "telling"), which never inverts with its subject."""
    return verb.lower().endswith("ing")


def phrase_end(text: str, end: int, limit: int) -> int:
    """Where a speaker phrase cut at a dot ends once dotted initials are read through:
    "said Rep. J.|P. Hollings (D-N.M.), chair of ..." -> "...Hollings (D-N"."""
    for _ in range(4):
        if not INITIAL_DOT.match(text, end, limit):
            break
        more = PHRASE_REST.match(text, end + 1, limit)
        if more is None:
            break
        end = more.end()
    return end

#: He or she opening a sentence.
OPENING_PRONOUN = regex.compile(alternation(capitalized(HE_SHE)) + r"(?![\p{L}'’])")
#: The last word before a position (a comma or blanks may follow it).
PREV_WORD = regex.compile(r"([\p{L}]+)[\s,]*$")
#: A lawmaker's party and state after the name: ", R-Ky.,", " (D-N.Y.)".
PARTY_AFTER_NAME = regex.compile(r",?\s*\(?" + PARTY + r"\)?,?")
#: The last word of a stretch.
LAST_WORD = regex.compile(r"(\S+)\s*$")
#: How far (characters) the resolver looks back from a quote for its sentence and cue.
WINDOW_BEFORE = 320
#: How far back a pronoun or a description looks for the person it names.
ANTECEDENT_WINDOW = 2500
#: A determiner or possessive that may open a noun naming a character: "the doctor", "his mother".
CHARACTER_DET = regex.compile(r"(?<![\p{L}'’])" + alternation(CHARACTER_DETERMINERS) + r"\s+", regex.IGNORECASE)
#: A lower-case word after such a determiner, up to two more words stepped over: "the |doctor|".
LOWER_WORDS = regex.compile(r"\G(?:[\p{Ll}\-]+,?\s+){0,2}?([\p{Ll}\-]+)(?![\p{L}'’])")
#: Words that open a clause's subject: a pronoun or a description.
SUBJECT_WORD = regex.compile(r"(?<![\p{L}'’])" + alternation(HE_SHE + ARTICLES) + r"(?![\p{L}'’])", regex.IGNORECASE)
#: A word (letters and hyphens).
WORD = regex.compile(r"[\p{L}\-]+")
#: The words just before a position after a comma: ", my dear |Ann" (group 1: "my dear ").
LEAD_WORDS = regex.compile(r",\s*((?:[\p{L}.]+\s+){1,3})$")
#: Control and format characters, dropped from a phrase reported as a speaker.
CONTROL = regex.compile(r"[\p{Cc}\p{Cf}]")

#: Words that announce a term, not speech: 'the so-called "reset"', 'a film titled "..."'.
TERM_MARKER = regex.compile(r"(?<![\p{L}])(?:so-called|so called|the word|the words|the term|the phrase|"
                            r"the slogan|the hashtag|titled|entitled|headlined)\s*$", regex.IGNORECASE)
#: What stands before a title in marks: 'on "Meet the Press"', 'told NBC's "Today"'.
TITLE_BEFORE = regex.compile(r"(?:(?<![\p{L}])" + alternation(TITLE_PREPOSITIONS) + r"|\p{L}['’]s)\s+$")
#: A word right before the marks, on the same line: the quotation goes on a clause ('called it "unethical"').
IN_CLAUSE = regex.compile(r"[\p{L}\p{N}][ \t\u00a0]*$")


def description(phrase: str) -> str:
    """A description as a speaker, one spelling wherever it stands: "The parson" opening
    a sentence is "the parson" elsewhere."""
    out = plain(phrase)
    first, _, rest = out.partition(" ")
    if rest and first.lower() in LOWER_DETERMINERS:
        return f"{first.lower()} {rest}"
    return out


def plain(phrase: str) -> str:
    """A phrase from the text as a speaker: control characters dropped, blanks collapsed."""
    return " ".join(CONTROL.sub("", phrase).split())
#: Letters each with its dot, as initials read once lower-cased: "u.s.", "j.".
DOTTED_LETTERS = regex.compile(r"(?:\p{L}\.)+")
#: A speaker saying who they are: "I am |Ned Pryor", "when I be plain |Ned".
I_AM = regex.compile(r"\bI(?:'m|’m| am| be)(?: plain| only| just)? ")
#: The narration giving a character's name: "Her name was |Duchess".
NAME_WAS = regex.compile(r"\b([Hh]is|[Hh]er) name(?: was| is|'s|’s) ")
#: "him" or "her" as the object of a verb: "My father told| him| no".
OBJECT_HIM_HER = regex.compile(r"\s+(?:him|her)\b")
