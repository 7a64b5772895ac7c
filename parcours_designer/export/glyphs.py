"""No character prints as an empty box.

Text is split into runs: what the bundled DejaVu Sans draws, what the
bundled fallback font draws (Chinese, Japanese), and what no bundled font
draws. Emoji and other pictographs of the last kind are left out (with the
joiners and variation selectors that build them); any other missing
character is printed as « � », the replacement character.
"""

from __future__ import annotations

import unicodedata
from typing import Iterator

from parcours_designer.export import fonts

MAIN, FALLBACK = "main", "fallback"
REPLACEMENT = "\ufffd"
_LINE_BREAKS = frozenset({ord("\n"), ord("\t")})
_PICTOGRAPH_CATEGORIES = {"So", "Sk", "Cf", "Mn", "Me", "Co", "Cn", "Cs"}


def _missing(character: str) -> str:
    """What prints in place of a character no bundled font has."""
    return "" if unicodedata.category(character) in _PICTOGRAPH_CATEGORIES else REPLACEMENT


def runs(text: str) -> Iterator[tuple[str, str]]:
    """``(font, text)`` pieces: :data:`MAIN` or :data:`FALLBACK`, with missing characters replaced."""
    main = fonts.main_coverage() | _LINE_BREAKS
    if all(ord(c) in main for c in text):  # the usual case: French text
        yield MAIN, text
        return
    fallback = fonts.fallback_coverage()
    current, piece = MAIN, list[str]()
    for character in text:
        code = ord(character)
        if code in main:
            font, shown = MAIN, character
        elif code in fallback:
            font, shown = FALLBACK, character
        else:
            font, shown = MAIN, _missing(character)
        if font != current and piece:
            yield current, "".join(piece)
            piece = []
        current = font
        piece.append(shown)
    if piece:
        yield current, "".join(piece)


def drawable(text: str) -> str:
    """Text for a chart (matplotlib falls back to the bundled fallback font by itself)."""
    return "".join(piece for _font, piece in runs(text))


def draw_runs(canvas, x: float, y: float, text: str, size: float) -> None:
    """Draw one line of text on a canvas, each run in its font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for font, piece in runs(text):
        face = fonts.REGULAR if font == MAIN else fonts.FALLBACK
        canvas.setFont(face, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, face, size)
