"""Adversarial review: hostile text, huge fields, odd dates, unsafe outputs — each a defect found and fixed."""

from __future__ import annotations

import re
import time

import pytest
from icalendar import Calendar

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.pathway import Pathway

from .helpers import EXAMPLE, flat, pdf_reader

LONG_WORD = "Anticonstitutionnellement" * 200  # 5,000 characters, no space


def example_data() -> dict:
    return load_pathway(EXAMPLE).model_dump()


def long_word_pathway() -> Pathway:
    """One 5,000-character word in every field that lands in a narrow PDF table cell."""
    data = example_data()
    data["costs"][0]["label"] = LONG_WORD
    data["costs"][0]["unit"] = LONG_WORD
    data["funding"][0]["label"] = LONG_WORD
    data["phases"][1]["location"] = LONG_WORD
    data["phases"][1]["deliverables"] = [LONG_WORD]
    data["partners"][0]["role"] = LONG_WORD
    data["partners"][0]["contact"]["email"] = LONG_WORD
    data["indicators"][0]["label"] = LONG_WORD
    data["indicators"][0]["method"] = LONG_WORD
    data["audiences"][0]["name"] = LONG_WORD
    data["risks"][0]["mitigation"] = LONG_WORD
    return Pathway.model_validate(data)


@pytest.mark.parametrize("kind, partner", [("budget", None), ("plan", None), ("plan", "p1"),
                                           ("evaluation", None)])
def test_a_table_cell_taller_than_a_page_continues_on_the_next(kind, partner):
    started = time.monotonic()
    data = EXPORT_KINDS[kind].render(long_word_pathway(), ".pdf", partner)
    assert time.monotonic() - started < 60
    text = "".join(flat(page.extract_text()).replace(" ", "") for page in pdf_reader(data).pages)
    assert "Anticonstitutionnellement" * 8 in text  # printed, cut only at line ends


def ics_events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_ics_survives_carriage_returns_and_control_characters():
    data = example_data()
    data["title"] = "Parcours\r2027\n, Manche;\x1b"  # a raw line break made icalendar assert
    data["phases"][0]["title"] = "Accueil\rdes structures\x00"
    data["phases"][0]["location"] = "Salle\x07 A, étage 2; porte \\ droite"
    data["phases"][0]["deliverables"] = ["Compte rendu\r\nsigné\x0c", "Fiche\rcontact"]
    ics = EXPORT_KINDS["ics"].render(Pathway.model_validate(data), ".ics")
    lines = ics.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", ics.replace(b"\r\n", b""))
    assert b"X-WR-CALNAME:Parcours\\n2027\\n\\, Manche\\;\r\n" in ics
    first = ics_events(ics)[0]
    assert str(first["summary"]) == "Accueil\ndes structures"
    assert str(first["location"]) == "Salle A, étage 2; porte \\ droite"  # , ; \ escaped and read back
    assert "Compte rendu\nsigné" in str(first["description"]) and "Fiche\ncontact" in str(first["description"])


def test_header_of_a_huge_title_is_cut_quickly():
    from parcours_designer.export import fonts
    from parcours_designer.export.pdf_doc import fit_text

    fonts.register_reportlab_fonts()
    started = time.monotonic()
    for _page in range(20):
        cut = fit_text(LONG_WORD + " fin", fonts.REGULAR, 8, 300.0)
    assert time.monotonic() - started < 1.0  # was ~0.9 s a page: 20 pages took 18 s
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert cut.endswith("…") and stringWidth(cut, fonts.REGULAR, 8) <= 300.0
    assert stringWidth(LONG_WORD[: len(cut)] + "…", fonts.REGULAR, 8) > 300.0  # the longest that fits
