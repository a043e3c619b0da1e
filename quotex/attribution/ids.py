"""The rule ids, defined once: the ``rule`` of every record is one of these.

Each id is registered with the one function that gives it, in the ordered
tables the pipeline runs (:data:`quotex.attribution.rules.RULES` for the cue
rules, :data:`quotex.pipeline.TURN_RULES` and :data:`quotex.pipeline.PASSES`);
a few functions end in one of several ways, and :data:`OUTCOMES` names the
other ids their records may carry. :func:`quotex.pipeline.registered` maps
every id to the function that gives it. The confidence of a record is looked
up by its id in ``quotex/data/confidence.tsv``.
"""
from __future__ import annotations

# -- cue rules: a speech verb (or a dash, a colon) next to the quotation ------------
QUOTE_X_SAID = "quote-X-said"  #: "...," Putin said
QUOTE_SAID_X = "quote-said-X"  #: "...," said Putin
QUOTE_DASH_X = "quote-dash-X"  #: "..." - Bernie Sanders
QUOTE_VERBED_X = "quote-verbed-X"  #: "...," glowed Mabel. (any verb in the past, a name after it)
QUOTE_X_VERBED = "quote-X-verbed"  #: "Well," he smiled. (he/she or a name, any verb in the past)
QUOTE_X_ASIDE_SAID = "quote-X-aside-said"  #: "...," Ann Lee of the Cato Institute, an economist, wrote
QUOTE_THEN_TAG = "quote-then-tag"  #: "..." that he can win, said Ann Lee. (the sentence goes on, then its tag)
X_SAID_QUOTE = "X-said-quote"  #: Putin said that "..."
X_SAID_COLON_QUOTE = "X-said-colon-quote"  #: Putin said: "..." (an outcome of X_SAID_QUOTE)
AS_X_PUT_IT = "as-X-put-it"  #: As Ann Lee, a historian, put it: "..."
ACCORDING_TO_X = "according-to-X"  #: "...," according to Putin
ACCOUNT_ACCORDING_TO_X = "account-according-to-X"  #: According to the Courier, Lee said "..." (the account quoted)
IN_THE_WORDS_OF_X = "in-the-words-of-X"  #: In the words of Ann Lee, "..."
X_COLON_QUOTE = "X-colon-quote"  #: Shaw was blunt: "..."
X_SAID_THEN_QUOTE = "X-said-then-quote"  #: ..., Schiff said. "..."
SUBJECT_VERB_FRAGMENT = "subject-verb-fragment"  #: Cruz called it "..."
SENTENCE_SUBJECT = "sentence-subject"  #: Gov. Lee of Ohio lauded the plan for its "new ideas" (any verb)

# -- turn rules: a quotation no cue attributed ---------------------------------------
CONTINUED_PARAGRAPH = "continued-paragraph"  #: the speaker of the quoted paragraph before goes on
CONTINUED_IN_PARAGRAPH = "continued-in-paragraph"  #: the quotation before, in the same paragraph
ALTERNATING_TURN = "alternating-turn"  #: the other voice of an exchange answers
SUBJECT_AFTER_TURN = "subject-after-turn"  #: the one the narration after the turn before is about
SUBJECT_OF_PARAGRAPH_BEFORE = "subject-of-paragraph-before"  #: the one the paragraph before is about
ACROSS_NARRATION = "across-narration"  #: the other voice answers across a line of narration

# -- passes over the whole document ---------------------------------------------------
DIALOGUE_TURN = "dialogue-turn"  #: a short turn between turns whose voices are known
ALTERNATE_FORWARD = "alternate-forward"  #: after two voices, the first one again
CONVERSATION_TURN = "conversation-turn"  #: untagged turns between tagged ones alternate, read from both ends
NOT_THE_ONE_CALLED = "not-the-one-called"  #: a guessed voice is never the one the quote calls by name
CHARACTER_LABELS = "character-labels"  #: a character the story never names speaks by a label
ADDRESSEES = "addressees"  #: a turn is spoken to the one it calls, else the other party
NAME_NARRATOR = "name-narrator"  #: "I" gets the narrator's name, when the text gives it
SELF_INTRODUCTIONS = "self-introductions"  #: '"I am Parson Ashdown"'
JOIN_ALIASES = "join-aliases"  #: one person, one canonical name

# -- page layout ------------------------------------------------------------------------
HEADLINE = "headline"  #: a quotation in a news page's headline: a term, no speaker

#: The other ids a registered function's records may carry, besides its own.
OUTCOMES: dict[str, tuple[str, ...]] = {
    X_SAID_QUOTE: (X_SAID_COLON_QUOTE,),
    CONTINUED_PARAGRAPH: (CONTINUED_IN_PARAGRAPH, ALTERNATING_TURN, SUBJECT_AFTER_TURN),
}

#: The rules that read a cue next to the quotation (the others carry a speaker over).
CUE_RULES = frozenset([QUOTE_X_SAID, QUOTE_SAID_X, QUOTE_DASH_X, QUOTE_VERBED_X, QUOTE_X_VERBED, X_SAID_QUOTE,
                       X_SAID_COLON_QUOTE, X_SAID_THEN_QUOTE, X_COLON_QUOTE, ACCORDING_TO_X, ACCOUNT_ACCORDING_TO_X, IN_THE_WORDS_OF_X, SUBJECT_VERB_FRAGMENT,
                       SENTENCE_SUBJECT, QUOTE_X_ASIDE_SAID, AS_X_PUT_IT,
                       QUOTE_THEN_TAG])
#: The cue rules that read a tag after the quotation: '"No," he said' is a reply, whoever "he" is.
TAG_AFTER = frozenset([QUOTE_X_SAID, QUOTE_SAID_X, QUOTE_VERBED_X, QUOTE_X_VERBED])
#: The rules that carry the speaker of another quotation over: their records name no mention.
CARRIED_OVER = frozenset([CONTINUED_PARAGRAPH, CONTINUED_IN_PARAGRAPH, ALTERNATING_TURN, ACROSS_NARRATION,
                          DIALOGUE_TURN, ALTERNATE_FORWARD, CONVERSATION_TURN])
#: The rules by which the other voice of an exchange answers.
ANSWERS = frozenset([ALTERNATING_TURN, ACROSS_NARRATION])
