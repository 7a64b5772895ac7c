"""`export map`: PDF and SVG are vector with the names as text, PNG is an image;
the plan has a « Carte des acteurs » section with the drawing and the interactions."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from PIL import Image
from pypdf import PdfReader

from parcours_designer.cli import main
from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.entities import AudienceLink, MapPosition, Partner, PartnerLink
from parcours_designer.model.pathway import Pathway

from tests.model.factories import example_pathway

from .helpers import EXAMPLE, flat, pdf_reader, pdf_text

SVG = "{http://www.w3.org/2000/svg}"


def test_map_pdf_names_every_actor_and_lists_the_interactions(example):
    text = flat(pdf_text(EXPORT_KINDS["map"].render(example, ".pdf")))
    for name in ("Cabinet Tandem Culture", "Banque des Territoires", "Compagnies de spectacle", "Public",
                 "accompagne la diffusion", "Interactions", "Nature de l'interaction"):
        assert name in text, name
    page = pdf_reader(EXPORT_KINDS["map"].render(example, ".pdf")).pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape


def test_map_svg_is_vector_with_names_as_text(example):
    root = ET.fromstring(EXPORT_KINDS["map"].render(example, ".svg"))
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "Cabinet Tandem Culture" in texts and "cofinance le DLA" in texts
    assert not list(root.iter(f"{SVG}image"))


def test_map_png_is_an_image(example):
    image = Image.open(io.BytesIO(EXPORT_KINDS["map"].render(example, ".png")))
    assert image.format == "PNG" and image.width > 800


def test_user_text_stays_text_in_the_svg():
    pathway = Pathway(title="T", partners=[Partner(id="p", name="<b>A & B</b>\x07", map_position=MapPosition(x=0, y=0))])
    root = ET.fromstring(EXPORT_KINDS["map"].render(pathway, ".svg"))
    assert "<b>A & B</b>" in " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_an_empty_map_says_so():
    text = flat(pdf_text(EXPORT_KINDS["map"].render(Pathway(title="T"), ".pdf")))
    assert "la carte est vide" in text


def test_cli_exports_the_map(tmp_path):
    for suffix in (".pdf", ".svg", ".png"):
        out = tmp_path / f"carte{suffix}"
        assert main(["export", "map", str(EXAMPLE), "-o", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert main(["export", "map", str(EXAMPLE), "-o", str(tmp_path / "carte.jpg")]) == 2
    assert not (tmp_path / "carte.jpg").exists()


def test_plan_has_the_map_section(example):
    example.partners[6].audience_links = [AudienceLink(audience_id="a1", label="accueille les ateliers")]
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf")))
    assert "Carte des acteurs" in text and "accueille les ateliers" in text
    assert "Théâtre de la Halle, Coutances Compagnies de spectacle vivant (public) accueille les ateliers" in text


def test_plan_prints_the_new_sections(example):
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf")))
    for expected in ("Sources : entretien, diagnostic partagé", "Appui : Entretiens avec les six compagnies",
                     "Programme des étapes", "Diagnostic et cadrage", "écoute active",
                     "Entrer en relation avec les acteurs", "Coûts par module",
                     "Engagements de responsabilité sociétale (RSE)", "Covoiturage organisé",
                     "(accepté le", "≥ 8 structures"):
        assert expected in text, expected


def test_partner_plan_prints_the_programme_of_its_phases(example):
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf", "p1")))
    assert "Programme des étapes" in text and "world café" in text


def test_evaluation_prints_commitments_and_peer_exchanges(example):
    text = flat(pdf_text(EXPORT_KINDS["evaluation"].render(example, ".pdf")))
    for expected in ("Engagements de responsabilité sociétale (RSE)", "Covoiturage organisé",
                     "Échanges avec des pairs", "Réseau des chargé·e·s de mission DLA de Normandie",
                     "19/11/2026", "Ajout d'une formation à la fonction employeur"):
        assert expected in text, expected


def _chain(count: int, step: int) -> Pathway:
    """``count`` partners, each linked to the previous one except every ``step``-th."""
    return Pathway(title="Carte", partners=[
        Partner(id=f"p{i}", name=f"Partenaire {i}",
                links=[PartnerLink(partner_id=f"p{i - 1}", label="échange")] if i > 1 and i % step else [])
        for i in range(1, count + 1)])


def test_a_large_map_goes_over_pages_of_whole_groups_at_a_readable_size():
    from parcours_designer.export.map_print import SCALES, print_pages
    from parcours_designer.export.pdf_doc import LANDSCAPE, frame_size
    from parcours_designer.model.stakeholder_map import stakeholder_map

    smap = stakeholder_map(_chain(60, 3))
    width, height = frame_size(LANDSCAPE)
    pages = print_pages(smap, width, height)
    assert 1 < len(pages) <= 5
    assert sorted(n.key for page in pages for n in page.smap.nodes) == sorted(n.key for n in smap.nodes)
    assert sum(len(page.smap.edges) for page in pages) == len(smap.edges)  # no link cut by a page
    assert all(page.scale >= SCALES[-1] for page in pages)
    assert print_pages(stakeholder_map(example_pathway()), width, height)[0].scale >= SCALES[-1]


def test_a_map_too_large_for_any_page_is_shrunk_onto_one_rather_than_failing():
    """One group of 80 linked partners cannot be printed readably on a page: it is shrunk to fit."""
    from parcours_designer.export.map_print import print_pages
    from parcours_designer.export.pdf_doc import LANDSCAPE, frame_size
    from parcours_designer.model.stakeholder_map import stakeholder_map

    width, height = frame_size(LANDSCAPE)
    pages = print_pages(stakeholder_map(_chain(80, 1000)), width, height)
    assert len(pages) == 1 and 0 < pages[0].scale < 0.8
    data = EXPORT_KINDS["map"].render(_chain(80, 1000), ".pdf")
    assert "Partenaire 80" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_actors_placed_at_the_bounds_of_the_format_still_export():
    pathway = example_pathway()
    pathway.partners[0].map_position = MapPosition(x=1_000_000, y=-1_000_000)
    pathway.partners[1].map_position = MapPosition(x=-1_000_000, y=1_000_000)
    for suffix in (".pdf", ".svg", ".png"):
        assert EXPORT_KINDS["map"].render(pathway, suffix)
    assert "Carte des acteurs" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(
        EXPORT_KINDS["plan"].render(pathway, ".pdf"))).pages)


def test_a_group_too_large_for_a4_puts_the_plans_map_on_an_a3_page():
    """Twenty-five companies all linked to one funder cannot be split without cutting links: the
    map page is A3 (the rest of the plan stays A4) and says so; the star, taller than wide once its
    boxes are pushed apart, prints larger on A3 portrait (9.5 pt) than on A3 landscape (9 pt)."""
    from tests.export.test_review_11_map_print import _map_text_sizes

    star = Pathway(title="Étoile", partners=[Partner(id="p0", name="Département de la Manche"), *(
        Partner(id=f"p{i}", name=f"Compagnie numéro {i}", links=[PartnerLink(partner_id="p0", label="cofinance")])
        for i in range(1, 26))])
    reader = PdfReader(io.BytesIO(EXPORT_KINDS["plan"].render(star, ".pdf")))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert (842, 1191) in sizes and (595, 842) in sizes
    map_page = next(p for p in reader.pages if "en page en A3 portrait" in p.extract_text())
    assert round(float(map_page.mediabox.height)) == 1191
    names = [size for size, text in _map_text_sizes(star) if text.startswith("Compagnie")]
    assert len(names) == 25 and min(names) >= 9.5
