"""The editor makes tens of thousands of Qt calls: the Qt binding must not lose references.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on most calls of
a method returning nothing; after some 15 000 calls CPython aborts. The
project pins ``PySide6-Essentials<6.12``; this test fails loudly (the process
aborts) if a release with the bug comes back.
"""

from __future__ import annotations

import sys


def test_tens_of_thousands_of_void_calls_keep_none_alive(qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for number in range(40_000):
        label.setText(str(number % 10))
    assert label.text() == "9"
    assert sys.getrefcount(None) >= before - 100
