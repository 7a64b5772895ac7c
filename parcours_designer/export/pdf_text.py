"""User text in reportlab: always data, never markup.

``Paragraph`` parses its text as XML-like markup, so a title such as
``R&D <b>x</b> & Cie <script>`` would be bolded, broken or worse (``<img>``
fetches files). Every piece of user text reaches a Paragraph through
:func:`escape_text` — directly or through :func:`para`.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from parcours_designer.export import fonts, glyphs
from parcours_designer.export.safe_text import without_control

# reportlab treats U+202F (narrow no-break space, the French thousands
# separator) as an ordinary breakable space: ``1 500,00 €`` would be split
# across lines. U+00A0 is the only space it never breaks, so amounts use it.
NARROW_NBSP, NBSP = "\u202f", "\u00a0"


def escape_text(text: object) -> str:
    """Plain text as Paragraph markup that prints exactly that text.

    Characters DejaVu Sans lacks print in the fallback font, or are replaced
    (:mod:`glyphs`): nothing prints as an empty box.
    """
    cleaned = without_control(text).replace(NARROW_NBSP, NBSP).replace("\r\n", "\n").replace("\r", "\n")
    parts = []
    for font, piece in glyphs.runs(cleaned):
        markup = escape(piece).replace("\n", "<br/>")
        parts.append(markup if font == glyphs.MAIN else f'<font face="{fonts.FALLBACK}">{markup}</font>')
    return "".join(parts)


# French words are hyphenated (pyphen, through reportlab's ``hyphenationLang``);
# a « word » longer than this (a pasted URL, a run of letters) is cut plainly:
# hyphenating it would take minutes.
LONGEST_HYPHENATED_WORD = 40


def para(text: object, style, *, bold_prefix: str = ""):
    """A Paragraph printing ``text`` literally; ``bold_prefix`` is program text (escaped too)."""
    from reportlab.platypus import Paragraph

    markup = escape_text(text)
    if bold_prefix:
        markup = f"<b>{escape_text(bold_prefix)}</b>{markup}"
    if getattr(style, "hyphenationLang", "") and _has_endless_word(text):
        style = _unhyphenated(style)
    return Paragraph(markup, style)


def _has_endless_word(text: object) -> bool:
    return any(len(word) > LONGEST_HYPHENATED_WORD for word in str(text).split())


def _unhyphenated(style):
    """The same style without hyphenation (rare: only for paragraphs holding an endless word)."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}_plain", style, hyphenationLang="")


def bullets(items: list[str], style) -> list:
    """One paragraph per item, each with a bullet (user text escaped)."""
    from reportlab.platypus import Paragraph

    return [Paragraph(escape_text(item), style, bulletText="•") for item in items]
