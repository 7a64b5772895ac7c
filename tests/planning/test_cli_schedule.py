"""``parcours-designer schedule FILE [--scenario RISK_ID] [--json]``: the contract."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.planning.helpers import EXAMPLE


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parcours_designer", *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_json_contract():
    done = run_cli("schedule", str(EXAMPLE), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"end", "phases"} and result["end"] == "2027-12-09"
    for row in result["phases"]:
        assert set(row) == {"id", "start", "end", "latest_start", "latest_end", "slack_days", "critical"}
    ph6 = next(row for row in result["phases"] if row["id"] == "ph6")
    assert (ph6["start"], ph6["end"]) == ("2027-04-19", "2027-06-11")


def test_scenario_applies_the_risk_first():
    done = run_cli("schedule", str(EXAMPLE), "--scenario", "r1", "--json")
    assert done.returncode == 0, done.stderr
    ph6 = next(row for row in json.loads(done.stdout)["phases"] if row["id"] == "ph6")
    # 10 working days later: 3 May – 25 June 2027.
    assert (ph6["start"], ph6["end"]) == ("2027-05-03", "2027-06-25")


def test_human_table_in_french():
    done = run_cli("schedule", str(EXAMPLE), "--scenario", "r3")
    assert done.returncode == 0, done.stderr
    assert "Scénario « Désistement d'une structure après le diagnostic »" in done.stdout
    assert "Début au + tard" in done.stdout and "Marge" in done.stdout
    assert "23/03/2027  24/03/2027" in done.stdout
    assert "Fin de la dernière étape : jeudi 9 décembre 2027" in done.stdout


def test_unknown_risk_exits_2_with_a_french_message():
    done = run_cli("schedule", str(EXAMPLE), "--scenario", "r42")
    assert done.returncode == 2 and done.stdout == ""
    assert "aucun risque d'identifiant « r42 »" in done.stderr and "r1, r2, r3" in done.stderr
    assert "Traceback" not in done.stderr


def test_unreadable_file_exits_2(tmp_path):
    bad = tmp_path / "x.parcours"
    bad.write_text("{", encoding="utf-8")
    done = run_cli("schedule", str(bad))
    assert done.returncode == 2 and "JSON invalide" in done.stderr and "Traceback" not in done.stderr


def test_critical_and_slack_agree_in_the_human_table():
    """Issue 12, defect 11: a phase with 12 days of slack is not marked critical."""
    from tests.planning.helpers import EXAMPLE as example

    template = example.parent.parent / "templates" / "dla-individuel.parcours"
    done = run_cli("schedule", str(template))
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if line.startswith("Point de suivi à six mois"))
    assert row.split()[-2:] == ["12", "non"]
    assert "Aucune étape critique (marge minimale : 12 jours ouvrés)" in done.stdout
