"""The demo banner, and the way from the desktop app to the sandbox's web desk.

In demo mode the embedded sandbox endpoint also serves the web desk of the advising and
occupational physicians (the other side of a question), on a port that changes at every
start. The banner shows its address as selectable text, so that it can be copied into
any browser, and Help > "Open the web desk…" opens it in the default browser. The
sandbox's TLS certificate comes from the demo's own CA, so the browser warns about it:
both say so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QWidget


def demo_banner(parent: QWidget, visible: bool) -> QLabel:
    """The banner over the window in demo mode; its text (and the address) can be selected."""
    banner = QLabel(parent)
    banner.setObjectName("demoBanner")
    banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
    banner.setWordWrap(True)
    banner.setTextFormat(Qt.TextFormat.PlainText)
    banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    banner.setVisible(visible)
    return banner


def banner_text(desk_url: str) -> str:
    """The demo banner: what is fictitious, then (when served) where the web desk is."""
    text = QCoreApplication.translate(
        "MainWindow", "DEMO — fictitious physician and patients, sandbox endpoint on this computer"
    )
    if not desk_url:
        return text
    desk = QCoreApplication.translate(
        "MainWindow", "Web desk of the advising and occupational physicians: %1"
    ).replace("%1", desk_url)
    return f"{text}\n{desk} — {certificate_warning()}"


def certificate_warning() -> str:
    return QCoreApplication.translate(
        "MainWindow", "The browser will warn about the sandbox's own demo certificate."
    )


def open_web_desk(desk_url: str) -> bool:
    """Open the web desk in the default browser; False when there is none (not a demo)."""
    return bool(desk_url) and QDesktopServices.openUrl(QUrl(desk_url))
