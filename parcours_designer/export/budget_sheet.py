"""One worksheet of the budget workbook: named fonts, euro formats, print set-up.

User text is always written as a string (never a formula or a link), cut to
what a cell can hold; totals are formulas written with their result.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from parcours_designer.export.safe_text import without_control
from parcours_designer.model.formatting import format_date_long

FONT = "Arial"  # on every system, or metric-compatible (Liberation Sans) in LibreOffice
HEAD_FILL = "#1F4E79"
GROUP_FILL = "#DCE6F1"
EURO = '#,##0.00\\ "€"'
WHOLE_EURO = '#,##0\\ "€"'
MAX_CELL_TEXT = 32_767  # Excel declares a workbook with a longer cell damaged
HEADER_ROOM = 200  # header and footer: 255 characters at most, codes included

STYLES: dict[str, dict] = {
    "title": {"bold": True, "font_size": 14},
    "subtitle": {"italic": True, "font_color": "#595959"},
    "head": {"bold": True, "font_color": "#FFFFFF", "bg_color": HEAD_FILL, "border": 1},
    "line": {"text_wrap": True, "valign": "top", "indent": 2, "border": 1, "border_color": "#9AA7B4"},
    "group": {"bold": True, "bg_color": GROUP_FILL, "border": 1, "border_color": "#9AA7B4"},
    "category1": {"indent": 1, "border": 1, "border_color": "#9AA7B4"},
    "category2": {"indent": 2, "border": 1, "border_color": "#9AA7B4"},
    "total": {"bold": True, "bg_color": GROUP_FILL, "top": 2, "border": 1, "border_color": "#1F4E79"},
    "bold": {"bold": True},
    "plain": {},
}
MONEY_STYLES = {"money": "line", "group_money": "group", "total_money": "total"}


def cell_text(text: str) -> str:
    """User text as Excel can hold it in one cell (cut with « … » beyond 32,767 characters)."""
    text = without_control(text)
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def header_text(text: str) -> str:
    """Text for a page header or footer: ``&`` doubled, cut to fit the 255-character limit."""
    text = " ".join(without_control(text).split())
    if len(text) > HEADER_ROOM:
        text = text[: HEADER_ROOM - 1] + "…"
    return text.replace("&", "&&")


def sum_formula(refs: list[str]) -> str:
    """``=SUM(B5:B9)`` for adjacent cells of a column, ``=B5+B9`` otherwise, ``=0`` for none."""
    if not refs:
        return "=0"
    column = refs[0].rstrip("0123456789")
    numbers = [int(ref[len(column):]) for ref in refs]
    adjacent = all(r.startswith(column) and r[len(column):].isdigit() for r in refs)
    if adjacent and len(refs) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"=SUM({refs[0]}:{refs[-1]})"
    return "=" + "+".join(refs)


class SheetWriter:
    """Writes one sheet of the workbook with the shared formats and page set-up."""

    def __init__(self, book, formats: dict, name: str, pathway_title: str):
        self.book, self.formats, self.pathway_title = book, formats, pathway_title
        self.sheet = book.add_worksheet(name)
        self.row = 0
        self._page_setup(name)

    def _page_setup(self, name: str) -> None:
        page_setup(self.sheet, self.pathway_title, name)

    def ref(self, row: int, column: int) -> str:
        from xlsxwriter.utility import xl_rowcol_to_cell

        return xl_rowcol_to_cell(row, column)

    def text(self, row: int, column: int, value: str, style: str = "plain") -> None:
        self.sheet.write_string(row, column, cell_text(value), self.formats[style])

    def money(self, row: int, column: int, amount: Decimal, style: str = "money") -> str:
        self.sheet.write_number(row, column, float(amount), self.formats[style])
        return self.ref(row, column)

    def formula(self, row: int, column: int, formula: str, amount: Decimal, style: str = "money") -> str:
        """A formula stored with its result (``amount``, which the model computed exactly)."""
        self.sheet.write_formula(row, column, formula, self.formats[style], float(amount))
        return self.ref(row, column)

    def title(self, title: str, subtitle: str) -> None:
        self.text(0, 0, title, "title")
        self.text(1, 0, subtitle, "subtitle")
        self.text(2, 0, f"Édité le {format_date_long(date.today())}", "subtitle")
        self.row = 4

    def header(self, labels: list[str]) -> int:
        """The column titles on the current row (its index is returned) ; the next row follows."""
        for column, label in enumerate(labels):
            if label:
                self.text(self.row, column, label, "head")
        self.row += 1
        return self.row - 1


def page_setup(sheet, pathway_title: str, name: str) -> None:
    """A4 landscape, one page wide; the pathway and the sheet in the header, the date and pages in the footer."""
    sheet.set_paper(9)  # A4
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    font = f'&"{FONT},Regular"&8'
    sheet.set_header(f"&L{font}{header_text(pathway_title)}&R{font}{header_text(name)}")
    edited = header_text(f"Édité le {format_date_long(date.today())}")
    sheet.set_footer(f"&L{font}{edited}&R{font}Page &P / &N")


def workbook_formats(book, whole_euros: bool) -> dict:
    """The workbook's formats (make them once per workbook), every one in the named font."""
    book.formats[0].set_font_name(FONT)  # the default cell format
    formats = {name: book.add_format({"font_name": FONT, "font_size": 10, **props}) for name, props in STYLES.items()}
    number = WHOLE_EURO if whole_euros else EURO
    for name, base in MONEY_STYLES.items():
        props = {key: value for key, value in STYLES[base].items() if key not in ("indent", "text_wrap")}
        formats[name] = book.add_format({"font_name": FONT, "font_size": 10, **props, "num_format": number,
                                         "align": "right"})
    return formats
