"""The « note de remontée » to one partner, from a portfolio (PDF or Excel).

What the pathways ask to report to that partner (each topic with the
pathways it comes from) and what that partner funded, pathway by pathway.
Same checks and atomic write as every export (:mod:`export.registry`).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from parcours_designer.export.registry import ExportError, check_target, write_bytes
from parcours_designer.model.formatting import format_date_long, format_money
from parcours_designer.model.portfolio_note import PartnerNote

SUFFIXES = (".pdf", ".xlsx")
TITLE = "Note de remontée"


def write_partner_note(note: PartnerNote, target: Path, source: str) -> None:
    """Render the note for ``target``'s suffix and write it atomically; raise :class:`ExportError`.

    ``source`` names the portfolio (its folder), printed on the note."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        shown = f"« {target.suffix} »" if target.suffix else "aucune extension"
        raise ExportError(f"{TITLE} : le fichier de sortie doit se terminer par .pdf ou .xlsx (reçu : {shown})")
    check_target(target)
    data = render_pdf(note, source) if suffix == ".pdf" else render_xlsx(note, source)
    write_bytes(target, data)


def _pathway_label(note: PartnerNote, path: str) -> str:
    summary = note.pathways.get(path)
    if summary is None:
        return path
    return f"{summary.title} ({summary.edition})" if summary.edition else summary.title


def intro(note: PartnerNote, source: str) -> str:
    return (f"Cette note rassemble, sur les {len(note.pathways)} parcours du portefeuille « {source} », "
            f"les sujets à faire remonter à {note.partner} et ce que ce partenaire y a financé.")


def render_pdf(note: PartnerNote, source: str) -> bytes:
    from reportlab.platypus import Spacer

    from parcours_designer.export.pdf_doc import Cell, DocInfo, build_pdf, missing_note, styles, table
    from parcours_designer.export.pdf_text import para

    sheet = styles()
    story = [para(TITLE, sheet["h2"]), para(note.partner, sheet["cover_title"]),
             para(intro(note, source), sheet["body"]), Spacer(1, 8),
             para("Sujets à faire remonter", sheet["h1"])]
    if note.topics:
        rows = [[t.text, "\n".join(_pathway_label(note, p) for p in t.pathways), Cell(len(t.pathways), right=True)]
                for t in note.topics]
        story.append(table(("Sujet", "Parcours d'où il vient", "Parcours"), rows, (0.46, 0.42, 0.12), sheet=sheet))
    else:
        story.append(missing_note("Aucun parcours ne fait remonter de sujet à ce partenaire.", sheet))
    story.append(para("Ce que ce partenaire a financé", sheet["h1"]))
    if note.funded:
        rows = [[_pathway_label(note, line.summary.path), line.summary.path,
                 Cell(format_money(line.amount), right=True), Cell(format_money(line.granted), right=True)]
                for line in note.funded]
        rows.append([Cell("Total", bold=True), "", Cell(format_money(note.total), bold=True, right=True),
                     Cell(format_money(note.total_granted), bold=True, right=True)])
        story.append(table(("Parcours", "Fichier", "Montant", "dont accordé"), rows, (0.4, 0.28, 0.16, 0.16),
                           emphasis_rows=[len(rows) - 1], sheet=sheet))
    else:
        story.append(missing_note("Aucune ligne de financement de ce partenaire dans ces parcours.", sheet))
    info = DocInfo(f"Portefeuille « {source} »", f"{TITLE} – {note.partner}", "Parcours Designer", TITLE)
    return build_pdf(info, story)


def render_xlsx(note: PartnerNote, source: str) -> bytes:
    """Sheets « Sujets » and « Financements » (totals as formulas stored with their results)."""
    import xlsxwriter

    from parcours_designer.export.budget_sheet import SheetWriter, cell_text, workbook_formats

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    book.set_properties({"title": cell_text(f"{TITLE} – {note.partner}"), "author": "Parcours Designer"})
    formats = workbook_formats(book, False)
    topics = SheetWriter(book, formats, "Sujets", f"{TITLE} – {note.partner}")
    topics.sheet.set_column(0, 0, 60)
    topics.sheet.set_column(1, 2, 40)
    topics.title(f"{TITLE} – {note.partner}", intro(note, source))
    topics.sheet.repeat_rows(topics.header(["Sujet", "Parcours", "Fichier"]))
    for topic in note.topics:
        for path in topic.pathways:
            for column, value in enumerate((topic.text, _pathway_label(note, path), path)):
                topics.text(topics.row, column, value, "line")
            topics.row += 1
    funded = SheetWriter(book, formats, "Financements", f"{TITLE} – {note.partner}")
    funded.sheet.set_column(0, 0, 50)
    funded.sheet.set_column(1, 2, 30)
    funded.sheet.set_column(3, 4, 16)
    funded.title(f"Financements – {note.partner}", intro(note, source))
    funded.sheet.repeat_rows(funded.header(["Parcours", "Édition", "Fichier", "Montant", "dont accordé"]))
    first = funded.row
    for line in note.funded:
        for column, value in enumerate((line.summary.title, line.summary.edition, line.summary.path)):
            funded.text(funded.row, column, value, "line")
        funded.money(funded.row, 3, line.amount)
        funded.money(funded.row, 4, line.granted)
        funded.row += 1
    funded.text(funded.row, 0, "Total", "total")
    for column, amount in ((3, note.total), (4, note.total_granted)):
        formula = f"=SUM({funded.ref(first, column)}:{funded.ref(funded.row - 1, column)})" if note.funded else "=0"
        funded.formula(funded.row, column, formula, amount, "total_money")
    book.close()
    return buffer.getvalue()
