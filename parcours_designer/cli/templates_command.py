"""``parcours-designer templates``: the pathway templates available."""

from __future__ import annotations

import sys

from parcours_designer.model.templates import load_template_catalog
from parcours_designer.model.templates import list_templates as sorted_templates
from parcours_designer.paths import template_folders, user_templates_dir

NAME = "templates"


def add_parser(subparsers) -> None:
    subparsers.add_parser(
        NAME,
        help="lister les modèles de parcours disponibles",
        description="Liste les modèles de parcours (identifiant et titre). "
        "Un modèle se crée avec : parcours-designer new --template ID -o FICHIER.",
    )


def run(args) -> int:
    for info in sorted_templates(template_folders()):
        print(f"{info.id}\t{info.title}")
    print(f"\nModèles personnels : {user_templates_dir()}")
    for problem in load_template_catalog(template_folders()).problems:
        print(f"Ignoré : {problem}", file=sys.stderr)
    return 0
