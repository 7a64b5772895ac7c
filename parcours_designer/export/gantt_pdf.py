"""The Gantt chart in PDF: vector pages (A4 or A3, portrait or landscape), alone or inside the plan."""

from __future__ import annotations

from typing import Optional

from parcours_designer.export.gantt_paper import chart_pages, page_flowables
from parcours_designer.export.pdf_doc import A4, LANDSCAPE, PORTRAIT, build_pdf, doc_info, frame_size, styles, table
from parcours_designer.export.pdf_text import para
from parcours_designer.model.gantt_layout import GanttLayout, cycles_sentence
from parcours_designer.model.pathway import Pathway


def gantt_pdf(pathway: Pathway, layout: GanttLayout, *, paper: str = A4, orientation: str = LANDSCAPE) -> bytes:
    sheet = styles()
    story = [para("Diagramme de Gantt", sheet["h1"])]
    if layout.scenario:
        story.append(para(f"Scénario « {layout.scenario} » comparé au planning de référence (en gris)",
                          sheet["body"]))
    story += gantt_flowables(pathway, layout, sheet, paper=paper, orientation=orientation)
    info = doc_info(pathway, "Diagramme de Gantt", "Calendrier des étapes du parcours")
    return build_pdf(info, story, start=orientation, paper=paper)


def gantt_flowables(pathway: Pathway, layout: GanttLayout, sheet: dict, *, paper: str = A4,
                    orientation: str = LANDSCAPE, highlighted: Optional[set[str]] = None) -> list:
    """Every page of the chart (task table, scale, bars, legend, « Page x / y »), then the notes."""
    flowables: list = []
    if layout.bars:
        pages = chart_pages(pathway, layout, frame_size(orientation, paper), highlighted)
        flowables += page_flowables(pages)
    return flowables + missing_flowables(layout, sheet)


def missing_flowables(layout: GanttLayout, sheet: dict) -> list:
    """Every phase the chart cannot show, with the reason; cycles; no dates at all."""
    from reportlab.platypus import Spacer

    flowables: list = []
    if layout.undated:
        flowables += [Spacer(1, 6), para("Étapes non représentées sur le diagramme", sheet["h2"])]
        rows = [[u.title, u.reason] for u in layout.undated]
        flowables.append(table(("Étape", "Raison"), rows, (0.65, 0.35), sheet=sheet))
    if layout.cycles:
        flowables.append(para(f"Attention : {cycles_sentence(len(layout.cycles))}", sheet["note"]))
    if layout.span() is None:
        flowables.append(para("Aucune date : ni les étapes ni la période du parcours ne sont datées.",
                              sheet["note"]))
    return flowables


def landscape_section(title: str, flowables: list, sheet: dict) -> list:
    """``flowables`` on landscape pages inside a portrait document, then back to portrait."""
    from reportlab.platypus import NextPageTemplate, PageBreak

    return [NextPageTemplate(LANDSCAPE), PageBreak(), para(title, sheet["h1"]), *flowables,
            NextPageTemplate(PORTRAIT), PageBreak()]
