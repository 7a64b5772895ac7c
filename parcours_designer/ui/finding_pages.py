"""Which page a finding about the whole pathway opens (« Le budget n'est pas équilibré » → Budget).

A finding on an item opens that item; one on the pathway itself opens the
page where it can be fixed, found from its rule's id by the first matching
word below. A rule matching none opens the overview.
"""

from __future__ import annotations

OVERVIEW = "overview"

# (word in the rule id, page key), first match wins: more specific words first.
RULE_WORDS: tuple[tuple[str, str], ...] = (
    ("questionnaire", "evaluation"),
    ("indicator", "evaluation"),
    ("review", "evaluation"),
    ("topic", "evaluation"),
    ("budget", "budget"),
    ("funding", "budget"),
    ("in-kind", "budget"),
    ("cost", "budget"),
    ("risk", "risks"),
    ("workload", "planning"),
    ("dependenc", "planning"),
    ("cycle", "planning"),
    ("gap", "planning"),
    ("stakeholder", "partners"),
    ("interaction", "partners"),
    ("partner", "partners"),
    ("audience", "audiences"),
    ("need", "needs"),
    ("diagnostic-phase", "phases"),
    ("diagnostic", "needs"),
    ("field-observation", "needs"),
    ("objective", "objectives"),
    ("phase", "phases"),
    ("peer", "phases"),
    ("steering", "phases"),
    ("workshop", "phases"),
)


def page_for_rule(rule_id: str, page_keys: set[str]) -> str:
    """The page to open for a finding of ``rule_id`` on the whole pathway."""
    for word, key in RULE_WORDS:
        if word in rule_id and key in page_keys:
            return key
    return OVERVIEW
