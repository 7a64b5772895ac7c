"""The budget form as rows, the one source of the XLSX, CSV and PDF budgets.

Charges by CERFA group (60 to 68, then 86), produits by group (70 to 78,
then 87) with the subsidies (74) broken down by funder; every group's
lines, its total, the totals and the balance; then the breakdowns by phase
and by partner. Amounts are exact Decimals taken from ``model.budget``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from parcours_designer.model.budget import (
    ZERO,
    Budget,
    charges_by_partner,
    charges_by_phase,
    compute_budget,
    cost_amount,
    products_by_partner,
)
from parcours_designer.model.formatting import format_money, format_period, format_quantity
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name

LINE, GROUP, FUNDER, TOTAL = "line", "group", "funder", "total"
NO_FUNDER = "Financeur non précisé"


@dataclass
class FormRow:
    """One row of the form. ``level``: line, group, funder (74 sub-total) or total."""

    level: str
    account: str
    label: str
    amount: Decimal
    details: tuple[str, ...] = ()
    quantity: Optional[Decimal] = None
    unit_cost: Optional[Decimal] = None
    children: list["FormRow"] = field(default_factory=list)


@dataclass
class BudgetForm:
    charges: list[FormRow]
    products: list[FormRow]
    budget: Budget
    by_phase: list[tuple[str, str, Decimal]]
    by_partner: list[tuple[str, Decimal, Decimal]]

    @property
    def is_empty(self) -> bool:
        return not self.charges and not self.products


CHARGE_HEADER = ("Compte", "Charges", "Quantité", "Unité", "Coût unitaire", "Montant")
PRODUCT_HEADER = ("Compte", "Produits", "Financeur", "Statut", "Montant")


def budget_form(pathway: Pathway) -> BudgetForm:
    budget = compute_budget(pathway)
    partners = {p.id: display_name(p) for p in pathway.partners}
    charges = [_charge_group(group, partners) for group in budget.charges]
    products = [_product_group(group, partners) for group in budget.products]
    return BudgetForm(charges, products, budget, _by_phase(pathway), _by_partner(pathway))


def _charge_group(group, partners: dict[str, str]) -> FormRow:
    lines = [
        FormRow(LINE, cost.account, display_name(cost), cost_amount(cost),
                (cost.unit, partners.get(cost.partner_id, "")), cost.quantity, cost.unit_cost)
        for cost in group.lines
    ]
    return FormRow(GROUP, group.code, group.label, group.total, children=lines)


def _funding_line(funding, partners: dict[str, str]) -> FormRow:
    return FormRow(LINE, funding.account, display_name(funding), funding.amount,
                   (partners.get(funding.partner_id, ""), funding.status.label))


def _product_group(group, partners: dict[str, str]) -> FormRow:
    if group.code != "74":
        lines = [_funding_line(f, partners) for f in group.lines]
        return FormRow(GROUP, group.code, group.label, group.total, children=lines)
    funders: dict[Optional[str], list] = {}
    for funding in group.lines:
        funders.setdefault(funding.partner_id, []).append(funding)
    children = []
    for partner_id, lines in funders.items():
        name = partners.get(partner_id, NO_FUNDER)
        total = sum((f.amount for f in lines), ZERO)
        rows = [_funding_line(f, partners) for f in lines]
        children.append(FormRow(FUNDER, "74", f"Financeur : {name}", total, children=rows))
    return FormRow(GROUP, group.code, group.label, group.total, children=children)


def _by_phase(pathway: Pathway) -> list[tuple[str, str, Decimal]]:
    totals = charges_by_phase(pathway)
    rows = [(display_name(p), format_period(p.start, p.end), totals.get(p.id, ZERO)) for p in pathway.phases]
    if totals.get(None):
        rows.append(("Charges communes (sans étape)", "", totals[None]))
    return rows


def _by_partner(pathway: Pathway) -> list[tuple[str, Decimal, Decimal]]:
    charges, products = charges_by_partner(pathway), products_by_partner(pathway)
    rows = [(display_name(p), charges.get(p.id, ZERO), products.get(p.id, ZERO)) for p in pathway.partners]
    if charges.get(None) or products.get(None):
        rows.append(("Sans partenaire", charges.get(None, ZERO), products.get(None, ZERO)))
    return rows


def balance_sentence(budget: Budget) -> str:
    """The balance stated plainly, in French."""
    if budget.total_charges == 0 and budget.total_products == 0:
        return "Budget vide : aucune charge ni aucun produit n'est encore saisi."
    if budget.is_balanced:
        return f"Budget équilibré : {format_money(budget.total_charges)} de charges et de produits."
    gap = format_money(abs(budget.balance))
    if budget.balance < 0:
        return f"Budget en déficit de {gap} : les produits ne couvrent pas les charges."
    return f"Budget en excédent de {gap} : les produits dépassent les charges."


def in_kind_sentence(budget: Budget) -> str:
    if budget.in_kind_charges == 0 and budget.in_kind_products == 0:
        return "Aucune contribution volontaire en nature."
    state = "équilibrées" if budget.in_kind_balanced else "non équilibrées"
    return (f"Contributions volontaires en nature {state} : emplois (86) {format_money(budget.in_kind_charges)}, "
            f"contributions (87) {format_money(budget.in_kind_products)}.")


def quantity_text(row: FormRow) -> str:
    return format_quantity(row.quantity) if row.quantity is not None else ""
