"""``portfolio DIR [--json]`` and ``portfolio DIR --partner NAME -o OUT``, per the contract."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest

from tests.cli.test_cli_check import run_cli
from tests.model.portfolio_folder import BROKEN, DEPARTMENT, EDITION_2026, EDITION_2027, ORNE, TOPIC, build_portfolio


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return build_portfolio(tmp_path_factory.mktemp("portefeuille"))


def test_json_lists_pathways_unreadable_files_categories_topics_and_funders(folder, user_home):
    done = run_cli("portfolio", str(folder), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [p["path"] for p in data["pathways"]] == [EDITION_2026, EDITION_2027, ORNE]
    assert data["unreadable"][0]["path"] == BROKEN and "JSON invalide" in data["unreadable"][0]["message"]
    assert data["pathways"][1]["charges"] == "28228.00" and isinstance(data["pathways"][1]["score"], int)
    department = next(t for t in data["topics"] if t["partner"] == DEPARTMENT)
    assert department["topics"] == [{"text": TOPIC, "pathways": [EDITION_2026, EDITION_2027]}]
    funder = next(f for f in data["funders"] if f["partner"] == DEPARTMENT)
    assert (funder["amount"], funder["granted"]) == ("8500.00", "4000.00")
    assert (user_home / "cache" / "portefeuille-index.sqlite3").is_file()
    again = run_cli("portfolio", str(folder), "--json")
    assert json.loads(again.stdout) == data


def test_text_output_is_french_and_names_the_broken_file(folder):
    done = run_cli("portfolio", str(folder))
    assert done.returncode == 0, done.stderr
    assert "3 parcours lisibles, 1 fichier illisible" in done.stdout
    assert f"{BROKEN} : JSON invalide" in done.stdout
    assert "8 500,00 € dont 4 000,00 € accordés" in done.stdout.replace("\u202f", " ").replace("\xa0", " ")


def test_partner_note_pdf_and_xlsx(folder, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    before = {p: p.read_bytes() for p in folder.rglob("*.parcours")}
    pdf, xlsx = tmp_path / "note.pdf", tmp_path / "note.xlsx"
    assert run_cli("portfolio", str(folder), "--partner", "conseil departemental de la MANCHE", "-o", str(pdf)
                   ).returncode == 0
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Note de remontée" in text and DEPARTMENT in text and "8 500,00" in text.replace("\u202f", " ")
    assert "Difficulté récurrente" in text
    assert run_cli("portfolio", str(folder), "--partner", DEPARTMENT, "-o", str(xlsx)).returncode == 0
    book = load_workbook(xlsx)
    assert book["Sujets"]["A6"].value == TOPIC
    amounts = [row[3] for row in book["Financements"].iter_rows(min_row=6, max_row=7, values_only=True)]
    assert [Decimal(str(a)) for a in amounts] == [Decimal("4000"), Decimal("4500")]
    assert {p: p.read_bytes() for p in folder.rglob("*.parcours")} == before


@pytest.mark.parametrize("arguments, message", [
    (["--partner", "Inconnu", "-o", "note.pdf"], "aucun partenaire « Inconnu »"),
    (["--partner", DEPARTMENT, "-o", "note.docx"], "doit se terminer par .pdf ou .xlsx"),
    (["--partner", DEPARTMENT], "demande à la fois --partner NOM et -o SORTIE"),
])
def test_bad_requests_exit_2_with_one_french_line(folder, tmp_path, arguments, message):
    arguments = [str(tmp_path / a) if a.startswith("note.") else a for a in arguments]
    done = run_cli("portfolio", str(folder), *arguments)
    assert done.returncode == 2 and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert not list(tmp_path.glob("note.*"))


def test_a_missing_folder_exits_2(tmp_path):
    done = run_cli("portfolio", str(tmp_path / "absent"))
    assert done.returncode == 2 and "ce dossier n'existe pas" in done.stderr
