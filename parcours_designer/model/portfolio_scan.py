"""Reading a folder of pathways: every ``*.parcours`` below it, never stopping at a bad one.

A portfolio is read, never written: files are opened for reading only, once,
and a file being saved by another editor is read as it is on disk (read
again when it changed while being read). Summaries can be kept in a
:class:`SummaryStore` keyed by path, size and modification time, so that a
second reading only looks at the files that changed.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Protocol

from parcours_designer.model.errors import PathwayError
from parcours_designer.model.fileformat import EXTENSION, load_pathway
from parcours_designer.model.portfolio import Portfolio, PortfolioError, Unreadable
from parcours_designer.model.pathway import Pathway
from parcours_designer.model.portfolio_summary import SUMMARY_VERSION, PathwaySummary, summarise

if TYPE_CHECKING:  # the catalogue (and the check's rules) load only when a pathway is scored
    from parcours_designer.model.frameworks import FrameworkCatalog

# on_progress(files read, files in all, relative path just read)
ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class FileStamp:
    """What tells that a file changed: its size and modification time (ns)."""

    size: int
    mtime_ns: int


class SummaryStore(Protocol):
    """Where summaries are kept between readings (the user's cache)."""

    def get(self, path: str, stamp: FileStamp, signature: str) -> Optional[dict[str, Any]]: ...

    def put(self, path: str, stamp: FileStamp, signature: str, entry: dict[str, Any]) -> None: ...


def find_pathway_files(folder: Path, refused: Optional[list[Unreadable]] = None) -> list[str]:
    """The names, relative to ``folder`` with « / », of every ``*.parcours`` below it, sorted.

    Links to folders are not followed; a file reached again through a link
    is listed once; a folder that cannot be listed is added to ``refused``
    with a French message."""
    base = os.path.abspath(folder)

    def cannot_list(error: OSError) -> None:
        if refused is not None:
            name = _relative(error.filename or base, base) or "."
            why = "lecture non autorisée" if isinstance(error, PermissionError) else "lecture impossible"
            refused.append(Unreadable(name, f"{name} : dossier illisible ({why})"))

    found: list[tuple[str, str, bool]] = []  # (relative name, real path, reached through a link)
    for root, folders, files in os.walk(base, onerror=cannot_list):
        folders.sort()
        prefix = _relative(root, base)
        real_root = os.path.realpath(root)
        for name in sorted(files):
            if name.lower().endswith(EXTENSION):
                path = os.path.join(root, name)
                link = os.path.islink(path)
                found.append((f"{prefix}/{name}" if prefix else name,
                              os.path.realpath(path) if link else os.path.join(real_root, name), link))
    return _each_file_once(found)


def _each_file_once(found: list[tuple[str, str, bool]]) -> list[str]:
    """A file reached again through a link counts once, under its own name when it is in the folder."""
    seen = {real for _name, real, link in found if not link}
    kept = []
    for name, real, link in found:
        if link:
            if real in seen:
                continue
            seen.add(real)
        kept.append(name)
    return kept


def _relative(path: str, base: str) -> str:
    return path[len(base):].lstrip(os.sep).replace(os.sep, "/")


def stamp_of(path: str | Path) -> Optional[FileStamp]:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return FileStamp(status.st_size, status.st_mtime_ns)


def framework_signature(folders: list[Path]) -> str:
    """Changes when the summary's shape or a framework file changes (scores would differ).

    Only the files' names, sizes and times are looked at: nothing is parsed."""
    parts = [f"v{SUMMARY_VERSION}"]
    for folder in folders:
        try:
            names = sorted(entry.name for entry in os.scandir(folder) if entry.name.endswith(".json"))
        except OSError:
            continue
        parts += [f"{folder / name}:{stamp_of(folder / name)}" for name in names]
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()


def scoring_signature(folders: list[Path], today: date) -> str:
    """The signature of summaries scored on ``today`` against the frameworks of ``folders``: a
    score judges what is late as of its day, so a summary kept from another day is read again."""
    return f"{framework_signature(folders)}:{today.isoformat()}"


Scorer = Callable[[Pathway], Optional[int]]


def catalog_scorer(folders: list[Path], today: Optional[date] = None) -> Scorer:
    """The check's score of a pathway against its framework (``None``: framework unknown),
    the frameworks read from ``folders`` (see :func:`parcours_designer.paths.framework_folders`),
    judged as of ``today`` (by default the real one, at each score) like the editor and ``check``.

    The catalogue is loaded on the first pathway to score: a reading that
    finds every summary in the store never loads it."""
    loaded: list[FrameworkCatalog] = []

    def score(pathway: Pathway) -> Optional[int]:
        from parcours_designer.model.check import run_check
        from parcours_designer.model.frameworks import load_catalog

        if not loaded:
            loaded.append(load_catalog(folders))
        framework = loaded[0].get(pathway.framework)
        return run_check(pathway, framework, today=today or date.today()).score if framework is not None else None

    return score


def read_portfolio(folder: Path, score: Optional[Scorer] = None, store: Optional[SummaryStore] = None,
                   on_progress: Optional[ProgressCallback] = None, signature: str = "") -> Portfolio:
    """Every pathway below ``folder``; unreadable files are listed with their French message.

    ``score`` gives each pathway its score (none without it); ``signature``
    is stored with each summary and must be the same for it to be reused."""
    if not Path(folder).is_dir():
        raise PortfolioError(f"{folder} : ce dossier n'existe pas ou n'est pas un dossier")
    portfolio = Portfolio()
    files = find_pathway_files(folder, portfolio.unreadable)
    signature = f"{signature}:{score is not None}"
    base = os.path.abspath(folder)
    for number, name in enumerate(files, start=1):
        entry = read_entry(os.path.join(base, *name.split("/")), name, score, store, signature)
        if "summary" in entry:  # the stored path may be relative to another folder
            portfolio.pathways.append(PathwaySummary.from_dict({**entry["summary"], "path": name}))
        else:
            portfolio.unreadable.append(Unreadable(name, entry["error"]))
        if on_progress is not None:
            on_progress(number, len(files), name)
    return portfolio


def read_entry(path: str, name: str, score: Optional[Scorer], store: Optional[SummaryStore],
               signature: str) -> dict[str, Any]:
    """``{"summary": …}`` or ``{"error": message}`` for the file at ``path`` (absolute),
    from the store when unchanged."""
    stamp = stamp_of(path)
    key = path
    if store is not None and stamp is not None:
        kept = store.get(key, stamp, signature)
        if kept is not None:
            return kept
    for _attempt in range(3):
        entry = _entry(path, name, score)
        after = stamp_of(path)
        if after == stamp:  # not saved meanwhile by another program: it is the file as saved
            if store is not None and stamp is not None and not entry.get("not_read"):
                store.put(key, stamp, signature, entry)
            return entry
        stamp = after
    return entry


def _entry(path: str, name: str, score: Optional[Scorer]) -> dict[str, Any]:
    """The summary, or the French message naming the file by ``name``; ``not_read`` when the
    system refused the reading (a lock, a network hiccup): never kept, tried again next time."""
    try:
        pathway = load_pathway(path)
    except PathwayError as error:
        message = str(error)
        if message.startswith(path):
            message = name + message[len(path):]
        return {"error": message, "not_read": isinstance(error.__context__, OSError)}
    return {"summary": summarise(pathway, name, score(pathway) if score else None).to_dict()}


def load_member(folder: Path, summary_path: str) -> Pathway:
    """The whole pathway of a portfolio's member, read from its file as saved."""
    return load_pathway(Path(folder) / summary_path)
