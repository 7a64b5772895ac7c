"""The budget prévisionnel: charges, produits and their balance, to the cent.

Lines are grouped as on the French association budget form (CERFA): by the
first two digits of their account, charges 60 to 68 then 86, produits 70 to 78
then 87.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Generic, Iterable, Optional, Sequence, TypeVar

from parcours_designer.model.entities import Cost, Funding
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.types import round_cents

ZERO = Decimal("0.00")
Line = TypeVar("Line", Cost, Funding)
UNCLASSIFIED = "??"

# The groups in the order and wording of the CERFA forms (n°12156, n°15059): the one home of
# their labels, for the budget, the réalisé, the check and the documents.
CHARGE_GROUP_LABELS: dict[str, str] = {
    "60": "60 – Achats",
    "61": "61 – Services extérieurs",
    "62": "62 – Autres services extérieurs",
    "63": "63 – Impôts et taxes",
    "64": "64 – Charges de personnel",
    "65": "65 – Autres charges de gestion courante",
    "66": "66 – Charges financières",
    "67": "67 – Charges exceptionnelles",
    "68": "68 – Dotation aux amortissements",
    "86": "86 – Emplois des contributions volontaires en nature",
}
PRODUCT_GROUP_LABELS: dict[str, str] = {
    "70": "70 – Vente de produits finis, de marchandises, prestations de services",
    "71": "71 – Production stockée",
    "72": "72 – Production immobilisée",
    "73": "73 – Dotations et produits de tarification",
    "74": "74 – Subventions d'exploitation",
    "75": "75 – Autres produits de gestion courante",
    "76": "76 – Produits financiers",
    "77": "77 – Produits exceptionnels",
    "78": "78 – Reprises sur amortissements et provisions",
    "87": "87 – Contributions volontaires en nature",
}
IN_KIND_CHARGES = "86"
IN_KIND_PRODUCTS = "87"


def cost_amount(cost: Cost) -> Decimal:
    """quantity × unit cost, rounded half-up to the cent."""
    return round_cents(cost.quantity * cost.unit_cost)


def account_group(account: str) -> str:
    """The CERFA group of an account: its first two digits."""
    return account[:2] if len(account) >= 2 else UNCLASSIFIED


UNCLASSIFIED_LABEL = "Compte non renseigné"


def group_label(group: str) -> str:
    """« 62 – Autres services extérieurs »: a group's code and the form's wording."""
    if group == UNCLASSIFIED:
        return UNCLASSIFIED_LABEL
    return CHARGE_GROUP_LABELS.get(group) or PRODUCT_GROUP_LABELS.get(group) or group


@dataclass
class BudgetGroup(Generic[Line]):
    """One CERFA group with its lines (costs or funding) and total."""

    code: str
    label: str
    lines: list[Line] = field(default_factory=list)
    total: Decimal = ZERO


@dataclass
class Budget:
    """Every total of a pathway's budget, computed once."""

    charges: list[BudgetGroup[Cost]]
    products: list[BudgetGroup[Funding]]
    total_charges: Decimal
    total_products: Decimal
    in_kind_charges: Decimal
    in_kind_products: Decimal

    @property
    def balance(self) -> Decimal:
        """produits − charges: positive is a surplus, negative a deficit."""
        return self.total_products - self.total_charges

    @property
    def is_balanced(self) -> bool:
        return self.balance == 0

    @property
    def in_kind_balanced(self) -> bool:
        return self.in_kind_charges == self.in_kind_products


def _grouped(lines: Iterable[Line], amount: Callable[[Line], Decimal],
             order: dict[str, str]) -> list[BudgetGroup[Line]]:
    groups: dict[str, BudgetGroup[Line]] = {}
    for line in lines:
        code = account_group(line.account)
        group = groups.setdefault(code, BudgetGroup(code, group_label(code)))
        group.lines.append(line)
        group.total += amount(line)
    rank = {code: position for position, code in enumerate(order)}
    return sorted(groups.values(), key=lambda g: rank.get(g.code, len(rank)))


def compute_budget(pathway: Pathway) -> Budget:
    """The budget form of a pathway: groups, totals, balances."""
    charges = _grouped(pathway.costs, cost_amount, CHARGE_GROUP_LABELS)
    products = _grouped(pathway.funding, lambda f: f.amount, PRODUCT_GROUP_LABELS)
    return Budget(
        charges=charges,
        products=products,
        total_charges=sum((g.total for g in charges), ZERO),
        total_products=sum((g.total for g in products), ZERO),
        in_kind_charges=_group_total(charges, IN_KIND_CHARGES),
        in_kind_products=_group_total(products, IN_KIND_PRODUCTS),
    )


def _group_total(groups: Sequence[BudgetGroup[Cost] | BudgetGroup[Funding]], code: str) -> Decimal:
    return next((g.total for g in groups if g.code == code), ZERO)


def total_charges(pathway: Pathway) -> Decimal:
    return sum((cost_amount(c) for c in pathway.costs), ZERO)


def total_products(pathway: Pathway) -> Decimal:
    return sum((f.amount for f in pathway.funding), ZERO)


def charges_by_phase(pathway: Pathway) -> dict[Optional[str], Decimal]:
    """Total charges per phase id (``None``: lines tied to no phase)."""
    totals: dict[Optional[str], Decimal] = defaultdict(lambda: ZERO)
    for cost in pathway.costs:
        totals[cost.phase_id] += cost_amount(cost)
    return dict(totals)


def charges_by_partner(pathway: Pathway) -> dict[Optional[str], Decimal]:
    """Total charges per partner id (``None``: lines tied to no partner)."""
    totals: dict[Optional[str], Decimal] = defaultdict(lambda: ZERO)
    for cost in pathway.costs:
        totals[cost.partner_id] += cost_amount(cost)
    return dict(totals)


def products_by_partner(pathway: Pathway) -> dict[Optional[str], Decimal]:
    """Total produits per funder id (``None``: lines tied to no partner)."""
    totals: dict[Optional[str], Decimal] = defaultdict(lambda: ZERO)
    for funding in pathway.funding:
        totals[funding.partner_id] += funding.amount
    return dict(totals)


def subsidies_by_funder(pathway: Pathway) -> list[Funding]:
    """The 74 lines (subventions), to break down by funder."""
    return [f for f in pathway.funding if account_group(f.account) == "74"]
