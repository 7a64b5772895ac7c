"""``export specifications | offers | financial-report`` on the command line: files, exit codes, French errors."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from parcours_designer.cli import main
from tests.export.helpers import EXAMPLE, flat, pdf_text


def run(capsys, *args):
    status = main(["export", *map(str, args)])
    captured = capsys.readouterr()
    return status, captured.err


@pytest.mark.parametrize("kind, name, extra", [
    ("specifications", "cdc.pdf", ["--consultation", "cs2"]),
    ("offers", "offres.pdf", ["--consultation", "cs2"]),
    ("offers", "offres.xlsx", []),
    ("financial-report", "crf.pdf", []),
    ("financial-report", "crf.xlsx", ["--partner", "p4"]),
])
def test_each_document_is_written(capsys, tmp_path, kind, name, extra):
    status, err = run(capsys, kind, EXAMPLE, "-o", tmp_path / name, *extra)
    assert (status, err) == (0, "")
    data = (tmp_path / name).read_bytes()
    if name.endswith(".pdf"):
        text = flat(pdf_text(data))
        if "--consultation" in extra:
            assert "Lot 2 – Modèle économique" in text and "Lot 1" not in text
    else:
        assert load_workbook(io.BytesIO(data)).sheetnames


def test_offers_of_every_consultation_without_the_option(capsys, tmp_path):
    status, _err = run(capsys, "offers", EXAMPLE, "-o", tmp_path / "o.xlsx")
    assert status == 0
    assert len(load_workbook(tmp_path / "o.xlsx").sheetnames) == 2


@pytest.mark.parametrize("args, message", [
    (["specifications", "-o", "c.pdf", "--consultation", "cs9"],
     "la consultation d'identifiant « cs9 » n'existe pas dans ce parcours (identifiants connus : cs1, cs2)"),
    (["specifications", "-o", "c.xlsx", "--consultation", "cs1"], "doit se terminer par .pdf"),
    (["offers", "-o", "o.docx"], "Comparaison des offres : le fichier de sortie doit se terminer par .pdf, .xlsx"),
    (["financial-report", "-o", "r.pdf", "--consultation", "cs1"], "l'option --consultation n'a pas de sens"),
    (["financial-report", "-o", "r.pdf", "--partner", "p1"], "ne finance pas ce parcours"),
    (["financial-report", "-o", "r.pdf", "--partner", "p99"], "« p99 » n'existe pas"),
])
def test_refusals_are_one_french_line_and_write_nothing(capsys, tmp_path, args, message):
    kind, *rest = args
    rest = [str(tmp_path / a) if a.endswith((".pdf", ".xlsx", ".docx")) else a for a in rest]
    status, err = run(capsys, kind, EXAMPLE, *rest)
    assert status == 2
    assert message in err and err.startswith("parcours-designer : ") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_pathway_without_consultation_is_refused_for_the_specifications(capsys, tmp_path):
    source = tmp_path / "vide.parcours"
    source.write_text('{"format": "parcours-designer", "format_version": 2, "pathway": {"title": "X"}}',
                      encoding="utf-8")
    status, err = run(capsys, "specifications", source, "-o", tmp_path / "c.pdf")
    assert status == 2 and "ce parcours ne contient aucune consultation" in err
    assert not (tmp_path / "c.pdf").exists()
