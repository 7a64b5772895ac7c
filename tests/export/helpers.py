"""Pathways and readers for the export tests: the example, hostile text, a cycle, no dates, only a title."""

from __future__ import annotations

import io
import re
from datetime import date

from parcours_designer.model.fileformat import load_pathway
from parcours_designer.model.pathway import Pathway
from parcours_designer.paths import resources_dir

EXAMPLE = resources_dir() / "examples" / "dla-collectif-culture.parcours"
HOSTILE_TITLE = "R&D <b>x</b> & Cie <script>"


def hostile_pathway() -> Pathway:
    data = load_pathway(EXAMPLE).model_dump()
    data["title"] = HOSTILE_TITLE
    data["phases"][0]["title"] = 'Atelier <img src="http://example.invalid/x.png"/> coût 5$ et 3$'
    data["phases"][1]["location"] = "Salle « A » & <font size=40>B</font>"
    data["costs"][0]["label"] = '=HYPERLINK("http://example.invalid","clic")'
    data["partners"][0]["name"] = "@SOMME(A1) Œuvre & Cie"
    return Pathway.model_validate(data)


def cycle_pathway() -> Pathway:
    data = load_pathway(EXAMPLE).model_dump()
    data["phases"][1]["depends_on"] = ["ph1", "ph3"]  # ph3 already depends on ph2
    return Pathway.model_validate(data)


def undated_pathway() -> Pathway:
    data = load_pathway(EXAMPLE).model_dump()
    data["start"] = data["end"] = None
    for phase in data["phases"]:
        phase["start"] = phase["end"] = None
    return Pathway.model_validate(data)


def title_only_pathway() -> Pathway:
    return Pathway(title="Parcours à construire")


ODD_PATHWAYS = {"cycle": cycle_pathway, "undated": undated_pathway, "title-only": title_only_pathway}


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_reader(data: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data))


HYPHENATED = re.compile(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])")


def flat(text: str) -> str:
    """Text with every kind of space and line break as one plain space, hyphenated words joined."""
    return " ".join(HYPHENATED.sub("", text).replace("\u00a0", " ").replace("\u202f", " ").split())


TODAY = date.today()


def kind_options(kind, pathway: Pathway) -> dict:
    """What a kind needs besides the pathway: the first questionnaire for ``questionnaire``."""
    if kind.needs_questionnaire and pathway.questionnaires:
        return {"questionnaire_id": pathway.questionnaires[0].id}
    return {}
