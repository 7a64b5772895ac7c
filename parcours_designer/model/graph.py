"""Dependency graphs: strongly connected components (never looped on) and one real loop of each."""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from parcours_designer.model.entities import Phase


def strongly_connected(nodes: Sequence[str], edges: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Tarjan's components, iteratively (no recursion limit on long chains)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    components.append(_pop_component(stack, on_stack, node))
                continue
            if child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(edges.get(child, ()))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return components


def _pop_component(stack: list[str], on_stack: set[str], root: str) -> list[str]:
    component = []
    while True:
        node = stack.pop()
        on_stack.discard(node)
        component.append(node)
        if node == root:
            return component[::-1]


def cycle_path(component: Sequence[str], edges: Mapping[str, Iterable[str]]) -> list[str]:
    """One real loop through the first node of a cycle group, in edge order."""
    start, members = component[0], set(component)
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in edges.get(node, ()):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return path[::-1]
                if child in members and child not in previous:
                    previous[child] = node
                    following.append(child)
        frontier = following
    return list(component)


def phase_edges(phases: Iterable[Phase]) -> dict[str, list[str]]:
    """phase id → the ids it depends on (only ids that exist)."""
    phase_list = list(phases)
    known = {phase.id for phase in phase_list}
    return {phase.id: [d for d in phase.depends_on if d in known] for phase in phase_list}
