"""Benchmark: load and check a pathway of 1,000 phases, 300 partners, 2,000 cost lines.

Run with ``make bench``. Prints the median and best of several in-process runs.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from parcours_designer.model.check import run_check
from parcours_designer.model.fileformat import load_pathway, save_pathway
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.synthetic import large_pathway
from parcours_designer.paths import framework_folders

RUNS = 7


def measure(action) -> tuple[float, float]:
    timings = []
    for _ in range(RUNS):
        begin = time.perf_counter()
        action()
        timings.append((time.perf_counter() - begin) * 1000)
    return statistics.median(timings), min(timings)


def main() -> None:
    framework = load_catalog(framework_folders()).default()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "grand.parcours"
        save_pathway(large_pathway(), path)
        size_kib = path.stat().st_size / 1024
        pathway = load_pathway(path)
        load_ms = measure(lambda: load_pathway(path))
        check_ms = measure(lambda: run_check(pathway, framework))
        both_ms = measure(lambda: run_check(load_pathway(path), framework))
    print(f"fichier : {size_kib:.0f} Kio, {len(pathway.phases)} étapes, {len(pathway.partners)} partenaires, "
          f"{len(pathway.costs)} lignes de charges")
    for label, (median, best) in (("chargement", load_ms), ("vérification", check_ms),
                                  ("chargement + vérification", both_ms)):
        print(f"{label:<28} médiane {median:7.1f} ms   meilleur {best:7.1f} ms")
    verdict = "OK" if both_ms[0] < 300 else "TROP LENT"
    print(f"objectif < 300 ms : {verdict}")


if __name__ == "__main__":
    main()
