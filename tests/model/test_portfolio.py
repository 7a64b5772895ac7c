"""The portfolio: many pathways of a folder seen together, read and never written."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from parcours_designer.model import load_pathway
from parcours_designer.model.portfolio import PortfolioError, edition_groups
from parcours_designer.model.portfolio_compare import PhaseChangeKind, compare_editions
from parcours_designer.model.portfolio_directory import find_partner, partner_copy, partner_directory
from parcours_designer.model.portfolio_keys import Spellings, text_key
from parcours_designer.model.portfolio_note import partner_note
from parcours_designer.model.portfolio_scan import FileStamp, catalog_scorer, read_portfolio, scoring_signature
from parcours_designer.model.portfolio_summary import PathwaySummary, Progress, progress, summarise
from parcours_designer.paths import framework_folders
from tests.model.portfolio_folder import (
    BROKEN, DEPARTMENT, EDITION_2026, EDITION_2027, ORNE, TOPIC, build_portfolio, edition_2026,
)


@pytest.fixture
def folder(tmp_path):
    return build_portfolio(tmp_path / "portefeuille")


@pytest.fixture
def portfolio(folder):
    return read_portfolio(folder, catalog_scorer(framework_folders()))


def test_names_are_the_same_without_case_accents_spacing_or_dash_style():
    assert text_key("  Département de la\tManche ") == text_key("DEPARTEMENT DE LA MANCHE")
    assert text_key("État – DREETS") == text_key("Etat - dreets")
    assert text_key("L’Orne") == text_key("l'orne")
    assert text_key("Manche") != text_key("Orne")


def test_the_most_frequent_spelling_is_shown_and_ties_go_to_the_accented_one():
    spellings = Spellings()
    for spelling in ("manche", "Manche", "Manche", "MANCHE"):
        spellings.add(spelling)
    assert spellings.shown == "Manche"
    tie = Spellings()
    tie.add("Departement")
    tie.add("Département")
    assert tie.shown == "Département"


def test_pathways_are_found_in_subfolders_and_a_broken_file_is_listed_not_fatal(portfolio):
    assert [s.path for s in portfolio.pathways] == [EDITION_2026, EDITION_2027, ORNE]
    assert [u.path for u in portfolio.unreadable] == [BROKEN]
    assert "JSON invalide" in portfolio.unreadable[0].message
    assert all(s.score is not None and 0 <= s.score <= 100 for s in portfolio.pathways)


def test_json_follows_the_contract(portfolio):
    data = portfolio.to_json()
    assert set(data) == {"pathways", "unreadable", "need_categories", "topics", "funders"}
    first = data["pathways"][1]
    assert set(first) == {"path", "title", "edition", "territory", "start", "end", "charges", "produits", "score"}
    assert first["edition"] == "2027" and first["start"] == "2027-01-11"
    assert first["charges"] == "28228.00" and first["produits"] == "28228.00"


def test_need_categories_are_grouped_whatever_their_spelling(portfolio):
    categories = {g.category: g.pathways for g in portfolio.need_categories()}
    assert categories["stratégie de diffusion"] == (EDITION_2026, EDITION_2027, ORNE)
    assert "Stratégie de DIFFUSION" not in categories
    assert categories["coopération"] == (EDITION_2026, EDITION_2027)


def test_topics_per_partner_group_spellings_of_partner_and_topic(portfolio):
    topics = {p.partner: p.topics for p in portfolio.topics()}
    department = topics[DEPARTMENT]  # « CONSEIL DEPARTEMENTAL  de la manche » in 2026: the same
    assert len(department) == 1 and department[0].text == TOPIC
    assert department[0].pathways == (EDITION_2026, EDITION_2027)
    dreets = topics["État – DREETS Normandie (DLA)"]
    assert dreets[0].text == TOPIC and dreets[0].pathways == (EDITION_2027, ORNE)


def test_funders_totals_with_what_is_granted(portfolio):
    funders = {f.partner: f for f in portfolio.funders()}
    department = funders[DEPARTMENT]
    assert (department.amount, department.granted) == (Decimal("8500.00"), Decimal("4000.00"))
    assert department.pathways == (EDITION_2026, EDITION_2027)
    assert funders["État – DREETS Normandie (DLA)"].amount == Decimal("31600.00")
    json_funder = next(f for f in portfolio.to_json()["funders"] if f["partner"] == DEPARTMENT)
    assert json_funder["amount"] == "8500.00" and json_funder["granted"] == "4000.00"


def test_reading_never_changes_a_file_of_the_folder(folder):
    def state():
        return {p: (p.read_bytes() if p.is_file() else None, p.stat().st_mtime_ns) for p in folder.rglob("*")}

    before = state()
    read_portfolio(folder, catalog_scorer(framework_folders()))
    after = state()
    assert after == before


def test_a_missing_folder_is_a_french_error(tmp_path):
    with pytest.raises(PortfolioError, match="ce dossier n'existe pas"):
        read_portfolio(tmp_path / "absent")


class DictStore:
    def __init__(self):
        self.entries, self.hits = {}, 0

    def get(self, path, stamp: FileStamp, signature):
        found = self.entries.get((path, stamp, signature))
        self.hits += found is not None
        return found

    def put(self, path, stamp, signature, entry):
        self.entries[(path, stamp, signature)] = entry


def test_a_store_spares_reading_unchanged_files_again(folder):
    store = DictStore()
    first = read_portfolio(folder, catalog_scorer(framework_folders()), store)
    second = read_portfolio(folder, catalog_scorer(framework_folders()), store)
    assert store.hits == 4 and second.to_json() == first.to_json()
    target = folder / ORNE
    pathway = load_pathway(target)
    pathway.title = "Parcours renommé"
    from parcours_designer.model import save_pathway

    save_pathway(pathway, target)
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10_000_000))
    third = read_portfolio(folder, catalog_scorer(framework_folders()), store)
    assert store.hits == 7 and third.summary(ORNE).title == "Parcours renommé"


def test_a_summary_survives_its_stored_form(portfolio):
    for summary in portfolio.pathways:
        assert PathwaySummary.from_dict(summary.to_dict()) == summary


def test_progress_follows_phases_and_dates(portfolio):
    from datetime import date

    summary = portfolio.summary(EDITION_2027)
    assert progress(summary, date(2026, 6, 1)) == Progress.PREPARING
    assert progress(summary, date(2027, 6, 1)) == Progress.RUNNING
    assert progress(summary, date(2028, 1, 1)).label == "Terminé"


def test_editions_of_one_pathway_are_grouped(portfolio):
    groups = edition_groups(portfolio)
    assert [[s.path for s in group] for group in groups] == [[EDITION_2026, EDITION_2027]]


def test_partner_directory_gathers_spellings_editions_and_disagreements(portfolio):
    entry = find_partner(partner_directory(portfolio), "conseil departemental de la manche")
    assert entry.name == DEPARTMENT
    assert entry.pathways == [EDITION_2026, EDITION_2027, ORNE]
    assert entry.editions == ["2026", "2027"]
    assert entry.last_seen.isoformat() == "2028-04-28"
    disagreements = {d.field: d.values for d in entry.disagreements}
    assert set(disagreements) == {"email", "phone"}
    assert disagreements["email"][0] == ("culture-ancien@manche.example.fr", (EDITION_2026,))
    assert find_partner(partner_directory(portfolio), "Banque des Territoires").disagreements == []


def test_a_phone_written_with_other_spaces_is_not_a_disagreement(portfolio):
    entry = find_partner(partner_directory(portfolio), "Cabinet Tandem Culture")
    assert entry.disagreements == []
    assert entry.matches("tandem") and not entry.matches("orne")


def test_a_partner_copy_has_a_new_id_and_no_links(portfolio):
    entry = find_partner(partner_directory(portfolio), DEPARTMENT)
    copy = partner_copy(entry, "p42")
    assert (copy.id, copy.name, copy.kind.value, copy.links) == ("p42", DEPARTMENT, "local_authority", [])
    assert copy.contact.email == "culture@manche.example.fr"


def test_partner_note_holds_topics_and_what_the_partner_funded(portfolio):
    note = partner_note(portfolio, "CONSEIL DÉPARTEMENTAL DE LA MANCHE")
    assert note.partner == DEPARTMENT
    assert [t.text for t in note.topics] == [TOPIC]
    assert [(line.summary.path, line.amount, line.granted) for line in note.funded] == [
        (EDITION_2026, Decimal("4000.00"), Decimal("4000.00")),
        (EDITION_2027, Decimal("4500.00"), Decimal("0.00")),
    ]
    assert note.total == Decimal("8500.00") and note.total_granted == Decimal("4000.00")


def test_partner_note_of_an_unknown_partner_is_a_french_error(portfolio):
    with pytest.raises(PortfolioError, match="aucun partenaire « Inconnu »"):
        partner_note(portfolio, "Inconnu")


def test_comparing_two_editions(folder):
    before, after = load_pathway(folder / EDITION_2026), load_pathway(folder / EDITION_2027)
    comparison = compare_editions(before, after)
    kinds = {change.title: change.kind for change in comparison.phases}
    assert kinds["Suivi à six mois : points individuels"] == PhaseChangeKind.ADDED
    assert PhaseChangeKind.MOVED in (kinds["Accompagnements individuels : diffusion"],
                                     kinds["Accompagnements individuels : gouvernance et fonction employeur"])
    assert comparison.count(PhaseChangeKind.MOVED) == 1 and comparison.count(PhaseChangeKind.REMOVED) == 0
    assert comparison.count(PhaseChangeKind.KEPT) == 11
    subsidies = next(g for g in comparison.budget if g.label.startswith("74"))
    assert (subsidies.before, subsidies.after) == (Decimal("24000.00"), Decimal("24500.00"))
    assert sum((g.difference for g in comparison.budget if g.charges), Decimal(0)) == Decimal("2700.00")
    first = comparison.indicators[0]
    assert first.before_result == 3 and first.after_result == after.indicators[0].result
    backwards = compare_editions(after, before)
    assert backwards.count(PhaseChangeKind.REMOVED) == 1 and backwards.count(PhaseChangeKind.ADDED) == 0


def test_summary_ignores_unnamed_partners_and_empty_categories():
    pathway = edition_2026()
    pathway.partners[0].name = "  "
    pathway.needs[1].category = ""
    summary = summarise(pathway, "x.parcours")
    assert len(summary.partners) == len(pathway.partners) - 1
    assert "" not in summary.need_categories


def test_a_file_saved_by_another_editor_while_read_is_read_again_as_saved(folder, monkeypatch):
    from parcours_designer.model import portfolio_scan, save_pathway

    original, target, saved = portfolio_scan.load_pathway, folder / ORNE, []

    def saved_meanwhile(path):
        result = original(path)
        if Path(path) == target and not saved:
            pathway = original(path)
            pathway.title = "Enregistré entre-temps"
            save_pathway(pathway, target)
            os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10_000_000))
            saved.append(path)
        return result

    monkeypatch.setattr(portfolio_scan, "load_pathway", saved_meanwhile)
    store = DictStore()
    assert read_portfolio(folder, None, store).summary(ORNE).title == "Enregistré entre-temps"
    assert read_portfolio(folder, None, store).summary(ORNE).title == "Enregistré entre-temps"


def test_progress_is_told_file_by_file(folder):
    told = []
    read_portfolio(folder, on_progress=lambda done, total, name: told.append((done, total, name)))
    assert told == [(1, 4, BROKEN), (2, 4, EDITION_2026), (3, 4, EDITION_2027), (4, 4, ORNE)]


def test_a_folder_that_cannot_be_listed_is_listed_as_unreadable(folder, monkeypatch):
    from parcours_designer.model import portfolio_scan

    walk = os.walk

    def refusing(top, onerror=None, **kwargs):
        denied = PermissionError(13, "Permission denied")
        denied.filename = os.path.join(top, "prive")
        onerror(denied)
        yield from walk(top, onerror=onerror, **kwargs)

    monkeypatch.setattr(portfolio_scan.os, "walk", refusing)
    portfolio = read_portfolio(folder)
    assert ("prive", "prive : dossier illisible (lecture non autorisée)") in [
        (u.path, u.message) for u in portfolio.unreadable]
    assert len(portfolio.pathways) == 3


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_file_reached_twice_through_links_counts_once(tmp_path):
    """A link to a pathway of the folder is the same pathway: its funding and needs are not doubled;
    the file itself is shown, not the link; a link to a file outside the folder is read."""
    from tests.model.factories import EXAMPLE

    (tmp_path / "sub").mkdir()
    (tmp_path / "b.parcours").write_bytes(EXAMPLE.read_bytes())
    outside = tmp_path.parent / f"{tmp_path.name}-ailleurs.parcours"
    outside.write_bytes(EXAMPLE.read_bytes())
    try:
        os.symlink(tmp_path / "b.parcours", tmp_path / "a-lien.parcours")
        os.symlink(os.path.join("..", "b.parcours"), tmp_path / "sub" / "lien.parcours")
        os.symlink(outside, tmp_path / "sub" / "dehors.parcours")
    except OSError:
        pytest.skip("symbolic links not allowed here")
    portfolio = read_portfolio(tmp_path)
    assert [s.path for s in portfolio.pathways] == ["b.parcours", "sub/dehors.parcours"]
    assert portfolio.unreadable == []


def test_a_summary_is_kept_for_the_day_it_was_scored(folder):
    """The score judges what is late as of its day (review-deliv K): another day, another reading."""
    store, folders = DictStore(), framework_folders()
    monday, tuesday = date(2027, 6, 21), date(2027, 6, 22)
    read_portfolio(folder, catalog_scorer(folders, monday), store, signature=scoring_signature(folders, monday))
    read_portfolio(folder, catalog_scorer(folders, monday), store, signature=scoring_signature(folders, monday))
    assert store.hits == 4
    read_portfolio(folder, catalog_scorer(folders, tuesday), store, signature=scoring_signature(folders, tuesday))
    assert store.hits == 4
