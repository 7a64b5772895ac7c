"""The editor survives PySide6 6.12.0's lost references to None (see ui/pyside_none.py)."""

from __future__ import annotations

import sys

import PySide6
import pytest

import parcours_designer.ui  # noqa: F401  (applies the guard)
from parcours_designer.ui.pyside_none import SPARE_REFERENCES, protect_none


def test_tens_of_thousands_of_void_calls_do_not_abort(qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    for number in range(40_000):  # well past the ~15 000 that abort without the guard
        label.setText(str(number % 10))
    assert label.text() == "9"


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_guard_applies_only_to_the_affected_release():
    assert protect_none("6.11.3") is False
    assert protect_none(PySide6.__version__) is (PySide6.__version__ == "6.12.0")
    if PySide6.__version__ == "6.12.0":
        assert sys.getrefcount(None) > SPARE_REFERENCES // 2
