"""What every sub-command shares: loading a pathway, reporting a failure."""

from __future__ import annotations

import sys
from pathlib import Path

from parcours_designer.model.errors import PathwayError
from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.pathway import Pathway

FAILED = 2


class CommandError(Exception):
    """A failure reported as one French line on stderr, exit status 2."""


def open_pathway(path: str) -> Pathway:
    try:
        return load_pathway(Path(path))
    except PathwayError as error:
        raise CommandError(str(error)) from None


def report(message: str) -> int:
    print(f"parcours-designer : {message}", file=sys.stderr)
    return FAILED


def use_safe_output() -> None:
    """Never crash on a console that cannot show « », œ or →."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass
