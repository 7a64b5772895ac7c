"""The offers compared (PDF): criteria, the ranked grid, the choice, the notes on each offer."""

from __future__ import annotations

from parcours_designer.export.offers_grid import SELECTED_MARK, TITLE, OffersGrid
from parcours_designer.export.pdf_doc import (
    LANDSCAPE,
    PORTRAIT,
    Cell,
    build_pdf,
    doc_info,
    fitted_widths,
    frame_size,
    missing_note,
    styles,
    table,
)
from parcours_designer.export.pdf_text import NBSP, para
from parcours_designer.model.consultations import SCORE_MAX, criterion_codes
from parcours_designer.model.formatting import format_date, format_date_long, format_money, format_score
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name

# Beyond this many criteria the grid needs a landscape page.
PORTRAIT_CRITERIA = 5


def render_pdf(pathway: Pathway, grids: list[OffersGrid]) -> bytes:
    from reportlab.platypus import NextPageTemplate, PageBreak

    sheet = styles()
    story: list = []
    for grid in grids:
        orientation = LANDSCAPE if len(grid.criteria) > PORTRAIT_CRITERIA else PORTRAIT
        if story:
            story += [NextPageTemplate(orientation), PageBreak()]
        story += grid_story(grid, sheet, orientation)
    name = TITLE if len(grids) > 1 else f"{TITLE} – {display_name(grids[0].consultation)}"
    first = LANDSCAPE if len(grids[0].criteria) > PORTRAIT_CRITERIA else PORTRAIT
    return build_pdf(doc_info(pathway, name, "Offres reçues, classées par note pondérée"), story, start=first)


def grid_story(grid: OffersGrid, sheet: dict, orientation: str) -> list:
    consultation = grid.consultation
    story = [para(TITLE, sheet["h2"]), para(display_name(consultation), sheet["cover_title"])]
    if consultation.deadline:
        story.append(para(format_date_long(consultation.deadline), sheet["body"],
                          bold_prefix="Date limite de réponse : "))
    story += [para("Critères et pondérations", sheet["h1"]), *_criteria(grid, sheet, orientation)]
    story += [para("Offres classées", sheet["h1"]), *_ranking(grid, sheet, orientation)]
    story += [para(grid.selection, sheet["h2"])]
    noted = [row for row in grid.rows if row.notes.strip()]
    if noted:
        story.append(para("Appréciations", sheet["h1"]))
        story.append(table(("Prestataire", "Appréciation"), [[row.provider, row.notes] for row in noted],
                           (0.3, 0.7), sheet=sheet, orientation=orientation))
    return story


def _criteria(grid: OffersGrid, sheet: dict, orientation: str) -> list:
    if not grid.criteria:
        return [missing_note("Aucun critère n'est défini : les offres ne peuvent pas être notées.", sheet)]
    rows = [[code, display_name(c), Cell(c.weight, right=True)]
            for code, c in zip(criterion_codes(len(grid.criteria)), grid.criteria)]
    from reportlab.platypus import Spacer

    return [table(("Code", "Critère", "Pondération"), rows, (0.1, 0.7, 0.2), sheet=sheet, orientation=orientation),
            Spacer(1, 6),
            para(f"Chaque critère est noté de 0 à {SCORE_MAX} ; la note pondérée est Σ(pondération × note) / "
                 "Σ(pondérations des critères notés), sur 5. À note égale, l'offre la moins chère est classée "
                 "devant.", sheet["body"])]


def _ranking(grid: OffersGrid, sheet: dict, orientation: str) -> list:
    if not grid.rows:
        return [missing_note("Aucune offre n'est encore reçue.", sheet)]
    count = len(grid.criteria)
    header = ("Rang", "Prestataire", "Reçue le", "Montant", *criterion_codes(count),
              "Note pondérée", "Choix")
    rows, emphasis = [], []
    for position, row in enumerate(grid.rows):
        if row.selected:
            emphasis.append(position)
        scores = [Cell("—" if s is None else s, right=True) for s in row.scores]
        rows.append([Cell(row.rank, right=True), Cell(row.provider, bold=row.selected),
                     format_date(row.received_on) or "—",
                     Cell(format_money(row.amount) if row.amount is not None else "—", right=True), *scores,
                     Cell(_unbroken(format_score(row.score)), bold=True, right=True),
                     SELECTED_MARK if row.selected else ""])
    # the amounts and the weighted score (« non notée ») on one line, never hyphenated
    widths = fitted_widths(rows, _widths(count, orientation), (3, 4 + count), 1, orientation)
    return [table(header, rows, widths, emphasis_rows=emphasis, sheet=sheet, orientation=orientation)]


def _unbroken(text: str) -> str:
    return text.replace(" ", NBSP)


# Column widths in centimetres; the provider's name takes what is left.
RANK_CM, RECEIVED_CM, AMOUNT_CM, SCORE_CM, WEIGHTED_CM, CHOICE_CM = 1.3, 2.3, 2.5, 0.95, 2.1, 1.8


def _widths(criteria: int, orientation: str) -> tuple[float, ...]:
    from reportlab.lib.units import cm

    frame = frame_size(orientation)[0] / cm
    provider = frame - (RANK_CM + RECEIVED_CM + AMOUNT_CM + WEIGHTED_CM + CHOICE_CM + SCORE_CM * criteria)
    widths = (RANK_CM, provider, RECEIVED_CM, AMOUNT_CM, *[SCORE_CM] * criteria, WEIGHTED_CM, CHOICE_CM)
    return tuple(w / frame for w in widths)
