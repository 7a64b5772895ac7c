"""The stakeholder map (« Carte des acteurs »): partners and audiences as nodes,
their interactions as labelled links, and where each node sits.

A node placed by the user keeps its ``map_position``. The first time, every node
is arranged by a force-directed layout (networkx, imported only then); an actor
added later to an arranged map takes a free spot beside the actors it is linked
to, or under the map. Everything here is plain data shared by the
editor's page and the exports.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from dataclasses import dataclass, field, replace
from typing import Any, Optional, Union

from parcours_designer.model.entities import Audience, Partner
from parcours_designer.model.enums import PartnerKind
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name

NODE_WIDTH, NODE_HEIGHT = 160.0, 48.0
LINE_CHARS, MAX_LINES = 24, 3
LINK_LINE_CHARS = 20
AUDIENCE = "audience"
KIND_COLOURS: dict[str, str] = {
    PartnerKind.SUPPORT_STRUCTURE.value: "#4e79a7",
    PartnerKind.CONSULTANT.value: "#f28e2b",
    PartnerKind.FUNDER.value: "#59a14f",
    PartnerKind.LOCAL_AUTHORITY.value: "#b07aa1",
    PartnerKind.NETWORK.value: "#76b7b2",
    PartnerKind.VENUE.value: "#edc948",
    PartnerKind.OTHER.value: "#9c9c9c",
    AUDIENCE: "#e15759",
}


def node_key(list_name: str, item_id: str) -> str:
    """« partners:p1 », « audiences:a2 »."""
    return f"{list_name}:{item_id}"


@dataclass(frozen=True)
class MapNode:
    key: str
    list_name: str  # "partners" or "audiences"
    item_id: str
    label: str
    category: str  # a partner kind's value, or "audience"
    category_label: str
    x: float
    y: float
    placed: bool  # True when the position comes from the file

    @property
    def colour(self) -> str:
        return KIND_COLOURS[self.category]

    @property
    def lines(self) -> list[str]:
        return label_lines(self.label)


@dataclass(frozen=True)
class MapEdge:
    """An interaction, held by the partner ``owner_id`` in its ``field`` at ``index``."""

    source: str
    target: str
    label: str
    owner_id: str
    field: str  # "links" or "audience_links"
    index: int


@dataclass
class StakeholderMap:
    nodes: list[MapNode] = field(default_factory=list)
    edges: list[MapEdge] = field(default_factory=list)

    def node(self, key: str) -> Optional[MapNode]:
        return next((n for n in self.nodes if n.key == key), None)

    def legend(self) -> list[tuple[str, str]]:
        """The categories shown, in a stable order, with their colour: (label, colour)."""
        shown = {n.category: n.category_label for n in self.nodes}
        return [(shown[c], KIND_COLOURS[c]) for c in KIND_COLOURS if c in shown]

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) around every node, boxes included."""
        if not self.nodes:
            return (0.0, 0.0, NODE_WIDTH, NODE_HEIGHT)
        xs, ys = [n.x for n in self.nodes], [n.y for n in self.nodes]
        return (min(xs) - NODE_WIDTH / 2, min(ys) - NODE_HEIGHT / 2,
                max(xs) + NODE_WIDTH / 2, max(ys) + NODE_HEIGHT / 2)


def map_groups(smap: "StakeholderMap") -> list[list[str]]:
    """The keys of each group of linked actors, in node order; the largest groups first."""
    group_of = {node.key: node.key for node in smap.nodes}

    def root(key: str) -> str:
        while group_of[key] != key:
            key = group_of[key]
        return key

    for edge in smap.edges:
        if edge.source in group_of and edge.target in group_of:
            group_of[root(edge.source)] = root(edge.target)
    groups: dict[str, list[str]] = {}
    for node in smap.nodes:
        groups.setdefault(root(node.key), []).append(node.key)
    return sorted(groups.values(), key=len, reverse=True)


def placed_map(smap: "StakeholderMap", positions: dict[str, tuple[float, float]]) -> "StakeholderMap":
    """The actors of ``positions`` only, there, with the links between them (a page of a printed map)."""
    nodes = [replace(node, x=positions[node.key][0], y=positions[node.key][1])
             for node in smap.nodes if node.key in positions]
    return StakeholderMap(nodes, [e for e in smap.edges if e.source in positions and e.target in positions])


