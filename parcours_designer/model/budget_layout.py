"""The budget laid out as the CERFA n°12156 « budget prévisionnel de l'action ».

One structure, shared by the PDF, XLSX and CSV budgets (and by the compte
rendu financier, CERFA n°15059, built on the same lines): charges on the
left, produits on the right; every group of the form listed even when
empty, in the form's order and wording; the subsidies (74) broken down by
funder category; the contributions in kind (86, 87) by sub-account, below
the totals of the cash budget; then the totals including them.

A row's ``amount`` is what ``amount_of`` gives for its lines (the forecast by
default) rounded to the cent, or to the euro with ``whole_euros``; a group's
amount is the sum of its rows, so every figure adds up as printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import zip_longest
from typing import Any, Callable, Iterator, Optional, Sequence

from parcours_designer.model.budget import ZERO, UNCLASSIFIED, account_group, cost_amount, group_label
from parcours_designer.model.entities import Cost, Funding
from parcours_designer.model.enums import FunderCategory, FundingStatus
from parcours_designer.model.funders import funder_category
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name
from parcours_designer.model.types import round_cents

GROUP, CATEGORY, LINE = "group", "category", "line"
INDIRECT = "indirect"

CHARGE_GROUPS: tuple[tuple[str, str], ...] = (
    *((code, group_label(code)) for code in ("60", "61", "62", "63", "64", "65", "66", "67", "68")),
    (INDIRECT, "Charges indirectes affectées à l'action"),
)
PRODUCT_GROUPS: tuple[tuple[str, str], ...] = tuple(
    (code, group_label(code)) for code in ("70", "73", "74", "75", "76", "78"))
# Groups the form does not print: shown only when a line uses them.
OTHER_GROUPS: dict[str, str] = {code: group_label(code) for code in ("71", "72", "77", UNCLASSIFIED)}
IN_KIND_CHARGES = ("86", group_label("86"), (
    ("860", "860 – Secours en nature"),
    ("861", "861 – Mise à disposition gratuite de biens et services"),
    ("862", "862 – Prestations"),
    ("864", "864 – Personnel bénévole"),
))
IN_KIND_PRODUCTS = ("87", group_label("87"), (
    ("870", "870 – Bénévolat"),
    ("871", "871 – Prestations en nature"),
    ("875", "875 – Dons en nature"),
))
TO_DETAIL = "Sous-compte à préciser"
TO_CLASSIFY = "Financeur à classer"


@dataclass
class LayoutRow:
    """A group, a category (74 funders, 86/87 sub-accounts) or a line of the budget."""

    level: str
    code: str
    label: str
    amount: Decimal = ZERO
    children: list["LayoutRow"] = field(default_factory=list)
    item_id: Optional[str] = None  # the cost or funding of a line
    account: str = ""
    funder: str = ""  # the partner's name
    status: Optional[FundingStatus] = None
    quantity: Optional[Decimal] = None  # charge lines: quantity × unit cost
    unit: str = ""
    unit_cost: Optional[Decimal] = None

    def walk(self, depth: int = 0) -> Iterator[tuple[int, "LayoutRow"]]:
        """This row then its descendants, each with its depth (0: a group)."""
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


@dataclass
class Side:
    """One column of the form: its cash groups, then its contributions in kind."""

    title: str
    groups: list[LayoutRow]
    in_kind: LayoutRow

    @property
    def total(self) -> Decimal:
        """TOTAL DES CHARGES / DES PRODUITS: the cash budget, without contributions in kind."""
        return sum((g.amount for g in self.groups), ZERO)

    @property
    def total_with_in_kind(self) -> Decimal:
        return self.total + self.in_kind.amount

    def rows(self) -> list[tuple[int, LayoutRow]]:
        return [pair for group in self.groups for pair in group.walk()]

    def in_kind_rows(self) -> list[tuple[int, LayoutRow]]:
        return list(self.in_kind.walk())


@dataclass
class BudgetLayout:
    charges: Side
    products: Side
    whole_euros: bool = False

    @property
    def granted(self) -> Decimal:
        """« dont acquis »: the produits (without contributions in kind) already granted."""
        return self._products_with(FundingStatus.GRANTED)

    @property
    def requested(self) -> Decimal:
        """« dont demandé »: the produits still requested."""
        return self._products_with(FundingStatus.REQUESTED)

    def _products_with(self, status: FundingStatus) -> Decimal:
        return sum((row.amount for _d, row in self.products.rows() if row.level == LINE and row.status == status),
                   ZERO)

    @property
    def is_empty(self) -> bool:
        """No line on either side."""
        sides = (self.charges, self.products)
        return not any(r.level == LINE for s in sides for _d, r in s.rows() + s.in_kind_rows())

    @property
    def balance(self) -> Decimal:
        return self.products.total - self.charges.total

    def side_by_side(self, in_kind: bool = False) -> list[tuple[Optional[tuple[int, LayoutRow]], ...]]:
        """Charges and produits rows facing each other (``None`` where one side is shorter)."""
        if in_kind:
            return list(zip_longest(self.charges.in_kind_rows(), self.products.in_kind_rows()))
        return list(zip_longest(self.charges.rows(), self.products.rows()))


Line = Cost | Funding  # a line of the budget: a charge or a product
Amount = Callable[[Line], Decimal]
InKindSpec = tuple[str, str, tuple[tuple[str, str], ...]]  # group, its label, its sub-accounts


def whole(amount: Decimal) -> Decimal:
    """Rounded half-up to the euro, as the form asks."""
    return amount.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def budget_layout(pathway: Pathway, *, whole_euros: bool = False, amount_of: Optional[Amount] = None) -> BudgetLayout:
    """The CERFA n°12156 layout of a pathway's budget.

    ``amount_of(line)`` gives a cost's or funding's amount (default: its forecast).
    """
    rounding = whole if whole_euros else round_cents
    forecast = amount_of or _forecast
    builder = _Builder(pathway, lambda line: rounding(forecast(line)))
    charges = Side("Charges", builder.groups(pathway.costs, CHARGE_GROUPS, builder.cost_row),
                   builder.in_kind(pathway.costs, IN_KIND_CHARGES, builder.cost_row))
    products = Side("Produits", builder.groups(pathway.funding, PRODUCT_GROUPS, builder.funding_row),
                    builder.in_kind(pathway.funding, IN_KIND_PRODUCTS, builder.funding_row))
    return BudgetLayout(charges, products, whole_euros)


def _forecast(line: Line) -> Decimal:
    return cost_amount(line) if isinstance(line, Cost) else line.amount


class _Builder:
    def __init__(self, pathway: Pathway, amount: Amount):
        self.amount = amount
        self.partners = {p.id: p for p in pathway.partners}

    def _funder(self, partner_id: Optional[str]) -> str:
        partner = self.partners.get(partner_id or "")
        return display_name(partner) if partner is not None else ""

    def cost_row(self, cost: Cost) -> LayoutRow:
        return LayoutRow(LINE, "", display_name(cost), self.amount(cost), item_id=cost.id, account=cost.account,
                         funder=self._funder(cost.partner_id), quantity=cost.quantity, unit=cost.unit,
                         unit_cost=cost.unit_cost)

    def funding_row(self, funding: Funding) -> LayoutRow:
        return LayoutRow(LINE, "", display_name(funding), self.amount(funding), item_id=funding.id,
                         account=funding.account, funder=self._funder(funding.partner_id), status=funding.status)

    def groups(self, lines: Sequence[Line], form_groups: tuple[tuple[str, str], ...],
               make_row: Callable[[Any], LayoutRow]) -> list[LayoutRow]:
        in_kind = {IN_KIND_CHARGES[0], IN_KIND_PRODUCTS[0]}
        by_group: dict[str, list[Line]] = {}
        for line in lines:
            by_group.setdefault(account_group(line.account), []).append(line)
        codes = [code for code, _label in form_groups]
        extra = [code for code in OTHER_GROUPS if by_group.get(code) and code not in in_kind]
        labels = dict(form_groups) | OTHER_GROUPS
        rows: list[LayoutRow] = []
        for code in codes + extra:
            if code == "74":
                subsidies = self.subsidies([f for f in by_group.get(code, []) if isinstance(f, Funding)])
                rows.append(_total(LayoutRow(GROUP, code, labels[code], children=subsidies)))
            else:
                children = [make_row(line) for line in by_group.get(code, [])]
                rows.append(_total(LayoutRow(GROUP, code, labels[code], children=children)))
        return rows

    def subsidies(self, lines: list[Funding]) -> list[LayoutRow]:
        """The 74 lines under the form's ten funder categories (every one listed)."""
        by_category: dict[Optional[FunderCategory], list[LayoutRow]] = {}
        for funding in lines:
            by_category.setdefault(funder_category(funding, self.partners), []).append(self.funding_row(funding))
        rows = [_total(LayoutRow(CATEGORY, f"74.{c.value}", c.label, children=by_category.get(c, [])))
                for c in FunderCategory]
        if by_category.get(None):
            rows.append(_total(LayoutRow(CATEGORY, "74.", TO_CLASSIFY, children=by_category[None])))
        return rows

    def in_kind(self, lines: Sequence[Line], spec: InKindSpec, make_row: Callable[[Any], LayoutRow]) -> LayoutRow:
        code, label, accounts = spec
        mine = [line for line in lines if account_group(line.account) == code]
        known = [sub for sub, _l in accounts]
        children = [_total(LayoutRow(CATEGORY, sub, sub_label,
                                     children=[make_row(x) for x in mine if x.account.startswith(sub)]))
                    for sub, sub_label in accounts]
        rest = [make_row(x) for x in mine if not any(x.account.startswith(sub) for sub in known)]
        if rest:
            children.append(_total(LayoutRow(CATEGORY, code, TO_DETAIL, children=rest)))
        return _total(LayoutRow(GROUP, code, label, children=children))


def _total(row: LayoutRow) -> LayoutRow:
    row.amount = sum((child.amount for child in row.children), ZERO)
    return row
