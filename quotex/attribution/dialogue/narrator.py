"""The narrator of a story told in the first person.

The one telling the story says "I" in the narration and is named only by the
others, in what they say to them ("Jane, I don't like cavillers"): a person the
quotations call by name but the narration (almost) never names is the teller.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotex.attribution.document import Document

#: At most this share of a person's names may stand in the narration for them to be the teller.
NARRATION_SHARE = 0.1
#: A person named fewer times than this is too rare to tell.
MIN_NAMES = 3


def named_only_in_speech(doc: Document, entity: int) -> bool:
    """The person ``entity`` is named at least :data:`MIN_NAMES` times, and nearly always
    inside quotations (at most :data:`NARRATION_SHARE` of the times in the narration)."""
    starts = doc.span_starts
    names = [n for n in doc.cast.names if n.entity == entity]
    if len(names) < MIN_NAMES:
        return False
    outside = 0
    for n in names:
        k = bisect.bisect_right(starts, n.start) - 1
        if k < 0 or not doc.spans[k].start <= n.start < doc.spans[k].end:
            outside += 1
    return outside <= NARRATION_SHARE * len(names)
