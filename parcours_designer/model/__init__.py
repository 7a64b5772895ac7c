"""The domain: pathways, their file, their budget and their check. No Qt here."""

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
from parcours_designer.model.pathway import ENTITY_LISTS, Pathway

__all__ = [
    "Audience",
    "Contact",
    "Cost",
    "ENTITY_LISTS",
    "Funding",
    "Indicator",
    "Need",
    "Objective",
    "Partner",
    "PartnerLink",
    "Pathway",
    "PathwayError",
    "PathwayFileError",
    "Phase",
    "Question",
    "Questionnaire",
    "Referent",
    "Review",
    "Risk",
    "Topic",
    "dump_pathway",
    "load_pathway",
    "parse_pathway",
    "save_pathway",
]