def label_lines(label: str, chars: int = LINE_CHARS, max_lines: int = MAX_LINES) -> list[str]:
    """A name on at most three short lines, cut with « … » when longer."""
    lines = textwrap.wrap(label, chars, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: chars - 1].rstrip() + "…"
    return lines


def link_lines(label: str) -> list[str]:
    """An interaction's label on at most three lines (a printed map keeps its links short)."""
    return label_lines(label, LINK_LINE_CHARS, MAX_LINES)


def _raw_nodes(pathway: Pathway) -> list[tuple[str, str, str, str, str, Optional[tuple[float, float]]]]:
    found = []
    for partner in pathway.partners:
        found.append(("partners", partner.id, display_name(partner), partner.kind.value, partner.kind.label,
                      _position(partner)))
    for audience in pathway.audiences:
        found.append(("audiences", audience.id, display_name(audience), AUDIENCE, "Public", _position(audience)))
    return found


def _position(item: Union[Partner, Audience]) -> Optional[tuple[float, float]]:
    position = item.map_position
    return None if position is None else (position.x, position.y)


def map_edges(pathway: Pathway) -> list[MapEdge]:
    partners = {p.id for p in pathway.partners}
    audiences = {a.id for a in pathway.audiences}
    edges = []
    for partner in pathway.partners:
        source = node_key("partners", partner.id)
        for index, link in enumerate(partner.links):
            if link.partner_id in partners:
                edges.append(MapEdge(source, node_key("partners", link.partner_id), link.label, partner.id,
                                     "links", index))
        for index, audience_link in enumerate(partner.audience_links):
            if audience_link.audience_id in audiences:
                edges.append(MapEdge(source, node_key("audiences", audience_link.audience_id), audience_link.label,
                                     partner.id,
                                     "audience_links", index))
    return edges


def stakeholder_map(pathway: Pathway, *, relayout: bool = False) -> StakeholderMap:
    """The map of the pathway; with ``relayout`` every node is arranged anew."""
    raw = _raw_nodes(pathway)
    edges = map_edges(pathway)
    keys = [node_key(list_name, item_id) for list_name, item_id, *_rest in raw]
    stored = {key: entry[5] for key, entry in zip(keys, raw) if entry[5] is not None}
    fixed = {} if relayout else stored
    positions = auto_positions(keys, [(e.source, e.target) for e in edges], fixed)
    nodes = [MapNode(key, list_name, item_id, name, category, category_label, *positions[key], placed=key in fixed)
             for key, (list_name, item_id, name, category, category_label, _p) in zip(keys, raw)]
    return StakeholderMap(nodes, edges)


