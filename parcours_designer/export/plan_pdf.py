"""The plan of the pathway (A4 PDF), whole or as one partner needs it."""

from __future__ import annotations

from typing import Optional

from parcours_designer.export import plan_sections as sections
from parcours_designer.export.budget_form import budget_form
from parcours_designer.export.budget_pdf import summary_flowables
from parcours_designer.export.gantt_pdf import gantt_flowables, landscape_section
from parcours_designer.export.pdf_doc import build_pdf, doc_info, missing_note, styles
from parcours_designer.export.pdf_text import para
from parcours_designer.export.plan_partner import partner_plan
from parcours_designer.model.gantt_layout import planning_layout
from parcours_designer.model.pathway import Pathway


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None,
           scenario_id: Optional[str] = None) -> bytes:
    """The plan; with ``scenario_id`` its calendar shows that risk's scenario against the baseline."""
    if partner_id is not None:
        mine = {p.id for p in pathway.phases if partner_id in p.partner_ids}
        calendar = landscape_section("Calendrier (diagramme de Gantt)", _gantt(pathway, styles(), highlighted=mine),
                                     styles())
        return partner_plan(pathway, partner_id, calendar)
    sheet = styles()
    story = sections.cover(pathway, sheet, "Plan du parcours d'accompagnement")
    story += sections.context(pathway, sheet)
    story += sections.audiences(pathway, sheet)
    story += sections.traceability(pathway, sheet)
    story += sections.phases(pathway, sheet)
    story += landscape_section("Calendrier (diagramme de Gantt)", _gantt(pathway, sheet, scenario_id), sheet)
    story += sections.partners(pathway, sheet)
    story += [para("Budget prévisionnel (synthèse)", sheet["h1"])]
    story += summary_flowables(budget_form(pathway), sheet)
    story += sections.indicators(pathway, sheet)
    story += sections.risks(pathway, sheet)
    info = doc_info(pathway, "Plan du parcours", "Plan du parcours d'accompagnement")
    return build_pdf(info, story)


def _gantt(pathway: Pathway, sheet: dict, scenario_id: Optional[str] = None,
           highlighted: Optional[set[str]] = None) -> list:
    layout = planning_layout(pathway, scenario_id=scenario_id)
    flowables = gantt_flowables(pathway, layout, sheet, highlighted=highlighted)
    if layout.scenario:
        flowables.insert(0, para(f"Scénario « {layout.scenario} » comparé au planning de référence (en gris)",
                                 sheet["body"]))
    if layout.is_empty:
        flowables.insert(0, missing_note("Aucune étape datée : le calendrier ne peut pas être tracé.", sheet))
    return flowables
