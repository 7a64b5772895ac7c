"""Text pasted from anywhere: formulas, markup, control characters, endless words.

Every kind of document still builds, prints the text literally, and stays a
valid file for the program that opens it.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from icalendar import Calendar

from parcours_designer.export.registry import EXPORT_KINDS, ExportError
from parcours_designer.model.fileformat import save_pathway

from .helpers import kind_options, pdf_text

TITLE = '=HYPERLINK("http://x","clic") R&D <b>x</b> & Cie <script> $x^2$ \x01fin'
ENDLESS = "A" * 3000


@pytest.fixture
def hostile(example):
    example.title = TITLE
    example.costs[0].label = "=1+1"
    example.costs[1].label = "+SUM(A1:A2)"
    example.funding[0].label = "@cmd"
    example.phases[0].title = "Budget $x$ <para> &amp; \u202e droite"
    example.phases[1].title = ENDLESS
    example.needs[0].title = ENDLESS
    return example


@pytest.mark.parametrize("kind,suffix", [(k.kind, s) for k in EXPORT_KINDS.values() for s in k.suffixes])
def test_every_document_builds(hostile, kind, suffix):
    data = EXPORT_KINDS[kind].render(hostile, suffix, **kind_options(EXPORT_KINDS[kind], hostile))
    assert data
    if suffix in (".csv", ".svg", ".ics", ".xml"):  # text formats: no control character left
        assert b"\x01" not in data


@pytest.mark.parametrize("kind", ["plan", "evaluation", "budget"])
def test_pdfs_print_user_text_literally_even_an_endless_word(hostile, kind):
    text = pdf_text(EXPORT_KINDS[kind].render(hostile, ".pdf"))
    assert 'R&D <b>x</b> & Cie <script> $x^2$' in text
    if kind == "plan":
        assert "AAAAAAAAAAAAAAAAAAAA" in text


def test_spreadsheets_keep_formulas_as_text(hostile):
    book = openpyxl.load_workbook(io.BytesIO(EXPORT_KINDS["budget"].render(hostile, ".xlsx")))
    cells = [c for row in book.active.iter_rows() for c in row if isinstance(c.value, str)]
    for shown in ("=1+1", "+SUM(A1:A2)"):
        found = [c for c in cells if shown in c.value]
        assert found and all(c.data_type == "s" for c in found), shown
    assert "\x01" not in book.properties.title
    rows = list(csv.reader(io.StringIO(EXPORT_KINDS["budget"].render(hostile, ".csv").decode("utf-8-sig")),
                           delimiter=";"))
    labels = {row[3] for row in rows if len(row) > 3}
    assert "'=1+1" in labels and "'+SUM(A1:A2)" in labels


def test_calendar_and_project_stay_valid(hostile):
    calendar = Calendar.from_ical(EXPORT_KINDS["ics"].render(hostile, ".ics"))
    assert len(calendar.walk("VEVENT")) == 13
    ET.fromstring(EXPORT_KINDS["mspdi"].render(hostile, ".xml"))


def test_an_export_never_replaces_the_pathway_file(tmp_path, example):
    source = tmp_path / "plan.pdf"
    save_pathway(example, source)
    before = source.read_bytes()
    with pytest.raises(ExportError, match="le fichier du parcours lui-même"):
        EXPORT_KINDS["plan"].write(example, source, source=source)
    assert source.read_bytes() == before


def test_a_renderer_defect_becomes_a_french_error(example, monkeypatch):
    from dataclasses import replace

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(EXPORT_KINDS, "evaluation", replace(EXPORT_KINDS["evaluation"], renderer=broken))
    with pytest.raises(ExportError, match="n'a pas pu être produit"):
        EXPORT_KINDS["evaluation"].render(example, ".pdf")
