"""The domain: pathways, their file, their budget and their check. No Qt here.

The names below are loaded on first use (PEP 562): importing a light module
of the model (``model.kinds``, ``model.formatting``) does not build the
pydantic classes, so the editor's window can show first.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parcours_designer.model.entities import (
        Audience,
        Contact,
        Cost,
        Funding,
        Indicator,
        Need,
        Objective,
        Partner,
        PartnerLink,
        Phase,
        Question,
        Questionnaire,
        Referent,
        Review,
        Risk,
        Topic,
    )
    from parcours_designer.model.errors import PathwayError
    from parcours_designer.model.fileformat import (
        PathwayFileError,
        dump_pathway,
        load_pathway,
        parse_pathway,
        save_pathway,
    )
    from parcours_designer.model.kinds import KINDS, ListKind
    from parcours_designer.model.pathway import Pathway

_HOMES = {
    **dict.fromkeys(("Audience", "Contact", "Cost", "Funding", "Indicator", "Need", "Objective", "Partner",
                     "PartnerLink", "Phase", "Question", "Questionnaire", "Referent", "Review", "Risk", "Topic"),
                    "entities"),
    "PathwayError": "errors",
    **dict.fromkeys(("PathwayFileError", "dump_pathway", "load_pathway", "parse_pathway", "save_pathway"),
                    "fileformat"),
    "KINDS": "kinds",
    "ListKind": "kinds",
    "Pathway": "pathway",
}

__all__ = [
    "Audience", "Contact", "Cost", "Funding", "Indicator", "KINDS", "ListKind", "Need", "Objective", "Partner",
    "PartnerLink", "Pathway", "PathwayError", "PathwayFileError", "Phase", "Question", "Questionnaire", "Referent",
    "Review", "Risk", "Topic", "dump_pathway", "load_pathway", "parse_pathway", "save_pathway",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
