"""Composition root: settings -> concrete adapters -> services -> UI or CLI."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    """Start the desktop application (the UI layer is built in its own issue)."""
    from fitnote_desktop.cli import CommandError

    raise CommandError("the desktop UI is not built yet; see `fitnote-desktop --help`", 1)
