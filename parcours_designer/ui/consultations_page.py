"""The « Consultations » page: the consultations of providers, their criteria, offers and documents.

Above, the list of consultations with the selected one's form (title,
phases bought, dates, what is asked, how to answer, budget ceiling, reason
of the choice). Below, its criteria with their weights, the offers received
with their weighted score and rank, « Retenir cette offre », and the two
documents of the consultation: the cahier des charges and the comparison.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from parcours_designer.ui.document import Document
from parcours_designer.ui.list_page import ListPage
from parcours_designer.ui.offers_editor import CriteriaEditor, OffersEditor
from parcours_designer.ui.pages import MultiListPage


class ConsultationDocuments(QWidget):
    """The buttons exporting the selected consultation's cahier des charges and offers compared."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.consultation_id: Optional[str] = None
        self.specifications = QPushButton(self.tr("Exporter le cahier des charges…"), self)
        self.offers = QPushButton(self.tr("Exporter la comparaison des offres…"), self)
        self.specifications.clicked.connect(lambda: self._export("specifications"))
        self.offers.clicked.connect(lambda: self._export("offers"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.specifications)
        layout.addWidget(self.offers)
        layout.addStretch(1)
        self.setEnabled(False)

    def set_item(self, item_id: Optional[str]) -> None:
        self.consultation_id = item_id
        self.setEnabled(item_id is not None)

    def _export(self, kind_name: str) -> None:
        from parcours_designer.export.registry import EXPORT_KINDS

        files = getattr(self.window(), "files", None)
        if files is not None and self.consultation_id is not None:
            files.export(EXPORT_KINDS[kind_name], consultation_id=self.consultation_id)


class ConsultationsPage(MultiListPage):
    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        page = ListPage(document, "consultations", self)
        self.list_pages["consultations"] = page
        self.criteria = CriteriaEditor(document, self)
        self.offers = OffersEditor(document, self)
        self.documents = ConsultationDocuments(self)
        page.extra += [self.criteria, self.offers, self.documents]  # they follow the selection
        lower = QWidget(self)
        row = QHBoxLayout()
        row.addWidget(self.criteria, 2)
        row.addWidget(self.offers, 5)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(6, 0, 6, 6)
        lower_layout.addLayout(row)
        lower_layout.addWidget(self.criteria.error)
        lower_layout.addWidget(self.documents)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(page)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
