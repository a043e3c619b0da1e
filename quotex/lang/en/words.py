"""English words the rules share: short closed classes, too small and too
grammatical for a data file (the lexicons are in ``quotex/data``).

Each class is defined once. The sets are for membership tests; the tuples keep
the order a pattern of :mod:`quotex.lang.en.shapes` is built in
(:func:`alternation`).
"""
from __future__ import annotations

from collections.abc import Iterable

#: Words that open a description of a speaker: "the cosmonaut", "a spokesman", "two officials".
DESCRIPTION_DETERMINERS = frozenset(
    "the a an another one two three several some many other his her their its our my this these those".split())
#: The pronouns a speaker phrase may be.
PRONOUNS = frozenset("he she they i we".split())

#: The articles.
ARTICLES = ("the", "a", "an")
#: The pronouns of a person in the narration of a story or a report: "he", "she".
HE_SHE = ("he", "she")
#: The personal pronouns as subjects, lower case.
SUBJECT_PRONOUNS = ("he", "she", "they", "it", "we", "i", "you")
#: What opens a description with a clause about it: "the", "a", "another", "one" (official).
DESCRIPTION_OPENERS = ("the", "a", "an", "another", "one")
#: What may stand right before such a description inside a sentence: ", that| a White House official who".
BEFORE_INNER_DESCRIPTION = ("that", "and", "but")
#: A determiner or possessive before a speech verb form used as a noun: "a |Facebook post", "his |answer".
NOUN_DETERMINERS = ("a", "an", "the", "his", "her", "their", "its", "this", "that", "my", "our", "your")
#: Adverbs of time that may stand between a subject and its verb: "Jones, who ..., later said".
TIME_ADVERBS = ("also", "then", "later", "again")
#: The auxiliaries of the perfect: "Jones, 45, has said".
PERFECT_AUXILIARIES = ("has", "have", "had")
#: Modal auxiliaries that may stand between a clause set off and its verb: "Jones, ..., would say".
FUTURE_AUXILIARIES = ("would", "will")
#: Forms of "be" (and "get") that make a participle after them passive: "was asked", "got told".
PASSIVE_AUXILIARIES = ("was", "were", "been", "being", "is", "are", "be", "get", "got")
#: Conjunctions (and "then") after which a comma opens no clause set off: ", and he said".
CLAUSE_JOINERS = ("and", "or", "but", "so", "nor", "yet", "then")
#: What may stand before a clause's subject, closing an opening phrase: "and", "but", "named" (Jones).
CLAUSE_LEAD_WORDS = ("and", "but", "so", "yet", "still", "named", "called")
#: Subordinators that end a reported clause before a later subject: "When Trump suggested ..., Rubio".
CLAUSE_CUT_WORDS = ("while", "when", "whereas", "but", "as", "after", "before", "because", "if", "although")
#: Words that open another clause between a verb and a later cue verb: "Jones, 45, said |that| ... added".
CLAUSE_BREAK_WORDS = ("that", "who", "whom", "which", "when", "while", "because", "if", "as", "but", "after",
                      "before", "since", "until", "although", "though", "whereas", "where", "whether", "once")
#: Words after which the name before a colon is an object: "a message to Trump:".
OBJECT_BEFORE_COLON = frozenset("to with on at in against about for of into than like as quotes quoted".split())
#: Words that end the object of a verb of address: "told reporters| on Tuesday", "told him| that".
ADDRESSEE_STOP_WORDS = ("who", "that", "about", "on", "in")
#: Groups and object pronouns a speech verb's object may be when it names no one: "told reporters".
AUDIENCE_WORDS = ("reporters", "journalists", "crew", "audience", "crowd", "supporters", "students", "media",
                  "press", "lawmakers", "congress", "him", "her", "them", "me", "us")
#: Words that end the modifiers of an indefinite description: "a Republican committee aide| who".
MODIFIER_STOPS = ("the", "of", "for", "to", "in", "on", "with", "at", "and", "or", "who", "that")

#: The lower-case particles a name in a byline may hold: "By Ursula |von| der Leyen".
BYLINE_PARTICLES = ("de", "van", "von", "der", "la", "le", "da")

#: Words that may come before a name a quotation opens by calling: "My dear Mr. Bennet,".
VOCATIVE_LEAD = frozenset("my dear oh o ah why well yes no now poor good old".split())
#: Words a character's label keeps in lower case inside it: "The Man with the Scar".
LABEL_SMALL_WORDS = frozenset("of and with in on at to from the a an".split())
#: The owners of a noun that names a character: "my |mother", "the |doctor".
OWNER_WORDS = ("my", "his", "her", "our", "the")
#: What opens a noun a turn may have called someone: "the |nurse", "his |mother".
CALLED_NOUN_OWNERS = frozenset("the his her my".split())
#: What opens a kinship noun: "his |wife", "their |mother".
KIN_OWNERS = frozenset("his her the their my".split())
#: The titles of a married couple, without their dot: Mr. and Mrs. Bennet.
COUPLE_TITLES = ("Mr", "Mrs")
#: The title of a married woman, without its dot.
WIFE_TITLE = "Mrs"


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of ``words``, tried in the order given: ``(?:a|b|c)``."""
    return "(?:" + "|".join(words) + ")"
#: The forms of "be": a quotation right after one is what something is said to be ('the plans are "reckless"').
COPULAS = frozenset("is are was were be been being am".split())
#: Short words a title leaves in lower case ("The Lead with Jake Tapper", "Midday with Charlie Sykes").
TITLE_SMALL_WORDS = frozenset("with from into onto over upon about than".split())
#: "the latter" / "the former": which of the two people just named (the last, the one before);
#: "the other": the other party of a conversation of two (quotex.attribution.dialogue.characters).
ONE_OF_TWO = {"latter": 1, "former": 2}
OTHER_PARTY = "other"
