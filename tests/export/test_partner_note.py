"""The note de remontée: user text printed literally, amounts to the cent, nothing written on failure."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from parcours_designer.export.partner_note import render_pdf, render_xlsx, write_partner_note
from parcours_designer.export.registry import ExportError
from parcours_designer.model import Funding, Partner, Pathway, Topic
from parcours_designer.model.portfolio import Portfolio
from parcours_designer.model.portfolio_note import partner_note
from parcours_designer.model.portfolio_summary import summarise

HOSTILE = "R&D <b>gras</b> <img src='x'/> & Cie"


def hostile_portfolio() -> Portfolio:
    pathway = Pathway(title="Parcours <i>test</i>", edition="2027",
                      partners=[Partner(id="p1", name=HOSTILE)],
                      funding=[Funding(id="f1", account="74", partner_id="p1", amount="1234.56")],
                      review={"topics_to_report": [Topic(text="Sujet <script>alert(1)</script>", partner_ids=["p1"])]})
    return Portfolio([summarise(pathway, "a/b.parcours", 90)])


def test_pdf_prints_user_text_literally():
    from pypdf import PdfReader

    note = partner_note(hostile_portfolio(), HOSTILE)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(note, "dossier"))).pages)
    assert HOSTILE in text and "Sujet <script>alert(1)</script>" in text and "Parcours <i>test</i>" in text
    assert "1 234,56" in text.replace("\u202f", " ").replace("\xa0", " ")


def test_xlsx_keeps_text_as_text_and_amounts_as_numbers():
    from openpyxl import load_workbook

    note = partner_note(hostile_portfolio(), HOSTILE)
    book = load_workbook(io.BytesIO(render_xlsx(note, "dossier")))
    assert book["Sujets"]["A6"].value == "Sujet <script>alert(1)</script>"
    assert float(book["Financements"]["D6"].value) == 1234.56
    assert book["Financements"]["D7"].value == "=SUM(D6:D6)"
    cached = load_workbook(io.BytesIO(render_xlsx(note, "dossier")), data_only=True)
    assert float(cached["Financements"]["D7"].value) == 1234.56  # the total's result is stored with it


def test_a_wrong_suffix_writes_nothing(tmp_path: Path):
    note = partner_note(hostile_portfolio(), HOSTILE)
    with pytest.raises(ExportError, match=r"\.pdf ou \.xlsx"):
        write_partner_note(note, tmp_path / "note.odt", "dossier")
    assert list(tmp_path.iterdir()) == []
