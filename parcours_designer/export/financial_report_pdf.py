"""The compte rendu financier (PDF): charges and produits forecast against actual, then the annex."""

from __future__ import annotations

from parcours_designer.export.financial_report import (
    GROUP,
    LINE,
    PARTIAL_NOTE,
    TITLE,
    TOTAL,
    FinancialReport,
    FunderView,
    ReportRow,
    Side,
)
from parcours_designer.export.pdf_doc import Cell, build_pdf, doc_info, fitted_widths, missing_note, styles, table
from parcours_designer.export.pdf_text import para
from parcours_designer.export.plan_sections import long_period
from parcours_designer.model.formatting import format_money, format_percent, format_signed_money
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.realised import SIGNIFICANT_SHARE, Variance

HEADER = ("Compte", "", "Prévision", "Réalisation", "Écart (€)", "Écart (%)")
WIDTHS = (0.1, 0.36, 0.14, 0.14, 0.14, 0.12)
HIGHLIGHT = "#fff2cc"
NOT_ENTERED = "—"
LINE_NOT_ENTERED = "non saisi"
MONEY_COLUMNS = (2, 3, 4, 5)
LABEL_COLUMN = 1


def render_pdf(pathway: Pathway, report: FinancialReport) -> bytes:
    from reportlab.platypus import Spacer

    sheet = styles()
    story = _heading(pathway, report, sheet)
    sides = [(side, _side_rows(side)) for side in (report.charges, report.products)]
    widths = fitted_widths([row for _side, (rows, _e, _h) in sides for row in rows], WIDTHS, MONEY_COLUMNS,
                           LABEL_COLUMN)
    for side, rows in sides:
        story += [para(side.title, sheet["h2"]), side_table(side, rows, widths, sheet), Spacer(1, 6)]
    story += [para(f"« {LINE_NOT_ENTERED} » : ligne dont le montant réalisé n'est pas encore saisi (elle compte "
                   f"0 € dans son groupe) ; {NOT_ENTERED} : aucune ligne saisie.", sheet["body"]),
              para(result_sentence(report.result), sheet["h2"])]
    if report.funder is not None:
        story += _funder(report.funder, sheet)
    story += _annex(report, sheet)
    name = TITLE if report.funder is None else f"{TITLE} – {report.funder.name}"
    return build_pdf(doc_info(pathway, name, "Compte rendu financier de l'action (CERFA n°15059)"), story)


def _heading(pathway: Pathway, report: FinancialReport, sheet: dict) -> list:
    story = [para("CERFA n°15059 – compte rendu financier de l'action", sheet["h2"]),
             para(TITLE, sheet["cover_title"])]
    if report.funder is not None:
        story.append(para(report.funder.name, sheet["h1"], bold_prefix="À l'attention de : "))
    referent = pathway.referent
    facts = [("Action", pathway.title),
             ("Période", long_period(pathway.start, pathway.end) if (pathway.start or pathway.end) else ""),
             ("Structure", referent.organisation if referent else ""), ("Territoire", pathway.territory)]
    story += [para(value, sheet["body"], bold_prefix=f"{label} : ") for label, value in facts if value.strip()]
    if not report.any_reported:
        story.append(missing_note("Aucun montant réalisé n'est encore saisi : ce compte rendu reste à compléter "
                                  "(page Budget, colonne « Réalisé »).", sheet))
    return story


def _side_rows(side: Side) -> tuple[list[list], list[int], list[int]]:
    """The cells of a side's rows, which of them are groups or totals, which are highlighted."""
    rows: list[list] = []
    emphasis: list[int] = []
    highlighted: list[int] = []

    def add(row: ReportRow) -> None:
        if row.level in (GROUP, TOTAL):
            emphasis.append(len(rows))
        elif row.highlighted:
            highlighted.append(len(rows))
        rows.append(_cells(row))
        for child in row.children:
            add(child)

    for row in (*side.groups, side.total, side.in_kind, side.grand_total):
        add(row)
    return rows, emphasis, highlighted


