"""The attribution core: who said each quotation.

- :mod:`quotex.attribution.context`: what one rule sees of one quotation;
- :mod:`quotex.attribution.shapes`: patterns and tests of text shape that
  several rules share;
- :mod:`quotex.attribution.rules`: the cue rules, plain functions
  ``(doc, ctx) -> Attribution | None`` in one ordered table, :data:`RULES`.

The driver that runs them is :mod:`quotex.pipeline`.
"""
