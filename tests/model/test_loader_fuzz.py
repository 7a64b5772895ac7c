"""Mutation fuzz of the loader: whatever the bytes, a pathway or one PathwayFileError (issue 8).

Thousands of seeded mutations of the bundled example (bytes flipped, cut,
repeated; values replaced by hostile ones: giant or tiny numbers, lone
surrogates, odd dates, wrong types, deep nesting, unknown keys…). A file
either loads, and then saves, reloads to the same pathway and computes its
budget, or is refused with :class:`PathwayFileError`, never anything else.
"""

from __future__ import annotations

import copy
import json
import random
import time

from parcours_designer.model import PathwayFileError, dump_pathway, parse_pathway
from parcours_designer.model.budget import compute_budget
from tests.model.factories import EXAMPLE

CASES = 2500
SEED = 8
RAW_NUMBERS = ["1e26", "1e30", "1e400", "-1e400", "1e-400", "9" * 5000, "-" + "9" * 4400, "1" + "0" * 19,
               "-0", "-0.0", "0.000000001", "1.0000000000000000000000000001", "123456789012345678901234567890.5"]
HOSTILE = [
    None, True, False, 0, -1, 2**31, 2**63, 10**18, -(10**18), 0.1, 1e308, -0.0, "", " ", "\t\n", "x" * 5000,
    "1e26", "1e999999999", "1e-999999999", "1e999999", "-0", "NaN", "Infinity", "١٢", "１２", "1_000", "12,50",
    "2027-01-01\n", "٢٠٢٧-٠١-٠١", "2027-02-30", "0001-01-01", "9999-12-31", "2027-13-01", "2027-1-1",
    "x\udfff", "\ud800", "a\udc00b", "<b>gras</b>", "=SUM(A1)", "\x00", "\u202e", "🎭" * 10,
    [], [None], [[[[]]]], ["x\udfff"], {}, {"id": "z"}, {"inconnu": 1}, {"\udfff": 1},
    "p1", "ph1", "o1", "n1", "a1", "zz",
]


def _mutate_bytes(raw: bytes, chance: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(chance.randint(1, 4)):
        position = chance.randrange(len(data))
        action = chance.random()
        if action < 0.3:
            data[position] = chance.randrange(256)
        elif action < 0.5:
            del data[position: position + chance.randint(1, 40)]
        elif action < 0.7:
            data[position:position] = bytes(chance.choice(b'{}[]":,0123456789-e.\\u') for _ in range(chance.randint(1, 6)))
        elif action < 0.85:
            data = data[:position]
        else:
            chunk = data[position: position + chance.randint(1, 200)]
            data[position:position] = chunk
        if not data:
            break
    return bytes(data)


def _random_node(document, chance: random.Random) -> tuple:
    """A (container, key) of the JSON tree, reached by a random descent."""
    container, key = document, chance.choice(list(document))
    depth = 1
    while isinstance(container[key], (dict, list)) and container[key] and (depth < 2 or chance.random() > 0.25):
        container = container[key]
        key = chance.choice(list(container)) if isinstance(container, dict) else chance.randrange(len(container))
        depth += 1
    return container, key


def _mutate_tree(document, chance: random.Random) -> bytes:
    placeholders = {}
    for _ in range(chance.randint(1, 3)):
        container, key = _random_node(document, chance)
        action = chance.random()
        if action < 0.35:
            value = copy.deepcopy(chance.choice(HOSTILE))
        elif action < 0.6:
            marker = f"@@{len(placeholders)}@@"
            placeholders[marker] = chance.choice(RAW_NUMBERS)
            value = marker
        elif action < 0.7 and isinstance(container, dict):
            del container[key]
            continue
        elif action < 0.8 and isinstance(container, list):
            container.append(json.loads(json.dumps(container[key])))  # a duplicate (same id)
            continue
        elif action < 0.9:
            value = [container[key]] * chance.randint(2, 3) if chance.random() < 0.5 else {"x": container[key]}
        else:
            value = json.loads("[" * 900 + "]" * 900)
        container[key] = value
    text = json.dumps(document, ensure_ascii=True)
    for marker, number in placeholders.items():
        text = text.replace(f'"{marker}"', number)
    return text.encode("utf-8")


def _accepted_file_holds(pathway) -> None:
    again = parse_pathway(dump_pathway(pathway), "resaved.parcours")
    assert again == pathway
    compute_budget(again)


def test_mutated_files_load_or_raise_only_pathway_file_error():
    started = time.perf_counter()
    raw = EXAMPLE.read_bytes()
    chance = random.Random(SEED)
    outcomes = {"refusés": 0, "acceptés": 0}
    for case in range(CASES):
        if case % 3 == 0:
            mutated = _mutate_bytes(raw, chance)
        else:
            mutated = _mutate_tree(json.loads(raw), chance)
        try:
            pathway = parse_pathway(mutated, f"cas-{case}.parcours")
        except PathwayFileError as error:
            message = str(error)
            message.encode("utf-8")
            assert "Input should" not in message and "Exceeds the limit" not in message, (case, message)
            outcomes["refusés"] += 1
            continue
        _accepted_file_holds(pathway)
        outcomes["acceptés"] += 1
    elapsed = time.perf_counter() - started
    print(f"{CASES} fichiers mutés en {elapsed:.1f} s : {outcomes}")
