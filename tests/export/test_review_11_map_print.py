"""Review of issue 11: the « Carte des acteurs » printed in the plan must be readable on
paper. The drawing is shrunk as a whole to fit the page, text with it."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.entities import Partner, PartnerLink
from parcours_designer.model.pathway import Pathway


def _map_text_sizes(pathway: Pathway) -> list[tuple[float, str]]:
    """(printed size in points, text) of every text drawn on the plan's map page."""
    reader = PdfReader(io.BytesIO(EXPORT_KINDS["plan"].render(pathway, ".pdf")))
    page = next(p for p in reader.pages if "Carte des acteurs\n" in p.extract_text() + "\n"
                and "Interactions" not in p.extract_text()[:40])
    sizes: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and size:
            scale = abs(cm[0] * cm[3] - cm[1] * cm[2]) ** 0.5 * abs(tm[0] * tm[3] - tm[1] * tm[2]) ** 0.5
            sizes.append((round(size * scale, 2), text.strip()))

    page.extract_text(visitor_text=visit)
    return sizes


def test_the_example_map_prints_names_and_interactions_at_six_points_at_least(example):
    small = [(size, text) for size, text in _map_text_sizes(example) if size < 6]
    assert small == []


def test_a_map_of_sixty_partners_stays_readable():
    partners = [Partner(id=f"p{i}", name=f"Partenaire {i}",
                        links=[PartnerLink(partner_id=f"p{i - 1}", label="échange")] if i > 1 and i % 3 else [])
                for i in range(1, 61)]
    sizes = _map_text_sizes(Pathway(title="Soixante partenaires", partners=partners))
    names = [size for size, text in sizes if text.startswith("Partenaire")]
    assert names and min(names) >= 5
