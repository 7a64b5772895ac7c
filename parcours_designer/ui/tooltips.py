"""Tooltips that show user text as it is written.

Qt takes a tooltip that looks like HTML for HTML: an answer imported from a
form, or a pathway's title, holding ``<b>`` or ``<img src=…>`` would be
rendered, not shown. User text goes through :func:`plain_tooltip`.
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip showing it literally (escaped; lines kept, long lines wrapped)."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""
