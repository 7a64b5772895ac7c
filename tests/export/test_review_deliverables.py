"""Review of issue 16's deliverables (branch review-deliv): hostile files, lateness, documents and
privacy. Each defect found is a test here (all fixed since), beside what held."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from parcours_designer.export.registry import EXPORT_KINDS
from parcours_designer.model.check import run_check
from parcours_designer.model.check.context import Context
from parcours_designer.model.check.registry import RULES
from parcours_designer.model.deliverables import deliverable_states, late_or_refused
from parcours_designer.model.entities import Deliverable, Phase
from parcours_designer.model.enums import DeliverableStatus, PhaseStatus
from parcours_designer.model.fileformat import PathwayFileError, dump_pathway, parse_pathway
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.planning import plan_for
from parcours_designer.paths import framework_folders

from .helpers import flat, pdf_text

REFUSAL = "Restitution de Julien Lefèvre bâclée : grille d'entretien non remplie"


def _envelope(pathway: dict) -> bytes:
    return json.dumps({"format": "parcours-designer", "format_version": 2, "pathway": pathway},
                      ensure_ascii=False, indent=2).encode("utf-8")


def _one_phase(deliverables: list, partners: tuple = (), **phase) -> bytes:
    fields = {"id": "a", "title": "Atelier", "status": "in_progress", "start": "2027-06-07"} | phase
    return _envelope({"title": "T", "partners": [{"id": p, "name": p} for p in partners],
                      "phases": [fields | {"deliverables": deliverables}]})


def _late_messages(pathway: Pathway, today: date) -> list[str]:
    return [h.message for h in RULES["deliverable-late"].check(Context(pathway, today))]


# --- defects ------------------------------------------------------------------------------------

def test_a_deliverable_with_a_date_of_reception_is_not_said_awaited():
    pathway = parse_pathway(_one_phase([{"title": "Synthèse", "received_on": "2027-06-10"}], end="2027-06-11"))
    messages = _late_messages(pathway, date(2027, 6, 23))
    assert not any("attendu depuis" in m for m in messages), messages


def test_a_phase_without_end_owes_nothing_yet():
    pathway = parse_pathway(_one_phase(["Compte rendu"]))  # start only: the end is not known
    phase_undated = [h.message for h in RULES["phase-undated"].check(Context(pathway))]
    assert phase_undated  # the check says the phase has no dates…
    assert _late_messages(pathway, date(2027, 6, 23)) == []  # …so it cannot say it « finissait le 07/06/2027 »


@pytest.mark.parametrize("bad", [{"title": "t", "status": "done"}, {"title": "t", "provider": "p1"},
                                 {"title": "t", "received_on": "2027-02-30"}])
def test_a_bad_deliverable_object_gets_one_true_line(bad):
    with pytest.raises(PathwayFileError) as caught:
        parse_pathway(_one_phase(["Bon", bad]), "f.parcours")
    lines = str(caught.value).splitlines()[1:]
    assert len(lines) == 1, lines
    assert "nombre" not in lines[0] and ".Deliverable" not in lines[0]
    assert lines[0].startswith("  - pathway.phases[0] (id « a »).deliverables[1].")


@pytest.mark.parametrize("partner_id", ["p1", "p2"])
def test_a_provider_plan_does_not_show_refusal_comments_of_a_shared_phase(example, partner_id):
    ph12 = example.index("phases")["ph12"]  # Cabinet Tandem Culture (p1) and Julien Lefèvre (p2)
    ph12.deliverables = [Deliverable(title="Fiche de suivi par structure", status=DeliverableStatus.REFUSED,
                                     received_on=date(2027, 11, 29), comment=REFUSAL)]
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf", partner_id=partner_id)))
    assert "Fiche de suivi par structure" in text  # the deliverable is in its plan…
    assert "bâclée" not in text  # …not what the officer wrote about someone's work


def test_a_funder_plan_does_not_show_refusal_comments(example):
    ph3 = example.index("phases")["ph3"]  # comité d'appui: DREETS (p4), Banque des Territoires, Département
    ph3.deliverables = [Deliverable(title="Plan d'accompagnement validé", status=DeliverableStatus.REFUSED,
                                    received_on=date(2027, 3, 5), comment=REFUSAL)]
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf", partner_id="p4")))
    assert "bâclée" not in text


def test_the_full_plan_prints_each_deliverable_with_its_status_and_date_never_the_comment(example):
    ph3 = example.index("phases")["ph3"]
    ph3.deliverables = [Deliverable(title="Plan d'accompagnement validé", status=DeliverableStatus.REFUSED,
                                    received_on=date(2027, 3, 5), comment=REFUSAL),
                        Deliverable(title="Relevé de décisions", received_on=date(2027, 3, 4), comment="relancé")]
    text = flat(pdf_text(EXPORT_KINDS["plan"].render(example, ".pdf")))
    assert "Plan d'accompagnement validé (refusé le 05/03/2027)" in text
    assert "Relevé de décisions (reçu le 04/03/2027)" in text  # a date of reception: received
    assert "bâclée" not in text and "relancé" not in text


def test_the_portfolio_score_is_the_score_of_the_check(example):
    from datetime import timedelta

    from parcours_designer.model.portfolio_scan import catalog_scorer

    example.framework = "manager-ingenierie-culturelle"  # C39 owns deliverable-late
    example.baseline_saved_on = date.today() - timedelta(days=60)
    example.phases[0].start = example.phases[0].end = date.today() - timedelta(days=30)  # its charter awaited
    framework = load_catalog(framework_folders()).require(example.framework)
    as_checked = run_check(example, framework, today=date.today()).score  # what the editor and the CLI show
    assert catalog_scorer(framework_folders())(example) == as_checked


# --- what held ----------------------------------------------------------------------------------

HOSTILE = [
    "Texte simple",
    {"title": "Objet sans statut"},
    {"title": "Rapport <b>gras</b> & Cie 🎭", "status": "refused", "received_on": "2027-06-20",
     "comment": "Refusé <i>&amp;</i> 😡 " + "motif détaillé, " * 600},
    {"title": "Note", "status": "accepted", "comment": "accepté sans date"},
]


def test_a_hostile_file_opens_exports_and_resaves_stably():
    pathway = parse_pathway(_one_phase(HOSTILE, ("p",), end="2027-06-11", partner_ids=["p"]))
    saved = dump_pathway(pathway)
    assert dump_pathway(parse_pathway(saved)) == saved
    assert json.loads(saved)["pathway"]["phases"][0]["deliverables"][:2] == ["Texte simple", "Objet sans statut"]
    evaluation = flat(pdf_text(EXPORT_KINDS["evaluation"].render(pathway, ".pdf", today=date(2027, 6, 23))))
    assert "Rapport <b>gras</b> & Cie" in evaluation and "<i>&amp;</i>" in evaluation
    assert "En retard : reçu 9 jours après la fin de l'étape" in evaluation
    for partner_id in (None, "p"):
        plan = flat(pdf_text(EXPORT_KINDS["plan"].render(pathway, ".pdf", partner_id=partner_id)))
        assert "Rapport <b>gras</b> & Cie" in plan


def test_late_is_the_same_for_the_check_the_suivi_rows_and_the_evaluation(example):
    example.baseline_saved_on = date(2027, 1, 11)
    today = date(2027, 6, 23)
    late = [s for s in late_or_refused(example, plan_for(example).schedule, today) if s.late]
    text = flat(pdf_text(EXPORT_KINDS["evaluation"].render(example, ".pdf", today=today)))
    assert f"; {len(late)} en retard." in text
    framework = load_catalog(framework_folders()).require(example.framework)
    reported = [f.message for f in run_check(example, framework, today=today).findings if f.rule == "deliverable-late"]
    unexplained = [s for s in late if s.still_expected or not s.deliverable.comment.strip()]
    assert len(reported) == len(unexplained) and all(s.deliverable.title in " ".join(reported) for s in unexplained)


def test_cancelled_phases_and_the_last_day_owe_nothing():
    pathway = Pathway(title="T", baseline_saved_on=date(2027, 1, 4), phases=[
        Phase(id="a", title="A", start=date(2027, 6, 7), end=date(2027, 6, 11), deliverables=["X"],
              status=PhaseStatus.CANCELLED),
        Phase(id="b", title="B", start=date(2027, 6, 7), end=date(2027, 6, 11), deliverables=["Y"]),
        Phase(id="m", title="Jalon", start=date(2027, 6, 14), milestone=True, deliverables=["Z"])])
    schedule = plan_for(pathway).schedule
    assert [s.late for s in deliverable_states(pathway, schedule, date(2027, 6, 11))] == [False, False, False]
    assert [s.days_late for s in deliverable_states(pathway, schedule, date(2027, 6, 15))] == [None, 4, 1]


def test_check_json_keeps_the_contract_with_a_late_deliverable(tmp_path):
    path = tmp_path / "retard.parcours"
    path.write_bytes(_one_phase(["Compte rendu"], start="2026-06-01", end="2026-06-05"))  # past: today is real
    done = subprocess.run([sys.executable, "-m", "parcours_designer", "check", str(path), "--json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode in (0, 1), done.stderr
    late = [f for f in json.loads(done.stdout)["findings"] if f["rule"] == "deliverable-late"]
    assert late and set(late[0]) == {"rule", "severity", "message", "target", "competence_ids"}
    assert late[0]["target"] == {"type": "phase", "id": "a"} and late[0]["severity"] == "warning"
