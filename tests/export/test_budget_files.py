"""Budget XLSX (typed cells, formulas equal to the model) and CSV (French spreadsheets)."""

from __future__ import annotations

import csv
import io
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from openpyxl import load_workbook

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.budget import charges_by_partner, charges_by_phase, compute_budget, products_by_partner

from .helpers import hostile_pathway

_SUM = re.compile(r"^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$")
_ROUND = re.compile(r"^ROUND\(([A-Z]+\d+)\*([A-Z]+\d+),2\)$")
_TERMS = re.compile(r"([+-]?)([A-Z]+\d+)")


def evaluate(sheet, ref: str) -> Decimal:
    """The value of a cell, computing the few formulas the export writes (SUM, ROUND, + and −)."""
    value = sheet[ref].value
    if not (isinstance(value, str) and value.startswith("=")):
        return Decimal(str(value if value is not None else 0))
    formula = value[1:]
    if formula == "0":
        return Decimal(0)
    if match := _SUM.match(formula):
        column, first, _same, last = match.groups()
        return sum((evaluate(sheet, f"{column}{row}") for row in range(int(first), int(last) + 1)), Decimal(0))
    if match := _ROUND.match(formula):
        product = evaluate(sheet, match.group(1)) * evaluate(sheet, match.group(2))
        return product.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    terms = _TERMS.findall(formula)
    assert "".join(sign + ref for sign, ref in terms) == formula, f"formule inattendue : {value}"
    return sum((-evaluate(sheet, r) if sign == "-" else evaluate(sheet, r) for sign, r in terms), Decimal(0))


def find_row(sheet, label: str, column: str = "B") -> int:
    for cell in sheet[column]:
        if cell.value == label:
            return cell.row
    raise AssertionError(f"ligne « {label} » introuvable")


@pytest.fixture
def workbook(example):
    return load_workbook(io.BytesIO(EXPORT_KINDS["budget"].render(example, ".xlsx")))


def test_sheets_and_typed_euro_cells(workbook):
    assert workbook.sheetnames == ["Budget", "Par étape", "Par partenaire"]
    sheet = workbook["Budget"]
    row = find_row(sheet, "Repas des ateliers collectifs")
    assert sheet[f"C{row}"].value == 60 and sheet[f"E{row}"].data_type == "n"
    assert sheet[f"E{row}"].value == pytest.approx(14.90)
    assert "€" in sheet[f"E{row}"].number_format and "€" in sheet[f"F{row}"].number_format
    assert sheet[f"F{row}"].value == f"=ROUND(C{row}*E{row},2)"


def test_form_totals_are_formulas_equal_to_the_model(example, workbook):
    budget = compute_budget(example)
    sheet = workbook["Budget"]
    charges, products = find_row(sheet, "Total des charges"), find_row(sheet, "Total des produits")
    balance = find_row(sheet, "Solde (produits − charges)")
    for row in (charges, products, balance):
        assert str(sheet[f"F{row}"].value).startswith("=")
    assert evaluate(sheet, f"F{charges}") == budget.total_charges == Decimal("28228.00")
    assert evaluate(sheet, f"F{products}") == budget.total_products
    assert evaluate(sheet, f"F{balance}") == budget.balance
    for group in budget.charges + budget.products:
        assert evaluate(sheet, f"F{find_row(sheet, group.label)}") == group.total
    assert evaluate(sheet, f"F{find_row(sheet, 'Financeur : Banque des Territoires')}") == Decimal("6000.00")
    assert find_row(sheet, "Budget équilibré : 28\u202f228,00\u00a0€ de charges et de produits.")


def test_breakdown_sheets_match_the_model(example, workbook):
    by_phase = workbook["Par étape"]
    phases = charges_by_phase(example)
    for phase in example.phases:
        row = find_row(by_phase, phase.title, "A")
        assert Decimal(str(by_phase[f"C{row}"].value)) == phases.get(phase.id, Decimal(0))
    total = find_row(by_phase, "Total des charges", "A")
    assert evaluate(by_phase, f"C{total}") == compute_budget(example).total_charges
    by_partner = workbook["Par partenaire"]
    total = find_row(by_partner, "Total", "A")
    assert evaluate(by_partner, f"B{total}") == sum(charges_by_partner(example).values())
    assert evaluate(by_partner, f"C{total}") == sum(products_by_partner(example).values())


def test_columns_are_sized_to_their_content(workbook):
    sheet = workbook["Budget"]
    label_width = sheet.column_dimensions["B"].width
    longest = len("70 – Ventes de produits finis, prestations de services, marchandises")
    assert label_width == longest + 2  # sentences alone on their row overflow instead
    assert sheet.column_dimensions["A"].width < 12 and sheet.column_dimensions["F"].width >= 14


def test_user_text_never_becomes_a_formula():
    workbook = load_workbook(io.BytesIO(EXPORT_KINDS["budget"].render(hostile_pathway(), ".xlsx")))
    sheet = workbook["Budget"]
    cell = next(c for c in sheet["B"] if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert cell.data_type == "s"


def test_empty_budget_still_has_its_totals():
    from parcours_designer.model.pathway import Pathway

    sheet = load_workbook(io.BytesIO(EXPORT_KINDS["budget"].render(Pathway(title="t"), ".xlsx")))["Budget"]
    assert evaluate(sheet, f"F{find_row(sheet, 'Total des charges')}") == 0
    assert find_row(sheet, "Budget vide : aucune charge ni aucun produit n'est encore saisi.")


def test_csv_for_french_spreadsheets(example):
    data = EXPORT_KINDS["budget"].render(example, ".csv")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    line = next(r for r in rows if len(r) > 3 and r[3] == "Déplacements des intervenant·e·s")
    assert line[4:8] == ["24", "trajet", "38,50", "924,00"]
    total = next(r for r in rows if len(r) > 3 and r[3] == "Total des charges")
    assert total[-1] == "28228,00"
    atelier = next(r for r in rows if len(r) > 3 and r[3] == "Atelier diffusion : conception et animation")
    assert atelier[4] == "2,5"
    assert any(r[:1] == ["Par partenaire"] and r[3] == "Cabinet Tandem Culture" for r in rows if r)


def test_csv_text_cannot_start_a_formula():
    text = EXPORT_KINDS["budget"].render(hostile_pathway(), ".csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    cells = [c for r in rows for c in r]
    assert "'=HYPERLINK(\"http://example.invalid\",\"clic\")" in cells
    assert not any(c.startswith("=") for c in cells)
