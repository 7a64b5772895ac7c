"""``parcours-designer new --template ID -o FILE``: start a pathway from a template."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from parcours_designer.cli.common import CommandError
from parcours_designer.model.errors import PathwayError
from parcours_designer.model.fileformat import save_pathway
from parcours_designer.model.shift import shift_to_start
from parcours_designer.model.templates import load_template
from parcours_designer.oserrors import os_error_message
from parcours_designer.paths import template_folders

NAME = "new"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="créer un parcours à partir d'un modèle",
        description="Crée un nouveau fichier de parcours à partir d'un modèle "
        "(voir : parcours-designer templates). Un fichier existant n'est jamais remplacé.",
    )
    parser.add_argument("--template", metavar="ID", required=True, help="identifiant du modèle")
    parser.add_argument("-o", "--output", metavar="FICHIER", required=True, help="le fichier .parcours à créer")
    parser.add_argument("--start", metavar="AAAA-MM-JJ", type=_iso_date,
                        help="début du nouveau parcours : toutes les dates du modèle sont décalées "
                        "d'autant de semaines entières (chaque étape garde son jour de la semaine)")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide : « {text} » (format attendu : AAAA-MM-JJ)") from None


def run(args) -> int:
    target = Path(args.output)
    if target.exists() or target.is_symlink():
        raise CommandError(f"{target} : le fichier existe déjà ; choisissez un autre nom "
                           "(un fichier existant n'est jamais remplacé)")
    if not target.parent.is_dir():
        raise CommandError(f"{target} : le dossier {target.parent} n'existe pas")
    try:
        pathway = load_template(args.template, template_folders())
    except PathwayError as error:
        raise CommandError(str(error)) from None
    if args.start is not None:
        pathway = shift_to_start(pathway, args.start)
    try:
        save_pathway(pathway, target)
    except PathwayError as error:
        raise CommandError(str(error)) from None
    except OSError as error:
        raise CommandError(os_error_message(error, target)) from None
    print(f"Parcours créé à partir du modèle « {args.template} » : {target}")
    return 0
