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

#: Words that may come before a name a quotation opens by calling: "My dear Mr. Harlow,".
VOCATIVE_LEAD = frozenset("my dear oh o ah why well yes no now poor good old".split())
#: Words a character's label keeps in lower case inside it: "The Man with the Scar".
LABEL_SMALL_WORDS = frozenset("of and with in on at to from the a an".split())
#: The owners of a noun that names a character: "my |mother", "the |doctor".
OWNER_WORDS = ("my", "his", "her", "our", "the")
#: What opens a noun a turn may have called someone: "the |nurse", "his |mother".
CALLED_NOUN_OWNERS = frozenset("the his her my".split())
#: What opens a kinship noun: "his |wife", "their |mother".
KIN_OWNERS = frozenset("his her the their my".split())
#: The titles of a married couple, without their dot: Mr. and Mrs. Harlow.
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

# -- names -------------------------------------------------------------------
#: Lower-case particles that may stand between the words of a name: "Ursula |von der| Leyen", "Bashar |al|-Assad".
NAME_INNER_PARTICLES = ("al", "el", "bin", "da", "de", "del", "della", "der", "di", "du", "la", "le", "van", "von",
                        "y", "ibn", "ben")
#: The particles that may open a name before its first capital: "|von| der Leyen", "|bin| Salman".
NAME_LEAD_FIRST = ("von", "van", "de", "der", "den", "ter", "bin", "ibn")
#: The particles that may follow one of those: "von |der| Leyen".
NAME_LEAD_SECOND = ("der", "den", "de", "la")
#: The endings of a contraction ("We|'ve|", "Didn|'t|"), which make a capitalized word no name.
CONTRACTION_ENDINGS = ("ve", "re", "ll", "d", "m", "t")
#: First words of place names, which are not people's first names.
PLACE_FIRST = frozenset("new north south east west san los las saint st. fort lake mount port".split())
#: Words that make "St." before a name part of a place: "South St. Paul", "East St. Louis".
PLACE_COMPASS = frozenset("north south east west".split())
#: Prepositions a person's name hardly ever follows ("at Lisbon", "in Porto"); "to",
#: "from", "with", "about" and "of" take people as well.
PLACE_ONLY_PREPOSITIONS = frozenset("at in into near within inside throughout".split())
#: "St." as a name's word, with and without its dot.
SAINT = ("st.", "st")
#: Honorifics that mark a woman, and a man.
FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss madam madame mme mlle lady queen princess dame".split())
MALE_TITLES = frozenset("mr mr. sir lord king prince father mister monsieur".split())
#: What may introduce an apposition after a name: "Dmitry Rogozin, |who was| ...", "..., |who has been| ...".
APPOSITION_VERBS = ("is", "was", "has been", "had been", "became", "serves as")
#: The participles of an appointment inside such an apposition: "who was |named| head of ...".
APPOINTED = ("appointed", "named", "elected")
#: The determiners that may open the noun of an apposition: ", |the| commander of".
APPOSITION_DETERMINERS = ("the", "a", "an", "its", "his", "her")
#: Words that end the look back for role words before a name: "said| astronaut Norishige Kanai".
DESCRIPTOR_STOPS = ("and", "or", "said", "told", "with", "by", "to", "that", "whether", "if", "than", "would", "could",
                    "should", "might", "must", "shall")

# -- the words between a subject and its verb (VERBISH of quotex.lang.en.shapes) -------------------------
#: Words of time opening a phrase before a verb: "|last| week", "|on| Monday".
TIME_LEADS = ("on", "last", "this", "early", "late", "earlier")
#: Nouns of time after them ("Monday" and the other days are read as a shape).
TIME_NOUNS = ("week", "month", "year", "morning", "night")
#: Auxiliaries written with "n't" ("ca|n't", "wo|n't").
NEGATED_AUXILIARIES = ("did", "does", "do", "was", "is", "has", "have", "had", "would", "could", "will", "ca", "wo")
#: Adverbs, auxiliaries and reflexives that may stand between a subject and its verb (two at most).
VERB_LEADS = ("also", "later", "then", "has", "have", "had", "will", "would", "is", "was", "were", "are", "often",
              "again", "never", "not", "just", "once", "himself", "herself", "itself", "themselves", "repeatedly",
              "recently", "previously")
