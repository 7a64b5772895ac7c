"""The budget as CSV for French spreadsheets: ``;``, decimal comma, UTF-8 with BOM."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from typing import Optional

from parcours_designer.export.budget_form import (
    FORM_REFERENCE,
    FORM_TITLE,
    balance_sentence,
    budget_form,
    in_kind_sentence,
)
from parcours_designer.export.safe_text import without_control
from parcours_designer.model.budget_layout import CATEGORY, GROUP, LINE, LayoutRow
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.types import round_cents

NUMBER = re.compile(r"-?[0-9]+(,[0-9]+)?")


def csv_number(value: Optional[Decimal], places: int = 2) -> str:
    """``Decimal('1234.5')`` → ``1234,50`` (no thousands separator: spreadsheets read it as a number)."""
    if value is None:
        return ""
    if places == 0:
        return format(value.quantize(Decimal("1")), "f")
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


HEADER = ["Section", "Niveau", "Compte", "Intitulé", "Partenaire", "Statut", "Quantité", "Unité", "Coût unitaire",
          "Montant"]
LEVELS = {GROUP: "Groupe", CATEGORY: "Sous-groupe", LINE: "Ligne"}


def render_csv(pathway: Pathway, *, whole_euros: bool = False) -> bytes:
    """The CERFA layout, one row per row of the form: charges, then produits, then the totals."""
    form = budget_form(pathway, whole_euros=whole_euros)
    layout, places = form.layout, 0 if whole_euros else 2
    buffer = io.StringIO()
    writer = _SafeWriter(buffer)
    writer.writerow([f"{FORM_TITLE} – {pathway.title} ({FORM_REFERENCE})"])
    writer.writerow([])
    writer.writerow(HEADER)
    for side in (layout.charges, layout.products):
        for _depth, row in side.rows():
            writer.writerow(_row(side.title, row, places))
    totals = (("TOTAL DES CHARGES", layout.charges.total), ("TOTAL DES PRODUITS", layout.products.total),
              ("dont acquis", layout.granted), ("dont demandé", layout.requested))
    for label, amount in totals:
        writer.writerow(["Total", "Total", "", label, "", "", "", "", "", csv_number(amount, places)])
    for side in (layout.charges, layout.products):
        for _depth, row in side.in_kind_rows():
            writer.writerow(_row(f"{side.title} (contributions en nature)", row, places))
    for label, amount in (("TOTAL (charges)", layout.charges.total_with_in_kind),
                          ("TOTAL (produits)", layout.products.total_with_in_kind)):
        writer.writerow(["Total", "Total", "", label, "", "", "", "", "", csv_number(amount, places)])
    writer.writerow(["Solde", "Note", "", balance_sentence(form)])
    writer.writerow(["Solde", "Note", "", in_kind_sentence(form)])
    writer.writerow([])
    writer.writerow(["Par étape", "Niveau", "", "Étape", "Période", "", "", "", "", "Charges"])
    for b in form.by_phase:
        writer.writerow(["Par étape", "Ligne", "", b.name, b.detail, "", "", "", "", csv_number(b.charges, places)])
    writer.writerow([])
    writer.writerow(["Par partenaire", "Niveau", "", "Partenaire", "Type", "", "", "", "Charges", "Produits"])
    for b in form.by_partner:
        writer.writerow(["Par partenaire", "Ligne", "", b.name, b.detail, "", "", "", csv_number(b.charges, places),
                         csv_number(b.products, places)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _row(section: str, row: LayoutRow, places: int) -> list[str]:
    status = row.status.label if row.status is not None else ""
    return [section, LEVELS[row.level], row.account or row.code.split(".")[0], row.label, row.funder, status,
            csv_number(row.quantity, 0), row.unit, csv_number(row.unit_cost), csv_number(row.amount, places)]
