"""The printed map's page: the orientation that prints it larger (A4 landscape or portrait, then A3
landscape or portrait), and when an interaction's label counts as hidden."""

from __future__ import annotations

import io

from pypdf import PdfReader

from parcours_designer.export.map_export import drawing_flowables
from parcours_designer.export.map_print import _cramped
from parcours_designer.export.pdf_doc import A3, A4, LANDSCAPE, PORTRAIT, frame_size, styles
from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.entities import MapPosition, Partner, PartnerLink
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.stakeholder_map import MapEdge, MapNode, StakeholderMap, stakeholder_map


def _column(count: int, step: float = 100.0) -> Pathway:
    """``count`` partners the user placed one under the other, each linked to the one above."""
    return Pathway(title="Colonne", partners=[
        Partner(id=f"p{i}", name=f"Partenaire {i}", map_position=MapPosition(x=0, y=i * step),
                links=[PartnerLink(partner_id=f"p{i - 1}", label="relaie")] if i else [])
        for i in range(count)])


def test_a_map_arranged_top_to_bottom_prints_on_an_a4_portrait_page():
    """Eight actors in a column: on A4 landscape they must be drawn closer and print at 0.8 of their
    size; A4 portrait holds them at full size, and is chosen (no A3, no note)."""
    template, flowables = drawing_flowables(stakeholder_map(_column(8)), styles())
    assert template == PORTRAIT and len(flowables) == 1
    assert frame_size(LANDSCAPE, A4)[1] < flowables[0].height <= frame_size(PORTRAIT, A4)[1]
    reader = PdfReader(io.BytesIO(EXPORT_KINDS["map"].render(_column(8), ".pdf")))
    assert (round(float(reader.pages[0].mediabox.width)), round(float(reader.pages[0].mediabox.height))) == (595, 842)
    assert "Partenaire 7" in reader.pages[0].extract_text() and "A3" not in reader.pages[0].extract_text()


def test_a_column_too_tall_for_a4_goes_on_a3_portrait_rather_than_landscape():
    template, flowables = drawing_flowables(stakeholder_map(_column(13)), styles())
    assert template == "portrait-A3"
    assert flowables[-1].height > frame_size(LANDSCAPE, A3)[1]
    first = PdfReader(io.BytesIO(EXPORT_KINDS["map"].render(_column(13), ".pdf"))).pages[0]
    assert (round(float(first.mediabox.width)), round(float(first.mediabox.height))) == (842, 1191)
    assert "mise en page en A3 portrait" in first.extract_text()


def test_a_wide_map_stays_on_an_a4_landscape_page():
    wide = Pathway(title="Ligne", partners=[
        Partner(id=f"p{i}", name=f"Partenaire {i}", map_position=MapPosition(x=i * 200, y=0),
                links=[PartnerLink(partner_id=f"p{i - 1}", label="relaie")] if i else [])
        for i in range(4)])
    assert drawing_flowables(stakeholder_map(wide), styles())[0] == LANDSCAPE


def _edge(source: str, target: str, label: str) -> MapEdge:
    return MapEdge(f"partners:{source}", f"partners:{target}", label, source, "links", 0)


def _pair(dx: float, dy: float, label: str) -> StakeholderMap:
    nodes = [MapNode("partners:a", "partners", "a", "A", "other", "Autre", 0.0, 0.0, True),
             MapNode("partners:b", "partners", "b", "B", "other", "Autre", dx, dy, True)]
    return StakeholderMap(nodes, [_edge("a", "b", label)])


def test_a_label_needs_room_across_its_link_only():
    """A vertical link 32 units long between two boxes holds a one-line label 64 units wide: the
    label lies across it, clear of both boxes (it used to count as cramped). Laid over a box (the
    actors too close), it is hidden; a horizontal link needs the label's whole width."""
    assert _cramped(_pair(0, 80, "accompagnée par")) == 0
    assert _cramped(_pair(0, 52, "accompagnée par")) == 1
    assert _cramped(_pair(260, 0, "accompagnée par")) == 0
    assert _cramped(_pair(200, 0, "accompagnée par")) == 1
    assert _cramped(_pair(170, 0, "")) == 0


def test_labels_laid_over_one_another_are_hidden():
    nodes = [MapNode(f"partners:{key}", "partners", key, key, "other", "Autre", x, y, True)
             for key, x, y in (("a", 0.0, 0.0), ("b", 0.0, 200.0), ("c", 10.0, 0.0), ("d", 10.0, 200.0))]
    crossing = StakeholderMap(nodes, [_edge("a", "b", "cofinance"), _edge("c", "d", "accueille")])
    assert _cramped(crossing) == 2
