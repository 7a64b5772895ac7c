"""The Gantt chart on landscape A4 pages, alone or inside the plan."""

from __future__ import annotations

from parcours_designer.export.gantt_draw import legend_items
from parcours_designer.export.gantt_export import empty_page_count, page_images
from parcours_designer.export.pdf_doc import LANDSCAPE, PORTRAIT, build_pdf, doc_info, frame_size, styles, table
from parcours_designer.export.pdf_text import para
from parcours_designer.model.formatting import count_of
from parcours_designer.model.gantt_layout import GanttLayout, cycles_sentence
from parcours_designer.model.pathway import Pathway


def gantt_pdf(pathway: Pathway, layout: GanttLayout) -> bytes:
    sheet = styles()
    story = [para("Diagramme de Gantt", sheet["h1"])]  # keepWithNext: stays with the first page
    if layout.scenario:
        story.append(para(f"Scénario « {layout.scenario} » comparé au planning de référence (en gris)",
                          sheet["body"]))
    story += gantt_flowables(layout, sheet)
    info = doc_info(pathway, "Diagramme de Gantt", "Calendrier des étapes du parcours")
    return build_pdf(info, story, start=LANDSCAPE)


def gantt_flowables(layout: GanttLayout, sheet: dict) -> list:
    """Caption and image of every chart page (each on its own landscape page), then the notes."""
    from reportlab.platypus import KeepTogether, PageBreak

    width, height = frame_size(LANDSCAPE)
    flowables: list = [legend_table(layout, sheet)] if layout.bars else []
    pages = page_images(layout)
    for number, (caption, picture, ratio) in enumerate(pages):
        if number:
            flowables.append(PageBreak())
        image_width = min(width, (height - 90) / ratio)
        image = picture_flowable(picture, image_width, image_width * ratio)
        flowables.append(KeepTogether([para(caption, sheet["body"]), image]))
    flowables += missing_flowables(layout, sheet)
    return flowables


def picture_flowable(picture, width: float, height: float):
    """A flowable drawing a Pillow image (no PNG encoding and decoding on the way)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Flowable

    class Picture(Flowable):
        def wrap(self, available_width, available_height):
            return width, height

        def draw(self):
            self.canv.drawImage(ImageReader(picture), 0, 0, width=width, height=height)

    return Picture()


SYMBOLS = {"bar": "■", "diamond": "◆", "dashed": "╌", "line": "→", "outline": "□", "dotted": "┈", "ghost": "■"}
LEGEND_COLUMNS = 6


def legend_table(layout: GanttLayout, sheet: dict):
    """The chart's legend once, as text: a coloured symbol and a French label per entry."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    cells = []
    for item in legend_items(layout):
        symbol = Paragraph(f'<font color="{item.colour}">{SYMBOLS[item.shape]}</font>', sheet["cell"])
        cells += [symbol, para(item.label, sheet["cell"])]
    width = frame_size(LANDSCAPE)[0] / LEGEND_COLUMNS
    per_row = 2 * LEGEND_COLUMNS
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    legend = Table(rows, colWidths=[0.12 * width, 0.88 * width] * LEGEND_COLUMNS, hAlign="LEFT")
    legend.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), sheet["cell"].fontName),
                                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
                                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return legend


def missing_flowables(layout: GanttLayout, sheet: dict) -> list:
    """Every phase the chart cannot show, with the reason; cycles; no dates at all."""
    from reportlab.platypus import Spacer

    flowables: list = []
    if layout.undated:
        flowables += [Spacer(1, 6), para("Étapes non représentées sur le diagramme", sheet["h2"])]
        rows = [[u.title, u.reason] for u in layout.undated]
        flowables.append(table(("Étape", "Raison"), rows, (0.65, 0.35), sheet=sheet))
    empty = empty_page_count(layout)
    if empty:
        pages = count_of(empty, "page du diagramme", "pages du diagramme")
        verb = "ne sont pas imprimées" if empty > 1 else "n'est pas imprimée"
        flowables.append(para(f"{pages} sans aucune étape (périodes vides) {verb}.", sheet["note"]))
    if layout.cycles:
        flowables.append(para(f"Attention : {cycles_sentence(len(layout.cycles))}",
                              sheet["note"]))
    if layout.span() is None:
        flowables.append(para("Aucune date : ni les étapes ni la période du parcours ne sont datées.",
                              sheet["note"]))
    return flowables


def landscape_section(title: str, flowables: list, sheet: dict) -> list:
    """``flowables`` on landscape pages inside a portrait document, then back to portrait."""
    from reportlab.platypus import NextPageTemplate, PageBreak

    return [NextPageTemplate(LANDSCAPE), PageBreak(), para(title, sheet["h1"]), *flowables,
            NextPageTemplate(PORTRAIT), PageBreak()]
