"""A guard against a PySide6 6.12.0 bug on Python 3.11.

With PySide6 6.12.0 on CPython < 3.12, most calls of a method returning
nothing (``QLabel.setText``, ``QGraphicsItem.setPos``…) drop one reference
to ``None``. After some 15 000 such calls the count reaches zero and CPython
aborts (« Fatal Python error: none_dealloc »): the editor would crash at
random after a while. Python 3.12 made ``None`` immortal; this does the same
for 3.11 by giving ``None`` a reference count that cannot run out. Older
PySide6 releases do not have the bug but abort in ``QTest.keyClicks`` on
accented text, which the GUI tests type; so the guard, not a pin.
"""

from __future__ import annotations

import sys

AFFECTED = "6.12.0"
SPARE_REFERENCES = 1 << 40


def protect_none(pyside_version: str) -> bool:
    """Make ``None`` immortal when ``pyside_version`` has the bug; ``True`` if done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or pyside_version != AFFECTED:
        return False
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < SPARE_REFERENCES:
        count.value += SPARE_REFERENCES
    return True
