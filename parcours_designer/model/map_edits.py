"""What an edit of the stakeholder map changes, as new field values.

The editor turns each into an undoable command; nothing here mutates the
pathway. A link between two partners is held by the first one (``links``), a
link between a partner and a public by the partner (``audience_links``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from parcours_designer.model.entities import AudienceLink, MapPosition, PartnerLink
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.stakeholder_map import MapEdge, StakeholderMap


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


def position_edits(smap: StakeholderMap, moved: dict[str, tuple[float, float]]) -> list[FieldEdit]:
    """Positions to write: the moved nodes, and every node not yet placed (so that
    the first layout stays as the user saw it)."""
    edits = []
    for node in smap.nodes:
        x, y = moved.get(node.key, (node.x, node.y))
        if node.key in moved or not node.placed:
            edits.append(FieldEdit(node.list_name, node.item_id, "map_position",
                                   MapPosition(x=round(x, 1), y=round(y, 1))))
    return edits


def link_edit(pathway: Pathway, source: str, target: str, label: str) -> FieldEdit:
    """The link drawn from ``source`` to ``target`` (node keys), labelled ``label``."""
    (source_list, source_id), (target_list, target_id) = _split(source), _split(target)
    if source == target:
        raise MapEditError("un acteur ne peut pas être relié à lui-même")
    if source_list == target_list == "audiences":
        raise MapEditError("deux publics ne peuvent pas être reliés : reliez chacun à un partenaire")
    if source_list == "audiences":
        (source_list, source_id), (target_list, target_id) = (target_list, target_id), (source_list, source_id)
    partner = pathway.index("partners")[source_id]
    if target_list == "partners":
        if any(link.partner_id == target_id for link in partner.links):
            raise MapEditError("ces deux partenaires sont déjà reliés")
        return FieldEdit("partners", source_id, "links", [*partner.links, PartnerLink(partner_id=target_id, label=label)])
    if any(link.audience_id == target_id for link in partner.audience_links):
        raise MapEditError("ce partenaire et ce public sont déjà reliés")
    return FieldEdit("partners", source_id, "audience_links",
                     [*partner.audience_links, AudienceLink(audience_id=target_id, label=label)])


def relabel_edit(pathway: Pathway, edge: MapEdge, label: Optional[str]) -> FieldEdit:
    """The edge's owner with the edge relabelled (``label=None``: the edge removed)."""
    links = list(getattr(pathway.index("partners")[edge.owner_id], edge.field))
    if label is None:
        del links[edge.index]
    else:
        links[edge.index] = links[edge.index].model_copy(update={"label": label})
    return FieldEdit("partners", edge.owner_id, edge.field, links)
