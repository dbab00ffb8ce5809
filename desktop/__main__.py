"""`python -m desktop` starts the app (or a CLI sub-command)."""

from desktop.cli import main

raise SystemExit(main())
