"""Announcements for screen readers: results and completions that change silently otherwise.

A search result count, "Added: d4301", "Sent, receipt received" appear on screen without
focus moving, so a screen reader says nothing. Qt 6.8 added
``QAccessibleAnnouncementEvent``, which AT-SPI passes on as an announcement (ARIA's live
region). Every announcement also goes out through :data:`announcer`'s ``posted`` signal, so
the app can echo it in a status line and tests can check what was announced without an
accessibility bus.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


class Announcer(QObject):
    """Process-wide fan-out of announcements (one per application)."""

    posted = Signal(str)


announcer = Announcer()


def announce(source: QWidget, text: str, *, assertive: bool = False) -> None:
    """Tell assistive technology ``text`` on behalf of ``source`` (polite unless ``assertive``).

    ``source`` is the widget the announcement belongs to (the search field, the editor);
    screen readers use it to decide whether the message is relevant to the focused window.
    """
    if not text:
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
    announcer.posted.emit(text)
