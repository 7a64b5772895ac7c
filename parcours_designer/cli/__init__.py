"""The command line: ``parcours-designer [FILE]`` or a headless sub-command.

Each sub-command is a module with ``NAME``, ``add_parser(subparsers)`` and
``run(args) -> int``; they call the same functions as the editor's menus.
"""

from __future__ import annotations

import os
import sys
from typing import Optional, Sequence

from parcours_designer import __version__
from parcours_designer.cli import (
    check_command,
    export_command,
    frameworks_command,
    new_command,
    portfolio_command,
    responses_command,
    schedule_command,
    templates_command,
)
from parcours_designer.cli.common import CommandError, report, use_safe_output
from parcours_designer.cli.parser import FrenchArgumentParser
from parcours_designer.oserrors import os_error_message

COMMANDS = [check_command, frameworks_command, templates_command, new_command, schedule_command,
            responses_command, export_command, portfolio_command]
PROG = "parcours-designer"


def build_parser() -> FrenchArgumentParser:
    parser = FrenchArgumentParser(
        prog=PROG,
        description="Concevoir, vérifier et documenter des parcours d'accompagnement. "
        "Sans sous-commande, ouvre l'éditeur (sur FICHIER s'il est donné).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}",
                        help="afficher la version et quitter")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchArgumentParser)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    use_safe_output()
    args_list = list(sys.argv[1:] if argv is None else argv)
    commands = {command.NAME: command for command in COMMANDS}
    if not args_list or (args_list[0] not in commands and not args_list[0].startswith("-")):
        return open_editor(args_list)
    args = build_parser().parse_args(args_list)
    if args.command is None:
        return open_editor([])
    try:
        return commands[args.command].run(args)
    except CommandError as error:
        return report(str(error))
    except BrokenPipeError:
        # The reader (``| head``…) went away: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return report("interrompu")
    except OSError as error:  # a read or write the command did not expect to fail
        return report(os_error_message(error))
    except Exception as error:  # a defect of ours: still one French line, never a traceback
        return report(f"erreur inattendue ({type(error).__name__} : {str(error)[:200]}) ; "
                      "merci de signaler ce problème")


def open_editor(args: list[str]) -> int:
    if len(args) > 1:
        return report(f"un seul fichier à la fois peut être ouvert (reçu : {' '.join(args)})")
    from parcours_designer.startup import preload_model

    preload_model()  # the model loads while Qt builds the window
    from parcours_designer.ui.app import run_editor

    return run_editor(args[0] if args else None)
