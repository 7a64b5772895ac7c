"""The stakeholder map on paper: readable names, as few pages as that allows.

Shrinking the whole drawing to the page shrank its text with it (names at 3.5 pt
for sixty partners). On paper the text never goes below ``SCALES[-1]`` of its
size (names 7.6 pt, interactions 6.4 pt); to make room the actors are first drawn
closer together (their boxes and text keep their size, overlaps pushed apart, no
more interactions' labels hidden by a box or another label than as arranged), then,
when the map still does not fit, it goes over several pages, each holding whole
groups of linked actors so that no link is cut by a page. Which page (A4 or A3,
landscape or portrait) is :mod:`map_export`'s choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from parcours_designer.export.map_draw import MARGIN, link_label_size, map_size
from parcours_designer.model.stakeholder_map import (
    NODE_HEIGHT,
    NODE_WIDTH,
    MapEdge,
    StakeholderMap,
    edge_segment,
    map_groups,
    pack_rows,
    placed_map,
    spread,
)

# Sizes of the text on paper, from the preferred to the smallest: 1.0 prints names
# at 9.5 pt and interactions at 8 pt; 0.8 at 7.6 pt and 6.4 pt.
SCALES = (1.0, 0.95, 0.9, 0.85, 0.8)
# How much closer than on screen the actors may be drawn, across and down (1.0: as on
# screen); a map is most often too tall for a landscape page, so rows close up first.
CLOSER = ((1.0, 1.0), (1.0, 0.85), (0.9, 0.9), (0.9, 0.75), (0.8, 0.8), (0.8, 0.65), (0.75, 0.75), (0.75, 0.6),
          (0.7, 0.7), (0.7, 0.55), (0.6, 0.6))
PRINT_GAP = 24.0  # between groups on a page of several (on screen: BLOCK_GAP)

Positions = dict[str, tuple[float, float]]
Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class MapPage:
    """One page of a printed map: the actors on it, where, and the scale to draw them at."""

    smap: StakeholderMap
    scale: float


def print_pages(smap: StakeholderMap, width: float, height: float) -> list[MapPage]:
    """The map on pages of ``width`` × ``height`` points: whole if it fits readably,
    else whole groups of linked actors per page, as many per page as fit."""
    whole = _fit_whole(smap, width, height)
    if whole is not None or len(smap.nodes) < 2:
        return [whole or MapPage(smap, _shrink(smap, width, height))]
    pages: list[MapPage] = []
    current: list[list[str]] = []  # the groups on the last page
    for group in map_groups(smap):
        trial = _fit_groups(smap, [*current, group], width, height) if current else None
        if trial is not None:
            pages[-1] = trial
            current.append(group)
            continue
        current = [group]
        alone = _fit_groups(smap, current, width, height)
        if alone is None:  # one group larger than a page even at the smallest size: shrunk to fit
            shown = placed_map(smap, _positions(smap, group))
            alone = MapPage(shown, _shrink(shown, width, height))
        pages.append(alone)
    return pages


def _fit_whole(smap: StakeholderMap, width: float, height: float) -> Optional[MapPage]:
    """The whole map as arranged, its actors drawn closer if that prints its text larger."""
    everything = _positions(smap, [node.key for node in smap.nodes])
    cramped = _cramped(smap)
    best: Optional[MapPage] = None
    for factor in CLOSER:
        closer = _closer(everything, factor)
        if _shrink(placed_map(smap, closer), width, height) < SCALES[-1]:
            continue  # too large even before the boxes are pushed apart (that only adds room)
        page = placed_map(smap, _pushed_apart(closer))
        scale = _shrink(page, width, height)
        if scale >= SCALES[-1] and (best is None or scale > best.scale) and _cramped(page) <= cramped:
            best = MapPage(page, scale)
        if best is not None and best.scale >= 1.0:
            break
    return best


def _fit_groups(smap: StakeholderMap, groups: list[list[str]], width: float,
                height: float) -> Optional[MapPage]:
    """These groups side by side in rows on one page, each drawn closer if need be."""
    cramped = _cramped(placed_map(smap, _positions(smap, [key for group in groups for key in group])))
    for scale in SCALES:
        for factor in CLOSER:
            blocks = [_closer(_positions(smap, group), factor) for group in groups]
            if not _fits(placed_map(smap, pack_rows(blocks, width / scale - 2 * MARGIN, PRINT_GAP)),
                         scale, width, height):
                continue  # too large even before the boxes are pushed apart
            blocks = [_pushed_apart(block) for block in blocks]
            page = placed_map(smap, pack_rows(blocks, width / scale - 2 * MARGIN, PRINT_GAP))
            if _fits(page, scale, width, height) and _cramped(page) <= cramped:
                return MapPage(page, scale)
    return None


def _positions(smap: StakeholderMap, keys: list[str]) -> Positions:
    wanted = set(keys)
    return {node.key: (node.x, node.y) for node in smap.nodes if node.key in wanted}


def _closer(positions: Positions, factor: tuple[float, float]) -> Positions:
    """The positions drawn ``factor`` (across, down) times as far from their centre."""
    if len(positions) < 2:
        return dict(positions)
    cx = sum(x for x, _y in positions.values()) / len(positions)
    cy = sum(y for _x, y in positions.values()) / len(positions)
    return {key: (cx + (x - cx) * factor[0], cy + (y - cy) * factor[1]) for key, (x, y) in positions.items()}


def _pushed_apart(positions: Positions) -> Positions:
    """Boxes that drawing closer made overlap, pushed apart."""
    apart = dict(positions)
    spread(apart, set())
    return apart


def _fits(page: StakeholderMap, scale: float, width: float, height: float) -> bool:
    page_width, page_height = map_size(page)
    return page_width * scale <= width and page_height * scale <= height


def _shrink(smap: StakeholderMap, width: float, height: float) -> float:
    page_width, page_height = map_size(smap)
    return min(width / page_width, height / page_height, 1.0)


def _cramped(smap: StakeholderMap) -> int:
    """How many interactions' labels are hidden in part: their box (as drawn, across the middle of
    the link) overlaps an actor's box or another label. A label only needs room across its link's
    direction, so a star drawn closer keeps its labels readable until they run into something."""
    boxes = [(node.x - NODE_WIDTH / 2, node.y - NODE_HEIGHT / 2, node.x + NODE_WIDTH / 2, node.y + NODE_HEIGHT / 2)
             for node in smap.nodes]
    labels = [box for box in (_label_box(smap, edge) for edge in smap.edges) if box is not None]
    return sum(any(_overlap(label, box) for box in boxes)
               or any(_overlap(label, other) for other in labels[:number] + labels[number + 1:])
               for number, label in enumerate(labels))


def _label_box(smap: StakeholderMap, edge: MapEdge) -> Optional[Box]:
    """Where an interaction's label is drawn (scene units), ``None`` for a link without one."""
    segment = edge_segment(smap, edge)
    if segment is None or not edge.label.strip():
        return None
    width, height = link_label_size(edge.label.strip())
    mx, my = (segment[0] + segment[2]) / 2, (segment[1] + segment[3]) / 2
    return mx - width / 2, my - height / 2, mx + width / 2, my + height / 2


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
