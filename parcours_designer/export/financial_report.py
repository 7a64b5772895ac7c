"""The compte rendu financier (CERFA n°15059) as rows: the one source of its PDF and XLSX.

Built on the layout of the CERFA n°12156 budget (``model.budget_layout``),
whose lines it shares: charges 60 to 68 and the indirect charges, their
total, then 86 (contributions in kind, by sub-account) and the grand total;
produits 70, 73, 74 by funder category, 75, 76, 78, their total, then 87
and the grand total. The layout is made twice, once with the forecast and
once with the actual amounts, and read side by side: every row carries the
forecast, the actual and the difference (``model.realised.Variance``): a line
not entered yet reads « non saisi » and counts 0 € in its group. The annex
lists the significant differences with their explanations, judged as the
check judges them (``GroupVariance.judged``: the lines entered only). Headed for
one funder (``--partner``), the same report highlights that funder's lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from parcours_designer.model.budget import ZERO
from parcours_designer.model.budget_layout import CATEGORY, GROUP, LINE, LayoutRow, budget_layout
from parcours_designer.model.budget_layout import Side as LayoutSide
from parcours_designer.model.entities import Cost, Funding
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.realised import Variance, compute_realised, sum_variances
from parcours_designer.model.references import display_name

TITLE = "Compte rendu financier"
TOTAL = "total"
PARTIAL_MARK = "*"
PARTIAL_NOTE = (f"{PARTIAL_MARK} Écart calculé sur les lignes déjà saisies du groupe (prévision de ces lignes "
                "contre leur réalisation) : les lignes non saisies ne comptent pas comme dépensées.")


@dataclass(frozen=True)
class ReportRow:
    level: str
    account: str
    label: str
    variance: Variance
    highlighted: bool = False
    children: tuple["ReportRow", ...] = ()


@dataclass(frozen=True)
class Side:
    """Charges or produits: the groups, their total, the contributions in kind, the grand total."""

    title: str
    groups: tuple[ReportRow, ...]
    total: ReportRow
    in_kind: ReportRow
    grand_total: ReportRow


@dataclass(frozen=True)
class Explanation:
    """A group's difference as the 15 % rule judges it (the lines entered only) and its explanation."""

    label: str
    variance: Variance
    text: str
    partial: bool = False

    @property
    def shown_label(self) -> str:
        """The group's label, marked when judged on part of its lines (see ``PARTIAL_NOTE``)."""
        return f"{self.label} {PARTIAL_MARK}" if self.partial else self.label


@dataclass(frozen=True)
class FunderView:
    name: str
    lines: tuple[ReportRow, ...]
    variance: Variance


@dataclass(frozen=True)
class FinancialReport:
    charges: Side
    products: Side
    explanations: tuple[Explanation, ...]
    any_reported: bool
    funder: Optional[FunderView] = None

    @property
    def result(self) -> Variance:
        """Produits − charges (contributions in kind aside): the surplus, or a deficit below zero."""
        products, charges = self.products.total.variance, self.charges.total.variance
        return Variance(products.forecast - charges.forecast, products.actual - charges.actual,
                        products.reported or charges.reported)


def financial_report(pathway: Pathway, partner_id: Optional[str] = None) -> FinancialReport:
    forecast = budget_layout(pathway)
    actual = budget_layout(pathway, amount_of=_actual)
    lines: list[Cost | Funding] = [*pathway.costs, *pathway.funding]
    reported = {line.id for line in lines if line.actual_amount is not None}
    mine = {f.id for f in pathway.funding if partner_id is not None and f.partner_id == partner_id}
    charges = _side(forecast.charges, actual.charges, reported, mine, "charges")
    products = _side(forecast.products, actual.products, reported, mine, "produits")
    realised = compute_realised(pathway)
    explanations = tuple(Explanation(g.label, g.judged, g.explanation.strip(), g.partial)
                         for g in (*realised.charges, *realised.products)
                         if g.significant or g.explanation.strip())
    names = {p.id: display_name(p) for p in pathway.partners}
    funder = _funder_view(products, names[partner_id]) if partner_id in names else None
    return FinancialReport(charges, products, explanations, realised.any_reported, funder)


def _actual(line) -> Decimal:
    return line.actual_amount if line.actual_amount is not None else ZERO


def _side(forecast: LayoutSide, actual: LayoutSide, reported: set[str], mine: set[str], noun: str) -> Side:
    groups = tuple(_pair(f, a, reported, mine) for f, a in zip(forecast.groups, actual.groups))
    total = ReportRow(TOTAL, "", f"Total des {noun}", sum_variances([g.variance for g in groups]))
    in_kind = _pair(forecast.in_kind, actual.in_kind, reported, mine)
    grand = ReportRow(TOTAL, "", "Total", sum_variances([total.variance, in_kind.variance]))
    return Side(forecast.title, groups, total, in_kind, grand)


def _pair(forecast: LayoutRow, actual: LayoutRow, reported: set[str], mine: set[str]) -> ReportRow:
    """One row of the layout read twice (forecast, actual), with its rows below."""
    children = tuple(_pair(f, a, reported, mine) for f, a in zip(forecast.children, actual.children))
    if forecast.level == LINE:
        entered, highlighted = forecast.item_id in reported, forecast.item_id in mine
        return ReportRow(LINE, forecast.account, forecast.label,
                         Variance(forecast.amount, actual.amount, entered), highlighted)
    variance = Variance(forecast.amount, actual.amount, any(c.variance.reported for c in children))
    code = forecast.code if forecast.code[:1].isdigit() and "." not in forecast.code else ""
    label = forecast.label.partition(" – ")[2] if code and " – " in forecast.label else forecast.label
    return ReportRow(forecast.level, code, label, variance, any(c.highlighted for c in children), children)


def _funder_view(products: Side, name: str) -> FunderView:
    lines: list[ReportRow] = []

    def collect(rows) -> None:
        for row in rows:
            if row.level == LINE and row.highlighted:
                lines.append(row)
            collect(row.children)

    collect((*products.groups, products.in_kind))
    return FunderView(name, tuple(lines), sum_variances([line.variance for line in lines]))


def funded_by(pathway: Pathway, partner_id: str) -> bool:
    return any(f.partner_id == partner_id for f in pathway.funding)
