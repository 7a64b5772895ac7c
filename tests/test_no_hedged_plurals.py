"""No text of the program hedges a plural (« 1 étape(s) »): counts are agreed with
``model.formatting.count_of`` or ``ui.plurals.by_count``.

The CERFA budget form's own line names (« Région(s) », « Commune(s) »…) are
quoted as the form writes them.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "parcours_designer"
HEDGED = re.compile(r"\w\((?:s|es|x)\)")
CERFA_LINES = ("Région(s)", "Département(s)", "Intercommunalité(s)", "Commune(s)")


def hedged_strings(path: Path, root: Path = SOURCES) -> list[str]:
    """« file:line: string » for each string literal of ``path`` that hedges a plural."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    found = []
    for token in tokens:
        if token.type != tokenize.STRING:
            continue
        text = token.string
        for name in CERFA_LINES:
            text = text.replace(name, "")
        if HEDGED.search(text):
            found.append(f"{path.relative_to(root)}:{token.start[0]}: {token.string[:70]}")
    return found


def test_no_string_hedges_a_plural():
    found = [line for path in sorted(SOURCES.rglob("*.py")) for line in hedged_strings(path)]
    assert found == []


def test_the_check_finds_a_hedged_plural(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('TEXT = f"{n} étape(s)"\nOK = "Région(s)"  # étape(s) in a comment\n', encoding="utf-8")
    assert hedged_strings(sample, tmp_path) == ['sample.py:1: f"{n} étape(s)"']
