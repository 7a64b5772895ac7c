"""Which line of account 74 a subsidy belongs to: État, Région(s), Commune(s)…

A funding line may say it (``funder_category``); otherwise a category is
proposed from its funder's name (« Conseil départemental de la Manche »)
and kind (a local authority), then from the line's own label.
"""

from __future__ import annotations

import re
from typing import Optional

from parcours_designer.model.entities import Funding, Partner
from parcours_designer.model.enums import FunderCategory as C
from parcours_designer.model.enums import PartnerKind
from parcours_designer.model.formatting import folded
from parcours_designer.model.pathway import Pathway

# Searched in this order, in the name folded to lower case without accents:
# the more specific names first (« Communauté de communes » before « commune »).
_NAME_PATTERNS: tuple[tuple[C, str], ...] = (
    (C.ASP, r"\basp\b|agence de services et de paiement|emplois? aides?"),
    (C.EUROPEAN_FUNDS, r"\bfse\b|\bfeder\b|\bleader\b|\bfeader\b|europe|union europeenne"),
    (C.SOCIAL_BODIES, r"\bcaf\b|allocations familiales|\bmsa\b|\bcpam\b|\bcarsat\b|\burssaf\b"),
    (C.INTERMUNICIPALITY, r"communaute (de communes|d'agglomeration|urbaine)|agglo|metropole|\bepci\b"
                          r"|intercommunal|\bpetr\b"),
    (C.REGION, r"\bregion\b|conseil regional|\bregional\b"),
    (C.DEPARTMENT, r"\bdepartement\b|conseil departemental|\bdepartemental\b"),
    (C.STATE, r"\betat\b|ministere|prefecture|\bdreets\b|\bddets\b|\bdrac\b|\bdraaf\b|\bdrajes\b"
              r"|\bsdjes\b|\bdrdfe\b|\banct\b|politique de la ville|\bfdva\b|\bfonjep\b"),
    (C.MUNICIPALITY, r"\bville\b|\bmairie\b|\bcommune\b|municipal"),
    (C.PRIVATE, r"fondation|fonds de dotation|mecenat|mecene|entreprise|\bcredit\b|\bbanque populaire\b"),
    (C.OTHER_PUBLIC, r"banque des territoires|caisse des depots|bpifrance|\bademe\b|\bcnm\b|\bcnc\b"
                     r"|centre national|agence|office|etablissement public|\bcci\b|chambre"),
)

_BY_KIND: dict[PartnerKind, C] = {PartnerKind.LOCAL_AUTHORITY: C.MUNICIPALITY}


def category_from_name(name: str) -> Optional[C]:
    """The category a funder's name points to (``None``: the name says nothing)."""
    name_folded = folded(name).replace("’", "'")
    for category, pattern in _NAME_PATTERNS:
        if re.search(pattern, name_folded):
            return category
    return None


def proposed_category(funding: Funding, partner: Optional[Partner]) -> Optional[C]:
    """The category proposed for a subsidy: from its funder's name, kind, then its label."""
    if partner is not None:
        found = category_from_name(partner.name)
        if found is not None:
            return found
    found = category_from_name(funding.label)
    if found is not None:
        return found
    return _BY_KIND.get(partner.kind) if partner is not None else None


def funder_category(funding: Funding, partners: dict[str, Partner]) -> Optional[C]:
    """The category chosen on the line, else the one proposed."""
    if funding.funder_category is not None:
        return funding.funder_category
    return proposed_category(funding, partners.get(funding.partner_id or ""))


def category_proposal(pathway: Pathway, funding: Funding) -> Optional[C]:
    """What the editor proposes for a line whose category is not chosen (``None``: nothing to propose)."""
    partner = next((p for p in pathway.partners if p.id == funding.partner_id), None)
    return proposed_category(funding, partner)
