"""English, as the pipeline takes it (:data:`ENGLISH`)."""
from __future__ import annotations

from quotex.attribution.rules import RULES
from quotex.lang import Language
from quotex.lang.en.cues import cues
from quotex.lang.en.lexicon import load

#: English: the lexicons of ``quotex/data``, the cues of :mod:`quotex.lang.en.cues` and
#: the cue rules of :mod:`quotex.attribution.rules`.
ENGLISH = Language("en", load, cues, RULES)
