"""The items of the stakeholder map: a box per actor, a line per interaction.

The scene draws a :class:`~parcours_designer.model.stakeholder_map.StakeholderMap`
and reports what the user did (a box dropped somewhere, a link drawn from one
box to another, a link double-clicked) through signals; the page turns those
into undoable commands. Nothing here changes the pathway.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from parcours_designer.model.stakeholder_map import (
    NODE_HEIGHT,
    NODE_WIDTH,
    MapEdge,
    MapNode,
    StakeholderMap,
    edge_segment,
    link_lines,
)
from parcours_designer.ui.tooltips import plain_tooltip

KEY_ROLE = 0  # QGraphicsItem.data(0): the node key, or the edge's index in the map


class NodeItem(QGraphicsPathItem):
    """An actor's box, movable; its text centred inside."""

    def __init__(self, node: MapNode):
        path = QPainterPath()
        path.addRoundedRect(QRectF(-NODE_WIDTH / 2, -NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT), 6, 6)
        super().__init__(path)
        self.key = node.key
        self.setData(KEY_ROLE, node.key)
        self.setBrush(QBrush(QColor(node.colour)))
        self.setPen(QPen(QColor("#2f3b47"), 1))
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setPos(node.x, node.y)
        self.setToolTip(plain_tooltip(f"{node.label} — {node.category_label}"))
        font = QFont()
        font.setBold(True)
        font.setPointSizeF(7.5)
        lines = [QGraphicsSimpleTextItem(line, self) for line in node.lines]
        height = sum(line.boundingRect().height() for line in lines)
        top = -height / 2
        for line in lines:
            line.setFont(font)
            box = line.boundingRect()
            line.setPos(-box.width() / 2, top)
            top += box.height()
        self.setZValue(2)


class EdgeItem(QGraphicsLineItem):
    """An interaction: a line between two boxes, its label at the middle."""

    def __init__(self, number: int, edge: MapEdge, segment: tuple[float, float, float, float]):
        super().__init__(QLineF(*segment))
        self.number = number
        self.edge = edge
        self.setPen(QPen(QColor("#6b7785"), 1.6))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setToolTip(plain_tooltip(edge.label or ""))
        self.label = QGraphicsSimpleTextItem("\n".join(link_lines(edge.label)) if edge.label.strip() else "", self)
        font = QFont()
        font.setItalic(True)
        font.setPointSizeF(7)
        self.label.setFont(font)
        box = self.label.boundingRect()
        middle = self.line().center()
        self.label.setPos(middle.x() - box.width() / 2, middle.y() - box.height() / 2)
        if edge.label:
            backing = QGraphicsRectItem(self.label.mapRectToParent(box).adjusted(-2, 0, 2, 0), self)
            backing.setBrush(QBrush(QColor("white")))
            backing.setPen(QPen(Qt.PenStyle.NoPen))
            self.label.setZValue(1)
        self.setZValue(1)

    def shape(self) -> QPainterPath:
        """A 10-pixel band around the line, and the label: easier to click than the line."""
        path = QPainterPath(self.line().p1())
        path.lineTo(self.line().p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(path).united(self.label.mapToParent(self.label.shape()))


class MapScene(QGraphicsScene):
    """Shows a map; emits ``moved`` (key, x, y), ``linked`` (source, target), ``edge_activated`` (index)."""

    moved = Signal(str, float, float)
    linked = Signal(str, str)
    edge_activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.linking = False
        self.nodes: dict[str, NodeItem] = {}
        self.edges: list[EdgeItem] = []
        self._pressed: Optional[tuple[str, QPointF]] = None
        self._rubber: Optional[QGraphicsLineItem] = None

    def show_map(self, smap: StakeholderMap) -> None:
        self.clear()
        self.nodes, self.edges = {}, []
        for node in smap.nodes:
            self.nodes[node.key] = NodeItem(node)
            self.addItem(self.nodes[node.key])
        for number, edge in enumerate(smap.edges):
            segment = edge_segment(smap, edge)
            if segment is not None:
                item = EdgeItem(number, edge, segment)
                self.edges.append(item)
                self.addItem(item)
        left, top, right, bottom = smap.bounds()
        self.setSceneRect(QRectF(left - 60, top - 60, right - left + 120, bottom - top + 120))

    def node_at(self, point: QPointF) -> Optional[NodeItem]:
        for item in self.items(point):
            while item is not None and not isinstance(item, NodeItem):
                item = item.parentItem()
            if item is not None:
                return item
        return None

    # --- mouse ------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        node = self.node_at(event.scenePos())
        if self.linking and node is not None and event.button() == Qt.MouseButton.LeftButton:
            self._rubber = self.addLine(QLineF(node.pos(), event.scenePos()), QPen(QColor("#1f4e79"), 1.5,
                                                                                 Qt.PenStyle.DashLine))
            self._pressed = (node.key, node.pos())
            event.accept()
            return
        self._pressed = (node.key, QPointF(node.pos())) if node is not None else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._rubber is not None:
            self._rubber.setLine(QLineF(self._rubber.line().p1(), event.scenePos()))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        pressed, self._pressed = self._pressed, None
        if self._rubber is not None:
            self.removeItem(self._rubber)
            self._rubber = None
            target = self.node_at(event.scenePos())
            if pressed is not None and target is not None and target.key != pressed[0]:
                self.linked.emit(pressed[0], target.key)
            return
        super().mouseReleaseEvent(event)
        if pressed is not None:
            node = self.nodes.get(pressed[0])
            if node is not None and node.pos() != pressed[1]:
                self.moved.emit(node.key, node.pos().x(), node.pos().y())

    def mouseDoubleClickEvent(self, event) -> None:
        for item in self.items(event.scenePos()):
            edge = item if isinstance(item, EdgeItem) else item.parentItem()
            if isinstance(edge, EdgeItem):
                self.edge_activated.emit(edge.number)
                return
        super().mouseDoubleClickEvent(event)
