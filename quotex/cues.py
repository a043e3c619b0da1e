"""Compiled cue patterns: speech verbs, auxiliaries, and the speaker phrases around them.

Built once from the lexicon. Each pattern is named after the shape it finds,
and that name becomes the ``rule`` of the quote records it attributes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from quotex.lexicon import load

#: Words that may sit between a speaker and a speech verb: "Putin also said", "she has said".
AUXILIARIES = (
    "also later then again further has have had will would could should may might must "
    "is was were are did does do had been be not never once previously recently repeatedly "
    "reportedly simply only just quickly softly loudly angrily calmly quietly finally"
).split()

#: Words that may follow a speech verb before the quotation: "said on Tuesday in a statement that".
FILLER = r"(?:[^.!?;\"“”«»„]{0,90}?)"


@dataclass(frozen=True)
class Cues:
    verb: regex.Pattern[str]  # any speech verb form, as a whole word
    fragment_verb: regex.Pattern[str]  # a speech verb or a verb like "called", "described"
    post_normal: regex.Pattern[str]  # after a quote: , X said / , the cosmonaut told Y
    post_inverted: regex.Pattern[str]  # after a quote: , said X
    post_dash: regex.Pattern[str]  # after a quote: — Putin
    according: regex.Pattern[str]  # according to X
    pre_tail: regex.Pattern[str]  # the end of the text before a quote: ... said that / told Y:
    pre_sentence: regex.Pattern[str]  # a sentence ending in its cue just before a quote: ..., Schiff said.


@cache
def cues() -> Cues:
    lex = load()
    abbreviations = sorted(lex.abbreviations, key=len, reverse=True)
    # a speaker phrase runs to the end of its clause; the dots of "Mr." and "Jr." do not end it
    np_char = r"(?:[^.!?;:\"“”«»„\n]|(?<=\b(?i:" + "|".join(regex.escape(a) for a in abbreviations) + \
        r"|\p{Lu}))\.(?=[\s,]))"
    forms = sorted(lex.verb_forms, key=len, reverse=True)
    verbs = "(?:" + "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"
    aux = "(?:" + "|".join(AUXILIARIES) + ")"
    # not after a determiner: "the report", "a tweet" are nouns
    verb = rf"(?<![\p{{L}}'’])(?<!\b(?:the|a|an|his|her|its|their|this|that|our|my|your)\s)" \
        rf"(?P<verb>{verbs})(?![\p{{L}}'’\-])"
    both = sorted(set(lex.verb_forms) | set(lex.fragment_verb_forms), key=len, reverse=True)
    fragment = "(?:" + "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in both) + ")"
    return Cues(
        verb=regex.compile(verb),
        fragment_verb=regex.compile(rf"(?<![\p{{L}}'’\-]){fragment}(?![\p{{L}}'’\-])"),
        post_normal=regex.compile(
            rf"[\s,;:]*+(?:[—–-]+\s*+)?(?P<np>(?![\s,;:]){np_char}{{1,140}}?),?\s++(?:{aux}\s++){{0,3}}{verb}"),
        post_inverted=regex.compile(
            rf"[\s,;:]*+(?:[—–-]+\s*+)?(?:{aux}\s++){{0,2}}{verb}\s++(?P<np>{np_char}{{1,140}})"),
        post_dash=regex.compile(r"\s*[—–]\s*(?P<np>[^.!?;:\"“”«»„\n]{1,80})\s*(?:[.\n]|$)"),
        according=regex.compile(
            rf"(?<![\p{{L}}])(?P<verb>(?i:according)\s+to)\s+(?P<np>{np_char}{{1,140}})"),
        pre_sentence=regex.compile(rf"{verb}(?:\s+[\p{{L}}\d'’]+){{0,4}}\.\s*$"),
        pre_tail=regex.compile(
            rf"{verb}(?P<filler>{FILLER})(?:\s*\bthat\b)?\s*[,:]?\s*$"),
    )
