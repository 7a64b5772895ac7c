"""Entry point of the frozen program: the same command line as ``parcours-designer``."""

from parcours_designer.cli import main

raise SystemExit(main())
