from parcours_designer.cli import main

raise SystemExit(main())
