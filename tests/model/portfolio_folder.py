"""A portfolio folder of our own making: two editions of one pathway in subfolders,
another pathway, a broken file, a partner and a topic spelled differently."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from parcours_designer import paths
from parcours_designer.model import Contact, Partner, Topic, load_pathway, save_pathway
from parcours_designer.model.enums import FundingStatus, PartnerKind
from parcours_designer.model.shift import shift_dates
from tests.model.factories import EXAMPLE

EDITION_2027 = "dla-manche/2027/collectif.parcours"
EDITION_2026 = "dla-manche/2026/collectif.parcours"
ORNE = "orne/individuel.parcours"
BROKEN = "casse.parcours"
DEPARTMENT = "Conseil départemental de la Manche"
DEPARTMENT_2026 = "CONSEIL DEPARTEMENTAL  de la manche"
TOPIC = "Difficulté récurrente à financer un poste de chargé·e de diffusion"


def edition_2026():
    """Last year's edition: another spelling of the Département, another e-mail, a phase
    fewer, two phases swapped, a smaller grant, the same topic written differently."""
    pathway = shift_dates(load_pathway(EXAMPLE), timedelta(days=-364))
    pathway.edition = "2026"
    department = next(p for p in pathway.partners if p.id == "p6")
    department.name = DEPARTMENT_2026
    department.contact.email = "culture-ancien@manche.example.fr"
    pathway.phases = [p for p in pathway.phases if p.id != "ph12"]
    for phase in pathway.phases:
        phase.depends_on = [d for d in phase.depends_on if d != "ph12"]
    pathway.costs = [c for c in pathway.costs if c.phase_id != "ph12"]
    for consultation in pathway.consultations:
        consultation.phase_ids = [i for i in consultation.phase_ids if i != "ph12"]
    first, second = pathway.phases.index(_phase(pathway, "ph6")), pathway.phases.index(_phase(pathway, "ph7"))
    pathway.phases[first], pathway.phases[second] = pathway.phases[second], pathway.phases[first]
    grant = next(f for f in pathway.funding if f.id == "f3")
    grant.amount, grant.status = Decimal("4000.00"), FundingStatus.GRANTED
    pathway.needs[0].category = "Stratégie  de DIFFUSION"
    pathway.review.topics_to_report = [Topic(text="difficulte recurrente a financer un poste de  charge·e de diffusion",
                                             partner_ids=["p6"])]
    pathway.indicators[0].result = 3
    return pathway


def _phase(pathway, phase_id):
    return next(p for p in pathway.phases if p.id == phase_id)


def orne_pathway():
    pathway = load_pathway(paths.resources_dir() / "templates" / "dla-individuel.parcours")
    pathway.edition = "2027"
    pathway.review.topics_to_report = [Topic(text=TOPIC.upper(), partner_ids=["p3"])]
    pathway.partners.append(Partner(id="p9", name=DEPARTMENT, kind=PartnerKind.LOCAL_AUTHORITY,
                                    role="Financeur du volet diffusion",
                                    contact=Contact(email="culture@manche.example.fr", phone="0233059837")))
    return pathway


def build_portfolio(folder: Path) -> Path:
    """Write the portfolio below ``folder``; returns ``folder``."""
    for relative, pathway in ((EDITION_2027, load_pathway(EXAMPLE)), (EDITION_2026, edition_2026()),
                              (ORNE, orne_pathway())):
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        save_pathway(pathway, target)
        (target.parent / (target.name + ".bak")).unlink(missing_ok=True)
    (folder / BROKEN).write_text('{"format": "parcours-designer", "format_version": 2, "pathway": {',
                                 encoding="utf-8")
    (folder / "notes.txt").write_text("pas un parcours", encoding="utf-8")
    return folder
