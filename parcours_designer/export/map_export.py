"""``export map``: the stakeholder map as PDF, SVG (vector, names as text) or PNG,
and its section of the plan (the drawing and the table of interactions)."""

from __future__ import annotations

from typing import Optional

from parcours_designer.export.map_draw import map_drawing, map_png
from parcours_designer.export.map_print import SCALES, MapPage, print_pages
from parcours_designer.export.pdf_doc import (
    A3,
    A4,
    LANDSCAPE,
    LANDSCAPE_A3,
    PORTRAIT,
    PORTRAIT_A3,
    build_pdf,
    doc_info,
    frame_size,
    missing_note,
    styles,
    table,
)
from parcours_designer.export.pdf_text import para
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.stakeholder_map import StakeholderMap, stakeholder_map

TITLE = "Carte des acteurs"
SVG_WIDTH = 1100.0


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None) -> bytes:
    smap = stakeholder_map(pathway)
    if suffix == ".png":
        return map_png(smap)
    if suffix == ".svg":
        from reportlab.graphics import renderSVG

        return renderSVG.drawToString(map_drawing(smap, SVG_WIDTH, SVG_WIDTH)).encode("utf-8")
    from reportlab.platypus import NextPageTemplate, PageBreak

    sheet = styles()
    template, flowables = drawing_flowables(smap, sheet)
    story = [para(TITLE, sheet["h1"]), *flowables]
    if smap.nodes:
        story += [NextPageTemplate(PORTRAIT), PageBreak(), *interaction_flowables(smap, sheet)]
    return build_pdf(doc_info(pathway, TITLE, "Parties prenantes, publics et leurs interactions"), story,
                     start=template)


TITLE_ROOM, NOTE_ROOM = 40.0, 30.0


def drawing_flowables(smap: StakeholderMap, sheet: dict) -> tuple[str, list]:
    """The page template and the drawing on its pages (the title above the first is the
    caller's): one A4 page (landscape or portrait, whichever prints it larger) when the text
    stays readable, else several, each holding whole groups of linked actors; a group too large
    for A4 puts the map on A3, landscape or portrait."""
    if not smap.nodes:
        return LANDSCAPE, [missing_note("Ni partenaire ni public n'est encore défini : la carte est vide.", sheet)]
    from reportlab.platypus import PageBreak

    template, (width, height), pages = _planned(smap)
    story = []
    notes = [f"La carte tient sur {len(pages)} pages pour rester lisible ; chaque page réunit des acteurs "
             "reliés entre eux, aucun lien n'est coupé." if len(pages) > 1 else "",
             f"Elle est mise en page en A3 {A3_WORDS[template]} : imprimez-la en A3 pour que les noms restent "
             "lisibles." if template in A3_WORDS else ""]
    if any(notes):
        story.append(para(" ".join(note for note in notes if note), sheet["body"]))
    for number, page in enumerate(pages, start=1):
        if number > 1:
            story += [PageBreak(), para(f"{TITLE} (page {number} sur {len(pages)})", sheet["h1"])]
        story.append(map_drawing(page.smap, width, height, page.scale))
    return template, story


ORIENTATIONS = {A4: ((LANDSCAPE, LANDSCAPE), (PORTRAIT, PORTRAIT)),
                A3: ((LANDSCAPE_A3, LANDSCAPE), (PORTRAIT_A3, PORTRAIT))}  # (template, orientation)
A3_WORDS = {LANDSCAPE_A3: "paysage", PORTRAIT_A3: "portrait"}
Planned = tuple[str, tuple[float, float], list[MapPage]]


def _planned(smap: StakeholderMap) -> Planned:
    """The page the map is printed on: A4 when every page of the map is readable there, else A3;
    on each paper the orientation holding it on fewer pages, then printing its smallest page
    larger (landscape when they print it alike)."""
    best: Optional[Planned] = None
    for paper in (A4, A3):
        for template, orientation in ORIENTATIONS[paper]:
            width, height = frame_size(orientation, paper)
            pages = print_pages(smap, width, height - TITLE_ROOM)
            if len(pages) > 1 or paper == A3:  # a note above the first page
                pages = print_pages(smap, width, height - TITLE_ROOM - NOTE_ROOM)
            if best is None or _preference(pages) > _preference(best[2]):
                best = template, (width, height), pages
            if _preference(best[2]) == (True, -1, 1.0):  # one page at full size: nothing prints it better
                return best
        if best is not None and _readable(best[2]):
            return best
    assert best is not None
    return best


def _readable(pages: list[MapPage]) -> bool:
    return all(page.scale >= SCALES[-1] for page in pages)


def _preference(pages: list[MapPage]) -> tuple[bool, int, float]:
    return _readable(pages), -len(pages), min(page.scale for page in pages)


def interaction_flowables(smap: StakeholderMap, sheet: dict) -> list:
    """The table of interactions (on portrait pages: its cells may be long)."""
    story = [para("Interactions entre les acteurs", sheet["h2"])]
    rows = interaction_rows(smap)
    if not rows:
        return story + [missing_note("Aucune interaction n'est décrite entre les acteurs.", sheet)]
    return story + [table(("Acteur", "Avec", "Nature de l'interaction"), rows, (0.3, 0.3, 0.4), sheet=sheet)]


def interaction_rows(smap: StakeholderMap) -> list[list[str]]:
    rows = []
    for edge in smap.edges:
        source, target = smap.node(edge.source), smap.node(edge.target)
        if source is None or target is None:
            continue
        rows.append([source.label, f"{target.label} ({target.category_label.lower()})", edge.label or "—"])
    return rows


def plan_section(pathway: Pathway, sheet: dict) -> list:
    """« Carte des acteurs » in the plan: the drawing on landscape pages, then its interactions."""
    from reportlab.platypus import NextPageTemplate, PageBreak

    smap = stakeholder_map(pathway)
    template, flowables = drawing_flowables(smap, sheet)
    story = [NextPageTemplate(template), PageBreak(), para(TITLE, sheet["h1"]), *flowables,
             NextPageTemplate(PORTRAIT), PageBreak()]
    return story + (interaction_flowables(smap, sheet) if smap.nodes else [])
