"""Microsoft Forms exports a workbook (.xlsx): it imports like its CSV, cells typed as Excel stores them."""

from __future__ import annotations

import csv
import json
from datetime import datetime

import pytest
from openpyxl import Workbook

from parcours_designer.cli import main
from parcours_designer.model.answers.table import AnswersFileError, parse_table
from parcours_designer.model.fileformat import save_pathway
from parcours_designer.workbook_rows import cell_text, workbook_rows
from tests.answers.conftest import EXPORTS, evaluation_pathway


def microsoft_forms_workbook(target):
    """The Microsoft Forms export of the test answers as the workbook Forms writes: dates and numbers typed."""
    with (EXPORTS / "microsoft-forms.csv").open(encoding="utf-8-sig", newline="") as source:
        header, *rows = list(csv.reader(source))
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for row in rows:
        typed = [int(row[0]), datetime.strptime(row[1], "%d/%m/%Y %H:%M:%S"),
                 datetime.strptime(row[2], "%d/%m/%Y %H:%M:%S"), *row[3:6],
                 int(row[6]) if row[6].isdigit() else row[6], *row[7:]]
        sheet.append([None if value == "" else value for value in typed])
    book.save(target)
    return target


def stats(path, capsys):
    assert main(["responses", "stats", str(path), "--questionnaire", "q1", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_workbook_imports_like_the_csv(tmp_path, capsys):
    from_csv, from_xlsx = tmp_path / "csv.parcours", tmp_path / "xlsx.parcours"
    save_pathway(evaluation_pathway(), from_csv)
    save_pathway(evaluation_pathway(), from_xlsx)
    workbook = microsoft_forms_workbook(tmp_path / "Évaluation du parcours.xlsx")
    assert main(["responses", "import", str(from_csv), str(EXPORTS / "microsoft-forms.csv"), "--questionnaire", "q1"]) == 0
    assert main(["responses", "import", str(from_xlsx), str(workbook), "--questionnaire", "q1"]) == 0
    assert capsys.readouterr().out.count("9 réponses ajoutées") == 2
    assert stats(from_xlsx, capsys) == stats(from_csv, capsys)
    before = from_xlsx.read_bytes()
    assert main(["responses", "import", str(from_xlsx), str(workbook), "--questionnaire", "q1"]) == 0
    assert from_xlsx.read_bytes() == before  # the same export twice adds nothing


def test_damaged_workbook_is_refused_in_french(tmp_path, capsys):
    pathway_file = tmp_path / "bilan.parcours"
    save_pathway(evaluation_pathway(), pathway_file)
    before = pathway_file.read_bytes()
    broken = tmp_path / "réponses.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert main(["responses", "import", str(pathway_file), str(broken), "--questionnaire", "q1"]) == 2
    error = capsys.readouterr().err
    assert "classeur Excel illisible" in error and "Traceback" not in error
    assert pathway_file.read_bytes() == before


def test_without_a_workbook_reader_the_model_asks_for_a_csv(tmp_path):
    workbook = microsoft_forms_workbook(tmp_path / "forms.xlsx")
    with pytest.raises(AnswersFileError, match="enregistrez-le au format CSV"):
        parse_table(workbook.read_bytes(), "forms.xlsx")
    table = parse_table(workbook.read_bytes(), "forms.xlsx", workbook_rows)
    assert table.layout == "classeur Excel (première feuille)"
    assert table.rows[1][1] == "2027-06-12 10:04:05" and table.rows[1][6] == "5"


@pytest.mark.parametrize("value, text", [(None, ""), (True, "Oui"), (4.0, "4"), (2.5, "2.5"),
                                          (datetime(2027, 6, 12, 10, 4, 5), "2027-06-12 10:04:05"),
                                          ("Atelier", "Atelier")])
def test_cells_read_as_a_csv_would_write_them(value, text):
    assert cell_text(value) == text
