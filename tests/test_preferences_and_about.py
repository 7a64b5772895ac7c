"""Preferences (versioned, in the config folder) and what « À propos » lists — no Qt."""

from __future__ import annotations

import json

import pytest

from parcours_designer import preferences as prefs
from parcours_designer.about import font_licence_text, fonts, libraries, licence_of
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.templates import load_template
from parcours_designer.paths import template_folders


def test_preferences_round_trip_in_the_config_folder(user_home):
    chosen = prefs.Preferences(officer=prefs.Officer(name="Camille Martin", organisation="DLA de la Manche",
                                                     email="camille@example.org", phone="02 33 00 00 00"),
                               default_framework="cooperation-culturelle-territoriale", autosave_seconds=10,
                               default_folder=str(user_home))
    prefs.save_preferences(chosen)
    stored = json.loads(prefs.preferences_file().read_text(encoding="utf-8"))
    assert stored["version"] == prefs.VERSION and stored["officer"]["name"] == "Camille Martin"
    assert prefs.preferences_file().parent == user_home / "config"
    assert prefs.load_preferences() == chosen


@pytest.mark.parametrize("raw", [b"", b"{", b"[]", b'{"officer": {}}', b'{"version": 99, "officer": {}}',
                                 b'{"version": 1, "autosave_seconds": 0}'])
def test_unusable_preferences_give_the_defaults_and_are_left_alone(raw):
    target = prefs.preferences_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)
    assert prefs.load_preferences() == prefs.Preferences()
    assert target.read_bytes() == raw
    with pytest.raises(ValueError):
        prefs.parse_preferences(raw)


def test_older_preferences_are_migrated_step_by_step(monkeypatch):
    monkeypatch.setattr(prefs, "VERSION", 2)
    monkeypatch.setitem(prefs.MIGRATIONS, 1, lambda data: {**data, "autosave_seconds": data.pop("delay")})
    loaded = prefs.parse_preferences(b'{"version": 1, "delay": 42}')
    assert loaded.autosave_seconds == 42


def test_a_template_pathway_gets_the_officer_instead_of_the_sample_person():
    pathway = load_template("dla-individuel", template_folders())
    assert pathway.referent is not None and pathway.referent.name  # the template's sample person
    officer = prefs.Officer(name="Camille Martin", email="camille@example.org")
    mine = prefs.personalise(pathway, prefs.Preferences(officer=officer), blank=False)
    assert (mine.referent.name, mine.referent.email, mine.referent.phone) == ("Camille Martin",
                                                                               "camille@example.org", "")
    fresh = load_template("dla-individuel", template_folders())
    assert prefs.personalise(fresh, prefs.Preferences(), blank=False).referent is None


def test_default_framework_for_blank_pathways_only():
    chosen = prefs.Preferences(default_framework="cooperation-culturelle-territoriale")
    assert prefs.personalise(Pathway(title="x"), chosen, blank=True).framework == "cooperation-culturelle-territoriale"
    template = load_template("dla-individuel", template_folders())
    assert prefs.personalise(template.model_copy(deep=True), chosen, blank=False).framework == template.framework


def test_default_folder_is_the_chosen_one_or_the_documents(tmp_path):
    assert prefs.default_folder(prefs.Preferences(default_folder=str(tmp_path))) == tmp_path
    assert prefs.default_folder(prefs.Preferences(default_folder=str(tmp_path / "absent"))) == \
        prefs.documents_folder()


def test_about_lists_every_library_with_its_licence_and_the_fonts():
    found = {component.name.lower().replace("_", "-"): component for component in libraries()}
    for name in ("pydantic", "platformdirs", "reportlab", "matplotlib", "openpyxl", "icalendar", "holidays",
                 "pillow", "pyside6-essentials"):
        assert name in found, name
        assert found[name].version and found[name].licence and found[name].licence != "voir la distribution"
    assert found["pydantic"].licence == "MIT"
    licences = {font.name: font.licence for font in fonts()}
    assert {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-BoldOblique", "DejaVuSans-Oblique"} <= set(licences)
    assert licences["DejaVuSans"].startswith("Bitstream Vera")
    assert all(licence != "voir la distribution" for licence in licences.values()), licences
    assert "Bitstream" in font_licence_text()


def test_licence_from_classifiers_when_the_licence_field_is_a_whole_text():
    from email.message import Message

    meta = Message()
    meta["License"] = "Copyright (c) 2015\nAll rights reserved\n..."
    meta["Classifier"] = "License :: OSI Approved :: BSD License"
    assert licence_of(meta) == "BSD License"
