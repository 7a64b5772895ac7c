"""The evaluation loop in the editor: questions edited, answers imported, deleted, cited; all undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from parcours_designer.model.answers.importing import plan_import
from parcours_designer.model.answers.matching import ColumnKind
from parcours_designer.model.answers.table import read_table
from parcours_designer.model.enums import QuestionType
from parcours_designer.model.fileformat import dump_pathway
from parcours_designer.ui import file_dialogs
from parcours_designer.ui.import_dialog import ImportDialog
from parcours_designer.ui.questions_editor import QuestionsEditor
from tests.answers.conftest import EXPORTS

pytestmark = pytest.mark.gui


def evaluation(window):
    window.show_page("evaluation")
    return window.page("evaluation")


def questions_editor(window) -> QuestionsEditor:
    page = evaluation(window)
    page.select("questionnaires", "q1")
    return next(w for w in page.list_pages["questionnaires"].extra if isinstance(w, QuestionsEditor))


def import_export(window, monkeypatch, name="google-forms.csv", accept=True):
    page = evaluation(window).responses
    page.select_questionnaire("q1")
    monkeypatch.setattr(file_dialogs, "ask_open_file", lambda *a, **k: EXPORTS / name)
    monkeypatch.setattr(ImportDialog, "exec",
                        lambda self: QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected)
    page.import_responses()
    return page


def test_question_edits_are_each_one_undo_step(example_window):
    document = example_window.document
    before = dump_pathway(document.pathway)
    editor = questions_editor(example_window)
    editor.list.setCurrentRow(1)
    editor.add()
    assert [q.id for q in document.item("questionnaires", "q1").questions][2] == "q1-4"
    editor.type.setCurrentIndex(editor.type.findData(QuestionType.MULTIPLE_CHOICE))
    editor.type.activated.emit(editor.type.currentIndex())
    editor.choices.setPlainText("Diffusion\nEmploi")
    editor.text.setText("Thèmes utiles ?")
    editor.text.textEdited.emit("Thèmes utiles ?")
    editor.duplicate()
    editor.move_current(-1)
    editor.list.setCurrentRow(0)
    editor.scale_max.setValue(7)
    editor.min_label.textEdited.emit("Pas du tout")
    questions = document.item("questionnaires", "q1").questions
    assert questions[0].scale_bounds() == (1, 7) and questions[0].min_label == "Pas du tout"
    assert [q.type for q in questions[1:4]] == [QuestionType.CHOICE, QuestionType.MULTIPLE_CHOICE,
                                               QuestionType.MULTIPLE_CHOICE]
    assert questions[3].choices == ["Diffusion", "Emploi"] and questions[3].text == "Thèmes utiles ?"
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert dump_pathway(document.pathway) == before
    assert not document.is_modified()


def test_import_shows_matching_then_stores_in_one_undo_step(example_window, monkeypatch):
    document = example_window.document
    page = import_export(example_window, monkeypatch)
    responses = document.item("questionnaires", "q1").responses
    assert len(responses) == 9 and document.undo_stack.count() == 1
    assert "@example.org" not in dump_pathway(document.pathway).decode()
    assert page.model.rowCount() == 9 and "64,3 %" in page.header.text()
    labels = [w.text() for w in page.stats_area.widget().findChildren(QLabel)]
    assert "8 réponses — moyenne 4, médiane 4" in labels
    import_export(example_window, monkeypatch)  # the same export again: nothing to add, no step
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.item("questionnaires", "q1").responses == [] and not document.is_modified()


def test_cancelled_import_stores_nothing(example_window, monkeypatch):
    import_export(example_window, monkeypatch, accept=False)
    assert example_window.document.undo_stack.count() == 0


def test_the_user_corrects_the_matching(example_window, qtbot):
    questionnaire = example_window.document.item("questionnaires", "q1")
    plan = plan_import(read_table(EXPORTS / "microsoft-forms.csv"), questionnaire)
    dialog = ImportDialog(plan, questionnaire, example_window)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled() and "9 réponses nouvelles" in dialog.summary.text()
    assert dialog.about.text().startswith("Fichier « microsoft-forms.csv » : 9 lignes de réponses, encodage UTF-8")
    email_row = next(i for i, c in enumerate(plan.columns) if c.header == "Adresse de messagerie")
    assert "données personnelles" in dialog.boxes[email_row].currentText()
    scale_row = next(i for i, c in enumerate(plan.columns) if c.question_id == "q1-1")
    dialog.boxes[scale_row].setCurrentIndex(0)  # ignored
    text_row = next(i for i, c in enumerate(plan.columns) if c.question_id == "q1-3")
    dialog.boxes[text_row].setCurrentIndex(dialog.boxes[text_row].findData("q1-1"))
    final = dialog.final_plan()
    assert final.columns[scale_row].kind is ColumnKind.IGNORED
    assert final.columns[text_row].question_id == "q1-1"
    start = next(i for i, c in enumerate(plan.columns) if c.header == "Heure de début")
    dialog.boxes[start].setCurrentIndex(dialog.boxes[start].findData("date"))
    assert not dialog.ok_button.isEnabled()  # two date columns


def test_delete_a_response_and_cite_an_answer(example_window, monkeypatch):
    document = example_window.document
    page = import_export(example_window, monkeypatch)
    page.table.selectRow(2)
    page.delete_response()
    assert [r.id for r in document.item("questionnaires", "q1").responses][:3] == ["r1", "r2", "r4"]
    page.cite("q1-3", 0, "improvements")
    assert document.pathway.review.improvements[-1].startswith("« La fonction employeur » (Questionnaire des")
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert len(document.item("questionnaires", "q1").responses) == 9
    assert not any("fonction employeur" in i for i in document.pathway.review.improvements)


def test_removing_a_question_removes_its_answers_undoably(example_window, monkeypatch):
    document = example_window.document
    import_export(example_window, monkeypatch)
    editor = questions_editor(example_window)
    editor.list.setCurrentRow(0)
    editor.remove()
    questionnaire = document.item("questionnaires", "q1")
    assert all("q1-1" not in r.answers for r in questionnaire.responses)
    document.undo_stack.undo()
    assert questionnaire is document.item("questionnaires", "q1")
    assert document.item("questionnaires", "q1").responses[0].answers["q1-1"] == 5


def test_deleting_an_indicator_unlinks_its_question_undoably(example_window, monkeypatch):
    document = example_window.document
    editor = questions_editor(example_window)
    editor.list.setCurrentRow(0)
    editor.indicator.setCurrentIndex(editor.indicator.findData("i5"))
    editor.indicator.activated.emit(editor.indicator.currentIndex())
    assert document.item("questionnaires", "q1").questions[0].indicator_id == "i5"
    page = import_export(example_window, monkeypatch)
    labels = [w.text() for w in page.stats_area.widget().findChildren(QLabel)]
    assert "Alimente l'indicateur « Taux de présence aux temps collectifs (%) » : 4 / 5 (moyenne, 8 réponses)" \
        in labels
    from parcours_designer.ui import dialogs
    monkeypatch.setattr(dialogs, "confirm_delete", lambda *a: True)
    evaluation(example_window).list_pages["indicators"].select("i5")
    evaluation(example_window).list_pages["indicators"].delete()
    assert document.item("questionnaires", "q1").questions[0].indicator_id is None
    document.undo_stack.undo()
    assert document.item("questionnaires", "q1").questions[0].indicator_id == "i5"


def test_new_edition_from_the_menu(example_window, monkeypatch, qtbot):
    import_export(example_window, monkeypatch)
    monkeypatch.setattr(example_window.files, "maybe_save", lambda: True)
    example_window.menu_actions.actions["new_edition"].trigger()
    document = example_window.document
    pathway = document.pathway
    assert pathway.edition == "2028" and document.path is None and document.is_modified()
    assert pathway.questionnaires[0].responses == []
    assert pathway.previous_edition.file == "dla-collectif-culture.parcours"
    checklist = evaluation(example_window).checklist
    assert checklist.list.count() == 2 and "2027" in checklist.origin.text()
    assert example_window.statusBar().currentMessage().endswith(", 2 ajustements à mener repris du bilan")
    checklist.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert pathway.checklist[0].done and document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert not pathway.checklist[0].done


def test_the_answers_tab_fits_a_1366_pixel_screen(example_window):
    """A long questionnaire title or the tab's buttons never make the window wider than a laptop's screen."""
    page = evaluation(example_window).responses
    example_window.document.item("questionnaires", "q1").title = "Questionnaire de satisfaction " * 8
    page.refresh_chooser()
    page.select_questionnaire("q1")
    tabs = page.parentWidget().parentWidget()
    tabs.setCurrentWidget(page)
    assert example_window.minimumSizeHint().width() <= 1366


def test_two_columns_given_to_one_question_are_refused(example_window, qtbot):
    """The first column would win and the second's answers be dropped without a word."""
    from parcours_designer.model.answers.table import parse_table

    questionnaire = example_window.document.item("questionnaires", "q1")
    plan = plan_import(parse_table("q1-1,Q1-1,Autre\n3,5,4\n".encode(), "a.csv"), questionnaire)
    dialog = ImportDialog(plan, questionnaire, example_window)
    qtbot.addWidget(dialog)
    assert "déjà lue" in dialog.boxes[1].currentText() and dialog.ok_button.isEnabled()
    dialog.boxes[2].setCurrentIndex(dialog.boxes[2].findData("q1-1"))
    assert not dialog.ok_button.isEnabled()
    assert "« 1. Dans l'ensemble" in dialog.summary.text() and "deux colonnes" in dialog.summary.text()


