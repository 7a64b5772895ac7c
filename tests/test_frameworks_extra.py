"""The related frameworks, the cooperation rules, and docs/frameworks.md.

Regenerate the rule table of the documentation after adding a rule:
``.venv/bin/python -m tests.test_frameworks_extra``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from parcours_designer.atomic import atomic_write
from parcours_designer.cli import main
from parcours_designer.model import Funding, Partner, PartnerLink, Pathway, Phase, Risk
from parcours_designer.model.check import RULES, Coverage, Severity, run_check
from parcours_designer.model.enums import Modality, NeedSource, PartnerKind, PhaseFormat, PhaseKind
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.templates import load_template
from parcours_designer.paths import framework_folders, template_folders

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "frameworks.md"
START, END = "<!-- RULES:START -->", "<!-- RULES:END -->"
SEEDS = ROOT.parent / "shared" / "seeds"  # the project's shared folder, beside the checkout
RELATED = {
    "cooperation-culturelle-territoriale": "000_fc75c0680d2a75fd.txt",
    "manager-ingenierie-culturelle": "001_4ae278d368183100.txt",
    "charge-production-diffusion": "004_b7e063d49cba347d.txt",
}
COOPERATION_RULES = {
    "no-stakeholder-map", "partner-outside-map", "partner-without-role", "partner-not-involved",
    "need-without-audience", "no-shared-diagnostic", "no-steering-with-partners",
    "no-co-construction-workshop", "no-phase-dependencies", "phase-without-location",
    "no-partner-questionnaire", "funding-without-partner", "funding-concentrated",
    "risk-without-mitigation", "risk-delay-without-phase",
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(framework_folders())


# --- the framework files -------------------------------------------------


def test_related_frameworks_load_without_problem(catalog):
    assert catalog.problems == []
    for framework_id in RELATED:
        framework = catalog.require(framework_id)
        assert framework.source and framework.definition
        assert all(competence.rules for competence in framework.competences())


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text).replace("\\", "")
    return " ".join(text.replace("’", "'").split()).casefold()


def quoted_fragments(text: str) -> list[str]:
    """The parts of a quotation abridged with « … », numbering (« C13 : ») left out."""
    text = re.sub(r"^c\d+\s*[:-]\s*", "", _plain(text))
    return [part.strip(" ,.") for part in text.split("…") if part.strip(" ,.")]


@pytest.mark.parametrize("framework_id", sorted(RELATED))
def test_titles_quote_the_seed(catalog, framework_id):
    seed = _plain((SEEDS / RELATED[framework_id]).read_text(encoding="utf-8"))
    framework = catalog.require(framework_id)
    assert _plain(framework.title) in seed
    for competence in framework.competences():
        for fragment in quoted_fragments(competence.title):
            assert fragment in seed, (competence.id, fragment)


CRITERION_STARTS = ("un ", "une ", "le ", "la ", "les ", "l'", "en ")


@pytest.mark.parametrize("framework_id", sorted(RELATED))
def test_savoir_faire_are_whole_actions_of_the_officer(catalog, framework_id):
    """Criteria sit in their own field; no fragment, no « il va » about a candidate."""
    for competence in catalog.require(framework_id).competences():
        for text in competence.savoir_faire:
            assert not text.casefold().startswith(CRITERION_STARTS), (competence.id, text)
            assert "…" not in text.rstrip("…)") or "(" in text, (competence.id, text)
            assert " il va " not in text and "candidat" not in text, (competence.id, text)


@pytest.mark.parametrize("framework_id", sorted(RELATED))
def test_check_with_each_framework_on_the_command_line(framework_id, capsys):
    example = ROOT / "resources" / "examples" / "dla-collectif-culture.parcours"
    assert main(["check", str(example), "--framework", framework_id, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["framework"]["id"] == framework_id
    assert len(result["competences"]) >= 7


def test_engineering_offer_fully_covers_territorial_cooperation(catalog):
    framework = catalog.require("cooperation-culturelle-territoriale")
    result = run_check(load_template("offre-ingenierie-departement", template_folders()), framework)
    assert result.score == 100
    individual = run_check(load_template("dla-individuel", template_folders()), framework)
    assert individual.score < 100


def test_an_empty_pathway_covers_nothing_in_the_related_frameworks(catalog):
    for framework_id in RELATED:
        result = run_check(Pathway(title="Vide"), catalog.require(framework_id))
        assert result.score == 0, framework_id
        assert {c.status for c in result.competences} == {Coverage.MISSING}


def test_a_user_framework_overrides_the_bundled_one(user_home):
    bundled = ROOT / "resources" / "frameworks" / "charge-production-diffusion.json"
    data = json.loads(bundled.read_text(encoding="utf-8"))
    data["title"] = "Notre version maison"
    folder = user_home / "data" / "frameworks"
    folder.mkdir(parents=True)
    (folder / "maison.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    catalog = load_catalog(framework_folders())
    assert catalog.require("charge-production-diffusion").title == "Notre version maison"
    assert catalog.origins["charge-production-diffusion"] == folder / "maison.json"


# --- the cooperation rules ----------------------------------------------


def _partners(*links: tuple[str, str]) -> list[Partner]:
    partners = [Partner(id=pid, name=pid.upper(), role="rôle", kind=PartnerKind.SUPPORT_STRUCTURE)
                for pid in ("a", "b", "c")]
    for source, target in links:
        next(p for p in partners if p.id == source).links.append(PartnerLink(partner_id=target))
    return partners


def _found(pathway: Pathway, rule_id: str) -> list:
    return [hit for hit in RULES[rule_id].check(_context(pathway))]


def _context(pathway):
    from parcours_designer.model.check.context import Context

    return Context(pathway)


def test_every_rule_evidences_a_competence_of_some_bundled_framework(catalog):
    cited = {rule_id for framework in catalog.frameworks.values()
             for competence in framework.competences() for rule_id in competence.rules}
    assert set(RULES) - cited == set()


def test_all_cooperation_rules_are_registered_and_never_errors():
    assert COOPERATION_RULES <= set(RULES)
    assert all(RULES[rule_id].severity != Severity.ERROR for rule_id in COOPERATION_RULES)


def test_stakeholder_map():
    assert _found(Pathway(title="T", partners=_partners()), "no-stakeholder-map")
    mapped = Pathway(title="T", partners=_partners(("a", "b")))
    assert not _found(mapped, "no-stakeholder-map")
    outside = _found(mapped, "partner-outside-map")
    assert [hit.target_id for hit in outside] == ["c"]
    assert not _found(Pathway(title="T", partners=_partners()), "partner-outside-map")


def test_shared_diagnostic_comes_from_the_needs_sources():
    from parcours_designer.model import Need

    pathway = Pathway(title="T", needs=[Need(id="n", sources=[NeedSource.INTERVIEW])])
    assert _found(pathway, "no-shared-diagnostic")
    pathway.needs[0].sources.append(NeedSource.SHARED_DIAGNOSTIC)
    assert not _found(pathway, "no-shared-diagnostic")


def test_steering_and_workshop_need_two_partners():
    one = Phase(id="s", kind=PhaseKind.STEERING, partner_ids=["a"])
    pathway = Pathway(title="T", partners=_partners(), phases=[one])
    assert _found(pathway, "no-steering-with-partners")
    one.partner_ids.append("b")
    assert not _found(pathway, "no-steering-with-partners")
    workshop = Phase(id="w", kind=PhaseKind.WORKSHOP, format=PhaseFormat.INDIVIDUAL, partner_ids=["a", "b"])
    pathway.phases.append(workshop)
    assert _found(pathway, "no-co-construction-workshop")
    workshop.format = PhaseFormat.COLLECTIVE
    assert not _found(pathway, "no-co-construction-workshop")


def test_partner_roles_and_involvement():
    partners = _partners()
    partners[0].role = "  "
    partners[2].kind = PartnerKind.FUNDER
    pathway = Pathway(title="T", partners=partners, phases=[Phase(id="p", partner_ids=["a"])])
    assert [hit.target_id for hit in _found(pathway, "partner-without-role")] == ["a"]
    assert [hit.target_id for hit in _found(pathway, "partner-not-involved")] == ["b"]


def test_retroplanning_location_and_risk_scenarios():
    phases = [Phase(id="p1", modality=Modality.ONSITE), Phase(id="p2", modality=Modality.REMOTE)]
    pathway = Pathway(title="T", phases=phases, risks=[Risk(id="r", description="Retard", delay_days=5)])
    assert _found(pathway, "no-phase-dependencies")
    assert [hit.target_id for hit in _found(pathway, "phase-without-location")] == ["p1"]
    assert [hit.target_id for hit in _found(pathway, "risk-without-mitigation")] == ["r"]
    assert "5 jours" in _found(pathway, "risk-delay-without-phase")[0].message
    phases[1].depends_on = ["p1"]
    phases[0].location = "Salle des fêtes"
    pathway.risks[0].phase_ids = ["p2"]
    pathway.risks[0].mitigation = "Report"
    for rule_id in ("no-phase-dependencies", "phase-without-location", "risk-without-mitigation",
                    "risk-delay-without-phase"):
        assert not _found(pathway, rule_id), rule_id


def test_funding_partner_and_concentration():
    partners = _partners()
    funding = [
        Funding(id="f1", label="Subvention", account="74", partner_id="a", amount=Decimal("850.00")),
        Funding(id="f2", label="Recettes", account="706", amount=Decimal("150.00")),
        Funding(id="f3", label="Subvention sans financeur", account="7411", amount=Decimal("0.00")),
        Funding(id="f4", label="Bénévolat", account="870", amount=Decimal("5000.00")),
    ]
    pathway = Pathway(title="T", partners=partners, funding=funding)
    assert [hit.target_id for hit in _found(pathway, "funding-without-partner")] == ["f3"]
    concentrated = _found(pathway, "funding-concentrated")
    assert len(concentrated) == 1 and "85 %" in concentrated[0].message and "« A »" in concentrated[0].message
    funding[1].amount = Decimal("250.00")
    assert not _found(pathway, "funding-concentrated")


def test_coverage_of_a_cooperation_competence_follows_its_rules(catalog):
    framework = catalog.require("cooperation-culturelle-territoriale")
    pathway = load_template("offre-ingenierie-departement", template_folders())
    for partner in pathway.partners:
        partner.links = []
        partner.audience_links = []
    result = run_check(pathway, framework)
    status = {c.competence.id: c.status for c in result.competences}
    assert status["c1-parties-prenantes"] != Coverage.COVERED
    assert result.score < 100
    assert any(f.rule == "no-stakeholder-map" for f in result.findings)


def test_rules_do_not_crash_on_dates(catalog):
    pathway = load_template("dla-collectif-culture", template_folders())
    pathway.phases[0].start = date(2027, 1, 12)
    for framework_id in RELATED:
        assert run_check(pathway, catalog.require(framework_id)).competences


# --- docs/frameworks.md --------------------------------------------------


def rules_table() -> str:
    """The Markdown table of every registered rule, as docs/frameworks.md shows it."""
    lines = ["| Règle | Gravité | Intitulé |", "|---|---|---|"]
    for rule_id in sorted(RULES):
        rule = RULES[rule_id]
        lines.append(f"| `{rule_id}` | {rule.severity.label} (`{rule.severity.value}`) | {rule.title} |")
    return "\n".join(lines)


def _documented_table(text: str) -> str:
    return text.split(START, 1)[1].split(END, 1)[0].strip()


def test_documented_rule_table_matches_the_registry():
    documented = _documented_table(DOC.read_text(encoding="utf-8"))
    assert documented == rules_table(), "régénérer : .venv/bin/python -m tests.test_frameworks_extra"


def test_documented_frameworks_are_the_bundled_ones(catalog):
    text = DOC.read_text(encoding="utf-8")
    for framework_id in catalog.frameworks:
        assert f"`{framework_id}`" in text


def write_rules_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    atomic_write(DOC, f"{before}{START}\n{rules_table()}\n{END}{after}".encode("utf-8"), keep_backup=False)


if __name__ == "__main__":
    write_rules_table()
