"""The attribution core: who said each quotation.

- :mod:`quotex.attribution.ids`: the rule ids, defined once (a record's ``rule``);
- :mod:`quotex.attribution.context`: what one rule sees of one quotation;
- :mod:`quotex.attribution.document`: the document under attribution (its text, spans,
  paragraphs and cast); the index of the quote under attribution is passed, never stored
  (the cue rules pass ``ctx`` to ``finish``, the turn rules their index);
- :mod:`quotex.attribution.resolver`: what the cue rules call once they have read a
  speaker phrase: :func:`~quotex.attribution.resolver.finish`, which resolves it into
  an attribution (the clause readers are in :mod:`quotex.attribution.resolve`);
- :mod:`quotex.attribution.rules`: the cue rules, plain functions
  ``(doc, ctx) -> Attribution | None`` in one ordered table, :data:`RULES`;
- :mod:`quotex.attribution.resolve`: the subject of a clause, and who a name, a
  pronoun or a description stands for;
- :mod:`quotex.attribution.dialogue`: turn-taking, the voices of a conversation and
  the characters of a story.

The patterns they share are English: :mod:`quotex.lang.en`. The driver that
runs them is :mod:`quotex.pipeline`.
"""
