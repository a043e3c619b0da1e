"""quotex: find quotations in text and tell who said them.

>>> from quotex import extract
>>> [(q.quote, q.speaker) for q in extract('"We will win," Jane Smith said.')]
[('We will win,', 'Jane Smith')]

The core is pure: :func:`extract` takes a ``str`` and returns records; it does
no I/O and imports neither click nor rich.
"""
from __future__ import annotations

from quotex.records import FIELDS, KINDS, Quote, Span, Step

__version__ = "1.0.0"
__all__ = ["FIELDS", "KINDS", "Quote", "Span", "Step", "extract", "explain", "__version__"]


def _check_text(text: object, name: str) -> None:
    if not isinstance(text, str):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))" if isinstance(
            text, (bytes, bytearray)) else ""
        raise TypeError(f"quotex.{name} expects str, got {type(text).__name__}{hint}")


def extract(text: str, *, terms: bool = False) -> list[Quote]:
    """Every quotation in ``text`` with its speaker, in document order.

    With ``terms=True`` the result also holds records of kind ``"term"``:
    short spans in marks that are not speech (scare quotes, titles).
    """
    from quotex.pipeline import resolve

    _check_text(text, "extract")
    return [q for q, _ in resolve(text, explain=False) if terms or q.kind != "term"]


def explain(text: str, *, terms: bool = False) -> list[tuple[Quote, list[Step]]]:
    """Like :func:`extract`, with the steps of reasoning behind each record, in order.

    Each :class:`Step` is the line ``--explain`` prints (a ``str``) and holds the
    ``rule`` that took it, the ``candidates`` it weighed and the speaker ``chosen``.
    """
    from quotex.pipeline import resolve

    _check_text(text, "explain")
    return [(q, why) for q, why in resolve(text) if terms or q.kind != "term"]
