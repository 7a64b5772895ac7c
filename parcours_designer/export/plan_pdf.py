"""The plan of the pathway (A4 PDF), whole or as one partner needs it.

Every date comes from one :class:`~parcours_designer.model.planning.Plan`: the
phase tables, the Gantt and the budget; a scenario plan (``scenario_id``) is
the scenario from its cover to its last table.
"""

from __future__ import annotations

from typing import Optional

from parcours_designer.export import plan_additions as additions
from parcours_designer.export import plan_sections as sections
from parcours_designer.export.budget_form import budget_form
from parcours_designer.export.budget_pdf import summary_flowables
from parcours_designer.export.gantt_pdf import gantt_flowables, landscape_section
from parcours_designer.export.map_export import plan_section as map_section
from parcours_designer.export.pdf_doc import build_pdf, doc_info, missing_note, styles
from parcours_designer.export.pdf_text import para
from parcours_designer.export.plan_partner import partner_plan
from parcours_designer.model.formatting import format_money
from parcours_designer.model.gantt_layout import GroupBy
from parcours_designer.model.modules import has_modules
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import Plan, plan_for, with_scenario_cost


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None,
           scenario_id: Optional[str] = None) -> bytes:
    """The plan; with ``scenario_id`` the whole plan follows that risk's scenario."""
    plan = plan_for(pathway, scenario_id, group_by=GroupBy.MODULE if has_modules(pathway) else GroupBy.NONE)
    if partner_id is not None:
        mine = {p.id for p in pathway.phases if partner_id in p.partner_ids}
        calendar = landscape_section("Calendrier (diagramme de Gantt)", _gantt(pathway, plan, styles(), mine),
                                     styles())
        return partner_plan(pathway, partner_id, calendar, plan)
    sheet = styles()
    story = sections.cover(pathway, sheet, "Plan du parcours d'accompagnement", plan=plan)
    story += sections.context(pathway, sheet)
    story += sections.audiences(pathway, sheet)
    story += sections.traceability(pathway, sheet)
    story += sections.phases(pathway, sheet, plan)
    story += additions.programmes(pathway, sheet)
    story += landscape_section("Calendrier (diagramme de Gantt)", _gantt(pathway, plan, sheet), sheet)
    story += sections.partners(pathway, sheet)
    story += additions.approaches(pathway, sheet)
    story += map_section(pathway, sheet)
    story += [para("Budget prévisionnel (synthèse)", sheet["h1"])]
    if plan.extra_cost:
        story.append(para(f"Ce budget inclut le surcoût du scénario : {format_money(plan.extra_cost)} "
                          "(compte 67, charges exceptionnelles).", sheet["body"]))
    story += summary_flowables(budget_form(with_scenario_cost(pathway, plan), plan), sheet)
    story += additions.module_costs(pathway, sheet)
    story += sections.indicators(pathway, sheet)
    story += additions.commitments(pathway, sheet)
    story += sections.risks(pathway, sheet)
    title = "Plan du parcours" + (" – scénario de risque" if plan.scenario else "")  # in every page's header
    info = doc_info(pathway, title, "Plan du parcours d'accompagnement")
    return build_pdf(info, story)


def _gantt(pathway: Pathway, plan: Plan, sheet: dict, highlighted: Optional[set[str]] = None) -> list:
    layout = plan.layout
    flowables = gantt_flowables(pathway, layout, sheet, highlighted=highlighted)
    if layout.scenario:
        flowables.insert(0, para(f"Scénario « {layout.scenario} » comparé au planning de référence (en gris)",
                                 sheet["body"]))
    if layout.is_empty:
        flowables.insert(0, missing_note("Aucune étape datée : le calendrier ne peut pas être tracé.", sheet))
    return flowables
