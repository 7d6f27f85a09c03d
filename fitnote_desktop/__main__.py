"""`python -m fitnote_desktop` is the same as the `fitnote-desktop` command."""

from fitnote_desktop.cli import main

raise SystemExit(main())
