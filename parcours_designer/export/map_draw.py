"""The stakeholder map drawn from :mod:`parcours_designer.model.stakeholder_map`:
a reportlab ``Drawing`` (vector, names as text) for the PDFs and the SVG, and a
matplotlib figure for the PNG. Both draw the same geometry: boxes coloured by
kind, links with their label at the middle, a legend underneath."""

from __future__ import annotations

from typing import Optional

from parcours_designer.export import fonts
from parcours_designer.export.safe_text import without_control
from parcours_designer.model.stakeholder_map import (
    NODE_HEIGHT,
    NODE_WIDTH,
    StakeholderMap,
    edge_segment,
    label_lines,
    link_lines,
)

MARGIN = 12.0
LEGEND_ROW = 16.0
NAME_SIZE, LINK_SIZE = 9.5, 8.0
LINK_COLOUR = "#6b7785"
MAX_PIXELS = 4000


def map_size(smap: StakeholderMap) -> tuple[float, float]:
    """Width and height of the drawing in scene units, legend included."""
    left, top, right, bottom = smap.bounds()
    return right - left + 2 * MARGIN, bottom - top + 2 * MARGIN + LEGEND_ROW * 1.5


def _to_drawing(smap: StakeholderMap, scale: float):
    """A function from scene (y down) to drawing coordinates (y up), scaled."""
    left, top, _right, bottom = smap.bounds()
    base = LEGEND_ROW * 1.5 + MARGIN

    def point(x: float, y: float) -> tuple[float, float]:
        return (x - left + MARGIN) * scale, (bottom - y + base) * scale

    return point


def map_drawing(smap: StakeholderMap, max_width: float, max_height: float, scale: Optional[float] = None):
    """The map as a reportlab Drawing that fits ``max_width`` × ``max_height`` points
    (drawn at ``scale`` when given: a printed page chose it)."""
    from reportlab.graphics.shapes import Drawing

    fonts.register_reportlab_fonts()
    width, height = map_size(smap)
    if scale is None:
        scale = min(max_width / width, max_height / height, 1.0)
    drawing = Drawing(width * scale, height * scale, initialFontName=fonts.REGULAR)
    point = _to_drawing(smap, scale)
    for edge in smap.edges:
        _add_edge(drawing, smap, edge, point, scale)
    for node in smap.nodes:
        _add_node(drawing, node, point, scale)
    _add_legend(drawing, smap, scale)
    return drawing


def _add_edge(drawing, smap, edge, point, scale: float) -> None:
    from reportlab.graphics.shapes import Line, Rect, String
    from reportlab.lib.colors import HexColor, white

    segment = edge_segment(smap, edge)
    if segment is None:
        return
    x1, y1 = point(*segment[:2])
    x2, y2 = point(*segment[2:])
    drawing.add(Line(x1, y1, x2, y2, strokeColor=HexColor(LINK_COLOUR), strokeWidth=1.2 * scale))
    text = without_control(edge.label).strip()
    if text:
        lines = link_lines(text)
        size = LINK_SIZE * scale
        width, height = (extent * scale for extent in link_label_size(text))
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        first = my + (len(lines) - 1) * size * 0.6 - size * 0.35
        drawing.add(Rect(mx - width / 2, first - (len(lines) - 1) * size * 1.2 - size * 0.3, width, height,
                         fillColor=white, strokeColor=None))
        for number, line in enumerate(lines):
            drawing.add(String(mx, first - number * size * 1.2, line, fontName=fonts.ITALIC, fontSize=size,
                               textAnchor="middle", fillColor=HexColor("#37414b")))


def link_label_size(text: str) -> tuple[float, float]:
    """Width and height of an interaction's label with its white ground, in scene units."""
    lines = link_lines(without_control(text).strip())
    width = max(_text_width(line, LINK_SIZE, fonts.ITALIC) for line in lines)
    return width + 4, len(lines) * LINK_SIZE * 1.2 + LINK_SIZE * 0.1


