"""Time the heavy exports on large synthetic pathways (not a test: prints figures).

Targets (issue 4): 1,000 phases → Gantt PNG < 3 s and budget XLSX < 2 s;
200 phases → plan PDF < 5 s. Run: ``.venv/bin/python scripts/bench_exports.py``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.enums import PhaseKind
from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.pathway import Pathway
from parcours_designer.paths import resources_dir

EXAMPLE = resources_dir() / "examples" / "dla-collectif-culture.parcours"
TARGETS = (("gantt", ".png", 1000, 3.0), ("budget", ".xlsx", 1000, 2.0), ("plan", ".pdf", 200, 5.0))


def synthetic_pathway(phase_count: int) -> Pathway:
    """The example pathway grown to ``phase_count`` phases, each with a cost and dependencies."""
    data = load_pathway(EXAMPLE).model_dump()
    kinds = list(PhaseKind)
    first = date(2027, 1, 4)
    data["phases"], data["costs"] = [], []
    for n in range(phase_count):
        start = first + timedelta(days=(n * 2) % 700)
        data["phases"].append({
            "id": f"ph{n}", "title": f"Étape n° {n + 1} : atelier « coopération » & suivi", "kind": kinds[n % len(kinds)],
            "start": start, "end": start + timedelta(days=n % 9), "milestone": n % 17 == 0,
            "objective_ids": [f"o{1 + n % 4}"], "partner_ids": [f"p{1 + n % 8}"],
            "depends_on": [f"ph{n - 1}"] if n % 5 else [], "location": "Coutances",
            "deliverables": ["Compte rendu"],
        })
        data["costs"].append({"id": f"c{n}", "label": f"Intervention {n + 1}", "account": "6226",
                              "phase_id": f"ph{n}", "partner_id": f"p{1 + n % 8}", "quantity": "1.5",
                              "unit": "jour", "unit_cost": "650.00"})
    data["start"], data["end"] = first, first + timedelta(days=720)
    data["questionnaires"] = [dict(q, phase_id=None) for q in data["questionnaires"]]
    data["risks"] = [dict(r, phase_ids=[]) for r in data["risks"]]
    return Pathway.model_validate(data)


def measure(kind: str, suffix: str, phases: int) -> float:
    pathway = synthetic_pathway(phases)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        EXPORT_KINDS[kind].write(pathway, Path(folder) / f"bench{suffix}")
        return time.perf_counter() - started


def main() -> int:
    EXPORT_KINDS["gantt"].write(synthetic_pathway(5), Path(tempfile.gettempdir()) / "warm-up.png")
    failed = 0
    for kind, suffix, phases, limit in TARGETS:
        seconds = measure(kind, suffix, phases)
        verdict = "ok" if seconds < limit else "TROP LENT"
        failed += seconds >= limit
        print(f"{kind:<6} {suffix:<5} {phases:>5} étapes : {seconds:6.2f} s (objectif < {limit:.0f} s) {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
