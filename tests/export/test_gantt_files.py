"""Gantt PNG, SVG and paginated PDF."""

from __future__ import annotations

import io
import math
from datetime import date, timedelta
from xml.etree import ElementTree as ET

from PIL import Image

from parcours_designer.export.gantt_draw import month_label, month_starts
from parcours_designer.export.gantt_export import page_views, rows_per_page, time_periods
from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.gantt_layout import compute_layout
from parcours_designer.model.pathway import Pathway

from .helpers import flat, pdf_reader


def long_pathway(example, count: int, days: int = 2) -> Pathway:
    data = example.model_dump()
    first = date(2027, 1, 4)
    data["phases"] = [{"id": f"x{n}", "title": f"Étape {n + 1}", "kind": "workshop",
                       "start": first + timedelta(days=days * n), "end": first + timedelta(days=days * n + 1),
                       "depends_on": [f"x{n - 1}"] if n else []} for n in range(count)]
    data["costs"], data["questionnaires"], data["risks"] = [], [], []
    data["start"], data["end"] = first, first + timedelta(days=days * count + 1)
    return Pathway.model_validate(data)


def test_png_is_a_readable_image(example):
    image = Image.open(io.BytesIO(EXPORT_KINDS["gantt"].render(example, ".png")))
    width, height = image.size
    assert 1000 <= width <= 2200 and 400 <= height <= 1200
    # bars are drawn in their kind's colour (atelier collectif: #e15759)
    assert (225, 87, 89) in {colour for _count, colour in image.convert("RGB").getcolors(1 << 22)}


def test_svg_holds_text_as_paths_and_parses(example):
    root = ET.fromstring(EXPORT_KINDS["gantt"].render(example, ".svg"))
    assert root.tag.endswith("svg")


def test_long_pathway_continues_over_landscape_pages_without_shrinking(example):
    pathway = long_pathway(example, 70)
    layout = compute_layout(pathway)
    per_page = rows_per_page(layout)
    reader = pdf_reader(EXPORT_KINDS["gantt"].render(pathway, ".pdf"))
    assert len(reader.pages) == math.ceil(70 / per_page) >= 3
    for page in reader.pages:
        box = page.mediabox
        assert box.width > box.height  # landscape
    captions = [flat(p.extract_text()) for p in reader.pages]
    assert f"Lignes 1 à {per_page} sur 70" in captions[0]
    assert "Lignes 70 à 70" in captions[-1] or "sur 70" in captions[-1]
    image_heights = {round(img.image.height / max(1, min(per_page, 70))) for img in reader.pages[0].images}
    assert image_heights  # each page carries its chart image


def test_pathway_longer_than_a_year_is_cut_in_periods(example):
    pathway = long_pathway(example, 30, days=20)  # about 20 months
    views = page_views(compute_layout(pathway), 40)
    assert len(views) == 2
    assert views[0].start == date(2027, 1, 4) and views[0].end == date(2027, 12, 31)
    assert views[1].start == date(2028, 1, 1)


def test_time_periods_and_french_months():
    assert time_periods(date(2027, 1, 11), date(2027, 12, 17), 12) == [(date(2027, 1, 11), date(2027, 12, 17))]
    assert month_starts(date(2027, 11, 5), date(2028, 1, 2))[-1] == date(2028, 2, 1)
    assert month_label(date(2027, 2, 1), True) == "févr.\n2027" and month_label(date(2027, 8, 1), False) == "août"
