"""Issue 12: what a new user stumbled on, each point driven as a person would (offscreen)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QLabel, QSpinBox, QTreeView

from parcours_designer import paths
from parcours_designer import preferences as prefs
from parcours_designer.ui import file_dialogs, templates_dialog
from parcours_designer.ui.templates_dialog import TemplateChoice, TemplateDialog, next_monday
from tests.gui.conftest import EXAMPLE
from tests.gui.helpers import click_action, type_into

pytestmark = pytest.mark.gui
WIDTH = 1366


@pytest.fixture
def window(example_window):
    example_window.resize(WIDTH, 768)
    return example_window


# --- 1. closures: the dates can be read -----------------------------------------------

def test_added_closure_shows_its_whole_dates(qtbot, window):
    page = window.show_page("planning")
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    qtbot.mouseClick(page.closures.add_button, Qt.MouseButton.LeftButton)
    table = page.closures.table
    for column in (0, 1):
        edit = table.cellWidget(0, column)
        assert isinstance(edit, QDateEdit)
        assert table.columnWidth(column) >= edit.sizeHint().width()
        assert edit.width() >= edit.sizeHint().width() - 2


# --- 2. keyboard ------------------------------------------------------------------------

def test_tab_goes_from_navigation_to_the_page_then_the_check_panel(qtbot, window):
    window.show_page("needs")
    window.navigation.setFocus()
    seen = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    page = window.page("needs").list_pages["needs"]
    assert seen[0] is page.search and seen[1] is page.table  # the page first, not the check panel
    assert seen[2] is page.form.widgets["title"]  # Tab leaves the table for the form
    first_panel = next(n for n, w in enumerate(seen) if window.check_panel.isAncestorOf(w))
    assert all(page.isAncestorOf(w) for w in seen[:first_panel])


def test_delete_key_on_the_table_deletes_the_row_but_not_in_a_field(qtbot, window):
    page = window.show_page("audiences").list_pages["audiences"]
    page.select("a1")
    stack = window.document.undo_stack
    before = len(window.document.items("audiences"))
    page.form.widgets["name"].setFocus()
    qtbot.keyClick(page.form.widgets["name"], Qt.Key.Key_Delete)
    assert len(window.document.items("audiences")) == before
    page.select("a1")
    page.table.setFocus()
    count = stack.count()
    ids = [a.id for a in window.document.items("audiences")]
    referenced = any("a1" in n.audience_ids for n in window.document.items("needs"))
    if referenced:  # deleting a cited public asks first: answer « Supprimer »
        from parcours_designer.ui import dialogs

        dialogs_confirm = dialogs.confirm_delete
        dialogs.confirm_delete = lambda *a: True
    try:
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    finally:
        if referenced:
            dialogs.confirm_delete = dialogs_confirm
    assert [a.id for a in window.document.items("audiences")] == ids[1:]
    assert stack.count() == count + 1
    stack.undo()
    assert [a.id for a in window.document.items("audiences")] == ids


def test_table_actions_are_in_its_context_menu_with_their_keys(window):
    page = window.show_page("needs").list_pages["needs"]
    assert page.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert [a.text() for a in page.table.actions()][:3] == ["&Ajouter", "&Dupliquer", "&Supprimer"]
    assert page.actions_["add"] in page.table.actions()


def test_shortcuts_page_lists_menus_and_table_keys(window):
    from parcours_designer.ui.help import show_shortcuts

    dialog = show_shortcuts(window)
    table = dialog.body
    rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    commands = {row[1]: row[2] for row in rows}
    assert commands["Enregistrer"] == "Ctrl+S" and commands["Panneau de vérification"] == "F9"
    assert commands["Annuler"] == "Ctrl+Z" and commands["Ajouter"] == QKeySequence("Ctrl+Ins").toString(
        QKeySequence.SequenceFormat.NativeText)
    assert commands["Monter"] == QKeySequence("Alt+Up").toString(QKeySequence.SequenceFormat.NativeText)
    assert any("Supprimer la ligne choisie" in row[1] for row in rows)
    assert all(row[2] for row in rows)
    dialog.close()


# --- 3. file dialogs in French, in the user's folder -------------------------------------

def test_qt_dialog_strings_are_french(window):
    for context, source, french in (("QFileDialog", "&Look in:", "&Regarder dans\u00a0:"),
                                    ("QFileDialog", "Files of &type:", "&Type de fichier\u00a0:"),
                                    ("QFileDialog", "File &name:", "&Nom de fichier\u00a0:"),
                                    ("QPlatformTheme", "Cancel", "Annuler")):
        assert QCoreApplication.translate(context, source) == french


def test_qt_file_dialog_is_configured_when_not_native(window, tmp_path):
    dialog = file_dialogs.make_dialog(window, "Enregistrer", str(tmp_path), "Parcours (*.parcours)")
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"].startswith("&Regarder") and labels["fileTypeLabel"].startswith("&Type")
    tree = dialog.findChild(QTreeView, "treeView")
    assert tree.header().isSectionHidden(file_dialogs.TYPE_COLUMN)
    assert (dialog.width(), dialog.height()) == file_dialogs.SIZE
    dialog.deleteLater()


def test_first_save_as_of_a_template_pathway_opens_in_the_default_folder(qtbot, window, monkeypatch, tmp_path):
    folder = tmp_path / "Mes parcours"
    folder.mkdir()
    prefs.save_preferences(prefs.Preferences(default_folder=str(folder)))
    monkeypatch.setattr(templates_dialog, "choose_template", lambda parent, templates: TemplateChoice("dla-individuel",
                                                                                           date(2028, 1, 10)))
    assert window.files.new_from_template()
    asked = []
    monkeypatch.setattr(file_dialogs, "ask_save_file", lambda parent, title, suggested, *a: asked.append(suggested))
    window.files.save_as()
    assert asked == [folder / "parcours.parcours"]
    window.files.open_path(EXAMPLE, ask=False)  # the example: never proposed to be saved beside itself
    window.files.save_as()
    assert asked[-1] == folder / EXAMPLE.name
    assert not asked[-1].is_relative_to(paths.resources_dir())


# --- 4. planning fits, months alike ---------------------------------------------------------

def test_whole_pathway_fits_with_its_titles(qtbot, window):
    page = window.show_page("planning")
    view = page.view
    view.zoom.setCurrentIndex(view.zoom.findText("Tout le parcours"))
    QApplication.processEvents()
    canvas = view.canvas
    for bar in view.gantt.bars:
        label = canvas.scene().bars[bar.phase_id].label  # drawn at its size whatever the zoom
        right = canvas.mapFromScene(label.scenePos()).x() + 10 + label.boundingRect().width()
        assert right <= canvas.viewport().width(), bar.title


def test_month_labels_share_one_form():
    from parcours_designer.ui.planning.canvas import _month_text

    months = [_month_text(date(2027, n, 1), "short") for n in range(1, 13)]
    assert months[:4] == ["2027", "févr.", "mars", "avr."]
    assert _month_text(date(2027, 8, 1), "short year") == "août 2027"


# --- 5, 6. the check panel ------------------------------------------------------------------

def test_check_panel_keeps_its_width_and_shows_counts_first(qtbot, window):
    widths = set()
    for info in window.page_infos:
        window.show_page(info.key)
        QApplication.processEvents()
        assert window.width() == WIDTH and window.minimumSizeHint().width() <= WIDTH, info.key
        widths.add((info.key, window.check_dock.width()))
    assert len({w for _k, w in widths}) == 1, sorted(widths)
    for key in ("planning", "evaluation"):  # every tab of the pages with tabs
        tabs = window.show_page(key).tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            assert window.minimumSizeHint().width() <= WIDTH, (key, tabs.tabText(index))
    window.derived.refresh_now()
    model = window.check_panel.model
    texts = [model.item(row).text() for row in range(model.rowCount())]
    with_findings = [t for t in texts if "(" in t.split(" ")[1]]
    assert all(t.split(" ")[1].startswith("(") for t in with_findings)


def _finding_index(panel, rule_id):
    from parcours_designer.ui.check_dock import RULE_ROLE

    model = panel.model
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        for child in range(model.rowCount(parent)):
            index = model.index(child, 0, parent)
            if index.data(RULE_ROLE) == rule_id:
                return index
    return None


def test_pathway_finding_opens_its_page_and_money_stays_on_one_line(qtbot, window):
    from parcours_designer.ui.commands import SetFields

    document = window.document
    document.push(SetFields(document, "funding", "f1", {"amount": document.item("funding", "f1").amount + 10410}))
    window.derived.refresh_now()
    index = _finding_index(window.check_panel, "budget-unbalanced")
    assert index is not None
    assert "\u202f" not in index.data()
    window.show_page("needs")
    window.check_panel.tree.setCurrentIndex(index)
    window.check_panel.tree.doubleClicked.emit(index)
    assert window.stack.currentWidget() is window.page("budget")
    assert "\u202f" not in window.check_panel.details.toPlainText()


def test_every_rule_on_the_whole_pathway_has_a_page():
    from parcours_designer.model.check.registry import RULES
    from parcours_designer.ui.finding_pages import page_for_rule

    keys = {"overview", "audiences", "needs", "objectives", "phases", "planning", "partners", "budget",
            "evaluation", "risks"}
    pages = {rule: page_for_rule(rule, keys) for rule in RULES}
    assert pages["budget-unbalanced"] == "budget" and pages["no-indicators"] == "evaluation"
    assert pages["no-diagnostic-phase"] == "phases" and pages["no-risk"] == "risks"
    assert pages["summary-missing"] == "overview"


# --- 7. template chooser ----------------------------------------------------------------------

def test_template_dialog_shows_descriptions_apart_and_a_start_date(qtbot):
    from parcours_designer.model.templates import list_templates
    from parcours_designer.paths import template_folders

    templates = list_templates(template_folders())
    dialog = TemplateDialog(templates, today=date(2027, 9, 8))
    qtbot.addWidget(dialog)
    assert dialog.list.item(0).text() == templates[0].title
    assert dialog.description.text() == templates[0].description
    dialog.list.setCurrentRow(1)
    assert dialog.description.text() == templates[1].description
    assert dialog.choice() == TemplateChoice(templates[1].id, date(2027, 9, 13))
    assert next_monday(date(2027, 9, 13)) == date(2027, 9, 20)


def test_new_from_template_starts_on_the_chosen_day_with_the_officer(qtbot, window, monkeypatch):
    prefs.save_preferences(prefs.Preferences(officer=prefs.Officer(name="Camille Martin",
                                                                   email="camille@example.org")))
    monkeypatch.setattr(templates_dialog, "choose_template", lambda parent, templates: TemplateChoice("dla-individuel",
                                                                                           date(2028, 1, 10)))
    assert window.files.new_from_template()
    pathway = window.document.pathway
    assert pathway.start == date(2028, 1, 10)
    assert (pathway.referent.name, pathway.referent.email, pathway.referent.phone) == (
        "Camille Martin", "camille@example.org", "")
    overview = window.page("overview")
    assert overview.form.widgets["referent.name"].text() == "Camille Martin"


# --- 8. tables not cut ---------------------------------------------------------------------

@pytest.mark.parametrize("key, list_name, column", [("budget", "costs", "Montant"), ("risks", "risks", "Retard (jours)"),
                                                    ("needs", "needs", "Publics")])
def test_key_columns_show_whole(qtbot, window, key, list_name, column):
    holder = window.show_page(key)
    QApplication.processEvents()
    table = holder.list_pages[list_name].table
    header = table.horizontalHeader()
    model = table.model()
    number = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == column)
    assert header.sectionSize(number) >= header.sectionSizeHint(number)  # the header is not cut
    assert header.sectionViewportPosition(number) + header.sectionSize(number) <= table.viewport().width() + 1


def test_editors_under_a_form_are_wheel_guarded_too(window):
    page = window.show_page("evaluation")
    questions = page.list_pages["questionnaires"].extra[0]
    guarded = questions.findChildren(QSpinBox) + questions.findChildren(QComboBox)
    assert guarded and all(w.focusPolicy() == Qt.FocusPolicy.StrongFocus for w in guarded)


# --- 9. undo texts ------------------------------------------------------------------------------

def test_undo_text_names_the_step_in_french(qtbot, window):
    page = window.show_page("needs").list_pages["needs"]
    page.select("n1")
    type_into(qtbot, page.form.widgets["title"], "Besoin renommé")
    assert window.menu_actions.actions["undo"].text() == "&Annuler : modifier le besoin"
    window.menu_actions.actions["undo"].trigger()
    assert window.menu_actions.actions["redo"].text() == "&Rétablir : modifier le besoin"


# --- 10. the wheel scrolls the form -----------------------------------------------------------

def test_wheel_over_an_unfocused_field_scrolls_the_form(qtbot, window):
    page = window.show_page("phases").list_pages["phases"]
    page.select("ph5")
    spin = page.form.widgets["lag_days"]
    assert isinstance(spin, QSpinBox) and spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    area = page.form_area
    area.verticalScrollBar().setValue(0)
    value, count = spin.value(), window.document.undo_stack.count()
    page.table.setFocus()
    event = QWheelEvent(QPointF(5, 5), QPointF(spin.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(spin, event)
    assert spin.value() == value and window.document.undo_stack.count() == count
    assert area.verticalScrollBar().value() > 0


# --- 11. critical and slack agree on the page -------------------------------------------------

def test_planning_page_says_no_phase_is_critical_when_all_have_slack(window):
    page = window.show_page("planning")
    page.view.refresh()
    assert "aucune étape critique (marge minimale : 6 jours ouvrés)" in page.view.summary.text()
    assert not page.view.state.shown.critical_path()


# --- 12. menus ------------------------------------------------------------------------------------

def test_export_menu_has_distinct_mnemonics_and_help_has_its_pages(window):
    file_menu = window.menuBar().actions()[0].menu()
    export_menu = next(a.menu() for a in file_menu.actions() if a.menu() and "xporter" in a.text())
    export_menu.aboutToShow.emit()
    letters = [a.text()[a.text().index("&") + 1].lower() for a in export_menu.actions()]
    assert len(letters) == len(set(letters)) == len(export_menu.actions()) >= 6
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.text() for a in help_menu.actions() if a.text()] == [
        "&Guide d'utilisation", "&Raccourcis clavier", "À &propos de Parcours Designer"]


def test_guide_opens_offline_with_its_screenshots(window):
    from parcours_designer.ui.help import guide_file, show_guide

    dialog = show_guide(window)
    text = dialog.body.toPlainText()
    assert "Guide d'utilisation" in text and "Ctrl+Z" in text
    images = [line.split("](")[1].split(")")[0] for line in guide_file().read_text(encoding="utf-8").splitlines()
              if line.startswith("![")]
    assert len(images) >= 4
    assert all((guide_file().parent / image).is_file() for image in images)
    dialog.close()


def test_about_shows_versions_and_licences(window):
    from parcours_designer.ui.help import show_about

    dialog = show_about(window)
    tabs = dialog.body
    table = tabs.widget(1)
    names = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert names["Qt"].startswith("LGPL") and names["pydantic"] == "MIT"
    assert "Bitstream" in tabs.widget(2).toPlainText()
    dialog.close()


# --- welcome page and preferences dialog -----------------------------------------------------------

def test_welcome_page_at_start_without_a_file_leads_to_the_example(qtbot):
    from parcours_designer.ui import app as app_module
    from parcours_designer.ui.welcome import WelcomePage

    window = app_module.empty_window()
    qtbot.addWidget(window)
    app_module.finish_start(window, None)
    page = window.centralWidget()
    assert isinstance(page, WelcomePage) and not window.check_dock.isVisibleTo(window)
    assert set(page.buttons) == {"template", "blank", "open", "example", "guide"}
    qtbot.mouseClick(page.buttons["example"], Qt.MouseButton.LeftButton)
    assert window.document.path == Path(EXAMPLE)
    assert window.centralWidget() is not page and window.stack.currentWidget() is window.page("overview")
    window.document.undo_stack.setClean()


def test_welcome_page_lists_recent_files(qtbot, tmp_path):
    from parcours_designer.ui import app as app_module
    from parcours_designer.ui.recent import RecentFiles
    from parcours_designer.ui.welcome import WelcomePage

    other = tmp_path / "atelier.parcours"
    other.write_bytes(EXAMPLE.read_bytes())
    RecentFiles().add(other)
    window = app_module.empty_window()
    qtbot.addWidget(window)
    app_module.finish_start(window, None)
    page = window.centralWidget()
    assert isinstance(page, WelcomePage) and page.recent.count() == 1
    page.recent.setCurrentRow(0)
    page.recent.setFocus()
    qtbot.keyClick(page.recent, Qt.Key.Key_Return)
    assert window.document.path == other.resolve()
    window.document.undo_stack.setClean()


def test_preferences_dialog_saves_and_applies(qtbot, window, monkeypatch):
    from parcours_designer.ui import preferences_dialog

    def fill(dialog):
        dialog.officer["name"].setText("Camille Martin")
        dialog.officer["organisation"].setText("DLA de la Manche")
        dialog.autosave.setValue(12)
        dialog.framework.setCurrentIndex(dialog.framework.findData("cooperation-culturelle-territoriale"))
        return preferences_dialog.QDialog.DialogCode.Accepted

    monkeypatch.setattr(preferences_dialog.PreferencesDialog, "exec", fill)
    window.menu_actions.actions["preferences"].trigger()
    saved = prefs.load_preferences()
    assert saved.officer.name == "Camille Martin" and saved.autosave_seconds == 12
    assert window.autosaver.timer.interval() == 12_000
    window.files.new_blank()
    assert window.document.pathway.referent.organisation == "DLA de la Manche"
    assert window.document.pathway.framework == "cooperation-culturelle-territoriale"


def test_add_button_still_works_from_the_folding_tool_bar(qtbot, window):
    page = window.show_page("needs").list_pages["needs"]
    before = len(window.document.items("needs"))
    click_action(qtbot, page, "add")
    assert len(window.document.items("needs")) == before + 1


# --- going through every page with the keyboard alone --------------------------------------------

def test_tab_goes_round_every_page_without_a_trap(qtbot, window):
    """From the navigation, Tab visits each stop once (no table, date or tab bar keeps it) and comes back."""
    for info in window.page_infos:
        page = window.show_page(info.key)
        window.navigation.setFocus()
        seen = []
        for _ in range(60):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            focused = QApplication.focusWidget()
            if focused is window.navigation:
                break
            seen.append(focused)
        assert focused is window.navigation, (info.key, [w.accessibleName() for w in seen[-5:]])
        assert len(seen) == len(set(seen)), info.key
        in_page = [w for w in seen if page.isAncestorOf(w)]
        assert seen[:len(in_page)] == in_page, info.key  # the page first, then the check panel
        assert window.check_panel.tree in seen


def test_tab_leaves_a_date_in_one_step(qtbot, window):
    """Tab used to go to the month, then the year (and stayed in an empty date)."""
    page = window.show_page("phases").list_pages["phases"]
    page.select("ph5")
    for name in ("start", "actual_start"):  # a date, and an empty one (« non fixée »)
        field = page.form.widgets[name]
        field.edit.setFocus()
        qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is field.clear_button, name


def _mnemonics(widget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton

    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    return [t[t.index("&") + 1].lower() for t in texts if "&" in t.replace("&&", "")]


def test_new_screens_have_distinct_mnemonics(qtbot, window):
    from parcours_designer.ui.preferences_dialog import PreferencesDialog, frameworks_of
    from parcours_designer.ui.welcome import show_welcome

    dialog = PreferencesDialog(prefs.Preferences(), frameworks_of(window), window)
    letters = _mnemonics(dialog)
    assert len(letters) == len(set(letters)) >= 8, letters
    page = show_welcome(window)
    letters = _mnemonics(page)
    assert len(letters) == len(set(letters)) >= 5, letters
    page.leave()


def test_no_list_column_is_shown_cut(qtbot, window):
    """A column that cannot be shown whole is hidden (the header says which; the form shows it)."""
    for info in window.page_infos:
        holder = window.show_page(info.key)
        QApplication.processEvents()
        for list_page in getattr(holder, "list_pages", {}).values():
            if not list_page.isVisible():
                continue
            table, header = list_page.table, list_page.table.horizontalHeader()
            shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
            assert shown[:2] == [0, 1], info.key
            for column in shown:
                assert header.sectionViewportPosition(column) + header.sectionSize(column) <= \
                    table.viewport().width() + 1, (info.key, column)
            hidden = [c for c in range(header.count()) if header.isSectionHidden(c)]
            for column in hidden:
                assert str(table.model().headerData(column, Qt.Orientation.Horizontal)) in header.toolTip()
    window.resize(2200, 900)  # a wider window shows them again
    QApplication.processEvents()
    header = window.page("phases").list_pages["phases"].table.horizontalHeader()
    window.show_page("phases")
    QApplication.processEvents()
    assert not any(header.isSectionHidden(c) for c in range(header.count()))


def test_compiled_gaps_translation_matches_its_source():
    """The .qm shipped is the .ts compiled (pyside6-lrelease): every message translates as written."""
    import xml.etree.ElementTree as ElementTree

    from PySide6.QtCore import QTranslator

    from parcours_designer.ui.qt_french import gaps_file

    translator = QTranslator()
    assert translator.load(str(gaps_file()))
    source = ElementTree.parse(gaps_file().with_suffix(".ts"))
    messages = [(context.findtext("name"), message.findtext("source"), message.findtext("translation"))
                for context in source.iter("context") for message in context.iter("message")]
    assert len(messages) >= 5
    for context, text, french in messages:
        assert translator.translate(context, text) == french, text
