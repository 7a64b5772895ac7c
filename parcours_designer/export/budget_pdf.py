"""The budget as the CERFA n°12156 form (charges and produits side by side), then its breakdowns."""

from __future__ import annotations

from typing import Optional

from parcours_designer.export.budget_form import (
    FORM_REFERENCE,
    FORM_TITLE,
    BudgetForm,
    balance_sentence,
    budget_form,
    in_kind_sentence,
    line_label,
)
from parcours_designer.export.pdf_doc import (
    ACCENT,
    LANDSCAPE,
    LIGHT,
    Cell,
    build_pdf,
    doc_info,
    missing_note,
    styles,
    table,
)
from parcours_designer.export.pdf_text import para
from parcours_designer.model.budget import ZERO
from parcours_designer.model.budget_layout import GROUP, LINE, LayoutRow
from parcours_designer.model.pathway import Pathway

FORM_WIDTHS = (0.36, 0.14, 0.36, 0.14)
FORM_HEADER = ("Charges", "Montant", "Produits", "Montant")


def render_pdf(pathway: Pathway, *, whole_euros: bool = False) -> bytes:
    sheet = styles()
    form = budget_form(pathway, whole_euros=whole_euros)
    story = [para(FORM_TITLE, sheet["h1"]), para(f"{pathway.title} – {FORM_REFERENCE}", sheet["body"])]
    story += form_flowables(form, sheet)
    story += breakdown_flowables(form, sheet)
    info = doc_info(pathway, "Budget prévisionnel", "Budget prévisionnel de l'action (CERFA n°12156)")
    return build_pdf(info, story, start=LANDSCAPE)


def _side_cell(pair: Optional[tuple[int, LayoutRow]], form: BudgetForm) -> list:
    if pair is None:
        return ["", ""]
    depth, row = pair
    bold = row.level == GROUP
    label = line_label(row, form) if row.level == LINE else row.label
    return [Cell(label, bold=bold, indent=depth), Cell(form.money(row.amount), bold=bold, right=True)]


def _total_row(label_left: str, left, label_right: str, right, form: BudgetForm) -> list:
    return [Cell(label_left, bold=True), Cell(form.money(left), bold=True, right=True),
            Cell(label_right, bold=True), Cell(form.money(right), bold=True, right=True)]


def form_rows(form: BudgetForm, *, lines: bool = True) -> tuple[list[list], list[tuple[int, int]], list[int]]:
    """The form's rows, the group cells to shade (row, first column) and the total rows.

    ``lines=False``: groups and categories only."""
    layout = form.layout
    rows: list[list[object]] = []
    groups: list[tuple[int, int]] = []
    totals: list[int] = []

    def add_pairs(pairs) -> None:
        for left, right in pairs:
            if not lines and any(p is not None and p[1].level == LINE for p in (left, right)):
                continue
            groups.extend((len(rows), column) for column, p in ((0, left), (2, right))
                          if p is not None and p[1].level == GROUP)
            rows.append(_side_cell(left, form) + _side_cell(right, form))

    add_pairs(_kept(layout.side_by_side(), lines))
    totals.append(len(rows))
    rows.append(_total_row("TOTAL DES CHARGES", layout.charges.total, "TOTAL DES PRODUITS", layout.products.total,
                           form))
    rows.append(["", "", Cell("dont acquis", indent=1), Cell(form.money(layout.granted), right=True)])
    rows.append(["", "", Cell("dont demandé", indent=1), Cell(form.money(layout.requested), right=True)])
    add_pairs(_kept(layout.side_by_side(in_kind=True), lines))
    totals.append(len(rows))
    rows.append(_total_row("TOTAL", layout.charges.total_with_in_kind, "TOTAL",
                           layout.products.total_with_in_kind, form))
    return rows, groups, totals


def _kept(pairs: list, lines: bool) -> list:
    """Without lines, the rows of each side move up so groups face each other."""
    if lines:
        return pairs
    from itertools import zip_longest

    left = [p[0] for p in pairs if p[0] is not None and p[0][1].level != LINE]
    right = [p[1] for p in pairs if p[1] is not None and p[1][1].level != LINE]
    return list(zip_longest(left, right))


def form_table(form: BudgetForm, sheet: dict, *, lines: bool = True, orientation: str = LANDSCAPE):
    from reportlab.lib.colors import HexColor

    rows, groups, totals = form_rows(form, lines=lines)
    style: list[tuple] = [("LINEABOVE", (0, r + 1), (-1, r + 1), 1.2, HexColor(ACCENT)) for r in totals]
    style += [("BACKGROUND", (c, r + 1), (c + 1, r + 1), HexColor(LIGHT)) for r, c in groups]
    return table(FORM_HEADER, rows, FORM_WIDTHS, emphasis_rows=totals, sheet=sheet,
                 orientation=orientation, extra_style=style)


def form_flowables(form: BudgetForm, sheet: dict) -> list:
    """The form (every line), then the balance stated plainly."""
    return [form_table(form, sheet), para(balance_sentence(form), sheet["h2"]),
            para(in_kind_sentence(form), sheet["body"])]


def summary_flowables(form: BudgetForm, sheet: dict) -> list:
    """Groups and subsidies by funder category only, for the plan (portrait pages)."""
    from parcours_designer.export.pdf_doc import PORTRAIT

    return [form_table(form, sheet, lines=False, orientation=PORTRAIT),
            para(balance_sentence(form), sheet["h2"]), para(in_kind_sentence(form), sheet["body"])]


def breakdown_flowables(form: BudgetForm, sheet: dict, *, phases: bool = True) -> list:
    flowables = []
    if phases:
        flowables.append(para("Répartition des charges par étape", sheet["h2"]))
        if form.by_phase:
            rows = [[b.name, b.detail, Cell(form.money(b.charges), right=True)] for b in form.by_phase]
            rows.append([Cell("Total (contributions en nature comprises)", bold=True), "",
                         Cell(form.money(sum((b.charges for b in form.by_phase), ZERO)), bold=True, right=True)])
            flowables.append(table(("Étape", "Période", "Charges"), rows, (0.55, 0.28, 0.17),
                                   emphasis_rows=[len(rows) - 1], sheet=sheet, orientation=LANDSCAPE))
        else:
            flowables.append(missing_note("Aucune étape n'est encore définie.", sheet))
    flowables.append(para("Répartition par partenaire", sheet["h2"]))
    if form.by_partner:
        rows = [[b.name, Cell(form.money(b.charges), right=True), Cell(form.money(b.products), right=True)]
                for b in form.by_partner]
        flowables.append(table(("Partenaire", "Charges", "Produits (financements)"), rows, (0.5, 0.22, 0.28),
                               sheet=sheet, orientation=LANDSCAPE))
    else:
        flowables.append(missing_note("Aucun partenaire n'est encore défini.", sheet))
    return flowables
