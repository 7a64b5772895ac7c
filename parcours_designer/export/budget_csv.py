"""The budget as CSV for French spreadsheets: ``;``, decimal comma, UTF-8 with BOM."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from typing import Optional

from parcours_designer.export.budget_form import (
    CHARGE_HEADER,
    FUNDER,
    PRODUCT_HEADER,
    FormRow,
    balance_sentence,
    budget_form,
    in_kind_sentence,
)
from parcours_designer.export.safe_text import without_control
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.types import round_cents

NUMBER = re.compile(r"-?[0-9]+(,[0-9]+)?")


def csv_number(value: Optional[Decimal], places: int = 2) -> str:
    """``Decimal('1234.5')`` → ``1234,50`` (no thousands separator: spreadsheets read it as a number)."""
    if value is None:
        return ""
    text = format(round_cents(value), "f") if places == 2 else format(value.normalize(), "f")
    return text.replace(".", ",")


class _SafeWriter:
    """A csv writer whose text cells can never start a spreadsheet formula."""

    def __init__(self, buffer):
        self._writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)

    def writerow(self, row: list) -> None:
        self._writer.writerow([_inert(value) for value in row])


def _inert(value: str) -> str:
    """Text starting with = + - @ gets a leading apostrophe (numbers are written apart)."""
    value = without_control(value)
    if value and value[0] in "=+-@\t\r" and not _is_number(value):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    """``1234,50`` or ``-12``: one optional minus sign, ASCII digits, at most one decimal comma."""
    return NUMBER.fullmatch(value) is not None


def render_csv(pathway: Pathway) -> bytes:
    form = budget_form(pathway)
    buffer = io.StringIO()
    writer = _SafeWriter(buffer)
    writer.writerow([f"Budget prévisionnel – {pathway.title}"])
    writer.writerow([])
    writer.writerow(["Section", "Niveau", *CHARGE_HEADER])
    for group in form.charges:
        _rows(writer, "Charges", group)
    writer.writerow(["Charges", "Total", "", "Total des charges", "", "", "", csv_number(form.budget.total_charges)])
    writer.writerow([])
    writer.writerow(["Section", "Niveau", *PRODUCT_HEADER[:4], "", PRODUCT_HEADER[4]])
    for group in form.products:
        _rows(writer, "Produits", group)
    writer.writerow(["Produits", "Total", "", "Total des produits", "", "", "",
                     csv_number(form.budget.total_products)])
    writer.writerow(["Solde", "Total", "", "Solde (produits − charges)", "", "", "", csv_number(form.budget.balance)])
    writer.writerow(["Solde", "Note", "", balance_sentence(form.budget)])
    writer.writerow(["Solde", "Note", "", in_kind_sentence(form.budget)])
    writer.writerow([])
    writer.writerow(["Par étape", "Niveau", "Période", "Étape", "", "", "", "Charges"])
    for title, period, amount in form.by_phase:
        writer.writerow(["Par étape", "Ligne", period, title, "", "", "", csv_number(amount)])
    writer.writerow([])
    writer.writerow(["Par partenaire", "Niveau", "", "Partenaire", "", "", "Charges", "Produits"])
    for name, charges, products in form.by_partner:
        writer.writerow(["Par partenaire", "Ligne", "", name, "", "", csv_number(charges), csv_number(products)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _rows(writer, section: str, row: FormRow) -> None:
    level = {"group": "Groupe", FUNDER: "Financeur", "line": "Ligne"}[row.level]
    if row.level == "line" and section == "Charges":
        unit, _partner = row.details
        writer.writerow([section, level, row.account, row.label, csv_number(row.quantity, 0), unit,
                         csv_number(row.unit_cost), csv_number(row.amount)])
    elif row.level == "line":
        funder, status = row.details
        writer.writerow([section, level, row.account, row.label, funder, status, "", csv_number(row.amount)])
    else:
        writer.writerow([section, level, row.account, row.label, "", "", "", csv_number(row.amount)])
    for child in row.children:
        _rows(writer, section, child)
