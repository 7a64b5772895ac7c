"""Every malformed input gets one clear French message; the file is never touched."""

from __future__ import annotations

import json

import pytest

from parcours_designer.model import PathwayFileError, load_pathway
from tests.model.factories import minimal_document


def _doc(**pathway) -> bytes:
    return json.dumps(minimal_document(**pathway), ensure_ascii=False).encode("utf-8")


def _deep(levels: int) -> bytes:
    return b'{"format": "parcours-designer", "format_version": 1, "pathway": ' + b"[" * levels + b"]" * levels + b"}"


BAD_FILES = {
    "empty": (b"", "vide"),
    "blank": (b"  \n\t ", "vide"),
    "truncated": (_doc()[:-7], "JSON invalide ligne 1"),
    "binary": (bytes(range(256)) * 4, "UTF-8"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "UTF-8"),
    "array": (b"[1, 2, 3]", "pas une liste"),
    "other-format": (json.dumps({"format": "gantt-project", "format_version": 1}).encode(), "« gantt-project »"),
    "no-format": (json.dumps({"pathway": {"title": "x"}}).encode(), "format absent"),
    "newer-version": (json.dumps({"format": "parcours-designer", "format_version": 7,
                                  "pathway": {"title": "x"}}).encode(), "version 7, plus récent que la version 2"),
    "dangling-reference": (_doc(needs=[{"id": "n1", "title": "Diffusion"}],
                                objectives=[{"id": "o1", "title": "Diffuser", "need_ids": ["n1", "n9"]}]),
                           "L'objectif « Diffuser » (id « o1 »), champ « need_ids » (besoins), fait référence à un besoin d'identifiant « n9 »"),
    "dangling-cost-phase": (_doc(costs=[{"id": "c1", "label": "Salle", "account": "613", "phase_id": "ph9"}]),
                            "« ph9 »"),
    "wrong-type": (_doc(phases=[{"id": "p1", "participants": "douze"}]),
                   "pathway.phases[0] (id « p1 »).participants : doit être un nombre entier"),
    "title-wrong-type": (_doc(title=["liste"]), "pathway.title : doit être un texte"),
    "negative-money": (_doc(costs=[{"id": "c1", "account": "6226", "unit_cost": -10}]),
                       "pathway.costs[0] (id « c1 »).unit_cost : un montant ne peut pas être négatif"),
    "three-decimals": (_doc(funding=[{"id": "f1", "account": "74", "amount": "100.005"}]),
                       "pathway.funding[0] (id « f1 »).amount : un montant a au plus deux décimales"),
    "unknown-key": (_doc(phases=[{"id": "p1", "colour": "red"}]), "pathway.phases[0] (id « p1 »).colour : clé inconnue"),
    "unknown-root-key": (json.dumps({**minimal_document(), "extra": 1}).encode(), "clé inconnue à la racine"),
    "duplicate-id": (_doc(phases=[{"id": "p1"}, {"id": "p1"}]),
                     "pathway.phases[1] : l'identifiant « p1 » apparaît deux fois dans la liste « Étapes »"),
    "impossible-date": (_doc(phases=[{"id": "p1", "start": "2027-02-30"}]),
                        "pathway.phases[0] (id « p1 »).start : la date 2027-02-30 n'existe pas"),
    "date-format": (_doc(start="30/01/2027"), "pathway.start : une date s'écrit AAAA-MM-JJ"),
    "deep-nesting": (_deep(100_000), "imbriquée"),
    "latin-1": ('{"format": "parcours-designer", "format_version": 1, "pathway": {"title": "Été"}}'.encode("latin-1"),
                "UTF-8"),
    "missing-title": (json.dumps({"format": "parcours-designer", "format_version": 1, "pathway": {}}).encode(),
                      "pathway.title : champ obligatoire manquant"),
    "empty-title": (_doc(title=""), "pathway.title : ne doit pas être vide"),
    "bad-enum": (_doc(needs=[{"id": "n1", "priority": "urgent"}]), "valeur « urgent » non reconnue ; valeurs possibles : high, medium, low"),
    "bad-account": (_doc(costs=[{"id": "c1", "account": "7400"}]), "n'est pas un compte de charges"),
    "nan": (b'{"format": "parcours-designer", "format_version": 1, "pathway": {"title": "x", "costs": [{"id": "c", "unit_cost": NaN}]}}',
            "NaN"),
    "missing-id": (_doc(audiences=[{"name": "Compagnies"}]), "pathway.audiences[0].id : champ obligatoire manquant"),
    "bool-as-count": (_doc(audiences=[{"id": "a", "size": True}]), "doit être un nombre entier"),
    "version-string": (json.dumps({"format": "parcours-designer", "format_version": "1"}).encode(),
                       "format_version doit être un entier"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_gives_a_french_message_and_is_not_touched(tmp_path, case):
    raw, expected = BAD_FILES[case]
    target = tmp_path / f"{case}.parcours"
    target.write_bytes(raw)
    with pytest.raises(PathwayFileError) as caught:
        load_pathway(target)
    message = str(caught.value)
    assert expected in message, message
    assert message.startswith(f"{case}.parcours")
    assert "Traceback" not in message and "pydantic" not in message.lower()
    assert target.read_bytes() == raw
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_many_problems_are_summarised(tmp_path):
    target = tmp_path / "many.parcours"
    target.write_bytes(_doc(phases=[{"id": f"p{i}", "participants": -1} for i in range(9)]))
    with pytest.raises(PathwayFileError) as caught:
        load_pathway(target)
    assert "… et 4 autres problèmes" in str(caught.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(PathwayFileError, match="introuvable"):
        load_pathway(tmp_path / "absent.parcours")
    with pytest.raises(PathwayFileError, match="dossier"):
        load_pathway(tmp_path)
