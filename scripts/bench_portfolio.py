"""Benchmark: first and second reading of a portfolio of 300 and 1,000 pathways.

Run with ``make bench``. The pathways are the bundled example and template,
varied (title, edition, territory, a partner's spelling), in subfolders of a
temporary folder; the index lives in a temporary user folder. Each reading
runs in a fresh process (``parcours-designer portfolio DIR --json``): the
time of the reading itself (after the program's start) and of the whole
command are reported. Goal: the second reading of 300 pathways in at most
1 s beyond the program's start.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from parcours_designer import paths
from parcours_designer.model.fileformat import load_pathway, save_pathway

SIZES = (300, 1000)
GOAL_SECONDS = 1.0
SPELLINGS = ("Conseil départemental de la Manche", "CONSEIL DEPARTEMENTAL DE LA MANCHE",
             "Conseil  départemental de la manche")
MEASURE = """
import sys, time
from pathlib import Path
import parcours_designer.cli  # the program's start
begin = time.perf_counter()
from parcours_designer.portfolio_index import read_indexed
portfolio = read_indexed(Path(sys.argv[1]))
print(f"{time.perf_counter() - begin:.3f} {len(portfolio.pathways)}")
"""


def write_portfolio(folder: Path, count: int) -> None:
    """``count`` pathways in yearly subfolders, each a variation of a bundled one."""
    sources = [load_pathway(paths.resources_dir() / "examples" / "dla-collectif-culture.parcours"),
               load_pathway(paths.resources_dir() / "templates" / "dla-individuel.parcours")]
    for number in range(count):
        pathway = sources[number % 2].model_copy(deep=True)
        year = 2020 + number % 8
        pathway.title = f"{pathway.title} – groupe {number // 16 + 1}"
        pathway.edition = str(year)
        pathway.territory = ("Manche (50)", "Orne (61)", "Calvados (14)")[number % 3]
        pathway.partners[-1].name = SPELLINGS[number % len(SPELLINGS)]
        target = folder / str(year) / f"parcours-{number:04d}.parcours"
        target.parent.mkdir(parents=True, exist_ok=True)
        save_pathway(pathway, target)


def read_in_fresh_process(folder: Path, home: Path) -> tuple[float, float, int]:
    """(seconds reading, seconds of the whole process, pathways read)."""
    environment = {**os.environ, paths.HOME_VARIABLE: str(home)}
    begin = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, str(folder)], capture_output=True, text=True,
                          env=environment, check=True)
    whole = time.perf_counter() - begin
    reading, count = done.stdout.split()
    return float(reading), whole, int(count)


def command_seconds(folder: Path, home: Path) -> float:
    environment = {**os.environ, paths.HOME_VARIABLE: str(home)}
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-m", "parcours_designer", "portfolio", str(folder), "--json"],
                   capture_output=True, env=environment, check=True)
    return time.perf_counter() - begin


def main(sizes=SIZES) -> None:
    verdicts = []
    for count in sizes:
        with tempfile.TemporaryDirectory() as work:
            folder, home = Path(work) / "portefeuille", Path(work) / "utilisateur"
            write_portfolio(folder, count)
            first, first_whole, read = read_in_fresh_process(folder, home)
            second, second_whole, _ = read_in_fresh_process(folder, home)
            command = command_seconds(folder, home)
            index_kib = sum(p.stat().st_size for p in (home / "cache").iterdir()) / 1024
        print(f"{count} parcours ({read} lus) : 1re lecture {first:6.2f} s (processus {first_whole:6.2f} s), "
              f"2e lecture {second:5.2f} s (processus {second_whole:5.2f} s), "
              f"commande portfolio --json {command:5.2f} s, index {index_kib:.0f} Kio")
        if count == 300:
            verdicts.append(second <= GOAL_SECONDS)
    print(f"objectif 2e lecture de 300 parcours ≤ {GOAL_SECONDS:.0f} s après le démarrage : "
          f"{'OK' if all(verdicts) else 'TROP LENT'}")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
