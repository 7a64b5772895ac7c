"""The frame of every PDF: A4 pages, header, footer, metadata, styles, tables.

Header: the pathway's title and the document's name. Footer: the date of
edition (French, long form) and « Page n sur N ». Metadata: title, author,
subject, creator and language ``fr-FR``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from typing import Optional, Sequence

from parcours_designer.export import fonts, glyphs
from parcours_designer.export.pdf_rows import continued_key, page_sized_rows
from parcours_designer.export.pdf_text import NARROW_NBSP, NBSP, escape_text, para
from parcours_designer.export.text_fit import cut_to_fit
from parcours_designer.model.formatting import format_date_long
from parcours_designer.model.pathway import Pathway

MARGIN_CM = 1.8
HEADER_GREY = (0.35, 0.35, 0.35)
ACCENT = "#1f4e79"
LIGHT = "#dce6f1"
PORTRAIT, LANDSCAPE = "portrait", "landscape"
A4, A3 = "A4", "A3"
# A3 pages inside an A4 document (a large stakeholder map), landscape or portrait
LANDSCAPE_A3, PORTRAIT_A3 = "landscape-A3", "portrait-A3"
PAPERS, ORIENTATIONS = (A4, A3), (PORTRAIT, LANDSCAPE)
CELL_FONT_SIZE = 8.5
# Left and right padding of a table's cell (reportlab's default), points.
CELL_PADDING = 12


@dataclass(frozen=True)
class DocInfo:
    """What the header, footer and metadata of a PDF say."""

    pathway_title: str
    document_title: str
    author: str
    subject: str
    edited: date = field(default_factory=date.today)


def doc_info(pathway: Pathway, document_title: str, subject: str = "") -> DocInfo:
    referent = pathway.referent
    parts = [referent.name, referent.organisation] if referent else []
    author = " – ".join(p for p in parts if p.strip()) or "Parcours Designer"
    return DocInfo(pathway.title, document_title, author, subject or document_title)


def build_pdf(info: DocInfo, story: list, *, start: str = PORTRAIT, paper: str = A4) -> bytes:
    """Lay ``story`` out on A4 (or A3) pages, portrait and landscape templates → PDF bytes."""
    from reportlab import rl_config
    from reportlab.platypus import BaseDocTemplate

    fonts.register_reportlab_fonts()
    rl_config.useA85 = 0  # binary streams: pure-Python ASCII85 of the chart images costs seconds
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        title=f"{info.document_title} – {info.pathway_title}",
        author=info.author,
        subject=info.subject,
        creator="Parcours Designer",
        lang="fr-FR",
        initialFontName=fonts.REGULAR,
        pageCompression=1,
        invariant=0,
    )
    templates = [_template(PORTRAIT, info, paper), _template(LANDSCAPE, info, paper)]
    if paper == A4:
        templates += [_template(LANDSCAPE, info, A3, LANDSCAPE_A3), _template(PORTRAIT, info, A3, PORTRAIT_A3)]
    doc.addPageTemplates(sorted(templates, key=lambda template: template.id != start))
    doc.build(_guard_headings(story), canvasmaker=_numbered_canvas_class())
    return buffer.getvalue()


HEADING_ROOM_CM = {"h1": 5.0, "h2": 3.0}


def _guard_headings(story: list) -> list:
    """A heading never ends a page: it moves on when less than 5 cm (3 cm for h2) remain.

    (``keepWithNext`` would glue the heading to its whole table and push
    both to the next page, leaving half a page empty.)
    """
    from reportlab.lib.units import cm
    from reportlab.platypus import CondPageBreak

    guarded = []
    for flowable in story:
        style = getattr(flowable, "style", None)
        room = HEADING_ROOM_CM.get(getattr(style, "name", ""))
        if room:
            guarded.append(CondPageBreak(room * cm))
        guarded.append(flowable)
    return guarded


def page_size(orientation: str, paper: str = A4) -> tuple[float, float]:
    """Width and height (points) of an A4 or A3 page in that orientation."""
    from reportlab.lib import pagesizes

    size = pagesizes.A3 if paper == A3 else pagesizes.A4
    return pagesizes.landscape(size) if orientation == LANDSCAPE else pagesizes.portrait(size)


def frame_size(orientation: str, paper: str = A4) -> tuple[float, float]:
    """Width and height (points) available for flowables on such a page."""
    from reportlab.lib.units import cm

    width, height = page_size(orientation, paper)
    return width - 2 * MARGIN_CM * cm, height - 2 * MARGIN_CM * cm - 0.6 * cm


def _template(orientation: str, info: DocInfo, paper: str = A4, template_id: Optional[str] = None):
    from reportlab.lib.units import cm
    from reportlab.platypus import Frame, PageTemplate

    size = page_size(orientation, paper)
    width, height = frame_size(orientation, paper)
    frame = Frame(MARGIN_CM * cm, MARGIN_CM * cm, width, height, id=f"{template_id or orientation}-frame",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_page(canvas, doc):
        _draw_header(canvas, size, info)

    return PageTemplate(id=template_id or orientation, frames=[frame], onPage=on_page, pagesize=size)


def _draw_header(canvas, size, info: DocInfo) -> None:
    from reportlab.lib.units import cm

    width, height = size
    left, right = MARGIN_CM * cm, width - MARGIN_CM * cm
    canvas.saveState()
    canvas.setFillColorRGB(*HEADER_GREY)
    canvas.setFont(fonts.REGULAR, 8)
    doc_name = info.document_title
    room = right - left - canvas.stringWidth(doc_name, fonts.REGULAR, 8) - 0.8 * cm
    glyphs.draw_runs(canvas, left, height - 1.2 * cm, fit_text(info.pathway_title, fonts.REGULAR, 8, room), 8)
    canvas.setFont(fonts.REGULAR, 8)
    canvas.drawRightString(right, height - 1.2 * cm, doc_name)
    canvas.setStrokeColorRGB(*HEADER_GREY)
    canvas.setLineWidth(0.4)
    canvas.line(left, height - 1.35 * cm, right, height - 1.35 * cm)
    canvas.line(left, 1.3 * cm, right, 1.3 * cm)
    canvas.drawString(left, 0.9 * cm, f"Édité le {format_date_long(info.edited)}")
    canvas.restoreState()


def fit_text(text: str, font: str, size: float, room: float) -> str:
    """``text`` on one line, cut with « … » when wider than ``room`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return cut_to_fit(" ".join(text.split()), lambda part: stringWidth(part, font, size), room)


def _numbered_canvas_class():
    """A canvas that writes « Page n sur N » once the page count is known."""
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                width = self._pagesize[0]
                self.saveState()
                self.setFont(fonts.REGULAR, 8)
                self.setFillColorRGB(*HEADER_GREY)
                self.drawRightString(width - MARGIN_CM * cm, 0.9 * cm, f"Page {number} sur {total}")
                self.restoreState()
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def styles() -> dict:
    """The paragraph styles of every document, all in the bundled font."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    fonts.register_reportlab_fonts()
    base = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=9.5, leading=12.5, spaceAfter=4,
                          hyphenationLang="fr_FR", embeddedHyphenation=1, uriWasteReduce=0.3)
    accent = HexColor(ACCENT)
    return {
        "body": base,
        "cover_title": ParagraphStyle("cover_title", base, fontName=fonts.BOLD, fontSize=22, leading=27,
                                      textColor=accent, spaceAfter=14),
        "cover_line": ParagraphStyle("cover_line", base, fontSize=12, leading=16, spaceAfter=6),
        "h1": ParagraphStyle("h1", base, fontName=fonts.BOLD, fontSize=15, leading=19, textColor=accent,
                             spaceBefore=8, spaceAfter=8),
        "h2": ParagraphStyle("h2", base, fontName=fonts.BOLD, fontSize=11.5, leading=15, spaceBefore=8,
                             spaceAfter=4),
        "note": ParagraphStyle("note", base, fontName=fonts.ITALIC, textColor=HexColor("#7a3b00")),
        "bullet": ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2),
        "cell": ParagraphStyle("cell", base, fontSize=CELL_FONT_SIZE, leading=10.5, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", base, fontName=fonts.BOLD, fontSize=CELL_FONT_SIZE, leading=10.5,
                                    spaceAfter=0),
        "cell_right": ParagraphStyle("cell_right", base, fontSize=CELL_FONT_SIZE, leading=10.5, spaceAfter=0,
                                     alignment=TA_RIGHT),
        "cell_right_bold": ParagraphStyle("cell_right_bold", base, fontName=fonts.BOLD, fontSize=CELL_FONT_SIZE,
                                          leading=10.5, spaceAfter=0, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", base, fontName=fonts.BOLD, fontSize=CELL_FONT_SIZE, leading=10.5, spaceAfter=0,
                               textColor=HexColor("#ffffff")),
    }


@dataclass(frozen=True)
class Cell:
    """A table cell: text (always escaped), bold or not, right-aligned or not."""

    text: object
    bold: bool = False
    right: bool = False
    indent: int = 0  # levels of indentation (a line under its group)


def table(header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
          *, emphasis_rows: Sequence[int] = (), sheet: Optional[dict] = None, orientation: str = PORTRAIT,
          extra_style: Sequence[tuple] = ()):
    """A table whose header repeats on every page it spans; widths in fractions of the frame.

    Rows are never split across pages unless taller than a page: then they
    are cut into page-sized rows whose key cell says « (suite) »
    (:mod:`pdf_rows`). ``emphasis_rows`` and the rows of ``extra_style``
    count the rows given, before any cut.
    """
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    sheet = sheet or styles()
    total_width, frame_height = frame_size(orientation)
    column_widths = [w * total_width for w in widths]
    head = [para(h, sheet["head"]) for h in header]
    room = frame_height - max(_row_height(head, column_widths), 1) - 8
    cells = [[_cell(value, sheet) for value in row] for row in rows]
    cells, origin = page_sized_rows(cells, column_widths, room,
                                    lambda index: _cell(_continued(rows[index][0]), sheet))
    result = Table([head] + cells, colWidths=column_widths, repeatRows=1, hAlign="LEFT", splitInRow=0)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(ACCENT)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.3, HexColor("#9aa7b4")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    emphasis = set(emphasis_rows)
    commands += [("BACKGROUND", (0, r + 1), (-1, r + 1), HexColor(LIGHT)) for r, o in enumerate(origin)
                 if o in emphasis]
    commands += [_moved(command, origin) for command in extra_style]
    result.setStyle(TableStyle(commands))
    return result


def fitted_widths(rows: Sequence[Sequence[object]], widths: Sequence[float], fit: Sequence[int], stretch: int,
                  orientation: str = PORTRAIT) -> tuple[float, ...]:
    """``widths`` (fractions of the frame) with the columns ``fit`` widened so that no cell of theirs
    wraps (amounts: « -10 697,39 € » on one line); the column ``stretch`` gives up the room."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts.register_reportlab_fonts()
    frame = frame_size(orientation)[0]
    result = list(widths)
    for column in fit:
        texts = [(str(c.text), c.bold) if isinstance(c, Cell) else (str(c), False) for c in (r[column] for r in rows)]
        needed = max((stringWidth(t.replace(NARROW_NBSP, NBSP), fonts.BOLD if bold else fonts.REGULAR,
                                  CELL_FONT_SIZE) for t, bold in texts), default=0) + CELL_PADDING + 1
        result[column] = max(result[column], needed / frame)
    result[stretch] += 1 - sum(result)
    return tuple(result)


def _row_height(row: list, widths: Sequence[float]) -> float:
    return max(cell.wrap(width - 12, 1e9)[1] for cell, width in zip(row, widths)) + 5


def _continued(value: object) -> object:
    """The key cell of a continuation row: the key's text followed by « (suite) »."""
    if isinstance(value, Cell):
        return Cell(continued_key(str(value.text)), value.bold, value.right, value.indent)
    return continued_key(value if isinstance(value, str) else "")


def _moved(command: tuple, origin: list[int]) -> tuple:
    """A style command on given rows, moved to the first row each of them became."""
    first: dict[int, int] = {}
    for index, source in enumerate(origin):
        first.setdefault(source, index)
    name, (c0, r0), (c1, r1), *rest = command
    moved = [r if r < 1 else first.get(r - 1, r - 1) + 1 for r in (r0, r1)]
    return (name, (c0, moved[0]), (c1, moved[1]), *rest)


def _cell(value: object, sheet: dict):
    if isinstance(value, Cell):
        name = ("cell_right" if value.right else "cell") + ("_bold" if value.bold else "")
        return para(value.text, _indented(sheet, name, value.indent))
    if isinstance(value, (str, int, float)) or value is None:
        return para("" if value is None else value, sheet["cell"])
    return value


def _indented(sheet: dict, name: str, indent: int):
    """The style ``name`` moved right by ``indent`` levels (made once per sheet)."""
    if not indent:
        return sheet[name]
    from reportlab.lib.styles import ParagraphStyle

    key = f"{name}_indent{indent}"
    if key not in sheet:
        sheet[key] = ParagraphStyle(key, sheet[name], leftIndent=10 * indent)
    return sheet[key]


def missing_note(text: str, sheet: dict):
    """An italic line saying what the pathway does not say yet."""
    return para(text, sheet["note"])


__all__ = ["Cell", "DocInfo", "build_pdf", "doc_info", "escape_text", "fit_text", "frame_size",
           "missing_note", "styles", "table", "PORTRAIT", "LANDSCAPE", "LANDSCAPE_A3",
           "PORTRAIT_A3"]
