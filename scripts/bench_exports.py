"""Time and peak memory of every export on large synthetic pathways (not a test: prints figures).

Each export runs in its own process, so that its peak memory (``ru_maxrss``)
is its own. Targets: 1,000 phases → Gantt PNG < 3 s and budget XLSX < 2 s
(issue 4), every export under 300 MiB (issue 10); 200 phases → plan PDF < 5 s.
Run: ``make bench`` or ``.venv/bin/python scripts/bench_exports.py``.
"""

from __future__ import annotations

import json
import resource
import subprocess
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
EVERY_EXPORT = [(kind, suffix) for kind, export in EXPORT_KINDS.items() for suffix in export.suffixes]
PEAK_LIMIT_MIB = 300


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


def measure(kind: str, suffix: str, phases: int) -> dict:
    """Seconds and peak MiB of one export, in this process (see :func:`measure_apart`)."""
    pathway = synthetic_pathway(phases)
    export = EXPORT_KINDS[kind]
    options = {"questionnaire_id": pathway.questionnaires[0].id} if export.needs_questionnaire else {}
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        export.write(pathway, Path(folder) / f"bench{suffix}", **options)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure_apart(kind: str, suffix: str, phases: int) -> dict:
    """:func:`measure` in a child process: its peak memory is this export's alone."""
    done = subprocess.run([sys.executable, __file__, "--one", kind, suffix, str(phases)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    if sys.argv[1:2] == ["--one"]:
        kind, suffix, phases = sys.argv[2], sys.argv[3], int(sys.argv[4])
        print(json.dumps(measure(kind, suffix, phases)))
        return 0
    failed = 0
    for kind, suffix, phases, limit in TARGETS:
        seconds = measure_apart(kind, suffix, phases)["seconds"]
        verdict = "ok" if seconds < limit else "TROP LENT"
        failed += seconds >= limit
        print(f"{kind:<10} {suffix:<5} {phases:>5} étapes : {seconds:6.2f} s (objectif < {limit:.0f} s) {verdict}")
    print(f"\nChaque export, parcours de 1 000 étapes (mémoire de pointe du processus, objectif < {PEAK_LIMIT_MIB} Mio) :")
    for kind, suffix in EVERY_EXPORT:
        figures = measure_apart(kind, suffix, 1000)
        verdict = "ok" if figures["peak_mib"] < PEAK_LIMIT_MIB else "TROP DE MÉMOIRE"
        failed += figures["peak_mib"] >= PEAK_LIMIT_MIB
        print(f"{kind:<10} {suffix:<5} {figures['seconds']:6.2f} s  {figures['peak_mib']:6.0f} Mio  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
