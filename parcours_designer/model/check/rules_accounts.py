"""Rules on how budget lines are booked: an account that does not suit its line, a subsidy without funder line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import Hit, Severity, hit, rule
from parcours_designer.model.formatting import folded
from parcours_designer.model.funders import funder_category
from parcours_designer.model.references import display_name

_THING_LENT = (r"\bsalle|\blocal\b|\blocaux\b|\blieu\b|materiel|equipement|vehicule|mise a disposition"
               r"|\bpret\b|hebergement")
_VOLUNTEER = r"benevol"
_FEE = r"honoraire|prestation|consultant|intervenant exterieur|cabinet"


@dataclass(frozen=True)
class Misbooking:
    """A line booked on ``account`` whose label matches ``pattern`` belongs on ``better``."""

    account: str
    pattern: str
    better: str
    better_label: str


CHARGES = (
    Misbooking("864", _THING_LENT, "861", "mise à disposition gratuite de biens et services"),
    Misbooking("861", _VOLUNTEER, "864", "personnel bénévole"),
    Misbooking("64", _FEE, "622", "rémunérations intermédiaires et honoraires"),
)
PRODUCTS = (
    Misbooking("870", _THING_LENT, "871", "prestations en nature"),
    Misbooking("871", _VOLUNTEER, "870", "bénévolat"),
)
ACCOUNT_NAMES = {"864": "personnel bénévole", "861": "mise à disposition gratuite de biens et services",
                 "64": "charges de personnel", "870": "bénévolat", "871": "prestations en nature"}


def misbooking(account: str, label: str, rules: tuple[Misbooking, ...]) -> Optional[Misbooking]:
    """The first rule a line breaks, or ``None``."""
    label_folded = folded(label)
    return next((m for m in rules if account.startswith(m.account) and re.search(m.pattern, label_folded)), None)


@rule("account-unsuited", Severity.WARNING, "Comptes adaptés aux lignes du budget")
def account_unsuited(ctx: Context) -> Iterator[Hit]:
    for list_name, lines, rules in (("costs", ctx.pathway.costs, CHARGES),
                                    ("funding", ctx.pathway.funding, PRODUCTS)):
        for line in lines:
            found = misbooking(line.account, line.label, rules)
            if found is not None:
                yield hit(list_name, line, f"« {display_name(line)} » est au compte {line.account} "
                          f"({ACCOUNT_NAMES[found.account]}) : il relève plutôt du compte {found.better} "
                          f"({found.better_label}).")


@rule("subsidy-without-funder-category", Severity.WARNING, "Subventions rangées par financeur")
def subsidy_without_funder_category(ctx: Context) -> Iterator[Hit]:
    for funding in ctx.pathway.funding:
        if funding.account.startswith("74") and funder_category(funding, ctx.partners_by_id) is None:
            yield hit("funding", funding, f"La subvention « {display_name(funding)} » ne peut être rangée sous "
                      "aucune ligne du compte 74 du formulaire CERFA (État, Région(s), Commune(s)…) : choisissez "
                      "sa catégorie de financeur dans la page Budget.")
