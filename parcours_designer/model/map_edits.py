"""What an edit of the stakeholder map changes, as new field values.

The editor turns each into an undoable command; nothing here mutates the
pathway. A link between two partners is held by the one it was drawn from
(``links``), a link between a partner and a public by the partner
(``audience_links``); either way a link has no direction, and two actors are
linked at most once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from parcours_designer.model.entities import AudienceLink, MapPosition, PartnerLink
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.stakeholder_map import MapEdge, StakeholderMap, map_edges, node_key
from parcours_designer.model.types import MAX_COORDINATE


class MapEditError(ValueError):
    """A link the map cannot hold (a public with a public, a node with itself…): French message."""


@dataclass(frozen=True)
class FieldEdit:
    """Set ``field`` of item ``item_id`` of ``list_name`` to ``value``."""

    list_name: str
    item_id: str
    field: str
    value: object


def _split(key: str) -> tuple[str, str]:
    list_name, _, item_id = key.partition(":")
    return list_name, item_id


def _bounded(coordinate: float) -> float:
    """A coordinate the file accepts (a box dragged very far stops at the bound)."""
    return round(max(-MAX_COORDINATE, min(MAX_COORDINATE, coordinate)), 1)


def position_edits(smap: StakeholderMap, moved: dict[str, tuple[float, float]]) -> list[FieldEdit]:
    """Positions to write: the moved nodes, and every node not yet placed (so that
    the first layout stays as the user saw it)."""
    edits = []
    for node in smap.nodes:
        x, y = moved.get(node.key, (node.x, node.y))
        if node.key in moved or not node.placed:
            edits.append(FieldEdit(node.list_name, node.item_id, "map_position",
                                   MapPosition(x=_bounded(x), y=_bounded(y))))
    return edits


def check_link(pathway: Pathway, source: str, target: str) -> tuple[str, str, str]:
    """The link ``source`` – ``target`` (node keys) as (partner holding it, other list, other id);
    :class:`MapEditError` when it cannot be drawn. Links have no direction: p8 – p2 is the
    link p2 – p8, whichever partner holds it."""
    (source_list, source_id), (target_list, target_id) = _split(source), _split(target)
    if source == target:
        raise MapEditError("un acteur ne peut pas être relié à lui-même")
    if source_list == target_list == "audiences":
        raise MapEditError("deux publics ne peuvent pas être reliés : reliez chacun à un partenaire")
    if source_list == "audiences":
        (source_list, source_id), (target_list, target_id) = (target_list, target_id), (source_list, source_id)
    if _edges_between(pathway, node_key(source_list, source_id), node_key(target_list, target_id)):
        raise MapEditError("ces deux partenaires sont déjà reliés" if target_list == "partners"
                           else "ce partenaire et ce public sont déjà reliés")
    return source_id, target_list, target_id


def link_edit(pathway: Pathway, source: str, target: str, label: str) -> FieldEdit:
    """The link drawn from ``source`` to ``target`` (node keys), labelled ``label``."""
    partner_id, target_list, target_id = check_link(pathway, source, target)
    partner = pathway.index("partners")[partner_id]
    if target_list == "partners":
        return FieldEdit("partners", partner_id, "links",
                         [*partner.links, PartnerLink(partner_id=target_id, label=label)])
    return FieldEdit("partners", partner_id, "audience_links",
                     [*partner.audience_links, AudienceLink(audience_id=target_id, label=label)])


def _edges_between(pathway: Pathway, first: str, second: str) -> list[MapEdge]:
    return [edge for edge in map_edges(pathway) if {edge.source, edge.target} == {first, second}]


def unlink_edits(pathway: Pathway, first: str, second: str) -> list[FieldEdit]:
    """Every link between two actors removed, whichever partner holds it."""
    edges = _edges_between(pathway, first, second)
    edits = []
    for owner_id, field in dict.fromkeys((edge.owner_id, edge.field) for edge in edges):
        dropped = {edge.index for edge in edges if (edge.owner_id, edge.field) == (owner_id, field)}
        links = getattr(pathway.index("partners")[owner_id], field)
        edits.append(FieldEdit("partners", owner_id, field, [l for i, l in enumerate(links) if i not in dropped]))
    return edits


def relabel_edit(pathway: Pathway, edge: MapEdge, label: Optional[str]) -> FieldEdit:
    """The edge's owner with the edge relabelled (``label=None``: the edge removed)."""
    links = list(getattr(pathway.index("partners")[edge.owner_id], edge.field))
    if label is None:
        del links[edge.index]
    else:
        links[edge.index] = links[edge.index].model_copy(update={"label": label})
    return FieldEdit("partners", edge.owner_id, edge.field, links)
