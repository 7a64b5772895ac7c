"""Benchmark: scheduling a 1,000-phase pathway after one change (target < 50 ms).

    .venv/bin/python scripts/bench_schedule.py [--phases N] [--runs R] [--view]

Builds a pathway of N phases (durations in working days, each depending on
one to three earlier phases, some with explicit dates, lags, one pinned
committee every 50 phases, closures every summer and Christmas), then times:
the full schedule with a fresh calendar, the schedule after changing one
duration (the editor's case: same calendar), and a risk scenario. With
``--view``, also the planning view (offscreen Qt, 1366×768): building it, its
refresh after one undoable change, and the time to paint one frame while
scrolling and zooming.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parcours_designer.model.calendar import WorkCalendar  # noqa: E402
from parcours_designer.model.fileformat import validate_pathway  # noqa: E402
from parcours_designer.model.pathway import Pathway  # noqa: E402
from parcours_designer.model.planning import plan_for  # noqa: E402
from parcours_designer.model.schedule import _graph_of, compute_schedule  # noqa: E402


def big_pathway(count: int, seed: int = 7) -> Pathway:
    rng = random.Random(seed)
    phases = []
    for n in range(count):
        phase = {"id": f"ph{n}", "title": f"Étape {n}", "duration_days": rng.randint(1, 10)}
        if n:
            phase["depends_on"] = sorted({f"ph{rng.randrange(max(0, n - 30), n)}" for _ in range(rng.randint(1, 3))})
        if n % 7 == 3:
            phase["lag_days"] = rng.randint(1, 5)
        if n % 50 == 49:
            phase.update(start=(date(2027, 1, 4) + timedelta(weeks=n // 5)).isoformat(), pinned=True,
                         duration_days=1)
        phases.append(phase)
    closures = [{"start": f"{y}-08-01", "end": f"{y}-08-31"} for y in range(2027, 2040)]
    closures += [{"start": f"{y}-12-24", "end": f"{y + 1}-01-01"} for y in range(2027, 2040)]
    risks = [{"id": "r1", "description": "Retard", "delay_days": 10, "phase_ids": ["ph5", "ph400"]}]
    return validate_pathway({"title": "Banc d'essai", "start": "2027-01-04", "end": "2035-12-31",
                             "phases": phases, "closures": closures, "risks": risks})


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        function()
        times.append((time.perf_counter() - begin) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    print(f"{name:<48} médiane {statistics.median(times):6.1f} ms   max {max(times):6.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--view", action="store_true", help="mesurer aussi la vue planning (Qt)")
    args = parser.parse_args()
    pathway = big_pathway(args.phases)
    calendar = WorkCalendar.for_pathway(pathway)
    schedule = compute_schedule(pathway, calendar)
    print(f"{args.phases} étapes, fin calculée {schedule.end}, {len(schedule.critical_path())} critiques")
    def from_scratch() -> None:
        _graph_of.cache_clear()
        compute_schedule(pathway)

    report("planning complet (calendrier et graphe neufs)", timed(from_scratch, args.runs))
    durations = iter(range(10**9))

    def one_change() -> None:
        pathway.phases[10].duration_days = 2 + next(durations) % 5
        compute_schedule(pathway, calendar)

    change_times = timed(one_change, args.runs)
    report("après un changement de durée (même calendrier)", change_times)
    report("scénario de risque (planning + scénario)", timed(lambda: plan_for(pathway, pathway.risks[0].id), args.runs))
    ok = statistics.median(change_times) < 50
    print("objectif < 50 ms :", "atteint" if ok else "NON ATTEINT")
    if args.view:
        bench_view(big_pathway(args.phases), args.runs)
    return 0 if ok else 1


def bench_view(pathway: Pathway, runs: int) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from parcours_designer.ui.commands import SetFields
    from parcours_designer.ui.document import Document
    from parcours_designer.ui.planning import PlanningView

    app = QApplication.instance() or QApplication([])
    document = Document(pathway)
    begin = time.perf_counter()
    view = PlanningView(document, today=date(2028, 6, 1))
    view.resize(1366, 768)
    view.show()
    app.processEvents()
    report("vue : construction et premier affichage", [(time.perf_counter() - begin) * 1000])
    durations = iter(range(10**9))

    def change() -> None:
        document.push(SetFields(document, "phases", "ph10", {"duration_days": 2 + next(durations) % 5}))
        view.canvas.viewport().repaint()

    report("vue : commande + nouveau planning + image", timed(change, max(5, runs // 3)))
    canvas = view.canvas
    vertical, horizontal = canvas.verticalScrollBar(), canvas.horizontalScrollBar()
    steps = iter(range(10**9))

    def scroll() -> None:
        n = next(steps)
        vertical.setValue((n * 120) % max(vertical.maximum(), 1))
        horizontal.setValue((n * 90) % max(horizontal.maximum(), 1))
        canvas.viewport().repaint()

    report("vue : défilement, une image", timed(scroll, runs * 3))
    for index in range(view.zoom.count()):
        view.set_zoom_level(index)
        report(f"vue : zoom « {view.zoom.itemText(index)} », une image",
               timed(lambda: (scroll()), runs))
    zooms = iter(range(10**9))

    def zoom() -> None:
        view.set_zoom_level(next(zooms) % view.zoom.count())
        canvas.viewport().repaint()

    report("vue : changement de zoom + image", timed(zoom, runs))


if __name__ == "__main__":
    sys.exit(main())
