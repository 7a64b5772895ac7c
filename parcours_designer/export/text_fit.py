"""Cut a text with « … » so that it fits a width, in a few measurements.

Removing one character at a time measures the text once per character:
a 5,000-character title cost about a second on every page header. A
binary search on the length measures it about a dozen times.
"""

from __future__ import annotations

from typing import Callable

ELLIPSIS = "…"


def cut_to_fit(text: str, measure: Callable[[str], float], room: float) -> str:
    """``text`` itself when it fits ``room``, else its longest start that fits with « … »."""
    if measure(text) <= room:
        return text
    low, high = 0, len(text)  # text[:low] + « … » fits (or low == 0); text[:high] + « … » does not
    while high - low > 1:
        middle = (low + high) // 2
        if measure(text[:middle] + ELLIPSIS) <= room:
            low = middle
        else:
            high = middle
    return text[:low].rstrip() + ELLIPSIS
