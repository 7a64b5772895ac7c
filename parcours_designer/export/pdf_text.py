"""User text in reportlab: always data, never markup.

``Paragraph`` parses its text as XML-like markup, so a title such as
``R&D <b>x</b> & Cie <script>`` would be bolded, broken or worse (``<img>``
fetches files). Every piece of user text reaches a Paragraph through
:func:`escape_text` — directly or through :func:`para`.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from parcours_designer.export.safe_text import without_control

# reportlab treats U+202F (narrow no-break space, the French thousands
# separator) as an ordinary breakable space: ``1 500,00 €`` would be split
# across lines. U+00A0 is the only space it never breaks, so amounts use it.
NARROW_NBSP, NBSP = "\u202f", "\u00a0"


def escape_text(text: object) -> str:
    """Plain text as Paragraph markup that prints exactly that text."""
    cleaned = without_control(text).replace(NARROW_NBSP, NBSP)
    lines = escape(cleaned).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br/>".join(lines)


def para(text: object, style, *, bold_prefix: str = ""):
    """A Paragraph printing ``text`` literally; ``bold_prefix`` is program text (escaped too)."""
    from reportlab.platypus import Paragraph

    markup = escape_text(text)
    if bold_prefix:
        markup = f"<b>{escape_text(bold_prefix)}</b>{markup}"
    return Paragraph(markup, style)


def bullets(items: list[str], style) -> list:
    """One paragraph per item, each with a bullet (user text escaped)."""
    from reportlab.platypus import Paragraph

    return [Paragraph(escape_text(item), style, bulletText="•") for item in items]
