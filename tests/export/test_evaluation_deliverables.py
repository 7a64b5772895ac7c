"""Issue 16: « Livrables des prestataires » in the evaluation summary, late and refused ones flagged."""

from __future__ import annotations

from datetime import date

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.entities import Deliverable
from parcours_designer.model.enums import DeliverableStatus

from .helpers import HOSTILE_TITLE, flat, pdf_text


def _summary(pathway, **options) -> str:
    return flat(pdf_text(EXPORT_KINDS["evaluation"].render(pathway, ".pdf", **options)))


def test_each_deliverable_with_its_status_late_and_refused_ones_flagged(example):
    text = _summary(example, today=date(2027, 1, 11))
    section = text.split("Livrables des prestataires", 1)[1].split("Questionnaires et réponses", 1)[0]
    assert "17 livrables : 15 attendus, 1 accepté, 1 refusé ; 1 en retard." in section
    assert "Étape Livrable Statut Reçu le Observations" in section
    assert ("Plan de diffusion sur trois saisons par structure Accepté 14/06/2027 En retard : reçu 3 jours après "
            "la fin de l'étape Remis le lundi suivant la dernière séance") in section
    assert ("Plan de financement à trois ans Refusé 16/06/2027 Hypothèses de subventions non sourcées : "
            "nouvelle version demandée pour le 2 juillet") in section  # « Refusé » once, in its column
    assert "Charte d'engagement des structures Attendu — —" in section
    assert section.index("Charte d'engagement") < section.index("Rapport final aux financeurs")


def test_what_is_still_awaited_is_late_once_followed(example):
    example.baseline_saved_on = date(2027, 1, 11)
    text = _summary(example, today=date(2027, 3, 1))
    assert "Charte d'engagement des structures Attendu — En retard : attendu depuis 42 jours" in text
    assert "4 en retard." in text  # ph1's, ph2's two, ph6's received late; ph3 ends on 4 March


def test_the_comment_is_printed_as_written(example):
    example.phases[0].deliverables = [Deliverable(title="Charte", status=DeliverableStatus.REFUSED,
                                                  comment=HOSTILE_TITLE)]
    assert f"Refusé — {HOSTILE_TITLE}" in _summary(example)


def test_a_date_of_reception_says_received_in_the_summary(example):
    example.phases[0].deliverables = [Deliverable(title="Charte", received_on=date(2027, 1, 20))]
    assert "Charte Reçu 20/01/2027" in _summary(example, today=date(2027, 3, 1))


def test_no_section_without_deliverables(example):
    for phase in example.phases:
        phase.deliverables = []
    text = _summary(example)
    assert "Livrables des prestataires" not in text and "Participation par étape" in text
