"""The ``offers`` export: the offers of a consultation compared, ranked (PDF or XLSX, by the output's suffix).

Without a consultation id, every consultation of the pathway, one after the other.
"""

from __future__ import annotations

from typing import Optional

from parcours_designer.export.offers_grid import offers_grid
from parcours_designer.model.pathway import Pathway


def render(pathway: Pathway, suffix: str, partner_id: Optional[str] = None,
           consultation_id: Optional[str] = None) -> bytes:
    from parcours_designer.model.specifications import chosen_consultations

    grids = [offers_grid(pathway, c) for c in chosen_consultations(pathway, consultation_id)]
    if suffix == ".xlsx":
        from parcours_designer.export.offers_xlsx import render_xlsx

        return render_xlsx(pathway, grids)
    from parcours_designer.export.offers_pdf import render_pdf

    return render_pdf(pathway, grids)
