"""The command line contract: check, frameworks, --version, exit statuses 0/1/2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from parcours_designer import __version__
from tests.model.factories import EXAMPLE, minimal_document, write_json
from tests.model.test_bad_files import BAD_FILES


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parcours_designer", *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_version():
    done = run_cli("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"parcours-designer {__version__}"


def test_check_example_exits_zero_and_prints_french():
    done = run_cli("check", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert "Score :" in done.stdout and "JE CONÇOIS DES PARCOURS D'ACCOMPAGNEMENT" in done.stdout


def test_check_json_follows_the_contract():
    done = run_cli("check", str(EXAMPLE), "--json")
    result = json.loads(done.stdout)
    assert result["framework"] == {"id": "charge-ingenierie-parcours",
                                   "title": "Chargé·e d'ingénierie de parcours d'accompagnement"}
    assert 0 <= result["score"] <= 100
    assert {c["status"] for c in result["competences"]} <= {"covered", "partial", "missing"}
    assert set(result["competences"][0]) == {"id", "title", "status", "finding_count"}
    for finding in result["findings"]:
        assert set(finding) == {"rule", "severity", "message", "target", "competence_ids"}


def test_check_with_defects_exits_one_with_each_finding_on_its_target(tmp_path):
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    pathway = document["pathway"]
    pathway["objectives"][0]["need_ids"] = []
    pathway["phases"][3]["end"] = "2027-03-01"
    pathway["phases"][0]["depends_on"] = ["ph2"]
    pathway["funding"][0]["amount"] = "1.00"
    target = write_json(tmp_path, document)
    done = run_cli("check", str(target), "--json")
    assert done.returncode == 1
    found = {(f["rule"], f["target"]["type"], f["target"].get("id")) for f in json.loads(done.stdout)["findings"]}
    assert ("objective-without-need", "objective", "o1") in found
    assert ("phase-dates-inverted", "phase", "ph4") in found
    assert ("dependency-cycle", "phase", "ph1") in found and ("dependency-cycle", "phase", "ph2") in found
    assert ("budget-unbalanced", "pathway", None) in found


def test_frameworks_lists_the_default():
    done = run_cli("frameworks")
    assert done.returncode == 0
    assert "charge-ingenierie-parcours\tChargé·e d'ingénierie de parcours d'accompagnement" in done.stdout


def test_unknown_framework_exits_two(tmp_path):
    done = run_cli("check", str(write_json(tmp_path, minimal_document())), "--framework", "inconnu")
    assert done.returncode == 2
    assert "référentiel inconnu : « inconnu »" in done.stderr and "Traceback" not in done.stderr


def test_user_framework_folder_is_read(tmp_path):
    home = tmp_path / "home"
    folder = home / "data" / "frameworks"
    folder.mkdir(parents=True)
    source = json.loads((EXAMPLE.parent.parent / "frameworks" / "charge-ingenierie-parcours.json").read_text("utf-8"))
    source["id"] = "mon-referentiel"
    source["title"] = "Référentiel de notre réseau"
    (folder / "mon.json").write_text(json.dumps(source), encoding="utf-8")
    (folder / "casse.json").write_text("{", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "parcours_designer", "check", str(EXAMPLE), "--framework",
                           "mon-referentiel", "--json"], capture_output=True, text=True, encoding="utf-8",
                          env={**__import__("os").environ, "PARCOURS_DESIGNER_HOME": str(home)})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["framework"]["title"] == "Référentiel de notre réseau"


def test_misuse_is_reported_in_french():
    done = run_cli("check")
    assert done.returncode == 2
    assert "utilisation :" in done.stderr and "arguments obligatoires manquants" in done.stderr


@pytest.mark.parametrize("case", ["empty", "truncated", "binary", "array", "other-format", "newer-version",
                                  "dangling-reference", "wrong-type", "negative-money", "three-decimals",
                                  "unknown-key", "duplicate-id", "impossible-date", "deep-nesting", "latin-1"])
def test_malformed_input_exits_two_without_traceback(tmp_path, case):
    raw, expected = BAD_FILES[case]
    target = tmp_path / f"{case}.parcours"
    target.write_bytes(raw)
    done = run_cli("check", str(target))
    assert done.returncode == 2
    assert expected in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert target.read_bytes() == raw
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_missing_file_exits_two(tmp_path):
    done = run_cli("check", str(tmp_path / "absent.parcours"))
    assert done.returncode == 2 and "introuvable" in done.stderr


def test_an_unexpected_defect_is_one_french_line(monkeypatch, capsys):
    from parcours_designer.cli import check_command, main

    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(check_command, "run", broken)
    assert main(["check", str(EXAMPLE)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("parcours-designer : erreur inattendue (RuntimeError : boom)")
    assert "Traceback" not in error


def test_check_judges_deliverables_still_awaited_as_of_today(tmp_path):
    """As the editor does: a phase in progress whose end is long past still awaits its report."""
    phase = {"id": "ph1", "title": "Atelier", "start": "2020-03-02", "end": "2020-03-06", "status": "in_progress",
             "deliverables": ["Compte rendu"]}
    path = write_json(tmp_path, minimal_document(phases=[phase]))
    done = run_cli("check", str(path), "--framework", "manager-ingenierie-culturelle", "--json")
    late = [f for f in json.loads(done.stdout)["findings"] if f["rule"] == "deliverable-late"]
    assert len(late) == 1 and late[0]["target"] == {"type": "phase", "id": "ph1"}
    assert late[0]["message"].startswith("Le livrable « Compte rendu » de l'étape « Atelier » est attendu depuis ")
    assert late[0]["competence_ids"] == ["c39-conformite-prestations"]


def test_json_targets_keep_the_contract_types_and_name_other_items_apart(tmp_path):
    """A finding on a consultation or a topic is the pathway's for scripts written for the
    contract (../shared/spec/cli.md); ``target.item`` says which item it is."""
    contract = {"pathway", "audience", "need", "objective", "partner", "phase", "cost", "funding",
                "indicator", "questionnaire", "risk"}
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    consultation = document["pathway"]["consultations"][0]
    consultation["offers"] = consultation["offers"][:1]  # fewer than two offers
    done = run_cli("check", str(write_json(tmp_path, document)), "--json")
    findings = json.loads(done.stdout)["findings"]
    assert {f["target"]["type"] for f in findings} <= contract
    items = [f["target"] for f in findings if "item" in f["target"]]
    assert {"type": "pathway", "item": {"type": "consultation", "id": consultation["id"]}} in items
