"""Late and refused deliverables (issue 16): one function, judged against the computed schedule,
and the check's rule ``deliverable-late`` built on it."""

from __future__ import annotations

from datetime import date

from parcours_designer.model.check import run_check
from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import RULES
from parcours_designer.model.deliverables import deliverable_states, late_or_refused
from parcours_designer.model.entities import Deliverable, Phase
from parcours_designer.model.enums import DeliverableStatus, PhaseStatus
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import plan_for
from parcours_designer.paths import framework_folders

END = date(2027, 6, 11)  # a Friday
TODAY = date(2027, 6, 23)


def _pathway(*deliverables, status: PhaseStatus = PhaseStatus.IN_PROGRESS, **phase) -> Pathway:
    fields = {"start": date(2027, 6, 7), "end": END} | phase
    return Pathway(title="T", phases=[Phase(id="a", title="Atelier", status=status,
                                            deliverables=list(deliverables), **fields)])


def _states(pathway: Pathway, today=TODAY):
    return deliverable_states(pathway, plan_for(pathway).schedule, today)


def _late(pathway: Pathway, today=TODAY) -> list:
    return list(RULES["deliverable-late"].check(Context(pathway, today)))


def test_received_after_the_scheduled_end_is_late_by_calendar_days():
    received = Deliverable(title="Synthèse", status=DeliverableStatus.ACCEPTED, received_on=date(2027, 6, 14))
    on_time = Deliverable(title="Fiche", status=DeliverableStatus.RECEIVED, received_on=END)
    late, kept = _states(_pathway(received, on_time))
    assert (late.due, late.days_late, late.delay_text()) == (END, 3, "reçu 3 jours après la fin de l'étape")
    assert not kept.late and kept.days_late is None


def test_the_due_date_is_the_computed_end_not_the_typed_one():
    """A phase known by its start and a duration ends where the plan puts it."""
    received = Deliverable(title="Note", status=DeliverableStatus.RECEIVED, received_on=date(2027, 6, 10))
    pathway = _pathway(received, end=None, duration_days=2)  # Mon 7 and Tue 8 June
    state, = _states(pathway)
    assert state.due == date(2027, 6, 8) and state.days_late == 2


def test_still_expected_after_the_end_is_late_once_followed():
    state, = _states(_pathway("Compte rendu"))
    assert state.still_expected and state.days_late == 12
    assert state.delay_text() == "attendu depuis 12 jours"
    assert not _states(_pathway("Compte rendu"), today=END)[0].late  # the last day is not late yet


def test_what_is_awaited_is_not_judged_without_today_or_before_the_follow_up_begins():
    assert not _states(_pathway("Compte rendu"), today=None)[0].late
    designed = _pathway("Compte rendu", status=PhaseStatus.PLANNED)
    assert not _states(designed)[0].late  # a pathway being designed owes nothing yet
    designed.baseline_saved_on = date(2027, 5, 2)  # the follow-up has begun
    assert _states(designed)[0].days_late == 12


def test_a_phase_without_end_or_cancelled_owes_nothing_but_refusals_are_listed():
    refused = Deliverable(title="Étude", status=DeliverableStatus.REFUSED, received_on=date(2027, 7, 1),
                          comment="Incomplète")
    unscheduled = _pathway("Compte rendu", refused, start=None, end=None)
    waiting, listed = _states(unscheduled)
    assert waiting.due is None and not waiting.late
    assert listed.refused and not listed.late
    cancelled = _pathway("Compte rendu", refused, status=PhaseStatus.CANCELLED)
    assert [s.deliverable.title for s in late_or_refused(cancelled, plan_for(cancelled).schedule, TODAY)] == ["Étude"]


def test_late_or_refused_keeps_the_order_and_leaves_out_the_rest():
    pathway = _pathway(Deliverable(title="OK", status=DeliverableStatus.ACCEPTED, received_on=END),
                       "Attendu", Deliverable(title="Refusé", status=DeliverableStatus.REFUSED))
    found = late_or_refused(pathway, plan_for(pathway).schedule, TODAY)
    assert [(s.deliverable.title, s.late, s.refused) for s in found] == [("Attendu", True, False),
                                                                         ("Refusé", False, True)]


