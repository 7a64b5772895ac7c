"""PNG of a Gantt figure with its row titles stamped by Pillow.

matplotlib lays out text one glyph at a time, about 7 ms a label on our
machines: 1,000 row titles would take 7 s. Pillow draws the same bundled
font in a fraction of that, at the positions matplotlib computed.
"""

from __future__ import annotations

import io
from functools import lru_cache

from parcours_designer.export import fonts
from parcours_designer.export.text_fit import cut_to_fit

LABEL_POINTS = 8
GAP_POINTS = 5


def png_with_labels(figure, ax, labels: dict[int, tuple[str, bool]], dpi: float) -> bytes:
    """Render ``figure`` (Agg) at ``dpi``, write ``labels`` left of ``ax``'s rows, → PNG bytes."""
    image = image_with_labels(figure, ax, labels, dpi)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(round(dpi), round(dpi)), compress_level=3)
    return buffer.getvalue()


def image_with_labels(figure, ax, labels: dict[int, tuple[str, bool]], dpi: float):
    """The same as a Pillow RGB image (the PDFs embed it without a PNG round trip)."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image, ImageDraw

    with rc_context(fonts.matplotlib_rc()):
        figure.set_dpi(dpi)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        width, height = canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        image = image.convert("RGB")
        canvas.renderer = None  # the RGBA buffer (4 bytes a pixel) is not needed any more: free it now
        _stamp(ImageDraw.Draw(image), ax, labels, dpi, height)
    return image


def _stamp(draw, ax, labels: dict[int, tuple[str, bool]], dpi: float, height: int) -> None:
    right = ax.get_window_extent().x0 - GAP_POINTS * dpi / 72
    room = right - 4
    x_left = ax.get_xlim()[0]
    size = max(6, round(LABEL_POINTS * dpi / 72))
    for row, (text, bold) in labels.items():
        font = _font(bold, size)
        _, y = ax.transData.transform((x_left, row))
        draw.text((right, height - y), fit(text, font, room), font=font, fill=(0, 0, 0), anchor="rm")


def fit(text: str, font, room: float) -> str:
    """``text`` cut with « … » to fit ``room`` pixels."""
    return cut_to_fit(text, font.getlength, room)


@lru_cache(maxsize=16)
def _font(bold: bool, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(fonts.font_file("bold" if bold else "regular")), size)
