"""The plan as one partner needs it: addressed to its contact, only the sections that concern it.

Steps keep the numbers of the whole plan; people to contact are listed once;
a section with nothing to say is left out; a partner who finances the
pathway sees the whole financing (every co-funder, amount and status).
"""

from __future__ import annotations

from parcours_designer.export import plan_additions as additions
from parcours_designer.export import plan_sections as sections
from parcours_designer.export.budget_form import budget_form
from parcours_designer.export.pdf_doc import Cell, build_pdf, doc_info, missing_note, styles, table
from parcours_designer.export.pdf_text import para
from parcours_designer.model.budget import ZERO, cost_amount
from parcours_designer.model.budget_layout import LINE
from parcours_designer.model.entities import Partner
from parcours_designer.model.enums import PartnerKind
from parcours_designer.model.formatting import format_money, format_quantity, plural
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import Plan
from parcours_designer.model.references import display_name

FINANCING_KINDS = {PartnerKind.FUNDER, PartnerKind.LOCAL_AUTHORITY}


def partner_plan(pathway: Pathway, partner_id: str, calendar: list, plan: Plan) -> bytes:
    """The partner's plan; ``calendar``: the flowables of the Gantt section (made by the plan);
    every date from ``plan`` (a scenario's, when the plan follows one)."""
    sheet = styles()
    partner = pathway.index("partners")[partner_id]
    name = display_name(partner)
    story = sections.cover(pathway, sheet, "Plan du parcours – document partenaire", f"Pour : {name}",
                           partner.contact.name, plan)
    story += [para(f"Votre rôle : {partner.role}" if partner.role.strip() else "Rôle non précisé.", sheet["body"])]
    story += _phases(pathway, partner_id, sheet, plan)
    story += additions.programmes(pathway, sheet, [p for p in pathway.phases if partner_id in p.partner_ids])
    story += _people_to_contact(pathway, partner, sheet)
    story += _costs(pathway, partner_id, sheet)
    story += _financing(pathway, partner, sheet)
    story += [para("Calendrier d'ensemble", sheet["h1"])]
    story.append(table(sections.PHASE_HEADER[:2] + ("Lieu",),
                       [row[:3] for row in sections.phase_rows(pathway, pathway.phases, plan)],
                       (0.5, 0.25, 0.25), sheet=sheet) if pathway.phases else
                 missing_note("Aucune étape n'est encore définie.", sheet))
    story += calendar
    info = doc_info(pathway, f"Plan du parcours – {name}", f"Plan du parcours pour {name}")
    return build_pdf(info, story)


def _phases(pathway: Pathway, partner_id: str, sheet: dict, plan: Plan) -> list:
    mine = [p for p in pathway.phases if partner_id in p.partner_ids]
    if not mine:
        return []
    rows = sections.phase_rows(pathway, mine, plan)
    return [para("Vos étapes", sheet["h1"]), table(sections.PHASE_HEADER, rows, sections.PHASE_WIDTHS, sheet=sheet)]


def _people_to_contact(pathway: Pathway, partner: Partner, sheet: dict) -> list:
    """The referent, then the partners met in the same phases: each person once."""
    rows, seen = [], set()

    def add(person: str, organisation: str, role: str, email: str, phone: str) -> None:
        key = (person.strip().casefold() or organisation.casefold(), email.strip().casefold())
        if key in seen:
            return
        seen.add(key)
        who = f"{person}\n{organisation}" if person.strip() and organisation.strip() else person or organisation
        rows.append([who, role, sections.lines(x for x in (email, phone) if x.strip())])

    referent = pathway.referent
    if referent and (referent.name or referent.email):
        add(referent.name, referent.organisation, "Référent·e du parcours", referent.email, referent.phone)
    mine = {p.id for p in pathway.phases if partner.id in p.partner_ids}
    for other in pathway.partners:
        if other.id != partner.id and any(other.id in ph.partner_ids for ph in pathway.phases if ph.id in mine):
            contact = other.contact
            add(contact.name, display_name(other), other.role or other.kind.label, contact.email, contact.phone)
    if not rows:
        return []
    return [para("Vos contacts", sheet["h1"]), table(("Personne", "Rôle", "Coordonnées"), rows, (0.3, 0.3, 0.4),
                                                     sheet=sheet)]


def _costs(pathway: Pathway, partner_id: str, sheet: dict) -> list:
    costs = [c for c in pathway.costs if c.partner_id == partner_id]
    if not costs:
        return []
    phases = pathway.index("phases")
    rows = [[display_name(c), display_name(phases[c.phase_id]) if c.phase_id in phases else "—",
             Cell(f"{format_quantity(c.quantity)} {plural(c.unit, c.quantity)}".strip(), right=True),
             Cell(format_money(cost_amount(c)), right=True)] for c in costs]
    total = sum((cost_amount(c) for c in costs), ZERO)
    rows.append([Cell("Total", bold=True), "", "", Cell(format_money(total), bold=True, right=True)])
    return [para("Vos lignes budgétaires", sheet["h1"]),
            table(("Charge", "Étape", "Quantité", "Montant"), rows, (0.4, 0.3, 0.13, 0.17),
                  emphasis_rows=[len(rows) - 1], sheet=sheet)]


def _financing(pathway: Pathway, partner: Partner, sheet: dict) -> list:
    """A funder sees the whole financing: the budget's total, every co-funder, amount and status."""
    own = [f for f in pathway.funding if f.partner_id == partner.id]
    if not own and partner.kind not in FINANCING_KINDS:
        return []
    form = budget_form(pathway)
    layout = form.layout
    story = [para("Plan de financement du parcours", sheet["h1"]),
             para(f"Budget total (charges, hors contributions en nature) : {format_money(layout.charges.total)}.",
                  sheet["body"])]
    lines = [row for _d, row in layout.products.rows() if row.level == LINE]
    if not lines:
        return story + [missing_note("Aucun financement n'est encore inscrit au budget.", sheet)]
    own_ids = {f.id for f in own}
    rows: list[list[object]] = []
    mine: list[int] = []
    for row in lines:
        if row.item_id in own_ids:
            mine.append(len(rows))
        rows.append([Cell(row.funder or "—", bold=row.item_id in own_ids), row.label, row.status.label if row.status else "",
                     Cell(format_money(row.amount), right=True)])
    rows.append([Cell("Total des produits", bold=True), "", "", Cell(format_money(layout.products.total), bold=True,
                                                                     right=True)])
    rows.append(["", "dont acquis", "", Cell(format_money(layout.granted), right=True)])
    rows.append(["", "dont demandé", "", Cell(format_money(layout.requested), right=True)])
    story.append(table(("Financeur", "Produit", "Statut", "Montant"), rows, (0.3, 0.4, 0.12, 0.18),
                       emphasis_rows=mine, sheet=sheet))
    if mine:
        story.append(para("Vos apports sont surlignés.", sheet["note"]))
    return story
