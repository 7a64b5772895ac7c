"""Singular or plural by a count, the French way (0 and 1 are singular).

Both forms stay literal ``tr()`` calls where they are written, so that the
translation tools see them; this only chooses between the two translated texts::

    by_count(n, self.tr("{0} erreur"), self.tr("{0} erreurs")).format(n)
"""

from __future__ import annotations


def by_count(count: int, one: str, many: str) -> str:
    """``one`` when ``count`` is 0 or ±1, ``many`` from 2 (or -2) on."""
    return one if -2 < count < 2 else many
