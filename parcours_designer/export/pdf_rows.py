"""Table rows that never leave an orphan fragment on the next page.

A row that fits on a page is kept whole (the table breaks between rows
only). A row taller than a page is cut here, beforehand, into page-sized
rows; each continuation repeats the row's key cell (its first column)
followed by « (suite) », so that a reader knows what the fragment belongs to.
"""

from __future__ import annotations

from typing import Callable, Sequence

CELL_PADDING_X = 12  # reportlab's default left + right cell padding
CELL_PADDING_Y = 5  # the table style's top + bottom padding
KEY_ROOM = 60  # characters of the key repeated on a continuation


def _height(cell, width: float) -> float:
    if not hasattr(cell, "wrap"):
        return 0.0
    return cell.wrap(width - CELL_PADDING_X, 1e9)[1]


def _split(cell, width: float, room: float):
    """``(first part, rest or None)`` of a cell cut to ``room`` points of height."""
    if not hasattr(cell, "split") or _height(cell, width) <= room:
        return cell, None
    parts = cell.split(width - CELL_PADDING_X, room)
    if len(parts) < 2:
        return cell, None
    return parts[0], parts[1]


def continued_key(text: str) -> str:
    """The key cell of a continuation row: its first line, then « (suite) »."""
    first_line = str(text).strip().split("\n")[0]
    flat = " ".join(first_line.split())
    if len(flat) > KEY_ROOM:
        flat = flat[: KEY_ROOM - 1].rstrip() + "…"
    return f"{flat} (suite)"


def page_sized_rows(rows: Sequence[list], widths: Sequence[float], room: float,
                    key_cell: Callable[[int], object]) -> tuple[list[list], list[int]]:
    """Rows no taller than ``room`` points, and for each new row the index of the row it came from.

    ``key_cell(index)`` makes the continuation key of row ``index``.
    """
    result, origin = [], []
    for index, row in enumerate(rows):
        pending = list(row)
        while pending is not None:
            tallest = max((_height(cell, width) for cell, width in zip(pending, widths)), default=0)
            if tallest + CELL_PADDING_Y <= room:
                result.append(pending)
                origin.append(index)
                break
            cut = [_split(cell, width, room - CELL_PADDING_Y) for cell, width in zip(pending, widths)]
            if all(rest is None for _part, rest in cut):  # nothing can be cut: let the table cope
                result.append(pending)
                origin.append(index)
                break
            result.append([part for part, _rest in cut])
            origin.append(index)
            pending = [rest if rest is not None else "" for _part, rest in cut]
            if cut[0][1] is None:  # the key was whole: repeat it, marked « (suite) »
                pending[0] = key_cell(index)
    return result, origin
