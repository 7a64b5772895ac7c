"""The PDFs: metadata, header and footer, French text, escaped user text, contents."""

from __future__ import annotations

import pytest

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.formatting import format_date_long

from .helpers import HOSTILE_TITLE, TODAY, flat, hostile_pathway, pdf_reader, pdf_text

PDF_KINDS = ("plan", "evaluation", "budget", "gantt")


@pytest.mark.parametrize("kind", PDF_KINDS)
def test_metadata_header_footer_and_page_numbers(example, kind):
    data = EXPORT_KINDS[kind].render(example, ".pdf")
    reader = pdf_reader(data)
    meta = reader.metadata
    assert example.title in meta.title and meta.author == "Sophie Marchand – DLA de la Manche"
    assert str(reader.trailer["/Root"]["/Lang"]) == "fr-FR"
    pages = [flat(page.extract_text()) for page in reader.pages]
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} sur {len(pages)}" in text
        assert f"Édité le {format_date_long(TODAY)}" in text
        assert "Accompagnement collectif DLA" in text


def test_plan_holds_every_section(example):
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf")))
    for expected in ("Plan du parcours d'accompagnement", "Territoire : Manche (50)", "Édition : 2027",
                     "du lundi 11 janvier 2027 au vendredi 17 décembre 2027", "Référent·e : Sophie Marchand",
                     "Contexte", "fragilités communes", "Publics", "Compagnies de spectacle vivant",
                     "Des besoins aux étapes", "Structurer la stratégie de diffusion (priorité haute)",
                     "Les étapes", "du 25/01/2027 au 19/02/2027", "Synthèse du diagnostic partagé",
                     "Calendrier (diagramme de Gantt)", "Page 1 / 1 — lignes 1 à 16 sur 16",
                     "Partenaires", "claire.morvan@tandem-culture", "Budget prévisionnel (synthèse)",
                     "TOTAL DES CHARGES 26 728,00 €", "Budget équilibré", "Indicateurs d'évaluation",
                     "Feuilles d'émargement", "Imprévus et scénarios", "Liste d'attente de deux structures"):
        assert expected in text, expected


def test_long_tables_repeat_their_header(example):
    data = example.model_dump()
    data["phases"] = [dict(data["phases"][n % 13], id=f"x{n}", depends_on=[]) for n in range(60)]
    data["costs"], data["questionnaires"], data["risks"] = [], [], []
    pathway = type(example).model_validate(data)
    reader = pdf_reader(EXPORT_KINDS["plan"].render(pathway, ".pdf"))
    phase_pages = [flat(p.extract_text()) for p in reader.pages if " · Collectif · " in flat(p.extract_text())]
    assert len(phase_pages) >= 3
    assert all("Étape Dates Lieu Partenaires Livrables" in text for text in phase_pages)


def test_partner_plan_shows_what_the_partner_needs(example):
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf", "p1")))
    assert "Pour : Cabinet Tandem Culture" in text
    assert "Vos étapes" in text and "Atelier collectif n° 1 : stratégie de diffusion" in text
    assert "Accompagnements individuels : gouvernance" not in text.split("Vos contacts")[0]
    assert "Vos contacts" in text and "sophie.marchand@dla-manche.example.fr" in text
    assert "Élodie Caron" in text  # the venue shares the first workshop
    assert "Vos lignes budgétaires" in text and "Total 9 450,00 €" in text
    assert "Financements apportés" not in text and "Plan de financement" not in text  # no empty section
    assert "Calendrier d'ensemble" in text and "Comité d'appui de clôture" in text
    assert "À l'attention de Claire Morvan" in text
    assert "4. Atelier collectif n° 1 : stratégie de diffusion" in text  # the number of the whole plan


def test_partner_plan_lists_each_contact_once(example):
    example.partners[6].contact.name = example.referent.name  # the venue's contact is the referent too
    example.partners[6].contact.email = example.referent.email
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf", "p1")))
    contacts = text.split("Vos contacts")[1].split("Vos lignes budgétaires")[0]
    assert contacts.count(example.referent.email) == 1


def test_partner_plan_of_a_funder_shows_the_whole_financing(example):
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf", "p4")))
    assert "À l'attention de Anne Leroy" in text
    assert "Plan de financement du parcours" in text
    assert "Budget total (charges, hors contributions en nature) : 26 728,00 €" in text
    for expected in ("État – DREETS Normandie (DLA) Subvention DLA – État (DREETS Normandie) Acquis 14 000,00 €",
                     "Banque des Territoires Subvention DLA – Banque des Territoires Acquis 6 000,00 €",
                     "Conseil départemental de la Manche Subvention du Département de la Manche Demandé 4 500,00 €",
                     "Total des produits 26 728,00 €", "dont acquis 22 228,00 €", "dont demandé 4 500,00 €"):
        assert expected in text, expected


