"""What the window and its pages ask of each other, declared (instead of looked up with ``hasattr``).

A :class:`Page` shows one or more lists (``PageInfo.lists``): the window
calls :meth:`Page.select` to bring an item of one of them forward when it is
chosen elsewhere. An :class:`ItemChooser` says when the user chose an item
(a bar of the chart, a finding, a row of the follow-up): its one signal is
``item_chosen(list_name, item_id)`` (``list_name`` ``None``: the pathway itself).
"""

from __future__ import annotations

from typing import Optional, Protocol, runtime_checkable

from PySide6.QtCore import Signal


@runtime_checkable
class Page(Protocol):
    def select(self, list_name: str, item_id: Optional[str]) -> None:
        """Select the item ``item_id`` of ``list_name`` (``None``: no item), showing its part of the page."""


@runtime_checkable
class ItemChooser(Protocol):
    item_chosen: Signal  # (list name or None, item id or None)


@runtime_checkable
class ItemOpener(Protocol):
    """The window: shows the page of an item and selects it there (``None``: the overview)."""

    def open_item(self, list_name: Optional[str], item_id: Optional[str]) -> None: ...
