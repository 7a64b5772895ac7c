"""Pathway templates: the catalogue, the bundled templates, the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parcours_designer import paths
from parcours_designer.cli import main
from parcours_designer.model.budget import compute_budget
from parcours_designer.model.check import run_check
from parcours_designer.model.enums import PhaseKind, QuestionnaireAudience
from parcours_designer.model.errors import PathwayError
from parcours_designer.model.fileformat import dump_pathway, load_pathway
from parcours_designer.model.frameworks import load_catalog
from parcours_designer.model.templates import (
    TemplateError,
    first_sentence,
    list_templates,
    load_template,
    load_template_catalog,
)
from parcours_designer.paths import framework_folders, template_folders

REQUIRED = ["dla-collectif-culture", "dla-individuel", "offre-ingenierie-departement"]


def _write(folder: Path, name: str, pathway: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    document = {"format": "parcours-designer", "format_version": 1, "pathway": pathway}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


# --- the catalogue -------------------------------------------------------


def test_bundled_templates_are_listed_with_title_and_description():
    infos = {info.id: info for info in list_templates(template_folders())}
    for template_id in REQUIRED:
        assert template_id in infos
        info = infos[template_id]
        assert info.builtin
        assert info.title == load_template(template_id, template_folders()).title
        assert 20 < len(info.description) <= 300


def test_list_is_sorted_by_title_ignoring_accents(tmp_path):
    folder = tmp_path / "t"
    _write(folder, "b.parcours", {"title": "Évaluer"})
    _write(folder, "a.parcours", {"title": "Former"})
    _write(folder, "c.parcours", {"title": "accueillir"})
    titles = [info.title for info in list_templates([(folder, False)])]
    assert titles == ["accueillir", "Évaluer", "Former"]


def test_unknown_template_is_a_french_pathway_error():
    with pytest.raises(TemplateError) as caught:
        load_template("n-existe-pas", template_folders())
    assert isinstance(caught.value, PathwayError)
    message = str(caught.value)
    assert "modèle de parcours inconnu : « n-existe-pas »" in message
    assert "dla-individuel" in message


def test_each_load_is_a_fresh_pathway():
    first = load_template("dla-individuel", template_folders())
    first.phases.clear()
    assert load_template("dla-individuel", template_folders()).phases


def test_user_template_is_listed_and_overrides_a_bundled_one(user_home):
    folder = user_home / "data" / "templates"
    _write(folder, "dla-individuel.parcours", {"title": "Notre DLA individuel", "summary": "Version maison. Suite."})
    _write(folder, "maison.parcours", {"title": "Parcours maison"})
    (folder / "maison.description.txt").write_text("  Notre modèle\nà nous.  \n", encoding="utf-8")
    infos = {info.id: info for info in list_templates(template_folders())}
    assert infos["dla-individuel"].title == "Notre DLA individuel"
    assert infos["dla-individuel"].description == "Version maison."
    assert not infos["dla-individuel"].builtin
    assert infos["maison"].description == "Notre modèle à nous."
    assert load_template("dla-individuel", template_folders()).title == "Notre DLA individuel"
    assert "dla-collectif-culture" in infos


def test_broken_user_template_is_left_out_with_its_reason(user_home):
    folder = user_home / "data" / "templates"
    folder.mkdir(parents=True)
    (folder / "casse.parcours").write_text("{ pas du json", encoding="utf-8")
    catalog = load_template_catalog(template_folders())
    assert "casse" not in catalog.templates
    assert len(catalog.problems) == 1
    assert "casse.parcours" in catalog.problems[0] and "JSON invalide" in catalog.problems[0]
    with pytest.raises(TemplateError):
        load_template("casse", template_folders())


def test_first_sentence_cuts_long_text():
    assert first_sentence("Un parcours.  Deux phrases.") == "Un parcours."
    assert first_sentence("Sans point final") == "Sans point final"
    long = first_sentence("mot " * 200)
    assert len(long) == 300 and long.endswith("…")


# --- the bundled templates' content --------------------------------------


@pytest.fixture(scope="module")
def framework():
    return load_catalog(framework_folders()).default()


@pytest.mark.parametrize("template_id", REQUIRED)
def test_template_is_a_complete_pathway_with_no_error(template_id, framework):
    pathway = load_template(template_id, template_folders())
    assert pathway.needs and pathway.objectives and pathway.audiences and pathway.risks
    assert any(phase.depends_on for phase in pathway.phases)
    assert all(partner.role for partner in pathway.partners)
    assert pathway.costs and all(cost.account for cost in pathway.costs)
    assert pathway.funding and all(line.account for line in pathway.funding)
    assert {i.kind.value for i in pathway.indicators} == {"quantitative", "qualitative"}
    audiences = {q.audience for q in pathway.questionnaires}
    assert {QuestionnaireAudience.PARTICIPANTS, QuestionnaireAudience.FACILITATORS} <= audiences
    budget = compute_budget(pathway)
    assert budget.total_charges > 0 and budget.is_balanced and budget.in_kind_balanced
    result = run_check(pathway, framework)
    assert not result.has_errors, [f.message for f in result.findings]
    assert result.score == 100


@pytest.mark.parametrize("template_id", REQUIRED)
def test_template_is_a_blank_page_for_results(template_id):
    pathway = load_template(template_id, template_folders())
    assert all(indicator.result is None for indicator in pathway.indicators)
    assert not pathway.review.has_content()


@pytest.mark.parametrize("template_id", REQUIRED)
def test_template_survives_a_save_and_reload(template_id, tmp_path):
    pathway = load_template(template_id, template_folders())
    target = tmp_path / "copie.parcours"
    target.write_bytes(dump_pathway(pathway))
    assert load_pathway(target) == pathway


def test_individual_dla_follows_the_dla_steps():
    pathway = load_template("dla-individuel", template_folders())
    kinds = [phase.kind for phase in pathway.phases]
    for kind in (PhaseKind.WELCOME, PhaseKind.DIAGNOSTIC, PhaseKind.STEERING,
                 PhaseKind.INDIVIDUAL_SUPPORT, PhaseKind.REVIEW, PhaseKind.FOLLOW_UP):
        assert kind in kinds
    assert kinds.index(PhaseKind.WELCOME) < kinds.index(PhaseKind.DIAGNOSTIC) < kinds.index(PhaseKind.STEERING)
    support = [p for p in pathway.phases if p.kind == PhaseKind.INDIVIDUAL_SUPPORT]
    consultants = {p.id for p in pathway.partners if p.kind.value == "consultant"}
    assert all(set(phase.partner_ids) & consultants for phase in support)


SEED_ACTIONS = {
    "Niveau 1": ["Premier contact", "cadrage", "documents ressources", "réunions de travail",
                 "note de restitution"],
    "Niveau 2": ["diagnostic", "opportunité", "acteurs", "cahier des charges", "porteurs de projets similaires",
                 "offres reçues", "structuration", "orientations stratégiques"],
    "Niveau 3": ["comités", "préconisations", "pistes d'actions", "financements mobilisables"],
}


def test_engineering_offer_has_each_action_of_each_level_as_a_phase():
    pathway = load_template("offre-ingenierie-departement", template_folders())
    for level, actions in SEED_ACTIONS.items():
        titles = [p.title for p in pathway.phases if p.module.startswith(level + " –")]
        assert len(titles) == len(actions), level
        for action in actions:
            assert sum(action.casefold() in t.casefold() for t in titles) == 1, (level, action)
    ends = {level: max(p.end for p in pathway.phases if p.module.startswith(level)) for level in SEED_ACTIONS}
    starts = {level: min(p.start for p in pathway.phases if p.module.startswith(level)) for level in SEED_ACTIONS}
    assert ends["Niveau 1"] < starts["Niveau 2"] and ends["Niveau 2"] < starts["Niveau 3"]


def test_engineering_offer_is_free_for_communes_and_values_the_departement_in_kind():
    pathway = load_template("offre-ingenierie-departement", template_folders())
    assert not [line for line in pathway.funding if line.account.startswith("70")]
    departement = next(p for p in pathway.partners if p.name.startswith("Département"))
    staff = [c for c in pathway.costs if c.partner_id == departement.id]
    assert staff and all(cost.account.startswith("86") for cost in staff)
    budget = compute_budget(pathway)
    assert budget.in_kind_charges > 0 and budget.in_kind_balanced and budget.is_balanced


# --- the command line ----------------------------------------------------


def test_cli_templates_lists_id_and_title(capsys):
    assert main(["templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    listed = dict(line.split("\t") for line in lines if "\t" in line)
    for template_id in REQUIRED:
        assert listed[template_id] == load_template(template_id, template_folders()).title


def test_cli_new_writes_a_pathway_that_passes_check(tmp_path, capsys):
    target = tmp_path / "nouveau.parcours"
    assert main(["new", "--template", "dla-individuel", "-o", str(target)]) == 0
    written, fresh = load_pathway(target), load_template("dla-individuel", template_folders())
    assert written.uid and written.uid != fresh.uid
    assert written.model_copy(update={"uid": ""}) == fresh.model_copy(update={"uid": ""})
    assert "dla-individuel" in capsys.readouterr().out
    assert main(["check", str(target)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nouveau.parcours"]


def test_cli_new_never_overwrites(tmp_path, capsys):
    target = tmp_path / "existant.parcours"
    target.write_bytes(b"mon travail")
    assert main(["new", "--template", "dla-individuel", "-o", str(target)]) == 2
    error = capsys.readouterr().err
    assert "existe déjà" in error and "Traceback" not in error
    assert target.read_bytes() == b"mon travail"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existant.parcours"]


def test_cli_new_unknown_template_writes_nothing(tmp_path, capsys):
    target = tmp_path / "x.parcours"
    assert main(["new", "--template", "inconnu", "-o", str(target)]) == 2
    assert "modèle de parcours inconnu : « inconnu »" in capsys.readouterr().err
    assert not target.exists()


def test_cli_new_missing_folder_is_a_french_error(tmp_path, capsys):
    target = tmp_path / "absent" / "x.parcours"
    assert main(["new", "--template", "dla-individuel", "-o", str(target)]) == 2
    assert "n'existe pas" in capsys.readouterr().err


def test_cli_new_requires_template_and_output(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["new", "--template", "dla-individuel"])
    assert caught.value.code == 2
    assert "arguments obligatoires manquants" in capsys.readouterr().err



BUNDLED = paths.resources_dir()


@pytest.mark.parametrize("bundled", sorted(str(p.relative_to(BUNDLED)) for p in BUNDLED.rglob("*.parcours")))
def test_bundled_files_resave_byte_for_byte(bundled):
    """Issue 8: opening the example or a template and saving it unchanged gives the same file."""
    source = BUNDLED / bundled
    assert dump_pathway(load_pathway(source)) == source.read_bytes()


def test_cli_new_never_writes_a_file_that_would_not_reopen(tmp_path, capsys):
    """Shifting a template past the dates' bounds used to write a file that could not be opened."""
    status = main(["new", "--template", "dla-individuel", "--start", "2199-12-01", "-o", str(tmp_path / "n.parcours")])
    err = capsys.readouterr().err
    assert status == 2 and "une date doit être comprise entre 1900 et 2199" in err
    assert list(tmp_path.iterdir()) == []
