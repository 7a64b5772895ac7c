"""Names written by different people in different files: when are they the same?

Two spellings are the same when they are equal without regard to case,
accents and spacing (« Département de la  Manche » = « departement de la
manche »). Dashes and apostrophes of any style count as one. The spelling
shown for a group is its most frequent one (ties: the most accented, then the first met).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Generic, Hashable, Iterable, TypeVar

DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                        "\u2212": "-", "\u2019": "'", "\u2018": "'", "\u02bc": "'"})

T = TypeVar("T")
H = TypeVar("H", bound=Hashable)


@lru_cache(maxsize=1 << 16)  # the same names come back in every file
def text_key(text: str) -> str:
    """What two spellings of one name share: no case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(DASHES).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


def holds_words(text: str, query: str) -> bool:
    """Every word of ``query`` is in ``text``, without regard to case, accents or spacing."""
    haystack = text_key(text)
    return all(word in haystack for word in text_key(query).split())


def accents(text: str) -> int:
    """How many accents a spelling carries (« Département » 1, « Departement » 0)."""
    return sum(1 for c in unicodedata.normalize("NFD", text) if unicodedata.combining(c))


class Spellings:
    """How often each spelling of one name was met, in the order first met."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, spelling: str) -> None:
        self.counts[" ".join(spelling.split())] += 1

    @property
    def shown(self) -> str:
        """The most frequent spelling; among equals the most accented, then the first met."""
        order = {spelling: rank for rank, spelling in enumerate(self.counts)}
        return max(self.counts, key=lambda s: (self.counts[s], accents(s), -order[s]))

    @property
    def variants(self) -> list[str]:
        return list(self.counts)


class Grouped(Generic[T]):
    """Values gathered under the key of their name, each group with its spellings."""

    def __init__(self) -> None:
        self.spellings: dict[str, Spellings] = {}
        self.values: dict[str, list[T]] = {}

    def add(self, name: str, value: T) -> str:
        """File ``value`` under ``name``; returns the group's key ('' names are ignored)."""
        key = text_key(name)
        if not key:
            return ""
        self.spellings.setdefault(key, Spellings()).add(name)
        self.values.setdefault(key, []).append(value)
        return key

    def keys(self) -> list[str]:
        return list(self.values)

    def shown(self, key: str) -> str:
        return self.spellings[key].shown

    def items(self) -> Iterable[tuple[str, list[T]]]:
        """(shown spelling, values) for every group, in the order first met."""
        return ((self.shown(key), values) for key, values in self.values.items())


def unique(values: Iterable[H]) -> list[H]:
    """The values without repeats, in their first order."""
    return list(dict.fromkeys(values))