def side_table(side: Side, side_rows: tuple[list[list], list[int], list[int]], widths, sheet: dict):
    rows, emphasis, highlighted = side_rows
    result = table((HEADER[0], side.title, *HEADER[2:]), rows, widths, emphasis_rows=emphasis, sheet=sheet)
    _highlight(result, highlighted)
    return result


def _highlight(result, rows: list[int]) -> None:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import TableStyle

    if rows:
        result.setStyle(TableStyle([("BACKGROUND", (0, r + 1), (-1, r + 1), HexColor(HIGHLIGHT)) for r in rows]))


def _cells(row: ReportRow) -> list:
    bold = row.level != LINE or row.highlighted
    label = row.label if row.level != TOTAL else row.label.upper()
    printed = amounts(row.variance, row.level == LINE)
    return [row.account, Cell(label, bold=bold), *[Cell(text, bold=bold, right=True) for text in printed]]


def amounts(variance: Variance, line: bool = False) -> tuple[str, str, str, str]:
    """Forecast, actual, difference and percent as printed (until an actual is entered: « non saisi »
    for a line, « — » for a group)."""
    if not variance.reported:
        return (format_money(variance.forecast), LINE_NOT_ENTERED if line else NOT_ENTERED, NOT_ENTERED,
                NOT_ENTERED)
    return (format_money(variance.forecast), format_money(variance.actual), format_signed_money(variance.difference),
            format_percent(variance.percent))


def result_sentence(result: Variance) -> str:
    forecast = _balance(result.forecast)
    if not result.reported:
        return f"Résultat prévu : {forecast}."
    return f"Résultat prévu : {forecast} ; résultat réalisé : {_balance(result.actual)}."


def _balance(value) -> str:
    if value == 0:
        return "équilibre"
    return f"excédent de {format_money(value)}" if value > 0 else f"déficit de {format_money(-value)}"


def _funder(funder: FunderView, sheet: dict) -> list:
    story = [para(funder.name, sheet["h1"], bold_prefix="Financement apporté par : ")]
    rows = [[line.account, line.label, *[Cell(t, right=True) for t in amounts(line.variance, True)]]
            for line in funder.lines]
    rows.append(["", Cell("Total", bold=True), *[Cell(t, bold=True, right=True) for t in amounts(funder.variance)]])
    widths = fitted_widths(rows, WIDTHS, MONEY_COLUMNS, LABEL_COLUMN)
    story.append(table(("Compte", "Produit", *HEADER[2:]), rows, widths, emphasis_rows=[len(rows) - 1],
                       sheet=sheet))
    return story + [para("Ces lignes sont surlignées dans le tableau des produits.", sheet["body"])]


def _annex(report: FinancialReport, sheet: dict) -> list:
    threshold = format_percent(SIGNIFICANT_SHARE * 100, signed=False)
    story = [para("Annexe – explication des écarts significatifs", sheet["h1"]),
             para(f"Un écart est significatif lorsque la réalisation s'écarte de la prévision de plus de {threshold}.",
                  sheet["body"])]
    if not report.explanations:
        return story + [missing_note("Aucun écart significatif." if report.any_reported else
                                     "Aucun montant réalisé n'est encore saisi.", sheet)]
    rows = []
    for item in report.explanations:
        _forecast, _actual, difference, percent = amounts(item.variance)
        text = item.text or "Explication à rédiger."
        rows.append([Cell(item.shown_label, bold=True), Cell(difference, right=True), Cell(percent, right=True),
                     Cell(text, bold=not item.text)])
    widths = fitted_widths(rows, (0.3, 0.14, 0.1, 0.46), (1, 2), 3)
    story.append(table(("Groupe de comptes", "Écart (€)", "Écart (%)", "Explication"), rows, widths, sheet=sheet))
    if any(item.partial for item in report.explanations):
        from reportlab.platypus import Spacer

        story += [Spacer(1, 4), para(PARTIAL_NOTE, sheet["body"])]
    return story