def auto_positions(keys: list[str], links: list[tuple[str, str]],
                   fixed: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Positions of every node: the fixed ones kept; the others by a force-directed layout
    when nothing is placed yet, else each on a free spot beside the map."""
    missing = [k for k in keys if k not in fixed]
    if not missing:
        return {k: fixed[k] for k in keys}
    if fixed:
        positions = _placed_beside(keys, links, fixed)
    else:
        import networkx  # type: ignore[import-untyped]

        graph = networkx.Graph()
        graph.add_nodes_from(keys)
        graph.add_edges_from(((a, b) for a, b in links if a != b), weight=1.0)
        positions = _first_layout(networkx, graph, keys)
        spread(positions, set())
    return {k: fixed[k] if k in fixed else (round(x, 1), round(y, 1)) for k, (x, y) in positions.items()}


LINK_LENGTH = 320.0
ROW_WIDTH = 1100.0
BLOCK_GAP = 60.0


def _first_layout(networkx: Any, graph: Any, keys: list[str]) -> dict[str, tuple[float, float]]:
    """Each group of connected actors laid out by forces, linked actors about
    ``LINK_LENGTH`` apart; the groups then set side by side in rows, largest first,
    the rows as wide as a landscape page shape asks."""
    groups = sorted(networkx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    blocks = [_group_layout(networkx, _ordered_subgraph(networkx, graph, keys, group)) for group in groups]
    boxes = [_box(block) for block in blocks]
    area = sum((r - l + BLOCK_GAP) * (b - t + BLOCK_GAP) for l, t, r, b in boxes)
    return pack_rows(blocks, max(ROW_WIDTH, 1.4 * math.sqrt(area), *(r - l for l, _t, r, _b in boxes)))


def pack_rows(blocks: list[dict[str, tuple[float, float]]], row_width: float,
              gap: float = BLOCK_GAP) -> dict[str, tuple[float, float]]:
    """Blocks of positions set side by side, ``gap`` apart, in rows about ``row_width`` wide, in
    their order (a block wider than that alone on its row); the first block's box starts at (0, 0)."""
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for block in blocks:
        left, top, right, bottom = _box(block)
        width, height = right - left, bottom - top
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        positions.update({k: (px - left + x, py - top + y) for k, (px, py) in block.items()})
        x += width + gap
        row_height = max(row_height, height)
    return positions


def _placed_beside(keys: list[str], links: list[tuple[str, str]],
                   fixed: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """The actors added to a map already arranged: each beside the placed actors it is linked
    to, else on a row under the map, always on a free spot (a force layout with fixed nodes
    threw them thousands of units away, shrinking the whole map on the page and in print)."""
    positions = dict(fixed)
    xs, ys = [x for x, _y in fixed.values()], [y for _x, y in fixed.values()]
    shelf = (min(xs), max(ys) + NODE_HEIGHT + BLOCK_GAP, max(xs))
    neighbours: dict[str, list[str]] = {k: [] for k in keys}
    for a, b in links:
        if a != b and a in neighbours and b in neighbours:
            neighbours[a].append(b)
            neighbours[b].append(a)
    pending = [k for k in keys if k not in fixed]
    while pending:
        key = next((k for k in pending if any(n in positions for n in neighbours[k])), pending[0])
        pending.remove(key)
        linked = [positions[n] for n in neighbours[key] if n in positions]
        spot = _spot_near(linked, positions) if linked else None
        positions[key] = spot or _spot_on_shelf(shelf, positions)
    return positions


def _spot_near(linked: list[tuple[float, float]],
               positions: dict[str, tuple[float, float]]) -> Optional[tuple[float, float]]:
    """A free spot about one link away from the linked actors, on the side away from the map's centre."""
    cx, cy = sum(p[0] for p in linked) / len(linked), sum(p[1] for p in linked) / len(linked)
    mx = sum(p[0] for p in positions.values()) / len(positions)
    my = sum(p[1] for p in positions.values()) / len(positions)
    away = math.atan2(cy - my, cx - mx) if (cx, cy) != (mx, my) else 0.0
    candidates = [(cx, cy)] if len(linked) > 1 else []
    for ring in range(6):
        radius = LINK_LENGTH * (1 + ring / 2)
        for turn in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7, 8):
            angle = away + turn * math.pi / 8
            candidates.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return next((point for point in candidates if _is_free(point, positions)), None)


def _spot_on_shelf(shelf: tuple[float, float, float],
                   positions: dict[str, tuple[float, float]]) -> tuple[float, float]:
    """The first free spot, left to right, on the rows under the map (``shelf``: first row's
    left centre, its height, its right end)."""
    left, top, right = shelf
    per_row = max(1, int((right - left) // (NODE_WIDTH + GAP)) + 1)
    for slot in itertools.count():
        row, column = divmod(slot, per_row)
        point = (left + column * (NODE_WIDTH + GAP), top + row * (NODE_HEIGHT + GAP))
        if _is_free(point, positions):
            return point
    raise AssertionError("unreachable")  # pragma: no cover


def _is_free(point: tuple[float, float], positions: dict[str, tuple[float, float]]) -> bool:
    x, y = point
    return all(abs(px - x) >= NODE_WIDTH + GAP or abs(py - y) >= NODE_HEIGHT + GAP for px, py in positions.values())


def _ordered_subgraph(networkx: Any, graph: Any, keys: list[str], group: set[str]) -> Any:
    """The group's graph with nodes and links in file order (a set's order changes between runs)."""
    sub = networkx.Graph()
    sub.add_nodes_from(k for k in keys if k in group)
    sub.add_edges_from(sorted((min(a, b), max(a, b)) for a, b in graph.edges() if a in group))
    return sub


def _group_layout(networkx: Any, graph: Any) -> dict[str, tuple[float, float]]:
    if graph.number_of_nodes() == 1:
        return {next(iter(graph.nodes)): (0.0, 0.0)}
    raw = networkx.spring_layout(graph, seed=7, iterations=300)
    points = {k: (float(raw[k][0]), float(raw[k][1])) for k in graph.nodes}
    lengths = sorted(math.dist(points[a], points[b]) for a, b in graph.edges() if a != b)
    typical = lengths[len(lengths) // 2] if lengths else 1.0
    factor = LINK_LENGTH / typical if typical > 1e-9 else LINK_LENGTH
    block = _lying_flat({k: (px * factor, py * factor) for k, (px, py) in points.items()})
    spread(block, set())
    return block


def _lying_flat(points: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """The points turned so that their longest spread is horizontal (maps print in landscape)."""
    count = len(points)
    mx = sum(p[0] for p in points.values()) / count
    my = sum(p[1] for p in points.values()) / count
    sxx = sum((p[0] - mx) ** 2 for p in points.values())
    syy = sum((p[1] - my) ** 2 for p in points.values())
    sxy = sum((p[0] - mx) * (p[1] - my) for p in points.values())
    angle = -0.5 * math.atan2(2 * sxy, sxx - syy)
    cos, sin = math.cos(angle), math.sin(angle)
    return {k: ((x - mx) * cos - (y - my) * sin, (x - mx) * sin + (y - my) * cos) for k, (x, y) in points.items()}


def _box(points: dict[str, tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points.values()], [p[1] for p in points.values()]
    return (min(xs) - NODE_WIDTH / 2, min(ys) - NODE_HEIGHT / 2, max(xs) + NODE_WIDTH / 2, max(ys) + NODE_HEIGHT / 2)


GAP = 16.0


def spread(positions: dict[str, tuple[float, float]], pinned: set[str], rounds: int = 60) -> None:
    """Push apart boxes that overlap (a force layout only keeps centres apart); pinned ones stay."""
    keys = list(positions)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                moved |= _separate(positions, a, b, pinned)
        if not moved:
            return


def _separate(positions: dict[str, tuple[float, float]], a: str, b: str, pinned: set[str]) -> bool:
    (ax, ay), (bx, by) = positions[a], positions[b]
    over_x = NODE_WIDTH + GAP - abs(ax - bx)
    over_y = NODE_HEIGHT + GAP - abs(ay - by)
    if over_x <= 0 or over_y <= 0 or (a in pinned and b in pinned):
        return False
    share_a = 0.0 if a in pinned else (1.0 if b in pinned else 0.5)
    if over_y <= over_x:  # the smaller push: vertically
        sign = 1.0 if by >= ay else -1.0
        positions[a] = (ax, ay - sign * over_y * share_a)
        positions[b] = (bx, by + sign * over_y * (1 - share_a))
    else:
        sign = 1.0 if bx >= ax else -1.0
        positions[a] = (ax - sign * over_x * share_a, ay)
        positions[b] = (bx + sign * over_x * (1 - share_a), by)
    return True


def clip_to_box(cx: float, cy: float, tx: float, ty: float) -> tuple[float, float]:
    """Where the line from a node's centre (cx, cy) towards (tx, ty) leaves the node's box."""
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    factor = min(NODE_WIDTH / 2 / abs(dx) if dx else math.inf, NODE_HEIGHT / 2 / abs(dy) if dy else math.inf)
    return cx + dx * min(factor, 1.0), cy + dy * min(factor, 1.0)


def edge_segment(smap: StakeholderMap, edge: MapEdge) -> Optional[tuple[float, float, float, float]]:
    """The visible part of a link, from box edge to box edge (``None`` for a node linked to itself)."""
    a, b = smap.node(edge.source), smap.node(edge.target)
    if a is None or b is None or a.key == b.key:
        return None
    x1, y1 = clip_to_box(a.x, a.y, b.x, b.y)
    x2, y2 = clip_to_box(b.x, b.y, a.x, a.y)
    return x1, y1, x2, y2
