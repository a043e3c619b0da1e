"""The attribution core: who said each quotation.

- :mod:`quotex.attribution.ids`: the rule ids, defined once (a record's ``rule``);
- :mod:`quotex.attribution.context`: what one rule sees of one quotation;
- :mod:`quotex.attribution.resolver`: the document under attribution and the
  resolution of the speaker phrase a rule read;
- :mod:`quotex.attribution.rules`: the cue rules, plain functions
  ``(doc, ctx) -> Attribution | None`` in one ordered table, :data:`RULES`;
- :mod:`quotex.attribution.resolve`: who a pronoun or a description stands for;
- :mod:`quotex.attribution.dialogue`: turn-taking and the characters of a story.

The patterns they share are English: :mod:`quotex.lang.en`. The driver that
runs them is :mod:`quotex.pipeline`.
"""
