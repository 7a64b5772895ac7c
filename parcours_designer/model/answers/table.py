"""Reading a spreadsheet export of answers: encoding and separator detected.

UTF-8 with or without BOM, else Windows-1252 (a CSV re-saved by a French
Excel); the separator is ``,``, ``;`` or a tab, whichever splits the first
lines most consistently. Nothing here knows the questionnaire.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from parcours_designer.model.errors import PathwayError
from parcours_designer.model.fileformat import read_input
from parcours_designer.model.formatting import group_digits

MAX_EXPORT_BYTES = 32 * 1024 * 1024
SEPARATORS = (",", ";", "\t")
SEPARATOR_NAMES = {",": "virgule", ";": "point-virgule", "\t": "tabulation"}


class AnswersFileError(PathwayError):
    """An export of answers that cannot be used: one French message."""


# Reads the first sheet of an Excel workbook (bytes, file name) as rows of text.
# The model reads no workbook itself: the command line and the editor pass one.
WorkbookReader = Callable[[bytes, str], list[list[str]]]


@dataclass(frozen=True)
class ExportTable:
    """The cells of an export, every row as long as the longest."""

    name: str
    rows: tuple[tuple[str, ...], ...]
    encoding: str
    separator: str

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    @property
    def layout(self) -> str:
        """How the file was read, in French: « encodage UTF-8, séparateur virgule »."""
        if not self.separator:
            return f"{self.encoding} (première feuille)"
        return f"encodage {self.encoding}, séparateur {SEPARATOR_NAMES[self.separator]}"


def read_table(path: str | os.PathLike[str], workbook_reader: Optional[WorkbookReader] = None) -> ExportTable:
    """The table in the file at ``path``; :class:`AnswersFileError` if unusable."""
    file_path, raw = read_input(path, AnswersFileError, MAX_EXPORT_BYTES, "un export de réponses")
    return parse_table(raw, file_path.name, workbook_reader)


def parse_table(raw: bytes, name: str = "export", workbook_reader: Optional[WorkbookReader] = None) -> ExportTable:
    """The table held by the bytes of a CSV or TSV export, or of a workbook when a reader is given."""
    if raw.startswith(b"PK\x03\x04"):
        if workbook_reader is None:
            raise AnswersFileError(f"{name} : c'est un classeur Excel (.xlsx) ; enregistrez-le au format CSV "
                                   "(« CSV UTF-8 » ou « CSV (séparateur : point-virgule) ») puis importez ce fichier")
        return table_from_rows(workbook_reader(raw, name), name, "classeur Excel", "")
    text, encoding = decode(raw)
    if "\x00" in text:
        raise AnswersFileError(f"{name} : ce n'est pas un fichier texte (CSV) lisible")
    if not text.strip():
        raise AnswersFileError(f"{name} : le fichier est vide")
    separator = detect_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        rows = list(reader)
    except csv.Error:  # the only one left: a cell longer than csv's field limit (its message is English)
        raise AnswersFileError(f"{name} : une cellule de la ligne {reader.line_num} est trop longue "
                               f"(plus de {group_digits(str(csv.field_size_limit()))} caractères)") from None
    return table_from_rows(rows, name, encoding, separator)


def table_from_rows(rows: Sequence[Sequence[str]], name: str, encoding: str, separator: str) -> ExportTable:
    """The table of these rows: blank rows left out, cells trimmed, every row as long as the longest."""
    rows = [[cell.strip() for cell in row] for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise AnswersFileError(f"{name} : aucune cellule remplie (seulement des séparateurs)")
    width = max(len(row) for row in rows)
    if width < 2 and len(rows) < 2:
        raise AnswersFileError(f"{name} : aucune colonne de réponses (une seule cellule lue)")
    padded = tuple(tuple(list(row) + [""] * (width - len(row))) for row in rows)
    return ExportTable(name, padded, encoding, separator)


def decode(raw: bytes) -> tuple[str, str]:
    """The text of ``raw``: UTF-8 (BOM or not), else Windows-1252."""
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        return raw.decode("utf-16"), "UTF-16"
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "Windows-1252"


def detect_separator(text: str) -> str:
    """``,``, ``;`` or tab: the one giving the most columns, the same on the first lines."""
    sample = text[:65536]
    best, best_score = ",", (-1, -1)
    for separator in SEPARATORS:
        rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=separator))[:20]
        rows = [row for row in rows if any(cell.strip() for cell in row)]
        if not rows:
            continue
        widths = [len(row) for row in rows[:-1]] or [len(rows[0])]
        steady = sum(1 for width in widths if width == widths[0])
        score = (steady if widths[0] > 1 else 0, widths[0])
        if score > best_score:
            best, best_score = separator, score
    return best