#: The forms of "be" before a progressive -ing form: "was |saying|".
PROGRESSIVE_BE = ("is", "was", "are", "were", "been")
#: Irregular past tenses read as a verb after a subject.
IRREGULAR_PASTS = ("told", "said", "wrote", "spoke", "made", "gave", "took", "thought", "felt", "saw", "put", "set",
                   "got", "met", "sought", "brought", "knew", "ran", "won", "lost", "began", "became", "kept", "held",
                   "struck", "stood", "went", "came", "did", "sent", "paid", "meant", "built", "spent", "fought",
                   "threw", "drew", "chose", "bought", "taught", "swore", "shook", "drove", "grew", "shot", "hit",
                   "arose", "rose", "sat", "bent", "fell", "wore", "hung")

# -- speaker phrases (quotex.mentions.phrases) ---------------------------------------------------
#: Determiners that take "of" before their noun: "one of those advisers".
QUANTIFIERS = frozenset("one two three several some many another".split())
#: Words that end a speaker phrase read after a verb: "said Smith |in| a statement" (a comma, "(" and the end too).
PHRASE_AFTER_STOPS = ("in", "on", "at", "after", "before", "during", "when", "while", "as", "to", "who", "whose",
                      "that", "because", "and", "but", "this", "last", "earlier", "later", "on", "from", "with",
                      "of", "for")
#: Words that cannot stand between an inverted verb and the speaker's name ("said ... of X").
NOT_IN_LEAD = frozenset("of for at with in on who which whom that to from about by and but when after before".split())
#: Prepositions before a determiner that carry a description on to the left: "a source familiar |with| the matter".
DESCRIPTION_PREPOSITIONS = frozenset("with of for from at on in to about".split())
#: Words that show a clause inside what reads back as a description.
CLAUSE_INSIDE = frozenset("but who which whom whose be is was were are been has have had having".split())
#: Relative words after which a clause about the described person runs on to the verb.
RELATIVE_WORDS = frozenset("who which whom whose".split())
#: The relative words that open a clause about a speaker after a comma: ", |who| was among those polled,".
RELATIVE_OPENERS = ("who", "whose", "which")
#: Nouns in -ly, which may end a description.
LY_NOUNS = frozenset("ally family assembly daily monopoly".split())
#: The words between a role and the body it serves: "spokesman |for|", "adviser |to|", "head |of|".
ROLE_PREPOSITIONS = frozenset("for of to at with".split())
#: The words after which a role ending a phrase is not the speaker: "the head |of| ... said".
ROLE_OBJECT_PREPOSITIONS = ("of", "for", "to")
#: Role nouns right after a name that make the name their modifier: "a Clinton |veteran|".
MODIFIED_ROLES = ("adviser", "advisor", "aide", "veteran", "official", "spokesman", "spokeswoman", "supporter",
                  "staffer", "strategist", "ally", "critic", "donor", "voter", "campaign")
#: Adjectives that take a preposition in the rest of a description: "|close| to the Clintons".
TAIL_ADJECTIVES = ("close", "familiar", "loyal", "near", "opposed", "allied", "linked", "connected")
#: The prepositions of the rest of a description: "close |to| the Clintons", "a lawyer |for| Smith".
TAIL_PREPOSITIONS = ("to", "with", "of", "for", "at", "from", "in")
#: Determiners before the object in the rest of a description: "to |both| Clintons".
TAIL_DETERMINERS = ("the", "both", "all", "his", "her", "their")
#: Prepositions whose object a name is ("in Brooklyn").
OBJECT_PREPOSITIONS = frozenset("of for at with in on to from about by near under into".split())
#: Words that end a description read after an inverted verb: "said the doctor| who ...".
DESCRIPTION_AFTER_STOPS = ("of", "for", "at", "with", "in", "on", "who", "and", "to", "that", "from", "as",
                           # and the adverbs of time that follow a tag: "said the painter| after a pause"
                           "after", "before", "when", "while", "soon", "afterwards", "then", "again", "presently",
                           "now", "once", "without", "upon", "into")

