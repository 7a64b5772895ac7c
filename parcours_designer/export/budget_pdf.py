"""The budget form, its balance and its breakdowns as PDF tables."""

from __future__ import annotations

from parcours_designer.export.budget_form import (
    FUNDER,
    GROUP,
    LINE,
    BudgetForm,
    FormRow,
    balance_sentence,
    budget_form,
    in_kind_sentence,
    quantity_text,
)
from parcours_designer.export.pdf_doc import Cell, build_pdf, doc_info, missing_note, styles, table
from parcours_designer.export.pdf_text import para
from parcours_designer.model.formatting import format_money
from parcours_designer.model.pathway import Pathway

CHARGE_WIDTHS = (0.1, 0.38, 0.11, 0.1, 0.14, 0.17)
PRODUCT_WIDTHS = (0.1, 0.37, 0.24, 0.12, 0.17)


def render_pdf(pathway: Pathway) -> bytes:
    sheet = styles()
    form = budget_form(pathway)
    story = [para("Budget prévisionnel", sheet["h1"]), para(pathway.title, sheet["h2"])]
    story += form_flowables(form, sheet)
    story += breakdown_flowables(form, sheet)
    return build_pdf(doc_info(pathway, "Budget prévisionnel", "Budget prévisionnel du parcours"), story)


def form_flowables(form: BudgetForm, sheet: dict) -> list:
    """Charges and produits tables (every line), then the balance stated plainly."""
    from reportlab.platypus import Spacer

    flowables = [para("Charges", sheet["h2"])]
    flowables.append(_section(form.charges, "Total des charges", form.budget.total_charges, sheet, True))
    flowables += [Spacer(1, 8), para("Produits", sheet["h2"])]
    flowables.append(_section(form.products, "Total des produits", form.budget.total_products, sheet, False))
    flowables += [Spacer(1, 8), para(balance_sentence(form.budget), sheet["h2"]),
                  para(in_kind_sentence(form.budget), sheet["body"])]
    return flowables


def summary_flowables(form: BudgetForm, sheet: dict) -> list:
    """Group totals only, for the plan."""
    rows, emphasis = [], []
    for title, groups, total in (("Charges", form.charges, form.budget.total_charges),
                                 ("Produits", form.products, form.budget.total_products)):
        rows += [[g.label, Cell(format_money(g.amount), right=True)] for g in groups]
        emphasis.append(len(rows))
        rows.append([Cell(f"Total des {title.lower()}", bold=True), Cell(format_money(total), bold=True, right=True)])
    return [table(("Groupe de comptes", "Montant"), rows, (0.75, 0.25), emphasis_rows=emphasis, sheet=sheet),
            para(balance_sentence(form.budget), sheet["h2"]), para(in_kind_sentence(form.budget), sheet["body"])]


def _section(groups: list[FormRow], total_label: str, total, sheet: dict, charges: bool):
    header = ("Compte", "Charges", "Quantité", "Unité", "Coût unitaire", "Montant") if charges else \
        ("Compte", "Produits", "Financeur", "Statut", "Montant")
    rows, emphasis = [], []
    for group in groups:
        emphasis.append(len(rows))
        rows += _rows(group, charges)
    if not groups:
        rows.append(["", "Aucune ligne saisie", *[""] * (len(header) - 2)])
    emphasis.append(len(rows))
    rows.append(["", Cell(total_label, bold=True), *[""] * (len(header) - 3),
                 Cell(format_money(total), bold=True, right=True)])
    return table(header, rows, CHARGE_WIDTHS if charges else PRODUCT_WIDTHS, emphasis_rows=emphasis, sheet=sheet)


def _rows(row: FormRow, charges: bool) -> list[list]:
    width = 6 if charges else 5
    amount = Cell(format_money(row.amount), bold=row.level != LINE, right=True)
    if row.level in (GROUP, FUNDER):
        result = [[row.account if row.level == GROUP else "", Cell(row.label, bold=True),
                   *[""] * (width - 3), amount]]
    elif charges:
        unit, _partner = row.details
        result = [[row.account, row.label, Cell(quantity_text(row), right=True), unit,
                   Cell(format_money(row.unit_cost), right=True), amount]]
    else:
        funder, status = row.details
        result = [[row.account, row.label, funder, status, amount]]
    for child in row.children:
        result += _rows(child, charges)
    return result


def breakdown_flowables(form: BudgetForm, sheet: dict, *, phases: bool = True) -> list:
    flowables = []
    if phases:
        flowables.append(para("Répartition des charges par étape", sheet["h2"]))
        if form.by_phase:
            rows = [[title, period, Cell(format_money(amount), right=True)] for title, period, amount in form.by_phase]
            rows.append([Cell("Total des charges", bold=True), "",
                         Cell(format_money(form.budget.total_charges), bold=True, right=True)])
            flowables.append(table(("Étape", "Période", "Charges"), rows, (0.55, 0.28, 0.17),
                                   emphasis_rows=[len(rows) - 1], sheet=sheet))
        else:
            flowables.append(missing_note("Aucune étape n'est encore définie.", sheet))
    flowables.append(para("Répartition par partenaire", sheet["h2"]))
    if form.by_partner:
        rows = [[name, Cell(format_money(c), right=True), Cell(format_money(p), right=True)]
                for name, c, p in form.by_partner]
        flowables.append(table(("Partenaire", "Charges", "Produits (financements)"), rows, (0.5, 0.22, 0.28),
                               sheet=sheet))
    else:
        flowables.append(missing_note("Aucun partenaire n'est encore défini.", sheet))
    return flowables
