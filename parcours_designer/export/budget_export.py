"""The ``budget`` export: XLSX, CSV or PDF, by the output's suffix.

``whole_euros``: amounts rounded to the euro, as the CERFA form asks.
"""

from __future__ import annotations

from typing import Optional

from parcours_designer.model.pathway import Pathway


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None, *, whole_euros: bool = False) -> bytes:
    if suffix == ".xlsx":
        from parcours_designer.export.budget_xlsx import render_xlsx

        return render_xlsx(pathway, whole_euros=whole_euros)
    if suffix == ".csv":
        from parcours_designer.export.budget_csv import render_csv

        return render_csv(pathway, whole_euros=whole_euros)
    from parcours_designer.export.budget_pdf import render_pdf

    return render_pdf(pathway, whole_euros=whole_euros)
