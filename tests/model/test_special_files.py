"""A named pipe or a device named like a pathway or an export is refused at once, never read:
reading one would block for ever (a FIFO) or fill the memory (/dev/zero)."""

from __future__ import annotations

import os
import threading
import time

import pytest

from parcours_designer.model import PathwayFileError, load_pathway
from parcours_designer.model.answers.table import AnswersFileError, read_table
from parcours_designer.model.portfolio_scan import read_portfolio
from tests.model.factories import EXAMPLE

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


@pytest.fixture
def fifo(tmp_path):
    """A named pipe; if anything opens it to read, a writer feeds it a little and closes it
    after a moment (so a test of the old behaviour fails instead of hanging)."""
    path = tmp_path / "tube.parcours"
    os.mkfifo(path)
    stop = threading.Event()

    def unblock_reader():
        deadline = time.monotonic() + 5
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                descriptor = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # nobody reading: nothing to unblock
                time.sleep(0.05)
                continue
            os.write(descriptor, b"q1-1,q1-3\n4,x\n")
            os.close(descriptor)
            return

    writer = threading.Thread(target=unblock_reader, daemon=True)
    writer.start()
    yield path
    stop.set()
    writer.join(timeout=6)


def test_a_pathway_that_is_a_named_pipe_is_refused_unread(fifo):
    with pytest.raises(PathwayFileError, match="tube.parcours : ce n'est pas un fichier ordinaire"):
        load_pathway(fifo)


def test_an_export_of_answers_that_is_a_named_pipe_is_refused_unread(fifo):
    with pytest.raises(AnswersFileError, match="tube.parcours : ce n'est pas un fichier ordinaire"):
        read_table(fifo)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused_unread():
    with pytest.raises(PathwayFileError, match="pas un fichier ordinaire"):
        load_pathway("/dev/zero")
    with pytest.raises(AnswersFileError, match="pas un fichier ordinaire"):
        read_table("/dev/zero")


def test_a_portfolio_lists_a_named_pipe_as_unreadable_and_reads_the_rest(fifo):
    (fifo.parent / "a.parcours").write_bytes(EXAMPLE.read_bytes())
    portfolio = read_portfolio(fifo.parent)
    assert [s.path for s in portfolio.pathways] == ["a.parcours"]
    assert [(u.path, u.message) for u in portfolio.unreadable] == \
        [("tube.parcours", "tube.parcours : ce n'est pas un fichier ordinaire (tube ou périphérique)")]
