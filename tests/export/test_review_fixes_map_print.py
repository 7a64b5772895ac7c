"""Review of the fixes of issue 11: the printed map's floor (names 7.6 pt, interactions 6.4 pt) on a
plausible network the fix's tests do not cover (xfail strict)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.entities import Partner, PartnerLink
from parcours_designer.model.pathway import Pathway


def _printed_sizes(pathway: Pathway) -> dict[str, float]:
    """Text → smallest printed size (points) on the pages of the exported map."""
    reader = PdfReader(io.BytesIO(EXPORT_KINDS["map"].render(pathway, ".pdf")))
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        if text.strip() and size:
            scale = abs(cm[0] * cm[3] - cm[1] * cm[2]) ** 0.5 * abs(tm[0] * tm[3] - tm[1] * tm[2]) ** 0.5
            sizes[text.strip()] = min(sizes.get(text.strip(), 99.0), round(size * scale, 2))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_a_network_around_one_structure_prints_above_the_floor():
    """A support structure and the 29 companies it accompanies: one group of linked actors, taller than
    wide. Today: names at 6.68 pt, interactions at 5.63 pt, the right half of the A3 page blank."""
    partners = [Partner(id="p0", name="Structure pivot")] + [
        Partner(id=f"p{i}", name=f"Structure culturelle {i}",
                links=[PartnerLink(partner_id="p0", label="accompagnée par")]) for i in range(1, 30)]
    sizes = _printed_sizes(Pathway(title="Réseau", partners=partners))
    assert sizes["Structure pivot"] >= 7.6
    assert sizes["accompagnée par"] >= 6.4
