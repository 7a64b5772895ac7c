"""The budget as an Excel workbook laid out as the CERFA n°12156 form (XlsxWriter).

Sheet « Budget »: charges and produits side by side, every group of the form,
the totals before and after the contributions in kind. Sheets « Synthèse »,
« Par étape » and « Par partenaire » are formulas over the « Budget » sheet.
Every total is a formula stored with its result, so that viewers which do not
recalculate still show it; every amount is a number cell with a euro format.
Pages: A4 landscape, one page wide, header rows repeated, title and page
numbers in header and footer.
"""

from __future__ import annotations

import io
from decimal import Decimal
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
from parcours_designer.export.budget_sheet import SheetWriter, cell_text, sum_formula, workbook_formats
from parcours_designer.export.safe_text import without_control
from parcours_designer.model.budget_layout import GROUP, LINE, LayoutRow
from parcours_designer.model.pathway import Pathway

MAIN = "Budget"
LEFT, RIGHT, STATUS = 0, 3, 5  # first column of the charges, of the produits; the status column
FORMULA_ROOM = 8000  # Excel refuses formulas longer than 8,192 characters


def render_xlsx(pathway: Pathway, *, whole_euros: bool = False) -> bytes:
    import xlsxwriter

    form = budget_form(pathway, whole_euros=whole_euros)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    title = without_control(pathway.title)
    book.set_properties({"title": cell_text(f"Budget prévisionnel – {title}"), "author": "Parcours Designer",
                         "comments": FORM_REFERENCE})
    formats = workbook_formats(book, whole_euros)
    main = _MainSheet(SheetWriter(book, formats, MAIN, title), form)
    main.write()
    _summary(SheetWriter(book, formats, "Synthèse", title), form, main)
    _by_phase(SheetWriter(book, formats, "Par étape", title), form, main)
    _by_partner(SheetWriter(book, formats, "Par partenaire", title), form, main)
    book.close()
    return buffer.getvalue()


class _MainSheet:
    """The form itself; remembers the cell of every row for the other sheets' formulas."""

    def __init__(self, out: SheetWriter, form: BudgetForm):
        self.out, self.form = out, form
        self.cells: dict[int, str] = {}  # id(LayoutRow) → "B12"
        self.lines: dict[tuple[str, str], str] = {}  # ("cost" | "funding", id) → "B12"
        self.totals: dict[str, str] = {}

    def write(self) -> None:
        out, layout = self.out, self.form.layout
        out.sheet.set_column(LEFT, LEFT, 62)
        out.sheet.set_column(LEFT + 1, LEFT + 1, 15)
        out.sheet.set_column(LEFT + 2, LEFT + 2, 2)
        out.sheet.set_column(RIGHT, RIGHT, 62)
        out.sheet.set_column(RIGHT + 1, RIGHT + 1, 15)
        out.sheet.set_column(STATUS, STATUS, 11)
        out.title(f"{FORM_TITLE} – {self.out.pathway_title}", FORM_REFERENCE)
        header = out.header(["Charges", "Montant", "", "Produits", "Montant", "Statut"])
        out.sheet.repeat_rows(header)
        out.sheet.freeze_panes(header + 1, 0)
        first = out.row
        self._pairs(layout.side_by_side())
        self._cash_totals(first, out.row - 1)
        self._pairs(layout.side_by_side(in_kind=True))
        self._grand_totals()
        out.row += 1
        out.text(out.row, LEFT, balance_sentence(self.form), "bold")
        out.text(out.row + 1, LEFT, in_kind_sentence(self.form))
        out.row += 2

    def _pairs(self, pairs) -> None:
        pending: list[tuple[int, int, LayoutRow]] = []
        for left, right in pairs:
            for column, pair in ((LEFT, left), (RIGHT, right)):
                if pair is not None:
                    self._row_cell(column, pair, pending)
            self.out.row += 1
        for row, column, layout_row in pending:  # groups: their children are written now
            refs = [self.cells[id(child)] for child in layout_row.children]
            self.out.formula(row, column + 1, sum_formula(refs), layout_row.amount, "group_money")

    def _row_cell(self, column: int, pair: tuple[int, LayoutRow], pending: list) -> None:
        depth, layout_row = pair
        out, row = self.out, self.out.row
        self.cells[id(layout_row)] = out.ref(row, column + 1)
        if layout_row.level == LINE:
            out.text(row, column, line_label_xlsx(layout_row, self.form), "line")
            out.money(row, column + 1, layout_row.amount)
            kind = "cost" if column == LEFT else "funding"
            self.lines[(kind, layout_row.item_id or "")] = out.ref(row, column + 1)
            if layout_row.status is not None:
                out.text(row, STATUS, layout_row.status.label.lower(), "line")
            return
        style = "group" if layout_row.level == GROUP else f"category{min(depth, 2)}"
        out.text(row, column, layout_row.label, style)
        pending.append((row, column, layout_row))

    def _groups(self, side) -> list[str]:
        return [self.cells[id(group)] for group in side.groups]

    def _cash_totals(self, first: int, last: int) -> None:
        out, layout = self.out, self.form.layout
        row = out.row
        charges = out.formula(row, LEFT + 1, sum_formula(self._groups(layout.charges)), layout.charges.total,
                              "total_money")
        products = out.formula(row, RIGHT + 1, sum_formula(self._groups(layout.products)), layout.products.total,
                               "total_money")
        out.text(row, LEFT, "TOTAL DES CHARGES", "total")
        out.text(row, RIGHT, "TOTAL DES PRODUITS", "total")
        self.totals.update(charges=charges, products=products)
        statuses = f"{out.ref(first, STATUS)}:{out.ref(last, STATUS)}"
        amounts = f"{out.ref(first, RIGHT + 1)}:{out.ref(last, RIGHT + 1)}"
        for offset, (label, status, amount) in enumerate((("dont acquis", "acquis", layout.granted),
                                                          ("dont demandé", "demandé", layout.requested)), start=1):
            out.text(row + offset, RIGHT, label, "category1")
            out.formula(row + offset, RIGHT + 1, f'=SUMIF({statuses},"{status}",{amounts})', amount, "money")
        out.row += 4

    def _grand_totals(self) -> None:
        out, layout = self.out, self.form.layout
        row = out.row
        for column, side, key in ((LEFT, layout.charges, "charges"), (RIGHT, layout.products, "products")):
            out.text(row, column, "TOTAL", "total")
            formula = f"={self.totals[key]}+{self.cells[id(side.in_kind)]}"
            self.totals[f"{key}_all"] = out.formula(row, column + 1, formula, side.total_with_in_kind,
                                                    "total_money")
        out.row += 1


