"""Issue 11 data: deliverables with a status, indicators with a direction,
modules and their costs, new lists and references."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from parcours_designer.model.entities import (
    Commitment,
    Cost,
    Deliverable,
    Indicator,
    Phase,
)
from parcours_designer.model.enums import DeliverableStatus, IndicatorDirection, IndicatorKind, PhaseKind
from parcours_designer.model.fileformat import PathwayFileError, dump_pathway, parse_pathway
from parcours_designer.model.indicators import IndicatorStatus, indicator_status, read_measure, target_text
from parcours_designer.model.modules import costs_by_module, phases_by_module
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.references import remove_references

from tests.model.factories import example_pathway


def _document(**pathway) -> bytes:
    body = {"title": "T", **pathway}
    return json.dumps({"format": "parcours-designer", "format_version": 2, "pathway": body},
                      ensure_ascii=False).encode()


def test_a_plain_deliverable_stays_a_string_and_a_checked_one_an_object():
    raw = _document(phases=[{"id": "ph1", "deliverables": [
        "Compte rendu",
        {"title": "Étude", "status": "refused", "received_on": "2027-03-01", "comment": "Incomplète"},
    ]}])
    pathway = parse_pathway(raw)
    plain, checked = pathway.phases[0].deliverables
    assert plain == Deliverable(title="Compte rendu") and str(plain) == "Compte rendu"
    assert checked.status == DeliverableStatus.REFUSED and checked.received_on == date(2027, 3, 1)
    saved = json.loads(dump_pathway(pathway))["pathway"]["phases"][0]["deliverables"]
    assert saved == ["Compte rendu", {"title": "Étude", "status": "refused", "received_on": "2027-03-01",
                                      "comment": "Incomplète"}]
    assert parse_pathway(dump_pathway(pathway)) == pathway


def test_a_deliverable_says_its_status_and_date_never_the_comment():
    refused = Deliverable(title="Étude", status=DeliverableStatus.REFUSED, received_on=date(2027, 3, 1),
                          comment="incomplète")
    assert refused.public_summary() == "Étude (refusé le 01/03/2027)"
    assert Deliverable(title="Note").public_summary() == "Note"
    assert Deliverable(title="Note", comment="relancer").public_summary() == "Note"
    assert Deliverable(title="Accepté sans date", status=DeliverableStatus.ACCEPTED).public_summary() == (
        "Accepté sans date (accepté)")


def test_a_date_of_reception_makes_an_expected_deliverable_received():
    typed_first = Deliverable(title="Synthèse", received_on=date(2027, 6, 10))
    assert typed_first.effective_status == DeliverableStatus.RECEIVED
    assert typed_first.status == DeliverableStatus.EXPECTED  # the file is not rewritten
    assert typed_first.public_summary() == "Synthèse (reçu le 10/06/2027)"
    assert Deliverable(title="Note").effective_status == DeliverableStatus.EXPECTED


def test_a_deliverable_with_an_unknown_status_is_refused_by_name():
    with pytest.raises(PathwayFileError, match="deliverables"):
        parse_pathway(_document(phases=[{"id": "ph1", "deliverables": [{"title": "x", "status": "lost"}]}]))


@pytest.mark.parametrize("direction, target, result, expected", [
    (IndicatorDirection.AT_MOST, 14, 12, IndicatorStatus.REACHED),   # « Délai (semaines) »
    (IndicatorDirection.AT_MOST, 14, 15, IndicatorStatus.MISSED),
    (IndicatorDirection.AT_LEAST, 8, 7, IndicatorStatus.MISSED),
    (IndicatorDirection.AT_LEAST, "80 %", "85 %", IndicatorStatus.REACHED),
    (IndicatorDirection.EQUAL, 3, 3, IndicatorStatus.REACHED),
    (IndicatorDirection.EQUAL, 3, 4, IndicatorStatus.MISSED),
    (IndicatorDirection.AT_LEAST, "Au moins 2", "1 seul, 3 en cours", IndicatorStatus.TO_JUDGE),
    (IndicatorDirection.AT_LEAST, 2, "", IndicatorStatus.NO_RESULT),
])
def test_status_follows_the_direction(direction, target, result, expected):
    indicator = Indicator(id="i", kind=IndicatorKind.QUANTITATIVE, direction=direction, target=target, result=result)
    assert indicator_status(indicator) == expected


def test_a_qualitative_indicator_is_judged_by_the_officer():
    indicator = Indicator(id="i", kind=IndicatorKind.QUALITATIVE, target=2, result=3)
    assert indicator_status(indicator) == IndicatorStatus.TO_JUDGE


def test_measures_and_target_text():
    assert read_measure("12 semaines") == 12 and read_measure("1 seul, 3 en cours") is None
    assert target_text(Indicator(id="i", target=14, unit="semaines", direction=IndicatorDirection.AT_MOST)) \
        == "≤ 14 semaines"
    assert target_text(Indicator(id="i", target="Progression déclarée")) == "Progression déclarée"


def test_phases_and_costs_by_module():
    pathway = Pathway(title="T", phases=[
        Phase(id="a", module="Niveau 1"), Phase(id="b"), Phase(id="c", module="Niveau 2"),
        Phase(id="d", module="Niveau 1", kind=PhaseKind.ENGINEERING)])
    pathway.costs = [Cost(id="c1", phase_id="a", unit_cost=Decimal("100")),
                     Cost(id="c2", phase_id="d", quantity=Decimal("2"), unit_cost=Decimal("50.25")),
                     Cost(id="c3", phase_id="b", unit_cost=Decimal("10")),
                     Cost(id="c4", unit_cost=Decimal("7"))]
    assert [(name, [p.id for p in members]) for name, members in phases_by_module(pathway.phases)] == \
        [("Niveau 1", ["a", "d"]), ("Niveau 2", ["c"]), ("", ["b"])]
    assert costs_by_module(pathway) == [("Niveau 1", Decimal("200.50")), ("Niveau 2", Decimal("0.00")),
                                        ("Sans module", Decimal("10.00")), ("Hors étape", Decimal("7.00"))]


def test_new_references_are_checked_and_removed_with_their_target():
    with pytest.raises(PathwayFileError, match="indicator_ids"):
        parse_pathway(_document(commitments=[{"id": "rse1", "indicator_ids": ["nope"]}]))
    with pytest.raises(PathwayFileError, match="audience_links"):
        parse_pathway(_document(partners=[{"id": "p1", "audience_links": [{"audience_id": "a9"}]}]))
    pathway = example_pathway()
    remove_references(pathway, "indicators", "i6")
    assert all("i6" not in c.indicator_ids for c in pathway.commitments)
    remove_references(pathway, "audiences", "a1")
    assert all(link.audience_id != "a1" for p in pathway.partners for link in p.audience_links)


def test_example_holds_the_new_fields_and_resaves_identically():
    pathway = example_pathway()
    assert pathway.peer_exchanges and pathway.commitments
    assert isinstance(pathway.commitments[0], Commitment)
    assert {p.module for p in pathway.phases} == {"Diagnostic et cadrage", "Accompagnement", "Bilan et suivi"}
    participation = [f for f in pathway.funding if f.account.startswith("70")]  # a DLA is free for the structures:
    assert all("facultative" in f.label and "jamais exigée" in f.label for f in participation)
    assert parse_pathway(dump_pathway(pathway)) == pathway


def test_every_phase_kind_has_a_gantt_colour_and_the_new_kinds_export():
    from parcours_designer.export.gantt_draw import KIND_COLOURS
    from parcours_designer.export.registry import EXPORT_KINDS
    from parcours_designer.model.templates import load_template

    assert set(KIND_COLOURS) == set(PhaseKind)
    from parcours_designer.paths import template_folders

    pathway = load_template("offre-ingenierie-departement", template_folders())
    assert {PhaseKind.INFORMATION, PhaseKind.ENGINEERING, PhaseKind.CONSULTATION, PhaseKind.RESTITUTION} <= \
        {p.kind for p in pathway.phases}
    assert EXPORT_KINDS["plan"].render(pathway, ".pdf").startswith(b"%PDF")


def test_a_new_edition_expects_its_deliverables_again():
    from parcours_designer.model.next_edition import next_edition

    pathway = example_pathway()
    assert any(d.status != DeliverableStatus.EXPECTED for p in pathway.phases for d in p.deliverables)
    new = next_edition(pathway)
    assert all(d == Deliverable(title=d.title) for p in new.phases for d in p.deliverables)
    assert [d.title for d in new.phases[5].deliverables] == [d.title for d in pathway.phases[5].deliverables]
