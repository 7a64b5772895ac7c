"""``parcours-designer frameworks``: the competence frameworks available."""

from __future__ import annotations

import sys

from parcours_designer.model.frameworks import load_catalog
from parcours_designer.paths import framework_folders
from parcours_designer.paths import user_frameworks_dir

NAME = "frameworks"


def add_parser(subparsers) -> None:
    subparsers.add_parser(NAME, help="lister les référentiels de compétences disponibles")


def run(args) -> int:
    catalog = load_catalog(framework_folders())
    for framework_id, framework in sorted(catalog.frameworks.items()):
        count = len(framework.competences())
        print(f"{framework_id}\t{framework.title} ({count} compétences)")
    print(f"\nRéférentiels personnels : {user_frameworks_dir()}")
    for problem in catalog.problems:
        print(f"Ignoré : {problem}", file=sys.stderr)
    return 0
