"""The budget as an Excel workbook: typed euro cells, totals as formulas.

Sheet « Budget »: the form (charges, produits, totals, balance). Sheets
« Par étape » and « Par partenaire »: the breakdowns. Every amount is a
number cell with a euro format; every total is a formula (SUM, ROUND) whose
value equals the model's total to the cent.
"""

from __future__ import annotations

import io
from copy import copy
from datetime import date

from parcours_designer.export.budget_form import (
    FUNDER,
    BudgetForm,
    FormRow,
    balance_sentence,
    budget_form,
    in_kind_sentence,
)
from parcours_designer.export.safe_text import without_control
from parcours_designer.model.formatting import format_date_long
from parcours_designer.model.pathway import Pathway

EURO = '#,##0.00\\ "€"'
QUANTITY = "#,##0.##"
HEAD_FILL = "1F4E79"
GROUP_FILL = "DCE6F1"


def render_xlsx(pathway: Pathway) -> bytes:
    from openpyxl import Workbook

    form = budget_form(pathway)
    book = Workbook()
    sheet = book.active
    sheet.title = "Budget"
    _write_form(sheet, pathway, form)
    _write_by_phase(book.create_sheet("Par étape"), form)
    _write_by_partner(book.create_sheet("Par partenaire"), form)
    for each in book.worksheets:
        size_columns(each)
    book.properties.title = without_control(f"Budget prévisionnel – {pathway.title}")
    book.properties.creator = "Parcours Designer"
    book.properties.language = "fr-FR"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


MAX_CELL_TEXT = 32_767  # Excel declares a workbook with a longer cell damaged


def cell_text(text: str) -> str:
    """User text as Excel can hold it in one cell (cut with « … » beyond 32,767 characters)."""
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


class Formula(str):
    """A formula written by this module (any other text is stored as text)."""


