"""The lists of a pathway, declared once: one :class:`ListKind` record per list.

Everything that depends on « which lists a pathway has » reads :data:`KINDS`:
the pathway (``Pathway.items``), references and their messages, the check's
target types, the editor's new ids, pages, columns and forms. Adding a list
is adding its entity class, its field on :class:`~parcours_designer.model.pathway.Pathway`
and one record here (see docs/ARCHITECTURE.md, « Registry of list kinds »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:
    from parcours_designer.model.entities import Entity


@dataclass(frozen=True)
class ListKind:
    """One list of a pathway: what it holds and how it is named.

    ``list_name`` is the attribute of the pathway and the key of the file
    format (``"phases"``); ``target_type`` names one item in the check's
    findings and in JSON (``"phase"``); ``id_prefix`` starts the ids the
    editor gives (``"ph"`` → ``ph1``, ``ph2``…). The French nouns come with
    their article: ``definite`` (« l'étape »), ``indefinite`` (« une étape »),
    and ``title`` names the whole list (« Étapes »).

    The entity class is named (``entity_name``) and found on first use: the
    window reads this registry to build its navigation before the model's
    pydantic classes are built (see « Start » in docs/ARCHITECTURE.md).
    """

    list_name: str
    entity_name: str
    target_type: str
    id_prefix: str
    definite: str
    indefinite: str
    title: str
    module: str = "entities"  # the module of ``parcours_designer.model`` defining the class


    @property
    def entity(self) -> type[Entity]:
        """The class of the list's items (``Phase`` for ``"phases"``)."""
        import importlib

        module = importlib.import_module(f"parcours_designer.model.{self.module}")
        found: type[Entity] = getattr(module, self.entity_name)
        return found

    def new_id(self, used: Iterable[str]) -> str:
        """The prefix and the number after the highest one in ``used`` (never one of them)."""
        taken = set(used)
        pattern = re.compile(rf"^{re.escape(self.id_prefix)}(\d+)$")
        numbers = [int(match.group(1)) for item_id in taken if (match := pattern.match(item_id))]
        number = max(numbers, default=0) + 1
        while f"{self.id_prefix}{number}" in taken:
            number += 1
        return f"{self.id_prefix}{number}"


# In file order (the order of the lists in a ``.parcours`` file).
KINDS: dict[str, ListKind] = {kind.list_name: kind for kind in (
    ListKind("audiences", "Audience", "audience", "a", "le public", "un public", "Publics"),
    ListKind("needs", "Need", "need", "n", "le besoin", "un besoin", "Besoins"),
    ListKind("objectives", "Objective", "objective", "o", "l'objectif", "un objectif", "Objectifs"),
    ListKind("partners", "Partner", "partner", "p", "le partenaire", "un partenaire", "Partenaires"),
    ListKind("phases", "Phase", "phase", "ph", "l'étape", "une étape", "Étapes"),
    ListKind("costs", "Cost", "cost", "c", "la charge", "une charge", "Charges"),
    ListKind("funding", "Funding", "funding", "f", "le produit", "un produit", "Produits"),
    ListKind("indicators", "Indicator", "indicator", "i", "l'indicateur", "un indicateur", "Indicateurs"),
    ListKind("questionnaires", "Questionnaire", "questionnaire", "q", "le questionnaire", "un questionnaire",
             "Questionnaires"),
    ListKind("risks", "Risk", "risk", "r", "le risque", "un risque", "Risques"),
    ListKind("consultations", "Consultation", "consultation", "cs", "la consultation", "une consultation",
             "Consultations", module="consultations"),
    ListKind("peer_exchanges", "PeerExchange", "peer_exchange", "pe", "l'échange entre pairs",
             "un échange entre pairs", "Échanges entre pairs"),
    ListKind("commitments", "Commitment", "commitment", "rse", "l'engagement RSE", "un engagement RSE",
             "Engagements RSE"),
)}

_BY_TARGET: dict[str, ListKind] = {kind.target_type: kind for kind in KINDS.values()}


def kind_of_target(target_type: str) -> Optional[ListKind]:
    """The list whose items a finding's ``target_type`` names (``None``: the pathway itself)."""
    return _BY_TARGET.get(target_type)