def test_evaluation_summary(example):
    text = flat(pdf_text(EXPORT_KINDS["evaluation"].render(example, ".pdf")))
    for expected in ("Objectifs et indicateurs", "Indicateur Objectifs mesurés Départ Cible Résultat Statut",
                     "≥ 8 structures 7 structures Non atteint", "≥ 85 88 mesuré le 08/07/2027 Atteint", "À apprécier",
                     "Participation par étape", "Questionnaire des participant·e·s",
                     "Public : Participant·e·s", "(Échelle : 1, 2, 3, 4, 5)", "Points forts",
                     "Forte assiduité aux temps collectifs", "Ajustements pour la prochaine édition",
                     "Sujets à faire remonter", "Pôle régional du spectacle vivant",
                     "Couverture du référentiel de compétences", "compétences couvertes à"):
        assert expected in text, expected
    assert "Total des présences" not in text  # people come to several phases: a sum means nothing
    objectives_part = text.split("Engagements de responsabilité sociétale")[0]  # RSE commitments name theirs
    for indicator in example.indicators:  # each indicator once, whatever the number of its objectives
        assert objectives_part.count(indicator.label) == 1, indicator.label


def test_evaluation_speaks_to_a_funder(example):
    example.indicators[0].target, example.indicators[0].result = 1200.0, 2.5
    example.phases[0].participants = None
    text = flat(pdf_text(EXPORT_KINDS["evaluation"].render(example, ".pdf")))
    assert "≥ 1 200 structures 2,5 structures Non atteint" in text
    assert "Points de vigilance" in text
    for internal in ("Erreur :", "Avertissement :", "Information :", "Constats", "score"):
        assert internal not in text, internal
    quiet = flat(pdf_text(EXPORT_KINDS["evaluation"].render(example, ".pdf", vigilance_points=False)))
    assert "Points de vigilance" not in quiet and "compétences couvertes à" in quiet


def test_budget_pdf_has_form_balance_and_breakdowns(example):
    text = flat(pdf_text(EXPORT_KINDS["budget"].render(example, ".pdf")))
    for expected in ("Budget prévisionnel de l'action", "CERFA n°12156", "Charges Montant Produits Montant",
                     "60 – Achats 0,00 € 70 – Vente de produits finis",
                     "62 – Autres services extérieurs 22 948,00 €", "Autres établissements publics 6 000,00 €",
                     "74 · Subvention DLA – Banque des Territoires (acquis)", "Intercommunalité(s) – EPCI 0,00 €",
                     "TOTAL DES CHARGES 26 728,00 € TOTAL DES PRODUITS 26 728,00 €", "dont acquis 22 228,00 €",
                     "dont demandé 4 500,00 €", "861 – Mise à disposition gratuite de biens et services 1 500,00 €",
                     "864 – Personnel bénévole 0,00 €", "875 – Dons en nature 0,00 €",
                     "TOTAL 28 228,00 € TOTAL 28 228,00 €",
                     "Budget équilibré : 26 728,00 € de charges et de produits, hors contributions en nature.",
                     "Répartition des charges par étape", "Répartition par partenaire",
                     "Charges communes (sans étape)"):
        assert expected in text, expected
    assert text.index("TOTAL DES CHARGES") < text.index("86 – Emplois des contributions") < text.index("TOTAL 28")


def test_budget_gap_is_stated(example):
    example.funding[0].amount = example.funding[0].amount - 1000
    text = flat(pdf_text(EXPORT_KINDS["budget"].render(example, ".pdf")))
    assert "Budget en déficit de 1 000,00 €" in text


@pytest.mark.parametrize("kind", PDF_KINDS)
def test_user_text_prints_literally(kind):
    pathway = hostile_pathway()
    data = EXPORT_KINDS[kind].render(pathway, ".pdf")
    text = flat(pdf_text(data))
    assert HOSTILE_TITLE in text  # header of every page
    if kind == "plan":
        assert 'Atelier <img src="http://example.invalid/x.png"/> coût 5$ et 3$' in text
        assert "Salle«A»&<fontsize=40>B</font>" in text.replace(" ", "")  # a long word may wrap
        assert "@SOMME(A1) Œuvre & Cie" in text


def test_french_characters_use_the_bundled_font(example):
    reader = pdf_reader(EXPORT_KINDS["plan"].render(example, ".pdf"))
    fonts = set()
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("DejaVuSans" in name for name in fonts)
