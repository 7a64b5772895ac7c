"""The first sheet of an Excel workbook as rows of text (Microsoft Forms' export).

Given to the model's answer reader (``read_table(path, workbook_rows)``) by
the command line and the editor, so that the model itself reads no workbook.
Cells become the text a CSV export of the same sheet would hold: dates in
ISO (``2027-06-12 10:04:05``), whole numbers without ``.0``.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from parcours_designer.model.answers.table import AnswersFileError

MAX_ROWS = 200_000
MAX_COLUMNS = 16_384  # Excel's own limit


def workbook_rows(raw: bytes, name: str) -> list[list[str]]:
    """The cells of the workbook's first sheet; :class:`AnswersFileError` if it cannot be read."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # openpyxl raises zipfile, XML and KeyError kinds for a damaged file
        raise AnswersFileError(f"{name} : classeur Excel illisible ou endommagé ; "
                               "ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau") from None
    try:
        if not book.worksheets:
            raise AnswersFileError(f"{name} : le classeur ne contient aucune feuille")
        return _sheet_rows(book.worksheets[0], name)
    finally:
        book.close()


def _sheet_rows(sheet: Any, name: str) -> list[list[str]]:
    rows = []
    for values in sheet.iter_rows(values_only=True):
        if len(rows) >= MAX_ROWS:
            raise AnswersFileError(f"{name} : plus de {MAX_ROWS:,} lignes ; ce n'est pas un export de "
                                   "réponses à un questionnaire".replace(",", "\u202f"))
        if len(values) > MAX_COLUMNS:
            raise AnswersFileError(f"{name} : plus de {MAX_COLUMNS:,} colonnes".replace(",", "\u202f"))
        rows.append([cell_text(value) for value in values])
    return rows


def cell_text(value: Any) -> str:
    """The text of a cell as a CSV export would write it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else format(Decimal(repr(value)), "f")
    return str(value)
