"""The pages that gather several lists: Budget, Évaluation, and the simple list pages."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from parcours_designer.model.budget import Budget
from parcours_designer.model.formatting import format_money
from parcours_designer.ui import specs
from parcours_designer.ui.checklist import ChecklistEditor
from parcours_designer.ui.derived import DerivedState, derived_state
from parcours_designer.ui.document import Document
from parcours_designer.ui.form import Form
from parcours_designer.ui.list_page import ListPage
from parcours_designer.ui.nested import AudienceLinksEditor, PartnerLinksEditor, TopicsEditor
from parcours_designer.ui.questions_editor import QuestionsEditor
from parcours_designer.ui.responses_page import ResponsesPage


BUDGET_FORM_WIDTH = 270


class MultiListPage(QWidget):
    """A page holding several :class:`ListPage`; ``select`` finds the right one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.list_pages: dict[str, ListPage] = {}

    def show_list(self, list_name: str) -> None:
        """Bring the part showing ``list_name`` forward (tabs override this)."""

    def select(self, list_name: str, item_id: Optional[str]) -> None:
        page = self.list_pages.get(list_name)
        if page is not None:
            self.show_list(list_name)
            page.select(item_id)
            page.table.setFocus()


class SingleListPage(MultiListPage):
    def __init__(self, document: Document, list_name: str, parent=None, extra=None):
        super().__init__(parent)
        page = ListPage(document, list_name, self, extra)
        self.list_pages[list_name] = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)


class PhasesPage(MultiListPage):
    """The phases and the selected one's form; below, the full width for its deliverables' table."""

    def __init__(self, document: Document, parent=None):
        from parcours_designer.ui.deliverables_editor import DeliverablesEditor

        super().__init__(parent)
        page = ListPage(document, "phases", self)
        self.list_pages["phases"] = page
        self.deliverables = DeliverablesEditor(document, self)
        page.extra.append(self.deliverables)  # it follows the selection
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(6, 0, 6, 6)  # aligned on the list page's own margins
        lower_layout.addWidget(self.deliverables)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(page)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)


def partners_page(document: Document, parent=None) -> SingleListPage:
    return SingleListPage(document, "partners", parent, [PartnerLinksEditor(document), AudienceLinksEditor(document)])


class BudgetPage(MultiListPage):
    """Two tabs: « Prévisionnel » (charges above, produits below, totals on top) and « Réalisé »."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        derived = derived_state(document)
        self.totals = QLabel(self)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setStyleSheet("font-weight: bold; padding: 4px;")
        self.totals.setAccessibleName(self.tr("Totaux du budget"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for list_name, title in (("costs", self.tr("Charges")), ("funding", self.tr("Produits"))):
            box = QGroupBox(title, splitter)
            page = ListPage(document, list_name, box)
            page.set_form_width(BUDGET_FORM_WIDTH)  # short forms: the amounts' columns get the room
            QVBoxLayout(box).addWidget(page)
            self.list_pages[list_name] = page
            splitter.addWidget(box)
        forecast = QWidget(self)
        forecast_layout = QVBoxLayout(forecast)
        forecast_layout.setContentsMargins(0, 0, 0, 0)
        forecast_layout.addWidget(self.totals)
        forecast_layout.addWidget(splitter, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(forecast, self.tr("&Prévisionnel"))
        self.realised = _realised_view(document, self.tabs)
        self.tabs.addTab(self.realised, self.tr("&Réalisé"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        derived.updated.connect(self.show_state)
        self.show_state(derived.refresh_now())

    def show_list(self, list_name: str) -> None:
        self.tabs.setCurrentIndex(0)

    def show_state(self, state: DerivedState) -> None:
        self.show_budget(state.budget)
        self.realised.show_realised(state.realised)

    def show_budget(self, budget: Budget) -> None:
        balance = budget.balance
        balance_text = format_money(balance) if balance >= 0 else "−" + format_money(-balance)
        self.totals.setText(self.tr("Charges : {0}    Produits : {1}    Solde : {2}").format(
            format_money(budget.total_charges), format_money(budget.total_products), balance_text))


def _realised_view(document: Document, parent):
    from parcours_designer.ui.realised_view import RealisedView

    return RealisedView(document, parent)


class EvaluationPage(MultiListPage):
    """Indicateurs, questionnaires and the bilan, in tabs."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.list_pages["indicators"] = ListPage(document, "indicators", self.tabs)
        self.list_pages["questionnaires"] = ListPage(document, "questionnaires", self.tabs,
                                                     [QuestionsEditor(document)])
        self.tabs.addTab(self.list_pages["indicators"], self.tr("&Indicateurs"))
        self.tabs.addTab(self.list_pages["questionnaires"], self.tr("&Questionnaires"))
        self.responses = ResponsesPage(document, self.tabs)
        self.tabs.addTab(self.responses, self.tr("&Réponses"))
        self.tabs.addTab(self._review(document), self.tr("&Bilan"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _review(self, document: Document) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        self.checklist = ChecklistEditor(document, holder)
        layout.addWidget(self.checklist)
        self.review_form = Form(document, None, specs.REVIEW_FIELDS(), holder)
        self.review_form.reload()
        layout.addWidget(self.review_form)
        layout.addWidget(TopicsEditor(document, holder))
        layout.addStretch(1)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(holder)
        return area

    def show_list(self, list_name: str) -> None:
        self.tabs.setCurrentWidget(self.list_pages[list_name])

    def show_review(self) -> None:
        self.tabs.setCurrentIndex(self.tabs.count() - 1)
