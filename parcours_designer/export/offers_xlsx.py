"""The offers compared (XLSX): one sheet per consultation.

The weights sit in a row above the scores; each offer's weighted score is a
formula, Σ(weight × score) / Σ(weights of the criteria scored) rounded to
two decimals, stored with the value the model computed. Rows are in the
ranking's order; the chosen offer is marked and filled.
"""

from __future__ import annotations

from datetime import date

from parcours_designer.export.offers_grid import SELECTED_MARK, TITLE, OfferRow, OffersGrid
from parcours_designer.export.xlsx_book import (
    DATE,
    EURO,
    HIGHLIGHT_FILL,
    SCORE,
    Book,
    Style,
    cell,
    column_range,
)
from parcours_designer.model.formatting import format_date_long
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name

HEADER_ROW, WEIGHTS_ROW, FIRST_OFFER_ROW = 3, 4, 5
FIRST_SCORE_COLUMN = 4  # E: after Rang, Prestataire, Reçue le, Montant


def render_xlsx(pathway: Pathway, grids: list[OffersGrid]) -> bytes:
    book = Book(f"{TITLE} – {pathway.title}", pathway.title)
    for grid in grids:
        _write_grid(book, book.sheet(display_name(grid.consultation)), grid)
    return book.bytes()


def _write_grid(book: Book, sheet, grid: OffersGrid) -> None:
    count = len(grid.criteria)
    book.text(sheet, 0, 0, f"{TITLE} – {display_name(grid.consultation)}", Style(bold=True))
    deadline = grid.consultation.deadline
    book.text(sheet, 1, 0, f"Date limite de réponse : {format_date_long(deadline)}" if deadline else
              f"Édité le {format_date_long(date.today())}")
    header = ["Rang", "Prestataire", "Reçue le", "Montant", *[display_name(c) for c in grid.criteria],
              "Note pondérée (sur 5)", "Choix", "Appréciation"]
    for column, title in enumerate(header):
        book.text(sheet, HEADER_ROW, column, title, Style(head=True))
    book.text(sheet, WEIGHTS_ROW, 1, "Pondération", Style(bold=True))
    for offset, criterion in enumerate(grid.criteria):
        book.number(sheet, WEIGHTS_ROW, FIRST_SCORE_COLUMN + offset, criterion.weight, Style(bold=True))
    for position, row in enumerate(grid.rows):
        _write_offer(book, sheet, FIRST_OFFER_ROW + position, row, count)
    book.text(sheet, FIRST_OFFER_ROW + len(grid.rows) + 1, 0, grid.selection, Style(bold=True))
    _size(sheet, count)
    sheet.freeze_panes(FIRST_OFFER_ROW, 2)


def _write_offer(book: Book, sheet, row_number: int, row: OfferRow, count: int) -> None:
    fill = HIGHLIGHT_FILL if row.selected else ""
    plain, bold = Style(fill=fill), Style(fill=fill, bold=row.selected)
    book.number(sheet, row_number, 0, row.rank, plain)
    book.text(sheet, row_number, 1, row.provider, bold)
    if row.received_on:
        sheet.write_datetime(row_number, 2, row.received_on, book.format(Style(fill=fill, number=DATE)))
    else:
        book.text(sheet, row_number, 2, "", plain)
    book.number(sheet, row_number, 3, row.amount, Style(fill=fill, number=EURO))
    for offset, score in enumerate(row.scores):
        book.number(sheet, row_number, FIRST_SCORE_COLUMN + offset, score, plain)
    weighted = FIRST_SCORE_COLUMN + count
    if count:
        book.formula(sheet, row_number, weighted, weighted_formula(row_number, count), row.score,
                     Style(fill=fill, bold=True, number=SCORE))
    else:
        book.text(sheet, row_number, weighted, "non notée", plain)
    book.text(sheet, row_number, weighted + 1, SELECTED_MARK if row.selected else "", bold)
    book.text(sheet, row_number, weighted + 2, row.notes, Style(fill=fill, wrap=True))


def weighted_formula(row_number: int, count: int) -> str:
    """``=IF(COUNT(E6:H6)=0,"",ROUND(SUMPRODUCT($E$5:$H$5,E6:H6)/SUMPRODUCT($E$5:$H$5,--ISNUMBER(E6:H6)),2))``."""
    first, last = FIRST_SCORE_COLUMN, FIRST_SCORE_COLUMN + count - 1
    scores = f"{cell(row_number, first)}:{cell(row_number, last)}"
    weights = f"${_column(first)}${WEIGHTS_ROW + 1}:${_column(last)}${WEIGHTS_ROW + 1}"
    return (f'=IF(COUNT({scores})=0,"",ROUND(SUMPRODUCT({weights},{scores})'
            f"/SUMPRODUCT({weights},--ISNUMBER({scores})),2))")


def _column(index: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return xl_col_to_name(index)


def _size(sheet, count: int) -> None:
    sheet.set_column(0, 0, 7)
    sheet.set_column(1, 1, 32)
    sheet.set_column(2, 2, 11)
    sheet.set_column(3, 3, 13)
    if count:
        sheet.set_column(FIRST_SCORE_COLUMN, FIRST_SCORE_COLUMN + count - 1, 16)
    sheet.set_column(FIRST_SCORE_COLUMN + count, FIRST_SCORE_COLUMN + count, 12)
    sheet.set_column(FIRST_SCORE_COLUMN + count + 1, FIRST_SCORE_COLUMN + count + 1, 9)
    sheet.set_column(FIRST_SCORE_COLUMN + count + 2, FIRST_SCORE_COLUMN + count + 2, 60)
    sheet.set_row(HEADER_ROW, 45)


__all__ = ["render_xlsx", "weighted_formula", "column_range"]
