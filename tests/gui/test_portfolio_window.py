"""The portfolio window: opened from the File menu on a folder of our own making."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from parcours_designer.ui import file_dialogs
from parcours_designer.ui.portfolio_window import PortfolioWindow, open_portfolio
from tests.model.portfolio_folder import DEPARTMENT, EDITION_2026, EDITION_2027, ORNE, build_portfolio

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return build_portfolio(tmp_path_factory.mktemp("portefeuille"))


@pytest.fixture
def portfolio_window(qtbot, example_window, folder):
    from datetime import date

    window = PortfolioWindow(folder, example_window, today=date(2027, 3, 1))
    window.show()
    with qtbot.waitSignal(window.ready, timeout=60_000):
        window.load()
    yield window
    window.close()


def shown_column(window, title):
    model = window.pathways_proxy
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == title)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_file_menu_opens_a_portfolio_and_shows_progress(qtbot, example_window, folder, monkeypatch):
    monkeypatch.setattr(file_dialogs, "ask_folder", lambda *args, **kwargs: folder)
    example_window.menu_actions.actions["open_portfolio"].trigger()
    window = example_window.findChild(PortfolioWindow)
    assert window is not None and window.progress.isVisible()
    qtbot.waitUntil(lambda: window.portfolio is not None, timeout=60_000)
    assert window.progress.maximum() == 4 and not window.progress.isVisible()
    assert window.windowTitle() == f"Portefeuille — {folder.name}"
    window.close()


def test_pathways_table_sorts_filters_and_lists_unreadable_files(portfolio_window):
    window = portfolio_window
    assert shown_column(window, "Fichier") == [EDITION_2026, EDITION_2027, ORNE]
    window.pathways_view.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # Budget
    assert shown_column(window, "Fichier") == [EDITION_2027, EDITION_2026, ORNE]
    assert shown_column(window, "Statut") == ["En cours", "Terminé", "En cours"]
    window.filter_edit.setText("ORNE")
    assert shown_column(window, "Fichier") == [ORNE]
    window.filter_edit.setText("termine")
    assert shown_column(window, "Fichier") == [EDITION_2026]
    window.filter_edit.clear()
    assert window.unreadable_list.count() == 1
    assert window.unreadable_list.item(0).text().startswith("casse.parcours : JSON invalide")
    assert window.unreadable_label.text() == "1 fichier illisible, laissé de côté :"
    assert window.statusBar().currentMessage() == "3 parcours lus, 1 fichier illisible"


@pytest.mark.qt_log_ignore("does not support (raise|propagateSizeHints)")  # the offscreen platform cannot raise a window
def test_double_click_opens_the_pathway_in_the_editor(qtbot, portfolio_window, example_window, folder):
    window = portfolio_window
    window.filter_edit.setText("orne")
    view = window.pathways_view
    rect = view.visualRect(window.pathways_proxy.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert example_window.document.path == folder / ORNE
    assert (folder / ORNE).read_bytes()  # read, never written


def test_recurring_needs_chart_and_funders(portfolio_window):
    needs = portfolio_window.needs_tab
    assert needs.chart.bars[0] == ("emploi", 3) and ("coopération", 2) in needs.chart.bars
    funders = portfolio_window.funders_tab.model.rows
    department = next(f for f in funders if f.partner == DEPARTMENT)
    assert (department.amount, department.granted) == (Decimal("8500.00"), Decimal("4000.00"))
    assert "sur 3 parcours" in portfolio_window.funders_tab.total_label.text()


def test_topics_per_partner_and_the_partner_note(portfolio_window, tmp_path, monkeypatch):
    topics = portfolio_window.topics_tab
    partners = [topics.tree.topLevelItem(i).text(0) for i in range(topics.tree.topLevelItemCount())]
    assert DEPARTMENT in partners
    topics.tree.setCurrentItem(topics.tree.topLevelItem(partners.index(DEPARTMENT)).child(0))
    target = tmp_path / "note.xlsx"
    monkeypatch.setattr(file_dialogs, "ask_save_file", lambda *args, **kwargs: target)
    topics.note_button.click()
    from openpyxl import load_workbook

    assert load_workbook(target)["Sujets"]["A1"].value == f"Note de remontée – {DEPARTMENT}"


def test_directory_finds_a_partner_and_inserts_a_copy_in_one_undo_step(portfolio_window, example_window):
    directory = portfolio_window.directory_tab
    directory.search.setText("departement  MANCHE")
    assert directory.proxy.rowCount() == 1
    assert directory.select(DEPARTMENT)
    assert "Les fichiers divergent sur le courriel" in directory.details.toPlainText()
    document = example_window.document
    before = len(document.pathway.partners)
    assert not directory.insert_selected()  # the example already has it: not twice
    assert document.undo_stack.count() == 0
    directory.search.setText("orne dla")
    assert directory.select("DLA de l'Orne")
    directory.insert_button.click()
    assert len(document.pathway.partners) == before + 1
    added = document.pathway.partners[-1]
    assert added.name == "DLA de l'Orne" and added.id not in {p.id for p in document.pathway.partners[:-1]}
    assert added.kind.value == "support_structure" and added.contact.email.startswith("nathalie.girard@")
    assert document.undo_stack.count() == 1 and document.is_modified()
    document.undo_stack.undo()
    assert len(document.pathway.partners) == before and not document.is_modified()


def test_compare_two_editions(portfolio_window):
    compare = portfolio_window.compare_tab
    assert compare.before_box.currentData() == EDITION_2026 and compare.after_box.currentData() == EDITION_2027
    assert compare.compare()
    phases = compare.tables["phases"][1].rows
    assert [c.kind.label for c in phases].count("Ajoutée") == 1
    assert "1 étape ajoutée, 0 retirée, 1 déplacée, 11 inchangées." in compare.summary_label.text()
    budget = compare.tables["budget"][1].rows
    assert any(g.label.startswith("74") and g.difference == Decimal("500.00") for g in budget)
    assert compare.tables["indicators"][1].rows[0].before_result == 3


def test_item_models_pass_the_model_tester(qtmodeltester, portfolio_window):
    qtmodeltester.check(portfolio_window.pathways_model)
    qtmodeltester.check(portfolio_window.directory_tab.model)


def test_a_missing_folder_is_said_in_french(qtbot, example_window, tmp_path):
    window = open_portfolio(example_window, tmp_path / "absent")
    qtbot.waitUntil(lambda: window.unreadable_label.isVisible(), timeout=30_000)
    assert "ce dossier n'existe pas" in window.unreadable_label.text()
    window.close()


def test_closing_while_reading_stops_the_reading(qtbot, example_window, folder):
    window = open_portfolio(example_window, folder)
    window.close()
    assert window.thread is None or not window.thread.isRunning()


def test_reading_the_folder_again_sees_a_new_file(qtbot, portfolio_window, folder):
    import shutil

    shutil.copy(folder / ORNE, folder / "orne" / "copie.parcours")
    try:
        with qtbot.waitSignal(portfolio_window.ready, timeout=60_000):
            portfolio_window.reread_action.trigger()
        assert len(portfolio_window.portfolio.pathways) == 4
        assert portfolio_window.tabs.count() == 6
    finally:
        (folder / "orne" / "copie.parcours").unlink()


def test_compare_shows_titles_holding_markup_as_text(qtbot, tmp_path):
    from PySide6.QtGui import Qt as GuiQt

    from parcours_designer.model import load_pathway, save_pathway
    from parcours_designer.model.portfolio_scan import read_portfolio
    from parcours_designer.ui.portfolio_compare import CompareTab
    from tests.model.factories import EXAMPLE

    for edition in ("2026", "2027"):
        pathway = load_pathway(EXAMPLE)
        pathway.title, pathway.edition = '<img src="http://example.org/x.png"><b>Parcours</b>', edition
        save_pathway(pathway, tmp_path / f"{edition}.parcours")
    tab = CompareTab(read_portfolio(tmp_path), tmp_path)
    qtbot.addWidget(tab)
    tab.after_box.setCurrentIndex(1)
    assert tab.compare()
    label = tab.summary_label
    assert '<img src="http://example.org/x.png"><b>Parcours</b>' in label.text()
    assert label.textFormat() == Qt.TextFormat.PlainText or not GuiQt.mightBeRichText(label.text())


def test_tooltips_show_titles_holding_markup_as_text():
    from PySide6.QtGui import QTextDocument

    from parcours_designer.ui.portfolio_rows import Column, RowsModel

    model = RowsModel([Column("Parcours", lambda row: row)])
    model.set_rows(['<img src="/etc/hosts"><b>Parcours</b>'])
    shown = QTextDocument()
    shown.setHtml(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert shown.toPlainText() == '<img src="/etc/hosts"><b>Parcours</b>'


def test_a_folder_without_pathways_has_nothing_to_compare(qtbot, tmp_path):
    from parcours_designer.model.portfolio_scan import read_portfolio
    from parcours_designer.ui.portfolio_compare import CompareTab

    tab = CompareTab(read_portfolio(tmp_path), tmp_path)
    qtbot.addWidget(tab)
    assert not tab.compare_button.isEnabled()
    assert tab.compare() is False  # was a TypeError (no file chosen)


def test_an_empty_folder_says_so(qtbot, example_window, tmp_path):
    from datetime import date

    window = PortfolioWindow(tmp_path, example_window, today=date(2027, 3, 1))
    window.show()
    with qtbot.waitSignal(window.ready, timeout=60_000):
        window.load()
    assert window.unreadable_label.isVisible()
    assert window.unreadable_label.text() == "Aucun fichier .parcours dans ce dossier ni dans ses sous-dossiers."
    window.close()


def test_directory_headers_are_readable_in_a_window_that_fits_1366_by_768(qtbot, portfolio_window):
    """« Vu pour la dernière fois » was cut: every header is whole, sort arrow included, without scrolling."""
    from PySide6.QtWidgets import QApplication

    window = portfolio_window
    assert window.width() <= 1366 and window.height() <= 768
    window.tabs.setCurrentWidget(window.directory_tab)
    QApplication.processEvents()
    view = window.directory_tab.view
    header = view.horizontalHeader()
    titles = [view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]
    assert "Vu pour la\ndernière fois" in titles
    for column, title in enumerate(titles):
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), title
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= view.viewport().width(), title
    assert view.horizontalScrollBar().maximum() == 0
