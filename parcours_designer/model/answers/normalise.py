"""Text compared the way people type it: case, accents, spacing, final
punctuation and the apostrophe's style do not matter."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "‛": "'"})
_SPACES = re.compile(r"\s+")
_FINAL_PUNCTUATION = re.compile(r"[\s.?!:;…,*]+$")


def normalise(text: str) -> str:
    """``text`` folded: « Quel format vous a été le plus utile ? » → « quel format vous a ete le plus utile »."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = _SPACES.sub(" ", plain.casefold()).strip()
    return _FINAL_PUNCTUATION.sub("", folded)


def same_text(first: str, second: str) -> bool:
    return normalise(first) == normalise(second)
