"""The ``financial-report`` export: the compte rendu financier as PDF or XLSX, by the output's suffix."""

from __future__ import annotations

from typing import Optional

from parcours_designer.export.errors import ExportError
from parcours_designer.export.financial_report import TITLE, financial_report, funded_by
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import display_name


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None) -> bytes:
    if partner_id is not None and not funded_by(pathway, partner_id):
        name = display_name(pathway.index("partners")[partner_id])
        raise ExportError(f"{TITLE} : le partenaire « {name} » ne finance pas ce parcours "
                          "(aucun produit ne lui est rattaché)")
    report = financial_report(pathway, partner_id)
    if suffix == ".xlsx":
        from parcours_designer.export.financial_report_xlsx import render_xlsx

        return render_xlsx(pathway, report)
    from parcours_designer.export.financial_report_pdf import render_pdf

    return render_pdf(pathway, report)
