"""What a copy keeps: a duplicated phase expects its deliverables again, the original is left as it is."""

from __future__ import annotations

from datetime import date

from parcours_designer.model.copies import expected_again, twin_of
from parcours_designer.model.entities import Deliverable, Need, Phase
from parcours_designer.model.enums import DeliverableStatus
from parcours_designer.model.fileformat import dump_pathway
from tests.model.factories import example_pathway

REFUSED = Deliverable(title="Rapport ", status=DeliverableStatus.REFUSED, received_on=date(2027, 6, 25),
                      comment="Incomplet.")


def test_expected_again_keeps_the_titles_only_as_written():
    assert expected_again([REFUSED, "Attestations"]) == [Deliverable(title="Rapport "),
                                                          Deliverable(title="Attestations")]


def test_a_phase_twin_has_the_new_id_and_its_deliverables_expected_again():
    phase = Phase(id="ph1", title="Atelier", location="Caen", deliverables=[REFUSED])
    twin = twin_of(phase, "ph2")
    assert (twin.id, twin.title, twin.location) == ("ph2", "Atelier", "Caen")
    assert twin.deliverables == [Deliverable(title="Rapport ")]
    assert phase.deliverables == [REFUSED] and phase.id == "ph1"  # the original keeps its acceptance


def test_a_twin_shares_nothing_with_its_original():
    need = Need(id="n1", title="Structurer", audience_ids=["a1"])
    twin = twin_of(need, "n2")
    assert (twin.id, twin.title, twin.audience_ids) == ("n2", "Structurer", ["a1"])
    twin.audience_ids.append("a2")
    assert need.audience_ids == ["a1"]


def test_every_phase_of_the_example_twinned_expects_all_again():
    pathway = example_pathway()
    saved = dump_pathway(pathway)
    twins = [twin_of(phase, f"copy-{phase.id}") for phase in pathway.phases]
    assert any(d.status != DeliverableStatus.EXPECTED for p in pathway.phases for d in p.deliverables)
    assert all(d == Deliverable(title=d.title) for t in twins for d in t.deliverables)
    assert [[d.title for d in t.deliverables] for t in twins] == [[d.title for d in p.deliverables]
                                                                  for p in pathway.phases]
    assert dump_pathway(pathway) == saved


def test_a_phase_twin_is_work_to_do_again_and_a_cost_twin_has_spent_nothing():
    from decimal import Decimal

    from parcours_designer.model.entities import Cost, Funding
    from parcours_designer.model.enums import PhaseStatus

    done = Phase(id="ph1", title="Atelier", status=PhaseStatus.DONE, start=date(2027, 3, 1), end=date(2027, 3, 2),
                 actual_start=date(2027, 3, 1), actual_end=date(2027, 3, 3),
                 baseline_start=date(2027, 3, 1), baseline_end=date(2027, 3, 2))
    twin = twin_of(done, "ph2")
    assert (twin.status, twin.actual_start, twin.actual_end, twin.baseline_start, twin.baseline_end) == (
        PhaseStatus.PLANNED, None, None, None, None)
    assert (twin.start, twin.end) == (done.start, done.end) and done.status == PhaseStatus.DONE
    cost = Cost(id="c1", label="Atelier", account="6226", quantity=Decimal(2), unit_cost=Decimal(700),
                actual_amount=Decimal(1400), baseline_amount=Decimal(1400))
    assert (twin_of(cost, "c2").actual_amount, twin_of(cost, "c2").baseline_amount) == (None, None)
    funding = Funding(id="f1", label="DLA", account="74", amount=Decimal(1000), actual_amount=Decimal(1000))
    assert twin_of(funding, "f2").actual_amount is None and funding.actual_amount == Decimal(1000)