# -- cue rules (quotex.attribution.rules) and appositions (quotex.attribution.resolve.apposition) ---
#: The forms of "be" before an -ing verb in a tag: '"...," he |was| saying'.
BE_BEFORE_ING = ("is", "was", "were", "are", "been", "be", "am")
#: Words of a clause boundary between a sentence's opening subject and a later verb.
CLAUSE_BREAK_BEFORE = ("when", "while", "who", "which", "that", "because", "if", "as")
#: Words that open a phrase before a sentence's subject, up to its comma: "|In| January, ", "|Still|, ".
OPENING_PHRASE_WORDS = ("in", "on", "at", "after", "before", "during", "since", "last", "earlier", "later", "still",
                        "yet", "but", "and", "so", "now", "then")
#: Conjunctions that may open a sentence before its subject: "|But| Jones said".
OPENING_CONJUNCTIONS = ("but", "and", "yet", "so")
#: Words that open a subordinate clause before its subject ("after Jones assured", "that Comey had").
SUBORDINATORS = frozenset("after before when while because since that if until unless whether although though "
                          "once whereas".split())
#: Forms of "be" that make what follows a passive ("was asked").
PASSIVE_BE = ("was", "were", "is", "are", "been", "being", "be")
#: Determiners of a description right before a cue's verb: "|one| lawmaker called".
ADJACENT_DETERMINERS = ("one", "an?", "another", "some", "several", "many", "two", "three")
#: Subordinators that may open a sentence with a clause of its own: "|When| Wallace died in 1998, ".
LEADING_SUBORDINATORS = ("when", "after", "before", "while", "if", "although", "though", "because", "since", "once",
                         "until", "whereas")
#: The prepositions between a role and its body in an apposition: ", president |of| the".
APPOSITION_PREPOSITIONS = ("of", "for", "at", "in", "with", "from", "on")
#: Words of a clause, which end an apposition: a relative, or a verb of its own ("who voted for").
APPOSITION_CLAUSE_WORDS = ("who", "whom", "whose", "which", "that", "said", "says", "has", "had", "is", "was", "are",
                           "were")
#: Words that may open a clause before its subject: "As Ann Lee, ...", "But Ann Lee, ...".
SUBJECT_OPENERS = frozenset("as but and still yet so".split())


# -- the word sets of quotex.lang.en.shapes
#: Words that show a clause, not a speaker phrase, between a quote and a verb.
CLAUSE_WORDS = frozenset("when while after before because and but as if that which who whom then so "
                         "although though since until where whether".split())
#: Words after which a name is an object, not a subject: "asked by X", "a letter to X".
NOT_BEFORE_SUBJECT = frozenset("of by with to from for about against at on in into than like as and or".split())
#: The determiners a description opens with, lower-cased wherever it stands ("The parson" -> "the parson").
LOWER_DETERMINERS = frozenset("the a an his her their our my its".split())
#: The determiners and possessives that may open a noun naming a character: "the doctor", "his mother".
CHARACTER_DETERMINERS = (*ARTICLES, "his", "her", "their", "my", "our")
#: Prepositions before a title in marks: 'on "Meet the Press"'.
TITLE_PREPOSITIONS = ("on", "in", "of", "to", "from")
#: Words that open an aside between a speaker phrase and its verb: "Texas delegate |of| ...".
ASIDE_PREPOSITIONS = ("of", "from", "at", "and", "with")
#: "the latter" / "the former": which of the two people just named (the last, the one before);
#: "the other": the other party of a conversation of two (quotex.attribution.dialogue.characters).
ONE_OF_TWO = {"latter": 1, "former": 2}
OTHER_PARTY = "other"


def capitalized(words: Iterable[str]) -> tuple[str, ...]:
    """The words with their first letter in upper case, for a pattern of sentence openers."""
    return tuple(w[:1].upper() + w[1:] for w in words)


def either_case(words: Iterable[str]) -> tuple[str, ...]:
    """The words as patterns whose first letter may be either case: "[Oo]ne"."""
    return tuple(f"[{w[:1].upper()}{w[:1]}]{w[1:]}" for w in words)