def test_the_rule_names_phase_deliverable_and_delay():
    awaited, = _late(_pathway("Compte rendu"))
    assert (awaited.target_type, awaited.target_id) == ("phase", "a")
    assert awaited.message == ("Le livrable « Compte rendu » de l'étape « Atelier » est attendu depuis 12 jours : "
                               "l'étape finissait le 11/06/2027.")
    received = Deliverable(title="Synthèse", status=DeliverableStatus.ACCEPTED, received_on=date(2027, 6, 12))
    late, = _late(_pathway(received))
    assert late.message == ("Le livrable « Synthèse » de l'étape « Atelier » a été reçu le 12/06/2027, 1 jour "
                            "après la fin de l'étape (11/06/2027), sans que le retard soit expliqué en commentaire.")


def test_the_rule_is_quiet_when_the_delay_is_explained_or_already_reported():
    explained = Deliverable(title="Synthèse", status=DeliverableStatus.ACCEPTED, received_on=date(2027, 6, 14),
                            comment="Remise après la dernière séance, comme convenu")
    assert not _late(_pathway(explained))
    done = _pathway("Compte rendu", status=PhaseStatus.DONE)
    assert not _late(done)  # ``deliverable-not-checked`` names it
    assert list(RULES["deliverable-not-checked"].check(Context(done, TODAY)))


def test_a_check_without_today_judges_only_the_file_and_the_rule_evidences_c39():
    framework = load_catalog(framework_folders()).require("manager-ingenierie-culturelle")
    pathway = _pathway("Compte rendu")
    assert "deliverable-late" not in {f.rule for f in run_check(pathway, framework).findings}
    late = next(f for f in run_check(pathway, framework, today=TODAY).findings if f.rule == "deliverable-late")
    assert late.competence_ids == ("c39-conformite-prestations",)


# --- review-deliv B, D, L and a date of reception to come -------------------------------------------

def test_a_date_of_reception_makes_it_received_whatever_the_status_says():
    typed_first = Deliverable(title="Synthèse", received_on=date(2027, 6, 14))  # status left « attendu »
    state, = _states(_pathway(typed_first))
    assert not state.still_expected and state.days_late == 3
    assert state.delay_text() == "reçu 3 jours après la fin de l'étape"
    on_time, = _states(_pathway(Deliverable(title="Synthèse", received_on=END)))
    assert not on_time.late


def test_only_a_phase_whose_end_is_known_owes_its_deliverables():
    start_only = _pathway("Compte rendu", end=None)
    assert [(s.due, s.late) for s in _states(start_only)] == [(None, False)]
    assert _late(start_only) == []
    end_only = _pathway("Compte rendu", start=None)
    assert _states(end_only)[0].due == END
    milestone = _pathway("Compte rendu", end=None, milestone=True)
    assert _states(milestone)[0].due == date(2027, 6, 7)


def test_once_a_baseline_is_saved_the_deliverable_is_due_at_the_baseline_end():
    pathway = _pathway("Compte rendu", baseline_start=date(2027, 6, 7), baseline_end=END)
    pathway.phases[0].end = date(2027, 6, 25)  # moved later after the baseline
    assert _states(pathway)[0].due == date(2027, 6, 25)  # no baseline saved: the scheduled end
    pathway.baseline_saved_on = date(2027, 5, 3)
    state, = _states(pathway)
    assert (state.due, state.days_late) == (END, 12)  # moving the phase does not forgive it
    awaited, = _late(pathway)
    assert "l'étape finissait le 11/06/2027" in awaited.message


def test_a_phase_the_baseline_did_not_date_is_due_at_its_scheduled_end():
    pathway = _pathway("Compte rendu")
    pathway.baseline_saved_on = date(2027, 5, 3)  # the phase was added after the baseline
    assert _states(pathway)[0].due == END


def test_a_date_of_reception_to_come_is_reported():
    future = Deliverable(title="Synthèse", status=DeliverableStatus.ACCEPTED, received_on=date(2027, 7, 2))
    found = list(RULES["deliverable-received-in-future"].check(Context(_pathway(future), TODAY)))
    assert [h.message for h in found] == ["Le livrable « Synthèse » de l'étape « Atelier » est reçu le "
                                          "02/07/2027 : date à venir."]
    assert not list(RULES["deliverable-received-in-future"].check(Context(_pathway(future))))  # no day, no judgement
    assert not list(RULES["deliverable-received-in-future"].check(Context(_pathway(future), date(2027, 7, 2))))
