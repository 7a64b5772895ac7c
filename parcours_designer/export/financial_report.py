"""The compte rendu financier (CERFA n°15059) as rows: the one source of its PDF and XLSX.

The lines of the budget form in the form's order: charges 60 to 68, their
total, then 86 (contributions in kind) and the grand total; produits 70, 73,
74 broken down by funder, 75, 76, 78, their total, then 87 and the grand
total. Every row carries the forecast, the actual and the difference
(``model.realised``); the annex lists the significant differences with
their explanations. Headed for one funder (``--partner``), the same report
highlights that funder's lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from parcours_designer.model.budget import IN_KIND_CHARGES, IN_KIND_PRODUCTS, ZERO, group_label
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.realised import GroupVariance, LineVariance, Variance, compute_realised, sum_variances
from parcours_designer.model.references import display_name

TITLE = "Compte rendu financier"
LINE, FUNDER, GROUP, TOTAL = "line", "funder", "group", "total"
# The groups the form prints even when empty.
FORM_CHARGES = ("60", "61", "62", "63", "64", "65", "66", "67", "68")
FORM_PRODUCTS = ("70", "73", "74", "75", "76", "78")
NO_FUNDER = "Financeur non précisé"


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
    label: str
    variance: Variance
    text: str


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
    realised = compute_realised(pathway)
    funders = {f.id: f.partner_id for f in pathway.funding}
    names = {p.id: display_name(p) for p in pathway.partners}
    charges = _side("Charges", realised.charges, FORM_CHARGES, IN_KIND_CHARGES, "charges", lambda line: None)
    products = _side("Produits", realised.products, FORM_PRODUCTS, IN_KIND_PRODUCTS, "produits",
                     lambda line: funders.get(line.id), names, partner_id)
    explanations = tuple(Explanation(g.label, g.variance, g.explanation.strip())
                         for g in (*realised.charges, *realised.products)
                         if g.variance.significant or g.explanation.strip())
    funder = _funder_view(products, names[partner_id]) if partner_id in names else None
    return FinancialReport(charges, products, explanations, realised.any_reported, funder)


def _side(title: str, groups: tuple[GroupVariance, ...], form: tuple[str, ...], in_kind_code: str, noun: str,
          partner_of, names: Optional[dict] = None, partner_id: Optional[str] = None) -> Side:
    found = {g.code: g for g in groups}
    codes = [*form, *(g.code for g in groups if g.code not in form and g.code != in_kind_code)]

    def row(code: str) -> ReportRow:
        group = found.get(code)
        lines = group.lines if group else ()
        if code == "74" and names is not None:
            children = _by_funder(lines, partner_of, names, partner_id)
        else:
            children = tuple(_line(line, partner_id is not None and partner_of(line) == partner_id) for line in lines)
        variance = group.variance if group else Variance(ZERO, ZERO, False)
        label = group_label(code).partition(" – ")[2] or group_label(code)  # the code has its own column
        return ReportRow(GROUP, code, label, variance, any(c.highlighted for c in children), children)

    rows = tuple(row(code) for code in codes)
    total = ReportRow(TOTAL, "", f"Total des {noun}", sum_variances([r.variance for r in rows]))
    in_kind = row(in_kind_code)
    grand = ReportRow(TOTAL, "", "Total", sum_variances([total.variance, in_kind.variance]))
    return Side(title, rows, total, in_kind, grand)


def _line(line: LineVariance, highlighted: bool) -> ReportRow:
    return ReportRow(LINE, line.account, line.label or line.id, line.variance, highlighted)


def _by_funder(lines: tuple[LineVariance, ...], partner_of, names: dict,
               partner_id: Optional[str]) -> tuple[ReportRow, ...]:
    funders: dict[Optional[str], list[LineVariance]] = {}
    for line in lines:
        funders.setdefault(partner_of(line), []).append(line)
    rows = []
    for funder_id, own in funders.items():
        mine = funder_id is not None and funder_id == partner_id
        children = tuple(_line(line, mine) for line in own)
        rows.append(ReportRow(FUNDER, "74", f"Financeur : {names.get(funder_id, NO_FUNDER)}",
                              sum_variances([line.variance for line in own]), mine, children))
    return tuple(rows)


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


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None) -> bytes:
    if partner_id is not None and not funded_by(pathway, partner_id):
        name = display_name(pathway.index("partners")[partner_id])
        raise ExportError(f"{TITLE} : le partenaire « {name} » ne finance pas ce parcours "
                          "(aucun produit ne lui est rattaché)")
    report = financial_report(pathway, partner_id)
    if suffix == ".xlsx":
        from parcours_designer.export.financial_report_xlsx import render_xlsx

        return render_xlsx(pathway, report)
    from parcours_designer.export.financial_report_pdf import render_pdf

    return render_pdf(pathway, report)
