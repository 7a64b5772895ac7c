"""Workbooks of the offers and the compte rendu financier (XlsxWriter): formulas stored with their results.

openpyxl writes a formula without its value, so a viewer that does not
recalculate (previews, mail clients, some converters) shows empty cells.
XlsxWriter stores the result the model computed beside each formula. User
text always goes in as text (« =HYPERLINK(…) » stays text), without control
characters and within Excel's 32,767 characters per cell. The font, the cell
limit and the print set-up are the budget workbook's (``budget_sheet``).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from parcours_designer.export.budget_sheet import FONT, cell_text, page_setup
from parcours_designer.export.safe_text import without_control

EURO = '#,##0.00\\ "€"'
PERCENT = "0.0\\ %"
SCORE = "0.00"
DATE = "dd/mm/yyyy"
HEAD_FILL = "#1F4E79"
GROUP_FILL = "#DCE6F1"
HIGHLIGHT_FILL = "#FFF2CC"
MAX_SHEET_NAME = 31
_BAD_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Style:
    """How a cell looks: bold, filled, and its number format."""

    bold: bool = False
    fill: str = ""
    number: str = ""
    head: bool = False
    wrap: bool = False


class Book:
    """An in-memory workbook: sheets, styled cells, then :meth:`bytes`."""

    def __init__(self, title: str, pathway_title: str = ""):
        import xlsxwriter

        self.buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(self.buffer, {"in_memory": True, "strings_to_formulas": False,
                                                          "strings_to_numbers": False, "strings_to_urls": False})
        self.workbook.set_properties({"title": without_control(title)[:255], "author": "Parcours Designer",
                                      "comments": "Parcours Designer"})
        self.workbook.set_custom_property("Langue", "fr-FR")
        self.pathway_title = pathway_title
        self.workbook.formats[0].set_font_name(FONT)  # the default cell format
        self._formats: dict[Style, object] = {}
        self._sheet_names: set[str] = set()

    def sheet(self, name: str):
        unique = self._unique_sheet_name(name)
        worksheet = self.workbook.add_worksheet(unique)
        worksheet.hide_gridlines(2)
        page_setup(worksheet, self.pathway_title, unique)  # printed as the budget workbook is
        return worksheet

    def _unique_sheet_name(self, name: str) -> str:
        base = _BAD_SHEET_CHARACTERS.sub("-", without_control(name)).strip().strip("'") or "Feuille"
        candidate, number = base[:MAX_SHEET_NAME], 1
        while candidate.lower() in self._sheet_names:
            number += 1
            suffix = f" ({number})"
            candidate = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        self._sheet_names.add(candidate.lower())
        return candidate

    def format(self, style: Style):
        if style not in self._formats:
            properties: dict = {"valign": "top", "font_name": FONT, "font_size": 10}
            if style.head:
                properties.update(bold=True, font_color="#FFFFFF", bg_color=HEAD_FILL, text_wrap=True)
            if style.bold:
                properties["bold"] = True
            if style.fill:
                properties["bg_color"] = style.fill
            if style.number:
                properties["num_format"] = style.number
            if style.wrap:
                properties["text_wrap"] = True
            self._formats[style] = self.workbook.add_format(properties)
        return self._formats[style]

    def text(self, sheet, row: int, column: int, value: object, style: Style = Style()) -> None:
        """User or program text, always stored as text."""
        sheet.write_string(row, column, cell_text(without_control(value)), self.format(style))

    def number(self, sheet, row: int, column: int, value: Optional[Decimal | int], style: Style = Style()) -> None:
        if value is None:
            sheet.write_blank(row, column, None, self.format(style))
        else:
            sheet.write_number(row, column, value, self.format(style))

    def formula(self, sheet, row: int, column: int, formula: str, result: object, style: Style = Style()) -> None:
        """A formula with the result the model computed (``None``: an empty result)."""
        sheet.write_formula(row, column, formula, self.format(style), "" if result is None else result)

    def bytes(self) -> bytes:
        self.workbook.close()
        return self.buffer.getvalue()


def cell(row: int, column: int, *, fixed_row: bool = False) -> str:
    """``(4, 2)`` → ``C5`` (0-based row and column, as XlsxWriter counts)."""
    from xlsxwriter.utility import xl_rowcol_to_cell

    return xl_rowcol_to_cell(row, column, row_abs=fixed_row)


def column_range(first_row: int, last_row: int, column: int) -> str:
    """Rows ``first_row`` to ``last_row`` of one column: ``C5:C9``."""
    return f"{cell(first_row, column)}:{cell(last_row, column)}"
