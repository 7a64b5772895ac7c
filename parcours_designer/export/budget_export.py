"""The ``budget`` export: XLSX, CSV or PDF, by the output's suffix."""

from __future__ import annotations

from typing import Optional

from parcours_designer.model.pathway import Pathway


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None) -> bytes:
    if suffix == ".xlsx":
        from parcours_designer.export.budget_xlsx import render_xlsx

        return render_xlsx(pathway)
    if suffix == ".csv":
        from parcours_designer.export.budget_csv import render_csv

        return render_csv(pathway)
    from parcours_designer.export.budget_pdf import render_pdf

    return render_pdf(pathway)
