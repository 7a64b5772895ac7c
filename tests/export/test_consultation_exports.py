"""The cahier des charges and the offers compared (PDF, XLSX with formulas and their results)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from parcours_designer.export.registry import EXPORT_KINDS, ExportError
from parcours_designer.model.consultations import Offer, weighted_score

from .helpers import HOSTILE_TITLE, flat, pdf_reader, pdf_text


def specifications(pathway, consultation_id="cs1") -> str:
    return flat(pdf_text(EXPORT_KINDS["specifications"].render(pathway, ".pdf", consultation_id=consultation_id)))


def test_specifications_say_what_is_bought_why_and_how_to_answer(example):
    text = specifications(example)
    for expected in ("Cahier des charges", "Lot 1 – Stratégie de diffusion", "Date limite de réponse : lundi 22 février 2027",
                     "1. Contexte", "Le diagnostic territorial du DLA de la Manche",  # the pathway's summary
                     "Structures concernées", "Compagnies de spectacle vivant",
                     "Concevoir et animer l'atelier collectif sur la stratégie de diffusion",  # the description
                     "Besoins et objectifs visés", "Structurer la stratégie de diffusion (haute)",
                     "Étape 1 : Atelier collectif n° 1 : stratégie de diffusion", "Collectif", "Présentiel",
                     "Trame de plan de diffusion", "Théâtre de la Halle, Coutances",
                     "du mardi 16 mars 2027 au mercredi 17 mars 2027",  # dates of the computed schedule
                     "Étape 3 : Suivi à six mois : points individuels",
                     "Le budget maximal consacré à ces prestations est de 10 000,00 €",
                     "Critères de sélection des offres", "Compréhension des besoins des structures 3 30,0 %",
                     "Prix 2 20,0 %", "Date limite de réception des offres : lundi 22 février 2027",
                     "CV des intervenant·e·s", "Sophie Marchand", "sophie.marchand@dla-manche.example.fr"):
        assert expected in text, expected
    assert "Lot 2" not in text and "Atelier collectif n° 2" not in text  # only the consultation asked for
    assert "Cabinet Tandem Culture" not in text  # the offers are not the providers' business


def test_participants_of_each_phase_bought_are_given(example):
    text = specifications(example)
    assert "Participant·e·s attendu·e·s 12" in text


def test_ceiling_hidden_unless_the_officer_shows_it(example):
    example.consultations[0].show_budget_ceiling = False
    text = specifications(example)
    assert "10 000,00" not in text and "Budget" not in text.split("Critères")[0].split("Prestations attendues")[1]


def test_without_an_id_every_consultation_follows_the_other(example):
    text = specifications(example, None)
    assert "Lot 1 – Stratégie de diffusion" in text and "Lot 2 – Modèle économique" in text
    assert text.index("Lot 1") < text.index("Lot 2")


def test_a_consultation_still_empty_says_what_is_missing(example):
    from parcours_designer.model.consultations import Consultation

    example.consultations.append(Consultation(id="cs9", title="Lot vide"))
    text = specifications(example, "cs9")
    for expected in ("L'objet de la consultation n'est pas encore rédigé.",
                     "La consultation ne nomme encore aucune étape à acheter.",
                     "Les critères de sélection ne sont pas encore définis.",
                     "La date limite de réponse n'est pas encore fixée."):
        assert expected in text, expected


def test_user_text_prints_literally(example):
    example.consultations[0].title = HOSTILE_TITLE
    example.consultations[0].response_instructions = "Réponse <b>avant</b> & après <img src='x'/>"
    text = specifications(example)
    assert HOSTILE_TITLE in text and "Réponse <b>avant</b> & après <img src='x'/>" in text


def test_offers_pdf_ranks_by_weighted_score_and_marks_the_choice(example):
    text = flat(pdf_text(EXPORT_KINDS["offers"].render(example, ".pdf", consultation_id="cs1")))
    assert "Comparaison des offres" in text and "Lot 1 – Stratégie de diffusion" in text
    assert "C1 Compréhension des besoins des structures 3" in text
    first = text.index("1 Cabinet Tandem Culture")
    second = text.index("2 Julien Lefèvre – Conseil ESS")
    assert first < second
    assert "4,30 / 5 Retenue" in text and "3,50 / 5" in text
    assert "Offre retenue : Cabinet Tandem Culture (9 450,00 €), classée 1re." in text
    assert "Méthode éprouvée auprès de compagnies" in text


def test_equal_scores_rank_the_lower_amount_first(example):
    consultation = example.consultations[0]
    consultation.offers[1].scores = dict(consultation.offers[0].scores)
    text = flat(pdf_text(EXPORT_KINDS["offers"].render(example, ".pdf", consultation_id="cs1")))
    assert text.index("1 Julien Lefèvre – Conseil ESS") < text.index("2 Cabinet Tandem Culture")
    assert "Offre retenue : Cabinet Tandem Culture (9 450,00 €), classée 2e." in text
    assert "pas la mieux notée" not in text  # a tie on the score: either choice is the best


def test_a_choice_below_the_best_states_its_reason_or_its_absence(example):
    consultation = example.consultations[0]
    consultation.selected_offer_id = "of2"
    text = flat(pdf_text(EXPORT_KINDS["offers"].render(example, ".pdf", consultation_id="cs1")))
    assert "Offre retenue : Julien Lefèvre – Conseil ESS (8 900,00 €), classée 2e." in text
    assert "Elle n'est pas la mieux notée et aucun motif de ce choix n'est écrit." in text
    consultation.selection_reason = "Disponibilité aux dates des ateliers."
    text = flat(pdf_text(EXPORT_KINDS["offers"].render(example, ".pdf", consultation_id="cs1")))
    assert "motif du choix : Disponibilité aux dates des ateliers." in text


def test_many_criteria_take_a_landscape_page(example):
    from parcours_designer.model.consultations import Criterion

    consultation = example.consultations[0]
    consultation.criteria += [Criterion(id=f"k{n}", label=f"Critère {n}", weight=1) for n in range(5, 9)]
    page = pdf_reader(EXPORT_KINDS["offers"].render(example, ".pdf", consultation_id="cs1")).pages[0]
    assert page.mediabox.width > page.mediabox.height


def offers_books(example, consultation_id=None):
    data = EXPORT_KINDS["offers"].render(example, ".xlsx", consultation_id=consultation_id)
    return load_workbook(io.BytesIO(data)), load_workbook(io.BytesIO(data), data_only=True)


def test_offers_xlsx_holds_formulas_and_their_results(example):
    formulas, values = offers_books(example)
    assert formulas.sheetnames == ["Lot 1 – Stratégie de diffusion", "Lot 2 – Modèle économique, gouv"]
    sheet, cached = formulas.worksheets[0], values.worksheets[0]
    assert [sheet.cell(4, c).value for c in range(1, 5)] == ["Rang", "Prestataire", "Reçue le", "Montant"]
    assert [sheet.cell(5, c).value for c in range(5, 9)] == [3, 3, 2, 2]  # the weights
    assert sheet["B6"].value == "Cabinet Tandem Culture" and sheet["J6"].value == "Retenue"
    assert sheet["I6"].value.startswith("=IF(COUNT(E6:H6)=0") and "SUMPRODUCT($E$5:$H$5,E6:H6)" in sheet["I6"].value
    assert cached["I6"].value == pytest.approx(4.3) and cached["I7"].value == pytest.approx(3.5)
    assert cached["D6"].value == 9450 and sheet["D6"].number_format.endswith('"€"')
    assert sheet["J7"].value in (None, "")


def test_cached_score_is_the_models_even_on_a_half_cent(example):
    consultation = example.consultations[0]
    offer = consultation.offers[0]
    offer.scores = {"k1": 5, "k2": 4, "k3": 4, "k4": 3}  # weights 3, 3, 2, 2 and a score dropped below
    offer.scores.pop("k4")
    assert weighted_score(consultation, offer) == Decimal("4.38")  # 35 / 8 = 4.375, rounded half up
    _formulas, values = offers_books(example, "cs1")
    assert values.active["I6"].value == pytest.approx(4.38)
    assert values.active["H6"].value is None  # not scored: an empty cell, not a zero


def test_an_unscored_offer_has_an_empty_result_and_comes_last(example):
    example.consultations[0].offers.append(Offer(id="of9", partner_id="p3", amount=Decimal("100.00")))
    formulas, values = offers_books(example, "cs1")
    assert formulas.active["B8"].value == "Pôle régional du spectacle vivant"
    assert values.active["I8"].value in (None, "")


def test_offers_xlsx_keeps_user_text_as_text(example):
    example.partners[0].name = '=HYPERLINK("http://example.invalid","clic")'
    example.consultations[0].offers[0].notes = "+SUM(A1:A2)\x01"
    formulas, _values = offers_books(example, "cs1")
    cells = {c.value: c for row in formulas.active.iter_rows() for c in row if isinstance(c.value, str)}
    assert cells['=HYPERLINK("http://example.invalid","clic")'].data_type == "s"
    assert cells["+SUM(A1:A2)"].data_type == "s"


def test_unknown_or_misplaced_consultation_is_refused(example, tmp_path):
    with pytest.raises(ExportError, match="la consultation d'identifiant « zz » n'existe pas"):
        EXPORT_KINDS["offers"].write(example, tmp_path / "o.xlsx", consultation_id="zz")
    with pytest.raises(ExportError, match="l'option --consultation n'a pas de sens"):
        EXPORT_KINDS["plan"].write(example, tmp_path / "p.pdf", consultation_id="cs1")
    assert list(tmp_path.iterdir()) == []
