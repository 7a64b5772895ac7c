"""Small pathways written in the tests, dates worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parcours_designer.model.fileformat import validate_pathway
from parcours_designer.model.pathway import Pathway

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "dla-collectif-culture.parcours"


def d(text: str) -> date:
    return date.fromisoformat(text)


def phase(phase_id: str, **fields) -> dict:
    return {"id": phase_id, "title": f"Étape {phase_id}", **fields}


def pathway(*phases: dict, **fields) -> Pathway:
    return validate_pathway({"title": "Parcours de test", "phases": list(phases), **fields})


def chain(**fields) -> Pathway:
    """A (5 days) → B (3 days), A → C (1 day), B and C → D (2 days), from Monday 4 January 2027."""
    return pathway(
        phase("A", duration_days=5),
        phase("B", duration_days=3, depends_on=["A"]),
        phase("C", duration_days=1, depends_on=["A"]),
        phase("D", duration_days=2, depends_on=["B", "C"]),
        start="2027-01-04",
        **fields,
    )
