"""Characters no document format may carry: control characters (XML 1.0, iCalendar).

User text can hold them (pasted from another program); every export drops
them through this one helper rather than producing a file others refuse.
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control(text: object) -> str:
    """``text`` as a string without control characters (tabs and line breaks kept)."""
    return CONTROL.sub("", "" if text is None else str(text))


def without_control_bytes(data: bytes) -> bytes:
    """UTF-8 bytes without control characters (their bytes never occur inside a multi-byte character)."""
    return CONTROL_BYTES.sub(b"", data)