class _Writer:
    """Appends styled rows to a sheet and remembers where totals are."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.row = 0

    def put(self, values: list, *, bold: bool = False, fill: str = "", head: bool = False) -> int:
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Font, PatternFill

        self.row += 1
        for column, value in enumerate(values, start=1):
            if isinstance(value, str) and not isinstance(value, Formula):
                value = cell_text(ILLEGAL_CHARACTERS_RE.sub("", value))
            cell = self.sheet.cell(row=self.row, column=column, value=value)
            if isinstance(value, str) and not isinstance(value, Formula):
                cell.data_type = "s"  # user text is data: « =HYPERLINK(…) » stays text
            if head:
                cell.font = Font(bold=True, color="FFFFFF")
                cell.fill = PatternFill("solid", fgColor=HEAD_FILL)
            elif bold:
                cell.font = Font(bold=True)
            if fill and not head:
                cell.fill = PatternFill("solid", fgColor=fill)
        return self.row

    def money(self, row: int, column: str = "F") -> None:
        self.sheet[f"{column}{row}"].number_format = EURO


def _write_form(sheet, pathway: Pathway, form: BudgetForm) -> None:
    from openpyxl.styles import Font

    out = _Writer(sheet)
    out.put([f"Budget prévisionnel – {pathway.title}"])
    sheet["A1"].font = Font(bold=True, size=14)
    out.put([f"Édité le {format_date_long(date.today())}"])
    out.put([])
    out.put(["Compte", "Charges", "Quantité", "Unité", "Coût unitaire", "Montant"], head=True)
    charges_total = _write_section(out, form.charges, "Total des charges", _charge_line)
    out.put([])
    out.put(["Compte", "Produits", "Financeur", "Statut", "", "Montant"], head=True)
    products_total = _write_section(out, form.products, "Total des produits", _product_line)
    out.put([])
    balance = out.put(["", "Solde (produits − charges)", "", "", "", Formula(f"=F{products_total}-F{charges_total}")],
                      bold=True)
    out.money(balance)
    out.put(["", balance_sentence(form.budget)], bold=True)
    out.put(["", in_kind_sentence(form.budget)])
    sheet.freeze_panes = "A5"


def _write_section(out: _Writer, groups: list[FormRow], total_label: str, line_writer) -> int:
    group_rows = []
    if not groups:
        out.put(["", "Aucune ligne saisie"])
    for group in groups:
        group_rows.append(_write_group(out, group, line_writer))
    formula = Formula("=" + "+".join(f"F{r}" for r in group_rows) if group_rows else "=0")
    total = out.put(["", total_label, "", "", "", formula], bold=True, fill=GROUP_FILL)
    out.money(total)
    return total


def _write_group(out: _Writer, group: FormRow, line_writer) -> int:
    row = out.put([group.account, group.label], bold=True, fill=GROUP_FILL)
    parts = []
    for child in group.children:
        if child.level == FUNDER:
            parts.append(_write_funder(out, child, line_writer))
        else:
            parts.append(line_writer(out, child))
    out.sheet[f"F{row}"] = _sum(parts)
    out.money(row)
    out.sheet[f"F{row}"].font = copy(out.sheet[f"A{row}"].font)
    out.sheet[f"F{row}"].fill = copy(out.sheet[f"A{row}"].fill)
    return row


def _write_funder(out: _Writer, funder: FormRow, line_writer) -> int:
    row = out.put(["", funder.label], bold=True)
    lines = [line_writer(out, child) for child in funder.children]
    out.sheet[f"F{row}"] = _sum(lines)
    out.money(row)
    return row


def _sum(rows: list[int]) -> str:
    if not rows:
        return "=0"
    if rows == list(range(rows[0], rows[-1] + 1)):
        return f"=SUM(F{rows[0]}:F{rows[-1]})"
    return "=" + "+".join(f"F{r}" for r in rows)


def _charge_line(out: _Writer, line: FormRow) -> int:
    unit, _partner = line.details
    row = out.put([line.account, line.label, line.quantity, unit, line.unit_cost])
    out.sheet[f"F{row}"] = f"=ROUND(C{row}*E{row},2)"
    out.sheet[f"C{row}"].number_format = QUANTITY
    out.money(row, "E")
    out.money(row)
    return row


def _product_line(out: _Writer, line: FormRow) -> int:
    funder, status = line.details
    row = out.put([line.account, line.label, funder, status, None, line.amount])
    out.money(row)
    return row


def _write_by_phase(sheet, form: BudgetForm) -> None:
    out = _Writer(sheet)
    out.put(["Étape", "Période", "Charges"], head=True)
    for title, period, amount in form.by_phase:
        out.money(out.put([title, period, amount]), "C")
    last = out.row
    total = out.put(["Total des charges", "", Formula(f"=SUM(C2:C{last})" if last >= 2 else "=0")], bold=True,
                    fill=GROUP_FILL)
    out.money(total, "C")
    sheet.freeze_panes = "A2"


def _write_by_partner(sheet, form: BudgetForm) -> None:
    out = _Writer(sheet)
    out.put(["Partenaire", "Charges", "Produits"], head=True)
    for name, charges, products in form.by_partner:
        row = out.put([name, charges, products])
        out.money(row, "B")
        out.money(row, "C")
    last = out.row
    total = out.put(["Total", *(Formula(f"=SUM({c}2:{c}{last})" if last >= 2 else "=0") for c in "BC")], bold=True,
                    fill=GROUP_FILL)
    out.money(total, "B")
    out.money(total, "C")
    sheet.freeze_panes = "A2"


def size_columns(sheet, limit: int = 70) -> None:
    """Each column as wide as its longest shown value (formulas count as amounts).

    A row holding a single text (title, sentence) overflows into the empty
    cells beside it and does not widen its column.
    """
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        filled = [cell for cell in row if cell.value not in (None, "")]
        if len(filled) < 2:
            continue
        for cell in filled:
            text = str(cell.value)
            length = 14 if text.startswith("=") else len(text) + (4 if not isinstance(cell.value, str) else 0)
            widths[cell.column] = max(widths.get(cell.column, 0), length)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(limit, width + 2)
