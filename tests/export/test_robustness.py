"""A cycle, no dates at all, or only a title: every kind still exports a valid document."""

from __future__ import annotations

import io
import time
from xml.etree import ElementTree as ET

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from PIL import Image

from parcours_designer.export.registry import EXPORT_KINDS, ExportError

from .helpers import ODD_PATHWAYS, flat, kind_options, pdf_text

# A pathway with only a title has no consultation: those documents are refused (see below).
CASES = [(name, kind, suffix) for name in ODD_PATHWAYS for kind, export in EXPORT_KINDS.items()
         for suffix in export.suffixes if not export.needs_questionnaire  # questionnaires: their own tests
         and not (name == "title-only" and export.accepts_consultation)]


def check_valid(data: bytes, suffix: str) -> str:
    """Parse the document; return its text where it has one."""
    if suffix == ".pdf":
        return flat(pdf_text(data))
    if suffix == ".png":
        Image.open(io.BytesIO(data)).verify()
        return ""
    if suffix in (".svg", ".xml"):
        ET.fromstring(data)
        return ""
    if suffix == ".xlsx":
        load_workbook(io.BytesIO(data))
        return ""
    if suffix == ".ics":
        Calendar.from_ical(data)
        return ""
    return data.decode("utf-8-sig")


# Refused with one French message rather than written invalid: a calendar with no
# event (RFC 5545), a project whose links loop (MS Project).
REFUSED = {("undated", "ics"), ("title-only", "ics"), ("cycle", "mspdi")}


@pytest.mark.parametrize("name, kind, suffix", CASES, ids=[f"{n}-{k}{s}" for n, k, s in CASES])
def test_exports_stay_valid(name, kind, suffix):
    pathway = ODD_PATHWAYS[name]()
    started = time.monotonic()
    if (name, kind) in REFUSED:
        with pytest.raises(ExportError):
            EXPORT_KINDS[kind].render(pathway, suffix)
        return
    data = EXPORT_KINDS[kind].render(pathway, suffix)
    assert time.monotonic() - started < 30
    assert data
    check_valid(data, suffix)


@pytest.mark.parametrize("kind", [k for k, e in EXPORT_KINDS.items() if e.accepts_consultation])
def test_documents_of_a_consultation_are_refused_without_any(kind):
    with pytest.raises(ExportError, match="ce parcours ne contient aucune consultation de prestataires"):
        EXPORT_KINDS[kind].render(ODD_PATHWAYS["title-only"](), EXPORT_KINDS[kind].default_suffix)


def test_plan_says_what_is_missing():
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(ODD_PATHWAYS["title-only"](), ".pdf")))
    for expected in ("Parcours à construire", "Territoire : non renseigné",
                     "Le contexte du parcours n'est pas encore rédigé.", "Aucun public n'est encore défini.",
                     "Ni besoin ni objectif n'est encore défini.", "Aucune étape n'est encore définie.",
                     "Aucune étape datée : le calendrier ne peut pas être tracé.",
                     "Budget vide", "Aucun indicateur", "Aucun risque"):
        assert expected in text, expected


def test_gantt_pdf_of_undated_pathway_names_the_phases():
    text = flat(pdf_text(EXPORT_KINDS["gantt"].render(ODD_PATHWAYS["undated"](), ".pdf")))
    assert "Étapes non représentées sur le diagramme" in text
    # the reasons of the schedule: a milestone has a duration (one day) but no date to start from
    assert "Réunion d'accueil et présentation du parcours non placée (aucune date de départ" in text
    assert "Diagnostic partagé (entretiens individuels) non datée (ni dates ni durée)" in text
    assert "Comité d'appui de clôture non placée" in text  # every phase, not the first few
    assert "Aucune date" in text


def test_gantt_pdf_of_a_cycle_warns():
    text = flat(pdf_text(EXPORT_KINDS["gantt"].render(ODD_PATHWAYS["cycle"](), ".pdf")))
    assert "1 cycle de dépendances" in text


def test_evaluation_of_title_only_pathway():
    text = flat(pdf_text(EXPORT_KINDS["evaluation"].render(ODD_PATHWAYS["title-only"](), ".pdf")))
    assert "Aucun objectif n'est encore défini." in text and "Aucun questionnaire" in text


@pytest.mark.parametrize("kind, suffix", [(k, s) for k, e in EXPORT_KINDS.items() for s in e.suffixes])
def test_hostile_text_never_breaks_an_export(kind, suffix):
    from .helpers import hostile_pathway

    pathway = hostile_pathway()
    pathway.phases[2].deliverables.append("Affiche 🎭 \x07 « spéciale » $\\frac{1}{2}$")
    pathway.costs[1].label = "Atelier\x0b «\x00 diffusion »"
    pathway.partners[1].name = "Conseil\x1f ESS"
    pathway.questionnaires[0].questions[0].text = "Question\x0b «\x00 <b>avis</b> » 🎭"
    data = EXPORT_KINDS[kind].render(pathway, suffix, **kind_options(EXPORT_KINDS[kind], pathway))
    check_valid(data, suffix)
    if suffix == ".svg":
        assert b"<script" not in data
