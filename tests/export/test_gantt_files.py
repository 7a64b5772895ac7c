"""Gantt PNG, SVG and the printed (vector, tiled) PDF."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from xml.etree import ElementTree as ET

import pytest
from PIL import Image

from parcours_designer.export.gantt_tiles import DAY, MONTH, QUARTER, WEEK, choose_unit, ticks, upper_ticks
from parcours_designer.export.registry import EXPORT_KINDS
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


def test_svg_holds_real_text(example):
    data = EXPORT_KINDS["gantt"].render(example, ".svg")
    root = ET.fromstring(data)
    assert root.tag.endswith("svg")
    texts = " ".join("".join(t.itertext()) for t in root.iter() if t.tag.endswith("text"))
    assert "Diagnostic partagé (entretiens individuels)" in texts


def test_pdf_is_vector_with_a_task_table_and_searchable_text(example):
    reader = pdf_reader(EXPORT_KINDS["gantt"].render(example, ".pdf"))
    page = reader.pages[0]
    assert not page.images  # no raster
    text = flat(page.extract_text())
    assert "N° Étape Début Fin Jours" in text
    assert "2 Diagnostic partagé (entretiens individu" in text and "25/01/2027 19/02/2027 20" in text
    assert "Page 1 / 1" in text and "(échelle : mois)" in text
    for month in ("janv.", "févr.", "mars", "déc."):  # every tick labelled, January too
        assert month in text, month
    for legend in ("Marge", "Jalon", "Période du parcours"):
        assert legend in text, legend
    # The example ends a week after its last phase: every phase has slack, none is critical (issue 12).
    assert "Chemin critique" not in text
    without_end = example.model_copy(update={"end": None})
    text = flat(pdf_reader(EXPORT_KINDS["gantt"].render(without_end, ".pdf")).pages[0].extract_text())
    assert "Chemin critique" in text


def test_a_four_day_pathway_is_drawn_in_days(example):
    data = example.model_dump()
    data["phases"] = [dict(data["phases"][0], id="a", start=date(2027, 3, 1), end=date(2027, 3, 4), milestone=False)]
    data["start"], data["end"] = date(2027, 3, 1), date(2027, 3, 4)
    data["costs"], data["questionnaires"], data["risks"] = [], [], []
    text = flat(pdf_reader(EXPORT_KINDS["gantt"].render(Pathway.model_validate(data), ".pdf")).pages[0]
                .extract_text())
    assert "(échelle : jours)" in text and "mars 2027" in text
    assert all(f" {day} " in f" {text} " for day in ("1", "2", "3", "4"))


@pytest.mark.parametrize("paper, orientation, portrait", [("A4", "portrait", True), ("A3", "landscape", False)])
def test_page_setup_from_the_options(example, paper, orientation, portrait):
    reader = pdf_reader(EXPORT_KINDS["gantt"].render(example, ".pdf", paper=paper, orientation=orientation))
    box = reader.pages[0].mediabox
    assert (box.height > box.width) is portrait
    assert round(max(box.width, box.height)) == (1191 if paper == "A3" else 842)


def test_a_long_pathway_is_tiled_down_and_across_with_every_phase(example):
    pathway = long_pathway(example, 160, days=5)  # 160 rows over about two years
    pages = [flat(p.extract_text()) for p in pdf_reader(EXPORT_KINDS["gantt"].render(pathway, ".pdf")).pages]
    total = len(pages)
    assert total >= 4
    assert all(f"Page {n} / {total}" in text for n, text in enumerate(pages, start=1))
    everything = " ".join(pages)
    assert all(re.search(rf"\b{n + 1} Étape {n + 1}\b", everything) for n in range(160))
    assert all("Chemin critique" in text or "Dépendance" in text for text in pages)  # the legend on each page


def test_time_scale_follows_the_span():
    start = date(2027, 1, 1)
    assert [choose_unit(start, start + timedelta(days=d)) for d in (3, 100, 400, 2000)] == [DAY, WEEK, MONTH, QUARTER]
    assert [t.label for t in ticks(date(2027, 1, 11), date(2027, 3, 2), MONTH)] == ["janv.", "févr.", "mars"]
    assert [t.label for t in ticks(date(2027, 1, 1), date(2027, 12, 31), QUARTER)] == ["T1", "T2", "T3", "T4"]
    weeks = ticks(date(2027, 3, 3), date(2027, 3, 16), WEEK)
    assert [t.label for t in weeks] == ["01/03", "08/03", "15/03"]
    assert [t.label for t in upper_ticks(date(2027, 3, 3), date(2027, 4, 2), DAY)] == ["mars 2027", "avr. 2027"]


def test_png_and_svg_axis_labels_january_and_days(example):
    from parcours_designer.export.gantt_export import FigureParts, gantt_figure
    from parcours_designer.model.planning import plan_for

    figure, ax = gantt_figure(plan_for(example).layout, None, 18.0, FigureParts(None, ()))
    labels = [label.get_text() for label in ax.get_xticklabels()]
    assert labels[0] == "janv.\n2027" and "févr." in labels  # the partial first month is labelled
    example.phases = [example.phases[1].model_copy(update={"start": date(2027, 3, 1), "end": date(2027, 3, 4),
                                                            "depends_on": []})]
    example.start, example.end = date(2027, 3, 1), date(2027, 3, 4)
    figure, ax = gantt_figure(plan_for(example).layout, None, 12.0, FigureParts(None, ()))
    assert [label.get_text() for label in ax.get_xticklabels()][:4] == ["1\nmars 2027", "2", "3", "4"]
