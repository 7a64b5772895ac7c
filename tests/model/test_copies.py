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
