"""The plan of the pathway (A4 PDF), whole or as one partner needs it."""

from __future__ import annotations

from typing import Optional

from parcours_designer.export import plan_sections as sections
from parcours_designer.export.budget_form import budget_form
from parcours_designer.export.budget_pdf import summary_flowables
from parcours_designer.export.gantt_pdf import gantt_flowables, landscape_section
from parcours_designer.export.pdf_doc import Cell, build_pdf, doc_info, missing_note, styles, table
from parcours_designer.export.pdf_text import para
from parcours_designer.model.budget import cost_amount
from parcours_designer.model.formatting import format_money, format_quantity
from parcours_designer.model.gantt_layout import compute_layout, planning_layout
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None,
           scenario_id: Optional[str] = None) -> bytes:
    """The plan; with ``scenario_id`` its calendar shows that risk's scenario against the baseline."""
    if partner_id is not None:
        return partner_plan(pathway, partner_id)
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


def _gantt(pathway: Pathway, sheet: dict, scenario_id: Optional[str] = None) -> list:
    layout = compute_layout(pathway) if scenario_id is None else planning_layout(pathway, scenario_id=scenario_id)
    flowables = gantt_flowables(layout, sheet)
    if layout.scenario:
        flowables.insert(0, para(f"Scénario « {layout.scenario} » comparé au planning de référence (en gris)",
                                 sheet["body"]))
    if layout.is_empty:
        flowables.insert(0, missing_note("Aucune étape datée : le calendrier ne peut pas être tracé.", sheet))
    return flowables


def partner_plan(pathway: Pathway, partner_id: str) -> bytes:
    """Their phases, the people to contact, their budget lines and funding, the overall calendar."""
    sheet = styles()
    partner = pathway.index("partners")[partner_id]
    name = display_name(partner)
    story = sections.cover(pathway, sheet, "Plan du parcours – document partenaire", f"Pour : {name}")
    story += [para(f"Votre rôle : {partner.role}" if partner.role.strip() else "Rôle non précisé.", sheet["body"])]
    story += _partner_phases(pathway, partner_id, sheet)
    story += _people_to_contact(pathway, partner_id, sheet)
    story += _partner_money(pathway, partner_id, sheet)
    story += [para("Calendrier d'ensemble", sheet["h1"])]
    story.append(table(sections.PHASE_HEADER[:2] + ("Lieu",),
                       [row[:3] for row in sections.phase_rows(pathway, pathway.phases)],
                       (0.5, 0.25, 0.25), sheet=sheet) if pathway.phases else
                 missing_note("Aucune étape n'est encore définie.", sheet))
    story += landscape_section("Calendrier (diagramme de Gantt)", _gantt(pathway, sheet), sheet)
    info = doc_info(pathway, f"Plan du parcours – {name}", f"Plan du parcours pour {name}")
    return build_pdf(info, story)


def _partner_phases(pathway: Pathway, partner_id: str, sheet: dict) -> list:
    story = [para("Vos étapes", sheet["h1"])]
    mine = [p for p in pathway.phases if partner_id in p.partner_ids]
    if not mine:
        return story + [missing_note("Ce partenaire n'intervient dans aucune étape pour l'instant.", sheet)]
    rows = sections.phase_rows(pathway, mine)  # contacts: in « Vos contacts »
    return story + [table(sections.PHASE_HEADER, rows, sections.PHASE_WIDTHS, sheet=sheet)]


def _people_to_contact(pathway: Pathway, partner_id: str, sheet: dict) -> list:
    story = [para("Vos contacts", sheet["h1"])]
    rows = []
    referent = pathway.referent
    if referent and (referent.name or referent.email):
        rows.append([f"{referent.name}\n{referent.organisation}", "Référent·e du parcours",
                     sections.lines(x for x in (referent.email, referent.phone) if x.strip())])
    mine = {p.id for p in pathway.phases if partner_id in p.partner_ids}
    fellows = [p for p in pathway.partners if p.id != partner_id
               and any(p.id in ph.partner_ids for ph in pathway.phases if ph.id in mine)]
    for other in fellows:
        contact = other.contact
        rows.append([f"{contact.name}\n{display_name(other)}" if contact.name else display_name(other),
                     other.role or other.kind.label,
                     sections.lines(x for x in (contact.email, contact.phone) if x.strip())])
    if not rows:
        return story + [missing_note("Aucun contact n'est renseigné.", sheet)]
    return story + [table(("Personne", "Rôle", "Coordonnées"), rows, (0.3, 0.3, 0.4), sheet=sheet)]


def _partner_money(pathway: Pathway, partner_id: str, sheet: dict) -> list:
    story = [para("Vos lignes budgétaires", sheet["h1"])]
    phases = pathway.index("phases")
    costs = [c for c in pathway.costs if c.partner_id == partner_id]
    if costs:
        rows = [[display_name(c), display_name(phases[c.phase_id]) if c.phase_id in phases else "—",
                 Cell(f"{format_quantity(c.quantity)} {c.unit}".strip(), right=True),
                 Cell(format_money(cost_amount(c)), right=True)] for c in costs]
        total = sum((cost_amount(c) for c in costs), start=cost_amount(costs[0]) * 0)
        rows.append([Cell("Total", bold=True), "", "", Cell(format_money(total), bold=True, right=True)])
        story.append(table(("Charge", "Étape", "Quantité", "Montant"), rows, (0.4, 0.3, 0.13, 0.17),
                           emphasis_rows=[len(rows) - 1], sheet=sheet))
    else:
        story.append(missing_note("Aucune charge n'est rattachée à ce partenaire.", sheet))
    story.append(para("Financements apportés", sheet["h2"]))
    funding = [f for f in pathway.funding if f.partner_id == partner_id]
    if funding:
        rows = [[display_name(f), f.account, f.status.label, Cell(format_money(f.amount), right=True)]
                for f in funding]
        story.append(table(("Produit", "Compte", "Statut", "Montant"), rows, (0.5, 0.12, 0.16, 0.22), sheet=sheet))
    else:
        story.append(missing_note("Ce partenaire n'apporte aucun financement au budget.", sheet))
    return story