def _add_node(drawing, node, point, scale: float) -> None:
    from reportlab.graphics.shapes import Rect, String
    from reportlab.lib.colors import HexColor

    x, y = point(node.x - NODE_WIDTH / 2, node.y + NODE_HEIGHT / 2)
    drawing.add(Rect(x, y, NODE_WIDTH * scale, NODE_HEIGHT * scale, rx=6 * scale, ry=6 * scale,
                     fillColor=HexColor(node.colour), strokeColor=HexColor("#2f3b47"), strokeWidth=0.6 * scale))
    lines = label_lines(without_control(node.label))
    size = NAME_SIZE * scale
    cx, cy = point(node.x, node.y)
    first = cy + (len(lines) - 1) * size * 0.6 - size * 0.35
    for number, line in enumerate(lines):
        drawing.add(String(cx, first - number * size * 1.2, line, fontName=fonts.BOLD, fontSize=size,
                           textAnchor="middle", fillColor=HexColor("#111111")))


def _add_legend(drawing, smap: StakeholderMap, scale: float) -> None:
    from reportlab.graphics.shapes import Rect, String
    from reportlab.lib.colors import HexColor

    x = MARGIN * scale
    size = NAME_SIZE * scale
    for label, colour in smap.legend():
        drawing.add(Rect(x, MARGIN * scale * 0.5, size, size, fillColor=HexColor(colour), strokeColor=None))
        drawing.add(String(x + size * 1.4, MARGIN * scale * 0.5 + size * 0.15, label, fontName=fonts.REGULAR,
                           fontSize=size))
        x += size * 2.4 + _text_width(label, size)


def _text_width(text: str, size: float, font: str = fonts.REGULAR) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts.register_reportlab_fonts()
    return stringWidth(text, font, size)


def map_png(smap: StakeholderMap, dpi: float = 150) -> bytes:
    """The map as a PNG drawn with matplotlib (same geometry, names in the bundled font), at
    most ``MAX_PIXELS`` a side (actors placed very far apart lower the resolution)."""
    import io

    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch, Rectangle
    import matplotlib

    width, height = map_size(smap)
    dpi = min(dpi, MAX_PIXELS * 72 / max(width, height))
    with matplotlib.rc_context(fonts.matplotlib_rc()):
        figure = Figure(figsize=(width / 72, height / 72), dpi=dpi)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, width)
        axes.set_ylim(0, height)
        axes.axis("off")
        point = _to_drawing(smap, 1.0)
        for edge in smap.edges:
            segment = edge_segment(smap, edge)
            if segment is None:
                continue
            (x1, y1), (x2, y2) = point(*segment[:2]), point(*segment[2:])
            axes.plot([x1, x2], [y1, y2], color=LINK_COLOUR, linewidth=1.2)
            if edge.label.strip():
                axes.text((x1 + x2) / 2, (y1 + y2) / 2, "\n".join(link_lines(without_control(edge.label).strip())),
                          fontsize=LINK_SIZE, linespacing=1.1,
                          style="italic", ha="center", va="center", color="#37414b",
                          bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        for node in smap.nodes:
            x, y = point(node.x - NODE_WIDTH / 2, node.y + NODE_HEIGHT / 2)
            axes.add_patch(FancyBboxPatch((x, y), NODE_WIDTH, NODE_HEIGHT, boxstyle="round,pad=0,rounding_size=6",
                                          facecolor=node.colour, edgecolor="#2f3b47", linewidth=0.6))
            cx, cy = point(node.x, node.y)
            axes.text(cx, cy, "\n".join(label_lines(without_control(node.label))),
                      fontsize=NAME_SIZE, fontweight="bold", ha="center", va="center", linespacing=1.1)
        x = MARGIN
        for label, colour in smap.legend():
            axes.add_patch(Rectangle((x, MARGIN * 0.5), NAME_SIZE, NAME_SIZE, facecolor=colour))
            axes.text(x + NAME_SIZE * 1.4, MARGIN * 0.5, label, fontsize=NAME_SIZE, va="bottom")
            x += NAME_SIZE * 2.4 + _text_width(label, NAME_SIZE)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()