def test_an_answer_holding_markup_is_shown_as_text_in_its_tooltip(example_window, monkeypatch, tmp_path):
    """A respondent's text is data: a tooltip showing ``<img src=…>`` literally, never rendering it."""
    from PySide6.QtGui import QTextDocument

    export = tmp_path / "reponses.csv"
    export.write_text('q1-1,q1-3\n4,"<img src=""/etc/hosts""><b>gras</b>"\n', encoding="utf-8")
    page = import_export(example_window, monkeypatch, name=str(export))
    column = 2 + [q.id for q in page.questionnaire().questions].index("q1-3")
    tooltip = page.model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
    shown = QTextDocument()
    shown.setHtml(tooltip)
    assert shown.toPlainText() == '<img src="/etc/hosts"><b>gras</b>'


def test_statistics_are_rebuilt_when_what_they_show_changes_not_at_each_phase_keystroke(example_window,
                                                                                        monkeypatch):
    from parcours_designer.ui.commands import SetFields

    document = example_window.document
    page = import_export(example_window, monkeypatch)
    shown = page.stats_area.widget()
    phase_id = document.item("questionnaires", "q1").phase_id
    document.push(SetFields(document, "phases", phase_id, {"title": "Bilan collectif"}, merge=True))
    assert page.stats_area.widget() is shown
    document.push(SetFields(document, "phases", phase_id, {"participants": 18}))
    assert page.stats_area.widget() is not shown and "taux de réponse 50 %" in page.header.text()
