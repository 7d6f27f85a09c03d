"""The document editor: one widget per section over one declarative field table.

``fields`` is the table (path, input, texts); ``paths`` and ``binding`` read and write a
document through it; each section module lays out its part; ``document_editor``
assembles them and runs validation, undo and autosave.
"""

from fitnote_desktop.ui.editor.document_editor import DocumentEditor

__all__ = ["DocumentEditor"]
