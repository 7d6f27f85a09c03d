"""Undo steps as pairs of document values; typing in one field merges into one step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from fitnote_desktop.domain.model import Document


class Snapshot(QUndoCommand):
    """One edit: ``before`` and ``after``; ``show`` puts a document back into the editor."""

    def __init__(
        self,
        show: Callable[[Document], None],
        before: Document,
        after: Document,
        path: str,
        mergeable: bool,
    ) -> None:
        super().__init__()
        self.show, self.before, self.after = show, before, after
        self.path, self.mergeable = path, mergeable
        self._first = True

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, Snapshot) and other.path == self.path and self.mergeable:
            self.after = other.after
            return True
        return False

    def redo(self) -> None:
        if self._first:  # the inputs already show ``after``
            self._first = False
            return
        self.show(self.after)

    def undo(self) -> None:
        self.show(self.before)