def line_label_xlsx(row: LayoutRow, form: BudgetForm) -> str:
    """A line's label; the status has its own column in the workbook."""
    if row.status is None:
        return line_label(row, form)
    return f"{row.account} · {row.label}" if row.account else row.label


def _main(ref: str) -> str:
    return f"{MAIN}!{ref}"


def _summary(out: SheetWriter, form: BudgetForm, main: _MainSheet) -> None:
    layout = form.layout
    out.sheet.set_column(0, 0, 62)
    out.sheet.set_column(1, 1, 16)
    out.title(f"Synthèse du budget – {out.pathway_title}",
              "Totaux par groupe de comptes, repris de la feuille « Budget »")
    out.sheet.repeat_rows(out.header(["Groupe de comptes", "Montant"]))
    for side in (layout.charges, layout.products):
        for group in side.groups + [side.in_kind]:
            out.text(out.row, 0, group.label, "line")
            out.formula(out.row, 1, "=" + _main(main.cells[id(group)]), group.amount, "money")
            out.row += 1
        out.row += 1
    rows = (("TOTAL DES CHARGES", "charges", layout.charges.total),
            ("TOTAL DES PRODUITS", "products", layout.products.total),
            ("TOTAL DES CHARGES (contributions en nature comprises)", "charges_all", layout.charges.total_with_in_kind),
            ("TOTAL DES PRODUITS (contributions en nature comprises)", "products_all",
             layout.products.total_with_in_kind))
    for label, key, amount in rows:
        out.text(out.row, 0, label, "total")
        out.formula(out.row, 1, "=" + _main(main.totals[key]), amount, "total_money")
        out.row += 1
    out.text(out.row, 0, "Solde (produits − charges)", "total")
    out.formula(out.row, 1, f"={_main(main.totals['products'])}-{_main(main.totals['charges'])}", layout.balance,
                "total_money")


def _refs_formula(refs: list[str]) -> Optional[str]:
    """``=Budget!B8+Budget!B12``, or ``None`` when Excel could not hold it."""
    formula = "=" + "+".join(_main(ref) for ref in refs) if refs else "=0"
    return formula if len(formula) <= FORMULA_ROOM else None


def _amount(out: SheetWriter, column: int, refs: list[str], amount: Decimal) -> None:
    formula = _refs_formula(refs)
    if formula is None:
        out.money(out.row, column, amount)
    else:
        out.formula(out.row, column, formula, amount, "money")


def _by_phase(out: SheetWriter, form: BudgetForm, main: _MainSheet) -> None:
    out.sheet.set_column(0, 0, 60)
    out.sheet.set_column(1, 1, 28)
    out.sheet.set_column(2, 2, 16)
    out.title(f"Charges par étape – {out.pathway_title}", "Sommes des lignes de la feuille « Budget »")
    out.sheet.repeat_rows(out.header(["Étape", "Période", "Charges"]))
    first = out.row
    for breakdown in form.by_phase:
        out.text(out.row, 0, breakdown.name, "line")
        out.text(out.row, 1, breakdown.detail, "line")
        _amount(out, 2, [main.lines[("cost", i)] for i in breakdown.charge_ids], breakdown.charges)
        out.row += 1
    out.text(out.row, 0, "Total (contributions en nature comprises)", "total")
    total = sum((b.charges for b in form.by_phase), Decimal(0))
    out.formula(out.row, 2, f"=SUM({out.ref(first, 2)}:{out.ref(max(first, out.row - 1), 2)})"
                if form.by_phase else "=0", total, "total_money")


def _by_partner(out: SheetWriter, form: BudgetForm, main: _MainSheet) -> None:
    out.sheet.set_column(0, 0, 50)
    out.sheet.set_column(1, 1, 28)
    out.sheet.set_column(2, 3, 16)
    out.title(f"Charges et produits par partenaire – {out.pathway_title}",
              "Sommes des lignes de la feuille « Budget »")
    out.sheet.repeat_rows(out.header(["Partenaire", "Type", "Charges", "Produits"]))
    first = out.row
    for breakdown in form.by_partner:
        out.text(out.row, 0, breakdown.name, "line")
        out.text(out.row, 1, breakdown.detail, "line")
        _amount(out, 2, [main.lines[("cost", i)] for i in breakdown.charge_ids], breakdown.charges)
        _amount(out, 3, [main.lines[("funding", i)] for i in breakdown.product_ids], breakdown.products)
        out.row += 1
    out.text(out.row, 0, "Total (contributions en nature comprises)", "total")
    for column, amount in ((2, sum((b.charges for b in form.by_partner), Decimal(0))),
                           (3, sum((b.products for b in form.by_partner), Decimal(0)))):
        formula = f"=SUM({out.ref(first, column)}:{out.ref(out.row - 1, column)})" if form.by_partner else "=0"
        out.formula(out.row, column, formula, amount, "total_money")

