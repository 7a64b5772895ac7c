"""The bundled Unicode font (DejaVu Sans), for reportlab and matplotlib alike.

Every French character (é, œ, « », €, narrow no-break spaces) prints the same
on every machine, whatever fonts the system has. Chinese and Japanese
characters, which DejaVu Sans lacks, print in the bundled fallback (Droid Sans
Fallback, Apache 2.0 licence), loaded only when a text needs it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from parcours_designer.paths import resources_dir

FAMILY = "DejaVuSans"
MATPLOTLIB_FAMILY = "DejaVu Sans"
STYLES = {
    "regular": ("DejaVuSans", "DejaVuSans.ttf"),
    "bold": ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
    "italic": ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"),
    "bolditalic": ("DejaVuSans-BoldOblique", "DejaVuSans-BoldOblique.ttf"),
}
FALLBACK = "DroidSansFallback"
FALLBACK_FILE = "DroidSansFallbackFull.ttf"
MATPLOTLIB_FALLBACK_FAMILY = "Droid Sans Fallback"
REGULAR = STYLES["regular"][0]
BOLD = STYLES["bold"][0]
ITALIC = STYLES["italic"][0]


def font_file(style: str = "regular") -> Path:
    return resources_dir() / "fonts" / STYLES[style][1]


def register_reportlab_fonts() -> None:
    """Register the four DejaVu Sans faces and their family (idempotent)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    known = set(pdfmetrics.getRegisteredFontNames())
    for style, (name, _file) in STYLES.items():
        if name not in known:
            pdfmetrics.registerFont(TTFont(name, str(font_file(style))))
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, STYLES["bolditalic"][0])


@lru_cache(maxsize=1)
def main_coverage() -> frozenset[int]:
    """The code points DejaVu Sans draws."""
    from reportlab.pdfbase import pdfmetrics

    register_reportlab_fonts()
    return frozenset(pdfmetrics.getFont(REGULAR).face.charWidths)


@lru_cache(maxsize=1)
def fallback_coverage() -> frozenset[int]:
    """The code points of the fallback font (registered with reportlab on first use, ~1 s)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FALLBACK, str(resources_dir() / "fonts" / FALLBACK_FILE)))
    return frozenset(pdfmetrics.getFont(FALLBACK).face.charWidths)


@lru_cache(maxsize=1)
def add_matplotlib_fonts() -> None:
    """Make matplotlib's font manager know the bundled files (once per process)."""
    from matplotlib import font_manager

    registered = {Path(entry.fname).resolve() for entry in font_manager.fontManager.ttflist}
    paths = [font_file(style) for style in STYLES] + [resources_dir() / "fonts" / FALLBACK_FILE]
    for path in paths:
        if path.resolve() not in registered:
            font_manager.fontManager.addfont(str(path))


def matplotlib_rc() -> dict:
    """rc settings for every figure: bundled font, no mathtext, embedded TrueType."""
    add_matplotlib_fonts()
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [MATPLOTLIB_FAMILY, MATPLOTLIB_FALLBACK_FAMILY],
        "text.parse_math": False,
        "text.usetex": False,
        "pdf.fonttype": 42,
        "svg.fonttype": "none",  # SVG text stays text: searchable, selectable
        "axes.unicode_minus": True,
    }
