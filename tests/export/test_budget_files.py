"""Budget XLSX (CERFA layout, formulas stored with their results) and CSV (French spreadsheets)."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.budget_layout import budget_layout

from .helpers import hostile_pathway

_SUM = re.compile(r"^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$")
_SUMIF = re.compile(r'^SUMIF\(([A-Z]+)(\d+):[A-Z]+(\d+),"([^"]+)",([A-Z]+)\d+:[A-Z]+\d+\)$')
_TERMS = re.compile(r"([+-]?)((?:[A-Za-zé]+!)?[A-Z]+\d+)")


def evaluate(book, sheet, ref: str) -> Decimal:
    """A cell's value, computing the formulas the export writes (SUM, SUMIF, + and −, other sheets)."""
    if "!" in ref:
        name, ref = ref.split("!")
        sheet = book[name]
    value = sheet[ref].value
    if not (isinstance(value, str) and value.startswith("=")):
        return Decimal(str(value if value is not None else 0))
    formula = value[1:]
    if formula == "0":
        return Decimal(0)
    if match := _SUM.match(formula):
        column, first, _same, last = match.groups()
        return sum((evaluate(book, sheet, f"{column}{row}") for row in range(int(first), int(last) + 1)), Decimal(0))
    if match := _SUMIF.match(formula):
        test, first, last, wanted, column = match.groups()
        rows = [r for r in range(int(first), int(last) + 1) if sheet[f"{test}{r}"].value == wanted]
        return sum((evaluate(book, sheet, f"{column}{r}") for r in rows), Decimal(0))
    terms = _TERMS.findall(formula)
    assert "".join(sign + ref for sign, ref in terms) == formula, f"formule inattendue : {value}"
    return sum((-evaluate(book, sheet, r) if sign == "-" else evaluate(book, sheet, r) for sign, r in terms),
               Decimal(0))


def find_row(sheet, label: str, column: str = "A") -> int:
    for cell in sheet[column]:
        if cell.value == label:
            return cell.row
    raise AssertionError(f"ligne « {label} » introuvable")


def xlsx(pathway, **options) -> bytes:
    return EXPORT_KINDS["budget"].render(pathway, ".xlsx", **options)


@pytest.fixture
def workbook(example):
    return load_workbook(io.BytesIO(xlsx(example)))


@pytest.fixture
def cached(example):
    """The same workbook as a viewer that does not recalculate shows it."""
    return load_workbook(io.BytesIO(xlsx(example)), data_only=True)


def test_sheets_fonts_and_print_setup(workbook):
    assert workbook.sheetnames == ["Budget", "Synthèse", "Par étape", "Par partenaire"]
    sheet = workbook["Budget"]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage  # one page wide (1 is the default width)
    assert (sheet.page_setup.fitToWidth or 1) == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$5:$5"
    assert "&P" in sheet.oddFooter.right.text and "&N" in sheet.oddFooter.right.text
    assert sheet.oddHeader.left.text.startswith("Accompagnement collectif DLA")
    header = sheet[f"A{find_row(sheet, 'Charges')}"]
    assert header.font.b and header.font.name == "Arial"
    assert sheet["B6"].font.name == "Arial" and "€" in sheet["B6"].number_format


def test_charges_and_produits_face_each_other_with_every_group_of_the_form(workbook):
    sheet = workbook["Budget"]
    charges = [c.value for c in sheet["A"] if isinstance(c.value, str) and re.match(r"6\d – ", c.value)]
    assert [label[:2] for label in charges] == ["60", "61", "62", "63", "64", "65", "66", "67", "68"]
    products = [c.value for c in sheet["D"] if isinstance(c.value, str) and re.match(r"7\d – ", c.value)]
    assert [label[:2] for label in products] == ["70", "73", "74", "75", "76", "78"]
    assert find_row(sheet, "Charges indirectes affectées à l'action")
    for category in ("État", "Région(s)", "Département(s)", "Intercommunalité(s) – EPCI", "Commune(s)",
                     "Organismes sociaux", "Fonds européens", "ASP (emplois aidés)",
                     "Autres établissements publics", "Aides privées"):
        assert find_row(sheet, category, "D")
    for account in ("860", "861", "862", "864"):
        assert any(str(c.value).startswith(f"{account} – ") for c in sheet["A"])
    for account in ("870", "871", "875"):
        assert any(str(c.value).startswith(f"{account} – ") for c in sheet["D"])


def test_totals_come_before_contributions_in_kind_then_totals_with_them(example, workbook, cached):
    layout = budget_layout(example)
    sheet, values = workbook["Budget"], cached["Budget"]
    cash = find_row(sheet, "TOTAL DES CHARGES")
    assert find_row(sheet, "TOTAL DES PRODUITS", "D") == cash
    in_kind = find_row(sheet, "86 – Emplois des contributions volontaires en nature")
    grand = find_row(sheet, "TOTAL")
    assert cash < in_kind < grand
    expected = {f"B{cash}": layout.charges.total, f"E{cash}": layout.products.total,
                f"B{grand}": layout.charges.total_with_in_kind, f"E{grand}": layout.products.total_with_in_kind,
                f"E{find_row(sheet, 'dont acquis', 'D')}": Decimal("22228.00"),
                f"E{find_row(sheet, 'dont demandé', 'D')}": Decimal("4500.00")}
    assert layout.charges.total == Decimal("26728.00") and layout.charges.total_with_in_kind == Decimal("28228.00")
    for ref, amount in expected.items():
        assert str(sheet[ref].value).startswith("="), ref
        assert evaluate(workbook, sheet, ref) == amount, ref  # the formula gives the model's total
        assert Decimal(str(values[ref].value)) == amount, ref  # and its stored result too


