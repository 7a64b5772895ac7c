"""One registry for the menu and the command line: checks, atomic writes, French errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from parcours_designer.cli import main
from parcours_designer.export.registry import EXPORT_KINDS, ExportError, export_kind

from .helpers import EXAMPLE

EXPECTED = {"gantt": (".png", ".svg", ".pdf"), "budget": (".xlsx", ".csv", ".pdf"), "plan": (".pdf",),
            "evaluation": (".pdf",), "ics": (".ics",), "mspdi": (".xml",),
            "questionnaire": (".pdf", ".txt"), "specifications": (".pdf",),
            "offers": (".pdf", ".xlsx"), "financial-report": (".pdf", ".xlsx"), "map": (".pdf", ".svg", ".png")}


def test_kinds_and_suffixes():
    assert {k: v.suffixes for k, v in EXPORT_KINDS.items()} == EXPECTED
    assert [k for k, v in EXPORT_KINDS.items() if v.accepts_partner] == ["plan", "ics", "financial-report"]
    assert [k for k, v in EXPORT_KINDS.items() if v.accepts_consultation] == ["specifications", "offers"]
    assert EXPORT_KINDS["gantt"].file_filter() == "Diagramme de Gantt (*.png *.svg *.pdf)"


def test_importing_the_registry_loads_no_heavy_library():
    code = ("import sys, parcours_designer.export.registry, parcours_designer.cli; "
            "print([m for m in ('matplotlib', 'reportlab', 'openpyxl', 'icalendar', 'PIL', 'xlsxwriter', 'networkx') "
            "if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_wrong_suffix_unknown_partner_and_unknown_kind(example, tmp_path):
    with pytest.raises(ExportError, match=r"doit se terminer par \.pdf \(reçu : « \.docx »\)"):
        EXPORT_KINDS["plan"].write(example, tmp_path / "plan.docx")
    with pytest.raises(ExportError, match="« zz » n'existe pas"):
        EXPORT_KINDS["ics"].write(example, tmp_path / "c.ics", "zz")
    with pytest.raises(ExportError, match="n'a pas de sens"):
        EXPORT_KINDS["mspdi"].write(example, tmp_path / "p.xml", "p1")
    with pytest.raises(ExportError, match="type d'export inconnu"):
        export_kind("word")
    assert list(tmp_path.iterdir()) == []


def test_write_replaces_an_older_export_atomically(example, tmp_path):
    target = tmp_path / "calendrier.ics"
    target.write_bytes(b"ancien")
    EXPORT_KINDS["ics"].write(example, target)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["calendrier.ics"]  # no temporary file left


def run_cli(capsys, *args):
    status = main(["export", *map(str, args)])
    return status, capsys.readouterr().err


def test_cli_writes_the_document(capsys, tmp_path):
    status, err = run_cli(capsys, "plan", EXAMPLE, "-o", tmp_path / "plan.pdf", "--partner", "p2")
    assert status == 0 and err == ""
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")


def test_cli_budget_in_whole_euros(capsys, tmp_path):
    status, _ = run_cli(capsys, "budget", EXAMPLE, "-o", tmp_path / "b.csv", "--whole-euros")
    assert status == 0
    assert ";26728\r\n" in (tmp_path / "b.csv").read_bytes().decode("utf-8-sig")


def test_cli_gantt_on_a3_portrait(capsys, tmp_path):
    status, _ = run_cli(capsys, "gantt", EXAMPLE, "-o", tmp_path / "g.pdf", "--paper", "A3", "--orientation", "portrait")
    assert status == 0
    from pypdf import PdfReader

    box = PdfReader(tmp_path / "g.pdf").pages[0].mediabox
    assert round(box.height) == 1191 and box.width < box.height


def test_cli_gantt_grouped_by_objective(capsys, tmp_path):
    status, _ = run_cli(capsys, "gantt", EXAMPLE, "-o", tmp_path / "g.svg", "--group-by", "objective")
    assert status == 0 and b"<svg" in (tmp_path / "g.svg").read_bytes()


@pytest.mark.parametrize("args, message", [
    (("plan", EXAMPLE, "-o", "{tmp}/plan.odt"), "doit se terminer par .pdf"),
    (("ics", EXAMPLE, "-o", "{tmp}/c.ics", "--partner", "p99"), "« p99 » n'existe pas"),
    (("gantt", EXAMPLE, "-o", "{tmp}/absent/g.png"), "n'existe pas"),
    (("budget", "{tmp}/absent.parcours", "-o", "{tmp}/b.xlsx"), "introuvable"),
    (("budget", EXAMPLE, "-o", "{tmp}/b.csv", "--group-by", "partner"), "ne s'applique qu'au diagramme"),
    (("plan", EXAMPLE, "-o", "{tmp}/p.pdf", "--whole-euros"), "ne s'applique qu'au budget"),
    (("plan", EXAMPLE, "-o", "{tmp}/p.pdf", "--paper", "A3"), "ne s'applique qu'au diagramme de Gantt"),
    (("plan", EXAMPLE, "-o", "{tmp}/p.pdf", "--no-vigilance-points"), "ne s'applique qu'à la synthèse"),
])
def test_cli_refuses_in_french_and_writes_nothing(capsys, tmp_path, args, message):
    filled = [str(a).replace("{tmp}", str(tmp_path)) for a in args]
    status, err = run_cli(capsys, *filled)
    assert status == 2 and message in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_cli_output_is_a_folder(capsys, tmp_path):
    status, err = run_cli(capsys, "ics", EXAMPLE, "-o", tmp_path)
    assert status == 2 and "c'est un dossier" in err


def test_a_failing_write_is_one_french_message(capsys, tmp_path, monkeypatch):
    def refuse(path, data, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("parcours_designer.export.registry.atomic_write", refuse)
    status, err = run_cli(capsys, "ics", EXAMPLE, "-o", tmp_path / "c.ics")
    assert status == 2 and "écriture non autorisée" in err
    assert list(tmp_path.iterdir()) == []
