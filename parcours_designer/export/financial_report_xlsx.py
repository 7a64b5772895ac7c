"""The compte rendu financier (XLSX): every total and difference a formula, with its result.

One sheet: charges, then produits, then the result and the annex of
significant differences. Lines hold numbers (an actual not entered yet is an
empty cell); groups, funders and totals add their rows up; a difference is
empty until an actual is entered, as in the PDF.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Optional

from parcours_designer.export.financial_report import (
    GROUP,
    LINE,
    PARTIAL_NOTE,
    TITLE,
    FinancialReport,
    ReportRow,
    Side,
)
from parcours_designer.export.xlsx_book import EURO, GROUP_FILL, HIGHLIGHT_FILL, PERCENT, Book, Style, cell
from parcours_designer.model.formatting import format_date_long
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.realised import Variance

FORECAST, ACTUAL, DIFFERENCE, PERCENT_COLUMN = 2, 3, 4, 5
HEADER = ("Compte", "", "Prévision", "Réalisation", "Écart (€)", "Écart (%)")


class _Sheet:
    """Writes the rows one after the other and remembers where each one went."""

    def __init__(self, book: Book, sheet):
        self.book = book
        self.sheet = sheet
        self.row = 0

    def text(self, value: str, style: Style = Style(), column: int = 0) -> None:
        self.book.text(self.sheet, self.row, column, value, style)

    def next(self, lines: int = 1) -> None:
        self.row += lines


def render_xlsx(pathway: Pathway, report: FinancialReport) -> bytes:
    book = Book(f"{TITLE} – {pathway.title}", pathway.title)
    out = _Sheet(book, book.sheet(TITLE))
    _heading(out, pathway, report)
    totals = {}
    for side in (report.charges, report.products):
        totals[side.title] = _write_side(out, side)
        out.next()
    _write_result(out, report, totals["Produits"], totals["Charges"])
    _write_annex(out, report)
    sheet = out.sheet
    sheet.set_column(0, 0, 9)
    sheet.set_column(1, 1, 52)
    sheet.set_column(2, 4, 15)
    sheet.set_column(5, 5, 11)
    sheet.set_column(6, 6, 60)
    return book.bytes()


def _heading(out: _Sheet, pathway: Pathway, report: FinancialReport) -> None:
    out.text(f"{TITLE} – {pathway.title}", Style(bold=True))
    out.next()
    out.text("CERFA n°15059 – compte rendu financier de l'action")
    if report.funder is not None:
        out.next()
        out.text(f"À l'attention de : {report.funder.name} (ses lignes sont surlignées)", Style(bold=True))
    out.next()
    out.text(f"Édité le {format_date_long(date.today())}")
    if not report.any_reported:
        out.next()
        out.text("Aucun montant réalisé n'est encore saisi : ce compte rendu reste à compléter.")
    out.next(2)


def _write_side(out: _Sheet, side: Side) -> int:
    """The side's table; returns the row of its total (not counting contributions in kind)."""
    for column, title in enumerate((HEADER[0], side.title, *HEADER[2:])):
        out.text(title, Style(head=True), column)
    out.next()
    groups = [_write_row(out, row) for row in side.groups]
    total = _write_sum(out, side.total, groups)
    in_kind = _write_row(out, side.in_kind)
    _write_sum(out, side.grand_total, [total, in_kind])
    return total


def _write_row(out: _Sheet, row: ReportRow) -> int:
    """A line, or a group or funder with the rows under it; returns the row it was written on."""
    here = out.row
    style = _style(row)
    out.text(row.account, style)
    out.text(row.label, style, 1)
    out.next()
    if row.level == LINE:
        out.book.number(out.sheet, here, FORECAST, row.variance.forecast, _money(style))
        out.book.number(out.sheet, here, ACTUAL, row.variance.actual if row.variance.reported else None,
                        _money(style))
    else:
        children = [_write_row(out, child) for child in row.children]
        _write_amounts(out, here, children, row.variance, style)
    _write_differences(out, here, row.variance, style)
    return here


def _write_sum(out: _Sheet, row: ReportRow, parts: list[int]) -> int:
    here = out.row
    style = Style(bold=True, fill=GROUP_FILL)
    out.text("", style)
    out.text(row.label.upper(), style, 1)
    out.next()
    _write_amounts(out, here, parts, row.variance, style)
    _write_differences(out, here, row.variance, style)
    return here


