"""The compte rendu financier (CERFA n°15059): forecast, actual and differences by group, PDF and XLSX."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from parcours_designer.export.financial_report import financial_report
from parcours_designer.export.registry import EXPORT_KINDS, ExportError
from parcours_designer.model.budget import cost_amount

from .helpers import flat, pdf_text

EXPLANATION = "Un accompagnement individuel a été écourté : une structure a quitté le parcours."


@pytest.fixture
def reported(example):
    """The example once spent: as forecast but for a shorter support, cheaper travel, no meals, fewer fees."""
    for cost in example.costs:
        cost.actual_amount = cost_amount(cost)
    costs = example.index("costs")
    costs["c4"].actual_amount = Decimal("5600.00")
    costs["c10"].actual_amount = Decimal("310.00")
    costs["c11"].actual_amount = Decimal("0.00")
    for funding in example.funding:
        funding.actual_amount = funding.amount
    example.index("funding")["f4"].actual_amount = Decimal("1050.00")
    example.variance_explanations = {"62": EXPLANATION}
    return example


def report_text(pathway, partner=None) -> str:
    return flat(pdf_text(EXPORT_KINDS["financial-report"].render(pathway, ".pdf", partner)))


def test_groups_in_the_forms_order_with_forecast_actual_and_differences(reported):
    text = report_text(reported)
    assert "CERFA n°15059" in text and "Compte rendu financier" in text
    assert "62 Autres services extérieurs 22 948,00 € 20 740,00 € -2 208,00 € -9,6 %" in text
    assert "6251 Déplacements des intervenant·e·s 924,00 € 310,00 € -614,00 € -66,5 %" in text
    assert "TOTAL DES CHARGES 26 728,00 € 24 520,00 € -2 208,00 € -8,3 %" in text
    assert "70 Vente de produits finis, de marchandises, prestations de services 1 500,00 € 1 050,00 € " \
           "-450,00 € -30,0 %" in text
    assert "TOTAL DES PRODUITS 26 728,00 € 26 278,00 € -450,00 € -1,7 %" in text
    # the form's groups in order (the budget's CERFA layout), even empty ones; contributions in kind
    # after the totals, by sub-account
    order = ["60 Achats", "61 Services extérieurs", "62 Autres", "63 Impôts", "64 Charges de personnel",
             "68 Dotation", "Charges indirectes affectées à l'action", "TOTAL DES CHARGES",
             "86 Emplois des contributions volontaires", "861 Mise à disposition gratuite", "864 Personnel bénévole",
             "70 Vente", "73 Dotations et produits", "74 Subventions d'exploitation", "75 Autres produits",
             "TOTAL DES PRODUITS", "87 Contributions volontaires en nature", "870 Bénévolat"]
    positions = [text.index(label) for label in order]
    assert positions == sorted(positions)
    assert "Résultat prévu : équilibre ; résultat réalisé : excédent de 1 758,00 €." in text


def test_subsidies_are_broken_down_by_the_forms_funder_categories(reported):
    text = report_text(reported)
    assert "État 14 000,00 € 14 000,00 € 0,00 € 0,0 % 74 Subvention DLA – État (DREETS Normandie)" in text
    assert "Département(s) 4 500,00 € 4 500,00 € 0,00 € 0,0 % 74 Subvention du Département de la Manche" in text
    assert "Région(s) 0,00 € — — —" in text


def test_annex_explains_significant_differences_and_flags_the_unexplained(reported):
    annex = report_text(reported).split("Annexe – explication des écarts significatifs")[1]
    assert "plus de 15,0 %" in annex
    assert "62 – Autres services extérieurs -2 208,00 € -9,6 % " + EXPLANATION in annex  # written, so shown
    assert "70 – Vente de produits finis, de marchandises, prestations de services -450,00 € -30,0 % " \
           "Explication à rédiger." in annex


def test_before_any_actual_the_report_says_it_is_to_complete(example):
    text = report_text(example)
    assert "Aucun montant réalisé n'est encore saisi : ce compte rendu reste à compléter" in text
    assert "62 Autres services extérieurs 22 948,00 € — — —" in text
    assert "Résultat prévu : équilibre." in text


def test_headed_for_one_funder_with_its_subsidy_highlighted(reported):
    text = report_text(reported, "p6")
    assert "À l'attention de : Conseil départemental de la Manche" in text
    assert "Financement apporté par : Conseil départemental de la Manche" in text
    assert "74 Subvention du Département de la Manche 4 500,00 € 4 500,00 € 0,00 € 0,0 %" in text
    report = financial_report(reported, "p6")
    subsidies = next(g for g in report.products.groups if g.account == "74")
    assert [f.label for f in subsidies.children if f.highlighted] == ["Département(s)"]
    assert report.funder.variance.forecast == Decimal("4500.00")


def test_a_partner_that_funds_nothing_is_refused(example):
    with pytest.raises(ExportError, match="le partenaire « Cabinet Tandem Culture » ne finance pas ce parcours"):
        EXPORT_KINDS["financial-report"].render(example, ".pdf", "p1")


def books(pathway, partner=None):
    data = EXPORT_KINDS["financial-report"].render(pathway, ".xlsx", partner)
    return load_workbook(io.BytesIO(data)).active, load_workbook(io.BytesIO(data), data_only=True).active


def rows_by_label(sheet) -> dict:
    return {row[1].value: row for row in sheet.iter_rows() if isinstance(row[1].value, str)}


def test_xlsx_totals_and_differences_are_formulas_with_their_results(reported):
    formulas, values = books(reported)
    rows, cached = rows_by_label(formulas), rows_by_label(values)
    group = rows["Autres services extérieurs"]
    assert group[0].value == "62"
    assert group[2].value.startswith("=SUM(C") and group[3].value.startswith('=IF(COUNT(D')
    assert cached["Autres services extérieurs"][2].value == 22948
    assert cached["Autres services extérieurs"][3].value == 20740
    assert cached["Autres services extérieurs"][4].value == -2208
    assert cached["Autres services extérieurs"][5].value == pytest.approx(-2208 / 22948)
    assert rows["Autres services extérieurs"][5].number_format == "0.0\\ %"
    assert cached["TOTAL DES CHARGES"][3].value == 24520 and cached["TOTAL DES PRODUITS"][3].value == 26278
    assert cached["Résultat (produits − charges)"][3].value == 1758
    assert cached["62 – Autres services extérieurs"][6].value == EXPLANATION


def test_xlsx_difference_stays_empty_until_an_actual_is_entered(example):
    formulas, values = books(example)
    line = rows_by_label(formulas)["Repas des ateliers collectifs"]
    assert line[3].value is None and line[4].value.startswith('=IF(D')
    assert rows_by_label(values)["Repas des ateliers collectifs"][4].value in (None, "")
    assert rows_by_label(values)["TOTAL DES CHARGES"][2].value == 26728


def test_xlsx_for_a_funder_fills_its_lines(reported):
    formulas, _values = books(reported, "p6")
    line = rows_by_label(formulas)["Subvention du Département de la Manche"]
    other = rows_by_label(formulas)["Subvention DLA – Banque des Territoires"]
    assert line[1].fill.fgColor.rgb.endswith("FFF2CC") and line[1].font.bold
    assert not other[1].fill.fgColor.rgb.endswith("FFF2CC")


def test_mid_pathway_lines_not_entered_read_non_saisi_and_the_annex_judges_the_lines_entered(example):
    """One invoice entered, 27 % above its forecast: the table still compares the whole forecast, lines
    not entered read « non saisi », and the annex shows the difference on the line entered, marked."""
    example.index("costs")["c4"].actual_amount = Decimal("8000.00")
    text = report_text(example)
    assert "6226 Diagnostic partagé : entretiens et synthèse 3 250,00 € non saisi — —" in text
    assert "62 Autres services extérieurs 22 948,00 € 8 000,00 € -14 948,00 € -65,1 %" in text
    annex = text.split("Annexe – explication des écarts significatifs")[1]
    assert "62 – Autres services extérieurs * +1 700,00 € +27,0 % Explication à rédiger." in annex
    assert "* Écart calculé sur les lignes déjà saisies du groupe" in annex
    book = load_workbook(io.BytesIO(EXPORT_KINDS["financial-report"].render(example, ".xlsx", None)))
    rows = [[c for c in row if c is not None] for row in book.active.iter_rows(values_only=True)]
    assert ["62 – Autres services extérieurs *", 1700, 0.27, "Explication à rédiger."] in rows
    assert any(row and str(row[0]).startswith("* Écart calculé sur les lignes déjà saisies") for row in rows)


def test_money_columns_widen_to_their_widest_amount_and_the_label_gives_up_the_room():
    from parcours_designer.export.pdf_doc import Cell, fitted_widths

    widths = (0.1, 0.36, 0.14, 0.14, 0.14, 0.12)
    small = [["62", "Honoraires", Cell("1 750,00 €", right=True), "", "", ""]]
    assert fitted_widths(small, widths, (2, 3, 4, 5), 1) == pytest.approx(widths)
    huge = [["62", "Honoraires", Cell("-999 999 999,99 €", bold=True), "", "", ""]]
    fitted = fitted_widths(huge, widths, (2, 3, 4, 5), 1)
    assert fitted[2] > 0.14 and fitted[1] < 0.36 and sum(fitted) == pytest.approx(1)
    assert fitted[3:] == widths[3:]