def test_every_formula_is_stored_with_its_result(workbook, cached):
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    stored = cached[sheet.title][cell.coordinate].value
                    assert stored is not None, f"{sheet.title}!{cell.coordinate}"
                    assert Decimal(str(stored)) == evaluate(workbook, sheet, cell.coordinate)


def test_subsidies_by_funder_category(workbook):
    sheet = workbook["Budget"]
    state = find_row(sheet, "État", "D")
    assert evaluate(workbook, sheet, f"E{state}") == Decimal("14000.00")
    assert evaluate(workbook, sheet, f"E{find_row(sheet, 'Département(s)', 'D')}") == Decimal("4500.00")
    assert evaluate(workbook, sheet, f"E{find_row(sheet, 'Autres établissements publics', 'D')}") == 6000
    assert sheet[f"F{state + 1}"].value == "acquis"


def test_summary_sheets_are_formulas_over_the_main_sheet(example, workbook):
    layout = budget_layout(example)
    summary = workbook["Synthèse"]
    row = find_row(summary, "62 – Autres services extérieurs")
    assert summary[f"B{row}"].value.startswith("=Budget!")
    assert evaluate(workbook, summary, f"B{row}") == Decimal("22948.00")
    balance = find_row(summary, "Solde (produits − charges)")
    assert evaluate(workbook, summary, f"B{balance}") == layout.balance == 0
    by_phase = workbook["Par étape"]
    row = find_row(by_phase, "Suivi à six mois : points individuels")
    assert by_phase[f"C{row}"].value.startswith("=Budget!")
    assert evaluate(workbook, by_phase, f"C{row}") == Decimal("2700.00")
    total = find_row(by_phase, "Total (contributions en nature comprises)")
    assert evaluate(workbook, by_phase, f"C{total}") == Decimal("28228.00")
    by_partner = workbook["Par partenaire"]
    row = find_row(by_partner, "Théâtre de la Halle, Coutances")
    assert evaluate(workbook, by_partner, f"C{row}") == evaluate(workbook, by_partner, f"D{row}") == 1500


def test_whole_euros_round_each_line_and_add_up(example):
    example.costs[0].unit_cost = Decimal("650.35")  # 5 × 650,35 = 3 251,75 → 3 252
    book = load_workbook(io.BytesIO(xlsx(example, whole_euros=True)))
    sheet = book["Budget"]
    assert sheet["B6"].number_format == '#,##0\\ "€"'
    line = next(c for c in sheet["B"] if c.value == 3252)
    assert line.data_type == "n"
    total = find_row(sheet, "TOTAL DES CHARGES")
    assert evaluate(book, sheet, f"B{total}") == Decimal("26730")
    pdf = EXPORT_KINDS["budget"].render(example, ".pdf", whole_euros=True)
    from .helpers import pdf_text

    assert "26 730 €" in pdf_text(pdf) and "26 730,00" not in pdf_text(pdf)


def test_user_text_never_becomes_a_formula():
    workbook = load_workbook(io.BytesIO(xlsx(hostile_pathway())))
    sheet = workbook["Budget"]
    cells = [c for column in ("A", "D") for c in sheet[column] if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)


def test_empty_budget_still_has_its_totals():
    from parcours_designer.model.pathway import Pathway

    book = load_workbook(io.BytesIO(xlsx(Pathway(title="t"))))
    sheet = book["Budget"]
    assert evaluate(book, sheet, f"B{find_row(sheet, 'TOTAL DES CHARGES')}") == 0
    assert find_row(sheet, "Budget vide : aucune charge ni aucun produit n'est encore saisi.")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice absent")
def test_libreoffice_recalculates_the_same_totals(example, tmp_path):
    source = tmp_path / "budget.xlsx"
    source.write_bytes(xlsx(example))
    subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,"
                    "true,false,false,false,-1", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    text = (tmp_path / "budget-Budget.csv").read_text(encoding="utf-8")
    total = next(line for line in text.splitlines() if line.startswith("TOTAL DES CHARGES"))
    assert total.split(";")[1] in ("26728", "26728.00", "26728,00")


def test_csv_follows_the_form(example):
    data = EXPORT_KINDS["budget"].render(example, ".csv")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    line = next(r for r in rows if len(r) > 3 and r[3] == "Déplacements des intervenant·e·s")
    assert line[:3] == ["Charges", "Ligne", "6251"] and line[-1] == "924,00"
    assert next(r for r in rows if len(r) > 3 and r[3] == "TOTAL DES CHARGES")[-1] == "26728,00"
    assert next(r for r in rows if len(r) > 3 and r[3] == "TOTAL (charges)")[-1] == "28228,00"
    assert next(r for r in rows if len(r) > 3 and r[3] == "Région(s)")[:3] == ["Produits", "Sous-groupe", "74"]
    assert any(r[:1] == ["Par partenaire"] and r[3] == "Cabinet Tandem Culture" for r in rows if r)
    whole = EXPORT_KINDS["budget"].render(example, ".csv", whole_euros=True).decode("utf-8-sig")
    assert ";26728\r\n" in whole


def test_csv_text_cannot_start_a_formula():
    text = EXPORT_KINDS["budget"].render(hostile_pathway(), ".csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    cells = [c for r in rows for c in r]
    assert "'=HYPERLINK(\"http://example.invalid\",\"clic\")" in cells
    assert not any(c.startswith("=") for c in cells)