def _write_amounts(out: _Sheet, here: int, parts: list[int], variance: Variance, style: Style) -> None:
    """Forecast and actual of a row that adds ``parts`` up (an empty actual until one part has one)."""
    if not parts:
        out.book.number(out.sheet, here, FORECAST, variance.forecast, _money(style))
        out.book.number(out.sheet, here, ACTUAL, None, _money(style))
        return
    forecasts, actuals = references(parts, FORECAST), references(parts, ACTUAL)
    out.book.formula(out.sheet, here, FORECAST, f"=SUM({forecasts})", variance.forecast, _money(style))
    out.book.formula(out.sheet, here, ACTUAL, f'=IF(COUNT({actuals})=0,"",SUM({actuals}))',
                     variance.actual if variance.reported else None, _money(style))


def references(rows: list[int], column: int) -> str:
    """The cells of ``rows`` in one column, runs of rows as ranges: ``C10:C21,C23``."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return ",".join(cell(run[0], column) if len(run) == 1 else f"{cell(run[0], column)}:{cell(run[-1], column)}"
                    for run in runs)


def _write_differences(out: _Sheet, here: int, variance: Variance, style: Style) -> None:
    forecast, actual = cell(here, FORECAST), cell(here, ACTUAL)
    out.book.formula(out.sheet, here, DIFFERENCE, f'=IF({actual}="","",{actual}-{forecast})',
                     variance.difference if variance.reported else None, _money(style))
    out.book.formula(out.sheet, here, PERCENT_COLUMN,
                     f'=IF(OR({actual}="",{forecast}=0),"",({actual}-{forecast})/{forecast})',
                     share(variance), Style(bold=style.bold, fill=style.fill, number=PERCENT))


def share(variance: Variance) -> Optional[float]:
    """The difference as a share of the forecast, computed as the spreadsheet does (in binary floats)."""
    if not variance.reported or not variance.forecast:
        return None
    return (float(variance.actual) - float(variance.forecast)) / float(variance.forecast)


def _style(row: ReportRow) -> Style:
    fill = HIGHLIGHT_FILL if row.highlighted and row.level != GROUP else GROUP_FILL if row.level == GROUP else ""
    return Style(bold=row.level != LINE or row.highlighted, fill=fill)


def _money(style: Style) -> Style:
    return Style(bold=style.bold, fill=style.fill, number=EURO)


def _write_result(out: _Sheet, report: FinancialReport, products: int, charges: int) -> None:
    style = Style(bold=True)
    out.text("", style)
    out.text("Résultat (produits − charges)", style, 1)
    forecast = f"={cell(products, FORECAST)}-{cell(charges, FORECAST)}"
    prod, char = cell(products, ACTUAL), cell(charges, ACTUAL)
    result = report.result
    out.book.formula(out.sheet, out.row, FORECAST, forecast, result.forecast, _money(style))
    out.book.formula(out.sheet, out.row, ACTUAL, f'=IF(AND({prod}="",{char}=""),"",N({prod})-N({char}))',
                     result.actual if result.reported else None, _money(style))
    out.next(3)


def _write_annex(out: _Sheet, report: FinancialReport) -> None:
    out.text("Annexe – explication des écarts significatifs (plus de 15 % de la prévision)", Style(bold=True))
    out.next()
    if not report.explanations:
        out.text("Aucun écart significatif." if report.any_reported else "Aucun montant réalisé n'est encore saisi.")
        return
    for column, title in enumerate(("", "Groupe de comptes", "", "", "Écart (€)", "Écart (%)", "Explication")):
        out.text(title, Style(head=True), column)
    out.next()
    for item in report.explanations:
        out.text(item.shown_label, Style(bold=True), 1)
        out.book.number(out.sheet, out.row, DIFFERENCE, item.variance.difference if item.variance.reported
                        else None, Style(number=EURO))
        out.book.number(out.sheet, out.row, PERCENT_COLUMN, _rounded_share(item.variance), Style(number=PERCENT))
        out.text(item.text or "Explication à rédiger.", Style(bold=not item.text, wrap=True), 6)
        out.next()
    if any(item.partial for item in report.explanations):
        out.text(PARTIAL_NOTE, column=1)
        out.next()


def _rounded_share(variance: Variance) -> Optional[Decimal]:
    percent = variance.percent if variance.reported else None
    return None if percent is None else percent / 100
