"""An argparse parser that speaks French and exits with status 2 on misuse."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

USAGE_ERROR = 2


class FrenchArgumentParser(argparse.ArgumentParser):
    """French usage lines and error messages; errors exit with status 2."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "utilisation :", 1)

    def format_help(self) -> str:
        text = super().format_help().replace("usage:", "utilisation :", 1)
        for english, french in (
            ("positional arguments:", "arguments :"),
            ("options:", "options :"),
            ("optional arguments:", "options :"),
        ):
            text = text.replace(english, french)
        return text

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(USAGE_ERROR, f"{self.prog} : erreur : {_french(message)}\n")


def _french(message: str) -> str:
    replacements = (
        ("the following arguments are required:", "arguments obligatoires manquants :"),
        ("unrecognized arguments:", "arguments non reconnus :"),
        ("invalid choice:", "choix invalide :"),
        ("choose from", "valeurs possibles :"),
        ("expected one argument", "une valeur est attendue"),
        ("argument ", "argument "),
    )
    for english, french in replacements:
        message = message.replace(english, french)
    return message
