"""``responses import`` and ``responses stats`` per the contract, on exports of five tools."""

from __future__ import annotations

import json

import pytest

from parcours_designer.cli import main
from parcours_designer.model.fileformat import load_pathway, save_pathway
from tests.answers.conftest import EXPORTS, SOURCES, evaluation_pathway
from tests.cli.test_cli_check import run_cli


@pytest.fixture
def pathway_file(tmp_path):
    path = tmp_path / "bilan.parcours"
    save_pathway(evaluation_pathway(), path)
    return path


@pytest.mark.parametrize("name", SOURCES)
def test_import_then_stats_json(pathway_file, name, capsys):
    assert main(["responses", "import", str(pathway_file), str(EXPORTS / name), "--questionnaire", "q1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("9 réponses ajoutées") and "Colonnes utilisées" in out
    assert pathway_file.with_name("bilan.parcours.bak").exists()
    assert main(["responses", "stats", str(pathway_file), "--questionnaire", "q1", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    (stats,) = result["questionnaires"]
    assert set(stats) == {"id", "title", "respondents", "invited", "response_rate", "questions"}
    assert (stats["id"], stats["respondents"], stats["invited"], stats["response_rate"]) == ("q1", 9, 14, 64.3)
    scale, choice, text, multiple, yes_no = stats["questions"]
    assert scale == {"id": "q1-1", "type": "scale", "answered": 8, "mean": 4.0, "median": 4.0,
                     "distribution": {"1": 0, "2": 1, "3": 1, "4": 3, "5": 3}}
    assert set(choice) == {"id", "type", "answered", "distribution"} and choice["type"] == "choice"
    assert set(text) == {"id", "type", "answered", "answers"} and text["answered"] == 6
    assert multiple["type"] == "multiple_choice" and yes_no["distribution"] == {"Oui": 7, "Non": 2}


def test_the_same_export_twice_adds_nothing_and_leaves_the_file(pathway_file, capsys):
    source = str(EXPORTS / "microsoft-forms.csv")
    main(["responses", "import", str(pathway_file), source, "--questionnaire", "q1"])
    before = pathway_file.read_bytes()
    assert main(["responses", "import", str(pathway_file), source, "--questionnaire", "q1"]) == 0
    assert "0 réponse ajoutée" in capsys.readouterr().out
    assert pathway_file.read_bytes() == before
    assert len(load_pathway(pathway_file).questionnaires[0].responses) == 9


def test_a_file_matching_no_question_exits_2_and_changes_nothing(pathway_file, capsys):
    before = pathway_file.read_bytes()
    code = main(["responses", "import", str(pathway_file), str(EXPORTS / "autre-questionnaire.csv"),
                 "--questionnaire", "q1"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "aucune colonne ne correspond à une question du questionnaire « q1 »" in err
    assert pathway_file.read_bytes() == before and not pathway_file.with_name("bilan.parcours.bak").exists()


@pytest.mark.parametrize("args, words", [
    (["--questionnaire", "q9"], "aucun questionnaire d'identifiant « q9 »"),
])
def test_unknown_questionnaire_exits_2(pathway_file, capsys, args, words):
    code = main(["responses", "import", str(pathway_file), str(EXPORTS / "google-forms.csv"), *args])
    assert code == 2 and words in capsys.readouterr().err
    assert main(["responses", "stats", str(pathway_file), *args]) == 2


def test_missing_or_unreadable_export_exits_2(pathway_file, tmp_path, capsys):
    assert main(["responses", "import", str(pathway_file), str(tmp_path / "absent.csv"), "--questionnaire", "q1"]) == 2
    assert "absent.csv : fichier introuvable" in capsys.readouterr().err
    workbook = tmp_path / "reponses.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert main(["responses", "import", str(pathway_file), str(workbook), "--questionnaire", "q1"]) == 2
    assert "reponses.xlsx : classeur Excel illisible" in capsys.readouterr().err


def test_stats_for_a_person_in_french(pathway_file, capsys):
    main(["responses", "import", str(pathway_file), str(EXPORTS / "excel-francais.csv"), "--questionnaire", "q1"])
    capsys.readouterr()
    assert main(["responses", "stats", str(pathway_file)]) == 0
    out = capsys.readouterr().out
    assert "9 répondant·e·s sur 14 invité·e·s (64,3 %)" in out and "moyenne 4, médiane 4" in out
    assert "Questionnaire des intervenant·e·s" in out


def test_end_to_end_in_a_real_process(pathway_file):
    done = run_cli("responses", "import", str(pathway_file), str(EXPORTS / "framaforms.csv"), "--questionnaire", "q1")
    assert done.returncode == 0, done.stderr
    done = run_cli("responses", "stats", str(pathway_file), "--json")
    assert json.loads(done.stdout)["questionnaires"][0]["respondents"] == 9
