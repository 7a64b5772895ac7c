"""What a printed plan must not do: orphan row fragments, words cut anywhere, empty boxes."""

from __future__ import annotations

from parcours_designer.export import glyphs
from parcours_designer.export.pdf_doc import build_pdf, doc_info, styles, table
from parcours_designer.export.registry import EXPORT_KINDS

from .helpers import flat, pdf_reader


def pages_text(data: bytes) -> list[str]:
    """Each page's text, with words hyphenated at a line end joined again."""
    return [flat(page.extract_text()).replace("- ", "") for page in pdf_reader(data).pages]


def test_a_row_that_fits_on_a_page_is_never_split(example):
    pages = pages_text(EXPORT_KINDS["plan"].render(example, ".pdf"))
    for phase in example.phases:
        title = phase.title[:12]
        holding = [n for n, text in enumerate(pages) if f". {title}" in text and "Livrables" in text]
        for deliverable in phase.deliverables:
            assert any(str(deliverable)[:15] in pages[n] for n in holding), (phase.title, deliverable)


def test_a_row_taller_than_a_page_repeats_its_key_with_suite(example):
    example.phases[2].deliverables = [f"Livrable numéro {n} du comité" for n in range(160)]
    pages = pages_text(EXPORT_KINDS["plan"].render(example, ".pdf"))
    continued = [text for text in pages if "3. Comité d'appui : validation du plan d'accompagnement (suite)" in text]
    assert continued
    assert all("Livrable numéro" in text for text in continued)
    everything = " ".join(pages)
    assert all(f"Livrable numéro {n} " in everything for n in range(160))  # a line may end a fragment


def test_french_words_are_hyphenated_at_syllables():
    sheet = styles()
    rows = [["Visioconférence départementale accompagnements"]]
    data = build_pdf(doc_info(type("P", (), {"title": "t", "referent": None})(), "Essai"),
                     [table(("Modalité",), rows, (0.08,), sheet=sheet)])
    text = pdf_reader(data).pages[0].extract_text()
    assert "-\n" in text  # a hyphen at the end of a line
    for wrong in ("Visioconférenc\ne", "départe\nmentale", "Accompagnement\ns"):
        assert wrong not in text


def test_no_character_prints_as_an_empty_box(example):
    example.title = "Parcours 🎭 théâtre 日本語 ✨"
    example.phases[0].title = "Accueil 🎉👍🏽 des équipes 中文"
    data = EXPORT_KINDS["plan"].render(example, ".pdf")
    reader = pdf_reader(data)
    fonts = {str(f.get("/BaseFont")) for page in reader.pages
             for f in (page.get("/Resources") or {}).get("/Font", {}).values() if hasattr(f, "get")}
    fonts |= {str(f.get_object().get("/BaseFont")) for page in reader.pages
              for f in page["/Resources"]["/Font"].values()}
    assert any("DroidSansFallback" in name for name in fonts)
    text = " ".join(pages_text(data))
    assert "日本語" in text and "中文" in text
    assert "🎭" not in text and "\ufffd" not in text


def test_runs_choose_a_font_for_each_character():
    assert list(glyphs.runs("Café « 1 234 € »")) == [(glyphs.MAIN, "Café « 1 234 € »")]
    assert list(glyphs.runs("A 中 🎉B")) == [(glyphs.MAIN, "A "), (glyphs.FALLBACK, "中"), (glyphs.MAIN, " B")]
    assert "".join(t for _f, t in glyphs.runs("한")) == glyphs.REPLACEMENT


def test_french_grammar_in_the_plan(example):
    text = " ".join(pages_text(EXPORT_KINDS["plan"].render(example, ".pdf")))
    assert "Risque Probabilité Impact Mesures Étapes touchées Retard" in text
    assert "5 jours" in text
    form_wording = ("Région(s)", "Département(s)", "Intercommunalité(s)", "Commune(s)")  # the CERFA's own
    for wording in form_wording:
        text = text.replace(wording, "")
    assert "(s)" not in text
    budget = " ".join(pages_text(EXPORT_KINDS["budget"].render(example, ".pdf")))
    assert "(2 jours × 650,00 €)" in budget and "(2,5 jours × 700,00 €)" in budget and "60 repas" in budget


def test_counts_agree_in_french():
    from decimal import Decimal

    from parcours_designer.model.formatting import count_of

    assert count_of(1, "jour") == "1 jour" and count_of(2, "jour") == "2 jours"
    assert count_of(Decimal("1.5"), "jour") == "1,5 jour" and count_of(3, "bureau") == "3 bureaux"
    assert count_of(2, "autre période", "autres périodes") == "2 autres périodes"
