"""The stakeholder map's data: nodes, links, the first layout and the edits."""

from __future__ import annotations

import math

import pytest

from parcours_designer.model.entities import Audience, MapPosition, Partner, PartnerLink
from parcours_designer.model.map_edits import MapEditError, link_edit, position_edits, relabel_edit, unlink_edits
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.stakeholder_map import (
    LINK_LENGTH,
    NODE_HEIGHT,
    NODE_WIDTH,
    label_lines,
    stakeholder_map,
)

from tests.model.factories import example_pathway


def _overlap(a, b) -> bool:
    return abs(a.x - b.x) < NODE_WIDTH and abs(a.y - b.y) < NODE_HEIGHT


def test_first_layout_places_every_actor_without_overlap_and_the_same_each_time():
    first = stakeholder_map(example_pathway())
    assert len(first.nodes) == 10 and len(first.edges) == 7
    assert not any(_overlap(a, b) for i, a in enumerate(first.nodes) for b in first.nodes[i + 1:])
    again = stakeholder_map(example_pathway())
    assert [(n.x, n.y) for n in again.nodes] == [(n.x, n.y) for n in first.nodes]
    assert not any(n.placed for n in first.nodes)


def test_placed_actors_stay_where_they_are():
    pathway = example_pathway()
    pathway.partners[0].map_position = MapPosition(x=-1000, y=500)
    smap = stakeholder_map(pathway)
    node = smap.node("partners:p1")
    assert (node.x, node.y, node.placed) == (-1000, 500, True)


def test_colours_follow_the_kind_and_publics_have_theirs():
    smap = stakeholder_map(example_pathway())
    assert smap.node("partners:p1").colour != smap.node("partners:p4").colour
    assert smap.node("audiences:a1").category_label == "Public"
    assert ("Public", smap.node("audiences:a1").colour) in smap.legend()


def test_long_names_fit_three_lines():
    lines = label_lines("Communauté de communes du Val de Sienne et de la vallée de la Soulles réunies")
    assert len(lines) == 3 and lines[-1].endswith("…") and all(len(line) <= 24 for line in lines)


def test_first_drag_keeps_the_whole_layout():
    smap = stakeholder_map(example_pathway())
    edits = position_edits(smap, {"partners:p1": (5.0, 6.0)})
    assert len(edits) == 10
    assert next(e for e in edits if e.item_id == "p1").value == MapPosition(x=5.0, y=6.0)


def test_links_between_actors():
    pathway = Pathway(title="T", partners=[Partner(id="p"), Partner(id="q", links=[PartnerLink(partner_id="p")])],
                      audiences=[Audience(id="a"), Audience(id="b")])
    edit = link_edit(pathway, "audiences:a", "partners:p", "informe")
    assert (edit.item_id, edit.field, edit.value[0].audience_id, edit.value[0].label) == ("p", "audience_links", "a",
                                                                                        "informe")
    with pytest.raises(MapEditError, match="deux publics"):
        link_edit(pathway, "audiences:a", "audiences:b", "")
    for source, target in (("partners:q", "partners:p"), ("partners:p", "partners:q")):  # q holds it
        with pytest.raises(MapEditError, match="déjà reliés"):
            link_edit(pathway, source, target, "")
    pathway.partners.append(Partner(id="r"))
    assert link_edit(pathway, "partners:p", "partners:r", "").value[0].partner_id == "r"
    edge = stakeholder_map(pathway).edges[0]
    assert relabel_edit(pathway, edge, "cofinance").value[0].label == "cofinance"
    assert relabel_edit(pathway, edge, None).value == []


def test_removing_a_link_removes_it_whichever_partner_holds_it():
    pathway = Pathway(title="T", partners=[Partner(id="p", links=[PartnerLink(partner_id="q")]),
                                           Partner(id="q", links=[PartnerLink(partner_id="p"),
                                                                  PartnerLink(partner_id="r")]),
                                           Partner(id="r")])
    edits = unlink_edits(pathway, "partners:q", "partners:p")  # an older file held it twice
    assert [(e.item_id, [link.partner_id for link in e.value]) for e in edits] == [("p", []), ("q", ["r"])]
    assert unlink_edits(pathway, "partners:p", "partners:r") == []


def test_an_actor_linked_to_placed_ones_lands_one_link_away_on_a_free_spot():
    pathway = example_pathway()
    for node in stakeholder_map(pathway).nodes:
        pathway.index(node.list_name)[node.item_id].map_position = MapPosition(x=node.x, y=node.y)
    pathway.partners.append(Partner(id="p9", name="Médiathèque", links=[PartnerLink(partner_id="p7")]))
    pathway.partners.append(Partner(id="p10", name="Librairie"))
    pathway.partners.append(Partner(id="p11", name="Cinéma"))
    smap = stakeholder_map(pathway)
    theatre, new = smap.node("partners:p7"), smap.node("partners:p9")
    assert math.dist((theatre.x, theatre.y), (new.x, new.y)) <= 2 * LINK_LENGTH
    assert not any(_overlap(a, b) for i, a in enumerate(smap.nodes) for b in smap.nodes[i + 1:])
    shelf = [smap.node("partners:p10"), smap.node("partners:p11")]
    assert shelf[0].y == shelf[1].y and shelf[0].x < shelf[1].x  # side by side under the map
    assert [(n.x, n.y) for n in stakeholder_map(pathway).nodes] == [(n.x, n.y) for n in smap.nodes]


def test_a_position_dragged_past_the_bound_stops_at_it():
    smap = stakeholder_map(example_pathway())
    edits = position_edits(smap, {"partners:p1": (5e6, -2e6)})
    assert next(e for e in edits if e.item_id == "p1").value == MapPosition(x=1_000_000, y=-1_000_000)
