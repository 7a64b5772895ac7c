"""What the PDF, XLSX and CSV budgets print, besides the CERFA layout itself.

The layout (``model.budget_layout``) gives the form; this module adds the
breakdowns by phase and by partner, each made of the layout's own lines (so
a spreadsheet can compute them from the main sheet), and the sentences that
state the balance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from parcours_designer.model.budget import ZERO
from parcours_designer.model.budget_layout import LINE, BudgetLayout, LayoutRow, budget_layout
from parcours_designer.model.formatting import format_euros, format_period, format_quantity, plural
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import Plan, plan_for
from parcours_designer.model.references import display_name

FORM_TITLE = "Budget prévisionnel de l'action"
FORM_REFERENCE = "présenté selon le formulaire CERFA n°12156"


@dataclass
class Breakdown:
    """One row of a breakdown: a name, what it says, and the layout lines it adds up."""

    name: str
    detail: str = ""
    charge_ids: list[str] = field(default_factory=list)
    charges: Decimal = ZERO
    product_ids: list[str] = field(default_factory=list)
    products: Decimal = ZERO


@dataclass
class BudgetForm:
    layout: BudgetLayout
    by_phase: list[Breakdown]
    by_partner: list[Breakdown]

    @property
    def whole_euros(self) -> bool:
        return self.layout.whole_euros

    def money(self, amount: Decimal) -> str:
        return format_euros(amount, self.layout.whole_euros)


def budget_form(pathway: Pathway, plan: Optional[Plan] = None, *, whole_euros: bool = False) -> BudgetForm:
    """The form of ``pathway``; phases are dated by ``plan`` (the baseline plan by default)."""
    layout = budget_layout(pathway, whole_euros=whole_euros)
    return BudgetForm(layout, _by_phase(pathway, layout, plan or plan_for(pathway)), _by_partner(pathway, layout))


def line_rows(layout: BudgetLayout) -> tuple[dict[str, LayoutRow], dict[str, LayoutRow]]:
    """Every line of the layout by its cost id, and by its funding id."""
    def lines(side) -> dict[str, LayoutRow]:
        pairs = side.rows() + side.in_kind_rows()
        return {row.item_id: row for _depth, row in pairs if row.level == LINE}

    return lines(layout.charges), lines(layout.products)


def _add(breakdown: Breakdown, row: LayoutRow, charge: bool) -> None:
    if charge:
        breakdown.charge_ids.append(row.item_id or "")
        breakdown.charges += row.amount
    else:
        breakdown.product_ids.append(row.item_id or "")
        breakdown.products += row.amount


def _by_phase(pathway: Pathway, layout: BudgetLayout, plan: Plan) -> list[Breakdown]:
    costs, _products = line_rows(layout)
    rows = {p.id: Breakdown(display_name(p), _period(plan, p.id)) for p in pathway.phases}
    common = Breakdown("Charges communes (sans étape)")
    for cost in pathway.costs:
        _add(rows.get(cost.phase_id or "", common), costs[cost.id], True)
    return list(rows.values()) + ([common] if common.charge_ids else [])


def _period(plan: Plan, phase_id: str) -> str:
    dates = plan.dates(phase_id)
    return format_period(*dates) if dates is not None else "non datée"


def _by_partner(pathway: Pathway, layout: BudgetLayout) -> list[Breakdown]:
    costs, products = line_rows(layout)
    rows = {p.id: Breakdown(display_name(p), p.kind.label) for p in pathway.partners}
    nobody = Breakdown("Sans partenaire")
    for cost in pathway.costs:
        _add(rows.get(cost.partner_id or "", nobody), costs[cost.id], True)
    for funding in pathway.funding:
        _add(rows.get(funding.partner_id or "", nobody), products[funding.id], False)
    return list(rows.values()) + ([nobody] if nobody.charge_ids or nobody.product_ids else [])


def balance_sentence(form: BudgetForm) -> str:
    """The balance of the cash budget (without contributions in kind), stated plainly."""
    layout, money = form.layout, form.money
    charges, products = layout.charges.total, layout.products.total
    if layout.is_empty:
        return "Budget vide : aucune charge ni aucun produit n'est encore saisi."
    if charges == products:
        return f"Budget équilibré : {money(charges)} de charges et de produits, hors contributions en nature."
    gap = money(abs(layout.balance))
    if layout.balance < 0:
        return f"Budget en déficit de {gap} : les produits ne couvrent pas les charges."
    return f"Budget en excédent de {gap} : les produits dépassent les charges."


def in_kind_sentence(form: BudgetForm) -> str:
    charges, products = form.layout.charges.in_kind.amount, form.layout.products.in_kind.amount
    if charges == 0 and products == 0:
        return "Aucune contribution volontaire en nature."
    state = "équilibrées" if charges == products else "non équilibrées"
    return (f"Contributions volontaires en nature {state} : emplois (86) {form.money(charges)}, "
            f"contributions (87) {form.money(products)}.")


def line_label(row: LayoutRow, form: BudgetForm) -> str:
    """A line as the form prints it: its account, label, and what sets its amount."""
    text = f"{row.account} · {row.label}" if row.account else row.label
    if row.status is not None:
        return f"{text} ({row.status.label.lower()})"
    if row.quantity is not None and row.quantity != 1 and row.unit_cost is not None:
        unit = f" {plural(row.unit, row.quantity)}" if row.unit else ""
        return f"{text} ({format_quantity(row.quantity)}{unit} × {format_euros(row.unit_cost)})"
    return text


def quantity_text(row: LayoutRow) -> str:
    return format_quantity(row.quantity) if row.quantity is not None else ""
