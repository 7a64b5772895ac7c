"""Tooltips that show user text as it is written.

Qt takes a tooltip that looks like HTML for HTML: an answer imported from a
form, or a pathway's title, holding ``<b>`` or ``<img src=…>`` would be
rendered, not shown. User text goes through :func:`plain_tooltip`.
"""

from __future__ import annotations

from PySide6.QtGui import Qt

ONE_LINE = 80  # characters: a text Qt shows as written stays on one line up to this length


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip showing it literally: as it is when Qt would show it as plain text on a
    readable line, else escaped (its lines kept, long lines wrapped)."""
    if not text:
        return ""
    if len(text) <= ONE_LINE and not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
